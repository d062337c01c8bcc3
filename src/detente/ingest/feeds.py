"""RSS and Atom feeds (feedparser): one Document per entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser

from detente.ingest.html import fragment_to_text
from detente.types import Document, Problem

__all__ = ["feed_documents", "looks_like_feed"]


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes look like RSS, Atom or RDF XML."""
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample


def _entry_text(entry: Any) -> str:
    bodies = [part.get("value", "") for part in entry.get("content", []) or []]
    body = max(bodies, key=len) if bodies else ""
    summary = entry.get("summary", "") or ""
    return fragment_to_text(body if len(body) >= len(summary) else summary)


def feed_documents(data: bytes, locator: str, path: str | None = None) -> Iterator[Document | Problem]:
    """Yield a Document for each feed entry with text, a Problem for each without.

    A feed whose XML is broken and yields no entry is one D031 error; a feed with errors
    that still yields entries gives its entries and a D031 warning.
    """
    parsed = feedparser.parse(data)
    entries = parsed.get("entries", [])
    if parsed.get("bozo") and not entries:
        reason = str(parsed.get("bozo_exception", "")).strip() or "not a feed"
        yield Problem(locator, "D031", f"malformed feed: {reason}")
        return
    if not entries:
        yield Problem(locator, "D031", "malformed feed: the feed has no entries")
        return
    if parsed.get("bozo"):
        yield Problem(locator, "D031", f"feed XML has errors ({parsed.get('bozo_exception')}); {len(entries)} entries read", level="warning")
    source = parsed.get("feed", {}).get("title")
    for number, entry in enumerate(entries, 1):
        where = f"{locator}#entry={number}"
        text = _entry_text(entry)
        if not text.strip():
            yield Problem(where, "D010", "empty input: the feed entry has no text")
            continue
        yield Document(
            text=text,
            locator=where,
            format="feed",
            path=path,
            url=entry.get("link"),
            title=entry.get("title"),
            date=entry.get("published") or entry.get("updated"),
            source=source,
            external_id=entry.get("id"),
        )
