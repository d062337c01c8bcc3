"""Parquet export: one ``<table>.parquet`` file per table of the database, written by DuckDB.

Every table is written as it is stored (all rows, near-duplicates and negated events included:
this is the raw record, for other tools to query), except ``schema_migrations``, which only
describes the database file itself.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from detente.exports.common import ExportResult, output_dir

__all__ = ["INTERNAL_TABLES", "parquet_tables", "write_parquet"]

#: Tables that are not exported.
INTERNAL_TABLES: frozenset[str] = frozenset({"schema_migrations"})


def parquet_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables :func:`write_parquet` writes, by name."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "AND table_catalog = current_database() ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in rows if name not in INTERNAL_TABLES]


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_parquet(con: duckdb.DuckDBPyConnection, out: str | Path) -> ExportResult:
    """Write each table (but :data:`INTERNAL_TABLES`) to ``out/<table>.parquet`` (zstd).

    Example:
        >>> import tempfile
        >>> from detente.store import Store
        >>> with Store(":memory:") as store, tempfile.TemporaryDirectory() as out:
        ...     write_parquet(store.con, out).files["articles.parquet"]
        0
    """
    directory = output_dir(out)
    files: dict[str, int] = {}
    for table in parquet_tables(con):
        path = directory / f"{table}.parquet"
        row = con.execute(
            f"COPY {_quote_identifier(table)} TO {_quote_literal(str(path))} (FORMAT parquet, COMPRESSION zstd)"
        ).fetchone()
        files[path.name] = int(row[0]) if row else 0
    return ExportResult("parquet", directory, files, {})
