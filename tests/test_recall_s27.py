"""Deal recall (session 27): every buyer of a list the rules read a platform going to ("sold to A, B and C"), or
buying it as the list opening its sentence ("A, B and C have bought"); "in use by / with" a list of countries as a
list of holders; and what the model is told of a platform listed beside one the rules opened a deal of, and of a
class the rules would open a deal of were it a platform. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats


def _keys(rules_deals, text: str) -> set[tuple[str, str, str]]:
    return set(rules_deals(text))


@pytest.mark.parametrize("text, keys", [
    # the list the platform goes "to": each country of it a buyer
    ("South Korea donated two Pohang-class corvettes to Colombia and Peru in 2021.",
     {("KOR", "COL", "Pohang class"), ("KOR", "PER", "Pohang class")}),
    ("Russia has sold the Su-30 fighter to India, Algeria and Malaysia over the years.",
     {("RUS", "IND", "Su-30"), ("RUS", "DZA", "Su-30"), ("RUS", "MYS", "Su-30")}),
    ("Germany will deliver IRIS-T systems to Ukraine and Slovenia.",
     {("DEU", "UKR", "IRIS-T"), ("DEU", "SVN", "IRIS-T")}),
    ("Italy supplied eight AW139 helicopters to Qatar, Kuwait and Oman last year.",
     {("ITA", "QAT", "AW139"), ("ITA", "KWT", "AW139"), ("ITA", "OMN", "AW139")}),
    # the list opening the sentence, the subject of the buying verb
    ("Egypt, Qatar and India have bought the Rafale fighter.",
     {("FRA", "EGY", "Rafale"), ("FRA", "QAT", "Rafale"), ("FRA", "IND", "Rafale")}),
    ("Morocco, Kenya and Nigeria have ordered the Bayraktar TB2 drone from Turkey.",
     {("TUR", "MAR", "Bayraktar TB2"), ("TUR", "KEN", "Bayraktar TB2"), ("TUR", "NGA", "Bayraktar TB2")}),
])
def test_each_buyer_of_a_list(rules_deals, text, keys):
    assert keys <= _keys(rules_deals, text)


@pytest.mark.parametrize("text, keys", [
    ("The PAC-3 missile is now in use by the Netherlands, Germany, Japan and Taiwan.",
     {("USA", "NLD", "PAC-3"), ("USA", "DEU", "PAC-3"), ("USA", "JPN", "PAC-3"), ("USA", "TWN", "PAC-3")}),
    ("The Patriot system is in use with Germany, Spain and Poland.",
     {("USA", "DEU", "Patriot"), ("USA", "ESP", "Patriot"), ("USA", "POL", "Patriot")}),
])
def test_in_use_by_a_list_is_held(rules_deals, text, keys):
    got = rules_deals(text)
    assert keys <= set(got)
    assert all(got[k]["status"] == "completed" for k in keys)


@pytest.mark.parametrize("text, country, platform", [
    # a country after the list that begins a clause of its own is no buyer
    ("The United States sold F-16 fighters to Taiwan and China protested.", "CHN", "F-16"),
    ("France signed a deal to supply Rafale jets to India and Pakistan responded angrily.", "PAK", "Rafale"),
    # a list opening the sentence with no verb of buying is no list of buyers
    ("Egypt, Qatar and India discussed the Rafale fighter at the meeting.", "EGY", "Rafale"),
    # nor one that does not open it
    ("Officials said that after talks with Egypt, Qatar and India the Rafale fighter was ordered by Greece.",
     "QAT", "Rafale"),
    # nor is the seller named in the list
    ("Belgium, Spain and Turkey have ordered the A400M transport aircraft.", "ESP", "A400M"),
])
def test_no_buyer_beside_the_list(rules_deals, text, country, platform):
    assert not any(k[1] == country and k[2] == platform for k in _keys(rules_deals, text))


@pytest.mark.parametrize("text, key", [
    ("Indonesia has ordered two Scorpene submarines and 13 Thales ground control radars from France.",
     ("FRA", "IDN", "Thales ground control radars")),
    ("Venezuela ordered 24 Su-30 fighters, some 50 helicopters and 5,000 rifles from Russia.",
     ("RUS", "VEN", "helicopters")),
])
def test_a_platform_listed_with_a_rule_deal_of_its_buyer(extractor, text, key):
    assert "rule:plat_list_mate" in feats(extractor, text, key)


def test_no_list_mate_across_a_verb(extractor):
    f = feats(extractor, "Chile bought the F-16 fighter from the United States, which had retired older drones.",
              ("USA", "CHL", "drones"))
    assert "rule:plat_list_mate" not in f


@pytest.mark.parametrize("text, key", [
    ("China sold 16 fighter jets to Bangladesh last year.", ("CHN", "BGD", "fighter jets")),
    ("Russia has supplied Kyrgyzstan with armoured vehicles free of charge.", ("RUS", "KGZ", "armoured vehicles")),
    ("Japan will deliver six patrol vessels to Vietnam under the pact.", ("JPN", "VNM", "patrol vessels")),
])
def test_a_class_the_rules_would_open(extractor, text, key):
    assert "gen:rule_pair" in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    # the stage word speaks of the named platform, nearer to it than to the class
    ("Bangladesh bought the J-10C fighter from China last year, while its fighter jets from Russia were retired in "
     "2020.", ("RUS", "BGD", "fighter jets")),
    ("China sold the J-10C fighter to Bangladesh, which also flies many helicopters.", ("CHN", "BGD", "helicopters")),
])
def test_a_class_no_stage_speaks_of(extractor, text, key):
    assert "gen:rule_pair" not in feats(extractor, text, key)
