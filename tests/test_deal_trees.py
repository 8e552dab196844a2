"""The deal decision's boosted trees (`fit.DEAL_TREES`): exported to the model JSON, evaluated with NumPy
(`learned.Trees`) to scikit-learn's probabilities, averaged with the regression's; a model without trees (an older
one) loads and scores as before; `--explain` keeps the regression's weights and adds the two probabilities."""
from __future__ import annotations

import dataclasses
import json
import random

import pytest

from armsledger.extract import learned
from armsledger.learn import fit

pytest.importorskip("sklearn")


def _rows(n: int = 600, seed: int = 7) -> list[fit.Row]:
    """Candidates of made-up articles whose label hangs on features jointly (an interaction the trees can take)."""
    rnd = random.Random(seed)
    names = ["rule:deal", "trig:deal:s", "rec:via:home", "sup:origin", "cue:from", "rule:none", "plat:named",
             "wb:the", "status:signed"]
    rows = []
    for i in range(n):
        feats = {f for f in names if rnd.random() < 0.4}
        y = int(("rule:deal" in feats and "cue:from" not in feats) or ("sup:origin" in feats and "trig:deal:s" in feats
                                                                        and rnd.random() < 0.8))
        rows.append(fit.Row(f"set/{i // 4}", feats, y, key=("s", "r", "p")))
    return rows


def test_numpy_trees_give_sklearns_probabilities():
    rows = _rows()
    m, features = fit._trees_fit(rows)
    assert m is not None and "wb:the" not in features  # no word features
    trees = learned.Trees(json.loads(json.dumps(fit._trees_json(m, features))))  # through JSON, as shipped
    expected = m.predict_proba(fit._dense(rows, features))[:, 1]
    got = trees.probabilities([r.feats for r in rows])
    assert max(abs(a - b) for a, b in zip(got, expected)) < 1e-9
    assert trees.probabilities([]) == []
    assert trees.probabilities([set()])[0] == pytest.approx(m.predict_proba(fit._dense([fit.Row("x", set(), 0)],
                                                                                        features))[0, 1], abs=1e-9)


def test_the_fitted_deal_decision_averages_the_regression_and_the_trees(monkeypatch):
    monkeypatch.setattr(fit, "DEAL_TREES", True)
    rows = _rows()
    d = fit.fit(rows, status=False)
    assert "trees" in d["decisions"]["deal"] and "trees" not in d["decisions"]["hedged"]
    model = learned.from_dict(json.loads(json.dumps(d)))
    feats = rows[0].feats
    lr = learned._sigmoid(model.deal.margin(feats))
    tp = model.deal.trees.probabilities([feats])[0]
    assert model.deal.probability(feats) == pytest.approx(0.5 * (lr + tp), abs=1e-12)
    assert learned.averaged(model.deal, [feats], [lr]) == pytest.approx([0.5 * (lr + tp)], abs=1e-12)


def test_fitting_the_trees_twice_gives_the_same_model(monkeypatch):
    monkeypatch.setattr(fit, "DEAL_TREES", True)
    rows = _rows()
    assert "trees" in fit.fit(rows, status=False)["decisions"]["deal"]
    assert fit.fit(rows, status=False)["decisions"]["deal"] == fit.fit(rows, status=False)["decisions"]["deal"]


def test_a_model_without_trees_loads_and_scores_with_the_regression_alone(monkeypatch):
    monkeypatch.setattr(fit, "DEAL_TREES", False)
    d = fit.fit(_rows(), status=False)
    assert "trees" not in d["decisions"]["deal"]
    model = learned.from_dict(d)
    assert model.deal.trees is None
    feats = {"rule:deal", "trig:deal:s"}
    assert model.deal.probability(feats) == learned._sigmoid(model.deal.margin(feats))
    assert learned.averaged(model.deal, [feats], [0.3]) == [0.3]


def test_explain_lists_the_regressions_weights_and_the_two_probabilities():
    from armsledger.extract import Extractor
    from armsledger.model import Article

    text = "Chile has bought 12 second-hand F-16 fighter jets from the Netherlands, its defence ministry said."
    ex = Extractor()
    ex.model = dataclasses.replace(ex.model, deal=dataclasses.replace(ex.model.deal, trees=None))
    plain = ex(Article(text=text, published="2024-06-01"), explain=True)
    # the shipped model with trees that answer 0.9 for every candidate: one leaf each
    trees = learned.Trees({"features": ["rule:deal"], "baseline": 2.1972245773362196,
                           "trees": [{"feature": [0], "threshold": [0.0], "left": [-1], "right": [-1], "value": [0.0]}]})
    ex.model = dataclasses.replace(ex.model, deal=dataclasses.replace(ex.model.deal, trees=trees))
    record = ex(Article(text=text, published="2024-06-01"), explain=True)
    whys = [d["why"] for d in record["deals"] if d["why"].get("opened_by") and "probability" in d["why"]]
    assert whys
    for why in whys:
        avg = why["averaged"]
        assert set(avg) == {"regression_probability", "trees_probability", "probability"}
        assert avg["trees_probability"] == 0.9
        assert why["probability"] == pytest.approx(0.5 * (avg["regression_probability"] + 0.9), abs=2e-3)
        assert why["features"] and all(set(w) == {"feature", "weight"} for w in why["features"])
    # without trees, no such part: the explanation as before
    assert plain["deals"] and all("averaged" not in d["why"] for d in plain["deals"])


def test_numpy_trees_give_sklearns_probabilities_on_training_candidates():
    from armsledger.extract import Extractor
    from armsledger.learn import goldsets

    examples = goldsets.load("dev") + goldsets.load("holdout")
    rows, _ = fit.label_all(Extractor(model=False), examples)
    m, features = fit._trees_fit(rows)
    trees = learned.Trees(json.loads(json.dumps(fit._trees_json(m, features))))
    expected = m.predict_proba(fit._dense(rows, features))[:, 1]
    assert max(abs(a - b) for a, b in zip(trees.probabilities([r.feats for r in rows]), expected)) < 1e-9
