"""The deal decision's false positives out of fold: which candidates it keeps that no gold deal holds, and why.

    python -m armsledger.learn.falsediag                        # every training set, the model's own dealing (seed 0)
    python -m armsledger.learn.falsediag --seeds 0,1,2,3,4 --quiet   # the thresholds and precision of each dealing

Each deal candidate of the training sets (`fit.label_all`) is scored by the deal decision fitted on the folds that
did not hold its article (the deal decision alone: quicker than `armsledger train`, and the same thresholds, chosen
by `fit.best_thresholds`). Printed per dealing: the three thresholds, candidate precision, recall and F1 (the gold
deals no candidate holds count as misses), precision by set and by who opened the deal (the rules or the model); then,
unless --quiet, each candidate kept with no gold match: its sentences, the gold deals of the same platform or pair
(to tell a wrong supplier or direction from a deal the report does not hold) and the features that weighed most.
The test split is never read here.
"""
from __future__ import annotations

import argparse
import sys

from ..evaluate import same_platform
from ..extract import MAX_CHARS, Extractor, decide, learned, naming
from ..extract.deals import DealFinder
from ..extract.features import STATUS_ONLY
from ..ingest import clean_surrogates
from . import fit, goldsets


def labelled(ex: Extractor, sets: list[str]) -> tuple[list[tuple[fit.Row, dict]], int]:
    """Each candidate as `fit.label_rows` labels it, with what the listing shows; and the gold deals no candidate holds."""
    out: list[tuple[fit.Row, dict]] = []
    missed = 0
    for s in sets:
        for e in goldsets.load(s):
            body = clean_surrogates(e.article.text[:MAX_CHARS])
            _, ents, clauses, home, _ = ex._analyse(e.article, body)
            finder = DealFinder(ents, clauses, body, home)
            finder.open_deals()
            golds = e.gold.get("deals", [])
            held: set[int] = set()
            for cand, feats, _ in decide.rows(finder, clauses, body, home):
                names = {cand.platform.name, naming.name_as_written(cand.platform)}
                match = [g for g in golds if g.get("supplier") == cand.supplier and g.get("recipient") == cand.recipient
                         and any(same_platform(n, g) for n in names)]
                held.update(id(g) for g in match)
                info = {"sentences": [clauses[i].sent.text for i in sorted({m.clause for m in cand.mentions})[:3]],
                        "same_platform": [(g.get("supplier"), g.get("recipient")) for g in golds
                                          if any(same_platform(n, g) for n in names)],
                        "same_pair": [g.get("platform") for g in golds
                                      if (g.get("supplier"), g.get("recipient")) == (cand.supplier, cand.recipient)]}
                out.append((fit.Row(e.name, feats, int(bool(match)), key=cand.key), info))
            missed += sum(1 for g in golds if id(g) not in held)
    return out, missed


def deal_model(rows: list[fit.Row], C: float) -> learned.Binary:
    """The deal decision of `fit.fit` alone."""
    X_all, vocab = fit._vectorise(rows)
    names_all = sorted(vocab, key=vocab.get)
    shared = [j for j, n in enumerate(names_all) if not n.startswith(STATUS_ONLY)]
    d = fit._binary(X_all[:, shared], [r.label for r in rows], [r.weight for r in rows],
                    [names_all[j] for j in shared], C, 0.5)
    return learned.Binary(d["weights"], d["bias"], 0.5)


def out_of_fold(rows: list[fit.Row], seed: int, C: float) -> tuple[list[float], list[learned.Binary]]:
    names = sorted({r.group for r in rows})
    scores = [0.0] * len(rows)
    models: list[learned.Binary] = [None] * len(rows)  # type: ignore[list-item]
    for held in fit._folds(names, 5, seed):
        m = deal_model([r for r in rows if r.group not in held], C)
        for i, r in enumerate(rows):
            if r.group in held:
                scores[i], models[i] = m.probability(r.feats), m
    return scores, models


def report(items: list[tuple[fit.Row, dict]], missed: int, seed: int, C: float, quiet: bool) -> list[str]:
    rows = [r for r, _ in items]
    scores, models = out_of_fold(rows, seed, C)
    t = fit.best_thresholds(rows, scores, [r.label for r in rows], missed=missed)
    per: dict[str, list[int]] = {}
    wrong = []
    for i, (r, yes) in enumerate(zip(rows, fit.kept(rows, scores, t))):
        by_rules = "rule:deal" in r.feats
        for k in ("all", r.group.split("/")[0], "opened by the rules" if by_rules else "opened by the model"):
            c = per.setdefault(k, [0, 0, 0])
            c[0] += yes and r.label
            c[1] += yes and not r.label
            c[2] += (not yes) and r.label
        if yes and not r.label:
            wrong.append(i)
    tp, fp, fn = per["all"]
    fn += missed
    lines = [f"seed {seed}: thresholds rule {t[0]} new {t[1]} rival {t[2]}; precision {tp / max(1, tp + fp):.3f} "
             f"recall {tp / max(1, tp + fn):.3f} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}; precision by part: "
             + ", ".join(f"{k} {c[0] / max(1, c[0] + c[1]):.2f} ({c[0]} right, {c[1]} wrong)"
                         for k, c in per.items() if k != "all")]
    for i in [] if quiet else wrong:
        r, info = items[i]
        lines.append(f"\n{r.group} {r.key} p={scores[i]:.2f} {'rules' if 'rule:deal' in r.feats else 'model'}; gold of "
                     f"the platform: {info['same_platform']}, of the pair: {info['same_pair']}")
        lines += [f"  > {s[:300]}".replace("\n", " ") for s in info["sentences"]]
        lines.append("  " + ", ".join(f"{f} {w:+.2f}" for f, w in models[i].explain(r.feats, 8)))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", help="a training set (repeatable; default: all five)")
    ap.add_argument("--seeds", default="0", help="the dealings of the articles to folds, comma-separated (default 0)")
    ap.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength (train's default 0.1)")
    ap.add_argument("--quiet", action="store_true", help="the figures of each dealing only, no listing")
    goldsets.leave_out_option(ap)
    a = ap.parse_args(argv)
    goldsets.leave_out(a.leave_out)
    sets = a.set or list(goldsets.TRAINING_SETS)
    if "corpus-test" in sets:
        print("corpus-test is the test split: never read here", file=sys.stderr)
        return 2
    items, missed = labelled(Extractor(model=False), sets)
    for seed in (int(x) for x in a.seeds.split(",")):
        print("\n".join(report(items, missed, seed, a.C, a.quiet)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
