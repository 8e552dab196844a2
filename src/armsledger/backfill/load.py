"""Shards -> ledger: shard rows in batches through the ledger's one write path (`ledger.writer`),
many articles to a transaction, ending as `ingest` would have left the ledger.

A batch holding a record that cannot be stored is stored again one row at a time, so
that only that article fails; tests/test_backfill.py checks that a backfill and a plain
ingest give the same ledger.

`bulk=True` loads an empty ledger in one transaction (`writer.bulk_load`): indexes, PostgreSQL's foreign-key
checks, the search index and reconciliation done once at the end; into a ledger that holds
anything, or when a record cannot be stored, the rows go the batch-by-batch way instead.
On PostgreSQL the articles' search vectors are left to `writer.fill_search` after the commit (the backfill
runs it); until then search computes them for the articles without one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

from ..ledger import store, writer

BATCH = 500  # articles to a transaction
BULK_BATCH = 100  # articles matched, then written while the next are matched, in a bulk load
# what a record that cannot be stored raises (not a lost connection or a locked database: those stop the run)
BAD_DATA = (IntegrityError, DataError, KeyError, TypeError, ValueError, AttributeError)


@dataclass
class LoadResult:
    """What loading some shard rows stored."""

    added: int = 0
    duplicates: int = 0
    copies: int = 0
    failed: list[list[str]] = field(default_factory=list)  # [source, reason] recorded in `failures`
    deals: int = 0  # deals reconciled (once a batch)
    events: int = 0

    def add(self, other: LoadResult) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.copies += other.copies
        self.failed += other.failed
        self.deals += other.deals
        self.events += other.events

    def as_dict(self) -> dict:
        return asdict(self)


def load_rows(engine: Engine, rows: list[dict], *, version: str, batch: int = BATCH, recover: bool = False,
              on_batch: Callable[[int], None] | None = None, bulk: bool = False) -> LoadResult:
    """Store shard rows (articles and input errors, sources resolved) in order; idempotent by article.

    `recover` is for a shard whose load was cut short: an error already recorded is not
    recorded twice. `on_batch(n)` is called after each committed batch of n rows (with `bulk`,
    after each batch written: all are committed together at the end).
    `bulk`: into an empty ledger, one transaction with the work that can be done once deferred to
    its end (`writer.BulkLoad`); the ledger is the same. Otherwise, or when some record cannot be
    stored, batch by batch.
    """
    if bulk:
        done = _bulk(engine, rows, version, batch, recover, on_batch)
        if done is not None:
            return done
    result = LoadResult()
    start = 0
    while start < len(rows):
        end, n_articles = start, 0
        while end < len(rows) and n_articles < batch:  # error rows ride along with the articles
            n_articles += rows[end]["kind"] == "article"
            end += 1
        try:
            with engine.begin() as conn:
                writer.write_lock(conn)
                part = _store(conn, rows[start:end], version, recover)
        except BAD_DATA:
            # the batch holds a record that cannot be stored: store its rows one by one, as
            # `Ledger.ingest` does, so that only that article fails
            part = _one_by_one(engine, rows[start:end], version, recover)
        result.add(part)
        if on_batch:
            on_batch(end - start)
        start = end
    return result


def _batches(rows: list[dict], batch: int) -> Iterator[list[dict]]:
    """Rows in runs of `batch` articles, error rows riding along."""
    start = 0
    while start < len(rows):
        end, n_articles = start, 0
        while end < len(rows) and n_articles < batch:
            n_articles += rows[end]["kind"] == "article"
            end += 1
        yield rows[start:end]
        start = end


def _bulk(engine: Engine, rows: list[dict], version: str, batch: int, recover: bool,
          on_batch: Callable[[int], None] | None) -> LoadResult | None:
    """`load_rows` in one `writer.BulkLoad`; None (nothing stored) when the ledger is not empty or a
    record cannot be stored."""
    try:
        with writer.bulk_load(engine, version) as load:
            if load is None:
                return None
            result = bulk_rows(load, rows, version=version, batch=batch, recover=recover, on_batch=on_batch)
        return result
    except BAD_DATA:
        return None  # rolled back: batch by batch, the record that cannot be stored fails alone


def bulk_rows(load: writer.BulkLoad, rows: list[dict], *, version: str, batch: int = BATCH, recover: bool = False,
              on_batch: Callable[[int], None] | None = None) -> LoadResult:
    """Rows into an open bulk load (`load_rows` into an empty ledger; `backfill --bulk`): written, not
    yet reconciled or committed. Raises one of `BAD_DATA` when a record cannot be stored."""
    load.batch.version = version
    result = LoadResult()
    deals: set[int] = set()
    events: set[int] = set()
    for part in _batches(rows, min(batch, BULK_BATCH)):
        if recover:
            known = writer.pending_failures(load.conn, part)
            part = [r for r in part if r["kind"] == "article" or (r["source"], r["reason"]) not in known]
        result.add(_tally(part, load.write(part), deals, events))
        if on_batch:
            on_batch(len(part))
    result.deals, result.events = len(deals), len(events)
    return result


def _tally(rows: list[dict], stored: list, deals: set[int], events: set[int]) -> LoadResult:
    result = LoadResult()
    for row, added in zip(rows, stored):
        if added is None:
            result.failed.append([row["source"], row["reason"]])
            continue
        result.added += added.status == "added"
        result.duplicates += added.status == "duplicate"
        result.copies += bool(added.copy_of)
        deals.update(added.deals)
        events.update(added.events)
    return result


def _store(conn: Connection, rows: list[dict], version: str, recover: bool) -> LoadResult:
    """Write rows in the open transaction; an error already recorded (when recovering) is not recorded again."""
    if recover:
        known = writer.pending_failures(conn, rows)
        rows = [r for r in rows if r["kind"] == "article" or (r["source"], r["reason"]) not in known]
    deals: set[int] = set()
    events: set[int] = set()
    result = _tally(rows, writer.write(conn, rows, version=version), deals, events)
    result.deals, result.events = len(deals), len(events)
    return result


def _one_by_one(engine: Engine, rows: list[dict], version: str, recover: bool) -> LoadResult:
    result = LoadResult()
    for row in rows:
        try:
            with engine.begin() as conn:
                writer.write_lock(conn)
                part = _store(conn, [row], version, recover)
        except BAD_DATA as err:
            reason = f"extraction or storage failed ({type(err).__name__}: {err})"
            store.record_failure(engine, row["source"], reason)
            part = LoadResult(failed=[[row["source"], reason]])
        result.add(part)
    return result
