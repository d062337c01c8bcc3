"""Event types that hang on what a trigger governs: a vow of force is a threat, a captured person
is arrested. Our packaged dictionaries on sentences of our own (none is in the gold sets), each
with a near miss that must not change type.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def types(coder, nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type) of the events asserted as having happened or not (flags dropped)."""
    return {(s, t, p) for s, t, p, _, _ in coded_events(coder, nlp, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # a vow whose clause codes force (18-20) by itself
    ("Erdogan vowed to bomb the PKK camps in northern Iraq.", ("TURGOV", "TURREB", "THREATEN")),
    ("Netanyahu vowed to hunt down the Hamas commanders.", ("ISRGOV", "PSEREB", "THREATEN")),
    # a vow that someone will be punished
    ("The Houthis vowed that the attackers would be punished.", ("YEMREB", "", "THREATEN")),
    # a promised war against someone
    ("Biden promised a long war against Islamic State.", ("USAELI", "IRQRAD", "THREATEN")),
])
def test_vow_of_force_is_a_threat(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = types(coder, nlp, text)
    assert expected in got
    assert not any(p == "AGREE" for _, _, p in got)


@pytest.mark.parametrize("text", [
    "Putin promised to help Serbia.",
    "Modi promised a war on poverty.",
    "Macron pledged to end the war in Ukraine.",
])
def test_vow_of_help_or_peace_is_no_threat(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = types(coder, nlp, text)
    assert any(p == "AGREE" for _, _, p in got)
    assert not any(p == "THREATEN" for _, _, p in got)


@pytest.mark.parametrize(("text", "expected"), [
    ("Colombian troops captured FARC commander Ivan Marquez in a jungle raid.", ("COLMIL", "COLREB", "COERCE")),
    ("Turkish police captured Islamic State's leader Abu Bakr al-Baghdadi.", ("TURCOP", "IRQRADGOV", "COERCE")),
    ("Somali troops recaptured him after his escape.", ("SOMMIL", "", "COERCE")),
])
def test_captured_person_is_arrested(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = types(coder, nlp, text)
    assert expected in got
    assert not any(p == "ASSAULT" for _, _, p in got)


@pytest.mark.parametrize("text", [
    "Houthi rebels captured Sanaa on Sunday.",
    "Ukrainian forces captured the town of Bakhmut.",
])
def test_captured_place_is_taken(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = types(coder, nlp, text)
    assert any(p == "ASSAULT" for _, _, p in got)
    assert not any(p == "COERCE" for _, _, p in got)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tunisia's president dissolved parliament on Sunday.", ("TUNGOV", "TUNLEG", "COERCE")),
    ("South Korea's parliament removed President Yoon Suk Yeol from office.", ("KORLEG", "KORGOV", "COERCE")),
    ("Thailand's army chief dissolved the government on Thursday.", ("THAMIL", "", "COERCE")),
])
def test_removal_from_office_coerces(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert expected in types(coder, nlp, text)


@pytest.mark.parametrize("text", [
    "The crowds in Tbilisi dissolved after Georgia's opposition called off the rally.",
    "Kenyan police removed barricades from the square outside parliament.",
])
def test_other_dissolving_and_removing_is_no_coercion(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(p == "COERCE" for _, _, p in types(coder, nlp, text))
