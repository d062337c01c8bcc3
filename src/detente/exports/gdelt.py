"""GDELT 2.0 event table export: ``events.export.CSV``, tab-separated, no header, 61 columns.

The layout is that of the GDELT 2.0 event table ("GDELT Event Codebook V2.0"), whose files are
named ``YYYYMMDDHHMMSS.export.CSV`` though they are tab-separated; column names here are those
of GDELT's BigQuery table (the codebook calls ``SQLDATE`` ``Day``). How our events map onto it
(docs/exports.md has the full table):

- GDELT has one Actor1 and one Actor2: a compound event (source ``[USA, FRA]``) becomes one
  row per (source party, target party) pair, skipping pairs of a party with itself; an event
  with no target has one row per source party and an empty Actor2.
- ``GLOBALEVENTID`` must be an integer; ours is a hex string. Row *k* (0-255) of event
  ``event_id`` gets ``int(event_id[:13], 16) * 256 + k``: stable across exports, unique per row,
  and ``GLOBALEVENTID >> 8`` gives back the first 13 hex digits of the event id.
- Actor fields come from the CAMEO-style code: ``RUSGOV`` → CountryCode ``RUS``, Type1Code
  ``GOV``; ``IGOWSTNAT`` → Type1Code ``IGO``. Name is the text as written, upper-cased as GDELT's.
- ``IsRootEvent`` is 1 for events of the article's first two sentences (a stand-in for GDELT's
  "lead paragraph": the first sentence is often a headline or dateline line).
- ``NumArticles`` and ``NumMentions`` count the article and its near-duplicates, ``NumSources``
  their distinct source names (at least 1). ``AvgTone`` is the article's tone where computed
  (our VADER compound score, -1..1, not GDELT's -100..100 scale); empty otherwise.
- No geocoding: every ``*Geo_Type`` is 0 (GDELT's "no location") and the other geo fields empty.
- ``DATEADDED`` is when the article was coded (UTC, YYYYMMDDHHMMSS); ``SOURCEURL`` its URL, else
  where it was read from (path or locator).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from detente.exports.common import ExportResult, event_rows, output_dir, skipped_events

__all__ = ["GDELT_COLUMNS", "GDELT_FILE", "gdelt_rows", "global_event_id", "write_gdelt"]

#: The output file's name, after GDELT's ``*.export.CSV`` (tab-separated despite the suffix).
GDELT_FILE = "events.export.CSV"

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of the GDELT 2.0 event table, in file order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED", "SOURCEURL",
)

_NON_STATE = ("IGO", "NGO", "ISM", "IMG", "MNC")
_UNKNOWN = "---"  # PETRARCH's placeholder for an actor that is not named


def global_event_id(event_id: str, k: int = 0) -> int:
    """GDELT's integer ``GLOBALEVENTID`` for row ``k`` (0-255) of the event ``event_id``.

    Example:
        >>> global_event_id("ba5743ed76083352"), global_event_id("ba5743ed76083352", 1)
        (839204718824686336, 839204718824686337)
        >>> hex(global_event_id("ba5743ed76083352") >> 8)
        '0xba5743ed76083'
    """
    if not 0 <= k < 256:
        raise ValueError(f"row {k} of event {event_id}: GDELT ids leave room for 256 rows an event")
    try:
        base = int(event_id[:13], 16)
    except ValueError:  # not a hex id (another coder's): hash it
        base = int(hashlib.sha256(event_id.encode()).hexdigest()[:13], 16)
    return base * 256 + k


def _clean(value: Any) -> str:
    """A field as GDELT writes it: no tabs or line breaks, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split()) if any(c in str(value) for c in "\t\r\n") else str(value)


def _actor(party: dict[str, Any] | None) -> list[str]:
    """The 10 actor fields of one party (all empty for none or the unknown actor)."""
    if party is None or not party.get("code") or party["code"] == _UNKNOWN:
        return [""] * len(_ACTOR)
    code = str(party["code"])
    if code[:3] in _NON_STATE:
        country, types = "", [code[:3]]
    else:
        country, types = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    types = (types + ["", "", ""])[:3]
    return [code, _clean(party.get("text") or "").upper(), country, "", "", "", "", *types]


def _pairs(event: dict[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    def unique(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for p in parties:
            seen.setdefault(p["code"], p)
        return list(seen.values())

    sources: list[dict[str, Any] | None] = list(unique(event["source"])) or [None]
    targets: list[dict[str, Any] | None] = list(unique(event["target"])) or [None]
    pairs = [(s, t) for s in sources for t in targets if s is None or t is None or s["code"] != t["code"]]
    return pairs or [(sources[0], targets[0])]


def _fraction(day: dt.date) -> str:
    """GDELT's FractionDate: the year plus the part of it done by that day (day of year / 365)."""
    return f"{day.year + min(day.timetuple().tm_yday / 365, 0.9999):.4f}"


def gdelt_rows(event: dict[str, Any]) -> list[list[str]]:
    """The GDELT rows (61 strings each) of one event from :func:`~detente.exports.common.event_rows`."""
    day: dt.date = event["date"]
    cameo = str(event["cameo"])
    coded = event.get("coded_at")
    external = str(event.get("external_id") or "")
    url = event.get("url") or (external if external.startswith(("http://", "https://")) else None)
    common_tail = [
        "1" if event["sentence_idx"] <= 1 else "0", cameo, cameo[:3], cameo[:2],
        _clean(event.get("quad_class")), _clean(event.get("goldstein")),
        str(event.get("n_articles") or 1), str(max(int(event.get("n_sources") or 0), 1)), str(event.get("n_articles") or 1),
        _clean(event.get("tone")),
        *(["0"] + [""] * (len(_GEO) - 1)) * 3,
        coded.strftime("%Y%m%d%H%M%S") if isinstance(coded, dt.datetime) else "",
        _clean(url or event.get("locator") or ""),
    ]
    rows = []
    for k, (source, target) in enumerate(_pairs(event)):
        rows.append([
            str(global_event_id(event["event_id"], k)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
            _fraction(day), *_actor(source), *_actor(target), *common_tail,
        ])
    return rows


def _lines(con: duckdb.DuckDBPyConnection, include_negated: bool) -> Iterator[str]:
    for event in event_rows(con, include_negated=include_negated):
        for row in gdelt_rows(event):
            yield "\t".join(row) + "\n"


def write_gdelt(con: duckdb.DuckDBPyConnection, out: str | Path, include_negated: bool = False) -> ExportResult:
    """Write ``events.export.CSV`` (GDELT 2.0 layout) into the directory ``out``.

    Args:
        con: a connection to a detente database.
        out: the output directory (created if missing); the file in it is replaced.
        include_negated: also write negated and hypothetical events (GDELT has no column
            to flag them: use the PLOVER export to keep the flags).

    Example:
        >>> import tempfile
        >>> from detente.store import Store
        >>> with Store(":memory:") as store, tempfile.TemporaryDirectory() as out:
        ...     write_gdelt(store.con, out).files
        {'events.export.CSV': 0}
    """
    directory = output_dir(out)
    skipped = skipped_events(con, include_negated)
    rows = 0
    path = directory / GDELT_FILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in _lines(con, include_negated):
            handle.write(line)
            rows += 1
    return ExportResult("gdelt", directory, {GDELT_FILE: rows}, skipped)
