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
    # ... also of a name in apposition (the phrase it names) ...
    ("Ghana's president, John Mahama, who visited Abuja last week, signed a trade deal with Britain.",
     [("GBR", "GHAGOV", "SUPPORT", False, False), ("GHAGOV", "GBR", "SUPPORT", False, False),
      ("GHAGOV", "NGAGOV", "CONSULT", False, False)]),
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


@pytest.mark.parametrize(("text", "expected"), [
    # verbs of pressing: the object is the complement's subject, and the complement is hypothetical
    ("The African Union nudged Sudan to resume talks with the RSF.",
     [("IGOAFRAFU", "SDN", "REQUEST", False, False), ("SDN", "SDNREB", "CONSULT", False, True),
      ("SDNREB", "SDN", "CONSULT", False, True)]),
    ("Germany prodded Serbia to recognise Kosovo.",
     [("DEU", "SRB", "REQUEST", False, False), ("SRB", "XKX", "SUPPORT", False, True)]),
    ("Paraguay encouraged Argentina to join the trade pact.",
     [("ARG", "", "SUPPORT", False, True), ("PRY", "ARG", "REQUEST", False, False)]),
    # the parser's adverbial infinitive after a verb of pressing is its complement too
    ("The United States pushed Japan to protest to China.",
     [("JPN", "CHN", "ACCUSE", False, True), ("USA", "JPN", "REQUEST", False, False)]),
    # an undertaking is a promise: what is undertaken has not happened yet
    ("Ecuador undertook to hand over the suspects to Colombia.",
     [("ECU", "COL", "AGREE", False, False), ("ECU", "COL", "COOPERATE", False, True)]),
])
def test_pressing_verbs_pass_object_and_modality(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one kept from an act is its subject, and the act is negated
    ("Turkey blocked Cyprus from joining the talks.",
     [("CYP", "", "CONSULT", True, False), ("TUR", "CYP", "COERCE", False, False)]),
    ("Hungary prevented the EU from imposing sanctions on Georgia.",
     [("IGOEUREEC", "GEO", "SANCTION", True, False)]),
    ("Kenya barred Somalia from attending the summit.",
     [("KEN", "SOM", "COERCE", False, False), ("SOM", "", "CONSULT", True, False)]),
    # near miss: "from" naming a place, not an act
    ("Romania blocked the border crossing from Moldova.", [("ROU", "MDA", "COERCE", False, False)]),
])
def test_blocked_from_acting(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a reaction prompted by an act is the prompted party's, against the actor of the act
    ("Iranian boats seized a Greek tanker, prompting Greece to lodge a protest.",
     [("GRC", "IRN", "ACCUSE", False, False), ("IRN", "GRC", "COERCE", False, False)]),
    # (the parser hangs "leading" on the object here)
    ("India banned Chinese apps, leading Beijing to lodge a complaint.",
     [("CHNGOV", "IND", "ACCUSE", False, False), ("IND", "CHN", "COERCE", False, False)]),
    ("Algeria expelled twelve French officials, causing France to recall its ambassador.",
     [("DZA", "FRAGOV", "COERCE", False, False), ("FRA", "DZA", "SANCTION", False, False)]),
    # a trailing "spurring" says what the act caused: no request, and the protest happened
    ("The Czech Republic sanctioned two Russian oligarchs, spurring Moscow to protest.",
     [("CZE", "RUSELI", "SANCTION", False, False), ("RUSGOV", "CZE", "PROTEST", False, False)]),
    # near misses: a prompted act that is no reaction takes no target from the prompt ...
    ("Russia seized the port, prompting Ukraine to launch a counteroffensive.",
     [("RUS", "", "ASSAULT", False, False), ("UKR", "", "ASSAULT", False, False)]),
    # ... and a finite "pushed X to" is still a request with a hypothetical complement
    ("Britain pushed Nigeria to release the detained journalists.",
     [("GBR", "NGA", "REQUEST", False, False), ("NGA", "", "RETREAT", False, True)]),
])
def test_prompted_reactions(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "charged that", "alleged that", "claimed" with another party's act: an accusation of that
    # party, and what it alleges is not coded
    ("Colombia charged that Venezuela was sheltering ELN rebels.", [("COL", "VEN", "ACCUSE", False, False)]),
    ("Sudan's army claimed that the UAE was supplying weapons to the RSF.",
     [("SDNMIL", "ARE", "ACCUSE", False, False)]),
    ("Beijing claimed the Philippine ship had rammed a Chinese coast guard vessel.",
     [("CHNGOV", "PHL", "ACCUSE", False, False)]),
    # near misses: a claim about the claimant's own side asserts the act ...
    ("Ukraine's military claimed that its forces had shot down a Russian jet.",
     [("UKRMIL", "RUS", "ASSAULT", False, False)]),
    ("The Kremlin claimed Russian troops had captured a village in Donetsk.",
     [("RUSMIL", "UKR", "ASSAULT", False, False)]),
    # ... and "charged X with" a crime is still legal action
    ("Ethiopia charged three Eritrean men with espionage.", [("ETH", "ERI", "COERCE", False, False)]),
])
def test_allegations_accuse_the_clause_subject(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object of an object-relative clause is its antecedent, also where a pattern's "+"
    # would read on past the pronoun to a place or to what the accusation alleges
    ("Britain sanctioned the Wagner Group, which it accuses of atrocities in Libya.",
     [("GBR", "RUSUAF", "ACCUSE", False, False), ("GBR", "RUSUAF", "SANCTION", False, False)]),
    ("Kenya deported two Ugandan activists whom it accused of plotting riots.",
     [("KEN", "UGAOPP", "ACCUSE", False, False), ("KEN", "UGAOPP", "COERCE", False, False)]),
    # (the parser may call the pronoun "dep" and the second object "dobj")
    ("The Houthis, whom Washington designated a terrorist group, attacked two ships.",
     [("USAGOV", "YEMREB", "SANCTION", False, False)]),
    # near miss: a "to +" partner after an object relative is still the target
    ("Hungary blocked the aid package that Brussels had promised to Ukraine.",
     [("HUN", "", "COERCE", False, False), ("IGOEUREEC", "UKR", "AGREE", False, False)]),
])
def test_object_relative_antecedent_is_the_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an event noun that an accusation alleges ("of staging drills") is no event of its own ...
    ("The Philippines accused China of staging drills near its coast.", [("PHL", "CHN", "ACCUSE", False, False)]),
    # ... but the same noun as the object of an asserted act is
    ("China staged drills near the Philippine coast after Manila accused it of bullying.",
     [("CHN", "PHL", "MOBILIZE", False, False), ("PHLGOV", "CHN", "ACCUSE", False, False)]),
])
def test_accused_act_nouns(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "help X do": the parser makes X the subject of the clause; X is who is helped
    ("Japan sent engineers to help Turkey clear the rubble.", [("JPN", "TUR", "AID", False, False)]),
    # a purpose clause names the target of an act that names none: who is helped ...
    ("Norway pledged 2 billion dollars in aid to help Ukraine rebuild its power grid.",
     [("NOR", "UKR", "AGREE", False, False), ("NOR", "UKR", "AID", False, True)]),
    # ... or who is deterred or pressed
    ("Turkey deployed troops to the border to deter Syria from attacking Kurdish towns.",
     [("SYR", "", "ASSAULT", True, False), ("TUR", "SYR", "MOBILIZE", False, False)]),
    # "pressured X into V-ing": X is the subject of the hypothetical act
    ("Brussels pressured Belgrade into recognising Kosovo.",
     [("IGOEUREEC", "SRBGOV", "REQUEST", False, False), ("SRBGOV", "XKX", "SUPPORT", False, True)]),
    # near miss: who a sanction is meant to support is not its target
    ("The United States imposed sanctions to support Venezuela's opposition.",
     [("USA", "", "SANCTION", False, False), ("USA", "VENOPP", "SUPPORT", False, False)]),
])
def test_purpose_clause_targets(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a trailing participle's "+" before it is the subject of the clause it trails, not the
    # nearest actor; a protest drawn from a state is its formal protest
    ("Armenia recognised the Palestinian state, drawing a protest from Israel.",
     [("ARM", "PSE", "SUPPORT", False, False), ("ISR", "ARM", "ACCUSE", False, False)]),
    ("Norway granted asylum to two Russian defectors, drawing condemnation from Moscow.",
     [("NOR", "RUS", "AID", False, False), ("RUSGOV", "NOR", "ACCUSE", False, False)]),
    # near miss: a finite "drew" whose subject is a thing has no target
    ("The visit drew protests from Beijing.", [("CHNGOV", "", "ACCUSE", False, False)]),
])
def test_drawn_reactions_target_the_clause_subject(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a second verb the parser read as an adjective of a second object ("and deployed missile
    # systems") is the first verb's subject's act
    ("Taipei scrambled jets and deployed missile systems.",
     [("TWNGOV", "", "MOBILIZE", False, False), ("TWNGOV", "", "MOBILIZE", False, False)]),
    ("Iran seized two tankers and detained their crews.",
     [("IRN", "", "COERCE", False, False), ("IRN", "", "COERCE", False, False)]),
    # near miss: a real adjective ("armed groups") is no act
    ("Washington sanctioned Russian banks and armed groups in Mali.", [("USAGOV", "RUSBUS", "SANCTION", False, False)]),
])
def test_second_verb_read_as_adjective(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one's own envoy recalled from a host: the host country is the target, not its diplomats ...
    ("Mali recalled its ambassador from Algeria.", [("MLI", "DZA", "SANCTION", False, False)]),
    # ... and from a capital, its government
    ("Moscow recalled its ambassador from Chisinau.", [("RUSGOV", "MDAGOV", "SANCTION", False, False)]),
    # near miss: another country's envoy expelled is that country's diplomats
    ("Poland expelled the Russian ambassador from Warsaw.", [("POL", "RUSDIP", "SANCTION", False, False)]),
])
def test_recalled_own_envoy_targets_the_host(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # in a threat, whoever's act is the condition is its target
    ("Venezuela threatened to close its airspace if Guyana allowed U.S. troops in.",
     [("VEN", "", "COERCE", False, True), ("VEN", "GUY", "THREATEN", False, False)]),
    ("North Korea warned it would respond with force if South Korea continued the drills.",
     [("KOR", "", "MOBILIZE", False, True), ("PRK", "KOR", "THREATEN", False, False)]),
    # a bare participle after "if" is passive: its "by" agent did it, and with none no one did
    ("Egypt vowed to retaliate if attacked by Ethiopia.",
     [("EGY", "", "ASSAULT", False, True), ("EGY", "ETH", "THREATEN", False, False),
      ("ETH", "EGY", "ASSAULT", False, True)]),
    ("Iran threatened to close the Strait of Hormuz if attacked.",
     [("IRN", "", "COERCE", False, True), ("IRN", "", "THREATEN", False, False)]),
    # near miss: a condition with no actor names no target
    ("Iran threatened to close the Strait of Hormuz if the talks failed.",
     [("IRN", "", "COERCE", False, True), ("IRN", "", "THREATEN", False, False)]),
])
def test_threat_conditions(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object pronoun of a trailing participle is the object of the act it trails (agreeing
    # in number), not the subject the participle borrows
    ("Hungary expelled diplomats from Austria, Slovakia and Croatia on Friday, accusing them of spying.",
     [("HUN", "AUTDIP", "ACCUSE", False, False), ("HUN", "AUTDIP", "SANCTION", False, False),
      ("HUN", "HRVDIP", "ACCUSE", False, False), ("HUN", "HRVDIP", "SANCTION", False, False),
      ("HUN", "SVKDIP", "ACCUSE", False, False), ("HUN", "SVKDIP", "SANCTION", False, False)]),
    ("Morocco arrested an Algerian journalist, accusing him of espionage.",
     [("MAR", "DZAMED", "ACCUSE", False, False), ("MAR", "DZAMED", "COERCE", False, False)]),
    # near miss: in a clause with a subject of its own the object pronoun may be the main subject
    ("China staged drills near the Philippine coast after Manila accused it of bullying.",
     [("CHN", "PHL", "MOBILIZE", False, False), ("PHLGOV", "CHN", "ACCUSE", False, False)]),
    # a participle of force on what the attack hit restates the attack
    ("The Houthis attacked a Liberian-flagged cargo ship, setting it on fire.", [("YEMREB", "LBR", "ASSAULT", False, False)]),
    ("Somali pirates attacked a Maltese tanker, setting it ablaze.", [("SOMCRM", "MLT", "ASSAULT", False, False)]),
])
def test_object_pronoun_of_trailing_participle(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "authorised X to act" backs X, and X's act is hypothetical (gold README, third batch)
    ("The Security Council authorised Kenya to use force against the gangs in Haiti.",
     [("IGOUNO", "KEN", "SUPPORT", False, False), ("KEN", "HTICRM", "COERCE", False, True)]),
    # near miss: an authorised thing ("the deployment of ...") is no backing of anyone; the
    # deployment is its "of" object's (tests/test_events_phrases.py)
    ("The Security Council authorised the deployment of Kenyan police to Haiti.",
     [("KENCOP", "HTI", "MOBILIZE", False, False)]),
])
def test_authorising_someone_to_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # whom a hostile act is "aimed at" or "directed at" is its target, however far from the verb
    ("Russia sent two frigates to the Baltic in a show of force aimed at Lithuania's government.",
     [("RUS", "LTUGOV", "MOBILIZE", False, False)]),
    ("Japan imposed export curbs on Monday aimed at Russia's arms industry.", [("JPN", "RUS", "SANCTION", False, False)]),
    # near miss: aimed at no actor
    ("Russia sent two frigates to the Baltic in a show of force aimed at calming its allies.",
     [("RUS", "", "MOBILIZE", False, False)]),
])
def test_aimed_at_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a pattern's "+" that read into the "over" phrase giving the reason names whom the reason's
    # act was done to: the act's owner is the target
    ("The EU imposed fresh sanctions over Russia's use of chemical weapons against Ukrainian troops.",
     [("IGOEUREEC", "RUS", "SANCTION", False, False)]),
    ("Washington imposed sanctions over Beijing's crackdown on Hong Kong activists.",
     [("CHNGOV", "", "ASSAULT", False, False), ("USAGOV", "CHNGOV", "SANCTION", False, False)]),
    # near miss: a target named before the reason stays
    ("Britain imposed sanctions on Belarus over its support for attacks on Ukrainian cities.",
     [("GBR", "BLR", "SANCTION", False, False)]),
])
def test_reason_owner_is_the_target(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "denied any role in X" where the parser hangs "in X" on the verb: X is the denier's, negated
    ("Ukraine denied any role in a drone attack on the Kremlin.", [("UKR", "RUSGOV", "ASSAULT", True, False)]),
    ("Iran denied any involvement in the attack on the tanker.", [("IRN", "", "ASSAULT", True, False)]),
    # near miss: a role played in talks is no denial, and the talks keep their own parties
    ("India played a key role in the talks with Nepal.",
     [("IND", "NPL", "CONSULT", False, False), ("NPL", "IND", "CONSULT", False, False)]),
])
def test_denied_role_in_an_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a clause before a semicolon or colon that the parser made the complement of the next verb
    # stands alone: the rejection neither negates it nor takes its target
    ("The Philippines summoned China's ambassador on Tuesday; Beijing rejected the protest.",
     [("CHNGOV", "", "REJECT", False, False), ("PHL", "CHNDIP", "ACCUSE", False, False)]),
    # near miss: a real complement of a refusal before a comma is still refused
    ("Russia will not attend the talks, the Kremlin said.", [("RUS", "", "CONSULT", True, True)]),
])
def test_clause_before_a_semicolon_stands_alone(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ordering another party to act is a demand of it, and the act is not asserted
    ("The ICJ ordered Russia to suspend its military operations in Ukraine.",
     [("IGOUNOJUDICJ", "RUS", "REQUEST", False, False), ("RUS", "", "RETREAT", False, True)]),
    # also where no pattern word of "order" is in the sentence
    ("The Security Council authorised Kenya to lead a security mission in Haiti.",
     [("IGOUNO", "KEN", "SUPPORT", False, False)]),
    # near miss: an order to one's own side names no one (the Pentagon's planned strikes are only
    # intended, with no target)
    ("Trump ordered the Pentagon to draw up plans for strikes.", [("USAMIL", "", "ASSAULT", False, True)]),
])
def test_ordering_another_party(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a trailing participle of saying that the parser hung on the reported clause is the
    # reporter's act, not the act of the reported clause's subject
    ("Minsk denied on Friday that Belarusian guards had beaten Polish migrants, accusing Warsaw of lying.",
     [("BLR", "POLREF", "ASSAULT", True, False), ("BLRGOV", "POLGOV", "ACCUSE", False, False)]),
    ("Tehran said Israeli jets had struck its consulate, vowing revenge.",
     [("IRNGOV", "", "THREATEN", False, False), ("ISR", "IRNDIP", "ASSAULT", False, False)]),
    # near miss: a participle of force after a reported clause restates its attack
    ("Kyiv said Russian forces had shelled Kharkiv, killing five civilians.", [("RUSMIL", "UKR", "ASSAULT", False, False)]),
])
def test_speaking_participle_is_the_reporters(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a reason phrase with no owner names no target: Taiwan bought the arms, it is not sanctioned
    ("Beijing imposed sanctions on Lockheed Martin over arms sales to Taiwan.",
     [("CHNGOV", "", "SANCTION", False, False)]),
    # a "+" after a preposition stays in that preposition's phrase: Washington asked, it is not aided
    # (the request itself is Washington's REQUEST of Mexico: tests/test_events_phrases.py)
    ("Mexico sent 10,000 troops to its northern border at the request of Washington.",
     [("MEX", "", "MOBILIZE", False, False), ("USAGOV", "MEX", "REQUEST", False, False)]),
    # near misses: a "+" that names an actor in its own phrase, and a target named before the reason
    ("Poland sent 2,000 troops to Lithuania at the request of NATO.",
     [("IGOWSTNAT", "POL", "REQUEST", False, False), ("POL", "LTU", "AID", False, False)]),
    ("Beijing imposed sanctions on Taiwan's ruling party over its contacts with Washington.",
     [("CHNGOV", "TWN", "SANCTION", False, False)]),
])
def test_targets_stay_in_their_phrase(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # talks in a "following" phrase (read by the parser as a verb) are the clause subject's
    ("Following talks with Xi, Lula signed 15 agreements with China.",
     [("BRAGOV", "CHN", "SUPPORT", False, False), ("BRAGOV", "CHNGOV", "CONSULT", False, False),
      ("CHN", "BRAGOV", "SUPPORT", False, False), ("CHNGOV", "BRAGOV", "CONSULT", False, False)]),
    # near miss: an event noun in the phrase that names no party
    ("Following the attack, Israel closed the crossing.", [("ISR", "", "COERCE", False, False)]),
])
def test_following_phrase_events(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a demand that a clause's subject act is made of that subject
    ("Japan protested to China over the incursion and demanded that Beijing respect its airspace.",
     [("JPN", "CHN", "ACCUSE", False, False), ("JPN", "CHNGOV", "REQUEST", False, False)]),
    # near miss: a clause whose subject is no actor
    ("Kyiv demanded that the strikes stop.", [("UKRGOV", "", "REQUEST", False, False)]),
])
def test_demand_that_targets_the_clause_subject(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the two sides" as the object of another actor's act are not that actor
    ("Russia and Ukraine swapped prisoners as Turkey hosted talks between the two sides.",
     [("RUS", "TUR", "CONSULT", False, False), ("RUS", "UKR", "RETREAT", False, False),
      ("UKR", "RUS", "RETREAT", False, False), ("UKR", "TUR", "CONSULT", False, False)]),
    # near misses: a compound subject may be the pair itself ...
    ("Armenian and Azerbaijani officials opened talks between the two countries in Almaty.",
     [("ARMGOV", "AZEGOV", "CONSULT", False, False), ("AZEGOV", "ARMGOV", "CONSULT", False, False)]),
    # ... and "the two sides" as a subject are the last two named
    ("Qatar mediated between Israel and Hamas, and the two sides agreed to a truce.",
     [("ISR", "PSEREB", "AGREE", False, False), ("PSEREB", "ISR", "AGREE", False, False),
      ("QAT", "ISR", "CONSULT", False, False), ("QAT", "PSEREB", "CONSULT", False, False)]),
])
def test_the_two_sides_are_not_the_actor(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "called/pressed/pushed for X to act": an appeal to X, whose act is hypothetical
    ("The UN called for Israel to allow aid into Gaza.",
     [("IGOUNO", "ISR", "REQUEST", False, False), ("ISR", "", "RETREAT", False, True)]),
    ("Brazil pushed for Venezuela to hold free elections.", [("BRA", "VEN", "REQUEST", False, False)]),
    # "appealed to X to act": X is the subject of the hypothetical act
    ("France appealed to Iran to release the detained tourists.",
     [("FRA", "IRN", "REQUEST", False, False), ("IRN", "", "RETREAT", False, True)]),
    # lifting a veto drops an objection
    ("Germany pressed for Hungary to lift its veto.",
     [("DEU", "HUN", "REQUEST", False, False), ("HUN", "", "CONCEDE", False, True)]),
    # near miss: "called for" a noun keeps its own coding
    ("Egypt called for talks between Ethiopia and Sudan.",
     [("EGY", "ETH", "REQUEST", False, False), ("EGY", "SDN", "REQUEST", False, False),
      ("ETH", "SDN", "CONSULT", False, True), ("SDN", "ETH", "CONSULT", False, True)]),
])
def test_appeals_for_someone_to_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a phrase fronted before the subject names whom a hostile ("against") or helpful ("for") act is aimed at
    ("Against Belarus, the EU adopted a new sanctions package.", [("IGOEUREEC", "BLR", "SANCTION", False, False)]),
    ("For Moldova, Romania approved a new package of economic aid.", [("ROU", "MDA", "AID", False, False)]),
    # near misses: an actor's advice is not the actor, and "for the first time" names no one
    ("Against Washington's advice, Israel launched an offensive.", [("ISR", "", "ASSAULT", False, False)]),
    ("For the first time, Germany approved military aid to Ukraine.", [("DEU", "UKR", "AID", False, False)]),
])
def test_fronted_target_phrase(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a vow to retaliate or respond with no target is aimed at whoever acted against the vower
    ("Washington imposed tariffs on Brazil and India, and both countries vowed to retaliate.",
     [("BRA", "USAGOV", "ASSAULT", False, True), ("BRA", "USAGOV", "THREATEN", False, False),
      ("IND", "USAGOV", "ASSAULT", False, True), ("IND", "USAGOV", "THREATEN", False, False),
      ("USAGOV", "BRA", "SANCTION", False, False), ("USAGOV", "IND", "SANCTION", False, False)]),
    ("Israel struck Iranian air defences, and Tehran vowed to respond.",
     [("IRNGOV", "ISR", "THREATEN", False, False), ("ISR", "IRN", "ASSAULT", False, False)]),
    # near miss: a third party's vow is aimed at no one the sentence names
    ("Israel struck Iranian air defences, and Hezbollah vowed to respond.",
     [("ISR", "IRN", "ASSAULT", False, False), ("LBNREB", "", "THREATEN", False, False)]),
])
def test_retaliation_targets_the_earlier_actor(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "offered to act" is an intent to act (AGREE), aimed at whom the act is for
    ("Kenya offered to send more police to Haiti.",
     [("KEN", "HTI", "AGREE", False, False), ("KEN", "HTI", "MOBILIZE", False, True)]),
    # ... and an offer to host talks is made to their participants
    ("Oman offered to host direct talks between Iran and the United States in Muscat.",
     [("IRN", "OMN", "CONSULT", False, True), ("OMN", "IRN", "AGREE", False, False),
      ("OMN", "USA", "AGREE", False, False), ("USA", "OMN", "CONSULT", False, True)]),
    # near miss: an offered thing keeps its pattern's code
    ("Qatar offered to mediate between Israel and Hamas.",
     [("QAT", "ISR", "AGREE", False, False), ("QAT", "ISR", "CONSULT", False, True),
      ("QAT", "PSEREB", "AGREE", False, False), ("QAT", "PSEREB", "CONSULT", False, True)]),
])
def test_offers_to_act(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # near misses found on unlabelled text: a "who" clause hung on a common noun ("American
    # power") does not make that noun's country the actor ...
    ("It was Soviet Ambassador Anatoly Dobrynin, who had access to the highest levels of American power, "
     "who helped de-escalate tensions.", []),
    # ... and an adviser "who asked not to be named" makes no appeal
    ("Erdogan's adviser, Ibrahim Kalin, who asked not to be named in the report, said the talks would resume.", []),
])
def test_relative_clause_near_misses_from_wire_text(coder, nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected
