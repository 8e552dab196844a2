"""Entities, session 26: places by their form that were not read: an airport in lower case ("Phu Cat airport", "the
Batajnica military airport") and a port ("Constanta Port"); "Port" opening the next name ("Port Said") is no port's
end. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def places(rules, text: str) -> set[str]:
    rec = rules(Article(text=text, published="2025-06-01"))
    return {e["name"] for e in rec["entities"] if e["kind"] == "location"}


@pytest.mark.parametrize("text, place", [
    ("The air force took delivery of the trainers at Tan Son airport on Friday.", "Tan Son airport"),
    ("The jets were shown at Lisicji Jarak military airport during the parade.", "Lisicji Jarak military airport"),
    ("The corvette was handed over at Mangalia Port in a short ceremony.", "Mangalia Port"),
    ("The patrol boats will be based at Lautoka Port from next year.", "Lautoka Port"),
])
def test_airports_in_lower_case_and_ports(rules, text, place):
    assert place in places(rules, text)


@pytest.mark.parametrize("text", [
    "Egypt builds a frigate\n\nPort Said Shipyard\nThe hull was laid down.",
    "The Navy plans a new base. Port Moresby will host it.",
])
def test_port_opening_a_name_ends_none(rules, text):
    assert not any(p.endswith(" Port") or p.endswith("\nPort") for p in places(rules, text))
