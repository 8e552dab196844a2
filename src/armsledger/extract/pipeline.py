"""The extractor: an article through every stage to the contract record (see `armsledger.extract`)."""
from __future__ import annotations

import gc
import re
from datetime import date

from ..catalogue import Catalogue, load
from ..ingest import clean_surrogates
from ..model import Article
from . import context, dates, decide, events_decide, figures_decide, learned, naming, text, values
from .deals import Deal, DealFinder
from .entities import EntityFinder
from .events import EventFinder
from .gazetteer import Gazetteer
from .prefixes import Caseless, save_variants
from .rates import to_usd
from .tenses import CAME, REACHED, WAS
from .relevance import filter_record
from .status import refine as refine_status

SCHEMA = "armsledger.extract/1"
MAX_CHARS = 10_000_000
# statuses short of a signature: such a deal has no signing date and no count delivered (`Extractor._deal`)
_UNSIGNED = frozenset({"considered", "offered", "negotiating"})

__all__ = ["Extractor", "extract", "blank_record", "settle", "SCHEMA"]


class Extractor:
    """Holds the catalogues and matchers; call it on articles.

    Example:
        >>> ex = Extractor()
        >>> rec = ex(Article(text="India signed a deal for 26 Rafale M jets."))
        >>> rec["deals"][0]["platform"]
        'Rafale M'
    """

    def __init__(self, catalogue: Catalogue | None = None, model: str | None | bool = None) -> None:
        """`model`: a path to a fitted model, None for the shipped one, False for the rules alone."""
        self.catalogue = catalogue or load()
        self.gazetteer = Gazetteer(self.catalogue)
        self.entity_finder = EntityFinder(self.catalogue)
        self.model = None if model is False else learned.load(model)

    def candidate_rows(self, article: Article) -> list:
        """Every deal candidate of an article with its features and the rules' deals of its key (for training)."""
        body = clean_surrogates(article.text[:MAX_CHARS])
        _, ents, clauses, home, _ = self._analyse(article, body)
        finder = DealFinder(ents, clauses, body, home, self.catalogue)
        finder.open_deals()
        return decide.rows(finder, clauses, body, home)

    def _analyse(self, article: Article, body: str):
        sentences = text.split(body)
        doc = self.gazetteer.make_doc(body)
        hits = self.gazetteer(doc)
        ents = self.entity_finder(body, hits, self.gazetteer.offices(doc))
        money = values.find_money(body)
        quantities = values.find_quantities(body, money)
        percents = values.find_percents(body)
        ref = dates.reference_date(article.published, body)
        future = _future_marker(body)
        starts = dates.candidate_starts(body)
        found_dates = dates.find_dates(body, ref, future, starts, _past_marker(body), dates.dateline_day(body, ref))
        clauses = context.build(sentences, ents, money, quantities, percents, found_dates)
        home = EntityFinder.home_country(ents)
        return sentences, ents, clauses, home, ref

    def _run(self, article: Article, body: str, propose_events: bool, figures: list | None = None,
             overruled: list | None = None):
        """Deals decided and events found; with `propose_events`, the events the deals and triggers propose
        join the rules' as candidates. Then the deals' figures, as the model decides them (`figures`, when
        given, collects each deal field's candidates as the rules left them, for training; `overruled`, the
        candidates the model passed that a constraint turned down, `decide.overruled`)."""
        _, ents, clauses, home, ref = self._analyse(article, body)
        finder = DealFinder(ents, clauses, body, home, self.catalogue)
        model = self.model
        deals = finder.run(None if model is None else (lambda f: decide.apply(f, clauses, body, home, model)))
        if overruled is not None:
            overruled += finder.overruled
        events = EventFinder(ents, clauses, finder.book, body, ref, home).run()
        if propose_events:
            events = (events_decide.alternatives(events, clauses, ref) + events_decide.implied(deals, events, clauses, ref)
                      + events_decide.broad(clauses, events, ref))
            events_decide.support(events, deals)
            events_decide.echo(events)
            events_decide.age(events, clauses, ref)
            events_decide.salience(events, clauses)
            events_decide.first_told(events)
            events_decide.date_echo(events)
        if figures is not None:
            figures += figures_decide.Figures(finder, deals, clauses, body, ref).groups()
        if model is not None and model.figures:
            figures_decide.apply(finder, deals, clauses, body, ref, model)
        return ents, clauses, ref, deals, events, home

    def __call__(self, article: Article, with_text: bool = False, explain: bool = False,
                 figures: list | None = None) -> dict:
        """The record of `article`; `figures`, when given, collects each deal field's figure candidates
        (`figures_decide.Group`, for training)."""
        body = clean_surrogates(article.text[:MAX_CHARS])
        model = self.model
        learned_events = model is not None and model.event is not None
        over: list | None = [] if explain else None
        ents, clauses, ref, deals, events, home = self._run(article, body, learned_events, figures, over)
        if learned_events:
            events = events_decide.decide(events, clauses, model)
        entities = ents.all()  # assigns ids
        naming.apply(entities)
        year = ref.year if ref else None
        record = {
            "schema": SCHEMA,
            "article": _article_part(article),
            "entities": [e.as_dict() for e in entities],
            "events": [self._event(ev, n, explain) for n, ev in enumerate(
                (ev for ev in events if ev.evidence is not None), 1)],
            "deals": [self._deal(d, year, explain, clauses, ref, body, home) for d in deals],
        }
        _mark_packages(record["deals"])
        if over:
            record["overruled"] = over  # --explain: what a constraint turned down that the model would have kept
        if ref and not article.published:
            record["article"]["reference_date"] = ref.isoformat()
        if with_text:
            record["article"]["text"] = body
        save_variants()  # expressions compiled for this article's text, kept for the next process
        return filter_record(record, body, self.catalogue)  # off-topic pages: no events, no deals

    @staticmethod
    def _event(ev, n: int, explain: bool) -> dict:
        ev.id = f"v{n}"
        out = ev.as_dict()
        if explain:
            out["why"] = events_decide.explain(ev)
        return out

    def event_candidates(self, article: Article) -> tuple[dict, list[set[str]]]:
        """The record with every event candidate (the rules' and those the deals imply) and each one's features,
        in order: what `armsledger train` labels with the gold."""
        body = clean_surrogates(article.text[:MAX_CHARS])
        ents, clauses, _, _, events, _ = self._run(article, body, propose_events=True)
        events = [ev for ev in events if ev.evidence is not None]
        entities = ents.all()
        record = {"entities": [e.as_dict() for e in entities],
                  "events": [self._event(ev, n, False) for n, ev in enumerate(events, 1)], "deals": []}
        for out, ev, n in zip(record["events"], events, range(len(events))):
            out["happening"] = repr(ev.happening or (n,))  # the candidates of one happening: one is kept
        return record, [events_decide.features(ev, clauses) for ev in events]

    def _deal(self, d: Deal, year: int | None, explain: bool, clauses: list, ref: date | None = None,
              body: str = "", home: str | None = None) -> dict:
        status, hedged = d.status()
        status = refine_status(d, status, clauses, ref)
        value = None
        # a purchase not yet made has no signing date (a date near "will buy" is when it was said), nor has one
        # signed after the report ("deliveries next year", "due to be retired around 2020")
        signed = d.signed if d.signed and status not in _UNSIGNED and \
            not dates.after(d.signed, ref) else None
        # ... nor has it a count delivered (a count near "will buy 12 jets, to be delivered by 2027" is the order's)
        delivered = None if status in _UNSIGNED else d.delivered
        if signed is not None and signed.value[:4].isdigit():
            year = int(signed.value[:4])  # a deal's money is converted at the rate of the year it was signed
        if d.value is not None:
            currency = values.home_dollar(d.value, (d.supplier, d.recipient), home, body) if home else d.value.currency
            usd, rate_year = to_usd(self.catalogue, d.value.amount, currency, year)
            value = {"amount": d.value.amount, "currency": currency, "usd": usd, "text": d.value.text,
                     "start": d.value.start, "end": d.value.end, "bound": d.value.bound, "usd_rate_year": rate_year}
        others = []
        for m in d.values:
            if m is d.value:
                continue
            currency = values.home_dollar(m, (d.supplier, d.recipient), home, body) if home else m.currency
            usd, _ = to_usd(self.catalogue, m.amount, currency, year)
            others.append({"amount": m.amount, "currency": currency, "usd": usd, "text": m.text,
                           "start": m.start, "end": m.end})
        out = {
            "id": d.id,
            "supplier": d.supplier,
            "recipient": d.recipient,
            "platform": d.platform.name,
            "category": d.platform.category,
            "status": status,
            "hedged": hedged,
            "signed": signed.as_dict() if signed else None,
            "value": value,
            "quantity": _range(d.quantity),
            "delivered": _range(delivered),
            "expected_completion": d.expected.as_dict() if d.expected else None,
            "tech_transfer_pct": {"min": d.tot.min, "max": d.tot.max, "text": d.tot.text} if d.tot else None,
            "local_partners": list(d.partners),
            "evidence": [s.as_dict() for s in sorted(d.evidence, key=lambda s: s.start)],
            "follow_on": d.follow_on,
            "platform_entity": d.platform.id or None,
            "platform_canonical": d.platform.extra.get("canonical", d.platform.name),
        }
        if others:
            out["other_values"] = others
        if d.original_expected:
            out["original_expected_completion"] = d.original_expected.as_dict()
        if d.remaining:
            out["remaining"] = _range(d.remaining)
        if explain:
            out["why"] = d.why.as_dict() if d.why is not None else {"opened_by": "rules", "model": None}
            out["why"]["fields"] = _field_sources(out, d)
        return out


def _mark_packages(deals: list[dict]) -> None:
    """A value stated once for several deals ("EUR 5.2 billion for 24 Rafale jets and a FREMM frigate") is
    a package: each member's value says so and names the members, so that totals count it once."""
    by_span: dict[tuple, list[dict]] = {}
    for d in deals:
        v = d["value"]
        if v is not None and v.get("start") is not None:
            by_span.setdefault((v["start"], v["end"]), []).append(d)
    for members in by_span.values():
        if len(members) > 1:
            package = {"deals": [d["id"] for d in members],
                       "members": [f"{d['supplier'] or '?'} → {d['recipient'] or '?'}: {d['platform']}" for d in members]}
            for d in members:
                d["value"]["package"] = package


def blank_record(article: Article) -> dict:
    """The record of an article the relevance gate passed over (`extract/gate.py`): nothing extracted."""
    return {"schema": SCHEMA, "article": _article_part(article), "entities": [], "events": [], "deals": []}


def _article_part(article: Article) -> dict:
    part = {"id": article.id, "source": article.source, "title": article.title, "published": article.published,
            "publisher": article.publisher}
    if article.url:
        part["url"] = article.url
    return part


def _field_sources(out: dict, d: Deal) -> list[dict]:
    """Where each field of a deal comes from: the status from the model (a deal it opened) or the rules' triggers;
    figures and dates from the figure the model found likeliest (its probability and the features that weighed
    most), or, without a model's figure decisions, from the words the rules' second pass attached, in the sentence
    that names the deal's platform, its class ("the jets") or the deal itself ("the contract")."""
    status_by = "model" if (d.why is not None and getattr(d.why, "opened_by", "") == "model") else "rules (triggers)"
    rows = [{"field": "status", "value": out["status"], "by": status_by}]
    for f in ("signed", "value", "quantity", "delivered", "expected_completion", "tech_transfer_pct"):
        v = out.get(f)
        why = d.figure_why.get(f)
        if v:
            row = {"field": f, "value": v.get("value") or v.get("text"), "by": "rules (second pass)", "text": v.get("text")}
            rows.append(row if why is None else {**row, **why.as_dict()})
        elif why is not None:  # the likeliest figure fell short: why the field is empty
            rows.append({"field": f, "value": None, **why.as_dict()})
    if out.get("local_partners"):
        rows.append({"field": "local_partners", "value": out["local_partners"], "by": "rules (second pass)"})
    return rows


def _range(r: dict | None) -> dict | None:
    if not r:
        return None
    return {"min": r.get("min"), "max": r.get("max"), "unit": r.get("unit"), "text": r.get("text", "")}


def _clause_around(body: str, pos: int) -> tuple[int, int]:
    """The clause around a date: back to a full stop, comma or line break, forward a little."""
    start = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos), body.rfind(",", 0, pos), pos - 80)
    end_candidates = [x for x in (body.find(".", pos), body.find("\n", pos), body.find(",", pos)) if x >= 0]
    return start + 1, min(end_candidates + [pos + 60])


def _future_marker(body: str):
    """A function telling whether the clause around a position speaks of the future."""
    rx = _FUTURE

    def future_at(pos: int) -> bool:
        if dates.reported_at(body, pos):
            return False  # "Kishida said on Monday": statements are made in the past
        start, end = _clause_around(body, pos)
        said = _STATED.search(body, pos, end)
        if said is not None and not rx.search(body, start, said.start()):
            return False  # "On Monday China's foreign ministry said it would ...": the day of the statement (no future
            # word from the clause's start to the saying: "will meet on Monday after Erdogan said" is ahead)
        return bool(rx.search(body, start, end))

    return future_at


def _past_marker(body: str):
    """A function telling whether the clause around a position speaks of the past (and not of the future: the
    caller asks `future_at` first): "the jets were handed over in August", "Egypt received the first in August"."""

    def past_at(pos: int) -> bool:
        return dates.reported_at(body, pos) or bool(_PAST.search(body, *_clause_around(body, pos)))

    return past_at


# a statement told after its date, before anything to come: "On Monday the ministry said it would impose sanctions"
_STATED = Caseless(re.compile(r"\b(?:said|told|announced|stated|confirmed|reported|declared)\b", re.I))
_FUTURE = Caseless(re.compile(r"\b(?:will|would|shall|scheduled|to be held|is to|are to|set to|set for|plans? to|slated|ahead of|upcoming|next|due|expected|to arrive|to be delivered)\b", re.I))
# a verb in the past: an auxiliary ("was", "had") or a past form of the verbs of deals, giving, visits and saying (a
# statement's "said in September"), not a participle of something still to be done ("to be delivered in August")
# (the words it shares with `deals._PAST_CUE` and `events._PAST_DONE` are `tenses`'; how they differ is said there)
_PAST = Caseless(re.compile(
    rf"\b(?:{WAS}|did)\b|(?<!\bbe )\b(?:signed|inked|sealed|ordered|bought|purchased|acquired|{CAME}|"
    rf"handed|shipped|supplied|{REACHED}|inducted|commissioned|took|began|started|completed|concluded|"
    r"awarded|agreed|approved|announced|unveiled|held|met|visited|launched|tested|conducted|flew|said|told|stated|"
    r"sold|sent|provided|exported|donated|gifted|transferred|gave)\b", re.I))

def settle() -> None:
    """For a process that keeps its extractor to the end (an ingest or backfill worker), once it is built: collect
    what is garbage now and move everything left (catalogues, matchers, the model) out of the cyclic collector's
    sight (`gc.freeze`). The full collections that extraction's allocations set off now and then no longer walk
    those objects each time: about 7 % of extraction time on one core (bench/RESULTS.md). And the youngest
    generation is collected after `GC_YOUNG` more objects than were freed, not 700: an article's sentences,
    candidates and features then live and die between collections instead of being walked (and kept to older
    generations) several times an article, about 1 % of extraction time; the cyclic garbage left waiting is small."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(max(GC_YOUNG, gc.get_threshold()[0]), *gc.get_threshold()[1:])


GC_YOUNG = 10_000


_default: Extractor | None = None


def extract(article: Article, with_text: bool = False) -> dict:
    """The contract record of one article, with the packaged catalogues."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default(article, with_text=with_text)
