"""Event rules on sentences written for the test: a delivery told over a span of time ("to be delivered between
2028 and 2030") is one event, dated by the span's end (the latest bound, as "by 2026-27" is 2027), not one event for
each end of the span; a list of dates after the span still makes one event for each ("between 2016 and 2017 and 30
more in 2019")."""
from __future__ import annotations

import pytest

from test_event_rules_lists import dates_of


@pytest.mark.parametrize("text,when", [
    ("The Leopard 2 tanks are to be delivered to Croatia by Germany between 2028 and 2030.", ["2030"]),
    ("The K9 howitzers will be delivered to Norway by South Korea between 2026 and 2027.", ["2027"]),
    ("The 24 Rafale jets are due to be handed over to Serbia by France between late 2027 and 2029.", ["2029"]),
    ("The CV90 vehicles will be delivered to Slovakia by Sweden between March 2026 and June 2027.", ["2027-06"]),
    ("Spain delivered the C295 aircraft to Kazakhstan between 2013 and 2015.", ["2015"]),
])
def test_a_delivery_over_a_span_is_one_delivery_at_its_end(extractor, text, when):
    assert dates_of(extractor, text, "DELIVERY") == when, text


@pytest.mark.parametrize("text,when", [
    # the list still reads on past the span's end
    ("Germany delivered 20 Leopard 2 tanks to Croatia between 2016 and 2017 and 30 more in 2019.", ["2017", "2019"]),
    ("Germany delivered 20 Leopard 2 tanks to Croatia between 2016 and 2017, with another 30 in 2019.", ["2017", "2019"]),
    # ... and a list with no span is untouched
    ("Germany delivered two Leopard 2 tanks to Qatar in 2015 and four more in 2016.", ["2015", "2016"]),
])
def test_a_list_after_a_span_or_without_one_is_one_delivery_per_date(extractor, text, when):
    assert dates_of(extractor, text, "DELIVERY") == when, text
