"""Deal decision features (session 23): a fleet told as wanted, planned or to come is no fleet held
(`features._INTENT`), and a country named as one that holds a platform or as its buyer in a passive is no bystander
for `rec:not_taker_in_report` (`Featurizer.index_sellers`). Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats


def _svc(f: set[str]) -> set[str]:
    return {x for x in f if x.startswith("svc:")}


@pytest.mark.parametrize("text, key", [
    # the verb of holding told as a wish or a plan
    ("Bulgaria wants to fly the F-16 by the end of the decade.", ("USA", "BGR", "F-16")),
    ("Slovakia intends to fly the F-16 from a base near Bratislava.", ("USA", "SVK", "F-16")),
    ("Croatia hopes to field the Bradley in two battalions.", ("USA", "HRV", "M2 Bradley")),
    # ... or as a future
    ("Vietnam will soon fly the Su-30 from its southern bases.", ("RUS", "VNM", "Su-30")),
    ("Jordan, which will also fly the F-35, signed a letter of offer.", ("USA", "JOR", "F-35")),
    ("The K9 will be in service with Egypt in 2026.", ("KOR", "EGY", "K9")),
    ("The Leopard 2 tanks are due to serve with Chile's army next year.", ("DEU", "CHL", "Leopard 2")),
])
def test_no_fleet_held_when_intended(extractor, text, key):
    assert not _svc(feats(extractor, text, key))


@pytest.mark.parametrize("text, key", [
    # still held where the verb continues a fleet or tells it as it was
    ("Romania continues to fly the F-16 it received from Portugal.", ("USA", "ROU", "F-16")),
    ("Ghana already flies the Mi-17 and needs more helicopters.", ("RUS", "GHA", "Mi-17")),
    ("The Patriot is in service with Spain and Greece.", ("USA", "ESP", "Patriot")),
])
def test_fleet_held_still(extractor, text, key):
    assert "svc:rec_holds" in _svc(feats(extractor, text, key))


@pytest.mark.parametrize("text, key", [
    # earlier buyers named as holding the platform, beside the report's own taker
    ("Peru ordered twelve K9 howitzers from South Korea. The K9 is already in service with Finland and Estonia.",
     ("KOR", "FIN", "K9")),
    ("Serbia bought twelve Rafale jets from France. Egypt and Qatar already fly the Rafale.",
     ("FRA", "QAT", "Rafale")),
    # ... or as its buyers in a passive
    ("Serbia bought twelve Rafale jets from France. The Rafale has been ordered by Egypt, Qatar and Greece.",
     ("FRA", "GRC", "Rafale")),
    ("Peru ordered twelve K9 howitzers from South Korea. The K9 was earlier bought by Norway and Finland.",
     ("KOR", "NOR", "K9")),
])
def test_earlier_buyers_no_bystanders(extractor, text, key):
    assert "rec:not_taker_in_report" not in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    # a bystander is still one
    ("Peru ordered twelve K9 howitzers from South Korea, Chile said.", ("KOR", "CHL", "K9")),
    ("Serbia bought twelve Rafale jets from France, Croatia said.", ("FRA", "HRV", "Rafale")),
])
def test_bystanders_still(extractor, text, key):
    assert "rec:not_taker_in_report" in feats(extractor, text, key)


@pytest.mark.parametrize("text, verb, intended", [
    ("Romania, continuing to fly the F-16, wants more jets.", "fly", False),
    ("Norway was the first country in Europe to fly the F-35.", "fly", False),
    ("Since May the air force flies the Z-9.", "flies", False),
    ("Kenya may fly the Z-9 from next year.", "fly", True),
    ("India is to operate the S-400 from March.", "operate", True),
    ("Poland wants to fly the F-35 by 2030.", "fly", True),
])
def test_intent_is_told_by_a_wish_a_plan_or_a_future_not_by_any_to(text, verb, intended):
    from armsledger.extract.features import _intent
    assert _intent(text, text.index(" " + verb + " ") + 1) is intended
