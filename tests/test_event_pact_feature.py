"""Whether a sentence signs a pact, a memorandum or a framework rather than a purchase is a feature of the event
model, with the type of the event weighed (an AGREEMENT more likely, a DEAL_SIGNED less). On sentences written for
the test."""
from __future__ import annotations

import pytest

from armsledger.extract import events_decide
from armsledger.extract.events import Event
from armsledger.model import Article


def feats(extractor, text: str, type_: str) -> set[str]:
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published="2024-06-05"), text)
    return events_decide.features(Event(type_, "occurred", None, countries=["CZE", "SWE"], clause=0), clauses)


@pytest.mark.parametrize("text", [
    "The Czech Republic has signed a memorandum with Sweden on the supply of CV90 vehicles.",
    "Hyundai Rotem said it has signed a comprehensive cooperation agreement with Peru on K2 tanks.",
    "India and Bangladesh signed a framework agreement for the $500 million line of credit.",
    "The two ministers signed a defence cooperation agreement with Kenya on Tuesday.",
])
def test_a_signed_pact_is_marked(extractor, text):
    assert "type&signs_pact:DEAL_SIGNED" in feats(extractor, text, "DEAL_SIGNED")
    assert "type&signs_pact:AGREEMENT" in feats(extractor, text, "AGREEMENT")


@pytest.mark.parametrize("text", [
    "Poland has signed a contract with South Korea for 180 K2 tanks.",
    "The Czech Republic signed a deal to buy 24 F-35 jets from the United States.",
    "Sweden and the Czech Republic held talks on a memorandum.",  # a memorandum, but nothing signed
])
def test_a_signed_purchase_is_not(extractor, text):
    assert not any(f.startswith("type&signs_pact:") for f in feats(extractor, text, "DEAL_SIGNED"))
