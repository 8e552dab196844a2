"""Session 26: a folder of one's own (`train --gold`) grouped by batch as corpus-train is."""
from __future__ import annotations

from armsledger.model import Article


def _ex(name):
    from armsledger.learn.goldsets import Example

    return Example(name, Article(text="The army ordered two tanks."), {})


def test_a_gold_folder_of_ones_own_is_grouped_by_its_batch_letters():
    from armsledger.learn import fit

    examples = [_ex(n) for n in ("mine/a01", "mine/a17", "mine/za03", "mine/zb11", "mine/zb12", "holdout/h4",
                                 "seed/seed", "dev/12", "holdout2/x9")]
    keys = fit.group_keys(examples, "batch")
    assert keys["mine/a01"] == keys["mine/a17"] == "mine/a"
    assert keys["mine/za03"] == "mine/za" != keys["mine/zb11"]
    assert keys["mine/zb11"] == keys["mine/zb12"] == "mine/zb"
    # the hand-written sets stay whole, whatever their names look like
    assert (keys["holdout/h4"], keys["seed/seed"], keys["dev/12"], keys["holdout2/x9"]) == (
        "holdout", "seed", "dev", "holdout2")
    folds = fit._folds([e.name for e in examples], 3, 0, keys)
    assert not any({"mine/zb11", "mine/zb12"} & f and not {"mine/zb11", "mine/zb12"} <= f for f in folds)
