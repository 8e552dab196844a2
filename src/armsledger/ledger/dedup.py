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


_PERMUTATIONS = None  # the 64 affine permutations (a, b), drawn once a process
_first = threading.Lock()  # held while they are drawn (and NumPy imported): one thread at a time
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # the 32-bit MurmurHash3 finalizer's shifts and multipliers


class Signature:
    """A text's MinHash: `hashvalues`, NUM_PERM unsigned 32-bit values (as datasketch's `MinHash`)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues) -> None:
        self.hashvalues = hashvalues


def _permutations():
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        with _first:
            if _PERMUTATIONS is None:
                import numpy as np

                gen = np.random.RandomState(1)  # seed 1, drawn in datasketch's order
                a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
                b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
                _PERMUTATIONS = a, b
    return _PERMUTATIONS


def signature(text: str) -> Signature:
    """The MinHash of the text's word 5-shingles: the values datasketch's `MinHash(num_perm=64, seed=1)` gives
    (its default scheme since 2.0, "affine32": the SHA-1 of each shingle's first 4 bytes as a little-endian
    number, mixed by the MurmurHash3 finalizer, then a * h + b modulo 2 ** 32 for each permutation, the least of
    each kept), computed here with NumPy alone: importing datasketch imports its whole package, SciPy with it
    (~0.4 s of CPU a process, in the pool's start-up)."""
    import numpy as np

    a, b = _permutations()
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sha1 = hashlib.sha1
    hv = np.fromiter((int.from_bytes(sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles),
                     dtype=np.uint32, count=len(shingles)).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX
    hv ^= hv >> np.uint32(s1)
    hv *= np.uint32(m1)
    hv ^= hv >> np.uint32(s2)
    hv *= np.uint32(m2)
    hv ^= hv >> np.uint32(s3)
    return Signature((hv * a + b).min(axis=0))


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
