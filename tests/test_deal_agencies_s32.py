"""Deal recall (session 32): a state's arms-buying agency named as the buyer ("a contract with the Polish Armament
Agency", "Britain's Defence Equipment and Support") speaks for its country as a ministry does; an agency that
licenses, approves or researches does not buy. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract.entities import Entity, state_buyer
from armsledger.model import Article


@pytest.mark.parametrize("text, key", [
    ("Hanwha Aerospace has signed a contract with the Polish Armament Agency for 96 K9 howitzers.",
     ("KOR", "POL", "K9")),
    ("The Polish Armament Agency ordered 48 more K9 howitzers from Hanwha Aerospace on Friday.",
     ("KOR", "POL", "K9")),
    ("Rheinmetall won an order from Britain's Defence Equipment and Support for 50 Boxer vehicles.",
     ("DEU", "GBR", "Boxer")),
    ("Japan's Acquisition, Technology and Logistics Agency has signed for eight more F-35B jets from Lockheed Martin.",
     ("USA", "JPN", "F-35B")),
])
def test_a_buying_agency_is_its_country_as_buyer(extractor, text, key):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    assert key in {c.key for c, _, _ in rows}, [c.key for c, _, _ in rows]


@pytest.mark.parametrize("text, key", [
    ("Hanwha Aerospace has signed a contract with the Polish Armament Agency for 96 K9 howitzers.",
     ("KOR", "POL", "K9")),
    ("The Polish Armament Agency ordered 48 more K9 howitzers from Hanwha Aerospace on Friday.",
     ("KOR", "POL", "K9")),
])
def test_the_rules_read_the_agency_as_the_buyer(rules_deals, text, key):
    assert key in rules_deals(text), sorted(rules_deals(text))


@pytest.mark.parametrize("name, country, buys", [
    ("Armament Agency", "POL", True),
    ("Swedish Defence Materiel Administration", "SWE", True),
    ("Defence Equipment and Support", "GBR", True),
    ("Army Contracting Command", "USA", True),
    ("Direction générale de l'armement", "FRA", True),
    ("Australian Submarine Agency", "AUS", True),
    ("Defense Security Cooperation Agency", "USA", False),
    ("Agency for Defense Development", "KOR", False),
    ("Federal Office for Economic Affairs and Export Control", "DEU", False),
    ("Central Intelligence Agency", "USA", False),
])
def test_which_agencies_buy(name, country, buys):
    assert state_buyer(Entity("organization", name, country=country, category="agency")) is buys
