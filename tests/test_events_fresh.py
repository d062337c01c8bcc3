"""Structures and word classes of fresh wire text: the object of a causative ("prompting X to
V") as the source of V, troops leaving a country, ending an armed campaign and giving up arms,
routing and overrunning, former office holders. Our packaged dictionaries on sentences of our
own (none is in the gold sets), each with a near miss that must not code the same way.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event with a
    PLOVER type, sorted, duplicates kept."""
    return sorted(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # a participle of a causative: its object acts, not the subject of the first act
    ("Armenian forces shelled villages near the border on Monday, prompting Azerbaijan to put its troops on alert.",
     [("ARMMIL", "", "ASSAULT", False, False), ("AZE", "", "MOBILIZE", False, False)]),
    # (the reaction is aimed at the doer of the act that caused it: tests/test_events_clauses.py)
    ("Greek troops shelled the port on Friday, leading Albania to recall its ambassador.",
     [("ALB", "GRCMIL", "SANCTION", False, False), ("GRCMIL", "", "ASSAULT", False, False)]),
    # a causative as the main verb: its subject's act is coded on its own
    ("The Turkish air strikes prompted Iraq to summon the Turkish ambassador.",
     [("IRQ", "TURDIP", "ACCUSE", False, False), ("TUR", "", "ASSAULT", False, False)]),
    ("The border clashes caused Kenya to close its border with Somalia.",
     [("KEN", "SOM", "SANCTION", False, False)]),
    # pressure is a demand: the act pressed for is not (yet) done
    ("Washington pressured Israel to halt its offensive in Gaza.",
     [("ISR", "", "RETREAT", False, True), ("USAGOV", "ISR", "REQUEST", False, False)]),
])
def test_causative_object_is_the_source(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a causative without an infinitive names no second actor: nothing is taken from its object
    ("Armenian forces shelled villages near the border, prompting an emergency session of parliament.",
     [("ARMMIL", "", "ASSAULT", False, False)]),
    # "led to" is a result, not an actor's act
    ("The dispute over the pass led to clashes between Indian and Chinese troops.",
     [("CHNMIL", "INDMIL", "ASSAULT", False, False), ("INDMIL", "CHNMIL", "ASSAULT", False, False)]),
])
def test_causative_near_misses(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # troops leaving a country retreat from it (0874), the country the target
    ("The last Russian troops left Moldova on Friday.", [("RUSMIL", "MDA", "RETREAT", False, False)]),
    # ending, abandoning or scaling down an armed campaign de-escalates (087), no target
    ("The Kurdish rebel group PKK abandoned its armed campaign in 2025.", [("TURREB", "", "RETREAT", False, False)]),
    ("Colombia's ELN rebels ended their armed struggle on Saturday.", [("COLREB", "", "RETREAT", False, False)]),
    ("Moscow would scale down military activity in the Black Sea.", [("RUSGOV", "", "RETREAT", False, True)]),
    # dumping its weapons disarms an armed group (0873)
    ("FARC rebels would dump their weapons.", [("COLREB", "", "RETREAT", False, True)]),
    # routing forces is combat
    ("Houthi fighters routed Saudi-backed troops.", [("YEMREB", "SAUMIL", "ASSAULT", False, False)]),
    # driving forces out of a place fights them
    ("Ethiopian troops drove Eritrean units out of the border town.", [("ETHMIL", "ERI", "ASSAULT", False, False)]),
    ("Kenyan troops pushed al-Shabaab fighters out of Kismayo.", [("KENMIL", "SOMREB", "ASSAULT", False, False)]),
    # insurgents overrunning a city of their own country use force on that country
    ("Boko Haram fighters overran Maiduguri on Monday.", [("NGAREB", "NGA", "ASSAULT", False, False)]),
    ("Al-Shabaab militants seized control of Kismayo.", [("SOMREB", "SOM", "ASSAULT", False, False)]),
])
def test_retreat_and_assault_word_classes(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an envoy leaving a country is no retreat; troops leaving no actor or leaving for one neither
    ("The Russian ambassador left Ukraine on Monday.", []),
    ("Russian soldiers left the building on Monday.", []),
    ("Russian troops left for Belarus on Monday.", []),
    # a campaign that is not armed, and cutting aid, are not de-escalation
    ("The Philippine government ended its campaign against Abu Sayyaf.", []),
    ("Israel cut back military aid to Egypt.", [("ISR", "EGY", "SANCTION", False, False)]),
    # driving people who are not forces out is no combat
    ("The Ethiopian government drove Eritrean traders out of the country.", []),
    # dumping goods is trade, not disarmament
    ("Chinese exporters dumped steel on European markets.", []),
    # a state's own troops in its own city: the city is where, not whom
    ("Nigerian troops shelled Maiduguri on Monday.", [("NGAMIL", "", "ASSAULT", False, False)]),
])
def test_retreat_and_assault_near_misses(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # a former office holder named by title is out of office: the country's elite
    ("Peruvian police arrested the former Peruvian president on Wednesday.", dt.date(2025, 3, 19),
     [("PERCOP", "PERELI", "COERCE", False, False)]),
    ("Peruvian police arrested former Bolivian President Evo Morales.", dt.date(2025, 3, 19),
     [("PERCOP", "BOLELI", "COERCE", False, False)]),
    ("The former Iraqi defence minister met Iranian officials.", dt.date(2025, 3, 19),
     [("IRNGOV", "IRQELI", "CONSULT", False, False), ("IRQELI", "IRNGOV", "CONSULT", False, False)]),
    # near misses: a sitting office holder, and former members of an armed group
    ("Peruvian police arrested the Bolivian president.", dt.date(2025, 3, 19),
     [("PERCOP", "BOLGOV", "COERCE", False, False)]),
    ("Peruvian police arrested former FARC rebels.", dt.date(2025, 3, 19),
     [("PERCOP", "COLREB", "COERCE", False, False)]),
    # another given name before a dictionary person's surname is someone else
    ("The ICC issued an arrest warrant for Sudanese President Omar al-Bashir.", dt.date(2009, 3, 4),
     [("IGOJUDICC", "SDNGOV", "COERCE", False, False)]),
    # ... but a nickname, one of their own names or an honorific is still them
    ("Joe Biden met Emmanuel Macron in Paris.", dt.date(2021, 3, 4),
     [("FRAGOV", "USAGOV", "CONSULT", False, False), ("USAGOV", "FRAGOV", "CONSULT", False, False)]),
    ("Turkish President Tayyip Erdogan met Vladimir Putin in Sochi.", dt.date(2021, 3, 4),
     [("RUSGOV", "TURGOV", "CONSULT", False, False), ("TURGOV", "RUSGOV", "CONSULT", False, False)]),
    ("On Monday Erdogan met Mr Putin in Sochi.", dt.date(2021, 3, 4),
     [("RUSGOV", "TURGOV", "CONSULT", False, False), ("TURGOV", "RUSGOV", "CONSULT", False, False)]),
])
def test_former_office_and_given_names(coder, nlp, text: str, day: dt.date, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert sorted(coded_events(coder, nlp, text, day)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "withdraw its troops from X": the troops are the owner's, X the target
    ("Britain said it would withdraw its troops from Estonia.", [("GBR", "EST", "RETREAT", False, True)]),
    ("Chile recalled its ambassador from Bolivia on Monday.", [("CHL", "BOL", "SANCTION", False, False)]),
    ("Peru and Chile recalled their ambassadors from Bolivia.",
     [("CHL", "BOL", "SANCTION", False, False), ("PER", "BOL", "SANCTION", False, False)]),
    # near misses: without an owner the people are the "from" country's
    ("Chile expelled diplomats from Bolivia on Monday.", [("CHL", "BOLDIP", "SANCTION", False, False)]),
    ("The ambassador from Bolivia met Chilean officials.",
     [("BOLDIP", "CHLGOV", "CONSULT", False, False), ("CHLGOV", "BOLDIP", "CONSULT", False, False)]),
])
def test_owned_people_taken_from_a_country(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
