"""The JSON API, under ``/api``. Every list answers ``{"items": [...]}``; events and statements
add ``next_cursor`` (keyset pagination, see :mod:`detente.api.data`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from detente.api import data
from detente.api.params import check_code, check_dyad, check_plover, connection, split_parties
from detente.errors import UsageError

__all__ = ["events_filter", "router"]

router = APIRouter(prefix="/api", tags=["api"])
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Since = Annotated[dt.date | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="On or before this day (YYYY-MM-DD).")]


def _window(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UsageError("D080", f"since {since.isoformat()} is after until {until.isoformat()}")


def _not_installed(feature: str, module: str) -> JSONResponse:
    return JSONResponse({"code": "D080", "message": f"{feature} is not available in this build ({module} is missing)"},
                        status_code=501)


def events_filter(actor: str | None = None, dyad: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, plover: str | None = None, cameo: str | None = None,
                  quad_class: int | None = None, issue: str | None = None, article: str | None = None,
                  include_negated: bool = False, include_duplicates: bool = True) -> data.EventFilter:
    """Check the event filters of a request and bundle them (raises UsageError D080)."""
    _window(since, until)
    if cameo is not None and cameo.strip() and not re.fullmatch(r"\d{2,4}", cameo.strip()):
        raise UsageError("D080", f"cameo {cameo!r} is not a CAMEO event code", "give 2 to 4 digits, such as 04 or 0356")
    return data.EventFilter(
        actor=check_code(actor) if actor and actor.strip() else None, dyad=check_dyad(dyad), since=since, until=until,
        plover=check_plover(plover), cameo=cameo.strip() if cameo and cameo.strip() else None, quad_class=quad_class,
        issue=issue or None, article_id=article or None, include_negated=include_negated,
        include_duplicates=include_duplicates)


@router.get("/articles", summary="Articles, newest first")
def articles(con: Con, since: Since = None, until: Until = None,
             include_duplicates: bool = Query(True, description="Also list near-duplicate copies."),
             limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    from detente.store.queries import list_articles

    _window(since, until)
    rows = list_articles(con, limit=limit, offset=offset, since=since, until=until, include_duplicates=include_duplicates)
    return {"items": rows, "count": len(rows), "offset": offset}


@router.get("/articles/{article_id}", summary="One article with its sentences, mentions, events and statements")
def article(con: Con, article_id: str = Path(..., min_length=4, max_length=64,
                                              description="The id, or a unique prefix of at least 4 characters.")) -> dict[str, Any]:
    from detente.store.queries import get_article, list_statements

    row = get_article(con, article_id)
    row["events"], _ = data.event_page(con, data.EventFilter(article_id=row["id"], include_negated=True), limit=10_000)
    row["statements"] = list_statements(con, article_id=row["id"], limit=None)
    return row


@router.get("/events", summary="Coded events, cursor-paginated")
def events(
    con: Con,
    actor: str | None = Query(None, description="Actor code, by prefix (RUS finds RUSGOV), either side."),
    dyad: str | None = Query(None, description="Two codes, A,B: events between them, either direction."),
    since: Since = None, until: Until = None,
    plover: str | None = Query(None, description="One of the 16 PLOVER types (AGREE ... ASSAULT)."),
    cameo: str | None = Query(None, description="CAMEO code prefix (04, 0356)."),
    quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."),
    issue: str | None = Query(None, description="Issue key the event is tagged with."),
    article: str | None = Query(None, description="Only this article's events (full id)."),
    include_negated: bool = Query(False, description="Also negated and hypothetical events (flagged)."),
    include_duplicates: bool = Query(True, description="Also events of near-duplicate articles."),
    limit: int = Query(100, ge=1, le=1000),
    cursor: str | None = Query(None, description="The next_cursor of the previous page; omit for the first page."),
) -> dict[str, Any]:
    filters = events_filter(actor, dyad, since, until, plover, cameo, quad_class, issue, article, include_negated,
                            include_duplicates)
    rows, next_cursor = data.event_page(con, filters, limit=limit, cursor=cursor)
    return {"items": rows, "count": len(rows), "next_cursor": next_cursor}


@router.get("/statements", summary="Who said what, cursor-paginated")
def statements(
    con: Con,
    speaker: str | None = Query(None, description="Speaker name, in part, case-insensitive (lavrov)."),
    actor: str | None = Query(None, description="Speaker's actor code, by prefix."),
    issue: str | None = Query(None, description="Issue key named in the statement."),
    since: Since = None, until: Until = None,
    limit: int = Query(100, ge=1, le=1000),
    cursor: str | None = Query(None, description="The next_cursor of the previous page; omit for the first page."),
    offset: int = Query(0, ge=0, description="Rows to skip (older clients; use cursor). Not with cursor."),
) -> dict[str, Any]:
    _window(since, until)
    if cursor and offset:
        raise UsageError("D080", "give cursor or offset, not both", "follow next_cursor from page to page")
    filters = data.StatementFilter(speaker=speaker or None, actor=check_code(actor) if actor and actor.strip() else None,
                                   issue=issue or None, since=since, until=until)
    rows, next_cursor = data.statement_page(con, filters, limit=limit, cursor=cursor, offset=offset)
    return {"items": rows, "count": len(rows), "next_cursor": next_cursor, "offset": offset}


@router.get("/actors", summary="Actor codes seen, with counts")
def actors(con: Con, prefix: str | None = Query(None, description="Only codes starting with this (RUS)."),
           limit: int = Query(500, ge=1, le=10_000)) -> dict[str, Any]:
    rows = data.actor_counts(con, prefix=check_code(prefix, "prefix") if prefix else None, limit=limit)
    return {"items": rows, "count": len(rows)}


@router.get("/issues", summary="Issues named in the record, with counts and the most engaged actors")
def issues(con: Con, top: int = Query(5, ge=1, le=50)) -> dict[str, Any]:
    from detente.store.queries import issue_summary

    rows = issue_summary(con, top=top)
    return {"items": rows, "count": len(rows)}


@router.get("/dyads", summary="The most active country dyads")
def dyads(con: Con, since: Since = None, until: Until = None, limit: int = Query(20, ge=1, le=500)) -> dict[str, Any]:
    from detente.relations import active_dyads

    _window(since, until)
    rows = active_dyads(con, limit=limit, since=since, until=until)
    return {"items": rows, "count": len(rows)}


@router.get("/dyads/{a}/{b}/series", summary="One relationship, period by period")
def dyad_series(
    con: Con, a: str, b: str,
    by: Literal["day", "week", "month"] = Query("day", description="Period: day, week (from Monday) or month."),
    directed: bool = Query(False, description="Only a towards b."),
    level: Literal["country", "sector"] = Query("country", description="Compare countries or whole codes."),
    since: Since = None, until: Until = None,
) -> dict[str, Any]:
    from detente.relations import dyad_series as series

    _window(since, until)
    ka, kb = check_code(a, "a"), check_code(b, "b")
    rows = series(con, ka, kb, by=by, directed=directed, level=level, since=since, until=until)
    return {"a": ka, "b": kb, "by": by, "directed": directed, "level": level, "items": rows, "count": len(rows)}


@router.get("/ledger", summary="The negotiation ledger of a set of parties", responses={501: {"description": "ledger not installed"}})
def ledger(con: Con, parties: str = Query(..., description="Two or more codes, comma-separated: USA,RUS."),
           issue: str | None = Query(None, description="Only this issue key.")) -> Any:
    codes = split_parties(parties, "parties")
    if len(codes) < 2:
        raise UsageError("D080", f"parties {parties!r} names fewer than two actors", "write it as parties=USA,RUS")
    try:
        from detente.relations.ledger import build_ledger
    except ImportError:
        return _not_installed("the ledger", "detente.relations.ledger")
    return build_ledger(con, codes, issue=issue or None).as_dict()


@router.get("/alerts", summary="Stored alerts, newest first", responses={501: {"description": "alerts not installed"}})
def alerts(con: Con, since: Since = None, dyad: str | None = Query(None, description="Two codes, A,B."),
           limit: int = Query(100, ge=1, le=1000)) -> Any:
    pair = check_dyad(dyad)
    try:
        from detente.relations.alerts import list_alerts
    except ImportError:
        return _not_installed("alerts", "detente.relations.alerts")
    rows = list_alerts(con, since=since, limit=limit, dyad=pair)
    return {"items": rows, "count": len(rows)}
