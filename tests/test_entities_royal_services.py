""""The Royal Air Force" or "the Royal Navy" written bare in a report that never names the United Kingdom and names
one other royal service of that kind ("the Royal Jordanian Air Force") is that one, shortened; with the United
Kingdom named, or no other royal service, it stays the British one. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, own", [
    ("AMMAN -- On Tuesday the Royal Air Force took delivery of two Black Hawk helicopters. The Royal Jordanian Air "
     "Force will fly them from Marka.", "Royal Jordanian Air Force"),
    ("The Royal Malaysian Navy commissioned its second littoral mission ship. The Royal Navy crew trained in China "
     "for a year.", "Royal Malaysian Navy"),
    ("BANGKOK -- The Royal Thai Air Force will buy four Gripen jets. The Royal Air Force has flown the Gripen since "
     "2011.", "Royal Thai Air Force"),
])
def test_a_bare_royal_service_is_the_reports_own(extractor, text, own):
    found = organisations(extractor, text)
    assert own in found
    assert "Royal Air Force" not in found and "Royal Navy" not in found


# guards: the British service stays where the United Kingdom is named or no other royal service is, before the change
# and after it
@pytest.mark.parametrize("text", [
    "The Royal Navy and the Royal Norwegian Navy sailed together; Britain sent two frigates.",
    "The Royal Air Force will buy more F-35 jets, the defence ministry said.",
])
def test_the_british_service_stays(extractor, text):
    rec = extractor(Article(text=text, published="2024-06-01"))
    british = {e["country"] for e in rec["entities"] if e["kind"] == "organization"
               and e["name"] in ("Royal Navy", "Royal Air Force")}
    assert british == {"GBR"}
