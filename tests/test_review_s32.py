"""Review of session 32's merged rules, on sentences written for these tests: a collection of ships ("a new class of
Hunter frigates", "a flotilla of Type 039 submarines") or a thing about a ship type ("a Type 212CD submarine design
study") bought is no order of one; a delivery capped ("no more than 10 Rafales will be delivered") is not denied."""
from __future__ import annotations

import pytest

from test_event_rules_lists import rule_events


@pytest.mark.parametrize("text, platform", [
    ("Australia will buy a new class of Hunter frigates from Britain.", "Hunter"),
    ("Thailand will buy a flotilla of Type 039 submarines from China.", "Type 039"),
    ("Egypt ordered a group of Gowind corvettes from France last year.", "Gowind"),
    ("Pakistan ordered a squadron of Type 054A frigates from China.", "Type 054A"),
    ("Norway ordered a Type 212CD submarine design study from Germany.", "Type 212CD"),
])
def test_ships_of_a_collection_or_a_study_are_no_order_of_one(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert not d["quantity"] or d["quantity"]["max"] != 1, d


@pytest.mark.parametrize("text, platform", [
    ("Chile will buy a Type 23 frigate from Britain next year.", "Type 23"),
    ("Indonesia will acquire a Scorpene submarine from France.", "Scorpene"),
])
def test_one_ship_bought_is_still_one(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert d["quantity"] and d["quantity"]["max"] == 1, d


@pytest.mark.parametrize("text, year", [
    ("No more than 10 Rafales will be delivered to India by France in 2026.", "2026"),
    ("No more than two F-16s were delivered to Romania by Norway in 2023.", "2023"),
])
def test_a_delivery_capped_is_not_denied(extractor, text, year):
    dates = [(e["date"] or {}).get("value") for e in rule_events(extractor, text) if e["type"] == "DELIVERY"]
    assert dates == [year], text
