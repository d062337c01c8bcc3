"""Request plumbing shared by the API and the dashboard: the per-request cursor and the
checks on codes, dyads and PLOVER types (each failure a ``[D080]`` error, answered with 422)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import duckdb
from fastapi import Request

from detente.errors import UsageError
from detente.relations.dyads import PLOVER_TYPES

__all__ = ["check_code", "check_dyad", "check_plover", "connection", "split_parties"]

_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the app's one connection, closed when the request ends."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def check_code(value: str, name: str = "actor") -> str:
    """``value`` upper-cased, if it is a CAMEO-style actor code.

    Example:
        >>> check_code("rusgov")
        'RUSGOV'
    """
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise UsageError("D080", f"{name} {value!r} is not a CAMEO-style actor code",
                         "give a code such as USA, RUSGOV or IGOWSTNAT")
    return code


def split_parties(value: str, name: str) -> list[str]:
    """Codes from ``A,B[,C]`` (commas; hyphens also accepted)."""
    parts = [p for p in re.split(r"[,\-–]", value) if p.strip()]
    return [check_code(p, name) for p in parts]


def check_dyad(value: str | None) -> tuple[str, str] | None:
    """``"USA,RUS"`` as ``("USA", "RUS")``.

    Example:
        >>> check_dyad("usa,rus")
        ('USA', 'RUS')
    """
    if value is None or not value.strip():
        return None
    codes = split_parties(value, "dyad")
    if len(codes) != 2:
        raise UsageError("D080", f"dyad {value!r} does not name two actors", "write it as dyad=USA,RUS")
    return codes[0], codes[1]


def check_plover(value: str | None) -> str | None:
    """The PLOVER type upper-cased, if it is one of the 16."""
    if value is None or not value.strip():
        return None
    plover = value.strip().upper()
    if plover not in PLOVER_TYPES:
        raise UsageError("D080", f"plover {value!r} is not a PLOVER type",
                         f"expected one of {', '.join(PLOVER_TYPES)}")
    return plover
