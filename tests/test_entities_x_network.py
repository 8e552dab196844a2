"""The social network X is an organisation where a report says something was posted or said on it ("posted on X",
"said on X that", "on the social media platform X"); "(Twitter)" right after it is its old name, not a second
platform. An X that is part of another name ("X-band", "X Corps") or no network at all is not. Sentences are
written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text", [
    "The defence minister said on X that the first Leopard tanks had reached the border.",
    "Writing on X, the air force chief said the F-35s would arrive in May.",
    "The ministry posted on the social media platform X that the frigate had sailed.",
    "\"The contract is signed,\" the procurement agency wrote in a post on X on Monday.",
])
def test_x_where_something_is_posted_or_said_is_the_network(extractor, text):
    assert "X" in organisations(extractor, text)


def test_twitter_in_brackets_after_x_is_its_old_name(extractor):
    found = organisations(extractor, "The navy posted on X (Twitter) that the corvette was launched.")
    assert "X" in found
    assert "Twitter" not in found


# guards: no network here, before the change and after it
@pytest.mark.parametrize("text", [
    "The frigate carries an X-band radar made by Thales.",
    "The helicopters will serve with X Corps at Fort Bragg.",
    "Plan X was set aside after the election.",
])
def test_an_x_of_another_name_is_no_network(extractor, text):
    assert "X" not in organisations(extractor, text)
