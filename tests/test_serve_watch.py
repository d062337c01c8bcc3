"""``detente serve --watch`` end to end: a real server subprocess on a free loopback port owns a
real DuckDB file, its watcher ingests articles dropped into a watched folder, the API and the
dashboard (over real HTTP) see each of the watcher's writes, and SIGTERM stops both cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from conftest import free_port
from detente.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.network]

T = TypeVar("T")

#: Long enough for the server to start, the watcher to load spaCy and code an article.
DEADLINE = 90.0

CALL = """Trump and Putin discuss Ukraine in phone call

MOSCOW, March 18, 2025 — U.S. President Donald Trump and Russian President Vladimir Putin held a phone call on \
Tuesday, the Kremlin said.
Putin told Trump that Russia was ready to work with the United States on a settlement in Ukraine.
Trump praised Putin for the constructive tone of the two-hour conversation, according to the White House.
"""

RIYADH = """Rubio and Lavrov meet in Riyadh

RIYADH, March 20, 2025 — U.S. Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh \
on Thursday.
Russia rejected the American proposal for a full ceasefire, Lavrov told reporters after the meeting.
The United States threatened Russia with new sanctions if the talks failed.
"""

WATCHFILE = """interval = "1s"

[sources]
folders = ["inbox"]

[watch]
dyads = ["USA-RUS"]
"""


@dataclass
class Server:
    """A running ``detente serve --watch``: its process, base URL, watched folder and log."""

    process: subprocess.Popen[bytes]
    base: str
    inbox: Path
    log: Path

    def get(self, path: str, **params: Any) -> httpx.Response:
        """GET ``path`` over real HTTP."""
        return httpx.get(self.base + path, params=params, timeout=10)

    def json(self, path: str, **params: Any) -> Any:
        """The JSON answer of ``path``; fails the test unless it is a 200."""
        response = self.get(path, **params)
        assert response.status_code == 200, (path, response.status_code, response.text)
        return response.json()

    def output(self) -> str:
        """What the server has printed so far (for failure messages)."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def poll(what: str, server: Server, probe: Callable[[], T | None], deadline: float = DEADLINE) -> T:
    """``probe()`` repeated until it returns something (not None); fails after ``deadline`` seconds
    or as soon as the server process has exited."""
    end = time.monotonic() + deadline
    while True:
        if server.process.poll() is not None:
            pytest.fail(f"detente serve exited with {server.process.returncode} while waiting for {what}:\n"
                        f"{server.output()}")
        try:
            found = probe()
        except httpx.TransportError:
            found = None
        if found is not None:
            return found
        if time.monotonic() > end:
            pytest.fail(f"no {what} within {deadline:.0f} s:\n{server.output()}")
        time.sleep(0.5)


def drop(inbox: Path, name: str, text: str) -> None:
    """Put an article into the watched folder in one step: written under a hidden name (the
    reader skips hidden entries) and renamed, so a round never reads half a file."""
    hidden = inbox / f".{name}.part"
    hidden.write_text(text, encoding="utf-8")
    hidden.rename(inbox / name)


def stop(process: subprocess.Popen[bytes], timeout: float = 15) -> None:
    """End ``process`` if it still runs: SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """``detente serve --watch`` over an empty, migrated database and an empty watched folder."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watchfile = tmp_path / "watch.toml"
    watchfile.write_text(WATCHFILE, encoding="utf-8")
    db = tmp_path / "served.duckdb"
    with Store(db):  # creates and migrates the file; closed before the server opens it
        pass
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_TOKEN"}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
             "--port", str(port), "--watch", str(watchfile)],
            stdout=sink, stderr=subprocess.STDOUT, env=env)
    running = Server(process, f"http://127.0.0.1:{port}", inbox, log)
    try:
        poll("answer on /health", running, lambda: True if running.get("/health").status_code == 200 else None)
        yield running
    finally:
        stop(process)


def article_named(server: Server, title: str) -> dict[str, Any] | None:
    """The listed article with this title, if the API lists it yet."""
    items = server.json("/api/articles", limit=1000)["items"]
    return next((a for a in items if a["title"] == title), None)


def dyad_events(server: Server, article_id: str) -> list[dict[str, Any]] | None:
    """The article's USA–RUS events, or None while there are none."""
    items = server.json("/api/events", dyad="USA,RUS", article=article_id, limit=1000)["items"]
    return items or None


def wait_for_article(server: Server, title: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Wait until the API lists the article titled ``title`` and a USA–RUS event from it."""
    article = poll(f"article {title!r} in /api/articles", server, lambda: article_named(server, title))
    events = poll(f"a USA–RUS event of {title!r} in /api/events", server, lambda: dyad_events(server, article["id"]))
    return article, events


def test_serve_watch_sees_new_articles_and_stops_on_sigterm(server: Server) -> None:
    assert server.json("/api/articles")["items"] == []
    assert server.json("/api/alerts")["items"] == []

    drop(server.inbox, "call.txt", CALL)
    call, call_events = wait_for_article(server, "Trump and Putin discuss Ukraine in phone call")
    assert str(call["published"]) == "2025-03-18" and call["locator"].endswith("call.txt")
    for event in call_events:
        codes = {p["code"][:3] for p in event["source"] + event["target"]}
        assert codes >= {"USA", "RUS"}, event
        assert event["sentence"] and event["article_id"] == call["id"]

    home = server.get("/")
    assert home.status_code == 200 and 'href="/dyad/RUS/USA"' in home.text
    dyad = server.get("/dyad/USA/RUS")
    assert dyad.status_code == 200
    first = call_events[0]
    assert f'href="/article/{call["id"]}#s{first["sentence_idx"]}"' in dyad.text

    # a later file: the API sees the watcher's later writes, not a snapshot taken at start
    drop(server.inbox, "riyadh.txt", RIYADH)
    riyadh, riyadh_events = wait_for_article(server, "Rubio and Lavrov meet in Riyadh")
    assert riyadh["id"] != call["id"]
    assert len(server.json("/api/articles")["items"]) == 2
    assert {e["plover"] for e in riyadh_events} >= {"REJECT"}

    # the watcher raised alerts for the new REJECT (and THREATEN) on the watched dyad
    rejected = {e["event_id"] for e in riyadh_events if e["plover"] == "REJECT"}

    def alert_for_reject() -> list[dict[str, Any]] | None:
        items = server.json("/api/alerts", dyad="USA,RUS")["items"]
        hits = [a for a in items if a["rule"] == "new_event" and set(a["evidence"]) & rejected]
        return hits or None

    alerts = poll("a new_event alert for the REJECT", server, alert_for_reject)
    assert alerts[0]["plover"] == "REJECT"
    assert riyadh["id"] in server.get("/dyad/USA/RUS").text

    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"detente serve did not exit within 60 s of SIGTERM:\n{server.output()}")
    assert code == 0, server.output()
    log = server.output()
    assert "SIGTERM: stopping the server and the watcher" in log
    assert f"[watching {server.inbox.parent / 'watch.toml'}]" in log  # printed as text, not read as markup
