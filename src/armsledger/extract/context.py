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
from pathlib import Path

import yaml

from ..catalogue import PACKAGED
from ..errors import CatalogueError
from .dates import DateMention
from .entities import Entities, Entity
from .text import Sentence
from .values import Money, Percent, Quantity

STAGES = ["consider", "offer", "negotiate", "sign", "deliver", "complete"]


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
        return [t for t in self.triggers if t.group == group and (not kinds or t.kind in kinds)]

    def has(self, group: str, *kinds: str) -> bool:
        return bool(self.of(group, *kinds))

    def near(self, group: str, kinds: tuple[str, ...], pos: int, before: int, after: int) -> list[Trigger]:
        return [t for t in self.of(group, *kinds) if pos - before <= t.start and t.end <= pos + after]


class Lexicon:
    """The trigger phrases, compiled: one regular expression per group and kind."""

    def __init__(self, path: Path | None = None) -> None:
        data = yaml.safe_load((path or PACKAGED / "triggers.yaml").read_text(encoding="utf-8"))
        self.rx: list[tuple[str, str, re.Pattern[str]]] = []
        for group, kinds in data.items():
            for kind, phrases in kinds.items():
                for p in phrases:
                    try:
                        re.compile(str(p))
                    except re.error as err:
                        raise CatalogueError(f"triggers.yaml: {group}/{kind}: pattern {p!r} is not a regular expression ({err})") from None
                alt = "|".join(f"(?:{p})" for p in sorted(phrases, key=len, reverse=True))
                self.rx.append((group, kind, re.compile(rf"(?<![\w-])(?:{alt})(?![\w])", re.I)))

    def find(self, text: str, offset: int) -> list[Trigger]:
        out = []
        for group, kind, rx in self.rx:
            for m in rx.finditer(text):
                if kind == "follow_on" and re.match(r"more\s+than|further\s+(?:detail|information|details)", text[m.start():m.start() + 20], re.I):
                    continue
                if kind == "future" and m.group().lower() == "next" and not re.match(r"next\s+(?:year|month|week|\w+day)", text[m.start():m.start() + 20], re.I):
                    continue
                if group == "modifier" and kind == "hedge" and m.group() == "May" and re.match(r"May\s+\d", text[m.start():m.start() + 8]):
                    continue
                out.append(Trigger(group, kind, offset + m.start(), offset + m.end(), m.group()))
        out.sort(key=lambda t: t.start)
        return out


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
                {"platform": c.platforms, "country": c.countries, "person": c.people,
                 "organization": c.orgs, "location": c.locations}[ent.kind].append((a, b, ent))
        c.money, c.quantities, c.percents, c.dates = (
            items[bisect_left(keys, s.start):bisect_left(keys, s.end)] for items, keys in keyed)
        clauses.append(c)
    return clauses
