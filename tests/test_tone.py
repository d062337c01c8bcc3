"""Tone: VADER's compound score per sentence and the word-weighted article mean."""

from __future__ import annotations

import math

import pytest

from detente.errors import UsageError
from detente.tone import article_tone, tone, word_count

POSITIVE = [
    "The talks were constructive and both sides welcomed the progress.",
    "Leaders praised the friendly, productive meeting and hailed a historic agreement.",
    "Officials said they were hopeful and grateful for the generous support.",
]
NEGATIVE = [
    "The shelling killed civilians and destroyed the hospital.",
    "Moscow condemned the brutal attack as a terrible crime.",
    "The minister warned of a disastrous, deadly war.",
]
NEUTRAL = [
    "The delegation arrived in Riyadh on Tuesday.",
    "The meeting is scheduled for March 18.",
    "The ministers will meet again next month.",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_tone_positive_sentences(text: str) -> None:
    assert tone(text) > 0.3


@pytest.mark.parametrize("text", NEGATIVE)
def test_tone_negative_sentences(text: str) -> None:
    assert tone(text) < -0.3


@pytest.mark.parametrize("text", NEUTRAL)
def test_tone_neutral_sentences(text: str) -> None:
    assert tone(text) == 0.0


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"])
def test_tone_blank_text_is_zero(text: str) -> None:
    assert tone(text) == 0.0


def test_tone_negation_turns_the_score() -> None:
    assert tone("The talks were not successful.") < 0 < tone("The talks were successful.")


@pytest.mark.parametrize("text", POSITIVE + NEGATIVE + NEUTRAL + ["!!!", "GREAT GREAT GREAT!!! " * 20, "bad " * 200])
def test_tone_range_and_rounding(text: str) -> None:
    score = tone(text)
    assert isinstance(score, float) and -1.0 <= score <= 1.0
    assert round(score, 4) == score
    assert tone(text) == score  # deterministic


@pytest.mark.parametrize(("text", "words"), [("", 0), ("  ", 0), ("one", 1), ("Two words.", 2), ("a – b", 2),
                                             ("U.S.-Russia talks ended", 3), ("— … —", 0)])
def test_tone_word_count(text: str, words: int) -> None:
    assert word_count(text) == words


def test_tone_article_is_the_word_weighted_mean() -> None:
    sentences = [("one two three", 1.0), ("one", -1.0)]
    assert article_tone(sentences) == pytest.approx((3 * 1.0 + 1 * -1.0) / 4)
    # the unweighted mean would be 0.0: a long sentence must count more than a short one
    assert article_tone(sentences) != pytest.approx((1.0 - 1.0) / 2)


def test_tone_article_from_real_sentence_scores() -> None:
    texts = POSITIVE[:1] + NEGATIVE[:2] + NEUTRAL[:1]
    pairs = [(text, tone(text)) for text in texts]
    weights = [len(text.split()) for text in texts]
    expected = sum(w * s for w, (_, s) in zip(weights, pairs)) / sum(weights)
    result = article_tone(pairs)
    assert result is not None
    assert result == pytest.approx(expected, abs=5e-5)
    assert min(s for _, s in pairs) <= result <= max(s for _, s in pairs)


def test_tone_article_single_sentence_is_its_tone() -> None:
    text = NEGATIVE[0]
    assert article_tone([(text, tone(text))]) == tone(text)


def test_tone_article_blank_sentences_weigh_nothing() -> None:
    assert article_tone([("", 0.9), ("  ", -0.9), ("Peace at last.", 0.5)]) == 0.5


@pytest.mark.parametrize("sentences", [[], [("", 0.0)], [(" \n", 0.7), ("—", -0.2)]])
def test_tone_article_without_words_is_none(sentences: list[tuple[str, float]]) -> None:
    assert article_tone(sentences) is None


@pytest.mark.parametrize("bad", [1.5, -1.01, math.nan, math.inf])
def test_tone_article_rejects_scores_outside_the_range(bad: float) -> None:
    with pytest.raises(UsageError) as info:
        article_tone([("fine words", 0.1), ("more words", bad)])
    assert info.value.code == "D080"
