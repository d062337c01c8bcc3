"""Reading an article beyond its events (pure): statements with their speakers, the issues
its sentences, events and statements name, and tone.

:func:`read_article` is the pipeline's stage after coding: it takes the parsed document, the
stored sentences and the article's events and returns a :class:`~detente.types.Reading`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from detente.types import Event, IssueMention, Quote, Reading, Sentence

__all__ = ["quote_id", "read_article"]


def quote_id(article_id: str, start_char: int, end_char: int) -> str:
    """A stable id: the same statement read again from the same article gets the same id."""
    return hashlib.sha256(f"{article_id}|{start_char}|{end_char}".encode()).hexdigest()[:16]


def read_article(doc: Any, article_id: str, published: dt.date | None, sentences: Sequence[Sentence],
                 events: Sequence[Event] = (), lexicon: Any = None) -> Reading:
    """Statements, issue mentions and tone of one parsed article.

    ``lexicon`` is the coder's actor lexicon (our own by default): it names speakers' codes
    and the actors a statement is about.
    """
    from detente.issues import load_issues
    from detente.statements import extract_statements
    from detente.tone import article_tone, tone

    if lexicon is None:
        from detente.events import load_coder

        lexicon = load_coder().lexicon
    issues = load_issues()
    starts = [s.start_char for s in sentences]
    text = doc.text

    def sentence_at(char: int) -> int:
        k = bisect.bisect_right(starts, char) - 1
        return sentences[k].index if k >= 0 and sentences else -1

    mentions: list[IssueMention] = []
    tones: list[tuple[int, float]] = []
    by_sentence: dict[tuple[int, int], list[Any]] = {}
    for s in sentences:
        tones.append((s.index, tone(s.text)))
        tags = by_sentence[(s.start_char, s.end_char)] = issues.tag(s.text, s.start_char)
        mentions.extend(IssueMention(article_id, "sentence", str(s.index), t.key, t.start, t.end, t.text)
                        for t in tags)
    for e in events:
        # an event's issues are its sentence's
        tags = by_sentence.get((e.start_char, e.end_char))
        if tags is None:
            tags = issues.tag(text[e.start_char:e.end_char], e.start_char)
        mentions.extend(IssueMention(article_id, "event", e.event_id, t.key, t.start, t.end, t.text)
                        for t in tags)
    quotes: list[Quote] = []
    seen: set[str] = set()
    for st in extract_statements(doc, published, lexicon):
        key = quote_id(article_id, st.start_char, st.end_char)
        if key in seen:
            continue
        seen.add(key)
        sp = st.speaker
        quotes.append(Quote(
            quote_id=key, article_id=article_id, sentence_index=sentence_at(st.start_char),
            start_char=st.start_char, end_char=st.end_char, text=st.text, direct=st.direct,
            speaker_name=sp.name if sp else None, speaker_text=sp.text if sp else None,
            speaker_start=sp.start_char if sp else None, speaker_end=sp.end_char if sp else None,
            speaker_code=sp.code if sp else None, speaker_role=sp.role if sp else None,
            cue=st.cue, cue_start=st.cue_start, cue_end=st.cue_end,
            about=_named_actors(doc, st.start_char, st.end_char, published, lexicon),
            tone=tone(st.text), date=published))
        mentions.extend(IssueMention(article_id, "statement", key, t.key, t.start, t.end, t.text)
                        for t in issues.tag(st.text, st.start_char))
    weighted = [(s.text, t) for s, (_, t) in zip(sentences, tones)]
    return Reading(article_id, tuple(quotes), tuple(mentions), tuple(tones), article_tone(weighted))


def _named_actors(doc: Any, start: int, end: int, day: dt.date | None, lexicon: Any) -> tuple[str, ...]:
    """Actor codes named by the words between two character offsets (countries, capitals,
    organisations, people), in order, without repeats."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    tokens = list(span)
    lowers = [t.lower_.replace("\u2019", "'") for t in tokens]
    out: list[str] = []
    for m in lexicon.scan(lowers, [t.text for t in tokens]):
        codes = getattr(m.entry, "codes_on", None)
        if codes is None:
            continue       # an agent alone ("troops") names no one
        for code in codes(day):
            if code not in out:
                out.append(code)
    return tuple(out)
