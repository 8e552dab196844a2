"""Session 30, events: a receiving of no goods (an order, a contract, money, a letter, offers, a guest) is no
delivery; a delivery told as what was meant or supposed to happen is the plan it missed; a signing only supposed ("if
a contract is signed", "unless Lima signs") is no signing; "ordered a review / an investigation" is a command, no
purchase. On sentences written for the test; each beside a sentence of the same shape that stays what it tells."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

PUBLISHED = "2024-06-05"
_RULES: list[Extractor] = []


def candidate_types(extractor, text: str) -> set[str]:
    """The types of every event candidate of a text (the rules' events and the proposals the model weighs)."""
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return {e["type"] for e in record["events"]}


def rule_types(text: str) -> set[str]:
    """The types of the rules' own events (no model) of a text."""
    if not _RULES:
        _RULES.append(Extractor(model=False))
    return {e["type"] for e in _RULES[0](Article(text=text, published=PUBLISHED))["events"]}


@pytest.mark.parametrize("text", [
    "Officials said India received its first ever export order for the BrahMos missiles on Friday.",
    "Hanwha has received a further contract for K9 howitzers from the Estonian army.",
    "The drone maker had received $40 million from Azerbaijan last year for Harop drones.",
    "Saab received the acceptance letter for the Gripen jets from the Thai air force in May.",
    "Peru has received offers of F-16 jets from the United States and Gripen jets from Sweden.",
    "Trump welcomed Modi when he received him at the White House on Monday.",
])
def test_receiving_no_goods_is_no_delivery(extractor, text):
    assert "DELIVERY" not in candidate_types(extractor, text)
    goods = "The Kenyan air force received the first MD 530F helicopter from the United States in May."
    assert "DELIVERY" in rule_types(goods)


@pytest.mark.parametrize("text", [
    "The frigate from Germany was first meant to arrive in Egypt last month.",
    "The Chinese submarine was supposed to be delivered to Thailand in 2023.",
    "The K2 tanks from Poland were meant to reach Ukraine in March.",
])
def test_a_delivery_meant_to_happen_is_the_plan_it_missed(extractor, text):
    assert "DELIVERY" not in candidate_types(extractor, text)
    assert "DELIVERY" in rule_types("The frigate from Germany arrived in Egypt last month.")


@pytest.mark.parametrize("text", [
    "If a contract with the Bolivian defence ministry is signed, Russia is expected to supply Bolivia with 20 Yak-130 jets.",
    "Unless Lima signs the contract this year, Korea will offer the K2 tanks to Chile.",
    "If Bogota signed the contract for the Gripen jets with Sweden today, the first would arrive in 2026.",
])
def test_a_supposed_signing_is_no_signing(text):
    assert "DEAL_SIGNED" not in rule_types(text)
    assert "DEAL_SIGNED" in rule_types("Bogota signed the contract for the Gripen jets with Sweden on Monday.")


@pytest.mark.parametrize("text", [
    "Last week the Canadian government ordered a review of the Bell 412 helicopter deal with the Philippines.",
    "In May the Indian defence ministry ordered an inquiry into the Mi-17 helicopter deal with Russia.",
])
def test_an_ordered_review_is_no_purchase(text):
    assert "DEAL_SIGNED" not in rule_types(text)
    assert "DEAL_SIGNED" in rule_types("In May the Indian defence ministry ordered 48 Mi-17 helicopters from Russia.")


def candidate_dates(extractor, text: str) -> set[str | None]:
    """The date values of every event candidate of a text."""
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return {(e["date"] or {}).get("value") for e in record["events"]}


@pytest.mark.parametrize("text, month", [
    ("Delivery of the Leopard tanks from Germany to Lithuania is expected in March and April 2019.", "2019-03"),
    ("The patrol boats from France will arrive in Senegal in February or March 2021.", "2021-02"),
    ("The helicopters from Russia were delivered to Mali in July to September 2022.", "2022-07"),
])
def test_a_month_takes_the_year_of_the_month_joined_to_it(extractor, text, month):
    dates = candidate_dates(extractor, text)
    assert month in dates
    assert not any(d and d.endswith(month[4:]) and d != month for d in dates)  # not the report's year's month


@pytest.mark.parametrize("text", [
    "Signs of F-16 jets being moved from the United States to Ukraine came to light last week.",
    "Final contracts for the F-35 jets from the United States are unlikely to be signed before next year, Romania said.",
    "The contract for the Rafale jets from France is unlikely to be concluded this year, Greece said.",
])
def test_a_sign_noun_or_an_unlikely_signing_is_no_signing(text):
    assert "DEAL_SIGNED" not in rule_types(text)
    assert "DEAL_SIGNED" in rule_types("Poland signs contract for 96 Apache helicopters from the United States.")


@pytest.mark.parametrize("text", [
    "Canadian firms have picked up $350 million in work on the F-35 programme from the United States.",
    "Turkish companies picked up orders worth $200 million for parts of the F-35 jets.",
])
def test_picked_up_is_no_choice(text):
    assert not {"EVALUATION", "NEGOTIATION"} & rule_types(text)
    assert "EVALUATION" in rule_types("Croatia has picked the Rafale jets from France.")
