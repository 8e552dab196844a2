"""Deal rules on single sentences, as a reader would check them (no article wording is special)."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def deals_of(extractor, text: str, published: str = "2024-06-01") -> dict[str, dict]:
    return {d["platform"]: d for d in extractor(Article(text=text, published=published))["deals"]}


def test_items_listed_with_a_bought_platform_are_bought_too(extractor):
    deals = deals_of(extractor, "Under the contract, Hanwha will supply K9 howitzers to Egypt, along with K10 "
                                "ammunition resupply vehicles and K11 fire direction vehicles.")
    assert {"K9", "K10", "K11"} <= set(deals)
    assert {d["recipient"] for d in deals.values()} == {"EGY"}


def test_platforms_being_replaced_are_not_bought(extractor):
    deals = deals_of(extractor, "Poland will ask the United States to buy 32 F-35 fighter jets to replace its "
                                "MiG-29 and Su-22 aircraft.")
    assert set(deals) == {"F-35"}


def test_the_country_warned_is_the_buyer_not_the_one_warning(extractor):
    deals = deals_of(extractor, "Washington had made clear to Turkey on numerous occasions that buying the "
                                "Russian S-400 system would trigger sanctions.")
    assert deals["S-400"]["recipient"] == "TUR"


def test_a_delivery_still_expected_does_not_put_a_deal_in_delivery(extractor):
    deals = deals_of(extractor, "Greece signed a contract with France for three FDI frigates. The first ship is "
                                "expected to be delivered in 2025.")
    assert deals["FDI"]["status"] == "signed"


def test_memoranda_are_not_purchases(extractor):
    deals = deals_of(extractor, "Saudi Arabia signed memoranda of understanding with Russia on the purchase of "
                                "the S-400, though no contracts have yet been signed.")
    assert deals["S-400"]["status"] == "negotiating"


def test_sums_named_in_the_order_of_their_platforms_go_respectively(extractor):
    deals = deals_of(extractor, "India signed contracts with the United States for 24 MH-60R helicopters and six "
                                "AH-64E Apache helicopters. The contract for the MH-60R helicopters is worth "
                                "$2.6 billion, while the Apaches will cost $800 million.")
    assert deals["MH-60R"]["value"]["amount"] == pytest.approx(2.6e9)
    assert deals["AH-64E"]["value"]["amount"] == pytest.approx(8e8)


def test_a_count_the_order_included_is_a_part_not_the_order(extractor):
    deals = deals_of(extractor, "Greece signed for 18 Rafale jets from France in January 2021, in a deal that "
                                "included 12 second-hand jets.")
    assert deals["Rafale"]["quantity"]["max"] == 18


def test_the_signing_keeps_its_own_date(extractor):
    deals = deals_of(extractor, "Turkey took delivery of the S-400 batteries from Russia in the summer of 2019 under "
                                "a contract signed in 2017.", published="2020-12-14")
    assert deals["S-400"]["signed"]["value"] == "2017"


def test_a_first_batch_that_arrived_is_delivered_not_the_order(extractor):
    deals = deals_of(extractor, "Pakistan has acquired 25 J-10C fighter jets from China. The first batch of six "
                                "J-10C aircraft landed in the country on March 4.", published="2022-03-11")
    assert deals["J-10C"]["quantity"]["max"] == 25
    assert deals["J-10C"]["delivered"]["max"] == 6


def test_what_arrives_only_until_something_else_is_not_a_delivery(extractor):
    deals = deals_of(extractor, "Turkey signed a contract with Britain for 20 Eurofighter Typhoon jets. Ankara will "
                                "lease older jets until the new Eurofighter Typhoon jets arrive.")
    assert deals["Eurofighter Typhoon"]["status"] == "signed"


def test_each_seller_of_second_hand_jets_is_a_deal_of_its_own(extractor):
    deals = extractor(Article(text="Turkey signed contracts for 24 second-hand Eurofighter Typhoon jets from Qatar and "
                                   "Oman.", published="2025-11-01"))["deals"]
    assert sorted((d["supplier"], d["recipient"]) for d in deals) == [("OMN", "TUR"), ("QAT", "TUR")]


def test_a_shared_acronym_goes_to_the_country_the_article_is_about(extractor):
    text = ("MANILA, Philippines - The Philippines signed a contract with Korea Aerospace Industries for 12 more FA-50 "
            "jets. The PAF acquired its first 12 FA-50 jets from South Korea in 2014, Philippine officials said.")
    record = extractor(Article(text=text, published="2025-06-02"))
    assert {e["name"] for e in record["entities"] if e["kind"] == "organization"} >= {"Philippine Air Force"}
    assert {d["recipient"] for d in record["deals"]} == {"PHL"}
