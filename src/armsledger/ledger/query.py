"""Reading the ledger: deals, one deal with its timeline, events, conflicts, search.

Every function takes an open Connection and returns plain dicts (JSON-ready),
so the CLI, the HTTP API and the exports share them. All filters are bound
parameters.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, func, literal_column, select, text
from sqlalchemy.engine import Connection

from .schema import articles, claims, conflicts, corrections, deals, entities, event_sources, events, gated, mentions
from .store import deal_claims


@dataclass
class DealFilter:
    supplier: str | None = None
    recipient: str | None = None
    platform: str | None = None
    category: str | None = None
    status: str | None = None
    year_from: int | None = None  # order year or first report year
    year_to: int | None = None
    include_rejected: bool = False

    def where(self):
        c = deals.c
        cond = []
        if self.supplier:
            cond.append(c.supplier == self.supplier.upper())
        if self.recipient:
            cond.append(c.recipient == self.recipient.upper())
        if self.platform:
            cond.append(func.lower(c.platform) == self.platform.lower())
        if self.category:
            cond.append(func.lower(c.category).contains(self.category.lower()))
        if self.status:
            cond.append(c.status == self.status)
        year = func.coalesce(c.order_year, func.cast(func.substr(c.first_reported, 1, 4), deals.c.order_year.type))
        if self.year_from:
            cond.append(year >= self.year_from)
        if self.year_to:
            cond.append(year <= self.year_to)
        if not self.include_rejected:
            cond.append(c.rejected == 0)
        return and_(*cond) if cond else literal_column("1") == 1


DEAL_LIST_COLUMNS = [c for c in deals.c if c.name not in ("detail",)]


def deal_rows(conn: Connection, flt: DealFilter | None = None, *, limit: int = 100, offset: int = 0,
              order: str = "last_reported") -> list[dict]:
    flt = flt or DealFilter()
    key = {"last_reported": deals.c.last_reported.desc(), "value": deals.c.value_usd.desc(),
           "id": deals.c.id.asc(), "confidence": deals.c.confidence.desc()}.get(order, deals.c.last_reported.desc())
    rows = conn.execute(select(*DEAL_LIST_COLUMNS).where(flt.where()).order_by(key, deals.c.id)
                        .limit(limit).offset(offset))
    return [_deal_row(r._mapping) for r in rows]


def deal_rows_with_fields(conn: Connection, flt: DealFilter | None = None, *, limit: int = 1000,
                          offset: int = 0) -> list[dict]:
    """Deals in id order with their reconciled fields (confidence, sources): what exports need,
    in one query a page rather than one a deal."""
    rows = conn.execute(select(deals).where((flt or DealFilter()).where()).order_by(deals.c.id)
                        .limit(limit).offset(offset))
    out = []
    for r in rows:
        d = _deal_row({k: v for k, v in r._mapping.items() if k != "detail"})
        d["fields"] = json.loads(r.detail)["fields"] if r.detail else {}
        out.append(d)
    return out


def deal_count(conn: Connection, flt: DealFilter | None = None) -> int:
    return conn.execute(select(func.count()).select_from(deals).where((flt or DealFilter()).where())).scalar_one()


def _deal_row(m) -> dict:
    d = dict(m)
    d["local_partners"] = json.loads(d["local_partners"]) if d.get("local_partners") else []
    d["follow_on"] = bool(d["follow_on"])
    d["hedged"] = bool(d["hedged"])
    d["rejected"] = bool(d["rejected"])
    d["title"] = deal_title(d)
    return d


def deal_title(d: dict) -> str:
    order = " follow-on" if d.get("follow_on") else ""
    year = f" ({d['order_year']})" if d.get("order_year") else ""
    return f"{d.get('supplier') or '?'} → {d.get('recipient') or '?'}: {d['platform']}{order}{year}"


def deal(conn: Connection, deal_id: int) -> dict | None:
    """One deal with its reconciled fields, timeline of claims in report order, sources and conflicts."""
    row = conn.execute(select(deals).where(deals.c.id == deal_id)).first()
    if row is None:
        return None
    d = _deal_row({k: v for k, v in row._mapping.items() if k != "detail"})
    detail = json.loads(row.detail) if row.detail else {"fields": {}}
    d["fields"] = detail["fields"]
    timeline = deal_claims(conn, deal_id)
    timeline.sort(key=lambda c: (c["reported"] or "", c["id"]))
    d["timeline"] = timeline
    src: dict[str, dict] = {}
    for c in timeline:
        s = src.setdefault(c["article_id"], {"article_id": c["article_id"], "reported": c["reported"],
                                             "publisher": c["publisher"], "title": c["title"], "url": c["url"],
                                             "wire_group": c["wire_group"], "fields": []})
        s["reported"] = s["reported"] or c["reported"]  # a recalled schedule ("originally expected") is undated
        s["fields"].append(c["field"])
    d["sources_list"] = sorted(src.values(), key=lambda s: s["reported"] or "")
    d["conflicts_list"] = [dict(r._mapping, claims=json.loads(r.claims)) for r in conn.execute(
        select(conflicts).where(conflicts.c.deal_id == deal_id).order_by(conflicts.c.id))]
    d["corrections"] = [dict(r._mapping, value=json.loads(r.value) if r.value else None) for r in conn.execute(
        select(corrections).where(corrections.c.deal_id == deal_id).order_by(corrections.c.id))]
    exp = d["fields"].get("expected_completion") or {}
    d["slippage"] = exp.get("history", [])
    return d


def conflict_rows(conn: Connection, limit: int = 100, offset: int = 0) -> list[dict]:
    rows = conn.execute(
        select(conflicts, deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on,
               deals.c.order_year).join(deals, deals.c.id == conflicts.c.deal_id)
        .where(deals.c.rejected == 0).order_by(conflicts.c.deal_id, conflicts.c.id).limit(limit).offset(offset))
    return [dict(r._mapping, claims=json.loads(r.claims), title=deal_title(r._mapping)) for r in rows]


@dataclass
class EventFilter:
    type: str | None = None
    country: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def where(self):
        cond = []
        if self.type:
            cond.append(events.c.type == self.type.upper())
        if self.country:
            cond.append(("," + events.c.countries + ",").contains("," + self.country.upper() + ","))
        if self.status:
            cond.append(events.c.status == self.status)
        if self.date_from:
            cond.append(events.c.date >= self.date_from)
        if self.date_to:
            cond.append(events.c.date <= self.date_to + "-99")
        return and_(*cond) if cond else literal_column("1") == 1


def event_rows(conn: Connection, flt: EventFilter | None = None, *, limit: int = 100, offset: int = 0) -> list[dict]:
    rows = conn.execute(select(events).where((flt or EventFilter()).where())
                        .order_by(func.coalesce(events.c.date, events.c.first_reported).desc(), events.c.id.desc())
                        .limit(limit).offset(offset))
    return [_event_row(r._mapping) for r in rows]


def _event_row(m) -> dict:
    e = dict(m)
    e["countries"] = e["countries"].split(",") if e["countries"] else []
    e["platforms"] = json.loads(e["platforms"]) if e.get("platforms") else []
    e["participants"] = json.loads(e["participants"]) if e.get("participants") else []
    return e


def event(conn: Connection, event_id: int) -> dict | None:
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return None
    e = _event_row(row._mapping)
    e["sources_list"] = [dict(r._mapping) for r in conn.execute(
        select(event_sources.c.article_id, event_sources.c.status, event_sources.c.date, event_sources.c.text,
               event_sources.c.start, event_sources.c.end, event_sources.c.reported, articles.c.publisher,
               articles.c.title, articles.c.url, articles.c.wire_group)
        .join(articles, articles.c.id == event_sources.c.article_id)
        .where(event_sources.c.event_id == event_id).order_by(event_sources.c.reported, event_sources.c.id))]
    return e


def article(conn: Connection, article_id: str) -> dict | None:
    """One stored article with its text, entity mentions, and the deals and events drawn from it."""
    row = conn.execute(select(*[c for c in articles.c if c.name not in ("minhash", "search")])
                       .where(articles.c.id == article_id)).first()
    if row is None:
        return None
    a = dict(row._mapping)
    a["mentions"] = [dict(r._mapping) for r in conn.execute(
        select(mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.role, entities.c.id.label("entity_id"),
               entities.c.kind, entities.c.name).join(entities, entities.c.id == mentions.c.entity_id)
        .where(mentions.c.article_id == article_id).order_by(mentions.c.start))]
    a["claims"] = [dict(r._mapping, value=json.loads(r.value)) for r in conn.execute(
        select(claims.c.id, claims.c.deal_id, claims.c.record_id, claims.c.field, claims.c.value, claims.c.text,
               claims.c.start, claims.c.end, claims.c.hedged).where(claims.c.article_id == article_id)
        .order_by(claims.c.id))]
    a["deal_ids"] = sorted({c["deal_id"] for c in a["claims"]})
    a["events"] = [dict(r._mapping) for r in conn.execute(
        select(event_sources.c.event_id, event_sources.c.record_id, event_sources.c.status, event_sources.c.date,
               event_sources.c.start, event_sources.c.end, event_sources.c.text, events.c.type)
        .join(events, events.c.id == event_sources.c.event_id).where(event_sources.c.article_id == article_id)
        .order_by(event_sources.c.start))]
    a["copies"] = [r[0] for r in conn.execute(select(articles.c.id).where(
        and_(articles.c.wire_group == a["wire_group"], articles.c.id != article_id)))]
    return a


def article_rows(conn: Connection, *, limit: int = 100, offset: int = 0) -> list[dict]:
    cols = [c for c in articles.c if c.name not in ("minhash", "text", "search")]
    return [dict(r._mapping) for r in conn.execute(
        select(*cols).order_by(articles.c.reported.desc(), articles.c.id).limit(limit).offset(offset))]


def entity_rows(conn: Connection, kind: str | None = None, *, limit: int = 100, offset: int = 0) -> list[dict]:
    n = func.count(mentions.c.id).label("mentions")
    q = (select(entities, n).join(mentions, mentions.c.entity_id == entities.c.id, isouter=True)
         .group_by(entities.c.id).order_by(n.desc(), entities.c.name).limit(limit).offset(offset))
    if kind:
        q = q.where(entities.c.kind == kind)
    return [dict(r._mapping) for r in conn.execute(q)]


def search(conn: Connection, query: str, *, limit: int = 20) -> list[dict]:
    """Articles matching `query` (words; SQLite FTS5 or PostgreSQL full-text), best first, with a snippet."""
    words = [w for w in "".join(ch if ch.isalnum() or ch in "-_" else " " for ch in query).split() if w]
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        sql = text("""SELECT a.id, a.title, a.publisher, a.reported, a.url,
                             snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
                      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                      WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n""")
        rows = conn.execute(sql, {"q": match, "n": limit})
    else:
        sql = text("""SELECT id, title, publisher, reported, url,
                             ts_headline('english', text, plainto_tsquery('english', :q),
                                         'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet
                      FROM articles WHERE search @@ plainto_tsquery('english', :q)
                      ORDER BY ts_rank(search, plainto_tsquery('english', :q)) DESC LIMIT :n""")
        rows = conn.execute(sql, {"q": " ".join(words), "n": limit})
    return [dict(r._mapping) for r in rows]


def stats(conn: Connection) -> dict:
    one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
    return {
        "articles": one(select(func.count()).select_from(articles)),
        "wire_groups": one(select(func.count(func.distinct(articles.c.wire_group)))),
        "deals": one(select(func.count()).select_from(deals).where(deals.c.rejected == 0)),
        "events": one(select(func.count()).select_from(events)),
        "claims": one(select(func.count()).select_from(claims)),
        "conflicts": one(select(func.count()).select_from(conflicts)),
        "entities": one(select(func.count()).select_from(entities)),
        "gated": one(select(func.count()).select_from(gated)),
    }


__all__ = ["DealFilter", "EventFilter", "deal_rows", "deal_count", "deal", "conflict_rows", "event_rows", "event",
           "article", "article_rows", "entity_rows", "search", "stats"]
