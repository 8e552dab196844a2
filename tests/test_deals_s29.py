"""Deal decision (session 29): a deal told over two sentences, its buyer named as the one that takes in the sentence
before or after the platform's ("Peru has ordered 20 new aircraft. They comprise 14 KT-1 trainers ..."), and the
report's own country taking by a bare body of its state ("the Service had taken delivery of"). Sentences written for
these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats

ALONE = "rec_any:adjacent_taker&alone"
OTHER = "rec_any:adjacent_taker&other_platform"
BODY = "rec:body_takes"


def feats_or_none(extractor, text: str, key: tuple) -> set[str]:
    """The candidate's features, or none where there is no such candidate (as good as a feature absent)."""
    try:
        return feats(extractor, text, key)
    except AssertionError:
        return set()


@pytest.mark.parametrize("text, key", [
    # the buyer orders in the sentence before, the platforms are named in the next
    ("Peru has ordered 20 new training aircraft for its air force, officials said. They comprise 14 KT-1 trainers "
     "and six more to follow. Chile, meanwhile, sold two frigates to Ecuador.", ("KOR", "PER", "KT-1")),
    ("Ghana's air force took delivery of six new aircraft on Friday. The Super Tucano turboprops will fly from "
     "Tamale.", ("BRA", "GHA", "A-29")),
    # the platform first, the buyer named after it as receiving
    ("The first two Caracal helicopters landed at Al Udeid on Monday. Kuwait will receive the remaining units "
     "next year.", ("FRA", "KWT", "Caracal")),
    # a giving verb names the taker after "to"
    ("The HIMARS launchers left Texas in March. Washington sold them to Estonia last year.",
     ("USA", "EST", "HIMARS")),
])
def test_a_buyer_taking_in_the_next_or_last_sentence(extractor, text, key):
    f = feats(extractor, text, key)
    assert ALONE in f, sorted(x for x in f if x.startswith("rec"))
    assert "rec:not_taker_in_report" not in f


@pytest.mark.parametrize("text, key", [
    # the neighbouring sentence's buyer takes another platform there: no deal of this one told over two sentences
    ("The K9 howitzer is made by Hanwha. Separately, Estonia bought six Caesar howitzers from France.",
     ("KOR", "EST", "K9")),
    ("Spain ordered 12 NH90 helicopters in May. The A400M has been flying since 2009.",
     ("ESP", "ESP", "A400M")),
])
def test_a_neighbouring_buyer_of_another_platform(extractor, text, key):
    assert ALONE not in feats_or_none(extractor, text, key)


def test_a_neighbour_that_only_talks_is_no_taker(extractor):
    f = feats(extractor, "Poland praised the K2 tank on Monday. The K2 is built by Hyundai Rotem.",
              ("KOR", "POL", "K2"))
    assert ALONE not in f and OTHER not in f


def test_another_platform_named_beside_the_neighbouring_buyer(extractor):
    f = feats(extractor, "Latvia bought six IRIS-T systems in March. The NASAMS is built in Norway.",
              ("NOR", "LVA", "NASAMS"))
    assert OTHER in f and ALONE not in f


@pytest.mark.parametrize("text, key", [
    ("NAIROBI — Kenya's defence chief spoke on Monday. He said the Service had taken delivery of four Mi-17 "
     "helicopters this year.", ("RUS", "KEN", "Mi-17")),
    ("MANILA — The Philippines marked Navy Day on Monday. The navy has commissioned two Pohang-class corvettes "
     "since 2019.", ("KOR", "PHL", "Pohang class")),
    ("LIMA — Peru's president spoke on Friday. He said the government had ordered 24 KT-1 trainers for the air "
     "academy.", ("KOR", "PER", "KT-1")),
])
def test_a_bare_body_of_the_home_state_takes(extractor, text, key):
    f = feats(extractor, text, key)
    assert BODY in f, sorted(x for x in f if x.startswith("rec"))
    assert "rec:not_taker_in_report" not in f


@pytest.mark.parametrize("text, key", [
    # a body after "to": the cue of that sentence, not a taking subject
    ("NAIROBI — Kenya's defence chief spoke on Monday. Russia sold four Mi-17 helicopters to the army.",
     ("RUS", "KEN", "Mi-17")),
    # the body's own possession ("the navy's frigates"), no verb of taking
    ("MANILA — The Philippines marked Navy Day on Monday. The navy's two Pohang-class corvettes sailed past.",
     ("KOR", "PHL", "Pohang class")),
    # a country named before: that country takes, not the home country's body
    ("LIMA — Peru's president spoke on Friday. He said Chile's government had ordered 24 KT-1 trainers.",
     ("KOR", "PER", "KT-1")),
])
def test_no_bare_body_taking(extractor, text, key):
    assert BODY not in feats_or_none(extractor, text, key)


def test_a_country_the_report_names_as_buying_is_no_bystander(extractor):
    # Nigeria orders two sentences before the platform, with no platform beside it; Ghana takes another platform
    text = ("Nigeria has ordered equipment worth 300 million dollars, officials said on Monday. The purchase was "
            "approved in March after a long debate in parliament. It comprises three JF-17 fighters and radars. Ghana "
            "bought two patrol boats from Israel.")
    f = feats(extractor, text, ("PAK", "NGA", "JF-17"))
    assert "rec:not_taker_in_report" not in f
    f = feats(extractor, text, ("PAK", "ISR", "JF-17"))
    assert "rec:not_taker_in_report" in f  # Israel sells; it is named as taking nothing
