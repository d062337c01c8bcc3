"""``detente quotes`` (who said what) and ``detente issues`` (what the articles are about)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Any

import typer

from detente.cli.render import DB_OPTION, fail, guarded, print_table
from detente.errors import UsageError
from detente.store import Store

__all__ = ["quote_json", "register"]

FORMATS = ("table", "jsonl", "csv")


def quote_json(row: dict[str, Any]) -> dict[str, Any]:
    """One statement in the stable JSON contract (``docs/statements.md``)."""
    date = row["date"]
    speaker = None
    if row["speaker_text"] is not None or row["speaker_name"] is not None:
        speaker = {"name": row["speaker_name"], "text": row["speaker_text"], "code": row["speaker_code"],
                   "role": row["speaker_role"], "start_char": row["speaker_start"], "end_char": row["speaker_end"]}
    return {
        "quote_id": row["quote_id"], "article_id": row["article_id"], "external_id": row["external_id"],
        "path": row["path"], "url": row["url"], "date": date.isoformat() if isinstance(date, dt.date) else date,
        "text": row["text"], "start_char": row["start_char"], "end_char": row["end_char"], "direct": row["direct"],
        "speaker": speaker or {"name": None, "text": None, "code": None, "role": None, "start_char": None, "end_char": None},
        "cue": row["cue"], "cue_start": row["cue_start"], "cue_end": row["cue_end"],
        "issues": list(row["issues"]), "issue_spans": [dict(s) for s in row["issue_spans"]], "about": list(row["about"]),
        "tone": row["tone"], "sentence_idx": row["sentence_idx"], "duplicate_of": row["duplicate_of"],
    }


def quotes(
    db: str = DB_OPTION,
    speaker: str | None = typer.Option(None, "--speaker", help="Statements by this speaker (part of the name, any case)."),
    actor: str | None = typer.Option(None, "--actor", help="Statements whose speaker has this actor code (prefix: RUS matches RUSGOV)."),
    issue: str | None = typer.Option(None, "--issue", help="Statements that name this issue (a key listed by detente issues)."),
    since: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="On or after (YYYY-MM-DD)."),
    until: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="On or before (YYYY-MM-DD)."),
    limit: int = typer.Option(1000, min=1, help="How many to list."),
    offset: int = typer.Option(0, min=0, help="Skip this many first."),
    fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
) -> None:
    """List statements (direct quotes and reported speech) with their speakers.

    Example: detente quotes --db x.duckdb --speaker lukyanov --format jsonl
    """
    if fmt not in FORMATS:
        fail(UsageError("D080", f"--format {fmt!r} is not one of {', '.join(FORMATS)}"), code=2)
    if issue:
        from detente.issues import load_issues

        if issue not in load_issues():
            fail(UsageError("D080", f"--issue {issue!r} is not an issue key (list them: detente issues --db F)"), code=2)
    with guarded(), Store(db, read_only=True) as store:
        rows = store.statements(speaker=speaker, actor=actor, issue=issue, since=since.date() if since else None,
                                until=until.date() if until else None, limit=limit, offset=offset)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(quote_json(row), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        head = ["quote_id", "article_id", "date", "speaker", "speaker_code", "speaker_role", "cue", "direct", "text",
                "start_char", "end_char", "issues", "tone", "url", "path"]
        writer.writerow(head)
        for row in rows:
            data = quote_json(row)
            s = data["speaker"]
            writer.writerow([data["quote_id"], data["article_id"], data["date"], s["name"] or s["text"], s["code"],
                             s["role"], data["cue"], data["direct"], data["text"], data["start_char"], data["end_char"],
                             " ".join(data["issues"]), data["tone"], data["url"], data["path"]])
        return

    def short(text: str | None, width: int = 80) -> str:
        text = " ".join((text or "").split())
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [{**row, "who": row["speaker_name"] or (f"({row['speaker_text']})" if row["speaker_text"] else "?"),
              "kind": "quote" if row["direct"] else "reported", "words": short(row["text"]),
              "tags": " ".join(row["issues"]), "id": row["quote_id"][:8]} for row in rows]
    print_table(table, [("date", "date"), ("who", "speaker"), ("speaker_code", "code"), ("cue", "cue"), ("kind", ""),
                        ("words", "statement"), ("tags", "issues"), ("tone", "tone"), ("id", "id")],
                title=f"{len(rows)} statements (full records: --format jsonl)")


def issues(
    db: str = DB_OPTION,
    top: int = typer.Option(5, min=1, help="How many of the most engaged actors to show per issue."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """List the issues the stored articles name, with counts and the actors most engaged in each.

    Example: detente issues --db x.duckdb
    """
    if fmt not in ("table", "jsonl"):
        fail(UsageError("D080", f"--format {fmt!r} is not one of table, jsonl"), code=2)
    from detente.issues import load_issues

    labels = {i.key: i.label for i in load_issues().issues}
    with guarded(), Store(db, read_only=True) as store:
        rows = store.issues(top=top)
    for row in rows:
        row["label"] = labels.get(row["issue"], row["issue"])
        row["actors"] = [dict(a) for a in row["actors"]]
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = [{**row, "who": ", ".join(f"{a['code']} ({a['count']})" for a in row["actors"])} for row in rows]
    print_table(table, [("issue", "issue"), ("label", "label"), ("sentences", "sentences"), ("events", "events"),
                        ("statements", "statements"), ("articles", "articles"), ("who", "most engaged")],
                title=f"{len(rows)} issues")


def register(app: typer.Typer) -> None:
    """Add ``quotes`` and ``issues`` to the app."""
    app.command("quotes")(quotes)
    app.command("issues")(issues)
