"""PETRARCH-format dictionaries read in place, and the unit-test record evaluation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.errors import UsageError
from detente.events.lexicon import AgentEntry
from detente.events.petrarch import load_petrarch, load_petrarch_actors, load_petrarch_verbs

from conftest import SHARED

PETRARCH = SHARED / "petrarch"


@pytest.fixture(scope="module")
def petrarch_dir() -> Path:
    if not (PETRARCH / "PETR.UnitTest.records.xml").is_file():
        pytest.skip(f"../shared is not beside the repository ({PETRARCH} missing): PETRARCH tests skipped")
    return PETRARCH


def test_petrarch_verbs_blocks_forms_patterns_and_synsets(petrarch_dir: Path) -> None:
    d = load_petrarch_verbs(petrarch_dir / "PETR.Validate.verbs.txt")
    assert len(d.verbs) > 200 and not d.lemma_mode
    restore = d.by_form["restored"][0]
    assert restore.code == "064" and any(p.text == "* DIPLOMATIC" for p in restore.patterns)
    assert [p.size for p in restore.patterns] == sorted((p.size for p in restore.patterns), reverse=True)
    broke_down = [v for v in d.by_form["broke"] if v.after == ("down",)]
    assert broke_down and broke_down[0].code == "1717"                      # +BREAK_DOWN {... +BROKE_DOWN ...}
    tapped = d.by_form["tapped"][0]
    assert tapped.before == ("wire",) and tapped.code == "1711"             # WIRE_+TAP: the head is marked
    # a synset that names another synset is expanded
    assert ("military",) in d.synsets["accordsyn"] and ("swiss", "francs") in d.synsets["accordsyn"]


def test_petrarch_actors_dates_compounds_agents(petrarch_dir: Path) -> None:
    lex = load_petrarch_actors([petrarch_dir / "PETR.Validate.actors.txt"], [petrarch_dir / "PETR.Validate.agents.txt"])
    [sam] = [m for m in lex.scan(["sam", "gamgee"]) if not m.is_agent]
    assert sam.entry.codes_on(dt.date(2005, 1, 1)) == ("HOBCIV",)
    assert sam.entry.codes_on(dt.date(2010, 1, 10)) == ("ORCHOB",)          # listed first: wins over HOBMIL
    assert sam.entry.codes_on(dt.date(2010, 6, 1)) == ("HOBMIL",)
    assert sam.entry.codes_on(dt.date(2014, 1, 1)) == ("HOBELI",)
    [shire] = lex.scan(["the", "shire"])
    assert shire.entry.codes_on(None) == ("FRO", "BIL", "SAM")
    agents = {m.entry.name: m.entry for m in lex.scan("msf congressmen golden geese ministers of silly walks".split())
              if isinstance(m.entry, AgentEntry)}
    assert agents["msf"].prefix and agents["msf"].code == "NGO"
    assert agents["congress!person!"].code == "LEG"                         # !PERSON! substitution
    assert agents["golden goose"].code == "GGS"                             # listed plural
    assert agents["!minst! of silly walks"].code == "GOV"


def test_petrarch_unreadable_lines_are_collected_not_fatal(tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- MEET [031] ---\nMEET\n- * WITH +  [036]\n- * BROKEN [\n--- ODD  [031\n", encoding="utf-8")
    d = load_petrarch_verbs(verbs)
    assert "met" not in d.by_form and d.by_form["meets"][0].code == "031"   # irregular forms must be listed
    assert len(d.problems) == 2                                             # type: ignore[attr-defined]
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(UsageError):
        load_petrarch_verbs(empty)


def test_petrarch_eval_missing_folder_is_a_clear_error(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from detente.evaluation.petrarch import evaluate_petrarch

    with pytest.raises(UsageError) as info:
        evaluate_petrarch(tmp_path, nlp)
    assert "D080" in str(info.value) or "D001" in str(info.value)


def test_petrarch_unit_test_records(petrarch_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """The records coded from their text with our parse: a regression guard on the figure
    reported by ``detente eval petrarch`` (PETRARCH2 itself gets 90 of 279 right)."""
    from detente.evaluation.petrarch import evaluate_petrarch

    report = evaluate_petrarch(petrarch_dir, nlp)
    assert len(report.results) == 279
    assert report.exact >= 255
    assert report.total.f1 >= 0.85
    by_id = {r.record.id: r for r in report.results}
    assert by_id["DEMO-00"].exact and by_id["DATE-09"].exact and by_id["SYNSET-22c"].exact
    # new_actor_length: quoted actors at N = 4 (ACTOR-01/02), none at N = 3 or 0
    assert all(by_id[i].exact for i in ("ACTOR-01", "ACTOR-02", "ACTOR-03", "ACTOR-04"))
    categories = report.by_category()
    assert categories["SYNSET"][1] == categories["SYNSET"][0]              # every synset record right


def test_petrarch_loader_builds_all_parts(petrarch_dir: Path) -> None:
    p = petrarch_dir
    d = load_petrarch(p / "PETR.Validate.verbs.txt", [p / "PETR.Validate.actors.txt"], [p / "PETR.Validate.agents.txt"],
                      [p / "PETR.Validate.discards.txt"])
    assert ("baseball",) in d.discards and ("world", "golf", "championships") in d.discards
    assert d.actors.size > 200


def test_code_command_with_petrarch_dictionaries(petrarch_dir: Path, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 1995-01-01\n\nArnor is about to restore full diplomatic ties with Gondor.\n",
                                  encoding="utf-8")
    db = str(tmp_path / "p.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(corpus), "--db", db]).exit_code == 0
    p = petrarch_dir
    result = runner.invoke(app, ["code", "--db", db, "--again", "--json",
                                 "--petrarch-verbs", str(p / "PETR.Validate.verbs.txt"),
                                 "--petrarch-actors", str(p / "PETR.Validate.actors.txt"),
                                 "--petrarch-agents", str(p / "PETR.Validate.agents.txt")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] == 1
    listed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--include-negated"])
    [event] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (event["source"][0]["code"], event["target"][0]["code"], event["cameo"]) == ("ARN", "GON", "064")
    assert event["coder"].startswith("petrarch-dictionaries@")
    half = runner.invoke(app, ["code", "--db", db, "--petrarch-verbs", str(p / "PETR.Validate.verbs.txt")])
    assert half.exit_code == 2 and "D080" in half.stderr


def test_petrarch_actor_phrases_with_blanks_may_have_gaps(tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text("NARNIA  [NAR]\nNARNIA BROADCASTING  [NARTV]\nNARNIA_ROYAL_GUARD_  [NARMIL]\n", encoding="utf-8")
    lex = load_petrarch_actors([actors])
    # a blank lets other words stand between; an underscore joins words that must be consecutive
    assert [(w, e.codes_on(None)) for w, e in lex.gapped["narnia"]] == [(("narnia", "broadcasting"), ("NARTV",))]
