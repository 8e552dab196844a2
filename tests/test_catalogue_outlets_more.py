"""Outlets, wires and picture libraries a report cites or credits: "told France Inter radio", "according to
Refinitiv data", "Photo: Wikimedia Commons", "Follow Navy Recognition", "CNN Türk analysts". Sentences are written
for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, outlet", [
    ("The minister told France Inter that the Rafale jets would be delivered in 2026.", "France Inter"),
    ("Thales beat forecasts for the quarter, according to Refinitiv data.", "Refinitiv"),
    ("The frigate sails past Toulon. Photo: Wikimedia Commons\n\nThe navy ordered two more.", "Wikimedia Commons"),
    ("The corvette was launched in May, Navy Recognition reported.", "Navy Recognition"),
    ("CNN Türk analysts said the drones would be exported to six countries.", "CNN Türk"),
    ("The boats were built in Perth, Baird Maritime reported on Monday.", "Baird Maritime"),
    ("Rossiya 24 showed the first Su-57 jets leaving the plant.", "Rossiya 24"),
    ("The deal was first reported by Japan Today on Friday.", "Japan Today"),
])
def test_an_outlet_cited_or_credited_is_an_organisation(extractor, text, outlet):
    assert outlet in organisations(extractor, text)
