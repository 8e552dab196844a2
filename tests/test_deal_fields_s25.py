"""Deal fields (session 25), in sentences written for these tests:
- a count after "handed over" / "hands over" / "turned over" is the count handed, exact: "over" is the verb's particle,
  not "more than" ("handed over three jets" is 3, not "at least 3"); "for over 10 years", "over 40 jets" keep it;
- "dozens of F-16s" is many, not a count: no quantity (it was read as twelve);
- a unit of an order received, named by its rank after the verb ("received its third corvette", "commissioned its
  second frigate", "the commissioning ceremony of its first submarine"), or deliveries said to have begun at a date
  ("Deliveries of the vehicles began in 2021"), put a signed deal in delivery; "the second and last" does not (the
  whole of it), nor a unit still to come.
"""
from __future__ import annotations

import pytest

from armsledger.extract.values import find_quantities


@pytest.mark.parametrize("text, count", [
    ("Beijing handed over four Y-8 transport aircraft to the Sudanese air force on Monday.", 4),
    ("The shipyard hands over two patrol boats to Ghana this week.", 2),
    ("Last year Japan turned over five TC-90 planes to the navy of its neighbour.", 5),
    ("Officials handed over six armoured vehicles at a ceremony in the capital.", 6),
])
def test_handed_over_is_an_exact_count(text, count):
    q = find_quantities(text)
    assert q and (q[0].min, q[0].max) == (count, count)


@pytest.mark.parametrize("text, lo", [
    ("Turkey wants over 40 F-16 jets.", 40),
    ("The army has used over 30 helicopters in the region.", 30),
])
def test_over_alone_is_still_more_than(text, lo):
    q = find_quantities(text)
    assert q and (q[0].min, q[0].max) == (lo, None)


@pytest.mark.parametrize("text", [
    "Ankara has asked to buy dozens of F-16 fighter jets from Washington.",
    "Moscow delivered dozens of T-90 tanks to the country over the decade.",
    "The ministry wants dozens of new helicopters for its army.",
])
def test_dozens_is_no_count(text):
    assert not find_quantities(text)


def test_a_dozen_is_still_twelve():
    q = find_quantities("The air force ordered a dozen Rafale jets.")
    assert q and (q[0].min, q[0].max) == (12, 12)


@pytest.mark.parametrize("text, key", [
    ("Malaysia signed a contract with China for four Type 056 corvettes in 2017. On Tuesday the Royal Malaysian "
     "Navy received its third Type 056 corvette in Shanghai.", ("CHN", "MYS", "Type 056")),
    ("Egypt signed a contract for four MEKO A-200 frigates from Germany in 2018. This week the Egyptian navy "
     "commissioned its second MEKO A-200 frigate in Kiel.", ("DEU", "EGY", "MEKO A-200")),
    ("Brazil signed a deal with France in 2009 for four Scorpene submarines. The Brazilian Navy held the commissioning "
     "ceremony of its first Scorpene submarine on Friday.", ("FRA", "BRA", "Scorpene")),
    ("Thailand signed a contract with Ukraine in 2007 for 96 BTR-3E1 armoured personnel carriers. Deliveries of the "
     "BTR-3E1 vehicles began in June 2010.", ("UKR", "THA", "BTR-3E1")),
])
def test_a_unit_received_by_its_rank_is_a_delivery_under_way(rules_deals, text, key):
    assert rules_deals(text)[key]["status"] == "in_delivery"


@pytest.mark.parametrize("text, key", [
    ("Egypt signed a contract for four MEKO A-200 frigates from Germany in 2018. The navy expects to commission its "
     "second MEKO A-200 frigate next year.", ("DEU", "EGY", "MEKO A-200")),
    ("Malaysia signed a contract with China for four Type 056 corvettes in 2017. The third Type 056 corvette will "
     "be received by the navy next year.", ("CHN", "MYS", "Type 056")),
])
def test_no_unit_received_stays_signed(rules_deals, text, key):
    assert rules_deals(text)[key]["status"] == "signed"
