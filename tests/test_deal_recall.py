"""Deal recall (issue 9): a class read as the catalogue platform the report names ("two Italian frigates" after
"FREMM"), and the seller named in the "from" that follows a platform bought. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def rows_of(extractor, text: str) -> list:
    return extractor.candidate_rows(Article(text=text, published="2024-06-01"))


def feats(extractor, text: str, key: tuple) -> set[str]:
    found = [f for c, f, _ in rows_of(extractor, text) if (c.supplier, c.recipient, c.platform.name) == key]
    assert found, f"no candidate {key}"
    return found[0]


@pytest.mark.parametrize("text, key", [
    ("Italy offered Egypt the FREMM frigate in 2019. In June the Egyptian navy took delivery of two frigates from "
     "Italy.", ("ITA", "EGY", "FREMM")),
    ("The Leopard 2 is made in Germany. Last month Chile bought 30 tanks from Germany.", ("DEU", "CHL", "Leopard 2")),
    ("Pakistan builds the JF-17 with China. Nigeria has since ordered three more fighter jets from Pakistan.",
     ("PAK", "NGA", "JF-17")),
    ("Sweden makes the Gripen. The Thai air force will buy four more fighter jets from Sweden, officials said.",
     ("SWE", "THA", "Gripen")),
])
def test_a_class_stands_for_the_catalogue_platform_of_its_kind_the_report_names(extractor, text, key):
    # the class's sentence gives the named platform a mention of its own, marked as read from the class
    cands = [c for c, _, _ in rows_of(extractor, text) if (c.supplier, c.recipient, c.platform.name) == key]
    assert cands and any(m.resolved and m.clause == 1 for m in cands[0].mentions)
    assert "mention:resolved" in feats(extractor, text, key)


@pytest.mark.parametrize("text", [
    # the class's own sentence names a platform of its kind: the class is another one
    "Egypt ordered the Rafale in 2015. Egypt bought Rafale jets and fighter jets from the United States.",
    "Chile has the Leopard 2. Chile bought Leopard 2 tanks from Germany and tanks from Israel.",
    # two platforms of its kind, both named more than three sentences before: no telling which
    "Peru flies the MiG-29 and the Mirage 2000. The air force is old. Money is short. Pilots are few. Peru will buy "
    "fighter jets from France.",
    "Vietnam flies the Su-30 and the MiG-21. Its pilots train in India. Its bases are on the coast. Its budget is "
    "small. Vietnam may order fighter jets from the United States.",
])
def test_a_class_is_not_read_as_a_platform_when_it_cannot_be_told_which(extractor, text):
    last = text.count(". ")  # the class's sentence
    rows = rows_of(extractor, text)
    assert any(c.platform.extra.get("generic") and any(m.clause == last for m in c.mentions) for c, _, _ in rows)
    assert not any(m.resolved and m.clause == last for c, _, _ in rows for m in c.mentions)


@pytest.mark.parametrize("text, key", [
    ("Peru bought two C-27J aircraft from Italy in 2013.", ("ITA", "PER", "C-27J")),
    ("Thailand ordered three S26T submarines from China last year.", ("CHN", "THA", "S26T")),
    ("Morocco has acquired 36 AH-64E helicopters from the United States.", ("USA", "MAR", "AH-64E")),
    ("Last year Greece purchased 24 Rafale jets from the French firm Dassault Aviation.", ("FRA", "GRC", "Rafale")),
])
def test_the_seller_named_in_the_from_after_a_platform_bought_is_framed(extractor, text, key):
    f = feats(extractor, text, key)
    assert {"frame:from", "frame:from&get", "frame:from&get&rec_before"} <= f


@pytest.mark.parametrize("text, key", [
    # another platform's seller: a second "from" stands between
    ("Thailand bought Mi-17 helicopters from Russia, and VT4 tanks from China.", ("CHN", "THA", "Mi-17")),
    ("Peru bought C-27J aircraft from Italy and Chile bought F-16 jets from the Netherlands.",
     ("NLD", "PER", "C-27J")),
    # a seller named before the platform, not after it
    ("From Russia, India bought S-400 systems in 2018; China bought Su-35 jets.", ("RUS", "CHN", "Su-35")),
])
def test_a_seller_not_in_the_from_after_the_platform_is_not_framed(extractor, text, key):
    assert not any(x.startswith("frame:") for x in feats(extractor, text, key))


def classes_of(extractor, text: str) -> list[str]:
    return sorted({c.platform.name for c, _, _ in rows_of(extractor, text) if c.platform.extra.get("generic")})


@pytest.mark.parametrize("text", [
    # a class noun right after a platform's name, qualified or not, is that platform's head noun
    "Chile bought 20 used Leopard 2 battle tanks from Germany.",
    "Algeria ordered 12 Su-34 strike aircraft from Russia.",
    "Bolivia ordered six AS-550C3 light helicopters from Airbus.",
    "Hungary will buy 44 Leopard 2A7 main battle tanks from Germany.",
])
def test_a_class_right_after_a_platform_is_its_head_noun(extractor, text):
    assert classes_of(extractor, text) == []


@pytest.mark.parametrize("text, key", [
    # the class read as the platform of its kind is that platform, not a deal of its own
    ("Italy offered Egypt the FREMM frigate in 2019. In June the Egyptian navy took delivery of two frigates from "
     "Italy.", ("ITA", "EGY", "FREMM")),
    # a class of a wider kind: "howitzers" are self-propelled howitzers too
    ("South Korea builds the K9 Thunder. Estonia will buy twelve more howitzers from South Korea.",
     ("KOR", "EST", "K9")),
    ("The Caesar is a French gun. Last year Kyiv bought six more howitzers, officials said.", ("FRA", "UKR", "Caesar")),
])
def test_a_class_read_as_the_platform_of_its_kind_is_no_deal_of_its_own(extractor, text, key):
    cands = [c for c, _, _ in rows_of(extractor, text) if (c.supplier, c.recipient, c.platform.name) == key]
    assert cands and any(m.resolved for m in cands[0].mentions)
    assert classes_of(extractor, text) == []


@pytest.mark.parametrize("text", [
    # its own sentence names another seller in the "from" after it
    "Greece flies the French Rafale. Athens is also buying new fighter jets from the United States.",
    "Egypt operates the FREMM frigate. Cairo has now ordered two frigates from Germany.",
    # or names a seller besides the buyer
    "Turkey makes the Bayraktar TB2. Iran and the United Arab Emirates have been providing armed drones to Ethiopia.",
    "Russia built the Kilo submarine for India. China supplied two submarines to Bangladesh in 2017.",
])
def test_a_class_sold_by_another_than_the_platforms_maker_is_not_read_as_it(extractor, text):
    rows = rows_of(extractor, text)
    assert not any(m.resolved for c, _, _ in rows for m in c.mentions)
    assert classes_of(extractor, text)


@pytest.mark.parametrize("text, key", [
    # a used fleet bought from a country that is not the maker: the plural names the Eurofighter (`_guard`)
    ("Egypt is in talks to buy 12 second-hand Typhoons from Kuwait for its air force.",
     ("KWT", "EGY", "Eurofighter Typhoon")),
    ("The Indonesian air force wants used Typhoons from Austria, the defence minister said.",
     ("AUT", "IDN", "Eurofighter Typhoon")),
])
def test_typhoons_bought_second_hand_have_a_candidate(extractor, text, key):
    assert key in {(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows_of(extractor, text)}
