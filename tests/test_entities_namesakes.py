"""A known person's surname after another forename names someone else: "his brother Lukas Scholz" beside Olaf
Scholz, "Marta Putin" in a report that never names Vladimir Putin. A title, a rank, an honorific, a word that opens a
sentence or the person's own forename before the surname still name the known person. Sentences are written for
these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def people(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "person"}


@pytest.mark.parametrize("text, known, other", [
    ("Chancellor Olaf Scholz opened the plant on Monday. His brother Lukas Scholz, a doctor, was among the guests "
     "as the first Boxer vehicles rolled out.", "Olaf Scholz", "Lukas Scholz"),
    ("President Emmanuel Macron toured the shipyard where the frigates are built, and the yard's welder Pierre "
     "Macron showed him a hull section.", "Emmanuel Macron", "Pierre Macron"),
    ("Prime Minister Narendra Modi watched the Rafale jets land. Air Marshal Ravi Kumar said a junior officer, "
     "Anjali Modi, flew the lead aircraft.", "Narendra Modi", "Anjali Modi"),
])
def test_another_forename_before_a_known_surname_is_another_person(extractor, text, known, other):
    found = people(extractor, text)
    assert known in found
    assert other in found


@pytest.mark.parametrize("text, other, known", [
    ("The shipyard's chief engineer, Marta Putin, said the corvettes would be delivered in 2026.", "Marta Putin",
     "Vladimir Putin"),
    ("The tanks were stored at a depot run by Hanna Albanese until spring, the army said.", "Hanna Albanese",
     "Anthony Albanese"),
    ("The radar was designed by a team under Giulia Meloni at the Rome plant.", "Giulia Meloni", "Giorgia Meloni"),
])
def test_a_known_surname_after_another_forename_is_not_the_known_person(extractor, text, other, known):
    found = people(extractor, text)
    assert known not in found
    assert other in found


# guards: these name the known person before the change and after it
@pytest.mark.parametrize("text", [
    "President Macron said France would deliver the Caesar howitzers by the end of the year.",
    "Talks went on for hours. But Macron said France would deliver the Caesar howitzers by the end of the year.",
    "On Monday Macron said France would deliver the Caesar howitzers by the end of the year.",
    "Emmanuel Macron said France would deliver the Caesar howitzers by the end of the year.",
])
def test_a_title_a_sentence_word_or_the_own_forename_keep_the_known_person(extractor, text):
    found = people(extractor, text)
    assert "Emmanuel Macron" in found
    assert not any(n.endswith("Macron") and n != "Emmanuel Macron" for n in found)


def test_a_forename_spelt_another_way_is_the_same_person(extractor):  # a guard too
    found = people(extractor, "Prime Minister Alexis Tsipras met the crews; Alexi Tsipras thanked them for the frigates.")
    assert found == {"Alexis Tsipras"}
