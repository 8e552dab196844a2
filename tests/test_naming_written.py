"""The names a record gives platforms and bodies, as annotators write them, on sentences written for the test:
a short designation the report writes only with its name, a maker's long form holding the designation, an
acronym spelled out, a family named once beside its variant, "Nato" beside its full name."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities_of(extractor, text: str, kind: str) -> dict[str, dict]:
    record = extractor(Article(text=text, published="2024-06-01"))
    return {e["name"]: e for e in record["entities"] if e["kind"] == kind}


# --- a two-character designation the report only writes with the type's name ------------------------------

@pytest.mark.parametrize("text, name", [
    ("Iran still flies U.S.-built F-4 Phantoms bought before the revolution.", "F-4 Phantom"),
    ("The air force will retire its Northrop Grumman F-5 Tigers by 2030.", "F-5 Tiger"),
    ("Greece keeps a squadron of F-4 Phantom jets at Andravida, officials said.", "F-4 Phantom"),
    ("Brazil will replace its ageing F-5 Tiger fighters with Swedish jets.", "F-5 Tiger"),
])
def test_a_short_designation_written_only_with_its_name_is_named_with_it(extractor, text, name):
    found = entities_of(extractor, text, "platform")
    assert name in found and found[name]["canonical"] == name.split()[0]


@pytest.mark.parametrize("text, name", [
    ("Greece flies F-4 Phantoms; its last F-4 jets will leave service in 2026.", "F-4"),
    ("Poland ordered K2 Black Panther tanks, and the first K2 tanks arrived in December.", "K2"),
])
def test_a_short_designation_also_written_bare_keeps_the_catalogues_name(extractor, text, name):
    assert name in entities_of(extractor, text, "platform")


# --- a long form holding the catalogue's designation, an acronym spelled out: the catalogue's name ---------

@pytest.mark.parametrize("text, name", [
    ("Kenya retired its fleet of De Havilland Canada DHC-5 Buffalos last year.", "DHC-5 Buffalo"),
    ("The air force still flies three De Havilland Canada DHC-5 transports.", "DHC-5 Buffalo"),
    ("Taiwan will buy 60 Guided Multiple Launch Rocket Systems from the United States.", "GMLRS"),
    ("Australia said it would also buy the Precision Strike Missile for its launchers.", "PrSM"),
])
def test_a_long_form_of_the_catalogues_name_is_not_another_name(extractor, text, name):
    assert name in entities_of(extractor, text, "platform")


def test_another_name_altogether_is_still_named_as_written(extractor):
    text = "Malaysia signed a contract with the United States for four Black Hawk helicopters."
    assert "Black Hawk" in entities_of(extractor, text, "platform")


# --- a family named once beside its variant is that variant --------------------------------------------------

@pytest.mark.parametrize("text, variant, family", [
    ("Switzerland will buy 36 F-35A fighters from the United States, and the F-35 bill has grown.", "F-35A", "F-35"),
    ("Romania will buy 32 F-16 Block 70 jets from the United States to replace its old F-16 fleet.",
     "F-16 Block 70", "F-16"),
    ("Azerbaijan is buying JF-17 Block III fighters from Pakistan; the JF-17 Thunder is built at Kamra.",
     "JF-17 Block III", "JF-17"),
    ("Indonesia ordered 24 F-15ID jets, a version of the Boeing F-15, from the United States.", "F-15ID", "F-15"),
])
def test_a_family_named_once_beside_its_variant_is_one_platform(extractor, text, variant, family):
    found = entities_of(extractor, text, "platform")
    assert variant in found and family not in found


def test_a_family_the_report_keeps_naming_stays_beside_its_variant(extractor):
    text = ("Britain flies the F-35, and more F-35s are coming. The F-35 fleet will grow. "
            "The Royal Navy operates the F-35B from its carriers.")
    found = entities_of(extractor, text, "platform")
    assert {"F-35", "F-35B"} <= set(found)


# --- "Nato" is the acronym: the full name where the report spells it out -------------------------------------

@pytest.mark.parametrize("text", [
    "Nato allies met in Brussels. The North Atlantic Treaty Organization said the jets would be delivered.",
    "The North Atlantic Treaty Organization welcomed the sale; Nato officials said more would follow.",
    "Poland, a member of the North Atlantic Treaty Organization, said Nato had approved the plan.",
])
def test_an_acronym_written_as_a_word_beside_its_full_name_gives_the_full_name(extractor, text):
    assert "North Atlantic Treaty Organization" in entities_of(extractor, text, "organization")


def test_an_acronym_alone_keeps_the_catalogues_name(extractor):
    text = "Nato allies met in Brussels on Tuesday to discuss air defence."
    assert "NATO" in entities_of(extractor, text, "organization")

