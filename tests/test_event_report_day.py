"""The day a report is about, read from any of its opening sentences, and whether other sentences tell a
happening on the date an event candidate takes: on sentences written for the test."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import events_decide
from armsledger.extract.dates import DateMention
from armsledger.extract.events import Event, lead_day
from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def clauses_of(extractor, text: str, published: str | None = PUBLISHED):
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=published), text)
    return clauses


# the report tells its day only in its third or fourth sentence: the talks and signing it opens with took place
# then, not on the day it was published; a date further on (the fifth sentence) is not the report's day
@pytest.mark.parametrize("text, peg", [
    ("India and France have agreed to build six submarines together. The boats will be built in Mumbai. "
     "The defence ministers met in Paris on Monday. They first talked of it on 2 March 2023.", "2024-06-03"),
    ("Poland has signed a deal for 96 howitzers. The guns will come from South Korea. "
     "The contract was signed in Warsaw on 28 May. Each gun weighs 47 tonnes. The first deal was signed on "
     "27 August 2022.", "2024-05-28"),
    ("Egypt has taken delivery of a second frigate. The ship sailed from Lorient. It carries a helicopter. "
     "The flag was raised on Friday, officials said. Its sister ship was delivered on 2 March 2023.", "2024-05-31"),
])
def test_the_report_day_is_read_from_any_opening_sentence(extractor, text, peg):
    clauses = clauses_of(extractor, text)
    assert events_decide.news_peg(clauses, date.fromisoformat(PUBLISHED)).value == peg
    assert lead_day(clauses)[1].value == peg


def test_undated_talks_at_the_top_take_the_day_a_later_opening_sentence_tells(extractor):
    text = ("Indian Defence Minister Rajnath Singh held talks with his French counterpart Sebastien Lecornu. "
            "The two discussed submarines. They met in Paris on Monday.")
    record = extractor(Article(text=text, published=PUBLISHED))
    meetings = [ev for ev in record["events"] if ev["type"] in ("MEETING", "SUMMIT")]
    assert meetings and all(ev["date"] and ev["date"]["value"] == "2024-06-03" for ev in meetings), meetings


def _ev(type_, value, clause, countries=("FRA", "EGY")):
    dm = None
    if value is not None:
        dm = DateMention(0, 0, value, value, "day" if len(value) == 10 else "month" if len(value) == 7 else "year")
    return Event(type_, "occurred", dm, countries=list(countries), clause=clause)


def _echo(ev: Event) -> list[str]:
    return [h for h in ev.hints if h.startswith("date_echo:")]


def test_a_date_another_sentence_tells_of_the_same_happening_is_a_feature():
    told = [_ev("DELIVERY", "2024-05-31", 0),            # told again on that day in sentence 4
            _ev("DELIVERY", "2024-06-05", 0),            # the report's day: sentence 4 tells another
            _ev("DELIVERY", "2024-05", 2, ("EGY",)),     # the month of it: the same
            _ev("DELIVERY", "2024-05-31", 4),
            _ev("DELIVERY", None, 5)]                     # undated: the others' dates are other
    events_decide.date_echo(told)
    assert [_echo(ev) for ev in told] == [["date_echo:same"], ["date_echo:other"], ["date_echo:same"],
                                          ["date_echo:same"], ["date_echo:other"]]
    assert "type&date_echo:same:DELIVERY" in events_decide.features(told[0], [])


def test_no_other_sentence_of_the_type_and_country_tells_no_date():
    told = [_ev("DEAL_SIGNED", "2024-05-28", 1),
            _ev("DEAL_SIGNED", "2023-01-10", 1),           # the same sentence under another date: not another telling
            _ev("MEETING", "2024-05-28", 3),               # another type
            _ev("DEAL_SIGNED", "2024-05-28", 6, ("USA", "POL")),  # no country in common
            _ev("DEAL_SIGNED", None, 7, ("USA", "POL"))]   # another telling, undated: tells no date
    events_decide.date_echo(told)
    assert [_echo(ev) for ev in told] == [["date_echo:none"], ["date_echo:none"], ["date_echo:none"],
                                          ["date_echo:none"], ["date_echo:other"]]
