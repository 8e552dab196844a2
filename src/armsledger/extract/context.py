"""What each sentence holds: triggers, entities, values and dates.

Reads: sentences, entities, values and dates of the whole article. Writes: one
`Clause` per sentence, the unit the deal and event rules work on. Triggers
come from `catalogues/triggers.yaml`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from .. import cache
from ..catalogue import PACKAGED, read_yaml
from ..errors import CatalogueError
from . import prefixes
from .dates import DateMention
from .entities import Entities, Entity
from .prefixes import FOLDS_TO_ASCII, MAX_LEN, all_beginnings, caseless, for_text, trie
from .text import Sentence
from .values import Money, Percent, Quantity

STAGES = ["consider", "offer", "negotiate", "sign", "deliver", "complete"]
# the accords a signing signs that are no purchase ("the 2015 nuclear deal", "a peace agreement"), written once:
# triggers.yaml's phrases read it as `{NO_PURCHASE_ACCORDS}` (`_read_triggers`), `deals._LAW_SIGNED` as a constant
NO_PURCHASE_ACCORDS = "nuclear|peace|trade|ceasefire|climate"
# the names a trigger phrase may hold in braces, each for its words (here, so that the start-up cache's stamp of this
# file covers them)
_PHRASE_WORDS = {"NO_PURCHASE_ACCORDS": NO_PURCHASE_ACCORDS}
_PHRASE_WORD = re.compile(r"\{([A-Z_]+)\}")


@dataclass
class Trigger:
    group: str  # deal | event | modifier
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Clause:
    sent: Sentence
    triggers: list[Trigger] = field(default_factory=list)
    platforms: list[tuple[int, int, Entity]] = field(default_factory=list)
    countries: list[tuple[int, int, Entity]] = field(default_factory=list)
    people: list[tuple[int, int, Entity]] = field(default_factory=list)
    orgs: list[tuple[int, int, Entity]] = field(default_factory=list)
    locations: list[tuple[int, int, Entity]] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    percents: list[Percent] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.sent.start

    @property
    def end(self) -> int:
        return self.sent.end

    def of(self, group: str, *kinds: str) -> list[Trigger]:
        """The triggers of a group (of those kinds, or any), as a fresh list the caller may change."""
        return list(self.found(group, kinds))

    def found(self, group: str, kinds: tuple[str, ...] = ()) -> tuple[Trigger, ...]:
        """The triggers of a group (of those kinds, or any): `of` without the fresh list, for who only reads them."""
        # the rules ask the same questions of a sentence many times: the answers are kept (as long
        # as `triggers` is the same list of the same length)
        triggers = self.triggers
        if not triggers:  # a fifth of the questions: a sentence without triggers
            return ()
        memo = self.__dict__.get("_of")
        if memo is None or memo[0] is not triggers or memo[1] != len(triggers):
            memo = self.__dict__["_of"] = (triggers, len(triggers), {})
        key = (group, kinds)
        found = memo[2].get(key)
        if found is None:
            found = memo[2][key] = tuple([t for t in triggers if t.group == group and (not kinds or t.kind in kinds)])
        return found

    def has(self, group: str, *kinds: str) -> bool:
        return bool(self.found(group, kinds))

    def near(self, group: str, kinds: tuple[str, ...], pos: int, before: int, after: int) -> list[Trigger]:
        return [t for t in self.found(group, kinds) if pos - before <= t.start and t.end <= pos + after]


class Lexicon:
    """The trigger phrases, compiled: one regular expression per group and kind.

    `find` gives exactly what running each kind's expression over the sentence with
    `finditer` gives, but tries the expressions only where they can match: the first
    characters a phrase can begin with are read from its expression (`prefixes.beginnings`),
    one pass of a plain expression over the lower-cased sentence finds the words that
    begin so, and each kind's expression is tried at those of its own.
    """

    def __init__(self, path: Path | None = None) -> None:
        path = path or PACKAGED / "triggers.yaml"
        data = cache.fetch(f"triggers-{cache.key(str(path.resolve()))[:16]}", cache.key(Path(__file__), path),
                           lambda: _read_triggers(path))
        phrases_of = [(group, kind, phrases) for group, kinds in data.items() for kind, phrases in kinds.items()]
        every = [str(p) for _, _, phrases in phrases_of for p in phrases]
        heads = iter(all_beginnings(every, [re.I] * len(every), name="triggers"))
        self.rx: list[tuple[str, str, re.Pattern[str]]] = []
        kind_prefixes: list[set[str] | None] = []
        compiled = cache.Expressions(f"triggers-{cache.key(str(path.resolve()))[:16]}")
        patterns = []
        for group, kind, phrases in phrases_of:
            alt = "|".join(f"(?:{p})" for p in sorted(phrases, key=len, reverse=True))
            patterns.append(rf"(?<![\w-])(?:{alt})(?![\w])")
            self.rx.append((group, kind, compiled(patterns[-1], re.I)))
        # each kind's case-sensitive twin (`prefixes.caseless`), run over the lower-cased sentence where that stands
        # for it: the same matches at the same places, found faster; which kinds have one is read once and kept
        plain = cache.fetch(f"trigger-twins-{cache.key(str(path.resolve()))[:16]}",
                            cache.key(Path(__file__), Path(prefixes.__file__), path),
                            lambda: [caseless(rx) is not None for _, _, rx in self.rx])
        self.twins: list[re.Pattern[str] | None] = [compiled(p, 0) if ok else None for p, ok in zip(patterns, plain)]
        for group, kind, phrases in phrases_of:
            found: set[str] | None = set()
            for pre in [next(heads) for _ in phrases]:
                if pre is None or found is None:
                    found = None
                else:
                    found |= pre
            kind_prefixes.append(found)
        # kinds whose phrases' beginnings cannot be told are run over every sentence as they are
        self._scan = tuple(i for i, f in enumerate(kind_prefixes) if f is None)
        index: dict[int, dict[str, list[int]]] = {}
        for i, f in enumerate(kind_prefixes):
            for pre in f or ():
                index.setdefault(len(pre), {}).setdefault(pre, []).append(i)
        self._index = [(n, {pre: tuple(ks) for pre, ks in index[n].items()}) for n in sorted(index, reverse=True)]
        self._memo: dict[str, tuple[int, ...]] = {}
        every = sorted({pre for _, table in self._index for pre in table})
        # the places a beginning stands, not after a word character or hyphen: `(?<![\w-])(?=beginning)` written so
        # that the search skips to the characters a beginning starts with (an expression that opens with a
        # lookbehind is tried at every character): that character read first, the test before it made behind it
        # (`(?<![\w-].)`), the beginning looked for from it by a lookahead inside a one-character lookbehind. A match
        # is that one character, so the next search starts one on, as after the zero-width match it was
        firsts = sorted({pre[0] for pre in every})
        self._starts = None if not every else compiled(
            "[" + "".join(map(re.escape, firsts)) + rf"](?<![\w-].)(?<=(?={trie(every)}).)") if "\n" not in firsts \
            else compiled(rf"(?<![\w-])(?={trie(every)})")
        compiled.save()

    def find(self, text: str, offset: int) -> list[Trigger]:
        low = text.lower()
        if self._starts is None or len(low) != len(text) or (not text.isascii() and FOLDS_TO_ASCII.search(text)):
            return self._find_all(text, offset)
        per_kind: dict[int, list[int]] = {k: [] for k in self._scan}
        memo = self._memo
        for m in for_text(self._starts, low).finditer(low):
            pos = m.start()
            head = low[pos:pos + _HEAD]
            kinds = memo.get(head)
            if kinds is None:
                kinds = self._kinds_at(head)
            for k in kinds:
                at = per_kind.get(k)
                if at is None:
                    per_kind[k] = [pos]
                else:
                    at.append(pos)
        if not per_kind:
            return []
        out: list[Trigger] = []
        rxs = self.rx
        for k in sorted(per_kind):
            group, kind, rx = rxs[k]
            if k in self._scan:
                for m in rx.finditer(text):
                    self._keep(out, group, kind, m.start(), m.end(), text, offset)
                continue
            twin = self.twins[k]
            match = for_text(twin, low).match if twin is not None else None
            # finditer's matches, tried only where one can begin
            end = 0
            for pos in per_kind[k]:
                if pos < end:
                    continue
                m = match(low, pos) if twin else rx.match(text, pos)
                if m is None:
                    continue
                start, end = m.span()
                if start == end:  # an empty match: leave finditer's own rules to finditer
                    return self._find_all(text, offset)
                self._keep(out, group, kind, start, end, text, offset)
        out.sort(key=_START)
        return out

    def _kinds_at(self, head: str) -> tuple[int, ...]:
        """The kinds whose phrases can begin with `head` (lower case, the text from a candidate on)."""
        found = set()
        for n, table in self._index:
            found.update(table.get(head[:n], ()))
        kinds = tuple(sorted(found))
        if len(self._memo) < 100_000:
            self._memo[head] = kinds
        return kinds

    def _find_all(self, text: str, offset: int) -> list[Trigger]:
        """Each kind's expression over the whole sentence."""
        out: list[Trigger] = []
        for group, kind, rx in self.rx:
            for m in rx.finditer(text):
                self._keep(out, group, kind, m.start(), m.end(), text, offset)
        out.sort(key=_START)
        return out

    @staticmethod
    def _keep(out: list[Trigger], group: str, kind: str, start: int, end: int, text: str, offset: int) -> None:
        """The match [start, end) of `text` as a trigger, unless it is one of the known false ones."""
        if kind == "follow_on" and _NOT_FOLLOW_ON.match(text[start:start + 20]):
            return
        said = text[start:end]
        if kind == "sign" and said.lower() == "sign" and (not _SIGN_OBJECT.match(text, end)
                                                          or _NOT_A_SIGNING.search(text, max(0, start - 12), start)):
            return  # "sign" a signing only as a headline tells one: "India and France Sign Submarine Deal"
        if kind == "sign" and said.lower() in ("sign", "signs") and _SIGN_NOUN.match(text, end):
            return  # "Signs of F-16s being moved came to light", "a sign that talks stalled": the noun
        if kind in ("sign", "DEAL_SIGNED") and said.lower() == "ordered" and _NO_PURCHASE_ORDERED.match(text, end):
            return  # "ordered a review of the helicopter deal", "ordered an investigation": a command, no purchase
        if kind in ("DELIVERY", "deliver") and _ARRIVE_OR_RECEIVE.search(said) and _VISITOR.match(text, end):
            return  # "Pistorius is due to arrive in New Delhi on a four-day visit": a visit, no delivery
        if kind in ("DELIVERY", "deliver") and _RECEIVE.search(said) and _NO_GOODS.match(text, end):
            return  # "the firm received its first export order", "had received $22 million": no goods received
        if kind == "future" and said.lower() == "next" and not _NEXT_WHEN.match(text[start:start + 20]):
            return
        if group == "modifier" and kind == "hedge" and said == "May" and (
                _MAY_DATE.match(text[start:start + 8]) or _MONTH_BEFORE.search(text[max(0, start - 12):start])):
            return  # the month: "May 5", "in May", "since May", "last May
        out.append(Trigger(group, kind, offset + start, offset + end, said))


def _read_triggers(path: Path) -> dict:
    """triggers.yaml, every phrase checked to be a regular expression."""
    data = read_yaml(path)  # only when the start-up cache has no copy
    for group, kinds in data.items():
        for kind, phrases in kinds.items():
            for i, p in enumerate(phrases):
                try:
                    phrases[i] = p = _PHRASE_WORD.sub(lambda m: _PHRASE_WORDS[m[1]], str(p))
                except KeyError as err:
                    raise CatalogueError(f"triggers.yaml: {group}/{kind}: pattern {p!r} names no word list {err}") from None
                try:
                    re.compile(p)
                except re.error as err:
                    raise CatalogueError(f"triggers.yaml: {group}/{kind}: pattern {p!r} is not a regular expression ({err})") from None
    return data


_START = attrgetter("start")
_HEAD = MAX_LEN
_NOT_FOLLOW_ON = re.compile(r"more\s+than|further\s+(?:detail|information|details)", re.I)
_NEXT_WHEN = re.compile(r"next\s+(?:year|month|week|\w+day)", re.I)
# the bare verb "sign" signs something: an accord within a few words ("sign $9 billion deal", "Sign F16 Purchase
# Agreement"), not a planned or denied signing ("to sign", "will sign", "did not sign"), not a noun ("a sign that")
_SIGN_OBJECT = re.compile(r"\s+(?:[^\s.,;:!?]+\s+){0,4}?(?:deals?|contracts?|agreements?|pacts?|accords?|mous?|"
                          r"memorand\w*|letters?\s+of\s+intent|treaty|treaties)\b", re.I)
_NOT_A_SIGNING = re.compile(r"\b(?:to|will|would|could|may|might|shall|should|can|cannot|must|not|did|does|do|a|the|"
                            r"no|any|first)\s+$", re.I)
_MAY_DATE = re.compile(r"May\s+\d")
_SIGN_NOUN = re.compile(r"\s+(?:of|that)\b", re.I)  # "signs of", "a sign that": the noun, no signing
# what is ordered that is no purchase: an inquiry, a halt ("ordered a review of the deal", "ordered an investigation
# into", "ordered a halt to")
_NO_PURCHASE_ORDERED = re.compile(r"\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:reviews?|investigations?|inquiry|"
                                  r"inquiries|enquiry|enquiries|probes?|audits?|study|studies|assessments?|halt|suspension|"
                                  r"evacuation|withdrawal|closure|freeze|ban|arrest)\b", re.I)
# an arrival or a receiving that is a visit, not a delivery: "is due to arrive in New Delhi today on a four-day
# visit", "will receive his Ukrainian colleague", "received a delegation of"
_VISITOR = re.compile(r"(?:\s+[^\s.;:!?]+){0,6}?\s+(?:on|for)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?visits?\b"
                      r"|\s+(?:his|her|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|colleagues?|delegations?|guests?|"
                      r"visitors?|envoys?)\b", re.I)
_ARRIVE_OR_RECEIVE = re.compile(r"(?:arriv|receiv)", re.I)
# what is received that is no goods: an order, a contract, a bid or an approval ("received its first ever export
# order", "has received a contract for"), money ("received $22 million from", "received payment"), a guest ("received
# him at the White House"); the receiving words read only to their object, a few words on
_RECEIVE = re.compile(r"receiv", re.I)
_NO_GOODS = re.compile(r"\s*(?:(?:its|the|a|an|their|his|her|our|this|that|some|any|no|more|further)\s+)?"
                       r"(?:(?!(?:batch|consignment|shipment|delivery|deliveries|units?|lot|under|from|for|of|in|on|at|"
                       r"by|with|to|as|and|after|before|since)\b)[\w-]+\s+){0,3}?"
                       r"(?:orders?|contracts?|bids?|tenders?|offers?|proposals?|requests?|approvals?|clearance|permission|"
                       r"go-ahead|green\s+light|funding|funds|payments?|money|loans?|credits?|grants?|awards?|invitations?|"
                       r"letters?|calls?|assurances?|guarantees?|briefings?|complaints?|criticism|reports?)\b"
                       r"|\s*(?:(?:a|an|some|about|nearly|almost|over|more\s+than)\s+)?(?:[$€£¥]|US\$|USD|EUR|Rs\.?|INR)\s?"
                       r"[\d.,]*\d(?:\s*(?:million|billion|trillion|bn|mn|m|crore|lakh)\b)?(?=\s*(?:from|in|for|as|under|over|"
                       r"since|this|last|[,.;:]|$))"
                       r"|\s+(?:him|her)\b", re.I)
_MONTH_BEFORE = re.compile(r"\b(?:in|on|by|since|until|till|from|to|last|next|this|early|late|mid|of|during|through|"
                           r"between|and|before|after|that)[\s-]+$", re.I)


# the list of a `Clause` each kind of entity goes to
_LIST_OF_KIND = {"platform": "platforms", "country": "countries", "person": "people", "organization": "orgs",
                 "location": "locations"}


def _in_name(dm: DateMention, platforms: list[tuple[int, int, Entity]]) -> bool:
    """Whether a date lies within a platform's name: the "2000" of "Mirage 2000" or "PzH 2000" dates nothing."""
    return any(a <= dm.start and dm.end <= b for a, b, _ in platforms)


@lru_cache(maxsize=2)
def lexicon() -> Lexicon:
    return Lexicon()


def build(sentences: list[Sentence], ents: Entities, money: list[Money], quantities: list[Quantity],
          percents: list[Percent], dates: list[DateMention]) -> list[Clause]:
    lex = lexicon()
    clauses = []
    spans = sorted(ents.spans, key=lambda x: x[0])
    starts = [a for a, _, _ in spans]
    keyed = [(items, [x.start for x in items]) for items in (money, quantities, percents, dates)]
    for s in sentences:
        c = Clause(s)
        c.triggers = [] if s.noise else lex.find(s.text, s.start)
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        for a, b, ent in spans[lo:hi]:
            if a >= s.start and b <= s.end:
                getattr(c, _LIST_OF_KIND[ent.kind]).append((a, b, ent))
        c.money, c.quantities, c.percents, c.dates = (
            items[bisect_left(keys, s.start):bisect_left(keys, s.end)] for items, keys in keyed)
        if c.dates and c.platforms:
            c.dates = [dm for dm in c.dates if not _in_name(dm, c.platforms)]
        clauses.append(c)
    return clauses
