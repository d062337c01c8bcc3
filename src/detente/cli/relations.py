"""``detente dyad`` (one relationship, period by period) and ``detente export`` (GDELT, PLOVER, Parquet)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Any

import typer

from detente.cli.render import DB_OPTION, fail, guarded, out, print_json, print_table
from detente.errors import UsageError
from detente.store import Store

__all__ = ["dyad", "export", "register", "series_json"]

FORMATS = ("table", "jsonl", "csv")


def series_json(row: dict[str, Any]) -> dict[str, Any]:
    """One period of a dyad series as JSON: the row with ``period`` as YYYY-MM-DD."""
    period = row["period"]
    return {**row, "period": period.isoformat() if isinstance(period, dt.date) else period}


def _plover_summary(row: dict[str, Any]) -> str:
    from detente.relations.dyads import PLOVER_TYPES

    counts = [(t, row[t.lower()]) for t in PLOVER_TYPES if row[t.lower()]]
    return " ".join(f"{t}×{n}" for t, n in sorted(counts, key=lambda c: -c[1]))


def dyad(
    a: str = typer.Argument(..., help="First actor code (USA, RUSGOV, IGOWSTNAT)."),
    b: str = typer.Argument(..., help="Second actor code."),
    db: str = DB_OPTION,
    by: str = typer.Option("day", "--by", help="Period: day, week (from Monday) or month."),
    directed: bool = typer.Option(False, "--directed", help="Only A towards B (events A→B, statements by A about B)."),
    sector: bool = typer.Option(False, "--sector", help="Compare whole codes (RUSGOV is not RUSMIL) instead of countries."),
    since: str | None = typer.Option(None, help="On or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="On or before (YYYY-MM-DD)."),
    fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
) -> None:
    """How one relationship moves: events, quad classes, PLOVER types, Goldstein and statements per period.

    Both directions by default; near-duplicate articles count once; negated and hypothetical
    events never count. Quiet periods are listed with zeros.

    Example: detente dyad USA RUS --db x.duckdb --by week --since 2025-02-01
    """
    from detente.relations import SERIES_COLUMNS, dyad_series

    if fmt not in FORMATS:
        fail(UsageError("D080", f"--format {fmt!r} is not one of {', '.join(FORMATS)}"), code=2)
    with guarded():
        level = "sector" if sector else "country"
        with Store(db, read_only=True) as store:
            rows = dyad_series(store.con, a, b, by=by, directed=directed, level=level,  # type: ignore[arg-type]
                               since=since, until=until)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(series_json(row), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(SERIES_COLUMNS)
        for row in rows:
            data = series_json(row)
            writer.writerow(["" if data[k] is None else data[k] for k in SERIES_COLUMNS])
        return
    arrow = "→" if directed else "–"
    table = [{**row, "coop": f"{row['verbal_coop']}/{row['material_coop']}",
              "conflict": f"{row['verbal_conflict']}/{row['material_conflict']}", "plover": _plover_summary(row)}
             for row in rows]
    print_table(table, [("period", by), ("events", "events"), ("coop", "coop v/m"), ("conflict", "confl v/m"),
                        ("goldstein_sum", "Goldstein"), ("goldstein_mean", "mean"), ("statements", "stmts"),
                        ("statement_tone", "tone"), ("plover", "PLOVER")],
                title=f"{a.upper()} {arrow} {b.upper()} by {by}: {sum(r['events'] for r in rows)} events "
                      f"(all columns: --format jsonl or csv)")


def export(
    db: str = DB_OPTION,
    fmt: str = typer.Option(..., "--format", help="gdelt, plover or parquet."),
    out_dir: str = typer.Option(..., "--out", help="Directory to write into (created if missing; files in it are replaced)."),
    include_negated: bool = typer.Option(False, "--include-negated",
                                         help="GDELT/PLOVER: also write negated and hypothetical events (flagged in PLOVER)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Export the database: GDELT 2.0 event table (TSV), PLOVER JSON lines, or one Parquet file a table.

    Example: detente export --db x.duckdb --format plover --out exports/
    """
    from detente.exports import FORMATS as EXPORTS
    from detente.exports import export as run_export

    if fmt not in EXPORTS:
        fail(UsageError("D080", f"--format {fmt!r} is not one of {', '.join(EXPORTS)}"), code=2)
    with guarded(), Store(db, read_only=True) as store:
        result = run_export(store.con, fmt, out_dir, include_negated=include_negated)
    if as_json:
        print_json(result.as_dict())
        return
    print_table([{"file": name, "rows": rows} for name, rows in result.files.items()], [("file", "file"), ("rows", "rows")],
                title=f"{fmt} export → {result.directory}")
    left_out = {reason: n for reason, n in result.skipped.items() if n}
    if left_out:
        out.print("Events left out: " + ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in left_out.items()))


def register(app: typer.Typer) -> None:
    """Add ``dyad`` and ``export`` to the app."""
    app.command("dyad")(dyad)
    app.command("export")(export)
