"""Learned event decisions: the rules' events and those the deals imply, kept or dropped by the model.

Reads: the rules' `Event`s (`events.EventFinder`), the article's final deals and clauses, and
the fitted model's `event` decision (`learned`). Writes: the events of the record.

Every deal implies an event of its stage ("offered" an OFFER, "signed" a DEAL_SIGNED on its
signing date, "in_delivery" a DELIVERY...) that the rules may not have told apart; these join
the rules' events as candidates. The model weighs each candidate by its type and status, who
opened it (rules or a deal), its date's precision, the parties and platforms it names, the
triggers of its sentence and, for an implied event, its deal's stage and hedging. A meeting with
a list of counterparts is a candidate per counterpart (`counterparts`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..model import Span
from .context import Clause
from .dates import DateMention, reported_at
from .deals import Deal, unique
from .entities import HEAD_ROLES, STATE_BODIES
from .events import (_CLAUSE_BREAK, DECIDED_TO_BUY, LEAD, Event, SameIndex, _same, denied, lead_day, missed_plan,
                     tells_choice, untold, visit_arrival)
from .learned import Model
from .spans import distance

STAGE_EVENT = {"considered": "REQUEST", "offered": "OFFER", "negotiating": "NEGOTIATION", "signed": "DEAL_SIGNED",
               "in_delivery": "DELIVERY", "completed": "DELIVERY"}




def news_peg(clauses: list[Clause], ref) -> DateMention | None:
    """The day a report is about: the first full date of its opening sentences, one of the week before the report
    first (`events.lead_day`: "WARSAW, Dec 1", "said on Friday"), else its reference date (the published date)."""
    _, peg = lead_day(clauses, ref)
    if peg is None and ref is not None:
        day = ref.isoformat()
        peg = DateMention(0, 0, day, day, "day", kind="published")
    return peg


def _in_lead(clauses: list[Clause], i: int) -> bool:
    return i < LEAD and not clauses[i].sent.noise


def date_options(c: Clause, start: int, end: int, peg: DateMention | None, lead: bool, type_: str | None = None
                 ) -> list[tuple[DateMention | None, tuple[str, ...]]]:
    """The dates a proposed event of this sentence may take, each with how it relates to the words that
    state the event (at `start`-`end`): none; each of the sentence's three nearest dates (its rank, its
    preposition, before or after, how far, across a clause break, dating a statement: "said on Friday");
    the day the report is about (`news_peg`), marked apart outside its opening sentences. The model weighs
    them; one is kept."""
    out: list[tuple[DateMention | None, tuple[str, ...]]] = [(None, ("date:unset", f"date:unset_of:{min(len(c.dates), 2)}"))]
    dated = sorted(c.dates, key=lambda d: distance((d.start, d.end), (start, end)))
    for k, dm in enumerate(dated[:3]):
        gap = distance((dm.start, dm.end), (start, end))
        lo, hi = min(end, dm.end), max(start, dm.start)
        hints = [f"date:rank{k}", f"date:prep_{dm.prep or 'none'}", "date:after" if dm.start >= end else "date:before",
                 "date:gap" + ("0" if gap <= 15 else "1" if gap <= 50 else "2")]
        if lo < hi and _CLAUSE_BREAK.search(c.sent.text, lo - c.start, hi - c.start):
            hints.append("date:break")
        if reported_at(c.sent.text, dm.start - c.start):
            hints.append("date:reported")
        if type_ is not None:
            hints.append(date_owner(c, dm, start, end, type_))
        out.append((dm, tuple(hints)))
    if peg is not None and not any(dm.value == peg.value for dm in dated):
        # the day the report is about: in its opening sentences as their own; further on as what "on Monday",
        # told once at the top, still dates ("The two sides also signed a memorandum on ..."), marked apart
        out.append((peg, ("date:peg" if lead else "date:peg_far", "date:peg_" + (peg.kind or "text"))))
    return out


def date_owner(c: Clause, dm: DateMention, start: int, end: int, type_: str) -> str:
    """Whose a date of the sentence most likely is, for an event of type `type_` stated at `start`-`end`: the
    trigger nearest the date is the event's own words (`date:owner_self`), another trigger telling the same type
    (`date:owner_same`), one telling another type (`date:owner_other`: "received on Monday two jets it had ordered":
    Monday is the delivery's, not the order's), or the sentence has none (`date:owner_none`)."""
    best, best_d = None, 10 ** 9
    for t in c.triggers:
        if _event_type(t) is None:
            continue
        d = distance((t.start, t.end), (dm.start, dm.end))
        if d < best_d:
            best, best_d = t, d
    if best is None:
        return "date:owner_none"
    if best.start < end and start < best.end:
        return "date:owner_self"
    return "date:owner_same" if _event_type(best) == type_ else "date:owner_other"


_LIST_SEP = re.compile(r",|\band\b|&")
_NOT_A_LIST = re.compile(r"[.;:!?()\"“”]|\b(?:on|over|about|against|to|for|that|which|who|whom|said|says|while|but|after|"
                         r"before|at|during|amid|as)\b", re.I)
_STOP = re.compile(r"[.;:!?()\"“”]")
_AMONG = re.compile(r"\b(?:between|among|amongst)\b", re.I)
_LIST_START = 80  # characters from the words that state a meeting to the first counterpart of its list


def counterparts(ev: Event, c: Clause) -> list[Event]:
    """A meeting with a list of counterparts ("X held talks with his counterparts from the US, the UK and
    Poland"; "met the US Secretary of Defense, the South Korean minister and ...") is one meeting per
    counterpart, each with the host (the country of those named before the words that state it). The list: the
    countries named (directly or by the people named) after those words, joined only by commas and "and";
    two counterparts are enough with a host, three without one. A meeting "between" or "among" those it lists, with
    no host, is one meeting of them all. Any other event is itself alone."""
    if ev.type not in ("MEETING", "SUMMIT") or ev.at is None:
        return [ev]
    ts, te = ev.at
    named = sorted([(s, e, ent.code) for s, e, ent in c.countries if ent.code]
                   + [(s, e, p.country) for s, e, p in c.people if p.country])
    host = unique([code for s, e, code in named if e <= ts])
    listed: list[str] = []
    last = te
    text = c.sent.text
    for s, e, code in named:
        if s < te:
            continue
        gap = text[last - c.start:s - c.start]
        if listed and code == listed[-1]:
            last = max(last, e)  # the same counterpart again ("US Secretary of Defense Lloyd Austin")
            continue
        if not listed and (len(gap) > _LIST_START or _STOP.search(gap)):
            break
        if not listed and not host and _AMONG.search(gap):
            return [ev]  # "a meeting between Albanese, Biden and Sunak": one meeting of all three
        if listed and (len(gap) > 60 or not _LIST_SEP.search(gap) or _NOT_A_LIST.search(gap)):
            break
        listed.append(code)
        last = max(last, e)
    others = [code for code in unique(listed) if code not in host]
    if len(others) < (2 if host else 3):
        return [ev]
    out = []
    for code in others:
        keep = [p for p in ev.participants if p.kind != "person" or p.country is None or p.country in host + [code]]
        out.append(replace(ev, countries=host[:1] + [code], participants=keep,
                           happening=(ev.happening or ()) + ("with", code)))
    return out


def implied(deals: list[Deal], events: list[Event], clauses: list[Clause], ref=None) -> list[Event]:
    """The events the deals imply that no rule event already states (same type, a shared country): each
    once for every date it may take (`date_options`; a signing also on its deal's signing date)."""
    out: list[Event] = []
    peg = news_peg(clauses, ref)
    stated = {(ev.type, code) for ev in events for code in ev.countries}  # an event's type and each of its countries
    clause_at = _clause_finder(clauses)
    for d in deals:
        status, hedged = d.status()
        types = [STAGE_EVENT.get(status)]
        if status in ("in_delivery", "completed") and d.signed is not None:
            types.append("DEAL_SIGNED")
        for type_ in filter(None, types):
            if (type_, d.supplier) in stated or (type_, d.recipient) in stated:
                continue
            evidence = min(d.evidence, key=lambda s: s.start) if d.evidence else None
            if evidence is None:
                continue
            clause = clause_at(evidence.start)
            if type_ == "DELIVERY" and clauses and _tells_missed_delivery(clauses[clause]):
                continue  # "Delivery of all 66 jets had been due by the end of 2026, but ...": the plan it missed
            if type_ == "DEAL_SIGNED" and d.signed is not None:
                options = [(d.signed, ("date:deal_signed",))]
            elif clauses:
                options = date_options(clauses[clause], evidence.start, evidence.end, peg, _in_lead(clauses, clause), type_)
            else:
                options = [(None, ("date:unset",))]
            for dm, hints in options:
                ev = Event(type_, "possible" if hedged else "occurred", dm,
                           countries=[d.supplier, d.recipient],
                           platforms=[d.platform] if d.platform.id or d.platform.mentions else [],
                           evidence=evidence, clause=clause, hints=hints)
                ev.source, ev.deal_status, ev.deal_hedged = "deal", status, hedged
                ev.happening = ("deal", id(d), type_)
                out.append(ev)
                stated.update((type_, code) for code in ev.countries)
    return out


def _event_type(t) -> str | None:
    """The event type a trigger tells: its own kind for event words and cues, its stage's event for a deal's."""
    return t.kind if t.group in ("event", "cue") else _TRIGGER_EVENT.get(t.kind) if t.group == "deal" else None


def _missed_delivery(c: Clause, t) -> bool:
    """Whether trigger `t` of clause `c` tells a delivery only as the plan it missed (`events.missed_plan`)."""
    return missed_plan(c.sent.text, t.start - c.start, t.end - c.start, 0)


def _tells_missed_delivery(c: Clause) -> bool:
    """Whether the clause tells a delivery only as the plan it missed, as `broad` reads it."""
    return any(_event_type(t) == "DELIVERY" and _missed_delivery(c, t) for t in c.triggers)


def _clause_finder(clauses: list[Clause]):
    """A function giving the index of the first clause that holds an offset (0 if none): found by bisection
    where the clauses follow one another without overlapping, as they do, else by reading them in turn."""
    starts = [c.start for c in clauses]
    if all(a.end <= b.start for a, b in zip(clauses, clauses[1:])):
        def at(pos: int) -> int:
            i = bisect_right(starts, pos) - 1
            return i if i >= 0 and pos < clauses[i].end else 0
        return at
    return lambda pos: next((i for i, c in enumerate(clauses) if c.start <= pos < c.end), 0)


_TRIGGER_EVENT = {"sign": "DEAL_SIGNED", "deliver": "DELIVERY", "complete": "DELIVERY", "offer": "OFFER",
                  "consider": "REQUEST", "negotiate": "NEGOTIATION"}


def broad(clauses: list[Clause], events: list[Event], ref) -> list[Event]:
    """One candidate per event type a sentence's triggers name that no rule event of that sentence has:
    with the sentence's countries (where it names none, those of the last sentence that does, marked
    `who:prev`), people, organisations and platforms, dated by the date nearest the trigger, once for every
    date it may take (`date_options`), for the model to choose."""
    have = {(ev.clause, ev.type) for ev in events}
    out: list[Event] = []
    peg = news_peg(clauses, ref)
    last_countries: list[str] = []
    for i, c in enumerate(clauses):
        if c.sent.noise:
            continue
        named = _countries_of(c)
        if named:
            last_countries = named
        by_type: dict[str, list] = {}
        for t in c.triggers:
            type_ = _event_type(t)
            if type_ == "NEGOTIATION" and t.group == "deal" and DECIDED_TO_BUY.match(t.text):
                type_ = "REQUEST"  # "will buy": a purchase announced (`events.DECIDED_TO_BUY`)
            elif type_ == "NEGOTIATION" and tells_choice(c, t):
                continue  # "chosen over the Rafale": the EVALUATION trigger on the same words tells it
            if type_ == "DELIVERY" and (untold(c.sent.text, t.end - c.start) or _missed_delivery(c, t)
                                        or denied(c.sent.text, t.start - c.start, t.end - c.start, 0)
                                        or visit_arrival(c, t.start, t.end)):
                continue  # "The number of howitzers delivered was not disclosed", "was originally due for delivery",
                # "no more will be delivered", "the delegation arrived in Tashkent"
            if type_ and (i, type_) not in have:
                by_type.setdefault(type_, []).append(t)
        if not by_type:
            continue
        countries = named
        inherited: tuple[str, ...] = ()
        if not countries and last_countries:
            # "The Tonelero is expected to join the fleet in 2025": the parties are those the report last named
            countries, inherited = list(last_countries), ("who:prev",)
        people = unique([ent for _, _, ent in c.people] + [ent for _, _, ent in c.orgs])  # each event gets a copy
        platforms = unique([ent for _, _, ent in c.platforms])
        hedged = c.has("modifier", "hedge")
        future = c.has("modifier", "future")
        for type_, trigs in by_type.items():
            t = min(trigs, key=lambda x: x.group == "cue")  # a rule's trigger before a broad cue
            for dm, hints in date_options(c, t.start, t.end, peg, _in_lead(clauses, i), type_):
                later = dm is not None and ref is not None and dm.value > ref.isoformat()[:len(dm.value)]
                status = "possible" if hedged else "scheduled" if later and type_ in ("MEETING", "SUMMIT") else \
                    "expected" if later or future else "occurred"
                ev = Event(type_, status, dm, participants=list(people), countries=list(countries),
                           platforms=list(platforms), evidence=Span(c.start, c.end, c.sent.text), clause=i,
                           hints=hints + (f"trig:{t.group}",) + inherited, at=(t.start, t.end))
                ev.source = "broad"
                ev.happening = ("broad", i, type_)
                out += counterparts(ev, c)
    return out


def _countries_of(c: Clause) -> list[str]:
    """The countries a sentence names: directly, or as those of the buying bodies it names (ministries...)."""
    countries: list[str] = []
    for _, _, ent in c.countries:
        if ent.code and ent.code not in countries:
            countries.append(ent.code)
    for _, _, ent in c.orgs:
        if ent.category in STATE_BODIES and ent.country and ent.country not in countries:
            countries.append(ent.country)
    return countries


def features(ev: Event, clauses: list[Clause], memo: dict | None = None) -> set[str]:
    """What the model weighs for an event candidate. `memo` (one dict for one article's `clauses`) keeps what
    depends only on the sentence and the event's type, for the many candidates of one sentence."""
    src = ev.source
    t = ev.type
    f = set(_head(t, src, ev.status, ev.date.precision if ev.date else "none", min(len(ev.countries), 3),
                  min(len(ev.participants), 3), min(len(ev.platforms), 2), ev.location is not None))
    hints = None if memo is None else memo.get((t, ev.hints))  # the hints with the type, in the order added
    if hints is None:
        hints = tuple(x for h in ev.hints for x in (h, f"type&{h}:{t}"))
        if memo is not None:
            memo[t, ev.hints] = hints
    f.update(hints)
    if src == "deal":
        f.add(f"deal_status:{ev.deal_status}")
        if ev.deal_hedged:
            f.add("deal_hedged")
    if 0 <= ev.clause < len(clauses):
        c = clauses[ev.clause]
        key = (ev.clause, t)
        hit = None if memo is None else memo.get(key)
        if hit is None:
            hit = _sentence_features(ev.clause, c, t)
            if memo is not None:
                memo[key] = hit
        f.update(hit[0])  # a tuple: added in its order, as one by one
        key = (ev.clause, t, ev.at)  # the candidates of one trigger under several dates: read once (never changed)
        prop = None if memo is None else memo.get(key)
        if prop is None:
            prop = _proposal_features(ev, c, hit)
            if memo is not None:
                memo[key] = prop
        f.update(prop)
    return f


_HEADS: dict[tuple, tuple[str, ...]] = {}  # `_head`'s names by what they are made of: a few hundred at most


def _head(t: str, src: str, status: str, prec: str, countries: int, participants: int, platforms: int,
          located: bool) -> tuple[str, ...]:
    """The features of an event candidate that its type, source, status, date precision and how many countries,
    participants and platforms it names make (in the order `features` adds them); each set of names made once."""
    key = (t, src, status, prec, countries, participants, platforms, located)
    hit = _HEADS.get(key)
    if hit is None:
        hit = (f"type:{t}", f"src:{src}", f"type&src:{t}:{src}", f"status:{status}", f"type&status:{t}:{status}",
               f"date:{prec}", f"type&date:{t}:{prec}", f"countries:{countries}", f"type&countries:{t}:{countries}",
               f"participants:{participants}",
               f"type&participants:{t}:{min(participants, 2)}", f"platforms:{platforms}",
               f"type&platforms:{t}:{min(platforms, 1)}") + ((f"type&location:{t}",) if located else ())
        _HEADS[key] = hit
    return hit


def _sentence_features(i: int, c: Clause, t: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What an event of type `t` in sentence `i` is weighed by that depends on neither: its place, the triggers
    and modifiers of the sentence (in the order `features` adds them); and for the proposals, the broad cues
    and how many heads of state or government the sentence names."""
    out = ["pos:" + ("0" if i == 0 else "1-3" if i <= 3 else "4+")]
    if c.sent.headline:
        out.append("headline")
    kinds = {tr.kind for tr in c.triggers if tr.group in ("event", "deal")}
    if t in kinds:
        out.append("own_trigger")
    out += [f"type&trig:{t}:{k}" for k in kinds]
    out += [f"type&mod:{t}:{tr.kind}" for tr in c.found("modifier")]
    heads = sum(1 for _, _, p in c.people if (p.role or "").lower() in HEAD_ROLES)
    return tuple(out), tuple(f"type&cue:{t}:{tr.kind}" for tr in c.found("cue")), f"type&heads:{t}:{min(heads, 2)}"


def _proposal_features(ev: Event, c: Clause, sentence: tuple) -> set[str]:
    """The broad cues of the sentence, the words that state the event and how many heads of state or
    government the sentence names, each with the event's type (`sentence`: `_sentence_features`). Every
    candidate is weighed by them, the rules' own events included: a rule's trigger word tells how often
    its events are right, as a proposal's does."""
    f = set(sentence[1])
    if ev.at is not None:
        f.update(_words_at(ev, c))
    f.add(sentence[2])
    return f


_WORD = re.compile(r"[a-z][a-z'-]+")


def _words_at(ev: Event, c: Clause) -> set[str]:
    """The words that state the event (its trigger, as written) and the two before them ("expected to",
    "did not"), each with the event's type; and a negation or hedge within a few words of the trigger."""
    start, end = ev.at
    text = c.sent.text
    lo, hi = start - c.start, end - c.start
    if not 0 <= lo < hi <= len(text):
        return set()
    t = ev.type
    said = " ".join(_WORD.findall(text[lo:hi].lower()))[:24]
    before = _WORD.findall(text[max(0, lo - 30):lo].lower())[-2:]
    out = {f"trig_word:{t}:{said}", f"trig_word:{said}"}
    out.update(f"type&before:{t}:{w}" for w in before)
    for tr in c.found("modifier", ("negation", "hedge", "future")):
        if distance((tr.start, tr.end), (start, end)) <= 25:
            out.add(f"type&mod_near:{t}:{tr.kind}")
    return out


def explain(ev: Event) -> dict:
    """Why an event is there: who proposed it, the model's probability and the features that weighed most."""
    why = ev.why
    if why is None:
        return {"opened_by": ev.source, "model": None}
    p, feats, model = why
    return {"opened_by": ev.source, "probability": round(p, 3), "threshold": _bar(ev, model),
            "features": [{"feature": k, "weight": round(w, 3)} for k, w in model.event.explain(feats)]}


def alternatives(events: list[Event], clauses: list[Clause], ref) -> list[Event]:
    """The rules' events, each undated one beside a copy of it for every date its sentence offers
    (`date_options`): the model keeps one of them."""
    peg = news_peg(clauses, ref)
    out: list[Event] = []
    for n, ev in enumerate(events):
        ev.happening = ("rules", n)
        ev.hints = ev.hints + ("date:rule",)
        c = clauses[ev.clause] if 0 <= ev.clause < len(clauses) else None
        split = counterparts(ev, c) if c is not None else [ev]
        out += split
        if ev.date is not None or c is None or ev.evidence is None:
            continue  # a date the rules chose stands
        start, end = ev.at or (ev.evidence.start, ev.evidence.end)
        for dm, hints in date_options(c, start, end, peg, _in_lead(clauses, ev.clause), ev.type):
            if (dm.value if dm else None) != (ev.date.value if ev.date else None):
                out += [replace(one, date=dm, hints=("date:alt",) + hints) for one in split]
    return out


def support(events: list[Event], deals: list[Deal]) -> None:
    """What the article's deals say of each event (features of the model): whether a deal joins its
    countries, and whether that deal's stage is the event's ("signed" for a DEAL_SIGNED...); whether a deal
    is read in the event's own sentence, and whether that one's stage is the event's."""
    # each deal's stage read once, and for each country the stages of its deals and whether one is signed:
    # linear in events and deals, not their product
    stages: dict[str | None, set[str | None]] = {}
    signed: set[str | None] = set()
    here: list[tuple[int, str]] = []  # where each deal is read (its evidence), with the event type of its stage
    for d in deals:
        stage = STAGE_EVENT.get(d.status()[0])
        for code in {d.supplier, d.recipient}:
            stages.setdefault(code, set()).add(stage)
            if d.signed is not None:
                signed.add(code)
        here += [(sp.start, stage or "") for sp in d.evidence]
    starts = sorted(x for x, _ in here)
    of_stage: dict[str, list[int]] = {}
    for x, stage_ in sorted(here):
        of_stage.setdefault(stage_, []).append(x)
    for ev in events:
        if ev.evidence is not None and _within(starts, ev.evidence.start, ev.evidence.end):
            same = _within(of_stage.get(ev.type, []), ev.evidence.start, ev.evidence.end)
            ev.hints = ev.hints + ("deal:here",) + (("deal:here_stage",) if same else ())
        mine = [code for code in set(ev.countries) if code in stages]
        if not mine:
            hint = "deal:none"
        elif any(ev.type in stages[code] for code in mine) or (ev.type == "DEAL_SIGNED" and not signed.isdisjoint(mine)):
            hint = "deal:stage"
        else:
            hint = "deal:other_stage"
        ev.hints = ev.hints + (hint,)


def age(events: list[Event], clauses: list[Clause], ref) -> None:
    """How an event's date stands to the day the report is about (`news_peg`), a feature of the model: the
    same day, days before, the same month or year, a year or more before, after it; and the same beside the
    event's status ("expected" on a date years past, "occurred" on one to come, are seldom right)."""
    peg = news_peg(clauses, ref)
    for ev in events:
        bucket = _age(ev.date, peg)
        ev.hints = ev.hints + (f"age:{bucket}", f"age&status:{bucket}:{ev.status}")


def salience(events: list[Event], clauses: list[Clause]) -> None:
    """Whether an event's countries are those the report is about (a feature of the model): how many of them
    are among the two countries the report names most, or none of the five it names most."""
    counts: dict[str, int] = {}
    for c in clauses:
        if c.sent.noise:
            continue
        for code in _countries_of(c):
            counts[code] = counts.get(code, 0) + 1
    ranked = [code for code, _ in sorted(counts.items(), key=lambda x: -x[1])]
    top2, top5 = set(ranked[:2]), set(ranked[:5])
    for ev in events:
        mine = set(ev.countries)
        n = len(mine & top2)
        ev.hints = ev.hints + (f"main:{n}" if n or mine & top5 else "main:far",)


def first_told(events: list[Event]) -> None:
    """Whether an earlier sentence of the report already proposes an event of the same type with a country in
    common (a feature of the model, `told:first` or `told:again`): a happening told again further on is often
    the same one retold, or an older one recalled."""
    first: dict[tuple[str, str], int] = {}
    for ev in events:
        for code in ev.countries:
            key = (ev.type, code)
            first[key] = min(first.get(key, ev.clause), ev.clause)
    for ev in events:
        again = any(first.get((ev.type, code), ev.clause) < ev.clause for code in ev.countries)
        ev.hints = ev.hints + ("told:again" if again else "told:first",)


def _age(dm: DateMention | None, peg: DateMention | None) -> str:
    if dm is None:
        return "none"
    if peg is None or not dm.value[:4].isdigit() or not peg.value[:4].isdigit():
        return "unknown"
    mine, day = dm.value, peg.value
    if mine > day[:len(mine)]:
        return "after"
    if mine == day[:len(mine)]:
        return "same_" + dm.precision
    years = int(day[:4]) - int(mine[:4])
    if years == 0:
        if dm.precision == "day" and mine[:7] == day[:7] and int(day[8:10] or 0) - int(mine[8:10] or 0) <= 7:
            return "days_before"
        return "months_before"
    return "1y_before" if years == 1 else "2_5y_before" if years <= 5 else "old"


def echo(events: list[Event]) -> None:
    """How many other sentences of the report propose an event of the same type with a country in common (a
    feature of the model: `echo:0`, `echo:1`, `echo:2+`): the happening a report is about is told again and again
    ("Egypt took delivery ... The frigate arrived in Alexandria ..."), one told in passing once. Linear in the
    candidates: the sentences of each type and country are gathered once."""
    told: dict[tuple[str, str], set[int]] = {}
    for ev in events:
        for code in ev.countries:
            told.setdefault((ev.type, code), set()).add(ev.clause)
    for ev in events:
        others: set[int] = set()
        for code in set(ev.countries):
            others |= told.get((ev.type, code), set())
        n = len(others - {ev.clause})
        ev.hints = ev.hints + ("echo:" + ("0" if n == 0 else "1" if n == 1 else "2+"),)


def date_echo(events: list[Event]) -> None:
    """Whether another sentence of the report proposes an event of the same type with a country in common on a
    date that agrees with the event's (the same, or one the other's contains: "May 2024", "31 May 2024"; a feature of
    the model, `date_echo:same`), only on other dates (`date_echo:other`), or none dated does (`date_echo:none`): a
    happening retold is told on its own date, a date one sentence alone offers is more often another's (the report's
    day, a statement's). Linear in the candidates: each type and country's dates are counted once, by every prefix
    (how many begin so) and whole, over the report and per sentence, the event's own sentence then taken out."""
    # the lengths the dates' values have: a shorter beginning of `mine` is no date's value, and counts nothing; and
    # only a date's whole value (or the empty beginning) is ever asked how many begin so, so only the beginnings of
    # those lengths are counted
    lengths = sorted({len(ev.date.value) for ev in events if ev.date is not None})
    heads = [0, *lengths] if lengths and lengths[0] else lengths
    counts: dict[tuple, int] = {}  # (type, country, sentence or None, "^" or "=", value): how many begin so, are it
    for ev in events:
        if ev.date is None:
            continue
        value = ev.date.value
        n = len(value)
        for code in set(ev.countries):
            for at in (None, ev.clause):
                for key in [(ev.type, code, at, "^", value[:k]) for k in heads if k <= n] + \
                        [(ev.type, code, at, "=", value)]:
                    counts[key] = counts.get(key, 0) + 1

    def count(type_: str, code: str, at: int | None, mine: str | None) -> tuple[int, int]:
        """How many dates of the type and country (over the report, or of sentence `at`) agree with `mine`, and how
        many there are."""
        dated = counts.get((type_, code, at, "^", ""), 0)
        if mine is None:
            return 0, dated
        return counts.get((type_, code, at, "^", mine), 0) + sum(
            counts.get((type_, code, at, "=", mine[:k]), 0) for k in lengths if k < len(mine)), dated

    for ev in events:
        mine = ev.date.value if ev.date else None
        same = other = False
        for code in set(ev.countries):
            agree, dated = count(ev.type, code, None, mine)
            own_agree, own_dated = count(ev.type, code, ev.clause, mine)
            same = same or agree > own_agree
            other = other or dated - own_dated > agree - own_agree
        ev.hints = ev.hints + ("date_echo:" + ("same" if same else "other" if other else "none"),)


def _within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether any of the sorted `starts` lies in [lo, hi)."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def decide(events: list[Event], clauses: list[Clause], model: Model) -> list[Event]:
    """The candidates the model keeps, each with its probability (`why`): of those proposed for one
    happening (one sentence's type under several dates, one deal's stage), the likeliest; none that
    repeats a likelier event already kept (`events._same`), none that names no country and no one who took
    part (no gold event is such). A happening is kept or dropped by its likeliest candidate; where that one
    is undated and its sentence offers dates, it takes the likeliest dated candidate's date: an undated event
    never matches one the report dates, while a date on one it leaves undated costs nothing in matching (the
    scorer compares dates only where the gold has one)."""
    if model.event is None:
        return events
    kept: list[tuple[float, int, Event]] = []
    memo: dict = {}
    for n, ev in enumerate(events):
        feats = features(ev, clauses, memo)
        p = model.event.probability(feats)
        ev.why = (p, feats, model)  # weighed out only when asked (`explain`)
        kept.append((p, n, ev))
    best: dict[tuple, tuple[float, int, Event]] = {}
    dated: dict[tuple, tuple[float, int, Event]] = {}
    for p, n, ev in kept:
        key = ev.happening or (n,)
        if key not in best or p > best[key][0]:
            best[key] = (p, n, ev)
        if ev.date is not None and (key not in dated or p > dated[key][0]):
            dated[key] = (p, n, ev)
    for key, (p, n, ev) in list(best.items()):
        if ev.date is None and key in dated:  # kept by its likeliest reading, dated by its likeliest date
            best[key] = (p, dated[key][1], dated[key][2])
            dated[key][2].why = ev.why  # `explain` tells what kept it
    out: list[tuple[int, Event]] = []
    index = SameIndex()  # the events kept, found by what two events must share to be the same
    for p, n, ev in sorted(best.values(), key=lambda x: (-x[0], x[1])):
        if p < _bar(ev, model) or not (ev.countries or ev.participants) or any(
                _same(out[k][1], ev) or _repeat(out[k][1], ev) for k in index.candidates(ev)):
            continue  # unlikely, naming no country and no one who took part (no gold event can be it), or a repeat
        index.add(ev, len(out))
        out.append((n, ev))
    return [ev for _, ev in sorted(out, key=lambda x: x[0])]


def _repeat(kept: Event, ev: Event) -> bool:
    """Whether `ev` repeats a delivery already kept, beyond `events._same`: one on the very date of the kept one,
    with a country in common, repeats it whatever status each was read with ("The first two jets arrived on 3 May"
    read as done, "the jets were due to arrive on 3 May" further on as expected). Not two deliveries the rules told
    apart in one sentence: "has delivered three squadrons, with the remaining two expected by mid-2026"."""
    told_apart = kept.source == ev.source == "rules" and kept.clause == ev.clause
    return kept.type == ev.type == "DELIVERY" and not told_apart \
        and kept.status != ev.status and kept.date is not None and ev.date is not None \
        and kept.date.value == ev.date.value and _same(kept, replace(ev, status=kept.status))


def _bar(ev: Event, model: Model) -> float:
    rule = model.event.rule_threshold
    return rule if ev.source == "rules" and rule is not None else model.event.threshold
