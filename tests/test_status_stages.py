"""A deal's stage read from the words of its sentences (`status.refine`), rules alone, on sentences written for the
test: money approved or a signature only supposed signs nothing (a purchase still considered); a delivery begun in
other words ("started taking delivery", "has taken receipt of the first", "the remaining nine are to be delivered")
is a delivery under way; a handover "completing a deal" completes it. And a date told as a signature's, its verb in
its clause before or after it, is read as such for the signing date's decision (`figures_decide`)."""
from __future__ import annotations

import pytest

from armsledger.model import Article


@pytest.mark.parametrize("text, platform", [
    ("Indonesia is to buy 24 Rafale jets from France. The finance ministry has signed off on a budget of $8 billion "
     "for buying the jets.", "Rafale"),
    ("Germany plans to buy 35 F-35 jets from the United States, and the first eight aircraft are due to be delivered "
     "in 2026.", "F-35"),
    ("Peru will look at buying F-16 jets from the United States. \"If we signed an agreement today, we would receive "
     "the first F-16 jets in 2027,\" the minister said.", "F-16"),
])
def test_money_approved_or_a_signature_supposed_leaves_a_purchase_considered(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "considered"


@pytest.mark.parametrize("text, platform", [
    ("Brazil signed a deal with Sweden for 36 Gripen jets; the jets are due to be delivered by 2027.", "Gripen"),
    ("Chile ordered six C295 aircraft from Spain in 2022; the remaining four will be built in Chile.", "C-295"),
])
def test_a_contract_signed_stays_signed(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "signed"


@pytest.mark.parametrize("text, platform", [
    ("Azerbaijan started taking delivery of 100 T-90 tanks bought from Russia in 2012.", "T-90"),
    ("Egypt has taken receipt of the first of four Type 209 submarines it ordered from Germany.", "Type 209"),
    ("Vietnam ordered twelve T-6C trainers from the United States in 2023. The remaining nine T-6C trainers are to be "
     "delivered next year.", "T-6C"),
    ("Norway signed a contract for 54 Leopard 2 tanks from Germany in 2023; the rest of the tanks will arrive in "
     "2026.", "Leopard 2"),
])
def test_a_delivery_begun_in_other_words_is_in_delivery(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "in_delivery"


def signing_dates(extractor, text: str, platform: str) -> dict[str, set[str]]:
    """The candidates for the deal's signing date, each with its features."""
    groups: list = []
    extractor(Article(text=text, published="2024-12-01"), figures=groups)
    return {fig.text: feats for g in groups if g.field == "signed" and g.deal.platform.name == platform
            for fig, feats in zip(g.figures, g.feats)}


# a date told as a signature's, its verb in the same clause (`figures_decide._SIGNED_BEFORE`, `_SIGNED_AFTER`)
SIGNED_DATES = [
    ("Iraq is due to receive the KM-SAM system in 2026 under a $2.8 billion contract signed with LIG Nex1 in "
     "September 2024.", "KM-SAM", "September 2024", "date:signed_before"),
    ("Serbia will get six MiG-29 jets from Russia under a deal reached with Moscow in December 2016.", "MiG-29",
     "December 2016", "date:signed_before"),
    ("Australia's contract with Boeing for 24 Super Hornet jets goes back to March 2007.", "Super Hornet",
     "March 2007", "date:signed_before"),
    ("In July 2022, Hanwha and the Polish agency agreed on a framework for exporting 672 K9 howitzers to Poland.",
     "K9", "July 2022", "date:signed_after"),
]


@pytest.mark.parametrize("text, platform, date, feature", SIGNED_DATES)
def test_a_date_told_as_the_signatures_is_read_as_such(extractor, text, platform, date, feature):
    assert feature in signing_dates(extractor, text, platform)[date]


@pytest.mark.parametrize("text, platform, date", [
    ("Poland signed the deal for K2 tanks with South Korea, and will receive the tanks in 2026.", "K2", "2026"),
    ("Chile ordered C295 aircraft from Spain; the jets will be delivered in March 2027.", "C-295", "March 2027"),
])
def test_a_delivery_date_is_not_read_as_the_signatures(extractor, text, platform, date):
    cands = signing_dates(extractor, text, platform)
    assert date in cands and not {"date:signed_before", "date:signed_after"} & cands[date]


@pytest.mark.parametrize("text, platform", [
    ("China has handed over two Type 054A frigates to Pakistan, completing a deal for four frigates signed in 2018.",
     "Type 054A"),
    ("Turkey delivered the fourth MILGEM corvette to Pakistan, which completed the order for four ships signed in "
     "2018.", "MILGEM"),
    ("The last two K9 howitzers arrived in Estonia and completed the contract for 24 guns signed with South Korea in "
     "2018.", "K9"),
])
def test_a_handover_completing_the_deal_completes_it(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "completed"


@pytest.mark.parametrize("text", [
    "China has handed over two Type 054A frigates to Pakistan, completing the first phase of the order for four.",
    "China has delivered two Type 054A frigates to Pakistan, completing the first part of the order for six.",
    "China has handed over two Type 054A frigates to Pakistan, completing the initial phase of the order for eight.",
])
def test_a_handover_completing_a_phase_of_the_order_does_not_complete_it(rules_deal, text):
    assert rules_deal(text, "Type 054A")["status"] != "completed"


def test_a_contract_still_being_completed_is_not_completed(rules_deal):
    text = "Hanwha is completing the contract for 24 K9 howitzers ordered by Estonia from South Korea in 2018."
    assert rules_deal(text, "K9")["status"] == "signed"
