"""Session 26, events: a concession ("though", "although") ends a clause, so a date on its far side is not the
date of the words before it ("ordered ... in 2014, though deliveries ... started in 2016"); a signing of an accord
short of a purchase (a letter of intent by its initials, an agreement in principle, a broad cooperation accord, a
trade accord) is an AGREEMENT, not a DEAL_SIGNED; an AGREEMENT read from a signing takes the date its accord's
word holds, and the signing's own day rather than the day a statement reported it; "meet" as "satisfy" ("met its
goal", "meeting NATO's benchmark", "meet Baghdad's requests") is no meeting. On sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def rule_events(extractor, text: str) -> list[dict]:
    """The rules' own events of a text under the dates the rules gave them (not the model's proposals)."""
    record, feats = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return [e for e, f in zip(record["events"], feats) if "src:rules" in f and "date:rule" in f]


def typed(extractor, text: str) -> set[tuple[str, str | None]]:
    return {(e["type"], (e["date"] or {}).get("value")) for e in rule_events(extractor, text)}


@pytest.mark.parametrize("text, signed", [
    ("Ghana placed an order for four Z-9 helicopters with China in 2014, though deliveries followed a slow schedule "
     "that started in 2016.", "2014"),
    ("Iraq placed an order for 24 T-50 jets with South Korea in 2013, although the deliveries, slowed by the war, "
     "began in 2017.", "2013"),
    ("Peru placed an order for two KT-1 trainers with South Korea in 2012, although the deliveries, delayed by a "
     "dispute over the engines, began in late 2014.", "2012"),
    ("Algeria ordered 14 Su-30MKA fighters from Russia in 2015, though deliveries were spread over a long period "
     "from 2017.", "2015"),
])
def test_a_date_across_a_concession_is_not_the_signing_s(extractor, text, signed):
    assert [d for t, d in typed(extractor, text) if t == "DEAL_SIGNED"] == [signed], text


def test_the_delivery_keeps_the_date_after_the_concession(extractor):
    text = ("Algeria ordered 14 Su-30MKA fighters from Russia in 2015, though deliveries were spread over a long "
            "period from 2017.")
    assert ("DELIVERY", "2017") in typed(extractor, text)


@pytest.mark.parametrize("text, when", [
    ("Colombia flies Israeli-built Kfir jets, and the two countries signed a free trade agreement in 2020.", "2020"),
    ("The Bangladesh Air Force has signed an LOI with Italy's Leonardo for the induction of Eurofighter Typhoon "
     "jets.", None),
    ("Turkey and Indonesia signed an agreement in principle on the sale of 48 KAAN fighters in June.", "2024-06"),
])
def test_an_accord_short_of_a_purchase_signed_is_an_agreement(extractor, text, when):
    found = typed(extractor, text)
    assert ("AGREEMENT", when) in found, found
    assert not any(t == "DEAL_SIGNED" for t, _ in found), found


@pytest.mark.parametrize("text, when", [
    ("India and Vietnam signed a memorandum of understanding on BrahMos missiles in 2022.", "2022"),
    ("Poland signed a framework agreement with South Korea for 1,000 K2 tanks in July 2022.", "2022-07"),
    ("Brazil signed a broad partnership accord with Sweden in 2014 covering the Gripen E fighters.", "2014"),
])
def test_an_agreement_signed_takes_the_date_its_accord_holds(extractor, text, when):
    assert ("AGREEMENT", when) in typed(extractor, text)


def test_an_agreement_reported_later_takes_the_signing_s_day(extractor):
    text = ("Hanwha said on Monday that it has signed a memorandum of understanding with Peru on K2 tanks. "
            "According to Hanwha, the memorandum, signed on Saturday by its president and the Peruvian army chief, "
            "opens the way to a contract.")
    agreements = [d for t, d in typed(extractor, text) if t == "AGREEMENT"]
    assert "2024-06-01" in agreements and "2024-06-03" not in agreements, agreements


# "meet" as "satisfy": a commitment, a request, a goal, a benchmark, a requirement, a challenge met is no meeting
@pytest.mark.parametrize("text", [
    "Defence Minister Sergei Shoigu said Russia would meet its commitments to Venezuela on the Su-30 contract.",
    "Foreign Minister Sergei Lavrov said Moscow would do everything to meet Baghdad's requests for Russian-made weapons.",
    "Navy chief Admiral Ronald Lorenzana said the navy had met its goal of signing the corvette contract with South "
    "Korea.",
    "Defence Minister Bill Blair said Canada was meeting NATO's benchmark of spending two per cent of GDP on defence.",
    "Air Force chief Lars Helmrich said the C-390 met all the requirements of the Swedish air force.",
    "President Ferdinand Marcos said the Philippines needs more BrahMos batteries to meet the security challenges in "
    "the region.",
])
def test_a_need_met_is_no_meeting(extractor, text):
    assert not any(t == "MEETING" for t, _ in typed(extractor, text)), text


@pytest.mark.parametrize("text", [
    "Defence Minister Rajnath Singh met his Philippine counterpart Gilberto Teodoro on Monday to discuss the "
    "requirements of the navy.",
    "Rajnath Singh held a meeting with Gilberto Teodoro on the navy's requirements on Monday.",
])
def test_a_meeting_on_requirements_is_still_a_meeting(extractor, text):
    assert ("MEETING", "2024-06-03") in typed(extractor, text)
