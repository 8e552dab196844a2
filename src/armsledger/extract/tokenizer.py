"""spaCy's English tokenizer, run from its rules without importing spaCy.

Reads: a text. Writes: its tokens (text and character offset), the very tokens
`spacy.blank("en").tokenizer` makes.

The gazetteer matches catalogue names token by token ("Su-35" is one token, so
the name does not match inside "Su-35s"), so it needs spaCy's tokens exactly.
Importing spaCy takes about half a second, more than everything else a short run
does; yet its tokenizer is wholly given by data: the prefix, suffix, infix and URL
expressions and the special cases ("don't" -> "do", "n't"). `rules()` reads them
from the installed spaCy once (the gazetteer keeps them in its cache, see
`armsledger/cache.py`), and `Tokenizer` applies them in the order
`spacy/tokenizer.pyx` does:

1. the text is cut at whitespace; a single space after a token belongs to it,
   any other run of whitespace is a chunk of its own;
2. a chunk that is a special case gives its tokens; otherwise prefixes and
   suffixes come off it (`_split_affixes`) until none is left or what is left is
   a special case; what is left is a special case, a URL, or cut at its infixes
   (`_attach_tokens`);
3. special cases whose text holds affixes ("a.m.", ":)") are looked for across
   the tokens and put back together (`_apply_special_cases`).

`tests/test_startup.py` checks the tokens against spaCy's on every article of the
corpus, the gold sets and the off-topic set.
"""
from __future__ import annotations

import json
import re
from itertools import compress
from pathlib import Path

from .. import cache
from .prefixes import for_text

# a chunk and the single space after it, or a run of whitespace (`\s` is what str.isspace() says, as in
# tokenizer.pyx): a space right after a chunk belongs to it, any other whitespace is a chunk
_PIECES = re.compile(r"(\S+)( ?)|(\s+)")
_MAX_MEMO = 200_000  # distinct chunks whose tokens are kept


def rules() -> dict:
    """The rules of spaCy's English tokenizer as plain data (imports spaCy)."""
    import spacy
    from spacy.attrs import ORTH

    nlp = spacy.blank("en")
    tok = nlp.tokenizer
    if tok.token_match is not None:  # English has none; a rule this module does not apply
        raise RuntimeError("spaCy's English tokenizer has a token_match; armsledger's tokenizer does not apply one")

    def expr(fn) -> list | None:
        return None if fn is None else [fn.__self__.pattern, fn.__self__.flags]

    specials = {chunk: [t[ORTH] for t in toks] for chunk, toks in tok.rules.items()}
    out = {"prefix": expr(tok.prefix_search), "suffix": expr(tok.suffix_search),
           "infix": expr(tok.infix_finditer), "url": expr(tok.url_match), "specials": specials,
           "faster_heuristics": bool(tok.faster_heuristics),
           "stop_words": sorted(nlp.Defaults.stop_words), "spacy": spacy.__version__}
    # the special cases tokenizer.pyx looks for across tokens: those its affix rules would cut
    plain = Tokenizer(out, specials=False)
    out["special_seqs"] = [plain(s)[0] for s in sorted(specials)
                           if not out["faster_heuristics"] or plain.affixes_in(s) or " " in s]
    return out


class Tokenizer:
    """Tokens of a text by spaCy's rules (see the module docstring); `rules` as `rules()` gives them."""

    def __init__(self, rules: dict, specials: bool = True) -> None:
        self._data = rules
        self._specials: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in rules["specials"].items()} \
            if specials else {}
        self._with_specials = specials
        seqs: dict[str, list[tuple[str, ...]]] = {}
        for seq in rules.get("special_seqs", ()) if specials else ():
            seqs.setdefault(seq[0], []).append(tuple(seq))
        self._special_seqs = seqs
        # the same by their first two tokens (a one-token sequence under its token and None): a token such as ":"
        # begins some 60 of them, most of which its next token rules out
        pairs: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}
        for first, those in seqs.items():
            for seq in those:
                pairs.setdefault((first, seq[1] if len(seq) > 1 else None), []).append(seq)
        self._special_pairs = pairs
        self._compiled = False
        self._memo: dict[str, tuple[str, ...]] = {}
        self.stop_words = frozenset(rules["stop_words"])

    def _compile(self) -> None:
        # on the first chunk that needs them: re.compile takes some 70 ms for the four, the cache a few
        compiled = cache.Expressions("tokenizer")

        def comp(which: str):
            spec = self._data[which]
            return None if spec is None else compiled(spec[0], spec[1])

        prefix, suffix, infix, url = (comp(w) for w in ("prefix", "suffix", "infix", "url"))
        compiled.save()
        self._prefix = prefix.search if prefix else None
        self._suffix = suffix.search if suffix else None
        self._infix = infix.finditer if infix else None
        self._url = url.match if url else None
        # what the affix expressions' matches end and begin with: read from their parse (some 0.1 s, on the first
        # chunk of every process), so kept in the start-up cache with the expressions they are read from
        ends, starts = cache.fetch("tokenizer-ends", cache.key(Path(__file__), json.dumps([self._data["suffix"],
                                                                                          self._data["infix"]])),
                                   lambda: _affix_chars(suffix, infix))
        self._suffix_ends = None if ends is None else (frozenset(ends[0]), tuple(
            (frozenset(last), frozenset(guard)) for last, guard in ends[1]))
        self._infix_starts = None if starts is None else frozenset(starts)
        self._compiled = True

    def __call__(self, text: str) -> tuple[list[str], list[int]]:
        """The tokens of `text` and where each starts."""
        words: list[str] = []
        starts: list[int] = []
        pos = 0
        memo, chunk_of = self._memo, self.chunk
        for word, space, gap in for_text(_PIECES, text).findall(text):
            if gap:  # whitespace that is not the single space after a token: a chunk of its own
                word, space = gap, ""
            toks = memo.get(word) or chunk_of(word)
            if len(toks) == 1:
                words.append(word)
                starts.append(pos)
            else:
                at = pos
                for t in toks:
                    words.append(t)
                    starts.append(at)
                    at += len(t)
            pos += len(word) + len(space)
        if self._special_seqs and not self._special_seqs.keys().isdisjoint(words):
            self._apply_special_cases(text, words, starts)
        return words, starts

    def chunk(self, chunk: str) -> tuple[str, ...]:
        """The tokens of one chunk (no whitespace in it, or only whitespace)."""
        got = self._memo.get(chunk)
        if got is None:
            got = self._specials.get(chunk)
            if got is None:
                if not self._compiled:
                    self._compile()
                prefixes: list[str] = []
                suffixes: list[str] = []
                rest = self._split_affixes(chunk, prefixes, suffixes)
                got = (*prefixes, *self._attach(rest), *reversed(suffixes))
            if len(self._memo) < _MAX_MEMO:
                self._memo[chunk] = got
        return got

    def affixes_in(self, string: str) -> bool:
        """Whether a prefix, suffix or infix rule finds anything in `string`."""
        if not self._compiled:
            self._compile()
        return bool((self._prefix and self._find(self._prefix, string))
                    or (self._infix and any(True for _ in self._infix(string)))
                    or (self._suffix and self._find(self._suffix, string)))

    @staticmethod
    def _find(search, string: str) -> int:
        m = search(string)
        return m.end() - m.start() if m is not None else 0

    def _split_affixes(self, string: str, prefixes: list[str], suffixes: list[str]) -> str:
        specials = self._specials
        find = self._find
        ends = self._suffix_ends
        last_size = 0
        while string and len(string) != last_size:
            if string in specials:
                break
            last_size = len(string)
            pre_len = find(self._prefix, string) if self._prefix else 0
            if pre_len:
                prefix = string[:pre_len]
                minus_pre = string[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(prefix)
                    return minus_pre
            # a suffix ends the chunk: none is looked for where no suffix can end with its last character
            suf_len = find(self._suffix, string[pre_len:]) if self._suffix and (
                ends is None or string[-1] in ends[0] or string[-1] == "\n"
                or any(string[-1] in last and not guard.isdisjoint(string) for last, guard in ends[1])) else 0
            if suf_len:
                suffix = string[-suf_len:]
                minus_suf = string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(suffix)
                    return minus_suf
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        return string

    def _attach(self, string: str) -> tuple[str, ...]:
        if not string:
            return ()
        special = self._specials.get(string)
        if special is not None:
            return special
        if self._url is not None and self._url(string):
            return (string,)
        # an infix is looked for only in a string that holds a character one begins with (none is empty)
        starts = self._infix_starts
        matches = list(self._infix(string)) if self._infix is not None and (
            starts is None or not starts.isdisjoint(string)) else []
        if not matches:
            return (string,)
        out: list[str] = []
        start = 0
        for m in matches:
            infix_start, infix_end = m.span()
            if infix_start == 0:  # an infix at the very start stays with the token after it
                continue
            if infix_start != start:
                out.append(string[start:infix_start])
            if infix_start != infix_end:
                out.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            out.append(string[start:])
        return tuple(out)

    def _apply_special_cases(self, text: str, words: list[str], starts: list[int]) -> None:
        """Special cases found across tokens, longest first, then leftmost, none overlapping another
        one's first or last token, are put back together where their text is the special case's."""
        pairs = self._special_pairs
        found = set()
        n = len(words)
        for i in list(compress(range(n), map(self._special_seqs.__contains__, words))):
            w = words[i]
            for seq in (*pairs.get((w, words[i + 1] if i + 1 < n else None), ()), *pairs.get((w, None), ())):
                if tuple(words[i:i + len(seq)]) == seq:
                    found.add((i, i + len(seq)))
        if not found:
            return
        seen: set[int] = set()
        kept = []
        for s, e in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
            if s not in seen and e - 1 not in seen:
                kept.append((s, e))
            seen.update(range(s, e))
        for s, e in sorted(kept, reverse=True):  # from the end, so that earlier indices stay put
            special = self._specials.get(text[starts[s]:starts[e - 1] + len(words[e - 1])])
            if special is None:
                continue
            at = starts[s]
            new_starts = []
            for t in special:
                new_starts.append(at)
                at += len(t)
            words[s:e] = special
            starts[s:e] = new_starts


def _affix_chars(suffix: re.Pattern | None, infix: re.Pattern | None) -> tuple[list | None, list | None]:
    """`_last_chars` of the suffix expression and the first characters of the infix one, as plain lists (sorted)."""
    ends = _last_chars(suffix) if suffix else None
    starts = _last_chars(infix, first=True) if infix else None
    return (None if ends is None else [sorted(ends[0]), [[sorted(last), sorted(guard)] for last, guard in ends[1]]],
            None if starts is None else sorted(starts))


def _last_chars(rx: re.Pattern, first: bool = False) -> tuple | frozenset[str] | None:
    """Where a non-empty match of `rx` can end, when every alternative of it is a string's end after something
    that ends with one of a known set of characters (`'s$`, `\\.\\.+$`, `(?<=[0-9])km$`); else None. A match of
    such an expression ends at the string's end (or before a final newline), so a string whose last character
    is none of these has no suffix of it that is not empty. The last characters of the alternatives that look
    behind for nothing; then, for each class that alternatives look behind for first (`(?<=[0-9])`), the last
    characters of those and the characters of the class (a string that holds none has no match of those).
    `first`: the characters every match of the expression begins with, if none is empty and they are known."""
    from .prefixes import _P as sre  # the parser `re` itself compiles with (as the prefixes read it)

    if rx.flags & (re.IGNORECASE | re.MULTILINE | re.LOCALE):
        return None

    def chars(items, out: set[int], most: int = 10_000) -> bool:  # a one-character class's characters (few)
        if len(items) != 1 or items[0][0] is not sre.IN:
            return False
        for kind, value in items[0][1]:
            if kind is sre.LITERAL:
                out.add(value)
            elif kind is sre.RANGE and value[1] - value[0] < most - len(out):
                out.update(range(value[0], value[1] + 1))
            else:  # a negated class, a category (\\w, \\d)
                return False
        return True

    def last(items, out: set[int], at: int = -1) -> bool:  # the last (at=0: first) characters of a sequence's
        if not items:                                         # matches, none of them empty; False if unknown
            return False
        op, arg = items[at]
        if op is sre.LITERAL:
            out.add(arg)
            return True
        if op is sre.IN:
            return chars([items[at]], out)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return arg[0] >= 1 and last(list(arg[2]), out, at)
        if op is sre.BRANCH:
            return all(last(list(b), out, at) for b in arg[1])
        if op is sre.SUBPATTERN:
            return last(list(arg[3]), out, at)
        return False

    if first:  # the characters every match of an alternative begins with, after what it looks around for
        starts: set[int] = set()
        for items in _branches(rx):
            if not last([x for x in items if x[0] not in (sre.ASSERT, sre.ASSERT_NOT)], starts, 0):
                return None
        return frozenset(map(chr, starts))

    plain: set[int] = set()
    guarded: dict[frozenset[int], set[int]] = {}
    for items in _branches(rx):
        if not items or items[-1] not in ((sre.AT, sre.AT_END), (sre.AT, sre.AT_END_STRING)):
            return None
        body = items[:-1]
        if all(op in (sre.ASSERT, sre.ASSERT_NOT) for op, _ in body):
            continue  # only an empty match
        head, guard = body[0], set()
        if head[0] is sre.ASSERT and head[1][0] == -1 and chars(list(head[1][1]), guard, 1_000):
            if not last(body, guarded.setdefault(frozenset(guard), set())):  # a character of `guard` before it
                return None
        elif not last(body, plain):
            return None
    return frozenset(map(chr, plain)), tuple((frozenset(map(chr, ends)), frozenset(map(chr, guard)))
                                             for guard, ends in guarded.items())


def _branches(rx: re.Pattern) -> list[list]:
    """The alternatives of an expression, each as the parsed sequence of its items."""
    from .prefixes import _P as sre

    tree = list(sre.parse(rx.pattern, rx.flags))
    return [list(b) for b in tree[0][1][1]] if len(tree) == 1 and tree[0][0] is sre.BRANCH else [tree]
