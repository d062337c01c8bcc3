"""Structured records: JSON Lines, JSON and CSV files with a text field."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from detente.errors import ReadError
from detente.ingest.decode import decode_bytes
from detente.ingest.options import FieldMap
from detente.types import Document, Problem

__all__ = ["csv_documents", "json_documents", "jsonl_documents", "record_document"]

_LIST_KEYS = ("articles", "items", "records", "data", "documents", "results", "entries")


def _pick(record: Mapping[str, Any], names: Iterable[str]) -> Any:
    lowered = {str(key).lower(): value for key, value in record.items()}
    for name in names:
        value: Any = record
        for part in name.split("."):
            value = value.get(part, lowered.get(part.lower())) if isinstance(value, Mapping) else None
        if value not in (None, ""):
            return value
    return None


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (dict, list)) else str(value)


def record_document(record: Any, fields: FieldMap, locator: str, path: str | None, fmt: str, encoding: str | None = None) -> Document | Problem:
    """Map one record to a Document, or a D021 Problem when it has no text."""
    if not isinstance(record, Mapping):
        return Problem(locator, "D021", f"no text field: expected an object, found {type(record).__name__}")
    text = _pick(record, fields.text)
    if not isinstance(text, str) or not text.strip():
        keys = ", ".join(sorted(map(str, record))[:8]) or "none"
        return Problem(locator, "D021", f"no text field: none of {', '.join(fields.text)} holds text (fields: {keys}); name it with --text-field")
    return Document(
        text=text,
        locator=locator,
        format=fmt,
        path=path,
        url=_text_or_none(_pick(record, fields.url)),
        title=_text_or_none(_pick(record, fields.title)),
        date=_text_or_none(_pick(record, fields.date)),
        source=_text_or_none(_pick(record, fields.source)),
        external_id=_text_or_none(_pick(record, fields.id)),
        encoding=encoding,
    )


def jsonl_documents(lines: Iterable[bytes], locator: str, path: str | None, fields: FieldMap, max_bytes: int) -> Iterator[Document | Problem]:
    """One Document per line; a bad line is one Problem and the other lines go on."""
    for number, raw in enumerate(lines, 1):
        where = f"{locator}#L{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield Problem(where, "D013", f"input too large: the line has {len(raw):,} bytes, over the {max_bytes:,}-byte limit")
            continue
        try:
            line, encoding = decode_bytes(raw, where)
            record = json.loads(line)
        except ReadError as exc:
            yield Problem(where, exc.code, exc.message)
            continue
        except json.JSONDecodeError as exc:
            yield Problem(where, "D020", f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield record_document(record, fields, where, path, "jsonl", encoding)


def json_documents(text: str, locator: str, path: str | None, fields: FieldMap, encoding: str | None = None) -> Iterator[Document | Problem]:
    """A JSON file: a list of records, an object holding such a list, or one record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(locator, "D020", f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(data, Mapping) and _pick(data, fields.text) is None:
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            yield Problem(locator, "D010", "empty input: the JSON holds no records")
        for number, record in enumerate(data, 1):
            yield record_document(record, fields, f"{locator}#item={number}", path, "json", encoding)
    else:
        yield record_document(data, fields, locator, path, "json", encoding)


def csv_documents(
    text: str, locator: str, path: str | None, fields: FieldMap, max_chars: int, encoding: str | None = None
) -> Iterator[Document | Problem]:
    """One Document per CSV row (header row required; delimiter sniffed)."""
    csv.field_size_limit(max(max_chars * 4, 131072))
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    number = 0
    while True:
        number += 1
        where = f"{locator}#row={number}"
        try:
            row = next(reader)
        except StopIteration:
            if number == 1:
                yield Problem(locator, "D010", "empty input: the CSV has no rows below its header")
            break
        except csv.Error as exc:
            yield Problem(where, "D022", f"malformed CSV: {exc}")
            continue
        if None in row:
            yield Problem(where, "D022", f"malformed CSV: the row has {len(row[None]) + len(row) - 1} fields, the header {len(row) - 1}")
            continue
        yield record_document(row, fields, where, path, "csv", encoding)
