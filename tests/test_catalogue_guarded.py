"""Guarded platform names (a platform file's `_guard`): a name that is an ordinary word, a person's name or a brand
of other news too ("Apache", "Tiger", "Boxer", "Bushmaster") names its platform where a defence word is near it,
and nothing in other news; sentences written for the test."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("The army's Apache helicopters flew along the border on Monday.", ("AH-64", "USA")),
    ("Poland will buy 96 Apaches, the defence ministry said.", ("AH-64", "USA")),
    ("Australia's Tigers will be retired early, and the army will fly new attack helicopters.", ("Tiger", "FRA")),
    ("Canberra sent 30 more Bushmasters to Ukraine's armed forces last year.", ("Bushmaster PMV", "AUS")),
    ("The British Army's Warrior upgrade was cancelled in 2021, leaving the infantry without a new vehicle.",
     ("Warrior IFV", "GBR")),
    ("Germany will deliver more Boxer vehicles and Caesar howitzers to the troops, the ministry said.",
     ("Boxer", "DEU")),
    ("The navy's Seahawk fleet will get new sonar, and its Harpoon missiles will be replaced.", ("MH-60R", "USA")),
    ("Soldiers fired a Scimitar's gun at the tank from 2 km away.", ("CVR(T)", "GBR")),
])
def test_a_guarded_name_with_a_defence_word_near_it_is_the_platform(extractor, text, expected):
    assert expected in catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "The Apache Software Foundation released Apache Kafka 4.0 on Tuesday.",
    "Tiger Woods won the tournament by two strokes, and the Tigers beat the Lions in the late game.",
    "The Bushmaster is one of the longest venomous snakes in South America, the zoo's keeper said.",
    "The Golden State Warriors beat the Boston Celtics; a Boxer puppy stole the show at the dog fair.",
    "The Seattle Seahawks signed a quarterback, and the Wildcats released two linebackers.",
    "Julius Caesar was the subject of the play, and the Archer family ran the Caesar cafe in Leeds.",
    "Stacey Abrams spoke in Atlanta; Bradley Cooper's new film opened in Tucson on Friday.",
    "The Hercules beetle and the Osprey nest drew visitors to the reserve near Galway.",
])
def test_a_guarded_name_in_other_news_is_no_platform(extractor, text):
    assert catalogued(extractor, text) == set()


@pytest.mark.parametrize("text, expected", [
    # classes reporters name without the type word ("the Hisar class", "Krabi-class") that the catalogue knew only
    # as "Hisar-class OPV", "Krabi class OPV"
    ("Turkey launched the second Hisar class ship for its navy, and Pakistan ordered two Krabi-class vessels.",
     {("Hisar-class OPV", "TUR"), ("Krabi class OPV", "GBR")}),
    ("Greece will retire its Hydra class ships; the Istanbul class frigates will follow the Heroine class boats.",
     {("Hydra class frigate", "DEU"), ("Istif class", "TUR")}),
    ("The Kora class and the Veer class will be replaced by new corvettes, the Indian Navy said.",
     {("Kora class corvette", "IND")}),
    ("Russia's last Typhoon class submarine and two Delta class boats were laid up in the north.",
     {("Typhoon class submarine", "RUS"), ("Delta IV class", "RUS")}),
])
def test_a_class_named_without_its_type_word_is_known(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # the bare names of types the catalogue knew only with their type word ("Yavuz howitzer", "Anza MANPADS")
    ("The army tested the Yavuz and the Panter at the range, firing 155mm artillery shells.",
     {("Yavuz howitzer", "TUR"), ("T-155 Panter", "TUR")}),
    ("Pakistan's troops carry the Anza, and the navy fields the Zarb on its coast as an anti-ship missile.",
     {("Anza MANPADS", "PAK"), ("Zarb anti-ship missile", "PAK")}),
    ("Indonesia's army received 20 Badak and 30 Maung vehicles from the state armoured vehicle maker.",
     {("Pindad Badak", "IDN"), ("Pindad Maung", "IDN")}),
    ("The UAE ordered the Rabdan and the Ajban for its armed forces.", {("Rabdan 8x8", "ARE")}),
    ("Ukraine's navy fired a Neptun at the cruiser, and a Magura struck the landing ship.",
     {("R-360", "UKR"), ("Magura V5", "UKR")}),
])
def test_a_bare_name_near_a_defence_word_is_the_platform(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "Komodo dragons were filmed on Rinca island, and the Islander ferry sailed to Lombok on time.",
    "Yavuz and Panter, two Turkish cafes in Berlin, won a prize; Varta batteries sold well in May.",
    "The Penguin Random House list grew, and the Gambit ride reopened at the theme park in Ohio.",
    "A Husky and a Dingo were the stars of the show; the Uran river flooded the fields near Kazan.",
])
def test_a_bare_name_in_other_news_is_no_platform(extractor, text):
    assert catalogued(extractor, text) == set()


@pytest.mark.parametrize("text", [
    # "Typhoon" alone is rejected (storms, the Typhoon class submarine); its capitalised plural with a defence word
    # near it is the Eurofighter
    "Ankara also wants second-hand Typhoons from Oman to bolster its air force.",
    "Italy has ordered 24 new Typhoons for its air force, the defence ministry said.",
    "The Saudi Typhoons flew alongside the F-15s during the military exercise.",
    "Austria will retire its Typhoons by 2030 and look for new fighter jets.",
])
def test_typhoons_with_a_defence_word_near_them_are_the_eurofighter(extractor, text):
    assert ("Eurofighter Typhoon", "DEU") in catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "Two typhoons hit the Philippines this month, killing dozens of people.",
    "Typhoons Batter Coastal Towns as Season Peaks. Thousands were evacuated from fishing villages.",
    "Russia's last Typhoon class submarine was laid up in the north; a typhoon hit Okinawa.",
    "The Typhoons, a junior hockey team from Ontario, won the regional final on Sunday.",
])
def test_typhoons_in_other_news_are_no_platform(extractor, text):
    assert ("Eurofighter Typhoon", "DEU") not in catalogued(extractor, text)
