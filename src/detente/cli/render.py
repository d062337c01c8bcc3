"""Rendering helpers shared by the commands: consoles, errors, tables, JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from detente.errors import DetenteError

__all__ = ["DB_OPTION", "err", "fail", "guarded", "out", "print_json", "print_table"]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_DB = os.environ.get("DETENTE_DB", "detente.duckdb")
DB_OPTION: Any = typer.Option(DEFAULT_DB, "--db", help="The DuckDB file (default: $DETENTE_DB or ./detente.duckdb).")


def fail(error: DetenteError, code: int = 1) -> NoReturn:
    """Print one red line ``[D###] ...`` to stderr and exit."""
    err.print(str(error), style="red", markup=False)
    raise typer.Exit(code)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn a DetenteError raised by a command into a one-line error and exit code 1."""
    try:
        yield
    except DetenteError as error:
        fail(error)


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def print_json(data: Any) -> None:
    """Write JSON to stdout (not through Rich, so it stays valid when piped)."""
    sys.stdout.write(json.dumps(data, default=_default, ensure_ascii=False, indent=None) + "\n")


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], title: str | None = None,
                formatters: dict[str, Callable[[Any], str]] | None = None) -> None:
    """A Rich table of ``rows`` with ``columns`` as (key, header)."""
    formatters = formatters or {}
    table = Table(title=title, header_style="bold", show_lines=False)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(formatters.get(key, _cell)(row.get(key)) for key, _ in columns))
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)
