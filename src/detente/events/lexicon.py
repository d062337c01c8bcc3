"""Actor and agent phrases matched on tokens: the coder's view of an actor dictionary.

A :class:`Lexicon` holds named actors (countries, capitals, organisations, people, non-state
groups, cities, each with codes that may depend on the date) and agents (sector nouns such as "troops" or titles such as
"foreign minister", which add a code to a country: ``RUS`` + ``MIL``). :meth:`Lexicon.scan`
finds the longest phrases in a token sequence, left to right.

Build one from our own dictionary with :func:`lexicon_from_dictionary`, or from PETRARCH-format
files with :func:`detente.events.petrarch.load_petrarch_actors`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress

from detente.actors import ActorDictionary, Body, City, Group
from detente.actors.dictionary import GROUP_AGENTS
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
    ``choices`` (for a name several people share) gives, when ``codes_on`` finds none, the code of
    each person the name may denote that day; the coder picks one by the countries named around
    it (``Coder._choose_people``).
    ``kind`` is country, adjective, demonym, metonym, igo, group, body, city, person or actor, or
    reference (a noun such as "country" that may refer back to one: no codes of its own).
    """

    name: str
    kind: str
    codes: tuple[str, ...] = ()
    dated: tuple[DatedCodes, ...] = ()
    resolve: Callable[[dt.date | None], tuple[str, ...]] | None = field(default=None, compare=False)
    choices: Callable[[dt.date | None], tuple[str, ...]] | None = field(default=None, compare=False)

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
        #: the same forms by their first two words, and the one-word forms (for :meth:`scan`)
        self._pairs: dict[tuple[str, ...], list[_Form]] = {}
        self._single: dict[str, list[_Form]] = {}
        self._known: set[tuple[tuple[str, ...], ActorEntry | AgentEntry]] = set()
        self.size = 0
        #: phrases whose words may stand apart inside one noun phrase (PETRARCH's blank, as against
        #: "_": "ITHILEN TELEVISION" names "Ithilen state-run television"), by their first word
        self.gapped: dict[str, list[tuple[tuple[str, ...], ActorEntry | AgentEntry]]] = {}
        #: the last words of names whose entry has ``choices`` (a cheap test for the coder)
        self.choosy: set[str] = set()

    def __repr__(self) -> str:
        return f"<Lexicon {self.name}: {self.size} phrases>"

    def add(self, phrase: str, entry: ActorEntry | AgentEntry, case: str | None = None,
            words: tuple[str, ...] | None = None) -> None:
        """Add a phrase. ``case`` defaults to: acronyms exact, capitalised names need a capital.
        ``words`` (lower case, as spaCy tokenises the phrase) overrides :func:`split_words`."""
        original = tuple(w for w in phrase.replace("\u2019", "'").replace("-", " - ").split())
        words = words if words is not None else split_words(phrase)
        if not words:
            return
        if case is None:
            case = _case_of(phrase)
        form = _Form(words, case, original, entry)
        if (words, entry) in self._known:
            return
        self._known.add((words, entry))
        bisect.insort(self._first.setdefault(words[0], []), form, key=_longest_first)   # after those as long
        if len(words) > 1:
            bisect.insort(self._pairs.setdefault(words[:2], []), form, key=_longest_first)
        else:
            self._single.setdefault(words[0], []).append(form)
        self.size += 1

    def knows(self, word: str) -> bool:
        return word in self._first

    def scan(self, lowers: Sequence[str], texts: Sequence[str] | None = None, offset: int = 0) -> list[LexMatch]:
        """Longest phrases in ``lowers`` (lower-case token texts), left to right, no overlaps.

        ``texts`` (the tokens as written) enables the case checks; without it all forms match.
        At one position a longer phrase wins, and an actor beats an agent of the same length.
        Match positions are counted from ``offset`` (a sentence's first token in its document).
        """
        out: list[LexMatch] = []
        n = len(lowers)
        first = self._first
        free = 0     # the first position not inside a match
        for i in compress(range(n), map(first.__contains__, lowers)):
            if i < free:
                continue
            best: _Form | None = None
            longer = self._pairs.get((lowers[i], lowers[i + 1]), ()) if i + 1 < n else ()
            for form in chain(longer, self._single.get(lowers[i], ())):
                k = len(form.words)
                if best is not None and k < len(best.words):
                    break
                if i + k <= n and (k <= 2 or tuple(lowers[i:i + k]) == form.words) and _case_ok(form, texts, i):
                    if best is None or (isinstance(best.entry, AgentEntry) and isinstance(form.entry, ActorEntry)):
                        best = form
            if best is not None:
                out.append(LexMatch(offset + i, offset + i + len(best.words), best.entry))
                free = i + len(best.words)
        return out


def _resolver(d: ActorDictionary, name: str) -> Callable[[dt.date | None], tuple[str, ...]]:
    """A person's codes on a day (today without one), each day looked up once."""
    known: dict[dt.date, tuple[str, ...]] = {}

    def resolve(day: dt.date | None) -> tuple[str, ...]:
        on = day or dt.date.today()
        got = known.get(on)
        if got is None:
            match = d.person(name, on)
            got = known[on] = (match.code,) if match else ()
        return got
    return resolve


def _chooser(d: ActorDictionary, name: str) -> Callable[[dt.date | None], tuple[str, ...]]:
    """The codes of everyone a shared name may denote on a day (today without one), when
    more than one may."""
    known: dict[dt.date, tuple[str, ...]] = {}

    def choices(day: dt.date | None) -> tuple[str, ...]:
        on = day or dt.date.today()
        got = known.get(on)
        if got is None:
            matches = d.people_on(name, on)
            got = known[on] = tuple(m.code for m in matches) if len(matches) > 1 else ()
        return got
    return choices


def _longest_first(form: _Form) -> int:
    return -len(form.words)


def _case_of(phrase: str) -> str:
    """How a phrase must be written to match: ``exact`` (an acronym), ``cap`` or ``any``."""
    letters = [c for c in phrase if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return "exact"
    return "cap" if any(c.isupper() for c in letters) else "any"


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
    titles add their agent code. A non-state group's names and adjectives give its code (kind
    ``group``; dated where it changed: the Taliban in power are ``AFGGOV``), and so do they followed
    by a term for its fighters: "Houthi rebels", "Hamas militants", "Wagner troops" are the
    group itself (``YEMREB``, ``PSEREB``, not ``PSEREBUAF``; see :func:`_add_group`). A city's
    names give its country (kind ``city``: "Kharkiv" -> ``UKR``, a place and its people, not
    ``UKRGOV``; capitals stay metonyms), written with a capital as listed. A state body's names
    give its code (kind ``body``: "the IDF" -> ``ISRMIL``, "Xinhua" -> ``CHNMED``), which no agent
    term extends ("IDF soldiers" stays ``ISRMIL``).

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
        entry = ActorEntry(p.name, "person", resolve=_resolver(d, p.name))
        if len(d.people_named(p.name)) > 1:
            # a name two people share ("King Abdullah"): the coder may choose between them; an
            # alias of this person alone ("Abdullah bin Abdulaziz") resolves to this person
            shared = ActorEntry(p.name, "person", resolve=_resolver(d, p.name), choices=_chooser(d, p.name))
            for form in (p.name, *p.aliases):
                alone = d.people_named(form) == [p]
                lex.add(form, ActorEntry(p.name, "person", resolve=_resolver(d, form)) if alone else shared)
                if not alone:
                    lex.choosy.add(split_words(form)[-1])
            continue
        for form in (p.name, *p.aliases):
            lex.add(form, entry)
    for g in d.groups:
        _add_group(lex, d, g)
    for b in d.bodies:
        _add_body(lex, b)
    for city in d.cities:
        _add_city(lex, city)
    for a in d.agents:
        agent = AgentEntry(a.name, a.code)
        for term in a.terms:
            lex.add(term, agent, case="any")
    for r in d.roles:
        role = AgentEntry(r.role, r.agent, kind="role")
        for title in r.titles:
            lex.add(title, role, case="any")
            lex.add(_plural(title), role, case="any")
    for noun, refers in REFERENCES.items():
        lex.add(noun, ActorEntry(refers, "reference"), case="any")
    return lex


#: Nouns that, after "the", refer back to an actor named before, with the kind of actor each
#: refers to: "the country" (a country), "the bloc" (an organisation), "the mercenary group" (a
#: non-state group). They are actor phrases of kind ``reference`` with no code of their own: the
#: coder resolves a definite one to the last fitting actor (``Coder._resolve_references``);
#: otherwise they name no one. A longer name wins at the same word ("Republic of Korea", "Group of
#: Seven"); an agent term is never one ("militia", "rebels" stay agents).
REFERENCES = {
    "country": "country", "nation": "country", "kingdom": "country", "island": "country", "republic": "country",
    "island nation": "country", "emirate": "country",
    "bloc": "igo",
    "group": "group", "movement": "group", "mercenary group": "group", "militant group": "group",
    "islamist group": "group", "armed group": "group", "rebel group": "group", "jihadist group": "group",
    "extremist group": "group", "militant movement": "group", "rebel movement": "group", "ruling party": "group",
}


#: Agents whose terms, after a group's name or adjective, name the group's own fighters
#: ("Hamas militants", "Hezbollah extremists", "Taliban forces").
_ARMED_AGENTS = ("REB", "UAF", "RAD", "MIL")


def _add_group(lex: Lexicon, d: ActorDictionary, g: Group) -> None:
    """A group's names and adjectives as actor phrases of kind ``group``, alone and followed by
    a term for its fighters.

    A fighters' term of another agent than the group's own makes one phrase that keeps the
    group's code ("Hamas militants" -> ``PSEREB``, not ``PSEREBUAF``); in a period with a state
    code the fighters are that state's military ("Taliban forces" in 2023 -> ``AFGMIL``). The
    group's own agent is left to combine as for a country ("Houthi rebels": ``YEMREB`` + ``REB``
    stays ``YEMREB``, and "Yemen's Houthi rebels" is ``YEM`` + ``REB``), and so are the others
    ("Hamas officials" -> ``PSEREBGOV``).
    """
    own = _group_entry(g, lambda code: code)
    armed = _group_entry(g, lambda code: code if code[3:] in GROUP_AGENTS else code[:3] + "MIL")
    terms = [t for a in d.agents if a.code in _ARMED_AGENTS and a.code != g.code[3:] for t in a.terms]
    for form in (g.name, *g.names, *g.adjectives):
        form = _strip_the(form)
        case = _case_of(form)
        for variant in _group_variants(form):
            words = _group_words(variant)
            lex.add(variant, own, case, words)
            for term in terms:
                lex.add(f"{variant} {term}", armed, case, words + split_words(term))


def _group_entry(g: Group, code_of: Callable[[str], str]) -> ActorEntry:
    if not g.periods:
        return ActorEntry(g.name, "group", (code_of(g.code),))
    dated = tuple(DatedCodes((code_of(p.code),), p.start, p.end) for p in g.periods)

    def resolve(day: dt.date | None) -> tuple[str, ...]:
        return (code_of(g.code_on(day or dt.date.today())),)    # no date: today's, as for people

    return ActorEntry(g.name, "group", (code_of(g.code),), dated, resolve)


def _add_body(lex: Lexicon, b: Body) -> None:
    """A state body's names and adjectives as actor phrases of kind ``body`` with its code (dated
    where it changed), written as listed or with spaces for hyphens."""
    entry = _group_entry(b, lambda code: code)
    entry = ActorEntry(entry.name, "body", entry.codes, entry.dated, entry.resolve)
    for form in (b.name, *b.names, *b.adjectives):
        form = _strip_the(form)
        for variant in _group_variants(form):
            lex.add(variant, entry, _case_of(form), _group_words(variant))


def _add_city(lex: Lexicon, city: City) -> None:
    """A city's names as actor phrases of kind ``city`` with its country's code (dated where its
    country changed), written as listed or with spaces for hyphens ("Rostov on Don")."""
    entry = ActorEntry(city.name, "city", (city.country,))
    if city.periods:
        dated = tuple(DatedCodes((p.country,), p.start, p.end) for p in city.periods)

        def resolve(day: dt.date | None) -> tuple[str, ...]:
            return (city.country_on(day or dt.date.today()),)    # no date: today's, as for groups

        entry = ActorEntry(city.name, "city", (city.country,), dated, resolve)
    for form in (city.name, *city.names):
        form = _strip_the(form)
        for variant in _group_variants(form):
            lex.add(variant, entry, _case_of(form))


def _group_variants(form: str) -> Iterator[str]:
    """A form as written and, if it has hyphens, with spaces instead ("al-Qaeda", "al Qaeda")."""
    yield form
    if "-" in form:
        yield " ".join(form.replace("-", " ").split())


_DIGIT_HYPHEN = re.compile(r"(?<=\w)-(?=\d)")


def _group_words(form: str) -> tuple[str, ...]:
    """The tokens spaCy makes of a group's name: as :func:`split_words`, but a hyphen before a
    digit stays inside the word ("MS-13"), brackets are tokens ("CPI (Maoist)") and so is a
    final apostrophe ("Kurdistan Workers' Party")."""
    text = _DIGIT_HYPHEN.sub("\u2060", form.replace("\u2019", "'"))
    text = re.sub(r"([()])", r" \1 ", text)
    text = re.sub(r"(?<=\w)'(?=\s|$)", " '", text)
    return tuple(w.replace("\u2060", "-") for w in split_words(text))


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
