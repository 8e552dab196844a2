"""False deals out of fold (issue 9's precision): a recipient named only as where the platform comes from, and a
class that stands beside the named platform of its kind the same pair is given. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import REC_FROM
from test_deal_features import feats


@pytest.mark.parametrize("text, key", [
    # the country after "from" is where the platform comes from: no buyer
    ("Egypt has ordered 30 more Rafale jets from France.", ("EGY", "FRA", "Rafale")),
    ("Vietnam acquired six Kilo-class submarines from Russia.", ("VNM", "RUS", "Kilo class")),
    ("Last month the first K9 howitzers reached Estonia from South Korea.", ("EST", "KOR", "K9")),
    ("Morocco also faced strong competition from Spain for the Caesar howitzers.", ("FRA", "ESP", "Caesar")),
    ("Peru plans to buy used F-16 fighters from the Netherlands and Norway.", ("USA", "NOR", "F-16")),
])
def test_a_recipient_named_only_after_from_is_no_buyer(extractor, text, key):
    assert REC_FROM in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    # ... but after an order, contract or request "from" it is the one that buys
    ("Hanwha has won an order from Romania for 54 K9 howitzers.", ("KOR", "ROU", "K9")),
    ("Saab received a contract from Brazil for 36 Gripen fighters.", ("SWE", "BRA", "Gripen")),
    ("Airbus is weighing a request from the Indian Navy for more H225 helicopters.", ("FRA", "IND", "Caracal")),
    # ... and where it is named another way too ("Chile ... from the Netherlands": Chile is no "from")
    ("Chile has bought 12 second-hand F-16 fighter jets from the Netherlands.", ("NLD", "CHL", "F-16")),
])
def test_a_recipient_asking_or_named_otherwise_is_not_from(extractor, text, key):
    assert REC_FROM not in feats(extractor, text, key)


def test_a_recipient_named_only_after_from_is_overruled():
    keys = [("r", "EGY", "FRA", "Rafale"), ("r", "FRA", "EGY", "Rafale")]
    over = decide.overruled(keys, [{REC_FROM, "plat:catalogue"}, {"plat:catalogue"}])
    assert over == {0: None}
    assert decide.overrule([True, True], over) == [False, True]


def _row(kind: str, generic: bool) -> set[str]:
    return {"plat:generic" if generic else "plat:catalogue", "cat:" + kind, "sup:origin_unknown"}


@pytest.mark.parametrize("named_kind, class_kind, same_pair, gives_way", [
    ("heavy transport helicopter", "helicopter", True, True),  # "four Chinook helicopters ... 15 of the helicopters"
    ("submarine", "submarine", True, True),  # "two submarines" in the headline, "two Scorpene submarines" after
    ("fighter aircraft", "fighter aircraft", True, True),  # "eight jets, Sukhoi Su-30 MKA fighters"
    ("heavy transport helicopter", "helicopter", False, False),  # another pair: another deal
    ("main battle tank", "helicopter", True, False),  # another kind: "T-90 tanks and helicopters"
])
def test_a_class_gives_way_to_the_named_platform_of_its_kind_the_pair_keeps(named_kind, class_kind, same_pair,
                                                                             gives_way):
    keys = [("r", "USA", "IND", "CH-47"), ("r", "USA", "IND" if same_pair else "PAK", "helicopters")]
    over = decide.overruled(keys, [_row(named_kind, False), _row(class_kind, True)])
    assert (over.get(1) == [0]) is gives_way
    # the class is dropped only where the named platform is kept
    assert decide.overrule([True, True], over) == [True, not gives_way]
    assert decide.overrule([False, True], over) == [False, True]
