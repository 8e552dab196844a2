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


# --------------------------------------------------------------------------- name-led and word-led scans

SCAN_TEXT = ("The radar was built by Kestrel Works, and the hull made by Orvane Marine for the navy. Soldiers in the "
             "Lagos State and from Benue County met those of Rivers State. Kowal Arms, a shipbuilder based in Gdynia, "
             "and The Orvane Group, the firm, signed. However, Apex Defence, a maker of drones, and Zeta, the gun "
             "maker, said the rebuilt-by-hand boats, rebuilt by Nord Yards, were sold. In Tulsky Arms, a supplier.")


@pytest.mark.parametrize("name, words", [
    ("_MAKER_BY", "built|made|manufactured|produced|developed|designed|co-developed"),
    ("_STATE_IN", "in|of|near|across|from"),
])
def test_word_led_scans_find_what_their_word_boundary_forms_find(name, words):
    """A scan led by words (`_lead`: each word's first letter, then `(?<!\\w.)`) finds what the same expression led
    by `\\b(?:words)` finds, groups and all."""
    import re

    from armsledger.extract import entities as E

    rx = getattr(E, name)
    lead = E._lead(words)
    assert rx.pattern.startswith(lead)
    old = re.compile(rf"\b(?:{words})" + rx.pattern[len(lead):])
    got = [(m.span(), m.groupdict()) for m in rx.finditer(SCAN_TEXT)]
    assert got == [(m.span(), m.groupdict()) for m in old.finditer(SCAN_TEXT)]
    assert len(got) >= 2  # the sentences hold some


def test_body_before_noun_capital_read_first():
    """`_BODY_BEFORE_NOUN` reads the name's first capital, then tests behind it what a name may not open with: the
    names it finds are those the look-ahead-first form finds ("The Orvane Group" is read from "Orvane", "However,
    Apex Defence" from "Apex")."""
    import re

    from armsledger.extract import entities as E

    old = re.compile(r"(?P<name>(?!(?:The|In|On|At|A|An|And|But|This|That|It|He|She|They|However|Also|By)\b)"
                     r"[A-Z][\w&'’.-]*(?:[ \t](?:&[ \t])?[A-Z][\w&'’.-]*){0,3})," + E._FIRM_NOUN_AFTER.pattern)
    got = [(m.span(), m["name"]) for m in E._BODY_BEFORE_NOUN.finditer(SCAN_TEXT)]
    assert got == [(m.span(), m["name"]) for m in old.finditer(SCAN_TEXT)]
    assert {"Orvane Group", "Apex Defence", "Zeta", "Tulsky Arms"} <= {n for _, n in got}


def test_x_network_needs_its_letter():
    """The social network X is found where it is named; a text without a capital X is not scanned (nothing there)."""
    from armsledger.extract.entities import Entities, EntityFinder

    text = "The ministry said on X (formerly Twitter) that the jets arrived."
    ents = Entities()
    EntityFinder._x_network(text, ents)
    assert any(e.name in ("X", "Twitter") or "X" in e.name for e in ents.all())
    ents = Entities()
    EntityFinder._x_network("The ministry said on x that the jets arrived.", ents)
    assert not ents.all()
