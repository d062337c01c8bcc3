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
