""""Royal Air Force" and "Royal Navy" are the UK's services, and the names several kingdoms give their own: a bare
one is another kingdom's where that country is named right before it, or where the report names that kingdom's
own royal service and the UK nowhere. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def _services(extractor, text: str) -> dict[str, set[str]]:
    """Each armed service's country, by the text of each mention."""
    out: dict[str, set[str]] = {}
    for e in extractor(Article(text=text, published="2024-06-01"))["entities"]:
        if e["kind"] == "organization":
            for m in e["mentions"]:
                out.setdefault(m["text"], set()).add(e["country"])
    return out


def _deals(extractor, text: str) -> set[tuple[str, str]]:
    return {(d["supplier"], d["recipient"]) for d in extractor(Article(text=text, published="2024-06-01"))["deals"]}


@pytest.mark.parametrize("text, country", [
    ("MUSCAT - The Royal Navy of Oman and the Royal Oman Police held a joint drill on Sunday. A spokesman said the "
     "Royal Navy had also begun sea trials of a new patrol boat.", "OMN"),
    ("RABAT - The Royal Moroccan Armed Forces opened a training school near Meknes on Monday. Officers of the Royal "
     "Air Force attended the ceremony with the inspector of the Royal Moroccan Navy.", "MAR"),
])
def test_a_bare_royal_service_is_the_kingdom_the_report_names(extractor, text, country):
    services = _services(extractor, text)
    assert services[next(t for t in services if t in ("Royal Navy", "Royal Air Force"))] == {country}


def test_it_takes_the_kingdoms_own_service_where_the_report_names_one(extractor):
    text = ("AMMAN - On Sunday the Royal Air Force received four Black Hawk helicopters from the United States. The "
            "commander of the Royal Jordanian Air Force thanked Washington for the aircraft.")
    assert _services(extractor, text)["Royal Air Force"] == {"JOR"}
    assert ("USA", "JOR") in _deals(extractor, text)
    assert ("USA", "GBR") not in _deals(extractor, text)


@pytest.mark.parametrize("text, mention, country", [
    ("Pilots of the Brunei Royal Air Force trained with Singaporean crews last week.", "Brunei Royal Air Force", "BRN"),
    ("Malaysia's Royal Navy is to receive two more littoral combat ships next year.", "Royal Navy", "MYS"),
])
def test_a_country_named_right_before_owns_it(extractor, text, mention, country):
    assert _services(extractor, text)[mention] == {country}


@pytest.mark.parametrize("text", [
    # the UK's own: no other kingdom's service named, or the UK named by the report, or the UK right before it
    "The Royal Air Force will retire its last Puma helicopters next year, the Ministry of Defence said.",
    "Qatar's air force will keep training with the UK's Royal Air Force, the Qatari government said.",
    "The Royal Jordanian Air Force and Britain's Royal Air Force flew a joint exercise over the desert.",
    "The Royal Jordanian Air Force flew with the Royal Air Force over Jordan, the United Kingdom said.",
])
def test_the_uks_stay_the_uks(extractor, text):
    assert _services(extractor, text)["Royal Air Force"] == {"GBR"}
