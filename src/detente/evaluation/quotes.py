"""Score the statement extractor against our gold articles (``evals/gold/quotes.jsonl``).

Each gold line is one article: its date, text, tags and every statement in it (direct quote
or reported clause, with offsets, speaker and cue), plus quoted strings that are *not*
statements (scare quotes, titles, nicknames). A predicted statement matches a gold one when
their spans are equal after whitespace and ``,.;:!?…-–—`` are stripped from both ends of both.

The report gives span precision/recall/F1; speaker accuracy (the share of matched gold
statements whose predicted speaker name equals the gold one, case-folded, without a leading
"the"; None matches None); direct-flag accuracy; recall per tag; how many not-statements
were emitted; and every failure, for ``detente eval quotes --failures``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from detente.evaluation.gold import gold_date, gold_file, read_gold_lines
from detente.evaluation.scores import Score
from detente.statements import Statement, extract_statements

__all__ = ["ArticleResult", "Failure", "QuoteGoldItem", "QuotesReport", "default_quotes_path", "evaluate_quotes",
           "normalize_name", "normalize_span", "read_quotes_gold", "score_article"]

STRIP = " \t\r\n,.;:!?…-–—"


@dataclass(frozen=True, slots=True)
class QuoteGoldItem:
    id: str
    date: dt.date | None
    text: str
    tags: tuple[str, ...]
    statements: tuple[dict[str, Any], ...]
    not_statements: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Failure:
    """One error: ``kind`` is missed, spurious, speaker, direct or not_statement."""

    id: str
    kind: str
    gold: dict[str, Any] | None
    predicted: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "gold": self.gold, "predicted": self.predicted}


@dataclass
class ArticleResult:
    item: QuoteGoldItem
    predicted: list[Statement]
    matched: list[tuple[int, int]] = field(default_factory=list)     # (gold index, predicted index)
    emitted_not_statements: list[int] = field(default_factory=list)

    @property
    def span(self) -> Score:
        tp = len(self.matched)
        return Score(tp, len(self.predicted) - tp, len(self.item.statements) - tp)

    def speaker_hits(self) -> int:
        return sum(normalize_name(self.item.statements[g].get("speaker")) ==
                   normalize_name(_name(self.predicted[p])) for g, p in self.matched)

    def direct_hits(self) -> int:
        return sum(bool(self.item.statements[g].get("direct")) == self.predicted[p].direct for g, p in self.matched)


def normalize_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without whitespace and ``,.;:!?…-–—`` at either end.

    Example:
        >>> t = 'He said: “We will win,” and left.'
        >>> normalize_span(t, 10, 22), t[10:21]
        ((10, 21), 'We will win')
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def normalize_name(name: str | None) -> str | None:
    """A speaker name for comparison: case-folded, spaces collapsed, without a leading "the "."""
    if name is None:
        return None
    return " ".join(name.replace("\u2019", "'").split()).casefold().removeprefix("the ")


def _name(s: Statement) -> str | None:
    return s.speaker.name if s.speaker is not None else None


def _predicted_dict(s: Statement) -> dict[str, Any]:
    sp = s.speaker
    return {"text": s.text, "start": s.start_char, "end": s.end_char, "direct": s.direct,
            "speaker": sp.name if sp else None, "speaker_text": sp.text if sp else None,
            "code": sp.code if sp else None, "role": sp.role if sp else None, "cue": s.cue}


@dataclass
class QuotesReport:
    results: list[ArticleResult] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return sum(len(r.item.statements) for r in self.results)

    @property
    def predicted(self) -> int:
        return sum(len(r.predicted) for r in self.results)

    @property
    def matched(self) -> int:
        return sum(len(r.matched) for r in self.results)

    @property
    def span(self) -> Score:
        out = Score()
        for r in self.results:
            out = out + r.span
        return out

    @property
    def speaker_accuracy(self) -> float:
        return sum(r.speaker_hits() for r in self.results) / self.matched if self.matched else 0.0

    @property
    def direct_accuracy(self) -> float:
        return sum(r.direct_hits() for r in self.results) / self.matched if self.matched else 0.0

    @property
    def not_statements(self) -> int:
        return sum(len(r.item.not_statements) for r in self.results)

    @property
    def not_statements_emitted(self) -> int:
        return sum(len(r.emitted_not_statements) for r in self.results)

    def tags(self) -> list[str]:
        return sorted({t for r in self.results for t in r.item.tags})

    def by_tag(self) -> dict[str, dict[str, Any]]:
        """Per tag: gold statements, matched, recall, speaker accuracy over the matched."""
        out: dict[str, dict[str, Any]] = {}
        for tag in self.tags():
            rs = [r for r in self.results if tag in r.item.tags]
            gold = sum(len(r.item.statements) for r in rs)
            matched = sum(len(r.matched) for r in rs)
            speakers = sum(r.speaker_hits() for r in rs)
            out[tag] = {"articles": len(rs), "gold": gold, "matched": matched,
                        "recall": round(matched / gold, 3) if gold else None,
                        "speaker_accuracy": round(speakers / matched, 3) if matched else None}
        return out

    def failures(self) -> list[Failure]:
        out: list[Failure] = []
        for r in self.results:
            gold_hit = {g for g, _ in r.matched}
            pred_hit = {p for _, p in r.matched}
            for g, p in r.matched:
                gs, ps = r.item.statements[g], r.predicted[p]
                if normalize_name(gs.get("speaker")) != normalize_name(_name(ps)):
                    out.append(Failure(r.item.id, "speaker", gs, _predicted_dict(ps)))
                if bool(gs.get("direct")) != ps.direct:
                    out.append(Failure(r.item.id, "direct", gs, _predicted_dict(ps)))
            for g, gs in enumerate(r.item.statements):
                if g not in gold_hit:
                    out.append(Failure(r.item.id, "missed", gs, None))
            for p, ps in enumerate(r.predicted):
                if p not in pred_hit:
                    out.append(Failure(r.item.id, "spurious", None, _predicted_dict(ps)))
            for k in r.emitted_not_statements:
                out.append(Failure(r.item.id, "not_statement", r.item.not_statements[k], None))
        return out

    def as_dict(self) -> dict[str, Any]:
        s = self.span
        return {
            "articles": len(self.results),
            "statements": {"gold": self.gold, "predicted": self.predicted, "matched": self.matched},
            "span": {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),
                     "recall": round(s.recall, 3), "f1": round(s.f1, 3)},
            "speaker_accuracy": round(self.speaker_accuracy, 3),
            "direct_accuracy": round(self.direct_accuracy, 3),
            "tags": self.by_tag(),
            "not_statements": {"gold": self.not_statements, "emitted": self.not_statements_emitted},
            "failures": [f.as_dict() for f in self.failures()],
        }


def default_quotes_path() -> Path:
    """``evals/gold/quotes.jsonl``."""
    return gold_file("quotes.jsonl")


def _quote_item(d: dict[str, Any]) -> QuoteGoldItem:
    statements = tuple(d.get("statements") or ())
    for st in statements:
        int(st["start"]), int(st["end"])
    return QuoteGoldItem(id=str(d["id"]), date=gold_date(d), text=d["text"], tags=tuple(d.get("tags") or ()),
                         statements=statements, not_statements=tuple(d.get("not_statements") or ()))


def read_quotes_gold(path: Path) -> list[QuoteGoldItem]:
    return read_gold_lines(path, _quote_item)


def score_article(item: QuoteGoldItem, predicted: Iterable[Statement]) -> ArticleResult:
    """Match one article's predicted statements to its gold ones (one to one, by span)."""
    text = item.text
    result = ArticleResult(item, sorted(predicted, key=lambda s: (s.start_char, s.end_char)))
    free: dict[tuple[int, int], list[int]] = {}
    for g, gs in enumerate(item.statements):
        free.setdefault(normalize_span(text, int(gs["start"]), int(gs["end"])), []).append(g)
    for p, s in enumerate(result.predicted):
        key = normalize_span(text, s.start_char, s.end_char)
        if free.get(key):
            result.matched.append((free[key].pop(0), p))
    spans = [normalize_span(text, s.start_char, s.end_char) for s in result.predicted]
    for k, ns in enumerate(item.not_statements):
        a, b = normalize_span(text, int(ns["start"]), int(ns["end"]))
        if any(a - 1 <= pa and pb <= b + 1 and pb > pa for pa, pb in spans):
            result.emitted_not_statements.append(k)
    return result


def evaluate_quotes(path: Path | None = None, nlp: Language | None = None) -> QuotesReport:
    """Extract the statements of every gold article and score them.

    Example:
        >>> report = evaluate_quotes()  # doctest: +SKIP
        >>> round(report.span.f1, 2), round(report.speaker_accuracy, 2)  # doctest: +SKIP
        (0.93, 0.96)
    """
    items = read_quotes_gold(path or default_quotes_path())
    if nlp is None:
        from detente.nlp import load_model

        nlp = load_model()
    from detente.events import load_coder

    lexicon = load_coder().lexicon
    report = QuotesReport()
    for item, doc in zip(items, nlp.pipe(it.text for it in items), strict=True):
        report.results.append(score_article(item, extract_statements(doc, item.date, lexicon)))
    return report
