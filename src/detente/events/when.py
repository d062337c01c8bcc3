"""The date of an event, from words near its trigger, relative to the article's date.

News writes "on Tuesday", "yesterday", "last week" or "on March 18" for the day an event
happened; the article's date anchors them. A weekday means the latest such day on or before
the article date (a Wednesday article's "on Tuesday" is the day before; "on Wednesday" is the
same day). Only explicit, unambiguous expressions are read; anything else leaves the
article's date.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["resolve_when"]

_WEEKDAYS = {d: k for k, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                          "saturday", "sunday"))}
_MONTHS = {m: k + 1 for k, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december"))}
_MONTHS.update({m[:3]: v for m, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MD = re.compile(r"^(?P<m>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y>(?:19|20)\d\d))?$")
_DM = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<m>[a-z]+)\.?(?:,? (?P<y>(?:19|20)\d\d))?$")


def resolve_when(text: str, anchor: dt.date | None) -> dt.date | None:
    """The date a time expression names, given the article date, or None.

    Example:
        >>> wed = dt.date(2025, 3, 19)
        >>> resolve_when("Tuesday", wed), resolve_when("yesterday", wed), resolve_when("on Wednesday", wed)
        (datetime.date(2025, 3, 18), datetime.date(2025, 3, 18), datetime.date(2025, 3, 19))
        >>> resolve_when("last Wednesday", wed)
        datetime.date(2025, 3, 12)
        >>> resolve_when("March 18", wed), resolve_when("18 February 2025", wed), resolve_when("soon", wed)
        (datetime.date(2025, 3, 18), datetime.date(2025, 2, 18), None)
    """
    t = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",")
    t = re.sub(r"^on ", "", t)
    last = t.startswith("last ")
    t = re.sub(r"^(last|this|late|early) ", "", t).strip()
    t = re.sub(r" (night|morning|afternoon|evening)$", "", t)
    if anchor is None:
        m = _MD.match(t) or _DM.match(t)
        if m and m.group("y") and m.group("m") in _MONTHS:
            return _safe(int(m.group("y")), _MONTHS[m.group("m")], int(m.group("d")))
        return None
    if t in ("today", "tonight"):
        return anchor
    if t == "yesterday":
        return anchor - dt.timedelta(days=1)
    if t in _WEEKDAYS:
        back = (anchor.weekday() - _WEEKDAYS[t]) % 7
        if last and back == 0:
            back = 7      # "last Wednesday" in a Wednesday article is a week ago
        return anchor - dt.timedelta(days=back)
    m = _MD.match(t) or _DM.match(t)
    if m and m.group("m") in _MONTHS:
        month, day = _MONTHS[m.group("m")], int(m.group("d"))
        if m.group("y"):
            return _safe(int(m.group("y")), month, day)
        found = _safe(anchor.year, month, day)
        if found is not None and found > anchor:
            found = _safe(anchor.year - 1, month, day)
        return found
    return None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
