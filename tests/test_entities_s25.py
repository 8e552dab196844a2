"""Entities, session 25: a capital given to, relied on, sanctioned, told or selling is its government, not a place
("more shells for Kyiv", "sanctions on Tehran", "offered by Washington"), and so are two capitals acting together
("Tokyo and Canberra intend"); a defence ministry by its initials is the report's own or the one named before it
("the Dutch MoD", "the MoD said"), never the British one by default; the US Foreign Military Sales programme is no body.
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def record(rules, text: str) -> dict:
    return rules(Article(text=text, published="2025-06-01"))


def names(rec: dict, kind: str) -> set[str]:
    return {e["name"] for e in rec["entities"] if e["kind"] == kind}


@pytest.mark.parametrize("text, country, city", [
    ("Norway said it would send Kyiv another batch of artillery shells before the winter.", "Ukraine", "Kyiv"),
    ("The Dutch package includes radar spares for vehicles already transferred to Kyiv.", "Ukraine", "Kyiv"),
    ("Oslo announced a fresh aid package for Kyiv worth 200 million crowns on Friday.", "Ukraine", "Kyiv"),
    ("Spain has supplied Kiev with four more launchers, its minister said.", "Ukraine", "Kiev"),
    ("The sale would help Hanoi depend less on Moscow for its warships.", "Russia", "Moscow"),
    ("The European Union kept its sanctions on Tehran after the drone shipments.", "Iran", "Tehran"),
    ("The corvettes were ordered by Manila in 2021 from a Korean yard.", "Philippines", "Manila"),
    ("The first arms sales from Washington to Taipei this year include torpedoes.", "United States", "Washington"),
    ("The builder told Buenos Aires that the engines could not be exported.", "Argentina", "Buenos Aires"),
])
def test_a_capital_given_to_or_selling_is_its_government(rules, text, country, city):
    rec = record(rules, text)
    assert country in names(rec, "country")
    assert city not in names(rec, "location")


@pytest.mark.parametrize("text, countries, cities", [
    ("Officials say Tokyo and Canberra intend to build the frigates together.", {"Japan", "Australia"},
     {"Tokyo", "Canberra"}),
    ("Last month Dhaka and Moscow signed an accord on training pilots.", {"Bangladesh", "Russia"},
     {"Dhaka", "Moscow"}),
    ("Ottawa and Oslo have agreed to share the cost of the patrol ships.", {"Canada", "Norway"}, {"Ottawa", "Oslo"}),
])
def test_two_capitals_acting_together_are_governments(rules, text, countries, cities):
    rec = record(rules, text)
    assert countries <= names(rec, "country")
    assert not cities & names(rec, "location")


@pytest.mark.parametrize("text, name", [
    ("An official of the Dutch MoD said the frigates would be ready by 2029.", "Dutch MoD"),
    ("The Greek MOD has not yet replied to the offer from the shipyard.", "Greek MOD"),
])
def test_a_defence_ministry_by_its_initials_after_its_country(rules, text, name):
    rec = record(rules, text)
    ministries = [e for e in rec["entities"] if e["kind"] == "organization" and e["name"] == name]
    assert ministries and ministries[0]["country"] != "GBR"
    assert "UK Ministry of Defence" not in names(rec, "organization")


@pytest.mark.parametrize("text, country", [
    ("Poland is buying more howitzers. The MoD said the contract would be signed in May.", "POL"),
    ("Chile wants two used frigates, and the MoD said talks with the builder were going well.", "CHL"),
])
def test_a_bare_mod_is_the_reports_own_ministry(rules, text, country):
    rec = record(rules, text)
    ministries = [e for e in rec["entities"] if e["kind"] == "organization" and "Ministry" in e["name"]]
    assert [e["country"] for e in ministries] == [country]
    assert "MoD" not in names(rec, "organization")


def test_a_bare_mod_joins_the_ministry_named_before(rules):
    rec = record(rules, "The Estonian Ministry of Defence signed for more rocket launchers. The MoD expects them "
                        "to arrive in 2027.")
    bodies = [e for e in rec["entities"] if e["kind"] == "organization"]
    assert len(bodies) == 1 and bodies[0]["country"] == "EST"


@pytest.mark.parametrize("text", [
    "The missiles carry a Block 2 Mod 2 seeker made in the United States.",
    "Romania's launchers fire the Stinger Block I MOD missile, the army said.",
])
def test_a_model_number_is_no_ministry(rules, text):
    assert not any("Ministry" in n or n in ("MoD", "Mod") for n in names(record(rules, text), "organization"))


@pytest.mark.parametrize("text", [
    "Greece asked to buy the helicopters through Foreign Military Sales, the agency said.",
    "The howitzers will be sold under the FMS programme, which Congress must review.",
])
def test_foreign_military_sales_is_no_body(rules, text):
    assert not {"Foreign Military Sales", "FMS"} & names(record(rules, text), "organization")


@pytest.mark.parametrize("text", [
    "Qatar signed for the missiles, and the Gulf kingdom of Bahrain may follow, officials said.",
    "France hopes to sell more Rafales to the small Gulf Arab state after the first batch.",
    "Kuwait is the second Gulf monarchy this year to order the radars.",
])
def test_gulf_before_its_states_is_no_place(rules, text):
    assert "Gulf" not in names(record(rules, text), "location")


@pytest.mark.parametrize("text, name", [
    ("Officials told AP on Friday that the howitzers had been shipped to Poland.", "AP"),
    ("A spokesman confirmed the sale of the frigates to AP in a telephone call.", "AP"),
])
def test_the_associated_press_named_as_written(rules, text, name):
    assert name in names(record(rules, text), "organization")
