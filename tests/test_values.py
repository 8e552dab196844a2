"""Money, quantities, percentages and dates as reporters write them."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract.dates import find_dates, reference_date
from armsledger.extract.values import find_money, find_percents, find_quantities


@pytest.mark.parametrize("text, amount, currency", [
    ("signed for USD 5 billion", 5e9, "USD"),
    ("valued at $5.43-billion", 5.43e9, "USD"),
    ("around Rs 40,000 crore", 4e11, "INR"),
    ("costing ₹21,700 crore", 2.17e11, "INR"),
    ("a deal worth €8bn", 8e9, "EUR"),
    ("some 2.3 trillion won", 2.3e12, "KRW"),
    ("for £8 billion", 8e9, "GBP"),
    ("CHF 6 billion", 6e9, "CHF"),
    ("a little over six billion Swiss francs", 6e9, "CHF"),
    ("a $ 375 million agreement", 3.75e8, "USD"),
    ("Rs 1.2 lakh crore", 1.2e12, "INR"),
    ("US$1.1bn", 1.1e9, "USD"),
    ("A$3.5 billion", 3.5e9, "AUD"),
    # a range of sums, its scale and currency written once: its low end
    ("said to be worth €4-5 billion", 4e9, "EUR"),
    ("a deal estimated at $2 to 3 billion", 2e9, "USD"),
    ("valued at 1.2 to 1.5 billion euros", 1.2e9, "EUR"),
    ("priced at £300-350 million", 3e8, "GBP"),
    # a currency written against the number, or in the singular
    ("the RM2.5 billion purchase of patrol boats", 2.5e9, "MYR"),
    ("approved a Rs500 crore order", 5e9, "INR"),
    ("under a P12.4-billion contract for the jets", 1.24e10, "PHP"),
    ("the navy paid P300 million for the boats", 3e8, "PHP"),
    ("a 700 billion-won deal for the howitzers", 7e11, "KRW"),
    ("a 40 billion-dollar package", 4e10, "USD"),
    ("for 2 billion Canadian dollar in total", 2e9, "CAD"),
    ("a 3.5 billion New Zealand dollars programme", 3.5e9, "NZD"),
])
def test_money_is_normalised_to_amount_and_iso_code(text, amount, currency):
    found = find_money(text)
    assert len(found) == 1
    assert found[0].amount == pytest.approx(amount) and found[0].currency == currency
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("text", ["the contract won praise", "Rs. and Rs", "$", "in 2,000 years"])
def test_things_that_are_not_money(text):
    assert find_money(text) == []


@pytest.mark.parametrize("text, lo, hi, unit", [
    ("delivered three squadrons", 3, 3, "squadron"),
    ("two to three more regiments", 2, 3, "regiment"),
    ("31 Predator long-endurance drones", 31, 31, "drone"),
    ("over 6.1 lakh AK-203 assault rifles", 610000, None, "rifle"),
    ("80 French-made Rafale fighter jets", 80, 80, "aircraft"),
    ("12 Caracal military transport helicopters", 12, 12, "helicopter"),
    ("up to 24 howitzers", None, 24, "howitzer"),
    ("three batteries of the missile", 3, 3, "battery"),
])
def test_quantities_with_units_and_ranges(text, lo, hi, unit):
    q = find_quantities(text)
    assert len(q) == 1
    assert (q[0].min, q[0].max, q[0].unit) == (lo, hi, unit)


@pytest.mark.parametrize("text", ["in 2018 jets", "up to 380 km", "$5 billion for 36"])
def test_years_distances_and_money_are_not_quantities(text):
    assert all(q.unit not in ("aircraft",) or "2018" not in q.text for q in find_quantities(text, find_money(text)))


@pytest.mark.parametrize("text", [
    "the K9 has now been supplied to 11 countries around the world. The howitzer is in service in India.",
    "It has 40 member states in total. Tanks were sent too.",
    "The deal covers 3 regions of the country. Helicopters will follow.",
])
def test_a_count_does_not_run_into_the_next_sentence(text):
    assert not [q for q in find_quantities(text, find_money(text)) if ". " in q.text]


@pytest.mark.parametrize("text, lo, hi", [
    ("up to 50 per cent technology transfer", None, 50), ("60-70 per cent of the arsenal", 60, 70),
    ("3% of GDP", 3, 3), ("over 40 percent", 40, None),
])
def test_percentages(text, lo, hi):
    p = find_percents(text)
    assert (p[0].min, p[0].max) == (lo, hi)


REF = date(2025, 12, 4)  # a Thursday


@pytest.mark.parametrize("text, value, precision", [
    ("talks on Thursday, 4 December 2025", "2025-12-04", "day"),
    ("the summit on Friday will review", "2025-12-05", "day"),
    ("Bern said on Friday that", "2025-11-28", "day"),
    ("it happened last month", "2025-11", "month"),
    ("deliveries next year", "2026", "year"),
    ("expected by mid-2026", "2026-06", "half"),
    ("from early 2027", "2027-03", "quarter"),
    ("by the end of 2023", "2023-12", "month"),
    ("handed over by 2026-27", "2027", "year"),
    ("the visit was in 2021", "2021", "year"),
    ("signed in October 2018", "2018-10", "month"),
    ("In March, 2019, the two sides signed", "2019-03", "month"),
    ("the order placed in Sept. 2017", "2017-09", "month"),
    ("deliveries began in late November, 2020", "2020-11", "month"),
    ("in June last year", "2024-06", "month"),
    ("late 2022-early 2023", "2023-03", "quarter"),
    ("at a meet in Moscow Dec 10, 2024", "2024-12-10", "day"),
    ("at the end of next year", "2026-12", "month"),
    ("could be delivered within three years", "2028", "year"),
    ("in two years' time", "2027", "year"),
    ("over the next 18 months", "2027-06", "month"),
])
def test_dates_resolve_against_the_reference_date(text, value, precision):
    future = lambda pos: " will " in f" {text} "  # noqa: E731
    found = find_dates(text, REF, future)
    assert found, text
    assert (found[-1].value, found[-1].precision) == (value, precision)
    assert text[found[-1].start:found[-1].end] == found[-1].text


@pytest.mark.parametrize("text, value", [
    # a run of days is dated by its first day, as the gold dates it
    ("The talks took place in Canberra on 24-25 July 2023, where the two sides met.", "2023-07-24"),
    ("Their meeting, set for January 14 to 15, will review the pact.", "2026-01-14"),
    ("The defence show is held in Minsk on November 15-18.", "2025-11-15"),
    ("The exhibition ran from 14 to 18 September at the air base.", "2025-09-14"),
    ("The ministers met on July 24-25, 2022, in Manila.", "2022-07-24"),
    ("Delegations met on 3 and 4 March 2024 in Seoul.", "2024-03-03"),
    ("The drills, held 8th-10th of October 2021, ended early.", "2021-10-08"),
])
def test_a_run_of_days_is_dated_by_its_first_day(text, value):
    future = lambda pos: " will " in f" {text} "  # noqa: E731
    found = find_dates(text, REF, future)
    assert [(d.value, d.precision) for d in found] == [(value, "day")], text
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("text, value", [
    ("The jets arrived on 5 and 4 May, a day apart.", "2025-05-04"),  # no run: the days go back
    ("The order of 2 and 40 May tanks.", None),
])
def test_no_run_of_days_where_the_days_do_not_run(text, value):
    assert [d.value for d in find_dates(text, REF) if d.precision == "day"] == ([value] if value else [])


def test_reference_date_falls_back_to_the_latest_full_date_in_the_text():
    text = "A caption of Dec 10, 2024. Talks are held on Thursday, 4 December 2025."
    assert reference_date(None, text) == date(2025, 12, 4)
    assert reference_date("2024-04-19", text) == date(2024, 4, 19)


def test_fast_date_search_finds_what_a_full_scan_finds(extractor, records):
    from armsledger.extract.dates import candidate_starts

    for stem, record in records.items():
        body = record["article"]["text"]
        full = [(d.start, d.end, d.value) for d in find_dates(body, REF)]
        fast = find_dates(body, REF, None, candidate_starts(body))
        assert [(d.start, d.end, d.value) for d in fast] == full, stem


@pytest.mark.parametrize("text", ["six P8 aircraft", "the P3 Orion flew 40 sorties", "a P-8 patrol"])
def test_a_name_with_a_p_before_its_number_is_no_peso(text):
    assert find_money(text) == []


@pytest.mark.parametrize("text", [
    "the army fields 105 millimetre towed guns", "fitted with 125 mm guns", "armed with 81 mm mortars only",
    "inducted the Chinese Type 054 A/P frigates", "built Project 636.3 submarines", "issued 30 calibre rifles",
])
def test_a_calibre_or_a_designation_is_no_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, count", [
    ("two Type 054 A/P frigates", 2), ("four 120-mm mortars", 4), ("2.5 million rounds", 2.5e6),
    ("six CAESAR 155 millimetre truck-mounted howitzers", 6),
])
def test_the_count_before_a_calibre_or_a_designation_stands(text, count):
    assert [q.min for q in find_quantities(text)] == [count]
