"""Platforms the catalogue lacked (session 25): gaps of the training gold (a deal whose platform the catalogue does not
know has no candidate at all) and widely traded systems of 2010-2026, each with its origin; names that are ordinary
words are guarded. Sentences written for the test."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    # the M119 is the US-built derivative of the British Light Gun, its own entry
    ("The brigade's M119A3 howitzers will be handed to the army of Ukraine next month.", {("M119", "USA")}),
    ("Washington approved 18 M119 howitzers for the Lebanese army; London sent L118 light guns.",
     {("M119", "USA"), ("L118", "GBR")}),
    # the US Navy's new programmes
    ("The Navy wants two Trump-class battleships, the first to be named USS Defiant, before 2035.",
     {("Trump class", "USA")}),
    ("Congress asked how the FF(X) frigate would differ from the cutter it is drawn from.", {("FF(X)", "USA")}),
    # Chinese land and missile systems
    ("Zambia's army paraded new WMA301 Assaulter vehicles and ZTL-09 assault guns supplied by China.",
     {("WMA301", "CHN"), ("ZTL-09", "CHN")}),
    ("Norinco offered the VN17 to Thailand together with the FK-2000 air defence system.",
     {("VN17", "CHN"), ("FK-2000", "CHN")}),
    ("A CX-1 missile battery and BA-7 missiles for the attack helicopters were on the list, the ministry said.",
     {("CX-1", "CHN"), ("BA-7", "CHN")}),
    # Turkish, Russian, Ukrainian, Serbian, Belarusian, Egyptian, Pakistani, South African and Croatian systems
    ("Romania's army will get 30 more RN-94 vehicles in ambulance and command versions.", {("RN-94", "TUR")}),
    ("The Dzhigit launchers will carry Igla-S missiles for the air defence unit.", {("Dzhigit", "RUS")}),
    ("Indonesian marines tested the 2S25 Sprut-SD light tank on the coast in March.", {("2S25 Sprut-SD", "RUS")}),
    ("Turkmenistan's coast guard operates Grif-T and Kalkan-M patrol boats built in Ukraine.",
     {("Grif-T", "UKR"), ("Kalkan-M", "UKR")}),
    ("The air force will arm its F-16s with the Kuzgun munition from 2026.", {("Kuzgun", "TUR")}),
    ("Yugoimport showed the Šumadija multiple rocket launcher to a Gulf delegation.", {("Šumadija", "SRB")}),
    ("Minsk will deliver MZKT-7930 chassis and a Vostok-E radar to its partner.",
     {("MZKT Volat", "BLR"), ("Vostok-E", "BLR")}),
    ("The army received 40 Fahd APCs refurbished at the Kader Factory.", {("Fahd APC", "EGY")}),
    ("Heavy Industries Taxila delivered Mohafiz-III armoured vehicles to the police in Punjab.",
     {("Mohafiz", "PAK")}),
    ("Peacekeepers were given RG35 MRAPs and an MV-4 demining machine for the mission.",
     {("RG35", "ZAF"), ("MV-4", "HRV")}),
    ("The US Army is testing the M1299 with a 58-calibre gun.", {("M1299", "USA")}),
    # ships
    ("Malaysia signed for three LMS Batch 2 ships to be built in Istanbul.", {("LMS Batch 2", "TUR")}),
    ("Two Damen FCS 5009 vessels joined the navy's fleet on the coast of West Africa.",
     {("Damen FCS 5009", "NLD")}),
    # aircraft and pods
    ("The embassy handed over two Cessna T206H aircraft to the air force for surveillance.",
     {("Cessna 206", "USA")}),
    ("The LM-100J will carry cargo for the country's air arm.", {("LM-100J", "USA")}),
    ("The sale includes Sniper Advanced Targeting Pods and DB-110 reconnaissance pods for the F-16s.",
     {("Sniper Advanced Targeting Pod", "USA"), ("DB-110", "USA")}),
    ("The Rafales will carry TALIOS pods, and the air force's Jaguars LITENING pods.",
     {("TALIOS", "FRA"), ("LITENING", "ISR")}),
    # active protection systems
    ("The army's Leopard 2A8 tanks will be fitted with the Trophy active protection system from Rafael.",
     {("Trophy", "ISR")}),
    ("Elbit will install the Iron Fist APS on the army's Bradley fighting vehicles.", {("Iron Fist", "ISR")}),
    ("The brigade's mortar teams fired the Iron Sting guided mortar bomb in the trial.", {("Iron Sting", "ISR")}),
])
def test_a_system_the_catalogue_lacked_is_found_with_its_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # a drive written with the sign of multiplication, as outlets print it
    ("The police ordered 20 Jais 4×4 vehicles from the UAE, the ministry said.", ("NIMR Ajban", "ARE")),
    ("Ashgabat bought the Amazon 4×4 and fielded it with its army.", ("BMC Amazon", "TUR")),
    # spellings of entries the catalogue held
    ("The army received Cheongung-Ⅱ surface-to-air missiles from Korea.", ("KM-SAM", "KOR")),
    ("The two PPA vessels will be handed to the navy in 2026.", ("Thaon di Revel class", "ITA")),
    ("Kyiv asked for another Luna unmanned system for its artillery spotters.", ("LUNA NG", "DEU")),
    ("Washington offered a G550 reconnaissance aircraft to the air force.", ("Gulfstream G550", "USA")),
    ("The military aid package holds Hummers and howitzers.", ("Humvee", "USA")),
    ("The Navy's Legend-class cutters patrol the Pacific, and two Island-class boats went to the navy of Georgia.",
     ("Island class patrol boat", "USA")),
    ("Russia's Gorshkov-class frigates carry the missile.", ("Admiral Gorshkov class", "RUS")),
])
def test_a_spelling_news_writes_names_the_catalogued_platform(extractor, text, expected):
    assert expected in catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "The club lifted the trophy on Sunday, and the Trophy Room reopened at the museum.",
    "The governor ruled the province with an Iron Fist, critics wrote in the Sunday paper.",
    "The Hummer EV sold well in California; General Motors raised its price in May.",
    "The utility signed a PPA with a solar farm in Nevada for 20 years of power.",
    "Defiant to the end, the coach refused to resign after the defeat.",
    "The Volat cafe in Minsk and the Šumadija region's plum brandy drew tourists, the guide said.",
])
def test_a_guarded_name_in_other_news_is_no_platform(extractor, text):
    assert catalogued(extractor, text) == set()
