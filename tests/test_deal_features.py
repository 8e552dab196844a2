"""What the deal model is told about a candidate: the way the verb runs, and whether a class names a platform
already named. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def feats(extractor, text: str, key: tuple) -> set[str]:
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    found = [f for c, f, _ in rows if (c.supplier, c.recipient, c.platform.name) == key]
    assert found, f"no candidate {key}: {[(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows]}"
    return found[0]


@pytest.mark.parametrize("text, key, supplier_side, recipient_side", [
    # a giving verb: who stands before it gives, who comes after it receives
    ("Germany has sent 12 Leopard 2 tanks to Chile.", ("DEU", "CHL", "Leopard 2"), "give:before", "give:after"),
    ("Turkey supplied Bayraktar TB2 drones to Kenya last year.", ("TUR", "KEN", "Bayraktar TB2"),
     "give:before", "give:after"),
    ("Italy will sell four C-27J transport aircraft to Zambia.", ("ITA", "ZMB", "C-27J"), "give:before", "give:after"),
    # a getting verb: who stands before it receives, who comes after it gives
    ("Peru bought two C-27J aircraft from Italy in 2013.", ("ITA", "PER", "C-27J"), "get:after", "get:before"),
    ("Egypt has ordered 30 more Rafale jets from France.", ("FRA", "EGY", "Rafale"), "get:after", "get:before"),
    ("Vietnam acquired six Kilo-class submarines from Russia.", ("RUS", "VNM", "Kilo class"), "get:after", "get:before"),
    # a giving verb in the passive: the receiver stands before it
    ("Ghana was given four Z-9 helicopters by China.", ("CHN", "GHA", "Z-9"), "give_passive:after", "give_passive:before"),
    ("The Philippines was sold two Pohang-class corvettes by South Korea.", ("KOR", "PHL", "Pohang class"),
     "give_passive:after", "give_passive:before"),
])
def test_the_way_the_verb_runs_tells_the_giver_from_the_taker(extractor, text, key, supplier_side, recipient_side):
    f = feats(extractor, text, key)
    assert "sup:dir:" + supplier_side in f
    assert "rec:dir:" + recipient_side in f
    verb, sup = supplier_side.split(":")
    assert f"dir:{verb}:sup_{sup}&rec_{recipient_side.split(':')[1]}" in f


def test_a_party_in_another_sentence_stands_away_from_the_verb(extractor):
    f = feats(extractor, "Germany delivered two IRIS-T systems to Egypt. Talks between Russia and Ukraine have "
                         "stalled since.", ("DEU", "RUS", "IRIS-T"))
    assert "dir:give:sup_before&rec_away" in f
    assert not {x for x in f if x.startswith("rec:dir:")}


@pytest.mark.parametrize("text", [
    "Chile and Germany held talks on Leopard 2 tanks on Monday.",
    "The Leopard 2 tank is made by KNDS; Chile is a long-standing customer of German industry.",
])
def test_without_a_verb_of_giving_or_getting_no_direction_is_claimed(extractor, text):
    f = feats(extractor, text, ("DEU", "CHL", "Leopard 2"))
    assert not {x for x in f if ":dir:" in x}


@pytest.mark.parametrize("text, platform, kind", [
    # the class is of a kind the article names by a platform too: perhaps the same one again
    ("Egypt ordered 30 Rafale jets from France in 2021 and now plans to buy 12 more fighter jets from France.",
     "fighter jets", "kind_named"),
    ("Manila took delivery of two Jose Rizal-class frigates from South Korea last year and has now ordered two "
     "more frigates from Seoul.", "frigates", "kind_named"),
    ("Greece bought 24 Rafale jets from France. Athens is also buying new fighter jets from the United States.",
     "fighter jets", "kind_named"),
    # the class is the only name the deal has
    ("Kenya has bought 20 armoured vehicles from Turkey, the defence ministry said.", "armoured vehicles", "kind_alone"),
    ("Nigeria received four patrol boats from France on Tuesday.", "patrol boats", "kind_alone"),
    ("Egypt ordered 30 Rafale jets from France and two patrol boats from Italy.", "patrol boats", "kind_alone"),
])
def test_a_class_of_weapon_is_read_against_the_platforms_the_article_names(extractor, text, platform, kind):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    kinds = {x for c, f, _ in rows if c.platform.name == platform for x in f if x.startswith("generic:")}
    assert kinds == {"generic:" + kind}


@pytest.mark.parametrize("text, key, cue", [
    # how far a purchase has come, read anywhere in the sentence: long in service ...
    ("The Mirage 2000 jets that Peru got from France have been in service since the 1980s.",
     ("FRA", "PER", "Mirage 2000"), "in_service"),
    ("Jordan, which already operates F-16 fighters from the United States, flies them from Muwaffaq Salti air base.",
     ("USA", "JOR", "F-16"), "in_service"),
    ("Nigeria's ageing Alpha Jet trainers, once supplied by Germany, are to be retired next year.",
     ("DEU", "NGA", "Alpha Jet"), "aged"),
    ("Algeria took its Kilo-class submarines from Russia in the late 1990s and keeps them at Mers el-Kebir.",
     ("RUS", "DZA", "Kilo class"), "long_ago"),
    # ... arriving in part or in full ...
    ("The first batch of K9 howitzers from South Korea reached Estonia by sea on Monday.",
     ("KOR", "EST", "K9"), "first_batch"),
    ("All of the Rafale jets for Qatar from France have now been delivered, the ministry said.",
     ("FRA", "QAT", "Rafale"), "all_of"),
    ("Four Bayraktar TB2 drones from Turkey arrived in Mali on Friday.", ("TUR", "MLI", "Bayraktar TB2"), "arrived"),
    # ... chosen, approved, under talks, still to come or called off
    ("Switzerland picked the F-35A from the United States after a long competition.", ("USA", "CHE", "F-35A"),
     "choice"),
    ("The State Department approved a possible sale of HIMARS launchers from the United States to Estonia.",
     ("USA", "EST", "HIMARS"), "approval"),
    ("Serbia and France held talks in Belgrade on Rafale jets for the Serbian air force.", ("FRA", "SRB", "Rafale"),
     "talks"),
    ("Cairo is expected to receive more Rafale jets from France within three years.", ("FRA", "EGY", "Rafale"),
     "future"),
    ("Thailand scrapped its plan to take Gripen jets from Sweden after the budget was cut.", ("SWE", "THA", "Gripen"),
     "cancelled"),
])
def test_the_sentence_tells_the_status_decision_how_far_a_purchase_has_come(extractor, text, key, cue):
    f = feats(extractor, text, key)
    assert "st:" + cue in f


def test_the_stage_cues_are_the_status_decision_s_alone():
    from armsledger.learn.fit import Row, fit

    rows = [Row(f"a{i}", {"bias", "st:arrived" if i % 2 else "st:talks", "trig:x"}, 1,
                "in_delivery" if i % 2 else "negotiating") for i in range(8)]
    rows += [Row(f"b{i}", {"bias", "st:arrived", "wb:other"}, 0) for i in range(8)]
    model = fit(rows)["decisions"]
    assert not {n for n in model["deal"]["weights"] if n.startswith("st:")}
    assert not {n for n in model["hedged"]["weights"] if n.startswith("st:")}
    assert {"st:arrived", "st:talks"} <= set(model["status"]["weights"])


@pytest.mark.parametrize("text, key, how", [
    # a donor or second-hand seller named as the giver, whoever made the platform
    ("Poland said it would donate a Patriot battery to Ukraine.", ("POL", "UKR", "Patriot"), "not_origin"),
    ("Norway has handed over six F-16 jets to Ukraine.", ("NOR", "UKR", "F-16"), "not_origin"),
    ("Romania bought 18 used F-16 fighters from Portugal.", ("PRT", "ROU", "F-16"), "not_origin"),
    # the maker itself
    ("Chile bought three Type 23 frigates from Britain.", ("GBR", "CHL", "Type 23"), "origin"),
    ("France will sell 12 Rafale jets to Serbia.", ("FRA", "SRB", "Rafale"), "origin"),
    # a class named without a designation
    ("Kenya bought six patrol boats from Turkey.", ("TUR", "KEN", "patrol boats"), "generic"),
    ("Japan has agreed to give ten coastguard ships to Vietnam.", ("JPN", "VNM", "coastguard ships"), "generic"),
])
def test_a_supplier_named_as_giver_and_a_recipient_as_taker_are_anchored(extractor, text, key, how):
    f = feats(extractor, text, key)
    assert {"anchor:both", "anchor:both&" + how} <= f


@pytest.mark.parametrize("text, key", [
    ("Chile and Germany held talks on Leopard 2 tanks on Monday.", ("DEU", "CHL", "Leopard 2")),
    # the origin is named only as the maker, not as the one who gives
    ("Poland said it would donate a Patriot battery to Ukraine.", ("USA", "UKR", "Patriot")),
    # a country named as the one talked with, not as the one given to
    ("Germany sent two Patriot batteries to Poland after talks with Ukraine.", ("DEU", "UKR", "Patriot")),
])
def test_a_party_not_named_as_giver_or_taker_is_not_anchored(extractor, text, key):
    assert "anchor:both" not in feats(extractor, text, key)


@pytest.mark.parametrize("text, key, named", [
    # the rules gave the pair a named platform: the class may stand for it
    ("Egypt ordered 24 Rafale jets from France in 2015. France will also deliver two patrol boats to Egypt next "
     "year.", ("FRA", "EGY", "patrol boats"), True),
    ("Kenya bought four Bayraktar TB2 drones from Turkey. Turkey will also supply coastal patrol boats to Kenya.",
     ("TUR", "KEN", "coastal patrol boats"), True),
    # another pair's platform: the class is all the deal is named by
    ("Egypt ordered 20 K9 howitzers from South Korea in 2022. France will deliver fighter jets to Egypt next year.",
     ("FRA", "EGY", "fighter jets"), False),
])
def test_a_class_whose_pair_has_a_named_platform_is_marked(extractor, text, key, named):
    assert ("class:pair_named" in feats(extractor, text, key)) is named


@pytest.mark.parametrize("text, key", [
    ("The Rafale's customers include Egypt and Qatar.", ("FRA", "QAT", "Rafale")),
    ("Known users are Chile and Peru, which fly the F-16.", ("USA", "PER", "F-16")),
    ("The K9's export buyers include Poland, Norway and Estonia.", ("KOR", "EST", "K9")),
])
def test_the_customers_of_a_platform_are_named_in_service(extractor, text, key):
    assert "rec:cue:in_service" in feats(extractor, text, key)
