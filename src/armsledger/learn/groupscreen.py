"""The model's settings weighed by grouped cross-validation beside the random one.

    python -m armsledger.learn.groupscreen                          # every setting, folds by batch and by article
    python -m armsledger.learn.groupscreen --setting C=0.3 --setting no-words --group batch --repeats 3
    python -m armsledger.learn.groupscreen --out /tmp/screen.jsonl  # one JSON line per setting and grouping, as done

Random folds (`train`'s default) hold articles that share outlets, regions and kinds of story with the training
folds, and the rules the model weighs were written reading those very articles: out of fold the extraction looks
better than on reports it has not seen the like of. Folds that hold whole groups (`fit.GROUPINGS`: gold sets,
corpus batches a-j by region and kind, publishers) are the harsher estimate. Here each setting of the fitting is
measured both ways, over the same dealings (seeds 0..N-1), by `fit.train` itself (the whole extraction, every
threshold chosen on the dealing's own out-of-fold scores, as `armsledger train --group G --repeats N`): deals
precision / recall / F1, deal fields, events and entities F1, mean and standard deviation over the dealings.

Settings (`SETTINGS`; a name of the form C=X sets the inverse regularisation strength of every decision):

    base          train's defaults (C 0.1, every feature, no class weights)
    C=X           C = X (the event decision's is `fit.EVENT_C` times it, as in train)
    no-words      every decision fitted without the features that name a word (`fit.WORD_FEATURES`)
    words         only those, with the bias
    balanced      the deal decision's classes weighed inversely to their frequency

The candidates are labelled once (`fit.label_all`), so a setting costs its dealings' fitting and extraction alone.
`--quick` measures the deal decision alone, as `learn.fitscreen` does (its out-of-fold F1 and precision at the
thresholds chosen on the same scores, no extraction): a first screen in a minute or two, for `train` to confirm.
The test split is never read here.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from ..extract import Extractor
from . import fit, fitscreen, settingscreen
from .goldsets import TRAINING_SETS, load

SETTINGS = ("base", "C=0.03", "C=0.3", "C=1", "no-words", "words", "balanced")
FIGS = ("deals P", "deals R", "deals", "deal fields", "events", "entities")


def configure(setting: str) -> float:
    """Sets the module constants `setting` names (the others at train's defaults); returns its C.

    The settings are read by `settingscreen.configure`, the one parser of them; this screen takes the C it gives."""
    if setting.partition("=")[0] not in {s.partition("=")[0] for s in SETTINGS}:
        raise ValueError(f"unknown setting {setting!r}: {', '.join(SETTINGS)} or C=X")
    return settingscreen.configure(setting)["C"]


def figures(cv: dict) -> dict[str, float]:
    x = cv["extraction"]
    return {"deals P": x["deals"]["precision"], "deals R": x["deals"]["recall"], "deals": x["deals"]["f1"],
            "deal fields": x["deal fields"]["f1"], "events": x["events"]["f1"], "entities": x["entities"]["f1"]}


def measure(examples, labelled, extractor, setting: str, group: str, seeds) -> dict:
    """`setting`'s figures under `group` over the dealings `seeds`: each figure's per-dealing values, mean, sd."""
    C = configure(setting)
    try:
        runs = [figures(fit.train(examples, C=C, extractor=extractor, seed=s, labelled=labelled, group=group)[1])
                for s in seeds]
    finally:
        configure("base")
    return summary(setting, group, runs)


def summary(setting: str, group: str, runs: list[dict[str, float]]) -> dict:
    """Each figure of the dealings `runs`, and its mean and standard deviation over them."""
    return {"setting": setting, "group": group, "runs": runs,
            "mean": {f: round(statistics.fmean(r[f] for r in runs), 4) for f in runs[0]},
            "sd": {f: round(statistics.stdev([r[f] for r in runs]), 4) if len(runs) > 1 else 0.0 for f in runs[0]}}


def quick(rows, missed: dict[str, int], examples, setting: str, group: str, seeds) -> dict:
    """`setting`'s deal decision alone under `group` (`fitscreen.screen`): F1 and precision of every set pooled."""
    C = configure(setting)
    try:
        runs = fitscreen.screen(rows, missed, list(missed), C=C, seeds=seeds, by=fit.group_keys(examples, group))
    finally:
        configure("base")
    return summary(setting, group, [{"deals": r["all"][0], "deals P": r["all"][1]} for r in runs])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--setting", action="append", help=f"a setting (default: all of {', '.join(SETTINGS)})")
    ap.add_argument("--group", action="append", choices=fit.GROUPINGS, help="a grouping (default: batch, article)")
    ap.add_argument("--repeats", type=int, default=3, help="fold dealings (seeds 0..N-1)")
    ap.add_argument("--out", help="append each result as a JSON line to this file")
    ap.add_argument("--quick", action="store_true", help="the deal decision alone, no extraction (fitscreen)")
    args = ap.parse_args(argv)
    examples = [e for s in TRAINING_SETS for e in load(s)]
    extractor = Extractor(model=False)
    if args.quick:
        rows, missed, _ = fitscreen.labelled(list(TRAINING_SETS))
    else:
        labelled = fit.label_all(extractor, examples)
    for setting in args.setting or SETTINGS:
        for group in args.group or ["batch", "article"]:
            t0 = time.time()
            if args.quick:
                res = quick(rows, missed, examples, setting, group, range(args.repeats))
            else:
                res = measure(examples, labelled, extractor, setting, group, range(args.repeats))
            res["seconds"] = round(time.time() - t0)
            print(f"{setting:10s} {group:9s} " + "  ".join(
                f"{f} {res['mean'][f]:.3f} ±{res['sd'][f]:.3f}" for f in res["mean"]) + f"  ({res['seconds']} s)",
                flush=True)
            if args.out:
                with open(args.out, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
