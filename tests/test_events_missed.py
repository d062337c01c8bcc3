"""Events the coder used to miss entirely: an end ordered or declared to an armed campaign,
leaders ousted or toppled, talks cut off, police units arriving to help another country, and
protests named by who led or called them. Our packaged dictionaries on sentences of our own
(none is in the gold sets), each with a near miss that must not code.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event, sorted."""
    return sorted(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # ordering, announcing or declaring an end to an armed campaign de-escalates it (087) ...
    ("The Kurdistan Workers' Party ordered an end to its armed struggle on Monday.",
     [("TURREB", "", "RETREAT", False, False)]),
    ("Colombia's rebels announced an end to hostilities against the army.",
     [("COLREB", "", "RETREAT", False, False)]),
    # ... and one's own country's operation is no partner of it
    ("The Colombian army declared an end to Colombia's military operation in the south.",
     [("COLMIL", "", "RETREAT", False, False)]),
    # an end to something that is no armed campaign is not a de-escalation
    ("Hamas ordered an end to the curfew.", []),
])
def test_an_end_to_an_armed_campaign(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ousting or toppling a named actor coerces it (170) ...
    ("Mali's army ousted President Ibrahim Boubacar Keita on Tuesday.",   # out of office on the coding day: an elite
     [("MLIMIL", "MLIELI", "COERCE", False, False)]),
    ("Sudan's generals toppled the Egyptian-backed government of Chad.",
     [("SDN", "TCDGOV", "COERCE", False, False)]),
    # ... an ambassador ousted is still an expulsion, and ousting no actor is nothing
    ("Burkina Faso ousted the French ambassador.", [("BFA", "FRADIP", "SANCTION", False, False)]),
    ("Voters in Peru ousted the ruling party.", []),
])
def test_ousting_a_leader(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_talks_cut_off_are_halted_not_held(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "North Korea cut off military talks with South Korea.") == [
        ("PRK", "KOR", "SANCTION", False, False)]
    # talks held stay talks
    assert coded(coder, nlp, "North Korea held military talks with South Korea.") == [
        ("KOR", "PRK", "CONSULT", False, False), ("PRK", "KOR", "CONSULT", False, False)]


@pytest.mark.parametrize(("text", "expected"), [
    # police units arriving in another country help it (074, README)
    ("About 200 Rwandan police officers arrived in Mozambique on Friday.",
     [("RWACOP", "MOZ", "AID", False, False)]),
    # at home, or in a place that names no actor, they help no one
    ("Rwandan police officers arrived in Kigali on Friday.", []),
    ("Rwandan police officers arrived in the capital on Friday.", []),
])
def test_police_arriving_abroad(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who led or called a protest does it; one who bows to it is the one protested
    ("Peru's president resigned, bowing to weeks of protests led by the Peruvian opposition.",
     [("PERGOV", "", "CONCEDE", False, False), ("PEROPP", "PERGOV", "PROTEST", False, False)]),
    ("Togo's president bowed to mass protests and a general strike called by Togolese opposition parties.",
     [("TGOOPP", "TGOGOV", "PROTEST", False, False)]),
    # protests that are only a time name no one protested
    ("Peru's president resigned after weeks of protests led by the Peruvian opposition.",
     [("PERGOV", "", "CONCEDE", False, False), ("PEROPP", "", "PROTEST", False, False)]),
    # protests with no leader named stay uncoded
    ("Peru's president resigned, bowing to weeks of street protests.",
     [("PERGOV", "", "CONCEDE", False, False)]),
])
def test_protests_led_by(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
