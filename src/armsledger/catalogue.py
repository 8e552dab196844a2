"""Load and check the catalogues: countries, organisations, people, offices,
platforms, locations (YAML) and the exchange-rate table (CSV).

The packaged files in `catalogues/` are read first; a user's directory
(`--catalogues DIR` or `ARMSLEDGER_CATALOGUES`) is read after them, and an
entry there with the same id replaces the packaged one. The format is in
docs/catalogues.md.
"""
from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import cache
from .errors import CatalogueError

PACKAGED = Path(__file__).parent / "catalogues"
KINDS = {
    "countries": "country",
    "organisations": "organization",
    "people": "person",
    "offices": "office",
    "locations": "location",
    "platforms": "platform",
}
PLATFORM_CATEGORIES = {
    "fighter aircraft", "bomber aircraft", "attack aircraft", "trainer aircraft", "transport aircraft",
    "tanker aircraft", "maritime patrol aircraft", "airborne early warning aircraft", "reconnaissance aircraft",
    "attack helicopter", "military transport helicopter", "utility helicopter", "naval helicopter",
    "unmanned aerial vehicle", "loitering munition", "air defence system", "surface-to-air missile",
    "air-to-air missile", "anti-ship missile", "cruise missile", "ballistic missile", "hypersonic missile",
    "anti-tank missile", "air-to-surface missile", "guided bomb", "rocket artillery", "self-propelled howitzer",
    "towed howitzer", "mortar", "main battle tank", "infantry fighting vehicle", "armoured personnel carrier",
    "armoured vehicle", "aircraft carrier", "amphibious ship", "destroyer", "frigate", "corvette", "submarine",
    "patrol vessel", "mine countermeasures vessel", "auxiliary ship", "radar", "electronic warfare system",
    "aircraft engine", "naval engine", "torpedo", "naval gun", "assault rifle", "small arms", "satellite",
    "targeting pod", "active protection system",
}
ORG_TYPES = {
    "defence company", "state exporter", "ministry", "government body", "armed service", "agency",
    "news agency", "research institute", "intergovernmental organization", "armed group", "online platform",
    "political party", "stock exchange", "exhibition",
}


@dataclass
class Entry:
    """One catalogue entry: a thing with a canonical name and the other names it goes by."""

    kind: str
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    category: str | None = None  # platform category or organisation type or location type
    maker: str | None = None
    partners: list[str] = field(default_factory=list)  # a platform's other producing countries (a consortium's)
    shared_aliases: list[str] = field(default_factory=list)  # names another entry owns, used where this one's country leads
    parent: str | None = None
    role: str | None = None
    demonyms: list[str] = field(default_factory=list)
    capital: list[str] = field(default_factory=list)
    source: str = ""
    blocked: set[str] = field(default_factory=set)  # names a user's catalogue took over

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Catalogue:
    """Every entry by kind and id, the rejected aliases, and the rate table."""

    entries: dict[str, dict[str, Entry]]
    rejected: dict[str, set[str]]  # kind -> aliases never to match alone
    rates: dict[tuple[int, str], float]
    rates_note: str = ""
    # what the start-up cache (`armsledger/cache.py`) knows it by: the directories read and a hash of their
    # files; "" for a catalogue built in code, which is not cached
    slot: str = ""
    stamp: str = ""
    # kind -> names that are ordinary words too ("Apache", "Tiger", "Dauphin"): they name the entry only with a
    # defence word near them (`extract/gazetteer.py`), listed under a file's `_guard`
    guarded: dict[str, set[str]] = field(default_factory=dict)

    def get(self, kind: str, id_: str) -> Entry | None:
        return self.entries.get(kind, {}).get(id_)

    def of_kind(self, kind: str) -> dict[str, Entry]:
        return self.entries.get(kind, {})

    def country_code(self, text: str) -> str | None:
        """The ISO alpha-3 code of a country given by code, name, other name or demonym, any case
        ("POL", "pol", "Poland", "Polish"); None if no country goes by it."""
        key = text.strip().casefold()
        countries = self.of_kind("country")
        if key.upper() in countries:
            return key.upper()
        for e in countries.values():
            if key in {n.casefold() for n in e.names() + e.demonyms}:
                return e.id
        return None

    def check(self) -> list[str]:
        """Problems a curator should fix: aliases claimed twice, unknown categories, dangling parents."""
        problems: list[str] = []
        for kind, entries in self.entries.items():
            seen: dict[str, str] = {}
            for e in entries.values():
                forms = e.names() + e.demonyms + (e.capital if kind == "country" else [])
                if not e.name.strip():
                    problems.append(f"{e.source}: {e.id}: empty name")
                for a in forms:
                    key = a.casefold()
                    if key in seen and seen[key] != e.id:
                        problems.append(f"{e.source}: alias {a!r} is claimed by {seen[key]} and {e.id}")
                    seen.setdefault(key, e.id)
                if kind == "platform":
                    if e.category not in PLATFORM_CATEGORIES:
                        problems.append(f"{e.source}: {e.id}: unknown category {e.category!r}")
                    if e.parent and e.parent not in entries:
                        problems.append(f"{e.source}: {e.id}: parent {e.parent!r} is not an id")
                if kind == "organization" and e.category not in ORG_TYPES:
                    problems.append(f"{e.source}: {e.id}: unknown type {e.category!r}")
                if e.country and (len(e.country) != 3 or not e.country.isupper()):
                    problems.append(f"{e.source}: {e.id}: country {e.country!r} is not ISO alpha-3")
        return problems


def _files(directory: Path) -> list[tuple[str, Path]]:
    out = []
    for stem, kind in KINDS.items():
        single = directory / f"{stem}.yaml"
        if single.exists():
            out.append((kind, single))
        sub = directory / stem
        if sub.is_dir():
            out.extend((kind, p) for p in sorted(sub.glob("*.yaml")))
    return out


def read_yaml(path: Path):
    """A catalogue file's data; a key written twice in one mapping is an error (YAML loaders silently keep the
    last, so an entry, or a trigger kind's phrases, would vanish without a word)."""
    import yaml  # only when the cache has no copy: some 40 ms to import

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def mapping(loader, node):
        seen: dict = {}
        for key_node, _ in node.value:
            key = loader.construct_object(key_node)
            if key in seen:
                raise CatalogueError(f"{path}: line {key_node.start_mark.line + 1}: {key!r} is written twice "
                                     f"in one mapping (first on line {seen[key]}): merge or rename one of them")
            seen[key] = key_node.start_mark.line + 1
        return loader.construct_mapping(node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=Loader)
    except (OSError, yaml.YAMLError) as err:
        raise CatalogueError(f"{path}: cannot be read as YAML ({err})") from None


def _load_yaml(path: Path) -> dict:
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping of id -> entry, found {type(data).__name__}")
    return data


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v).strip()]


def _entry(kind: str, id_: str, raw: object, path: Path) -> Entry:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise CatalogueError(f"{path}: entry {id_!r} needs a mapping with a 'name'")
    return Entry(
        kind=kind,
        id=str(id_),
        name=str(raw["name"]).strip(),
        aliases=_as_list(raw.get("aliases")),
        country=(str(id_) if kind == "country" else raw.get("country")) or None,
        category=raw.get("category") or raw.get("type") or raw.get("rank"),
        maker=raw.get("maker"),
        partners=_as_list(raw.get("partners")),
        shared_aliases=_as_list(raw.get("shared_aliases")),
        parent=raw.get("parent"),
        role=raw.get("role"),
        demonyms=_as_list(raw.get("demonyms")),
        capital=_as_list(raw.get("capital")),
        source=path.name,
    )


def load(extra: str | os.PathLike | None = None) -> Catalogue:
    """The packaged catalogues, with a user's directory read over them.

    Example: `load().get("platform", "s-400").name == "S-400"`
    """
    extra = extra or os.environ.get("ARMSLEDGER_CATALOGUES") or None
    return _load_cached(str(extra) if extra else None)


def identity(extra: str | os.PathLike | None = None) -> tuple[str, str]:
    """The `slot` and `stamp` of the Catalogue `load(extra)` gives (what start-up cache items built from it are
    named and keyed by), from the catalogue files alone: without loading them."""
    extra = extra or os.environ.get("ARMSLEDGER_CATALOGUES") or None
    extra = str(extra) if extra else None
    _dirs(extra)
    return _slot(extra), _stamp(extra)


def _dirs(extra: str | None) -> list[Path]:
    dirs = [PACKAGED] + ([Path(extra)] if extra else [])
    for directory in dirs:
        if not directory.is_dir():
            raise CatalogueError(f"{directory}: catalogue directory not found")
    return dirs


@lru_cache(maxsize=4)
def _load_cached(extra: str | None) -> Catalogue:
    dirs = _dirs(extra)
    slot, key = _slot(extra), _stamp(extra)
    data = cache.fetch(f"catalogue-{slot}", key, lambda: _build(dirs))
    return Catalogue(
        {kind: {row[0]: Entry(kind, *row[:-1], blocked=set(row[-1])) for row in rows}
         for kind, rows in data["entries"].items()},
        {kind: set(names) for kind, names in data["rejected"].items()},
        {(year, currency): rate for year, currency, rate in data["rates"]}, data["note"], slot, key,
        {kind: set(names) for kind, names in data["guarded"].items()})


def _slot(extra: str | None) -> str:
    """The cache's name for the catalogues of `extra` read over the packaged ones."""
    where = [str(PACKAGED.resolve())] + ([str(Path(extra).resolve())] if extra else [])
    return cache.key("\0".join(where))[:16]


def _stamp(extra: str | None) -> str:
    """A hash of every catalogue file read (names and bytes) and of the code that reads them."""
    parts: list[str | Path] = [Path(__file__)]
    for directory in [PACKAGED] + ([Path(extra)] if extra else []):
        for kind, path in _files(directory) + [("rates", directory / "rates.csv")]:
            parts += [f"{kind}:{path.relative_to(directory)}", path]
    return cache.key(*parts)


def _build(dirs: list[Path]) -> dict:
    """The catalogues as plain data (what the cache keeps)."""
    entries: dict[str, dict[str, Entry]] = defaultdict(dict)
    rejected: dict[str, set[str]] = defaultdict(set)
    guarded: dict[str, set[str]] = defaultdict(set)
    rates: dict[tuple[int, str], float] = {}
    note = ""
    for n, directory in enumerate(dirs):
        for kind, path in _files(directory):
            data = _load_yaml(path)
            if n > 0:  # a user's names win over the packaged ones
                claimed = {a.casefold() for raw in data.values() if isinstance(raw, dict)
                           for a in [raw.get("name", "")] + _as_list(raw.get("aliases"))}
                for e in entries[kind].values():
                    e.aliases = [a for a in e.aliases if a.casefold() not in claimed]
                    if e.name.casefold() in claimed:
                        e.blocked.add(e.name.casefold())
            for id_, raw in data.items():
                if str(id_) == "_reject":
                    rejected[kind].update(a.casefold() for a in _as_list(raw))
                    continue
                if str(id_) == "_guard":
                    guarded[kind].update(a.casefold() for a in _as_list(raw))
                    continue
                if str(id_).startswith("_"):
                    continue
                entries[kind][str(id_)] = _entry(kind, str(id_), raw, path)
        rate_file = directory / "rates.csv"
        if rate_file.exists():
            note = _load_rates(rate_file, rates) or note
    return {"entries": {kind: [[e.id, e.name, e.aliases, e.country, e.category, e.maker, e.partners, e.shared_aliases,
                                e.parent, e.role, e.demonyms, e.capital, e.source, sorted(e.blocked)]
                               for e in es.values()] for kind, es in entries.items()},
            "rejected": {kind: sorted(names) for kind, names in rejected.items()},
            "guarded": {kind: sorted(names) for kind, names in guarded.items()},
            "rates": [[year, currency, rate] for (year, currency), rate in rates.items()], "note": note}


def _load_rates(path: Path, rates: dict[tuple[int, str], float]) -> str:
    comments: list[str] = []
    with path.open(encoding="utf-8") as fh:
        rows = []
        for line in fh:
            if line.startswith("#"):
                comments.append(line[1:].strip())
            elif line.strip():
                rows.append(line)
    for row in csv.DictReader(rows):
        try:
            rates[(int(row["year"]), row["currency"].strip().upper())] = float(row["per_usd"])
        except (KeyError, ValueError, AttributeError):
            raise CatalogueError(f"{path}: bad row {row!r}; expected year,currency,per_usd") from None
    return " ".join(comments)
