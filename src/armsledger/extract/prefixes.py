"""Where a regular expression can match, read from the expression itself.

`beginnings(pattern)` gives the lower-case beginnings (up to a few characters) that
any match of the pattern has. A caller that must try many expressions at many
places tries each only where the text begins with one of its beginnings, and gets
exactly what trying it everywhere gives: a place whose text begins otherwise cannot
hold a match. The analysis is conservative: whatever it cannot read (`.`, `\\w`,
a non-ASCII letter, a back-reference...) makes it answer None, "anywhere".

Lower-casing the text to look the beginnings up is exact for ASCII text; a few
non-ASCII characters match ASCII letters in case-insensitive expressions (the long
s, the Kelvin sign...) or change length or kind when lower-cased (the dotted
capital I): `FOLDS_TO_ASCII` finds them, and where one occurs the callers do
without the shortcut.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .. import cache

try:  # the parser behind `re`
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

MAX_LEN = 4  # characters of a beginning
_MAX_FORMS = 1024  # more beginnings than this and fewer characters are read

# the ASCII characters `\d` and `\s` match; their non-ASCII ones are left to the callers' ASCII check
_CLASSES = {_C.CATEGORY_DIGIT: "0123456789", _C.CATEGORY_SPACE: " \t\n\r\f\v\x1c\x1d\x1e\x1f"}


def _folds_to_ascii() -> str:
    """The characters where a lower-cased text stops standing for the text: those a case-insensitive
    expression takes for an ASCII letter, and those whose lower case is not one character of the
    same kind (word, digit, space). Case mappings outside the Basic Multilingual Plane stay
    outside ASCII and keep the kind, so the BMP is all there is to read. (A character class; reading
    the BMP takes a tenth of a second, so the start-up cache keeps it.)"""
    bmp = "".join(map(chr, range(128, 0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    odd = set(re.compile(r"[a-z]", re.I).findall(bmp))
    kinds = (re.compile(r"\w").match, re.compile(r"\d").match, re.compile(r"\s").match)
    for c in bmp:
        low = c.lower()
        if low != c and (len(low) != 1 or low.isascii() or any(bool(k(c)) != bool(k(low)) for k in kinds)):
            odd.add(c)
    return "[" + "".join(re.escape(c) for c in sorted(odd)) + "]" if odd else "(?!)"


def _stamp(*parts: str) -> str:
    """What a result of this module's analysis depends on: this code, Python's parser and Unicode tables."""
    import unicodedata

    return cache.key(Path(__file__), sys.version, unicodedata.unidata_version, *parts)


FOLDS_TO_ASCII = re.compile(cache.fetch("folds-to-ascii", _stamp(), _folds_to_ascii))


def beginnings(pattern: str, flags: int = 0, classes: bool = False) -> set[str] | None:
    """The lower-case beginnings (`MAX_LEN` characters, fewer where a match can be shorter)
    of every match of `pattern`; None when they cannot be told. With `classes`, `\\d` and `\\s`
    stand for their ASCII characters only: the caller must then look up only ASCII text."""
    try:
        parsed = list(_P.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - any doubt means "anywhere"
        return None
    for n in range(MAX_LEN, 0, -1):
        got = _seq(parsed, n, classes)
        if got is not None and "" not in got:
            return got
    return None


def all_beginnings(patterns: list[str], flags: list[int] | None = None, classes: bool = False,
                   name: str | None = None) -> list[set[str] | None]:
    """`beginnings` of each pattern; with a `name`, kept in the start-up cache under it (reading the
    expressions takes a tenth of a second or more, where hundreds are read)."""
    flags = flags or [0] * len(patterns)

    def build() -> list[list[str] | None]:
        found = [beginnings(p, f, classes) for p, f in zip(patterns, flags)]
        return [None if f is None else sorted(f) for f in found]

    stamp = _stamp(json.dumps([patterns, flags, classes]))
    return [None if f is None else set(f) for f in cache.fetch(f"beginnings-{name}" if name else None, stamp, build)]


def _concat(heads: set[str], tails: set[str], n: int) -> set[str] | None:
    out = {(h + t)[:n] if len(h) < n else h for h in heads for t in tails}
    return out if len(out) <= _MAX_FORMS else None


def _seq(items, n: int, classes: bool) -> set[str] | None:
    acc = {""}
    for op, av in items:
        if all(len(a) >= n for a in acc):
            break
        item = _item(op, av, n, classes)
        if item is None:
            return None
        acc = _concat(acc, item, n)
        if acc is None:
            return None
    return acc


def _char(code: int) -> str | None:
    c = chr(code)
    return c.lower() if c.isascii() else None


def _item(op, av, n: int, classes: bool) -> set[str] | None:
    if op is _C.LITERAL:
        c = _char(av)
        return None if c is None else {c}
    if op is _C.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is _C.LITERAL and _char(iav) is not None:
                out.add(_char(iav))
            elif iop is _C.RANGE and iav[1] < 128:
                out.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
            elif iop is _C.CATEGORY and classes and iav in _CLASSES:
                out.update(_CLASSES[iav])
            else:
                return None
        return out
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _seq(list(sub), n, classes)
    if op is _C.BRANCH:
        out = set()
        for alt in av[1]:
            got = _seq(list(alt), n, classes)
            if got is None:
                return None
            out |= got
        return out
    if op in _REPEATS:
        lo, hi, sub = av
        one = _seq(list(sub), n, classes)
        if one is None or "" in one:
            return None
        out, cur, k = set(), {""}, 0
        while True:
            if k >= lo:
                out |= cur
            if k >= hi or all(len(c) >= n for c in cur):
                return out
            cur = _concat(cur, one, n)
            if cur is None:
                return None
            k += 1
    if op is _ATOMIC:
        return _seq(list(av), n, classes)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}  # zero-width: what follows decides
    return None


_REPEATS = tuple(getattr(_C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, name))
_ATOMIC = getattr(_C, "ATOMIC_GROUP", object())


class Index:
    """Which of several expressions can match where: `at(text, pos)` gives the numbers of those
    whose beginnings the text at `pos` has (plus those that can begin anywhere)."""

    def __init__(self, patterns: list[str], flags: list[int] | None = None, classes: bool = False,
                 name: str | None = None) -> None:
        found = all_beginnings(patterns, flags, classes, name)
        self.anywhere = tuple(i for i, f in enumerate(found) if f is None)
        self.every = tuple(range(len(patterns)))
        index: dict[int, dict[str, list[int]]] = {}
        for i, f in enumerate(found):
            for b in f or ():
                index.setdefault(len(b), {}).setdefault(b, []).append(i)
        self.tables = [(n, {b: tuple(ks) for b, ks in index[n].items()}) for n in sorted(index, reverse=True)]
        self.words = sorted({b for _, table in self.tables for b in table})

    def at(self, text: str, pos: int) -> set[int]:
        """Expressions that can match at `pos` of `text` (every one where the text there is not ASCII)."""
        head = text[pos:pos + MAX_LEN]
        if not head.isascii():
            return set(self.every)
        head = head.lower()
        out = set(self.anywhere)
        for n, table in self.tables:
            ks = table.get(head[:n])
            if ks:
                out.update(ks)
        return out


def trie(words: list[str]) -> str:
    """An expression matching any of `words` (plain strings), laid out as a trie; a word that
    another one begins with comes after it (greedy), so the longest is tried first."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            return f"(?:{'|'.join(alts)})?" if alts else ""
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return walk(tree)


# --------------------------------------------------------------------------- words a match must hold

_MIN_NEED = 3  # characters of the shortest word worth testing for
_MAX_NEEDS = 12  # words in one test at most


def needs(pattern: str, flags: int = 0, shortest: int = _MIN_NEED) -> tuple[str, ...] | None:
    """Plain strings one of which every match of `pattern` holds, as it is written (a case-insensitive pattern
    gives None: its twin, matched over the lower-cased text, is read instead, `Caseless`); None when no such
    words of `shortest` characters or more (at most `_MAX_NEEDS` of them) can be told. A text that holds none
    of them cannot hold a match, so the expression need not be tried over it. Lookarounds are passed over (what
    they read lies outside the match), as is anything optional; a branch needs one of what each of its
    alternatives needs."""
    if flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern, str):
        return None
    try:
        tree = _P.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - any doubt means "nothing needed"
        return None
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE):  # an inline (?i) or (?x)
        return None
    got = _need_seq(list(tree), shortest)
    return None if got is None else tuple(sorted(got))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None:
        return a if b is None else b
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _usable(s: frozenset[str] | None, shortest: int) -> frozenset[str] | None:
    return s if s and len(s) <= _MAX_NEEDS and min(map(len, s)) >= shortest else None


def _need_seq(items, shortest: int) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, _usable(frozenset((run,)), shortest))
            # a branch right after the words: they and each alternative's first words ("re(?:st|mainder)", as the
            # parser writes "rest|remainder")
            alts = _alternatives(op, av)
            if alts is not None:
                leads = [_lead_words(alt) for alt in alts]
                if all(leads):
                    best = _better(best, _usable(frozenset(run + w for w in leads), shortest))
            run = ""
        if op is None:
            break
        best = _better(best, _need_item(op, av, shortest))
    return best


def _alternatives(op, av) -> list | None:
    """The alternatives of a branch, or of a group that is one branch; None for anything else."""
    if op is _C.SUBPATTERN and not av[1] and not av[2] and len(av[3]) == 1:
        op, av = list(av[3])[0]
    return [list(alt) for alt in av[1]] if op is _C.BRANCH else None


def _lead_words(items) -> str:
    """The plain characters a sequence begins with."""
    out = ""
    for op, av in items:
        if op is not _C.LITERAL:
            break
        out += chr(av)
    return out


def _need_item(op, av, shortest: int) -> frozenset[str] | None:
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _need_seq(list(sub), shortest)
    if op is _ATOMIC:
        return _need_seq(list(av), shortest)
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _need_seq(list(alt), shortest)
            if got is None:
                return None
            out |= got
        return _usable(frozenset(out), shortest)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _need_seq(list(sub), shortest) if lo >= 1 else None
    return None


# --------------------------------------------------------------------------- lower-cased twins

_LOWER_KEEP = 64  # short texts whose lower case is kept (`lowered`): an article's stages come back to its sentences
_LONG_KEEP = 4  # ... and long ones (an article's body: a few, as they may be large), kept apart from the windows and
# sentences read between two looks at the body
_kept_lower: dict[int, tuple[str, str | None, bool]] = {}  # by the text's id: (the text, `lowered`'s answer, is it ASCII)
_kept_long: dict[int, tuple[str, str | None, bool]] = {}  # the same, for texts of 512 characters or more


def lowered(text: str) -> str | None:
    """`text.lower()` when it stands for `text` character for character (see `FOLDS_TO_ASCII`),
    else None. The answers for the last texts are kept, up to `_LOWER_KEEP` short ones and `_LONG_KEEP` long ones
    (each with its text, so that its id names it while kept): the stages of one article ask about the same body
    and the same sentences again and again, in turn."""
    got = _kept_lower.get(id(text)) or _kept_long.get(id(text))
    return (got if got is not None else _lower(text))[1]


def _lower(text: str) -> tuple[str, str | None, bool]:
    """`lowered`'s answer made and kept, as (text, its lower case or None, is that ASCII): `Caseless` reads the kept
    answer itself, and which of its expressions the lower case takes with it."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and FOLDS_TO_ASCII.search(text)):  # its characters are not ASCII
        low = None
    kept, most = (_kept_long, _LONG_KEEP) if len(text) >= 512 else (_kept_lower, _LOWER_KEEP)
    if len(kept) >= most:
        kept.clear()
    got = kept[id(text)] = (text, low, low is not None and low.isascii())
    return got


def _absent(words: tuple[str, ...], low: str, pos: int, endpos: int) -> bool:
    """Is none of `words` between `pos` and `endpos` of `low` (read as `re` reads them: a negative one as 0, where
    `str.find` would count it from the end)?"""
    if pos <= 0 and endpos >= len(low):
        for w in words:
            if w in low:
                return False
        return True
    find = low.find
    pos, endpos = max(pos, 0), max(endpos, 0)
    for w in words:
        if find(w, pos, endpos) >= 0:
            return False
    return True


class Caseless:
    """A case-insensitive expression that runs as its case-sensitive twin (`caseless`) over the
    lower-cased text where that stands for the text: the same matches at the same places, found
    faster (re.I makes every letter a slow compare); over ASCII text, as the twin's ASCII variant
    (`ascii_variant`). Group texts come out lower-cased: read them from the text by their spans
    where the case matters."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.twin = caseless(rx)
        self.ascii = None if self.twin is None else ascii_variant(self.twin) or self.twin
        # words one of which every match holds (in the lower-cased text): where none is there, nothing is tried
        self.needs = None if self.twin is None else needs(self.twin.pattern, self.twin.flags)

    def _over(self, text: str) -> tuple[str, re.Pattern[str] | None]:
        """What to run over `text`: its kept lower case (`lowered`) and the twin, as its ASCII variant where that
        lower case is ASCII (told once a text, with the lower case); or the text and None, to run `rx` over it."""
        if self.twin is None:
            return text, None
        got = _kept_lower.get(id(text)) or _kept_long.get(id(text)) or _lower(text)
        return (text, None) if got[1] is None else (got[1], self.ascii if got[2] else self.twin)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low, rx = self._over(text)
        if rx is None:
            return self.rx.search(text, pos, endpos)
        return None if self.needs is not None and _absent(self.needs, low, pos, endpos) else rx.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low, rx = self._over(text)
        if rx is None:
            return self.rx.match(text, pos, endpos)
        return None if self.needs is not None and _absent(self.needs, low, pos, endpos) else rx.match(low, pos, endpos)

    def finditer(self, text: str):
        low, rx = self._over(text)
        if rx is None:
            return self.rx.finditer(text)
        return iter(()) if self.needs is not None and not any(w in low for w in self.needs) else rx.finditer(low)


# --------------------------------------------------------------------------- ASCII variants

def ascii_variant(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """`rx` compiled for ASCII text: over a text all of whose characters are ASCII it finds what `rx`
    finds, at the same places, faster (under re.ASCII, \\w, \\b and \\d read a table instead of the
    Unicode database, a few calls for every character tried). Unicode's \\s also takes the ASCII
    separators \\x1c-\\x1f, so each \\s is written `[\\s\\x1c-\\x1f]` (and \\S its negation). None
    where this cannot vouch for the same matches: verbose or locale expressions, inline flags that
    change the character classes, a \\S inside a class, and case-insensitive expressions that name a
    character beyond ASCII (re.I under Unicode lets some of those match ASCII letters: K, ſ)."""
    pattern, flags = rx.pattern, rx.flags
    if not isinstance(pattern, str) or flags & (re.VERBOSE | re.LOCALE) or re.search(r"\(\?[a-zA-Z-]*[auLx]", pattern):
        return None
    if flags & re.ASCII:
        return rx
    if (flags & re.IGNORECASE or re.search(r"\(\?[a-zA-Z]*i", pattern)) and (
            not pattern.isascii() or re.search(r"\\(?:[uUN]|x[89a-fA-F]|[0-3][0-7][0-7])", pattern)):
        return None
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            esc = pattern[i:i + 2]
            if esc == "\\s":
                out.append("\\s\\x1c-\\x1f" if in_class else "[\\s\\x1c-\\x1f]")
            elif esc == "\\S":
                if in_class:
                    return None
                out.append("[^\\s\\x1c-\\x1f]")
            else:
                out.append(esc)
            i += 2
        elif in_class:
            in_class = ch != "]"
            out.append(ch)
            i += 1
        elif ch == "[":
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"  # a "]" first in a class is one of its characters
            out.append(pattern[i:j])
            i, in_class = j, True
        else:
            out.append(ch)
            i += 1
    try:
        return _VARIANT_CODES("".join(out), (flags & ~re.UNICODE) | re.ASCII)
    except re.error:
        return None


# The variants are compiled as extraction first meets their expressions: some 130 in an article or two, about
# 0.15-0.4 s of `re.compile` (the trigger lexicon's long alternations) that the first article of every process
# paid. Their compiled code is kept in the start-up cache instead (`cache.Expressions`), every variant any run
# has made (`keep`), and saved after an article that made a new one (`save_variants`).
_VARIANT_CODES = cache.Expressions("ascii-variants", keep=True)


def save_variants() -> None:
    """Keep the ASCII variants compiled since the last call in the start-up cache (nothing when none was)."""
    if _VARIANT_CODES._missed:
        _VARIANT_CODES.save()


_variants: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def for_text(rx: re.Pattern[str], text: str) -> re.Pattern[str]:
    """`rx`, or its ASCII variant (`ascii_variant`, made once) when `text` is ASCII (anything else that finds,
    as an `entities.Anchored`, as it is)."""
    if not text.isascii() or type(rx) is not re.Pattern:
        return rx
    hit = _variants.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _variants[id(rx)] = (rx, ascii_variant(rx) or rx)
    return hit[1]


def caseless(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive expression, for a text `lowered` gave: it
    matches the same places with the same spans (its groups hold lower-cased text). None when
    the expression holds something this cannot vouch for (a capital or non-ASCII letter, a flag
    group, a back-reference)."""
    try:
        parsed = list(_P.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001
        return None
    if not _plain(parsed):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def _lower_char(code: int) -> bool:
    """Does the character stand for itself in the lower-cased text? An ASCII one in lower case; any other only
    when it has no case at all (’, “, €, —): re.I compares such a one exactly, and no character lower-cases to it."""
    c = chr(code)
    return c.lower() == c if c.isascii() else c.lower() == c == c.upper()


def _plain(items) -> bool:
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            if not _lower_char(av):
                return False
        elif op is _C.IN:
            for iop, iav in av:
                if iop is _C.LITERAL:
                    if not _lower_char(iav):
                        return False
                elif iop is _C.RANGE:
                    if not all(_lower_char(x) for x in range(iav[0], iav[1] + 1)) or iav[1] >= 128:
                        return False
                elif iop not in (_C.CATEGORY, _C.NEGATE):
                    return False
        elif op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _plain(list(sub)):
                return False
        elif op is _C.BRANCH:
            if not all(_plain(list(alt)) for alt in av[1]):
                return False
        elif op in _REPEATS:
            if not _plain(list(av[2])):
                return False
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            if not _plain(list(av[1])):
                return False
        elif op is _ATOMIC:
            if not _plain(list(av)):
                return False
        elif op not in (_C.ANY, _C.AT, _C.CATEGORY):
            return False
    return True
