"""Entities named by a word that says what they are, written in lower case or after a number: a base by its
town ("the Tanagra air base"), a military unit ("No. 6 Squadron"), a party ("the Civic Platform party"), a
town by what it is ("the port of Limassol", "a Devon-based firm"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-01"))["entities"]


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in entities(extractor, text) if e["kind"] == kind}


# --- a base named by its town, in lower case -----------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The first two jets landed at the Korvani air base on Tuesday.", "Korvani air base"),
    ("The contract was signed at the Villacoublay air base near Paris.", "Villacoublay air base"),
    ("The helicopters will be stationed at the Zhukovo naval base, the navy said.", "Zhukovo naval base"),
    ("Soldiers trained with the new rifles at the Orlamund military camp for a month.", "Orlamund military camp"),
    ("Russia's Hemlok airbase will host the squadron from next year.", "Hemlok airbase"),
])
def test_a_base_named_by_its_town_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


def test_a_base_at_a_town_the_catalogue_knows_keeps_the_town(extractor):
    assert "Tanagra" in names(extractor, "The first two jets landed at the Tanagra air base on Tuesday.", "location")


@pytest.mark.parametrize("text", [
    "The drones will fly from a Pakistani air base, officials said.",
    "The jets were moved to a French naval base last year.",
    "Turkey's air base will receive the radar.",
])
def test_a_base_named_only_by_its_country_is_no_location(extractor, text):
    assert not {n for n in names(extractor, text, "location") if "base" in n}
