"""PLOVER export: ``events.plover.jsonl``, one JSON object a line, with the PLOVER manual's field names.

Field names are those of the PLOVER manual's "JSON Data Fields" chapter (openeventdata/PLOVER,
``PLOVER_MANUAL.tex``, draft 0.7b1): ``id``, ``date``, ``source``, ``recipient``, ``event``,
``mode``, ``context``, ``quad_code``, ``event_scale``, ``event_text``, ``text``, ``text_info``,
``cite_info``, ``coder``, ``coded_date``. PLOVER lets providers add named fields; ours carry the
evidence (``article_id``, ``cameo``, ``goldstein``, the flags, the trigger offsets, ``rule``,
``issues``). Every record has every field of :data:`PLOVER_FIELDS`, in that order (None or []
where there is no value).

- As in PLOVER, compound actors stay lists: one record per event, ``source`` and ``recipient``
  lists of actor objects (:data:`PLOVER_ACTOR_FIELDS`): ``code`` is the three-letter top-level
  code (country, or IGO/NGO/...), ``sector`` the rest of a country code (``GOV``), ``actor_text``
  the words as written with their offsets, ``cameo_code`` the whole code. A reciprocal event
  whose source and target are the same parties ("Trump and Putin spoke") follows PLOVER's
  convention: all parties in ``source``, no ``recipient``. A symmetric event the coder wrote
  as two rows (A with B, B with A) stays two records, both ``mutual``.
- ``event`` is a list holding our PLOVER type (PLOVER allows several); events with no PLOVER
  type (CAMEO 01 statements) are left out. Our REQUEST is the manual's DEMAND (see
  ``detente/events/data/cameo.toml``).
- ``mode`` comes from the CAMEO code's PLOVER mode in our table, where it has one.
- ``context`` holds PLOVER's "negation" and "hypothetical" contexts for flagged events, which
  are only exported with ``include_negated``; the booleans ``negated`` and ``hypothetical`` say
  the same plainly.
- ``quad_code`` is PLOVER's quad category of the type (the manual's table: verbal cooperation
  AGREE CONSULT SUPPORT CONCEDE, material cooperation COOPERATE AID RETREAT, verbal conflict
  DEMAND/REQUEST ACCUSE REJECT SANCTION THREATEN, material conflict PROTEST MOBILIZE COERCE
  ASSAULT), which differs from CAMEO's quad class for some codes; ``event_scale`` is the
  Goldstein score.
- ``text`` is the sentence the event was coded from, ``text_info`` its index and character
  offsets in the article text, ``cite_info`` the article's URL, title, language and source.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import duckdb

from detente.exports.common import ExportResult, event_rows, output_dir, skipped_events

__all__ = ["PLOVER_ACTOR_FIELDS", "PLOVER_FIELDS", "PLOVER_FILE", "PLOVER_QUADS", "plover_record", "write_plover"]

PLOVER_FILE = "events.plover.jsonl"

#: The fields of every record, in order: the PLOVER manual's, then detente's evidence fields.
PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_scale", "event_text",
    "text", "text_info", "cite_info", "coder", "coded_date",
    "article_id", "cameo", "goldstein", "negated", "hypothetical", "mutual", "trigger_start", "trigger_end",
    "rule", "issues",
)
#: The fields of every actor object in ``source`` and ``recipient``.
PLOVER_ACTOR_FIELDS: tuple[str, ...] = ("code", "sector", "actor_text", "start", "end", "cameo_code")
#: PLOVER's quad category (1-4) of each PLOVER type, from the manual's table.
PLOVER_QUADS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

_NON_STATE = ("IGO", "NGO", "ISM", "IMG", "MNC")


def _actor(party: dict[str, Any]) -> dict[str, Any]:
    code = str(party["code"])
    sector = None if code[:3] in _NON_STATE or len(code) <= 3 else code[3:]
    return {"code": code[:3], "sector": sector, "actor_text": party.get("text"), "start": party.get("start_char"),
            "end": party.get("end_char"), "cameo_code": code}


@functools.cache
def _mode(cameo: str) -> str | None:
    from detente.events import describe  # imports the coder (and spaCy): only when exporting

    found = describe(cameo)
    return found.plover_mode if found else None


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one event from :func:`~detente.exports.common.event_rows`."""
    day: dt.date = event["date"]
    coded = event.get("coded_at")
    source = [_actor(p) for p in event["source"] if p.get("code") and p["code"] != "---"]
    recipient = [_actor(p) for p in event["target"] if p.get("code") and p["code"] != "---"]
    if event["mutual"] and {p["cameo_code"] for p in source} == {p["cameo_code"] for p in recipient}:
        recipient = []  # PLOVER's reciprocal events: every party a source, no recipient
    context = [name for name, on in (("negation", event["negated"]), ("hypothetical", event["hypothetical"])) if on]
    record = {
        "id": event["event_id"],
        "date": day.isoformat(),
        "source": source,
        "recipient": recipient,
        "event": [event["plover"]],
        "mode": _mode(event["cameo"]),
        "context": context,
        "quad_code": PLOVER_QUADS.get(event["plover"]),
        "event_scale": event.get("goldstein"),
        "event_text": [event["trigger"]],
        "text": event.get("sentence"),
        "text_info": {"sequence": event["sentence_idx"], "start": event["start_char"], "end": event["end_char"]},
        "cite_info": {"url": event.get("url"), "title": event.get("title"), "language": event.get("language"),
                      "publication": event.get("publication"),
                      "citation": event.get("external_id") or event.get("locator")},
        "coder": event["coder"],
        "coded_date": coded.date().isoformat() if isinstance(coded, dt.datetime) else None,
        "article_id": event["article_id"],
        "cameo": event["cameo"],
        "goldstein": event.get("goldstein"),
        "negated": bool(event["negated"]),
        "hypothetical": bool(event["hypothetical"]),
        "mutual": bool(event["mutual"]),
        "trigger_start": event["trigger_start"],
        "trigger_end": event["trigger_end"],
        "rule": event["rule"],
        "issues": list(event.get("issues") or []),
    }
    return {name: record[name] for name in PLOVER_FIELDS}


def write_plover(con: duckdb.DuckDBPyConnection, out: str | Path, include_negated: bool = False) -> ExportResult:
    """Write ``events.plover.jsonl`` into the directory ``out``.

    Args:
        con: a connection to a detente database.
        out: the output directory (created if missing); the file in it is replaced.
        include_negated: also write negated and hypothetical events, flagged in ``context``
            (``negation``, ``hypothetical``) and in ``negated``/``hypothetical``.

    Example:
        >>> import tempfile
        >>> from detente.store import Store
        >>> with Store(":memory:") as store, tempfile.TemporaryDirectory() as out:
        ...     write_plover(store.con, out).files
        {'events.plover.jsonl': 0}
    """
    directory = output_dir(out)
    skipped = skipped_events(con, include_negated, require_plover=True)
    rows = 0
    with (directory / PLOVER_FILE).open("w", encoding="utf-8", newline="\n") as handle:
        for event in event_rows(con, include_negated=include_negated, require_plover=True):
            handle.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            rows += 1
    return ExportResult("plover", directory, {PLOVER_FILE: rows}, skipped)
