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
