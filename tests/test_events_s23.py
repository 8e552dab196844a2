"""Session 23, events' dates: a dateline's day is the day a report's "today", "yesterday" and "tomorrow" are told
from; the report's own day, where its opening sentences name it, is the day of its news before a day after it or a
year or more before it (a later update's stamp, an old caption). On sentences written for the test."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import dates, events_decide
from armsledger.extract.events import lead_day
from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def clauses_of(extractor, text: str, published: str | None = PUBLISHED):
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=published), text)
    return clauses


def day_words(extractor, text: str) -> dict[str, str]:
    return {d.text.lower(): d.value for c in clauses_of(extractor, text) for d in c.dates if d.kind == "day_rel"}


@pytest.mark.parametrize("text, word, value", [
    ("RIGA, June 4 (LETA) -- Latvia signed a contract for six coastal radars today, the ministry said.", "today",
     "2024-06-04"),
    ("NEW DELHI, June 3 (PTI) -- The Indian Navy will commission the second corvette tomorrow in Mumbai.",
     "tomorrow", "2024-06-04"),
    ("Abuja, 4 June: The Nigerian Air Force received two trainer jets yesterday at Kainji.", "yesterday",
     "2024-06-03"),
    ("MANILA, Philippines, June 4 — The navy said today that the frigate had left the yard.", "today", "2024-06-04"),
])
def test_a_dateline_of_an_earlier_day_tells_today(extractor, text, word, value):
    assert day_words(extractor, text)[word] == value


@pytest.mark.parametrize("text, word, value", [
    # the dateline is the report's own day: no change
    ("RIGA, June 5 (LETA) -- Latvia signed a contract for six coastal radars today.", "today", "2024-06-05"),
    # no dateline: the published date
    ("Latvia signed a contract for six coastal radars today, the ministry said on June 4.", "today", "2024-06-05"),
    # a day of a month before is no dateline of this report
    ("RIGA, May 2 (LETA) -- Latvia signed a contract for six coastal radars today.", "today", "2024-06-05"),
    # a day further in the report is no dateline
    ("Latvia is buying radars. The deal, Riga, June 4 - it was signed today.", "today", "2024-06-05"),
])
def test_no_dateline_leaves_today_the_published_day(extractor, text, word, value):
    assert day_words(extractor, text)[word] == value


@pytest.mark.parametrize("text, day", [
    ("WARSAW, June 3 -- The ministry signed it", date(2024, 6, 3)),
    ("Kota Kinabalu, Sabah, 31 May (Bernama): The ministry signed it", date(2024, 5, 31)),
    ("Brasilia, June 5 - The ministry signed it", None),
    ("On June 3 - the ministry signed it", None),
])
def test_dateline_day(text, day):
    assert dates.dateline_day(text, date(2024, 6, 5)) == day


@pytest.mark.parametrize("text, peg", [
    # a caption of a year before, then the report's own day told as the day of the talks
    ("Soldiers on parade in Seoul on May 12, 2023. South Korea and Poland held defence talks on Wednesday in "
     "Warsaw.", "2024-06-05"),
    # a later update's stamp first, then the report's day
    ("Updated: July 20, 2024. SOFIA, June 5, 2024 - Bulgaria and Greece signed a memorandum on air defence.",
     "2024-06-05"),
    # a page stamp of years before and the report's day in a statement
    ("First published March 3, 2019. Egypt's defence minister met his Italian counterpart on Wednesday in Cairo.",
     "2024-06-05"),
])
def test_the_report_s_own_day_before_a_day_further_off(extractor, text, peg):
    clauses = clauses_of(extractor, text)
    ref = date.fromisoformat(PUBLISHED)
    assert lead_day(clauses, ref)[1].value == peg
    assert events_decide.news_peg(clauses, ref).value == peg


@pytest.mark.parametrize("text, peg", [
    # a day of the week before still comes first
    ("ATHENS, June 5, 2024 - On Monday the Greek defence ministry signed a deal for six frigates with France.",
     "2024-06-03"),
    # a far day with no report's day told stays
    ("Morocco and Israel signed a memorandum on March 3 in Rabat.", "2024-03-03"),
    # a day a month back beside the report's day stays first
    ("Chile ordered the jets on 2 May. The air force said on Wednesday the first would come in 2025.", "2024-05-02"),
])
def test_the_week_before_first_and_a_far_day_alone_stays(extractor, text, peg):
    clauses = clauses_of(extractor, text)
    assert lead_day(clauses, date.fromisoformat(PUBLISHED))[1].value == peg
