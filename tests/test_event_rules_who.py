"""Event rules on sentences written for the test: a bare "make" that names nothing made is no co-production ("will
make a state visit", "to make the army a modern force"), one that names a part or a weapon still is; a platform chosen
over others is weighed by the buyer and the contenders' countries; an event that names no country and no one who
took part is not kept (no gold event can be it)."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"


def candidates(extractor, text: str) -> list[dict]:
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return record["events"]


def types(extractor, text: str) -> set[str]:
    """The types of the rules' own events (not those proposed for the model from the triggers)."""
    record, feats = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return {e["type"] for e, f in zip(record["events"], feats) if "src:rules" in f}


@pytest.mark.parametrize("text", [
    "Indonesian President Prabowo Subianto will make a state visit to France next week, the foreign ministry said.",
    "The Kenyan defence minister said the new equipment would help to make the army a modern and mobile force.",
    "Brazil's Embraer will make its first entry into the African market with the sale, analysts in Nigeria said.",
    "Officials in Vietnam said Hanwha will make the shipments in two batches through a state trading agency.",
])
def test_a_make_that_names_nothing_made_is_no_coproduction(extractor, text):
    assert "COPRODUCTION" not in types(extractor, text), text


@pytest.mark.parametrize("text", [
    "Under the agreement with South Korea, Polish firms will make selected parts of the K9 howitzers.",
    "India said the local shipyard will make four of the Scorpene submarines for the Indian Navy under licence from France.",
    "Egypt wants to make the Rafale jets locally with help from France, the defence ministry said.",
])
def test_a_make_that_names_a_part_or_a_weapon_is_coproduction(extractor, text):
    assert "COPRODUCTION" in types(extractor, text), text


@pytest.mark.parametrize("text,countries", [
    ("Canberra, June 5 - The Australian cabinet has chosen the Japanese Mogami-class frigate over the German MEKO A-200.",
     {"AUS", "JPN", "DEU"}),
    ("The Norwegian government picked the Type 26 frigate from Britain after evaluating bids from France and Germany.",
     {"NOR", "GBR"}),
])
def test_a_platform_chosen_is_weighed_by_the_buyer_and_the_contenders(extractor, text, countries):
    evals = [e for e in candidates(extractor, text) if e["type"] == "EVALUATION"]
    assert evals and countries <= set().union(*(set(e["countries"]) for e in evals)), (text, evals)


@pytest.mark.parametrize("text", [
    "The talks took place on the sidelines of the summit.",
    "The cabinet has chosen the Mogami-class frigate after a long evaluation.",
    "The two sides talked about the delivery of the frigates at the meeting on Monday.",
    "Three bidders remain in the navy's competition for six corvettes.",
    "The navy has selected the Type 31 frigate after a two-year evaluation.",
    "The air force picked the KF-21 over the F-16 in the final round of trials.",
])
def test_an_event_naming_no_country_and_no_one_is_not_kept(extractor, text):
    kept = extractor(Article(text=text, published=PUBLISHED))["events"]
    assert all(e["countries"] or e["participants"] for e in kept), kept
