"""Deal fields (session 31), in sentences written for these tests:
- months told in a list or a run, the year once after the last ("between June and August 2019", "March, April and
  May 2017", "from November, December and January 2020"): every month takes that year (a month later in the year than
  the one after it, the year before); before this the first of "between June and August" read as no date at all and
  the middle of a list of three as none either, so the first took the report's year;
- an em dash joins two dates as a hyphen or an en dash does ("June—August 2019", "late 2018—early 2019", "24—26 July");
- an order named as what a delivery is part of ("has received 20 K9 howitzers under a 2017 order for 24", "as part of
  an order for 32") is that deal's quantity, not an order of its own listed: before this the rules opened it as a
  signed order, the sentence's delivery was lost and the deal read signed.
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
