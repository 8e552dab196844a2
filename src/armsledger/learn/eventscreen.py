"""A quick screen of the event decision: events F1 out of fold per set, over several fold dealings.

    python -m armsledger.learn.eventscreen                     # every training set, 3 dealings (under a minute)
    python -m armsledger.learn.eventscreen --repeats 6

`armsledger train --repeats 3` measures the whole extraction (10-25 minutes on a loaded machine); this measures the
events alone, with everything before them held still: the deals are the shipped model's (or `--model`'s), fitted
on these very articles, so the event candidates and what the deals say of them are read once. Then per dealing,
as `train` does, every event candidate is scored by the event decision fitted on the folds that did not hold its
article (`fit.event_out_of_fold`), the thresholds chosen on those scores (`fit.best_event_thresholds`), and each
article's events kept as the extractor keeps them (`events_decide.decide`: one per happening, dated by its likeliest
date, no repeat), then matched to the gold as the scorer matches them. So a change to the event candidates, their
features or their decision can be screened in a minute before `train` confirms it. It runs above `train`'s events
figure (main, 3 dealings: 0.622 ± 0.004 here, 0.610 ± 0.002 by `train`: here the deals are in sample) and moved
with it on the change tried (an event's one country joined by its deal partner: +0.006 here over 6 dealings,
+0.005 by `train`, while the fresh reports fell 0.491 -> 0.485), but it is not it, and neither says how unseen
reports take a change. `ct-new` is corpus-train's newest batches (k-o), the ones the rules were least written
from. The test split is never read here.
"""
from __future__ import annotations

import argparse
import statistics

from ..evaluate import event_matcher, match
from ..extract import Extractor, events_decide
from ..ingest import clean_surrogates
from ..extract.pipeline import MAX_CHARS
from . import fit
from . import goldsets
from .goldsets import TRAINING_SETS, load

NEW_BATCHES = "klmno"  # corpus-train's newest batches (ids k01-o25): read least when the rules were written


class _Article:
    """One article's event candidates as the extractor reads them, its entities and gold, and where its rows are."""

    def __init__(self, name, gold, entities, clauses, events, first, last):
        self.name, self.gold, self.entities, self.clauses, self.events = name, gold, entities, clauses, events
        self.first, self.last = first, last


def labelled(sets: list[str], ex: Extractor) -> tuple[list[fit.Row], list[_Article], list[int]]:
    """Every event candidate of the articles of `sets`, labelled as `fit.label_event_rows` labels them; each
    article's candidates; the gold events no candidate matches (`best_event_thresholds`' base)."""
    rows: list[fit.Row] = []
    arts: list[_Article] = []
    base = [0, 0, 0]
    for s in sets:
        for e in load(s):
            body = clean_surrogates(e.article.text[:MAX_CHARS])
            ents, clauses, _, _, events, _ = ex._run(e.article, body, propose_events=True)
            events = [ev for ev in events if ev.evidence is not None]
            entities = [x.as_dict() for x in ents.all()]
            dicts = []
            for n, ev in enumerate(events, 1):
                ev.id = f"v{n}"
                dicts.append(ev.as_dict())
            ok, likeness = event_matcher({"entities": entities, "events": dicts})
            pairs, lost, _ = match(e.gold.get("events", []), dicts, ok, likeness)
            matched = {id(p) for p, _ in pairs}
            first = len(rows)
            for n, (d, ev) in enumerate(zip(dicts, events)):
                rows.append(fit.Row(e.name, events_decide.features(ev, clauses), int(id(d) in matched),
                                    key=(repr(ev.happening or (n,)),)))
            base[2] += len(lost)
            arts.append(_Article(e.name, e.gold, entities, clauses, events, first, len(rows)))
    return rows, arts, base


class _Scored:
    """A stand-in for the model's event decision that gives, in turn, the scores one article's candidates were
    given out of fold (`decide` weighs each candidate once, in order), at the chosen thresholds."""

    def __init__(self, scores: list[float], threshold: float, rule_threshold: float) -> None:
        self._scores = iter(scores)
        self.threshold, self.rule_threshold = threshold, rule_threshold

    def probability(self, feats) -> float:
        return next(self._scores)


class _Model:
    def __init__(self, event: _Scored) -> None:
        self.event = event


def screen(rows: list[fit.Row], arts: list[_Article], base: list[int], k: int = 5, C: float | None = None,
           seeds: range | list[int] = range(3)) -> list[dict[str, float]]:
    """Per dealing (`seeds`): each set's ("all" and "ct-new" too) events F1 out of fold, the events kept as the
    extractor keeps them at the thresholds `fit.best_event_thresholds` chooses on that dealing's scores."""
    C = fit.EVENT_C * 0.1 if C is None else C  # `train`'s default: EVENT_C times the deal decision's C
    names = [a.name for a in arts]
    out = []
    for seed in seeds:
        scores = fit.event_out_of_fold(rows, fit._folds(names, k, seed), C)
        t_event, t_rule, _ = fit.best_event_thresholds(rows, scores, tuple(base))
        counts: dict[str, list[int]] = {}
        for a in arts:
            model = _Model(_Scored(scores[a.first:a.last], t_event, t_rule))
            kept = events_decide.decide(list(a.events), a.clauses, model)
            record = {"entities": a.entities, "events": [ev.as_dict() for ev in kept]}
            ok, likeness = event_matcher(record)
            pairs, lost, extra = match(a.gold.get("events", []), record["events"], ok, likeness)
            s, stem = a.name.split("/")[0], a.name.split("/")[-1]
            for key in ("all", s) + (("ct-new",) if s == "corpus-train" and stem[:1] in NEW_BATCHES else ()):
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += len(pairs)
                c[1] += len(extra)
                c[2] += len(lost)
        out.append({s: 2 * tp / (2 * tp + fp + fn) if tp else 0.0 for s, (tp, fp, fn) in counts.items()})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", choices=TRAINING_SETS, help="a training set (default: all five)")
    ap.add_argument("--model", default=None, help="the model whose deals the events are read beside (default: shipped)")
    ap.add_argument("--repeats", type=int, default=3, help="fold dealings (seeds 0..N-1)")
    goldsets.leave_out_option(ap)
    args = ap.parse_args(argv)
    goldsets.leave_out(args.leave_out)
    rows, arts, base = labelled(args.set or list(TRAINING_SETS), Extractor(model=args.model))
    runs = screen(rows, arts, base, seeds=range(args.repeats))
    print(f"events out of fold, {len(arts)} articles, {len(rows)} candidates, {args.repeats} dealings: F1 mean ± sd")
    for s in runs[0]:
        f1s = [r[s] for r in runs]
        sd = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
        print(f"  {s:14s} {statistics.fmean(f1s):.3f} ±{sd:.3f}")


if __name__ == "__main__":
    main()
