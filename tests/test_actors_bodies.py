"""Named state bodies (bodies.toml) and names two people held at once: the dictionary's checks,
the lexicon's phrases and coded sentences of our own (none is in the gold sets)."""

from __future__ import annotations

import datetime as dt
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from detente.actors import DictionaryError, load_dictionary
from helpers import coded_events

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 11, 4)
BASE_FILES = ("countries.toml", "igos.toml", "agents.toml", "roles.toml")


def spans(coder, nlp, text: str, day: dt.date = DAY) -> list[tuple[str, str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """The actor phrases the lexicon finds: (text, kind, codes on the day)."""
    doc = nlp(text)
    words = [t.text for t in doc]
    return [(doc[m.start:m.end].text, m.entry.kind, m.entry.codes_on(day))  # type: ignore[union-attr]
            for m in coder.lexicon.scan([w.lower() for w in words], words) if not m.is_agent]


def triples(coder, nlp, text: str, day: dt.date = DAY) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type) of every pair coded in the text."""
    return {(s, t, plover) for s, t, plover, _, _ in coded_events(coder, nlp, text, day)}


# -------------------------------------------------------------------------------- dictionary


@pytest.mark.parametrize(("name", "code"), [
    ("the IDF", "ISRMIL"), ("Israel Defence Forces", "ISRMIL"), ("the Pentagon", "USAMIL"),
    ("the IRGC", "IRNMIL"), ("the Revolutionary Guards", "IRNMIL"), ("the State Department", "USAGOV"),
    ("the Bundeswehr", "DEUMIL"), ("the PLA", "CHNMIL"), ("People's Liberation Army", "CHNMIL"),
    ("Xinhua", "CHNMED"), ("KCNA", "PRKMED"), ("RIA Novosti", "RUSMED"), ("TASS", "RUSMED"), ("IRNA", "IRNMED"),
    ("Rosneft", "RUSBUS"), ("Gazprom", "RUSBUS"), ("Saudi Aramco", "SAUBUS"), ("the Mossad", "ISRSPY"),
    ("the FSB", "RUSSPY"), ("the CIA", "USASPY"), ("Shin Bet", "ISRSPY"), ("the RCMP", "CANCOP"),
])
def test_bodies_named_in_the_dictionary(name: str, code: str) -> None:
    body = load_dictionary().body(name)
    assert body is not None and body.code == code


def test_bodies_cover_many_countries_and_sectors() -> None:
    bodies = load_dictionary().bodies
    assert len(bodies) >= 80
    assert len({b.code[:3] for b in bodies}) >= 25
    assert {b.code[3:] for b in bodies} == {"GOV", "MIL", "SPY", "MED", "BUS", "COP"}


@pytest.mark.parametrize("text", ["the Guards", "Guards", "revolutionary guards", "Fars", "AFP", "the Coast Guard",
                                  "the Foreign Office", "tass"])
def test_bodies_ordinary_words_and_generic_names_are_not_bodies(text: str) -> None:
    assert load_dictionary().body(text) is None


def _base(tmp_path: Path) -> Path:
    data = resources.files("detente.actors") / "data"
    for name in BASE_FILES:
        (tmp_path / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_bodies_file_is_optional_and_bad_bodies_are_all_reported(tmp_path: Path) -> None:
    base = _base(tmp_path)
    assert load_dictionary(base).bodies == ()
    (base / "bodies.toml").write_text(textwrap.dedent("""
        [[body]]
        code = "ARGREB"
        name = "Rebel ministry"
        names = ["Rebel Ministry"]

        [[body]]
        code = "ZZZMIL"
        name = "Nowhere army"
        names = ["Nowhere Army"]

        [[body]]
        code = "ARGMIL"
        name = "Country again"
        names = ["Argentina", "troops"]

        [[body]]
        code = "ARGMED"
        name = "Shared A"
        names = ["Shared Agency"]

        [[body]]
        code = "CHLMED"
        name = "Shared B"
        names = ["Shared Agency"]
        colour = "red"

        [[body]]
        code = "ARGSPY"
        name = "Bad periods"
        names = ["Bad Periods Service"]

        [[body.period]]
        code = "ARGGOV"
        start = 2020-01-01
        end = 2010-01-01
        """), encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        load_dictionary(base)
    problems = " | ".join(caught.value.problems)
    assert "'ARGREB' is not a known country code + one of the state agent codes" in problems
    assert "'ZZZMIL' is not a known country code" in problems
    assert "'Argentina' of Country again is already a country's" in problems
    assert "'troops' of Country again is already an agent's" in problems
    assert "unknown key 'colour'" in problems
    assert "start 2020-01-01 is after end 2010-01-01" in problems


def test_bodies_may_not_take_a_group_or_person_name(tmp_path: Path) -> None:
    base = _base(tmp_path)
    data = resources.files("detente.actors") / "data"
    for name in ("groups.toml", "people.toml"):
        (base / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    (base / "bodies.toml").write_text(textwrap.dedent("""
        [[body]]
        code = "PSEMED"
        name = "Clash"
        names = ["Hamas", "Netanyahu"]
        """), encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        load_dictionary(base)
    problems = " | ".join(caught.value.problems)
    assert "'Hamas' of Clash is already a group's" in problems and "'Netanyahu' of Clash is already a person's" in problems


# -------------------------------------------------------------------------------- lexicon


@pytest.mark.parametrize(("text", "found"), [
    ("The IDF said it had struck a launcher.", ("IDF", "body", ("ISRMIL",))),
    ("The Israel Defense Forces said it had struck a launcher.", ("Israel Defense Forces", "body", ("ISRMIL",))),
    ("IRGC commanders spoke on Sunday.", ("IRGC", "body", ("IRNMIL",))),
    ("Xinhua reported the visit.", ("Xinhua", "body", ("CHNMED",))),
    ("The Quds Force trained the fighters.", ("Quds Force", "body", ("IRNMIL",))),
    ("Rodong Sinmun carried the speech.", ("Rodong Sinmun", "body", ("PRKMED",))),
])
def test_bodies_are_lexicon_phrases_of_kind_body(coder, nlp, text: str, found: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert found in spans(coder, nlp, text)


@pytest.mark.parametrize("text", [
    "The palace guards fired into the air.",              # "the Guards" alone is no body
    "The revolutionary guards of the old regime fled.",   # not written as a name
    "A coast guard cutter rescued the crew.",
])
def test_bodies_no_phrase_for_ordinary_words(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [s for s in spans(coder, nlp, text) if s[1] == "body"]


# -------------------------------------------------------------------------------- coded sentences


@pytest.mark.parametrize(("text", "expected"), [
    # an agent term after a body's name is the body itself: no second agent
    ("Pentagon officials accused Venezuela of harbouring drug traffickers on Tuesday.", ("USAMIL", "VEN", "ACCUSE")),
    ("Gazprom executives threatened to cut gas deliveries to Austria.", ("RUSBUS", "AUT", "THREATEN")),
    ("IDF soldiers shot dead two Palestinian gunmen near Tulkarm on Friday.", ("ISRMIL", "PSEUAF", "ASSAULT")),
    ("IRGC commanders threatened Azerbaijan on Sunday.", ("IRNMIL", "AZE", "THREATEN")),
    # a news agency that acts is the agency
    ("Xinhua accused Washington of meddling in Tibet.", ("CHNMED", "USAGOV", "ACCUSE")),
    ("KCNA criticised South Korea for holding drills with the United States.", ("PRKMED", "KOR", "ACCUSE")),
    # a body named with its country keeps its own code
    ("Iran's Revolutionary Guards seized a Greek tanker in the Gulf of Oman.", ("IRNMIL", "GRC", "COERCE")),
    ("Russia's Gazprom halted gas supplies to Bulgaria on Wednesday.", ("RUSBUS", "BGR", "SANCTION")),
    # as a target
    ("Ukraine's SBU accused the FSB of plotting to kill Zelensky.", ("UKRSPY", "RUSSPY", "ACCUSE")),
])
def test_bodies_coded(coder, nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in triples(coder, nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    # an agent term still extends a country ...
    ("Russian officials threatened to cut gas deliveries to Austria.", ("RUSGOV", "AUT", "THREATEN")),
    # ... and a country named without a body stays the country
    ("Iran seized a Greek tanker in the Gulf of Oman.", ("IRN", "GRC", "COERCE")),
    # a news agency that reports an act is not its actor
    ("Xinhua reported that Beijing had protested to Tokyo over the visit.", ("CHNGOV", "JPNGOV", "ACCUSE")),
])
def test_bodies_near_misses(coder, nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = triples(coder, nlp, text)
    assert expected in found
    assert not any(s.endswith(("MED", "BUS")) or "MIL" in s[3:] for s, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    # an act named after "for" under a noun of intent is only intended
    ("The Bundeswehr drew up plans for air strikes on Libyan ports.", ("DEUMIL", "LBY", "ASSAULT", False, True)),
    ("Mossad officials presented a plan for strikes on Iranian missile sites.", ("ISRSPY", "IRN", "ASSAULT", False, True)),
    # near miss: the same act confirmed is asserted
    ("The Bundeswehr confirmed air strikes on Libyan ports.", ("DEUMIL", "LBY", "ASSAULT", False, False)),
])
def test_bodies_planned_acts_are_hypothetical(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert expected in coded_events(coder, nlp, text, DAY)


# -------------------------------------------------------------------------------- shared names

SHARED = dt.date(2012, 3, 5)      # Saudi Arabia's King Abdullah (until 2015-01-23) and Jordan's both reign
LATER = dt.date(2019, 3, 5)       # only Jordan's


def test_shared_name_lists_everyone_holding_a_role() -> None:
    d = load_dictionary()
    assert [m.code for m in d.people_on("King Abdullah", SHARED)] == ["SAUGOV", "JORGOV"]
    assert [m.code for m in d.people_on("King Abdullah", LATER)] == ["JORGOV"]
    assert d.person("King Abdullah", SHARED) is None


def test_shared_name_alias_of_one_person_resolves_to_them(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("Abdullah bin Abdulaziz", "person", ("SAUGOV",)) in spans(coder, nlp, "Abdullah bin Abdulaziz spoke.", SHARED)


@pytest.mark.parametrize(("text", "expected"), [
    # the country in the name's own phrase
    ("Saudi King Abdullah received Pakistani Prime Minister Yousuf Raza Gilani in Jeddah.",
     ("PAKGOV", "SAUGOV", "CONSULT")),
    ("King Abdullah of Jordan criticised Israel over settlement building.", ("JORGOV", "ISR", "ACCUSE")),
    # the country named elsewhere in the sentence
    ("King Abdullah hosted Lebanese President Michel Suleiman in Amman, the Jordanian palace said.",
     ("LBNGOV", "JORGOV", "CONSULT")),
    # the country named in the paragraph before
    ("Jordan's parliament approved the budget on Sunday. King Abdullah then criticised Israel over settlement building.",
     ("JORGOV", "ISR", "ACCUSE")),
])
def test_shared_name_takes_the_country_named_there(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert expected in triples(coder, nlp, text, SHARED)


@pytest.mark.parametrize("text", [
    # no country of either king named: no actor
    "King Abdullah criticised Israel over settlement building.",
    # both named: no choice
    "King Abdullah criticised Israel, Saudi and Jordanian officials said.",
])
def test_shared_name_without_a_single_country_is_no_actor(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(s in ("SAUGOV", "JORGOV") for s, _, _ in triples(coder, nlp, text, SHARED))


def test_shared_name_after_one_holder_left_office(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "King Abdullah criticised Israel over settlement building."
    assert ("JORGOV", "ISR", "ACCUSE") in triples(coder, nlp, text, LATER)
    # a Saudi context does not make him the late Saudi king
    assert not any(s == "SAUGOV" for s, _, _ in triples(coder, nlp, "Saudi officials said " + text, LATER))


# -------------------------------------------------------------------------------- people added for dev coverage


@pytest.mark.parametrize(("name", "day", "code"), [
    ("Saddam Hussein", dt.date(2001, 6, 1), "IRQGOV"), ("Saddam Hussein", dt.date(2003, 12, 20), "IRQELI"),
    ("Ben Ali", dt.date(2010, 6, 1), "TUNGOV"), ("Ramos-Horta", dt.date(2008, 2, 11), "TLSGOV"),
    ("Xanana Gusmao", dt.date(2008, 2, 11), "TLSGOV"), ("Pope Francis", dt.date(2021, 3, 5), "VATGOV"),
    ("Pope Leo XIV", dt.date(2025, 6, 1), "VATGOV"),
])
def test_people_of_older_news(name: str, day: dt.date, code: str) -> None:
    found = load_dictionary().person(name, day)
    assert found is not None and found.code == code
