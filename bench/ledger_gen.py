"""A generator of large, realistic ledgers: 1,000,000 articles in minutes, not hours.

The ledger it builds is one the app reads exactly like one built by `ingest`: the same schema (the
ledger's own migrations), articles with their entity mentions, deal claims and event reports, and every
deal's reconciled row, detail, conflicts and change-feed entry computed by the ledger's own functions
(`reconcile.reconcile_deal`, `writer.deal_columns`, `writer.event_columns`, `changes.record`), once per
deal from the claims still in memory: nothing is read back.

Realistic skew: a deal's number of reports follows Zipf's law (`skew`, default 0.75), so on 1 M articles
(250,000 deals) a few deals have thousands of reports, the 50th a few hundred and most deals one or two;
10 % of reports are wire copies of an earlier report of the same deal (one independent source).

Speed: rows go in with COPY (PostgreSQL) or executemany in large transactions (SQLite) on one raw
connection, with the secondary indexes, the SQLite search trigger and PostgreSQL's foreign-key triggers
off during the load (the rows are consistent by construction: `store.verify` checks a built ledger);
indexes and the search index are built once at the end, then ANALYZE.

    .venv/bin/python bench/ledger_gen.py /tmp/big.db --articles 1000000
    .venv/bin/python bench/ledger_gen.py postgresql://postgres@127.0.0.1:5432/s5_bigledger --articles 1000000
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

COUNTRIES = [("USA", "the United States"), ("RUS", "Russia"), ("FRA", "France"), ("CHN", "China"),
             ("DEU", "Germany"), ("GBR", "the United Kingdom"), ("ITA", "Italy"), ("ISR", "Israel"),
             ("KOR", "South Korea"), ("ESP", "Spain"), ("TUR", "Turkey"), ("SWE", "Sweden"), ("NLD", "the Netherlands"),
             ("IND", "India"), ("SAU", "Saudi Arabia"), ("EGY", "Egypt"), ("AUS", "Australia"), ("QAT", "Qatar"),
             ("PAK", "Pakistan"), ("POL", "Poland"), ("JPN", "Japan"), ("ARE", "the United Arab Emirates"),
             ("DZA", "Algeria"), ("IDN", "Indonesia"), ("GRC", "Greece"), ("BRA", "Brazil"), ("VNM", "Vietnam"),
             ("PHL", "the Philippines"), ("MAR", "Morocco"), ("ROU", "Romania"), ("THA", "Thailand"),
             ("MYS", "Malaysia"), ("NGA", "Nigeria"), ("CHL", "Chile"), ("FIN", "Finland"), ("NOR", "Norway"),
             ("CAN", "Canada"), ("MEX", "Mexico"), ("ARM", "Armenia"), ("SRB", "Serbia")]
SUPPLIERS = COUNTRIES[:13]
PLATFORMS = [("Rafale", "fighter aircraft", "aircraft"), ("S-400", "air defence system", "squadron"),
             ("F-35A", "fighter aircraft", "aircraft"), ("K9", "self-propelled howitzer", "howitzer"),
             ("Patriot", "air defence system", "battery"), ("MQ-9B", "armed drone", "drone"),
             ("BrahMos", "cruise missile", "battery"), ("K2", "main battle tank", "tank"),
             ("HIMARS", "rocket artillery", "launcher"), ("Leopard 2A8", "main battle tank", "tank"),
             ("CAESAR", "self-propelled howitzer", "howitzer"), ("Bayraktar TB2", "armed drone", "drone"),
             ("Scorpene", "submarine", "submarine"), ("FREMM", "frigate", "frigate"),
             ("Su-30MKI", "fighter aircraft", "aircraft"), ("Gripen E", "fighter aircraft", "aircraft"),
             ("Black Hawk", "helicopter", "helicopter"), ("C-130J", "transport aircraft", "aircraft"),
             ("Apache", "attack helicopter", "helicopter"), ("NASAMS", "air defence system", "battery"),
             ("KF-21", "fighter aircraft", "aircraft"), ("T-90S", "main battle tank", "tank"),
             ("Javelin", "anti-tank missile", "launcher"), ("P-8I", "maritime patrol aircraft", "aircraft"),
             ("Su-57", "fighter aircraft", "aircraft"), ("J-10C", "fighter aircraft", "aircraft"),
             ("Type 054A", "frigate", "frigate"), ("Iron Dome", "air defence system", "battery"),
             ("Eurofighter", "fighter aircraft", "aircraft"), ("Piranha V", "armoured vehicle", "vehicle")]
PEOPLE = [("Defence Minister", "Arun Mehta"), ("Defence Minister", "Jan Kowalski"), ("Defense Secretary", "John Reed"),
          ("Armed Forces Minister", "Claire Martin"), ("President", "Ahmed Saleh"), ("Prime Minister", "Li Wei"),
          ("Defence Minister", "Kim Min-jun"), ("Chief of Staff", "Maria Rossi"), ("Defence Minister", "Omar Haddad"),
          ("Procurement Chief", "Sven Berg"), ("Defence Minister", "Ana Costa"), ("Air Chief Marshal", "Ravi Nair")]
PUBLISHERS = ["Defence Wire", "Daily Gazette", "Army Review", "Global Times", "Press Agency"]
FILLER = ["The programme is part of a wider effort to modernise the armed forces over the next decade.",
          "Analysts said the agreement reflects growing regional tensions and a push for local production.",
          "The ministry did not comment on the financing terms or on offsets for domestic industry.",
          "Parliament's defence committee is expected to review the contract in the coming months.",
          "Officials declined to say whether training and spare parts are included in the package.",
          "The deal follows several years of negotiations and evaluation trials against rival bids."]
STATUS_PATH = ["considered", "negotiating", "signed", "in_delivery", "in_delivery", "completed"]
EVENT_TYPES = ["DELIVERY", "MEETING", "DEAL_SIGNED", "NEGOTIATION", "OFFER"]
WIRE_COPIES = 0.10  # share of reports that are a wire copy of an earlier report of the same deal
LAST_DAY = date(2025, 12, 31).toordinal()
FIRST_DAY = date(2012, 1, 1).toordinal()


# -- the plan: deals and how often each is reported ------------------------------------------------

def _zipf_choice(rng: random.Random, items: list, s: float = 1.1):
    weights = [1 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights)[0]


def plan_deals(rng: random.Random, n_deals: int) -> list[dict]:
    """`n_deals` distinct (supplier, recipient, platform, order year) deals: popular pairs first, then a long
    tail of rarer ones."""
    deals, seen = [], set()
    recipients = COUNTRIES[13:] + COUNTRIES[:13]
    while len(deals) < n_deals:
        sup = _zipf_choice(rng, SUPPLIERS)
        rec = _zipf_choice(rng, recipients, 0.9)
        plat = rng.choice(PLATFORMS)
        year = rng.randint(2000, 2024)
        key = (sup[0], rec[0], plat[0], year)
        if key in seen:  # the popular pairs are taken: a large ledger's long tail of rarer ones
            sup, rec, year = rng.choice(SUPPLIERS), rng.choice(recipients), rng.randint(1960, 2024)
            key = (sup[0], rec[0], plat[0], year)
        if sup[0] == rec[0] or key in seen:
            continue
        seen.add(key)
        qty = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 36, 48, 60, 80, 100, 120, 250])
        deals.append({"supplier": sup, "recipient": rec, "platform": plat, "year": year, "qty": qty,
                      "usd": round(rng.uniform(0.05, 12) * 10 ** rng.choice([8, 9]), -6)})
    return deals


def report_counts(rng: random.Random, n_deals: int, n_articles: int, skew: float) -> list[int]:
    """Reports per deal: one each, the rest shared by Zipf's law (the deal of rank r gets a share
    proportional to 1 / r**skew), ranks dealt out at random."""
    extra = n_articles - n_deals
    weights = [1 / (r + 1) ** skew for r in range(n_deals)]
    total = sum(weights)
    counts = [1 + int(extra * w / total) for w in weights]
    for r in range(n_articles - sum(counts)):  # what rounding down left over, to the top ranks
        counts[r % n_deals] += 1
    rng.shuffle(counts)
    return counts


# -- one article --------------------------------------------------------------------------------------

class _Text:
    """An article body built piece by piece, remembering where each marked piece stands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return start, self.n

    def text(self) -> str:
        return "".join(self.parts)


def article(rng: random.Random, i: int, deal: dict, nth: int, total: int, reported: date, entity_ids: dict
            ) -> tuple[dict, list[dict], list[dict], dict]:
    """One synthetic article about one deal, its `nth` report of `total`:
    (article row, mention rows, claims with their values as Python objects, event record)."""
    sup_code, sup_name = deal["supplier"]
    rec_code, rec_name = deal["recipient"]
    plat, category, unit = deal["platform"]
    t = _Text()
    mentions = []
    role, person = rng.choice(PEOPLE)
    stage = min(len(STATUS_PATH) - 1, int(len(STATUS_PATH) * (nth + 1) / (total + 1)))
    status = STATUS_PATH[stage]
    delivered = min(deal["qty"], round(deal["qty"] * max(0, stage - 2) / 3)) if status != "signed" else 0
    usd = deal["usd"] if rng.random() > 0.04 else deal["usd"] * rng.choice([0.6, 1.5])  # a few disagree
    expected = deal["year"] + 4 + min(3, 4 * nth // (total + 1))  # schedules slip, a year at a time

    s0 = t.n
    a, b = t.add(rec_name.removeprefix("the "))
    mentions.append(("country", rec_code, a, b))
    t.add(" has ")
    t.add({"considered": "been considering", "negotiating": "been negotiating for", "signed": "signed for",
           "in_delivery": "been receiving", "completed": "completed deliveries of"}[status])
    t.add(" ")
    qa, qb = t.add(f"{deal['qty']} {plat} {unit}s")
    pa = qa + len(str(deal["qty"])) + 1
    mentions.append(("platform", plat, pa, pa + len(plat)))
    t.add(" from ")
    a, b = t.add(sup_name)
    mentions.append(("country", sup_code, a, b))
    t.add(" in a deal worth ")
    va, vb = t.add(f"${usd / 1e9:.2f} billion")
    t.add(" signed in ")
    sa, sb = t.add(str(deal["year"]))
    s1 = t.add(", officials said.")[1]
    t.add(" ")
    s2a = t.n
    t.add("So far ")
    da, db = t.add(f"{delivered} {unit}s")
    t.add(" have been delivered, with the rest expected by ")
    ea, eb = t.add(str(expected))
    s2b = t.add(".")[1]
    t.add(" ")
    p0 = t.n
    a, b = t.add(person)
    mentions.append(("person", person, a, b))
    t.add(f", {role}, met counterparts in ")
    a, b = t.add(sup_name.removeprefix("the "))
    mentions.append(("country", sup_code, a, b))
    t.add(" to discuss the programme.")
    p1 = t.n
    for _ in range(rng.randint(4, 8)):
        t.add(" " + rng.choice(FILLER))
    text = t.text()
    article_id = hashlib.sha256(text.encode() + str(i).encode()).hexdigest()[:16]
    text += f"\n\n(report {article_id})"
    day = reported.isoformat()
    row = {"id": article_id, "url": f"https://news.example/{day[:4]}/{day[5:7]}/{article_id}", "source": f"gen/{i}",
           "title": f"{rec_name.removeprefix('the ').capitalize()} and {plat}: {status.replace('_', ' ')}",
           "publisher": rng.choice(PUBLISHERS), "published": day, "reported": day,
           "words": len(text.split()), "wire_group": article_id, "text": text}
    ment_rows = [{"entity_id": entity_ids[(kind, name)], "article_id": article_id, "start": a, "end": b,
                  "text": text[a:b], "role": role if kind == "person" else None} for kind, name, a, b in mentions]

    def claim(field, value, span, sentence, number=None):
        return {"article_id": article_id, "record_id": "d1", "field": field, "value": value, "number": number,
                "text": text[span[0]:span[1]] if span else None, "start": span[0] if span else None,
                "end": span[1] if span else None, "sentence_start": sentence[0], "sentence_end": sentence[1],
                "reported": day, "hedged": int(status == "considered")}

    s1span, s2span = (s0, s1), (s2a, s2b)
    claims = [
        claim("status", status, None, s1span),
        claim("category", category, None, s1span),
        claim("signed", {"value": str(deal["year"]), "precision": "year", "text": str(deal["year"])}, (sa, sb), s1span),
        claim("value", {"amount": usd, "currency": "USD", "usd": usd, "text": text[va:vb]}, (va, vb), s1span, usd),
        claim("quantity", {"min": deal["qty"], "max": deal["qty"], "unit": unit, "text": text[qa:qb]}, (qa, qb),
              s1span, deal["qty"]),
    ]
    if status in ("in_delivery", "completed"):
        claims.append(claim("delivered", {"min": delivered, "max": delivered, "unit": unit, "text": text[da:db]},
                            (da, db), s2span, delivered))
        claims.append(claim("expected_completion", {"value": str(expected), "precision": "year",
                                                    "text": str(expected)}, (ea, eb), s2span))
    ev_type = "DELIVERY" if status in ("in_delivery", "completed") else rng.choice(EVENT_TYPES)
    event = {"type": ev_type, "countries": ",".join(sorted({sup_code, rec_code})),
             "date": day[:7] if rng.random() < 0.7 else None, "status": "occurred",
             "platforms": [plat] if ev_type != "MEETING" else [],
             "participants": [person] if ev_type == "MEETING" else [],
             "start": p0 if ev_type == "MEETING" else s0, "end": p1 if ev_type == "MEETING" else s1}
    return row, ment_rows, claims, event


# -- writing ----------------------------------------------------------------------------------------

class _Sink:
    """Rows buffered per table and written in one transaction a batch on one raw connection:
    COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, raw, pg: bool) -> None:
        self.raw, self.pg = raw, pg
        self.rows: dict[str, tuple[list[str], list[tuple]]] = {}
        self.n = 0

    def add(self, table: str, row: dict) -> None:
        cols, rows = self.rows.setdefault(table, (list(row), []))
        rows.append(tuple(row[c] for c in cols))
        self.n += 1

    def flush(self) -> None:
        cur = self.raw.cursor()
        try:
            if not self.pg:
                cur.execute("BEGIN")
            for table, (cols, rows) in self.rows.items():
                names = ", ".join(f'"{c}"' for c in cols)
                if self.pg:
                    with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                        for r in rows:
                            copy.write_row(r)
                else:
                    cur.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(cols))})', rows)
            self.raw.commit() if self.pg else cur.execute("COMMIT")
        finally:
            cur.close()
        self.rows.clear()
        self.n = 0


class _Collect:
    """Stands in for a Connection where `changes.record` writes its rows, to take them instead."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def execute(self, _statement, rows) -> None:
        self.rows += rows


def _secondary_indexes(raw, pg: bool) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every index not behind a primary key or unique constraint."""
    cur = raw.cursor()
    if pg:
        cur.execute("""SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema()
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""")
    else:
        cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    out = list(cur.fetchall())
    cur.close()
    return out


def _run(raw, pg: bool, *statements: str) -> None:
    cur = raw.cursor()
    for s in statements:
        cur.execute(s)
    cur.close()
    if pg:
        raw.commit()


def build(db: str | Path, n_articles: int, *, seed: int = 20240419, skew: float = 0.75,
          deals_per_article: float = 0.25, log=print) -> dict:
    """Build a ledger of `n_articles` generated articles at `db` (a SQLite path, replaced if it exists, or
    the URL of an empty PostgreSQL database); returns what was built and how long each stage took."""
    from armsledger.ledger import Ledger
    from armsledger.ledger import changes as change_feed
    from armsledger.ledger.reconcile import reconcile_deal
    from armsledger.ledger.resolve import entity_key
    from armsledger.ledger.schema import changes
    from armsledger.ledger.writer import deal_columns, event_columns

    t0 = time.perf_counter()
    rng = random.Random(seed)
    pg = "://" in str(db)
    if not pg:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    ledger = Ledger(db)  # the schema, by the ledger's own migrations
    version = "generated"
    proxy = ledger.engine.raw_connection()  # one connection for the load, discarded after it (session settings)
    raw = proxy.driver_connection
    if pg:
        # the foreign keys' triggers off for this session: rows are consistent by construction (store.verify)
        _run(raw, pg, "SET session_replication_role = replica", "SET synchronous_commit = off",
             "SET maintenance_work_mem = '512MB'")
    else:
        raw.isolation_level = None
        _run(raw, pg, "PRAGMA foreign_keys = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -200000")
    indexes = _secondary_indexes(raw, pg)
    fts_trigger = None
    if not pg:
        cur = raw.cursor()
        fts_trigger = cur.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts_insert'").fetchone()[0]
        cur.close()
        _run(raw, pg, "DROP TRIGGER articles_fts_insert")
    _run(raw, pg, *[f'DROP INDEX "{name}"' for name, _ in indexes])

    n_deals = max(1, int(n_articles * deals_per_article))
    plan = plan_deals(rng, n_deals)
    counts = report_counts(rng, n_deals, n_articles, skew)
    sink = _Sink(raw, pg)
    entity_ids = {}
    ents = ([("country", code, name.removeprefix("the "), code) for code, name in COUNTRIES]
            + [("platform", p, p, None) for p, _, _ in PLATFORMS] + [("person", n, n, None) for _, n in PEOPLE])
    for i, (kind, ident, name, code) in enumerate(ents, 1):
        entity_ids[(kind, ident)] = i
        sink.add("entities", {"id": i, "kind": kind, "name": name, "code": code, "country": code,
                              "key": entity_key(kind, name)})
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    events: dict[tuple, int] = {}
    event_reports: list[list[tuple]] = []
    claim_id = article_no = conflict_n = 0
    t_gen = t_rec = 0.0
    t_plan = time.perf_counter()
    for deal_no, (d, total) in enumerate(zip(plan, counts)):
        t = time.perf_counter()
        deal_id = deal_no + 1
        first = max(FIRST_DAY, date(d["year"], 1, 1).toordinal())
        days = sorted(first + int((LAST_DAY - first) * (k + rng.random()) / total) for k in range(total))
        deal_claims: list[dict] = []
        groups: list[str] = []
        for nth, day in enumerate(days):
            art, ments, cls, ev = article(rng, article_no, d, nth, total, date.fromordinal(day), entity_ids)
            article_no += 1
            if groups and rng.random() < WIRE_COPIES:
                art["wire_group"] = rng.choice(groups[-3:])
            groups.append(art["wire_group"])
            sink.add("articles", {**art, "ingested_at": now, "extractor": version, "minhash": None})
            for m in ments:
                sink.add("mentions", m)
            for c in cls:
                claim_id += 1
                sink.add("claims", {"id": claim_id, "deal_id": deal_id, **c, "value": json.dumps(c["value"])})
                deal_claims.append({**c, "id": claim_id, "wire_group": art["wire_group"],
                                    "publisher": art["publisher"], "title": art["title"], "url": art["url"]})
            key = (ev["type"], ev["countries"], ev["date"])
            if key not in events:
                events[key] = len(events) + 1
                event_reports.append([])
            event_reports[events[key] - 1].append((
                art["id"], ev["status"], ev["date"], "month" if ev["date"] else None, art["reported"],
                json.dumps({"type": ev["type"], "platforms": ev["platforms"], "participants": ev["participants"],
                            "location": None}), art["wire_group"], ev["start"], ev["end"]))
        t_gen += time.perf_counter() - t
        t = time.perf_counter()
        # the deal as `writer.reconcile_deals` reconciles it: claims in id order, no corrections
        rec = reconcile_deal(deal_claims)
        values = deal_columns(rec)
        head = {"supplier": d["supplier"][0], "recipient": d["recipient"][0], "platform": d["platform"][0],
                "follow_on": 0, "order_year": d["year"]}
        sink.add("deals", {"id": deal_id, **head, "category": d["platform"][1], **values})
        feed = _Collect()
        change_feed.record(feed, deal_id, {**head, "sources": 0, "conflict_fields": set()}, values,
                           rec["conflicts"], values["updated_at"])
        for row in feed.rows:
            sink.add(changes.name, {k: row[k] for k in ("at", "deal_id", "kind", "field", "old", "new", "summary")})
        for c in rec["conflicts"]:
            conflict_n += 1
            sink.add("conflicts", {"id": conflict_n, "deal_id": deal_id, "field": c["field"], "summary": c["summary"],
                                   "claims": json.dumps(c["claims"], ensure_ascii=False)})
        t_rec += time.perf_counter() - t
        if sink.n >= 100_000:
            sink.flush()
        if deal_no % 25_000 == 0 and deal_no:
            log(f"  {deal_no:,} deals, {article_no:,} articles, {time.perf_counter() - t0:.0f} s")
    t = time.perf_counter()
    source_id = 0
    for key, event_id in events.items():
        rows = event_reports[event_id - 1]
        cols = event_columns([{"article_id": r[0], "status": r[1], "date": r[2], "date_precision": r[3],
                               "reported": r[4], "record": r[5], "wire_group": r[6]} for r in rows])
        sink.add("events", {"id": event_id, "type": key[0], "countries": key[1], **cols})
        for r in rows:
            source_id += 1
            sink.add("event_sources", {"id": source_id, "event_id": event_id, "article_id": r[0], "record_id": "v1",
                                       "status": r[1], "date": r[2], "date_precision": r[3], "text": None,
                                       "start": r[7], "end": r[8], "reported": r[4], "record": r[5]})
        if sink.n >= 100_000:
            sink.flush()
    sink.flush()
    t_rec += time.perf_counter() - t
    t_load = time.perf_counter()
    log(f"  rows written in {t_load - t0:.0f} s; indexes and search index…")
    _run(raw, pg, *[sql for _, sql in indexes])
    if pg:
        for table in ("entities", "deals", "claims", "events", "event_sources", "conflicts", "changes", "mentions"):
            _run(raw, pg, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                          f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")
        raw.autocommit = True
        _run(raw, pg, "VACUUM ANALYZE")
    else:
        _run(raw, pg, "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')", fts_trigger, "ANALYZE")
    t_index = time.perf_counter()
    stats = ledger.stats()
    proxy.invalidate()
    ledger.close()
    top = sorted(counts, reverse=True)
    return {**{k: stats[k] for k in ("articles", "deals", "claims", "events", "conflicts")}, "seed": seed,
            "skew": skew, "build_s": {"plan": round(t_plan - t0, 1), "generate": round(t_gen, 1),
                                      "reconcile": round(t_rec, 1), "rows": round(t_load - t0, 1),
                                      "indexes": round(t_index - t_load, 1), "total": round(t_index - t0, 1)},
            "top_reports": top[:5], "50th_reports": top[min(49, len(top) - 1)],
            "deals_with_1000_reports": sum(c >= 1000 for c in counts),
            "deals_with_1_report": sum(c == 1 for c in counts),
            "size_mb": None if pg else round(Path(db).stat().st_size / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", help="SQLite file to (re)create, or the URL of an empty PostgreSQL database")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--skew", type=float, default=0.75, help="Zipf exponent of reports per deal (default 0.75)")
    ap.add_argument("--seed", type=int, default=20240419)
    args = ap.parse_args()
    built = build(args.db, args.articles, seed=args.seed, skew=args.skew)
    json.dump(built, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
