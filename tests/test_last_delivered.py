"""The last of an order delivered completes it (`status._LAST_DONE`), and money written with the wire services'
scales ("$4 bln", "1.5 trln won") keeps its scale (`numbers.SCALES`). Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract.values import find_money


@pytest.mark.parametrize("text, platform", [
    ("Lithuania ordered eight Leopard 2 tanks from Germany in 2021, and the first four arrived in 2023. Germany has now "
     "handed over the last of the Leopard 2 tanks to Lithuania.", "Leopard 2"),
    ("Peru bought four Mi-17 helicopters from Russia in 2020, and the first arrived in 2022. Russia delivered the final "
     "two of the Mi-17 helicopters to Peru on Monday.", "Mi-17"),
    ("Greece ordered six Rafale jets from France in 2021, and the first two arrived last year. The sixth and last "
     "Rafale for the Hellenic Air Force has been delivered, the ministry said.", "Rafale"),
    ("Egypt ordered four MEKO A-200 frigates from Germany in 2019, and the first arrived in 2022. Germany has "
     "completed delivery of the MEKO A-200 frigates to Egypt.", "MEKO"),
])
def test_the_last_of_an_order_delivered_completes_it(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "completed"


@pytest.mark.parametrize("text, platform", [
    # the last still to come, or "last" of a time
    ("Germany ordered eight Leopard 2 tanks for Lithuania in 2021, and the first four arrived in 2023. Germany will "
     "hand over the last of the Leopard 2 tanks to Lithuania next year.", "Leopard 2"),
    ("Peru bought four Mi-17 helicopters from Russia in 2020. The first two Mi-17 helicopters were delivered to Peru "
     "last month, and the last two are due in 2025.", "Mi-17"),
    ("Greece ordered six Rafale jets from France in 2021. The first Rafale was delivered last year, and the final "
     "batch is expected to be delivered in 2026.", "Rafale"),
])
def test_a_last_part_still_to_come_leaves_the_delivery_under_way(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] != "completed"


@pytest.mark.parametrize("text, amount, currency", [
    ("The package, worth $23 bln, includes missiles.", 23e9, "USD"),
    ("Athens will pay $8.6 bln for the jets.", 8.6e9, "USD"),
    ("a contract worth 1.5 trln won", 1.5e12, "KRW"),
    ("a deal of EUR 2 bln for the frigates", 2e9, "EUR"),
])
def test_money_keeps_the_wire_services_scales(text, amount, currency):
    m = find_money(text)
    assert [(x.amount, x.currency) for x in m] == [(amount, currency)]
