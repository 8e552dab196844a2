"""Deal fields (session 26), in sentences written for these tests:
- a currency written against its number as Gulf, East African and Nigerian papers write it ("Dh2.4 billion",
  "QR1.5bn", "KSh800 million", "Shs90 billion", "N30 billion") is a sum in that currency (it was
  no sum at all: no number starts right after a letter); the naira's bare "N" only with a scale after it;
- a count does not run over an article, a verb or a month into a noun further on: "On 14 March Oman ordered the
  corvette" has no count of 14, nor "The K-21 is an infantry fighting vehicle", "crews loaded 30 onto a cargo
  plane", "two will be used for spare parts"; "two March-class patrol boats" keeps its count;
- a deal said near in a sentence naming its buyer ("Chile is nearing a deal to buy", "Romania is close to concluding
  a contract", "the two governments are expected to seal the deal") is negotiating, not signed; not where the near
  deal is another buyer's ("close to a deal with one Asian country"), nor where the sentence signs it;
- the counts of a list of parts after "included" are all parts, not the order ("18 Rafale, in a deal that included
  12 used jets from the air force and six new-build aircraft" is 18, not 6); a list item naming a platform of its
  own is still its own count.
"""
from __future__ import annotations

import pytest

from armsledger.extract.values import find_money, find_quantities


@pytest.mark.parametrize("text, amount, currency", [
    ("The air force signed a contract worth Dh2.4 billion for new trainers.", 2.4e9, "AED"),
    ("Abu Dhabi awarded a Dh760 million deal for armoured vehicles.", 7.6e8, "AED"),
    ("Qatar's ministry agreed a QR1.5bn order for coastal missiles.", 1.5e9, "QAR"),
    ("The Kenyan army will receive the helicopters at a cost of KSh12 billion.", 1.2e10, "KES"),
    ("Nairobi set aside KSh800 million for the armoured cars.", 8e8, "KES"),
    ("Uganda will pay Shs90 billion for the jets.", 9e10, "UGX"),
    ("Abuja approved N30 billion for the purchase of patrol boats.", 3e10, "NGN"),
])
def test_glued_currency(text, amount, currency):
    m = find_money(text)
    assert m and (m[0].amount, m[0].currency) == (amount, currency)


@pytest.mark.parametrize("text", [
    "Its N9 boats were built in 1990.",
    "The N400 patrol craft class entered service.",
])
def test_naira_letter_needs_a_scale(text):
    assert not find_money(text)


@pytest.mark.parametrize("text", [
    "On 14 March Oman ordered the corvette from a Dutch yard.",
    "The K-21 is an infantry fighting vehicle built in Korea; 5 is a prototype vehicle.",
    "Crews loaded 30 onto a cargo plane bound for the front with the helicopters.",
    "Of the jets bought, two will be used for spare parts and the others as aircraft for training.",
    "By 12 May the navy had commissioned the frigate.",
])
def test_no_count_over_an_article_verb_or_month(text):
    assert not find_quantities(text)


@pytest.mark.parametrize("text, count", [
    ("The navy ordered two March-class patrol boats last year.", 2),
    ("Egypt bought 24 A-29 aircraft in the deal.", 24),
    ("The state yard built three Isis-made drones.", 3),
    ("Peru ordered six Type 056 corvettes.", 6),
])
def test_counts_kept(text, count):
    q = find_quantities(text)
    assert q and q[0].min == count


@pytest.mark.parametrize("text, key", [
    ("Chile is nearing a deal to buy 12 F-16 fighter jets from the United States, its defence minister said on "
     "Monday. The purchase of the F-16 jets was signed off by the cabinet.", ("USA", "CHL", "F-16")),
    ("Romania is close to concluding a $2 billion contract with South Korea for 54 K2 tanks, officials said. Romania "
     "ordered the K2 tanks after long trials.", ("KOR", "ROU", "K2")),
    ("Greece bought 18 Rafale jets from France. Greece and France are expected to seal the deal for six more Rafale "
     "jets next week, Greece said.", ("FRA", "GRC", "Rafale")),
])
def test_a_deal_near_is_negotiating(rules_deals, text, key):
    assert rules_deals(text)[key]["status"] == "negotiating"


@pytest.mark.parametrize("text, key", [
    ("Poland signed a contract with South Korea for 48 K9 howitzers in May. \"We are close to concluding a deal "
     "with one Asian country for 100 more K9 howitzers,\" a Hanwha official said.", ("KOR", "POL", "K9")),
    ("After months close to the deal, Romania signed a contract with South Korea on Monday for 54 K2 tanks.",
     ("KOR", "ROU", "K2")),
])
def test_a_signed_deal_beside_another_near_stays_signed(rules_deals, text, key):
    assert rules_deals(text)[key]["status"] == "signed"


@pytest.mark.parametrize("text, key, count", [
    ("Croatia signed for 12 Rafale in 2021, in a deal that included eight used jets from the French Air Force and "
     "four new-build aircraft.", ("FRA", "HRV", "Rafale"), 12),
    ("Peru ordered 30 K2 tanks from South Korea last year, in a package comprising 20 new tanks, as well as ten "
     "refurbished vehicles.", ("KOR", "PER", "K2"), 30),
    ("Thailand signed for ten VT4 tanks from China in 2017, in a package that included four tanks for training and "
     "six tanks for the cavalry.", ("CHN", "THA", "VT4"), 10),
])
def test_a_list_of_parts_is_not_the_order(rules_deals, text, key, count):
    q = rules_deals(text)[key]["quantity"]
    assert q and q["min"] == count
