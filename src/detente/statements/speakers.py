"""Who a cue's speaker is: a named person, a pronoun or title resolved to one, an
organisation or an unnamed source, with the actor code on the article date and a role.

Rules (``docs/statements.md``):

- a name is the person's canonical name (the fullest form the article gives);
- "he"/"she" is the last fitting person: in the cue's paragraph, the last subject or speaker
  (a person merely mentioned earlier in the same sentence, "with Biden", does not count);
  at the start of a paragraph, the last speaker of the three paragraphs before, else the last
  person named. A gender known from an honorific or a first name must agree;
- "the president", "the author", "the Russian analyst": the last person whose title or role
  has that word (and the country, when one is named), else the last person named;
- an organisation keeps its name as written without "the" ("Kremlin"); a plural or indefinite
  person ("officials", "a senior diplomat") is an unnamed speaker (``name`` None).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.events.coder import _combine
from detente.events.lexicon import ActorEntry, AgentEntry, LexMatch
from detente.statements.names import HONORIFICS, ORG_WORDS
from detente.statements.people import People, Person
from detente.statements.records import Speaker
from detente.statements.roles import apposition

__all__ = ["Said", "SpeakerResolver"]

#: common nouns that name bodies, places and texts rather than people
ORG_NOUNS = frozenset({"ministry", "government", "administration", "office", "embassy", "agency", "council",
                       "committee", "parliament", "cabinet", "department", "commission", "alliance", "party",
                       "company", "bank", "fund", "institute", "institution", "centre", "center", "foundation",
                       "newspaper", "network", "channel", "service", "army", "military", "court", "union",
                       "organisation", "organization", "group", "bloc", "coalition", "movement", "federation",
                       "state", "country", "nation", "city", "side", "team", "delegation", "campaign", "house",
                       "kremlin", "palace", "presidency", "secretariat", "statement", "report", "readout",
                       "communique", "communiqué", "document", "website", "account", "media", "outlet", "paper",
                       "daily", "television", "radio", "broadcaster", "bureau", "command", "headquarters", "staff",
                       "legislature", "senate", "congress", "duma", "assembly", "authorities", "leadership", "regime",
                       "guard", "police", "navy", "force", "forces", "mission", "consulate", "operator", "regulator",
                       "watchdog", "airline", "carrier", "firm", "exchange"})
#: of those, texts: a text is an unnamed source ("a statement said")
DOCUMENT_NOUNS = frozenset({"statement", "report", "readout", "communique", "communiqué", "document", "website",
                            "account", "letter", "poll", "survey", "study", "analysis", "transcript", "post"})
#: nouns that look plural but name one body ("North Korean state media said")
COLLECTIVE = frozenset({"media", "press", "police", "military", "government", "leadership", "authorities"})
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
#: how many paragraphs back a pronoun or a title may find its person
WINDOW = 10
#: role nouns that say the person's gender
GENDERED = {"spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f", "queen": "f",
            "princess": "f", "empress": "f", "duchess": "f", "actress": "f", "policewoman": "f", "woman": "f",
            "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m", "king": "m", "prince": "m",
            "emperor": "m", "duke": "m", "policeman": "m", "man": "m"}
GROUP_PRONOUNS = {"they", "them", "we", "i", "you", "it", "one", "some", "others", "many", "both", "all"}
_NP_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "flat", "predet"}


@dataclass(frozen=True, slots=True)
class Said:
    """A speaker already resolved, remembered for the cues that follow."""

    offset: int
    paragraph: int
    person: Person | None
    speaker: Speaker | None = None
    noun: str | None = None          # head noun of an unnamed speaker ("diplomat")


class SpeakerResolver:
    """Builds :class:`Speaker` records for one document."""

    def __init__(self, doc: Doc, people: People, lex_at: dict[int, LexMatch], day: dt.date | None,
                 sentence_of: Sequence[int], paragraph_of: Sequence[int], in_quote: Sequence[int],
                 cue_speakers: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.people = people
        self.lex_at = lex_at
        self.day = day
        self.sentence_of = sentence_of
        self.paragraph_of = paragraph_of
        self.in_quote = in_quote
        self.said: list[Said] = []
        self.cue_speakers = cue_speakers     # tokens that are the speaker of some cue
        # people mentioned outside quotes, in text order: the antecedents of pronouns and titles
        self._mentions = [m for m in people.mentions if not m.in_quote]
        self._mention_starts = [m.start for m in self._mentions]
        self._codes: dict[tuple[int, int, bool], str | None] = {}
        self._person_codes: dict[int, str | None] = {}
        self._role_words: dict[int, set[str]] = {}

    # ----------------------------------------------------------------------------- codes, roles

    def _matches(self, a: int, b: int) -> list[LexMatch]:
        out: list[LexMatch] = []
        for i in range(a, b):
            m = self.lex_at.get(i)
            if m is not None and (not out or out[-1] is not m):
                out.append(m)
        return out

    def phrase_code(self, a: int, b: int, group: bool = False) -> str | None:
        key = (a, b, group)
        if key not in self._codes:
            self._codes[key] = self._phrase_code(a, b, group)
        return self._codes[key]

    def _phrase_code(self, a: int, b: int, group: bool = False) -> str | None:
        """The actor code a phrase gives (tokens a..b): a person's code, or an actor with its
        agents ("Russia's foreign ministry" -> RUSGOV). A role needs an agent ("editor of
        Russia in Global Affairs" gives none); ``group`` (unnamed people) accepts a country
        alone ("Russian analysts" -> RUS). "former"/"ex-" gives the country's elite (``ELI``)."""
        found = self._matches(a, b)
        actors = [m.entry for m in found if isinstance(m.entry, ActorEntry) and m.entry.codes_on(self.day)]
        people = [e for e in actors if e.kind == "person"]
        if people:
            return people[0].codes_on(self.day)[0]
        if not actors:
            return None
        agents = [m for m in found if isinstance(m.entry, AgentEntry)]
        entry = actors[0]
        code = entry.codes_on(self.day)[0]
        former = any(t.lower_ in ("former", "ex", "ex-", "onetime", "one-time") or t.lower_.startswith("ex-")
                     for t in self.doc[a:b])
        if former:
            return code[:3] + "ELI" if not code.startswith("IGO") else None
        if agents:
            agent = agents[0].entry
            assert isinstance(agent, AgentEntry)
            if entry.kind == "metonym" and agent.code != "GOV":
                return code[:3] + agent.code     # "University of Warsaw": Polish education, not its government
            return _combine(code, agents[:1], entry.kind, True)
        if group or entry.kind in ("metonym", "igo"):
            first = next(m for m in found if m.entry is entry)
            if entry.kind == "metonym" and not group and not self._is_head_actor(first, a, b):
                return None       # "director of a centre in Moscow": a place, not the government
            return code
        return None

    def _is_head_actor(self, m: LexMatch, a: int, b: int) -> bool:
        """Whether the actor is the phrase's head or modifies it ("Kremlin adviser"), not a place
        or a name inside it ("a centre in Moscow", "the Seoul Policy Lab")."""
        t = self.doc[m.end - 1]
        root = next((x for x in self.doc[a:b] if not a <= x.head.i < b or x.head.i == x.i), None)
        return root is not None and (t.i == root.i or t.head.i == root.i and t.dep_ != "prep")

    def person_code(self, person: Person, offset: int) -> str | None:
        """A person's code: the lexicon's on the article date, else the one the role given at
        ``offset`` names, else the first any of their roles names."""
        if person.entry is not None:
            codes = person.entry.codes_on(self.day)
            if codes:
                return codes[0]
        at = person.role_at(offset)
        code = self.phrase_code(*at) if at else None
        if code:
            return code
        key = id(person)
        if key not in self._person_codes:
            self._person_codes[key] = next((c for c in (self.phrase_code(a, b) for _, a, b in person.roles) if c), None)
        return self._person_codes[key]

    def role_words(self, person: Person) -> set[str]:
        key = id(person)
        if key not in self._role_words:
            self._role_words[key] = _role_words(self.doc, person)
        return self._role_words[key]

    def role(self, person: Person, offset: int) -> str | None:
        at = person.role_at(offset)
        return _role_text(self.doc, *at) if at else None

    # ------------------------------------------------------------------------------- resolving

    def remember(self, offset: int, person: Person | None, speaker: Speaker | None = None,
                 head: Token | None = None) -> None:
        para = self.paragraph_of[self._token_at(offset)]
        noun = head.lemma_.lower() if head is not None and head.pos_ == "NOUN" else None
        self.said.append(Said(offset, para, person, speaker, noun))

    def _token_at(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _salient(self, token: Token, gender: str | None, role_word: str | None = None,
                 country: str | None = None, after: Speaker | None = None) -> Person | None:
        """The person a pronoun or bare title at ``token`` stands for (see the module doc)."""
        para, sent = self.paragraph_of[token.i], self.sentence_of[token.i]

        def fits(p: Person | None) -> bool:
            if p is None:
                return False
            if gender and p.gender and p.gender != gender:
                return False
            if country:
                code = self.person_code(p, token.idx)
                if code and code[:3] != country:
                    return False
            return True

        if role_word:
            for at, _, p, _ in self._anchors(token, para, sent, para - WINDOW):
                if after is not None and at < after.start_char:
                    break
                if role_word in self.role_words(p) and fits(p):
                    return p
            if after is not None:
                return None     # "the diplomat" is the unnamed diplomat quoted before
        stages = (
            [p for _, p_para, p, _ in self._anchors(token, para, sent, para)],
            [p for _, _, p, speaker in self._anchors(token, para, sent, para - 3) if speaker],
            [p for _, _, p, _ in self._anchors(token, para, sent, para - WINDOW)],
        )
        for stage in stages:
            # a person whose gender is known to fit comes before one whose gender is unknown
            known = next((p for p in stage if gender and p.gender == gender and fits(p)), None)
            if known is not None:
                return known
            found = next((p for p in stage if fits(p)), None)
            if found is not None:
                return found
        return None

    def _anchors(self, token: Token, para: int, sent: int, first_para: int) -> list[tuple[int, int, Person, bool]]:
        """People before ``token`` from paragraph ``first_para`` on, nearest first: persons named
        outside quotes (not a non-subject in the token's own sentence: "with Biden, he argues")
        and the speakers of earlier statements. Each is (offset, paragraph, person, is_speaker)."""
        out: list[tuple[int, int, Person, bool]] = []
        k = bisect.bisect_left(self._mention_starts, token.idx) - 1
        while k >= 0 and self._mentions[k].paragraph >= first_para:
            m = self._mentions[k]
            if not (m.sentence == sent and not m.subject):
                out.append((m.start, m.paragraph, m.person, m.head in self.cue_speakers))
            k -= 1
        for s in reversed(self.said):
            if s.paragraph < first_para:
                break
            if s.person is not None and s.offset < token.idx:
                out.append((s.offset, s.paragraph, s.person, True))
        out.sort(key=lambda x: -x[0])
        return out

    def resolve(self, head: Token) -> tuple[Speaker | None, Person | None]:
        """The speaker whose noun phrase has ``head`` as its head."""
        doc = self.doc
        a, b = _np_core(head)
        span = doc[a:b]
        text, start, end = span.text, span.start_char, span.end_char
        low = head.lower_
        if low in PRONOUNS:
            person = self._salient(head, PRONOUNS[low])
            if person is None:
                return Speaker(None, text, start, end, None, None), None
            return self._person_speaker(person, text, start, end, head.idx), person
        if low in ("it", "they"):
            org = self._salient_org(head, plural=low == "they")
            if org is not None:
                return Speaker(org.name, text, start, end, org.code, None), None
            return Speaker(None, text, start, end, None, None), None
        if low in GROUP_PRONOUNS or low in ("who", "that", "which"):
            return Speaker(None, text, start, end, None, None), None
        # a named person in the phrase (not as its possessor: "Kurti's critics"), or in apposition
        # ("the ministry's spokeswoman, Maria Zakharova")
        for i in range(a, b):
            m = self.people.by_token.get(i)
            if m is not None and not _possessor(doc[i], head):
                return self._person_speaker(m.person, text, start, end, head.idx), m.person
        for c in head.children:
            if c.dep_ == "appos":
                m = self.people.by_token.get(c.i)
                if m is not None:
                    sp = self._person_speaker(m.person, text, start, end, head.idx)
                    role = _role_text(doc, a, b)
                    return Speaker(sp.name, sp.text, sp.start_char, sp.end_char, sp.code, role or sp.role), m.person
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        if head.pos_ == "PROPN" and not self._org_name(head, a, b):
            words = [t.lower_.replace("’", "'") for t in span if t.pos_ == "PROPN" and t.lower_ not in HONORIFICS]
            person = self.people.lookup(words) if words else None
            if person is not None:
                return self._person_speaker(person, text, start, end, head.idx), person
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "one", "another", "any")
                       for c in head.children)
        if head.pos_ == "PROPN" or self._org_name(head, a, b):
            if lemma in DOCUMENT_NOUNS or (plural and head.pos_ == "NOUN" and head.lower_ not in COLLECTIVE):
                return Speaker(None, text, start, end, self.phrase_code(a, b, group=True), None), None
            return Speaker(_as_name(doc, a, b), text, start, end, self.phrase_code(a, b, group=True),
                           self._apposition_role(head)), None
        if head.pos_ in ("NOUN", "PROPN") and definite and not plural:
            country = next((m.entry.codes_on(self.day)[0][:3] for m in self._matches(a, b)
                            if isinstance(m.entry, ActorEntry) and m.entry.kind in ("adjective", "country", "demonym")
                            and m.entry.codes_on(self.day)), None)
            unnamed = self._unnamed_with(lemma, head.idx)
            person = self._salient(head, GENDERED.get(lemma), lemma, country, after=unnamed)
            if person is not None:
                return self._person_speaker(person, text, start, end, head.idx), person
            if unnamed is not None:
                return Speaker(None, text, start, end, unnamed.code, None), None
        return Speaker(None, text, start, end, self.phrase_code(a, b, group=True), None), None

    def _apposition_role(self, head: Token) -> str | None:
        """What an apposition says a body is ("KCNA, *the North Korean state news agency*, said")."""
        got = apposition(head, head.i)
        return _role_text(self.doc, *got) if got else None

    def _org_name(self, head: Token, a: int, b: int) -> bool:
        """Whether a phrase names an organisation, office, capital or country: by its head
        ("the coast guard", "the Kremlin", "Germany"), or by an organisation word in a name
        ("U.S. Central Command", "Joint Chiefs of Staff")."""
        if head.i in self.people.by_token:
            return False
        lemma = head.lemma_.lower()
        if lemma in ORG_NOUNS or head.lower_ in ORG_WORDS:
            return True
        m = self.lex_at.get(head.i)
        if m is not None and isinstance(m.entry, ActorEntry) and m.entry.kind != "person":
            return True
        if head.pos_ != "PROPN":
            return False
        if head.ent_type_ in ("GPE", "NORP", "FAC", "ORG"):
            return True
        return any(t.lower_ in ORG_WORDS for t in self.doc[a:b] if t.pos_ == "PROPN")

    def _unnamed_with(self, noun: str, offset: int) -> Speaker | None:
        """The last unnamed speaker whose head noun is ``noun`` ("a senior diplomat" ... "the
        diplomat said")."""
        para = self.paragraph_of[self._token_at(offset)]
        for s in reversed(self.said):
            if s.paragraph < para - WINDOW:
                break
            if s.offset >= offset:
                continue
            if s.noun == noun and s.person is None and s.speaker is not None and s.speaker.name is None:
                return s.speaker
        return None

    def _salient_org(self, token: Token, plural: bool) -> Speaker | None:
        """The organisation "it" stands for: the last organisation that spoke or was the subject
        of a sentence, in this paragraph or the one before."""
        para = self.paragraph_of[token.i]
        best: Speaker | None = None
        for s in reversed(self.said):
            if s.paragraph < para - 1:
                break
            if s.offset < token.idx and s.speaker is not None and s.person is None and s.speaker.name is not None:
                best = s.speaker
                break
        sent = token.sent
        for i in range(token.i - 1, -1, -1):
            t = self.doc[i]
            if self.paragraph_of[i] < para - 1 or (best is not None and t.idx <= best.start_char):
                break
            if t.dep_ != "nsubj" or self.in_quote[i] >= 0:
                continue
            if t.pos_ in ("PROPN", "NOUN") and (t.tag_ in ("NNS", "NNPS")) == plural and \
                    t.i not in self.people.by_token:
                a, b = _np_core(t)
                if not (self._org_name(t, a, b) or t.lemma_.lower() in ORG_NOUNS):
                    continue
                text = self.doc[a:b].text
                name = text[4:] if text.lower().startswith("the ") else text
                return Speaker(name, text, self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1].text),
                               self.phrase_code(a, b, group=True), None)
        del sent
        return best

    def _person_speaker(self, person: Person, text: str, start: int, end: int, offset: int) -> Speaker:
        return Speaker(person.name, text, start, end, self.person_code(person, offset), self.role(person, offset))


def _np_core(head: Token) -> tuple[int, int]:
    """The speaker's phrase as written at the cue: the head with the modifiers before it (and
    "of"-phrases after a common noun), without appositions or relative clauses."""
    a = b = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i < head.i and (c.dep_ in _NP_LEFT or t is not head):
                if c.dep_ in ("punct",) or c.is_space:
                    continue
                a = min(a, c.left_edge.i if c.dep_ != "det" else c.i)
                stack.append(c)
            elif c.i > head.i and c.dep_ == "prep" and t is head and _np_prep(head, c):
                b = max(b, c.right_edge.i)
    doc = head.doc
    while a < head.i and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > head.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    return a, b + 1


def _possessor(t: Token, head: Token) -> bool:
    """Whether ``t`` sits in a possessive or prepositional modifier of ``head``, not in its name."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("poss", "pobj", "prep"):
            return True
        t = t.head
    return False


def _as_name(doc: Doc, a: int, b: int) -> str:
    """A name as written, without a leading "the", honorifics or titles before a person's name."""
    while a < b - 1 and (doc[a].lower_ in ("the", "a", "an") or doc[a].lower_ in HONORIFICS):
        a += 1
    return doc[a:b].text


def _np_prep(head: Token, prep: Token) -> bool:
    """Whether a preposition after a speaker's head is part of its name: "head of the fund",
    "Ministry of External Affairs", "the embassy in Berlin", "Iran's mission to the UN"."""
    word = prep.lower_
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if head.pos_ == "NOUN" and word in ("of", "for", "at"):
        return True
    if head.pos_ == "PROPN" and word == "of" and obj.text[:1].isupper():
        return True
    return head.lemma_.lower() in ("embassy", "mission", "consulate", "delegation", "office", "representative") and \
        word in ("in", "to", "at")


def _role_text(doc: Doc, a: int, b: int) -> str | None:
    text = doc[a:b].text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text or None


def _role_words(doc: Doc, p: Person) -> set[str]:
    out: set[str] = set()
    for _, a, b in p.roles:
        for t in doc[a:b]:
            out.add(t.lower_)
            out.add(t.lemma_.lower())
    return out
