"""What the event model learns of where an event stands in its report, on sentences and reports written for the
test: its date beside the day the report is about (`events_decide.age`), whether its countries are those the
report is about (`salience`), and whether an earlier sentence already told an event of its type and country
(`first_told`)."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import events_decide
from armsledger.extract.dates import DateMention
from armsledger.extract.events import Event
from armsledger.model import Article

PUBLISHED = "2024-06-05"


def clauses_of(extractor, text: str, published: str | None = PUBLISHED):
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=published), text)
    return clauses


def dated(value: str, precision: str) -> DateMention:
    return DateMention(0, 0, value, value, precision)


@pytest.mark.parametrize("value, precision, bucket", [
    ("2024-06-05", "day", "same_day"),
    ("2024-06-03", "day", "days_before"),
    ("2024-06", "month", "same_month"),
    ("2024-02", "month", "months_before"),
    ("2023", "year", "1y_before"),
    ("2021-10", "month", "2_5y_before"),
    ("2009", "year", "old"),
    ("2026", "year", "after"),
    ("2024-07-01", "day", "after"),
])
def test_a_date_is_placed_beside_the_day_of_the_report(extractor, value, precision, bucket):
    text = "The navy said the second patrol boat would be handed over to the coast guard."
    ev = Event("DELIVERY", "occurred", dated(value, precision), countries=["FRA"], clause=0)
    events_decide.age([ev], clauses_of(extractor, text), date.fromisoformat(PUBLISHED))
    assert f"age:{bucket}" in ev.hints and f"age&status:{bucket}:occurred" in ev.hints


def test_an_undated_event_has_no_age(extractor):
    text = "The ministry said it had received the last of the trainers."
    ev = Event("DELIVERY", "expected", None, countries=["ITA"], clause=0)
    events_decide.age([ev], clauses_of(extractor, text), date.fromisoformat(PUBLISHED))
    assert "age:none" in ev.hints and "age&status:none:expected" in ev.hints


REPORT = ("Norway will buy more howitzers from South Korea, the ministry in Oslo said.\n\n"
          "Norway ordered its first K9 guns from South Korea in 2017.\n\n"
          "South Korea has also sold the gun to Poland and Finland, and Norway's neighbours watch the deal.\n\n"
          "Brazil, Chile and Peru were among the buyers of older Norwegian equipment in the 1990s.")


def test_the_countries_the_report_names_most_are_its_own(extractor):
    clauses = clauses_of(extractor, REPORT)
    both = Event("DEAL_SIGNED", "occurred", None, countries=["NOR", "KOR"], clause=1)
    one = Event("DELIVERY", "occurred", None, countries=["KOR", "POL"], clause=2)
    aside = Event("DELIVERY", "occurred", None, countries=["PER"], clause=3)
    events_decide.salience([both, one, aside], clauses)
    assert "main:2" in both.hints
    assert "main:1" in one.hints
    assert "main:far" in aside.hints or "main:0" in aside.hints


def test_a_report_of_many_countries_puts_a_passing_one_far(extractor):
    text = ("Greece and France signed a deal for three frigates, and France will build them in Lorient.\n\n"
            "Greece had weighed a rival offer before choosing France.\n\n"
            "Egypt, India, Qatar, Croatia and the UAE already fly French jets, and Greece flies them too.")
    clauses = clauses_of(extractor, text)
    passing = Event("DEAL_SIGNED", "occurred", None, countries=["ARE"], clause=2)
    events_decide.salience([passing], clauses)
    assert "main:far" in passing.hints


def test_an_event_told_again_further_on_is_marked_so():
    first = Event("DELIVERY", "occurred", None, countries=["KOR", "NOR"], clause=0)
    again = Event("DELIVERY", "occurred", None, countries=["NOR"], clause=3)
    other_type = Event("DEAL_SIGNED", "occurred", None, countries=["NOR"], clause=4)
    other_country = Event("DELIVERY", "occurred", None, countries=["POL"], clause=5)
    same_sentence = Event("DELIVERY", "expected", None, countries=["KOR"], clause=0)
    events_decide.first_told([first, again, other_type, other_country, same_sentence])
    assert "told:first" in first.hints and "told:first" in same_sentence.hints
    assert "told:again" in again.hints
    assert "told:first" in other_type.hints and "told:first" in other_country.hints
