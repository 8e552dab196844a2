"""Session 29's review: the new entity rules keep off ordinary news. A designation no catalogue knows is a type only
in a sentence with a word of arms; fire brigades, police and cruise lines are no military units; a firm reporting
its results and a person told something are no outlets; kinds of state, universities, "River ..." shops, baseball
bases, history shows and a maker's civil arm are no places, shows or types; "the F-16 that the US provided" names
the type, not one jet. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article
from found import entities


@pytest.mark.parametrize("text", [
    "The company launched its new TX-880 laptop and the QV-42 camera on Monday.",
    "Flight LH-4410 from Frankfurt was diverted to Vienna.",
    "Roadworks closed the B-31 between the two towns for a week.",
    "The senate passed bill H-2210 on school meals.",
])
def test_an_unknown_designation_with_no_word_of_arms_is_no_platform(text):
    assert entities(text, "platform") == []


@pytest.mark.parametrize("text, name", [
    ("The navy will receive two KQ-310 next year.", "KQ-310"),
    ("The army ordered 40 Zr-12 for its border units.", "Zr-12"),
    ("The VX-59 will arm the new interceptors.", "VX-59"),
    ("The first two KW-500 entered service last week.", "KW-500"),
    ("The ZQ-12 was shown to U.S. Navy officers.", "ZQ-12"),
    ("The navy said Gen. Smith inspected the ZQ-14 on Monday.", "ZQ-14"),
])
def test_an_unknown_designation_beside_a_word_of_arms_stays_a_platform(text, name):
    assert name in entities(text, "platform")


@pytest.mark.parametrize("text", [
    "Crews of the Dublin Fire Brigade fought the blaze for hours.",
    "The Leeds Police Division opened an inquiry.",
    "Tourists filled the ships of the Caribbean Cruise Fleet.",
])
def test_city_services_and_cruise_lines_are_no_units(text):
    assert entities(text, "organization") == []


@pytest.mark.parametrize("text", [
    "Siemens reported higher orders; Nestle reported weaker sales.",
    "The carmaker Volvo reports earnings on Thursday.",
    "The governor told Mbeki on Monday that the road would reopen.",
])
def test_firms_reporting_results_and_people_told_are_no_outlets(text):
    assert not [n for n in entities(text, "organization", "category") if n == "news agency"]


@pytest.mark.parametrize("text, name", [
    ("Talks are close, Interfaxa reported on Monday.", "Interfaxa"),
    ("According to Novosti Balkana, the boats arrive in May.", "Novosti Balkana"),
    ("The minister told ERTV that the deal was done.", "ERTV"),
    ("Talks are close, Vestnika reported\nThe boats arrive in May.", "Vestnika"),
    ('Vestnika reported: "the boats arrive in May."', "Vestnika"),
    ("Vestnika reported Monday that the boats arrive.", "Vestnika"),
    ("The minister told the Kommersanta that the deal was near.", "Kommersanta"),
])
def test_outlets_by_what_they_report_stay(text, name):
    assert name in entities(text, "organization")


@pytest.mark.parametrize("text", [
    "She graduated from Penn State before joining the firm.",
    "The rule applies in the Member State concerned.",
    "River Phoenix films were shown at the festival.",
    "He reached 2nd Base on a wild pitch.",
    "The 21st Century Base Camp opens to climbers in May.",
])
def test_kinds_of_state_shops_and_ballparks_are_no_places(text):
    assert entities(text, "location") == []


def test_a_river_after_the_stays_a_place():
    assert "River Velika" in entities("The bridge over the River Velika was closed.", "location")


@pytest.mark.parametrize("text", [
    "The Military History Expo opened at the city hall.",
    "The Museum of Military Aviation Expo drew families on Sunday.",
])
def test_history_shows_are_no_trade_shows(text):
    assert "exhibition" not in entities(text, "organization", "category")


def test_a_makers_civil_arm_is_no_type():
    assert entities("Airbus Commercial Aircraft posted results on Tuesday.", "platform") == []


def test_one_ship_set_apart_by_a_comma_is_one_unit(extractor):
    rec = extractor(Article(text="The Meko A-200 frigate, which Germany supplied to Egypt, arrived in Alexandria on Monday.",
                            published="2025-06-01"))
    assert [(d["quantity"]["min"], d["delivered"]["min"]) for d in rec["deals"]] == [(1.0, 1.0)]


def test_the_type_a_country_provided_is_not_one_unit():
    ex = Extractor(model=False)
    rec = ex(Article(text="Officials praised the F-16 that the United States provided to Pakistan in 2019.",
                     published="2025-06-01"))
    assert all(d.get("quantity") is None and d.get("delivered") is None for d in rec["deals"])


@pytest.mark.parametrize("text", [
    "Qatar ordered 24 Apache helicopters from the United States. Another batch of Apache helicopters was delivered to "
    "Qatar this week.",
    "Poland ordered 96 Apache helicopters from the United States. Another batch of Apache helicopters was delivered to "
    "Poland on Friday.",
    "Romania ordered 54 Abrams tanks from the United States. A further batch of Abrams tanks was delivered to Romania on Monday.",
])
def test_the_count_ordered_is_not_the_count_delivered(extractor, text):
    """The learned figures: a count after "ordered" or "an order for" is the order's, never what has arrived (the
    deal is in delivery, not completed)."""
    rec = extractor(Article(text=text, published="2025-06-01"))
    assert [d["status"] for d in rec["deals"]] == ["in_delivery"]
    assert all((d.get("delivered") or {}).get("min") != d["quantity"]["min"] for d in rec["deals"])
