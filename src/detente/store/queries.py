"""Read queries over a detente database. Each takes a connection and returns plain dicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from detente.errors import StoreError, UsageError

__all__ = ["get_article", "list_articles", "list_errors", "list_runs", "table_counts", "top_entities"]


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in result.description or []]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def list_articles(
    con: duckdb.DuckDBPyConnection,
    limit: int = 50,
    offset: int = 0,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_duplicates: bool = True,
) -> list[dict[str, Any]]:
    """Articles, newest publication date first, with sentence and mention counts."""
    where, params = ["TRUE"], []
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = f"""
        SELECT a.id, a.published, a.date_method, a.title, a.source, a.external_id, a.url, a.locator,
               a.format, a.duplicate_of, a.words,
               (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentences,
               (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions
        FROM articles a WHERE {' AND '.join(where)}
        ORDER BY a.published DESC NULLS LAST, a.ingested_at, a.id
        LIMIT ? OFFSET ?"""
    return _dicts(con.execute(sql, [*params, limit, offset]))


def get_article(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """One article by id or unique id prefix (at least 4 characters), with its sentences
    and mentions.

    Raises:
        StoreError: D060 when no article matches; UsageError D080 when several do.
    """
    if len(key) < 4:
        raise UsageError("D080", f"article id {key!r} is too short", "give at least 4 characters of the id")
    rows = _dicts(con.execute("SELECT * EXCLUDE (minhash) FROM articles WHERE id LIKE ? || '%' ORDER BY id LIMIT 3", [key.lower()]))
    if not rows:
        raise StoreError("D060", f"no article with id {key!r}")
    if len(rows) > 1:
        raise UsageError("D080", f"article id {key!r} is ambiguous ({', '.join(r['id'] for r in rows)})", "give more characters of the id")
    article = rows[0]
    article["sentences"] = _dicts(con.execute(
        "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx", [article["id"]]))
    article["mentions"] = _dicts(con.execute(
        "SELECT sentence_idx, start_char, end_char, text, label, actor_code FROM mentions WHERE article_id = ? ORDER BY start_char",
        [article["id"]]))
    return article


def top_entities(
    con: duckdb.DuckDBPyConnection,
    limit: int = 20,
    labels: list[str] | None = None,
    include_duplicates: bool = False,
) -> list[dict[str, Any]]:
    """Most-mentioned names: mentions and articles per (name, label); near-duplicates
    counted once unless ``include_duplicates``."""
    where, params = ["TRUE"], []
    if labels:
        where.append("m.label IN (SELECT unnest(?))")
        params.append([label.upper() for label in labels])
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = f"""
        SELECT m.text AS name, m.label, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE {' AND '.join(where)}
        GROUP BY m.text, m.label
        ORDER BY mentions DESC, articles DESC, name
        LIMIT ?"""
    return _dicts(con.execute(sql, [*params, limit]))


def list_errors(con: duckdb.DuckDBPyConnection, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Errors and warnings of one run (default: the latest run)."""
    if run_id is None:
        row = con.execute("SELECT max(id) FROM ingest_runs").fetchone()
        run_id = row[0] if row else None
    return _dicts(con.execute(
        "SELECT run_id, locator, code, level, message, recorded_at FROM ingest_errors WHERE run_id = ? ORDER BY recorded_at, locator LIMIT ?",
        [run_id, limit]))


def list_runs(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[dict[str, Any]]:
    """The latest runs with their counts."""
    return _dicts(con.execute(
        "SELECT id, command, started_at, finished_at, status, items_read, ingested, duplicates, near_duplicates, "
        "failed, warnings, annotated FROM ingest_runs ORDER BY id DESC LIMIT ?", [limit]))


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables."""
    counts = {}
    for table in ("articles", "sentences", "mentions", "ingest_runs", "ingest_errors"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    row = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    counts["near_duplicates"] = int(row[0]) if row else 0
    return counts
