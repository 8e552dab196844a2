"""The day a report's news happened: a day of the week before the report, named in its opening sentences, before
the report's own day stamped at its top (a dateline, an "Updated:" line, "said on <the report's day>"). On
sentences written for the test."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import events_decide
from armsledger.extract.events import lead_day
from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def clauses_of(extractor, text: str, published: str | None = PUBLISHED):
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=published), text)
    return clauses


@pytest.mark.parametrize("text, peg", [
    # the dateline repeats the report's day; the news is Monday's
    ("ATHENS, June 5, 2024 - On Monday the Greek defence ministry signed a deal for six frigates with France.",
     "2024-06-03"),
    # a page stamp, then the day the talks took place
    ("Updated: June 5, 2024 10:40. India and Bangladesh held defence talks on Tuesday in Dhaka.", "2024-06-04"),
    # a statement told on the report's day, the signing on an earlier day in the next sentence
    ("The state news agency reported on Wednesday that Qatar has signed agreements with Turkey. "
     "The agreements were concluded on Tuesday in Doha.", "2024-06-04"),
    # a dated day some days back, the dateline first
    ("HANOI, June 5 - Vietnam and Japan signed a memorandum on defence equipment on 31 May.", "2024-05-31"),
])
def test_a_day_of_the_week_before_the_report_is_its_news_day(extractor, text, peg):
    clauses = clauses_of(extractor, text)
    ref = date.fromisoformat(PUBLISHED)
    assert events_decide.news_peg(clauses, ref).value == peg
    assert lead_day(clauses, ref)[1].value == peg


@pytest.mark.parametrize("text, peg", [
    # only the report's own day: it stands
    ("WARSAW, June 5, 2024 - Poland has signed a deal for 96 howitzers with South Korea.", PUBLISHED),
    # a day long before the report (a month back), then the report's day: the first stands
    ("The contract was signed on 2 May. The ministry said on Wednesday that the first guns would come in 2025.",
     "2024-05-02"),
    # a day to come is no news day: the report's own day, named first, stands
    ("The minister said on Wednesday that the two leaders will meet on June 10.", PUBLISHED),
])
def test_the_first_day_stands_where_none_of_the_week_before_is_named(extractor, text, peg):
    clauses = clauses_of(extractor, text)
    ref = date.fromisoformat(PUBLISHED)
    assert events_decide.news_peg(clauses, ref).value == peg
    assert lead_day(clauses, ref)[1].value == peg


TALKS_UNDER_A_STAMP = ("Updated: June 5, 2024 10:40\n\nIndian Defence Minister Rajnath Singh held talks with his "
                      "French counterpart Sebastien Lecornu. The two met in Paris on Monday and discussed submarines.")


def test_talks_told_undated_at_the_top_take_the_day_before_the_stamp(extractor):
    told = extractor(Article(text=TALKS_UNDER_A_STAMP, published=PUBLISHED))["events"]
    days = {(ev["date"] or {}).get("value") for ev in told if ev["type"] in ("MEETING", "SUMMIT")}
    assert days == {"2024-06-03"}, told
