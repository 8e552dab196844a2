"""Deal precision (session 23): two general causes of false deals out of fold.

- One ship named by its name ("NNS Ekpe", "the frigate named Damisa") where the same report and pair name its class
  or its kind ("two Type 056 corvettes", "the patrol ships"): one deal told twice, the named ship gives way to the
  class or kind the pair keeps (`features.SHIP_NAMED`, `decide.overruled`). A ship named alone stays.
- The seller of a platform built abroad under licence or by a partner: the catalogue's origin is the country that
  builds and exports it (the JF-17 family from Pakistan, the S-70i from Poland, the Dornier 228 from India), the
  designer's country a partner.

Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import SHIP_NAMED
from armsledger.model import Article
from test_deal_features import feats as _feats


def _rows(extractor, text: str):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    return [(None, *c.key) for c, _, _ in rows], [f for _, f, _ in rows]


def _kept_all(extractor, text: str) -> set[tuple]:
    """The candidates kept where the thresholds pass every one of them."""
    keys, feats = _rows(extractor, text)
    kept = decide.overrule([True] * len(keys), decide.overruled(keys, feats))
    return {k[1:] for k, y in zip(keys, kept) if y}


@pytest.mark.parametrize("text, ship, mate", [
    ("Nigeria received two Type 056 corvettes from China; the ships, NNS Ekpe and NNS Damisa, were commissioned "
     "in Lagos on Friday.", ("CHN", "NGA", "NNS Ekpe"), True),
    ("Bangladesh has taken delivery of two Type 035G submarines from China. The boats will be named BNS Agrani "
     "and BNS Shikhor.", ("CHN", "BGD", "BNS Agrani"), True),
    ("Japan handed over two patrol ships to the Philippines. At a ceremony in Manila the vessels were named "
     "BRP Datu Kalantiaw and BRP Cabo Bojeador.", ("JPN", "PHL", "BRP Datu Kalantiaw"), True),
])
def test_a_named_ship_gives_way_to_its_class_or_kind(extractor, text, ship, mate):
    assert SHIP_NAMED in _feats(extractor, text, ship)
    kept = _kept_all(extractor, text)
    assert ship not in kept
    # ... to the class or kind of the same pair, kept
    assert mate == any(k[:2] == ship[:2] and SHIP_NAMED not in _feats(extractor, text, k) for k in kept)


@pytest.mark.parametrize("text, ship", [
    ("Ghana received the offshore patrol ship GNS Yaa Asantewaa from Germany on Monday.",
     ("DEU", "GHA", "GNS Yaa Asantewaa")),
    ("Sri Lanka has commissioned SLNS Vijayabahu, a cutter it received from the United States.",
     ("USA", "LKA", "SLNS Vijayabahu")),
])
def test_a_ship_named_alone_stays(extractor, text, ship):
    assert SHIP_NAMED in _feats(extractor, text, ship)
    assert ship in _kept_all(extractor, text)


@pytest.mark.parametrize("text, key", [
    ("Azerbaijan has signed a contract for JF-17 Block III fighters.", ("PAK", "AZE", "JF-17 Block III")),
    ("Iraq is in talks to buy a dozen JF-17 Thunder jets.", ("PAK", "IRQ", "JF-17")),
    ("Brunei ordered twelve S-70i Black Hawk helicopters for its air force.", ("POL", "BRN", "S-70i")),
    ("Mauritius received a second Dornier 228 maritime patrol aircraft last week.", ("IND", "MUS", "Dornier 228")),
])
def test_a_platform_built_abroad_is_sold_by_its_builder(extractor, text, key):
    assert "sup:origin" in _feats(extractor, text, key)
