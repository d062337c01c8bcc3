"""The people an article names: canonical names, gender, titles and roles, and every mention.

:func:`find_people` reads the named-entity spans (``PERSON``) and the people of the actor
lexicon once per document and groups the mentions by name: "Fyodor Lukyanov", "Mr. Lukyanov"
and "Lukyanov" are one :class:`Person` whose canonical name is the fullest form the article
gives. Titles before a name ("US Secretary of State Marco Rubio") and appositions ("Sergei
Markov, a former Kremlin adviser"; "the head of the fund, Kirill Dmitriev"; "Lukyanov, who
is the editor of ...") give the person's roles.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.events.lexicon import ActorEntry, LexMatch
from detente.statements.names import HONORIFICS, ORG_WORDS, Namer, gender_of_name
from detente.statements.roles import affiliation, apposition, title_before

__all__ = ["Mention", "People", "Person", "find_people"]


@dataclass(eq=False)
class Person:
    """One person of the article (all mentions of one name)."""

    name: str
    words: set[str] = field(default_factory=set)     # lower-case name words of every form
    gender: str | None = None
    entry: ActorEntry | None = None                  # the lexicon's person, if known
    #: roles from appositions and titles: (offset of the mention, first token, end token), in order
    roles: list[tuple[int, int, int]] = field(default_factory=list)

    def role_at(self, offset: int) -> tuple[int, int] | None:
        """The token range of the role given at or last before ``offset``, else the first one given later."""
        if not self.roles:
            return None
        k = bisect.bisect_right(self.roles, (offset, 1 << 60, 1 << 60)) - 1
        _, a, b = self.roles[max(k, 0)]
        return a, b


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named at ``start``-``end`` (characters); ``head`` is the name's last token."""

    person: Person
    start: int
    end: int
    head: int
    sentence: int
    paragraph: int
    subject: bool
    in_quote: bool


class People:
    """The people of one document, with their mentions in text order."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}       # token index -> mention covering it
        self._surname: dict[str, Person] = {}
        self._word: dict[str, Person] = {}

    def lookup(self, words: Sequence[str]) -> Person | None:
        """The person already named by these (lower-case) name words, if any."""
        if not words:
            return None
        p = self._surname.get(words[-1])
        if p is not None:
            firsts = [w for w in words[:-1] if len(w) > 2]
            if not firsts or any(w in p.words for w in firsts) or len(p.words) == 1:
                return p
            return None
        if len(words) == 1:
            return self._word.get(words[0])
        return None

    def add(self, words: list[str], form: str) -> Person:
        p = self.lookup(words)
        if p is None:
            p = Person(form)
            self.persons.append(p)
        if len(form.split()) > len(p.name.split()):
            p.name = form
        p.words.update(words)
        self._surname[words[-1]] = p
        for w in words[:-1]:
            self._word.setdefault(w, p)
        if len(words) == 1:
            self._word.setdefault(words[0], p)
        return p


def find_people(doc: Doc, matches: Sequence[LexMatch], sentence_of: Sequence[int],
                paragraph_of: Sequence[int], in_quote: Sequence[int],
                speakers: frozenset[int] = frozenset(), sents: Sequence[Span] | None = None,
                tokens: Sequence[Token] | None = None) -> People:
    """Group the person mentions of ``doc``. ``matches`` are lexicon matches over all tokens
    (token offsets into the doc); ``sentence_of``/``paragraph_of``/``in_quote`` map tokens to
    their sentence, paragraph and quote (-1: none); ``speakers`` are the tokens that head a
    speech cue's speaker (a capitalised name there is a person even when NER says otherwise)."""
    people = People()
    lex_at: dict[int, LexMatch] = {i: m for m in matches for i in range(m.start, m.end)}
    sents = list(doc.sents) if sents is None else sents
    tokens = list(doc) if tokens is None else tokens
    namer = Namer(doc, lex_at, in_quote, sentence_of, sents)
    seeds: dict[int, ActorEntry | None] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            first = lex_at.get(ent.start)
            if first is not None and isinstance(first.entry, ActorEntry) and first.entry.kind != "person" or \
                    _named_as_body(ent.root):
                continue                  # "Georgian Dream, the ruling party": a body, not a person
            seeds[ent.end - 1] = None
        elif ent.label_ in ("ORG", "GPE", "NORP", "FAC", "") and 2 <= len(ent) <= 5 and \
                gender_of_name(ent[0].text) is not None:
            seeds[ent.end - 1] = None     # "Ricardo Alves" read as an organisation
    for m in matches:
        if isinstance(m.entry, ActorEntry) and m.entry.kind == "person":
            seeds[m.end - 1] = m.entry
    for t in tokens:
        if t.pos_ != "PROPN" or t.i in seeds:
            continue
        lex = lex_at.get(t.i)
        if lex is not None and isinstance(lex.entry, ActorEntry) and lex.entry.kind != "person":
            continue
        prev = doc[t.i - 1] if t.i else None
        if prev is not None and prev.lower_ in HONORIFICS and prev.text[:1].isupper():
            seeds[t.i] = None             # "Mr. Markov"
        elif _described_as_person(t):
            seeds[t.i] = None             # "Stavros Melas, a former purser", "Villanueva, who heads ..."
        elif t.i in speakers and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and \
                any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children):
            seeds[t.i] = None             # "prominent Trumpist Vivek Ramaswamy said"
    done: set[int] = set()
    found: list[tuple[int, int, list[str], ActorEntry | None]] = []
    for i in sorted(seeds):
        if i in done:
            continue
        got = namer.run(i)
        if got is None:
            continue
        a, b, words = got
        done.update(range(a, b))
        entry = seeds[i]
        if entry is None:
            entry = next((m.entry for m in (lex_at.get(k) for k in range(a, b)) if m is not None
                          and isinstance(m.entry, ActorEntry) and m.entry.kind == "person"), None)
        if entry is not None and not _same_person(entry, words, lex_at, a, b):
            entry = None                  # "Kim Ha-eun" is not the lexicon's "Kim" (Kim Jong Un)
        found.append((a, b, words, entry))
    # full names first, so that a surname alone joins the person named in full later on
    for a, b, words, entry in sorted(found, key=lambda f: -len(f[2])):
        people.add([w.lower().replace("’", "'") for w in words], " ".join(words))
    for a, b, words, entry in found:
        person = people.lookup([w.lower().replace("’", "'") for w in words])
        if person is None:
            continue
        _mention(people, person, doc, a, b, entry, sentence_of, paragraph_of, in_quote)
    # a known surname is that person even where NER saw no name ("Brekke added")
    for t in tokens:
        if t.i in people.by_token or not t.text[:1].isupper() or not (
                t.pos_ == "PROPN" or t.pos_ in ("NOUN", "ADJ", "X") and not t.is_sent_start):
            continue
        got = namer.run(t.i)
        if got is None or got[0] in people.by_token:
            continue
        a, b, words = got
        person = people.lookup([w.lower().replace("’", "'") for w in words])
        if person is None:
            continue
        _mention(people, person, doc, a, b, None, sentence_of, paragraph_of, in_quote)
    people.mentions.sort(key=lambda m: m.start)
    for p in people.persons:
        p.roles.sort()
    _pronoun_genders(tokens, people, in_quote, sentence_of)
    return people


_PERSON_NOUNS_NOT = frozenset({"party", "company", "group", "movement", "alliance", "coalition", "body", "agency",
                               "organisation", "organization", "firm", "newspaper", "channel", "network", "bloc"})


def _named_as_body(head: Token) -> bool:
    """Whether an apposition says a name is an organisation ("Georgian Dream, the ruling party")."""
    return any(c.dep_ == "appos" and (c.lemma_.lower() in ORG_WORDS or c.lemma_.lower() in _PERSON_NOUNS_NOT)
               for c in head.children)


def _described_as_person(t: Token) -> bool:
    """Whether a capitalised word is described as a person: an apposition with a common noun
    that is not a body ("Melas, a former purser") or a "who" clause ("Villanueva, who heads")."""
    for c in t.children:
        if c.dep_ == "appos" and c.i > t.i and c.pos_ == "NOUN" and c.lemma_.lower() not in ORG_WORDS and \
                c.lemma_.lower() not in _PERSON_NOUNS_NOT:
            return True
        if c.dep_ == "relcl" and any(x.lower_ == "who" and x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            return True
    return False


def _same_person(entry: ActorEntry, words: Sequence[str], lex_at: dict[int, LexMatch], a: int, b: int) -> bool:
    """Whether a lexicon person is the person named by ``words`` (tokens a..b): the lexicon
    phrase covers the whole name, or every word of the name is in the lexicon's name."""
    m = next((lex_at[k] for k in range(a, b) if k in lex_at and lex_at[k].entry is entry), None)
    if m is not None and m.start <= a and m.end >= b:
        return True
    known = {w.lower() for w in entry.name.split()}
    return all(w.lower() in known for w in words)


def _mention(people: People, person: Person, doc: Doc, a: int, b: int, entry: ActorEntry | None,
             sentence_of: Sequence[int], paragraph_of: Sequence[int], in_quote: Sequence[int]) -> None:
    if entry is not None and person.entry is None:
        person.entry = entry
    first, head = doc[a], doc[b - 1]
    while head.i > a and head.head.i in range(a, b) and head.head.i != head.i and head.dep_ != "ROOT" and \
            head.head.i > head.i:
        head = head.head
    honorific = doc[a - 1].lower_ if a > 0 else ""
    if HONORIFICS.get(honorific) and person.gender is None:
        person.gender = HONORIFICS[honorific]
    if person.gender is None and b - a > 1:
        person.gender = gender_of_name(first.text)
    if person.gender is None and person.entry is not None and " " in person.entry.name:
        person.gender = gender_of_name(person.entry.name.split()[0])
    subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"))
    mention = Mention(person, first.idx, doc[b - 1].idx + len(doc[b - 1].text), head.i, sentence_of[head.i],
                      paragraph_of[head.i], subject, in_quote[head.i] >= 0)
    people.mentions.append(mention)
    for k in range(a, b):
        people.by_token[k] = mention
    if in_quote[head.i] < 0:
        role = apposition(head, a) or title_before(first) or affiliation(head, a)
        if role:
            person.roles.append((first.idx, *role))


_GENDER_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                    "herself": "f"}


def _pronoun_genders(tokens: Sequence[Token], people: People, in_quote: Sequence[int],
                     sentence_of: Sequence[int]) -> None:
    """Learn a gender from the text where the name did not say it: the first gendered pronoun
    (outside quotes) after a person is the subject of a sentence, in that or the next sentence
    and before another person is a subject, votes for that person's gender."""
    votes: dict[int, list[str]] = {}
    subjects = [m for m in people.mentions if not m.in_quote and m.subject]
    pronouns = [t for t in tokens if t.lower_ in _GENDER_PRONOUNS and in_quote[t.i] < 0]
    k = 0
    for n, m in enumerate(subjects):
        nxt = subjects[n + 1].start if n + 1 < len(subjects) else None
        while k < len(pronouns) and pronouns[k].idx < m.end:
            k += 1
        if k < len(pronouns):
            t = pronouns[k]
            if (nxt is None or t.idx < nxt) and sentence_of[t.i] - sentence_of[m.head] <= 1:
                votes.setdefault(id(m.person), []).append(_GENDER_PRONOUNS[t.lower_])
    for p in people.persons:
        got = votes.get(id(p))
        if p.gender is None and got:
            p.gender = max(set(got), key=got.count)


