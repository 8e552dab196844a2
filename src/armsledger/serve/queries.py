"""Reads the dashboard needs beyond `Ledger`'s: aggregates over deals, recent status changes,
events between two countries, the sentences behind claims.

SQLAlchemy Core with bound parameters only, like `ledger.query`; every function takes an
open Connection and returns plain dicts.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from ..ledger.query import DealFilter, deal_title, supplier_shares, trade_links  # noqa: F401 (the dashboard's reads)
from ..ledger.schema import articles, claims, deals, entities, events

_LIVE = deals.c.rejected == 0


_ORDERS = {"last_reported": (deals.c.last_reported.desc(),), "value": (deals.c.value_usd.desc(),),
           "confidence": (deals.c.confidence.desc(),), "id": ()}
_LIST_COLUMNS = [c for c in deals.c if c.name != "detail"]


def deal_page(conn: Connection, flt: DealFilter, *, limit: int, offset: int,
              order: str = "last_reported") -> list[dict]:
    """`Ledger.deals` in two steps: the page's ids first (through a narrow index, so that
    skipping `offset` rows never reads the wide deal rows), then those rows.
    Same filter, order and dicts as `Ledger.deals`."""
    key = (*_ORDERS.get(order, _ORDERS["last_reported"]), deals.c.id)
    ids = conn.execute(select(deals.c.id).where(flt.where()).order_by(*key).limit(limit).offset(offset)).scalars().all()
    if not ids:
        return []
    rows = {r.id: r._mapping for r in conn.execute(select(*_LIST_COLUMNS).where(deals.c.id.in_(ids)))}
    out = []
    for i in ids:
        d = dict(rows[i])
        d["local_partners"] = json.loads(d["local_partners"]) if d.get("local_partners") else []
        for flag in ("follow_on", "hedged", "rejected"):
            d[flag] = bool(d[flag])
        d["title"] = deal_title(d)
        out.append(d)
    return out


def country_codes(conn: Connection) -> list[dict]:
    """Every country named as a supplier or recipient, with its number of deals on each side."""
    out: dict[str, dict] = {}
    for side in ("supplier", "recipient"):
        col = deals.c[side]
        for code, count in conn.execute(select(col, func.count()).where(and_(_LIVE, col.is_not(None))).group_by(col)):
            out.setdefault(code, {"code": code, "as_supplier": 0, "as_recipient": 0})[f"as_{side}"] = count
    return sorted(out.values(), key=lambda c: -(c["as_supplier"] + c["as_recipient"]))


def platforms(conn: Connection, *, limit: int = 500) -> list[dict]:
    """Platforms with their number of deals and of recipients."""
    n = func.count().label("deals")
    rows = conn.execute(select(deals.c.platform, func.max(deals.c.category).label("category"), n,
                               func.count(func.distinct(deals.c.recipient)).label("recipients"))
                        .where(_LIVE).group_by(deals.c.platform).order_by(n.desc(), deals.c.platform).limit(limit))
    return [dict(r._mapping) for r in rows]


def entity_by_code(conn: Connection, kind: str, code: str) -> dict | None:
    row = conn.execute(select(entities).where(and_(entities.c.kind == kind, entities.c.code == code))
                       .order_by(entities.c.id).limit(1)).first()
    return dict(row._mapping) if row else None


def entity_named(conn: Connection, kind: str, name: str) -> dict | None:
    row = conn.execute(select(entities).where(and_(entities.c.kind == kind, entities.c.name == name))
                       .order_by(entities.c.id).limit(1)).first()
    return dict(row._mapping) if row else None


def entity_codes(conn: Connection, entity_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(entity_ids))
    if not ids:
        return {}
    return {r.id: r.code for r in conn.execute(select(entities.c.id, entities.c.code)
                                               .where(and_(entities.c.id.in_(ids), entities.c.code.is_not(None))))}


def recent_status_changes(conn: Connection, *, scan: int = 200, limit: int = 10) -> list[dict]:
    """Deals whose reported status moved (offered → signed, signed → in_delivery...), latest first.

    Looks at the `scan` most recently reported deals: a change is a report whose status differs
    from the one before it (hedged reports count only where a deal has no firm ones)."""
    recent = conn.execute(select(*[c for c in deals.c if c.name != "detail"]).where(_LIVE)
                          .order_by(deals.c.last_reported.desc(), deals.c.id).limit(scan)).all()
    if not recent:
        return []
    by_id = {r.id: r._mapping for r in recent}
    status_claims: dict[int, list] = {}
    for row in conn.execute(select(claims.c.deal_id, claims.c.value, claims.c.reported, claims.c.hedged,
                                   claims.c.article_id, claims.c.id)
                            .where(and_(claims.c.field == "status", claims.c.deal_id.in_(list(by_id))))
                            .order_by(claims.c.reported, claims.c.id)):
        status_claims.setdefault(row.deal_id, []).append(row)
    changes = []
    for deal_id, rows in status_claims.items():
        firm = [r for r in rows if not r.hedged and r.reported] or [r for r in rows if r.reported]
        for before, after in zip(firm, firm[1:]):
            old, new = json.loads(before.value), json.loads(after.value)
            if old != new:
                d = by_id[deal_id]
                changes.append({"deal_id": deal_id, "title": deal_title(d), "status": d["status"],
                                "from": old, "to": new, "reported": after.reported,
                                "article_id": after.article_id})
    changes.sort(key=lambda c: (c["reported"] or "", c["deal_id"]), reverse=True)
    return changes[:limit]


def recent_events(conn: Connection, *, limit: int = 10, countries: Iterable[str] = ()) -> list[dict]:
    """Events latest reported first; with `countries`, only those involving every one of them."""
    cond = [events.c.last_reported.is_not(None)]
    for code in countries:
        cond.append(("," + events.c.countries + ",").contains("," + code + ",", autoescape=True))
    rows = conn.execute(select(events).where(and_(*cond))
                        .order_by(events.c.last_reported.desc(), events.c.id.desc()).limit(limit))
    return [event_row(r._mapping) for r in rows]


def platform_events(conn: Connection, platform: str, *, limit: int = 200) -> list[dict]:
    """Events naming `platform` (deliveries, offers, upgrades...), latest first."""
    named = events.c.platforms.contains(json.dumps(platform, ensure_ascii=False), autoescape=True)
    rows = conn.execute(select(events).where(named)
                        .order_by(func.coalesce(events.c.date, events.c.first_reported).desc(), events.c.id.desc())
                        .limit(limit))
    return [event_row(r._mapping) for r in rows]


def event_row(m) -> dict:
    e = dict(m)
    e["countries"] = e["countries"].split(",") if e.get("countries") else []
    e["platforms"] = json.loads(e["platforms"]) if e.get("platforms") else []
    e["participants"] = json.loads(e["participants"]) if e.get("participants") else []
    return e


def texts(conn: Connection, article_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return {r.id: r.text for r in conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids)))}


def claim_sentences(conn: Connection, deal_id: int, article_ids: Iterable[str]) -> dict[int, tuple]:
    """claim id -> (sentence_start, sentence_end) for one deal's claims in these articles
    (`Ledger.deal` leaves the sentences out)."""
    return {r.id: (r.sentence_start, r.sentence_end) for r in conn.execute(
        select(claims.c.id, claims.c.sentence_start, claims.c.sentence_end)
        .where(and_(claims.c.deal_id == deal_id, claims.c.article_id.in_(sorted(set(article_ids))))))}


def article_deal_sentences(conn: Connection, article_id: str, deal_id: int) -> list[tuple[int, int]]:
    """The sentences of one article that state something about one deal."""
    rows = conn.execute(select(claims.c.sentence_start, claims.c.sentence_end).distinct()
                        .where(and_(claims.c.article_id == article_id, claims.c.deal_id == deal_id,
                                    claims.c.sentence_start.is_not(None), claims.c.sentence_end.is_not(None))))
    return sorted((r.sentence_start, r.sentence_end) for r in rows)


def deal_heads(conn: Connection, deal_ids: Iterable[int]) -> dict[int, dict]:
    """id -> {id, title, status, rejected} for a handful of deals (an article's, a conflict list's)."""
    ids = sorted(set(deal_ids))
    if not ids:
        return {}
    rows = conn.execute(select(deals.c.id, deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on,
                               deals.c.order_year, deals.c.status, deals.c.rejected).where(deals.c.id.in_(ids)))
    return {r.id: {"id": r.id, "title": deal_title(r._mapping), "status": r.status, "rejected": bool(r.rejected)}
            for r in rows}
