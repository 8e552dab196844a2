"""Find catalogue names in the text, token by token, as spaCy's PhraseMatcher does.

Reads: the article body. Writes: `Hit`s, one per non-overlapping name found,
each naming the catalogue entry and the form it was found in (name, alias,
demonym, capital).

Matching ignores case, with two safeguards that keep common words out: an
all-capitals alias of up to five letters ("US", "BDL") matches only in
capitals, and an alias written with a capital and no digit ("Patriot",
"Rafale") matches only where the text has the capital too.

The names are tokenized by spaCy's English tokenizer and indexed by their
tokens (lower-cased, or as written for the all-capitals ones) once per
catalogue: `spacy_index` does it with spaCy itself, and the start-up cache
(`armsledger/cache.py`) keeps the index, so that a run whose catalogues have
not changed neither imports spaCy nor tokenizes 33,000 names. A text is
tokenized by `tokenizer.Tokenizer` (spaCy's rules, without spaCy) and its names
looked up from each token, giving what spaCy's PhraseMatcher gives, in its
order; where several entries claim the same words, the index lists them in
the order spaCy's matcher hands them out, read off the matcher when the index
is built. `tests/test_startup.py` compares both with spaCy's.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter, not_
from pathlib import Path

from .. import cache
from ..catalogue import Catalogue
from ..errors import CatalogueError
from .prefixes import Caseless
from .relevance import DEFENCE_TERMS
from .tokenizer import Tokenizer, rules

# which kind wins when two entries claim exactly the same words
_PRIORITY = {"person": 5, "platform": 4, "organization": 3, "location": 2, "country": 1}
# The index of names: their tokens joined by _SEP -> the key number, or numbers, of the entries they name,
# or _PREFIX where they only begin longer names (as a trie's inner nodes). A text's token holds _SEP only if
# it is whitespace, and no name's token does: a join of text tokens equals a name's only where the tokens are.
_SEP = "\x1f"
_PREFIX = -1
_BY_START = 1 << 40  # above any token's index
_FIRST = itemgetter(0)
_START = attrgetter("start")


_LONG_RUN = re.compile(r"\S{80,}")
# whether there is one: a run begins the text or follows a whitespace character, so `re` tries the run only there
# (searching `_LONG_RUN` tries it at every character and reads each word again from each of its letters)
_LONG_RUN_FIRST = re.compile(r"\S{80}")
_LONG_RUN_AFTER = re.compile(r"\s\S{80}")
# A guarded name (a catalogue's `_guard`: "Apache", "Tiger", "Dauphin", words of other news too) names its entry only
# with a defence word within _CUE_WINDOW characters of it: "the Apache helicopters", "the army's Tigers". The defence
# words are the relevance check's (`relevance.DEFENCE_TERMS`) and the plain names of forces and weapons it leaves to
# context (`_GUARD_NOUNS`: "helicopters", "tanks", "drones", "brigades").
_CUE_WINDOW = 200
_GUARD_NOUNS = re.compile(
    r"(?i)\b(?:militar\w*|coast\s+guard|marine\s+corps|helicopters?|gunships?|aircraft|airframes?|patrol\s+(?:boats?|vessels?)|"
    r"tanks?|armou?red|rocket\s+launchers?|drones?|squadrons?|regiments?|battalions?|brigades?|infantry|procurement|"
    r"sorties?)\b")


# both run as their case-sensitive twins over the lower-cased text where that stands for it (`prefixes.Caseless`:
# the same matches, found faster than with re.I); made at the first guarded name, not at import (~10 ms of compiling)
_DEFENCE_NEAR: list[Caseless] = []


# a dollar amount right after the initials "US" / "U.S." (not "the US"): the initials are the currency's ("worth
# €1.2 billion (U.S. $1.3 billion)", "US $40 million"); a name written out stays a country ("has given Ukraine $2
# billion", "paid the US $4.75 billion")
_CURRENCY_AFTER = re.compile(r" ?\$ ?\d")
_CURRENCY_INITIALS = re.compile(r"(?<!\bthe )(?<!\bThe )\bU\.?S\.?$")


def _defence_near(text: str, start: int, end: int) -> bool:
    """Does a defence word stand in text[start:end]?"""
    if not _DEFENCE_NEAR:
        _DEFENCE_NEAR.extend((Caseless(DEFENCE_TERMS), Caseless(_GUARD_NOUNS)))
    terms, nouns = _DEFENCE_NEAR
    return bool(terms.search(text, start, end) or nouns.search(text, start, end))


# a news agency's credit set off by punctuation the tokenizer keeps on the name: a dateline's "MINSK, May 15.
# /TASS/." and an aggregator's "(MENAFN- Ukrinform)"; the marks become spaces, every offset kept. Each branch
# begins with its mark ("/" after a space is `/(?<=\s/)`), so that `re` jumps from one "/" or "(" to the next instead
# of trying the look-behind at every character (4x faster over the training texts; the same matches)
_AGENCY_MARKS = re.compile(r"/(?<=\s/)(?P<slash>[A-Z][A-Za-z]{1,14})/(?=[.,:\s])|\((?P<dash>[A-Z]{2,15})-(?=\s)")
# a report signed off by its agency on a line of its own, glued to the dashes: "--IANS" ("-" then no other character
# but a line's end before the first dash)
_SIGN_OFF = re.compile(r"-(?<![^\n]-)-(?P<sig>[A-Z]{2,15})(?=[ \t]*(?:\n|$))")


# letters that carry their mark in themselves, not as a combining one NFKD splits off
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                                "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"})


def fold(word: str) -> str:
    """A word without its accents ("Türkiye" -> "Turkiye", "Błaszczak" -> "Blaszczak"); ASCII as it is."""
    if word.isascii():
        return word
    folded = "".join(c for c in unicodedata.normalize("NFD", word.translate(_PLAIN_LETTERS))
                     if not unicodedata.combining(c))
    return folded if folded else word


def fold_lower(words: list[str]) -> list[str]:
    """Each word lower-cased and `fold`ed: only the words not ASCII once lower-cased are handed to `fold` (which
    leaves an ASCII word as it is), found without a Python loop over every word (most reports' words are all ASCII,
    and a report's few accented names no longer make every word of it pass through `fold`)."""
    low = list(map(str.lower, words))
    for i in compress(range(len(low)), map(not_, map(str.isascii, low))):
        low[i] = fold(low[i])
    return low


def _unmark(m: re.Match) -> str:
    return f" {m['slash']} " if m["slash"] else f"({m['dash']} "


@dataclass
class Hit:
    start: int  # character offsets in the body
    end: int
    kind: str
    id: str
    form: str  # name | alias | demonym | capital | plural
    text: str
    tok_start: int = 0
    tok_end: int = 0


def _case_rule(alias: str) -> str:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    if alias.isupper() and not re.search(r"\d", alias) and 1 < len(letters) <= 5:
        return "exact"
    if letters[:1].islower() and not letters.islower():  # "iDEX", "eFP", "nEUROn": a written mark, not "IDEX" or "efp"
        return "exact"
    if alias[:1].isupper() and not re.search(r"\d", alias):
        return "capital"
    return "any"


def _spellings(name: str) -> list[str]:
    """A designation's number joined by a hyphen or a space, both ways: "Leopard 2" / "Leopard-2"; a drive written
    with the sign of multiplication, as many outlets print it: "Jais 4×4", "WMA301 6×6" (9 training reports write a drive so;
    the catalogue's aliases all write "4x4")."""
    out = []
    if re.search(r"\dx\d", name):
        out.append(re.sub(r"(?<=\d)x(?=\d)", "\u00d7", name))
    if re.search(r"[A-Za-z]{3} \d", name):
        out.append(re.sub(r"(?<=[A-Za-z]{3}) (?=\d)", "-", name))
    if re.search(r"[A-Za-z]{3}-\d", name):
        out.append(re.sub(r"(?<=[A-Za-z]{3})-(?=\d)", " ", name))
    return out


@dataclass
class Doc:
    """A tokenized text: each token's text, lower case and start."""

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[i])

    def span(self, s: int, e: int) -> str:
        """The text of tokens s..e-1."""
        return self.text[self.starts[s]:self.end(e - 1)]


class Gazetteer:
    """Every name in a catalogue, indexed by its tokens."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        data = tables(catalogue)
        self.tokenizer = Tokenizer(data["tokenizer"])
        self.keys: list[tuple[str, str, str, str]] = [tuple(k.split(_SEP)) for k in data["keys"]]
        self.lower, self.exact, self.office_index = data["lower"], data["exact"], data["offices"]
        self.office_ids: list[str] = data["office_ids"]
        self._ranks = [_PRIORITY.get(k[0], 0) for k in self.keys]
        self._as_written: dict[tuple[str, str], set[str]] = {
            (kind, id_): set(map(fold, names)) for kind, id_, names in data["as_written"]}
        self._first_tokens: dict[int, frozenset[str]] | None = None

    def make_doc(self, text: str) -> Doc:
        # A run of 80+ characters without a space holds no catalogue name, and the
        # tokenizer's affix rules take quadratic time on it: blank it out, keeping
        # every offset where it was.
        if _LONG_RUN_FIRST.match(text) or _LONG_RUN_AFTER.search(text):
            text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
        if "/" in text or "(" in text:
            text = _AGENCY_MARKS.sub(_unmark, text)
        if "--" in text:
            text = _SIGN_OFF.sub(lambda m: "  " + m["sig"], text)
        words, starts = self.tokenizer(text)
        # names are looked up without their accents, as the index holds each accented name's plain spelling too
        # (`_patterns`): "Turkiye" and "Türkiye", "Erdogan" and "Erdoğan" name one entry, whichever the catalogue writes
        return Doc(text, words, fold_lower(words), starts)

    def offices(self, doc: Doc) -> list[Hit]:
        """Office titles ("Defence Minister", "Kremlin spokesperson"), longest first where they overlap."""
        found = sorted(((s, e, self.office_ids[k]) for s, e, k in _matches(
            self.office_index, doc.lower, self._firsts(doc).get(id(self.office_index)))),
                       key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[Hit] = []
        end = -1
        for s, e, id_ in found:
            if s < end:
                continue
            out.append(Hit(doc.starts[s], doc.end(e - 1), "office", id_, "name", doc.span(s, e), s, e))
            end = e
        return out

    def _firsts(self, doc: Doc) -> dict[int, frozenset[str]]:
        """Each index's keys of one token (by the index's id), the tokens a name can begin with, for `_matches`; none
        where the text holds `_SEP` (a token of it may then be a key of several tokens). Made at the first text."""
        if _SEP in doc.text:
            return {}
        if self._first_tokens is None:
            self._first_tokens = {id(index): frozenset(k for k in index if _SEP not in k)
                                  for index in (self.lower, self.exact, self.office_index)}
        return self._first_tokens

    def __call__(self, doc: Doc) -> list[Hit]:
        """The longest non-overlapping catalogue names in `doc`."""
        raw: list[tuple[int, int, int, tuple[str, str, str, str]]] = []
        words = doc.words
        stop_words = self.tokenizer.stop_words
        keys, ranks = self.keys, self._ranks
        firsts = self._firsts(doc)
        for index, tokens in ((self.lower, doc.lower), (self.exact, words)):
            for s, e, k in _matches(index, tokens, firsts.get(id(index))):
                key = keys[k]
                if key[2] == "guarded" and not _defence_near(
                        doc.text, max(0, doc.starts[s] - _CUE_WINDOW), doc.end(e - 1) + _CUE_WINDOW):
                    continue  # "the Apache Software Foundation": a word of other news, no defence word near it
                if key[3] == "capital":
                    if not words[s][:1].isupper():
                        continue
                    if key[0] in ("organization", "location", "person") and e - s > 1 \
                            and not doc.span(s, e).isupper() and not all(
                            w[:1].isupper() or not w.isalpha() or w.lower() in stop_words for w in words[s:e]) \
                            and fold(doc.span(s, e)) not in self._as_written.get(key[:2], ()):
                        continue  # "the Indian armed forces", "The diplomat said" are not names
                # longest first, then by kind (`_PRIORITY`), then by start: one number that orders as that tuple
                raw.append((((e - s) * 8 + ranks[k]) * _BY_START - s, s, e, key))
        raw.sort(key=_FIRST, reverse=True)  # (ties keep their order: the sort is stable, reversed or not)
        taken = [False] * (len(words) + 1)
        hits: list[Hit] = []
        text, starts = doc.text, doc.starts
        for _, s, e, (kind, id_, form, _rule) in raw:
            if kind == "country":
                end = starts[e - 1] + len(words[e - 1])
                if _CURRENCY_AFTER.match(text, end) and _CURRENCY_INITIALS.search(text, max(0, end - 16), end):
                    continue  # "worth €1.2 billion (U.S. $1.3 billion)": a currency, no mention of the country
            if e - s == 1:
                if taken[s]:
                    continue
                taken[s] = True
            else:
                if any(taken[s:e]):
                    continue
                for i in range(s, e):
                    taken[i] = True
            # a name glued to more letters by a hyphen is part of another word ("Army-2022" is fine)
            end = starts[e - 1] + len(words[e - 1])
            hits.append(Hit(starts[s], end, kind, id_, form, text[starts[s]:end], s, e))
        hits.sort(key=_START)
        return hits


def _matches(names: dict, tokens: list[str], firsts: frozenset[str] | None = None):
    """(start, end, key) of every name in `names` that `tokens` hold, as spaCy's PhraseMatcher gives
    them: by start, then shortest first, then in the index's order of keys. `firsts`, when given, are the keys of
    `names` that are one token and no token of `tokens` holds `_SEP` (`Gazetteer._firsts`): the text's distinct
    tokens are looked up in those, a smaller table than the index (the index's lookups, scattered over some 2 MB,
    waited on memory for most of the gazetteer's time), and each token then in the few found."""
    n = len(tokens)
    begins = names.__contains__ if firsts is None else firsts.intersection(set(tokens)).__contains__
    for i in list(compress(range(n), map(begins, tokens))):  # the tokens a name begins with
        joined = tokens[i]
        j = i + 1
        while True:
            keys = names.get(joined)
            if keys is None:
                break
            if type(keys) is int:
                if keys != _PREFIX:
                    yield i, j, keys
            else:
                for k in keys:
                    yield i, j, k
            if j == n:
                break
            joined = joined + _SEP + tokens[j]
            j += 1


# --------------------------------------------------------------------------- the index, built once


def tables(catalogue: Catalogue) -> dict:
    """The tokenizer's rules and the catalogue's names indexed by their tokens, from the start-up cache
    when the catalogue, this code and spaCy are those it was built with."""
    if not catalogue.stamp:  # a catalogue built in code
        return cache.fetch(None, "", lambda: _build(catalogue))
    stamp = cache.key(catalogue.stamp, Path(__file__), Path(__file__).with_name("tokenizer.py"), _spacy_marker())
    return cache.fetch(f"gazetteer-{catalogue.slot}", stamp, lambda: _build(catalogue))


def _spacy_marker() -> Path | str:
    """spaCy's `about.py` (its version), found without importing spaCy."""
    spec = importlib.util.find_spec("spacy")
    return Path(spec.origin).with_name("about.py") if spec is not None and spec.origin else "no spaCy"


def _patterns(catalogue: Catalogue) -> dict[tuple[str, str, str, str], list[str]]:
    """(kind, id, form, case rule) -> the texts that name it."""
    patterns: dict[tuple[str, str, str, str], list[str]] = {}
    for kind, entries in catalogue.entries.items():
        if kind == "office":
            continue
        rejected = catalogue.rejected.get(kind, set())
        guarded = catalogue.guarded.get(kind, set())
        for e in entries.values():
            forms = [(e.name, "name")] + [(a, "alias") for a in e.aliases]
            if kind == "country":
                forms += [(d, "demonym") for d in e.demonyms] + [(c, "capital") for c in e.capital]
            if kind == "platform":
                forms += [(v, "alias") for f, _ in list(forms) for v in _spellings(f)
                          if v not in {x for x, _ in forms}]
                forms += [(f + "s", "plural") for f, _ in list(forms)
                          if f[-1:].isalnum() and not f.endswith("s")
                          and (len(f) > 3 or len(f) == 3 and any(ch.isdigit() for ch in f))]  # "F-7s", "A-4s"
            for form_text, form in forms:
                form_text = form_text.strip()
                if not form_text or form_text.casefold() in rejected or form_text.casefold() in e.blocked:
                    continue
                if form_text.casefold() in guarded or form == "plural" and form_text[:-1].casefold() in guarded:
                    form = "guarded"
                rule = _case_rule(form_text)
                patterns.setdefault((kind, e.id, form, rule), []).append(form_text)
                plain = fold(form_text)
                if plain != form_text:  # the plain spelling a text without accents writes
                    patterns.setdefault((kind, e.id, form, _case_rule(plain)), []).append(plain)
    return patterns


def _build(catalogue: Catalogue) -> dict:
    """Tokenize every name with spaCy and index it (see the module docstring)."""
    data = spacy_index(catalogue)[0]
    data["as_written"] = _as_written(catalogue)
    return data


def _as_written(catalogue: Catalogue) -> list[list]:
    """Bodies and places the catalogue itself writes with lower-case words in them ("Armada de Chile", "Yantar
    shipyard", "Negev desert"): written just so in a text, they are names, capitals or not (people's names are
    left to the name rules, which take a title before them). [kind, id, names] rows, for the start-up cache."""
    out = []
    for kind in ("organization", "location"):
        for e in catalogue.of_kind(kind).values():
            names = sorted({n for n in e.names() if " " in n and any(w[:1].islower() for w in n.split()[1:])})
            if names:
                out.append([kind, e.id, names])
    return out


def spacy_index(catalogue: Catalogue) -> tuple[dict, dict]:
    """The index as plain data, and spaCy's own tokenizer and matchers over the same names, by which it
    was built (the tests compare the two): "nlp", "lower", "exact", "offices", and "keys" and "office_keys"
    from each matcher's match ids to the index's key numbers."""
    import spacy
    from spacy.attrs import IS_ALPHA, IS_STOP, LOWER
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    # a new word's lexeme computes every lexical attribute spaCy has: only LOWER is read here
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in (LOWER, IS_ALPHA, IS_STOP)}
    lower, exact = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    indexes: dict[str, tuple[PhraseMatcher, dict, dict]] = {"lower": (lower, {}, {}), "exact": (exact, {}, {})}
    keys, by_label = [], {}
    for n, (key, texts) in enumerate(_patterns(catalogue).items()):
        label = "|".join(key)
        keys.append(_SEP.join(key))
        by_label[nlp.vocab.strings[label]] = n
        which = "exact" if key[3] == "exact" else "lower"
        docs = list(nlp.tokenizer.pipe(texts))
        indexes[which][0].add(label, docs)
        _index(indexes[which], docs, n, which == "lower")
    offices = PhraseMatcher(nlp.vocab, attr="LOWER")
    office_index: tuple[PhraseMatcher, dict, dict] = (offices, {}, {})
    office_ids, by_id = [], {}
    for n, e in enumerate(catalogue.of_kind("office").values()):
        names = e.names()
        docs = list(nlp.tokenizer.pipe(names + [p for p in map(fold, names) if p not in names]))
        offices.add(e.id, docs)
        office_ids.append(e.id)
        by_id[nlp.vocab.strings[e.id]] = n
        _index(office_index, docs, n, True)
    tok = nlp.tokenizer
    data = {"tokenizer": rules(), "keys": keys, "lower": _flat(indexes["lower"], by_label, tok),
            "exact": _flat(indexes["exact"], by_label, tok), "offices": _flat(office_index, by_id, tok),
            "office_ids": office_ids}
    return data, {"nlp": nlp, "lower": lower, "exact": exact, "offices": offices, "keys": by_label,
                  "office_keys": by_id}


def _index(index: tuple, docs: list, n: int, lower: bool) -> None:
    """Add key `n` under each doc's tokens (keeping the first text of each token sequence, not its Doc: some
    50,000 Docs held to the end took about 240 MB at the peak of a cold start)."""
    _, names, docs_of = index
    for doc in docs:
        if not len(doc):
            continue
        tokens = [t.lower_ if lower else t.text for t in doc]
        if any(_SEP in t for t in tokens):
            raise CatalogueError(f"{doc.text!r}: a name holds a control character (U+001F)")
        joined = _SEP.join(tokens)
        keys = names.setdefault(joined, [])
        if n not in keys:
            keys.append(n)
            docs_of.setdefault(joined, doc.text)


def _flat(index: tuple, by_hash: dict[int, int], tokenizer) -> dict:
    """The index as stored: where several keys end at the same words, in the order spaCy's matcher gives them
    (over the name tokenized again by `tokenizer`)."""
    matcher, names, docs_of = index
    prefixes = set()
    for joined, keys in names.items():
        tokens = joined.split(_SEP)
        prefixes.update(_SEP.join(tokens[:k]) for k in range(1, len(tokens)))
        if len(keys) > 1:
            doc = tokenizer(docs_of[joined])
            got = [by_hash[m] for m, s, e in matcher(doc) if s == 0 and e == len(doc)]
            if sorted(got) != sorted(keys):
                raise RuntimeError(f"the gazetteer's index disagrees with spaCy's matcher on {doc.text!r}")
            keys[:] = got
    flat: dict[str, int | list[int]] = {joined: keys[0] if len(keys) == 1 else keys for joined, keys in names.items()}
    for p in sorted(prefixes):
        flat.setdefault(p, _PREFIX)
    return flat
