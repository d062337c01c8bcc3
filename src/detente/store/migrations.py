"""Numbered schema migrations; each applied one is recorded in ``schema_migrations``.

To change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIGRATIONS", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, sentences, mentions, ingest runs and errors",
        """
        CREATE SEQUENCE ingest_run_ids START 1;
        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            command VARCHAR NOT NULL,
            inputs VARCHAR[] NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,          -- running | finished | interrupted
            items_read INTEGER DEFAULT 0,
            ingested INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            near_duplicates INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0,
            warnings INTEGER DEFAULT 0,
            annotated INTEGER DEFAULT 0,
            detente_version VARCHAR NOT NULL
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,           -- sha256(cleaned text)[:16]
            external_id VARCHAR,              -- the record's own id (JSON/CSV id, feed guid)
            title VARCHAR,
            url VARCHAR,
            source VARCHAR,
            path VARCHAR,
            locator VARCHAR NOT NULL,         -- where it was read: path, path#L3, URL
            format VARCHAR NOT NULL,
            encoding VARCHAR,
            language VARCHAR NOT NULL,
            published DATE,
            date_method VARCHAR NOT NULL,     -- metadata | dateline | none
            date_text VARCHAR,                -- the words the date was read from
            date_start INTEGER,               -- dateline offsets into text
            date_end INTEGER,
            duplicate_of VARCHAR,             -- canonical article of a near-duplicate
            similarity DOUBLE,                -- estimated Jaccard similarity to it
            chars INTEGER NOT NULL,
            words INTEGER NOT NULL,
            minhash UBIGINT[],
            text VARCHAR NOT NULL,            -- the cleaned, canonical text
            annotated_by VARCHAR,             -- model@version once sentences/mentions exist
            run_id INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            sentence_idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            label VARCHAR NOT NULL,           -- PERSON ORG GPE NORP LOC DATE
            actor_code VARCHAR,               -- resolved actor (event coder)
            resolved_by VARCHAR,              -- dictionary | role | coreference
            PRIMARY KEY (article_id, start_char, end_char, label)
        );
        CREATE TABLE ingest_errors (
            run_id INTEGER NOT NULL,
            locator VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            level VARCHAR NOT NULL,           -- error | warning
            message VARCHAR NOT NULL,
            recorded_at TIMESTAMP NOT NULL
        );
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX mentions_text ON mentions (text);
        """,
    ),
)
