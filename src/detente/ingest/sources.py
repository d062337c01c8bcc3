"""Finding inputs (files, folders, URLs, stdin) and reading each into Documents.

Every reader yields Documents or Problems; a bad item never stops the others.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from detente.errors import InputError
from detente.ingest.decode import check_bytes, decode_bytes
from detente.ingest.feeds import feed_documents, looks_like_feed
from detente.ingest.html import html_document
from detente.ingest.options import IngestOptions
from detente.ingest.records import csv_documents, json_documents, jsonl_documents
from detente.ingest.text import text_document
from detente.ingest.web import fetch, make_client
from detente.types import Document, Problem

__all__ = ["FORMATS", "Reader", "Source", "discover", "read_source"]

#: file suffix -> format name
FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "xml", ".urls": "urls",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, a URL, or standard input."""

    kind: str  # "file" | "url" | "stdin"
    location: str
    size: int = 0


def discover(paths: Sequence[str]) -> tuple[list[Source], list[Problem]]:
    """Expand paths into Sources: folders recursively (hidden entries skipped), in order.

    Example:
        >>> discover(["https://example.org/a", "-"])[0]
        [Source(kind='url', location='https://example.org/a', size=0), Source(kind='stdin', location='-', size=0)]
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for raw in paths:
        if raw == "-":
            sources.append(Source("stdin", "-"))
        elif raw.startswith(("http://", "https://")):
            sources.append(Source("url", raw))
        elif os.path.isdir(raw):
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        sources.append(_file_source(os.path.join(root, name)))
        elif os.path.lexists(raw):
            sources.append(_file_source(raw))
        else:
            problems.append(Problem(raw, "D001", f"path not found: {raw!r} does not exist"))
    return sources, problems


def _file_source(path: str) -> Source:
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return Source("file", path, size)


Reader = Callable[[Source, IngestOptions], Iterator[Document | Problem]]


def _read_file_bytes(path: str, options: IngestOptions) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise InputError("D002", f"{path!r} is not a regular file")
        size = info.st_size
        if size > options.max_bytes:
            raise InputError("D013", f"{path} has {size:,} bytes, over the {options.max_bytes:,}-byte limit", "raise --max-bytes")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise InputError("D001", f"{path!r} does not exist (a broken link?)") from exc
    except PermissionError as exc:
        raise InputError("D002", f"permission denied reading {path!r}") from exc
    except IsADirectoryError as exc:
        raise InputError("D002", f"{path!r} is a directory") from exc
    except OSError as exc:
        raise InputError("D002", f"cannot read {path!r}: {exc.strerror or exc}") from exc


def _from_bytes(data: bytes, fmt: str, locator: str, path: str | None, options: IngestOptions, url: str | None = None) -> Iterator[Document | Problem]:
    """Read one item's bytes in the given format (``auto`` sniffs it)."""
    check_bytes(data, locator)  # an empty or binary item is one problem, whatever its format
    if fmt == "jsonl":
        yield from jsonl_documents(data.splitlines(), locator, path, options.fields, options.max_bytes)
        return
    if fmt in {"feed", "xml"} or (fmt == "auto" and looks_like_feed(data)):
        if fmt == "xml" and not looks_like_feed(data):
            yield Problem(locator, "D003", "unsupported file type: XML that is not an RSS or Atom feed")
            return
        yield from feed_documents(data, locator, path)
        return
    text, encoding = decode_bytes(data, locator)
    if fmt == "auto":
        head = text.lstrip()[:512].lower()
        if head.startswith(("<!doctype html", "<html")) or "<body" in head:
            fmt = "html"
        elif head.startswith("{") and "\n{" in text.strip():
            yield from jsonl_documents(data.splitlines(), locator, path, options.fields, options.max_bytes)
            return
        elif head.startswith(("{", "[")):
            fmt = "json"
        else:
            fmt = "txt"
    if fmt == "html":
        yield html_document(text, locator, path, url=url, encoding=encoding)
    elif fmt == "json":
        yield from json_documents(text, locator, path, options.fields, encoding)
    elif fmt == "csv":
        yield from csv_documents(text, locator, path, options.fields, options.max_chars, encoding)
    elif fmt == "urls":
        yield from _url_list(text, locator, options)
    else:
        yield text_document(text, locator, path, fmt if fmt == "md" else "txt", encoding)


def _content_format(content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if "html" in kind:
        return "html"
    if any(word in kind for word in ("rss", "atom", "xml")):
        return "feed"
    if any(word in kind for word in ("ndjson", "jsonl", "jsonlines", "json-seq")):  # application/x-ndjson: JSON Lines
        return "jsonl"
    if "json" in kind:
        return "json"
    return "auto"


def _fetch_one(url: str, client: httpx.Client, options: IngestOptions) -> Iterator[Document | Problem]:
    fetched = fetch(url, client, options)
    fmt = _content_format(fetched.content_type)
    for item in _from_bytes(fetched.content, fmt, url, None, options, url=fetched.url):
        if isinstance(item, Document) and item.url is None:
            item = dataclasses.replace(item, url=fetched.url)
        yield item


def _guard(items: Iterator[Document | Problem], locator: str) -> Iterator[Document | Problem]:
    """Turn an InputError raised while reading into a Problem for that item."""
    try:
        yield from items
    except InputError as exc:
        yield Problem(locator, exc.code, exc.message)


def _url_list(text: str, locator: str, options: IngestOptions) -> Iterator[Document | Problem]:
    with make_client(options) as client:
        for number, line in enumerate(text.splitlines(), 1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            yield from _guard(_fetch_one(url, client, options), url)


def read_source(source: Source, options: IngestOptions) -> Iterator[Document | Problem]:
    """Read one Source into Documents and Problems; never raises for bad input."""
    if source.kind == "url":
        with make_client(options) as client:
            yield from _guard(_fetch_one(source.location, client, options), source.location)
        return
    if source.kind == "stdin":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            yield Problem("<stdin>", "D013", f"input too large: standard input exceeds {options.max_bytes:,} bytes")
            return
        yield from _guard(_from_bytes(data, options.stdin_format, "<stdin>", None, options), "<stdin>")
        return
    path = source.location
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        suffix = Path(path).suffix or "(none)"
        yield Problem(path, "D003", f"unsupported file type {suffix!r} of {path}")
        return

    def items() -> Iterator[Document | Problem]:
        yield from _from_bytes(_read_file_bytes(path, options), fmt, path, path, options)

    yield from _guard(items(), path)
