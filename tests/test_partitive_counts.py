"""A count told as a part of a whole whose noun follows ("48 of its KAAN fighter jets", "Nine of the systems") is a
count of that noun (`values.QTY_OF_RE`), and airlifters, bombers and MBTs are counted too. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from armsledger.extract.values import find_quantities


@pytest.mark.parametrize("text, count, unit", [
    ("Ankara will sell 40 of its Kizilelma drones to Jakarta.", 40, "drone"),
    ("Eight of the systems are meant for the army and two for the navy.", 8, "system"),
    ("Lima bought three of the aircraft in 2015.", 3, "aircraft"),
    ("The navy has received 12 of the Korean-built patrol boats so far.", 12, "boat"),
    ("Algeria has ordered four C-390 military airlifters.", 4, "aircraft"),
    ("a second batch of 20 K2 MBTs", 20, "tank"),
    ("six new strategic bombers", 6, "aircraft"),
])
def test_a_part_of_a_named_whole_is_counted(text, count, unit):
    assert [(q.min, q.unit) for q in find_quantities(text)] == [(count, unit)]


@pytest.mark.parametrize("text, counts", [
    # the whole has its own count: that one is the count, the part is read by the deal rules
    ("Poland has received 18 of the 36 K9 howitzers.", [36]),
    # one of them is no count of a deal
    ("One of the frigates ran aground.", []),
    ("The ministry said two of them were damaged.", []),
])
def test_a_part_of_a_counted_whole_or_one_of_them_is_not(text, counts):
    assert [q.min for q in find_quantities(text)] == counts
