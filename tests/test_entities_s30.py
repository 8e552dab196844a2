"""Entities by their form, for reports whose names no catalogue holds (session 30): seas, oceans, gulfs, bays,
shoals and islands named by the word that says what they are, at the end of the name or before "of"; firms named by
a brand and their trade ("Oshkosh Defense", "Russian Helicopters"); a body's initials before a weapon noun ("the
LAPD helicopters") no type. Sentences written for these tests."""
from __future__ import annotations

import pytest
from found import entities


@pytest.mark.parametrize("text, place", [
    # the head at the end of the name
    ("Two corvettes patrolled the Bismarck Sea last month.", "Bismarck Sea"),
    ("The submarine surfaced in the Solomon Sea on Tuesday.", "Solomon Sea"),
    ("Coast guard cutters were sent to Sabina Shoal after the collision.", "Sabina Shoal"),
    ("Marines held a landing drill on the Anambas Islands in May.", "Anambas Islands"),
    ("The frigate anchored in Tolo Bay before the exercise.", "Tolo Bay"),
    # head first, then "of" and the name
    ("Fast attack craft were seen in the Gulf of Sirte on Friday.", "Gulf of Sirte"),
    ("The tanker was boarded in the Bay of Kotor last week.", "Bay of Kotor"),
    ("Minesweepers cleared the Strait of Otranto in the spring.", "Strait of Otranto"),
])
def test_water_named_by_its_head(text, place):
    assert place in entities(text, "location")


@pytest.mark.parametrize("text, place, not_place", [
    # a headline's words before it are not its name
    ("Destroyers Sail Into Sibuyan Sea\nThe two ships left port on Monday.", "Sibuyan Sea",
     "Destroyers Sail Into Sibuyan Sea"),
    # a fleet whose name runs on past the head is no place, a sea named beside it is
    ("The Baltic Sea Fleet sent two corvettes to the Bismarck Sea.", "Bismarck Sea", "Baltic Sea"),
    # islands as an adjective of peoples are no place, the islands named are
    ("Twelve Pacific Island nations met on the Anambas Islands.", "Anambas Islands", "Pacific Island"),
])
def test_water_and_what_is_not(text, place, not_place):
    found = entities(text, "location")
    assert place in found and not_place not in found


@pytest.mark.parametrize("text, sea", [
    ("Fishing boats crowded the Banda Sea near Indonesia.", "Banda Sea"),
    # a country's word in the name: the sea is still no country's (it was the country's before the water rule)
    ("Fishing boats crowded the Kenyan Sea near Mombasa.", "Kenyan Sea"),
    ("Patrol boats crossed the Chilean Sea on Monday.", "Chilean Sea"),
])
def test_water_has_no_country(text, sea):
    """A sea belongs to no country, even one named after a country's word."""
    found = dict(zip(entities(text, "location"), entities(text, "location", "country")))
    assert found.get(sea, "none") is None


@pytest.mark.parametrize("text, firm", [
    # a brand and its trade, the end of the firm's name
    ("The hulls will be built by Qingtian Shipbuilding at its eastern yard.", "Qingtian Shipbuilding"),
    ("Vortana Helicopters delivered the last of the trainers on Monday.", "Vortana Helicopters"),
    ("The radar comes from Meridal Electronics, the army said.", "Meridal Electronics"),
    ("Kestrow Defense won the contract for the armoured trucks.", "Kestrow Defense"),
    ("The engines are serviced by Norvane Aviation under a five-year deal.", "Norvane Aviation"),
])
def test_firm_named_by_its_trade(text, firm):
    assert firm in entities(text, "organization")


@pytest.mark.parametrize("text, firm, not_firm", [
    # the words of a kit, a service or a state before the trade are no brand
    ("Kestrow Defense will supply the Air Defence batteries.", "Kestrow Defense", "Air Defence"),
    ("The Army Aviation branch flies helicopters from Vortana Helicopters.", "Vortana Helicopters", "Army Aviation"),
    ("Ministers Unveil Two Attack Helicopters\nMeridal Electronics supplied their sensors.", "Meridal Electronics",
     "Two Attack Helicopters"),
])
def test_trade_after_no_brand(text, firm, not_firm):
    found = entities(text, "organization")
    assert firm in found and not any(not_firm in f for f in found)


@pytest.mark.parametrize("text, initials", [
    # initials given a body in brackets after its name
    ("The Coastal Rescue Agency (KRSA) said two KRSA helicopters searched the area.", "KRSA"),
    ("The Metro Police Department (MTPD) flew its MTPD helicopters over the crowd.", "MTPD"),
    # initials that act as a body does
    ("The LAPD helicopters circled the stadium. An LAPD spokesman said two more would follow.", "LAPD"),
    ("Three BNPD patrol boats reached the island, according to BNPD.", "BNPD"),
])
def test_a_bodys_initials_before_a_weapon_noun_are_no_type(text, initials):
    assert initials not in entities(text, "platform")


def test_initials_of_a_type_stay_a_type():
    """Initials no body is given, before a weapon noun, are the type's, beside a body's that are not."""
    found = entities("The Coastal Rescue Agency (KRSA) said its KRSA helicopters escorted twelve KXAV helicopters; "
                     "the KXAV helicopters will fly in May.", "platform")
    assert "KXAV" in found and "KRSA" not in found


@pytest.mark.parametrize("text, person", [
    # a word between the country and the title after a name's comma
    ("The visit to Taipei by Norma Velasquez, the US House Speaker, angered Beijing.", "Norma Velasquez"),
    ("Lars Ekholm, the Danish Parliament Speaker, visited the frigate.", "Lars Ekholm"),
    # China's state councillors
    ("Wu Zhenlin, Chinese State Councilor and Defense Minister, met his guests in Beijing.", "Wu Zhenlin"),
])
def test_person_before_a_title_with_a_qualifier(text, person):
    assert person in entities(text, "person")
