"""Reading the ledger: deals, one deal with its timeline, events, conflicts, search, totals, and what the
dashboard's pages add (countries, platforms, recent changes, evidence sentences).

The one read path: every function takes an open Connection and returns plain dicts (JSON-ready), so the CLI,
the HTTP API, the dashboard and the exports read the same figures. All filters are bound
parameters.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, func, literal_column, or_, select, text
from sqlalchemy.engine import Connection

from .schema import (
    SEARCH_VECTOR,
    articles,
    claims,
    conflicts,
    corrections,
    deals,
    entities,
    event_sources,
    events,
    gated,
    mentions,
)
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


MARK_EVERY = 1000  # a deep page of the deal list seeks to the marked deal before it: one mark this many deals

_ORDERS = {"last_reported": (deals.c.last_reported.desc(),), "value": (deals.c.value_usd.desc(),),
           "confidence": (deals.c.confidence.desc(),), "id": ()}
_ORDER_COLUMNS = {"last_reported": deals.c.last_reported, "value": deals.c.value_usd,
                  "confidence": deals.c.confidence, "id": None}


def deal_rows(conn: Connection, flt: DealFilter | None = None, *, limit: int = 100, offset: int = 0,
              order: str = "last_reported", after: int | None = None, marks: Counts | None = None) -> list[dict]:
    """A page of deals in two steps: the page's ids first (through a narrow index, so that skipping `offset`
    rows never reads the wide deal rows), then those rows.

    `after` (the id of the last deal of the page before) gives the page that follows that deal in this order,
    found by a seek in the index rather than by skipping rows (keyset pagination: page 5,000 costs what
    page 1 does); `offset` is then not used.

    `marks` (a ledger's `Counts`): a deep `offset` seeks to the marked deal before it (every MARK_EVERY-th of
    the order, kept until a deal changes) and skips fewer than MARK_EVERY rows from there: the same page,
    without walking the index from its start each time."""
    flt = flt or DealFilter()
    order = order if order in _ORDERS else "last_reported"
    base = select(deals.c.id).where(flt.where()).order_by(*_order_key(order))
    mark = marks.mark(conn, flt, order, base, offset) if after is None and marks is not None else None
    if mark is not None:
        position, mark_id = mark
        ids = _ids_after(conn, base, _ORDER_COLUMNS[order], mark_id, limit, skip=offset - position)
    elif after is None:
        ids = conn.execute(base.limit(limit).offset(offset)).scalars().all()
    else:
        ids = _ids_after(conn, base, _ORDER_COLUMNS[order], after, limit)
    if not ids:
        return []
    rows = {r.id: r._mapping for r in conn.execute(select(*DEAL_LIST_COLUMNS).where(deals.c.id.in_(ids)))}
    return [_deal_row(rows[i]) for i in ids]


def _order_key(order: str) -> tuple:
    """A descending order breaks ties by id descending too (the newer deal first), so that one backward walk
    of an index (column, id) gives the order without a sort."""
    return (deals.c.id,) if order == "id" else (*_ORDERS[order], deals.c.id.desc())


def _ids_after(conn: Connection, base, col, after: int, limit: int, skip: int = 0) -> list[int]:
    """The ids of `base` (ordered by `col` descending, then id descending) that come after deal `after`,
    the first `skip` of them left out."""
    if col is None:
        return conn.execute(base.where(deals.c.id > after).offset(skip).limit(limit)).scalars().all()
    row = conn.execute(select(col).where(deals.c.id == after)).first()
    if row is None:
        return []
    v = row[0]
    nulls_first = conn.dialect.name == "postgresql"  # where a descending order puts deals without a value
    # one index range per segment of the order, so that no OR keeps the database from seeking
    if v is None:
        segments = [and_(col.is_(None), deals.c.id < after)] + ([col.is_not(None)] if nulls_first else [])
    else:
        segments = [and_(col <= v, or_(col < v, deals.c.id < after))] + ([] if nulls_first else [col.is_(None)])
    ids: list[int] = []
    for segment in segments:
        got = conn.execute(base.where(segment).offset(skip).limit(limit - len(ids))).scalars().all()
        if skip and not got:  # the segment holds no more than `skip` rows: skip them, then go on
            skip -= conn.execute(select(func.count()).select_from(base.where(segment).subquery())).scalar_one()
            continue
        ids += got
        skip = 0
        if len(ids) >= limit:
            break
    return ids


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


class Counts:
    """Deal counts per filter, and the ledger's totals (`stats`), kept until the deals change or `ttl` seconds pass.

    Counting 250,000 deals reads a whole index on every page of the list, and the totals of a 1 M-article ledger
    take seconds; checking that no deal changed reads two index ends (the latest `updated_at`, which every
    reconciliation sets, and the highest id). The `ttl` bounds what that check cannot see (a deal deleted below
    the highest id; articles that change no deal, for the totals)."""

    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self._kept: dict[tuple, tuple[tuple, float, object, str]] = {}
        self._marks: dict[tuple, tuple[tuple, float, list[int], bool]] = {}

    def count(self, conn: Connection, flt: DealFilter | None = None) -> tuple[int, str]:
        """(number of deals under `flt`, when they were counted: UTC, ISO 8601)."""
        from dataclasses import astuple

        flt = flt or DealFilter()
        return self._keep(conn, ("deals", *astuple(flt)), lambda: deal_count(conn, flt))

    def stats(self, conn: Connection) -> tuple[dict, str]:
        """(`stats`, when counted)."""
        return self._keep(conn, ("stats",), lambda: stats(conn))

    def mark(self, conn: Connection, flt: DealFilter, order: str, base, offset: int) -> tuple[int, int] | None:
        """(position, id) of the deal marked last before row `offset` of `base` (`deal_rows`'s ids of `flt` in
        `order`): the deal at that many rows into the order, a multiple of MARK_EVERY; None for an offset short
        of the first mark or past the last deal. Marks are read (one walk of the index, as deep as the offsets
        asked for so far, twice as deep each time) and kept until a deal changes or `ttl` seconds pass."""
        import time
        from dataclasses import astuple

        if offset < MARK_EVERY:
            return None
        key = (order, *astuple(flt))
        stamp = self._stamp(conn)
        hit = self._marks.get(key)
        if not hit or hit[0] != stamp or time.monotonic() - hit[1] >= self.ttl:
            hit = (stamp, time.monotonic(), [], False)
        ids, complete = hit[2], hit[3]
        wanted = offset // MARK_EVERY
        if wanted > len(ids) and not complete:
            upto = max(2 * len(ids), wanted) * MARK_EVERY
            n = func.row_number().over(order_by=_order_key(order)).label("n")
            walked = base.add_columns(n).limit(upto).subquery()
            ids = conn.execute(select(walked.c.id).where(walked.c.n % MARK_EVERY == 0).order_by(walked.c.n)
                               ).scalars().all()
            complete = len(ids) < upto // MARK_EVERY
            if len(self._marks) > 100:
                self._marks.clear()
            hit = (hit[0], hit[1], ids, complete)
        self._marks[key] = hit
        if wanted > len(ids):
            return None  # past the last deal: an empty page, found as before
        return wanted * MARK_EVERY, ids[wanted - 1]

    @staticmethod
    def _stamp(conn: Connection) -> tuple:
        """What changes when any deal does: the latest `updated_at` and the highest id."""
        return tuple(conn.execute(select(select(func.max(deals.c.updated_at)).scalar_subquery(),
                                         select(func.max(deals.c.id)).scalar_subquery())).one())

    def _keep(self, conn: Connection, key: tuple, compute):
        import time
        from datetime import datetime, timezone

        stamp = self._stamp(conn)
        hit = self._kept.get(key)
        if hit and hit[0] == stamp and time.monotonic() - hit[1] < self.ttl:
            return hit[2], hit[3]
        value = compute()
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if len(self._kept) > 1000:  # filters are many; the ones asked for again are few
            self._kept.clear()
        self._kept[key] = (stamp, time.monotonic(), value, at)
        return value, at


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


def deal(conn: Connection, deal_id: int, claims: int | None = None) -> dict | None:
    """One deal with its reconciled fields, timeline of claims in report order, sources and conflicts.

    `claims`: the timeline holds only the latest that many claims stored (and `sources_list` their reports),
    `timeline_complete` says whether that is all of them: a deal reported thousands of times reads fast.
    Each reconciled field counts all its sources (`sources_count`) and lists the latest."""
    row = conn.execute(select(deals).where(deals.c.id == deal_id)).first()
    if row is None:
        return None
    d = _deal_row({k: v for k, v in row._mapping.items() if k != "detail"})
    detail = json.loads(row.detail) if row.detail else {"fields": {}}
    d["fields"] = detail["fields"]
    timeline = deal_claims(conn, deal_id, latest=claims + 1 if claims is not None else None)
    d["timeline_complete"] = claims is None or len(timeline) <= claims
    timeline = timeline[-claims:] if claims is not None else timeline
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


SIGNED_AND_LATER = ("signed", "in_delivery", "completed")  # what totals count by default
PROPOSED = ("considered", "offered", "negotiating")  # totalled apart, and labelled so


def _package_keys(conn: Connection, cond) -> dict[int, tuple]:
    """deal id -> its package's key, for the deals under `cond` whose value is one package's.

    Only deals sharing supplier, recipient, amount and currency with another can share a package, so only their
    detail is read."""
    c = deals.c
    same = (c.supplier, c.recipient, c.value_amount, c.value_currency)
    groups = select(*same).where(and_(cond, c.value_amount.is_not(None))).group_by(*same).having(func.count() > 1)
    shared = groups.subquery()
    rows = conn.execute(select(c.id, c.detail).join(shared, and_(*[col == shared.c[col.name] for col in same[:3]]))
                        .where(and_(cond, func.coalesce(c.value_currency, "") == func.coalesce(shared.c.value_currency, ""))))
    keys = {}
    for r in rows:
        value = ((json.loads(r.detail) if r.detail else {}).get("fields", {}).get("value") or {}).get("value") or {}
        pkg = value.get("package")
        if pkg:
            keys[r.id] = (value.get("currency"), value.get("amount"), tuple(sorted(pkg.get("members", []))))
    return keys


def value_totals(conn: Connection, by: tuple[str, ...], flt: DealFilter | None = None) -> list[dict]:
    """Deals and their USD value per group of `by` columns (("supplier", "recipient") for the network).

    `deals` counts every live deal; `value_usd` sums the firm deals signed and later (`SIGNED_AND_LATER`, not
    hedged), and `proposed_usd` the deals only considered, offered or under negotiation (or hedged), apart.
    A package (one value stated for several deals) is counted once in each sum."""
    c = deals.c
    cond = (flt or DealFilter()).where()
    packages = _package_keys(conn, cond)
    out: dict[tuple, dict] = {}
    seen: set[tuple] = set()
    for r in conn.execute(select(c.id, c.status, c.hedged, c.value_usd, *[c[k] for k in by]).where(cond)
                          .order_by(c.id)):
        key = tuple(r._mapping[k] for k in by)
        row = out.setdefault(key, {**dict(zip(by, key)), "deals": 0, "value_usd": None, "valued": 0,
                                   "proposed_deals": 0, "proposed_usd": None})
        row["deals"] += 1
        firm = r.status in SIGNED_AND_LATER and not r.hedged
        proposed = not firm and (r.status in PROPOSED or (r.hedged and r.status in SIGNED_AND_LATER))
        row["proposed_deals"] += proposed
        if r.value_usd is None or not (firm or proposed):
            continue
        if r.id in packages:
            if (key, packages[r.id]) in seen:
                continue
            seen.add((key, packages[r.id]))
        col = "value_usd" if firm else "proposed_usd"
        row[col] = (row[col] or 0.0) + r.value_usd
        row["valued"] += firm
    return list(out.values())


def trade_links(conn: Connection, *, year_from: int | None = None, year_to: int | None = None,
                limit: int = 80) -> list[dict]:
    """Supplier → recipient pairs with their number of deals and USD value (signed and later, each package
    once; proposed deals apart), largest first."""
    rows = [r for r in value_totals(conn, ("supplier", "recipient", "order_year"))
            if r["supplier"] and r["recipient"] and (year_from is None or (r["order_year"] or 0) >= year_from)
            and (year_to is None or (r["order_year"] is not None and r["order_year"] <= year_to))]
    pairs: dict[tuple, dict] = {}
    for r in rows:
        p = pairs.setdefault((r["supplier"], r["recipient"]), {"supplier": r["supplier"], "recipient": r["recipient"],
                                                               "deals": 0, "value_usd": 0.0, "proposed_deals": 0,
                                                               "proposed_usd": 0.0})
        for k in ("deals", "value_usd", "proposed_deals", "proposed_usd"):
            p[k] += r[k] or 0
    return sorted(pairs.values(), key=lambda p: (-p["value_usd"], -p["deals"], p["supplier"], p["recipient"]))[:limit]


def supplier_shares(conn: Connection, recipient: str) -> list[dict]:
    """Who supplies `recipient`: deals and USD value per supplier (signed and later, each package once), with each
    one's share of the recorded deals and of the value."""
    rows = value_totals(conn, ("supplier",), DealFilter(recipient=recipient))
    rows.sort(key=lambda r: (-r["deals"], r["supplier"] or ""))
    total = sum(r["deals"] for r in rows)
    total_usd = sum(r["value_usd"] or 0 for r in rows)
    return [{"supplier": r["supplier"], "deals": r["deals"], "value_usd": r["value_usd"],
             "proposed_deals": r["proposed_deals"], "proposed_usd": r["proposed_usd"],
             "share": r["deals"] / total if total else 0.0,
             "value_share": (r["value_usd"] or 0) / total_usd if total_usd else None} for r in rows]


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
            cond.append(("," + events.c.countries + ",").contains("," + self.country.upper() + ",", autoescape=True))
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
        # the articles a bulk load left without their stored vector yet (`writer.fill_search`) are matched by
        # the vector computed here, through the partial index on them (empty once filled)
        sql = text(f"""SELECT id, title, publisher, reported, url,
                              ts_headline('english', text, plainto_tsquery('english', :q),
                                          'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet
                       FROM (SELECT id, title, publisher, reported, url, text,
                                    ts_rank(search, plainto_tsquery('english', :q)) AS rank
                             FROM articles WHERE search @@ plainto_tsquery('english', :q)
                             UNION ALL
                             SELECT id, title, publisher, reported, url, text,
                                    ts_rank({SEARCH_VECTOR}, plainto_tsquery('english', :q))
                             FROM articles WHERE search IS NULL AND {SEARCH_VECTOR} @@ plainto_tsquery('english', :q)
                             ) hits
                       ORDER BY rank DESC LIMIT :n""")
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


_LIVE = deals.c.rejected == 0


# -- what the dashboard's pages add: lists of countries and platforms, recent changes, evidence sentences --------

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
    return [_event_row(r._mapping) for r in rows]


def platform_events(conn: Connection, platform: str, *, limit: int = 200) -> list[dict]:
    """Events naming `platform` (deliveries, offers, upgrades...), latest first."""
    named = events.c.platforms.contains(json.dumps(platform, ensure_ascii=False), autoescape=True)
    rows = conn.execute(select(events).where(named)
                        .order_by(func.coalesce(events.c.date, events.c.first_reported).desc(), events.c.id.desc())
                        .limit(limit))
    return [_event_row(r._mapping) for r in rows]


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


__all__ = ["DealFilter", "EventFilter", "value_totals", "trade_links", "supplier_shares", "country_codes", "platforms",
           "recent_status_changes", "recent_events", "platform_events", "deal_rows", "deal_count", "Counts", "deal", "conflict_rows", "event_rows", "event",
           "article", "article_rows", "entity_rows", "search", "stats"]
