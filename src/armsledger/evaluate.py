# The project scorer (the same as shared/eval/score.py, kept in step), inside the package so that
# `armsledger train` and the accuracy tests score with it on a clone that has no shared/ folder beside it.
"""Score armsledger extraction records against hand-made gold files.

    score.py --gold seed/gold.json --pred out.json
    score.py --gold-dir devset/gold --pred-dir out/     # pairs files by name (NN.json)

A pred file holds one record of the contract (CONTRACT.md), or JSON Lines
whose first record is taken. Prints precision / recall / F1 for:
  deals        - one per (supplier, recipient, platform), matched one-to-one
  deal fields  - every non-null field of every gold and predicted deal
  events       - matched by type, date (at the gold's precision) and who took part
  entities     - (kind, name), names compared loosely (spelling variants, titles)
--verbose lists what was missed and what was extra. Standard library only.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

DEAL_FIELDS = ("status", "signed", "value", "quantity", "delivered",
               "expected_completion", "tech_transfer_pct", "local_partners")


def norm(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (s or "").casefold())


def same_name(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def same_platform(pred: str, gold: dict) -> bool:
    p = norm(pred)
    for g in [gold.get("platform")] + list(gold.get("platform_aliases") or []):
        g = norm(g)
        if p and g and (p == g or (min(len(p), len(g)) >= 3 and (p.startswith(g) or g.startswith(p)))):
            return True
    return False


def date_value(d) -> str | None:
    if d is None:
        return None
    return d.get("value") if isinstance(d, dict) else str(d)


def same_date(pred, gold) -> bool:
    p, g = date_value(pred), date_value(gold)
    return bool(p and g and len(p) >= len(g) and p[: len(g)] == g)


def unit(u) -> str:
    u = norm(u)
    return u[:-1] if u.endswith("s") else u


def same_range(pred, gold) -> bool:
    if not isinstance(pred, dict):
        return False
    if pred.get("min") != gold.get("min") or pred.get("max") != gold.get("max"):
        # a single figure may be given as min=max or as max alone
        pmin, pmax = pred.get("min"), pred.get("max")
        gmin, gmax = gold.get("min"), gold.get("max")
        if not (gmin == gmax and {pmin, pmax} - {None} == {gmin}):
            return False
    return not gold.get("unit") or unit(pred.get("unit")) == unit(gold.get("unit"))


def same_value(pred, gold) -> bool:
    if not isinstance(pred, dict) or pred.get("currency") != gold.get("currency"):
        return False
    a, b = pred.get("amount"), gold.get("amount")
    return isinstance(a, (int, float)) and abs(a - b) <= 0.01 * abs(b)


def same_field(name: str, pred, gold) -> bool:
    if name == "status":
        return pred == gold
    if name in ("signed", "expected_completion"):
        return same_date(pred, gold)
    if name == "value":
        return same_value(pred, gold)
    if name == "local_partners":
        return len(pred) == len(gold) and all(any(same_name(p, g) for p in pred) for g in gold)
    return same_range(pred, gold)


def present(name: str, v) -> bool:
    return bool(v) if name == "local_partners" else v is not None


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp=0, fp=0, fn=0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(golds, preds, ok, likeness=lambda p, g: 0):
    """Greedy one-to-one matching, most specific gold first, each taking the
    most alike free prediction; returns pairs and the unmatched of each side."""
    pairs, free = [], list(range(len(preds)))
    lost = []
    for g in sorted(golds, key=lambda g: -sum(v not in (None, [], "") for v in g.values())):
        hits = [i for i in free if ok(preds[i], g)]
        hit = max(hits, key=lambda i: likeness(preds[i], g)) if hits else None
        if hit is None:
            lost.append(g)
        else:
            free.remove(hit)
            pairs.append((preds[hit], g))
    return pairs, lost, [preds[i] for i in free]


def load_pred(path: Path) -> dict:
    text = path.read_text(encoding="utf-8").strip()
    try:
        rec = json.loads(text)
    except json.JSONDecodeError:
        rec = json.loads(text.splitlines()[0])
    if isinstance(rec, list):
        rec = rec[0]
    return rec


def event_matcher(pred: dict):
    """How a predicted event is matched to a gold one: by type, date (at the gold's precision) and who took part
    (a shared country, or a participant named alike); and how alike two matching events are."""
    names = {e.get("id"): e.get("name", "") for e in pred.get("entities", [])}

    def event_ok(p, g) -> bool:
        if p.get("type") != g.get("type"):
            return False
        if g.get("date") and not same_date(p.get("date"), g.get("date")):
            return False
        gc, pc = set(g.get("countries") or []), set(p.get("countries") or [])
        if gc and pc and gc & pc:
            return True
        gp = g.get("participants") or []
        pp = [names.get(i, i) for i in p.get("participants") or []]
        if gp and any(same_name(a, b) for a in pp for b in gp):
            return True
        return not gc and not gp

    def event_likeness(p, g) -> int:
        return (same_date(p.get("date"), g.get("date")) + (p.get("status") == g.get("status"))
                + len(set(g.get("countries") or []) & set(p.get("countries") or [])))

    return event_ok, event_likeness


def score_one(gold: dict, pred: dict, t: dict[str, Tally], notes: list[str]) -> None:
    # deals
    pairs, lost, extra = match(gold.get("deals", []), pred.get("deals", []),
                               lambda p, g: p.get("supplier") == g.get("supplier")
                               and p.get("recipient") == g.get("recipient")
                               and same_platform(p.get("platform", ""), g),
                               lambda p, g: sum(present(f, g.get(f)) and present(f, p.get(f))
                                                and same_field(f, p.get(f), g.get(f)) for f in DEAL_FIELDS))
    t["deals"].add(tp=len(pairs), fp=len(extra), fn=len(lost))
    for g in lost:
        notes.append(f"missed deal {g['supplier']}->{g['recipient']} {g['platform']}")
        t["deal fields"].add(fn=sum(present(f, g.get(f)) for f in DEAL_FIELDS))
    for p in extra:
        notes.append(f"extra deal {p.get('supplier')}->{p.get('recipient')} {p.get('platform')}")
        t["deal fields"].add(fp=sum(present(f, p.get(f)) for f in DEAL_FIELDS))
    for p, g in pairs:
        for f in DEAL_FIELDS:
            gv, pv = g.get(f), p.get(f)
            if f == "local_partners":
                gv, pv = gv or [], pv or []
            if present(f, gv) and present(f, pv):
                if same_field(f, pv, gv):
                    t["deal fields"].add(tp=1)
                else:
                    t["deal fields"].add(fp=1, fn=1)
                    notes.append(f"deal {g['platform']} {f}: got {json.dumps(pv)[:90]} want {json.dumps(gv)[:90]}")
            elif present(f, gv):
                t["deal fields"].add(fn=1)
                notes.append(f"deal {g['platform']} {f}: missing, want {json.dumps(gv)[:90]}")
            elif present(f, pv):
                t["deal fields"].add(fp=1)
                notes.append(f"deal {g['platform']} {f}: extra {json.dumps(pv)[:90]}")

    # events
    event_ok, event_likeness = event_matcher(pred)
    pairs, lost, extra = match(gold.get("events", []), pred.get("events", []), event_ok, event_likeness)
    t["events"].add(tp=len(pairs), fp=len(extra), fn=len(lost))
    for g in lost:
        notes.append(f"missed event {g['type']} {g.get('date')} {','.join(g.get('participants') or g.get('countries') or [])}")
    for p in extra:
        notes.append(f"extra event {p.get('type')} {date_value(p.get('date'))}")

    # entities
    def ent_ok(p, g) -> bool:
        return p.get("kind") == g.get("kind") and (
            same_name(p.get("name", ""), g["name"])
            or (g["kind"] == "platform" and same_platform(p.get("name", ""), {"platform": g["name"]})))

    pairs, lost, extra = match(gold.get("entities", []), pred.get("entities", []), ent_ok)
    t["entities"].add(tp=len(pairs), fp=len(extra), fn=len(lost))
    for g in lost:
        notes.append(f"missed {g['kind']} {g['name']}")
    for p in extra:
        notes.append(f"extra {p.get('kind')} {p.get('name')}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold")
    ap.add_argument("--pred")
    ap.add_argument("--gold-dir")
    ap.add_argument("--pred-dir")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args(argv)

    if a.gold and a.pred:
        jobs = [(Path(a.gold), Path(a.pred))]
    elif a.gold_dir and a.pred_dir:
        jobs = [(g, Path(a.pred_dir) / g.name) for g in sorted(Path(a.gold_dir).glob("*.json"))]
    else:
        ap.error("give --gold and --pred, or --gold-dir and --pred-dir")

    tallies = {k: Tally() for k in ("deals", "deal fields", "events", "entities")}
    for gpath, ppath in jobs:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        notes: list[str] = []
        if not ppath.exists():
            pred = {"deals": [], "events": [], "entities": []}
            notes.append("no prediction file")
        else:
            pred = load_pred(ppath)
        score_one(gold, pred, tallies, notes)
        if a.verbose and notes:
            print(f"## {gpath.name}")
            for n in notes:
                print("  " + n)

    figures = {k: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in v.prf())),
                       tp=v.tp, fp=v.fp, fn=v.fn) for k, v in tallies.items()}
    if a.json:
        print(json.dumps(figures))
    else:
        print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn   ({len(jobs)} articles)")
        for k, v in figures.items():
            print(f"{k:12} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:4d}{v['fp']:4d}{v['fn']:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
