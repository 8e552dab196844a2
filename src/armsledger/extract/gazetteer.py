"""Find catalogue names in the text with spaCy's tokenizer and PhraseMatcher.

Reads: the article body. Writes: `Hit`s, one per non-overlapping name found,
each naming the catalogue entry and the form it was found in (name, alias,
demonym, capital).

Matching ignores case, with two safeguards that keep common words out: an
all-capitals alias of up to five letters ("US", "BDL") matches only in
capitals, and an alias written with a capital and no digit ("Patriot",
"Rafale") matches only where the text has the capital too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import spacy
from spacy.attrs import IS_ALPHA, IS_STOP, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..catalogue import Catalogue

# which kind wins when two entries claim exactly the same words
_PRIORITY = {"person": 5, "platform": 4, "organization": 3, "location": 2, "country": 1}


_LONG_RUN = re.compile(r"\S{80,}")
_CACHE_CHUNKS = 200_000  # distinct chunks whose tokens are cached (spaCy's default is 10,000)


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
    if alias[:1].isupper() and not re.search(r"\d", alias):
        return "capital"
    return "any"


def _spellings(name: str) -> list[str]:
    """A designation's number joined by a hyphen or a space, both ways: "Leopard 2" / "Leopard-2"."""
    out = []
    if re.search(r"[A-Za-z]{3} \d", name):
        out.append(re.sub(r"(?<=[A-Za-z]{3}) (?=\d)", "-", name))
    if re.search(r"[A-Za-z]{3}-\d", name):
        out.append(re.sub(r"(?<=[A-Za-z]{3})-(?=\d)", " ", name))
    return out


class Gazetteer:
    """PhraseMatchers over every name in a catalogue."""

    def __init__(self, catalogue: Catalogue, nlp: spacy.Language | None = None) -> None:
        if nlp is None:
            nlp = spacy.blank("en")
            # a new word's lexeme computes every lexical attribute spaCy has (shape, like_num, like_url, ...);
            # matching reads LOWER and ORTH and `__call__` is_alpha and is_stop: the rest is not computed
            getters = nlp.vocab.lex_attr_getters
            nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in (LOWER, IS_ALPHA, IS_STOP)}
        self.nlp = nlp
        self.nlp.max_length = 50_000_000
        self.catalogue = catalogue
        # spaCy caches the tokens of each whitespace-separated chunk, but within one call it stops
        # caching after the first special case ("'s", "Mr.", ...), which in news text comes early: most
        # chunks were split by the affix rules again and again. `make_doc` tokenizes every chunk it
        # has not seen before on its own once, which caches it; the Doc then reads the cache.
        self.nlp.tokenizer.max_cache_size = max(self.nlp.tokenizer.max_cache_size, _CACHE_CHUNKS)
        self._primed: set[str] = set()
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, str, str, str]] = {}
        patterns: dict[tuple[str, str, str, str], list[str]] = {}
        for kind, entries in catalogue.entries.items():
            if kind == "office":
                continue
            rejected = catalogue.rejected.get(kind, set())
            for e in entries.values():
                forms = [(e.name, "name")] + [(a, "alias") for a in e.aliases]
                if kind == "country":
                    forms += [(d, "demonym") for d in e.demonyms] + [(c, "capital") for c in e.capital]
                if kind == "platform":
                    forms += [(v, "alias") for f, _ in list(forms) for v in _spellings(f)
                              if v not in {x for x, _ in forms}]
                    forms += [(f + "s", "plural") for f, _ in list(forms)
                              if f[-1:].isalnum() and not f.endswith("s") and len(f) > 3]
                for form_text, form in forms:
                    form_text = form_text.strip()
                    if not form_text or form_text.casefold() in rejected or form_text.casefold() in e.blocked:
                        continue
                    rule = _case_rule(form_text)
                    patterns.setdefault((kind, e.id, form, rule), []).append(form_text)
        self.office_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for e in catalogue.of_kind("office").values():
            self.office_matcher.add(e.id, list(self.nlp.tokenizer.pipe(e.names())))
        for key, texts in patterns.items():
            label = "|".join(key)
            matcher = self.exact if key[3] == "exact" else self.lower
            docs = list(self.nlp.tokenizer.pipe(texts))
            matcher.add(label, docs)
            self.keys[self.nlp.vocab.strings[label]] = key

    def make_doc(self, text: str) -> Doc:
        # A run of 80+ characters without a space holds no catalogue name, and the
        # tokenizer's affix rules take quadratic time on it: blank it out, keeping
        # every offset where it was.
        if _LONG_RUN.search(text):
            text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
        primed = self._primed
        if len(primed) < _CACHE_CHUNKS:
            new = set(text.split())
            new -= primed
            if new:
                tokenizer = self.nlp.tokenizer
                for chunk in new:
                    tokenizer(chunk)  # caches the chunk's tokens unless it holds a special case
                primed |= new
        return self.nlp.make_doc(text)

    def offices(self, doc: Doc) -> list[Hit]:
        """Office titles ("Defence Minister", "Kremlin spokesperson"), longest first where they overlap."""
        found = sorted(((s, e, self.nlp.vocab.strings[mid]) for mid, s, e in self.office_matcher(doc)),
                       key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[Hit] = []
        end = -1
        for s, e, id_ in found:
            if s < end:
                continue
            span = doc[s:e]
            out.append(Hit(span.start_char, span.end_char, "office", id_, "name", span.text, s, e))
            end = e
        return out

    def __call__(self, doc: Doc) -> list[Hit]:
        """The longest non-overlapping catalogue names in `doc`."""
        raw: list[tuple[int, int, tuple[str, str, str, str]]] = []
        for matcher in (self.lower, self.exact):
            for match_id, s, e in matcher(doc):
                key = self.keys[match_id]
                if key[3] == "capital" and not doc[s].text[:1].isupper():
                    continue
                if key[3] == "capital" and key[0] in ("organization", "location", "person") and e - s > 1 \
                        and not doc[s:e].text.isupper() and not all(
                        t.text[:1].isupper() or not t.is_alpha or t.is_stop for t in doc[s:e]):
                    continue  # "the Indian armed forces", "The diplomat said" are not names
                raw.append((s, e, key))
        raw.sort(key=lambda x: (-(x[1] - x[0]), -_PRIORITY.get(x[2][0], 0), x[0]))
        taken = [False] * (len(doc) + 1)
        hits: list[Hit] = []
        for s, e, (kind, id_, form, _rule) in raw:
            if any(taken[s:e]):
                continue
            # a name glued to more letters by a hyphen is part of another word ("Army-2022" is fine)
            for i in range(s, e):
                taken[i] = True
            span = doc[s:e]
            hits.append(Hit(span.start_char, span.end_char, kind, id_, form, span.text, s, e))
        hits.sort(key=lambda h: h.start)
        return hits
