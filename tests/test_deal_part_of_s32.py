"""Deal fields (session 32): a part of an order delivered, told as "N of M" with no "the" between ("has received 20
of 24 howitzers"): the deal is under way, and its quantity is the order's. Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform, whole", [
    ("Finland has received 12 of 30 K9 howitzers so far.", "K9", 30),
    ("The Slovak army has now taken delivery of 8 of 14 F-16 jets.", "F-16", 14),
    ("Hanwha delivered 20 of 48 K9 howitzers to Poland last year.", "K9", 48),
    # the form with "the" read as before
    ("Estonia has received 6 of the 12 K9 howitzers it ordered.", "K9", 12),
])
def test_a_part_of_the_order_delivered(rules_deal, text, platform, whole):
    d = rules_deal(text, platform)
    assert d["status"] == "in_delivery", d
    assert d["quantity"] and d["quantity"]["min"] == whole, d
