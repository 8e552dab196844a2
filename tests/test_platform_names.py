"""Platforms the catalogue does not hold, and the names a record gives platforms, on sentences written for
the test: a reader checks that a named type is found and named as the report names it."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def platforms_of(extractor, text: str) -> dict[str, dict]:
    record = extractor(Article(text=text, published="2024-06-01"))
    return {e["name"]: e for e in record["entities"] if e["kind"] == "platform"}


def deals_of(extractor, text: str) -> set[tuple[str, str, str]]:
    record = extractor(Article(text=text, published="2024-06-01"))
    return {(d["supplier"], d["recipient"], d["platform"]) for d in record["deals"]}


@pytest.mark.parametrize("text, name", [
    ("Chile has bought two Leander class frigates from the United Kingdom.", "Leander class"),
    ("The navy will commission the third Kolkata-class destroyer next year.", "Kolkata class"),
    ("Officials in Manila said the Japanese Abukuma-class destroyer escorts would arrive in 2027.", "Abukuma class"),
    ("Indonesia is weighing French Rendova Class corvettes for its navy.", "Rendova class"),
])
def test_a_class_of_ships_is_a_platform_named_after_its_first(extractor, text, name):
    assert name in platforms_of(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Last year Uganda also received 20 Buffel APCs from a South African firm.", "Buffel"),
    ("The coast guard took delivery of four Marlin fast patrol boats built in Durban.", "Marlin"),
    ("Botswana has ordered a dozen Gazelle light helicopters for border patrols.", "Gazelle"),
])
def test_a_capitalised_name_before_a_weapon_noun_is_a_platform(extractor, text, name):
    assert name in platforms_of(extractor, text)


@pytest.mark.parametrize("text, not_a_name", [
    ("Egypt received two Navy helicopters, the ministry said.", "Navy"),
    ("Kenya bought 30 Korean armoured personnel carriers in 2019.", "Korean"),
    ("The army said on Tuesday that Combat helicopters would be delivered in May.", "Combat"),
])
def test_services_places_and_ordinary_words_before_a_weapon_noun_are_not_platforms(extractor, text, not_a_name):
    assert not_a_name not in platforms_of(extractor, text)


@pytest.mark.parametrize("text, written, canonical", [
    ("Jordan has asked for eight more K-9 howitzers from South Korea.", "K-9", "K9"),
    ("Poland will buy 180 more K-2 tanks from South Korea.", "K-2", "K2"),
    ("Iraq took 10 more T90 tanks from Russia.", "T90", "T-90"),
])
def test_a_designation_written_without_its_hyphen_is_the_catalogue_platform(extractor, text, written, canonical):
    names = {e["name"]: e for e in extractor(Article(text=text, published="2024-06-01"))["entities"]}
    assert canonical in names and names[canonical]["code"]
    assert any(m["text"] == written for m in names[canonical]["mentions"])


@pytest.mark.parametrize("text, platform", [
    ("Malaysia signed a contract with the United States for four Black Hawk helicopters.", "Black Hawk"),
    ("India gave Afghanistan three Mi-25 helicopters in 2016, officials said.", "Mi-25"),
    ("Ghana will buy five Super Tucano light attack aircraft from Brazil.", "Super Tucano"),
])
def test_a_platform_called_by_another_name_is_named_as_the_report_names_it(extractor, text, platform):
    found = platforms_of(extractor, text)
    assert platform in found and found[platform]["canonical"] != platform  # the catalogue's name is kept beside


@pytest.mark.parametrize("text, platform", [
    ("Egypt signed for 24 Dassault Rafale jets with France.", "Rafale"),
    ("Russia will supply Algeria with 14 Sukhoi-30 fighters, Rosoboron said.", "Su-30"),
    ("Turkey took delivery of the S-400 Triumf system from Russia in 2019.", "S-400"),
])
def test_the_catalogue_name_stands_when_the_report_writes_it_out(extractor, text, platform):
    assert platform in {p for _, _, p in deals_of(extractor, text)}


@pytest.mark.parametrize("text, expected", [
    ("Russia has also promised to deliver 20 battle tanks to Laos.", ("RUS", "LAO")),
    ("Officials said Tanzania would purchase six amphibious assault vehicles from China.", ("CHN", "TZA")),
    ("Japan has agreed to give Vietnam six new coastguard ships.", ("JPN", "VNM")),
])
def test_an_unnamed_class_that_changes_hands_is_a_candidate(extractor, text, expected):
    from armsledger.extract import Extractor
    ex = Extractor(extractor.catalogue)
    keys = {(c.supplier, c.recipient) for c, _, _ in ex.candidate_rows(Article(text=text, published="2024-06-01"))}
    assert expected in keys


def test_every_country_of_a_list_of_buyers_is_a_candidate_recipient(extractor):
    text = ("Seoul said the howitzer is a success. South Korea has exported the K9 to Turkey, Poland, India, Norway, "
            "Finland, Estonia and Australia.")
    keys = {(c.supplier, c.recipient) for c, _, _ in extractor.candidate_rows(Article(text=text, published="2024-06-01"))}
    assert {("KOR", x) for x in ("TUR", "POL", "IND", "NOR", "FIN", "EST", "AUS")} <= keys


@pytest.mark.parametrize("text, written, canonical", [
    ("Qatar has bought 62 Leopard-2 tanks from Germany.", "Leopard-2", "Leopard 2"),
    ("India flies the Mirage-2000 from Gwalior.", "Mirage-2000", "Mirage 2000"),
    ("Algeria ordered more Mi 17 helicopters.", "Mi 17", "Mi-17"),
])
def test_a_designation_with_its_number_hyphenated_or_spaced_is_the_catalogue_platform(extractor, text, written, canonical):
    found = platforms_of(extractor, text)
    assert canonical in found and any(m["text"].startswith(written) for m in found[canonical]["mentions"])


@pytest.mark.parametrize("text, ships", [
    ("The helicopters will fly from the BRP Andres Bonifacio and BRP Ramon Alcaraz.",
     {"BRP Andres Bonifacio", "BRP Ramon Alcaraz"}),
    ("The former frigates HMAS Darwin and HMAS Melbourne were handed over to Chile.", {"HMAS Darwin", "HMAS Melbourne"}),
    ("PNS Taimur, the second of the four ships, sailed for Karachi on Monday.", {"PNS Taimur"}),
    ("INS Sahyadri arrived in Colombo for a three-day visit.", {"INS Sahyadri"}),
])
def test_a_ship_is_named_by_its_navys_prefix_and_name(extractor, text, ships):
    record = extractor(Article(text=text, published="2024-06-01"))
    assert ships <= {e["name"] for e in record["entities"] if e["kind"] == "platform"}


def test_a_naval_base_commissioned_like_a_ship_is_not_made_one(extractor):
    record = extractor(Article(text="Allied submarines will rotate through HMAS Stirling near Perth.", published="2024-06-01"))
    assert "HMAS Stirling" not in {e["name"] for e in record["entities"] if e["kind"] == "platform"}


@pytest.mark.parametrize("text, platform, buyers", [
    ("Hanwha has exported its K9 self-propelled howitzers to Vietnam. The howitzer is already in service in India, "
     "Australia and Norway.", "K9", {"IND", "AUS", "NOR"}),
    ("Egypt took delivery of its first Rafale jets in 2015. These fighters are also flown by Qatar and Greece.",
     "Rafale", {"QAT", "GRC"}),
])
def test_a_platform_taken_up_by_its_class_is_a_candidate_for_every_country_of_that_sentence(
        extractor, text, platform, buyers):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    proposed = {c.recipient for c, _, _ in rows if c.platform.name == platform}
    assert buyers <= proposed
    anaphoric = [f for c, f, _ in rows if c.platform.name == platform and c.recipient in buyers]
    assert all("mention:anaphor" in f for f in anaphoric)


def test_a_class_word_with_no_platform_of_that_class_before_takes_up_nothing(extractor):
    text = "Poland ordered K2 tanks from South Korea. The frigates are in service in Norway and Spain."
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    assert not [c for c, f, _ in rows if c.platform.name == "K2" and "mention:anaphor" in f]


def candidates_of(extractor, text: str) -> set[tuple[str, str, str]]:
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    return {(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows}


@pytest.mark.parametrize("text, expected", [
    # a class listed after a named platform is a class of its own, not the named platform's
    ("Egypt has bought Rafale jets, drones from Turkey and frigates from Italy.", ("TUR", "EGY", "drones")),
    ("Vietnam ordered Su-35 fighter jets, helicopters from Japan and radars from Israel.", ("JPN", "VNM", "helicopters")),
    # counting words, praise and age are not part of the class's name
    ("Chile ordered twelve submarines from France last year.", ("FRA", "CHL", "submarines")),
    ("Peru will buy three sophisticated radar systems from Israel.", ("ISR", "PER", "radar systems")),
    ("Qatar is buying advanced air and missile defence systems from the United States.",
     ("USA", "QAT", "air and missile defence systems")),
    ("Ghana is acquiring ageing patrol boats from Spain.", ("ESP", "GHA", "patrol boats")),
    # "military" qualifies a class, as the reports write it
    ("Kenya has received military vehicles from the United Kingdom.", ("GBR", "KEN", "military vehicles")),
    ("The deal gives Tunisia military transport helicopters from Italy.",
     ("ITA", "TUN", "military transport helicopters")),
    # a class named by its size or drive
    ("South Korea agreed to sell the Philippines two 2,600-ton frigates.", ("KOR", "PHL", "2,600-ton frigates")),
    ("Zambia bought 60 4x4 armoured vehicles from China.", ("CHN", "ZMB", "4x4 armoured vehicles")),
    ("Ghana took delivery of two 24-metre patrol boats from France.", ("FRA", "GHA", "24-metre patrol boats")),
    # a verb in "-ing" acts on the class; a few "-ing" words name it
    ("Iran has been providing armed drones to Sudan.", ("IRN", "SDN", "armed drones")),
    ("Greece ordered infantry fighting vehicles from Germany.", ("DEU", "GRC", "infantry fighting vehicles")),
])
def test_a_class_is_named_by_the_words_that_qualify_it(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya will receive anti-drone equipment from India.", ("IND", "KEN", "anti-drone equipment")),
    ("Uzbekistan buys military equipment from South Korea.", ("KOR", "UZB", "military equipment")),
    ("Ghana signed for 40 6x6 military trucks from Italy.", ("ITA", "GHA", "6x6 military trucks")),
    ("Sweden delivered remote weapon stations to Latvia.", ("SWE", "LVA", "remote weapon stations")),
    ("Cameroon wants to buy armoured personnel carriers from Russia.",
     ("RUS", "CMR", "armoured personnel carriers")),
])
def test_equipment_trucks_and_stations_are_a_class_only_with_a_qualifying_word(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, bare", [
    ("Ghana received the equipment from Italy in May.", "equipment"),
    ("Romania bought trucks from Italy in 2015.", "trucks"),
])
def test_bare_equipment_or_trucks_are_no_class(extractor, text, bare):
    assert bare not in {p for _, _, p in candidates_of(extractor, text)}


@pytest.mark.parametrize("text, expected", [
    ("Iraq received Sukhoi jets in the summer.", ("RUS", "IRQ", "Sukhoi")),
    ("Brazil has bought AgustaWestland helicopters for its navy.", ("ITA", "BRA", "AgustaWestland")),
    ("Peru ordered Embraer transport aircraft for the air force.", ("BRA", "PER", "Embraer transport aircraft")),
    ("Chile has bought Airbus maritime patrol aircraft.", ("FRA", "CHL", "Airbus maritime patrol aircraft")),
])
def test_a_class_named_by_its_maker_comes_from_the_makers_country(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, written, code", [
    ("Russia will send Mi-8/17 transport helicopters to Mali next year.", "Mi-8/17", "mi-17"),
    ("Angola flies Mi-24/35 gunships bought in the 1990s.", "Mi-24/35", "mi-35"),
    ("The squadron still flies Hawk 100/200 light fighters.", "Hawk 100/200", "bae-hawk"),
    ("Algeria keeps a fleet of Su-30/35 fighters on alert.", "Su-30/35", "su-35"),
])
def test_two_variants_written_as_one_are_the_catalogue_platform(extractor, text, written, code):
    found = {e["code"]: e for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
             if e["kind"] == "platform"}
    assert code in found
    assert any(m["text"] == written for m in found[code]["mentions"])
    assert found[code]["name"] == written  # named as the report writes it


def test_a_slash_form_the_catalogue_does_not_know_is_no_catalogue_platform(extractor):
    found = extractor(Article(text="The Zq-12/14 drones were shown at the fair.", published="2024-06-01"))
    assert not [e for e in found["entities"] if e["kind"] == "platform" and e["code"]]


@pytest.mark.parametrize("text, name", [
    ("Moscow offered Hanoi Project 20386 corvettes in 2021.", "Project 20386"),
    ("Egypt ordered four Project 21980 patrol boats from Russia.", "Project 21980"),
    ("Senegal has received three OPV 58S patrol vessels from France.", "OPV 58S"),
    ("The coast guard ordered six FPB 98 patrol boats from a French yard.", "FPB 98"),
    ("Kenya ordered two KV 44 fast attack boats.", "KV 44"),
])
def test_design_numbers_and_spaced_designations_before_a_weapon_noun_are_platforms(extractor, text, name):
    assert name in platforms_of(extractor, text)


@pytest.mark.parametrize("text, not_a_platform", [
    ("The ministry set aside MYR 300 million for helicopters.", "MYR 300"),
    ("It pays USD 400 million for the aircraft.", "USD 400"),
    ("The MOD 12 report on frigates was published.", "MOD 12"),
])
def test_a_currency_amount_or_a_spaced_code_far_from_a_weapon_noun_is_no_platform(extractor, text, not_a_platform):
    assert not_a_platform not in platforms_of(extractor, text)


@pytest.mark.parametrize("text, code", [
    ("Finland will replace its Hornet fighter jets by 2030.", "f-a-18"),
    ("Kuwait retired its last Hornet aircraft in 2024.", "f-a-18"),
    ("Malaysia wants more Super Hornet fighter jets.", "f-a-18ef"),
    ("Nigeria's air force received two Agusta 109 Power helicopters.", "aw109"),
    ("Brazil ordered 86 more Guarani armoured vehicles from Iveco.", "vbtp-mr-guarani"),
    ("Bangladesh upgraded its Type 69-IIG tanks with Chinese kits.", "type-69"),
    ("Thailand still has old M41 tanks and M48 tanks in reserve.", "m41"),
    ("Thailand still has old M41 tanks and M48 tanks in reserve.", "m48"),
    ("Vietnam has six Russian-built Kilo submarines.", "kilo-class"),
])
def test_catalogue_platforms_by_their_usual_short_forms(extractor, text, code):
    codes = {e["code"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
             if e["kind"] == "platform"}
    assert code in codes


@pytest.mark.parametrize("text, name, country", [
    ("The air force still flies its old Sukhoi jets alongside the F-16.", "Sukhoi", "RUS"),
    ("India cancelled the order for 12 AgustaWestland helicopters in 2014.", "AgustaWestland", "ITA"),
    ("Mali's Sukhoi fighters were grounded last year.", "Sukhoi", "RUS"),
])
def test_a_makers_name_before_an_aircraft_noun_is_a_platform_of_the_makers_country(extractor, text, name, country):
    found = platforms_of(extractor, text)
    assert name in found and found[name]["country"] == country


@pytest.mark.parametrize("text, maker", [
    ("Greece ordered six more Rafale jets, which brings its Dassault jets to 24.", "Dassault"),
    ("Brazil dropped the Super Hornet: the Boeing jets lost to the Gripen.", "Boeing"),
])
def test_a_makers_jets_take_up_the_type_of_that_maker_the_report_names(extractor, text, maker):
    assert maker not in platforms_of(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Nigeria's air force received two Agusta 109 Power helicopters.", "AW109"),
    ("The navy ordered three more Agusta 109 helicopters.", "AW109"),
    ("India handed a Dornier 228 maritime patrol aircraft to Sri Lanka.", "Dornier 228"),
])
def test_a_type_written_with_its_makers_name_and_number_is_named_by_the_catalogue(extractor, text, name):
    assert name in platforms_of(extractor, text)


@pytest.mark.parametrize("text, ship", [
    ("Pakistan commissioned the first of four new frigates, named Tughril, in Shanghai.", "Tughril"),
    ("The first submarine, christened Ocean Star, was floated out in Kiel.", "Ocean Star"),
    ("The navy's new landing ship named Karachi left port on Monday.", "Karachi"),
    ("The Myanmar Navy renamed the submarine UMS Minye Theinkhathu.", "UMS Minye Theinkhathu"),
    ("Oman took delivery of the patrol vessel RNOV Al Rasikh last week.", "RNOV Al Rasikh"),
])
def test_a_ship_is_named_by_the_name_it_is_given(extractor, text, ship):
    assert ship in platforms_of(extractor, text)


def test_a_ship_named_after_someone_is_not_a_name_given(extractor):
    assert "Admiral" not in platforms_of(extractor, "The frigate named after Admiral Nelson sailed for Malta.")


def test_one_ship_written_with_a_hyphen_or_a_space_is_one_platform(extractor):
    text = ("Oman received the patrol vessel RNOV Al Rasikh on Monday. Officials wished RNOV Al-Rasikh fair winds. "
            "Its sister ship RNOV Sadh follows.")
    found = platforms_of(extractor, text)
    assert len([n for n in found if n.replace("-", " ") == "RNOV Al Rasikh"]) == 1
    assert "RNOV Sadh" in found


@pytest.mark.parametrize("text, code", [
    ("Nicaragua plans to acquire BTR armoured vehicles from Russia.", "btr-80"),
    ("The army's BTR carriers were repaired in Minsk.", "btr-80"),
    ("Germany chose MEADS to replace its Patriot batteries.", "meads"),
])
def test_catalogue_families_by_their_usual_short_forms(extractor, text, code):
    codes = {e["code"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
             if e["kind"] == "platform"}
    assert code in codes


@pytest.mark.parametrize("text, ship, country", [
    ("Pakistan ordered Type 054A/P frigates from China. PNS Tughril, the first, sailed home in January.",
     "PNS Tughril", "CHN"),
    ("India's Kamorta-class corvettes were built at Kolkata; INS Kadmatt joined the fleet in 2016.", "INS Kadmatt", "IND"),
])
def test_a_ship_the_catalogue_lists_under_its_class_is_a_platform_of_its_own(extractor, text, ship, country):
    found = platforms_of(extractor, text)
    assert ship in found and found[ship]["country"] == country
    assert len(found) == 2  # the class stays a platform beside its ship


@pytest.mark.parametrize("text, name", [
    ("Thailand operates a Chinese landing platform dock, the Type 071E, since 2023.", "Type 071"),
    ("The navy will buy two LPX 60 landing docks from a Dutch yard.", "LPX 60"),
    ("A 2019 plan to buy 12 Kfir Block 60 jets from Israel fell through.", "Kfir"),
    ("Colombia still flies its Kfir fighters.", "Kfir"),
    ("Fiji asked for Australian Bushmaster armored vehicles.", "Bushmaster PMV"),
])
def test_more_platforms_by_the_forms_reports_write(extractor, text, name):
    assert name in platforms_of(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Ghana has ordered three Ocean Patrol Vessels from the United Kingdom.", ("GBR", "GHA", "ocean patrol vessels")),
    ("Norway delivered Remote Weapon Stations to Finland in 2020.", ("NOR", "FIN", "remote weapon stations")),
    ("Kenya ordered two Advanced Offshore Patrol Vessels from Italy.",
     ("ITA", "KEN", "advanced offshore patrol vessels")),
    # a service or a country before the capitals is not part of the class
    ("Britain Sells Three Navy Patrol Vessels To Brazil", ("GBR", "BRA", "patrol vessels")),
    ("Ghana bought Indian Navy Patrol Vessels from India.", ("IND", "GHA", "patrol vessels")),
])
def test_a_class_written_in_capitals_keeps_its_capitalised_words(extractor, text, expected):
    assert expected in candidates_of(extractor, text)


@pytest.mark.parametrize("text, ships", [
    ("The two helicopter carriers Aurore (left) and Zephyr were seen at the yard.", {"Aurore", "Zephyr"}),
    ("Paris will hand over the frigate Bretagne next year.", {"Bretagne"}),
    ("The navy's new corvettes Al Fateh and Port Fuad sailed from Lorient.", {"Al Fateh", "Port Fuad"}),
    ("The first boat, the Trieste, was launched in May; the second, the Grado, follows a year later. Both are "
     "submarines for the navy.", {"Trieste", "Grado"}),
])
def test_ships_are_named_after_their_noun_or_as_the_first_and_second(extractor, text, ships):
    assert ships <= set(platforms_of(extractor, text))


@pytest.mark.parametrize("text, not_a_ship", [
    ("Egypt took delivery of two helicopter carriers\n\nCAIRO (Reuters) - The navy said on Thursday ...", "CAIRO"),
    ("Of the eight vessels, KSEW is to build four.", "KSEW"),
    ("The frigate Aconit (F713) sailed on Monday.", "F713"),
    ("Egypt bought two frigates France had built.", "France"),
    ("The first, the Rafale, flew in 1986; the second followed.", "the Rafale"),
])
def test_datelines_firms_pennants_and_countries_after_a_ship_noun_are_no_ships(extractor, text, not_a_ship):
    assert not_a_ship not in platforms_of(extractor, text)
