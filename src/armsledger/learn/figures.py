"""Fit the figure decisions: which value, quantity, date and percentage fills which field of a deal.

Reads: the training `Example`s, an extractor holding the deal model just fitted. Writes: the `figures`
section of the model JSON (one logistic regression and one threshold per field) and its out-of-fold F1.

Each deal of an article's record that the gold holds (the scorer's matching) gives, for each field, its
candidate figures (`figures_decide.Figures`), each labelled by whether it is the gold's (the scorer's
comparison). The thresholds of a field (a new candidate, the rules' own) are the pair whose F1 on out-of-fold
predictions (5 folds by article, as the deal decision), averaged with its neighbours' (`fit.steadiest`), is best:
the likeliest candidate of a deal's field is kept if it clears it.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..evaluate import DEAL_FIELDS, match, present, same_field, same_platform
from ..extract import Extractor, figures_decide, learned
from .goldsets import Example


@dataclass
class FieldGroup:
    article: str
    field: str
    feats: list[set[str]]
    labels: list[int]
    gold: bool  # the gold deal states this field
    texts: list[str] | None = None  # each candidate's words (to read the decisions)


UNMATCHED = True  # a deal the gold does not hold: each of its figures is a negative (the scorer counts them as extra)


def label_groups(ex: Extractor, example: Example) -> list[FieldGroup]:
    """The figure candidates of each field of each deal the gold holds, labelled by the gold."""
    groups: list[figures_decide.Group] = []
    record = ex(example.article, figures=groups)
    pairs, _, _ = match(example.gold.get("deals", []), record["deals"],
                        lambda p, g: p.get("supplier") == g.get("supplier") and p.get("recipient") == g.get("recipient")
                        and same_platform(p.get("platform", ""), g),
                        lambda p, g: sum(present(f, g.get(f)) and present(f, p.get(f))
                                         and same_field(f, p.get(f), g.get(f)) for f in DEAL_FIELDS))
    gold_of = {p["id"]: g for p, g in pairs}
    out = []
    for grp in groups:
        g = gold_of.get(grp.deal.id)
        if g is None and not UNMATCHED:
            continue
        want = (g or {}).get(grp.field)
        has = present(grp.field, want)
        labels = [int(has and same_field(grp.field, figures_decide.as_output(grp.field, fig), want)) for fig in grp.figures]
        out.append(FieldGroup(example.name, grp.field, grp.feats, labels, has, [f.text for f in grp.figures]))
    return out


def fit_json(groups: list[FieldGroup], C: float, thresholds: dict[str, tuple[float, float]] | None = None) -> dict:
    """One decision per field, as JSON: its weights, the threshold to take a candidate the rules did not choose
    and the one to keep theirs. A field whose gold values come from fewer than `MIN_ARTICLES_FIELD` training articles
    is left to the rules."""
    from .fit import Row, _binary, _vectorise

    out = {}
    for f in figures_decide.FIELDS:
        rows = [Row(g.article, feats, y) for g in groups if g.field == f for feats, y in zip(g.feats, g.labels)]
        if len({r.group for r in rows if r.label}) < MIN_ARTICLES_FIELD:
            continue
        X, vocab = _vectorise(rows)
        t, t_rule = (thresholds or {}).get(f, (0.5, 0.5))
        out[f] = _binary(X, [r.label for r in rows], [1.0] * len(rows), sorted(vocab, key=vocab.get), C, t)
        out[f]["rule_threshold"] = t_rule
    return out


MIN_ARTICLES_FIELD = 5


def _decide(d: dict) -> dict[str, learned.Binary]:
    return {f: learned.Binary(x["weights"], x["bias"], x["threshold"], rule_threshold=x.get("rule_threshold"))
            for f, x in d.items()}


def thresholds(groups: list[FieldGroup], folds: list[set[str]], C: float
               ) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Per field, the two thresholds (a new candidate, the rules' own) with the best F1 on out-of-fold
    predictions, averaged with the neighbouring pairs' (`choose`), among those that lose none of the rules' right
    figures on the guarded sets, and that F1."""
    return choose(out_of_fold(groups, folds, C))


Scored = list[tuple[FieldGroup, list[float], "int | None"]]


def out_of_fold(groups: list[FieldGroup], folds: list[set[str]], C: float) -> Scored:
    """Each field group's candidates scored by the decision fitted on the folds that did not hold its article,
    with the index of the rules' own candidate."""
    scored: Scored = []
    for held in folds:
        model = _decide(fit_json([g for g in groups if g.article not in held], C))
        for g in groups:
            if g.article in held and g.field in model:
                ps = [model[g.field].probability(f) for f in g.feats]
                scored.append((g, ps, next((k for k, f in enumerate(g.feats) if "rule:this" in f), None)))
    return scored


def choose_by(policy: str, runs: list[Scored]) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """`choose` by a threshold policy (`fit.THRESHOLDS`) from its dealings' out-of-fold scores: pooled, or per field
    the median of each dealing's own choice (the rules' threshold no higher than the new one's)."""
    from .fit import median_of

    if not policy.startswith("median"):
        return choose([s for run in runs for s in run])
    each = [choose(run) for run in runs]
    ts, fs = {}, {}
    for f in each[0][0]:
        mine = [x for x in each if f in x[0]]
        t = median_of([x[0][f][0] for x in mine])
        ts[f] = (t, min(t, median_of([x[0][f][1] for x in mine])))
        fs[f] = round(statistics.median_low([x[1][f] for x in mine]), 3)
    return ts, fs


def choose(scored: Scored) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """`thresholds`' choice on out-of-fold scores at hand (one dealing's, or several pooled: each group once per
    dealing): per field, of the pairs `f1_tables` weighs, the one whose F1 averaged with its neighbours' `fit.SMOOTH`
    grid steps either way on both thresholds (`fit.steadiest`) is highest, and its F1."""
    from .fit import SMOOTH, steadiest

    ts, fs = {}, {}
    for f, table in f1_tables(scored).items():
        ts[f] = steadiest(table, SMOOTH)
        fs[f] = round(table[ts[f]], 3)
    return ts, fs


def f1_tables(scored: Scored) -> dict[str, dict[tuple[float, float], float]]:
    """Per field, the F1 on these out-of-fold scores of each threshold pair (a new candidate, the rules' own: no
    higher) among those that lose the fewest of the guarded sets' right figures, the pairs nearest (0.5, 0.5) first."""
    tables = {}
    grid = [x / 100 for x in range(4, 96, 2)]
    for f in figures_decide.FIELDS:
        mine = [(g, ps, r) for g, ps, r in scored if g.field == f]
        if not mine:
            continue

        def f1(t: float, t_rule: float) -> tuple[int, float]:
            tp = fp = fn = lost = 0
            for g, ps, r in mine:
                k = figures_decide.choose(ps, r, t, t_rule)
                ok = k is not None and g.labels[k]
                tp += ok
                fp += k is not None and not ok
                fn += g.gold and not ok
                if g.article.split("/")[0] in GUARDED:
                    rule_ok = r is not None and g.labels[r]
                    lost += (rule_ok and not ok) or (r is None and k is not None and not ok)
            return -lost, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)

        table = {(t, tr): f1(t, tr) for t in grid for tr in grid if tr <= t}
        fewest = max(minus_lost for minus_lost, _ in table.values())
        tables[f] = {p: table[p][1] for p in sorted((p for p, v in table.items() if v[0] == fewest),
                                                    key=lambda p: (abs(p[0] - 0.5) + abs(p[1] - 0.5), -p[0], -p[1]))}
    return tables


# The sets the rules were written on (seed, dev): a threshold pair that turns a right figure of theirs wrong, or
# adds a wrong one, is taken only when every pair does (as the deal decision keeps its precision floor)
GUARDED = ("seed", "dev")
