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


def test_an_actor_listed_with_a_group_is_kept(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the group's code wins over an actor that only backs or hosts it, not over one listed with it
    assert coded(coder, nlp, "Qatar hosted talks between a delegation of the Taliban and Pakistani envoys.") == [
        ("AFGDIP", "QAT", "CONSULT", False, False), ("PAKDIP", "QAT", "CONSULT", False, False)]
    # near miss: a backer is not listed with the group
    assert coded(coder, nlp, "Iran-backed Houthis attacked a Greek ship.") == [("YEMREB", "GRC", "ASSAULT", False, False)]


@pytest.mark.parametrize(("text", "expected"), [
    # a head over "the two countries" stands for the pair
    ("Aliyev visited Erdogan in Ankara, and delegations of the two countries signed a defence pact.",
     [("AZEELI", "TURGOV", "CONSULT", False, False), ("AZEELI", "TURGOV", "SUPPORT", False, False),
      ("TURGOV", "AZEELI", "SUPPORT", False, False)]),
    # near miss: no "two" or "both", no pair
    ("Aliyev visited Erdogan in Ankara, and delegations of the countries signed a defence pact.",
     [("AZEELI", "TURGOV", "CONSULT", False, False)]),
    # a capital named only as where they met is none of the pair
    ("Erdogan met Putin in Tehran on Tuesday, and the two leaders agreed to expand trade.",
     [("RUSGOV", "TURGOV", "AGREE", False, False), ("RUSGOV", "TURGOV", "CONSULT", False, False),
      ("RUSGOV", "TURGOV", "COOPERATE", False, True), ("TURGOV", "RUSGOV", "AGREE", False, False),
      ("TURGOV", "RUSGOV", "CONSULT", False, False), ("TURGOV", "RUSGOV", "COOPERATE", False, True)]),
    # a country named by its titled leader is the leader's ("Lithuania's president": LTUGOV)
    ("Lithuania's president hosted Zelensky in Vilnius, and the two sides signed a defence pact.",
     [("LTUGOV", "UKRGOV", "SUPPORT", False, False), ("UKRGOV", "LTUGOV", "CONSULT", False, False),
      ("UKRGOV", "LTUGOV", "SUPPORT", False, False)]),
])
def test_the_two_countries(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


# -- nominal events: "by" names the doer, "of" then what is acted on --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "by" hung on the "of" object by the parser
    ("The expulsion of Czech diplomats by Hungary angered Prague.",
     [("HUN", "CZEDIP", "SANCTION", False, False)]),
    ("The release of four British aid workers by Iran was confirmed on Sunday.",
     [("IRN", "GBRDEV", "RETREAT", False, False)]),
    # "by" hung on the verb whose object the noun is
    ("Lithuania criticised the detention of a Lithuanian reporter by Belarusian police.",
     [("BLRCOP", "LTUMED", "COERCE", False, False), ("LTU", "BLRCOP", "ACCUSE", False, False)]),
    # an expulsion's "of" object is whom it expels
    ("Prague protested the expulsion of Czech diplomats by Budapest on Monday.",
     [("CZEGOV", "HUNGOV", "PROTEST", False, False), ("HUNGOV", "CZEDIP", "SANCTION", False, False)]),
    # with a possessive doer, an expulsion's or a release's "of" object is whom it is done to
    ("Budapest's expulsion of two Czech diplomats angered Prague.",
     [("HUNGOV", "CZEDIP", "SANCTION", False, False)]),
    ("Tehran's release of two French citizens came after months of talks.",
     [("IRNGOV", "FRACVL", "RETREAT", False, False)]),
    # a deployment's "of" object deploys; "to" hung on the verb is where to
    ("Warsaw condemned the deployment of Belarusian troops to Serbia.",
     [("BLRMIL", "SRB", "MOBILIZE", False, False), ("POLGOV", "BLRMIL", "ACCUSE", False, False)]),
])
def test_nominal_parties_by_preposition(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # near misses: who is released is not who releases; "by Friday" is a time, not a doer;
    # a withdrawal's own troops are no target of their state
    ("The release of four British aid workers was confirmed on Sunday.", []),
    ("Lithuania criticised the detention of a Lithuanian reporter by Friday.",
     [("LTU", "LTUMED", "ACCUSE", False, False)]),
    ("The withdrawal of Turkish troops by Ankara was completed in March.",
     [("TURGOV", "", "RETREAT", False, False)]),
])
def test_nominal_near_misses(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive owner with an agent keeps the agent ("the Turkish navy's" is TURMIL)
    ("The Turkish navy's deployment of two frigates alarmed Athens.", [("TURMIL", "", "MOBILIZE", False, False)]),
    # near miss: a possessive country alone stays the country
    ("Turkey's deployment of two frigates alarmed Athens.", [("TUR", "", "MOBILIZE", False, False)]),
])
def test_possessive_owner_with_agent(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an act welcomed is approval of its doer, not a visit
    ("Vilnius welcomed Belarus's withdrawal of troops from the border.",
     [("BLR", "", "RETREAT", False, False), ("LTUGOV", "BLRMIL", "SUPPORT", False, False)]),
    # near miss: a welcomed official is a visitor
    ("Vilnius welcomed Belarus's foreign minister.", [("BLRGOV", "LTUGOV", "CONSULT", False, False)]),
])
def test_welcomed_act_is_no_visit(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


# -- "at the request of": the asker's REQUEST to the one who acted -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Chad sent troops to Niger at the request of the Nigerien government.",
     [("NERGOV", "TCD", "REQUEST", False, False), ("TCD", "NER", "AID", False, False)]),
    ("Rwanda sent soldiers to Mozambique at Maputo's request.",
     [("MOZGOV", "RWA", "REQUEST", False, False), ("RWA", "MOZ", "AID", False, False)]),
])
def test_at_the_request_of(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_request_under_another_preposition_names_no_target(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # near miss: only "at/upon/on the request of" makes the clause's subject the one asked
    assert coded(coder, nlp, "Chad sent troops to Niger for the request of the Nigerien government.") == [
        ("NERGOV", "", "REQUEST", False, False), ("TCD", "NER", "AID", False, False)]


# -- "his country", "her government", "its ally" ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a title is a person: "his country" is the titled official's country
    ("The Kenyan foreign minister said his country would cut diplomatic ties with Somalia.",
     [("KEN", "SOM", "SANCTION", False, True)]),
    # as an object, the owner's state is the target
    ("Macron met Lula in Paris and thanked his country for its help.",
     [("BRAGOV", "FRAGOV", "CONSULT", False, False), ("FRAGOV", "BRA", "SUPPORT", False, False),
      ("FRAGOV", "BRAGOV", "CONSULT", False, False)]),
    ("Lula met Macron in Brasilia and thanked his government for its help.",
     [("BRAGOV", "FRAGOV", "CONSULT", False, False), ("BRAGOV", "FRAGOV", "SUPPORT", False, False),
      ("FRAGOV", "BRAGOV", "CONSULT", False, False)]),
])
def test_possessive_state(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # near misses: "its ally" is another, unnamed party; the subject's own country or forces
    # are no other party
    ("Serbia said its ally had agreed to supply more gas.", []),
    ("Serbia said its government had agreed to supply more gas.",
     [("SRBGOV", "", "AGREE", False, False), ("SRBGOV", "", "COOPERATE", False, True)]),
    ("Macron thanked his country for its patience.", [("FRAGOV", "", "SUPPORT", False, False)]),
    ("Egypt put its forces on alert.", [("EGY", "", "MOBILIZE", False, False)]),
])
def test_possessive_near_misses(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


# -- "a call for": an appeal, not a phone call --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Senegal's call for a ceasefire in Sudan went unanswered.", [("SEN", "", "REQUEST", False, False)]),
    # near misses: a call with someone is a phone call; a call answered is coded by the answer
    ("Erdogan's call with Putin lasted an hour.",
     [("RUSGOV", "TURGOV", "CONSULT", False, False), ("TURGOV", "RUSGOV", "CONSULT", False, False)]),
    ("Khartoum rejected Senegal's call for a ceasefire.", [("SDNGOV", "SEN", "REJECT", False, False)]),
])
def test_a_call_for_is_an_appeal(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
