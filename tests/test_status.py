"""A deal's status as its claims give it (`extract/status.py`): each case is a deal as the rules leave it after
reading a report, and the status an analyst would write down for it."""
from __future__ import annotations

import pytest

from armsledger.extract.context import Clause
from armsledger.extract.deals import Claim, Deal
from armsledger.extract.entities import Entity
from armsledger.extract.status import read, refine, whole
from armsledger.extract.text import split


def deal(*claims: Claim, **figures) -> Deal:
    d = Deal("FRA", "IND", Entity("platform", "Rafale"), False, 0, claims=list(claims))
    for name, value in figures.items():
        setattr(d, name, value)
    return d


def said(stage: str, *, hedged: bool = False, negated: bool = False, pending: bool = False, clause: int = 0) -> Claim:
    return Claim(stage, hedged, negated, clause, pending)


@pytest.mark.parametrize("claims, expected", [
    # "India is weighing the Rafale" ... "and signed for 26 of them in April": the furthest stage wins
    ([said("consider"), said("sign")], ("signed", False)),
    # "France offered the Rafale"
    ([said("offer")], ("offered", False)),
    # "India may sign the contract next month": a hedged signature is only considered, and hedged
    ([said("sign", hedged=True)], ("considered", True)),
    # "the deal was signed" ... "the government has cancelled the deal": a cancellation wins over any stage
    ([said("sign"), said("deliver"), said("cancel")], ("cancelled", False)),
    # "no contract has been signed yet": a denied signature stands for the stage before it
    ([said("sign", negated=True)], ("negotiating", False)),
    # "signed, subject to parliament's approval": pending
    ([said("sign", pending=True)], ("negotiating", False)),
    # "the first jets were delivered in July"
    ([said("sign"), said("deliver")], ("in_delivery", False)),
])
def test_the_furthest_stage_the_claims_reach_is_the_status(claims, expected):
    assert read(deal(*claims)) == expected


def test_a_count_delivered_that_reaches_the_count_ordered_completes_the_deal():
    ordered = {"min": 36, "max": 36, "unit": "aircraft", "text": "36"}
    assert read(deal(said("sign"), said("deliver"), quantity=ordered,
                     delivered={"min": 36, "max": 36, "unit": "aircraft", "text": "36"}))[0] == "completed"
    assert read(deal(said("sign"), said("deliver"), quantity=ordered,
                     delivered={"min": 30, "max": 30, "unit": "aircraft", "text": "30"}))[0] == "in_delivery"


def test_a_delivered_count_alone_lifts_a_signed_deal_to_in_delivery():
    assert read(deal(said("sign"), delivered={"min": 3, "max": 3, "unit": "squadrons", "text": "three"}))[0] \
        == "in_delivery"


def _clauses(text: str) -> list[Clause]:
    return [Clause(s) for s in split(text)]


@pytest.mark.parametrize("sentence, done", [
    ("Russia handed six MiG-29 fighters over to Serbia on Friday.", True),
    ("The tanks have arrived in Warsaw.", True),
    ("The first batch of the jets was handed over in July.", False),
    ("Two more frigates will be delivered by 2027.", False),
    ("Deliveries continue, with eight of the 12 helicopters received so far.", False),
])
def test_a_delivery_is_whole_only_when_no_sentence_of_it_leaves_part_to_come(sentence, done):
    d = deal(said("sign"), said("deliver", clause=0))
    assert whole(d, _clauses(sentence)) is done
    d.whole = done
    assert read(d)[0] == ("completed" if done else "in_delivery")


@pytest.mark.parametrize("sentence, status", [
    # a deal read as in delivery (a model's call) whose sentences speak of no delivery: signed
    ("China would hand Cambodia two new Type 056 corvettes next year at the earliest.", "signed"),
    ("Construction of the first Belharra frigate for Greece is progressing at Lorient.", "signed"),
    ("The first of eight Hangor-class submarines for Pakistan was launched in Wuhan.", "signed"),
    # ... one whose sentences do stays in delivery
    ("The first Rafale jets arrived at Cairo West air base.", "in_delivery"),
    ("Deliveries of the S-400 systems to India continue.", "in_delivery"),
    ("Peru already has two Kilo-class submarines, and two more are on order.", "in_delivery"),
])
def test_a_delivery_no_sentence_speaks_of_is_no_delivery(sentence, status):
    assert refine(deal(said("deliver", clause=0)), "in_delivery", _clauses(sentence)) == status


@pytest.mark.parametrize("status", ["in_delivery", "completed"])
@pytest.mark.parametrize("sentence", [
    # a delivery told only as still to come, with no count delivered: signed, whatever stage the model read
    "The US Coast Guard will hand over a second cutter to the Philippine Navy late this month.",
    "The two frigates are to be delivered to the Egyptian Navy in 2027.",
    "The first of the jets is expected to arrive at Tanagra air base next spring.",
    "The helicopters are due to land in Kathmandu tomorrow aboard a cargo aircraft.",
    "Under the contract the submarines will be handed over to the navy by 2029.",
    "Seoul signed a contract in July to supply Hanoi with 20 howitzers, which will be shipped next year.",
])
def test_a_delivery_told_only_as_to_come_is_signed(sentence, status):
    assert refine(deal(said("deliver", clause=0)), status, _clauses(sentence)) == "signed"


@pytest.mark.parametrize("sentence, status", [
    # ... beside a delivery made, the status stands
    ("The first jets were delivered in March, and the rest will arrive by 2026.", "in_delivery"),
    ("Four tanks arrived on Monday; twelve more are to be delivered in June.", "in_delivery"),
    ("The corvettes, which were handed over in May, will be armed with Exocet missiles.", "completed"),
    ("The air force already operates the jets and will receive spare engines next year.", "completed"),
])
def test_a_delivery_made_beside_one_to_come_stands(sentence, status):
    assert refine(deal(said("deliver", clause=0)), status, _clauses(sentence)) == status


@pytest.mark.parametrize("sentence", [
    "Belarus has been receiving Su-30SM fighter jets from Russia in recent years.",
    "The Indian Air Force has been inducting the Rafale jets since July 2020.",
    "Since 2019 the navy has been taking delivery of the frigates from France.",
    "Russia has been supplying the Mi-17 helicopters to Nepal for two years.",
])
def test_a_delivery_said_to_go_on_is_not_complete(sentence):
    # a deal read as completed whose sentence says deliveries are still going on: in delivery
    assert refine(deal(said("complete", clause=0)), "completed", _clauses(sentence)) == "in_delivery"


@pytest.mark.parametrize("sentence", [
    "Russia handed six MiG-29 fighters over to Serbia on Friday.",
    "All 12 jets have been received by the air force.",
])
def test_a_delivery_said_done_stays_complete(sentence):
    assert refine(deal(said("complete", clause=0)), "completed", _clauses(sentence)) == "completed"


@pytest.mark.parametrize("text, status", [
    # a purchase only announced, with a sentence saying when the units will come: still considered
    ("Bulgaria has decided to purchase eight F-16 jets. Six of them would be delivered by 2023.", "considered"),
    ("Peru will buy 24 F-16 fighters. The first jets are expected to arrive in 2027.", "considered"),
    ("Greece plans to acquire three FDI frigates. The ships are to be delivered by 2026.", "considered"),
    # ... one signed stays signed
    ("Bulgaria signed a contract for eight F-16 jets. Six of them would be delivered by 2023.", "signed"),
    ("Peru will buy 24 F-16 fighters. The contract was signed on Friday and the jets are to arrive in 2027.", "signed"),
])
def test_a_delivery_date_does_not_sign_a_purchase_only_announced(text, status):
    d = deal(said("sign", clause=0), said("sign", clause=1))
    assert refine(d, "signed", _clauses(text)) == status


_SIX = {"min": 6, "max": 6, "unit": "aircraft", "text": "six"}


@pytest.mark.parametrize("sentence", [
    "Moscow formally handed six MiG-29 jets over to Belgrade on Friday.",
    "Italy delivered six AW109 helicopters to the Nigerian Air Force last month.",
    "The air force has taken delivery of six Super Mushshak trainers from Pakistan.",
    "Six T-72 tanks from Russia arrived at the port of Corinto on Tuesday.",
])
def test_a_count_delivered_with_none_ordered_is_the_whole_purchase(sentence):
    # a deal in delivery by its count delivered, no count ordered, nothing left to come: completed
    assert refine(deal(said("deliver", clause=0), delivered=dict(_SIX)), "in_delivery", _clauses(sentence)) == "completed"


@pytest.mark.parametrize("sentence, figures", [
    # ... not where part of the order is told, or left to come
    ("The first batch of six MiG-29 jets was handed over to Belgrade on Friday.", {}),
    ("Deliveries of the AW109 helicopters have begun, with six aircraft handed over last month.", {}),
    ("Italy delivered six AW109 helicopters to the Nigerian Air Force last month.",
     {"quantity": {"min": 12, "max": 12, "unit": "helicopter", "text": "12"}}),
    ("Italy delivered six AW109 helicopters to the Nigerian Air Force last month.",
     {"remaining": {"min": 4, "max": 4, "unit": "helicopter", "text": "four"}}),
    ("Italy delivered six AW109 helicopters to the Nigerian Air Force last month.", {"expected": object()}),
])
def test_a_count_delivered_that_is_a_part_stays_in_delivery(sentence, figures):
    d = deal(said("deliver", clause=0), delivered=dict(_SIX), **figures)
    assert refine(d, "in_delivery", _clauses(sentence)) == "in_delivery"


@pytest.mark.parametrize("text, value, status", [
    # a delivery said complete whose completion date is still to come after the report: in delivery
    ("All 50 tanks will have been handed over by next year.", "2025", "in_delivery"),
    ("The last of the 12 jets is due by the end of 2026.", "2026-12", "in_delivery"),
    ("The remaining helicopters are due in September 2024.", "2024-09", "in_delivery"),
    # ... one completed by a date gone by stays completed
    ("All 50 tanks had been handed over by March.", "2024-03", "completed"),
    ("The last of the 12 jets was delivered in 2021.", "2021", "completed"),
])
def test_a_completion_still_to_come_is_a_delivery_under_way(text, value, status):
    from datetime import date

    from armsledger.extract import dates

    ref = date(2024, 5, 1)
    d = deal(said("complete", clause=0), expected=next(x for x in dates.find_dates(text, ref) if x.value == value))
    assert refine(d, "completed", [], ref) == status


@pytest.mark.parametrize("sentence", [
    "Italy delivered six AW109 helicopters to Nigeria last month, with the rest due next year.",
    "Italy delivered six AW109 helicopters to Nigeria last month; more will follow.",
    "Italy has delivered six AW109 helicopters to Nigeria so far.",
    "Not all of the AW109 helicopters have reached Nigeria: six were delivered last month.",
])
def test_a_count_delivered_with_the_rest_to_come_stays_in_delivery(sentence):
    assert refine(deal(said("deliver", clause=0), delivered=dict(_SIX)), "in_delivery", _clauses(sentence)) == "in_delivery"


def _status_of(extractor, text: str, platform: str) -> list[tuple[str, bool]]:
    from armsledger.model import Article
    record = extractor(Article(text=text, published="2024-06-01"))
    return [(d["status"], d["follow_on"]) for d in record["deals"] if d["platform"] == platform]


@pytest.mark.parametrize("text, platform", [
    ("Nigeria ordered six Mi-35M helicopters from Russia in 2016. The fourth of the helicopters arrived in Abuja on "
     "Monday.", "Mi-35M"),
    ("Egypt ordered four Type 209 submarines from Germany in 2011. The third submarine was handed over to the "
     "Egyptian Navy on Thursday.", "Type 209"),
    ("Vietnam ordered six Kilo-class submarines from Russia. The fifth Kilo-class submarine has arrived at Cam Ranh "
     "Bay, the navy said.", "Kilo class"),
    ("India ordered 36 Rafale jets from France. The 30th Rafale landed at Ambala on Friday.", "Rafale"),
])
def test_one_unit_past_the_first_arrived_is_a_delivery_under_way(extractor, text, platform):
    """An ordinal unit arrived ("the fourth of the helicopters arrived") is a part of the order: in delivery, not
    completed (nor only signed)."""
    assert _status_of(extractor, text, platform) == [("in_delivery", False)]


def test_the_last_unit_arrived_completes_the_order(extractor):
    text = ("Norway ordered five P-8 Poseidon aircraft from the United States. The fifth and final P-8 arrived at "
            "Evenes in March, completing the order.")
    assert _status_of(extractor, text, "P-8") == [("completed", False)]


@pytest.mark.parametrize("text, platform", [
    ("Bangladesh has signed a letter of intent with Italy's Leonardo for the procurement of Eurofighter Typhoon "
     "jets.", "Eurofighter Typhoon"),
    ("Bangladesh's air force has signed an LoI with Italy for the acquisition of Eurofighter Typhoon jets.",
     "Eurofighter Typhoon"),
    ("Ghana signed a letter of intent with Brazil's Embraer on the purchase of five Super Tucano aircraft.",
     "Super Tucano"),
    ("Ukraine and Sweden signed a letter of intent on Tuesday that could see Kyiv acquire up to 150 Gripen jets.",
     "Gripen"),
])
def test_a_letter_of_intent_signed_is_considered(extractor, text, platform):
    """A letter of intent that may lead to a purchase is considered (ANNOTATION.md), not negotiating nor signed; a
    memorandum "on the purchase of" stays talks (test_rules.py)."""
    assert _status_of(extractor, text, platform) == [("considered", False)]


@pytest.mark.parametrize("text, platform", [
    ("Poland ordered 180 K2 tanks from South Korea in 2022. The second batch of K2 tanks arrived in Gdynia on "
     "Tuesday.", "K2"),
    ("Romania ordered 54 Abrams tanks from the United States. Another batch of Abrams tanks was delivered to "
     "Romania this week.", "Abrams"),
    ("Morocco ordered 24 AH-64 Apache helicopters from the United States. A second batch of AH-64 Apache "
     "helicopters was delivered to Rabat in April.", "AH-64"),
])
def test_a_batch_of_an_order_delivered_is_no_follow_on(extractor, text, platform):
    """A batch of an order already told, delivered, is a delivery of that order: one deal in delivery, no
    follow-on beside it."""
    assert _status_of(extractor, text, platform) == [("in_delivery", False)]


@pytest.mark.parametrize("text, platform", [
    ("Poland ordered 180 K2 tanks from South Korea in 2022. In 2024 it ordered a second batch of 180 K2 tanks.", "K2"),
    ("Romania ordered 54 Abrams tanks from the United States. Romania will buy another 20 Abrams tanks from the "
     "United States.", "Abrams"),
])
def test_a_batch_ordered_is_still_a_follow_on(extractor, text, platform):
    assert [f for _, f in _status_of(extractor, text, platform)] == [False, True]
