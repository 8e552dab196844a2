"""A part of an order delivered, told against the whole ("has received 24 of the 48 howitzers", "of which six have
already been delivered"): the part is the delivered count, the whole the order's, the deal in delivery
(`deals._DELIVERED_N`, `_WHOLE_OF_BEFORE`, `_N_ARRIVED`). Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform, delivered, ordered", [
    ("Poland has received 24 of the 48 K9 howitzers it ordered from South Korea.", "K9", 24, 48),
    ("Germany handed over four of the 18 Leopard 2 tanks to Ukraine.", "Leopard 2", 4, 18),
    ("Egypt has taken delivery of two of the four MEKO A-200 frigates it ordered from Germany.", "MEKO", 2, 4),
    ("Manila ordered 16 S-70i Black Hawks from Poland in 2019, of which six have already been delivered.", "S-70i", 6, 16),
])
def test_a_part_delivered_of_a_whole_is_the_delivered_count(rules_deal, text, platform, delivered, ordered):
    d = rules_deal(text, platform)
    assert (d["delivered"] or {}).get("min") == delivered, d
    assert (d["quantity"] or {}).get("min") == ordered, d
    assert d["status"] == "in_delivery"


@pytest.mark.parametrize("text, platform", [
    ("Germany will hand over four of the 18 Leopard 2 tanks to Ukraine next year.", "Leopard 2"),
    ("Poland ordered 48 K9 howitzers from South Korea, of which 24 will be built in Poland.", "K9"),
])
def test_a_part_still_to_come_is_no_delivered_count(rules_deal, text, platform):
    assert rules_deal(text, platform)["delivered"] is None
