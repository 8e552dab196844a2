"""Shards -> ledger: many articles to a transaction, ending as `ingest` would have left the ledger.

`ledger.store.add_article` stores one article in one transaction and reconciles every
deal and event it touches at once: hundreds of statements an article, and a deal
reconciled again for each of its reports. Here a batch of articles is one transaction,
under the same write lock:

1. A few queries fetch what the batch needs of the ledger: stored ids and URLs, the
   articles sharing a MinHash band with the batch, its entities, and the deals and
   events its records may match.
2. Each article, in reading order, is matched in memory exactly as `add_article` matches
   it against the database: duplicate, near-duplicate group, entities by key,
   `reconcile.match_deal`, `reconcile.match_event`. New entities, deals and events take
   the ids the database would give them next.
3. All rows are written together (COPY on PostgreSQL, executemany on SQLite), then every
   deal and event the batch touched is reconciled once, from all its claims.

Matching a deal reads only columns that reconciling never writes, so a deal can be
reconciled once at the end of the batch. Matching an event reads its reconciled date and
last report, so those two are brought up to date in memory after each article, as
`add_article` brings them up to date in the database.

The per-row rules mirror `ledger.store` (claims, event sources, reconciled columns);
tests/test_backfill.py checks that a backfill and a plain ingest give the same ledger.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np
from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

from ..ledger import dedup, reconcile, store
from ..ledger.resolve import entity_key
from ..ledger.schema import (
    article_bands,
    articles,
    claims,
    conflicts,
    corrections,
    deals,
    entities,
    event_sources,
    events,
    failures,
    mentions,
)

BATCH = 500  # articles to a transaction
# what a record that cannot be stored raises (not a lost connection or a locked database: those stop the run)
_BAD_DATA = (IntegrityError, DataError, KeyError, TypeError, ValueError, AttributeError)
_CHUNK = 500  # values in one IN (...) list


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
              on_batch: Callable[[int], None] | None = None) -> LoadResult:
    """Store shard rows (articles and input errors, sources resolved) in order; idempotent by article.

    `recover` is for a shard whose load was cut short: an error already recorded is not
    recorded twice. `on_batch(n)` is called after each committed batch of n rows.
    """
    result = LoadResult()
    start = 0
    while start < len(rows):
        end, n_articles = start, 0
        while end < len(rows) and n_articles < batch:  # error rows ride along with the articles
            n_articles += rows[end]["kind"] == "article"
            end += 1
        part = LoadResult()
        try:
            with engine.begin() as conn:
                store.write_lock(conn)
                _Batch(conn, version, recover).run(rows[start:end], part)
        except _BAD_DATA:
            # the batch holds a record that cannot be stored: store its rows one by one, as
            # `Ledger.ingest` does, so that only that article fails
            part = _one_by_one(engine, rows[start:end], recover)
        result.add(part)
        if on_batch:
            on_batch(end - start)
        start = end
    return result


def _one_by_one(engine: Engine, rows: list[dict], recover: bool) -> LoadResult:
    from ..model import Article

    result = LoadResult()
    known: set[tuple[str, str]] = set()
    if recover:
        with engine.connect() as conn:
            known = _pending_failures(conn, rows)
    for row in rows:
        failure = None
        if row["kind"] == "error":
            failure = (row["source"], row["reason"])
        else:
            article = Article(text=row["text"], source=row["source"], title=row["title"], published=row["published"],
                              publisher=row["publisher"], url=row["url"])
            try:
                added = store.add_article(engine, article, json.loads(row["record"]))
            except _BAD_DATA as err:
                failure = (row["source"], f"extraction or storage failed ({type(err).__name__}: {err})")
            else:
                result.added += added.status == "added"
                result.duplicates += added.status == "duplicate"
                result.copies += bool(added.copy_of)
        if failure and failure not in known:
            store.record_failure(engine, *failure)
            result.failed.append(list(failure))
    return result


class _Sig(NamedTuple):
    hashvalues: np.ndarray


class _Batch:
    """One transaction's worth of rows, matched in memory against what it fetched."""

    def __init__(self, conn: Connection, version: str, recover: bool) -> None:
        self.conn = conn
        self.version = version
        self.recover = recover
        self.ids: set[str] = set()
        self.urls: set[str] = set()
        self.bands: dict[int, list[str]] = defaultdict(list)  # band -> article ids holding it
        self.held: dict[str, tuple[str, str, bytes | None]] = {}  # article id -> (ingested_at, wire_group, minhash)
        self.entity_ids: dict[tuple[str, str], int] = {}  # (kind, key) -> id
        self.deal_rows: dict[tuple[str | None, str], list[dict]] = defaultdict(list)  # (recipient, platform)
        self.deal_changes: dict[int, dict] = defaultdict(dict)  # stored deal id -> columns to set
        self.new_deals: set[int] = set()
        self.event_rows: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (type, countries)
        self.event_by_id: dict[int, dict] = {}
        self.event_reports: dict[int, list[tuple[str | None, str | None]]] = {}  # event id -> [(date, reported)]
        self.next_id: dict[str, int] = {}
        self.touched_deals: set[int] = set()
        self.touched_events: set[int] = set()
        self.out: dict[str, list[dict]] = defaultdict(list)  # table name -> rows to write, in order

    def run(self, rows: list[dict], result: LoadResult) -> None:
        docs = [r for r in rows if r["kind"] == "article"]
        records = [store.canonical_view(json.loads(r["record"])) for r in docs]
        self._fetch(docs, records)
        known_failures = _pending_failures(self.conn, rows) if self.recover else set()
        it = iter(records)
        for row in rows:
            if row["kind"] == "article":
                self._article(row, next(it), result)
            elif (row["source"], row["reason"]) not in known_failures:
                self.out["failures"].append({"source": row["source"], "reason": row["reason"], "at": store.now()})
                result.failed.append([row["source"], row["reason"]])
        self._flush()
        _reconcile_deals(self.conn, sorted(self.touched_deals))
        _reconcile_events(self.conn, sorted(self.touched_events))
        result.deals += len(self.touched_deals)
        result.events += len(self.touched_events)

    # -- what the batch needs of the ledger ------------------------------------------------

    def _fetch(self, docs: list[dict], records: list[dict]) -> None:
        conn = self.conn
        for chunk in _chunks([d["id"] for d in docs]):
            self.ids.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
        for chunk in _chunks(sorted({d["url"] for d in docs if d["url"]})):
            self.urls.update(conn.execute(select(articles.c.url).where(articles.c.url.in_(chunk))).scalars())
        for chunk in _chunks(sorted({b for d in docs for b in d["bands"]})):
            q = (select(article_bands.c.band, articles.c.id, articles.c.ingested_at, articles.c.wire_group,
                        articles.c.minhash)
                 .join(articles, articles.c.id == article_bands.c.article_id).where(article_bands.c.band.in_(chunk)))
            for band, aid, ingested, wire, minhash in conn.execute(q):
                self.bands[band].append(aid)
                self.held[aid] = (ingested, wire, minhash)
        keys: set[str] = set()
        platforms: set[str] = set()
        event_keys: set[tuple[str, str]] = set()
        for rec in records:
            for e in rec["entities"]:
                e["_key"] = entity_key(e["kind"], e["name"])
                keys.add(e["_key"])
            platforms.update(d["platform"] for d in rec["deals"])
            event_keys.update((v["type"], reconcile.event_countries(v)) for v in rec["events"])
        for chunk in _chunks(sorted(keys)):
            q = select(entities.c.id, entities.c.kind, entities.c.key).where(entities.c.key.in_(chunk))
            self.entity_ids.update({(kind, key): eid for eid, kind, key in conn.execute(q)})
        cols = (deals.c.id, deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on,
                deals.c.order_year)
        for chunk in _chunks(sorted(platforms)):
            for r in conn.execute(select(*cols).where(deals.c.platform.in_(chunk)).order_by(deals.c.id)):
                self.deal_rows[(r.recipient, r.platform)].append(dict(r._mapping))
        for chunk in _chunks(sorted({t for t, _ in event_keys})):
            q = (select(events.c.id, events.c.type, events.c.countries, events.c.date, events.c.last_reported)
                 .where(events.c.type.in_(chunk)).order_by(events.c.id))
            for r in conn.execute(q):
                if (r.type, r.countries) in event_keys:
                    self.event_by_id[r.id] = dict(r._mapping)
                    self.event_rows[(r.type, r.countries)].append(self.event_by_id[r.id])
        for table in (entities, deals, events):
            self.next_id[table.name] = _next_id(conn, table)

    def _new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    # -- one article, as store.add_article stores it -----------------------------------------

    def _article(self, row: dict, record: dict, result: LoadResult) -> None:
        aid, url = row["id"], row["url"]
        if aid in self.ids or (url and url in self.urls):
            result.duplicates += 1
            return
        reported = record["article"].get("published") or record["article"].get("reference_date")
        copy_of = self._near_duplicate(row["minhash"], row["bands"])
        ingested = store.now()
        self.out["articles"].append({
            "id": aid, "url": url, "source": row["source"], "title": row["title"], "publisher": row["publisher"],
            "published": row["published"], "reported": reported, "ingested_at": ingested, "words": row["words"],
            "wire_group": copy_of or aid, "extractor": self.version, "minhash": row["minhash"], "text": row["text"]})
        self.out["article_bands"] += [{"band": b, "article_id": aid} for b in row["bands"]]
        self.ids.add(aid)
        if url:
            self.urls.add(url)
        self.held[aid] = (ingested, copy_of or aid, row["minhash"])
        for b in row["bands"]:
            self.bands[b].append(aid)

        names = self._entities(aid, record["entities"])
        for d in record["deals"]:
            deal_id = self._deal_for(d)
            self.touched_deals.add(deal_id)
            for c in store._deal_claims(d, aid, reported):
                c["deal_id"] = deal_id
                self.out["claims"].append(c)
        touched: set[int] = set()
        for v in record["events"]:
            event_id = self._event_for(v, reported)
            touched.add(event_id)
            date = v.get("date") or {}
            ev = v.get("evidence") or {}
            named = dict(v, participants=[names.get(p, p) for p in v.get("participants", [])],
                         platforms=[names.get(p, p) for p in v.get("platforms", [])],
                         location=names.get(v.get("location"), v.get("location")))
            self.out["event_sources"].append({
                "event_id": event_id, "article_id": aid, "record_id": v["id"], "status": v.get("status"),
                "date": date.get("value"), "date_precision": date.get("precision"), "text": ev.get("text"),
                "start": ev.get("start"), "end": ev.get("end"), "reported": reported,
                "record": json.dumps(named, ensure_ascii=False)})
            self._event_reports(event_id).append((date.get("value"), reported))
        # add_article reconciles an article's events after storing all of them: only then do
        # their date and last report change, for the next article's matching
        for event_id in touched:
            self._refresh_event(event_id)
        self.touched_events |= touched
        result.added += 1
        result.copies += bool(copy_of)

    def _near_duplicate(self, minhash: bytes, bands: list[int]) -> str | None:
        sig = _Sig(np.frombuffer(minhash, dtype=np.uint64))
        candidates = {aid for b in bands for aid in self.bands.get(b, ())}
        for aid in sorted(candidates, key=lambda a: (self.held[a][0], a)):  # store orders by ingested_at, id
            _, wire, stored = self.held[aid]
            if stored and dedup.similarity(sig, stored) >= dedup.SIMILAR:
                return wire
        return None

    def _entities(self, article_id: str, ents: list[dict]) -> dict[str, str]:
        names: dict[str, str] = {}
        for e in ents:
            names[e["id"]] = e["name"]
            key = (e["kind"], e["_key"])
            entity_id = self.entity_ids.get(key)
            if entity_id is None:
                entity_id = self.entity_ids[key] = self._new_id("entities")
                self.out["entities"].append({"id": entity_id, "kind": e["kind"], "name": e["name"], "key": e["_key"],
                                             "code": e.get("code"), "country": e.get("country"),
                                             "category": e.get("category")})
            self.out["mentions"] += [{"entity_id": entity_id, "article_id": article_id, "start": m["start"],
                                      "end": m["end"], "text": m["text"], "role": e.get("role")}
                                     for m in e.get("mentions", [])]
        return names

    def _deal_for(self, d: dict) -> int:
        candidates = self.deal_rows[(d.get("recipient"), d["platform"])]
        match = reconcile.match_deal(d, candidates)
        year = reconcile.order_year(d)
        if match:
            if year is not None and match["order_year"] is None:
                match["order_year"] = year
                self._change_deal(match, "order_year", year)
            if d.get("supplier") and not match["supplier"]:
                match["supplier"] = d["supplier"]
                self._change_deal(match, "supplier", d["supplier"])
            return match["id"]
        row = {"id": self._new_id("deals"), "supplier": d.get("supplier"), "recipient": d.get("recipient"),
               "platform": d["platform"], "category": d.get("category"), "follow_on": int(bool(d.get("follow_on"))),
               "order_year": year, "hedged": 0, "sources": 0, "independent_sources": 0, "conflicts": 0,
               "rejected": 0, "updated_at": store.now()}
        self.out["deals"].append(row)
        self.new_deals.add(row["id"])
        candidates.append(row)  # the same dict: a later change reaches the row written
        return row["id"]

    def _change_deal(self, match: dict, column: str, value) -> None:
        if match["id"] not in self.new_deals:  # a deal stored before this batch; a new one is written as it is
            self.deal_changes[match["id"]][column] = value

    def _event_for(self, v: dict, reported: str | None) -> int:
        countries = reconcile.event_countries(v)
        candidates = self.event_rows[(v["type"], countries)]
        match = reconcile.match_event(v, reported, candidates)
        if match:
            return match["id"]
        date = v.get("date") or {}
        event_id = self._new_id("events")
        self.out["events"].append({"id": event_id, "type": v["type"], "countries": countries,
                                   "date": date.get("value"), "date_precision": date.get("precision"),
                                   "status": v.get("status"), "sources": 0, "independent_sources": 0,
                                   "updated_at": store.now()})
        self.event_by_id[event_id] = {"id": event_id, "type": v["type"], "countries": countries,
                                      "date": date.get("value"), "last_reported": None}
        candidates.append(self.event_by_id[event_id])
        self.event_reports[event_id] = []
        return event_id

    def _event_reports(self, event_id: int) -> list[tuple[str | None, str | None]]:
        if event_id not in self.event_reports:  # an event stored before this batch: its reports so far
            q = (select(event_sources.c.date, event_sources.c.reported)
                 .where(event_sources.c.event_id == event_id).order_by(event_sources.c.id))
            self.event_reports[event_id] = [tuple(r) for r in self.conn.execute(q)]
        return self.event_reports[event_id]

    def _refresh_event(self, event_id: int) -> None:
        """The date and last report `store.reconcile_stored_event` gives the event now."""
        reports = self.event_reports[event_id]
        ordered = sorted(reports, key=lambda r: r[1] or "")
        dated = [r for r in ordered if r[0]]
        best = max(dated, key=lambda r: (len(r[0]), r[1] or "")) if dated else None
        reported = sorted(r[1] for r in reports if r[1])
        event = self.event_by_id[event_id]
        event["date"] = best[0] if best else None
        event["last_reported"] = reported[-1] if reported else None

    # -- writing ------------------------------------------------------------------------------

    def _flush(self) -> None:
        conn = self.conn
        for table in (entities, deals, events):
            _write(conn, table, self.out[table.name])
        if conn.dialect.name == "postgresql":
            for table in (entities, deals, events):
                if self.out[table.name]:
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :v)"),
                                 {"v": self.next_id[table.name] - 1})
        for deal_id, values in self.deal_changes.items():
            conn.execute(update(deals).where(deals.c.id == deal_id).values(**values))
        for table in (articles, article_bands, mentions, claims, event_sources, failures):
            _write(conn, table, self.out[table.name])


def _next_id(conn: Connection, table) -> int:
    """The id the database gives the next row of `table`: max + 1 on SQLite, the sequence's next on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        seq = conn.execute(text(f"SELECT pg_get_serial_sequence('{table.name}', 'id')")).scalar()
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {seq}")).one()
        return last + 1 if called else last
    return (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1


# -- reconciling many deals and events at once (as store.reconcile_stored_deal / _event) ------------

def _reconcile_deals(conn: Connection, deal_ids: list[int]) -> None:
    if not deal_ids:
        return
    by_deal: dict[int, list[dict]] = defaultdict(list)  # as store.deal_claims gives them: in claim order
    for chunk in _chunks(deal_ids):
        q = (select(claims.c.deal_id.label("_deal"), *store.CLAIM_COLUMNS)
             .join(articles, articles.c.id == claims.c.article_id)
             .where(claims.c.deal_id.in_(chunk)).order_by(claims.c.deal_id, claims.c.id))
        for r in conn.execute(q):
            row = dict(r._mapping)
            by_deal[row.pop("_deal")].append(dict(row, value=json.loads(row["value"])))
    fixes: dict[int, list[dict]] = defaultdict(list)
    for chunk in _chunks(deal_ids):
        q = select(corrections).where(corrections.c.deal_id.in_(chunk)).order_by(corrections.c.id)
        for r in conn.execute(q):
            fixes[r.deal_id].append(dict(r._mapping, value=json.loads(r.value) if r.value else None))
    updates, new_conflicts = [], []
    for deal_id in deal_ids:
        rec = reconcile.reconcile_deal(by_deal[deal_id], fixes[deal_id])
        values = store.deal_columns(rec)
        updates.append({"b_id": deal_id, **{f"b_{k}": v for k, v in values.items()}})
        new_conflicts += [{"deal_id": deal_id, "field": c["field"], "summary": c["summary"],
                           "claims": json.dumps(c["claims"], ensure_ascii=False)} for c in rec["conflicts"]]
    with_category = [u for u in updates if "b_category" in u]
    without = [u for u in updates if "b_category" not in u]
    for group in (with_category, without):
        if group:
            cols = [k[2:] for k in group[0] if k != "b_id"]
            stmt = store.update_by_id(deals, cols)
            conn.execute(stmt, group)
    for chunk in _chunks(deal_ids):
        conn.execute(delete(conflicts).where(conflicts.c.deal_id.in_(chunk)))
    _write(conn, conflicts, new_conflicts)


def _reconcile_events(conn: Connection, event_ids: list[int]) -> None:
    if not event_ids:
        return
    by_event: dict[int, list[dict]] = defaultdict(list)
    for chunk in _chunks(event_ids):
        q = (select(event_sources.c.event_id, event_sources.c.article_id, event_sources.c.status,
                    event_sources.c.date, event_sources.c.date_precision, event_sources.c.reported,
                    event_sources.c.record, articles.c.wire_group)
             .join(articles, articles.c.id == event_sources.c.article_id)
             .where(event_sources.c.event_id.in_(chunk)).order_by(event_sources.c.id))
        for r in conn.execute(q):
            by_event[r.event_id].append(dict(r._mapping))
    updates = []
    for event_id in event_ids:
        cols = store.event_columns(by_event[event_id])
        updates.append({"b_id": event_id, **{f"b_{k}": v for k, v in cols.items()}})
    cols = [k[2:] for k in updates[0] if k != "b_id"]
    stmt = store.update_by_id(events, cols)
    conn.execute(stmt, updates)


# -- helpers ------------------------------------------------------------------------------

def _pending_failures(conn: Connection, rows: list[dict]) -> set[tuple[str, str]]:
    """The (source, reason) of the rows' errors already recorded and not retried."""
    sources = sorted({r["source"] for r in rows if r["kind"] == "error"})
    known: set[tuple[str, str]] = set()
    for chunk in _chunks(sources):
        q = select(failures.c.source, failures.c.reason).where(and_(failures.c.source.in_(chunk),
                                                                    failures.c.retried == 0))
        known.update((s, r) for s, r in conn.execute(q))
    return known


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _write(conn: Connection, table, rows: list[dict]) -> None:
    """Insert rows in order: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    cols = list(rows[0])
    # COPY bypasses SQLAlchemy, so the columns' Python-side defaults are filled in here
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in rows[0] and c.default is not None and c.default.is_scalar}
    names = ", ".join(f'"{c}"' for c in cols + list(defaults))
    tail = list(defaults.values())
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for r in rows:
            copy.write_row([r[c] for c in cols] + tail)
