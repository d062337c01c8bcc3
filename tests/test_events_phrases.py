"""Actors deep inside long noun phrases, nominal events whose parties are named by prepositions,
and "his country", "her government", "its ally". Our packaged dictionaries on sentences of our
own (none is in the gold sets), each rule with a near miss that must not code the same way.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event with a
    PLOVER type, sorted, duplicates kept."""
    return sorted(coded_events(coder, nlp, text))


# -- a compound subject of a mutual act with an object: the object is the partner -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The leaders of Spain and Portugal met Moroccan King Mohammed VI in Rabat on Monday.",
     [("ESPGOV", "MARGOV", "CONSULT", False, False), ("MARGOV", "ESPGOV", "CONSULT", False, False),
      ("MARGOV", "PRTGOV", "CONSULT", False, False), ("PRTGOV", "MARGOV", "CONSULT", False, False)]),
    ("Norway and Sweden met Finnish officials in Oslo on Friday.",
     [("FINGOV", "NOR", "CONSULT", False, False), ("FINGOV", "SWE", "CONSULT", False, False),
      ("NOR", "FINGOV", "CONSULT", False, False), ("SWE", "FINGOV", "CONSULT", False, False)]),
])
def test_compound_subject_meets_its_object(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # near miss: an object that names no actor leaves the subjects with each other
    ("Norway and Sweden signed a fisheries agreement in Oslo on Friday.",
     [("NOR", "SWE", "SUPPORT", False, False), ("SWE", "NOR", "SUPPORT", False, False)]),
    ("Vietnam and Indonesia met on Thursday.",
     [("IDN", "VNM", "CONSULT", False, False), ("VNM", "IDN", "CONSULT", False, False)]),
])
def test_compound_subject_without_partner_is_mutual(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


# -- a head over a list of actors: each item with its own agent, else the head's ---------------

@pytest.mark.parametrize(("text", "expected"), [
    # each item keeps its own agent and group code (not one actor with every item's agents)
    ("Representatives of the Libyan army and the Wagner Group met in Benghazi on Tuesday.",
     [("LBYMIL", "RUSUAF", "CONSULT", False, False), ("RUSUAF", "LBYMIL", "CONSULT", False, False)]),
    # items without an agent take the head's
    ("The defence ministers of Poland and Romania visited Kyiv on Wednesday.",
     [("POLGOV", "UKRGOV", "CONSULT", False, False), ("ROUGOV", "UKRGOV", "CONSULT", False, False)]),
    ("Delegates from the Malian army and Tuareg rebels met in Algiers.",
     [("MLIMIL", "MLIREB", "CONSULT", False, False), ("MLIREB", "MLIMIL", "CONSULT", False, False)]),
])
def test_head_over_a_list_of_actors(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_head_over_one_actor_keeps_its_agent(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # near miss: no list, so the head's agent and the actor make one party as before
    assert coded(coder, nlp, "The defence minister of Poland visited Kyiv on Wednesday.") == [
        ("POLGOV", "UKRGOV", "CONSULT", False, False)]
