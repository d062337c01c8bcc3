"""The quote scorer: span matching, speaker and direct-flag accuracy, per-tag recall, failures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from detente.errors import UsageError
from detente.evaluation.quotes import (
    QuoteGoldItem,
    QuotesReport,
    evaluate_quotes,
    normalize_name,
    normalize_span,
    read_quotes_gold,
    score_article,
)
from detente.statements import Speaker, Statement

TEXT = "“We will not yield,” Anton Brekke said. Castle Hill said the border would reopen. The “reset” failed."


def gold_statement(text: str, speaker: str | None, direct: bool, cue: str = "said") -> dict[str, Any]:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text), "direct": direct, "speaker": speaker,
            "code": None, "cue": cue}


def predicted(text: str, speaker: str | None, direct: bool, start: int | None = None) -> Statement:
    start = TEXT.index(text) if start is None else start
    sp = Speaker(speaker, speaker or "officials", 0, 1, None, None)
    return Statement(text, start, start + len(text), direct, sp, "said", 0, 1, 0)


def item(statements: list[dict[str, Any]], tags: tuple[str, ...] = ("curly",)) -> QuoteGoldItem:
    reset = TEXT.index("reset")
    return QuoteGoldItem("t1", None, TEXT, tags, tuple(statements),
                         ({"text": "reset", "start": reset, "end": reset + 5, "why": "scare_quote"},))


GOLD = [gold_statement("We will not yield,", "Anton Brekke", True),
        gold_statement("the border would reopen", "Castle Hill", False)]


def test_eval_quotes_normalize_span_and_name() -> None:
    text = "He said: “We will win!” —"
    a, b = normalize_span(text, 8, len(text))
    assert text[a:b] == "“We will win!”"
    assert normalize_span(text, 10, 22) == (10, 21)
    assert normalize_name("The  Kremlin") == normalize_name("kremlin") == "kremlin"
    assert normalize_name(None) is None


def test_eval_quotes_perfect() -> None:
    # the prediction keeps the comma inside the marks, the gold does too: punctuation at the ends is ignored
    result = score_article(item(GOLD), [predicted("We will not yield", "Anton Brekke", True),
                                        predicted("the border would reopen.", "the Castle Hill", False)])
    report = QuotesReport([result])
    assert (report.span.tp, report.span.fp, report.span.fn) == (2, 0, 0)
    assert report.speaker_accuracy == 1.0 and report.direct_accuracy == 1.0
    assert report.failures() == [] and report.not_statements_emitted == 0


def test_eval_quotes_partial_and_not_statement() -> None:
    reset = TEXT.index("reset")
    result = score_article(item(GOLD), [predicted("We will not yield", "Anton Brekke", True),
                                        predicted("the border", "Castle Hill", False),
                                        predicted("reset", None, True, reset)])
    report = QuotesReport([result])
    assert (report.span.tp, report.span.fp, report.span.fn) == (1, 2, 1)
    assert round(report.span.precision, 3) == 0.333 and report.span.recall == 0.5
    assert report.not_statements_emitted == 1
    kinds = sorted(f.kind for f in report.failures())
    assert kinds == ["missed", "not_statement", "spurious", "spurious"]


def test_eval_quotes_speaker_and_direct_wrong() -> None:
    result = score_article(item(GOLD), [predicted("We will not yield", "Brekke", True),
                                        predicted("the border would reopen", None, True)])
    report = QuotesReport([result])
    assert report.span.f1 == 1.0
    assert report.speaker_accuracy == 0.0 and report.direct_accuracy == 0.5
    assert sorted(f.kind for f in report.failures()) == ["direct", "speaker", "speaker"]


def test_eval_quotes_none_matches_none_and_tags() -> None:
    gold = [gold_statement("We will not yield,", None, True)]
    report = QuotesReport([score_article(item(gold, ("curly", "no_speaker")), [predicted("We will not yield", None, True)]),
                           score_article(item(GOLD, ("reported",)), [])])
    assert report.speaker_accuracy == 1.0
    tags = report.by_tag()
    assert tags["no_speaker"]["recall"] == 1.0 and tags["reported"]["recall"] == 0.0
    assert tags["curly"]["gold"] == 1 and tags["reported"]["gold"] == 2


def test_eval_quotes_bad_gold_lines(tmp_path: Path) -> None:
    path = tmp_path / "quotes.jsonl"
    path.write_text('{"id": "x", "text": "t", "statements": [{"start": "zero"}]}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="D020"):
        read_quotes_gold(path)
    with pytest.raises(UsageError, match="D001"):
        read_quotes_gold(tmp_path / "missing.jsonl")


# ------------------------------------------------------------------- the extractor, end to end

ARTICLES = [
    # the extractor gets this one right
    ("a1", "“We will not yield,” Anton Brekke, a Norlandic diplomat, said. He added that talks would resume.",
     [("We will not yield,", "Anton Brekke", True), ("talks would resume", "Anton Brekke", False)], ["speaker_after"]),
    # the gold names another speaker (to prove a wrong speaker is counted)
    ("a2", "Vera Holm said the border would reopen in May.",
     [("the border would reopen in May", "Erik Lund", False)], ["reported"]),
    # the gold holds a statement the extractor cannot find (no cue at all)
    ("a3", "The talks ended early. Nobody expected a deal, the mood suggested.",
     [("The talks ended early", "Anton Brekke", False)], ["reported"]),
]


@pytest.mark.slow
def test_eval_quotes_end_to_end(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "quotes.jsonl"
    lines = []
    for id_, text, statements, tags in ARTICLES:
        rows = []
        for s, speaker, direct in statements:
            start = text.index(s)
            rows.append({"text": s, "start": start, "end": start + len(s), "direct": direct, "speaker": speaker,
                         "code": None, "cue": "said"})
        lines.append(json.dumps({"id": id_, "date": "2025-03-19", "text": text, "tags": tags, "statements": rows,
                                 "not_statements": []}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate_quotes(path, nlp)
    assert (report.gold, report.matched) == (4, 3)
    assert report.span.fn == 1
    assert round(report.speaker_accuracy, 3) == round(2 / 3, 3)
    out = report.as_dict()
    assert out["statements"] == {"gold": 4, "predicted": report.predicted, "matched": 3}
    assert out["tags"]["speaker_after"]["recall"] == 1.0
    kinds = {(f["id"], f["kind"]) for f in out["failures"]}
    assert ("a2", "speaker") in kinds and ("a3", "missed") in kinds
    assert not any(f["id"] == "a1" for f in out["failures"])
    json.dumps(out)
