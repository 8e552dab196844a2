"""Entities, session 23: "Korea" or "Korean" written alone names South Korea where the report names no North
Korea (the catalogue rejects both words as names of either Korea). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def countries(extractor, text: str) -> set[str]:
    record = extractor(Article(text=text, published="2025-06-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == "country"}


@pytest.mark.parametrize("text", [
    "Estonia will buy 12 more K9 howitzers from Korea under a contract signed on Monday.",
    "Peru said on Tuesday that the Korean firm would build two frigates at its Callao yard.",
    "Norway's army received the last of its Korean-made K9 howitzers, the ministry said.",
    "Malaysia signed a contract with Korea Aerospace Industries for 18 FA-50 light combat jets.",
    "Koreans will train the Polish crews of the K2 tanks ordered last year, Warsaw said.",
])
def test_korea_alone_names_south_korea(extractor, text):
    assert "South Korea" in countries(extractor, text)


@pytest.mark.parametrize("text", [
    "North Korea tested a missile on Monday; Korean analysts said it could reach Japan.",
    "Pyongyang paraded new launchers as the Korean Peninsula stayed tense, Japan said.",
])
def test_korea_alone_is_not_south_korea_beside_the_north(extractor, text):
    assert "South Korea" not in countries(extractor, text)


def people(extractor, text: str) -> set[str]:
    record = extractor(Article(text="Poland signed the deal for 48 tanks on Friday.\n\n" + text, published="2025-06-01"))
    return {e["name"] for e in record["entities"] if e["kind"] == "person"}


@pytest.mark.parametrize("text, name", [
    ("Talks were held with Tomás Álvarez Ibáñez, Chile's Minister of Defence, in Warsaw.", "Tomás Álvarez Ibáñez"),
    ("The papers were signed by Ülkü Şahin, Turkey's Deputy Minister of Defence.", "Ülkü Şahin"),
    ("Also present was Łukasz Żmuda, the Polish Secretary of State for Defence.", "Łukasz Żmuda"),
])
def test_a_name_that_opens_with_an_accented_capital(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Henrik Dahlqvist, Saab's executive director of sales, called it a milestone.", "Henrik Dahlqvist"),
    ("The tanks were welcomed by Aiko Tanabe, Japan's senior vice foreign minister.", "Aiko Tanabe"),
    ("Marco Bellini, Rossi's lawyer, asked for the charges to be dropped.", "Marco Bellini"),
    ("In 2019 Karin Holmberg, then Sweden's defence minister, had opposed the sale.", "Karin Holmberg"),
    ("On Monday, Tomas Brennan, the EU Special Envoy for the Baltic, welcomed the deal.", "Tomas Brennan"),
    ("Grace Mbeki, the South African High Commissioner, attended the signing.", "Grace Mbeki"),
])
def test_a_name_before_what_it_is_of_a_country_firm_or_person(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text", [
    "In Warsaw, the Defence Minister welcomed the deal.",
    "Later that day, the Polish Ambassador to Korea confirmed the date.",
    "Under the deal, Poland's defence minister said, the first tanks arrive in 2026.",
])
def test_no_person_from_a_phrase_before_an_office(extractor, text):
    assert not people(extractor, text)
