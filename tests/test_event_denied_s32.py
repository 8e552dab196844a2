"""Event rules on sentences written for the test: a delivery denied ("no more will be delivered", "to deliver neither
tanks nor rifles", "has delivered none") is no delivery, one told with "no later than" or beside "no more will
follow" still is; a head of state or government who "welcomed" a guest holds a summit, one who "welcomed" a deal, a
decision or an announcement approves a thing and holds none."""
from __future__ import annotations

import pytest

from test_event_rules_lists import rule_events


def told(extractor, text: str, type_: str) -> list:
    """The date (DELIVERY) or the countries (SUMMIT) of each rules' event of the type."""
    return [(e["date"] or {}).get("value") if type_ == "DELIVERY" else sorted(e["countries"])
            for e in rule_events(extractor, text) if e["type"] == type_]


@pytest.mark.parametrize("text,type_", [
    ("Germany said that no more Leopard 2 tanks will be delivered to Saudi Arabia.", "DELIVERY"),
    ("No further F-16 jets are to be delivered to Turkey by the United States.", "DELIVERY"),
    ("The United States said no other F-35 jets would be handed over to Turkey in 2024.", "DELIVERY"),
    ("Germany decided to deliver neither Leopard 2 tanks nor G36 rifles to Saudi Arabia in 2015.", "DELIVERY"),
    ("Russia has delivered none of the S-400 systems to India so far this year.", "DELIVERY"),
    ("Russia has delivered no S-400 systems to India in 2024.", "DELIVERY"),
    ("Italian Prime Minister Giorgia Meloni has welcomed the deal on Tuesday, calling it a vote of confidence in the "
     "Eurofighter.", "SUMMIT"),
    ("British Prime Minister Keir Starmer welcomed the decision by Norway on Sunday.", "SUMMIT"),
    ("US President Donald Trump welcomed Norway's announcement on Monday.", "SUMMIT"),
    ("German Chancellor Olaf Scholz welcomed this on Tuesday and said Poland had chosen well.", "SUMMIT"),
    ("Indonesian President Joko Widodo welcomed the arrival of the first Rafale jets from France on Monday.", "SUMMIT"),
])
def test_a_delivery_denied_or_a_thing_welcomed_is_no_event(extractor, text, type_):
    assert told(extractor, text, type_) == [], text


@pytest.mark.parametrize("text,type_,expected", [
    ("Germany will deliver the Leopard 2 tanks to Croatia no later than 2026.", "DELIVERY", ["2026"]),
    ("Finland delivered 30 Patria AMV vehicles to Slovenia in 2012, and no more will follow.", "DELIVERY", ["2012"]),
    ("Russia delivered no fewer than 12 Su-30 jets to Algeria in 2019.", "DELIVERY", ["2019"]),
    ("Indian Prime Minister Narendra Modi welcomed Australian Prime Minister Anthony Albanese in New Delhi on Monday.",
     "SUMMIT", [["AUS", "IND"]]),
    ("Russian President Vladimir Putin welcomed the visiting Malian President Assimi Goita to the Kremlin on Tuesday.",
     "SUMMIT", [["MLI", "RUS"]]),
])
def test_a_no_that_denies_nothing_or_a_guest_welcomed_is_an_event(extractor, text, type_, expected):
    assert told(extractor, text, type_) == expected, text
