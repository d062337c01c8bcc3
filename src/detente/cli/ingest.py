"""``detente run`` and ``detente ingest``: read inputs into the database."""

from __future__ import annotations

import logging
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from detente.cli.render import DB_OPTION, err, fail, guarded, out, print_json
from detente.errors import DetenteError, UsageError
from detente.ingest.options import FieldMap, IngestOptions
from detente.pipeline import RunOptions, RunSummary, run
from detente.store import Store

__all__ = ["register", "render_summary"]

_MAX_PROBLEM_LINES = 25


class _ArticleRate(ProgressColumn):
    """Articles stored so far and their rate."""

    def render(self, task: Task) -> Text:
        articles = task.fields.get("articles", 0)
        elapsed = task.elapsed or 0.0
        rate = articles / elapsed if elapsed > 0 else 0.0
        return Text(f"{articles} articles · {rate:.1f}/s", style="cyan")


def render_summary(summary: RunSummary, db: str) -> None:
    """The end-of-run summary: counts, failures by reason, then one line per problem."""
    reasons = ", ".join(f"{code}×{n}" for code, n in sorted(summary.reasons().items()))
    out.print(
        f"[bold]Run {summary.run_id}[/bold] → {db}: read {summary.read}, "
        f"[green]ingested {summary.ingested}[/green], duplicates {summary.duplicates}, "
        f"near-duplicates {summary.near_duplicates}, "
        + (f"[red]failed {summary.failed}[/red] ({reasons})" if summary.failed else "failed 0")
        + (f", warnings {summary.warnings}" if summary.warnings else "")
    )
    if summary.annotated:
        out.print(f"Annotated {summary.annotated} articles: {summary.sentences} sentences, {summary.mentions} entity mentions "
                  f"({summary.n_process} process{'es' if summary.n_process > 1 else ''}, {summary.seconds:.1f} s)")
    if summary.coded:
        out.print(f"Coded {summary.coded} articles: {summary.events} events (list them: detente events --db {db})")
        out.print(f"Read {summary.statements} statements (detente quotes --db {db}) and "
                  f"{summary.issue_mentions} issue mentions (detente issues --db {db})")
    for problem in summary.problems[:_MAX_PROBLEM_LINES]:
        style = "red" if problem.level == "error" else "yellow"
        err.print(f"{problem.level}: {problem.locator}: [{problem.code}] {problem.message}", style=style, markup=False)
    if len(summary.problems) > _MAX_PROBLEM_LINES:
        err.print(f"… and {len(summary.problems) - _MAX_PROBLEM_LINES} more: detente errors --db {db}", markup=False)


def _execute(paths: list[str], db: str, options: RunOptions, as_json: bool, verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with guarded(), Store(db) as store:
        progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _ArticleRate(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True,
            disable=as_json or not err.is_terminal,
        )
        with progress:
            task = progress.add_task("reading", total=None, articles=0)

            def on_progress(event: str, value: int) -> None:
                if event == "sources":
                    progress.update(task, total=value)
                elif event == "source":
                    progress.advance(task, value)
                elif event == "article":
                    progress.update(task, articles=progress.tasks[0].fields["articles"] + value)

            try:
                summary = run(paths, store, options, on_progress=on_progress)
            except KeyboardInterrupt:
                progress.stop()
                err.print("Interrupted: the batches written so far are kept; run the same command again to finish.", style="yellow")
                raise typer.Exit(130) from None
    if as_json:
        print_json(summary.as_dict())
    else:
        render_summary(summary, db)
    if summary.ingested + summary.duplicates == 0:
        what = "no input item found" if summary.read == 0 else f"all {summary.failed} items failed"
        fail(DetenteError("D081", what))


def _options(command: str, annotate: bool, text_field: str | None, id_field: str | None, title_field: str | None,
             url_field: str | None, date_field: str | None, source_field: str | None, max_chars: int, max_bytes: int,
             timeout: float, allow_private: bool, batch_size: int, n_process: int, threshold: float, stdin_format: str) -> RunOptions:
    if not 0.0 < threshold <= 1.0:
        fail(UsageError("D080", f"--near-duplicate-threshold {threshold} is not in (0, 1]"), code=2)
    if stdin_format not in {"auto", "txt", "md", "html", "json", "jsonl", "csv", "feed"}:
        fail(UsageError("D080", f"--stdin-format {stdin_format!r} is not one of auto txt md html json jsonl csv feed"), code=2)
    fields = FieldMap.with_overrides(text=text_field, id=id_field, title=title_field, url=url_field, date=date_field, source=source_field)
    ingest = IngestOptions(fields=fields, max_chars=max_chars, max_bytes=max_bytes, timeout=timeout,
                           allow_private=allow_private, stdin_format=stdin_format)
    return RunOptions(ingest=ingest, annotate=annotate, batch_size=batch_size, n_process=n_process,
                      near_duplicate_threshold=threshold, command=command)


def register(app: typer.Typer) -> None:
    """Add ``run`` and ``ingest`` to the app."""

    def command(name: str, annotate: bool, help_text: str) -> Any:
        def handler(
            paths: list[str] = typer.Argument(..., help="Files, folders (recursive), URLs, .urls lists, or - for stdin."),
            db: str = DB_OPTION,
            text_field: str | None = typer.Option(None, help="Record field holding the text (JSON/JSONL/CSV)."),
            id_field: str | None = typer.Option(None, help="Record field holding the id (stored as external_id)."),
            title_field: str | None = typer.Option(None, help="Record field holding the title."),
            url_field: str | None = typer.Option(None, help="Record field holding the URL."),
            date_field: str | None = typer.Option(None, help="Record field holding the publication date."),
            source_field: str | None = typer.Option(None, help="Record field holding the source name."),
            max_chars: int = typer.Option(1_000_000, min=1, help="Longest article text accepted, in characters."),
            max_bytes: int = typer.Option(25_000_000, min=1, help="Largest file or HTTP response read, in bytes."),
            timeout: float = typer.Option(15.0, min=0.01, help="Seconds to wait for a web server."),
            allow_private: bool = typer.Option(False, help="Fetch private and loopback addresses too."),
            batch_size: int = typer.Option(64, min=1, help="Articles per database transaction."),
            n_process: int = typer.Option(0, min=0, help="Worker processes that parse, code and read statements (0: by input size, up to the cores)."),
            near_duplicate_threshold: float = typer.Option(0.8, help="Similarity (0–1] above which an article is a near-duplicate."),
            stdin_format: str = typer.Option("auto", help="Format of '-' (auto txt md html json jsonl csv feed)."),
            as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON."),
            verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each committed batch."),
        ) -> None:
            options = _options(name, annotate, text_field, id_field, title_field, url_field, date_field, source_field,
                               max_chars, max_bytes, timeout, allow_private, batch_size, n_process,
                               near_duplicate_threshold, stdin_format)
            _execute(paths, db, options, as_json, verbose)

        handler.__doc__ = help_text
        app.command(name)(handler)

    command("run", True, "Ingest, annotate and code: read inputs, store new articles, split sentences, find entities, "
                         "code events.\n\n"
                         "Example: detente run ../shared/corpus/seeds --db x.duckdb")
    command("ingest", False, "Ingest only: read inputs and store new articles (annotate later with 'detente run').\n\n"
                             "Example: detente ingest news/ feeds.urls --db x.duckdb")
