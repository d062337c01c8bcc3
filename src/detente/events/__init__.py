"""Event coding: from parsed sentences to CAMEO/PLOVER events with their evidence.

:func:`load_coder` builds the default coder from our own dictionaries (actors in
``detente/actors/data``, triggers in ``detente/events/data/verbs.toml``);
:func:`detente.events.petrarch.load_petrarch` reads PETRARCH-format dictionaries instead.
"""

from __future__ import annotations

import functools

from detente import __version__
from detente.events.cameo import PLOVER_TYPES, CameoCode, describe
from detente.events.coder import CodedEvent, Coder
from detente.events.lexicon import Lexicon, lexicon_from_dictionary
from detente.events.records import event_records
from detente.events.verbs import VerbDictionary, load_verbs

__all__ = ["PLOVER_TYPES", "CameoCode", "CodedEvent", "Coder", "Lexicon", "VerbDictionary", "coder_name",
           "describe", "event_records", "lexicon_from_dictionary", "load_coder", "load_discards", "load_verbs"]


def coder_name() -> str:
    """The name@version recorded on every event coded with our own dictionaries."""
    return f"detente@{__version__}"


def load_discards() -> tuple[tuple[str, ...], ...]:
    """Our discard phrases (``detente/events/data/discards.toml``): sport and games."""
    import tomllib
    from importlib import resources

    from detente.events.patterns import split_words

    doc = tomllib.loads((resources.files("detente.events") / "data" / "discards.toml").read_text(encoding="utf-8"))
    return tuple(tuple(p.split()) if " - " in p else split_words(p) for p in doc.get("phrases", []))


@functools.cache
def load_coder() -> Coder:
    """The coder with our own actor and trigger dictionaries (built once per process)."""
    from detente.actors import load_dictionary

    return Coder(load_verbs(), lexicon_from_dictionary(load_dictionary()), discards=load_discards(),
                 name=coder_name())
