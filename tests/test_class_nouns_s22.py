"""Deals with no candidate (session 22): classes named by a weapon noun the class list lacked ("cutters", "landing
craft", "fast attack craft", "torpedoes", "mortars", "machine guns", "artillery ammunition", "anti-aircraft guns"),
with their calibre ("80-mm", "155mm", "37 mm", "155-milimeter") and "loitering" among the words that qualify them,
become candidates in sentences written for these tests; "craft" alone is none. And a type's mention that writes out a
variant of its own ("C-130Hs", "F/A-18C/D") is not taken for the other variant the report names (the C-130J, the
Super Hornet), while a type named once beside its variant ("the F-16 maker" beside the F-16 Block 70) still is."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.learn.dealdiag import candidates_of
from armsledger.model import Article

from test_platform_coverage import catalogued  # (catalogue name, origin) of each catalogue platform named


@pytest.fixture(scope="module")
def classes():
    rules = Extractor(model=False)

    def named(text: str) -> set[str]:
        cands, _, _ = candidates_of(rules, Article(text=text, published="2024-06-01"))
        return {c.platform.name for c, _, _ in cands if c.platform.extra.get("generic")}
    return named


@pytest.mark.parametrize("text, expected", [
    ("Manila has obtained two former US Coast Guard cutters and three landing craft from Australia.",
     {"cutters", "landing craft"}),
    ("Turkey signed a contract to supply Nigeria with two Fast Attack Craft.", {"fast attack craft"}),
    ("The United States approved the sale of torpedoes and 80-mm mortars to Taiwan.", {"torpedoes", "80-mm mortars"}),
    ("China will donate four vehicle-mounted machine guns and artillery ammunition to Ghana.",
     {"vehicle-mounted machine guns", "artillery ammunition"}),
    ("Rheinmetall will supply 155mm artillery ammunition to Ukraine.", {"155mm artillery ammunition"}),
    ("China handed over six 37 mm anti-aircraft guns to Cambodia.", {"37 mm anti-aircraft guns"}),
    ("India signed a deal to supply 155-milimeter self-propelled howitzers to Armenia.",
     {"155-milimeter self-propelled howitzers"}),
    ("Armenia is considering buying loitering weapons from India.", {"loitering weapons"}),
    ("Nigeria ordered gunboats from France.", {"gunboats"}),
])
def test_weapon_nouns_name_a_class(classes, text, expected):
    assert expected <= classes(text)


@pytest.mark.parametrize("text, not_expected", [
    ("The craft fair opened in Lagos, where Nigeria signed a contract with France.", "craft"),
    ("China handed over six 37 mm anti-aircraft guns to Cambodia.", "aircraft"),
    ("Russia sold 152 mm howitzers to Armenia.", "mm howitzers"),
])
def test_not_a_class(classes, text, not_expected):
    assert not_expected not in classes(text)


@pytest.mark.parametrize("text, expected", [
    ("Oman ordered two C-130J transports from the United States. It flies three C-130Hs bought in 1981.",
     {("C-130", "USA"), ("C-130J", "USA")}),
    ("Kuwait ordered Super Hornets from the United States. In the 1990s it bought 40 F/A-18C/D Hornets.",
     {("F/A-18", "USA"), ("F/A-18E/F Super Hornet", "USA")}),
])
def test_a_type_writing_out_another_variant_stays_apart(extractor, text, expected):
    assert expected <= catalogued(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Norway ordered the F-16 Block 70 from the United States, the F-16 maker said.", {("F-16 Block 70", "USA")}),
    ("Norway ordered F-16s and one F-16 Block 70 trainer from the United States.", {("F-16 Block 70", "USA")}),
])
def test_a_type_named_once_beside_its_variant_is_that_variant(extractor, text, expected):
    assert catalogued(extractor, text) == expected
