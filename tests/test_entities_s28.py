"""Entities, session 28: catalogue names looked up without their accents, whichever side writes them: a text
without accents names an entry the catalogue writes with them ("Makine ve Kimya Endustrisi", "Amari"), and a text
with accents one the catalogue writes plain ("Perú"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.extract.gazetteer import fold
from armsledger.model import Article

_RULES: list[Extractor] = []  # the rules alone, made at the first test that reads a text


def found(text: str, kind: str, field: str = "name") -> list:
    """`field` of each entity of `kind` the rules find in `text`."""
    if not _RULES:
        _RULES.append(Extractor(model=False))
    rec = _RULES[0](Article(text=text, published="2025-06-01"))
    return [e[field] for e in rec["entities"] if e["kind"] == kind]


def test_fold_drops_accents_and_keeps_ascii():
    assert fold("türkiye") == "turkiye"
    assert fold("Błaszczak") == "Blaszczak"
    assert fold("Cheongung-Ⅱ") == "Cheongung-Ⅱ"  # no compatibility forms: a numeral stays as it is
    assert fold("F-16") == "F-16"


@pytest.mark.parametrize("text", [
    "Makine ve Kimya Endustrisi will deliver the rifles to the army next year.",
    "The rifles were made by Makine ve Kimya Endustrisi at its plant.",
])
def test_a_firm_the_catalogue_writes_with_accents_named_without(text):
    assert [c for n, c in zip(found(text, "organization"), found(text, "organization", "country"))
            if "Kimya" in n] == ["TUR"]  # the catalogue's entry


@pytest.mark.parametrize("text", [
    "Four fighters landed at Amari air base on Tuesday.",
    "The squadron flew out of the Amari base in the morning.",
])
def test_a_place_the_catalogue_writes_with_accents_named_without(text):
    assert {"Ämari Air Base", "Ämari"} & set(found(text, "location"))


@pytest.mark.parametrize("text", [
    "Perú signed a contract for two patrol boats with South Korea.",
])
def test_a_country_written_with_or_without_accents(text):
    assert "PER" in found(text, "country", "code")


# ---------------------------------------------------------------- firms no catalogue holds, by their country


@pytest.mark.parametrize("text, firm", [
    ("Finland's Kovamet signed a contract to supply armour plates.", "Kovamet"),
    ("The boats were built by Brazil's Tecnaval at its yard.", "Tecnaval"),
    ("Greece's Helmar and Italy's Vortana will share the work.", "Vortana"),
    ("Turkey's OTM Savunma has delivered the first trucks.", "OTM Savunma"),
])
def test_a_firm_after_its_countrys_possessive(text, firm):
    assert firm in found(text, "organization")


# ---------------------------------------------------------------- no firm after a possessive where none is named


@pytest.mark.parametrize("text", [
    "Russia's Ivan Petrov said the rifles had arrived.",
    "Japan's Ambassador attended the ceremony.",
    "Washington sanctioned Ankara under the Countering America's Adversaries Through Sanctions Act.",
    "India's May elections delayed the order.",
])
def test_no_firm_after_a_countrys_possessive(text):
    assert found(text, "organization") == []
