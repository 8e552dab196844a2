"""Deal fields (session 31), in sentences written for these tests:
- months told in a list or a run, the year once after the last ("between June and August 2019", "March, April and
  May 2017", "from November, December and January 2020"): every month takes that year (a month later in the year than
  the one after it, the year before); before this the first of "between June and August" read as no date at all and
  the middle of a list of three as none either, so the first took the report's year;
- an em dash joins two dates as a hyphen or an en dash does ("June—August 2019", "late 2018—early 2019", "24—26 July");
- an order named as what a delivery is part of ("has received 20 K9 howitzers under a 2017 order for 24", "as part of
  an order for 32") is that deal's quantity, not an order of its own listed: before this the rules opened it as a
  signed order, the sentence's delivery was lost and the deal read signed;
- the last part of an order ("the remaining four howitzers", "the last three Black Hawks") is never a candidate for the
  count delivered (the gold's is all of the order once the last part came, a part before it until then);
- a count of a fleet kept ("will go on operating 14 Gripen", "currently has four UH-60M") is marked so (`cue:kept`),
  and the fleet cues are weighed with the deal's status;
- one unit bought or to be given ("for the procurement of an S26T submarine", "will donate a Pohang-class corvette",
  "ordered a C-130J transport aircraft") is the deal's quantity, one, and nothing delivered (before this only one unit
  given was read so).
"""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract.dates import find_dates
from found import deal, record

REF = date(2024, 5, 10)


def _values(text: str) -> list[str]:
    return [d.value for d in find_dates(text, REF)]


@pytest.mark.parametrize("text, values", [
    ("The frigates are due between June and August 2019.", ["2019-06", "2019-08"]),
    ("Shipments went out between February and April 2021, the ministry said.", ["2021-02", "2021-04"]),
    ("Between September and October 2022 the yard launched both hulls.", ["2022-09", "2022-10"]),
])
def test_first_month_of_a_range_takes_the_year_of_the_second(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text, values", [
    ("The howitzers arrived in March, April and May 2017.", ["2017-03", "2017-04", "2017-05"]),
    ("Trials were held in January, February, and March 2020.", ["2020-01", "2020-02", "2020-03"]),
    ("Batches landed in July, August or September 2016.", ["2016-07", "2016-08", "2016-09"]),
    ("Crews trained from November, December and January 2020.", ["2019-11", "2019-12", "2020-01"]),
])
def test_every_month_of_a_list_shares_the_last_ones_year(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text, values", [
    ("The boats were handed over in June—August 2019.", ["2019-06", "2019-08"]),
    ("Acceptance tests ran from late 2018—early 2019.", ["2019-03"]),
    ("The delegation visited the plant on 24—26 July 2019.", ["2019-07-24"]),
    ("The radars arrive within two—three years.", ["2027"]),
])
def test_an_em_dash_joins_dates_as_a_hyphen_does(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text, platform, field, value", [
    ("Estonia ordered 12 K9 howitzers from South Korea, to be delivered by October, November or December 2026.", "K9",
     "expected_completion", "2026"),
    ("Lithuania signed for 18 Caesar howitzers from France in March, April or May 2022, sources said.", "Caesar",
     "signed", "2022-03"),
    ("Latvia signed a contract with Sweden for 20 Archer howitzers in January, February and March 2021.", "Archer",
     "signed", "2021-01"),
])
def test_deal_dates_from_a_list_of_months(text, platform, field, value):
    assert ((deal(text, platform, "2024-05-10")[field] or {}).get("value") or "").startswith(value)


@pytest.mark.parametrize("text, platform, quantity, delivered, signed", [
    ("Norway has received 20 K9 howitzers from South Korea under a 2017 order for 24.", "K9", 24, 20, "2017"),
    ("Romania received 12 F-16 fighters from Norway as part of an order for 32.", "F-16", 32, 12, None),
    ("Estonia received 18 CV90 vehicles from Sweden under its order for 44.", "CV90", 44, 18, None),
    ("Norway has taken delivery of 20 K9 howitzers from South Korea under an order for 24 placed in 2017.", "K9", 24,
     20, "2017"),
])
def test_an_order_a_delivery_is_part_of(text, platform, quantity, delivered, signed):
    deals = [d for d in record(text, "2024-05-10")["deals"] if d["platform"] == platform]
    assert len(deals) == 1  # no second deal opened for the order
    d = deals[0]
    assert d["quantity"]["max"] == quantity and d["delivered"]["max"] == delivered
    assert d["status"] == "in_delivery"
    assert (d["signed"] or {}).get("value") == signed


def _groups(text: str, field: str, published: str = "2024-05-10") -> list:
    from armsledger.extract import Extractor
    from armsledger.model import Article
    if not _EX:
        _EX.append(Extractor(model=False))
    groups: list = []
    _EX[0](Article(text=text, published=published), figures=groups)
    return [g for g in groups if g.field == field]


_EX: list = []


@pytest.mark.parametrize("text, last", [
    ("Norway ordered 24 K9 howitzers from South Korea in 2017. Twenty K9 howitzers were delivered in 2022 and the "
     "remaining four K9 howitzers arrived last month.", "four K9 howitzers"),
    ("Slovakia ordered nine Black Hawk helicopters from the United States. The last three Black Hawk helicopters "
     "have arrived in Presov.", "three Black Hawk helicopters"),
    ("Greece ordered 18 Rafale jets from France. The final batch of six Rafale jets landed at Tanagra on Monday.",
     "six Rafale jets"),
])
def test_the_last_part_of_an_order_is_no_delivered_count(text, last):
    assert record(text, "2024-05-10")["deals"]
    assert all(fig.text != last for g in _groups(text, "delivered") for fig in g.figures)


@pytest.mark.parametrize("text, fleet", [
    ("Hungary ordered four more Gripen jets from Sweden in 2024. Hungary will go on operating 14 Gripen jets until "
     "2035.", "14 Gripen jets"),
    ("Croatia ordered eight UH-60M helicopters from the United States. Croatia currently has four UH-60M helicopters.",
     "four UH-60M helicopters"),
    ("Ecuador bought six Super Tucano aircraft from Brazil; it continues to fly 18 Super Tucano aircraft.",
     "18 Super Tucano aircraft"),
])
def test_a_fleet_kept_is_marked_and_weighed_with_the_status(text, fleet):
    feats = [f for g in _groups(text, "quantity") for fig, f in zip(g.figures, g.feats) if fig.text.endswith(fleet)]
    assert feats and all("cue:kept" in f and any(x.startswith("x:") and x.endswith("&cue:kept") for x in f)
                         for f in feats)


@pytest.mark.parametrize("text, platform", [
    ("The Royal Thai Navy signed a contract with a Chinese shipyard for the procurement of an S26T diesel-electric "
     "submarine.", "S26T"),
    ("South Korea will donate a Pohang-class corvette to the Philippines.", "Pohang class"),
    ("Oman ordered a C-130J transport aircraft from the United States in 2010.", "C-130J"),
    ("Switzerland will buy a Patriot air defence system from the United States.", "Patriot"),
])
def test_one_unit_bought_is_the_quantity(text, platform):
    d = deal(text, platform, "2024-05-10")
    assert (d["quantity"]["min"], d["quantity"]["max"]) == (1, 1) and d["delivered"] is None


@pytest.mark.parametrize("text, platform", [
    ("Romania bought an undisclosed number of F-16 jets from Norway.", "F-16"),
    ("Croatia bought a second batch of Black Hawk helicopters from the United States.", "Black Hawk"),
    ("Poland ordered an additional 48 K9 howitzers from South Korea.", "K9"),
])
def test_no_single_unit_in_a_number_batch_or_count(text, platform):
    q = deal(text, platform, "2024-05-10")["quantity"]
    assert q is None or q["max"] != 1
