"""Fetching URLs against a real loopback HTTP server (the ``http_server`` fixture).

Loopback addresses are refused unless ``allow_private=True``; every other test passes it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from detente import IngestOptions, Problem, RunOptions, RunSummary, Store, run
from helpers import query, stored
from helpers import ingest as _ingest


def ingest(paths: list[Any], db_path: Path, **options: Any) -> RunSummary:
    """Like helpers.ingest, with a short default timeout for the loopback server."""
    options.setdefault("timeout", 5.0)
    return _ingest(paths, db_path, **options)

pytestmark = pytest.mark.network

Handler = Callable[[BaseHTTPRequestHandler], None]

# --- helpers -------------------------------------------------------------------------








def assert_problems(summary: RunSummary, db_path: Path, expected: list[tuple[str, str]]) -> list[Problem]:
    """Exactly these (locator, code) errors, reported and recorded in ingest_errors."""
    assert sorted((p.locator, p.code) for p in summary.problems) == sorted(expected), summary.problems
    assert all(p.level == "error" and p.message.strip() for p in summary.problems)
    recorded = query(db_path, "SELECT locator, code, level, message FROM ingest_errors WHERE run_id = ?", [summary.run_id])
    assert sorted((r["locator"], r["code"], r["level"], r["message"]) for r in recorded) == sorted(
        (p.locator, p.code, p.level, p.message) for p in summary.problems)
    assert summary.failed == len(expected)
    return summary.problems


def good_file(folder: Path) -> Path:
    path = folder / "local.txt"
    path.write_text("The Swiss foreign minister hosted envoys from both sides in Bern on Monday.", encoding="utf-8")
    return path


def respond(body: bytes | str, content_type: str = "text/html; charset=utf-8", status: int = 200,
            declare_length: bool = True, hits: Counter[str] | None = None) -> Handler:
    """A route handler sending a fixed response (counting requests in ``hits``)."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handler(request: BaseHTTPRequestHandler) -> None:
        if hits is not None:
            hits[request.path] += 1
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        if declare_length:
            request.send_header("Content-Length", str(len(data)))
        request.end_headers()  # HTTP/1.0: without a length, the body ends when the connection closes
        request.wfile.write(data)

    return handler


def redirect(location: str, status: int = 302) -> Handler:
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handler


def page(title: str, *paragraphs: str, published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}</head>"
            f"<body><nav><a href='/'>Front page menu</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Terms of use and cookie policy</footer></body></html>")


ANKARA = page(
    "Grain talks resume in Ankara",
    "Turkish, Ukrainian and Russian officials resumed talks on grain shipments in Ankara on Tuesday.",
    "A Turkish diplomat said the delegations discussed inspections of ships and insurance for cargo.",
    published="2025-05-06",
)
BRUSSELS = page(
    "Ministers meet in Brussels",
    "European foreign ministers met in Brussels to discuss new sanctions and support for reconstruction.",
    "The meeting ended with a statement calling for a lasting ceasefire.",
)


# --- .urls files and URL arguments ------------------------------------------------------------


def test_web_urls_file_fetched(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    hits: Counter[str] = Counter()
    base = http_server({
        "/ankara": respond(ANKARA, hits=hits),
        "/brussels": respond(BRUSSELS, hits=hits),
        "/plain": respond("Envoys agree to meet again\n\nThe envoys agreed to meet again in Vienna.", "text/plain; charset=utf-8", hits=hits),
        "/skipped": respond(BRUSSELS, hits=hits),
    })
    urls = tmp_path / "reading-list.urls"
    urls.write_text(
        "# reading list for the morning brief\n\n"
        f"{base}/ankara\n"
        f"   {base}/brussels   \n"
        "\n"
        f"# {base}/skipped\n"
        f"{base}/plain\n",
        encoding="utf-8",
    )

    summary = ingest([urls], db_path, allow_private=True)

    assert summary.problems == []
    assert (summary.ingested, summary.failed) == (3, 0)
    assert hits == {"/ankara": 1, "/brussels": 1, "/plain": 1}  # the commented URL is never fetched
    rows = stored(db_path)
    assert set(rows) == {f"{base}/ankara", f"{base}/brussels", f"{base}/plain"}
    ankara = rows[f"{base}/ankara"]
    assert (ankara["url"], ankara["title"], ankara["format"], ankara["path"]) == (f"{base}/ankara", "Grain talks resume in Ankara", "html", None)
    assert ankara["text"].startswith("Turkish, Ukrainian and Russian officials resumed talks")
    assert "Front page menu" not in ankara["text"] and "cookie policy" not in ankara["text"]
    assert (ankara["published"].isoformat(), ankara["date_method"]) == ("2025-05-06", "metadata")
    plain = rows[f"{base}/plain"]
    assert (plain["url"], plain["format"], plain["title"], plain["text"]) == (
        f"{base}/plain", "txt", "Envoys agree to meet again", "The envoys agreed to meet again in Vienna.")


def test_web_url_as_path_argument(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    base = http_server({"/news/ankara": respond(ANKARA)})
    local = good_file(tmp_path)

    summary = ingest([f"{base}/news/ankara", local], db_path, allow_private=True)

    assert summary.problems == []
    assert summary.sources == 2
    rows = stored(db_path)
    assert set(rows) == {f"{base}/news/ankara", str(local)}
    assert rows[f"{base}/news/ankara"]["url"] == f"{base}/news/ankara"
    assert rows[f"{base}/news/ankara"]["title"] == "Grain talks resume in Ankara"


@pytest.mark.parametrize("via_urls_file", [True, False], ids=["urls-file", "argument"])
def test_web_private_address_refused_d040(tmp_path: Path, db_path: Path, http_server: Any, via_urls_file: bool) -> None:
    hits: Counter[str] = Counter()
    base = http_server({"/ankara": respond(ANKARA, hits=hits), "/brussels": respond(BRUSSELS, hits=hits)})
    targets = [f"{base}/ankara", f"{base}/brussels"]
    local = good_file(tmp_path)
    if via_urls_file:
        urls = tmp_path / "list.urls"
        urls.write_text("# two loopback pages\n" + "\n".join(targets) + "\n", encoding="utf-8")
        inputs: list[Any] = [urls, local]
    else:
        inputs = [*targets, local]

    summary = ingest(inputs, db_path)  # allow_private is off by default

    problems = assert_problems(summary, db_path, [(url, "D040") for url in targets])
    for problem in problems:
        assert problem.locator in problem.message and "127.0.0.1" in problem.message
    assert hits == {}  # refused before connecting
    assert set(stored(db_path)) == {str(local)}


@pytest.mark.parametrize("status", [404, 500, 403, 503])
def test_web_http_error_d042(tmp_path: Path, db_path: Path, http_server: Any, status: int) -> None:
    routes = {"/good": respond(ANKARA)}
    if status != 404:  # 404: the fixture's server answers unknown paths with 404
        routes["/bad"] = respond("<html><body><p>Server error</p></body></html>", status=status)
    base = http_server(routes)
    urls = tmp_path / "list.urls"
    urls.write_text(f"{base}/bad\n{base}/good\n", encoding="utf-8")

    summary = ingest([urls], db_path, allow_private=True)

    [problem] = assert_problems(summary, db_path, [(f"{base}/bad", "D042")])
    assert f"HTTP {status}" in problem.message and f"{base}/bad" in problem.message
    assert set(stored(db_path)) == {f"{base}/good"}


def test_web_timeout_d041(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    release = threading.Event()

    def slow(request: BaseHTTPRequestHandler) -> None:
        release.wait(5)  # far longer than the 0.5 s timeout (released when the test ends)
        try:
            respond(ANKARA)(request)
        except OSError:  # the client has gone
            pass

    base = http_server({"/slow": slow, "/fast": respond(BRUSSELS)})
    urls = tmp_path / "list.urls"
    urls.write_text(f"{base}/slow\n{base}/fast\n", encoding="utf-8")
    try:
        started = time.monotonic()
        summary = ingest([urls], db_path, allow_private=True, timeout=0.5)
        elapsed = time.monotonic() - started
    finally:
        release.set()

    [problem] = assert_problems(summary, db_path, [(f"{base}/slow", "D041")])
    assert "0.5 s" in problem.message
    assert elapsed < 4
    assert set(stored(db_path)) == {f"{base}/fast"}


def chain(length: int, relative: bool, base: str = "") -> dict[str, Handler]:
    """/r0 -> /r1 -> ... -> /r{length} (the page): ``length`` redirects."""
    routes: dict[str, Handler] = {}
    for step in range(length):
        target = f"/r{step + 1}" if relative else f"{base}/r{step + 1}"
        routes[f"/r{step}"] = redirect(target, status=(301, 302, 303, 307, 308)[step % 5])
    routes[f"/r{length}"] = respond(ANKARA)
    return routes


@pytest.mark.parametrize(
    ("length", "max_redirects", "relative"),
    [(1, 5, True), (1, 5, False), (5, 5, True), (2, 2, False)],
)
def test_web_redirect_followed(tmp_path: Path, db_path: Path, http_server: Any, length: int, max_redirects: int, relative: bool) -> None:
    routes: dict[str, Handler] = {}
    base = http_server(routes)
    routes.update(chain(length, relative, base))  # absolute targets need the base URL

    summary = ingest([f"{base}/r0"], db_path, allow_private=True, max_redirects=max_redirects)

    assert summary.problems == []
    row = stored(db_path)[f"{base}/r0"]
    assert row["url"] == f"{base}/r{length}"  # the URL the page finally came from
    assert row["title"] == "Grain talks resume in Ankara"


@pytest.mark.parametrize(("length", "max_redirects"), [(6, 5), (3, 2), (1, 0)])
def test_web_too_many_redirects_d044(tmp_path: Path, db_path: Path, http_server: Any, length: int, max_redirects: int) -> None:
    routes: dict[str, Handler] = {"/good": respond(BRUSSELS)}
    base = http_server(routes)
    routes.update(chain(length, relative=True))
    urls = tmp_path / "list.urls"
    urls.write_text(f"{base}/r0\n{base}/good\n", encoding="utf-8")

    summary = ingest([urls], db_path, allow_private=True, max_redirects=max_redirects)

    [problem] = assert_problems(summary, db_path, [(f"{base}/r0", "D044")])
    assert f"more than {max_redirects} times" in problem.message
    assert set(stored(db_path)) == {f"{base}/good"}


def test_web_redirect_loop_d044(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    base = http_server({"/ping": redirect("/pong"), "/pong": redirect("/ping")})
    local = good_file(tmp_path)

    summary = ingest([f"{base}/ping", local], db_path, allow_private=True)

    assert_problems(summary, db_path, [(f"{base}/ping", "D044")])
    assert set(stored(db_path)) == {str(local)}


def test_web_redirect_without_location_d045(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    def nowhere(request: BaseHTTPRequestHandler) -> None:
        respond("<html><body><p>The page has moved somewhere, but we do not say where.</p></body></html>", status=302)(request)

    base = http_server({"/nowhere": nowhere, "/good": respond(BRUSSELS)})

    summary = ingest([f"{base}/nowhere", f"{base}/good"], db_path, allow_private=True)

    [problem] = assert_problems(summary, db_path, [(f"{base}/nowhere", "D045")])  # the 302 body is not an article
    assert "Location" in problem.message
    assert set(stored(db_path)) == {f"{base}/good"}


@pytest.mark.parametrize("declare_length", [True, False], ids=["declared-length", "streamed"])
def test_web_response_too_large_d043(tmp_path: Path, db_path: Path, http_server: Any, declare_length: bool) -> None:
    huge = page("Long communique", *["The parties reaffirmed their commitment to dialogue and cooperation." for _ in range(400)])
    assert len(huge) > 20_000
    base = http_server({"/huge": respond(huge, declare_length=declare_length), "/small": respond(BRUSSELS)})
    urls = tmp_path / "list.urls"
    urls.write_text(f"{base}/huge\n{base}/small\n", encoding="utf-8")

    summary = ingest([urls], db_path, allow_private=True, max_bytes=5_000)

    [problem] = assert_problems(summary, db_path, [(f"{base}/huge", "D043")])
    assert "5,000" in problem.message and f"{base}/huge" in problem.message
    assert set(stored(db_path)) == {f"{base}/small"}


def test_web_connection_refused_and_bad_url_d045(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/gone"
    base = http_server({"/good": respond(BRUSSELS)})
    urls = tmp_path / "list.urls"
    urls.write_text(f"{closed}\nftp://files.example.org/brief.txt\n{base}/good\n", encoding="utf-8")

    summary = ingest([urls], db_path, allow_private=True)

    assert_problems(summary, db_path, [(closed, "D045"), ("ftp://files.example.org/brief.txt", "D045")])
    assert set(stored(db_path)) == {f"{base}/good"}


# --- feeds and records over HTTP ----------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title><link>https://news.example.org/</link><description>World</description>
<item><title>Ministers meet in Riyadh</title><link>https://news.example.org/riyadh</link><guid>urn:hw:1</guid>
<pubDate>Tue, 18 Feb 2025 10:00:00 GMT</pubDate><description>Foreign ministers met in Riyadh on Tuesday to restore embassy staff.</description></item>
<item><title>Envoys hold talks in Ankara</title><link>https://news.example.org/ankara</link><guid>urn:hw:2</guid>
<pubDate>Wed, 19 Feb 2025 08:00:00 GMT</pubDate><description>Envoys held talks in Ankara about grain exports and shipping lanes.</description></item>
</channel></rss>
"""


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/xml; charset=utf-8", "text/xml", "text/plain"])
def test_web_rss_feed_url(tmp_path: Path, db_path: Path, http_server: Any, content_type: str) -> None:
    base = http_server({"/feed": respond(RSS, content_type)})
    local = good_file(tmp_path)

    summary = ingest([f"{base}/feed", local], db_path, allow_private=True)

    assert summary.problems == []
    rows = stored(db_path)
    assert set(rows) == {f"{base}/feed#entry=1", f"{base}/feed#entry=2", str(local)}
    first, second = rows[f"{base}/feed#entry=1"], rows[f"{base}/feed#entry=2"]
    assert (first["url"], first["title"], first["external_id"], first["published"].isoformat(), first["date_method"]) == (
        "https://news.example.org/riyadh", "Ministers meet in Riyadh", "urn:hw:1", "2025-02-18", "metadata")
    assert (second["url"], second["external_id"], second["source"], second["format"]) == (
        "https://news.example.org/ankara", "urn:hw:2", "Harbour Wire", "feed")


def test_web_malformed_feed_url_d031(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    base = http_server({"/feed": respond("<rss version='2.0'><channel><title>Cut</title></chan", "application/rss+xml")})
    local = good_file(tmp_path)

    summary = ingest([f"{base}/feed", local], db_path, allow_private=True)

    assert_problems(summary, db_path, [(f"{base}/feed", "D031")])
    assert set(stored(db_path)) == {str(local)}


@pytest.mark.parametrize("content_type", ["application/x-ndjson", "application/jsonl"])
def test_web_json_lines_url(db_path: Path, http_server: Any, content_type: str) -> None:
    lines = [
        {"id": "n1", "title": "Talks in Oslo", "text": "Norwegian mediators hosted both delegations in Oslo."},
        {"id": "n2", "title": "Talks in Rome", "text": "Italian officials hosted a conference on Libya in Rome."},
    ]
    base = http_server({"/export": respond("\n".join(json.dumps(line) for line in lines) + "\n", content_type)})

    summary = ingest([f"{base}/export"], db_path, allow_private=True)

    assert summary.problems == []
    rows = stored(db_path)
    assert set(rows) == {f"{base}/export#L1", f"{base}/export#L2"}
    assert {row["external_id"] for row in rows.values()} == {"n1", "n2"}
    assert {row["url"] for row in rows.values()} == {f"{base}/export"}


def test_web_json_url(db_path: Path, http_server: Any) -> None:
    records = {"articles": [{"id": "j1", "url": "https://news.example.org/j1", "text": "The Saudi foreign minister visited Tehran."}]}
    base = http_server({"/api": respond(json.dumps(records), "application/json")})

    summary = ingest([f"{base}/api"], db_path, allow_private=True)

    assert summary.problems == []
    row = stored(db_path)[f"{base}/api#item=1"]
    assert (row["external_id"], row["url"], row["format"]) == ("j1", "https://news.example.org/j1", "json")


def test_web_binary_and_empty_responses(tmp_path: Path, db_path: Path, http_server: Any) -> None:
    base = http_server({
        "/logo": respond(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"),
        "/empty": respond(b"", "text/html"),
        "/good": respond(BRUSSELS),
    })

    summary = ingest([f"{base}/logo", f"{base}/empty", f"{base}/good"], db_path, allow_private=True)

    assert_problems(summary, db_path, [(f"{base}/logo", "D011"), (f"{base}/empty", "D010")])
    assert set(stored(db_path)) == {f"{base}/good"}
