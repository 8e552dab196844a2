"""Catalogue breadth (session 16): makers and yards that a check of well-known names
found missing are found in sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def found(extractor, text: str) -> set[str]:
    record = extractor(Article(text=text, published="2025-06-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == "organization"}


@pytest.mark.parametrize("text, name", [
    ("Nammo Raufoss will make the shells in Norway.", "Nammo Raufoss"),
    ("The Watercat boats are built by Marine Alutech in Finland.", "Marine Alutech"),
    ("Sonaca makes parts of the A400M wing.", "Sonaca"),
    ("ONEX Shipyards will build the corvettes in Syros.", "ONEX Shipyards"),
    ("The rifles are made by Bangladesh Ordnance Factories in Gazipur.", "Bangladesh Ordnance Factories"),
    ("Fairbanks Morse Defense supplies the engines for the frigates.", "Fairbanks Morse Defense"),
    ("Kawasaki Shipbuilding launched the submarine in Kobe.", "Kawasaki Shipbuilding Corporation"),
    ("The rocket was designed by the China Academy of Launch Vehicle Technology.",
     "China Academy of Launch Vehicle Technology"),
    ("The rifles come from the Tula Arms Plant, the agency said.", "Tula Arms Plant"),
])
def test_new_makers_and_services_are_found(extractor, text, name):
    assert name in found(extractor, text)
