"""Session 27, events: the event model weighs whose each date a candidate may take is (`events_decide.date_owner`:
the trigger nearest the date is the event's own words, another of its type, another type's); an official's visit
or a delegation opens a MEETING candidate, and a US assent to a sale told in other words ("approves arms sales",
"gave the go-ahead for the sale", "informed Congress") an OFFER candidate. On sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def candidates(extractor, text: str) -> list[tuple[dict, set[str]]]:
    """Every event candidate of a text (the rules', the deals' and the triggers' proposals) with its features."""
    record, feats = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return list(zip(record["events"], feats))


def owners(extractor, text: str, type_: str, value: str) -> set[str]:
    """The owner features of the candidates the triggers propose of `type_` dated `value`."""
    return {f for e, fs in candidates(extractor, text) if e["type"] == type_ and (e["date"] or {}).get("value") == value
            and "src:broad" in fs for f in fs if f.startswith("date:owner_")}


@pytest.mark.parametrize("text, day", [
    ("On Monday the Kenyan Air Force received two Mi-35M helicopters that the government bought from Russia.",
     "2024-06-03"),
    ("Ghana took delivery on Tuesday of four Z-9 helicopters, which its air force had bought from China.", "2024-06-04"),
    ("The Nigerian Navy received on Monday a patrol boat it had purchased from France.", "2024-06-03"),
])
def test_a_day_nearest_a_delivery_word_is_not_the_order_s(extractor, text, day):
    signed = owners(extractor, text, "DEAL_SIGNED", day)
    assert signed and signed <= {"date:owner_other"}, signed
    delivered = owners(extractor, text, "DELIVERY", day)
    assert "date:owner_other" not in delivered, delivered


def test_a_day_nearest_the_buying_word_is_its_own(extractor):
    text = "Peru signed a contract on Monday to buy two KT-1 trainers from South Korea."
    assert "date:owner_self" in owners(extractor, text, "REQUEST", "2024-06-03")


@pytest.mark.parametrize("text", [
    "Vietnam's defence minister Phan Van Giang began a three-day visit to Japan on Monday.",
    "Indonesian Defence Minister Sjafrie Sjamsoeddin visited Ankara on Monday, his first trip abroad in the post.",
    "A Nigerian delegation led by the chief of air staff arrived in Islamabad on Monday.",
])
def test_an_official_s_visit_is_a_meeting_candidate(extractor, text):
    found = [e for e, fs in candidates(extractor, text) if e["type"] == "MEETING"]
    assert found, text


@pytest.mark.parametrize("text", [
    "On Monday the State Department gave the go-ahead for the $75 million sale of Javelin missiles to Georgia.",
    "The Pentagon informed Congress on Monday of a possible $400 million deal for Stinger missiles for Morocco.",
    "On Monday the State Department gave its green light to the sale of 12 AH-64E helicopters to Qatar.",
])
def test_a_us_assent_to_a_sale_is_an_offer_candidate(extractor, text):
    said = {f.split(":", 2)[2] for e, fs in candidates(extractor, text) if e["type"] == "OFFER"
            for f in fs if f.startswith("trig_word:OFFER:")}
    assert any(w in x for x in said for w in ("green light", "go-ahead", "informed congress")), said
