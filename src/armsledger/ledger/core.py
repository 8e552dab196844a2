"""The `Ledger`: the library's one entry point to a ledger (`armsledger.ledger` hands it out on first use)."""
from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import insert, select

from ..errors import ArmsLedgerError, IngestError
from ..ingest.files import MAX_BYTES
from ..logs import failed
from ..model import Article
from . import changes, query, store
from .db import LedgerError, connect, default_path, resolve_url
from .corrections import BadCorrection, check_text, check_value
from .pool import Extraction, Job
from .query import DealFilter, EventFilter
from .schema import articles, corrections, deals, failures, gated
from .store import Added

BATCH = 100  # articles to a transaction when ingesting
AHEAD = 1_000  # articles a pool of workers may have in hand (read, not yet written) before this process waits
CORRECTABLE = store.DEAL_FIELDS + ("local_partners", "*")

__all__ = ["Ledger", "LedgerError", "BadCorrection", "Added", "Gated", "IngestReport", "DealFilter", "EventFilter", "default_path",
           "resolve_url", "CORRECTABLE"]


@dataclass
class IngestReport:
    """What one ingest run did, item by item."""

    added: list[Added] = field(default_factory=list)
    duplicates: list[Added] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    gated: list[Gated] = field(default_factory=list)

    @property
    def copies(self) -> list[Added]:
        return [a for a in self.added if a.copy_of]

    def summary(self) -> str:
        kept = sum(1 for g in self.gated if g.kept)
        return (f"{len(self.added)} added ({len(self.copies)} copies of stories already held), "
                f"{len(self.duplicates)} already stored, {len(self.failed)} failed, "
                f"{len(self.gated)} passed over by the relevance gate" + (f" ({kept} stored all the same)" if kept else ""))


@dataclass
class Gated:
    """An article the relevance gate passed over: no defence term or name in it, so no deal or event."""

    source: str
    title: str | None
    url: str | None
    kept: bool = False  # stored as an article all the same (keep_skipped)
    article_id: str | None = None


class Ledger:
    """An open ledger (SQLite file or PostgreSQL database)."""

    def __init__(self, db: str | os.PathLike | None = None, *, readonly: bool = False, extractor=None,
                 catalogues: str | os.PathLike | None = None) -> None:
        """`extractor`: the Extractor to use (default: one over the packaged catalogues, built on first use);
        `catalogues`: the directory it was built from, so that worker processes can build the same."""
        self.url = resolve_url(db)
        self.engine = connect(self.url, readonly=readonly)
        self.readonly = readonly
        self._extractor = extractor
        self._catalogues = os.fspath(catalogues) if catalogues else None
        self._gate = None
        self._counts = query.Counts()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def extractor(self):
        if self._extractor is None:
            from ..extract import Extractor
            self._extractor = Extractor()
        return self._extractor

    # -- writing ---------------------------------------------------------------

    def _writable(self) -> None:
        if self.readonly:
            raise LedgerError("this ledger was opened read-only")

    def has(self, article: Article) -> str | None:
        """The id of the stored article with the same text or URL, if any."""
        with self.engine.connect() as conn:
            return store._existing(conn, article)

    def has_url(self, url: str) -> bool:
        """Is an article from this URL stored already?"""
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.url == url).limit(1)).first() is not None

    def add(self, article: Article, record: dict | None = None) -> Added:
        """Extract (unless `record` is given) and store one article; a stored one is left as it is."""
        self._writable()
        if record is None:
            stored = self.has(article)
            if stored:
                return Added(stored, article.source, "duplicate")
            record = self.extractor(article)
        return store.add_article(self.engine, article, record)

    @property
    def gate(self):
        """The relevance gate of the extractor's catalogue (built without the extractor's matchers; without loading
        the catalogue either when the start-up cache holds it)."""
        if self._gate is None:
            from ..cache import expressions

            with expressions("extract"):  # the expressions of the modules it imports, from the start-up cache
                from ..extract.gate import gate_for, gate_of
                self._gate = (gate_for(self._extractor.catalogue) if self._extractor is not None
                              else gate_of(self._catalogues))
        return self._gate

    def ingest(self, items: Iterable[Article | IngestError | str], *,
               on_item: Callable[[Added | IngestError | Gated], None] | None = None, jobs: int = 1,
               batch: int = BATCH, gate: bool = True, keep_skipped: bool = False, max_bytes: int = MAX_BYTES,
               encoding: str | None = None) -> IngestReport:
        """Store every article; record every input that failed (for `retry_failed`) and go on.

        `items` may be Articles, IngestErrors (as the readers yield them) or inputs to read
        (paths, directories, URLs, feeds), read with `max_bytes` and `encoding` as `ingest.iter_inputs` does.
        Articles are extracted in `jobs` processes and stored `batch` to a transaction (each article stored
        whole or not at all). With `gate`, an article without any defence term or name (`extract/gate.py`)
        is not extracted: it is listed in the `gated` table, and stored as an article with nothing extracted
        when `keep_skipped` is set."""
        self._writable()
        report = IngestReport()
        with Extraction(lambda: self.extractor, jobs if self._catalogues or not self._extractor else 1,
                        self._catalogues) as extraction:
            # batches extracting, in order: this process reads and gates the next batches while the workers
            # extract (and start up), writing each batch when it is back (or when too much is in flight)
            pending: deque[tuple[list, _InFlight]] = deque()
            for chunk in _chunked(_articles(items, max_bytes=max_bytes, encoding=encoding), batch):
                extraction.start(len(chunk))  # the workers start up while this process builds the gate
                listed: list[dict] = []  # the articles the gate passed over, listed with the batch's write
                if gate:
                    chunk = self._gate_out(chunk, keep_skipped, report, on_item, listed)
                pending.append((chunk, self._extract(chunk, extraction, listed)))
                while pending and _due(pending):
                    self._report(self._write(*pending.popleft()), report, on_item)
            while pending:
                self._report(self._write(*pending.popleft()), report, on_item)
        return report

    def _gate_out(self, chunk: list[Article | IngestError], keep: bool, report: IngestReport,
                  on_item, listed: list[dict]) -> list[Article | IngestError]:
        """The batch without the articles the relevance gate passes over; those are reported now (and stored
        with nothing extracted when `keep`), and added to `listed`: the `gated` table's rows, written in the
        batch's transaction (`_write`; an ingest stopped before it lists them again when run again)."""
        out: list[Article | IngestError] = []
        for item in chunk:
            if isinstance(item, IngestError) or self.gate(item.text):
                out.append(item)
                continue
            try:
                result = self._pass_over(item, keep)
            except ArmsLedgerError:
                raise
            except Exception as err:  # one bad article never stops the batch; its traceback is logged
                out.append(failed(item.source, "storage", err))
                continue
            listed.append({"source": item.source, "url": item.url, "title": item.title,
                           "why": "no defence term or name", "kept": int(result.kept), "at": store.now()})
            report.gated.append(result)
            if on_item:
                on_item(result)
        return out

    def _report(self, results: list[Added | IngestError], report: IngestReport, on_item) -> None:
        for result in results:
            if isinstance(result, IngestError):
                store.record_failure(self.engine, result.source, result.reason)
                report.failed.append(result)
            elif result.status == "duplicate":
                report.duplicates.append(result)
            else:
                report.added.append(result)
            if on_item:
                on_item(result)

    def _extract(self, chunk: list[Article | IngestError], extraction: Extraction,
                 listed: list[dict] | None = None) -> _InFlight:
        """Start extracting the batch's articles not stored yet (`listed`: the gate's rows of the batch)."""
        arts = [a for a in chunk if isinstance(a, Article)]
        with self.engine.connect() as conn:
            stored = store.stored(conn, arts)
        todo = [i for i, a in enumerate(chunk) if isinstance(a, Article)
                and a.id not in stored and (not a.url or a.url not in stored)]
        return _InFlight(stored, todo, extraction.submit([chunk[i] for i in todo]), listed or None)

    def _write(self, chunk: list[Article | IngestError], batch: _InFlight) -> list[Added | IngestError]:
        """Write one batch's extracted articles in one transaction; its results in order."""
        stored = batch.stored
        extracted = dict(zip(batch.todo, batch.job()))
        rows = [r for r in extracted.values() if isinstance(r, dict)]
        try:
            written = dict(zip(map(id, rows), store.write_rows(self.engine, rows, gated=batch.gated)))
        except ArmsLedgerError:
            raise
        except Exception:  # a record that cannot be stored: store them one by one, so that only it fails
            store.record_gated(self.engine, batch.gated or [])
            written = {}
            for r in rows:
                try:
                    written[id(r)] = store.write_rows(self.engine, [r])[0]
                except ArmsLedgerError:
                    raise
                except Exception as err:
                    written[id(r)] = err
        out: list[Added | IngestError] = []
        for i, item in enumerate(chunk):
            if isinstance(item, IngestError):
                out.append(item)
            elif i not in extracted:  # stored before this batch
                out.append(Added(stored.get(item.id) or stored[item.url], item.source, "duplicate"))
            else:
                got = extracted[i]
                got = written[id(got)] if isinstance(got, dict) else got
                out.append(failed(item.source, "extraction or storage", got) if isinstance(got, BaseException)
                           else got)
        return out

    def _pass_over(self, article: Article, keep: bool) -> Gated:
        if not keep:
            return Gated(article.source, article.title, article.url)
        from ..extract import blank_record
        added = store.add_article(self.engine, article, blank_record(article))
        return Gated(article.source, article.title, article.url, True, added.article_id)

    def gated(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        """The articles the relevance gate passed over, latest first."""
        q = select(gated).order_by(gated.c.id.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def failures(self, pending: bool = True) -> list[dict]:
        q = select(failures).order_by(failures.c.id)
        if pending:
            q = q.where(failures.c.retried == 0)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def retry_failed(self, **kw) -> IngestReport:
        """Read again every input that failed before (a JSON Lines line or an archive record alone, as
        `ingest.iter_inputs` reads "news.jsonl:2" or "crawl.warc#1484"); what fails again is recorded again."""
        sources = list(dict.fromkeys(f["source"] for f in self.failures()))
        for s in sources:
            store.mark_retried(self.engine, s)
        return self.ingest(sources, **kw)

    def reextract(self, *, on_item: Callable[[str], None] | None = None) -> int:
        """Rebuild every article's claims from its stored text with the current extractor."""
        self._writable()
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.source, articles.c.title, articles.c.published,
                                       articles.c.publisher, articles.c.url)
                                .order_by(articles.c.ingested_at, articles.c.id)).all()
        store.clear_events(self.engine)
        n = 0
        for row in rows:
            with self.engine.connect() as conn:
                body = conn.execute(select(articles.c.text).where(articles.c.id == row.id)).scalar_one()
            art = Article(text=body, source=row.source, title=row.title, published=row.published,
                          publisher=row.publisher, url=row.url)
            store.replace_claims(self.engine, row.id, self.extractor(art))
            n += 1
            if on_item:
                on_item(row.id)
        return n

    def correct(self, deal_id: int, field: str, value=None, *, reject: bool = False, accept: bool = False,
                article_id: str | None = None, who: str, why: str) -> dict:
        """An analyst's correction: set a deal field to `value`, or reject one article's claim of it
        (`reject=True, article_id=...`), or reject the whole deal (`field="*", reject=True`), or confirm
        the field or deal as reported (`accept=True`: changes nothing, teaches `armsledger train --ledger`).
        Corrections win over extraction and survive re-ingest and re-extraction."""
        self._writable()
        if field not in CORRECTABLE:
            raise LedgerError(f"{field!r} cannot be corrected; choose one of {', '.join(CORRECTABLE)}")
        if reject and accept:
            raise LedgerError("accept or reject, not both")
        if not reject and not accept and value is None:
            raise LedgerError("give a value to set, or accept or reject the claim")
        if not who.strip() or not why.strip():
            raise LedgerError("say who makes the correction and why")
        check_text([who, why, article_id])
        if not reject and not accept:
            value = check_value(field, value)
        with self.engine.begin() as conn:
            store.write_lock(conn)
            if conn.execute(select(deals.c.id).where(deals.c.id == deal_id)).scalar() is None:
                raise LedgerError(f"no deal {deal_id} in this ledger")
            action = "reject" if reject else "accept" if accept else "set"
            row = {"deal_id": deal_id, "field": field, "action": action, "article_id": article_id,
                   "value": json.dumps(value, ensure_ascii=False) if action == "set" else None,
                   "who": who, "why": why, "at": store.now()}
            conn.execute(insert(corrections).values(**row))
            changes.record_correction(conn, deal_id, row)
            store.reconcile_stored_deal(conn, deal_id)
        return row

    # -- reading ---------------------------------------------------------------

    def _read(self, fn, *args, **kw):
        with self.engine.connect() as conn:
            return fn(conn, *args, **kw)

    def deals(self, flt: DealFilter | None = None, *, limit: int = 100, offset: int = 0, order="last_reported",
              after: int | None = None, **filters) -> list[dict]:
        """A page of deals; `after` (a deal id) gives the page after that deal (`query.deal_rows`)."""
        return self._read(query.deal_rows, flt or DealFilter(**filters), limit=limit, offset=offset, order=order,
                          after=after, marks=self._counts)

    def deal_count(self, flt: DealFilter | None = None, **filters) -> int:
        return self.deal_total(flt or DealFilter(**filters))[0]

    def deal_total(self, flt: DealFilter | None = None) -> tuple[int, str]:
        """(number of deals under `flt`, when counted): kept until a deal changes (`query.Counts`)."""
        return self._read(self._counts.count, flt)

    def deal(self, deal_id: int, claims: int | None = None) -> dict | None:
        """One deal: its reconciled fields, timeline, sources, conflicts and corrections (`query.deal`;
        `claims`: only the latest that many claims in the timeline)."""
        return self._read(query.deal, deal_id, claims)

    def reports_on(self, deal_id: int, article_id: str) -> bool:
        """Whether the article states anything about the deal."""
        return bool(self._read(query.claim_sentences, deal_id, [article_id]))

    def events(self, flt: EventFilter | None = None, *, limit: int = 100, offset: int = 0, **filters) -> list[dict]:
        return self._read(query.event_rows, flt or EventFilter(**filters), limit=limit, offset=offset)

    def event(self, event_id: int) -> dict | None:
        return self._read(query.event, event_id)

    def conflicts(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._read(query.conflict_rows, limit=limit, offset=offset)

    def article(self, article_id: str) -> dict | None:
        return self._read(query.article, article_id)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._read(query.article_rows, limit=limit, offset=offset)

    def entities(self, kind: str | None = None, *, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._read(query.entity_rows, kind, limit=limit, offset=offset)

    def search(self, text: str, *, limit: int = 20) -> list[dict]:
        return self._read(query.search, text, limit=limit)

    def stats(self, *, kept: bool = False) -> dict:
        """What the ledger holds. `kept`: the totals as last counted unless a deal changed since, at most a minute
        ago (`query.Counts`; counting 1 M articles takes seconds), with `counted_at`."""
        if not kept:
            return self._read(query.stats)
        totals, at = self._read(self._counts.stats)
        return {**totals, "counted_at": at}

    def verify(self) -> list[str]:
        """Problems with the ledger's consistency; empty when all is well."""
        return self._read(store.verify)


def _articles(items: Iterable[Article | IngestError | str], **read):
    """Articles and errors as given; strings (paths, URLs, feeds) read with `ingest.iter_inputs`, in order."""
    from ..ingest import iter_inputs

    pending: list[str] = []
    for item in items:
        if isinstance(item, str):
            pending.append(item)
            continue
        if pending:
            yield from iter_inputs(pending, **read)
            pending = []
        yield item
    if pending:
        yield from iter_inputs(pending, **read)


class _InFlight(NamedTuple):
    """A batch being extracted: the ids and URLs of its articles already stored, the positions in the batch of
    those being extracted, the job that gives their rows (or exceptions) in that order, and what the gate listed."""
    stored: dict
    todo: list[int]
    job: Job
    gated: list[dict] | None = None  # the `gated` table's rows of the batch's articles the gate passed over


def _due(pending: deque) -> bool:
    """Is the first batch in `pending` to be written now? In this process's extraction (done when written),
    once the next is read, as it always was; in workers, when back or when too much is in hand."""
    job = pending[0][1].job
    if job.futures is None:
        return len(pending) > 1
    return job.done() or sum(len(chunk) for chunk, _ in pending) > AHEAD


def _chunked(items: Iterable, size: int):
    """Lists of up to `size` items, each list holding at most `size` articles."""
    chunk: list = []
    n = 0
    for item in items:
        chunk.append(item)
        n += isinstance(item, Article)
        if n >= size:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk
