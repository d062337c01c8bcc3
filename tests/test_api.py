"""The HTTP API and the server-rendered pages, through httpx over ASGI, on a database the real
pipeline built from the seed corpus (plus one article with markup in it)."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
import typer
from fastapi import FastAPI
from typer.testing import CliRunner

from detente.api import create_app
from detente.api.data import decode_cursor, decode_statement_cursor, encode_cursor, encode_statement_cursor
from detente.api.highlight import Mark, highlight
from detente.cli import app as detente_app
from detente.cli import serve as serve_cli
from detente.relations import dyad_series
from detente.store.queries import list_events, list_statements

runner = CliRunner()
SCRIPT = "<script>alert(1)</script>"
EVIL = f"""Talks in Riyadh {SCRIPT}

MOSCOW, March 3, 2025 — Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio
in Riyadh on Monday. {SCRIPT} "We agreed to keep talking," Lavrov said. Russia rejected the proposal
<b>outright</b> & moved on.
"""


class Client:
    """A small sync face over ``httpx.AsyncClient(transport=ASGITransport(app))``."""

    def __init__(self, app: FastAPI, **kwargs: Any) -> None:
        self.app, self.kwargs = app, kwargs

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test", **self.kwargs) as client:
                return await client.get(url, **kwargs)

        return asyncio.run(go())

    def json(self, url: str, **kwargs: Any) -> Any:
        response = self.get(url, **kwargs)
        assert response.status_code == 200, (url, response.text)
        return response.json()


@pytest.fixture(scope="module")
def api_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("api")
    evil = folder / "evil.txt"
    evil.write_text(EVIL, encoding="utf-8")
    db = folder / "api.duckdb"
    result = runner.invoke(detente_app, ["run", str(seeds_dir), str(evil), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def app(api_db: Path) -> Iterator[FastAPI]:
    application = create_app(api_db)
    yield application
    application.state.con.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Client:
    return Client(app)


def walk(client: Client, url: str, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(10_000):
        page = client.json(url, params={"limit": limit, **({"cursor": cursor} if cursor else {})})
        assert len(page["items"]) <= limit
        rows += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return rows
        assert len(page["items"]) == limit
    raise AssertionError("pagination never ended")


# ----------------------------------------------------------------------------- API

def test_api_openapi_lists_every_endpoint(client: Client) -> None:
    paths = set(client.json("/openapi.json")["paths"])
    assert paths >= {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/statements", "/api/actors",
                     "/api/issues", "/api/dyads/{a}/{b}/series", "/api/ledger", "/api/alerts"}
    assert not any(p.startswith("/dyad") for p in paths)


def test_api_articles_list_and_one(client: Client) -> None:
    items = client.json("/api/articles")["items"]
    assert len(items) == 6
    one = client.json(f"/api/articles/{items[0]['id'][:6]}")
    assert one["id"] == items[0]["id"] and one["text"] and one["sentences"]
    for event in one["events"]:
        assert one["text"][event["trigger_start"]:event["trigger_end"]] == event["trigger"]
    for statement in one["statements"]:
        assert one["text"][statement["start_char"]:statement["end_char"]] == statement["text"]
    missing = client.get("/api/articles/ffffffffffff")
    assert missing.status_code == 404 and missing.json()["code"] == "D060"


def _codes(event: dict[str, Any], side: str) -> list[str]:
    return [p["code"] for p in event[side]]


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "RUS"}, lambda e: any(c.startswith("RUS") for c in _codes(e, "source") + _codes(e, "target"))),
    ({"dyad": "USA,RUS"}, lambda e: (any(c.startswith("USA") for c in _codes(e, "source"))
                                     and any(c.startswith("RUS") for c in _codes(e, "target")))
                                    or (any(c.startswith("RUS") for c in _codes(e, "source"))
                                        and any(c.startswith("USA") for c in _codes(e, "target")))),
    ({"plover": "consult"}, lambda e: e["plover"] == "CONSULT"),
    ({"cameo": "04"}, lambda e: e["cameo"].startswith("04")),
    ({"since": "2025-02-18", "until": "2025-02-28"}, lambda e: "2025-02-18" <= e["date"] <= "2025-02-28"),
    ({"quad_class": 1}, lambda e: e["quad_class"] == 1),
    ({}, lambda e: not e["negated"] and not e["hypothetical"]),
])
def test_api_events_filters(client: Client, params: dict[str, Any], check: Any) -> None:
    items = client.json("/api/events", params={**params, "limit": 1000})["items"]
    assert items, params
    assert all(check(e) for e in items), params


def test_api_events_negated_only_on_request(client: Client) -> None:
    plain = client.json("/api/events", params={"limit": 1000})["items"]
    every = client.json("/api/events", params={"limit": 1000, "include_negated": "true"})["items"]
    flagged = [e for e in every if e["negated"] or e["hypothetical"]]
    assert flagged and len(every) == len(plain) + len(flagged)


def test_api_events_order_is_the_stores(client: Client, api_db: Path) -> None:
    items = client.json("/api/events", params={"limit": 1000, "include_negated": "true"})["items"]
    with duckdb.connect(str(api_db), read_only=True) as con:
        expected = [e["event_id"] for e in list_events(con, include_negated=True, limit=None)]
    assert [e["event_id"] for e in items] == expected


@pytest.mark.parametrize("limit", [1, 7, 50])
@pytest.mark.parametrize("params", ["", "?dyad=USA,RUS", "?include_negated=true", "?actor=USA&since=2025-02-19"])
def test_api_events_cursor_walks_every_page_once(client: Client, limit: int, params: str) -> None:
    whole = client.json(f"/api/events{params}", params={"limit": 1000})
    assert whole["next_cursor"] is None
    rows = walk(client, f"/api/events{params}", limit)
    ids = [e["event_id"] for e in rows]
    assert len(ids) == len(set(ids)) == len(whole["items"]) > 0
    assert ids == [e["event_id"] for e in whole["items"]]


def test_api_cursor_round_trips_and_is_opaque() -> None:
    row = {"sort_date": dt.date(2025, 3, 1), "article_id": "abc", "trigger_start": 12, "event_id": "e1"}
    cursor = encode_cursor(row)
    assert "abc" not in cursor and "=" not in cursor
    assert decode_cursor(cursor) == (dt.date(2025, 3, 1), "abc", 12, "e1")


@pytest.mark.parametrize(("url", "words"), [
    ("/api/events?since=2025-13-01", "since"),
    ("/api/events?until=yesterday", "until"),
    ("/api/events?since=2025-03-01&until=2025-02-01", "is after until"),
    ("/api/events?plover=FIGHT", "not a PLOVER type"),
    ("/api/events?cameo=abc", "not a CAMEO event code"),
    ("/api/events?limit=0", "greater than or equal to 1"),
    ("/api/events?limit=5000", "less than or equal to 1000"),
    ("/api/events?cursor=not-a-cursor", "not a cursor"),
    ("/api/events?dyad=USA", "does not name two actors"),
    ("/api/events?actor=U$A", "not a CAMEO-style actor code"),
    ("/api/events?quad_class=5", "quad_class"),
    ("/api/dyads/USA/RUS/series?by=year", "'day', 'week' or 'month'"),
    ("/api/dyads/USA/RUS/series?level=city", "level"),
    ("/api/statements?limit=-1", "limit"),
    ("/api/statements?limit=5000", "less than or equal to 1000"),
    ("/api/statements?cursor=not-a-cursor", "not a cursor this server gave out"),
    ("/api/statements?cursor=W10", "not a cursor this server gave out"),
    ("/api/statements?cursor=WyJzdCJd&offset=3", "not both"),
    ("/api/articles?since=2025-02-30", "since"),
    ("/api/ledger?parties=USA", "fewer than two"),
    ("/api/ledger", "parties"),
])
def test_api_bad_parameters_answer_422(client: Client, url: str, words: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, (url, response.text)
    body = response.json()
    assert body["code"] == "D080"
    assert words in body["message"], body["message"]


def test_api_statements_filters(client: Client) -> None:
    every = client.json("/api/statements", params={"limit": 1000})["items"]
    assert len(every) >= 10
    lavrov = client.json("/api/statements", params={"speaker": "lavrov"})["items"]
    assert lavrov and all("lavrov" in f"{s['speaker_name']} {s['speaker_text']}".lower() for s in lavrov)
    russians = client.json("/api/statements", params={"actor": "RUS", "limit": 1000})["items"]
    assert russians and all(s["speaker_code"].startswith("RUS") for s in russians)
    issue = next(i for s in every for i in s["issues"])
    tagged = client.json("/api/statements", params={"issue": issue, "limit": 1000})["items"]
    assert tagged and all(issue in s["issues"] for s in tagged)
    later = client.json("/api/statements", params={"since": "2025-03-01", "limit": 1000})["items"]
    assert all(s["date"] >= "2025-03-01" for s in later) and len(later) < len(every)


@pytest.mark.parametrize("limit", [1, 4, 50])
@pytest.mark.parametrize("params", ["", "?actor=RUS", "?since=2025-03-01", "?speaker=a"])
def test_api_statements_cursor_walks_every_page_once(client: Client, limit: int, params: str) -> None:
    whole = client.json(f"/api/statements{params}", params={"limit": 1000})
    assert whole["next_cursor"] is None
    rows = walk(client, f"/api/statements{params}", limit)
    ids = [s["quote_id"] for s in rows]
    assert len(ids) == len(set(ids)) == len(whole["items"]) > 0
    assert ids == [s["quote_id"] for s in whole["items"]]


def test_api_statements_pages_hold_the_stores_statements(client: Client, api_db: Path) -> None:
    rows = walk(client, "/api/statements", 3)
    with duckdb.connect(str(api_db), read_only=True) as con:
        stored = list_statements(con, limit=None)
    assert sorted(s["quote_id"] for s in rows) == sorted(s["quote_id"] for s in stored)
    assert len(stored) > 3  # so the walk above really crossed pages
    assert set(rows[0]) == set(stored[0])  # the same fields as before pagination
    first = client.json("/api/statements", params={"limit": 2})
    assert set(first) == {"items", "count", "next_cursor", "offset"} and first["count"] == 2
    # the offset API still answers, and agrees with the cursor walk
    skipped = client.json("/api/statements", params={"limit": 2, "offset": 2})["items"]
    assert [s["quote_id"] for s in skipped] == [s["quote_id"] for s in rows[2:4]]


def test_api_statement_and_event_cursors_are_not_interchangeable(client: Client) -> None:
    event_cursor = client.json("/api/events", params={"limit": 1})["next_cursor"]
    statement_cursor = client.json("/api/statements", params={"limit": 1})["next_cursor"]
    assert event_cursor and statement_cursor
    for url, cursor in (("/api/statements", event_cursor), ("/api/events", statement_cursor)):
        response = client.get(url, params={"cursor": cursor})
        assert response.status_code == 422, (url, response.text)
        assert response.json()["code"] == "D080" and "not a cursor" in response.json()["message"]


def test_api_statement_cursor_round_trips_and_is_opaque() -> None:
    row = {"sort_date": dt.date(2025, 3, 1), "article_id": "abc", "start_char": 40, "quote_id": "q1"}
    cursor = encode_statement_cursor(row)
    assert "abc" not in cursor and "=" not in cursor
    assert decode_statement_cursor(cursor) == (dt.date(2025, 3, 1), "abc", 40, "q1")


def test_api_actors_and_issues(client: Client) -> None:
    actors = {row["code"]: row for row in client.json("/api/actors")["items"]}
    assert actors["RUSGOV"]["events"] > 0 and actors["USAGOV"]["events"] > 0
    assert all(row["events"] + row["statements"] > 0 for row in actors.values())
    rus = client.json("/api/actors", params={"prefix": "rus"})["items"]
    assert rus and all(row["code"].startswith("RUS") for row in rus)
    issues = client.json("/api/issues")["items"]
    assert {"issue", "sentences", "events", "statements", "articles", "actors"} <= set(issues[0])


def test_api_dyad_series_is_the_library_series(client: Client, app: FastAPI) -> None:
    body = client.json("/api/dyads/usa/rusgov/series", params={"by": "week"})
    assert (body["a"], body["b"], body["by"]) == ("USA", "RUSGOV", "week")
    expected = dyad_series(app.state.con.cursor(), "USA", "RUS", by="week")
    assert [r["events"] for r in body["items"]] == [r["events"] for r in expected]
    assert sum(r["events"] for r in body["items"]) > 0
    assert all(dt.date.fromisoformat(r["period"]).weekday() == 0 for r in body["items"])


def test_api_ledger(client: Client) -> None:
    if importlib.util.find_spec("detente.relations.ledger") is None:
        pytest.skip("detente.relations.ledger is not written yet")
    body = client.json("/api/ledger", params={"parties": "USA,RUS"})
    assert body["parties"] and body["issues"]
    for item in body["issues"]:
        assert {"issue", "status", "stances", "lines"} <= set(item)


def test_api_alerts(client: Client) -> None:
    if importlib.util.find_spec("detente.relations.alerts") is None:
        pytest.skip("detente.relations.alerts is not written yet")
    assert client.json("/api/alerts")["items"] == []
    assert client.json("/api/alerts", params={"dyad": "USA,RUS", "since": "2025-01-01"})["count"] == 0


# ----------------------------------------------------------------------------- auth

def test_api_token_required_when_set(api_db: Path) -> None:
    app = create_app(api_db, token="s3cret")
    try:
        client = Client(app)
        refused = client.get("/api/events")
        assert refused.status_code == 401 and refused.json()["code"] == "D080"
        assert client.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        visit = client.get("/", params={"token": "s3cret"})
        assert visit.status_code == 200 and "detente_token" in visit.headers["set-cookie"]
        assert Client(app, cookies={"detente_token": "s3cret"}).get("/api/actors").status_code == 200
    finally:
        app.state.con.close()


@pytest.mark.parametrize(("host", "token", "ok"), [
    ("127.0.0.1", None, True), ("localhost", None, True), ("::1", None, True), ("0.0.0.0", None, False),
    ("192.168.1.10", None, False), ("example.org", None, False), ("0.0.0.0", "s3cret", True),
])
def test_serve_check_bind(host: str, token: str | None, ok: bool) -> None:
    if ok:
        serve_cli.check_bind(host, token)
    else:
        with pytest.raises(Exception, match="without a token"):
            serve_cli.check_bind(host, token)


def test_serve_refuses_to_start_beyond_loopback_without_token(api_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    cli = typer.Typer()
    serve_cli.register(cli)
    cli.command("noop")(lambda: None)  # two commands, so "serve" is a sub-command
    result = runner.invoke(cli, ["serve", "--db", str(api_db), "--host", "0.0.0.0", "--port", "1"])
    assert result.exit_code == 1
    assert "refusing to listen on '0.0.0.0' without a token" in result.output


# ----------------------------------------------------------------------------- pages

def _evil_id(client: Client) -> str:
    return next(a["id"] for a in client.json("/api/articles")["items"] if "Riyadh" in (a["title"] or ""))


def test_api_article_page_escapes_article_text(client: Client) -> None:
    article_id = _evil_id(client)
    page = client.get(f"/article/{article_id}")
    assert page.status_code == 200
    assert SCRIPT not in page.text and "<b>outright" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "b&gt;outright&lt;/b&gt; &amp; moved on" in page.text
    assert '<mark class="source"' in page.text and '<mark class="trigger"' in page.text
    assert '<mark class="quote"' in page.text and 'class="sentence evidence" id="s' in page.text
    for url in ("/", "/articles", f"/events?article={article_id}", "/actor/RUS"):
        assert SCRIPT not in client.get(url).text, url


def test_api_highlight_splits_overlapping_marks() -> None:
    text = 'Lavrov said "Russia <will> talk".'
    html = str(highlight(text, [{"idx": 0, "start_char": 0, "end_char": len(text)}],
                         [Mark(13, 31, "quote", "quote"), Mark(13, 19, "source", "RUS")], evidence=[0]))
    assert '<mark class="quote source" title="quote; RUS">Russia</mark>' in html
    assert '<mark class="quote" title="quote"> &lt;will&gt; talk</mark>' in html
    assert html.endswith('&#34;.</span>')


@pytest.mark.parametrize("url", ["/", "/dyad/USA/RUS", "/dyad/USA/RUS?by=week", "/dyad/USA/RUS?by=month", "/events",
                                 "/events?dyad=USA,RUS&plover=CONSULT", "/actors", "/actor/RUSGOV", "/issues",
                                 "/articles"])
def test_api_dashboard_pages_render(client: Client, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "https://cdn" not in page.text


def test_api_dashboard_numbers_link_to_evidence(client: Client) -> None:
    home = client.get("/").text
    assert 'href="/dyad/RUS/USA"' in home
    assert "/events?dyad=RUS%2CUSA&amp;include_duplicates=false" in home
    dyad = client.get("/dyad/USA/RUS").text
    assert '<script src="/static/plotly.min.js"></script>' in dyad
    assert 'class="evidence-link" href="/article/' in dyad and "#s" in dyad
    issue = client.json("/api/issues")["items"][0]["issue"]
    assert client.get(f"/issue/{issue}").status_code == 200
    assert client.get("/issue/no_such_issue").status_code == 404


def test_api_evidence_redirects_to_the_sentence(client: Client) -> None:
    event = client.json("/api/events", params={"limit": 1})["items"][0]
    response = client.get(f"/evidence/{event['event_id']}")
    assert response.status_code == 307
    assert response.headers["location"] == f"/article/{event['article_id']}#s{event['sentence_idx']}"
    assert client.get("/evidence/nothing").status_code == 404


def test_api_plotly_is_served_from_the_package(client: Client) -> None:
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
    assert client.get("/static/dashboard.js").status_code == 200
