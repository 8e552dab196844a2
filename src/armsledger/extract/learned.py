"""The fitted model: linear decisions over named binary features, read from JSON.

Reads: `models/decisions.json` (written by `armsledger train`; never a pickle).
Writes: probabilities and, on request, the features that weighed most.

Each decision is a logistic regression over the features of `features.py`:
- `deal`: is this (supplier, recipient, platform) candidate a deal the article reports? Three
  thresholds: one to keep a deal the rules opened, one to open a deal they did not, and a higher
  one for a candidate that another recipient of the same platform and supplier outscores (a list
  of buyers is not such a rival);
- `status`: which stage it is at (one weight vector per status, softmax);
- `hedged`: does the article only say it may happen?
- `event`: is this event candidate (a rule's, or one a deal implies) an event the article reports?
- `figures`: per deal field (value, quantity, delivered, signed, expected_completion, tech_transfer_pct),
  does this figure of the deal's sentences fill it? The likeliest candidate that clears the threshold does.
Every decision carries its threshold, set on the training data by cross-validation.
The deal decision may carry boosted trees beside its weights (`Trees`, `fit.DEAL_TREES`): its probability is then
the average of the regression's and the trees'.
Scoring needs only the standard library (and NumPy for the trees): scikit-learn is needed to fit, not to run.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from itertools import repeat
from operator import add
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("models") / "decisions.json"


@dataclass
class Binary:
    weights: dict[str, float]
    bias: float
    threshold: float
    rival_threshold: float | None = None  # for a candidate another recipient of the same platform and supplier beats
    rule_threshold: float | None = None  # for a candidate the rules opened a deal for
    trees: Trees | None = None  # boosted trees whose probability is averaged with the regression's (deal only)

    def margin(self, feats) -> float:
        return self.bias + sum(map(self.weights.get, feats, repeat(0.0)))  # the weights in the set's order

    def probability(self, feats) -> float:
        """The decision's probability: the regression's, averaged with the trees' when it carries trees (for many
        candidates at once, `averaged` weighs them in one pass of the trees)."""
        p = _sigmoid(self.margin(feats))
        return p if self.trees is None else 0.5 * (p + self.trees.probabilities([feats])[0])

    def weigh(self, parts: list, memo: dict) -> tuple[set[str], float]:
        """The features made of `parts` (sets; the frozen ones are shared between calls) and their probability.
        When the parts do not overlap, the margin is the sum of theirs, and `memo` keeps
        the margin of each frozen part, so that a part many candidates share is weighed once. The regression's
        probability alone: `averaged` adds the trees'."""
        feats = set().union(*parts)
        if sum(map(len, parts)) != len(feats):
            return feats, _sigmoid(self.margin(feats))
        try:
            margins = list(map(memo.get, parts))  # most parts were weighed for an earlier candidate
        except TypeError:  # a part that is no frozen set: each weighed here
            margins = [None] * len(parts)
        if None in margins:
            w = self.weights
            for k, part in enumerate(parts):
                if margins[k] is None:
                    m = margins[k] = sum(map(w.get, part, repeat(0.0)))
                    if type(part) is frozenset:
                        memo[part] = m
        return feats, _sigmoid(reduce(add, margins, self.bias))  # the bias, then each part's margin, in turn

    def explain(self, feats, k: int = 6) -> list[tuple[str, float]]:
        """The features that pushed the decision most, either way, with their weights."""
        w = self.weights
        parts = [(f, w[f]) for f in feats if f in w]
        parts.sort(key=_strongest)
        return parts[:k]


class Trees:
    """Gradient-boosted trees over binary features (scikit-learn's HistGradientBoostingClassifier, exported by
    `fit._trees_json`), evaluated with NumPy: the candidates' dense rows built once, every tree traversed at once,
    one depth a step. A row goes left where its feature's value is at most the node's threshold. The nodes of all
    the trees are numbered in one sequence, the deepest trees first; a leaf's children are itself, so that a row
    that reached one stays there, and from step s on only the trees deeper than s are stepped."""

    def __init__(self, d: dict) -> None:
        import numpy as np

        self.features: list[str] = d["features"]
        self.index = {f: i for i, f in enumerate(self.features)}
        self.baseline = float(d["baseline"])
        trees = sorted(d["trees"], key=lambda t: -_depth(t))
        feature, threshold, children, value, roots = [], [], [], [], []
        for t in trees:
            at = len(feature)
            roots.append(at)
            for j, (f, th, lo, hi, v) in enumerate(zip(t["feature"], t["threshold"], t["left"], t["right"], t["value"])):
                leaf = lo < 0
                feature.append(0 if leaf else f)
                threshold.append(math.inf if leaf else th)
                children += [at + j, at + j] if leaf else [at + lo, at + hi]
                value.append(v if leaf else 0.0)
        self.feature = np.array(feature, dtype=np.intp)
        self.threshold = np.array(threshold)
        self.children = np.array(children, dtype=np.intp)  # node n's left at 2n, right at 2n + 1
        self.value = np.array(value)
        self.roots = np.array(roots, dtype=np.intp)
        # how many trees (the first ones) are still deeper than each step
        depths = [_depth(t) for t in trees]
        self.active = [sum(1 for x in depths if x > s) for s in range(max(depths, default=0))]

    def raw(self, rows: list):
        """The trees' margin (log-odds) of each row of features."""
        import numpy as np

        X = dense(rows, self.index).ravel()
        at = (np.arange(len(rows), dtype=np.intp) * len(self.features))[:, None]
        node = np.tile(self.roots, (len(rows), 1))
        for n in self.active:
            part = node[:, :n]
            right = X[at + self.feature[part]] > self.threshold[part]
            node[:, :n] = self.children[2 * part + right]
        return self.baseline + self.value[node].sum(axis=1)

    def probabilities(self, rows: list) -> list[float]:
        import numpy as np

        if not rows:
            return []
        return (1.0 / (1.0 + np.exp(-self.raw(rows)))).tolist()


def _depth(tree: dict) -> int:
    """How many steps down a tree's deepest leaf is (0 for a tree that is one leaf)."""
    depth = [0] * len(tree["feature"])
    for j, (lo, hi) in enumerate(zip(tree["left"], tree["right"])):  # a child comes after its parent
        if lo >= 0:
            depth[lo] = depth[hi] = depth[j] + 1
    return max(depth)


def dense(rows: list, index: dict[str, int]):
    """The rows of features as a dense 0/1 matrix, a column per feature of `index` (name -> column)."""
    import numpy as np

    X = np.zeros((len(rows), len(index)))
    at, cols = [], []
    for i, feats in enumerate(rows):
        js = [index[f] for f in feats if f in index]
        at += [i] * len(js)
        cols += js
    X[at, cols] = 1.0
    return X


@dataclass
class Multi:
    classes: list[str]
    weights: dict[str, list[float]]  # feature -> one weight per class
    bias: list[float]
    # does every feature weigh every class (one weight per class, as `armsledger train` writes them)?
    square: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.square = all(len(ws) == len(self.bias) for ws in self.weights.values())

    def probabilities(self, feats) -> dict[str, float]:
        rows = [ws for ws in map(self.weights.get, feats) if ws]
        if not rows:
            z = list(self.bias)
        elif self.square:  # each class's margin added up in C, in the features' order as below
            z = [reduce(add, col, b) for b, col in zip(self.bias, zip(*rows))]
        else:
            z = list(self.bias)
            for ws in rows:
                for i, x in enumerate(ws):
                    z[i] += x
        top = max(z)
        ex = [math.exp(v - top) for v in z]
        total = sum(ex)
        return {c: e / total for c, e in zip(self.classes, ex)}

    def best(self, feats) -> tuple[str, float]:
        p = self.probabilities(feats)
        c = max(p, key=p.get)
        return c, p[c]

    def explain(self, feats, cls: str, k: int = 6) -> list[tuple[str, float]]:
        i = self.classes.index(cls)
        parts = [(f, self.weights[f][i]) for f in feats if f in self.weights]
        parts.sort(key=_strongest)
        return parts[:k]


@dataclass
class Model:
    deal: Binary
    status: Multi
    hedged: Binary
    meta: dict
    event: Binary | None = None  # keep or drop an event candidate (events_decide)
    figures: dict[str, Binary] | None = None  # per deal field, does a figure fill it (figures_decide)


def _strongest(pair: tuple[str, float]) -> tuple[float, str]:
    """Strongest weight first; equal weights (features that always come together) by name, so that the
    order does not follow the set's, which changes with the process's string hashing."""
    return (-abs(pair[1]), pair[0])


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def averaged(binary: Binary, rows: list, lr: list[float]) -> list[float]:
    """The decision's probability of each row of features given the regression's (`lr`): the regression's alone,
    or its average with the trees' when the decision carries trees."""
    if binary.trees is None:
        return lr
    return [0.5 * (a + b) for a, b in zip(lr, binary.trees.probabilities(rows))]


def from_dict(d: dict) -> Model:
    dec = d["decisions"]
    return Model(
        deal=Binary(dec["deal"]["weights"], dec["deal"]["bias"], dec["deal"]["threshold"],
                    dec["deal"].get("rival_threshold"), dec["deal"].get("rule_threshold"),
                    Trees(dec["deal"]["trees"]) if dec["deal"].get("trees") else None),
        status=Multi(dec["status"]["classes"], dec["status"]["weights"], dec["status"]["bias"]),
        hedged=Binary(dec["hedged"]["weights"], dec["hedged"]["bias"], dec["hedged"]["threshold"]),
        meta=d.get("meta", {}),
        event=Binary(dec["event"]["weights"], dec["event"]["bias"], dec["event"]["threshold"],
                     rule_threshold=dec["event"].get("rule_threshold")) if "event" in dec else None,
        figures={f: Binary(x["weights"], x["bias"], x["threshold"], rule_threshold=x.get("rule_threshold"))
                 for f, x in dec["figures"].items()}
        if "figures" in dec else None,
    )


def load(path: str | None = None) -> Model | None:
    """The model at `path`, else at $ARMSLEDGER_MODEL, else the shipped one; None when there is none
    (the rules then decide alone)."""
    return _load(str(path or os.environ.get("ARMSLEDGER_MODEL") or MODEL_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> Model | None:
    p = Path(path)
    if not p.exists():
        if path != str(MODEL_PATH):
            raise FileNotFoundError(f"{path}: no such model file (write one with 'armsledger train --out {path}')")
        return None
    return from_dict(json.loads(p.read_text(encoding="utf-8")))
