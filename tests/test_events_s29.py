"""Session 29, events: a year-like number inside a platform's name ("PzH 2000", "Mirage 2000") dates nothing: it
neither dates the events of its sentence nor a deal's signing; a date across a comma from a trigger counts as further
off, so that "ordered in July 2009, with delivery due in 2012" gives the order July 2009 and the delivery 2012. On
sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"


def candidate_dates(extractor, text: str) -> set[str | None]:
    """The date values of every event candidate of a text."""
    record, _ = extractor.event_candidates(Article(text=text, published=PUBLISHED))
    return {(e["date"] or {}).get("value") for e in record["events"]}


@pytest.mark.parametrize("text", [
    "Berlin has agreed to send Kyiv ten more PzH 2000 howitzers from army stocks.",
    "Athens signed a contract for 24 Rafale fighters to replace its ageing Mirage 2000 jets.",
    "Lithuania ordered 21 PzH 2000 guns from Germany, the ministry said.",
    "Cairo bought more Mirage 2000 aircraft from France, officials in Paris said.",
])
def test_a_year_in_a_platform_name_dates_no_event(extractor, text):
    assert "2000" not in candidate_dates(extractor, text)


@pytest.mark.parametrize("text, year", [
    ("Athens signed a contract for 24 Rafale fighters in 2021 to replace its Mirage 2000 jets.", "2021"),
    ("Lithuania ordered 21 PzH 2000 guns from Germany in 2019.", "2019"),
])
def test_a_year_beside_a_platform_name_still_dates(extractor, text, year):
    assert year in candidate_dates(extractor, text)


@pytest.mark.parametrize("text", [
    "Athens signed a contract for 24 Rafale fighters to replace its Mirage 2000 jets.",
    "Lithuania ordered 21 PzH 2000 guns from Germany, the ministry said.",
])
def test_a_year_in_a_platform_name_is_no_signing_date(rules_deals, text):
    assert all(d["signed"] is None for d in rules_deals(text).values())


def rule_dates(text: str) -> dict[str, set[str | None]]:
    """The date values of the rules' own events (no model), by type."""
    from armsledger.extract import Extractor

    out: dict[str, set[str | None]] = {}
    for e in Extractor(model=False)(Article(text=text, published=PUBLISHED))["events"]:
        out.setdefault(e["type"], set()).add((e["date"] or {}).get("value"))
    return out


@pytest.mark.parametrize("text, signed, delivered", [
    ("Oman placed its order for a C-130J from the United States in July 2009, with delivery due in 2012.",
     "2009-07", "2012"),
    ("Chile ordered six Black Hawk helicopters from Poland in March 2021, with the first delivery planned for 2023.",
     "2021-03", "2023"),
    ("Kenya signed a contract for 12 MD 530F helicopters from the United States in May 2019, with delivery expected in 2021.",
     "2019-05", "2021"),
])
def test_a_date_across_a_comma_goes_to_the_trigger_on_its_side(text, signed, delivered):
    dates = rule_dates(text)
    assert signed in dates.get("DEAL_SIGNED", set())
    assert delivered in dates.get("DELIVERY", set())
