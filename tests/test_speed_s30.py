"""Session 30's speed steps: what is kept must follow what it was read from. Weapon classes are kept per sentence
(`candidates.generic`) while its platforms, countries and organisations are the same lists; an event candidate's
margin is the sum of its parts' only where the parts do not overlap (`learned.Binary.weigh_parts`). The sentences
are written for this test."""
from __future__ import annotations

import math

import pytest

from armsledger.extract import Extractor
from armsledger.extract.candidates import generic
from armsledger.extract.entities import Entity
from armsledger.extract.learned import Binary
from armsledger.extract.pipeline import MAX_CHARS
from armsledger.model import Article

TEXT = ("Kenya has bought four attack helicopters and six patrol boats from Turkey. "
        "The helicopters will arrive next year, the ministry said.")


@pytest.fixture(scope="module")
def clauses():
    x = Extractor(model=False)
    body = TEXT[:MAX_CHARS]
    return x._analyse(Article(text=TEXT, published="2025-06-01"), body)[2]


def _names(found) -> list[str]:
    return [ent.name for _, _, ent in found]


def test_classes_kept_for_the_same_sentence(clauses):
    """Asked twice of one sentence, the classes come back the same (the kept list)."""
    c = clauses[0]
    first = generic(c, TEXT)
    assert "attack helicopters" in _names(first) and "patrol boats" in _names(first)
    assert generic(c, TEXT) is first


def test_classes_read_again_when_the_sentence_names_another_platform(clauses):
    """A platform added to the sentence's list (one named over the class: "patrol boats" as a name) is read: the
    class it covers is no class of its own then."""
    c = clauses[0]
    before = _names(generic(c, TEXT))
    s = TEXT.index("patrol boats")
    c.platforms.append((s, s + len("patrol boats"), Entity("platform", "Patrol Boats")))
    try:
        after = _names(generic(c, TEXT))
    finally:
        c.platforms.pop()
    assert "patrol boats" in before and "patrol boats" not in after
    assert _names(generic(c, TEXT)) == before  # and back again once it is gone


def test_classes_read_again_for_another_text(clauses):
    """The same sentence object over another text (a copy, another object) is read afresh, not taken from the
    kept answer of the first."""
    c = clauses[0]
    kept = generic(c, TEXT)
    other = "".join(TEXT)  # an equal text, another object: read again, the same classes
    again = generic(c, other)
    assert again is not kept and _names(again) == _names(kept)


MODEL = Binary({"a": 0.5, "b": -1.25, "c": 2.0, "d": 0.125, "e": -0.75}, -0.3, 0.5)


def _p(feats) -> float:
    return 1.0 / (1.0 + math.exp(-(MODEL.bias + sum(MODEL.weights.get(f, 0.0) for f in feats))))


def test_parts_weighed_as_their_union():
    """Disjoint parts: the probability of their union; a part shared by two candidates is weighed once and kept."""
    head, words = ("a", "b"), frozenset({"c", "x"})
    memo: dict = {}
    one = MODEL.weigh_parts([head, words, ("d",)], {"a", "b", "c", "x", "d"}, memo)
    two = MODEL.weigh_parts([head, words, ("e",)], {"a", "b", "c", "x", "e"}, memo)
    assert one == pytest.approx(_p("abcd"), abs=1e-12) and two == pytest.approx(_p("abce"), abs=1e-12)
    assert memo[id(head)][0] is head and memo[id(words)][0] is words


def test_overlapping_parts_count_a_feature_once():
    """Parts that share a feature (or a part that repeats one) are weighed as the set they make, each feature once."""
    memo: dict = {}
    assert MODEL.weigh_parts([("a", "c"), ("c", "d")], {"a", "c", "d"}, memo) == pytest.approx(_p("acd"), abs=1e-12)
    assert MODEL.weigh_parts([("c", "c"), ("e",)], {"c", "e"}, memo) == pytest.approx(_p("ce"), abs=1e-12)


def test_an_equal_part_of_another_object_is_weighed_for_itself():
    """The margin is kept by the part object: another part, even of other features, is never read from it."""
    memo: dict = {}
    MODEL.weigh_parts([("a",), ("b",)], {"a", "b"}, memo)
    assert MODEL.weigh_parts([("c",), ("d",)], {"c", "d"}, memo) == pytest.approx(_p("cd"), abs=1e-12)
