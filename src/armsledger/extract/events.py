"""Events: meetings, summits, signings, deliveries, offers, requests, talks,
upgrades, co-production, evaluations, agreements and sanction threats.

Reads: the clauses and the deals each sentence speaks of. Writes: `Event`s,
merged within the article (the summit that three sentences mention is one
event), each with the sentence that states it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from ..model import Span
from .context import NO_PURCHASE_ACCORDS, Clause, Trigger
from .dates import DateMention, after, reported_at
from .deals import COOPERATION_PACT, NOT_PURCHASE, DealBook, assign_triggers, notice_caveat, unique
from .entities import HEAD_ROLES, Entities, Entity
from .listed import DELIVERY_KINDS, SIGN_KINDS, listed, span_end
from .prefixes import Caseless
from .spans import distance
from .status import SUPPOSING
from .tenses import CAME, HAVE, WAS

_SIGN_VERBS = re.compile(r"^(?:signed|signs|sign\b|signing|inked|clinched|concluded|sealed|struck|awarded|finali[sz]ed|"
                         r"placed|ordered|orders? for|agreed to|has acquired|acquired|export order)", re.I)
_THREAT = re.compile(r"\b(?:warn\w*|threat\w*|risk\w*|caatsa|could face|may face|despite|penalt\w*)\b", re.I)
# where a clause ends: "X, and", "and that", ";", "while", "whereas", "but", "though", "although" (a date on the far side of
# one is another clause's: "placed an order with China in 2011, though the deliveries began in early 2013")
# (`\bword` written `w(?<!\w.)ord`, the same test, so that the search skips to the characters a break begins with; no
# two branches can match at one place, so their order is free; searched as its twin over the lower-cased text)
_CLAUSE_BREAK = Caseless(re.compile(r"(?:,\s+and\b|a(?<!\w.)nd that\b|;|w(?<!\w.)h(?:ile|ereas)\b|b(?<!\w.)ut\b|"
                                    r"t(?<!\w.)hough\b|a(?<!\w.)lthough\b)", re.I))
# a comma between a trigger and a date: as far as this many characters more (`_Sentence._reach`); not the thousands
# separator of a figure ("1,000")
_COMMA = re.compile(r",(?!\d)")
COMMA_REACH = 20
_NOT_A_DELIVERY = re.compile(r"\b(?:until|till|before|once|as soon as)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
                             re.I)
_ORIGINAL_PLAN = re.compile(r"\W{0,3}(?:which\s+were\s+|that\s+were\s+)?(?:initially|originally|first)\s+"
                            r"(?:planned|scheduled|expected|due|slated)\b", re.I)
# a delivery told as the plan it missed: "was originally due for delivery in 2023", "should have been handed over
# in 2011", "had first been due to reach the port on August 11", "Deliveries, initially planned for 2020, ...",
# "Delivery of all 66 had been due by the end of 2026", "was meant to arrive last month", "were supposed to be
# delivered in 2023".
# A word after the trigger is taken whole (an atomic group): split at every letter, a long word made the search
# exponential.
_PLAN_BEFORE = re.compile(r"\b(?:(?:originally|initially)\s+(?:[\w-]+\s+){0,3}?|should\s+have\s+(?:been\s+)?"
                          r"|(?:had|was|were)\s+first\s+(?:been\s+)?(?:due|scheduled|planned|slated|set|expected)\s+to\s+(?:be\s+)?"
                          r"|(?:had|was|were)\s+(?:first\s+|once\s+)?(?:been\s+)?(?:meant|supposed)\s+to\s+(?:be\s+)?)$",
                          re.I)
_PLAN_AFTER = re.compile(r"(?:\s*(?!as\b|than\b)(?>[^\s.;:!?]+)){0,8}?[\s,]+(?:which\s+were\s+|that\s+were\s+|which\s+was\s+|that\s+was\s+)?"
                         r"(?:had\s+been\s+(?:originally\s+|initially\s+)?|(?:originally|initially)\s+)"
                         r"(?:due|planned|scheduled|expected|slated)\b", re.I)
_SAME_PARTIES = re.compile(r"\b(?:the two|both)\s+(?:\w+\s+)?(?:ministers|leaders|sides|countries|presidents|"
                           r"prime ministers|governments|delegations|heads of state|officials|men)\b|\bthey\s+(?:also\s+)?signed\b",
                           re.I)
_ANAPHOR_DEAL = re.compile(r"^\s*(?:on|over|for|about)\s+(?:the|a|an)\s+(?:\w+\s){0,2}?(?:deal|contract|purchase|acquisition|sale|price)", re.I)
# the negotiate triggers that tell a purchase decided, not discussed: an event of interest to buy (REQUEST)
DECIDED_TO_BUY = re.compile(r"(?:will|is to|decided to)\s+(?:buy|acquire|purchase|procure|order)\b", re.I)
_MADE_IN = re.compile(r"\b(?:produced|built|manufactured|assembled) (?:in|at)$", re.I)
# what a bare "make" makes when it tells production: a part, a weapon or a craft, or "locally", within a few words
# ("will make selected parts of the howitzers", "to make the rifles locally")
_BARE_MAKE = re.compile(r"(?:will|to) make", re.I)
_MADE_THING = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:parts?|components?|spares?|sub-?systems?|hulls?|engines?|airframes?|"
                         r"fuselages?|wings?|munitions?|ammunition|shells?|missiles?|rockets?|drones?|vehicles?|tanks?|"
                         r"howitzers?|guns?|rifles?|aircraft|jets?|fighters?|helicopters?|ships?|vessels?|frigates?|corvettes?|"
                         r"submarines?|boats?|radars?|weapons?|arms|locally)\b", re.I)
# (the words it shares with `pipeline._PAST` and `deals._PAST_CUE` are `tenses`'; how they differ is said there)
_PAST_DONE = re.compile(rf"\b(?:{HAVE}|{WAS})\s+(?:\w+\s+){{0,2}}?(?:{CAME}|handed over|inducted|taken delivery)\b"
                        rf"|\b(?:{CAME}|handed over|inducted|took delivery)\b(?!\s+(?:by|in)\s+\d)", re.I)

# a delivery word in the subject of a sentence that withholds it: "The number of howitzers delivered was not disclosed"
_UNTOLD = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:was|were|has|have|had|is|are)\s+(?:not|never|yet to be)\s+(?:been\s+|be\s+)?"
                     r"(?:disclosed|revealed|made public|specified|given|announced|released|confirmed|stated)\b", re.I)

# a signing told as done: never dated after the report
_PAST_SIGN = re.compile(r"(?:signed|inked|clinched|concluded|sealed|struck|awarded|finali[sz]ed|placed|ordered|has acquired|"
                        r"acquired)\b", re.I)
# a signing into law: "signed into law a bill", "signed a defense bill": no deal signed
_SIGNED_LAW = re.compile(r"\s+(?:into\s+law\b|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:bill|law|act|decree)\b)", re.I)

# a signing of an accord short of a purchase, besides `deals.NOT_PURCHASE` and `deals.COOPERATION_PACT`: a letter of
# intent by its initials ("signed an LOI with Leonardo for the induction of"), an agreement in principle ("signed an
# in-principle agreement for Australia to supply"), a broad accord of cooperation ("signed a comprehensive cooperation
# agreement with Peru to move forward with plans to export"), a trade, peace or nuclear accord ("the two countries
# signed a free trade agreement in 2020"): an AGREEMENT, no purchase signed
_ACCORD_SIGNED = re.compile(r"\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}?(?:lois?|in-principle\s+(?:agreement|accord)|"
                            r"(?:agreement|accord)\s+in\s+principle|(?:comprehensive|broad|wide-ranging)\s+(?:[\w-]+\s+)?"
                            r"(?:co-?operation|partnership)\s+(?:agreement|accord|pact)|"
                            rf"(?:free\s+)?(?:{NO_PURCHASE_ACCORDS})\s+(?:deal|agreement|accord|treaty|pact))\b", re.I)

# a signing denied: "has not been signed yet", "no contracts have yet been signed", "was never signed", "are unlikely
# to be signed"
_UNSIGNED = re.compile(r"(?:\b(?:not|never|yet to|unlikely to)|n't|\bno\s+(?:[\w-]+\s+){1,3}?(?:has|have))\s+(?:yet\s+)?"
                       r"(?:been\s+|be\s+)?$", re.I)
# a signing only supposed, in the same clause: "if a contract is signed, Russia will supply", "once the agreement is
# signed", "unless Lima orders the jets", "if we signed an agreement today": no signing told (not "once again" /
# "once more": a signing told again)
_SUPPOSED = re.compile(rf"\b{SUPPOSING}\s+(?:[\w'’$-]+\s+){{0,8}}?$", re.I)


# a request told as given up: "dropped a controversial plan to buy", "has shelved its plans to acquire", "pledged to
# retreat from the country's plans to buy", "A 2019 plan to buy 12 jets fell through": no purchase wanted now
_GIVEN_UP = re.compile(r"\b(?:drop(?:ped|s|ping)?|scrap(?:ped|s|ping)?|shelv(?:e|ed|es|ing)|abandon(?:ed|s|ing)?|"
                       r"ditch(?:ed|es|ing)?|cancel(?:l?ed|s|l?ing)?|(?:retreat(?:ed|s|ing)?|walk(?:ed|s|ing)? away|"
                       r"back(?:ed|s|ing)? away|withdr(?:ew|awn|aws?|awing)|pull(?:ed|s|ing)? out)\s+(?:from|of))\s+"
                       r"(?:(?!and\b|but\b|or\b|then\b|now\b|instead\b|after\b|which\b|that\b)[\w'’$-]+\s+){0,4}?$", re.I)
_FELL_THROUGH = re.compile(r"(?:\s+(?!and\b|but\b|which\b|that\b)[\w'’$().-]+){0,10}?\s+(?:fell through|collapsed|"
                           r"(?:was|were|has been|have been|had been)\s+(?:dropped|scrapped|shelved|abandoned|cancell?ed|"
                           r"called off)\b)", re.I)


# a request only asked about: "Asked whether Indonesia was interested in buying ..., he said there were no such plans"
_ASKED = re.compile(r"\b(?:asked|wondered|questioned)\s+(?:\w+\s+){0,2}?(?:whether|if)\b", re.I)


def given_up(text: str, start: int, end: int, lo: int) -> bool:
    """Whether the request stated at `start`-`end` (its sentence from `lo`) is told as given up, or only asked about."""
    return _GIVEN_UP.search(text, max(lo, start - 60), start) is not None or _FELL_THROUGH.match(text, end) is not None \
        or _ASKED.search(text, max(lo, start - 80), start) is not None


def missed_plan(text: str, start: int, end: int, lo: int) -> bool:
    """Whether the delivery stated at `start`-`end` of `text` (its sentence from `lo`) is told as the plan it
    missed (originally, initially, should have been, had been due): not when it happens."""
    return (_PLAN_BEFORE.search(text, max(lo, start - 40), start) is not None or _ORIGINAL_PLAN.match(text, end) is not None
            or _PLAN_AFTER.match(text, end) is not None)


# a visitor's arrival, not a delivery's: a person named just before the word ("Zelensky arrived in Paris", "Cooper, who
# arrived late on Wednesday"), a delegation or an official ("the delegation arrived in Tashkent"), or "on arriving"
# with a person named further on ("On arriving at the air base, Khaled and his delegation were received")
_ARRIVAL = re.compile(r"(?:arriv\w*|landed|touched down|flown to)\b", re.I)
_VISITORS = re.compile(r"\b(?:delegations?|ministers?|secretary|envoys?|ambassadors?|entourage)\s+(?:has\s+|have\s+|had\s+)?$",
                       re.I)
_WHO = re.compile(r"[^,;.]*|\s*,\s*who\s+(?:has\s+|had\s+)?")
_ON_ARRIVING = re.compile(r"\b(?:on|upon)\s+$", re.I)
# ... unless the arrival brings goods: "the delegation arrived with the first AH-64E helicopters"
_BRINGING = re.compile(r"\s+(?:[\w-]+\s+){0,3}?with\s+(?:the\s+|its\s+|their\s+)?(?:first|last|final|new|\d+|two|three|"
                       r"four|five|six|seven|eight|nine|ten|twelve|a\s+(?:first|new)\s+batch)\b", re.I)


def visit_arrival(c: Clause, start: int, end: int) -> bool:
    """Whether the words at `start`-`end` (offsets of the text) of sentence `c` tell a visitor's arrival."""
    text, lo = c.sent.text, c.start
    if not _ARRIVAL.match(text, start - lo, end - lo) or _BRINGING.match(text, end - lo):
        return False
    if _VISITORS.search(text, max(0, start - lo - 40), start - lo):
        return True
    if _ON_ARRIVING.search(text, max(0, start - lo - 6), start - lo):
        return any(s >= end for s, _, _ in c.people)
    return any(0 <= start - e <= 25 and _WHO.fullmatch(text, e - lo, start - lo) for _, e, _ in c.people)


def tells_choice(c: Clause, t: Trigger) -> bool:
    """Whether a negotiation's words are those of a choice, an EVALUATION trigger on the same words ("was selected
    as preferred bidder", "chosen over the Rafale"): the choice is an evaluation, told by that trigger, not a
    negotiation. ("has picked the Gripen" is no negotiation trigger: its pattern is a purchase considered.)"""
    return t.group == "deal" and t.kind == "negotiate" and any(
        x.start < t.end and t.start < x.end for x in c.found("event", ("EVALUATION",)))


# a delivery denied: "no more will be delivered", "no further jets are to be handed over" (the words before it); "to
# deliver neither tanks nor rifles", "has delivered none" (the word after it); not "no later than", "no fewer than",
# "no more than 10 jets will be delivered"; what is delivered told by a passive ("will be", "were", "have been"), not
# who delivers ("no other country has delivered as many")
_DENIED_BEFORE = re.compile(r"\bno\s+(?:more|further|other)\b(?!\s+than\b)(?:\s+[\w-]+){0,3}?\s+(?:(?:will|would|shall|can|could|should|"
                            r"are|is|were|was|have|has|had|to|be|been|being)\s+){0,2}(?:are|is|were|was|be|been|being)\s+$",
                            re.I)
_DENIED_AFTER = re.compile(r"\s+(?:neither|none|no(?!\s+(?:later|sooner|earlier|fewer|less|more|longer)\b))\b", re.I)


def denied(text: str, start: int, end: int, lo: int) -> bool:
    """Whether the delivery stated at `start`-`end` of `text` (its sentence from `lo`) is denied: none, no more."""
    return _DENIED_BEFORE.search(text, max(lo, start - 60), start) is not None or _DENIED_AFTER.match(text, end) is not None


def untold(text: str, end: int) -> bool:
    """Whether the words at `end` (after a trigger) say that what the trigger names was not told."""
    return _UNTOLD.match(text, end) is not None


@dataclass
class Event:
    type: str
    status: str
    date: DateMention | None
    participants: list[Entity] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    location: Entity | None = None
    platforms: list[Entity] = field(default_factory=list)
    evidence: Span | None = None
    clause: int = 0
    id: str = ""
    source: str = "rules"  # rules | deal (implied by a deal) | broad (a trigger-bearing sentence): events_decide
    deal_status: str = ""  # for an event a deal implies: the deal's stage and hedging
    deal_hedged: bool = False
    why: tuple | None = None  # (probability, features, model) when the model kept it
    hints: tuple[str, ...] = ()  # how a proposed event's date was chosen (features of the model): events_decide
    at: tuple[int, int] | None = None  # the words that state it (the trigger), where known
    happening: tuple = ()  # the candidates of one happening share it; the model keeps one of them (events_decide)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "status": self.status,
            "date": self.date.as_dict() if self.date else None,
            "participants": [p.id for p in self.participants],
            "countries": self.countries,
            "location": self.location.id if self.location else None,
            "platforms": [p.id for p in self.platforms],
            "evidence": self.evidence.as_dict() if self.evidence else None,
        }


LEAD = 4  # a report's opening sentences (headline included): what they tell undated happened on its day


WEEK = 7  # days before the report within which a day its opening sentences name is the day of its news


def lead_day(clauses: list[Clause], ref: date | None = None) -> tuple[set[int], DateMention | None]:
    """The opening sentences of a report that tell its news (by index; not the headline, not page noise) and the
    day they give: the first full date of any of them ("WARSAW, Dec 1", "said on Friday", a third sentence's "The
    contract was signed in Warsaw on Monday" under two undated ones). With the report's date `ref`, a day of the
    week before it comes first, wherever the report's own day stands among them: that day is most often the page's
    stamp ("MOSCOW, 26th January, 2021 - On Monday the ministry signed ...", "Updated: May 12, 2018"), when it was
    written, not when its news happened (a report's day told in its text is passed over too: not told apart here).
    With none such, the first day stands, unless it is after the report or a year or more before it (a later
    update's stamp, a photo's caption of years ago: "Wednesday June 19, 2024 ... SEOUL, 12 Nov 2023 - ...") and
    they name the report's own day: that one then."""
    lead = [i for i, c in enumerate(clauses[:LEAD]) if not c.sent.noise and not c.sent.headline]
    days = [d for i in lead for d in clauses[i].dates if d.precision == "day"]
    peg = next((d for d in days if _days_before(d, ref)), None) or next(iter(days), None)
    if peg is not None and ref is not None and _far_off(peg, ref):
        peg = next((d for d in days if d.value == ref.isoformat()), peg)
    return set(lead), peg


FAR_OFF = 365  # days before a report from which a day its opening names is no day of its news beside its own


def _days_back(dm: DateMention, ref: date | None) -> int | None:
    """How many days a day falls before `ref` (negative after it); None without `ref` or a readable day."""
    try:
        return None if ref is None else (ref - date.fromisoformat(dm.value)).days
    except ValueError:
        return None


def _far_off(dm: DateMention, ref: date) -> bool:
    """Whether a day falls after `ref` or a year or more before it."""
    days = _days_back(dm, ref)
    return days is not None and (days < 0 or days >= FAR_OFF)


def _days_before(dm: DateMention, ref: date | None) -> bool:
    """Whether a day falls within the week before `ref` (not on it)."""
    days = _days_back(dm, ref)
    return days is not None and 0 < days <= WEEK


class EventFinder:
    def __init__(self, ents: Entities, clauses: list[Clause], book: DealBook, text: str,
                 ref: date | None, home: str | None) -> None:
        self.ents, self.clauses, self.book, self.text, self.ref, self.home = ents, clauses, book, text, ref, home
        self.events: list[Event] = []

    def _same_occasion(self) -> None:
        """"On Wednesday, Singh held talks with Giang. The two ministers signed a memorandum...": what the
        participants of a dated meeting sign in the next sentence is dated by that meeting."""
        met = {ev.clause: ev for ev in self.events if ev.type in ("MEETING", "SUMMIT") and ev.date is not None}
        for ev in self.events:
            if ev.type not in ("AGREEMENT", "DEAL_SIGNED") or ev.date is not None or ev.evidence is None:
                continue
            before = met.get(ev.clause - 1) or met.get(ev.clause)
            if before is not None and _SAME_PARTIES.search(ev.evidence.text):
                ev.date = before.date
                ev.status = before.status if before.status in ("occurred", "scheduled") else ev.status
                ev.participants = unique(ev.participants + before.participants)

    def run(self) -> list[Event]:
        for i, c in enumerate(self.clauses):
            if c.sent.noise:
                continue
            if not c.found("event") and not c.found("deal") and not any(d.locked == i for d in self.book.refs.get(i, ())):
                continue  # nothing a sentence's events come from (`_Sentence.find`)
            _Sentence(self, i, c).find()
        self._news_peg()
        self._same_occasion()
        merged = self._merge(self.events)
        for n, ev in enumerate(merged, 1):
            ev.id = f"v{n}"
        return merged

    def _news_peg(self) -> None:
        """Talks told undated in a report's opening paragraphs happened on the day the report is about:
        the first full date of its opening sentences (`lead_day`)."""
        lead, peg = lead_day(self.clauses, self.ref)
        if peg is None:
            return
        for ev in self.events:
            if ev.type in ("MEETING", "SUMMIT") and ev.date is None and ev.status == "occurred" and ev.clause in lead:
                ev.date = peg

    def _user(self, c: Clause, plat: Entity) -> str | None:
        codes = [ent.code for _, _, ent in c.countries if ent.code and ent.code != plat.country]
        return codes[0] if codes else (self.home if self.home != plat.country else None) or next(
            (d.recipient for d in self.book.deals if d.supplier == plat.country), None)

    def _location(self, c: Clause, t: Trigger) -> Entity | None:
        best, best_d = None, 10 ** 9
        for s, e, loc in c.locations:
            before = self.text[max(c.start, s - 12):s].lower()
            after = self.text[e:e + 8].lower()
            if not re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", before) and not after.strip().startswith("visit"):
                continue
            d = distance((s, e), (t.start, t.end))
            if d < best_d:
                best, best_d = loc, d
        return best

    # --- merging ---------------------------------------------------------------
    def _merge(self, events: list[Event]) -> list[Event]:
        out: list[Event] = []
        index = SameIndex()  # the events that may be the same as one, found without reading every event kept
        for ev in events:
            at = next((n for n in index.candidates(ev) if _same(out[n], ev)), None)
            if at is None:
                index.add(ev, len(out))
                out.append(ev)
                continue
            target = out[at]
            if target.date is None or (ev.date is not None and len(ev.date.value) > len(target.date.value)):
                target.date = ev.date or target.date
            if ev.status != "occurred" and target.status == "occurred" and target.type in ("SUMMIT", "MEETING") and ev.date is not None:
                target.status = ev.status
            target.participants = unique(target.participants + ev.participants)
            target.countries = unique(target.countries + ev.countries)
            target.platforms = unique(target.platforms + ev.platforms)
            target.location = target.location or ev.location
            index.add(target, at)  # under what it holds now
        return out


# a sentence that opens by saying when the signing told before took place ("The deal was signed on Monday")
_SIGNED_OPENING = re.compile(
    r"\s*(?:The|These|Those|Both|All)\s+(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|contracts?|accords?|MoUs?|"
    r"memorand\w+|documents?|pacts?)\s+(?:was|were|had been|have been)\s+(?:signed|concluded|inked|finali[sz]ed)\b",
    re.I)
_SIGNINGS = {"AGREEMENT", "DEAL_SIGNED", "COPRODUCTION"}


class _Sentence:
    """The events one sentence states: those its event triggers name (one method per kind) and those that
    follow from what the deal rules read in it (a signing, an offer, talks, a delivery of a deal it names).

    Holds what every kind needs: the deals the sentence speaks of, which platform each trigger is assigned
    to, and which date each trigger owns."""

    def __init__(self, finder: EventFinder, i: int, c: Clause) -> None:
        self.finder, self.i, self.c = finder, i, c
        self.text = finder.text
        self.first = len(finder.events)  # this sentence's events are appended after the earlier ones
        self.refs = finder.book.refs.get(i, [])
        by_platform, _ = assign_triggers(c, "event")
        self.deal_assigned, _ = assign_triggers(c, "deal")
        self.platform_of = {id(t): s for s, ts in by_platform.items() for t in ts}
        self.platform_of.update({id(t): s for s, ts in self.deal_assigned.items() for t in ts})
        self.plat_at = {s: p for s, _, p in c.platforms}
        self.span = Span(c.sent.start, c.sent.end, c.sent.text)
        self.used: list[tuple[int, int]] = []
        self.once: set[str] = set()  # kinds that make one event a sentence
        self.at: tuple[int, int] | None = None  # the trigger being read
        self._breaks: list[int] | None = None  # the clause breaks, found the first time a date is weighed
        self._commas: list[int] | None = None  # the commas, likewise
        self.owner_of = _owners([t for t in c.triggers if t.group in ("event", "deal")], c.dates, self._reach)
        self.deal_countries = unique([x for d in self.refs for x in (d.recipient, d.supplier)])
        self.sent_countries = unique([ent.code for _, _, ent in c.countries if ent.code])

    def find(self) -> None:
        for t in self.c.found("event"):
            if any(a <= t.start < b for a, b in self.used) or t.kind in self.once:
                continue
            self._event_trigger(t)
        # orders listed with their years ("orders for 24 in 2015 and a further 30 earlier this year")
        self.at = None
        for d in self.refs:
            if d.locked == self.i:
                self.add("DEAL_SIGNED", "occurred", d.signed, [], [d.recipient, d.supplier], [d.platform])
        for t in self.c.found("deal"):
            self._deal_trigger(t)

    # --- what every kind weighs ---------------------------------------------------
    def _reach(self, x: Trigger, dm: DateMention) -> int:
        if self._breaks is None:
            self._breaks = [self.c.start + m.start() for m in _CLAUSE_BREAK.finditer(self.c.sent.text)]
        breaks = self._breaks
        lo, hi = min(x.end, dm.end), max(x.start, dm.start)
        far = distance((x.start, x.end), (dm.start, dm.end))
        k = bisect_left(breaks, lo)
        if k < len(breaks) and breaks[k] < hi:
            return far + 100
        if self._commas is None:
            self._commas = [self.c.start + m.start() for m in _COMMA.finditer(self.c.sent.text)]
        k = bisect_left(self._commas, lo)
        # a comma between them counts as some way off: "placed its order in July 2009, with delivery due in 2012"
        return far + (COMMA_REACH if k < len(self._commas) and self._commas[k] < hi else 0)

    def date_for(self, t: Trigger) -> DateMention | None:
        best, best_d = None, 10 ** 9
        for dm in self.c.dates:
            owner = self.owner_of.get(id(dm))
            if owner is None or (owner is not t and not (owner.start < t.end and t.start < owner.end)):
                continue
            d = distance((t.start, t.end), (dm.start, dm.end))
            if d < best_d:
                best, best_d = dm, d
        return best

    def _after_report(self, dm: DateMention | None) -> bool:
        return dm is not None and after(dm, self.finder.ref)

    def _told_after(self, t: Trigger) -> DateMention | None:
        """The date that follows a trigger within its clause and dates no statement: what a signing told under a
        statement's date took place on ("said on Friday that Korea signed the contract in July")."""
        for dm in sorted(self.c.dates, key=lambda x: x.start):
            if dm.start < t.end or dm.start - t.end > 60 or _CLAUSE_BREAK.search(self.text, t.end, dm.start):
                continue
            owner = self.owner_of.get(id(dm))
            if owner is not None and owner is not t and owner.kind != t.kind:
                continue  # "... with deliveries in 2026": another trigger's date
            if not reported_at(self.text, dm.start, self.c.start):
                return dm
        return None

    def _signed_next(self, said: DateMention) -> DateMention:
        """For a signing dated by its report alone ("QNA reported on Wednesday that Qatar has signed ..."), the date
        the next sentence gives it when it opens by saying so ("The agreements were concluded on Tuesday ...")."""
        clauses = self.finder.clauses
        if self.i + 1 >= len(clauses):
            return said
        nxt = clauses[self.i + 1]
        m = _SIGNED_OPENING.match(self.text, nxt.start)
        if m is None:
            return said
        for dm in sorted(nxt.dates, key=lambda x: x.start):
            if m.end() <= dm.start < m.end() + 40 and not _CLAUSE_BREAK.search(self.text, m.end(), dm.start):
                return dm
        return said

    def people_for(self, t: Trigger, kinds: tuple[str, ...]) -> list[Entity]:
        out = []
        rivals = [x for x in self.c.of("event", *kinds) if x is not t]
        for s, e, p in self.c.people:
            if p.role in ("reporter", "producer", "editor", "writer"):
                continue
            d = distance((s, e), (t.start, t.end))
            if all(d <= distance((s, e), (r.start, r.end)) for r in rivals) and p not in out:
                out.append(p)
        return out

    def status_for(self, t: Trigger, dm: DateMention | None, future_kind: str) -> str:
        c, ref = self.c, self.finder.ref
        lo = t.start - 80
        if c.near("modifier", ("hedge",), lo, 0, t.end - lo + 30):
            return "possible"
        future = bool(c.near("modifier", ("future",), t.start - 60, 0, t.end - t.start + 60 + 40))
        if dm is not None and ref is not None and dm.value > ref.isoformat()[: len(dm.value)]:
            future = True
        if dm is not None and ref is not None and dm.value < ref.isoformat()[: len(dm.value)]:
            future = False
        return future_kind if future else "occurred"

    def add(self, type_: str, status: str, dm, participants, countries, platforms, location=None) -> None:
        if dm is not None and type_ in _SIGNINGS and reported_at(self.text, dm.start, self.c.start):
            dm = self._signed_next(dm)
        self.finder.events.append(Event(type_, status, dm, unique(participants), unique([x for x in countries if x]),
                                        location, unique(platforms), self.span, self.i, at=self.at))

    def _people(self) -> list[Entity]:
        return [p for _, _, p in self.c.people if p.role not in ("reporter", "producer")]

    def _orgs(self, *categories: str | None) -> list[Entity]:
        return [o for _, _, o in self.c.orgs if o.category in categories]

    def _targets(self, pl: list[Entity]) -> list:
        return [d for d in self.refs if not pl or d.platform in pl] or self.refs

    # --- event triggers, by kind --------------------------------------------------
    def _event_trigger(self, t: Trigger) -> None:
        c, kind = self.c, t.kind
        self.at = (t.start, t.end)
        pl = [self.plat_at[self.platform_of[id(t)]]] if id(t) in self.platform_of else []
        dm = self.date_for(t)
        if dm is None and kind in ("COPRODUCTION", "EVALUATION", "AGREEMENT", "SANCTION_THREAT"):
            # one event a sentence: any of its triggers may own the date
            dm = next((x for x in (self.date_for(y) for y in c.found("event", (kind,))) if x is not None), None)
        if dm is None and kind == "AGREEMENT":
            # "the pact signed by Mitsotakis and Macron last September": a signing of no deal dates the pact
            dm = next((x for x in (self.date_for(y) for y in c.found("deal", ("sign",)) if id(y) not in self.platform_of)
                       if x is not None), None)
        if kind in ("MEETING", "SUMMIT"):
            self._meeting(t, kind, dm)
        elif kind in ("REQUEST", "OFFER"):
            self._request_or_offer(t, kind, dm, pl)
        else:
            handler = getattr(self, "_" + kind.lower(), None)  # _upgrade, _coproduction, ..., _delivery
            if handler is not None:
                handler(t, dm, pl)

    def _meeting(self, t: Trigger, kind: str, dm) -> None:
        c = self.c
        close = [p for p in c.platforms if distance((p[0], p[1]), (t.start, t.end)) <= 12]
        if any(x is t for x in self.deal_assigned.get(self.platform_of.get(id(t), -1), [])) or (
                close and kind == "MEETING" and t.text.lower() == "talks"):
            return  # "Su-57 talks": a negotiation, found with the deal triggers
        people = self.people_for(t, ("MEETING", "SUMMIT"))
        heads = [p for p in people if (p.role or "").lower() in HEAD_ROLES]
        if kind == "SUMMIT" and t.text.lower() != "summit" and not heads:
            return
        if kind == "SUMMIT" and re.search(r"ministers?['’]?\s*$", self.text[max(c.start, t.start - 20):t.start], re.I):
            kind = "MEETING"
        if kind == "MEETING" and len(heads) >= 2:
            kind = "SUMMIT"
            people = heads
        gov = [p for p in people if p.role is None or (p.role or "").lower() not in ("reporter", "producer")]
        if not gov and kind == "MEETING":
            return
        if kind == "MEETING" and c.has("deal", "negotiate") and not gov:
            return
        countries = [p.country for p in gov] + (self.sent_countries if len(gov) < 2 else [])
        loc = self.finder._location(c, t)
        if dm is None:
            plain = [x for x in c.dates if x.prep not in ("by", "from", "until", "since")
                     and getattr(self.owner_of.get(id(x)), "kind", None) not in ("MEETING", "SUMMIT")]
            if len(plain) == 1:
                dm = plain[0]  # "on Tuesday ... after talks between Modi and Trump": the talks' day too
        same = next((ev for ev in self.finder.events[self.first:] if ev.clause == self.i and ev.type == kind), None)
        if same is not None:
            same.participants = unique(same.participants + gov)
            same.date = same.date or dm
            return
        self.add(kind, self.status_for(t, dm, "scheduled"), dm, gov, countries, [], loc)
        self.used.append((t.start, t.end))

    def _upgrade(self, t: Trigger, dm, pl: list[Entity]) -> None:
        if not pl:
            pl = [p for s, e, p in self.c.platforms if distance((s, e), (t.start, t.end)) < 60][:1]
        if not pl:
            return
        countries = [self.finder._user(self.c, pl[0])] + [pl[0].country]
        self.add("UPGRADE", self.status_for(t, dm, "expected"), dm, [], countries, pl)

    def _made_at_home(self, t: Trigger, plats: list[Entity]) -> bool:
        """"jets built in Russia", "made at the Irkutsk plant in Russia": the country the platforms come from,
        where they are made; no production elsewhere."""
        if not _MADE_IN.search(t.text):
            return False
        near = [ent.code for s, _, ent in self.c.countries if 0 <= s - t.end <= 40] + \
            [ent.country for s, _, ent in self.c.locations if 0 <= s - t.end <= 40]
        makers = {p.country for p in plats if p.country} | {d.supplier for d in self.refs}
        return bool(near) and near[0] in makers

    def _makes_nothing(self, t: Trigger) -> bool:
        """"will make a visit", "to make battlefield information more transparent", "will make the deliveries": a
        bare "make" that names nothing made (no platform, part or weapon word, nor "locally", in the next words)
        is no production."""
        if not _BARE_MAKE.fullmatch(t.text):
            return False
        if _MADE_THING.match(self.text, t.end):
            return False
        return not any(0 <= s - t.end <= 40 and not re.search(r"[.,;:!?]", self.text[t.end:s]) for s, _, _ in self.c.platforms)

    def _coproduction(self, t: Trigger, dm, pl: list[Entity]) -> None:
        c = self.c
        plats = [p for _, _, p in c.platforms] or [d.platform for d in self.refs]
        if self._made_at_home(t, plats) or self._makes_nothing(t):
            return
        orgs = self._orgs("defence company", "state exporter", "research institute", None)
        countries = self.deal_countries or self.sent_countries + [o.country for o in orgs]
        if not countries and self.finder.home:
            countries = [self.finder.home]
        self.add("COPRODUCTION", self.status_for(t, dm, "expected"), dm, orgs + self._people(), countries, plats,
                 self.finder._location(c, t))
        self.once.add("COPRODUCTION")

    def _evaluation(self, t: Trigger, dm, pl: list[Entity]) -> None:
        plats = [p for _, _, p in self.c.platforms]
        if not plats:
            return
        makers = [p.country for p in plats if p.country]
        home = self.finder.home
        buyer = [d.recipient for d in self.refs] or [x for x in self.sent_countries if x not in makers] or \
            ([home] if home and home not in makers else [])
        # the contenders weighed are the makers' countries too ("has chosen the Japanese frigate over the German one")
        self.add("EVALUATION", self.status_for(t, dm, "scheduled"), dm, self._orgs("defence company"),
                 buyer[:1] + makers + self.sent_countries, plats)
        self.once.add("EVALUATION")

    def _agreement(self, t: Trigger, dm, pl: list[Entity]) -> None:
        c, refs = self.c, self.refs
        if refs or c.platforms or c.has("deal", "sign") and c.money:
            return
        countries = self.sent_countries or ([self.finder.home] if self.finder.home else [])
        if len(countries) < 2 and refs:
            countries = self.deal_countries
        if not countries:
            return
        countries = countries + [x for d in self.finder.book.deals for x in (d.supplier, d.recipient)][:2]
        self.add("AGREEMENT", self.status_for(t, dm, "scheduled"), dm, [],
                 countries[:2] if len(set(countries)) >= 2 else countries, [])
        self.once.add("AGREEMENT")

    def _sanction_threat(self, t: Trigger, dm, pl: list[Entity]) -> None:
        c, refs = self.c, self.refs
        if not _THREAT.search(c.sent.text):
            return
        involved = {x for d in refs for x in (d.supplier, d.recipient)}
        threat = [ent.code for s, e, ent in c.countries if ent.code and distance((s, e), (t.start, t.end)) < 40] or \
            [ent.code for s, e, ent in c.countries if ent.code and ent.code not in involved] or \
            [ent.country for s, e, ent in c.locations if ent.country and ent.country not in involved][:1]
        target = [d.recipient for d in refs] or [self.finder.home]
        self.add("SANCTION_THREAT", "occurred", dm, [], threat + target, [d.platform for d in refs])
        self.once.add("SANCTION_THREAT")

    def _request_or_offer(self, t: Trigger, kind: str, dm, pl: list[Entity]) -> None:
        targets = self._targets(pl)
        if not targets or kind == "REQUEST" and given_up(self.text, t.start, t.end, self.c.start):
            return
        self.add(kind, self.status_for(t, dm, "expected"), dm,
                 self._orgs("government body", "ministry", "agency", "armed service") + self._people(),
                 [x for d in targets for x in ((d.recipient, d.supplier) if kind == "REQUEST" else (d.supplier, d.recipient))],
                 [d.platform for d in targets])

    def _delivery(self, t: Trigger, dm, pl: list[Entity]) -> None:
        c, text = self.c, self.text
        if c.sent.headline or _NOT_A_DELIVERY.search(text, max(c.start, t.start - 40), t.start):
            return  # "until the new jets arrive", "deliveries, initially planned for 2020, ..."
        if visit_arrival(c, t.start, t.end):
            return  # "Zelensky arrived in Paris": a visit
        if missed_plan(text, t.start, t.end, c.start) or untold(text, t.end) or c.near("modifier", ("negation",), t.start, 22, 0) \
                or denied(text, t.start, t.end, c.start):
            return  # "... was not disclosed", "a company that failed to deliver four helicopters", "no more will be delivered"
        targets = self._targets(pl)
        dm = span_end(text, c, dm)
        if dm is None:
            dm = next((ev.date for ev in self.finder.events[self.first:]
                       if ev.clause == self.i and ev.type == "DELIVERY" and ev.date), None)
        dates = [dm] if dm else [None]
        extra = [x for x in c.dates if x is not dm and x.start > t.end and x.start - t.end < 90
                 and (dm is None or x.start > dm.end) and not c.has("modifier", "original")
                 and (x.prep == "by" or (x.prep == "in" and re.search(
                     r"\b(?:start|begin|finish|complete|end)\b", text[t.start:x.start], re.I)))]
        extra += [x for x in listed(self.text, c, t, dm, DELIVERY_KINDS) if x not in extra]
        if targets:
            for d_ in dates + extra:
                self.add("DELIVERY", self.status_for(t, d_, "expected"), d_, self._orgs("armed service"),
                         [x for d in targets for x in (d.supplier, d.recipient)], [d.platform for d in targets])
        elif self.sent_countries and re.search(r"\bfrom\b", c.sent.text) and not c.platforms:
            home = self.finder.home
            self.add("DELIVERY", self.status_for(t, dm, "expected"), dm, [], self.sent_countries + ([home] if home else []), [])
        else:
            return
        self.used.append((t.start, t.end))

    # --- events that follow from what the deal rules read in this sentence --------------
    def _deal_trigger(self, t: Trigger) -> None:
        c, refs = self.c, self.refs
        self.at = (t.start, t.end)
        targets = [d for d in refs if id(t) in {id(x) for x in self.deal_assigned.get(_first_start(c, d), [])}] \
            or ([] if id(t) in self.platform_of else refs)
        if not targets:
            return
        dm = self.date_for(t)
        pairs = [x for d in targets for x in (d.recipient, d.supplier)]
        platforms = [d.platform for d in targets]
        if t.kind == "sign" and _SIGNED_LAW.match(self.text, t.end):
            return  # "Trump signed a defense bill with a provision that ...": a law, no deal signed
        if notice_caveat(t, self.text, c.start):
            return  # "the notice does not mean that a contract has been signed or that negotiations have concluded"
        if t.kind == "sign" and (NOT_PURCHASE.match(self.text, t.end) or COOPERATION_PACT.match(self.text, t.end)
                                 or _ACCORD_SIGNED.match(self.text, t.end)):
            if dm is None:  # "signed a memorandum on the K2 tanks in 2020": the date the accord's own word holds
                dm = next((x for x in (self.date_for(y) for y in c.found("event", ("AGREEMENT",))) if x is not None), None)
            if dm is not None and reported_at(self.text, dm.start, c.start):
                # "said on Monday that it has signed a memorandum ...; the agreement, signed on Saturday by ...": the
                # day the next words or the next sentence give the signing, not the statement's
                hi = self.finder.clauses[self.i + 1].end if self.i + 1 < len(self.finder.clauses) else c.end
                dm = self._told_after(t) or next((d.signed for d in targets if d.signed is not None and c.start <= d.signed.start < hi
                                                  and not reported_at(self.text, d.signed.start)), None) or dm
            self.add("AGREEMENT", self.status_for(t, dm, "scheduled"), dm,
                     self._people() + self._orgs("defence company", "state exporter", "government body", "ministry"),
                     pairs, [])
        elif t.kind == "offer":
            st = self.status_for(t, dm, "expected")
            self.add("OFFER", st if st != "possible" else "occurred", dm,
                     self._orgs("government body", "agency", "ministry", "defence company"),
                     [x for d in targets for x in (d.supplier, d.recipient)], platforms)
        elif t.kind == "sign" and _SIGN_VERBS.match(t.text) and not c.has("deal", "cancel") \
                and not _UNSIGNED.search(self.text, max(c.start, t.start - 50), t.start) \
                and not _SUPPOSED.search(self.text, max(c.start, t.start - 60), t.start):
            if dm is None or reported_at(self.text, dm.start, c.start):
                said = dm
                told = dm is not None and self._told_after(t)  # "said on August 14 that Korea signed ... in July"
                dm = next((d.signed for d in targets if d.signed is not None and not (
                    told and reported_at(self.text, d.signed.start))), None) or told or dm
                if dm is not said and self._after_report(dm) and not self._after_report(said) \
                        and _PAST_SIGN.match(t.text) and not c.near("modifier", ("future", "hedge"), t.start - 40, 0,
                                                                      t.end - t.start + 40):
                    dm = said  # "said on Friday that the country has signed a deal": not the deal's date to come
            st = self.status_for(t, dm, "expected")
            self.add("DEAL_SIGNED", "possible" if st == "possible" else st, dm,
                     self._people() + self._orgs("defence company"), pairs, platforms, self.finder._location(c, t))
            for x in listed(self.text, c, t, dm, SIGN_KINDS):  # "ordered two in 2017 and a further two in 2018"
                st = self.status_for(t, x, "expected")
                self.add("DEAL_SIGNED", "possible" if st == "possible" else st, x,
                         self._people() + self._orgs("defence company"), pairs, platforms)
        elif t.kind == "pending":
            self.add("DEAL_SIGNED", "expected", dm, [], pairs, platforms)
        elif t.kind == "negotiate" and DECIDED_TO_BUY.match(t.text):
            # "Singapore will buy eight F-35A", "has decided to acquire": a purchase announced, no talks told
            st = self.status_for(t, dm, "occurred")
            self.add("REQUEST", "possible" if st == "possible" else "occurred", dm,
                     self._orgs("government body", "ministry", "agency", "armed service") + self._people(),
                     [x for d in targets for x in (d.recipient, d.supplier)], platforms)
        elif t.kind == "negotiate":
            if tells_choice(c, t):
                return  # "was selected as preferred bidder": an evaluation (the EVALUATION trigger), no negotiation
            bare = t.text.lower() in ("talks", "discussions")
            near = [p for p in c.platforms if distance((p[0], p[1]), (t.start, t.end)) <= 12]
            if bare and not near and not _ANAPHOR_DEAL.search(self.text[t.end:t.end + 30]):
                return
            if any(x.kind == "MEETING" and distance((x.start, x.end), (t.start, t.end)) == 0 for x in c.found("event")) \
                    and id(t) not in self.platform_of:
                return
            self.add("NEGOTIATION", self.status_for(t, dm, "scheduled"), dm,
                     self._people() + self._orgs("agency", "government body"), pairs, platforms)
        elif t.kind in ("deliver", "complete") and not c.near("modifier", ("negation",), t.start, 22, 0) \
                and not untold(self.text, t.end) and not missed_plan(self.text, t.start, t.end, c.start) \
                and not denied(self.text, t.start, t.end, c.start) and not visit_arrival(c, t.start, t.end) and not any(
                x.kind == "DELIVERY" and x.start < t.end and t.start < x.end for x in c.found("event")):
            past = bool(_PAST_DONE.search(self.text, max(c.start, t.start - 25), t.end)) and not re.search(
                r"\b(?:will|would|to be|to)\s+(?:be\s+)?$", self.text[max(c.start, t.start - 15):t.start], re.I)
            own = span_end(self.text, c, dm)  # the trigger's own date ("between 2015 and 2017": 2017)
            for when in [own] + listed(self.text, c, t, dm, DELIVERY_KINDS):
                self.add("DELIVERY", "occurred" if past and when is own else self.status_for(t, when, "expected"), when,
                         self._orgs("armed service") + [p for _, _, p in c.people if (p.role or "").lower() in HEAD_ROLES],
                         [x for d in targets for x in (d.supplier, d.recipient)], platforms)


def _first_start(c: Clause, d) -> int:
    for s, e, p in c.platforms:
        if p is d.platform:
            return s
    return -1


def _compatible(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or not _compatible(a.date, b.date):
        return False
    if a.type in ("SUMMIT", "MEETING"):
        if a.type == "SUMMIT" and a.date is not None and b.date is not None and a.date.value != b.date.value:
            return False
        if _other_counterpart(a, b):
            return False
        shared = set(map(id, a.participants)) & set(map(id, b.participants))
        return bool(shared) or (not a.participants and not b.participants and set(a.countries) == set(b.countries))
    if set(a.countries) != set(b.countries) and not (set(a.countries) <= set(b.countries) or set(b.countries) <= set(a.countries)):
        return False
    if a.type in ("DELIVERY", "DEAL_SIGNED", "REQUEST"):
        if a.status != b.status and a.type == "DELIVERY":
            return False
        if a.type == "REQUEST" and (a.date is None) != (b.date is None):
            return False
        pa, pb = set(map(id, a.platforms)), set(map(id, b.platforms))
        return not pa or not pb or bool(pa & pb)
    if a.type in ("COPRODUCTION", "NEGOTIATION", "EVALUATION", "AGREEMENT", "UPGRADE", "OFFER", "SANCTION_THREAT"):
        pa, pb = set(map(id, a.platforms)), set(map(id, b.platforms))
        if a.type == "COPRODUCTION" and bool(pa) != bool(pb):
            return False
        return pa == pb or not pa or not pb or bool(pa & pb)
    return False


def _other_counterpart(a: Event, b: Event) -> bool:
    """Two meetings of one official with different counterparts ("Singh met Austin ... Singh will meet
    Pistorius"): each names a country the other does not and they share one country at most (the host)."""
    ca, cb = set(a.countries), set(b.countries)
    return bool(ca - cb) and bool(cb - ca) and len(ca & cb) <= 1 and len(ca) >= 2 and len(cb) >= 2


class SameIndex:
    """Events kept so far, found by what `_same` needs two events to share: their type and, for a meeting or
    summit, a participant (or, with none, the same countries); for the others, countries one holds all of the
    other's. `candidates` gives, in the order they were added, every kept event that may be the same as one (a
    superset of those `_same` accepts), so that each comparison reads the few that may match and not every
    event kept: linear in the events, not their square."""

    _MEETINGS = ("SUMMIT", "MEETING")
    _MAX_SUBSETS = 6  # an event of more countries is a candidate for every event of its type

    def __init__(self) -> None:
        self._at: dict[tuple, set[int]] = {}
        self._of_type: dict[str, set[int]] = {}

    def _meeting_keys(self, ev: Event) -> list[tuple]:
        return [(ev.type, "p", id(p)) for p in ev.participants] or [(ev.type, "n", frozenset(ev.countries))]

    def add(self, ev: Event, n: int) -> None:
        """Keep `ev` as the `n`th; again after it changed (merged), to be found under what it holds now."""
        t = ev.type
        self._of_type.setdefault(t, set()).add(n)
        if t in self._MEETINGS:
            keys = self._meeting_keys(ev)
        else:
            countries = set(ev.countries)
            if len(countries) > self._MAX_SUBSETS:
                keys = [(t, "many")]
            else:
                keys = [(t, "in", s) for s in _subsets(countries)] + [(t, "is", frozenset(countries))]
        for key in keys:
            self._at.setdefault(key, set()).add(n)

    def candidates(self, ev: Event) -> list[int]:
        t = ev.type
        if t in self._MEETINGS:
            keys = self._meeting_keys(ev)
        else:
            countries = set(ev.countries)
            if len(countries) > self._MAX_SUBSETS:
                return sorted(self._of_type.get(t, ()))
            # those holding all of its countries, those whose countries are all among its own, those of many
            keys = [(t, "in", frozenset(countries)), (t, "many")] + [(t, "is", s) for s in _subsets(countries)]
        found: set[int] = set()
        for key in keys:
            found |= self._at.get(key, set())
        return sorted(found)


def _subsets(items: set) -> list[frozenset]:
    out = [frozenset()]
    for x in items:
        out += [s | {x} for s in out]
    return out


def _owners(triggers: list[Trigger], found: list[DateMention], reach) -> dict[int, Trigger]:
    """Each date's trigger: nearest first, one date per trigger while both are free ("took delivery in the
    summer of 2019 under a contract signed in 2017": the signing keeps 2017, the delivery 2019); a date left
    over goes to the trigger it is nearest to. A clause break counts as far."""
    if not triggers:
        return {}
    pairs = sorted((reach(t, dm), k, j) for k, t in enumerate(triggers) for j, dm in enumerate(found))
    owner: dict[int, Trigger] = {}
    busy: set[int] = set()
    for _, k, j in pairs:
        if id(found[j]) not in owner and k not in busy:
            owner[id(found[j])] = triggers[k]
            busy.add(k)
    for dm in found:
        if id(dm) not in owner:
            owner[id(dm)] = min(triggers, key=lambda x: reach(x, dm))
    return owner
