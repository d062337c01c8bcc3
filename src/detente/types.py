"""The records that flow between detente's stages.

All are frozen, slotted dataclasses. Offsets (``start_char``, ``end_char``) always point into
``Article.text``, the cleaned text, which is the canonical form of an article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Article", "Document", "Event", "Mention", "Party", "Problem", "Sentence"]


@dataclass(frozen=True, slots=True)
class Document:
    """One raw item as a reader found it, before cleaning.

    ``locator`` names the item for humans and for error reports: a path, ``path#L12``
    for a JSONL line, ``path#row=3`` for a CSV row, ``path#entry=2`` for a feed entry, or a URL.
    """

    text: str
    locator: str
    format: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    external_id: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """An item that could not be used (``level='error'``) or was used with a caveat."""

    locator: str
    code: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.locator}: [{self.code}] {self.message}"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, dated, identified article: the unit everything else points into."""

    id: str
    text: str
    format: str
    locator: str
    title: str | None = None
    path: str | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    encoding: str | None = None
    published: dt.date | None = None
    date_method: str = "none"
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, by character offsets into the cleaned text."""

    article_id: str
    index: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention (PERSON, ORG, GPE, NORP, LOC, DATE) in a sentence."""

    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Party:
    """An actor of an event: its code, the words naming it, and their offsets in the text.

    ``kind`` says what named it: country, adjective, demonym, metonym, igo, person, actor,
    agent (a sector noun alone: ``---GOV``) or pronoun/role references resolved to a person.
    """

    code: str
    text: str
    start_char: int
    end_char: int
    kind: str = "actor"


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event as stored: who did what to whom, when, and the sentence that says so.

    ``start_char``/``end_char`` are the sentence's offsets in the article text;
    ``trigger_start``/``trigger_end`` the trigger's. ``negated`` and ``hypothetical`` events
    are stored but never count as having happened.
    """

    event_id: str
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    source: tuple[Party, ...]
    target: tuple[Party, ...]
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    negated: bool
    hypothetical: bool
    date: dt.date | None
    rule: str
    coder: str
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement as stored: a direct quote (the words inside the marks) or a reported one
    (the reported clause), who said it, and the cue that says so. Offsets point into the
    article text; ``about`` lists the actor codes the statement's text names."""

    quote_id: str
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    direct: bool
    speaker_name: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_code: str | None
    speaker_role: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    about: tuple[str, ...]
    tone: float | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class IssueMention:
    """Words naming an issue of the taxonomy in a sentence, an event's sentence or a statement.

    ``kind`` is sentence, event or statement; ``ref`` the sentence index, event id or quote id.
    """

    article_id: str
    kind: str
    ref: str
    issue: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What detente reads from one parsed article besides its events: statements, issue
    mentions, each sentence's tone (in sentence order) and the article's tone."""

    article_id: str
    quotes: tuple[Quote, ...] = ()
    issues: tuple[IssueMention, ...] = ()
    sentence_tones: tuple[tuple[int, float], ...] = ()
    tone: float | None = None
