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


# ---------------------------------------------------------------- bodies no catalogue holds: outlets by their initials, firms by their country


@pytest.mark.parametrize("text, agency", [
    # after a town written in lower case, with no date
    ("Lusaka (ZNBC) – The Zambian army has taken delivery of four trucks.", "ZNBC"),
    ("Windhoek (NMH): The navy commissioned a patrol boat on Friday.", "NMH"),
    ("Dar es Salaam (TNN) - Tanzania bought two helicopters.", "TNN"),
    # as what reports
    ("KTN reported that the ministry signed for four drones.", "KTN"),
    ("The radars will arrive in May, GNA reports.", "GNA"),
    ("Last week NBTV reported on the frigate order.", "NBTV"),
    # a firm after its country's possessive
    ("Finland's Kovamet signed a contract to supply armour plates.", "Kovamet"),
    ("The boats were built by Brazil's Tecnaval at its yard.", "Tecnaval"),
    ("Greece's Helmar and Italy's Vortana will share the work.", "Vortana"),
    ("Turkey's OTM Savunma has delivered the first trucks.", "OTM Savunma"),
])
def test_a_body_no_catalogue_holds(text, agency):
    assert agency in found(text, "organization")


def test_a_body_before_its_own_initials_is_no_agency():
    text = "Kenya Defence Forces (KDF) - The soldiers received new rifles."
    assert "KDF" not in found(text, "organization")


# ---------------------------------------------------------------- no firm after a possessive where none is named


@pytest.mark.parametrize("text", [
    "Russia's Ivan Petrov said the rifles had arrived.",
    "Japan's Ambassador attended the ceremony.",
    "Washington sanctioned Ankara under the Countering America's Adversaries Through Sanctions Act.",
    "India's May elections delayed the order.",
])
def test_no_firm_after_a_countrys_possessive(text):
    assert found(text, "organization") == []
