"""Entities by their form, for reports whose names no catalogue holds (session 31): a catalogued group's name then
a trade is the group's arm ("Rheinmetall Munitions"); a firm told by what it did to the kit ("built by Kestrel Works")
or by a noun before its name ("the state arms exporter X"); a firm of a civil trade is no defence company; a name
ending as a bay's that is a town's ("Byron Bay, New South Wales"); the rules' word lists kept in
catalogues/words.yaml. Sentences written for these tests."""
from __future__ import annotations

import pytest
from found import entities, record


def _orgs(text: str) -> dict:
    return {e["name"]: e for e in record(text)["entities"] if e["kind"] == "organization"}


@pytest.mark.parametrize("text, arm, group", [
    # a catalogued group's name, then words of a trade only: the arm, of the group's country
    ("Rheinmetall Munitions will fill the shells under the new contract.", "Rheinmetall Munitions", "Rheinmetall"),
    ("Saab Technologies won the order for the anti-tank weapons.", "Saab Technologies", "Saab AB"),
    ("Thales Aviation will service the radars of the new frigates.", "Thales Aviation", "Thales"),
    ("The sensors are made by Leonardo Electronics in Edinburgh.", "Leonardo Electronics", "Leonardo"),
])
def test_group_name_and_trade_is_its_arm(text, arm, group):
    orgs = _orgs(text)
    assert arm in orgs and group not in orgs
    assert orgs[arm]["country"] is not None


@pytest.mark.parametrize("text, firm", [
    # a legal form alone after the group's name names the group itself
    ("Saab Ltd signed the support contract on Monday.", "Saab AB"),
    ("The engines were serviced by Rheinmetall AG last year.", "Rheinmetall"),
])
def test_group_name_and_legal_form_is_the_group(text, firm):
    assert firm in _orgs(text)


@pytest.mark.parametrize("text, firm", [
    ("The howitzers, built by Kestrel Works, arrived at the port on Monday.", "Kestrel Works"),
    ("A radar made by Orvane Electronics and a gun were fitted to the corvette.", "Orvane Electronics"),
    ("The drone was developed by Nordfelt Dynamics for the army.", "Nordfelt Dynamics"),
    ("The patrol boats were designed by Valmar Marine, which also builds ferries.", "Valmar Marine"),
])
def test_firm_told_by_what_it_did_to_the_kit(text, firm):
    assert firm in entities(text, "organization")


@pytest.mark.parametrize("text, not_firm", [
    # a country, a person and a demonym's run-on are no firm
    ("The frigates were built by India for the navy.", "India"),
    ("The submarine was designed by John Kowal in the 1990s.", "John Kowal"),
    ("The rifles were made by Russian engineers at a plant.", "Russian"),
])
def test_not_a_firm_after_by(text, not_firm):
    assert not_firm not in entities(text, "organization")


@pytest.mark.parametrize("text, firm", [
    ("Russia's state arms exporter Rostovex signed the contract on Tuesday.", "Rostovex"),
    ("The aerospace giant Orvane lost the tender to a local bidder.", "Orvane"),
    ("The US companies Belmar bid for the radar contract.", "Belmar"),
])
def test_firm_told_by_the_noun_before_it(text, firm):
    assert firm in entities(text, "organization")


@pytest.mark.parametrize("text, firm", [
    # a civil trade in the words after the comma, or in the firm's name
    ("The troops were flown home by Apex Aviation, a charter airline based in Perth.", "Apex Aviation"),
    ("The delegates' tickets were booked through Apex Travel Ltd, the ministry said.", "Apex Travel Ltd"),
    ("The loan was arranged by Corvane Bank Limited in March.", "Corvane Bank Limited"),
    ("The officers stayed at rooms paid to Selwyn Hotels Ltd during the talks.", "Selwyn Hotels Ltd"),
])
def test_civil_firm_is_no_defence_company(text, firm):
    orgs = _orgs(text)
    assert firm in orgs and orgs[firm]["category"] != "defence company"


@pytest.mark.parametrize("text, firm", [
    # a defence firm of the same forms stays one
    ("Kestrow Defense won the contract for the armoured trucks.", "Kestrow Defense"),
    ("Norvane Aviation, a maker of drones, won the tender.", "Norvane Aviation"),
    ("Orvane Systems Ltd, the radar maker, bid for the contract.", "Orvane Systems Ltd"),
])
def test_defence_firm_stays_one(text, firm):
    assert _orgs(text)[firm]["category"] == "defence company"


@pytest.mark.parametrize("text, town, country", [
    ("The frigate called at Byron Bay, New South Wales, on Monday.", "Byron Bay", "AUS"),
    ("Residents of the town of Byron Bay watched the flypast.", "Byron Bay", None),
    ("Byron Bay residents complained about the noise of the helicopters.", "Byron Bay", None),
    ("Byron Bay's mayor asked the air force to move the drill.", "Byron Bay", None),
])
def test_town_named_like_a_water(text, town, country):
    found = {e["name"]: e for e in record(text)["entities"] if e["kind"] == "location"}
    assert found[town]["category"] == "city" and found[town]["country"] == country


@pytest.mark.parametrize("text, water", [
    # no cue: a water, as before; a country after the comma does not make a town
    ("The frigate anchored in Tolo Bay before the exercise.", "Tolo Bay"),
    ("Minesweepers sailed into Hawke Bay, New Zealand, last week.", "Hawke Bay"),
])
def test_water_stays_water(text, water):
    found = {e["name"]: e for e in record(text)["entities"] if e["kind"] == "location"}
    assert found[water]["category"] == "water" and found[water]["country"] is None


def test_word_lists_live_in_the_catalogues():
    """The rules' word lists are read from catalogues/words.yaml, each a non-empty set of words."""
    from armsledger.catalogue import PACKAGED, read_yaml
    from armsledger.extract import entities as module

    lists = read_yaml(PACKAGED / "words.yaml")
    for key, name in [("kit_words", "_KIT_WORDS"), ("not_trade_brand", "_NOT_TRADE_BRAND"),
                      ("unit_words", "_UNIT_WORDS"), ("not_unit_words", "_NOT_UNIT_WORDS"),
                      ("show_words", "_SHOW_WORDS"), ("not_show_words", "_NOT_SHOW_WORDS"),
                      ("not_maker_name", "_NOT_MAKER_NAME"),
                      ("civil_trades", "_CIVIL_TRADES"), ("civil_nouns", "_CIVIL_NOUNS")]:
        words = frozenset(str(lists[key]).split())
        assert words and getattr(module, name) == words, key


@pytest.mark.parametrize("text, designation", [
    # a short designation, unhyphenated, right before a weapon's own noun (one word between at most)
    ("Egypt is interested in K7 tanks from the Korean firm.", "K7"),
    ("The army will receive 20 K4 self-propelled howitzers next year.", "K4"),
    ("The navy wants more R3 drones for its patrol ships.", "R3"),
])
def test_short_designation_before_weapon_noun(text, designation):
    assert designation in entities(text, "platform")


@pytest.mark.parametrize("text, not_type", [
    # no weapon noun after it, or a variant's letters after a type's designation
    ("Leaders met at the G7 summit in June.", "G7"),
    ("The F1 cars raced past the air base.", "F1"),
    ("India ordered more Mi-17 V5 helicopters for the air force.", "V5"),
])
def test_short_designation_not_a_type(text, not_type):
    assert not_type not in entities(text, "platform")
