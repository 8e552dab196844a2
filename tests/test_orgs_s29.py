"""Organisations, session 29: bodies no catalogue holds, told by their form. Units and commands named by what
they are with no number before them ("the Mountain Assault Brigade", "Brigade 41", "the Baltic Fleet"), defence
trade shows by their name ("the International Naval Defence Exhibition"), a government or presidential office
by its title in capitals after its country ("the Latvian Government", "the Federal Government"). Sentences are
written for these tests; the names in them are made up or chosen so that no catalogue holds them."""
from __future__ import annotations

import pytest

from found import entities


def orgs(text: str, field: str = "name") -> list:
    """`field` of each organisation the rules find in `text`."""
    return entities(text, "organization", field)


# --- units and commands -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("The new trucks will go to the Mountain Assault Brigade next spring.", "Mountain Assault Brigade"),
    ("Colonel Ivo Sarić, who leads the Coastal Logistics Battalion, took the keys on Monday.",
     "Coastal Logistics Battalion"),
    ("Two of the helicopters will serve with the Presidential Air Fleet in Abuja.", "Presidential Air Fleet"),
    ("The boats were handed to the Moldovan Naval Flotilla at a ceremony on Friday.", "Moldovan Naval Flotilla"),
    ("Rear Admiral Tomas Reyes, commander of the Philippine Fleet, welcomed the two corvettes.", "Philippine Fleet"),
    # a number after the head
    ("China donated 40 trucks to Brigade 41 at a ceremony near the capital.", "Brigade 41"),
    ("The minister visited Division 217 of the army's northern corps on Tuesday.", "Division 217"),
    ("The rifles were handed over in the compound of Signal Battalion 12 on Monday.", "Signal Battalion 12"),
    # defence trade shows
    ("The contract was signed at the International Naval Defence Exhibition in Gdynia on Tuesday.",
     "International Naval Defence Exhibition"),
    ("Ankara showed the drone at the 9th Balkan Defense Industry Fair last week.", "Balkan Defense Industry Fair"),
    ("The rifle was unveiled at the Nordic Security Expo in Oslo.", "Nordic Security Expo"),
])
def test_a_unit_or_a_show_named_by_what_it_is(text, name):
    assert name in orgs(text)


def test_a_unit_past_its_owner_and_under_its_service_initials():
    found = orgs("The gunships will join the Chilean Army's Air Assault Division by June.")
    assert "Air Assault Division" in found
    found = orgs("The Royal Omani Air Force (RAFO) took its first transport; RAFO Airlift Wing Commander Colonel "
                 "Said Harthi flew it home.")
    assert "RAFO Airlift Wing" in found


@pytest.mark.parametrize("text", [
    "Piet Varga, head of Nordtek's Sweden Division, said the plant would open in May.",  # a firm's division
    "The Silver Squadron will fly the new trainers at the show.",  # a nickname: nothing says it is a unit
    "Mari Kask, State Minister of the Finance Division, signed the budget.",
    "The Emergency Vehicle Fleet will grow by twelve cars.",
])
def test_no_unit_where_the_name_is_no_units(text):
    assert not [n for n in orgs(text) if n.endswith(("Division", "Squadron", "Fleet"))]


def test_a_service_written_before_fleet_stays_the_service():
    found = orgs("The frigate joined the Ghanaian Navy Fleet in 1990, and the Ghanaian Navy still sails her.")
    assert "Ghanaian Navy Fleet" not in found and "Ghanaian Navy" in found


# --- trade shows --------------------------------------------------------------------------------------------
def test_a_shows_acronym_in_brackets_is_the_show():
    found = orgs("The corvette was shown at the Caspian Defence Exhibition (CADEX) 2024 in Baku.")
    assert "Caspian Defence Exhibition" in found and "CADEX" not in found


@pytest.mark.parametrize("text", [
    "The jet flew at the Gdynia International Aerospace Exhibition on Sunday.",  # an air show: a place in the gold
    "Crowds came to the Spring Flower Fair in the town square.",
])
def test_no_show_without_a_defence_word(text):
    assert not [n for n in orgs(text) if n.endswith(("Exhibition", "Fair"))]


# --- governments and presidential offices --------------------------------------------------------------------
@pytest.mark.parametrize("text, name, country", [
    ("The Latvian Government approved the purchase of six rocket launchers on Tuesday.", "Latvian Government", "LVA"),
    ("Saab said the Czech Government had asked for two more Gripen jets.", "Czech Government", "CZE"),
    ("Lee Ming, spokesman for Taiwan's presidential office, said the F-16 jets would arrive in May.",
     "Taiwan's presidential office", "TWN"),
    ("The South Korean presidential office said the K9 howitzer deal with Vietnam was signed.",
     "South Korean presidential office", "KOR"),
])
def test_a_government_or_office_by_its_title_in_capitals(text, name, country):
    found = dict(zip(orgs(text), orgs(text, "country")))
    assert found.get(name) == country


def test_the_federal_government_is_the_reports_own():
    text = ("The Nigerian Air Force will get two more helicopters. The Federal Government ordered them from Italy, "
            "the air force said in Abuja.")
    found = dict(zip(orgs(text), orgs(text, "country")))
    assert found.get("Federal Government") == "NGA"
    text = "Embraer signed the contract with the Brazilian Federal Government on Monday."
    assert "Brazilian Federal Government" in orgs(text)


@pytest.mark.parametrize("text", [
    "The Latvian government approved the purchase of six rocket launchers on Tuesday.",  # lower case: left
    "The Government said it would buy six rocket launchers.",  # whose?
])
def test_no_government_in_lower_case_or_alone(text):
    assert not [n for n in orgs(text) if "overnment" in n]


# --- outlets told something or reporting it -----------------------------------------------------------------
_TOLD_OR_REPORTING = {  # the outlet each sentence names, told something or reporting it
    "A navy spokesman told KBX on Saturday that the first frigate had arrived.": "KBX",
    "The two corvettes will cost $300 million, according to Marenostra.": "Marenostra",
    "The contract was signed in Amman on Monday, Vardi reported.": "Vardi",
    "The ministry plans to buy 12 more, Tolva Morning Review reported on Friday.": "Tolva Morning Review",
}


@pytest.mark.parametrize("text", list(_TOLD_OR_REPORTING))
def test_an_outlet_told_something_or_reporting_it(text):
    found = dict(zip(orgs(text), orgs(text, "category")))
    assert found.get(_TOLD_OR_REPORTING[text]) == "news agency"


@pytest.mark.parametrize("text", [
    "As reported earlier, Germany will buy six more tanks.",
    "The minister told Rear Admiral Lars Vinter that the ships would come.",  # a title
    "She told Kowal's Morning Hour that the jets were late.",  # a possessive
    "Defence Minister Jan Kowal said the jets were late. Piet Varga told Kowal the same.",  # a person named before
])
def test_no_outlet_from_a_cue_before_a_person_a_title_or_a_lead_word(text):
    assert not [c for c in orgs(text, "category") if c == "news agency"]


def test_a_cued_initials_or_short_name_are_the_body_named_in_full():
    found = orgs("The Directorate of Naval Procurement will buy two boats by 2030, according to the DNP.")
    assert found == ["Directorate of Naval Procurement"]
    found = orgs("The talks failed, according to the Baltic Morning Ledger. The Ledger reported that the jets were late.")
    assert found == ["Baltic Morning Ledger"]
