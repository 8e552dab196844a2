"""Near-duplicate articles: the same wire story republished by many outlets.

A MinHash signature over word 5-shingles; LSH bands stored as rows, so that
finding the candidates of a new article is one indexed query however large the
ledger grows. Candidates sharing a band are confirmed by their estimated
Jaccard similarity.
"""
from __future__ import annotations

import hashlib
import re
import threading

NUM_PERM = 64
BANDS, ROWS = 16, 4  # threshold about (1/16) ** (1/4) = 0.5
SIMILAR = 0.7  # estimated Jaccard at or above which two articles are copies of one story
SHINGLE = 5
_WORD = re.compile(r"\w+")


_empty = None  # the MinHash of no shingles, whose copies each article's signature starts from
_first = threading.Lock()  # held while it is made (and datasketch imported): one thread at a time


def signature(text: str):
    """The MinHash of the text's word 5-shingles (datasketch, imported on first use: it is slow to import).
    Each starts as a copy of one empty MinHash: the same seed gives the same permutations, which a new
    MinHash would draw again (128 draws from NumPy's generator an article)."""
    global _empty
    if _empty is None:
        with _first:
            if _empty is None:
                from datasketch import MinHash

                _empty = MinHash(num_perm=NUM_PERM, seed=1)
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = _empty.copy()
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def bands(m) -> list[int]:
    """One signed 64-bit key per band (stable across processes and machines)."""
    values = m.hashvalues.astype("uint64")
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes() + bytes([b]), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def to_bytes(m) -> bytes:
    return m.hashvalues.astype("uint64").tobytes()


def similarity_of(minhash: bytes, stored: bytes) -> float:
    """The share of equal values of two stored signatures (`to_bytes`), the MinHash estimate of their Jaccard
    similarity (datasketch's `MinHash.jaccard`), without NumPy: the writer compares them so, and need not import
    NumPy (~0.1 s of CPU a process) for it."""
    a, b = memoryview(minhash).cast("Q"), memoryview(stored).cast("Q")
    if len(a) != len(b):
        raise ValueError(f"signatures of {len(a)} and {len(b)} values")
    return sum(x == y for x, y in zip(a, b)) / NUM_PERM
