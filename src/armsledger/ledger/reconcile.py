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
from datetime import date

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
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


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

def _report_key(claim: dict) -> tuple:
    return (claim.get("reported") or "", claim.get("id") or 0)


def _independent(claims: list[dict]) -> int:
    return len({c.get("wire_group") or c["article_id"] for c in claims})


def confidence(support: list[dict], all_claims: list[dict], newest_report: str | None) -> float:
    """0..1 from what stands behind a value: independent sources (wire copies count once),
    hedging, agreement with the other reports on the field, and how recent the reports are."""
    if not support:
        return 0.0
    n = _independent(support)
    score = 1 - 0.5 ** (n + 1)  # one source 0.75, two 0.875, three 0.94
    if all(c.get("hedged") for c in support):
        score *= HEDGE_WEIGHT
    score *= _independent(support) / max(1, _independent(all_claims))
    latest = max((c.get("reported") or "" for c in support), default="")
    if newest_report and latest and _days_apart(latest, newest_report) > 365 * STALE_YEARS:
        score *= 0.8
    return round(score, 2)


def _groups(field: str, claims: list[dict]) -> list[list[dict]]:
    """Claims of a field grouped by agreement with each group's first claim."""
    agree = AGREE.get(field, lambda a, b: a == b)
    groups: list[list[dict]] = []
    for c in sorted(claims, key=_report_key):
        for g in groups:
            if agree(g[0]["value"], c["value"]):
                g.append(c)
                break
        else:
            groups.append([c])
    return groups


def _source(c: dict) -> dict:
    return {"article_id": c["article_id"], "reported": c.get("reported"), "text": c.get("text"),
            "start": c.get("start"), "end": c.get("end"), "hedged": bool(c.get("hedged")),
            "publisher": c.get("publisher"), "claim_id": c.get("id")}


def _best_of(group: list[dict]) -> dict:
    """The most precise statement in an agreeing group (5.43 over 5), the latest on a tie."""
    def precision(c):
        v = c["value"]
        if isinstance(v, dict) and "amount" in v:
            return significant_digits(v["amount"])
        if isinstance(v, dict) and "value" in v and isinstance(v["value"], str):
            return len(v["value"])
        if isinstance(v, dict) and v.get("min") is not None and v.get("max") is not None:
            return -(v["max"] - v["min"])
        return 0
    return max(group, key=lambda c: (precision(c), _report_key(c)))


def reconcile_field(field: str, claims: list[dict], newest: str | None) -> tuple[dict | None, dict | None]:
    """(reconciled entry, conflict or None) for one field of a deal."""
    if not claims:
        return None, None
    if field in ("status", "delivered", "expected_completion", "category"):
        return _latest_wins(field, claims, newest)
    groups = _groups(field, claims)
    # the best-supported group wins: independent sources, then the latest report
    groups.sort(key=lambda g: (_independent(g), max(_report_key(c) for c in g)), reverse=True)
    chosen = _best_of(groups[0])
    entry = {"value": chosen["value"], "confidence": confidence(groups[0], claims, newest),
             "sources": [_source(c) for c in sorted(groups[0], key=_report_key)]}
    conflict = None
    if len(groups) > 1:
        conflict = {"field": field, "claims": [
            {"value": _best_of(g)["value"], "sources": [_source(c) for c in g]} for g in groups]}
        conflict["summary"] = f"{field}: " + " vs ".join(_short(field, _best_of(g)["value"]) for g in groups)
        entry["alternatives"] = [_best_of(g)["value"] for g in groups[1:]]
    return entry, conflict


def _latest_wins(field: str, claims: list[dict], newest: str | None) -> tuple[dict, dict | None]:
    """Status, deliveries and schedule move with time: the latest report wins, with its source.
    Unhedged reports outrank hedged ones for the status."""
    ordered = sorted(claims, key=_report_key)
    pool = [c for c in ordered if not c.get("hedged")] or ordered if field == "status" else ordered
    latest = pool[-1]
    # what changes with time is judged against reports of the same season, not against older ones
    recent = [c for c in claims if _days_apart(c.get("reported"), latest.get("reported")) <= RECENT_DAYS]
    agreeing = [c for c in recent if c["value"] == latest["value"]]
    entry = {"value": latest["value"], "confidence": confidence(agreeing, recent, newest),
             "source": _source(latest), "sources": [_source(c) for c in agreeing]}
    conflict = None
    if field == "delivered":
        conflict = _delivery_conflict(ordered)
    if field == "expected_completion":
        entry["history"] = [{"value": c["value"], **_source(c)} for c in ordered]
        entry["slipped"] = _slipped(ordered)
    return entry, conflict


def _delivery_conflict(ordered: list[dict]) -> dict | None:
    """Delivered counts may only grow; two reports a few days apart should agree."""
    bad = []
    for a, b in zip(ordered, ordered[1:]):
        va, vb = a["value"].get("max"), b["value"].get("max")
        if va is None or vb is None or a["value"].get("unit") != b["value"].get("unit") or va == vb:
            continue
        if vb < va or _days_apart(a.get("reported"), b.get("reported")) <= SAME_REPORT_WINDOW_DAYS:
            bad.append((a, b))
    if not bad:
        return None
    a, b = bad[0]
    return {"field": "delivered",
            "summary": f"delivered: {_short('delivered', a['value'])} ({a.get('reported') or 'undated'}) vs "
                       f"{_short('delivered', b['value'])} ({b.get('reported') or 'undated'})",
            "claims": [{"value": c["value"], "sources": [_source(c)]} for c in (a, b)]}


def _slipped(ordered: list[dict]) -> bool:
    dates = [c["value"].get("value") for c in ordered if c["value"].get("value")]
    return any(later[:len(earlier)] > earlier for earlier, later in zip(dates, dates[1:]))


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


def reconcile_deal(claims: list[dict], corrections: list[dict] = ()) -> dict:
    """One deal's reconciled record from all its claims and the analysts' corrections.

    Returns {"fields": {field: entry}, "conflicts": [...], "sources": n, "independent_sources": n,
    "first_reported", "last_reported", "confidence", "hedged", "rejected"}.
    """
    rejected_claims = {(k["article_id"], k["field"]) for k in corrections
                       if k["action"] == "reject" and k.get("article_id")}
    live = [c for c in claims if (c["article_id"], c["field"]) not in rejected_claims
            and (c["article_id"], "*") not in rejected_claims]
    reported = sorted(c["reported"] for c in live if c.get("reported"))
    newest = reported[-1] if reported else None
    by_field: dict[str, list[dict]] = defaultdict(list)
    for c in live:
        by_field[c["field"]].append(c)
    fields: dict[str, dict] = {}
    conflicts: list[dict] = []
    for field, fclaims in by_field.items():
        if field == "local_partners":
            names = sorted({c["value"] for c in fclaims})
            fields[field] = {"value": names, "sources": [_source(c) for c in fclaims],
                             "confidence": confidence(fclaims, fclaims, newest)}
            continue
        entry, conflict = reconcile_field(field, fclaims, newest)
        if entry:
            fields[field] = entry
        if conflict:
            conflicts.append(conflict)
    for k in corrections:  # an analyst's value wins over every report
        if k["action"] == "set" and k["field"] != "*":
            fields[k["field"]] = {"value": k["value"], "confidence": 1.0, "corrected": True,
                                  "correction": {"who": k["who"], "why": k["why"], "at": k["at"]},
                                  "sources": fields.get(k["field"], {}).get("sources", [])}
            conflicts = [c for c in conflicts if c["field"] != k["field"]]
    articles = {c["article_id"] for c in live}
    return {
        "fields": fields,
        "conflicts": conflicts,
        "sources": len(articles),
        "independent_sources": _independent(live) if live else 0,
        "first_reported": reported[0] if reported else None,
        "last_reported": newest,
        "hedged": bool(live) and all(c.get("hedged") for c in live),
        "confidence": round(sum(f["confidence"] for f in fields.values()) / len(fields), 2) if fields else 0.0,
        "rejected": any(k["action"] == "reject" and k["field"] == "*" and not k.get("article_id")
                        for k in corrections),
    }
