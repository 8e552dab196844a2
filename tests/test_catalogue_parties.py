"""Political parties a report names when a parliament votes on a purchase or a minister is challenged, by their name,
short name or acronym: "the Tories", "Labor", "the SNP", "Georgian Dream", "Law and Justice (PiS)". Sentences are
written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> dict[str, str]:
    return {e["name"]: e.get("category") for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, party", [
    ("The Tories accused the government of delaying the frigate order.", "Tories"),
    ("Conservatives in parliament backed the purchase of the F-35 jets.", "Conservatives"),
    ("Labor promised to buy more submarines if it won the election.", "Labor"),
    ("Republicans in the Senate held up the sale of the F-16s to Turkey.", "Republicans"),
    ("The SNP opposed the renewal of the Trident submarines.", "SNP"),
    ("The NDP and the Bloc Quebecois voted against the F-35 purchase.", "NDP"),
    ("Georgian Dream said the helicopters would be bought from France.", "Georgian Dream"),
    ("Smer wants to stop the delivery of MiG-29 jets to Ukraine.", "Smer"),
    ("The CNRP called the purchase of Chinese rifles a waste.", "CNRP"),
    ("Law and Justice (PiS) signed the K2 tank deal before the election.", "Law and Justice"),
])
def test_a_party_is_an_organisation(extractor, text, party):
    found = organisations(extractor, text)
    assert party in found or any(party in n for n in found)


def test_the_party_is_a_political_party(extractor):
    found = organisations(extractor, "The Awami League government ordered two frigates from China.")
    assert found.get("Awami League") == "political party"
