"""Structures the coder walks on fresh text: reduced relatives ("sanctions imposed by Washington
on Caracas", "a pardon signed by Putin"), called-off attacks, cancelled visits, attacks and
tests with no target, and the codes of an organisation's people. Our packaged dictionaries on
sentences of our own (none is in the gold sets), each with a near miss that must not code.
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
    # a participle with a "by" agent codes its act on the noun it describes
    ("The sanctions imposed by Washington on Caracas last year were eased on Monday.",
     [("USAGOV", "VENGOV", "SANCTION", False, False)]),
    ("The tariffs imposed by China on Australian wine were scrapped.",
     [("CHN", "AUS", "SANCTION", False, False)]),
    ("Weapons supplied by Iran to the Houthis were seized off Yemen.",
     [("IRN", "YEMREB", "AID", False, False)]),
    # the agent is no object of the act: an army in the "by" phrase is no deployment
    ("The curfew ordered by the Thai army was lifted.", []),
    # the nominal act's doer: a pardon signed, strikes carried out, an amnesty granted by X
    ("The dissident walked free under a pardon signed by Alexander Lukashenko.",
     [("BLRGOV", "", "CONCEDE", False, False)]),
    # a demand rejected: the demand is of the one who rejects it, the rejection of its maker
    ("Belgrade rejected the bailout terms demanded by the European Union.",
     [("IGOEUREEC", "SRBGOV", "REQUEST", False, False), ("SRBGOV", "IGOEUREEC", "REJECT", False, False)]),
    # near miss: a described meeting is left to the noun; its host is no party of a verb
    ("Talks hosted by Malaysia resumed on Monday.", []),
])
def test_reduced_relatives(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
