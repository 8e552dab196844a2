"""A body's name does not run across a line break: the headline above a credit or a body's name is no part of it
("... Corvettes From Oman\n\nOur Bureau", "... to Peru\n\nThe State Company ..."); a name headed first keeps the line
that holds its head ("Ministry of Defence\n\nMr Kowal said"). A headline's class words ("Two Multirole Corvettes")
are no type's name, and an outlet's credit for its staff ("Our Bureau") is no body. Sentences are written for these
tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"] if e["kind"] == kind}


@pytest.mark.parametrize("text, bad", [
    ("Navy Receives Four Patrol Boats From Oman\n\nOur Bureau\n10:30 AM, May 2, 2021\n\nThe boats arrived in Muscat.",
     "Oman Our Bureau"),
    ("Ukraine to send armoured vehicles to Peru\n\n\nThe State Company Kyivexport said the first batch would ship.",
     "Peru The State Company"),
    ("Photo: Ministry of Defence\n\nMr Kowal said Cabinet had approved the purchase of four aircraft.", "Mr Kowal"),
    ("Press Office\nNews Release\n\nThe Department of Defense announced the sale of six radars.", "News Release"),
])
def test_no_body_name_across_a_line(extractor, text, bad):
    assert bad not in names(extractor, text, "organization")


@pytest.mark.parametrize("text, good", [
    ("Lead story\n\nThe Budget Committee approved the purchase of six helicopters on Monday.", "Budget Committee"),
    ("Latest\nThe Norwegian Defence Materiel Agency signed for four submarines.", "Norwegian Defence Materiel Agency"),
])
def test_a_body_on_its_own_line_is_kept(extractor, text, good):
    assert good in names(extractor, text, "organization")


def test_a_name_headed_first_keeps_the_line_of_its_head(extractor):
    found = names(extractor, "State House\n\nOffice of the President of Ruritania\n\nThe president signed the order.",
                  "organization")
    assert "Office of the President" in found and not any(n.startswith("State House") for n in found)


@pytest.mark.parametrize("text", [
    "Our Bureau\n10:33 AM, December 15, 2015\n\nThe navy received two corvettes from China.",
    "By Our Bureau\n\nThe army ordered 40 trucks from Tatra.",
])
def test_our_bureau_is_no_body(extractor, text):
    assert not {n for n in names(extractor, text, "organization") if "Bureau" in n}


@pytest.mark.parametrize("text, word", [
    ("Bangladesh Navy Receives Two Multirole Corvettes From China\n\nThe ships arrived in Chittagong.", "Multirole"),
    ("Navy Orders Three Amphibious Ships\n\nThe ships will be built in Brest.", "Amphibious"),
    ("Army Buys Guided Missiles From Norway\n\nThe missiles arrive next year.", "Guided"),
])
def test_a_class_word_in_a_headline_is_no_type(extractor, text, word):
    assert word not in names(extractor, text, "platform")


@pytest.mark.parametrize("text, good", [
    # a line that breaks after a word no name ends on is a wrapped line: the name runs on
    ("The minister signed the deal with the Office of the\nPresident of Ghana present at the ceremony.",
     "Office of the President of Ghana"),
    ("The order was placed by the Ministry of\nNational Defence of Lithuania on Monday.", "Ministry of National Defence"),
])
def test_a_name_wrapped_over_a_line_keeps_its_words(extractor, text, good):
    assert any(n.replace("\n", " ").startswith(good) for n in names(extractor, text, "organization"))
