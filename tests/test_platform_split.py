"""Catalogue entries that bundled different systems under one name, split: the HJ-8 and HJ-10 are not the
HJ-12, the AN/TPQ-36 and AN/TPQ-37 Firefinders not the AN/TPQ-53; sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities_of(extractor, text: str, kind: str) -> dict[str, dict]:
    record = extractor(Article(text=text, published="2024-06-01"))
    return {e["name"]: e for e in record["entities"] if e["kind"] == kind}


# --- one catalogue entry per system: the HJ-8 and HJ-10 are not the HJ-12, the Firefinders not the Q-53 -------

@pytest.mark.parametrize("text, name", [
    ("Pakistan's army still fires HJ-8 anti-tank missiles bought from China in the 1990s.", "HJ-8"),
    ("China has shown the HJ-10 anti-tank missile at the Zhuhai air show.", "HJ-10"),
    ("The Army will replace its AN/TPQ-36 radars with newer counter-battery systems.", "AN/TPQ-36"),
    ("Turkey bought AN/TPQ-37 radars from the United States in the 1990s.", "AN/TPQ-37"),
])
def test_systems_once_bundled_under_another_name_are_their_own_platforms(extractor, text, name):
    found = entities_of(extractor, text, "platform")
    assert name in found and found[name].get("canonical", name) == name  # not the HJ-12 or Q-53 renamed


def test_the_baktar_shikan_is_pakistans_hj_8(extractor):
    found = entities_of(extractor, "Pakistan fielded the Baktar-Shikan on its armoured vehicles.", "platform")
    assert "Baktar-Shikan missile" in found and found["Baktar-Shikan missile"]["country"] == "PAK"
