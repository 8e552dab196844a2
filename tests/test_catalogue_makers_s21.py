"""Makers, yards and research centres reports name that the catalogue did not: Howaldtswerke-Deutsche Werft (HDW),
Soltam, METKA, Polaris Defense, SAFE Boats International, Pratt & Miller, Penguin Shipyard (and the Krylov State
Research Centre, which the rules for bodies already found by its form). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, maker", [
    ("The submarines were built by Howaldtswerke-Deutsche Werft in Kiel.", "Howaldtswerke-Deutsche Werft"),
    ("HDW built the first two submarines in Kiel.", "HDW"),
    ("Colombia bought ATMOS howitzers from Israel's Soltam.", "Soltam"),
    ("METKA will build parts of the frigates in Greece.", "METKA"),
    ("The army ordered 40 light vehicles from Polaris Defense.", "Polaris Defense"),
    ("SAFE Boats International delivered four patrol boats to the coast guard.", "SAFE Boats International"),
    ("The prototype was built by Pratt & Miller for the US Army.", "Pratt & Miller"),
    ("Penguin Shipyard will build six fast boats for the navy.", "Penguin Shipyard"),
])
def test_a_maker_is_an_organisation(extractor, text, maker):
    assert any(maker in name for name in organisations(extractor, text))
