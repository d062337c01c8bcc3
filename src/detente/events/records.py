"""Coded events -> stored :class:`~detente.types.Event` records (pure)."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Sequence

from detente.events.cameo import describe
from detente.events.coder import CodedEvent
from detente.types import Event, Sentence

__all__ = ["event_id", "event_records"]


def event_id(article_id: str, e: CodedEvent) -> str:
    """A stable id: the same event coded again from the same article gets the same id."""
    key = "|".join((article_id, str(e.trigger_start), e.cameo, ",".join(sorted(p.code for p in e.source)),
                    ",".join(sorted(p.code for p in e.target))))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_records(coded: Iterable[CodedEvent], article_id: str, sentences: Sequence[Sentence],
                  coder: str) -> list[Event]:
    """Events for storage, each pointing at its (whitespace-trimmed) sentence."""
    starts = [s.start_char for s in sentences]
    out: list[Event] = []
    seen: set[str] = set()
    for e in coded:
        k = max(0, bisect.bisect_right(starts, e.trigger_start) - 1)
        sentence = sentences[k] if sentences else None
        info = describe(e.cameo)
        key = event_id(article_id, e)
        if key in seen:
            continue
        seen.add(key)
        out.append(Event(
            event_id=key, article_id=article_id, sentence_index=sentence.index if sentence else -1,
            start_char=sentence.start_char if sentence else e.sentence_start,
            end_char=sentence.end_char if sentence else e.sentence_end,
            source=e.source, target=e.target, trigger=e.trigger, trigger_start=e.trigger_start,
            trigger_end=e.trigger_end, cameo=e.cameo, plover=info.plover if info else None,
            goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
            negated=e.negated, hypothetical=e.hypothetical, date=e.date, rule=e.rule, coder=coder,
            symmetric=e.symmetric))
    return out
