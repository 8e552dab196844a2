"""Is an article about defence at all? Off-topic pages keep their entities but give no events or deals.

Reads the finished record (entities with their catalogue categories and roles) and the body;
writes nothing but `filter_record`'s result. An article has defence content when it names

- a platform: a designation with a digit (S-400, F-35), or a name that is also a word (Patriot,
  Apache, Leclerc) beside a weapon noun or a defence term, or traded between countries in its sentence
  ("Egypt ordered the Rafale", "the Rafale, already bought by Qatar": a country before the verb and the name
  after it, or the name, a participle and "by" a country),
- a defence organisation: an armed service, a state arms exporter, an armed group, a ministry or
  body whose name says defence, military or armed forces, an alliance such as NATO,
- a defence official: a person whose office is a military rank or says defence,
- a defence term (arms, weapons, troops, warships, defence ministry, ...) in a sentence that
  also names a country ("defence" alone only beside words of statecraft: cooperation, ministry,
  agreements, ...; a football team has a defence too),
- or a defence company (many also make cars, ships or airliners) together with a defence term.

Without any of these, a "joint venture" of carmakers, a football club "signing" a striker, a
software firm "delivering" a release or a council "agreement" are not arms-trade events.
"""
from __future__ import annotations

import bisect
import re

from ..catalogue import Catalogue

# what counts as a defence term: words and phrases reporters use for arms, forces and war
DEFENCE_TERMS = re.compile(
    r"\b(?:"
    r"arms (?:deals?|sales?|exports?|imports?|trade|purchases?|embargo(?:es)?|suppl\w+|transfers?|packages?|race|control)"
    r"|weapons?|weaponry|armaments?|munitions?|ammunition|ordnance|artillery|howitzers?|missiles?|warheads?"
    r"|military|militar(?:y|ies)|armed forces|army|armies|navy|navies|naval|air forces?|marines|troops|soldiers"
    r"|warships?|submarines?|frigates?|corvettes?|destroyers?|aircraft carriers?|gunboats?"
    r"|fighter (?:jets?|aircraft|planes?)|warplanes?|combat (?:aircraft|jets?|helicopters?|drones?|vehicles?)"
    r"|attack helicopters?|battle tanks?|armou?red vehicles?|air[- ]defen[cs]e|missile defen[cs]e"
    r"|defen[cs]e (?:ministry|ministers?|secretary|officials?|deals?|pacts?|cooperation|co-operation|procurement"
    r"|industry|industrial|budgets?|spending|forces|contracts?|firms?|companies|contractors?|equipment|systems?"
    r"|exports?|imports?|ties|partnership|agreement|chiefs?|staff|acquisition|research|technology|production)"
    r"|ministry of defen[cs]e|department of defen[cs]e|pentagon|nato|nuclear (?:weapons?|arsenal|warheads?)"
    r"|drills|war games|military exercises?|security assistance|foreign military (?:sales?|financing)"
    r"|defen[cs]e"  # alone, only beside words of government (sport has defences too): see _STATECRAFT
    r")\b", re.I)
_STATECRAFT = re.compile(r"\b(?:security|co-?operation|minist\w+|government\w*|agreements?|memorand\w+|polic\w+|ties"
                         r"|sectors?|areas|fields|strategic|sovereignty|treaty|alliance|partnership)\b", re.I)
# what a platform's name stands beside when it means the weapon, not the football club or the racing driver
MAKER_MODEL = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)? A?\d{3}(?:-\d{1,3})?[A-Z]{0,2}")  # a maker's model, uncatalogued
_WEAPON_NOUNS = re.compile(r"\b(?:jets?|aircraft|planes?|fighters?|bombers?|helicopters?|choppers?|drones?|tanks?|ships?"
                           r"|vessels?|boats?|submarines?|subs|frigates?|systems?|batter(?:y|ies)|launchers?|missiles?"
                           r"|rockets?|guns?|rifles?|howitzers?|vehicles?|variants?|fleet|squadrons?|units)\b", re.I)
# what a country does to a platform it buys: the verb before the name ("Egypt ordered the Rafale") or its participle
# after it with "by" ("the Rafale, ordered by Egypt"); a carmaker sells cars ("Jaguar sold 5,000 cars")
TRADE_WORDS = tuple(  # every form, whole words (the relevance gate matches these too)
    f"{stem}{end}" for stem, ends in (("order", ("", "s", "ed", "ing")), ("buy", ("", "s", "ing")), ("bought", ("",)),
                                      ("purchas", ("e", "es", "ed", "ing")), ("acquir", ("e", "es", "ed", "ing")),
                                      ("procur", ("e", "es", "ed", "ing")), ("import", ("", "s", "ed", "ing")),
                                      ("select", ("", "s", "ed", "ing")), ("chose", ("", "n")),
                                      ("choos", ("e", "es", "ing")), ("sold", ("",)), ("sell", ("", "s", "ing")),
                                      ("suppl", ("y", "ies", "ied", "ying")), ("deliver", ("", "s", "ed", "ing")),
                                      ("export", ("", "s", "ed", "ing")))
    for end in ends)
TRADE_VERBS = re.compile(r"\b(?:" + "|".join(sorted(TRADE_WORDS, key=len, reverse=True)) + r")\b", re.I)
_BY = re.compile(r"\s+(?:\w+\s+){0,2}?by\b", re.I)
_GOODS_AFTER = re.compile(r"\W*(?:cars?|SUVs?|motorcycles?|trucks?|buses|bikes?|phones?|shoes|sneakers|software"
                          r"|watches|jerseys?|tickets?|shares?|stakes?|brand)\b", re.I)
_DEFENCE_NAME = re.compile(r"\b(?:defen[cs]e|military|armed forces|army|navy|naval|air force|war|nato|arms)\b", re.I)
_STOPS = re.compile(r"[.!?\n]")  # what ends a sentence (or a line): a full stop, "!", "?", a line break
_BREAKS = re.compile(r"\n")  # what ends a paragraph
_ALWAYS_DEFENCE_ORGS = {"armed service", "state exporter", "armed group"}
# military titles that sports, ships, airlines and police use as well
_SHARED_TITLES = {"captain", "capt", "commander", "commodore"}

__all__ = ["DEFENCE_TERMS", "defence_content", "filter_record"]


def defence_content(record: dict, body: str, catalogue: Catalogue) -> str | None:
    """What makes the article defence news ("platform S-400", "official: Defence Minister", ...),
    or None when nothing does.

    Example: `defence_content(record, body, extractor.catalogue)`
    """
    entities = record.get("entities", [])
    # a country named outright, or standing behind a government body or an office holder ("the Egyptian presidency")
    countries = sorted(m["start"] for e in entities if e["kind"] == "country" or (
        e["kind"] in ("organization", "person") and e.get("country") and (e.get("role") or e.get("category")))
        for m in e.get("mentions", []))
    spans = _Spans(body)
    for e in entities:
        if e["kind"] == "platform" and e.get("category") is None and MAKER_MODEL.fullmatch(e["name"]):
            if any(spans.finds(DEFENCE_TERMS, *spans.sentence(m["start"])) for m in e.get("mentions", [])):
                return f"platform {e['name']}"
            continue  # "Boeing 737", "Airbus A321": an airliner unless a defence term stands beside it
        if e["kind"] == "platform" and any(_means_weapon(spans, m, countries) for m in e.get("mentions", [])):
            return f"platform {e['name']}"
    for e in entities:
        if e["kind"] == "organization" and _defence_org(e):
            return f"organisation {e['name']}"
    ranks = _ranks(catalogue)
    for e in entities:
        role = e.get("role")
        # named by more than the surname at least once: "Rossi said..." alone is too common to make defence news
        if e["kind"] == "person" and role and _defence_role(role, ranks) \
                and any(m["text"] != e["name"].split()[-1] for m in e.get("mentions", [])):
            return f"official {e['name']} ({role})"
    if countries:
        for term in DEFENCE_TERMS.finditer(body):
            start, end = spans.paragraph(term.start())
            i = bisect.bisect_left(countries, start)
            if i < len(countries) and countries[i] < end and (
                    term[0].lower() not in ("defence", "defense") or spans.finds(_STATECRAFT, *spans.sentence(term.start()))):
                return f"'{term[0]}' with a country"
    companies = [e for e in entities if e["kind"] == "organization" and e.get("category") == "defence company"]
    term = DEFENCE_TERMS.search(body) if companies else None
    if term:
        return f"defence company {companies[0]['name']} and '{term[0]}'"
    return None


def filter_record(record: dict, body: str, catalogue: Catalogue) -> dict:
    """`record` as it is when the article has defence content; else without its events and deals."""
    if (record.get("events") or record.get("deals")) and defence_content(record, body, catalogue) is None:
        record["events"], record["deals"] = [], []
    return record


def _means_weapon(spans: _Spans, mention: dict, countries: list[int] = ()) -> bool:
    """A designation with a digit (S-400, F-35, Type 054A) is a weapon's; a name that is a word too
    (Patriot, Apache, Leclerc, Tiger, Rafale) only beside a weapon noun or a defence term in its sentence, or
    bought by a country there (`countries`: where countries are named, sorted)."""
    text = mention.get("text") or ""
    if any(ch.isdigit() for ch in text):
        return True
    start, end = spans.sentence(mention["start"])
    return bool(spans.finds(_WEAPON_NOUNS, start, end, whole=True) or spans.finds(DEFENCE_TERMS, start, end, whole=True)
                or _traded(spans, mention, start, end, countries))


def _traded(spans: _Spans, mention: dict, start: int, end: int, countries) -> bool:
    """Whether the sentence `body[start:end]` has a country buy the platform named at `mention`: a country, then a
    trade verb, then the name ("Egypt has ordered the Rafale"), or the name, the verb and "by" a country ("the
    Rafale, already bought by Qatar and Greece"); not when goods follow the name ("Jaguar cars").
    The sentence's verbs are read once (`_Spans.verbs`), each mention then looks them up by bisection."""
    at, stop = mention["start"], mention["start"] + len(mention.get("text") or "")
    if _GOODS_AFTER.match(spans.body, stop):
        return False
    first, last = bisect.bisect_left(countries, start), bisect.bisect_left(countries, end) - 1
    if first > last:
        return False
    starts, ends, by_from = spans.verbs(start, end)
    # a verb wholly before the name with a country before it: the last such verb starts latest
    before = bisect.bisect_right(ends, at) - 1
    if before >= 0 and countries[first] < starts[before]:
        return True
    # a verb at or after the name's end, "by" after it, a country after the "by": the earliest "by" of those verbs
    after = bisect.bisect_left(starts, stop)
    return after < len(starts) and by_from[after] <= countries[last]


class _Spans:
    """One body's sentences and paragraphs, found by bisection over its stops and line breaks (found once, not
    scanned for around each mention), and what a pattern finds in a span, searched once per span."""

    def __init__(self, body: str):
        self.body = body
        self._stops = [m.start() for m in _STOPS.finditer(body)]
        self._breaks = [m.start() for m in _BREAKS.finditer(body)]
        self._found: dict = {}
        self._verbs: dict = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        """The span of the sentence (or line) holding `pos`, by full stops and line breaks."""
        i = bisect.bisect_left(self._stops, pos)
        return (self._stops[i - 1] + 1 if i else 0), (self._stops[i] if i < len(self._stops) else len(self.body))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The span of the paragraph (line) holding `pos`."""
        i = bisect.bisect_left(self._breaks, pos)
        return (self._breaks[i - 1] + 1 if i else 0), (self._breaks[i] if i < len(self._breaks) else len(self.body))

    def finds(self, pattern: re.Pattern, start: int, end: int, whole: bool = False) -> bool:
        """Whether `pattern` is found in `body[start:end]` (`whole`: searched as a string of its own)."""
        key = (pattern, start, end, whole)
        if key not in self._found:
            self._found[key] = bool(pattern.search(self.body[start:end]) if whole else pattern.search(self.body, start, end))
        return self._found[key]

    def verbs(self, start: int, end: int) -> tuple[list[int], list[int], list[float]]:
        """The trade verbs of `body[start:end]`: their starts, their ends, and for each, the earliest end of a "by"
        following it or a later verb (inf when none)."""
        if (start, end) not in self._verbs:
            found = list(TRADE_VERBS.finditer(self.body, start, end))
            by_from = [float("inf")] * (len(found) + 1)
            for k in range(len(found) - 1, -1, -1):
                by = _BY.match(self.body, found[k].end())
                by_from[k] = min(by_from[k + 1], by.end() if by else float("inf"))
            self._verbs[(start, end)] = ([v.start() for v in found], [v.end() for v in found], by_from)
        return self._verbs[(start, end)]


def _defence_org(e: dict) -> bool:
    category = e.get("category") or ""
    if category in _ALWAYS_DEFENCE_ORGS:
        return True
    if category in ("ministry", "government body", "agency", "intergovernmental organization", "research institute"):
        return bool(_DEFENCE_NAME.search(e["name"]))
    return False


def _defence_role(role: str, ranks: dict[str, str]) -> bool:
    key = role.casefold().rstrip(".")
    if key in _SHARED_TITLES:
        return False
    return ranks.get(key) == "military" or bool(_DEFENCE_NAME.search(role))


_ranks_of: list = [None, {}]  # the catalogue last asked about, and its ranks


def _ranks(catalogue: Catalogue) -> dict[str, str]:
    """Office title (any of its names, casefolded) -> rank (`military`, `government`, ...)."""
    if _ranks_of[0] is not catalogue:
        _ranks_of[:] = [catalogue, {n.casefold(): office.category or "" for office in catalogue.of_kind("office").values()
                                    for n in office.names()}]
    return _ranks_of[1]

