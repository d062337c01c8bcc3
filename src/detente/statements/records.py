"""The records the statement extractor returns: who said what, with offsets into ``doc.text``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Speaker", "Statement"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement.

    ``name`` is canonical: for a person the fullest name the article gives them ("Fyodor
    Lukyanov" even when the cue says "Lukyanov", "he" or "the author"); for an organisation
    its name as written without a leading "the" ("Kremlin"); None for unnamed speakers
    ("officials said"). ``text`` is the speaker as written at the cue, at ``start_char`` to
    ``end_char``. ``code`` is the actor code on the article date (None if unknown); ``role``
    the role or affiliation the article gives ("a former Kremlin adviser").
    """

    name: str | None
    text: str
    start_char: int
    end_char: int
    code: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class Statement:
    """A direct quote (``direct``: the words inside the marks) or a reported statement (the
    reported clause, without "that", the attribution or the final period).

    ``cue`` is the speech verb or phrase as written ("said", "told reporters", "according
    to"), None when the speaker is known only from the context (a quote running on from the
    previous one). ``sentence_idx`` is the index, in ``doc.sents`` order, of the sentence in
    which the text starts.
    """

    text: str
    start_char: int
    end_char: int
    direct: bool
    speaker: Speaker | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    sentence_idx: int
