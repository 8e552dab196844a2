"""Air platform breadth (session 12): aircraft, helicopters, drones and engines added for reports the project has
not seen (older types still traded second-hand, export designations, the long tail of makers in every region) are
found with their origin in sentences written for these tests, and names left out as ordinary words, places or
people stay out."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("Argentina's A-4AR Fightinghawk jets and IA-58 Pucará aircraft will be retired by 2027.",
     {("A-4 Skyhawk", "USA"), ("IA-58 Pucará", "ARG")}),
    ("The air force flies A-37B Dragonfly jets and two OV-10 Bronco aircraft donated by Jordan.",
     {("A-37 Dragonfly", "USA"), ("OV-10 Bronco", "USA")}),
    ("Nepal's army ordered a DHC-6 Twin Otter and two Harbin Y-12E aircraft for short strips.",
     {("DHC-6 Twin Otter", "CAN"), ("Harbin Y-12", "CHN")}),
    ("The L-410 Turbolet, the Xian MA60 and the An-2 Colt remain common in African air arms.",
     {("L-410 Turbolet", "CZE"), ("Xian MA60", "CHN"), ("An-2", "UKR")}),
    ("Germany retired its last C-160 Transall; Romania's IAR 99 Soim trainers are being upgraded.",
     {("C-160 Transall", "FRA"), ("IAR 99 Soim", "ROU")}),
    ("The navy will buy two AW189 helicopters and a Bell 429 for training pilots.",
     {("AW189", "ITA"), ("Bell 429", "USA")}),
    ("Sikorsky S-76D helicopters and Enstrom 480B trainers were delivered to the air wing.",
     {("Sikorsky S-76", "USA"), ("Enstrom 480B", "USA")}),
    ("Iran unveiled the Shahed-171 Simorgh and the Mohajer-4B, while the Houthis launched Samad-3 drones.",
     {("Shahed-171 Simorgh", "IRN"), ("Mohajer-4", "IRN"), ("Samad-3", "YEM")}),
    ("Russia's Italmas and Molniya-2 drones hit targets near the river, officials said.",
     {("Italmas", "RUS"), ("Molniya drone", "RUS")}),
    ("Ukraine's Skyeton Raybird and Tekever AR3 drones fly reconnaissance along the front.",
     {("Skyeton Raybird", "UKR"), ("Tekever AR3", "PRT")}),
    ("EDGE showed the Reach-S drone and the Garmousha VTOL drone at the Abu Dhabi show.",
     {("EDGE Reach-S", "ARE"), ("Garmousha", "ARE")}),
    ("China's WJ-700 and BZK-005 drones were photographed near the islands.",
     {("WJ-700", "CHN"), ("BZK-005", "CHN")}),
    ("The MiG-21 Bison's R-25-300 engines and the Su-24's AL-21F-3 engines need overhaul.",
     {("R-25-300", "RUS"), ("AL-21F", "RUS")}),
    ("The Lycoming T53 engines of the Hueys and the GE J79 of the Kfir are still supported.",
     {("T53", "USA"), ("J79", "USA")}),
    ("Japan's Kawasaki OH-1 scouts and Fuji T-7 trainers will be replaced after 2030.",
     {("Kawasaki OH-1", "JPN"), ("Fuji T-7", "JPN")}),
    ("India's HPT-32 Deepak trainers were grounded and the NAL Saras Mk2 flew again.",
     {("HPT-32 Deepak", "IND"), ("NAL Saras", "IND")}),
    ("Britain retired the Sentinel R1 in 2021 and the BAE Nimrod a decade earlier.",
     {("Sentinel R1", "GBR"), ("BAE Nimrod", "GBR")}),
    ("Chile's F-5E Tiger III fighters and Enaer T-35 Pillán trainers flew at the parade.",
     {("F-5", "USA"), ("Enaer T-35 Pillán", "CHL")}),
])
def test_new_air_platforms_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    # ordinary words, places and people near the new names: only their multi-word forms are aliases
    "President Faustin-Archange Touadera opened the bridge in Bangui on Monday.",
    "Mehmet Simsek said inflation would fall; the Mriya charity and the Nesher cement plant reported results.",
    "The Xavante people of Mato Grosso met officials, and the Palacio dos Bandeirantes hosted a concert.",
    "Lakshya Sen won the badminton title; a coyote was seen near the golf course in Tucson.",
    "The Draken family visited the Pucara ruins near Cusco and the Tyne bridges in Newcastle.",
])
def test_ordinary_words_near_the_new_names_are_not_platforms(extractor, text):
    assert catalogued(extractor, text) == set()
