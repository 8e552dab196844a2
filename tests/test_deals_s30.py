"""Deal recall (session 30): past purchases read in passing. A fleet held further on in a list after the verb of
holding ("Chile flies ten Mirage jets and a dozen US-built F-5s"), countries named "as users of" a platform, a list
of countries taking as one or given to "with" ("will provide Kenya and Uganda with ..."), and the maker's own country
among the platform's holders. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats

HOLDS = "svc:rec_holds"


@pytest.mark.parametrize("text, key", [
    # the platform further on in a list of what the recipient operates or flies
    ("Chile currently flies ten old Mirage 5 fighters and a dozen American F-16 jets.",
     ("USA", "CHL", "F-16")),
    ("The Kenyan Air Force now operates 40 aircraft, among them eleven American-made F-5 jets.",
     ("USA", "KEN", "F-5")),
    ("Peru operates six patrol boats, two old corvettes and four Russian Mi-35 helicopters.",
     ("RUS", "PER", "Mi-35")),
    # countries named as users, operators or customers of the platform
    ("With the contract, Ghana joins Nigeria and Senegal as users of the Super Tucano.", ("BRA", "NGA", "A-29")),
    ("Norway and Finland are both operators of the K9 howitzer.", ("KOR", "FIN", "K9")),
])
def test_a_fleet_held_read_as_a_past_purchase(extractor, text, key):
    f = feats(extractor, text, key)
    assert HOLDS in f, sorted(x for x in f if x.startswith(("svc", "rec:cue")))


@pytest.mark.parametrize("text, key", [
    # what the recipient wants or buys after the verb of holding is no fleet it holds
    ("Chile currently flies ten Mirage 5 fighters and wants to buy a dozen Gripen jets from Sweden.",
     ("SWE", "CHL", "Gripen")),
    ("Peru operates six patrol boats and will order four Mi-35 helicopters from Russia next year.",
     ("RUS", "PER", "Mi-35")),
    ("Ghana operates two Super Tucano aircraft, and Nigeria is to receive twelve more of them.",
     ("BRA", "NGA", "A-29")),
])
def test_a_wish_after_the_verb_of_holding_is_no_fleet(extractor, text, key):
    f = feats(extractor, text, key)
    assert HOLDS not in f, sorted(x for x in f if x.startswith(("svc", "rec:cue")))


@pytest.mark.parametrize("text, key", [
    # a list of countries takes as one: its first member is the taker too
    ("Kenya and Uganda have ordered thirteen more of them. The Bell 412 aircraft will arrive in May.",
     ("USA", "KEN", "Bell 412")),
    ("Last year Chile, Peru and Ecuador bought new trainers. The first Super Tucano aircraft landed on Monday.",
     ("BRA", "PER", "A-29")),
    # given to "with"
    ("Washington will provide Kenya and Uganda with thirteen more. The Bell 412 aircraft will arrive in May.",
     ("USA", "UGA", "Bell 412")),
    ("Last month France equipped the Ghanaian Army with new artillery. The Caesar howitzers will be based in Accra.",
     ("FRA", "GHA", "Caesar")),
])
def test_a_taker_in_a_list_or_given_with(extractor, text, key):
    f = feats(extractor, text, key)
    assert "rec_any:adjacent_taker&alone" in f, sorted(x for x in f if x.startswith("rec"))
    assert "rec:not_taker_in_report" not in f


@pytest.mark.parametrize("text, key", [
    ("The howitzer is in service in India, Poland, Norway and South Korea, where the K9 was designed.",
     ("KOR", "NOR", "K9")),
    ("Operators of the Rafale include Egypt, Qatar, India and France.", ("FRA", "QAT", "Rafale")),
])
def test_the_maker_among_the_holders(extractor, text, key):
    assert "origin&sup:holds" in feats(extractor, text, key)


def test_no_maker_among_holders_where_the_supplier_is_not_the_origin(extractor):
    f = feats(extractor, "Operators of the Rafale include Egypt, Qatar, India and France.", ("IND", "QAT", "Rafale"))
    assert "origin&sup:holds" not in f
