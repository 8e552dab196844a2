"""Reconciliation: many reports' claims about one deal -> one record.

Pure functions over plain dicts, so the rules read and test on their own:

- which stored deal an article's deal record belongs to (`match_deal`), and
  which stored event an event record is (`match_event`);
- the reconciled value of each field, with the sources behind it and a
  confidence (`reconcile_deal`);
- conflicts: sources that disagree beyond rounding (USD 5 billion and
  USD 5.43 billion agree; 3 and 4 squadrons ordered do not);
- schedule slippage: the expected completion as each report gave it.

A claim is a dict with `field`, `value` (the record's JSON value), `number`,
`article_id`, `wire_group`, `reported` (YYYY-MM-DD or None), `hedged` and
the evidence `text`/`start`/`end`. Two time axes are kept apart: the dates a
claim states (`value`) and the date it was reported (`reported`).
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

STATUS_RANK = {"considered": 0, "offered": 1, "negotiating": 2, "signed": 3, "in_delivery": 4, "completed": 5,
               "cancelled": 6}
CROSS_CURRENCY_TOLERANCE = 0.12  # yearly-average FX rates differ from the rate a reporter used
SAME_REPORT_WINDOW_DAYS = 31  # delivered counts reported this close together should agree
HEDGE_WEIGHT = 0.6  # "may offer" is weaker than "signed"
RECENT_DAYS = 90  # reports this close to the latest one weigh on its confidence
STALE_YEARS = 2  # a value last reported this long before the newest report on the deal counts less


# -- matching ---------------------------------------------------------------

def order_year(record: dict) -> int | None:
    signed = record.get("signed") or {}
    return int(signed["value"][:4]) if signed.get("value") else None


def match_deal(record: dict, candidates: list[dict]) -> dict | None:
    """The stored deal (a row dict) this article's deal record reports, or None for a new deal.

    Same recipient and platform, the same supplier where both name one, the same kind of order
    (first order or follow-on) and a compatible signing year: a year one report gives and another
    lacks is compatible; 2015 and 2021 orders are two deals.
    """
    follow_on = bool(record.get("follow_on"))
    year = order_year(record)
    same = [c for c in candidates
            if c["recipient"] == record.get("recipient") and c["platform"] == record.get("platform")
            and bool(c["follow_on"]) == follow_on
            and (not c["supplier"] or not record.get("supplier") or c["supplier"] == record.get("supplier"))]
    if year is not None:
        dated = [c for c in same if c["order_year"] is not None and abs(c["order_year"] - year) <= 0]
        if dated:
            return dated[0]
        undated = [c for c in same if c["order_year"] is None]
        return undated[0] if undated else None
    if not same:
        return None
    # no year stated: the first order when it is a first order, the latest follow-on otherwise
    same.sort(key=lambda c: (c["order_year"] or 0, c["id"]))
    return same[-1] if follow_on else same[0]


def event_countries(record: dict) -> str:
    return ",".join(sorted(set(record.get("countries") or [])))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """'2025-12' and '2025-12-04' may be the same day; '2025-12-04' and '2025-12-05' are not."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def match_event(record: dict, reported: str | None, candidates: list[dict], window_days: int = 7) -> dict | None:
    """The stored event (row dict) this event record reports: same type and countries, and the same
    date at the coarser precision; an undated event matches one reported within `window_days`."""
    when = (record.get("date") or {}).get("value")
    countries = event_countries(record)
    same = [c for c in candidates if c["type"] == record["type"] and c["countries"] == countries]
    if when:
        dated = [c for c in same if dates_compatible(c["date"], when)]
        if dated:
            return max(dated, key=lambda c: len(c["date"] or ""))
        return None
    for c in same:
        if c["date"] is None and _days_apart(c["last_reported"], reported) <= window_days:
            return c
    return None


def _days_apart(a: str | None, b: str | None) -> float:
    if not a or not b:
        return math.inf if (a or b) else 0
    return abs(_ordinal(a) - _ordinal(b))


@lru_cache(maxsize=1 << 14)
def _ordinal(day: str) -> int:
    """The day number of a report date (its first ten characters): a load compares the same few dates often."""
    return date.fromisoformat(day[:10]).toordinal()


# -- agreement ---------------------------------------------------------------

def significant_digits(x: float) -> int:
    """Digits a figure was stated with: 5e9 -> 1 ('5 billion'), 5.43e9 -> 3."""
    if x == 0 or not math.isfinite(x):
        return 1
    digits = f"{abs(x):.12g}".replace(".", "").lstrip("0")
    if "e" in digits:
        digits = digits.split("e")[0]
    return max(1, len(digits.rstrip("0")))


def round_sig(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    return round(x, sig - 1 - int(math.floor(math.log10(abs(x)))))


def figures_agree(a: float, b: float) -> bool:
    """Do two stated figures agree up to the rounding of the less precise one?"""
    if a == b:
        return True
    if significant_digits(a) > significant_digits(b):
        a, b = b, a  # a is the less precise
    return math.isclose(round_sig(b, significant_digits(a)), a, rel_tol=1e-9)


def values_agree(a: dict, b: dict) -> bool:
    """Money: same currency -> rounding; different currencies -> USD within the FX tolerance."""
    if a.get("currency") == b.get("currency") or not a.get("currency") or not b.get("currency"):
        return figures_agree(a["amount"], b["amount"])
    if a.get("usd") and b.get("usd"):
        return abs(a["usd"] - b["usd"]) <= CROSS_CURRENCY_TOLERANCE * max(a["usd"], b["usd"])
    return True  # nothing to compare them by


def ranges_agree(a: dict, b: dict) -> bool:
    """Quantities and percentages: overlapping ranges agree ("two to three" and "two");
    different units cannot be compared and are not a conflict."""
    if a.get("unit") and b.get("unit") and a["unit"] != b["unit"]:
        return True
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    return figures_agree(hi_a, hi_b) if math.isfinite(hi_a) and math.isfinite(hi_b) else False


def _bounds(q: dict) -> tuple[float, float]:
    lo = q.get("min") if q.get("min") is not None else -math.inf
    hi = q.get("max") if q.get("max") is not None else math.inf
    return lo, hi


def signed_agree(a: dict, b: dict) -> bool:
    return dates_compatible(a.get("value"), b.get("value"))


AGREE = {"value": values_agree, "quantity": ranges_agree, "tech_transfer_pct": ranges_agree,
         "signed": signed_agree}


# -- reconciliation ----------------------------------------------------------
#
# A deal's claims are folded, field by field and in report order, into small aggregates (a field's
# "state"): for a figure, each agreement group's first value, best statement, count, distinct wire groups,
# last report and latest sources; for a status, the latest report and its window of recent reports; for the
# deal, its counts and first/last report. The reconciled record is rendered from the states alone. A new
# claim reported no earlier than every stored claim of its field folds into the stored state
# (ledger/writer.py), so one more report of a deal costs the same at its 5th report as at its 5,000th; so does
# a late claim (reported before the field's latest) that cannot change what the later reports decided
# (`_late_fits`); any other change refolds the field from its claims. `reconcile_deal` folds everything from scratch.

SOURCES_KEPT = 20  # sources each reconciled field (and each side of a conflict) lists; the ledger pages the rest
LATEST_WINS = ("status", "delivered", "expected_completion", "category")


def _report_key(claim: dict) -> tuple:
    return (claim.get("reported") or "", claim.get("id") or 0)


def _wire(claim: dict) -> str:
    return claim.get("wire_group") or claim["article_id"]


def _independent(claims: list[dict]) -> int:
    return len({_wire(c) for c in claims})


def _score(n: int, wires: int, unhedged: int, all_wires: int, latest: str, newest: str | None) -> float:
    """`confidence` from counts: n claims from `wires` wire groups (of `all_wires` on the field), `unhedged`
    of them firm, the latest reported `latest`."""
    if not n:
        return 0.0
    score = 1 - 0.5 ** (wires + 1)  # one source 0.75, two 0.875, three 0.94
    if not unhedged:
        score *= HEDGE_WEIGHT
    score *= wires / max(1, all_wires)
    if newest and latest and _days_apart(latest, newest) > 365 * STALE_YEARS:
        score *= 0.8
    return round(score, 2)


def confidence(support: list[dict], all_claims: list[dict], newest_report: str | None) -> float:
    """0..1 from what stands behind a value: independent sources (wire copies count once),
    hedging, agreement with the other reports on the field, and how recent the reports are."""
    return _score(len(support), _independent(support), sum(not c.get("hedged") for c in support),
                  _independent(all_claims), max((c.get("reported") or "" for c in support), default=""),
                  newest_report)


def _source(c: dict) -> dict:
    return {"article_id": c["article_id"], "reported": c.get("reported"), "text": c.get("text"),
            "start": c.get("start"), "end": c.get("end"), "hedged": bool(c.get("hedged")),
            "publisher": c.get("publisher"), "claim_id": c.get("id")}


def _precision(c: dict) -> float:
    v = c["value"]
    if isinstance(v, dict) and "amount" in v:
        return significant_digits(v["amount"])
    if isinstance(v, dict) and "value" in v and isinstance(v["value"], str):
        return len(v["value"])
    if isinstance(v, dict) and v.get("min") is not None and v.get("max") is not None:
        return -(v["max"] - v["min"])
    return 0


class Keys:
    """The distinct keys (wire groups, articles) counted so far, as (field, group, key): `add` says whether
    a key is new. In memory here; the ledger keeps them in `deal_keys` and preloads the ones a fold needs."""

    def __init__(self, known=()) -> None:
        self.known = set(known)
        self.added: list[tuple[str, int, str]] = []

    def add(self, field: str, group: int, key: str) -> bool:
        k = (field, group, key)
        if k in self.known:
            return False
        self.known.add(k)
        self.added.append(k)
        return True


FIELD_WIRES = -1  # the group number under which a field's own distinct wire groups are counted
DEAL_WIRES, DEAL_ARTICLES = 0, 1  # groups of the deal's ("*") distinct wire groups and articles


def new_deal_state() -> dict:
    return {"n": 0, "unhedged": 0, "articles": 0, "wires": 0, "first": None, "last": None}


def fold_deal_claim(st: dict, c: dict, keys: Keys) -> None:
    """The deal's counts and first/last report with one more (live) claim, in any order."""
    st["n"] += 1
    st["unhedged"] += not c.get("hedged")
    st["articles"] += keys.add("*", DEAL_ARTICLES, c["article_id"])
    st["wires"] += keys.add("*", DEAL_WIRES, _wire(c))
    if c.get("reported"):
        st["first"] = min(st["first"] or c["reported"], c["reported"])
        st["last"] = max(st["last"] or c["reported"], c["reported"])


def new_field_state(field: str, first_id: int) -> dict:
    kind = "set" if field == "local_partners" else "latest" if field in LATEST_WINS else "groups"
    st = {"kind": kind, "first_id": first_id, "n": 0, "unhedged": 0, "wires": 0, "max_reported": ""}
    if kind == "groups":
        st["groups"] = []
    elif kind == "set":
        st.update(names=[], sources=[])
    else:
        st.update(latest=None, last=None, bad=None, history=[], slipped=False, last_dated=None, window=None)
    return st


def can_fold(field: str, st: dict, new: list[dict]) -> bool:
    """Whether `new` claims (newer ids than every folded one) fold into `st` as if folded from scratch:
    always for a set; otherwise when each is reported no earlier than the field's latest report, or is a late
    claim that changes nothing a later report decided (`_late_fits`)."""
    return st["kind"] == "set" or all((c.get("reported") or "") >= st["max_reported"] or _late_fits(field, st, c)
                                      for c in new)


def _is_late(st: dict, c: dict) -> bool:
    return st["kind"] != "set" and (c.get("reported") or "") < st["max_reported"]


def _source_key(source: dict) -> list:
    """A kept source's `_report_key`, as a list (stored states are JSON)."""
    return [source.get("reported") or "", source.get("claim_id") or 0]


def _group_of(field: str, st: dict, c: dict) -> int | None:
    """The index of the first group whose first value `c` agrees with (None: none does)."""
    agree = AGREE.get(field, lambda a, b: a == b)
    return next((i for i, g in enumerate(st["groups"]) if agree(g["head"], c["value"])), None)


def _late_fits(field: str, st: dict, c: dict) -> bool:
    """Whether a claim reported before the field's latest report (an article dated earlier arriving later) folds
    into `st` without refolding the field, the state ending as folded from scratch in report order:
    - a figure's claim that agrees with a group started before it (reported after the group's earliest kept
      source: the group's head, hence which group each claim joins, and the groups' order stay as they are);
    - a category's claim, or a status's claim that is hedged or comes with firm reports already folded, when it
      is reported before the latest one (the latest report still wins; see `_fold_latest`);
    - a delivered count reported before the latest one but after the first pair of disagreeing reports.
    Otherwise (a new group would start in the middle; a schedule's history) the field is
    folded again from its claims."""
    key = list(_report_key(c))
    if st["kind"] == "groups":
        i = _group_of(field, st, c)
        return i is not None and bool(st["groups"][i]["sources"]) and key > _source_key(st["groups"][i]["sources"][0])
    if field not in ("status", "category", "delivered") or st["latest"] is None \
            or key >= _source_key(st["latest"]["source"]):
        return False
    if field == "delivered":  # the first two reports that disagree are found before it: later pairs do not count
        return st["bad"] is not None and key > _source_key(st["bad"][1]["source"])
    return field == "category" or bool(c.get("hedged")) or st["unhedged"] > 0


def _fold_late(field: str, st: dict, late: list[dict], keys: Keys) -> None:
    """`late` claims (each `_late_fits` the state before any of them) folded in: counts, and for a figure its
    group's counts, best statement, last report and latest sources (in report order)."""
    for c in late:
        wire = _wire(c)
        st["n"] += 1
        st["unhedged"] += not c.get("hedged")
        st["wires"] += keys.add(field, FIELD_WIRES, wire)
        if st["kind"] != "groups":
            continue  # the latest report stays the latest; the window is read again (ledger/aggregates.py)
        i = _group_of(field, st, c)
        g = st["groups"][i]
        g["n"] += 1
        g["unhedged"] += not c.get("hedged")
        g["wires"] += keys.add(field, i, wire)
        g["last"] = max(list(g["last"]), list(_report_key(c)))
        rank = [_precision(c), *_report_key(c)]
        if rank > g["best"]["rank"]:
            g["best"] = {"rank": rank, "value": c["value"]}
        g["sources"] = sorted([*g["sources"], _source(c)], key=_source_key)[-SOURCES_KEPT:]


def fold_field(field: str, st: dict | None, new: list[dict], keys: Keys, window: list[dict] | None = None) -> dict:
    """`st` (None: an empty field) with the `new` claims (in claim order) folded in; see `can_fold`.
    A status-like field then needs its window: the field's claims (in claim order) reported within
    RECENT_DAYS of its latest report; by default `new` (right when folding from scratch)."""
    if st is not None and any(_is_late(st, c) for c in new):
        _fold_late(field, st, sorted([c for c in new if _is_late(st, c)], key=_report_key), keys)
        new_in_order = [c for c in new if (c.get("reported") or "") >= st["max_reported"]]
    else:
        new_in_order = new
    st = st or new_field_state(field, new[0].get("id") or 0)
    for c in (new_in_order if st["kind"] == "set" else sorted(new_in_order, key=_report_key)):
        wire = _wire(c)
        st["n"] += 1
        st["unhedged"] += not c.get("hedged")
        st["wires"] += keys.add(field, FIELD_WIRES, wire)
        st["max_reported"] = max(st["max_reported"], c.get("reported") or "")
        if st["kind"] == "groups":
            _fold_group(field, st, c, wire, keys)
        elif st["kind"] == "set":
            if c["value"] not in st["names"]:
                st["names"] = sorted([*st["names"], c["value"]])
            st["sources"] = [*st["sources"], _source(c)][-SOURCES_KEPT:]
        else:
            _fold_latest(field, st, c)
    if st["kind"] == "latest":
        st["window"] = _window(st, new if window is None else window)
    return st


def _fold_group(field: str, st: dict, c: dict, wire: str, keys: Keys) -> None:
    """Claims join the first group (in report order of their first claims) whose first value they agree with."""
    i = _group_of(field, st, c)
    if i is not None:
        g = st["groups"][i]
    else:
        i, g = len(st["groups"]), {"head": c["value"], "best": None, "n": 0, "unhedged": 0, "wires": 0,
                                    "last": None, "sources": []}
        st["groups"].append(g)
    g["n"] += 1
    g["unhedged"] += not c.get("hedged")
    g["wires"] += keys.add(field, i, wire)
    g["last"] = list(_report_key(c))
    rank = [_precision(c), *_report_key(c)]  # the most precise statement, the latest on a tie
    if g["best"] is None or rank > g["best"]["rank"]:
        g["best"] = {"rank": rank, "value": c["value"]}
    g["sources"] = [*g["sources"], _source(c)][-SOURCES_KEPT:]


def _lite(c: dict) -> dict:
    return {"value": c["value"], "reported": c.get("reported"), "source": _source(c)}


def _fold_latest(field: str, st: dict, c: dict) -> None:
    """Status, deliveries and schedule move with time: the latest report wins. Unhedged reports
    outrank hedged ones for the status."""
    if field != "status" or not c.get("hedged") or not st["unhedged"]:
        st["latest"] = _lite(c)
    if field == "delivered":  # delivered counts may only grow; two reports a few days apart should agree
        if st["last"] is not None and st["bad"] is None and _bad_delivery(st["last"], c):
            st["bad"] = [st["last"], _lite(c)]
        st["last"] = _lite(c)
    if field == "expected_completion":
        st["history"] = [*st["history"], {"value": c["value"], **_source(c)}][-SOURCES_KEPT:]
        when = c["value"].get("value")
        if when:
            earlier = st["last_dated"]
            st["slipped"] = st["slipped"] or bool(earlier and when[:len(earlier)] > earlier)
            st["last_dated"] = when


def _bad_delivery(a: dict, b: dict) -> bool:
    va, vb = a["value"].get("max"), b["value"].get("max")
    if va is None or vb is None or a["value"].get("unit") != b["value"].get("unit") or va == vb:
        return False
    return vb < va or _days_apart(a.get("reported"), b.get("reported")) <= SAME_REPORT_WINDOW_DAYS


def window_bounds(latest_reported: str | None) -> tuple[str, str] | None:
    """The reported dates [from, to) that can lie within RECENT_DAYS of `latest_reported` (None: undated)."""
    if not latest_reported:
        return None
    day = date.fromisoformat(latest_reported[:10])
    return ((day - timedelta(days=RECENT_DAYS)).isoformat(), (day + timedelta(days=RECENT_DAYS + 1)).isoformat())


def _window(st: dict, claims: list[dict]) -> dict:
    """What changes with time is judged against reports of the same season, not against older ones:
    the reports within RECENT_DAYS of the latest, and those of them that agree with it."""
    latest = st["latest"]
    recent = [c for c in claims if _days_apart(c.get("reported"), latest["reported"]) <= RECENT_DAYS]
    agreeing = [c for c in recent if c["value"] == latest["value"]]
    return {"n": len(agreeing), "wires": _independent(agreeing), "unhedged": sum(not c.get("hedged") for c in agreeing),
            "latest": max((c.get("reported") or "" for c in agreeing), default=""), "all_wires": _independent(recent),
            "sources": [_source(c) for c in agreeing[-SOURCES_KEPT:]]}


def render_field(field: str, st: dict, newest: str | None) -> tuple[dict | None, dict | None]:
    """(reconciled entry, conflict or None) of one field from its state."""
    if not st["n"]:
        return None, None
    if st["kind"] == "set":
        return {"value": st["names"], "sources": st["sources"], "sources_count": st["n"],
                "confidence": _score(st["n"], st["wires"], st["unhedged"], st["wires"], st["max_reported"],
                                     newest)}, None
    if st["kind"] == "latest":
        return _render_latest(field, st, newest)
    # the best-supported group wins: independent sources, then the latest report
    groups = sorted(st["groups"], key=lambda g: (g["wires"], tuple(g["last"])), reverse=True)
    top = groups[0]
    entry = {"value": top["best"]["value"],
             "confidence": _score(top["n"], top["wires"], top["unhedged"], st["wires"], top["last"][0], newest),
             "sources": top["sources"], "sources_count": top["n"]}
    conflict = None
    if len(groups) > 1:
        conflict = {"field": field, "claims": [
            {"value": g["best"]["value"], "sources": g["sources"], "sources_count": g["n"]} for g in groups]}
        conflict["summary"] = f"{field}: " + " vs ".join(_short(field, g["best"]["value"]) for g in groups)
        entry["alternatives"] = [g["best"]["value"] for g in groups[1:]]
    return entry, conflict


def _render_latest(field: str, st: dict, newest: str | None) -> tuple[dict, dict | None]:
    latest, w = st["latest"], st["window"]
    entry = {"value": latest["value"], "confidence": _score(w["n"], w["wires"], w["unhedged"], w["all_wires"],
                                                            w["latest"], newest),
             "source": latest["source"], "sources": w["sources"], "sources_count": w["n"]}
    conflict = None
    if field == "delivered" and st["bad"]:
        a, b = st["bad"]
        conflict = {"field": "delivered",
                    "summary": f"delivered: {_short('delivered', a['value'])} ({a.get('reported') or 'undated'}) vs "
                               f"{_short('delivered', b['value'])} ({b.get('reported') or 'undated'})",
                    "claims": [{"value": c["value"], "sources": [c["source"]], "sources_count": 1} for c in (a, b)]}
    if field == "expected_completion":
        entry["history"] = st["history"]
        entry["history_count"] = st["n"]
        entry["slipped"] = st["slipped"]
    return entry, conflict


def _short(field: str, v) -> str:
    if isinstance(v, dict) and "amount" in v:
        cur = v.get("currency") or ""
        return f"{cur} {v['amount']:,.0f}".strip()
    if isinstance(v, dict) and ("min" in v or "max" in v):
        lo, hi = v.get("min"), v.get("max")
        n = f"{lo:g}-{hi:g}" if lo is not None and hi is not None and lo != hi else f"{(hi if hi is not None else lo):g}"
        return f"{n} {v.get('unit') or ''}".strip()
    if isinstance(v, dict) and "value" in v:
        return str(v["value"])
    return str(v)


def live_claims(claims: list[dict], corrections=()) -> list[dict]:
    """The claims no analyst rejected (one report's claim on a field, or all of one report's claims)."""
    rejected = {(k["article_id"], k["field"]) for k in corrections if k["action"] == "reject" and k.get("article_id")}
    if not rejected:
        return list(claims)
    return [c for c in claims if (c["article_id"], c["field"]) not in rejected and (c["article_id"], "*") not in rejected]


def fold_deal(claims: list[dict], keys: Keys | None = None) -> tuple[dict, dict[str, dict]]:
    """(deal state, {field: field state}) of live claims (in claim order), folded from scratch."""
    keys = keys if keys is not None else Keys()
    deal = new_deal_state()
    by_field: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        fold_deal_claim(deal, c, keys)
        by_field[c["field"]].append(c)
    return deal, {field: fold_field(field, None, fclaims, keys) for field, fclaims in by_field.items()}


def render_deal(deal: dict, states: dict[str, dict], corrections=()) -> dict:
    """The reconciled record (see `reconcile_deal`) from the deal's and its fields' states."""
    newest = deal["last"]
    fields: dict[str, dict] = {}
    conflicts: list[dict] = []
    for field, st in sorted(states.items(), key=lambda kv: kv[1]["first_id"]):
        entry, conflict = render_field(field, st, newest)
        if entry:
            fields[field] = entry
        if conflict:
            conflicts.append(conflict)
    for k in corrections:  # an analyst's value wins over every report
        if k["action"] == "set" and k["field"] != "*":
            was = fields.get(k["field"], {})
            fields[k["field"]] = {"value": k["value"], "confidence": 1.0, "corrected": True,
                                  "correction": {"who": k["who"], "why": k["why"], "at": k["at"]},
                                  "sources": was.get("sources", []), "sources_count": was.get("sources_count", 0)}
            conflicts = [c for c in conflicts if c["field"] != k["field"]]
    return {
        "fields": fields,
        "conflicts": conflicts,
        "sources": deal["articles"],
        "independent_sources": deal["wires"] if deal["n"] else 0,
        "first_reported": deal["first"],
        "last_reported": newest,
        "hedged": bool(deal["n"]) and not deal["unhedged"],
        "confidence": round(sum(f["confidence"] for f in fields.values()) / len(fields), 2) if fields else 0.0,
        "rejected": any(k["action"] == "reject" and k["field"] == "*" and not k.get("article_id")
                        for k in corrections),
    }


def reconcile_deal(claims: list[dict], corrections: list[dict] = ()) -> dict:
    """One deal's reconciled record from all its claims (in claim order) and the analysts' corrections.

    Returns {"fields": {field: entry}, "conflicts": [...], "sources": n, "independent_sources": n,
    "first_reported", "last_reported", "confidence", "hedged", "rejected"}. Each entry lists its latest
    SOURCES_KEPT sources and counts them all (`sources_count`).
    """
    deal, states = fold_deal(live_claims(claims, corrections))
    return render_deal(deal, states, corrections)
