"""The entity finder's whole-text expressions rewritten for speed find what their plain forms find.

Each rewritten expression is compared with the form it replaced (kept here) over sentences written for this test and
over random strings of their words, spans and groups, with and without the ASCII variants the finder uses.
"""
from __future__ import annotations

import functools
import random
import re

import pytest

from armsledger.extract import entities as E
from armsledger.extract.prefixes import for_text

NAME, LINE_NAME = E.NAME, E._LINE_NAME

SENTENCES = [
    "Kestrel Tactical Solutions (KTS) won the order, and KTS will build the first two.",
    "The Centre for Strategic and Budgetary Studies (CSBS) said so; CSBS had warned of it.",
    "Hanwha Ocean Co., Ltd. and Norvik Arms AS signed; Karoo Defence (Pty) Ltd and Tulsky Arms JSC did not.",
    "Osaka Precision Industries, Morava Arms s.r.o. and Vega Shipyards Private Limited bid.",
    "The Polish Embassy in Seoul said the Korean government had approved it; the French presidency did not comment.",
    "Ann Kowal, who heads the agency, said the deal was close.\nPiotr Nowak, a senior defence official, agreed.",
    "However, Lee Min-ho, the Deputy Defence Minister, said no. Sergey Kornev, a representative of the firm, spoke.",
    "Reporting by Ann Kowal in Warsaw; editing by Piotr Nowak and Lee Min-ho",
    "Report compiled by Ann Kowal. Production: Piotr Nowak. Video by Lee Min-ho",
    "Written by Ann Kowal\nTranslated by Piotr Nowak\nEditors: Lee Min-ho, Ann Kowal",
    "The navy signs for more frigates By Ann Kowal SEOUL, May 2",
    "Ann Kowal\n, defence correspondent\nPiotr Nowak, Senior Associate Editor",
    "ANN KOWAL, COLUMNIST",
]
WORDS = ("Ann Kowal Piotr Nowak Lee Min-ho , ; . : \n ( ) KTS (KTS) (CSBS) Co., Ltd. Ltd AS JSC (Pty) Private Limited "
         "Industries Embassy embassy government presidency Presidency who heads a senior defence official the Deputy "
         "Minister However, Reporting reporting editing Editing by in Warsaw Report compiled Compiled Production Video "
         "Written Translated Edited Text Editor Editors: By correspondent Editor COLUMNIST writer ſ K x9").split(" ")


def _random_texts(n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    seps = [" ", " ", "", "  ", ": ", "; ", "\n", ", ", " (", ") "]
    return ["".join(r.choice(WORDS) + r.choice(seps) for _ in range(r.randint(1, 16))) for _ in range(n)]


@functools.lru_cache(maxsize=1)
def _finder():
    from armsledger.catalogue import load
    return E.EntityFinder(load())


def _same(old, new, texts: list[str]) -> None:
    for t in texts:
        a = [(m.span(), m.groupdict()) for m in old.finditer(t)]
        b = [(m.span(), m.groupdict()) for m in new.finditer(t)]
        assert a == b, t


PLAIN = {
    "_embassy": r"\b(?P<who>[A-Z][\w.'-]*)\s+(?P<what>embassy|presidency|government|Embassy|Presidency)"
                r"(?:\s+in\s+(?P<where>[A-Z][\w-]+))?",
    "_credit_more": rf"\b(?:(?:Written|Translated|Edited|Text)\s+by|Editors?:|By(?<=[a-z0-9] By)(?=\s+[A-Z][a-z]))\s+"
                    rf"(?P<names>{LINE_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){LINE_NAME})*)",
    "_credit": rf"(?P<what>Production|Reporting|Editing|Writing|Additional reporting|Video|Photo|"
               rf"(?<=; )(?:editing|writing|additional reporting)|(?<=, )(?:editing|writing|additional reporting)(?=\s+by\b)|"
               rf"(?:Report\s+)?[Cc]ompiled)(?:\s+by)?:?\s+"
               rf"(?P<names>{NAME}(?:\s+in\s+[A-Z][\w-]+)?(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){NAME}(?:\s+in\s+[A-Z][\w-]+)?)*)",
}


@pytest.mark.parametrize("attr", sorted(PLAIN))
def test_first_letter_forms_find_the_same(attr):
    new = getattr(_finder(), attr)
    old = re.compile(PLAIN[attr])
    texts = SENTENCES + _random_texts(3000, 11)
    _same(old, new, texts)
    for t in texts:  # and their ASCII variants, as the finder may run them
        _same(for_text(old, t), for_text(new, t), [t])


def test_legal_forms_and_institutions_grouped_by_first_letter():
    f = _finder()
    legal = re.compile(rf"\b(?P<name>(?:[A-Z][\w&'’.-]*\s+){{1,5}}(?:{E._LEGAL}|"
                       rf"(?:{E._TRADES})(?![ \t]+(?:[A-Z]|&))(?<!e(?=[ \t]+and[ \t]+[A-Z]))))(?=[\s,.;:)]|$)")
    texts = SENTENCES + _random_texts(3000, 12)
    _same(legal, f._legal, texts)
    _same(re.compile(rf"(?:{E._LEGAL}|{E._TRADES})(?=[\s,.;:)]|$)"), f._legal.anchor, texts)
    _same(re.compile(rf"(?:{E._INSTITUTION_HEADS})\b"), f._institution.anchor, texts)


def test_by_first_keeps_the_order_within_a_letter_and_refuses_what_it_cannot_group():
    assert E._by_first("a|b|ab|c(?:d|e)|\\(x\\)") == "(?:a(?:|b)|b|c(?:(?:d|e))|\\((?:x\\)))"
    assert re.match(E._by_first("Ltd|Ltd\\.?|Limited"), "Ltd.").group() == "Ltd"  # "Ltd" first, as in the plain form
    for bad in (r"\w+|A", "A?b|c", "(?:x)|y", "[ab]c|a", ".x|a", r"\d|1"):
        with pytest.raises(ValueError):
            E._by_first(bad)


def test_bodies_by_acronym_and_opening_appositions_looked_for_around_their_anchor():
    f = _finder()
    abbr = re.compile(r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|on|in|de|du|des|&)\s+)*[A-Z][\w'’&.-]*){1,7})"
                      r"\s+\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)")
    texts = SENTENCES + _random_texts(3000, 13)
    _same(abbr, E._ABBR_AFTER, texts)
    _same(f._opening_appos.rx, f._opening_appos, texts)


def test_line_bylines_skipped_only_where_none_can_match():
    f = _finder()
    texts = SENTENCES + _random_texts(3000, 14) + ["Ann Kowal, ſenior COLUMNIſT", "Ann Kowal, WRİTER"]
    for t in texts:
        if not E._may_hold(t, E._BYLINE_WORDS):
            assert f._line_byline.search(t) is None, t
    assert E._may_hold("Ann Kowal, WRİTER", E._BYLINE_WORDS)
    assert not E._may_hold("Ann Kowal said so.", E._BYLINE_WORDS)
