"""A ship named with its navy's prefix is a platform, for the navies of Ghana (GNS), Fiji (RFNS), Tonga (VOEA),
Sweden (HSwMS), Taiwan (ROCS), Spain (ESPS), Brazil's patrol ships (NPaOc), the US and Canadian coast guards (USCGC,
CCGS) and a merchant ship (MV), as for those the extractor knew ("INS", "HMAS"). Sentences are written for these
tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def platforms(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "platform"}


@pytest.mark.parametrize("text, ship", [
    ("The patrol boat GNS Yeji was commissioned in Sekondi on Friday.", "GNS Yeji"),
    ("Australia handed RFNS Savenaca over to the Fijian navy in a ceremony at Henderson.", "RFNS Savenaca"),
    ("The Guardian-class boat VOEA Tuita arrived in Nuku'alofa last week.", "VOEA Tuita"),
    ("HSwMS Sundsvall sailed to the Baltic exercise with two minehunters.", "HSwMS Sundsvall"),
    ("The frigate ROCS Pan Chao fired a Harpoon during the drill.", "ROCS Pan Chao"),
    ("ESPS Blas de Lezo escorted the carrier across the Atlantic.", "ESPS Blas de Lezo"),
    ("The cutter USCGC Waesche was transferred to the Philippine Coast Guard.", "USCGC Waesche"),
    ("The freighter MV Nordlys carried the howitzers from Antwerp to Gdansk.", "MV Nordlys"),
])
def test_a_ship_named_with_its_prefix_is_a_platform(extractor, text, ship):
    assert ship in platforms(extractor, text)
