"""Tone: how positive or negative a sentence, and an article, reads.

A sentence's tone is VADER's compound score (Hutto & Gilbert 2014, ``vaderSentiment``), a
normalised sum of the valences of its words after VADER's rules for negation, intensifiers,
"but", capitals and punctuation, in [-1, 1]. It is computed per sentence because VADER was
built and validated on short texts: over a long text the sum saturates towards -1 or +1 and
one strong sentence swamps the rest. An article's tone is the mean of its sentences' tones,
each weighted by its number of words, so a one-word caption counts less than a long
paragraph-opening sentence (method: ``docs/issues.md``, "Tone")::

    >>> tone("The talks were constructive and both sides welcomed the progress.") > 0.5
    True
    >>> tone("The shelling killed civilians and destroyed the hospital.") < -0.5
    True
    >>> article_tone([("Good.", 0.4404), ("The attack was a terrible, deadly escalation.", -0.8)])
    -0.645
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import Any

from detente.errors import UsageError

__all__ = ["article_tone", "tone", "word_count"]

_WORD = re.compile(r"\S*\w\S*")


@functools.cache
def _analyzer() -> Any:
    """VADER's analyzer, built once (it reads its lexicon from the installed package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1], rounded to 4 places; 0.0 for blank text.

    Example:
        >>> tone("Moscow welcomed the agreement."), tone("   ")
        (0.6808, 0.0)
    """
    if not text or text.isspace():
        return 0.0
    return round(float(_analyzer().polarity_scores(text)["compound"]), 4)


def word_count(text: str) -> int:
    """The words of ``text``: whitespace-separated tokens with at least one letter or digit.

    >>> word_count("The U.S.-Russia talks – in Riyadh – ended.")
    6
    """
    return len(_WORD.findall(text))


def article_tone(sentences: Sequence[tuple[str, float]]) -> float | None:
    """The mean tone of an article's ``(sentence text, sentence tone)`` pairs, weighted by words.

    Each sentence counts in proportion to :func:`word_count` of its text; the result is rounded
    to 4 places. None when the sentences hold no words (no sentences, or only blank ones).

    Raises:
        UsageError: ``[D080]`` when a tone is not a number in [-1, 1].

    Example:
        >>> article_tone([("Talks resumed.", 0.0), ("Both sides praised a fruitful meeting.", 0.9)])
        0.675
        >>> article_tone([]) is None
        True
    """
    total = 0
    weighted = 0.0
    for text, score in sentences:
        if not (isinstance(score, (int, float)) and math.isfinite(score) and -1.0 <= score <= 1.0):
            raise UsageError("D080", f"sentence tone {score!r} is not a number in [-1, 1]",
                             hint="pass the scores that tone() returns")
        words = word_count(text)
        total += words
        weighted += words * score
    if total == 0:
        return None
    return round(weighted / total, 4)
