"""Deal fields on the deals found: where the fields of matched deals go wrong, field by field and by cause.

    python -m armsledger.learn.fielddiag                   # out-of-fold records of every training set (slow: a whole CV)
    python -m armsledger.learn.fielddiag --save oof.json   # ... and keep them, to tally again with --load
    python -m armsledger.learn.fielddiag --load oof.json --set corpus-train --list status

Deal fields F1 mixes two things: the fields of deals the extractor missed (or made up), which are the deal
decision's, and the fields of the deals it found. This reads only the second: each predicted deal matched to a
gold deal (the scorer's matching) is compared with it field by field, and each disagreement is given a cause:

| cause | meaning |
| --- | --- |
| `ok` | the scorer counts it right |
| `missing` | the gold states the field, the deal leaves it empty |
| `extra` | the deal states a field the gold leaves empty |
| `wrong:...` | both state it and differ; for status `wrong:GOLD>PRED`, for values `currency`, `scale` (the same figure at another power of ten), `amount`; for dates `coarse` (a less precise date), `year`, `month`; for ranges `unit`, `number` |

Records come from cross-validation (`fit.train(predictions=...)`): each article read by the fold model that did not
see it. The test split is never read here.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from ..evaluate import DEAL_FIELDS, match, present, same_field, same_platform


def _deal_pairs(gold: dict, pred: dict):
    return match(gold.get("deals", []), pred.get("deals", []),
                 lambda p, g: p.get("supplier") == g.get("supplier") and p.get("recipient") == g.get("recipient")
                 and same_platform(p.get("platform", ""), g),
                 lambda p, g: sum(present(f, g.get(f)) and present(f, p.get(f))
                                  and same_field(f, p.get(f), g.get(f)) for f in DEAL_FIELDS))


def _date(d):
    return d.get("value") if isinstance(d, dict) else d


def cause(field: str, pred, gold) -> str:
    """Why a field of a matched deal is scored as it is (see the module docstring)."""
    if field == "local_partners":
        pred, gold = pred or [], gold or []
    has_p, has_g = present(field, pred), present(field, gold)
    if not has_p and not has_g:
        return "none"
    if has_g and not has_p:
        return "missing"
    if has_p and not has_g:
        return "extra"
    if same_field(field, pred, gold):
        return "ok"
    if field == "status":
        return f"wrong:{gold}>{pred}"
    if field == "value":
        if pred.get("currency") != gold.get("currency"):
            return "wrong:currency"
        a, b = pred.get("amount") or 0, gold.get("amount") or 0
        if a and b and abs(round(math.log10(abs(a / b))) - math.log10(abs(a / b))) < 0.01:
            return "wrong:scale"
        return "wrong:amount"
    if field in ("signed", "expected_completion"):
        p, g = _date(pred) or "", _date(gold) or ""
        if g.startswith(p):
            return "wrong:coarse"
        return "wrong:year" if p[:4] != g[:4] else "wrong:month"
    if field == "local_partners":
        return "wrong:names"
    if isinstance(pred, dict) and isinstance(gold, dict) and (pred.get("min"), pred.get("max")) == (
            gold.get("min"), gold.get("max")):
        return "wrong:unit"
    return "wrong:number"


def tally(predictions, sets: set[str] | None = None):
    """Per field, a Counter of causes over the matched deals; and the lines of each disagreement."""
    counts: dict[str, Counter] = {f: Counter() for f in DEAL_FIELDS + ("status by rules", "status by model")}
    lines: dict[str, list[str]] = {f: [] for f in DEAL_FIELDS}
    deals = Counter()
    for name, gold, pred in predictions:
        if sets and name.split("/")[0] not in sets:
            continue
        pairs, lost, extra = _deal_pairs(gold, pred)
        deals.update(matched=len(pairs), missed=len(lost), extra=len(extra))
        for p, g in pairs:
            for f in DEAL_FIELDS:
                c = cause(f, p.get(f), g.get(f))
                if c == "none":
                    continue
                counts[f][c] += 1
                if f == "status":  # who set it: the rules' triggers or the model (a deal it opened)
                    by = (p.get("why") or {}).get("opened_by")
                    if by:
                        counts[f"status by {by}"][c] += 1
                if c != "ok":
                    lines[f].append(f"{name} {g.get('supplier')}->{g.get('recipient')} {g.get('platform')}: {c} "
                                    f"got {json.dumps(p.get(f))[:80]} want {json.dumps(g.get(f))[:80]}")
    return counts, lines, deals


def table(counts: dict[str, Counter], deals: Counter) -> str:
    out = [f"matched deals {deals['matched']} (missed {deals['missed']}, extra {deals['extra']})",
           "| field | ok | missing | extra | wrong (by cause) | F1 on matched deals |", "| --- | ---: | ---: | ---: | --- | ---: |"]
    tp = fp = fn = 0
    for f, c in counts.items():
        if f not in DEAL_FIELDS:
            continue
        wrong = {k: v for k, v in c.items() if k.startswith("wrong")}
        t, p, n = c["ok"], c["extra"] + sum(wrong.values()), c["missing"] + sum(wrong.values())
        tp, fp, fn = tp + t, fp + p, fn + n
        f1 = 2 * t / (2 * t + p + n) if t else 0.0
        out.append(f"| {f} | {c['ok']} | {c['missing']} | {c['extra']} | "
                   + ", ".join(f"{k[6:]} {v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1]))
                   + f" | {f1:.3f} |")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    out.append(f"| all | {tp} | | | fp {fp}, fn {fn} | {f1:.3f} |")
    for f in ("status by rules", "status by model"):
        c = counts.get(f) or Counter()
        out.append(f"{f}: ok {c['ok']} of {sum(c.values())}; " + ", ".join(
            f"{k[6:]} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1]) if k.startswith("wrong")))
    return "\n".join(out)


def by_set(predictions) -> str:
    """The scorer's F1 by set over these records (what `armsledger train` prints)."""
    from ..evaluate import Tally, score_one

    figs = ("deals", "deal fields", "events", "entities")
    per: dict[str, dict[str, Tally]] = {}
    for name, gold, pred in predictions:
        for s in ("all", name.split("/")[0]):
            score_one(gold, pred, per.setdefault(s, {n: Tally() for n in figs}), [])
    return "\n".join(f"{s:14s} " + " ".join(f"{t.prf()[2]:.3f}" for t in ts.values()) for s, ts in per.items())


def cross_validated(sets: list[str]) -> list:
    from ..extract import Extractor
    from . import fit, goldsets

    examples = [e for s in sets for e in goldsets.load(s)]
    predictions: list = []
    fit.train(examples, extractor=Extractor(model=False), predictions=predictions)
    return predictions


def main(argv: list[str] | None = None) -> int:
    from . import goldsets

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--load", type=Path, help="tally records saved by --save instead of cross-validating again")
    ap.add_argument("--save", type=Path, help="keep the out-of-fold records in this JSON file")
    ap.add_argument("--set", action="append", help="only these sets in the tally (repeatable; default: all)")
    ap.add_argument("--list", action="append", default=[], help="print each disagreement of this field (repeatable)")
    goldsets.leave_out_option(ap)
    a = ap.parse_args(argv)
    goldsets.leave_out(a.leave_out)
    if a.load:
        predictions = json.loads(a.load.read_text(encoding="utf-8"))
    else:
        predictions = cross_validated(list(goldsets.TRAINING_SETS))
        if a.save:
            a.save.write_text(json.dumps(predictions), encoding="utf-8")
    counts, lines, deals = tally(predictions, set(a.set) if a.set else None)
    print("set            deals fields events entities")
    print(by_set(predictions))
    print(table(counts, deals))
    for f in a.list:
        print(f"\n{f}:")
        print("\n".join(sorted(lines[f])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
