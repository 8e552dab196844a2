"""Deal recall (session 32): air defence named by its units or batteries, with no designation ("two air defence
units", "air-defense batteries", "missile batteries"), is a class of weapon a deal can be about, as "air defence
systems" is. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


@pytest.mark.parametrize("text, key", [
    ("Morocco will buy four air defence units from Israel, the ministry said.", ("ISR", "MAR", "air defence units")),
    ("Last year Serbia took delivery of several air-defense batteries from China.",
     ("CHN", "SRB", "air-defense batteries")),
    ("Kazakhstan has ordered two missile batteries from Turkey.", ("TUR", "KAZ", "missile batteries")),
])
def test_air_defence_units_are_a_class(extractor, text, key):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    found = {c.key: c for c, _, _ in rows}
    assert key in found, sorted(found)
    assert found[key].platform.category == "air defence system"


def test_a_named_system_s_batteries_stay_the_system(extractor):
    rows = extractor.candidate_rows(Article(text="Spain sent one Patriot missile battery to Turkey.",
                                            published="2024-06-01"))
    assert not [c for c, _, _ in rows if "batter" in c.platform.name]
