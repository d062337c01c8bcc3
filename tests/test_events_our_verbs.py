"""Our packaged verb and actor dictionaries on sentences of our own: the trigger classes news
uses for protests, releases, arrivals, claims and denials, with the triples a reader expects.

Each case names the (source, target, PLOVER type) pairs that must be coded and, where it
matters, a flag. The sentences are written for these tests; none is in the gold sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import coded

DAY = dt.date(2025, 3, 19)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # protest: marching, taking to the streets; a date after "on" does not cancel the march
    ("Thousands of Hungarians marched in Budapest on Saturday against the government.",
     {("HUN", "HUNGOV", "PROTEST", True)}),
    ("Romanian students demanded the resignation of the government.", {("ROUEDU", "ROUGOV", "REQUEST", True)}),
    ("Thousands of Slovaks took to the streets of Bratislava on Friday.", {("SVK", "", "PROTEST", True)}),
    # the "to" of "the decision to leave" is not "protested to" someone (a complaint, ACCUSE)
    ("Farmers in Poland protested against the decision to open the market to Ukrainian grain.",
     {("POLAGR", "", "PROTEST", True)}),
    # releases and handovers
    ("Belarus freed two Lithuanian citizens on Tuesday.", {("BLR", "LTUCVL", "RETREAT", True)}),
    # fighting alongside someone is fighting with an ally, not against it
    ("Cuban volunteers fought alongside Russian troops in Donetsk.", {("CUB", "RUSMIL", "COOPERATE", True)}),
    # a phone call is held by both sides, whoever dialled
    ("Chile phoned Peru on Monday.", {("CHL", "PER", "CONSULT", True), ("PER", "CHL", "CONSULT", True)}),
    ("Chile spoke by telephone with Peru about the border.",
     {("CHL", "PER", "CONSULT", True), ("PER", "CHL", "CONSULT", True)}),
])
def test_our_verbs_code_the_common_forms(coder, nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_declined_to_comment_is_no_rejection(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "The Chinese foreign ministry declined to comment on the reports.") == set()
    # declining an invitation is a rejection
    assert ("CHN", "JPN", "REJECT", True) in coded(coder, nlp, "China declined an invitation from Japan.")


def test_arrivals_are_visits_only_for_visitors(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Narendra Modi arrived in Tokyo on Friday.") == {("INDGOV", "JPNGOV", "CONSULT", True)}
    # rescuers bring aid; troops and police arriving are no visit
    assert coded(coder, nlp, "Greek rescue teams arrived in Turkey after the earthquake.") == {
        ("GRC", "TUR", "AID", True)}
    assert coded(coder, nlp, "French troops arrived in Estonia on Monday.") == set()


def test_a_claim_or_denial_of_an_attack_names_its_source(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    claimed = coded(coder, nlp, "The Houthis claimed responsibility for the drone attack on Eilat.")
    assert ("YEMREB", "ASSAULT", True) in {(s, p, a) for s, _, p, a in claimed}
    denied = coded(coder, nlp, "Iran denied any role in the attack on the tanker.")
    assert {(s, p, a) for s, _, p, a in denied} == {("IRN", "ASSAULT", False)}


def test_reported_act_of_its_own_forces(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "its air defences" are Iran's; the reported act is coded with its own actors
    got = coded(coder, nlp, "Iran admitted that its forces had shot down the Ukrainian airliner.")
    assert got == {("IRNMIL", "UKR", "ASSAULT", True)}


def test_a_visit_restated_with_the_capital_is_one_visit(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Olaf Scholz paid a visit to China, his first trip to Beijing since 2022.")
    assert len(got) == 1 and {(s, p) for s, _, p, _ in got} == {("DEUGOV", "CONSULT")}


def test_troops_crossing_into_a_state_attack_it(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Belarusian troops crossed into Lithuania on Friday.") == {("BLRMIL", "LTU", "ASSAULT", True)}
    assert coded(coder, nlp, "Serbian officials moved into the new ministry building in Belgrade.") == set()


def test_cities_are_their_countries_as_targets_and_places_otherwise(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Russian drones struck Odesa overnight.") == {("RUS", "UKR", "ASSAULT", True)}
    # a state's own city is where its forces acted, not a target
    assert {t for _, t, _, _ in coded(coder, nlp, "Ukrainian troops withdrew from Kupiansk on Monday.")} == {""}
    # a city's name inside a river's is no city
    assert {t for _, t, _, _ in coded(coder, nlp, "Russian troops withdrew from the left bank of the Dnipro River.")} == {""}
    # where a meeting happened is no party to it
    assert coded(coder, nlp, "Putin met Erdogan in Sochi on Friday.") == {
        ("RUSGOV", "TURGOV", "CONSULT", True), ("TURGOV", "RUSGOV", "CONSULT", True)}


def test_leaving_an_organisation_cuts_ties(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Nicaragua withdrew from the Organization of American States.") == {
        ("NIC", "IGOOAS", "SANCTION", True)}
    # cutting banks off from a payment system is a sanction on them
    assert coded(coder, nlp, "Britain cut Belarusian banks off from the payment system.") == {
        ("GBR", "BLRBUS", "SANCTION", True)}


def test_refusing_to_confirm_leaves_the_reported_act_unconfirmed(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # no rejection of anyone, and the act it would not confirm is neither done nor undone
    got = coded(coder, nlp, "Egypt refused to confirm that its forces had bombed targets in Libya.")
    assert got == {("EGYMIL", "LBY", "ASSAULT", False)}
    assert [(e.negated, e.hypothetical) for e in coder.code_doc(
        nlp("Egypt refused to confirm that its forces had bombed targets in Libya."), DAY) if e.cameo[:2] == "19"] == [
        (False, True)]
    # denying it still says it was not done
    denied = [e for e in coder.code_doc(nlp("Egypt denied that its forces had bombed targets in Libya."), DAY)
              if e.cameo[:2] == "19"]
    assert [(e.negated, e.hypothetical) for e in denied] == [(True, False)]
    assert coded(coder, nlp, "The Turkish defence ministry refused to comment on the report.") == set()
    # not saying whether it happened does not say it did not
    assert coded(coder, nlp, "Seoul did not say whether North Korean troops had crossed into Russia.") == {
        ("PRKMIL", "RUS", "ASSAULT", False)}
    assert [(e.negated, e.hypothetical) for e in coder.code_doc(
        nlp("Seoul did not say whether North Korean troops had crossed into Russia."), DAY)] == [(False, True)]


def test_blaming_an_act_on_someone_accuses_them(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Niger blamed the ambush on Malian rebels.") == {("NER", "MLIREB", "ACCUSE", True)}


def test_each_other_is_the_compound_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Armenia and Azerbaijan accused one another of shelling border villages.") == {
        ("ARM", "AZE", "ACCUSE", True), ("AZE", "ARM", "ACCUSE", True)}
    assert coded(coder, nlp, "Ethiopia and Eritrea accused each other of breaking the peace agreement.") >= {
        ("ETH", "ERI", "ACCUSE", True), ("ERI", "ETH", "ACCUSE", True)}


def test_an_act_done_in_protest_is_a_protest_by_its_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Spanish farmers blocked motorways on Monday in protest against Moroccan imports.")
    assert ("ESPAGR", "MAR", "PROTEST", True) in got
    # against their own government's plan: their government
    assert coded(coder, nlp, "Greek teachers stayed home in protest against the government's reform.") == {
        ("GRCEDU", "GRCGOV", "PROTEST", True)}
    # walking off the job is a strike
    assert coded(coder, nlp, "Nigerian doctors walked off the job on Monday.") == {("NGAHLH", "", "PROTEST", True)}
    # a rise in protest activity is no protest by the clause's subject
    assert coded(coder, nlp, "Iran saw a sharp rise in protest activity.") == set()


def test_joint_drills_are_one_act_of_all_their_parties(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # a modifier inside "joint ... exercises" keeps the joint form
    assert coded(coder, nlp, "Indian and French warships began joint naval exercises on Monday.") == {
        ("INDMIL", "FRAMIL", "COOPERATE", True), ("FRAMIL", "INDMIL", "COOPERATE", True)}
    # with two partners: each with each
    assert coded(coder, nlp, "Egypt held joint drills with Sudan and Saudi Arabia.") == {
        (a, b, "COOPERATE", True) for a in ("EGY", "SDN", "SAU") for b in ("EGY", "SDN", "SAU") if a != b}
    # fighting alongside someone stays one-way
    assert coded(coder, nlp, "Belarusian volunteers fought alongside Ukrainian troops.") == {
        ("BLR", "UKRMIL", "COOPERATE", True)}


def test_a_restated_event_keeps_the_more_precise_parties(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the summit with Lula names Brazil's government, where the city names only the country
    assert coded(coder, nlp, "Xi Jinping arrived in Rio de Janeiro for a summit with Lula.") == {
        ("CHNGOV", "BRAGOV", "CONSULT", True)}


def test_a_relative_clause_object_is_the_noun_it_describes(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "it" is the state named before the phrase, not the citizens' country; the citizens are its object
    assert coded(coder, nlp, "Iran later freed the French tourists it had detained in 2022.") >= {
        ("IRN", "FRA", "COERCE", True)}
    assert ("FRA", "", "COERCE", True) not in coded(
        coder, nlp, "Iran later freed the French tourists it had detained in 2022.")


def test_whose_property_was_struck(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # a possessive pronoun in the struck thing names its owner, never the attacker itself
    assert coded(coder, nlp, "Saudi Arabia said Yemeni drones struck two of its oil terminals.") == {
        ("YEM", "SAU", "ASSAULT", True)}
    assert ("USA", "VEN", "ASSAULT", True) in coded(
        coder, nlp, "Venezuela protested after American strikes on several of its ports.")
    assert not {t for _, t, _, _ in coded(coder, nlp, "The Sudanese army bombed its own barracks by mistake.")} & {
        "SDN", "SDNMIL"}


def test_the_deported_are_no_deporters(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "of" names whom a deportation or an arrest was done to, not who did it
    got = coded(coder, nlp, "Georgia protested the deportation of Georgian workers from Russia.")
    assert not any(s.startswith("GEO") and p == "COERCE" for s, _, p, _ in got)


def test_meeting_after_a_call_meets_no_demands(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Macron said he could meet Xi in Paris next month, after a phone call with the Chinese leader.")
    assert ("FRAGOV", "CHNGOV", "CONCEDE", False) not in got
    # the call happened; the meeting may: a hypothetical act restates no real one
    assert {("FRAGOV", "CHNGOV", "CONSULT", False), ("FRAGOV", "CHNGOV", "CONSULT", True)} <= got
    assert ("SRBGOV", "IGOEUREEC", "CONCEDE", True) in coded(coder, nlp, "Belgrade met the European Union's conditions.")


def test_flying_troops_or_rescuers_somewhere_is_no_visit(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Britain flew paratroopers to Cyprus on Monday.") == {("GBR", "CYP", "MOBILIZE", True)}
    assert coded(coder, nlp, "Japan flew a rescue team to Turkey.") == {("JPN", "TUR", "AID", True)}
    assert coded(coder, nlp, "Scholz flew to Beijing on Friday.") == {("DEUGOV", "CHNGOV", "CONSULT", True)}


def test_who_leads_or_backs_an_actor_is_not_it(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Armenia criticised the Moscow-led CSTO alliance on Tuesday.") == {
        ("ARM", "IGOCASCST", "ACCUSE", True)}
    # a seat of government's agents are its country's agents
    assert coded(coder, nlp, "Kyiv condemned the Kremlin-backed separatists.") == {("UKRGOV", "RUSREB", "ACCUSE", True)}


def test_a_compound_subject_does_not_aid_itself(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Greek and Cypriot rescue teams arrived in Libya on Monday to help search for survivors.")
    assert ("GRC", "CYP", "AID", True) not in got and ("CYP", "GRC", "AID", True) not in got
    assert {("GRC", "LBY", "AID", True), ("CYP", "LBY", "AID", True)} <= got


def test_the_struck_place_is_the_target_of_a_strike_noun(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("RUS", "UKR", "ASSAULT", True) in coded(
        coder, nlp, "Kyiv denounced Russia's attack on a crowded railway station in Kramatorsk.")
    # the attacker's own city is where, not whom
    assert coded(coder, nlp, "Ukraine's attack on a checkpoint in Kharkiv failed.") == {("UKR", "", "ASSAULT", True)}
    # (a possessive owner keeps its agent: the army's attack is UKRMIL's, tests/test_events_phrases.py)
    assert coded(coder, nlp, "The Ukrainian army's attack on a bridge in eastern Ukraine failed.") == {
        ("UKRMIL", "", "ASSAULT", True)}


def test_marching_on_an_embassy_protests_against_its_state(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Hundreds of Serbian protesters marched on the Croatian embassy on Friday.") == {
        ("SRBOPP", "HRVDIP", "PROTEST", True)}
    # rallying against someone's support for a thing is a protest, not support by the protesters;
    # the recognition protested is India's own nominal event (evals/gold/README.md, nominal events)
    assert coded(coder, nlp, "Thousands of Pakistanis rallied against India's recognition of the new state.") == {
        ("PAK", "IND", "PROTEST", True), ("IND", "", "SUPPORT", True)}


def test_a_sector_word_used_as_a_verb_names_no_one(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "press" is the media as a noun, an appeal as a verb
    assert ("ITAGOV", "RUSGOV", "REQUEST", True) in coded(
        coder, nlp, "Meloni flew to Kyiv to press Moscow to accept a ceasefire.")


def test_a_time_phrase_participle_shares_the_clause_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("IGOWSTNAT", "USAGOV", "CONSULT", True) in coded(
        coder, nlp, "Mark Rutte arrived in Kyiv on Monday, a day after meeting Trump in Washington.")


def test_a_participle_with_a_by_agent_is_passive(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the "by" agent did it; the clause's subject (or the noun described) had it done to it
    got = coded(coder, nlp, "Criticised by Washington over the arrests, Georgia's government summoned the U.S. ambassador.")
    assert ("USAGOV", "GEOGOV", "ACCUSE", True) in got and ("GEOGOV", "USAGOV", "ACCUSE", True) not in got
    assert coded(coder, nlp, "Hundreds of Ukrainian civilians killed by Russian troops were buried on Monday.") == {
        ("RUSMIL", "UKRCVL", "ASSAULT", True)}


def test_letting_captives_return_home_releases_them(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Iran allowed two detained French citizens to return home on Friday.") == {
        ("IRN", "FRACVL", "RETREAT", True)}


def test_a_boycott_of_a_summit_is_a_sanction(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the boycotted summit is no meeting of the boycotter
    assert coded(coder, nlp, "Lithuania announced a boycott of the China-hosted summit.") == {
        ("LTU", "CHN", "SANCTION", True)}


def test_they_opening_a_sentence_is_the_last_compound_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Armenian and Azerbaijani delegations met in Almaty on Monday. They agreed to exchange prisoners.")
    assert {("ARM", "AZE", "AGREE", True), ("AZE", "ARM", "AGREE", True)} <= got


def test_an_object_pronoun_is_not_its_clause_subject_nor_a_city(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Armenian and Azerbaijani negotiators met in Almaty on Monday. France praised them on Tuesday.")
    assert {("FRA", "ARM", "SUPPORT", True), ("FRA", "AZE", "SUPPORT", True)} <= got
    assert not any("KAZ" in (s, t) for s, t, _, _ in got)


def test_he_opening_a_sentence_is_the_last_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Pakistani Prime Minister Shehbaz Sharif flew to Ankara for talks with Turkish President "
                            "Tayyip Erdogan. He signed a trade agreement with Turkey.")
    assert ("PAKGOV", "TUR", "SUPPORT", True) in got and ("TURGOV", "TUR", "SUPPORT", True) not in got


def test_the_two_leaders_are_the_last_compound_subject(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Aachen on the "
                            "sidelines of the NATO summit. The two leaders signed a defence pact.")
    assert ("FRAGOV", "DEUGOV", "SUPPORT", True) in got
    assert not any("IGOWSTNAT" in (s, t) for s, t, p, _ in got if p == "SUPPORT")


def test_a_strike_noun_after_the_verb_pattern_is_its_own_event(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "its" is the clause's subject; "strikes" is not the "missiles" the verb pattern used
    got = coded(coder, nlp, "Pakistan fired missiles at an Indian army post near the Chinese border in response to "
                            "Indian strikes on its territory.")
    assert got == {("PAK", "INDMIL", "ASSAULT", True), ("IND", "PAK", "ASSAULT", True)}


def test_the_two_sides_are_not_a_city_named_before(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, nlp, "Serbia's president received Hungary's prime minister on Monday, a day after talks in "
                            "Istanbul. The two sides signed an energy agreement.")
    assert ("SRB", "HUN", "SUPPORT", True) in got and not any("TUR" in (s, t) for s, t, _, _ in got)


def test_a_struck_facility_names_its_users(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "American warplanes struck two depots in Iraq used by Iranian forces.") == {
        ("USAMIL", "IRNMIL", "ASSAULT", True)}
    assert coded(coder, nlp, "Israeli jets bombed three warehouses near Damascus used by Hezbollah.") == {
        ("ISR", "LBNREB", "ASSAULT", True)}
    assert ("ISR", "IRNMIL", "ASSAULT", True) in coded(
        coder, nlp, "Israel's strikes on bases in Syria used by Iranian forces continued.")


def test_people_blocking_passage_protest_once(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # obstructing passage is a protest (CAMEO 144); "to protest against" is the same act, not a second one
    assert coded(coder, nlp, "Greek farmers blocked border crossings with Bulgaria on Monday.") == {
        ("GRCAGR", "BGR", "PROTEST", True)}
    events = coder.code_doc(nlp("Greek farmers blocked border crossings with Bulgaria on Monday to protest against "
                                "EU farm policies."), DAY)
    assert len(events) == 1
    assert {(s, t) for s, t in events[0].pairs()} == {("GRCAGR", "BGR"), ("GRCAGR", "IGOEUREEC")}


@pytest.mark.parametrize(("text", "expected"), [
    # a ban on imports is an embargo; lifting it eases it (085, RETREAT), not an administrative ban (081)
    ("Russia lifted its ban on Georgian wine imports on Tuesday.", {("RUS", "GEO", "RETREAT", True)}),
    # cancelling tariffs eases them, whatever goods they are on
    ("Mexico urged Washington to cancel its tariffs on Mexican goods.",
     {("MEX", "USAGOV", "REQUEST", True), ("USAGOV", "MEX", "RETREAT", False)}),
    # a state opening or closing its border to another eases or imposes an embargo
    ("Morocco reopened its land border to Algeria.", {("MAR", "DZA", "RETREAT", True)}),
    ("Finland closed its border crossings with Russia on Thursday.", {("FIN", "RUS", "SANCTION", True)}),
    # "the two countries" found as a target after a pattern's marker
    ("Ethiopia accused Eritrea of arming rebels and closed the border crossing between the two countries.",
     {("ETH", "ERI", "ACCUSE", True), ("ETH", "ERI", "SANCTION", True)}),
])
def test_borders_bans_and_tariffs(coder, nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_missiles_fired_into_waters_are_a_show_of_force(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "China fired rockets into the waters off Japan's coast.") == {("CHN", "JPN", "MOBILIZE", True)}


def test_a_possessive_is_the_nearest_actor_unless_that_actor_did_its_phrase(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the nearest actor owns "its bombardment"; in "Indian strikes on its territory" India did the strikes
    got = coded(coder, nlp, "Colombia broke off diplomatic relations with Israel on Thursday over its bombardment of Gaza.")
    assert ("ISR", "", "ASSAULT", True) in got and not any(s == "COL" and p == "ASSAULT" for s, _, p, _ in got)


def test_they_takes_coordinated_actors_not_a_possessor(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "Yemen's Houthi rebels": Yemen owns the phrase; it is not coordinated with the rebels
    got = coded(coder, nlp, "The European Union demanded that Yemen's Houthi rebels free the sailors they had seized.")
    assert ("YEMREB", "", "COERCE", True) in got and not any(s == "YEM" for s, _, _, _ in got)


@pytest.mark.parametrize(("text", "expected"), [
    # resigning from office accedes to a change of leadership (0831, CONCEDE)
    ("Peru's president resigned on Thursday.", {("PERGOV", "", "CONCEDE", True)}),
    # trading rebukes is a mutual criticism, not trade
    ("Japanese and Chinese officials traded rebukes on Friday.",
     {("JPNGOV", "CHNGOV", "ACCUSE", True), ("CHNGOV", "JPNGOV", "ACCUSE", True)}),
    # meeting one's commitments is no meeting, and the commitments are no pledge of their own
    ("North Korea has met its commitments under the accord.", set()),
    # welcoming or greeting a visitor hosts a visit: coded once, from the visitor (CONSULT)
    ("Macron welcomed Scholz at the Elysee Palace on Tuesday.", {("DEUGOV", "FRAGOV", "CONSULT", True)}),
    ("The German chancellor was greeted by Emmanuel Macron in Paris.", {("DEUGOV", "FRAGOV", "CONSULT", True)}),
    # welcoming a decision still praises it
    ("Germany welcomed the decision by France.", {("DEU", "FRA", "SUPPORT", True)}),
])
def test_resignations_rebukes_and_welcomes(coder, nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_an_ending_participle_restates_the_main_act(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "..., ending a decade of war": what the act brought about, not a second (AGREE/RETREAT) event
    got = coded(coder, nlp, "Britain and Spain signed a treaty in Madrid on Friday, formally ending a decade of war.")
    assert got and all(p == "SUPPORT" for _, _, p, _ in got)


def test_no_longer_negates(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, "Germany was no longer sending tanks to Ukraine.") == {("DEU", "UKR", "AID", False)}


def test_fighting_between_parties_named_on_the_verb(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "fighting erupted between A and B": the parser hangs "between" on the verb
    assert coded(coder, nlp, "Fighting erupted between Armenian and Azerbaijani troops on Tuesday.") == {
        ("ARMMIL", "AZEMIL", "ASSAULT", True), ("AZEMIL", "ARMMIL", "ASSAULT", True)}


def test_a_reaction_drawn_from_someone(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "drawing criticism from France": France criticises, the one who drew it is the target
    got = coded(coder, nlp, "Iran tested a ballistic missile on Sunday, drawing sharp criticism from France.")
    assert ("FRA", "IRN", "ACCUSE", True) in got and not any(s == "IRN" and p == "ACCUSE" for s, _, p, _ in got)


@pytest.mark.parametrize(("text", "expected"), [
    # a protest is against whom its participle demands something of
    ("Thousands of Hungarians took to the streets of Budapest, demanding the resignation of Viktor Orban.",
     {("HUN", "HUNGOV", "PROTEST", True), ("HUN", "HUNGOV", "REQUEST", True)}),
    # a strike against the president's plan is against the president (also where the parser hangs
    # "against" on the verb)
    ("Argentine unions called a general strike on Thursday against Milei's austerity plan.",
     {("ARGLAB", "ARGGOV", "PROTEST", True)}),
])
def test_protest_targets(coder, nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


def test_its_embassy_in_a_capital_is_the_owners(coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "its embassy in Caracas": Argentina's mission, Caracas only where it is
    got = coded(coder, nlp, "Venezuela cut ties with Argentina after Venezuelan police surrounded its embassy in Caracas.")
    assert any(s == "VENCOP" and t == "ARGDIP" for s, t, _, _ in got)
    assert not any(t == "VENDIP" for _, t, _, _ in got)
