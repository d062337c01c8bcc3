"""Dyad series: how one relationship moves, period by period, aggregated in DuckDB.

An event belongs to the dyad A-B when one of its source parties is A and one of its target
parties is B (or, both ways, the other way round). What "is A" means depends on the level:

- ``country`` (default) compares country keys: the first three letters of an actor code
  (``RUSGOV``, ``RUSMIL`` and ``RUS`` are all ``RUS``), except for the codes of non-state
  actors (``IGO``, ``NGO``, ``ISM``, ``IMG``, ``MNC`` prefixes), which keep their whole code
  (``IGOWSTNAT`` is NATO, not "any IGO").
- ``sector`` compares whole codes (``RUSGOV`` is not ``RUSMIL``, nor ``RUS``).

What counts: events of canonical articles only (near-duplicates, ``duplicate_of`` set, count
once through their canonical copy); never negated or hypothetical events; dated events only
(``event_date``, else the article's ``published``). An event counts once, however many of its
parties match, and a symmetric event the coder wrote as two rows (A→B and B→A, same trigger)
counts once too: one occurrence is one (article, trigger span, CAMEO code).

Statements count when the speaker is one side and ``about`` names the other; their date is
``statement_date``, else the article's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Literal

import duckdb

from detente.errors import UsageError

__all__ = ["BY", "LEVELS", "NON_STATE_PREFIXES", "SERIES_COLUMNS", "active_dyads", "actor_key", "dyad_series",
           "parse_day"]

Period = Literal["day", "week", "month"]
Level = Literal["country", "sector"]

#: The periods a series can be bucketed by (weeks start on Monday, ISO 8601).
BY: tuple[str, ...] = ("day", "week", "month")
#: The two levels actors are compared at.
LEVELS: tuple[str, ...] = ("country", "sector")
#: Code prefixes of non-state actors: at country level these codes are compared whole.
NON_STATE_PREFIXES: tuple[str, ...] = ("IGO", "NGO", "ISM", "IMG", "MNC")

#: The 16 PLOVER types in ``detente.events.cameo.PLOVER_TYPES`` order (a test keeps them equal);
#: repeated here so that reading a series does not import the event coder (and spaCy).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_QUADS: tuple[tuple[str, int], ...] = (
    ("verbal_coop", 1), ("material_coop", 2), ("verbal_conflict", 3), ("material_conflict", 4),
)
#: The columns of every row of :func:`dyad_series`, in order; the last 16 are PLOVER types.
SERIES_COLUMNS: tuple[str, ...] = (
    "period", "events", *(name for name, _ in _QUADS), "goldstein_sum", "goldstein_mean", "statements",
    "statement_tone", *(t.lower() for t in PLOVER_TYPES),
)

_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_BUCKET = {
    "day": "{d}",
    "week": "CAST(date_trunc('week', {d}) AS DATE)",
    "month": "CAST(date_trunc('month', {d}) AS DATE)",
}
_STEP = {"day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY", "month": "INTERVAL 1 MONTH"}


def actor_key(code: str, level: str = "country") -> str:
    """The key an actor code is compared by at ``level``.

    Example:
        >>> actor_key("RUSGOV"), actor_key("IGOWSTNAT"), actor_key("RUSGOV", "sector")
        ('RUS', 'IGOWSTNAT', 'RUSGOV')
    """
    code = code.strip().upper()
    if level == "sector" or code[:3] in NON_STATE_PREFIXES:
        return code
    return code[:3]


def _key_sql(expr: str, level: str) -> str:
    """SQL for :func:`actor_key` of the VARCHAR expression ``expr``."""
    if level == "sector":
        return expr
    non_state = " OR ".join(f"{expr}[1:3] = '{p}'" for p in NON_STATE_PREFIXES)  # IN (...) plans a join
    return f"CASE WHEN {non_state} THEN {expr} ELSE {expr}[1:3] END"


def parse_day(value: dt.date | str | None, name: str) -> dt.date | None:
    """A date given as ``date`` or ``YYYY-MM-DD`` text; None stays None.

    Raises:
        UsageError: D080 when the text is not a real ``YYYY-MM-DD`` date.

    Example:
        >>> parse_day("2025-03-01", "since")
        datetime.date(2025, 3, 1)
        >>> parse_day("2025-02-30", "since")
        Traceback (most recent call last):
        ...
        detente.errors.UsageError: [D080] bad value: since '2025-02-30' is not a date, expected YYYY-MM-DD; see the command's --help
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    text = str(value).strip()
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError("D080", f"{name} {text!r} is not a date, expected YYYY-MM-DD") from None


def _check(by: str, level: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    if by not in BY:
        raise UsageError("D080", f"by {by!r} is not one of {', '.join(BY)}")
    if level not in LEVELS:
        raise UsageError("D080", f"level {level!r} is not one of {', '.join(LEVELS)}")
    keys = []
    for code in codes:
        clean = code.strip().upper()
        if not _CODE.fullmatch(clean):
            raise UsageError("D080", f"actor code {code!r} is not a CAMEO-style code",
                             "give a code such as USA, RUSGOV or IGOWSTNAT")
        keys.append(actor_key(clean, level))
    return tuple(keys)


def _is_sql(code: str, param: str, prefix: bool) -> str:
    """SQL: the actor code ``code`` has the key in parameter ``param`` (for a country key at
    country level, its first three letters are the key; else the whole code is)."""
    return f"{code}[1:3] = ${param}" if prefix else f"{code} = ${param}"


def _has_sql(parties: str, param: str, prefix: bool, item: str = "p.code") -> str:
    """SQL: one of the parties (structs; with ``item="p"``, plain codes) has the key in ``param``.

    A lone party is tested directly: a list lambda costs far more per row than a comparison."""
    first, second = f"{parties}[1]" + item[1:], f"{parties}[2]" + item[1:]
    return (f"CASE WHEN len({parties}) = 1 THEN {_is_sql(first, param, prefix)} "
            f"WHEN len({parties}) = 2 THEN ({_is_sql(first, param, prefix)} OR {_is_sql(second, param, prefix)}) "
            f"ELSE len(list_filter({parties}, lambda p: {_is_sql(item, param, prefix)})) > 0 END")


def _maybe_sql(parties: str, params: dict[str, bool]) -> str:
    """SQL: a cheap necessary condition for :func:`_has_sql` with any of ``params``: the side
    has several parties, or its one party has one of the keys."""
    tests = " OR ".join(_is_sql(f"{parties}[1].code", param, prefix) for param, prefix in params.items())
    return f"({tests} OR len({parties}) > 1)"


def _window(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UsageError("D080", f"since {since.isoformat()} is after until {until.isoformat()}")


def _window_sql(since: dt.date | None, until: dt.date | None, date: str = "coalesce(e.event_date, a.published)",
                ) -> tuple[str, dict[str, Any]]:
    """The SQL condition on ``date`` for the window, and its named parameters."""
    _window(since, until)
    sql, named = "", dict[str, Any]()
    if since:
        sql += f" AND {date} >= $since"
        named["since"] = since
    if until:
        sql += f" AND {date} <= $until"
        named["until"] = until
    return sql, named


def _has_statements(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'statements' AND table_schema = 'main'"
    ).fetchone()
    return bool(row and row[0])


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in result.description or []]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: Period = "day",
    directed: bool = False,
    level: Level = "country",
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """One row per period for the dyad ``a``-``b`` (columns: :data:`SERIES_COLUMNS`).

    Periods run without gaps from the first active one (or ``since``) to the last active one
    (or ``until``); quiet periods are rows of zeros, with ``goldstein_mean`` and
    ``statement_tone`` None. ``period`` is the first day of the period.

    Args:
        con: a connection to a detente database.
        a, b: actor codes (``USA``, ``RUSGOV``, ``IGOWSTNAT``); at country level ``RUSGOV``
            means ``RUS``.
        by: ``day``, ``week`` (starting Monday) or ``month``.
        directed: only events from ``a`` to ``b`` and statements by ``a`` about ``b``.
        level: ``country`` or ``sector`` (see the module docstring).
        since, until: inclusive bounds on the event date (``date`` or ``YYYY-MM-DD``).

    Raises:
        UsageError: D080 for an unknown ``by``/``level``, a malformed code or date.

    Example:
        >>> from detente.store import Store
        >>> with Store(":memory:") as store:
        ...     dyad_series(store.con, "USA", "RUS", by="week")
        []
    """
    ka, kb = _check(by, level, (a, b))
    since_day, until_day = parse_day(since, "since"), parse_day(until, "until")
    bucket = _BUCKET[by]
    window, named = _window_sql(since_day, until_day)
    named.update(a=ka, b=kb)
    prefix = {key: level == "country" and key[:3] not in NON_STATE_PREFIXES for key in (ka, kb)}
    match = f"({_has_sql('e.source', 'a', prefix[ka])} AND {_has_sql('e.target', 'b', prefix[kb])})"
    if not directed:
        match = f"({match} OR ({_has_sql('e.source', 'b', prefix[kb])} AND {_has_sql('e.target', 'a', prefix[ka])}))"
    # Most events have one party a side: test the first one cheaply before the list lambdas.
    ends = {"a": prefix[ka], "b": prefix[kb]}
    match = (f"{_maybe_sql('e.source', ends if not directed else {'a': prefix[ka]})} AND "
             f"{_maybe_sql('e.target', ends if not directed else {'b': prefix[kb]})} AND {match}")
    plover_cols = ",\n".join(f"count(*) FILTER (WHERE plover = '{t}') AS {t.lower()}" for t in PLOVER_TYPES)
    quad_cols = ",\n".join(f"count(*) FILTER (WHERE quad_class = {n}) AS {name}" for name, n in _QUADS)
    if _has_statements(con):
        said = f"({_is_sql('s.speaker_code', 'a', prefix[ka])} AND {_has_sql('s.about', 'b', prefix[kb], 'p')})"
        if not directed:
            said = f"({said} OR ({_is_sql('s.speaker_code', 'b', prefix[kb])} AND {_has_sql('s.about', 'a', prefix[ka], 'p')}))"
        swindow, _ = _window_sql(since_day, until_day, "coalesce(s.statement_date, a.published)")
        statements = f"""
            SELECT {bucket.format(d='coalesce(s.statement_date, a.published)')} AS period, count(*) AS statements,
                   round(avg(s.tone), 4) AS statement_tone
            FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE {said} AND a.duplicate_of IS NULL AND coalesce(s.statement_date, a.published) IS NOT NULL {swindow}
            GROUP BY ALL"""
    else:
        statements = "SELECT NULL::DATE AS period, 0 AS statements, NULL::DOUBLE AS statement_tone WHERE FALSE"
    # Aggregates (not bare values) so that bounds given with no activity still make one row.
    lo = f"coalesce({bucket.format(d='$since::DATE')}, min(period))" if since_day else "min(period)"
    hi = f"coalesce({bucket.format(d='$until::DATE')}, max(period))" if until_day else "max(period)"
    sql = f"""
        WITH hit AS (
            SELECT e.article_id, e.trigger_start, e.trigger_end, e.cameo, e.plover, e.quad_class, e.goldstein,
                   coalesce(e.event_date, a.published) AS day
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE NOT e.negated AND NOT e.hypothetical AND {match}
              AND a.duplicate_of IS NULL AND coalesce(e.event_date, a.published) IS NOT NULL {window}
        ),
        occurrence AS (
            SELECT any_value(day) AS day, any_value(plover) AS plover, any_value(quad_class) AS quad_class,
                   any_value(goldstein) AS goldstein
            FROM hit GROUP BY article_id, trigger_start, trigger_end, cameo
        ),
        ev AS (
            SELECT {bucket.format(d='day')} AS period, count(*) AS events,
                   {quad_cols},
                   round(coalesce(sum(goldstein), 0.0), 4) AS goldstein_sum, round(avg(goldstein), 4) AS goldstein_mean,
                   {plover_cols}
            FROM occurrence GROUP BY ALL
        ),
        st AS ({statements}),
        bounds AS (
            SELECT {lo} AS lo, {hi} AS hi FROM (SELECT period FROM ev UNION ALL SELECT period FROM st)
        ),
        periods AS (
            SELECT CAST(unnest(generate_series(lo, hi, {_STEP[by]})) AS DATE) AS period FROM bounds
            WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
        )
        SELECT p.period, coalesce(ev.events, 0) AS events,
               {", ".join(f"coalesce(ev.{name}, 0) AS {name}" for name, _ in _QUADS)},
               coalesce(ev.goldstein_sum, 0.0) AS goldstein_sum, ev.goldstein_mean,
               coalesce(st.statements, 0) AS statements, st.statement_tone,
               {", ".join(f"coalesce(ev.{t.lower()}, 0) AS {t.lower()}" for t in PLOVER_TYPES)}
        FROM periods p LEFT JOIN ev USING (period) LEFT JOIN st USING (period)
        ORDER BY p.period"""
    return _dicts(con.execute(sql, named))


def active_dyads(
    con: duckdb.DuckDBPyConnection,
    limit: int = 10,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """The most active country dyads (both ways), by counted events, most active first.

    Each row: ``a``, ``b`` (country keys, ``a`` < ``b``), ``events``, the four quad-class
    counts, ``goldstein_sum``, ``goldstein_mean``, ``first`` and ``last`` (dates). Events
    are counted as in :func:`dyad_series`; an event between a country's own actors
    (``USAGOV`` → ``USAMIL``) is no dyad.

    Example:
        >>> from detente.store import Store
        >>> with Store(":memory:") as store:
        ...     active_dyads(store.con, limit=5)
        []
    """
    if limit < 1:
        raise UsageError("D080", f"limit {limit} is below 1")
    since_day, until_day = parse_day(since, "since"), parse_day(until, "until")
    window, named = _window_sql(since_day, until_day)
    named["limit"] = limit
    key = functools.partial(_key_sql, level="country")
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {n}) AS {name}" for name, n in _QUADS)
    parts = "events, " + ", ".join(name for name, _ in _QUADS) + ", g_sum, g_n, first, last"
    # Two paths: a one-to-one event the coder wrote once (the bulk) is aggregated by its raw
    # code pair first, so keys are computed per distinct pair, not per event; compound and
    # symmetric events are unnested and counted once per occurrence.
    sql = f"""
        WITH ev AS (
            SELECT e.article_id, e.trigger_start, e.trigger_end, e.cameo, e.quad_class, e.goldstein, e.mutual,
                   e.source, e.target, coalesce(e.event_date, a.published) AS day
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE a.duplicate_of IS NULL AND NOT e.negated AND NOT e.hypothetical
              AND coalesce(e.event_date, a.published) IS NOT NULL {window}
        ),
        single AS (
            SELECT source[1].code AS s, target[1].code AS t, count(*) AS events, {quads},
                   sum(goldstein) AS g_sum, count(goldstein) AS g_n, min(day) AS first, max(day) AS last
            FROM ev WHERE NOT mutual AND len(source) = 1 AND len(target) = 1
            GROUP BY ALL
        ),
        single_keys AS (
            SELECT {key('s')} AS s, {key('t')} AS t, {parts} FROM single
        ),
        spread AS (
            SELECT occ, quad_class, goldstein, day, s, {key('unnest(target).code')} AS t
            FROM (SELECT hash(article_id, trigger_start, trigger_end, cameo) AS occ, quad_class, goldstein, day, target,
                         {key('unnest(source).code')} AS s
                  FROM ev WHERE mutual OR len(source) > 1 OR len(target) > 1)
        ),
        occurrence AS (
            SELECT least(s, t) AS s, greatest(s, t) AS t, any_value(quad_class) AS quad_class,
                   any_value(goldstein) AS goldstein, any_value(day) AS day
            FROM spread WHERE s <> t AND s <> '---' AND t <> '---'  -- PETRARCH's unnamed actor is no party
            GROUP BY least(s, t), greatest(s, t), occ
        ),
        multi_keys AS (
            SELECT s, t, count(*) AS events, {quads}, sum(goldstein) AS g_sum, count(goldstein) AS g_n,
                   min(day) AS first, max(day) AS last
            FROM occurrence GROUP BY s, t
        ),
        both_parts AS (
            SELECT least(s, t) AS a, greatest(s, t) AS b, {parts} FROM single_keys WHERE s <> t AND s <> '---' AND t <> '---'
            UNION ALL
            SELECT s AS a, t AS b, {parts} FROM multi_keys
        )
        SELECT a, b, sum(events)::BIGINT AS events,
               {", ".join(f"sum({name})::BIGINT AS {name}" for name, _ in _QUADS)},
               round(coalesce(sum(g_sum), 0.0), 4) AS goldstein_sum,
               round(sum(g_sum) / nullif(sum(g_n), 0), 4) AS goldstein_mean,
               min(first) AS first, max(last) AS last
        FROM both_parts GROUP BY a, b
        ORDER BY events DESC, last DESC, a, b
        LIMIT $limit"""
    return _dicts(con.execute(sql, named))
