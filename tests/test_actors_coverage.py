"""Actor coverage of wire news: international organisations and their agencies, missions and
courts; sector agent terms; non-state armed groups and cartels; office-holders of the countries
that had none. Each class with events that its new entries let the coder code, and near-misses
where a word must not become that actor. Our packaged dictionaries on sentences of our own (none
is in the gold sets).
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str, day: dt.date | None = None) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event, sorted."""
    return sorted(coded_events(coder, nlp, text) if day is None else coded_events(coder, nlp, text, day))


def codes(events: list[tuple[str, str, str, bool, bool]]) -> set[str]:
    return {code for s, t, *_ in events for code in (s, t) if code}


@pytest.mark.parametrize(("text", "expected"), [
    # UN agencies, peacekeeping missions and watchdogs
    ("MONUSCO accused Rwandan troops of shelling villages near Goma.",
     [("IGOUNOPKOCOD", "RWAMIL", "ACCUSE", False, False)]),
    ("The OPCW accused Syria of a chlorine attack.", [("IGOOPW", "SYR", "ACCUSE", False, False)]),
    ("The IOM accused Libyan coastguards of firing on a migrant boat.",
     [("IGOUNOIOM", "LBY", "ACCUSE", False, False)]),
    # regional bodies
    ("The Alliance of Sahel States accused ECOWAS of meddling in its affairs.",
     [("IGOWAFAES", "IGOWAFWAS", "ACCUSE", False, False)]),
    # an EU agency is the EU, as its institutions are
    ("Frontex accused Greek police of beating Syrian refugees.", [("IGOEUREEC", "GRCCOP", "ACCUSE", False, False)]),
    # NGOs
    ("Greenpeace accused a Norwegian oil company of polluting the Arctic.",
     [("NGOENVGRP", "NORBUS", "ACCUSE", False, False)]),
])
def test_organisations(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_a_province_is_not_the_islamic_state_branch_named_after_it(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "Sinai Province" (the group) is left out: "north Sinai province" is a place
    assert coded(coder, nlp, "Egypt's army killed 12 militants in north Sinai province.") == [
        ("EGYMIL", "", "ASSAULT", False, False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Myanmar's junta freed a Japanese journalist.", [("MMRGOV", "JPNMED", "RETREAT", False, False)]),
    ("Israeli settlers attacked Palestinian villagers.", [("ISRCVL", "PSECVL", "ASSAULT", False, False)]),
    ("A Turkish appeals court sentenced two Kurdish journalists.", [("TURJUD", "TURMED", "COERCE", False, False)]),
    ("Poland's Sejm condemned Russian aggression.", [("POLLEG", "RUS", "ACCUSE", False, False)]),
    ("Syrian jihadists attacked Lebanese troops.", [("SYRUAF", "LBNMIL", "ASSAULT", False, False)]),
    ("Nigerian herdsmen clashed with Cameroonian farmers.", [("NGAAGR", "CMRAGR", "ASSAULT", False, False)]),
    ("A Polish court sentenced two Belarusian bloggers.", [("POLJUD", "BLRMED", "COERCE", False, False)]),
])
def test_agent_terms(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_fishermen_are_not_farmers(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # herders are AGR, fishermen are left as their country (not agriculture)
    assert coded(coder, nlp, "Indian fishermen were detained by Sri Lankan sailors.") == [
        ("LKAMIL", "IND", "COERCE", False, False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mai-Mai militiamen attacked Congolese troops near Beni.", [("CODUAF", "CODMIL", "ASSAULT", False, False)]),
    ("The Arakan Rohingya Salvation Army attacked Myanmar police posts.",
     [("MMRREB", "MMRCOP", "ASSAULT", False, False)]),
    ("The Karen National Union attacked a Myanmar army base.", [("MMRREB", "MMRMIL", "ASSAULT", False, False)]),
    ("Haftar's Libyan National Army shelled Tripoli.", [("LBYREB", "LBYGOV", "ASSAULT", False, False)]),
    ("Mexican troops clashed with Gulf Cartel gunmen.", [("MEXMIL", "MEXCRM", "ASSAULT", False, False)]),
    ("Barrio 18 gang members attacked Salvadoran police.", [("SLVCRM", "SLVCOP", "ASSAULT", False, False)]),
])
def test_groups(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Ruto met Tinubu in Abuja.", None, [("KENGOV", "NGAGOV", "CONSULT", False, False),
                                         ("NGAGOV", "KENGOV", "CONSULT", False, False)]),
    ("Tshisekedi accused Kagame of backing M23 rebels.", None, [("CODGOV", "RWAGOV", "ACCUSE", False, False)]),
    ("Petro accused Bukele of abusing migrants.", None, [("COLGOV", "SLVGOV", "ACCUSE", False, False)]),
    ("Saied dissolved Tunisia's parliament.", None, [("TUNGOV", "TUNLEG", "COERCE", False, False)]),
    ("Mahmoud Abbas condemned Israel.", None, [("PSEGOV", "ISR", "ACCUSE", False, False)]),
    # a group's leader takes the group's code, dated like the group (the RSF since the war of 2023)
    ("Dagalo accused Burhan of betraying the revolution.", None, [("SDNREB", "SDNGOV", "ACCUSE", False, False)]),
    # the head of an organisation takes its code
    ("Tedros urged China to share data.", None, [("CHN", "", "COOPERATE", False, True),
                                                ("IGOUNOHLHWHO", "CHN", "REQUEST", False, False)]),
    # dated roles: in office, then an elite
    ("Buhari met Trump at the White House.", dt.date(2018, 5, 1), [("NGAGOV", "USAGOV", "CONSULT", False, False),
                                                                    ("USAGOV", "NGAGOV", "CONSULT", False, False)]),
    ("Buhari met Trump at the White House.", None, [("NGAELI", "USAGOV", "CONSULT", False, False),
                                                    ("USAGOV", "NGAELI", "CONSULT", False, False)]),
])
def test_office_holders(coder, nlp, text: str, day: dt.date | None, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text, day) == expected


@pytest.mark.parametrize(("text", "not_codes"), [
    # a first name shared with a new surname alias ("Petro" is Colombia's president)
    ("Petro Poroshenko accused Zelensky of betrayal.", {"COLGOV", "COLELI"}),
    # a first name that is a new alias ("Abbas" is the Palestinian president)
    ("Abbas Araghchi met Omani officials in Muscat.", {"PSEGOV", "PSEELI"}),
    # a bare "Wagner" stays the group, not Congo's foreign minister Kayikwamba Wagner
    ("Wagner fighters attacked Malian villagers.", {"CODGOV", "CODELI"}),
])
def test_names_that_are_not_the_new_office_holder(coder, nlp, text: str, not_codes: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, text)
    assert got and not codes(got) & not_codes
