"""HTML pages: main text and metadata with trafilatura; fragments to text with lxml."""

from __future__ import annotations

import warnings

import lxml.html
import trafilatura
from lxml import etree

from detente.errors import FormatError
from detente.types import Document

__all__ = ["fragment_to_text", "html_document"]

# Metadata only: the date must come from the page's markup (meta tags, JSON-LD, <time>),
# never from a search through the text, which would be a guess.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre"}


def html_document(html: str, locator: str, path: str | None = None, url: str | None = None, encoding: str | None = None) -> Document:
    """Extract the main text, title, date, URL and site name of an HTML page.

    Raises:
        FormatError: D030 when no article text can be found (broken, empty or
            script-rendered pages).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml truth-testing inside trafilatura
        try:
            found = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                date_extraction_params=_DATE_PARAMS,
            )
        except (ValueError, etree.LxmlError) as exc:
            raise FormatError("D030", f"{locator} cannot be parsed as HTML ({exc})") from exc
    text = getattr(found, "text", None) or ""
    if not text.strip():
        raise FormatError("D030", f"{locator} has no main text")
    title = getattr(found, "title", None)
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest  # the page's <h1> repeats the title
    return Document(
        text=text,
        locator=locator,
        format="html",
        path=path,
        url=getattr(found, "url", None) or url,
        title=title,
        date=getattr(found, "date", None),
        source=getattr(found, "sitename", None),
        encoding=encoding,
    )


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's body), one line per block element.

    Example:
        >>> fragment_to_text("<p>Talks began.</p><p>They ended &amp; resumed.</p>")
        'Talks began.\\nThey ended & resumed.'
    """
    if "<" not in fragment:
        return lxml.html.fromstring(f"<div>{fragment}</div>").text_content() if "&" in fragment else fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in root.iter(etree.Element):
        if element.tag in {"script", "style"}:
            element.drop_tree()
        elif element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
