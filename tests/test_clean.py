from __future__ import annotations

import pytest

from detente.clean import clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("what they will be like.Â", "what they will be like."),
        ("It was a donâ€™t moment.", "It was a don’t moment."),
        ("Talks \u00a0 resumed\ttoday.", "Talks resumed today."),
        ("Line one\r\nLine two\rLine three", "Line one\nLine two\nLine three"),
        ("Para one.\n\n\n\n\nPara two.", "Para one.\n\nPara two."),
        ("  zero\u200bwidth\ufeff and soft\u00adhyphen  ", "zerowidth and softhyphen"),
        ("Cafe\u0301 talks", "Café talks"),
        ("“Quoted” words stay curly", "“Quoted” words stay curly"),
        ("Control\x07 chars\x1b gone", "Control chars gone"),
    ],
)
def test_clean_text_repairs_and_normalises(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_line_breaks_between_sentences() -> None:
    # A headline without a full stop must stay on its own line, never joined to the body.
    cleaned = clean_text("Talks in Riyadh\nThe delegations met on Tuesday.")
    assert cleaned.split("\n") == ["Talks in Riyadh", "The delegations met on Tuesday."]


def test_clean_text_is_idempotent() -> None:
    raw = "Moscow  said.Â\r\n\r\n\r\nKyiv\u00a0replied “no”."
    once = clean_text(raw)
    assert clean_text(once) == once


def test_clean_text_on_seeds_leaves_no_mojibake(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(seeds_dir.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        assert "Â" not in text, path.name
        assert "\u00a0" not in text and "  " not in text
