"""Our packaged dictionaries on sentences of our own: how the coder finds an event's target when
the sentence does not name it outright (docs/events.md, "How targets are found").

Each case names the (source, target, PLOVER type) pairs that must, or must not, be coded. The
sentences are written for these tests; none is in the gold sets.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type) for every event with a PLOVER type (target "" if none)."""
    return {(s, t, plover) for s, t, plover, _, _ in coded_events(coder, nlp, text)}


def targets(coder, nlp, text: str, source: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The targets of ``source``'s events (whatever their type)."""
    return {t for s, t, _ in coded(coder, nlp, text) if s == source}


# ------------------------------------------------------------- definite descriptions (_referent)

@pytest.mark.parametrize(("text", "expected"), [
    # a group noun refers back to the last group, across sentences
    ("Hezbollah fired rockets at Israel on Sunday. Israel accused the militant group of breaking the truce.",
     ("ISR", "LBNREB", "ACCUSE")),
    # "the country's government": the country named before, with the phrase's agent
    ("Ecuador's army arrested several members of the country's former government.",
     ("ECUMIL", "ECUGOV", "COERCE")),
    # "the bloc": the last organisation
    ("The EU met on Monday. Hungary blocked the bloc's new sanctions package.", ("HUN", "IGOEUREEC", "REJECT")),
])
def test_a_definite_description_is_the_last_fitting_actor(coder, nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in coded(coder, nlp, text)


def test_the_rebels_alone_are_the_last_armed_group(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Houthi rebels seized a cargo ship on Sunday. The United States struck the rebels on Friday."
    assert ("USA", "YEMREB", "ASSAULT") in coded(coder, nlp, text)
    # no group named before: "the militants" stay no one
    assert targets(coder, nlp, "Kenyan police clashed with protesters. The United States condemned the militants.",
                   "USA") == {""}


def test_a_definite_description_without_a_fitting_antecedent_names_no_one(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the only country before is the clause's own subject: an object is not its own subject
    assert targets(coder, nlp, "Pakistan accused the country of sheltering militants.", "PAK") == {""}
    # "the group of experts" is a group of people, not the last armed group
    assert targets(coder, nlp, "Hezbollah fired rockets at Israel. Israel criticised the group of experts.",
                   "ISR") == {""}


# ------------------------------------------------------ possessives in an object (_resolve_possessive)

def test_its_own_people_are_the_owners_sector(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SRB", "SRBCOP", "COERCE") in coded(coder, nlp, "Serbia arrested dozens of its own police officers on Friday.")
    # without "own" a state's own troops are no other party
    assert targets(coder, nlp, "Serbia withdrew its troops from the border.", "SRB") == {""}


def test_a_possessive_that_disagrees_with_its_clause_subject_is_the_governing_subjects(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Canada and Mexico protested after China imposed duties on their exports.")
    assert {("CHN", "CAN", "SANCTION"), ("CHN", "MEX", "SANCTION")} <= got
    # "its" agrees with the clause's own subject: no other owner is guessed
    assert targets(coder, nlp, "Britain protested after China imposed duties on its exports.", "CHN") == {""}


# ---------------------------------------------------------------- where goods come from (_made_in)

def test_goods_are_the_country_they_were_made_in(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert targets(coder, nlp, "The EU's ban on steel made in Brazil took effect on Monday.", "IGOEUREEC") == {"BRA"}
    assert targets(coder, nlp, "China's ban on seafood imported from Norway angered Oslo.", "CHN") == {"NOR"}
    # made by an unnamed maker: no target
    assert targets(coder, nlp, "The EU's ban on steel made by local mills took effect.", "IGOEUREEC") == {""}


# ------------------------------------------------------ coordinated verbs (_coordinated_target)

def test_a_coordinated_hostile_act_shares_the_first_acts_target(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("ARM", "AZE", "THREATEN") in coded(coder, nlp, "Armenia condemned Azerbaijan and promised a firm response.")


def test_a_coordinated_act_with_its_own_object_keeps_its_own_target(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Armenia condemned Azerbaijan and expelled a Russian diplomat.")
    assert ("ARM", "RUSDIP", "SANCTION") in got and ("ARM", "AZE", "SANCTION") not in got
    # an arrest acts on its own object, named or not
    assert ("ARM", "", "COERCE") in coded(coder, nlp, "Armenia condemned Azerbaijan and arrested a former minister.")
    # a friendly act after a hostile one is not aimed at the same party
    assert ("ARM", "AZE", "AGREE") not in coded(coder, nlp, "Armenia condemned Azerbaijan and promised more aid.")


# --------------------------------------------------------------- a phrase's clause (_in_clause)

def test_an_agent_inside_a_clause_of_the_phrase_is_not_the_phrases(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Colombia suspended talks with the ELN, accusing the rebel group of bombing an army base."
    assert ("COL", "COLREB", "ACCUSE") in coded(coder, nlp, text)
