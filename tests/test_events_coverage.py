"""Trigger coverage: the wire-news forms added to ``verbs.toml`` by the coverage audit
(``docs/verbs.md``, "Coverage audit"), one sentence per word class, with the triples a reader
expects, and non-event uses of the same words that must code nothing.

Each case names every (source, target, PLOVER type, asserted) the sentence must give. The
sentences are written for these tests; none is in the gold sets.
"""

from __future__ import annotations

import pytest

from helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # REQUEST: nudge/prod/spur, beseech; "renewed calls for a ceasefire" is an appeal, not a truce
    ("Kyiv beseeched Berlin for more air defences.", {("UKRGOV", "DEUGOV", "REQUEST", True)}),
    ("France renewed calls for a ceasefire in Sudan.", {("FRA", "", "REQUEST", True)}),
    # AGREE: consent; "put forward a plan"
    ("Serbia consented to talks with Kosovo.", {("SRB", "XKX", "AGREE", True)}),
    ("Egypt put forward a plan for a truce between Israel and Hamas.",
     {("EGY", "ISR", "AGREE", True), ("EGY", "PSEREB", "AGREE", True)}),
    # CONSULT: "sat down with", "huddled with", "stopped over in"
    ("Macron sat down with Trump at the White House.",
     {("FRAGOV", "USAGOV", "CONSULT", True), ("USAGOV", "FRAGOV", "CONSULT", True)}),
    ("Scholz huddled with Macron in Paris.",
     {("DEUGOV", "FRAGOV", "CONSULT", True), ("FRAGOV", "DEUGOV", "CONSULT", True)}),
    ("Modi stopped over in Poland on his way to Kyiv.", {("INDGOV", "POL", "CONSULT", True)}),
    # SUPPORT: champion, vouch, "threw its weight behind", "forged an alliance", "spoke out in support of"
    ("Poland championed Ukraine's accession to the EU.", {("POL", "UKR", "SUPPORT", True)}),
    ("Turkey vouched for Azerbaijan at the summit.", {("TUR", "AZE", "SUPPORT", True)}),
    ("Spain threw its weight behind Morocco's plan.", {("ESP", "MAR", "SUPPORT", True)}),
    ("Russia forged an alliance with North Korea.", {("RUS", "PRK", "SUPPORT", True)}),
    ("Brazil spoke out in support of Venezuela.", {("BRA", "VEN", "SUPPORT", True)}),
    # COOPERATE: "worked (closely) with"
    ("Greece worked closely with Cyprus on the pipeline.", {("GRC", "CYP", "COOPERATE", True)}),
    # AID: supported financially, handed (over) weapons, flew in aid, came to the aid of, bailed out,
    # disbursed, gave refuge, arms shipments
    ("Japan supported the Philippines financially.", {("JPN", "PHL", "AID", True)}),
    ("Denmark handed over its artillery to Ukraine.", {("DNK", "UKR", "AID", True)}),
    ("Germany handed Ukraine three Patriot systems.", {("DEU", "UKR", "AID", True)}),
    ("The UAE flew in humanitarian aid to Sudan.", {("ARE", "SDN", "AID", True)}),
    ("Greece came to the aid of Turkey after the earthquake.", {("GRC", "TUR", "AID", True)}),
    ("The IMF bailed out Sri Lanka.", {("IGOBUSIMF", "LKA", "AID", True)}),
    ("The World Bank disbursed loans to Kenya.", {("IGOUNODEVWBK", "KEN", "AID", True)}),
    ("Turkey gave refuge to Syrian refugees.", {("TUR", "SYRREF", "AID", True)}),
    ("American arms shipments to Taiwan angered Beijing.", {("USA", "TWN", "AID", True)}),
    # CONCEDE: backtrack, "climbed down", "gave in to", "reversed course"
    ("Mexico backtracked on its energy reform after pressure from the United States.",
     {("MEX", "", "CONCEDE", True)}),
    ("Serbia climbed down after pressure from the EU.", {("SRB", "", "CONCEDE", True)}),
    ("Turkey gave in to Sweden's demands.", {("TUR", "SWE", "CONCEDE", True), ("SWE", "", "REQUEST", True)}),
    ("Britain reversed course on aid cuts to Africa.", {("GBR", "", "CONCEDE", True)}),
    # RETREAT: "rolled back tariffs", "drew down its troops", "set free", "sent home prisoners",
    # "handed over the plant to"
    ("Washington rolled back tariffs on Mexican steel.", {("USAGOV", "", "RETREAT", True)}),
    ("The United States drew down its troops in Syria.", {("USA", "", "RETREAT", True)}),
    ("Belarus set free a Lithuanian citizen.", {("BLR", "LTUCVL", "RETREAT", True)}),
    ("Russia sent home Ukrainian prisoners of war.", {("RUS", "UKR", "RETREAT", True)}),
    ("Russia handed over the nuclear plant to Ukraine.", {("RUS", "UKR", "RETREAT", True)}),
    # ACCUSE: rail, pillory, brand, "ripped into", "took aim at", "took issue with", "called out",
    # "drew criticism from"
    ("Maduro railed against the United States on Monday.", {("VENGOV", "USA", "ACCUSE", True)}),
    ("Iran pilloried the IAEA over its report.", {("IRN", "IGOUNOIAE", "ACCUSE", True)}),
    ("Venezuela branded Guyana a puppet of the United States.", {("VEN", "GUY", "ACCUSE", True)}),
    ("Trump ripped into Zelensky on Friday.", {("USAGOV", "UKRGOV", "ACCUSE", True)}),
    ("China took aim at the United States over chip controls.", {("CHN", "USA", "ACCUSE", True)}),
    ("France took issue with Italy's migration policy.", {("FRA", "ITA", "ACCUSE", True)}),
    ("Britain called out Russia over the cyber attacks.", {("GBR", "RUS", "ACCUSE", True)}),
    ("Israel's strike drew criticism from Egypt.", {("EGY", "ISR", "ACCUSE", True), ("ISR", "", "ASSAULT", True)}),
    # REJECT: balk, scuttle, stonewall, the noun "rebuff"
    ("Hungary balked at the EU's plan for Ukraine.", {("HUN", "UKR", "REJECT", True)}),
    ("Russia scuttled the grain deal with Ukraine.", {("RUS", "UKR", "REJECT", True)}),
    ("Poland stonewalled Ukraine over grain imports.", {("POL", "UKR", "REJECT", True)}),
    ("Hamas's rebuff of the Egyptian plan surprised Qatar.", {("PSEREB", "EGY", "REJECT", True)}),
    # THREATEN: "raised the spectre of", "warned X of further strikes"
    ("Russia raised the spectre of nuclear war with Britain.", {("RUS", "GBR", "THREATEN", True)}),
    ("Israel warned Iran of further strikes.", {("ISR", "IRN", "THREATEN", True)}),
    # PROTEST: chant, vigils, staging a protest, protesters setting fire (riot)
    ("Serbian students chanted slogans against the government.", {("SRBEDU", "SRBGOV", "PROTEST", True)}),
    ("Georgian students held vigils against the government.", {("GEOEDU", "GEOGOV", "PROTEST", True)}),
    ("Hungarian farmers staged a protest against the government.", {("HUNAGR", "HUNGOV", "PROTEST", True)}),
    ("Kenyan protesters set fire to the parliament building.", {("KENOPP", "", "PROTEST", True)}),
    # MOBILIZE: test-fired, flexed muscles, scrambled jets, beefed up, sailed a warship through,
    # rushed troops, tested a missile, reinforced the flank, flew bombers, war games, and "staged a
    # show of force" (spaCy lemmatises "staged" as "stag")
    ("North Korea test-fired a cruise missile.", {("PRK", "", "MOBILIZE", True)}),
    ("Russia flexed its military muscles near Finland.", {("RUS", "FIN", "MOBILIZE", True)}),
    ("Japan scrambled fighter jets after Chinese incursions.",
     {("JPN", "", "MOBILIZE", True), ("CHN", "", "ASSAULT", True)}),
    ("Poland beefed up its border with Belarus.", {("POL", "BLR", "MOBILIZE", True)}),
    ("Canada sailed a warship through the Taiwan Strait.", {("CAN", "TWN", "MOBILIZE", True)}),
    ("Turkey rushed troops to the border with Syria.", {("TUR", "SYR", "MOBILIZE", True)}),
    ("Iran tested a new ballistic missile.", {("IRN", "", "MOBILIZE", True)}),
    ("NATO reinforced its eastern flank against Russia.", {("IGOWSTNAT", "RUS", "MOBILIZE", True)}),
    ("China flew bombers near Japan.", {("CHN", "JPN", "MOBILIZE", True)}),
    ("Russia's war games in Belarus alarmed Poland.", {("RUS", "", "MOBILIZE", True)}),
    ("China staged a show of force near Taiwan.", {("CHN", "TWN", "MOBILIZE", True)}),
    # SANCTION: shutter, oust an ambassador, withhold aid, "slammed X with sanctions"
    ("Ukraine shuttered its embassy in Tehran.", {("UKR", "IRNDIP", "SANCTION", True)}),
    ("Niger ousted the French ambassador.", {("NER", "FRADIP", "SANCTION", True)}),
    ("The United States withheld military aid from Ukraine.", {("USA", "UKR", "SANCTION", True)}),
    ("The EU slammed Russia with new sanctions.", {("IGOEUREEC", "RUS", "SANCTION", True)}),
    # COERCE: "locked up", "held in custody"
    ("Russia locked up Ukrainian journalists.", {("RUS", "UKRMED", "COERCE", True)}),
    ("Iran held a French tourist in custody.", {("IRN", "FRA", "COERCE", True)}),
    # ASSAULT: hostage-taking; hammer/batter/strafe; rained missiles; unleash; overrun; lob; ram;
    # waged war ("wag"); an attack on the power grid is no cyber attack; onslaught; set fire to;
    # "blasted ... with artillery"
    ("Hamas took Israeli soldiers hostage.", {("PSEREB", "ISRMIL", "ASSAULT", True)}),
    ("Ukraine hammered Russian refineries with drones.", {("UKR", "RUS", "ASSAULT", True)}),
    ("Russia battered Kharkiv with glide bombs.", {("RUS", "UKR", "ASSAULT", True)}),
    ("Israeli jets strafed Hezbollah positions in Lebanon.", {("ISR", "LBNREB", "ASSAULT", True)}),
    ("Russia rained missiles on Ukrainian cities.", {("RUS", "UKR", "ASSAULT", True)}),
    ("Iran unleashed a barrage of missiles on Israel.", {("IRN", "ISR", "ASSAULT", True)}),
    ("Russian forces overran Ukrainian positions near Avdiivka.", {("RUSMIL", "UKR", "ASSAULT", True)}),
    ("North Korea lobbed artillery shells at South Korea.", {("PRK", "KOR", "ASSAULT", True)}),
    ("Chinese coast guard ships rammed Philippine vessels.", {("CHN", "PHL", "ASSAULT", True)}),
    ("Russia waged war on Ukraine.", {("RUS", "UKR", "ASSAULT", True)}),
    ("Russia attacked Ukraine's power grid.", {("RUS", "UKR", "ASSAULT", True)}),
    ("Russia's onslaught on Ukraine continued.", {("RUS", "UKR", "ASSAULT", True)}),
    ("Russian troops set fire to Ukrainian villages.", {("RUSMIL", "UKR", "ASSAULT", True)}),
    ("Armenian forces blasted Azerbaijani positions with artillery.", {("ARMMIL", "AZE", "ASSAULT", True)}),
])
def test_added_forms_code_their_events(coder, nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def, type-arg]
    assert coded(coder, nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the added words in their everyday, non-event senses
    "Negotiators hammered out the text overnight.",
    "The pandemic hammered the Russian economy.",
    "Parliament rammed through the budget.",
    "A typhoon battered the Philippine coast.",
    "The company sold branded goods in China.",
    "Investors cheered the results on Wednesday.",
    "It rained heavily in Kyiv on Monday.",
    "The ministry set up a new committee.",
    "Officials worked through the night.",
    "The minister sat down after the speech.",
    "The gang forged documents to enter Spain.",
    "Residents threw out the old furniture.",
    "The central bank drew down its reserves.",
    "Airlines scrambled to rebook passengers.",
    "Scientists tested a new vaccine.",
    "Shoppers rushed to buy bread.",
    "The minister brushed aside questions about his health.",
    "The students gave in their essays.",
    "The theatre staged a new play in London.",
    "The team staged a comeback in the second half.",
    "Tourists sailed to the Greek islands.",
])
def test_added_words_in_other_senses_code_nothing(coder, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, nlp, text) == set()
