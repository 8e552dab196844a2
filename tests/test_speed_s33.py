"""Session 33's speed steps, which change no record: the gazetteer's tokens lower-cased and folded in one step
(`gazetteer.fold_lower`), and the phrases of one unit bought or given read over the lower-cased sentence
(`deals._SHIP_BOUGHT_ONE`, `_GIVEN_ONE`, `_ONE_GIVEN` as `Caseless`), their words still taken as written. The
sentences are written for this test."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.extract.gazetteer import fold, fold_lower
from armsledger.model import Article


def test_fold_lower_plain_words():
    """ASCII words come back lower-cased, in order, a new list."""
    words = ["Poland", "BUYS", "K2", "tanks", "."]
    out = fold_lower(words)
    assert out == ["poland", "buys", "k2", "tanks", "."]
    assert out is not words and words[0] == "Poland"


def test_fold_lower_accented_words():
    """Where a word is not ASCII once lower-cased, each word is folded as `fold` folds it."""
    words = ["Türkiye", "and", "Błaszczak", "ÇELIK"]
    assert fold_lower(words) == [fold(w.lower()) for w in words] == ["turkiye", "and", "blaszczak", "celik"]


def test_fold_lower_letters_that_lower_to_ascii():
    """A letter beyond ASCII whose lower case is ASCII (the Kelvin sign) reads as that letter, as `fold` of its
    lower case gives; a dotted capital I keeps its dot apart and loses it in folding."""
    assert fold_lower(["\u212aM"]) == ["km"] == [fold("\u212aM".lower())]
    assert fold_lower(["İzmir"]) == [fold("İzmir".lower())]
    assert fold_lower([]) == []


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _deal(extractor, text: str) -> dict:
    deals = extractor(Article(text=text, published="2024-03-01"))["deals"]
    assert len(deals) == 1, deals
    return deals[0]


@pytest.mark.parametrize("text, platform, said", [
    ("Germany donated a Type 206A submarine to Colombia in 2012.", "Type 206", "a Type 206A submarine"),
    ("Italy Gifted A Single Minerva Corvette To Nigeria.", "Minerva", "A Single Minerva Corvette"),
])
def test_one_unit_given_read_as_written(extractor, text, platform, said):
    """One unit given: ordered and delivered, its words quoted as the report writes them (capitals and all)."""
    d = _deal(extractor, text)
    assert d["platform"].startswith(platform)
    assert d["quantity"]["min"] == d["quantity"]["max"] == 1.0 and d["quantity"]["text"] == said
    assert d["delivered"]["text"] == said


@pytest.mark.parametrize("text, said", [
    ("Indonesia plans to buy a Scorpene submarine from France.", "a Scorpene submarine"),
    ("Chile Will Purchase A Scorpene Submarine From France.", "A Scorpene Submarine"),
])
def test_one_ship_bought_read_as_written(extractor, text, said):
    """One ship bought with "a" before its type: a quantity of one, quoted as written; nothing delivered."""
    d = _deal(extractor, text)
    assert d["quantity"]["min"] == 1.0 and d["quantity"]["text"] == said
    assert d["delivered"] is None


# --------------------------------------------------------------------------- anchors the scan can skip to

ANCHOR_TEXT = ("Nordvik Aviation AS and Karoo Defence (Pty) Ltd signed with Zeta Shipbuilding Ltd. and Apex Helicopters, "
               "while MiG-Aviation's bid failed; Kestrel Electronics, Orvane Systems AB, Tulsky Arms JSC. "
               "The Government said the presidential office and the Presidential  Office agreed; "
               "self-Government counts, Governments not.")


def test_legal_anchor_finds_what_the_nested_alternation_finds():
    """The firms' legal forms and trades in one alternation by first letter (`_by_first(_LEGAL + "|" + _TRADES)`):
    the same places as the legal forms' alternation beside the trades'."""
    import re

    from armsledger.extract import entities as E

    anchor = Extractor(model=False).entity_finder._legal.anchor
    nested = re.compile(rf"(?:{E._by_first(E._LEGAL)}|{E._TRADES})(?=[\s,.;:)]|$)")
    spans = [m.span() for m in anchor.finditer(ANCHOR_TEXT)]
    assert spans == [m.span() for m in nested.finditer(ANCHOR_TEXT)]
    assert [ANCHOR_TEXT[s:e] for s, e in spans][:4] == ["Aviation", "AS", "Defence", "(Pty) Ltd"]


def test_government_head_as_its_word_boundary_form():
    """`_GOVERNMENT_HEAD` (each head's first letter, then `(?<!\\w.)`) finds what `\\b(?:Government|...)\\b` finds."""
    import re

    from armsledger.extract.entities import _GOVERNMENT_HEAD

    plain = re.compile(r"\b(?:Government|[Pp]residential[ \t]+[Oo]ffice)\b")
    found = [m.span() for m in _GOVERNMENT_HEAD.finditer(ANCHOR_TEXT)]
    assert found == [m.span() for m in plain.finditer(ANCHOR_TEXT)]
    # ("self-Government" holds one: a hyphen is a word's boundary; "Governments" does not)
    assert [ANCHOR_TEXT[s:e] for s, e in found] == ["Government", "presidential office", "Presidential  Office",
                                                     "Government"]
