"""Trigger dictionaries: verbs and nouns that name events, with their patterns.

:class:`VerbDictionary` is what the coder reads. It is built from our own TOML dictionary
(``detente/events/data/verbs.toml``, format in ``docs/verbs.md``) by :func:`load_verbs`, or
from a PETRARCH-format verb file by :func:`detente.events.petrarch.load_petrarch_verbs`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from detente.errors import UsageError
from detente.events.patterns import Pattern, PatternError, could_match, parse_pattern, split_words

__all__ = ["NounEntry", "VerbDictionary", "VerbEntry", "VerbsError", "load_verbs"]

CODE = re.compile(r"^(---|\d{2,4}[A-Za-z]?(:\d{2,4}[A-Za-z]?)?)$")


class VerbsError(UsageError):
    """A trigger dictionary that cannot be used; lists every problem found."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        shown = "; ".join(self.problems[:5]) + (f"; and {len(self.problems) - 5} more" if len(self.problems) > 5 else "")
        super().__init__("D082", f"{source}: {len(self.problems)} problem(s): {shown}")


#: how many :meth:`VerbEntry.hopeful` answers a verb keeps
_ANSWERS_KEPT = 4096


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A trigger verb: the forms it answers to, its default code and its patterns.

    ``before``/``after`` are words that must stand directly before/after the trigger for a
    multiword verb ("wire tap", "break down"). ``code`` ``"---"`` codes only through patterns.
    """

    name: str
    code: str
    forms: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    patterns: tuple[Pattern, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    #: the prefilter's index: pattern positions by a word their first word step needs
    _by_word: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    #: patterns with no word step (they can match any sentence)
    _free: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: every word a pattern's word step may need: :meth:`hopeful` depends on no other word
    _vocab: frozenset[str] = field(init=False, repr=False, compare=False)
    #: :meth:`hopeful`'s answers by the words of ``_vocab`` present (bounded: cleared when full)
    _answers: dict[frozenset[str], tuple[Pattern, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_word: dict[str, list[int]] = {}
        free: list[int] = []
        for k, p in enumerate(self.patterns):
            if not p.needs:
                free.append(k)
                continue
            for w in p.needs[0]:
                by_word.setdefault(w, []).append(k)
        object.__setattr__(self, "_by_word", {w: tuple(v) for w, v in by_word.items()})
        object.__setattr__(self, "_free", tuple(free))
        object.__setattr__(self, "_vocab", frozenset(w for p in self.patterns for need in p.needs for w in need))
        object.__setattr__(self, "_answers", {})

    def hopeful(self, words: set[str] | frozenset[str]) -> tuple[Pattern, ...]:
        """The patterns, in order, whose every word step has a candidate among ``words``.

        The answer depends only on which of the patterns' words are present, so it is kept by
        those (a sentence's words rarely include more than a few of a verb's pattern words).
        """
        present = self._vocab.intersection(words)
        answers = self._answers
        got = answers.get(present)
        if got is None:
            if len(answers) >= _ANSWERS_KEPT:
                answers.clear()
            got = answers[present] = self._hopeful(present)
        return got

    def _hopeful(self, words: frozenset[str]) -> tuple[Pattern, ...]:
        if len(self.patterns) <= 8:
            return tuple(p for p in self.patterns if could_match(p, words))
        picks = set(self._free)
        index = self._by_word
        for w in index.keys() & words:
            picks.update(index[w])
        return tuple(p for p in (self.patterns[k] for k in sorted(picks)) if could_match(p, words))


@dataclass(frozen=True, slots=True)
class NounEntry:
    """A noun that names an event ("talks", "sanctions"); ``symmetric`` for mutual events."""

    name: str
    code: str
    lemmas: frozenset[str]
    symmetric: bool = False
    words: tuple[tuple[str, ...], ...] = ()


@dataclass
class VerbDictionary:
    """Verb and noun triggers, indexed for the coder.

    ``lemma_mode`` says whether a pattern word also matches a token's lemma (our dictionary)
    or only its exact lower-case form (PETRARCH's, which lists the forms it means).
    """

    name: str
    verbs: list[VerbEntry] = field(default_factory=list)
    nouns: list[NounEntry] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    lemma_mode: bool = True

    def __post_init__(self) -> None:
        self.by_form: dict[str, list[VerbEntry]] = {}
        self.by_lemma: dict[str, list[VerbEntry]] = {}
        for v in self.verbs:
            for f in v.forms:
                self.by_form.setdefault(f, []).append(v)
            for lemma in v.lemmas:
                self.by_lemma.setdefault(lemma, []).append(v)
        self.noun_by_lemma: dict[str, NounEntry] = {}
        self.nouns_by_head: dict[str, list[tuple[tuple[str, ...], NounEntry]]] = {}
        for n in self.nouns:
            for lemma in n.lemmas:
                self.noun_by_lemma.setdefault(lemma, n)
            for words in n.words:
                self.nouns_by_head.setdefault(words[-1], []).append((words, n))
        for forms in self.nouns_by_head.values():
            forms.sort(key=lambda f: -len(f[0]))
        self._for: dict[tuple[str, str], list[VerbEntry]] = {}    # :meth:`verbs_for`, each pair once

    def noun_for(self, before: list[str], head: str) -> NounEntry | None:
        """The noun entry for a head word, the longest form whose words before the head match
        (``before``: the lower-case words preceding the noun, nearest last)."""
        for words, entry in self.nouns_by_head.get(head, ()):
            k = len(words) - 1
            if k == 0 or (len(before) >= k and tuple(before[-k:]) == words[:-1]):
                return entry
        return None

    def __repr__(self) -> str:
        return f"<VerbDictionary {self.name}: {len(self.verbs)} verbs, {len(self.nouns)} nouns>"

    def verbs_for(self, lower: str, lemma: str) -> list[VerbEntry]:
        """Entries a token may trigger: exact forms first, then (in lemma mode) lemmas (a list
        shared between calls: do not change it)."""
        got = self._for.get((lower, lemma))
        if got is None:
            got = list(self.by_form.get(lower, ()))
            if self.lemma_mode or not got:
                got += [v for v in self.by_lemma.get(lemma, ()) if v not in got]
            self._for[(lower, lemma)] = got
        return got


def _default_path() -> Path:
    return Path(str(resources.files("detente.events") / "data" / "verbs.toml"))


def load_verbs(path: Path | None = None) -> VerbDictionary:
    """Load our own TOML trigger dictionary (the packaged one by default).

    Example:
        >>> d = load_verbs()
        >>> d.verbs_for("met", "meet")[0].code
        '040'
    """
    path = path or _default_path()
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise VerbsError(str(path), [str(exc)]) from exc
    return verbs_from_mapping(doc, path.name)


def verbs_from_mapping(doc: Mapping[str, Any], name: str) -> VerbDictionary:
    """Build and check a :class:`VerbDictionary` from a parsed TOML document."""
    problems: list[str] = []
    synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
    for key, members in (doc.get("synsets") or {}).items():
        if not isinstance(members, list) or not all(isinstance(m, str) and m.strip() for m in members):
            problems.append(f"synset {key!r} must be a list of words")
            continue
        synsets[key.lower()] = tuple(split_words(m) for m in members)
    verbs: list[VerbEntry] = []
    seen_lemmas: dict[str, str] = {}
    for k, t in enumerate(doc.get("verb") or []):
        where = f"verb #{k + 1}"
        lemmas = t.get("lemmas")
        code = t.get("code")
        if not isinstance(lemmas, list) or not lemmas or not all(isinstance(x, str) for x in lemmas):
            problems.append(f"{where}: 'lemmas' must be a non-empty list of strings")
            continue
        where = f"verb {lemmas[0]!r}"
        if not isinstance(code, str) or not CODE.match(code):
            problems.append(f"{where}: bad code {code!r}")
            continue
        unknown = set(t) - {"lemmas", "code", "patterns", "note"}
        if unknown:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}")
        pats: list[Pattern] = []
        for p in t.get("patterns") or []:
            if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)) or not CODE.match(p[1]):
                problems.append(f"{where}: pattern {p!r} must be [text, code]")
                continue
            try:
                pats.append(parse_pattern(p[0], p[1], synsets))
            except PatternError as exc:
                problems.append(f"{where}: {exc}")
        for lemma in lemmas:
            if lemma.lower() in seen_lemmas:
                problems.append(f"{where}: lemma {lemma!r} already in verb {seen_lemmas[lemma.lower()]!r}")
            seen_lemmas[lemma.lower()] = lemmas[0]
        multi = [tuple(x.lower().split()) for x in lemmas]
        for words in multi:
            verbs.append(VerbEntry(
                name=lemmas[0], code=code, lemmas=frozenset({words[0]}), forms=frozenset(),
                patterns=_ordered(pats), after=words[1:]))
    nouns: list[NounEntry] = []
    for k, t in enumerate(doc.get("noun") or []):
        lemmas = t.get("lemmas")
        code = t.get("code")
        where = f"noun #{k + 1}"
        if not isinstance(lemmas, list) or not lemmas or not all(isinstance(x, str) for x in lemmas):
            problems.append(f"{where}: 'lemmas' must be a non-empty list of strings")
            continue
        if not isinstance(code, str) or not CODE.match(code):
            problems.append(f"noun {lemmas[0]!r}: bad code {code!r}")
            continue
        words = tuple(split_words(x) for x in lemmas)
        nouns.append(NounEntry(name=lemmas[0], code=code, symmetric=bool(t.get("symmetric", False)),
                               lemmas=frozenset(w[-1] for w in words), words=words))
    if problems:
        raise VerbsError(name, problems)
    return VerbDictionary(name=name, verbs=verbs, nouns=nouns, synsets=synsets, lemma_mode=True)


def _ordered(patterns: Iterable[Pattern]) -> tuple[Pattern, ...]:
    """Longest pattern first; ties keep the listed order."""
    return tuple(sorted(patterns, key=lambda p: -p.size))
