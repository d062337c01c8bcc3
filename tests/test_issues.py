"""The issue taxonomy: the shipped data, how terms and patterns match, the schema check, the prefilter."""

from __future__ import annotations

import functools
import random
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from detente.errors import DetenteError
from detente.issues import Issue, IssuesError, IssueTag, Taxonomy, load_issues, parse_issues
from detente.issues.taxonomy import issue_regex, term_regex

REQUIRED = [
    "ceasefire", "energy_infrastructure", "black_sea", "territory", "security_guarantees", "nato_enlargement",
    "sanctions", "arms_control", "nuclear_risk", "diplomatic_missions", "prisoner_exchange", "resource_deals",
    "trade_tariffs", "military_aid", "elections", "humanitarian_access", "refugees", "peace_talks",
    "sovereignty_independence", "cyber", "terrorism", "human_rights", "maritime_disputes", "taiwan",
    "energy_supply", "frozen_assets", "war_crimes", "troop_deployments", "migration", "climate",
]

#: (sentence, issue key, words that must be inside one of that issue's tags) - written for these tests.
TAGGED = [
    ("Kyiv and Moscow agreed to a cease-fire along the front line.", "ceasefire", "cease-fire"),
    ("Both armies kept a three-day Easter truce.", "ceasefire", "truce"),
    ("The envoy called for a halt to the fighting around the city.", "ceasefire", "halt to the fighting"),
    ("Washington proposed a 45-day ceasefire.", "ceasefire", "45-day ceasefire"),
    ("Drones struck power plants and substations overnight.", "energy_infrastructure", "power plants"),
    ("They agreed to a moratorium on attacks against energy facilities.", "energy_infrastructure", "energy facilities"),
    ("A 10-day pause on strikes on the power grid began on Monday.", "energy_infrastructure", "strikes on the power grid"),
    ("Grain ships left the port of Odesa for the Bosphorus.", "black_sea", "port of Odesa"),
    ("Shipping in the Black Sea resumed under the new corridor.", "black_sea", "Black Sea"),
    ("Moscow insists Kyiv withdraw from the Donetsk region it still holds.", "territory", "Donetsk region"),
    ("Russia annexed four regions after sham referendums.", "territory", "annexed"),
    ("The plan would recognise Crimea as Russian.", "territory", "recognise Crimea"),
    ("Europe offered a reassurance force and security guarantees to Kyiv.", "security_guarantees", "security guarantees"),
    ("Finland's accession to NATO doubled the alliance's border with Russia.", "nato_enlargement", "accession to NATO"),
    ("Ukraine will never join NATO, the envoy said.", "nato_enlargement", "join NATO"),
    ("Moscow demanded a halt to Nato enlargement.", "nato_enlargement", "Nato enlargement"),
    ("The Treasury imposed sanctions on two banks.", "sanctions", "sanctions"),
    ("Washington tightened export controls on chips.", "sanctions", "export controls"),
    ("Moscow wants the farm bank reconnected to SWIFT.", "sanctions", "SWIFT"),
    ("The New START treaty expires next February.", "arms_control", "New START"),
    ("Neither side has allowed on-site inspections since 2023.", "arms_control", "inspections"),
    ("The IAEA warned about the Zaporizhzhia nuclear power plant.", "nuclear_risk", "Zaporizhzhia nuclear power plant"),
    ("Iran expanded uranium enrichment at Fordow.", "nuclear_risk", "uranium enrichment"),
    ("He warned of nuclear war if the missiles are deployed.", "nuclear_risk", "nuclear war"),
    ("Washington expelled twelve Russian diplomats and closed two consulates.", "diplomatic_missions", "expelled twelve Russian diplomats"),
    ("The talks covered the staffing of both embassies.", "diplomatic_missions", "embassies"),
    ("The ambassador was recalled for consultations.", "diplomatic_missions", "ambassador was recalled"),
    ("The two sides carried out a prisoner swap on Friday.", "prisoner_exchange", "prisoner swap"),
    ("They exchanged 175 prisoners of war each.", "prisoner_exchange", "prisoners"),
    ("Kyiv wants all prisoners of war home.", "prisoner_exchange", "prisoners of war"),
    ("Kyiv and Washington signed a minerals deal covering rare earths.", "resource_deals", "minerals deal"),
    ("Beijing retaliated with tariffs on soybeans.", "trade_tariffs", "tariffs"),
    ("The president paused military aid and intelligence sharing with Kyiv.", "military_aid", "military aid"),
    ("Zelensky said elections cannot be held under martial law.", "elections", "elections"),
    ("Aid agencies demanded humanitarian access to the besieged town.", "humanitarian_access", "humanitarian access"),
    ("Poland hosts a million refugees from the war.", "refugees", "refugees"),
    ("Negotiators met in Istanbul for a second round of talks.", "peace_talks", "round of talks"),
    ("Officials held talks with their Chinese counterparts.", "peace_talks", "talks"),
    ("The summit in Alaska ended without a deal.", "peace_talks", "summit"),
    ("Kyiv insists on its sovereignty and territorial integrity.", "sovereignty_independence", "sovereignty"),
    ("The agency blamed the cyberattack on state-backed hackers.", "cyber", "cyberattack"),
    ("The group was designated a terrorist organisation.", "terrorism", "terrorist"),
    ("Rights groups condemned the jailing of political prisoners.", "human_rights", "political prisoners"),
    ("Coast guard ships clashed near Second Thomas Shoal in the South China Sea.", "maritime_disputes", "South China Sea"),
    ("Beijing staged drills around Taiwan.", "taiwan", "Taiwan"),
    ("Gas transit through Ukraine stopped when the contract expired.", "energy_supply", "Gas transit"),
    ("Ministers discussed the oil price cap.", "energy_supply", "oil price cap"),
    ("The EU will lend against frozen Russian assets.", "frozen_assets", "frozen Russian assets"),
    ("The ICC issued an arrest warrant over the deportation of children.", "war_crimes", "ICC"),
    ("Paris offered to send peacekeepers after a ceasefire.", "troop_deployments", "peacekeepers"),
    ("Russia moved more troops to the border.", "troop_deployments", "troops"),
    ("The bill tightens the rules on asylum and migration.", "migration", "migration"),
    ("The leaders discussed climate change at COP30.", "climate", "climate change"),
]

#: (sentence, issue key it must not get) - common words that a careless dictionary would tag.
NOT_TAGGED = [
    ("He talks about his childhood in every interview.", "peace_talks"),
    ("That is not a big deal.", "peace_talks"),
    ("The annex to the agreement lists both parties.", "territory"),
    ("The opposition ceded ground in the debate.", "territory"),
    ("The investment climate remains poor.", "climate"),
    ("This could be a new start for the company.", "arms_control"),
    ("The sovereign wealth fund invested in a port.", "sovereignty_independence"),
    ("The People's Republic of China protested.", "taiwan"),
    ("Several new projects are in the pipeline.", "energy_supply"),
    ("The two leaders traded barbs over the weekend.", "trade_tariffs"),
    ("Nuclear power supplies a fifth of the country's electricity.", "nuclear_risk"),
    ("Reporters were stationed outside the building.", "troop_deployments"),
    ("The annual report called for more accountability in the ministry.", "war_crimes"),
    ("The media blackout lasted two days.", "energy_infrastructure"),
    ("She spoke to a captive audience.", "prisoner_exchange"),
]


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_issues()


def _toml(value: object) -> str:
    """A value as TOML: strings as literal strings (backslashes kept), lists of them."""
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def _issue(key: str = "truce", **fields: object) -> str:
    body = {"key": key, "label": key.title(), "description": f"About {key}.", **fields}
    return "[[issue]]\n" + "".join(f"{name} = {_toml(value)}\n" for name, value in body.items())


@functools.cache
def _compiled(issue: Issue) -> re.Pattern[str]:
    return re.compile(issue_regex(issue), re.IGNORECASE)


def _brute_force(tax: Taxonomy, text: str) -> list[tuple[int, int, str]]:
    """Every issue's matches found without the prefilter, as (start, end, key)."""
    found = []
    for issue in tax.issues:
        found += [(m.start(), m.end(), issue.key) for m in _compiled(issue).finditer(text)]
    return sorted(found)


# --- the shipped taxonomy ------------------------------------------------------------------

def test_issues_shipped_file_has_the_required_keys(tax: Taxonomy) -> None:
    keys = [issue.key for issue in tax.issues]
    assert len(keys) == len(set(keys))
    assert set(REQUIRED) <= set(keys)
    assert 25 <= len(keys) <= 40
    for issue in tax.issues:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", issue.key)
        assert issue.label.strip() and issue.description.strip()
        assert issue.terms or issue.patterns
        assert tax.issue(issue.key) is issue and issue.key in tax


def test_issues_shipped_file_starts_with_a_header() -> None:
    text = resources.files("detente.issues").joinpath("data", "issues.toml").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert len(tomllib.loads(text)["issue"]) == len(load_issues())


def test_issues_load_is_cached(tax: Taxonomy) -> None:
    assert load_issues() is tax


@pytest.mark.parametrize(("text", "key", "words"), TAGGED, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(TAGGED)])
def test_issues_tag_finds_the_issue(tax: Taxonomy, text: str, key: str, words: str) -> None:
    tags = tax.tag(text)
    assert any(t.key == key and words in t.text for t in tags), tags
    for t in tags:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(("text", "key"), NOT_TAGGED)
def test_issues_tag_ignores_common_words(tax: Taxonomy, text: str, key: str) -> None:
    assert key not in tax.keys(text), tax.tag(text)


def test_issues_neutral_sentence_has_no_tags(tax: Taxonomy) -> None:
    assert tax.tag("The minister arrived on Tuesday and spoke to reporters at the airport.") == []
    assert tax.tag("") == [] and tax.keys("") == []


def test_issues_energy_pause_is_both_ceasefire_and_energy(tax: Taxonomy) -> None:
    text = "Both leaders backed a 30-day pause on strikes on energy infrastructure."
    keys = {t.key: t for t in tax.tag(text)}
    assert set(keys) == {"ceasefire", "energy_infrastructure"}
    assert keys["ceasefire"].text.startswith("30-day")
    assert keys["energy_infrastructure"].text.endswith("energy infrastructure")
    assert keys["ceasefire"].start < keys["energy_infrastructure"].start < keys["ceasefire"].end  # issues may overlap


def test_issues_docs_list_every_issue(tax: Taxonomy) -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "issues.md").read_text(encoding="utf-8")
    for issue in tax.issues:
        assert f"| `{issue.key}` | {issue.label} |" in docs, issue.key
    assert "## Tone" in docs and "Hutto" in docs


# --- how terms match -------------------------------------------------------------------------

def _one(term: str) -> Taxonomy:
    return Taxonomy([Issue("x", "X", "x", terms=(term,))])


@pytest.mark.parametrize(("term", "text", "hit"), [
    ("truce", "A TRUCE held.", "TRUCE"),
    ("truce", "Two truces held.", "truces"),
    ("embassy", "Both embassies reopened.", "embassies"),
    ("tax", "New taxes came in.", "taxes"),
    ("cease-fire", "The ceasefire held.", "ceasefire"),
    ("cease-fire", "The cease fire held.", "cease fire"),
    ("cease-fire", "The cease-fires held.", "cease-fires"),
    ("energy infrastructure", "energy-infrastructure strikes", "energy-infrastructure"),
    ("energy infrastructure", "energy \u2013 infrastructure", "energy \u2013 infrastructure"),
    ("energy infrastructure", "energy\ninfrastructure", "energy\ninfrastructure"),
    ("prisoner of war", "They freed Prisoners of War.", "Prisoners of War"),
    ("nato expansion", "NATO\u2019s expansion worried Moscow.", "NATO\u2019s expansion"),
    ("ICC", "The ICC ruled.", "ICC"),
    ("chargé d'affaires", "The Chargé d\u2019affaires left.", "Chargé d\u2019affaires"),
])
def test_issues_term_matches_variants(term: str, text: str, hit: str) -> None:
    assert [t.text for t in _one(term).tag(text)] == [hit]


@pytest.mark.parametrize(("term", "text"), [
    ("truce", "The distruce is not a word."),
    ("truce", "truce_keeping"),
    ("ICC", "The icc ruled."),
    ("New START", "a new start"),
    ("war", "The warship sailed."),
    ("prisoner of war", "prisoner at war"),
])
def test_issues_term_respects_boundaries_and_capitals(term: str, text: str) -> None:
    assert _one(term).tag(text) == []


def test_issues_term_regex_is_plain_regex() -> None:
    regex = re.compile(term_regex("security guarantee"), re.IGNORECASE)
    assert regex.fullmatch("Security-Guarantees")
    assert not regex.fullmatch("securityguarantee")


def test_issues_patterns_are_anchored_on_words() -> None:
    tax = Taxonomy([Issue("x", "X", "x", patterns=(r"(\d+)-day (?:pause|truce)",))])
    assert [t.text for t in tax.tag("a 30-day truce and a 5-day pause")] == ["30-day truce", "5-day pause"]
    assert tax.tag("a x30-day truce") == []


def test_issues_tag_offsets_order_and_overlap() -> None:
    tax = Taxonomy([
        Issue("b", "B", "b", terms=("energy truce",)),
        Issue("a", "A", "a", terms=("truce", "truce talks")),
    ])
    text = "An energy truce, then truce talks."
    tags = tax.tag(text, offset=1000)
    assert [(t.key, t.text) for t in tags] == [("b", "energy truce"), ("a", "truce"), ("a", "truce talks")]
    assert all(text[t.start - 1000:t.end - 1000] == t.text for t in tags)
    assert [t.start for t in tags] == sorted(t.start for t in tags)
    a_tags = [t for t in tags if t.key == "a"]
    assert all(x.end <= y.start for x, y in zip(a_tags, a_tags[1:]))  # one issue's matches never overlap
    assert tax.keys(text) == ["b", "a"]
    assert tax.keys("truce talks, then an energy truce") == ["a", "b"]
    assert isinstance(tags[0], IssueTag)


# --- the prefilter never changes the result ------------------------------------------------

PREFILTER_TEXTS = [text for text, *_ in TAGGED] + [text for text, _ in NOT_TAGGED] + [
    "Talks in \u0130stanbul on the Black Sea ended; \u0130STANBUL hosted the prisoner swap.",  # dotted capital I
    "The \u017fanctions were lifted (long s).",
    "A \u0663\u0660-day truce (Arabic-Indic digits) and a \uff13\uff10-day pause (full-width digits).",
    "Then came a \u0663\u0660-day moratorium.",  # only a digit-led pattern can match
    "Then came a \uff13\uff10-day moratorium.",
    "RE-OPENING OF EMBASSIES AND CONSULATES, A 30-DAY CEASEFIRE, NEW START AND NATO ACCESSION.",
    "restored full diplomatic relations; restoration of diplomatic ties; re-open the embassy.",
    "D\u00e9tente, the Zaporozh'ye plant, and Zaporizhzhia's region; \u201cceasefire\u201d in quotes.",
]


def test_issues_prefilter_covers_every_shipped_issue(tax: Taxonomy) -> None:
    # An expression whose first word cannot be worked out makes its issue scan every sentence in
    # full; that is correct but slow, so the shipped file must have none.
    assert tax._prefilter.always == frozenset()


def test_issues_prefilter_never_loses_a_match(tax: Taxonomy) -> None:
    for text in PREFILTER_TEXTS:
        assert [(t.start, t.end, t.key) for t in tax.tag(text)] == _brute_force(tax, text), text


def test_issues_prefilter_matches_brute_force_on_random_text(tax: Taxonomy) -> None:
    # Sentences stitched from the taxonomy's own terms, changed in case, spacing and hyphens, and
    # mixed with filler words and numbers: the prefilter must find exactly what a full scan finds.
    rng = random.Random(20250318)
    vocabulary = [term for issue in tax.issues for term in issue.terms]
    filler = ["the", "of", "on", "a", "30-day", "175", "Kyiv", "said", "talks", "pause", "strikes", "energy",
              "recognition", "prisoners", "exchanged", "NATO", "new", "START", "sovereign", "wealth", "in", "the"]
    found = 0
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(3, 14)):
            word = rng.choice(vocabulary) if rng.random() < 0.4 else rng.choice(filler)
            word = rng.choice([word, word.upper(), word.title(), word.replace(" ", "-"), word + "s", word + "\u2019s"])
            parts.append(word)
        text = rng.choice([" ", "  ", ", ", " - "]).join(parts) + rng.choice([".", "", "?"])
        tags = tax.tag(text)
        assert [(t.start, t.end, t.key) for t in tags] == _brute_force(tax, text), text
        assert tax.keys(text) == _brute_force_keys(tax, text), text
        found += len(tags)
    assert found > 300


def _brute_force_keys(tax: Taxonomy, text: str) -> list[str]:
    """The keys in the order of their first match (start, then end, then taxonomy order), without the prefilter."""
    firsts: dict[str, tuple[int, int, int]] = {}
    for rank, issue in enumerate(tax.issues):
        m = _compiled(issue).search(text)
        if m is not None:
            firsts[issue.key] = (m.start(), m.end(), rank)
    return sorted(firsts, key=firsts.__getitem__)


def test_issues_prefilter_folds_every_letter_ignorecase_equates_with_ascii() -> None:
    # Any non-ASCII character that re.IGNORECASE matches to an ASCII letter must be folded by the
    # prefilter, or sentences spelling a term with it would be skipped.
    ascii_word = re.compile("[a-z0-9_]", re.IGNORECASE)
    strange = [chr(n) for n in range(128, 0x110000) if ascii_word.fullmatch(chr(n))]
    assert strange
    tax = Taxonomy([Issue("x", "X", "x", terms=(letter * 2 + "q",)) for letter in "abcdefghijklmnopqrstuvwxyz"])
    for char in strange:
        text = f"say {char * 2}q now"
        assert [(t.start, t.end, t.key) for t in tax.tag(text)] == _brute_force(tax, text), hex(ord(char))


def test_issues_on_the_seed_corpus(seeds_dir: Path, tax: Taxonomy) -> None:
    tags: list[IssueTag] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        article = path.read_text(encoding="utf-8")
        for m in re.finditer(r"[^.!?\n]+[.!?]*", article):  # rough sentences are enough here
            sentence_tags = tax.tag(m.group(), offset=m.start())
            assert [(t.start - m.start(), t.end - m.start(), t.key) for t in sentence_tags] == _brute_force(tax, m.group())
            for t in sentence_tags:
                assert article[t.start:t.end] == t.text
            tags += sentence_tags
    keys = {t.key for t in tags}
    assert any(t.key == "energy_infrastructure" and "pause" in t.text.lower() and "energy" in t.text.lower() for t in tags)
    assert "ceasefire" in keys
    assert {"sanctions", "arms_control", "diplomatic_missions", "peace_talks", "nato_enlargement"} <= keys


# --- the schema check ----------------------------------------------------------------------

def test_issues_schema_collects_every_problem() -> None:
    text = (
        "colour = 'red'\n"
        + _issue("Bad Key", terms=["x"], extra="y")
        + _issue("truce", terms=["truce", "truce", "--"], patterns=["(unclosed", "a?", "(?P<n>x)"])
        + _issue("truce", terms=["again"])
        + "[[issue]]\nkey = 'empty'\nlabel = 3\n"
    )
    with pytest.raises(IssuesError) as info:
        parse_issues(text, "mine.toml")
    error = info.value
    assert isinstance(error, DetenteError) and error.code == "D082"
    problems = "\n".join(error.problems)
    for expected in [
        "unknown top-level key 'colour'",
        "issue 'Bad Key': unknown field 'extra'",
        "issue 'Bad Key': key must be snake_case",
        "issue 'truce': duplicate term 'truce'",
        "term '--' has no letter or digit",
        "bad pattern '(unclosed'",
        "pattern 'a?' matches the empty string",
        "names a group",
        "issue 'truce': duplicate key",
        "issue 'empty': 'label' must be a string",
        "issue 'empty': missing 'description'",
        "issue 'empty': no terms and no patterns",
    ]:
        assert expected in problems, expected
    assert len(error.problems) == 12
    message = str(error)
    assert message.startswith("[D082] bad dictionary: mine.toml: 12 problems:") and "\n" not in message


@pytest.mark.parametrize(("text", "expected"), [
    ("this is = not toml", "not readable TOML"),
    ("", "no [[issue]] tables"),
    ("issue = 3", "'issue' must be an array of tables"),
    ("issue = [3]", "issue #0: not a table"),
])
def test_issues_schema_rejects_broken_files(text: str, expected: str) -> None:
    with pytest.raises(IssuesError, match=re.escape(expected)):
        parse_issues(text)


def test_issues_load_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "issues.toml"
    path.write_text(_issue("truce", terms=["truce"], patterns=[r"\d+-day pause"]), encoding="utf-8")
    tax = load_issues(path)
    assert [i.key for i in tax.issues] == ["truce"]
    assert tax.keys("a 3-day pause") == ["truce"]
    path.write_text(_issue("truce", terms="truce"), encoding="utf-8")
    with pytest.raises(IssuesError, match="'terms' must be a list"):
        load_issues(path)
    with pytest.raises(IssuesError, match="cannot read the file"):
        load_issues(tmp_path / "missing.toml")
