"""Statements, issue mentions and tone through the whole run into a real DuckDB file, and out
through ``detente quotes`` and ``detente issues``."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app
from helpers import cli, jsonl

pytestmark = pytest.mark.slow

CONTRACT = {"quote_id", "article_id", "external_id", "path", "url", "date", "text", "start_char", "end_char",
            "direct", "speaker", "cue", "issues", "tone"}
EXPERTS = {"Fyodor Lukyanov", "Sergei Markov", "Andrei Klimov", "Alexei Mukhin"}

runner = CliRunner()



@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("statements") / "seeds.duckdb"
    summary = json.loads(cli("run", str(seeds_dir), "--db", str(db), "--json"))
    assert summary["statements"] > 0 and summary["issue_mentions"] > 0
    return db


def test_quotes_jsonl_contract_and_offsets(seeds_db: Path) -> None:
    rows = jsonl("quotes", "--db", str(seeds_db), "--format", "jsonl")
    assert len(rows) >= 20
    con = duckdb.connect(str(seeds_db), read_only=True)
    texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
    for row in rows:
        assert CONTRACT <= set(row)
        assert set(row["speaker"]) >= {"name", "text", "code", "role"}
        assert texts[row["article_id"]][row["start_char"]:row["end_char"]] == row["text"]
        s = row["speaker"]
        if s["start_char"] is not None:
            assert texts[row["article_id"]][s["start_char"]:s["end_char"]] == s["text"]
        if row["cue_start"] is not None:
            assert texts[row["article_id"]][row["cue_start"]:row["cue_end"]] == row["cue"]
        assert -1.0 <= row["tone"] <= 1.0
        assert all(isinstance(k, str) for k in row["issues"])
    assert any(r["direct"] for r in rows) and any(not r["direct"] for r in rows)


def test_seed_experts_are_attributed_with_their_roles(seeds_db: Path) -> None:
    rows = jsonl("quotes", "--db", str(seeds_db), "--format", "jsonl")
    by = {name: [r for r in rows if r["speaker"]["name"] == name] for name in EXPERTS}
    for name, said in by.items():
        assert said, f"no statement attributed to {name}"
        assert all(r["speaker"]["role"] for r in said), name
    assert any("Russia in Global Affairs" in (r["speaker"]["role"] or "") for r in by["Fyodor Lukyanov"])
    assert any("Kremlin" in (r["speaker"]["role"] or "") for r in by["Sergei Markov"])
    # "reset" is a quoted term, never a statement
    assert not [r for r in rows if r["text"].strip(" ,.\u201c\u201d\"").lower() == "reset"]


def test_quotes_filters(seeds_db: Path) -> None:
    markov = jsonl("quotes", "--db", str(seeds_db), "--format", "jsonl", "--speaker", "markov")
    assert markov and all("Markov" in r["speaker"]["name"] for r in markov)
    russian = jsonl("quotes", "--db", str(seeds_db), "--format", "jsonl", "--actor", "RUS")
    assert russian and all(r["speaker"]["code"].startswith("RUS") for r in russian)
    tagged = jsonl("quotes", "--db", str(seeds_db), "--format", "jsonl", "--issue", "sanctions")
    assert all("sanctions" in r["issues"] for r in tagged)
    bad = runner.invoke(app, ["quotes", "--db", str(seeds_db), "--issue", "no_such_issue"])
    assert bad.exit_code == 2 and "D080" in bad.output
    csv_out = cli("quotes", "--db", str(seeds_db), "--format", "csv", "--speaker", "lukyanov").splitlines()
    assert csv_out[0].startswith("quote_id,") and len(csv_out) > 1


def test_issues_listed_with_engaged_actors(seeds_db: Path) -> None:
    rows = jsonl("issues", "--db", str(seeds_db), "--format", "jsonl")
    keys = {r["issue"] for r in rows}
    assert {"ceasefire", "energy_infrastructure", "sanctions"} <= keys
    con = duckdb.connect(str(seeds_db), read_only=True)
    texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
    for article_id, start, end, text in con.execute("SELECT article_id, start_char, end_char, text FROM issue_tags").fetchall():
        assert texts[article_id][start:end] == text
    talks = next(r for r in rows if r["issue"] == "peace_talks")
    assert talks["actors"] and {"code", "count"} <= set(talks["actors"][0])


def test_tone_is_stored_for_sentences_and_articles(seeds_db: Path) -> None:
    con = duckdb.connect(str(seeds_db), read_only=True)
    missing = con.execute("SELECT count(*) FROM sentences WHERE tone IS NULL").fetchone()[0]
    assert missing == 0
    tones = [t for (t,) in con.execute("SELECT tone FROM articles").fetchall()]
    assert tones and all(t is not None and -1 <= t <= 1 for t in tones)


def test_coding_again_does_not_duplicate_statements(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(seeds_db.read_bytes())
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM issue_tags)").fetchone()
    con.close()
    cli("code", "--db", str(db), "--again")
    cli("code", "--db", str(db))            # nothing left to read: adds nothing
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM issue_tags)").fetchone()
    assert after == before
    assert con.execute("SELECT count(*) FROM sentences WHERE tone IS NULL").fetchone()[0] == 0
