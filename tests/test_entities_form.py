"""Entities told by their form and their surroundings: capitals that stand for governments, bodies named by what
they are, people by how reporters introduce them. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-01"))["entities"]


def names(extractor, text: str, kind: str) -> set[str]:
    return {e["name"] for e in entities(extractor, text) if e["kind"] == kind}


# --- a capital used for its government is a mention of the country, not a place ---------------------------

@pytest.mark.parametrize("text, capital", [
    ("Officials said the deal marks a new era in the partnership between Ankara and Rome.", "Rome"),
    ("Officials said the deal marks a new era in the partnership between Ankara and Rome.", "Ankara"),
    ("The frigates are at the heart of growing ties with Hanoi, diplomats say.", "Hanoi"),
    ("Brazil is in talks with Stockholm on a second batch of fighters.", "Stockholm"),
    ("The United States has urged Warsaw to speed up the purchase of tanks.", "Warsaw"),
    ("The treaty requires Manila to approve any transfer of the patrol boats.", "Manila"),
    ("After the vote, Canberra took the decision to cancel the submarine order.", "Canberra"),
    ("In 2019 Oslo set aside money for new helicopters.", "Oslo"),
    ("Despite the sanctions, Tehran reportedly bought drones from abroad.", "Tehran"),
    ("The port was rebuilt with money from Beijing, which alarmed its neighbours.", "Beijing"),
])
def test_a_capital_that_acts_or_is_dealt_with_is_its_government(extractor, text, capital):
    assert capital not in names(extractor, text, "location")


@pytest.mark.parametrize("text, capital", [
    ("The ministers met in Rome on Tuesday to sign the agreement.", "Rome"),
    ("The delegation flew from Ankara to Baku for the arms fair.", "Ankara"),
    ("The minister met his counterpart together with officials in Hanoi last week.", "Hanoi"),
    ("The jets were shown at an air show near Stockholm, where crowds gathered.", "Stockholm"),
])
def test_a_capital_named_as_a_place_stays_a_location(extractor, text, capital):
    assert capital in names(extractor, text, "location")


# --- a catalogue body is named as the report writes it -------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The sale still needs a vote in the Turkish Parliament, officials said.", "Turkish Parliament"),
    ("The treaty was approved by the Philippine Senate last week.", "Philippine Senate"),
    ("Lawmakers in the U.S. Congress have questioned the sale of the jets.", "U.S. Congress"),
])
def test_a_catalogue_body_keeps_the_name_the_report_gives_it(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- bodies named by what they are, their country's name included ------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The contract was signed by the Latvian Defence Procurement Centre on Friday.", "Latvian Defence Procurement Centre"),
    ("A spokesman for the Kenya Wildlife Service declined to comment on the helicopters.", "Kenya Wildlife Service"),
    ("Cadets from the Nigerian Defence Academy will train on the new aircraft.", "Nigerian Defence Academy"),
    ("The plane was leased from Mongolia Airways for the delegation's flight.", "Mongolia Airways"),
    ("Delegates to the Colombo Maritime Forum discussed patrol vessels.", "Colombo Maritime Forum"),
    ("The ruling was issued by the Supreme Court of Ghana on Monday.", "Supreme Court of Ghana"),
])
def test_a_body_named_by_its_form_keeps_the_country_or_city_in_its_name(extractor, text, name):
    assert name in names(extractor, text, "organization")


def test_a_country_named_inside_a_body_is_still_a_country_of_the_report(extractor):
    text = "Pilots of the Royal Malaysian Air Force flew the new trainers at the show."
    assert "Malaysia" in names(extractor, text, "country")
    text = "Cadets from the Nigerian Defence Academy will train on the new aircraft."
    assert "Nigeria" in names(extractor, text, "country")


def test_a_city_inside_a_body_is_not_a_place_of_the_report(extractor):
    assert "Colombo" not in names(extractor, "Delegates to the Colombo Maritime Forum discussed patrol vessels.",
                                  "location")


def test_the_body_named_again_without_its_country_is_the_same_body(extractor):
    text = ("The contract was signed by the Latvian Defence Procurement Centre on Friday. A week later the "
            "Defence Procurement Centre said the first vehicles would arrive in May.")
    orgs = [e for e in entities(extractor, text) if e["kind"] == "organization"]
    assert [o["name"] for o in orgs] == ["Latvian Defence Procurement Centre"]
    assert len(orgs[0]["mentions"]) == 2


@pytest.mark.parametrize("text", [
    "The vehicles will be built at the company's Armoured Vehicle Centre of Excellence near Geelong.",
    "Improving Logistics Center operations was the aim of the visit.",
])
def test_a_site_or_a_sentence_opening_is_not_taken_into_a_body(extractor, text):
    orgs = names(extractor, text, "organization")
    assert not any("Excellence" in o or o.startswith("Improving") for o in orgs)


# --- people: photo credits, credits and bylines inside the page, holders of an office named between commas ----

def people(extractor, text: str) -> dict[str, str | None]:
    return {e["name"]: e["role"] for e in entities(extractor, text) if e["kind"] == "person"}


@pytest.mark.parametrize("text, name", [
    ("The frigate at sea off Brest, June 3. REUTERS/Jana Novakova\n\nFrance agreed to sell the ship.", "Jana Novakova"),
    ("Tanks on parade in Warsaw. AFP PHOTO / Tomasz WIELICZKO\n\nPoland ordered more tanks.", "Tomasz Wieliczko"),
    ("A fighter jet on display. Photo: Lena Sorvik/TT\n\nSweden signed the deal.", "Lena Sorvik"),
    ("Helicopters at the base. © Pavel Orlov/TASS\n\nRussia delivered the helicopters.", "Pavel Orlov"),
    ("The minister at the ceremony (Ana Ribeiro/Reuters File Photo) signed the contract.", "Ana Ribeiro"),
])
def test_a_photo_credit_without_brackets_names_the_photographer(extractor, text, name):
    found = {n.casefold(): role for n, role in people(extractor, text).items()}  # a surname in capitals stays so
    assert found.get(name.casefold()) == "photographer"


@pytest.mark.parametrize("text, name, role", [
    ("Navy signs for new boats By Min-jun Park SEOUL, May 2 (Yonhap) -- The navy signed.", "Min-jun Park", "reporter"),
    ("Written by Clara Benedetti\n\nItaly ordered two submarines.", "Clara Benedetti", "reporter"),
    ("Italy ordered two submarines.\n\n*Translated by Tomas Herrera", "Tomas Herrera", "translator"),
    ("Estonia ordered rocket launchers.\n\nEditor: Kadri Tamm, Jaan Kask", "Jaan Kask", "editor"),
])
def test_credits_inside_the_page_name_their_people(extractor, text, name, role):
    assert people(extractor, text).get(name) == role


@pytest.mark.parametrize("text, name", [
    ("Also present were the Minister of Industry and Trade, Samir Benali, and the army chief.", "Samir Benali"),
    ("The Minister of Defence, Maj Gen (Rtd) Musa Garba, was the guest of honour.", "Musa Garba"),
    ("Speaking at the event, the US Ambassador to Ghana, Laura Whitfield, said the jets would arrive soon.",
     "Laura Whitfield"),
])
def test_an_office_then_its_holder_between_commas_names_a_person(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("The deal was welcomed, according to Viktor Salnikov, who headed the delegation.", "Viktor Salnikov"),
    ("Kuwait signed the deal. Sheikh Nasser Hamad Al-Sabah, the defence minister, attended.", "Nasser Hamad Al-Sabah"),
    ("The deal was criticised by opposition frontbencher Tom Gallagher on Sunday.", "Tom Gallagher"),
    ("The jets were ordered long after the fall of strongman Omar Bashir.", "Omar Bashir"),
])
def test_a_person_told_by_what_they_are_or_who_they_are(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text", [
    "The package includes 12 AN/AVS-9 Night Vision Goggles and spare parts.",
    "Officials of the navy and of CSTC/ Hudong Shipyard attended.",
    "TOKYO (Asia Press News / Sputnik) Japan ordered more jets.",
])
def test_a_slash_before_a_thing_or_an_outlet_names_no_person(extractor, text):
    assert people(extractor, text) == {}


def test_al_before_a_place_name_is_part_of_a_family_name(extractor):
    text = "Kuwait signed the deal. Sheikh Nasser Hamad Al-Sabah, the defence minister, attended."
    assert "Sabah" not in names(extractor, text, "location")


# --- catalogue entries added for outlets, firms and bodies that defence reporting names ------------------------

@pytest.mark.parametrize("text, name", [
    ("WASHINGTON, May 2 (UPI) -- The Army ordered more trucks.", "UPI"),
    ("The Italian firm signed an agreement with Alenia Aermacchi on trainer jets.", "Alenia Aermacchi"),
    ("The trucks will be supplied by Iveco under a contract signed on Monday.", "Iveco Defence Vehicles"),
    ("The vehicles will come from BAE Hägglunds, the ministry said.", "BAE Hägglunds"),
    ("Speaking to Business Insider, the official said the jets were late.", "Business Insider"),
    ("The attacks were documented by Amnesty International last year.", "Amnesty International"),
    ("Finland belongs to NATO's Partnership for Peace programme.", "Partnership for Peace"),
])
def test_catalogue_names_outlets_firms_and_bodies(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- bodies news calls by their acronym (wire services, SIPRI, NORAD) are named by it unless spelled out -------

@pytest.mark.parametrize("text, name", [
    ("PARIS (AFP) - Greece will buy six more jets, the ministry told AFP on Tuesday.", "AFP"),
    ("The frigate deal was first reported by Agence France-Presse on Friday.", "Agence France-Presse"),
    ("The tanks will be delivered next year, a spokesman told dpa in Berlin.", "dpa"),
    ("NEW DELHI (IANS) The Army has received the first batch of rifles.", "IANS"),
    ("Arms imports fell by a third, according to data published by SIPRI on Monday.", "SIPRI"),
    ("Jets from NORAD intercepted two bombers off the coast of Alaska.", "NORAD"),
    ("The Kuwait News Agency said the emir had approved the purchase of the helicopters.", "Kuwait News Agency"),
])
def test_bodies_known_by_their_acronym_are_named_by_it(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- a legislature or cabinet by its bare title -------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The State Department said Congress had been notified of the possible sale.", "Congress"),
    ("Mr Hale said Cabinet had approved $1.1 billion for the new patrol aircraft.", "Cabinet"),
    ("The purchase of the corvettes must still be submitted to Parliament in March.", "Parliament"),
    ("After ratification by the Senate, the pact will allow joint training.", "Senate"),
])
def test_a_bare_title_names_the_legislature_or_cabinet(extractor, text, name):
    assert name in names(extractor, text, "organization")


def test_a_bare_title_after_the_full_name_is_the_same_body(extractor):
    text = ("The treaty was approved by the Philippine Senate on Monday. After ratification by the Senate, the "
            "pact will allow joint training.")
    orgs = [e for e in entities(extractor, text) if e["kind"] == "organization"]
    assert [o["name"] for o in orgs] == ["Philippine Senate"]
    assert len(orgs[0]["mentions"]) == 2


@pytest.mark.parametrize("text", [
    "The Indian National Congress criticised the purchase of the jets.",
    "The jets were shown at the Parliament House lawn during the parade.",
])
def test_a_title_within_a_longer_name_is_not_the_bare_body(extractor, text):
    assert not {"Congress", "Parliament"} & names(extractor, text, "organization")


# --- towns told by the country or region after them, and by datelines ----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The two ministers signed the deal in Tromsdalen, Norway, on Friday.", "Tromsdalen"),
    ("The drones are assembled at a plant near Frederick, Maryland, the company said.", "Frederick"),
    ("Talks were held in Ravello, Italy in 2019 between the two leaders.", "Ravello"),
    ("KUALA SELANGOR, Aug 24 — The navy received its first patrol boat.", "Kuala Selangor"),
    ("NOVI SAD, Serbia – On Friday the army received six helicopters.", "Novi Sad"),
])
def test_a_town_before_its_country_or_in_a_dateline_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


@pytest.mark.parametrize("text", [
    "According to Novak, American instructors will train the crews.",
    "The letter from Kowalski, Nowak and Wisniewski asked for more tanks.",
])
def test_a_name_before_a_demonym_or_another_name_is_no_town(extractor, text):
    assert not names(extractor, text, "location")


# --- a country's ministry or force named with its owner, and a group's bare word after one of its firms ---------

@pytest.mark.parametrize("text, name", [
    ("On Tuesday Peru's Defence Ministry said the jets would arrive in May.", "Peruvian Defence Ministry"),
    ("The Indian defence ministry cleared the purchase of the howitzers.", "Indian Defence Ministry"),
    ("Senior officers of Chile's Navy inspected the frigates in Plymouth.", "Chilean Navy"),
    ("Kenya's Air Force will receive the helicopters next year.", "Kenyan Air Force"),
])
def test_a_ministry_or_force_is_named_by_its_country_not_by_the_words_before(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The Indian Navy will buy six frigates. India's navy said the first would arrive in 2027.", "Indian Navy"),
    ("Senegal's Navy took delivery of a patrol vessel on Monday. The Senegalese Navy will use it off Dakar.",
     "Senegalese Navy"),
    ("The Nigerian navy commissioned two boats. A Nigerian Navy spokesman said more would follow.", "Nigerian Navy"),
    ("Canada's air force wants new jets. The Royal Canadian Air Force has flown the CF-18 since 1982.",
     "Royal Canadian Air Force"),
    ("The Greek navy has ordered three frigates, the Hellenic Navy said in a statement.", "Hellenic Navy"),
    ("The Egyptian army, navy and air force held drills. The Egyptian Navy received a corvette.", "Egyptian Navy"),
])
def test_a_force_written_in_lower_case_or_possessively_is_the_catalogues(extractor, text, name):
    services = [e for e in entities(extractor, text) if e["kind"] == "organization"
                and e["category"] == "armed service" and e["name"].split()[-1].lower() == name.split()[-1].lower()]
    assert [e["name"] for e in services] == [name]
    assert len(services[0]["mentions"]) == 2


def test_a_force_whose_name_goes_on_after_the_country_keeps_its_name(extractor):
    text = "The Uganda People's Defence Forces will receive 20 armoured vehicles."
    assert not any(n == "Uganda Defence Forces" for n in names(extractor, text, "organization"))


def test_a_groups_bare_word_after_one_of_its_firms_is_that_firm(extractor):
    text = ("Hanwha Aerospace won the howitzer contract on Monday. Hanwha said deliveries would begin in 2026 and "
            "that Hanwha would also train the crews.")
    orgs = [e for e in entities(extractor, text) if e["kind"] == "organization"]
    assert [o["name"] for o in orgs] == ["Hanwha Aerospace"]
    assert len(orgs[0]["mentions"]) == 3


def test_a_groups_bare_word_is_not_its_foreign_arm(extractor):
    text = "Hanwha Defense Australia will build the vehicles in Geelong. Hanwha said the plant would open in 2025."
    assert not any(e["name"] == "Hanwha Defense Australia" and len(e["mentions"]) > 1
                   for e in entities(extractor, text) if e["kind"] == "organization")


# --- a platform written after its maker names the maker -------------------------------------------------------

@pytest.mark.parametrize("text, maker, platform", [
    ("The air force weighed the Dassault Rafale against two rivals.", "Dassault Aviation", "Rafale"),
    ("The Saab JAS 39 Gripen was the cheapest of the offers.", "Saab AB", "Gripen"),
    ("Belgium received its first Lockheed Martin F-35 on Monday.", "Lockheed Martin", "F-35"),
])
def test_a_platform_after_its_maker_names_both(extractor, text, maker, platform):
    ents = entities(extractor, text)
    assert maker in {e["name"] for e in ents if e["kind"] == "organization"}
    assert any(platform in e["name"] for e in ents if e["kind"] == "platform")


@pytest.mark.parametrize("text", [
    "Algeria ordered more Sukhoi Su-30 fighters last year.",
    "The Yakovlev Yak-130 trainers arrived in April.",
])
def test_a_maker_whose_letters_lead_the_designation_is_part_of_the_name(extractor, text):
    assert not names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The claim was confirmed to reporters. Tomasz Wrona, deputy envoy of the president, said talks went well.",
     "Tomasz Wrona"),
    ("The contract pleased Carla Mendes, a former Brazilian consul in Lisbon.", "Carla Mendes"),
    ("The deal was signed by Olav Berntsen, President of Nordic Armour, on Monday.", "Olav Berntsen"),
    ("He met Dilan Perera, Sri Lanka's State Minister of Defence, in Colombo.", "Dilan Perera"),
    ("Asked about Bakyt Osmonov, his predecessor who resigned, he said nothing.", "Bakyt Osmonov"),
])
def test_a_name_before_a_comma_and_who_they_are_names_a_person(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Minister for Veterans Affairs Helen Carver said the ships would be built locally.", "Helen Carver"),
    ("Deputy Chief of Mission Pavel Sorokin said the two countries would build the missiles.", "Pavel Sorokin"),
    ("Federal Minister for Economic Affairs Jonas Albrecht told the committee of the sale.", "Jonas Albrecht"),
])
def test_a_name_after_an_office_and_what_it_is_of_names_a_person(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text", [
    "The navy took delivery of its first Type-054 Class Frigate, a ship built in China.",
    "The jets were built by Lockheed Martin, a US firm, and delivered in May.",
    "The Green Party, a member of the coalition, opposed the sale.",
])
def test_a_thing_or_a_body_before_a_comma_is_no_person(extractor, text):
    assert people(extractor, text) == {}


@pytest.mark.parametrize("text, name", [
    ("Officials said Indonesia's air force would receive the jets in 2026.", "Indonesian air force"),
    ("The order was confirmed by Brazil's navy on Monday.", "Brazilian navy"),
    ("The sale still needs the approval of the Dutch parliament.", "Dutch parliament"),
    ("Earlier this year the U.S. congress approved the sale of the drones.", "U.S. congress"),
])
def test_a_countrys_force_or_legislature_in_lower_case_is_an_organisation(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("Czechia ordered 24 more tanks from Germany.", "Czech Republic"),
    ("Troops from the DRC were trained by Rwanda.", "Democratic Republic of the Congo"),
    ("Ivory Coast received two patrol boats from France.", "Côte d'Ivoire"),
])
def test_a_country_is_named_by_the_name_reports_most_use(extractor, text, name):
    assert name in names(extractor, text, "country")


@pytest.mark.parametrize("text, name", [
    ("According to a report in The Lagos Times, the jets arrived on Monday.", "The Lagos Times"),
    ("Source: Harbour Daily News", "Harbour Daily News"),
    ("Subscribe to Warships Monthly magazine for more.", "Warships Monthly"),
    ("The defence news website Frontier Operations Blog reported the sale.", "Frontier Operations Blog"),
])
def test_an_outlet_named_by_its_form_is_an_organisation(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text", [
    "Latest News\n\nThe navy ordered two frigates.",
    "Entertainment News\n\nWorld News\n\nThe army received new rifles.",
    "Previous Article Next Article Post\n\nThe army received new rifles.",
])
def test_a_page_heading_is_no_outlet(extractor, text):
    assert not names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The summit was held in The Hague, where leaders agreed to spend more.", "The Hague"),
    ("Tankers pass through the Malacca Strait every day.", "Malacca Strait"),
    ("The navies will patrol the High North together.", "High North"),
    ("Tensions in the South China Seas have risen this year.", "South China Sea"),
])
def test_a_place_keeps_the_name_the_report_gives_it(extractor, text, name):
    assert name in names(extractor, text, "location")


@pytest.mark.parametrize("text, written", [
    ("US Secretary of Defense James Mattis met his Croatian counterpart on Monday.", "James Mattis"),
    ("Secretary of Defense Lloyd J. Austin travelled to Brazil with a delegation.", "Lloyd J. Austin"),
])
def test_a_catalogue_person_keeps_the_full_name_the_report_writes(extractor, text, written):
    assert written in people(extractor, text)


def test_a_catalogue_person_named_by_surname_only_keeps_the_catalogue_name(extractor):
    found = people(extractor, "Defence Minister Rajnath Singh met the delegation. Singh said the deal was close.")
    assert "Rajnath Singh" in found


# --- a maker's model by its number; a headline's verb is no type's name ------------------------------------

@pytest.mark.parametrize("text, model", [
    ("The presidential fleet flew the helicopters home aboard a chartered Boeing 737-400 freighter.", "Boeing 737-400"),
    ("The carrier ordered ten Airbus A350 airliners and a Boeing 777 for its cargo arm.", "Airbus A350"),
    ("The carrier ordered ten Airbus A350 airliners and a Boeing 777 for its cargo arm.", "Boeing 777"),
    ("Two Embraer 190 jets will carry officials, the ministry said.", "Embraer 190"),
])
def test_a_makers_name_and_a_model_number_name_a_platform(extractor, text, model):
    assert model in names(extractor, text, "platform")


@pytest.mark.parametrize("text", [
    "Hanwha 155 mm guns were shown at the fair.",
    "Airbus 350 million euros in orders were booked on Monday.",
])
def test_a_figure_after_a_makers_name_is_no_model(extractor, text):
    assert not any(n[:1].isupper() and any(c.isdigit() for c in n) for n in names(extractor, text, "platform"))


@pytest.mark.parametrize("text, verb", [
    ("Vietnam Signs Missile System Deal With India\n\nThe deal was signed on Monday.", "Signs"),
    ("Greece Orders Drones From Israel\n\nThe order was confirmed.", "Orders"),
    ("Firms Plan to Boost Output by Creating Missile Competence Center\n\nThe plan was announced.", "Creating"),
])
def test_a_headline_verb_in_title_case_is_no_platform(extractor, text, verb):
    assert verb not in names(extractor, text, "platform")


def test_a_type_name_before_a_weapon_noun_stays_a_platform(extractor):
    found = names(extractor, "Britain offered Viking drones, and Israel sold Hermes Drones to Brazil.", "platform")
    assert {"Viking", "Hermes"} <= found


# --- a ministry named with its country written into its formal name -----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The Ministry of Defence of Estonia confirmed the order for six howitzers.", "Ministry of Defence of Estonia"),
    ("Officials of the Mongolia Ministry of Defense toured the plant on Friday.", "Mongolia Ministry of Defense"),
    ("A statement from the Ministry of Foreign Affairs of Peru welcomed the deal.", "Ministry of Foreign Affairs of Peru"),
    ("The Ministry of Defense of the Republic of Kazakhstan signed for the helicopters.",
     "Ministry of Defense of the Republic of Kazakhstan"),
])
def test_a_ministry_keeps_the_country_its_formal_name_holds(extractor, text, name):
    assert name in names(extractor, text, "organization")


@pytest.mark.parametrize("text, name", [
    ("The Ministry of Defence said on Monday that Chile would buy the radars.", "Ministry of Defence"),
    ("Ghana's Ministry of Defence said the patrol boats had arrived.", "Ministry of Defence"),
])
def test_a_ministry_without_its_country_in_the_name_keeps_the_bare_name(extractor, text, name):
    assert name in names(extractor, text, "organization")


# --- a town told by the known place it is near or in; regions and rivers in lower case ----------------------

@pytest.mark.parametrize("text, name", [
    ("The talks took place in Pushkino near Moscow on Tuesday.", "Pushkino"),
    ("The army will open a depot in Wa in northern Ghana next year.", "Wa"),
    ("The corvettes are being fitted out at Lanester, close to Lorient, before delivery.", "Lanester"),
    ("A training school is planned in Tamale outside Accra, officials said.", "Tamale"),
])
def test_a_town_before_a_known_place_it_is_near_or_in_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


@pytest.mark.parametrize("text, body", [
    ("The minister spoke in Parliament in London about the frigates.", "Parliament"),
    ("The deal was discussed in Cabinet in Canberra on Monday.", "Cabinet"),
])
def test_a_body_before_a_place_is_no_town(extractor, text, body):
    assert body not in names(extractor, text, "location")


@pytest.mark.parametrize("text, name", [
    ("A new air base will be built in Kazakhstan's Karaganda region, the ministry said.", "Karaganda region"),
    ("The patrol boats will guard the Mekong river crossings.", "Mekong river"),
])
def test_a_region_or_river_in_lower_case_is_a_location(extractor, text, name):
    assert name in names(extractor, text, "location")


# --- a news agency's credit set off by slashes or a dash is the agency ---------------------------------------

@pytest.mark.parametrize("text, agency", [
    ("MOSCOW, March 4. /TASS/. The first batch of tanks has reached the army, officials said.", "TASS"),
    ("BEIJING, Oct. 9 /Xinhua/ -- The navy took delivery of a new destroyer on Thursday.", "Xinhua"),
    ("ROME, June 2 /ANSA/ The frigate was handed over to the navy at a ceremony on Friday.", "ANSA"),
    ("(MENAFN- Trend) Azerbaijan plans to buy more drones from Turkey, officials said.", "MENAFN"),
    ("(MENAFN- Kuwait News Agency) The emir received the commander of the army on Sunday.", "MENAFN"),
])
def test_an_agency_credit_within_slashes_or_before_a_dash_is_the_agency(extractor, text, agency):
    assert agency in names(extractor, text, "organization")


@pytest.mark.parametrize("text, agency", [
    ("BANGKOK, Aug 30 (TNA) — The first armoured vehicles arrived at the port on Friday.", "TNA"),
    ("VLADIVOSTOK. Jan 10 (Prima-Media) - A source said the trainers would be delivered.", "Prima-Media"),
    ("Taipei, June 28 (CNA) A source said the launchers had arrived in Taiwan.", "CNA"),
    ("NAIROBI (KNA) -- The army received the first armoured vehicles from its partners.", "KNA"),
])
def test_an_unknown_agency_in_brackets_after_a_dateline_is_the_agency(extractor, text, agency):
    assert agency in names(extractor, text, "organization")


@pytest.mark.parametrize("text, agency", [
    ("The ceremony is set for July next year.\n\nPhoto: CNA\n\nThe vessels were built in the 1980s.", "CNA"),
    ("The tanks were first approved in January (Picture: Getty)\n\nThe minister confirmed the delivery.", "Getty"),
    ("Five firms are bidding. Image: Ilmavoimat\n\nThe newspaper said the jets were expensive.", "Ilmavoimat"),
])
def test_a_one_word_picture_credit_is_the_outlet(extractor, text, agency):
    assert agency in names(extractor, text, "organization")


@pytest.mark.parametrize("text", [
    "The Jordan Armed Forces (JAF) - the Arab Army - signed the letter of offer.",
    "The Defence Ministers' Meeting (ADMM)-Plus was held in Vientiane.",
    "Photo: Kham / Associated Press\n\nHANOI, Vietnam - The president arrived on Monday.",
    "Source:\nMinister for Defence Ron Mark announced the purchase.",
])
def test_brackets_within_a_sentence_or_a_credit_with_a_slash_name_no_agency(extractor, text):
    assert not {"JAF", "ADMM", "Kham", "Minister"} & names(extractor, text, "organization")


# --- services of one country listed after the first: each is an organisation --------------------------------

@pytest.mark.parametrize("text, service", [
    ("Spending on the Indian army, navy and air force rose again this year.", "Indian navy"),
    ("Spending on the Indian army, navy and air force rose again this year.", "Indian air force"),
    ("The Philippine army and navy will share the new helicopters.", "Philippine navy"),
    ("Officers of the Nigerian navy, army and the air force attended the launch.", "Nigerian air force"),
    ("The drones will go to the Turkish air force and coast guard next year.", "Turkish coast guard"),
])
def test_services_listed_after_a_countrys_first_service_are_its_services(extractor, text, service):
    assert service in names(extractor, text, "organization")



# --- a sports club named like a weapon is no platform; a force's aircraft of that name stay platforms ----------

@pytest.mark.parametrize("text, aircraft", [
    ("Dundee Harriers beat Leeds Rovers 2-1 in the derby on Saturday.", False),
    ("The striker joined from Kidderminster Harriers last summer.", False),
    ("Kidderminster Harriers drew 1-1 at home to end a run of defeats.", False),
    ("The Harriers won 3-0 on Saturday to go top of the table.", False),
    ("Galway Harriers completed the signing of a winger. The Harriers play at home next week.", False),
    ("The Marine Corps Harriers will be replaced by the F-35B.", True),
    ("Spain will keep its Harriers until 2030, the ministry said.", True),
    ("The Italian Navy Harriers will be retired in 2025. Italy bought 16 Harriers in 1989.", True),
    ("The Harriers were retired in 2010 after 40 years of service.", True),
])
def test_harriers_are_the_aircraft_only_outside_a_sports_page(extractor, text, aircraft):
    assert ("Harrier" in names(extractor, text, "platform")) is aircraft
