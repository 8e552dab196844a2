"""A sea's one-word name before the states by it ("the small Baltic nation", "a Pacific island state", "the Baltic
NATO member") names the region's countries, not the sea; nor does "Euro-Atlantic" (session 20). The sea itself is
still a place ("in the Baltic", "the Pacific"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def places(extractor, text: str) -> set[str]:
    record = extractor(Article(text=text, published="2025-03-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == "location"}


@pytest.mark.parametrize("text", [
    "The small Baltic nation will buy six HIMARS launchers from the United States.",
    "Estonia and Latvia, two Baltic states, signed the order for IRIS-T batteries on Monday.",
    "The Baltic NATO member said the first Boxer vehicles would arrive in 2026.",
    "Fiji is the second Pacific island nation to receive a Guardian-class patrol boat from Australia.",
    "Tonga, a Pacific nation of 100,000 people, took delivery of the boat in Henderson.",
    "The minister spoke of Ukraine's Euro-Atlantic integration before the talks.",
])
def test_a_sea_named_as_the_states_by_it_is_no_place(extractor, text):
    assert not places(extractor, text) & {"Baltic Sea", "Pacific Ocean", "Atlantic Ocean"}


@pytest.mark.parametrize("text, name", [
    ("Russian warships were seen in the Baltic on Tuesday, the Swedish navy said.", "Baltic Sea"),
    ("The patrol boats will guard fishing grounds in the Pacific, the ministry said.", "Pacific Ocean"),
    ("The frigates will escort convoys across the Atlantic from next year.", "Atlantic Ocean"),
])
def test_the_sea_itself_is_still_a_place(extractor, text, name):
    assert name in places(extractor, text)
