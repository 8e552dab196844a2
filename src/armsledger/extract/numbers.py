"""Numbers as reporters write them: digits with separators, words, and scale
words ("6.1 lakh", "two to three", "Rs 40,000 crore", "six billion")."""
from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "million": 1e6,
    "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trln": 1e12,
    "lakh crore": 1e12, "dozen": 12,
}

NUMBER_WORDS = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
# a number: 40,000 | 5.43 | 6,1 (no) | twenty-four | a dozen | half a
NUM = (rf"(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})++(?:\.\d++)?(?![\d,])|\d{{1,3}}(?:,\d{{2}})++,\d{{3}}(?![\d,])|\d++(?:\.\d++)?"
       rf"|(?:{NUMBER_WORDS})(?:[- ](?:{NUMBER_WORDS}))?|a dozen|dozens of|a hundred|half a|a couple of)")
SCALE = (r"(?:lakh crore|thousand|lakhs?|lac|millions?|mln|mn|crores?|cr|billions?|bln|bn|trillion|trln|tn|hundred"
         r"|m|b|k)")
NUM_RE = re.compile(NUM, re.I)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None if it is not one.

    >>> parse_number("40,000"), parse_number("twenty-four"), parse_number("a dozen")
    (40000.0, 24.0, 12.0)
    """
    t = text.strip().lower().replace("\u2009", "").replace(" ", " ")
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t.replace(",", ""))
        except ValueError:
            return None
    if t == "a dozen":
        return 12.0
    if t == "dozens of":
        return None  # many, not a count: "dozens of F-16s" is not twelve (the gold gives none)
    if t == "a hundred":
        return 100.0
    if t == "half a":
        return 0.5
    if t == "a couple of":
        return 2.0
    total = 0.0
    for part in re.split(r"[- ]", t):
        if part in UNITS_WORDS:
            total += UNITS_WORDS[part]
        elif part in TENS_WORDS:
            total += TENS_WORDS[part]
        else:
            return None
    return total


_SPACES = re.compile(r"\s+")

def scale_of(word: str | None) -> float:
    """The multiplier of a scale word ("crore" -> 1e7); 1 when there is none."""
    if not word:
        return 1.0
    w = _SPACES.sub(" ", word.strip().lower())
    return SCALES.get(w, 1.0)
