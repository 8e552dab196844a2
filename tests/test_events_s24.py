"""Session 24, events and their dates: a weekday is told from the day of a report's dateline where that is before
its published date, as "today" and "yesterday" are; a month told with a year relative to the report ("May of last
year", "last year, in July") is that year's. On sentences written for the test."""
from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract import dates
from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def weekdays(extractor, text: str, published: str | None = PUBLISHED) -> dict[str, str]:
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=published), text)
    return {d.text.lower(): d.value for c in clauses for d in c.dates if d.kind == "wd"}


@pytest.mark.parametrize("text, word, value", [
    # filed on Monday June 3: the Tuesday before it, not the one before the published Wednesday
    ("ANKARA, June 3 (AA) -- Turkey handed two patrol boats to Libya on Tuesday, the navy said.", "on tuesday",
     "2024-05-28"),
    ("Dhaka, 3 June: The army took delivery of six light tanks from China last Tuesday.", "last tuesday",
     "2024-05-28"),
    # ... and a Tuesday to come is the next day, not the week after
    ("VILNIUS, June 3 (BNS) -- Lithuania will sign a contract for eight radars on Tuesday.", "on tuesday",
     "2024-06-04"),
    ("TBILISI, June 2 - The two ministers are to meet on Tuesday to discuss air defence.", "on tuesday",
     "2024-06-04"),
])
def test_a_dateline_of_an_earlier_day_tells_the_weekday(extractor, text, word, value):
    assert weekdays(extractor, text)[word] == value


@pytest.mark.parametrize("text, word, value", [
    # no dateline: told from the published Wednesday
    ("Turkey handed two patrol boats to Libya on Tuesday, the navy said.", "on tuesday", "2024-06-04"),
    # the dateline is the published day itself
    ("ANKARA, June 5 (AA) -- Turkey handed two patrol boats to Libya on Tuesday.", "on tuesday", "2024-06-04"),
    # a dateline weeks before the published date is no day the report was filed
    ("ANKARA, May 10 (AA) -- Turkey handed two patrol boats to Libya on Tuesday.", "on tuesday", "2024-06-04"),
])
def test_without_an_earlier_dateline_the_weekday_is_told_from_the_published_day(extractor, text, word, value):
    assert weekdays(extractor, text)[word] == value


# a month of a year told relative to the report: "May of last year", "last year, in July", "mid-March of next year"
@pytest.mark.parametrize("text, said, value", [
    ("In May of last year, Ottawa sent four armoured vehicles to Kyiv.", "May of last year", "2023-05"),
    ("The first frigate is due to arrive in December of this year.", "December of this year", "2024-12"),
    ("The navy expects the last boat by mid-March of next year.", "mid-March of next year", "2025-03"),
    ("The first handover took place last year, in July, at the yard.", "last year, in July", "2023-07"),
    ("Last year, in October, Jakarta ordered two more transports.", "Last year, in October", "2023-10"),
])
def test_a_month_of_a_year_told_relative_to_the_report(text, said, value):
    found = {d.text: d.value for d in dates.find_dates(text, date(2024, 6, 5), starts=dates.candidate_starts(text))}
    assert found.get(said) == value


def test_the_model_weighs_how_many_countries_an_event_names_by_its_type(extractor):
    # one country's production ("will be built locally") is seldom a co-production; two's more often: the weight of
    # the count is the type's own
    text = ("The Philippine Navy will have the two corvettes built locally at Subic. Seoul and Manila agreed "
            "that Hanwha will build the other four corvettes in Korea.")
    record, feats = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    named = {f for f in set().union(*feats) if f.startswith("type&countries:")}
    assert any(f.endswith(":1") for f in named) and any(f.endswith(":2") for f in named)
    assert all(f.split(":")[1] == ev["type"] for ev, fs in zip(record["events"], feats)
               for f in fs if f.startswith("type&countries:"))


# a visitor's arrival is no delivery, whichever route proposes it (the rules, or a sentence's delivery cue)
@pytest.mark.parametrize("text", [
    "A Turkish delegation led by Defence Minister Yasar Guler arrived in Baku on Monday for talks on drones.",
    "The first to come is Vice Admiral Lena Sorensen, who arrived late on Tuesday in Manila with two frigates' crews.",
    "On arriving at Rimba air base on Monday, Defence Minister Khaled Nordin met the air force chief.",
    "The Polish defence minister arrived in Seoul on Monday for talks on air defence.",
])
def test_a_visitor_s_arrival_is_no_delivery(extractor, text):
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    assert not [ev for ev in record["events"] if ev["type"] == "DELIVERY"]


@pytest.mark.parametrize("text", [
    "The first two K2 tanks arrived in Gdynia on Monday, the Polish defence minister said.",
    "Two Turkish-built corvettes arrived in Karachi on Monday after a month at sea.",
    # a delegation or minister arriving with the goods (review mend)
    "The Korean delegation arrived with the first K2 tanks in Gdynia on Monday.",
    "The defence minister arrived at the base with two new T-129 helicopters for the army.",
])
def test_a_platform_s_arrival_stays_a_delivery(extractor, text):
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    assert [ev for ev in record["events"] if ev["type"] == "DELIVERY"]
