"""Figures for the README: each gold set scored with the shipped model, and a learning curve.

    python -m armsledger.learn.report             # the project scorer's P/R/F1 on every set
    python -m armsledger.learn.report --curve     # also: test-split F1 after training on 25/50/100 % of corpus-train

The test split (corpus-test) is read here only to report figures, never to fit or tune anything.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

from ..evaluate import Tally, score_one
from ..extract import Extractor, learned
from . import fit, goldsets

FIGURES = ("deals", "deal fields", "events", "entities")


def score(ex: Extractor, examples: list[goldsets.Example]) -> dict[str, tuple[float, float, float]]:
    tallies = {n: Tally() for n in FIGURES}
    for e in examples:
        score_one(e.gold, ex(e.article), tallies, [])
    return {n: t.prf() for n, t in tallies.items()}


def row(name: str, n: int, figs: dict) -> str:
    return f"| {name} | {n} | " + " | ".join(f"{figs[k][0]:.2f} / {figs[k][1]:.2f} / **{figs[k][2]:.3f}**"
                                             for k in FIGURES) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curve", action="store_true", help="also the learning curve on the test split")
    ap.add_argument("--rules", action="store_true", help="score the rules alone as well, for comparison")
    a = ap.parse_args(argv)
    ex = Extractor()
    sets = list(goldsets.TRAINING_SETS) + ["corpus-test"]
    print("| set | reports | deals P / R / F1 | deal fields | events | entities |")
    print("| --- | ---: | --- | --- | --- | --- |")
    loaded = {s: goldsets.load(s) for s in sets}
    for s in sets:
        print(row(s, len(loaded[s]), score(ex, loaded[s])))
        if a.rules:
            ex_rules = Extractor(ex.catalogue, model=False)
            print(row(s + " (rules alone)", len(loaded[s]), score(ex_rules, loaded[s])))
    if a.curve:
        corpus = sorted(loaded["corpus-train"], key=lambda e: hashlib.sha256(e.name.encode()).hexdigest())
        others = [e for s in goldsets.TRAINING_SETS if s != "corpus-train" for e in loaded[s]]
        print("\n| corpus-train used | reports | deals F1 (test) | deal fields | events | entities |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        base = Extractor(ex.catalogue, model=False)
        for share in (0, 25, 50, 100):
            part = corpus[:len(corpus) * share // 100]
            model, _ = fit.train(others + part, extractor=base)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "model.json"
                fit.write(model, path)
                ex_share = Extractor(ex.catalogue, model=str(path))
                figs = score(ex_share, loaded["corpus-test"])
            print(f"| {share} % | {len(part)} | " + " | ".join(f"{figs[k][2]:.3f}" for k in FIGURES) + " |")
        learned._load.cache_clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
