"""A month written short after "in" ("in Oct last year", "in Sept") is a date, not a town. Sentences are written for
these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


@pytest.mark.parametrize("text, word", [
    ("The order for rifles was cancelled in Oct last year.", "Oct"),
    ("Talks resumed in Sept after the election.", "Sept"),
    ("The first jets arrived in Dec and the rest follow.", "Dec"),
])
def test_a_short_month_after_in_is_no_town(extractor, text, word):
    places = {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
              if e["kind"] == "location"}
    assert word not in places
