"""Cleaning: repair mojibake, normalise Unicode and whitespace.

The cleaned text is canonical: article ids are its hash and every stored offset points
into it. Line breaks are kept (a single newline stays a newline, a blank line stays a
paragraph break) so that cleaning never joins two sentences or splits one.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

__all__ = ["clean_text"]

# Horizontal spaces other than ' ' (NBSP, en/em spaces, thin spaces, ideographic space...).
_SPACES = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that carry no meaning in news text.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# C0/C1 control characters other than newline (tab is handled as a space above).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Keep curly quotes and dashes: quote attribution needs to tell “ ” from " ".
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC", explain=False)


def clean_text(text: str) -> str:
    """Return the canonical form of ``text``.

    Steps: repair mojibake with ftfy (including the ``Â`` left over when a scraper strips
    a mis-decoded no-break space at a line end), Unicode NFC, unify line breaks, turn
    exotic spaces into ``' '``, drop invisible and control characters, collapse runs of
    spaces, trim each line, keep at most one blank line between paragraphs.

    Example:
        >>> clean_text("Moscow agrees.Â")
        'Moscow agrees.'
        >>> clean_text("First  line\\r\\n\\r\\n\\r\\nSecond\\u00a0line ")
        'First line\\n\\nSecond line'
    """
    text = _LINE_BREAKS.sub("\n", text)
    # A mis-decoded no-break space reads "Â\xa0"; scrapers often strip the trailing
    # "\xa0" at a line end, leaving a bare "Â". Giving ftfy the space back lets it see
    # the pattern; the spaces added here are trimmed below.
    text = ftfy.fix_text(text.replace("\n", " \n") + " ", _FTFY)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _RUN_OF_SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
