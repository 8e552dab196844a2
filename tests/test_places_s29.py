"""Entities, session 29: places and people in forms any outlet may use. A base named by its number; a base, barracks,
aerodrome or airfield in lower case after its town; a state, county or territory after "in"; a river named head
first; a picture credit ending its caption's line; more of what follows a person's name and its comma; Dutch and South
Asian name particles. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

LEAD = "Poland signed a contract to buy 12 F-16 fighter jets from the United States.\n\n"


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def entities(rules, text: str, kind: str) -> list[str]:
    rec = rules(Article(text=LEAD + text, published="2025-06-01"))
    return [e["name"] for e in rec["entities"] if e["kind"] == kind]


@pytest.mark.parametrize("text, place", [
    ("The first two jets landed at the 3rd Air Base outside the capital on Monday.", "3rd Air Base"),
    ("A ceremony was held at the 2nd Royal Air Force Base near the coast to mark their arrival.",
     "2nd Royal Air Force Base"),
    ("The drones will fly from the 14th Unmanned Aerial Vehicles Base, the ministry said.",
     "14th Unmanned Aerial Vehicles Base"),
])
def test_base_named_by_its_number(rules, text, place):
    assert place in entities(rules, text, "location")


@pytest.mark.parametrize("text, place", [
    ("The minister signed the order at the Tremblay barracks on Tuesday.", "Tremblay barracks"),
    ("The radars were shown to reporters at the Kolbek aerodrome last week.", "Kolbek aerodrome"),
    ("Two transport aircraft landed at the Drava airfield after a long flight.", "Drava airfield"),
])
def test_lower_case_base_after_its_town(rules, text, place):
    assert place in entities(rules, text, "location")


def test_lower_case_base_of_a_country_alone_is_no_place(rules):
    places = entities(rules, "The jets landed at the Russian airfield on Friday.", "location")
    assert not any("airfield" in p for p in places), places


@pytest.mark.parametrize("text, place", [
    ("The helicopters will be based in Kwara State to fight bandits.", "Kwara State"),
    ("The factory in Kent County employs 300 workers on the howitzer line.", "Kent County"),
    ("Troops deployed across the Yukon Territory for the winter exercise.", "Yukon Territory"),
])
def test_state_county_territory(rules, text, place):
    assert place in entities(rules, text, "location")


@pytest.mark.parametrize("text", [
    "A spokesman for the State Department in Washington declined to comment.",
    "The frigate was built by the Harbin State Shipbuilding Corporation.",
])
def test_state_running_into_a_body_is_no_place(rules, text):
    assert not any(p.endswith("State") for p in entities(rules, text, "location"))


@pytest.mark.parametrize("text, place", [
    ("Patrol boats will guard the bridges over the River Sava next year.", "River Sava"),
    ("The pontoon units trained on the banks of the River Oder in May.", "River Oder"),
])
def test_river_named_head_first(rules, text, place):
    assert place in entities(rules, text, "location")


@pytest.mark.parametrize("text, person", [
    ("The new tanks on parade in the capital. Marta Kowalczyk/dpa\n\nThe army took delivery on Monday.",
     "Marta Kowalczyk"),
    ("Soldiers load the launcher onto a truck. Keystone / Lukas Brunner\n\nThe deal was approved on Friday.",
     "Lukas Brunner"),
    ("An H145M helicopter in flight | Photo: Airbus Helicopters/Pierre Delmas\n\nThe army ordered ten more.",
     "Pierre Delmas"),
    ("03/04/19 Helen Marsh/Telegraph\n\nThe order was confirmed on Monday.", "Helen Marsh"),
])
def test_picture_credit_ending_its_line(rules, text, person):
    assert person in entities(rules, text, "person")


def test_two_bodies_by_a_slash_are_no_credit(rules):
    text = "The programme was reported by broadcasters. Radio Free Europe/Radio Liberty\n\nThe deal was signed."
    assert "Radio Liberty" not in entities(rules, text, "person")


@pytest.mark.parametrize("text, person", [
    ("Omar Haddad, executive director of exports at the state firm, said talks went well.", "Omar Haddad"),
    ("Weapons are flowing into the region, Pierre Ndiaye, the UN special envoy for the Great Lakes, told reporters.",
     "Pierre Ndiaye"),
    ("In May Klaus Weber, Germany's Vice-Chancellor, met the Egyptian president.", "Klaus Weber"),
    ("Ravi Deshmukh, L&T's Head of Shipbuilding, said the hulls would be ready in 2027.", "Ravi Deshmukh"),
])
def test_name_told_by_what_follows_its_comma(rules, text, person):
    assert person in entities(rules, text, "person")


@pytest.mark.parametrize("text, person", [
    ("The chief of naval staff Admiral Zia ur Rehman attended the ceremony.", "Zia ur Rehman"),
    ("Labour parliamentarian Jan ten Hove told a radio station the deal was bad.", "Jan ten Hove"),
    ('"We are pleased," said Jan ten Hove, a Dutch lawmaker.', "Jan ten Hove"),
    ("Nasir ul Haq said the frigates would arrive next year.", "Nasir ul Haq"),
])
def test_name_particles(rules, text, person):
    assert person in entities(rules, text, "person")


@pytest.mark.parametrize("text, person", [
    ("In May Klaus Weber, a former German defence official, met the Egyptian president.", "Klaus Weber"),
    ("On Tuesday Maria Lopes, the UN special adviser on arms, met the minister.", "Maria Lopes"),
])
def test_month_or_day_before_a_name_is_no_forename(rules, text, person):
    names = entities(rules, text, "person")
    assert person in names and not any(n.startswith(("May ", "Tuesday ")) for n in names), names
