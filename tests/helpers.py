"""Helpers shared by the tests: run without annotation, read rows back, call the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from detente import IngestOptions, RunOptions, RunSummary, Store, run


def ingest(paths: list[Any], db_path: Path, **ingest: Any) -> RunSummary:
    """Run detente on ``paths`` without annotation; check the summary's invariant."""
    options = RunOptions(annotate=False, ingest=IngestOptions(**ingest))
    with Store(db_path) as store:
        summary = run([str(path) for path in paths], store, options)
    assert summary.read == summary.ingested + summary.duplicates + summary.failed, summary.as_dict()
    return summary


def query(db_path: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Rows of ``sql`` read back from the database file (opened read-only)."""
    with Store(db_path, read_only=True) as store:
        result = store.con.execute(sql, params or [])
        names = [column[0] for column in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def stored(db_path: Path) -> dict[str, dict[str, Any]]:
    """Stored articles by locator."""
    return {row["locator"]: row for row in query(db_path, "SELECT * EXCLUDE (minhash) FROM articles")}


def cli(*args: str) -> str:
    """Standard output of ``detente ARGS`` (through the real app); fails the test on a non-zero exit."""
    from detente.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def jsonl(*args: str) -> list[dict[str, Any]]:
    """The JSON lines ``detente ARGS`` prints."""
    return [json.loads(line) for line in cli(*args).splitlines() if line.strip()]
