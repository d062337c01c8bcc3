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
    Migration(
        2,
        "coded events and which articles were coded",
        """
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,     -- sha256(article, trigger offset, code, actors)[:16]
            article_id VARCHAR NOT NULL,
            sentence_idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,      -- the sentence's offsets in the article text
            end_char INTEGER NOT NULL,
            source STRUCT(code VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, kind VARCHAR)[] NOT NULL,
            target STRUCT(code VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, kind VARCHAR)[] NOT NULL,
            trigger VARCHAR NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            cameo VARCHAR NOT NULL,
            plover VARCHAR,                   -- one of the 16 PLOVER types; NULL where PLOVER drops it
            goldstein DOUBLE,
            quad_class INTEGER,               -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
            negated BOOLEAN NOT NULL,
            hypothetical BOOLEAN NOT NULL,
            mutual BOOLEAN NOT NULL,          -- a symmetric event (talks between A and B)
            event_date DATE,                  -- from the sentence ("on Tuesday") or the article
            rule VARCHAR NOT NULL,            -- the dictionary entry and pattern that coded it
            coder VARCHAR NOT NULL,           -- name@version
            run_id INTEGER NOT NULL
        );
        CREATE TABLE codings (
            article_id VARCHAR PRIMARY KEY,   -- an article the coder has read (with or without events)
            coder VARCHAR NOT NULL,
            events INTEGER NOT NULL,
            run_id INTEGER NOT NULL,
            coded_at TIMESTAMP NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_date ON events (event_date);
        """,
    ),
    Migration(
        3,
        "statements, issue tags and tone",
        """
        CREATE TABLE statements (
            quote_id VARCHAR PRIMARY KEY,     -- sha256(article, start, end)[:16]
            article_id VARCHAR NOT NULL,
            sentence_idx INTEGER NOT NULL,    -- the sentence the text starts in
            start_char INTEGER NOT NULL,      -- offsets of the text (the words inside the marks,
            end_char INTEGER NOT NULL,        -- or the reported clause) in the article text
            text VARCHAR NOT NULL,
            direct BOOLEAN NOT NULL,
            speaker_name VARCHAR,             -- canonical name; NULL when unknown
            speaker_text VARCHAR,             -- as written at the cue ("he", "the president")
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_code VARCHAR,             -- actor code by the article date
            speaker_role VARCHAR,             -- role or affiliation ("a former Kremlin adviser")
            cue VARCHAR,                      -- the speech verb or phrase
            cue_start INTEGER,
            cue_end INTEGER,
            about VARCHAR[] NOT NULL,         -- actor codes named in the text
            tone DOUBLE,                      -- VADER compound score of the text
            statement_date DATE,              -- the article's date
            run_id INTEGER NOT NULL
        );
        CREATE TABLE issue_tags (
            article_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,            -- sentence | event | statement
            ref VARCHAR NOT NULL,             -- sentence index, event_id or quote_id
            issue VARCHAR NOT NULL,           -- key in the issue taxonomy
            start_char INTEGER NOT NULL,      -- the matching words, offsets in the article text
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL
        );
        ALTER TABLE sentences ADD COLUMN tone DOUBLE;
        ALTER TABLE articles ADD COLUMN tone DOUBLE;
        CREATE INDEX statements_article ON statements (article_id);
        CREATE INDEX issue_tags_article ON issue_tags (article_id);
        CREATE INDEX issue_tags_issue ON issue_tags (issue);
        """,
    ),
    Migration(
        4,
        "alerts",
        """
        CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY,     -- sha256(rule, parties, issue, evidence)[:16]: the same alert is raised once
            rule VARCHAR NOT NULL,            -- change_point | new_event | stance_change
            a VARCHAR,                        -- the dyad's parties (country codes unless sector level)
            b VARCHAR,
            issue VARCHAR,                    -- a taxonomy key, for issue and stance rules
            plover VARCHAR,                   -- the PLOVER type a new-event rule fired on
            alert_date DATE,                  -- the day (or period start) it is about
            score DOUBLE,                     -- how strong: the change's size, or NULL
            message VARCHAR NOT NULL,         -- one line for people
            evidence VARCHAR[] NOT NULL,      -- event and quote ids behind it
            raised_at TIMESTAMP NOT NULL,
            posted_at TIMESTAMP,              -- when a webhook accepted it
            run_id INTEGER
        );
        CREATE INDEX alerts_date ON alerts (alert_date);
        """,
    ),
)
