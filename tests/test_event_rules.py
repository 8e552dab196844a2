"""Event rules on sentences written for the test: a reader would name these events at once."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def events_of(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-05"))["events"]


@pytest.mark.parametrize("text", [
    "At their meetings on Monday, Defence Minister Rajnath Singh and his Russian counterpart Andrei Belousov "
    "reaffirmed their partnership.",
    "Admiral Dinesh Tripathi, the Indian Navy chief, called on President Anura Kumara Dissanayake on Wednesday.",
    "Defence Minister Richard Marles said he held a productive conversation with Japan's Defence Minister "
    "Gen Nakatani on Tuesday.",
])
def test_a_meeting_told_in_other_words_is_a_meeting(extractor, text):
    assert any(e["type"] in ("MEETING", "SUMMIT") for e in events_of(extractor, text)), text


@pytest.mark.parametrize("text", [
    "Foreign Minister Kaja Kallas called on Russia to withdraw its troops from the border.",
    "Defence Minister Boris Pistorius called on allies to send more air defence systems to Ukraine.",
])
def test_calling_on_someone_to_act_is_no_meeting(extractor, text):
    assert not any(e["type"] in ("MEETING", "SUMMIT") for e in events_of(extractor, text)), text
