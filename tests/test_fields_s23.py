"""Deal fields, session 23: a supplier government's approval of a sale in the words news uses for it is an offer,
not a hedge (`triggers.yaml`, deal `offer`; `deals.DealFinder._claim`), and a bare dollar in a report from a country
with a dollar of its own is that country's dollar (`values.home_dollar`). Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform", [
    ("The State Department approves possible sale of 16 F-16 fighter jets to Slovakia, in a package worth $1.8 "
     "billion, the Pentagon said on Monday.", "F-16"),
    ("Washington approves potential sale of 30 Stryker vehicles to Kenya. The package is valued at $250 million, "
     "the Defense Security Cooperation Agency said.", "Stryker"),
    ("The State Department has approved a possible $1.7 billion sale of 12 MH-60R helicopters to Chile, the "
     "Pentagon said.", "MH-60R"),
    ("The United States authorizes possible sale of eight CH-47F Chinook helicopters to Morocco, in a package worth "
     "$600 million.", "CH-47F"),
    ("The US administration approved two possible arms sales to Lithuania on Friday, including 8 HIMARS launchers "
     "worth $495 million.", "HIMARS"),
    ("The State Department has given its approval to a potential sale to Bulgaria of 90 Abrams tanks, at an "
     "estimated cost of $1.5 billion.", "Abrams"),
    ("US approves $3.5 billion F-16 sale to Peru. The State Department notified lawmakers of the package of 24 F-16 "
     "jets on Tuesday.", "F-16"),
])
def test_an_approved_sale_is_an_offer_not_a_hedge(rules_deal, text, platform):
    deal = rules_deal(text, platform)
    assert (deal["status"], deal["hedged"]) == ("offered", False)


def test_a_hedge_outside_the_approval_still_hedges(rules_deal):
    deal = rules_deal("The State Department could approve the possible sale of 12 F-16 jets to Peru next month, "
                      "officials said.", "F-16")
    assert (deal["status"], deal["hedged"]) == ("offered", True)


@pytest.mark.parametrize("text, platform, currency", [
    ("OTTAWA - Canada has signed a $2.4 billion contract with Airbus for 16 C295 search and rescue aircraft, the "
     "Canadian defence minister said on Thursday. The Royal Canadian Air Force will take the first aircraft in "
     "Canada in 2019.", "C-295", "CAD"),
    ("WELLINGTON - New Zealand signed a contract worth $1.5 billion for four P-8A Poseidon aircraft from the United "
     "States, the New Zealand defence minister said. The aircraft will replace New Zealand's ageing fleet.", "P-8",
     "NZD"),
    ("CANBERRA - Australia has ordered 30 K9 howitzers from South Korea for $1 billion, the Australian government "
     "said. The Australian Army will receive the guns in Australia from 2025.", "K9", "AUD"),
])
def test_a_bare_dollar_of_a_home_purchase_is_the_home_dollar(rules_deal, text, platform, currency):
    assert rules_deal(text, platform)["value"]["currency"] == currency


@pytest.mark.parametrize("text, platform", [
    # a US sale's paperwork named: the US dollar
    ("OTTAWA - The State Department approved the sale of 88 F-35 jets to Canada worth $19 billion. Canada expects "
     "the first jets in Canada in 2026, the Canadian defence minister said.", "F-35"),
    # the sum in brackets after the home dollar: a conversion
    ("CANBERRA - Australia has ordered 30 K9 howitzers from South Korea for A$1 billion ($700 million), the "
     "Australian government said. The Australian Army will receive the guns in Australia from 2025.", "K9"),
])
def test_a_bare_dollar_stays_the_us_dollar_where_the_report_says_so(rules_deal, text, platform):
    value = rules_deal(text, platform)["value"]
    assert value["currency"] == ("AUD" if "A$" in text else "USD")


def test_a_us_dollar_conversion_in_brackets_leaves_the_home_dollar(extractor):
    from armsledger.model import Article
    text = ("CANBERRA - Australia will buy 40 Black Hawk helicopters from the United States for $1 billion "
            "(US$700 million), the Australian defence minister said. Australia will also spend $200 million on "
            "spares for the Black Hawk fleet.")
    deal = next(d for d in extractor(Article(text=text, published="2024-06-01"))["deals"] if d["recipient"] == "AUS")
    assert deal["value"]["currency"] == "AUD"
    assert all(v["currency"] == "AUD" for v in deal.get("values") or [])
