"""The coder on real spaCy parses, with small dictionaries written here so each rule is seen alone."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.coder import Coder
from detente.events.lexicon import ActorEntry, AgentEntry, DatedCodes, Lexicon
from detente.events.patterns import match_pattern, parse_pattern
from detente.events.verbs import verbs_from_mapping

DAY = dt.date(2025, 3, 19)   # a Wednesday


def lexicon() -> Lexicon:
    lex = Lexicon("test")
    for name, code in (("Russia", "RUS"), ("Ukraine", "UKR"), ("United States", "USA"), ("France", "FRA"),
                       ("Poland", "POL"), ("Germany", "DEU")):
        lex.add(name, ActorEntry(name, "country", (code,)))
    lex.add("Russian", ActorEntry("Russia", "adjective", ("RUS",)))
    lex.add("Ukrainian", ActorEntry("Ukraine", "adjective", ("UKR",)))
    lex.add("Moscow", ActorEntry("Russia", "metonym", ("RUSGOV",)))
    lex.add("Kyiv", ActorEntry("Ukraine", "metonym", ("UKRGOV",)))
    lex.add("Washington", ActorEntry("United States", "metonym", ("USAGOV",)))
    lex.add("Putin", ActorEntry("Vladimir Putin", "person", ("RUSGOV",)))
    lex.add("Peskov", ActorEntry("Dmitry Peskov", "person", ("RUSGOV",)))
    lex.add("Ivanov", ActorEntry("A. Ivanov", "person", ("RUS",), (DatedCodes(("RUSGOV",), dt.date(2020, 1, 1), dt.date(2024, 12, 31)),)))
    for term, code in (("troops", "MIL"), ("soldiers", "MIL"), ("officials", "GOV"), ("lawmakers", "LEG"),
                       ("government", "GOV"), ("police", "COP"), ("protesters", "OPP")):
        lex.add(term, AgentEntry(term, code))
    lex.add("president", AgentEntry("head_of_state", "GOV", kind="role"))
    return lex


VERBS = {
    "synsets": {"sanction": ["sanctions", "embargo"], "talks": ["talks", "negotiations"]},
    "verb": [
        {"lemmas": ["meet"], "code": "044"},
        {"lemmas": ["attack", "shell"], "code": "190"},
        {"lemmas": ["accuse"], "code": "112"},
        {"lemmas": ["impose"], "code": "---", "patterns": [["* &sanction on +", "163"]]},
        {"lemmas": ["hold"], "code": "---", "patterns": [["* &talks", "040"]]},
        {"lemmas": ["call"], "code": "---", "patterns": [["*_on +", "095"]]},
        {"lemmas": ["withdraw"], "code": "0874"},
        {"lemmas": ["visit"], "code": "042"},
        {"lemmas": ["sign"], "code": "057"},
        {"lemmas": ["cooperate"], "code": "060"},
        {"lemmas": ["rule"], "code": "---", "patterns": [["*_out", "120"]]},
        {"lemmas": ["detain"], "code": "173"},
        {"lemmas": ["decline"], "code": "120", "patterns": [["* to comment", "011"]]},
        {"lemmas": ["protest"], "code": "141", "patterns": [["* to +", "114"]]},
        {"lemmas": ["deny"], "code": "016"},
        {"lemmas": ["claim"], "code": "---", "patterns": [["* responsibility", "015"]]},
        {"lemmas": ["mobilise", "mobilize"], "code": "152"},
    ],
    "noun": [{"lemmas": ["talks", "call"], "code": "040", "symmetric": True},
             {"lemmas": ["treaty"], "code": "057", "symmetric": True},
             {"lemmas": ["attack"], "code": "190"}],
}


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(verbs_from_mapping(VERBS, "test"), lexicon())


def code(coder: Coder, nlp, text: str, day: dt.date | None = DAY):  # type: ignore[no-untyped-def]
    return coder.code_doc(nlp(text), day)


def triples(events) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t, e.cameo) for e in events for s, t in e.pairs()}


def test_coder_subject_object_and_offsets(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops attacked Ukraine on Tuesday."
    [event] = code(coder, nlp, text)
    assert triples([event]) == {("RUSMIL", "UKR", "190")}
    assert text[event.trigger_start:event.trigger_end] == "attacked"
    assert event.source[0].text == "Russian troops"
    assert text[event.source[0].start_char:event.source[0].end_char] == "Russian troops"
    assert (event.sentence_start, event.sentence_end) == (0, len(text))
    assert event.date == dt.date(2025, 3, 18)      # "on Tuesday" in a Wednesday article
    assert not event.negated and not event.hypothetical
    assert "attack" in event.rule


def test_coder_passive_agent_swaps_roles(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert triples(code(coder, nlp, "Ukraine was attacked by Russia.")) == {("RUS", "UKR", "190")}
    # without a "by" agent, nobody is known to have done it: no dyad, no event
    assert code(coder, nlp, "Ukraine was attacked overnight.") == []


def test_coder_compound_actors_expand(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "France and Germany accused Russia of aggression."))
    assert got == {("FRA", "RUS", "112"), ("DEU", "RUS", "112")}
    [met] = code(coder, nlp, "Russian and Ukrainian officials met in Istanbul.")
    assert met.symmetric   # a compound subject and no other party: they met each other
    assert triples([met]) == {("RUSGOV", "UKRGOV", "044"), ("UKRGOV", "RUSGOV", "044")}


def test_coder_pattern_target_marker(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "The United States imposed new sanctions on Russia."))
    assert got == {("USA", "RUS", "163")}
    assert code(coder, nlp, "The United States imposed a curfew.") == []   # light verb alone codes nothing
    assert triples(code(coder, nlp, "Poland called on Germany to send tanks.")) == {("POL", "DEU", "095")}


def test_coder_negation_and_modality_are_flagged_not_dropped(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    [neg] = code(coder, nlp, "Russia did not attack Ukraine.")
    assert neg.negated and triples([neg]) == {("RUS", "UKR", "190")}
    [refused] = code(coder, nlp, "Russia refused to withdraw from Ukraine.")
    assert refused.cameo == "0874" and refused.negated
    [could] = code(coder, nlp, "Russia could attack Ukraine next year.")
    assert could.hypothetical and not could.negated
    [plans] = code(coder, nlp, "Putin plans to visit France.")
    assert plans.hypothetical
    [cond] = code(coder, nlp, "If talks fail, Russia will attack Ukraine.")
    assert cond.hypothetical
    [done] = code(coder, nlp, "Russia attacked Ukraine.")
    assert not done.negated and not done.hypothetical


def test_coder_reported_speech_codes_the_embedded_event(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Peskov said Moscow had accused Kyiv of sabotage."))
    assert got == {("RUSGOV", "UKRGOV", "112")}


def test_coder_pronoun_reaches_back_in_the_paragraph(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Putin spoke on Monday. He accused Ukraine of provocations."))
    assert got == {("RUSGOV", "UKR", "112")}
    # a new paragraph forgets
    assert code(coder, nlp, "Putin spoke on Monday.\n\nHe accused Ukraine of provocations.") == []


def test_coder_role_title_resolves_to_the_person_named_before(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Putin arrived late. The president accused Ukraine of provocations."))
    assert got == {("RUSGOV", "UKR", "112")}


def test_coder_dated_actor(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert triples(code(coder, nlp, "Ivanov accused Ukraine of sabotage.", dt.date(2022, 5, 1))) == {("RUSGOV", "UKR", "112")}
    assert triples(code(coder, nlp, "Ivanov accused Ukraine of sabotage.", dt.date(2025, 5, 1))) == {("RUS", "UKR", "112")}


def test_coder_nominal_and_light_verb_events(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    [call] = code(coder, nlp, "A phone call between Washington and Moscow lasted two hours.")
    assert call.symmetric and triples([call]) == {("USAGOV", "RUSGOV", "040"), ("RUSGOV", "USAGOV", "040")}
    got = triples(code(coder, nlp, "Russia held talks with Ukraine."))
    assert got == {("RUS", "UKR", "040")} or got == {("RUS", "UKR", "040"), ("UKR", "RUS", "040")}


def test_coder_no_actor_no_event(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert code(coder, nlp, "The weather was cold and the markets fell.") == []
    assert code(coder, nlp, "Fans attacked the referee after the match.") == []


def test_coder_discards(nlp) -> None:  # type: ignore[no-untyped-def]
    c = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), discards=[("world", "cup")])
    assert c.code_doc(nlp("Russia attacked Ukraine in the World Cup final."), DAY) == []


def test_coder_candidate_filter(coder: Coder) -> None:
    assert coder.candidate("russia attacked ukraine .".split())
    assert not coder.candidate("the weather was cold .".split())


def test_patterns_gaps_joins_and_markers() -> None:
    synsets = {"cur": (("dollars",), ("swiss", "francs"))}
    p = parse_pattern("* &cur TO +", "071", synsets)
    words = "contribute a million swiss francs to gondor".split()
    tokens = [(i, frozenset({w})) for i, w in enumerate(words)][1:]
    assert match_pattern(p.lower, tokens, 0, 1) == {"target": (5, 0)}
    joined = parse_pattern("*_TO +", "071", synsets)
    assert match_pattern(joined.lower, tokens, 0, 1) is None           # "to" is not right after the verb
    upper = parse_pattern("FAILED_TO_*", "111", synsets)
    before = [(1, frozenset({"to"})), (0, frozenset({"failed"}))]       # reading leftwards from the verb at 2
    assert match_pattern(upper.upper, before, 2, -1) == {}
    assert match_pattern(upper.upper, [(0, frozenset({"to"}))], 2, -1) is None


def test_coder_allegation_is_not_an_event(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # what an accusation alleges is its content: coded as the accusation only
    got = triples(code(coder, nlp, "France and Poland accused Russia of shelling Ukraine."))
    assert got == {("FRA", "RUS", "112"), ("POL", "RUS", "112")}
    # the same verb outside an accusation is an event
    assert ("RUS", "UKR", "190") in triples(code(coder, nlp, "Russia kept shelling Ukraine."))


def test_coder_setting_of_sidelines_is_not_a_meeting(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "France and Poland met on the sidelines of talks between Russia and Ukraine."
    got = triples(code(coder, nlp, text))
    assert got == {("FRA", "POL", "044"), ("POL", "FRA", "044")}


def test_coder_mediators_and_hosts(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Russia and Ukraine held talks brokered by France."))
    assert got == {("RUS", "UKR", "040"), ("UKR", "RUS", "040"), ("FRA", "RUS", "045"), ("FRA", "UKR", "045")}
    hosted = triples(code(coder, nlp, "Russia and Ukraine held talks hosted by Germany."))
    assert {("RUS", "DEU", "042"), ("UKR", "DEU", "042")} <= hosted     # a host: the parties' visit
    # "with X as Y" sets the scene: X is no partner of the talks
    assert triples(code(coder, nlp, "Russia signed the accord on Tuesday, with Poland as witness.")) == {("RUS", "", "057")}
    assert triples(code(coder, nlp, "Russia signed the accord on Tuesday with Poland.")) == {("RUS", "POL", "057"),
                                                                                           ("POL", "RUS", "057")}


def test_coder_topic_is_not_a_partner(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Russia and France cooperated on Ukraine."))
    assert got == {("RUS", "FRA", "060"), ("FRA", "RUS", "060")}
    # a partner after "with" is still the target
    assert triples(code(coder, nlp, "Russia cooperated with France.")) == {("RUS", "FRA", "060")}


def test_coder_the_two_sides_are_the_last_two_countries(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Putin spoke with Ukraine on Monday. The two sides signed an accord."))
    assert got == {("RUSGOV", "UKR", "057"), ("UKR", "RUSGOV", "057")}
    # with only one country named before, "both leaders" stays unresolved
    assert code(coder, nlp, "Both leaders met on Monday.") == []


def test_coder_mutual_act_takes_the_partner_of_its_coordinated_act(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Putin met Ukrainian officials in Moscow and signed an accord."))
    assert {("RUSGOV", "UKRGOV", "057"), ("UKRGOV", "RUSGOV", "057")} <= got


def test_coder_an_agreement_named_in_a_clause_is_not_made_by_its_actors(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "Article 4 of Germany's treaty": an existing treaty, not one Poland made with Germany
    assert code(coder, nlp, "Poland cited Article 4 of Germany's treaty.") == []
    # talks are another matter: the clause's subject is the other party
    got = triples(code(coder, nlp, "Poland spoke after talks with Germany."))
    assert got == {("POL", "DEU", "040"), ("DEU", "POL", "040")}


def test_coder_ruled_out_gerund_is_a_negated_complement(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(coder, nlp, "Putin ruled out attacking Poland.")
    by_code = {e.cameo: e for e in events}
    assert set(by_code) == {"120", "190"}
    assert by_code["190"].negated and triples([by_code["190"]]) == {("RUSGOV", "POL", "190")}
    # the refusal is aimed at the target of the act it rules out
    assert not by_code["120"].negated and triples([by_code["120"]]) == {("RUSGOV", "POL", "120")}


def test_coder_police_acting_on_a_bare_group_act_on_their_own_people(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert triples(code(coder, nlp, "Russian police detained protesters in Moscow.")) == {("RUSCOP", "RUSOPP", "173")}
    # a group with its own country keeps it
    assert triples(code(coder, nlp, "Russian police detained Ukrainian protesters.")) == {("RUSCOP", "UKROPP", "173")}
    # troops are not a state's police: the group's country is not known
    assert triples(code(coder, nlp, "Russian troops attacked protesters.")) == {("RUSMIL", "", "190")}


def test_coder_patterns_see_the_verb_of_a_complement(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "declined to comment" is CAMEO 011, not a refusal (120) of something
    assert {e.cameo for e in code(coder, nlp, "Russia declined to comment.")} == {"011"}
    assert {e.cameo for e in code(coder, nlp, "Russia declined.")} == {"120"}


def test_coder_infinitive_of_a_noun_clause_is_not_a_pattern_word(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the "to" of "the plan to sanction Russia" is not "protested to Russia" (114)
    got = code(coder, nlp, "Poland protested against the plan to sanction Russia.")
    assert [e.cameo for e in got] == ["141"]
    assert triples(code(coder, nlp, "Poland protested to Russia.")) == {("POL", "RUS", "114")}


def test_coder_possessive_pronoun_subject_names_the_owner(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "its troops" in the reported clause are Russia's
    assert triples(code(coder, nlp, "Russia said its troops attacked Ukraine.")) == {("RUSMIL", "UKR", "190")}
    # as an object, one's own troops are no other party
    assert triples(code(coder, nlp, "Russia withdrew its troops.")) == {("RUS", "", "0874")}


def test_coder_claimed_or_denied_act_takes_its_claimant(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    claimed = [e for e in code(coder, nlp, "Russia claimed responsibility for the attack on Ukraine.") if e.cameo == "190"]
    assert triples(claimed) == {("RUS", "UKR", "190")} and not claimed[0].negated
    denied = [e for e in code(coder, nlp, "Russia denied any role in the attack on Ukraine.") if e.cameo == "190"]
    assert triples(denied) == {("RUS", "UKR", "190")} and denied[0].negated
    # the attack alone names no source
    assert code(coder, nlp, "The attack on Ukraine was condemned.") == []


def test_coder_countries_listed_after_including_are_the_actors(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    got = triples(code(coder, nlp, "Several states, including France and Germany, attacked Russia."))
    assert got == {("FRA", "RUS", "190"), ("DEU", "RUS", "190")}


def test_coder_a_state_mobilising_its_own_forces_has_no_target(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert triples(code(coder, nlp, "Russia mobilised Russian troops.")) == {("RUS", "", "152")}
    # another state's forces stay a target
    assert triples(code(coder, nlp, "Russia mobilised Ukrainian troops.")) == {("RUS", "UKRMIL", "152")}


def test_coder_violence_by_protesters_is_a_riot(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    assert triples(code(coder, nlp, "Russian protesters attacked Russian police.")) == {("RUSOPP", "RUSCOP", "145")}
    assert triples(code(coder, nlp, "Russian troops attacked Russian police.")) == {("RUSMIL", "RUSCOP", "190")}


def test_coder_a_time_phrase_names_no_target(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # "within hours of Poland's attack" says when; Poland is not the one the troops were mobilised against
    events = code(coder, nlp, "Russia mobilised troops within hours of Poland's attack.")
    assert ("RUS", "", "152") in triples(events) and ("RUS", "POL", "152") not in triples(events)
    # "on Monday, the anniversary of the attack": a date, not an attack by the clause's subject
    got = triples(code(coder, nlp, "Poland imposed new sanctions on Russia on Friday, the second anniversary of the attack."))
    assert got == {("POL", "RUS", "163")}


def test_petrarch_conventions_nest_adverbial_clause_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia attacked Ukraine after Poland attacked Germany."
    ours = Coder(verbs_from_mapping(VERBS, "test"), lexicon())
    assert triples(code(ours, nlp, text)) == {("RUS", "UKR", "190"), ("POL", "DEU", "190")}
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")
    assert triples(code(petrarch, nlp, text)) == {("RUS", "UKR", "190")}
    # an adverbial clause of a verb that codes nothing is coded on its own
    assert triples(code(petrarch, nlp, "Russia spoke after Poland attacked Germany.")) == {("POL", "DEU", "190")}


def test_petrarch_new_actor_length_quotes_a_short_uncoded_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    def petrarch(n: int, conventions: str = "petrarch") -> Coder:
        return Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions=conventions, new_actor_length=n)

    # a source or a target phrase with no actor and no agent, of at most N words, is its own actor
    assert triples(code(petrarch(4), nlp, "The Ministry of Magic attacked Ukraine.")) == {
        ('"THE MINISTRY OF MAGIC"', "UKR", "190")}
    assert triples(code(petrarch(4), nlp, "Russia attacked the Ministry of Magic on Tuesday.")) == {
        ("RUS", '"THE MINISTRY OF MAGIC"', "190")}
    # a possessive "'s" is dropped; a hyphenated word is one word
    assert triples(code(petrarch(4), nlp, "Gryffindor's head Minerva McGonagall attacked Ukraine.")) == {
        ('"GRYFFINDOR HEAD MINERVA MCGONAGALL"', "UKR", "190")}
    assert triples(code(petrarch(3), nlp, "Russia attacked the war-torn village.")) == {
        ("RUS", '"THE WAR-TORN VILLAGE"', "190")}
    # too long for N, or N = 0 (off): no party, so no event (PETRARCH requires a dyad)
    assert triples(code(petrarch(3), nlp, "The Ministry of Magic attacked Ukraine.")) == set()
    assert triples(code(petrarch(4), nlp, "The old Ministry of Magic attacked Ukraine.")) == set()
    assert triples(code(petrarch(0), nlp, "The Ministry of Magic attacked Ukraine.")) == set()
    # a phrase naming an actor or an agent, or owned through a pronoun, is never quoted
    assert triples(code(petrarch(4), nlp, "Russian troops attacked Ukraine.")) == {("RUSMIL", "UKR", "190")}
    assert triples(code(petrarch(4), nlp, "Russia attacked its own embassy.")) == set()
    # detente's own conventions ignore the option
    assert petrarch(4, "detente").new_actor_length == 0
    assert triples(code(petrarch(4, "detente"), nlp, "The Ministry of Magic attacked Ukraine.")) == set()


def test_coder_subject_hung_on_the_auxiliary(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "Poland" as the subject of "was", not of "accused"
    ours = Coder(verbs_from_mapping(VERBS, "test"), lexicon())
    assert triples(code(ours, nlp, "Poland was heavily and unjustly accused by Russia.")) == {("RUS", "POL", "112")}
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")
    assert triples(code(petrarch, nlp, "Poland was heavily and unjustly accused over its dispute with Russia.")) == {
        ("POL", "RUS", "112")}


def test_coder_upper_target_on_the_clause_subject_takes_the_governing_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    mapping = {"verb": [{"lemmas": ["regret"], "code": "111", "patterns": [["noted + *", "115"]]}]}
    for conventions in ("detente", "petrarch"):
        coder = Coder(verbs_from_mapping(mapping, "test"), lexicon(), conventions=conventions)
        # "+" before the verb is the reported clause's own subject: the one who noted it is the source
        got = triples(code(coder, nlp, "Poland noted that Russia regretted the decision of the court."))
        assert got == {("POL", "RUS", "115")}


def test_coder_an_apposition_naming_another_actor_inside_a_list_is_a_list_item(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "the mighty Poland" as an apposition of "Russia"; the list goes on after it
    got = triples(code(coder, nlp, "Russia, the mighty Poland, and Germany attacked Ukraine."))
    assert got == {("RUS", "UKR", "190"), ("POL", "UKR", "190"), ("DEU", "UKR", "190")}


def test_coder_a_conjunct_naming_nothing_takes_the_of_phrase_after_it(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "of Poland" on "farmers"; it follows (and belongs to) "bakers"
    got = triples(code(coder, nlp, "Russia's farmers and bakers of Poland attacked Ukraine."))
    assert got == {("RUS", "UKR", "190"), ("POL", "UKR", "190")}


def test_petrarch_conventions_do_not_code_an_opening_participle(nlp) -> None:  # type: ignore[no-untyped-def]
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")
    # a participle opening the sentence has no subject of its own: PETRARCH codes nothing from it
    assert triples(code(petrarch, nlp, "Attacked by Russia, Poland is being drawn into the war with Germany.")) == set()
    # a participle that follows its clause is not affected
    assert triples(code(petrarch, nlp, "Russia attacked Poland, accusing Germany of lying.")) >= {("RUS", "POL", "190")}


def test_coder_a_skipped_phrase_does_not_own_the_actor_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # "^ ^" skips "the palace" and "the government"; the "+" is Poland, not Poland's government
    mapping = {"verb": [{"lemmas": ["celebrate"], "code": "---", "patterns": [["* feast at ^ ^ +", "044"]]}]}
    petrarch = Coder(verbs_from_mapping(mapping, "test"), lexicon(), conventions="petrarch")
    got = triples(code(petrarch, nlp, "Russia celebrated the feast at the palace with the government of Poland."))
    assert got == {("RUS", "POL", "044")}


def test_coder_subject_read_as_a_compound_of_the_verb(coder: Coder, nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "Poland" as a compound of the finite verb "attack"
    for c in (coder, Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")):
        assert triples(code(c, nlp, "Poland attack Russia every year, officials said.")) == {("POL", "RUS", "190")}


def test_petrarch_conventions_nest_infinitive_complement_events(nlp) -> None:  # type: ignore[no-untyped-def]
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")
    # the complement's event is nested in the coded appeal, as PETRARCH does
    assert triples(code(petrarch, nlp, "Russia called on Poland to attack Germany.")) == {("RUS", "POL", "095")}
    # a complement of a verb that codes nothing is coded on its own
    assert triples(code(petrarch, nlp, "Russia wants to attack Germany.")) == {("RUS", "DEU", "190")}
    ours = Coder(verbs_from_mapping(VERBS, "test"), lexicon())
    assert ("POL", "DEU", "190") in triples(code(ours, nlp, "Russia called on Poland to attack Germany."))


def test_petrarch_conventions_match_a_blank_separated_phrase_across_other_words(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = lexicon()
    radio = ActorEntry("poland radio", "actor", ("POLRAD",))
    lex.add("poland radio", radio, case="any")
    lex.gapped["poland"] = [(("poland", "radio"), radio)]
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lex, conventions="petrarch")
    # "Poland ... radio" inside one noun phrase is the phrase, with words between
    assert triples(code(petrarch, nlp, "Russia attacked Poland's state-owned radio on Monday.")) == {
        ("RUS", "POLRAD", "190")}
    # not across noun phrases
    assert triples(code(petrarch, nlp, "Russia attacked Poland, a radio said.")) == {("RUS", "POL", "190")}


def test_petrarch_new_actor_after_an_and_inside_the_modifiers(nlp) -> None:  # type: ignore[no-untyped-def]
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch", new_actor_length=4)
    # the parser reads "Poland's crime and poverty rate" as one phrase with "crime and" inside it:
    # as two phrases, the second ("poverty rate") names no actor and is a new one
    assert triples(code(petrarch, nlp, "Poland's crime and poverty rate attacked Ukraine.")) == {
        ("POL", "UKR", "190"), ('"POVERTY RATE"', "UKR", "190")}


def test_petrarch_conventions_keep_a_government_code_before_its_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    # ours: a seat of government's troops are its country's; PETRARCH appends the agent to the actor's code
    ours = Coder(verbs_from_mapping(VERBS, "test"), lexicon())
    assert triples(code(ours, nlp, "Moscow troops attacked Ukraine.")) == {("RUSMIL", "UKR", "190")}
    petrarch = Coder(verbs_from_mapping(VERBS, "test"), lexicon(), conventions="petrarch")
    assert triples(code(petrarch, nlp, "Moscow troops attacked Ukraine.")) == {("RUSGOVMIL", "UKR", "190")}
