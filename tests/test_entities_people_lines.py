"""People's names read where a line or a sentence's first word misleads: a headline's words on a line shaped like
a byline with where it was written ("Talks Resume in Geneva"), an adverb opening a sentence before a surname
("Yesterday Erdogan said"), a title ending one line before a name opening the next ("Minister of Defence\\nAnn
Kowal said"), a byline after the time a page was updated ("..., 6:18 by Ann Kowal"); and a type's name that ends in
"s" ("its Hercules transports"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str, kind: str) -> dict[str, dict]:
    return {e["name"]: e for e in extractor(Article(text=text, published="2024-06-01"))["entities"] if e["kind"] == kind}


@pytest.mark.parametrize("text, bad", [
    ("Tank deal\nTalks Resume in Geneva\n\nThe talks on the tank sale resume this week, officials said.", "Talks Resume"),
    ("Frigate Sale\nWork Starts in Gdansk\n\nBuilding work on the first frigate starts in May.", "Work Starts"),
])
def test_headline_words_are_no_byline(extractor, text, bad):
    assert bad not in entities(extractor, text, "person")


@pytest.mark.parametrize("text, reporter", [
    ("Tank deal\nAnn Kowal in Abuja\n\nNigeria bought six Super Tucano aircraft.", "Ann Kowal"),
    ("Kingsley Nwezeh in Abuja\n\nThe air force said the jets would arrive in May.", "Kingsley Nwezeh"),
    # a name that is also a word, the other word not written in lower case
    ("Jets\nAnn Young in Seoul\n\nThe young pilots will train on the new jets.", "Ann Young"),
])
def test_a_byline_with_where_it_was_written_stands(extractor, text, reporter):
    ents = entities(extractor, text, "person")
    assert reporter in ents and ents[reporter]["role"] == "reporter"


@pytest.mark.parametrize("text, bad, person", [
    ("Yesterday Erdogan said Turkey would buy the jets.", "Yesterday Erdogan", "Recep Tayyip Erdogan"),
    ("Separately Putin said the S-400 systems would be delivered.", "Separately Putin", "Vladimir Putin"),
    ("Earlier Erdogan told reporters the drones were ready.", "Earlier Erdogan", "Recep Tayyip Erdogan"),
])
def test_an_opening_adverb_is_no_forename(extractor, text, bad, person):
    people = entities(extractor, text, "person")
    assert bad not in people and person in people


@pytest.mark.parametrize("text, person", [
    ("Earlier Ann Kowal said the S-400 would be delivered.", "Ann Kowal"),
    ("Later Piotr Nowak told reporters the tanks would come.", "Piotr Nowak"),
    ("His daughter Sumeyye Erdogan said the drones were ready.", "Sumeyye Erdogan"),
])
def test_the_name_after_an_opening_adverb_stands(extractor, text, person):
    assert person in entities(extractor, text, "person")


@pytest.mark.parametrize("text, person", [
    ("Photo: Minister of Defence\nAnn Kowal said the tanks would arrive.", "Ann Kowal"),
    ("Photo: Defence Minister\n\nPiotr Nowak said the tanks would arrive.", "Piotr Nowak"),
])
def test_a_title_ending_a_line_gives_no_role_to_the_next(extractor, text, person):
    people = entities(extractor, text, "person")
    assert person in people and people[person]["role"] is None


def test_a_title_on_the_line_gives_its_role(extractor):
    people = entities(extractor, "Defence Minister Ann Kowal said the tanks would arrive.", "person")
    assert people["Ann Kowal"]["role"] == "Defence Minister"


def test_a_byline_after_the_time_a_page_was_updated(extractor):
    people = entities(extractor, "Last Updated on Monday, 1 April 2024, 6:18 by Ann Kowal\n\nSources said two "
                                 "tanks were bought.", "person")
    assert people["Ann Kowal"]["role"] == "reporter"


@pytest.mark.parametrize("text, name", [
    ("The air force will retire its Hercules transports next year.", "Hercules"),
    ("The navy flies Super Hercules tankers.", "Super Hercules"),
    ("The army ordered more Abrams tanks.", "Abrams"),
    ("India ordered 36 Rafales from France.", "Rafale"),
    ("The air force flies C-130s and Apaches.", "C-130"),
])
def test_a_type_name_keeps_the_s_it_ends_in(extractor, text, name):
    assert name in entities(extractor, text, "platform")


@pytest.mark.parametrize("text", [
    "Army shows new vehicle\n\n11th September 2024 - 00:00 GMT | by Ann Kowal in London, UK\n\nThe vehicle was shown.",
    "Army shows new vehicle\n\n24th November 2025 - 11:55 GMT | by Ann Kowal in London\n\nThe last CV90s arrived.",
])
def test_a_byline_after_a_bar_and_the_time(extractor, text):
    assert entities(extractor, text, "person")["Ann Kowal"]["role"] == "reporter"


def test_a_lower_case_byline_inside_a_sentence_is_none(extractor):
    assert not entities(extractor, "The plane was flown by Ann Kowal in London\nIt landed in Gdansk.", "person")


def test_editing_after_a_comma_credits_editors(extractor):
    people = entities(extractor, "The jets arrive in May. (Reporting by Ann Kowal; Writing by Piotr Nowak, editing by "
                                 "Jan Zielinski and Maria Wrobel)", "person")
    assert people["Jan Zielinski"]["role"] == "editor" and people["Maria Wrobel"]["role"] == "editor"


@pytest.mark.parametrize("text, name", [
    # "editing"/"writing" after a comma credits only with "by": otherwise it is a verb of the sentence
    ("Ankara pressed Washington on the sale to Turkey, writing Ann Kowal, the envoy, that it must wait.", "Ann Kowal"),
    ("The film, editing Mark Hamill out of two scenes, was shown to the committee.", "Mark Hamill"),
])
def test_a_verb_after_a_comma_credits_no_one(extractor, text, name):
    person = entities(extractor, text, "person").get(name)
    assert person is None or person["role"] not in ("writer", "editor")
