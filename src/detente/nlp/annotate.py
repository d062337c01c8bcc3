"""spaCy Doc -> Sentence and Mention records with offsets into the article text."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.types import Mention, Sentence

__all__ = ["ENTITY_LABELS", "doc_records"]

#: entity labels kept as mentions
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "DATE"})


def doc_records(doc: Doc, article_id: str) -> tuple[list[Sentence], list[Mention]]:
    """Sentences (whitespace trimmed, empty ones dropped) and entity mentions of a Doc.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
        <...>
        >>> sents, _ = doc_records(nlp("Talks began. They ended."), "a1")
        >>> [(s.index, s.start_char, s.end_char, s.text) for s in sents]
        [(0, 0, 12, 'Talks began.'), (1, 13, 24, 'They ended.')]
    """
    text = doc.text
    sentences: list[Sentence] = []
    sentence_of_token: dict[int, int] = {}
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        index = len(sentences)
        sentences.append(Sentence(article_id, index, start, end, text[start:end]))
        for i in range(sent.start, sent.end):
            sentence_of_token[i] = index
    mentions = [
        Mention(article_id, sentence_of_token.get(ent.start, -1), ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS and ent.text.strip()
    ]
    return sentences, mentions
