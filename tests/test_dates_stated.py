"""A day or month that opens a statement ("On Monday the ministry said it would ...") dates the statement, told
in the past, whatever the statement says is to come. On sentences written for the test."""
from __future__ import annotations

import pytest

from armsledger.model import Article

PUBLISHED = "2024-06-05"  # a Wednesday


def dates_of(extractor, text: str) -> dict[str, str]:
    """Each date's value, by its words less a leading "on" or "in"."""
    _, _, clauses, _, _ = extractor._analyse(Article(text=text, published=PUBLISHED), text)
    return {d.text.split(" ", 1)[-1] if d.text.lower().startswith(("on ", "in ")) else d.text: d.value
            for c in clauses for d in c.dates}


@pytest.mark.parametrize("text, said, value", [
    ("On Monday China's foreign ministry said it would impose sanctions on the companies.", "Monday", "2024-06-03"),
    ("On Tuesday the Iraqi defence ministry said Baghdad is due to receive the system next year.", "Tuesday",
     "2024-06-04"),
    ("In July the Czech government announced it would open talks to buy the vehicles.", "July", "2023-07"),
    ("On Monday the Netherlands told reporters it will supply Ukraine with air defence systems.", "Monday",
     "2024-06-03"),
])
def test_a_date_that_opens_a_statement_is_in_the_past(extractor, text, said, value):
    assert dates_of(extractor, text)[said] == value


@pytest.mark.parametrize("text, when, value", [
    # what is to come is told before the statement: the day is to come
    ("On Monday the two ministers will meet in Seoul, the ministry said.", "Monday", "2024-06-10"),
    ("In July the first jets will arrive, officials said.", "July", "2024-07"),
    # no statement after the date: the clause's future stands
    ("The deal is expected to be signed on Monday in Warsaw.", "Monday", "2024-06-10"),
])
def test_a_date_of_what_is_to_come_stays_ahead(extractor, text, when, value):
    assert dates_of(extractor, text)[when] == value


@pytest.mark.parametrize("text, when, value", [
    # the future word stands before the date, the statement after it: the day is still to come
    ("The two leaders will meet on Monday after Erdogan said he wanted the jets.", "Monday", "2024-06-10"),
    ("Deliveries are to begin in July, the minister said.", "July", "2024-07"),
    ("The ministry will sign the contract on Friday, after the president said yes to the engines.", "Friday",
     "2024-06-07"),
])
def test_a_future_word_before_the_date_keeps_it_ahead(extractor, text, when, value):
    assert dates_of(extractor, text)[when] == value
