"""Deal recall (issue 9): a candidate's parties against the ones its platform's sentence names as taking or giving it
("to Peru", "Peru ordered", "from Italy"), and a buyer's future ("is to get", "is to receive") read as a getting
verb. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats

from armsledger.extract.context import Lexicon
from armsledger.model import Article


@pytest.mark.parametrize("text, right, wrong", [
    # the recipient named after "to", a bystander named in the same sentence
    ("Turkey sold four Ada-class corvettes to Pakistan, a deal Greece watched closely.",
     ("TUR", "PAK", "Ada class"), ("TUR", "GRC", "Ada class")),
    # the buyer before a getting verb; another country named after the platform
    ("Peru ordered 12 KAI KT-1 trainers last year, officials in Chile said.",
     ("KOR", "PER", "KT-1"), ("KOR", "CHL", "KT-1")),
    # "from": the seller named, the maker's country beside it
    ("Argentina bought 24 used F-16 fighter jets from Denmark in 2024.",
     ("DNK", "ARG", "F-16"), ("USA", "ARG", "F-16")),
])
def test_a_party_beside_the_one_the_sentence_names_as_taking_or_giving(extractor, text, right, wrong):
    good, bad = feats(extractor, text, right), feats(extractor, text, wrong)
    side = "rec" if right[1] != wrong[1] else "sup"
    assert f"{side}_any:anchored" in good and f"{side}_all:other_anchored" not in good
    assert f"{side}_all:other_anchored" in bad and f"{side}_any:anchored" not in bad


def test_no_anchor_no_feature(extractor):
    # neither party is named as taking or giving: no feature either way
    f = feats(extractor, "The Rafale was on show in Paris, where Egypt's delegation walked the stands.",
              ("FRA", "EGY", "Rafale"))
    assert not {x for x in f if x.startswith(("rec_any:", "rec_all:other", "sup_any:", "sup_all:other"))}


@pytest.mark.parametrize("text, key", [
    ("Hungary is to get 44 Leopard 2 tanks from Germany by 2025.", ("DEU", "HUN", "Leopard 2")),
    ("The Thai army is expected to get 20 tanks from China next year.", ("CHN", "THA", "tanks")),
    ("Under the plan, Kenya is to receive two more patrol boats from Turkey.", ("TUR", "KEN", "patrol boats")),
    ("Romania is due to get its first Piranha 5 vehicles from Switzerland in March.", ("CHE", "ROU", "Piranha")),
])
def test_a_buyers_future_is_a_getting_verb_with_the_buyer_before_it(extractor, text, key):
    f = feats(extractor, text, key)
    assert "rec:dir:get:before" in f
    assert "frame:from&get&rec_before" in f
    assert not {x for x in f if "get_passive" in x}  # "is to receive" is no passive


@pytest.mark.parametrize("text", [
    "He wants to get a new passport before the trip.",
    "The ministry hopes to get answers from the contractor.",
])
def test_get_alone_is_no_transfer(text):
    assert not [t for t in Lexicon().find(text, 0) if t.group == "transfer" and "get" in t.text.lower()]


@pytest.mark.parametrize("text", [
    "Cameroon could buy Russian helicopters, a minister hinted.",
    "The Rafale flew over Cairo as Egypt's president watched.",
    "Peru wants fighter jets; its air force chief admires the Swedish Gripen.",
])
def test_a_report_the_rules_open_no_deal_in_says_so_on_each_candidate(extractor, text):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    assert rows and not any(rule for _, _, rule in rows)
    assert all("rule:none&report_none" in f for _, f, _ in rows)


@pytest.mark.parametrize("text", [
    "Egypt signed a contract with France for 30 Rafale jets on Monday.",
    "Egypt signed a contract with France for 30 Rafale jets. The Mistral ships it bought earlier came from France too.",
])
def test_a_report_with_a_rule_deal_does_not(extractor, text):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    assert any(rule for _, _, rule in rows)
    assert not any("rule:none&report_none" in f for _, f, _ in rows)


@pytest.mark.parametrize("text, right, wrong", [
    # the buyer named as taking a platform in one sentence; a bystander beside the platform in another
    ("Chile ordered six Super Tucano aircraft last year. The Super Tucano is also seen in Peru at air shows.",
     ("BRA", "CHL", "A-29"), ("BRA", "PER", "A-29")),
    ("Kenya bought 12 Bayraktar TB2 drones from Turkey. Ethiopia and Somalia watched the TB2's debut.",
     ("TUR", "KEN", "Bayraktar TB2"), ("TUR", "ETH", "Bayraktar TB2")),
])
def test_a_recipient_named_as_taking_anywhere_in_the_report(extractor, text, right, wrong):
    assert "rec:takes_in_report" in feats(extractor, text, right)
    bad = feats(extractor, text, wrong)
    assert "rec:not_taker_in_report" in bad and "rec:takes_in_report" not in bad


def test_a_supplier_named_as_giving_anywhere_in_the_report(extractor):
    text = "Denmark sold 24 used F-16 jets to Argentina. The F-16 has flown with the air force for years."
    assert "sup:gives_in_report" in feats(extractor, text, ("DNK", "ARG", "F-16"))
    bad = feats(extractor, text, ("USA", "ARG", "F-16"))
    assert "sup:not_giver_in_report" in bad and "sup:gives_in_report" not in bad


def test_no_one_named_as_taking_or_giving_no_report_feature(extractor):
    f = feats(extractor, "The Gripen flew at the show in Sweden while Thai pilots looked on.", ("SWE", "THA", "Gripen"))
    assert not {x for x in f if x.endswith(("_in_report",))}
