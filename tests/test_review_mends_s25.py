"""Session 25's review mends: where the session's rules misfired on sentences of shapes real news often has.

- A unit received by its rank ("received its first P-8I aircraft") tells the delivery of that platform's deal only,
  not of every deal the sentence names ("... and has now signed for 26 Rafale M fighters").
- A missile bought apart from its air-defence system (another sentence, often a later sale notice) is a deal of
  its own; only a sentence naming both ("Patriot fire units and PAC-3 MSE missiles") tells one purchase.
- "signed contracts, memoranda and agreements ..., including a contract for" still signs the contract: a comma after
  a word lets in only "preliminary, non-binding".
- A sale notice's caveat does not reach past a "but" to another clause's signature.
- "Trophy" alone names no platform (a sports trophy beside the words "Air Force" and "Navy"); the Trophy active
  protection system is still found by its longer names.
- A bare "the MoD" of a report naming no country is still a "Ministry of Defence".
- A count in dozens is multiplied ("two dozen Rafale jets" is 24, not 2).

Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES = Extractor(model=False)


def _record(text: str) -> dict:
    return _RULES(Article(text=text, published="2025-04-02"))


def _statuses(text: str) -> dict[str, str]:
    return {d["platform"]: d["status"] for d in _record(text)["deals"]}


@pytest.mark.parametrize("text, other, ranked", [
    ("The Indian Navy received its first P-8I aircraft in 2013 and has now signed for 26 Rafale M fighters from "
     "France.", "Rafale M", "P-8I"),
    ("The Pakistan Navy commissioned its second Babur-class corvette on Monday and signed a contract for two "
     "Hangor-class submarines with China.", "Hangor class", "Babur class"),
    ("Estonia received its fourth K9 howitzer last week and signed a contract for six HIMARS launchers with the "
     "United States.", "HIMARS", None),
])
def test_a_unit_received_by_rank_delivers_its_own_deal_only(text, other, ranked):
    got = _statuses(text)
    assert got[other] == "signed", got
    if ranked is not None and ranked in got:
        assert got[ranked] == "in_delivery", got


@pytest.mark.parametrize("text", [
    "Bangladesh signed for four Type 056 corvettes from China in 2015. The navy received its third Type 056 corvette "
    "on Monday.",
    "Thailand ordered 38 VN1 vehicles from China in 2017. Deliveries of the VN1 vehicles began in June 2019.",
])
def test_a_unit_of_the_deal_received_by_rank_still_delivers_it(text):
    assert set(_statuses(text).values()) == {"in_delivery"}


@pytest.mark.parametrize("text, parts", [
    ("Poland signed a $4.75 billion contract for two Patriot batteries in 2018. On Tuesday the State Department "
     "approved a separate sale of 48 PAC-3 MSE interceptors to Poland worth $1.2 billion.", {"Patriot", "PAC-3 MSE"}),
    ("Romania received its first Patriot system in 2020. On Monday it signed a contract for 100 PAC-3 MSE missiles "
     "worth $900 million.", {"Patriot", "PAC-3 MSE"}),
    ("Sweden signed a contract with the United States for four Patriot fire units and PAC-3 MSE missiles worth "
     "$3 billion.", {"Patriot"}),
])
def test_a_missile_is_one_purchase_with_its_system_only_in_one_sentence(text, parts):
    assert set(_statuses(text)) == parts


def test_a_list_of_papers_with_a_contract_among_them_still_signs_it():
    rec = _record("The two countries signed contracts, memoranda and agreements worth $10 billion, including a "
                  "contract for 42 Rafale fighters for Indonesia.")
    assert [d["status"] for d in rec["deals"]] == ["signed"]
    assert "DEAL_SIGNED" in {e["type"] for e in rec["events"]}


@pytest.mark.parametrize("text", [
    "The sale does not mean that Egypt is turning away from Russia, officials said, but Cairo signed a contract for "
    "30 Rafale jets with France.",
    "The order does not mean that Hungary will leave the programme, but Budapest signed a contract for 24 Gripen "
    "fighters with Sweden.",
])
def test_a_caveat_does_not_reach_past_but(text):
    rec = _record(text)
    assert [d["status"] for d in rec["deals"]] == ["signed"]
    assert "DEAL_SIGNED" in {e["type"] for e in rec["events"]}


@pytest.mark.parametrize("text, found", [
    ("Air Force beat Navy 24-17 on Saturday to take the Commander-in-Chief's Trophy at the academy.", False),
    ("Army cadets won the Trophy for the third year, the Navy coach said.", False),
    ("Germany ordered the Trophy active protection system from Rafael for its Leopard 2A8 tanks.", True),
    ("The army will fit the Trophy APS to 100 Abrams tanks.", True),
])
def test_trophy_alone_is_no_platform(text, found):
    names = {e["name"] for e in _record(text)["entities"]}
    assert ("Trophy" in names) is found


@pytest.mark.parametrize("text", [
    "A spokesperson for the MoD said the contract for 12 new helicopters would be signed next year.",
    "The MoD confirmed on Friday that the frigates would be delivered late.",
])
def test_a_bare_mod_of_no_country_is_still_a_ministry(text):
    assert "Ministry of Defence" in {e["name"] for e in _record(text)["entities"]}


@pytest.mark.parametrize("text, count", [
    ("Indonesia signed a contract with France for two dozen Rafale jets in 2022.", 24),
    ("Ghana ordered half a dozen Mi-17 helicopters from Russia in 2023.", 6),
    ("Morocco ordered three dozen AH-64E helicopters from the United States.", 36),
])
def test_a_count_in_dozens_is_multiplied(text, count):
    quantities = [d["quantity"] for d in _record(text)["deals"] if d["quantity"]]
    assert quantities and quantities[0]["min"] == quantities[0]["max"] == count, quantities
