"""``detente ledger`` (who stands where on each issue), ``detente alerts`` and ``detente watch``."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from typing import Any

import typer

from detente.cli.render import DB_OPTION, err, fail, guarded, out, print_table
from detente.errors import UsageError
from detente.store import Store

__all__ = ["alerts", "ledger", "register", "watch"]

FORMATS = ("table", "jsonl")


def _json(data: Any) -> None:
    from detente.cli.render import _default

    sys.stdout.write(json.dumps(data, default=_default, ensure_ascii=False) + "\n")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        fail(UsageError("D080", f"--format {fmt!r} is not one of {', '.join(FORMATS)}"), code=2)


def _what(text: str, sentence: str, ref_kind: str, limit: int = 240) -> str:
    said = text if ref_kind == "statement" else f"{text}: {sentence}"
    said = " ".join(said.split())
    return said if len(said) <= limit else said[:limit - 1] + "…"


def ledger(
    parties: list[str] = typer.Argument(..., help="Two or more actor codes (USA RUS); RUSGOV counts as RUS."),
    db: str = DB_OPTION,
    issue: str | None = typer.Option(None, "--issue", help="Only this issue key (ceasefire, sanctions, ...)."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl (one issue a line, with its lines and evidence)."),
) -> None:
    """The negotiation ledger: per issue, each party's proposals, conditions, agreements, rejections,
    concessions and violations, their latest stances and the issue's status, with evidence.

    Example: detente ledger USA RUS --db x.duckdb --issue ceasefire
    """
    from detente.relations.ledger import build_ledger

    _check_format(fmt)
    with guarded(), Store(db, read_only=True) as store:
        result = build_ledger(store.con, parties, issue)
    if fmt == "jsonl":
        for item in result.issues:
            _json({"parties": list(result.parties), **item.as_dict()})
        return
    if not result.issues:
        out.print(f"No issue-tagged events or statements of {', '.join(result.parties)}"
                  + (f" on {issue!r}" if issue else "") + ".")
        return
    for item in result.issues:
        stances = ", ".join(f"{party} {stance}" for party, stance in item.stances.items())
        rows = [{**line.as_dict(), "what": _what(line.text, line.sentence, line.ref_kind),
                 "evidence": f"{line.ref} {line.article_id}[{line.start_char}:{line.end_char}]"}
                for line in item.lines]
        print_table(rows, [("date", "date"), ("party", "party"), ("kind", "kind"), ("what", "what"),
                           ("evidence", "evidence")],
                    title=f"{item.issue}: {item.status.upper()} — {stances}\n({item.status_rule})")


def alerts(
    db: str = DB_OPTION,
    since: str | None = typer.Option(None, "--since", help="About this day or later (YYYY-MM-DD)."),
    dyad: str | None = typer.Option(None, "--dyad", help="Only this dyad, either way (USA-RUS)."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many, newest first."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """Stored alerts (change points, new events, stance changes), newest first.

    Example: detente alerts --db x.duckdb --since 2025-03-01 --format jsonl
    """
    from detente.relations.alerts import list_alerts

    _check_format(fmt)
    with guarded(), Store(db, read_only=True) as store:
        rows = list_alerts(store.con, since=since, limit=limit, dyad=dyad)
    if fmt == "jsonl":
        for row in rows:
            _json(row)
        return
    print_table(rows, [("alert_date", "date"), ("rule", "rule"), ("a", "a"), ("b", "b"), ("issue", "issue"),
                       ("message", "message"), ("posted_at", "posted")],
                title=f"{len(rows)} alerts", formatters={"posted_at": lambda v: "yes" if v else ""})


def watch(
    watchfile: str = typer.Argument(..., help="The watch file (TOML): sources, interval, dyads, issues, webhook."),
    db: str = DB_OPTION,
    once: bool = typer.Option(False, "--once", help="Run one round and exit (for tests and cron)."),
    quiet: bool = typer.Option(False, "--quiet", help="Log warnings only."),
) -> None:
    """Re-read the watch file's feeds, URL lists and folders on a schedule, code what is new and
    raise alerts (stored, and posted to its webhook). Stops cleanly on Ctrl-C or SIGTERM.

    Example: detente watch watch.toml --db x.duckdb
    """
    from detente.watch import Round, load_watch, watch_forever

    with guarded():
        spec = load_watch(watchfile)
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()

    def stop_now(signum: int, frame: Any) -> None:
        err.print(f"{signal.Signals(signum).name}: stopping after this round", markup=False)
        stop.set()

    previous = {sig: signal.signal(sig, stop_now) for sig in (signal.SIGINT, signal.SIGTERM)}

    def report(result: Round) -> None:
        ingested = result.run.get("ingested", 0)
        line = (f"Round {result.number}: {ingested} new articles, {len(result.problems)} problems, "
                f"{result.stored} new alerts of {result.raised}, {result.posted} posted")
        out.print(line + (f" (error: {result.error})" if result.error else ""), markup=False)

    try:
        with guarded():
            watch_forever(spec, db, stop, max_rounds=1 if once else None, on_round=report)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def register(app: typer.Typer) -> None:
    """Add ``ledger``, ``alerts`` and ``watch`` to the app."""
    app.command("ledger")(ledger)
    app.command("alerts")(alerts)
    app.command("watch")(watch)
