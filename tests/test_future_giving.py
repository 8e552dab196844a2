"""A sale, gift or transfer told in the future ("will sell", "will donate", "will hand over"; not "will give", which gives loans and speeches) opens a deal as
"will supply" does, the giver its supplier; and the Krivak frigates are named by their series ("Krivak III").
Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules():
    return Extractor(model=False)


def deals(extractor, text: str) -> set[tuple]:
    rec = extractor(Article(text=text, published="2024-06-01"))
    return {(d["platform"], d["supplier"], d["recipient"]) for d in rec["deals"]}


@pytest.mark.parametrize("text, deal", [
    ("Britain will sell Brazil three River class offshore patrol vessels.", ("River class", "GBR", "BRA")),
    ("Germany will donate 20 Marder infantry fighting vehicles to Ukraine, the defence ministry said.",
     ("Marder", "DEU", "UKR")),
    ("Russia will sell India two Krivak III frigates.", ("Krivak III", "RUS", "IND")),
    ("Poland will hand over 14 Leopard 2 tanks to Ukraine by the end of the month.", ("Leopard 2", "POL", "UKR")),
])
def test_a_future_giving_verb_opens_the_givers_deal(rules, extractor, text, deal):
    assert deal in deals(rules, text)
    assert deal in deals(extractor, text)


def test_a_future_giving_verb_opens_a_second_hand_givers_deal(rules, extractor):
    # the TC-90 is US-made (catalogued since session 23): Japan gives its own used ones. The rules open Japan's deal;
    # the refitted model doubts a giver that is not the maker (`sup:not_origin`, p 0.33 against 0.52 in the double
    # object form, 0.79 with "donate ... to") and may drop it, but never puts the maker in the giver's place
    text = "Japan will gift the Philippines five TC-90 aircraft."
    assert ("TC-90", "JPN", "PHL") in deals(rules, text)
    assert ("TC-90", "USA", "PHL") not in deals(extractor, text)
    assert ("TC-90", "JPN", "PHL") in deals(extractor, "Japan will donate five TC-90 aircraft to the Philippines.")


@pytest.mark.parametrize("text", [
    "France will give a press conference on the Rafale programme on Monday.",
    "Germany will give Ukraine a loan of 500 million euros; Kyiv's Leopard 2 tanks are old.",
])
def test_a_future_giving_verb_without_arms_given_opens_nothing(rules, text):
    assert deals(rules, text) == set()
