"""How many countries an event candidate names, with its type, is a feature of the event model: a production or a
signing of one country is seldom an event of the gold, an evaluation of three often is. Events written for the test."""
from __future__ import annotations

import pytest

from armsledger.extract import events_decide
from armsledger.extract.events import Event


@pytest.mark.parametrize("type_, countries, feature", [
    ("COPRODUCTION", ["IND"], "type&countries:COPRODUCTION:1"),
    ("DEAL_SIGNED", ["POL", "KOR"], "type&countries:DEAL_SIGNED:2"),
    ("EVALUATION", ["PHL", "SWE", "USA"], "type&countries:EVALUATION:3"),
    ("EVALUATION", ["PHL", "SWE", "USA", "KOR"], "type&countries:EVALUATION:3"),  # three or more, one feature
])
def test_the_count_of_countries_is_weighed_with_the_type(type_, countries, feature):
    feats = events_decide.features(Event(type_, "occurred", None, countries=countries), [])
    assert feature in feats
    assert not any(f.startswith("type&countries:") and f != feature for f in feats)
