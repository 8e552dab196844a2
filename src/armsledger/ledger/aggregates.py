"""A deal's stored aggregates (`deal_fields`, `deal_keys`): reconciling what a batch added without
re-reading every claim of the deal.

`reconciled(conn, deal_ids, fixes)` gives each deal's record (`reconcile.render_deal`) and brings the
aggregates up to date:

- a deal without aggregates (or `full=True`: claims were removed, corrections changed) folds all its claims;
- otherwise only its claims newer than the aggregates (`deal_fields.last_claim` of its "*" row) are read;
  a field they reach folds them in when none is reported before the field's latest report, or those that are
  cannot change what the later reports decided (`reconcile.can_fold`), and is folded again from its own claims
  otherwise;
- a status-like field then reads its window: its claims reported within `RECENT_DAYS` of its latest report.

What the aggregates hold is what `reconcile.reconcile_deal` would fold from all the claims, so a ledger
reconciled a report at a time and one reconciled in one go are the same (tests/test_aggregates.py).
"""
from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterable

from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.engine import Connection

from . import reconcile
from .schema import articles, claims, deal_fields, deal_keys

OR_TERMS = 100  # (deal, ...) conditions OR-ed in one query
_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), one encoder for all

try:
    from orjson import dumps as _orjson_dumps
except ImportError:  # pragma: no cover - a declared dependency
    _orjson_dumps = None


def _state_json(state: dict) -> str:
    """A stored state (`deal_fields.state`) as JSON text: by orjson (~10x faster than `json` on these states, which
    were ~12 % of a bulk load's main thread), compact; by `json` where orjson declines (keys that are not
    strings, integers beyond 64 bits) or is not installed. The column is only read back by `json.loads` here, so
    the spelling (compact or not) is free; the values are the same."""
    if _orjson_dumps is not None:
        try:
            return _orjson_dumps(state).decode()
        except TypeError:  # orjson.JSONEncodeError is one
            pass
    return _json(state)

CLAIM_COLUMNS = (claims.c.id, claims.c.article_id, claims.c.field, claims.c.value, claims.c.number, claims.c.text,
                 claims.c.start, claims.c.end, claims.c.sentence_start, claims.c.sentence_end, claims.c.reported,
                 claims.c.hedged, articles.c.wire_group, articles.c.publisher, articles.c.title, articles.c.url)


def _claims(conn: Connection, conds: list) -> dict[int, list[dict]]:
    """Claims (with their article's wire group and publisher) under any of `conds`, by deal, in claim order."""
    by_deal: dict[int, list[dict]] = defaultdict(list)
    for chunk in _chunks(conds, OR_TERMS):
        q = (select(claims.c.deal_id.label("_deal"), *CLAIM_COLUMNS)
             .join(articles, articles.c.id == claims.c.article_id)
             .where(or_(*chunk)).order_by(claims.c.deal_id, claims.c.id))
        result = conn.execute(q)
        keys = list(result.keys())[1:]
        for deal_id, *values in result:  # plain tuples: a hot deal has tens of thousands of claims
            row = dict(zip(keys, values))
            row["value"] = json.loads(row["value"])
            by_deal[deal_id].append(row)
    return by_deal


# a batch's claims under (deal, ...) conditions, OR_TERMS of them a query, in SQL of their own run by the driver:
# SQLAlchemy's building and compiling of such a statement (~2 ms an article in the ingest parent) and its result
# rows cost more than the queries
_CLAIM_SQL = ", ".join([*(f'c."{c.name}"' for c in CLAIM_COLUMNS[:12]), *(f'a."{c.name}"' for c in CLAIM_COLUMNS[12:])])
_TERM_SQL = {  # each term's SQL, M standing for the driver's parameter mark
    "new": "(c.deal_id = M AND c.id > M)",
    "field": "(c.deal_id = M AND c.field = M)",
    "null": "(c.deal_id = M AND c.field = M AND c.reported IS NULL)",
    "range": "(c.deal_id = M AND c.field = M AND c.reported >= M AND c.reported < M)",
}


def _claims_by(conn: Connection, kind: str, terms: list[tuple]) -> dict[int, list[dict]]:
    """`_claims` under `kind`'s terms (`_TERM_SQL`), OR_TERMS a query, run by the driver (a hot deal's field is
    hundreds of rows, whose SQLAlchemy result rows cost more than the query)."""
    by_deal: dict[int, list[dict]] = defaultdict(list)
    if not terms:
        return by_deal
    term = _TERM_SQL[kind].replace("M", "%s" if conn.dialect.name == "postgresql" else "?")
    keys = [c.name for c in CLAIM_COLUMNS]
    cur = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks(terms, OR_TERMS):
            cur.execute(f"SELECT c.deal_id, {_CLAIM_SQL} FROM claims c JOIN articles a ON a.id = c.article_id "
                        f"WHERE {' OR '.join([term] * len(chunk))} ORDER BY c.deal_id, c.id",
                        [v for t in chunk for v in t])
            for deal_id, *values in cur.fetchall():
                row = dict(zip(keys, values))
                row["value"] = json.loads(row["value"])
                by_deal[deal_id].append(row)
    finally:
        cur.close()
    return by_deal


def reconciled(conn: Connection, deal_ids: list[int], fixes: dict[int, list[dict]], *,
               full: bool = False) -> dict[int, dict]:
    """deal id -> its reconciled record, the deals' aggregates brought up to date with their claims."""
    stored: dict[int, dict[str, dict]] = defaultdict(dict)
    last_claim: dict[int, int] = {}
    if not full:
        from .writer import _rows_in  # run by the driver: SQLAlchemy's IN list costs more than the query

        for deal_id, field, last, state in _rows_in(
                conn, "SELECT deal_id, field, last_claim, state FROM deal_fields WHERE deal_id", deal_ids):
            stored[deal_id][field] = _loads(state)
            if field == "*":
                last_claim[deal_id] = last or 0
    fresh = [d for d in deal_ids if d not in last_claim]
    out = _refold(conn, fresh, fixes) if fresh else {}
    if len(fresh) < len(deal_ids):
        out.update(_fold_new(conn, [d for d in deal_ids if d in last_claim], stored, last_claim, fixes))
    return out


def _refold(conn: Connection, deal_ids: list[int], fixes: dict[int, list[dict]]) -> dict[int, dict]:
    """Every claim of the deals folded afresh; their aggregates replaced."""
    by_deal = _claims(conn, [claims.c.deal_id.in_(chunk) for chunk in _chunks(deal_ids, 500)])
    out, rows, key_rows = fold_all(deal_ids, fixes, by_deal)
    drop(conn, deal_ids)
    store(conn, rows, key_rows)
    return out


def fold_all(deal_ids: list[int], fixes: dict[int, list[dict]], by_deal: dict[int, list[dict]]
             ) -> tuple[dict[int, dict], list[dict], list[dict]]:
    """Every claim of the deals (`by_deal`: as `_claims` reads them, in claim order) folded afresh, in memory:
    deal id -> its reconciled record, and the deals' aggregates as `deal_fields` and `deal_keys` rows (`store`)."""
    out, rows, key_rows = {}, [], []
    for deal_id in deal_ids:
        keys = reconcile.Keys()
        deal, states = reconcile.fold_deal(reconcile.live_claims(by_deal[deal_id], fixes[deal_id]), keys)
        out[deal_id] = reconcile.render_deal(deal, states, fixes[deal_id])
        last = max((c["id"] for c in by_deal[deal_id]), default=0)
        rows += [_row(deal_id, "*", deal, last)] + [_row(deal_id, f, st) for f, st in states.items()]
        key_rows += [_key_row(deal_id, k) for k in keys.added]
    return out, rows, key_rows


def store(conn: Connection, rows: list[dict], key_rows: list[dict]) -> None:
    """`fold_all`'s aggregates into the ledger (the deals holding none)."""
    _insert(conn, deal_fields, rows)
    _insert(conn, deal_keys, key_rows)


def _fold_new(conn: Connection, deal_ids: list[int], stored: dict[int, dict[str, dict]], last_claim: dict[int, int],
              fixes: dict[int, list[dict]]) -> dict[int, dict]:
    """The deals' claims newer than their aggregates folded in."""
    new = _claims_by(conn, "new", [(d, last_claim[d]) for d in deal_ids])
    known: dict[int, set] = defaultdict(set)  # the stored keys the new claims may meet again
    wanted = {(d, k) for d in deal_ids for c in new[d] for k in (c["article_id"], reconcile._wire(c))}
    # `deal_id = ? AND key IN (...)`: a seek per key in the primary key (deal_id, key, ...); row values
    # `(deal_id, key) IN (...)` make SQLite read every key of the deal (a hot deal: tens of thousands)
    by_deal: dict[int, list[str]] = defaultdict(list)
    for d, k in sorted(wanted):
        by_deal[d].append(k)
    # in SQL of its own, run by the driver: SQLAlchemy's expanding of each term's list cost more than the query
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    cur = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks([(d, ks) for d, kall in by_deal.items() for ks in _chunks(kall, 500)], OR_TERMS):
            cond = " OR ".join(f'(deal_id = {mark} AND "key" IN ({", ".join([mark] * len(ks))}))' for _, ks in chunk)
            cur.execute(f'SELECT deal_id, field, grp, "key" FROM deal_keys WHERE {cond}',
                        [v for d, ks in chunk for v in (d, *ks)])
            for deal_id, field, grp, key in cur.fetchall():
                known[deal_id].add((field, grp, key))
    finally:
        cur.close()
    plans: dict[int, tuple] = {}
    refold: list[tuple[int, str]] = []
    for deal_id in deal_ids:
        states = stored[deal_id]
        deal = states.pop("*")
        keys = reconcile.Keys(known[deal_id])
        live = reconcile.live_claims(new[deal_id], fixes[deal_id])
        by_field: dict[str, list[dict]] = defaultdict(list)
        for c in live:
            reconcile.fold_deal_claim(deal, c, keys)
            by_field[c["field"]].append(c)
        folded = []
        for field, fclaims in by_field.items():
            if field in states and reconcile.can_fold(field, states[field], fclaims):
                folded.append(field)
                states[field] = reconcile.fold_field(field, states[field], fclaims, keys, window=[])
            else:
                refold.append((deal_id, field))
        last = max([last_claim[deal_id], *(c["id"] for c in new[deal_id])])
        plans[deal_id] = (deal, states, keys, folded, last)
    # fields folded again from all their claims, and the windows of the status-like fields folded
    whole = _claims_by(conn, "field", refold)
    refolded_keys: list[tuple[int, tuple]] = []
    for deal_id, field in refold:
        fclaims = [c for c in reconcile.live_claims(whole[deal_id], fixes[deal_id]) if c["field"] == field]
        states = plans[deal_id][1]
        states.pop(field, None)
        if fclaims:
            keys = reconcile.Keys()
            states[field] = reconcile.fold_field(field, None, fclaims, keys)
            refolded_keys += [(deal_id, k) for k in keys.added]
    windows = []
    for deal_id, (_, states, _, folded, _) in plans.items():
        for field in folded:
            if states[field]["kind"] == "latest":
                bounds = reconcile.window_bounds(states[field]["latest"]["reported"])
                cond = ("null", (deal_id, field)) if bounds is None else ("range", (deal_id, field, *bounds))
                windows.append(((deal_id, field), cond))
    by_rows, plain = [], []
    for (deal_id, field), cond in windows:
        st = plans[deal_id][1][field]
        rejects = any(k["action"] == "reject" and k.get("article_id") for k in fixes[deal_id])
        if rejects:
            by_rows.append(((deal_id, field), cond))
        else:
            plain.append(((deal_id, field), st, cond))
    _windows(conn, plain)
    recent: dict[int, list[dict]] = defaultdict(list)
    for kind in ("null", "range"):
        for deal_id, rows in _claims_by(conn, kind, [t for _, (k, t) in by_rows if k == kind]).items():
            recent[deal_id] += rows
    for (deal_id, field), _ in by_rows:
        st = plans[deal_id][1][field]
        in_window = [c for c in reconcile.live_claims(recent[deal_id], fixes[deal_id]) if c["field"] == field]
        st["window"] = reconcile._window(st, in_window)
    out, updates, inserts, key_rows = {}, [], [], []
    for deal_id, (deal, states, keys, folded, last) in plans.items():
        out[deal_id] = reconcile.render_deal(deal, states, fixes[deal_id])
        updates.append(_row(deal_id, "*", deal, last))
        had = set(stored_fields(folded, refold, deal_id))
        for field in had:
            if field in states:
                (updates if field in folded else inserts).append(_row(deal_id, field, states[field]))
        key_rows += [_key_row(deal_id, k) for k in keys.added]
    if refold:
        for chunk in _chunks(refold, OR_TERMS):
            conn.execute(delete(deal_fields).where(or_(*[and_(deal_fields.c.deal_id == d, deal_fields.c.field == f)
                                                         for d, f in chunk])))
            conn.execute(delete(deal_keys).where(or_(*[and_(deal_keys.c.deal_id == d, deal_keys.c.field == f)
                                                       for d, f in chunk])))
        key_rows += [_key_row(d, k) for d, k in refolded_keys]
    if updates:
        conn.execute(update(deal_fields).where(and_(deal_fields.c.deal_id == bindparam("b_deal"),
                                                    deal_fields.c.field == bindparam("b_field")))
                     .values(state=bindparam("b_state"), last_claim=bindparam("b_last")),
                     [{"b_deal": r["deal_id"], "b_field": r["field"], "b_state": r["state"],
                       "b_last": r["last_claim"]} for r in updates])
    _insert(conn, deal_fields, inserts)
    _insert(conn, deal_keys, key_rows)
    return out


def _windows(conn: Connection, wanted: list[tuple[tuple[int, str], dict, object]]) -> None:
    """`reconcile._window` of each (deal, field) of `wanted` into its state `st["window"]`: the claims under its
    condition `cond` (none rejected; one deal and field each) read in queries of OR_TERMS conditions, not two
    queries a window; then the latest SOURCES_KEPT claims of each that agree with its latest value, in full: those
    the window listed before from its stored sources, the others in one query for all (chunks of 500 ids).

    Run by the driver, rows as plain tuples: a hot deal's status-like fields hold hundreds of claims within
    RECENT_DAYS of their latest report, and SQLAlchemy's result rows cost more than the query that reads them."""
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    term = {"null": f"(c.deal_id = {mark} AND c.field = {mark} AND c.reported IS NULL)",
            "range": f"(c.deal_id = {mark} AND c.field = {mark} AND c.reported >= {mark} AND c.reported < {mark})"}
    rows: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    cur = conn.connection.driver_connection.cursor()
    try:
        for kind in ("null", "range"):
            for chunk in _chunks([t for _, _, (k, t) in wanted if k == kind], OR_TERMS):
                cur.execute("SELECT c.deal_id, c.field, c.id, c.value, c.hedged, c.reported, a.wire_group, "
                            "c.article_id FROM claims c JOIN articles a ON a.id = c.article_id WHERE "
                            + " OR ".join([term[kind]] * len(chunk)) + " ORDER BY c.id", [v for t in chunk for v in t])
                for deal_id, field, *rest in cur.fetchall():
                    rows[(deal_id, field)].append(rest)
        counted = [(st, _window_counts(st, rows[key])) for key, st, _ in wanted]
        # a kept claim the window listed before is the same source again (claims and their articles' columns
        # do not change; a claim removed refolds its deal): only the others are read
        known = {s["claim_id"]: s for st, _ in counted for s in (st.get("window") or {}).get("sources") or ()}
        ids = sorted({i for _, (kept, _) in counted for i in kept if i not in known})
        full = {}
        for chunk in _chunks(ids, 500):
            cur.execute("SELECT c.id, c.article_id, c.reported, c.text, c.start, c.\"end\", c.hedged, a.publisher "
                        "FROM claims c JOIN articles a ON a.id = c.article_id "
                        f"WHERE c.id IN ({', '.join([mark] * len(chunk))})", chunk)
            for cid, aid, reported, text, start, end, hedged, publisher in cur.fetchall():
                full[cid] = {"article_id": aid, "reported": reported, "text": text, "start": start, "end": end,
                             "hedged": bool(hedged), "publisher": publisher, "claim_id": cid}
    finally:
        cur.close()
    for st, (kept, window) in counted:
        st["window"] = dict(window, sources=[dict(known[i]) if i in known else full[i] for i in kept])


def _window_counts(st: dict, rows: list[tuple]) -> tuple[deque[int], dict]:
    """One window's claims (id, value, hedged, reported, wire group, article, in claim order) counted against the
    latest value: the ids of the latest SOURCES_KEPT that agree with it, and the window's figures."""
    latest_value = st["latest"]["value"]
    agrees: dict[str, bool] = {}  # a stored spelling of a value -> whether it is the latest value
    kept: deque[int] = deque(maxlen=reconcile.SOURCES_KEPT)  # the latest agreeing claims' ids
    wires, all_wires = set(), set()
    n = unhedged = 0
    latest = ""
    for cid, value, hedged, reported, wire, article_id in rows:
        wire = wire or article_id
        all_wires.add(wire)
        same = agrees.get(value)
        if same is None:
            same = agrees[value] = json.loads(value) == latest_value
        if same:
            n += 1
            if not hedged:
                unhedged += 1
            wires.add(wire)
            if reported and reported > latest:
                latest = reported
            kept.append(cid)
    return kept, {"n": n, "wires": len(wires), "unhedged": unhedged, "latest": latest, "all_wires": len(all_wires)}


def stored_fields(folded: list[str], refold: list[tuple[int, str]], deal_id: int) -> Iterable[str]:
    yield from folded
    yield from (f for d, f in refold if d == deal_id)


def drop(conn: Connection, deal_ids: Iterable[int]) -> None:
    """Forget the deals' aggregates (the deals are gone, or about to be folded afresh)."""
    for chunk in _chunks(sorted(deal_ids), 500):
        conn.execute(delete(deal_fields).where(deal_fields.c.deal_id.in_(chunk)))
        conn.execute(delete(deal_keys).where(deal_keys.c.deal_id.in_(chunk)))


def _row(deal_id: int, field: str, state: dict, last: int | None = None) -> dict:
    return {"deal_id": deal_id, "field": field, "last_claim": last, "state": _state_json(state)}


def _key_row(deal_id: int, k: tuple[str, int, str]) -> dict:
    return {"deal_id": deal_id, "field": k[0], "grp": k[1], "key": k[2]}


def _loads(text: str):
    from .writer import loads

    return loads(text)


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    from .writer import write_rows

    write_rows(conn, table, rows)


def _chunks(values: list, size: int) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]
