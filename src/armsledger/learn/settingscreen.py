"""The model's settings screened on a validation set of reports no rule was written from (aggregate figures only).

    python -m armsledger.learn.settingscreen --fresh VALIDATION_DIR --out /tmp/screen.jsonl \
        --setting base --setting C=0.3 --setting bar=0.80

Each setting is fitted by `fit.train` on the training sets (candidates labelled once; one fold dealing, seed 0),
which gives its out-of-fold figures; the model is then written to /tmp/settings-NAME.json and the validation
folder (articles/ + gold/) scored with it. Printed: per setting, CV and validation deals P / R / F1, deal fields and
events F1, and the paired bootstrap over validation reports (resampled with replacement, 2000 times) of each
figure's difference from the first setting: mean and 95 % interval. Nothing per report is printed or written.

Settings (joined with '+' to combine, e.g. C=0.3+bar=0.80):
    base        train's defaults
    C=X         inverse regularisation strength of the deal, status, hedged and figure decisions (the event
                decision's is fit.EVENT_C times it)
    eC=X        the event decision's C alone
    figC=X      the figure decisions' C alone
    guard=0     figure thresholds chosen without learn.figures.GUARDED (the seed and dev figures' guard)
    evbar=X     the highest threshold for the rules' own events (fit.RULE_EVENT_BAR)
    bar=X       the deal thresholds' precision bar (fit.best_thresholds' min_precision; 0 = F1 alone)
    steady=0    the deal threshold search without fit.STEADY
    balanced    the deal decision's classes weighed inversely to their frequency
    no-words    every decision fitted without the word features (fit.WORD_FEATURES)
    pool3       thresholds chosen on 3 dealings pooled (fit.THRESHOLDS)

Session 19 (183 validation reports; CV one dealing, seed 0 unless said; validation: deals P / R / F1, fields, events;
in brackets the paired bootstrap's 95 % interval of the deals F1 difference from base). No setting beat base on
validation F1 beyond noise; base stays:
    base            CV 0.832 / 0.550 / 0.662, 0.511, 0.612   val 0.730 / 0.415 / 0.529, 0.311, 0.491
    bar=0.80 (=0)   CV 0.829 / 0.570 / 0.675                  val 0.706 / 0.420 / 0.526 [-0.010, +0.006], P -0.024
    bar=0.875       CV 0.869 / 0.520 / 0.651, 0.509, 0.604   val 0.788 / 0.393 / 0.525 [-0.024, +0.012], P +0.059
      seed 1:       CV 0.862 / 0.512 / 0.643 (base 0.664)    val 0.765 / 0.398 / 0.524 [-0.023, +0.005], P +0.026
    bar=0.90        CV 0.883 / 0.413 / 0.563, 0.454, 0.596   val 0.840 / 0.329 / 0.472 [-0.093, -0.025]
    C=0.3           CV 0.661                                  val 0.737 / 0.410 / 0.527 [-0.014, +0.010]
    C=0.03          CV 0.665                                  val 0.736 / 0.400 / 0.519 [-0.024, +0.000]
    no-words        CV 0.663                                  val 0.742 / 0.393 / 0.514, fields 0.289 (-0.022)
    balanced        CV 0.655 (seed 1: 0.629, base 0.664)      val 0.756 / 0.408 / 0.530 [-0.017, +0.020]
    eC=1, eC=0.1    events CV 0.602 / 0.606                   val events 0.480 / 0.480 (base 0.491)
    figC=0.3, 1     fields CV 0.512 / 0.509                   val fields 0.316 / 0.313; guard=0, evbar=0.3: level
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path

from ..evaluate import Tally, score_one
from ..extract import Extractor
from . import figures as figure_fit
from . import fit, goldsets

FIGS = ("deals", "deal fields", "events")
_best_thresholds = fit.best_thresholds
_fig_fit_json, _fig_out_of_fold = figure_fit.fit_json, figure_fit.out_of_fold
_GUARDED, _RULE_EVENT_BAR = figure_fit.GUARDED, fit.RULE_EVENT_BAR


def configure(setting: str) -> dict:
    """Sets the module constants `setting` names (the others at train's defaults); returns train's arguments."""
    fit.FEATURE_GROUPS, fit.DEAL_CLASS_WEIGHT, fit.STEADY = "all", None, True
    fit.best_thresholds = _best_thresholds
    figure_fit.fit_json, figure_fit.out_of_fold = _fig_fit_json, _fig_out_of_fold
    figure_fit.GUARDED, fit.RULE_EVENT_BAR = _GUARDED, _RULE_EVENT_BAR
    kw: dict = {"C": 0.1}
    for part in setting.split("+"):
        key, _, val = part.partition("=")
        if key == "base":
            continue
        if key == "C":
            kw["C"] = float(val)
        elif key == "eC":
            kw["event_C"] = float(val)
        elif key == "bar":
            bar = float(val)
            fit.best_thresholds = lambda *a, _bar=bar, **k: _best_thresholds(*a, **{**k, "min_precision": _bar})
        elif key == "figC":
            c = float(val)
            figure_fit.fit_json = lambda g, _C, t=None, _c=c: _fig_fit_json(g, _c, t)
            figure_fit.out_of_fold = lambda g, f, _C, _c=c: _fig_out_of_fold(g, f, _c)
        elif key == "guard":
            figure_fit.GUARDED = _GUARDED if val not in ("0", "false") else ()
        elif key == "evbar":
            fit.RULE_EVENT_BAR = float(val)
        elif key == "steady":
            fit.STEADY = val not in ("0", "false")
        elif key == "balanced":
            fit.DEAL_CLASS_WEIGHT = "balanced"
        elif key in ("no-words", "words"):
            fit.FEATURE_GROUPS = key
        elif key.startswith(("pool", "median")):
            kw["policy"] = key
        else:
            raise ValueError(f"unknown setting {part!r}")
    return kw


def counts(ex: Extractor, examples: list[goldsets.Example]) -> list[dict[str, tuple[int, int, int]]]:
    """Per report (kept in memory only, for the bootstrap), each figure's true and false positives and misses."""
    out = []
    for e in examples:
        t = {n: Tally() for n in (*FIGS, "entities")}
        score_one(e.gold, ex(e.article), t, [])
        out.append({n: (t[n].tp, t[n].fp, t[n].fn) for n in FIGS})
    return out


def prf(rows: list[dict], fig: str) -> tuple[float, float, float]:
    t = Tally()
    t.add(*(sum(r[fig][i] for r in rows) for i in range(3)))
    return t.prf()


def bootstrap(a: list[dict], b: list[dict], n: int = 2000) -> dict[str, tuple[float, float, float]]:
    """Paired bootstrap over reports of b - a: deals precision and each figure's F1 (mean, 2.5 %, 97.5 %)."""
    rng = random.Random(0)
    diffs: dict[str, list[float]] = {k: [] for k in ("deals P", *FIGS)}
    idx = range(len(a))
    for _ in range(n):
        pick = [rng.choice(idx) for _ in idx]
        sa, sb = [a[i] for i in pick], [b[i] for i in pick]
        diffs["deals P"].append(prf(sb, "deals")[0] - prf(sa, "deals")[0])
        for f in FIGS:
            diffs[f].append(prf(sb, f)[2] - prf(sa, f)[2])
    out = {}
    for k, xs in diffs.items():
        xs.sort()
        out[k] = (round(statistics.fmean(xs), 3), round(xs[int(0.025 * n)], 3), round(xs[int(0.975 * n) - 1], 3))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fresh", type=Path, required=True, help="the validation folder (articles/, gold/)")
    ap.add_argument("--setting", action="append", default=[], help="a setting (the first is the baseline)")
    ap.add_argument("--out", type=Path, help="append one JSON line of aggregate figures per setting")
    ap.add_argument("--baseline-model", type=Path,
                    help="a model already fitted to pair the bootstrap with (scored first, not refitted)")
    ap.add_argument("--seed", type=int, default=0, help="the fold dealing of the CV figures")
    a = ap.parse_args(argv)
    examples = [e for s in goldsets.TRAINING_SETS for e in goldsets.load(s)]
    val = goldsets.folder(a.fresh / "articles", a.fresh / "gold", "fresh")
    base_ex = Extractor(model=False)
    labelled = fit.label_all(base_ex, examples)
    first = counts(Extractor(base_ex.catalogue, model=str(a.baseline_model)), val) if a.baseline_model else None
    for setting in a.setting or ["base"]:
        kw = configure(setting)
        model, cv = fit.train(examples, extractor=base_ex, labelled=labelled, seed=a.seed, **kw)
        path = Path(f"/tmp/settings-{setting.replace('/', '_')}.json")
        fit.write(model, path)
        got = counts(Extractor(base_ex.catalogue, model=str(path)), val)
        first = first or got
        x = cv["extraction"]
        line = {"setting": setting, "seed": a.seed,
                "cv": {"deals P": x["deals"]["precision"], "deals R": x["deals"]["recall"],
                       **{f: x[f]["f1"] for f in FIGS}},
                "thresholds": [cv["rule_threshold"], cv["deal_threshold"], cv["rival_threshold"], cv["event_threshold"]],
                "val": {"deals P": round(prf(got, "deals")[0], 3), "deals R": round(prf(got, "deals")[1], 3),
                        **{f: round(prf(got, f)[2], 3) for f in FIGS}},
                "val_minus_first": bootstrap(first, got) if got is not first else None,
                "val_reports": len(val)}
        print(json.dumps(line), flush=True)
        if a.out:
            with a.out.open("a") as fh:
                fh.write(json.dumps(line) + "\n")
    configure("base")


if __name__ == "__main__":
    main()
