"""Entities, session 24: defence trade shows are bodies (air shows stay places); a bare "Congress" told by what it is
informed of and after a sentence's edge; an armed service or a government named before its country ("the Navy of
Ghana", "the Government of Zambia").
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def found(rules, text: str, kind: str) -> set[str]:
    record = rules(Article(text=text, published="2025-06-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == kind}


@pytest.mark.parametrize("text, name", [
    ("Saab showed its new radar to Thai officers at DSEI in London last year.", "DSEI"),
    ("The two firms signed the howitzer deal at SOFEX in Amman on Tuesday.", "SOFEX"),
    ("Hanwha put its tank on show at the World Defense Show in Riyadh.", "World Defense Show"),
    ("A mock-up of the corvette drew crowds at Euronaval in Paris.", "Euronaval"),
])
def test_a_defence_exhibition_is_a_body(rules, text, name):
    assert name in found(rules, text, "organization")
    assert name not in found(rules, text, "location")


@pytest.mark.parametrize("text, name", [
    ("The tanker flew its first display at the Farnborough Airshow on Monday.", "Farnborough Airshow"),
    ("Embraer showed the transport at the Dubai Airshow last week.", "Dubai Airshow"),
])
def test_an_air_show_stays_a_place(rules, text, name):
    assert name in found(rules, text, "location")


@pytest.mark.parametrize("text", [
    "The State Department notified Congress of the proposed sale of 40 howitzers to Chile on Friday.",
    "The agency has informed Congress of the decision to sell eight radars to Kenya.",
    "Morocco is a close partner in North Africa. Congress was told of the request on Monday.",
    "When Congress approved the budget in May, the navy got four new patrol boats.",
])
def test_a_bare_congress_is_the_body(rules, text):
    assert "Congress" in found(rules, text, "organization")


@pytest.mark.parametrize("text, country", [
    # a US sale told from the buyer's side: the buyer is the report's country, the Congress is the US one
    ("Morocco wants the radars. Morocco is a close partner in North Africa. Congress was told of the request on "
     "Monday, Rabat said.", "USA"),
    ("Kenya will get eight radars. The agency has informed Congress of the decision to sell eight radars to Kenya, "
     "Nairobi said.", "USA"),
    # ... but a country with a congress of its own keeps it
    ("Peru will buy eight radars, the Peruvian defence ministry said. Congress must approve the budget, Lima said.",
     "PER"),
])
def test_a_bare_congress_is_of_its_country(rules, text, country):
    record = rules(Article(text=text, published="2025-06-01"))
    assert [e.get("country") for e in record["entities"] if e["name"] == "Congress"] == [country]


@pytest.mark.parametrize("text", [
    "The Congress of Colombia approved the purchase of the radars.",
    "The Indian National Congress criticised the deal in parliament.",
])
def test_a_congress_named_in_full_keeps_its_name(rules, text):
    assert "Congress" not in found(rules, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("Two patrol boats were handed to the Navy of Ghana on Tuesday.", "Navy of Ghana"),
    ("The trucks will go to the Armed Forces of Zambia next year.", "Armed Forces of Zambia"),
    ("The Army of Chile ordered ten more tanks from Germany.", "Army of Chile"),
    ("The radars will serve the Air Force of the Republic of Moldova.", "Air Force of the Republic of Moldova"),
])
def test_a_service_named_before_its_country(rules, text, name):
    assert name in found(rules, text, "organization")


def test_a_service_of_a_country_that_ends_a_body_is_not_one_of_its_own(rules):
    text = "The General Staff of the Armed Forces of Zambia said the trucks had arrived."
    assert "Armed Forces of Zambia" not in found(rules, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The Government of Zambia signed the contract for six patrol boats on Monday.", "Government of Zambia"),
    ("Officials thanked the Government of Japan for the radars it had given.", "Government of Japan"),
    ("The Federal Government of Nigeria has ordered twelve more trainers.", "Federal Government of Nigeria"),
])
def test_a_government_named_before_its_country(rules, text, name):
    assert name in found(rules, text, "organization")


def test_a_government_of_in_lower_case_is_no_name(rules):
    assert not found(rules, "The government of India signed the contract on Monday.", "organization")
