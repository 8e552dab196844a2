"""Expressions whose only use is to tell whether a text holds a match, rewritten to begin with the first letters of
their words (`W(?<!\\w.)ord` for `\\bWord`, so that `re` skips to those letters instead of trying every character),
or gated by a part every match holds: they answer as their first form did, on sentences written for the test and on
random strings of their words, whole and between any two positions."""
import random
import re

import pytest

from armsledger.extract import deals, entities, figures_decide
from armsledger.extract.prefixes import Caseless

# the deal rules' anaphor as first written: one expression, searched over the sentence
_ANAPHOR_FIRST = Caseless(re.compile(
    r"\b(?:the|this|that|these|those|its|their|a|an|such)\s+(?:\w+[\s-]){0,3}?(?:deal|contracts?|agreement|order|purchase|"
    r"acquisition|deliveries|delivery|consignment|procurement)\b|\b(?:the|these|those|its|their)\s+(?:[\w-]+\s){0,3}?"
    r"(?:systems?|missiles?|jets?|aircraft|fighters?|drones?|helicopters?|tanks?|howitzers?|rifles?|weapons?|"
    r"squadrons?|batteries|regiments?|vessels?|ships?|submarines?|planes?|warplanes?|guns?|launchers?|fighter jets?)\b"
    r"|\b(?:the|its|their)\s+(?:\w+\s){0,2}?(?:price|cost|value|contract value)\b"
    r"|^\W*(?:deliveries|delivery)\b|\b(?:remaining|outstanding)\b", re.I))
_BREAK_FIRST = re.compile(r"[;:()]|\b(?:while|whereas|but|although|meanwhile)\b")
_SEAS_FIRST = re.compile(r"(?<![\w-])(?P<first>[A-Z][a-z]+)\s+and\s+(?P<second>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                         r"(?P<head>[Ss]eas|[Oo]ceans)(?![\w-])")

SENTENCES = [
    "The deal was signed on Monday.", "Deliveries will begin next year.", "  \"Delivery of the first jets is due.",
    "India said the contract for 26 jets would be signed.", "These F-16 jets arrived.", "Its total price is $2 billion.",
    "The remaining units follow.", "Outstanding orders were cut.", "Such an agreement is rare.", "A new arms deal.",
    "An order came.", "THE DEAL", "theme deal", "bathe the deal", "x-the deal", "the-deal", "ITS PRICE", "Their  guns",
    "Those Rafale fighter jets", "That\nagreement", "the really very big new deal", "tanks", "Its own value fell",
    "The approval came while the talks went on; but not (yet) meanwhile", "whereas butter although Meanwhile",
    "The East and South China Seas", "the Black and Caspian seas", "Indian and Pacific Oceans", "in the Red Sea",
    "Seaside and Oceanside seasons", "Iİ and ſuch and Kelvin ſeas", "the East and South China Seas-", "x-Black and Red seas",
]
WORDS = ["the", "The", "THE", "this", "that", "these", "those", "its", "Its", "their", "a", "A", "an", "such", "ſuch",
         "deal", "contracts", "agreement", "order", "purchase", "deliveries", "Deliveries", "delivery", "procurement",
         "systems", "jets", "fighter jets", "fighter", "tanks", "F-16", "price", "cost", "value", "contract value",
         "remaining", "outstanding", "new", "big", "x", "-", "--", "\n", " ", "  ", ",", ".", ";", ":", "(", ")",
         "while", "whereas", "but", "although", "meanwhile", "butter", "abut", "and", "East", "South", "China",
         "Seas", "seas", "Oceans", "oceans", "Sea", "Black", "Caspian", "İ", "ı", "K", "é", "’", "\"", "_"]


def _texts(seed: int) -> list[str]:
    r = random.Random(seed)
    return SENTENCES + [r.choice(("", " ")).join(r.choice(WORDS) for _ in range(r.randrange(1, 14)))
                        for _ in range(4000)]


def test_anaphor_as_first_written() -> None:
    hits = 0
    for text in _texts(20261206):
        now = bool(deals._ANAPHOR_CASELESS.search(text) or deals._ANAPHOR_OPENS.match(text))
        assert now == bool(_ANAPHOR_FIRST.search(text)), text
        hits += now
    assert 100 < hits < 3900


@pytest.mark.parametrize("seed", [1, 2])
def test_break_as_first_written(seed: int) -> None:
    r = random.Random(seed)
    for text in _texts(seed):
        a = r.randrange(len(text) + 1)
        b = r.randrange(a, len(text) + 1)
        assert bool(figures_decide._BREAK.search(text)) == bool(_BREAK_FIRST.search(text)), text
        assert bool(figures_decide._BREAK.search(text, a, b)) == bool(_BREAK_FIRST.search(text, a, b)), (text, a, b)


def test_seas_only_where_their_head_is() -> None:
    assert entities._SEAS_TOGETHER.pattern == _SEAS_FIRST.pattern
    for text in _texts(7):
        if _SEAS_FIRST.search(text):
            assert entities._SEAS_HEAD.search(text), text


def test_date_sentence_cues_as_before() -> None:
    """The three sentence tests of a date's features, now case-insensitive twins: the same answers."""
    for name in ("_APPROVAL", "_NONBINDING", "_TO_SIGN"):
        cl = getattr(figures_decide, name)
        for text in _texts(3) + ["The cabinet Cleared it", "signed MoUs", "Letters of  Intent", "is expected TO sign",
                                 "AUTHORISED", "go-ahead", "green light", "will be Inked", "framework"]:
            assert bool(cl.search(text)) == bool(cl.rx.search(text)), (name, text)


def test_defence_near_as_before() -> None:
    """A guarded name's defence words, now searched as case-insensitive twins: the same answers in any window."""
    from armsledger.extract.gazetteer import _GUARD_NOUNS, _defence_near
    from armsledger.extract.relevance import DEFENCE_TERMS

    r = random.Random(11)
    words = WORDS + ["Apache", "Army", "NAVY", "Military", "militaries", "Helicopters", "tanks", "Defence Ministry",
                     "arms deals", "Coast  Guard", "software", "Foundation", "ſoldiers", "Kelvin", "air-defence"]
    texts = [r.choice(("", " ")).join(r.choice(words) for _ in range(r.randrange(1, 20))) for _ in range(3000)]
    for text in texts:
        a = r.randrange(len(text) + 1)
        b = r.randrange(a, len(text) + 1)
        assert _defence_near(text, a, b) == bool(DEFENCE_TERMS.search(text, a, b) or _GUARD_NOUNS.search(text, a, b)), \
            (text, a, b)


def test_pre_cues_from_the_first_place_any_begins() -> None:
    """The cues before a figure, each searched from where the first of them begins (`_ANY_PRE`'s match): the same
    cues as each searched over the whole window, as twins and as written."""
    cue_words = ["worth", "valued at", "for", "of which", "including", "each", "first", "batch of", "remaining",
                 "of the", "out of", "delivered", "ordered", "order for", "fleet of", "a total of", "more", "units of",
                 "by the end of", "due to be delivered", "in", "since", "said on", "the", "new", "Worth", "FOR", "x"]
    r = random.Random(5)
    texts = [r.choice(("", " ")).join(r.choice(cue_words + WORDS[:20]) for _ in range(r.randrange(1, 10))) + r.choice(
        ("", " ", "  ", "\n")) for _ in range(3000)]
    found = 0
    for twin in (True, False):
        for text in texts:
            any_pre = figures_decide._cues(twin, "any_pre", text)[0][1].search(text)
            cues = figures_decide._cues(twin, "pre", text)
            everywhere = {name for name, rx in cues if rx.search(text)}
            assert bool(any_pre) == bool(everywhere), text
            if any_pre:
                assert {name for name, rx in cues if rx.search(text, any_pre.start())} == everywhere, text
                found += 1
    assert found > 500


def test_twins_as_before() -> None:
    """What a sum is (a firm's books, a budget, aid) and the deal rules' delivery cues, now read by case-insensitive
    twins: the same matches (spans and groups) in any window."""
    r = random.Random(13)
    words = WORDS + ["Order Backlog", "backlog", "profits", "Budget", "spending", "fiscal", "aid", "Loans", "pledged",
                     "credit line", "to help", "funding for", "sales rose", "EXPORTS HIT", "$2 billion", "ſales",
                     "delivered", "Handed over", "took delivery of", "is due to be delivered", "Expected", "for delivery",
                     "the last", "final batch", "deliveries are expected", "completion", "ARRIVE", "2026", "jets"]
    texts = [r.choice(("", " ")).join(r.choice(words) for _ in range(r.randrange(1, 16))) for _ in range(2000)]
    cases = list(figures_decide._SUMS) + [(n, getattr(deals, n)) for n in ("_PAST_DELIVERY", "_COMPLETION", "_DUE_BEFORE")]
    for name, rx in cases:
        for text in texts:
            a = r.randrange(len(text) + 1)
            b = r.randrange(a, len(text) + 1)
            now, first = rx.search(text, a, b), rx.rx.search(text, a, b)
            assert (now and now.regs) == (first and first.regs), (name, text, a, b)
