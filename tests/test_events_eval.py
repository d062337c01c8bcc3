"""Gold scoring, the gold file itself, discards and the eval command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import UsageError
from detente.evaluation.gold import default_gold_path, evaluate_gold, read_gold
from detente.events import PLOVER_TYPES, load_coder

runner = CliRunner()

ITEMS = [
    {"id": "t1", "date": "2025-03-19", "text": "Russia attacked Ukraine on Tuesday.",
     "events": [{"source": ["RUS"], "target": ["UKR"], "plover": "ASSAULT", "cameo": "190"}]},
    # deliberately wrong gold: the coder's right answer must count as one fp and one fn
    {"id": "t2", "date": "2025-03-19", "text": "France accused Germany of spying.",
     "events": [{"source": ["FRA"], "target": ["ITA"], "plover": "ACCUSE", "cameo": "112"}]},
    {"id": "t3", "date": "2025-03-19", "text": "The weather in Paris was cold on Tuesday.", "events": []},
    {"id": "t4", "date": "2025-03-19", "text": "Russia did not attack Ukraine.",
     "events": [{"source": ["RUS"], "target": ["UKR"], "plover": "ASSAULT", "cameo": "190", "negated": True}]},
]


def write(tmp_path: Path, items: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_gold_scoring_counts(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_gold(read_gold(write(tmp_path, ITEMS)), nlp, load_coder())
    by_id = {r.item.id: r for r in report.results}
    assert by_id["t1"].score("triple").tp == 1 and by_id["t1"].score("triple").fp == 0
    wrong = by_id["t2"].score("triple")
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)
    assert by_id["t2"].score("type").tp == 1          # the type is right even if the target is not
    assert by_id["t3"].score("triple") == by_id["t3"].score("type") and by_id["t3"].score("triple").fp == 0
    assert by_id["t4"].score("strict").tp == 1        # negated in gold and flagged by the coder
    assert report.asserted_errors() == []
    total = report.total("triple")
    assert (total.tp, total.fp, total.fn) == (2, 1, 1)


def test_gold_flags_an_unasserted_event_coded_as_happened(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    items = [{"id": "h1", "date": "2025-03-19", "text": "Russia attacked Ukraine on Tuesday.",
              "events": [{"source": ["RUS"], "target": ["UKR"], "plover": "ASSAULT", "cameo": "190",
                          "hypothetical": True}]}]
    report = evaluate_gold(read_gold(write(tmp_path, items)), nlp, load_coder())
    assert [r.item.id for r in report.asserted_errors()] == ["h1"]


def test_gold_bad_files_are_clear_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "date": "2025-01-01"}\n{not json\n', encoding="utf-8")
    with pytest.raises(UsageError, match="#L2"):
        read_gold(bad)
    missing_text = tmp_path / "m.jsonl"
    missing_text.write_text('{"id": "a", "date": "2025-01-01"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="#L1"):
        read_gold(missing_text)
    with pytest.raises(UsageError):
        read_gold(tmp_path / "nope.jsonl")


def test_our_gold_file_is_complete() -> None:
    items = read_gold(default_gold_path())
    assert len(items) >= 200 and len({i.id for i in items}) == len(items)
    plovers = {e["plover"] for i in items for e in i.events}
    assert plovers == set(PLOVER_TYPES)
    tags = {t for i in items for t in i.tags}
    assert {"negation", "modality", "compound", "reported_speech", "passive", "nominal", "no_event"} <= tags


def test_eval_gold_command(tmp_path: Path) -> None:
    path = write(tmp_path, ITEMS)
    result = runner.invoke(app, ["eval", "gold", "--gold", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sentences"] == 4
    assert set(data["levels"]) == {"type", "source", "target", "triple", "strict"}
    assert data["levels"]["triple"]["tp"] == 2
    missing = runner.invoke(app, ["eval", "gold", "--gold", str(tmp_path / "missing.jsonl")])
    assert missing.exit_code == 1 and missing.stderr.startswith("[D001]")


def test_sport_is_discarded(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = load_coder()
    day = dt.date(2025, 6, 1)
    assert coder.code_doc(nlp("Brazil beat Argentina 2-1 in the World Cup semi-final on Sunday."), day) == []
    assert coder.code_doc(nlp("Argentina expelled Brazilian diplomats on Sunday."), day)
