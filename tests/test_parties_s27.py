"""Deal parties (session 27, issue 9): who a named country is beside buyer and seller, for the model to weigh.

- A recipient named, in every sentence of the platform that names it, only in that sentence's dateline ("WARSAW,
  Poland —" before another country's order) is the bureau's city, not the buyer (`rec_all:dateline`).
- A recipient named as the one that pays for the platform or buys it for another country ("bought by the US for the
  Afghan army", "financed by Norway", "built with Danish financial support") is a payer, most often not the buyer
  the register names (`rec_any:pays_for_other`).
- The platform's maker as its supplier where the report tells the platform second-hand at any of its names, not only
  at this candidate's (`sup:origin&used_in_report`): a used platform is most often sold by the country that used it.

Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_deal_features import feats as _feats


@pytest.mark.parametrize("text, key", [
    ("WARSAW, Poland — The Croatian Ministry of Defence has ordered 44 Leopard 2A8 tanks.", ("DEU", "POL", "Leopard 2A8")),
    ("BERLIN, Germany (Reuters) - Lithuania's army will receive 18 CAESAR howitzers next year.",
     ("FRA", "DEU", "Caesar")),
    ("SEOUL, South Korea — Estonia has signed for 12 more K9 howitzers.", ("KOR", "KOR", "K9")),
])
def test_a_recipient_named_only_in_the_dateline(extractor, text, key):
    if key[0] == key[1]:  # the maker named in the dateline: no candidate of its own; the buyer's has no such cue
        rows = {k: f for k, f in _all(extractor, text).items()}
        assert not any("rec_all:dateline" in f for k, f in rows.items() if k[1] == "EST")
        return
    assert "rec_all:dateline" in _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("WARSAW, Poland — The Polish Ministry of Defence has ordered 96 AH-64 Apache helicopters.",
     ("USA", "POL", "AH-64")),
    ("Poland has ordered 96 AH-64 Apache helicopters, the ministry said on Monday.", ("USA", "POL", "AH-64")),
    ("MANILA — The Philippines took delivery of two more FA-50 jets.", ("KOR", "PHL", "FA-50")),
])
def test_a_recipient_named_beyond_the_dateline(extractor, text, key):
    assert "rec_all:dateline" not in _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("The Mi-17 helicopters were bought by the United States for the Afghan Air Force.", ("RUS", "USA", "Mi-17")),
    ("Germany has offered to buy two Patriot systems from the US for Ukraine.", ("USA", "DEU", "Patriot")),
    ("The 18 Bohdana howitzers were built with Danish financial support and delivered to Ukraine.",
     ("UKR", "DNK", "Bogdana")),
    ("The six C-130 transport aircraft for Ukraine are financed by Norway.", ("USA", "NOR", "C-130")),
    ("Sweden purchased eight Leopard 2 tanks on behalf of Ukraine.", ("DEU", "SWE", "Leopard 2")),
])
def test_a_recipient_that_pays_for_another(extractor, text, key):
    assert "rec_any:pays_for_other" in _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("India bought 36 Rafale jets from France for its air force.", ("FRA", "IND", "Rafale")),
    ("Poland ordered 48 FA-50 jets from South Korea for $3 billion.", ("KOR", "POL", "FA-50")),
    ("Egypt paid for the Rafale jets with a French loan.", ("FRA", "EGY", "Rafale")),
    ("Romania signed for 54 K9 howitzers for the Romanian Army.", ("KOR", "ROU", "K9")),
])
def test_a_buyer_for_itself_is_no_payer(extractor, text, key):
    assert "rec_any:pays_for_other" not in _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Argentina signed for 24 second-hand F-16 jets. The F-16 fighters will arrive from 2025.", ("USA", "ARG", "F-16")),
    ("Croatia is to buy 12 used Rafale jets. The Rafale deal is worth 1 billion euros.", ("FRA", "HRV", "Rafale")),
    ("Chile bought surplus Leopard 2 tanks in 2007. Its Leopard 2 fleet is now being upgraded.",
     ("DEU", "CHL", "Leopard 2")),
])
def test_the_maker_of_a_platform_told_second_hand(extractor, text, key):
    assert "sup:origin&used_in_report" in _feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Argentina signed for 24 new F-16 jets. The F-16 fighters will arrive from 2025.", ("USA", "ARG", "F-16")),
    ("Croatia is to buy 12 Rafale jets from France.", ("FRA", "HRV", "Rafale")),
])
def test_the_maker_of_a_new_platform(extractor, text, key):
    assert "sup:origin&used_in_report" not in _feats(extractor, text, key)


def _all(extractor, text: str) -> dict:
    from armsledger.model import Article
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    return {(c.supplier, c.recipient, c.platform.name): f for c, f, _ in rows}


# a class that names any armoured vehicle, or arms of any kind, gives way to the named platform the same pair keeps
# (`decide.overruled`): one purchase told twice ("orders tracked armoured vehicles from Rheinmetall ... 42 Marder")
@pytest.mark.parametrize("cls, kind, named_kind, gives_way", [
    ("tracked armoured vehicles", "armoured vehicle", "infantry fighting vehicle", True),
    ("vehicles", "armoured vehicle", "main battle tank", True),
    ("military vehicles", "armoured vehicle", "armoured personnel carrier", True),
    ("armoured command vehicles", "armoured vehicle", "infantry fighting vehicle", False),  # a kind of its own
    ("vehicles", "armoured vehicle", "fighter aircraft", False),
    ("military equipment", "military equipment", "armoured vehicle", True),
    ("weapons systems", "weapons", "frigate", True),
    ("helicopters", "helicopter", "main battle tank", False),
])
def test_a_broad_class_gives_way_to_the_named_platform(cls, kind, named_kind, gives_way):
    from armsledger.extract import decide
    keys = [("r", "DEU", "IDN", cls), ("r", "DEU", "IDN", "Named")]
    feats = [{"plat:generic", "cat:" + kind}, {"plat:catalogue", "cat:" + named_kind}]
    over = decide.overruled(keys, feats)
    assert (over.get(0) == [1]) is gives_way
    assert decide.overrule([True, True], over) == [not gives_way, True]
