"""Dates told as a day and month in figures ("on 14/7") and days counted from another ("the day before", "a day
earlier", "a day after Riyadh agreed")."""
from datetime import date

import pytest

from armsledger.extract import dates

REF = date(2025, 7, 18)  # a Friday


def found(text: str, ref: date = REF) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in dates.find_dates(text, ref, starts=dates.candidate_starts(text))]


@pytest.mark.parametrize("text, value", [
    ("The ministers met in Oslo on 14/7 to discuss the frigates.", "2025-07-14"),
    ("The corvette has been at sea since 2/6, the navy said.", "2025-06-02"),
    ("The contract for six radars was signed on 28/12/2024 in Rome.", "2024-12-28"),
    ("Trials of the howitzer began on 7/30, the army said.", "2025-07-30"),  # the month first: 30 is no month
])
def test_day_and_month_in_figures(text, value):
    assert value in [v for _, v in found(text)]


@pytest.mark.parametrize("text", [
    "About 2/3 of the fleet is grounded.",
    "The base runs 24/7 with 3/4 of its crews.",
    "The order was cut by 1/3 after the budget review.",
    "The radar station runs on 24/7 standby.",
    "The share of imported parts fell from 1/4 to 1/2 of the total.",
])
def test_fractions_are_no_dates(text):
    assert found(text) == []


@pytest.mark.parametrize("text, value", [
    ("The tanks were part of the framework deal the government signed the day before to buy howitzers.", "2025-07-17"),
    ("A day earlier, the ambassador said the sale would go ahead.", "2025-07-17"),
    ("The frigate left Toulon on July 2. It reached Alexandria two days later.", "2025-07-04"),
    ("The jet landed in Yerevan on March 4 and flew back to Nashik the following day.", "2025-03-05"),
    ("The minister toured the yard on 10 July; on the previous day he had met the navy chief.", "2025-07-09"),
])
def test_days_counted_from_the_day_last_named(text, value):
    assert value in [v for _, v in found(text)]


@pytest.mark.parametrize("text, said, value", [
    # what follows "a day after" happened the day before the day the sentence names
    ("Washington on Friday approved the sale of the missiles, a day after Riyadh agreed to buy the S-400.",
     "a day after", "2025-07-17"),
    ("Seoul on July 9 ordered more tanks, one day after the parliament approved the budget.",
     "one day after", "2025-07-08"),
    ("The deal was announced on Monday, a day before the king arrived in Paris.", "a day before", "2025-07-15"),
])
def test_a_day_after_a_named_day(text, said, value):
    assert (said, value) in found(text)


def test_a_day_after_with_no_day_named_is_left_undated():
    assert [t for t, _ in found("Word of the sale emerged a day after the prime ministers spoke.")] == []


@pytest.mark.parametrize("text", [
    "Egypt signed the contract on 3 July and deliveries began in the days after.",
    "The frigate reached Alexandria on 3 July; in the days before, the crews had trained at sea.",
])
def test_the_days_after_or_before_name_no_day(text):
    assert [v for t, v in found(text) if "days" in t] == []
