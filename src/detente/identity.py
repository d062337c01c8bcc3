"""Article identity (a hash of the cleaned text) and near-duplicate detection.

Near-duplicates (wire copies with a changed headline or an added line) are found with
MinHash signatures over word 5-shingles and a locality-sensitive hash index (datasketch).
A near-duplicate is stored, but linked to its canonical article through ``duplicate_of``.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NUM_PERM", "NearDuplicateIndex", "article_id", "signature"]

NUM_PERM = 128
SCHEME = "affine32"  # datasketch hashing scheme; stored signatures depend on it
SHINGLE = 5
MIN_TOKENS = 20  # below this a text is too short for a meaningful resemblance score
_WORD = re.compile(r"\w+")


def article_id(text: str) -> str:
    """The article id: the first 16 hex digits of the SHA-256 of the cleaned text.

    Example:
        >>> article_id("Moscow agrees.")
        '6716cfcc138f8645'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray | None:
    """MinHash hash values of the text's word 5-shingles, or None for very short texts."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_TOKENS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    minhash = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


class NearDuplicateIndex:
    """An LSH index of canonical articles' signatures.

    Example:
        >>> index = NearDuplicateIndex(threshold=0.8)
        >>> text = " ".join(f"word{i}" for i in range(200))
        >>> index.add("a1", signature(text))
        >>> index.find(signature(text + " one more line"))[0]
        'a1'
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def _minhash(self, hashvalues: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=1, hashvalues=hashvalues, scheme=SCHEME)

    def add(self, key: str, hashvalues: np.ndarray | None) -> None:
        """Index a canonical article (a no-op for texts too short to sign)."""
        if hashvalues is None or key in self._signatures:
            return
        minhash = self._minhash(hashvalues)
        self._lsh.insert(key, minhash)
        self._signatures[key] = minhash
        self._order[key] = len(self._order)

    def find(self, hashvalues: np.ndarray | None) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold (earliest on ties)."""
        if hashvalues is None:
            return None
        minhash = self._minhash(hashvalues)
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[key])
            if similarity < self.threshold:
                continue
            rank = (similarity, -self._order[key], key)
            if best is None or rank > best:
                best = rank
        return None if best is None else (best[2], round(best[0], 4))
