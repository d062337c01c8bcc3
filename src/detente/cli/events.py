"""``detente events`` (list coded events) and ``detente code`` (code stored articles again)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import typer

from detente.cli.render import DB_OPTION, fail, guarded, out, print_json, print_table
from detente.errors import UsageError
from detente.store import Store

__all__ = ["event_json", "register"]

FORMATS = ("table", "jsonl", "csv")


def _parties(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"code": p["code"], "text": p["text"], "start_char": p["start_char"], "end_char": p["end_char"]}
            for p in parties]


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """One event in the stable JSON contract (``docs/events.md``)."""
    date = row["date"]
    return {
        "event_id": row["event_id"], "article_id": row["article_id"], "external_id": row["external_id"],
        "path": row["path"], "url": row["url"], "date": date.isoformat() if isinstance(date, dt.date) else date,
        "sentence": row["sentence"], "start_char": row["start_char"], "end_char": row["end_char"],
        "source": _parties(row["source"]), "target": _parties(row["target"]), "trigger": row["trigger"],
        "trigger_start": row["trigger_start"], "trigger_end": row["trigger_end"], "cameo": row["cameo"],
        "plover": row["plover"], "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "negated": row["negated"], "hypothetical": row["hypothetical"], "symmetric": row["symmetric"],
        "rule": row["rule"], "coder": row["coder"], "duplicate_of": row["duplicate_of"],
    }


def _codes(parties: list[dict[str, Any]]) -> str:
    return "+".join(p["code"] for p in parties)


def events(
    db: str = DB_OPTION,
    actor: str | None = typer.Option(None, "--actor", help="Events with this actor as source or target (code prefix: RUS matches RUSGOV)."),
    dyad: tuple[str, str] | None = typer.Option(None, "--dyad", help="Events between two actors, either direction: --dyad USA RUS."),
    since: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="On or after (YYYY-MM-DD)."),
    until: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="On or before (YYYY-MM-DD)."),
    plover: str | None = typer.Option(None, "--plover", help="Only this PLOVER type (CONSULT, ASSAULT, ...)."),
    cameo: str | None = typer.Option(None, "--cameo", help="Only CAMEO codes starting with this (04, 036)."),
    include_negated: bool = typer.Option(False, "--include-negated", help="Also list negated and hypothetical events (flagged)."),
    limit: int = typer.Option(1000, min=1, help="How many to list."),
    offset: int = typer.Option(0, min=0, help="Skip this many first."),
    fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
) -> None:
    """List coded events with the sentence behind each.

    Example: detente events --db x.duckdb --dyad USA RUS --plover CONSULT --format jsonl
    """
    if fmt not in FORMATS:
        fail(UsageError("D080", f"--format {fmt!r} is not one of {', '.join(FORMATS)}"), code=2)
    if plover:
        from detente.events import PLOVER_TYPES

        if plover.upper() not in PLOVER_TYPES:
            fail(UsageError("D080", f"--plover {plover!r} is not one of {' '.join(PLOVER_TYPES)}"), code=2)
    with guarded(), Store(db, read_only=True) as store:
        rows = store.events(actor=actor, dyad=dyad, since=since.date() if since else None,
                            until=until.date() if until else None, plover=plover, cameo=cameo,
                            include_negated=include_negated, limit=limit, offset=offset)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(event_json(row), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        head = ["event_id", "article_id", "date", "source", "target", "cameo", "plover", "goldstein", "quad_class",
                "negated", "hypothetical", "trigger", "sentence", "start_char", "end_char", "url", "path", "coder"]
        writer.writerow(head)
        for row in rows:
            data = event_json(row)
            data["source"], data["target"] = _codes(row["source"]), _codes(row["target"])
            writer.writerow([data[k] for k in head])
        return

    def flags(row: dict[str, Any]) -> str:
        return " ".join(f for f, on in (("NOT", row["negated"]), ("MAYBE", row["hypothetical"])) if on)

    def short(text: str, width: int = 90) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [{**row, "src": _codes(row["source"]), "tgt": _codes(row["target"]), "flags": flags(row),
              "evidence": short(row["sentence"]), "id": row["event_id"][:8]} for row in rows]
    print_table(table, [("date", "date"), ("src", "source"), ("plover", "PLOVER"), ("cameo", "CAMEO"), ("tgt", "target"),
                        ("flags", ""), ("trigger", "trigger"), ("evidence", "sentence"), ("id", "id")],
                title=f"{len(rows)} events (full records: --format jsonl)")


def code(
    db: str = DB_OPTION,
    again: bool = typer.Option(False, "--again", help="Forget every stored event and code all articles again."),
    petrarch_verbs: Path | None = typer.Option(None, help="Code with this PETRARCH-format verb dictionary instead of ours."),
    petrarch_actors: list[Path] = typer.Option([], help="PETRARCH-format actor dictionary (repeatable; with --petrarch-verbs)."),
    petrarch_agents: list[Path] = typer.Option([], help="PETRARCH-format agent dictionary (repeatable)."),
    petrarch_discards: list[Path] = typer.Option([], help="PETRARCH-format discard list (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Code events in stored articles the coder has not read yet (or all, with --again).

    With --petrarch-verbs and --petrarch-actors, the dictionaries a user already has (PETRARCH
    format) are read in place and used instead of ours.

    Example: detente code --db x.duckdb --again
    """
    from detente.events import Coder, load_coder
    from detente.nlp import load_model
    from detente.pipeline import RunSummary, code_pending

    if bool(petrarch_verbs) != bool(petrarch_actors):
        fail(UsageError("D080", "--petrarch-verbs and --petrarch-actors go together"), code=2)
    with guarded():
        if petrarch_verbs:
            from detente.events.petrarch import load_petrarch

            for path in [petrarch_verbs, *petrarch_actors, *petrarch_agents, *petrarch_discards]:
                if not path.is_file():
                    raise UsageError("D001", f"dictionary not found: {path}")
            p = load_petrarch(petrarch_verbs, petrarch_actors, petrarch_agents, petrarch_discards)
            coder = Coder(p.verbs, p.actors, discards=p.discards, conventions="petrarch",
                          name=f"petrarch-dictionaries@{petrarch_verbs.name}")
        else:
            coder = load_coder()
        with Store(db) as store:
            forgotten = store.forget_codings() if again else 0
            summary = RunSummary()
            summary.run_id = store.start_run("code", [db])
            code_pending(store, load_model(), coder, summary)
            store.finish_run(summary.run_id, summary.counts())
    if as_json:
        print_json({"coded": summary.coded, "events": summary.events, "statements": summary.statements,
                    "issue_mentions": summary.issue_mentions, "forgotten": forgotten, "coder": coder.name})
        return
    out.print(f"Coded {summary.coded} articles with {coder.name}: {summary.events} events, "
              f"{summary.statements} statements, {summary.issue_mentions} issue mentions"
              + (f" ({forgotten} old events forgotten)" if again else ""))


def register(app: typer.Typer) -> None:
    """Add ``events`` and ``code`` to the app."""
    app.command("events")(events)
    app.command("code")(code)
