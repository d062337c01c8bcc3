"""Actor dictionaries: who is who in the news, as CAMEO actor codes.

Countries, international organisations, sector agents, roles, dated people, non-state
groups, state bodies and cities, read from TOML files in ``detente/actors/data`` (format: ``docs/actors.md``) by
:func:`load_dictionary`.
"""

from __future__ import annotations

from detente.actors.dictionary import (
    ActorDictionary,
    Agent,
    Body,
    City,
    CityPeriod,
    Country,
    DictionaryError,
    Group,
    GroupPeriod,
    Igo,
    Person,
    PersonMatch,
    PersonRole,
    Role,
    load_dictionary,
)

__all__ = [
    "ActorDictionary",
    "Agent",
    "Body",
    "City",
    "CityPeriod",
    "Country",
    "DictionaryError",
    "Group",
    "GroupPeriod",
    "Igo",
    "Person",
    "PersonMatch",
    "PersonRole",
    "Role",
    "load_dictionary",
]
