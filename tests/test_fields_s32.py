"""Deal fields (session 32), in sentences written for these tests:
- a date that follows the signing verb in its own phrase ("under a contract signed with Dassault in March 2021") is the
  signing's, even where another date stands nearer the verb before it ("will receive the jets in late 2026 under a
  contract signed ..."): before this the nearer date before the verb blocked it, or was taken itself (and, being
  after the report, dropped), and the deal had no signing date;
- what a contract is for is no delivery: "signed the deal for delivering 21 helicopters", "a contract for supplying
  six aircraft" are signatures; before this "delivering" / "supplying" read as a delivery and the deal as completed;
- a count told delivered of an order by "of which" ("24 jets, six of which have been delivered") is the count delivered
  and the deal in delivery; before this it was lost and the deal read completed;
- a hedged claim past an offer, by a doubt ("may", "could") or a report's word ("reportedly"), is a purchase
  considered, as before (a reported claim kept at its stage was measured and not kept: events and the fresh fields
  fell).
"""
from __future__ import annotations

import pytest

from found import deal


@pytest.mark.parametrize("text, platform, signed", [
    ("Baghdad is due to receive the KM-SAM system in early 2026 under a $2.8 billion contract signed with the "
     "South Korean company LIG Nex1 in September 2024.", "KM-SAM", "2024-09"),
    ("Egypt will receive the Rafale jets in late 2026 under a contract signed with Dassault in March 2021.", "Rafale",
     "2021-03"),
    ("Vietnam expects the first K9 howitzers in 2026 under a deal signed with Hanwha in July 2024.", "K9", "2024-07"),
])
def test_date_after_the_signing_verb_is_the_signing(text, platform, signed):
    assert (deal(text, platform)["signed"] or {}).get("value") == signed


@pytest.mark.parametrize("text, platform, signed", [
    # the date after the verb, one nearer before it: the signing's (so before this too)
    ("The first K2 tanks arrived in Poland in the summer of 2019 under a contract signed in 2017.", "K2", "2017"),
    # the date before the verb, none after it: still the signing's
    ("In 2020, India signed a deal with France for 36 Rafale jets.", "Rafale", "2020"),
    # a date after the verb past another deal or event word is not the signing's: the one before it stays
    ("In 2020, India signed a deal with France for Rafale jets delivered in 2023.", "Rafale", "2020"),
])
def test_date_before_the_verb_kept_without_one_after(text, platform, signed):
    assert (deal(text, platform)["signed"] or {}).get("value") == signed


@pytest.mark.parametrize("text, platform", [
    ("Russia and Afghanistan signed the deal for delivering 21 Mi-17V5 helicopters to Afghanistan.", "Mi-17V5"),
    ("Rosoboronexport signed a contract for delivering 12 Su-30SM jets to Belarus.", "Su-30SM"),
    ("Embraer signed a contract for supplying six Super Tucano aircraft to Ghana.", "Super Tucano"),
    ("Russia signed a deal with Algeria for delivering 14 Su-35 fighters.", "Su-35"),
    ("In October Russia and India signed several agreements, among them agreements on supplying S-400 air defense "
     "systems.", "S-400"),
])
def test_what_a_contract_is_for_is_no_delivery(text, platform):
    assert deal(text, platform)["status"] == "signed"


@pytest.mark.parametrize("text, platform, status", [
    # a delivery told as such stays one
    ("Russia has started delivering Su-30SM jets to Belarus.", "Su-30SM", "in_delivery"),
    # "for delivering" after no contract: thanks for a delivery made
    ("The Afghan president thanked India for delivering the Mi-25 gunships.", "Mi-25", "completed"),
    ("Germany has delivered 18 Leopard 2 tanks to Ukraine.", "Leopard 2", "completed"),
])
def test_delivery_verbs_still_deliver(text, platform, status):
    assert deal(text, platform)["status"] == status


@pytest.mark.parametrize("text, platform, delivered", [
    # a count delivered told of the order by "of which" / "of them" after it: a part delivered
    ("Egypt ordered 24 Rafale jets in 2015, six of which have been delivered.", "Rafale", 6),
    ("Egypt ordered 24 Rafale jets in 2015, 12 of which have already been delivered.", "Rafale", 12),
    ("India ordered 36 Rafale jets in 2016, 30 of these have arrived.", "Rafale", 30),
])
def test_count_of_which_delivered_is_a_part(text, platform, delivered):
    d = deal(text, platform)
    assert d["status"] == "in_delivery"
    assert (d["delivered"] or {}).get("min") == delivered


@pytest.mark.parametrize("text, platform", [
    # a doubt ("may", "could") past an offer: a purchase considered, as before
    ("The Philippines may negotiate the purchase of a Soldati class frigate from Italy.", "Soldati class"),
    ("Peru may sign a deal for 24 Gripen jets from Sweden.", "Gripen"),
    ("Peru could reportedly sign a deal for 24 Gripen jets from Sweden.", "Gripen"),
])
def test_doubted_claim_is_considered(text, platform):
    d = deal(text, platform)
    assert d["status"] == "considered" and d["hedged"]
