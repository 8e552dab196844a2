"""Platform breadth (session 16): ship classes and the ships of a class by name, submarine export variants written
the way reports write them ("209 / 1400mod", "636.6 submarines"), armoured vehicle families split into their own
types (the BTR-82A is no BTR-80) and older vehicles and aircraft still traded second-hand are found with their
origin in sentences written for these tests; the ships' bare names, which are also gods, admirals, towns and words
of other news, name the ship only with a defence word near them."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("Cairo took the last of four 209 / 1400mod submarines from the Kiel yard.",
     {("Type 209", "DEU")}),
    ("Colombia's Pijao class and Peru's Islay class submarines need new batteries.",
     {("Type 209", "DEU")}),
    ("Chile's Thomson class and Ecuador's Shyri class submarines will get new sonars.",
     {("Type 209", "DEU")}),
    ("Hanoi bought six 636.6 submarines, and Algeria two more Project 636.6 boats.",
     {("Project 636", "RUS")}),
    ("The navy's Improved Kilo submarines will be joined by two older Project 877 boats.",
     {("Project 636", "RUS"), ("Kilo class", "RUS")}),
    ("Syria's army received BTR-82A carriers, while older BTR-70 and BTR-152 vehicles were scrapped.",
     {("BTR-82A", "RUS"), ("BTR-70", "RUS"), ("BTR-152", "RUS")}),
    ("Morocco will retire Leopard 1A4 tanks bought from Belgium and its M60A3 tanks.",
     {("M60 Patton", "USA"), ("Leopard 1", "DEU")}),
    ("The Romanian army upgrades its TR-85M1 Bizonul tanks with a new fire control system.",
     {("TR-85", "ROU")}),
    ("Chad's army fields ERC 90 Sagaie armoured cars and Chinese ZFB-05 carriers.",
     {("ERC 90 Sagaie", "FRA"), ("ZFB-05", "CHN")}),
    ("Old Alvis Saladin armoured cars, Saracen APCs and Ferret scout cars still patrol the border.",
     {("Alvis Saladin", "GBR"), ("Alvis Saracen", "GBR"), ("Ferret scout car", "GBR")}),
    ("Riyadh ordered more Nexter Aravis vehicles and Land Rover Wolf patrol trucks for the guard.",
     {("Nexter Aravis", "FRA"), ("Land Rover Wolf", "GBR")}),
    ("The Indonesian Navy retires the Van Speijk class and the Fatahillah-class corvette KRI Nala.",
     {("Van Speijk class", "NLD"), ("Fatahillah class", "NLD")}),
    ("Egypt's Descubierta-class corvettes and Italy's Minerva-class corvettes are due for replacement.",
     {("Descubierta class", "ESP"), ("Minerva class", "ITA")}),
    ("Two Cassiopea-class patrol vessels and the Artigliere class frigates were offered to Tunisia.",
     {("Cassiopea class", "ITA"), ("Soldati class", "ITA")}),
    ("Canberra will replace Tonga's Pacific-class patrol boats with new Guardian boats.",
     {("Pacific class patrol boat", "AUS")}),
    ("The air wing bought a Beechcraft 1900D and a Dornier 228NG for coastal patrol.",
     {("Beechcraft 1900", "USA"), ("Dornier 228NG", "DEU")}),
    ("India donated a Dornier maritime surveillance aircraft to the island's navy.",
     {("Dornier 228", "IND")}),
])
def test_new_ship_and_vehicle_types_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("The Indian Coast Guard handed the offshore patrol vessel Vigraha to the Sri Lanka Navy.",
     {("ICGS Vigraha", "IND")}),
    ("The coast guard ship Varaha escorted the fishing fleet back to Chennai.",
     {("ICGS Varaha", "IND")}),
    ("Naval Group delivered the nuclear-powered attack submarine Tourville to the French Navy.",
     {("Tourville", "FRA")}),
    ("The navy's new submarine Duguay-Trouin completed sea trials off Cherbourg.",
     {("Duguay-Trouin", "FRA")}),
    ("The Pakistan Navy corvette Yarmook sailed for the Gulf of Aden with a helicopter aboard.",
     {("PNS Yarmook", "NLD")}),
    ("Warsaw said the Homar rocket artillery programme would be split between two suppliers.",
     {("Homar", "POL")}),
    ("The army will retire its ageing M60 fleet and buy Chinese armour.",
     {("M60 Patton", "USA")}),
])
def test_a_ship_or_type_named_bare_near_a_defence_word_is_the_platform(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    # the same bare names in other news: a god, a temple, an admiral's street, a town, a motorway, a lobster
    "Pilgrims carried an idol of Varaha through the old town during the temple festival.",
    "The Vigraha of the deity was restored by craftsmen from Mysuru.",
    "Tourists in Tourville-sur-Arques and the Rue de Suffren found the cafes closed on Sunday.",
    "Traffic on the M60 around Manchester was slow after a lorry broke down.",
    "The chef served homar with butter, and the Yarmook bakery opened a second shop.",
    "A reader paid $636.6 million for the shares, the filing said.",
])
def test_the_bare_names_in_other_news_are_no_platforms(extractor, text):
    assert catalogued(extractor, text) == set()
