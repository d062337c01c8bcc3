"""Cities (cities.toml) on the real data: codes, collisions with the other kinds, and the coder's
lexicon on real spaCy tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import ActorDictionary, City, load_dictionary
from detente.events import lexicon_from_dictionary
from detente.events.lexicon import ActorEntry, Lexicon

DAY = dt.date(2024, 11, 4)


@pytest.fixture(scope="module")
def real() -> ActorDictionary:
    return load_dictionary()


@pytest.fixture(scope="module")
def lexicon(real: ActorDictionary) -> Lexicon:
    return lexicon_from_dictionary(real)


Span = tuple[str, str, tuple[str, ...]]


def spans(lexicon: Lexicon, nlp, text: str, day: dt.date | None = DAY) -> list[Span]:  # type: ignore[no-untyped-def]
    """The actor phrases the lexicon finds in spaCy's tokens: (text, kind, codes on the day)."""
    doc = nlp.make_doc(text)
    words = [t.text for t in doc]
    return [(doc[m.start:m.end].text, m.entry.kind, m.entry.codes_on(day))  # type: ignore[union-attr]
            for m in lexicon.scan([w.lower() for w in words], words) if not m.is_agent]


def forms(city: City) -> list[str]:
    return [city.name, *city.names]


# --- the file ---


def test_cities_countries_exist_and_are_bare_country_codes(real: ActorDictionary) -> None:
    codes = {c.code for c in real.countries}
    assert 300 <= len(real.cities) <= 650
    for city in real.cities:
        assert city.country in codes, city.name
        assert all(p.country in codes for p in city.periods), city.name


def test_cities_forms_are_no_other_kinds(real: ActorDictionary) -> None:
    """No city form is a country's name, adjective, demonym, capital or seat, an organisation's,
    a group's, a person's, an agent term or a role title (the loader refuses them too)."""
    for city in real.cities:
        for form in forms(city):
            assert real.country_by_name(form) is None, form
            assert real.country_by_adjective(form) is None and real.country_by_demonym(form) is None, form
            assert real.metonym(form) is None and real.igo(form) is None, form
            assert real.group(form) is None and real.agent(form) is None and real.role(form) is None, form
            assert real.person(form, DAY) is None and real.person(form, dt.date(2000, 1, 1)) is None, form
            assert real.city(form) is city, form


def test_cities_forms_are_capitalised_and_unique(real: ActorDictionary) -> None:
    seen: dict[str, str] = {}
    for city in real.cities:
        for form in set(forms(city)):
            assert any(c.isupper() for c in form), form      # matches only capitalised text
            key = " ".join(form.replace("-", " ").split()).casefold()
            assert seen.setdefault(key, city.name) == city.name, (form, seen[key], city.name)


@pytest.mark.parametrize("form", ["Nice", "Reading", "Bath", "Split", "Mobile", "Sale", "Victoria", "Florence", "Phoenix",
                                  "Austin", "Van", "Batman", "Kobe", "Gao", "Medina", "Tripoli", "Duma", "San Jose", "Brest"])
def test_cities_left_out_forms(real: ActorDictionary, form: str) -> None:
    assert real.city(form) is None


def test_cities_are_not_capitals(real: ActorDictionary) -> None:
    capitals = {f.casefold() for c in real.countries for f in (*c.capitals, *c.seats)}
    assert not [c.name for c in real.cities if c.name.casefold() in capitals]


# --- the lexicon ---


def test_cities_in_the_lexicon_are_their_country(lexicon: Lexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    assert spans(lexicon, nlp, "Russian missiles struck Kharkiv.") == [("Russian", "adjective", ("RUS",)),
                                                                       ("Kharkiv", "city", ("UKR",))]
    assert ("Rafah", "city", ("PSE",)) in spans(lexicon, nlp, "Israeli strikes on Rafah killed 20 people.")
    assert ("El Fasher", "city", ("SDN",)) in spans(lexicon, nlp, "Drones attacked El Fasher overnight.")


def test_capitals_stay_metonyms(lexicon: Lexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    assert spans(lexicon, nlp, "Moscow said it would respond.") == [("Moscow", "metonym", ("RUSGOV",))]
    assert spans(lexicon, nlp, "Drones attacked Port Sudan.") == [("Port Sudan", "metonym", ("SDNGOV",))]
    assert spans(lexicon, nlp, "Kyiv and Kharkiv") == [("Kyiv", "metonym", ("UKRGOV",)), ("Kharkiv", "city", ("UKR",))]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Shelling hit Kharkov.", "Kharkov", "UKR"),
        ("A drone hit Rostov-on-Don.", "Rostov-on-Don", "RUS"),
        ("A drone hit Rostov on Don.", "Rostov on Don", "RUS"),
        ("Fighting in Deir ez-Zor.", "Deir ez-Zor", "SYR"),
        ("Strikes hit Ma'rib and Sana'a.", "Ma'rib", "YEM"),
        ("Refugees in Cox's Bazar.", "Cox's Bazar", "BGD"),
        ("Talks in Sharm el-Sheikh.", "Sharm el-Sheikh", "EGY"),
        ("Protests in St. Petersburg.", "St. Petersburg", "RUS"),
        ("Attacks near Fada N'Gourma.", "Fada N'Gourma", "BFA"),
        ("Explosions in Gaza City.", "Gaza City", "PSE"),
        ("The Donetsk People's Republic said so.", "Donetsk People's Republic", "UKRREB"),   # the group, not the city
    ],
)
def test_cities_spellings_match_spacy_tokens(  # type: ignore[no-untyped-def]
        lexicon: Lexicon, nlp, text: str, phrase: str, code: str) -> None:
    found = [s for s in spans(lexicon, nlp, text) if s[1] in ("city", "group")]
    assert found and found[0][0] == phrase and found[0][2] == (code,)


def test_every_city_form_matches_as_spacy_tokenises_it(  # type: ignore[no-untyped-def]
        real: ActorDictionary, lexicon: Lexicon, nlp) -> None:
    for city in real.cities:
        for form in forms(city):
            doc = nlp.make_doc(f"Strikes hit {form} today.")
            words = [t.text for t in doc]
            matches = [m for m in lexicon.scan([w.lower() for w in words], words) if not m.is_agent]
            assert len(matches) == 1, (form, words)
            entry = matches[0].entry
            assert isinstance(entry, ActorEntry) and entry.kind == "city" and entry.name == city.name, form
            assert doc[matches[0].start:matches[0].end].text == form, form


@pytest.mark.parametrize("text", ["the kharkiv office", "sumy", "A nice day in reading.", "Rising from the dnipro"])
def test_cities_lower_case_does_not_match(lexicon: Lexicon, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [s for s in spans(lexicon, nlp, text) if s[1] == "city"]


def test_cities_dated_country_in_the_lexicon(lexicon: Lexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    assert spans(lexicon, nlp, "Clashes in Malakal.", dt.date(2005, 1, 1)) == [("Malakal", "city", ("SDN",))]
    assert spans(lexicon, nlp, "Clashes in Malakal.", dt.date(2014, 1, 1)) == [("Malakal", "city", ("SSD",))]
    assert spans(lexicon, nlp, "Clashes in Malakal.", None) == [("Malakal", "city", ("SSD",))]
