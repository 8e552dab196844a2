"""Capitalised words of a web page's furniture or of a body, an office or a programme are no person's name, where a
rule for names (a byline, a credit, a name before "said") would take them for one: "Player Play Icon", "Left Menu",
"Wikimedia Commons", "Previous Article", "Deakin University", "Technology Officer", "Western Naval Area", "Full Rate
Production", "Promotes Cooperation". Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def people(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "person"}


@pytest.mark.parametrize("text, words", [
    ("Video Player Play Icon person share search\n\nThe tanks arrived in Gdansk.", "Player Play Icon"),
    ("Main Menu\nChile's Trainer Choice\nChile has chosen the T-6 trainer.", "Main Menu"),
    ("Photo: Wikimedia Commons/CC BY-SA\n\nThe corvette was handed over in Gdynia.", "Wikimedia Commons"),
    ("Photo: Monash University/Supplied\n\nThe drones were tested in Woomera before the sale.", "Monash University"),
    ("Chief Technology Officer said the radar would be delivered by 2026.", "Technology Officer"),
    ("Photo: Northern Naval Area/Handout\n\nThe boats arrived in Visakhapatnam.", "Northern Naval Area"),
    ("Next Article said the army had ordered 30 howitzers.", "Next Article"),
])
def test_words_of_pages_and_bodies_are_no_person(extractor, text, words):
    assert words not in people(extractor, text)
