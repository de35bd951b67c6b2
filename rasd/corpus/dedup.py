"""Near-duplicate detection with MinHash (datasketch) and LSH bands kept in the database.

A document's signature is the MinHash of its word 3-grams (normalized token forms, boilerplate left out). Its
LSH band keys go to ``lsh_bands``, so a new document finds earlier near-duplicates with one indexed lookup, in
any later run or process; candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
# Two reports of one wire story on different sites share most word 3-grams; rewrites of a story share few.
THRESHOLD = 0.7
SHINGLE = 3
SCHEME = "affine32"  # datasketch's 32-bit hashing: values stored as 4 bytes each


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """(bands, rows per band) that datasketch chooses for our threshold and number of permutations."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """A MinHash whose permutations every signature reuses (generating them is half the cost of a signature)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME)


def signature(words: list[str]) -> bytes:
    """MinHash signature of the word shingles, as bytes (32-bit values)."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_template().permutations)
    if len(words) < SHINGLE:
        shingles = [" ".join(words).encode("utf-8")] if words else []
    else:
        shingles = [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
    if shingles:
        m.update_batch(shingles)
    return m.hashvalues.astype(np.uint32).tobytes()


def band_keys(sig: bytes) -> list[tuple[int, int]]:
    """(band, key) pairs: a signed 64-bit hash of each band of the signature."""
    b, r = lsh_params()
    width = 4 * r
    return [
        (
            i,
            int.from_bytes(
                hashlib.blake2b(sig[i * width : (i + 1) * width], digest_size=8).digest(), "big", signed=True
            ),
        )
        for i in range(b)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values (``MinHash.jaccard``'s
    estimator, computed on the stored arrays without rebuilding MinHash objects and their permutations)."""
    if len(a) != len(b) or not a:
        return 0.0
    va, vb = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.count_nonzero(va == vb)) / len(va)
