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
from typing import NamedTuple

NUM_PERM = 64
BANDS, ROWS = 16, 4  # threshold about (1/16) ** (1/4) = 0.5
SIMILAR = 0.7  # estimated Jaccard at or above which two articles are copies of one story
SHINGLE = 5
_WORD = re.compile(r"\w+")


_perms = None  # the permutations' (a, b), drawn on first use (numpy imported with the first signature)
_first = threading.Lock()  # held while they are drawn: one thread at a time


class Signature(NamedTuple):
    hashvalues: "np.ndarray"  # noqa: F821 - uint32, one a permutation


def _permutations():
    """datasketch 2.x's MinHash(num_perm=NUM_PERM, seed=1) permutations (its default "affine32" scheme):
    h -> a * h + b mod 2**32, `a` odd, drawn from NumPy's RandomState(1) as datasketch draws them."""
    global _perms
    if _perms is None:
        with _first:
            if _perms is None:
                import numpy as np

                gen = np.random.RandomState(1)
                a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
                b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
                _perms = (a, b)
    return _perms


def signature(text: str) -> Signature:
    """The MinHash of the text's word 5-shingles: the hash values datasketch's
    `MinHash(num_perm=64, seed=1)` gives after `update_batch` of the shingles' UTF-8 bytes (SHA-1's first four
    bytes, little-endian; the MurmurHash3 32-bit finalizer; one affine permutation a hash value), computed here
    with NumPy alone: importing datasketch (which imports SciPy) cost each ingest worker ~0.8 s of CPU."""
    import numpy as np

    a, b = _permutations()
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles]), dtype="<u4")
    hv = hv.astype(np.uint32).reshape(-1, 1)
    with np.errstate(over="ignore"):  # uint32 arithmetic wraps around: that is the modulo 2**32
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        hv = hv ^ (hv >> np.uint32(16))
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


def similarity(m, stored: bytes) -> float:
    import numpy as np  # here, as datasketch is: numpy is imported with the first signature, not with the CLI

    other = np.frombuffer(stored, dtype=np.uint64)
    return float(np.count_nonzero(m.hashvalues.astype(np.uint64) == other)) / NUM_PERM
