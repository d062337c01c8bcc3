"""The DuckDB store: one file, one writer, numbered migrations, one transaction a batch."""

from detente.store.store import Store

__all__ = ["Store"]
