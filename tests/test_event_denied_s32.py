"""Event rules on sentences written for the test: a delivery denied ("no more will be delivered", "to deliver neither
tanks nor rifles", "has delivered none") is no delivery; one told with "no later than" or beside "no more will follow"
still is."""
from __future__ import annotations

import pytest

from test_event_rules_lists import rule_events


def deliveries(extractor, text: str) -> list:
    return [(e["date"] or {}).get("value") for e in rule_events(extractor, text) if e["type"] == "DELIVERY"]


@pytest.mark.parametrize("text", [
    "Germany said that no more Leopard 2 tanks will be delivered to Saudi Arabia.",
    "No further F-16 jets are to be delivered to Turkey by the United States.",
    "The United States said no other F-35 jets would be handed over to Turkey in 2024.",
    "Germany decided to deliver neither Leopard 2 tanks nor G36 rifles to Saudi Arabia in 2015.",
    "Russia has delivered none of the S-400 systems to India so far this year.",
    "Russia has delivered no S-400 systems to India in 2024.",
])
def test_a_delivery_denied_is_no_delivery(extractor, text):
    assert deliveries(extractor, text) == [], text


@pytest.mark.parametrize("text,when", [
    ("Germany will deliver the Leopard 2 tanks to Croatia no later than 2026.", "2026"),
    ("Finland delivered 30 Patria AMV vehicles to Slovenia in 2012, and no more will follow.", "2012"),
    ("Russia delivered no fewer than 12 Su-30 jets to Algeria in 2019.", "2019"),
])
def test_a_delivery_beside_a_no_that_denies_nothing_stays(extractor, text, when):
    assert deliveries(extractor, text) == [when], text
