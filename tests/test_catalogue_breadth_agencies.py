"""Catalogue breadth (agencies, services, yards, office holders): bodies and people that deal news names, added
from general knowledge, are found in sentences written for these tests, and a shared acronym goes to the
country the report is about."""
from __future__ import annotations

import pytest

from test_catalogue_breadth import found


@pytest.mark.parametrize("text, name", [
    ("The hulls will be built by Khulna Shipyard under a licence from China.", "Khulna Shipyard Limited"),
    ("Iran's Marine Industries Organization launched the submarine at Bandar Abbas.", "Marine Industries Organization"),
    ("Bangkok Dock delivered the second patrol vessel to the Thai navy.", "Bangkok Dock Company"),
    ("Rodman Polyships will supply four patrol boats to the coast guard.", "Rodman Polyships"),
    ("VOP CZ will overhaul the T-72 tanks, the Czech ministry said.", "VOP CZ"),
    ("Uzina Mecanica Cugir will make the rifles under licence.", "Uzina Mecanica Cugir"),
    ("Kale Group and Pratt & Whitney will build engine parts in Istanbul.", "Kale Group"),
    ("Rheinmetall Hungary delivered the first Lynx vehicles built in Zalaegerszeg.", "Rheinmetall Hungary"),
    ("SEDENA signed the contract for the helicopters, the Mexican government said.", "Secretariat of National Defense"),
    # an armed service the report names only by its acronym is named by it (the Mexican Navy in the catalogue)
    ("SEMAR will receive the patrol vessels next year.", "SEMAR"),
    ("SASAC oversees the state shipbuilders that build China's warships.",
     "State-owned Assets Supervision and Administration Commission"),
    ("The Saudi Arabian Armed Forces ordered more air defence systems.", "Saudi Arabian Armed Forces"),
    ("The Armed Forces of Mali received two helicopters from Russia.", "Armed Forces of Mali"),
    ("The Paraguayan Army took delivery of 20 trucks donated by Taiwan.", "Paraguayan Army"),
])
def test_new_bodies_are_found(extractor, text, name):
    assert name in found(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("Slovenia's Defence Minister Borut Sajovic said the order would be signed in June.", "Borut Sajovic"),
    ("Major General Abdolrahim Mousavi said Iran's forces were ready.", "Abdolrahim Mousavi"),
    ("Chief of Defence Staff General Christopher Musa visited the troops in Maiduguri.", "Christopher Musa"),
    ("Chile's Defence Minister Maya Fernández said the frigates would be replaced.", "Maya Fernández"),
    ("President Ram Chandra Poudel attended the army day parade in Kathmandu.", "Ram Chandra Poudel"),
    ("Sheikh Khalid bin Mohamed bin Zayed toured the EDGE stand at IDEX.", "Khalid bin Mohamed bin Zayed"),
])
def test_new_office_holders_are_found(extractor, text, name):
    assert name in found(extractor, text, "person")


@pytest.mark.parametrize("text, country", [
    ("Singapore's RSAF will receive eight more F-35B jets, Singapore's defence ministry said.", "SGP"),
    ("The RSAF flew its Typhoons over Riyadh as Saudi Arabia marked its national day.", "SAU"),
])
def test_a_shared_air_force_acronym_goes_to_the_leading_country(extractor, text, country):
    from armsledger.model import Article
    record = extractor(Article(text=text, published="2025-03-01"))
    assert any(e["kind"] == "organization" and e["country"] == country and "RSAF" in
               {m["text"] for m in e["mentions"]} for e in record["entities"])


@pytest.mark.parametrize("text, name, not_name", [
    # a missile and its export version are one entry apart from the longer-range missile they were filed under
    ("Roketsan test-fired the Bora missile over the Black Sea.", "Bora", "Tayfun"),
    ("Indonesia will buy Khan missiles from Turkey, Roketsan said.", "Khan", "Tayfun"),  # named as written
    ("The Tayfun missile flew 560 km in its latest test.", "Tayfun", "Bora"),
    # the Dutch-Belgian anti-submarine frigate is not the air-defence frigate class it replaces nothing of
    ("Damen Naval will build four ASWF frigates for the Netherlands and Belgium.", "ASW Frigate",
     "De Zeven Provincien class"),
    ("The De Zeven Provinciën class frigate sailed for the Baltic.", "De Zeven Provincien class", "ASW Frigate"),
])
def test_platforms_filed_apart_stay_apart(extractor, text, name, not_name):
    names = found(extractor, text, "platform")
    assert name in names and not_name not in names


@pytest.mark.parametrize("text", [
    "Japan's acquisition of the F-35 was approved in 2019.",
    "Japan's Acquisition Of Tomahawk Missiles Moves Ahead",
    "The Technology and Logistics Agency is a body of Japan's defence ministry.",
])
def test_a_name_holding_a_comma_is_not_split_into_two(extractor, text):
    # the agency's full name holds a comma; its halves are not names of it
    assert "Acquisition, Technology and Logistics Agency" not in found(extractor, text, "organization")


@pytest.mark.parametrize("text, platform", [
    ("Chile bought two Adelaide-class frigates from Australia.", "Adelaide class"),
    ("The last Adelaide class frigate was paid off in 2019.", "Adelaide class"),
    ("The festival in Adelaide drew record crowds this year.", None),
])
def test_a_class_named_for_a_city_needs_its_class_word(extractor, text, platform):
    names = found(extractor, text, "platform")
    assert (platform in names) if platform else not names
