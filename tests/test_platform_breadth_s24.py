"""Platform breadth (session 24, reports the project has not seen): the platform is a deal's first hurdle.

- A variant written as a catalogue type's designation with the variant's letters or number glued on ("Su-30MKA2",
  "Ka-52E", "AH-64A", "Il-76MD-90A", "C-130H-30") is a platform of that type's kind and origin, with or without a
  weapon noun after it; designations in mixed case ("Su-", "Mi-", "Ka-", "Il-") were not found at all.
- Military trucks and utility vehicles, civil-line helicopters, business jets and Soviet-built state transports,
  light trainers, Norinco's and IMI's artillery and rockets, Navantia's patrol ships, none of which the catalogue
  held, are found with their origin; and the ordinary words near the new names stay out.
Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article
from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.mark.parametrize("text, expected", [
    ("Algiers took delivery of fourteen Su-30MKA2 last spring.", {("Su-30MKA2", "RUS")}),
    ("The Egyptian order for Ka-52E gunships was cut.", {("Ka-52E", "RUS")}),
    ("Angola flies Su-24MK bombers bought second-hand.", {("Su-24MK", "RUS")}),
    ("The last AH-64A airframes will be rebuilt to the new standard.", {("AH-64A", "USA")}),
    ("Delhi ordered one more Il-78MK tanker.", {("Il-78MK", "RUS")}),
    ("A C-130H-30 was handed over in Darwin.", {("C-130H-30", "USA")}),
    ("Pilots trained on the MiG-29SE in Minsk.", {("MiG-29SE", "RUS")}),
    ("Two Su-30MKIs landed at the base.", {("Su-30MKI", "RUS")}),  # a catalogue name in its plural stays itself
])
def test_variants_of_catalogue_types_are_platforms(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "The summit G-20 statement said nothing of arms.",  # no catalogue type before the glued letters
    "Covid-19 delayed the trials by a year.",
])
def test_shapes_without_a_catalogue_type_are_not_variants(extractor, text):
    assert not catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("The army's logistics units will get 120 MAN HX trucks and a batch of Zetros trucks.",
     {("MAN HX", "DEU"), ("Mercedes-Benz Zetros", "DEU")}),
    ("The package for the army adds 50 HEMTT, 30 FMTV and ten HET A1 tractors.",
     {("HEMTT", "USA"), ("FMTV", "USA"), ("Oshkosh HET", "USA")}),
    ("Soldiers drove KamAZ-43118 trucks, a GAZ-66 and Land Rover Defender 110 jeeps to the border.",
     {("KamAZ-4310", "RUS"), ("GAZ-66", "RUS"), ("Land Rover Defender", "GBR")}),
    ("The army received 20 Toyota Land Cruiser pickups and ten Hilux trucks for its patrols.",
     {("Toyota Land Cruiser", "JPN"), ("Toyota Hilux", "JPN")}),
    ("The police air wing bought an H130 and an EC155 B1, and the navy two AS355N helicopters.",
     {("H130", "FRA"), ("H155", "FRA"), ("AS355", "FRA")}),
    ("The air force's VIP squadron flies a Gulfstream G550, a Global 6000 and a Tu-154M.",
     {("Gulfstream G550", "USA"), ("Bombardier Global 6000", "CAN"), ("Tu-154M", "RUS")}),
    ("Cadets will fly Diamond DA40 NG trainers before the jets.", {("Diamond DA40", "AUT")}),
    ("The army ordered LAR-160 launchers with Romach rockets for its artillery.",
     {("LAR-160", "ISR"), ("Romach", "ISR")}),
    ("The navy ordered an Avante 1400 patrol ship from the Spanish yard.", {("Avante 1400", "ESP")}),
    ("The army fields SH-2 and SH-16A howitzers.", {("SH-2", "CHN"), ("SH-16", "CHN")}),
    ("The border guard flies Primoco One 150 drones.", {("Primoco One 150", "CZE")}),
])
def test_new_platforms_are_known_by_their_origin(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text", [
    "The Vodnik family met the mayor after the concert.",  # a surname, no defence word near it
    "She drove her old Land Cruiser to the beach on Sunday.",
    "Extra rockets of fireworks lit the harbour.",
])
def test_ordinary_words_near_the_new_names_stay_out(extractor, text):
    record = extractor(Article(text=text, published="2025-03-01"))
    assert not [e for e in record["entities"] if e["kind"] == "platform"]
