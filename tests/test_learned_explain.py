"""`--explain` lists the features that weighed most; features of equal weight come in the order of their names,
whatever order the set of features holds them in (it changes with the process's string hashing)."""
from armsledger.extract.learned import Binary, Multi


def test_equal_weights_are_listed_by_name_whatever_the_set_order():
    model = Binary({"rec:where:implied": 0.5, "rec:via:home": 0.5, "cue:from": -2.0, "trig:deal:s": 1.0}, 0.0, 0.5)
    for feats in (["rec:where:implied", "rec:via:home", "cue:from", "trig:deal:s"],
                  ["trig:deal:s", "rec:via:home", "cue:from", "rec:where:implied"]):
        assert [f for f, _ in model.explain(feats)] == ["cue:from", "trig:deal:s", "rec:via:home", "rec:where:implied"]


def test_status_features_of_equal_weight_are_listed_by_name():
    model = Multi(["signed", "considered"], {"b": [0.3, 0.0], "a": [0.3, 0.1], "c": [-0.9, 0.0]}, [0.0, 0.0])
    assert [f for f, _ in model.explain(["b", "c", "a"], "signed")] == ["c", "a", "b"]
    assert [f for f, _ in model.explain(["a", "c", "b"], "signed")] == ["c", "a", "b"]
