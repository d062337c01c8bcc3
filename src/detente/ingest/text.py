"""Plain text and Markdown: a headline-like first line becomes the title."""

from __future__ import annotations

import re

from detente.dates import find_date
from detente.types import Document

__all__ = ["markdown_to_text", "split_title", "text_document"]

_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 25
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]*([-*_][ \t]*){3,}$", re.M)
_MD_FENCE = re.compile(r"^[ \t]*(```|~~~).*$", re.M)


def markdown_to_text(markdown: str) -> str:
    """Strip Markdown markup, keeping the words and the line structure.

    Example:
        >>> markdown_to_text("# Talks\\n\\n**Moscow** [agreed](http://x) to *meet*.")
        'Talks\\n\\nMoscow agreed to meet.'
    """
    text = _MD_FENCE.sub("", markdown)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return text


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= _MAX_TITLE_CHARS
        and 0 < len(words) <= _MAX_TITLE_WORDS
        and not re.search(r"[.,;:\u2014\u2013-]$", line)
        and bool(re.search(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]", line))
        and find_date(line).method != "dateline"  # "MOSCOW, March 19, 2025" dates the text, it is no title
    )


def split_title(text: str) -> tuple[str | None, str]:
    """Split off a headline-like first line: short, no final full stop, more text after.

    Example:
        >>> split_title("Russia and US meet in Riyadh\\n\\nThe delegations met on Tuesday.")
        ('Russia and US meet in Riyadh', 'The delegations met on Tuesday.')
        >>> split_title("The delegations met on Tuesday.\\nThey talked.")[0] is None
        True
        >>> split_title("Published: 30 April 2025\\nThe delegations met.")[0] is None
        True
    """
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = first.strip()
    if newline and rest.strip() and _headline_like(first):
        return first, rest.lstrip("\n")
    return None, text


def text_document(text: str, locator: str, path: str | None, fmt: str, encoding: str | None = None) -> Document:
    """Make a Document from a text or Markdown file's decoded content."""
    if fmt == "md":
        text = markdown_to_text(text)
    title, body = split_title(text)
    return Document(text=body, locator=locator, format=fmt, path=path, title=title, encoding=encoding)
