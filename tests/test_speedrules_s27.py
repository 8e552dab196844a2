"""Session 27's speed work on the rules' reading: each faster path finds what the plain one finds."""
from __future__ import annotations

import pytest

from armsledger.extract import dates, entities, gazetteer, text
from armsledger.extract.prefixes import for_text

LINES = [
    "The deal was signed on Monday. Deliveries begin in 2026.",
    "Mr. Kowal met Gen. Nowak in Warsaw. They spoke of the U.S. offer.",
    "S. Jaishankar said so. The talks ended at 4 p.m. on Friday.",
    "x" * 150 + ". Next sentence starts here.",
    "word." * 40 + " Then a capital.",
    "tab\tended.\tThe next one. \u00a0And a no-break space.",
    "(Reuters) It was sold (for $2 billion.) Then more.",
]


@pytest.mark.parametrize("line", LINES)
def test_the_word_before_a_stop_is_read_without_slicing_the_line(line):
    for m in text._END.finditer(line):
        want = text._WORD_END.search(line[:m.end()])
        got = text._word_before(line, m.end())
        assert (want and (want.span(), want.group(1))) == (got and (got.span(), got.group(1)))


DATELINES = [
    "KUALA LUMPUR, July 8 (Bernama) -- The minister will travel.",
    "Headline of the day\n  NEW DELHI, May 2: The ministry said.",
    "Thursday, November 23\nColombo, December 15\nThe navy said.",
    "No dateline here at all, May 3 was a Friday.",
    "line\n" * 300 + "MINSK, May 15 -- too far down.",
    "",
]


@pytest.mark.parametrize("body", DATELINES)
def test_the_dateline_is_tried_at_line_starts_only(body):
    want = dates._DATELINE.search(body, 0, dates.DATELINE_REACH)
    got = dates._dateline(body)
    assert (want and want.span()) == (got and got.span())


@pytest.mark.parametrize("body, found", [
    ("The frigate arrived on 3 March 2024. The contract was signed the day before.", True),
    ("Talks opened on 3 March 2024 and two days later the deal was signed.", True),
    ("The ship sailed on 3 March 2024; the following day it docked.", True),
    ("The ship sailed on Monday, a day of rain, and docked on Tuesday.", False),
])
def test_days_told_apart_are_found_only_where_a_cue_stands(body, found):
    assert any(cue.search(body) for cue in dates._DAYS_APART_CUES) is found
    kinds = [d.kind for d in dates.find_dates(body, dates.date(2024, 3, 10))]
    assert ("days_apart" in kinds) is found


BYLINES = [
    "by Ann Kowal\nWARSAW -- The ministry said.",
    "  \tby Ann Kowal and Piotr Nowak\nThe text.",
    "Last Updated on Monday, 1 April 2024, 6:18 by Ann Kowal\nThe text.",
    "11th September 2024 - 00:00 GMT | by Ann Kowal in London, UK\nThe text.",
]


@pytest.mark.parametrize("body", BYLINES)
def test_a_lower_case_byline_passes_the_by_check(extractor, body):
    rx = extractor.entity_finder._lower_byline
    assert list(for_text(rx, body).finditer(body))
    assert entities._by_after_blanks(body)


@pytest.mark.parametrize("body", [
    "The jets were ordered by Poland in 2020 and delivered by Lockheed Martin.",
    "It was signed by\nthe minister.",
    "Nothing to see here.",
])
def test_a_by_inside_a_sentence_is_no_byline(extractor, body):
    rx = extractor.entity_finder._lower_byline
    assert not list(for_text(rx, body).finditer(body))
    assert not entities._by_after_blanks(body)


def test_seas_named_together_are_still_found(extractor):
    rec = extractor(__import__("armsledger").Article(
        text="Chinese ships patrol the East and South China Seas, the navy said."))
    names = {e["name"] for e in rec["entities"] if e["kind"] == "location"}
    assert {"East China Sea", "South China Sea"} <= names


SPECIALS = ["at 10 a.m. and/or :-) (^_^) it's that’s", ":'( :-( :( :", "a. . _ . (._.)", "and/", "", "'cause 'em"]


@pytest.mark.parametrize("body", SPECIALS)
def test_special_cases_across_tokens_are_found_by_their_first_two_tokens(extractor, body):
    tok = extractor.gazetteer.tokenizer
    words, _ = tok(body)  # put back together already: compare the plain tokens' candidates instead
    plain = [t for w in body.split() for t in tok.chunk(w)]
    naive = {(i, i + len(seq)) for i, w in enumerate(plain) for seq in tok._special_seqs.get(w, ())
             if tuple(plain[i:i + len(seq)]) == seq}
    paired = {(i, i + len(seq)) for i, w in enumerate(plain) for seq in (
        *tok._special_pairs.get((w, plain[i + 1] if i + 1 < len(plain) else None), ()),
        *tok._special_pairs.get((w, None), ())) if tuple(plain[i:i + len(seq)]) == seq}
    assert naive == paired
    assert "".join(words) == "".join(body.split())


@pytest.mark.parametrize("body", [
    "India signed a deal for 26 Rafale M jets with Dassault Aviation.",
    "The United States Navy and the Royal Australian Navy sailed with HMAS Sydney.",
    "THE DEFENCE MINISTER OF POLAND BOUGHT K2 TANKS.",
    "a\x1fseparator in the text",
])
def test_names_begin_where_the_one_token_keys_say(extractor, body):
    gz = extractor.gazetteer
    doc = gz.make_doc(body)
    firsts = gz._firsts(doc)
    assert (firsts == {}) == ("\x1f" in body)
    for index, tokens in ((gz.lower, doc.lower), (gz.exact, doc.words), (gz.office_index, doc.lower)):
        assert list(gazetteer._matches(index, tokens, firsts.get(id(index)))) == list(gazetteer._matches(index, tokens))
