"""Capitalised words before an acronym in brackets that name kit, what it does or a tie between countries are no
body: "Active Electronically Scanned Array (AESA)", "High Altitude Long Endurance (HALE)", "Self Propelled (SP)",
"General Purpose (GP)", "Improvised Explosive Devices (IED)", "Comprehensive Strategic Partnership (CSP)". A body
named that way stays one. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, words", [
    ("The fighters will be fitted with an Active Electronically Scanned Array (AESA) radar.",
     "Active Electronically Scanned Array"),
    ("The navy wants a High Altitude Long Endurance (HALE) drone for maritime patrol.", "High Altitude Long Endurance"),
    ("The army will buy 18 Self Propelled (SP) howitzers from South Korea.", "Self Propelled"),
    ("The deal covers 500 General Purpose (GP) bombs and spare parts.", "General Purpose"),
    ("The vehicles protect troops against Improvised Explosive Devices (IED) and mines.",
     "Improvised Explosive Devices"),
    ("The two countries raised ties to a Comprehensive Strategic Partnership (CSP) in 2023 and agreed on arms sales.",
     "Comprehensive Strategic Partnership"),
])
def test_kit_before_an_acronym_is_no_body(extractor, text, words):
    assert words not in organisations(extractor, text)


# a guard: a body named before its acronym stays one, before the change and after it
def test_a_body_before_its_acronym_stays(extractor):
    assert "Naval Logistics Command" in organisations(
        extractor, "The Naval Logistics Command (NLC) signed the contract for the boats on Monday.")
