"""The relevance gate: can an article hold an arms deal or a defence event at all? One pass, before extraction.

Reads: the article text and the catalogue. Writes: a `Verdict` (passed or not, and the words that decided).

Extraction gives deals and events only to an article with defence content (`relevance.defence_content`);
the gate passes every article that could have it, and so it checks a necessary condition of each of
relevance's tests with one pass of an Aho-Corasick automaton (ahocorasick-rs, chosen by measurement:
`bench/stream_bench.py`) over the lower-cased text, words bounded by spaces:

- a defence term (the words of `relevance.DEFENCE_TERMS`, by their stems) -> passes;
- a catalogue platform name with a digit (S-400, F-35) -> passes; one without (Patriot, Rafale) only with a
  weapon noun (`relevance._WEAPON_NOUNS`), or a trade verb (`relevance.TRADE_VERBS`: "ordered", "bought") and a
  country's name, demonym or capital, or a catalogue body or person of a country, in the same article;
- a catalogue organisation relevance counts as defence (armed services, state exporters, armed groups,
  ministries and bodies with defence in their name), an armed service named by its form ("Coast Guard") -> passes;
- a military office title (General, Admiral, ...) before a capitalised word or after a comma, a catalogue
  person holding a defence office, by a catalogue name (a surname alone is not enough) -> passes;
- a noun that follows an unknown designation ("XX-123 missiles") or heads a named system ("... Systems (ABC)")
  -> the extractor's own patterns for those are run on the text, and pass it when they match.

Matching ignores case except where the gazetteer does not (short all-capitals aliases, capitalised names).
Nothing else is read: an article the gate passes over could only have been given an empty record of deals
and events (its entities are not extracted). `tests/test_gate.py` checks that it keeps every article of
every gold set holding a deal or an event, and every article the extractor gives one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from .. import cache
from ..catalogue import Catalogue
from .shapes import _NAMED_HEAD_CATEGORY, ACRONYM_PLATFORM, DESIGNATION, NAMED_TYPE, SHIP_CLASS, WEAPON_NOUN_AFTER

# `relevance` (~0.04 s of CPU to import) is read only to build the gate, which the start-up cache spares an ingest
# most of the time: imported there, and for `TRADE_VERBS` (`__getattr__`)

# Stems of every word and phrase relevance.DEFENCE_TERMS and relevance._DEFENCE_NAME accept, and of armed
# services named by their form. "*" ends a stem (the word may go on: "weapon*" for weapons, weaponry); the
# others are whole words. Each is matched from the start of a word.
TERMS = (
    "arms", "weapon*", "armament*", "munition*", "ammunition", "ordnance", "artiller*", "howitzer*", "missile*",
    "warhead*", "militar*", "armed forces", "army", "armies", "navy", "navies", "naval", "air force*", "marines",
    "troops", "soldiers", "warship*", "submarine*", "frigate*", "corvette*", "destroyer*", "aircraft carrier*",
    "gunboat*", "fighter jet*", "fighter aircraft", "fighter plane*", "warplane*", "combat aircraft", "combat jet*",
    "combat helicopter*", "combat drone*", "combat vehicle*", "attack helicopter*", "battle tank*",
    "armored vehicle*", "armoured vehicle*", "air defen*", "air-defen*", "missile defen*", "defence*", "defense*",
    "pentagon", "nato", "nuclear weapon*", "nuclear arsenal", "nuclear warhead*", "drills", "war", "war games",
    "security assistance", "coast guard", "space force", "special forces", "marine corps",
)
# what relevance counts as a weapon noun, by stem
WEAPON_NOUNS = (
    "jet*", "aircraft", "plane*", "fighter*", "bomber*", "helicopter*", "chopper*", "drone*", "tank*", "ship*",
    "vessel*", "boat*", "submarine*", "subs", "frigate*", "system*", "batter*", "launcher*", "missile*", "rocket*",
    "gun*", "rifle*", "howitzer*", "vehicle*", "variant*", "fleet", "squadron*", "units",
)


def __getattr__(name: str):
    if name == "TRADE_VERBS":  # the forms relevance.TRADE_VERBS accepts, whole words
        from .relevance import TRADE_WORDS

        return TRADE_WORDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_DEFENCE_ORG_TYPES = ("armed service", "state exporter", "armed group")
_NAMED_ORG_TYPES = ("ministry", "government body", "agency", "intergovernmental organization", "research institute")

STRONG, PLATFORM_WORD, WEAPON, TRADE, COUNTRY, SHAPE, OFFICE = (
    "defence", "platform", "weapon", "trade", "country", "designation", "office")


@dataclass
class Verdict:
    """Whether an article passed the gate, and why (the words that decided, at most a few)."""

    passed: bool
    why: str = ""

    def __bool__(self) -> bool:
        return self.passed


class Gate:
    """An Aho-Corasick automaton over the catalogue's defence names and the defence terms.

    Example:
        >>> gate = Gate(load())
        >>> gate("India signed for 26 Rafale M jets.").passed
        True
        >>> gate("The council approved the new bus timetable.").passed
        False
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self._setup(catalogue.slot, catalogue.stamp, lambda: self._build(catalogue))

    @classmethod
    def of_catalogues(cls, extra: str | None = None, identity: tuple[str, str] | None = None) -> Gate:
        """The gate of the catalogues `catalogue.load(extra)` gives, read from the start-up cache without loading
        them (the cache's name and key come from their files: `catalogue.identity`, or `identity` if given);
        loaded and built on a miss."""
        from .. import catalogue

        slot, stamp = identity or catalogue.identity(extra)

        def build() -> dict:
            loaded = catalogue.load(extra)
            if (loaded.slot, loaded.stamp) != (slot, stamp):  # loaded before its files were edited: what they say now
                catalogue._load_cached.cache_clear()  # (not the old catalogue stored under the new files' stamp)
                loaded = catalogue.load(extra)
            return gate._build(loaded)

        gate = cls.__new__(cls)
        gate._setup(slot, stamp, build)
        return gate

    def _setup(self, slot: str, catalogue_stamp: str, build) -> None:
        # b" word" or b" word " (whole) -> (group, case rule, the name's hyphenated form or None); read from the
        # start-up cache (armsledger/cache.py) where the catalogue and this code are those it was built from
        here = Path(__file__).parent
        stamp = cache.key(catalogue_stamp, *(here / f"{m}.py" for m in ("gate", "relevance", "gazetteer", "shapes")))
        built = cache.fetch(f"gate-{slot}" if catalogue_stamp else None, stamp, build)
        # kept compact (one string of the words, each word's entries by number in a table of the distinct ones):
        # read in a few C calls instead of a tuple built per word, at every ingest's start; a word's entries are
        # looked up through `_of` when it is found, as JSON gave them ([group, rule, shape as Latin-1 text or None]),
        # not turned into tuples for every word here
        self.words = built["words"].encode("latin-1").split(b"\n")
        self._names = [w.strip() for w in built["words"].split("\n")]  # a-z, 0-9 and spaces only (`_normal`)
        self._table = built["table"]
        self._of = built["of"]
        self.automaton = ahocorasick_rs.BytesAhoCorasick(self.words)

    def _build(self, catalogue: Catalogue) -> dict:
        """The words and what each stands for, as plain data (bytes as Latin-1 text)."""
        from . import relevance

        self._entries: dict[bytes, list[tuple[str, str, bytes | None]]] = {}
        for word in TERMS:
            self._add(word.rstrip("*"), STRONG, "any", not word.endswith("*"))
        for word in WEAPON_NOUNS:
            self._add(word.rstrip("*"), WEAPON, "any", not word.endswith("*"))
        for word in relevance.TRADE_WORDS:  # TRADE_VERBS
            self._add(word, TRADE, "any", True)
        # the nouns after which extraction looks for an unknown platform's name (`shapes`: WEAPON_NOUN_AFTER,
        # NAMED_TYPE's heads, SHIP_CLASS, ACRONYM_PLATFORM's heads)
        for noun in ("jet", "fighter", "aircraft", "missile", "system", "drone", "helicopter", "gunship", "tank",
                     "submarine", "frigate", "corvette", "howitzer", "rifle", "radar", "vehicle", "launcher", "bomber",
                     "transport", "trainer", "destroyer", "engine", "interceptor", "plane", "ship", "vessel", "boat",
                     "cutter", "apc", "carrier", "gun", "dock", "class"):
            self._add(noun, SHAPE, "any", False)
        self._add_catalogue(catalogue)
        table: dict[tuple, int] = {}
        of = [table.setdefault(tuple(v), len(table)) for v in self._entries.values()]
        return {"words": b"\n".join(self._entries).decode("latin-1"), "of": of,
                "table": [[[g, r, None if sh is None else sh.decode("latin-1")] for g, r, sh in t] for t in table]}

    def _add(self, word: str, group: str, rule: str, whole: bool) -> None:
        """`whole`: the word ends where a letter or digit does not follow."""
        word = word.strip()
        key = _normal(word)
        if key.strip():
            # "AT-6" is one token to the gazetteer, and "at 6" in the text is not it: the hyphen must be there
            shape = _utf8(word.lower()) if _HYPHEN_DIGIT.search(word) else None
            self._entries.setdefault(b" " + key + (b" " if whole else b""), []).append((group, rule, shape))

    def _add_catalogue(self, catalogue: Catalogue) -> None:
        from . import relevance
        from .gazetteer import _case_rule, _spellings

        for e in catalogue.of_kind("platform").values():
            names = [n.strip() for n in [*e.names(), *e.shared_aliases]]
            for name in names + [v for n in names for v in _spellings(n)]:  # "Leopard 2" and "Leopard-2" alike
                group = STRONG if any(ch.isdigit() for ch in name) else PLATFORM_WORD
                self._add(name, group, _case_rule(name), True)
                if name[-1:].isalnum() and not name.endswith("s") and len(name) > 3:  # as the gazetteer does
                    self._add(name + "s", group, _case_rule(name), True)
        # what relevance counts as a country named (`relevance.defence_content`): a country, or a body or a person
        # of one (found by the gazetteer from these names, or by shape around a country's name or demonym)
        for e in catalogue.of_kind("country").values():
            for name in [*e.names(), *e.shared_aliases, *e.demonyms, *e.capital]:
                self._add(name, COUNTRY, _case_rule(name.strip()), True)
        for name in ("Korea", "Korean", "Koreans"):  # alone, South Korea's where no North Korea is named (entities)
            self._add(name, COUNTRY, _case_rule(name), True)
        for kind in ("organization", "person"):
            for e in catalogue.of_kind(kind).values():
                if e.country:  # a person by surname too ("Mr Modi"), as the gazetteer finds one
                    names = [*e.names(), *e.shared_aliases]
                    for name in names + ([_surname(e.name)] if kind == "person" else []):
                        self._add(name, COUNTRY, _case_rule(name.strip()), True)
        for e in catalogue.of_kind("organization").values():
            if e.category in _DEFENCE_ORG_TYPES or (
                    e.category in _NAMED_ORG_TYPES and relevance._DEFENCE_NAME.search(e.name)):
                for name in [*e.names(), *e.shared_aliases]:
                    self._add(name, STRONG, _case_rule(name.strip()), True)
        ranks = relevance._ranks(catalogue)
        for e in catalogue.of_kind("office").values():
            if any(relevance._defence_role(n, ranks) for n in e.names()):
                for name in e.names():
                    self._add(name, OFFICE, "any", True)
        for e in catalogue.of_kind("person").values():
            if e.role and relevance._defence_role(e.role, ranks):
                for name in e.names():  # a surname alone does not count (relevance.defence_content)
                    self._add(name, STRONG, "any", True)

    def __call__(self, text: str) -> Verdict:
        norm = b" " + _normal(text) + b" "
        raw: bytes | None = None  # the text's own bytes, for the few names whose case counts
        found: dict[str, str] = {}
        shapes: list[tuple[int, str]] = []  # where nouns that follow designations start, and the nouns
        near: dict[str, list[tuple[int, str, str]]] = {PLATFORM_WORD: [], TRADE: [], COUNTRY: []}  # where, what
        for i, start, end in self.automaton.find_matches_as_indexes(norm, overlapping=True):
            word = self._names[i]
            for group, rule, shape in self._table[self._of[i]]:
                if group == WEAPON:
                    found.setdefault(group, word)
                    continue
                if group == SHAPE:
                    shapes.append((start, word))
                    continue
                if group in (TRADE, COUNTRY):  # looked at only where a platform word is found (`_traded`)
                    near[group].append((start, word, rule))
                    continue
                if rule != "any" or shape is not None or group == OFFICE:
                    raw = _utf8(text) if raw is None else raw
                    if len(raw) + 2 == len(norm):  # (where lower case changed the length, nothing is checked)
                        if rule != "any" and not _case_ok(raw[start:start + len(word)], rule):
                            continue
                        if shape is not None and raw[start:start + len(shape)].lower() != shape.encode("latin-1"):
                            continue
                        if group == OFFICE and not _beside_a_name(raw, start, start + len(word)):
                            continue
                if group in (STRONG, OFFICE):
                    return Verdict(True, f"'{word}'")
                if group == PLATFORM_WORD:
                    near[group].append((start, word, rule))
                found.setdefault(group, word)
        if PLATFORM_WORD in found and WEAPON in found:
            return Verdict(True, f"'{found[PLATFORM_WORD]}' and '{found[WEAPON]}'")
        if near[PLATFORM_WORD] and near[TRADE] and near[COUNTRY]:
            raw = _utf8(text) if raw is None else raw
            if len(raw) + 2 == len(norm):  # a country's name in its case ("US", not "us"), as above
                near[COUNTRY] = [c for c in near[COUNTRY] if c[2] == "any" or _case_ok(raw[c[0]:c[0] + len(c[1])], c[2])]
            traded = _traded(near, norm)
            if traded:
                return Verdict(True, traded)
        if shapes:
            raw = _utf8(text) if raw is None else raw
            shape = _designation_in(text, shapes if len(raw) == len(text) else _in_chars(shapes, raw, len(norm)))
            if shape:
                return Verdict(True, f"'{shape}'")
        return Verdict(False)


def _surname(name: str) -> str:
    """A person's last name, looser than the surnames the gazetteer takes alone (`entities.surname_people`: held by one
    person, four letters or more, no common word) so that the gate passes at least what it would: "Modi" of "Narendra
    Modi", "Sisi" of "Abdel Fattah el-Sisi"; "" for none ("Mohammed VI", "Ferdinand Marcos Jr.")."""
    last = _PARTICLE.sub("", name.split()[-1]) if name.strip() else ""
    return "" if len(last) < 3 or last.endswith(".") or _ROMAN.fullmatch(last) else last


_BY_AFTER = re.compile(rb" +(?:[a-z0-9]+ +){0,2}?by ")  # as relevance._BY, in the gate's lower-case text
_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|ash|bin|ibn|ben|de|da|di|van|von)-", re.I)
_ROMAN = re.compile(r"[IVX]+")


# how far a trade verb and a country may stand from a platform's name: more than a sentence's length (relevance
# wants both in the name's sentence)
TRADE_REACH = 400


def _traded(near: dict[str, list[tuple[int, str, str]]], norm: bytes) -> str | None:
    """A platform word with a trade verb and a country within `TRADE_REACH` bytes of it, as words ("'rafale',
    'ordered' and 'egypt'"), or None. A verb after the name counts only with "by" after it, as in relevance
    ("the Rafale, ordered by Egypt"; not "Apache delivers")."""
    for at, name, _ in near[PLATFORM_WORD]:
        verb = next((w for s, w, _ in near[TRADE] if at - TRADE_REACH <= s < at or at < s <= at + TRADE_REACH
                     and _BY_AFTER.match(norm, s + 1 + len(w))), None)
        country = next((w for s, w, _ in near[COUNTRY] if abs(s - at) <= TRADE_REACH), None) if verb else None
        if country:
            return f"'{name}', '{verb}' and '{country}'"
    return None


def _case_ok(name: bytes, rule: str) -> bool:
    """The gazetteer's case rules: short all-capitals aliases only in capitals, capitalised names capitalised."""
    return name.isupper() if rule == "exact" else name[:1].isupper() or name[:1] >= b"\x80"


def _beside_a_name(raw: bytes, start: int, end: int) -> bool:
    """An office title as the extractor reads one: before a capitalised name ("General Anil Chauhan",
    "the defence minister, Prabowo Subianto") or after a name and a comma ("Anil Chauhan, the Indian general")."""
    return bool(_NAME_NEXT.match(raw, end) or _NAME_BEFORE.search(raw, max(0, start - 80), start))


_NAME_NEXT = re.compile(rb"\s*,?\s*[A-Z\x80-\xff]")
_NAME_BEFORE = re.compile(rb",\s+(?:(?:the|a|an)\s+)?(?:\S+\s+){0,3}$")
_HYPHEN_DIGIT = re.compile(r"\w-\d|\d-\w")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


# every byte but a-z and 0-9 becomes a space: words start and end at a space (a letter beyond ASCII is
# a space for every byte of it, in the names and the text alike)
_SPACES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def _normal(text: str) -> bytes:
    """Lower case UTF-8 with a-z and 0-9 kept and every other byte a space."""
    return _utf8(text.lower()).translate(_SPACES)


def _in_chars(nouns: list[tuple[int, str]], raw: bytes, norm_len: int) -> list[tuple[int, str]] | None:
    """The nouns at their offsets in the text's characters, from their offsets in its UTF-8 bytes `raw`; None
    where lower case moved the bytes (the text is then searched whole). A text beyond ASCII (curly quotes,
    dashes, accents: most real news) would otherwise have every pattern run over all of it."""
    if len(raw) + 2 != norm_len:
        return None
    for start, word in nouns:  # a noun's first byte is ASCII, never inside a character's bytes
        if raw[start:start + len(word)].lower() != word.encode():
            return None
    chars: dict[int, int] = {}
    at = n = 0
    for start in sorted({start for start, _ in nouns}):  # each byte decoded once: linear in the text
        n += len(raw[at:start].decode("utf-8", "surrogatepass"))
        chars[start], at = n, start
    return [(chars[start], word) for start, word in nouns]


def _designation_in(text: str, nouns: list[tuple[int, str]] | None) -> str | None:
    """A name the extractor would take for an unknown platform ("XX-123 missiles", "Mogami-class frigates",
    "Mamba APCs", "Foo Systems (FS)"), looked for around each noun of `nouns` (offset in the text, noun), or in
    the whole text when they are not known."""
    whole = [(0, len(text))]
    # a designation ends at most 40 characters before its noun, with a digit near its end
    for start, end in whole if nouns is None else [(max(0, n - 200), n + 60) for n, _ in nouns
                                                   if _DIGIT.search(text, max(0, n - 50), n)]:
        for m in DESIGNATION.finditer(text, start, end):
            if WEAPON_NOUN_AFTER.match(text, m.end(), m.end() + 40):
                return m["d"]
    # a ship class before "class", a type's name before a weapon noun, a named system's abbreviation in brackets
    for pattern, before, after, near in ((SHIP_CLASS, 120, 8, lambda n, w: w == "class"),
                                         (NAMED_TYPE, 100, 40, lambda n, w: w in _NAMED_HEAD_WORDS),
                                         (ACRONYM_PLATFORM, 240, 30, lambda n, w: "(" in text[n:n + 20])):
        for start, end in whole if nouns is None else [(max(0, n - before), n + after) for n, w in nouns if near(n, w)]:
            m = pattern.search(text, start, end)
            if m:
                return m["abbr"] if pattern is ACRONYM_PLATFORM else m.group(0)
    return None


_NAMED_HEAD_WORDS = {head.split()[-1] for head, _ in _NAMED_HEAD_CATEGORY}  # "patrol vessel": the noun is "vessel"
_DIGIT = re.compile(r"\d")


_default: list = [None, None]
_of: dict[tuple[str, str], Gate] = {}


def gate_for(catalogue: Catalogue) -> Gate:
    """The gate of a catalogue, built once."""
    if _default[0] is not catalogue:
        _default[:] = [catalogue, Gate(catalogue)]
    return _default[1]


def gate_of(extra: str | None = None) -> Gate:
    """The gate of the catalogues `catalogue.load(extra)` gives (the packaged ones, a user's directory read over
    them), built once for each state of their files, and without loading them when the start-up cache has it."""
    from ..catalogue import identity

    key = identity(extra)
    if key not in _of:
        _of[key] = Gate.of_catalogues(extra, key)
    return _of[key]
