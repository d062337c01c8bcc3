"""The parts of event coding one at a time: dates, the lexicon, the trigger dictionary,
discards, CAMEO fallbacks, stored event records and the events tables of the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors import load_dictionary
from detente.events import describe, event_records, lexicon_from_dictionary, load_coder, load_discards, load_verbs
from detente.events.coder import Coder
from detente.events.lexicon import ActorEntry, AgentEntry, Lexicon, LexMatch
from detente.events.verbs import VerbsError, verbs_from_mapping
from detente.events.when import resolve_when
from detente.nlp import doc_records
from detente.pipeline import prepare
from detente.store import Store
from detente.types import Article, Document, Event, Party

WED = dt.date(2025, 3, 19)      # a Wednesday
FRI = dt.date(2025, 3, 21)      # the Friday after it
DAY = dt.date(2025, 6, 4)       # a Wednesday, for coded sentences


# ----------------------------------------------------------------------------------- resolve_when


@pytest.mark.parametrize(("text", "expected"), [
    ("Tuesday", dt.date(2025, 3, 18)),              # the day before the anchor
    ("on Wednesday", WED),                          # the anchor's own weekday is the anchor
    ("Thursday", dt.date(2025, 3, 13)),             # a weekday after the anchor's goes back a week
    ("on Monday night", dt.date(2025, 3, 17)),
    ("yesterday", dt.date(2025, 3, 18)),
    ("today", WED),
    ("tonight", WED),
    ("March 18", dt.date(2025, 3, 18)),
    ("on March 19", WED),                           # the anchor day itself is not "after" it
    ("March 20", dt.date(2024, 3, 20)),             # after the anchor: the previous year
    ("Dec. 25", dt.date(2024, 12, 25)),
    ("18 February 2025", dt.date(2025, 2, 18)),
    ("March 18, 2024", dt.date(2024, 3, 18)),       # an explicit year is kept
    ("5th March", dt.date(2025, 3, 5)),
])
def test_resolve_when_with_an_anchor(text: str, expected: dt.date) -> None:
    """Weekdays, relative words and month-day dates resolve against the article date."""
    assert resolve_when(text, WED) == expected


def test_resolve_when_last_weekday() -> None:
    """'last Wednesday' in a Friday article is two days before it."""
    assert resolve_when("last Wednesday", FRI) == dt.date(2025, 3, 19)
    assert resolve_when("last Monday", FRI) == dt.date(2025, 3, 17)


@pytest.mark.parametrize("text", ["February 30", "April 31", "31 June 2024", "February 30, 2024"])
def test_resolve_when_invalid_dates_are_none(text: str) -> None:
    """Dates that do not exist give None, not an exception."""
    assert resolve_when(text, WED) is None


def test_resolve_when_without_an_anchor() -> None:
    """Without an article date only a date with its year can be read."""
    assert resolve_when("March 18, 2025", None) == dt.date(2025, 3, 18)
    assert resolve_when("18 February 2025", None) == dt.date(2025, 2, 18)
    assert resolve_when("March 18", None) is None
    assert resolve_when("yesterday", None) is None
    assert resolve_when("Tuesday", None) is None
    assert resolve_when("February 30, 2025", None) is None


@pytest.mark.parametrize("text", ["soon", "last week", "in the spring", "Smarch 18", "March", "next year", ""])
def test_resolve_when_nonsense_is_none(text: str) -> None:
    """Anything that is not an explicit day is left to the article's date (None here)."""
    assert resolve_when(text, WED) is None


# ---------------------------------------------------------------------------------------- Lexicon


def scan(lex: Lexicon, text: str, cased: bool = True) -> list[LexMatch]:
    words = text.split()
    return lex.scan([w.lower() for w in words], words if cased else None)


def spans(matches: list[LexMatch]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.entry.name) for m in matches]


def test_lexicon_longest_match_wins() -> None:
    """At one position the longest phrase is taken, and scanning resumes after it."""
    lex = Lexicon("t")
    lex.add("United", ActorEntry("United", "actor", ("UTD",)))
    lex.add("United States", ActorEntry("United States", "country", ("USA",)))
    lex.add("minister", AgentEntry("minister", "GOV"))
    lex.add("foreign minister", AgentEntry("foreign_minister", "GOV", kind="role"))
    found = scan(lex, "the United States foreign minister and United")
    assert spans(found) == [(1, 3, "United States"), (3, 5, "foreign_minister"), (6, 7, "United")]
    assert [m.is_agent for m in found] == [False, True, False]


@pytest.mark.parametrize("actor_first", [True, False])
def test_lexicon_actor_beats_agent_of_the_same_length(actor_first: bool) -> None:
    """Whatever the order they were added in, an actor wins over an agent of equal length."""
    lex = Lexicon("t")
    actor = ActorEntry("Revolutionary Guard", "actor", ("IRNMIL",))
    agent = AgentEntry("military", "MIL")
    for entry in ((actor, agent) if actor_first else (agent, actor)):
        lex.add("Revolutionary Guard", entry, case="any")
    (match,) = scan(lex, "the Revolutionary Guard said")
    assert match.entry == actor and not match.is_agent and (match.start, match.end) == (1, 3)


def test_lexicon_but_a_longer_agent_beats_a_shorter_actor() -> None:
    """Length comes first: a two-word agent wins over a one-word actor at the same position."""
    lex = Lexicon("t")
    lex.add("border", ActorEntry("Border", "actor", ("BRD",)), case="any")
    lex.add("border guards", AgentEntry("police", "COP"))
    (match,) = scan(lex, "border guards fired")
    assert match.is_agent and match.entry.name == "police" and match.end == 2


def test_lexicon_acronym_matches_only_its_own_case() -> None:
    """An all-caps acronym form ("US") is exact: lower-case "us" is a pronoun, not a country."""
    lex = Lexicon("t")
    usa = ActorEntry("United States", "country", ("USA",))
    lex.add("US", usa)
    lex.add("U.S.", usa)
    assert scan(lex, "let us talk") == []
    assert scan(lex, "Let Us talk") == []
    assert spans(scan(lex, "the US said")) == [(1, 2, "United States")]
    assert spans(scan(lex, "the U.S. said")) == [(1, 2, "United States")]
    assert scan(lex, "the u.s. said") == []
    # without the written forms no case check is possible: every form matches
    assert spans(scan(lex, "let us talk", cased=False)) == [(1, 2, "United States")]


def test_lexicon_capitalised_name_needs_a_capital() -> None:
    """A capitalised form ("Turkey") needs some capital in the text; any capital will do."""
    lex = Lexicon("t")
    lex.add("Turkey", ActorEntry("Turkey", "country", ("TUR",)))
    lex.add("New Zealand", ActorEntry("New Zealand", "country", ("NZL",)))
    assert scan(lex, "they ate turkey") == []
    assert spans(scan(lex, "they met Turkey")) == [(2, 3, "Turkey")]
    assert spans(scan(lex, "TURKEY REPLIED")) == [(0, 1, "Turkey")]
    assert scan(lex, "a new zealand") == []
    assert spans(scan(lex, "a new Zealand")) == [(1, 3, "New Zealand")]


def test_lexicon_lower_case_agent_matches_any_case() -> None:
    """A lower-case agent term matches whatever its case in the text."""
    lex = Lexicon("t")
    lex.add("troops", AgentEntry("military", "MIL"))
    for text in ("troops moved", "Troops moved", "TROOPS moved"):
        (match,) = scan(lex, text)
        assert match.is_agent and match.entry.code == "MIL"


def test_lexicon_case_can_be_forced_to_any() -> None:
    """``case="any"`` overrides the acronym rule."""
    lex = Lexicon("t")
    lex.add("NATO", ActorEntry("NATO", "igo", ("IGOWSTNAT",)), case="any")
    assert spans(scan(lex, "nato said")) == [(0, 1, "NATO")]


def test_lexicon_counts_distinct_phrases() -> None:
    """The same phrase for the same entry is added once; ``knows`` looks at first words."""
    lex = Lexicon("t")
    entry = ActorEntry("Russia", "country", ("RUS",))
    lex.add("Russia", entry)
    lex.add("Russia", entry)
    lex.add("Russian Federation", entry)
    assert lex.size == 2
    assert lex.knows("russia") and lex.knows("russian") and not lex.knows("federation")


@pytest.fixture(scope="module")
def our_lexicon() -> Lexicon:
    return lexicon_from_dictionary(load_dictionary())


def described(lex: Lexicon, text: str, day: dt.date | None = None) -> list[tuple[str, str, str]]:
    """(words, kind, code) of each match; agents give their agent code."""
    words = text.split()
    out = []
    for m in lex.scan([w.lower() for w in words], words):
        e = m.entry
        code = e.code if isinstance(e, AgentEntry) else "+".join(e.codes_on(day))
        out.append((" ".join(words[m.start:m.end]), e.kind, code))
    return out


def test_our_lexicon_adjective_and_agent(our_lexicon: Lexicon) -> None:
    """'Russian troops' is the adjective (RUS) followed by the military agent."""
    assert described(our_lexicon, "Russian troops crossed") == [("Russian", "adjective", "RUS"),
                                                                ("troops", "agent", "MIL")]


def test_our_lexicon_metonyms(our_lexicon: Lexicon) -> None:
    """A seat of government names the government; 'Brussels' is the EU, not Belgium."""
    assert described(our_lexicon, "the Kremlin said") == [("Kremlin", "metonym", "RUSGOV")]
    assert described(our_lexicon, "Brussels said") == [("Brussels", "metonym", "IGOEUREEC")]


def test_our_lexicon_acronym_country(our_lexicon: Lexicon) -> None:
    """The real dictionary's "US" is the United States, but "us" is nobody."""
    assert described(our_lexicon, "the US said") == [("US", "country", "USA")]
    assert described(our_lexicon, "told us so") == []


def test_our_lexicon_plural_role_titles_are_agents(our_lexicon: Lexicon) -> None:
    """Role titles and their plurals are agents carrying the role's agent code."""
    for text in ("the foreign minister", "the foreign ministers", "Foreign Ministers", "ministers of defence"):
        (match,) = our_lexicon.scan(text.lower().split(), text.split())
        assert isinstance(match.entry, AgentEntry) and match.entry.kind == "role", text
        assert match.entry.code == "GOV"
        assert match.end == len(text.split())


def test_our_lexicon_person_resolves_by_date(our_lexicon: Lexicon) -> None:
    """Barack Obama (people.toml): senator in 2006, president in 2012, an elite afterwards."""
    assert described(our_lexicon, "Obama said", dt.date(2006, 5, 1)) == [("Obama", "person", "USALEG")]
    assert described(our_lexicon, "Obama said", dt.date(2012, 5, 1)) == [("Obama", "person", "USAGOV")]
    assert described(our_lexicon, "Barack Obama said", dt.date(2020, 5, 1)) == [("Barack Obama", "person", "USAELI")]


# ----------------------------------------------------------------------------------------- verbs


def problems_of(doc: dict) -> tuple[str, ...]:  # type: ignore[type-arg]
    with pytest.raises(VerbsError) as info:
        verbs_from_mapping(doc, "bad.toml")
    assert info.value.code == "D082" and "bad.toml" in str(info.value)
    return info.value.problems


GOOD = {"lemmas": ["meet"], "code": "040"}


@pytest.mark.parametrize(("entry", "needle"), [
    ({"lemmas": ["impose"], "code": "---", "patterns": [["* &nosuch on +", "163"]]}, "unknown synset &nosuch"),
    ({"lemmas": ["attack"], "code": "nineteen"}, "bad code 'nineteen'"),
    ({"lemmas": ["attack"], "code": 190}, "bad code 190"),
    ({"lemmas": ["visit"], "code": "042", "patterns": [["visit Moscow", "043"]]}, "needs exactly one '*'"),
    ({"lemmas": ["visit"], "code": "042", "patterns": [["* * Moscow", "043"]]}, "needs exactly one '*'"),
    ({"lemmas": ["visit"], "code": "042", "patterns": [["* Moscow", "x43"]]}, "must be [text, code]"),
    ({"lemmas": ["sign"], "code": "057", "colour": "red"}, "unknown field(s) ['colour']"),
    ({"lemmas": [], "code": "057"}, "'lemmas' must be a non-empty list"),
])
def test_verbs_each_problem_is_reported(entry: dict, needle: str) -> None:  # type: ignore[type-arg]
    """One bad entry beside a good one gives exactly one problem that says what is wrong."""
    problems = problems_of({"synsets": {"sanction": ["sanctions"]}, "verb": [GOOD, entry]})
    assert len(problems) == 1 and needle in problems[0], problems


def test_verbs_duplicate_lemma_across_entries() -> None:
    """A lemma may belong to one verb entry only (compared case-insensitively)."""
    problems = problems_of({"verb": [GOOD, {"lemmas": ["greet", "Meet"], "code": "040"}]})
    assert problems == ("verb 'greet': lemma 'Meet' already in verb 'meet'",)


def test_verbs_every_problem_is_listed_at_once() -> None:
    """All problems of a file come together, and the message says how many were left out."""
    doc = {"synsets": {"talks": ["talks"], "broken": [1, 2]},
           "verb": [GOOD,
                    {"lemmas": ["hold"], "code": "---", "patterns": [["* &nosuch", "040"]]},
                    {"lemmas": ["attack"], "code": "bad"},
                    {"lemmas": ["meet"], "code": "040"},
                    {"lemmas": ["sign"], "code": "057", "extra": 1},
                    {"lemmas": ["visit"], "code": "042", "patterns": [["no star", "042"]]}],
           "noun": [{"lemmas": ["talks"], "code": "??"}]}
    with pytest.raises(VerbsError) as info:
        verbs_from_mapping(doc, "bad.toml")
    problems = info.value.problems
    assert len(problems) == 7, problems
    assert any("synset 'broken'" in p for p in problems)
    assert any(p.startswith("noun 'talks': bad code") for p in problems)
    assert "7 problem(s)" in str(info.value) and "and 2 more" in str(info.value)


def test_verbs_unreadable_file_is_a_verbs_error(tmp_path: Path) -> None:
    """A TOML syntax error or a missing file is reported as a bad dictionary."""
    broken = tmp_path / "verbs.toml"
    broken.write_text("[[verb]\nlemmas = [", encoding="utf-8")
    with pytest.raises(VerbsError, match="D082"):
        load_verbs(broken)
    with pytest.raises(VerbsError):
        load_verbs(tmp_path / "nope.toml")


def test_verbs_small_valid_mapping() -> None:
    """A valid mapping builds: multiword verbs keep their particle, patterns are longest first."""
    d = verbs_from_mapping({"synsets": {"talks": ["talks", "peace talks"]},
                            "verb": [{"lemmas": ["hold"], "code": "---",
                                      "patterns": [["* &talks", "040"], ["* &talks with +", "043"]]},
                                     {"lemmas": ["pull out"], "code": "0874"}],
                            "noun": [{"lemmas": ["summit"], "code": "043"}]}, "ok.toml")
    (hold,) = d.verbs_for("held", "hold")
    assert [p.code for p in hold.patterns] == ["043", "040"]
    (pull,) = d.verbs_for("pulled", "pull")
    assert pull.code == "0874" and pull.after == ("out",)
    assert d.noun_for([], "summit").code == "043"


@pytest.fixture(scope="module")
def verbs():  # type: ignore[no-untyped-def]
    return load_verbs()


def test_load_verbs_packaged_file(verbs) -> None:  # type: ignore[no-untyped-def]
    """The packaged dictionary loads with many verbs and nouns and reads 'met' as a meeting."""
    assert len(verbs.verbs) > 100 and len(verbs.nouns) > 20
    assert verbs.verbs_for("met", "meet")[0].code == "040"
    assert verbs.verbs_for("zebra", "zebra") == []


def test_noun_for_prefers_the_multiword_form(verbs) -> None:  # type: ignore[no-untyped-def]
    """'joint exercises' is military cooperation (062); 'exercises' alone a show of force (150)."""
    assert verbs.noun_for(["held", "joint"], "exercises").code == "062"
    assert verbs.noun_for(["joint", "naval"], "exercises").code == "062"
    assert verbs.noun_for(["joint"], "exercise").code == "062"
    assert verbs.noun_for(["held", "naval"], "exercises").code == "150"
    assert verbs.noun_for([], "exercises").code == "150"
    assert verbs.noun_for(["joint"], "zebras") is None


# -------------------------------------------------------------------------------- discards, coder


def test_load_discards_are_token_tuples() -> None:
    """Discard phrases are tuples of lower-case tokens as spaCy splits them."""
    discards = load_discards()
    assert discards and all(isinstance(p, tuple) and p and all(isinstance(w, str) for w in p) for p in discards)
    assert all(w == w.lower() and " " not in w for p in discards for w in p)
    assert ("world", "cup") in discards
    assert ("semi", "-", "final") in discards


SPORT = "Brazil beat Argentina 2-1 in the World Cup semi-final on Sunday."


@pytest.mark.slow
def test_coder_does_not_code_sport(nlp) -> None:  # type: ignore[no-untyped-def]
    """The default coder drops a sports result, which without its discards reads as an attack."""
    coder = load_coder()
    assert coder.code_doc(nlp(SPORT), DAY) == []
    bare = Coder(coder.verbs, coder.lexicon, name="no-discards")
    assert bare.code_doc(nlp(SPORT), DAY), "the sentence must be codable without discards"


@pytest.mark.slow
def test_coder_codes_a_diplomatic_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """A plain expulsion of diplomats: source, target, code, trigger and the weekday's date."""
    text = "Norway expelled three Russian diplomats on Monday."
    (event,) = load_coder().code_doc(nlp(text), DAY)
    assert [p.code for p in event.source] == ["NOR"]
    assert [p.code for p in event.target] == ["RUSDIP"]
    assert describe(event.cameo).plover == "SANCTION"
    assert text[event.trigger_start:event.trigger_end] == event.trigger == "expelled"
    assert event.date == dt.date(2025, 6, 2)
    assert not event.negated and not event.hypothetical
    assert load_coder().name.startswith("detente@")


# ----------------------------------------------------------------------------------------- cameo


def test_describe_falls_back_to_the_parent_code() -> None:
    """A non-standard sub-code keeps its own code and takes its nearest parent's values."""
    k = describe("174K")
    assert k is not None and k.code == "174K"
    assert (k.label, k.plover, k.goldstein) == (describe("174").label, "COERCE", describe("174").goldstein)
    five = describe("0875")
    assert five is not None and five.code == "0875"
    assert (five.label, five.plover, five.quad_class) == (describe("087").label, "RETREAT", 2)
    assert describe("---") is None


# --------------------------------------------------------------------------------- event records

TWO = "Norway expelled three Russian diplomats on Monday. Finland accused Russia of spying on Tuesday."


@pytest.fixture(scope="module")
def two_sentences(nlp):  # type: ignore[no-untyped-def]
    doc = nlp(TWO)
    return load_coder().code_doc(doc, DAY), doc_records(doc, "art1")[0]


@pytest.mark.slow
def test_event_records_point_at_the_trigger_sentence(two_sentences) -> None:  # type: ignore[no-untyped-def]
    """Each record's sentence is the one holding its trigger; CAMEO facts are filled in."""
    coded, sentences = two_sentences
    assert len(sentences) == 2
    records = event_records(coded, "art1", sentences, "test@1")
    assert len(records) == len(coded) >= 2
    assert {r.sentence_index for r in records} == {0, 1}
    for r in records:
        s = sentences[r.sentence_index]
        assert s.start_char <= r.trigger_start < r.trigger_end <= s.end_char
        assert (r.start_char, r.end_char) == (s.start_char, s.end_char)
        assert TWO[r.trigger_start:r.trigger_end] == r.trigger
        info = describe(r.cameo)
        assert (r.plover, r.goldstein, r.quad_class) == (info.plover, info.goldstein, info.quad_class)
        assert r.article_id == "art1" and r.coder == "test@1"
    accuse = next(r for r in records if r.trigger == "accused")
    assert accuse.sentence_index == 1 and accuse.plover == "ACCUSE" and accuse.date == dt.date(2025, 6, 3)


@pytest.mark.slow
def test_event_ids_are_stable_per_article(two_sentences) -> None:  # type: ignore[no-untyped-def]
    """The same events from the same article keep their ids; another article gets others."""
    coded, sentences = two_sentences
    first = [r.event_id for r in event_records(coded, "art1", sentences, "test@1")]
    again = [r.event_id for r in event_records(coded, "art1", sentences, "other@2")]
    other = [r.event_id for r in event_records(coded, "art2", sentences, "test@1")]
    assert first == again
    assert len(set(first)) == len(first)
    assert not set(first) & set(other)
    # an event listed twice is stored once
    assert len(event_records([*coded, *coded], "art1", sentences, "test@1")) == len(coded)


# ----------------------------------------------------------------------------------------- store

TEXT = ("OSLO, June 4, 2025 — Russia shelled Ukraine on Monday. U.S. and Russian officials met in Riyadh. "
        "Ukrainian troops did not attack Russia. France may sanction Iran.")


def party(code: str, word: str, within: str = "") -> Party:
    start = TEXT.index(word, TEXT.index(within))
    return Party(code, word, start, start + len(word), "country")


def event(article: Article, index: int, sentence: str, trigger: str, source: list[Party], target: list[Party],
          cameo: str, plover: str, negated: bool = False, hypothetical: bool = False) -> Event:
    start, t = TEXT.index(sentence), TEXT.index(trigger)
    info = describe(cameo)
    return Event(event_id=f"e{index}", article_id=article.id, sentence_index=index, start_char=start,
                 end_char=start + len(sentence), source=tuple(source), target=tuple(target), trigger=trigger,
                 trigger_start=t, trigger_end=t + len(trigger), cameo=cameo, plover=plover,
                 goldstein=info.goldstein, quad_class=info.quad_class, negated=negated, hypothetical=hypothetical,
                 date=None, rule="by hand", coder="test@1", symmetric=cameo == "040")


@pytest.fixture
def article() -> Article:
    found, problems = prepare(Document(TEXT, "a.txt", "txt"))
    assert found is not None and problems == []
    assert found.text == TEXT and found.published == DAY
    return found


@pytest.fixture
def events(article: Article) -> list[Event]:
    return [
        event(article, 0, "Russia shelled Ukraine on Monday.", "shelled", [party("RUS", "Russia")],
              [party("UKR", "Ukraine")], "190", "ASSAULT"),
        event(article, 1, "U.S. and Russian officials met in Riyadh.", "met",
              [party("USAGOV", "U.S."), party("RUSGOV", "Russian officials")],
              [party("USAGOV", "U.S."), party("RUSGOV", "Russian officials")], "040", "CONSULT"),
        event(article, 2, "Ukrainian troops did not attack Russia.", "attack", [party("UKRMIL", "Ukrainian troops")],
              [party("RUS", "Russia", "attack Russia")], "190", "ASSAULT", negated=True),
        event(article, 3, "France may sanction Iran.", "sanction", [party("FRA", "France")],
              [party("IRN", "Iran")], "163", "SANCTION", hypothetical=True),
    ]


@pytest.fixture
def store(tmp_path: Path, article: Article):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "x.duckdb") as s:
        s.write_batch(s.start_run("test", []), [(article, None)])
        yield s


def count(store: Store, table: str) -> int:
    row = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


def test_store_schema_has_events_and_codings(tmp_path: Path) -> None:
    """A new file is migrated to the latest version; version 2 added the events and codings tables."""
    with Store(tmp_path / "x.duckdb") as s:
        assert s.schema_version() >= 2
        tables = {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"events", "codings", "articles", "sentences", "mentions"} <= tables
    with Store(tmp_path / "x.duckdb", read_only=True) as s:          # reopened, nothing to apply
        assert s.schema_version() >= 2


def test_store_writes_events_and_codings(store: Store, article: Article, events: list[Event]) -> None:
    """Events and their coding record are written in one batch and read back as written."""
    run = store.start_run("code", [])
    store.write_batch(run, events=events, coded=[article.id], coder="test@1")
    assert count(store, "events") == 4
    assert store.con.execute("SELECT article_id, coder, events, run_id FROM codings").fetchall() == [
        (article.id, "test@1", 4, run)]
    rows = {r["event_id"]: r for r in store.events(include_negated=True)}
    assert set(rows) == {"e0", "e1", "e2", "e3"}
    shelled = rows["e0"]
    assert shelled["sentence"] == "Russia shelled Ukraine on Monday."
    assert shelled["date"] == DAY                                  # the article's date, the event has none
    assert [p["code"] for p in shelled["source"]] == ["RUS"] and shelled["target"][0]["text"] == "Ukraine"
    assert rows["e1"]["symmetric"] is True and rows["e2"]["negated"] is True


def test_store_rewriting_a_batch_does_not_duplicate(store: Store, article: Article, events: list[Event]) -> None:
    """Event ids and article ids are keys: the same batch twice leaves one copy of each."""
    for _ in range(2):
        store.write_batch(store.start_run("code", []), [(article, None)], events=events, coded=[article.id],
                          coder="test@1")
    assert count(store, "events") == 4 and count(store, "codings") == 1 and count(store, "articles") == 1


def test_store_forget_codings(store: Store, article: Article, events: list[Event]) -> None:
    """Forgetting returns how many events were deleted and empties both tables."""
    store.write_batch(store.start_run("code", []), events=events, coded=[article.id], coder="test@1")
    assert store.forget_codings() == 4
    assert count(store, "events") == 0 and count(store, "codings") == 0
    assert count(store, "articles") == 1
    assert store.forget_codings() == 0


def test_store_codings_without_events(store: Store, article: Article) -> None:
    """An article read by the coder with no events is still recorded, with 0 events."""
    store.write_batch(store.start_run("code", []), coded=[article.id], coder="test@1")
    assert store.con.execute("SELECT events FROM codings").fetchall() == [(0,)]
    assert count(store, "events") == 0


def ids(rows: list[dict]) -> set[str]:  # type: ignore[type-arg]
    return {r["event_id"] for r in rows}


def test_store_event_filters(store: Store, article: Article, events: list[Event]) -> None:
    """Actor by prefix, dyad in either direction, PLOVER type, and negated/hypothetical ones."""
    store.write_batch(store.start_run("code", []), events=events, coded=[article.id], coder="test@1")
    assert ids(store.events()) == {"e0", "e1"}                          # asserted events only
    assert ids(store.events(include_negated=True)) == {"e0", "e1", "e2", "e3"}
    assert ids(store.events(actor="RUS", include_negated=True)) == {"e0", "e1", "e2"}  # RUS, RUSGOV
    assert ids(store.events(actor="rusgov", include_negated=True)) == {"e1"}
    assert ids(store.events(actor="UKR")) == {"e0"}
    assert ids(store.events(actor="IRN")) == set()
    assert ids(store.events(actor="IRN", include_negated=True)) == {"e3"}
    assert ids(store.events(dyad=("UKR", "RUS"), include_negated=True)) == {"e0", "e2"}
    assert ids(store.events(dyad=("RUS", "UKR"))) == {"e0"}
    assert ids(store.events(dyad=("USA", "RUS"))) == {"e1"}
    assert ids(store.events(dyad=("FRA", "UKR"), include_negated=True)) == set()
    assert ids(store.events(plover="consult")) == {"e1"}
    assert ids(store.events(plover="ASSAULT")) == {"e0"}
    assert ids(store.events(plover="ASSAULT", include_negated=True)) == {"e0", "e2"}
    assert ids(store.events(article_id="nope", include_negated=True)) == set()
