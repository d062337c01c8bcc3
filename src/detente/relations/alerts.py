"""Alerts: what changed in the watched relationships and issues, stored once, posted to a webhook.

Three rules (``rule`` column of the ``alerts`` table):

- ``change_point``: a shift in the daily Goldstein sum of a watched dyad (both ways, country
  level, counted as in :func:`detente.relations.dyads.dyad_series`). The series is scaled by
  its noise (the median absolute deviation of day-to-day differences / 0.6745 / √2; its
  standard deviation when that is 0) and segmented by ``ruptures.Pelt`` (least squares,
  ``min_size`` 3 days) with penalty ``3·ln(n)``, the BIC-style penalty for a mean shift in
  unit-variance noise. A breakpoint is kept when the mean of the segment after it differs
  from the one before by at least ``2σ``. Fewer than :data:`MIN_DAYS` days (14) make no
  change point: too little data to tell a shift from noise. ``score`` is the shift (mean
  Goldstein per day after minus before); ``alert_date`` the first day of the new segment;
  the evidence is the dyad's events in the new segment (up to 20).
- ``new_event``: an AGREE, REJECT, SANCTION, THREATEN or ASSAULT event between the two
  parties of a watched dyad (either way; asserted, not negated or hypothetical; canonical
  articles only). One alert per occurrence (a symmetric event's two rows make one).
- ``stance_change``: a party's stance on a watched issue (from
  :func:`detente.relations.ledger.build_ledger`) differs from its previous one; the evidence
  is the two ledger lines.

The alert id is ``sha256(rule, parties, issue, evidence)[:16]``, so raising the same alert
again inserts nothing (``INSERT OR IGNORE``): a watcher re-running every few minutes reports
each change once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np

from detente.relations.dyads import actor_key, dyad_series, parse_day

if TYPE_CHECKING:
    import httpx

    from detente.watch import WatchSpec

__all__ = ["ALERT_PLOVER", "MIN_DAYS", "Alert", "ChangePoint", "alert_id", "change_point_alerts", "detect_changes",
           "list_alerts", "mark_posted", "new_event_alerts", "post_alerts", "raise_alerts", "stance_alerts",
           "store_alerts", "unposted_alerts"]

log = logging.getLogger("detente.alerts")

#: PLOVER types a ``new_event`` alert fires on.
ALERT_PLOVER: tuple[str, ...] = ("AGREE", "REJECT", "SANCTION", "THREATEN", "ASSAULT")
#: The shortest daily series (in days) searched for change points.
MIN_DAYS = 14
_COLUMNS = ("alert_id", "rule", "a", "b", "issue", "plover", "alert_date", "score", "message", "evidence",
            "raised_at", "posted_at", "run_id")


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert, as stored in the ``alerts`` table."""

    alert_id: str
    rule: str
    a: str | None
    b: str | None
    issue: str | None
    plover: str | None
    alert_date: dt.date | None
    score: float | None
    message: str
    evidence: tuple[str, ...]
    raised_at: dt.datetime
    posted_at: dt.datetime | None = None
    run_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["evidence"] = list(self.evidence)
        for key in ("alert_date", "raised_at", "posted_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(frozen=True, slots=True)
class ChangePoint:
    """A shift found in a series: the new segment starts at ``index`` and lasts ``length``."""

    index: int
    length: int
    before: float
    after: float
    sigma: float

    @property
    def shift(self) -> float:
        return self.after - self.before


def alert_id(rule: str, a: str | None, b: str | None, issue: str | None, evidence: Iterable[str]) -> str:
    """The stable id of an alert: the same rule, parties, issue and evidence give the same id.

    Example:
        >>> alert_id("new_event", "RUS", "UKR", None, ["e1"]) == alert_id("new_event", "RUS", "UKR", None, ["e1"])
        True
    """
    key = json.dumps([rule, a, b, issue, sorted(evidence)], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# -- change points (pure) ----------------------------------------------------------------

def _noise(values: np.ndarray) -> float:
    diffs = np.diff(values)
    sigma = float(np.median(np.abs(diffs - np.median(diffs))) / 0.6745 / math.sqrt(2)) if len(diffs) else 0.0
    if sigma <= 1e-9:
        sigma = float(np.std(values))
    return sigma


def detect_changes(values: Sequence[float], min_size: int = 3, min_days: int = MIN_DAYS,
                   min_shift: float = 2.0) -> list[ChangePoint]:
    """Mean shifts in ``values`` (Pelt, least squares, penalty ``3·ln(n)`` on the noise-scaled
    series); a shift is kept when it is at least ``min_shift`` noise deviations.

    Example:
        >>> [c.index for c in detect_changes([0.0] * 20 + [-8.0] * 20)]
        [20]
        >>> detect_changes([1.0] * 10)
        []
    """
    import ruptures

    signal = np.asarray(values, dtype=float)
    n = len(signal)
    if n < max(min_days, 2 * min_size):
        return []
    sigma = _noise(signal)
    if sigma <= 1e-9:
        return []
    ends = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(signal / sigma).predict(pen=3 * math.log(n))
    starts = [0, *ends[:-1]]
    found = []
    for i, start in enumerate(starts[1:], start=1):
        before = float(signal[starts[i - 1]:start].mean())
        after = float(signal[start:ends[i]].mean())
        if abs(after - before) >= min_shift * sigma:
            found.append(ChangePoint(start, ends[i] - start, before, after, sigma))
    return found


# -- rules ---------------------------------------------------------------------------------

def _keys_of(parties: Sequence[Any]) -> set[str]:
    return {actor_key(p) for p in parties if p and p != "---"}


def _dyad_events(con: duckdb.DuckDBPyConnection, a: str, b: str, plovers: Sequence[str] | None = None,
                 days: tuple[dt.date, dt.date] | None = None) -> list[dict[str, Any]]:
    """Counted events between ``a`` and ``b`` (either way), one row per occurrence, oldest first."""
    where, params = "", {}
    if plovers:
        where += " AND e.plover IN (SELECT unnest($plovers))"
        params["plovers"] = list(plovers)
    if days:
        where += " AND coalesce(e.event_date, a.published) BETWEEN $lo AND $hi"
        params.update(lo=days[0], hi=days[1])
    rows = con.execute(f"""
        SELECT e.event_id, e.article_id, e.trigger_start, e.trigger_end, e.cameo, e.plover, e.trigger,
               [p.code FOR p IN e.source] AS src, [p.code FOR p IN e.target] AS tgt,
               coalesce(e.event_date, a.published) AS day, s.text AS sentence
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
        WHERE a.duplicate_of IS NULL AND NOT e.negated AND NOT e.hypothetical {where}
        ORDER BY day NULLS LAST, e.article_id, e.trigger_start, e.event_id""", params).fetchall()
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event_id, article, t0, t1, cameo, plover, trigger, src, tgt, when, sentence in rows:
        sources, targets = _keys_of(src), _keys_of(tgt)
        if a in sources and b in targets:
            direction = (a, b)
        elif b in sources and a in targets:
            direction = (b, a)
        else:
            continue
        key = (article, t0, t1, cameo)
        if key in out:
            out[key]["event_ids"].append(event_id)
            continue
        out[key] = {"event_ids": [event_id], "source": direction[0], "target": direction[1], "cameo": cameo,
                    "plover": plover, "trigger": trigger, "day": when, "sentence": sentence or ""}
    return list(out.values())


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def new_event_alerts(con: duckdb.DuckDBPyConnection, dyads: Sequence[tuple[str, str]], now: dt.datetime,
                     since: dt.date | None = None) -> list[Alert]:
    """``new_event`` alerts: AGREE, REJECT, SANCTION, THREATEN or ASSAULT between watched parties."""
    alerts = []
    for a, b in dyads:
        ka, kb = actor_key(a), actor_key(b)
        for occ in _dyad_events(con, ka, kb, ALERT_PLOVER):
            if since and (occ["day"] is None or occ["day"] < since):
                continue
            evidence = tuple(sorted(occ["event_ids"]))
            when = occ["day"].isoformat() if occ["day"] else "undated"
            message = (f"{occ['source']} → {occ['target']} {occ['plover']} ({occ['cameo']} '{occ['trigger']}', {when}): "
                       f"{_short(occ['sentence'])}")
            alerts.append(Alert(alert_id("new_event", occ["source"], occ["target"], None, evidence), "new_event",
                                occ["source"], occ["target"], None, occ["plover"], occ["day"], None, message,
                                evidence, now))
    return alerts


def change_point_alerts(con: duckdb.DuckDBPyConnection, dyads: Sequence[tuple[str, str]], now: dt.datetime,
                        since: dt.date | None = None, min_days: int = MIN_DAYS) -> list[Alert]:
    """``change_point`` alerts on the daily Goldstein sum of each watched dyad."""
    alerts = []
    for a, b in dyads:
        ka, kb = sorted((actor_key(a), actor_key(b)))
        series = dyad_series(con, ka, kb, by="day")
        changes = detect_changes([float(row["goldstein_sum"]) for row in series], min_days=min_days)
        for change in changes:
            day = series[change.index]["period"]
            if since and day < since:
                continue
            last = series[min(len(series), change.index + change.length) - 1]["period"]
            found = [i for occ in _dyad_events(con, ka, kb, days=(day, last)) for i in occ["event_ids"]]
            evidence = tuple(found[:20])
            message = (f"{ka}–{kb}: daily Goldstein sum shifted from {change.before:+.2f} to {change.after:+.2f} "
                       f"on {day.isoformat()} ({change.shift / change.sigma:+.1f}σ)")
            alerts.append(Alert(alert_id("change_point", ka, kb, None, [day.isoformat(), "goldstein_sum"]),
                                "change_point", ka, kb, None, None, day, round(change.shift, 4), message, evidence, now))
    return alerts


def stance_alerts(con: duckdb.DuckDBPyConnection, parties: Sequence[str], issues: Sequence[str],
                  now: dt.datetime) -> list[Alert]:
    """``stance_change`` alerts: a party's stance on a watched issue differs from its previous one."""
    from detente.relations.ledger import build_ledger

    alerts: list[Alert] = []
    if not parties:
        return alerts
    for issue in issues:
        ledger = build_ledger(con, parties, issue)
        for item in ledger.issues:
            last: dict[str, Any] = {}
            for line in item.lines:
                if not line.stance:
                    continue
                previous = last.get(line.party)
                last[line.party] = line
                if previous is None or previous.stance == line.stance:
                    continue
                evidence = (previous.ref, line.ref)
                message = (f"{line.party} on {item.issue}: {previous.stance} → {line.stance} ({line.kind}: "
                           f"{_short(line.text)})")
                alerts.append(Alert(alert_id("stance_change", line.party, None, item.issue, [*evidence, line.stance]),
                                    "stance_change", line.party, None, item.issue, line.plover, line.date, None,
                                    message, evidence, now))
    return alerts


def raise_alerts(con: duckdb.DuckDBPyConnection, watch: WatchSpec, now: dt.datetime | None = None) -> list[Alert]:
    """Every alert the watch spec's rules find in the database now (stored or not).

    ``watch`` needs ``dyads`` (pairs of codes), ``issues`` (taxonomy keys), ``parties`` (codes
    whose stances are followed; the dyads' parties when empty) and ``since`` (a date or None:
    alerts about earlier days are not raised).

    Example:
        >>> from types import SimpleNamespace
        >>> from detente.store import Store
        >>> with Store(":memory:") as store:
        ...     raise_alerts(store.con, SimpleNamespace(dyads=[("USA", "RUS")], issues=["ceasefire"], parties=[], since=None))
        []
    """
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    dyads = [tuple(pair) for pair in watch.dyads]
    since = parse_day(getattr(watch, "since", None), "since")
    parties = list(watch.parties) or sorted({code for pair in dyads for code in pair})
    alerts = change_point_alerts(con, dyads, now, since)  # type: ignore[arg-type]
    alerts += new_event_alerts(con, dyads, now, since)  # type: ignore[arg-type]
    alerts += [a for a in stance_alerts(con, parties, list(watch.issues), now)
               if not since or (a.alert_date is not None and a.alert_date >= since) or a.alert_date is None]
    unique: dict[str, Alert] = {}
    for alert in alerts:
        unique.setdefault(alert.alert_id, alert)
    return list(unique.values())


# -- storage ---------------------------------------------------------------------------------

def _has_alerts(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'alerts' "
                      "AND table_schema = 'main'").fetchone()
    return bool(row and row[0])


def store_alerts(con: duckdb.DuckDBPyConnection, alerts: Sequence[Alert], run_id: int | None = None) -> int:
    """Insert the alerts not stored yet (``INSERT OR IGNORE`` on the stable id); the number added."""
    if not alerts:
        return 0
    before = con.execute("SELECT count(*) FROM alerts").fetchone()
    con.execute("BEGIN TRANSACTION")
    try:
        con.executemany(
            f"INSERT OR IGNORE INTO alerts ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})",
            [[a.alert_id, a.rule, a.a, a.b, a.issue, a.plover, a.alert_date, a.score, a.message, list(a.evidence),
              a.raised_at, a.posted_at, a.run_id if a.run_id is not None else run_id] for a in alerts])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    after = con.execute("SELECT count(*) FROM alerts").fetchone()
    return int(after[0] if after else 0) - int(before[0] if before else 0)


def _from_row(row: dict[str, Any]) -> Alert:
    return Alert(**{**row, "evidence": tuple(row["evidence"] or ())})


def list_alerts(con: duckdb.DuckDBPyConnection, since: dt.date | str | None = None, limit: int = 100,
                dyad: tuple[str, str] | str | None = None) -> list[dict[str, Any]]:
    """Stored alerts, newest first: about ``since`` or later (``alert_date``; undated alerts
    by ``raised_at``), of the dyad ``("USA", "RUS")`` / ``"USA-RUS"`` (either way) if given.

    Example:
        >>> from detente.store import Store
        >>> with Store(":memory:") as store:
        ...     list_alerts(store.con, since="2025-03-01", dyad="USA-RUS")
        []
    """
    if not _has_alerts(con):
        return []
    where, params = ["TRUE"], {"limit": int(limit)}
    day = parse_day(since, "since")
    if day:
        where.append("coalesce(alert_date, CAST(raised_at AS DATE)) >= $since")
        params["since"] = day
    if dyad:
        a, b = dyad.replace("–", "-").split("-", 1) if isinstance(dyad, str) else dyad
        where.append("((a = $a AND b = $b) OR (a = $b AND b = $a) OR (b IS NULL AND a IN ($a, $b)))")
        params.update(a=actor_key(a), b=actor_key(b))
    result = con.execute(f"SELECT {', '.join(_COLUMNS)} FROM alerts WHERE {' AND '.join(where)} "
                         "ORDER BY raised_at DESC, alert_date DESC NULLS LAST, alert_id LIMIT $limit", params)
    return [dict(zip(_COLUMNS, row, strict=True)) for row in result.fetchall()]


def unposted_alerts(con: duckdb.DuckDBPyConnection, limit: int = 500) -> list[Alert]:
    """Stored alerts no webhook has accepted yet, oldest first."""
    if not _has_alerts(con):
        return []
    result = con.execute(f"SELECT {', '.join(_COLUMNS)} FROM alerts WHERE posted_at IS NULL "
                         "ORDER BY raised_at, alert_date NULLS LAST, alert_id LIMIT ?", [limit])
    return [_from_row(dict(zip(_COLUMNS, row, strict=True))) for row in result.fetchall()]


def mark_posted(con: duckdb.DuckDBPyConnection, alerts: Sequence[Alert]) -> int:
    """Record ``posted_at`` of alerts a webhook accepted."""
    for alert in alerts:
        con.execute("UPDATE alerts SET posted_at = ? WHERE alert_id = ?", [alert.posted_at, alert.alert_id])
    return len(alerts)


def post_alerts(alerts: Sequence[Alert], url: str, client: httpx.Client | None = None,
                timeout: float = 10.0) -> list[Alert]:
    """POST the alerts as JSON (``{"source": "detente", "alerts": [...]}``) to a webhook.

    Returns the alerts the webhook accepted (a 2xx answer), with ``posted_at`` set; an error
    (refused, timed out, non-2xx) is logged, never raised, and returns ``[]`` so that the
    alerts are posted again next time.
    """
    import httpx

    if not alerts:
        return []
    owned = client is None
    http = client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False)
    try:
        response = http.post(url, json={"source": "detente", "alerts": [a.as_dict() for a in alerts]})
        if not 200 <= response.status_code < 300:
            log.warning("webhook %s answered HTTP %d; %d alerts will be posted again", url, response.status_code,
                        len(alerts))
            return []
    except httpx.HTTPError as exc:
        log.warning("webhook %s failed (%s: %s); %d alerts will be posted again", url, type(exc).__name__, exc,
                    len(alerts))
        return []
    finally:
        if owned:
            http.close()
    when = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return [dataclasses.replace(alert, posted_at=when) for alert in alerts]
