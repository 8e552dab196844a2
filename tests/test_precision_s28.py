"""Session 28's deal precision: one purchase told as a class at two widths ("vehicles" and "armoured vehicles") is one
deal, the narrower class's; a purchase a reporter only asks about ("asked whether X would buy the Y") is no deal.
Sentences and keys written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import NOT_BOUGHT
from test_deal_features import feats


def _cls(kind: str) -> set[str]:
    return {"plat:generic", "cat:" + kind, "sup:origin_unknown"}


@pytest.mark.parametrize("wide, narrow, kind", [
    ("vehicles", "armoured vehicles", "armoured vehicle"),  # "30 armoured vehicles ... the 30 vehicles delivered"
    ("patrol vessels", "offshore patrol vessels", "patrol vessel"),
    ("howitzers", "self-propelled howitzers", "howitzer"),
    ("new vessels", "fast patrol vessels", "ship"),  # a word that says nothing of the kind ("new") is left out
    ("Vessels", "Patrol Vessel", "ship"),  # case and number
])
def test_a_class_gives_way_to_a_narrower_class_of_the_same_noun_the_pair_keeps(wide, narrow, kind):
    keys = [("r", "KOR", "PER", narrow), ("r", "KOR", "PER", wide)]
    over = decide.overruled(keys, [_cls(kind), _cls(kind)])
    assert over.get(1) == [0] and 0 not in over
    assert decide.overrule([True, True], over) == [True, False]
    assert decide.overrule([False, True], over) == [False, True]  # only where the narrower one is kept


@pytest.mark.parametrize("one, other, same_pair", [
    ("patrol boats", "patrol vessels", True),  # another noun: two deals
    ("missile", "missile boats", True),  # the noun differs ("boat"): a missile is no boat
    ("armoured vehicles", "riot control vehicles", True),  # neither narrower than the other
    ("vehicles", "armoured vehicles", False),  # another pair: another deal
    ("military drones", "drones", True),  # "military" says nothing of the kind: the same width
])
def test_classes_of_other_nouns_or_widths_or_pairs_stay(one, other, same_pair):
    keys = [("r", "KOR", "PER", other), ("r", "KOR", "PER" if same_pair else "CHL", one)]
    over = decide.overruled(keys, [_cls("ship"), _cls("ship")])
    assert 1 not in over and 0 not in over


@pytest.mark.parametrize("text, key", [
    ("Asked whether Chile was interested in buying the Leopard 2 tanks, the minister said there were no plans.",
     ("DEU", "CHL", "Leopard 2")),
    ("A reporter asked whether Peru would buy the Gripen fighter, and the ministry declined to answer.",
     ("SWE", "PER", "Gripen")),
    ("Journalists asked the spokesman if Egypt planned to acquire Su-35 jets.", ("RUS", "EGY", "Su-35")),
])
def test_a_purchase_only_asked_about_is_not_bought(extractor, text, key):
    assert NOT_BOUGHT in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Chile has bought 12 Leopard 2 tanks from Germany, the minister said when asked about the budget.",
     ("DEU", "CHL", "Leopard 2")),
    ("Peru signed a contract for 12 Gripen fighters on Monday.", ("SWE", "PER", "Gripen")),
])
def test_a_purchase_told_is_not_taken_for_a_question(extractor, text, key):
    assert NOT_BOUGHT not in feats(extractor, text, key)
