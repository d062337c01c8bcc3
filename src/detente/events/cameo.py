"""The CAMEO event-code table: label, Goldstein weight, quad class and PLOVER type of every code.

The data live in ``detente/events/data/cameo.toml`` (one ``[[code]]`` table per code; the file's
header says where the codes, weights and mapping come from). :func:`cameo_table` reads and checks
it once; :func:`describe` looks a code up, falling back to the nearest real parent code for
non-standard sub-codes::

    >>> describe("190").label
    'Use conventional military force'
    >>> describe("1717").code, describe("1717").label
    ('1717', 'Seize or damage property')

The quad class is not stored but derived from the two-digit root, as in GDELT's ``QuadClass``:
roots 01-05 are verbal cooperation, 06-08 material cooperation, 09-14 verbal conflict and 15-20
material conflict.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["PLOVER_TYPES", "QUAD_CLASSES", "CameoCode", "cameo_table", "describe", "parse_table", "quad_class"]

#: The 16 PLOVER event types, in the PLOVER manual's order (the manual's DEMAND is named REQUEST).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: GDELT's QuadClass numbers and their names.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}

#: The 20 CAMEO root codes, "01" to "20".
ROOTS: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 21))

_CODE = re.compile(r"\d{2}|\d{3,4}")
_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "code": (str, True), "label": (str, True), "goldstein": ((int, float), True),
    "plover": (str, False), "plover_mode": (str, False), "note": (str, False),
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code; ``plover`` is None where PLOVER drops the category (01, 02)."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def _root_quad(root: str) -> int:
    """The quad class of a root code.

    >>> [_root_quad(r) for r in ("01", "05", "06", "08", "09", "14", "15", "20")]
    [1, 1, 2, 2, 3, 3, 4, 4]
    """
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 14 else 4


def _check_entry(i: int, entry: Any) -> tuple[str, list[str]]:
    """The code of entry ``i`` (or a stand-in) and the problems with its fields."""
    if not isinstance(entry, dict):
        return f"#{i}", [f"entry #{i}: not a table"]
    code = entry.get("code")
    ident = code if isinstance(code, str) else f"#{i}"
    where = f"code {code!r}" if isinstance(code, str) else f"entry #{i}"
    problems = [f"{where}: unknown field {key!r}" for key in entry if key not in _FIELDS]
    for key, (kind, required) in _FIELDS.items():
        if key not in entry:
            if required:
                problems.append(f"{where}: missing {key!r}")
        elif not isinstance(entry[key], kind) or isinstance(entry[key], bool):
            problems.append(f"{where}: {key!r} has the wrong type ({type(entry[key]).__name__})")
    if problems:
        return ident, problems
    if not _CODE.fullmatch(code) or code[:2] not in ROOTS:
        problems.append(f"{where}: not a CAMEO code (two to four digits under a root 01-20)")
    if not entry["label"].strip():
        problems.append(f"{where}: empty label")
    g = float(entry["goldstein"])
    if not (math.isfinite(g) and -10.0 <= g <= 10.0):
        problems.append(f"{where}: goldstein {g} outside [-10, 10]")
    plover = entry.get("plover")
    if plover is not None and plover not in PLOVER_TYPES:
        problems.append(f"{where}: plover {plover!r} is not a PLOVER type")
    if "plover_mode" in entry and plover is None:
        problems.append(f"{where}: plover_mode without plover")
    return code, problems


def parse_table(text: str) -> dict[str, CameoCode]:
    """Parse and check the TOML text of a CAMEO table; raise ``ValueError`` listing every problem.

    >>> try:
    ...     parse_table('[[code]]\\ncode = "01"\\nlabel = "x"\\ngoldstein = 11.0\\nplover = "FIGHT"\\n')
    ... except ValueError as exc:
    ...     print(*str(exc).splitlines()[:5], sep="\\n")
    invalid CAMEO table (21 problems):
      code '01': goldstein 11.0 outside [-10, 10]
      code '01': plover 'FIGHT' is not a PLOVER type
      root '02' missing
      root '03' missing
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"invalid CAMEO table: {exc}") from None
    problems = [f"unknown top-level key {key!r}" for key in data if key != "code"]
    entries = data.get("code", [])
    if not isinstance(entries, list):
        problems.append("'code' must be an array of tables ([[code]])")
        entries = []
    table: dict[str, CameoCode] = {}
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        code, entry_problems = _check_entry(i, entry)
        problems.extend(entry_problems)
        if code in seen:
            problems.append(f"code {code!r}: duplicate")
        seen.add(code)
        if not entry_problems:
            table[code] = CameoCode(code=code, label=entry["label"], goldstein=float(entry["goldstein"]),
                                    quad_class=_root_quad(code[:2]), plover=entry.get("plover"),
                                    plover_mode=entry.get("plover_mode"))
    problems.extend(f"root {root!r} missing" for root in ROOTS if root not in seen)
    for code in sorted(seen):
        parent = code[:3] if len(code) == 4 else code[:2]
        if len(code) > 2 and _CODE.fullmatch(code) and code[:2] in ROOTS and parent not in seen:
            problems.append(f"code {code!r}: parent {parent!r} missing")
    if problems:
        raise ValueError(f"invalid CAMEO table ({len(problems)} problems):\n" + "\n".join(f"  {p}" for p in problems))
    return table


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code by code string, read once from the packaged ``cameo.toml``.

    The dict is shared between callers: do not change it.

    >>> t = cameo_table()
    >>> t["040"].goldstein, t["040"].plover, QUAD_CLASSES[t["040"].quad_class]
    (1.0, 'CONSULT', 'verbal cooperation')
    """
    text = resources.files("detente.events").joinpath("data", "cameo.toml").read_text(encoding="utf-8")
    return parse_table(text)


def describe(code: str) -> CameoCode | None:
    """The entry for ``code``, else that of its longest prefix that is a known code, else None.

    A fallback keeps the parent's values but carries the asked code. Anything whose first two
    characters are not a root 01-20 is None.

    >>> describe("174K").label, describe("174K").code
    ('Expel or deport individuals', '174K')
    >>> describe("209").label
    'Use unconventional mass violence'
    >>> [describe(c) for c in ("---", "904", "", "abc", "1")]
    [None, None, None, None, None]
    """
    table = cameo_table()
    found = table.get(code)
    if found is not None:
        return found
    if code[:2] not in ROOTS:
        return None
    for n in range(min(len(code) - 1, 4), 1, -1):
        parent = table.get(code[:n])
        if parent is not None:
            return dataclasses.replace(parent, code=code)
    return None  # pragma: no cover - every root is in a valid table


def quad_class(code: str) -> int | None:
    """GDELT's quad class (1-4) of ``code``, or None when it is not a CAMEO code.

    >>> quad_class("0874"), quad_class("112"), quad_class("19"), quad_class("XX")
    (2, 3, 4, None)
    """
    found = describe(code)
    return None if found is None else found.quad_class
