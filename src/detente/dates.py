"""Publication dates: from metadata first, else from the text's dateline; never guessed.

A dateline is a full date (day, month and year) at the start of one of the first lines,
preceded by nothing but a label ("date", "Published:") or a place and agency followed
by a comma ("RIYADH, Feb. 18, 2025 —", "Moscow (TASS), 19 March 2025:"), and followed by
a separator, a line end or the start of a new sentence. A date written inside the first
sentence ("On March 18, 2025, the two leaders ...") is an event date, not a dateline.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field

import dateparser

from detente.types import Problem

__all__ = ["DateFinding", "find_date", "parse_date"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DATE = re.compile(
    rf"(?:(?P<iso>{_YEAR}[-/.][01]?\d[-/.][0-3]?\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+{_MONTH},?\s+{_YEAR}))\b",
    re.IGNORECASE,
)
_LABEL = r"(?i:(?:last\s+)?(?:date|dated|published|posted|updated|filed)(?:\s+on)?\s*[:\-–]?\s*)"
_PLACE = r"(?:[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*(?:\([^()\n]{1,40}\)\s*)?,\s*)"
_PREFIX = re.compile(rf"^[\s\W]*(?:{_LABEL}|{_PLACE}{_LABEL}?)?$")
_SUFFIX = re.compile(r"^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[—–\-:|/•.]|\n|$|[A-Z])")
_DATELINE_WINDOW = 300
_DATELINE_LINES = 3
_SETTINGS = {
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DATES_FROM": "past",
}


@dataclass(frozen=True, slots=True)
class DateFinding:
    """Where the publication date came from: ``metadata``, ``dateline`` or ``none``."""

    date: dt.date | None
    method: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    problems: tuple[Problem, ...] = field(default=())


def _plausible(day: dt.date, today: dt.date) -> bool:
    return dt.date(1900, 1, 1) <= day <= today + dt.timedelta(days=2)


def parse_date(value: str, today: dt.date | None = None) -> dt.date | None:
    """Parse a full date (ISO 8601, RFC 822, or written out); None if not a full date.

    Relative expressions ("yesterday", "2 days ago") and partial dates ("March 2025") are
    refused: they would be a guess.

    Example:
        >>> parse_date("Fri, 15 Aug 2025 21:00:00 GMT")
        datetime.date(2025, 8, 15)
        >>> parse_date("2 days ago") is None
        True
    """
    today = today or dt.date.today()
    value = " ".join(value.split())
    if not value or len(value) > 100:
        return None
    day: dt.date | None = None
    numeric = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
    if numeric:  # year-month-day only: never reorder the fields of a numeric date
        try:
            day = dt.date(*(int(part) for part in numeric.groups()))
        except ValueError:
            return None
        return day if _plausible(day, today) else None
    try:
        day = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
            day = parsed.date() if parsed else None
        except (TypeError, ValueError, IndexError):
            if re.search(r"\d", value) and re.search(r"(19|20)\d\d", value):
                found = dateparser.parse(value, settings=_SETTINGS)  # type: ignore[arg-type]
                day = found.date() if found else None
    if day is None or not _plausible(day, today):
        return None
    return day


def _dateline(text: str, today: dt.date) -> DateFinding | None:
    window = text[:_DATELINE_WINDOW]
    line_start = 0
    for _ in range(_DATELINE_LINES):
        line_end = window.find("\n", line_start)
        line = window[line_start:] if line_end < 0 else window[line_start:line_end]
        for match in _DATE.finditer(line):
            prefix = line[: match.start()]
            suffix = line[match.end() :]
            if not _PREFIX.match(prefix) or not _SUFFIX.match(suffix):
                continue
            day = parse_date(match.group(0), today)
            if day is not None:
                start = line_start + match.start()
                return DateFinding(day, "dateline", match.group(0), start, start + len(match.group(0)))
        if line_end < 0:
            break
        line_start = line_end + 1
    return None


def find_date(
    text: str, metadata_date: str | None = None, locator: str = "", today: dt.date | None = None
) -> DateFinding:
    """Find the publication date of a cleaned article text.

    Args:
        text: the cleaned article text (dateline offsets point into it).
        metadata_date: the date the source gave (HTML meta, feed, JSON field), if any.
        locator: names the item in a warning when ``metadata_date`` cannot be read.
        today: the reference day for the plausibility check (default: today).

    Example:
        >>> f = find_date("March 19, 2025 (EIRNS)—A level-headed evaluation ...")
        >>> f.date, f.method, f.start, f.end
        (datetime.date(2025, 3, 19), 'dateline', 0, 14)
    """
    today = today or dt.date.today()
    problems: tuple[Problem, ...] = ()
    if metadata_date and metadata_date.strip():
        day = parse_date(metadata_date, today)
        if day is not None:
            return DateFinding(day, "metadata", metadata_date.strip())
        problems = (
            Problem(
                locator,
                "D032",
                f"bad date: cannot read {metadata_date.strip()[:60]!r} as a full date; "
                "the date was looked for in the text",
                level="warning",
            ),
        )
    found = _dateline(text, today)
    if found is not None:
        return DateFinding(found.date, found.method, found.text, found.start, found.end, problems)
    return DateFinding(None, "none", problems=problems)
