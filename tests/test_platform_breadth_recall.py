"""Platform breadth (session 18, recall): light helicopters and liaison aircraft, light attack aircraft, counter-drone
systems, unmanned surface vessels, patrol vessel classes and military satellites that arms-transfer news names and the
catalogue lacked are found with their origin in sentences written for these tests, and the ordinary words near
their names stay out."""
from __future__ import annotations

import pytest

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("The police air wing bought two Robinson R44 Raven II helicopters and an R66 Turbine for training.",
     {("Robinson R44", "USA"), ("Robinson R66", "USA")}),
    ("The air force will train its pilots on six Cabri G2 helicopters delivered from France.",
     {("Cabri G2", "FRA")}),
    ("The coast guard ordered a Dash 8 Q400 maritime patrol aircraft and a Tecnam P2006T MMA.",
     {("Dash 8", "CAN"), ("Tecnam P2006T", "ITA")}),
    ("Cessna 172 Skyhawk trainers and a Beechcraft Baron G58 were handed over at the academy.",
     {("Cessna 172", "USA"), ("Beechcraft Baron", "USA")}),
    ("The government leased a Falcon 900LX and an Embraer Legacy 650 to carry ministers.",
     {("Falcon 900", "FRA"), ("Embraer Legacy 600", "BRA")}),
    ("Kenya received armed AT-802L Longsword aircraft, and Jordan flew IOMAX Archangel BPA planes.",
     {("AT-802", "USA"), ("IOMAX Archangel", "USA")}),
    ("Turkish Aerospace delivered the first T-70 Black Hawk helicopters to the gendarmerie.",
     {("T-70", "TUR")}),
    ("Lithuania donated SkyWiper EDM4S anti-drone guns and DroneGun Tactical jammers to Ukraine.",
     {("SkyWiper", "LTU"), ("DroneGun", "AUS")}),
    ("The Pentagon will send VAMPIRE counter-drone systems and the Silent Hunter laser was shown in Riyadh.",
     {("L3Harris VAMPIRE", "USA"), ("Silent Hunter", "CHN")}),
    ("Ukraine bought access to ICEYE satellites, and Peru's PeruSAT-1 was launched in 2016.",
     {("ICEYE SAR satellite", "FIN"), ("PeruSAT-1", "FRA")}),
    ("The Göktürk-1 satellite and the Falcon Eye satellite were both built in Europe.",
     {("Göktürk-1", "ITA"), ("Falcon Eye", "FRA")}),
    ("Wing Loong drones carried AR-1 missiles over the desert.",
     {("AR-1", "CHN")}),
    ("The United States gave Ukraine MANTAS T-12 and Devil Ray T-38 unmanned surface vessels.",
     {("MANTAS T-12", "USA"), ("Devil Ray T-38", "USA")}),
    ("Singapore operates the Rafael Protector USV and Elbit offered the Seagull USV to the navy.",
     {("Protector USV", "ISR"), ("Seagull USV", "ISR")}),
    ("Turkey's navy tested the ULAQ armed unmanned surface vessel alongside Marlin USV craft.",
     {("ULAQ", "TUR"), ("Marlin SİDA", "TUR")}),
    ("Bangladesh commissioned a Padma class patrol vessel and two Durjoy class large patrol craft.",
     {("Padma class", "BGD"), ("Durjoy class", "CHN")}),
    ("The Philippine Navy ordered six HDP-2200 offshore patrol vessels from Ulsan.",
     {("Rajah Sulayman class", "KOR")}),
    ("Hanwha offered the Tigon 6x6 to the army alongside its tracked carriers.",
     {("Tigon", "KOR")}),
    ("Nigeria's navy took two Damen FCS 3307 Patrol vessels and four RPB 33 patrol boats from France.",
     {("Damen FCS 3307 Patrol", "NLD"), ("Raidco RPB", "FRA")}),
    ("Brunei's Darussalam class offshore patrol vessel sailed with Watercat M12 landing craft from Finland.",
     {("Darussalam class", "DEU"), ("Jurmo class", "FIN")}),
    ("The police drove Streit Spartan and Streit Typhoon vehicles, and the army received Norinco VN3 cars.",
     {("Streit Spartan", "ARE"), ("Streit Typhoon", "ARE"), ("CS/VN3", "CHN")}),
])
def test_new_platforms_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    # ordinary words near the new names: only their multi-word forms are aliases
    "The archangel Gabriel appears in the painting, and a seagull sat on the protector of the pier.",
    "The marlin was landed off Cabo, a tigon was born at the zoo, and the Baron left Paris.",
    "A silent hunter stalked the deer; the vampire film opened on Friday.",
])
def test_ordinary_words_near_the_new_names_are_not_platforms(extractor, text):
    assert catalogued(extractor, text) == set()
