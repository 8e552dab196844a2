"""Deal fields the rules read from a single report (model off), on sentences written for the test: the expected
completion from a delivery still to come (`deals._DUE_BEFORE`), not from a first batch's date (`deals.PART_BEFORE`);
one delivered when the first of an order is handed over (`deals._FIRST_HANDED`); a completion said in other words
("expects to receive", "would arrive in", "for delivery around", "the last in", "within one to two years"), a signing
counted back ("two years ago", `dates._AGO`), a count already come with no noun ("five have already reached",
`deals._N_ARRIVED`), a first batch still to come is no delivery (`deals._first_to_come`)."""
from __future__ import annotations

import pytest

from armsledger.model import Article


@pytest.fixture(scope="module")
def rules_only():
    from armsledger.extract import Extractor
    return Extractor(model=False)


def deal(extractor, text: str, platform: str) -> dict:
    return {d["platform"]: d for d in extractor(Article(text=text, published="2024-06-01"))["deals"]}[platform]


def completion(extractor, text: str, platform: str) -> str | None:
    done = deal(extractor, text, platform)["expected_completion"]
    return done["value"] if done else None


@pytest.mark.parametrize("text, platform, expected", [
    ("Chile has signed a contract with Spain for four C295 transport aircraft. The aircraft are due to be "
     "delivered in 2027.", "C-295", "2027"),
    ("Peru ordered two Kilo-class submarines from Russia last year, and deliveries are expected in 2028.",
     "Kilo class", "2028"),
    ("Norway signed a deal with Germany for 54 Leopard 2 tanks. Delivery will take place in 2029, the "
     "ministry said.", "Leopard 2", "2029"),
    ("Greece signed a contract with France for three FDI frigates in March; the last ship is scheduled to be "
     "handed over in 2026.", "FDI", "2026"),
])
def test_the_date_of_a_delivery_still_to_come_is_the_expected_completion(rules_only, text, platform, expected):
    assert completion(rules_only, text, platform) == expected


def test_a_delivery_once_due_is_not_the_expected_completion(rules_only):
    text = ("Thailand signed a contract with China for one S26T submarine in 2017. The boat was originally due to be "
            "delivered in 2023.")
    assert completion(rules_only, text, "S26T") != "2023"


@pytest.mark.parametrize("text, platform", [
    ("Brazil ordered four Riachuelo submarines from France in 2009. The first boats are expected to be delivered in "
     "2025.", "Riachuelo"),
    ("Canada signed a deal with the United States for 88 F-35 jets; the first four are due to arrive in 2026.",
     "F-35"),
    ("Romania ordered 32 F-35 jets from the United States, and the first planes are scheduled to be delivered by "
     "2030.", "F-35"),
])
def test_the_date_of_a_first_batch_is_not_the_expected_completion(rules_only, text, platform):
    assert completion(rules_only, text, platform) is None


@pytest.mark.parametrize("text, platform, quantity", [
    ("Naval Group has delivered to the Hellenic Navy the first of three FDI frigates ordered in 2022.", "FDI", 3),
    ("HMS Example, the first of the two Type 26 frigates ordered by Norway from Britain, was commissioned in Oslo "
     "last week.", "Type 26", 2),
    ("The first of the two Maestrale frigates that Indonesia bought from Italy last year was handed over on "
     "Monday.", "Maestrale", 2),
])
def test_the_first_of_an_order_handed_over_is_one_delivered(rules_only, text, platform, quantity):
    d = deal(rules_only, text, platform)
    assert d["delivered"]["max"] == 1 and d["quantity"]["max"] == quantity
    assert d["status"] == "in_delivery"


def test_the_first_of_an_order_still_to_come_is_not_delivered(rules_only):
    d = deal(rules_only, "Canada has ordered 14 P-8A aircraft from the United States, the first of which will be "
                         "delivered in 2026.", "P-8A")
    assert d["delivered"] is None


@pytest.mark.parametrize("text, platform, status", [
    # a purchase only announced, no talks named: considered
    ("Peru will buy eight Russian Mi-17 helicopters, the defence minister said.", "Mi-17", "considered"),
    ("The government of Bulgaria has decided to purchase eight F-16 jets from the United States.", "F-16",
     "considered"),
    # ... but with talks named, negotiating
    ("Egypt is in talks with Korea and will buy K2 tanks if the price is right.", "K2", "negotiating"),
    # a signed deal whose deliveries have begun is in delivery; one whose deliveries are to begin is not
    ("India signed a contract for S-400 systems with Russia in 2018. Russia has started supplying the S-400 to "
     "India.", "S-400", "in_delivery"),
    ("Serbia signed a contract with France for 12 Rafale jets. Deliveries of the Rafale jets to Serbia have already "
     "begun.", "Rafale", "in_delivery"),
    ("India signed a contract for S-400 systems with Russia in 2018. Russia will start supplying the S-400 to India "
     "next year.", "S-400", "signed"),
    # an interest whose talks the sentence denies: considered
    ("Egypt is also interested in South Korea's K2 tanks, officials said, though no formal negotiations have begun.",
     "K2", "considered"),
    ("Egypt wants K2 tanks from South Korea, but no negotiations have taken place yet.", "K2", "considered"),
    ("Vietnam has expressed interest in buying Su-35 jets from Russia, though no official talks have been held.",
     "Su-35", "considered"),
    ("Algeria was reported to be interested in buying Su-34 jets from Russia, but little seems to have come of those "
     "talks.", "Su-34", "considered"),
    ("Peru has shown interest in Gripen jets from Sweden, but nothing has come of the talks so far.", "Gripen",
     "considered"),
    # ... talks under way are negotiations
    ("Egypt is in talks with South Korea on buying K2 tanks, though no contract has been signed.", "K2", "negotiating"),
    # a purchase agreed but its contract said to be still unsigned (in a sentence that signs nothing): negotiating
    ("Chile agreed to buy eight C295 aircraft from Spain for $400 million, though no contract has yet been signed.",
     "C-295", "negotiating"),
    ("Russia will supply S-400 systems to Saudi Arabia under a $3 billion deal, though no contracts for the S-400 "
     "systems have yet been signed.", "S-400", "negotiating"),
    ("Peru agreed to buy four Kilo-class submarines from Russia in March. The $1.2 billion contract will be signed "
     "by the end of the year.", "Kilo class", "negotiating"),
    ("Brazil will get 12 Gripen jets from Sweden under a $1 billion deal, but the two governments have not yet "
     "signed the contract.", "Gripen", "negotiating"),
    ("Colombia agreed to buy 16 Kfir jets from Israel; the deal is expected to be signed next month.", "Kfir",
     "negotiating"),
    # ... but a signed deal whose next contract is still to come stays signed
    ("Chile signed a contract for eight C-295 aircraft from Spain in 2023; the two governments have not yet signed "
     "the training contract.", "C-295", "signed"),
    # (a count delivered with none ordered and nothing left to come: the delivery is the purchase, whole)
    ("Spain delivered eight C-295 aircraft to Chile last month, although a support contract has not yet been signed.",
     "C-295", "completed"),
    ("Peru signed for four Kilo-class submarines with Russia in March, and the $1.2 billion contract was signed "
     "in Lima.", "Kilo class", "signed"),
    # a supplier government's approval of a possible sale, nothing signed: offered
    ("The United States has approved the sale of up to 220 Tomahawk missiles to Australia, a deal worth an estimated "
     "$895 million.", "Tomahawk", "offered"),
    ("In April, the US State Department approved the possible sale of 20 F-16 Block 70 jets to the Philippines for "
     "an estimated $5.58 billion.", "F-16 Block 70", "offered"),
    ("Washington cleared the sale of four MQ-9B drones to Taiwan, a deal worth $600 million.", "MQ-9B", "offered"),
    ("The State Department authorized the sale of 24 Apache helicopters to Poland, a deal worth an estimated $12 "
     "billion.", "Apache", "offered"),
    ("Britain has approved the sale of 48 Typhoon jets to Saudi Arabia, a deal worth about $10 billion.", "Typhoon",
     "offered"),
    # ... once signed, signed
    ("Poland signed a contract for eight Patriot batteries after Washington cleared the possible sale in 2017.",
     "Patriot", "signed"),
])
def test_the_status_read_in_the_words_of_the_deal(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status



@pytest.mark.parametrize("text, platform, status", [
    # the first units of an order arrived, taken into a fleet, or the last still to come: in delivery
    ("Egypt ordered 12 Rafale jets from France in 2021. Officials watched the delivery of the first Rafale jets at "
     "Cairo West air base.", "Rafale", "in_delivery"),
    ("Egypt ordered 12 Rafale jets from France in 2021. The first Rafale jets have begun to arrive at Cairo West "
     "air base.", "Rafale", "in_delivery"),
    ("Norway ordered four Type 26 frigates from Britain in 2020. The first Type 26 frigate was commissioned by the "
     "Norwegian navy in May.", "Type 26", "in_delivery"),
    ("The Peruvian Navy said it had taken into its fleet its first Kilo-class submarine, ordered from Russia in "
     "2019.", "Kilo class", "in_delivery"),
    ("Final deliveries are expected this year on the contract Chile signed with Spain for eight C295 aircraft.",
     "C-295", "in_delivery"),
    ("Peru already has two Kilo-class submarines from Russia, and two more are on order under a deal signed in 2019.",
     "Kilo class", "in_delivery"),
    ("Chile bought 16 C295 aircraft from Spain under a 2019 deal. Five C295 aircraft have reached Santiago.",
     "C-295", "in_delivery"),
    ("Peru ordered six Kilo-class submarines from Russia in 2019. Two Kilo-class submarines have already reached "
     "Callao.", "Kilo class", "in_delivery"),
    ("Bangladesh bought 44 VT-5 light tanks from China in 2019, the first batches arriving in 2021.", "VT-5",
     "in_delivery"),
    ("Thailand ordered 28 VT4 tanks from China in 2017, with the first VT4 tanks arriving last month.", "VT4",
     "in_delivery"),
    # ... not when they are only due
    ("Egypt ordered 12 Rafale jets from France in 2021. The first three Rafale jets are due to arrive in 2026.",
     "Rafale", "signed"),
    ("Canada ordered 14 P-8A aircraft from the United States, the first of which will be delivered in 2026.", "P-8A",
     "signed"),
])
def test_a_signed_deal_whose_first_units_have_come_is_in_delivery(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


@pytest.mark.parametrize("text, platform, status", [
    # a delivery reported whole that another sentence of the deal calls part of the order: in delivery
    ("Russia delivered six Su-30 fighters to Algeria in June. The Su-30 fighters are the first of the 14 ordered.",
     "Su-30", "in_delivery"),
    ("Russia delivered six Su-30 fighters to Algeria in June. The Su-30 fighters are the first of two squadrons.",
     "Su-30", "in_delivery"),
    ("Russia delivered six Su-30 fighters to Algeria in June. Algeria said the Su-30 fighters were the initial "
     "tranche.", "Su-30", "in_delivery"),
    # ... whole, it is completed; "its first 12" is an earlier order, not a first part of this one
    ("Russia delivered six Su-30 fighters to Algeria in June.", "Su-30", "completed"),
    ("Chile acquired its first 12 F-16 jets from the United States in 2005, and all 12 F-16 jets were delivered by "
     "2007.", "F-16", "completed"),
    # a calibre or a year is no count of the order ("of the 155-millimetre guns", "in the summer of 2019"): the
    # delivery is whole
    ("South Korea has exported 300 of the 155-millimeter K9 howitzers to Poland.", "K9", "completed"),
    ("France has delivered 20 of the 155-mm CAESAR howitzers to Ukraine.", "Caesar", "completed"),
    ("Turkey took delivery of the S-400 systems from Russia in the summer of 2019.", "S-400", "completed"),
    ("Spain delivered the C-295 aircraft to Chile in the spring of 2021, officials said.", "C-295", "completed"),
    # ... a count of the order is
    ("South Korea has delivered 24 of the 48 K9 howitzers to Poland.", "K9", "in_delivery"),
])
def test_a_delivery_with_part_of_the_order_to_come_is_in_delivery(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


@pytest.mark.parametrize("text, platform, status", [
    # a platform bought and now serving in a fleet: completed
    ("The equipment bought by the Peruvian army includes Mi-17 helicopters from Russia.", "Mi-17", "completed"),
    ("The Colombian air force fleet, which includes Kfir jets bought from Israel, is ageing.", "Kfir", "completed"),
    ("Chile bought 10 F-16 jets from the United States in 2005, which it still flies today.", "F-16", "completed"),
    # ... but a new order beside the fleet is signed
    ("Peru has ordered a dozen more Mi-17 helicopters from Russia to add to its fleet of older Mi-17 helicopters.",
     "Mi-17", "signed"),
])
def test_a_purchase_serving_in_a_fleet_is_completed(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


@pytest.mark.parametrize("text, platform, status", [
    # a purchase announced as still to be made, nothing signed: considered
    ("Peru's minister said that four Mi-17 helicopters will be purchased from Russia for USD 80 million.", "Mi-17",
     "considered"),
    ("An agreement with Sweden is to be signed for the purchase of 40 CV90 vehicles, the Czech ministry said.",
     "CV90", "considered"),
    ("The government cleared the minister to sign the contract to buy eight F-16 jets from the United States for "
     "Bulgaria.", "F-16", "considered"),
    ("Singapore would take up an option to buy eight F-35 jets from the United States.", "F-35", "considered"),
    # ... but once ordered, signed
    ("Chile ordered six F-16 jets from the United States last year and will buy four more.", "F-16", "signed"),
])
def test_a_purchase_still_to_be_made_is_considered(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


@pytest.mark.parametrize("text, platform", [
    ("Singapore would take up an option to buy eight F-35 jets from the United States, the minister said in March "
     "2024.", "F-35"),
    ("Peru's minister said in January 2024 that four Mi-17 helicopters will be purchased from Russia.", "Mi-17"),
])
def test_a_purchase_not_yet_made_has_no_signing_date(rules_only, text, platform):
    d = deal(rules_only, text, platform)
    assert d["status"] == "considered" and d["signed"] is None


@pytest.mark.parametrize("text, platform, unit", [
    ("Egypt ordered four Gowind corvettes from France in 2014. A Gowind-class frigate built in Alexandria has "
     "joined the fleet of the Egyptian Navy.", "Gowind", "frigate"),
    ("Egypt bought two FREMM frigates from Italy in 2020. One Italian FREMM, formerly the Spartaco Schergat, now "
     "sails in the Egyptian Navy.", "FREMM", "frigate"),
    ("Thailand signed a contract with China for three S26T submarines in 2017. The first S26T submarine was "
     "commissioned by the Royal Thai Navy last week.", "S26T", "submarine"),
])
def test_one_unit_handed_over_is_one_delivered(rules_only, text, platform, unit):
    d = deal(rules_only, text, platform)
    assert (d["delivered"]["min"], d["delivered"]["max"], d["delivered"]["unit"]) == (1, 1, unit)


def test_one_unit_still_to_come_is_not_delivered(rules_only):
    d = deal(rules_only, "Egypt ordered four Gowind corvettes from France in 2014. A Gowind corvette will join "
                         "the fleet of the Egyptian Navy next year.", "Gowind")
    assert d["delivered"] is None



@pytest.mark.parametrize("text, platform, expected", [
    ("Kenya ordered three C-27J transport aircraft from Italy in 2018, and Nairobi expects to receive the planes "
     "in 2025.", "C-27J", "2025"),
    ("Ghana has ordered four Z-9 helicopters from China. The president said the Z-9s would arrive in June 2025.",
     "Z-9", "2025-06"),
    ("Singapore will buy eight F-35A fighter jets from the United States for delivery around 2030.", "F-35A", "2030"),
    ("Oman signed a contract with Singapore for four Fearless patrol vessels; the first is to be delivered in 2025 "
     "and the last in the third quarter of 2026.", "Fearless", "2026-09"),
    ("Nigeria is due to receive 12 Mi-35M helicopters from Russia by 2026, under an order signed in 2023.",
     "Mi-35M", "2026"),
])
def test_a_delivery_said_in_other_words_dates_the_expected_completion(rules_only, text, platform, expected):
    assert completion(rules_only, text, platform) == expected


@pytest.mark.parametrize("text, platform, expected", [
    ("Estonia has signed a contract with the United States for six HIMARS launchers, which are due to arrive within "
     "one to two years.", "HIMARS", "2026"),
    ("Under the contract signed on Monday, France will supply Armenia with 36 CAESAR howitzers over the next 18 "
     "months.", "Caesar", "2025-12"),
    ("Peru signed a deal with Russia for two Kilo-class submarines, to be delivered within three years.",
     "Kilo class", "2027"),
])
def test_a_time_to_come_is_the_expected_completion_not_the_signing(rules_only, text, platform, expected):
    d = deal(rules_only, text, platform)
    assert d["expected_completion"]["value"] == expected
    assert not d["signed"] or d["signed"]["value"] < "2024-06-02"


@pytest.mark.parametrize("text, platform, expected", [
    ("South Korea clinched a deal with Poland two years ago for 180 K2 tanks.", "K2",
     "2022"),
    ("India signed a contract with France for 26 Rafale jets three years ago.", "Rafale", "2021"),
    ("Egypt ordered two FREMM frigates from Italy 18 months ago.", "FREMM", "2022-12"),
])
def test_a_signing_counted_back_from_the_report_dates_the_deal(rules_only, text, platform, expected):
    signed = deal(rules_only, text, platform)["signed"]
    assert signed and signed["value"] == expected


@pytest.mark.parametrize("text, platform, status", [
    ("Swiss voters yesterday threw out a 3.1 billion franc order for 22 Gripen fighter jets from Sweden.", "Gripen",
     "cancelled"),
    ("Poland says it is pulling back from the purchase of 50 French-made Caracal helicopters.", "Caracal",
     "cancelled"),
    ("Algeria had ordered 34 MiG-29SMT jets from Russia, but it refused further deliveries after receiving 15.",
     "MiG-29SMT", "cancelled"),
    ("Swiss lawmakers voted down the purchase of 12 Swedish Gripen jets for Switzerland.", "Gripen", "cancelled"),
    ("Kuwait received two Caracal helicopters from France, the last batch of the 30 aircraft it ordered in 2016.",
     "Caracal", "completed"),
    ("India took delivery of the last batch of the Rafale jets it ordered from France.", "Rafale", "completed"),
])
def test_a_purchase_undone_or_delivered_to_the_last_in_plain_words(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


def test_the_year_of_the_order_of_a_last_batch_is_its_signing_not_its_completion(rules_only):
    d = deal(rules_only, "Kuwait received two Caracal helicopters from France, the last batch of the 30 aircraft it "
                         "ordered in 2016.", "Caracal")
    assert d["signed"]["value"] == "2016" and d["expected_completion"] is None


@pytest.mark.parametrize("text, platform, delivered", [
    ("In 2009 Vietnam signed a deal to buy six Kilo-class submarines from Russia; five have already reached the Cam "
     "Ranh naval base.", "Kilo class", 5),
    ("In July the US approved the sale of 60 Stryker armoured vehicles to Thailand, and the first 10 were delivered "
     "last month.", "Stryker", 10),
    ("The Royal Thai Army has taken delivery of the first batch of 28 Chinese-made VT4 tanks.", "VT4", 28),
    ("Forty German Marder infantry fighting vehicles have also arrived in Ukraine.", "Marder", 40),
    ("The Philippines bought 16 S-70 Black Hawk helicopters from Poland. Five S-70 Black Hawk helicopters have "
     "reached Clark Air Base.", "S-70 Black Hawk", 5),
])
def test_a_count_already_come_is_the_delivered_count(rules_only, text, platform, delivered):
    d = deal(rules_only, text, platform)["delivered"]
    assert d and d["min"] == d["max"] == delivered


@pytest.mark.parametrize("text, platform, status", [
    ("Indonesia ordered 42 Rafale jets from France in 2022. The first batch of three Rafale jets is due to arrive in "
     "Indonesia in March 2026.", "Rafale", "signed"),
    ("Iran has bought 48 Su-35 jets from Russia, with a first batch of 12 jets due to arrive in 2026.", "Su-35",
     "signed"),
    ("Egypt ordered 24 Rafale jets from France; the first batch of six will be handed over next year.", "Rafale",
     "signed"),
    ("Indonesia ordered 42 Rafale jets from France in 2022. The first batch of six Rafale jets arrived in Jakarta in "
     "March and the rest will follow by 2026.", "Rafale", "in_delivery"),
])
def test_a_first_batch_still_to_come_is_no_delivery(rules_only, text, platform, status):
    assert deal(rules_only, text, platform)["status"] == status


def test_a_count_still_to_come_is_no_delivered_candidate():
    from armsledger.extract import Extractor
    text = ("Indonesia ordered 42 Rafale jets from France in 2022. The first batch of three Rafale jets is due to arrive "
            "in Indonesia in March 2026.")
    d = {x["platform"]: x for x in Extractor()(Article(text=text, published="2024-06-01"))["deals"]}["Rafale"]
    assert d["delivered"] is None


@pytest.fixture(scope="module")
def with_model():
    from armsledger.extract import Extractor
    return Extractor()


@pytest.mark.parametrize("text, platform", [
    ("Not all 24 K9 howitzers that Poland bought from South Korea have arrived.", "K9"),
    ("None of the 12 Rafale jets Qatar ordered from France have been delivered so far.", "Rafale"),
    ("Not all of the 36 Rafale fighters India bought from France have been handed over.", "Rafale"),
    ("The 18 Gripen jets Thailand ordered from Sweden have not been delivered, officials said.", "Gripen"),
    ("Brazil signed for 36 Gripen jets from Sweden; 20 Gripen jets have yet to be delivered.", "Gripen"),
])
def test_a_count_whose_delivery_is_denied_is_no_delivered_count(with_model, text, platform):
    d = deal(with_model, text, platform)
    assert d["delivered"] is None
    assert d["status"] != "completed"


@pytest.mark.parametrize("text, platform, delivered, status", [
    # a delivery awaited ("until ... has received all 42") is no count delivered
    ("Indonesia ordered 42 Rafale jets from France in 2022. Deliveries will go on until Indonesia has received all "
     "42 aircraft it ordered.", "Rafale", None, "signed"),
    ("Indonesia ordered 42 Rafale jets from France in 2022. Deliveries will continue until all 42 Rafale jets have "
     "been delivered.", "Rafale", None, None),
    ("Egypt ordered 24 K9 howitzers from South Korea in 2022; training starts once Egypt has received all 24 "
     "howitzers.", "K9", None, "signed"),
    # ... one done is
    ("Egypt ordered 24 K9 howitzers from South Korea in 2022 and has received all 24 howitzers.", "K9", 24, "completed"),
])
def test_a_delivery_awaited_is_no_count_delivered(rules_only, text, platform, delivered, status):
    d = deal(rules_only, text, platform)
    assert (d["delivered"] or {}).get("max") == delivered
    assert status is None or d["status"] == status


def by_buyer(extractor, text: str) -> dict[str, dict]:
    return {d["recipient"]: d for d in extractor(Article(text=text, published="2024-06-01"))["deals"]}


@pytest.mark.parametrize("text, first, then, year", [
    # a sentence on another buyer's order lends its signing to no deal but that buyer's (`deals._not_others`)
    ("Egypt bought Su-35 jets from Russia in 2018. Iran is to receive 24 Su-35 fighters from Russia by 2028.",
     "EGY", "IRN", "2018"),
    ("Chile ordered C295 aircraft from Spain in 2019. Uzbekistan is to receive four C295 aircraft from Spain by "
     "2026.", "CHL", "UZB", "2019"),
    ("Qatar ordered Leopard 2 tanks from Germany in 2013. Hungary is to get 44 Leopard 2 tanks from Germany by "
     "2025.", "QAT", "HUN", "2013"),
    ("Poland ordered K2 tanks from South Korea in 2022. Romania could buy 54 K2 tanks from South Korea for $2 "
     "billion.", "POL", "ROU", "2022"),
])
def test_a_sentence_on_another_buyers_order_lends_its_figures_to_none_of_the_others(with_model, text, first, then,
                                                                                       year):
    deals = by_buyer(with_model, text)
    assert (deals[first]["signed"] or {}).get("value") == year
    assert then in deals and (deals[then]["signed"] or {}).get("value") != year


@pytest.mark.parametrize("text, named, other", [
    # a sentence that refers back ("the aircraft") and names one of the buyers speaks of that one's deal
    # (`deals._whose`)
    ("France sold Rafale jets to Greece and Croatia. Croatia bought 12 of the aircraft in 2021 for EUR 1 billion.",
     "HRV", "GRC"),
    ("Spain sold C295 aircraft to Chile and Mexico. Mexico ordered six of the aircraft in 2019, worth $200 million.",
     "MEX", "CHL"),
    ("Germany sold IRIS-T systems to Egypt and Slovenia. Slovenia ordered two of the systems in 2024 for EUR 150 "
     "million.", "SVN", "EGY"),
    ("Israel sold Spyder systems to Vietnam and Peru. Peru ordered two of the systems in 2012 for $140 million.",
     "PER", "VNM"),
])
def test_a_sentence_referring_back_speaks_of_the_buyer_it_names(with_model, text, named, other):
    deals = by_buyer(with_model, text)
    assert deals[named]["value"] is not None
    assert other in deals and deals[other]["value"] is None


@pytest.mark.parametrize("text, platform", [
    # a number inside the platform's name is no count of it (`DealFinder._quantities`)
    ("Indonesia plans to buy used Leopard 2 battle tanks from Germany.", "Leopard 2"),
    ("Algeria signed a contract with China for Type 056 corvettes.", "Type 056"),
    ("Chile signed a contract with the United States for F-16 Block 70 fighter jets.", "F-16 Block 70"),
    ("Egypt ordered Type 209 submarines from Germany in 2011.", "Type 209"),
])
def test_a_number_naming_the_platform_is_no_quantity(rules_only, text, platform):
    assert deal(rules_only, text, platform)["quantity"] is None


@pytest.mark.parametrize("text, platform, delivered", [
    # the first of an order handed over, named by its kind in a sentence that names no platform (`deals._noun_of`)
    ("Egypt ordered four Type 209 submarines from Germany in 2011. The first submarine was commissioned in 2016.",
     "Type 209", 1),
    ("Peru ordered six Mi-17 helicopters from Russia in 2014. The first helicopter has arrived in Lima.", "Mi-17", 1),
    ("Thailand ordered two S26T submarines from China in 2017. The first submarine has been delivered.", "S26T", 1),
    ("India ordered 36 Rafale jets from France in 2016. The first jet was handed over in 2019.", "Rafale", 1),
    # ... not one still to come
    ("Peru ordered six Mi-17 helicopters from Russia in 2014. The first helicopter will be delivered in 2026.", "Mi-17",
     None),
])
def test_the_first_unit_handed_over_named_by_its_kind_is_one_delivered(rules_only, text, platform, delivered):
    assert (deal(rules_only, text, platform)["delivered"] or {}).get("max") == delivered


@pytest.mark.parametrize("text, platform, expected", [
    # a span counted from another event is no date ("within two years of their production", `dates`)
    ("Peru signed a contract with South Korea for 20 KT-1 trainers. The aircraft will reach Peru's airfields within "
     "two years of their production.", "KT-1", None),
    ("Egypt ordered 24 K9 howitzers from South Korea. The howitzers will be delivered within 36 months after "
     "signing.", "K9", None),
    # a first batch's span is not the order's (`deals.part_before`), a readiness no delivery (`deals._NOT_DELIVERY`)
    ("Ukraine signed a letter of intent with France for 100 Rafale jets. The first Rafales could be delivered within "
     "three years.", "Rafale", None),
    ("Canada signed for 88 F-35 jets from the United States; deliveries start in 2026 and full operational "
     "capability is expected by 2033.", "F-35", None),
    ("Canada signed for 88 F-35 jets from the United States. The jets will reach full operational capability by "
     "2033.", "F-35", None),
    # ... a span counted from now is
    ("Egypt ordered 24 K9 howitzers from South Korea. The howitzers will be delivered within two years.", "K9", "2026"),
    ("Egypt ordered 24 K9 howitzers from South Korea. The howitzers will be delivered within two years from now.", "K9",
     "2026"),
])
def test_a_span_from_another_event_a_first_batchs_or_a_readiness_is_no_completion(rules_only, text, platform,
                                                                                   expected):
    assert completion(rules_only, text, platform) == expected


@pytest.mark.parametrize("text, platform, status", [
    # a platform bought and said to be operated by, or in service with, its buyer: completed
    ("Chile bought ten F-16 jets from the United States, and the Chilean air force operates them from Antofagasta.",
     "F-16", "completed"),
    ("Peru bought eight Mi-17 helicopters from Russia; the Mi-17 helicopters are in service with the Peruvian army.",
     "Mi-17", "completed"),
    ("Colombia bought Kfir jets from Israel, and the Kfir jets are now operated by the Colombian air force.",
     "Kfir", "completed"),
    # ... but a platform in service with another country says nothing of this purchase
    ("Peru ordered eight Mi-17 helicopters from Russia; the Mi-17 is in service with Colombia and Brazil.",
     "Mi-17", "signed"),
    # ... nor do its first units, the rest to come
    ("Chile ordered 12 F-16 jets from the United States; the first four F-16 jets have arrived and are now operated "
     "by the Chilean air force.", "F-16", "in_delivery"),
])
def test_a_purchase_operated_by_its_buyer_is_completed(rules_only, text, platform, status):
    # the purchase the sentence opens with: the platform's first deal (the countries it is in service with have
    # deals of their own since session 26, `DealFinder._buyer_list`)
    first = next(d for d in rules_only(Article(text=text, published="2024-06-01"))["deals"] if d["platform"] == platform)
    assert first["status"] == status
