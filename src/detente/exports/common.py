"""What every export shares: the result record, the output directory, and the events to export.

Events exported to GDELT and PLOVER are those of canonical articles (a near-duplicate's events
are not written again; its copy is counted in GDELT's ``NumArticles``), dated (``event_date``,
else the article's ``published``), and, unless asked, neither negated nor hypothetical. The
events left out are counted by reason in :attr:`ExportResult.skipped`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import UsageError

__all__ = ["ExportResult", "event_rows", "output_dir", "skipped_events"]

_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: rows per file (by file name) and events left out, by reason."""

    format: str
    directory: Path
    files: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """Rows written, all files together."""
        return sum(self.files.values())

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "directory": str(self.directory), "files": dict(self.files),
                "skipped": dict(self.skipped), "rows": self.rows}


def output_dir(out: str | Path) -> Path:
    """``out`` as a directory, created if needed.

    Raises:
        UsageError: D080 when ``out`` is a file or cannot be created.
    """
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise UsageError("D080", f"--out {str(path)!r} is a file", "give a directory (it is created if missing)")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError("D080", f"cannot create the directory {str(path)!r}: {exc.strerror or exc}") from None
    return path


def _has(con: duckdb.DuckDBPyConnection, table: str, column: str | None = None) -> bool:
    if column is None:
        sql, params = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?", [table]
    else:
        sql = ("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
               "AND column_name = ?")
        params = [table, column]
    row = con.execute(sql, params).fetchone()
    return bool(row and row[0])


def skipped_events(con: duckdb.DuckDBPyConnection, include_negated: bool, require_plover: bool = False) -> dict[str, int]:
    """Events left out of an event export, by the first reason that applies, in this order:
    ``near_duplicate``, ``negated_or_hypothetical`` (unless included), ``undated``,
    ``no_plover_type`` (PLOVER only)."""
    flagged = "FALSE" if include_negated else "(e.negated OR e.hypothetical)"
    dated = "coalesce(e.event_date, a.published) IS NOT NULL"
    row = con.execute(f"""
        SELECT count(*) FILTER (WHERE a.duplicate_of IS NOT NULL),
               count(*) FILTER (WHERE a.duplicate_of IS NULL AND {flagged}),
               count(*) FILTER (WHERE a.duplicate_of IS NULL AND NOT {flagged} AND NOT {dated}),
               count(*) FILTER (WHERE a.duplicate_of IS NULL AND NOT {flagged} AND {dated} AND e.plover IS NULL)
        FROM events e JOIN articles a ON a.id = e.article_id""").fetchone()
    near, negated, undated, unmapped = row if row else (0, 0, 0, 0)
    skipped = {"near_duplicate": int(near), "undated": int(undated)}
    if not include_negated:
        skipped["negated_or_hypothetical"] = int(negated)
    if require_plover:
        skipped["no_plover_type"] = int(unmapped)
    return skipped


def event_rows(con: duckdb.DuckDBPyConnection, include_negated: bool = False,
               require_plover: bool = False) -> Iterator[dict[str, Any]]:
    """The events to export, oldest first, each a dict with the event's columns plus its
    article's (``date``, ``url``, ``external_id``, ``locator``, ``title``, ``publication``,
    ``language``, ``tone``, ``sentence``, ``coded_at``), ``n_articles`` and ``n_sources``
    (the article and its near-duplicates) and ``issues`` (issue keys tagged on the event)."""
    where = ["a.duplicate_of IS NULL", "coalesce(e.event_date, a.published) IS NOT NULL"]
    if not include_negated:
        where.append("NOT e.negated AND NOT e.hypothetical")
    if require_plover:
        where.append("e.plover IS NOT NULL")
    tone = "a.tone" if _has(con, "articles", "tone") else "NULL::DOUBLE"
    if _has(con, "issue_tags"):
        issues_cte = ("SELECT ref, list(DISTINCT issue ORDER BY issue) AS issues FROM issue_tags "
                      "WHERE kind = 'event' GROUP BY ref")
    else:
        issues_cte = "SELECT NULL::VARCHAR AS ref, NULL::VARCHAR[] AS issues WHERE FALSE"
    sql = f"""
        WITH family AS (
            SELECT coalesce(duplicate_of, id) AS canon, count(*) AS n_articles, count(DISTINCT source) AS n_sources
            FROM articles GROUP BY 1
        ),
        tags AS ({issues_cte})
        SELECT e.event_id, e.article_id, e.sentence_idx, e.start_char, e.end_char, e.source, e.target,
               e.trigger, e.trigger_start, e.trigger_end, e.cameo, e.plover, e.goldstein, e.quad_class,
               e.negated, e.hypothetical, e.mutual, e.rule, e.coder,
               coalesce(e.event_date, a.published) AS date, a.url, a.external_id, a.locator, a.title,
               a.source AS publication, a.language, {tone} AS tone,
               substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS sentence,
               coalesce(c.coded_at, a.ingested_at) AS coded_at,
               coalesce(f.n_articles, 1) AS n_articles, coalesce(f.n_sources, 0) AS n_sources,
               coalesce(t.issues, []) AS issues
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN codings c ON c.article_id = e.article_id
        LEFT JOIN family f ON f.canon = a.id
        LEFT JOIN tags t ON t.ref = e.event_id
        WHERE {' AND '.join(where)}
        ORDER BY date, e.article_id, e.trigger_start, e.event_id"""
    result = con.cursor().execute(sql)  # its own cursor: other queries may run while this streams
    names = [column[0] for column in result.description or []]
    while batch := result.fetchmany(_BATCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))
