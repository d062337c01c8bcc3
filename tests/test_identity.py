from __future__ import annotations

import random

from detente.identity import NearDuplicateIndex, article_id, signature

WORDS = ("minister talks sanctions embassy ceasefire energy strikes envoy summit delegation treaty "
         "border troops pause relief aid guarantee exchange prisoners agenda proposal").split()


def _text(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def test_identity_article_id_is_a_content_hash() -> None:
    assert article_id("a b") == article_id("a b")
    assert article_id("a b") != article_id("a b.")
    assert len(article_id("x")) == 16


def test_identity_near_duplicate_found_and_distinct_text_not() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    original = _text(1)
    index.add("orig", signature(original))
    copy = original + " This report was updated with comment from the ministry."
    match = index.find(signature(copy))
    assert match is not None and match[0] == "orig" and match[1] >= 0.8
    assert index.find(signature(_text(2))) is None


def test_identity_short_texts_are_not_signed() -> None:
    assert signature("Too short to compare.") is None
    assert NearDuplicateIndex().find(None) is None


def test_identity_earliest_wins_on_equal_similarity() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    text = _text(3)
    index.add("first", signature(text))
    index.add("second", signature(text))
    assert index.find(signature(text)) == ("first", 1.0)
