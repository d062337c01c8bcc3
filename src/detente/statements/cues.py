"""Speech cues in a parsed sentence: the verb or phrase, its speaker and what it reports.

A :class:`Cue` is found at a speech verb outside quotation marks ("said", "told reporters",
"writes", "made it clear", "insisted"), at "according to X" and at "as X said". For each it
records the speaker's head token (the subject, the agent of a passive, the antecedent of
"who", the noun after an inverted verb: "says Mr. Markov"), the tokens of the attribution
(cue and speaker with their appositions) and, when the parse gives one, the reported clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

__all__ = ["DIRECT_VERBS", "NAMING_VERBS", "SPEECH_VERBS", "Cue", "find_cues"]

#: verbs (lemmas) that report speech, directly or not
SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "insist", "warn", "note", "add", "argue", "claim",
                          "write", "declare", "stress", "emphasize", "emphasise", "explain", "confirm", "recall",
                          "suggest", "acknowledge", "admit", "assert", "contend", "maintain", "observe", "remark",
                          "reiterate", "repeat", "indicate", "comment", "conclude", "complain", "concede", "disclose",
                          "reveal", "allege", "caution", "reply", "respond", "answer", "predict", "promise", "pledge",
                          "vow", "tweet", "post", "underline", "underscore", "report", "affirm"})
#: verbs that introduce a direct quote only ("“Why?” he asked", "as he put it")
DIRECT_VERBS = frozenset({"ask", "quip", "joke", "exclaim", "shout", "wonder", "put"})
#: verbs that quote a name for something: a statement when someone names it ("X called the plan “a dead end”")
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "term", "brand"})
#: audiences of "told": part of the cue ("told reporters")
AUDIENCES = frozenset({"reporter", "reporters", "journalist", "journalists", "press", "media", "audience",
                       "audiences", "lawmakers", "parliament", "crowd", "crowds", "listeners", "viewers",
                       "interviewer"})
#: nouns that name a text rather than a speaker ("the headline said")
TEXT_NOUNS = frozenset({"headline", "headlines", "title", "titles", "caption", "captions", "slogan", "slogans",
                        "banner", "banners", "sign", "signs", "poster", "posters", "chyron", "subtitle", "motto"})
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "that", "which", "whom"}
_HEDGES = {"would", "could", "might", "may", "should", "must", "can", "shall", "will", "'d", "'ll", "wo", "ca"}
_NEG_HEADS = {"refuse", "decline", "fail", "want", "try", "hope", "plan", "expect", "seem", "appear", "need",
              "have", "begin", "start", "wish", "intend", "dare", "able"}


@dataclass(slots=True)
class Cue:
    """A speech cue. Token indices are into the Doc."""

    verb: Token
    cue: tuple[int, int]                       # token range of the cue as written
    kind: str                                  # "verb" | "according" | "as" | "naming" | "direct"
    speaker: Token | None = None               # head of the speaker's noun phrase
    attribution: set[int] = field(default_factory=set)   # cue + speaker (+ appositions) tokens
    content: tuple[int, int] | None = None     # token range of the reported clause, if parsed
    passive: bool = False

    @property
    def start(self) -> int:
        return min(self.attribution) if self.attribution else self.cue[0]

    @property
    def end(self) -> int:
        return max(self.attribution) + 1 if self.attribution else self.cue[1]


def _negated_or_hedged(v: Token) -> bool:
    for c in v.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HEDGES):
            return True
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in _NEG_HEADS:
        return True
    return v.dep_ == "xcomp" and v.head.lemma_.lower() not in ("go", "continue", "say", "tell") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _noun_phrase(head: Token) -> set[int]:
    """The tokens of the speaker's phrase: the head, its modifiers, its appositions and "who"-clauses."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in ("relcl", "acl") and c.i < head.i:
                continue
            if c.dep_ in ("conj", "cc") and t is head:
                stack.append(c)
                continue
            stack.append(c)
    return out


def _subject(v: Token) -> tuple[Token | None, bool]:
    """The speaker of a speech verb and whether the verb is passive."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    if passive:
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return obj, True
    w = v
    for _ in range(4):
        subj = next((c for c in w.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and w.dep_ == "relcl":
                return w.head, False      # "Kirill Dmitriev, who told journalists"
            return subj, False
        if w.dep_ == "relcl":
            return w.head, False
        if w.dep_ in ("conj", "xcomp", "advcl") and w.head is not w and w.head.pos_ in ("VERB", "AUX"):
            if w.dep_ == "advcl" and w.tag_ != "VBG":
                break
            w = w.head
            continue
        if w.dep_ == "pcomp" and w.tag_ == "VBG" and w.head.dep_ in ("prep", "dative") and \
                w.head.head.pos_ in ("VERB", "AUX"):
            w = w.head.head       # "have taken to calling it ...": the subject of "taken"
            continue
        break
    return None, False


def _inverted_speaker(v: Token, sent: Span, outside: Sequence[bool]) -> Token | None:
    """The noun right after an inverted verb ("…, says Sergei Markov"), from the surface."""
    k = v.i + 1
    while k < sent.end and sent.doc[k].dep_ in ("det",) or (k < sent.end and sent.doc[k].is_space):
        k += 1
    if k >= sent.end or not outside[k]:
        return None
    t = sent.doc[k]
    if t.pos_ not in ("PROPN", "NOUN", "PRON") and t.lower_ not in ("mr.", "mrs.", "ms.", "dr."):
        return None
    if t.head.i == v.i and t.dep_ in ("dobj", "dative", "attr", "oprd") or t.pos_ == "PRON" and t.lower_ not in ("he", "she"):
        return None              # "put it differently": an object, not an inverted subject
    # walk to the end of the name or noun phrase
    while k + 1 < sent.end and sent.doc[k + 1].pos_ in ("PROPN", "NOUN") and outside[k + 1] and \
            not sent.doc[k + 1].is_punct:
        k += 1
    return sent.doc[k]


def _speaker_before(v: Token, sent: Span, outside: Sequence[bool]) -> Token | None:
    """The noun right before a verb the parser left without a subject ("In Helsinki, Ilkka
    Rantanen, a retired colonel, put it ..."), skipping one apposition between commas."""
    doc = sent.doc
    k = v.i - 1
    while k >= sent.start and (doc[k].is_space or doc[k].dep_ in ("advmod", "aux", "neg") and doc[k].head.i == v.i):
        k -= 1
    if k >= sent.start and doc[k].text == ",":
        j = k - 1
        while j >= sent.start and doc[j].text != "," and outside[j] and v.i - j < 25:
            j -= 1
        if j >= sent.start and doc[j].text == ",":
            k = j - 1
    if k < sent.start or not outside[k]:
        return None
    t = doc[k]
    # "Professor Nowak of the University of Warsaw described": up from the phrase's last word
    while t.dep_ in ("pobj", "prep", "compound") and t.head.i < v.i and t.head.i != t.i and t.head.i >= sent.start:
        t = t.head
    if t.pos_ in ("PROPN", "NOUN") or t.lower_ in ("he", "she", "they", "it"):
        return t
    return None


def _span_without(head: Token, drop: set[int], sent: Span) -> tuple[int, int] | None:
    """The contiguous run of ``head``'s subtree around ``head`` that avoids ``drop``."""
    members = {t.i for t in head.subtree} - drop
    if head.i not in members:
        return None
    a = b = head.i
    while a - 1 >= sent.start and a - 1 in members:
        a -= 1
    while b + 1 < sent.end and b + 1 in members:
        b += 1
    return a, b + 1


def find_cues(sent: Span, in_quote: Sequence[int], outside: Sequence[bool] | None = None) -> list[Cue]:
    """Every speech cue of a sentence. ``in_quote[i]`` is the quote doc token ``i`` is in, or
    -1 outside quotation marks (cues inside a quote are the quoted speaker's words);
    ``outside`` (``in_quote[i] < 0``) may be passed in when it is already computed."""
    if outside is None:
        outside = [q < 0 for q in in_quote]
    doc = sent.doc
    out: list[Cue] = []
    for t in sent:
        if not outside[t.i]:
            continue
        lemma = t.lemma_.lower()
        low = t.lower_
        if low == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and t.i + 2 < sent.end:
                obj = doc[t.i + 2]
            attribution = {t.i, to.i} | ({x.i for x in obj.subtree} if obj is not None else set())
            host = t.head if t.head is not t else None
            while host is not None and host.pos_ not in ("VERB", "AUX") and host.head is not host:
                host = host.head
            if host is None or host is t:
                host = sent.root
            content = _span_without(host, attribution | {x.i for x in t.subtree}, sent) if host.i not in attribution else None
            if content is not None:
                content = _refine(doc, content, t, attribution, sent, in_quote)
            out.append(Cue(t, (t.i, t.i + 2), "according", obj, attribution, content))
            continue
        if t.pos_ not in ("VERB", "AUX") and not t.tag_.startswith("VB"):
            continue
        if t.dep_ in ("amod", "compound"):
            continue
        kind = ""
        cue_end = t.i + 1
        if lemma in SPEECH_VERBS:
            kind = "verb"
        elif lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
            kind = "verb"
            cue_end = max(c.i for c in t.children if c.dep_ == "prt") + 1
        elif lemma == "make" and any(c.lower_ == "clear" and c.dep_ in ("ccomp", "acomp", "oprd", "dobj", "advmod", "xcomp")
                                     for c in t.children):
            kind = "verb"
            clear = next(c for c in t.children if c.lower_ == "clear")
            cue_end = clear.i + 1
        elif lemma in DIRECT_VERBS:
            if lemma == "put" and not any(c.lower_ in ("as", "how") and c.dep_ in ("mark", "advmod") or
                                          c.lower_ == "it" and c.dep_ == "dobj" for c in t.children):
                continue          # "as she put it", "put it differently:", "that is how he put it"
            kind = "direct"
        elif lemma in NAMING_VERBS:
            if t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
                continue          # "a programme called ...": a name, not a statement
            if lemma == "call" and any(c.dep_ in ("prep", "prt") and c.i == t.i + 1 and
                                       c.lower_ in ("on", "for", "off", "upon", "up", "in", "back") for c in t.children):
                continue          # "called on", "called for": appeals, not quotes
            kind = "naming"
        else:
            continue
        if _negated_or_hedged(t):
            continue
        if t.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            continue              # an imperative ("note that ..."), or a bare infinitive
        speaker, passive = _subject(t)
        if speaker is None and not passive and t.dep_ in ("ROOT", "parataxis", "ccomp", "advcl", "conj"):
            speaker = _inverted_speaker(t, sent, outside) or _speaker_before(t, sent, outside)
        if speaker is not None and not speaker.text[:1].isalnum():
            speaker = _inverted_speaker(t, sent, outside) if t.dep_ in ("ROOT", "parataxis", "ccomp", "advcl", "conj") else None
        if speaker is not None and speaker.lemma_.lower() in TEXT_NOUNS:
            continue
        cue = (t.i, cue_end)
        if lemma == "tell":
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.i > t.i), None)
            if obj is not None and (obj.lemma_.lower() in AUDIENCES or obj.lower_ in AUDIENCES) and obj.i == t.i + 1:
                cue = (t.i, obj.i + 1)
        attribution = set(range(*cue))
        for c in t.children:
            if c.dep_ in ("aux", "auxpass", "prt") or (c.dep_ == "advmod" and not any(True for _ in c.children)):
                attribution.add(c.i)
            elif c.dep_ == "agent":
                attribution |= {x.i for x in c.subtree}
        if lemma == "tell":
            attribution |= {x.i for c in t.children if c.dep_ in ("dobj", "dative") for x in c.subtree}
        if speaker is not None and speaker.i != t.i:
            attribution |= _noun_phrase(speaker) if speaker.head.i == t.i or speaker.dep_ in _SUBJECTS or \
                speaker.i > t.i else {speaker.i}
            if t.dep_ == "relcl":
                attribution |= {x.i for x in speaker.subtree if x.i < t.i}
        attribution = {i for i in attribution if outside[i]}
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        if mark is not None:
            attribution.add(mark.i)
            kind = "as" if kind == "verb" else kind
        content = None
        clause = next((c for c in t.children if c.dep_ == "ccomp" and c.i not in attribution), None)
        if clause is None and lemma == "make":
            clear = next(c for c in t.children if c.lower_ == "clear")
            clause = next((c for c in clear.children if c.dep_ in ("ccomp", "advcl")), None)
        if clause is None:
            clause = _misattached_clause(t, attribution)
        if clause is not None and _question(clause):
            clause = None
        if any(c.dep_ in ("dobj", "pobj") and c.tag_ in ("WDT", "WP") for x in t.children for c in (x, *x.children)):
            continue              # "what experts had warned about": a free relative, not a statement
        if clause is not None:
            content = _span_without(clause, attribution, sent)
        elif t.dep_ in ("parataxis", "advcl", "ccomp", "conj") and t.head is not t and t.head.i not in attribution and (
                t.dep_ != "advcl" or mark is not None or t.i > t.head.i) and _set_off(doc, attribution, sent):
            content = _span_without(t.head, attribution | {x.i for x in t.subtree}, sent)
        if content is not None:
            content = _refine(doc, content, t, attribution, sent, in_quote)
        if kind == "naming":
            # the quoted name is the verb's object complement: decided against the quotes later
            content = None
        out.append(Cue(t, cue, kind, speaker, attribution, content, passive))
    # "said A, adding that B": B is a statement of its own, not part of A
    for found in out:
        if found.content is None:
            continue
        a, b = found.content
        for other in out:
            v = other.verb
            if other is not found and v.tag_ == "VBG" and v.dep_ == "advcl" and a < v.i < b and v.i > found.verb.i:
                b = min(b, other.cue[0])
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].lower_ in ("and", "but")):
            b -= 1
        found.content = (a, b) if b > a else None
    return out


def _question(clause: Token) -> bool:
    """An indirect question ("whether it would", "why Russia could not"): not reported content."""
    first = clause.left_edge
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children) or \
        first.tag_ in ("WDT", "WP", "WRB", "WP$")


def _set_off(doc: Doc, attribution: set[int], sent: Span) -> bool:
    """Whether an attribution stands apart from the clause it reports: at the sentence's edge or
    between commas or dashes ("…, he argues, because …")."""
    a, b = min(attribution), max(attribution) + 1
    while b < sent.end and doc[b].is_space:
        b += 1
    before_ok = a == sent.start or doc[a - 1].is_punct
    after_ok = b >= sent.end or doc[b].is_punct
    return before_ok and after_ok


def _misattached_clause(v: Token, attribution: set[int]) -> Token | None:
    """A "that"-clause the parser hung on a noun after the verb ("said in a post on social media
    that ...", "told reporters at the crossing that ..."): a relative clause does not take
    "that" as a conjunction (``mark``), a complement clause does."""
    stack = [c for c in v.children if c.i > v.i and c.dep_ in ("prep", "dobj", "dative", "npadvmod")]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in attribution and c.dep_ not in ("prep", "pobj"):
                continue
            if c.dep_ in ("relcl", "acl", "ccomp") and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children):
                return c
            if c.dep_ in ("prep", "pobj", "compound", "amod"):
                stack.append(c)
    return None


def _whole_quotes(span: range, start: int, in_quote: Sequence[int]) -> bool:
    """Whether every quote a token range touches opens at or after ``start`` (inside the
    clause or the range itself)."""
    quotes = {in_quote[i] for i in span if in_quote[i] >= 0}
    return start == 0 or in_quote[start - 1] not in quotes   # a quote is contiguous: it would cover start - 1


_LEAD_OK = {"ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV", "PUNCT", "SPACE", "PART", "CCONJ"}


def _refine(doc: Doc, content: tuple[int, int], verb: Token, attribution: set[int], sent: Span,
            in_quote: Sequence[int]) -> tuple[int, int] | None:
    """Trim a reported clause to the clause itself: without what belongs to the attribution
    before it ("said *on Wednesday* it would", "said *in a statement that*"), and widened to
    the end of the sentence when the parser cut a clause short ("host people *Ankara regards
    as terrorists*")."""
    a, b = content
    if a > verb.i:
        # "that" as a conjunction ends the attribution
        mark = next((i for i in range(a, b) if doc[i].lower_ == "that" and (doc[i].dep_ == "mark" or (
            i + 1 < b and doc[i + 1].pos_ not in ("VERB", "AUX"))) and all(
            doc[k].pos_ in _LEAD_OK for k in range(a, i))), None)
        if mark is not None:
            a = mark + 1
        else:
            subj = next((doc[i] for i in range(a, b) if doc[i].dep_ in ("nsubj", "nsubjpass", "expl")
                         and doc[i].head.i in range(a, b)), None)
            if subj is not None and subj.left_edge.i > a and all(
                    doc[k].pos_ in _LEAD_OK and doc[k].dep_ != "mark" for k in range(a, subj.left_edge.i)) and \
                    any(doc[k].pos_ == "ADP" for k in range(a, subj.left_edge.i)) and doc[a].pos_ in ("ADP", "ADV"):
                a = subj.left_edge.i
        # the rest of the sentence, when it holds a verb the parser hung elsewhere
        end = sent.end
        while end > b and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        rest = range(b, end)
        if rest and not any(i in attribution for i in rest) and _whole_quotes(rest, a, in_quote) and \
                any(doc[i].pos_ in ("VERB", "AUX") and in_quote[i] < 0 for i in rest):
            b = end
    while a < b and (doc[a].is_punct and doc[a].text not in "“„«‘\"" or doc[a].is_space):
        a += 1
    return (a, b) if a < b else None
