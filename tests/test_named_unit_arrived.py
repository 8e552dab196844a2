"""A unit past the first arrived, with its name set off by commas ("the third frigate, Al-Qadeer, has reached
Alexandria"), is a delivery under way (`status._UNDER_WAY`), and the last one so named completes the order
(`status._LAST_DONE`). Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform, status", [
    ("Egypt ordered four MEKO A-200 frigates from Germany in 2019. The first Gowind corvette, Port Said, and the third "
     "MEKO A-200 frigate, Al-Qadeer, have reached Alexandria.", "MEKO", "in_delivery"),
    ("Vietnam ordered six Kilo submarines from Russia in 2009. A new patrol boat, Hai Phong, and the fifth Kilo "
     "submarine, Khanh Hoa, have arrived at Cam Ranh Bay.", "Kilo", "in_delivery"),
    ("Egypt ordered four MEKO A-200 frigates from Germany in 2019, and the first arrived in 2022. The fourth and last "
     "MEKO A-200 frigate, Al-Aziz, was handed over to the Egyptian Navy on Tuesday.", "MEKO", "completed"),
])
def test_a_named_unit_past_the_first_arrived(rules_deal, text, platform, status):
    assert rules_deal(text, platform)["status"] == status
