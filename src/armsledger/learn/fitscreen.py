"""A quick screen of the deal decision's fitting: its out-of-fold F1 per set, over several fold dealings.

    python -m armsledger.learn.fitscreen                       # every training set, 3 dealings (a minute or two)
    python -m armsledger.learn.fitscreen --C 0.2 --bias-scale 10 --repeats 5

`armsledger train --repeats 3` measures the whole extraction (20-30 minutes on a loaded machine); this measures the
deal decision alone, as `train` chooses its thresholds: every candidate of the training sets (`fit.label_rows`)
scored by the model fitted on the folds that did not hold its article (`fit.out_of_fold`), the three thresholds by
`fit.best_thresholds` on those scores, and F1 counting the gold deals no candidate holds as misses. So a change to
how the deal decision is fitted (`fit.fit`, `fit._binary`) can be screened in a minute before `train` confirms it.
It tracks `train`'s deals figure closely (main, 3 dealings: 0.654 ± 0.005 here, 0.657 ± 0.006 by `train`; corpus-train
0.601 and 0.599) but is not it: the second pass may still merge or drop a deal. The test split is never read here.
"""
from __future__ import annotations

import argparse
import statistics

from ..extract import Extractor
from . import fit
from .goldsets import TRAINING_SETS, load


def labelled(sets: list[str]) -> tuple[list[fit.Row], dict[str, int], list[str]]:
    """The deal candidates of every article of `sets`, labelled; the gold deals no candidate holds, per article;
    the articles' names."""
    ex = Extractor(model=False)
    rows: list[fit.Row] = []
    missed: dict[str, int] = {}
    for s in sets:
        for e in load(s):
            lost = [0]
            rows += fit.label_rows(ex, e, lost)
            missed[e.name] = lost[0]
    return rows, missed, list(missed)


def screen(rows: list[fit.Row], missed: dict[str, int], names: list[str], k: int = 5, C: float = 0.1,
           seeds: range | list[int] = range(3), by: dict[str, str] | None = None) -> list[dict[str, tuple[float, float]]]:
    """Per dealing (`seeds`): each set's ("all" too) deal F1 and precision out of fold, at the thresholds
    `fit.best_thresholds` chooses on that dealing's scores; `by`, the articles' groups the folds hold whole
    (`fit.group_keys`)."""
    out = []
    for seed in seeds:
        scores = fit.out_of_fold(rows, names, k, C, seed, by=by)
        t = fit.best_thresholds(rows, scores, [r.label for r in rows], missed=sum(missed.values()))
        counts: dict[str, list[int]] = {"all": [0, 0, 0]}
        for name, n in missed.items():
            for s in ("all", name.split("/")[0]):
                counts.setdefault(s, [0, 0, 0])[2] += n
        for r, yes in zip(rows, fit.kept(rows, scores, t)):
            for s in ("all", r.group.split("/")[0]):
                c = counts.setdefault(s, [0, 0, 0])
                c[0] += yes and r.label
                c[1] += yes and not r.label
                c[2] += (not yes) and r.label
        out.append({s: (2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp / (tp + fp) if tp + fp else 0.0)
                    for s, (tp, fp, fn) in counts.items()})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", choices=TRAINING_SETS, help="a training set (default: all five)")
    ap.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument("--bias-scale", type=float, default=None,
                    help=f"the deal decision's bias scale (fit.DEAL_BIAS_SCALE, now {fit.DEAL_BIAS_SCALE})")
    ap.add_argument("--repeats", type=int, default=3, help="fold dealings (seeds 0..N-1)")
    args = ap.parse_args(argv)
    if args.bias_scale is not None:
        fit.DEAL_BIAS_SCALE = args.bias_scale
    rows, missed, names = labelled(args.set or list(TRAINING_SETS))
    runs = screen(rows, missed, names, C=args.C, seeds=range(args.repeats))
    print(f"deal decision out of fold, {len(names)} articles, {len(rows)} candidates, {args.repeats} dealings: "
          "F1 mean ± sd (precision)")
    for s in runs[0]:
        f1s = [r[s][0] for r in runs]
        sd = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
        print(f"  {s:14s} {statistics.fmean(f1s):.3f} ±{sd:.3f} ({statistics.fmean(r[s][1] for r in runs):.3f})")


if __name__ == "__main__":
    main()
