"""Event rules on sentences written for the test: a happening told for each date of a list ("Varaha in April 2006 and
Vigraha in August 2008") is one event per date; "handed ... to" is a delivery; a weekday with a time zone is the
weekday; a delivery first due on a day it missed is no delivery then; a signing told as done is not dated after the
report."""
from __future__ import annotations

import pytest

from armsledger.extract.context import lexicon
from armsledger.extract.dates import find_dates
from armsledger.model import Article

PUBLISHED = "2024-06-05"


def rule_events(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    """The rules' own events of a text, each under the date the rules gave it (not those proposed for the model, nor
    an undated one's copies under other dates)."""
    record, feats = extractor.event_candidates(Article(text=text, published=published))
    return [e for e, f in zip(record["events"], feats) if "src:rules" in f and "date:rule" in f]


def dates_of(extractor, text: str, type_: str, published: str = PUBLISHED) -> list[str]:
    return sorted((e["date"] or {}).get("value") or "" for e in rule_events(extractor, text, published)
                  if e["type"] == type_ and e["date"])


@pytest.mark.parametrize("text,when", [
    ("Germany delivered two Leopard 2 tanks to Qatar in March 2015 and four more in November 2016.", ["2015-03", "2016-11"]),
    ("Russia handed over Su-30 jets to Algeria in 2019 and a second batch in 2021.", ["2019", "2021"]),
    ("Germany delivered the first two Leopard 2 tanks to Qatar in 2015, with the other 60 Leopard 2 tanks following in 2016.",
     ["2015", "2016"]),
    ("France delivered six Rafale jets to Greece in January 2022 and six more Rafale jets in July 2022.",
     ["2022-01", "2022-07"]),
])
def test_a_delivery_listed_with_its_dates_is_one_per_date(extractor, text, when):
    assert dates_of(extractor, text, "DELIVERY") == when, text


@pytest.mark.parametrize("text,when", [
    ("Pakistan ordered two Type 054A frigates from China in 2017 and a further two in 2018.", ["2017", "2018"]),
    ("Egypt ordered 24 Rafale jets from France in February 2015 and another 30 in May 2021.", ["2015-02", "2021-05"]),
    ("Poland signed a contract with South Korea for 180 K2 tanks in July 2022 and a second one for 180 more in December 2023.",
     ["2022-07", "2023-12"]),
])
def test_orders_listed_with_their_dates_are_one_signing_per_date(extractor, text, when):
    assert dates_of(extractor, text, "DEAL_SIGNED") == when, text


@pytest.mark.parametrize("text,other", [
    ("Norway ordered five P-8A aircraft from the United States in 2017 and the first was delivered in 2022.", "2022"),
    ("Chile signed the contract for F-16 jets with the United States in 2005, while deliveries began in 2006.", "2006"),
    ("Egypt ordered 24 Rafale jets from France in 2015, officials said on Monday and on Tuesday.", "2024-06-04"),
])
def test_a_date_of_another_happening_or_of_a_statement_is_no_further_signing(extractor, text, other):
    assert other not in dates_of(extractor, text, "DEAL_SIGNED"), text


@pytest.mark.parametrize("text", [
    "India handed two patrol vessels to Sri Lanka in 2006.",
    "The navy hands three Hamilton-class cutters to the Philippines.",
    "Italy is handing four patrol boats to Libya this month.",
    "Japan handed ten coastguard ships of its own fleet to the Philippines.",
])
def test_handed_to_a_recipient_is_a_delivery(text):
    assert any(t.group == "event" and t.kind == "DELIVERY" for t in lexicon().find(text, 0)), text


@pytest.mark.parametrize("text", [
    "The court handed down a sentence to the officer.",
    "On the other hand, Egypt wants to buy more jets.",
    "The minister was handed a letter.",
    "Hand grenades were found in the depot.",
])
def test_handed_down_or_a_hand_is_no_delivery(text):
    assert not any(t.group == "event" and t.kind == "DELIVERY" for t in lexicon().find(text, 0)), text


@pytest.mark.parametrize("text,value", [
    ("The State Department on Thursday (US time) cleared the sale.", "2024-05-30"),
    ("The ministry said on Monday (local time) that the jets had arrived.", "2024-06-03"),
    ("Officials met on Tuesday (Washington time) to discuss the sale.", "2024-06-04"),
])
def test_a_weekday_with_its_time_zone_is_the_weekday(text, value):
    from datetime import date
    assert [d.value for d in find_dates(text, date.fromisoformat(PUBLISHED))] == [value], text


@pytest.mark.parametrize("text", [
    "The State Department on Thursday (March 16) cleared the sale.",
    "The contract was signed on Friday (12 May) in Seoul.",
])
def test_a_weekday_a_date_follows_in_brackets_is_not_read_alone(text):
    from datetime import date
    assert not any(d.kind == "wd" for d in find_dates(text, date.fromisoformat(PUBLISHED))), text


@pytest.mark.parametrize("text", [
    "Greece bought 24 Rafale jets from France in 2021. The Rafale jets had first been due to arrive at Tanagra on March 11, "
    "but the handover was put off.",
    "Egypt ordered four Type 209 submarines from Germany in 2011. The last Type 209 submarine was first scheduled to be "
    "delivered in 2019.",
    "Romania bought 12 F-16 jets from Portugal in 2013. The F-16 jets were first expected to arrive in Romania in May 2016.",
])
def test_a_delivery_told_as_the_day_it_was_first_due_is_no_delivery(extractor, text):
    assert dates_of(extractor, text, "DELIVERY") == [], text


@pytest.mark.parametrize("text", [
    "Poland's armament agency said on Friday that the country has signed a deal worth $2.6 billion for 150 more K9 "
    "howitzers from South Korea. The agency said that under the agreement Poland will take another six K9 howitzers in "
    "2025 and 146 more in 2026.",
    "Norway's defence ministry said on Monday it has signed a contract for 54 K9 howitzers from South Korea. Under the "
    "contract Norway will get the first K9 howitzers in 2026.",
    "Greece's government said on Tuesday that it signed a contract for 20 F-35 jets from the United States. Under the "
    "contract Greece will take the first F-35 jets in 2028.",
])
def test_a_signing_told_as_done_is_not_dated_after_the_report(extractor, text):
    signed = dates_of(extractor, text, "DEAL_SIGNED")
    assert signed and all(v <= PUBLISHED[:len(v)] for v in signed if v), signed
