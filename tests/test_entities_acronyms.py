"""A body a report names only by its acronym (session 20): a firm, a party, an armed group or an armed service is
named as the report writes it ("PGZ", "TKMS", "FARC", "USAF"), as the corpus's annotators write them, and since session
24 an intergovernmental body too ("EU", "GCC"); a news agency keeps its full name ("PTI" in a byline is the Press Trust
of India). Where the report writes the name out, the catalogue's name stays. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> dict[str, dict]:
    record = extractor(Article(text=text, published="2025-03-01"))
    return {e["name"]: e for e in record["entities"] if e["kind"] == "organization"}


@pytest.mark.parametrize("text, name, canonical", [
    ("Warsaw said on Monday that PGZ would build the tank hulls at its plants in the south.", "PGZ",
     "Polska Grupa Zbrojeniowa"),
    ("The navy wants two more submarines from TKMS, officials in Oslo said.", "TKMS", "ThyssenKrupp Marine Systems"),
    ("Hanoi is in talks with IAI over a second batch of air defence batteries.", "IAI", "Israel Aerospace Industries"),
    ("Bogota said the new helicopters would be flown against the FARC in the south.", "FARC",
     "Revolutionary Armed Forces of Colombia"),
    ("The first jets will be handed to the USAF before the rest go to Kabul.", "USAF", "US Air Force"),
    ("Beijing has long protested the EU arms embargo on China, officials said.", "EU", "European Union"),
    ("The GCC states agreed to buy the radars together, Riyadh said.", "GCC", "Gulf Cooperation Council"),
])
def test_a_body_written_only_as_its_acronym_is_named_by_it(extractor, text, name, canonical):
    found = organisations(extractor, text)
    assert name in found and found[name]["canonical"] == canonical


@pytest.mark.parametrize("text, name", [
    ("Polska Grupa Zbrojeniowa (PGZ) will build the hulls; PGZ said work starts in May.", "Polska Grupa Zbrojeniowa"),
    ("ThyssenKrupp Marine Systems will build the boats, TKMS said on Friday.", "ThyssenKrupp Marine Systems"),
    ("The US Air Force will train the pilots, and USAF instructors will fly with them.", "US Air Force"),
])
def test_a_body_whose_name_is_written_out_keeps_it(extractor, text, name):
    assert name in organisations(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("New Delhi, May 2 (PTI) India on Friday signed a deal for 26 Rafale M jets.", "Press Trust of India"),
    ("The European Union (EU) will fund the boats; EU officials said so on Monday.", "European Union"),
])
def test_an_agency_keeps_its_full_name_and_a_body_written_out_its_own(extractor, text, name):
    assert name in organisations(extractor, text)
