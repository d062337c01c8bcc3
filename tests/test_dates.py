from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import find_date, parse_date

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected", "date_text"),
    [
        ("March 19, 2025 (EIRNS)—A level-headed look at the talks.", dt.date(2025, 3, 19), "March 19, 2025"),
        ("date 2025-02-18 In less than a week the talks began.", dt.date(2025, 2, 18), "2025-02-18"),
        ("RIYADH, Feb. 18, 2025 — The delegations met.", dt.date(2025, 2, 18), "Feb. 18, 2025"),
        ("Moscow (Interfax), 19 March 2025: The Kremlin said.", dt.date(2025, 3, 19), "19 March 2025"),
        ("Published: 30 April 2025\nThe fund was signed.", dt.date(2025, 4, 30), "30 April 2025"),
        ("Headline here\nUpdated 2025-06-25\nAllies agreed.", dt.date(2025, 6, 25), "2025-06-25"),
    ],
)
def test_dates_dateline_found_with_offsets(text: str, expected: dt.date, date_text: str) -> None:
    found = find_date(text, today=TODAY)
    assert (found.date, found.method, found.text) == (expected, "dateline", date_text)
    assert found.start is not None and text[found.start : found.end] == date_text


@pytest.mark.parametrize(
    "text",
    [
        "On March 18, 2025, the two leaders spoke by phone.",  # an event date inside a sentence
        "The leaders spoke on Tuesday and again on March 18.",  # no year
        "Sources said the talks, held 2025-02-18 in Riyadh, went well.",  # not at the start
        "Talks went on.\nMore talks.\nEven more talks.\nMarch 19, 2025 — too far down.",
    ],
)
def test_dates_no_dateline_means_none(text: str) -> None:
    found = find_date(text, today=TODAY)
    assert (found.date, found.method, found.start) == (None, "none", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-18T19:30:00Z", dt.date(2025, 3, 18)),
        ("Fri, 15 Aug 2025 21:00:00 GMT", dt.date(2025, 8, 15)),
        ("18 March 2025", dt.date(2025, 3, 18)),
        ("2025/02/18", dt.date(2025, 2, 18)),
        ("yesterday", None),
        ("3 days ago", None),
        ("March 2025", None),
        ("2025-13-01", None),
        ("2025-02-30", None),
        ("not a date at all", None),
        ("2031-01-01", None),  # in the future of TODAY
        ("1850-01-01", None),
    ],
)
def test_dates_parse_date_only_full_plausible_dates(value: str, expected: dt.date | None) -> None:
    assert parse_date(value, today=TODAY) == expected


def test_dates_metadata_wins_over_dateline() -> None:
    found = find_date("March 19, 2025 (EIRNS)—Text.", metadata_date="2025-03-20", today=TODAY)
    assert (found.date, found.method) == (dt.date(2025, 3, 20), "metadata")


def test_dates_bad_metadata_is_a_warning_and_falls_back() -> None:
    found = find_date("March 19, 2025 (EIRNS)—Text.", metadata_date="the 45th of Smarch", locator="x.jsonl#L3", today=TODAY)
    assert (found.date, found.method) == (dt.date(2025, 3, 19), "dateline")
    assert [(p.code, p.level, p.locator) for p in found.problems] == [("D032", "warning", "x.jsonl#L3")]
