"""Review of session 31's merged rules (sentences written for these tests):
- a list or run of months with the year told after the last: each join of the list is read one way only, and the
  list a year's months at most, so that a long list of months costs what its length does (the join's white space,
  shared out between the comma and the next word in two ways a month, made "June, July, ..." of 20 months a second
  and a schedule's 40 months never end)."""
from __future__ import annotations

from datetime import date

import pytest
from found import record

from armsledger.extract.dates import find_dates


def _values(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(text, date(2026, 6, 1))]


def test_a_list_of_months_still_takes_the_year_after_its_last():
    assert _values("The frigate's sea trials ran in March, April and May 2027.") == [
        ("March", "2027-03"), ("April", "2027-04"), ("May 2027", "2027-05")]
    assert _values("Crews trained between June and August 2028 at the base.") == [
        ("June", "2028-06"), ("August 2028", "2028-08")]
    assert _values("Rotations are set for November, December and January 2029.") == [
        ("November", "2028-11"), ("December", "2028-12"), ("January 2029", "2029-01")]
    assert _values("The drills are held in May ,  June , and July 2027.") == [
        ("May", "2027-05"), ("June", "2027-06"), ("July 2027", "2027-07")]


def test_a_long_schedule_of_months_is_read_once():
    # forty months, commas and double spaces between them, as a table pasted into a report, no year after them:
    # before, the expression tried every way of sharing out each join's spaces before giving up, twice as many a
    # month (it did not end)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    schedule = ",  ".join(months[i % 12] for i in range(40))
    assert _values(f"Shipments leave in {schedule}.") == [("January", "2026-01")]  # "in January": the report's
    # and the months of a long list nearest the year told after it take it, or the year before where they come later
    found = _values(f"Shipments leave in {schedule} 2029.")
    assert found[-1] == ("April 2029", "2029-04")
    assert [v for _, v in found[-13:]] == [f"2028-{m:02d}" for m in range(4, 13)] + [f"2029-{m:02d}" for m in range(1, 5)]


@pytest.mark.parametrize("text,platform,quantities", [
    ("India, the largest operator of the Su-30MKI from Russia, ordered 12 in 2020, and a further 12 in 2023.",
     "Su-30MKI", [12, 12]),
    ("Indonesia, an operator of the Su-27, bought 5 in 2003, and a further 3 in 2010.", "Su-27", [5, 3]),
    ("Chile, a buyer of the Leopard 2 tanks from Germany, bought 100 in 2007, and a further 40 in 2009.",
     "Leopard 2", [100, 40]),
])
def test_a_purchase_verb_after_a_phrase_of_the_platform_is_an_order_of_its_own(text, platform, quantities):
    deals = [d for d in record(text)["deals"] if d["platform"] == platform]
    assert sorted((d["quantity"] or {}).get("max") for d in deals) == sorted(quantities)


@pytest.mark.parametrize("text,platform,quantity", [
    ("Poland has received 20 K9 howitzers from South Korea under a 2022 order for 48.", "K9", 48),
    ("Norway took delivery of the first six K9 howitzers from South Korea, part of an order for 24.", "K9", 24),
])
def test_an_order_a_delivery_is_part_of_is_still_its_deals_quantity(text, platform, quantity):
    deals = [d for d in record(text)["deals"] if d["platform"] == platform]
    assert [d["quantity"]["max"] for d in deals] == [quantity]


def _category(text: str, firm: str) -> str | None:
    return next((e.get("category") for e in record(text)["entities"] if e["name"] == firm), None)


@pytest.mark.parametrize("text,firm", [
    ("Kestrel Shipbuilding Ltd, the aircraft carrier builder, won the navy's contract.", "Kestrel Shipbuilding Ltd"),
    ("Orvane Defence Ltd, a maker of carrier drones, will supply the navy.", "Orvane Defence Ltd"),
    ("Belmar Systems Inc, the bank's favourite radar maker, lost the tender.", "Belmar Systems Inc"),
])
def test_a_civil_noun_that_is_not_the_appositions_head_leaves_a_defence_firm(text, firm):
    assert _category(text, firm) == "defence company"


@pytest.mark.parametrize("text,firm", [
    ("The troops flew home with Kestrel Aviation Ltd, a Gulf carrier, on Monday.", "Kestrel Aviation Ltd"),
    ("The tickets were booked with Norvane Group Ltd, the travel agency of the ministry.", "Norvane Group Ltd"),
    ("The visit was funded by Selwyn Capital Ltd, a private lender based in Perth.", "Selwyn Capital Ltd"),
])
def test_a_civil_head_noun_still_tells_a_company(text, firm):
    assert _category(text, firm) == "company"
