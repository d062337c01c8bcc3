"""Roles and affiliations the text gives a name: an apposition ("Sergei Markov, *a former
Kremlin adviser*"; "*the head of the fund*, Kirill Dmitriev"; "Lukyanov, who is *the editor
of …*"), a title before it ("*US Secretary of State* Marco Rubio") or an affiliation after it
("Professor Nowak *of the University of Warsaw*"). Each is a token range of the Doc."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from detente.statements.names import HONORIFICS

__all__ = ["affiliation", "apposition", "role_span", "title_before"]


def title_before(first: Token) -> tuple[int, int] | None:
    """The title written before a name, inside its noun phrase: "US Secretary of State"."""
    head = first
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    left = [t for t in head.subtree if t.i < first.i]
    if not left:
        return None
    # only the contiguous run right before the name, without the determiner
    run: list[Token] = []
    for t in reversed(left):
        if t.i != (run[-1].i - 1 if run else first.i - 1) or t.is_punct or t.pos_ in ("VERB", "AUX", "PRON"):
            break
        run.append(t)
    run.reverse()
    while run and (run[0].dep_ == "det" or run[0].lower_ in ("the", "a", "an") or run[0].lower_ in HONORIFICS
                   or run[0].dep_ == "prep"):
        run = run[1:]
    if not run or all(t.lower_ in HONORIFICS for t in run):
        return None
    return run[0].i, run[-1].i + 1


def role_span(head: Token, exclude: Sequence[Token] = ()) -> tuple[int, int] | None:
    """A role noun phrase as written: the head with its modifiers and "of"-phrases, cut at the
    first comma, without a leading "the" ("head of Russia's sovereign wealth fund")."""
    skip = {t.i for x in exclude for t in x.subtree}
    toks = []
    for t in head.subtree:
        if t.i in skip:
            continue
        if t.i > head.i and any(a.dep_ in ("appos", "conj", "cc") and a.i > head.i or
                                a.dep_ in ("relcl", "acl") and a.i > head.i and head.doc[a.left_edge.i - 1].text == ","
                                for a in _path(t, head)):
            continue              # a restrictive "who advises …" stays; ", who …" and appositions go
        toks.append(t)
    toks.sort(key=lambda t: t.i)
    # contiguous, cut at the first comma after the head
    out: list[Token] = []
    for t in toks:
        if out and t.i != out[-1].i + 1:
            break
        if t.i > head.i and t.text in (",", ";", "(", ")", "—", "–"):
            break
        out.append(t)
    while out and (out[0].is_punct or out[0].lower_ == "the"):
        out = out[1:]
    while out and out[-1].is_punct:
        out = out[:-1]
    if not out:
        return None
    return out[0].i, out[-1].i + 1


def _path(t: Token, top: Token) -> list[Token]:
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def apposition(head: Token, first: int) -> tuple[int, int] | None:
    """The role an apposition gives a name: "X, ROLE", "ROLE, X" or "X, who is ROLE"."""
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.pos_ in ("NOUN", "PROPN", "ADJ") and c.ent_type_ != "PERSON":
            text = role_span(c)
            if text:
                return text
    if head.dep_ == "appos" and head.head.i < first and head.head.pos_ in ("NOUN", "PROPN") and \
            head.head.ent_type_ != "PERSON":
        text = role_span(head.head, exclude=[head])
        if text:
            return text
    for c in head.children:
        if c.dep_ == "relcl" and c.lemma_ == "be":
            attr = next((x for x in c.children if x.dep_ == "attr"), None)
            if attr is not None:
                text = role_span(attr)
                if text:
                    return text
    return None


def affiliation(head: Token, first: int) -> tuple[int, int] | None:
    """An affiliation after a name, with a title before it: "Professor Nowak *of the University
    of Warsaw*" gives "Professor Krzysztof Nowak of the University of Warsaw" minus the name."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "from") and c.i > head.i), None)
    if prep is None:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not obj.text[:1].isupper() or obj.ent_type_ not in ("ORG", "FAC", ""):
        return None
    return prep.i, obj.right_edge.i + 1
