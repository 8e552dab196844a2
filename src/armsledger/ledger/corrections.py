"""What an analyst's correction may say: each field's value in the shape extraction gives it.

`check_value(field, value)` accepts that shape or a short text ("completed", "2026-06",
"5.43 billion USD", "3-5 squadron", "Bharat Dynamics, HAL") and returns the stored shape;
anything else is a `BadCorrection` naming the field and what it needs. The CLI, the
library and the HTTP API all go through it.
"""
from __future__ import annotations

import math
import re

from .db import LedgerError
from .reconcile import STATUS_RANK


class BadCorrection(LedgerError, ValueError):
    """A correction whose value does not fit its field."""


_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_MONEY = re.compile(r"^\s*(?:([A-Za-z]{3})\s+)?([\d][\d,]*(?:\.\d+)?)\s*(thousand|million|billion|bn|m|k)?\s*"
                    r"([A-Za-z]{3})?\s*$", re.I)
_RANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(%|[^\W\d][\w -]{0,40})?\s*$")
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def _finite(x) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x) or x < 0 or x > 1e15:
        raise BadCorrection(f"expected a number between 0 and 1e15, got {x!r}")
    return float(x)


def check_text(obj) -> None:
    """Refuse strings no database should store: NUL characters and lone UTF-16 surrogates."""
    if isinstance(obj, str):
        if "\x00" in obj:
            raise BadCorrection("text must not contain NUL characters")
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            raise BadCorrection("text must be valid Unicode (no lone surrogates)") from None
    elif isinstance(obj, dict):
        for k, v in obj.items():
            check_text(k)
            check_text(v)
    elif isinstance(obj, list):
        for v in obj:
            check_text(v)


def check_value(field: str, value):
    """The value a correction of `field` stores, in the shape extraction gives that field.

    Accepts that shape, or a short text: 'completed', '2026-06', '5.43 billion USD', '3-5 squadron',
    'Bharat Dynamics, HAL'. Raises BadCorrection."""
    if field == "status":
        if not isinstance(value, str) or value not in STATUS_RANK:
            raise BadCorrection(f"status must be one of {', '.join(STATUS_RANK)}")
        return value
    if field == "category":
        if not isinstance(value, str) or not value.strip() or len(value) > 200:
            raise BadCorrection("category must be a short text")
        return value.strip()
    if field in ("signed", "expected_completion"):
        given = value.get("value") if isinstance(value, dict) else value
        if not isinstance(given, str) or not _DATE.match(given.strip()):
            raise BadCorrection(f"{field} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        given = given.strip()
        precision = {4: "year", 7: "month", 10: "day"}[len(given)]
        return {"value": given, "precision": precision, "text": given}
    if field == "value":
        if isinstance(value, dict):
            amount = _finite(value.get("amount"))
            currency = value.get("currency")
            if currency is not None and (not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency)):
                raise BadCorrection("currency must be an ISO 4217 code such as USD")
            usd = _finite(value["usd"]) if value.get("usd") is not None else (amount if currency == "USD" else None)
        elif isinstance(value, str) and (m := _MONEY.match(value)):
            if m.group(1) and m.group(4):
                raise BadCorrection("give the currency once")
            amount = float(m.group(2).replace(",", "")) * _SCALE.get((m.group(3) or "").lower(), 1)
            currency = (m.group(1) or m.group(4) or "USD").upper()
            usd = amount if currency == "USD" else None
            _finite(amount)
        else:
            raise BadCorrection("value must be an amount with its currency, e.g. '5.43 billion USD'")
        return {"amount": amount, "currency": currency, "usd": usd, "text": "analyst correction"}
    if field in ("quantity", "delivered", "tech_transfer_pct"):
        if isinstance(value, dict):
            lo = _finite(value["min"]) if value.get("min") is not None else None
            hi = _finite(value["max"]) if value.get("max") is not None else None
            unit = value.get("unit")
            if (lo is None and hi is None) or (unit is not None and not isinstance(unit, str)):
                raise BadCorrection(f"{field} needs min and/or max, and a text unit")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            lo = hi = _finite(value)
            unit = None
        elif isinstance(value, str) and (m := _RANGE.match(value)):
            lo = float(m.group(1))
            hi = float(m.group(2)) if m.group(2) else lo
            unit = (m.group(3) or "").strip() or None
        else:
            raise BadCorrection(f"{field} must be a number or range with a unit, e.g. '5 squadron' or '2-3'")
        if lo is not None and hi is not None and lo > hi:
            raise BadCorrection(f"{field}: the lower bound is above the upper one")
        if field == "tech_transfer_pct":
            unit = None
            if hi is not None and hi > 100:
                raise BadCorrection("tech_transfer_pct is a percentage, 0 to 100")
        elif unit:  # extraction stores units singular: "squadron", "battery"
            unit = unit[:-3] + "y" if unit.endswith("ies") else unit[:-1] if re.search(r"[^s]s$", unit) else unit
        return {"min": lo, "max": hi, "unit": unit, "text": "analyst correction"}
    if field == "local_partners":
        names = value.split(",") if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise BadCorrection("local_partners must be a list of names")
        names = [n.strip() for n in names if n.strip()]
        if not names or any(len(n) > 200 for n in names):
            raise BadCorrection("local_partners must name at least one partner, each in under 200 characters")
        return names
    raise BadCorrection(f"{field!r} cannot be set to a value")
