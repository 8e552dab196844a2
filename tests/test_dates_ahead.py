"""A day or month named without its year, in a sentence that speaks of what is to come: the coming one."""
from datetime import date

import pytest

from armsledger.extract import dates
from armsledger.extract.pipeline import _future_marker, _past_marker


def found(text: str, ref: date) -> list[str]:
    return [d.value for d in dates.find_dates(text, ref, _future_marker(text), dates.candidate_starts(text),
                                              _past_marker(text))]


@pytest.mark.parametrize("text, ref, value", [
    # a day of January named in late December is the coming one
    ("The first jets could land at the base on January 12, officials said.", date(2021, 12, 28), "2022-01-12"),
    ("The handover, possibly on 8 January, marks the end of the programme.", date(2023, 12, 20), "2024-01-08"),
    ("Training of the crews begins on Jan. 15 at the academy.", date(2019, 12, 30), "2020-01-15"),
])
def test_a_january_day_in_late_december(text, ref, value):
    assert value in found(text, ref)


@pytest.mark.parametrize("text, ref, value", [
    ("The navy expects the last two corvettes to arrive in September, an official said.", date(2021, 5, 25), "2021-09"),
    ("The ministry wants the howitzers to be delivered in October.", date(2022, 4, 2), "2022-10"),
    ("The first patrol boat to arrive in November, the ministry says", date(2012, 5, 8), "2012-11"),
    ("The signing ceremony is set for Monday in Hanoi.", date(2019, 12, 18), "2019-12-23"),
])
def test_what_is_expected_is_to_come(text, ref, value):
    assert value in found(text, ref)


def test_what_arrived_stays_in_the_past():  # a guard: so it was before
    assert "2020-09" in found("The last two corvettes arrived in September, an official said.", date(2021, 5, 25))


def test_a_january_day_told_in_the_past_stays_this_year():  # a guard: so it was before
    assert "2021-01-12" in found("The first jets landed at the base on January 12.", date(2021, 12, 28))
