"""Session 31, events: a trigger phrase whose optional words end in a space fired only when those words were there
("received the first", never "received 24 tanks"; "has picked" never before "the Gripen"): the receiving is a
delivery and the choice a purchase considered, whatever word follows. A choice ("has picked", "was selected as
preferred bidder") is an evaluation, told by the EVALUATION trigger on the same words, not a negotiation. On
sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.extract.context import lexicon
from armsledger.model import Article
from test_events_s30 import candidate_types

PUBLISHED = "2024-06-05"
_RULES: list[Extractor] = []


def _rules() -> Extractor:
    if not _RULES:
        _RULES.append(Extractor(model=False))
    return _RULES[0]


def deal_kinds(text: str) -> set[str]:
    """The kinds of the deal triggers of a sentence."""
    return {t.kind for t in lexicon().find(text, 0) if t.group == "deal"}


def rules_record(text: str) -> dict:
    return _rules()(Article(text=text, published=PUBLISHED))


@pytest.mark.parametrize("text, when", [
    ("Egypt received 24 T-90 tanks from Russia on Monday.", "2024-06-03"),
    ("The Nigerian air force received two JF-17 jets from Pakistan in March.", "2024-03"),
    ("Morocco received 36 AH-64 Apache helicopters from the United States in 2023.", "2023"),
])
def test_received_with_a_count_is_a_delivery(text, when):
    assert "deliver" in deal_kinds(text)
    events = [e for e in rules_record(text)["events"] if e["type"] == "DELIVERY"]
    assert events, text
    assert events[0]["date"]["value"] == when
    assert events[0]["status"] == "occurred"


def test_received_the_first_still_reads_its_ordinal():
    found = [t.text for t in lexicon().find("Egypt received the first T-90 tanks in May.", 0) if t.kind == "deliver"]
    assert found == ["received the first"]


@pytest.mark.parametrize("text", [
    "Thailand has picked the Gripen as its new fighter, the air force said on Monday.",
    "Croatia picked the Rafale for its air force in May 2021.",
    "The Czech army has chosen the Leopard 2A8 to replace its T-72 tanks.",
])
def test_a_choice_is_a_purchase_considered_and_an_evaluation(text):
    assert "consider" in deal_kinds(text)
    record = rules_record(text)
    assert [d["status"] for d in record["deals"]] == ["considered"]
    types = {e["type"] for e in record["events"]}
    assert "EVALUATION" in types
    assert "NEGOTIATION" not in types


@pytest.mark.parametrize("text", [
    "Peru has selected the K2 tank for its army, the ministry said on Monday.",
    "The Spike missiles were chosen over the Javelin by the Indian army in 2014.",
    "Colombia has picked the Gripen over the F-16 for its air force.",
])
def test_a_choice_makes_no_negotiation_candidate(extractor, text):
    types = candidate_types(extractor, text)
    assert "EVALUATION" in types
    assert "NEGOTIATION" not in types
    talks = "Poland is negotiating with South Korea on buying more K2 tanks, officials said on Monday."
    assert "NEGOTIATION" in candidate_types(extractor, talks)
