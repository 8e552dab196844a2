"""Exports of the reconciled ledger: CSV in the SIPRI trade-register layout, JSON, Parquet.

    from armsledger.export import export_deals
    with open("register.csv", "wb") as out:
        export_deals(ledger, "csv", out, DealFilter(recipient="IND"))

Every reconciled value is exported with its confidence and the number of
independent sources behind it; uncertain figures are bracketed in the CSV as
SIPRI brackets them.
"""
from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import BinaryIO

import yaml

from ..catalogue import PACKAGED
from ..shell import format_number

FORMATS = ("csv", "json", "parquet")
SIPRI_COLUMNS = ["Recipient", "Supplier", "Year of order", "Number ordered", "Weapon designation",
                 "Weapon description", "Number delivered", "Year(s) of delivery", "Comments"]
EXTRA_COLUMNS = ["armsledger deal", "Status", "Value", "Currency", "Value (USD)", "USD rate year", "Package",
                 "Expected completion",
                 "Tech transfer (%)", "Local partners", "Confidence", "Independent sources", "Conflicts",
                 "First reported", "Last reported", "Register", "Register differences"]
UNCERTAIN = 0.5  # below this confidence a figure is bracketed, as SIPRI brackets uncertain data
PAGE = 1000


@cache
def event_codes() -> dict[str, dict]:
    return yaml.safe_load((Path(__file__).parent / "event_codes.yaml").read_text(encoding="utf-8"))


@cache
def _country_names() -> dict[str, str]:
    doc = yaml.safe_load((PACKAGED / "countries.yaml").read_text(encoding="utf-8"))
    return {code: entry["name"] for code, entry in doc.items() if not code.startswith("_")}


def country_name(code: str | None) -> str:
    """The name the catalogue gives a country ("Russia" for RUS); SIPRI writes 'unknown' where none is known."""
    if not code:
        return "unknown"
    return _country_names().get(code, code)


def all_deals(ledger, flt=None, *, full: bool = True) -> list[dict]:
    """Every deal matching `flt` with its reconciled fields, page by page; `full` adds each deal's
    timeline, sources and conflicts (one deal at a time, for the JSON export)."""
    from ..ledger import query

    out, offset = [], 0
    while True:
        with ledger.engine.connect() as conn:
            rows = query.deal_rows_with_fields(conn, flt, limit=PAGE, offset=offset)
        out += [ledger.deal(r["id"]) for r in rows] if full else rows
        if len(rows) < PAGE:
            return out
        offset += PAGE


def all_events(ledger, flt=None) -> list[dict]:
    """Every event matching `flt`, in one sorted read (paging with OFFSET would sort the table once a page)."""
    return ledger.events(flt, limit=2**62)


def _bracket(text: str, conf: float | None) -> str:
    return f"({text})" if text and conf is not None and conf < UNCERTAIN else text


def _num(x: float | None) -> str:
    """A number in full: 5200000000, never 5.2e+09."""
    return "" if x is None else format_number(x)


def _count(q: dict) -> str:
    """5; 2-3 for a range; 610000+ for "over 6.1 lakh"; up to 50 -> 50."""
    lo, hi = q.get("min"), q.get("max")
    if lo is not None and hi is not None and lo != hi:
        return f"{_num(lo)}-{_num(hi)}"
    if hi is not None:
        return _num(hi)
    return f"{_num(lo)}+" if lo is not None else ""


def _package(value: dict) -> str:
    """The package a value covers, as its amount and the other deals it pays for."""
    pkg = value.get("package")
    if not pkg:
        return ""
    return f"{value.get('currency') or ''} {_num(value['amount'])} for " + "; ".join(pkg.get("members", []))


def _deliveries_by_platform(events: list[dict]) -> dict[tuple, set[str]]:
    """Years of occurred deliveries by (platform, country, country), the two countries in code order."""
    from itertools import combinations

    out: dict[tuple, set[str]] = {}
    for e in events:
        if e["type"] == "DELIVERY" and e["status"] == "occurred" and e.get("date"):
            for p in e["platforms"]:
                for a, b in combinations(sorted(set(e["countries"])), 2):
                    out.setdefault((p, a, b), set()).add(e["date"][:4])
    return out


def _delivery_years(deal: dict, deliveries: dict[tuple, set[str]]) -> str:
    if deal.get("status") not in ("in_delivery", "completed"):
        return ""  # SIPRI leaves the field blank until deliveries have begun
    pair = tuple(sorted((deal["supplier"] or "", deal["recipient"] or "")))
    years = sorted(y for y in deliveries.get((deal["platform"], *pair), ())
                   if not deal.get("order_year") or int(y) >= deal["order_year"])
    if not years:
        return ""
    return years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}"


def register_row(deal: dict, deliveries: dict[tuple, set[str]], line: dict | None = None) -> dict[str, str]:
    """One SIPRI trade-register row (plus armsledger's columns) for a reconciled deal; `line` is the deal's
    place in an imported register (`ledger.register.reconcile_register`): both, news_only or none."""
    f = deal["fields"]
    conf = lambda k: (f.get(k) or {}).get("confidence")  # noqa: E731
    qty = (f.get("quantity") or {}).get("value") or {}
    ordered = _count(qty)
    value = (f.get("value") or {}).get("value") or {}
    comments = []
    if value:
        kind = "package" if value.get("package") else "deal"
        comments.append(f"{value.get('currency') or ''} {value['amount']:,.0f} {kind}".strip())
    if deal["follow_on"]:
        comments.append("follow-on order")
    if deal["hedged"]:
        comments.append("reported as possible only")
    if deal["local_partners"]:
        comments.append("local production/assembly: " + ", ".join(deal["local_partners"]))
    if deal["conflicts"]:
        comments.append(f"{deal['conflicts']} conflict(s) between sources")
    return {
        "Recipient": country_name(deal["recipient"]),
        "Supplier": country_name(deal["supplier"]),
        "Year of order": _bracket(str(deal["order_year"] or ""), conf("signed")),
        "Number ordered": _bracket(ordered, conf("quantity")),
        "Weapon designation": deal["platform"],
        "Weapon description": deal.get("category") or "",
        "Number delivered": _bracket(_num(deal.get("delivered_max")), conf("delivered")),
        "Year(s) of delivery": _delivery_years(deal, deliveries),
        "Comments": "; ".join(comments),
        "armsledger deal": str(deal["id"]),
        "Status": deal.get("status") or "",
        "Value": _num(value.get("amount")),
        "Currency": value.get("currency") or "",
        "Value (USD)": _num(deal.get("value_usd")),
        "USD rate year": str(value.get("usd_rate_year") or ""),
        "Package": _package(value),
        "Expected completion": deal.get("expected_completion") or "",
        "Tech transfer (%)": _num(deal.get("tech_transfer_max")),
        "Local partners": "; ".join(deal["local_partners"]),
        "Confidence": f"{deal['confidence']:.2f}" if deal.get("confidence") is not None else "",
        "Independent sources": str(deal["independent_sources"]),
        "Conflicts": str(deal["conflicts"]),
        "First reported": deal.get("first_reported") or "",
        "Last reported": deal.get("last_reported") or "",
        "Register": line["class"] if line else "",
        "Register differences": "; ".join(x["text"] for x in line["differences"]) if line else "",
    }


def event_record(e: dict) -> dict:
    """An event as exported: with its PLOVER type/mode and CAMEO code."""
    codes = event_codes().get(e["type"], {})
    return {**e, "plover": {"type": codes.get("plover"), "mode": codes.get("plover_mode")},
            "cameo": {"code": codes.get("cameo"), "label": codes.get("cameo_label")}}


def export_deals(ledger, fmt: str, out: BinaryIO, flt=None) -> int:
    """Write the deals matching `flt` to `out` as csv, json or parquet; returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    deals = all_deals(ledger, flt, full=fmt == "json")
    lines = _register_lines(ledger)
    if fmt == "csv":
        from ..ledger import EventFilter
        deliveries = _deliveries_by_platform(all_events(ledger, EventFilter(type="DELIVERY", status="occurred")))
        text = io.StringIO(newline="")
        writer = csv.DictWriter(text, fieldnames=SIPRI_COLUMNS + EXTRA_COLUMNS)
        writer.writeheader()
        for d in sorted(deals, key=lambda d: (country_name(d["recipient"]), country_name(d["supplier"]),
                                              d["order_year"] or 9999, d["platform"])):
            writer.writerow(register_row(d, deliveries, lines.get(d["id"])))
        out.write(text.getvalue().encode("utf-8"))
    elif fmt == "json":
        for d in deals:
            line = lines.get(d["id"])
            d["register"] = {"class": line["class"], "row": line["row"], "differences": line["differences"]} \
                if line else None
        doc = {"schema": "armsledger.ledger/1", "deals": deals,
               "events": [event_record(e) for e in all_events(ledger)]}
        out.write(json.dumps(doc, ensure_ascii=False, indent=1, default=str).encode("utf-8"))
    else:
        for d in deals:
            line = lines.get(d["id"])
            d["register"] = line["class"] if line else None
            d["register_differences"] = "; ".join(x["text"] for x in line["differences"]) if line else None
        _parquet(deals, out)
    return len(deals)


def _register_lines(ledger) -> dict[int, dict]:
    """Each deal's line in the imported register, by deal id (none when no register was imported)."""
    from ..ledger.register import reconcile_register

    return {line["deal"]["id"]: line for line in reconcile_register(ledger) if line["deal"]}


def export_events(ledger, fmt: str, out: BinaryIO, flt=None) -> int:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = [event_record(e) for e in all_events(ledger, flt)]
    if fmt == "json":
        out.write(json.dumps({"schema": "armsledger.ledger/1", "events": events}, ensure_ascii=False,
                             indent=1, default=str).encode("utf-8"))
    elif fmt == "csv":
        text = io.StringIO(newline="")
        cols = ["id", "type", "status", "date", "date_precision", "countries", "platforms", "participants",
                "location", "plover_type", "plover_mode", "cameo", "sources", "independent_sources", "confidence",
                "first_reported", "last_reported"]
        writer = csv.DictWriter(text, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for e in events:
            writer.writerow({**e, "countries": ";".join(e["countries"]), "platforms": ";".join(e["platforms"]),
                             "participants": ";".join(e["participants"]), "plover_type": e["plover"]["type"],
                             "plover_mode": e["plover"]["mode"], "cameo": e["cameo"]["code"]})
        out.write(text.getvalue().encode("utf-8"))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq
        rows = [{k: v for k, v in e.items() if k not in ("plover", "cameo")} | {
            "plover_type": e["plover"]["type"], "plover_mode": e["plover"]["mode"], "cameo": e["cameo"]["code"]}
            for e in events]
        pq.write_table(pa.Table.from_pylist(rows), out)
    return len(events)


def _parquet(deals: list[dict], out: BinaryIO) -> None:
    """One row per deal: the flat reconciled columns, each field's confidence, and the full detail as JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = []
    for d in deals:
        row = {k: v for k, v in d.items() if not isinstance(v, (list, dict))}
        row["local_partners"] = d["local_partners"]
        for name, entry in d["fields"].items():
            row[f"{name}_confidence"] = entry.get("confidence")
        row["detail"] = json.dumps({"fields": d["fields"]}, ensure_ascii=False, default=str)
        flat.append(row)
    names = sorted({k for r in flat for k in r})
    table = pa.Table.from_pylist([{k: r.get(k) for k in names} for r in flat])
    pq.write_table(table, out)
