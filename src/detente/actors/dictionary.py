"""The actor dictionary: countries, international organisations, sector agents, roles, people,
non-state groups, state bodies and cities.

The data are TOML files in detente's own format (``docs/actors.md``), kept in
``detente/actors/data/``. :func:`load_dictionary` reads them, checks every entry against the
schema, collects every problem into one :class:`DictionaryError` (``[D082]``), and builds the
lookup tables of an :class:`ActorDictionary`.

How a text matches a surface form (a name, adjective, capital, alias, title or term):

* spacing, hyphens and curly apostrophes are normalised, and a leading "the" is ignored;
* a form without lower-case letters ("US", "U.S.", "NATO") is an acronym: it matches only
  exactly, so "us" is never the United States;
* a form with a capital ("Turkey", "the Kremlin") matches in any case, but never an
  all-lower-case text, so "turkey" is not Türkiye;
* an all-lower-case form (agent terms, role titles) matches in any case.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from detente.errors import UsageError

__all__ = [
    "ActorDictionary", "Agent", "Body", "City", "CityPeriod", "Country", "DictionaryError", "Group", "GroupPeriod", "Igo",
    "Person", "PersonMatch", "PersonRole", "Role", "load_dictionary",
]

FILES = ("countries.toml", "igos.toml", "agents.toml", "roles.toml", "people.toml", "groups.toml", "bodies.toml",
         "cities.toml")
OPTIONAL_FILES = frozenset({"people.toml", "groups.toml", "bodies.toml", "cities.toml"})
STATUSES = frozenset({"member", "observer", "other"})
COUNTRY_CODE = re.compile(r"[A-Z]{3}")
AGENT_CODE = re.compile(r"[A-Z]{3}")
#: CAMEO IGO/NGO codes are built of three-letter parts: IGOWSTNAT, IGOUNOHLHWHO, NGOHRIAMN.
IGO_CODE = re.compile(r"(?:IGO|NGO)(?:[A-Z]{3}){0,4}")
ROLE_KEY = re.compile(r"[a-z][a-z_]*")
#: The non-state agents a group's own code may end in: REB rebels (CAMEO's insurgents and
#: separatists too, as in Phoenix), UAF unaligned armed forces (militias, paramilitaries,
#: mercenaries), RAD radicals (transnational extremist networks), OPP political opposition,
#: CRM criminal organisations (cartels, gangs). A dated period may carry any agent (AFGGOV).
GROUP_AGENTS = frozenset({"REB", "UAF", "RAD", "OPP", "CRM"})
#: The state agents a named state body's code may end in (CAMEO's sectors): GOV ministries and
#: government offices, MIL armed forces and defence ministries, SPY intelligence services, MED
#: state news agencies and broadcasters, BUS state companies, COP police forces.
BODY_AGENTS = frozenset({"GOV", "MIL", "SPY", "MED", "BUS", "COP"})

#: kind -> field -> (type, required); a "list" is a list of non-empty strings.
SCHEMAS: dict[str, dict[str, tuple[str, bool]]] = {
    "country": {"code": ("str", True), "name": ("str", True), "names": ("list", True), "adjectives": ("list", True),
                "demonyms": ("list", True), "capitals": ("list", True), "seats": ("list", True), "status": ("str", True),
                "note": ("str", False)},
    "igo": {"code": ("str", True), "name": ("str", True), "names": ("list", True), "seats": ("list", False),
            "note": ("str", False)},
    "agent": {"code": ("str", True), "name": ("str", True), "terms": ("list", True), "note": ("str", False)},
    "role": {"role": ("str", True), "agent": ("str", True), "titles": ("list", True), "note": ("str", False)},
    "person": {"name": ("str", True), "aliases": ("list", False), "country": ("str", True), "role": ("tables", False),
               "note": ("str", False)},
    "person.role": {"code": ("str", True), "title": ("str", False), "role": ("str", True), "start": ("date", True),
                    "end": ("date", True), "note": ("str", False)},
    "group": {"code": ("str", True), "name": ("str", True), "names": ("list", True), "adjectives": ("list", False),
              "period": ("tables", False), "note": ("str", False)},
    "group.period": {"code": ("str", True), "start": ("date", True), "end": ("date", True), "note": ("str", False)},
    "body": {"code": ("str", True), "name": ("str", True), "names": ("list", True), "adjectives": ("list", False),
             "period": ("tables", False), "note": ("str", False)},
    "body.period": {"code": ("str", True), "start": ("date", True), "end": ("date", True), "note": ("str", False)},
    "city": {"name": ("str", True), "country": ("str", True), "names": ("list", True), "period": ("tables", False),
             "note": ("str", False)},
    "city.period": {"country": ("str", True), "start": ("date", True), "end": ("date", True), "note": ("str", False)},
}
#: kind -> (file, identifying key, the pattern it must match, field whose strings must be lower case)
KINDS: dict[str, tuple[str, str, re.Pattern[str], str]] = {
    "country": ("countries.toml", "code", COUNTRY_CODE, ""),
    "igo": ("igos.toml", "code", IGO_CODE, ""),
    "agent": ("agents.toml", "code", AGENT_CODE, "terms"),
    "role": ("roles.toml", "role", ROLE_KEY, "titles"),
}


@dataclass(frozen=True, slots=True)
class Country:
    """A state: ``code`` is its ISO 3166-1 alpha-3 code, also its CAMEO code."""

    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    status: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Igo:
    """An international organisation (or an NGO) with its CAMEO code, e.g. ``IGOWSTNAT``."""

    code: str
    name: str
    names: tuple[str, ...]
    seats: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Agent:
    """A CAMEO sector agent (``MIL``) and the lower-case terms that name it ("troops")."""

    code: str
    name: str
    terms: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """A role key (``head_of_state``), the agent it maps to and its titles ("president")."""

    role: str
    agent: str
    titles: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class PersonRole:
    """One dated role of a person; ``start`` and ``end`` are inclusive."""

    code: str
    title: str
    role: str
    start: dt.date
    end: dt.date
    note: str = ""

    def covers(self, on: dt.date) -> bool:
        """Whether the role was held on that day."""
        return self.start <= on <= self.end


@dataclass(frozen=True, slots=True)
class Person:
    """A named person, the country they belong to and their dated roles."""

    name: str
    aliases: tuple[str, ...]
    country: str
    roles: tuple[PersonRole, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class GroupPeriod:
    """Dates (inclusive) in which a group has another code than its own: the Taliban in power."""

    code: str
    start: dt.date
    end: dt.date
    note: str = ""

    def covers(self, on: dt.date) -> bool:
        """Whether the period includes that day."""
        return self.start <= on <= self.end


@dataclass(frozen=True, slots=True)
class Group:
    """A non-state armed or political group: ``code`` is a country code + a non-state agent
    (``YEMREB``); ``periods`` give other codes for dated spans (the Taliban ruling Afghanistan)."""

    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    periods: tuple[GroupPeriod, ...] = ()
    note: str = ""

    def code_on(self, on: dt.date) -> str:
        """The code on a day: that of the period covering it, else the group's own.

        Example:
            >>> rule = GroupPeriod("AFGGOV", dt.date(2021, 8, 15), dt.date(2099, 12, 31))
            >>> taliban = Group("AFGREB", "Taliban", ("Taliban",), periods=(rule,))
            >>> taliban.code_on(dt.date(2019, 1, 1)), taliban.code_on(dt.date(2024, 1, 1))
            ('AFGREB', 'AFGGOV')
        """
        day = on.date() if isinstance(on, dt.datetime) else on
        return next((p.code for p in self.periods if p.covers(day)), self.code)


@dataclass(frozen=True, slots=True)
class Body(Group):
    """A named state body: a ministry, armed force, intelligence service, state news agency or
    state company, coded as its country + its sector (``ISRMIL`` for the IDF, ``CHNMED`` for
    Xinhua); ``periods`` give other codes for dated spans, as for groups."""


@dataclass(frozen=True, slots=True)
class CityPeriod:
    """Dates (inclusive) in which a city belonged to another country than its own: Malakal in
    Sudan before South Sudan's independence."""

    country: str
    start: dt.date
    end: dt.date
    note: str = ""

    def covers(self, on: dt.date) -> bool:
        """Whether the period includes that day."""
        return self.start <= on <= self.end


@dataclass(frozen=True, slots=True)
class City:
    """A city that is not a capital: a place and its people, coded as its country (``UKR`` for
    Kharkiv, never ``UKRGOV``); ``periods`` give another country for dated spans."""

    name: str
    country: str
    names: tuple[str, ...]
    periods: tuple[CityPeriod, ...] = ()
    note: str = ""

    def country_on(self, on: dt.date) -> str:
        """The country code on a day: that of the period covering it, else the city's own.

        Example:
            >>> sudan = CityPeriod("SDN", dt.date(1956, 1, 1), dt.date(2011, 7, 8))
            >>> malakal = City("Malakal", "SSD", ("Malakal",), periods=(sudan,))
            >>> malakal.country_on(dt.date(2005, 1, 1)), malakal.country_on(dt.date(2024, 1, 1))
            ('SDN', 'SSD')
        """
        day = on.date() if isinstance(on, dt.datetime) else on
        return next((p.country for p in self.periods if p.covers(day)), self.country)


class PersonMatch(NamedTuple):
    """What :meth:`ActorDictionary.person` found: the person, the actor code, the role (or None)."""

    person: Person
    code: str
    role: PersonRole | None


class DictionaryError(UsageError):
    """The dictionary files are not valid; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__("D082", f"{count} problem{'s' * (count != 1)}: " + "; ".join(self.problems))


_FOLD = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ",
                       "\u2019": "'", "\u2018": "'", "\u02bb": "'"})


def _norm(text: str) -> str:
    words = unicodedata.normalize("NFC", text).translate(_FOLD).split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _fits(form: str, text: str) -> bool:
    """Whether ``text`` (already known to share ``form``'s case-folded key) matches ``form``."""
    if not any(c.islower() for c in form):
        return _norm(form) == _norm(text)
    return not any(c.isupper() for c in form) or any(c.isupper() for c in text)


T = TypeVar("T")


class _Index(Generic[T]):
    """Surface form -> entries, by case-folded normalised key."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[str, T]]] = {}

    def add(self, forms: Iterable[str], entry: T) -> None:
        for form in forms:
            self.by_key.setdefault(_norm(form).casefold(), []).append((form, entry))

    def find(self, text: str) -> list[T]:
        found: list[T] = []
        for form, entry in self.by_key.get(_norm(text).casefold(), ()):
            if _fits(form, text) and not any(entry is seen for seen in found):
                found.append(entry)
        return found

    def first(self, text: str) -> T | None:
        found = self.find(text)
        return found[0] if found else None

    def clashes(self, ident: Any) -> Iterator[tuple[str, list[str]]]:
        """(form, identities) for every key that more than one entry claims."""
        for pairs in self.by_key.values():
            ids = sorted({ident(entry) for _, entry in pairs})
            if len(ids) > 1:
                yield pairs[0][0], ids


class ActorDictionary:
    """Lookup tables over the dictionary entries. Build it with :func:`load_dictionary`."""

    def __init__(self, countries: Iterable[Country] = (), igos: Iterable[Igo] = (), agents: Iterable[Agent] = (),
                 roles: Iterable[Role] = (), people: Iterable[Person] = (), groups: Iterable[Group] = (),
                 cities: Iterable[City] = (), bodies: Iterable[Body] = ()) -> None:
        self.countries, self.igos, self.agents = tuple(countries), tuple(igos), tuple(agents)
        self.roles, self.people, self.groups = tuple(roles), tuple(people), tuple(groups)
        self.cities, self.bodies = tuple(cities), tuple(bodies)
        self._by_code = {c.code: c for c in self.countries}
        self._names, self._adjectives, self._demonyms = _Index[Country](), _Index[Country](), _Index[Country]()
        self._surfaces, self._metonyms = _Index[Country](), _Index[Country]()
        for c in self.countries:
            self._names.add((c.name, *c.names), c)
            self._adjectives.add(c.adjectives, c)
            self._demonyms.add(c.demonyms, c)
            self._metonyms.add((*c.capitals, *c.seats), c)
            self._surfaces.add((c.name, *c.names, *c.adjectives, *c.demonyms, *c.capitals, *c.seats), c)
        self._igos, self._igo_seats = _Index[Igo](), _Index[Igo]()
        for i in self.igos:
            self._igos.add((i.name, *i.names), i)
            self._igo_seats.add(i.seats, i)
        self._agents = _Index[Agent]()
        for a in self.agents:
            self._agents.add(a.terms, a)
        self._titles = _Index[Role]()
        for r in self.roles:
            self._titles.add(r.titles, r)
        self._people = _Index[Person]()
        for p in self.people:
            self._people.add((p.name, *p.aliases), p)
        self._groups = _Index[Group]()
        for g in self.groups:
            self._groups.add((g.name, *g.names, *g.adjectives), g)
        self._cities = _Index[City]()
        for city in self.cities:
            self._cities.add((city.name, *city.names), city)
        self._bodies = _Index[Body]()
        for b in self.bodies:
            self._bodies.add((b.name, *b.names, *b.adjectives), b)

    def __repr__(self) -> str:
        return (f"ActorDictionary({len(self.countries)} countries, {len(self.igos)} IGOs, {len(self.agents)} agents, "
                f"{len(self.roles)} roles, {len(self.people)} people, {len(self.groups)} groups, {len(self.bodies)} bodies, "
                f"{len(self.cities)} cities)")

    def country(self, code: str) -> Country | None:
        """The country with that ISO alpha-3 code."""
        return self._by_code.get(code)

    def country_by_name(self, text: str) -> Country | None:
        """The country a name denotes.

        Example:
            >>> d = load_dictionary()
            >>> d.country_by_name("Russian Federation").code, d.country_by_name("the U.S.").code
            ('RUS', 'USA')
            >>> d.country_by_name("us") is None, d.country_by_name("turkey") is None
            (True, True)
        """
        return self._names.first(text)

    def country_by_adjective(self, text: str) -> Country | None:
        """The country an adjective refers to.

        Example:
            >>> load_dictionary().country_by_adjective("Russian").code
            'RUS'
        """
        return self._adjectives.first(text)

    def country_by_demonym(self, text: str) -> Country | None:
        """The country whose people a plural noun names ("the Ukrainians")."""
        return self._demonyms.first(text)

    def metonym(self, text: str) -> str | None:
        """The actor code a capital or seat of government stands for.

        A country's capital or seat gives its government (``UKRGOV``); an organisation's seat
        gives its code, and wins over a capital ("Brussels" is the EU).

        Example:
            >>> d = load_dictionary()
            >>> d.metonym("Kyiv"), d.metonym("the Kremlin"), d.metonym("Brussels")
            ('UKRGOV', 'RUSGOV', 'IGOEUREEC')
        """
        igo = self._igo_seats.first(text)
        if igo is not None:
            return igo.code
        country = self._metonyms.first(text)
        return None if country is None else country.code + "GOV"

    def igo(self, text: str) -> Igo | None:
        """The international organisation a name denotes.

        Example:
            >>> load_dictionary().igo("NATO").code
            'IGOWSTNAT'
        """
        return self._igos.first(text)

    def agent(self, term: str) -> Agent | None:
        """The sector agent a term names.

        Example:
            >>> load_dictionary().agent("Troops").code
            'MIL'
        """
        return self._agents.first(term)

    def role(self, title: str) -> Role | None:
        """The role a title names ("prime minister" -> head_of_government)."""
        return self._titles.first(title)

    def role_titles(self) -> dict[str, Role]:
        """Every title -> its role.

        Example:
            >>> load_dictionary().role_titles()["foreign secretary"].role
            'foreign_minister'
        """
        return {title: role for role in self.roles for title in role.titles}

    def person(self, name: str, on: dt.date) -> PersonMatch | None:
        """Who a name denotes on a date, and their actor code then.

        The role whose [start, end] holds the date gives the code (the first listed, if several
        do); with none, the person is an elite of their country (``USAELI``). A name shared by
        several people resolves only if exactly one of them held a role that day.

        Example:
            >>> when = PersonRole("USAGOV", "Secretary of State", "foreign_minister",
            ...                   dt.date(2025, 1, 21), dt.date(2099, 12, 31))
            >>> d = ActorDictionary(people=[Person("Marco Rubio", ("Rubio",), "USA", (when,))])
            >>> d.person("Rubio", dt.date(2025, 6, 1)).code, d.person("Rubio", dt.date(2020, 6, 1)).code
            ('USAGOV', 'USAELI')
        """
        day = on.date() if isinstance(on, dt.datetime) else on
        candidates = self._people.find(name)
        active = [(p, r) for p in candidates for r in p.roles if r.covers(day)]
        if active and all(p is active[0][0] for p, _ in active):
            return PersonMatch(active[0][0], active[0][1].code, active[0][1])
        if not active and len(candidates) == 1:
            return PersonMatch(candidates[0], candidates[0].country + "ELI", None)
        return None

    def people_named(self, name: str) -> list[Person]:
        """Everyone a name or alias denotes, on any date."""
        return self._people.find(name)

    def people_on(self, name: str, on: dt.date) -> list[PersonMatch]:
        """Everyone a name may denote on a date: each person it names who held a role that day,
        with that role's code (several where people share the name: "King Abdullah" was the
        king of Saudi Arabia until 2015-01-23 and is the king of Jordan since 1999).

        Example:
            >>> d = load_dictionary()
            >>> [m.code for m in d.people_on("King Abdullah", dt.date(2010, 5, 1))]
            ['SAUGOV', 'JORGOV']
            >>> [m.code for m in d.people_on("King Abdullah", dt.date(2020, 5, 1))]
            ['JORGOV']
        """
        day = on.date() if isinstance(on, dt.datetime) else on
        found: list[PersonMatch] = []
        for p in self._people.find(name):
            role = next((r for r in p.roles if r.covers(day)), None)
            if role is not None:
                found.append(PersonMatch(p, role.code, role))
        return found

    def group(self, text: str) -> Group | None:
        """The non-state group a name or adjective denotes.

        Example:
            >>> d = load_dictionary()
            >>> d.group("the Houthis").code, d.group("Houthi").code, d.group("al Qaeda").name
            ('YEMREB', 'YEMREB', 'al-Qaeda')
            >>> d.group("Taliban").code_on(dt.date(2024, 1, 1))
            'AFGGOV'
        """
        return self._groups.first(text)

    def body(self, text: str) -> Body | None:
        """The state body a name or adjective denotes.

        Example:
            >>> d = load_dictionary()
            >>> d.body("the IDF").code, d.body("Israel Defense Forces").code, d.body("Xinhua").code
            ('ISRMIL', 'ISRMIL', 'CHNMED')
        """
        return self._bodies.first(text)

    def city(self, text: str) -> City | None:
        """The city (not a capital: capitals are metonyms, see :meth:`metonym`) a name denotes.

        Example:
            >>> d = load_dictionary()
            >>> d.city("Kharkov").name, d.city("Kharkiv").country, d.city("Moscow") is None
            ('Kharkiv', 'UKR', True)
        """
        return self._cities.first(text)

    def problems(self) -> list[str]:
        """Surface forms claimed by two different entries of one kind (people may share names),
        group names or adjectives that are already a country's, an organisation's, an agent's
        or a role's, state bodies' names that are any other kind's but a city's, and city names
        that are already any other kind's (a person's too)."""
        found = []
        for index, ident, what in ((self._surfaces, lambda c: c.code, "countries.toml"),
                                   (self._igos, lambda i: i.code, "igos.toml"), (self._agents, lambda a: a.code, "agents.toml"),
                                   (self._titles, lambda r: r.role, "roles.toml"), (self._groups, lambda g: g.name, "groups.toml"),
                                   (self._bodies, lambda b: b.name, "bodies.toml"), (self._cities, lambda c: c.name, "cities.toml")):
            for form, ids in index.clashes(ident):
                found.append(f"{what}: {form!r} maps to more than one entry ({', '.join(ids)})")
        others = ((self._surfaces, "a country's", lambda c: c.code), (self._igos, "an organisation's", lambda i: i.code),
                  (self._igo_seats, "an organisation's", lambda i: i.code), (self._agents, "an agent's", lambda a: a.code),
                  (self._titles, "a role's", lambda r: r.role))
        # groups may not take another kind's name; state bodies not a group's or person's either;
        # cities not a state body's either
        with_groups = others + ((self._groups, "a group's", lambda g: g.name), (self._people, "a person's", lambda p: p.name))
        with_bodies = with_groups + ((self._bodies, "a state body's", lambda b: b.name),)
        for own, what, against in ((self._groups, "groups.toml", others), (self._bodies, "bodies.toml", with_groups),
                                   (self._cities, "cities.toml", with_bodies)):
            for key, pairs in own.by_key.items():
                for index, whose, ident in against:
                    if key in index.by_key:
                        names = sorted({e.name for _, e in pairs})
                        claims = sorted({ident(e) for _, e in index.by_key[key]})
                        found.append(f"{what}: {pairs[0][0]!r} of {', '.join(names)} is already {whose} "
                                     f"({', '.join(claims)})")
        return found


def load_dictionary(directory: Path | None = None) -> ActorDictionary:
    """Read, check and index the dictionary files in ``directory`` (default: the package's data).

    ``people.toml``, ``groups.toml``, ``bodies.toml`` and ``cities.toml`` may be absent; the other
    four files are required.

    Raises:
        DictionaryError: ``[D082]``, listing every problem found in every file.

    Example:
        >>> d = load_dictionary()
        >>> sum(c.status == "member" for c in d.countries)
        193
    """
    root: Traversable = resources.files("detente.actors") / "data" if directory is None else Path(directory)
    problems: list[str] = []
    docs: dict[str, dict[str, Any]] = {}
    for name in FILES:
        path = root / name
        if not path.is_file():
            if name not in OPTIONAL_FILES:
                problems.append(f"{name}: file missing in {root}")
            continue
        try:
            docs[name] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{name}: not readable TOML ({exc})")
    rows = {kind: _rows(docs, kind, problems) for kind in KINDS}
    known = {kind: {t[KINDS[kind][1]] for t, _ in rows[kind]} for kind in KINDS}
    for t, where in rows["country"]:
        if t["status"] not in STATUSES:
            problems.append(f"{where}: status {t['status']!r} is not one of {sorted(STATUSES)}")
    for t, where in rows["role"]:
        if t["agent"] not in known["agent"]:
            problems.append(f"{where}: agent {t['agent']!r} is not in agents.toml")
    people = [_person(t, where, known, problems) for t, where in _tables(docs, "people.toml", "person", problems)]
    names = [p.name for p in people]
    problems += [f"people.toml: duplicate person {n!r}" for n in sorted({n for n in names if names.count(n) > 1})]
    groups = [_group(t, where, known, problems) for t, where in _tables(docs, "groups.toml", "group", problems)]
    names = [g.name for g in groups]
    problems += [f"groups.toml: duplicate group {n!r}" for n in sorted({n for n in names if names.count(n) > 1})]
    bodies = [_body(t, where, known, problems) for t, where in _tables(docs, "bodies.toml", "body", problems)]
    names = [b.name for b in bodies]
    problems += [f"bodies.toml: duplicate body {n!r}" for n in sorted({n for n in names if names.count(n) > 1})]
    cities = [_city(t, where, known, problems) for t, where in _tables(docs, "cities.toml", "city", problems)]
    names = [c.name for c in cities]
    problems += [f"cities.toml: duplicate city {n!r}" for n in sorted({n for n in names if names.count(n) > 1})]
    dictionary = ActorDictionary([Country(**_fields(t)) for t, _ in rows["country"]], [Igo(**_fields(t)) for t, _ in rows["igo"]],
                                 [Agent(**_fields(t)) for t, _ in rows["agent"]], [Role(**_fields(t)) for t, _ in rows["role"]],
                                 people, groups, cities, bodies)
    problems += dictionary.problems()
    if problems:
        raise DictionaryError(problems)
    return dictionary


def _rows(docs: dict[str, dict[str, Any]], kind: str, problems: list[str]) -> list[tuple[dict[str, Any], str]]:
    """The schema-valid tables of one kind, after checking their key pattern, case and uniqueness."""
    file, key, pattern, lower = KINDS[kind]
    rows, seen = [], set()
    for t, where in _tables(docs, file, kind, problems):
        if not pattern.fullmatch(t[key]):
            problems.append(f"{where}: {key} {t[key]!r} does not match ^{pattern.pattern}$")
        if t[key] in seen:
            problems.append(f"{where}: duplicate {key} {t[key]!r}")
        seen.add(t[key])
        problems += [f"{where}: {lower.removesuffix('s')} {s!r} must be lower case" for s in t.get(lower, ()) if s != s.lower()]
        rows.append((t, where))
    return rows


def _tables(docs: dict[str, dict[str, Any]], file: str, kind: str, problems: list[str]) -> Iterator[tuple[dict[str, Any], str]]:
    """The schema-valid ``[[kind]]`` tables of a file, each with a label for messages."""
    doc = docs.get(file)
    if doc is None:
        return
    if set(doc) - {kind}:
        problems.append(f"{file}: unknown top-level key(s) {sorted(set(doc) - {kind})}; expected only [[{kind}]]")
    tables = doc.get(kind, [])
    if not isinstance(tables, list):
        problems.append(f"{file}: {kind} must be an array of tables ([[{kind}]])")
        return
    for number, table in enumerate(tables, 1):
        where = f"{file}: {kind} #{number}"
        if not isinstance(table, dict):
            problems.append(f"{where}: not a table")
            continue
        keys = ("name", "code", "country") if kind in ("group", "body", "city") else ("code", "role", "name")   # groups share codes
        label = next((v for k in keys if isinstance(v := table.get(k), str)), None)
        where += f" ({label})" if label else ""
        if _schema_ok(table, SCHEMAS[kind], where, problems):
            yield table, where


_WANTED = {"str": "a non-empty string", "list": "a list of non-empty strings", "date": "a date (YYYY-MM-DD)",
           "tables": "an array of tables"}


def _schema_ok(table: dict[str, Any], schema: dict[str, tuple[str, bool]], where: str, problems: list[str]) -> bool:
    """Record unknown keys, missing required keys and values of the wrong type; True if none."""
    before = len(problems)
    problems += [f"{where}: unknown key {key!r}" for key in sorted(set(table) - set(schema))]
    for key, (kind, required) in schema.items():
        if key not in table:
            if required:
                problems.append(f"{where}: missing key {key!r}")
            continue
        if not _typed(kind, table[key], allow_empty=key == "note"):
            problems.append(f"{where}: {key!r} must be {_WANTED[kind]}, not {table[key]!r}")
    return len(problems) == before


def _typed(kind: str, value: object, allow_empty: bool) -> bool:
    if kind == "str":
        return isinstance(value, str) and (allow_empty or bool(value.strip()))
    if kind == "date":
        return type(value) is dt.date
    item = str if kind == "list" else dict
    return isinstance(value, list) and all(isinstance(v, item) and (item is dict or str(v).strip()) for v in value)


def _fields(table: dict[str, Any]) -> dict[str, Any]:
    """A checked table as dataclass fields: lists become tuples of whitespace-normalised strings."""
    return {k: tuple(" ".join(s.split()) for s in v) if isinstance(v, list) else v for k, v in table.items()}


def _person(t: dict[str, Any], where: str, known: dict[str, set[str]], problems: list[str]) -> Person:
    if t["country"] not in known["country"]:
        problems.append(f"{where}: country {t['country']!r} is not in countries.toml")
    roles = []
    for number, r in enumerate(t.get("role", []), 1):
        at = f"{where} role #{number}"
        if not _schema_ok(r, SCHEMAS["person.role"], at, problems):
            continue
        code = r["code"]
        if code not in known["igo"] and not _sector_code(code, known):
            problems.append(f"{at}: code {code!r} is neither a known country code + agent code nor a known IGO code")
        if r["role"] not in known["role"]:
            problems.append(f"{at}: role {r['role']!r} is not in roles.toml")
        if r["start"] > r["end"]:
            problems.append(f"{at}: start {r['start']} is after end {r['end']}")
        roles.append(PersonRole(**{"title": "", **_fields(r)}))
    return Person(**{"aliases": (), **_fields({k: v for k, v in t.items() if k != "role"})}, roles=tuple(roles))


def _sector_code(code: str, known: dict[str, set[str]], agents: Iterable[str] | None = None) -> bool:
    """Whether a code is a known country code + a known agent code (one of ``agents``, if given)."""
    allowed = known["agent"] if agents is None else known["agent"] & set(agents)
    return len(code) == 6 and code[:3] in known["country"] and code[3:] in allowed


def _group(t: dict[str, Any], where: str, known: dict[str, set[str]], problems: list[str]) -> Group:
    return _coded_body(t, where, known, problems, GROUP_AGENTS, "non-state", "group", Group)


def _body(t: dict[str, Any], where: str, known: dict[str, set[str]], problems: list[str]) -> Body:
    return _coded_body(t, where, known, problems, BODY_AGENTS, "state", "body", Body)


def _coded_body(t: dict[str, Any], where: str, known: dict[str, set[str]], problems: list[str],
                agents: Iterable[str], which: str, kind: str, make: Any) -> Any:
    """A group or a state body: a country code + one of ``agents``, with dated periods."""
    if not _sector_code(t["code"], known, agents):
        problems.append(f"{where}: code {t['code']!r} is not a known country code + one of the {which} agent codes "
                        f"{sorted(set(agents) & known['agent'])}")

    def check(r: dict[str, Any], at: str) -> None:
        if not _sector_code(r["code"], known):
            problems.append(f"{at}: code {r['code']!r} is not a known country code + agent code")

    periods = _periods(t, where, kind, check, GroupPeriod, problems)
    return make(**_fields({k: v for k, v in t.items() if k != "period"}), periods=periods)


def _city(t: dict[str, Any], where: str, known: dict[str, set[str]], problems: list[str]) -> City:
    if t["country"] not in known["country"]:
        problems.append(f"{where}: country {t['country']!r} is not in countries.toml")
    def check(r: dict[str, Any], at: str) -> None:
        if r["country"] not in known["country"]:
            problems.append(f"{at}: country {r['country']!r} is not in countries.toml")

    periods = _periods(t, where, "city", check, CityPeriod, problems)
    return City(**_fields({k: v for k, v in t.items() if k != "period"}), periods=periods)


_P = TypeVar("_P", GroupPeriod, CityPeriod)


def _periods(t: dict[str, Any], where: str, kind: str, check: Callable[[dict[str, Any], str], None],
             make: Callable[..., _P], problems: list[str]) -> tuple[_P, ...]:
    """The schema-valid ``[[KIND.period]]`` tables of an entry, each checked by ``check`` and
    for its dates (start not after end, no overlap with an earlier period)."""
    periods: list[_P] = []
    for number, r in enumerate(t.get("period", []), 1):
        at = f"{where} period #{number}"
        if not _schema_ok(r, SCHEMAS[f"{kind}.period"], at, problems):
            continue
        check(r, at)
        if r["start"] > r["end"]:
            problems.append(f"{at}: start {r['start']} is after end {r['end']}")
        elif any(p.start <= r["end"] and r["start"] <= p.end for p in periods):
            problems.append(f"{at}: overlaps an earlier period")
        periods.append(make(**_fields(r)))
    return tuple(periods)
