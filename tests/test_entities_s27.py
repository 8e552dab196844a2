"""Entities, session 27: names the finder missed in forms that any outlet may use. A country's defence ministry written
two ways with its country is one body; officials listed as "the <office>, <name>;" in a list split by semicolons;
a name told by what follows its comma ("a former Indian air force chief", "once CEO of ..."); a forename's
initials ("S.P. Tyagi"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def entities(rules, text: str, kind: str) -> list[str]:
    rec = rules(Article(text=text, published="2025-06-01"))
    return [e["name"] for e in rec["entities"] if e["kind"] == kind]


@pytest.mark.parametrize("text", [
    "The Cambodian Ministry of Defense said the trucks had arrived. A Cambodian Defense Ministry official added that "
    "more would follow.",
    "The Italian Ministry of Defence signed the order. Later the Italian Ministry of Defense confirmed the price.",
    "The Georgian Defence Ministry will pay for the radars, and the Georgian Ministry of Defence expects them in May.",
])
def test_one_countrys_defence_ministry_written_two_ways(rules, text):
    ministries = [n for n in entities(rules, text, "organization") if "inistry" in n]
    assert len(ministries) == 1, ministries


def test_two_countries_defence_ministries_stay_apart(rules):
    text = ("The Polish Ministry of Defence and the Lithuanian Defence Ministry signed a letter on shells, and the "
            "Polish Defence Ministry said deliveries start in May.")
    ministries = [n for n in entities(rules, text, "organization") if "inistry" in n]
    assert len(ministries) == 2, ministries


@pytest.mark.parametrize("text, names", [
    ("Guests included the President of the Senate, Marta Quispe Huamán; the Minister of Defense, Jorge Salas Rivera; "
     "and the army chief.", ["Marta Quispe Huamán", "Jorge Salas Rivera"]),
    ("Present were the Minister of Finance, Kwame Mensah Boateng; the Chief of Defence Staff, Samuel Owusu; and "
     "diplomats.", ["Kwame Mensah Boateng", "Samuel Owusu"]),
])
def test_officials_listed_between_semicolons(rules, text, names):
    found = entities(rules, text, "person")
    assert all(n in found for n in names), found


@pytest.mark.parametrize("text, name", [
    ("Money was reportedly paid to relatives of Vikram Sahni, a former Indian navy chief who denies any wrongdoing.",
     "Vikram Sahni"),
    ("The talks were led by Agnieszka Wrona, a Polish defence official, in Brussels.", "Agnieszka Wrona"),
    ("Lawyers for Marco Bellini, once chief executive of the helicopter maker, asked for more time.", "Marco Bellini"),
    ("The court heard from Hugo Brandt, formerly head of exports at the shipyard, on Monday.", "Hugo Brandt"),
])
def test_a_name_told_by_what_follows_its_comma(rules, text, name):
    assert name in entities(rules, text, "person")


@pytest.mark.parametrize("text", [
    "Shares in Lockheed Martin, a US defence company, rose on the news.",
    "The order went to Hanwha Aerospace, a South Korean firm, last year.",
])
def test_a_firm_before_such_a_comma_is_no_person(rules, text):
    assert not entities(rules, text, "person")


@pytest.mark.parametrize("text, name", [
    ("The file names R.K. Bhadauria, a former air force chief, as a witness.", "R.K. Bhadauria"),
    ("Payments went to a cousin of M.S. Rawat, who denies wrongdoing.", "M.S. Rawat"),
])
def test_a_forenames_initials(rules, text, name):
    assert name in entities(rules, text, "person")


def test_a_countrys_initials_open_no_name(rules):
    assert not entities(rules, "The frigate joined the U.S. Navy, a force of some 290 ships, in 2020.", "person")


@pytest.mark.parametrize("text, name", [
    ("The frigates were ordered from Nordwind Marine, a shipbuilder based in Gdansk, last year.", "Nordwind Marine"),
    ("The parts come from Velar Optics, the Czech sensor maker, under a 2023 deal.", "Velar Optics"),
    ("Trials were run by Kestrel Avionics, a British company, over the summer.", "Kestrel Avionics"),
])
def test_a_body_told_by_the_noun_after_its_comma(rules, text, name):
    assert name in entities(rules, text, "organization")
    assert name not in entities(rules, text, "person")


@pytest.mark.parametrize("text, name", [
    ("Lawyers for Ann Kowal, the company's chief executive, asked for more time.", "Ann Kowal"),
    ("The deal was signed by Piotr Nowak, a former company director, in Warsaw.", "Piotr Nowak"),
])
def test_a_person_before_a_firm_word_stays_a_person(rules, text, name):
    assert name in entities(rules, text, "person")


@pytest.mark.parametrize("text, name", [
    ("The vehicles were built by General Kowal Land Systems at its plant.", "General Kowal Land Systems"),
    ("An order went to General Nordic Dynamics for the engines.", "General Nordic Dynamics"),
])
def test_a_firms_last_word_ends_no_persons_name(rules, text, name):
    assert not entities(rules, text, "person")


@pytest.mark.parametrize("text, name", [
    ("The rifles were made by PT Kalimantan Persenjataan in Bandung.", "PT Kalimantan Persenjataan"),
    ("The sights come from Lyon-based Ferrand Optronique under the deal.", "Ferrand Optronique"),
    ("A contract went to Ohio-based Marlow Precision Products for the fuzes.", "Marlow Precision Products"),
    ("Daewoo Ocean Co. will build the hulls for the navy.", "Daewoo Ocean Co."),
])
def test_a_firm_by_what_leads_up_to_or_ends_its_name(rules, text, name):
    assert name in entities(rules, text, "organization")


def test_a_demonym_after_based_is_no_firm(rules):
    orgs = entities(rules, "The French-based European planemaker said sales rose.", "organization")
    assert "European" not in orgs


@pytest.mark.parametrize("text, name", [
    ("The radar was built by Thales Defence and Security for the navy.", "Thales Defence and Security"),
    ("Leonardo Defence Systems will deliver the turrets next year.", "Leonardo Defence Systems"),
    ("The contract went to Saab Defense & Security in 2019.", "Saab Defense & Security"),
])
def test_a_catalogued_firms_arm(rules, text, name):
    assert name in entities(rules, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("Two jets were handed to the Royal Eswatini Air Force on Friday.", "Royal Eswatini Air Force"),
    ("The Royal Tongan Navy took delivery of a patrol boat.", "Royal Tongan Navy"),
    ("The Vanuatu Defence Force received two boats from Australia.", "Vanuatu Defence Force"),
    ("The Tanzania Defence Force bought 40 trucks last year.", "Tanzania Defence Force"),
    ("The Republic of Cyprus Navy ordered two patrol boats.", "Republic of Cyprus Navy"),
])
def test_armed_services_by_more_forms(rules, text, name):
    assert name in entities(rules, text, "organization")


def test_defence_force_and_forces_are_one_service(rules):
    text = "The Kenya Defence Forces will get the jets; the Kenyan Defense Force said training starts in May."
    assert [n for n in entities(rules, text, "organization") if "Defen" in n] == ["Kenya Defence Forces"]


@pytest.mark.parametrize("text, name", [
    ("Belgium's Minister of Defence and Foreign Trade, Pieter Vandamme, said the jets were ordered.", "Pieter Vandamme"),
    ("Present was the Minister Delegate in charge of the Budget, Youssef Benali. The army chief came too.",
     "Youssef Benali"),
])
def test_an_offices_holder_after_an_office_that_goes_on(rules, text, name):
    assert name in entities(rules, text, "person")


@pytest.mark.parametrize("text, kit", [
    ("Both firms will cooperate on Missile Systems and Coastal Defence Systems for export.", "Coastal Defence Systems"),
    ("Georgia Signs Deal On Purchase Of Anti-Air Systems", "Anti-Air Systems"),
    ("Ukraine Awaits Response To Request To Purchase Air Defense Systems", "Request To Purchase Air Defense Systems"),
])
def test_kit_is_no_firm(rules, text, kit):
    assert kit not in entities(rules, text, "organization")


@pytest.mark.parametrize("text, place", [
    ("The minister will go to Lorient, France, to attend the launch of the frigate.", "Lorient"),
    ("The delegation flew via Kourou, French Guiana, on its way home.", "Kourou"),
    ("The new jets are based in Makurdi, Benue State, the air force said.", "Benue State"),
])
def test_a_town_or_region_by_where_it_is(rules, text, place):
    assert place in entities(rules, text, "location")


def test_a_person_before_a_country_is_no_town(rules):
    text = "The talks went well, according to Kowalczyk, Poland's deputy minister, who spoke to Nowak, Japan's envoy."
    assert not entities(rules, text, "location")
