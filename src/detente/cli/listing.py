"""Listing commands: ``articles``, ``show``, ``entities``, ``errors``, ``runs``."""

from __future__ import annotations

import datetime as dt

import typer
from rich.panel import Panel

from detente.cli.render import DB_OPTION, guarded, out, print_json, print_table
from detente.store import Store

__all__ = ["register"]

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


def _short(value: object, width: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def articles(
    db: str = DB_OPTION,
    limit: int = typer.Option(50, min=1, help="How many to list."),
    offset: int = typer.Option(0, min=0, help="Skip this many first."),
    since: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="Published on or after (YYYY-MM-DD)."),
    until: dt.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="Published on or before (YYYY-MM-DD)."),
    no_duplicates: bool = typer.Option(False, "--no-duplicates", help="Leave out near-duplicates."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored articles, newest first.

    Example: detente articles --db x.duckdb --since 2025-03-01
    """
    with guarded(), Store(db, read_only=True) as store:
        rows = store.articles(limit=limit, offset=offset, since=since.date() if since else None,
                              until=until.date() if until else None, include_duplicates=not no_duplicates)
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [("id", "id"), ("published", "published"), ("date_method", "date from"), ("title", "title"), ("format", "format"),
         ("sentences", "sents"), ("mentions", "ents"), ("duplicate_of", "near-duplicate of")],
        formatters={"title": lambda v: _short(v, 50)},
    )


def show(
    article_id: str = typer.Argument(..., help="The article id, or a unique prefix of it (4+ characters)."),
    db: str = DB_OPTION,
    sentences: bool = typer.Option(False, "--sentences", help="List the sentences with their offsets."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one article: metadata, text, entities (and sentences).

    Example: detente show 3f2a9c --db x.duckdb --sentences
    """
    with guarded(), Store(db, read_only=True) as store:
        article = store.article(article_id)
    if as_json:
        print_json(article)
        return
    meta = [f"[bold]{article['title'] or '(no title)'}[/bold]", f"id {article['id']}  ·  {article['format']}  ·  {article['locator']}"]
    date = article["published"].isoformat() if article["published"] else "unknown"
    meta.append(f"published {date} (from {article['date_method']}{': ' + repr(article['date_text']) if article['date_text'] else ''})")
    for key in ("url", "source", "external_id", "encoding"):
        if article[key]:
            meta.append(f"{key} {article[key]}")
    if article["duplicate_of"]:
        meta.append(f"[yellow]near-duplicate of {article['duplicate_of']} (similarity {article['similarity']:.2f})[/yellow]")
    out.print(Panel("\n".join(meta), expand=False))
    out.print(article["text"], markup=False)
    if sentences:
        print_table(article["sentences"], [("idx", "#"), ("start_char", "start"), ("end_char", "end"), ("text", "sentence")])
    names: dict[tuple[str, str], int] = {}
    for mention in article["mentions"]:
        names[(mention["text"], mention["label"])] = names.get((mention["text"], mention["label"]), 0) + 1
    rows = [{"name": n, "label": label, "count": c} for (n, label), c in sorted(names.items(), key=lambda kv: -kv[1])]
    print_table(rows, [("name", "entity"), ("label", "label"), ("count", "mentions")], title="Entities")


def entities(
    db: str = DB_OPTION,
    limit: int = typer.Option(20, min=1, help="How many names."),
    label: list[str] = typer.Option([], "--label", "-l", help="Only these labels (PERSON ORG GPE NORP LOC DATE); repeatable."),
    include_duplicates: bool = typer.Option(False, help="Count near-duplicate articles too."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The most-mentioned names, with mention and article counts.

    Example: detente entities --db x.duckdb --label PERSON --limit 10
    """
    with guarded(), Store(db, read_only=True) as store:
        rows = store.entities(limit=limit, labels=label or None, include_duplicates=include_duplicates)
    if as_json:
        print_json(rows)
        return
    print_table(rows, [("name", "name"), ("label", "label"), ("mentions", "mentions"), ("articles", "articles")], title="Top entities")


def errors(
    db: str = DB_OPTION,
    run_id: int | None = typer.Option(None, "--run", help="The run (default: the latest)."),
    limit: int = typer.Option(100, min=1),
    as_json: bool = JSON_OPTION,
) -> None:
    """Errors and warnings recorded for the items of a run.

    Example: detente errors --db x.duckdb --run 2
    """
    with guarded(), Store(db, read_only=True) as store:
        rows = store.errors(run_id=run_id, limit=limit)
    if as_json:
        print_json(rows)
        return
    print_table(rows, [("level", "level"), ("code", "code"), ("locator", "item"), ("message", "message")])


def runs(db: str = DB_OPTION, limit: int = typer.Option(20, min=1), as_json: bool = JSON_OPTION) -> None:
    """The latest ingestion runs and their counts.

    Example: detente runs --db x.duckdb
    """
    with guarded(), Store(db, read_only=True) as store:
        rows = store.runs(limit=limit)
    if as_json:
        print_json(rows)
        return
    print_table(rows, [("id", "run"), ("command", "command"), ("started_at", "started"), ("status", "status"),
                       ("items_read", "read"), ("ingested", "ingested"), ("duplicates", "dups"),
                       ("near_duplicates", "near-dups"), ("failed", "failed"), ("annotated", "annotated")])


def register(app: typer.Typer) -> None:
    """Add the listing commands to the app."""
    for function in (articles, show, entities, errors, runs):
        app.command(function.__name__)(function)
