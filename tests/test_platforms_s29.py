"""Platforms, session 29: types the catalogue does not hold, told by their shape. A designation written with a hyphen
needs no weapon noun after it ("six Vk-48 and two KQ-310"); a name in capitals, or before a noun of combat aircraft
or of a system by what it is ("ZORAN fighter jets", "Marlot combat aircraft", "VEKTA rocket artillery systems"); a
capitalised word after a defence firm's name, where a weapon noun follows or the report names it again ("Dassault
Mirabel aircraft"). Sentences and names are written for these tests."""
from __future__ import annotations

import pytest

from found import entities


def platforms(text: str, field: str = "name") -> list:
    """`field` of each platform the rules find in `text`."""
    return entities(text, "platform", field)


@pytest.mark.parametrize("text, name", [
    ("The air force ordered six Vk-48 and two Vk-52 last year.", "Vk-48"),
    ("Deliveries of the KQ-310 to the navy will begin in 2027, the ministry said.", "KQ-310"),
    ("Officials said the first FQ-77s would reach the squadron by March.", "FQ-77"),
    ("The firm's income rose on XT-410M contracts with two Asian air forces.", "XT-410M"),
])
def test_a_hyphened_designation_alone_is_a_platform(text, name):
    assert name in platforms(text)


@pytest.mark.parametrize("text", [
    "The leaders met at the G-20 summit in the capital on Monday.",
    "Deliveries slowed during the COVID-19 pandemic, the company said.",
    "The frigate Tarlac (LD-601) sailed for the exercise on Friday.",
])
def test_no_platform_from_a_summit_a_disease_or_a_hull_number(text):
    assert not any(ch.isdigit() for name in platforms(text) for ch in name)


@pytest.mark.parametrize("text, name", [
    ("Jakarta has signed a contract for 24 ZORAN fighter jets from its partner.", "ZORAN"),
    ("The ministry said the Marlot combat aircraft would replace the old fleet.", "Marlot"),
    ("The army will buy 18 VEKTA rocket artillery systems next year.", "VEKTA"),
    ("The country will take delivery of twelve Sarvel fighters in 2028.", "Sarvel"),
])
def test_a_name_before_a_noun_of_combat_aircraft_or_a_system(text, name):
    assert name in platforms(text)


@pytest.mark.parametrize("text, name", [
    ("The navy will replace its Dassault Mirabel aircraft within ten years.", "Mirabel"),
    ("Officials praised Saab's Korvin, and the Korvin is now on offer to the air force.", "Korvin"),
])
def test_a_name_after_its_maker(text, name):
    assert name in platforms(text)


@pytest.mark.parametrize("text", [
    "Boeing Defense said on Monday that its income had risen.",
    "Saab Chief Executive said the firm's income had risen.",
    "A Dassault Development team visited the plant in the spring.",
])
def test_no_platform_from_a_firm_own_words(text):
    assert platforms(text) == []
