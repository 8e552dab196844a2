"""Rule deals of lists of buyers (session 26): a list of earlier buyers a platform is named with ("already ordered by
A, B and C", "customers include", "following A and B", "serves with the armies of") is a deal for each of them,
completed where the sentence says they hold it, else signed; marked held (`rule:status:held`), for the model to
weigh apart from a deal word's. Rules alone; sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules():
    return Extractor(model=False)


def _deals(rules, text):
    rec = rules(Article(text=text, title="", url="", published="2024-05-01"))
    return {(d["supplier"], d["recipient"], d["platform"], d["status"]) for d in rec["deals"]}


_LISTS = [
    ("The Rafale, already ordered by India, Egypt and Greece, is on offer to Colombia.",
     [("FRA", "IND", "Rafale", "signed"), ("FRA", "EGY", "Rafale", "signed"), ("FRA", "GRC", "Rafale", "signed")]),
    ("Laos is the fifth buyer of the Yak-130, following Algeria, Myanmar and Bangladesh.",
     [("RUS", "DZA", "Yak-130", "signed"), ("RUS", "MMR", "Yak-130", "signed")]),
    ("Other Gulf states such as Kuwait and Bahrain have bought the Patriot in the past.",
     [("USA", "KWT", "Patriot", "signed"), ("USA", "BHR", "Patriot", "signed")]),
    ("The CV90 already serves with the armies of Norway, Finland and Estonia.",
     [("SWE", "NOR", "CV90", "completed"), ("SWE", "EST", "CV90", "completed")]),
    ("The Gripen fighter is flown by Hungary, Brazil and Thailand.",
     [("SWE", "HUN", "Gripen", "completed"), ("SWE", "THA", "Gripen", "completed")]),
]


@pytest.mark.parametrize("text, keys", _LISTS)
def test_buyer_list(rules, text, keys):
    got = _deals(rules, text)
    for key in keys:
        assert key in got


@pytest.mark.parametrize("text, platform, country", [
    # a list of countries with no word of buying or holding is no list of buyers
    ("Countries such as France and Italy discussed the Rafale at the summit in Rome.", "Rafale", "ITA"),
    # one country is no list
    ("The K9, already ordered by Poland, was shown in Cairo.", "K9", "EGY"),
    # the list is too far from the platform
    ("Turkey signed for the T129 last year, in a deal its officials said had been discussed for months with many "
     "partners in the region and beyond, following Pakistan and the Philippines.", "T129", "PHL"),
])
def test_no_buyer_list(rules, text, platform, country):
    assert not any(d[1] == country and d[2] == platform for d in _deals(rules, text))
