"""Gold evaluation: reading gold files, scoring small hand-made items, ``detente eval gold``,
and the shape of our real gold file (which is read here, never evaluated whole)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import UsageError
from detente.evaluation.gold import GoldReport, agreement, default_gold_path, evaluate_gold, read_gold
from detente.events import PLOVER_TYPES, describe, load_coder

runner = CliRunner()
LEVELS = {"type", "source", "target", "triple", "strict"}

EXPEL = "Norway expelled three Russian diplomats on Monday."
NOT_EXPEL = "Canada did not expel Indian diplomats."
WEATHER = "The weather in Oslo was mild on Tuesday."


def ev(source: list[str], target: list[str], plover: str, cameo: str, negated: bool = False,
       hypothetical: bool = False) -> dict[str, Any]:
    return {"source": source, "target": target, "plover": plover, "cameo": cameo, "negated": negated,
            "hypothetical": hypothetical}


#: Items whose scores are certain: p1 right, p2 with a deliberately wrong target, p3 and p4 no event
#: (p4's context states one, which must not be scored), p5 right with no target (scored as "").
ITEMS: list[dict[str, Any]] = [
    {"id": "p1", "date": "2025-06-04", "text": "Japan and Australia held joint exercises on Tuesday.",
     "tags": ["cooperate", "compound"],
     "events": [ev(["JPN", "AUS"], ["JPN", "AUS"], "COOPERATE", "062")]},
    {"id": "p2", "date": "2025-06-04", "text": EXPEL, "tags": ["sanction", "agent"],
     "events": [ev(["NOR"], ["RUSMIL"], "SANCTION", "161")]},
    {"id": "p3", "date": "2025-06-04", "text": WEATHER, "tags": ["no_event"], "events": []},
    {"id": "p4", "date": "2025-06-04", "context": EXPEL, "text": WEATHER, "tags": ["no_event"], "events": []},
    {"id": "p5", "date": "2025-06-04", "text": "China mobilized its reserves.", "tags": ["mobilize"],
     "events": [ev(["CHN"], [], "MOBILIZE", "154")]},
]

#: Negation and modality: n1 negated in gold and by the coder; n2 the same sentence with gold saying it
#: happened; n3 an asserted sentence whose gold (wrongly) says it did not; n4 hypothetical in both.
NEGATION: list[dict[str, Any]] = [
    {"id": "n1", "date": "2025-06-04", "text": NOT_EXPEL, "tags": ["negation"],
     "events": [ev(["CAN"], ["INDDIP"], "SANCTION", "161", negated=True)]},
    {"id": "n2", "date": "2025-06-04", "text": NOT_EXPEL, "tags": ["negation"],
     "events": [ev(["CAN"], ["INDDIP"], "SANCTION", "161")]},
    {"id": "n3", "date": "2025-06-04", "text": EXPEL, "tags": ["sanction"],
     "events": [ev(["NOR"], ["RUSDIP"], "SANCTION", "161", negated=True)]},
    {"id": "n4", "date": "2025-06-04", "text": "Egypt will send aid to Sudan.", "tags": ["modality"],
     "events": [ev(["EGY"], ["SDN"], "AID", "070", hypothetical=True)]},
]


def write(tmp_path: Path, items: list[dict[str, Any]], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def counts(report: GoldReport, level: str, tag: str | None = None) -> tuple[int, int, int]:
    s = report.total(level, tag)
    return s.tp, s.fp, s.fn


# ------------------------------------------------------------------------------------- read_gold


def test_read_gold_fields(tmp_path: Path) -> None:
    """Each line becomes a GoldItem; blank lines are skipped; optional fields have defaults."""
    path = tmp_path / "g.jsonl"
    lines = [json.dumps(ITEMS[0]), "", json.dumps(ITEMS[3]),
             json.dumps({"id": 7, "text": "No date, tags or events here."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_gold(path)
    assert [i.id for i in items] == ["p1", "p4", "7"]
    first, second, third = items
    assert first.date == dt.date(2025, 6, 4) and first.text == ITEMS[0]["text"] and first.context == ""
    assert first.tags == ("cooperate", "compound")
    assert first.events == (ITEMS[0]["events"][0],)
    assert second.context == EXPEL and second.events == ()
    assert third.date is None and third.tags == () and third.events == ()


def test_read_gold_bad_json_names_its_line(tmp_path: Path) -> None:
    """A line that is not JSON is a usage error naming the file and the line (blank lines count)."""
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ITEMS[0]) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.jsonl#L3") as info:
        read_gold(path)
    assert info.value.code == "D020"


def test_read_gold_missing_text_names_its_line(tmp_path: Path) -> None:
    """An item without ``text`` is a usage error naming its line and the missing key."""
    path = write(tmp_path, [ITEMS[0], {"id": "x", "date": "2025-06-04", "events": []}])
    with pytest.raises(UsageError, match=r"#L2\b.*'text'"):
        read_gold(path)


def test_read_gold_bad_date(tmp_path: Path) -> None:
    """A date that is not ISO is a usage error too."""
    path = write(tmp_path, [{**ITEMS[0], "date": "4 June 2025"}])
    with pytest.raises(UsageError, match="#L1"):
        read_gold(path)


def test_read_gold_missing_file(tmp_path: Path) -> None:
    """A file that cannot be read is D001 (path not found), naming the file."""
    with pytest.raises(UsageError, match="nope.jsonl") as info:
        read_gold(tmp_path / "nope.jsonl")
    assert info.value.code == "D001"


# --------------------------------------------------------------------------------- evaluate_gold


@pytest.fixture(scope="module")
def report(nlp, tmp_path_factory: pytest.TempPathFactory) -> GoldReport:  # type: ignore[no-untyped-def]
    return evaluate_gold(read_gold(write(tmp_path_factory.mktemp("gold"), ITEMS)), nlp, load_coder())


@pytest.fixture(scope="module")
def negation_report(nlp, tmp_path_factory: pytest.TempPathFactory) -> GoldReport:  # type: ignore[no-untyped-def]
    return evaluate_gold(read_gold(write(tmp_path_factory.mktemp("neg"), NEGATION)), nlp, load_coder())


@pytest.mark.slow
def test_evaluate_gold_levels(report: GoldReport) -> None:
    """Totals per level: p1's two symmetric pairs and p5 are right; p2's target is wrong on purpose."""
    assert [r.item.id for r in report.results] == ["p1", "p2", "p3", "p4", "p5"]
    assert counts(report, "type") == (3, 0, 0)
    assert counts(report, "source") == (4, 0, 0)         # (COOPERATE, JPN), (COOPERATE, AUS), (SANCTION, NOR), (MOBILIZE, CHN)
    assert counts(report, "target") == (3, 1, 1)
    assert counts(report, "triple") == (3, 1, 1)
    assert counts(report, "strict") == (3, 1, 1)
    triple = report.total("triple")
    assert triple.precision == pytest.approx(3 / 4) and triple.recall == pytest.approx(3 / 4)


@pytest.mark.slow
def test_evaluate_gold_per_item(report: GoldReport) -> None:
    """The wrong gold costs one fp and one fn; no-event items (even after an event context) cost nothing."""
    by_id = {r.item.id: r for r in report.results}
    wrong = by_id["p2"].score("triple")
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)
    assert by_id["p2"].score("type").tp == 1            # the type was right
    for key in ("p3", "p4"):
        for level in LEVELS:
            s = by_id[key].score(level)
            assert (s.tp, s.fp, s.fn) == (0, 0, 0), (key, level)
    assert by_id["p1"].rules and all("verbs.toml" in rule for rule in by_id["p1"].rules)
    assert by_id["p4"].rules == []                       # the context's expulsion was not kept
    assert by_id["p5"].gold["triple"] == by_id["p5"].predicted["triple"] == {("CHN", "", "MOBILIZE"): 1}


@pytest.mark.slow
def test_evaluate_gold_tags(report: GoldReport) -> None:
    """Triple totals per tag, and the list of tags."""
    assert report.tags() == ["agent", "compound", "cooperate", "mobilize", "no_event", "sanction"]
    assert counts(report, "triple", "cooperate") == (2, 0, 0)
    assert counts(report, "triple", "sanction") == (0, 1, 1)
    assert counts(report, "triple", "no_event") == (0, 0, 0)
    assert report.total("triple", "sanction").f1 == 0.0


@pytest.mark.slow
def test_evaluate_gold_strict_needs_the_right_flag(negation_report: GoldReport) -> None:
    """Strict matches only when the coder's negated/hypothetical flag agrees with the gold."""
    by_id = {r.item.id: r for r in negation_report.results}
    for key in ("n1", "n2", "n3", "n4"):
        assert by_id[key].score("triple").tp == 1, key   # who did what to whom is right every time
    assert by_id["n1"].score("strict").tp == 1           # negated in both
    assert by_id["n4"].score("strict").tp == 1           # hypothetical in both
    for key in ("n2", "n3"):
        s = by_id[key].score("strict")
        assert (s.tp, s.fp, s.fn) == (0, 1, 1), key


@pytest.mark.slow
def test_asserted_errors_lists_unasserted_gold_coded_as_happened(negation_report: GoldReport) -> None:
    """Only n3 counts: the gold says it did not happen and the coder says it did. n2 is the
    opposite mistake (the coder is more careful than the gold) and is not listed."""
    assert [r.item.id for r in negation_report.asserted_errors()] == ["n3"]


def test_asserted_errors_ignore_a_triple_the_gold_also_asserts() -> None:
    """"could meet X ... after a call with X": the gold has the same triple both ways; coding it
    as having happened is right for one of them, so it is no error."""
    from detente.evaluation.gold import GoldItem, ItemResult, _levels

    item = GoldItem("m1", None, "text", "", (), ())
    gold = _levels([(["USA"], ["RUS"], "CONSULT", False), (["USA"], ["RUS"], "CONSULT", True)])
    only_maybe = _levels([(["USA"], ["RUS"], "CONSULT", False)])
    coded = _levels([(["USA"], ["RUS"], "CONSULT", True)])
    assert GoldReport([ItemResult(item, gold, coded)]).asserted_errors() == []
    assert [r.item.id for r in GoldReport([ItemResult(item, only_maybe, coded)]).asserted_errors()] == ["m1"]


def test_type_level_counts_a_symmetric_events_two_rows_once() -> None:
    """The coder writes "Russia met Ukraine" as two rows (RUS→UKR, UKR→RUS) with one trigger and
    code: one occurrence at the type level, both pairs at the others. Rows of another trigger, a
    one-sided event, or a symmetric row that does not mirror the first stay events of their own."""
    from detente.evaluation.gold import _levels, _predicted
    from detente.events.coder import CodedEvent, Party

    def event(source: str, target: str, start: int, cameo: str = "040", symmetric: bool = True) -> CodedEvent:
        return CodedEvent(source=(Party(source, source, 0, 1),), target=(Party(target, target, 2, 3),),
                          cameo=cameo, trigger="met", trigger_start=start, trigger_end=start + 3,
                          sentence_start=0, sentence_end=40, symmetric=symmetric)

    gold = _levels([(["RUS", "UKR"], ["RUS", "UKR"], "CONSULT", True)])
    coded = _levels(*_predicted([event("RUS", "UKR", 7), event("UKR", "RUS", 7)]))
    assert coded == gold
    assert coded["type"] == {"CONSULT": 1} and coded["triple"] == {("RUS", "UKR", "CONSULT"): 1, ("UKR", "RUS", "CONSULT"): 1}
    # another trigger, or a row that mirrors nothing, is another occurrence
    assert _levels(*_predicted([event("RUS", "UKR", 7), event("UKR", "RUS", 20)]))["type"] == {"CONSULT": 2}
    assert _levels(*_predicted([event("RUS", "UKR", 7), event("RUS", "BLR", 7)]))["type"] == {"CONSULT": 2}
    # two one-sided events of one trigger stay two
    assert _levels(*_predicted([event("RUS", "UKR", 7, "190", False), event("UKR", "RUS", 7, "190", False)]))["type"] == \
        {"ASSAULT": 2}


@pytest.mark.slow
def test_asserted_errors_empty_when_the_coder_agrees(report: GoldReport) -> None:
    """Items with only asserted gold events cannot be asserted errors, right or wrong."""
    assert report.asserted_errors() == []


# ---------------------------------------------------------------------------------------- the CLI


@pytest.mark.slow
def test_cli_eval_gold_json(tmp_path: Path) -> None:
    """``--json`` prints the sentence count, every level with P/R/F1, and per-tag triples."""
    result = runner.invoke(app, ["eval", "gold", "--gold", str(write(tmp_path, ITEMS)), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sentences"] == 5
    assert set(data["levels"]) == LEVELS
    for level, figures in data["levels"].items():
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(figures), level
        assert all(0.0 <= figures[k] <= 1.0 for k in ("precision", "recall", "f1"))
    triple = data["levels"]["triple"]
    assert (triple["tp"], triple["fp"], triple["fn"]) == (3, 1, 1)
    assert triple["precision"] == triple["recall"] == triple["f1"] == 0.75
    assert data["levels"]["type"]["f1"] == 1.0
    assert set(data["tags"]) == {"agent", "compound", "cooperate", "mobilize", "no_event", "sanction"}
    assert data["tags"]["cooperate"]["f1"] == 1.0 and data["tags"]["sanction"]["f1"] == 0.0
    assert data["unasserted_coded_as_asserted"] == []


@pytest.mark.slow
def test_cli_eval_gold_text_with_failures(tmp_path: Path) -> None:
    """The table view names the asserted errors; ``--failures`` lists sentences with a wrong triple only."""
    path = write(tmp_path, ITEMS + NEGATION)
    result = runner.invoke(app, ["eval", "gold", "--gold", str(path), "--failures"])
    assert result.exit_code == 0, result.output
    assert "Gold events: 9 sentences" in result.stdout
    assert "coded as having happened: 1 (n3)" in result.stdout
    listed = [line.split(":")[0] for line in result.stdout.splitlines() if line[:1] in "pn" and line[1:2].isdigit()]
    assert listed == ["p2"]                              # n2, n3 differ only in their flags
    assert "RUSMIL" in result.stdout                     # the wrong gold is shown beside what was coded


def test_cli_eval_gold_missing_file(tmp_path: Path) -> None:
    """A missing gold file is a one-line D001 error on stderr and exit code 1."""
    result = runner.invoke(app, ["eval", "gold", "--gold", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[D001]") and "missing.jsonl" in lines[0]
    assert result.stdout == ""


def test_cli_eval_gold_bad_line(tmp_path: Path) -> None:
    """A malformed gold line is a one-line D020 error naming the line."""
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ITEMS[0]) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "gold", "--gold", str(path), "--json"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[D020]") and "#L2" in lines[0]


# --------------------------------------------------------------------------------- our gold file


@pytest.fixture(scope="module", params=["events.jsonl", "events_heldout.jsonl"])
def our_gold(request):  # type: ignore[no-untyped-def]
    """The development gold and the held-out gold (read for their shape, never scored here)."""
    return read_gold(default_gold_path().parent / request.param)


def test_our_gold_file_size_and_ids(our_gold) -> None:  # type: ignore[no-untyped-def]
    """At least 200 dated sentences with unique ids."""
    assert default_gold_path().is_file()
    assert len(our_gold) >= 200
    ids = [i.id for i in our_gold]
    assert len(set(ids)) == len(ids)
    assert all(i.text.strip() and i.date is not None for i in our_gold)


def test_our_gold_file_plover_types(our_gold) -> None:  # type: ignore[no-untyped-def]
    """Every event has a PLOVER type; all 16 occur; each CAMEO code maps to its type."""
    events = [e for i in our_gold for e in i.events]
    assert events
    assert all(e["plover"] in PLOVER_TYPES for e in events)
    assert {e["plover"] for e in events} == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
    for e in events:
        info = describe(e["cameo"])
        assert info is not None and info.plover == e["plover"], e


def test_our_gold_file_has_no_event_sentences(our_gold) -> None:  # type: ignore[no-untyped-def]
    """Sentences tagged no_event state no event, and some exist."""
    empty = [i for i in our_gold if "no_event" in i.tags]
    assert len(empty) >= 20 and all(i.events == () for i in empty)


# ------------------------------------------------------------------ agreement of two annotations

def test_agreement_scores_the_second_annotation_against_the_first(tmp_path: Path) -> None:
    """p1 annotated alike; p2 with another target and an extra event; p5 with the flag changed."""
    first = write(tmp_path, [ITEMS[0], ITEMS[1], ITEMS[4]], "first.jsonl")
    second = write(tmp_path, [
        ITEMS[0],
        {**ITEMS[1], "events": [ev(["NOR"], ["RUSDIP"], "SANCTION", "161"), ev(["RUS"], ["NOR"], "THREATEN", "130")]},
        {**ITEMS[4], "events": [ev(["CHN"], [], "MOBILIZE", "154", hypothetical=True)]},
    ], "second.jsonl")
    report = agreement(read_gold(first), read_gold(second))
    triple, strict, kind = report.total("triple"), report.total("strict"), report.total("type")
    assert (triple.tp, triple.fp, triple.fn) == (3, 2, 1)     # JPN-AUS both ways and CHN; 2 new, NOR-RUSMIL lost
    assert (strict.tp, strict.fp, strict.fn) == (2, 3, 2)     # the hypothetical CHN event no longer agrees
    assert (kind.tp, kind.fp, kind.fn) == (3, 1, 0)
    result = runner.invoke(app, ["eval", "agreement", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sentences"] == 3 and data["identical"] == 1
    assert data["levels"]["triple"]["f1"] == round(triple.f1, 3)


def test_agreement_scores_a_sample_of_the_first_annotations_sentences(tmp_path: Path) -> None:
    first = write(tmp_path, [ITEMS[0], ITEMS[1]], "first.jsonl")
    sample = write(tmp_path, [{**ITEMS[1], "events": []}], "sample.jsonl")
    report = agreement(read_gold(first), read_gold(sample))
    assert [r.item.id for r in report.results] == ["p2"]
    assert (report.total("triple").tp, report.total("triple").fn) == (0, 1)


def test_agreement_needs_sentences_of_the_first(tmp_path: Path) -> None:
    first = write(tmp_path, [ITEMS[0], ITEMS[1]], "first.jsonl")
    more = write(tmp_path, [ITEMS[0], ITEMS[2]], "more.jsonl")
    reworded = write(tmp_path, [ITEMS[0], {**ITEMS[1], "text": NOT_EXPEL}], "reworded.jsonl")
    empty = write(tmp_path, [], "empty.jsonl")
    with pytest.raises(UsageError, match="not in the first: p3"):
        agreement(read_gold(first), read_gold(more))
    with pytest.raises(UsageError, match="text differs: p2"):
        agreement(read_gold(first), read_gold(reworded))
    with pytest.raises(UsageError, match="it has none"):
        agreement(read_gold(first), read_gold(empty))
    result = runner.invoke(app, ["eval", "agreement", str(first), str(more)])
    assert result.exit_code != 0 and "D080" in result.output


def test_heldout_second_annotation_covers_the_heldout_sentences() -> None:
    """The second, independent annotation of the held-out file (evals/gold/README.md) annotates
    all its sentences, in the gold format."""
    folder = default_gold_path().parent
    second = read_gold(folder / "events_heldout_second.jsonl")
    report = agreement(read_gold(folder / "events_heldout.jsonl"), second)
    assert [r.item.id for r in report.results] == [f"h{k:04d}" for k in range(1, 221)]
    for item in second:
        for e in item.events:
            info = describe(e["cameo"])
            assert e["plover"] in PLOVER_TYPES and info is not None and info.plover == e["plover"], item.id
            assert e["source"], item.id
