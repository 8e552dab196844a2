"""Issue 9 (deal precision): a supplier never named with the platform, where another country is named as the one it
comes from, is no deal whether or not the named seller's candidate is kept (`features.SELLER_ELSEWHERE`,
`decide.overruled`): "Black Hawks bought from Poland", "F-16s from Norway". Not where the supplier is named with the
platform too, where the seller is named only through its company ("from Airbus"), nor where the "from" belongs to
another platform named between them ("the T-50 over the L-159 from the Czech Republic").
Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import SELLER_ELSEWHERE
from armsledger.model import Article
from test_deal_features import feats as _feats


def _rows(extractor, text: str):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    return [(None, *c.key) for c, _, _ in rows], [f for _, f, _ in rows]


def _kept_alone(extractor, text: str, key: tuple) -> bool:
    """Is the candidate kept where the thresholds pass it alone (the named seller's not kept)?"""
    keys, feats = _rows(extractor, text)
    assert (None, *key) in keys, f"no candidate {key}: {keys}"
    kept = decide.overrule([k[1:] == key for k in keys], decide.overruled(keys, feats))
    return kept[keys.index((None, *key))]


@pytest.mark.parametrize("text, maker", [
    # a second-hand sale: the maker the catalogue gives is never named
    ("Romania will buy 32 second-hand F-16 fighter jets from Norway, the defence ministry said.", ("USA", "ROU", "F-16")),
    ("Last week Ghana took delivery of four used Mi-171 helicopters bought from Belarus.", ("RUS", "GHA", "Mi-171")),
    # a licence build, the seller named by its country
    ("Colombia ordered eight UH-60 Black Hawk helicopters from Poland in March.", ("USA", "COL", "UH-60")),
    ("Bolivia received six second-hand Leopard 2 tanks from Chile on Monday.", ("DEU", "BOL", "Leopard 2")),
])
def test_a_maker_never_named_gives_way_to_the_seller_even_unkept(extractor, text, maker):
    assert SELLER_ELSEWHERE in _feats(extractor, text, maker)
    assert not _kept_alone(extractor, text, maker)


@pytest.mark.parametrize("text, maker", [
    # the maker is named with the platform: left to the model, and to the named seller's kept deal
    ("Romania will buy 32 American-made F-16 jets from Norway, with the United States approving the resale.",
     ("USA", "ROU", "F-16")),
    # the seller named only through its company is a maker too
    ("Uzbekistan ordered four C295 transport aircraft from Airbus.", ("ESP", "UZB", "C-295")),
    ("Ghana ordered two C295 aircraft from Airbus for maritime patrol.", ("ESP", "GHA", "C-295")),
    # the "from" belongs to another platform named between
    ("Thailand picked the T-50 over the L-159 from the Czech Republic and the Yak-130.", ("KOR", "THA", "T-50")),
    ("Indonesia chose the T-50 over its rivals, the L-159 from the Czech Republic and the Yak-130 from Russia.",
     ("KOR", "IDN", "T-50")),
])
def test_a_maker_named_or_a_seller_of_another_does_not_give_way_unkept(extractor, text, maker):
    assert _kept_alone(extractor, text, maker)
    if "Airbus" not in text:  # (a firm's country is named as the seller: the feature tells it, no rule acts on it)
        assert SELLER_ELSEWHERE not in _feats(extractor, text, maker)
