"""Statements in a parsed article: direct quotes and reported speech, with their speakers.

:func:`extract_statements` is a pure function over a spaCy ``Doc``. In one pass it

1. finds the quotation marks in the raw text (:mod:`detente.statements.marks`);
2. finds the speech cues of every sentence, outside the quotes (:mod:`detente.statements.cues`);
3. ties each quote to a cue: one whose reported clause covers the quote, or one written right
   after ("…,” he said") or right before it ("Lukyanov writes: “…"), or, for a quote that is
   a whole sentence with no cue, the speaker of the sentence before a colon, of the quote just
   before it (in this or the previous paragraph) or the subject of the previous sentence;
4. turns each cue with a reported clause into a reported statement; a quote inside that
   clause is part of it ("he was “looking forward” to talking");
5. resolves every speaker (:mod:`detente.statements.speakers`).

Quotes tied to nothing (scare quotes, titles, nicknames, quoted terms) are not statements.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.events.lexicon import Lexicon, LexMatch
from detente.statements.cues import TEXT_NOUNS, Cue, find_cues
from detente.statements.marks import Quote, find_quotes
from detente.statements.people import Person, find_people
from detente.statements.records import Speaker, Statement
from detente.statements.speakers import SpeakerResolver

__all__ = ["extract_statements"]

#: words that make the quote after them a title, a name or a term, not a statement
TITLE_WORDS = TEXT_NOUNS | frozenset({"titled", "entitled", "headlined", "so-called", "book", "books", "article",
                                      "articles", "essay", "column", "op-ed", "film", "movie", "documentary",
                                      "programme", "program", "show", "series", "song", "poem", "novel", "play",
                                      "phrase", "term", "word", "words", "expression", "watchword", "nickname",
                                      "label", "hashtag", "concept", "doctrine", "formula", "notion", "brand"})
_CONNECTIVES = {"that", "and", "but", "so", "or", "yet", "however", "also", "then", "as", "while", "because"}
_END_PUNCT = ",.;:!?…-–—"
_CLOSING = "”»›\"’“"


@dataclass(slots=True)
class _Item:
    """A statement before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue: Cue | None = None
    speaker_head: Token | None = None        # from the cue or a colon sentence
    cue_span: tuple[int, int] | None = None  # token range of the cue as written
    inherit: bool = False                    # speaker from the context
    previous_subject: Token | None = None    # fallback: the previous sentence's subject
    passive: bool = False
    group: int = 0                           # the quote's group (parts of one quote over paragraphs)


def _lower(t: Token) -> str:
    return t.lower_.replace("\u2019", "'")


def extract_statements(doc: Doc, day: dt.date | None = None, lexicon: Lexicon | None = None) -> list[Statement]:
    """Every statement of ``doc``, sorted by ``start_char``.

    Args:
        doc: a Doc parsed by :func:`detente.nlp.load_model` (parser, NER, lemmas).
        day: the article date; people's actor codes depend on it.
        lexicon: actor lexicon for codes (default: ``detente.events.load_coder().lexicon``).

    Example:
        >>> from detente.nlp import load_model  # doctest: +SKIP
        >>> doc = load_model()("“We will not yield,” the minister said.")  # doctest: +SKIP
        >>> [(s.text, s.direct, s.cue) for s in extract_statements(doc)]  # doctest: +SKIP
        [('We will not yield,', True, 'said')]
    """
    if lexicon is None:
        from detente.events import load_coder

        lexicon = load_coder().lexicon
    text = doc.text
    quotes = find_quotes(text)
    n = len(doc)
    tokens = list(doc)
    sents = list(doc.sents)
    sentence_of = [0] * n
    for k, s in enumerate(sents):
        sentence_of[s.start:s.end] = [k] * (s.end - s.start)
    paragraph_of = [0] * n
    in_quote = [-1] * n
    lowers = [""] * n
    texts = [""] * n
    starts = [q.open for q in quotes]
    para = 0
    for t in tokens:
        i, idx, t_text = t.i, t.idx, t.text
        paragraph_of[i] = para
        if "\n" in t_text or "\n" in t.whitespace_:
            para += 1
        k = bisect.bisect_right(starts, idx) - 1
        if k >= 0 and quotes[k].open <= idx < quotes[k].close:
            in_quote[i] = k
        texts[i] = t_text
        lowers[i] = t.lower_.replace("\u2019", "'")
    outside = [q < 0 for q in in_quote]
    lex_at: dict[int, LexMatch] = {}
    for s in sents:
        for m in lexicon.scan(lowers[s.start:s.end], texts[s.start:s.end]):
            shifted = LexMatch(m.start + s.start, m.end + s.start, m.entry)
            for i in range(shifted.start, shifted.end):
                lex_at[i] = shifted
    matches = sorted({id(m): m for m in lex_at.values()}.values(), key=lambda m: m.start)
    cues_by_sent: list[list[Cue]] = [find_cues(s, in_quote, outside) for s in sents]
    cue_speakers = frozenset(c.speaker.i for cs in cues_by_sent for c in cs if c.speaker is not None)
    people = find_people(doc, matches, sentence_of, paragraph_of, in_quote, cue_speakers, sents, tokens)
    resolver = SpeakerResolver(doc, people, lex_at, day, sentence_of, paragraph_of, in_quote, cue_speakers)

    q_tokens = _quote_tokens(doc, quotes)
    items: list[_Item] = []
    direct_of_cue: dict[int, list[int]] = {}       # id(cue) -> quotes quoted directly by it
    absorbed_by_cue: dict[int, list[int]] = {}     # id(cue) -> quotes inside its reported clause
    for k, q in enumerate(quotes):
        if q_tokens[k] is None:
            continue
        first, last = q_tokens[k]  # type: ignore[misc]
        s_open, s_close = sentence_of[first], sentence_of[last]
        if _titled(doc, first, in_quote, k):
            continue
        cue, how = _cue_for(doc, sents, cues_by_sent, s_open, s_close, first, last, in_quote, k)
        if cue is not None:
            if how == "content" and _fragment(doc, cue, in_quote, last, sentence_of):
                absorbed_by_cue.setdefault(id(cue), []).append(k)
                continue
            direct_of_cue.setdefault(id(cue), []).append(k)
            items.append(_Item(q.start, q.end, True, cue, cue.speaker, cue.cue,
                               passive=cue.passive, group=q.group))
            continue
        item = _context_item(doc, text, sents, q, first, last, sentence_of, paragraph_of, in_quote, cues_by_sent)
        if item is not None:
            item.group = q.group
            items.append(item)
    # the parts of a quote that runs over paragraphs share the speaker of the part with a cue
    cued: dict[int, _Item] = {}
    for it in items:
        if it.direct and it.cue is not None and it.group:
            cued.setdefault(it.group, it)
    for it in items:
        if it.direct and it.cue is None and it.group in cued:
            source = cued[it.group]
            it.cue, it.speaker_head, it.cue_span, it.inherit = source.cue, source.speaker_head, source.cue_span, False
    for s_cues in cues_by_sent:
        for cue in s_cues:
            if cue.content is None or cue.kind in ("naming", "direct") or id(cue) in direct_of_cue:
                continue
            if cue.speaker is None and not cue.passive and cue.kind != "according":
                continue
            a, b = cue.content
            if any(not outside[i] and id(cue) not in absorbed_by_cue for i in range(a, b)):
                continue           # touches a quote given to another cue
            start, end = _clause_chars(doc, text, a, b, [quotes[k] for k in absorbed_by_cue.get(id(cue), [])])
            if end - start < 2 or not any(doc[i].pos_ in ("VERB", "AUX") for i in range(a, b)):
                continue
            items.append(_Item(start, end, False, cue, cue.speaker, cue.cue, passive=cue.passive))
    items.sort(key=lambda it: it.start)
    out: list[Statement] = []
    last_said: list[tuple[int, Speaker | None, Person | None]] = []   # (paragraph, speaker, person)
    for it in items:
        speaker: Speaker | None = None
        person: Person | None = None
        if it.speaker_head is not None:
            speaker, person = resolver.resolve(it.speaker_head)
        elif it.inherit:
            # the speaker of the statement just before in this paragraph, else the person the
            # previous sentence is about, else the speaker of the previous paragraph's last statement
            para_here = paragraph_of[_token_index(doc, it.start)]
            prev = last_said[-1] if last_said and last_said[-1][1] is not None else None
            if prev is not None and prev[0] == para_here:
                speaker, person = prev[1], prev[2]
            elif it.previous_subject is not None:
                speaker, person = resolver.resolve(it.previous_subject)
            elif prev is not None and prev[0] == para_here - 1:
                speaker, person = prev[1], prev[2]
            if speaker is None:
                continue
        elif not it.passive and not (it.cue is not None and it.cue.kind == "according"):
            continue
        cue_text = cue_start = cue_end = None
        if it.cue_span is not None:
            cs = doc[it.cue_span[0]:it.cue_span[1]]
            cue_text, cue_start, cue_end = cs.text, cs.start_char, cs.end_char
        resolver.remember(it.start, person, speaker, it.speaker_head)
        last_said.append((paragraph_of[_token_index(doc, it.start)], speaker, person))
        out.append(Statement(text[it.start:it.end], it.start, it.end, it.direct, speaker, cue_text, cue_start, cue_end,
                             sentence_of[_token_index(doc, it.start)]))
    return out


# ------------------------------------------------------------------------------------ helpers

def _token_index(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else 0


def _quote_tokens(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int] | None]:
    """For each quote, its first and last word tokens (marks excluded)."""
    out: list[tuple[int, int] | None] = []
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        out.append((span.start, span.end - 1) if span is not None and len(span) else None)
    return out


def _only_punct(doc: Doc, a: int, b: int) -> bool:
    return all(doc[i].is_punct or doc[i].is_space for i in range(a, b))


def _cue_for(doc: Doc, sents: list[Span], cues_by_sent: list[list[Cue]], s_open: int, s_close: int,
             first: int, last: int, in_quote: list[int], k: int) -> tuple[Cue | None, str]:
    """The cue a quote belongs to, and how it was found (content, after, before, naming)."""
    near: list[Cue] = [c for s in range(s_open, s_close + 1) for c in cues_by_sent[s]]
    following = cues_by_sent[s_close + 1] if s_close + 1 < len(cues_by_sent) else []
    for c in near:
        if c.content is not None and c.content[0] <= last and first < c.content[1] and c.kind not in ("naming",):
            return c, "content"
    close_tok = last + 1
    while close_tok < len(doc) and in_quote[close_tok] == k:
        close_tok += 1
    inner_end = doc[last].text[-1:]
    following = [c for c in following if inner_end not in ".…:" or _attribution_only(doc, sents[s_close + 1], c)]
    for c in near + following:
        gap_ok = _only_punct(doc, close_tok, c.start) or (c in following and all(
            doc[i].is_punct or doc[i].is_space or doc[i].lower_ in _FILLER for i in range(close_tok, c.start)))
        if c.start >= close_tok and gap_ok and c.kind != "naming" and (
                c.content is None or (c.content[0] <= last and first < c.content[1])) and not _introduces(doc, c):
            return c, "after"
    open_tok = first - 1
    while open_tok >= 0 and in_quote[open_tok] == k:
        open_tok -= 1
    for c in reversed(near):
        if c.end <= open_tok + 1 and _only_punct(doc, c.end, open_tok + 1) and c.kind != "naming":
            return c, "before"
    for c in near:
        if c.kind == "naming" and c.speaker is not None and (any(a.i == c.verb.i for a in doc[last].ancestors) or (
                c.verb.i < open_tok and _names_object(doc, c.verb, open_tok))):
            return c, "naming"
    return None, ""


_FILLER = {"that", "this", "is", "was", "'s", "’s", "how", "so", "what", "thus", "which", "it", "said"}


def _attribution_only(doc: Doc, sent: Span, c: Cue) -> bool:
    """Whether a sentence only attributes the quote before it: "That is how Weber put it."."""
    return all(t.i in c.attribution or t.is_punct or t.is_space or t.lower_ in _FILLER for t in sent)


def _names_object(doc: Doc, verb: Token, open_tok: int) -> bool:
    """Whether a quote comes right after a naming verb and its object ("calling the South „…“",
    "calls a “…”"): nothing but the object, determiners and marks stand between them."""
    obj = {x.i for c in verb.children if c.dep_ in ("dobj", "dative") for x in c.subtree}
    return all(i in obj or doc[i].pos_ == "DET" or doc[i].is_punct for i in range(verb.i + 1, open_tok + 1)
               if not doc[i].is_space)


def _introduces(doc: Doc, c: Cue) -> bool:
    """Whether a cue ends in a colon: it introduces what follows ("Lukyanov writes:")."""
    k = c.end
    while k < len(doc) and doc[k].is_space:
        k += 1
    return k < len(doc) and doc[k].text == ":"


def _titled(doc: Doc, first: int, in_quote: list[int], k: int) -> bool:
    """Whether the words right before a quote make it a title, a name or a term: "the headline:",
    "his book", "entitled", "so-called", "the watchword –"."""
    j = first - 1
    while j >= 0 and in_quote[j] == k:
        j -= 1
    while j >= 0 and (doc[j].is_space or doc[j].text in (":", ",", "–", "—", "-")):
        j -= 1
    if j < 0:
        return False
    t = doc[j]
    word = t.lower_
    if word in TITLE_WORDS or t.lemma_.lower() in TITLE_WORDS:
        return True
    return word in ("called", "dubbed", "named", "known") and t.dep_ in ("acl", "relcl", "amod") or (
        word == "as" and j > 0 and doc[j - 1].lower_ in ("known", "dubbed", "described", "called"))


def _fragment(doc: Doc, cue: Cue, in_quote: list[int], last: int, sentence_of: list[int]) -> bool:
    """Whether a quote is only part of the cue's reported clause (words of the clause stand outside it)."""
    assert cue.content is not None
    a, b = cue.content
    if sentence_of[last] != sentence_of[cue.verb.i]:
        return False          # the quote runs on past the cue's sentence: a direct quote
    for i in range(a, b):
        t = doc[i]
        if in_quote[i] >= 0 or i in cue.attribution or t.is_punct or t.is_space or _lower(t) in _CONNECTIVES:
            continue
        if t.is_alpha or t.like_num:
            return True
    return False


def _clause_chars(doc: Doc, text: str, a: int, b: int, absorbed: list[Quote]) -> tuple[int, int]:
    """Character span of a reported clause (tokens a..b), without "that" and final punctuation,
    widened to the quotes it holds."""
    while a < b and (doc[a].is_punct or doc[a].is_space or (_lower(doc[a]) == "that" and doc[a].dep_ == "mark")) and \
            not (doc[a].is_punct and doc[a].text in "“„«‘\""):
        a += 1
    start = doc[a].idx if a < b else doc[b - 1].idx
    end = doc[b - 1].idx + len(doc[b - 1].text) if b > a else start
    for q in absorbed:
        start = min(start, q.open)
        end = max(end, q.close)
    while end > start and (text[end - 1] in _END_PUNCT or text[end - 1].isspace()):
        end -= 1
    # a closing mark whose quote opened inside the clause stays; a stray one goes
    if end > start and text[end - 1] in _CLOSING and not any(start <= q.open < end for q in absorbed):
        opened = any(text[i] in "“„«\"‘" for i in range(start, end - 1))
        if not opened:
            end -= 1
            while end > start and (text[end - 1] in _END_PUNCT or text[end - 1].isspace()):
                end -= 1
    return start, end


def _context_item(doc: Doc, text: str, sents: list[Span], q: Quote, first: int, last: int, sentence_of: list[int],
                  paragraph_of: list[int], in_quote: list[int], cues_by_sent: list[list[Cue]]) -> _Item | None:
    """A quote with no cue of its own: after a colon, or a whole sentence whose speaker the
    context gives. Titles, terms and scare quotes return None."""
    end = q.end
    j = q.open - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j >= 0 and text[j] == ":":
        colon = _token_index(doc, j)
        before = colon - 1
        if before >= 0 and (doc[before].lemma_.lower() in TEXT_NOUNS or doc[before].lower_ in TEXT_NOUNS):
            return None
        s = sentence_of[colon]
        sent = sents[s]
        cues = [c for c in cues_by_sent[s] if c.end <= colon + 1 and c.kind not in ("naming",)]
        if cues:
            c = cues[-1]
            return _Item(q.start, end, True, c, c.speaker, c.cue, passive=c.passive)
        top = _top_verb(sent, colon)
        if top is not None:
            subj = next((c for c in top.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and subj.lower_ not in ("it", "there", "this", "that", "which", "what"):
                if subj.lemma_.lower() in TEXT_NOUNS:
                    return None
                return _Item(q.start, end, True, None, subj, (top.i, top.i + 1))
        return None
    # a quote that is a whole sentence (or several) and has a verb
    s_open, s_close = sentence_of[first], sentence_of[last]
    sent_first = sents[s_open]
    lead = [t for t in sent_first if t.i < first and in_quote[t.i] < 0 and not (t.is_punct or t.is_space)]
    sent_last = sents[s_close]
    tail = [t for t in sent_last if t.i > last and in_quote[t.i] < 0 and not (t.is_punct or t.is_space)]
    if lead or tail:
        return None
    words = [t for t in doc[first:last + 1] if t.is_alpha]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[first:last + 1]):
        return None
    if text[q.close - 1 if q.closed else q.end - 1] not in "”»\"›’“" and q.closed:
        return None
    inner_end = text[q.start:q.end].rstrip()
    if q.closed and inner_end and inner_end[-1] not in ".?!…" and inner_end[-1] not in _CLOSING:
        return None          # "“A Title,” Publisher, 2024": not a sentence
    previous_subject = None
    if s_open > 0 and paragraph_of[sents[s_open - 1].start] == paragraph_of[first]:
        prev = sents[s_open - 1]
        root = prev.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and in_quote[subj.i] < 0 and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she")
                                                         or subj.ent_type_ == "PERSON"):
            previous_subject = subj
    return _Item(q.start, end, True, None, None, None, inherit=True, previous_subject=previous_subject)


def _top_verb(sent: Span, before: int) -> Token | None:
    """The highest verb of the sentence's part before token ``before``."""
    best: Token | None = None
    for t in sent:
        if t.i >= before:
            break
        if t.pos_ in ("VERB", "AUX") and (t.head is t or t.head.i >= before or t.head.i < sent.start) and (
                best is None or t.dep_ == "ROOT"):
            best = t
    return best
