"""Session 23's speed steps: each must give what its first form gave. `Caseless` reads its kept lower case and whether
that is ASCII in one look-up; the day-apart expression runs as its lower-case twin; `date_echo` counts only the
beginnings it is asked about. The sentences are written for this test."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from armsledger.extract import dates, deals, events_decide, features
from armsledger.extract.prefixes import Caseless

TEXTS = [
    "“We will buy 12 more jets,” the minister said — and the deal, worth €2 billion, was signed on Tuesday.",
    "The navy’s two frigates arrived in Nadi… a day earlier, said Ann Kowal of Reuters; the rest follow in 2027.",
    "Officials said the ‘talks’ – on 36 Rafale jets – ended the following day, two days after the visit.",
    "The Ministry of Defence’s order for 8 C-130J aircraft (the “Super Hercules”) was approved by Congress.",
    "India’s HAL and Russia’s Rosoboronexport—in talks since 2019—agreed the day before: “no more delays.”",
    "‘Ten tanks’ • two batteries ¦ three days later ¬ the previous day ‰ a day before ≈ six days earlier.",
    "“It’s done,” Jan Berg said in Nadi, on Monday — Mary O’Brien told reporters outside Suva; near Lae.",
    "Egypt bought the jets from France and the rest FROM THE Italians, officials Said On Monday.",
    "Turkey will take S-400 systems from the Russians, the minister told Last week; these jets are old.",
]


def _found(it) -> list:
    return [(m.span(), m.groups(), {k: m.span(k) for k in m.re.groupindex}) for m in it]


@pytest.mark.parametrize("rx", [features._FROM_BEFORE.rx, deals._ANAPHOR_CASELESS.rx, dates._REPORTED.rx,
                                re.compile(r"\b(?:two|ten)\s+(?:tanks|days)\b", re.I)])
def test_caseless_finds_what_its_expression_finds(rx):
    """`Caseless` reads the kept lower case and whether it is ASCII at once: over ASCII text, text beyond it and
    windows of both, it finds what its expression finds."""
    twin = Caseless(rx)
    hits = 0
    for text in TEXTS + [t.encode("ascii", "replace").decode() for t in TEXTS]:
        want = _found(rx.finditer(text))
        assert _found(twin.finditer(text)) == [(s, tuple(g and g.lower() for g in gs), spans) for s, gs, spans in want]
        for end in range(len(text) + 1):
            m, n = rx.search(text, 0, end), twin.search(text, 0, end)
            assert (m and m.span()) == (n and n.span())
            hits += m is not None
            m, n = rx.match(text, end), twin.match(text, end)
            assert (m and m.span()) == (n and n.span())
    assert hits


# the first form of the day-apart expression
_COUNT = r"(?P<n>a|an|one|two|three|four|five|six|\d)"
_DAYS_APART = re.compile(
    rf"\b(?:(?:the\s+day|{_COUNT}\s+days?)\s+(?P<dir>before|after|earlier|later|previously)|"
    r"the\s+(?P<dir2>previous|preceding|next|following)\s+day)\b", re.I)
DAYS = TEXTS + [
    "A day earlier the Navy had taken delivery. Two Days Later it sailed; the Following Day it docked.",
    "THE DAY BEFORE, the minister flew in; 3 days after that, one day previously, THE NEXT DAY.",
    "Signed the day after Riyadh agreed, and the preceding day in Zoë’s café, five days later.",
    "Holidays after Monday: today later, birthday before, sundays earlier, 12 days after, ten days after.",
]


def test_the_day_apart_twin_finds_what_its_first_form_found():
    hits = 0
    for text in DAYS:
        want = [(m.span(), m["n"] and m["n"].lower(), m["dir"] and m["dir"].lower(), m["dir2"] and m["dir2"].lower())
                for m in _DAYS_APART.finditer(text)]
        got = [(m.span(), m["n"] and m["n"].lower(), m["dir"] and m["dir"].lower(), m["dir2"] and m["dir2"].lower())
               for m in dates._DAYS_APART.finditer(text)]
        assert got == want, text
        hits += len(want)
    assert hits >= 10


def _date_echo_by_hand(events: list) -> None:
    """What `events_decide.date_echo` says, read event by event: another sentence's event of the type and a country in
    common dated so that one date begins the other (same), or only otherwise dated (other), or none dated (none)."""
    for ev in events:
        same = other = False
        for code in set(ev.countries):
            for e in events:
                if e.type != ev.type or code not in e.countries or e.clause == ev.clause or e.date is None:
                    continue
                if ev.date is not None and (e.date.value.startswith(ev.date.value)
                                            or ev.date.value.startswith(e.date.value)):
                    same = True
                else:
                    other = True
        ev.hints = ev.hints + ("date_echo:" + ("same" if same else "other" if other else "none"),)


def _events(spec: list[tuple]) -> list:
    return [SimpleNamespace(type=t, countries=list(cs), clause=c, hints=(),
                            date=None if d is None else SimpleNamespace(value=d)) for t, cs, c, d in spec]


SPECS = [
    [("DELIVERY", "IND", 1, "2024-05"), ("DELIVERY", "IND", 3, "2024-05-31"), ("DELIVERY", "IND", 4, "2024"),
     ("DELIVERY", "IND", 4, None), ("MEETING", "IND", 2, "2024-05-31")],
    [("SIGNING", ("POL", "KOR"), 0, "2023-12-01"), ("SIGNING", ("KOR",), 2, "2023-12"), ("SIGNING", ("POL",), 2, "2023"),
     ("SIGNING", ("POL",), 5, "2023-11"), ("SIGNING", ("KOR", "POL"), 5, "2023-12-01")],
    [("VISIT", "FRA", 0, "2025-03-04"), ("VISIT", "FRA", 0, "2025-03-04"), ("VISIT", "FRA", 1, "2025-03-05"),
     ("VISIT", "EGY", 1, "2025")],
    [("DELIVERY", "IND", 1, None), ("DELIVERY", "IND", 2, None)],
    [("DELIVERY", "IND", 1, "2022"), ("DELIVERY", "IND", 2, "2022"), ("DELIVERY", "IND", 2, "2021")],
]


@pytest.mark.parametrize("spec", SPECS)
def test_date_echo_gives_what_reading_event_by_event_gives(spec):
    spec = [(t, (cs,) if isinstance(cs, str) else cs, c, d) for t, cs, c, d in spec]
    mine, first = _events(spec), _events(spec)
    events_decide.date_echo(mine)
    _date_echo_by_hand(first)
    assert [ev.hints for ev in mine] == [ev.hints for ev in first]


def test_the_date_echo_cases_give_every_answer():
    seen = set()
    for spec in SPECS:
        events = _events([(t, (cs,) if isinstance(cs, str) else cs, c, d) for t, cs, c, d in spec])
        events_decide.date_echo(events)
        seen.update(h for ev in events for h in ev.hints)
    assert seen == {"date_echo:same", "date_echo:other", "date_echo:none"}


def test_lowered_keeps_each_text_its_own_answer():
    """`lowered` keeps up to 64 short texts' answers and 4 long ones': each text gets its own, however many came
    between, and a text whose lower case does not stand for it gets None."""
    from armsledger.extract.prefixes import lowered

    texts = [f"The Navy Ordered {i} Frigates In {2000 + i}." for i in range(150)]
    texts += [("Long Report %d. " % i) * 60 for i in range(9)]
    texts += ["Der Stra\u00dfe", "\u0130stanbul Jets", "the \u212a sign"]
    for _ in range(2):
        for text in texts + texts[::-1] + texts[::7]:
            want = text.lower() if len(text.lower()) == len(text) and not any(
                c in text for c in "\u0130\u212a") else None
            assert lowered(text) == want, text[:30]
