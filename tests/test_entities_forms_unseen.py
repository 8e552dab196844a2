"""Entities of reports the project has not seen, written in forms the rules missed (session 16): a junior rank
before a name ("Major Kenneth Omondi" is Kenneth Omondi), a body's people before its name ("Officials of the
Defence Procurement Agency"), an office said of "the country" ("Jaroslav Dvorak, the country's deputy defence
minister"), and a person named in full once and by two words later ("Mr Paba Sale") as one person. Sentences
are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str, kind: str) -> list[dict]:
    return [e for e in extractor(Article(text=text, published="2025-06-01"))["entities"] if e["kind"] == kind]


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in entities(extractor, text, kind)}


@pytest.mark.parametrize("text, name", [
    ("Army spokesman Major Kenneth Omondi said the vehicles had arrived in Nairobi.", "Kenneth Omondi"),
    ("Navy spokesperson Lieutenant Marta Kowal said the corvette sailed on Friday.", "Marta Kowal"),
    ("Air force spokesman Squadron Leader Tariq Nadeem said the jets were grounded.", "Tariq Nadeem"),
    ("Defence ministry spokesman Sergeant Piotr Zaleski said the tanks were ready.", "Piotr Zaleski"),
])
def test_a_junior_rank_is_not_part_of_the_name(extractor, text, name):
    assert name in names(extractor, text, "person")


@pytest.mark.parametrize("text, name", [
    ("Officials of the Defence Procurement Agency inspected the boats in Gdynia.", "Defence Procurement Agency"),
    ("Staff of the Directorate of Military Procurement inspected the plant.", "Directorate of Military Procurement"),
    ("Members of the Defence and Security Committee questioned the minister.", "Defence and Security Committee"),
    ("Engineers of the Naval Research Institute tested the sonar.", "Naval Research Institute"),
])
def test_a_bodys_people_are_not_part_of_its_name(extractor, text, name):
    assert names(extractor, text, "organization") == {name}


@pytest.mark.parametrize("text, name, role", [
    ("The order was announced by Jaroslav Dvorak, the country's deputy defence minister.", "Jaroslav Dvorak",
     "Deputy Defence Minister"),
    ("The deal was confirmed by Tomas Berg, the company's chief executive, on Monday.", "Tomas Berg", "CEO"),
    ("Helena Sousa, the country's defence minister, visited the shipyard.", "Helena Sousa", "Defence Minister"),
])
def test_an_office_of_the_country_names_a_person(extractor, text, name, role):
    found = {e["name"]: e["role"] for e in entities(extractor, text, "person")}
    assert found.get(name) == role


@pytest.mark.parametrize("text, full", [
    ("The vehicles were a gift, Mahamat Tolo Bena, the country's ambassador to Russia, said. "
     "\"We need them,\" Mr Tolo Bena said.", "Mahamat Tolo Bena"),
    ("Fatima Zahra Idrissi, the country's defence minister, signed the order. "
     "Ms Zahra Idrissi said the first boats would arrive in May.", "Fatima Zahra Idrissi"),
])
def test_a_person_named_by_two_of_their_words_later_is_one_person(extractor, text, full):
    people = entities(extractor, text, "person")
    assert [p["name"] for p in people] == [full]
    assert len(people[0]["mentions"]) == 2
