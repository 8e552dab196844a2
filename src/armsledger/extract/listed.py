"""Listed dates: a happening told once with several dates, each of one more happening of its kind.

Reads: a clause's dates and triggers after the date a trigger owns ("handed Varaha to Sri Lanka in April 2006 and
Vigraha in August 2008", "ordered two in 2017 and a further two in 2018"). Writes: the dates listed after it, for
`events` to make one event per date; none across a trigger of another kind ("signed in 2017 and delivered in
2019") or a date that dates a statement.
"""
from __future__ import annotations

import re

from .context import Clause, Trigger
from .dates import DateMention, reported_at

# what joins a date to the one before it in a list of what happened when: "Varaha in April 2006 and Vigraha in August
# 2008", "six in 2025 and 146 in 2026-2027", "two in the third quarter of 2026, with the other 16 arriving ... until
# the end of 2027", "two in 2017 and a further two in 2018"
_DATE_LINK = re.compile(r"\s*,?\s*(?:and|with|while)\b[^.;:!?()\"“”]{0,60}", re.I)
# the other end of a span of time: "to be delivered between 2028 and 2030", "between late 2021 and 2024", "between
# March 2026 and June 2027": one happening over the span, which `span_end` dates
_SPAN_END = re.compile(r"\s*(?:and|to|-|–)\s*(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?", re.I)
_LIST_PREPS = (None, "in", "by", "until", "till", "during", "around")

# the deal and event trigger kinds of one delivery
DELIVERY_KINDS = ("DELIVERY", "deliver", "complete")
SIGN_KINDS = ("sign",)


def listed(text: str, c: Clause, t: Trigger, first: DateMention | None, kinds: tuple[str, ...]) -> list[DateMention]:
    """The dates of clause `c` (in `text`) listed after `first` (the date of trigger `t`, after it), each joined to
    the one before by "and"/"with" with no trigger of another kind between (`kinds`: the deal and event trigger
    kinds of the same happening): each dates one more happening of the kind."""
    if first is None or first.start < t.end:
        return []
    out: list[DateMention] = []
    last = first
    span = first.prep == "between"  # "between 2028 and 2030": the next date ends its span (`span_end`), no happening of
    # its own
    for x in c.dates:
        if x.start < last.end:
            continue
        if span:
            if not _SPAN_END.fullmatch(text, last.end, x.start):
                break
            span, last = False, x
            continue
        if x.prep not in _LIST_PREPS or not _DATE_LINK.fullmatch(text, last.end, x.start) or any(
                tr.group in ("deal", "event") and tr.kind not in kinds and last.end <= tr.start < x.start
                for tr in c.triggers) or reported_at(text, x.start, c.start):
            break
        out.append(x)
        last = x
    return out


def span_end(text: str, c: Clause, first: DateMention | None) -> DateMention | None:
    """The date a happening told over a span of time takes: the span's end ("delivered between November 2015 and May
    2017": May 2017; the latest bound, as "by 2026-27" is 2027), else `first` itself."""
    if first is None or first.prep != "between":
        return first
    after = min((x for x in c.dates if x.start >= first.end), key=lambda x: x.start, default=None)
    return after if after is not None and _SPAN_END.fullmatch(text, first.end, after.start) else first
