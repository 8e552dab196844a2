"""Session 30's speed steps: what is kept must follow what it was read from. Weapon classes are kept per sentence
(`candidates.generic`) while its platforms, countries and organisations are the same lists. The sentences are
written for this test."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.extract.candidates import generic
from armsledger.extract.entities import Entity
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
