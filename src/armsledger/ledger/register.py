"""A trade register set beside the ledger: SIPRI's trade-register CSV (or an analyst's own
spreadsheet with a column mapping) imported into `register_rows`, then each row linked to the
ledger deal it records.

    from armsledger.ledger.register import import_register, reconcile_register
    import_register(ledger, "trade-register.csv")            # SIPRI's export layout
    import_register(ledger, "ours.csv", mapping={"recipient": "Buyer", "supplier": "Seller",
                                                 "designation": "System", "ordered": "Qty"})
    for line in reconcile_register(ledger):
        print(line["class"], line["differences"])

A deal and a row are the same order when their recipient and supplier agree (country names as the
catalogue and `register_names.yaml` know them), their designations name one platform (the platform
catalogue's aliases: "JAS-39E Gripen" is "Gripen E"; else the same leading words, "K2 Black Panther"
and "K2"), and their order years are at most `YEAR_SLACK` apart where both give one. Each row and
each deal is linked once, the closest in years first. Lines are classified:

    both           in the register and in the news (`differences`: numbers ordered or delivered, order year)
    news_only      a deal signed or later that the register lacks, for a country the register covers
    register_only  a row no deal of the ledger matches
"""
from __future__ import annotations

import csv
import io
import re
from functools import cache
from pathlib import Path

import yaml
from sqlalchemy import delete, insert, select

from .db import LedgerError
from .query import deal_title
from .schema import deals, register_rows

FIELDS = ("recipient", "supplier", "order_year", "ordered", "designation", "description", "delivered",
          "delivery_years", "status", "comments")
REQUIRED = ("recipient", "supplier", "designation")
SIPRI_HEADERS = {"recipient": "recipient", "supplier": "supplier", "year of order": "order_year",
                 "number ordered": "ordered", "weapon designation": "designation", "weapon description": "description",
                 "number delivered": "delivered", "year(s) of delivery": "delivery_years", "status": "status",
                 "comments": "comments"}
YEAR_SLACK = 1
ORDERED = ("signed", "in_delivery", "completed")  # stages a register records
MAX_ROWS = 200_000


class RegisterError(LedgerError):
    """A register file that cannot be read: the file and the reason."""


def parse_mapping(text: str) -> dict[str, str]:
    """'recipient=Buyer,supplier=Seller,designation=System' -> {field: column}; unknown fields are an error."""
    mapping = {}
    for part in text.split(","):
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise RegisterError(f"--columns: {part.strip()!r} is not FIELD=COLUMN")
        if field not in FIELDS:
            raise RegisterError(f"--columns: unknown field {field!r}; fields are {', '.join(FIELDS)}")
        mapping[field] = column
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        raise RegisterError(f"--columns must say which column holds {', '.join(missing)}")
    return mapping


def read_register(path: str | Path, mapping: dict[str, str] | None = None) -> tuple[list[dict], list[str]]:
    """The rows of a register file and one problem per line that could not be read.

    Without `mapping`, the file is SIPRI's trade-register CSV: title and note lines, then the header
    (Recipient, Supplier, Year of order, ...) whose unnamed columns hold '?' for uncertain figures;
    a bracketed figure '(6)' is an estimate."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise RegisterError(f"{path}: {e.strerror or e}") from None
    text = raw.decode("utf-8-sig", errors="replace") if b"\x00" not in raw[:4096] else None
    if text is None:
        raise RegisterError(f"{path}: a binary file, not a CSV register")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    header_at, columns = _header(lines, mapping)
    if header_at is None:
        wanted = ", ".join(mapping.values()) if mapping else "Recipient, Supplier, Weapon designation"
        raise RegisterError(f"{path}: no header line naming {wanted}; for your own spreadsheet give --columns")
    rows, problems = [], []
    for n, cells in enumerate(lines[header_at + 1:], start=header_at + 2):
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(f"{path}: more than {MAX_ROWS} rows; the rest were not read")
            break
        row = {f: (cells[i].strip() if i < len(cells) else "") for f, i in columns.items()}
        try:
            rows.append(_clean(row, n))
        except ValueError as e:
            problems.append(f"{path}, line {n}: {e}")
    return rows, problems


def _header(lines: list[list[str]], mapping: dict[str, str] | None) -> tuple[int | None, dict[str, int]]:
    for at, cells in enumerate(lines[:50]):
        names = [c.strip().lower() for c in cells]
        if mapping:
            wanted = {f: c.strip().lower() for f, c in mapping.items()}
            if all(w in names for w in wanted.values()):
                return at, {f: names.index(w) for f, w in wanted.items()}
        elif "recipient" in names and "supplier" in names and "weapon designation" in names:
            return at, {field: names.index(h) for h, field in SIPRI_HEADERS.items() if h in names}
    return None, {}


def _clean(row: dict, line: int) -> dict:
    recipient, supplier = country_code(row.get("recipient", "")), country_code(row.get("supplier", ""))
    if not row.get("designation"):
        raise ValueError("no weapon designation")
    for side, name, code in (("recipient", row.get("recipient"), recipient), ("supplier", row.get("supplier"), supplier)):
        if not name:
            raise ValueError(f"no {side}")
        if code is None and name.lower() not in ("unknown", "unknown recipient(s)", "unknown supplier(s)"):
            raise ValueError(f"{side} {name!r} is no country the catalogue knows; add it to register_names.yaml")
    return {"line": line, "recipient": recipient, "supplier": supplier, "recipient_name": row.get("recipient"),
            "supplier_name": row.get("supplier"), "order_year": _year(row.get("order_year")),
            "ordered": _number(row.get("ordered")), "designation": row["designation"][:300],
            "description": (row.get("description") or None), "delivered": _number(row.get("delivered")),
            "delivery_years": row.get("delivery_years") or None, "status": row.get("status") or None,
            "comments": row.get("comments") or None}


def _year(text: str | None) -> int | None:
    m = re.search(r"\b(19|20)\d\d\b", text or "")
    return int(m.group(0)) if m else None


def _number(text: str | None) -> float | None:
    """'36', '(6)' (an estimate), '1,000'; blank or '..' is unknown."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text or "")
    return float(m.group(0).replace(",", "")) if m else None


@cache
def _country_index() -> dict[str, str]:
    from ..catalogue import load

    index = {}
    for code, entry in load().of_kind("country").items():
        for name in entry.names():
            index[name.lower()] = code
        index[code.lower()] = code
    names = yaml.safe_load((Path(__file__).parent / "register_names.yaml").read_text(encoding="utf-8"))
    index.update({k.lower(): v for k, v in names.items()})
    return index


def country_code(name: str) -> str | None:
    return _country_index().get((name or "").strip().lower())


@cache
def _platform_index() -> dict[str, str]:
    from ..catalogue import load

    return {_norm(n): entry.name for entry in load().of_kind("platform").values() for n in entry.names()}


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def platform_key(designation: str) -> str:
    """What a designation names: the catalogue platform of the whole name or of its leading words
    ("S-400 Triumf" -> S-400), else its own normalised leading word."""
    index = _platform_index()
    words = designation.split()
    for n in range(len(words), 0, -1):
        hit = index.get(_norm(" ".join(words[:n])))
        if hit:
            return _norm(hit)
    return _norm(words[0]) if words else ""


def import_register(ledger, path: str | Path, *, mapping: dict[str, str] | None = None,
                    name: str | None = None) -> dict:
    """Read a register file into the ledger (replacing an earlier import of the same `name`, the file's
    name by default) and classify it against the deals. Returns {"rows", "problems", "counts"}."""
    from .store import now, write_lock

    ledger._writable()
    rows, problems = read_register(path, mapping)
    if not rows:
        raise RegisterError(f"{path}: no row could be read" + (f" ({problems[0]})" if problems else ""))
    name = name or Path(path).name
    at = now()
    with ledger.engine.begin() as conn:
        write_lock(conn)
        conn.execute(delete(register_rows).where(register_rows.c.register == name))
        conn.execute(insert(register_rows), [dict(r, register=name, imported_at=at) for r in rows])
    counts: dict[str, int] = {}
    for line in reconcile_register(ledger):
        counts[line["class"]] = counts.get(line["class"], 0) + 1
        if line["differences"]:
            counts["differs"] = counts.get("differs", 0) + 1
    return {"rows": len(rows), "problems": problems, "counts": counts}


def reconcile_register(ledger, pair: tuple[str | None, str | None] | None = None) -> list[dict]:
    """Every register row and every ordered deal of the countries the register covers, linked and
    classified: [{"class", "deal", "row", "differences"}], matches first. `pair` (supplier, recipient)
    limits both sides to one pair of countries (links never cross pairs, so they are the same)."""
    cols = [deals.c[k] for k in ("id", "supplier", "recipient", "platform", "follow_on", "order_year", "status",
                                 "quantity_max", "delivered_max")]
    with ledger.engine.connect() as conn:
        q, found_q = select(register_rows), select(*cols).where(deals.c.rejected == 0)
        if pair:
            q = q.where(register_rows.c.supplier == pair[0], register_rows.c.recipient == pair[1])
            found_q = found_q.where(deals.c.supplier == pair[0], deals.c.recipient == pair[1])
        rows = [dict(r._mapping) for r in conn.execute(q.order_by(register_rows.c.id))]
        if not rows and not pair:
            return []
        covered = {r["recipient"] for r in rows} if not pair else set(
            conn.execute(select(register_rows.c.recipient).where(register_rows.c.recipient == pair[1]).limit(1)).scalars())
        found = [dict(d._mapping) for d in conn.execute(found_q.where(deals.c.recipient.in_(covered))
                                                        .order_by(deals.c.id))]
    for r in rows:
        r["key"] = platform_key(r["designation"])
        r["label"] = f"{r['supplier_name']} → {r['recipient_name']}: {r['designation']}" + (
            f" ({r['order_year']})" if r["order_year"] else "")
    for d in found:
        d["key"] = platform_key(d["platform"])
        d["title"] = deal_title(d)
    pairs = []
    for r in rows:
        for d in found:
            gap = _year_gap(r, d)
            if (r["recipient"], r["supplier"], r["key"]) == (d["recipient"], d["supplier"], d["key"]) and gap is not None:
                pairs.append((gap, r["id"], d["id"], r, d))
    linked_rows, linked_deals, out = set(), set(), []
    for gap, _rid, _did, r, d in sorted(pairs, key=lambda p: p[:3]):
        if r["id"] in linked_rows or d["id"] in linked_deals:
            continue
        linked_rows.add(r["id"])
        linked_deals.add(d["id"])
        out.append({"class": "both", "deal": d, "row": r, "differences": differences(d, r)})
    out += [{"class": "news_only", "deal": d, "row": None, "differences": []} for d in found
            if d["id"] not in linked_deals and d["status"] in ORDERED and d["recipient"] in covered]
    out += [{"class": "register_only", "deal": None, "row": r, "differences": []} for r in rows
            if r["id"] not in linked_rows]
    return out


def _year_gap(r: dict, d: dict) -> int | None:
    """How far apart the order years are: 0 when either is unknown, None beyond `YEAR_SLACK`."""
    if r["order_year"] is None or d["order_year"] is None:
        return 0
    gap = abs(r["order_year"] - d["order_year"])
    return gap if gap <= YEAR_SLACK else None


def differences(d: dict, r: dict) -> list[dict]:
    """Where the news and the register disagree: numbers ordered and delivered, order year."""
    out = []
    for field, ours, theirs, label in (("quantity", d["quantity_max"], r["ordered"], "ordered"),
                                       ("delivered", d["delivered_max"], r["delivered"], "delivered"),
                                       ("order_year", d["order_year"], r["order_year"], "order year")):
        if ours is not None and theirs is not None and float(ours) != float(theirs):
            out.append({"field": field, "news": ours, "register": theirs,
                        "text": f"{label}: {_n(ours)} in the news, {_n(theirs)} in the register"})
    return out


def for_deal(ledger, deal: dict) -> dict | None:
    """The register line of one deal (class "both" or "news_only"), or None: no register covers its recipient,
    or it is not yet an order."""
    lines = reconcile_register(ledger, (deal["supplier"], deal["recipient"]))
    return next((line for line in lines if line["deal"] and line["deal"]["id"] == deal["id"]), None)


def _n(x) -> str:
    return f"{float(x):g}"
