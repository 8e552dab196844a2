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


def test_explain_says_which_candidates_a_constraint_overruled():
    # a deal model that keeps every candidate: what is still turned down, a constraint turned down, and --explain says so
    import dataclasses

    from armsledger.extract import Extractor
    from armsledger.model import Article

    ex = Extractor()
    ex.model = dataclasses.replace(ex.model, deal=Binary({}, 5.0, 0.5))
    text = ("Romania chose the K9 howitzer from South Korea over the French CAESAR after a year of trials. "
            "Chile has bought 12 second-hand F-16 fighter jets from the Netherlands.")
    record = ex(Article(text=text, published="2024-06-01"), explain=True)
    over = {(o["supplier"], o["recipient"], o["platform"]): o for o in record["overruled"]}
    assert over[("FRA", "ROU", "Caesar")]["constraint"].startswith("not bought")
    assert over[("USA", "CHL", "F-16")]["constraint"].endswith("NLD")
    assert over[("USA", "CHL", "F-16")]["probability"] >= over[("USA", "CHL", "F-16")]["threshold"]
    deals = {(d["supplier"], d["recipient"], d["platform"].lower()) for d in record["deals"]}
    assert not {k for k in deals if k[:2] == ("FRA", "ROU") and "caesar" in k[2]}
    assert not {k for k in deals if k[:2] == ("USA", "CHL") and "f-16" in k[2]}
    assert {k for k in deals if k[:2] == ("NLD", "CHL") and "f-16" in k[2]}
    # without --explain the record does not say
    assert "overruled" not in ex(Article(text=text, published="2024-06-01"))
