"""Deal fields (session 32): one ship. A ship named by its own name ("the corvette INS Khanjar") is one ship: the
deal's quantity is one, and one delivered once it is handed over; a ship type bought, sold or given with "a" / "an"
before it ("to buy an S26T submarine") is an order of one. Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform", [
    ("Last week India handed over the corvette INS Khanjar to the Sri Lankan Navy.", "INS Khanjar"),
    ("Italy delivered the frigate Al-Galala to the Egyptian Navy on Thursday.", "Al-Galala"),
    ("The patrol vessel BRP Gabriela Silang was handed over by France to the Philippines in March.",
     "BRP Gabriela Silang"),
])
def test_a_named_ship_handed_over_is_one_delivered(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert d["quantity"] and d["quantity"]["max"] == 1, d
    assert d["delivered"] and d["delivered"]["max"] == 1, d


def test_a_named_ship_to_come_is_one_not_delivered(rules_deal):
    d = rules_deal("Egypt has signed a contract with Italy for the frigate Al-Galala, to be delivered next year.",
                   "Al-Galala")
    assert d["quantity"] and d["quantity"]["max"] == 1, d
    assert not d["delivered"], d


@pytest.mark.parametrize("text, platform", [
    ("The Thai navy signed a deal with China last year to buy an S26T submarine.", "S26T"),
    ("Seoul will donate a Pohang-class corvette to the Vietnamese Navy next year.", "Pohang"),
    ("Algeria has ordered a MEKO A-200 frigate from Germany, officials said.", "MEKO A-200"),
])
def test_a_ship_type_bought_with_a_is_one(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert d["quantity"] and d["quantity"]["max"] == 1, d


@pytest.mark.parametrize("text, platform", [
    # a count of its own, a part of a fleet, or a deal named after the type: no order of one
    ("Algeria has ordered a further two MEKO A-200 frigates from Germany.", "MEKO A-200"),
    ("Thailand wants to buy an S26T submarine fleet from China.", "S26T"),
])
def test_no_order_of_one_without_a_single_unit(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert not d["quantity"] or d["quantity"]["max"] != 1, d
