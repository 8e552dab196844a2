"""Entities named by a word that says what they are, written in lower case or after a number: a base by its
town ("the Tanagra air base"), a military unit ("No. 6 Squadron"), a party ("the Civic Platform party"), a
town by what it is ("the port of Limassol", "a Devon-based firm"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-01"))["entities"]


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in entities(extractor, text) if e["kind"] == kind}


# --- a base named by its town, in lower case -----------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The first two jets landed at the Korvani air base on Tuesday.", "Korvani air base"),
    ("The contract was signed at the Villacoublay air base near Paris.", "Villacoublay air base"),
    ("The helicopters will be stationed at the Zhukovo naval base, the navy said.", "Zhukovo naval base"),
    ("Soldiers trained with the new rifles at the Orlamund military camp for a month.", "Orlamund military camp"),
    ("Russia's Hemlok airbase will host the squadron from next year.", "Hemlok airbase"),
])
def test_a_base_named_by_its_town_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


def test_a_base_at_a_town_the_catalogue_knows_keeps_the_town(extractor):
    assert "Tanagra" in names(extractor, "The first two jets landed at the Tanagra air base on Tuesday.", "location")


@pytest.mark.parametrize("text", [
    "The drones will fly from a Pakistani air base, officials said.",
    "The jets were moved to a French naval base last year.",
    "Turkey's air base will receive the radar.",
])
def test_a_base_named_only_by_its_country_is_no_location(extractor, text):
    assert not {n for n in names(extractor, text, "location") if "base" in n}


# --- a military unit by its number ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The new jets will be flown by No. 6 Squadron from next spring.", "No. 6 Squadron"),
    ("Pilots of No 41 Squadron completed their conversion in March.", "No 41 Squadron"),
    ("A crew from the 412th Flight Test Squadron ferried the tanker.", "412th Flight Test Squadron"),
    ("The howitzers go to the 2nd Mechanised Brigade first.", "2nd Mechanised Brigade"),
    ("The aircraft will serve with the 37th Stormo at Trapani.", "37th Stormo"),
])
def test_a_unit_named_by_its_number_is_an_organization(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- a party named before "party" in lower case ---------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The opposition Law and Justice party said it would cancel the helicopter order.", "Law and Justice"),
    ("Lawmakers of the ruling Pheu Thai party questioned the submarine purchase.", "Pheu Thai"),
    ("The New Democracy party passed the budget with 159 votes.", "New Democracy"),
    ("The pro-European Civic Platform party had chosen the Caracal.", "Civic Platform"),
    ("The Greek Syriza party voted against the frigate deal.", "Syriza"),
])
def test_a_party_named_before_the_word_party_is_an_organization(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text", [
    "The crew held a Christmas party on board the frigate.",
    "The Indian party delegation arrived in Paris on Monday.",
    "Officials said the US party line had not changed.",
])
def test_a_party_that_is_no_body_is_no_organization(extractor, text):
    assert not names(extractor, text, "organization")


# --- a town named after what it is ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The corvette called at the port of Korvask before sailing on.", "Korvask"),
    ("Protesters were killed in the eastern town of Belavinsk in 2005.", "Belavinsk"),
    ("The squadron is based on the island of Tarvos, near the coast.", "Tarvos"),
    ("Work has begun on the new city of Orzamay, the minister said.", "Orzamay"),
])
def test_a_town_named_after_what_it_is_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


# --- a defence ministry written in lower case is named by its formal name -----------------------------------

@pytest.mark.parametrize("text, name", [
    ("According to the defence ministry, the pact covers training and spares.", "Ministry of Defence"),
    ("The defense ministry said the first jets would arrive in May.", "Ministry of Defense"),
    ("A defence ministry official confirmed the order on Monday.", "Ministry of Defence"),
])
def test_a_defence_ministry_in_lower_case_is_named_formally(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The Defence Ministry said the pact covers training and spares.", "Defence Ministry"),
    ("The Indian defence ministry said the pact covers training.", "Indian Defence Ministry"),
])
def test_a_defence_ministry_as_capitalised_or_owned_keeps_its_form(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- words that name a place, a body or a thing are no person's name -----------------------------------------

@pytest.mark.parametrize("text, not_person", [
    ("Li Wei attended with officials of the navy and of CSTC/ Donghai Shipyard.", "Donghai Shipyard"),
    ("He thanked the Turkish Navy's Chief Naval Overseer in Pakistan for his work.", "Naval Overseer"),
    ("Present were General Ahmed Salem, Inspector General of the army and Commander of the Eastern Zone, "
     "General Omar Haddad, Commander of the Navy.", "Eastern Zone"),
    ("Readout of Secretary of State Jones' Phone Call with the Korean Foreign Minister", "Jones' Phone Call"),
    ("THIS YEAR'S SHOW IS THE BIGGEST SINCE ITS LAUNCH, CHAIRMAN SAYS", "Biggest Since Its Launch"),
])
def test_a_place_or_thing_word_makes_no_person(extractor, text, not_person):
    assert not_person not in names(extractor, text, "person")


# --- the Soviet Union, seller of arms still in service, is a country; "Soviet-built" names none -------------

@pytest.mark.parametrize("text", [
    "Finland retired the Buk system it had bought from the Soviet Union decades ago.",
    "The MiG-29s were delivered by the USSR in 1989.",
    "Trade shrank after the Soviet Union collapsed, the minister said.",
])
def test_the_soviet_union_is_a_country(extractor, text):
    assert "Soviet Union" in names(extractor, text, "country")


def test_soviet_built_names_no_country(extractor):
    assert not names(extractor, "Soviet-built MiG-29s remain in service with the air force.", "country")


# --- an acronym in brackets after a body's name is that body ---------------------------------------------------

def orgs(extractor, text: str) -> dict[str, set[str]]:
    return {e["name"]: {m["text"] for m in e["mentions"]} for e in entities(extractor, text) if e["kind"] == "organization"}


@pytest.mark.parametrize("text, name, acronym", [
    ("Peru's Ministry of Defence (MoD) has picked the F-16 over the Gripen.", "Ministry of Defence", "MoD"),
    ("Kenya's Ministry of Defence (MoD) signed the order, and the MoD will pay in 2026.", "Ministry of Defence", "MoD"),
    ("The Korean Aerospace Industries (KAI) contract covers 12 jets.", "Korean Aerospace Industries", "KAI"),
])
def test_an_acronym_in_brackets_is_the_body_before_it(extractor, text, name, acronym):
    found = orgs(extractor, text)
    assert acronym in found.get(name, set()) and len(found) == 1


def test_an_acronym_named_elsewhere_alone_keeps_its_own_body(extractor):
    found = orgs(extractor, "The Kenyan Defence Forces (KDF) bought trucks; the British MoD sold them, the MoD said.")
    assert "MoD" not in found.get("Kenyan Defence Forces", set())


# --- a venue named by what it is; a place after its owner's possessive ----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The minister laid a wreath at the Tolvan War Memorial on Monday.", "Tolvan War Memorial"),
    ("The delegation stayed at the Kestrel Hotel in the capital.", "Kestrel Hotel"),
    ("Tanks rolled through Liberty Square during the parade.", "Liberty Square"),
    ("The deal was signed at the Presidential Complex in the capital.", "Presidential Complex"),
    ("The talks were held at the Army Officers' Club in the capital.", "Army Officers' Club"),
    ("The trucks were moved to the Bangladesh Army's Rajendrapur Cantonment.", "Rajendrapur Cantonment"),
])
def test_a_venue_named_by_what_it_is_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


# --- a type's name beside "consortium" names the firms that build it too ---------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Germany, a partner in the Eurofighter consortium, lifted its objection to the sale.", "Eurofighter"),
    ("Bids came from Saab, the European consortium Eurofighter and Boeing.", "Eurofighter"),
    ("The ministry weighed an offer from the MEADS consortium against the Patriot.", "MEADS"),
])
def test_a_type_beside_consortium_names_an_organization(extractor, text, name):
    assert name in names(extractor, text, "organization")


def test_a_type_without_consortium_is_no_organization(extractor):
    assert "Eurofighter" not in names(extractor, "Kuwait ordered 28 Eurofighter jets in 2016.", "organization")


# --- news outlets the catalogue knows ------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Mirage.News takes no institutional positions on the matter.", "Mirage News"),
    ("By bne IntelliNews, January 15, 2018. The army wants new trucks.", "bne IntelliNews"),
    ("The News Agency of Nigeria said the jets arrived on Monday.", "News Agency of Nigeria"),
    ("Brazil plans the sale, the Brazil-Arab News Agency (ANBA) reported.", "Brazil-Arab News Agency"),
])
def test_a_news_outlet_of_the_catalogue_is_an_organization(extractor, text, name):
    assert name in names(extractor, text, "organization")


def test_an_outlet_named_mirage_is_no_platform(extractor):
    assert not names(extractor, "Mirage.News takes no institutional positions on the matter.", "platform")


# --- a capital after "in", "at" or "near" is a place, whatever follows it ------------------------------------

@pytest.mark.parametrize("text, capital", [
    ("Analysts in Athens say the votes for defence spending were expected.", "Athens"),
    ("The president on Tuesday in Abuja inducted six light attack aircraft.", "Abuja"),
    ("The ministry in New Delhi had earlier said that India gave the submarine.", "New Delhi"),
    ("Diplomats at Ankara signed the accord on Friday.", "Ankara"),
])
def test_a_capital_after_in_is_a_place(extractor, text, capital):
    assert capital in names(extractor, text, "location")


@pytest.mark.parametrize("text, capital", [
    ("Athens says the votes for defence spending were expected.", "Athens"),
    ("The deal is a blow to confidence in Moscow's reliability as a supplier.", "Moscow"),
])
def test_a_capital_acting_not_after_in_is_no_place(extractor, text, capital):
    assert capital not in names(extractor, text, "location")


@pytest.mark.parametrize("text, name", [
    ("The engines are built in Ohio and tested in Vermont before they are shipped.", "Vermont"),
    ("The jets were ferried from Virginia to the base last week.", "Virginia"),
    ("The aircraft were handed over at the air force base in Katunayake on Friday.", "Katunayake"),
    ("The missile batteries will be based in Pingtung and Taitung, the source said.", "Pingtung"),
    ("The pilots trained at the Air Force Officers Training School in Nha Trang.", "Nha Trang"),
    ("The contract was signed at Camp Aguinaldo in Quezon City on Monday.", "Quezon City"),
])
def test_states_and_towns_of_the_industry_are_locations(extractor, text, name):
    assert name in names(extractor, text, "location")


def test_a_class_named_after_a_state_is_no_location(extractor):
    text = "Australia will buy three Virginia-class submarines from the United States."
    assert "Virginia" not in names(extractor, text, "location")


@pytest.mark.parametrize("text, name", [
    ("Lawmakers from Likud backed the purchase of the jets.", "Likud"),
    ("The Kuomintang has said it will not block the special defence budget.", "Kuomintang"),
    ("A Pheu Thai MP asked why the submarine contract was delayed.", "Pheu Thai"),
    ("Behind it come the socialist Pasok and the leftist Syriza, which voted against the frigates.", "Syriza"),
    # a party the report names only by its acronym is named by it (session 20)
    ("The CDU and the SPD agreed to raise the defence budget.", "SPD"),
])
def test_political_parties_are_organizations(extractor, text, name):
    assert name in names(extractor, text, "organization")


def test_a_new_democracy_in_lower_case_is_no_party(extractor):
    text = "Analysts said the country was a new democracy with a small navy."
    assert not names(extractor, text, "organization")


@pytest.mark.parametrize("text", [
    "The package includes five Aviation Mission Planning Systems and spare parts.",
    "The sale covers 42 Embedded Global Positioning Systems/Inertial Navigation Systems and training.",
    "It also asked for 12 Tactical Airborne Radar Systems and support equipment.",
])
def test_kit_counted_in_a_sale_is_no_firm(extractor, text):
    assert not names(extractor, text, "organization")


def test_a_firm_named_by_its_form_is_still_a_firm(extractor):
    text = "The radars will be built by Nordwind Radar Systems in Bremen."
    assert "Nordwind Radar Systems" in names(extractor, text, "organization")


# --- a part of a continent or ocean, by its compass word -----------------------------------------------------

@pytest.mark.parametrize("text, name, whole", [
    ("Exports to northern Africa rose, the ministry said.", "northern Africa", "Africa"),
    ("Sub-Saharan buyers aside, sub-Saharan Africa took 2% of the sales.", "sub-Saharan Africa", "Africa"),
    ("The firm's director of sales in eastern Europe said the helicopters were popular.", "eastern Europe", "Europe"),
    ("The navy patrols the Caribbean and the eastern Pacific against smugglers.", "eastern Pacific", "Pacific Ocean"),
    ("The frigates will operate in the North Atlantic with allied ships.", "North Atlantic", "Atlantic Ocean"),
    ("Drills in the western Mediterranean ended on Friday.", "western Mediterranean", "Mediterranean"),
])
def test_a_part_of_a_continent_or_ocean_is_a_place_of_its_own(extractor, text, name, whole):
    found = names(extractor, text, "location")
    assert name in found
    assert whole not in found


def test_the_whole_named_apart_stays_beside_its_part(extractor):
    text = "Africa's share of arms imports is small, with sub-Saharan Africa taking about 2%."
    assert {"Africa", "sub-Saharan Africa"} <= names(extractor, text, "location")


@pytest.mark.parametrize("text, country", [
    ("South Africa ordered the trucks last year.", "South Africa"),
    ("The alliance is the North Atlantic Treaty Organization.", None),
])
def test_a_country_or_body_with_a_compass_word_is_no_part_of_a_continent(extractor, text, country):
    found = names(extractor, text, "location")
    assert not {"South Africa", "North Atlantic"} & found
    if country:
        assert country in names(extractor, text, "country")


# --- a dateline's town before a colon ------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Jets handed over\n\nKORVANI: Prime Minister Imran Khan on Friday inducted the jets.", "Korvani"),
    ("MARDAN CITY: The army received four helicopters on Monday.", "Mardan City"),
    ("Deal signed\n\nZELTOVO/LORNAK: Yesterday the two countries signed a contract.", "Lornak"),
])
def test_a_dateline_town_before_a_colon_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


@pytest.mark.parametrize("text, name, country", [
    ("SINGAPORE: A press release from the defence ministry said the submarines had arrived.", "Singapore", "Singapore"),
    ("KUWAIT: The deputy premier signed the contract for 28 jets.", "Kuwait", "Kuwait"),
])
def test_a_dateline_city_state_is_the_city_and_the_country(extractor, text, name, country):
    assert name in names(extractor, text, "location")
    assert country in names(extractor, text, "country")


@pytest.mark.parametrize("text", [
    "The ship was delivered.\n\nREAD MORE: India mulls a new frigate order\n\nThe navy said it was pleased.",
    "OPINION: Human rights take a back seat to arms sales\n\nThe deal was signed.",
    "PUBLISHED: July 31, 2024\nUPDATED: July 31, 2024\n\nThe howitzers were delivered.",
    "WATCH: With the summit under way, Canada said it would buy submarines.",
    "EXCLUSIVE: Navy to buy six frigates\n\nThe navy will buy six frigates.",
])
def test_page_furniture_before_a_colon_is_no_place(extractor, text):
    assert not names(extractor, text, "location")


# --- a body named by its head word first: "the Department of ...", "the Office for ..." ----------------------

@pytest.mark.parametrize("text, name", [
    ("In a statement, the Department of National Defense said the helicopters had landed.",
     "Department of National Defense"),
    ("According to the Office of the President of Ukraine, the president thanked the donors.",
     "Office of the President of Ukraine"),
    ("Guan Youfei, director of the Office for International Military Cooperation, met the minister.",
     "Office for International Military Cooperation"),
    ("The contract still needs approval from the Commission for Defence Procurement next month.",
     "Commission for Defence Procurement"),
    ("The Agency for Defence Development tested the new radar on Monday.", "Agency for Defence Development"),
])
def test_a_body_named_head_word_first_is_an_organization(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text, word", [
    ("The Office of the President said Kowal would sign.", "Kowal"),
    ("He stood at the Office for Export Control Director Ann Kowal's side.", "Kowal"),
    ("Office for Export Control Approves Sale To Egypt", "Approves"),
    ("Cabinet Office Of Prime Minister Backs Frigate Deal", "Backs"),
])
def test_a_body_named_head_word_first_holds_no_verb_nor_person(extractor, text, word):
    assert not [n for n in names(extractor, text, "organization") if word in n]


# --- a ship named after a person is a ship where the words plainly say so -----------------------------------

@pytest.mark.parametrize("text, ship", [
    ("Egypt took over the helicopter carrier Gamal Abdel Nasser at Saint-Nazaire.", "Gamal Abdel Nasser"),
    ("In June the frigate Anwar Ibrahim left the yard for sea trials.", "Anwar Ibrahim"),
    ("Egypt's Mistral-class ship Gamal Abdel Nasser sailed for Alexandria.", "Gamal Abdel Nasser"),
    ("ENS Gamal Abdel Nasser entered the port of Toulon on Monday.", "ENS Gamal Abdel Nasser"),
    ("The crew of PNS Anwar Ibrahim trained in Karachi for a month.", "PNS Anwar Ibrahim"),
])
def test_a_ship_named_after_a_person_is_no_person(extractor, text, ship):
    assert ship in names(extractor, text, "platform")
    assert not names(extractor, text, "person")


def test_the_ships_name_with_the_before_it_is_the_ship_elsewhere_in_the_report(extractor):
    text = ("The helicopter carrier Gamal Abdel Nasser was handed over in June. The Gamal Abdel Nasser will be "
            "based in the Red Sea. It is named after Gamal Abdel Nasser, Egypt's second president.")
    ents = entities(extractor, text)
    ship = next(e for e in ents if e["kind"] == "platform" and e["name"] == "Gamal Abdel Nasser")
    person = next(e for e in ents if e["kind"] == "person" and e["name"] == "Gamal Abdel Nasser")
    assert len(ship["mentions"]) == 2 and len(person["mentions"]) == 1


def test_a_ship_named_for_a_person_names_both(extractor):
    text = "The ship, named Gamal Abdel Nasser after Egypt's second president, arrived on Monday."
    assert "Gamal Abdel Nasser" in names(extractor, text, "platform")
    assert "Gamal Abdel Nasser" in names(extractor, text, "person")


@pytest.mark.parametrize("text", [
    "The submarine Kim Jong Un inspected on Tuesday was launched in 2019.",
    "Aboard the frigate Anwar Ibrahim said the navy needed more ships.",
])
def test_a_person_who_acts_after_a_ship_noun_stays_a_person(extractor, text):
    assert names(extractor, text, "person")
