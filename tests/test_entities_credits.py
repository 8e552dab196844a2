"""Outlets a report credits on a line of its own (session 20): a source line ("Source: RT", "SOURCE: AAP/PACNEWS")
names each outlet in it, and a sign-off line glued to its dashes ("--IANS") names the agency as "-- IANS" does. A
source line of places, dates or labels names none. Flight International, the magazine, is not FlightGlobal, the website.
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article

BODY = "Poland signed a deal for 48 K2 tanks from South Korea on Friday. The first tanks arrive in May.\n\n"


def organisations(extractor, text: str) -> set[str]:
    record = extractor(Article(text=BODY + text, published="2025-03-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == "organization"}


@pytest.mark.parametrize("text, names", [
    ("Source: Kowloon Daily Wire\n", {"Kowloon Daily Wire"}),
    ("SOURCE: BNX/PACWIRE\n", {"BNX", "PACWIRE"}),
    ("Sources: Vardar Post, Ohrid Herald\n", {"Vardar Post", "Ohrid Herald"}),
    ("Source – Tarnow Courier\n", {"Tarnow Courier"}),
])
def test_a_source_line_names_its_outlets(extractor, text, names):
    assert names <= organisations(extractor, text)


@pytest.mark.parametrize("text", [
    "Source: 12 March 2024, page 4\n",
    "Source: Defence ministry statement (translated)\n",
    "Source: Editor: Marta Kowal\n",
])
def test_a_source_line_of_dates_or_labels_names_no_outlet(extractor, text):
    assert not [n for n in organisations(extractor, text) if any(w in n for w in ("March", "statement", "Editor"))]


@pytest.mark.parametrize("text, name", [
    ("--IANS\n", "IANS"),
    ("The deal was signed in Warsaw.\n--IANS", "IANS"),
    ("--ANI\n", "ANI"),
])
def test_a_sign_off_glued_to_its_dashes_names_the_agency(extractor, text, name):
    assert name in organisations(extractor, text)


def test_the_magazine_and_the_website_are_two_outlets(extractor):
    text = "Flightglobal said the jets were ordered in May, and Flight International showed the first one.\n"
    assert {"FlightGlobal", "Flight International"} <= organisations(extractor, text)
