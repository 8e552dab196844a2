"""Issue 10: every pass of extraction linear in the input. The relevance check (`defence_content`) searched each
platform mention's whole sentence for weapon nouns, defence terms and trade verbs, so a long sentence naming a platform
n times was searched n times over: quadratic. It now searches each sentence once (`_Spans`). Counted, not timed."""
from __future__ import annotations

import bisect
import re

import pytest

from armsledger import Article
from armsledger.extract import relevance
from armsledger.extract.relevance import _BY, _GOODS_AFTER, TRADE_VERBS, _Spans


class _Counting:
    """A compiled pattern that counts the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern, tally: list[int]):
        self._pattern, self._tally = pattern, tally

    def _count(self, string: str, pos: int = 0, endpos: int | None = None):
        self._tally[0] += len(string[pos:endpos])
        return string, pos, len(string) if endpos is None else endpos

    def search(self, string, pos=0, endpos=None):
        return self._pattern.search(*self._count(string, pos, endpos))

    def finditer(self, string, pos=0, endpos=None):
        return self._pattern.finditer(*self._count(string, pos, endpos))

    def __getattr__(self, name):
        return getattr(self._pattern, name)


def _searched(extractor, monkeypatch, text: str) -> int:
    tally = [0]
    for name in ("_WEAPON_NOUNS", "DEFENCE_TERMS", "TRADE_VERBS", "_STATECRAFT"):
        monkeypatch.setattr(relevance, name, _Counting(getattr(relevance, name), tally))
    extractor(Article(text=text))
    monkeypatch.undo()
    return tally[0]


@pytest.mark.parametrize("phrase", ["has picked the Gripen ", "Norway and Chile have picked the Rafale and the Tiger, "])
def test_one_long_sentence_is_searched_in_linear_time(extractor, monkeypatch, phrase):
    small, large = (_searched(extractor, monkeypatch, phrase * n) for n in (100, 400))
    assert small > 0
    assert large <= 5 * small  # four times the text: about four times the search, not sixteen


def _paragraph_around(body: str, pos: int) -> tuple[int, int]:
    """The paragraph holding `pos`, scanned for from it (the check before issue 10)."""
    end = body.find("\n", pos)
    return body.rfind("\n", 0, pos) + 1, len(body) if end < 0 else end


def _sentence_around(body: str, pos: int) -> tuple[int, int]:
    """The sentence (or line) holding `pos`, scanned for from it by full stops and line breaks (the check before
    issue 10)."""
    starts = [body.rfind(c, 0, pos) for c in ".!?\n"]
    ends = [x for x in (body.find(c, pos) for c in ".!?\n") if x >= 0]
    return max(starts) + 1, min(ends, default=len(body))


@pytest.mark.parametrize("body", [
    "Chile has ordered six Gripen jets.\nThe deal was signed in March! Was it? Yes",
    "No stops at all in this line",
    ".\n.Leading stop and a trailing break\n",
    "Two paragraphs.\n\nThe second one, with a question? And an end.",
])
def test_sentences_and_paragraphs_are_those_of_the_scanning_functions(body):
    spans = _Spans(body)
    for pos in range(len(body) + 1):
        assert spans.sentence(pos) == _sentence_around(body, pos)
        assert spans.paragraph(pos) == _paragraph_around(body, pos)


def _traded_by_rescanning(body, mention, start, end, countries) -> bool:
    """The check as it was before issue 10: every trade verb of the sentence read for every mention."""
    at, stop = mention["start"], mention["start"] + len(mention.get("text") or "")
    if _GOODS_AFTER.match(body, stop):
        return False
    first = bisect.bisect_left(countries, start)
    named = [c for c in countries[first:bisect.bisect_left(countries, end, first)] if not at <= c < stop]
    if not named:
        return False
    for verb in TRADE_VERBS.finditer(body, start, end):
        if verb.end() <= at and any(c < verb.start() for c in named):
            return True
        by = _BY.match(body, verb.end()) if verb.start() >= stop else None
        if by and any(c >= by.end() for c in named):
            return True
    return False


_COUNTRIES = ("Chile", "Norway", "Qatar", "Greece", "Peru", "Brazil")


@pytest.mark.parametrize("body, name, bought", [
    ("Chile has ordered the Rafale.", "Rafale", True),
    ("The Rafale, already bought by Qatar and Greece, flew.", "Rafale", True),
    ("The Rafale was sold to many air forces, Qatar said.", "Rafale", False),
    ("Peru said the Tiger it exported was old.", "Tiger", False),
    ("The Tiger was then ordered by Brazil, and the Rafale by Peru.", "Rafale", False),
    ("The Tiger was then ordered by Brazil, and the Rafale by Peru.", "Tiger", True),
    ("Norway bought Jaguar cars exported by Britain.", "Jaguar", False),
    ("The Apache, Chile and Peru said, was purchased last year.", "Apache", False),
    ("Brazil exported the Patriot and then Norway purchased the Patriot, the Patriot sold by Chile.", "Patriot", True),
])
def test_a_country_buying_the_named_platform_is_found_as_before(body, name, bought):
    countries = sorted(m.start() for c in _COUNTRIES for m in re.finditer(c, body))
    spans = _Spans(body)
    for found in re.finditer(name, body):
        mention = {"start": found.start(), "text": name}
        start, end = spans.sentence(found.start())
        assert relevance._traded(spans, mention, start, end, countries) == \
            _traded_by_rescanning(body, mention, start, end, countries)
    mentions = [{"start": m.start(), "text": name} for m in re.finditer(name, body)]
    assert any(relevance._traded(spans, m, *spans.sentence(m["start"]), countries) for m in mentions) == bought
