"""How values read on the dashboard: money, ranges, dates, country names, safe links.

Each function returns plain text; the templates escape it.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import pycountry

STAGES = ("considered", "offered", "negotiating", "signed", "in_delivery", "completed")
FIELD_LABELS = {"status": "status", "category": "category", "signed": "signed", "value": "value",
                "quantity": "ordered", "delivered": "delivered", "expected_completion": "expected completion",
                "tech_transfer_pct": "tech transfer", "local_partners": "local partners", "*": "whole deal"}


@lru_cache(maxsize=1024)
def country_name(code: str | None) -> str:
    """'IND' -> 'India'; unknown codes come back as given."""
    if not code:
        return "unknown"
    c = pycountry.countries.get(alpha_3=code.upper())
    return (getattr(c, "common_name", None) or c.name) if c else code


def money(amount: float | None, currency: str | None = "USD") -> str:
    """5.43e9 -> 'USD 5.43 billion'."""
    if amount is None:
        return ""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            return f"{currency or ''} {amount / size:,.3g} {word}".strip()
    return f"{currency or ''} {amount:,.0f}".strip()


def number(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def value_text(field: str, value) -> str:
    """A claimed or reconciled value as a reader would say it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if not isinstance(value, dict):
        return str(value).replace("_", " ") if field == "status" else str(value)
    if "amount" in value:
        if value.get("package"):
            return f"part of a {money(value.get('amount'), value.get('currency'))} package " \
                   f"({', '.join(value['package'].get('members', []))})"
        return money(value.get("amount"), value.get("currency"))
    if "min" in value or "max" in value:
        lo, hi = value.get("min"), value.get("max")
        unit = "%" if field == "tech_transfer_pct" else units(value.get("unit"), hi if hi is not None else lo)
        if lo is not None and hi is not None and lo != hi:
            n = f"{lo:g}–{hi:g}"
        elif hi is not None:
            n = f"{hi:g}" if lo is not None else f"up to {hi:g}"
        else:
            n = f"at least {lo:g}" if lo is not None else "?"
        return f"{n} {unit}".strip()
    if "value" in value:
        said = value.get("text")
        return f"{value['value']} ({said})" if said and said != value["value"] else str(value["value"])
    return ", ".join(f"{k}: {v}" for k, v in value.items())


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link, else None: a stored `javascript:` URL never becomes a link."""
    if not url or not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def units(unit: str | None, n: float | None) -> str:
    """'squadron', 5 -> 'squadrons'; 'battery' -> 'batteries'; 'aircraft' stays."""
    if not unit or n == 1:
        return unit or ""
    if unit.endswith(("craft", "personnel", "ammunition", "artillery", "equipment")):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def percent(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.0f}%"


def stage_index(status: str | None) -> int:
    return STAGES.index(status) if status in STAGES else -1


FILTERS = {"country_name": country_name, "money": money, "number": number, "safe_url": safe_url,
           "percent": percent, "units": lambda unit, n=None: units(unit, n),
           "field_label": lambda f: FIELD_LABELS.get(f, f)}
