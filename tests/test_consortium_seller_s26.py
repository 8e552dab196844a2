"""The seller of a consortium's platform (session 26), in sentences written for these tests.

A platform several countries build (`partners` in the catalogue) is sold by the member the report names; but the
maker's own company speaks for the lead member, not for the country of its seat ("Airbus Defence and Space" of the
A400M: Spain, where it is assembled), and where the report names the lead member among others, the lead sells (the
others are often named as buyers: "Germany and France fly the A400M"). The Eurofighter's lead is Britain, whose BAE
Systems sells it abroad (the training gold names Britain the seller of 13 of its 21 export deals, Germany of 1).
Rules alone, so that no refit moves them.
"""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def deals():
    rules = Extractor(model=False)

    def run(text: str) -> set[tuple[str, str, str]]:
        rec = rules(Article(text=text, url="http://example.org/a", title="t", published="2025-04-02"))
        return {(d["supplier"], d["recipient"], d["platform"]) for d in rec["deals"]}
    return run


@pytest.mark.parametrize("text, expected", [
    # the maker's company names the lead member
    ("Airbus Defence and Space said on Monday that Malaysia has ordered four more A400M airlifters.",
     ("ESP", "MYS", "A400M")),
    ("Airbus Defence and Space delivered the first A400M transport aircraft to Indonesia last week.",
     ("ESP", "IDN", "A400M")),
    # the lead member named with another member (a buyer) in the report
    ("Germany and Spain already fly the type. Kazakhstan has signed a contract for two A400M transport aircraft, "
     "the ministry said.", ("ESP", "KAZ", "A400M")),
    # no member named: the Eurofighter's lead
    ("Saudi Arabia signed a contract for 48 more Eurofighter Typhoon jets, officials said.",
     ("GBR", "SAU", "Eurofighter Typhoon")),
    ("Oman received the last of its 12 Eurofighter Typhoon jets on Tuesday.", ("GBR", "OMN", "Eurofighter Typhoon")),
])
def test_lead_member_sells(deals, text, expected):
    assert expected in deals(text)


@pytest.mark.parametrize("text, expected", [
    # a member named in the platform's sentence, not the lead, still sells
    ("Kuwait signed a contract with Italy for 28 Eurofighter Typhoon jets.", ("ITA", "KWT", "Eurofighter Typhoon")),
    ("Austria bought 15 Eurofighter Typhoon jets from Germany in 2003.", ("DEU", "AUT", "Eurofighter Typhoon")),
])
def test_named_member_sells(deals, text, expected):
    assert expected in deals(text)
