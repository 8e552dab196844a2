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
Scoring needs only the standard library: scikit-learn is needed to fit, not to run.
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

    def margin(self, feats) -> float:
        return self.bias + sum(map(self.weights.get, feats, repeat(0.0)))  # the weights in the set's order

    def probability(self, feats) -> float:
        return _sigmoid(self.margin(feats))

    def weigh(self, parts: list, memo: dict) -> tuple[set[str], float]:
        """The features made of `parts` (sets; the frozen ones are shared between calls) and their probability.
        When the parts do not overlap, the margin is the sum of theirs, and `memo` keeps
        the margin of each frozen part, so that a part many candidates share is weighed once."""
        feats = set().union(*parts)
        if sum(map(len, parts)) != len(feats):
            return feats, self.probability(feats)
        w = self.weights
        z = self.bias
        for part in parts:
            m = memo.get(part) if type(part) is frozenset else None
            if m is None:
                m = sum(map(w.get, part, repeat(0.0)))
                if type(part) is frozenset:
                    memo[part] = m
            z += m
        return feats, _sigmoid(z)

    def explain(self, feats, k: int = 6) -> list[tuple[str, float]]:
        """The features that pushed the decision most, either way, with their weights."""
        w = self.weights
        parts = [(f, w[f]) for f in feats if f in w]
        parts.sort(key=_strongest)
        return parts[:k]


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


def from_dict(d: dict) -> Model:
    dec = d["decisions"]
    return Model(
        deal=Binary(dec["deal"]["weights"], dec["deal"]["bias"], dec["deal"]["threshold"],
                    dec["deal"].get("rival_threshold"), dec["deal"].get("rule_threshold")),
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
