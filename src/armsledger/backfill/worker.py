"""Partition -> Parquet shard: read the pieces, extract every article, write one row per article or error.

This runs in the worker processes (Dask workers or local processes). The Extractor is
built once per process and kept (`extractor()`); `warm()` builds it when a local process
starts, and `ExtractorPlugin` when a Dask worker starts, so that no task pays the
catalogue load.

A shard row is an article (its fields, the record as JSON, the MinHash signature the
ledger groups wire copies by, and the ledger rows its record gives, `ready`, so that the
loader only gives ids and matches) or an input error (source and reason). Rows keep reading
order. Rows of a byte range of a JSON Lines file carry their line number within the range
and no source; the loader, which knows how many lines the ranges before it held, names
them `FILE:LINE` as `armsledger ingest` does. The shard's footer holds its `ShardInfo`,
so a finished shard speaks for itself even when the driver died before recording it.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

import pyarrow as pa
import pyarrow.parquet as pq
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import ArmsLedgerError, IngestError
from ..ingest import MAX_BYTES, from_record, read, read_warc
from ..model import Article
from .partition import Partition, Piece, is_archive, open_input

SCHEMA = pa.schema([
    ("kind", pa.string()),  # "article" or "error"
    ("piece", pa.int32()),  # index of the piece of the partition it came from
    ("source", pa.string()),  # null for the rows of a byte range (see `line`)
    ("line", pa.int64()),  # byte range rows: line number within the range, from 1
    ("item", pa.int32()),  # byte range rows: index in a JSON array on that line, if it held one
    ("reason", pa.string()),  # error rows
    ("id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("publisher", pa.string()),
    ("published", pa.string()),
    ("meta", pa.string()),  # JSON
    ("text", pa.large_string()),
    ("words", pa.int32()),
    ("minhash", pa.binary()),
    ("bands", pa.list_(pa.int64())),
    ("record", pa.large_string()),  # the extraction record, JSON
    # JSON: the rows the record gives whatever the ledger holds (`ledger.writer.ready`, its "form" says which
    # form); null where they could not be built. A shard without this column (written before it) still loads:
    # the loader builds them from the record.
    ("ready", pa.large_string()),
])
INFO_KEY = b"armsledger.backfill"

_extractors: dict[str | None, object] = {}


@dataclass
class ShardInfo:
    """What extracting one partition gave: counts, input problems, where the shard is."""

    key: str
    index: int
    shard: str
    articles: int = 0
    errors: int = 0
    words: int = 0
    lines: list[int] = field(default_factory=list)  # per piece: lines read from a byte range, else 0
    failed: list[str] = field(default_factory=list)  # "FILE: reason" for each file not read to its end
    started: float = 0.0  # epoch seconds: when the task began and ended (the driver times the extraction by them)
    finished: float = 0.0
    seconds: float = 0.0  # wall time of the task
    cpu_seconds: float = 0.0  # CPU time of the task's process over it
    pid: int = 0
    version: str = ""

    def as_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> ShardInfo:
        return cls(**json.loads(text))


def extractor(catalogues: str | None = None):
    """This process's Extractor for `catalogues`, built on first use."""
    ex = _extractors.get(catalogues)
    if ex is None:
        from ..catalogue import load
        from ..extract import Extractor, settle

        ex = _extractors[catalogues] = Extractor(load(catalogues))
        settle()  # kept to the end of the process: out of the cyclic collector's way
    return ex


def warm(catalogues: str | None = None, parent: int | None = None) -> None:
    """Build the Extractor now: the initializer of local worker processes (which leave when `parent` ends)."""
    if parent is not None:
        from ..workers import exit_with

        exit_with(parent)
    extractor(catalogues)


class ExtractorPlugin(WorkerPlugin):
    """Builds the Extractor once when a Dask worker starts (or restarts after being killed)."""

    name = "armsledger-extractor"
    idempotent = True

    def __init__(self, catalogues: str | None = None) -> None:
        self.catalogues = catalogues

    def setup(self, worker) -> None:
        extractor(self.catalogues)


def shard_path(shard_dir: str, key: str) -> str:
    return f"{shard_dir.rstrip('/')}/{key}.parquet"


def extract_partition(part: Partition, shard_dir: str, *, catalogues: str | None = None,
                      max_bytes: int = MAX_BYTES, encoding: str = "utf-8") -> ShardInfo:
    """Read, extract and write one partition's shard; returns what it did.

    An input that cannot be read is an error row of the shard (and, when a whole file fails,
    a line of `failed`), not an exception: the other pieces still go through.
    """
    from .. import __version__

    t0, c0 = time.perf_counter(), time.process_time()
    ex = extractor(catalogues)
    info = ShardInfo(part.key, part.index, shard_path(shard_dir, part.key), pid=os.getpid(), version=__version__,
                     started=time.time())
    rows: list[dict] = []
    for n, piece in enumerate(part.pieces):
        counter = [0]
        last: IngestError | None = None  # the piece's last item, when the reader gave an error
        for item, line, index in _items(piece, max_bytes, encoding, counter):
            last = item if isinstance(item, IngestError) else None
            if isinstance(item, IngestError):
                err = item
            else:
                try:
                    rows.append(_article_row(n, item, ex(item), line, index))
                    continue
                except ArmsLedgerError:
                    raise
                except Exception as exc:  # one bad article never stops the batch (as Ledger.ingest has it)
                    err = IngestError(item.source, f"extraction or storage failed ({type(exc).__name__}: {exc})")
            rows.append(_error_row(n, err, line, index))
        info.lines.append(counter[0])
        if last is not None and piece.kind != "lines" and (last.source == piece.path
                                                           or last.source.startswith(piece.path + "#")):
            info.failed.append(f"{last.source}: {last.reason}")  # the file could not be read to its end
    info.articles = sum(r["kind"] == "article" for r in rows)
    info.errors = len(rows) - info.articles
    info.words = sum(r.get("words") or 0 for r in rows)
    info.seconds = round(time.perf_counter() - t0, 3)  # the shard's writing aside
    info.cpu_seconds = round(time.process_time() - c0, 3)
    info.finished = time.time()
    _write(rows, info)
    return info


def read_shard(path: str) -> tuple[ShardInfo, list[dict]]:
    """A shard's info and rows, in order."""
    table = _read_table(path)
    return ShardInfo.from_json(table.schema.metadata[INFO_KEY]), table.to_pylist()


def shard_info(path: str) -> ShardInfo | None:
    """The info in a finished shard's footer, or None where there is no readable shard."""
    try:
        if "://" in path:
            import fsspec

            with fsspec.open(path, "rb") as fh:
                meta = pq.read_schema(fh).metadata
        else:
            meta = pq.read_schema(path).metadata
    except (OSError, pa.ArrowInvalid):
        return None
    return ShardInfo.from_json(meta[INFO_KEY]) if meta and INFO_KEY in meta else None


# -- reading the pieces ----------------------------------------------------------------

def _items(piece: Piece, max_bytes: int, encoding: str, counter: list[int]
           ) -> Iterator[tuple[Article | IngestError, int | None, int | None]]:
    """(article or error, line in range, index in line) for each item of the piece."""
    if piece.kind == "error":
        yield IngestError(piece.path, piece.reason), None, None
    elif piece.kind == "lines":
        yield from _range_items(piece, max_bytes, encoding, counter)
    elif piece.remote:
        for item in _remote_file(piece.path, max_bytes, encoding):
            yield item, None, None
    else:
        for item in _file_items(piece.path.removeprefix("file://"), max_bytes, encoding):
            yield item, None, None


def _file_items(path: str, max_bytes: int, encoding: str) -> Iterator[Article | IngestError]:
    """A whole file, read exactly as `armsledger ingest` reads it."""
    if is_archive(path):
        yield from read_warc(path, max_bytes=max_bytes)
        return
    forced = None if encoding.lower().replace("-", "") == "utf8" else encoding  # the default: decode as ingest does
    try:
        yield from read(path, max_bytes=max_bytes, encoding=forced)
    except IngestError as err:
        yield err


def _remote_file(url: str, max_bytes: int, encoding: str) -> Iterator[Article | IngestError]:
    """A remote file, copied to a local temporary file and read there; sources name the URL."""
    name = url.rstrip("/").rsplit("/", 1)[-1] or "input"
    with tempfile.TemporaryDirectory(prefix="armsledger-") as tmp:
        local = os.path.join(tmp, name)
        try:
            with open_input(url) as src, open(local, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        except (OSError, ValueError) as err:
            yield IngestError(url, f"cannot read it ({type(err).__name__}: {err})")
            return
        for item in _file_items(local, max_bytes, encoding):
            if isinstance(item, IngestError):
                yield IngestError(item.source.replace(local, url, 1), item.reason)
            else:
                item.source = item.source.replace(local, url, 1)
                yield item


def _range_items(piece: Piece, max_bytes: int, encoding: str, counter: list[int]
                 ) -> Iterator[tuple[Article | IngestError, int, int | None]]:
    """The JSON objects of the lines starting in [start, end): one article (or error) each."""
    with open_input(piece.path) as fh:
        fh.seek(piece.start)
        pos = piece.start
        n = 0
        while pos < piece.end:
            raw = fh.readline()
            if not raw:
                break
            n += 1
            pos += len(raw)
            if pos - len(raw) == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            raw = raw.removesuffix(b"\n").removesuffix(b"\r")  # as str.splitlines() leaves a line
            where = f"{piece.path}:+{n}"  # the loader puts the file's line number here
            if len(raw) > max_bytes:
                yield IngestError(where, f"line too large ({len(raw) / 1e6:.1f} MB, the limit is "
                                         f"{max_bytes / 1e6:.0f} MB)"), n, None
                continue
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as err:
                yield IngestError(where, f"not valid {encoding} text (bad byte 0x{raw[err.start]:02x} at "
                                         f"column {err.start + 1})"), n, None
                continue
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as err:
                yield IngestError(where, f"invalid JSON ({err.msg} at column {err.colno})"), n, None
                continue
            items = obj if isinstance(obj, list) else [obj]
            for i, one in enumerate(items):
                index = None if len(items) == 1 else i
                at = where if index is None else f"{where}[{i}]"
                if not isinstance(one, dict):
                    yield IngestError(at, f"expected a JSON object with 'text', found {type(one).__name__}"), n, index
                    continue
                try:
                    yield from_record(one, at), n, index
                except IngestError as err:
                    yield err, n, index
        counter[0] = n


# -- rows and shards ---------------------------------------------------------------------

def _error_row(piece: int, err: IngestError, line: int | None, index: int | None) -> dict:
    return {"kind": "error", "piece": piece, "source": None if line is not None else err.source, "line": line,
            "item": index, "reason": err.reason}


def _article_row(piece: int, art: Article, record: dict, line: int | None, index: int | None) -> dict:
    from ..ledger import dedup
    from ..ledger.rows import ready_json

    sig = dedup.signature(art.text)
    text = json.dumps(record, ensure_ascii=False)  # the rows it gives built from it as the loader reads it
    return {"kind": "article", "piece": piece, "source": None if line is not None else art.source, "line": line,
            "item": index, "id": art.id, "url": art.url, "title": art.title, "publisher": art.publisher,
            "published": art.published, "meta": json.dumps(art.meta, ensure_ascii=False) if art.meta else None,
            "text": art.text, "words": len(art.text.split()), "minhash": dedup.to_bytes(sig),
            "bands": dedup.bands(sig), "record": text, "ready": ready_json(art.id, text)}


def _write(rows: list[dict], info: ShardInfo) -> None:
    schema = SCHEMA.with_metadata({INFO_KEY: info.as_json().encode("utf-8")})
    table = pa.Table.from_pylist(rows, schema=schema)
    if "://" in info.shard:
        import fsspec

        with fsspec.open(info.shard, "wb") as fh:  # object stores make a file visible only when it is whole
            pq.write_table(table, fh, compression="zstd")
        return
    os.makedirs(os.path.dirname(info.shard) or ".", exist_ok=True)
    tmp = f"{info.shard}.{os.getpid()}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, info.shard)  # a shard is there whole or not at all


def _read_table(path: str) -> pa.Table:
    if "://" in path:
        import fsspec

        with fsspec.open(path, "rb") as fh:
            return pq.read_table(fh)
    return pq.read_table(path)
