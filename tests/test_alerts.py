"""Alerts: change points, new events on watched dyads, stance changes, storage, webhooks."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import typer
from helpers import add_article, add_event, add_statement
from typer.testing import CliRunner

from detente.relations.alerts import (
    Alert,
    detect_changes,
    list_alerts,
    mark_posted,
    post_alerts,
    raise_alerts,
    store_alerts,
    unposted_alerts,
)
from detente.store import Store
from detente.watch import WatchSpec
from conftest import free_port

NOW = dt.datetime(2025, 4, 1, 12, 0)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


def test_alerts_detect_changes_finds_a_jump_not_noise() -> None:
    rng = np.random.default_rng(7)
    jump = np.r_[rng.normal(0, 1, 30), rng.normal(-6, 1, 30)]
    found = detect_changes(list(jump))
    assert [c.index for c in found] == [30]
    assert found[0].shift == pytest.approx(-6, abs=1.0)
    assert detect_changes(list(rng.normal(0, 1, 60))) == []
    assert detect_changes([0.0] * 5 + [9.0] * 5) == []  # under MIN_DAYS: too little data
    assert detect_changes([2.0] * 30) == []


def _hostile_month(store: Store) -> None:
    """30 quiet days of talks between USA and RUS, then 15 days of threats."""
    start = dt.date(2025, 2, 1)
    for i in range(45):
        day = start + dt.timedelta(days=i)
        hostile = i >= 30
        words = "Moscow threatened Washington." if hostile else "Moscow consulted Washington."
        art = add_article(store, f"{words} Day {i}.", day)
        add_event(store, art, 0, "threatened" if hostile else "consulted", ["RUSGOV"], ["USAGOV"],
                  "138" if hostile else "040", "THREATEN" if hostile else "CONSULT", -7.0 if hostile else 1.0,
                  day=day, quad=3 if hostile else 1)


def test_alerts_change_point_on_a_dyad_with_a_jump(store: Store) -> None:
    _hostile_month(store)
    alerts = raise_alerts(store.con, WatchSpec(dyads=(("USA", "RUS"),)), NOW)
    changes = [a for a in alerts if a.rule == "change_point"]
    assert len(changes) == 1
    assert changes[0].alert_date == dt.date(2025, 3, 3) and changes[0].score == pytest.approx(-8.0)
    assert changes[0].evidence and (changes[0].a, changes[0].b) == ("RUS", "USA")
    threats = [a for a in alerts if a.rule == "new_event"]
    assert len(threats) == 15 and {a.plover for a in threats} == {"THREATEN"}


def test_alerts_are_stored_once(store: Store) -> None:
    _hostile_month(store)
    spec = WatchSpec(dyads=(("USA", "RUS"),))
    first = store_alerts(store.con, raise_alerts(store.con, spec, NOW))
    assert first == 16
    assert store_alerts(store.con, raise_alerts(store.con, spec, NOW + dt.timedelta(hours=1))) == 0
    assert len(list_alerts(store.con, limit=1000)) == 16
    assert len(list_alerts(store.con, since="2025-03-10", dyad="RUS-USA")) == 8  # 03-10 to 03-17
    assert list_alerts(store.con, dyad=("CHN", "TWN")) == []


def test_alerts_new_assault_on_a_watched_dyad(store: Store) -> None:
    art = add_article(store, "Russian drones struck Kyiv.\nRussia could strike again.\nRussia did not strike Odesa.\n"
                             "Iran struck Israel.", dt.date(2025, 3, 20))
    hit = add_event(store, art, 0, "struck", ["RUSMIL"], ["UKR"], "195", "ASSAULT", -10.0, quad=4)
    add_event(store, art, 1, "strike", ["RUS"], ["UKR"], "190", "ASSAULT", -10.0, hypothetical=True, quad=4)
    add_event(store, art, 2, "strike", ["RUS"], ["UKR"], "190", "ASSAULT", -10.0, negated=True, quad=4)
    add_event(store, art, 3, "struck", ["IRN"], ["ISR"], "190", "ASSAULT", -10.0, quad=4)
    alerts = raise_alerts(store.con, WatchSpec(dyads=(("UKR", "RUS"),)), NOW)
    assert [(a.rule, a.a, a.b, a.plover, a.evidence) for a in alerts] == [("new_event", "RUS", "UKR", "ASSAULT", (hit,))]
    assert "Russian drones struck Kyiv." in alerts[0].message
    assert store_alerts(store.con, alerts) == 1
    # the next round sees one more assault: only that one is new
    art2 = add_article(store, "Russian missiles hit Kharkiv.", dt.date(2025, 3, 21))
    add_event(store, art2, 0, "hit", ["RUS"], ["UKRGOV"], "195", "ASSAULT", -10.0, quad=4)
    assert store_alerts(store.con, raise_alerts(store.con, WatchSpec(dyads=(("UKR", "RUS"),)), NOW)) == 1


def test_alerts_stance_change_on_a_watched_issue(store: Store) -> None:
    art = add_article(store, "Moscow agreed to a truce with Kyiv.\nThe Kremlin said the truce holds only if arms stop.",
                      dt.date(2025, 3, 18))
    add_event(store, art, 0, "agreed", ["RUSGOV"], ["UKR"], "0356", "AGREE", issues=("ceasefire",))
    quote = add_statement(store, art, 1, "RUSGOV", "the truce holds only if arms stop", ("ceasefire",))
    alerts = raise_alerts(store.con, WatchSpec(issues=("ceasefire",), parties=("USA", "RUS")), NOW)
    assert [(a.rule, a.a, a.issue) for a in alerts] == [("stance_change", "RUS", "ceasefire")]
    assert alerts[0].evidence[1] == quote and "supports → conditional" in alerts[0].message


class _Hook(http.server.BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []
    status = 200

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(type(self).status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def webhook() -> Iterator[tuple[str, type[_Hook]]]:
    """A real webhook receiver on a loopback port."""
    handler = type("Hook", (_Hook,), {"received": [], "status": 200})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/hook", handler
    server.shutdown()
    server.server_close()


def _alert(key: str = "a1") -> Alert:
    return Alert(key, "new_event", "RUS", "UKR", None, "ASSAULT", dt.date(2025, 3, 20), None, "RUS → UKR ASSAULT",
                 ("e1",), NOW)


@pytest.mark.network
def test_alerts_post_to_a_webhook_and_mark_posted(store: Store, webhook: tuple[str, type[_Hook]]) -> None:
    url, handler = webhook
    store_alerts(store.con, [_alert("a1"), _alert("a2")])
    posted = post_alerts(unposted_alerts(store.con), url)
    assert [a.alert_id for a in posted] == ["a1", "a2"] and all(a.posted_at for a in posted)
    assert [a["alert_id"] for a in handler.received[0]["alerts"]] == ["a1", "a2"]
    assert handler.received[0]["alerts"][0]["alert_date"] == "2025-03-20"
    mark_posted(store.con, posted)
    assert unposted_alerts(store.con) == []


@pytest.mark.network
def test_alerts_webhook_errors_are_logged_not_raised(webhook: tuple[str, type[_Hook]],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    url, handler = webhook
    handler.status = 500
    with caplog.at_level(logging.WARNING, logger="detente.alerts"):
        assert post_alerts([_alert()], url) == []
        assert post_alerts([_alert()], f"http://127.0.0.1:{free_port()}/down", timeout=2) == []
    assert "HTTP 500" in caplog.text and "ConnectError" in caplog.text


def test_alerts_cli_lists_stored_alerts(store: Store, db_path: Path) -> None:
    from detente.cli import watching

    store_alerts(store.con, [_alert("a1")])
    store.close()
    app = typer.Typer()
    watching.register(app)
    result = CliRunner().invoke(app, ["alerts", "--db", str(db_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["alert_id"], r["evidence"]) for r in rows] == [("a1", ["e1"])]
    result = CliRunner().invoke(app, ["alerts", "--db", str(db_path), "--since", "2025-13-01"])
    assert result.exit_code == 1 and "D080" in result.output
