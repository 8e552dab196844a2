"""A signing told by phrasings other than "signed": a date between the verb and the purchase ("agreed in March 2019
to buy"), a purchase agreed on, an order "contracted for", and an accord named by its year ("under a 2016
agreement"). Each gives the deal its status and its signing date.

The sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules_only() -> Extractor:
    return Extractor(model=False)


def _deal(extractor: Extractor, text: str, platform: str) -> dict:
    deals = {d["platform"]: d for d in extractor(Article(text=text, published="2025-03-01"))["deals"]}
    assert platform in deals, deals
    return deals[platform]


@pytest.mark.parametrize("text, platform, status, signed", [
    ("Egypt agreed in March 2019 to buy 24 Rafale jets from France.", "Rafale", "signed", "2019-03"),
    ("Greece agreed last year to purchase 18 Rafale jets from France.", "Rafale", "signed", "2024"),
    ("Peru agreed in 2021 to acquire eight Mi-17 helicopters from Russia.", "Mi-17", "signed", "2021"),
    ("Norway and Germany agreed in May 2021 on the purchase of six Type 212CD submarines.", "Type 212CD",
     "signed", "2021-05"),
    ("Hungary agreed on the purchase of 44 Leopard 2A7 tanks from Germany in December 2018.", "Leopard 2A7",
     "signed", "2018-12"),
    ("Qatar contracted with Dassault in 2015 for 24 Rafale jets from France.", "Rafale", "signed", "2015"),
    ("The jets are the last of the 24 Rafale that Egypt contracted for with Dassault in March 2019.", "Rafale",
     None, "2019-03"),
    ("Indonesia abandoned a 2018 agreement to buy 11 Russian Su-35 jets.", "Su-35", "cancelled", "2018"),
    ("India received its first Rafale jets from France under a 2016 agreement worth 7.87 billion euros.", "Rafale",
     None, "2016"),
    ("Under its 2014 contract with Korea Aerospace Industries, the Philippines received 12 FA-50 jets.", "FA-50",
     None, "2014"),
])
def test_a_signing_told_without_signed_dates_the_deal(rules_only, text, platform, status, signed):
    deal = _deal(rules_only, text, platform)
    if status:
        assert deal["status"] == status
    assert (deal["signed"] or {}).get("value") == signed


@pytest.mark.parametrize("text, platform", [
    ("Serbia agreed to consider buying 12 Rafale jets from France in 2026.", "Rafale"),
    ("Peru agreed in 2021 to study the purchase of eight Mi-17 helicopters from Russia.", "Mi-17"),
])
def test_an_accord_to_weigh_a_purchase_is_no_signing(rules_only, text, platform):
    deals = {d["platform"]: d for d in rules_only(Article(text=text, published="2025-03-01"))["deals"]}
    if platform in deals:
        assert deals[platform]["status"] != "signed" and deals[platform]["signed"] is None


@pytest.mark.parametrize("text, platform", [
    ("In March, India signed a framework agreement with the Philippines, which later bought BrahMos missiles from "
     "India.", "BrahMos"),
    ("In December 2014 the US president signed into law a bill authorizing the sale of four Perry-class frigates to "
     "Taiwan.", "Perry-class"),
    ("In August the president signed a defense bill that halts the delivery of F-35 jets to Turkey.", "F-35"),
    ("This month Britain and Norway signed an agreement to strengthen naval ties; Norway is buying Type 26 frigates "
     "from Britain.", "Type 26"),
    ("Russian experts visited under the agreement on military-technical cooperation signed in November 2016, and "
     "Uzbekistan bought 12 Mi-35 helicopters from Russia.", "Mi-35"),
    ("Iran, which signed the 2015 nuclear deal, bought Su-35 jets from Russia.", "Su-35"),
])
def test_the_date_of_a_law_or_an_accord_signed_is_not_the_purchase_s(rules_only, text, platform):
    assert _deal(rules_only, text, platform)["signed"] is None


@pytest.mark.parametrize("text, platform, signed", [
    ("Greece signed a contract in March 2021 for 18 Rafale jets from France.", "Rafale", "2021-03"),
    ("In July 2022 Poland signed a deal with Korea for 180 K2 tanks.", "K2", "2022-07"),
    ("The contract for 12 FA-50 jets was signed with Korea in 2014, the Philippines said.", "FA-50", "2014"),
])
def test_the_date_of_a_purchase_signed_stays(rules_only, text, platform, signed):
    assert (_deal(rules_only, text, platform)["signed"] or {}).get("value") == signed


@pytest.mark.parametrize("text, platform, completion", [
    ("Greece signed a contract with France for three Belharra frigates. The first ship is expected to be delivered in "
     "2025 and the remaining two by the end of 2026.", "Belharra", "2026"),
    ("India signed a contract with the United States for 24 MH-60R helicopters. The first helicopters are expected to "
     "be delivered in 2021 and the entire batch by 2025.", "MH-60R", "2025"),
    ("Greece bought 24 Rafale jets from France. The first six jets arrive in 2022 and the rest by 2023.", "Rafale",
     "2023"),
    ("Greece bought 24 Rafale jets from France. The first six arrive in 2022 and the remaining jets are due by 2023.",
     "Rafale", "2023"),
    ("Greece bought 24 Rafale jets from France. The jets are due by 2023.", "Rafale", "2023"),
])
def test_the_date_of_the_rest_of_an_order_after_a_first_batch_is_its_completion(rules_only, text, platform, completion):
    got = (_deal(rules_only, text, platform)["expected_completion"] or {}).get("value") or ""
    assert got.startswith(completion)


@pytest.mark.parametrize("text, platform", [
    ("Spain ordered 20 Eurofighter jets from Germany. The first four jets are expected in 2026.",
     "Eurofighter Typhoon"),
    ("Greece bought 24 Rafale jets from France. The first six jets arrive in 2022 and further jets in 2023.", "Rafale"),
])
def test_the_date_of_a_first_batch_alone_is_no_completion(rules_only, text, platform):
    assert _deal(rules_only, text, platform)["expected_completion"] is None


@pytest.mark.parametrize("text, platform, signed", [
    ("Industry sources said on February 14 that Korea signed a government-to-government contract in January to "
     "supply Vietnam with 20 K9 howitzers.", "K9", "2025-01"),
    ("Officials said on February 2 that India had signed a contract in January for 26 Rafale M jets from France.",
     "Rafale M", "2025-01"),
    ("The news agency reported on Monday that Pakistan had signed a deal with China for 48 Wing Loong II drones.",
     "Wing Loong II", None),
    ("The ministry said on Monday that Pakistan had already ordered 48 Wing Loong II drones from China.",
     "Wing Loong II", None),
])
def test_the_date_of_a_report_does_not_date_a_signing_it_tells_of(rules_only, text, platform, signed):
    assert (_deal(rules_only, text, platform)["signed"] or {}).get("value") == signed


def test_a_signing_reported_the_same_day_keeps_the_report_s_date(rules_only):
    deal = _deal(rules_only, "Pakistan signed a deal with China for 48 Wing Loong II drones, the ministry said on "
                             "Monday.", "Wing Loong II")
    assert deal["signed"]["value"] == "2025-02-24"
