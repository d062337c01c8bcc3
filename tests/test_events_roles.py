"""Roles of coded events: who acts and who is acted on where the parser splits a sentence's
clauses or hangs a party far from its verb. Our packaged dictionaries on sentences of our own
(none is in the gold sets), each with a near miss that must not code the same way.
"""

from __future__ import annotations

import pytest

from helpers import coded_events

pytestmark = pytest.mark.slow


def coded(coder, nlp, text: str) -> list[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) for every pair of every event, sorted."""
    return sorted(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # "prompting A to X and B to Y": the parser hangs B on X's last noun; B is Y's subject, not X's target
    ("Albanian police stormed the town hall, prompting Serbia to put its army on alert and Washington "
     "to rebuke Tirana.",
     [("SRB", "", "MOBILIZE", False, False), ("USAGOV", "ALBGOV", "ACCUSE", False, False)]),
    ("The shelling prompted Greece to recall its ambassador and the European Union to condemn Ankara.",
     [("GRC", "", "SANCTION", False, False), ("IGOEUREEC", "TURGOV", "ACCUSE", False, False)]),
])
def test_second_subject_of_coordinated_infinitives(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_names_listed_as_agents_stay_one_group(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # near miss: a name joined to other names ("by Spain, Italy and Portugal to ...") is a list
    events = coded(coder, nlp, "Syria was urged by Turkey, Qatar and Jordan to resume full cooperation with "
                               "the U.N. chemical weapons watchdog.")
    assert {e[0] for e in events if e[2] == "REQUEST"} == {"TUR", "QAT", "JOR"}
    assert {e[0] for e in events if e[2] == "COOPERATE"} == {"SYR", "IGOUNO"}


@pytest.mark.parametrize(("text", "expected"), [
    # where an arrest is made is no party: a capital owning the airport does not become the arrested
    ("Peruvian police arrested former President Pedro Castillo at Lima's airport on Tuesday.",
     [("PERCOP", "", "COERCE", False, False)]),
    ("Kenyan police detained two men in Nairobi on Friday.",
     [("KENCOP", "", "COERCE", False, False)]),
    # near miss: whom the arrest is of still is the target
    ("Peruvian police arrested two Chilean nationals at Lima's airport on Tuesday.",
     [("PERCOP", "CHL", "COERCE", False, False)]),
    # near miss: a struck place is a target
    ("Russian missiles struck Kyiv's airport on Tuesday.",
     [("RUS", "UKRGOV", "ASSAULT", False, False)]),
])
def test_place_of_an_arrest_is_no_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # troops withdrawn "from" a country are the withdrawer's own, named or not
    ("Chile withdrew troops from Bolivia on Monday.", [("CHL", "BOL", "RETREAT", False, False)]),
    ("Rwanda withdrew its troops from Congo on Monday.", [("RWA", "COD", "RETREAT", False, False)]),
    # near miss: diplomats expelled "from" a country are that country's
    ("Chile expelled diplomats from Bolivia.", [("CHL", "BOLDIP", "SANCTION", False, False)]),
])
def test_troops_withdrawn_from_a_country(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a request is made of whoever grants or acts at it
    ("Poland's parliament approved the Ukrainian government's request for more ammunition.",
     ("UKRGOV", "POLLEG", "REQUEST")),
    ("NATO convened an emergency meeting at Estonia's request on Sunday.",
     ("EST", "IGOWSTNAT", "REQUEST")),
    # an ultimatum is given to whoever ignores it
    ("Serbia ignored an ultimatum from Croatia to close the border crossing.", ("HRV", "SRB", "THREATEN")),
    # a demand "that X do" is made of X, not of whoever rejects it
    ("Egypt rejected an Arab League demand that Sudan hold elections.", ("IGOMEAARL", "SDN", "REQUEST")),
])
def test_whom_a_request_is_made_of(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert expected in {e[:3] for e in coded(coder, nlp, text)}


@pytest.mark.parametrize(("text", "event"), [
    # near misses: one who only welcomes a request was not asked; a threat is aimed at its condition
    ("Poland's parliament welcomed the Ukrainian government's request for more ammunition.", ("UKRGOV", "REQUEST")),
    ("Iraq defied Washington's threat to cut aid.", ("USAGOV", "THREATEN")),
])
def test_request_with_no_one_asked(coder, nlp, text: str, event: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert (event[0], "", event[1]) in {e[:3] for e in coded(coder, nlp, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # an attack with a "by" agent that is the subject of a verb of force: whom the verb names
    ("A drone attack by Hezbollah killed two Israeli soldiers on Sunday.", [("LBNREB", "ISRMIL", "ASSAULT", False, False)]),
    ("An air strike by Turkey killed three Syrian soldiers near Aleppo.", [("TUR", "SYRMIL", "ASSAULT", False, False)]),
    # near miss: a verb that is no act of force names no one the attack hit
    ("An air strike by Turkey drew condemnation from Iraq.",
     [("IRQ", "TUR", "ACCUSE", False, False), ("TUR", "", "ASSAULT", False, False)]),
])
def test_whom_an_attack_subject_hit(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what a relative clause says was shot down is what was fired: its firer is the target,
    # not the other agent of a coordinated "by" phrase
    ("Russia launched dozens of drones overnight, most of which were shot down by Polish and Dutch jets.",
     [("NLD", "RUS", "ASSAULT", False, False), ("POL", "RUS", "ASSAULT", False, False)]),
    # near miss: drones bought, not fired, name no one shot at; coordinated agents are no pair
    ("Turkey bought drones which were shot down by Greece.",
     [("GRC", "", "ASSAULT", False, False), ("TUR", "", "COOPERATE", False, False)]),
    ("The drones were shot down by Polish and Dutch jets.",
     [("NLD", "", "ASSAULT", False, False), ("POL", "", "ASSAULT", False, False)]),
])
def test_whom_a_shooting_down_targets(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "with X doing": an absolute clause of its own, no partner of the agreement
    ("Peru and Chile signed an accord on Monday, with Lima apologising for the raid.",
     [("CHL", "PER", "SUPPORT", False, False), ("PER", "CHL", "SUPPORT", False, False),
      ("PERGOV", "", "CONCEDE", False, False)]),
    # near miss: "with X" names the partner
    ("Peru signed an accord on Monday with Chile and Bolivia.",
     [("BOL", "PER", "SUPPORT", False, False), ("CHL", "PER", "SUPPORT", False, False),
      ("PER", "BOL", "SUPPORT", False, False), ("PER", "CHL", "SUPPORT", False, False)]),
])
def test_absolute_with_clause_is_no_partner(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the partner of an agreement named in the participle saying what it does
    ("Morocco and Sudan signed agreements normalising relations with Israel on Tuesday.",
     [("ISR", "MAR", "SUPPORT", False, False), ("ISR", "SDN", "SUPPORT", False, False),
      ("MAR", "ISR", "SUPPORT", False, False), ("SDN", "ISR", "SUPPORT", False, False)]),
    # near miss: with no partner named there, coordinated signers agree with each other
    ("Morocco and Sudan signed agreements restoring diplomatic ties.",
     [("MAR", "SDN", "SUPPORT", False, False), ("SDN", "MAR", "SUPPORT", False, False)]),
])
def test_partner_in_participle_of_agreement(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # goods a sanction falls "on" are their maker's, also when the pattern's "+" is the goods
    ("Canada imposed tariffs of up to 25% on steel made in China on Tuesday.", [("CAN", "CHN", "SANCTION", False, False)]),
    # near miss: where goods are sold is no maker
    ("Canada imposed tariffs on steel sold in Ontario.", [("CAN", "", "SANCTION", False, False)]),
])
def test_sanctioned_goods_name_their_maker(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the rule or body an act defies or violates is no target of the act itself (the defiance is
    # an act of its own, 128 against the body)
    ("Iran conducted a missile test on Friday in defiance of U.N. Security Council resolutions.",
     [("IRN", "", "MOBILIZE", False, False), ("IRN", "IGOUNO", "REJECT", False, False)]),
    # near miss: a country the act is done near is
    ("Iran conducted a missile test near Israel.", [("IRN", "ISR", "MOBILIZE", False, False)]),
])
def test_defied_rule_is_no_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_condemner_does_not_own_the_act_condemned(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "a resolution condemning its crackdown": "its" is not the resolution's author
    events = coded(coder, nlp, "China vetoed a U.N. Security Council resolution condemning its crackdown "
                               "on Tibetan protesters.")
    assert ("CHN", "", "ASSAULT", False, False) in events
    assert not any(e[0] == "IGOUNO" and e[2] == "ASSAULT" for e in events)
    # near miss: with no possessive, the act condemned has no owner to find
    events = coded(coder, nlp, "China vetoed a U.N. Security Council resolution condemning the crackdown "
                               "on Tibetan protesters.")
    assert not any(e[2] == "ASSAULT" for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    # the dotted "U.N." spelling of the rights and refugee commissioners names their offices
    ("Sudan was criticised by the U.N. High Commissioner for Human Rights on Monday.",
     [("IGOUNOHRIHCH", "SDN", "ACCUSE", False, False)]),
    ("The U.N. High Commissioner for Refugees praised Chad.", [("IGOUNOREFHCR", "TCD", "SUPPORT", False, False)]),
])
def test_dotted_un_commissioners(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a trailing participle of saying hung on an infinitive of the reported clause is the reporter's
    ("Erdogan said on Monday that Turkey and Azerbaijan had agreed to hold joint military drills, "
     "accusing Armenia of plotting an attack.", ("TURGOV", "ARM", "ACCUSE")),
    # near miss: with no reporter, the clause's own subjects accuse
    ("Turkey and Azerbaijan agreed to hold joint military drills, accusing Armenia of plotting an attack.",
     ("AZE", "ARM", "ACCUSE")),
])
def test_trailing_accusation_of_a_reported_clause(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    events = {e[:3] for e in coded(coder, nlp, text)}
    assert expected in events
    assert len({e for e in events if e[2] == "ACCUSE"}) == (1 if expected[0] == "TURGOV" else 2)


@pytest.mark.parametrize(("text", "expected"), [
    # a refusal to permit is aimed at whom it would have let act, not at the place
    ("Hungary's parliament refused on Monday to let 5,000 German troops deploy on Hungarian soil.",
     ("HUNLEG", "DEUMIL", "REJECT")),
    ("Austria refused to allow Russian warplanes to cross its airspace.", ("AUT", "RUSMIL", "REJECT")),
    # near miss: permitting a thing names no one
    ("Austria refused to allow the overflights.", ("AUT", "", "REJECT")),
])
def test_refusal_to_permit(coder, nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert expected in {e[:3] for e in coded(coder, nlp, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # a government withdrawing its own troops from places that are no actors acts on no one
    ("Kyiv withdrew its troops from Bakhmut on Friday.", [("UKRGOV", "", "RETREAT", False, False)]),
    # near miss: a country named as where they leave is the target
    ("Kigali withdrew its troops from Congo on Friday.", [("RWAGOV", "COD", "RETREAT", False, False)]),
])
def test_own_troops_withdrawn_are_no_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
