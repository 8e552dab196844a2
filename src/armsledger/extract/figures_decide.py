"""Learned figures: which value, quantity, date and percentage belong to which deal.

Reads: the deals the rules' second pass filled (`DealFinder.run`), the article's `Clause`s and text, the
reference date, and the fitted model's `figures` decisions (`learned`). Writes: each deal's value,
quantity, delivered count, signing and completion dates and technology-transfer share, and why
(`FieldWhy`, for `armsledger extract --explain`).

Every figure of the right kind in a sentence that speaks of the deal (names its platform, or the rules
resolved it there: "the jets", "the contract"), or in the sentence either side, is a candidate for each
field it may fill: a sum for the value, a count for the quantity and the delivered count, a date for the
signing and the completion, a percentage for the technology transfer. What the rules attached is a
candidate too (a count they added up, "12 delivered + 4 remaining", has no span of its own). The model
weighs each candidate by where it stands relative to the deal's platform (distance, before or after,
another platform or deal between, a clause break between, whether the deal's platform is the nearest
one), the words around it and between ("worth", "for", "units of", "each", "of which", "the first"),
its kind and unit, the triggers near it, a signing verb in a date's clause ("a contract signed with LIG Nex1 in
September 2024", "In July 2022, Hanwha and the agency agreed on"), and the rules' own choice as a vote. Per deal and field, the
likeliest candidate is kept if it clears the field's threshold (set on the training sets by
cross-validation); otherwise the field is left empty.

A model without `figures` leaves the rules' attachment as it is.
"""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from .context import Clause
from .dates import DateMention, reported_at
from .entities import STATE_BODIES
from .deals import CATEGORY_UNIT, NOUN_CATEGORIES, Deal, DealFinder, part_around, part_before
from .learned import Binary, Model
from .prefixes import Caseless, caseless, for_text, lowered
from .spans import distance
from .status import DELIVERY_TO_COME
from .values import Money, Quantity

FIELDS = ("value", "quantity", "delivered", "signed", "expected_completion", "tech_transfer_pct")
KINDS = {"value": "money", "quantity": "count", "delivered": "count", "signed": "date",
         "expected_completion": "date", "tech_transfer_pct": "percent"}
_SAME_KIND = {f: tuple(g for g in FIELDS if g != f and KINDS[g] == KINDS[f]) for f in FIELDS}  # the other fields of its kind
ATTR = {"value": "value", "quantity": "quantity", "delivered": "delivered", "signed": "signed",
        "expected_completion": "expected", "tech_transfer_pct": "tot"}

_WORD = re.compile(r"[a-z][a-z'-]{1,}")
# a break between two places of a sentence: a mark, or a word that opens another clause ("while", "but"); written so
# that `re` skips to the marks and those words' first letters (a leading `\b` made it try every character), the
# test of what stands before a word after its letter (`W(?<!\w.)ord` says what `\bWord` says)
_BREAK = re.compile(r";|:|\(|\)|w(?<!\w.)(?:hile|hereas)\b|b(?<!\w.)ut\b|a(?<!\w.)lthough\b|m(?<!\w.)eanwhile\b")
_CUES = {  # cue words read just before the figure (`pre`), just after it (`post`) or between it and the platform
    "pre": [("worth", r"\b(?:worth|valued at|value of|cost(?:ing|s)?|priced at|price of|estimated at)\s+(?:\w+\s+){0,2}$"),
            ("for", r"\bfor\s+(?:\w+\s+)?$"),
            ("part", r"\b(?:of which|including|includ(?:es|ed)|comprising|among them|such as|consists? of)\s+(?:\w+\s+)?$"),
            ("each", r"\b(?:each|every|per|apiece)\s+$"),
            ("first", r"\b(?:first|initial|second|third|next|last|latest|final)\s+(?:\w+\s+){0,2}$"),
            ("batch", r"\b(?:batch|tranche|lot|consignment|shipment)\s+of\s+$"),
            ("remaining", r"\b(?:remaining|outstanding|rest of|other)\s+(?:the\s+)?$"),
            # the whole of which a part is told: "two of the 30 aircraft", "the final batch of the 30 helicopters"
            ("whole", r"\b(?:of|from|out\s+of)\s+(?:the|its|their|all)\s+(?:total\s+|original\s+|planned\s+)?$"),
            ("delivered", r"\b(?:delivered|received|handed over|inducted|took delivery of|taken delivery of|supplied|"
                          r"arrived|landed|commissioned)\s+(?:\w+\s+){0,3}$"),
            ("ordered", r"\b(?:ordered|order(?:s|ed)? for|bought|buy|purchase[sd]?|acquired?|acquisition of|signed|"
                        r"contract for|deal for|agreed to buy|procure(?:ment of)?)\s+(?:\w+\s+){0,3}$"),
            ("fleet", r"\b(?:flies|operates|operating|already\s+(?:has|have|had|owns?|flies|operates?)|fleet\s+of|"
                      r"inventory\s+of)\s+(?:\w+\s+){0,2}$"),
            ("all", r"\b(?:all|total|total of|a total of|fleet of)\s+(?:\w+\s+)?$"),
            ("more", r"\b(?:more|additional|further|another|extra)\s+$"),
            ("units_of", r"\bunits?\s+of\s+$"),
            ("by", r"\b(?:by|until|till|before|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?$"),
            ("due", r"\b(?:due|expected|scheduled|slated|set|planned|is to|are to)\s+(?:to\s+)?(?:be\s+)?(?:delivered|handed over|"
                    r"supplied|arrive|completed|for delivery|for completion)\s+(?:[\w-]+\s+){0,4}$"),
            ("in", r"\bin\s+$"),
            ("since", r"\b(?:since|from|after)\s+$"),
            ("said", r"\b(?:said|says|told|announced|reported|stated)\s+(?:on\s+)?$")],
    "post": [("each", r"^\s*(?:each|apiece|per\s+\w+|a piece)\b"),
             ("units_of", r"^\s*(?:units?|sets?|batteries|systems?)\s+of\b"),
             ("delivered", r"^\s*(?:\w+\s+){0,3}?(?:have|has|had|were|was)\s+(?:already\s+|now\s+|been\s+){0,2}"
                           r"(?:delivered|handed over|received|arrived|inducted|commissioned)"),
             # a count that came: "Two Perry-class frigates bought from the US reached Kaohsiung", "12 jets landed"
             ("arrived", r"^\s*(?:[\w.-]+\s+){0,5}?(?:have\s+|has\s+|had\s+)?(?:already\s+|now\s+|finally\s+|also\s+){0,2}"
                         r"(?:arrived|reached|landed)\b"),
             ("future", r"^\s*(?:\w+\s+){0,3}?(?:will|would|are to|is to|to be|due|expected|scheduled)\b"),
             ("deal", r"^\s*(?:[\w-]+\s+){0,2}?(?:deal|contract|order|agreement|package|sale|purchase)\b"),
             ("programme", r"^\s*(?:[\w-]+\s+){0,2}?(?:programme|program|budget|loan|credit|aid|development|"
                           r"upgrade|modernisation|modernization)\b"),
             ("of", r"^\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"),
             ("in_service", r"^\s*(?:[\w-]+\s+){0,4}?(?:(?:now\s+|currently\s+|already\s+)?in\s+service|(?:it|they|which|that)\s+"
                            r"(?:now\s+|currently\s+|already\s+|still\s+)?(?:flies|fly|operates?|uses?|fields?))\b"),
             ("total", r"^\s*(?:[\w-]+\s+){0,3}?(?:in\s+all|in\s+total|altogether|all\s+told|overall)\b")],
}
_CUES_RX = {side: [(n, re.compile(rx, re.I)) for n, rx in cues] for side, cues in _CUES.items()}
_ANY_PRE = re.compile("|".join(f"(?:{rx})" for _, rx in _CUES["pre"]), re.I)  # does any `pre` cue match?
_ANY_POST = re.compile("|".join(f"(?:{rx})" for _, rx in _CUES["post"]), re.I)  # ... any `post` cue (few figures)?
_FIRST_BATCH = re.compile(r"\bthe\s+first\s+$", re.I)  # "the first 10 K2 tanks arrived": a first batch, not the order
# a count still to come: "the first batch of three jets is due to arrive in March", "eight submarines to be built"
_TO_COME_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:will|would|are to|is to|to be|(?:is|are)\s+(?:due|expected|"
                            r"scheduled|set|slated))\b", re.I)
# a count whose delivery is denied: "not all 24 K9 howitzers ... have arrived", "none of the 12 jets"
_DENIED_BEFORE = re.compile(r"\b(?:not\s+all|none)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?$", re.I)
# a count ordered: "Romania ordered 54 Abrams tanks", "placed an order for 12 jets": the order, not what has come
_ORDERED_BEFORE = re.compile(r"\b(?:ordered|(?:placed|signed)\s+(?:an?\s+)?(?:\w+\s+)?(?:order|contract)\s+for)\s+"
                             r"(?:(?:a\s+)?(?:total\s+of|further|more|another|additional|up\s+to)\s+)?$", re.I)

# a sentence that tells units delivered, given, got or in service, read with what it tells still to come taken out
# (`status.DELIVERY_TO_COME`: "will be delivered", "are due to arrive"): a count of a sentence that tells none ("Ukraine
# buys six Caesar howitzers", "signed a deal for four Black Hawks", "the company will supply six aircraft", "a contract
# for 44 tanks, with deliveries from 2028", "the letter of acceptance for four F-35Bs") is never the delivered count.
# Out of fold over the training reports, of the counts the figure model kept as delivered: 6 of 113 right ones stand in
# such a sentence, 38 of 57 the gold leaves empty (their deals read completed for it)
_DELIVERY_TOLD = Caseless(re.compile(
    r"\b(?:delivered|finished\s+delivering|hand(?:s|ed|ing)?\b(?!\s+(?:out|down)\b)|handover|hand-over|received|"
    r"receives|receiving|arriv(?:ed|es|e|ing)|reached|landed|touched\s+down|inducted|commissioned|supplied|transferred|"
    r"shipped|shipments?|donat\w+|gift\w+|gave|given|sent|provided|accepted|(?:took|taken|takes|taking)\s+"
    r"(?:delivery|receipt|possession)|deliver(?:y|ies)\s+of\s+[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?completed|in\s+service|operates|operated|operating|operational|flies|flown|fleet|already\s+(?:has|have|"
    r"had|owns?)|retired|decommissioned|obtained|obtains|deployed|inventory|joined)\b", re.I))


def _twins(rxs: dict) -> dict | None:
    """The case-sensitive twins of the cue expressions, for the lower-cased words (`prefixes.caseless`: the same
    matches, found faster); None unless every one has its twin."""
    out = {side: [(n, caseless(rx)) for n, rx in cues] for side, cues in rxs.items()}
    out["any_pre"] = [("", caseless(_ANY_PRE))]
    out["any_post"] = [("", caseless(_ANY_POST))]
    return out if all(rx is not None for cues in out.values() for _, rx in cues) else None


_CUES_TWIN = _twins(_CUES_RX)
_RESOLVED: dict[tuple, list[tuple[str, re.Pattern]]] = {}


def _cues(twin: bool, side: str, text: str) -> list[tuple[str, re.Pattern]]:
    """The cue expressions of one side ("pre", "post", "any_pre"), as twins (`_CUES_TWIN`) or as written, each with
    its feature's name and as `for_text` picks it for `text` (the ASCII variant where the text is ASCII): once."""
    key = (twin, side, text.isascii())
    hit = _RESOLVED.get(key)
    if hit is None:
        cues = _CUES_TWIN[side] if twin else _CUES_RX.get(side) or [("", _ANY_PRE if side == "any_pre" else _ANY_POST)]
        prefix = "cue_after:" if side == "post" else "cue:"
        hit = _RESOLVED[key] = [(prefix + n, for_text(rx, text)) for n, rx in cues]
    return hit
# a sum that is not one purchase's price: a firm's books ("an order backlog of more than $21 billion", "operating profit
# of 358.8 billion won"), a budget or a spending plan ("expects to spend S$20.2 billion in the coming financial year",
# "a USD 40 billion drive to modernise"), aid or money given ("promised $18 million to help", "contributed $8 billion")
_SUMS = [(name, Caseless(re.compile(rx, re.I))) for name, rx in (  # run as twins over the lower-cased text
    ("books", r"\b(?:backlog|order\s+book|portfolio|profits?|revenues?|turnover|earnings|income|losses|sales\s+(?:rose|fell|"
              r"grew|reached|totall?ed)|exports?\s+(?:rose|fell|grew|reached|totall?ed|hit|topped|passed|passing|set))\b"),
    ("budget", r"\b(?:budgets?|spend|spends|spending|spent|expenditures?|outlays?|fiscal|financial\s+year|annual(?:ly)?|"
               r"per\s+(?:year|annum)|a\s+year|drive|moderni[sz]\w*|plan\s+to\s+spend|allocat\w+|earmark\w*)\b"),
    ("aid", r"\b(?:aid|assistance|grants?|loans?|credit\s+line|line\s+of\s+credit|contribut\w+|pledg\w+|promis\w+|"
            r"donat\w+|recovered|to\s+help|fund(?:s|ing)?\s+(?:for|to))\b"))]
# a government's or a body's clearance of a purchase, its contract still to be signed
_APPROVAL = Caseless(re.compile(r"\b(?:cleared|clears|approved|approves|approval|authori[sz](?:ed|es|ation)|sanction(?:ed|s)|"
                                r"green[- ]light|go-ahead|nod)\b", re.I))
_NONBINDING = Caseless(re.compile(r"\b(?:memorand(?:um|a)|mous?|letters?\s+of\s+intent|statements?\s+of\s+intent|framework|"
                                  r"agreement\s+in\s+principle|preliminary\s+agreement)\b", re.I))
_TO_SIGN = Caseless(re.compile(r"\b(?:to|will|would|shall|could|may|might)\s+(?:be\s+)?(?:sign|signed|ink|inked|"
                               r"conclude|concluded)\b", re.I))
# a date told as a signature's, the verb before it in the same clause: "a $2.8 billion contract signed with LIG Nex1
# in September 2024", "signed a framework agreement in July 2022", "a deal reached with Russia in December 2016",
# "the frigate acquired in 2008", "the contract goes back to March 2007"; or after it: "In July 2022, Hanwha and the
# agency agreed on a framework", "in 2017 Norway ordered 24 K9 howitzers"
_SIGNED_BEFORE = Caseless(re.compile(
    r"\b(?:signed|inked|concluded|sealed|agreed|reached|awarded|ordered|placed|struck|clinched|finali[sz]ed|bought|"
    r"purchased|acquired|won)\b(?:(?!\b(?:while|but|and\s+(?:will|is|are|was|were|has|have|had)|which|when)\b)[^.;:()]){0,70}?"
    r"\b(?:in|on|during|dated)\s+(?:early\s+|late\s+|mid-?)?$|\b(?:dates?|goes|going|dating|went)\s+back\s+to\s+$", re.I))
_SIGNED_AFTER = Caseless(re.compile(
    r",?\s*(?:(?!(?:while|but|which|when|will|would)\b)[\w'’.$€£-]+,?\s+){0,10}?(?:signed|inked|concluded|sealed|"
    r"agreed|awarded|ordered|placed|struck|clinched|finali[sz]ed|bought|purchased|acquired)\b", re.I))
_GENERIC_UNITS = frozenset({"unit", "system", "set", "kit"})
# what a figure means may turn on how far the deal has come: a past year beside a signed deal is likely its signing,
# beside one only considered it is not; a count cued as delivered fills a deal in delivery. Each of these features is
# also weighed with the deal's status (`x:STATUS&FEATURE`): the decision is linear, it cannot make the pair itself.
# By the figure decision's out-of-fold F1 over 3 dealings, signed 0.675 -> 0.681, delivered 0.452 -> 0.454, the
# others level (value 0.745, quantity 0.694, completion 0.574)
_WITH_STATUS = ("date:year:", "date:sign_trig", "date:deliver_trig", "cue:delivered", "cue:ordered",
                "cue_after:delivered", "cue_after:future")


class _WithStatus(dict):
    """Feature name -> whether it begins with one of `_WITH_STATUS`, each name tested once (an article's figures
    share most of their features)."""

    def __missing__(self, name: str) -> bool:
        hit = self[name] = name.startswith(_WITH_STATUS)
        return hit


@dataclass
class Figure:
    """One figure that may fill a deal's field: its kind, where it stands, what the field becomes."""

    kind: str  # money | count | date | percent | derived
    clause: int  # -1 when not located
    start: int
    end: int
    text: str
    value: object  # what the deal's attribute becomes (Money, a quantity dict, DateMention, Percent)
    more: str | None = None
    unit: str | None = None


@dataclass
class FieldWhy:
    """What the model weighed for one field of a deal; the weights are looked up only when asked for."""

    probability: float
    threshold: float
    feats: set[str]
    decision: Binary
    kept: bool
    text: str = ""  # the figure's words

    def as_dict(self) -> dict:
        return {"by": "model", "probability": round(self.probability, 3), "threshold": self.threshold,
                "kept": self.kept, "candidate": self.text, "features": [{"feature": f, "weight": round(w, 3)} for f, w in
                                                self.decision.explain(self.feats)]}


@dataclass
class Group:
    """One field of one deal with its candidates (and their features)."""

    deal: Deal
    field: str
    figures: list[Figure] = field(default_factory=list)
    feats: list[set[str]] = field(default_factory=list)


def as_output(f: str, fig: Figure):
    """The figure as the record states the field (what the scorer compares with the gold)."""
    v = fig.value
    if f == "value":
        return {"amount": v.amount, "currency": v.currency}
    if f in ("signed", "expected_completion"):
        return v.as_dict()
    if f == "tech_transfer_pct":
        return {"min": v.min, "max": v.max}
    return {"min": v.get("min"), "max": v.get("max"), "unit": v.get("unit")}


def _key(f: str, v):
    """What makes two attachments of a field the same figure (`Figures._same`)."""
    return (v.get("text"), v.get("min"), v.get("max")) if KINDS[f] == "count" else id(v)


def _size(f: str, v) -> float | None:
    """How large a figure is (its amount or count; none for dates)."""
    if KINDS[f] == "money":
        return v.usd or v.amount if v.currency in (None, "USD") else None
    if KINDS[f] == "count":
        return v.get("max") or v.get("min")
    return None


def _count(q: Quantity) -> dict:
    return {"min": q.min, "max": q.max, "unit": q.unit, "text": q.text}


def _bucket(n: int) -> str:
    return "0" if n <= 3 else "1" if n <= 20 else "2" if n <= 60 else "3" if n <= 150 else "4"


class Figures:
    """The figure candidates of one article's deals and their features."""

    def __init__(self, finder: DealFinder, deals: list[Deal], clauses: list[Clause], text: str, ref: date | None) -> None:
        self.finder, self.deals, self.clauses, self.text, self.ref = finder, deals, clauses, text, ref
        self._figs: dict[int, dict[str, list[Figure]]] = {}
        self._base: dict[tuple, tuple[frozenset[str], tuple[str, ...]]] = {}  # `features`' part of no field
        self._status: dict[int, str] = {}
        self._near: dict[tuple, frozenset[str]] = {}
        self._kind_feats: dict[tuple, list[str]] = {}  # `_money`, `_count`, `_date`'s features of a figure
        self._plat_feats: dict[tuple, tuple[str, ...]] = {}  # `_platform_place`, by platform name and figure
        self._date_sents: dict[int, tuple[str, ...]] = {}  # `_date_sentence`, by sentence
        self._may: dict[tuple, bool] = {}  # `_may_fill`, by field and figure
        self._delivery_told: dict[int, bool] = {}  # `_tells_delivery`, by sentence
        self._books: dict[tuple, bool] = {}  # `of_books`, by the sum's span
        self._weighs_status = _WithStatus().__getitem__  # is a feature also weighed with the status? once a name
        self.barred: list[tuple[Deal, str]] = []  # (deal, field) whose rules' figure may not fill it (`_may_fill`)
        named: dict[str, set[int]] = {}  # platform name -> the sentences naming it (read once: linear time)
        for i, c in enumerate(clauses):
            if not c.sent.noise:
                for _, _, p in c.platforms:
                    named.setdefault(p.name, set()).add(i)
        # the sentences naming its platform near those that speak of it (not every one of a long report's)
        self._said = {id(d): set(d.clauses) | (named.get(d.platform.name, set()) & _near(d.clauses)) for d in deals}
        self._sentence_of = {m.start: (c.start, c.end) for c in clauses for m in c.money}  # a sum's sentence
        self._refs: dict[int, list[Deal]] = {}
        for d in deals:
            for i in self._said[id(d)]:
                self._refs.setdefault(i, []).append(d)
        self._deal_platforms = {d.platform.name for d in deals}
        recipients = {d.recipient for d in deals if d.recipient}
        # per deal, the recipients of the article's other deals (not its own supplier or recipient)
        self._rivals = {id(d): recipients - {d.recipient, d.supplier} for d in deals}
        self._named: dict[int, frozenset[str]] = {}  # sentence -> the countries it names
        # the rules' own figures, a value taken from a firm's books none (an order backlog or a profit is no price)
        self._rules = {id(d): {f: None if f == "value" and d.value is not None and self.of_books(d.value)
                               else getattr(d, ATTR[f]) for f in FIELDS} for d in deals}
        self._chosen: dict[str, dict] = {f: {} for f in FIELDS}  # per field, how many deals the rules gave each figure
        for d in deals:
            for f, v in self._rules[id(d)].items():
                if v is not None:
                    self._chosen[f][_key(f, v)] = self._chosen[f].get(_key(f, v), 0) + 1

    def named(self, i: int) -> frozenset[str]:
        """The countries sentence `i` names (their codes)."""
        hit = self._named.get(i)
        if hit is None:
            c = self.clauses[i]
            # a country's forces and government stand for it ("the Indian Air Force", "Egypt's navy", "the Polish
            # defence ministry"): its demonym is inside the body's name, not a country mention of its own
            hit = self._named[i] = frozenset([ent.code for _, _, ent in c.countries if ent.code]
                                             + [ent.country for _, _, ent in c.orgs
                                                if ent.country and ent.category in STATE_BODIES])
        return hit

    def _countries(self, d: Deal, i: int) -> list[str]:
        """Whose sentence the figure's is: the deal's recipient named in it, another deal's recipient named (and
        the deal's own not: "Norway ordered five of the aircraft in 2017" for Canada's deal), another country, or
        none, and then whether the sentence before names another deal's recipient (or another country) and not the
        deal's own ("Nigeria is due to receive 12 Mi-35M helicopters. The helicopters were ordered in October 2015")."""
        named, rivals = self.named(i), self._rivals[id(d)]
        if d.recipient in named:
            return ["cty:self"] + (["cty:rival_too"] if named & rivals else [])
        if named & rivals:
            return ["cty:rival_only"]
        if named - {d.supplier}:
            return ["cty:other_only"]
        if i > 0:
            before = self.named(i - 1)
            if d.recipient not in before and before - {d.supplier}:
                return ["cty:none", "cty:prev_rival_only" if before & rivals else "cty:prev_other_only"]
        return ["cty:none"]

    def _part(self, d: Deal, fig: Figure, c: Clause) -> str:
        """In a sentence that names the deal's recipient and another deal's: whether the figure's own part of it
        ("has handed 19 F-16s to Ukraine | and has now sold 24 to Argentina") names the deal's recipient, only the
        other one, or neither."""
        lo, hi = part_around(self.text, c, fig.start)
        here = {ent.code for s, _, ent in c.countries if lo <= s < hi and ent.code} | {
            ent.country for s, _, ent in c.orgs if lo <= s < hi and ent.country and ent.category in STATE_BODIES}
        if d.recipient in here:
            return "cty:part:self"
        return "cty:part:rival" if here & self._rivals[id(d)] else "cty:part:none"

    def _said_in(self, d: Deal) -> set[int]:
        """The sentences that speak of a deal: those the rules resolved to it, and those naming its platform."""
        return self._said[id(d)]

    def figures_of(self, i: int) -> dict[str, list[Figure]]:
        """The figures of sentence `i`, by kind."""
        hit = self._figs.get(i)
        if hit is None:
            c = self.clauses[i]
            counts = [Figure("count", i, q.start, q.end, q.text, _count(q), q.more, q.unit)
                      for q in c.quantities + self.finder.counts_before_platforms(c)]
            hit = self._figs[i] = {
                "money": [Figure("money", i, m.start, m.end, m.text, m) for m in c.money],
                "count": counts,
                "date": [Figure("date", i, dm.start, dm.end, dm.text, dm) for dm in c.dates],
                "percent": [Figure("percent", i, p.start, p.end, p.text, p) for p in c.percents]}
        return hit

    def groups(self, fields: Container[str] = FIELDS) -> list[Group]:
        """Each deal's candidates for each of `fields` (in the order of `FIELDS`)."""
        out = []
        clauses = self.clauses
        fields = [f for f in FIELDS if f in fields]
        for d in self.deals:
            said = self._said_in(d)
            near = {k for i in said for k in (i - 1, i + 1) if 0 <= k < len(clauses)} - said
            read = [i for i in sorted(said | near) if not clauses[i].sent.noise]  # the same for every field
            for f in fields:
                g = Group(d, f)
                kind = KINDS[f]
                barred = []  # the figures that may not fill the field: the rules' own choice among them too
                for i in read:
                    for fig in self.figures_of(i)[kind]:
                        if not self._may_fill(f, fig):
                            barred.append(fig)
                            continue
                        g.figures.append(fig)
                        g.feats.append(self.features(d, f, fig, i in said))
                rule = self._rules[id(d)][f]
                if rule is not None and any(self._same(f, rule, fig.value) for fig in barred):
                    self.barred.append((d, f))  # ("as the first three jets went to Vietnam" is no quantity)
                elif rule is not None and not any(self._same(f, rule, fig.value) for fig in g.figures):
                    fig = self._derived(d, f, rule)
                    g.figures.append(fig)
                    g.feats.append(self.features(d, f, fig, True))
                if g.figures:
                    self._relative(g, min(said) if said else -1)
                    out.append(g)
        return out

    def _may_fill(self, f: str, fig: Figure) -> bool:
        """Can the figure fill field `f` of any deal (what is read around the figure alone): once a field and figure,
        for all the deals of its sentences."""
        key = (f, id(fig))
        hit = self._may.get(key)
        if hit is None:
            text = self.text
            hit = self._may[key] = not (
                # a first batch is never the order (it may be the delivered count)
                f == "quantity" and _FIRST_BATCH.search(text, max(0, fig.start - 12), fig.start)
                # what is still to come has not been delivered
                or f == "delivered" and _TO_COME_AFTER.match(text, fig.end, min(len(text), fig.end + 50))
                # "not all 36 jets have been delivered": a denied delivery
                or f == "delivered" and _DENIED_BEFORE.search(text, max(0, fig.start - 20), fig.start)
                # "ordered 54 tanks": the order's count
                or f == "delivered" and _ORDERED_BEFORE.search(text, max(0, fig.start - 50), fig.start)
                # "Ukraine buys six howitzers", "will supply six aircraft": no delivery told in its sentence
                or f == "delivered" and fig.clause >= 0 and not self._tells_delivery(fig.clause)
                # a firm's order backlog or profit is no price
                or f == "value" and self.of_books(fig.value))
        return hit

    def _tells_delivery(self, i: int) -> bool:
        """Does sentence `i` tell units delivered, given, got or in service (`_DELIVERY_TOLD`)?"""
        hit = self._delivery_told.get(i)
        if hit is None:
            sent = self.clauses[i].sent.text
            hit = self._delivery_told[i] = bool(_DELIVERY_TOLD.search(DELIVERY_TO_COME.sub(" ", sent)))
        return hit

    def _relative(self, g: Group, first: int) -> None:
        """What sets a candidate apart from the others of its deal's field: the first of the first sentence that
        speaks of the deal, the largest, the only one."""
        figs = g.figures
        out = [set() for _ in figs]
        n = len(figs)
        out_n = "grp:n:" + ("1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+")
        located = [k for k, x in enumerate(figs) if x.clause >= 0]
        if located:
            k0 = min(located, key=lambda k: (figs[k].clause, figs[k].start))
            if figs[k0].clause == first:
                out[k0].add("grp:lead")
        size = [_size(g.field, x.value) for x in figs]
        if n > 1 and any(v is not None for v in size):
            top = max(v for v in size if v is not None)
            for k, v in enumerate(size):
                if v is not None:
                    out[k].add("grp:largest" if v == top else "grp:smaller")
        for k in range(n):
            g.feats[k] |= out[k]
            g.feats[k].add(out_n)

    @staticmethod
    def _same(f: str, a, b) -> bool:
        if KINDS[f] == "count":
            return a.get("text") == b.get("text") and a.get("min") == b.get("min") and a.get("max") == b.get("max")
        return a is b

    def _derived(self, d: Deal, f: str, rule) -> Figure:
        """What the rules attached that is no figure of the deal's sentences ("24" of "orders for 24 in 2015",
        "12 + 4"): located in the deal's sentences when its words are there."""
        text = rule.get("text", "") if isinstance(rule, dict) else rule.text
        for i in sorted(d.clauses):
            c = self.clauses[i]
            at = c.sent.text.find(text) if text else -1
            if at >= 0:
                return Figure("derived", i, c.start + at, c.start + at + len(text), text, rule)
        return Figure("derived", -1, -1, -1, text, rule)

    def _rule_votes(self, d: Deal, f: str, fig: Figure) -> list[str]:
        out = []
        mine = self._rules[id(d)]
        rule = mine[f]
        this = rule is not None and self._same(f, rule, fig.value)
        out.append("rule:none" if rule is None else "rule:this" if this else "rule:other")
        for g in _SAME_KIND[f]:
            if mine[g] is not None and self._same(g, mine[g], fig.value):
                out.append("rule:as:" + g)
            elif mine[g] is not None and KINDS[f] == "count" and _size(f, fig.value) is not None and \
                    _size(g, mine[g]) == _size(f, fig.value):
                out.append("rule:n_as:" + g)  # "four F-16s" beside the rules' delivered "four US F-16 warplanes"
        if self._chosen[f].get(_key(f, fig.value), 0) > this:
            out.append("rule:other_deal")
        return out

    def features(self, d: Deal, f: str, fig: Figure, said: bool) -> set[str]:
        """What the model weighs for `fig` filling field `f` of deal `d`: the rules' votes for this field, and
        what does not depend on the field (read once for the fields of one kind: a count as quantity and as
        delivered count, a date as signing and completion)."""
        key = (id(d), id(fig), KINDS[f])
        hit = self._base.get(key)
        if hit is None:
            base = frozenset(self._features(d, f, fig, said))
            # with them, those of its features also weighed with the deal's status, in the set's order
            hit = self._base[key] = (base, tuple(filter(self._weighs_status, base)))
        base, with_status = hit
        out = set(base)  # as `set(base).union(votes)` makes it, without the second copy
        out.update(self._rule_votes(d, f, fig))
        if with_status:
            status = "x:" + self._status[id(d)] + "&"
            out.update([status + x for x in with_status])
        return out

    def _features(self, d: Deal, f: str, fig: Figure, said: bool) -> set[str]:
        out = {"bias", "kind:" + fig.kind}
        status = self._status.get(id(d))
        if status is None:  # read once a deal: it reads every claim of the deal
            status = self._status[id(d)] = d.status()[0]
        out.add("deal:status:" + status)
        if d.follow_on:
            out.add("deal:follow_on")
        p = getattr(d.why, "probability", None)
        out.add("deal:p:" + ("rules" if p is None else "0" if p < 0.3 else "1" if p < 0.5 else "2" if p < 0.7 else "3"))
        if fig.clause < 0:
            out.add("where:unknown")
            return out
        c = self.clauses[fig.clause]
        out.add("sent:said" if said else "sent:adjacent")
        if c.sent.headline:
            out.add("sent:headline")
        n_deals = len(self._refs.get(fig.clause, []))
        out.add("sent:deals:" + ("0" if n_deals == 0 else "1" if n_deals == 1 else "2" if n_deals == 2 else "3+"))
        same_kind = self.figures_of(fig.clause)[fig.kind if fig.kind != "derived" else KINDS[f]]
        out.add("sent:figs:" + ("1" if len(same_kind) <= 1 else "2" if len(same_kind) == 2 else "3+"))
        cty = self._countries(d, fig.clause)
        out.update(cty)
        if "cty:rival_too" in cty:
            out.add(self._part(d, fig, c))
        # where the deal's platform is named in the sentence, and what stands between: the same for every deal of
        # that platform, so read once per platform and figure (a tuple: added in its order, as one by one)
        key = (d.platform.name, fig.clause, fig.start, fig.end)
        hit = self._plat_feats.get(key)
        if hit is None:
            hit = self._plat_feats[key] = self._platform_place(d, fig, c)
        out.update(hit)
        out |= self._around(fig, c)
        kind = fig.kind if fig.kind != "derived" else KINDS[f]
        # what the figure's kind reads (a count, of the deal's platform too): once for the deals it may fill
        key = (id(fig), kind) + ((d.platform.name, d.platform.category) if kind == "count" else ())
        hit = self._kind_feats.get(key)
        if hit is None:
            hit = self._kind_feats[key] = getattr(self, "_" + kind)(d, fig, c)
        out.update(hit)
        return out

    def _platform_place(self, d: Deal, fig: Figure, c: Clause) -> tuple[str, ...]:
        """Where the deal's platform is named in the figure's sentence against the figure, and what stands between
        (in the order `_features` adds them); it depends on the deal's platform alone (`Deal.is_platform`)."""
        out: list[str] = []
        text = self.text
        mine = [(s, e) for s, e, p in c.platforms if d.is_platform(p)]
        others = [(s, e, p) for s, e, p in c.platforms if not d.is_platform(p)]
        other_deal = self._deal_platforms  # a platform not the deal's own that a deal of the article is for
        if mine:
            s, e = min(mine, key=lambda m: distance(m, (fig.start, fig.end)))
            gap = distance((s, e), (fig.start, fig.end))
            out.append("plat:dist:" + _bucket(gap))
            out.append("plat:" + ("inside" if s >= fig.start and e <= fig.end else "fig_before" if fig.end <= s else "fig_after"))
            lo, hi = (fig.end, s) if fig.end <= s else (e, fig.start)
            if lo < hi:
                between = [p for ps, pe, p in others if lo <= ps < hi]
                if between:
                    out.append("between:platform")
                    if any(p.name in other_deal for p in between):
                        out.append("between:other_deal")
                if _BREAK.search(text, lo, hi):
                    out.append("between:break")
                if hi - lo <= 80:
                    out.extend("bw:" + w[:7] for w in _WORD.findall(text[lo:hi].lower())[:8])
            nearest = min(c.platforms, key=lambda m: distance((m[0], m[1]), (fig.start, fig.end)))
            out.append("nearest_plat:" + ("self" if d.is_platform(nearest[2]) else "other"))
            # the platform named last before the figure ("24 Rafale jets worth EUR 2.5 billion, and FDI frigates")
            # and first after it ("EUR 2.5 billion for 24 Rafale jets")
            prev = [m for m in c.platforms if m[1] <= fig.start]
            if prev:
                out.append("prev_plat:" + ("self" if d.is_platform(max(prev, key=lambda m: m[1])[2]) else "other"))
            after = [m for m in c.platforms if m[0] >= fig.end]
            if after:
                out.append("next_plat:" + ("self" if d.is_platform(min(after, key=lambda m: m[0])[2]) else "other"))
        else:
            out.append("plat:absent")
            if others:
                out.append("plat:absent_other" + (":deal" if any(p.name in other_deal for _, _, p in others) else ""))
        return tuple(out)

    def _around(self, fig: Figure, c: Clause) -> frozenset[str]:
        """What does not depend on the deal: the words around the figure, the cues among them, the nearest
        deal or event trigger (its kind, how far, which side of it the figure stands); once per figure."""
        key = (fig.start, fig.end)
        hit = self._near.get(key)
        if hit is not None:
            return hit
        text = self.text
        before = text[max(c.start, fig.start - 50):fig.start]
        after = text[fig.end:min(c.end, fig.end + 50)]
        low_before, low_after = lowered(before), lowered(after)
        out = {"pre:" + w[:7] for w in _WORD.findall(low_before or before.lower())[-3:]}
        out.update("post:" + w[:7] for w in _WORD.findall(low_after or after.lower())[:3])
        twin = _CUES_TWIN is not None and low_before is not None and low_after is not None
        if not twin:
            low_before, low_after = before, after  # re.I over the words as written
        first = _cues(twin, "any_pre", low_before)[0][1].search(low_before)  # most figures follow none: one search tells
        if first:  # and no cue begins before the first place one does (that search tried them all there)
            at = first.start()
            out.update(name for name, rx in _cues(twin, "pre", low_before) if rx.search(low_before, at))
        if _cues(twin, "any_post", low_after)[0][1].match(low_after):
            out.update(name for name, rx in _cues(twin, "post", low_after) if rx.match(low_after))
        trig = [t for t in c.triggers if t.group in ("deal", "event")]
        if trig:
            t = min(trig, key=lambda t: distance((t.start, t.end), (fig.start, fig.end)))
            out.add(f"trig:{t.kind}:{_bucket(distance((t.start, t.end), (fig.start, fig.end)))}")
            out.add("trig:" + ("fig_after" if fig.start >= t.end else "fig_before"))
        else:
            out.add("trig:none")
        hit = self._near[key] = frozenset(out)
        return hit

    def _money(self, d: Deal, fig: Figure, c: Clause) -> list[str]:
        m: Money = fig.value
        out = ["money:bound:" + m.bound]
        if m.in_parens:
            out.append("money:parens")
        if re.match(r"\s*(?:-|–|to|and)\s*[$€£₹]?\s*\d", self.text[m.end:m.end + 8]):
            out.append("money:range")
        out.extend("money:sum:" + name for name, rx in _SUMS if self._sum_near(rx, m))
        return out

    def _sum_near(self, rx: Caseless, m: Money) -> bool:
        """Do the words around a sum, in its sentence, say what `rx` says ("order backlog", "budget", "aid")?"""
        span = self._sentence_of.get(m.start)
        lo, hi = span if span else (m.start, m.end)
        return bool(rx.search(self.text, max(lo, m.start - 70), m.start) or rx.search(self.text, m.end, min(hi, m.end + 60)))

    def of_books(self, m: Money) -> bool:
        """Is the sum a firm's books ("an order backlog of $21 billion", "operating profit of 358.8 billion won")?
        Never a purchase's price. (Read once a sum: every deal of its sentences asks.)"""
        key = (m.start, m.end)
        hit = self._books.get(key)
        if hit is None:
            hit = self._books[key] = self._sum_near(_SUMS[0][1], m)
        return hit

    def _count(self, d: Deal, fig: Figure, c: Clause) -> list[str]:
        q = fig.value
        unit = (q.get("unit") or "") if isinstance(q, dict) else ""
        out = ["count:unit:" + (unit or "none")]
        cats = NOUN_CATEGORIES.get(unit)
        category = d.platform.category or ""
        if unit in _GENERIC_UNITS:
            out.append("count:unit_generic")
        elif cats is not None:
            out.append("count:unit_fits" if not cats or category in cats else "count:unit_misfits")
        elif any(u == unit for k, u in CATEGORY_UNIT.items() if k in category):
            out.append("count:unit_fits")
        else:
            out.append("count:unit_other")
        n = q.get("max") or q.get("min") or 0
        out.append("count:n:" + ("1" if n <= 1 else "2-9" if n < 10 else "10-99" if n < 100 else "100+"))
        if q.get("min") is None or q.get("max") is None:
            out.append("count:open")
        if fig.more:
            out.append("count:more:" + fig.more)
        if any(fig.start <= s and e <= fig.end for s, e, p in c.platforms if d.is_platform(p)):
            out.append("count:names_platform")
        if any(s <= fig.start < e for s, e, _ in c.platforms):
            out.append("count:in_a_name")  # "Leopard 2 tanks", "Type 056 corvettes": the number names the platform
        if unit in _GENERIC_UNITS and re.match(r"\s*of\b", self.text[fig.end:fig.end + 5]):
            out.append("count:units_of")  # "180 units of ammunition": what the units are of is not the platform
        return out

    def _date(self, d: Deal, fig: Figure, c: Clause) -> list[str]:
        dm: DateMention = fig.value
        out = ["date:prep:" + (dm.prep or "none"), "date:precision:" + (dm.precision or "none")]
        if dm.kind:
            out.append("date:kind:" + dm.kind)
        if reported_at(self.text, dm.start, c.start):
            out.append("date:reported")
        if part_before(self.text, max(c.start, dm.start - 90), dm.start):
            out.append("date:part_before")  # "the first four aircraft are expected in 2026": a first batch's date
        for kinds, name in ((("sign",), "sign"), (("deliver", "complete"), "deliver")):
            near = [t for t in c.triggers if t.group == "deal" and t.kind in kinds]
            if near:
                t = min(near, key=lambda t: distance((t.start, t.end), (dm.start, dm.end)))
                gap = distance((t.start, t.end), (dm.start, dm.end))
                lo, hi = min(t.end, dm.end), max(t.start, dm.start)
                out.append(f"date:{name}_trig:{_bucket(gap)}" + (":break" if lo < hi and _BREAK.search(self.text, lo, hi)
                                                                  else ""))
        if _SIGNED_BEFORE.search(self.text, max(c.start, dm.start - 110), dm.start):
            out.append("date:signed_before")
        elif dm.prep in ("in", "on", None) and _SIGNED_AFTER.match(self.text, dm.end, min(c.end, dm.end + 90)):
            out.append("date:signed_after")
        out.extend(self._date_sentence(fig.clause, c))
        if any(o is not dm and o.prep not in ("by", "until", "till", "before") for o in c.dates):
            out.append("date:another")
        if self.ref is not None and dm.value[:4].isdigit():
            y = int(dm.value[:4])
            out.append("date:year:" + ("past" if y < self.ref.year else "same" if y == self.ref.year else "future"))
        return out

    def _date_sentence(self, i: int, c: Clause) -> tuple[str, ...]:
        """What the date's sentence says of a signature (in the order `_date` adds them): read once a sentence, for
        every date of it."""
        hit = self._date_sents.get(i)
        if hit is None:
            sent = c.sent.text
            out = []
            if _APPROVAL.search(sent):
                out.append("date:approval")  # "the cabinet cleared the minister to sign the contract": no signature yet
            if _NONBINDING.search(sent):
                out.append("date:nonbinding")  # "signed memoranda of understanding on the purchase of"
            if _TO_SIGN.search(sent):
                out.append("date:to_sign")  # "is expected to sign the contract in March"
            hit = self._date_sents[i] = tuple(out)
        return hit

    def _percent(self, d: Deal, fig: Figure, c: Clause) -> list[str]:
        return []


def choose(probs: list[float], rule: int | None, threshold: float, rule_threshold: float | None) -> int | None:
    """Which candidate fills the field, if any: the likeliest, if it clears the threshold; the rules' own choice
    (`rule`) needs only to clear `rule_threshold`, whether it is the likeliest or the likeliest fell short."""
    k = max(range(len(probs)), key=lambda j: (probs[j], -j))
    bar = threshold if rule_threshold is None else rule_threshold
    if k == rule:
        return k if probs[k] >= bar else None
    if probs[k] >= threshold:
        return k
    return rule if rule is not None and probs[rule] >= bar else None


def rule_choice(g: Group) -> int | None:
    return next((k for k, f in enumerate(g.feats) if "rule:this" in f), None)


def apply(finder: DealFinder, deals: list[Deal], clauses: list[Clause], text: str, ref: date | None,
          model: Model) -> None:
    """Each deal's figures as the model decides them; the rules' stand for a field the model has no decision for.
    (Every figure the rules attached is a candidate: a field with no candidate was empty and stays so; a value the
    rules took from a firm's books is none.)"""
    decisions = model.figures or {}
    figures = Figures(finder, deals, clauses, text, ref)  # (which reads no rules' value from a firm's books)
    if "value" in decisions:
        for d in deals:
            if d.value is not None and figures.of_books(d.value):
                d.value = None
    groups = figures.groups(decisions)  # the fields it decides
    decided = {(id(g.deal), g.field) for g in groups}
    for d, f in figures.barred:
        if f in decisions and (id(d), f) not in decided:
            setattr(d, ATTR[f], None)  # the rules' only figure is one that may not fill the field
    for g in groups:
        decision = decisions.get(g.field)
        if decision is None:
            continue
        probs = [decision.probability(f) for f in g.feats]
        k = choose(probs, rule_choice(g), decision.threshold, decision.rule_threshold)
        shown = k if k is not None else max(range(len(probs)), key=lambda j: (probs[j], -j))
        setattr(g.deal, ATTR[g.field], None if k is None else g.figures[k].value)
        bar = decision.threshold if "rule:this" not in g.feats[shown] or decision.rule_threshold is None \
            else decision.rule_threshold
        g.deal.figure_why[g.field] = FieldWhy(probs[shown], bar, g.feats[shown], decision, k is not None,
                                              g.figures[shown].text)


NEAR = 5  # sentences: how far from a deal's own sentences one naming its platform may be to offer its figures


def _near(clauses: list[int]) -> set[int]:
    return {k + j for k in clauses for j in range(-NEAR, NEAR + 1)}
