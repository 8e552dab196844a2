"""Deals missed: where the gold deals of the training sets are lost, out of fold, and in what sentences.

    python -m armsledger.learn.dealdiag                          # every training set (a few minutes)
    python -m armsledger.learn.dealdiag --set corpus-train --list 30
    python -m armsledger.learn.dealdiag --set corpus-train --list 30 --status completed --cause low

Each gold deal is looked for among the deal candidates of its article (`Extractor.candidate_rows`, labelled as
`fit.label_rows` labels them) and, when a candidate holds it, that candidate is scored by the model fitted on the
folds that did not hold the article (`fit._folds`, 5 folds, seed 0; thresholds by `fit.best_thresholds` on those
scores). This is the deal decision's view, before the second pass: a candidate kept here may still be merged or
dropped later, so the counts are near the extraction's, not equal to them. Each gold deal gets a cause:

| cause | meaning |
| --- | --- |
| `kept` | a candidate holds it and clears its threshold |
| `low` | a candidate holds it, scored below its threshold |
| `overruled` | ... it clears it, but `decide.overrule` drops it (a platform not bought, a maker a named seller beats) |
| `none:platform` | no candidate holds it; the platform is never found (as a named platform or a class) |
| `none:pair` | ... the platform is found, but never with this supplier and recipient near it |

and each `low` one a shape (the first that fits, in this order) read from the sentences of its candidate's mentions:
`anaphor` (a class noun standing for a platform named before: "the howitzer is in service in..."), `list` (the
recipient named in a list of countries), `in_service` (in service / operated by / flown by / operators include),
`generic` (a class, not a catalogue platform), `adjacent` (the recipient only in a neighbouring sentence),
`other`. The test split is never read here.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter

from ..evaluate import same_platform
from ..extract import MAX_CHARS, Extractor, decide, learned, naming
from ..extract.deals import DealFinder
from ..ingest import clean_surrogates
from .fit import Row, _folds, best_thresholds, fit, rivals
from .fit import kept as fit_kept
from . import goldsets
from .goldsets import TRAINING_SETS, load

_IN_SERVICE = re.compile(r"\b(?:in service|operat(?:ed|es|ors?|ing)|flown by|used by|in (?:the|its|their) "
                         r"(?:fleet|inventor|arsenal)|customers?|users?|already (?:ordered|bought|uses?|has|have))",
                         re.I)


def candidates_of(ex: Extractor, article) -> tuple[list, list, str]:
    """The article's deal candidates (candidate, features, rule deals), its sentences and text."""
    body = clean_surrogates(article.text[:MAX_CHARS])
    _, ents, clauses, home, _ = ex._analyse(article, body)
    finder = DealFinder(ents, clauses, body, home)
    finder.open_deals()
    return decide.rows(finder, clauses, body, home), clauses, body


def shape(cand, clauses, text: str, feats: set[str]) -> str:
    """The sentence shape of a candidate (see the module's table)."""
    ms = cand.mentions
    if any(m.anaphor for m in ms):
        return "anaphor"
    if "rec:list:member" in feats:
        return "list"
    if any(_IN_SERVICE.search(clauses[m.clause].sent.text) for m in ms):
        return "in_service"
    if cand.platform.extra.get("generic"):
        return "generic"
    if not any(m.recipient.clause == m.clause for m in ms):
        return "adjacent"
    return "other"


def records(sets: list[str], k: int = 5, C: float = 0.1, weights: tuple[str, ...] = ()) -> list[dict]:
    """One record per gold deal: its set, article, cause, shape, score, threshold, rank and features. Prints the
    out-of-fold candidate F1 and the thresholds, and the weights (model fitted on all `sets`) of the features that
    begin with one of `weights`."""
    ex = Extractor(model=False)
    arts = []  # (example, [(candidate, feats, golds it holds)], clauses, text)
    rows: list[Row] = []
    for s in sets:
        for e in load(s):
            cands, clauses, text = candidates_of(ex, e.article)
            golds = e.gold.get("deals", [])
            held = []
            for cand, feats, _ in cands:
                names = {cand.platform.name, naming.name_as_written(cand.platform)}
                match = [j for j, g in enumerate(golds) if g.get("supplier") == cand.supplier
                         and g.get("recipient") == cand.recipient and any(same_platform(n, g) for n in names)]
                held.append(match)
                rows.append(Row(e.name, feats, int(bool(match)), key=cand.key))
            arts.append((e, cands, held, clauses, text))
    names = [a[0].name for a in arts]
    scores = [0.0] * len(rows)
    for fold in _folds(names, k):
        model = learned.from_dict(fit([r for r in rows if r.group not in fold], C))
        for i, r in enumerate(rows):
            if r.group in fold:
                scores[i] = model.deal.probability(r.feats)
    full = learned.from_dict(fit(rows, C))
    if weights:
        n = Counter(f for r in rows for f in r.feats if f.startswith(weights))
        pos = Counter(f for r in rows if r.label for f in r.feats if f.startswith(weights))
        for f_, w in sorted(full.deal.weights.items()):
            if f_.startswith(weights):
                print(f"weight {f_} {w:+.3f} ({pos[f_]} of {n[f_]} candidates deals)")
    missed = sum(1 for e, _, held, _, _ in arts for g in range(len(e.gold.get("deals", [])))
                 if not any(g in x for x in held))
    t_rule, t_new, t_rival, f = best_thresholds(rows, scores, [r.label for r in rows], missed=missed)
    print(f"out-of-fold candidate F1 {f:.3f} (thresholds: rule {t_rule}, new {t_new}, rival {t_rival})")
    beaten = rivals([(r.group, r.key[0], r.key[2]) for r in rows], scores, ["rec:list:member" in r.feats for r in rows])
    kept = fit_kept(rows, scores, (t_rule, t_new, t_rival))
    out = []
    i = 0
    for e, cands, held, clauses, text in arts:
        lo = i
        i += len(cands)
        art_scores = sorted(scores[lo:i], reverse=True)
        best: dict[int, int] = {}  # gold deal -> the row of its best-scored candidate
        for j, match in enumerate(held):
            for g in match:
                if g not in best or scores[lo + j] > scores[lo + best[g]]:
                    best[g] = j
        plat_found = [any(same_platform(n, g) for cand, _, _ in cands
                          for n in (cand.platform.name, naming.name_as_written(cand.platform)))
                      for g in e.gold.get("deals", [])]
        for g, gold in enumerate(e.gold.get("deals", [])):
            rec = {"set": e.name.split("/")[0], "article": e.name, "gold": gold, "status": gold.get("status")}
            if g not in best:
                rec["cause"] = "none:pair" if plat_found[g] else "none:platform"
                out.append(rec)
                continue
            j = best[g]
            cand, feats, rule = cands[j]
            r = lo + j
            t = t_rule if "rule:deal" in feats else t_rival if beaten[r] else t_new
            rec.update(cause="kept" if kept[r] else "overruled" if scores[r] >= t else "low", score=round(scores[r], 3),
                       threshold=t,
                       rank=art_scores.index(scores[r]) + 1, of=len(cands), rule=bool(rule),
                       shape=shape(cand, clauses, text, feats),
                       sentences=sorted({clauses[m.clause].sent.text.strip() for m in cand.mentions}),
                       weights=full.deal.explain(feats, 12))
            out.append(rec)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", help="a training set (repeatable; default: all five)")
    ap.add_argument("--list", type=int, default=0, help="print this many missed deals with their sentences")
    ap.add_argument("--cause", help="only list deals of this cause (low, none:pair, none:platform)")
    ap.add_argument("--status", help="only list deals of this gold status")
    ap.add_argument("--shape", help="only list deals of this shape")
    ap.add_argument("--weights", action="append", default=[], help="print the weights of the features that begin "
                    "with this (repeatable)")
    goldsets.leave_out_option(ap)
    args = ap.parse_args(argv)
    goldsets.leave_out(args.leave_out)
    sets = args.set or list(TRAINING_SETS)
    for s in sets:
        if s not in TRAINING_SETS:
            ap.error(f"not a training set: {s}")
    recs = records(sets, weights=tuple(args.weights))
    print(f"{len(recs)} gold deals")
    causes = Counter(r["cause"] for r in recs)
    print("cause:", ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    by_status = Counter((r["status"], r["cause"] == "kept") for r in recs)
    print("missed by gold status:", ", ".join(f"{st} {by_status[st, False]}/{by_status[st, False] + by_status[st, True]}"
                                              for st in sorted({r['status'] or '' for r in recs})))
    low = [r for r in recs if r["cause"] == "low"]
    print("low, by shape:", ", ".join(f"{c} {n}" for c, n in Counter(r["shape"] for r in low).most_common()))
    kept_shapes = Counter(r["shape"] for r in recs if r["cause"] == "kept")
    print("kept, by shape:", ", ".join(f"{c} {n}" for c, n in kept_shapes.most_common()))
    print("low, rank in article:", ", ".join(f"{c} {n}" for c, n in sorted(Counter(
        "1" if r["rank"] == 1 else "2-3" if r["rank"] <= 3 else "4-10" if r["rank"] <= 10 else "11+" for r in low).items())))
    print("low, score/threshold:", ", ".join(f"{c} {n}" for c, n in sorted(Counter(
        f"{min(9, int(10 * r['score'] / r['threshold']))}/10" for r in low).items())))
    shown = 0
    for r in recs:
        if shown >= args.list:
            break
        if r["cause"] == "kept" or (args.cause and r["cause"] != args.cause) \
                or (args.status and r["status"] != args.status) or (args.shape and r.get("shape") != args.shape):
            continue
        shown += 1
        g = r["gold"]
        print(f"\n{r['article']}: {g.get('supplier')} -> {g.get('recipient')} {g.get('platform')} [{r['status']}] "
              f"{r['cause']}" + (f" {r['shape']} score {r['score']} / {r['threshold']} rank {r['rank']}/{r['of']}"
                                 if "score" in r else ""))
        for s in r.get("sentences", [])[:3]:
            print("   |", s[:300])
        if "weights" in r:
            ws = r["weights"]
            print("   +", ", ".join(f"{f} {w:+.2f}" for f, w in ws if w > 0)[:300])
            print("   -", ", ".join(f"{f} {w:+.2f}" for f, w in ws if w < 0)[:300])


if __name__ == "__main__":
    main()
