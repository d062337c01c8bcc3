"""Read queries the API and the dashboard need beyond ``detente.store.queries``.

Events are paged by keyset on ``(date, article_id, trigger_start, event_id)`` (the order of
:func:`detente.store.queries.list_events`), statements on ``(date, article_id, start_char,
quote_id)`` (the order of :func:`detente.store.queries.list_statements`, made total by the id),
so a page costs the same at row 1,000,000 as at row 1. The cursor is that key of a page's last
row, packed in URL-safe base64 JSON: opaque to clients, checked when read back. A statement
cursor is marked as one, so neither kind of cursor is taken for the other.

No FastAPI here: plain functions over a DuckDB connection that return dicts.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from detente.errors import StoreError, UsageError

__all__ = ["EventFilter", "StatementFilter", "actor_counts", "decode_cursor", "decode_statement_cursor",
           "dyad_statements", "encode_cursor", "encode_statement_cursor", "event_page", "find_evidence", "issue_events",
           "statement_page"]

#: Sort date of an undated event: after every real date, as ``NULLS LAST`` orders them.
_LAST_DAY = dt.date(9999, 12, 31)
# A lone party (most events) is tested directly: a list lambda costs far more per row.
_HAS_CODE = ("CASE WHEN len({side}) = 1 THEN starts_with({side}[1].code, ?) "
             "ELSE len(list_filter({side}, lambda x: starts_with(x.code, ?))) > 0 END")


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in result.description or []]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _pack(key: list[Any]) -> str:
    """``key`` as compact JSON in unpadded URL-safe base64."""
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def _unpack(cursor: str) -> Any:
    """The JSON packed by :func:`_pack` (ValueError, TypeError or binascii.Error if it is not)."""
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))


def _bad_cursor(cursor: str) -> UsageError:
    return UsageError("D080", f"cursor {cursor[:40]!r} is not a cursor this server gave out",
                      "pass the next_cursor of the previous page unchanged, or no cursor for the first page")


def encode_cursor(row: dict[str, Any]) -> str:
    """The opaque cursor after ``row`` (an event row with ``sort_date``).

    Example:
        >>> decode_cursor(encode_cursor({"sort_date": dt.date(2025, 2, 18), "article_id": "ab12",
        ...                              "trigger_start": 7, "event_id": "ff00"}))
        (datetime.date(2025, 2, 18), 'ab12', 7, 'ff00')
    """
    return _pack([row["sort_date"].isoformat(), row["article_id"], int(row["trigger_start"]), row["event_id"]])


def decode_cursor(cursor: str) -> tuple[dt.date, str, int, str]:
    """The key packed in ``cursor``.

    Raises:
        UsageError: D080 when the cursor was not made by :func:`encode_cursor`.
    """
    try:
        day, article, start, event = _unpack(cursor)
        if not (isinstance(article, str) and isinstance(event, str) and isinstance(start, int)):
            raise ValueError(cursor)
        return dt.date.fromisoformat(day), article, start, event
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _bad_cursor(cursor) from None


_STATEMENT_MARK = "st"


def encode_statement_cursor(row: dict[str, Any]) -> str:
    """The opaque cursor after ``row`` (a statement row with ``sort_date``).

    Example:
        >>> decode_statement_cursor(encode_statement_cursor({"sort_date": dt.date(2025, 2, 18),
        ...     "article_id": "ab12", "start_char": 40, "quote_id": "q9"}))
        (datetime.date(2025, 2, 18), 'ab12', 40, 'q9')
    """
    return _pack([_STATEMENT_MARK, row["sort_date"].isoformat(), row["article_id"], int(row["start_char"]),
                  row["quote_id"]])


def decode_statement_cursor(cursor: str) -> tuple[dt.date, str, int, str]:
    """The key packed in a statement ``cursor``.

    Raises:
        UsageError: D080 when the cursor was not made by :func:`encode_statement_cursor`
            (an event cursor included).
    """
    try:
        mark, day, article, start, quote = _unpack(cursor)
        if not (mark == _STATEMENT_MARK and isinstance(article, str) and isinstance(quote, str)
                and isinstance(start, int) and not isinstance(start, bool)):
            raise ValueError(cursor)
        return dt.date.fromisoformat(day), article, start, quote
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _bad_cursor(cursor) from None


def _after(sort_date: str, columns: tuple[str, str, str], key: tuple[dt.date, str, int, str]) -> tuple[str, list[Any]]:
    """The keyset condition ``(sort_date, *columns) > key``, spelt out so DuckDB can prune on
    the date first, and its parameters."""
    article, start, ident = columns
    day, a, s, i = key
    sql = (f"{sort_date} >= ? AND ({sort_date} > ? OR ({sort_date} = ? AND ({article} > ? OR "
           f"({article} = ? AND ({start} > ? OR ({start} = ? AND {ident} > ?))))))")
    return sql, [day, day, day, a, a, s, s, i]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list; codes match by prefix (``RUS`` finds ``RUSGOV``), a dyad both ways."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    issue: str | None = None
    article_id: str | None = None
    include_negated: bool = False
    include_duplicates: bool = True

    def sql(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.actor:
            where.append(f"({_HAS_CODE.format(side='e.source')} OR {_HAS_CODE.format(side='e.target')})")
            params += [self.actor] * 4
        if self.dyad:
            a, b = self.dyad
            src, tgt = _HAS_CODE.format(side="e.source"), _HAS_CODE.format(side="e.target")
            where.append(f"(({src} AND {tgt}) OR ({src} AND {tgt}))")
            params += [a, a, b, b, b, b, a, a]
        if self.since:
            where.append("coalesce(e.event_date, a.published) >= ?")
            params.append(self.since)
        if self.until:
            where.append("coalesce(e.event_date, a.published) <= ?")
            params.append(self.until)
        if self.plover:
            where.append("e.plover = ?")
            params.append(self.plover)
        if self.cameo:
            where.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.quad_class:
            where.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.issue:
            where.append("e.event_id IN (SELECT ref FROM issue_tags WHERE kind = 'event' AND issue = ?)")
            params.append(self.issue)
        if self.article_id:
            where.append("e.article_id = ?")
            params.append(self.article_id)
        if not self.include_negated:
            where.append("NOT e.negated AND NOT e.hypothetical")
        if not self.include_duplicates:
            where.append("a.duplicate_of IS NULL")
        return where, params


def event_page(con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int = 100,
               cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events in ``(date, article_id, trigger_start, event_id)`` order, and the
    cursor of the next page (None on the last page)."""
    where, params = filters.sql()
    sort_date = f"coalesce(e.event_date, a.published, DATE '{_LAST_DAY.isoformat()}')"
    if cursor:
        after, values = _after(sort_date, ("e.article_id", "e.trigger_start", "e.event_id"), decode_cursor(cursor))
        where.append(after)
        params += values
    sql = f"""
        SELECT e.event_id, e.article_id, a.title, a.source AS outlet, a.url,
               coalesce(e.event_date, a.published) AS date, a.published, {sort_date} AS sort_date,
               substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS sentence,
               e.sentence_idx, e.start_char, e.end_char, e.source, e.target, e.trigger,
               e.trigger_start, e.trigger_end, e.cameo, e.plover, e.goldstein, e.quad_class,
               e.negated, e.hypothetical, e.mutual AS symmetric, e.rule, e.coder, a.duplicate_of
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE {' AND '.join(where) or 'TRUE'}
        ORDER BY sort_date, e.article_id, e.trigger_start, e.event_id
        LIMIT ?"""
    rows = _dicts(con.execute(sql, [*params, limit + 1]))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1]) if more and rows else None
    for row in rows:
        del row["sort_date"]
    return rows, next_cursor


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Which statements to list (the filters of :func:`detente.store.queries.list_statements`):
    ``speaker`` in part, case-insensitively; ``actor`` the speaker's code by prefix; ``issue`` a
    key the statement names; ``since``/``until`` on the statement's date."""

    speaker: str | None = None
    actor: str | None = None
    issue: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None

    def sql(self) -> tuple[list[str], list[Any]]:
        from detente.store.queries import statement_conditions

        return statement_conditions(self.speaker, self.actor, self.issue, self.since, self.until, self.article_id)


def statement_page(con: duckdb.DuckDBPyConnection, filters: StatementFilter, limit: int = 100,
                   cursor: str | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], str | None]:
    """One page of statements in ``(date, article_id, start_char, quote_id)`` order (undated
    last), with the fields of :func:`detente.store.queries.list_statements`, and the cursor of
    the next page (None on the last page). ``offset`` skips rows after the cursor (kept for
    clients of the offset API; a cursor costs the same on any page, an offset grows with it)."""
    where, params = filters.sql()
    sort_date = f"coalesce(s.statement_date, DATE '{_LAST_DAY.isoformat()}')"
    if cursor:
        after, values = _after(sort_date, ("s.article_id", "s.start_char", "s.quote_id"),
                               decode_statement_cursor(cursor))
        where.append(after)
        params += values
    from detente.store.queries import statements_sql

    sql = statements_sql(where, order="sort_date, s.article_id, s.start_char, s.quote_id", page="LIMIT ? OFFSET ?",
                         extra=f", {sort_date} AS sort_date")
    rows = _dicts(con.execute(sql, [*params, limit + 1, offset]))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_statement_cursor(rows[-1]) if more and rows else None
    for row in rows:
        del row["sort_date"]
    return rows, next_cursor


def dyad_statements(con: duckdb.DuckDBPyConnection, a: str, b: str, limit: int = 100) -> list[dict[str, Any]]:
    """Statements by ``a`` naming ``b`` or by ``b`` naming ``a`` (codes by prefix), by date."""
    about = "len(list_filter(s.about, lambda x: starts_with(x, ?))) > 0"
    sql = f"""
        SELECT s.quote_id, s.article_id, a.title, s.statement_date AS date, s.text, s.sentence_idx, s.direct,
               s.speaker_name, s.speaker_text, s.speaker_code, s.speaker_role, s.cue, s.about, s.tone
        FROM statements s JOIN articles a ON a.id = s.article_id
        WHERE (starts_with(s.speaker_code, ?) AND {about}) OR (starts_with(s.speaker_code, ?) AND {about})
        ORDER BY s.statement_date NULLS LAST, s.article_id, s.start_char
        LIMIT ?"""
    return _dicts(con.execute(sql, [a, b, b, a, limit]))


def actor_counts(con: duckdb.DuckDBPyConnection, prefix: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Actor codes seen as event parties (negated and hypothetical events left out) or as
    speakers, with counts, most seen first."""
    sql = """
        WITH parties AS (
            SELECT DISTINCT p.code, e.event_id, 'source' AS side
            FROM events e, LATERAL (SELECT unnest(e.source) AS p) WHERE NOT e.negated AND NOT e.hypothetical
            UNION ALL
            SELECT DISTINCT p.code, e.event_id, 'target' AS side
            FROM events e, LATERAL (SELECT unnest(e.target) AS p) WHERE NOT e.negated AND NOT e.hypothetical
        ),
        ev AS (
            SELECT code, count(DISTINCT event_id) AS events,
                   count(DISTINCT event_id) FILTER (WHERE side = 'source') AS as_source,
                   count(DISTINCT event_id) FILTER (WHERE side = 'target') AS as_target
            FROM parties WHERE code IS NOT NULL AND code <> '---' GROUP BY code
        ),
        st AS (
            SELECT speaker_code AS code, count(*) AS statements FROM statements
            WHERE speaker_code IS NOT NULL GROUP BY speaker_code
        )
        SELECT code, coalesce(ev.events, 0) AS events, coalesce(ev.as_source, 0) AS as_source,
               coalesce(ev.as_target, 0) AS as_target, coalesce(st.statements, 0) AS statements
        FROM ev FULL OUTER JOIN st USING (code)
        WHERE ? IS NULL OR starts_with(code, ?)
        ORDER BY events + statements DESC, code
        LIMIT ?"""
    return _dicts(con.execute(sql, [prefix, prefix, limit]))


def issue_events(con: duckdb.DuckDBPyConnection, issue: str, limit: int = 200) -> list[dict[str, Any]]:
    """Sentences tagged with ``issue``: article, sentence index, the matching words."""
    sql = """
        SELECT t.article_id, a.title, a.published AS date, t.kind, t.ref, t.text AS words,
               s.idx AS sentence_idx, s.text AS sentence
        FROM issue_tags t JOIN articles a ON a.id = t.article_id
        JOIN sentences s ON s.article_id = t.article_id AND t.start_char >= s.start_char AND t.start_char < s.end_char
        WHERE t.issue = ? AND t.kind = 'sentence'
        ORDER BY a.published NULLS LAST, t.article_id, t.start_char
        LIMIT ?"""
    return _dicts(con.execute(sql, [issue, limit]))


def find_evidence(con: duckdb.DuckDBPyConnection, key: str) -> tuple[str, int]:
    """The (article id, sentence index) of an event id or a statement (quote) id.

    Raises:
        StoreError: D060 when neither holds ``key``.
    """
    for sql in ("SELECT article_id, sentence_idx FROM events WHERE event_id = ?",
                "SELECT article_id, sentence_idx FROM statements WHERE quote_id = ?"):
        row = con.execute(sql, [key]).fetchone()
        if row:
            return str(row[0]), int(row[1])
    raise StoreError("D060", f"no event or statement with id {key!r}")
