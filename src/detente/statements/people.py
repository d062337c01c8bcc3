"""The people an article names: canonical names, gender, titles and roles, and every mention.

:func:`find_people` reads the named-entity spans (``PERSON``) and the people of the actor
lexicon once per document and groups the mentions by name: "Fyodor Lukyanov", "Mr. Lukyanov"
and "Lukyanov" are one :class:`Person` whose canonical name is the fullest form the article
gives. Titles before a name ("US Secretary of State Marco Rubio") and appositions ("Sergei
Markov, a former Kremlin adviser"; "the head of the fund, Kirill Dmitriev"; "Lukyanov, who
is the editor of ...") give the person's roles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.events.lexicon import ActorEntry, LexMatch

__all__ = ["HONORIFICS", "Mention", "People", "Person", "find_people", "gender_of_name", "role_span"]


#: honorifics written before names, with the gender they say (None: either)
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f",
    "lady": "f", "mme": "f", "mme.": "f", "frau": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None,
}
#: first names whose gender is clear (a small list for names common in international news)
FEMALE_NAMES = frozenset("""
anna maria maria ursula kaja annalena giorgia marine elisabeth elizabeth theresa liz kamala hillary nancy
angela emmanuelle christine kristalina mette sanna jacinda ursula roberta victoria valentina tulsi karine
nikki condoleezza madeleine samantha linda susan susie kristi pam pamela tammy marjorie elise amy
jill melania michelle catherine claudia dina dilma cristina sheikh_hasina hasina indira benazir tsai
ying-wen golda yulia irina olga svetlana tatiana tatyana natalia natalya elena yelena ekaterina
yekaterina marina galina lyudmila ella ella viola kimberly karen sarah sara emily emma helen helene
annegret agnes beata ewa kersti ingrida evika mary margaret jane joan ann anne ingrid astrid birgit
karin kristin sigrid hanna hannah sofia sophia sophie julia laura lena nina eva vera alice claire marie
nathalie isabel isabelle teresa rosa lucia ana andrea monica patricia rebecca rachel jennifer jessica
ayesha fatima maryam leila layla zainab mariam aisha nadia olena oksana iryna yuliya kateryna tetiana
""".split())
MALE_NAMES = frozenset("""
vladimir sergei sergey dmitry dmitri andrei andrey alexei alexey alexander aleksandr mikhail nikolai
nikolay ivan yuri yury igor oleg fyodor kirill maxim pavel viktor boris grigory konstantin leonid
volodymyr petro andriy oleksandr oleksiy rustem denys dmytro mykhailo vitali vitaly valery valeriy
donald joe joseph barack george bill william john james robert michael mike marco jd j.d. pete steve
steven keith elon antony tony jake lloyd jens mark emmanuel olaf friedrich boris keir rishi david
recep tayyip narendra shehbaz imran benjamin yoav isaac ali hassan hossein abbas masoud
mohammed muhammad mohammad abdel abdullah salman faisal tamim bashar ahmed ahmad hakan sergio
lula luiz javier gustavo nicolas nicolás andres andrés viktor robert recep shinzo
fumio shigeru justin pierre charles harrison vivek jeff rex mike marco elbridge fred jake kurt
anton tomas thomas erik eric lars sven olof paul peter hans karl martin stefan jan piotr andrzej
radoslaw donald frank walter heinz helmut gerhard wolfgang jean francois françois jacques louis
carlos jose josé juan pedro miguel antonio giuseppe matteo mario sergio ahmet mehmet yusuf omar
hamad khalid mahmoud ismail ilham nikol serzh levan irakli alexandr lukas tomasz dmytro taras yevgeny
evgeny anatoly gennady vyacheslav nikita arseniy arseny
""".split())


def gender_of_name(first: str) -> str | None:
    """``"m"``/``"f"`` when the first name says it clearly, else None.

    Example:
        >>> gender_of_name("Maria"), gender_of_name("Sergei"), gender_of_name("Taylor")
        ('f', 'm', None)
    """
    w = first.lower().rstrip(".")
    if w in FEMALE_NAMES:
        return "f"
    if w in MALE_NAMES:
        return "m"
    return None


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
        found = [(a, b) for at, a, b in self.roles if at <= offset]
        if found:
            return found[-1]
        return (self.roles[0][1], self.roles[0][2]) if self.roles else None


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

    def before(self, offset: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < offset]


# ------------------------------------------------------------------------------------ building

#: lower-case particles inside names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi")
PARTICLES = frozenset("von der van den de del della di da dos das du la le al el bin ibn ben abu".split())
#: words that make a capitalised run an organisation's name, not a person's
ORG_WORDS = frozenset("""ministry council institute institution party group bank agency international news times post
company corporation fund center centre foundation committee office service union association organization
organisation forces army navy court commission university press tv radio network media kremlin house department
government administration parliament assembly duma congress senate club league federation initiative review
journal daily herald tribune telegraph guardian reuters bloomberg staff chiefs command guard police mission
embassy consulate forum program programme project fleet corps agency authority bureau""".split())
TITLE_WORDS = frozenset("""president vice prime minister secretary chancellor king queen prince princess general
gen. gen senator sen. rep. governor gov. ambassador foreign defence defense spokesman spokeswoman spokesperson
chief leader premier emir sheikh colonel col. major maj. captain capt. lieutenant lt. admiral adm. sergeant
commander judge justice mayor deputy chairman chairwoman chair director professor dr dr. mr mr. mrs mrs. ms ms.
pope cardinal bishop rabbi imam ayatollah comrade""".split())
_POSSESSIVE = {"'s", "’s", "'", "’"}
_MARKS = set("“”„«»‹›\"‘’‚")


def _word_groups(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """Tokens a..b grouped into written words: "Seo", "-", "yeon" is one word."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        end = k + 1
        while end < b and not doc[end - 1].whitespace_ and (doc[end].text in ("-", "‐") or doc[end - 1].text in ("-", "‐")
                                                             or doc[end].text in ("'", "’")) and doc[end].text not in _POSSESSIVE:
            end += 1
        out.append((k, end))
        k = end
    return out


class _Namer:
    """Finds the written name around a token: capitalised words (hyphenated parts and name
    particles included), without titles, honorifics, possessives and quoted nicknames."""

    def __init__(self, doc: Doc, lex_at: dict[int, LexMatch], in_quote: Sequence[int]) -> None:
        self.doc = doc
        self.lex_at = lex_at
        self.in_quote = in_quote

    def _word_ok(self, a: int, b: int) -> bool:
        doc = self.doc
        t = doc[a]
        text = doc[a:b].text
        low = text.lower()
        if self.in_quote[a] >= 0 or not text[:1].isalpha() or "/" in text:
            return False
        if low in PARTICLES:
            return True
        if not text[:1].isupper() or low in TITLE_WORDS or low in HONORIFICS or low in ORG_WORDS:
            return False
        m = self.lex_at.get(a)
        if m is not None and isinstance(m.entry, ActorEntry) and m.entry.kind != "person":
            return False
        if m is not None and not isinstance(m.entry, ActorEntry) and t.ent_type_ != "PERSON":
            return False        # an agent or title ("Foreign Minister"), unless NER reads a first name ("Amir")
        return t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") or t.ent_type_ == "PERSON"

    def run(self, i: int) -> tuple[int, int, list[str]] | None:
        """(first token, end token, words) of the name that token ``i`` belongs to."""
        doc = self.doc
        sent = doc[i].sent
        groups = _word_groups(doc, sent.start, sent.end)
        k = next((n for n, (a, b) in enumerate(groups) if a <= i < b), None)
        if k is None or not self._word_ok(*groups[k]):
            return None
        lo = hi = k
        words = [k]
        while lo - 1 >= 0:
            pa, pb = groups[lo - 1]
            if self._word_ok(pa, pb) and doc[pb - 1].whitespace_:
                lo -= 1
                words.insert(0, lo)
                continue
            # a quoted nickname between first name and surname: Stavros “the Accountant” Melas
            if doc[pa].text in _MARKS:
                j = lo - 2
                while j >= 0 and doc[groups[j][0]].text not in _MARKS and lo - j < 6:
                    j -= 1
                if j >= 1 and doc[groups[j][0]].text in _MARKS and self._word_ok(*groups[j - 1]):
                    lo = j - 1
                    words.insert(0, lo)
                    continue
            break
        while hi + 1 < len(groups) and doc[groups[hi][1] - 1].whitespace_ and self._word_ok(*groups[hi + 1]):
            hi += 1
            words.append(hi)
        # particles only inside a name, not at its edges
        def particle(w: int) -> bool:
            return doc[groups[w][0]:groups[w][1]].text.lower() in PARTICLES

        while words and particle(words[0]):
            words = words[1:]
        while words and particle(words[-1]):
            words = words[:-1]
        if not words:
            return None
        texts = [doc[groups[w][0]:groups[w][1]].text for w in words]
        return groups[words[0]][0], groups[words[-1]][1], texts


def find_people(doc: Doc, matches: Sequence[LexMatch], sentence_of: Sequence[int],
                paragraph_of: Sequence[int], in_quote: Sequence[int],
                speakers: frozenset[int] = frozenset()) -> People:
    """Group the person mentions of ``doc``. ``matches`` are lexicon matches over all tokens
    (token offsets into the doc); ``sentence_of``/``paragraph_of``/``in_quote`` map tokens to
    their sentence, paragraph and quote (-1: none); ``speakers`` are the tokens that head a
    speech cue's speaker (a capitalised name there is a person even when NER says otherwise)."""
    people = People()
    lex_at: dict[int, LexMatch] = {i: m for m in matches for i in range(m.start, m.end)}
    namer = _Namer(doc, lex_at, in_quote)
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
    for t in doc:
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
    for t in doc:
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
    _pronoun_genders(doc, people, in_quote)
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
        role = _apposition(head, a) or _title_before(first) or _affiliation(head, a)
        if role:
            person.roles.append((first.idx, *role))


def _affiliation(head: Token, first: int) -> tuple[int, int] | None:
    """An affiliation after a name, with a title before it: "Professor Nowak *of the University
    of Warsaw*" gives "Professor Krzysztof Nowak of the University of Warsaw" minus the name."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "from") and c.i > head.i), None)
    if prep is None:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not obj.text[:1].isupper() or obj.ent_type_ not in ("ORG", "FAC", ""):
        return None
    return prep.i, obj.right_edge.i + 1


_GENDER_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                    "herself": "f"}


def _pronoun_genders(doc: Doc, people: People, in_quote: Sequence[int]) -> None:
    """Learn a gender from the text where the name did not say it: the first gendered pronoun
    (outside quotes) after a person is the subject of a sentence, in that or the next sentence
    and before another person is a subject, votes for that person's gender."""
    votes: dict[int, list[str]] = {}
    mentions = [m for m in people.mentions if not m.in_quote]
    pronouns = [t for t in doc if t.lower_ in _GENDER_PRONOUNS and in_quote[t.i] < 0]
    k = 0
    subjects = [m for m in mentions if m.subject]
    for n, m in enumerate(subjects):
        nxt = subjects[n + 1].start if n + 1 < len(subjects) else len(doc.text) + 1
        while k < len(pronouns) and pronouns[k].idx < m.end:
            k += 1
        if k < len(pronouns):
            t = pronouns[k]
            if t.idx < nxt and doc[m.head].sent.start <= t.i and \
                    _sentence_gap(doc, m.head, t.i) <= 1:
                votes.setdefault(id(m.person), []).append(_GENDER_PRONOUNS[t.lower_])
    for p in people.persons:
        got = votes.get(id(p))
        if p.gender is None and got:
            p.gender = max(set(got), key=got.count)


def _sentence_gap(doc: Doc, i: int, j: int) -> int:
    gap = 0
    s = doc[i].sent
    while s.end <= j and gap < 3:
        gap += 1
        if s.end >= len(doc):
            break
        s = doc[s.end].sent
    return gap


# -------------------------------------------------------------------------------------- roles

_NP_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "advmod"}


def _title_before(first: Token) -> tuple[int, int] | None:
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
        if t.i > head.i and any(a.dep_ in ("relcl", "appos", "acl", "conj", "cc") and a.i > head.i
                                for a in _path(t, head)):
            continue
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


def _apposition(head: Token, first: int) -> tuple[int, int] | None:
    """The role an apposition gives a name: "X, ROLE", "ROLE, X" or "X, who is ROLE"."""
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.ent_type_ == "PERSON":
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
