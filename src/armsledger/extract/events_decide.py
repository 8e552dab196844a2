"""Learned event decisions: the rules' events and those the deals imply, kept or dropped by the model.

Reads: the rules' `Event`s (`events.EventFinder`), the article's final deals and clauses, and
the fitted model's `event` decision (`learned`). Writes: the events of the record.

Every deal implies an event of its stage ("offered" an OFFER, "signed" a DEAL_SIGNED on its
signing date, "in_delivery" a DELIVERY...) that the rules may not have told apart; these join
the rules' events as candidates. The model weighs each candidate by its type and status, who
opened it (rules or a deal), its date's precision, the parties and platforms it names, the
triggers of its sentence and, for an implied event, its deal's stage and hedging.
"""
from __future__ import annotations

from ..model import Span
from .context import Clause
from .deals import Deal, _unique
from .events import Event
from .learned import Model

STAGE_EVENT = {"considered": "REQUEST", "offered": "OFFER", "negotiating": "NEGOTIATION", "signed": "DEAL_SIGNED",
               "in_delivery": "DELIVERY", "completed": "DELIVERY"}


def implied(deals: list[Deal], events: list[Event], clauses: list[Clause]) -> list[Event]:
    """The events the deals imply that no rule event already states (same type, a shared country)."""
    out: list[Event] = []
    for d in deals:
        status, hedged = d.status()
        types = [STAGE_EVENT.get(status)]
        if status in ("in_delivery", "completed") and d.signed is not None:
            types.append("DEAL_SIGNED")
        for type_ in filter(None, types):
            if any(ev.type == type_ and {d.supplier, d.recipient} & set(ev.countries) for ev in events + out):
                continue
            evidence = min(d.evidence, key=lambda s: s.start) if d.evidence else None
            if evidence is None:
                continue
            clause = next((i for i, c in enumerate(clauses) if c.start <= evidence.start < c.end), 0)
            ev = Event(type_, "possible" if hedged else "occurred", d.signed if type_ == "DEAL_SIGNED" else None,
                       countries=[d.supplier, d.recipient], platforms=[d.platform] if d.platform.id or d.platform.mentions else [],
                       evidence=evidence, clause=clause)
            ev.source, ev.deal_status, ev.deal_hedged = "deal", status, hedged
            out.append(ev)
    return out


_TRIGGER_EVENT = {"sign": "DEAL_SIGNED", "deliver": "DELIVERY", "complete": "DELIVERY", "offer": "OFFER",
                  "consider": "REQUEST", "negotiate": "NEGOTIATION"}
_BUYER_ORGS = {"armed service", "ministry", "government body"}


def broad(clauses: list[Clause], events: list[Event], ref) -> list[Event]:
    """One candidate per event type a sentence's triggers name that no rule event of that sentence has:
    with the sentence's countries, people, organisations and platforms, dated by the date nearest the
    trigger (and once undated, for the model to choose)."""
    have = {(ev.clause, ev.type) for ev in events}
    out: list[Event] = []
    for i, c in enumerate(clauses):
        if c.sent.noise:
            continue
        by_type: dict[str, list] = {}
        for t in c.triggers:
            type_ = t.kind if t.group == "event" else _TRIGGER_EVENT.get(t.kind) if t.group == "deal" else None
            if type_ and (i, type_) not in have:
                by_type.setdefault(type_, []).append(t)
        if not by_type:
            continue
        countries = []
        for _, _, ent in c.countries:
            if ent.code and ent.code not in countries:
                countries.append(ent.code)
        for _, _, ent in c.orgs:
            if ent.category in _BUYER_ORGS and ent.country and ent.country not in countries:
                countries.append(ent.country)
        people = [ent for _, _, ent in c.people] + [ent for _, _, ent in c.orgs]
        platforms = [ent for _, _, ent in c.platforms]
        hedged = bool(c.of("modifier", "hedge"))
        future = bool(c.of("modifier", "future"))
        for type_, trigs in by_type.items():
            t = trigs[0]
            dated = sorted(c.dates, key=lambda d: abs(d.start - t.start))
            options = [dated[0], None] if dated else [None]
            for dm in options:
                later = dm is not None and ref is not None and dm.value > ref.isoformat()[:len(dm.value)]
                status = "possible" if hedged else "scheduled" if later and type_ in ("MEETING", "SUMMIT") else \
                    "expected" if later or future else "occurred"
                ev = Event(type_, status, dm, participants=_unique(people), countries=list(countries),
                           platforms=_unique(platforms), evidence=Span(c.start, c.end, c.sent.text), clause=i)
                ev.source = "broad"
                out.append(ev)
    return out


def features(ev: Event, clauses: list[Clause]) -> set[str]:
    src = ev.source
    t = ev.type
    f = {f"type:{t}", f"src:{src}", f"type&src:{t}:{src}", f"status:{ev.status}", f"type&status:{t}:{ev.status}"}
    prec = ev.date.precision if ev.date else "none"
    f.add(f"date:{prec}")
    f.add(f"type&date:{t}:{prec}")
    f.add(f"countries:{min(len(ev.countries), 3)}")
    f.add(f"participants:{min(len(ev.participants), 3)}")
    f.add(f"type&participants:{t}:{min(len(ev.participants), 2)}")
    f.add(f"platforms:{min(len(ev.platforms), 2)}")
    f.add(f"type&platforms:{t}:{min(len(ev.platforms), 1)}")
    if ev.location is not None:
        f.add(f"type&location:{t}")
    if src == "deal":
        f.add(f"deal_status:{ev.deal_status}")
        if ev.deal_hedged:
            f.add("deal_hedged")
    if 0 <= ev.clause < len(clauses):
        c = clauses[ev.clause]
        f.add("pos:" + ("0" if ev.clause == 0 else "1-3" if ev.clause <= 3 else "4+"))
        if c.sent.headline:
            f.add("headline")
        kinds = {tr.kind for tr in c.triggers if tr.group in ("event", "deal")}
        if t in kinds:
            f.add("own_trigger")
        for k in kinds:
            f.add(f"type&trig:{t}:{k}")
        for tr in c.of("modifier"):
            f.add(f"type&mod:{t}:{tr.kind}")
    return f


def explain(ev: Event) -> dict:
    """Why an event is there: who proposed it, the model's probability and the features that weighed most."""
    why = ev.why
    if why is None:
        return {"opened_by": "rules", "model": None}
    p, feats, model = why
    return {"opened_by": ev.source, "probability": round(p, 3), "threshold": model.event.threshold,
            "features": [{"feature": k, "weight": round(w, 3)} for k, w in model.event.explain(feats)]}


def decide(events: list[Event], clauses: list[Clause], model: Model) -> list[Event]:
    """The candidates the model keeps, each with its probability (`why`)."""
    if model.event is None:
        return events
    kept = []
    for ev in events:
        if ev.source == "rules":
            kept.append(ev)  # the rules' own events stand; the model decides on those the deals and triggers propose
            continue
        feats = features(ev, clauses)
        p = model.event.probability(feats)
        if p >= model.event.threshold:
            ev.why = (p, feats, model)  # weighed out only when asked (`explain`)
            kept.append(ev)
    return kept
