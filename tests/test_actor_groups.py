"""Non-state groups (groups.toml) reach the event coder: real dictionaries, real spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events import Coder, load_coder

DAY = dt.date(2024, 11, 4)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return load_coder()


def pairs(coder: Coder, nlp, text: str, day: dt.date | None = DAY) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source, target, CAMEO root) of every event coded in the text."""
    return {(s, t, e.cameo[:2]) for e in coder.code_doc(nlp(text), day) for s, t in e.pairs()}


Span = tuple[str, str, tuple[str, ...]]


def spans(coder: Coder, nlp, text: str, day: dt.date | None = DAY) -> list[Span]:  # type: ignore[no-untyped-def]
    """The actor phrases the lexicon finds: (text, kind, codes on the day)."""
    doc = nlp(text)
    words = [t.text for t in doc]
    return [(doc[m.start:m.end].text, m.entry.kind, m.entry.codes_on(day))  # type: ignore[union-attr]
            for m in coder.lexicon.scan([w.lower() for w in words], words) if not m.is_agent]


def test_groups_hamas_fires_on_israel(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("PSEREB", "ISR", "19") in pairs(coder, nlp, "Hamas fired a barrage of rockets at Israel on Monday.")


def test_groups_adjective_and_own_agent_make_one_party(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    found = pairs(coder, nlp, "Houthi rebels attacked a Greek tanker in the Red Sea.")
    assert found == {("YEMREB", "GRC", "19")}
    # a country named first still gives its rebels, not the country alone
    assert pairs(coder, nlp, "Yemen's Houthi rebels fired a drone at a Greek ship.") == {("YEMREB", "GRC", "19")}


def test_groups_as_the_target(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("ISR", "LBNREB", "19") in pairs(coder, nlp, "Israel bombed Hezbollah positions in southern Lebanon.")
    assert ("TURMIL", "TURREB", "19") in pairs(coder, nlp, "Turkish warplanes struck PKK hideouts in northern Iraq.")
    assert ("NGAMIL", "NGAREB", "19") in pairs(coder, nlp, "Nigerian troops killed dozens of Boko Haram fighters.")


def test_groups_fighters_terms_do_not_add_an_agent(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    found = pairs(coder, nlp, "Hamas gunmen attacked Israeli soldiers near the Gaza border.")
    assert ("PSEREB", "ISRMIL", "19") in found
    assert not any("UAF" in s for s, _, _ in found)
    assert pairs(coder, nlp, "Wagner troops attacked villagers in central Mali.") == {("RUSUAF", "MLI", "19")}


def test_groups_other_agents_combine_as_for_a_country(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    found = pairs(coder, nlp, "Hamas officials met Egyptian mediators in Cairo.")
    assert ("PSEREBGOV", "EGY", "04") in found


def test_groups_dated_codes_follow_the_article_date(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Taliban held talks with Pakistani officials in Doha."
    assert ("AFGREB", "PAKGOV", "04") in pairs(coder, nlp, text, dt.date(2019, 3, 1))
    assert ("AFGGOV", "PAKGOV", "04") in pairs(coder, nlp, text, dt.date(2023, 3, 1))
    # in power, the Taliban's forces are the state's military
    assert ("AFGMIL", "PAKMIL", "19") in pairs(coder, nlp, "Taliban forces clashed with Pakistani troops.", dt.date(2023, 3, 1))
    rsf = "The Rapid Support Forces attacked Sudanese protesters in Khartoum."
    assert {s for s, _, _ in pairs(coder, nlp, rsf, dt.date(2019, 6, 3))} == {"SDNMIL"}
    assert {s for s, _, _ in pairs(coder, nlp, rsf, dt.date(2024, 6, 3))} == {"SDNREB"}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Al-Qaeda claimed the attack.", "Al-Qaeda", "AFGRAD"),
        ("al Qaeda claimed the attack.", "al Qaeda", "AFGRAD"),
        ("ISIS-K claimed the attack.", "ISIS-K", "AFGREB"),
        ("MS-13 members were arrested.", "MS-13", "SLVCRM"),
        ("The Kurdistan Workers' Party laid down arms.", "Kurdistan Workers' Party", "TURREB"),
        ("Police blamed the Communist Party of India (Maoist).", "Communist Party of India (Maoist)", "INDREB"),
        ("Hay'at Tahrir al-Sham fighters advanced.", "Hay'at Tahrir al-Sham fighters", "SYRREB"),
        ("The Donetsk People's Republic said so.", "Donetsk People's Republic", "UKRREB"),
        ("Islamic State West Africa Province fighters attacked.", "Islamic State West Africa Province fighters", "NGAREB"),
    ],
)
def test_groups_spellings_match_spacy_tokens(coder: Coder, nlp, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = spans(coder, nlp, text)
    assert found and found[0][1] == "group" and found[0][2] == (code,)
    assert phrase.startswith(found[0][0])


@pytest.mark.parametrize("text", ["Is military action justified?", "Let them decide.", "The ira of the gods.",
                                  "Farmers in hamas province protested."])
def test_groups_acronyms_and_lower_case_do_not_match(coder: Coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [s for s in spans(coder, nlp, text) if s[1] == "group"]
