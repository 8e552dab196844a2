"""The reconciliation rules on their own: when reports agree, which deal a report is about."""
from __future__ import annotations

import pytest

from armsledger.ledger.reconcile import (figures_agree, match_deal, match_event, ranges_agree, reconcile_deal,
                                         values_agree)


@pytest.mark.parametrize("a, b, agree", [
    (5e9, 5.43e9, True),       # "USD 5 billion" is 5.43 billion rounded
    (5.4e9, 5.43e9, True),
    (5.43e9, 5.5e9, False),    # both stated to the tenth: they differ
    (3, 4, False),             # three squadrons are not four
    (36, 36, True),
    (2e9, 2.6e9, False),       # 2.6 rounds to 3, not 2
])
def test_figures_agree_up_to_rounding(a, b, agree):
    assert figures_agree(a, b) is agree
    assert figures_agree(b, a) is agree


def test_values_in_different_currencies_compare_in_usd_within_fx_tolerance():
    usd = {"amount": 5.43e9, "currency": "USD", "usd": 5.43e9}
    inr = {"amount": 4.0e11, "currency": "INR", "usd": 5.0e9}  # Rs 40,000 crore at a yearly average rate
    far = {"amount": 2.0e11, "currency": "INR", "usd": 2.4e9}
    assert values_agree(usd, inr)
    assert not values_agree(usd, far)


def test_overlapping_ranges_and_different_units_do_not_conflict():
    assert ranges_agree({"min": 2, "max": 3, "unit": "regiment"}, {"min": 2, "max": 2, "unit": "regiment"})
    assert not ranges_agree({"min": 5, "max": 5, "unit": "squadron"}, {"min": 6, "max": 6, "unit": "squadron"})
    assert ranges_agree({"min": 3, "max": 3, "unit": "regiment"}, {"min": 2, "max": 2, "unit": "system"})
    assert ranges_agree({"min": None, "max": 50}, {"min": 40, "max": 40})  # "up to 50 per cent" and "40 per cent"


def deal_row(id, year=None, follow_on=False, supplier="FRA"):
    return {"id": id, "supplier": supplier, "recipient": "EGY", "platform": "Rafale", "follow_on": follow_on,
            "order_year": year}


def test_orders_of_different_years_are_different_deals():
    stored = [deal_row(1, 2015), deal_row(2, 2021, follow_on=True)]
    rec = {"supplier": "FRA", "recipient": "EGY", "platform": "Rafale", "follow_on": False}
    assert match_deal(dict(rec, signed={"value": "2015-02"}), stored)["id"] == 1
    assert match_deal(dict(rec, signed={"value": "2024"}), stored) is None  # a new order
    assert match_deal(rec, stored)["id"] == 1  # no year: the first order
    assert match_deal(dict(rec, follow_on=True), stored)["id"] == 2


def test_a_report_naming_no_supplier_still_matches_the_deal():
    assert match_deal({"supplier": None, "recipient": "EGY", "platform": "Rafale"}, [deal_row(7)])["id"] == 7


def test_the_same_meeting_from_two_outlets_is_one_event_but_another_day_is_not():
    stored = [{"id": 1, "type": "MEETING", "countries": "IND,RUS", "date": "2025-12-04", "last_reported": "2025-12-03"}]
    same = {"type": "MEETING", "countries": ["RUS", "IND"], "date": {"value": "2025-12"}}
    other = {"type": "MEETING", "countries": ["RUS", "IND"], "date": {"value": "2025-12-05"}}
    assert match_event(same, "2025-12-04", stored)["id"] == 1
    assert match_event(other, "2025-12-06", stored) is None


def claim(field, value, article, reported, hedged=False, group=None):
    return {"field": field, "value": value, "article_id": article, "wire_group": group or article,
            "reported": reported, "hedged": hedged, "text": None}


def test_latest_report_sets_status_and_schedule_and_slippage_is_kept():
    claims = [claim("status", "signed", "a", "2019-01-01"), claim("status", "in_delivery", "b", "2024-05-01"),
              claim("expected_completion", {"value": "2023-12", "precision": "month"}, "a", "2019-01-01"),
              claim("expected_completion", {"value": "2026", "precision": "year"}, "b", "2024-05-01"),
              claim("expected_completion", {"value": "2027", "precision": "year"}, "c", "2025-06-01")]
    rec = reconcile_deal(claims)
    assert rec["fields"]["status"]["value"] == "in_delivery"
    assert rec["fields"]["status"]["source"]["article_id"] == "b"
    exp = rec["fields"]["expected_completion"]
    assert exp["value"]["value"] == "2027"
    assert [h["value"]["value"] for h in exp["history"]] == ["2023-12", "2026", "2027"]
    assert exp["slipped"]
    assert rec["conflicts"] == []


def test_disagreeing_quantities_are_a_conflict_and_wire_copies_count_once():
    claims = [claim("quantity", {"min": 5, "max": 5, "unit": "squadron"}, "a", "2025-01-01"),
              claim("quantity", {"min": 5, "max": 5, "unit": "squadron"}, "b", "2025-01-02", group="a"),
              claim("quantity", {"min": 6, "max": 6, "unit": "squadron"}, "c", "2025-01-03")]
    rec = reconcile_deal(claims)
    assert [c["field"] for c in rec["conflicts"]] == ["quantity"]
    assert rec["independent_sources"] == 2
    q = rec["fields"]["quantity"]
    # two copies of one wire story are one source: a tie, which the later report wins
    assert q["value"]["max"] == 6 and q["alternatives"][0]["max"] == 5


def test_deliveries_may_grow_over_time_but_not_shrink():
    grow = [claim("delivered", {"min": 2, "max": 2, "unit": "squadron"}, "a", "2023-01-01"),
            claim("delivered", {"min": 3, "max": 3, "unit": "squadron"}, "b", "2024-06-01")]
    shrink = grow + [claim("delivered", {"min": 2, "max": 2, "unit": "squadron"}, "c", "2025-01-01")]
    assert reconcile_deal(grow)["conflicts"] == []
    assert [c["field"] for c in reconcile_deal(shrink)["conflicts"]] == ["delivered"]


def test_hedged_and_single_source_values_are_less_certain():
    firm = reconcile_deal([claim("value", {"amount": 1e9, "currency": "USD", "usd": 1e9}, "a", "2025-01-01"),
                           claim("value", {"amount": 1e9, "currency": "USD", "usd": 1e9}, "b", "2025-01-02")])
    hedged = reconcile_deal([claim("value", {"amount": 1e9, "currency": "USD", "usd": 1e9}, "a", "2025-01-01",
                                   hedged=True)])
    assert firm["fields"]["value"]["confidence"] > hedged["fields"]["value"]["confidence"]
    assert hedged["hedged"] and not firm["hedged"]


def test_an_analysts_correction_wins_and_a_rejected_claim_is_left_out():
    claims = [claim("delivered", {"min": 3, "max": 3, "unit": "squadron"}, "a", "2025-01-01"),
              claim("quantity", {"min": 6, "max": 6, "unit": "squadron"}, "b", "2025-01-02"),
              claim("quantity", {"min": 5, "max": 5, "unit": "squadron"}, "a", "2025-01-01")]
    fixes = [{"action": "set", "field": "delivered", "value": {"min": 4, "max": 4, "unit": "squadron"},
              "article_id": None, "who": "ana", "why": "MoD statement", "at": "2025-02-01"},
             {"action": "reject", "field": "quantity", "article_id": "b", "value": None, "who": "ana",
              "why": "misread", "at": "2025-02-01"}]
    rec = reconcile_deal(claims, fixes)
    assert rec["fields"]["delivered"]["value"]["max"] == 4 and rec["fields"]["delivered"]["corrected"]
    assert rec["fields"]["quantity"]["value"]["max"] == 5
    assert rec["conflicts"] == []


@pytest.mark.parametrize("kind, a, b", [
    ("person", "Andrey Belousov", "Andrei Belousov"),
    ("person", "Dmitry Peskov", "Dmitriy Peskov"),
    ("person", "Aleksandr Mikheyev", "Aleksandr Mikheev"),
    ("organization", "Bharat Dynamics Ltd.", "Bharat Dynamics Limited"),
    ("platform", "F 35A", "F-35A"),
    ("person", "José Luis Sánchez", "Jose Luis Sanchez"),
])
def test_spellings_of_one_entity_meet_under_one_key(kind, a, b):
    from armsledger.ledger.resolve import entity_key
    assert entity_key(kind, a) == entity_key(kind, b)


def test_different_people_keep_different_keys():
    from armsledger.ledger.resolve import entity_key
    assert entity_key("person", "Rajnath Singh") != entity_key("person", "Manmohan Singh")
