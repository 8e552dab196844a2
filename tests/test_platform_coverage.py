"""The platform catalogue covers what the arms trade moves beyond the most reported types: widely exported
armoured vehicles, artillery, missiles, ships, radars, helicopters and engines of many suppliers are known
by their origin, on sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def catalogued(extractor, text: str) -> set[tuple[str, str]]:
    """(catalogue name, origin) of each catalogue platform the text names."""
    record = extractor(Article(text=text, published="2025-03-01"))
    return {(e.get("canonical") or e["name"], e.get("country")) for e in record["entities"]
            if e["kind"] == "platform" and e.get("category")}


@pytest.mark.parametrize("text, expected", [
    ("Kenya took delivery of 30 VN-4 armoured vehicles and a batch of C-705 anti-ship missiles.",
     {("VN-4", "CHN"), ("C-705", "CHN")}),
    ("The army will retire its BRDM-2 scout cars, ZU-23-2 guns and 2S3 Akatsiya howitzers by 2030.",
     {("BRDM-2", "RUS"), ("ZU-23-2", "RUS"), ("2S3 Akatsiya", "RUS")}),
    ("Morocco ordered G6 Rhino howitzers and Mokopa missiles, while Ratel IFVs were refurbished.",
     {("G6 Rhino", "ZAF"), ("Mokopa", "ZAF"), ("Ratel", "ZAF")}),
    ("Officials said the Lazar 3 carriers and the PASARS-16 systems would be shown at the parade.",
     {("Lazar 3", "SRB"), ("PASARS-16", "SRB")}),
    ("Singapore's Terrex ICV and SSPH Primus howitzers took part alongside Bronco ATTC carriers.",
     {("Terrex ICV", "SGP"), ("SSPH Primus", "SGP"), ("Bronco ATTC", "SGP")}),
    ("The upgrade fits AN/APG-83 radars to the jets, and the navy adds Artisan 3D radars to its frigates.",
     {("AN/APG-83", "USA"), ("Artisan 3D", "GBR")}),
    ("Ukraine received Oerlikon GDF guns, Aspide missiles and M1117 Guardian vehicles last year.",
     {("Oerlikon GDF", "CHE"), ("Aspide", "ITA"), ("M1117 Guardian", "USA")}),
    ("The Philippines will get Abukuma-class destroyer escorts and J/FPS-3 radars from Japan.",
     {("Abukuma class", "JPN"), ("J/FPS-3", "JPN")}),
    ("Turkey's Otokar Akrep vehicles, Cirit rockets and Sungur MANPADS are offered to Gulf buyers.",
     {("Otokar Akrep", "TUR"), ("Cirit", "TUR"), ("Sungur", "TUR")}),
    ("The fleet still flies OH-58D Kiowa Warrior helicopters and Super Etendard jets, analysts said.",
     {("OH-58 Kiowa", "USA"), ("Super Etendard", "FRA")}),
    ("Excalibur Army will deliver DITA howitzers; Pandur II carriers and Sisu XA-180 vehicles follow.",
     {("DITA", "CZE"), ("Pandur II", "AUT"), ("Sisu XA-180", "FIN")}),
    ("Pakistan tested the Harbah missile and fielded Al-Zarrar tanks near the border.",
     {("Harbah", "PAK"), ("Al-Zarrar", "PAK")}),
])
def test_widely_exported_systems_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "The Ford Bronco 3-door sold well, and the adidas Terrex range grew, the retailer said.",
    "Nyala, the capital of South Darfur, saw heavy rains; the Perseverance rover's SuperCam instrument was fixed.",
    "The Jackal was a hit on television, and the Pulsar NS200 motorcycle sold 10,000 units in May.",
])
def test_common_words_near_the_new_names_are_not_platforms(extractor, text):
    assert catalogued(extractor, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Algeria's C28A corvettes and Pakistan's Jinnah class frigates were shown next to Type 901 supply ships.",
     {("C28A", "CHN"), ("Jinnah class", "PAK"), ("Type 901", "CHN")}),
    ("The navy will retire its Krivak-class frigates and buy LCAC hovercraft and a Spearhead class ship.",
     {("Krivak class", "RUS"), ("LCAC", "USA"), ("Spearhead class", "USA")}),
    ("Croatia offered M-84 tanks, Serbia the M-80A IFV, and Slovakia Tatrapan carriers to the buyer.",
     {("M-84", "SRB"), ("M-80A", "SRB"), ("Tatrapan", "SVK")}),
    ("The brigade fields THeMIS robots, Dongfeng Mengshi trucks and a ZAHA amphibious assault vehicle.",
     {("THeMIS", "EST"), ("Dongfeng Mengshi", "CHN"), ("ZAHA amphibious assault vehicle", "TUR")}),
    ("Houthi forces fired Burkan-2H missiles, Iran showed the Talash air defence system, Ukraine a Korshun missile.",
     {("Burkan-2H", "YEM"), ("Talash air defence system", "IRN"), ("Korshun", "UKR")}),
    ("Troops trained on the LD-2000 system, HQ-12 missiles and 2S31 Vena mortars before the parade.",
     {("LD-2000", "CHN"), ("HQ-12", "CHN"), ("2S31 Vena", "RUS")}),
    ("The frigates carry CAPTAS-4 sonars, Mk 41 VLS cells and Sylver launchers, and MU90 torpedoes.",
     {("CAPTAS-4", "FRA"), ("Mk 41 VLS", "USA"), ("Sylver", "FRA"), ("MU90", "FRA")}),
    ("Police bought Uzi submachine gun kits, FN FAL rifles and Zastava M70 rifles from the surplus stock.",
     {("Uzi submachine gun", "ISR"), ("FN FAL", "BEL"), ("Zastava M70", "SRB")}),
])
def test_systems_added_for_unseen_reports_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "Kord and Stormers fans cheered at the Trishul peak, and Redut and Talash were the films of the year.",
    "Palma, Majid, Talha and Abhay said the Okapi and the Eland at the zoo were eating well.",
    "Carl Gustav Jung and Aziz Sancar spoke; Corian worktops and Enforcer locks were on sale in Gezgin.",
    "Their first win came at Levent, and the Galaxy S20, the BMW M20 engine and the Pulsar NS200 sold out.",
])
def test_words_and_names_left_out_of_the_new_systems_are_not_platforms(extractor, text):
    assert catalogued(extractor, text) == set()
