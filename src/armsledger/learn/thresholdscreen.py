"""An honest comparison of how `train` chooses its thresholds: on one dealing of the articles to folds, or pooled
over several, or the median of several dealings' own choices.

    python -m armsledger.learn.thresholdscreen                  # nested: 2 outer dealings to 5 folds (long)
    python -m armsledger.learn.thresholdscreen --outer 3 --policy one --policy pool5
    python -m armsledger.learn.thresholdscreen --spread 10      # how each threshold moves with the dealing

`train --repeats N` chooses the thresholds (deal: rule / new / rival and hedged; event; figures) on the
out-of-fold scores of one dealing and then measures the extraction on the very folds they were chosen on, so its
figures flatter whichever choice fits that dealing's noise best. Here the measure never sees the scores that chose:
the articles of every training set are dealt to outer folds (seeds 101, 102, ...); for each outer fold, on the
other articles alone, the deal candidates (`fit.label_all`'s rows, labelled once) are scored out of fold by inner
dealings 0..D-1 (`fit.out_of_fold`), each policy chooses its thresholds on them, the deal model is fitted on all the
outer-training articles, its event and figure candidates labelled and likewise scored out of fold by the same inner
dealings for their thresholds, and the whole extractor (every decision fitted on the outer-training articles, at
the policy's thresholds) extracts the held articles, which the scorer counts (deals, deal fields, events, entities;
deals precision). Policies (each applied to every decision alike):

    one      the inner dealing 0 alone (`train`'s default)
    poolN    the scores of inner dealings 0..N-1 pooled (`train --thresholds poolN`, `fit.pooled_thresholds`)
    medianN  each threshold the median of inner dealings 0..N-1's own choices

`--spread D` measures on all the training articles, without scoring, how much each threshold moves with the
dealing: `one` over seeds 0..D-1, `poolN` / `medianN` over disjoint runs of N seeds among them. The test split is
never read here. About 1 CPU minute per outer fold (4 policies); the figures it gave are beside `fit.THRESHOLDS`.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from ..evaluate import Tally, score_one
from ..extract import Extractor, learned
from . import figures as figure_fit
from . import fit
from .goldsets import TRAINING_SETS, Example, load

FIGS = ("deals", "deal fields", "events", "entities", "deals P")
POLICIES = ("one", "pool3", "pool5", "median3", "median5")


def _n(policy: str) -> int:
    return len(fit.policy_dealings(policy))


class Inner:
    """The out-of-fold scores of the inner dealings on one set of training articles, and what each policy
    chooses from them."""

    def __init__(self, examples: list[Example], rows: list[fit.Row], missed: int, C: float, eC: float,
                 dealings: int, k: int = 5) -> None:
        self.examples, self.rows, self.missed, self.C, self.eC, self.k = examples, rows, missed, C, eC, k
        self.names = [e.name for e in examples] + [r.group for r in rows]
        self.dealings = dealings
        self.deal_runs = []
        for d in range(dealings):
            hedged: list[tuple[float, int]] = []
            self.deal_runs.append((fit.out_of_fold(rows, self.names, k, C, d, hedged), hedged))
        self.one_deal = [fit.deal_thresholds_of(rows, [run], missed) for run in self.deal_runs]
        self._later: dict[tuple, tuple] = {}

    def deal(self, policy: str, first: int = 0) -> tuple[float, float, float, float, float]:
        """(rule, new, rival, F1, hedged) by `policy` on the dealings from `first` on."""
        if policy == "one":
            return self.one_deal[first]
        return fit.choose_deal(policy, self.rows, self.deal_runs[first:first + _n(policy)], self.missed)

    def later(self, deal: tuple) -> tuple:
        """The event and figure candidates under the deal model at thresholds `deal`, with their out-of-fold
        scores per inner dealing (kept: policies that agree on the deal thresholds share them)."""
        key = deal[:3] + deal[4:]
        if key not in self._later:
            ex = Extractor(model=False)
            ex.model = learned.from_dict(fit.fit(self.rows, self.C, deal[1], deal[4], deal[2], deal[0]))
            base = [0, 0, 0]
            ev_rows = [r for e in self.examples for r in fit.label_event_rows(ex, e, base)]
            groups = [g for e in self.examples for g in figure_fit.label_groups(ex, e)]
            ev_runs, fig_runs = [], []
            for d in range(self.dealings):
                folds = fit._folds(self.names, self.k, d)
                ev_runs.append(fit.event_out_of_fold(ev_rows, folds, self.eC))
                fig_runs.append(figure_fit.out_of_fold(groups, folds, fit.FIGURE_C * self.C))
            self._later[key] = (ev_rows, tuple(base), groups, ev_runs, fig_runs)
        return self._later[key]

    def event_and_figures(self, policy: str, deal: tuple, first: int = 0):
        """The event thresholds (new, the rules' own) and the figure thresholds per field by `policy`, on the
        candidates of the deal model at thresholds `deal`."""
        ev_rows, base, groups, ev_runs, fig_runs = self.later(deal)
        n = _n(policy)
        ev = fit.choose_event(policy, ev_rows, ev_runs[first:first + n], base)[:2]
        return ev, figure_fit.choose_by(policy, fig_runs[first:first + n])[0]

    def model(self, deal: tuple, ev: tuple, fig: dict, rows_deal: tuple | None = None) -> dict:
        """Every decision fitted on these articles at the thresholds given (the event and figure candidates of
        the deal model at `rows_deal`, `deal` when None)."""
        ev_rows, _, groups, _, _ = self.later(rows_deal or deal)
        d = fit.fit(self.rows, self.C, deal[1], deal[4], deal[2], deal[0])
        d["decisions"]["event"] = fit._event_json(ev_rows, self.eC, ev[0], ev[1])
        d["decisions"]["figures"] = figure_fit.fit_json(groups, fit.FIGURE_C * self.C, fig)
        return d


def _labelled(examples: list[Example]) -> tuple[dict[str, list[fit.Row]], dict[str, int]]:
    ex = Extractor(model=False)
    rows, missed = {}, {}
    for e in examples:
        lost = [0]
        rows[e.name] = fit.label_rows(ex, e, lost)
        missed[e.name] = lost[0]
    return rows, missed


def _flat(t: tuple, ev: tuple, fig: dict) -> dict[str, float]:
    out = {"rule": t[0], "new": t[1], "rival": t[2], "hedged": t[4], "event": ev[0], "event rule": ev[1]}
    out.update({f"{f}": v[0] for f, v in sorted(fig.items())})
    out.update({f"{f} rule": v[1] for f, v in sorted(fig.items())})
    return out


def nested(examples: list[Example], policies: list[str], outer: int, dealings: int, C: float, eC: float,
           k: int = 5, log=print, own_rows: bool = False) -> dict[str, list[dict[str, float]]]:
    """Per policy, the figures of each outer dealing (the held folds' tallies summed over the dealing). The event
    and figure candidates are those of the deal model at `one`'s thresholds for every policy (labelling them is the
    costly part; a policy's deal thresholds move which deals hold them only a little), each policy's own with
    `own_rows`."""
    rows_of, missed_of = _labelled(examples)
    results: dict[str, list[dict[str, float]]] = {p: [] for p in policies}
    chosen: dict[str, list[dict[str, float]]] = {p: [] for p in policies}
    spread_one: list[dict[str, float]] = []
    for o in range(outer):
        tallies = {p: {n: Tally() for n in FIGS[:4]} for p in policies}
        for held in fit._folds([e.name for e in examples], k, 101 + o):
            t0 = time.process_time()
            train = [e for e in examples if e.name not in held]
            inner = Inner(train, [r for e in train for r in rows_of[e.name]], sum(missed_of[e.name] for e in train),
                          C, eC, dealings, k)
            per_dealing = []
            # (the event and figure candidates of dealing 0's deal model for all: labelling them is the costly part)
            for d in range(dealings):
                t = inner.deal("one", d)
                per_dealing.append(_flat(t, *inner.event_and_figures("one", inner.deal("one"), d)))
            spread_one.append({n: statistics.pstdev([x[n] for x in per_dealing if n in x])
                               for n in per_dealing[0]})
            for p in policies:
                t = inner.deal(p)
                rows_deal = t if own_rows else inner.deal("one")
                ev, fig = inner.event_and_figures(p, rows_deal)
                chosen[p].append(_flat(t, ev, fig))
                ex = Extractor(model=False)
                ex.model = learned.from_dict(inner.model(t, ev, fig, rows_deal))
                for e in examples:
                    if e.name in held:
                        score_one(e.gold, ex(e.article), tallies[p], [])
            log(f"outer {o} fold done ({len(held)} held, {time.process_time() - t0:.0f}s CPU); thresholds: "
                + "; ".join(f"{p} {chosen[p][-1]['rule']}/{chosen[p][-1]['new']}/{chosen[p][-1]['rival']} "
                            f"ev {chosen[p][-1]['event']}" for p in policies))
        for p in policies:
            figs = {n: round(t.prf()[2], 4) for n, t in tallies[p].items()}
            figs["deals P"] = round(tallies[p]["deals"].prf()[0], 4)
            figs["deals R"] = round(tallies[p]["deals"].prf()[1], 4)
            results[p].append(figs)
            log(f"outer dealing {o}, {p}: " + ", ".join(f"{n} {v:.3f}" for n, v in figs.items()))
    results["_chosen"] = chosen  # type: ignore[assignment]
    results["_spread_one"] = spread_one  # type: ignore[assignment]
    return results


def spread(examples: list[Example], policies: list[str], dealings: int, C: float, eC: float, k: int = 5
           ) -> dict[str, list[dict[str, float]]]:
    """Per policy, its thresholds on all the articles from each disjoint run of seeds among 0..`dealings`-1."""
    rows_of, missed_of = _labelled(examples)
    inner = Inner(examples, [r for e in examples for r in rows_of[e.name]], sum(missed_of.values()), C, eC, dealings, k)
    out = {}
    for p in policies:
        n = _n(p)
        out[p] = []
        for first in range(0, dealings - n + 1, n):
            t = inner.deal(p, first)
            # the event and figure candidates of dealing 0's deal model for all (labelling them is the costly part)
            out[p].append(_flat(t, *inner.event_and_figures(p, inner.deal("one"), first)))
    return out


def _sd(xs: list[float]) -> float:
    return statistics.stdev(xs) if len(xs) > 1 else 0.0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", choices=TRAINING_SETS, help="a training set (default: all five)")
    ap.add_argument("--policy", action="append", help=f"one, poolN or medianN (default: {', '.join(POLICIES)})")
    ap.add_argument("--outer", type=int, default=2, help="outer dealings (seeds 101, 102, ...)")
    ap.add_argument("--spread", type=int, default=0, help="instead: the thresholds' spread over this many dealings")
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--own-rows", action="store_true",
                    help="label the event and figure candidates under each policy's own deal model (slower)")
    args = ap.parse_args(argv)
    policies = args.policy or list(POLICIES)
    dealings = max(_n(p) for p in policies)
    examples = [e for s in (args.set or TRAINING_SETS) for e in load(s)]
    eC = fit.EVENT_C * args.C
    if args.spread:
        res = spread(examples, policies, args.spread, args.C, eC)
        print(f"thresholds on all {len(examples)} training articles, per disjoint run of seeds among 0-{args.spread - 1}")
        for p, runs in res.items():
            print(f"{p} ({len(runs)} runs):")
            for n in runs[0]:
                xs = [r[n] for r in runs if n in r]
                print(f"  {n:22s} sd {_sd(xs):.3f}  " + " ".join(f"{x:.2f}" for x in xs))
        return
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    res = nested(examples, policies, args.outer, max(dealings, 3), args.C, eC, log=log,
                 own_rows=args.own_rows)
    print(f"nested: {args.outer} outer dealings to 5 folds of {len(examples)} articles; thresholds chosen on inner "
          f"dealings of the outer-training articles only; mean ± sd over the outer dealings")
    print(f"{'policy':10s} " + " ".join(f"{n:>15s}" for n in (*FIGS, "deals R")))
    for p in policies:
        runs = res[p]
        print(f"{p:10s} " + " ".join(f"{statistics.fmean(r[n] for r in runs):.3f} ±{_sd([r[n] for r in runs]):.3f}".rjust(15)
                                     for n in (*FIGS, "deals R")))
        print(f"{'':10s} per outer dealing: " + "; ".join(" ".join(f"{r[n]:.3f}" for n in FIGS) for r in runs))
    print("paired differences against 'one' (mean ± sd over outer dealings):")
    for p in policies:
        if p == "one" or "one" not in policies:
            continue
        print(f"{p:10s} " + " ".join(
            f"{statistics.fmean(a[n] - b[n] for a, b in zip(res[p], res['one'])):+.3f} "
            f"±{_sd([a[n] - b[n] for a, b in zip(res[p], res['one'])]):.3f}".rjust(15) for n in FIGS))
    print("thresholds chosen per policy, sd over the outer folds (the outer-training articles differ):")
    for p in policies:
        ch = res["_chosen"][p]
        print(f"  {p:10s} " + ", ".join(f"{n} {statistics.fmean(c[n] for c in ch if n in c):.2f}"
                                        f"±{_sd([c[n] for c in ch if n in c]):.2f}" for n in ch[0]))
    sp = res["_spread_one"]
    print("one dealing's thresholds: sd over the inner dealings of one outer fold, mean over the outer folds: "
          + ", ".join(f"{n} {statistics.fmean(s[n] for s in sp if n in s):.3f}" for n in sp[0]))


if __name__ == "__main__":
    main()
