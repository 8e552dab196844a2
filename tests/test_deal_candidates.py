"""Deal candidates (extract/candidates.py) on sentences written for the test: a gold deal can only be found when
some candidate holds its supplier, recipient and platform."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def candidates_of(extractor, text: str) -> set[tuple[str, str, str]]:
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    return {(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows}


@pytest.mark.parametrize("text, expected", [
    ("Nigeria took delivery of three JF-17 Thunder fighters.", ("PAK", "NGA", "JF-17")),
    ("Myanmar has ordered more JF-17 jets.", ("PAK", "MMR", "JF-17")),
    ("Azerbaijan signed a contract for JF-17 Block III fighters.", ("PAK", "AZE", "JF-17 Block III")),
    ("India plans to buy six A330 MRTT tankers.", ("ESP", "IND", "A330 MRTT")),
    ("The Royal Thai Air Force will lease two A330 MRTT aircraft.", ("ESP", "THA", "A330 MRTT")),
])
def test_a_platform_built_by_a_partner_country_is_a_candidate_of_that_supplier(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("The first of three Coastal Patrol Vessels from Damen was accepted by the Kenyan Navy on Friday.",
     ("NLD", "KEN", "coastal patrol vessels")),
    ("The Ghana Navy accepted four Offshore Patrol Vessels from China Shipbuilding at a ceremony in Tema.",
     ("CHN", "GHA", "offshore patrol vessels")),
    ("The Tanzanian Navy accepts four fast patrol boats from China.", ("CHN", "TZA", "fast patrol boats")),
    ("The army of Kenya accepted ten armoured vehicles from Turkey last week.", ("TUR", "KEN", "armoured vehicles")),
])
def test_a_class_accepted_by_its_buyer_is_a_candidate(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, word", [
    ("Egypt will buy anti-submarine helicopters from Italy.", "submarine"),
    ("The Philippine Navy ordered two anti-submarine warfare helicopters from Italy.", "submarine"),
    ("Vietnam ordered anti-ship missiles from India.", "ship"),
    ("Morocco bought anti-tank missiles from the United States.", "tank"),
    ("Ukraine received anti-drone equipment from Lithuania.", "drone"),
])
def test_a_class_word_after_a_hyphen_qualifies_the_next_class_and_is_no_class_of_its_own(extractor, text, word):
    names = {p for _, _, p in candidates_of(extractor, text)}
    assert names and word not in names and all(p != word + "s" for p in names)


@pytest.mark.parametrize("text, expected", [
    ("The Peruvian Navy received two naval helicopters from Augusta Westland.", ("ITA", "PER", "naval helicopters")),
    ("Algeria ordered six AugustaWestland utility helicopters last year.", ("ITA", "DZA")),
])
def test_a_maker_written_with_its_usual_misspelling_is_a_supplier(extractor, text, expected):
    assert any(k[:len(expected)] == expected for k in candidates_of(extractor, text))


@pytest.mark.parametrize("text, expected", [
    # a sentence that names no platform, opening with a pronoun and the platform's users, takes up the one named
    # in the sentence before (a mention of it there, not only a pair reached from the sentence before)
    ("Dassault makes the Rafale fighter jet. Its operators include Egypt, Qatar and Greece.",
     {("FRA", "EGY", "Rafale"), ("FRA", "QAT", "Rafale"), ("FRA", "GRC", "Rafale")}),
    ("Korea Aerospace Industries builds the FA-50 light fighter. Its export customers include Poland and the "
     "Philippines.", {("KOR", "POL", "FA-50"), ("KOR", "PHL", "FA-50")}),
    ("The CV90 is built in Sweden. It is already in service with Norway, Denmark and Estonia.",
     {("SWE", "NOR", "CV90"), ("SWE", "DNK", "CV90"), ("SWE", "EST", "CV90")}),
    ("Airbus Helicopters showed the H225M at the fair. They are operated by Brazil and Mexico.",
     {("FRA", "BRA", "Caracal"), ("FRA", "MEX", "Caracal")}),
])
def test_a_pronoun_with_the_users_of_a_platform_takes_up_the_platform_named_before(extractor, text, expected):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    # each pair is proposed by the second sentence itself, where the pronoun stands for the platform
    taken_up = {(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows
                if any(m.anaphor and m.clause == 1 for m in c.mentions)}
    assert expected <= taken_up
