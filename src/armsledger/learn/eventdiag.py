"""Events: where the out-of-fold events go wrong, error by error and by cause.

    python -m armsledger.learn.eventdiag                   # out-of-fold records of every training set (slow: a whole CV)
    python -m armsledger.learn.eventdiag --save oof.json   # ... and keep them, to tally again with --load
    python -m armsledger.learn.eventdiag --load oof.json --set corpus-train --list date

Events F1 counts an event right when type, date (at the gold's precision) and who took part all match
(`evaluate.event_matcher`). An event nearly right costs both a false positive and a false negative; this tells
those apart from events made up or missed outright. Each article's gold events are matched as the scorer
matches them; then each gold event left over is paired with a free predicted event that differs from it in one
thing only, and each predicted event left over is given a cause:

| cause | meaning |
| --- | --- |
| `type` | a free predicted event has the gold's date and parties but another type |
| `date` | ... the gold's type and parties, but another date or none |
| `who` | ... the gold's type and date, but no shared country or participant |
| `duplicate` | a predicted event that would match a gold event another prediction already holds |
| `duplicate:date` | ... of that gold's type and parties, under another date (one happening told twice) |
| `spurious` | a predicted event like no gold event of the article |
| `missed:candidate` | a gold event nothing predicted is near, though a candidate matches it (the decision dropped it) |
| `missed:none` | ... and no candidate matches it (the rules and proposals never read it) |

`type`, `date` and `who` each cost a false positive and a false negative, the others one. The pairing is loose
where the gold is undated (a shared country will do), so `type` also holds events merely told beside one
another. The last column of the table is the F1 were a cause's errors all right. Records come from
cross-validation (`fit.train(predictions=...)`): each article read by the fold model that did not see it. The
candidates (`Extractor.event_candidates`) are read with the model fitted on all the training sets: whether a
candidate exists depends on the deal decision only. The test split is never read here.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..evaluate import date_value, event_matcher, match, same_date

CAUSES = ("type", "date", "who", "duplicate", "duplicate:date", "spurious", "missed:candidate", "missed:none")


def _dated(p: dict, g: dict) -> bool:
    return not g.get("date") or same_date(p.get("date"), g.get("date"))


def classify(gold: dict, pred: dict, candidates: dict | None = None) -> list[tuple[str, dict | None, dict | None]]:
    """Each event error of one article as (cause, gold event, predicted event); the matched ones as ("ok", g, p).
    Without `candidates` every miss is `missed:none`."""
    ok, likeness = event_matcher(pred)
    pairs, lost, extra = match(gold.get("events", []), pred.get("events", []), ok, likeness)

    def who(p: dict, g: dict) -> bool:  # the scorer's test of who took part, type and date aside
        return ok(dict(p, type=g.get("type"), date=g.get("date")), g)

    out: list[tuple[str, dict | None, dict | None]] = [("ok", g, p) for p, g in pairs]
    free = list(extra)
    tests = (("date", lambda p, g: p.get("type") == g.get("type") and who(p, g)),
             ("who", lambda p, g: p.get("type") == g.get("type") and _dated(p, g)),
             ("type", lambda p, g: _dated(p, g) and who(p, g)))
    left = []
    for g in lost:
        for cause, test in tests:
            hit = next((p for p in free if test(p, g)), None)
            if hit is not None:
                free.remove(hit)
                out.append((cause, g, hit))
                break
        else:
            left.append(g)
    if candidates is not None:
        c_ok, _ = event_matcher(candidates)
        for g in left:
            found = any(c_ok(c, g) for c in candidates.get("events", []))
            out.append(("missed:candidate" if found else "missed:none", g, None))
    else:
        out += [("missed:none", g, None) for g in left]
    held = [g for _, g in pairs]
    for p in free:
        if any(ok(p, g) for g in held):
            out.append(("duplicate", None, p))
        elif any(p.get("type") == g.get("type") and who(p, g) for g in held):
            out.append(("duplicate:date", None, p))
        else:
            out.append(("spurious", None, p))
    return out


def _ev(e: dict | None) -> str:
    if e is None:
        return "-"
    who = ",".join(e.get("countries") or []) or ",".join(str(x) for x in (e.get("participants") or []))[:40]
    return f"{e.get('type')} {date_value(e.get('date'))} {e.get('status', '')} [{who}]"


def tally(predictions, candidates: dict | None = None, sets: set[str] | None = None):
    """A Counter of causes (and "ok") over the articles; each cause's lines (article, gold, predicted, evidence)."""
    counts: Counter = Counter()
    lines: dict[str, list[str]] = {c: [] for c in CAUSES}
    for name, gold, pred in predictions:
        if sets and name.split("/")[0] not in sets:
            continue
        for cause, g, p in classify(gold, pred, None if candidates is None else candidates.get(name, {"events": []})):
            counts[cause] += 1
            if cause != "ok":
                said = ((p or {}).get("evidence") or {}).get("text", "")[:140].replace("\n", " ")
                lines[cause].append(f"{name}: gold {_ev(g)} | got {_ev(p)} | {said}")
    return counts, lines


def table(counts: Counter) -> str:
    tp = counts["ok"]
    fp = sum(counts[c] for c in ("type", "date", "who", "duplicate", "duplicate:date", "spurious"))
    fn = sum(counts[c] for c in ("type", "date", "who", "missed:candidate", "missed:none"))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    out = [f"matched {tp}, false positives {fp}, false negatives {fn}, F1 {f1:.3f}",
           "| cause | events | F1 were they right |", "| --- | ---: | ---: |"]
    for c in CAUSES:
        n = counts[c]
        fp_, fn_ = (fp - n, fn - n) if c in ("type", "date", "who") else \
            (fp - n, fn) if c in ("duplicate", "duplicate:date", "spurious") else (fp, fn - n)
        tp_ = tp + n if c in ("type", "date", "who") or c.startswith("missed") else tp
        out.append(f"| {c} | {n} | {2 * tp_ / (2 * tp_ + fp_ + fn_):.3f} |")
    return "\n".join(out)


def cross_validated(sets: list[str]) -> tuple[list, dict]:
    """The out-of-fold records of these sets and, per article, its event candidates under the model fitted on all."""
    from ..extract import Extractor, learned
    from . import fit, goldsets

    examples = [e for s in sets for e in goldsets.load(s)]
    predictions: list = []
    ex = Extractor(model=False)
    model, _ = fit.train(examples, extractor=ex, predictions=predictions)
    ex.model = learned.from_dict(model)
    candidates = {}
    for e in examples:
        record, _ = ex.event_candidates(e.article)
        candidates[e.name] = {"entities": record["entities"], "events": record["events"]}
    return predictions, candidates


def main(argv: list[str] | None = None) -> int:
    from . import goldsets

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--load", type=Path, help="tally records saved by --save instead of cross-validating again")
    ap.add_argument("--save", type=Path, help="keep the out-of-fold records and candidates in this JSON file")
    ap.add_argument("--set", action="append", help="only these sets in the tally (repeatable; default: all)")
    ap.add_argument("--list", action="append", default=[], choices=CAUSES, help="print each error of this cause")
    goldsets.leave_out_option(ap)
    a = ap.parse_args(argv)
    goldsets.leave_out(a.leave_out)
    if a.load:
        saved = json.loads(a.load.read_text(encoding="utf-8"))
        predictions, candidates = saved["predictions"], saved["candidates"]
    else:
        predictions, candidates = cross_validated(list(goldsets.TRAINING_SETS))
        if a.save:
            a.save.write_text(json.dumps({"predictions": predictions, "candidates": candidates}), encoding="utf-8")
    counts, lines = tally(predictions, candidates, set(a.set) if a.set else None)
    print(table(counts))
    for c in a.list:
        print(f"\n{c}:")
        print("\n".join(sorted(lines[c])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
