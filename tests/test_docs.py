"""The README documents every command, error code family and table; __all__ is guarded."""

from __future__ import annotations

import re
from pathlib import Path

import detente
from detente.cli import app
from detente.errors import MESSAGES, DetenteError
from detente.store.migrations import MIGRATIONS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_docs_readme_opens_with_the_two_commands() -> None:
    head = README[:400]
    assert "make demo" in head and "make test" in head


def test_docs_every_command_is_in_the_readme() -> None:
    names = [command.name for command in app.registered_commands] + [group.name for group in app.registered_groups]
    assert len(names) >= 8
    for name in names:
        assert f"detente {name}" in README, name


def test_docs_every_table_is_in_the_readme() -> None:
    tables = set(re.findall(r"CREATE TABLE (\w+)", "\n".join(m.sql for m in MIGRATIONS)))
    assert tables >= {"articles", "sentences", "mentions", "ingest_runs", "ingest_errors"}
    for table in tables:
        assert f"`{table}`" in README, table


def test_docs_public_api_is_exactly_all() -> None:
    for name in detente.__all__:
        assert hasattr(detente, name), name
    assert set(detente.__all__) == {
        "Article", "DetenteError", "Document", "FieldMap", "IngestOptions", "Mention", "Problem", "RunOptions",
        "RunSummary", "Sentence", "Store", "__version__", "annotate_pending", "article_id", "clean_text",
        "find_date", "parse_date", "prepare", "run",
    }


def test_docs_error_messages_are_numbered_one_liners() -> None:
    for code, (name, hint) in MESSAGES.items():
        assert re.fullmatch(r"D\d{3}", code)
        message = str(DetenteError(code, "detail\nwith a line break"))
        assert message.startswith(f"[{code}] {name}: detail with a line break")
        assert "\n" not in message and hint in message
