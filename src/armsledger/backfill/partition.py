"""Inputs -> partitions: the units of work of a backfill, in the order a plain ingest reads them.

An input is a file, a folder (walked as `armsledger ingest` walks it), a glob, or an fsspec
URL (`s3://bucket/news/*.jsonl`, where the user has installed the filesystem's package).
Each file becomes one or more `Piece`s:

    lines    a byte range of a large JSON Lines file, starting at a line start; it owns
             every line that starts inside it
    file     a whole file, read with the ingest readers (text, HTML, JSON, JSON Lines, WARC)
    error    an input that names nothing readable ("no files match this pattern")

Consecutive small files are grouped into one `Partition` (up to `chunk_bytes` or
`MAX_FILES`); a byte range is a partition of its own. A partition's `key` hashes its pieces
with each file's size and modification time, so that a rerun over the same inputs finds
the same keys in the manifest, and a file that changed is read again.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from ..errors import ArmsLedgerError
from ..ingest import INPUT_SUFFIXES, MAX_BYTES, WARC_SUFFIXES, walk

MAX_FILES = 200  # files grouped into one partition at most
LINES_SUFFIXES = (".jsonl", ".ndjson")
SPLITTABLE_ENCODINGS = {"utf-8", "utf8", "ascii", "us-ascii"}
FEED_SUFFIXES = (".rss", ".atom", ".xml")


class BackfillError(ArmsLedgerError):
    """A backfill cannot start or go on: bad options, a missing filesystem package, a work directory in use."""


@dataclass(frozen=True)
class Piece:
    """One file, one byte range of a JSON Lines file, or one input that failed to expand."""

    path: str
    kind: str  # "file", "lines" or "error"
    start: int = 0
    end: int = 0  # "lines": the range is [start, end)
    size: int = 0
    stamp: str = ""  # the file's modification time (or the filesystem's own key): its identity with `size`
    reason: str = ""  # "error": what went wrong

    @property
    def remote(self) -> bool:
        return "://" in self.path and not self.path.startswith("file://")


@dataclass(frozen=True)
class Partition:
    """The pieces one task reads, extracts and writes as one Parquet shard."""

    index: int
    key: str
    pieces: tuple[Piece, ...]

    @property
    def nbytes(self) -> int:
        return sum((p.end - p.start) if p.kind == "lines" else p.size for p in self.pieces)

    @property
    def label(self) -> str:
        """What a person reads in a report: `news/big.jsonl bytes 0-16,777,216` or `news/a.txt (+11 files)`."""
        first = self.pieces[0]
        if first.kind == "lines":
            return f"{first.path} bytes {first.start:,}-{first.end:,}"
        more = f" (+{len(self.pieces) - 1} files)" if len(self.pieces) > 1 else ""
        return f"{first.path}{more}"

    def as_dict(self) -> dict:
        return {"index": self.index, "key": self.key, "pieces": [asdict(p) for p in self.pieces]}

    @classmethod
    def from_dict(cls, d: dict) -> Partition:
        return cls(d["index"], d["key"], tuple(Piece(**p) for p in d["pieces"]))


def plan(inputs: Iterable[str], *, chunk_bytes: int, encoding: str = "utf-8", max_bytes: int = MAX_BYTES,
         exclude: Iterable[str] = ()) -> list[Partition]:
    """The partitions of `inputs`, in reading order; files under the `exclude` folders are left out
    (a backfill's own work directory, when a glob or folder takes it in).

    A JSON Lines file larger than `chunk_bytes`, or than `max_bytes` (which the ingest readers
    refuse whole), is split into byte ranges.

    Example: `plan(["news/*.jsonl", "crawl.warc.gz"], chunk_bytes=16 << 20)`
    """
    if chunk_bytes < 1024:
        raise BackfillError(f"chunk size {chunk_bytes} bytes is too small; give at least 1 KB")
    split = encoding.lower() in SPLITTABLE_ENCODINGS
    range_bytes = min(chunk_bytes, max_bytes)
    groups: list[list[Piece]] = []
    current: list[Piece] = []
    current_bytes = 0
    skip = tuple(os.path.join(os.path.abspath(d), "") for d in exclude if "://" not in d)
    for piece in expand(inputs):
        if skip and "://" not in piece.path and os.path.join(os.path.abspath(piece.path), "").startswith(skip):
            continue
        if piece.kind == "file" and split and piece.size > range_bytes and piece.path.lower().endswith(LINES_SUFFIXES):
            ranges = split_lines(piece, range_bytes)
            if len(ranges) > 1:
                if current:
                    groups.append(current)
                    current, current_bytes = [], 0
                groups += [[r] for r in ranges]
                continue
        size = piece.size if piece.kind == "file" else 0
        if current and (current_bytes + size > chunk_bytes or len(current) >= MAX_FILES):
            groups.append(current)
            current, current_bytes = [], 0
        current.append(piece)
        current_bytes += size
    if current:
        groups.append(current)
    seen: Counter[str] = Counter()
    out = []
    for i, pieces in enumerate(groups):
        digest = hashlib.sha256(json.dumps([asdict(p) for p in pieces], sort_keys=True).encode()).hexdigest()[:16]
        seen[digest] += 1  # the same input named twice is read twice, as `ingest` does
        out.append(Partition(i, digest if seen[digest] == 1 else f"{digest}-{seen[digest]}", tuple(pieces)))
    return out


def split_lines(piece: Piece, chunk_bytes: int) -> list[Piece]:
    """Byte ranges of about `chunk_bytes` covering the file, each starting at a line start."""
    starts = [0]
    with open_input(piece.path) as fh:
        for nominal in range(chunk_bytes, piece.size, chunk_bytes):
            if nominal <= starts[-1]:
                continue  # the previous line ran past this boundary
            fh.seek(nominal - 1)
            fh.readline()  # to the end of the line holding byte nominal-1: the next line starts after it
            at = fh.tell()
            if at >= piece.size:
                break
            if at > starts[-1]:
                starts.append(at)
    ends = starts[1:] + [piece.size]
    return [Piece(piece.path, "lines", s, e, piece.size, piece.stamp) for s, e in zip(starts, ends)]


# -- expanding inputs, as `armsledger ingest` does ---------------------------------------

def expand(inputs: Iterable[str]) -> Iterator[Piece]:
    """Every file the inputs name, in the order `ingest.iter_inputs` reads them."""
    for source in inputs:
        if source == "-":
            yield Piece(source, "error", reason="standard input cannot be backfilled; save it to a file first")
        elif "://" in source and not source.startswith("file://"):
            yield from _remote(source)
        else:
            yield from _local(source.removeprefix("file://"))


def _local(source: str) -> Iterator[Piece]:
    if os.path.isdir(source):
        files = walk(source)
        if not files:
            looked = ", ".join(INPUT_SUFFIXES)
            yield Piece(source, "error", reason=f"no files to read in this folder (looked for {looked})")
        for path in files:
            yield _local_file(path)
    elif os.path.exists(source) or not glob.has_magic(source):
        yield _local_file(source)
    else:
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield Piece(source, "error", reason="no files match this pattern")
        for path in matches:
            if os.path.isdir(path):
                yield from _local(path)
            else:
                yield _local_file(path)


def _local_file(path: str) -> Piece:
    if path.lower().endswith(FEED_SUFFIXES):
        return Piece(path, "error", reason="feeds are not backfilled (their entries are fetched over the network); "
                                           "use `armsledger ingest` for them")
    try:
        st = os.stat(path)
    except OSError:
        return Piece(path, "file")  # the reader reports what is wrong with it, as `ingest` does
    return Piece(path, "file", size=st.st_size, stamp=str(st.st_mtime_ns))


def _remote(source: str) -> Iterator[Piece]:
    fs, root = _filesystem(source)
    try:
        if glob.has_magic(root):
            paths = sorted(fs.glob(root))
            if not paths:
                yield Piece(source, "error", reason="no files match this pattern")
                return
        elif fs.isdir(root):
            paths = sorted(p for p in fs.find(root) if p.lower().endswith(INPUT_SUFFIXES)
                           and not any(part.startswith(".") for part in p.split("/")))
            if not paths:
                yield Piece(source, "error", reason="no files to read in this folder")
                return
        else:
            paths = [root]
        for path in paths:
            url = path if "://" in path else fs.unstrip_protocol(path)
            try:
                info = fs.info(path)
            except FileNotFoundError:
                yield Piece(url, "error", reason="no such file")
                continue
            yield Piece(url, "file", size=int(info.get("size") or 0), stamp=str(fs.ukey(path)))
    except (OSError, ValueError) as err:
        yield Piece(source, "error", reason=f"cannot list it ({type(err).__name__}: {err})")


def _filesystem(url: str):
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:
        protocol = url.split("://", 1)[0]
        raise BackfillError(f"{url}: cannot read {protocol}:// URLs here ({err}); install the fsspec filesystem "
                            f"for {protocol}:// (s3fs for s3://, gcsfs for gs://, adlfs for az://)") from None
    return fs, root


def open_input(path: str):
    """A binary file object for a local path or an fsspec URL."""
    if "://" in path and not path.startswith("file://"):
        fs, root = _filesystem(path)
        return fs.open(root, "rb")
    return open(path.removeprefix("file://"), "rb")


def is_archive(path: str) -> bool:
    """A WARC file (.warc or .warc.gz), read whole by one task."""
    return path.lower().endswith(WARC_SUFFIXES)
