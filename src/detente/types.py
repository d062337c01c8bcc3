"""The records that flow between detente's stages.

All are frozen, slotted dataclasses. Offsets (``start_char``, ``end_char``) always point into
``Article.text``, the cleaned text, which is the canonical form of an article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Article", "Document", "Mention", "Problem", "Sentence"]


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
