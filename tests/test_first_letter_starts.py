"""Expressions rewritten to begin with a letter, the test of what stands before it moved after that letter (so that
`re` searches for the letter instead of trying every character of the text), find what their first form found: the
same matches with the same groups, in sentences written for the test and in random strings of their words, whole
and between any two positions (the relevance gate searches `DESIGNATION` between bounds)."""
import random
import re

import pytest

from armsledger.extract import entities, gazetteer, values
from armsledger.extract.prefixes import for_text

# the expressions as they were first written (a word boundary or a look-behind first)
FIRST_FORMS = {
    "DESIGNATION": (entities, re.compile(
        r"\b(?P<d>[A-Z]{1,4}-?\d{1,4}(?:[A-Z]{1,3}\d?)?(?:/[A-Z])?|Type[- ]\d{2,3}[A-Z]{0,2}"
        r"|Project[- ]\d{2,5}(?:\.\d)?[A-Z]{0,3}|(?!USD|EUR|GBP|INR|KRW|JPY|RUB|CNY|AUD|CAD|SAR|AED)"
        r"[A-Z]{2,4} \d{2,4}[A-Z]?)(?![\w-])")),
    "_ONE_WORD_CREDIT": (entities, re.compile(
        r"(?m)(?:^|(?<=\()|(?<=[.!?] ))(?:Photo|Picture|Image|Photograph|Credit)s?[ \t]*:[ \t]*"
        r"(?P<a>[A-Z][\w.&-]+)[ \t]*(?:\)|$)")),
    "_GLUED": (values, re.compile(r"\b(?:RM|Rs|P)(?=\d)")),
    "_AGENCY_MARKS": (gazetteer, re.compile(
        r"(?<=\s)/(?P<slash>[A-Z][A-Za-z]{1,14})/(?=[.,:\s])|\((?P<dash>[A-Z]{2,15})-(?=\s)")),
}

SENTENCES = [
    "The navy ordered two Type 054A frigates, a Type-055 destroyer and Project 22160 patrol ships.",
    "Its Project 636.6 submarines and OPV 58S vessels joined the F-16V, AS-550C3 and EC145 fleet.",
    "The deal (USD 100 million, EUR 12 million, CAD 300 million) covers ABCD 1234X kits; XUSD 12 is no code.",
    "Officials in ÉF-16 and _F16 or -F16 and F16- and F16/A wrote İF-16 and K9 and VT4.",
    "A new radar.\nPhoto: Reuters\nThe ship (Picture: AP) sailed. Image: Navy\nCredit: Xinhua) Photograph: ANI",
    "PHOTO: none. Photos : CNA was seen! Credit: Ministry of Defence and Photo:Getty",
    "OSLO, June 3. /NTB/. The army (AFPX- Oslo) said; a/NTB/ link, x /Ab/: and\t/Interfax/ and /ab/ or (AB-x).",
    "It costs RM3.8 billion, Rs40 crore and P18.9-billion; ARs9, éP5, _P5, -P5 and xRM5 are not prices.",
]
WORDS = ["Photo:", "Photos :", "Photograph: CNA", "Picture: AP", "Image:", "Credit: Reuters)", "(Photo: X)",
         "x. Photo: AB", "! Credit: Z", "\nPhoto: Q", "Type 056A", "Type-055", "Project 22160", "Project 636.6",
         "OPV 58S", "USD 100", "EUR 12", "CAD 300", "XCAD 300", "F-16", "AS-550C3", "EC145", "F16/A", "ABCD 1234X",
         "RM3", "Rs40", "/TASS/.", " /Xinhua/,", "/TASS/", "(MENAFN-", "(AB- ", "(ab-", "/", "P18", "xP5", "é", "–", "\n", ":", "(", ".", "?", " ", "İ", "ſ", "K", "2A 22", "a"]


def _found(rx: re.Pattern[str], text: str, *bounds: int) -> list:
    return [(m.span(), m.groups()) for m in for_text(rx, text).finditer(text, *bounds)]


@pytest.mark.parametrize("name", sorted(FIRST_FORMS))
def test_same_matches(name: str) -> None:
    module, first = FIRST_FORMS[name]
    now = getattr(module, name)
    r = random.Random(20261205)
    texts = SENTENCES + [r.choice(("", " ")).join(r.choice(WORDS) for _ in range(30)) for _ in range(1500)]
    assert any(_found(now, t) for t in SENTENCES)
    for text in texts:
        assert _found(now, text) == _found(first, text), text
        a = r.randrange(len(text) + 1)
        b = r.randrange(a, len(text) + 1)
        assert _found(now, text, a, b) == _found(first, text, a, b), (text, a, b)


def test_long_run_found_where_a_run_begins() -> None:
    """The gazetteer tells a run of 80 characters without a space from where such a run begins (the text's start or
    after a whitespace character), as searching `_LONG_RUN` everywhere told it."""
    from armsledger.extract.gazetteer import _LONG_RUN, _LONG_RUN_AFTER, _LONG_RUN_FIRST

    r = random.Random(20261206)
    pieces = ["x" * 79, "y" * 80, "z" * 81, "ab", "https://example.org/" + "a/" * 40, "\n", "\t", " ", "\u00a0",
              "\u2003", "é" * 80, "word"]
    texts = ["", "x" * 80, " " + "x" * 80, "x" * 79 + " " + "x" * 79, "\n" + "q" * 100 + "\n"]
    texts += ["".join(r.choice(pieces) for _ in range(r.randrange(1, 8))) for _ in range(3000)]
    assert any(_LONG_RUN.search(t) for t in texts) and not all(_LONG_RUN.search(t) for t in texts)
    for t in texts:
        assert bool(_LONG_RUN_FIRST.match(t) or _LONG_RUN_AFTER.search(t)) == bool(_LONG_RUN.search(t)), t
