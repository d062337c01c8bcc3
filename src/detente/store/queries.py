"""Read queries over a detente database. Each takes a connection and returns plain dicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from detente.errors import StoreError, UsageError

__all__ = ["get_article", "list_articles", "list_errors", "list_events", "list_runs", "list_statements",
           "statement_conditions", "statements_sql", "table_counts", "top_entities"]


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
    for table in ("articles", "sentences", "mentions", "events", "ingest_runs", "ingest_errors"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    row = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    counts["near_duplicates"] = int(row[0]) if row else 0
    return counts


_HAS_CODE = "len(list_filter({side}, lambda x: starts_with(x.code, ?))) > 0"


def list_events(
    con: duckdb.DuckDBPyConnection,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    plover: str | None = None,
    cameo: str | None = None,
    include_negated: bool = False,
    article_id: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Coded events with their article's identity and the sentence that states them.

    Actor codes match by prefix, so ``RUS`` finds ``RUS``, ``RUSGOV`` and ``RUSMIL``; a dyad
    matches either direction. ``date`` is the event's date, else its article's. Negated and
    hypothetical events are left out unless ``include_negated``.
    """
    where, params = ["TRUE"], []
    if actor:
        where.append(f"({_HAS_CODE.format(side='e.source')} OR {_HAS_CODE.format(side='e.target')})")
        params += [actor.upper(), actor.upper()]
    if dyad:
        a, b = dyad[0].upper(), dyad[1].upper()
        src, tgt = _HAS_CODE.format(side="e.source"), _HAS_CODE.format(side="e.target")
        where.append(f"(({src} AND {tgt}) OR ({src} AND {tgt}))")
        params += [a, b, b, a]
    if since:
        where.append("coalesce(e.event_date, a.published) >= ?")
        params.append(since)
    if until:
        where.append("coalesce(e.event_date, a.published) <= ?")
        params.append(until)
    if plover:
        where.append("e.plover = ?")
        params.append(plover.upper())
    if cameo:
        where.append("starts_with(e.cameo, ?)")
        params.append(cameo)
    if not include_negated:
        where.append("NOT e.negated AND NOT e.hypothetical")
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    page = "LIMIT ? OFFSET ?" if limit is not None else ""
    sql = f"""
        SELECT e.event_id, e.article_id, a.external_id, a.path, a.url,
               coalesce(e.event_date, a.published) AS date, a.published,
               substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS sentence,
               e.sentence_idx, e.start_char, e.end_char, e.source, e.target, e.trigger,
               e.trigger_start, e.trigger_end, e.cameo, e.plover, e.goldstein, e.quad_class,
               e.negated, e.hypothetical, e.mutual AS symmetric, e.rule, e.coder, a.duplicate_of
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE {' AND '.join(where)}
        ORDER BY date NULLS LAST, e.article_id, e.trigger_start, e.event_id
        {page}"""
    if limit is not None:
        params += [limit, offset]
    return _dicts(con.execute(sql, params))


def list_statements(
    con: duckdb.DuckDBPyConnection,
    speaker: str | None = None,
    actor: str | None = None,
    issue: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_id: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Statements with their speaker, cue, issues and tone, and their article's identity.

    ``speaker`` matches the canonical name or the words at the cue, case-insensitively, in
    part ("lukyanov"); ``actor`` matches the speaker's code by prefix (``RUS`` finds
    ``RUSGOV``); ``issue`` is a taxonomy key the statement's text names.
    """
    where, params = statement_conditions(speaker, actor, issue, since, until, article_id)
    page = "LIMIT ? OFFSET ?" if limit is not None else ""
    sql = statements_sql(where, order="s.statement_date NULLS LAST, s.article_id, s.start_char", page=page)
    if limit is not None:
        params += [limit, offset]
    return _dicts(con.execute(sql, params))


def statement_conditions(speaker: str | None = None, actor: str | None = None, issue: str | None = None,
                         since: dt.date | None = None, until: dt.date | None = None,
                         article_id: str | None = None) -> tuple[list[str], list[Any]]:
    """The WHERE conditions (over ``statements s`` and the issue list ``i``) and their
    parameters for the filters of :func:`list_statements`."""
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append("(contains(lower(s.speaker_name), ?) OR contains(lower(s.speaker_text), ?))")
        params += [speaker.lower(), speaker.lower()]
    if actor:
        where.append("starts_with(s.speaker_code, ?)")
        params.append(actor.upper())
    if issue:
        where.append("list_contains(coalesce(i.issues, []), ?)")
        params.append(issue)
    if since:
        where.append("s.statement_date >= ?")
        params.append(since)
    if until:
        where.append("s.statement_date <= ?")
        params.append(until)
    if article_id:
        where.append("s.article_id = ?")
        params.append(article_id)
    return where, params


def statements_sql(where: list[str], order: str, page: str = "", extra: str = "") -> str:
    """The statements query: every field :func:`list_statements` returns (plus ``extra``
    select items), filtered by ``where``, in ``order``, then ``page``."""
    return f"""
        WITH i AS (
            SELECT ref, list(DISTINCT issue ORDER BY issue) AS issues,
                   list({{'issue': issue, 'text': text, 'start_char': start_char, 'end_char': end_char}}
                        ORDER BY start_char) AS spans
            FROM issue_tags WHERE kind = 'statement' GROUP BY ref
        )
        SELECT s.quote_id, s.article_id, a.external_id, a.path, a.url, s.statement_date AS date,
               s.text, s.start_char, s.end_char, s.sentence_idx, s.direct,
               s.speaker_name, s.speaker_text, s.speaker_start, s.speaker_end, s.speaker_code, s.speaker_role,
               s.cue, s.cue_start, s.cue_end, s.about, coalesce(i.issues, []) AS issues,
               coalesce(i.spans, []) AS issue_spans, s.tone, a.duplicate_of{extra}
        FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN i ON i.ref = s.quote_id
        WHERE {' AND '.join(where) or 'TRUE'}
        ORDER BY {order}
        {page}"""


def issue_summary(con: duckdb.DuckDBPyConnection, top: int = 5) -> list[dict[str, Any]]:
    """Each issue named in the store: how many sentences, events and statements name it, in
    how many articles, and the actors most engaged in it (the parties of its events and the
    speakers of its statements, by count)."""
    sql = f"""
        WITH engaged AS (
            SELECT t.issue, p.code AS code
            FROM issue_tags t JOIN events e ON e.event_id = t.ref,
                 LATERAL (SELECT unnest(list_concat(e.source, e.target)) AS p)
            WHERE t.kind = 'event' AND NOT e.negated AND NOT e.hypothetical
            UNION ALL
            SELECT t.issue, s.speaker_code AS code
            FROM issue_tags t JOIN statements s ON s.quote_id = t.ref
            WHERE t.kind = 'statement' AND s.speaker_code IS NOT NULL
        ),
        ranked AS (
            SELECT issue, code, count(*) AS n,
                   row_number() OVER (PARTITION BY issue ORDER BY count(*) DESC, code) AS k
            FROM engaged WHERE code IS NOT NULL AND code <> '---' GROUP BY issue, code
        ),
        actors AS (
            SELECT issue, list({{'code': code, 'count': n}} ORDER BY k) AS actors FROM ranked WHERE k <= ? GROUP BY issue
        ),
        counts AS (
            SELECT issue,
                   count(DISTINCT CASE WHEN kind = 'sentence' THEN article_id || ':' || ref END) AS sentences,
                   count(DISTINCT CASE WHEN kind = 'event' THEN ref END) AS events,
                   count(DISTINCT CASE WHEN kind = 'statement' THEN ref END) AS statements,
                   count(DISTINCT article_id) AS articles
            FROM issue_tags GROUP BY issue
        )
        SELECT c.issue, c.sentences, c.events, c.statements, c.articles, coalesce(a.actors, []) AS actors
        FROM counts c LEFT JOIN actors a USING (issue)
        ORDER BY c.sentences DESC, c.issue"""
    return _dicts(con.execute(sql, [top]))
