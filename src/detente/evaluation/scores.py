"""Precision, recall and F1 over multisets of items."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

__all__ = ["Score", "score"]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of true positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Score:
    """Score one item's predictions against its gold, as multisets.

    Example:
        >>> s = score([("USA", "RUS", "040")], [("USA", "RUS", "040"), ("RUS", "USA", "040")])
        >>> (s.tp, s.fp, s.fn), round(s.f1, 3)
        ((1, 1, 0), 0.667)
    """
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return Score(tp, sum(p.values()) - tp, sum(g.values()) - tp)
