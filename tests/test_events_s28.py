"""Session 28, events: a gift told by its noun ("made the donation", "the gift of two boats") opens a DELIVERY
candidate, as the verbs "donated" / "gifted" open one through the deal rules; a government authorising a sale
("would authorize selling eight helicopters") opens an OFFER candidate, as "cleared the sale" does. On sentences
written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"


def types(extractor, text: str) -> set[tuple[str, tuple[str, ...]]]:
    """The type and countries of every event candidate of a text."""
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return {(e["type"], tuple(sorted(e["countries"]))) for e in record["events"]}


@pytest.mark.parametrize("text, countries", [
    ("China's defence ministry made the donation to the Papua New Guinea Defence Force on Friday.", ("CHN", "PNG")),
    ("The gift of two patrol boats from Japan to Fiji was announced on Monday.", ("FJI", "JPN")),
    ("Officials from Italy and Albania attended the ceremony, where the donation of four trucks was marked.",
     ("ALB", "ITA")),
])
def test_a_gift_told_by_its_noun_is_a_delivery_candidate(extractor, text, countries):
    assert ("DELIVERY", countries) in types(extractor, text)


@pytest.mark.parametrize("text, countries", [
    ("Washington said it would authorize selling eight helicopters to Peru.", ("PER", "USA")),
    ("Berlin authorised the export of 12 howitzers to Lithuania on Tuesday.", ("DEU", "LTU")),
    ("The government in Seoul has authorized the sale of two corvettes to Ecuador.", ("ECU", "KOR")),
])
def test_an_authorised_sale_is_an_offer_candidate(extractor, text, countries):
    assert ("OFFER", countries) in types(extractor, text)
