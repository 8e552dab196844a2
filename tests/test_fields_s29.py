"""Deal fields (session 29), in sentences written for these tests:
- one unit given, told with "a" / "an" / "a single" after the giving verb ("Japan handed over a TC-90 patrol plane
  to the Philippine Navy"), before a passive giving anywhere in the sentence ("At a ceremony on Friday, an Indian
  Navy Dornier aircraft was formally handed over"), or before a clause that gives it ("the patrol vessel, which
  China donated", "a single Y-8F supplied by China"): one unit delivered and, for a gift, one ordered; these deals
  had no count at all;
- a delivery of one ("France delivered a Rafale to Egypt") is one delivered, not the order's size;
- what is no single unit stays uncounted: "a number of", a plural, an ordinal ("a sixth Super Tucano"), a phrase
  whose head is no unit ("an Akinci drone squadron").
"""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES = Extractor(model=False)


def _deal(text: str, platform: str) -> dict:
    rec = _RULES(Article(text=text, published="2024-05-10"))
    deals = [d for d in rec["deals"] if d["platform"] == platform]
    assert deals, rec["deals"]
    return deals[0]


def _n(rng: dict | None) -> float | None:
    return None if rng is None else rng.get("max")


@pytest.mark.parametrize("text, platform", [
    ("Japan handed over a TC-90 patrol plane to the Philippine Navy on Tuesday.", "TC-90"),
    ("The United States donated a C-130 transport aircraft to Vietnam, officials said.", "C-130"),
    ("India gifted a Dornier 228 maritime surveillance aircraft to Sri Lanka last week.", "Dornier 228"),
    ("At a ceremony in Colombo on Friday, an Indian Navy Dornier aircraft was formally handed over to the Sri Lanka "
     "Air Force.", "Dornier 228"),
    ("Besides its Soviet fleet, Kazakhstan flies a single Y-8F-200W supplied by China.", "Y-8F-200W"),
])
def test_one_unit_given_is_one_ordered_and_one_delivered(text, platform):
    d = _deal(text, platform)
    assert _n(d["quantity"]) == 1 and d["quantity"]["min"] == 1
    assert _n(d["delivered"]) == 1


@pytest.mark.parametrize("text, platform, ordered", [
    ("Egypt ordered 24 Rafale jets from France in 2015. France delivered a Rafale to Egypt in July.", "Rafale", 24),
    ("France delivered a Rafale to Egypt in July. Egypt had ordered 24 Rafale jets from France in 2015.", "Rafale", 24),
    ("Brazil ordered 36 Gripen fighters from Sweden in 2014. Sweden delivered a Gripen to Brazil last month.",
     "Gripen", 36),
])
def test_one_unit_delivered_of_a_larger_order(text, platform, ordered):
    d = _deal(text, platform)
    assert _n(d["delivered"]) == 1
    assert _n(d["quantity"]) == ordered


@pytest.mark.parametrize("text, platform", [
    ("India gifted a number of Dornier aircraft to Sri Lanka.", "Dornier 228"),
    ("Brazil ordered 24 Super Tucano aircraft in 2020. Embraer delivered a sixth Super Tucano to Ecuador on Friday.",
     "Super Tucano"),
    ("The United States handed over a pair of C-130 transport aircraft to Vietnam.", "C-130"),
])
def test_no_single_unit_gives_no_count_of_one(text, platform):
    rec = _RULES(Article(text=text, published="2024-05-10"))
    for d in rec["deals"]:
        if d["platform"] == platform:
            assert _n(d["quantity"]) != 1 and _n(d["delivered"]) != 1


def test_a_squadron_is_no_unit():
    rec = _RULES(Article(text="Turkey gave an Akinci drone squadron to Azerbaijan in May.", published="2024-05-10"))
    assert all(_n(d["delivered"]) != 1 for d in rec["deals"])
