"""Deal fields (session 30), in sentences written for these tests:
- a run of years ("in 2027-2028", "over the 2015-2017 period", "2026–2029") dates by its latest bound, as "late
  2022-early 2023" does; before this it read as no date at all; a law's or plan's years ("the 2024-2030 defence
  programming law") date nothing;
- a count whose sentence tells a purchase and no delivery made, unit given or in service ("signed a deal for four
  Black Hawks", "Ukraine buys six howitzers", "will supply six jets") is never the delivered count (the figure model
  kept it so beside a delivery told in the next sentence, and the deal read completed for it).
"""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract.dates import find_dates
from found import deal


def _value(d) -> str | None:
    return None if d is None else (d.get("value") if isinstance(d, dict) else str(d))


@pytest.mark.parametrize("text, value", [
    ("The tanks will be handed over in 2027-2028.", "2028"),
    ("Deliveries are spread over the 2015-2017 period.", "2017"),
    ("The boats arrive in 2026–2029, officials said.", "2029"),
    ("Production runs from 2030 - 2033 at the yard.", "2033"),
])
def test_run_of_years_is_its_latest_bound(text, value):
    assert [d.value for d in find_dates(text, date(2024, 5, 10))] == [value]


@pytest.mark.parametrize("text, value", [
    ("Under the 2024-2030 defence programming law, the jets arrive in 2027-2029.", "2029"),
    ("The 2022-2026 plan funds ten patrol boats, due in 2025-2026.", "2026"),
])
def test_years_of_a_law_or_plan_date_nothing(text, value):
    assert [d.value for d in find_dates(text, date(2024, 5, 10))] == [value]


@pytest.mark.parametrize("text, platform, value", [
    ("Romania signed a contract with South Korea for 54 K9 howitzers in March. The howitzers will be delivered to "
     "Romania in 2027-2028.", "K9", "2028"),
    ("Norway ordered 14 CV90 infantry fighting vehicles from Sweden last year; they are to be delivered in "
     "2026-2027.", "CV90", "2027"),
    ("Germany will deliver 103 Leopard 2 tanks to Indonesia over the 2014-2016 period.", "Leopard 2", "2016"),
    ("Romania ordered 54 K9 howitzers from South Korea; deliveries run in 2026-2028.", "K9", "2028"),
])
def test_deal_completion_from_a_run_of_years(text, platform, value):
    assert _value(deal(text, platform, "2024-05-10")["expected_completion"]) == value


_MODEL: list = []


def _modelled(text: str, platform: str) -> dict:
    from armsledger.extract import Extractor
    from armsledger.model import Article
    if not _MODEL:
        _MODEL.append(Extractor())
    deals = [d for d in _MODEL[0](Article(text=text, published="2024-05-10"))["deals"] if d["platform"] == platform]
    assert deals
    return deals[0]


@pytest.mark.parametrize("text, platform", [
    ("Lithuania signed a €180 million deal with the United States for four UH-60M Black Hawk helicopters. The first "
     "Black Hawks arrived in Vilnius in 2020 under an earlier deal.", "UH-60M"),
    ("Estonia signed a contract with South Korea for six K9 howitzers worth €40 million. Earlier K9 howitzers were "
     "delivered to Tallinn in 2021.", "K9"),
])
def test_a_count_ordered_is_not_delivered_beside_another_delivery(text, platform):
    # the count of a sentence that tells a purchase and no delivery is the order's, whatever the sentence beside says
    d = _modelled(text, platform)
    assert d["quantity"]["max"] and d["delivered"] is None
