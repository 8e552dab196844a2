"""A country's name before a dollar amount names the currency, not the country (session 26), in sentences written
for these tests: "worth €1.2 billion (U.S. $1.3 billion)" is no mention of the United States, so neither a party to a
deal nor an entity of the report. A name with no amount after it stays ("the U.S. sold ...", "U.S. officials")."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def run():
    rules = Extractor(model=False)

    def go(text: str) -> tuple[set, set]:
        rec = rules(Article(text=text, url="http://example.org/a", title="t", published="2025-04-02"))
        return ({(d["supplier"], d["recipient"], d["platform"]) for d in rec["deals"]},
                {e.get("country") for e in rec["entities"] if e["kind"] == "country"})
    return go


@pytest.mark.parametrize("text", [
    "Fincantieri signed a contract to supply Indonesia with two PPA ships. The deal, worth €1.2 billion (U.S. $1.3 "
    "billion), was signed in Rome.",
    "Seoul's contract with Warsaw, put at 3.4 trillion won (US $2.6 billion), covers 180 K2 tanks.",
    "Greece ordered three Belharra frigates from France in a deal of about €3 billion, or U.S.$3.3 billion.",
    "The ministry will pay €900 million (U.S. $ 980 million) for the CAESAR howitzers, Lithuania said.",
])
def test_a_country_before_a_dollar_amount_is_no_mention(run, text):
    _, countries = run(text)
    assert "USA" not in countries


@pytest.mark.parametrize("text", [
    "The U.S. approved the sale of 12 F-16 jets to Jordan for $400 million.",
    "U.S. officials said the US will sell Patriot missiles to Poland.",
])
def test_a_country_with_no_amount_after_it_stays(run, text):
    _, countries = run(text)
    assert "USA" in countries
