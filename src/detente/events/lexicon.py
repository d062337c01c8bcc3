"""Actor and agent phrases matched on tokens: the coder's view of an actor dictionary.

A :class:`Lexicon` holds named actors (countries, capitals, organisations, people, each with
codes that may depend on the date) and agents (sector nouns such as "troops" or titles such as
"foreign minister", which add a code to a country: ``RUS`` + ``MIL``). :meth:`Lexicon.scan`
finds the longest phrases in a token sequence, left to right.

Build one from our own dictionary with :func:`lexicon_from_dictionary`, or from PETRARCH-format
files with :func:`detente.events.petrarch.load_petrarch_actors`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from detente.actors import ActorDictionary
from detente.events.patterns import split_words

__all__ = ["ActorEntry", "AgentEntry", "Lexicon", "LexMatch", "lexicon_from_dictionary"]


@dataclass(frozen=True, slots=True)
class DatedCodes:
    """Codes valid from ``start`` to ``end`` (inclusive; None = open)."""

    codes: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor. ``codes`` is the default; the first ``dated`` block covering the date wins.

    ``resolve`` (for people in our dictionary) computes the codes from the date instead.
    ``kind`` is country, adjective, demonym, metonym, igo, person or actor.
    """

    name: str
    kind: str
    codes: tuple[str, ...] = ()
    dated: tuple[DatedCodes, ...] = ()
    resolve: Callable[[dt.date | None], tuple[str, ...]] | None = field(default=None, compare=False)

    def codes_on(self, day: dt.date | None) -> tuple[str, ...]:
        if self.resolve is not None:
            return self.resolve(day)
        if day is not None:
            for block in self.dated:
                if block.covers(day):
                    return block.codes
        return self.codes


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A sector noun or title: ``code`` is appended to the actor's code (``prefix`` puts it first)."""

    name: str
    code: str
    prefix: bool = False
    kind: str = "agent"


@dataclass(frozen=True, slots=True)
class LexMatch:
    """A phrase found at token positions [start, end) of the scanned sequence."""

    start: int
    end: int
    entry: ActorEntry | AgentEntry

    @property
    def is_agent(self) -> bool:
        return isinstance(self.entry, AgentEntry)


@dataclass(slots=True)
class _Form:
    words: tuple[str, ...]
    case: str          # "any" | "cap" (some capital needed) | "exact" (acronym: same case)
    original: tuple[str, ...]
    entry: ActorEntry | AgentEntry


class Lexicon:
    """Phrases -> actor and agent entries, with a longest-match scanner over tokens."""

    def __init__(self, name: str = "lexicon") -> None:
        self.name = name
        self._first: dict[str, list[_Form]] = {}
        self.size = 0

    def __repr__(self) -> str:
        return f"<Lexicon {self.name}: {self.size} phrases>"

    def add(self, phrase: str, entry: ActorEntry | AgentEntry, case: str | None = None) -> None:
        """Add a phrase. ``case`` defaults to: acronyms exact, capitalised names need a capital."""
        original = tuple(w for w in phrase.replace("\u2019", "'").replace("-", " - ").split())
        words = split_words(phrase)
        if not words:
            return
        if case is None:
            letters = [c for c in phrase if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
                case = "exact"
            elif any(c.isupper() for c in letters):
                case = "cap"
            else:
                case = "any"
        form = _Form(words, case, original, entry)
        bucket = self._first.setdefault(words[0], [])
        if any(f.words == words and f.entry == entry for f in bucket):
            return
        bucket.append(form)
        bucket.sort(key=lambda f: -len(f.words))
        self.size += 1

    def knows(self, word: str) -> bool:
        return word in self._first

    def scan(self, lowers: Sequence[str], texts: Sequence[str] | None = None) -> list[LexMatch]:
        """Longest phrases in ``lowers`` (lower-case token texts), left to right, no overlaps.

        ``texts`` (the tokens as written) enables the case checks; without it all forms match.
        At one position a longer phrase wins, and an actor beats an agent of the same length.
        """
        out: list[LexMatch] = []
        i, n = 0, len(lowers)
        while i < n:
            best: _Form | None = None
            for form in self._first.get(lowers[i], ()):
                k = len(form.words)
                if best is not None and k < len(best.words):
                    break
                if i + k <= n and tuple(lowers[i:i + k]) == form.words and _case_ok(form, texts, i):
                    if best is None or (isinstance(best.entry, AgentEntry) and isinstance(form.entry, ActorEntry)):
                        best = form
            if best is None:
                i += 1
                continue
            out.append(LexMatch(i, i + len(best.words), best.entry))
            i += len(best.words)
        return out


def _case_ok(form: _Form, texts: Sequence[str] | None, i: int) -> bool:
    if texts is None or form.case == "any":
        return True
    span = texts[i:i + len(form.words)]
    if form.case == "exact":
        return " ".join(span).replace(" ", "") == "".join(form.original).replace(" ", "")
    return any(c.isupper() for w in span for c in w)


def lexicon_from_dictionary(d: ActorDictionary) -> Lexicon:
    """Our actor dictionary as a :class:`Lexicon`.

    Country names, adjectives and demonyms give the country code; capitals and seats give
    its government (``RUSGOV``); organisation names and seats their code (an organisation's
    seat wins over a capital: "Brussels" is the EU); people resolve by date; agents and role
    titles add their agent code.

    Example:
        >>> lex = lexicon_from_dictionary(__import__("detente.actors").actors.load_dictionary())
        >>> words = "Russian troops and the Kremlin".split()
        >>> [(m.entry.name, m.entry.kind) for m in lex.scan([w.lower() for w in words], words)]
        [('Russia', 'adjective'), ('military', 'agent'), ('Russia', 'metonym')]
    """
    lex = Lexicon("detente")
    for igo in d.igos:
        entry = ActorEntry(igo.name, "igo", (igo.code,))
        for form in (igo.name, *igo.names):
            lex.add(_strip_the(form), entry)
        for seat in igo.seats:
            lex.add(_strip_the(seat), ActorEntry(igo.name, "metonym", (igo.code,)))
    seats = {w for igo in d.igos for w in igo.seats}
    for c in d.countries:
        named = ActorEntry(c.name, "country", (c.code,))
        for form in (c.name, *c.names):
            lex.add(_strip_the(form), named)
        for form in c.adjectives:
            lex.add(form, ActorEntry(c.name, "adjective", (c.code,)))
        for form in c.demonyms:
            lex.add(form, ActorEntry(c.name, "demonym", (c.code,)))
        for form in (*c.capitals, *c.seats):
            if form not in seats:
                lex.add(_strip_the(form), ActorEntry(c.name, "metonym", (c.code + "GOV",)))
    for p in d.people:
        def resolve(day: dt.date | None, name: str = p.name) -> tuple[str, ...]:
            match = d.person(name, day or dt.date.today())
            return (match.code,) if match else ()
        entry = ActorEntry(p.name, "person", resolve=resolve)
        for form in (p.name, *p.aliases):
            lex.add(form, entry)
    for a in d.agents:
        agent = AgentEntry(a.name, a.code)
        for term in a.terms:
            lex.add(term, agent, case="any")
    for r in d.roles:
        role = AgentEntry(r.role, r.agent, kind="role")
        for title in r.titles:
            lex.add(title, role, case="any")
            lex.add(_plural(title), role, case="any")
    return lex


def _plural(phrase: str) -> str:
    """Plural of a title's head word: "foreign minister" -> "foreign ministers"."""
    words = phrase.split()
    if " of " in f" {phrase} ":
        k = words.index("of") - 1          # "minister of defence" -> "ministers of defence"
    else:
        k = len(words) - 1
    w = words[k]
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith(("s", "x", "ch", "sh")):
        w += "es"
    elif w.endswith("y") and w[-2:-1] not in ("a", "e", "o", "u"):
        w = w[:-1] + "ies"
    else:
        w += "s"
    return " ".join((*words[:k], w, *words[k + 1:]))


def _strip_the(form: str) -> str:
    words = form.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else form
