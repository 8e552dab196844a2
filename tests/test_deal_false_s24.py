"""Deal precision (session 24): false deals out of fold that recur over several training reports.

- A ship the catalogue lists under its class ("PNS Taimur" under the Type 054A/P) is a named ship as much as one
  the finder reads by its navy's prefix (`features.SHIP_NAMED`): it gives way to its class where the same pair
  keeps it (`decide.overruled`), one purchase told twice.
- A fleet a purchase replaces or a buyer retires: the object of "replace", "retire", "decommission", "mothball",
  "take the place of", "move from" (`lost:replaces`), or a fleet told ageing, outdated or obsolete before its name
  or retired, served or due to be retired after it (`lost:aged`); not what comes after "by" or "with" ("to be
  replaced by the Gripen", "replace its F-4s with new Rafales": what is bought).

Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract.features import SHIP_NAMED
from test_deal_false_s23 import _kept_all
from test_deal_features import feats as _feats


# a ship the catalogue lists under its class, and the sentence that names both
_CATALOGUED_SHIPS = {
    ("CHN", "PAK", "PNS Taimur"):
        "Pakistan's navy took delivery of two Type 054A/P frigates from China, PNS Taimur the second of them.",
    ("CHN", "PAK", "PNS Tippu Sultan"):
        "China handed Pakistan a third Type 054A/P frigate on Monday. PNS Tippu Sultan sailed from Shanghai.",
}


@pytest.mark.parametrize("ship", list(_CATALOGUED_SHIPS))
def test_a_catalogued_ship_gives_way_to_its_class(extractor, ship):
    text = _CATALOGUED_SHIPS[ship]
    assert SHIP_NAMED in _feats(extractor, text, ship)
    kept = _kept_all(extractor, text)
    assert ship not in kept
    assert any(k[:2] == ship[:2] and SHIP_NAMED not in _feats(extractor, text, k) for k in kept)


@pytest.mark.parametrize("text, key, cues", [
    ("Peru's air force plans to retire its ageing Mirage 2000 jets by 2030.", ("FRA", "PER", "Mirage 2000"),
     {"lost_all:replaces", "lost_all:aged"}),
    ("The Royal Thai Army will decommission the M41 tanks it has fielded since the 1960s.",
     ("USA", "THA", "M41 Walker Bulldog"), {"lost_all:replaces"}),
    ("Kenya needs new jets for its air force, whose outdated F-5 fighters cannot fly at night.",
     ("USA", "KEN", "F-5"), {"lost_all:aged"}),
    ("Croatia is looking at Western helicopters to take the place of its Mi-8 fleet.", ("RUS", "HRV", "Mi-8"),
     {"lost_all:replaces"}),
    ("Slovakia still operates Mi-17 helicopters that have served for more than thirty years.",
     ("RUS", "SVK", "Mi-17"), {"lost_all:aged"}),
    ("Chile flies C-130 transports that are due to be retired by 2027.", ("USA", "CHL", "C-130"),
     {"lost_all:aged"}),
])
def test_a_fleet_replaced_or_retired_is_told(extractor, text, key, cues):
    assert cues <= _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Kenya's F-5 jets will be replaced by the Gripen, the air force said.", ("SWE", "KEN", "Gripen")),
    ("Egypt will replace its F-4 fleet with new Rafale jets from France.", ("FRA", "EGY", "Rafale")),
    # the window stops at a purchase of the buyer's own (review mend)
    ("Peru will replace its Mirages and buy 24 Gripen fighters from Sweden.", ("SWE", "PER", "Gripen")),
    ("Ghana is to retire its patrol boats and order two Gripen jets, officials said.", ("SWE", "GHA", "Gripen")),
    ("Oman plans to phase out its Jaguars then acquire new Rafale jets.", ("FRA", "OMN", "Rafale")),
])
def test_what_replaces_is_not_replaced(extractor, text, key):
    f = _feats(extractor, text, key)
    assert "lost:replaces" not in f and "lost:aged" not in f
