"""Entities, session 26: the US and the UK by their dotted initials where the catalogue's "U.S." and "U.K." are not
read: joined by a hyphen to the next word ("U.S.-built", "U.S.-Japan", "U.K.-made", one token) or without the last
stop ("the U.S and ..."). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def countries(rules, text: str) -> set[str]:
    rec = rules(Article(text=text, published="2025-06-01"))
    return {e["name"] for e in rec["entities"] if e["kind"] == "country"}


@pytest.mark.parametrize("text, country", [
    ("The air force still flies ageing U.S.-built transport planes from the 1970s.", "United States"),
    ("Ministers discussed U.S.-Japan cooperation on missile defence at the meeting.", "United States"),
    ("The navy had shown interest in a U.S.-made coastal radar last year.", "United States"),
    ("A separate pact between the U.S and the islands upset some lawmakers.", "United States"),
    ("The army retired its U.K.-made light guns in 2019.", "United Kingdom"),
    ("The U.K.-Norway frigate talks resumed on Monday.", "United Kingdom"),
])
def test_dotted_initials_joined_or_cut_short(rules, text, country):
    assert country in countries(rules, text)


@pytest.mark.parametrize("text", [
    "The U.S.S. Constitution is a museum ship moored in the harbour.",
    "The firm filed its accounts with the state registry on Friday.",
])
def test_no_country_where_none_is_named(rules, text):
    assert not countries(rules, text)
