"""The event coder: who did what to whom, from a spaCy dependency parse.

For each sentence the coder (1) finds actor and agent phrases with a :class:`Lexicon`, (2) finds
trigger verbs and nouns with a :class:`VerbDictionary`, (3) picks each trigger's code from its
longest matching pattern, (4) takes the source from the subject (or the passive agent), the
target from the pattern's marker, the object or the first actor in the trigger's phrase, with
compound actors expanded, and (5) flags negation and modality. Everything it decides is kept
on the :class:`CodedEvent` so that each event can be explained.

The coder is pure: spaCy ``Span`` objects in, :class:`CodedEvent` records out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from detente.events.cameo import describe
from detente.events.lexicon import ActorEntry, AgentEntry, Lexicon, LexMatch
from detente.events.patterns import Pattern, Step, TokenForms, could_match, match_pattern
from detente.events.verbs import NounEntry, VerbDictionary, VerbEntry
from detente.events.when import resolve_when
from detente.types import Party

__all__ = ["CodedEvent", "Coder", "Party"]

_VALID_CODE = re.compile(r"^\d{2,4}[A-Z]?$")
CONVENTIONS = frozenset({"detente", "petrarch"})
#: CAMEO codes whose parties act together: consult, phone, meet, negotiate, sign an agreement, restore ties
MUTUAL_CODES = frozenset({"040", "041", "044", "046", "057", "062"})
#: of those, the ones that are mutual only with a compound subject or a "with"/"between" partner
#: ("Turkey's parliament ratified Sweden's bid" is not mutual; "signed a deal with Kyiv" is;
#: "held drills with Iran" is, "fought alongside Russian troops" is not)
_MUTUAL_WITH_PARTNER = frozenset({"057", "062"})
#: of those, acts done by all their parties together: "joint drills with Russia and China" are
#: one exercise of all three (each pair cooperates), unlike "talks with A and B"
_DONE_TOGETHER = frozenset({"062"})
_INTENT_NOUNS = {"bid", "plan", "attempt", "proposal", "decision", "offer", "effort", "move", "push", "call",
                 "demand", "request", "threat", "warning", "pledge", "promise", "vow", "readiness", "willingness",
                 "right", "chance", "opportunity", "need", "ability", "intention", "aim", "goal", "hope", "wish",
                 "ambition", "bill", "resolution", "law", "order", "mandate", "idea", "option", "deadline"}
_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "during", "on"}
_HIDDEN_CLAUSES = {"relcl", "appos", "advcl", "parataxis", "acl"}
#: intents that a compound subject shares ("Israel and Lebanon agreed to a ceasefire for the south")
_JOINT_INTENTS = frozenset({"030", "0356", "036"})
_MODALS = {"could", "would", "may", "might", "should", "can", "will", "shall", "must", "'ll", "wo", "ca"}
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
_NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "deny", "avoid", "stop", "cease", "halt", "resist",
                   "oppose", "rule", "balk", "block", "prevent", "forbid", "veto", "bar", "ban", "prohibit", "deter",
                   "dissuade", "discourage"}
_HYPOTHETICAL_HEADS = {"plan", "intend", "want", "hope", "seek", "aim", "expect", "propose", "offer", "threaten",
                       "consider", "prepare", "try", "attempt", "wish", "promise", "pledge", "vow", "agree",
                       "urge", "ask", "call", "demand", "suggest", "set", "likely", "able", "ready", "willing",
                       "due", "about", "need", "push", "press", "warn", "invite", "commit", "oblige", "obligate",
                       "require", "bind", "encourage", "nudge", "prod", "spur", "pressure", "lobby", "implore",
                       "exhort", "undertake", "authorize", "authorise", "empower", "mandate", "order", "instruct",
                       "command", "appeal", "insist"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
#: verbs of telling: negated or refused above a reported act, they leave it unconfirmed, not
#: undone ("refused to confirm that it had carried out strikes", "did not say whether X met Y")
_TELLING = frozenset({"confirm", "say", "comment", "disclose", "reveal", "verify", "specify", "elaborate",
                      "acknowledge", "tell"})
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_SKIP_IN_NP = {"relcl", "acl", "advcl", "appos", "ccomp", "xcomp", "punct", "cc", "parataxis", "dep", "mark"}
_NP_PREPS = {"of", "in", "from", "at", "including"}
#: prepositions that place a clause in time ("after a ceasefire", "since the talks")
_WHEN_PREPS = frozenset({"after", "before", "since", "until", "following", "amid", "despite"})
#: entity types whose words are names, not pattern words
_NAMED_ENTITIES = frozenset({"EVENT", "WORK_OF_ART"})
_NAMED_ENTITY_IDS = [get_string_id(label) for label in sorted(_NAMED_ENTITIES)]
#: tags and entity types compared on the view's hashes
_TAG = {tag: get_string_id(tag) for tag in ("VBD", "VBG", "VBN", "VBP", "VBZ", "MD")}
_FINITE_TAGS = frozenset({_TAG["VBP"], _TAG["VBZ"], _TAG["VBD"]})
_DATE = get_string_id("DATE")
_NO_FORMS: frozenset[str] = frozenset()
#: the Penn Treebank's verb tags (hashes)
_VERB_TAGS = [get_string_id(tag) for tag in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")]
#: root codes of force: their "on"/"against" objects are targets, even places
_FORCE = frozenset({"18", "19", "20"})
#: root codes of verbs whose object noun is an event wanted or refused, not one that happened
#: (of an appeal or demand, only talks and meetings: "demanded an apology" is the demand alone)
_WANTING = frozenset({"02", "10", "12"})
# "notified the United Nations that it would leave the WHO": telling someone a clause is a statement
_NOTIFYING = frozenset({"inform", "notify"})
# "sent troops to help secure the border": helping to do something, with no one helped, is that act
_HELPING = frozenset({"help", "assist"})
# "sentenced him for refusing to testify", "fined the company for breaking sanctions": the reason is no act
_PUNISHING = frozenset({"sentence", "convict", "jail", "imprison", "fine", "punish", "arrest", "detain",
                        "prosecute", "indict", "penalise", "penalize", "expel", "sanction"})
# "cancelled his visit", "called off the summit": the cancelled act's code (a visit or a meeting)
_CANCELLING = frozenset({"cancel", "postpone", "scrap", "call"})
_CANCELLED = {"visit": "042", "trip": "042", "tour": "042", "meeting": "040", "summit": "040",
              "conference": "040"}
# "accused Qatar of supporting terrorism": what an accusation alleges is its content, not an event
_ACCUSING = frozenset({"accuse", "blame", "condemn", "criticise", "criticize", "charge", "denounce", "fault",
                       "suspect", "castigate", "rebuke", "slam"})
# "a ceasefire brokered by the United States", "talks hosted by Malaysia", "with Oman's minister
# shuttling between the delegations": a third party who mediates (045) or hosts (043) the parties' act
_MEDIATING = {"broker": "045", "mediate": "045", "shuttle": "045", "facilitate": "045", "host": "043:042",
              "negotiate": "045"}
# verbs of leaving: they cut ties (166) only with an organisation ("Burundi quit the ICC")
_LEAVING = frozenset({"quit", "exit", "leave", "abandon"})
# verbs that name an act, and the names that accuse its doer ("called the raid a massacre": 111)
_NAMING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "characterize", "characterise"})
_CRIMES = frozenset({"massacre", "invasion", "aggression", "genocide", "crime", "crimes", "terrorism", "terror",
                     "provocation", "coup", "atrocity", "atrocities", "violation", "betrayal", "blackmail",
                     "piracy", "occupation", "interference", "meddling", "sabotage", "cleansing", "murder",
                     "assassination", "war", "annexation", "kidnapping", "hijacking", "extortion", "slaughter"})
# verbs whose "that" clause in the subjunctive is a demand ("insisted that X allow ...")
_INSISTING = frozenset({"insist"})
# decisions and plans whose act is undone when the decision is reversed, rescinded or dropped
_DECISIONS = frozenset({"decision", "plan", "order", "move"})
_REVERSING = frozenset({"reverse", "overturn", "rescind", "revoke", "scrap", "abandon", "drop", "shelve",
                        "cancel", "retract", "undo"})
# objects of a gerund that stand for the main clause's object ("after imposing it")
_ANTECEDENT_PRONOUNS = frozenset({"it", "them"})
# "African Union-led talks", "U.S.-brokered": participles that name a mediator in a hyphenated
# modifier; "led" and "sponsored" only of talks
_LED = frozenset({"lead", "sponsor"})
_MEDIATED_SUFFIXES = ("-brokered", "-mediated", "-led", "-sponsored")
_MEDIATED_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue", "mediation",
                             "process", "summit", "conference", "meeting"})
_COOPERATIVE = frozenset({"03", "04", "05", "06"})
# verbs whose object may be a visitor ("welcomed Li at the Kremlin", "received him"): a visit only
# when the object names an actor or a visiting party
_HOSTING = frozenset({"welcome", "greet", "receive"})
_VISITORS = frozenset({"delegation", "delegations", "envoy", "envoys", "visitor", "visitors", "guest", "guests",
                       "counterpart", "counterparts"})
# "drew condemnation from China", "sparked protests from Seoul": a reaction drawn from someone
_DRAWING = frozenset({"draw", "attract", "earn", "provoke", "prompt", "spark", "trigger", "elicit", "invite"})
_REACTIONS = frozenset({"11", "12", "13", "14"})
#: verbs of using or holding a thing: "facilities used by Iranian forces" are theirs
_USING = frozenset({"use", "run", "operate", "hold", "control", "occupy", "own", "man", "staff", "house"})
#: codes of nominal events whose "of" object picks the code as the verb's object does ("a boycott of the summit")
_OBJECT_CODED = frozenset({"143"})
#: codes of nominal bans whose "on" object picks the code ("a ban on Ukrainian grain" is an embargo)
_BANS = frozenset({"172"})
#: root codes of acts done for or to others, never among a compound subject unless it says so
#: ("Spanish and British teams helped search for survivors" is no aid to each other)
_ONE_WAY = frozenset({"07"})
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# "the two sides", "both leaders": the last two countries named
_PAIR_NOUNS = frozenset({"side", "leader", "country", "government", "nation", "delegation", "president", "party",
                         "capital", "neighbour", "neighbor", "foe", "rival", "ally", "adversary"})
_PAIR_WORDS = frozenset({"two", "both"})
#: "its ally", "his counterpart": nouns whose owner is not the party they name
_RELATIONAL = frozenset({"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary",
                         "counterpart", "opponent", "critic", "backer", "patron", "proxy"})
#: "his country", "her government": the owner's state, a party also as an object
_STATE_NOUNS = frozenset({"country", "nation", "government", "administration"})
# a state's internal agents: acting on a bare group ("protesters"), they act on their own people
_DOMESTIC = frozenset({"COP", "JUD", "GOV", "LEG", "SPY"})
#: prepositions whose phrase says when: their actors are no target of the verb
_TIME_PREPS = _WHEN_PREPS | {"within", "during"}
#: "the anniversary of the invasion": a date named by an event, not the event's actors
_TIME_NOUNS = frozenset({"anniversary", "eve", "aftermath", "wake", "outbreak", "start", "beginning", "end"})
#: nouns whose "of X" names a place ("the streets of Tbilisi")
_PLACE_NOUNS = frozenset({"street", "streets", "outskirts", "suburb", "suburbs", "centre", "center", "heart",
                          "square", "capital", "city", "town", "village", "port", "province", "region", "district",
                          "coast", "shores", "north", "south", "east", "west", "northeast", "northwest",
                          "southeast", "southwest", "part", "parts", "area", "areas"})
#: a country's people and its civil society, who protest against or appeal to their own state
_POPULAR = frozenset({"OPP", "EDU", "LAB", "AGR", "CVL", "BUS", "MED", "HLH", "REF", "NGO"})
# "on the sidelines of the G7 summit": the summit is where it happened, not a meeting of these parties
_SETTINGS = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})
#: "responsibility for", "a role in" an act: who claims or denies them is its source
_OWNING = frozenset({"responsibility", "role", "involvement", "part", "hand", "complicity", "blame"})
#: verbs that say an act was not done by their subject
_DENYING = frozenset({"deny", "reject", "dismiss", "disclaim", "disavow", "refute"})
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
             "it": "group", "they": "any", "them": "any", "its": "group", "his": "person", "their": "any"}
_LOCATION_KINDS = {"metonym", "city"}
#: actors whose own code says more than a country named with them: "Lebanon's Hezbollah",
#: "Iran's Revolutionary Guards" (a non-state group, a state body)
_OWN_CODED = frozenset({"group", "body"})
#: "the Dnipro River", "Lake Kivu": a city's name in a feature's name is no city
_FEATURES = frozenset({"river", "lake", "sea", "bay", "gulf", "strait", "canal", "dam", "valley", "mountains",
                       "airport", "oblast"})
_CONTROL_VERBS = {"urge", "ask", "call", "tell", "order", "force", "invite", "press", "push", "encourage",
                  "persuade", "allow", "help", "commit", "oblige", "obligate", "require", "bind", "nudge", "prod",
                  "spur", "prompt", "pressure", "lobby", "implore", "exhort", "compel", "lead", "drive", "cause",
                  "coerce", "trick", "goad", "cajole", "authorize", "authorise", "empower", "mandate", "appeal"}
#: verbs of a purpose clause whose object is who an act is for ("pledged aid to help Ukraine ...") or
#: against ("imposed tariffs to pressure Mexico"), by the root codes of the acts they may say that of
_PURPOSE_VERBS = {
    **dict.fromkeys(("03", "07"), frozenset({"help", "assist", "support", "aid", "enable"})),
    **dict.fromkeys(("15", "16", "17"), frozenset({"pressure", "press", "push", "force", "compel", "deter", "dissuade",
                                                   "coerce"})),
}
#: subordinators before a bare passive participle ("if attacked", "when asked")
_PARTICIPLE_MARKS = frozenset({"if", "when", "unless", "once", "until", "while", "though", "although"})
#: participles that say whom an act is aimed at
_AIMING = frozenset({"aim", "aimed", "direct", "directed"})
#: verbs of ordering someone to act (a demand when no pattern says more; another state's or
#: organisation's act only: a state's own forces ordered to act name no other party, see _emit)
_ORDERING = frozenset({"order", "instruct", "direct", "command"})
#: prepositions that, fronted before the subject, name whom an act of these root codes is aimed at
_FRONTED = {"against": frozenset({"11", "12", "13", "14", "16", "17", "18", "19", "20"}),
            "for": frozenset({"03", "05", "06", "07"})}
#: verbs of appealing that take a "for X to" clause ("called for Israel to allow aid in")
_APPEALING = frozenset({"call", "press", "push", "appeal", "lobby"})
#: verbs of authorising someone to act
_AUTHORISING = frozenset({"authorize", "authorise", "empower", "mandate"})
#: verbs of vowing: a vow of force is a threat (138)
_VOWING = frozenset({"pledge", "promise", "vow", "swear"})
#: verbs of capturing: a person captured is arrested (173), not territory taken (192)
_CAPTURING = frozenset({"capture", "recapture", "nab"})
_PERSON_OBJECTS = frozenset({"him", "her"})
#: participles of saying, accusing or appealing: trailing a reported clause, the reporter's acts
_SPEAKING_PARTICIPLES = _ACCUSING | {"say", "call", "urge", "warn", "insist", "demand", "deny", "vow", "threaten",
                                     "accuse", "blame", "add", "describe", "dismiss", "reject", "promise", "pledge"}
#: verbs of calling one's own envoy home ("recalled its ambassador from Algiers")
_RECALLING = frozenset({"recall", "withdraw", "pull"})
#: verbs of causing a reaction ("..., prompting Japan to lodge a protest"): their subject is what is reacted to
_PROMPTING = frozenset({"prompt", "lead", "drive", "cause", "provoke"})
#: verbs of pressing that, as a trailing participle, say what an act caused ("sanctioned two firms,
#: spurring Washington to protest"), not what someone asked for
_CAUSAL_PARTICIPLES = frozenset({"spur", "push"})
#: verbs that keep their object from an act ("blocked Russia from attending"): the object is its subject
_BLOCKING = frozenset({"block", "prevent", "stop", "bar", "ban", "prohibit", "deter", "dissuade", "discourage",
                       "keep", "restrain"})


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """An event coded from one sentence, with the evidence to explain it."""

    source: tuple[Party, ...]
    target: tuple[Party, ...]
    cameo: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    negated: bool = False
    hypothetical: bool = False
    date: dt.date | None = None
    rule: str = ""
    symmetric: bool = False

    def pairs(self) -> list[tuple[str, str]]:
        """(source code, target code) pairs this event states, self-pairs dropped."""
        targets = [t.code for t in self.target] or [""]
        out: list[tuple[str, str]] = []
        for s in self.source or ():
            for t in targets:
                if s.code != t and (s.code, t) not in out:
                    out.append((s.code, t))
        return out


class _Strings(dict):
    """Strings of a :class:`StringStore`'s hashes (or of any keys), each made once by ``make``."""

    def __init__(self, make: Callable[[int], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: int) -> Any:
        got = self[key] = self.make(key)
        return got


class _Texts:
    """Token texts by position, each read from its hash when asked for (most are never needed)."""

    __slots__ = ("orth", "text")

    def __init__(self, orth: list[int], text: Callable[[int], str]) -> None:
        self.orth, self.text = orth, text

    def __len__(self) -> int:
        return len(self.orth)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return list(map(self.text, self.orth[key]))
        return self.text(self.orth[key])


@dataclass(slots=True)
class _DocView:
    """Per-token strings of one document, indexed by token position."""

    doc: Doc
    lowers: list[str]
    texts: _Texts
    lemmas: list[str]
    poses: list[str]
    starts: list[int]
    spaces: list[int]     # whether a space follows the token
    named: list[bool]     # inside a named event, law, work or date ("World War Two", "the Minsk agreements")
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)     # tags' hashes (``_TAG``)
    ents: list[int] = field(default_factory=list)     # named-entity types' hashes (0 outside one)
    kids: dict[int, list[int]] = field(default_factory=dict)   # token -> its children, in order
    order: list[int] = field(default_factory=list)          # the tokens of the sentences walked so far
    subtrees: dict[int, tuple[int, int]] = field(default_factory=dict)   # token -> its slice of ``order``
    verbal: list[int] = field(default_factory=list)     # tokens tagged as verbs
    nominal: list[int] = field(default_factory=list)    # tokens tagged as nouns
    #: tokens that may trigger: verbs with an entry, nouns that head a noun entry (filled by the coder)
    verbs: list[int] = field(default_factory=list)
    nouns: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, strings: dict[str, _Strings]) -> _DocView:
        """``strings``: the coder's caches of strings by hash (lower case, as written, parts of
        speech, named-entity types), kept across documents: most words recur."""
        n = len(doc)
        if not n:
            return cls(doc, [], _Texts([], str), [], [], [], [], [])
        # (the lower case is read from the text's hash: it is the text lowered)
        array = doc.to_array([ORTH, LEMMA, POS, TAG, IDX, ENT_TYPE, SPACY, DEP, HEAD])
        heads = (array[:, 8].view("int64") + numpy.arange(n, dtype="int64")).tolist()
        orth, lemma, part, tag, idx, ent, space, dep = array[:, :8].T.tolist()
        text = strings["text"].__getitem__
        lowered = strings["lower"].__getitem__
        types = array[:, 5]
        named = (types == _NAMED_ENTITY_IDS[0])
        for label in _NAMED_ENTITY_IDS[1:]:
            named |= types == label
        named = named.tolist()
        view = cls(doc, list(map(lowered, orth)), _Texts(orth, text), list(map(lowered, lemma)),
                   list(map(strings["pos"].__getitem__, part)), idx, space, named,
                   heads, list(map(text, dep)), tag, ent)
        kids = view.kids
        for i, h in enumerate(heads):
            if h != i:
                if h in kids:
                    kids[h].append(i)
                else:
                    kids[h] = [i]
        # verb- and noun-like tokens, found on the arrays
        pos, tags = array[:, 2], array[:, 3]
        verbal = (pos == VERB) | (pos == AUX)
        for tag in _VERB_TAGS:
            verbal |= tags == tag
        view.verbal = numpy.flatnonzero(verbal).tolist()
        view.nominal = numpy.flatnonzero(((pos == NOUN) | (pos == PROPN)) & ~verbal).tolist()
        return view

    def walk(self, first: int, last: int) -> None:
        """Walk the trees of tokens ``first`` to ``last`` (a sentence), once, for :meth:`subtree`."""
        if first in self.subtrees:
            return
        kids = self.kids
        heads = self.heads
        for i in range(first, last):
            if heads[i] == i or not first <= heads[i] < last:
                self._walk(i, kids)

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and its descendants, in ``Token.subtree``'s order: a slice of the walk of
        its sentence (:meth:`walk` first)."""
        a, b = self.subtrees[i]
        return self.order[a:b]

    def _walk(self, i: int, kids: dict[int, list[int]]) -> None:
        order, subtrees = self.order, self.subtrees
        start = len(order)
        placed = False
        for kid in kids.get(i, ()):
            if not placed and kid > i:
                order.append(i)
                placed = True
            if kid in kids:
                self._walk(kid, kids)
            else:    # a leaf, placed here (most tokens are: a call each would cost more than the walk)
                subtrees[kid] = (len(order), len(order) + 1)
                order.append(kid)
        if not placed:
            order.append(i)
        subtrees[i] = (start, len(order))


#: the caches of strings by hash of the last StringStore seen (one reference, swapped whole)
_strings: tuple[object, dict[str, _Strings]] = (None, {})
#: the view of the last document coded (one reference, swapped whole)
_last_view: _DocView | None = None


def _strings_of(doc: Doc) -> dict[str, _Strings]:
    """Caches of strings by hash (lower case, as written, tags, named types) for ``doc``'s
    vocabulary, kept across documents: most words recur."""
    global _strings
    vocab = doc.vocab.strings
    if _strings[0] is not vocab:
        _strings = (vocab, {
            "lower": _Strings(lambda h: vocab[h].lower().replace("\u2019", "'")),
            "text": _Strings(lambda h: vocab[h]),
            "pos": _Strings(lambda h: vocab[h] if h else ""),
            "blank": _Strings(lambda h: vocab[h].isspace()),
        })
    return _strings[1]


def _view_of(doc: Doc) -> _DocView:
    """The view of ``doc`` for the functions of tokens: the coder's, when it is coding ``doc``."""
    global _last_view
    view = _last_view
    if view is None or view.doc is not doc:
        view = _last_view = _DocView.of(doc, _strings_of(doc))
    return view


@dataclass(slots=True)
class _Sentence:
    """Per-sentence working state."""

    span: Span
    day: dt.date | None
    matches: list[LexMatch]
    at: dict[int, LexMatch]          # token index (doc) -> match covering it
    memory: list[Party] = field(default_factory=list)
    agent_tokens: set[int] = field(default_factory=set)
    forms: dict[int, frozenset[str]] | None = None
    words: set[str] | None = None
    #: per token of the sentence (index - span.start): lower-case text, lemma, character span
    lowers: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    named: list[bool] = field(default_factory=list)
    view: _DocView | None = None
    groups: dict[int, list[Party]] = field(default_factory=dict)   # token -> the parties its phrase names
    resolving: set[int] = field(default_factory=set)    # pronouns being resolved (no loop back through them)


class Coder:
    """Codes parsed sentences with one verb dictionary and one actor lexicon.

    ``require_dyad`` drops events without both a source and a target (PETRARCH's default);
    with it off, a missing side is coded ``---``. ``agentless_passive`` says what the subject of
    a passive without a "by" agent is: its ``target`` ("Kyiv was shelled": Kyiv suffered it),
    or, as PETRARCH codes it, its ``source``. ``discards`` are token phrases whose presence
    stops a sentence from being coded (sports results, weather). ``new_actor_length`` (PETRARCH
    conventions only) codes a short uncoded source or target phrase as its own quoted actor.
    """

    def __init__(self, verbs: VerbDictionary, lexicon: Lexicon, *, discards: Iterable[tuple[str, ...]] = (),
                 conventions: str = "detente", require_dyad: bool | None = None, name: str = "detente",
                 new_actor_length: int = 0) -> None:
        if conventions not in CONVENTIONS:
            raise ValueError(f"conventions must be one of {sorted(CONVENTIONS)}")
        petrarch = conventions == "petrarch"
        self.conventions = conventions
        #: the subject of a passive without a "by" agent: its target (ours) or source (PETRARCH)
        self.agentless_passive = "source" if petrarch else "target"
        #: keep sector nouns with no country as parties (``---GOV``), as PETRARCH does
        self.bare_agents = petrarch
        #: emit both halves of a paired code (``042:043``); ours keeps the first (PLOVER counts one visit)
        self.both_paired = petrarch
        #: "in Riyadh", "at the UN" name where a non-violent event happened, not its target
        self.locations = not petrarch
        #: codes whose parties act together (talks, meetings, agreements): every party on both sides
        self.mutual_codes = frozenset() if petrarch else MUTUAL_CODES
        #: PETRARCH nests an event of an adverbial clause ("after crowds burned its embassy") in
        #: the event of the verb the clause modifies instead of coding it on its own
        self.nest_adverbial = petrarch
        #: PETRARCH codes only dyads; ours keeps events with a source and no target named
        self.require_dyad = petrarch if require_dyad is None else require_dyad
        #: PETRARCH's ``new_actor_length``: a source or target phrase of at most this many words
        #: that names no actor and no agent is its own actor, quoted (``"THE MINISTRY OF MAGIC"``);
        #: 0 turns it off. Only with PETRARCH's conventions.
        self.new_actor_length = max(0, new_actor_length) if petrarch else 0
        self.verbs = verbs
        self.lexicon = lexicon
        #: last words of names several people share ("abdullah"): only then is a choice looked for
        self._choosy = frozenset(getattr(lexicon, "choosy", ()))
        self.discards = tuple(discards)
        self._discards_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.discards:
            if phrase:
                self._discards_by_first.setdefault(phrase[0], []).append(phrase)
        self.name = name
        self._last_view: _DocView | None = None
        self._forms = _Strings(frozenset)   # a token's words for patterns (its lower case and lemma), made once
        self._triggers: dict[tuple[str, str], bool] = {}   # (lower, lemma) -> whether a verb entry may fire

    def __repr__(self) -> str:
        return f"<Coder {self.name}: {self.verbs!r}, {self.lexicon!r}>"

    # ----------------------------------------------------------------------------- entry points

    def code_doc(self, doc: Doc, day: dt.date | None = None) -> list[CodedEvent]:
        """Code every sentence of a parsed document; pronouns reach back within a paragraph."""
        out: list[CodedEvent] = []
        memory: list[Party] = []
        # a paragraph break is a newline between two sentences' words: whitespace is a token of
        # its own there (read from the view, not ``Doc.text``, which makes every token)
        view = self._view(doc)
        texts, orth, blank = view.texts, view.texts.orth, _strings_of(doc)["blank"]
        last = -1     # the previous sentence's last word
        for sent in doc.sents:
            start, end = sent.start, sent.end
            first = start
            while first < end and blank[orth[first]]:
                first += 1
            if first == end:
                continue
            if first > last + 1 and any("\n" in texts[i] for i in range(last + 1, first)):
                memory = []
            out.extend(self.code_sentence(sent, day, memory))
            last = end - 1
            while blank[orth[last]]:
                last -= 1
        return out

    def _view(self, doc: Doc) -> _DocView:
        """Token strings of ``doc`` as plain lists, read once through ``Doc.to_array`` (the last
        document's view is kept: sentences of one document are coded in a row)."""
        global _last_view, _last_starts
        cached = self._last_view
        if cached is not None and cached.doc is doc:
            _last_view = cached
            return cached
        view = _DocView.of(doc, _strings_of(doc))
        _last_view = view                    # for the functions of tokens (:func:`_view_of`)
        _last_starts = (doc, view.starts)    # for :func:`_token_at`
        known = self._triggers
        lowers, lemmas = view.lowers, view.lemmas
        for i in view.verbal:
            has = known.get((lowers[i], lemmas[i]))
            if has is None:
                # a lemma with a curly apostrophe is read as written by the verb step: keep it
                has = known[(lowers[i], lemmas[i])] = bool(self.verbs.verbs_for(lowers[i], lemmas[i])) or "'" in lemmas[i]
            if has:
                view.verbs.append(i)
        heads = self.verbs.nouns_by_head
        view.nouns = [i for i in view.nominal if lemmas[i] in heads or lowers[i] in heads]
        self._last_view = view
        return view

    def candidate(self, lowers: Sequence[str]) -> bool:
        """Whether a tokenised sentence can hold an event: it names an actor, an agent or a
        person-like pronoun or "two"/"both" (which may stand for actors named earlier). Needs no parse.
        With ``new_actor_length`` any sentence may: its noun phrases can be actors themselves."""
        if self.new_actor_length:
            return True
        return bool(self.lexicon.scan(lowers)) or any(w in _PRONOUNS or w in _PAIR_WORDS for w in lowers)

    def code_sentence(self, sent: Span, day: dt.date | None = None,
                      memory: list[Party] | None = None) -> list[CodedEvent]:
        """Code one parsed sentence. ``memory`` holds the paragraph's earlier actors (updated)."""
        memory = [] if memory is None else memory
        view = self._view(sent.doc)
        first, last = sent.start, sent.end
        lowers = view.lowers[first:last]
        sport = bool(self._discards_by_first) and _has_phrase(lowers, self._discards_by_first)
        if not sport and self._discards_by_first and self.verbs.lemma_mode:
            # (with the discards: a sports result is sport as a discard phrase is)
            sport = _sports_result(view, first, last)
        if sport and (not self.verbs.lemma_mode or _BOYCOTTS.isdisjoint(lowers)):
            return []
        matches = self.lexicon.scan(lowers, _Texts(view.texts.orth[first:last], view.texts.text), first)
        if not matches and not self.new_actor_length and _PRONOUNS.keys().isdisjoint(lowers) and \
                _PAIR_WORDS.isdisjoint(lowers):
            return []    # no actor, agent, pronoun or "the two sides": no event can have a party
        if matches:
            matches = [m for m in matches if not (isinstance(m.entry, ActorEntry) and m.entry.kind == "city" and (
                (m.end < last and view.lowers[m.end] in _FEATURES)
                or (m.start > first and view.lowers[m.start - 1] in _FEATURES)))]
        if self.bare_agents and self.lexicon.gapped:
            matches = _gapped_matches(matches, sent, view.lowers, self.lexicon.gapped)
        if matches and self.verbs.lemma_mode:
            # "to press Moscow", "to guard the border": a sector's word used as a verb names no one
            matches = [m for m in matches if not (isinstance(m.entry, AgentEntry) and m.end - m.start == 1
                                                  and view.poses[m.start] == "VERB")]
            ends = {m.end for m in matches}
            matches = [m for m in matches if not (isinstance(m.entry, ActorEntry) and m.entry.kind == "person"
                                                  and m.start > first and m.start not in ends
                                                  and _other_given_name(sent.doc[m.start - 1], m, m.entry.name))]
        if self._choosy and not self._choosy.isdisjoint(lowers):
            matches = self._choose_people(matches, sent, day, memory)
        if not memory and not self.bare_agents and not self.new_actor_length and \
                not any(isinstance(m.entry, ActorEntry) for m in matches):
            return []    # sectors alone ("police", "troops") with no country named here or before: no party
        at = {i: m for m in matches for i in range(m.start, m.end)}
        st = _Sentence(sent, day, matches, at, memory,
                       {i for m in matches if isinstance(m.entry, AgentEntry) for i in range(m.start, m.end)},
                       lowers=lowers, lemmas=view.lemmas[first:last], named=view.named[first:last],
                       view=view)
        if not self.bare_agents:
            self._resolve_references(st)    # "the country", "its own soldiers": their actors, before any lookup
        events: list[CodedEvent] = []
        consumed: dict[int, str] = {}     # token -> code of the verb pattern that used it
        doc = sent.doc
        for i in view.verbs[bisect_left(view.verbs, first):bisect_left(view.verbs, last)]:
            if i not in at:
                events.extend(self._code_verb(st, doc[i], consumed))
        if self.verbs.nouns:
            for i in view.nouns[bisect_left(view.nouns, first):bisect_left(view.nouns, last)]:
                if i in at:
                    continue
                wanted = consumed.get(i)
                if wanted is not None and wanted[:2] not in _WANTING:
                    continue
                k = i - first
                before = lowers[max(0, k - 3):k]
                entry = self.verbs.noun_for(before, st.lemmas[k]) or self.verbs.noun_for(before, lowers[k])
                if k and view.deps[i - 1] in ("amod", "compound") and view.heads[i - 1] == i:
                    # "joint naval exercises": a modifier inside a named form ("joint exercises")
                    inner = lowers[max(0, k - 4):k - 1]
                    alt = self.verbs.noun_for(inner, st.lemmas[k]) or self.verbs.noun_for(inner, lowers[k])
                    if alt is not None and alt is not entry and alt is not (
                            self.verbs.noun_for([], st.lemmas[k]) or self.verbs.noun_for([], lowers[k])):
                        entry = alt
                if entry is not None and wanted is not None and wanted[:2] in ("02", "10") and entry.code[:2] != "04":
                    entry = None    # "demanded an apology", "demanded the withdrawal of its troops": the demand only
                if entry is not None:
                    before_noun = events[:]
                    # "fired missiles at Taiwan as it began drills around the island": the object of a
                    # clause with a subject of its own ("... and reimposed sanctions": a coordinated
                    # verb shares one) is an act of its own, not a restatement of an act of another clause
                    head = doc[i].head
                    own_clause = doc[i].dep_ in ("dobj", "obj") and head.lemma_.lower() not in _NAMING and \
                        (any(c.dep_ == "nsubj" for c in head.children) or (head.dep_ == "conj" and head.pos_ == "VERB"))
                    for e in self._code_noun(st, doc[i], entry, wanted is not None):
                        j = _restated(e, before_noun)
                        if j is not None and own_clause:
                            other = _token_at(doc, events[j].trigger_start)
                            other_clause = _clause_verb(other) if other is not None else None
                            if other_clause is None or other_clause.i != head.i:
                                j = None
                        if j is None:
                            events.append(e)
                        else:
                            # "arrived in Vladivostok for a summit with Putin": the summit names the government
                            events[j] = _sharpened(events[j], e)
        if events and not _CANCELLING.isdisjoint(st.lemmas):
            events = _cancelled_acts(events, sent)
            if self.verbs.lemma_mode and not self.bare_agents:
                events = self._called_off_attacks(events, sent)
                events = self._cancelled_visitor(st, events)
        if self.nest_adverbial:
            events = _drop_adverbial(events, sent)
        if events and self.verbs.lemma_mode and not self.bare_agents and not _REPEATING.isdisjoint(lowers):
            events.extend(self._repeated(st, events))
        if not self.bare_agents:
            strip: list[tuple[set[int], set[str]]] = []
            events.extend(self._mediators(st, strip))
            if not _NAMING_VERBS.isdisjoint(st.lemmas):
                events.extend(self._named_as_crime(st, events))
            if any(e.cameo[:2] == "11" and not e.target for e in events):
                events = _referred_act_targets(events, sent)
            if strip:
                events = _strip_mediators(events, strip)
            events = _inherit_targets(events, sent)
            if not _RETALIATING.isdisjoint(st.lemmas):
                events = _retaliation_targets(events, sent)
            events = self._partner_from_conjunct(events, sent)
            events = _drop_participial_restatements(events, sent)
            events = _drop_toll_verbs(events, sent)
            events = [e for e in events if e.target or not _restated_with_target(e, events, sent)]
        if sport:
            # "a diplomatic boycott of the Beijing Olympics": of a sports sentence, only a boycott
            events = [e for e in events if e.trigger.lower() in _BOYCOTTS and e.cameo[:2] == "16"]
        # remember this sentence's actors for pronouns in the next ones
        for m in matches:
            if isinstance(m.entry, ActorEntry):
                for code in m.entry.codes_on(day):
                    memory.append(self._party(st, m, code))
        return events

    # ------------------------------------------------------------------------------------ verbs

    def _code_verb(self, st: _Sentence, verb: Token, consumed: dict[int, str]) -> list[CodedEvent]:
        lower, lemma = st.view.lowers[verb.i], verb.lemma_.lower()
        entries = self.verbs.verbs_for(lower, lemma)
        if not entries:
            return []
        doc = verb.doc
        fitting = [e for e in entries if not (e.before or e.after) or _fits_multiword(st.view.lowers, verb.i, e)]
        if not fitting:
            return []
        entry = fitting[0] if len(fitting) == 1 else max(fitting, key=lambda e: len(e.before) + len(e.after))
        if _MEDIATING.get(lemma) == "045" and verb.dep_ == "acl" and verb.tag_ == "VBN" and self.verbs.lemma_mode and \
                not self.bare_agents and any(c.dep_ == "agent" for c in verb.children):
            return []    # "a truce brokered by Turkey between Sudan and Chad": the mediator pass codes Turkey's 045
        if st.words is None:
            st.words = {*st.lowers, *st.lemmas}
        if self.verbs.lemma_mode and not _ALLEGING.isdisjoint(st.words):
            alleged = self._alleged(st, verb)
            if alleged is not None:
                # "charged that Israel had attacked its consulate", "alleged that Iran was arming
                # the rebels", "claimed Guyana was provoking a conflict": an accusation of the
                # clause's subject; what it alleges is its content, not an event
                content, target = alleged
                if content is not verb:
                    return []
                source = self._subject_parties(st, verb)
                rule = f"{self.verbs.name}: allegation [112]"
                return self._emit(st, "112", source, target, doc[verb.i:verb.i + 1], _negated(verb, None),
                                  _hypothetical(verb), self._when(verb, st.day), rule, False)
        hopeful = entry.hopeful(st.words)
        # "the court ordered Israel to halt its offensive", "authorised Putin to use force": a demand
        # of, or backing for, the one told to act, when no pattern says more
        directive = None
        if entry.code == "---" and self.verbs.lemma_mode and (lemma in _ORDERING or lemma in _AUTHORISING) and any(
                c.dep_ == "xcomp" for c in verb.children) and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            directive = "020" if lemma in _ORDERING else "051"
        elif entry.code == "---" and self.verbs.lemma_mode and lemma in _INSISTING and _mandated(verb) is not None:
            directive = "100"   # "insisted that Poland allow the inspectors in": a demand of the clause's subject
        elif entry.code == "---" and self.verbs.lemma_mode and lemma in _APPEALING and _for_clause(verb) is not None:
            directive = "020"   # "called for Israel to allow aid in": an appeal to the clause's subject
        elif entry.code == "---" and self.verbs.lemma_mode and lemma == "offer" and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
            directive = "030"   # "offered to host talks between Russia and Ukraine": an intent to do it
        if entry.code == "---" and directive is None and (not hopeful or not self._within_reach(st, verb, hopeful)):
            return []     # a light verb with none of its patterns' words in the sentence, or below it
        skip = {verb.i + k + 1 for k in range(len(entry.after))} | {verb.i - k - 1 for k in range(len(entry.before))}
        upper, lower_tokens = self._contexts(st, verb, skip)
        reach = set().union(*[forms for _, forms in upper], *[forms for _, forms in lower_tokens]) \
            if hopeful else set()

        def pick(skip_partner: bool = False) -> tuple[str, Pattern | None, dict[str, tuple[str, tuple[int, int]]]]:
            for p in hopeful:
                if skip_partner and "target" in p.markers:
                    continue
                if not could_match(p, reach):
                    continue
                got = match_pattern(p.upper, upper, verb.i - len(entry.before), -1)
                if got is None:
                    continue
                got_lower = match_pattern(p.lower, lower_tokens, verb.i + len(entry.after), 1)
                if got_lower is None:
                    continue
                return p.code, p, {**{k: ("upper", v) for k, v in got.items()},
                                   **{k: ("lower", v) for k, v in got_lower.items()}}
            return entry.code, None, {}

        code, pattern, found = pick()
        if code == "---" and pattern is not None and entry.code != "---" and self.verbs.lemma_mode:
            # "met its commitments", "released a statement": the words a pattern names to block a
            # verb that codes by itself are no nominal events either (a light verb's "---" pattern,
            # "announced a boycott", leaves the noun to code)
            consumed.update(_pattern_words(pattern, lower_tokens, code))
        if lemma in _HOSTING and self.verbs.lemma_mode and (code == "043:042" or (pattern is None and code == "051")):
            if not _hosts_someone(verb, st, self._group, self._act_root):
                code = entry.code   # "welcomed the decision", "received reports of killings": no visitor
            elif pattern is None:
                code = "043:042"    # "Albanese welcomed Li", "was greeted by Kim": a host receives a visitor
        if code == "---" and directive is not None:
            code = directive
        else:
            directive = None
        if code == "---" or not all(_VALID_CODE.match(c) for c in code.split(":")):
            return []
        if code[:2] in ("02", "10") and self.verbs.lemma_mode and any(
                c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) and _negation(c) == "negated"
                for c in verb.children):
            return []    # "an official, who asked not to be named": a wish about oneself, no appeal
        if code[:2] == "03" and self.verbs.lemma_mode and _someone_pays(verb):
            code = "130"    # "vowed that the plotters would pay a heavy price": a promise of harm is a threat
        if code == "030" and lemma in _VOWING and self.verbs.lemma_mode and self._vows_force(verb):
            code = "138"    # "vowed to crush the rebels", "vowed that they would be punished": a threat of force
        if self.nest_adverbial and verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG") and \
                verb.left_edge.i == st.span.start and verb.head.i > verb.i and \
                not any(c.dep_ in _SUBJECTS for c in verb.children):
            return []    # PETRARCH: "Rebuked by X, Y is ...": an opening participle has no subject to code
        if self.verbs.lemma_mode and _causal_participle(verb):
            return []    # "..., spurring Washington to protest": what the act caused, coded as its complement
        if self.verbs.lemma_mode and _accused_act(verb):
            return []    # "accused Qatar of supporting terrorism": the allegation, coded as ACCUSE
        if pattern is None and lemma in _NOTIFYING and self.verbs.lemma_mode and any(
                c.dep_ == "ccomp" for c in verb.children):
            return []    # "notified the United Nations that it would leave": a statement of what it says
        if pattern is None and lemma in _HELPING and self.verbs.lemma_mode and _helps_do(verb):
            return []    # "sent troops to help secure the border", "helped to organise the talks": the act it names
        undone = False
        if self.verbs.lemma_mode and verb.dep_ == "acl" and verb.head.lemma_.lower() in _INTENT_NOUNS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            if not _reversed_decision(verb):
                return []    # "Ukraine's bid to join the EU", "a plan to expel": a proposal, not an act
            undone = True    # "reversed its decision to scrap the pact": the act, not done
        if self.verbs.lemma_mode and (_kept_open(verb) or (lemma in _REFUSING and any(
                c.dep_ == "xcomp" and _rules_out(c) for c in verb.children))):
            return []    # "refused to rule out sending troops": not ruling out is no rejection (nor is the refusal)
        if self.verbs.lemma_mode and verb.dep_ in _CONTENT_DEPS:
            content = _text_content(verb)
            if content is not None and (_undone_text(content[1]) or (
                    content[0] is verb and content[1].lemma_.lower() in _AGREEMENTS)):
                # "vetoed a resolution demanding a ceasefire": what a text that did not pass says
                # was never done; "signed a treaty committing both countries to cut warheads": what a
                # signed text commits to is its content, not a second act of its signers
                return []
        if pattern is not None:
            words = _pattern_words(pattern, lower_tokens, code)
            if entry.code == "---" and code[:2] == "14" and self.verbs.lemma_mode and any(
                    doc[i].lower_ in _BOYCOTTS and any(c.dep_ == "prep" and c.lower_ == "of" for c in doc[i].children)
                    for i in words):
                return []    # "joined a boycott of the summit": the noun codes it by what is boycotted
            if code[:2] in ("11", "14") and self.verbs.lemma_mode:
                # "rallied against Trump's recognition of Jerusalem", "condemned Moscow's recognition":
                # an act its owner did is protested, not made part of the protest
                words = {i: c for i, c in words.items() if not _owned_act(doc[i], st.at)}
            consumed.update(words)
        if lemma == "end" and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i and \
                self.verbs.lemma_mode and not any(c.dep_ in _SUBJECTS for c in verb.children):
            # "pulled out of Iraq, ending nine years of war", "signed an accord, formally ending the
            # conflict": the participle states what the main act brought about, not a second act
            return []
        # (with no target, a pattern with a partner is tried again without it: the target is needed then)
        source, target, symmetric = self._parties_for_verb(
            st, verb, lower_tokens, found, pattern, code,
            need_source=not self.bare_agents and not undone and (pattern is None or "target" not in pattern.markers))
        earlier = _antecedent_object(verb) if verb.dep_ == "pcomp" and self.verbs.lemma_mode else None
        if earlier is not None:
            # "lifted martial law hours after declaring it": "it" is the act's object, no actor
            it = {c.idx for c in verb.children if c.dep_ in ("dobj", "obj")}
            target = [p for p in target if p.start_char not in it]
            if not target:
                # "lifted its ban on imports from Japan after imposing it": the partner in that object
                first = next((t for t in earlier.subtree if t.i > earlier.i and t.i in st.at), None)
                target = self._group(st, first) if first is not None else []
        if not target and pattern is not None and "target" in pattern.markers and self.verbs.lemma_mode and \
                pattern.lower and pattern.lower[-1].marker == "target" and len(pattern.lower) >= 3:
            # "would hold its largest military exercise, with about 90,000 troops", "halted their
            # march on Sunday": a pattern whose partner ("with +", "on +") names no actor is not
            # that act; the best pattern without a partner decides
            alt_code, alt, alt_found = pick(skip_partner=True)
            if alt_code != code and alt_code != "---" and all(_VALID_CODE.match(c) for c in alt_code.split(":")):
                code, pattern, found = alt_code, alt, alt_found
                source, target, symmetric = self._parties_for_verb(st, verb, lower_tokens, found, pattern, code)
        elif not target and pattern is not None and self.verbs.lemma_mode and pattern.lower and \
                (len(pattern.lower) == 1 or code[:2] == "07") and \
                pattern.lower[-1].marker == "target" and any(not s.marker for s in pattern.upper):
            # "the last Russian troops left Moldova" (&troops *_+), "police officers arrived in Haiti"
            # (&police * in +): a pattern on its subject whose partner names no actor ("troops left
            # the building", "police arrived in the capital") is not that act (aid needs a recipient)
            alt_code, alt, alt_found = pick(skip_partner=True)
            if alt_code == "---" or not all(_VALID_CODE.match(c) for c in alt_code.split(":")):
                return []
            code, pattern, found = alt_code, alt, alt_found
            source, target, symmetric = self._parties_for_verb(st, verb, lower_tokens, found, pattern, code)
        if code == "195" and not target and lemma in _LAUNCHING and self.verbs.lemma_mode and _aimed_nowhere(verb):
            code = "150"    # "fired two cruise missiles from a submarine": a launch at nothing is a show of force
        if code[:2] == "19" and lemma in _CAPTURING and self.verbs.lemma_mode and _captures_person(verb, target, st.at):
            code = "173"    # "troops captured the rebel commander", "marines recaptured him": an arrest
        if not target and not self.bare_agents and code[:2] in ("18", "19", "20") and any(
                c.dep_ in ("dobj", "obj") and c.i not in st.at and consumed.get(c.i) != code
                and not (self.verbs.lemma_mode and c.lemma_.lower() in _STRUCK_PLACES) for c in verb.children):
            # ("could strike European capitals": places and military targets are struck, though no
            # actor is named)
            return []    # "fight inflation", "beat the hosts": force against no actor is not an event
        if directive == "100":
            clause = _mandated(verb)
            own = {p.code for p in source}
            target = [p for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for p in self._group(st, c)
                      if p.code not in own] if clause is not None else []
            if not target:
                return []
        if directive == "020" and not [p for p in target if p.code[:3] not in {q.code[:3] for q in source}]:
            return []    # "Trump ordered the Pentagon to draw up plans": orders to one's own side name no one
        if directive == "051" and not [p for p in target if p.code not in {q.code for q in source}]:
            return []    # a parliament authorising its government backs it (051); no one else named is no one
        if code[:3] == "087" and target and pattern is not None and pattern.text.startswith("* end to ") and \
                {p.code for p in target} <= {p.code[:3] + "MIL" for p in source}:
            target = []    # "declared an end to Russia's military operation": one's own campaign is no partner
        if code == "074" and target and self.verbs.lemma_mode and pattern is not None and \
                {p.code[:3] for p in target} <= {p.code[:3] for p in source}:
            return []    # "Kenyan police arrived in Nairobi": units at home help no one
        if code == "074" and not target and self.verbs.lemma_mode and not self.bare_agents:
            code = "154"    # "sent warships to the region": forces sent to no one are a deployment
        if not target and (code[:2] in _HOSTILE_ROOTS or code[:2] == "15") and self.verbs.lemma_mode and not self.bare_agents and \
                not _AIMING.isdisjoint(st.words):
            target = self._aimed_at(st, verb, source)
        if undone and not source:
            source = self._subject_parties(st, verb.head.head)    # who reversed the decision made it
        if not source and (not target or not self.bare_agents):
            return []    # no one did it (what :meth:`_emit` would drop, found before the flags are worked out)
        trigger_tokens = sorted({verb.i, *skip})
        negation = _negation(verb)
        host = _noun_conjunct_host(verb) if verb.dep_ == "conj" and self.verbs.lemma_mode else None
        if host is not None and negation is None:
            negation = _negation(host)    # "would not resume sharing and restart aid"
        negated = (negation == "negated" or undone) and not _negative_pattern(pattern)
        hypothetical = negation == "unconfirmed" or _modal(verb) or (host is not None and _modal(host))
        if undone:
            hypothetical = hypothetical or _hypothetical(verb.head.head)
        when = self._when(verb, st.day)
        rule = f"{self.verbs.name}: {entry.name} [{entry.code}]" + (f" / {pattern.text} [{pattern.code}]" if pattern else "")
        return self._emit(st, code, source, target, doc[trigger_tokens[0]:trigger_tokens[-1] + 1],
                          negated, hypothetical, when, rule, symmetric)

    def _vows_force(self, verb: Token) -> bool:
        """Whether a vow's clause is an act of force or punishment: "vowed to hunt down those
        responsible", "vowed that Israel would be punished" (the clause's verb retaliates or
        punishes, or codes fighting or mass violence, 18-20, by itself)."""
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
                lemma = c.lemma_.lower()
                if lemma in _RETALIATING or lemma == "punish" or any(
                        e.code[:2] in ("18", "19", "20") for e in self.verbs.verbs_for(c.lower_, lemma)):
                    return True
        return False

    def _alleged(self, st: _Sentence, verb: Token) -> tuple[Token, list[Party]] | None:
        """For a verb of alleging with a clause ("alleged that Iran was arming ..."), or a verb in
        such a clause: (the verb of alleging, the parties the clause accuses). ``None`` when no
        allegation is made, or when a claim is about the claimant's own side ("claimed that its
        forces had downed a jet" asserts the downing)."""
        prev: Token | None = None
        for v, how in _chain(verb):
            if v.lemma_.lower() in _ALLEGING and (how == "self" or (
                    how == "complement" and prev is not None and prev.dep_ == "ccomp" and prev.head.i == v.i)):
                clause = next((c for c in v.children if c.dep_ == "ccomp"
                               and any(s.dep_ in _SUBJECTS for s in c.children)), None)
                if clause is None or (how != "self" and prev is not None and clause.i != prev.i):
                    return None
                own = {p.code[:3] for p in self._subject_parties(st, v)}
                accused = [p for p in self._subject_parties(st, clause) if p.code[:3] not in own]
                if v.lemma_.lower() == "claim" and not accused:
                    return None     # a claim about no one, or about the claimant's own side, is no accusation
                return v, accused
            prev = v
        return None

    def _reason_owner(self, st: _Sentence, verb: Token, target: Sequence[Party]) -> list[Party] | None:
        """When every target party lies inside the act an "over"/"for" phrase of the verb (or of
        its object) gives as the reason, after its head noun: the owner of that act ("Russia's"),
        or no one; ``None`` when the targets are not there."""
        doc = verb.doc
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "for")):
            act = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if act is None or act.pos_ not in ("NOUN", "PROPN") or act.i in st.at:
                continue
            inside = range(act.i + 1, act.right_edge.i + 1)
            if all((t := _token_at(doc, p.start_char)) is not None and t.i in inside for p in target):
                owner = next((c for c in act.children if c.dep_ == "poss"), None)
                return self._group(st, owner) if owner is not None else []
        return None

    def _aimed_at(self, st: _Sentence, verb: Token, source: Sequence[Party]) -> list[Party]:
        """"deployed warships to the Caribbean in a show of force aimed at Venezuela's government":
        whom a participle in the verb's phrase says the act is aimed or directed at."""
        own = {p.code for p in source}
        for t in st.view.subtree(verb.i):
            tok = verb.doc[t]
            if tok.lemma_.lower() in _AIMING and tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl"):
                target = [p for o in _prep_objects(tok, ("at", "against")) for p in self._group(st, o) if p.code not in own]
                if target:
                    return target
        return []

    def _condition_parties(self, st: _Sentence, verb: Token) -> list[Party]:
        """The actors named as doers in an "if"/"unless" clause on a verb or on its complement."""
        # (also an infinitive the parser hung as an adverbial clause: "threatened on Thursday to impose ...")
        for v in (verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))):
            for c in v.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    doers = [s for s in c.children if s.dep_ in ("nsubj", "csubj")]
                    doers += [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                    parties = [p for d in doers for p in self._group(st, d)]
                    if parties:
                        return parties
        return []

    def _purpose_party(self, st: _Sentence, verb: Token) -> list[Party]:
        """Who a verb of helping, pressing or keeping from acts on: its object ("to deter Syria"),
        else the subject the parser gives its clause ("to help Ukraine rebuild")."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
            obj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        return self._group(st, obj) if obj is not None else []

    def _skip_phrase(self, st: _Sentence, tokens: Sequence[TokenForms], k: int) -> int:
        """The position in ``tokens`` after the next noun phrase at or after ``k``."""
        doc = st.span.doc
        while k < len(tokens):
            t = doc[tokens[k][0]]
            if t.pos_ in ("NOUN", "PROPN", "PRON") or t.i in st.at:
                end = (_np_head(t, st) if t.i not in st.at else doc[st.at[t.i].end - 1]).i
                while k < len(tokens) and tokens[k][0] <= end:
                    k += 1
                return k
            k += 1
        return k

    def _within_reach(self, st: _Sentence, verb: Token, patterns: Sequence[Pattern]) -> bool:
        """Whether one of ``patterns`` can find its words around ``verb``. A pattern with words
        before the trigger may; one with words after it only if they are in the verb's subtree
        (or its passive subject), the most :meth:`_contexts` gives it ("has" as an auxiliary
        heads nothing, so "has held talks" gives "has" no talks)."""
        if any(p.upper for p in patterns):
            return True
        view = st.view
        view.walk(st.span.start, st.span.end)
        forms = self._sentence_forms(st)
        deps, i = view.deps, verb.i
        below = [t for t in view.subtree(i) if t > i]
        below += [t for c in view.kids.get(i, ()) if deps[c] in ("nsubjpass", "csubjpass") for t in view.subtree(c)]
        if deps[i] == "pcomp":
            earlier = _antecedent_object(verb)
            if earlier is not None:
                below += view.subtree(earlier.i)
        if deps[i] == "acl" and verb.head.i < i and verb.head.i not in st.at and _reduced_relative(verb):
            below += range(verb.head.left_edge.i, verb.head.i + 1)   # "sanctions imposed by Washington"
        reach = set().union(*map(forms.__getitem__, below))
        return any(could_match(p, reach) for p in patterns)

    def _sentence_forms(self, st: _Sentence) -> dict[int, frozenset[str]]:
        """Each token's pattern words (lower case and lemma), once per sentence."""
        if st.forms is None:
            first = st.span.start
            # words of a named event or law ("World War Two") are not trigger words
            known = self._forms.__getitem__
            positions = range(first, first + len(st.lowers))
            if self.verbs.lemma_mode:
                st.forms = dict(zip(positions, map(known, zip(st.lowers, st.lemmas))))
                for k in compress(positions, st.named):
                    st.forms[k] = _NO_FORMS
            else:
                st.forms = dict(zip(positions, map(known, zip(st.lowers))))
        return st.forms

    def _contexts(self, st: _Sentence, verb: Token, skip: set[int]) -> tuple[list[TokenForms], list[TokenForms]]:
        lemma_mode = self.verbs.lemma_mode
        sent = st.span
        cache = self._sentence_forms(st)

        upper = [(i, cache[i]) for i in range(verb.i - 1, sent.start - 1, -1) if i not in skip]
        hidden: set[int] = set()
        view = st.view
        view.walk(sent.start, sent.end)
        tree = view.subtree(verb.i)
        if lemma_mode:
            deps, poses, heads, lowers = view.deps, view.poses, view.heads, view.lowers
            # a relative clause describes its noun; its actors are not this verb's target
            for t in tree:
                if t == verb.i:
                    continue
                dep = deps[t]
                if dep in _HIDDEN_CLAUSES or (dep in ("xcomp", "ccomp", "conj") and poses[t] in ("VERB", "AUX")):
                    if dep == "ccomp" and lowers[t] == "persona":
                        continue     # "declared him persona non grata": the parser's clause is the object phrase
                    if dep == "ccomp" and heads[t] == verb.i and view.lemmas[t] in _NAMING and \
                            any(lowers[c] == "what" for c in view.kids.get(t, ())):
                        # "launched what it called anti-terrorist operations against X": the named
                        # thing is the verb's object; who names it is no party
                        hidden.update(x for c in view.kids.get(t, ()) if deps[c] in _SUBJECTS or lowers[c] == "what"
                                      for x in view.subtree(c))
                        hidden.add(t)
                        continue
                    if dep == "acl" and view.lemmas[t] in _CARRYING and deps[heads[t]] in ("dobj", "obj") and \
                            heads[heads[t]] == verb.i and view.lemmas[verb.i] in _SENDING:
                        # "dispatched aircraft carrying rescue teams and relief supplies to Nepal":
                        # what the things sent carry is what is sent
                        continue
                    # complement and coordinated clauses are coded by their own triggers; the
                    # "to" of an infinitive stays ("ready to", "agreed to")
                    # the complement's own verb stays visible to patterns ("declined to comment")
                    keep_to = dep not in ("relcl", "acl")
                    hidden.update(x for x in view.subtree(t)
                                  if not (keep_to and deps[x] == "aux" and heads[x] == t and lowers[x] == "to")
                                  and not (x == t and dep == "xcomp"))
            # "signed a declaration, with Trump as witness", "with Oman's minister shuttling between
            # them": an absolute "with" phrase sets the scene; it names no partner
            for k in view.kids.get(verb.i, ()):
                if deps[k] == "prep" and lowers[k] == "without":
                    # "ended without a deal", "left without an agreement": what did not happen
                    # is no object of the verb (the noun codes it, negated)
                    hidden.update(view.subtree(k))
                    continue
                if deps[k] != "prep" or lowers[k] != "with":
                    continue
                c = verb.doc[k]
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is None:
                    continue
                after = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
                if (after is not None and after.lower_ == "as" and after.dep_ == "prep") or any(
                        (x.dep_ == "prep" and x.lower_ == "as") or (x.dep_ == "acl" and x.tag_ == "VBG")
                        for x in obj.children):
                    hidden.update(view.subtree(k))
                    if after is not None and after.lower_ == "as":
                        hidden.update(view.subtree(after.i))
        lower = [(t, cache[t]) for t in tree if t > verb.i and t not in skip and t not in hidden]
        if lemma_mode and view.deps[verb.i] == "pcomp":
            earlier = _antecedent_object(verb)
            if earlier is not None:
                # "lifted the curfew hours after imposing it": what was imposed is the curfew
                it = next((k for k, (t, _) in enumerate(lower) if view.lowers[t] in _ANTECEDENT_PRONOUNS), None)
                if it is not None:
                    lower[it:it + 1] = [(t, cache[t]) for t in view.subtree(earlier.i)]
        if lemma_mode:
            # "Russian diplomats were expelled": the passive subject is the logical object
            lower = [(t, cache[t]) for c in view.kids.get(verb.i, ()) if view.deps[c] in ("nsubjpass", "csubjpass")
                     for t in view.subtree(c) if t not in skip] + lower
            if view.deps[verb.i] == "acl" and "agent" in view.deps and verb.head.i < verb.i and \
                    verb.head.i not in st.at and _reduced_relative(verb):
                # "sanctions imposed by Washington on Caracas", "aid pledged by Japan": the noun a
                # participle with a "by" agent describes is its logical object (the agent, its doer,
                # is no object: "the curfew ordered by the army")
                agent = {x for c in view.kids.get(verb.i, ()) if deps[c] == "agent" for x in view.subtree(c)}
                lower = [(t, cache[t]) for t in range(verb.head.left_edge.i, verb.head.i + 1) if t not in skip] + \
                    [x for x in lower if x[0] not in agent]
        return upper, lower

    def _cancelled_visitor(self, st: _Sentence, events: list[CodedEvent]) -> list[CodedEvent]:
        """A cancelled visit's visitor is its owner or its "by"/"of" object ("called off a visit by
        Somalia's president", "cancelled the visit of India's foreign minister"), not the first
        actor named: the canceller rejects the visitor (125), and the visit, negated, is the
        visitor's; with no destination named, it was to the canceller (the host)."""
        doc = st.span.doc
        out = list(events)
        for k, e in enumerate(events):
            verb = _token_at(doc, e.trigger_start) if e.cameo == "125" else None
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                         and _CANCELLED.get(c.lemma_.lower()) == "042"), None) if verb is not None else None
            if noun is None:
                continue
            own = {p.code for p in e.source}
            visitor = [p for c in noun.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
                       for o in ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"])
                       for p in self._group(st, o) if p.code not in own]
            if not visitor:
                continue
            out[k] = dataclasses.replace(e, target=visitor)
            guests = {p.code[:3] for p in visitor}
            for j, x in enumerate(out):
                if x.trigger_start == noun.idx and x.cameo[:2] == "04" and x.negated:
                    target = [p for p in x.target if p.code[:3] not in guests] or \
                        [p for p in e.source if p.code[:3] not in guests]
                    out[j] = dataclasses.replace(x, source=visitor, target=target)
        return out

    def _called_off_attacks(self, events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
        """An attack called off, cancelled, postponed or scrapped ("called off retaliatory strikes
        on Iran", "postponed its ground assault on Gaza") is the attack, negated (the gold
        README's convention for an act called off): the verb's de-escalation (087) becomes the
        noun's act with the verb's parties, and the noun's own event, when coded, is negated."""
        doc = sent.doc
        out: list[CodedEvent] = []
        negate: set[int] = set()
        for e in events:
            verb = _token_at(doc, e.trigger_start)
            lemma = verb.lemma_.lower() if verb is not None and verb.pos_ == "VERB" else ""
            if lemma not in _CANCELLING or e.negated or (lemma == "call" and not any(
                    c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)):
                out.append(e)
                continue
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                         and c.lemma_.lower() in _PLANNED_ATTACKS), None)
            if noun is None:
                out.append(e)
                continue
            negate.add(noun.idx)
            if e.cameo[:3] != "087":
                out.append(e)
                continue
            entry = self.verbs.noun_for([], noun.lemma_.lower())
            code = entry.code.split(":")[0] if entry is not None else "190"
            if any(x.trigger_start == noun.idx and _violent(x.cameo) for x in events):
                continue    # the noun's own event, negated below, is the act
            out.append(dataclasses.replace(e, cameo=code, trigger=noun.text, trigger_start=noun.idx,
                                           trigger_end=noun.idx + len(noun.text), negated=True,
                                           rule=f"{e.rule} / the {noun.lemma_.lower()} called off"))
        for x in events:
            noun = _token_at(doc, x.trigger_start) if _violent(x.cameo) and not x.negated else None
            if noun is not None and noun.dep_ in ("dobj", "obj", "nsubjpass") and \
                    noun.lemma_.lower() in _PLANNED_ATTACKS and noun.head.lemma_.lower() in _CANCELLING and \
                    (noun.head.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off"
                                                                for c in noun.head.children)):
                negate.add(noun.idx)    # "postponed its ground assault": the noun's own event
        return [dataclasses.replace(x, negated=True) if x.trigger_start in negate and _violent(x.cameo)
                and not x.negated else x for x in out]

    def _parties_for_verb(self, st: _Sentence, verb: Token, lower: list[TokenForms],
                          found: dict[str, tuple[str, int]], pattern: Pattern | None, code: str,
                          need_source: bool = False) -> tuple[list[Party], list[Party], bool]:
        """(source, target, symmetric) of a verb's act. ``need_source``: the caller drops an act
        with no source whatever its target, so the target is not looked for when there is none."""
        subjects, passive = _subject(verb)
        if not subjects and verb.dep_ == "conj" and self.verbs.lemma_mode:
            host = _noun_conjunct_host(verb)
            if host is not None:
                # "would resume intelligence sharing with Kyiv and restart aid": the parser joined
                # "restart" to the noun; its subject is the one who resumes
                subjects, _ = _subject(host)
        subject_parties = _dedupe(p for subj in subjects for p in self._group(st, subj))
        # "Accused by Russia of sabotage, Poland expelled ...", "civilians killed by Russian troops":
        # a past participle with a "by" agent is passive; what it describes is what was acted on
        participle = not passive and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and \
            self.verbs.lemma_mode and any(c.dep_ == "agent" or (c.dep_ == "mark" and c.lower_ in _PARTICIPLE_MARKS)
                                          for c in verb.children) and \
            not any(c.dep_ in ("aux", "auxpass") or c.dep_ in _SUBJECTS for c in verb.children)
        # ("threatened to close the Strait if attacked": a bare participle after "if" or "when" is
        # passive too; with no "by" agent no one did it)
        if participle and verb.dep_ == "acl":
            # (a thing described, "talks hosted by Malaysia", is no party: left to the noun's event)
            subject_parties = self._group(st, verb.head) if verb.head.i != verb.i else []
            # (unless a pattern took the noun as the act's object: "sanctions imposed by Washington")
            participle = bool(subject_parties) or (pattern is not None and verb.head.i < verb.i)
        passive = passive or participle
        agent_parties: list[Party] = []
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        agent_parties = self._group(st, obj)
            if not agent_parties and self.verbs.lemma_mode:
                # "was hit with new sanctions by the United States": the parser hung "by" lower
                by = next((verb.doc[i] for i, _ in lower if verb.doc[i].lower_ == "by" and verb.doc[i].dep_ == "prep"), None)
                obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if obj is not None:
                    agent_parties = self._group(st, obj)
        # the subject of a passive is what was acted on: a target it may be
        used = {p.start_char for p in (agent_parties if passive else subject_parties + agent_parties)}
        upper = [(i, _NO_FORMS) for i in range(verb.i - 1, st.span.start - 1, -1)]

        violent = code[:2] in ("15", "17", "18", "19", "20")

        def first_group(tokens: Sequence[TokenForms], pos: int, skips: int, avoid: set[int],
                        places: bool = False) -> list[Party]:
            k = pos
            for _ in range(skips):
                k = self._skip_phrase(st, tokens, k)
            for idx, _ in tokens[k:]:
                m = st.at.get(idx)
                if places and _is_place_at(idx, st):
                    continue
                if m is not None and verb.doc[m.end - 1].dep_ == "conj" and _split_subject(verb.doc[m.end - 1]):
                    return []   # ("... on alert and Washington to rebuke ...": the next clause's subject on)
                if m is not None and _absolute_subject(verb.doc[m.end - 1]):
                    continue    # ("reached a deal, with Tokyo apologising": a clause of its own, no partner)
                if m is not None and isinstance(m.entry, ActorEntry) and m.entry.codes_on(st.day):
                    group = self._group(st, verb.doc[idx])
                    if skips and k < len(tokens) and group and \
                            min(p.start_char for p in group) < verb.doc[tokens[k][0]].idx <= verb.doc[idx].idx:
                        # "^" skipped a phrase ("the parliament"): the actor after it is not that phrase's owner
                        group = [self._party(st, m, c) for c in m.entry.codes_on(st.day)]
                    if group and not any(p.start_char in avoid for p in group):
                        return group
            if self.verbs.lemma_mode and not _PAIR_WORDS.isdisjoint(st.lowers):
                # "closed the border crossing between the two countries": the pair named before
                for idx, _ in tokens[k:]:
                    if verb.doc[idx].lemma_.lower() in _PAIR_NOUNS:
                        group = self._group(st, verb.doc[idx])
                        if group and not any(p.start_char in avoid for p in group):
                            return group
            if self.new_actor_length:    # no actor named: the first phrase may be a new actor
                return self._first_new_actor(st, tokens[k:], avoid)
            return []

        def after(pos: int, skips: int = 0) -> list[Party]:
            if self.verbs.lemma_mode and 0 < pos < len(lower) and not skips:
                prep = verb.doc[lower[pos - 1][0]]
                if prep.dep_ in ("prep", "dative") and prep.pos_ == "ADP":
                    # "sanctions on Lockheed Martin over arms sales to Taiwan", "troops to its border at
                    # the request of Washington": a "+" after a preposition is in that preposition's phrase
                    inside = set(st.view.subtree(prep.i))
                    if lower[pos][0] in inside:
                        got = first_group([t for t in lower if t[0] in inside], 0, 0, used)
                        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if not got else None
                        maker = _made_in(obj, st) if obj is not None and not self.bare_agents else None
                        # "tariffs on electric vehicles made in China": the goods' maker (its clause is
                        # hidden from the verb's own phrase)
                        return got or ([p for p in self._group(st, maker) if p.start_char not in used]
                                       if maker is not None else [])
            return first_group(lower, pos, skips, used)

        source: list[Party] = []
        target: list[Party] = []
        symmetric = False
        for marker, (side, (pos, skips)) in found.items():
            parties = after(pos, skips) if side == "lower" else first_group(upper, pos, skips, set())
            if side == "upper" and not pos and not skips and subject_parties and self.verbs.lemma_mode and \
                    verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in _SUBJECTS for c in verb.children):
                # "recognised the Palestinian state, drawing a protest from Israel": the "+" before a
                # trailing participle is the subject of the clause it trails, not the nearest actor
                parties = subject_parties
            if marker == "source":
                source = parties
            elif marker == "target":
                target = parties
                if not parties and side == "lower" and pos < len(lower) and self.verbs.lemma_mode:
                    t = verb.doc[lower[pos][0]]
                    while t.dep_ in ("compound", "det", "amod") and t.head.i != t.i:
                        t = t.head
                    if _absolute_subject(t):
                        found = {k: v for k, v in found.items() if k != "target"}    # no partner named
            elif side == "lower" and subject_parties:
                source, target = subject_parties, parties
            else:
                source, target, symmetric = parties, parties, True
        if target and code[:3] == "161" and self.verbs.lemma_mode and not self.bare_agents and \
                verb.lemma_.lower() in _RECALLING and any(
                c.dep_ in ("dobj", "obj") and c.i in st.agent_tokens and any(
                    x.dep_ == "poss" and x.lower_ in ("its", "their") for x in c.children) for c in verb.children):
            # "Mali recalled its ambassador from Algeria": its own envoy, recalled from the host country
            # (from a capital, its government)
            target = _dedupe(Party(p.code[:3] + ("GOV" if p.kind == "metonym" else ""), p.text, p.start_char,
                                   p.end_char, p.kind) if p.code[3:] == "DIP" and p.code[:3].isalpha()
                             and not p.code.startswith("IGO") else p for p in target)
        if passive and not agent_parties and self.agentless_passive == "source":
            passive = False
        if not target and not passive and "source" in found and found["source"][0] == "upper":
            # "Iran allowed two French citizens to return home": a source named before the verb
            # lets the verb's own subject act, and that subject is the target
            own = {q.code for q in source}
            between = first_group(upper[:found["source"][1][0]], 0, 0, set())
            target = [p for p in between or subject_parties if p.code not in own]
        if passive:
            if not source:
                source = agent_parties
            if not target and ("target" not in found or participle):
                target = subject_parties
            if not target:
                # "jets were delivered to Ukraine by Denmark": the subject is a thing
                used |= {p.start_char for p in source}
                target = first_group(lower, 0, 0, used, places=self.locations and not violent)
        elif not source and not ("source" in found and found["source"][0] == "lower"):
            source = subject_parties if "target" not in found or found["target"][0] != "upper" else []
            if not source and target and verb.dep_ == "ccomp" and verb.head.i != verb.i and \
                    {p.start_char for p in target} <= {p.start_char for p in subject_parties}:
                # "Gondor noted that Mordor regretted ...": a "+" before the verb that takes the
                # clause's own subject leaves the source to the subject of the governing clause
                source = [p for p in self._subject_parties(st, verb.head) if p.code not in {q.code for q in target}]
        if need_source and not source:
            return [], [], False    # no one did it: the caller drops the act, whatever its target
        if participle and not target and code[:2] == "10" and verb.head.dep_ in ("dobj", "obj") and \
                not self.bare_agents and _reduced_relative(verb):
            # "Greece rejected the terms demanded by the EU": a demand is made of the one who answers it
            target = [p for p in self._subject_parties(st, verb.head.head) if p.code not in {q.code for q in source}]
        mutual = code.split(":")[0] in self.mutual_codes
        if mutual and not target and source and self.verbs.lemma_mode:
            # "signed agreements normalising relations with Israel": the partner named in the
            # participle that says what the agreement does
            own = {p.code for p in source}
            target = [p for c in verb.children if c.dep_ in ("dobj", "obj") for a in c.children
                      if a.dep_ == "acl" and a.tag_ == "VBG"
                      for h in (a, *(d for d in a.children if d.dep_ in ("dobj", "obj")))
                      for o in _prep_objects(h, ("with",)) for p in self._group(st, o) if p.code not in own]
        if not mutual and code.split(":")[0] in _JOINT_INTENTS and not target and not found and \
                len({p.code for p in source}) >= 2 and self.verbs.lemma_mode:
            # "Britain and France were ready to lead a force in Ukraine", "the EU and the IMF agreed
            # to a rescue for Greece": a joint intent for another country is toward it
            target = self._beneficiaries(st, verb, source)
        if (mutual or code.split(":")[0] in _JOINT_INTENTS) and not target and \
                len({p.code for p in source}) >= 2 and not found and not any(
                    c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN") and self._group(st, c) for c in verb.children):
            # ("France and Germany met Xi": the object is the partner, left to the object below)
            target = source     # "Zelensky and Biden signed an agreement": with each other
        if not target and code[:2] == "12" and self.verbs.lemma_mode and not self.bare_agents:
            # "refused to let 62,000 U.S. troops deploy on Turkish soil": a refusal to permit is
            # aimed at whom it would have let act (not at the place they would have acted)
            permit = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _PERMITTING), None)
            if permit is not None:
                who = next((c for c in permit.children if c.dep_ in ("dobj", "obj")), None) or next(
                    (s for c in permit.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                     if s.dep_ == "nsubj"), None)
                own = {p.code for p in source}
                target = [p for p in self._group(st, who) if p.code not in own] if who is not None else []
        relative_object = not passive and self.verbs.lemma_mode and _object_relative(verb, subjects)
        if relative_object and (not target or (
                pattern is not None and pattern.lower and pattern.lower[0].marker == "target")):
            # "the Japanese citizens it had abducted", "the ship which the rebels seized": the noun
            # the clause describes is its object, also where a pattern's "+" stands for the object
            # ("the Wagner Group, which it accuses of atrocities in Mali": Wagner, not Mali)
            target = [p for p in self._group(st, verb.head) if p.code not in {q.code for q in source}]
        if not target and not (relative_object and verb.lemma_.lower() in _ACCUSING):
            # (what an accusation of a relative's antecedent alleges names no target)
            used |= {p.start_char for p in source}
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and code[:2] in ("11", "12", "14") and obj.pos_ == "NOUN" and obj.i not in st.at \
                    and self.verbs.lemma_mode and not self.bare_agents and (
                        self.verbs.noun_for([], obj.lemma_.lower()) or self.verbs.noun_for([], obj.lower_)):
                # "condemned the arrest of two engineers by Pakistani police": who did the act
                # protested is the target, not whom it was done to
                target = [p for by in (*obj.children, *self._stray_preps(st, obj)) if by.dep_ == "prep"
                          and by.lower_ == "by" for o in by.children if o.dep_ == "pobj"
                          for p in self._group(st, o) if p.start_char not in used]
            if obj is not None and not target and code[:2] in ("11", "12") and obj.i not in st.at and \
                    self.verbs.lemma_mode and not self.bare_agents:
                # "rejected the terms demanded by the EU": whoever did what is rejected
                target = [p for a in obj.children if a.dep_ == "acl" and _reduced_relative(a)
                          for by in a.children if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"
                          for p in self._group(st, o) if p.start_char not in used]
            if obj is not None and not target and (obj.i in st.at or obj.lower_ in _PRONOUNS):
                target = [p for p in self._group(st, obj) if p.start_char not in used]
                if target and code[:2] in ("08", "16") and self.verbs.lemma_mode and \
                        {p.code for p in target} <= {p.code[:3] for p in source}:
                    # "Trump pulled the United States out of the Iran deal", "withdrew the country
                    # from the WHO": the state taken out is the source's own, the one left is the target
                    used |= {p.start_char for p in target}
                    target = []
                if target and self.verbs.lemma_mode and all(p.kind in _LOCATION_KINDS for p in target):
                    # "raided its embassy in Quito": the embassy is its owner's, Quito only where it is
                    target = self._possessed_agent(st, obj, source) or target
            if not target and obj is None and self.verbs.lemma_mode and verb.lemma_.lower() in _CONTROL_VERBS:
                # "to help Ukraine rebuild its grid": the parser makes the helped the subject of the clause
                target = [p for p in self._purpose_party(st, verb) if p.start_char not in used]
            if not target and obj is not None and code[:2] in _FORCE and self.verbs.lemma_mode:
                # "struck two facilities in eastern Syria used by Iranian forces": their users
                # (the parser may hang the participle on the verb: "bombed warehouses near Damascus used by ...")
                target = [p for p in self._users(st, obj) or self._users(st, verb, obj.i) if p.start_char not in used]
            if not target and self.verbs.lemma_mode and source and len({p.code[:3] for p in source}) == 1 and \
                    all(p.code[3:6] in _DOMESTIC for p in source):
                # "Ecuadorean police raided its embassy": another state's mission, not their own people
                target = self._possessed_agent(st, obj, source) if obj is not None else []
                if not target and code[:3] != "087":
                    # (not a military withdrawal: "demanded that Kyiv withdraw its troops from four
                    # regions" withdraws its own troops, no one else)
                    target = self._own_people(st, lower, source[0].code[:3])
            if not target and self.verbs.lemma_mode and source and len({p.code[:3] for p in source}) == 1 and \
                    all(p.code[3:6] in _POPULAR or (p.code[3:] == "" and code[:2] == "14") for p in source) and \
                    source[0].code[:3].isalpha():
                # "Hungarians marched against the government": their own government
                target = self._own_people(st, lower, source[0].code[:3], _DOMESTIC | {"MIL"})
            if not target:
                search = lower
                if self.verbs.lemma_mode and code[:2] in _COOPERATIVE:
                    # "pledged to cooperate on North Korea": what it is about is not a partner
                    view = st.view
                    topics = {x for t in view.subtree(verb.i) if view.deps[t] == "prep" and view.lowers[t] in _TOPIC_PREPS
                              for x in view.subtree(t)}
                    search = [(i, f) for i, f in lower if i not in topics]
                if self.verbs.lemma_mode:
                    # "called up reservists within hours of the Hamas attack": a time, not a target
                    view = st.view
                    # ("conducted a nuclear test in defiance of U.N. resolutions": the rule defied, no target)
                    times = {x for t in view.kids.get(verb.i, ()) if view.deps[t] == "prep" and (
                        view.lowers[t] in _TIME_PREPS or (view.lowers[t] == "in" and any(
                            view.lemmas[o] in _DEFYING for o in view.kids.get(t, ()))))
                             for x in view.subtree(t)}
                    search = [(i, f) for i, f in search if i not in times]
                # ("arrested the former president at Manila's airport": where an arrest is made is no
                # party, as for acts that are not violent; a struck place is)
                target = first_group(search, 0, 0, used, places=self.locations and (not violent or code[:3] == "173"))
                sector = st.at.get(obj.i) if obj is not None else None
                if target and sector is not None and isinstance(sector.entry, AgentEntry) and not self.bare_agents \
                        and _named_after(verb.doc, target[0], st, ("from",)) \
                        and not any(c.dep_ == "poss" for c in obj.children) \
                        and verb.lemma_.lower() not in _RECALLING:  # type: ignore[union-attr]
                    # "expelled diplomats from Argentina": the diplomats are Argentina's ("withdraw its
                    # troops from Mali", "recalled their ambassadors from Algeria": the owner's, from MLI, DZA;
                    # so too with no owner named: "withdrew troops from Bolivia" are the withdrawer's own)
                    target = [Party(_combine(p.code, [sector], p.kind, True), p.text, p.start_char, p.end_char, p.kind)
                              if len(p.code) == 3 else p for p in target]
        if not target and code[:2] in _FORCE and self.verbs.lemma_mode:
            # "hit two of its air bases": whose bases were hit
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            target = self._owner(st, obj, source) if obj is not None else []
        if not target and verb.dep_ in ("xcomp", "ccomp", "advcl") and code[:2] in _REACTIONS | {"16"} and self.verbs.lemma_mode and \
                (verb.head.lemma_.lower() in _PROMPTING or _causal_participle(verb.head)):
            # "fired a missile over Japan, prompting Tokyo to lodge a protest": the protest is against
            # the one whose act prompted it
            own = {p.code for p in source}
            cause = verb.head
            if cause.dep_ == "acl" and cause.tag_ == "VBG" and cause.i and cause.nbor(-1).lower_ == "," and \
                    cause.head.head.pos_ == "VERB":
                cause = cause.head.head    # (the parser may hang ", prompting ..." on the object)
            target = [p for p in self._subject_parties(st, cause) if p.code not in own]
        if not target and self.verbs.lemma_mode and not self.bare_agents and verb.i > st.span.start and \
                verb.doc[st.span.start].lower_ in _FRONTED:
            # "Against Russia, the EU adopted a new sanctions package", "For Ukraine, Germany approved
            # more aid": a phrase fronted before the subject names whom a hostile (or helpful) act is aimed at
            first = verb.doc[st.span.start]
            if first.dep_ == "prep" and first.head.i == verb.i and code[:2] in _FRONTED[first.lower_]:
                own = {p.code for p in source}
                # (the actor itself, not "against Washington's advice")
                target = [p for o in first.children if o.dep_ == "pobj" and o.i in st.at
                          for p in self._group(st, o) if p.code not in own]
        if not target and code[:2] in ("02", "10") and self.verbs.lemma_mode and not self.bare_agents:
            # "demanded that Beijing respect its airspace": a demand is made of the clause's subject
            own = {p.code for p in source}
            # ("pressed for Hungary to lift its veto": the subject of a "for ... to" clause)
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or _for_clause(verb)
            doers = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
            target = [p for d in doers for p in self._group(st, d) if p.code not in own]
        if not target and code[:2] == "13" and self.verbs.lemma_mode and not self.bare_agents:
            # "threatened to close the Strait if Israel attacked", "vowed to retaliate if attacked by
            # the United States": the one whose act is the condition is who is threatened
            own = {p.code for p in source}
            target = [p for p in self._condition_parties(st, verb) if p.code not in own]
        if not target and code[:2] in _PURPOSE_VERBS and self.verbs.lemma_mode and not self.bare_agents:
            # "pledged $2 billion in aid to help Ukraine rebuild", "imposed tariffs to pressure Mexico
            # into ...": the one a purpose clause helps, presses or deters is the act's target
            purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > verb.i
                            and c.lemma_.lower() in _PURPOSE_VERBS[code[:2]] and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                           for a in c.children)), None)
            if purpose is not None:
                own = {p.code for p in source}
                target = [p for p in self._purpose_party(st, purpose) if p.code not in own]
        if not target and passive and source and code[:2] in _FORCE and self.verbs.lemma_mode:
            # "fired 180 missiles at Israel, most of which were shot down by Israeli air defences":
            # what a relative clause says was shot down is what was fired, so its firer is the target
            firing = _fired_by(verb, subjects)
            if firing is not None:
                own = {p.code for p in source}
                target = [p for p in self._subject_parties(st, firing) if p.code not in own]
        if not target and ((not found and code[:2] not in _ONE_WAY and not passive) or _reciprocal_object(verb)) and \
                len({p.code for p in source}) >= 2:
            # (not "were shot down by Israeli and U.S. air defences": agents who did it together)
            # "Gondor and Osgiliath renewed ties", "US and Russian officials met", "Israel and
            # Hamas accused each other of violating the truce": reciprocal
            target, symmetric = source, True
        if target and self.verbs.lemma_mode and not self.bare_agents and code[:2] in _HOSTILE_ROOTS and not symmetric:
            # "imposed sanctions over Russia's use of chemical weapons against Ukrainian troops",
            # "sanctions on Lockheed Martin over arms sales to Taiwan": a target read from the phrase
            # saying why names whom the reason's act was done to; the act's owner, if named, is the target
            owner = self._reason_owner(st, verb, target)
            if owner is not None:
                target = [p for p in owner if p.code not in {q.code for q in source}]
        if mutual and code.split(":")[0] in _MUTUAL_WITH_PARTNER and not symmetric:
            mutual = len({p.code for p in source}) >= 2 or any(_named_after(verb.doc, p, st, ("with", "between", "among")) for p in target)
        if mutual and source and target and not symmetric:
            symmetric = True    # "X opened talks with A and B": X with each, both ways (not A with B)
        return source, target, symmetric

    def _partner_from_conjunct(self, events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
        """"Lula met Xi in Beijing and signed 15 agreements": a mutual act with no partner of its
        own, coordinated with an act of the same source, is done with that act's partner (both ways)."""
        by_trigger = {e.trigger_start: e for e in reversed(events)}
        out: list[CodedEvent] = []
        for e in events:
            base = e.cameo.split(":")[0]
            token = _token_at(sent.doc, e.trigger_start) if not e.target and base in self.mutual_codes else None
            head = by_trigger.get(token.head.idx) if token is not None and token.dep_ == "conj" else None
            if head is None or not head.target or {p.code for p in head.source} != {p.code for p in e.source}:
                out.append(e)
                continue
            e = dataclasses.replace(e, target=head.target, symmetric=True)
            out += [e, dataclasses.replace(e, source=head.target, target=e.source)]
        return out

    def _repeated(self, st: _Sentence, events: list[CodedEvent]) -> list[CodedEvent]:
        """"said it would not do so", "Poland did the same", "Mexico followed suit": a verb that
        stands for an act named earlier in the sentence repeats that act, with its own subject (if
        it names one) as the source, the act's target, and its own negation and modality. The act
        is the event of the nearest verb above it ("never established ties ... and said it would
        not do so"), else the last event before it."""
        doc = st.span.doc
        by_trigger = {e.trigger_start: e for e in events}
        out: list[CodedEvent] = []
        for k, word in enumerate(st.lowers):
            if word not in _REPEATING:
                continue
            t = doc[st.span.start + k]
            verb = t.head
            if verb.dep_ == "advmod" and verb.pos_ == "ADV":
                verb = verb.head    # "France did so too"
            lemma = verb.lemma_.lower()
            if not ((lemma == "do" and ((word in ("so", "likewise") and t.dep_ == "advmod") or (
                    word == "same" and t.dep_ in ("dobj", "obj")))) or (
                    lemma == "follow" and word == "suit" and t.dep_ in ("dobj", "obj"))):
                continue
            # the nearest verb above that the clause is coordinated with or subordinate to; not one
            # it is the complement of ("promised to do so" does not repeat the promise)
            act, linked, above = None, False, set()
            node = verb
            while node.head.i != node.i and act is None:
                linked = linked or node.dep_ in ("conj", "advcl", "parataxis")
                node = node.head
                above.add(node.idx)
                if linked and node.idx in by_trigger:
                    act = by_trigger[node.idx]
            if act is None:
                act = next((e for e in reversed(events) if e.trigger_start < verb.idx and e.trigger_start not in above), None)
            if act is None or act.trigger_start >= verb.idx:
                continue
            source = tuple(self._subject_parties(st, verb)) or act.source
            if {p.code for p in source} <= {p.code for p in act.target} and \
                    any(s.lower_ in _PRONOUNS for s in _subject(verb)[0]):
                # "never established ties with Israel and said it would not do so": the pronoun is
                # the one who did the act, not the one it was done to
                source = act.source
            own = {p.code for p in source}
            if act.symmetric and {p.code for p in act.source} == {p.code for p in act.target}:
                target = source     # "... exchanged prisoners, and so did Russia and Ukraine": with each other
            elif act.target and {p.code[:3] for p in act.target} == {p.code[:3] for p in source} and \
                    len({p.code[3:] for p in act.target}) == 1:
                # "Britain expelled Russian diplomats, and Moscow did the same": tit for tat, Britain's
                sector = act.target[0].code[3:]
                target = tuple(dataclasses.replace(p, code=p.code[:3] + sector) for p in act.source)
            else:
                target = tuple(p for p in act.target if p.code not in own)
            if act.target and not target:
                continue
            negation = _negation(verb)
            trigger = doc[verb.i:t.i + 1] if t.i > verb.i else doc[verb.i:verb.i + 1]
            out.append(dataclasses.replace(
                act, source=source, target=target, trigger=trigger.text, trigger_start=trigger.start_char,
                trigger_end=trigger.end_char, negated=negation == "negated",
                hypothetical=negation == "unconfirmed" or _modal(verb), date=self._when(verb, st.day),
                rule=f"{act.rule} / repeated by '{trigger.text}'", symmetric=act.symmetric and source == act.source))
        return out

    def _mediators(self, st: _Sentence, strip: list[tuple[set[int], set[str]]]) -> list[CodedEvent]:
        """Third parties who brokered, mediated or hosted what the clause's parties did: "Israel
        and Lebanon agreed to a ceasefire brokered by the United States and France" (045 from
        each mediator to each party); "talks hosted by Malaysia" (043, coded as the parties' visit)."""
        out: list[CodedEvent] = []
        lemmas, lowers = st.lemmas, st.lowers
        led = "-" in lowers and not _LED.isdisjoint(lemmas)      # "African Union-led talks"
        if _MEDIATING.keys().isdisjoint(lemmas) and not led:
            joined = " ".join(lowers)     # "U.S.-brokered" is one token: look for the suffix at C speed
            if "-brokered" not in joined and "-mediated" not in joined and "-led" not in joined and \
                    "-sponsored" not in joined:
                return out
        for k, lemma in enumerate(lemmas):
            code = _MEDIATING.get(lemma)
            if code is None and not (led and lemma in _LED) and not lowers[k].endswith(_MEDIATED_SUFFIXES):
                continue
            t = st.span[k]
            if t.dep_ == "amod" and t.head.pos_ == "NOUN":
                # "a Qatari-brokered truce", "U.S.-brokered talks", "African Union-led talks": the
                # word before the hyphen names the mediator
                out.extend(self._mediating_compound(st, t, code, strip))
                continue
            if code is None or t.dep_ != "acl" or t.head.i == t.i:
                continue
            if t.tag_ == "VBN":      # "a deal brokered by China"
                agent = next((c for c in t.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                mediators = self._group(st, obj) if obj is not None else []
            elif t.tag_ == "VBG":    # "with Oman's foreign minister shuttling between them"
                mediators = self._group(st, t.head)
            else:
                continue
            governor = next((a for a in t.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if not mediators or governor is None:
                continue
            while governor.dep_ == "xcomp" and governor.head.i != governor.i:
                governor = governor.head     # "agreed to restore ties under a deal brokered by China"
            own = {m.code for m in mediators}
            parties = [p for p in self._subject_parties(st, governor) if p.code not in own] or [
                p for h in (t, t.head) for o in _prep_objects(h, ("between",)) for p in self._group(st, o)
                if p.code not in own]
            if not parties:
                continue     # ("a truce brokered by Egypt between Israel and Hamas took hold": the truce's parties)
            if lemma == "negotiate" and ({m.code[:3] for m in mediators} & {p.code[:3] for p in parties} or
                                         t.head.lemma_.lower() not in _NEGOTIATED or governor.lemma_.lower() in _SPURNING):
                # "accepted a deal negotiated by its foreign minister": a party's own negotiator; "rejected
                # a plan negotiated by Russia and the United States": negotiators who are parties to it
                continue
            rule = f"{self.verbs.name}: mediator {t.lemma_.lower()} [{code}]"
            out.extend(self._emit(st, code, mediators, parties, t.doc[t.i:t.i + 1], _negated(governor, None),
                                  _hypothetical(governor), self._when(governor, st.day), rule, False))
        return out

    def _named_as_crime(self, st: _Sentence, events: Sequence[CodedEvent] = ()) -> list[CodedEvent]:
        """An act called by the name of a crime: "Ecuador called the Colombian raid a massacre",
        "Iran described the strike as an act of aggression" are the namer's ACCUSE (111) of the
        act's owner ("Colombian" → COL); "called the agreement a historic step" is nothing. An
        act named by reference to an act of the same sentence ("..., and Tbilisi denounced the
        move as an annexation", "in what Kyiv called an invasion") is its doer's (``events``)."""
        out: list[CodedEvent] = []
        for k, lemma in enumerate(st.lemmas):
            if lemma not in _NAMING_VERBS:
                continue
            verb = st.span[k]
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if obj is None or verb.pos_ != "VERB":
                continue
            name = next((c for c in verb.children if c.dep_ == "oprd"), None) or next(
                (o for o in _prep_objects(verb, ("as",))), None) or next((o for o in _prep_objects(obj, ("as",))), None)
            if name is None or not _names_crime(name):
                continue
            source = self._subject_parties(st, verb)
            own = {p.code for p in source}
            if not any(t.i in st.at for t in obj.subtree):
                # "called the move an invasion": whose move the sentence must say
                target = _referred_act_doers(verb, obj, events, own)
            else:
                target = [p for p in self._group(st, obj) if p.code not in own]
            if not source or not target:
                continue
            rule = f"{self.verbs.name}: named as crime {name.lemma_.lower()} [111]"
            out.extend(self._emit(st, "111", source, target, verb.doc[verb.i:verb.i + 1], _negated(verb, None),
                                  _hypothetical(verb), self._when(verb, st.day), rule, False))
        return out

    def _mediating_compound(self, st: _Sentence, t: Token, code: str | None,
                            strip: list[tuple[set[int], set[str]]]) -> list[CodedEvent]:
        """A mediator named in a hyphenated modifier of the mediated noun ("a Norwegian-brokered
        ceasefire", "U.N.-brokered talks", "African Union-led talks"): 045 from the mediator to the
        noun's "between" parties, else to the subject of the verb that governs the noun. "led" and
        "sponsored" mediate only talks ("a Saudi-led coalition" is no mediation)."""
        noun = t.head
        if code is None and t.lower_.endswith(("-brokered", "-mediated")):
            code = "045"
        if code is None:
            if noun.lemma_.lower() not in _MEDIATED_TALKS:
                return []
            code = "045"
        if code != "045":
            return []          # "a boycott of the China-hosted summit": a host is no mediator
        if "-" in t.lower_:          # "U.S.-brokered": one token, the actor written before the hyphen
            text = t.text[:t.text.rindex("-")]
            found = self.lexicon.scan([text.lower()], [text])
            codes = found[0].entry.codes_on(st.day) if found and isinstance(found[0].entry, ActorEntry) else ()
            mediators = [Party(codes[0], text, t.idx, t.idx + len(text), found[0].entry.kind)] if codes else []
        else:
            if not any(c.dep_ == "punct" and c.lower_ == "-" for c in t.children):
                return []
            mediators = _dedupe(p for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                                and c.i < t.i for p in self._group(st, c))
        if not mediators:
            return []
        own = {m.code for m in mediators}
        between = [p for o in _prep_objects(noun, ("between",)) for p in self._group(st, o)]
        governor = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if governor is None:
            return []
        while governor.dep_ == "xcomp" and governor.head.i != governor.i:
            governor = governor.head
        parties = between or self._subject_parties(st, governor)
        if not parties or any(p.code in own for p in parties):
            return []          # "Kenyan-led talks" that Kenya held: a party, no mediator
        # the mediator is no party of the mediated noun nor of the verb that governs it
        strip.append(({noun.idx, governor.idx}, own))
        rule = f"{self.verbs.name}: mediator {t.lower_.rsplit('-', 1)[-1]} [{code}]"
        return self._emit(st, code, mediators, _dedupe(parties), t.doc[t.i:t.i + 1], _negated(governor, None),
                          _hypothetical(governor), self._when(governor, st.day), rule, False)

    def _own_people(self, st: _Sentence, lower: list[TokenForms], country: str,
                    sectors: frozenset[str] | None = None) -> list[Party]:
        """"Iranian police fired on protesters": a state's own police (courts, government)
        acting on a bare group ("protesters", "journalists"), named before any actor, act on
        their own country's people. With ``sectors``, only a group of those sectors counts
        ("students protested against the government")."""
        for idx, _ in lower:
            m = st.at.get(idx)
            if m is None or m.start != idx:
                continue
            if isinstance(m.entry, ActorEntry) and self.locations and _is_place_at(idx, st):
                continue     # "marched in Budapest against the government": where, not whom
            if isinstance(m.entry, AgentEntry) and m.entry.kind != "role" and (
                    sectors is None or m.entry.code in sectors):
                head = st.span.doc[m.end - 1]
                if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "obj", "pobj", "nsubjpass", "conj", "poss"):
                    continue     # "military aid": a modifier, not the group acted on
                return [self._party(st, m, country + m.entry.code)]
            return []
        return []

    # ------------------------------------------------------------------------------------ nouns

    def _code_noun(self, st: _Sentence, noun: Token, entry: NounEntry, wanted: bool = False) -> list[CodedEvent]:
        """A nominal event. ``wanted``: the noun is what a request or rejection is about ("called
        for talks with Putin", "rejected talks with Japan"): coded as not having happened, by the
        one who asked or refused."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _SETTINGS:
            return []    # "on the sidelines of the BRICS summit": the setting, not an event
        if noun.dep_ in ("dobj", "obj") and self.verbs.lemma_mode and _accused_act(noun.head):
            return []    # "accused Uganda of plotting riots": the riots are what the accusation alleges
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _STOPPINGS and \
                self.verbs.lemma_mode:
            return []    # "agreed to a cessation of hostilities": the stopping is the event, not the fighting
        if entry.symmetric and entry.code[:2] == "05" and noun.dep_ == "pobj" and noun.head.lower_ == "without" \
                and self.verbs.lemma_mode:
            # "the summit between A and B ended without a deal", "walked away from talks with B
            # without an agreement": the parties of the talks did not agree (a negated 057)
            parties: list[Party] = []
            for t in _talks_around(noun):
                if t.pos_ in ("VERB", "AUX"):
                    if any(e.code[:2] == "04" for e in self.verbs.verbs_for(_lower(t), t.lemma_.lower())):
                        parties = self._subject_parties(st, t) + [
                            p for c in t.children if c.dep_ in ("dobj", "obj") for p in self._group(st, c)] + [
                            p for o in _prep_objects(t, ("with",)) for p in self._group(st, o)]
                else:
                    inner = self.verbs.noun_for([], t.lemma_.lower()) or self.verbs.noun_for([], t.lower_)
                    if inner is not None and inner.symmetric and inner.code[:2] == "04":
                        parties = [p for e in self._code_noun(st, t, inner) for p in (*e.source, *e.target)]
                parties = _dedupe(parties)
                if len({p.code for p in parties}) >= 2:
                    rule = f"{self.verbs.name}: noun {entry.name} [{entry.code}] without"
                    return self._emit(st, entry.code, parties, parties, noun.doc[noun.i:noun.i + 1], True,
                                      _modal(noun.head.head), self._found_when(noun.head.head, st.day) or st.day,
                                      rule, True)
            return []
        if entry.code[:2] == "03" and self.verbs.lemma_mode and noun.lemma_.lower() in _OFFERS and \
                _answered(noun) is not None:
            # "turned down an offer from Trump to send troops", "agreed to a U.S. proposal for a
            # ceasefire": the answer codes the exchange; the offer answered is not coded again
            return []
        if self.verbs.lemma_mode and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "upon") and \
                noun.lemma_.lower() == "invitation" and noun.head.head.pos_ == "VERB":
            # "troops landed at the invitation of the Solomon Islands government": the inviter asked
            # them to come, as "at the request of" does
            entry = self.verbs.noun_for([], "request") or entry
        if entry.code == "041" and entry.symmetric and self.verbs.lemma_mode and noun.lemma_.lower() == "call" and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in noun.children) and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
            # "Ukraine's call for a ceasefire": a call for something is an appeal, not a phone call
            # (one answered, "rejected Trump's call for a ceasefire", is coded by the answer, as an offer
            # is; one a verb's pattern names, "renewed calls for a ceasefire", by that verb)
            if _answered(noun) is not None or wanted:
                return []
            entry = self.verbs.noun_for([], "appeal") or entry
        if self.verbs.lemma_mode and noun.lemma_.lower() in _SUITS and not any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _FILING for c in noun.children):
            return []    # "the case of Crimea", "a complaint about noise": a case is a lawsuit only when brought
        if self.verbs.lemma_mode and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lemma_.lower() in _OBJECT_VERBS:
            return []    # "froze approvals of arms sales to Riyadh": the approval codes (or not) what it names
        approved: Token | None = None
        if entry.code == "---":
            # "Washington's approval of an arms sale to Taiwan": what is approved picks the code
            # (as "approved an arms sale" does), and names the target
            code = self._code_by_object(noun) if self.verbs.lemma_mode else None
            if code is None or code == "---" or (noun.dep_ in ("dobj", "obj") and (
                    noun.head.lemma_.lower() in _NEGATING_HEADS | _UNDOING)):
                return []    # "halted approvals of arms exports": the halting is the event
            entry = dataclasses.replace(entry, code=code)
            approved = next(_prep_objects(noun, ("of",)), None)
        source: list[Party] = []
        target: list[Party] = []
        away = entry.code[:2] in ("08", "16", "17")      # "withdrawal from Niger": from is the target
        possessive: Token | None = None
        children = list(noun.children)
        if self.verbs.lemma_mode and not self.bare_agents:
            children += self._stray_preps(st, noun)
        # "the release of three hostages by Hamas": with a "by" agent, the "of" object is what is acted on
        agentive = any(c.dep_ == "prep" and c.lower_ == "by" for c in children) and not entry.symmetric and \
            self.verbs.lemma_mode
        # "the withdrawal of French troops", "the deployment of Chinese warships": who moves does it
        # ("the release of three hostages": who is freed does not)
        moving = entry.code[:2] in ("08", "15") and entry.code[:3] != "084" and not agentive
        for child in children:
            if child.dep_ == "prep":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                word = child.lower_
                if word == "between" or (entry.symmetric and word in ("with", "among")):
                    parties = self._group(st, obj)
                    if word == "between":
                        source, target = source + parties, target + parties
                    else:
                        target += parties
                elif word == "by" or (word == "from" and not away) or (word == "of" and (
                        moving if self.verbs.lemma_mode else entry.code[:2] == "08")):
                    source += self._group(st, obj)      # "the withdrawal of French troops"
                elif word == "of" and self.verbs.lemma_mode and entry.code[:2] in ("02", "10") and not agentive:
                    source += self._group(st, obj)      # "at the request of the Malian junta"
                elif word == "of" and (entry.code[:2] in ("11", "12", "13", "14", "17", "18", "19", "20") or (
                        self.verbs.lemma_mode and (agentive or entry.code[:2] == "16" or entry.code[:3] == "084"))):
                    # "Russia's invasion of Ukraine", "the expulsion of Russian diplomats", "the arrest
                    # of a Japanese national by Chinese police"
                    target += self._group(st, obj)
                    if entry.code in _OBJECT_CODED and self.verbs.lemma_mode:
                        # "a boycott of the Beijing Olympics": the city naming the event is its host country
                        target = [_host(p, obj) for p in target]
                elif word == "of" and entry.code == "061" and self.verbs.lemma_mode:
                    # "purchases of Russian oil": the goods' country is the partner
                    target += [p for t in obj.subtree if t.i in st.at and t.dep_ in ("amod", "compound", "poss")
                               and t.head.i == obj.i for p in self._group(st, t)]
                elif word in ("of", "as") and entry.code == "054" and self.verbs.lemma_mode:
                    # "France's recognition of Palestine"; "of Jerusalem as Israel's capital": Israel's
                    owner = next((c for c in obj.children if c.dep_ == "poss" and c.i in st.at), None)
                    if word == "of":
                        target += self._group(st, obj)
                    elif owner is not None:
                        target = self._group(st, owner)
                elif word in ("on", "against", "to", "with", "toward", "towards", "at", "over", "into", "from",
                              "around", "near", "off"):
                    if self.locations and _is_place(obj, st) and word != "from":
                        continue
                    target += self._group(st, obj)
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _LEADING and \
                    not entry.symmetric and self.verbs.lemma_mode:
                # "street protests led by opposition lawmaker X", "a general strike called by the
                # opposition parties": who led or called the act does it
                source += [p for a in child.children if a.dep_ == "agent"
                           for o in a.children if o.dep_ == "pobj" for p in self._group(st, o)]
                if child.lemma_.lower() in _FILING:
                    # "a complaint filed by Ukraine against Russia": whom the suit is against
                    target += [p for o in _prep_objects(child, ("against",)) for p in self._group(st, o)]
                    if not target and noun.dep_ == "pobj" and noun.head.lower_ == "in":
                        # "ruled against Colombia in a case brought by Nicaragua", "ruled that China had
                        # no legal basis ..., in a case brought by the Philippines"
                        ruling = noun.head.head
                        target += [p for o in _prep_objects(ruling, ("against",)) for p in self._group(st, o)] or [
                            p for c in ruling.children if c.dep_ == "ccomp"
                            for x in c.children if x.dep_ == "nsubj" for p in self._group(st, x)]
                    if not target and noun.lemma_.lower() in _SUITS:
                        return []    # a case against no one named is no suit we can code
            elif child.dep_ == "poss" and child.lower_ in _PRONOUNS:
                possessive = child
            elif child.dep_ in ("poss", "compound", "amod", "nmod"):
                # "Putin's call", "the Trump-Putin call", "US-Russia talks", "Russian strikes"
                if child.dep_ == "poss" and child.i in st.agent_tokens and self.verbs.lemma_mode and \
                        not self.bare_agents:
                    # "the Chinese navy's deployment", "Russian troops' withdrawal": the owner with its agent
                    owners = [p for p in self._group(st, child) if p.kind not in _LOCATION_KINDS | {"demonym"}]
                    if owners:
                        source += owners
                        continue
                for i in sorted(t.i for t in child.subtree):
                    m = st.at.get(i)
                    if m is None or m.start != i or not isinstance(m.entry, ActorEntry):
                        continue
                    if m.entry.kind not in _LOCATION_KINDS | {"demonym"} or (
                            child.dep_ == "poss" and m.entry.kind == "metonym" and m.end - 1 == child.i
                            and self.verbs.lemma_mode):
                        # ("Washington's approval": a seat of government that owns the act does it)
                        source += [self._party(st, m, c) for c in m.entry.codes_on(st.day)]
        if agentive and entry.code[:2] in ("08", "15"):
            # "the withdrawal of Russian troops by Moscow": its own forces are no target
            target = [p for p in target if p.code[:3] not in {q.code[:3] for q in source}]
        if entry.code in _OBJECT_CODED:
            target = _dedupe(target)
        if approved is not None and not target:
            # "approval of an arms sale to Taiwan": to whom what is approved goes
            target = [p for o in _prep_objects(approved, ("to", "for")) for p in self._group(st, o)]
        governor = _governing_verb(noun)
        light = governor is not None and not self._verb_codes(governor)
        if not target and entry.code[:2] == "14" and self.verbs.lemma_mode:
            # "called a general strike against Netanyahu's judicial plan": whose plan is protested
            # (the parser may hang "against" on the verb the noun is the object of)
            heads = (noun, governor) if governor is not None and noun.dep_ in ("dobj", "obj") else (noun,)
            for obj in (o for h in heads for o in _prep_objects(h, ("against",))):
                owner = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS), None)
                target += self._group(st, obj) or (self._group(st, owner) if owner is not None else [])
        if not target and source and entry.code[:2] == "14" and self.verbs.lemma_mode:
            # "resigned, bowing to weeks of protests led by X": the one who yields is the one protested
            yielder = _yielded_to(noun)
            if yielder is not None:
                own = {p.code for p in source}
                target = [p for p in self._subject_parties(st, yielder) if p.code not in own]
        if not target and light and noun.dep_ in ("dobj", "obj") and entry.code[:2] in _FORCE:
            # "began air strikes on Afghanistan": the parser hung the target on the light verb
            for child in governor.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against", "into", "at"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        target += self._group(st, obj)
        if not target and entry.code[:2] in _FORCE and self.verbs.lemma_mode:
            # the "on" phrase of the strike (the parser may hang it on the verb after the noun:
            # "condemned Russia's strike on a store in Kharkiv")
            struck = [o for c in (*noun.children, *(noun.head.children if noun.dep_ in ("dobj", "obj") else ()))
                      if c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and
                      (c.head.i == noun.i or c.i == noun.right_edge.i + 1)
                      for o in c.children if o.dep_ == "pobj"]
            # "strikes on three of its nuclear sites": whose sites were struck
            target += [t for obj in struck for t in self._owner(st, obj, source) or self._users(st, obj)]
            # "a strike on a market in Kharkiv": where the struck thing is
            place = next((t for obj in struck for t in obj.subtree
                          if t.i in st.at and isinstance(st.at[t.i].entry, ActorEntry)), None) if not target else None
            if place is not None:
                target += [p for p in self._group(st, place) if p.code[:3] not in {q.code[:3] for q in source}]
            if not target and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and any(
                    _violent(v.code) for v in self.verbs.verbs_for(_lower(noun.head), noun.head.lemma_.lower())):
                # "a drone attack by the militia killed three U.S. soldiers": whom the attack's verb
                # names (the verb, with its source only in the noun's "by" phrase, codes nothing itself)
                obj = next((c for c in noun.head.children if c.dep_ in ("dobj", "obj")), None)
                own = {p.code for p in source}
                target = [p for p in (self._group(st, obj) or self._owner(st, obj, source)) if p.code not in own] \
                    if obj is not None else []
        if not source and governor is not None and noun.dep_ in ("dobj", "obj") and entry.code[:2] in _REACTIONS \
                and governor.lemma_.lower() in _DRAWING and self.verbs.lemma_mode:
            # "the test drew condemnation from China", "..., drawing protests from Seoul": the one the
            # reaction comes from is its source, the one who drew it its target
            for obj in _prep_objects(governor, ("from",)):
                source = self._group(st, obj)
            if source:
                own = {p.code for p in source}
                target = target or [p for p in self._subject_parties(st, governor) if p.code not in own]
        dated = noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.lemma_.lower() in _TIME_NOUNS or (self.verbs.lemma_mode and noun.head.head.lemma_.lower() in _REPORTS))
        # ("received reports of mass killings": who received the reports did not do the killing)
        if not source and governor is not None and (wanted or light) and not dated:
            # a light verb: "French troops completed their withdrawal", "began three days of drills"
            source = self._subject_parties(st, governor)
        if not source and entry.code[:2] in ("12", "14") and noun.dep_ == "pobj" and noun.head.lower_ == "in" and \
                noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children):
            # "farmers blocked the roads in protest against the tariffs": a protest by the clause's subject;
            # "tested a missile in defiance of U.N. resolutions": the defiance is the tester's
            clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            source = self._subject_parties(st, clause) if clause is not None else []
        if not source and possessive is not None:
            source = self._pronoun(st, possessive)
        if source and not target and entry.code[:2] == "14" and self.verbs.lemma_mode and \
                len({p.code[:3] for p in source}) == 1 and all(p.code[3:6] in _POPULAR for p in source):
            # "doctors walked out in protest against the government's plan": their own government
            after = [(t.i, frozenset()) for t in noun.subtree if t.i > noun.i]
            target = self._own_people(st, after, source[0].code[:3], _DOMESTIC | {"MIL"})
        owned = _owned_by(noun)
        if not source and owned is not None:
            # "Hamas claimed responsibility for the attack", "Iran denied any role in the strike":
            # the one who claims or denies the act is its source (a denial negates it)
            source = self._subject_parties(st, owned)
        if entry.symmetric and not source and not target and noun.dep_ == "nsubj" and self.verbs.lemma_mode:
            # "fighting broke out between the army and the RSF", "clashes erupted between ...": the
            # parser hangs the parties on the verb the event noun is the subject of
            for obj in _prep_objects(noun.head, ("between",)):
                source = target = self._group(st, obj)
        if entry.symmetric:
            everyone = _dedupe(source + target)
            if not everyone and noun.dep_ == "pobj" and noun.head.lower_ in _WHEN_PREPS:
                return []    # "ready to lead a force after a ceasefire": a time, not an event
            # ("Following talks with Xi, Lula signed ...": the parser makes "following" a verb)
            when_object = noun.dep_ in ("dobj", "obj") and noun.head.dep_ == "prep" and noun.head.lower_ in _WHEN_PREPS
            if len({p.code for p in everyone}) < 2 and (noun.dep_ == "pobj" or when_object) and \
                    entry.code[:2] != "05" and not self._hostile_of(noun):
                # (not for an agreement: "out of the Iran nuclear deal", "Article 4 of NATO's
                # treaty" name one that exists, not one the clause's actors made)
                # "Russia said it would scale back ... after talks with Ukrainian negotiators":
                # the clause's subject is the other party
                governor = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")
                                 and not (a.dep_ == "prep" and a.lower_ in _WHEN_PREPS)), None)
                if governor is not None:
                    # "Erdogan congratulated Trump ... in a phone call": the clause's actors
                    subjects, _ = _subject(governor)
                    objects = [c for c in governor.children if c.dep_ in ("dobj", "obj") and c.i in st.at]
                    everyone = _dedupe(everyone + [p for x in (*subjects, *objects) for p in self._group(st, x)])
            if len({p.code for p in everyone}) < 2:
                return []
            if len(target) and len(source) and {p.code for p in source}.isdisjoint({p.code for p in target}):
                pass     # "Putin's call with Trump": source and partner, both ways (emitted below)
            else:
                source = target = everyone
        if source and not target and entry.code[:2] in ("02", "10") and noun.dep_ == "pobj" and \
                noun.head.lower_ in ("at", "upon", "on", "after", "following") and noun.head.head.pos_ == "VERB" and \
                self.verbs.lemma_mode:
            # "France sent troops at the request of the Malian government", "at Kazakhstan's request",
            # "after a request from Haiti", "at the invitation of": the asker asked the one who acted
            # (README: the host's REQUEST to the sender)
            own = {p.code for p in source}
            target = [p for p in self._subject_parties(st, noun.head.head) if p.code not in own]
        if source and not target and (entry.code[:2] in ("02", "10") or noun.lemma_.lower() == "ultimatum") and \
                self.verbs.lemma_mode and not self.bare_agents and noun.dep_ in ("dobj", "obj", "pobj"):
            # (a threat is aimed at whoever meets its condition, an ultimatum at whom it is given)
            target = self._asked(st, noun, source)
        if not source and not target:
            return []
        negated = _negated(noun.head, None) if noun.dep_ in ("dobj", "obj", "nsubjpass") else False
        if owned is not None and source:
            negated = negated or _negated(owned, None) or owned.lemma_.lower() in _DENYING
        negated = negated or any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children)
        hypothetical = _hypothetical(noun.head) if noun.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") else False
        if noun.dep_ in ("dobj", "obj") and self.verbs.lemma_mode and _kept_open(noun.head):
            # "would not rule out further strikes": kept open, not undone
            negated, hypothetical = False, True
        hypothetical = hypothetical or wanted or _intended_for(noun)
        rule = f"{self.verbs.name}: noun {entry.name} [{entry.code}]"
        code = entry.code
        if code in _OBJECT_CODED and self.verbs.lemma_mode:
            # "a boycott of the summit" (161), "a boycott of French goods" (163): what is boycotted
            # picks the code, as it does for the verb ("boycotted the summit")
            code = self._code_by_object(noun) or code
        elif code in _BANS and self.verbs.lemma_mode:
            # "Poland's ban on Ukrainian grain" (163, an embargo), "a ban on the opposition party"
            # (1722): what is banned picks the code, as it does for the verb ("banned imports of")
            code = self._code_by_object(noun, "on") or code
        governor = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        when = self._found_when(noun, st.day) or (
            self._found_when(governor, st.day) if governor is not None else None) or st.day
        return self._emit(st, code, source, target, noun.doc[noun.i:noun.i + 1], negated, hypothetical,
                          when, rule, entry.symmetric)

    def _asked(self, st: _Sentence, noun: Token, source: Sequence[Party]) -> list[Party]:
        """Whom a request, demand or ultimatum with a known author is made of: the subject of the
        clause saying what is demanded ("a U.N. demand that Iran suspend enrichment"), else the one
        who grants, meets, ignores or rejects it ("the Senate approved Biden's request to ...",
        "Mali ignored an ultimatum from Algeria"), or who acts at it ("the Council met in an
        emergency session at Ukraine's request", the parser hanging "at" on the object)."""
        own = {p.code for p in source}
        # (the parser may read the "that" clause as a relative one)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")), None)
        if clause is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            doers = [p for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for p in self._group(st, c)]
            if doers:
                return [p for p in doers if p.code not in own]
        verb: Token | None = None
        if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in _GRANTING:
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in ("at", "upon") and noun.head.head.dep_ in ("dobj", "obj") \
                and noun.head.head.head.pos_ == "VERB":
            verb = noun.head.head.head
        if verb is None:
            return []
        return [p for p in self._subject_parties(st, verb) if p.code not in own]

    def _act_root(self, noun: Token) -> str | None:
        """The root code (two digits) of the nominal event a noun names, if any."""
        entry = self.verbs.noun_for([], noun.lemma_.lower()) or self.verbs.noun_for([], noun.lower_)
        return entry.code[:2] if entry is not None else None

    def _stray_preps(self, st: _Sentence, noun: Token) -> list[Token]:
        """A nominal event's prepositions that the parser hung elsewhere: a "by" on its "of" object
        ("the expulsion of Russian diplomats by Poland"), or a "by" or "to" on the verb the noun is
        the object of, right after the noun's phrase ("criticised the detention of a journalist by
        Turkish police", "condemned the deployment of troops to Russia"). Only one whose object
        names an actor ("by Friday", "to the region" stay where they are)."""
        out: list[Token] = []
        own = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        if "by" not in own:
            for obj in _prep_objects(noun, ("of",)):
                by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                if by is not None and any(self._group(st, o) for o in _prep_objects(obj, ("by",))):
                    out.append(by)
                    own.add("by")
        verb = noun.head
        if noun.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and verb.i != noun.i:
            after = noun.right_edge.i + 1
            for c in verb.children:
                if c.i == after and c.dep_ == "prep" and c.lower_ in ("by", "to") and c.lower_ not in own and \
                        not (c.lower_ == "by" and _subject(verb)[1]) and \
                        any(self._group(st, o) for o in c.children if o.dep_ == "pobj"):
                    out.append(c)
        return out

    def _hostile_of(self, noun: Token) -> bool:
        """Whether a noun is the "of" object of a hostile nominal event ("a boycott of the summit"):
        the clause's actors turned against it, they took no part in it."""
        prep = noun.head
        if prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        outer = prep.head
        entry = self.verbs.noun_for([], outer.lemma_.lower()) or self.verbs.noun_for([], outer.lower_)
        return entry is not None and entry.code[:1] == "1"

    def _code_by_object(self, noun: Token, word: str = "of") -> str | None:
        """The code the verb of a nominal event's lemma gives its "of" (or ``word``) object: "a
        boycott of the summit" is coded as "boycotted the summit" is (only its patterns after the verb)."""
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == word), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            return None
        tokens = [(t.i, frozenset((t.lower_, t.lemma_.lower()))) for t in obj.subtree]
        verb = _OBJECT_VERBS.get(noun.lemma_.lower())     # "approval" codes as "approve" does
        for entry in self.verbs.verbs_for(verb, verb) if verb else self.verbs.verbs_for(noun.lower_, noun.lemma_.lower()):
            for p in entry.patterns:
                if not p.upper and p.code != "---" and match_pattern(p.lower, tokens, -2, 1) is not None:
                    return p.code
        return None

    def _verb_codes(self, verb: Token) -> bool:
        """Whether a verb would code by itself (so its object noun is not a separate event)."""
        for e in self.verbs.verbs_for(_lower(verb), verb.lemma_.lower()):
            if e.code != "---":
                return True
        return False

    # ----------------------------------------------------------------------------------- actors

    def _beneficiaries(self, st: _Sentence, verb: Token, source: list[Party]) -> list[Party]:
        """The other country a joint intent is for: the first actor of a "for/to/in/into" phrase
        inside its complement ("agreed to a rescue for Greece", "were ready to lead a force in Ukraine",
        "agreed to send troops to East Timor"), not a place of one of the subjects' own countries
        ("agreed to a ceasefire in Donbas") and not a "by" agent."""
        own = {p.code[:3] for p in source}
        for c in verb.children:
            if not (c.dep_ in ("xcomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "to")):
                continue
            for t in c.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("for", "to", "in", "into") and t.i in st.at:
                    parties = self._group(st, t)
                    if parties and all(p.code[:3] not in own for p in parties):
                        return parties
        return []

    def _group(self, st: _Sentence, token: Token) -> list[Party]:
        """The parties a noun phrase names, conjuncts and agents included (worked out once per
        token of a sentence: a subject serves many verbs)."""
        got = st.groups.get(token.i)
        if got is None:
            got = st.groups[token.i] = self._find_group(st, token)
        return list(got)

    def _find_group(self, st: _Sentence, token: Token) -> list[Party]:
        view = st.view
        assert view is not None
        poses = view.poses
        if view.lowers[token.i] in _PRONOUNS and token.i not in st.at:
            return self._pronoun(st, token)
        head = _np_head(token, st)
        if view.lemmas[head.i] in _PAIR_NOUNS and any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in head.children):
            return self._pair(st, head)
        if poses[head.i] == "NOUN" and not self.bare_agents and not _PAIR_WORDS.isdisjoint(st.lowers):
            # "officials from both countries", "delegations of the two sides": the pair, each with the
            # head's agent
            pair = next((o for o in _prep_objects(head, ("of", "from")) if o.lemma_.lower() in _PAIR_NOUNS and any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in o.children)), None)
            if pair is not None:
                own = _agents([m for m in {st.at[i] for i in _np_tokens(head, {pair.head.i}, st) if i in st.at}
                               if isinstance(m.entry, AgentEntry)], head)
                return [Party(_combine(p.code, own, p.kind, True), p.text, p.start_char, p.end_char, p.kind)
                        for p in self._pair(st, pair)]
        deps, heads = view.deps, view.heads
        h = head.i
        while deps[h] == "conj" and heads[h] != h and poses[heads[h]] in ("NOUN", "PROPN", "PRON") and not (
                poses[h] == "PROPN" and poses[heads[h]] == "NOUN" and _split_subject(view.doc[h])):
            h = heads[h]
        if h != head.i:
            head = view.doc[h]
        conjuncts = _conjuncts(head, st)
        outer: list[LexMatch] = []
        if len(conjuncts) == 1 and poses[h] == "NOUN" and not self.bare_agents and \
                not (head.i in st.at and isinstance(st.at[head.i].entry, ActorEntry)):
            # "representatives of the Sudanese army and the RSF", "the leaders of Egypt and Jordan":
            # a head over a list of actors stands for each of them, with the head's own agent
            # where an item has none (not one actor with every item's agents)
            # (the head's sentence is walked: :func:`_conjuncts` did it)
            kids = view.kids
            inner = next((o for o in _prep_objects_at(view, h, ("of", "from")) if any(
                deps[x] == "conj" and poses[x] in ("NOUN", "PROPN") for x in kids.get(o, ()))), None)
            if inner is not None:
                outer = [m for m in {st.at[i] for i in _np_tokens(head, {heads[inner]}, st) if i in st.at}
                         if isinstance(m.entry, AgentEntry)]
                conjuncts = _conjuncts(view.doc[inner], st)
        others = {c.i for c in conjuncts}
        doc = st.span.doc
        per: list[tuple[Token, list[LexMatch], list[LexMatch]]] = []
        for c in conjuncts:
            tokens = _np_tokens(c, others - {c.i}, st, st.agent_tokens if self.locations else None)
            actors: list[LexMatch] = []
            agents: list[LexMatch] = []
            seen: set[int] = set()
            for i in sorted(tokens):
                m = st.at.get(i)
                if m is None or m.start in seen:
                    continue
                seen.add(m.start)
                if isinstance(m.entry, AgentEntry):
                    if m.start > c.i and _in_clause(doc[m.end - 1], c):
                        continue    # "accused the party of attacking an army base": not the party's
                    agents.append(m)
                elif m.entry.codes_on(st.day):
                    actors.append(m)
            people = [a for a in actors if a.entry.kind == "person"]  # type: ignore[union-attr]
            if people and not self.bare_agents:
                actors = people     # "U.S. envoy Steve Witkoff": the person's own code says more
            groups = [a for a in actors if a.entry.kind in _OWN_CODED]  # type: ignore[union-attr]
            if groups and not people and not self.bare_agents:
                # "Iran-backed Houthis", "Lebanon's Hezbollah": the group's code says more (an actor
                # listed with the group is one of its own: "the Taliban and U.S. envoys")
                actors = [a for a in actors if a in groups or any(
                    _conj_linked(doc[g.end - 1], doc[a.end - 1]) for g in groups)]
            if len(actors) > 1 and not self.bare_agents:
                # "the Moscow-led CSTO alliance": who leads or backs a named actor is not it
                backers = {x.i for a in c.children if a.dep_ == "amod" and a.tag_ == "VBN" and a.i > 0
                           and doc[a.i - 1].text == "-" for x in a.subtree}
                actors = [a for a in actors if a.start not in backers] or actors
            if actors:
                linked = [actors[0]]
                for a in actors[1:]:
                    if _conj_linked(doc[linked[0].end - 1], doc[a.end - 1]) or _listed(st, linked[-1], a):
                        linked.append(a)
                actors = linked
            if per and not actors and not agents:
                actors = self._trailing_of(st, c, per[0][0])
            per.append((c, actors, _agents(agents or (outer if actors else []), c)))
        per = _merge_strays(per, doc)
        borrowed = [a for _, actors, _ in per for a in actors]
        parties: list[Party] = []
        for k, (c, actors, agents) in enumerate(per):
            if k > 0 and c.dep_ == "appos" and not any(x.dep_ == "conj" for x in c.children) and (
                    per[0][1] or per[0][2]) and not _appos_list_item(per[0], c, actors, st.day):
                continue   # "the Minister, Telemar": an apposition names the same actor again
            if self.new_actor_length:    # PETRARCH's new_actor_length: an uncoded phrase is its own actor
                parties.extend(self._new_actors(st, c, others - {c.i}, actors, agents))
                parties.extend(self._new_actor_after_and(st, c, others - {c.i}))
            use = actors or (borrowed if agents else [])
            if not use and not agents and not self.bare_agents:
                maker = _made_in(c, st)
                if maker is not None:
                    # "tariffs on cars made in Mexico": goods are their maker's
                    parties.extend(self._group(st, maker))
                    continue
            if not use and not self.bare_agents:
                owner = next((x for x in c.children if x.dep_ == "poss" and x.lower_ in _PRONOUNS), None)
                if owner is not None and c.lemma_.lower() in _RELATIONAL:
                    continue    # "its ally", "his counterpart": another party than the owner, unnamed
                # "thanked his country", "met her government": a state named by its owner is a party
                # as an object too ("withdrew its forces" names no other party)
                state = c.lemma_.lower() in _STATE_NOUNS and head.dep_ in ("dobj", "obj") and c.i == head.i
                if owner is not None and (head.dep_ in _SUBJECTS or (head.dep_ == "pobj" and head.head.lower_ == "by")
                                          or state):
                    # "its forces fired", "shelled by their artillery": the owner's country with the
                    # phrase's agents; "his country" is the person's country
                    country = c.i in st.at and st.at[c.i].entry.name == "country"
                    owners = self._pronoun(st, owner)
                    if state and head.dep_ not in _SUBJECTS:
                        # ("Macron thanked his country": the subject's own state is no other party)
                        own = {p.code[:3] for p in self._subject_parties(st, head.head)}
                        owners = [p for p in owners if p.code[:3] not in own]
                    for p in owners:
                        base = p.code[:3] if (agents or country) and p.kind != "igo" and p.kind != "group" and \
                            not p.code.startswith("IGO") else p.code
                        span = doc[c.left_edge.i:c.i + 1]
                        # (an NGO's own people are the NGO: "the Red Cross said its staff ...")
                        ngo = base.startswith("NGO") and not self.bare_agents
                        parties.append(Party(_combine(base, agents, "actor", ngo), span.text, span.start_char,
                                             span.end_char, p.kind))
                    continue
            former = not self.bare_agents and any(
                a.entry.kind == "role" and _former(st.view.lowers, a.start, st) for a in agents)  # type: ignore[union-attr]
            if not use and agents:
                role = next((a for a in agents if isinstance(a.entry, AgentEntry) and a.entry.kind == "role"), None)
                if role is not None:
                    resolved = self._role_reference(st, role.entry, role)  # type: ignore[arg-type]
                    if resolved:
                        parties.extend(resolved)
                        continue
                if self.bare_agents:
                    parties.append(self._party(st, agents[0], _combine("---", agents, "actor")))
                continue
            for m in use:
                assert isinstance(m.entry, ActorEntry)
                for code in m.entry.codes_on(st.day):
                    near = min(agents, key=lambda a: min(abs(a.start - m.end), abs(m.start - a.end))) if agents else None
                    code = _combine(code, agents, m.entry.kind, not self.bare_agents)
                    if former and m.entry.kind != "person":
                        code = _out_of_office(code)    # "former Bolivian President": out of office
                    parties.append(self._party(st, m, code,
                                               near if near is not None and min(abs(near.start - m.end),
                                                                                abs(m.start - near.end)) <= 2 else None))
        parties = _dedupe(parties)
        # "the two presidents, the United States and Russia": USAGOV already says USA
        return [p for p in parties if not (len(p.code) == 3 and any(
            q.code != p.code and q.code.startswith(p.code) for q in parties))]

    def _trailing_of(self, st: _Sentence, conjunct: Token, first: Token) -> list[LexMatch]:
        """"Ithilen's sheep and goats of Gondor": the parser hangs the "of" phrase right after a
        later conjunct on the first one; a conjunct naming nothing takes that phrase's actors."""
        of = next((x for x in first.children if x.dep_ == "prep" and x.lower_ == "of"
                   and x.i == conjunct.right_edge.i + 1), None)
        if of is None:
            return []
        out: list[LexMatch] = []
        for t in of.subtree:
            m = st.at.get(t.i)
            if m is not None and m.start == t.i and isinstance(m.entry, ActorEntry) and m.entry.codes_on(st.day):
                out.append(m)
        return out[:1]

    def _party(self, st: _Sentence, m: LexMatch, code: str, agent: LexMatch | None = None) -> Party:
        start, end = m.start, m.end
        if agent is not None:
            start, end = min(start, agent.start), max(end, agent.end)
        view = st.view
        texts, spaces = view.texts[start:end], view.spaces
        start_char, end_char = view.starts[start], view.starts[end - 1] + len(texts[-1])
        kind = m.entry.kind if isinstance(m.entry, ActorEntry) else "agent"
        text = "".join([texts[k - start] + " " if spaces[k] else texts[k - start] for k in range(start, end - 1)]) + texts[-1]
        return Party(code, text, start_char, end_char, kind)

    def _pronoun(self, st: _Sentence, token: Token) -> list[Party]:
        want = _PRONOUNS.get(token.lower_, "any")
        # "Britain and France said they were ready", "Kyiv was warned that it must": the subject
        # of the clause the pronoun's clause depends on
        clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        object_of_clause = token.dep_ in ("dobj", "obj") and clause is not None and token.head.i == clause.i
        # (the object of a clause with no subject of its own: "..., accusing them of spying")
        bare_object = object_of_clause and self.verbs.lemma_mode and not any(
            c.dep_ in _SUBJECTS for c in clause.children)  # type: ignore[union-attr]
        if bare_object and clause.dep_ == "advcl" and clause.head.i != clause.i:  # type: ignore[union-attr]
            # "expelled diplomats from Austria, accusing them of spying": the object of a trailing
            # participle is the object of the act it trails, when the two agree in number
            obj = next((c for c in clause.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.lower_ not in _PRONOUNS and token.lower_ in ("them", "it", "him", "her") and \
                    (token.lower_ == "them") == (obj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in obj.children)):
                group = self._group(st, obj)
                sector = st.at.get(obj.i)
                if not group and sector is not None:
                    group = [p for o in _prep_objects(clause.head, ("from",)) for p in self._group(st, o)]
                if sector is not None and isinstance(sector.entry, AgentEntry):
                    # ("diplomats from Germany and Poland": the countries' diplomats)
                    group = [Party(_combine(p.code, [sector], p.kind, True), p.text, p.start_char, p.end_char, p.kind)
                             if len(p.code) == 3 else p for p in group]
                if group:
                    return [Party(p.code, token.text, token.idx, token.idx + len(token.text), p.kind) for p in group]
        if clause is not None and clause.dep_ in ("ccomp", "xcomp", "advcl") and clause.head.i != clause.i:
            subjects = [c for c in clause.head.children if c.dep_ in _SUBJECTS and c.lower_ not in _PRONOUNS]
            group = _dedupe(p for subj in subjects for p in self._group(st, subj))
            # ("Algeria's foreign minister said his country ...": a title is a person too)
            titled = want == "person" and bool(subjects) and all(self._titled(st, subj) for subj in subjects)
            if group and (want == "any" or titled or all((want == "person") == (p.kind == "person") for p in group)) and (
                    len(group) == 1 or token.lower_ in ("they", "them", "their")):
                return [Party(p.code, token.text, token.idx, token.idx + len(token.text), p.kind) for p in group]
        # "the Japanese citizens it had abducted": a relative clause's pronoun is not the noun it describes
        bound = range(clause.head.left_edge.i, clause.i) if clause is not None and clause.dep_ == "relcl" else range(0)
        earlier = self._earlier(st, token.i, bound)
        # (a city is where things happened: "talks in Istanbul. They agreed ..." are not Turkey's)
        fits = [p for p in earlier if (want == "any" or (want == "person") == (p.kind == "person")) and p.kind != "city"]
        if token.dep_ == "poss" and clause is not None and fits and _modifies_above(st.span.doc, fits[-1], token):
            # "Iran fired missiles in retaliation for American strikes on its nuclear sites": the
            # actor who did what the possessive's phrase hangs under is not its owner; the clause's
            # subject is ("Bolivia cut ties with Israel over its offensive" keeps the nearest)
            subjects = [c for c in clause.children if c.dep_ in _SUBJECTS and c.lower_ not in _PRONOUNS
                        and not c.left_edge.i <= token.i <= c.right_edge.i]
            group = _dedupe(p for subj in subjects for p in self._group(st, subj))
            if group and (want == "any" or all((want == "person") == (p.kind == "person") for p in group)) and (
                    len(group) == 1 or token.lower_ == "their"):
                return [Party(p.code, token.text, token.idx, token.idx + len(token.text), p.kind) for p in group]
        if token.dep_ in ("dobj", "obj") and clause is not None and token.head.i == clause.i:
            # "France praised them": an object pronoun is not its own clause's subject
            own = {p.code for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for p in self._group(st, c)}
            fits = [p for p in fits if p.code not in own]
        if token.dep_ == "poss" and clause is not None and fits and clause.lemma_.lower() in _ACCUSING and \
                self.verbs.lemma_mode and token.i not in st.resolving:
            # "vetoed a U.N. resolution condemning its annexation": the one condemning does not own
            # the act condemned
            st.resolving.add(token.i)
            try:
                own = {p.code for subj in _subject(clause)[0] if subj.lower_ not in _PRONOUNS for p in self._group(st, subj)}
            finally:
                st.resolving.discard(token.i)
            fits = [p for p in fits if p.code not in own]
        if not fits:
            return []
        picked = [fits[-1]]
        if len(fits) - 1 < len(st.memory) and token.dep_ in _SUBJECTS:
            # "Sharif arrived for talks with the crown prince. He signed ...": a subject pronoun
            # opening a sentence continues the last sentence's subject
            picked = _salient(st.span.doc, fits[:len(st.memory)], picked)
        if token.lower_ in ("they", "them", "their"):
            # "Russian and Ukrainian delegations held talks. They agreed ...": all of a coordination
            picked = _coordinated(st.span.doc, fits, picked[0])
        return [Party(p.code, token.text, token.idx, token.idx + len(token.text), p.kind) for p in picked]

    def _titled(self, st: _Sentence, token: Token) -> bool:
        """Whether a phrase is headed by a title ("Algeria's foreign minister", "the Polish
        president"): a person, for "he", "she", "his" and "her"."""
        m = st.at.get(_np_head(token, st).i)
        return m is not None and isinstance(m.entry, AgentEntry) and m.entry.kind == "role"

    def _choose_people(self, matches: list[LexMatch], sent: Span, day: dt.date | None,
                       memory: Sequence[Party]) -> list[LexMatch]:
        """A name two people held on the day ("King Abdullah" before 2015: Saudi Arabia's and
        Jordan's kings) denotes the one whose country is named in the name's own phrase ("Saudi
        King Abdullah", "King Abdullah of Jordan"), else in the rest of the sentence, else in the
        paragraph before it; where none of them, or more than one, is named there, no one."""
        out: list[LexMatch] = []
        for m in matches:
            e = m.entry
            options = e.choices(day) if isinstance(e, ActorEntry) and e.choices is not None and \
                not e.codes_on(day) else ()
            if not options:
                out.append(m)
                continue
            phrase = {t.i for t in sent.doc[m.end - 1].subtree}
            named = [{c[:3] for x in near if x is not m and isinstance(x.entry, ActorEntry) for c in x.entry.codes_on(day)}
                     for near in ([x for x in matches if x.start in phrase], matches)]
            chosen = None
            for countries in (*named, {p.code[:3] for p in memory}):
                fits = [c for c in options if c[:3] in countries]
                if fits:
                    chosen = fits[0] if len(fits) == 1 else None
                    break
            out.append(LexMatch(m.start, m.end, ActorEntry(e.name, "person", (chosen,))) if chosen else m)
        return out

    def _resolve_references(self, st: _Sentence) -> None:
        """Name the actors of the sentence's referring phrases, as if written out (run once, before
        any lookup): a definite "the country", "the bloc", "the mercenary group" (a
        ``reference`` noun, :data:`~detente.events.lexicon.REFERENCES`) or a bare "the militia" is
        the last fitting actor named before it; "its own soldiers", or "their exports" in an object
        whose clause has another subject, are the owner's. Each becomes an actor match, so that
        targets, possessors and later pronouns find it."""
        doc = st.span.doc
        for k, m in enumerate(st.matches):
            e = m.entry
            kind = e.kind
            if kind == "reference":
                refers = e.name
            elif kind == "agent" and e.code in _ARMED_AGENTS:  # type: ignore[union-attr]
                refers = "group"       # "the militia", "the rebels"
            else:
                continue
            head = doc[m.end - 1]
            if not _definite(head) or _names_itself(head, st):
                continue
            got = self._referent(st, m.start, head, refers)
            if got is not None:
                st.matches[k] = LexMatch(m.start, m.end, ActorEntry(got[0], got[1], (got[0],)))
                for i in range(m.start, m.end):
                    st.at[i] = st.matches[k]
        if "its" in st.lowers or "their" in st.lowers:
            for k, w in enumerate(st.lowers):
                if w == "its" or w == "their":
                    self._resolve_possessive(st, doc[st.span.start + k])

    def _referent(self, st: _Sentence, start: int, head: Token, refers: str) -> tuple[str, str] | None:
        """The code and kind of the last actor named before ``start`` that a reference of kind
        ``refers`` (country, igo, group) fits; an object is not its own clause's subject ("Russia
        accused the country of ...")."""
        avoid: set[str] = set()
        if head.dep_ in ("dobj", "obj"):
            for subj in head.head.children:
                if subj.dep_ in _SUBJECTS:
                    for t in subj.subtree:
                        a = st.at.get(t.i)
                        if a is not None and isinstance(a.entry, ActorEntry):
                            avoid.update(c[:3] if refers == "country" else c for c in a.entry.codes_on(st.day))
        for p in reversed(self._earlier(st, start)):
            code = p.code
            if p.kind in ("city", "reference") or not code[:3].isalpha():
                continue
            if refers == "country":
                if code.startswith("IGO") or p.kind == "group":
                    continue
                code, kind = code[:3], "country"
            elif refers == "igo":
                if not code.startswith("IGO"):
                    continue
                kind = "igo"
            elif p.kind == "group":
                kind = "group"
            else:
                continue
            if code not in avoid:
                return code, kind
        return None

    def _resolve_possessive(self, st: _Sentence, pronoun: Token) -> None:
        """"detained 3,000 of its own soldiers", "ordered duties on their exports": a possessive
        "its"/"their" in an object phrase that names no actor stands for its owner when "own" says
        it is the clause's subject's (people, an agent phrase), or when it does not agree in number
        with the subject of its subordinate clause and names the governing clause's subject, which
        is another party. Otherwise it is left alone ("withdrew its troops" names no other party)."""
        view = st.view
        heads, deps, poses = view.heads, view.deps, view.poses
        i = pronoun.i
        n = heads[i]
        if deps[i] != "poss" or i in st.at or n == i:
            return
        # "its own soldiers", "their own citizens": people of the owner's ("its own barracks" is
        # where it struck, not whom)
        own = n in st.at and isinstance(st.at[n].entry, AgentEntry) and any(
            view.lowers[k] == "own" and deps[k] == "amod" and heads[k] == n for k in range(i + 1, n))
        t, v = n, -1
        for _ in range(8):      # the clause the phrase is in, if not as (part of) a subject
            if heads[t] == t or deps[t] in _SUBJECTS:
                break
            t = heads[t]
            if poses[t] in ("VERB", "AUX"):
                v = t
                break
        if v < 0 or not (own or (deps[v] in ("advcl", "ccomp") and heads[v] != v)):
            return         # "its forces fired": the subject's own lookup resolves it
        noun, clause = pronoun.head, pronoun.doc[v]
        for k in _np_tokens(noun, set(), st):
            m = st.at.get(k)
            if m is not None and isinstance(m.entry, ActorEntry) and m.entry.codes_on(st.day):
                return     # "its Russian allies": the phrase names its actor
        subjects = self._subject_parties(st, clause)
        if own:
            owner = subjects      # "its own soldiers": the clause's subject's
        else:
            # "after Trump ordered duties on their exports": a possessive that does not agree in
            # number with its clause's subject is the governing clause's subject's
            owner = self._subject_parties(st, clause.head)
            their = pronoun.lower_ == "their"
            many = len({p.code for p in subjects}) > 1 or any(
                c.tag_ in ("NNS", "NNPS") or c.lower_ == "they" for c in _subject(clause)[0])
            if not subjects or not owner or (len({p.code for p in owner}) > 1) != their or many == their or \
                    {p.code[:3] for p in owner} & {p.code[:3] for p in subjects}:
                return
        owner = [p for p in owner if p.kind not in ("person", "city")]
        if not owner:
            return
        codes = tuple(dict.fromkeys(p.code if p.code.startswith("IGO") or p.kind == "group" else p.code[:3]
                                    for p in owner))
        kind = "group" if owner[0].kind == "group" else "igo" if codes[0].startswith("IGO") else "country"
        match = LexMatch(pronoun.i, pronoun.i + 1, ActorEntry(pronoun.lower_, kind, codes))
        st.matches.insert(bisect_left([m.start for m in st.matches], pronoun.i), match)
        st.at[pronoun.i] = match

    def _subject_parties(self, st: _Sentence, verb: Token) -> list[Party]:
        """The parties named by a verb's subject (borrowed up its chain, as ``_subject`` does)."""
        return _dedupe(p for subj in _subject(verb)[0] for p in self._group(st, subj))

    def _earlier(self, st: _Sentence, before: int, skip: range = range(0)) -> list[Party]:
        """The actors named before token ``before``: the paragraph's earlier sentences, then this
        one's (those starting in ``skip`` left out), in order."""
        return [*st.memory, *(self._party(st, m, c) for m in st.matches
                              if m.end <= before and isinstance(m.entry, ActorEntry) and m.start not in skip
                              for c in m.entry.codes_on(st.day))]

    def _owner(self, st: _Sentence, phrase: Token, source: Sequence[Party]) -> list[Party]:
        """"three of its nuclear sites": the party a possessive pronoun in a phrase refers to, the
        last one named before it other than the act's own source."""
        pronoun = next((t for t in phrase.subtree if t.dep_ == "poss" and t.lower_ in ("its", "their")), None)
        if pronoun is None:
            return []
        own = {p.code[:3] for p in source}
        if self.verbs.lemma_mode:
            # "Iran fired missiles in retaliation for American strikes on its nuclear sites": Iran's
            meant = [p for p in self._pronoun(st, pronoun) if p.kind != "person" and p.code[:3] not in own]
            if meant:
                return meant
        earlier = self._earlier(st, pronoun.i)
        for p in reversed(earlier):
            if p.kind != "person" and p.code[:3] not in own:
                return [Party(p.code, pronoun.text, pronoun.idx, pronoun.idx + len(pronoun.text), p.kind)]
        return []

    def _possessed_agent(self, st: _Sentence, obj: Token, source: Sequence[Party]) -> list[Party]:
        """"raided its embassy", "expelled their diplomats": a sector phrase owned by "its"/"their",
        as the owner's sector (the owner is not the act's own source)."""
        sector = st.at.get(obj.i)
        if sector is None or not isinstance(sector.entry, AgentEntry) or not any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in obj.children):
            return []
        return [Party(_combine(p.code, [sector], p.kind, True), p.text, p.start_char, p.end_char, p.kind)
                for p in self._owner(st, obj, source) if len(p.code) == 3]

    def _users(self, st: _Sentence, thing: Token, after: int | None = None) -> list[Party]:
        """"facilities used by Iranian forces", "a base run by the Wagner group": who uses, runs,
        holds or owns a thing (a "by" agent of a participle describing it). With ``after``,
        ``thing`` is a verb and the participle an adverbial clause after its object at ``after``."""
        for c in thing.children:
            if c.dep_ == ("acl" if after is None else "advcl") and c.tag_ == "VBN" and c.lemma_.lower() in _USING \
                    and (after is None or c.i > after):
                agent = next((x for x in c.children if x.dep_ == "agent"), None)
                obj = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None:
                    return self._group(st, obj)
        return []

    def _pair(self, st: _Sentence, head: Token) -> list[Party]:
        """"the two sides", "both leaders": the last two countries named before (in this
        sentence or earlier in the paragraph), each with its most specific code."""
        named = self._earlier(st, head.left_edge.i)
        doc = st.span.doc
        # (a capital where something happened, "met in Riyadh", is no party either)
        earlier = [p for p in named if p.kind != "city" and not (p.kind == "metonym" and _located(doc, p))]
        # ("hosted talks between the two sides": the pair in a phrase of the verb's object)
        prep = head.head if head.dep_ == "pobj" else None
        owner = prep.head if prep is not None and prep.dep_ == "prep" else None
        clause = owner.head if owner is not None and owner.dep_ in ("dobj", "obj") else owner
        if clause is not None and clause.pos_ == "VERB" and self.verbs.lemma_mode and not self.bare_agents:
            # "as Turkey hosted talks between the two sides": the two are not who acts on them
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not c.left_edge.i <= head.i <= c.right_edge.i]
            acting = {p.code[:3] for c in subjects for p in self._group(st, c)}
            if len(acting) == 1:    # (a compound subject may be the pair itself)
                earlier = [p for p in earlier if p.code[:3] not in acting]
        if len(named) == len(st.memory) and earlier:
            # "Modi and Xi met in Kazan on the sidelines of the BRICS summit. The two leaders ...":
            # the last sentence's compound subject, not the places and settings named after it
            both = _coordinated(doc, earlier, _salient(doc, earlier, [earlier[-1]])[0])
            if len({p.code[:3] for p in both}) == 2:
                earlier = both
        picked: dict[str, Party] = {}
        for p in reversed(earlier):
            if p.code[:3] not in picked and len(picked) < 2:
                picked[p.code[:3]] = p
        if len(picked) < 2:
            return []
        for k, p in list(picked.items()):
            named_at = doc.char_span(p.start_char, p.end_char) if st.span.start_char <= p.start_char < st.span.end_char \
                else None
            t = named_at[-1] if named_at is not None and len(named_at) else None
            title = st.at.get(t.i + 2) if t is not None and t.i + 2 < st.span.end and doc[t.i + 1].tag_ == "POS" \
                else None
            if title is not None and isinstance(title.entry, AgentEntry):
                # "Qatar's emir hosted Trump ..., and the two sides": the titled one (QATGOV)
                picked[k] = Party(_combine(p.code, [title], p.kind, True), p.text, p.start_char, p.end_char, p.kind)
        span = st.span.doc[head.left_edge.i:head.i + 1]
        return [Party(p.code, span.text, span.start_char, span.end_char, p.kind) for p in reversed(picked.values())]

    def _role_reference(self, st: _Sentence, agent: AgentEntry, m: LexMatch) -> list[Party]:
        """"the president said": the last person mentioned earlier in the paragraph whose code
        carries the role's agent."""
        earlier = self._earlier(st, m.start)
        for p in reversed(earlier):
            if p.kind == "person" and p.code[3:].startswith(agent.code):
                span = st.span.doc[m.start:m.end]
                return [Party(p.code, span.text, span.start_char, span.end_char, "person")]
        return []

    # ------------------------------------------------------------------------------- new actors

    def _new_actors(self, st: _Sentence, head: Token, exclude: set[int], actors: Sequence[LexMatch],
                    agents: Sequence[LexMatch]) -> list[Party]:
        """PETRARCH's ``new_actor_length``: a noun phrase (one conjunct, headed by ``head``) that
        names no actor and no agent and has at most ``new_actor_length`` words is its own actor,
        coded as its words upper-cased in double quotes, a possessive "'s" dropped ("Gryffindor's
        head Minerva McGonagall" -> ``"GRYFFINDOR HEAD MINERVA MCGONAGALL"``)."""
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME"):
            return []
        doc = st.span.doc
        tokens = _np_tokens(head, exclude, st)
        for c in head.children:
            # "head Minerva McGonagall": a name hung as an apposition with no comma is in the phrase
            before = c.left_edge.i - 1
            if c.dep_ == "appos" and c.i not in exclude and before in tokens and not doc[before].is_punct:
                tokens |= _np_tokens(c, exclude, st)
        if actors or agents:
            return []
        if not tokens or any(i in st.at or doc[i].lower_ in _PRONOUNS for i in tokens):
            return []    # an actor, an agent, or someone a pronoun refers to ("its embassy")
        # "war-torn": a hyphen inside a word is kept, and the word counts once
        tokens |= {i for i in range(min(tokens) + 1, max(tokens)) if doc[i].text == "-" and {i - 1, i + 1} <= tokens
                   and not doc[i - 1].whitespace_ and not doc[i].whitespace_}
        text = ""
        for i in sorted(tokens):
            if doc[i].tag_ == "POS" or (doc[i].is_punct and doc[i].text != "-"):
                continue
            glued = bool(text) and i - 1 in tokens and not doc[i - 1].whitespace_ and "-" in (doc[i].text, doc[i - 1].text)
            text += ("" if glued or not text else " ") + doc[i].text
        if not text or len(text.split()) > self.new_actor_length:
            return []
        span = doc[min(tokens):max(tokens) + 1]
        return [Party(f'"{text.upper()}"', span.text, span.start_char, span.end_char, "new")]

    def _new_actor_after_and(self, st: _Sentence, head: Token, exclude: set[int]) -> list[Party]:
        """"Eriador's death and injury toll": a modifier with an "and" of its own and no conjunct
        is the parser's reading of two phrases ("Eriador's death", "injury toll"); the words after
        the "and" are a phrase of their own, which may be a new actor."""
        mod = next((x for x in head.children if x.dep_ in ("nmod", "compound", "amod") and x.i < head.i
                    and any(y.dep_ == "cc" for y in x.children) and not any(y.dep_ == "conj" for y in x.children)), None)
        if mod is None:
            return []
        cc = next(y for y in mod.children if y.dep_ == "cc")
        before = {t.i for t in head.subtree if t.i <= cc.i}
        return self._new_actors(st, head, exclude | before, [], [])

    def _first_new_actor(self, st: _Sentence, tokens: Sequence[TokenForms], avoid: set[int]) -> list[Party]:
        """The first noun phrase of ``tokens`` (a search for a source or target that found no
        actor) as a new actor, if it is one; a later phrase is not looked at."""
        doc = st.span.doc
        for idx, _ in tokens:
            t = doc[idx]
            if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("DATE", "TIME"):
                continue
            while t.head.i > t.i and t.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "npadvmod", "advmod",
                                                "det", "flat", "case"):
                t = t.head     # "war" in "the war-torn village": a word of a phrase headed further on
            if t.pos_ not in ("NOUN", "PROPN"):
                return []
            group = self._group(st, _np_head(t, st))
            if any(p.start_char in avoid for p in group):
                continue
            return [p for p in group if p.kind == "new"]
        return []

    # ------------------------------------------------------------------------------------ output

    def _when(self, token: Token, day: dt.date | None) -> dt.date | None:
        """The date the words next to a trigger give, else the article's date."""
        return self._found_when(token, day) or day

    def _found_when(self, token: Token, day: dt.date | None) -> dt.date | None:
        doc = token.doc
        view = _view_of(doc)
        deps, kids = view.deps, view.kids
        for c in kids.get(token.i, ()):
            dep = deps[c]
            if dep == "npadvmod" and view.ents[c] == _DATE:
                got = resolve_when(" ".join(t.text for t in doc[c].subtree), day)
                if got:
                    return got
            if dep == "prep" and view.lowers[c] == "on":
                obj = next((o for o in kids.get(c, ()) if deps[o] == "pobj"), None)
                if obj is not None:
                    got = resolve_when(" ".join(t.text for t in doc[obj].subtree), day)
                    if got:
                        return got
        return None

    def _emit(self, st: _Sentence, code: str, source: list[Party], target: list[Party], trigger: Span,
              negated: bool, hypothetical: bool, when: dt.date | None, rule: str,
              symmetric: bool) -> list[CodedEvent]:
        codes = code.split(":")
        if not source and not target:
            return []
        if symmetric and codes[0][:2] == "15" and not self.bare_agents and \
                {p.code for p in source} == {p.code for p in target}:
            # "Japan, South Korea and the US held a trilateral exercise": drills held together are
            # military cooperation (CAMEO 062 names joint exercises), not a show of force
            codes = ["062"]
        if not self.bare_agents and codes[0][:2] == "15" and source and not symmetric:
            # "put Russia's nuclear forces on alert", "mobilised Russian reservists": a state's
            # own forces are what it mobilises, not a target
            own = {p.code[:3] for p in source}
            target = [p for p in target if p.code[:3] not in own]
        if not self.bare_agents and codes[0][:3] == "087" and target and all(p.code.startswith("IGO") for p in target) \
                and not any(p.code.startswith("IGO") for p in source):
            codes = ["166"]    # "Mali withdrew from ECOWAS": leaving an organisation cuts ties (CAMEO 166), no retreat
        elif codes[0] == "166" and trigger[0].lemma_ in _LEAVING and (
                any(not p.code.startswith("IGO") for p in target) if target else rule.endswith(" + [166]")):
            return []          # "quit the ICC", "left the bloc" are 166; "left Kyiv", "quit the race" are nothing
        if codes[0][:3] == "083" and target and not self.bare_agents and \
                {p.code[:3] for p in target} <= {p.code[:3] for p in source}:
            target = []        # "reinstated the dissolved parliament": a concession at home names no partner
        if source and any(p.kind == "city" for p in target) and not (
                codes[0][:2] in _FORCE and all(p.code[3:6] in _ARMED_AGENTS for p in source)):
            # "Ukrainian forces withdrew from Pokrovsk": a state's own city is where, not whom
            # (insurgents who overran Mosul used force on their own country: it stays)
            home = {p.code[:3] for p in source}
            target = [p for p in target if not (p.kind == "city" and p.code[:3] in home)]
        if not self.bare_agents and codes[0][:2] in ("18", "19") and source and all(
                p.code[3:6] == "OPP" for p in source):
            codes = ["145"]    # "protesters stormed parliament": a violent protest, a riot (CAMEO 145)
        if not self.bare_agents and codes[0] == "191" and source and all(
                p.code[3:6] in _POPULAR or p.code[3:6] == "OPP" for p in source):
            codes = ["144"]    # "farmers blocked the roads": people obstructing passage protest (CAMEO 144)
        if self.require_dyad and (not source or not target):
            return []
        if not source and not self.bare_agents:
            return []          # ours: an event needs someone who did it
        if not source:
            source = [Party("---", "", trigger.start_char, trigger.start_char)]
        if not target and self.bare_agents:
            target = [Party("---", "", trigger.end_char, trigger.end_char)]
        if target and all(s.code == t.code for s in source for t in target):
            if codes[0][:3] not in ("170", "172"):
                return []
            # "Peru's president declared a state of emergency in Lima", "dissolved the government":
            # coercion at home names no other target; the act stands
            target = []
        base = dict(trigger=trigger.text, trigger_start=trigger.start_char, trigger_end=trigger.end_char,
                    sentence_start=st.span.start_char, sentence_end=st.span.end_char, negated=negated,
                    hypothetical=hypothetical, date=when, rule=rule, symmetric=symmetric)
        if not self.both_paired and codes[:2] == ["043", "042"] and target:
            # PLOVER codes a visit once, from the visitor: "Putin hosted Erdogan" is Erdogan's visit
            return [CodedEvent(source=tuple(target), target=tuple(source), cameo="042", **base)]
        out = [CodedEvent(source=tuple(source), target=tuple(target), cameo=codes[0], **base)]
        if symmetric and target and codes[0] in _DONE_TOGETHER and self.mutual_codes:
            everyone = tuple(_dedupe([*source, *target]))     # one act of all its parties, each with each
            return [CodedEvent(source=everyone, target=everyone, cameo=codes[0], **base)]
        if symmetric and target and {p.code for p in source} != {p.code for p in target}:
            out.append(CodedEvent(source=tuple(target), target=tuple(source), cameo=codes[0], **base))
            return out
        if not self.both_paired or not target:
            return out
        if len(codes) > 1 and not symmetric:
            out.append(CodedEvent(source=tuple(target), target=tuple(source), cameo=codes[1], **base))
        elif len(codes) > 1 and codes[1] != codes[0]:
            out.append(CodedEvent(source=tuple(target), target=tuple(source), cameo=codes[1], **base))
        return out


# ---------------------------------------------------------------------------------- helpers

def _mandated(verb: Token) -> Token | None:
    """The "that" clause of a verb of insisting whose verb is a bare infinitive, the mandative
    subjunctive ("insisted that Poland allow the inspectors in"); a statement ("insisted that the
    talks had failed") is none."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.tag_ not in ("VB", "VBP"):
            continue
        subject = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        # ("that Poland allow": a base form after a singular subject, which a present tense is not)
        if subject is not None and (c.tag_ == "VB" or subject.tag_ in ("NN", "NNP")) and \
                not any(a.dep_ == "aux" and a.lower_ not in ("should", "must") for a in c.children):
            return c
    return None


#: nouns that refer back to an act ("denounced the move as ...", "in what it called ...")
_ACT_REFERENCES = frozenset({"move", "step", "decision", "action", "act", "what", "which"})
#: the kinds of act such a reference names (support, cooperation, aid, concession, mobilisation,
#: sanctions, coercion; force is always one)
_REFERRED_ACTS = frozenset({"05", "06", "07", "08", "15", "16", "17"})


def _referred_act_doers(verb: Token, obj: Token, events: Sequence[CodedEvent], own: set[str]) -> list[Party]:
    """The doer of the act an act reference names: "Georgia denounced the move as an annexation"
    after "Russia recognised Abkhazia, and ...", "stormed the palace in what Arce called a coup
    attempt": the source of the event of the nearest verb that governs the naming verb (the
    first clause of a coordination, or the clause "in what ..." hangs on). Not the namer's own."""
    if obj.lemma_.lower() not in _ACT_REFERENCES or any(c.dep_ == "poss" for c in obj.children):
        return []
    act = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if act is None:
        return []
    for e in events:
        if e.trigger_start == act.idx and (_violent(e.cameo) or e.cameo[:2] in _REFERRED_ACTS):
            return [p for p in e.source if p.code not in own]
    return []


def _referred_act_targets(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """"..., and Tbilisi denounced the move", "in what Maduro condemned as a coup": a disapproval
    with no target whose object refers back to an act of the sentence targets that act's doer."""
    out = list(events)
    for k, e in enumerate(events):
        if e.cameo[:2] != "11" or e.target:
            continue
        verb = _token_at(sent.doc, e.trigger_start)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None) if verb is not None else None
        if obj is not None:
            target = _referred_act_doers(verb, obj, events, {p.code for p in e.source})
            if target:
                out[k] = dataclasses.replace(e, target=target)
    return out


def _names_crime(name: Token) -> bool:
    """Whether a predicate noun names a crime or hostile act ("a massacre", "an act of aggression",
    "a coup attempt", "a direct invasion")."""
    words = {name.lemma_.lower()} | {c.lemma_.lower() for c in name.children if c.dep_ in ("compound", "amod")}
    if name.lemma_.lower() in ("act", "form", "case", "declaration"):
        words |= {o.lemma_.lower() for o in _prep_objects(name, ("of",))}
    if name.lemma_.lower() == "attempt":   # "an attempt to annex Georgian territory"
        words |= {"annexation" if c.lemma_.lower() == "annex" else c.lemma_.lower() for c in name.children
                  if c.dep_ in ("acl", "xcomp")}
    return not _CRIMES.isdisjoint(words)


def _reversed_decision(verb: Token) -> bool:
    """Whether ``verb`` is the act of a decision or plan that is reversed, rescinded or dropped
    ("reversed its decision to scrap the pact", "scrapped plans to expel the envoy")."""
    noun = verb.head
    return noun.lemma_.lower() in _DECISIONS and noun.dep_ in ("dobj", "obj") and \
        noun.head.lemma_.lower() in _REVERSING


def _antecedent_object(verb: Token) -> Token | None:
    """The main clause's object that a gerund's "it" or "them" stands for, in "after/before/since
    V-ing it" ("lifted the curfew hours after imposing it", "restored ties a year after cutting
    them"); None elsewhere."""
    if verb.tag_ != "VBG" or verb.head.lower_ not in ("after", "before", "since"):
        return None
    if not any(c.dep_ in ("dobj", "obj") and c.lower_ in _ANTECEDENT_PRONOUNS for c in verb.children) or any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None     # ("after announcing it would hold talks": "it" begins a clause)
    after = verb.doc[verb.i + 2] if verb.i + 2 < len(verb.doc) else None
    if after is not None and after.pos_ in ("AUX", "VERB"):
        return None
    main = verb.head.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in main.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"), None)


def _strip_mediators(events: list[CodedEvent], strip: list[tuple[set[int], set[str]]]) -> list[CodedEvent]:
    """Events of a mediated noun or of its governing verb without the mediator among their
    parties: "signed a Norwegian-brokered agreement" is signed by the subjects with each other,
    not with Norway."""
    out: list[CodedEvent] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    for e in events:
        own = {c for at, codes in strip if e.trigger_start in at and " mediator " not in e.rule for c in codes}
        if own:
            source = tuple(p for p in e.source if p.code not in own)
            target = tuple(p for p in e.target if p.code not in own)
            if not source:
                continue
            if e.target and not target:
                if len({p.code for p in source}) < 2:
                    continue
                target = source      # the subjects did it together
                e = dataclasses.replace(e, symmetric=True)
            e = dataclasses.replace(e, source=source, target=target)
            key = (e.trigger_start, e.cameo, tuple(p.code for p in source), tuple(p.code for p in target))
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out


def _hosts_someone(verb: Token, st: _Sentence, group: Callable[[_Sentence, Token], list[Party]],
                   act: Callable[[Token], str | None] | None = None) -> bool:
    """Whether a hosting verb's object (the passive subject) names an actor or a visiting party."""
    if any(c.dep_ == "prep" and c.lower_ in ("into", "as", "to") for c in verb.children):
        return False     # "welcomed Sweden into NATO", "welcomed the bloc as a partner": no visit
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            if c.i not in st.at and c.lemma_.lower() in _INTENT_NOUNS:
                return False     # "welcomed Oman's offer to mediate", "welcomed Trump's decision": no visitor
            if c.i not in st.at and act is not None and act(c) not in (None, "04"):
                return False     # "welcomed Russia's withdrawal": an act welcomed, not its doer
            return c.i in st.at or c.lower_ in _PRONOUNS or c.lower_ in _VISITORS or bool(group(st, c))
    return False


def _captures_person(verb: Token, target: Sequence[Party], at: dict[int, LexMatch]) -> bool:
    """"captured Saddam Hussein", "recaptured him", "captured the warlord Joseph Kony": the verb's
    object is a person (a person actor, "him"/"her", or a person's name that names no place), not a
    place or a unit."""
    if target and all(p.kind == "person" for p in target):
        return True
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and ((obj.i not in at and (obj.lower_ in _PERSON_OBJECTS or obj.ent_type_ == "PERSON")) or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i not in at for c in obj.children))


def _prep_objects(head: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """The first object of each of ``head``'s prepositions in ``preps`` ("from China")."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                yield obj


def _prep_objects_at(view: _DocView, i: int, preps: tuple[str, ...]) -> Iterator[int]:
    """:func:`_prep_objects` on token positions (token ``i``'s sentence walked)."""
    deps, lowers, kids = view.deps, view.lowers, view.kids
    for c in kids.get(i, ()):
        if deps[c] == "prep" and lowers[c] in preps:
            obj = next((o for o in kids.get(c, ()) if deps[o] == "pobj"), None)
            if obj is not None:
                yield obj


def _lower(t: Token) -> str:
    return t.lower_.replace("\u2019", "'")


def _has_phrase(lowers: Sequence[str], by_first: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether ``lowers`` holds one of the phrases (indexed by their first word)."""
    for i in compress(range(len(lowers)), map(by_first.__contains__, lowers)):
        if any(tuple(lowers[i:i + len(p)]) == p for p in by_first[lowers[i]]):
            return True
    return False


def _fits_multiword(lowers: Sequence[str], at: int, e: VerbEntry) -> bool:
    """Whether the words of a multi-word verb ("pull out of") stand around its token ``at``."""
    for k, w in enumerate(e.after):
        i = at + k + 1
        if i >= len(lowers) or lowers[i] != w:
            return False
    for k, w in enumerate(reversed(e.before)):
        i = at - k - 1
        if i < 0 or lowers[i] != w:
            return False
    return True


def _pattern_words(pattern: Pattern, tokens: list[TokenForms], code: str) -> dict[int, str]:
    """The tokens a matched pattern's words after the trigger used, each with the code it gave."""
    return {i: code for s in pattern.lower if not s.marker for i in _pattern_tokens(tokens, s)}


def _pattern_tokens(tokens: list[TokenForms], step: Step) -> list[int]:
    words = {w for alt in step.alternatives for w in alt}
    found = [i for i, forms in tokens if forms & words]
    # "fired missiles ... in retaliation for American strikes": the pattern used the first run of
    # its words; a later one is a noun event of its own
    run = found[:1]
    for i in found[1:]:
        if i - run[-1] > 3:
            break
        run.append(i)
    return run


def _subject(verb: Token) -> tuple[list[Token], bool]:
    """The verb's subject and whether the verb itself is passive.

    A verb without its own subject borrows one up its chain: "X is about to restore" (xcomp of
    an adjective), "X condemned ... and promised" (conj), "X urged Y to help" (Y, the object of
    a control verb), "the woman who shot" (the noun a relative clause modifies).
    """
    doc = verb.doc
    view = _view_of(doc)
    deps, kids, poses = view.deps, view.kids, view.poses
    passive = any(deps[c] in ("nsubjpass", "auxpass", "csubjpass") for c in kids.get(verb.i, ()))
    v = verb
    for _ in range(8):
        i = v.i
        at = [c for c in kids.get(i, ()) if deps[c] in _SUBJECTS]
        if not at:   # "X was heavily criticized": the parser may hang the subject on the auxiliary
            at = [s for c in kids.get(i, ()) if deps[c] in ("aux", "auxpass")
                  for s in kids.get(c, ()) if deps[s] in _SUBJECTS]
        if not at and poses[i] == "VERB" and view.tags[i] in _FINITE_TAGS:
            # "Ethiopia act on ...": a finite verb read as a noun, its subject as a compound
            at = [c for c in kids.get(i, ()) if deps[c] == "compound" and c < i and poses[c] == "PROPN"]
        found = [doc[c] for c in at]
        if found and v.dep_ == "relcl" and v.head.i != v.i and (v.head.pos_ == "PROPN" or v.head.ent_type_) and all(
                s.lower_ in _WH_SUBJECTS and s.i and s.nbor(-1).lower_ in (",", "-", "\u2013", "\u2014") for s in found):
            # "Germany, which supplied Ukraine with ...", "France, which called on Israel to ...": the
            # pronoun of a relative clause set off by a comma stands for the noun the clause describes
            # (for a name in apposition, "Kenya's president, William Ruto, who ...", the phrase it names)
            return [v.head.head if v.head.dep_ == "appos" and v.head.head.i != v.head.i else v.head], passive
        if found:
            return found, passive
        if v.i == verb.i and verb.i > 1 and verb.nbor(-1).lower_ == "to" and \
                getattr(_split_subject(verb.nbor(-2)), "i", -1) == verb.i:
            # "prompting Serbia to mobilise and Washington to rebuke Pristina": the parser hangs the
            # second subject on the first clause's last noun; it is the subject of the infinitive after it
            return [verb.nbor(-2)], passive
        if (v.dep_ == "xcomp" or (v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))) \
                and v.head.lemma_.lower() in _CONTROL_VERBS:
            # (the parser may read "pushed Japan to protest" as an adverbial infinitive)
            obj = next((c for c in v.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is None:   # "called on Washington to cancel"
                on = next((c for c in v.head.children if c.dep_ in ("prep", "prt") and (c.lower_ in ("on", "upon") or (
                    c.lower_ == "to" and v.head.lemma_.lower() == "appeal"))), None)    # ("appealed to Iran to release")
                obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            if obj is not None:
                return [obj], passive
        if v.dep_ == "pcomp" and ((v.head.lower_ == "from" and v.head.head.lemma_.lower() in _BLOCKING) or (
                v.head.lower_ == "into" and v.head.head.lemma_.lower() in _CONTROL_VERBS)):
            # "blocked Russia from attending", "prevented the EU from imposing": the one kept from
            # it; "pressured Mexico into curbing": the one pressed into it
            obj = next((c for c in v.head.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return [obj], passive
        reported = v.head
        if v.dep_ == "advcl" and v.tag_ == "VBG" and reported.dep_ == "xcomp" and reported.head.dep_ == "ccomp" and \
                v.lemma_.lower() in _SPEAKING_PARTICIPLES:
            reported = reported.head    # ("said that A and B had agreed to hold drills, accusing ...")
        if v.dep_ == "advcl" and v.tag_ == "VBG" and reported.dep_ == "ccomp" and v.i > reported.i and \
                v.lemma_.lower() in _SPEAKING_PARTICIPLES and v.nbor(-1).lower_ == "," and reported.head.i != reported.i:
            # "the Kremlin denied that Russian troops had killed civilians, accusing Kyiv of staging
            # the scenes": a trailing participle of saying hung on the reported clause is the reporter's
            v = reported.head
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.i != v.i:
            # "the hospital was hit by Russian missiles, killing two doctors": the agent did it
            agent = next((c for c in v.head.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return [obj], passive
        if v.dep_ in ("xcomp", "acomp", "conj", "pcomp", "advcl", "ccomp") and v.head.i != v.i:
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":
                v = v.head
            v = v.head
            if v.dep_ == "npadvmod" and v.pos_ == "NOUN" and v.head.pos_ in ("VERB", "AUX"):
                v = v.head      # "arrived in Kyiv a day after meeting Putin": the clause's subject met him
            continue
        if v.dep_ == "amod" and v.tag_ in ("VBD", "VBN") and v.i and v.nbor(-1).dep_ == "cc" and \
                v.head.dep_ == "conj" and v.head.head.dep_ in ("dobj", "obj") and v.head.head.head.pos_ == "VERB":
            # "seized two tankers and detained their crews": the parser may read the second verb as
            # an adjective of a second object; the first verb's subject did it
            v = v.head.head.head
            continue
        if v.dep_ == "acl" and v.tag_ == "VBN":
            # "migrants deported to El Salvador": the noun is who it was done to
            return [], passive
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            noun = v.head
            if noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "become", "remain"):
                # "Russia became the first country to recognise ...": the country is Russia
                found = [c for c in noun.head.children if c.dep_ in _SUBJECTS]
                if found:
                    return found, passive
            return [noun], passive
        break
    return [], passive


#: nouns of "in defiance of" and the like: the rule or body defied is no target of the act
_DEFYING = frozenset({"defiance", "violation", "breach", "contravention", "contempt"})
#: verbs of permitting: a refusal of one is aimed at whom it would have let act
_PERMITTING = frozenset({"let", "allow", "permit"})
#: verbs of firing or launching projectiles
_FIRING = frozenset({"fire", "launch", "lob", "shoot"})


def _fired_by(verb: Token, subjects: Sequence[Token]) -> Token | None:
    """The verb of firing whose object a passive relative clause is about: "fired missiles,
    which were intercepted", "launched drones, most of which were shot down"."""
    if verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "obj"):
        firing = verb.head.head
    elif verb.dep_ in ("advcl", "conj") and any(s.lower_ == "which" or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "which" for o in c.children) for c in s.children)
            for s in subjects):
        firing = verb.head
    else:
        return None
    return firing if firing.pos_ == "VERB" and firing.lemma_.lower() in _FIRING else None


def _absolute_subject(t: Token) -> bool:
    """Whether ``t`` is the subject of an absolute "with" clause ("with Tokyo apologising")."""
    return t.dep_ == "nsubj" and t.head.dep_ == "pcomp" and t.head.tag_ == "VBG" and t.head.head.lower_ == "with"


def _split_subject(t: Token) -> Token | None:
    """The infinitive whose subject ``t`` is when the parser joined ``t`` to the noun before it
    ("... its army on alert and Washington to rebuke Pristina": "Washington" hung on "alert")."""
    if t.dep_ != "conj" or t.pos_ != "PROPN" or t.head.pos_ != "NOUN" or t.i + 2 >= len(t.doc) or t.left_edge.i < 1:
        return None     # (a name joined to a common noun: not "urged by France and Britain to resume")
    to, v = t.nbor(1), t.nbor(2)
    if to.lower_ != "to" or to.dep_ != "aux" or to.head.i != v.i or v.pos_ != "VERB" or \
            t.doc[t.left_edge.i - 1].lower_ != "and" or any(c.dep_ in _SUBJECTS for c in v.children):
        return None
    return v


#: words before a surname that are no given name ("Mrs Gandhi", "Sheikh Hasina")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "sheikh", "sheikha", "prince",
                         "princess", "king", "queen", "emir", "general", "gen", "colonel", "col", "ayatollah",
                         "imam", "cardinal", "pope", "mullah", "marshal", "admiral", "sultan", "mufti", "comrade"})


def _other_given_name(token: Token, match: LexMatch, name: str) -> bool:
    """Whether ``token``, a proper noun just before a person's surname and part of its name, is a
    given name that is not theirs: "Omar al-Bashir" is not the dictionary's "Mohammed al-Bashir"
    (a nickname that starts like theirs, "Joe" for "Joseph", or one of their names, "Tayyip
    Erdogan", is)."""
    word = token.text
    if token.pos_ != "PROPN" or token.dep_ not in ("compound", "flat") or \
            not match.start <= token.head.i < match.end or len(word) < 3 or not word.isalpha() or not word[0].isupper():
        return False
    low = word.lower()
    if low in _HONORIFICS:
        return False
    return not any(w[:2] == low[:2] for w in name.lower().replace("-", " ").split())


#: the dependents that sit inside the phrase of the noun they hang on
_NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "case", "flat"})


def _np_head(token: Token, st: _Sentence) -> Token:
    """The head noun of the phrase a token belongs to ("Osgiliath" in "Osgiliath soldiers" -> soldiers)."""
    h = _np_head_at(token.i, st)
    return token if h == token.i else token.doc[h]


def _np_head_at(i: int, st: _Sentence) -> int:
    """:func:`_np_head` on token positions (read from the document view)."""
    view = st.view
    assert view is not None
    deps, heads = view.deps, view.heads
    h = i
    for _ in range(6):
        dep, up = deps[h], heads[h]
        if (dep in _NP_MODIFIERS or (dep == "npadvmod" and deps[up] == "amod")) and up != h:
            h = up      # ("Moscow" in "the Moscow-led alliance")
            continue
        if dep == "pobj" and deps[up] == "prep" and view.lowers[up] in _NP_PREPS and not (
                view.lowers[up] == "from" and _taken_from(view.doc[up])):
            noun = heads[up]
            m = st.at.get(noun)
            if view.poses[noun] in ("NOUN", "PROPN") and m is not None and isinstance(m.entry, AgentEntry):
                h = noun
                continue
        break
    return h


def _np_tokens(head: Token, exclude: set[int], st: _Sentence, agents: set[int] | None = None) -> set[int]:
    """The tokens of a noun phrase that can name its actor. With ``agents`` (the token indices
    of agent phrases), "in/at X" counts only after an agent ("lawmakers in Kyiv"): after any
    other noun it is a place ("floods in Nigeria"). Read from the document view's tree."""
    view = st.view
    assert view is not None
    sent = st.span if st.span.start <= head.i < st.span.end else head.sent
    view.walk(sent.start, sent.end)
    kids, deps, lowers, poses, heads = view.kids, view.deps, view.lowers, view.poses, view.heads
    out: set[int] = set()
    stack = [head.i]
    while stack:
        t = stack.pop()
        out.add(t)
        for c in kids.get(t, ()):
            dep = deps[c]
            if c in exclude or dep == "conj" and t == head.i:
                continue
            if dep in _SKIP_IN_NP and not (dep == "appos" and t != head.i and agents is not None and poses[c] == "PROPN"):
                continue     # (a name in apposition inside a modifier is kept: spaCy's reading of
                             # "President Donald Trump and Russian President Vladimir Putin")
            if dep == "prep":
                word = lowers[c]
                if word not in _NP_PREPS or (word in ("in", "at") and agents is not None and t not in agents):
                    continue
                if word == "from" and any(deps[x] == "poss" and lowers[x] in _PRONOUNS for x in kids.get(heads[c], ())):
                    continue    # "their troops from Mali" (:func:`_taken_from`)
            stack.append(c)
    return out


def _taken_from(prep: Token) -> bool:
    """"its ambassador from Bolivia", "their troops from Mali": "from" after an owned noun is
    where the owner's people are taken from, not whose they are ("the envoy from Bolivia" is)."""
    return prep.lower_ == "from" and any(x.dep_ == "poss" and x.lower_ in _PRONOUNS for x in prep.head.children)


def _conjuncts(head: Token, st: _Sentence) -> list[Token]:
    """A phrase's coordinated heads; an apposition that is itself an actor counts as one
    (spaCy often reads "Mordor, the Shire, Fornost and Bree" as an apposition chain)."""
    view = st.view
    assert view is not None
    sent = st.span if st.span.start <= head.i < st.span.end else head.sent
    view.walk(sent.start, sent.end)
    kids, deps, poses = view.kids, view.deps, view.poses
    found = {head.i}
    todo = [head.i]
    while todo:
        t = todo.pop()
        for c in kids.get(t, ()):
            if c in found:
                continue
            if deps[c] == "conj" and poses[c] in ("NOUN", "PROPN", "PRON", "ADJ") and not (
                    poses[c] == "PROPN" and poses[t] == "NOUN" and _split_subject(view.doc[c])) or (
                    deps[c] == "appos" and c in st.at and isinstance(st.at[c].entry, ActorEntry)):
                found.add(c)    # (not "... its envoy and the EU to condemn ...": the next clause's subject)
                todo.append(c)
    return [head] if len(found) == 1 else [head if i == head.i else view.doc[i] for i in sorted(found)]


def _listed(st: _Sentence, a: LexMatch, b: LexMatch) -> bool:
    """Whether two actor phrases of one noun phrase are listed together ("Fornost and the evil
    Gondor"): only words of a list stand between them (no preposition or verb)."""
    between = st.span.doc[a.end:b.start]

    def blocks(t: Token) -> bool:
        m = st.at.get(t.i)
        if m is not None and not (isinstance(m.entry, AgentEntry) or m.entry.kind == "adjective"):
            return True      # another named actor in between
        if m is not None and a.entry.kind != "person":
            return True      # titles may stand between people only ("Trump and Russian President Putin")
        return t.pos_ in ("ADP", "VERB", "AUX", "PART") or t.dep_ in ("prep", "case")

    return any(t.lower_ in ("and", "or", "nor", ",") for t in between) and not any(blocks(t) for t in between)


def _appos_list_item(first: tuple[Token, list[LexMatch], list[LexMatch]], appos: Token, actors: list[LexMatch],
                     day: dt.date | None) -> bool:
    """"Mordor, the awful Fornost, and Gondor": an apposition set off by a comma, naming an
    actor other than the first conjunct's, before a later conjunct of that list, is another item."""
    head, own, _ = first
    doc = appos.doc
    if not own or not actors or appos.left_edge.i == 0 or doc[appos.left_edge.i - 1].text != "," or \
            not any(x.dep_ == "conj" and x.i > appos.i for x in head.children):
        return False
    mine = {c for m in own for c in m.entry.codes_on(day)}  # type: ignore[union-attr]
    return mine.isdisjoint(c for m in actors for c in m.entry.codes_on(day))  # type: ignore[union-attr]


def _gapped_matches(matches: list[LexMatch], sent: Span, lowers: Sequence[str],
                    gapped: dict[str, list[tuple[tuple[str, ...], ActorEntry | AgentEntry]]]) -> list[LexMatch]:
    """PETRARCH: a dictionary phrase written with blanks ("ITHILEN TELEVISION") also names a noun
    phrase with other words between its words ("Ithilen state-run television"): its words in
    order, the last one heading a phrase that starts at or before the first one. The longer
    match replaces the ones inside it."""
    doc = sent.doc
    actors_at = {i for m in matches if isinstance(m.entry, ActorEntry) for i in range(m.start, m.end)}
    for i in range(sent.start, sent.end):
        for words, entry in sorted(gapped.get(lowers[i], ()), key=lambda p: -len(p[0])):
            k, last = 1, i
            for j in range(i + 1, sent.end):
                if k == len(words):
                    break
                if lowers[j] == words[k]:
                    k, last = k + 1, j
            if k < len(words) or last - i + 1 == len(words):
                continue     # not all its words, or all together (the scan found those)
            head = doc[last]
            inner = [m for m in matches if i <= m.start and m.end <= last + 1]
            if head.pos_ not in ("NOUN", "PROPN") or head.left_edge.i > i or \
                    any(x in actors_at for x in range(i + 1, last + 1) if lowers[x] not in words) or \
                    any(m.start < i < m.end or m.start <= last < m.end - 1 for m in matches if m not in inner):
                continue
            matches = sorted([m for m in matches if m not in inner] + [LexMatch(i, last + 1, entry)],
                             key=lambda m: m.start)
            break
    return matches


def _phrase_head(doc: Doc, party: Party) -> Token | None:
    """The head of the noun phrase a party was named in ("Korea" of "North Korea", "delegations"
    of "Russian and Ukrainian delegations" for both)."""
    t = _token_at(doc, party.start_char)
    for _ in range(8):
        if t is None or t.head.i == t.i or t.dep_ not in ("compound", "flat", "amod", "poss", "nmod", "det", "conj",
                                                          "appos"):
            break
        t = t.head
    return t


def _salient(doc: Doc, candidates: Sequence[Party], picked: list[Party]) -> list[Party]:
    """The subject of the sentence the last candidate was named in, if one of ``candidates``
    names it; else ``picked``."""
    last = _token_at(doc, picked[0].start_char)
    if last is None:
        return picked
    for p in reversed(candidates):
        t = _token_at(doc, p.start_char)
        if t is None or t.sent.start != last.sent.start:
            continue
        head = _phrase_head(doc, p)
        if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
            return [p]
    return picked


def _coordinated(doc: Doc, candidates: Sequence[Party], picked: Party) -> list[Party]:
    """``picked`` with the candidates coordinated with it ("Britain and France", "Russian and
    Ukrainian delegations"; not "Yemen's Houthi rebels"), in order of mention."""
    head = _token_at(doc, picked.start_char)
    if head is None:
        return [picked]
    out = []
    for p in candidates:
        t = _token_at(doc, p.start_char)
        if p.code != picked.code and t is not None and t.i != head.i and _conj_linked(_phrase_end(t), _phrase_end(head)):
            out.append(p)
    return _dedupe([*out, picked])


def _phrase_end(t: Token) -> Token:
    """The last word of a name ("Korea" of "South Korea"): the token its compound parts hang on."""
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    return t


def _modifies_above(doc: Doc, party: Party, token: Token) -> bool:
    """Whether ``party`` is named as a modifier of a noun ``token`` hangs under ("American" of
    "American strikes on its sites"): the actor of that noun."""
    t = _token_at(doc, party.start_char)
    if t is None:
        return False
    t = _phrase_end(t)
    if t.dep_ not in ("amod", "compound", "poss", "nmod") or t.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(a.i == t.head.i for a in token.ancestors)


def _conj_linked(a: Token, b: Token) -> bool:
    def top(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t
    return top(a).i == top(b).i


def _merge_strays(per: list[tuple[Token, list[LexMatch], list[LexMatch]]], doc: Doc
                  ) -> list[tuple[Token, list[LexMatch], list[LexMatch]]]:
    """Give back to a prepositional list the actors the parser attached as separate conjuncts:
    "Lawmakers in Fornost and Gondor" read as (Lawmakers in Fornost) and (Gondor)."""
    out: list[tuple[Token, list[LexMatch], list[LexMatch]]] = []
    for c, actors, agents in per:
        host = next((o for o in reversed(out) if o[2] and o[1] and all(m.start > o[0].i for m in o[1])), None)
        if host is not None and actors and not agents and all(
                t.lower_ in ("and", "or", ",") or t.i in {o[0].i for o in out}
                for t in doc[host[1][-1].end:actors[0].start]) and c.i == actors[0].end - 1:
            host[1].extend(actors)
            continue
        out.append((c, list(actors), agents))
    return out


def _located(doc: Doc, party: Party) -> bool:
    """Whether a party is named only as where something happened ("met in Riyadh")."""
    t = _token_at(doc, party.start_char)
    if t is None:
        return False
    t = _phrase_end(t) if t.dep_ == "compound" else t
    return t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE


#: the last document's token start offsets, for :func:`_token_at` (one reference, swapped whole)
_last_starts: tuple[Doc | None, list[int]] = (None, [])


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token starting at a character offset, if any."""
    global _last_starts
    cached = _last_starts
    if cached[0] is not doc:
        cached = _last_starts = (doc, doc.to_array(IDX).tolist())
    starts = cached[1]
    k = bisect_left(starts, char)
    return doc[k] if k < len(starts) and starts[k] == char else None


def _named_after(doc: Doc, party: Party, st: _Sentence, preps: tuple[str, ...]) -> bool:
    """Whether a party is named inside a phrase led by one of ``preps``: "from ..." (where
    something comes from), "with ..."/"between ..." (a partner)."""
    token = _token_at(doc, party.start_char)
    if token is None:
        return False
    head = _np_head(token, st)
    while head.dep_ in ("conj", "compound") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in preps


#: agents of armed groups: "the militia", "the rebels" alone refer back to a group
_ARMED_AGENTS = ("REB", "UAF", "RAD")


#: participles that say where goods come from ("cars made in Mexico")
_MAKING = frozenset({"make", "produce", "manufacture", "build", "grow", "assemble", "mine", "catch", "farm",
                     "refine", "import", "ship", "export", "source"})


def _made_in(noun: Token, st: _Sentence) -> Token | None:
    """The object of "in"/"from" of a participle saying where a thing was made ("vehicles made in
    China", "seafood imported from Japan"). (Not a "by" agent: "the terms demanded by the IMF" is
    what the participle's own event acts on, see ``_parties_for_verb``.)"""
    view = st.view
    i = noun.i
    for k in range(i + 1, min(i + 3, st.span.end)):     # the participle follows its noun
        if view.heads[k] == i and view.deps[k] == "acl" and view.lemmas[k] in _MAKING and noun.doc[k].tag_ == "VBN":
            for p in noun.doc[k].children:
                if p.dep_ == "prep" and p.lower_ in ("in", "from"):
                    obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def _in_clause(t: Token, top: Token) -> bool:
    """Whether a word of ``top``'s phrase sits inside a verb's clause below it ("base" in "the
    party of attacking a base")."""
    for _ in range(8):
        if t.i == top.i or t.head.i == t.i:
            return False
        t = t.head
        if t.i != top.i and t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _definite(head: Token) -> bool:
    """Whether a noun is definite: "the country", "this bloc", "the region's ruling party"."""
    for c in head.children:
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that"):
            return True
        if c.dep_ == "poss" and c.lower_ not in _PRONOUNS and any(
                d.dep_ == "det" and d.lower_ == "the" for d in c.children):
            return True
    return False


def _names_itself(head: Token, st: _Sentence) -> bool:
    """Whether a referring noun names its own actor or modifies another noun, so refers to no earlier
    one: "the Palestinian militant group Hamas", "the island of Hainan", "the group of experts",
    "the country director" (not "accused the group of treason")."""
    if head.dep_ in ("compound", "amod", "nmod"):
        return True
    for c in head.children:
        if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.tag_ in ("NNS", "NNPS") or o.i in st.at)
                for o in c.children)):
            return True
        if c.dep_ in ("compound", "amod", "nmod", "poss", "flat"):
            for t in c.subtree:
                m = st.at.get(t.i)
                if m is not None and isinstance(m.entry, ActorEntry) and m.entry.kind != "reference":
                    return True
    return False


def _inherit_targets(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """"Putin agreed to halt strikes on Ukraine": an intent or appeal with no target of its own
    is aimed at the target of the act it is about."""
    by_trigger: dict[int, CodedEvent] = {}
    for e in events:
        by_trigger.setdefault(e.trigger_start, e)    # a mutual event's first half: its own source
    out = []
    for e in events:
        if not e.target and e.cameo[:2] == "14":
            # "took to the streets, demanding an end to Mubarak's rule": the protest is against
            # whom its participle demands or denounces
            token = _token_at(sent.doc, e.trigger_start)
            own = {p.code for p in e.source}
            for c in (token.children if token is not None else ()):
                inner = by_trigger.get(c.idx) if c.dep_ == "advcl" and c.tag_ == "VBG" else None
                if inner is not None and inner.cameo[:2] in ("10", "11", "12") and \
                        {p.code for p in inner.source} == own and inner.target:
                    e = dataclasses.replace(e, target=tuple(p for p in inner.target if p.code not in own))
                    break
        if not e.target and e.cameo[:2] in ("02", "03", "10", "11", "12", "13"):
            token = _token_at(sent.doc, e.trigger_start)
            for t in (token.subtree if token is not None else ()):
                if t.i == token.i or not (t.dep_ in ("xcomp", "ccomp") or _adjacent_gerund(t)) or _split_off(t):
                    continue
                inner = by_trigger.get(t.idx)
                if inner is None and t.dep_ == "xcomp":
                    # "ready to continue talks with Washington": the talks are the act
                    low, high = t.left_edge.idx, t.right_edge.idx
                    inner = next((o for o in events if low <= o.trigger_start <= high and o is not e), None)
                if inner is None:
                    continue
                own = {p.code for p in e.source}
                if e.cameo[:2] in ("02", "10") and {p.code for p in inner.source} - own:
                    # "Ukraine demanded that Russia return ...": asked of the one who should act
                    target = tuple(p for p in inner.source if p.code not in own)
                else:
                    target = tuple(p for p in inner.target if p.code not in own) or tuple(
                        # "offered to host talks between Russia and Ukraine": the hosted are its guests
                        p for p in inner.source if p.code not in own and e.cameo[:2] == "03")
                if target:
                    e = dataclasses.replace(e, target=target)
                    break
        if not e.target and e.source:
            target = _coordinated_target(e, by_trigger, sent)
            if target:
                e = dataclasses.replace(e, target=target)
        out.append(e)
    return out


#: root codes whose acts are aimed the same way: hostile (accuse, reject, threaten, protest, sanction,
#: coerce, assault, fight) and cooperative ones (intend, consult, support, cooperate, aid, yield)
_HOSTILE_ROOTS = frozenset({"11", "12", "13", "14", "16", "17", "18", "19", "20"})
_FRIENDLY_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: of those, acts of saying, whose object is what is said ("promised a firm response"), not whom
_SAYING_ROOTS = frozenset({"03", "05", "11", "12", "13", "14"})


#: verbs of answering an act in kind: aimed at whoever did the act ("... and both vowed to retaliate")
_RETALIATING = frozenset({"retaliate", "respond", "reciprocate", "avenge", "revenge", "counter"})


def _retaliation_targets(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """"Trump imposed tariffs on Canada and Mexico, and both countries vowed to retaliate": a
    hostile act of retaliating (or a vow to) with no target but its own parties is aimed at the
    source of an earlier act of this sentence against them."""
    out = []
    for e in events:
        token = _token_at(sent.doc, e.trigger_start)
        own = {p.code for p in e.source}
        home = {p.code[:3] for p in e.source}
        if token is not None and e.cameo[:2] in _HOSTILE_ROOTS and (
                not e.target or {p.code for p in e.target} <= own) and (
                token.lemma_.lower() in _RETALIATING or any(
                    c.dep_ == "xcomp" and c.lemma_.lower() in _RETALIATING for c in token.children)):
            earlier = next((o for o in reversed(events) if o.trigger_start < e.trigger_start
                            and home & {p.code[:3] for p in o.target} and not home & {p.code[:3] for p in o.source}), None)
            if earlier is not None:
                e = dataclasses.replace(e, target=earlier.source, symmetric=False)
        out.append(e)
    return out


def _coordinated_target(e: CodedEvent, by_trigger: dict[int, CodedEvent], sent: Span) -> tuple[Party, ...]:
    """"Iran blamed Israel for the killing and vowed harsh retaliation": a verb coordinated with an
    earlier one, with no subject and no target of its own, aims at that verb's target when both acts
    are hostile (or both friendly) and have one source."""
    if len(by_trigger) < 2 or not (e.cameo[:2] in _HOSTILE_ROOTS or e.cameo[:2] in _FRIENDLY_ROOTS):
        return ()
    token = _token_at(sent.doc, e.trigger_start)
    if token is None or token.dep_ != "conj" or token.head.i == token.i or any(
            c.dep_ in _SUBJECTS for c in token.children):
        return ()
    if e.cameo[:2] not in _SAYING_ROOTS and any(
            c.dep_ in ("dobj", "obj") and any(d.dep_ in ("det", "poss", "nummod") for d in c.children)
            for c in token.children):
        return ()     # "... and arrested a former minister": an act on an object of its own
    first = by_trigger.get(token.head.idx)
    if first is None or not first.target or first.symmetric or \
            {p.code for p in first.source} != {p.code for p in e.source}:
        return ()
    roots = {first.cameo[:2], e.cameo[:2]}
    if not (roots <= _HOSTILE_ROOTS or roots <= _FRIENDLY_ROOTS):
        return ()
    own = {p.code for p in e.source}
    return tuple(p for p in first.target if p.code not in own)


def _drop_participial_restatements(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """"Israel struck Iran's nuclear sites, killing several commanders": the participle tells the
    toll of the same attack (same source, same root code), not a second event; when the attack
    itself named no target, the toll's target is its target."""
    dropped: set[int] = set()
    replaced: dict[int, CodedEvent] = {}
    for e in events:
        token = _token_at(sent.doc, e.trigger_start)
        if token is not None and e.cameo[:2] == "14" and _purpose_of(token) is not None:
            # "farmers blocked border crossings in protest against ...", "... to protest against ...":
            # the protest is the blocking, which protests against its targets too
            main = next((m for m in events if m.trigger_start == _purpose_of(token).idx  # type: ignore[union-attr]
                         and m.cameo[:2] == "14" and {p.code for p in e.source} <= {p.code for p in m.source}), None)
            if main is not None:
                dropped.add(id(e))
                base = replaced.get(id(main), main)
                replaced[id(main)] = dataclasses.replace(base, target=tuple(_dedupe([*base.target, *e.target])))
            elif not e.target and token.dep_ == "pobj" and any(
                    m.trigger_start == _purpose_of(token).idx and m is not e  # type: ignore[union-attr]
                    and {p.code for p in e.source} <= {p.code for p in m.source} for m in events):
                # "China sent two patrol ships to the islands in protest": the protest is the act
                # done in protest, not a second event
                dropped.add(id(e))
            continue
        if token is None or token.dep_ != "advcl" or token.tag_ != "VBG":
            continue
        # the act is the head verb's, or its object noun's under a light verb ("began air strikes
        # on Afghanistan, targeting Taliban positions")
        heads = {token.head.idx} | {c.idx for c in token.head.children if c.dep_ in ("dobj", "obj")}
        if e.cameo[:2] == "13" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "pressure"
                                       for c in token.children) and any(
                m.trigger_start in heads and m.cameo[:2] in _HOSTILE_ROOTS and
                {p.code for p in e.source} <= {p.code for p in m.source} for m in events if m is not e):
            # "imposed sanctions on PDVSA, stepping up pressure on Maduro": the pressure is the sanctions
            dropped.add(id(e))
            continue
        for main in events:
            if main.trigger_start in heads and (main.cameo[:2] == e.cameo[:2] or (
                    _violent(e.cameo) and _violent(main.cameo))) and \
                    _plover(main.cameo) == _plover(e.cameo) and {p.code for p in e.source} <= {p.code for p in main.source}:
                # (an attack's participle of force on what it hit restates it: "attacked a tanker,
                # setting it ablaze")
                dropped.add(id(e))
                if not main.target and e.target:
                    replaced[id(main)] = dataclasses.replace(main, target=e.target)
                break
    return [replaced.get(id(e), e) for e in events if id(e) not in dropped]


def _violent(code: str) -> bool:
    """Codes of force (PLOVER ASSAULT): CAMEO 18-20 and destroying property (1712)."""
    return code[:2] in _FORCE or code == "1712"


def _helps_do(verb: Token) -> bool:
    """Whether a verb of helping governs an infinitive of its own subject's act and names no one
    helped: "sent warships to help secure the Gulf", "said it had helped to coordinate the raid".
    "Helped Mali fight jihadists" (Mali helped) and "helped Ukraine with weapons" are aid."""
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children) and \
        not any(c.dep_ in ("dobj", "obj", "dative", "iobj", "prep") for c in verb.children)


# "called off retaliatory strikes", "postponed its ground assault": attacks that were planned
_PLANNED_ATTACKS = frozenset({"attack", "strike", "airstrike", "offensive", "assault", "raid", "bombing",
                              "bombardment", "invasion", "incursion"})


def _cancelled_acts(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """A visit or meeting cancelled, postponed, scrapped or called off ("cancelled his visit to
    Seoul", "called off the summit with Lithuania") is two events: the canceller's rejection of
    the one to be met (125, from the verb's pattern) and the visit or meeting itself, negated (042
    for a visit or trip, else 040 with its parties). The noun's own event is kept and negated when
    it was coded; otherwise the act is made from the rejection's parties."""
    doc = sent.doc
    out = list(events)
    for e in events:
        if e.cameo != "125" or e.negated:
            continue
        verb = _token_at(doc, e.trigger_start)
        if verb is None or verb.lemma_.lower() not in _CANCELLING:
            continue
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                     and c.lemma_.lower() in _CANCELLED), None)
        if noun is None:
            continue
        own = [k for k, x in enumerate(out) if x.trigger_start == noun.idx and x.cameo[:2] == "04"]
        for k in own:
            out[k] = dataclasses.replace(out[k], negated=True, hypothetical=e.hypothetical)
        if own:
            continue
        visit = _CANCELLED[noun.lemma_.lower()]
        act = dataclasses.replace(e, cameo=visit, trigger=noun.text, trigger_start=noun.idx,
                                  trigger_end=noun.idx + len(noun.text), negated=True,
                                  rule=f"{e.rule} / the cancelled {noun.lemma_.lower()}",
                                  symmetric=visit == "040" and bool(e.target))
        out.append(act)
        if act.symmetric:
            out.append(dataclasses.replace(act, source=e.target, target=e.source))
    return out


def _drop_toll_verbs(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """"A Russian missile strike on Sumy killed 34 Ukrainian civilians", "an air strike destroyed a
    theatre": a verb of force whose subject is an attack noun tells what that attack did; it is
    one attack (the noun's), whose target is whom the verb names, else the noun's own."""
    at = {e.trigger_start: e for e in events}
    dropped: set[int] = set()
    replaced: dict[int, CodedEvent] = {}
    for e in events:
        if not _violent(e.cameo) or e.trigger_start not in at:
            continue
        token = _token_at(sent.doc, e.trigger_start)
        if token is None or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        noun = at.get(subject.idx) if subject is not None else None
        if noun is None or noun is e or not _violent(noun.cameo) or \
                {p.code for p in noun.source} != {p.code for p in e.source}:
            continue
        dropped.add(id(e))
        if e.target:
            replaced[id(noun)] = dataclasses.replace(replaced.get(id(noun), noun), target=e.target)
    return [replaced.get(id(e), e) for e in events if id(e) not in dropped]


def _purpose_of(token: Token) -> Token | None:
    """The verb a trigger gives the purpose or manner of: "blocked roads *to protest*", "blocked
    roads *in protest* against"."""
    if token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head if token.head.pos_ in ("VERB", "AUX") else None
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.tag_ == "NN" and \
            not any(c.dep_ in ("det", "poss") for c in token.children):
        # "sent patrol ships to waters near the islands in protest": the parser hung the bare
        # "in protest" on the nearest noun; it is the manner of the clause's verb
        return next((a for a in token.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None


_ADVERBIAL_PREPS = frozenset({"after", "before", "since", "while", "when", "upon"})


def _drop_adverbial(events: list[CodedEvent], sent: Span) -> list[CodedEvent]:
    """The events not triggered in an adverbial clause ("advcl", or "after/before ... -ing") or
    an infinitive complement ("xcomp": "called on X to be allowed to leave") of a verb that codes
    an event itself (that verb or one down its xcomp/acomp chain)."""
    triggers = {e.trigger_start for e in events}
    out = []
    for e in events:
        token = _token_at(sent.doc, e.trigger_start)
        host = None
        if token is not None and token.dep_ in ("advcl", "xcomp") and token.head.i != token.i:
            host = token.head
        elif token is not None and token.dep_ == "pcomp" and token.head.lower_ in _ADVERBIAL_PREPS:
            host = token.head.head
        if host is not None:
            chain, stack = [], [host]
            while stack:
                t = stack.pop()
                chain.append(t)
                # (not down the event's own clause: "called on X to be allowed to leave" nests in "called")
                stack.extend(c for c in t.children if c.dep_ in ("xcomp", "acomp") and c.i != token.i)
            if any(t.idx in triggers and t.idx != e.trigger_start for t in chain):
                continue
        out.append(e)
    return out


#: what tells of an event: who has it did not do it ("received reports of killings")
_REPORTS = frozenset({"report", "account", "evidence", "footage", "image", "video", "photo", "news", "sign",
                      "allegation", "claim", "rumour", "rumor", "record"})
def _someone_pays(verb: Token) -> bool:
    """Whether a promise's clause says someone will pay for it: "vowed that the plotters would pay
    a heavy price", "promised to make them pay dearly" (a threat, not an intent to cooperate)."""
    stack = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    for _ in range(3):
        nxt = []
        for v in stack:
            if v.lemma_.lower() == "pay" and any(
                    (c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "price") or
                    (c.dep_ == "advmod" and c.lower_ == "dearly") for c in v.children):
                return True
            nxt += [c for c in v.children if c.dep_ in ("ccomp", "xcomp")]
        stack = nxt
    return False


#: nouns of stopping: what they stop ("a cessation of hostilities") is no event of its own
_STOPPINGS = frozenset({"cessation", "suspension", "halt", "stop", "pause", "freeze", "moratorium"})
#: offers and proposals, which another actor answers
_OFFERS = frozenset({"offer", "proposal", "initiative", "proposition", "overture"})
#: verbs that answer an offer: accept or reject it
_ANSWERING = frozenset({"accept", "agree", "reject", "turn", "decline", "refuse", "dismiss", "rebuff", "spurn",
                        "welcome", "endorse", "embrace", "snub", "shun"})


def _answered(noun: Token) -> Token | None:
    """The verb that accepts or rejects an offer noun: its object ("rejected Zelensky's offer"),
    or the object of its "to"/"on" ("agreed to a U.S. proposal")."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in _ANSWERING:
        return head
    if noun.dep_ == "pobj" and head.lower_ in ("to", "on") and head.head.lemma_.lower() in _ANSWERING:
        return head.head
    return None


#: verbs that answer a request or demand: grant, meet, ignore or reject it
_GRANTING = frozenset({"approve", "grant", "accept", "heed", "fulfil", "fulfill", "meet", "honour", "honor", "reject",
                       "refuse", "deny", "ignore", "defy", "dismiss", "rebuff", "spurn", "decline"})
#: verbs of refusing that code by themselves: refusing to rule something out is no refusal
_REFUSING = frozenset({"refuse", "decline"})
#: what a third party negotiates for others ("a swap negotiated by Qatar"), and verbs that spurn it
_NEGOTIATED = frozenset({"swap", "exchange", "truce", "ceasefire", "deal", "agreement", "accord", "release"})
_SPURNING = frozenset({"reject", "refuse", "decline", "denounce", "condemn", "criticise", "criticize", "oppose"})
#: a clause that may say what a text says: a participle or relative clause on its noun, or a complement below it
_CONTENT_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "conj"})
#: texts voted on, signed or proposed: what their participle says is their content
_TEXTS = frozenset({"resolution", "resolutions", "draft", "motion", "bill", "text", "proposal", "amendment",
                    "measure", "declaration", "statement", "decree", "plan", "law"})
#: signed texts: "a treaty committing both countries to ..." (``&agreement`` in verbs.toml)
_AGREEMENTS = frozenset({"agreement", "deal", "accord", "treaty", "pact", "memorandum", "mou", "protocol",
                         "convention", "charter", "contract", "declaration", "roadmap", "communique"})
#: what stops a text from passing: "vetoed", "rejected", "blocked", "voted down" a resolution
_KILLING_TEXTS = frozenset({"veto", "reject", "block", "defeat", "scuttle", "sink", "kill", "torpedo", "shelve",
                            "derail"})


def _text_content(verb: Token) -> tuple[Token, Token] | None:
    """(participle, text noun) when ``verb`` is, or is a complement of, a participle or relative
    clause saying what a text says: "a resolution *demanding* a ceasefire", "a resolution that
    *called on* Israel *to halt* ...", "a treaty *committing* both countries to ..."."""
    t = verb
    for _ in range(4):
        if t.dep_ in ("ccomp", "xcomp", "conj") and t.head.i != t.i:
            t = t.head
            continue
        break
    if t.head.i == t.i:
        return None
    if t.head.pos_ not in ("NOUN", "PROPN") and t.dep_ != "advcl":
        return None
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return t, t.head
    if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].lower_ not in (",", "--", "\u2014"):
        # "signed a treaty in the Kremlin on Friday committing both countries to ...": the parser
        # hangs on the verb a participle that describes its object (with no comma: a free
        # adjunct, ", pledging to help each other", is the subject's own act)
        obj = next((c for c in t.head.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.i < t.i), None)
        if obj is not None and (obj.lemma_.lower() in _AGREEMENTS or obj.lemma_.lower() in _TEXTS):
            return t, obj
        return None
    if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in t.children):
        return t, t.head
    return None


def _undone_text(noun: Token) -> bool:
    """Whether a text was stopped: vetoed, rejected, blocked or voted down ("vetoed a U.N.
    resolution", "a draft blocked by Russia", "voted against the motion", "Russia's veto of a
    resolution")."""
    if noun.lemma_.lower() not in _TEXTS and noun.lower_ not in _TEXTS:
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass"):
        lemma = head.lemma_.lower()
        return lemma in _KILLING_TEXTS or (lemma == "vote" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in head.children))
    if noun.dep_ == "pobj":
        if head.lower_ == "against" and head.head.lemma_.lower() == "vote":
            return True
        return head.lower_ == "of" and head.head.lemma_.lower() in _KILLING_TEXTS
    return False


#: verbs that report a sports result as well as a fight ("Spain beat England 2-1 in the final")
_SPORT_VERBS = frozenset({"beat", "defeat", "edge", "thrash", "trounce", "rout", "crush", "down", "overcome",
                          "hammer", "outplay", "eliminate", "knock"})
#: what a match is played in or for: "in the Euro 2024 final", "to win the title"
_SPORT_CONTEXT = frozenset({"final", "finals", "match", "matches", "title", "titles", "semifinal", "semifinals",
                            "quarterfinal", "quarterfinals", "championship", "championships", "cup", "fixture",
                            "derby", "qualifier", "qualifiers", "tournament", "trophy", "medal", "scoreline"})
#: a score: "2-1", "3–0" (one token, or split round the dash)
_SCORE = re.compile(r"^\d{1,2}[-\u2013]\d{1,2}$")


def _sports_result(view: _DocView, first: int, last: int) -> bool:
    """Whether a sentence reports a sports result: a verb that may mean a fight ("beat",
    "defeated", "edged", "thrashed") whose clause has a score ("2-1", "3-0") or says what was
    played for or in ("in the final", "the match", "to win the title"). Such a sentence is sport,
    as one with a discard phrase is ("Brazil thrashed Argentina 3-0"; "the army beat back the
    rebels" has neither). Looked at only for those verbs among the sentence's trigger candidates."""
    verbs = view.verbs[bisect_left(view.verbs, first):bisect_left(view.verbs, last)]
    lemmas = view.lemmas
    found = [i for i in verbs if lemmas[i] in _SPORT_VERBS]
    if not found:
        return False
    view.walk(first, last)
    lowers = view.lowers
    for i in found:
        tokens = view.subtree(i)
        for t in tokens:
            w = lowers[t]
            if w in _SPORT_CONTEXT or _SCORE.match(w):
                return True
            if w in ("-", "\u2013") and first < t < last - 1 and lowers[t - 1].isdigit() and \
                    lowers[t + 1].isdigit() and len(lowers[t - 1]) <= 2 and len(lowers[t + 1]) <= 2:
                return True
    return False


#: a boycott: the one event coded from a sentence about sport (``discards.toml``)
_BOYCOTTS = frozenset({"boycott", "boycotts", "boycotted", "boycotting"})
#: what force is used on though no actor is named ("could strike European capitals")
_STRUCK_PLACES = frozenset({"capital", "city", "town", "village", "target", "position", "base", "site",
                            "facility", "infrastructure", "port", "airport", "airfield", "depot", "refinery",
                            "convoy", "outpost", "stronghold", "hideout", "camp", "region", "province",
                            "enclave", "district"})
#: "aircraft carrying relief supplies": the carrier's load is what is sent
_CARRYING = frozenset({"carry", "bring", "transport", "ferry"})
_SENDING = frozenset({"send", "dispatch", "deploy", "ship", "fly", "airlift", "deliver", "transfer"})
#: verbs that name a thing ("launched what it called an anti-terrorist operation")
_NAMING = frozenset({"call", "describe", "term", "dub", "label", "brand", "characterize", "characterise"})
#: nouns (with code "---" in verbs.toml) coded as their verb codes their "of" object
#: participles whose "by" agent is who did a nominal act ("protests led by", "a strike called by",
#: "a pardon signed by Putin", "air strikes carried out by Israel", "an order issued by the junta")
_LEADING = frozenset({"lead", "organise", "organize", "call", "stage", "spearhead", "bring", "file", "lodge",
                      "sign", "issue", "grant", "announce", "order", "launch", "conduct", "carry"})
#: nouns that are a lawsuit (115) only when brought, filed or lodged ("a case brought by Ukraine")
_SUITS = frozenset({"case", "cases"})
_FILING = frozenset({"bring", "file", "lodge", "launch", "submit"})
#: verbs of yielding to pressure ("bowing to protests")
_YIELDING = frozenset({"bow", "yield", "cave", "succumb", "bend"})
_OBJECT_VERBS = {"approval": "approve", "authorization": "authorize", "authorisation": "authorise",
                 # "the sale of F-16s to Taiwan": a sale codes what is supplied (072 for arms)
                 "sale": "supply", "sales": "supply"}
#: verbs that undo what their object approved ("suspended approvals of arms exports")
_UNDOING = frozenset({"suspend", "freeze", "revoke", "cancel", "withdraw", "rescind", "end", "scrap", "pause"})


def _yielded_to(noun: Token) -> Token | None:
    """The verb of yielding whose "to" phrase holds a noun, through quantities ("bowing to three
    weeks of protests"): the one who yields is its subject."""
    t = noun.head if noun.dep_ == "conj" else noun     # "protests and a general strike called by"
    for _ in range(3):
        prep = t.head
        if t.dep_ != "pobj" or prep.i == t.i:
            return None
        if prep.lower_ == "to":
            return prep.head if prep.head.lemma_.lower() in _YIELDING else None
        if prep.lower_ != "of":
            return None
        t = prep.head
    return None


def _talks_around(noun: Token) -> Iterator[Token]:
    """For the object of "without" ("without a deal"): the clause's verb and its subject and
    object nouns, then those of the verb it modifies ("cut short his summit ..., walking away
    without a deal"): where the talks that ended without it may be named."""
    v = noun.head.head
    for _ in range(2):
        if v.pos_ not in ("VERB", "AUX"):
            return
        yield v
        yield from (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and c.pos_ == "NOUN")
        if v.dep_ not in ("advcl", "conj", "xcomp") or v.head.i == v.i:
            return
        v = v.head


def _host(party: Party, event: Token) -> Party:
    """A capital or city that names an event ("the Beijing Olympics", "the Paris summit") as
    the country hosting it; any other party as it is."""
    if party.kind not in _LOCATION_KINDS or len(party.code) < 3 or not party.code[:3].isalpha():
        return party
    token = _token_at(event.doc, party.start_char)
    if token is None or not event.left_edge.i <= token.i < event.i:
        return party
    return Party(party.code[:3], party.text, party.start_char, party.end_char, "country")


def _owned_act(token: Token, at: dict[int, LexMatch]) -> bool:
    """Whether a noun has a possessive that names an actor ("Trump's recognition")."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.i in at for c in token.children)


def _noun_conjunct_host(verb: Token) -> Token | None:
    """"would resume intelligence sharing with Kyiv and restart security assistance": a finite
    or bare verb the parser coordinated with the object noun of another verb is that verb's
    coordinate; the verb returned (``resume``) lends it its subject, negation and modality."""
    noun = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or noun.pos_ not in ("NOUN", "PROPN") or \
            noun.dep_ not in ("dobj", "obj") or noun.head.pos_ not in ("VERB", "AUX") or \
            any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return noun.head


def _owned_by(noun: Token) -> Token | None:
    """The verb of "claimed responsibility for X", "denied any role in X" when ``noun`` is X."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("for", "in") and prep.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OWNING for c in prep.head.children):
        return prep.head    # (the parser may hang "in X" on the verb: "denied any role in a drone attack")
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "in") or prep.head.lemma_.lower() not in _OWNING:
        return None
    owning = prep.head
    if owning.dep_ not in ("dobj", "obj") or owning.head.pos_ not in ("VERB", "AUX"):
        return None
    return owning.head


#: words that make a verb stand for an act named before it ("do so", "did the same", "followed suit")
_REPEATING = frozenset({"so", "same", "likewise", "suit"})
#: verbs whose "with" object is the act they consist of ("responded with air strikes")
_RESPONDING = frozenset({"respond", "react", "reply", "answer", "retaliate", "counter", "hit"})


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through "of" ("began three days of drills"),
    or a verb of responding whose "with" phrase it is."""
    t = noun
    for _ in range(3):
        if t.dep_ in ("dobj", "obj", "attr") and t.head.pos_ in ("VERB", "AUX"):
            return t.head
        if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lemma_.lower() in _RESPONDING:
            return t.head.head    # "Israel responded with air strikes": the strikes are the response
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
            continue
        return None
    return None


def _restated_with_target(event: CodedEvent, others: Sequence[CodedEvent], sent: Span) -> bool:
    """Whether a target-less event repeats one with a target ("fired missiles at Ukraine,
    killing 19 people"): same source, same root code and PLOVER type, and neither a verb coordinated
    with that one's verb ("detained the president and declared a state of emergency": two acts)
    nor in a clause of its own with its own subject ("... as it began drills")."""
    codes = {p.code for p in event.source}
    token: Token | None = None
    for o in others:
        if o is event or not o.target or o.cameo[:2] != event.cameo[:2] or not codes <= {p.code for p in o.source}:
            continue
        if _plover(o.cameo) != _plover(event.cameo):
            continue    # "reached a deal ..., with Tokyo apologising": an apology (055) is no agreement (057)
        if token is None:
            token = _token_at(sent.doc, event.trigger_start)
        other = _token_at(sent.doc, o.trigger_start)
        if token is not None and other is not None and token.i != other.i:
            if token.pos == VERB and other.pos == VERB and _conj_linked(token, other):
                continue
            clause, other_clause = _clause_verb(token), _clause_verb(other)
            if clause is not None and other_clause is not None and clause.i != other_clause.i and \
                    any(c.dep_ == "nsubj" for c in clause.children):
                continue    # "fired missiles at Japan as it began naval drills": a clause with a subject of its own
        return True
    return False


def _clause_verb(token: Token) -> Token | None:
    """The verb whose clause a trigger is: the verb itself, or the verb a noun is the object of."""
    if token.pos in (VERB, AUX):
        return token
    if token.dep_ in ("dobj", "obj") and token.head.pos in (VERB, AUX):
        return token.head
    return None


def _plover(code: str) -> str | None:
    info = describe(code)
    return info.plover if info is not None else None


def _restated(event: CodedEvent, others: Sequence[CodedEvent]) -> int | None:
    """The index of the event a nominal event repeats, if one was already coded in the sentence
    ("exchanged prisoners ..., the largest swap of the war"): same root code, same parties."""
    parties = {p.code for p in (*event.source, *event.target)}
    return next((k for k, o in enumerate(others) if o.cameo[:2] == event.cameo[:2] and
                 (o.negated, o.hypothetical) == (event.negated, event.hypothetical) and
                 _same_parties({p.code for p in (*o.source, *o.target)}, parties)), None)


def _sharpened(event: CodedEvent, restatement: CodedEvent) -> CodedEvent:
    """The event with each bare country its restatement names as a government ("arrived in
    Vladivostok for a summit with Putin": RUS becomes RUSGOV); its sides stay as they were."""
    precise = {p.code[:3]: p for p in (*restatement.source, *restatement.target) if p.code[3:] == "GOV"}

    def sharpen(parties: tuple[Party, ...]) -> tuple[Party, ...]:
        return tuple(precise.get(p.code, p) if len(p.code) == 3 else p for p in parties)
    source, target = sharpen(event.source), sharpen(event.target)
    if {p.code for p in source} & {p.code for p in target}:
        return event    # "Israelis protested against their government": a country against its own government
    return dataclasses.replace(event, source=source, target=target)


def _same_parties(a: set[str], b: set[str]) -> bool:
    """Equal sets of codes, where a country equals its government ("a visit to Iraq, his first
    trip to Baghdad": IRQ and IRQGOV)."""
    def fits(code: str, other: set[str]) -> bool:
        return any(o in (code, code + "GOV") or code == o + "GOV" for o in other)
    return a == b or (all(fits(c, b) for c in a) and all(fits(c, a) for c in b))


def _is_place(token: Token, st: _Sentence) -> bool:
    """Whether a token names where something happened: inside "in/at/near ... X" attached to a
    verb or an event noun (not "ties with X", not "an attack on X")."""
    return _is_place_at(token.i, st)


def _is_place_at(i: int, st: _Sentence) -> bool:
    """:func:`_is_place` on token positions (read from the document view)."""
    view = st.view
    assert view is not None
    deps, heads, lowers, poses = view.deps, view.heads, view.lowers, view.poses
    head = _np_head_at(i, st)
    for _ in range(4):
        while deps[head] in ("conj", "compound") and heads[head] != head:
            head = heads[head]
        if deps[head] != "pobj":
            return False
        prep = heads[head]
        up = heads[prep]
        if lowers[prep] == "of" and poses[up] in ("NOUN", "PROPN"):
            if view.lemmas[up] in _PLACE_NOUNS:
                return True             # "the streets of Bratislava", "the outskirts of Kyiv"
            head = up                   # "on the sidelines of the G7 summit"
            continue
        return lowers[prep] in _LOCATIVE and not (lowers[prep] == "on" and poses[up] in ("NOUN", "PROPN"))
    return False


def _agents(found: list[LexMatch], head: Token) -> list[LexMatch]:
    """The agents of a phrase: at most one prefix (``NGO~``) and one suffix agent, the suffix
    one preferably the phrase's head ("security officials" over "security")."""
    prefix = next((m for m in found if m.entry.prefix), None)  # type: ignore[union-attr]
    suffixes = [m for m in found if not m.entry.prefix]  # type: ignore[union-attr]
    suffix = next((m for m in suffixes if m.start <= head.i < m.end), suffixes[0] if suffixes else None)
    return [m for m in (prefix, suffix) if m is not None]


def _former(lowers: Sequence[str], k: int, st: _Sentence) -> bool:
    """Whether the title starting at token ``k`` is a former one: "former President", "the
    former Bolivian president", "Peru's ex-president" (past a country's adjective or name)."""
    first = st.span.start
    k -= 1
    while k >= first and (lowers[k] == "'s" or (k in st.at and isinstance(st.at[k].entry, ActorEntry)
                                                 and st.at[k].entry.kind in ("adjective", "country", "demonym"))):
        k -= 1
    return k >= first and (lowers[k] == "former" or (lowers[k] == "-" and k > first and lowers[k - 1] == "ex"))


def _out_of_office(code: str) -> str:
    """A state's office holder out of office is one of its elites: ``PERGOV`` -> ``PERELI``
    (a person in our dictionary keeps their dated code; see evals/gold/README.md)."""
    return code[:3] + "ELI" + code[6:] if len(code) >= 6 and code[3:6] == "GOV" and not code.startswith("IGO") else code


def _combine(code: str, agents: Sequence[LexMatch], kind: str, plain_igos: bool = False) -> str:
    """An actor's code with its agents: ``RUS`` + ``MIL`` -> ``RUSMIL``; ``NGO~`` goes first.

    A person's or state body's code already says their sector ("IDF soldiers" is ``ISRMIL``);
    an agent already in the code is not repeated;
    with ``plain_igos`` (our conventions) an organisation's leaders and officials are the
    organisation itself, an NGO's people of any sector are the NGO, and a government's agents
    are its country's (PETRARCH appends them).
    """
    if kind == "person" or kind == "body":
        return code
    if plain_igos and code.startswith("IGO"):
        agents = [m for m in agents if m.entry.code not in ("GOV", "DIP")]  # type: ignore[union-attr]
    elif plain_igos and code.startswith("NGO"):
        return code    # "Red Cross workers", "its troops" of an NGO: its people are the NGO (no NGOMIL)
    for m in agents:
        agent = m.entry
        assert isinstance(agent, AgentEntry)
        if agent.prefix:
            code = code if code.startswith(agent.code) else agent.code + code
        elif plain_igos and code[3:] == "GOV" and not code.startswith("IGO") and agent.code != "GOV":
            code = code[:3] + agent.code    # "Kremlin-backed rebels", "Moscow's troops": RUSREB, RUSMIL
        elif agent.code not in code[3:] or code.startswith("---") and code == "---":
            code = code + agent.code
    return code


def _dedupe(parties: Iterable[Party]) -> list[Party]:
    out: list[Party] = []
    seen: set[str] = set()
    for p in parties:
        if p.code not in seen:
            seen.add(p.code)
            out.append(p)
    return out


def _adjacent_gerund(v: Token) -> bool:
    """"ruled out ceding territory": a gerund right after its verb (and particle) is its
    complement, though the parser may call it an adverbial clause."""
    return _adjacent_gerund_at(_view_of(v.doc), v.i)


def _adjacent_gerund_at(view: _DocView, i: int) -> bool:
    deps, h = view.deps, view.heads[i]
    return deps[i] == "advcl" and view.tags[i] == _TAG["VBG"] and h < i and \
        not any(deps[c] == "mark" for c in view.kids.get(i, ())) and all(deps[t] == "prt" for t in range(h + 1, i))


_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
#: verbs of alleging: "charged that X had ...", "alleged that X ...", "claimed X was ..." accuse X
_ALLEGING = frozenset({"allege", "charge", "claim"})
#: relative pronouns that can be a clause's subject
_WH_SUBJECTS = frozenset({"that", "which", "who"})


def _object_relative(verb: Token, subjects: Sequence[Token]) -> bool:
    """Whether the verb heads a relative clause whose own subject is named and whose object is
    the noun it describes ("the citizens it had abducted", "the ship which the rebels seized")."""
    # ("the Houthis, whom Washington designated a terrorist group": the parser may call the
    # pronoun "dep" and the second object "dobj")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    fronted = any(c.dep_ == "dep" and c.lower_ in ("whom", "which") and c.i < verb.i for c in verb.children)
    return verb.dep_ == "relcl" and bool(subjects) and all(s.lower_ not in _RELATIVES for s in subjects) and \
        (fronted or all(c.lower_ in _RELATIVES for c in objects)) and \
        not any(c.dep_ == "prep" and not any(x.dep_ in ("pobj", "pcomp") for x in c.children) for c in verb.children)


def _reciprocal_object(verb: Token) -> bool:
    """"accused each other", "fired at one another": the verb's object is its subjects."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any({o.lower_, *(c.lower_ for c in o.children if c.dep_ == "det")} in ({"other", "each"}, {"one", "another"})
               for o in objects)


def _chain(verb: Token, limit: int = 4) -> Iterator[tuple[Token, str]]:
    """The verb, then the verbs it depends on as a complement or a coordinate, with how each was
    reached: ``self``, ``complement`` ("refused *to withdraw*", "ruled out *ceding*") or
    ``coordinate`` ("agreed to X but *rejected* Y": the coordinate shares auxiliaries, not meaning)."""
    doc = verb.doc
    for i, how in _chain_at(_view_of(doc), verb.i, limit):
        yield (verb if i == verb.i else doc[i]), how    # (the verb itself: callers compare by identity)


def _chain_at(view: _DocView, i: int, limit: int = 4) -> Iterator[tuple[int, str]]:
    """:func:`_chain` on the view: token indices."""
    heads, deps, tags = view.heads, view.deps, view.tags
    how = "self"
    for _ in range(limit):
        yield i, how
        h = heads[i]
        if h == i or _split_off_at(view, i):
            return
        dep = deps[i]
        if dep in ("xcomp", "ccomp") or (dep in ("dobj", "pcomp") and tags[i] == _TAG["VBG"]) or _adjacent_gerund_at(view, i):
            i, how = (heads[h] if dep == "pcomp" and deps[h] == "prep" else h), "complement"
        elif dep == "conj":
            i, how = h, "coordinate"
        else:
            return


def _split_off(verb: Token) -> bool:
    """"The Philippines summoned China's envoy; Beijing rejected the protest": a clause before a
    semicolon or colon that the parser made the complement of the next clause's verb stands alone."""
    return _split_off_at(_view_of(verb.doc), verb.i)


def _split_off_at(view: _DocView, i: int) -> bool:
    h = view.heads[i]
    if view.deps[i] not in ("ccomp", "advcl") or not i < h:
        return False
    deps, lowers = view.deps, view.lowers
    stops = [c for c in view.kids.get(h, ()) if i < c < h and deps[c] == "punct" and lowers[c] in (";", ":")]
    return bool(stops) and any(view.doc[i].right_edge.i < c for c in stops)


def _negated(verb: Token, pattern: Pattern | None) -> bool:
    """Negated by its own words, or the complement of "refuse to", "failed to", "did not agree to"."""
    return not _negative_pattern(pattern) and _negation(verb) == "negated"


def _negative_pattern(pattern: Pattern | None) -> bool:
    """Whether the pattern itself codes the negative act ("not * to")."""
    return pattern is not None and any(w in _NEGATORS for s in pattern.upper for a in s.alternatives for w in a)


def _negation(verb: Token) -> str | None:
    """``negated`` when the verb or a verb it is the complement of says it was not done;
    ``unconfirmed`` when the negation is above a verb of telling ("refused to confirm that ...")."""
    return _negation_at(_view_of(verb.doc), verb.i)


def _negation_at(view: _DocView, i: int) -> str | None:
    deps, lowers, lemmas, kids = view.deps, view.lowers, view.lemmas, view.kids
    told = False
    for v, how in _chain_at(view, i):
        told = told or (how == "complement" and lemmas[v] in _TELLING)
        if any(deps[c] == "neg" or (lowers[c] in ("never", "no") and deps[c] in ("advmod", "det"))
               or (lowers[c] == "longer" and deps[c] == "advmod" and any(lowers[g] == "no" for g in kids.get(c, ())))
               for c in kids.get(v, ())) \
                or (how == "complement" and lemmas[v] in _NEGATING_HEADS):
            if how == "complement" and _kept_open_at(view, v):
                return "unconfirmed"    # "refused to rule out sending troops": left open, not undone
            return "unconfirmed" if told else "negated"
    return None


def _rules_out(verb: Token) -> bool:
    """"ruled out", "rule out": the verb excludes what it governs."""
    return _rules_out_at(_view_of(verb.doc), verb.i)


def _rules_out_at(view: _DocView, i: int) -> bool:
    deps, lowers = view.deps, view.lowers
    return view.lemmas[i] == "rule" and any(deps[c] == "prt" and lowers[c] == "out" for c in view.kids.get(i, ()))


def _kept_open(verb: Token) -> bool:
    """A ruling-out that is itself refused or negated ("refused to rule out", "would not rule
    out", "declined to rule out"): the double negative keeps what it governs open, hypothetical."""
    return _kept_open_at(_view_of(verb.doc), verb.i)


def _kept_open_at(view: _DocView, i: int) -> bool:
    return _rules_out_at(view, i) and _negation_at(view, i) == "negated"


#: verbs of firing a missile: with nothing aimed at, a test or show of force (150, MOBILIZE)
_LAUNCHING = frozenset({"fire", "launch"})
_MISSILES = frozenset({"missile", "rocket", "projectile", "icbm"})
#: prepositions that say where a launch was aimed ("at a base", "towards Seoul", "on Kyiv")
_AIMED = frozenset({"at", "on", "onto", "towards", "toward", "against", "into", "over", "across", "upon"})


def _aimed_nowhere(verb: Token) -> bool:
    """"North Korea fired two ballistic missiles on Sunday": no "at", "on" or "into" phrase on the
    verb or its object names what the missiles were aimed at (a date is no aim); strikes are no
    launch of missiles ("launched air strikes" stays an attack)."""
    if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _MISSILES for c in verb.children):
        return False
    for h in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _AIMED and any(
                    o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children):
                return False
    return True


def _reduced_relative(verb: Token) -> bool:
    """"the sanctions imposed by Washington", "aid pledged by Japan to Ukraine": a past participle
    that modifies a noun and names its doer in a "by" phrase (a reduced passive relative clause)."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and any(
        c.dep_ == "agent" and any(x.dep_ == "pobj" for x in c.children) for c in verb.children) and \
        not any(c.dep_ in ("aux", "auxpass") or c.dep_ in _SUBJECTS for c in verb.children)


def _accused_act(verb: Token) -> bool:
    """"accused Qatar of supporting terrorism", "blamed Kyiv for shelling the plant": the act an
    accusation alleges; "jailed him for refusing to testify": the reason for a punishment."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return False
    lemma = verb.head.head.lemma_.lower()
    # "sentenced Zuma for refusing to testify": the reason given for a punishment, as an accusation's content
    return lemma in _ACCUSING or (lemma in _PUNISHING and verb.head.lower_ == "for")


def _for_clause(verb: Token) -> Token | None:
    """"called for Israel to allow aid in": a "for X to" clause of the verb (with its subject X)."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and any(
        s.dep_ == "nsubj" for s in c.children)), None)


def _causal_participle(verb: Token) -> bool:
    """"..., spurring Washington to protest": a trailing participle of pressing with no subject
    of its own says what the act before it caused."""
    return _causal_participle_at(_view_of(verb.doc), verb.i)


def _causal_participle_at(view: _DocView, i: int) -> bool:
    deps = view.deps
    return deps[i] == "advcl" and view.tags[i] == _TAG["VBG"] and view.lemmas[i] in _CAUSAL_PARTICIPLES and \
        view.heads[i] < i and not any(deps[c] in _SUBJECTS for c in view.kids.get(i, ()))


def _hypothetical(verb: Token) -> bool:
    """Modal, conditional, future, intended or unconfirmed: could meet, if ... fails, plans to,
    will visit, refused to confirm that ..."""
    return _negation(verb) == "unconfirmed" or _modal(verb)


def _intended_for(noun: Token) -> bool:
    """"drew up plans for strikes", "a bid for talks with Kyiv": an act named after "for" under a
    noun of intent is only intended."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in _INTENT_NOUNS


def _modal(verb: Token) -> bool:
    """Modal, conditional, future or intended (:func:`_hypothetical` without the unconfirmed)."""
    view = _view_of(verb.doc)
    deps, lowers, lemmas, tags, heads, kids = view.deps, view.lowers, view.lemmas, view.tags, view.heads, view.kids
    for v, how in _chain_at(view, verb.i):
        for c in kids.get(v, ()):
            dep = deps[c]
            if dep in ("aux", "auxpass") and (tags[c] == _TAG["MD"] or lowers[c] in _MODALS):
                return True
            if dep == "mark" and lowers[c] in _CONDITIONAL_MARKS:
                return True
        if how == "complement" and lemmas[v] in _HYPOTHETICAL_HEADS and not _causal_participle_at(view, v):
            return True
        h = heads[v]
        if deps[v] == "advcl" and lemmas[h] in _HYPOTHETICAL_HEADS and h != v and any(
                deps[c] == "aux" and lowers[c] == "to" for c in kids.get(v, ())):
            return True     # "threatened on Sunday to close the Strait": the parser's adverbial infinitive
        if deps[v] == "pcomp" and lowers[h] == "about":
            return True
    return False
