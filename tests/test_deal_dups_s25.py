"""One purchase named two ways is one deal (session 25), in sentences written for these tests.

The scorer, like the register, matches deals one to one: a second name of a purchase another deal already holds is a
false deal. Folded (`DealFinder._fold_one_purchase`), with the rules alone so that no refit moves them:
- a variant beside its type written out ("Su-30SME fighters ... the Su-30 jets");
- a missile or a radar beside the air defence system it belongs to ("Patriot systems and PAC-3 missiles");
- two classes of one kind (model-opened only: tested on `_one_purchase` itself).
A follow-on read from a word of more ("another", "further", "repeat") in sentences that name neither its platform nor
a number is no deal of its own (`DealFinder._more_of_another`).
Left apart: a follow-on, another number after a number ("K2" / "K21"), two pairs, two kinds.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from armsledger.extract import Extractor
from armsledger.extract.deals import Deal, _one_purchase
from armsledger.extract.entities import Entity
from armsledger.model import Article


@pytest.fixture(scope="module")
def deals():
    rules = Extractor(model=False)

    def run(text: str) -> list[tuple[str, str, str]]:
        rec = rules(Article(text=text, url="http://example.org/a", title="t", published="2025-04-02"))
        return [(d["supplier"], d["recipient"], d["platform"]) for d in rec["deals"]]
    return run


@pytest.mark.parametrize("text, expected", [
    ("Qatar signed a contract with the United States to buy Patriot air defence systems and PAC-3 missiles worth "
     "$2 billion.", [("USA", "QAT", "Patriot")]),
    ("The United Arab Emirates agreed to buy the Patriot system from the United States, with GEM-T missiles for its "
     "batteries.", [("USA", "ARE", "Patriot")]),
    ("Turkey bought the S-400 from Russia along with its 96L6 radars, officials in Ankara said.",
     [("RUS", "TUR", "S-400")]),
    ("Egypt purchased the Buk system from Russia, with Shtil-1 missiles for its navy.", [("RUS", "EGY", "Buk")]),
])
def test_part_beside_its_system(deals, text, expected):
    assert deals(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Egypt signed a contract with South Korea for 200 K9A1EGY howitzers. The K9 guns will be built in Egypt, and "
     "the first K9 units will be handed over in 2024.", [("KOR", "EGY", "K9A1EGY")]),
    ("Myanmar has ordered six Su-30SME fighters from Russia. The Su-30 jets will be delivered by 2025, and the "
     "Su-30 pilots are being trained.", [("RUS", "MMR", "Su-30SME")]),
    ("Kazakhstan signed a contract with Russia for eight Su-30SM2 fighters. The Su-30 jets will be delivered next "
     "year; the Su-30 fleet will grow to 40.", [("RUS", "KAZ", "Su-30SM2")]),
])
def test_variant_beside_its_type(deals, text, expected):
    assert deals(text) == expected


@pytest.mark.parametrize("text, expected", [
    # another number after a number: two types
    ("Poland signed contracts with South Korea for 180 K2 tanks and 40 K21 infantry fighting vehicles.",
     {("KOR", "POL", "K2"), ("KOR", "POL", "K21")}),
    # the system to one buyer, the missiles to another
    ("Qatar bought Patriot systems from the United States, and Kuwait ordered PAC-3 missiles from the United States.",
     {("USA", "QAT", "Patriot"), ("USA", "KWT", "PAC-3")}),
])
def test_two_purchases_stay(deals, text, expected):
    assert expected <= set(deals(text))


@pytest.mark.parametrize("text, expected", [
    ("Poland signed a contract with South Korea for 212 K9 howitzers in 2022. Another contract, worth 2.6 trillion "
     "won, followed last year.", [("KOR", "POL", "K9")]),
    ("Georgia bought Javelin missiles from the United States. Georgia and France will sign a further deal today on "
     "buying air defence systems.", [("USA", "GEO", "Javelin")]),
    ("Romania signed a contract with Germany for 54 Leopard 2 tanks. A repeat order is meant to cut training costs "
     "across the fleet, officials said.", [("DEU", "ROU", "Leopard 2")]),
])
def test_more_of_something_else(deals, text, expected):
    assert deals(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sentence names the platform, or how many more
    ("Australia bought 72 F-35 jets from the United States. Buying more F-35s is no longer essential, the opposition "
     "said.", 2),
    ("Qatar intends to buy 12 more Typhoon fighters from Britain, officials said.", 1),
])
def test_follow_on_named_stays(deals, text, expected):
    assert len(deals(text)) == expected


def _deal(name: str, category: str, p: float | None, first: int, generic: bool = False, follow_on: bool = False,
          catalogue_id: str | None = None, parent: str | None = None) -> Deal:
    extra = {"generic": True} if generic else {"parent": parent}
    d = Deal("DEU", "LVA", Entity("platform", name, category=category, catalogue_id=catalogue_id, extra=extra),
             follow_on, first)
    d.why = SimpleNamespace(probability=p) if p is not None else None
    return d


@pytest.mark.parametrize("a, b, stays", [
    (_deal("howitzers", "howitzer", 0.71, 10, True), _deal("self-propelled howitzers", "howitzer", 0.74, 90, True), 1),
    (_deal("military drones", "unmanned aerial vehicle", 0.62, 5, True),
     _deal("drones", "unmanned aerial vehicle", 0.55, 40, True), 0),
    (_deal("patrol boats", "patrol vessel", 0.66, 30, True), _deal("fast boats", "patrol vessel", 0.66, 8, True), 1),
])
def test_two_classes_of_one_kind(a, b, stays):
    keep, gone = _one_purchase(a, b)
    assert keep is (a, b)[stays] and gone is (a, b)[1 - stays]


@pytest.mark.parametrize("a, b", [
    # two kinds of class
    (_deal("frigates", "frigate", 0.7, 1, True), _deal("patrol vessels", "patrol vessel", 0.7, 9, True)),
    # a class beside a named type is `decide.overruled`'s, not this
    (_deal("howitzers", "howitzer", 0.7, 1, True), _deal("PzH 2000", "self-propelled howitzer", 0.9, 9)),
    # a variant of another kind than its type that is no part of an air defence system
    (_deal("JSM", "air-to-surface missile", 0.8, 1, catalogue_id="jsm", parent="nsm"),
     _deal("NSM", "anti-ship missile", 0.8, 9, catalogue_id="nsm")),
])
def test_not_one_purchase(a, b):
    assert _one_purchase(a, b) is None
