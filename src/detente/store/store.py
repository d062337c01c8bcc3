"""``Store``: the one writer of a detente DuckDB file.

Writes go in batches through Arrow tables (DuckDB's ``executemany`` is far slower), and
each batch is one transaction: an interrupted run leaves whole batches or nothing, and
since article ids are content hashes a re-run adds exactly what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from detente import __version__
from detente.errors import StoreError
from detente.store import queries
from detente.store.migrations import MIGRATIONS
from detente.types import Article, Event, Mention, Problem, Reading, Sentence

__all__ = ["Store"]

_ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("external_id", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("source", pa.string()), ("path", pa.string()), ("locator", pa.string()), ("format", pa.string()),
        ("encoding", pa.string()), ("language", pa.string()), ("published", pa.date32()),
        ("date_method", pa.string()), ("date_text", pa.string()), ("date_start", pa.int32()),
        ("date_end", pa.int32()), ("duplicate_of", pa.string()), ("similarity", pa.float64()),
        ("chars", pa.int32()), ("words", pa.int32()), ("minhash", pa.list_(pa.uint64())),
        ("text", pa.string()), ("annotated_by", pa.string()), ("run_id", pa.int32()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_SENTENCE_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("idx", pa.int32()), ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string())]
)
_MENTION_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("sentence_idx", pa.int32()), ("start_char", pa.int32()),
        ("end_char", pa.int32()), ("text", pa.string()), ("label", pa.string()),
    ]
)
_PARTY = pa.struct([("code", pa.string()), ("text", pa.string()), ("start_char", pa.int32()),
                    ("end_char", pa.int32()), ("kind", pa.string())])
_EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()), ("article_id", pa.string()), ("sentence_idx", pa.int32()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("source", pa.list_(_PARTY)),
        ("target", pa.list_(_PARTY)), ("trigger", pa.string()), ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()), ("cameo", pa.string()), ("plover", pa.string()), ("goldstein", pa.float64()),
        ("quad_class", pa.int32()), ("negated", pa.bool_()), ("hypothetical", pa.bool_()),
        ("mutual", pa.bool_()), ("event_date", pa.date32()), ("rule", pa.string()), ("coder", pa.string()),
        ("run_id", pa.int32()),
    ]
)
_CODING_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("coder", pa.string()), ("events", pa.int32()), ("run_id", pa.int32()),
     ("coded_at", pa.timestamp("us"))]
)
_QUOTE_SCHEMA = pa.schema(
    [
        ("quote_id", pa.string()), ("article_id", pa.string()), ("sentence_idx", pa.int32()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string()), ("direct", pa.bool_()),
        ("speaker_name", pa.string()), ("speaker_text", pa.string()), ("speaker_start", pa.int32()),
        ("speaker_end", pa.int32()), ("speaker_code", pa.string()), ("speaker_role", pa.string()),
        ("cue", pa.string()), ("cue_start", pa.int32()), ("cue_end", pa.int32()), ("about", pa.list_(pa.string())),
        ("tone", pa.float64()), ("statement_date", pa.date32()), ("run_id", pa.int32()),
    ]
)
_ISSUE_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("kind", pa.string()), ("ref", pa.string()), ("issue", pa.string()),
     ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string())]
)
_TONE_SCHEMA = pa.schema([("article_id", pa.string()), ("idx", pa.int32()), ("tone", pa.float64())])
_ERROR_SCHEMA = pa.schema(
    [("run_id", pa.int32()), ("locator", pa.string()), ("code", pa.string()), ("level", pa.string()), ("message", pa.string()), ("recorded_at", pa.timestamp("us"))]
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Store:
    """Open (creating and migrating if needed) a detente database.

    Args:
        path: the DuckDB file; ``":memory:"`` for a throw-away store.
        read_only: open without writing (no migrations are applied).

    Example:
        >>> with Store(":memory:") as store:
        ...     store.schema_version() == MIGRATIONS[-1].version
        True
    """

    def __init__(self, path: str | Path = "detente.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("D050", f"database {self.path!r} does not exist", "run 'detente run PATH --db FILE' first")
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError("D050", f"cannot open {self.path!r}: {str(exc).splitlines()[0]}") from exc
        if not read_only:
            self.migrate()

    # -- lifecycle ---------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- schema ------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded; return the versions applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        latest = MIGRATIONS[-1].version
        if current > latest:
            raise StoreError("D051", f"{self.path!r} has schema version {current}; this detente knows up to {latest}")
        applied = []
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            with self.transaction() as con:
                con.execute(migration.sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [migration.version, migration.name, _now()])
            applied.append(migration.version)
        return applied

    # -- runs --------------------------------------------------------------------
    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record a new run; runs left 'running' by a killed process become 'interrupted'."""
        with self.transaction() as con:
            con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            row = con.execute(
                "INSERT INTO ingest_runs (id, command, inputs, started_at, status, detente_version) "
                "VALUES (nextval('ingest_run_ids'), ?, ?, ?, 'running', ?) RETURNING id",
                [command, list(inputs), _now(), __version__],
            ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        columns = ("items_read", "ingested", "duplicates", "near_duplicates", "failed", "warnings", "annotated")
        values = [counts.get(column, 0) for column in columns]
        assignments = ", ".join(f"{column} = ?" for column in columns)
        self.con.execute(
            f"UPDATE ingest_runs SET {assignments}, finished_at = ?, status = 'finished' WHERE id = ?",
            [*values, _now(), run_id],
        )

    # -- reads used while writing --------------------------------------------------
    def article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def canonical_signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        """(id, MinHash values) of every canonical article, oldest first."""
        result = self.con.execute(
            "SELECT id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL ORDER BY run_id, ingested_at, id"
        )
        while rows := result.fetchmany(10_000):
            for key, values in rows:
                yield key, np.asarray(values, dtype=np.uint64)

    def pending_articles(self, batch_size: int = 256) -> Iterator[list[tuple[str, str]]]:
        """Batches of (id, text) of articles not yet annotated."""
        ids = [row[0] for row in self.con.execute("SELECT id FROM articles WHERE annotated_by IS NULL ORDER BY run_id, id").fetchall()]
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            rows = self.con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()
            by_id = dict(rows)
            yield [(key, by_id[key]) for key in chunk if key in by_id]

    # -- writes ------------------------------------------------------------------
    def write_batch(
        self,
        run_id: int,
        articles: Sequence[tuple[Article, np.ndarray | None]] = (),
        sentences: Sequence[Sentence] = (),
        mentions: Sequence[Mention] = (),
        problems: Sequence[Problem] = (),
        annotated: Sequence[str] = (),
        annotated_by: str | None = None,
        events: Sequence[Event] = (),
        coded: Sequence[str] = (),
        coder: str | None = None,
        readings: Sequence[Reading] = (),
    ) -> None:
        """Write one batch in one transaction.

        Articles already stored are left as they are; sentences and mentions are written
        only for articles in ``annotated``, whose ``annotated_by`` is then set. ``events`` are
        those coded (by ``coder``) from the articles in ``coded``, each recorded in ``codings``;
        ``readings`` hold their statements, issue mentions and tone.
        """
        now = _now()
        done = set(annotated)
        article_rows = _article_table(articles, run_id, now, annotated_by if annotated_by else None, done)
        with self.transaction() as con:
            if article_rows.num_rows:
                self._insert(con, "articles", article_rows, "INSERT OR IGNORE INTO articles BY NAME SELECT * FROM _batch")
            if done and annotated_by:
                con.execute(
                    "UPDATE articles SET annotated_by = ? WHERE id IN (SELECT unnest(?)) AND annotated_by IS NULL",
                    [annotated_by, sorted(done)],
                )
            if sentences:
                self._insert(con, "sentences", _rows(_SENTENCE_SCHEMA, ((s.article_id, s.index, s.start_char, s.end_char, s.text) for s in sentences)),
                             "INSERT OR IGNORE INTO sentences BY NAME SELECT * FROM _batch")
            if mentions:
                self._insert(con, "mentions", _rows(_MENTION_SCHEMA, ((m.article_id, m.sentence_index, m.start_char, m.end_char, m.text, m.label) for m in mentions)),
                             "INSERT OR IGNORE INTO mentions BY NAME SELECT * FROM _batch")
            if coded and coder:
                per_article: dict[str, int] = {key: 0 for key in coded}
                for e in events:
                    per_article[e.article_id] = per_article.get(e.article_id, 0) + 1
                self._insert(con, "codings", _rows(_CODING_SCHEMA, ((k, coder, n, run_id, now) for k, n in per_article.items())),
                             "INSERT OR IGNORE INTO codings BY NAME SELECT * FROM _batch")
            if events:
                self._insert(con, "events", _event_table(events, run_id),
                             "INSERT OR IGNORE INTO events BY NAME SELECT * FROM _batch")
            if readings:
                self._write_readings(con, readings, run_id)
            if problems:
                self._insert(con, "ingest_errors", _rows(_ERROR_SCHEMA, ((run_id, p.locator, p.code, p.level, p.message, now) for p in problems)),
                             "INSERT INTO ingest_errors BY NAME SELECT * FROM _batch")

    def _write_readings(self, con: duckdb.DuckDBPyConnection, readings: Sequence[Reading], run_id: int) -> None:
        quotes = [q for r in readings for q in r.quotes]
        if quotes:
            self._insert(con, "statements", _rows(_QUOTE_SCHEMA, (
                (q.quote_id, q.article_id, q.sentence_index, q.start_char, q.end_char, q.text, q.direct, q.speaker_name,
                 q.speaker_text, q.speaker_start, q.speaker_end, q.speaker_code, q.speaker_role, q.cue, q.cue_start,
                 q.cue_end, list(q.about), q.tone, q.date, run_id) for q in quotes)),
                "INSERT OR IGNORE INTO statements BY NAME SELECT * FROM _batch")
        issues = [m for r in readings for m in r.issues]
        if issues:
            self._insert(con, "issue_tags", _rows(_ISSUE_SCHEMA, (
                (m.article_id, m.kind, m.ref, m.issue, m.start_char, m.end_char, m.text) for m in issues)),
                "INSERT INTO issue_tags BY NAME SELECT * FROM _batch")
        tones = [(r.article_id, idx, t) for r in readings for idx, t in r.sentence_tones]
        if tones:
            self._insert(con, "sentences", _rows(_TONE_SCHEMA, tones),
                         "UPDATE sentences SET tone = _batch.tone FROM _batch "
                         "WHERE sentences.article_id = _batch.article_id AND sentences.idx = _batch.idx")
        self._insert(con, "articles", _rows(pa.schema([("id", pa.string()), ("tone", pa.float64())]),
                                            ((r.article_id, r.tone) for r in readings)),
                     "UPDATE articles SET tone = _batch.tone FROM _batch WHERE articles.id = _batch.id")

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, sql: str) -> None:
        con.register("_batch", rows)
        try:
            con.execute(sql)
        finally:
            con.unregister("_batch")

    def uncoded_articles(self, batch_size: int = 256) -> Iterator[list[tuple[str, str, dt.date | None]]]:
        """Batches of (id, text, published) of annotated articles the coder has not read."""
        ids = [row[0] for row in self.con.execute(
            "SELECT id FROM articles WHERE annotated_by IS NOT NULL AND id NOT IN (SELECT article_id FROM codings) "
            "ORDER BY run_id, id").fetchall()]
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            rows = self.con.execute("SELECT id, text, published FROM articles WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()
            by_id = {key: (key, text, published) for key, text, published in rows}
            yield [by_id[key] for key in chunk if key in by_id]

    def published_of(self, ids: Sequence[str]) -> dict[str, dt.date | None]:
        rows = self.con.execute("SELECT id, published FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return dict(rows)

    def sentences_of(self, article_id: str) -> list[Sentence]:
        rows = self.con.execute("SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx",
                                [article_id]).fetchall()
        return [Sentence(article_id, i, a, b, t) for i, a, b, t in rows]

    def forget_codings(self) -> int:
        """Delete every event, coding record, statement, issue mention and tone (before coding
        everything again)."""
        with self.transaction() as con:
            row = con.execute("SELECT count(*) FROM events").fetchone()
            con.execute("DELETE FROM events")
            con.execute("DELETE FROM codings")
            con.execute("DELETE FROM statements")
            con.execute("DELETE FROM issue_tags")
            con.execute("UPDATE sentences SET tone = NULL WHERE tone IS NOT NULL")
            con.execute("UPDATE articles SET tone = NULL WHERE tone IS NOT NULL")
        return int(row[0]) if row else 0

    # -- queries -----------------------------------------------------------------
    def events(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_events(self.con, **filters)

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_statements(self.con, **filters)

    def issues(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.issue_summary(self.con, **filters)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_articles(self.con, **filters)

    def article(self, key: str) -> dict[str, Any]:
        return queries.get_article(self.con, key)

    def entities(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.top_entities(self.con, **filters)

    def errors(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_errors(self.con, **filters)

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return queries.list_runs(self.con, limit=limit)

    def counts(self) -> dict[str, int]:
        return queries.table_counts(self.con)


def _rows(schema: pa.Schema, rows: Iterable[tuple[Any, ...]]) -> pa.Table:
    columns: list[list[Any]] = [[] for _ in schema.names]
    for row in rows:
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    return pa.Table.from_arrays([pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)], schema=schema)


def _article_table(
    articles: Sequence[tuple[Article, np.ndarray | None]], run_id: int, now: dt.datetime, annotated_by: str | None, done: set[str]
) -> pa.Table:
    return _rows(
        _ARTICLE_SCHEMA,
        (
            (
                a.id, a.external_id, a.title, a.url, a.source, a.path, a.locator, a.format, a.encoding,
                a.language, a.published, a.date_method, a.date_text, a.date_start, a.date_end,
                a.duplicate_of, a.similarity, len(a.text), len(a.text.split()),
                None if signature is None else signature.tolist(), a.text,
                annotated_by if a.id in done else None, run_id, now,
            )
            for a, signature in articles
        ),
    )


def _parties(parties: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"code": p.code, "text": p.text, "start_char": p.start_char, "end_char": p.end_char, "kind": p.kind}
            for p in parties]


def _event_table(events: Sequence[Event], run_id: int) -> pa.Table:
    return _rows(
        _EVENT_SCHEMA,
        (
            (e.event_id, e.article_id, e.sentence_index, e.start_char, e.end_char, _parties(e.source),
             _parties(e.target), e.trigger, e.trigger_start, e.trigger_end, e.cameo, e.plover, e.goldstein,
             e.quad_class, e.negated, e.hypothetical, e.symmetric, e.date, e.rule, e.coder, run_id)
            for e in events
        ),
    )
