"""Events in the clauses of long sentences: relative clauses whose pronoun stands for an actor,
complements of verbs of pressing and prompting, allegations, and targets named far from their
verb. Our packaged dictionaries on sentences of our own (none is in the gold sets), each rule
with a near miss that must not code.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event with a
    PLOVER type, sorted, duplicates kept."""
    return sorted(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # the pronoun of a relative clause set off by commas is the actor it describes, as subject ...
    ("Norway, which sent Ukraine artillery shells last year, condemned the attack.",
     [("NOR", "", "ACCUSE", False, False), ("NOR", "UKR", "AID", False, False)]),
    # ... also of an actor that is the object of a preposition
    ("The raid drew condemnation from Brazil, which called on Paraguay to release the detained farmers.",
     [("BRA", "", "ACCUSE", False, False), ("BRA", "PRY", "REQUEST", False, False),
      ("PRY", "", "RETREAT", False, True)]),
])
def test_relative_pronoun_is_its_antecedent(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause describing a thing: the thing names no source
    ("The strike, which killed five Sudanese civilians, drew condemnation from Egypt.",
     [("EGY", "SDNCVL", "ACCUSE", False, False)]),
    # a restrictive "who" clause (no comma) is left as it was: no source for the attack
    ("A Chilean student who attacked Bolivian diplomats was arrested.", []),
])
def test_relative_pronoun_near_misses(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
