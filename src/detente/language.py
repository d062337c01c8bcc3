"""Language identification (py3langid: a small, offline, deterministic classifier)."""

from __future__ import annotations

import py3langid

__all__ = ["detect_language"]

_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, from its first 2,000 characters.

    Example:
        >>> detect_language("Министр иностранных дел заявил, что Москва готова к переговорам.")
        'ru'
    """
    code, _ = py3langid.classify(text[:_SAMPLE_CHARS])
    return str(code)
