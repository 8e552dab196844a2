"""Sentences and page noise.

Reads: the article body. Writes: `Sentence` spans. A sentence never crosses
a line break: news bodies put captions, headings and "Read-" links on lines
of their own, and these must not run into the story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "approx",
    "pvt", "jr", "sr", "rs", "prof", "gov", "sen", "rep", "cmdr", "brig", "hon", "dept", "est", "fig", "u.s",
    "u.k", "e.g", "i.e", "u.n", "a.m", "p.m", "etc", "mt", "ft", "govt",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# a "Read-" link's words and the mark after them, shared by a line of noise and a link after a sentence
_READ = r"read(?: more| also)?"
_MARK = r"\s*[-:–—]"
_NOISE = re.compile(rf"^\s*(?:{_READ}{_MARK}|also read\b|advertisement\s*$|photo(?:graph)?\s*(?:credit)?\s*:|"
                    r"image\s*:|leave a comment|please type|share this|follow us|subscribe\b|click here)", re.I)
# a link to another story that a page runs into the paragraph, after a sentence ("... in 2019. Read also: India
# receives its first Rafales", "Related: Poland orders K2 tanks"): that sentence only is noise
_LINK = re.compile(rf"\s*(?:(?:{_READ}|also read|see also){_MARK}|"
                   rf"related(?: stories| articles| news| coverage)?{_MARK})", re.I)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line_start: bool  # first sentence of its line
    noise: bool  # a "Read-" link, an ad marker, a comment form...
    headline: bool  # a short line with no closing punctuation, in title case


def split(text: str) -> list[Sentence]:
    """The sentences of `text`, as spans that index it exactly."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        noise = bool(_NOISE.match(line))
        headline = _is_headline(line)
        begin = line_start
        first = True
        for m in _END.finditer(line):
            word = _word_before(line, m.end())
            if word and m.group().startswith(".") and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if word and re.fullmatch(r"[A-Z]", word.group(1)):
                continue  # an initial: "S. Jaishankar"
            end = line_start + m.end()
            out.append(_make(text, len(out), begin, end, first, noise or _link(text, begin, end), headline))
            first = False
            begin = end
        out.append(_make(text, len(out), begin, line_end, first, noise or _link(text, begin, line_end), headline))
    return [piece for s in out if s.text.strip() for piece in _wrap(text, s)]


def _link(text: str, begin: int, end: int) -> bool:
    """Is the sentence from `begin` a link to another story (`_LINK`)?"""
    return bool(_LINK.match(text, begin, end))


_WORD_END = re.compile(r"([\w.]+)[.!?]+[\"'”’)\]]*$")
_WORD_END_CHARS = re.compile(r"[\w.!?\"'”’)\]]*")


def _word_before(line: str, end: int) -> re.Match[str] | None:
    """`_WORD_END.search(line[:end])`, the word the full stop ends. A match runs to the end over those
    characters only: it starts after the last space (looked for within the last 100 characters), or else, unless
    the last 101 are all such, within the last 100. (`end` is the search's end: no slice of the line is made.)"""
    w = line.rfind(" ", max(0, end - 100), end) + 1
    if not w:
        w = max(0, end - 100)
        if w and _WORD_END_CHARS.fullmatch(line, w - 1, end):
            w = 0
    return _WORD_END.search(line, w, end)


MAX_SENTENCE = 1500  # no reported sentence is longer; a longer run is cut so per-sentence rules stay linear


def _wrap(text: str, s: Sentence) -> list[Sentence]:
    if s.end - s.start <= MAX_SENTENCE:
        return [s]
    out, start = [], s.start
    while s.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append(_make(text, s.index, start, cut, False, s.noise, s.headline))
        start = cut
    out.append(_make(text, s.index, start, s.end, False, s.noise, s.headline))
    return [p for p in out if p.text]


def _make(text: str, index: int, start: int, end: int, first: bool, noise: bool, headline: bool) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(index, start, end, text[start:end], first, noise, headline)


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _is_headline(line: str) -> bool:
    s = line.strip()
    if not s or s[-1] in ".!?\"”'’:" or len(s) > 160:
        return False
    words = _WORD.findall(s)
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6
