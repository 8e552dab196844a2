"""Event rules on sentences written for the test: a head of state or government who "welcomed" a guest holds a
summit; one who "welcomed" a deal, a decision or an announcement approves a thing, and holds none."""
from __future__ import annotations

import pytest

from test_event_rules_lists import rule_events


def summits(extractor, text: str) -> list:
    return [sorted(e["countries"]) for e in rule_events(extractor, text) if e["type"] == "SUMMIT"]


@pytest.mark.parametrize("text", [
    "French President Francois Hollande has welcomed the deal on Friday, saying it shows how well the Rafale performs.",
    "British Prime Minister Keir Starmer welcomed the decision by Norway on Sunday.",
    "US President Donald Trump welcomed Norway's announcement on Monday.",
    "German Chancellor Olaf Scholz welcomed this on Tuesday and said Poland had chosen well.",
    "Indonesian President Joko Widodo welcomed the arrival of the first Rafale jets from France on Monday.",
])
def test_a_thing_welcomed_is_no_summit(extractor, text):
    assert summits(extractor, text) == [], text


@pytest.mark.parametrize("text,who", [
    ("Indian Prime Minister Narendra Modi welcomed Australian Prime Minister Anthony Albanese in New Delhi on Monday.",
     ["AUS", "IND"]),
    ("Russian President Vladimir Putin welcomed the visiting Malian President Assimi Goita to the Kremlin on Tuesday.",
     ["MLI", "RUS"]),
])
def test_a_guest_welcomed_is_a_summit(extractor, text, who):
    assert summits(extractor, text) == [who], text
