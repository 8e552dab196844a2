"""Money, quantities and percentages, with the exact span that states each.

Reads: the article body. Writes: lists of `Money`, `Quantity`, `Percent`.
Amounts are normalised (amount + ISO 4217 code); a USD figure comes from the
shipped table of yearly average rates (`rates.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat

from .prefixes import Caseless, for_text
from .spans import SpanSet
from .numbers import NUM, SCALE, NUMBER_WORDS, parse_number, scale_of

# currency symbols and codes written before the number
_PREFIX = {
    "us$": "USD", "usd": "USD", "u.s.$": "USD", "$": "USD", "us $": "USD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR",
    "rs": "INR", "rs.": "INR", "inr": "INR", "₩": "KRW", "krw": "KRW", "chf": "CHF", "sfr": "CHF",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "zł": "PLN", "cny": "CNY", "rmb": "CNY",
    "aud": "AUD", "a$": "AUD", "au$": "AUD", "cad": "CAD", "c$": "CAD", "nzd": "NZD", "nz$": "NZD",
    "aed": "AED", "dh": "AED", "dhs": "AED", "sar": "SAR", "sr": "SAR", "qar": "QAR", "try": "TRY",
    "₺": "TRY", "ils": "ILS", "nis": "ILS", "₪": "ILS", "brl": "BRL", "r$": "BRL", "zar": "ZAR",
    "rub": "RUB", "₽": "RUB", "uah": "UAH", "₴": "UAH", "egp": "EGP", "pkr": "PKR", "idr": "IDR",
    "rp": "IDR", "myr": "MYR", "rm": "MYR", "sgd": "SGD", "s$": "SGD", "php": "PHP", "₱": "PHP",
    "thb": "THB", "twd": "TWD", "nt$": "TWD", "hkd": "HKD", "hk$": "HKD", "czk": "CZK", "huf": "HUF",
    "ron": "RON", "mxn": "MXN", "kwd": "KWD", "vnd": "VND", "ngn": "NGN", "₦": "NGN", "jpy¥": "JPY",
    "qr": "QAR", "ksh": "KES", "kshs": "KES", "kes": "KES", "ush": "UGX", "shs": "UGX", "ugx": "UGX",
    "tsh": "TZS", "tzs": "TZS",
}  # a bare "Sh" is no currency here: Kenyan and Tanzanian papers both write it for their own shilling
# currency names written after the number
_SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "sterling": "GBP", "gbp": "GBP", "swiss francs": "CHF", "francs": "CHF", "chf": "CHF",
    "rupees": "INR", "rupee": "INR", "inr": "INR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "won": "KRW", "krw": "KRW", "roubles": "RUB", "rubles": "RUB", "rub": "RUB",
    "swedish kronor": "SEK", "kronor": "SEK", "krona": "SEK", "sek": "SEK", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "kroner": "NOK", "nok": "NOK", "zlotys": "PLN", "zloty": "PLN", "pln": "PLN",
    "lira": "TRY", "liras": "TRY", "shekels": "ILS", "reais": "BRL", "rand": "ZAR", "riyals": "SAR",
    "dirhams": "AED", "hryvnias": "UAH", "hryvnia": "UAH", "ringgit": "MYR", "rupiah": "IDR",
    "baht": "THB", "pesos": "PHP", "dinars": "KWD", "aed": "AED", "sar": "SAR", "australian dollars": "AUD",
    "canadian dollars": "CAD", "singapore dollars": "SGD", "taiwan dollars": "TWD", "czech crowns": "CZK",
    "australian dollar": "AUD", "canadian dollar": "CAD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "koruna": "CZK", "forints": "HUF", "pakistani rupees": "PKR", "egyptian pounds": "EGP",
}
_QUAL = (r"(?:(?P<qual>nearly|almost|around|about|approximately|approx\.?|roughly|some|over|more than|"
         r"less than|under|up to|as much as|at least|an estimated|estimated|a little over|just over|"
         r"just under|close to|in excess of|upwards of|below|above|at most)\s+)?")
_pre = "|".join(re.escape(k) for k in sorted(_PREFIX, key=len, reverse=True))
_suf = "|".join(re.escape(k) for k in sorted(_SUFFIX, key=len, reverse=True))
_SEP = r"[\s\u00a0-]?"
# Everything is read around the numbers of the text (_NUM_START): a pattern tried at
# every character with leading optional groups costs ten times more. The starts are looked for
# over the lower-cased text (`Caseless`: the same places, twice as fast as re.I).
_NUM_START = Caseless(re.compile(rf"(?<![\w.,])(?:\d|(?:{NUMBER_WORDS})\b|a (?:dozen|hundred|couple)|half a|dozens)",
                                 re.I))
_NUM_AT = re.compile(NUM, re.I)
_QUAL_BEFORE = Caseless(re.compile(_QUAL.replace("(?:(?P<qual>", "(?:(?P<qual>").rstrip("?") + "$", re.I))
_CUR_BEFORE = re.compile(rf"(?<![\w$])(?P<cur>{_pre})\s?$", re.I)
_PREFIX_AFTER = re.compile(rf"(?:{_SEP}(?P<scale>{SCALE})\b)?(?:\s+(?P<cur2>dollars|usd)\b)?", re.I)
_SUFFIX_AFTER = re.compile(rf"(?:{_SEP}(?P<scale>{SCALE}))?(?:\s+|(?<=[a-z])-)(?P<cur>{_suf})\b", re.I)  # "930 billion-won"
# a range of sums whose scale and currency are written once: "€7-8 billion", "$5 to 6 billion", "1.2 to 1.5 billion
# euros"; the sum is its low end (the first figure, at the second's scale)
_RANGE_AFTER = re.compile(rf"\s*(?:-|–|to)\s*(?:[$€£₹]\s?)?{NUM}(?={_SEP}{SCALE}\b)", re.I)
# a currency written against the number ("RM3.8 billion", "Rs40 crore", "P18.9-billion"): no number starts there for
# `_NUM_START`; the peso's "P" only with a scale after it. The word boundary is checked after the first letter
# (`(?<!\w.)`, the same test): an expression that begins with letters is searched for by them, one that begins
# with `\b` is tried at every character of the text (twice as slow over the training texts)
# Gulf, East African and Nigerian papers write their own currency so too ("Dh5.7 billion", "QR2.6bn", "KSh3 billion",
# "Shs50 billion", "N1 billion"); the naira's "N", like the peso's "P", only with a scale after it; a bare "Sh140
# billion" is glued too, so that its number is no bare sum, but names no currency (`_PREFIX`)
_GLUED = re.compile(r"(?:R(?<!\w.)(?:M|s|p)|P(?<!\w.)|D(?<!\w.)hs?|Q(?<!\w.)R|[KUT](?<!\w.)Shs?|S(?<!\w.)hs?|"
                    r"N(?<!\w.))(?=\d)")

_UNITS = {
    "squadron": "squadron", "regiment": "regiment", "battery": "battery", "batteries": "battery",
    "system": "system", "unit": "unit", "fire unit": "fire unit", "aircraft": "aircraft", "jet": "aircraft",
    "fighter": "aircraft", "plane": "aircraft", "warplane": "aircraft", "airplane": "aircraft",
    "airframe": "aircraft", "trainer": "aircraft", "airlifter": "aircraft", "bomber": "aircraft", "mbt": "tank",
    "drone": "drone", "uav": "drone", "ucav": "drone",
    "helicopter": "helicopter", "chopper": "helicopter", "tank": "tank", "howitzer": "howitzer",
    "gun": "gun", "rifle": "rifle", "carbine": "rifle", "missile": "missile", "launcher": "launcher",
    "vessel": "vessel", "ship": "ship", "warship": "ship", "submarine": "submarine", "frigate": "frigate",
    "corvette": "corvette", "destroyer": "destroyer", "boat": "boat", "vehicle": "vehicle", "radar": "radar",
    "round": "round", "shell": "shell", "torpedo": "torpedo", "torpedoes": "torpedo", "engine": "engine",
    "satellite": "satellite", "set": "set", "kit": "kit", "munition": "munition", "bomb": "bomb",
    "rocket": "rocket", "interceptor": "missile", "mortar": "mortar", "carrier": "carrier",
}
_CARRIER_KIND = re.compile(r"\b(helicopter|personnel|troop|infantry|armou?red)[\s-]+$", re.I)
# (sorted before by length: a set's order changes from run to run, and would change the expression with it)
_unit_alt = "|".join(sorted(sorted({re.escape(u) for u in _UNITS} | {"batteries", "torpedoes"}), key=len, reverse=True))
_QQUAL = (r"(?:(?P<qual>over|more than|up to|about|around|nearly|almost|at least|some|as many as|"
          r"fewer than|less than|roughly|approximately|an estimated)\s+)?")
_QQUAL_BEFORE = Caseless(re.compile(_QQUAL.rstrip("?") + "$", re.I))
# words that do not stand between a count and its noun: an article, a verb, a month after a day ("16 February Egypt
# ordered the FREMM frigate", "5 is a light tank", "26 onto an Antonov cargo plane", "6 the same aircraft")
_NOT_IN_NOUN = (r"(?:the|an?(?=\s)|onto|into|aboard|is|was|were|are|has|had|have|will|would|took|"
                r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?=\s))")
# a count, its scale ("two dozen jets": 24; "half a dozen boats": 6) and its noun
QTY_RE = re.compile(
    rf"(?P<num>{NUM})(?:\s+(?P<scale>lakh|crore|million|thousand|hundred|dozen))?"
    rf"(?:\s*(?:to|-|–|or)\s*(?P<num2>{NUM}))?"
    rf"\s+(?:(?P<more>more|additional|further|new|extra|remaining|outstanding|other)\s+)?"
    rf"(?P<mods>(?:(?!(?:of|and|for|per|in|by|to|from|with|than|at|on|each|years?|months?|km|kilometres?|mach|or|"
    rf"{_NOT_IN_NOUN})\b)[\w'’./-]+\s+){{0,5}})(?P<unit>{_unit_alt})(?:s|es)?\b",
    re.I)
# a part told against a whole whose noun follows: "export 48 of its KAAN fighter jets", "Nine of the systems are meant
# for Belgium", "bought three of the aircraft"; not where the whole has its own count ("24 of the 48 howitzers": the
# 48 is a count of its own) nor "one of the jets"
QTY_OF_RE = re.compile(
    rf"(?P<num>{NUM})(?P<scale>)(?P<num2>)\s+of\s+(?:the|its|their|these|those)\s+"
    rf"(?:(?P<more>more|additional|further|new|extra|remaining|outstanding|other)\s+)?"
    rf"(?P<mods>(?:(?!(?:of|and|for|per|in|by|to|from|with|than|at|on|each|years?|months?|km|kilometres?|mach|or|"
    rf"{NUMBER_WORDS})\b)(?!\d)[\w'’./-]+\s+){{0,4}})(?P<unit>{_unit_alt})(?:s|es)?\b",
    re.I)
PCT_RE = re.compile(
    rf"(?P<num>{NUM})(?:\s*(?:-|–|to)\s*(?P<num2>\d++(?:\.\d++)?))?\s*(?:%|per ?cent\b|percent\b)",
    re.I)


@dataclass
class Money:
    start: int
    end: int
    text: str
    amount: float
    currency: str | None
    qualifier: str | None = None
    in_parens: bool = False
    usd: float | None = None

    @property
    def bound(self) -> str:
        q = (self.qualifier or "").lower()
        if q in ("over", "more than", "at least", "in excess of", "upwards of", "a little over", "just over", "above"):
            return "min"
        if q in ("up to", "as much as", "less than", "under", "just under", "below", "at most"):
            return "max"
        return "approx" if q else "exact"


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    min: float | None
    max: float | None
    unit: str
    more: str | None = None  # more / additional / remaining ...
    mods: str = ""
    num_end: int = 0  # end of the number words, where the noun phrase begins
    extra: dict = field(default_factory=dict)


@dataclass
class Percent:
    start: int
    end: int
    text: str
    min: float | None
    max: float | None


_last_numbers: tuple = (None, [])  # the text last read and its numbers: money, quantities and percentages share them


def _numbers(text: str) -> list[re.Match[str]]:
    """Each number of the text, as a match of `NUM`."""
    global _last_numbers
    last = _last_numbers
    if last[0] is text:
        return last[1]
    at = for_text(_NUM_AT, text).match
    found = [m for m in map(at, repeat(text), [c.start() for c in for_text(_NUM_START, text).finditer(text)]) if m]
    _last_numbers = (text, found)
    return found


def find_money(text: str) -> list[Money]:
    """Every sum of money in `text`, with amount and ISO 4217 currency.

    >>> [(m.amount, m.currency) for m in find_money("for Rs 40,000 crore and $5.43-billion")]
    [(400000000000.0, 'INR'), (5430000000.0, 'USD')]
    """
    found: list[Money] = []
    last_end = -1
    numbers = _numbers(text)
    glued = [n for n in (_NUM_AT.match(text, g.end()) for g in _GLUED.finditer(text)) if n]
    if glued:
        numbers = sorted(numbers + glued, key=lambda n: n.start())
    for m in numbers:
        ns, ne = m.span()
        if ns < last_end:
            continue
        num = parse_number(m.group())
        if num is None:
            continue
        if text[ns - 1:ns] in ("P", "N") and ns > 0 and text[ns - 2:ns - 1] not in ("R", "S"):  # glued: "P450 million"
            after = _PREFIX_AFTER.match(text, ne)
            if not after["scale"] or (ns > 1 and text[ns - 2].isalnum()):
                continue
            amount = round(num * scale_of(after["scale"]), 2)
            q = _QUAL_BEFORE.search(text, max(0, ns - 31), ns - 1)
            found.append(Money(ns - 1, after.end(), text[ns - 1:after.end()], amount, "PHP" if text[ns - 1] == "P" else "NGN",
                               text[q.start("qual"):q.end("qual")] if q else None, _in_parens(text, ns - 1, after.end())))
            last_end = after.end()
            continue
        cb = _CUR_BEFORE.search(text, max(0, ns - 8), ns)
        scale = None
        if cb:
            cur_text = cb["cur"].lower()
            if cur_text in ("rs", "rs.", "sr", "rm", "rp", "dh", "dhs", "shs", "qr") and not text[cb.start("cur")].isupper():
                cb = None
            elif cur_text == "try" and cb["cur"] != "TRY":
                cb = None
        if cb and not (m.group()[0].isalpha() and not _PREFIX_AFTER.match(text, ne)["scale"]):
            after = _PREFIX_AFTER.match(text, ne)
            if not after["scale"] and (rng := _RANGE_AFTER.match(text, ne)):
                after = _PREFIX_AFTER.match(text, rng.end())  # "€7-8 billion": 7 billion
            scale, currency, start, end = after["scale"], _PREFIX[cb["cur"].lower()], cb.start("cur"), after.end()
        else:
            after = _SUFFIX_AFTER.match(text, ne)
            if not after and (rng := _RANGE_AFTER.match(text, ne)):
                after = _SUFFIX_AFTER.match(text, rng.end())  # "1.2 to 1.5 billion euros": 1.2 billion
                if after and not after["scale"]:
                    after = None
            if not after:
                continue
            cur_text = after["cur"].lower()
            if cur_text == "won" and not after["scale"]:
                continue  # "the contract won" is a verb
            scale, currency, start, end = after["scale"], _SUFFIX[cur_text], ns, after.end()
        amount = round(num * scale_of(scale), 2)
        if amount <= 0:
            continue
        q = _QUAL_BEFORE.search(text, max(0, start - 30), start)
        found.append(Money(start, end, text[start:end], amount, currency, text[q.start("qual"):q.end("qual")] if q else None,
                           _in_parens(text, start, end)))
        last_end = end
    return found


# what the words between a number and its noun cannot hold ("12 of the", "5 per year", "3, 4")
_NOT_A_MOD = re.compile(r"\b(?:of|and|for|per|in|by|to|from|with|than|at|on|each|year|years|month|months|km|kilometres?|mach)\b"
                        r"|[,;:()]", re.I)
# a measure, not a count: "155 millimeter howitzers", "125 mm guns", "120-mm mortars", "30 calibre rifles"
_MEASURE = re.compile(r"-?(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|calibre|caliber|inch|inches|metres?|meters?|"
                      r"m|tonnes?|tons?|kg|kilograms?)\b", re.I)


# a verb whose particle is "over", before a count it hands on: "handed over three JF-17s", "hands over two ships",
# "turned over eight vessels" (over the training reports every "handed over" before a count is one, 8 of them; "for
# over 10 years" keeps its "more than"); out of fold 4 counts handed become exact, as the gold gives them
_HANDED = Caseless(re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?)\s+$", re.I))


def find_quantities(text: str, money: list[Money] | None = None) -> list[Quantity]:
    """Counts of things: "three squadrons", "two to three more regiments", "over 6.1 lakh rifles"."""
    blocked = SpanSet()
    for m in money or []:
        blocked.add(m.start, m.end)
    out: list[Quantity] = []
    last_end = -1
    for n in _numbers(text):
        if n.start() < last_end:
            continue
        m = QTY_RE.match(text, n.start())
        if not m:
            m = QTY_OF_RE.match(text, n.start())
            if not m or parse_number(m["num"]) == 1:
                continue
        s, e = m.start("num"), m.end()
        if blocked.overlaps(s, e):
            continue
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-$€£₹.,/"):
            continue
        num = parse_number(m["num"])
        if num is None or num == 0:
            continue
        if m["num"][0] == "0" or ("." in m["num"] and not m["scale"]):
            continue  # a designation, not a count: "Type 054 A/P frigates", "Project 636.3 submarines"
        mods = m["mods"] or ""
        if _MEASURE.match(mods):
            continue
        if _NOT_A_MOD.search(mods):
            continue
        if re.search(r"[a-z]{2}\.(?:\s|$)", mods):
            continue  # "11 countries around the world. The howitzer": a count does not run into the next sentence
        if m["num"][0].isdigit() and 1900 <= num <= 2100 and "," not in m["num"] and "." not in m["num"]:
            continue  # a year
        mult = scale_of(m["scale"])
        lo = num * mult
        hi = (parse_number(m["num2"]) or 0) * mult if m["num2"] else lo
        if hi < lo:
            hi = lo
        qm = _QQUAL_BEFORE.search(text, max(0, s - 25), s)
        if qm and qm["qual"].lower() == "over" and _HANDED.search(text, max(0, qm.start() - 20), qm.start()):
            qm = None  # "handed over three jets": the verb's particle, not "more than"
        qual = (qm["qual"] if qm else "").lower()
        qmin, qmax = lo, hi
        if qual in ("over", "more than", "at least"):
            qmax = None
        elif qual in ("up to", "as many as", "fewer than", "less than"):
            qmin = None
        unit = _UNITS.get(m["unit"].lower().rstrip("s") if m["unit"].lower() not in _UNITS else m["unit"].lower(),
                          m["unit"].lower())
        if unit == "carrier":  # "helicopter carriers" are ships of their own kind, "personnel carriers" vehicles
            kind = _CARRIER_KIND.search(text, max(0, m.start("unit") - 25), m.start("unit"))
            if kind:
                unit = "helicopter carrier" if kind[1].lower() == "helicopter" else "vehicle"
        start = qm.start("qual") if qm else s
        last_end = e
        out.append(Quantity(start, e, text[start:e], qmin, qmax, unit, (m["more"] or "").lower() or None,
                            mods.strip(), m.end("num2") if m["num2"] else (m.end("scale") if m["scale"] else m.end("num"))))
    return out


def find_percents(text: str) -> list[Percent]:
    """Percentages: "up to 50 per cent" -> (None, 50); "60-70%" -> (60, 70)."""
    out: list[Percent] = []
    last_end = -1
    for n in _numbers(text):
        if n.start() < last_end:
            continue
        m = PCT_RE.match(text, n.start())
        if not m:
            continue
        s = m.start()
        last_end = m.end()
        lo = parse_number(m["num"])
        if lo is None:
            continue
        hi = parse_number(m["num2"]) if m["num2"] else lo
        qm = _QQUAL_BEFORE.search(text, max(0, s - 25), s)
        qual = (qm["qual"] if qm else "").lower()
        if qm:
            s = qm.start("qual")
        pmin, pmax = lo, hi
        if qual in ("up to", "as many as", "less than", "fewer than"):
            pmin = None
        elif qual in ("over", "more than", "at least"):
            pmax = None
        out.append(Percent(s, m.end(), text[s:m.end()], pmin, pmax))
    return out


def _in_parens(text: str, start: int, end: int) -> bool:
    before = text.rfind("(", max(0, start - 40), start)
    if before < 0 or ")" in text[before:start]:
        return False
    after = text.find(")", end, end + 60)
    return after >= 0



# a dollar written bare ("$2.2 billion", "a billion dollars") in a report from a country with a dollar of its own
# (the country the report is most about, `EntityFinder.home_country`), of a purchase that country makes or pays
# for, is that country's dollar ("Ottawa will spend $9 billion on 65 jets": CAD; "Canada will donate $90 million of
# armoured vehicles to Ukraine": CAD), unless the report names the US dollar or a US sale's paperwork anywhere
# ("US$", "the State Department approved", "DSCA", "the Pentagon"): there a bare "$" is the US dollar. A bare sum
# in brackets after another is a conversion.
HOME_DOLLAR = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD"}
_BARE_DOLLAR = re.compile(r"^(?:[^$]*\s)?\$\s?\d|\bdollars?\b", re.I)
_NAMED_DOLLAR = re.compile(r"(?:\b(?:US|U\.S\.|NZ|NT|HK|AU|[ACSR])\s?\$|\$\s?(?:US|A|C|NZ)\b|\b(?:US|U\.S\.|American|"
                           r"Australian|Canadian|Singapore|New Zealand|Hong Kong|Taiwan|Taiwanese)\s+dollars?\b)", re.I)
_US_SIGNS = re.compile(r"(?:\bUS\s?\$|\bU\.S\.\s?\$|\bUSD\b|\b(?:US|U\.S\.|American)\s+dollars?\b|\bState\s+Department\b|"
                       r"\bDefen[cs]e\s+Security\s+Cooperation\s+Agency\b|\bDSCA\b|\bForeign\s+Military\s+Sales?\b|"
                       r"\bnotified\s+Congress\b|\bPentagon\b)", re.I)


def home_dollar(money: Money, parties: tuple, home: str | None, text: str) -> str | None:
    """The currency of `money`, of a deal between `parties` (supplier, recipient), in a report about `home`: the
    home country's own dollar where the sum is written as a bare dollar (`HOME_DOLLAR`), else its own."""
    if money.currency != "USD" or home not in HOME_DOLLAR or home not in parties or money.in_parens \
            or not _BARE_DOLLAR.search(money.text) or _NAMED_DOLLAR.search(money.text) or _us_sign(text):
        return money.currency
    return HOME_DOLLAR[home]


def _us_sign(text: str) -> bool:
    """Does the report name the US dollar or a US sale's paperwork (`_US_SIGNS`) outside brackets? A conversion in
    brackets after a sum ("$1 billion (US$700 million)") says the sum is not in US dollars."""
    return any(text.rfind("(", max(0, m.start() - 3), m.start() + 1) < 0 for m in _US_SIGNS.finditer(text))
