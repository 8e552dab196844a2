"""What each page shows, as plain dicts: the HTML page renders them and its JSON twin returns them.

Every function takes an open read-only `Ledger`; a missing record raises `NotFound`.
"""
from __future__ import annotations

from ..ledger import DealFilter, Ledger
from ..ledger import query
from .display import country_name

STATUSES = ("considered", "offered", "negotiating", "signed", "in_delivery", "completed", "cancelled")
LIST_LIMIT = 200  # rows of deals or events on one country, pair or platform page


class NotFound(LookupError):
    """No such deal, event, article or country in this ledger."""


def _conn(ledger: Ledger):
    return ledger.engine.connect()


def deals(ledger: Ledger, flt: DealFilter | None = None, *, limit: int = 50, offset: int = 0,
          order: str = "last_reported", after: int | None = None) -> list[dict]:
    """A page of deals: `Ledger.deals`."""
    return ledger.deals(flt, limit=limit, offset=offset, order=order, after=after)


def overview(ledger: Ledger) -> dict:
    with _conn(ledger) as conn:
        changes = query.recent_status_changes(conn)
        latest = query.recent_events(conn, limit=10)
    return {"stats": ledger.stats(kept=True), "latest_events": latest, "status_changes": changes,
            "conflicts": ledger.conflicts(limit=10), "recent_deals": deals(ledger, limit=10)}


TIMELINE_CLAIMS = 200  # a deal page's timeline: the latest claims stored (a deal reported thousands of times)


def deal(ledger: Ledger, deal_id: int, latest_sources: int | None = None) -> dict:
    """The deal as `Ledger.deal` gives it (its latest TIMELINE_CLAIMS claims), plus `evidence`: each source
    (or the `latest_sources` latest ones) with the sentences behind its claims."""
    d = ledger.deal(deal_id, claims=TIMELINE_CLAIMS)
    if d is None:
        raise NotFound(f"no deal {deal_id} in this ledger")
    by_article: dict[str, list[dict]] = {}
    for c in d["timeline"]:
        by_article.setdefault(c["article_id"], []).append(c)
    for src in d["sources_list"]:  # the report date, not that of an undated "originally expected" claim
        dates = [c["reported"] for c in by_article.get(src["article_id"], []) if c["reported"]]
        src["reported"] = src["reported"] or (max(dates) if dates else None)
    d["sources_list"].sort(key=lambda s: s["reported"] or "")
    shown = d["sources_list"][-latest_sources:] if latest_sources else d["sources_list"]
    with _conn(ledger) as conn:  # the claims' sentences come with the timeline: the bodies are all to read
        bodies = query.texts(conn, [s["article_id"] for s in shown])
    evidence = []
    for src in shown:
        body = bodies.get(src["article_id"], "")
        sentences: dict[tuple[int, int], dict] = {}
        loose = []
        for c in by_article.get(src["article_id"], []):
            s, e = c["sentence_start"], c["sentence_end"]
            if s is None or e is None or not (0 <= s < e <= len(body)):
                loose.append({"field": c["field"], "value": c["value"], "text": c.get("text")})
                continue
            sent = sentences.setdefault((s, e), {"start": s, "end": e, "text": body[s:e], "fields": [], "marks": []})
            if c["field"] not in sent["fields"]:
                sent["fields"].append(c["field"])
            if c.get("start") is not None and c.get("end") is not None and s <= c["start"] < c["end"] <= e:
                sent["marks"].append({"start": c["start"], "end": c["end"], "field": c["field"]})
        evidence.append(dict(src, sentences=sorted(sentences.values(), key=lambda x: x["start"]), unplaced=loose))
    d["evidence"] = evidence
    return d


def schedule_changes(history: list[dict]) -> list[dict]:
    """The expected completion as reports gave it, one row per change: consecutive reports
    repeating a date count on the row of the first that gave it."""
    rows: list[dict] = []
    for h in history:
        value = h["value"].get("value") if isinstance(h["value"], dict) else h["value"]
        if rows and rows[-1]["expected"] == value and not h["value"].get("originally"):
            rows[-1]["reports"] += 1
            rows[-1]["last_reported"] = h.get("reported") or rows[-1]["last_reported"]
            continue
        rows.append({"expected": value, "said": h["value"].get("text") or h.get("text"),
                     "originally": bool(h["value"].get("originally")), "reported": h.get("reported"),
                     "last_reported": h.get("reported"), "article_id": h["article_id"],
                     "publisher": h.get("publisher"), "reports": 1})
    return rows


def event(ledger: Ledger, event_id: int) -> dict:
    e = ledger.event(event_id)
    if e is None:
        raise NotFound(f"no event {event_id} in this ledger")
    return e


def article(ledger: Ledger, article_id: str, deal_id: int | None = None) -> dict:
    """The article with its spans (mentions, claims, events), the deals drawn from it and,
    for `deal_id`, the sentences that state something about that deal."""
    a = ledger.article(article_id)
    if a is None:
        raise NotFound(f"no article {article_id} in this ledger")
    with _conn(ledger) as conn:
        a["deals"] = list(query.deal_heads(conn, a["deal_ids"]).values())
        a["deal_sentences"] = query.article_deal_sentences(conn, article_id, deal_id) if deal_id else []
        codes = query.entity_codes(conn, [m["entity_id"] for m in a["mentions"]])
    counts: dict[int, int] = {}
    for mention in a["mentions"]:
        counts[mention["entity_id"]] = counts.get(mention["entity_id"], 0) + 1
    firsts = {mention["entity_id"]: mention for mention in reversed(a["mentions"])}
    a["entities"] = [{"id": i, "kind": firsts[i]["kind"], "name": firsts[i]["name"], "code": codes.get(i),
                      "mentions": n} for i, n in sorted(counts.items(), key=lambda kv: (-kv[1], firsts[kv[0]]["name"]))]
    a["why"] = why(ledger, a)
    return a


def why(ledger: Ledger, a: dict) -> list[dict]:
    """Why the extractor finds each deal in this article: the stored text extracted again with the current
    model, explained (`armsledger extract --explain`). Nothing is written."""
    from ..model import Article

    art = Article(text=a["text"], source=a["source"], title=a.get("title"), published=a.get("published"),
                  publisher=a.get("publisher"), url=a.get("url"))
    record = ledger.extractor(art, explain=True)
    return [{"deal": f"{d['supplier']} → {d['recipient']} {d['platform']}", "status": d["status"], **d["why"]}
            for d in record["deals"]]


def country(ledger: Ledger, code: str) -> dict:
    code = code.upper()
    with _conn(ledger) as conn:
        entity = query.entity_by_code(conn, "country", code)
        shares = query.supplier_shares(conn, code)
        events = query.recent_events(conn, limit=LIST_LIMIT, countries=[code])
    as_supplier = deals(ledger, DealFilter(supplier=code), limit=LIST_LIMIT)
    as_recipient = deals(ledger, DealFilter(recipient=code), limit=LIST_LIMIT)
    if not (entity or as_supplier or as_recipient or events) and country_name(code) == code:
        raise NotFound(f"no country {code}")  # a country the ledger holds nothing on still has its (empty) page
    return {"code": code, "name": country_name(code), "entity": entity,
            "counts": {"as_supplier": ledger.deal_count(DealFilter(supplier=code)),
                       "as_recipient": ledger.deal_count(DealFilter(recipient=code)), "events": len(events)},
            "as_supplier": as_supplier, "as_recipient": as_recipient, "suppliers": shares, "events": events}


def pair(ledger: Ledger, supplier: str, recipient: str) -> dict:
    """Deals from `supplier` to `recipient`, events involving both, and the supplier's share."""
    supplier, recipient = supplier.upper(), recipient.upper()
    flt = DealFilter(supplier=supplier, recipient=recipient)
    with _conn(ledger) as conn:
        shares = query.supplier_shares(conn, recipient)
        events = query.recent_events(conn, limit=LIST_LIMIT, countries=[supplier, recipient])
    mine = next((s for s in shares if s["supplier"] == supplier), None)
    return {"supplier": supplier, "recipient": recipient, "supplier_name": country_name(supplier),
            "recipient_name": country_name(recipient), "deal_count": ledger.deal_count(flt),
            "deals": deals(ledger, flt, limit=LIST_LIMIT), "events": events,
            "share": {"deals": mine["share"] if mine else 0.0, "value": mine["value_share"] if mine else None,
                      "recipient_deals": sum(s["deals"] for s in shares)},
            "suppliers": shares}


def platform(ledger: Ledger, name: str) -> dict:
    flt = DealFilter(platform=name)
    rows = deals(ledger, flt, limit=LIST_LIMIT, order="id")
    with _conn(ledger) as conn:
        named = rows[0]["platform"] if rows else name
        events = query.platform_events(conn, named, limit=LIST_LIMIT)
        if not (rows or events or query.entity_named(conn, "platform", name)):
            raise NotFound(f"no platform {name!r} in this ledger")
    return {"platform": named, "category": next((d["category"] for d in rows if d["category"]), None),
            "deal_count": ledger.deal_count(flt), "deals": rows,
            "recipients": sorted({d["recipient"] for d in rows if d["recipient"]}),
            "suppliers": sorted({d["supplier"] for d in rows if d["supplier"]}), "events": events}


def network(ledger: Ledger, year_from: int | None = None, year_to: int | None = None, limit: int = 60) -> dict:
    with _conn(ledger) as conn:
        links = query.trade_links(conn, year_from=year_from, year_to=year_to, limit=limit)
    return {"year_from": year_from, "year_to": year_to, "links": links}


def countries(ledger: Ledger) -> list[dict]:
    with _conn(ledger) as conn:
        return [dict(c, name=country_name(c["code"])) for c in query.country_codes(conn)]


def platforms(ledger: Ledger) -> list[dict]:
    with _conn(ledger) as conn:
        return query.platforms(conn)
