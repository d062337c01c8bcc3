"""Second and third events of long sentences: acts that are not restatements of one another,
acts named by reference ("did the same", "do so", "followed suit"), responses, leaving a treaty
or organisation, and forced landings. Our packaged dictionaries on sentences of our own (none is
in the gold sets), with the cases that must still collapse into one event.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event with a
    PLOVER type, sorted, duplicates kept (two events of one type are two)."""
    return sorted(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # two coordinated acts of one root, one with a target and one without, are two acts
    ("Venezuela's army arrested the Colombian consul and imposed a nighttime curfew on Tuesday.",
     [("VENMIL", "", "COERCE", False, False), ("VENMIL", "COLDIP", "COERCE", False, False)]),
    # an apology (055, CONCEDE) is no restatement of an agreement (057, SUPPORT) of the same root,
    # also as a participle
    ("Japan signed an accord with Vietnam, apologising for its wartime abuses.",
     [("JPN", "", "CONCEDE", False, False), ("JPN", "VNM", "SUPPORT", False, False),
      ("VNM", "JPN", "SUPPORT", False, False)]),
    # a clause with a subject of its own states an act of its own ...
    ("Russia fired missiles into the sea near Japan as it began naval drills off the island.",
     [("RUS", "", "MOBILIZE", False, False), ("RUS", "JPN", "MOBILIZE", False, False)]),
    # ... also when its noun has the same parties as the first act
    ("Turkey fired missiles into the sea near Cyprus as it started its biggest ever drills around the island.",
     [("TUR", "CYP", "MOBILIZE", False, False), ("TUR", "CYP", "MOBILIZE", False, False)]),
])
def test_different_acts_of_one_kind_are_kept(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle telling what the strike hit restates it
    ("Russia fired missiles at Kyiv, striking a power plant.", [("RUS", "UKRGOV", "ASSAULT", False, False)]),
    # an apposition naming the act again restates it
    ("Armenia and Azerbaijan swapped prisoners, the first swap in years.",
     [("ARM", "AZE", "RETREAT", False, False), ("AZE", "ARM", "RETREAT", False, False)]),
    # strikes that are the subject of the killing are the killing
    ("Israeli strikes killed dozens of Syrian soldiers on Monday.", [("ISR", "SYRMIL", "ASSAULT", False, False)]),
])
def test_restatements_still_collapse(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lithuania expelled two Chinese diplomats, and Latvia followed suit.",
     [("LTU", "CHNDIP", "SANCTION", False, False), ("LVA", "CHNDIP", "SANCTION", False, False)]),
    # (its own envoy recalled from a capital targets the host government, as the gold README says)
    ("Estonia recalled its ambassador from Minsk, and Finland did the same.",
     [("EST", "BLRGOV", "SANCTION", False, False), ("FIN", "BLRGOV", "SANCTION", False, False)]),
    # the pronoun is the one who did the act; its own negation and modal flag the repeat
    ("Kenya has never sent troops to Somalia and said it would not do so.",
     [("KEN", "SOM", "AID", True, False), ("KEN", "SOM", "AID", True, True)]),
    # tit for tat: the one acted on repeats the act on the first actor's people
    ("Sweden expelled three Iranian diplomats, and Tehran said it would do the same.",
     [("IRNGOV", "SWEDIP", "SANCTION", False, True), ("SWE", "IRNDIP", "SANCTION", False, False)]),
    # "promised to do so" repeats the withdrawal, not the promise
    ("Armenia pulled its troops back from the border, and Azerbaijan promised to do so.",
     [("ARM", "", "RETREAT", False, False), ("AZE", "", "AGREE", False, False), ("AZE", "", "RETREAT", False, True)]),
    # no act before it: nothing to repeat
    ("Ghana said it would do the same.", []),
])
def test_a_verb_standing_for_an_earlier_act_repeats_it(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the strikes are the response; a country named only as where they fell is no target
    ("Pakistan responded with drone strikes across eastern Afghanistan.", [("PAK", "", "ASSAULT", False, False)]),
    ("Iran responded with missile strikes on Israel.", [("IRN", "ISR", "ASSAULT", False, False)]),
    ("Rwanda responded with a statement.", []),
])
def test_responding_with_an_act_is_the_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the state taken out is the source's own; the treaty's partner is the target
    ("Washington pulled the United States out of the arms control treaty with Russia.",
     [("USAGOV", "RUS", "SANCTION", False, False)]),
    ("Ottawa withdrew Canada from the World Trade Organization on Monday.",
     [("CANGOV", "IGOBUSWTO", "SANCTION", False, False)]),
    # withdrawing troops from another country stays a retreat from it
    ("France pulled its soldiers out of Mali.", [("FRA", "MLI", "RETREAT", False, False)]),
])
def test_leaving_a_treaty_or_organisation(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Greek fighter jets forced a Turkish cargo plane to land on Crete.", [("GRC", "TUR", "COERCE", False, False)]),
    # a region attacked is force used on a place, coded with no target
    ("Azerbaijani forces shelled the breakaway region of Nagorno-Karabakh.", [("AZEMIL", "", "ASSAULT", False, False)]),
    # force against no actor and no place is still no event
    ("Argentina's government fought inflation with spending cuts.", []),
])
def test_forced_landings_and_attacked_regions(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
