"""A country's "armed forces" written in lower case ("the Kenyan armed forces", "Chile's armed forces") is how the
report speaks of the country's military, as "the Kenyan military" is, not the name of a body: the country is named,
no organisation. A named service in lower case ("the Kenyan army", "the Chilean air force") and armed forces named
with capitals ("the Kenya Defence Forces") stay organisations. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-01"))["entities"]


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in entities(extractor, text) if e["kind"] == kind}


@pytest.mark.parametrize("text, country", [
    ("Eight armoured vehicles were handed over to the Kenyan armed forces at a ceremony in Nairobi.", "Kenya"),
    ("The Colombian armed forces will receive the first of the helicopters next spring.", "Colombia"),
    ("Officials said the drones would serve the Armenian armed forces along the border.", "Armenia"),
    ("The radars will equip the Latvian armed forces from 2026, the ministry said.", "Latvia"),
])
def test_lower_case_armed_forces_name_the_country_not_a_body(extractor, text, country):
    assert country in names(extractor, text, "country")
    assert not any("armed forces" in n.casefold() for n in names(extractor, text, "organization"))


# guards: named services and capitalised forces stay organisations, before the change and after it
@pytest.mark.parametrize("text, body", [
    ("Eight armoured vehicles were handed over to the Kenyan army at a ceremony in Nairobi.", "Kenyan army"),
    ("The Chilean air force will receive the first of the jets next spring.", "Chilean air force"),
    ("The radars will equip the Kenya Defence Forces from 2026, the ministry said.", "Kenya Defence Forces"),
])
def test_named_services_stay_organisations(extractor, text, body):
    assert body in names(extractor, text, "organization")
