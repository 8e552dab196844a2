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


class _Fixed:
    """A stand-in for the event model: each candidate's probability given in advance, in the order weighed."""

    def __init__(self, scores):
        self._scores = iter(scores)
        self.threshold, self.rule_threshold = 0.3, 0.1

    def probability(self, feats):
        return next(self._scores)


class _Model:
    def __init__(self, scores):
        self.event = _Fixed(scores)


DELIVERIES = ("The first two frigates arrived at the naval base on 3 May 2024.\n\n"
              "Officials said the frigates were due to reach the base on 3 May 2024 after a long voyage.\n\n"
              "The last frigate is expected in December 2024.")


def _delivery(status, value, clause, source, happening):
    ev = Event("DELIVERY", status, DateMention(0, 0, value, value, "day" if value.count("-") == 2 else "month"),
               countries=["ITA", "PHL"], clause=clause)
    ev.source, ev.happening = source, happening
    return ev


def test_a_delivery_on_the_date_of_one_kept_repeats_it_whatever_its_status(extractor):
    clauses = clauses_of(extractor, DELIVERIES)
    done = _delivery("occurred", "2024-05-03", 0, "rules", ("rules", 0))
    due = _delivery("expected", "2024-05-03", 1, "broad", ("broad", 1, "DELIVERY"))
    last = _delivery("expected", "2024-12", 2, "broad", ("broad", 2, "DELIVERY"))
    kept = events_decide.decide([done, due, last], clauses, _Model([0.8, 0.6, 0.5]))
    assert kept == [done, last]


def test_a_delivery_told_apart_by_the_rules_in_one_sentence_stays(extractor):
    text = "The deal has delivered three squadrons, with the remaining two expected by June 2026."
    clauses = clauses_of(extractor, text)
    done = _delivery("occurred", "2026-06", 0, "rules", ("rules", 0))
    rest = _delivery("expected", "2026-06", 0, "rules", ("rules", 1))
    kept = events_decide.decide([rest, done], clauses, _Model([0.7, 0.5]))
    assert kept == [rest, done]


def test_deliveries_on_other_dates_or_of_other_countries_stay(extractor):
    clauses = clauses_of(extractor, DELIVERIES)
    done = _delivery("occurred", "2024-05-03", 0, "rules", ("rules", 0))
    other_day = _delivery("expected", "2024-05-04", 1, "broad", ("broad", 1, "DELIVERY"))
    elsewhere = _delivery("expected", "2024-05-03", 2, "broad", ("broad", 2, "DELIVERY"))
    elsewhere.countries = ["FRA", "EGY"]
    kept = events_decide.decide([done, other_day, elsewhere], clauses, _Model([0.8, 0.6, 0.5]))
    assert kept == [done, other_day, elsewhere]
