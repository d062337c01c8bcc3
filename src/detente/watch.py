"""Watching: re-read feeds, URL lists and folders on a schedule, code what is new, raise alerts.

A watch file (TOML) names what to read and what to watch (``docs/ledger.md`` describes it)::

    interval = "15m"                    # seconds, or "90s", "15m", "2h"; at least 1 second
    webhook = "https://hooks.example.org/detente"   # optional: alerts are POSTed here as JSON
    since = "2025-01-01"                # optional: no alerts about earlier days

    [sources]
    feeds = ["https://example.org/world.rss"]
    urls = ["lists/today.urls"]         # files listing one URL a line
    folders = ["inbox/"]
    allow_private = false               # fetch loopback/private addresses too
    timeout = 15                        # seconds per request

    [watch]
    dyads = [["USA", "RUS"], "CHN-TWN"]
    issues = ["ceasefire", "energy_infrastructure"]
    parties = ["USA", "RUS"]            # whose stances are followed; default: the dyads' parties

Each round runs :func:`detente.pipeline.run` over the sources (articles already stored are
recognised by their content hash and skipped), then raises, stores and posts alerts. A source
that is down, missing or malformed is a recorded problem of that round, logged and read
again next round; an exception in a round is logged and never ends the loop.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import UsageError
from detente.relations.dyads import actor_key, parse_day

__all__ = ["Round", "WatchSpec", "load_watch", "parse_interval", "watch_forever", "watch_once"]

log = logging.getLogger("detente.watch")
_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(s|m|h|d)?")
_UNITS = {None: 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class WatchSpec:
    """What to read and what to watch (see the module docstring for the file format)."""

    feeds: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    interval: float = 900.0
    dyads: tuple[tuple[str, str], ...] = ()
    issues: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    webhook: str | None = None
    since: dt.date | None = None
    allow_private: bool = False
    timeout: float = 15.0
    path: str | None = field(default=None, compare=False)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every input, in the order feeds, URL lists, folders."""
        return (*self.feeds, *self.urls, *self.folders)


@dataclass(slots=True)
class Round:
    """What one round did."""

    number: int = 0
    started_at: dt.datetime | None = None
    run: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    raised: int = 0
    stored: int = 0
    posted: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"number": self.number, "started_at": self.started_at.isoformat() if self.started_at else None,
                "run": self.run, "problems": self.problems, "raised": self.raised, "stored": self.stored,
                "posted": self.posted, "error": self.error}


def parse_interval(value: Any, where: str = "interval") -> float:
    """Seconds from a number or text such as ``"90s"``, ``"15m"``, ``"2h"``, ``"1d"``.

    Example:
        >>> parse_interval("15m"), parse_interval(30)
        (900.0, 30.0)
    """
    if isinstance(value, bool):
        raise UsageError("D080", f"{where} {value!r} is not a duration", "give seconds or text such as '15m'")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = _INTERVAL.fullmatch(str(value).strip().lower())
        if not match:
            raise UsageError("D080", f"{where} {value!r} is not a duration", "give seconds or text such as '90s', '15m', '2h'")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 1:
        raise UsageError("D080", f"{where} {value!r} is under one second")
    return seconds


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UsageError("D080", f"{where} must be a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _code(value: str, where: str) -> str:
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise UsageError("D080", f"{where}: {value!r} is not a CAMEO-style actor code", "give codes such as USA or RUSGOV")
    return code


def _dyads(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in value or []:
        if isinstance(item, str):
            parts = re.split(r"\s*[-–/ ]\s*", item.strip())
        elif isinstance(item, list):
            parts = item
        else:
            parts = []
        if len(parts) != 2 or not all(isinstance(p, str) for p in parts):
            raise UsageError("D080", f"{where}: dyad {item!r} is not two actor codes", "write [\"USA\", \"RUS\"] or \"USA-RUS\"")
        a, b = (_code(p, where) for p in parts)
        if actor_key(a) == actor_key(b):
            raise UsageError("D080", f"{where}: dyad {item!r} names the same party twice")
        pairs.append((a, b))
    return tuple(pairs)


def _resolve(item: str, base: Path) -> str:
    if item.startswith(("http://", "https://")) or item == "-":
        return item
    path = Path(item).expanduser()
    return str(path if path.is_absolute() else base / path)


def load_watch(path: str | Path) -> WatchSpec:
    """Read and check a watch file; relative paths in it are relative to the file's folder.

    Raises:
        UsageError: D080 naming the file and the wrong value (unknown keys too).
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("D080", f"watch file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError("D080", f"watch file {str(path)!r} cannot be read: {exc}", "check the TOML syntax") from None
    where = str(path)
    known = {"interval", "webhook", "since", "sources", "watch"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UsageError("D080", f"{where}: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(known))}")
    sources, watch = data.get("sources", {}), data.get("watch", {})
    if not isinstance(sources, dict) or not isinstance(watch, dict):
        raise UsageError("D080", f"{where}: [sources] and [watch] must be tables")
    bad = sorted(set(sources) - {"feeds", "urls", "folders", "allow_private", "timeout"}) + \
        sorted(set(watch) - {"dyads", "issues", "parties"})
    if bad:
        raise UsageError("D080", f"{where}: unknown key(s) {', '.join(bad)}")
    base = path.resolve().parent
    webhook = data.get("webhook")
    if webhook is not None and (not isinstance(webhook, str) or not webhook.startswith(("http://", "https://"))):
        raise UsageError("D080", f"{where}: webhook {webhook!r} is not an http(s) URL")
    spec = WatchSpec(
        feeds=tuple(_resolve(s, base) for s in _strings(sources.get("feeds"), f"{where}: sources.feeds")),
        urls=tuple(_resolve(s, base) for s in _strings(sources.get("urls"), f"{where}: sources.urls")),
        folders=tuple(_resolve(s, base) for s in _strings(sources.get("folders"), f"{where}: sources.folders")),
        interval=parse_interval(data.get("interval", 900), f"{where}: interval"),
        dyads=_dyads(watch.get("dyads"), where),
        issues=_strings(watch.get("issues"), f"{where}: watch.issues"),
        parties=tuple(_code(p, where) for p in _strings(watch.get("parties"), f"{where}: watch.parties")),
        webhook=webhook,
        since=parse_day(str(data["since"]) if "since" in data else None, f"{where}: since"),
        allow_private=bool(sources.get("allow_private", False)),
        timeout=parse_interval(sources.get("timeout", 15), f"{where}: sources.timeout"),
        path=str(path),
    )
    if not spec.sources and not spec.dyads and not spec.issues:
        raise UsageError("D080", f"{where}: names no sources and nothing to watch")
    return spec


def watch_once(spec: WatchSpec, store: Any, *, nlp: Any = None, number: int = 1, now: dt.datetime | None = None,
               client: Any = None) -> Round:
    """One round: ingest and code what is new in the sources, raise, store and post alerts.

    Problems with sources (down, missing, malformed) are logged and listed in the result;
    a failure of one step is logged and recorded in ``Round.error``; the next steps still run.
    """
    from detente.ingest.options import IngestOptions
    from detente.pipeline import RunOptions, run
    from detente.relations.alerts import mark_posted, post_alerts, raise_alerts, store_alerts, unposted_alerts

    result = Round(number=number, started_at=now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    run_id = None
    if spec.sources:
        try:
            options = RunOptions(ingest=IngestOptions(allow_private=spec.allow_private, timeout=spec.timeout),
                                 command="watch", n_process=1)
            summary = run(list(spec.sources), store, options, nlp=nlp)
            run_id = summary.run_id
            result.run = {k: v for k, v in summary.as_dict().items() if k != "problems"}
            for problem in summary.problems:
                text = f"[{problem.code}] {problem.locator}: {problem.message}"
                result.problems.append(text)
                log.warning("round %d: %s (read again next round)", number, text)
        except Exception as exc:  # noqa: BLE001 - a round must never kill the watcher
            result.error = f"ingest: {type(exc).__name__}: {exc}"
            log.exception("round %d: ingest failed; trying again next round", number)
    try:
        alerts = raise_alerts(store.con, spec, result.started_at)
        result.raised = len(alerts)
        result.stored = store_alerts(store.con, alerts, run_id)
        if spec.webhook:
            posted = post_alerts(unposted_alerts(store.con), spec.webhook, client=client, timeout=spec.timeout)
            result.posted = mark_posted(store.con, posted)
    except Exception as exc:  # noqa: BLE001
        result.error = (result.error + "; " if result.error else "") + f"alerts: {type(exc).__name__}: {exc}"
        log.exception("round %d: alerts failed; trying again next round", number)
    log.info("round %d: %d new articles, %d problems, %d alerts (%d new), %d posted", number,
             result.run.get("ingested", 0), len(result.problems), result.raised, result.stored, result.posted)
    return result


def watch_forever(spec: WatchSpec, db_path: str | Path, stop_event: threading.Event, *, store: Any = None,
                  nlp: Any = None, max_rounds: int | None = None,
                  on_round: Callable[[Round], None] | None = None) -> int:
    """Run rounds every ``spec.interval`` seconds until ``stop_event`` is set (or ``max_rounds``);
    returns the number of rounds run.

    Safe in a background thread (``detente serve --watch``): it never raises for a bad round,
    and setting ``stop_event`` ends it after the current round. ``store`` is an open
    :class:`detente.store.Store` to use instead of opening ``db_path`` (the caller closes it).
    """
    from detente.store import Store

    own = store is None
    store = store or Store(db_path)
    rounds = 0
    try:
        if nlp is None and spec.sources:
            try:
                from detente.nlp import load_model

                nlp = load_model()
            except Exception:  # noqa: BLE001 - run() reports the model error in the round
                log.exception("cannot load the spaCy model; each round will try again")
        while not stop_event.is_set():
            rounds += 1
            try:
                result = watch_once(spec, store, nlp=nlp, number=rounds)
            except Exception as exc:  # noqa: BLE001 - belt and braces: watch_once already guards its steps
                log.exception("round %d failed", rounds)
                result = Round(number=rounds, error=f"{type(exc).__name__}: {exc}")
            if on_round is not None:
                try:
                    on_round(result)
                except Exception:  # noqa: BLE001
                    log.exception("round callback failed")
            if max_rounds is not None and rounds >= max_rounds:
                break
            stop_event.wait(spec.interval)
    finally:
        if own:
            store.close()
    return rounds
