"""The loaded spaCy model: the names of people in our dictionary are read as names."""

from __future__ import annotations


def test_surnames_that_are_verbs_are_read_as_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Trump imposed tariffs on Canada.")
    trump, imposed = doc[0], doc[1]
    assert (trump.text, trump.lower_) == ("Trump", "trump")     # the text is untouched
    assert trump.norm_ == "smith"
    assert imposed.dep_ == "ROOT" and trump.dep_ == "nsubj" and trump.head.i == imposed.i


def test_unknown_first_names_are_read_as_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Barack Obama and Hu Jintao held talks in Beijing.")
    barack, held = doc[0], doc[5]
    assert barack.norm_ == "john" and barack.pos_ == "PROPN"
    assert held.dep_ == "ROOT"
    assert {t.text for t in held.children if t.dep_ == "nsubj"} == {"Obama"}
    # an English word that is a first name too keeps its own reading
    assert nlp("Rose petals fell.")[0].norm_ == "rose"


def test_hyphenated_prefix_stays_inside_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model used to end a sentence at "anti-" and start another at "Gondor"
    doc = nlp("Gollum was seen to break into an anti- Gondor parade on Saturday.")
    assert len(list(doc.sents)) == 1
    anti = doc[7]
    assert (anti.text, anti.lower_, anti.lemma_) == ("anti-", "anti-", "anti-")   # the text is untouched
    assert anti.head.text == "parade" and anti.dep_ == "amod"                     # it modifies the noun
    assert doc[8].head.text == "parade"                                           # "Gondor parade" stays one phrase
    doc = nlp("Arnor opposed the pro- Gondor faction and the non- aligned states.")
    assert len(list(doc.sents)) == 1


def test_ordinary_sentence_splitting_is_unchanged(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks ended on Monday. Both sides left Geneva. A new round starts in May.")
    assert [s.text for s in doc.sents] == ["The talks ended on Monday.", "Both sides left Geneva.",
                                           "A new round starts in May."]
    doc = nlp("Protesters held an anti- war rally in Paris. Police watched from a distance.")
    assert [s.text for s in doc.sents] == ["Protesters held an anti- war rally in Paris.",
                                           "Police watched from a distance."]
    # a lone dash or a hyphen inside a word is not a prefix: its norm is kept
    doc = nlp("After a 12-year rift - and much talk - the two sides met.")
    assert {t.norm_ for t in doc if t.text == "-"} == {"-"}
    # a line break still starts a sentence, even after a hyphenated word
    doc = nlp("Talks on the anti-\nThe ministers met in Rome.")
    assert doc[-6].is_sent_start
