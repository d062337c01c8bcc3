"""Score the event coder against our own gold sentences (``evals/gold/events.jsonl``).

Each gold line is one sentence with its article date and the events it states (format:
``evals/gold/README.md``). Gold and predicted events are expanded into (source, target)
pairs, self-pairs dropped, an empty target scored as ``""``. Only events with a PLOVER type
are scored (CAMEO's public statements have none). Scores, as multisets per sentence:

- **type**: the PLOVER type of each event;
- **source** / **target**: (PLOVER type, source) and (PLOVER type, target) of each pair;
- **triple**: (source, target, PLOVER type) of each pair;
- **strict**: the triple plus whether the event is asserted (neither negated nor hypothetical).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from detente.errors import UsageError
from detente.evaluation.scores import Score, score
from detente.events.coder import CodedEvent, Coder

T = TypeVar("T")

__all__ = ["GoldItem", "GoldReport", "agreement", "default_gold_path", "evaluate_gold", "gold_date", "gold_file", "read_gold",
           "read_gold_lines"]

LEVELS = ("type", "source", "target", "triple", "strict")


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    date: dt.date | None
    text: str
    context: str
    events: tuple[dict[str, Any], ...]
    tags: tuple[str, ...]


@dataclass
class ItemResult:
    item: GoldItem
    gold: dict[str, Counter[Any]]
    predicted: dict[str, Counter[Any]]
    rules: list[str] = field(default_factory=list)

    def score(self, level: str) -> Score:
        return score(self.gold[level].elements(), self.predicted[level].elements())


@dataclass
class GoldReport:
    results: list[ItemResult] = field(default_factory=list)

    def total(self, level: str, tag: str | None = None) -> Score:
        out = Score()
        for r in self.results:
            if tag is None or tag in r.item.tags:
                out = out + r.score(level)
        return out

    def tags(self) -> list[str]:
        return sorted({t for r in self.results for t in r.item.tags})

    def asserted_errors(self) -> list[ItemResult]:
        """Items where an event the gold says did not happen (negated/hypothetical) was coded as asserted."""
        out = []
        for r in self.results:
            # (a triple the gold also asserts, "could meet ... after a phone call", is no error)
            unasserted = {k[:3] for k in r.gold["strict"] if not k[3]} - {k[:3] for k in r.gold["strict"] if k[3]}
            if any(k[:3] in unasserted and k[3] for k in r.predicted["strict"]):
                out.append(r)
        return out


def gold_file(name: str) -> Path:
    """``evals/gold/NAME`` of the source tree, else of the working directory."""
    here = Path(__file__).resolve().parents[3] / "evals" / "gold" / name
    return here if here.is_file() else Path("evals/gold") / name


def default_gold_path() -> Path:
    """``evals/gold/events.jsonl``."""
    return gold_file("events.jsonl")


def read_gold_lines(path: Path, build: Callable[[dict[str, Any]], T]) -> list[T]:
    """One item per JSON line of a gold file, made by ``build``; an unreadable file is D001,
    a line ``build`` cannot read (a missing or bad field) is D020 with its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError("D001", f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(build(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError("D020", f"{path}#L{n}: bad gold line: {exc}") from exc
    return items


def gold_date(d: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(d["date"]) if d.get("date") else None


def read_gold(path: Path) -> list[GoldItem]:
    return read_gold_lines(path, lambda d: GoldItem(
        id=str(d["id"]), date=gold_date(d), text=d["text"], context=d.get("context") or "",
        events=tuple(d.get("events") or ()), tags=tuple(d.get("tags") or ())))


def _pairs(source: Iterable[str], target: Iterable[str]) -> list[tuple[str, str]]:
    targets = list(dict.fromkeys(target)) or [""]
    return [(s, t) for s in dict.fromkeys(source) for t in targets if s != t]


def _levels(events: Iterable[tuple[list[str], list[str], str, bool]],
            mirrors: Iterable[bool] = ()) -> dict[str, Counter[Any]]:
    """The multisets of every level. ``mirrors`` flags events that are the second row of one
    occurrence: their pairs count, their type does not (again)."""
    out: dict[str, Counter[Any]] = {level: Counter() for level in LEVELS}
    mirrored = iter(mirrors)
    for source, target, plover, asserted in events:
        if not next(mirrored, False):
            out["type"][plover] += 1
        pairs = _pairs(source, target)
        for s, t in pairs:
            out["source"][(plover, s)] += 1
            out["target"][(plover, t)] += 1
            out["triple"][(s, t, plover)] += 1
            out["strict"][(s, t, plover, asserted)] += 1
    return out


def _predicted(events: Iterable[CodedEvent]) -> tuple[list[tuple[list[str], list[str], str, bool]], list[bool]]:
    """The coded events with a PLOVER type, and for each whether it is the mirrored row of a
    symmetric event: the coder writes "Russia met Ukraine" as two rows (A→B, B→A) with one
    trigger and code, one occurrence, as the dyads and alerts count it."""
    from detente.events.cameo import describe

    out, mirrors = [], []
    rows: dict[tuple[int, int, str], list[tuple[frozenset[str], frozenset[str]]]] = {}
    for e in events:
        info = describe(e.cameo)
        if info is None or info.plover is None:
            continue
        source, target = [p.code for p in e.source], [p.code for p in e.target]
        mirror = False
        if e.symmetric:
            key, parties = (e.trigger_start, e.trigger_end, e.cameo), (frozenset(source), frozenset(target))
            mirror = (parties[1], parties[0]) in rows.get(key, ())
            rows.setdefault(key, []).append(parties)
        out.append((source, target, info.plover, not (e.negated or e.hypothetical)))
        mirrors.append(mirror)
    return out, mirrors


def _annotated(item: GoldItem) -> dict[str, Counter[Any]]:
    return _levels(([*e.get("source", [])], [*e.get("target", [])], e["plover"],
                    not (e.get("negated") or e.get("hypothetical"))) for e in item.events)


def evaluate_gold(items: list[GoldItem], nlp: Language, coder: Coder) -> GoldReport:
    """Code every gold sentence (after its context, if any) and score it."""
    report = GoldReport()
    texts = [(it.context + " " if it.context else "") + it.text for it in items]
    for item, doc in zip(items, nlp.pipe(texts), strict=True):
        start = len(item.context) + 1 if item.context else 0
        coded = [e for e in coder.code_doc(doc, item.date) if e.trigger_start >= start]
        report.results.append(ItemResult(item, _annotated(item), _levels(*_predicted(coded)), [e.rule for e in coded]))
    return report


def agreement(reference: list[GoldItem], other: list[GoldItem]) -> GoldReport:
    """Score a second annotation against the first, as :func:`evaluate_gold` scores the coder:
    how far two annotators following the same conventions agree.

    The second may annotate a sample of the first's sentences; each of its sentences must be in
    the first, with the same text (D080 otherwise). Only those sentences are scored."""
    first = {it.id: it for it in reference}
    extra = [it.id for it in other if it.id not in first]
    changed = [it.id for it in other if it.id in first and first[it.id].text != it.text]
    if extra or changed or not other:
        problems = [f"{what}: {', '.join(ids[:5])}{' …' if len(ids) > 5 else ''}"
                    for what, ids in (("not in the first", extra), ("text differs", changed)) if ids]
        raise UsageError("D080", "the second annotation must annotate sentences of the first "
                                 f"({'; '.join(problems) or 'it has none'})")
    return GoldReport([ItemResult(first[it.id], _annotated(first[it.id]), _annotated(it)) for it in other])
