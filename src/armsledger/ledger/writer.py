"""The ledger's one write path: articles and their records -> stored claims, reconciled deals and events.

`armsledger ingest` (`Ledger.ingest`, `store.add_article`), the backfill's loader and
`armsledger reextract` all store through `write()`: many articles to a transaction, under
the ledger's write lock, so a run killed at any point leaves each article stored completely
or not at all.

0. What an article's record gives whatever the ledger holds (its claim, mention and event-source rows,
   the keys it is matched by: `ready`) is built by the process that extracted it (`article_row`, the
   backfill's shard rows; both in `rows`, which imports no database library), so that the writer, under the
   lock, only gives ids and matches.
1. A few queries fetch what the batch needs of the ledger: stored ids and URLs, the
   articles sharing a MinHash band with the batch, its entities, and the deals and
   events its records may match.
2. Each article, in order, is matched in memory: duplicate (same text or URL, stored or
   earlier in the batch), near-duplicate wire group, entities by key, `reconcile.match_deal`,
   `reconcile.match_event`. New entities, deals and events take the ids the database
   would give them next.
3. All rows are written together (COPY on PostgreSQL, executemany on SQLite), then every
   deal and event the batch touched is reconciled once, and what that changed goes to the
   change feed (`changes`: one row per change a batch made, not one per article).

Matching a deal reads only columns that reconciling never writes, so a deal can be
reconciled once at the end of the batch and end as if reconciled after every article.
Matching an event reads its reconciled date and last report, so those two are brought up
to date in memory after each article.
"""
from __future__ import annotations

import gc
import itertools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import BigInteger, Integer, Text, and_, delete, func, select, text, update
from sqlalchemy.engine import Connection

from . import aggregates, changes, dedup, reconcile
from .schema import (
    SEARCH_VECTOR,
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
from .schema import changes as changes_table
from .rows import (  # noqa: F401 - built where articles are extracted; named here as the write path's
    DEAL_FIELDS,
    READY_FORM,
    _entity_key,
    _float,
    _json,
    article_row,
    canonical_view,
    deal_claims,
    ready,
    ready_json,
    ready_or_none,
)

CHUNK = 500  # values in one IN (...) list

# the same few names come back in every article (countries, services, platforms): 5,339 entities of
# corpus/train's 432 reports hold 940 names


def loads(text: str | bytes):
    """JSON text -> Python values, as `json.loads` gives them: by orjson (~1.7× faster on `ready` payloads), by
    `json` where orjson declines (NaN, integers beyond 64 bits) or is not installed."""
    try:
        return _orjson_loads(text)
    except ValueError:  # orjson.JSONDecodeError is one
        return json.loads(text)


try:
    from orjson import loads as _orjson_loads
except ImportError:  # pragma: no cover - a declared dependency
    _orjson_loads = json.loads


@dataclass
class Added:
    """What storing one article did."""

    article_id: str
    source: str
    status: str  # "added", "duplicate" (same text or URL already stored)
    copy_of: str | None = None  # the first article of its wire group, when it is a near-duplicate
    deals: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)


def now() -> str:
    """UTC time to the microsecond: also orders articles by when they were stored."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def error_row(source: str, reason: str) -> dict:
    """An input that could not be read, recorded in `failures` in its place in the batch."""
    return {"kind": "error", "source": source, "reason": reason}


def write_lock(conn: Connection) -> None:
    """PostgreSQL: serialise concurrent writers (SQLite's BEGIN IMMEDIATE does it there)."""
    if conn.dialect.name == "postgresql":
        from .db import PG_WRITE_LOCK

        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})


def write(conn: Connection, rows: list[dict], *, version: str) -> list[Added | None]:
    """Store `rows` (`article_row`s and `error_row`s) in order in the open transaction `conn`;
    one `Added` an article row (None an error row). The caller holds the write lock."""
    with paused_gc():
        return _Batch(conn, version).run(rows)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off for a batch's write (as it was before, after it).

    The write allocates tens of thousands of short-lived objects (rows read and built, SQLAlchemy's results), each
    `gc` threshold's worth setting off a collection that walks the young objects, and now and then a full one that
    walks the process's whole heap (the ingest parent's imports, the batch's records): measured 29 % of the
    `ingest --jobs 2` parent's CPU (630 reports), nearly all of it finding nothing, since the rows are freed by
    their reference counts. What the batch leaves in cycles is collected after it, by the next collection."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def replace(conn: Connection, article_id: str, record: dict, *, version: str) -> tuple[set[int], set[int]]:
    """Re-extraction: the stored article's claims give way to `record`'s; the deals and events
    it touched, before and after, are reconciled again. Corrections are keyed by deal, field
    and article, so they still apply."""
    reported = conn.execute(select(articles.c.reported).where(articles.c.id == article_id)).scalar()
    old_deals = set(conn.execute(select(claims.c.deal_id).where(claims.c.article_id == article_id)).scalars())
    old_events = set(conn.execute(
        select(event_sources.c.event_id).where(event_sources.c.article_id == article_id)).scalars())
    conn.execute(delete(claims).where(claims.c.article_id == article_id))
    conn.execute(delete(event_sources).where(event_sources.c.article_id == article_id))
    conn.execute(delete(mentions).where(mentions.c.article_id == article_id))
    conn.execute(update(articles).where(articles.c.id == article_id).values(extractor=version))
    batch = _Batch(conn, version)
    plan = ready(article_id, record)
    batch.fetch([], [plan])
    new_deals, new_events = batch.claims(article_id, plan, reported)
    batch.flush()
    reconcile_deals(conn, sorted(old_deals | new_deals), full=True)
    reconcile_events(conn, sorted(old_events | new_events))
    _drop_orphan_deals(conn, old_deals - new_deals)
    return new_deals, new_events


def ready_of(row: dict) -> dict:
    """An article row's `ready` payload: as it came (decoded when JSON text) when of this form, else built from
    the record here."""
    got = row.get("ready")
    if isinstance(got, (str, bytes)):
        got = loads(got)
    if not isinstance(got, dict) or got.get("form") != READY_FORM:
        got = ready(row["id"], row["record"])
    return got


class _Batch:
    """One transaction's worth of rows, matched in memory against what it fetched."""

    def __init__(self, conn: Connection, version: str, *, bulk: bool = False) -> None:
        self.conn = conn
        self.version = version
        # a bulk load into an empty ledger (`BulkLoad`): everything matching needs is what this object
        # stored itself, so no batch but the first reads the ledger, and reconciling waits for the end
        self.bulk = bulk
        self.pipeline: _Pipeline | None = None  # a bulk load's writer thread
        self.ids: set[str] = set()
        self.urls: dict[str, str] = {}  # url -> id of the article stored from it
        self.bands: dict[int, list[str]] = defaultdict(list)  # band -> article ids holding it
        self.held: dict[str, tuple[str, str, bytes | None]] = {}  # article id -> (ingested_at, wire_group, minhash)
        self.entity_ids: dict[tuple[str, str], int] = {}  # (kind, key) -> id
        self.deal_rows: dict[tuple[str | None, str], list[dict]] = defaultdict(list)  # (recipient, platform)
        self.deal_changes: dict[int, dict] = defaultdict(dict)  # stored deal id -> columns to set
        self.new_deals: set[int] = set()
        self.event_rows: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (type, countries)
        self.event_by_id: dict[int, dict] = {}
        self.event_reports: dict[int, dict] = {}  # event id -> its best-dated report and latest report date
        self.event_added: dict[int, list[dict]] = defaultdict(list)  # event id -> its event_sources rows of the batch
        self.next_id: dict[str, int] = {}
        self.touched_deals: set[int] = set()
        self.touched_events: set[int] = set()
        self.out: dict[str, list[dict]] = defaultdict(list)  # table name -> rows to write, in order
        # a bulk load reconciles at its end from what it stored, kept here as reconciling reads it back:
        # each deal's claims (`aggregates.CLAIM_COLUMNS`) and each event's sources (`event_columns`'s rows)
        self.deal_claims: dict[int, list[dict]] = defaultdict(list)
        self.event_sources: dict[int, list[dict]] = defaultdict(list)
        self._article_of: tuple = ()  # the article being stored: (wire group, publisher, title, url)
        # a bulk load's new deals and events as matching left them (the deals' rows the same dicts matching
        # reads and changes), by id: what reconciling at the end starts from
        self.bulk_deals: dict[int, dict] = {}
        self.bulk_events: dict[int, dict] = {}
        # PostgreSQL's bulk load: the deals' and events' rows are written once, reconciled, at the end
        # (`BulkLoad.finish`), not inserted here and updated there (its foreign keys are checked at the end)
        self.hold_rows = False
        # a new deal's or event's `updated_at` as first written: reconciling it at the end of the batch (of the
        # load) sets it again, so one clock reading serves them all
        self.stamp = now()

    def run(self, rows: list[dict]) -> list[Added | None]:
        docs = [r for r in rows if r["kind"] == "article"]
        plans = [ready_of(r) for r in docs]  # built by the extracting process, or here from the record
        self.fetch(docs, plans)
        it = iter(plans)
        results: list[Added | None] = []
        for row in rows:
            if row["kind"] == "article":
                results.append(self._article(row, next(it)))
                continue
            self.out["failures"].append({"source": row["source"], "reason": row["reason"], "at": now()})
            results.append(None)
        self.flush()
        if self.bulk:
            self.event_added.clear()  # every event is new: reconciled from its sources at the end
            return results
        reconcile_deals(self.conn, sorted(self.touched_deals))
        reconcile_events(self.conn, sorted(self.touched_events), added=self.event_added)
        return results

    # -- what the batch needs of the ledger ------------------------------------------------

    def fetch(self, docs: list[dict], plans: list[dict]) -> None:
        """What matching the articles (`docs`, their `ready` payloads `plans`) needs of the ledger."""
        conn = self.conn
        if self.bulk:
            if not self.next_id:
                for table in (entities, deals, events, claims):
                    self.next_id[table.name] = _next_id(conn, table)
            return
        # the lookups below in SQL of their own, run by the driver (`_rows_in`): SQLAlchemy's building, compiling
        # and expanding of an IN list of hundreds of values, and its result rows, cost more than the queries
        self.ids.update(aid for aid, in _rows_in(conn, "SELECT id FROM articles WHERE id", [d["id"] for d in docs]))
        self.urls.update(_rows_in(conn, "SELECT url, id FROM articles WHERE url",
                                  sorted({d["url"] for d in docs if d["url"]})))
        for band, aid, ingested, wire, minhash in _rows_in(
                conn, "SELECT b.band, a.id, a.ingested_at, a.wire_group, a.minhash FROM article_bands b "
                      "JOIN articles a ON a.id = b.article_id WHERE b.band", sorted({b for d in docs for b in d["bands"]})):
            self.bands[band].append(aid)
            self.held[aid] = (ingested, wire, None if minhash is None else bytes(minhash))
        keys: set[str] = set()
        matches: set[tuple[str | None, str]] = set()
        event_keys: set[tuple[str, str]] = set()
        for plan in plans:
            keys.update(e[2] for e in plan["entities"])
            matches.update((d["head"]["recipient"], d["head"]["platform"]) for d in plan["deals"])
            event_keys.update((v["head"]["type"], reconcile.event_countries(v["head"])) for v in plan["events"])
        self.entity_ids.update({(kind, key): eid for eid, kind, key in
                                _rows_in(conn, 'SELECT id, kind, "key" FROM entities WHERE "key"', sorted(keys))})
        cols = ("id", "supplier", "recipient", "platform", "follow_on", "order_year")
        names = ", ".join(f'"{c}"' for c in cols)
        # the deals and events of the batch's (recipient, platform) and (type, countries) pairs, looked
        # up in the index on each pair (`a IN (...) AND b IN (...)`; row values `(a, b) IN (...)` scan
        # the whole index on SQLite): not every deal of a platform or every event of a type
        recipients = sorted({r for r, _ in matches if r is not None})
        found = []
        for named in (True, False):
            platforms = sorted({p for r, p in matches if (r is not None) == named})
            if named and platforms:
                head = f"SELECT {names} FROM deals WHERE recipient IN ({_marks(conn, len(recipients))}) AND platform"
                found += _rows_in(conn, head, platforms, before=recipients, tail=" ORDER BY id")
            elif platforms:
                found += _rows_in(conn, f"SELECT {names} FROM deals WHERE recipient IS NULL AND platform",
                                  platforms, tail=" ORDER BY id")
        for r in found:
            if (r[2], r[3]) in matches:
                self.deal_rows[(r[2], r[3])].append(dict(zip(cols, r)))
        types = sorted({t for t, _ in event_keys})
        ecols = ("id", "type", "countries", "date", "last_reported")
        head = (f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in ecols)} FROM events "
                f'WHERE "type" IN ({_marks(conn, len(types))}) AND countries')
        for r in _rows_in(conn, head, sorted({c for _, c in event_keys}), before=types, tail=" ORDER BY id"):
            if (r[1], r[2]) in event_keys:
                self.event_by_id[r[0]] = dict(zip(ecols, r))
                self.event_rows[(r[1], r[2])].append(self.event_by_id[r[0]])
        for table in (entities, deals, events):
            self.next_id[table.name] = _next_id(conn, table)

    def _new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    # -- one article ----------------------------------------------------------------------------

    def _article(self, row: dict, plan: dict) -> Added:
        aid, url = row["id"], row["url"]
        if aid in self.ids:
            return Added(aid, row["source"], "duplicate")
        if url and url in self.urls:
            return Added(self.urls[url], row["source"], "duplicate")
        reported = plan["reported"]
        copy_of = self._near_duplicate(row["minhash"], row["bands"])
        ingested = now()
        self.out["articles"].append({
            "id": aid, "url": url, "source": row["source"], "title": row["title"], "publisher": row["publisher"],
            "published": row["published"], "reported": reported, "ingested_at": ingested, "words": row["words"],
            "wire_group": copy_of or aid, "extractor": self.version, "minhash": row["minhash"], "text": row["text"]})
        self.out["article_bands"] += [(b, aid) for b in row["bands"]]
        self.ids.add(aid)
        if url:
            self.urls[url] = aid
        self.held[aid] = (ingested, copy_of or aid, row["minhash"])
        for b in row["bands"]:
            self.bands[b].append(aid)
        self._article_of = (copy_of or aid, row["publisher"], row["title"], url)
        touched_deals, touched_events = self.claims(aid, plan, reported)
        return Added(aid, row["source"], "added", copy_of, sorted(touched_deals), sorted(touched_events))

    def claims(self, aid: str, plan: dict, reported: str | None) -> tuple[set[int], set[int]]:
        """Entities, mentions, deal claims and event sources of one article (its `ready` payload, built for
        `aid`): ids given and records matched; the deals and events touched."""
        self._entities(aid, plan["entities"])
        touched_deals: set[int] = set()
        keep = self.bulk
        wire, publisher, title, url = self._article_of if keep else (None,) * 4
        out_claims = self.out["claims"]
        for d in plan["deals"]:
            deal_id = self._deal_for(d["head"])
            touched_deals.add(deal_id)
            if not keep:
                out_claims += [dict(c, deal_id=deal_id) for c in d["claims"]]
                continue
            # the same dict written and reconciled from: the writer thread is done with it before reconciling
            kept = self.deal_claims[deal_id]
            for c in d["claims"]:
                c = dict(c, deal_id=deal_id, id=self._new_id("claims"), wire_group=wire, publisher=publisher,
                         title=title, url=url)
                out_claims.append(c)
                kept.append(c)
        touched: set[int] = set()
        for v in plan["events"]:
            head = v["head"]
            event_id = self._event_for(head, reported)
            touched.add(event_id)
            row = dict(v["row"], event_id=event_id)
            self.out["event_sources"].append(row)
            self.event_added[event_id].append(row)
            if keep:
                self.event_sources[event_id].append({
                    "article_id": aid, "status": head["status"], "date": row["date"],
                    "date_precision": row["date_precision"], "reported": reported, "wire_group": wire,
                    "_record": v["keep"]})
            self._event_report(event_id, row["date"], reported)
        # an article's events are reconciled after all of them are stored: only then do their
        # date and last report change, for the next article's matching
        for event_id in touched:
            self._refresh_event(event_id)
        self.touched_deals |= touched_deals
        self.touched_events |= touched
        return touched_deals, touched

    def _near_duplicate(self, minhash: bytes, bands: list[int]) -> str | None:
        candidates = {aid for b in bands for aid in self.bands.get(b, ())}
        for aid in sorted(candidates, key=lambda a: (self.held[a][0], a)):  # the earliest stored first
            _, wire, stored = self.held[aid]
            if stored and dedup.similarity_of(minhash, stored) >= dedup.SIMILAR:
                return wire
        return None

    def _entities(self, article_id: str, ents: list[list]) -> None:
        """Entities by kind and spelling-independent key (`ready`'s entities), and their mentions."""
        entity_ids, mentions = self.entity_ids, self.out["mentions"]
        for kind, name, ekey, code, country, category, role, spans in ents:
            entity_id = entity_ids.get((kind, ekey))
            if entity_id is None:
                entity_id = entity_ids[(kind, ekey)] = self._new_id("entities")
                self.out["entities"].append({"id": entity_id, "kind": kind, "name": name, "key": ekey,
                                             "code": code, "country": country, "category": category})
            mentions += [(entity_id, article_id, start, end, text_, role) for start, end, text_ in spans]

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
               "rejected": 0, "updated_at": self.stamp}
        self.out["deals"].append(row)
        self.new_deals.add(row["id"])
        if self.bulk:
            self.bulk_deals[row["id"]] = row
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
                                   "updated_at": self.stamp})
        if self.bulk:
            self.bulk_events[event_id] = self.out["events"][-1]
        self.event_by_id[event_id] = {"id": event_id, "type": v["type"], "countries": countries,
                                      "date": date.get("value"), "last_reported": None}
        candidates.append(self.event_by_id[event_id])
        self.event_reports[event_id] = {"best": None, "best_reported": "", "last": None}
        return event_id

    def _event_report(self, event_id: int, date: str | None, reported: str | None) -> None:
        """One more report of the event: its best-dated report (the most precise date, the latest report
        on a tie, the first stored on a full tie) and its latest report date, as `event_columns` has them.
        For an event stored before the batch, when its best was reported is looked up only if a tie needs it."""
        if event_id not in self.event_reports:  # an event stored before this batch: its date is the best
            event = self.event_by_id[event_id]
            self.event_reports[event_id] = {"best": event["date"], "best_reported": None if event["date"] else "",
                                            "last": event["last_reported"]}
        s = self.event_reports[event_id]
        rep = reported or ""
        if date and s["best"] and len(date) == len(s["best"]) and s["best_reported"] is None:
            if rep > (s["last"] or ""):  # newer than every report so far: it wins the tie
                s["best_reported"] = ""
            elif date == s["best"]:  # the same date either way; the best's report date is this one or later
                s["best_reported"] = None if rep < (s["last"] or "") else rep
                date = None
            else:
                s["best_reported"] = _reported_of_best(self.conn, self.event_by_id[event_id])
        if date and (not s["best"] or (len(date), rep) > (len(s["best"]), s["best_reported"])):
            s["best"], s["best_reported"] = date, rep
        if reported and (s["last"] is None or reported > s["last"]):
            s["last"] = reported

    def _refresh_event(self, event_id: int) -> None:
        """The date and last report `event_columns` gives the event now."""
        s = self.event_reports[event_id]
        event = self.event_by_id[event_id]
        event["date"] = s["best"]
        event["last_reported"] = s["last"]

    # -- writing ------------------------------------------------------------------------------

    def flush(self) -> None:
        out, changed = self.out, self.deal_changes
        self.out, self.deal_changes = defaultdict(list), defaultdict(dict)
        self.new_deals.clear()  # written: what a later article of a bulk load changes in them is an UPDATE
        if self.pipeline is None:
            _write_out(self.conn, out, changed, self.next_id)
            return
        if self.hold_rows:  # written at the end, reconciled; what later articles change is in the rows held
            out["deals"], out["events"], changed = [], [], {}
        # a new deal's row is the dict matching reads and changes: the writer gets a copy
        out["deals"] = [dict(r) for r in out["deals"]]
        self.pipeline.submit(_write_out, self.conn, out, changed, dict(self.next_id))


def _write_out(conn: Connection, out: dict[str, list[dict]], changed: dict[int, dict], next_id: dict[str, int]) -> None:
    """A batch's rows into the database: new entities, deals and events first, then what points at them."""
    for table in (entities, deals, events):
        write_rows(conn, table, out[table.name])
    if conn.dialect.name == "postgresql":
        for name in next_id:  # the tables whose rows were given ids here (a bulk load's claims too)
            if out[name]:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), :v)"),
                             {"v": next_id[name] - 1})
    for deal_id, values in changed.items():
        conn.execute(update(deals).where(deals.c.id == deal_id).values(**values))
    write_rows(conn, articles, out["articles"])
    write_tuples(conn, article_bands, ("band", "article_id"), out["article_bands"])
    write_tuples(conn, mentions, MENTION_COLUMNS, out["mentions"])
    if out["claims"]:  # `ready`'s claims: the value as stored is "json"; a bulk load gives their ids
        keys = {c: c for c in CLAIM_ROW} | {"value": "json"} | ({"id": "id"} if "id" in out["claims"][0] else {})
        write_rows(conn, claims, out["claims"], keys)
    for table in (event_sources, failures):
        write_rows(conn, table, out[table.name])


MENTION_COLUMNS = ("entity_id", "article_id", "start", "end", "text", "role")  # a mention row's tuple
CLAIM_ROW = ("deal_id", "article_id", "record_id", "field", "value", "number", "text", "start", "end", "reported",
             "hedged", "sentence_start", "sentence_end")


def _execute_all(conn: Connection, statements: list[str]) -> None:
    """The statements in order: on PostgreSQL sent together, in one round trip (no parameters: the simple
    query protocol runs them one after the other in the open transaction)."""
    if conn.dialect.name == "postgresql" and statements:
        conn.exec_driver_sql(";\n".join(statements))
        return
    for sql in statements:
        conn.exec_driver_sql(sql)


class _Pipeline:
    """One thread writing a bulk load's batches while the next is matched: the database's own work (SQLite's
    inserts, in C without the GIL; PostgreSQL's server, another process) overlaps the matching in Python.
    One batch at most waits, so memory stays bounded; the connection is the writer's alone until `wait`."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(1, thread_name_prefix="armsledger-bulk-writer")
        self._pending = None

    def submit(self, fn, *args) -> None:
        self.wait()
        self._pending = [self._pool.submit(fn, *args)]

    def queue(self, fn, *args) -> None:
        """`fn(*args)` run after what was handed over before, without waiting for it (the end of a bulk load:
        what is written is in memory already, so memory stays bounded)."""
        self._pending = (self._pending or []) + [self._pool.submit(fn, *args)]

    def wait(self) -> None:
        """Until what was handed over is written; the first error, if any, raised here."""
        pending, self._pending = self._pending or [], None
        for job in pending:
            job.exception()  # every job done before the connection is given back
        for job in pending:
            job.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self._pool.shutdown(wait=True)


def _next_id(conn: Connection, table) -> int:
    """The id the database gives the next row of `table`: max + 1 on SQLite, the sequence's next on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        seq = conn.execute(text(f"SELECT pg_get_serial_sequence('{table.name}', 'id')")).scalar()
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {seq}")).one()
        return last + 1 if called else last
    return (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1


# -- reconciling the deals and events a batch touched ------------------------------------------

CLAIM_COLUMNS = aggregates.CLAIM_COLUMNS  # a claim as reconciling reads it


def deal_columns(rec: dict) -> dict:
    """The `deals` row of a reconciled deal (`reconcile.reconcile_deal`'s result)."""
    f = {k: e["value"] for k, e in rec["fields"].items()}
    value, qty, delivered = f.get("value") or {}, f.get("quantity") or {}, f.get("delivered") or {}
    status_entry = rec["fields"].get("status") or {}
    values = dict(
        status=f.get("status"), status_article=(status_entry.get("source") or {}).get("article_id"),
        hedged=int(rec["hedged"]), signed=(f.get("signed") or {}).get("value"),
        value_amount=value.get("amount"), value_currency=value.get("currency"), value_usd=value.get("usd"),
        quantity_min=qty.get("min"), quantity_max=qty.get("max"), quantity_unit=qty.get("unit"),
        delivered_min=delivered.get("min"), delivered_max=delivered.get("max"),
        expected_completion=(f.get("expected_completion") or {}).get("value"),
        tech_transfer_max=(f.get("tech_transfer_pct") or {}).get("max"),
        local_partners=_json(f.get("local_partners") or []),
        sources=rec["sources"], independent_sources=rec["independent_sources"],
        first_reported=rec["first_reported"], last_reported=rec["last_reported"], conflicts=len(rec["conflicts"]),
        confidence=rec["confidence"], rejected=int(rec["rejected"]), updated_at=now(),
        detail=_json({"fields": rec["fields"]}))
    if f.get("category"):
        values["category"] = f["category"]
    return values


def reconcile_deals(conn: Connection, deal_ids: list[int], *, full: bool = False) -> None:
    """Bring the deals' reconciled columns, detail and conflicts up to date with their claims and corrections:
    from the deals' stored aggregates and the claims added since (`aggregates.reconciled`), or from all their
    claims when `full` (claims were removed or corrections changed)."""
    if not deal_ids:
        return
    fixes, was = deal_inputs(conn, deal_ids)
    recs = aggregates.reconciled(conn, deal_ids, fixes, full=full)
    store_deals(conn, deal_ids, *deal_rows(deal_ids, recs, was))


def deal_inputs(conn: Connection, deal_ids: list[int]) -> tuple[dict[int, list[dict]], dict[int, dict]]:
    """What reconciling the deals reads of the ledger besides their claims: their corrections, and their
    watched columns as they stand (`changes.before_all`, for the change feed)."""
    return deal_fixes(conn, deal_ids), changes.before_all(conn, deal_ids)


def deal_fixes(conn: Connection, deal_ids: list[int]) -> dict[int, list[dict]]:
    """The deals' corrections, in the order they were made."""
    fixes: dict[int, list[dict]] = defaultdict(list)
    cols = [c.name for c in corrections.columns]
    head = f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM corrections WHERE deal_id"
    for r in _rows_in(conn, head, deal_ids, tail=" ORDER BY id"):  # a query a chunk, in id order, as before
        r = dict(zip(cols, r))
        fixes[r["deal_id"]].append(dict(r, value=json.loads(r["value"]) if r["value"] else None))
    return fixes


def _write_held(conn: Connection, table, held: dict[int, dict], updates: list[dict], next_id: dict[str, int]) -> None:
    """A PostgreSQL bulk load's new deals or events (`held`: id -> the row matching left) written once, with their
    reconciled columns (`updates`, as `update_rows` takes them) in place, in id order; the table's sequence set
    past them, as writing them during the load did."""
    if not held:
        return
    rows = {i: dict(r) for i, r in held.items()}
    for u in updates:
        rows[u["b_id"]].update({k[2:]: v for k, v in u.items() if k != "b_id"})
    write_rows(conn, table, [rows[i] for i in sorted(rows)])
    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :v)"),
                 {"v": next_id[table.name] - 1})


def deal_rows(deal_ids: list[int], recs: dict[int, dict], was: dict[int, dict]
              ) -> tuple[list[dict], list[dict], list[dict]]:
    """The deals' reconciled records as rows: their `deals` updates, `conflicts` and `changes`."""
    updates, new_conflicts, feed = [], [], []
    for deal_id in deal_ids:
        rec = recs[deal_id]
        values = deal_columns(rec)
        feed += changes.feed_rows(deal_id, was[deal_id], values, rec["conflicts"], values["updated_at"])
        updates.append({"b_id": deal_id, **{f"b_{k}": v for k, v in values.items()}})
        new_conflicts += [{"deal_id": deal_id, "field": c["field"], "summary": c["summary"],
                           "claims": _json(c["claims"])} for c in rec["conflicts"]]
    return updates, new_conflicts, feed


def store_deals(conn: Connection, deal_ids: list[int], updates: list[dict], new_conflicts: list[dict],
                feed: list[dict]) -> None:
    """`deal_rows` into the ledger: the deals' columns set, their conflicts replaced, the changes added."""
    with_category = [u for u in updates if "b_category" in u]
    without = [u for u in updates if "b_category" not in u]
    for group in (with_category, without):
        if group:
            update_rows(conn, deals, group)
    _execute_in(conn, "DELETE FROM conflicts WHERE deal_id", deal_ids)
    write_rows(conn, conflicts, new_conflicts)
    write_rows(conn, changes_table, feed)


def reconcile_events(conn: Connection, event_ids: list[int], added: dict[int, list[dict]] | None = None) -> None:
    """Recompute the events' columns from their sources; an event no report holds any more goes.
    An event stored before whose `added` sources (this batch's rows) are reported no earlier than its
    last report is updated from its columns, those rows and a count of its sources (`_event_update`)."""
    if not event_ids:
        return
    added = added or {}
    stored = {}
    cols = [c.name for c in events.columns]
    head = f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM events WHERE id"
    for r in _rows_in(conn, head, [e for e in event_ids if added.get(e)]):
        r = dict(zip(cols, r))
        rows = added[r["id"]]
        if r["sources"] and all((x["reported"] or "") >= (r["last_reported"] or "") for x in rows):
            stored[r["id"]] = r
    seen = _event_reports_seen(conn, [r for e in stored for r in added[e]])
    updates = [{"b_id": e, **{f"b_{k}": v for k, v in _event_update(conn, stored[e], added[e], seen).items()}}
               for e in event_ids if e in stored]
    rest = [e for e in event_ids if e not in stored]
    by_event: dict[int, list[dict]] = defaultdict(list)
    cols = ("event_id", "article_id", "status", "date", "date_precision", "reported", "record", "wire_group")
    head = ("SELECT s.event_id, s.article_id, s.status, s.date, s.date_precision, s.reported, s.record, a.wire_group "
            "FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id")
    # a chunk's rows in the order they were stored (a query a chunk, as before)
    for chunk in _chunks(rest):
        for r in _rows_in(conn, head, chunk, tail=" ORDER BY s.id"):
            by_event[r[0]].append(dict(zip(cols, r)))
    gone = [e for e in rest if not by_event[e]]
    for chunk in _chunks(gone):
        conn.execute(delete(events).where(events.c.id.in_(chunk)))
    store_events(conn, updates + event_updates([e for e in rest if by_event[e]], by_event))


def event_updates(event_ids: list[int], sources: dict[int, list[dict]]) -> list[dict]:
    """The events' columns reconciled from all their sources (`event_columns`), as `store_events` sets them."""
    return [{"b_id": e, **{f"b_{k}": v for k, v in event_columns(sources[e]).items()}} for e in event_ids]


def store_events(conn: Connection, updates: list[dict]) -> None:
    update_rows(conn, events, updates)


class _Seen(NamedTuple):
    """What `_event_update` reads of the events' reports, for all the events a batch updates at once."""

    of_article: dict[str, list[int]]  # article id -> the event of each of its event_sources rows
    wire_of: dict[str, str]  # article id -> its wire group
    of_wire: dict[str, list[int]]  # wire group -> the event of each event_sources row of its articles


def _event_reports_seen(conn: Connection, rows: list[dict]) -> _Seen:
    """For the articles of the new sources `rows`: the events each of them and each of their wire groups report,
    a row each, read from the articles' side (the indexes on event_sources.article_id and articles.wire_group, a
    few rows an article: from the events' side, a much-reported event reads every report), in a few queries for
    the whole batch instead of two an article and one a wire group of each event."""
    aids = sorted({r["article_id"] for r in rows})
    of_article: dict[str, list[int]] = defaultdict(list)
    wire_of: dict[str, str] = {}
    of_wire: dict[str, list[int]] = defaultdict(list)
    for aid, event_id in _rows_in(conn, "SELECT article_id, event_id FROM event_sources WHERE article_id", aids):
        of_article[aid].append(event_id)
    wire_of.update(_rows_in(conn, "SELECT id, wire_group FROM articles WHERE id", aids))
    for wire, event_id in _rows_in(conn, "SELECT a.wire_group, s.event_id FROM event_sources s JOIN articles a "
                                         "ON a.id = s.article_id WHERE a.wire_group", sorted(set(wire_of.values()))):
        of_wire[wire].append(event_id)
    return _Seen(of_article, wire_of, of_wire)


def _event_update(conn: Connection, event, rows: list[dict], seen: _Seen) -> dict:
    """`event_columns` of an event from its stored columns and new sources `rows` (stored, reported no earlier
    than its other sources): whether each new row's article and wire group are new to the event is read from
    `seen` (`_event_reports_seen`)."""
    es = event_sources.c
    n_articles, wires = event["sources"], event["independent_sources"]
    # an article (a wire group) is new to the event when all its reports of the event are among the new rows
    for aid, k in _counts(r["article_id"] for r in rows).items():
        n_articles += seen.of_article[aid].count(event["id"]) == k
    for wire, k in _counts(seen.wire_of[r["article_id"]] for r in rows).items():
        wires += seen.of_wire[wire].count(event["id"]) == k
    unhedged = any(r["status"] != "possible" for r in rows) or conn.execute(
        select(es.id).where(es.event_id == event["id"], func.coalesce(es.status, "") != "possible").limit(1)).first()
    dates = [r["reported"] for r in rows if r["reported"]] + [d for d in (event["first_reported"],
                                                                            event["last_reported"]) if d]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    rows = sorted(rows, key=lambda r: r["reported"] or "")
    best, best_reported = (event["date"], event["date_precision"]), None  # None: not looked up (yet)
    for r in rows:
        if not r["date"] or (best[0] and len(r["date"]) < len(best[0])):
            continue
        reported = r["reported"] or ""
        if best[0] and len(r["date"]) == len(best[0]) and best_reported is None:
            # the stored best's report date decides a tie, unless this row is newer than every stored one
            # (it wins) or says the same (the same columns either way)
            if reported <= (event["last_reported"] or "") and (r["date"], r["date_precision"]) != best:
                best_reported = _reported_of_best(conn, event)
            elif reported <= (event["last_reported"] or ""):
                best_reported = reported
                continue
        if not best[0] or len(r["date"]) > len(best[0]) or best_reported is None or reported > best_reported:
            best, best_reported = (r["date"], r["date_precision"]), reported
    records = [loads(r["record"]) for r in rows]
    platforms = set(json.loads(event["platforms"] or "[]")) | {p for r in records for p in r.get("platforms") or []}
    participants = (set(json.loads(event["participants"] or "[]"))
                    | {p for r in records for p in r.get("participants") or []})
    return dict(
        status=rows[-1]["status"], date=best[0], date_precision=best[1],
        platforms=_json(sorted(platforms)),
        participants=_json(sorted(participants)),
        location=next((r["location"] for r in reversed(records) if r.get("location")), event["location"]),
        sources=n_articles, independent_sources=wires, first_reported=first, last_reported=last,
        confidence=reconcile._score(1, wires, int(bool(unhedged)), wires, last or "", last), updated_at=now())


def _reported_of_best(conn: Connection, event) -> str:
    """When the report that gave the event its date was reported (the latest of those as precise)."""
    es = event_sources.c
    return conn.execute(select(func.max(func.coalesce(es.reported, ""))).where(
        es.event_id == event["id"], func.length(es.date) == len(event["date"]))).scalar() or ""


def _counts(values) -> dict:
    out: dict = defaultdict(int)
    for v in values:
        out[v] += 1
    return out


def event_columns(rows: list[dict]) -> dict:
    """The `events` row reconciled from its sources (event_sources rows with the article's wire group):
    the latest report's status, the most precise date, everyone and everything any report names."""
    rows = sorted(rows, key=lambda r: r["reported"] or "")
    latest = rows[-1]
    dated = [r for r in rows if r["date"]]
    best_date = max(dated, key=lambda r: (len(r["date"]), r["reported"] or "")) if dated else None
    records = [r["_record"] if "_record" in r else loads(r["record"]) for r in rows]
    support = [{"article_id": r["article_id"], "wire_group": r["wire_group"], "reported": r["reported"],
                "hedged": r["status"] == "possible"} for r in rows]
    reported = sorted(r["reported"] for r in rows if r["reported"])
    return dict(
        status=latest["status"], date=best_date["date"] if best_date else None,
        date_precision=best_date["date_precision"] if best_date else None,
        platforms=_json(sorted({p for r in records for p in r.get("platforms") or []})),
        participants=_json(sorted({p for r in records for p in r.get("participants") or []})),
        location=next((r["location"] for r in reversed(records) if r.get("location")), None),
        sources=len({r["article_id"] for r in rows}), independent_sources=len({r["wire_group"] for r in rows}),
        first_reported=reported[0] if reported else None, last_reported=reported[-1] if reported else None,
        confidence=reconcile.confidence(support, support, reported[-1] if reported else None), updated_at=now())


def _drop_orphan_deals(conn: Connection, deal_ids: set[int]) -> None:
    """A deal no report supports any more (and no analyst touched) goes."""
    for deal_id in deal_ids:
        has_claims = conn.execute(select(func.count()).select_from(claims).where(claims.c.deal_id == deal_id)).scalar()
        has_corrections = conn.execute(select(func.count()).select_from(corrections)
                                       .where(corrections.c.deal_id == deal_id)).scalar()
        if not has_claims and not has_corrections:
            conn.execute(delete(conflicts).where(conflicts.c.deal_id == deal_id))
            aggregates.drop(conn, [deal_id])
            conn.execute(delete(deals).where(deals.c.id == deal_id))


# -- a bulk load into an empty ledger -----------------------------------------------------------

# the tables a load fills row by row: their secondary indexes are built once at the end of a bulk load
BULK_TABLES = ("articles", "article_bands", "mentions", "claims", "event_sources")


def is_empty(conn: Connection) -> bool:
    """No article, entity, deal or event stored: what a bulk load needs (`bulk_load`)."""
    return not any(conn.execute(select(t.c.id).limit(1)).first() for t in (articles, entities, deals, events))


class BulkLoad:
    """Rows written into an empty ledger in one transaction, as `write` would store them batch after batch,
    with what a mature bulk loader builds once done once, after the rows (`bulk_load` opens and ends it):

    - the secondary indexes of the tables filled row by row (`BULK_TABLES`; PostgreSQL's search index
      among them) are dropped and built again from their own definitions after the last row;
    - PostgreSQL's foreign keys are not checked row by row (a trigger a row, ~320 µs an article): the
      constraints are dropped, added again `NOT VALID` and `VALIDATE`d at the end; a row that breaks one
      fails the load, which is rolled back. SQLite checks them row by row as always: with the indexes
      dropped, `PRAGMA foreign_keys=OFF` and a `foreign_key_check` at the end cost as much as they saved
      (6,300 articles: 5.22-5.29 s of CPU against 4.97-5.28, bench/RESULTS.md);
    - SQLite's full-text index is not kept in step by its trigger but rebuilt once (FTS5 'rebuild');
    - every deal and event is reconciled once, at the end, from all its claims and sources as the load kept
      them in memory (none read back), while the writer thread builds the indexes and then stores each part
      as it is computed; on PostgreSQL the deals and events are written there, once, with their reconciled
      columns (not inserted during the load and updated at its end).

    Matching runs in memory against what the load itself stored: the ledger held nothing before it.
    Nothing is committed before `finish` has restored and checked all this, so a load killed at any
    point leaves the ledger as it was (empty)."""

    def __init__(self, conn: Connection, version: str) -> None:
        self._conn = conn
        self.batch = _Batch(conn, version, bulk=True)
        self.batch.pipeline = _Pipeline()
        # PostgreSQL checks the foreign keys at the end: deals and events are written there, reconciled, in one
        # COPY each instead of a COPY during the load and an UPDATE a row at its end. SQLite checks them row
        # by row, so a claim's deal and a source's event are written before them, as in `write`.
        self.batch.hold_rows = conn.dialect.name == "postgresql"
        self._restore: list[str] = []  # statements that put back what was deferred, in order
        self._checks: list[str] = []
        self._defer()

    def write(self, rows: list[dict]) -> list[Added | None]:
        """Store rows (`article_row`s and `error_row`s) in order: matched, and written while the next rows are
        matched (`wait` for them); not yet reconciled."""
        return self.batch.run(rows)

    @property
    def conn(self) -> Connection:
        """The load's connection, once the writer thread is done with the rows handed to it: one connection
        used from two threads at once is not safe (SQLite's driver shares statements between them)."""
        self.wait()
        return self._conn

    def wait(self) -> None:
        """Until the rows handed to the writer thread are written."""
        self.batch.pipeline.wait()

    def close(self, quiet: bool = False) -> None:
        """The writer thread stopped (after the rows handed to it); `quiet`: its error, if any, not raised."""
        try:
            self.batch.pipeline.close()
        except Exception:
            if not quiet:
                raise

    def finish(self) -> None:
        """Indexes and search index built, deals and events reconciled, foreign keys checked.

        Every deal and event is new: each is reconciled in memory from all the claims and sources the load
        kept (`aggregates.fold_all`, `event_columns`), while the writer thread builds the indexes (the
        database's work: SQLite's C code without the GIL, PostgreSQL's server)."""
        conn, batch = self._conn, self.batch
        batch.pipeline.wait()
        deal_ids, event_ids = sorted(batch.touched_deals), sorted(batch.touched_events)
        fixes = deal_fixes(conn, deal_ids)
        # the deals' watched columns before reconciling (`changes.before_all`) are the rows matching left: every
        # deal is new, none has conflicts yet
        was = {d: dict({k: batch.bulk_deals[d].get(k) for k in changes.WATCHED}, conflict_fields=set())
               for d in deal_ids}
        # the writer thread builds the indexes, then stores each part as soon as it is computed here: the
        # database's work (SQLite's C code without the GIL, PostgreSQL's server) overlaps the folding in Python
        pipeline = batch.pipeline
        pipeline.submit(_execute_all, conn, self._restore)
        recs, folded, keys = aggregates.fold_all(deal_ids, fixes, batch.deal_claims)
        pipeline.queue(aggregates.store, conn, folded, keys)
        deals_out = deal_rows(deal_ids, recs, was)
        if batch.hold_rows:
            pipeline.queue(_write_held, conn, deals, batch.bulk_deals, deals_out[0], batch.next_id)
            deals_out = ([], *deals_out[1:])
        pipeline.queue(store_deals, conn, deal_ids, *deals_out)
        events_out = event_updates(event_ids, batch.event_sources)
        if batch.hold_rows:
            pipeline.queue(_write_held, conn, events, batch.bulk_events, events_out, batch.next_id)
            events_out = []
        pipeline.queue(store_events, conn, events_out)
        self.close()
        from sqlalchemy.exc import IntegrityError

        from .db import LedgerError

        try:
            _execute_all(conn, self._checks)
        except IntegrityError as err:  # PostgreSQL: the constraints added back
            raise LedgerError(f"bulk load: a row breaks a foreign key ({str(err.orig).strip().splitlines()[0]}); "
                              f"nothing was stored") from None

    def _defer(self) -> None:
        conn = self._conn
        names = ", ".join(f"'{t}'" for t in BULK_TABLES)
        if conn.dialect.name == "sqlite":
            indexes = conn.exec_driver_sql(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({names}) ORDER BY name").all()
            trigger = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert'").scalar()
            for name, _ in indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._restore = [sql for _, sql in indexes]
            if trigger:
                conn.exec_driver_sql("DROP TRIGGER articles_fts_insert")
                self._restore += ["INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')", trigger]
            return
        # PostgreSQL: ids from 1, as in a new ledger (and as SQLite gives them): a load killed before
        # this one moved the sequences on, and a sequence is not rolled back
        conn.exec_driver_sql("SELECT " + ", ".join(
            f"setval(pg_get_serial_sequence('{t.name}', 'id'), 1, false)"
            for t in (entities, deals, events, mentions, claims, event_sources, conflicts)))
        # the indexes that back no constraint, and every foreign key of the tables written
        indexes = conn.exec_driver_sql(
            f"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            f"JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname IN ({names}) "
            f"AND t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary AND NOT i.indisunique "
            f"ORDER BY 1").all()
        fks = conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2").all()
        by_table: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for table, name, definition in fks:
            by_table[table].append((name, definition))
        # the DDL in one round trip a step (one statement each was ~80 round trips a load): an ALTER TABLE a
        # table, the statements of a step sent together (`_execute_all`)
        drop = [f"ALTER TABLE {t} " + ", ".join(f'DROP CONSTRAINT "{n}"' for n, _ in cs) for t, cs in by_table.items()]
        drop += [f"DROP INDEX {name}" for name, _ in indexes]
        # the search vectors are not computed row by row during the COPY (half the server's work): the rows
        # are committed without them, and `fill_search` computes them after the commit
        if conn.exec_driver_sql("SELECT 1 FROM pg_trigger WHERE tgname = 'articles_search' "
                                "AND tgrelid = 'articles'::regclass").first():
            drop.append("ALTER TABLE articles DISABLE TRIGGER articles_search")
            after = ["ALTER TABLE articles ENABLE TRIGGER articles_search"]
        else:
            after = []
        _execute_all(conn, drop)
        self._restore = ["SET LOCAL maintenance_work_mem = '256MB'"] + [sql for _, sql in indexes] + after
        # added back validated: one check of the rows a constraint (as NOT VALID and VALIDATE did in two)
        self._checks = [f"ALTER TABLE {t} " + ", ".join(f'ADD CONSTRAINT "{n}" {d}' for n, d in cs)
                        for t, cs in by_table.items()]


SEARCH_CHUNK = 2_000  # articles given their search vector in one transaction by `fill_search`


def fill_search(engine, *, chunk: int = SEARCH_CHUNK) -> int:
    """PostgreSQL: the search vectors a bulk load left to after its commit, computed `chunk` articles a
    transaction (a run cut short leaves the rest for the next; meanwhile `query.search` computes the missing
    vectors itself, so such articles are found all along); the number filled. SQLite: nothing to do (its
    full-text index is built in the bulk load's transaction)."""
    if engine.dialect.name != "postgresql":
        return 0
    filled = 0
    while True:
        with engine.begin() as conn:
            n = conn.execute(text(
                f"UPDATE articles SET search = {SEARCH_VECTOR} WHERE id IN (SELECT id FROM articles "
                f"WHERE search IS NULL ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED)"), {"n": chunk}).rowcount
        filled += n
        if n < chunk:
            return filled


def search_pending(conn: Connection) -> int:
    """PostgreSQL: articles still without their search vector (`fill_search`); 0 on SQLite."""
    if conn.dialect.name != "postgresql":
        return 0
    return conn.execute(text("SELECT count(*) FROM articles WHERE search IS NULL")).scalar()


@contextmanager
def bulk_load(engine, version: str) -> Iterator[BulkLoad | None]:
    """A `BulkLoad` into the ledger of `engine` in one transaction under the write lock, committed when the
    block ends without an error (after `BulkLoad.finish`), rolled back otherwise; None (and no transaction)
    when the ledger is not empty, for the caller to store through `write` instead.

    Only safe into an empty ledger: its rows are matched against the load's own, and the indexes and
    checks it rebuilds cover whole tables. Readers wait for it on PostgreSQL (its DDL locks the tables).
    Python's cyclic garbage collector is off meanwhile: the load's objects live until its end anyway, and
    the collector's passes over them cost ~20 % of the load's CPU."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _bulk_transaction(engine, version) as load:
            yield load
    finally:
        if collecting:
            gc.enable()


# SQLite: the page cache of a bulk load's connection, KiB (the default is 2 MB). The load is one transaction that
# writes its whole ledger: with the default cache, pages are spilled to the WAL while the load runs (and a page
# changed again after its spill written again), and the index builds at the end sort in a small cache; with this
# one, each page is written once, at the commit. The cache grows only as far as the ledger does; the connection's
# own size is restored when the load ends.
BULK_CACHE_KIB = 128 * 1024


@contextmanager
def _bulk_transaction(engine, version: str) -> Iterator[BulkLoad | None]:
    with engine.connect() as conn:
        with _bulk_cache(conn), conn.begin():
            write_lock(conn)
            load = BulkLoad(conn, version) if is_empty(conn) else None
            if load is not None:
                try:
                    yield load
                    load.finish()
                except BaseException:
                    load.close(quiet=True)  # the writer thread done with the connection before it rolls back
                    raise
                return
    yield None


@contextmanager
def _bulk_cache(conn: Connection) -> Iterator[None]:
    """SQLite: the connection's page cache at `BULK_CACHE_KIB` for the block (a pooled connection gets its own size
    back after it, whatever happened); nothing on PostgreSQL."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    was = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(was)}")


# -- helpers ------------------------------------------------------------------------------

def pending_failures(conn: Connection, rows: list[dict]) -> set[tuple[str, str]]:
    """The (source, reason) of the rows' errors already recorded and not retried."""
    sources = sorted({r["source"] for r in rows if r["kind"] == "error"})
    known: set[tuple[str, str]] = set()
    for chunk in _chunks(sources):
        q = select(failures.c.source, failures.c.reason).where(and_(failures.c.source.in_(chunk),
                                                                    failures.c.retried == 0))
        known.update((s, r) for s, r in conn.execute(q))
    return known


def _marks(conn: Connection, n: int) -> str:
    """`n` parameter marks of the driver's style."""
    return ", ".join(["%s" if conn.dialect.name == "postgresql" else "?"] * n)


def _rows_in(conn: Connection, head: str, values: list, *, before: list = (), tail: str = "") -> list[tuple]:
    """The rows of `head IN (values) tail` (with `before`'s parameters ahead of the values), `CHUNK` values a query,
    run by the driver in the connection's transaction: plain tuples."""
    out: list[tuple] = []
    if not values:
        return out
    cur = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks(values):
            cur.execute(f"{head} IN ({_marks(conn, len(chunk))}){tail}", [*before, *chunk])
            out += cur.fetchall()
    finally:
        cur.close()
    return out


def _execute_in(conn: Connection, head: str, values: list) -> None:
    """`head IN (values)`, `CHUNK` values a statement, run by the driver in the connection's transaction."""
    if not values:
        return
    cur = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks(values):
            cur.execute(f"{head} IN ({_marks(conn, len(chunk))})", chunk)
    finally:
        cur.close()


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def update_rows(conn: Connection, table, updates: list[dict]) -> None:
    """Set columns of rows by id (`UPDATE table SET col = ... WHERE id = ...`) through the driver's executemany,
    below SQLAlchemy's per-row work. Each update holds "b_id" and the same "b_<column>"s."""
    if not updates:
        return
    cols = [k[2:] for k in updates[0] if k != "b_id"]
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    values = itemgetter(*[f"b_{c}" for c in cols], "b_id")
    sets = ", ".join(f'"{c}" = {mark}' for c in cols)
    cur = conn.connection.driver_connection.cursor()
    try:
        cur.executemany(f'UPDATE "{table.name}" SET {sets} WHERE id = {mark}', [values(u) for u in updates])
    finally:
        cur.close()


def write_rows(conn: Connection, table, rows: list[dict], keys: dict[str, str] | None = None) -> None:
    """Insert rows in order, below SQLAlchemy's per-row work: COPY on PostgreSQL, the driver's
    executemany on SQLite (both inside the connection's open transaction). `keys`: column -> the key of
    the rows holding its value (by default each key of the first row is the column of its name)."""
    if not rows:
        return
    keys = keys or {k: k for k in rows[0]}
    cols, got = list(keys), list(keys.values())
    values = itemgetter(*got) if len(got) > 1 else lambda r: (r[got[0]],)
    write_tuples(conn, table, cols, map(values, rows))


VALUES_ROWS = 256  # rows in one SQLite INSERT ... VALUES (...), (...), ... (`_insert_values`)


def _insert_values(raw, head: str, width: int, rows: Iterable[tuple]) -> None:
    """SQLite: `rows` (tuples of `width` values) inserted in order by `head` ("INSERT INTO t (cols) VALUES "),
    up to VALUES_ROWS rows a statement. One statement a row (`executemany`) costs Python's sqlite3 a GIL handoff
    a row around its step: beside a bulk load's busy main thread each row then waits for the GIL, and binding
    row by row costs ~35 % more CPU (27,000 mention and band rows: 0.05 against 0.03 s, 0.43 against 0.19-0.27 s
    wall beside a busy thread). Rows keep their order, so ids given by the database are the same."""
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if hasattr(raw, "getlimit") else 999
    n = max(1, min(VALUES_ROWS, limit // width))
    one = "(" + ", ".join("?" * width) + ")"
    full = head + ", ".join([one] * n)
    rows = rows if isinstance(rows, list) else list(rows)
    cur = raw.cursor()
    try:
        chain = itertools.chain.from_iterable
        whole = len(rows) - len(rows) % n
        for i in range(0, whole, n):
            cur.execute(full, list(chain(rows[i:i + n])))
        if whole < len(rows):
            rest = rows[whole:]
            cur.execute(head + ", ".join([one] * len(rest)), list(chain(rest)))
    finally:
        cur.close()


def write_tuples(conn: Connection, table, columns: Iterable[str], rows: Iterable[tuple]) -> None:
    """`write_rows` of rows given as tuples of `columns`."""
    if isinstance(rows, list) and not rows:
        return
    cols = list(columns)
    # the columns' Python-side defaults are filled in here, as SQLAlchemy would
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in cols and c.default is not None and c.default.is_scalar}
    names = ", ".join(f'"{c}"' for c in cols + list(defaults))
    tail = tuple(defaults.values())
    if tail:
        rows = (r + tail for r in rows)
    raw = conn.connection.driver_connection
    if conn.dialect.name != "postgresql":
        _insert_values(raw, f'INSERT INTO "{table.name}" ({names}) VALUES ', len(cols) + len(tail), rows)
        return
    types = _binary_types(table, cols + list(defaults))
    binary = " (FORMAT BINARY)" if types else ""
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN{binary}') as copy:
        if types:
            copy.set_types(types)
        for r in rows:
            copy.write_row(r)


# PostgreSQL: the tables with the most rows an article (~30 mentions, 16 bands), whose values are of fixed Python
# types (ids and offsets int, names str), are copied in COPY's binary format: no text escaping and number
# formatting in the client, no parsing in the server (17.5 -> 11 ms of client CPU for 630 articles' mentions and
# bands). Other tables keep the text format, which casts a value of another Python type as the server reads it.
BINARY_COPY = ("mentions", "article_bands")
_PG_TYPES = {Integer: "int4", BigInteger: "int8", Text: "text"}


def _binary_types(table, columns: list[str]) -> list[str] | None:
    """The PostgreSQL type of each column, when `table` is copied in binary (`BINARY_COPY`) and each column's type
    is one of `_PG_TYPES`; else None."""
    if table.name not in BINARY_COPY:
        return None
    types = [_PG_TYPES.get(type(table.c[c].type)) for c in columns]
    return None if None in types else types
