"""The negotiation ledger: the seed corpus (the pause agreed, Russia's conditions listed) and
synthetic rows inserted into a real DuckDB file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from helpers import add_article, add_event, add_statement
from typer.testing import CliRunner

from detente.errors import UsageError
from detente.relations.ledger import (
    LedgerLine,
    build_ledger,
    classify_event,
    classify_statement,
    issue_status,
)
from detente.store import Store

# -- synthetic rows (helpers.add_article, add_event, add_statement) -------------------------------


@pytest.fixture
def store(db_path: Path) -> Any:
    with Store(db_path) as opened:
        yield opened


def test_ledger_synthetic_lines_stances_and_status(store: Store) -> None:
    day = dt.date(2025, 3, 1)
    text = "\n".join([
        "Washington could agree to a truce.",               # 0 hypothetical AGREE -> proposal
        "Moscow did not agree to the truce.",               # 1 negated AGREE -> no line
        "Moscow agreed to a truce with Kyiv.",              # 2 AGREE -> agreement
        "Russian troops shelled the port.",                 # 3 ASSAULT after agreement -> violation
        "The Kremlin said the truce holds only if arms deliveries stop.",  # 4 statement -> condition
        "Washington rejected the Russian terms.",           # 5 REJECT -> rejection
    ])
    art = add_article(store, text, day)
    add_event(store, art, 0, "agree", ["USAGOV"], ["RUS"], "030", "AGREE", issues=("ceasefire",), hypothetical=True, day=day)
    add_event(store, art, 1, "agree", ["RUSGOV"], ["UKR"], "030", "AGREE", issues=("ceasefire",), negated=True, day=day)
    agreed = add_event(store, art, 2, "agreed", ["RUSGOV"], ["UKR"], "0356", "AGREE", issues=("ceasefire",),
                       day=dt.date(2025, 3, 2))
    add_event(store, art, 3, "shelled", ["RUSMIL"], ["UKR"], "195", "ASSAULT", -10.0, ("ceasefire",), day=dt.date(2025, 3, 3))
    cond = add_statement(store, art, 4, "RUSGOV", "the truce holds only if arms deliveries stop", ("ceasefire",),
                         dt.date(2025, 3, 4))
    add_event(store, art, 5, "rejected", ["USAGOV"], ["RUS"], "120", "REJECT", issues=("ceasefire",), day=dt.date(2025, 3, 5))
    ledger = build_ledger(store.con, ["USA", "RUSGOV"])
    item = ledger.issue("ceasefire")
    assert item is not None
    assert [(line.party, line.kind) for line in item.lines] == [
        ("USA", "proposal"), ("RUS", "agreement"), ("RUS", "violation"), ("RUS", "condition"), ("USA", "rejection")]
    assert item.status == "violated"
    assert item.stances == {"USA": "opposes", "RUS": "conditional"}
    assert item.lines[1].ref == agreed and item.lines[3].ref == cond
    assert json.loads(json.dumps(ledger.as_dict()))["issues"][0]["lines"][0]["date"] == "2025-03-01"


def test_ledger_near_duplicates_and_symmetric_rows_count_once(store: Store) -> None:
    text = "Russia and the United States agreed to restore embassy staff."
    art = add_article(store, text, dt.date(2025, 2, 27))
    copy = add_article(store, text + " (wire)", dt.date(2025, 2, 27), duplicate_of=art)
    for key in (art, copy):
        add_event(store, key, 0, "agreed", ["RUS", "USA"], ["RUS", "USA"], "0311", "AGREE", issues=("diplomatic_missions",))
        add_event(store, key, 0, "agreed", ["USA", "RUS"], ["USA", "RUS"], "0311", "AGREE", issues=("diplomatic_missions",))
    item = build_ledger(store.con, ["USA", "RUS"], "diplomatic_missions").issue("diplomatic_missions")
    assert item is not None
    assert sorted((line.party, line.kind) for line in item.lines) == [("RUS", "agreement"), ("USA", "agreement")]
    assert {line.article_id for line in item.lines} == {art}
    assert item.status == "agreed"


def test_ledger_other_parties_and_untagged_events_are_left_out(store: Store) -> None:
    art = add_article(store, "China rejected the plan.\nRussia agreed to talks.", dt.date(2025, 3, 1))
    add_event(store, art, 0, "rejected", ["CHN"], ["USA"], "120", "REJECT", issues=("sanctions",))
    add_event(store, art, 1, "agreed", ["RUS"], ["USA"], "030", "AGREE")
    assert build_ledger(store.con, ["USA", "RUS"]).issues == ()


@pytest.mark.parametrize(("cameo", "plover", "trigger", "sentence", "negated", "hypothetical", "kind"), [
    ("057", "SUPPORT", "signed", "They signed the deal.", False, False, "agreement"),
    ("0356", "AGREE", "agreed", "Putin agreed to a pause.", False, False, "agreement"),
    ("0356", "AGREE", "agrees", "Moscow agrees with the idea.", False, False, "support"),
    ("030", "AGREE", "proposals", "Trump's proposals surprised.", False, False, "proposal"),
    ("036", "AGREE", "meet", "They could meet.", False, True, "proposal"),
    ("030", "AGREE", "agree", "They did not agree.", True, False, None),
    ("100", "REQUEST", "demanded", "Kyiv demanded guarantees.", False, False, "request"),
    ("100", "REQUEST", "asked", "Kyiv asked for talks only if Russia withdraws.", False, False, "condition"),
    ("120", "REJECT", "rejected", "Kyiv rejected it.", False, False, "rejection"),
    ("0874", "RETREAT", "withdrew", "Troops withdrew.", False, False, "concession"),
    ("190", "ASSAULT", "struck", "Drones struck.", False, False, "force"),
    ("190", "ASSAULT", "strike", "They might strike.", False, True, None),
    ("040", "CONSULT", "talks", "They held talks.", False, False, None),
])
def test_ledger_classify_event(cameo: str, plover: str, trigger: str, sentence: str, negated: bool, hypothetical: bool,
                               kind: str | None) -> None:
    end = sentence.index(trigger) + len(trigger)
    assert classify_event(cameo, plover, trigger, sentence, end, 0, negated, hypothetical) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("the ceasefire hinges on several essential conditions", "condition"),
    ("talks can start provided that the shelling stops", "condition"),
    ("Moscow will not entertain any truce", "rejection"),
    ("Kyiv rejects the plan", "rejection"),
    ("Russia does not rule out this option", "statement"),
    ("Russian forces violated the truce", "violation"),
    ("Washington proposed a 30-day ceasefire", "proposal"),
    ("we are ready to normalise the embassies", "support"),
    ("the talks went well", "statement"),
])
def test_ledger_classify_statement(text: str, kind: str) -> None:
    assert classify_statement(text) == kind


def _line(kind: str, party: str = "RUS", stance: str | None = None) -> LedgerLine:
    return LedgerLine("ceasefire", None, party, party, kind, stance, kind, "event", f"{kind}-{party}", "a", 0, 1, "x")


@pytest.mark.parametrize(("kinds", "status"), [
    ([], "open"),
    ([("statement", "RUS")], "open"),
    ([("proposal", "USA")], "proposed"),
    ([("proposal", "USA"), ("rejection", "RUS")], "rejected"),
    ([("rejection", "RUS"), ("proposal", "USA")], "proposed"),
    ([("proposal", "USA"), ("agreement", "RUS"), ("rejection", "RUS")], "agreed"),
    ([("agreement", "RUS"), ("concession", "RUS")], "implemented"),
    ([("agreement", "RUS"), ("concession", "UKR")], "agreed"),
    ([("agreement", "RUS"), ("violation", "RUS")], "violated"),
])
def test_ledger_issue_status(kinds: list[tuple[str, str]], status: str) -> None:
    assert issue_status([_line(kind, party) for kind, party in kinds])[0] == status


def test_ledger_rejects_bad_party_codes(store: Store) -> None:
    with pytest.raises(UsageError, match="D080"):
        build_ledger(store.con, ["usa!", "RUS"])
    with pytest.raises(UsageError, match="D080"):
        build_ledger(store.con, [])


# -- the seed corpus ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    from detente.pipeline import run

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with Store(path) as opened:
        run([str(seeds_dir)], opened)
    return path


@pytest.mark.slow
def test_ledger_seed_pause_agreed_with_conditions_and_evidence(seed_db: Path) -> None:
    with Store(seed_db, read_only=True) as opened:
        ledger = build_ledger(opened.con, ["USA", "RUS"])
        texts = dict(opened.con.execute("SELECT id, text FROM articles").fetchall())
    energy, ceasefire = ledger.issue("energy_infrastructure"), ledger.issue("ceasefire")
    assert energy is not None and ceasefire is not None
    assert energy.status == "agreed" and ceasefire.status == "agreed"
    pause = [line for line in energy.lines if line.kind == "agreement"]
    assert pause and pause[0].party == "RUS" and "30-day pause" in pause[0].sentence
    assert pause[0].ref in {line.ref for line in ceasefire.lines if line.kind == "agreement"}
    conditions = [line for line in ceasefire.lines if line.kind == "condition" and line.party == "RUS"]
    assert conditions and any("conditions" in line.sentence for line in conditions)
    assert ceasefire.stances["RUS"] == "conditional"
    for item in ledger.issues:
        for line in item.lines:
            assert texts[line.article_id][line.start_char:line.end_char] == line.sentence, line


@pytest.mark.slow
def test_ledger_cli_jsonl_and_table(seed_db: Path) -> None:
    from detente.cli import watching

    app = typer.Typer()
    watching.register(app)
    runner = CliRunner()
    result = runner.invoke(app, ["ledger", "USA", "RUS", "--db", str(seed_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    issues = {row["issue"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert issues["energy_infrastructure"]["status"] == "agreed"
    assert issues["ceasefire"]["stances"]["RUS"] == "conditional"
    result = runner.invoke(app, ["ledger", "USA", "RUS", "--db", str(seed_db), "--issue", "ceasefire"])
    assert result.exit_code == 0 and "AGREED" in result.stdout and "condition" in result.stdout
    result = runner.invoke(app, ["ledger", "USA", "RUS", "--db", str(seed_db), "--format", "xml"])
    assert result.exit_code == 2
