#!/usr/bin/env python3
"""Check corpus files: article headers, gold shape, codes and enumerations.

    python corpus/check.py corpus/articles/a01.txt ...      # article files (gold looked up beside them)
    python corpus/check.py --gold-dir corpus/gold2 FILES    # check a second annotation instead

Exit status 1 when any file has a problem; each problem is printed with its file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import pycountry
except ImportError:  # the check still runs; codes are then only checked for shape
    pycountry = None

STATUSES = {"considered", "offered", "negotiating", "signed", "in_delivery", "completed", "cancelled"}
EVENT_TYPES = {"MEETING", "SUMMIT", "AGREEMENT", "DEAL_SIGNED", "DELIVERY", "OFFER", "REQUEST",
               "NEGOTIATION", "UPGRADE", "COPRODUCTION", "EVALUATION", "SANCTION_THREAT"}
EVENT_STATUSES = {"occurred", "scheduled", "expected", "possible"}
KINDS = {"country", "person", "organization", "platform", "location"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def country_ok(code) -> bool:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        return False
    return pycountry is None or code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def date_ok(d) -> bool:
    if d is None:
        return True
    v = d.get("value") if isinstance(d, dict) else d
    return isinstance(v, str) and bool(DATE.match(v))


def check(article: Path, gold_dir: Path | None) -> list[str]:
    problems = []
    text = article.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    fields = dict(re.findall(r"(?m)^([A-Z-]+):\s*(.*)$", head))
    for key in ("URL", "TITLE", "PUBLISHED", "PUBLISHER"):
        if not fields.get(key):
            problems.append(f"header {key}: missing")
    if fields.get("PUBLISHED") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["PUBLISHED"]):
        problems.append("header PUBLISHED: not YYYY-MM-DD")
    words = len(body.split())
    if not 80 <= words <= 900:
        problems.append(f"body: {words} words (80-900 expected)")
    gpath = (gold_dir or article.parent.parent / "gold") / (article.stem + ".json")
    if not gpath.exists():
        return problems + [f"gold: {gpath} missing"]
    try:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return problems + [f"gold: invalid JSON ({e})"]
    if gold.get("published") != fields.get("PUBLISHED"):
        problems.append("gold published differs from the header")
    for i, d in enumerate(gold.get("deals", [])):
        where = f"deal {i + 1} ({d.get('platform')})"
        for side in ("supplier", "recipient"):
            if not country_ok(d.get(side)):
                problems.append(f"{where}: {side} {d.get(side)!r} is not an ISO alpha-3 code")
        if not d.get("platform"):
            problems.append(f"{where}: no platform")
        if d.get("status") not in STATUSES:
            problems.append(f"{where}: status {d.get('status')!r}")
        for f in ("signed", "expected_completion"):
            if not date_ok(d.get(f)):
                problems.append(f"{where}: {f} {d.get(f)!r} is not a date")
        v = d.get("value")
        if v is not None and not (isinstance(v.get("amount"), (int, float)) and
                                  (v.get("currency") is None or re.fullmatch(r"[A-Z]{3}", v["currency"]))):
            problems.append(f"{where}: value {v!r}")
        for f in ("quantity", "delivered", "tech_transfer_pct"):
            q = d.get(f)
            if q is not None and not (isinstance(q, dict) and (q.get("min") is not None or q.get("max") is not None)):
                problems.append(f"{where}: {f} {q!r}")
        if not isinstance(d.get("local_partners", []), list):
            problems.append(f"{where}: local_partners is not a list")
    for i, e in enumerate(gold.get("events", [])):
        where = f"event {i + 1} ({e.get('type')})"
        if e.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: type")
        if e.get("status") not in EVENT_STATUSES:
            problems.append(f"{where}: status {e.get('status')!r}")
        if not date_ok(e.get("date")):
            problems.append(f"{where}: date {e.get('date')!r}")
        for c in e.get("countries") or []:
            if not country_ok(c):
                problems.append(f"{where}: country {c!r}")
    for e in gold.get("entities", []):
        if e.get("kind") not in KINDS or not e.get("name"):
            problems.append(f"entity {e!r}: kind or name")
        if e.get("country") is not None and not country_ok(e["country"]):
            problems.append(f"entity {e.get('name')}: country {e['country']!r}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="+", type=Path)
    ap.add_argument("--gold-dir", type=Path)
    a = ap.parse_args(argv)
    bad = 0
    for art in a.articles:
        for p in check(art, a.gold_dir):
            bad += 1
            print(f"{art}: {p}")
    print(f"{len(a.articles)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
