"""Event patterns: the words around a trigger verb that pick its CAMEO code.

One syntax serves our own dictionary (``docs/verbs.md``) and PETRARCH-format dictionaries:
``*`` is the trigger; words before it must occur before the trigger, words after it after
the trigger inside its phrase, in order, with gaps allowed unless joined by ``_``; ``&name``
is a synset; ``+``, ``$`` and ``%`` mark where the target, the source or a compound of both
is found; ``^`` passes over one noun phrase before the next marker's actor is looked for.
Markers count towards a pattern's size, so ``% * DIPLOMATIC`` is preferred to ``* DIPLOMATIC``.

A pattern is matched against two token sequences built by the coder: *upper*, the tokens
before the trigger, and *lower*, the tokens of the trigger's phrase after it. Each token is a
``(index, forms)`` pair, where ``forms`` is the set of strings the token answers to (its lower
case text, and in lemma mode its lemma).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Pattern", "PatternError", "Step", "TokenForms", "could_match", "match_pattern", "parse_pattern",
           "split_words"]

TokenForms = tuple[int, frozenset[str]]

MARKERS = {"+": "target", "$": "source", "%": "both"}


class PatternError(ValueError):
    """A pattern that cannot be read."""


@dataclass(frozen=True, slots=True)
class Step:
    """One element of a pattern side.

    ``alternatives`` are token sequences (a plain word has one; a synset one per member);
    ``joined`` means the element must directly follow the previous one (or the trigger),
    in reading order away from the trigger. A marker step has ``marker`` set and no words.
    """

    alternatives: tuple[tuple[str, ...], ...] = ()
    joined: bool = False
    marker: str | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: ``upper`` runs outward from the trigger to the left, ``lower`` to the right."""

    text: str
    code: str
    upper: tuple[Step, ...]
    lower: tuple[Step, ...]
    size: int
    #: for each word step, the first words of its alternatives: one must occur for a match
    needs: tuple[frozenset[str], ...] = ()

    @property
    def markers(self) -> tuple[str, ...]:
        return tuple(s.marker for s in (*self.upper, *self.lower) if s.marker and s.marker != "skip")


def could_match(p: Pattern, words: frozenset[str] | set[str]) -> bool:
    """Whether every word step of ``p`` has a candidate among ``words`` (all forms in reach)."""
    for need in p.needs:
        if need.isdisjoint(words):
            return False
    return True


def split_words(text: str) -> tuple[str, ...]:
    """Split a dictionary word into the tokens spaCy makes of it.

    Example:
        >>> split_words("peace-keeping")
        ('peace', '-', 'keeping')
        >>> split_words("didn't")
        ('did', "n't")
    """
    text = text.lower().replace("\u2019", "'")
    out: list[str] = []
    for part in text.replace("-", " - ").split():
        if part.endswith("n't") and len(part) > 3:
            out.extend((part[:-3], "n't"))
        elif part.endswith("'s") and len(part) > 2:
            out.extend((part[:-2], "'s"))
        else:
            out.append(part)
    return tuple(out)


def _chunks(text: str) -> list[tuple[str, bool]]:
    """``(element, joined_to_previous)`` in reading order; ``_`` and spaces separate."""
    out: list[tuple[str, bool]] = []
    join_next = False
    for chunk in text.split():
        parts = chunk.split("_")
        for k, part in enumerate(parts):
            if part == "":
                if k == len(parts) - 1:
                    join_next = True   # trailing "_": joined to what follows
                continue
            out.append((part, join_next or k > 0 and parts[k - 1] != ""))
            join_next = False
    return out


def parse_pattern(text: str, code: str, synsets: Mapping[str, tuple[tuple[str, ...], ...]]) -> Pattern:
    """Parse a pattern string (``"* sanctions on +"``, ``"SAID WOULD NOT *"``).

    Example:
        >>> p = parse_pattern("FAILED_TO_* ON +", "111", {})
        >>> [s.alternatives for s in p.upper], [s.joined for s in p.upper], p.size
        ([(('to',),), (('failed',),)], [True, True], 4)
    """
    elements = _chunks(text)
    stars = [k for k, (e, _) in enumerate(elements) if e == "*"]
    if len(stars) != 1:
        raise PatternError(f"pattern {text!r} needs exactly one '*'")
    star = stars[0]

    def step(element: str, joined: bool) -> Step | None:
        if element in MARKERS:
            return Step(marker=MARKERS[element])
        if element == "^":
            return Step(marker="skip")
        if element.startswith("&"):
            name = element[1:].lower()
            if name not in synsets:
                raise PatternError(f"pattern {text!r} uses unknown synset &{name}")
            return Step(synsets[name], joined)
        return Step((split_words(element),), joined)

    # lower: reading order from the trigger rightwards; joined = directly after the previous element
    lower = [s for e, j in elements[star + 1:] if (s := step(e, j)) is not None]
    # upper: reading order from the trigger leftwards; element k is joined when it directly
    # precedes the element to its right (which carried the join flag)
    upper: list[Step] = []
    left = elements[:star]
    for k in range(len(left) - 1, -1, -1):
        right_joined = elements[k + 1][1]
        s = step(left[k][0], right_joined)
        if s is not None:
            upper.append(s)
    size = sum(max((len(a) for a in s.alternatives), default=0) for s in (*upper, *lower))
    size += sum(1 for s in (*upper, *lower) if s.marker in ("source", "target", "both"))
    needs = tuple(frozenset(a[0] for a in s.alternatives) for s in (*upper, *lower) if not s.marker)
    return Pattern(text=text, code=code, upper=tuple(upper), lower=tuple(lower), size=size, needs=needs)


def _alt_at(tokens: Sequence[TokenForms], pos: int, alt: tuple[str, ...], direction: int) -> int | None:
    """If ``alt`` matches consecutive tokens starting at ``pos`` (reading in ``direction``), the
    position after it."""
    seq = alt if direction > 0 else tuple(reversed(alt))
    prev_index = None
    for w in seq:
        if pos >= len(tokens):
            return None
        index, forms = tokens[pos]
        if w not in forms or (prev_index is not None and index != prev_index + direction):
            return None
        prev_index = index
        pos += 1
    return pos


def match_pattern(steps: Sequence[Step], tokens: Sequence[TokenForms], anchor: int,
                  direction: int) -> dict[str, tuple[int, int]] | None:
    """Match ``steps`` against ``tokens`` (already in reading order away from the trigger).

    ``anchor`` is the trigger's token index, for ``joined`` on the first step. Returns None when
    the steps do not match, else a map from each marker to ``(position, skips)``: the position
    in ``tokens`` where its actor search starts, and how many phrases (``^``) to pass first.
    """

    def go(k: int, pos: int, last_index: int, skips: int,
           found: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]] | None:
        if k == len(steps):
            return found
        s = steps[k]
        if s.marker == "skip":
            return go(k + 1, pos, last_index, skips + 1, found)
        if s.marker:
            return go(k + 1, pos, last_index, 0, {**found, s.marker: (pos, skips)})
        starts = range(pos, len(tokens)) if not s.joined else range(pos, min(pos + 1, len(tokens)))
        for p in starts:
            if s.joined and tokens[p][0] != last_index + direction:
                return None
            for alt in s.alternatives:
                end = _alt_at(tokens, p, alt, direction)
                if end is not None:
                    got = go(k + 1, end, tokens[end - 1][0], 0, found)
                    if got is not None:
                        return got
        return None

    return go(0, 0, anchor, 0, {})
