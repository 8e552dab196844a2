"""Deal fields (session 28), in sentences written for these tests:
- a count after a buying verb with no platform before it ("Chile bought three of the aircraft in 2009") lists no
  order of its own (`DealFinder._order_list` opens none), so its year is free to date the deal the sentence tells:
  it was kept from every deal as "the year of an order listed with it";
- a date in a delivery's phrase before a signing ("took delivery of six jets on Tuesday, two years after it ordered
  them", "received two KC-390s on Friday; it ordered them in 2020") dates the delivery, not the signing: it had
  become the signing date, and had kept the signing's own date ("in 2020") out as farther from the verb;
- a purchase not yet made (considered, offered, negotiating) has no count delivered, as it has no signing date: the
  count the figures gave it is the order's.
"""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES = Extractor(model=False)


def _signed(text: str, platform: str) -> str | None:
    rec = _RULES(Article(text=text, published="2024-05-10"))
    deals = [d for d in rec["deals"] if d["platform"] == platform]
    assert deals, rec["deals"]
    return (deals[0]["signed"] or {}).get("value")


@pytest.mark.parametrize("text, platform, year", [
    ("Chile has received the last of its KC-135E tankers. Chile bought three of the aircraft in 2009.", "KC-135E", "2009"),
    ("Peru has received the last of its KT-1 trainers from South Korea. Peru ordered 20 of the aircraft in 2012.",
     "KT-1", "2012"),
    ("Kenya has received the last of its MD 530F helicopters from the United States. Kenya purchased six of the "
     "helicopters in 2017.", "MD 530F", "2017"),
    ("Algeria has taken delivery of the last of its Su-30MKA fighters from Russia. Algeria acquired 14 of the jets in "
     "2019.", "Su-30MKA", "2019"),
])
def test_a_count_with_no_platform_before_it_leaves_its_year_to_the_deal(text, platform, year):
    assert _signed(text, platform) == year


@pytest.mark.parametrize("text, platform, year", [
    ("Hungary received its first two KC-390 aircraft from Brazil on Friday; it ordered them in 2020.", "KC-390", "2020"),
    ("Ghana took delivery of two Z-9 helicopters from China on Monday, and it ordered them in 2021.", "Z-9", "2021"),
    ("The Philippine Air Force took delivery of six A-29 Super Tucano aircraft on Tuesday, two years after it ordered "
     "them from Brazil.", "A-29", None),
    ("Nigeria received 12 Super Tucano aircraft from Brazil on Thursday, after it ordered them in 2018.",
     "Super Tucano", "2018"),
])
def test_a_delivery_date_before_a_signing_is_not_the_signing_date(text, platform, year):
    assert _signed(text, platform) == year


@pytest.mark.parametrize("text, platform, year", [
    # ... a date before the signing in no delivery's phrase still dates it
    ("In 2015, Egypt ordered 24 Rafale jets from France.", "Rafale", "2015"),
    ("Egypt received four Rafale jets from France on Monday under a contract signed in 2021.", "Rafale", "2021"),
    ("On March 3 Poland signed a contract for 96 AH-64E helicopters from the United States.", "AH-64E", "2024-03-03"),
])
def test_a_signing_date_outside_a_delivery_phrase_stands(text, platform, year):
    assert _signed(text, platform) == year



def _deal_out(stage: str, text: str) -> dict:
    from armsledger.extract.context import Clause
    from armsledger.extract.deals import Claim, Deal
    from armsledger.extract.entities import Entity
    from armsledger.extract.text import split

    clauses = [Clause(s) for s in split(text)]
    d = Deal("KOR", "PER", Entity("platform", "KT-1"), False, 0, claims=[Claim(stage, False, False, 0)])
    d.quantity = {"min": 12, "max": 12, "unit": "aircraft", "text": "12 KT-1 trainers"}
    d.delivered = dict(d.quantity)
    d.id = "d1"
    return _RULES._deal(d, 2024, False, clauses, date(2024, 5, 10), text)


@pytest.mark.parametrize("stage, text", [
    # a purchase not yet made has no count delivered: the count the figures gave it is the order's
    ("consider", "Peru plans to buy 12 KT-1 trainers, to be delivered by 2027."),
    ("negotiate", "Peru is in talks with Seoul over 12 KT-1 trainers that would be delivered in 2027."),
    ("offer", "South Korea has offered Peru 12 KT-1 trainers for delivery within two years."),
])
def test_a_purchase_not_made_has_no_count_delivered(stage, text):
    out = _deal_out(stage, text)
    assert out["status"] in ("considered", "negotiating", "offered") and out["delivered"] is None
    assert out["quantity"]["min"] == 12


@pytest.mark.parametrize("stage, text", [
    ("deliver", "South Korea delivered 12 KT-1 trainers to Peru on Monday."),
    ("sign", "Peru ordered 12 KT-1 trainers, and all 12 have been delivered."),
])
def test_a_purchase_made_keeps_its_count_delivered(stage, text):
    assert _deal_out(stage, text)["delivered"]["min"] == 12
