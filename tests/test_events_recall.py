"""Recall: whole events the coder used to miss, on sentences of our own (none is in the gold sets).

Nominal events as the object of an aspectual or approving verb or noun, "without a deal" after
talks, light verbs with operation nouns, contrition, force against places in threats,
forces sent to no one, handing over suspects, paying another's debts, and a diplomatic boycott
of a sports event. Each rule has a case that must code and one that must not.
"""

from __future__ import annotations

import pytest

from helpers import coded, coded_events

pytestmark = pytest.mark.slow


def types(coder, nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {t for _, _, t, _ in coded(coder, nlp, text)}


# --- 1. nominal events under aspectual and approving verbs and nouns -----------------------

def test_verb_coordinated_with_an_object_noun_borrows_its_subject_and_modal(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser joins "restart" to "sharing"; it is Berlin's, and hypothetical under "would"
    got = coded(coder, nlp, "Canberra said it would resume intelligence sharing with Kyiv "
                            "and restart security assistance to Georgia.")
    assert ("AUSGOV", "GEO", "AID", False) in got
    assert ("AUSGOV", "UKRGOV", "COOPERATE", False) in got
    # the same, parsed as two coordinated verbs
    got = coded(coder, nlp, "Berlin said it would immediately resume intelligence sharing with Warsaw "
                            "and restart military assistance to Moldova.")
    assert ("DEUGOV", "MDA", "AID", False) in got


def test_continuing_and_accelerating_aid_is_aid(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("JPN", "MMR", "AID", False) in coded(coder, nlp, "Japan will continue humanitarian aid to Myanmar.")
    got = coded(coder, nlp, "Kyiv urged Germany to accelerate deliveries of air defence systems to Ukraine.")
    assert ("DEU", "UKR", "AID", False) in got     # asked for: hypothetical


def test_approval_of_aid_is_aid_and_approval_of_a_plan_is_nothing(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Beijing condemned Washington's approval of new arms sales to the Philippines.")
    assert ("USAGOV", "PHL", "AID", True) in got
    assert "AID" not in types(coder, nlp, "Paris welcomed the approval of the budget.")
    # halting approvals is the halting, not approved aid
    assert "AID" not in types(coder, nlp, "Norway froze approvals of arms sales to Riyadh.")


def test_backing_a_loan_is_aid(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("IGOBUSIMF", "EGY", "AID", True) in coded(coder, nlp, "The IMF backed a $3 billion loan for Egypt.")
    assert "AID" not in types(coder, nlp, "Germany backed the plan.")


def test_protested_recognition_is_coded_with_whom_it_recognises(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Iranians rallied against Canada's recognition of Tel Aviv as Israel's capital.")
    assert ("IRN", "CAN", "PROTEST", True) in got
    assert ("CAN", "ISR", "SUPPORT", True) in got
    # recognising someone "as" a state's leader supports that state's side, not the person
    got = coded(coder, nlp, "Cubans protested against Washington's recognition of Juan Guaido as Venezuela's president.")
    assert ("USAGOV", "VENGOV", "SUPPORT", True) in got


def test_paying_another_states_debts_is_aid(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("KWT", "JOR", "AID", False) in coded(coder, nlp, "Kuwait will pay off Jordan's debts.")
    assert coded(coder, nlp, "Egypt paid its debts to the IMF.") == set()


def test_a_killing_by_named_forces_is_an_assault(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Kenya opened an inquiry into the killing of Somali civilians by Ethiopian troops.")
    assert ("ETHMIL", "SOMCVL", "ASSAULT", True) in got
    # who received reports of killings did not kill
    got = coded(coder, nlp, "The African Union said it had received reports of the killing of civilians in Darfur.")
    assert "ASSAULT" not in {t for _, _, t, _ in got}


def test_a_countrys_weapons_test_is_a_show_of_force(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Iran's latest missile test drew condemnation from France.")
    assert {("IRN", "", "MOBILIZE", True), ("FRA", "IRN", "ACCUSE", True)} <= got
    # coded once when a light verb already codes it
    assert coded(coder, nlp, "Pakistan conducted a missile test on Tuesday.") == {("PAK", "", "MOBILIZE", True)}


# --- 2. talks that end without a deal ------------------------------------------------------

def test_talks_ending_without_a_deal_are_a_negated_agreement(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "The summit between the Greek and Turkish leaders in Athens broke up without a deal.")
    assert {("GRCGOV", "TURGOV", "CONSULT", True), ("TURGOV", "GRCGOV", "CONSULT", True),
            ("GRCGOV", "TURGOV", "SUPPORT", False), ("TURGOV", "GRCGOV", "SUPPORT", False)} <= got
    # no talks: no agreement to miss
    assert "SUPPORT" not in types(coder, nlp, "Russia seized the port without a deal.")


def test_without_an_agreement_is_not_what_a_verb_acts_on(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Macron met Scholz in Berlin but left without an agreement.")
    assert "SANCTION" not in {t for _, _, t, _ in got}     # not "left the agreement"
    assert ("FRAGOV", "DEUGOV", "SUPPORT", False) in got


# --- 3. light verbs with operation nouns ---------------------------------------------------

def test_launched_what_it_called_an_operation(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Israel launched what it called a counterterrorism operation against Hamas in Jenin.")
    assert ("ISR", "PSEREB", "ASSAULT", True) in got
    # the namer's own verb names no target
    got = coded(coder, nlp, "Russia launched what Putin called a special military operation against Ukraine.")
    assert got == {("RUS", "UKR", "ASSAULT", True)}


def test_began_a_military_operation(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("NGA", "NGAREB", "ASSAULT", True) in coded(coder, nlp, "Nigeria began a military operation against Boko Haram.")
    got = coded(coder, nlp, "Israel did not launch a military operation against Hamas.")
    assert ("ISR", "PSEREB", "ASSAULT", True) not in got
    # a rescue operation is no assault
    assert "ASSAULT" not in types(coder, nlp, "Greece began a rescue operation off Crete.")


def test_signing_a_joint_statement_or_declaration_is_an_agreement(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Macron and Meloni signed a joint statement in Rome on Friday.")
    assert {("FRAGOV", "ITAGOV", "SUPPORT", True), ("ITAGOV", "FRAGOV", "SUPPORT", True)} <= got
    assert ("SRB", "XKX", "SUPPORT", True) in coded(coder, nlp, "Serbia and Kosovo signed a declaration on missing persons.")
    assert coded(coder, nlp, "Macron signed the letter on Friday.") == set()


# --- 4. contrition -------------------------------------------------------------------------

def test_remorse_and_regret_for_are_apologies(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("BELGOV", "", "CONCEDE", True) in coded(
        coder, nlp, "The Belgian king expressed deep remorse for the abuses in Congo.")
    assert ("NLDGOV", "", "CONCEDE", True) in coded(
        coder, nlp, "The Dutch king expressed regret for the violence in Indonesia.")
    # regret over someone else's act is disapproval
    assert "CONCEDE" not in types(coder, nlp, "South Korea's president expressed regret over Japan's decision.")


# --- 5. threats and conditionals -----------------------------------------------------------

def test_force_threatened_against_places(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("RUS", "", "ASSAULT", False) in coded(coder, nlp, "Russia warned that it could strike Western capitals.")
    assert "ASSAULT" not in types(coder, nlp, "Turkey vowed to fight inflation.")


def test_threatened_closure_is_hypothetical(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Tehran threatened on Monday to close the strait to Western tankers.")
    assert ("IRNGOV", "", "COERCE", False) in got
    assert ("IRNGOV", "", "COERCE", True) not in got


# --- 6. sending ----------------------------------------------------------------------------

def test_forces_sent_to_no_one_are_a_deployment(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Britain sent two warships to the region.") == {("GBR", "", "MOBILIZE", True)}
    assert coded(coder, nlp, "Britain sent troops to Estonia.") == {("GBR", "EST", "AID", True)}
    assert not {"AID", "MOBILIZE"} & types(coder, nlp, "Britain sent a letter to the European Union.")


def test_sending_suspects_is_judicial_cooperation(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("ECU", "USA", "COOPERATE", True) in coded(
        coder, nlp, "Ecuador sent 12 suspected drug traffickers to the United States.")
    assert ("PAN", "COL", "COOPERATE", True) in coded(coder, nlp, "Panama handed over three fugitives to Colombia.")


def test_what_the_things_sent_carry_is_what_is_sent(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Qatar dispatched military aircraft carrying medical teams to Turkey.") == {
        ("QAT", "TUR", "AID", True)}
    # only for sending: turning planes away is not acting on what they carry
    assert "COERCE" not in types(coder, nlp, "Colombia turned away two U.S. planes carrying deported migrants.")


def test_purchases_of_a_countrys_goods_are_trade_with_it(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("CHNGOV", "IRN", "COOPERATE", True) in coded(
        coder, nlp, "Washington criticised Beijing's purchases of Iranian oil.")
    assert "COOPERATE" not in types(coder, nlp, "Beijing criticised the purchase of the land.")


def test_an_act_done_in_protest_is_no_second_protest(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "South Korea recalled its ambassador from Tokyo in protest.")
    assert "PROTEST" not in {t for _, _, t, _ in got}
    assert "SANCTION" in {t for _, _, t, _ in got}
    # the parser hangs "in protest" on the nearest noun
    assert coded(coder, nlp, "Vietnam sent three coast guard ships to waters near the reef in protest.") == {
        ("VNM", "", "MOBILIZE", True)}
    assert coded(coder, nlp, "Algeria closed its airspace to planes from Morocco in protest.") == {
        ("DZA", "MAR", "SANCTION", True)}


# --- 7. a diplomatic boycott of a sports event ---------------------------------------------

def test_diplomatic_boycott_of_games_is_a_sanction_on_the_host(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Australia announced a diplomatic boycott of the Sochi Olympics over Russia's anti-gay law.")
    assert got == {("AUS", "RUS", "SANCTION", True)}
    got = coded(coder, nlp, "Britain said it would join a diplomatic boycott of the Paris Olympics.")
    assert got == {("GBR", "FRA", "SANCTION", False)}


def test_sports_results_stay_discarded(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Japan beat China at the Sochi Olympics on Friday.") == set()
    assert coded(coder, nlp, "China beat the United States at the Olympics on Sunday, despite calls for a boycott.") == set()


# --- helper 45: mediators in hyphenated modifiers, leaving an organisation, persona non grata ---
# (source, target, PLOVER type, negated, hypothetical) of every pair, from coded_events

def coded5(coder, nlp, text: str) -> set[tuple[str, str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(source, target, PLOVER type, negated, hypothetical) of every pair of every event."""
    return set(coded_events(coder, nlp, text))


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a mediator before the hyphen: 045 to the noun's "between" parties, who are not its partners
    ("A Qatari-brokered truce between Armenia and Azerbaijan took effect on Monday.",
     [("QAT", "ARM", "CONSULT", False, False), ("QAT", "AZE", "CONSULT", False, False)],
     [("ARM", "QAT", "RETREAT", False, False)]),
    # ... one token with an abbreviation, to the parties of the governing verb
    ("Serbia and Kosovo signed a U.S.-brokered border agreement on Friday.",
     [("USA", "SRB", "CONSULT", False, False), ("USA", "XKX", "CONSULT", False, False),
      ("SRB", "XKX", "SUPPORT", False, False)],
     [("SRB", "USA", "SUPPORT", False, False)]),
    ("Sudan and Chad agreed to a truce after African Union-led talks in Addis Ababa.",
     [("IGOAFRAFU", "SDN", "CONSULT", False, False), ("IGOAFRAFU", "TCD", "CONSULT", False, False)],
     [("SDN", "IGOAFRAFU", "CONSULT", False, False)]),
    # "led" mediates talks only; a party leading its own talks mediates nothing
    ("A Saudi-led coalition struck rebel positions near Sanaa on Monday.", [],
     [("SAU", "YEM", "CONSULT", False, False)]),
])
def test_mediator_compounds(coder, nlp, text: str, present: list, absent: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got
    assert not set(absent) & got, got


def test_mediator_compound_leading_party_is_no_mediator(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    rules = [e.rule for e in coder.code_doc(nlp("Kenya and Somalia agreed to a truce after Kenyan-led talks in Nairobi."))]
    assert not any(" mediator " in r for r in rules), rules


@pytest.mark.parametrize(("text", "present", "absent"), [
    # quitting, leaving or exiting an organisation cuts ties: 166
    ("Niger and Mali quit ECOWAS on Sunday.",
     [("NER", "IGOWAFWAS", "SANCTION", False, False), ("MLI", "IGOWAFWAS", "SANCTION", False, False)], []),
    ("Hungary left the International Criminal Court on Thursday.",
     [("HUN", "IGOJUDICC", "SANCTION", False, False)], []),
    ("Burkina Faso said it would exit the West African bloc.",
     [("BFA", "", "SANCTION", False, True)], []),
    # leaving a capital or a race is nothing
    ("Wang Yi left Jakarta on Friday.", [],
     [("CHNGOV", "IDN", "SANCTION", False, False)]),
    ("The former minister quit the race on Monday.", [], [("", "", "SANCTION", False, False)]),
])
def test_leaving_an_organisation(coder, nlp, text: str, present: list, absent: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got
    assert not set(absent) & got, got
    if not present:
        assert not any(t[2] == "SANCTION" for t in got), got


@pytest.mark.parametrize(("text", "present"), [
    # the parser reads "persona" as a clause of its own: it is still what the diplomat is declared
    ("Canada declared two Indian diplomats persona non grata on Monday.", [("CAN", "INDDIP", "SANCTION", False, False)]),
    ("Estonia declared a Russian diplomat persona non grata on Friday.", [("EST", "RUSDIP", "SANCTION", False, False)]),
])
def test_persona_non_grata(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


def test_declared_without_persona_non_grata_is_no_expulsion(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, "Canada declared two Indian diplomats unwelcome guests at the gala.")
    assert not any(t[2] == "SANCTION" for t in got), got


# verb families: recalling a high commissioner, throwing things at someone, taking an army's base,
# cutting transport links, reinstating a parliament, acting "in defiance of" a norm, coercion at
# home, a parliament authorising its government
@pytest.mark.parametrize(("text", "present"), [
    ("Kenya recalled its high commissioner from Uganda on Friday.", [("KEN", "UGA", "SANCTION", False, False)]),
    ("A Turkish journalist threw a shoe at Erdogan.", [("TURMED", "TURGOV", "ASSAULT", False, False)]),
    ("Serbian protesters pelted police with stones.", [("SRBOPP", "SRBCOP", "PROTEST", False, False)]),
    ("Pakistani demonstrators hurled stones at the U.S. embassy in Islamabad.",
     [("PAKOPP", "USADIP", "PROTEST", False, False)]),
    ("Congolese rebels took control of the army headquarters in Goma.", [("CODREB", "COD", "ASSAULT", False, False)]),
    ("Pakistan cut rail and bus links with India.", [("PAK", "IND", "SANCTION", False, False)]),
    ("Thailand's king agreed to reinstate the dissolved parliament.", [("THAGOV", "", "CONCEDE", False, True)]),
    ("Iran tested a missile in defiance of U.N. resolutions.", [("IRN", "IGOUNO", "REJECT", False, False)]),
    ("Peru's president declared a state of emergency in Lima.", [("PERGOV", "", "COERCE", False, False)]),
    ("Gabon's president sacked the government on Monday.", [("GABGOV", "", "COERCE", False, False)]),
    ("Turkey's parliament authorised President Erdogan on Thursday to send troops to Libya.",
     [("TURLEG", "TURGOV", "SUPPORT", False, False), ("TURGOV", "LBY", "AID", False, True)]),
])
def test_verb_families(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


@pytest.mark.parametrize(("text", "kind"), [
    ("The high commissioner recalled his years in Kampala.", "SANCTION"),
    ("The minister hurled accusations at Beijing.", "ASSAULT"),
    ("Burundi's president took control of the army in 2019.", "ASSAULT"),
    ("Pakistan built new rail links with China.", "SANCTION"),
    ("The club reinstated its coach on Monday.", "CONCEDE"),
    ("Defiance was growing in the capital on Monday.", "REJECT"),
    ("Erdogan ordered the Turkish army to prepare plans.", "REQUEST"),
])
def test_verb_families_near_misses(coder, nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, text)
    assert not any(t[2] == kind for t in got), got


# "after V-ing it": the gerund's "it"/"them" is the main clause's object, so both acts are coded
@pytest.mark.parametrize(("text", "present"), [
    ("Sri Lanka's president lifted the state of emergency two days after declaring it.",
     [("LKAGOV", "", "CONCEDE", False, False), ("LKAGOV", "", "COERCE", False, False)]),
    ("Bolivia restored diplomatic ties with Israel 15 years after cutting them.",
     [("BOL", "ISR", "SUPPORT", False, False), ("BOL", "ISR", "SANCTION", False, False)]),
])
def test_act_undone_after_doing_it(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


def test_it_that_begins_a_clause_is_no_antecedent(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, "Peru lifted the curfew hours after announcing it would hold talks.")
    assert not any(t[2] == "COERCE" for t in got), got


# a reversed, scrapped or dropped decision or plan: its act is coded as not done
@pytest.mark.parametrize(("text", "present"), [
    ("Seoul reversed its decision to expel the Japanese diplomats.", [("KORGOV", "JPNDIP", "SANCTION", True, False)]),
    ("Ghana scrapped plans to expel Nigerian traders.", [("GHA", "NGA", "COERCE", True, False)]),
    ("Poland reversed its decision on Sunday to suspend arms deliveries to Ukraine.",
     [("POL", "UKR", "SANCTION", True, False)]),
])
def test_reversed_decision(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


def test_announced_decision_is_no_act(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, "Thailand announced its decision to close the border with Myanmar.")
    assert not any(t[2] == "SANCTION" for t in got), got


# a request or invitation the subject acted on is the asker's REQUEST to the subject
@pytest.mark.parametrize(("text", "present"), [
    ("Brazil sent troops to Haiti after a request from the Haitian government.",
     [("HTIGOV", "BRA", "REQUEST", False, False)]),
    ("Rwanda deployed troops in Mozambique following a request from Mozambique's government.",
     [("MOZGOV", "RWA", "REQUEST", False, False)]),
    ("Russian troops entered Armenia at the invitation of the Armenian government.",
     [("ARMGOV", "RUSMIL", "REQUEST", False, False)]),
])
def test_acted_on_request(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


def test_invitation_declined_is_no_request(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, "Kenya rejected an invitation from Somalia to attend the summit.")
    assert not any(t[2] == "REQUEST" for t in got), got


# "insisted that X do": a subjunctive "that" clause is a demand of its subject; the act is hypothetical
@pytest.mark.parametrize(("text", "present"), [
    ("Germany insisted that Poland allow the inspectors to enter.", [("DEU", "POL", "REQUEST", False, False)]),
    ("Turkey insisted that Sweden extradite the suspects.",
     [("TUR", "SWE", "REQUEST", False, False), ("SWE", "", "COOPERATE", False, True)]),
])
def test_insisted_that(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


@pytest.mark.parametrize("text", [
    "Iran insisted that its nuclear programme was peaceful.",
    "The rebels insisted that they control the town.",
    "Egypt insisted that Israel had withdrawn its troops.",
    # a plural subject's verb may be a present tense: not read as a demand
    "Egypt insisted that Israeli troops control the crossing.",
])
def test_insisted_statement_is_no_demand(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, text)
    assert not any(t[2] == "REQUEST" for t in got), got


# a sale names what is supplied: weapons sold to someone are military aid (072) of the seller
@pytest.mark.parametrize(("text", "present"), [
    ("Beijing condemned U.S. arms sales to Taiwan.", [("USA", "TWN", "AID", False, False)]),
    ("Beijing condemned Washington's sale of F-16 fighter jets to Taiwan.", [("USAGOV", "TWN", "AID", False, False)]),
    ("China condemned the sale of weapons to Taiwan by the United States.", [("USA", "TWN", "AID", False, False)]),
])
def test_nominal_sale(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


def test_sale_of_goods_is_no_aid(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, "Sales of Chinese cars in Germany rose in May.")
    assert not got, got
    got = coded5(coder, nlp, "Japan's sale of used cars to Kenya rose in May.")
    assert not any(t[2] == "AID" for t in got), got


# an act named by a crime ("called the raid a massacre") accuses its owner (111)
@pytest.mark.parametrize(("text", "present"), [
    ("Ecuador's president called the Colombian raid a massacre.", [("ECUGOV", "COL", "ACCUSE", False, False)]),
    ("Iran described the Israeli strike as an act of aggression.", [("IRN", "ISR", "ACCUSE", False, False)]),
    ("Ukraine called the Russian convoy a direct invasion.", [("UKR", "RUS", "ACCUSE", False, False)]),
])
def test_named_as_crime(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


@pytest.mark.parametrize("text", [
    "Ukraine called the Turkish proposal a historic step.",      # a name that accuses no one
    "Serbia called the vote a violation of international law.",  # no owner named in the phrase
])
def test_named_without_crime_or_owner(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, text)
    assert not any(t[2] == "ACCUSE" for t in got), got


# a case or lawsuit brought, filed or lodged by X is X's suit (115) against whom it names, or
# against whom the court ruled
@pytest.mark.parametrize(("text", "present"), [
    ("The court ruled against Colombia in a lawsuit brought by Nicaragua.", [("NIC", "COL", "ACCUSE", False, False)]),
    ("The ICJ ruled against China in a case brought by the Philippines.", [("PHL", "CHN", "ACCUSE", False, False)]),
    ("The Hague court heard a case brought by Guyana against Venezuela.", [("GUY", "VEN", "ACCUSE", False, False)]),
    ("The court dismissed a complaint filed by Ukraine against Russia.", [("UKR", "RUS", "ACCUSE", False, False)]),
])
def test_suit_brought_by(coder, nlp, text: str, present: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    got = coded5(coder, nlp, text)
    assert set(present) <= got, got


@pytest.mark.parametrize("text", [
    "Ukraine raised the case of Crimea at the U.N. on Monday.",      # a case that no one brought
    "The court heard a case brought by Guyana on Monday.",          # a suit against no one named
])
def test_case_that_is_no_suit(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = coded5(coder, nlp, text)
    assert not any(t[2] == "ACCUSE" for t in got), got


def test_brokered_by_with_parties_on_the_participle(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "brokered by X between A and B" under a verb whose subject is the truce: X mediates A and B,
    # who do not consult each other through the participle
    got = coded5(coder, nlp, "A truce brokered by Turkey between Sudan and Chad took hold on Sunday.")
    assert {("TUR", "SDN", "CONSULT", False, False), ("TUR", "TCD", "CONSULT", False, False)} <= got, got
    assert ("SDN", "TCD", "CONSULT", False, False) not in got, got
    # near miss: no parties named, no mediation coded
    got = coded5(coder, nlp, "A truce brokered by Turkey took hold on Sunday.")
    assert not any(t[2] == "CONSULT" for t in got), got
