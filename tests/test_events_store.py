"""Events through the whole run into a real DuckDB file, and out through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from helpers import cli, jsonl
from detente.store import Store

CONTRACT = {"event_id", "article_id", "external_id", "path", "url", "date", "sentence", "start_char", "end_char",
            "source", "target", "trigger", "cameo", "plover", "goldstein", "quad_class", "negated", "hypothetical",
            "coder"}

runner = CliRunner()



@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("events") / "examples.duckdb"
    cli("run", str(examples_dir), "--db", str(db))
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    cli("run", str(seeds_dir), "--db", str(db))
    return db


def test_events_jsonl_contract_and_evidence(examples_db: Path) -> None:
    events = jsonl("events", "--db", str(examples_db), "--format", "jsonl", "--include-negated")
    assert len(events) >= 10
    with Store(examples_db, read_only=True) as store:
        texts = {row[0]: row[1] for row in store.con.execute("SELECT id, text FROM articles").fetchall()}
    for e in events:
        assert CONTRACT <= set(e), CONTRACT - set(e)
        text = texts[e["article_id"]]
        assert text[e["start_char"]:e["end_char"]] == e["sentence"]
        assert e["start_char"] <= e["trigger_start"] < e["trigger_end"] <= e["end_char"]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        for party in e["source"] + e["target"]:
            assert {"code", "text"} <= set(party)
            assert text[party["start_char"]:party["end_char"]] == party["text"]
        assert e["coder"].startswith("detente@")
        assert e["quad_class"] in (1, 2, 3, 4)
        assert e["source"]
    assert len({e["event_id"] for e in events}) == len(events)


def test_events_filters(examples_db: Path) -> None:
    db = str(examples_db)
    everything = jsonl("events", "--db", db, "--format", "jsonl", "--include-negated")
    asserted = jsonl("events", "--db", db, "--format", "jsonl")
    assert all(not e["negated"] and not e["hypothetical"] for e in asserted)
    assert len(asserted) <= len(everything)
    russia = jsonl("events", "--db", db, "--format", "jsonl", "--actor", "RUS")
    assert russia and all(any(p["code"].startswith("RUS") for p in e["source"] + e["target"]) for e in russia)
    dyad = jsonl("events", "--db", db, "--format", "jsonl", "--dyad", "USA", "RUS")
    for e in dyad:
        src = {p["code"][:3] for p in e["source"]}
        tgt = {p["code"][:3] for p in e["target"]}
        assert ("USA" in src and "RUS" in tgt) or ("RUS" in src and "USA" in tgt)
    consult = jsonl("events", "--db", db, "--format", "jsonl", "--plover", "CONSULT")
    assert consult and all(e["plover"] == "CONSULT" for e in consult)
    early = jsonl("events", "--db", db, "--format", "jsonl", "--until", "2025-02-28")
    assert all(e["date"] <= "2025-02-28" for e in early)
    csv_lines = cli("events", "--db", db, "--format", "csv").splitlines()
    assert csv_lines[0].startswith("event_id,article_id,date") and len(csv_lines) == len(asserted) + 1
    bad = runner.invoke(app, ["events", "--db", db, "--plover", "HUG"])
    assert bad.exit_code == 2 and "D080" in bad.stderr


def test_events_rerun_and_recode_do_not_duplicate(examples_db: Path, examples_dir: Path) -> None:
    db = str(examples_db)
    before = jsonl("events", "--db", db, "--format", "jsonl", "--include-negated")
    cli("run", str(examples_dir), "--db", db)
    assert jsonl("events", "--db", db, "--format", "jsonl", "--include-negated") == before
    out = json.loads(cli("code", "--db", db, "--again", "--json"))
    assert out["forgotten"] == len(before) and out["events"] == len(before)
    after = jsonl("events", "--db", db, "--format", "jsonl", "--include-negated")
    assert sorted(e["event_id"] for e in after) == sorted(e["event_id"] for e in before)


def test_seeds_trump_putin_call_and_riyadh_meeting(seeds_db: Path) -> None:
    consult = jsonl("events", "--db", str(seeds_db), "--format", "jsonl", "--dyad", "USA", "RUS", "--plover", "CONSULT")
    dates = {e["date"] for e in consult}
    assert "2025-03-18" in dates, consult       # the Trump-Putin phone call
    assert "2025-02-18" in dates, consult       # the Riyadh meeting
    call = [e for e in consult if e["date"] == "2025-03-18"]
    assert any("call" in e["trigger"].lower() or "call" in e["sentence"].lower() for e in call)


def test_seeds_no_negated_event_coded_as_happened(seeds_db: Path) -> None:
    events = jsonl("events", "--db", str(seeds_db), "--format", "jsonl")
    for e in events:
        sentence = e["sentence"].lower()
        trigger = e["trigger"].lower()
        before = sentence[: sentence.find(trigger)] if trigger in sentence else sentence
        window = before.split()[-4:]
        assert not ({"not", "never", "n't", "refused", "no"} & set(window)), e
