"""Catalogue breadth, bodies and places: defence trade shows, bases, outlets, makers, armed groups and bodies added for
reports the project has not seen are found in sentences written for these tests, and the names left out as too
ambiguous do not come back."""
from __future__ import annotations

import pytest

from test_catalogue_breadth import found


@pytest.mark.parametrize("text, name", [
    # news agencies, dailies and trade press
    ("According to Postimees, the howitzers reached the brigade last week.", "Postimees"),
    ("The Agenzia Italia said the frigates would be ready in May.", "Agenzia Italia"),
    ("Rastriya Samachar Samiti reported that the helicopters had arrived.", "Rastriya Samachar Samiti"),
    ("Ahval reported on Friday that the frigate would be delayed.", "Ahval"),
    ("The figures were first published by Livefist on Monday.", "Livefist"),
    ("Quwa said the navy was weighing a second batch of corvettes.", "Quwa"),
    ("Nezavisimaya Gazeta wrote that the export contract had stalled.", "Nezavisimaya Gazeta"),
    # makers and shipyards
    ("Changhe Aircraft Industries will assemble the helicopters.", "Changhe Aircraft Industries"),
    ("Meyer Turku is bidding for the hulls alongside two other yards.", "Meyer Turku"),
    ("The engines come from MKB Fakel, the ministry said.", "MKB Fakel"),
    ("HS Produkt will deliver the rifles to the police next year.", "HS Produkt"),
    ("Kazspecexport signed the contract on behalf of the buyer.", "Kazspecexport"),
    # armed groups, commands and bodies
    ("The Kachin Independence Army said it had shot down a helicopter.", "Kachin Independence Army"),
    ("Fighters of the Allied Democratic Forces attacked the convoy.", "Allied Democratic Forces"),
    ("United States Forces Korea said the battery had been moved.", "United States Forces Korea"),
    ("The Blue House said the purchase would go ahead.", "Blue House"),
    ("Leaders of the Bucharest Nine met in Riga on Tuesday.", "Bucharest Nine"),
    # display teams, exchanges, space agencies
    ("The Sherdils flew over the capital with the new trainers.", "Sherdils"),
    ("The Frecce Tricolori will fly the new jet from 2026.", "Frecce Tricolori"),
    ("Shares in the shipbuilder rose 4% on the Korea Exchange on Thursday.", "Korea Exchange"),
    ("The drone maker plans to list on Borsa Istanbul next year.", "Borsa Istanbul"),
    ("JAXA and the ministry will share the satellite's images.", "JAXA"),
    ("Roscosmos said the military satellite would be launched in May.", "Roscosmos"),
])
def test_new_organisations_are_found(extractor, text, name):
    assert name in found(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    # air shows, named as places (defence exhibitions are bodies: `test_defence_exhibitions_are_bodies`)
    ("The deal was announced at the Dubai Airshow on Monday.", "Dubai Airshow"),
    ("The two firms signed the memorandum at Aero India.", "Aero India"),
    ("The trainer made its debut at the Royal International Air Tattoo.", "Royal International Air Tattoo"),
    # bases and waters
    ("The tankers will operate from King Abdulaziz Air Base.", "King Abdulaziz Air Base"),
    ("Two Rafale jets landed at Gwalior Air Force Station on Friday.", "Gwalior Air Force Station"),
    ("The squadron moved to Marine Corps Air Station Iwakuni last year.", "Marine Corps Air Station Iwakuni"),
    ("The patrol boats will be based at Sihanoukville, officials said.", "Sihanoukville"),
    ("Filipino troops on Pag-asa Island watched the ships.", "Pag-asa Island"),
    ("The frigate sailed through the Turkish Straits on Sunday.", "Turkish Straits"),
])
def test_new_places_are_found(extractor, text, name):
    assert name in found(extractor, text, "location")


@pytest.mark.parametrize("text, name", [
    ("Turkish firms showed their drones at IDEF in Istanbul.", "IDEF"),
    ("The tank was shown at Eurosatory and again at Euronaval.", "Euronaval"),
    ("A model of the submarine was on show at Indo Defence last year.", "Indo Defence"),
])
def test_defence_exhibitions_are_bodies(extractor, text, name):
    assert name in found(extractor, text, "organization")
    assert name not in found(extractor, text, "location")


@pytest.mark.parametrize("text", [
    "The Star said the National team would play in the Age group final, a New Vision for the club.",
    "Tempo slowed as The Strategist column ran, and the Vanguard of the market stayed quiet.",
    "The Australian government said the Oryx had been moved to a new enclosure at the zoo.",
    "Prices in LIMA and Lima rose, RBC said, and the West Sea ferry was late.",
    "The Seattle Thunderbirds beat the Snowbirds' favourite team, and the Roulettes lost at BVB.",
])
def test_names_left_out_do_not_come_back(extractor, text):
    names = found(extractor, text, "organization") | found(extractor, text, "location")
    assert not names & {"The Star", "Tempo", "Vanguard", "The National", "The Australian", "The Age", "New Vision",
                        "The Strategist", "Oryx", "RBC", "West Sea", "Thunderbirds",
                        "Snowbirds", "Roulettes", "USAF Thunderbirds", "Canadian Forces Snowbirds", "RAAF Roulettes",
                        "Bucharest Stock Exchange", "Langkawi International Maritime and "
                        "Aerospace Exhibition", "West Sea Viana Shipyard"}
