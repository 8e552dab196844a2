"""Platform breadth (session 22, deals with no candidate): mine-protected carriers, light tactical vehicles, assault
bridges, a Japanese radar, a French patrol vessel class, and an Indian truck-mounted howitzer that
arms-transfer news names and the catalogue lacked are found with their origin, and so are the spellings of known
families it missed ("MD-500s", "GBU12", "M-109", "Bell Jet Ranger III", "WMZ 551", "Kobra II"), in
sentences written for these tests; the ordinary words near the new names stay out."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("Kenya's peacekeepers drive Puma M26-15 carriers and Bhutan ordered twenty Puma M36 Mk5 vehicles.",
     {("Puma M26-15", "ZAF"), ("Puma M36", "ZAF")}),
    ("The army fielded CS/VP3 Bigfoot MRAPs first and later a batch of Cs/VP 14 cars.",
     {("CS/VP3", "CHN"), ("CS/VP14", "CHN")}),
    ("Eight BRDM-3 reconnaissance vehicles reached the port with the helicopters.",
     {("BRDM-3", "RUS")}),
    ("Armenia ordered a MArG 155 BR gun from India after the towed howitzers.",
     {("MArG 155", "IND")}),
    ("Manila received a TPS-P14ME mobile radar and three fixed radars from Tokyo.",
     {("J/TPS-P14", "JPN")}),
    ("The package adds four M1110 Joint Assault Bridges and two Armored Vehicle Launched Bridges.",
     {("M1110 Joint Assault Bridge", "USA"), ("M60 AVLB", "USA")}),
    ("Special forces will get Polaris DAGOR vehicles and MRZR D4 buggies under the contract.",
     {("DAGOR", "USA"), ("Polaris MRZR", "USA")}),
    ("The navy's third OPV 58 S was handed over in Concarneau.",
     {("OPV 58S", "FRA")}),
])
def test_new_platforms_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Eight MD-500s and a Bell Jet Ranger III were handed to the air wing.",
     {("MD 500 Defender", "USA"), ("Bell 206", "USA")}),
    ("The contract covers kits for GBU12 bombs.", {("Paveway", "USA")}),
    ("Norway retired its M-109A3GN guns.", {("M109-52", "USA")}),
    ("Zimbabwe got WMZ 551 carriers and Bangladesh ordered Kobra II vehicles.",
     {("WZ-551", "CHN"), ("Otokar Cobra", "TUR")}),
    ("Until the new fighters come, the air force will fly the F5 type.", {("F-5", "USA")}),
    ("Burundi ordered a Pansir-S1 air defence system.", {("Pantsir-S1", "RUS")}),
])
def test_known_families_are_found_as_news_spells_them(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    # ordinary words near the new names: only their designations and multi-word forms are aliases
    "A puma was seen near the ranch, and the bridge over the river was closed for repairs.",
    "The dagger lay on the table; press F5 to refresh the page.",
    "The walo festival opened, and a joint venture will build the assault course.",
])
def test_ordinary_words_near_the_new_names_are_not_platforms(extractor, text):
    assert catalogued(extractor, text) == set()
