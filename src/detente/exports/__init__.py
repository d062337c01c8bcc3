"""Exports of a detente database: GDELT 2.0 event table, PLOVER JSON lines, Parquet.

:func:`export` writes one format into a directory and returns an :class:`ExportResult` (rows
per file, events left out by reason). The formats and every decision made to fit our events
into them are described in ``docs/exports.md``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from detente.errors import UsageError
from detente.exports.common import ExportResult
from detente.exports.gdelt import GDELT_COLUMNS, GDELT_FILE, gdelt_rows, global_event_id, write_gdelt
from detente.exports.parquet import INTERNAL_TABLES, parquet_tables, write_parquet
from detente.exports.plover import PLOVER_ACTOR_FIELDS, PLOVER_FIELDS, PLOVER_FILE, plover_record, write_plover

__all__ = [
    "FORMATS", "GDELT_COLUMNS", "GDELT_FILE", "INTERNAL_TABLES", "PLOVER_ACTOR_FIELDS", "PLOVER_FIELDS", "PLOVER_FILE",
    "ExportResult", "export", "gdelt_rows", "global_event_id", "parquet_tables", "plover_record", "write_gdelt",
    "write_parquet", "write_plover",
]

#: The export formats.
FORMATS: tuple[str, ...] = ("gdelt", "plover", "parquet")


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, include_negated: bool = False) -> ExportResult:
    """Write the database in format ``fmt`` (``gdelt``, ``plover`` or ``parquet``) into ``out``.

    ``include_negated`` adds negated and hypothetical events to the GDELT and PLOVER exports
    (Parquet always holds every row).

    Raises:
        UsageError: D080 for an unknown format or an unusable output directory.

    Example:
        >>> import tempfile
        >>> from detente.store import Store
        >>> with Store(":memory:") as store, tempfile.TemporaryDirectory() as out:
        ...     export(store.con, "plover", out).rows
        0
    """
    if fmt == "gdelt":
        return write_gdelt(con, out, include_negated=include_negated)
    if fmt == "plover":
        return write_plover(con, out, include_negated=include_negated)
    if fmt == "parquet":
        return write_parquet(con, out)
    raise UsageError("D080", f"format {fmt!r} is not one of {', '.join(FORMATS)}")
