"""Deal rules on single sentences, as a reader would check them (no article wording is special)."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules_only():
    from armsledger.extract import Extractor
    return Extractor(model=False)


def deals_of(extractor, text: str, published: str = "2024-06-01") -> dict[str, dict]:
    return {d["platform"]: d for d in extractor(Article(text=text, published=published))["deals"]}


def test_items_listed_with_a_bought_platform_are_bought_too(extractor):
    deals = deals_of(extractor, "Under the contract, Hanwha will supply K9 howitzers to Egypt, along with K10 "
                                "ammunition resupply vehicles and K11 fire direction vehicles.")
    assert {"K9", "K10", "K11"} <= set(deals)
    assert {d["recipient"] for d in deals.values()} == {"EGY"}


def test_platforms_being_replaced_are_not_bought(extractor):
    deals = deals_of(extractor, "Poland will ask the United States to buy 32 F-35 fighter jets to replace its "
                                "MiG-29 and Su-22 aircraft.")
    assert deals["F-35"]["supplier"] == "USA" and deals["F-35"]["recipient"] == "POL"
    # the fleets replaced are not bought from the United States; since the reviewers' pass the gold counts a fleet
    # the text names as held as its past purchase (completed, from its maker), which the model may keep (issue 9)
    for name in ("MiG-29", "Su-22"):
        assert name not in deals or (deals[name]["supplier"], deals[name]["status"]) == ("RUS", "completed")


def test_the_country_warned_is_the_buyer_not_the_one_warning(extractor):
    deals = deals_of(extractor, "Washington had made clear to Turkey on numerous occasions that buying the "
                                "Russian S-400 system would trigger sanctions.")
    assert deals["S-400"]["recipient"] == "TUR"


def test_a_delivery_still_expected_does_not_put_a_deal_in_delivery(extractor):
    deals = deals_of(extractor, "Greece signed a contract with France for three FDI frigates. The first ship is "
                                "expected to be delivered in 2025.")
    assert deals["FDI"]["status"] == "signed"


def test_memoranda_are_not_purchases(extractor):
    deals = deals_of(extractor, "Saudi Arabia signed memoranda of understanding with Russia on the purchase of "
                                "the S-400, though no contracts have yet been signed.")
    assert deals["S-400"]["status"] == "negotiating"


def test_sums_named_in_the_order_of_their_platforms_go_respectively(extractor):
    deals = deals_of(extractor, "India signed contracts with the United States for 24 MH-60R helicopters and six "
                                "AH-64E Apache helicopters. The contract for the MH-60R helicopters is worth "
                                "$2.6 billion, while the Apaches will cost $800 million.")
    assert deals["MH-60R"]["value"]["amount"] == pytest.approx(2.6e9)
    assert deals["AH-64E"]["value"]["amount"] == pytest.approx(8e8)


def test_a_count_the_order_included_is_a_part_not_the_order(extractor):
    deals = deals_of(extractor, "Greece signed for 18 Rafale jets from France in January 2021, in a deal that "
                                "included 12 second-hand jets.")
    assert deals["Rafale"]["quantity"]["max"] == 18


def test_the_signing_keeps_its_own_date(extractor):
    deals = deals_of(extractor, "Turkey took delivery of the S-400 batteries from Russia in the summer of 2019 under "
                                "a contract signed in 2017.", published="2020-12-14")
    assert deals["S-400"]["signed"]["value"] == "2017"


def test_a_first_batch_that_arrived_is_delivered_not_the_order(extractor):
    deals = deals_of(extractor, "Pakistan has acquired 25 J-10C fighter jets from China. The first batch of six "
                                "J-10C aircraft landed in the country on March 4.", published="2022-03-11")
    assert deals["J-10C"]["quantity"]["max"] == 25
    assert deals["J-10C"]["delivered"]["max"] == 6


def test_what_arrives_only_until_something_else_is_not_a_delivery(extractor):
    deals = deals_of(extractor, "Turkey signed a contract with Britain for 20 Eurofighter Typhoon jets. Ankara will "
                                "lease older jets until the new Eurofighter Typhoon jets arrive.")
    assert deals["Eurofighter Typhoon"]["status"] == "signed"


def test_each_seller_of_second_hand_jets_is_a_deal_of_its_own(extractor):
    article = Article(text="Turkey signed contracts for 24 second-hand Eurofighter Typhoon jets from Qatar and Oman.",
                      published="2025-11-01")
    rules = Extractor(extractor.catalogue, model=False)(article)["deals"]
    assert sorted((d["supplier"], d["recipient"]) for d in rules) == [("OMN", "TUR"), ("QAT", "TUR")]
    # with the model: never a maker of the consortium as the seller. Whether the two sellers are kept is the model's
    # call: the model fitted in session 21 scores each 0.50 against its rules' bar of 0.52 (the bar moves by the
    # dealing of the folds: 0.36-0.58 this build, 0.20-0.42 the last), so this one-sentence report keeps none.
    kept = extractor(article)["deals"]
    assert {(d["supplier"], d["recipient"]) for d in kept} <= {("OMN", "TUR"), ("QAT", "TUR")}


def test_a_shared_acronym_goes_to_the_country_the_article_is_about(extractor):
    text = ("MANILA, Philippines - The Philippines signed a contract with Korea Aerospace Industries for 12 more FA-50 "
            "jets. The PAF acquired its first 12 FA-50 jets from South Korea in 2014, Philippine officials said.")
    record = extractor(Article(text=text, published="2025-06-02"))
    # named "PAF" as written (a service named only by its acronym), the Philippine Air Force in the catalogue
    assert {e.get("canonical", e["name"]) for e in record["entities"] if e["kind"] == "organization"} >= {
        "Philippine Air Force"}
    assert {d["recipient"] for d in record["deals"]} == {"PHL"}


# -- figures on the right deal, and statuses (issue 11) ---------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("Poland ordered 180 K2 tanks worth USD 3.37 billion and 212 K9 howitzers worth USD 2.4 billion from South Korea.",
     {"K2": 3.37e9, "K9": 2.4e9}),
    ("Norway bought 54 Leopard 2 tanks worth EUR 1.9 billion and 12 PzH 2000 howitzers worth EUR 300 million "
     "from Germany.", {"Leopard 2": 1.9e9, "PzH 2000": 3e8}),
    ("Egypt signed contracts with South Korea for 200 K9 howitzers valued at USD 1.7 billion and 50 K10 vehicles "
     "valued at USD 250 million.", {"K9": 1.7e9, "K10": 2.5e8}),
])
def test_each_priced_item_of_a_list_keeps_its_own_price(extractor, text, values):
    deals = deals_of(extractor, text)
    assert {p: deals[p]["value"]["amount"] for p in values} == values


@pytest.mark.parametrize("text", [
    "Qatar ordered 24 Rafale jets from France; all 24 Rafale jets have been delivered, officials said.",
    "All 12 Rafale fighters that Croatia bought from France have been handed over.",
    "Officials confirmed that all 36 Rafale jets India ordered from France in 2016 had arrived.",
])
def test_all_of_them_delivered_is_completed(extractor, text):
    rafale = deals_of(extractor, text)["Rafale"]
    assert rafale["status"] == "completed"
    assert rafale["delivered"]["max"] == rafale["quantity"]["max"]


@pytest.mark.parametrize("text", [
    "All 24 Rafale jets that Qatar ordered from France will have been delivered by 2026.",
    "Not all 36 Rafale jets that India ordered from France have been delivered.",
])
def test_all_of_them_not_yet_delivered_is_not_completed(extractor, text):
    assert deals_of(extractor, text)["Rafale"]["status"] != "completed"


@pytest.mark.parametrize("text", [
    "The first 10 K2 tanks arrived in Poland from South Korea this week.",
    "The first 6 Rafale jets landed in Greece from France on Wednesday.",
    "The first 4 KF-21 fighters were delivered to Indonesia by South Korea in June.",
])
def test_the_first_ones_that_arrived_are_deliveries_not_the_order(extractor, text):
    (deal,) = deals_of(extractor, text).values()
    assert deal["quantity"] is None and deal["delivered"]["max"] in (10, 6, 4)


@pytest.mark.parametrize("text", [
    "Indonesia, which ordered 42 Rafale jets from France, wants to order more Rafale jets, but no new contract "
    "has been signed.",
    "Jakarta wants to buy additional Rafale fighters from France; no new contract has been signed yet.",
    "Egypt would like to buy more Rafale jets from France, though no further order has been placed.",
])
def test_wanting_more_without_a_new_contract_is_no_follow_on(extractor, text):
    assert all(not d["follow_on"] for d in extractor(Article(text=text, published="2024-06-01"))["deals"])


@pytest.mark.parametrize("text, platforms", [
    ("Egypt signed a EUR 5.2 billion deal with France for 24 Rafale jets and a FREMM frigate.", {"Rafale", "FREMM"}),
    ("Greece signed a USD 3 billion contract with France for three FDI frigates and six Rafale jets.",
     {"FDI", "Rafale"}),
    ("Under a single USD 2 billion contract, South Korea will supply Poland with K2 tanks and K9 howitzers.",
     {"K2", "K9"}),
])
def test_one_value_for_several_deals_is_a_package(extractor, text, platforms):
    deals = deals_of(extractor, text)
    packages = {tuple(deals[p]["value"]["package"]["deals"]) for p in platforms}
    assert len(packages) == 1 and len(next(iter(packages))) == len(platforms)


@pytest.mark.parametrize("text, rate_year", [
    ("In 2015 Egypt signed a EUR 5.2 billion deal with France for 24 Rafale jets.", 2015),
    ("Greece signed a EUR 2.5 billion deal with France for 18 Rafale jets in January 2021.", 2021),
    ("Croatia bought 12 Rafale jets from France for EUR 999 million, a deal signed in November 2021.", 2021),
])
def test_a_value_is_converted_at_the_rate_of_its_signing_year(extractor, text, rate_year):
    value = deals_of(extractor, text, published="2024-06-01")["Rafale"]["value"]
    assert value["usd_rate_year"] == rate_year


@pytest.mark.parametrize("text, supplier, recipient, platform", [
    ("India gifted a Dornier 228 maritime patrol aircraft to Sri Lanka last year.", "IND", "LKA", "Dornier 228"),
    ("Jordan has handed over two AH-1F Cobra helicopters to Pakistan, officials said.", "JOR", "PAK", "AH-1"),
    ("Germany delivered four Leopard 2 tanks to Ukraine in March.", "DEU", "UKR", "Leopard 2"),
])
def test_the_country_that_gives_or_sends_a_platform_is_its_supplier_whoever_made_it(
        extractor, text, supplier, recipient, platform):
    deals = deals_of(extractor, text)
    match = [d for name, d in deals.items() if name.startswith(platform)]
    assert match, deals
    assert (match[0]["supplier"], match[0]["recipient"]) == (supplier, recipient)


def test_a_donor_named_after_the_platform_is_its_supplier(extractor, rules_deal):
    text = "The Kenyan army received 12 Bastion armoured personnel carriers donated by the United States."
    deal = rules_deal(text, "Bastion")
    assert (deal["supplier"], deal["recipient"]) == ("USA", "KEN")
    # with the model: never the maker (France) as the supplier. The model fitted in session 21 scores the donor's
    # deal 0.50 against its rules' bar of 0.52 and the maker's 0.32, so this one-sentence report keeps none.
    kept = extractor(Article(text=text, published="2024-06-01"))["deals"]
    assert all((d["supplier"], d["recipient"]) == ("USA", "KEN") for d in kept)


@pytest.mark.parametrize("text, supplier, recipient, platform", [
    ("Ukraine's president thanked the Netherlands for delivering the F-16 jets to his air force.", "NLD", "UKR",
     "F-16"),
    ("Last month Denmark finished delivering the first six F-16 fighters to Ukraine.", "DNK", "UKR", "F-16"),
    ("The United States also completed delivering four A-29 Super Tucano aircraft to Nigeria on Friday.", "USA", "NGA",
     "A-29"),
    ("Jordan has started handing over AH-1F Cobra helicopters to Pakistan, officials said.", "JOR", "PAK", "AH-1"),
    ("Kenya thanked Britain for donating 20 Bastion armoured personnel carriers to its army.", "GBR", "KEN", "Bastion"),
])
def test_a_country_thanked_for_giving_or_that_goes_on_giving_is_the_supplier(rules_only, text, supplier, recipient,
                                                                              platform):
    deals = deals_of(rules_only, text)
    match = [d for name, d in deals.items() if name.startswith(platform)]
    assert match, deals
    assert (match[0]["supplier"], match[0]["recipient"]) == (supplier, recipient)


@pytest.mark.parametrize("text, key", [
    ("Russia has sold S-400 air defence systems to China and Turkey.", ("RUS", "CHN", "S-400")),
    ("Italy transferred two Maestrale frigates to the Philippine Navy last year.", ("ITA", "PHL", "Maestrale")),
    ("The United States has supplied 31 M1 Abrams tanks to Ukraine.", ("USA", "UKR", "M1 Abrams")),
    ("Germany is now delivering the remaining Leopard 2 tanks to Poland.", ("DEU", "POL", "Leopard 2")),
    # a platform sent or provided to a recipient
    ("Germany has sent 18 Leopard 2 tanks to Ukraine, its defence ministry said.", ("DEU", "UKR", "Leopard 2")),
    ("Russia sent S-400 air defence batteries to Turkey in the summer.", ("RUS", "TUR", "S-400")),
    ("Turkey has provided Bayraktar TB2 drones to Ukraine since 2019.", ("TUR", "UKR", "Bayraktar TB2")),
    ("The United States provided 40 Stinger launchers to Taiwan last year.", ("USA", "TWN", "Stinger")),
    ("Britain provided Ukraine with 14 Challenger 2 tanks.", ("GBR", "UKR", "Challenger 2")),
    # the one given to right after the verb, the giver before it
    ("China would hand Cambodia two Type 056 corvettes next year.", ("CHN", "KHM", "Type 056")),
    ("India handed Sri Lanka a Dornier 228 surveillance aircraft in December.", ("IND", "LKA", "Dornier 228")),
    ("Jordan sold Pakistan 13 F-16 fighters in 2014.", ("JOR", "PAK", "F-16")),
])
def test_a_platform_sold_supplied_or_being_delivered_is_a_deal_by_the_rules_alone(rules_only, text, key):
    deals = rules_only(Article(text=text, published="2024-06-01"))["deals"]
    assert any((d["supplier"], d["recipient"]) == key[:2] and d["platform"].startswith(key[2]) for d in deals), deals


@pytest.mark.parametrize("text", [
    "France sent a delegation to India to discuss more Rafale jets.",
    "The United States provided training and spare parts to the F-16 pilots of Jordan.",
    "Germany has provided support to Ukraine for its Leopard 2 tanks.",
    "Sweden sent officials to Thailand to talk about the Gripen.",
    "On the other hand, Greece bought Rafale jets from France.",
])
def test_a_delegation_aid_or_training_sent_or_provided_is_no_delivery(rules_only, text):
    out = rules_only(Article(text=text, published="2024-06-01"))
    assert all(d["status"] != "completed" for d in out["deals"]), out["deals"]


def test_struck_by_is_no_signing():
    from armsledger.extract.context import lexicon
    for text in ("The frigate was struck by a missile off Odessa.", "The base was struck by an earthquake in 2010."):
        assert not [t for t in lexicon().find(text, 0) if t.kind == "sign"], text
    assert [t for t in lexicon().find("Egypt struck a deal for 24 Rafale jets.", 0) if t.kind == "sign"]


def test_a_country_named_before_a_buying_verb_is_not_a_giver(extractor):
    deals = deals_of(extractor, "Egypt bought 24 Rafale jets from France in 2015.")
    assert (deals["Rafale"]["supplier"], deals["Rafale"]["recipient"]) == ("FRA", "EGY")


@pytest.mark.parametrize("text", [
    "South Korea signed a contract with the UAE for its Cheongung II missile system. The Emirati ministry had said "
    "it planned to buy the M-SAM, another name for the Cheongung II.",
    "Egypt has ordered 24 Rafale fighters from France. The Rafale, another name for French air power abroad, "
    "was chosen over the F-16.",
])
def test_another_name_for_a_platform_is_no_follow_on(extractor, text):
    deals = extractor(Article(text=text, published="2024-06-01"))["deals"]
    assert deals and not any(d.get("follow_on") for d in deals)


@pytest.mark.parametrize("text", [
    "India handed over the first BrahMos missiles to the Philippines on Friday. The handover comes as friction "
    "between China and the Philippines has grown.",
    "Germany delivered two IRIS-T systems to Ukraine. Talks between Russia and Ukraine have stalled since.",
    "France delivered six Rafale jets to Croatia. Relations between Serbia and Croatia remain tense.",
    "Sweden handed over two Gripen fighters to Hungary. Ties between Slovakia and Hungary have warmed.",
])
def test_a_country_listed_with_the_buyer_in_the_next_sentence_is_no_buyer(extractor, text):
    deals = extractor(Article(text=text, published="2024-06-01"))["deals"]
    assert deals
    assert {d["recipient"] for d in deals} <= {"PHL", "UKR", "HRV", "HUN"}


def test_a_headline_sends_a_platform_to_a_country_in_capitals_too(extractor):
    text = "With Eye On Russia, Germany Delivers First Leopard 2 Tanks To Ukraine\n\nThe tanks arrived on Monday."
    deals = extractor(Article(text=text, published="2024-06-01"))["deals"]
    assert {d["recipient"] for d in deals} == {"UKR"}


@pytest.mark.parametrize("text, key", [
    ("One of the largest contracts is a £10 billion agreement to supply Norway with at least five Type 26 frigates.",
     ("GBR", "NOR", "Type 26")),
    ("Last year Seoul clinched a separate deal to sell Chunmoo rocket launchers to Poland's army, officials said.",
     ("KOR", "POL", "Chunmoo")),
])
def test_an_agreement_to_supply_is_a_deal_by_the_rules_alone(rules_only, text, key):
    deals = rules_only(Article(text=text, published="2024-06-01"))["deals"]
    assert key in {(d["supplier"], d["recipient"], d["platform"]) for d in deals}


@pytest.mark.parametrize("text, platform", [
    ("Russia handed over six MiG-29 fighter jets to Serbia on Friday.", "MiG-29"),
    ("Germany delivered four Leopard 2 tanks to Lithuania in March.", "Leopard 2"),
    ("The Philippine Navy took delivery of two Pohang-class corvettes from South Korea.", "Pohang"),
])
def test_a_delivery_reported_whole_is_completed(rules_only, text, platform):
    deal = next(d for p, d in deals_of(rules_only, text).items() if p.startswith(platform))
    assert deal["status"] == "completed"


@pytest.mark.parametrize("text, platform", [
    ("Russia handed over the first six MiG-29 fighter jets to Serbia on Friday.", "MiG-29"),
    ("Germany delivered four Leopard 2 tanks to Lithuania in March, with the rest due next year.", "Leopard 2"),
    ("The Philippine Navy took delivery of two Pohang-class corvettes from South Korea; more will follow.", "Pohang"),
    ("Spain has delivered 12 of the 20 Piranha vehicles it sold to Denmark.", "Piranha"),
])
def test_a_delivery_with_part_still_to_come_is_in_delivery(rules_only, text, platform):
    deal = next(d for p, d in deals_of(rules_only, text).items() if p.startswith(platform))
    assert deal["status"] == "in_delivery"


@pytest.mark.parametrize("text, platform", [
    ("Chile is weighing the purchase of Leopard 2 tanks from Germany.", "Leopard 2"),
    ("Egypt has shown interest in a purchase of Rafale jets from France.", "Rafale"),
    ("Peru announced plans for the acquisition of K9 howitzers from South Korea.", "K9"),
])
def test_a_purchase_weighed_is_considered_not_signed(rules_only, text, platform):
    deal = next(d for p, d in deals_of(rules_only, text).items() if p.startswith(platform))
    assert deal["status"] == "considered"


@pytest.mark.parametrize("text, platform", [
    ("Peru's army still fields ageing T-55 tanks bought from the Soviet Union, and now wants new armour.", "T-55"),
    ("Hungary flies old MiG-29 fighters it bought from Russia, and plans to retire them.", "MiG-29"),
    ("Chile's navy runs two Type 209 submarines acquired from Germany in the 1980s.", "Type 209"),
    ("Greece keeps flying the Mirage 2000 jets it purchased from France several decades ago.", "Mirage 2000"),
    ("Egypt's F-4 Phantoms, bought from the United States before the 1990 Gulf war, are grounded.", "F-4"),
])
def test_a_purchase_made_long_ago_is_completed(rules_only, text, platform):
    deal = next(d for p, d in deals_of(rules_only, text).items() if p.startswith(platform))
    assert deal["status"] == "completed"


@pytest.mark.parametrize("text, platform", [
    ("To replace its ageing F-5 fighters, Brazil ordered 36 Gripen jets from Sweden.", "Gripen"),
    ("Brazil ordered 36 Gripen jets from Sweden in 2022 to replace old F-5 fighters.", "Gripen"),
    ("Old rivals no more, Chile bought 40 Leopard 2 tanks from Germany last year.", "Leopard 2"),
    ("Poland will buy ageing Leopard 2 tanks from Germany to fill the gap.", "Leopard 2"),
])
def test_a_recent_purchase_near_old_words_is_still_signed_or_short_of_it(rules_only, text, platform):
    deal = next(d for p, d in deals_of(rules_only, text).items() if p.startswith(platform))
    assert deal["status"] != "completed"


def test_a_purchase_made_is_still_signed(rules_only):
    deal = deals_of(rules_only, "Chile finalised the purchase of 40 Leopard 2 tanks from Germany in May.")["Leopard 2"]
    assert deal["status"] == "signed"


@pytest.mark.parametrize("text", [
    "Chile bought 40 Leopard 2 tanks from Germany in May.",
    "Since May, Chile has bought 40 Leopard 2 tanks from Germany.",
    "Chile signed for 40 Leopard 2 tanks from Germany last May.",
])
def test_the_month_may_is_no_hedge(rules_only, text):
    deal = deals_of(rules_only, text)["Leopard 2"]
    assert (deal["status"], deal["hedged"]) == ("signed", False)


def test_the_verb_may_in_a_title_case_headline_still_hedges(rules_only):
    deal = deals_of(rules_only, "Russia May Offer S-500 to India")["S-500"]
    assert deal["hedged"] is True


@pytest.mark.parametrize("opened", [
    [(10, "FRA", "EGY"), (200, "FRA", "GRC"), (400, "RUS", "IND")],
    [(400, "RUS", "IND"), (200, "FRA", "GRC"), (10, "FRA", "EGY")],  # the order they were found in does not count
])
def test_a_sentence_naming_no_buyer_takes_the_nearest_earlier_buyer_of_its_supplier(opened):
    from armsledger.extract.deals import DealFinder

    finder = DealFinder(None, [], "", None)
    finder.opened = list(opened)
    assert finder._recipient_before(100, "FRA") == "EGY"  # not Greece, named later in the article
    assert finder._recipient_before(300, "FRA") == "GRC"
    assert finder._recipient_before(500, "RUS") == "IND"
    assert finder._recipient_before(300, "RUS") == "EGY"  # none of its own before: the first deal's buyer
    assert finder._recipient_before(5, "FRA") is None
    finder.home = "QAT"
    assert finder._recipient_before(300, "RUS") == "QAT"  # ... after the home country


@pytest.mark.parametrize("text, platform", [
    ("Egypt signed a memorandum of understanding with Germany's Thyssenkrupp Marine Systems and its partners on the "
     "purchase of two MEKO A-200 frigates.", "MEKO A-200"),
    ("Vietnam signed a memorandum of understanding with Israel's state-owned firm Rafael Advanced Defense Systems "
     "on the purchase of Spyder air defence systems.", "SPYDER"),
    ("Indonesia signed memoranda of understanding with France's Naval Group and the local shipyard PT PAL on the "
     "purchase of two Scorpene submarines.", "Scorpene"),
    ("Qatar signed a memorandum of understanding with the Italian state-controlled shipbuilder Fincantieri on the "
     "purchase of four FREMM frigates.", "FREMM"),
])
def test_memoranda_with_a_long_named_partner_are_not_purchases(extractor, text, platform):
    # the memorandum and "the purchase of" stand apart, the partner's long name between them: still talks
    deals = deals_of(extractor, text)
    assert deals[platform]["status"] == "negotiating"
    assert deals[platform]["signed"] is None


@pytest.mark.parametrize("text, first, mate", [
    ("South Korea's Hanwha signed a deal to export K9 howitzers to Egypt on Tuesday. Under the deal, Hanwha will "
     "supply K10 ammunition resupply vehicles as well.", "K9", "K10"),
    ("Poland signed a contract with South Korea for 180 K2 tanks on Friday. Under the contract, South Korea will "
     "supply K9 howitzers to Poland as well.", "K2", "K9"),
    ("India signed a deal with France for 26 Rafale M jets on Friday. Under the agreement, France will also "
     "supply Scorpene submarines to the Indian Navy.", "Rafale M", "Scorpene"),
])
def test_a_platform_supplied_under_the_deal_just_reported_is_signed_with_it(extractor, rules_only, text, first, mate):
    # the rules date the mate by the deal just reported; the model weighs that date as a figure of its own (for the
    # K10 since session 22's refit just under the figure bar): it may leave the date out, never give another
    rules = deals_of(rules_only, text, published="2024-06-09")
    assert rules[first]["signed"] is not None
    assert rules[mate]["status"] == "signed"
    assert rules[mate]["signed"] == rules[first]["signed"]
    deals = deals_of(extractor, text, published="2024-06-09")
    assert deals[first]["signed"] == rules[first]["signed"]
    assert deals[mate]["status"] == "signed"
    assert deals[mate]["signed"] in (None, deals[first]["signed"])


@pytest.mark.parametrize("text, platform", [
    ("Erdogan said Ankara would act once the US Congress approves Turkey's requested purchase of 40 F-16 fighter "
     "jets.", "F-16"),
    ("The State Department is still reviewing Poland's requested purchase of 96 AH-64E Apache helicopters.", "AH-64E"),
    ("Lawmakers are expected to vote on Egypt's requested purchase of 12 F-15 jets from the United States next "
     "month.", "F-15"),
])
def test_a_requested_purchase_is_not_a_purchase_made(extractor, text, platform):
    assert deals_of(extractor, text)[platform]["status"] == "considered"


@pytest.mark.parametrize("text, platform", [
    ("Turkey bought the Russian S-400 system in 2017, and the foreign minister said the deal cannot be cancelled.",
     "S-400"),
    ("India signed a contract for 26 Rafale M jets last year; the defence minister said the order cannot be "
     "cancelled now.", "Rafale M"),
    ("Qatar ordered 36 F-15QA jets from the United States, and officials said the purchase cannot be called off.",
     "F-15QA"),
    ("Poland signed for 250 M1A2 Abrams tanks from the United States; the minister said the contract cannot be "
     "scrapped.", "M1A2"),
])
def test_a_deal_that_cannot_be_cancelled_is_not_cancelled(extractor, text, platform):
    assert deals_of(extractor, text)[platform]["status"] == "signed"


@pytest.mark.parametrize("text, platform", [
    ("Algeria is still completing the purchase of Su-57 fighter jets from Russia.", "Su-57"),
    ("Serbia is in the process of completing the purchase of 12 Rafale jets from France.", "Rafale"),
    ("Indonesia is finalizing the purchase of two Scorpene submarines from France.", "Scorpene"),
])
def test_a_purchase_still_being_completed_is_under_negotiation(extractor, text, platform):
    assert deals_of(extractor, text)[platform]["status"] == "negotiating"
