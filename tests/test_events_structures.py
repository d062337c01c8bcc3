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


@pytest.mark.parametrize(("text", "expected"), [
    # an attack called off, cancelled, postponed or scrapped is the attack, negated
    ("Ankara called off retaliatory strikes against Syria on Sunday.",
     [("TURGOV", "SYR", "ASSAULT", True, False)]),
    ("Russia scrapped its planned invasion of Finland.",
     [("RUS", "FIN", "ASSAULT", True, False)]),
    ("Washington postponed the planned raid on the compound.",
     [("USAGOV", "", "ASSAULT", True, False)]),
    # near misses: halting strikes already under way de-escalates (087); a launched attack happened;
    # calling an attack something is no calling off
    ("Turkey halted air strikes on Syria.", [("TUR", "SYR", "RETREAT", False, False)]),
    ("Israel launched its ground assault on Gaza.", [("ISR", "", "ASSAULT", False, False)]),
    # a called-off exercise stays a de-escalation
    ("India called off its naval exercise with Pakistan.", [("IND", "PAK", "RETREAT", False, False)]),
])
def test_called_off_attacks(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the visitor of a cancelled visit is its "by" or "of" object or its owner, and the visit,
    # with no destination named, was to the canceller
    ("Kenya postponed a visit by the Somali president to Nairobi.",
     [("KEN", "SOMGOV", "REJECT", False, False), ("SOMGOV", "KENGOV", "CONSULT", True, False)]),
    ("Pakistan called off the visit of India's foreign minister.",
     [("INDGOV", "PAK", "CONSULT", True, False), ("PAK", "INDGOV", "REJECT", False, False)]),
    ("Brazil scrapped the Argentine foreign minister's visit.",
     [("ARGGOV", "BRA", "CONSULT", True, False), ("BRA", "ARGGOV", "REJECT", False, False)]),
    # near miss: one's own visit keeps its canceller as the visitor
    ("Japan's foreign minister cancelled his visit to Seoul.",
     [("JPNGOV", "KORGOV", "CONSULT", True, False), ("JPNGOV", "KORGOV", "REJECT", False, False)]),
])
def test_cancelled_visitor(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # missiles fired or launched at nothing named are a test or show of force (MOBILIZE)
    ("Pyongyang fired two short-range ballistic missiles on Sunday.", [("PRKGOV", "", "MOBILIZE", False, False)]),
    ("Iran launched a new cruise missile from a warship.", [("IRN", "", "MOBILIZE", False, False)]),
    # near misses: a launch aimed at a place, or strikes launched, is an attack
    ("Russia fired missiles at Odesa overnight.", [("RUS", "UKR", "ASSAULT", False, False)]),
    ("Israel launched air strikes on Tuesday.", [("ISR", "", "ASSAULT", False, False)]),
])
def test_launch_with_no_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an NGO's people, named with it or by "its", are the NGO: no mixed code (NGO...MIL, NGO...LAB)
    ("Red Cross workers visited detainees in Yemen on Monday.", [("NGOHLHIRC", "", "CONSULT", False, False)]),
    ("The Red Cross said its workers withdrew from Mali.", [("NGOHLHIRC", "MLI", "RETREAT", False, False)]),
    # near misses: an army named after the NGO's statement keeps its own country; a state's
    # troops named by "its" are the state's military
    ("Amnesty International said Nigerian troops killed protesters in Lagos.", [("NGAMIL", "", "ASSAULT", False, False)]),
    ("Chad said its troops withdrew from Niger.", [("TCDMIL", "NER", "RETREAT", False, False)]),
])
def test_ngo_people(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a threat's condition on its complement, also when the parser hangs the infinitive as an
    # adverbial clause (a date phrase between the verb and "to"): the condition's doer is the target
    ("Washington threatened on Friday to impose a 10% tariff on all Brazilian steel from July unless Brazil "
     "ended its export subsidies.",
     [("USAGOV", "BRA", "SANCTION", False, True), ("USAGOV", "BRA", "THREATEN", False, False)]),
    ("Moscow threatened on Tuesday to cut gas deliveries to Moldova unless Chisinau paid its debts.",
     [("RUSGOV", "MDA", "SANCTION", False, True), ("RUSGOV", "MDAGOV", "THREATEN", False, False)]),
    # near miss: no condition, no target from one
    ("Beijing threatened on Monday to impose tariffs on Australian wine.",
     [("CHNGOV", "", "THREATEN", False, False), ("CHNGOV", "AUS", "SANCTION", False, True)]),
])
def test_threat_condition_on_adverbial_infinitive(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a disapproval of "the move", "the decision" or "what" refers back to an act of the sentence:
    # it targets that act's doer
    ("Vladimir Putin recognised two breakaway regions of Moldova on Tuesday, and Moldova's president "
     "denounced the move as an attempt to annex Moldovan territory.",
     [("MDAGOV", "RUSGOV", "ACCUSE", False, False), ("RUSGOV", "", "SUPPORT", False, False)]),
    ("Venezuelan troops stormed the parliament in Caracas on Monday in what President Maduro denounced as a coup.",
     [("VENGOV", "VENMIL", "ACCUSE", False, False), ("VENMIL", "VENGOV", "ASSAULT", False, False)]),
    ("Russia expelled ten Polish diplomats, and Warsaw condemned the decision.",
     [("POLGOV", "RUS", "ACCUSE", False, False), ("RUS", "POLDIP", "SANCTION", False, False)]),
    # a naming verb's crime name on such a reference: the namer accuses the act's doer
    ("Beijing recognised Kosovo, and Serbia called the decision a betrayal.",
     [("CHNGOV", "XKX", "SUPPORT", False, False), ("SRB", "CHNGOV", "ACCUSE", False, False)]),
    ("Beijing recognised Kosovo, and Serbia called the decision a mistake.",
     [("CHNGOV", "XKX", "SUPPORT", False, False)]),
    # near misses: a reference with no act before it names no one; an act noun of its own is no reference
    ("Kyiv condemned the move on Friday.", [("UKRGOV", "", "ACCUSE", False, False)]),
    ("Russia expelled ten Polish diplomats, and Warsaw condemned the attack on its embassy.",
     [("POLGOV", "POLDIP", "ACCUSE", False, False), ("RUS", "POLDIP", "SANCTION", False, False)]),
])
def test_disapproval_of_a_referred_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a swap, truce or deal "negotiated by" a third party is mediated by it (045, CONSULT)
    ("Colombia freed ten rebels in a prisoner swap negotiated by Cuba and Norway.",
     [("COL", "", "RETREAT", False, False), ("CUB", "COL", "CONSULT", False, False),
      ("NOR", "COL", "CONSULT", False, False)]),
    ("Israel and Hamas agreed to a truce negotiated by Egypt and Qatar.",
     [("EGY", "ISR", "CONSULT", False, False), ("EGY", "PSEREB", "CONSULT", False, False),
      ("ISR", "PSEREB", "AGREE", False, False), ("PSEREB", "ISR", "AGREE", False, False),
      ("QAT", "ISR", "CONSULT", False, False), ("QAT", "PSEREB", "CONSULT", False, False)]),
    # near misses: a party's own negotiator, and negotiators of a deal another party rejects
    ("Iran accepted a deal negotiated by its foreign minister.", [("IRN", "", "SUPPORT", False, False)]),
    ("Ukraine rejected a deal negotiated by Russia and the United States.",
     [("UKR", "RUS", "REJECT", False, False), ("UKR", "USA", "REJECT", False, False)]),
])
def test_negotiated_by_a_third_party(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # troops storming a building use force (190, ASSAULT), also an office or headquarters, whose
    # owner is the target
    ("Turkish troops stormed the rebel commander's headquarters in Afrin.", [("TURMIL", "SYR", "ASSAULT", False, False)]),
    ("Ethiopian troops stormed the Somali president's headquarters in Mogadishu.",
     [("ETHMIL", "SOMGOV", "ASSAULT", False, False)]),
    ("Ugandan troops stormed the Congolese rebel leader's headquarters.", [("UGAMIL", "CODREB", "ASSAULT", False, False)]),
    # near miss: a raid on an office searches and seizes property (171, COERCE)
    ("Serbian police raided the Kosovo prime minister's office.", [("SRBCOP", "XKXGOV", "COERCE", False, False)]),
])
def test_storming_a_building(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
