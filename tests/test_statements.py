"""The statement extractor on real spaCy parses of sentences written for these tests.

Quote-mark scanning needs no model; everything else loads the model once (``slow``).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from detente.events.lexicon import ActorEntry, AgentEntry, DatedCodes, Lexicon
from detente.statements import Statement, extract_statements, find_quotes

DAY = dt.date(2025, 3, 19)


# ------------------------------------------------------------------------------ quotation marks

@pytest.mark.parametrize(("text", "quoted"), [
    ("“We are ready,” he said.", ["We are ready,"]),
    ('"We are ready," he said, "and willing."', ["We are ready,", "and willing."]),
    ("Sie sagte: „Wir sind bereit“ und ging.", ["Wir sind bereit"]),
    ("Il a dit: « Nous sommes prêts » hier.", ["Nous sommes prêts"]),
    ("“He told me ‘never again’ twice,” she said.", ["He told me ‘never again’ twice,"]),
    ("‘We won’t back down,’ the minister said.", ["We won’t back down,"]),
    ("The country’s envoy didn’t say. The allies’ view was clear.", []),
])
def test_statements_marks_styles(text: str, quoted: list[str]) -> None:
    assert [text[q.start:q.end] for q in find_quotes(text)] == quoted


def test_statements_marks_quote_over_paragraphs() -> None:
    text = "“The first part ends here.\n\n“The second part goes on,” she said.\n\nAfter."
    parts = find_quotes(text)
    assert [text[q.start:q.end] for q in parts] == ["The first part ends here.", "The second part goes on,"]
    assert parts[0].group == parts[1].group and not parts[0].closed and parts[1].continues


def test_statements_marks_unclosed_quote_ends_at_paragraph() -> None:
    text = "“Nobody closed this one.\n\nA new paragraph."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "Nobody closed this one." and not q.closed


# ---------------------------------------------------------------------------------- extraction

@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from detente.nlp import load_model

    return load_model()


def small_lexicon() -> Lexicon:
    lex = Lexicon("test")
    lex.add("Norland", ActorEntry("Norland", "country", ("NRL",)))
    lex.add("Norlandic", ActorEntry("Norland", "adjective", ("NRL",)))
    lex.add("Sudmark", ActorEntry("Sudmark", "country", ("SDM",)))
    lex.add("Sudmarkian", ActorEntry("Sudmark", "adjective", ("SDM",)))
    lex.add("Castle Hill", ActorEntry("Norland", "metonym", ("NRLGOV",)))
    lex.add("Vera Holm", ActorEntry("Vera Holm", "person", ("NRL",),
                                    (DatedCodes(("NRLGOV",), dt.date(2024, 1, 1), None),)))
    lex.add("Holm", ActorEntry("Vera Holm", "person", ("NRL",), (DatedCodes(("NRLGOV",), dt.date(2024, 1, 1), None),)))
    for term, code in (("officials", "GOV"), ("ministry", "GOV"), ("foreign ministry", "GOV"), ("parliament", "LEG")):
        lex.add(term, AgentEntry(term, code))
    for title in ("adviser", "president", "minister"):
        lex.add(title, AgentEntry(title, "GOV", kind="role"))
    return lex


def extract(nlp, text: str, day: dt.date = DAY, lexicon: Lexicon | None = None) -> list[Statement]:  # type: ignore[no-untyped-def]
    return extract_statements(nlp(text), day, lexicon or small_lexicon())


def by_text(statements: list[Statement]) -> dict[str, Statement]:
    return {s.text.rstrip(",.") : s for s in statements}


def name(s: Statement) -> str | None:
    return s.speaker.name if s.speaker else None


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), [
    ("“The talks were useful,” Anton Brekke said on Monday.", "The talks were useful", "Anton Brekke", "said"),
    ("“The talks were useful,” said Anton Brekke, a Norlandic diplomat.", "The talks were useful", "Anton Brekke", "said"),
    ("Anton Brekke said: “The talks were useful.”", "The talks were useful", "Anton Brekke", "said"),
    ("\"The talks were useful,\" says Anton Brekke.", "The talks were useful", "Anton Brekke", "says"),
    ("«The talks were useful», Anton Brekke told reporters.", "The talks were useful", "Anton Brekke", "told reporters"),
    ("„The talks were useful“, Anton Brekke said.", "The talks were useful", "Anton Brekke", "said"),
    ("But, as Anton Brekke said, “there are limits.”", "there are limits", "Anton Brekke", "said"),
])
def test_statements_direct_quote_styles(nlp, text: str, quote: str, speaker: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = extract(nlp, text)
    assert s.direct and s.text.rstrip(",.") == quote and name(s) == speaker and s.cue == cue
    assert text[s.start_char:s.end_char] == s.text and s.sentence_idx == 0


@pytest.mark.slow
def test_statements_multi_sentence_and_split_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Anton Brekke, a Norlandic diplomat, spoke after the meeting. “We came with an open mind. We leave with a "
            "plan,” he said. “It is a start,” Brekke added, “but only a start.”")
    found = by_text(extract(nlp, text))
    assert set(found) == {"We came with an open mind. We leave with a plan", "It is a start", "but only a start"}
    assert {name(s) for s in found.values()} == {"Anton Brekke"}
    assert all(s.direct for s in found.values())
    assert found["but only a start"].cue == "added"
    assert found["We came with an open mind. We leave with a plan"].speaker.text == "he"  # type: ignore[union-attr]


@pytest.mark.slow
def test_statements_quote_over_paragraphs_keeps_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ingrid Sola, the Sudmarkian foreign minister, spoke for an hour.\n\n"
            "“We have waited for this meeting for ten years.\n\n"
            "“Now the work begins,” Sola said.")
    found = extract(nlp, text)
    assert [s.text.rstrip(",.") for s in found] == ["We have waited for this meeting for ten years", "Now the work begins"]
    assert [name(s) for s in found] == ["Ingrid Sola", "Ingrid Sola"]
    assert found[0].sentence_idx == 1 and found[1].sentence_idx == 2


@pytest.mark.slow
def test_statements_colon_in_previous_sentence_and_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("In a long essay, Paul Marten, an economist at the Lund Institute, looks at the numbers. Marten writes:\n"
            "“Trade has halved since the war began. It will not recover soon.”\n"
            "The author then turns to energy: “Gas is the real weapon here.”\n"
            "Marten also stresses the risk of a new crisis. “Nobody is ready for another winter like the last one.”")
    found = extract(nlp, text)
    assert [s.text.rstrip(",.") for s in found] == [
        "Trade has halved since the war began. It will not recover soon", "Gas is the real weapon here",
        "Nobody is ready for another winter like the last one"]
    assert [name(s) for s in found] == ["Paul Marten"] * 3
    assert [s.speaker.role for s in found] == ["an economist at the Lund Institute"] * 3  # type: ignore[union-attr]
    assert found[0].cue == "writes" and found[1].speaker.text == "The author"  # type: ignore[union-attr]


@pytest.mark.slow
def test_statements_pronoun_gender_and_role_nouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ingrid Sola met Mr. Tomas Varga in Geneva. “We agreed on nothing,” she said.\n\n"
            "Varga, the Sudmarkian president, was calmer. “There will be a second round,” the president said.\n\n"
            "“It was a long day,” he added.")
    found = by_text(extract(nlp, text))
    assert name(found["We agreed on nothing"]) == "Ingrid Sola"
    assert name(found["There will be a second round"]) == "Tomas Varga"
    assert name(found["It was a long day"]) == "Tomas Varga"
    assert found["There will be a second round"].speaker.role == "Sudmarkian president"  # type: ignore[union-attr]


@pytest.mark.slow
def test_statements_pronoun_skips_names_in_the_same_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Paul Marten notes that the two sides rarely talk. That was true under Tomas Varga, but it is changing "
            "now, he argues. “Both governments want a deal.”")
    found = extract(nlp, text)
    assert [name(s) for s in found] == ["Paul Marten"] * 3
    assert [s.direct for s in found] == [False, False, True]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "clause", "speaker", "cue"), [
    ("Anton Brekke said that the border would reopen in May.", "the border would reopen in May", "Anton Brekke", "said"),
    ("Anton Brekke told reporters the border would reopen in May.", "the border would reopen in May", "Anton Brekke",
     "told reporters"),
    ("The border will reopen in May, Anton Brekke said.", "The border will reopen in May", "Anton Brekke", "said"),
    ("According to Anton Brekke, the border will reopen in May.", "the border will reopen in May", "Anton Brekke",
     "According to"),
    ("The border will reopen in May, according to Anton Brekke.", "The border will reopen in May", "Anton Brekke",
     "according to"),
    ("Anton Brekke insisted that the border would reopen in May.", "the border would reopen in May", "Anton Brekke",
     "insisted"),
    ("Anton Brekke warned that the border could close again.", "the border could close again", "Anton Brekke", "warned"),
    ("Anton Brekke, who chairs the trade council, announced that the border would reopen.", "the border would reopen",
     "Anton Brekke", "announced"),
    ("Castle Hill said the border would reopen in May.", "the border would reopen in May", "Castle Hill", "said"),
    ("Norlandic officials said the border would reopen in May.", "the border would reopen in May", None, "said"),
])
def test_statements_reported_speech(nlp, text: str, clause: str, speaker: str | None, cue: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = extract(nlp, text)
    assert not s.direct and s.text == clause and name(s) == speaker and s.cue == cue
    assert text[s.start_char:s.end_char] == clause


@pytest.mark.slow
def test_statements_reported_clause_keeps_its_quoted_fragment(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Vera Holm wrote that she was “looking forward” to the visit and that much “remains to be done.”"
    (s,) = extract(nlp, text)
    assert not s.direct and s.text.startswith("she was “looking forward” to the visit") and name(s) == "Vera Holm"


@pytest.mark.slow
def test_statements_attributed_short_fragments(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Anton Brekke called the proposal “a dead end” on Tuesday. “There are nuances,” as Vera Holm put it. "
            "Critics call it a “reset” that never happened.")
    found = by_text(extract(nlp, text))
    assert set(found) == {"a dead end", "There are nuances", "reset"}
    assert name(found["a dead end"]) == "Anton Brekke" and found["a dead end"].direct
    assert name(found["There are nuances"]) == "Vera Holm"
    # a name given by someone is their statement, also when they are not named
    assert found["reset"].speaker is not None and found["reset"].speaker.name is None


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The so-called “reset” of relations did not last.",
    "Her new book, “The Long Winter,” appeared in March.",
    "The headline read: “Talks Collapse in Geneva.”",
    "Analysts spoke of a “strategic defeat” for the alliance.",
    "The old watchword – “peaceful coexistence” – is back in fashion.",
    "The general, nicknamed “the Bulldozer,” retired in 2020.",
    "The programme “Open Skies” ended years ago.",
])
def test_statements_scare_quotes_and_titles_are_not_statements(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert extract(nlp, text) == []


@pytest.mark.slow
def test_statements_speaker_record(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will respond,” said Vera Holm, head of Norland's foreign ministry. "
            "“Nothing has changed,” said Erik Lund, a former Castle Hill adviser. "
            "“The vote is close,” said Sara Berg, a member of the Sudmarkian parliament.")
    found = by_text(extract(nlp, text))
    holm, lund, berg = (found[k].speaker for k in ("We will respond", "Nothing has changed", "The vote is close"))
    assert holm is not None and lund is not None and berg is not None
    assert (holm.name, holm.text, holm.code, holm.role) == ("Vera Holm", "Vera Holm", "NRLGOV",
                                                           "head of Norland's foreign ministry")
    assert text[holm.start_char:holm.end_char] == "Vera Holm"
    assert (lund.name, lund.code, lund.role) == ("Erik Lund", "NRLELI", "a former Castle Hill adviser")
    assert (berg.name, berg.code) == ("Sara Berg", "SDMLEG")


@pytest.mark.slow
def test_statements_person_code_follows_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We will respond,” Vera Holm said."
    assert extract(nlp, text, dt.date(2025, 1, 1))[0].speaker.code == "NRLGOV"  # type: ignore[union-attr]
    assert extract(nlp, text, dt.date(2020, 1, 1))[0].speaker.code == "NRL"  # type: ignore[union-attr]


@pytest.mark.slow
def test_statements_organisations_get_their_code_from_our_lexicon(nlp) -> None:  # type: ignore[no-untyped-def]
    from detente.events import load_coder

    text = "The Kremlin said the talks had been useful. Russia's foreign ministry said no date had been set."
    found = extract(nlp, text, lexicon=load_coder().lexicon)
    assert [(name(s), s.speaker.code) for s in found] == [  # type: ignore[union-attr]
        ("Kremlin", "RUSGOV"), ("Russia's foreign ministry", "RUSGOV")]


@pytest.mark.slow
def test_statements_sorted_and_offsets_point_into_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Anton Brekke said the border would reopen.\n\n“It will be a long summer,” Vera Holm said. "
            "According to Sara Berg, the vote is close.")
    doc = nlp(text)
    found = extract_statements(doc, DAY, small_lexicon())
    assert [s.start_char for s in found] == sorted(s.start_char for s in found) and len(found) == 3
    sents = list(doc.sents)
    for s in found:
        assert text[s.start_char:s.end_char] == s.text
        assert sents[s.sentence_idx].start_char <= s.start_char < sents[s.sentence_idx].end_char
        assert s.cue_start is not None and text[s.cue_start:s.cue_end] == s.cue


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # hyphenated given names; the surname alone later is the same person
    ("Kim Ha-eun, a researcher at a policy lab, said the talks had stalled. “Nobody moves first,” Kim said.",
     {"the talks had stalled": "Kim Ha-eun", "Nobody moves first": "Kim Ha-eun"}),
    # a quoted nickname is not part of the canonical name
    ("Dario “the Fox” Ferri, a former customs officer, said the smugglers had changed routes.",
     {"the smugglers had changed routes": "Dario Ferri"}),
    # an apposition that names a body makes the speaker an organisation
    ("Free Future, the opposition party, says the law is unfair.", {"the law is unfair": "Free Future"}),
    # "the diplomat" refers back to the unnamed diplomat, not to the person named in between
    (("“The door is not closed,” a senior Norlandic diplomat said. Vera Holm did not comment. "
      "“But it is not open either,” the diplomat added."),
     {"The door is not closed": None, "But it is not open either": None}),
    # "it" is the organisation that was the subject just before
    ("The Norlandic foreign ministry did not comment at first. It said later that the envoy had been recalled.",
     {"the envoy had been recalled": "Norlandic foreign ministry"}),
    # a "that"-clause the parser hangs on the noun before it
    ("Anton Brekke said in a post on social media that the talks had failed.", {"the talks had failed": "Anton Brekke"}),
    # words between the verb and the clause belong to the attribution
    ("Sudmark said on Wednesday it would close the border.", {"it would close the border": "Sudmark"}),
    # "…, adding that …" is a statement of its own
    ("Vera Holm said the border would stay open, adding that trade had already recovered.",
     {"the border would stay open": "Vera Holm", "trade had already recovered": "Vera Holm"}),
    # a subject the parser lost after a place ("In Oslo, X, a …, put it …:")
    ("In Oslo, Ingrid Lunde, a retired admiral, put it differently: “The navy is ready. The politicians are not.”",
     {"The navy is ready. The politicians are not": "Ingrid Lunde"}),
    # a person in a possessive is not the speaker; a plural of a body is an unnamed speaker
    ("Brekke's critics call the plan “a giveaway”. Shipping companies said they would avoid the strait.",
     {"a giveaway": None, "they would avoid the strait": None}),
    # collective nouns name one body
    ("Norlandic state media said the strait was safe.", {"the strait was safe": "Norlandic state media"}),
    # the attribution in the next sentence
    ("“We have nothing to add.” That is how Vera Holm put it.", {"We have nothing to add": "Vera Holm"}),
])
def test_statements_speaker_categories(nlp, text: str, expected: dict[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    found = {s.text.rstrip(",."): name(s) for s in extract(nlp, text)}
    assert found == expected


# ---------------------------------------------------------------------------------- the seeds

#: the four experts quoted in the seeds and the role each is given (the first seed calls
#: Lukyanov "a leading Russia strategic analyst", the third "editor of Russia in Global Affairs")
EXPERTS = {
    "Fyodor Lukyanov": ("a leading Russia strategic analyst", "editor of Russia in Global Affairs"),
    "Sergei Markov": ("a former Kremlin adviser",),
    "Andrei Klimov": ("deputy chair of the international affairs committee of Russia’s upper house of parliament",),
    "Alexei Mukhin": ("director of the independent Center for Political Information in Moscow",),
}


@pytest.mark.slow
def test_statements_seed_experts_and_reset(nlp, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from detente.events import load_coder

    lexicon = load_coder().lexicon
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    docs = dict(zip(texts, nlp.pipe(texts.values()), strict=True))
    started = time.perf_counter()
    found = {k: extract_statements(doc, DAY, lexicon) for k, doc in docs.items()}
    elapsed = time.perf_counter() - started
    sentences = sum(len(list(doc.sents)) for doc in docs.values())
    assert sentences / elapsed > 500, f"{sentences / elapsed:.0f} sentences/s"
    every = [s for v in found.values() for s in v]
    # "reset" appears in three seeds, never as a statement of its own
    assert not [s for s in every if s.text.strip("“”‘’\"'.,").lower() in ("reset", "resets")]
    # every quotation in 000 but the headline is Lukyanov's
    k000 = next(k for k in texts if k.startswith("000"))
    for q in find_quotes(texts[k000])[1:]:
        s = next((s for s in found[k000] if s.start_char <= q.start < s.end_char), None)
        assert s is not None and name(s) == "Fyodor Lukyanov", texts[k000][q.start:q.end]
    by_expert: dict[str, list[Statement]] = {}
    for s in every:
        if name(s) in EXPERTS:
            by_expert.setdefault(name(s), []).append(s)  # type: ignore[arg-type]
    assert set(by_expert) == set(EXPERTS)
    for expert, statements in by_expert.items():
        for s in statements:
            assert s.speaker is not None and s.speaker.role in EXPERTS[expert], (expert, s.speaker)
    # Mukhin's fragment is part of the reported statement that he makes
    mukhin = [s for s in by_expert["Alexei Mukhin"] if not s.direct]
    assert len(mukhin) == 1 and "“there is a very tight personal relationship”" in mukhin[0].text
    seed2 = found[next(k for k in texts if k.startswith("002"))]
    quotes = {s.text.rstrip(",.")[:30]: name(s) for s in seed2 if s.direct}
    assert quotes == {
        "A return to normality doesn’t ": "Fyodor Lukyanov",
        "It’s all been downhill": "Fyodor Lukyanov",
        "The last time we saw a moment ": "Fyodor Lukyanov",
        "I believe there is a will to d": "Sergei Markov",
        "There is nothing in Putin’s de": "Sergei Markov",
        "will just continue pressing Uk": "Fyodor Lukyanov",
        "One thing we know about Putin ": "Alexei Mukhin",
        "It doesn’t mean we’re friends": "Andrei Klimov",
        "but there’s mutual respect, co": "Andrei Klimov",
    }
