"""Session 22's speed steps in the expressions: each must find what its first form found, at the same places with the
same groups. The first forms are written out here and compared over sentences written for this test (ones where each
must match and ones where it must not)."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from armsledger.extract import context, entities, events, events_decide, features
from armsledger.extract.prefixes import Caseless, for_text, needs

TEXTS = [
    "Manila signed a contract on Tuesday to buy 12 more FA-50 light combat aircraft from South Korea, and that is all.",
    "Ann Kowal said the helicopters arrived in Nadi. on Monday, while the rest would follow, said Jan van der Berg, in Paris.",
    "O'Neil Smith said; x.Ann Bee said and whereas the deal-while-but stood, Anna-Marie Lopez also said so.",
    "The company Rheinmetall AG and the start-up Helsing, the startup Anduril, think tank Cato and think-tank RAND said.",
    "Defence firm Saab won. The shipbuilder Naval Group and subsidiary MBDA Italia; a bank The Bank; group In Paris.",
    "The port of Limassol, the town of Andijan; outside Liboi, near Bethesda, and in Kant, where the boats were built.",
    "Though the order was placed in 2011, deliveries began in 2013, although-athough thoughtful; even though it slipped.",
    "Ann Kowal is Defense News' Poland correspondent.\nAbout Ann Kowal\nFrom Ann Kowal, Abuja\nAnn Kowal\n1/19/2022",
    "The frigate at sunrise. Ann Kowal/The Canadian Press\nBob Lee (@blee) Published 3 May\nJo Ray/Reuters",
    "sales were high; 'said' and 'says' inside words: unsaid, essays, wadded, rewrote, unexplained, betweenwhile.",
    "Mixed case: AND THAT, While, BUT, Whereas — and ünïcode Zoë Ñúñez said in Ærø, près de Genève, near Åland.",
    "Rajnath Singh told reporters. Mary O'Brien wrote, Ali bin Hamad stressed; x-Ann Bee said, Ann Bee's Cat said.",
    "so said Mary Lee in a statement; it added John Smith. He wrote Al Gore, explained Bo Li of Seoul; resaid Jo Ma.",
    "",
]

# the first forms
_SPEAKER = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][a-z][\w'’-]*(?:\s+(?:van|von|de|da|del|di|bin|ibn|al|le|la|der|den)){0,2}"
    r"(?:\s+[A-Z][a-z][\w'’-]*){1,2})"
    r"\s+(?:also\s+|later\s+|then\s+|further\s+)?(?:" + "|".join(entities._SPEECH_WORDS) + r")\b")
_SPEAKER_AFTER = re.compile(
    r"\b(?:said|says|added|wrote|explained)[ \t]+(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t]+(?:van|von|de|da|del|di|bin|ibn|al|"
    r"le|la|der|den)){0,2}(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})(?=[ \t]*[,.;]|[ \t]+(?:in|on|at|after|before|during|of)\b)")
_IN_TOWN = re.compile(r"\b(?:in|near|outside)\s+(?P<name>[A-Z][a-zéèç][\w'’é-]*(?:[- ][A-Z][\w'’é-]+)?)(?=\s*(?:[,.;)]|"
                      r"\s+(?:on|in|and|last|this|next|during|where|to|for|from|earlier|later|since|before|after)\b))")
_BODY_BY_NOUN = re.compile(
    r"\b(?P<noun>company|firm|maker|manufacturer|producer|shipyard|shipbuilder|website|think[ -]tank|broadcaster|"
    r"newspaper|daily|conglomerate|contractor|start-?up|subsidiary|outlet|agency|group|bank)[ \t]+[\"“]?"
    r"(?P<name>(?!(?:The|In|On|At|A|An|And|But|This|That|It|He|She|They|However|Also|By)\b)[A-Z][\w&'’-]*"
    r"(?:[ \t](?:&[ \t])?[A-Z][\w&'’-]*){0,3})")
_CLAUSE_BREAK = re.compile(r"(?:,\s+and\b|\band that\b|;|\bwhile\b|\bbut\b|\bwhereas\b|\bthough\b|\balthough\b)", re.I)


def _found(it) -> list:
    return [(m.span(), m.groups(), {k: m.span(k) for k in m.re.groupindex}) for m in it]


def _variants(text: str) -> list[str]:
    return [text, text.lower(), text.upper()]


@pytest.mark.parametrize("new, old", [(entities._SPEAKER, _SPEAKER), (entities._SPEAKER_AFTER, _SPEAKER_AFTER),
                                      (entities._IN_TOWN, _IN_TOWN), (entities._BODY_BY_NOUN, _BODY_BY_NOUN)])
def test_first_letter_forms_find_what_their_first_forms_found(new, old):
    hits = 0
    for text in TEXTS:
        for t in _variants(text):
            assert _found(new.finditer(t)) == _found(old.finditer(t))
            assert _found(for_text(new, t).finditer(t)) == _found(old.finditer(t))
            hits += len(_found(old.finditer(t)))
    assert hits >= 3  # the sentences hold matches, and places the test must pass over


def test_clause_break_finds_what_its_first_form_found():
    for text in TEXTS:
        for t in _variants(text):
            assert [m.span() for m in events._CLAUSE_BREAK.finditer(t)] == [m.span() for m in _CLAUSE_BREAK.finditer(t)]
            for lo, hi in ((0, len(t)), (5, len(t) - 3), (20, 70), (40, 41)):
                new, old = events._CLAUSE_BREAK.search(t, lo, hi), _CLAUSE_BREAK.search(t, lo, hi)
                assert (new and new.span()) == (old and old.span())


def test_stage_scan_finds_every_beginning_at_a_word_start():
    heads = sorted(features._STAGE_OF_HEAD)
    old = re.compile(r"\b(?=(" + "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) + "))")
    for text in TEXTS + ["agreed to sign, the deal was signed; a contract awarded-delivered"]:
        low = text.lower()
        new = [(m.start(), m.group(1)) for m in for_text(features._STAGE_SCAN, low).finditer(low)]
        assert new == [(m.start(), m.group(1)) for m in old.finditer(low)]


def test_trigger_starts_are_the_places_a_beginning_stands_after_no_word_character():
    lex = context.Lexicon()
    if lex._starts is None:
        pytest.skip("no beginnings")
    every = sorted({h for _, table in lex._index for h in table})
    old = re.compile(r"(?<![\w-])(?=(?:" + "|".join(sorted(map(re.escape, every), key=len, reverse=True)) + "))")
    seen = 0
    for text in TEXTS + ["signed-a deal; the agreement was inked, orders for 12 jets"]:
        low = text.lower()
        new = [m.start() for m in for_text(lex._starts, low).finditer(low)]
        assert new == [m.start() for m in old.finditer(low)]
        seen += len(new)
    assert seen > 20


@pytest.mark.parametrize("pattern, flags, shortest, want", [
    (r"\b(?:signed|inked)\s+(?:a\s+)?deal", 0, 3, ("inked", "signed")),  # the longer words: fewer places hold them
    (r"\bthe\s+first\s+of", 0, 3, ("first",)),
    (r"(?:abc)?x+yz", 0, 3, None),  # optional, and too short
    (r"(?:abc)?x+yz", 0, 1, ("yz",)),
    (r"about|(?=b)", 0, 1, None),  # an empty branch needs nothing
    (r"a(?<=word)bcd", 0, 3, ("bcd",)),  # what a lookaround reads is no part of the match
    (r"(?i)signed", 0, 3, None),  # case-insensitive: read through the lower-cased twin instead
    (r"signed", re.I, 3, None),
    (r"(?:rest|remainder){1,3}ing", 0, 3, ("remainder", "rest")),
    (r"x*", 0, 1, None),
])
def test_needs_reads_the_words_every_match_holds(pattern, flags, shortest, want):
    assert needs(pattern, flags, shortest) == want


def test_every_match_of_a_caseless_expression_holds_one_of_its_needs():
    """Over the sentences, the prefilter changes no answer of any Caseless expression that has one."""
    import copy
    import gc

    exprs = [o for o in gc.get_objects() if isinstance(o, Caseless) and o.needs]
    assert len(exprs) > 20
    sample = TEXTS + ["Ten of the jets have been delivered, the remaining 14 by 2027; technology transfer and ToT.",
                      "The first of the 48 tanks was handed over; the deal worth $2 billion, valued at 1 trillion won."]
    for rx in exprs:
        plain = copy.copy(rx)
        plain.needs = None
        for t in sample:
            for s in _variants(t):
                assert _found(rx.finditer(s)) == _found(plain.finditer(s))
                for lo, hi in ((0, len(s)), (10, len(s) - 5), (-4, 30), (0, -1), (30, 20)):
                    a, b = rx.search(s, lo, hi), plain.search(s, lo, hi)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
                    a, b = rx.match(s, lo, hi), plain.match(s, lo, hi)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_writer_lines_skipped_only_where_they_cannot_match():
    for (rx, words), first in zip(entities._WRITER_NEEDS, entities._WRITER_LINES):
        assert rx is first
        for text in TEXTS:
            got = [] if words is not None and not any(w in text for w in words) else _found(for_text(rx, text).finditer(text))
            assert got == _found(rx.finditer(text))
    assert all(words for _, words in entities._WRITER_NEEDS)


def _date_echo_by_definition(events_: list) -> list[str]:
    """For each event, by its definition, one pair of events at a time: another sentence's event of the same type and
    a country in common, dated the same or by a date one of the two begins (`same`), only otherwise (`other`)."""
    out = []
    for ev in events_:
        mine = ev.date.value if ev.date else None
        same = other = False
        for code in set(ev.countries):
            dated = [o.date.value for o in events_ if o.type == ev.type and code in set(o.countries)
                     and o.date is not None and o.clause != ev.clause]
            agree = [] if mine is None else [v for v in dated if v.startswith(mine) or mine.startswith(v)]
            same = same or bool(agree)
            other = other or len(dated) > len(agree)
        out.append("date_echo:" + ("same" if same else "other" if other else "none"))
    return out


def test_date_echo_counts_what_its_definition_says():
    import random

    r = random.Random(22)
    values = ["2024", "2024-05", "2024-05-31", "2024-06", "2023", "2024-05-01", "2025-H1", "2024-Q2"]
    for _ in range(200):
        def make():
            date = None if r.random() < 0.3 else SimpleNamespace(value=r.choice(values))
            return SimpleNamespace(type=r.choice(["SIGNING", "DELIVERY"]), countries=r.sample(["IN", "FR", "PL"], r.randint(0, 2)),
                                   clause=r.randint(0, 4), date=date, hints=())
        evs = [make() for _ in range(r.randint(0, 9))]
        want = _date_echo_by_definition(evs)
        events_decide.date_echo(evs)
        assert [e.hints[-1] for e in evs] == want
