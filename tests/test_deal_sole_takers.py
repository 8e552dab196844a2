"""Deal recall (issue 9): a candidate learns whether its recipient (supplier) is the only country the report names
as taking (giving) anything ("Peru bought two C-27J aircraft from Italy"): in a report that names one buyer, the
buyer of a platform named in passing is more often it. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def feats(extractor, text: str, key: tuple) -> set[str]:
    """The features of the first candidate of `key` (supplier, recipient, platform) the text gives."""
    return {c.key: f for c, f, _ in reversed(extractor.candidate_rows(Article(text=text, published="2024-06-01")))}[key]


@pytest.mark.parametrize("text, key", [
    ("Nigeria has ordered 12 Bell 412 helicopters from the United States. Ghana flies the Mi-17.",
     ("USA", "NGA", "Bell 412")),
    ("Qatar flies the Rafale. Morocco will receive 24 Apache helicopters from the United States.",
     ("USA", "MAR", "AH-64")),
    ("Peru bought two C-27J aircraft from Italy in 2013. The Peruvian air force also flies the MiG-29.",
     ("RUS", "PER", "MiG-29")),
])
def test_the_one_country_a_report_names_as_taking_is_its_sole_taker(extractor, text, key):
    f = feats(extractor, text, key)
    assert "rec:sole_taker_in_report" in f


@pytest.mark.parametrize("one, two, key", [
    ("Nigeria has ordered 12 Bell 412 helicopters from the United States.",
     "Nigeria has ordered 12 Bell 412 helicopters from the United States, and Kenya bought six Bell 412s.",
     ("USA", "NGA", "Bell 412")),
    ("Chile bought six C-295 aircraft from Spain.",
     "Chile bought six C-295 aircraft from Spain. Peru bought four C-295 aircraft from Spain in 2019.",
     ("ESP", "CHL", "C-295")),
])
def test_a_second_country_named_as_taking_ends_the_sole_taker(extractor, one, two, key):
    assert "rec:sole_taker_in_report" in feats(extractor, one, key)
    f = feats(extractor, two, key)
    assert "rec:takes_in_report" in f and "rec:sole_taker_in_report" not in f


@pytest.mark.parametrize("text, key", [
    ("Peru bought two C-27J aircraft from Italy in 2013.", ("ITA", "PER", "C-27J")),
    ("Last year Greece bought 24 Rafale jets from France, officials in Athens said.", ("FRA", "GRC", "Rafale")),
])
def test_the_one_country_a_report_names_as_giving_is_its_sole_giver(extractor, text, key):
    f = feats(extractor, text, key)
    assert {"sup:sole_giver_in_report", "rec:sole_taker_in_report"} <= f


def test_two_countries_named_as_giving_are_no_sole_giver(extractor):
    text = "Egypt bought Rafale jets from France and Mi-17 helicopters from Russia."
    f = feats(extractor, text, ("FRA", "EGY", "Rafale"))
    assert "sup:gives_in_report" in f and "sup:sole_giver_in_report" not in f
    assert "rec:sole_taker_in_report" in f
