"""The dashboard: server-rendered Jinja2 pages (autoescaped) over the same queries as the API.

Every count links to its evidence: a filtered event list (``/events?...``), or the article
page anchored at the sentence (``/article/ID#s12``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import duckdb
import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from detente.api import data
from detente.api.app import HERE
from detente.api.highlight import evidence_marks, highlight
from detente.api.params import check_code, connection
from detente.api.routes import events_filter
from detente.errors import StoreError

__all__ = ["events_url", "period_end", "render", "router"]

router = APIRouter(include_in_schema=False)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]

QUADS = (("verbal_coop", 1, "verbal coop"), ("material_coop", 2, "material coop"),
         ("verbal_conflict", 3, "verbal conflict"), ("material_conflict", 4, "material conflict"))


def events_url(**filters: Any) -> str:
    """``/events`` with the given filters (None values left out)."""
    query = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in filters.items() if v not in (None, "", False)}
    return "/events" + ("?" + urlencode(query) if query else "")


def article_url(article_id: str, sentence_idx: int | None = None) -> str:
    return f"/article/{article_id}" + (f"#s{sentence_idx}" if sentence_idx is not None else "")


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period starting on ``start``.

    Example:
        >>> period_end(dt.date(2025, 2, 1), "month")
        datetime.date(2025, 2, 28)
    """
    if by == "week":
        return start + dt.timedelta(days=6)
    if by == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def _codes(parties: list[dict[str, Any]] | None) -> str:
    return ", ".join(p.get("code") or "?" for p in parties or [])


_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined)
_env.globals.update(events_url=events_url, article_url=article_url, codes=_codes, quads=QUADS)
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render ``templates/name`` (autoescaped)."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _alerts(con: duckdb.DuckDBPyConnection, **kwargs: Any) -> list[dict[str, Any]] | None:
    try:
        from detente.relations.alerts import list_alerts
    except ImportError:
        return None
    return list_alerts(con, **kwargs)


def _ledger(con: duckdb.DuckDBPyConnection, parties: list[str], issue: str | None = None) -> dict[str, Any] | None:
    try:
        from detente.relations.ledger import build_ledger
    except ImportError:
        return None
    return build_ledger(con, parties, issue=issue).as_dict()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, con: Con) -> HTMLResponse:
    from detente.relations import active_dyads
    from detente.store.queries import issue_summary, table_counts

    return render(request, "home.html", {
        "alerts": _alerts(con, limit=20), "dyads": active_dyads(con, limit=15),
        "issues": issue_summary(con)[:10], "counts": table_counts(con),
    })


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, con: Con, a: str, b: str, by: Literal["day", "week", "month"] = "day",
         since: dt.date | None = None, until: dt.date | None = None) -> HTMLResponse:
    from detente.relations import dyad_series

    ka, kb = check_code(a, "a"), check_code(b, "b")
    rows = dyad_series(con, ka, kb, by=by, since=since, until=until)
    pair = f"{ka},{kb}"
    for row in rows:
        row["until"] = period_end(row["period"], by)
        row["link"] = events_url(dyad=pair, since=row["period"], until=row["until"], include_duplicates="false")
    chart = {
        "x": [r["period"].isoformat() for r in rows],
        "goldstein": [r["goldstein_sum"] for r in rows],
        "quads": {label: [r[name] for r in rows] for name, _, label in QUADS},
        "links": [r["link"] for r in rows],
    }
    filters = data.EventFilter(dyad=(ka, kb), since=since, until=until)
    events, next_cursor = data.event_page(con, filters, limit=100)
    return render(request, "dyad.html", {
        "a": ka, "b": kb, "by": by, "pair": pair, "rows": rows, "chart": chart, "events": events,
        "more": events_url(dyad=pair, since=since, until=until, cursor=next_cursor) if next_cursor else None,
        "statements": data.dyad_statements(con, ka, kb, limit=100), "ledger": _ledger(con, [ka, kb]),
        "alerts": _alerts(con, limit=20, dyad=(ka, kb)),
        "totals": {"events": sum(r["events"] for r in rows), "statements": sum(r["statements"] for r in rows)},
    })


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, con: Con, actor: str | None = None, dyad: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, plover: str | None = None, cameo: str | None = None,
           quad_class: int | None = Query(None, ge=1, le=4), issue: str | None = None, article: str | None = None,
           include_negated: bool = False, include_duplicates: bool = True, cursor: str | None = None,
           limit: int = Query(100, ge=1, le=1000)) -> HTMLResponse:
    filters = events_filter(actor, dyad, since, until, plover, cameo, quad_class, issue, article, include_negated,
                            include_duplicates)
    rows, next_cursor = data.event_page(con, filters, limit=limit, cursor=cursor)
    params = {k: v for k, v in request.query_params.items() if k not in ("cursor", "token")}
    return render(request, "events.html", {
        "events": rows, "filters": params,
        "more": events_url(**params, cursor=next_cursor) if next_cursor else None,
    })


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, con: Con) -> HTMLResponse:
    return render(request, "actors.html", {"actors": data.actor_counts(con)})


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor(request: Request, con: Con, code: str) -> HTMLResponse:
    from detente.relations import active_dyads, actor_key
    from detente.store.queries import list_statements

    key = check_code(code)
    country = actor_key(key)
    dyads = [d for d in active_dyads(con, limit=500) if country in (d["a"], d["b"])]
    events, next_cursor = data.event_page(con, data.EventFilter(actor=key), limit=100)
    return render(request, "actor.html", {
        "code": key, "codes": data.actor_counts(con, prefix=key), "dyads": dyads, "events": events,
        "more": events_url(actor=key, cursor=next_cursor) if next_cursor else None,
        "statements": list_statements(con, actor=key, limit=100),
    })


@router.get("/issues", response_class=HTMLResponse)
def issues(request: Request, con: Con) -> HTMLResponse:
    from detente.store.queries import issue_summary

    return render(request, "issues.html", {"issues": issue_summary(con)})


@router.get("/issue/{key}", response_class=HTMLResponse)
def issue(request: Request, con: Con, key: str) -> HTMLResponse:
    from detente.store.queries import issue_summary, list_statements

    summary = next((row for row in issue_summary(con, top=10) if row["issue"] == key), None)
    if summary is None:
        raise StoreError("D060", f"no issue {key!r} in this record", "see the issues listed at /issues")
    events, next_cursor = data.event_page(con, data.EventFilter(issue=key), limit=100)
    return render(request, "issue.html", {
        "issue": summary, "events": events, "sentences": data.issue_events(con, key),
        "more": events_url(issue=key, cursor=next_cursor) if next_cursor else None,
        "statements": list_statements(con, issue=key, limit=100),
    })


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, con: Con, offset: int = Query(0, ge=0)) -> HTMLResponse:
    from detente.store.queries import list_articles

    rows = list_articles(con, limit=100, offset=offset)
    return render(request, "articles.html", {"articles": rows, "offset": offset,
                                             "next": offset + 100 if len(rows) == 100 else None})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, con: Con, article_id: str) -> HTMLResponse:
    from detente.store.queries import get_article, list_statements

    row = get_article(con, article_id)
    events, _ = data.event_page(con, data.EventFilter(article_id=row["id"], include_negated=True), limit=10_000)
    statements = list_statements(con, article_id=row["id"], limit=None)
    used = {e["sentence_idx"] for e in events} | {s["sentence_idx"] for s in statements}
    body = highlight(row["text"], row["sentences"], evidence_marks(events, statements), evidence=used)
    return render(request, "article.html", {"article": row, "body": body, "events": events, "statements": statements})


@router.get("/evidence/{key}")
def evidence(con: Con, key: str) -> RedirectResponse:
    """An event or statement id → its article page at the sentence."""
    article_id, idx = data.find_evidence(con, key)
    return RedirectResponse(article_url(article_id, idx), status_code=307)
