"""Writing to the ledger: one article's record becomes stored claims, then the
deals and events they touch are reconciled again. One transaction per article,
so a run killed at any point leaves every article either fully stored or absent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import and_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from .. import __version__
from ..model import Article
from . import changes, dedup, reconcile
from .resolve import entity_key
from .db import PG_WRITE_LOCK
from .schema import (article_bands, articles, claims, conflicts, corrections, deals, entities, event_sources, events,
                     failures, mentions)

DEAL_FIELDS = ("status", "category", "signed", "value", "quantity", "delivered", "expected_completion",
               "tech_transfer_pct")


def now() -> str:
    """UTC time to the microsecond: also orders articles by when they were stored."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass
class Added:
    """What storing one article did."""

    article_id: str
    source: str
    status: str  # "added", "duplicate" (same text or URL already stored)
    copy_of: str | None = None  # the first article of its wire group, when it is a near-duplicate
    deals: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)


def write_lock(conn: Connection) -> None:
    """PostgreSQL: serialise the reconciling step of concurrent ingests (SQLite's BEGIN IMMEDIATE does it there)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})


def add_article(engine: Engine, article: Article, record: dict) -> Added:
    """Store `article` and its extraction `record`, then reconcile what it touched. Idempotent."""
    sig = dedup.signature(article.text)  # before the write lock: other ingests need not wait for it
    with engine.begin() as conn:
        write_lock(conn)
        dup = _existing(conn, article)
        if dup:
            return Added(dup, article.source, "duplicate")
        copy_of = _near_duplicate(conn, sig)
        reported = record["article"].get("published") or record["article"].get("reference_date")
        conn.execute(insert(articles).values(
            id=article.id, url=article.url, source=article.source, title=article.title, publisher=article.publisher,
            published=article.published, reported=reported, ingested_at=now(), words=len(article.text.split()),
            wire_group=copy_of or article.id, extractor=__version__, minhash=dedup.to_bytes(sig), text=article.text))
        conn.execute(insert(article_bands), [{"band": b, "article_id": article.id} for b in dedup.bands(sig)])
        touched_deals, touched_events = store_claims(conn, article.id, record, reported)
        for deal_id in touched_deals:
            reconcile_stored_deal(conn, deal_id)
        for event_id in touched_events:
            reconcile_stored_event(conn, event_id)
        return Added(article.id, article.source, "added", copy_of, sorted(touched_deals), sorted(touched_events))


def _existing(conn: Connection, article: Article) -> str | None:
    cond = articles.c.id == article.id
    if article.url:
        cond = cond | (articles.c.url == article.url)
    return conn.execute(select(articles.c.id).where(cond).limit(1)).scalar()


def _near_duplicate(conn: Connection, sig) -> str | None:
    rows = conn.execute(
        select(articles.c.id, articles.c.wire_group, articles.c.minhash)
        .where(articles.c.id.in_(select(article_bands.c.article_id).where(article_bands.c.band.in_(dedup.bands(sig)))))
        .order_by(articles.c.ingested_at, articles.c.id)).all()
    for row in rows:
        if row.minhash and dedup.similarity(sig, row.minhash) >= dedup.SIMILAR:
            return row.wire_group
    return None


# -- claims --------------------------------------------------------------------

def canonical_view(record: dict) -> dict:
    """The record with platforms under their catalogue names: reports that write "P-8A Poseidon" and
    "P-8" meet on one deal. The record itself is left as extracted."""
    if not any(e.get("canonical") for e in record["entities"]) and not any(
            d.get("platform_canonical") for d in record["deals"]):
        return record
    out = dict(record)
    out["entities"] = [dict(e, name=e["canonical"]) if e.get("canonical") else e for e in record["entities"]]
    out["deals"] = [dict(d, platform=d["platform_canonical"]) if d.get("platform_canonical") else d
                    for d in record["deals"]]
    return out


def store_claims(conn: Connection, article_id: str, record: dict, reported: str | None) -> tuple[set[int], set[int]]:
    """Entities, mentions, deal claims and event sources of one record; returns the deals and events touched."""
    record = canonical_view(record)
    names = _store_entities(conn, article_id, record["entities"])
    touched_deals: set[int] = set()
    for d in record["deals"]:
        deal_id = _deal_for(conn, d)
        touched_deals.add(deal_id)
        rows = list(_deal_claims(d, article_id, reported))
        for r in rows:
            r["deal_id"] = deal_id
        if rows:
            conn.execute(_INSERT_CLAIMS, rows)
    touched_events: set[int] = set()
    for v in record["events"]:
        event_id = _event_for(conn, v, reported)
        touched_events.add(event_id)
        date = v.get("date") or {}
        ev = v.get("evidence") or {}
        named = dict(v, participants=[names.get(p, p) for p in v.get("participants", [])],
                     platforms=[names.get(p, p) for p in v.get("platforms", [])],
                     location=names.get(v.get("location"), v.get("location")))
        conn.execute(_INSERT_EVENT_SOURCE, {
            "event_id": event_id, "article_id": article_id, "record_id": v["id"], "status": v.get("status"),
            "date": date.get("value"), "date_precision": date.get("precision"), "text": ev.get("text"),
            "start": ev.get("start"), "end": ev.get("end"), "reported": reported,
            "record": json.dumps(named, ensure_ascii=False)})
    return touched_deals, touched_events


def update_by_id(table, columns: list[str]):
    """A prepared `UPDATE table SET col = :b_col ... WHERE id = :b_id` (built once, compiled once)."""
    return (update(table).where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}") for c in columns}))


def _run_update(conn: Connection, stmt_cache: dict, table, row_id: int, values: dict) -> None:
    cols = tuple(sorted(values))
    stmt = stmt_cache.get(cols)
    if stmt is None:
        stmt = stmt_cache[cols] = update_by_id(table, list(cols))
    conn.execute(stmt, {"b_id": row_id, **{f"b_{k}": v for k, v in values.items()}})


_DEAL_UPDATES: dict = {}
_EVENT_UPDATES: dict = {}
_INSERT_ENTITY = insert(entities).returning(entities.c.id)
_INSERT_MENTIONS = insert(mentions)
_INSERT_CLAIMS = insert(claims)
_INSERT_EVENT_SOURCE = insert(event_sources)


def _store_entities(conn: Connection, article_id: str, ents: list[dict]) -> dict[str, str]:
    """Upsert the record's entities by kind and spelling-independent key; returns record id -> name."""
    names = {e["id"]: e["name"] for e in ents}
    keyed = [(e, entity_key(e["kind"], e["name"])) for e in ents]
    known: dict[tuple[str, str], int] = {}
    keys = sorted({k for _, k in keyed})
    for i in range(0, len(keys), 500):  # one query for the record's entities
        known.update({(r.kind, r.key): r.id for r in conn.execute(
            select(entities.c.id, entities.c.kind, entities.c.key).where(entities.c.key.in_(keys[i:i + 500])))})
    rows = []
    for e, key in keyed:
        entity_id = known.get((e["kind"], key))
        if entity_id is None:
            entity_id = known[(e["kind"], key)] = conn.execute(_INSERT_ENTITY, {
                "kind": e["kind"], "name": e["name"], "key": key, "code": e.get("code"),
                "country": e.get("country"), "category": e.get("category")}).scalar_one()
        rows += [{"entity_id": entity_id, "article_id": article_id, "start": m["start"], "end": m["end"],
                  "text": m["text"], "role": e.get("role")} for m in e.get("mentions", [])]
    if rows:
        conn.execute(_INSERT_MENTIONS, rows)
    return names


def _deal_for(conn: Connection, d: dict) -> int:
    candidates = [dict(r._mapping) for r in conn.execute(
        select(deals.c.id, deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on,
               deals.c.order_year).where(and_(deals.c.recipient == d.get("recipient"),
                                              deals.c.platform == d["platform"])))]
    match = reconcile.match_deal(d, candidates)
    year = reconcile.order_year(d)
    if match:
        if year is not None and match["order_year"] is None:
            conn.execute(update(deals).where(deals.c.id == match["id"]).values(order_year=year))
        if d.get("supplier") and not match["supplier"]:
            conn.execute(update(deals).where(deals.c.id == match["id"]).values(supplier=d["supplier"]))
        return match["id"]
    return conn.execute(insert(deals).values(
        supplier=d.get("supplier"), recipient=d.get("recipient"), platform=d["platform"], category=d.get("category"),
        follow_on=int(bool(d.get("follow_on"))), order_year=year, updated_at=now()).returning(deals.c.id)).scalar_one()


def _number(field: str, v) -> float | None:
    if not isinstance(v, dict):
        return None
    if field == "value":
        return v.get("usd") if v.get("usd") is not None else v.get("amount")
    if "max" in v or "min" in v:
        return v.get("max") if v.get("max") is not None else v.get("min")
    return None


def _locate(phrase: str | None, evidence: list[dict]) -> tuple[int | None, int | None, dict | None]:
    """Where in the body the words of a claim stand: inside the first evidence sentence holding them."""
    if not phrase:
        return None, None, evidence[0] if evidence else None
    for ev in evidence:
        i = ev["text"].find(phrase)
        if i >= 0:
            return ev["start"] + i, ev["start"] + i + len(phrase), ev
    return None, None, evidence[0] if evidence else None


def _deal_claims(d: dict, article_id: str, reported: str | None):
    evidence = d.get("evidence") or []
    hedged = int(bool(d.get("hedged")))

    def claim(field: str, value, phrase: str | None, start=None, end=None):
        s, e, sentence = (start, end, None) if start is not None else _locate(phrase, evidence)
        if sentence is None and start is not None:
            sentence = next((ev for ev in evidence if ev["start"] <= start < ev["end"]), None)
        return {"article_id": article_id, "record_id": d["id"], "field": field,
                "value": json.dumps(value, ensure_ascii=False), "number": _number(field, value),
                "text": phrase, "start": s, "end": e, "reported": reported, "hedged": hedged,
                "sentence_start": sentence["start"] if sentence else None,
                "sentence_end": sentence["end"] if sentence else None}

    for f in DEAL_FIELDS:
        v = d.get(f)
        if v is None:
            continue
        if f in ("status", "category"):
            yield claim(f, v, None)
        else:
            yield claim(f, v, v.get("text"), v.get("start"), v.get("end"))
    original = d.get("original_expected_completion")
    if original:  # "had originally expected all five by the end of 2023": the schedule as first given
        c = claim("expected_completion", dict(original, originally=True), original.get("text"))
        c["reported"] = None
        yield c
    for name in d.get("local_partners") or []:
        yield claim("local_partners", name, name)


def _event_for(conn: Connection, v: dict, reported: str | None) -> int:
    countries = reconcile.event_countries(v)
    candidates = [dict(r._mapping) for r in conn.execute(
        select(events.c.id, events.c.type, events.c.countries, events.c.date, events.c.last_reported)
        .where(and_(events.c.type == v["type"], events.c.countries == countries)))]
    match = reconcile.match_event(v, reported, candidates)
    if match:
        return match["id"]
    date = v.get("date") or {}
    return conn.execute(insert(events).values(
        type=v["type"], countries=countries, date=date.get("value"), date_precision=date.get("precision"),
        status=v.get("status"), updated_at=now()).returning(events.c.id)).scalar_one()


# -- reconciling stored records ---------------------------------------------------

CLAIM_COLUMNS = (claims.c.id, claims.c.article_id, claims.c.field, claims.c.value, claims.c.number, claims.c.text,
                 claims.c.start, claims.c.end, claims.c.sentence_start, claims.c.sentence_end, claims.c.reported,
                 claims.c.hedged, articles.c.wire_group, articles.c.publisher, articles.c.title, articles.c.url)


def deal_claims(conn: Connection, deal_id: int) -> list[dict]:
    rows = conn.execute(select(*CLAIM_COLUMNS).join(articles, articles.c.id == claims.c.article_id)
                        .where(claims.c.deal_id == deal_id).order_by(claims.c.id))
    return [dict(r._mapping, value=json.loads(r.value)) for r in rows]


def deal_corrections(conn: Connection, deal_id: int) -> list[dict]:
    rows = conn.execute(select(corrections).where(corrections.c.deal_id == deal_id).order_by(corrections.c.id))
    return [dict(r._mapping, value=json.loads(r.value) if r.value else None) for r in rows]


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
        local_partners=json.dumps(f.get("local_partners") or [], ensure_ascii=False),
        sources=rec["sources"], independent_sources=rec["independent_sources"],
        first_reported=rec["first_reported"], last_reported=rec["last_reported"], conflicts=len(rec["conflicts"]),
        confidence=rec["confidence"], rejected=int(rec["rejected"]), updated_at=now(),
        detail=json.dumps({"fields": rec["fields"]}, ensure_ascii=False))
    if f.get("category"):
        values["category"] = f["category"]
    return values


def reconcile_stored_deal(conn: Connection, deal_id: int) -> None:
    """Recompute one deal's reconciled columns, detail and conflicts from its claims and corrections."""
    rec = reconcile.reconcile_deal(deal_claims(conn, deal_id), deal_corrections(conn, deal_id))
    values = deal_columns(rec)
    was = changes.before(conn, deal_id)
    _run_update(conn, _DEAL_UPDATES, deals, deal_id, values)
    changes.record(conn, deal_id, was, values, rec["conflicts"], values["updated_at"])
    conn.execute(delete(conflicts).where(conflicts.c.deal_id == deal_id))
    if rec["conflicts"]:
        conn.execute(insert(conflicts), [{"deal_id": deal_id, "field": c["field"], "summary": c["summary"],
                                          "claims": json.dumps(c["claims"], ensure_ascii=False)}
                                         for c in rec["conflicts"]])


def reconcile_stored_event(conn: Connection, event_id: int) -> None:
    rows = [dict(r._mapping) for r in conn.execute(
        select(event_sources.c.article_id, event_sources.c.status, event_sources.c.date, event_sources.c.date_precision,
               event_sources.c.reported, event_sources.c.record, articles.c.wire_group)
        .join(articles, articles.c.id == event_sources.c.article_id).where(event_sources.c.event_id == event_id))]
    if not rows:
        conn.execute(delete(events).where(events.c.id == event_id))
        return
    _run_update(conn, _EVENT_UPDATES, events, event_id, event_columns(rows))


def event_columns(rows: list[dict]) -> dict:
    """The `events` row reconciled from its sources (event_sources rows with the article's wire group):
    the latest report's status, the most precise date, everyone and everything any report names."""
    rows = sorted(rows, key=lambda r: r["reported"] or "")
    latest = rows[-1]
    dated = [r for r in rows if r["date"]]
    best_date = max(dated, key=lambda r: (len(r["date"]), r["reported"] or "")) if dated else None
    records = [json.loads(r["record"]) for r in rows]
    support = [{"article_id": r["article_id"], "wire_group": r["wire_group"], "reported": r["reported"],
                "hedged": r["status"] == "possible"} for r in rows]
    reported = sorted(r["reported"] for r in rows if r["reported"])
    return dict(
        status=latest["status"], date=best_date["date"] if best_date else None,
        date_precision=best_date["date_precision"] if best_date else None,
        platforms=json.dumps(sorted({p for r in records for p in r.get("platforms") or []}), ensure_ascii=False),
        participants=json.dumps(sorted({p for r in records for p in r.get("participants") or []}), ensure_ascii=False),
        location=next((r["location"] for r in reversed(records) if r.get("location")), None),
        sources=len({r["article_id"] for r in rows}), independent_sources=len({r["wire_group"] for r in rows}),
        first_reported=reported[0] if reported else None, last_reported=reported[-1] if reported else None,
        confidence=reconcile.confidence(support, support, reported[-1] if reported else None), updated_at=now())


# -- re-extraction, corrections, failures ------------------------------------------

def clear_events(engine: Engine) -> None:
    """Re-extraction rebuilds events from scratch, article by article in ingest order, so that they
    match as a fresh ingest would (events carry no corrections)."""
    with engine.begin() as conn:
        write_lock(conn)
        conn.execute(delete(event_sources))
        conn.execute(delete(events))


def replace_claims(engine: Engine, article_id: str, record: dict) -> tuple[set[int], set[int]]:
    """Re-extraction: the article's old claims give way to the new record's, in one transaction.
    Corrections are keyed by deal, field and article, so they still apply."""
    with engine.begin() as conn:
        write_lock(conn)
        reported = conn.execute(select(articles.c.reported).where(articles.c.id == article_id)).scalar()
        old_deals = {r[0] for r in conn.execute(select(claims.c.deal_id).where(claims.c.article_id == article_id))}
        old_events = {r[0] for r in conn.execute(
            select(event_sources.c.event_id).where(event_sources.c.article_id == article_id))}
        conn.execute(delete(claims).where(claims.c.article_id == article_id))
        conn.execute(delete(event_sources).where(event_sources.c.article_id == article_id))
        conn.execute(delete(mentions).where(mentions.c.article_id == article_id))
        conn.execute(update(articles).where(articles.c.id == article_id).values(extractor=__version__))
        new_deals, new_events = store_claims(conn, article_id, record, reported)
        for deal_id in old_deals | new_deals:
            reconcile_stored_deal(conn, deal_id)
        for event_id in old_events | new_events:
            reconcile_stored_event(conn, event_id)
        _drop_orphan_deals(conn, old_deals - new_deals)
        return new_deals, new_events


def _drop_orphan_deals(conn: Connection, deal_ids: set[int]) -> None:
    """A deal no report supports any more (and no analyst touched) goes."""
    for deal_id in deal_ids:
        has_claims = conn.execute(select(func.count()).select_from(claims).where(claims.c.deal_id == deal_id)).scalar()
        has_corrections = conn.execute(select(func.count()).select_from(corrections)
                                       .where(corrections.c.deal_id == deal_id)).scalar()
        if not has_claims and not has_corrections:
            conn.execute(delete(conflicts).where(conflicts.c.deal_id == deal_id))
            conn.execute(delete(deals).where(deals.c.id == deal_id))


def record_failure(engine: Engine, source: str, reason: str) -> None:
    """Note an input that could not be read; one still awaiting a retry is updated, not repeated
    (`watch` meets the same dead link at every poll)."""
    with engine.begin() as conn:
        pending = conn.execute(select(failures.c.id).where(
            and_(failures.c.source == source, failures.c.retried == 0)).limit(1)).scalar()
        if pending is None:
            conn.execute(insert(failures).values(source=source, reason=reason, at=now()))
        else:
            conn.execute(update(failures).where(failures.c.id == pending).values(reason=reason, at=now()))


def mark_retried(engine: Engine, source: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(failures).where(failures.c.source == source).values(retried=1))


def verify(conn: Connection) -> list[str]:
    """Problems with the ledger's invariants (empty when it is consistent): every deal's stored
    reconciliation equals one recomputed from its claims, claims point at stored articles and deals,
    every article is in the search index once."""
    problems: list[str] = []
    orphan = conn.execute(select(func.count()).select_from(claims).where(
        ~claims.c.article_id.in_(select(articles.c.id)))).scalar()
    if orphan:
        problems.append(f"{orphan} claims of articles not stored")
    for (deal_id,) in conn.execute(select(deals.c.id)).all():
        rec = reconcile.reconcile_deal(deal_claims(conn, deal_id), deal_corrections(conn, deal_id))
        stored = conn.execute(select(deals.c.detail, deals.c.sources).where(deals.c.id == deal_id)).first()
        if json.loads(stored.detail or '{"fields": {}}')["fields"] != json.loads(json.dumps(rec["fields"])) \
                or stored.sources != rec["sources"]:
            problems.append(f"deal {deal_id}: stored reconciliation differs from its claims")
        if not rec["sources"] and not deal_corrections(conn, deal_id):
            problems.append(f"deal {deal_id}: no claims")
    n_articles = conn.execute(select(func.count()).select_from(articles)).scalar()
    if conn.dialect.name == "sqlite":
        n_index = conn.execute(text("SELECT count(*) FROM articles_fts")).scalar()
        if n_index != n_articles:
            problems.append(f"search index holds {n_index} rows for {n_articles} articles")
    dup_urls = conn.execute(select(func.count()).select_from(
        select(articles.c.url).where(articles.c.url.is_not(None)).group_by(articles.c.url)
        .having(func.count() > 1).subquery())).scalar()
    if dup_urls:
        problems.append(f"{dup_urls} URLs stored more than once")
    return problems
