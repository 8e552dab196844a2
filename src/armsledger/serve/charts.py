"""Geometry of the server-side SVG charts: a deal's claims by report date, and the
supplier → recipient network. Numbers and plain text only; the templates draw and escape them.
"""
from __future__ import annotations

import math
from datetime import date

from .display import FIELD_LABELS, country_name, money, value_text

TIMELINE_FIELDS = ("status", "signed", "value", "quantity", "delivered", "expected_completion",
                   "tech_transfer_pct", "local_partners", "category")


def _day(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10]).toordinal()
    except ValueError:
        return None


def timeline(claims: list[dict], deal_id: int, width: int = 760) -> dict | None:
    """One row per field, one dot per claim at its report date; claims with no report date
    (a schedule "originally" given) stand in an `undated` column at the left."""
    rows = [f for f in TIMELINE_FIELDS if any(c["field"] == f for c in claims)]
    if not rows:
        return None
    left, right, top, row_h = 150, 80, 28, 34
    undated = any(_day(c.get("reported")) is None for c in claims)
    x0 = left + (120 if undated else 40)
    days = [d for d in (_day(c.get("reported")) for c in claims) if d is not None]
    lo, hi = (min(days), max(days)) if days else (0, 1)
    if hi - lo < 60:
        lo, hi = lo - 30, hi + 30
    span = hi - lo

    def x_of(day: int) -> float:
        return round(x0 + (width - right - x0) * (day - lo) / span, 1)

    height = top + row_h * len(rows) + 34
    lanes = [{"label": FIELD_LABELS.get(f, f), "y": top + row_h * i + row_h / 2} for i, f in enumerate(rows)]
    points: dict[tuple, dict] = {}
    for c in claims:
        day = _day(c.get("reported"))
        y = lanes[rows.index(c["field"])]["y"] if c["field"] in rows else None
        if y is None:
            continue
        label = value_text(c["field"], c["value"])
        short = c["value"]["value"] if isinstance(c["value"], dict) and isinstance(c["value"].get("value"), str) \
            else label
        who = c.get("publisher") or c.get("title") or c["article_id"]
        x = x_of(day) if day is not None else left + 40
        key = (c["field"], round(x / 3), label, bool(c.get("hedged")))
        if key in points:  # reports a pixel or two apart saying the same: one dot (deals reported 100s of times)
            points[key]["reports"] += 1
            continue
        points[key] = {
            "x": x, "y": y, "label": short if len(short) <= 24 else short[:23] + "…", "reports": 1,
            "hedged": bool(c.get("hedged")), "href": f"/articles/{c['article_id']}?deal={deal_id}",
            "title": f"{c.get('reported') or 'undated'} · {who} · {FIELD_LABELS.get(c['field'], c['field'])}: {label}",
        }
    ticks = []
    if days:
        first, last = date.fromordinal(lo), date.fromordinal(hi)
        if last.year - first.year >= 3:
            step = math.ceil((last.year - first.year + 1) / 6)
            marks = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)]
            fmt = "%Y"
        else:
            months = (last.year - first.year) * 12 + last.month - first.month
            step = max(1, math.ceil(months / 6))
            marks = [date(first.year + (first.month + i) // 12, (first.month + i) % 12 + 1, 1)
                     for i in range(0, months, step)]
            fmt = "%b %Y"
        ticks = [{"x": x_of(m.toordinal()), "label": m.strftime(fmt)} for m in marks if lo <= m.toordinal() <= hi]
    return {"width": width, "height": height, "left": left, "x0": x0, "right": width - 10, "lanes": lanes,
            "points": list(points.values()), "ticks": ticks, "axis_y": height - 26, "undated": undated, "undated_x": left + 40}


def network(links: list[dict], width: int = 900) -> dict:
    """Suppliers on the left, recipients on the right, one curve per pair, as thick as its value."""
    def totals(side: str) -> list[str]:
        acc: dict[str, tuple[float, int]] = {}
        for link in links:
            v, n = acc.get(link[side], (0.0, 0))
            acc[link[side]] = (v + (link["value_usd"] or 0), n + link["deals"])
        return sorted(acc, key=lambda k: (-acc[k][0], -acc[k][1], k))

    suppliers, recipients = totals("supplier"), totals("recipient")
    row, top = 26, 30
    height = top * 2 + row * max(len(suppliers), len(recipients), 1)
    xl, xr = 190, width - 190

    def ys(codes: list[str]) -> dict[str, float]:
        pad = (height - 2 * top - row * len(codes)) / 2
        return {c: top + pad + row * i + row / 2 for i, c in enumerate(codes)}

    ysup, yrec = ys(suppliers), ys(recipients)
    biggest = max((link["value_usd"] or 0 for link in links), default=0)
    edges = []
    for link in links:
        v = link["value_usd"] or 0
        y1, y2, xm = ysup[link["supplier"]], yrec[link["recipient"]], (xl + xr) / 2
        edges.append({
            "d": f"M {xl} {y1:.1f} C {xm} {y1:.1f}, {xm} {y2:.1f}, {xr} {y2:.1f}",
            "width": round(1.5 + 14 * math.sqrt(v / biggest), 1) if biggest and v else 1.5,
            "valued": bool(v), "href": f"/countries/{link['supplier']}/{link['recipient']}",
            "title": (f"{country_name(link['supplier'])} → {country_name(link['recipient'])}: {link['deals']} deal"
                      f"{'s' if link['deals'] != 1 else ''}" + (f", {money(v)}" if v else ", value not reported")),
        })
    nodes = ([{"code": c, "name": country_name(c), "x": xl, "y": y, "side": "supplier"} for c, y in ysup.items()]
             + [{"code": c, "name": country_name(c), "x": xr, "y": y, "side": "recipient"} for c, y in yrec.items()])
    return {"width": width, "height": height, "edges": edges, "nodes": nodes, "xl": xl, "xr": xr}
