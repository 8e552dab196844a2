"""Session 28's deal precision: one purchase told as a class at two widths ("vehicles" and "armoured vehicles") is one
deal, the narrower class's; a purchase a reporter only asks about ("asked whether X would buy the Y") is no deal; the
platform's maker, never named in the report, gives way to the country named as selling it even where that one's
candidate is not kept.
Sentences and keys written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import NOT_BOUGHT, SELLER_ELSEWHERE
from armsledger.model import Article
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


@pytest.mark.parametrize("text, maker, seller", [
    # the maker, never named in the report, only implied by the platform's origin, where another country is named as
    # the one that hands the platform over: no deal of the maker's, kept the named seller's or not
    ("Japan will transfer two TC-90 patrol aircraft to the Philippines next year.", ("USA", "PHL", "TC-90"),
     ("JPN", "PHL", "TC-90")),
    ("Russia will hand Kyrgyzstan two An-26 transport aircraft on Friday, the ministry said.", ("UKR", "KGZ", "An-26"),
     ("RUS", "KGZ", "An-26")),
    ("Poland sold four Mi-24 helicopters to North Macedonia last year.", ("RUS", "MKD", "Mi-24"),
     ("POL", "MKD", "Mi-24")),
])
def test_an_unnamed_maker_gives_way_to_the_named_seller_kept_or_not(extractor, text, maker, seller):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    keys = [("r", *c.key) for c, _, _ in rows]
    over = decide.overruled(keys, [f for _, f, _ in rows])
    i, j = keys.index(("r", *maker)), keys.index(("r", *seller))
    assert over.get(i, []) is None and j not in over
    yes = [True] * len(keys)
    yes[j] = False  # the named seller's candidate not kept: the maker's is dropped all the same
    assert decide.overrule(yes, over)[i] is False


def test_a_maker_the_report_names_still_needs_the_seller_kept():
    keys = [("r", "RUS", "MKD", "Mi-24"), ("r", "POL", "MKD", "Mi-24")]
    named = {SELLER_ELSEWHERE, "sib:other_seller", "sup:origin", "sup:via:country", "plat:catalogue"}
    over = decide.overruled(keys, [named, {"sup:via:country", "plat:catalogue"}])
    assert over.get(0, []) is not None  # a list of rivals or nothing: not dropped whatever is kept
