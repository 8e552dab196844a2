"""Date expressions, absolute and relative, resolved against a reference date.

Reads: the article body and a reference date (the published date, or else the
latest full date the article states). Writes: `DateMention`s with a value
(`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), a precision (year, half, quarter, month,
day) and the preposition before it ("by", "from", ...), which the deal rules
read to tell a completion date from a start date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from .prefixes import FOLDS_TO_ASCII, MAX_LEN, Caseless, Index, for_text, trie
from .spans import SpanSet
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19[5-9]\d|20\d\d|21[0-4]\d)"
_PART = (r"(?P<part>early|mid|late|the end of|end of|end|the beginning of|beginning of|the start of|start of|"
         r"the first half of|first half of|the second half of|second half of|the middle of|middle of|"
         r"the first quarter of|first quarter of|the second quarter of|second quarter of|the third quarter of|"
         r"third quarter of|the fourth quarter of|fourth quarter of|the last quarter of|last quarter of|"
         r"q[1-4]|h[12]|the summer of|summer of|summer|the spring of|spring of|spring|the autumn of|autumn of|autumn|the fall of|fall of|the winter of|winter of|winter)")
# what joins the months of a list or run ("March, April and May", "June to August", "June—August"); each join read one
# way only (no white space both after the comma and before the next word to share out: a list of months then cost
# twice as much a month, "June, July, August, ..." of 20 months a second)
_MONTH_JOIN = r"(?:\s*(?:,(?:\s*(?:and|or)(?=\s))?|and|or|to|through|until|till|-|–|—)\s*)"
_PREP_BEFORE = Caseless(re.compile(r"\b(?P<prep>by|from|since|until|till|before|after|in|on|at|during|through|starting in|starting|as of|around|between|to|of)\s+$", re.I))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # late 2022-early 2023: the latest bound
    ("span", re.compile(rf"(?P<p1>early|mid|late)[- ](?P<y1>{_YEAR})\s*(?:-|–|—|to)\s*(?P<p2>early|mid|late)[- ](?P<y2>{_YEAR})\b", re.I)),
    # a run of days ("24-25 July 2023", "July 24 to 25", "from 14 to 18 September"): its first day, as the gold dates it
    ("range_dm", re.compile(rf"(?<![\d.,])(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and)\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                            rf"(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("range_md", re.compile(rf"(?P<m>{_MON})\s+(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and)\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                            rf"(?:,?\s+(?P<y>{_YEAR})\b)?(?!\s*(?:per|%|km|billion|million))")),
    ("dmy", re.compile(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON}),?\s+(?P<y>{_YEAR})\b")),
    ("mdy", re.compile(rf"(?:(?P<wd>{_WD}),?\s+)?(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I)),
    ("dm", re.compile(rf"(?:(?P<wd>{_WD}),?\s+\(?)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})\b(?!,?\s*\d)")),
    ("md", re.compile(rf"(?:(?P<wd>{_WD}),?\s+\(?)?(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\s*\d)(?!\s*(?:per|%|km|billion|million))")),
    ("part_my", re.compile(rf"{_PART}\s+(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.I)),
    ("my", re.compile(rf"(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    # "July last year", "May of last year", "mid-March of next year"; "last year, in July": a month of the year named
    ("y_rel_m", re.compile(r"(?P<rel>(?i:last|next|this))\s+year,?\s+in\s+(?P<m>January|February|March|April|May|June|July|"
                           r"August|September|October|November|December)\b(?!,?\s*\d)")),
    ("m_rel", re.compile(rf"(?:(?P<part>early|mid|late|the end of|end of|the first half of|first half of|the second half of|second half of)[\s-]+)?(?P<m>{_MON})\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b")),
    ("part_m", re.compile(r"(?P<part>the first half of|first half of|the second half of|second half of|early|mid|late|the end of|end of)\s+(?P<m>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s*\d)", re.I)),
    ("m_in", re.compile(r"(?P<prep>in|In|since|Since|by|By|until|from|From|last|Last|this|next|early|late|mid)\s+(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d|\s+(?:last|next|this)\s+year)")),
    # a month that a list or run of months follows, the last with its year ("between June and August 2019", "March,
    # April and May 2017", "June—August 2019"): of that year (`_shared_year` steps back one where the month is later);
    # twelve months after it at most, so that a long run of months is not read again from each of them
    ("m_list", re.compile(rf"(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                          rf"December)(?=(?:{_MONTH_JOIN}{_MON}){{1,12}},?\s+(?:of\s+)?(?P<y>{_YEAR})\b)")),
    ("part_y", re.compile(rf"{_PART}[- ](?:of\s+)?(?:the\s+)?(?:year\s+)?(?P<y>{_YEAR})\b", re.I)),
    # a run of years ("in 2026-2027", "over the 2014-2016 period"): the latest bound, as "late 2022-early 2023"; not a
    # law's or plan's years ("the 2024-2030 military programming law", "its 2021–2025 plan")
    ("yspan", re.compile(rf"(?<![\w$€£₹.,/-])(?P<y>{_YEAR})\s?(?:-|–|—)\s?(?P<y2>{_YEAR})\b(?![\w%.,/-]\d)"
                         r"(?!\s+(?:[\w-]+\s+){0,2}?(?:laws?|plans?|programmes?|programs?|budgets?|strateg(?:y|ies)|"
                         r"doctrines?|concepts?|cycles?|terms?|seasons?)\b)", re.I)),
    ("fy", re.compile(rf"(?:fy\s?|fiscal\s+)?(?P<y>{_YEAR})\s?(?:-|–|/)\s?(?P<y2>\d\d)\b(?!-\d|\d)", re.I)),
    ("rel", re.compile(r"(?:(?P<part>early|mid|late|the end of|end of|the start of|start of|the beginning of|beginning of|earlier|later|the first half of|first half of|the second half of|second half of)\s+)?"
                       r"(?P<rel>this|last|next|the coming|the current|the previous|the following)\s+(?P<unit>year|month|week|decade)\b", re.I)),
    ("yearend", re.compile(r"(?:the\s+)?(?:year[- ]end|end of (?:the|this) year|the end of the year|end-year)\b", re.I)),
    ("day_rel", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|last night|this week)\b", re.I)),
    # not a weekday that a full date follows ("Thursday (March 16)", "Friday, 12 May"); one that a time zone does
    # ("on Thursday (US time)") is the weekday
    ("wd", re.compile(rf"(?:(?P<rel>last|next|this|on|coming)\s+)?(?P<wd>{_WD})\b(?!,?\s*(?:\(\s*(?:\d|{_MON})|\d|{_MON}))")),
    # "within three years", "in two years' time", "over the next 18 months": counted from the reference date
    ("within", re.compile(r"(?P<w>within|in|over the next|in the next)\s+(?:the\s+next\s+)?(?:(?:one|two|three|four|five|"
                          r"six|seven|eight|nine|\d{1,2})\s*(?:to|or|-|–|—)\s*)?(?P<n>a|an|one|two|three|four|five|"
                          r"six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>years?|months?)(?:['’]?\s*time)?\b"
                          # ... not counted from another event ("within two years of their production", "within 36
                          # months after signing")
                          r"(?!\s+(?:of|after|following)\b|\s+from\s+(?!now\b|today\b))", re.I)),
    # "on 14/7", "on 3/11/2024": day before month, unless the second figure cannot be a month and the first can
    # ("on 12/25"); not round-the-clock service ("on 24/7 standby")
    ("num", re.compile(rf"(?<![\w/.,-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>{_YEAR}))?(?![\w/.,-]?\d)"
                       r"(?<!\b24/7)")),
    ("y", re.compile(rf"(?<![\w$€£₹.,-])(?P<y>{_YEAR})(?![\w%.,-]\d|\s*(?:crore|lakh|million|billion|%|per cent|km|kilometres|troops|soldiers|units|aircraft|tanks))(?!-\d)\b")),
]


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str
    precision: str
    prep: str | None = None
    kind: str = ""

    def as_dict(self) -> dict:
        return {"value": self.value, "precision": self.precision, "text": self.text}


_REPORTED = Caseless(re.compile(r"\b(?:said|says|told|announced|reported|stated|confirmed|added)\s+(?:on\s+|last\s+)?$", re.I))


def reported_at(text: str, pos: int, floor: int = 0) -> bool:
    """Does a date at `pos` date a statement ("said on Monday") rather than the thing stated?"""
    return bool(_REPORTED.search(text, max(floor, pos - 20), pos))


# a dateline at the head of a report: the place it was filed from and its day, then an agency and a dash or colon, or
# the line's end ("KUALA LUMPUR, July 8 (Bernama) --", "New Delhi, May 2:", "Colombo, December 15"); not a weekday's
# stamp ("Thursday, November 23")
_DATELINE = re.compile(
    rf"^[ \t]*(?!{_WD}\b)(?:[A-Z][\w.'’-]*[ \t]+){{0,3}}[A-Z][\w.'’-]*(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}})?,[ \t]*"
    rf"(?:(?P<m>{_MON})[ \t]+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MON}))(?:,?[ \t]*(?P<y>{_YEAR}))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|-|–|—|:|$)", re.M)
DATELINE_REACH = 1000  # characters from the body's start a dateline may stand within
DATELINE_WEEK = 7  # days before the published date a dateline's day may fall


def _dateline(text: str) -> re.Match[str] | None:
    """`_DATELINE.search(text, 0, DATELINE_REACH)`: a match begins a line (`^` under re.M), so it is tried at each
    line's start in turn, not at every character."""
    pos = 0
    while True:
        m = _DATELINE.match(text, pos, DATELINE_REACH)
        if m is not None:
            return m
        pos = text.find("\n", pos, DATELINE_REACH) + 1
        if not pos:
            return None


def dateline_day(text: str, ref: date | None) -> date | None:
    """The day of the dateline that heads a report ("NEW DELHI, May 2 (PTI) --") where it falls in the week before
    the published date `ref`: the day the report was filed, which its "today", "yesterday" and "tomorrow" are told
    from ("KUALA LUMPUR, July 8 (Bernama) -- The minister will travel to Brunei tomorrow" in a report published on
    July 9 is July 9). None where no such dateline heads it."""
    if ref is None:
        return None
    m = _dateline(text)
    if m is None:
        return None
    try:
        day = date(int(m["y"]) if m["y"] else ref.year, _month(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
        if not m["y"] and day > ref:
            day = day.replace(year=ref.year - 1)  # "Dec 31" in a report of January 2
    except (ValueError, KeyError):
        return None
    return day if 0 < (ref - day).days <= DATELINE_WEEK else None


def after(dm: DateMention, ref: date | None) -> bool:
    """Does the date fall after the reference date, at its own precision ("next year" in a report of September
    2016 is 2017: after; "September" of the same year is not)?"""
    return ref is not None and dm.value > ref.isoformat()[:len(dm.value)]


def reference_date(published: str | None, text: str) -> date | None:
    """The date relative expressions are resolved against: the published date,
    or else the latest full date (day, month and year) the article states."""
    if published:
        try:
            return date.fromisoformat(published)
        except ValueError:
            pass
    best: date | None = None
    for kind in ("dmy", "mdy"):
        for m in dict(_PATTERNS)[kind].finditer(text):
            try:
                d = date(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], int(m["d"]))
            except (ValueError, KeyError):
                continue
            if best is None or d > best:
                best = d
    return best


_FIRST_WORDS = set(MONTHS) | set(WEEKDAYS) | {
    "early", "mid", "late", "end", "beginning", "start", "first", "second", "third", "fourth", "last", "middle",
    "q1", "q2", "q3", "q4", "h1", "h2", "summer", "spring", "autumn", "fall", "winter", "this", "next", "coming",
    "current", "previous", "following", "earlier", "later", "today", "yesterday", "tomorrow", "year", "fy", "fiscal",
    "in", "since", "by", "until", "from", "on", "the", "end-year", "year-end", "within", "over"}


# (the words sorted before by length: a set's order changes from run to run, and the expression with it, which
# the start-up cache of expressions would then never hold)
_CANDIDATE = re.compile(r"(?<![\w])(?:\d|(?:" + "|".join(sorted(sorted(_FIRST_WORDS), key=len, reverse=True)) + r")(?![a-z]))", re.I)


# the same, over the lower-cased text, without re.I (which makes every letter a slow compare)
_CANDIDATE_LOWER = re.compile(r"(?<![\w])(?:\d|(?:" + trie(sorted(w.lower() for w in _FIRST_WORDS)) + r")(?![a-z]))")


def candidate_starts(text: str) -> list[int]:
    """Where a date expression can begin: at a digit or at a word that opens one."""
    low = text.lower()
    if len(low) == len(text) and (text.isascii() or not FOLDS_TO_ASCII.search(text)):
        return [m.start() for m in for_text(_CANDIDATE_LOWER, low).finditer(low)]
    return [m.start() for m in _CANDIDATE.finditer(text)]


def _matches(rx: re.Pattern[str], text: str, starts: list[int] | None):
    if starts is None:
        yield from rx.finditer(text)
        return
    end = -1
    rx = for_text(rx, text)
    for pos in starts:
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m:
            end = m.end()
            yield m


_INDEX = Index([rx.pattern for _, rx in _PATTERNS], [rx.flags for _, rx in _PATTERNS], classes=True, name="dates")
_AT: dict[str, tuple[int, ...]] = {}  # the patterns to try where the text begins so (lower case)


def _starts_per_pattern(text: str, starts: list[int] | None) -> list[list[int] | None]:
    """Of the candidate starts, those where each pattern can match (see `prefixes`): trying a
    pattern only there finds what trying it at every candidate finds."""
    if starts is None or (not text.isascii() and FOLDS_TO_ASCII.search(text)):
        return [starts] * len(_PATTERNS)
    per: list[list[int]] = [[] for _ in _PATTERNS]
    every = _INDEX.every
    for pos in starts:
        head = text[pos:pos + MAX_LEN]
        if head.isascii():
            head = head.lower()
            kinds = _AT.get(head)
            if kinds is None:
                kinds = tuple(sorted(_INDEX.at(head, 0)))
                if len(_AT) < 100_000:
                    _AT[head] = kinds
        else:
            kinds = every
        for k in kinds:
            per[k].append(pos)
    return per


def find_dates(text: str, ref: date | None, future_at=None, starts: list[int] | None = None,
               past_at=None, filed: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `ref`.

    `future_at(pos) -> bool` says whether the clause at `pos` speaks of the
    future; it decides which Friday "on Friday" is. `past_at(pos) -> bool`, asked
    where `future_at` says no, whether it speaks of the past: a bare month after
    the report's ("were delivered in August") is then last year's. `starts`, when given, are the
    only offsets where an expression may begin (`candidate_starts`), which is
    much faster than scanning every character. `filed`, the day of the report's dateline where it is before
    `ref` (`dateline_day`): "today", "yesterday" and "tomorrow" are told from it.
    """
    out: list[DateMention] = []
    taken = SpanSet()
    per_pattern = _starts_per_pattern(text, starts)
    for (kind, rx), own in zip(_PATTERNS, per_pattern):
        for m in _matches(rx, text, own):
            s, e = m.start(), m.end()
            if kind == "m_in":
                s = m.end("prep") + 1
                while s < e and text[s].isspace():
                    s += 1
            if taken.overlaps(s, e):
                continue
            if kind == "num" and not _NUM_PREP.search(text, max(0, s - 8), s):
                continue  # "2/3 of the fleet", "cut by 1/3", a dateline: a day and month only after "on", "since", ...
            future = future_at(s) if future_at else False
            past = kind in _PAST_ASKED and not future and past_at is not None and past_at(s)
            resolved = _resolve(kind, m, filed if kind in _FROM_FILED and filed is not None else ref, future, past)
            if resolved is None:
                continue
            value, precision = resolved
            if kind == "m_in":
                prep = m["prep"].lower()
            else:
                pm = _PREP_BEFORE.search(text, max(0, s - 14), s)
                prep = pm["prep"].lower() if pm else None
            out.append(DateMention(s, e, text[s:e], value, precision, prep, kind))
            taken.add(s, e)
    if ref is not None and " ago" in text:
        for m in _AGO.finditer(text):  # rare: read apart, not at every candidate start ("a" opens too many words)
            if not taken.overlaps(m.start(), m.end()):
                value, precision = _ago(m, ref)
                out.append(DateMention(m.start(), m.end(), m.group(), value, precision, None, "ago"))
                taken.add(m.start(), m.end())
    out.sort(key=lambda d: d.start)
    if "day" in text:
        out = _days_apart(text, ref, out, taken)
    return _shared_year(text, out)


# two months joined, the year told once after the second ("in March and April 2017", "between June and August 2024",
# "March, April and May 2017", "June—August 2019")
_JOINED = re.compile(_MONTH_JOIN)
_HAS_YEAR = re.compile(r"\b\d{4}\b")


def _shared_year(text: str, found: list[DateMention]) -> list[DateMention]:
    """A month told without its year just before a month with one, joined by "and", "or", "to", a dash ...: the
    year is both's ("Delivery is expected in March and April 2017": March 2017, not the report's March); a month
    later in the year than the second's is of the year before it ("from December to February 2027": December 2026)."""
    dated = False  # does `b` have its year, told or shared from the month after it? (a list shares it along)
    for k in range(len(found) - 1, 0, -1):
        a, b = found[k - 1], found[k]
        dated = dated or bool(_HAS_YEAR.search(b.text))
        if a.precision == "month" and b.precision in ("month", "day") and not _HAS_YEAR.search(a.text) \
                and dated and _JOINED.fullmatch(text, a.end, b.start):
            year = int(b.value[:4]) - (a.value[5:7] > b.value[5:7])
            if a.value[:4] != f"{year:04d}":
                found[k - 1] = replace(a, value=f"{year:04d}" + a.value[4:7])
        else:
            dated = False
    return found


_PAST_ASKED = {"m_in", "dm", "md", "num"}
# told from the day a report was filed (its dateline) where that is before its published date: "today", "yesterday",
# "tomorrow", and a weekday ("KUALA LUMPUR, July 8 -- ... on Monday" is the Monday before July 8)
_FROM_FILED = {"day_rel", "wd"}
_NUM_PREP = re.compile(r"\b(?:on|since|until|before|after)\s+$", re.I)  # not "by" or "from": "cut by 1/3", "from 1/4 to 1/2"
_COUNT = r"(?P<n>a|an|one|two|three|four|five|six|\d)"
# a day counted from the day last named ("the day before", "a day earlier", "the following day", "two days later")
# (run as its lower-case twin, `Caseless`, where the text allows: its groups then come lower-cased, its words read
# from the text by their span)
_DAYS_APART = Caseless(re.compile(
    rf"\b(?:(?:the\s+day|{_COUNT}\s+days?)\s+(?P<dir>before|after|earlier|later|previously)|"
    r"the\s+(?P<dir2>previous|preceding|next|following)\s+day)\b", re.I))
# ... not in a sentence of its own: the words after make it a preposition ("a day after Riyadh agreed")
_ADVERB_END = re.compile(r"\s*(?:[,.;:)\"”]|$|to\b|that\b|and\b|when\b|in\b|at\b|with\b|by\b)", re.I)
_BACK = {"before", "earlier", "previously", "previous", "preceding"}
# what every match of `_DAYS_APART` holds, the day and the word after it or the word and the day after it: two plain
# searches (the first skips along from one "day" to the next) that tell most texts hold none, where `_DAYS_APART`
# tries its alternatives at every word (a text's scan 2.5x faster; the same matches where one is there)
_DAYS_APART_CUES = (Caseless(re.compile(r"days?\s+(?:before|after|earlier|later|previously)", re.I)),
                    Caseless(re.compile(r"(?:previous|preceding|next|following)\s+day", re.I)))


def _days_apart(text: str, ref: date | None, out: list[DateMention], taken: SpanSet) -> list[DateMention]:
    """Days told apart from another: "signed the day before" is the day before the day last named (or the
    report's); "on Friday ..., a day after Riyadh agreed" dates what follows it a day before that Friday."""
    if not any(cue.search(text) for cue in _DAYS_APART_CUES):
        return out
    found = []
    days = [d for d in out if d.precision == "day"]  # in the text's order, none overlapping
    j, last = 0, None  # the day named last before the match: one walk along them, not a scan per match
    for m in _DAYS_APART.finditer(text):
        s, e = m.start(), m.end()
        if taken.overlaps(s, e):
            continue
        n = 1 if m["n"] is None else (_NUMBER_WORDS.get(m["n"].lower()) or int(m["n"]))
        word = (m["dir"] or m["dir2"]).lower()
        step = -n if word in _BACK else n
        while j < len(days) and days[j].end <= s:
            last, j = days[j], j + 1
        anchor = last if last is not None and s - last.end < 600 else None
        adverb = m["dir2"] is not None or word in ("earlier", "later", "previously") or _ADVERB_END.match(text, e)
        if not adverb:
            # a preposition: what follows is dated from a day the same sentence names before it
            if anchor is None or any(c in text[anchor.end:s] for c in ".!?\n"):
                continue
            step = -step
        if anchor is not None:
            base = date.fromisoformat(anchor.value)
        elif ref is not None:
            base = ref
        else:
            continue
        value = (base + timedelta(days=step)).isoformat()
        found.append(DateMention(s, e, text[s:e], value, "day", None, "days_apart"))
        taken.add(s, e)
    if not found:
        return out
    return sorted(out + found, key=lambda d: d.start)


# "two years ago", "18 months ago", "a year ago": counted back from the reference date
_AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                  r"(?P<unit>years?|months?)\s+ago\b", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _ago(m: re.Match[str], ref: date) -> tuple[str, str]:
    n = _NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
    if m["unit"].lower().startswith("year"):
        return f"{ref.year - n:04d}", "year"
    months = ref.year * 12 + ref.month - 1 - n
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _part_value(part: str | None, year: int, month: int | None = None) -> tuple[str, str]:
    p = (part or "").lower().replace("the ", "")
    if month is not None:
        return f"{year:04d}-{month:02d}", "month"
    if p in ("early", "beginning of", "start of", "first quarter of", "q1"):
        return (f"{year:04d}-03", "quarter") if p != "beginning of" and p != "start of" else (f"{year:04d}-01", "month")
    if p in ("mid", "middle of", "first half of", "h1"):
        return f"{year:04d}-06", "half"
    if p in ("second quarter of", "q2"):
        return f"{year:04d}-06", "quarter"
    if p in ("third quarter of", "q3"):
        return f"{year:04d}-09", "quarter"
    if p in ("late", "fourth quarter of", "last quarter of", "q4"):
        return f"{year:04d}-12", "quarter"
    season = {"spring of": "04", "spring": "04", "summer of": "07", "summer": "07", "autumn of": "10", "autumn": "10",
              "fall of": "10", "winter of": "01", "winter": "01"}.get(p)
    if season:
        return f"{year:04d}-{season}", "quarter"
    if p in ("second half of", "h2"):
        return f"{year:04d}-12", "half"
    if p in ("end of", "end"):
        return f"{year:04d}-12", "month"
    return f"{year:04d}", "year"


def _day_near(ref: date, month: int, day: int, future: bool, past: bool) -> tuple[str, str]:
    """A day named without its year: the reference date's year, or the one before when that puts it well after
    the report, or the one after when the clause speaks of the future or the day would be most of a year gone
    ("on January 19" in a report of late December, unless told in the past)."""
    d = date(ref.year, month, day)
    if (d - ref).days > 200:
        d = d.replace(year=ref.year - 1)
    elif ((ref - d).days > 300 and not past) or ((ref - d).days > 200 and future):
        d = d.replace(year=ref.year + 1)
    return d.isoformat(), "day"


def _resolve(kind: str, m: re.Match[str], ref: date | None, future: bool, past: bool = False) -> tuple[str, str] | None:
    try:
        if kind == "span":
            return _part_value(m["p2"], int(m["y2"]))
        if kind in ("dmy", "mdy"):
            return date(int(m["y"]), _month(m["m"]), int(m["d"])).isoformat(), "day"
        if kind in ("range_dm", "range_md") and not int(m["d0"]) < int(m["d"]) <= 31:
            return None  # no run of days: "2 and 40 May"
        if kind in ("range_dm", "range_md") and m["y"]:
            return date(int(m["y"]), _month(m["m"]), int(m["d0"])).isoformat(), "day"
        if kind in ("dm", "md", "range_dm", "range_md"):
            if ref is None:
                return None
            return _day_near(ref, _month(m["m"]), int(m["d0"] if kind.startswith("range") else m["d"]), future, past)
        if kind == "num":
            a, b = int(m["a"]), int(m["b"])
            day, mon = (b, a) if b > 12 >= a else (a, b)
            if m["y"]:
                return date(int(m["y"]), mon, day).isoformat(), "day"
            if ref is None:
                return None
            return _day_near(ref, mon, day, future, past)
        if kind == "m_list":
            return f"{int(m['y']):04d}-{_month(m['m']):02d}", "month"
        if kind in ("part_my", "my"):
            part = m.groupdict().get("part")
            if part and "half" in part.lower():
                return f"{int(m['y']):04d}-{_month(m['m']):02d}", "month"
            return f"{int(m['y']):04d}-{_month(m['m']):02d}", "month"
        if kind == "within":
            if ref is None:
                return None
            n = _NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
            if m["unit"].lower().startswith("year"):
                return f"{ref.year + n:04d}", "year"
            months = ref.year * 12 + ref.month - 1 + n
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
        if kind in ("m_rel", "y_rel_m"):
            if ref is None:
                return None
            year = ref.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
            return f"{year:04d}-{_month(m['m']):02d}", "month"
        if kind == "m_in":
            if ref is None:
                return None
            mon, prep = _month(m["m"]), m["prep"].lower()
            year = ref.year
            if prep == "next" or (future and mon < ref.month):
                year += 1 if mon < ref.month or prep == "next" else 0
            elif prep == "last" or mon > ref.month + (0 if past else 2 if not future else 12):
                year -= 1
            return f"{year:04d}-{mon:02d}", "month"
        if kind == "part_m":
            if ref is None:
                return None
            mon = _month(m["m"])
            year = ref.year if mon <= ref.month + 6 else ref.year - 1
            return f"{year:04d}-{mon:02d}", "month"
        if kind == "part_y":
            return _part_value(m["part"], int(m["y"]))
        if kind == "yspan":
            y1, y2 = int(m["y"]), int(m["y2"])
            return (f"{y2:04d}", "year") if y1 < y2 <= y1 + 15 else None
        if kind == "fy":
            y1 = int(m["y"])
            y2 = (y1 // 100) * 100 + int(m["y2"])
            if y2 != y1 + 1:
                return None
            return f"{y2:04d}", "year"
        if kind == "rel":
            if ref is None:
                return None
            unit, rel = m["unit"].lower(), m["rel"].lower()
            step = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1,
                    "the coming": 1, "the following": 1}[rel]
            part = (m["part"] or "").lower()
            if unit == "year":
                year = ref.year + step
                if part in ("earlier", "later"):
                    return f"{year:04d}", "year"
                return _part_value(part, year)
            if unit == "month":
                month0 = ref.year * 12 + ref.month - 1 + step
                return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month"
            if unit == "week":
                d = ref + timedelta(days=7 * step)
                return f"{d.year:04d}-{d.month:02d}", "month"
            return None
        if kind == "yearend":
            if ref is None:
                return None
            return f"{ref.year:04d}-12", "month"
        if kind == "day_rel":
            if ref is None:
                return None
            rel = m["rel"].lower()
            delta = {"today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}.get(rel)
            if delta is None:
                return f"{ref.year:04d}-{ref.month:02d}", "month"
            return (ref + timedelta(days=delta)).isoformat(), "day"
        if kind == "wd":
            if ref is None:
                return None
            target = WEEKDAYS[m["wd"].lower()]
            rel = (m["rel"] or "").lower()
            if rel in ("next", "coming") or (future and rel != "last"):
                delta = (target - ref.weekday()) % 7
                if rel == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((ref.weekday() - target) % 7)
                if rel == "last" and delta == 0:
                    delta = -7
            return (ref + timedelta(days=delta)).isoformat(), "day"
        if kind == "y":
            return f"{int(m['y']):04d}", "year"
    except (ValueError, KeyError):
        return None
    return None
