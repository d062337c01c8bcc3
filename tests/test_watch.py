"""Watching: the watch file, rounds that ingest only what is new, survival of bad sources,
clean stops on a stop event and on SIGTERM."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import free_port
from detente.errors import UsageError
from detente.store import Store
from detente.watch import Round, WatchSpec, load_watch, parse_interval, watch_forever, watch_once

CLI = "import typer; from detente.cli import watching; app = typer.Typer(); watching.register(app); app()"


def _app() -> typer.Typer:
    from detente.cli import watching

    app = typer.Typer()
    watching.register(app)
    return app


def test_watch_load_watch_file(tmp_path: Path) -> None:
    path = tmp_path / "watch.toml"
    path.write_text("""
interval = "15m"
webhook = "https://hooks.example.org/detente"
since = "2025-03-01"

[sources]
feeds = ["https://example.org/world.rss", "feeds/local.rss"]
urls = ["lists/today.urls"]
folders = ["inbox/"]
allow_private = true

[watch]
dyads = [["USA", "RUS"], "CHN-TWN"]
issues = ["ceasefire"]
""", encoding="utf-8")
    spec = load_watch(path)
    assert spec.interval == 900.0 and spec.webhook == "https://hooks.example.org/detente"
    assert spec.since == dt.date(2025, 3, 1) and spec.allow_private
    assert spec.feeds == ("https://example.org/world.rss", str(tmp_path / "feeds/local.rss"))
    assert spec.sources[-1] == str(tmp_path / "inbox")
    assert spec.dyads == (("USA", "RUS"), ("CHN", "TWN")) and spec.issues == ("ceasefire",)


@pytest.mark.parametrize(("text", "message"), [
    ("interval = 'soon'\n[watch]\nissues = ['x']", "not a duration"),
    ("interval = 0.1\n[watch]\nissues = ['x']", "under one second"),
    ("[watch]\ndyads = ['USA']", "not two actor codes"),
    ("[watch]\ndyads = [['USA', 'USAGOV']]", "same party twice"),
    ("[watch]\nparties = ['u s a']", "not a CAMEO-style actor code"),
    ("webhook = 'ftp://x'\n[watch]\nissues = ['x']", "not an http"),
    ("feeds = ['x']", "unknown key"),
    ("[sources]\nfolder = ['x']", "unknown key"),
    ("interval = 60", "names no sources"),
    ("[watch", "TOML"),
])
def test_watch_load_watch_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_watch(path)
    with pytest.raises(UsageError, match="does not exist"):
        load_watch(tmp_path / "missing.toml")


def test_watch_parse_interval() -> None:
    assert [parse_interval(v) for v in (5, "90s", "2m", "1h", "1d")] == [5.0, 90.0, 120.0, 3600.0, 86400.0]


def test_watch_forever_stops_on_the_event_and_survives_bad_rounds(db_path: Path) -> None:
    """No sources (so no model), a webhook that is down: every round logs and goes on."""
    spec = WatchSpec(dyads=(("USA", "RUS"),), issues=("ceasefire",), interval=1,
                     webhook=f"http://127.0.0.1:{free_port()}/down", timeout=1)
    stop = threading.Event()
    rounds: list[Round] = []

    def on_round(result: Round) -> None:
        rounds.append(result)
        if len(rounds) == 2:
            stop.set()

    assert watch_forever(spec, db_path, stop, max_rounds=2, on_round=on_round) == 2
    assert all(r.error is None and r.posted == 0 for r in rounds)
    # in a background thread, stopped from outside while it waits for the next round
    spec = dataclasses.replace(spec, interval=600)
    stop = threading.Event()
    thread = threading.Thread(target=watch_forever, args=(spec, db_path, stop), kwargs={"on_round": rounds.append})
    thread.start()
    deadline = time.monotonic() + 30
    while len(rounds) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive() and len(rounds) == 3


@pytest.mark.slow
def test_watch_once_ingests_new_files_only_and_survives_a_missing_feed(tmp_path: Path, examples_dir: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(examples_dir / "riyadh-talks-us-russia.txt", inbox)
    shutil.copy(examples_dir / "jeddah-ceasefire-proposal.txt", inbox)
    watchfile = tmp_path / "watch.toml"
    watchfile.write_text("""
interval = 60
[sources]
feeds = ["no-such-feed.rss"]
folders = ["inbox"]
[watch]
dyads = [["USA", "RUS"], ["USA", "UKR"]]
issues = ["ceasefire"]
""", encoding="utf-8")
    db = tmp_path / "watch.duckdb"
    runner = CliRunner()
    first = runner.invoke(_app(), ["watch", str(watchfile), "--db", str(db), "--once"])
    assert first.exit_code == 0, first.output
    assert "Round 1: 2 new articles, 1 problems" in first.stdout
    shutil.copy(examples_dir / "istanbul-embassy-talks.txt", inbox)
    second = runner.invoke(_app(), ["watch", str(watchfile), "--db", str(db), "--once"])
    assert second.exit_code == 0, second.output
    assert "1 new articles" in second.stdout
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
        errors = store.con.execute("SELECT DISTINCT code, locator FROM ingest_errors").fetchall()
        stored = store.con.execute("SELECT count(*) FROM alerts").fetchone()
    assert errors == [("D001", str(tmp_path / "no-such-feed.rss"))]
    # re-running with nothing new stores no alert twice
    with Store(db) as store:
        again = watch_once(load_watch(watchfile), store, number=3)
        assert again.run["ingested"] == 0 and again.stored == 0 and again.raised == (stored[0] if stored else 0)


@pytest.mark.slow
def test_watch_sigterm_stops_cleanly(tmp_path: Path, examples_dir: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(examples_dir / "riyadh-talks-us-russia.txt", inbox)
    watchfile = tmp_path / "watch.toml"
    watchfile.write_text('interval = "10m"\n[sources]\nfolders = ["inbox"]\n[watch]\ndyads = ["USA-RUS"]\n', encoding="utf-8")
    args = [sys.executable, "-u", "-c", CLI, "watch", str(watchfile), "--db", str(tmp_path / "w.duckdb")]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()  # blocks until the first round has been reported
            assert line.startswith("Round 1: 1 new articles"), line
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            _, errors = proc.communicate(timeout=30)
            assert proc.returncode == 0, errors
            assert time.monotonic() - started < 30 and "SIGTERM" in errors
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
