"""Helpers shared by the tests: run without annotation, read rows back, call the CLI, and insert
synthetic articles, events and statements straight into a store."""

from __future__ import annotations

import datetime as dt
import hashlib
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


# -- synthetic rows ----------------------------------------------------------------------------


def add_article(store: Store, text: str, published: dt.date | None = None, duplicate_of: str | None = None,
                key: str | None = None) -> str:
    """Store one article (and its text as one sentence a line); returns its id."""
    key = key or hashlib.sha256(text.encode()).hexdigest()[:16]
    store.con.execute(
        "INSERT INTO articles (id, locator, format, language, published, date_method, duplicate_of, chars, words, text, "
        "run_id, ingested_at) VALUES (?, ?, 'txt', 'en', ?, 'metadata', ?, ?, ?, ?, 0, ?)",
        [key, f"{key}.txt", published, duplicate_of, len(text), len(text.split()), text, dt.datetime(2025, 3, 20)])
    start = 0
    for idx, line in enumerate(text.split("\n")):
        store.con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, NULL)", [key, idx, start, start + len(line), line])
        start += len(line) + 1
    return key


def _sentence(store: Store, article: str, idx: int) -> tuple[int, int, str]:
    row = store.con.execute("SELECT start_char, end_char, text FROM sentences WHERE article_id = ? AND idx = ?",
                            [article, idx]).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), str(row[2])


def add_event(store: Store, article: str, idx: int, trigger: str, source: list[str], target: list[str], cameo: str,
              plover: str | None, goldstein: float = 0.0, issues: tuple[str, ...] = (), negated: bool = False,
              hypothetical: bool = False, day: dt.date | None = None, quad: int = 1) -> str:
    """Store one event on sentence ``idx`` of ``article``, tagged with ``issues``; returns its id."""
    start, end, text = _sentence(store, article, idx)
    t0 = start + text.index(trigger)
    key = hashlib.sha256(f"{article}{t0}{cameo}{source}{target}".encode()).hexdigest()[:16]

    def party(code: str) -> dict[str, Any]:
        return {"code": code, "text": code, "start_char": start, "end_char": start + 1, "kind": "name"}

    store.con.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 'test@1', 0)",
        [key, article, idx, start, end, [party(c) for c in source], [party(c) for c in target], trigger, t0,
         t0 + len(trigger), cameo, plover, goldstein, quad, negated, hypothetical, False, day])
    for issue in issues:
        store.con.execute("INSERT INTO issue_tags VALUES (?, 'event', ?, ?, ?, ?, ?)", [article, key, issue, start, end, text])
    return key


def add_statement(store: Store, article: str, idx: int, speaker: str | None, words: str,
                  issues: tuple[str, ...] = (), day: dt.date | None = None) -> str:
    """Store a reported statement (``words`` inside sentence ``idx``) by ``speaker``; returns its id."""
    start, _, text = _sentence(store, article, idx)
    q0 = start + text.index(words)
    key = hashlib.sha256(f"{article}{q0}".encode()).hexdigest()[:16]
    store.con.execute(
        "INSERT INTO statements (quote_id, article_id, sentence_idx, start_char, end_char, text, direct, speaker_name, "
        "speaker_code, cue, about, statement_date, run_id) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, 'said', [], ?, 0)",
        [key, article, idx, q0, q0 + len(words), words, speaker, speaker, day])
    for issue in issues:
        store.con.execute("INSERT INTO issue_tags VALUES (?, 'statement', ?, ?, ?, ?, ?)",
                          [article, key, issue, q0, q0 + len(words), words])
    return key


CODING_DAY = dt.date(2025, 3, 19)   # the article date the coder tests use (a Wednesday)


def coded_events(coder: Any, nlp: Any, text: str, day: dt.date = CODING_DAY) -> list[tuple[str, str, str, bool, bool]]:
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event with a
    PLOVER type, in the order coded (target "" when there is none)."""
    from detente.events import describe

    out = []
    for e in coder.code_doc(nlp(text), day):
        info = describe(e.cameo)
        if info is None or info.plover is None:
            continue
        out.extend((s, t, info.plover, e.negated, e.hypothetical) for s, t in e.pairs())
    return out


def coded(coder: Any, nlp: Any, text: str) -> set[tuple[str, str, str, bool]]:
    """(source, target, PLOVER type, asserted) for every event with a PLOVER type."""
    return {(s, t, plover, not (negated or hypothetical)) for s, t, plover, negated, hypothetical in
            coded_events(coder, nlp, text)}
