"""The status of a deal: the stage its report gives it, and whether it is hedged.

Reads: a `Deal`'s claims (each sentence's stage trigger, hedge, negation, "pending" condition), its delivered,
remaining and ordered counts, and the sentences of its deliveries. Writes: one of the contract's seven statuses and
the hedged flag. The furthest stage any claim reaches wins, unless a claim cancels it; a hedged claim past an offer
counts as considered; a denied signature or delivery stands for the stage before it; a delivery reported whole, or
of every unit ordered, is completed. `refine` reads the words of the deal's sentences once the deals are decided:
a purchase only announced (or only its money approved) is considered, a delivery begun is in delivery.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import STAGES, Clause
from .dates import after
from .prefixes import Caseless

if TYPE_CHECKING:
    from datetime import date

    from .deals import Claim, Deal

_PART_TO_COME = Caseless(re.compile(
    r"\b(?:first|initial|second|third|fourth|next|batch(?:es)?|tranches?|lots?|phases?|remaining|remainder|"
    r"rest of|more|further|additional|so far|to date|yet to|still|until|by (?:the end of |mid-|early |late )?(?:\d{4}|next)|"
    r"will|would|shall|expected|due|scheduled|set to|to be (?:delivered|handed|supplied)|begin|began|begun|start(?:s|ed)?|"
    r"continu\w*|ongoing|out of|deliveries|not all)\b|"
    # "of the 48", not a calibre ("of the 155-mm guns") nor a year ("in the summer of 2019")
    r"\bof (?:the |its )?(?!(?:19|20)\d\d\b)\d+\b(?!-|\s?mm\b)", re.I))


def _reach(c: Claim) -> int:
    """The stage a claim reaches: a hedged one past an offer only a purchase considered ("may sign", "could buy",
    "has reportedly signed")."""
    if c.hedged and c.stage not in ("offer", "consider"):
        return 0
    return STAGES.index(c.stage)


def read(deal: Deal) -> tuple[str, bool]:
    """The deal's status and whether every claim that reaches it only says it may happen."""
    live = [c for c in deal.claims if not c.negated]
    if any(c.stage == "cancel" for c in live):
        return "cancelled", False
    best = -1
    for c in live:
        if c.stage not in STAGES:
            continue
        best = max(best, _reach(c))
    for c in deal.claims:
        if c.negated and c.stage in ("sign", "deliver"):
            best = max(best, STAGES.index(c.stage) - 1)
    if deal.delivered and best >= STAGES.index("sign"):
        best = max(best, STAGES.index("deliver"))
    if any(c.pending for c in live) and best == STAGES.index("sign"):
        best = STAGES.index("negotiate")
    if best < 0:
        best = 0
    stage = STAGES[best]
    if stage == "deliver" and deal.whole:
        stage = "complete"
    elif stage == "deliver" and deal.delivered and (deal.quantity or deal.total):
        total = (deal.quantity or deal.total).get("max") or (deal.quantity or deal.total).get("min")
        if total and deal.delivered.get("min") and deal.delivered["min"] >= total and not deal.remaining:
            stage = "complete"
    # hedged where every claim that reaches the reported stage only says it may happen
    at_stage = [c for c in live if c.stage in STAGES and _reach(c) >= min(best, STAGES.index("sign"))]
    hedged = bool(at_stage) and all(c.hedged for c in at_stage) and stage not in ("deliver", "complete")
    return {"consider": "considered", "offer": "offered", "negotiate": "negotiating", "sign": "signed",
            "deliver": "in_delivery", "complete": "completed"}[stage], hedged


def whole(deal: Deal, clauses: list[Clause]) -> bool:
    """Is a delivery reported as done and whole ("Russia handed six MiG-29s over to Serbia", "the tanks have
    arrived")? Not when a sentence of the deal leaves part of it to come: a first or next batch, the rest,
    deliveries so far, continuing or scheduled, a completion date ahead, a count delivered short of the order."""
    if deal.remaining or deal.expected:
        return False
    if deal.delivered and (deal.quantity or deal.total):
        total = (deal.quantity or deal.total).get("max") or (deal.quantity or deal.total).get("min")
        if not total or not deal.delivered.get("min") or deal.delivered["min"] < total:
            return False
    if any(c.negated for c in deal.claims):
        return False
    said = {c.clause for c in deal.claims if c.clause >= 0 and c.stage == "deliver"}
    return bool(said) and not any(_PART_TO_COME.search(clauses[i].sent.text) for i in said if i < len(clauses))


# a government's plan to buy, with no talks named: considered ("Peru will buy eight helicopters", "the government has
# decided to purchase eight F-16s")
_PLAN = Caseless(re.compile(r"\b(?:will|is to|are to|decided to|plans? to|is going to|are going to)\s+(?:also\s+)?"
                            r"(?:buy|acquire|purchase|procure|order)\b", re.I))
# talks proper (`_TALKS_PROPER`); `_TALKS` also counts discussions and the documents talks may lead to
_TALK_WORDS = r"talks|negotiat\w*|bargain\w*|agreement in principle|preliminary agreement"
_TALKS_PROPER = re.compile(rf"\b(?:{_TALK_WORDS})\b", re.I)
_TALKS = Caseless(re.compile(rf"\b(?:{_TALK_WORDS}|discuss\w*|memorandum|letter of intent)\b", re.I))
# a letter of intent signed: interest that may lead to a purchase, considered ("signed a letter of intent for the
# procurement of ten jets"); a memorandum "on the purchase of" stays talks (tests/test_rules.py)
_INTENT_WORDS = r"(?:letters?\s+of\s+intent|LoIs?\b)"
_INTENT = re.compile(rf"\b{_INTENT_WORDS}\b", re.I)
_INTENT_SIGNED = re.compile(r"\b(?:signed|signs|signing|inked|concluded)\s+(?:an?\s+|the\s+|two\s+)?(?:[\w\"'’-]+\s+){0,2}?"
                            + _INTENT_WORDS, re.I)
# talks denied: "though no formal negotiations have begun", "but little seems to have come of those talks"
_NO_TALKS = re.compile(r"\b(?:no\s+(?:formal\s+|official\s+|direct\s+|serious\s+|real\s+|concrete\s+)?|(?:little|nothing)\s+"
                       r"(?:\w+\s+){0,4}?(?:come|came)\s+of\s+(?:the\s+|those\s+|these\s+|such\s+)?)"
                       r"(?:negotiations?|talks|discussions)\b", re.I)
# a purchase still to be made: "Singapore will buy eight F-35s", "six Mi-17s will be purchased", "an agreement is to
# be signed", "cleared the minister to sign the contract"; and one made: "signed", "ordered", "bought"
_FUTURE_BUY = Caseless(re.compile(r"\b(?:(?:will|would|is to|are to|decided to|plans? to|planning to|intends? to|is going to|"
                         r"are going to)\s+(?:also\s+)?(?:buy|acquire|purchase|procure|order|take up|exercise)|"
                         r"(?:will|would|is to|are to)\s+be\s+(?:signed|purchased|bought|acquired|ordered|procured)|"
                         r"to\s+sign\s+(?:the|a)\s+(?:contract|deal|agreement))\b", re.I))
# money approved for a purchase, the contract still to come: "signed off on a budget of $9 billion for buying the
# aircraft", "the budget committee has approved spending of 10 billion euros for F-35 jets"
_MONEY_APPROVED = re.compile(r"\b(?:signed\s+off\s+on|approved|approves|cleared|authori[sz]ed|earmarked|set\s+aside|"
                             r"allocated)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:budget|spending|funding|funds|financing|money)\b", re.I)
# the words that suppose what follows, not tell it: "if", "unless", "once" (not "once again" / "once more": told
# again); also `events._SUPPOSED`
SUPPOSING = r"(?:if|unless|once(?!\s+(?:again|more)\b))"
# a signature only supposed: "if we signed an agreement today", "if Peru orders the jets"
_IF_SIGNED = re.compile(rf"\b{SUPPOSING}\s+(?:\w+\s+){{0,3}}?(?:signed|signs|sign|ordered|orders|order|bought|buys|"
                        r"buy)\b", re.I)
# units still to come: "six F-16s would be delivered by 2023", "the jets are to arrive in 2026"
_TO_COME = re.compile(r"\b(?:will|would|shall|is to|are to|expected to|due to|scheduled to|set to)\s+(?:be\s+)?"
                      r"(?:delivered|handed\s+over|supplied|shipped|arrive|reach)\b", re.I)
_DONE_BUY = Caseless(re.compile(r"\b(?:signed(?!\s+off\b)|signs(?!\s+off\b)|inked|concluded|sealed|clinched|struck|awarded|finali[sz]ed|ordered|"
                       r"placed\s+(?:an?\s+)?(?:order|contract)|bought|purchased|acquired|agreed\s+to\s+(?:buy|purchase|"
                       r"acquire|procure)|on\s+order|under\s+(?:the|a)\s+(?:deal|contract))\b", re.I))
# deliveries begun ("deliveries of the systems to India have begun", "Russia has started supplying the jets"), or
# going on ("Belarus has been receiving Su-30SM jets from Russia in recent years")
_BEGUN = Caseless(re.compile(r"\b(?:(?:deliveries|supplies|shipments)\s+(?:of\s+(?:the\s+)?(?:[\w/-]+\s+){1,7})?(?:to\s+[\w-]+\s+)?"
                    r"(?:have|has|had)\s+(?:already\s+)?(?:begun|started|commenced)|(?:has|have|had)\s+(?:already\s+)?"
                    r"(?:begun|started|commenced)\s+(?:delivering|supplying|deliveries|shipping)|"
                    r"(?:began|started)\s+(?:delivering|supplying|deliveries)|"
                    # "started taking delivery of 100 T-90s", "has taken receipt of the first of four submarines"
                    r"(?:began|begun|started)\s+(?:taking\s+delivery|to\s+take\s+delivery|receiving|to\s+receive)|"
                    r"(?:took|taken|takes|taking)\s+(?:receipt|delivery|possession)\s+of\s+(?:the\s+|its\s+|their\s+)?first|"
                    r"(?:has|have|had)\s+been\s+(?:inducting|receiving|"
                    r"taking\s+delivery|delivering|supplying|getting))\b", re.I))


# the rest of an order, still to come ("three more are on order", "the remaining ten to be delivered")
_THE_REST = r"\b(?:more|others?|the rest|remaining)\b[^.;]{0,30}?\b(?:on order|to come|to be delivered"


_RANK = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
         r"(?!\s+and\s+(?:last|final)\b)")
# a unit of an order received, named by its rank after the verb: "received its third Littoral Mission Ship",
# "commissioned its second frigate", "held the commissioning ceremony of its first submarine"; not "the third and
# last" (the whole: `_LAST_DONE`); deliveries begun at a date: "Deliveries of the vehicles began in 2010". Read only
# where the deal's own platform is named in it or right after it (`_ranked_for`): "received its first P-8I aircraft
# and has now signed for 26 Rafale M" delivers no Rafale. (Out of fold over the training reports, read over the whole
# sentence: 3 statuses right that were wrong, 1 lost, the one another platform's; session 25)
_RANKED = Caseless(re.compile(
    r"\b(?:received|receives|accepted|commissioned|inducted)\s+(?:its|their)\s+" + _RANK + "|"
    r"\bcommissioning\s+(?:ceremony\s+)?(?:of|for)\s+(?:its|their|the)\s+" + _RANK + "|"
    r"\bdeliveries\s+(?:of\s+[^.;]{0,60}?)?(?:began|started|commenced)\s+(?:in|on|last|early|late|this)\b", re.I))


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|whereas|as|after|before|when)\s", re.I)


def _ranked_for(deal: Deal, text: str) -> bool:
    """Does `_RANKED` tell a unit of this deal's platform received in `text`: its name within the match or in the
    few words after it, up to a clause break ("received its first P-8I aircraft in 2013 and has now signed for 26
    Rafale M": the P-8I's alone)?"""
    names = {deal.platform.name.casefold()} | {m.text.casefold() for m in deal.platform.mentions}
    for m in _RANKED.finditer(text):
        after = _CLAUSE_BREAK.split(text[m.end():m.end() + 50], maxsplit=1)[0]
        near = (m.group(0) + after).casefold()
        if any(n and n in near for n in names):
            return True
    return False


# part of an order already delivered, the rest to come ("the first four vehicles have arrived", "Pakistan took
# the first frigate into its fleet", "the delivery of the first six howitzers", "final deliveries are expected")
_UNDER_WAY = Caseless(re.compile(
    r"\b(?:first|initial|latest)\s+(?:[\w\"'’.-]+\s+){0,6}?(?:have|has|had|were|was)\s+(?:already\s+|now\s+)?"
    r"(?:arrived|reached|landed|touched down|been delivered|been handed over|been received|been inducted|"
    r"been commissioned|begun to arrive|started to arrive|delivered|handed over|inducted|commissioned)|"
    r"\b(?:took|taken|takes)\s+(?:\w+\s+)?into\s+(?:its|their|the)\s+(?:\w+\s+)?(?:fleet|service|inventory)\s+"
    r"(?:its\s+|their\s+|the\s+)?(?:first|initial)|"
    r"\b(?:begun|began|started)\s+(?:to\s+)?arriv\w*|"
    # one unit past the first arrived, so not all: "the fourth of the helicopters arrived", "the third submarine was
    # handed over", "the fifth boat has reached Cam Ranh Bay", "the second submarine, S-42, has reached Alexandria"
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+"
    r"(?:(?!(?:will|would|be|to|is|are|due|expected|scheduled|set|batch|lot|tranche|order|contract|deal|final|last)\b)"
    r"[\w\"'’.-]+,?\s+){0,6}?(?:(?:has|have|had|was|were)\s+(?:already\s+|now\s+|also\s+)?(?:been\s+)?)?"
    r"(?:arrived|reached|landed|delivered|handed\s+over|received|inducted|commissioned)\b|"
    r"\b(?:first|initial)\s+(?:(?!(?:will|would|be|to|is|are|due|expected|scheduled|set)\b)[\w-]+\s+){0,4}?"
    r"(?:arriving|arrived|landed|delivered\s+(?:in|on|last|to))\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:[\w-]+\s+){0,5}?(?:have|has)\s+"
    r"(?:already\s+|now\s+)?(?:reached|arrived\s+(?:in|at)|landed\s+(?:in|at))\b|"
    r"\b(?:watched|attended|marked|celebrated|welcomed)\s+the\s+(?:delivery|arrival|handover)\s+of\s+the\s+first|"
    # the rest of an order still to be delivered, so part of it came: "the remaining nine jets are to be delivered
    # next year", "the rest of the tanks will arrive in 2026"
    r"\bthe\s+(?:remaining|rest\s+of\s+the)\s+(?:(?!(?:will|would|be|to|is|are|due|expected|scheduled|set|built|"
    r"produced|assembled|made)\b)[\w-]+\s+){0,5}?(?:are|is|will|would|shall)\s+(?:(?:due|expected|scheduled|set|"
    r"slated)\s+)?(?:to\s+)?(?:be\s+)?(?:delivered|handed\s+over|supplied|shipped|arrive)\b|"
    r"\b(?:final|remaining|last)\s+(?:deliveries|batch(?:es)?|tranches?)\s+(?:\w+\s+){0,6}?"
    r"(?:are|is)\s+(?:now\s+)?(?:expected|due|scheduled)|"
    r"\balready\s+(?:has|have|operates?|received)\s+[^.;]{0,80}?" + _THE_REST + r"|(?:is|are)\s+due)", re.I))
# a count of the order still to come: a completed delivery is only in delivery ("the first batch of four F-16s",
# "the first of the four frigates", "three more are on order", "scheduled to be fully delivered by 2028"); read
# only with `_UNDER_WAY` beside it (`_told_in_part`), which has "begun to arrive"
_PART_ONLY = Caseless(re.compile(
    r"\b(?:first|initial)\s+(?:batch|lot|tranche|consignment|shipment|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+|of\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|"
    r"\w+\s+ordered))\b|"
    + _THE_REST + r")\b|"
    r"\b(?:fully|completely)\s+delivered\s+by\b", re.I))
# an earlier purchase, not a first part of this one: "the air force acquired its first 12 jets in 2014"
_FIRST_BOUGHT = re.compile(r"\b(?:acquired|bought|ordered|purchased)\s+(?:its|their|the)\s+first\b", re.I)
# a fleet the platform serves in: a purchase long delivered ("the air force fleet, which includes Mi-17
# helicopters", "the 12 Mirage jets it now flies", "the frigate now sails in the Egyptian Navy")
_FLEET_BEFORE = Caseless(re.compile(
    r"(?:\b(?:fleet|inventory|arsenal|hardware|equipment)\b[^.;:]{0,60}?\b(?:includes?|including|comprises|"
    r"consists\s+of)\b[^.;:]{0,80}|\bfleet\s+of\s+(?:its\s+|their\s+)?(?:older\s+|ageing\s+|aging\s+)?"
    r"(?:[\w-]+\s+(?:and\s+)?){0,3})$", re.I))
_FLEET_AFTER = Caseless(re.compile(
    r"^[^.;:]{0,60}?\b(?:(?:it|they|which|that)\s+(?:now|currently|still)\s+(?:flies|fly|operates?|uses?)|"
    r"now\s+(?:sails?|serves?|flies|fly)\s+(?:in|with)\b)", re.I))


# a contract said to be still unsigned: "though no contract has yet been signed", "the contract will be signed by
# the end of the year", "have not yet signed the contract", "expects to sign an agreement"
_NOT_YET_SIGNED = re.compile(
    r"\b(?:no\s+(?:final\s+|formal\s+|firm\s+)?(?:contracts?|deals?|agreements?)\s+(?:[^.;,]{0,40}?\s+)?(?:has|have|had)\s+"
    r"(?:yet\s+)?been\s+"
    r"(?:signed|concluded|finali[sz]ed)|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:signed|finali[sz]ed|concluded)|"
    r"yet\s+to\s+(?:be\s+)?(?:sign|finali[sz]|conclud)\w*|(?:will|would|is\s+to|are\s+to)\s+be\s+(?:signed|"
    r"finali[sz]ed|concluded)|expects?\s+to\s+sign|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to\s+be\s+signed)\b", re.I)
_SIGNS = re.compile(r"\b(?:signed(?!\s+off\b)|signs(?!\s+off\b)|inked|sealed|clinched|awarded|ordered|placed\s+(?:an?\s+)?(?:order|contract))\b",
                    re.I)  # ... in a sentence that signs nothing itself ("signed for 12 jets; the support deal is yet to be")


# a deal near, not made: "India is nearing a deal to purchase 36 jets", "Egypt is close to concluding a $3bn deal",
# "the two sides are expected to seal the deal next week"; read only in a sentence naming the deal's buyer (`_near`):
# "we are close to concluding a deal with one Asian country" tells another sale than the one beside it
_NEAR_DEAL = re.compile(
    r"\b(?:(?:nearing|close\s+to|closer\s+to)\s+(?:(?:concluding|completing|finali[sz]ing|signing|sealing|clinching|"
    r"striking)\s+)?|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to\s+(?:sign|seal|ink|conclude|finali[sz]e|clinch)\s+)"
    r"(?:a|an|the)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:deal|agreement|contract)\b", re.I)


def _near(deal: Deal, clauses: list[Clause]) -> bool:
    """Does a sentence of the deal that names its buyer tell a deal near (`_NEAR_DEAL`), signing nothing itself?"""
    for i in sorted({c.clause for c in deal.claims} | set(deal.clauses)):
        if 0 <= i < len(clauses):
            c = clauses[i]
            if deal.recipient in {ent.code for _, _, ent in c.countries if ent.code} and _NEAR_DEAL.search(
                    c.sent.text) and not _SIGNS.search(_NEAR_DEAL.sub(" ", c.sent.text)):
                return True
    return False


# a supplier government's approval of a possible sale, the buyer's signature still to come: offered ("the State
# Department approved the possible sale of 20 F-16s", "Washington has cleared the sale of up to 220 Tomahawks")
_APPROVED_SALE = re.compile(
    r"\b(?:(?:approved|approves|approving|cleared|clears|authori[sz]ed|authori[sz]es)\s+(?:a\s+|the\s+)?(?:proposed\s+|"
    r"possible\s+|potential\s+)?(?:foreign\s+military\s+)?sale|(?:possible|proposed)\s+(?:foreign\s+military\s+)?sale)\b",
    re.I)


# a signature an approval is said not to be: "the notification does not mean that a contract has been signed"
_NOT_MEANT = re.compile(r"\b(?:(?:does|do|did)\s+not\s+(?:\w+\s+)?|doesn[’']t\s+)mean\s+(?:that\s+)?[^.;]{0,60}?"
                        r"\b(?:signed|concluded|finali[sz]ed|awarded|ordered)\b", re.I)


# the rest of an order still to come, in words that give no count ("with the rest due next year", "more will
# follow", "not all have arrived"); read only beside `_told_in_part`, whose counts and first units it leaves to it
_REST = re.compile(r"\b(?:the rest|remaining|remainder|more (?:will|would|are|is|to)|so far|to date|yet to|still to|"
                   r"not all|of the \d+)\b", re.I)


# the last of an order delivered, so all of it: "has handed over the last of 63 helicopters", "delivered the final two
# of its patrol ships", "the sixth and last aircraft has been delivered", "completing deliveries of the 24 jets"; not
# "last year", "the last time", nor a last unit still to come ("the last is due in 2027", "will hand over the last")
_LAST = r"(?:last|final)\b(?!\s+(?:year|month|week|decade|time|night|spring|summer|autumn|fall|winter)\b)"
# a part of an order, not the whole: "the first six", "the initial batch" (but "the third and last" is the whole)
_PART = r"(?:(?:first|initial|second|third|next)\b(?!\s+and\s+(?:last|final)\b)|(?:batch|tranche|lot|phase|part)\b)"
_LAST_DONE = Caseless(re.compile(
    r"(?<!will )(?<!would )(?<!to )(?<!be )\b(?:delivered|handed(?:\s+over)?|received|took\s+delivery\s+of|"
    r"taken\s+delivery\s+of|transferred|commissioned|inducted)\s+(?:\w+\s+){0,2}?the\s+(?:[\w-]+\s+and\s+)?" + _LAST +
    r"(?:\s+[\w-]+){0,2}?\s+of\b|"
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+and\s+)?" + _LAST
    + r"\s+(?:[\w\"'’().&-]+,?\s+){0,9}?(?:has|have|had|was|were)\s+"
    r"(?:now\s+|already\s+|also\s+)?(?:been\s+)?(?:delivered|handed\s+over|received|commissioned|inducted)\b|"
    r"\bcomplet(?:ed|ing|es)\s+(?:the\s+)?(?:deliver(?:y|ies)|handover|transfer)\s+of\b|"
    # "has finished delivering the third and last", "the delivery of nine helicopters ... was completed", "all the
    # aircraft had been delivered by 2011", "all 12 were delivered between 2015 and 2017"
    r"\b(?:finish(?:ed|es|ing)|complet(?:ed|es|ing))\s+(?:the\s+)?deliver(?:ing|ies\s+of)\b"
    r"(?!\s+(?:the\s+|its\s+)?" + _PART + r")|"
    r"\b(?:delivery|deliveries|handover|transfer)\s+of\s+(?:the|its|their|all|\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)\s+(?!" + _PART + r")[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:also\s+|now\s+|fully\s+|finally\s+)?completed\b|"
    # not "all but six have been delivered", "not all have been", "all of them will have been delivered by 2027"
    r"(?<!not )\ball\s+(?!but\b)(?:the\s+|of\s+the\s+|its\s+|their\s+)?"
    r"(?:\d+\s+|(?!(?:will|would|should|could|must|may|might|to|not|but|yet)\b)[a-z-]+\s+){0,3}?"
    r"(?:have|has|had|were|was)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:delivered|handed\s+over|received)\b|"
    # a handover that completes the order: "has handed over two warships to Pakistan, completing a deal for four
    # frigates", "the last jets arrived and completed the contract"
    r"\b(?:delivered|handed\s+over|commissioned|arrived|received|transferred)\b[^.;]{0,120}?(?:,\s*|\band\s+|\bthus\s+|"
    r"\bwhich\s+)complet(?:ed|ing|es)\s+(?:a|an|the|its|their)\s+"
    # ... the order itself, not a part of it or talks on it ("completing the first phase of the order")
    r"(?:(?!(?:of|for|on|phase|stage|part|talks|negotiations?|first|second|initial)\b)[\w$€£.,-]+\s+){0,4}?"
    r"(?:deal|contract|order)\b", re.I))


def _told_in_part(cited: list[str]) -> bool:
    """Does a sentence of the deal tell a delivery only in part: a count still to come, first units arrived, or
    deliveries begun?"""
    return any(_PART_ONLY.search(_FIRST_BOUGHT.sub(" ", t)) or _UNDER_WAY.search(t) or _BEGUN.search(t)
               for t in cited)


# any word of a delivery made or under way ("arrived", "handed over", "in service", "three more are on order")
_DELIVERY_SAID = re.compile(
    r"\b(?:deliver\w*|arriv\w*|received|receiving|hand(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,6}?over|handover|induct\w*|"
    r"(?:took|taken|taking|takes)\s+(?:delivery|receipt)|commissioned|supplied|supplying|exported|transferred|shipped|shipments?|"
    r"reached|landed|in\s+service|operat\w+|fleet|on\s+order|already\s+(?:has|have|had|owns?))\b", re.I)


# the platform said operated by, or in service with, a country ("the air force operates them", "the jets are in
# service with the Peruvian army", "already flies the F-16"): read only in a sentence naming the deal's buyer and
# no other country but its seller (`_operated`)
_OPERATED_BEFORE = Caseless(re.compile(
    r"\b(?:operates|already\s+(?:uses?|flies|fly|operates?))\s+(?:(?:the|its|their|\d+|[\w-]+)\s+){0,3}$", re.I))
_OPERATED_AFTER = Caseless(re.compile(
    r"^[^.;:]{0,80}?\b(?:(?:operates?|flies|fly|uses?)\s+(?:them|it|these|those)\b|(?:is|are|were|remains?)\s+"
    r"(?:already\s+|currently\s+|now\s+|still\s+)?(?:in\s+service\s+(?:with|in)|operated\s+by|flown\s+by|"
    r"used\s+by)\b)", re.I))


# a delivery told as still to come, not made: "will hand over a second cutter", "are to be delivered in 2027",
# "is expected to arrive next spring", "are due to land tomorrow", "a contract to supply 20 howitzers"; taken out of a
# sentence before `_DELIVERY_SAID` (and `figures_decide._DELIVERY_TOLD`) is read in it
DELIVERY_TO_COME = re.compile(
    r"\b(?:will|would|shall|could|is\s+to|are\s+to|(?:is|are)\s+(?:expected|due|scheduled|set)\s+to|"
    r"(?:plans?|planned|promised|agreed)\s+to|to)\s+(?:also\s+|then\s+|soon\s+|only\s+)?(?:be\s+)?"
    r"(?:deliver\w*|hand(?:ed)?\s+(?:[\w-]+\s+){0,6}?over|supply|supplied|ship(?:ped)?|arrive|reach|land|"
    r"receive|received|turned\s+over|transferred|transfer|inducted|commissioned)\b", re.I)


def _operated(deal: Deal, c: Clause, before: str, after: str) -> bool:
    """Is the platform, between `before` and `after`, said to be operated by the deal's buyer?"""
    if not (_OPERATED_BEFORE.search(before) or _OPERATED_AFTER.search(after)):
        return False
    named = {ent.code for _, _, ent in c.countries if ent.code}
    # ... all of them: not where the sentence tells a part ("the first two of the 12 jets are operated by")
    return deal.recipient in named and not named - {deal.recipient, deal.supplier} and \
        not _REST.search(c.sent.text) and not _told_in_part([c.sent.text])


def _in_fleet(deal: Deal, clauses: list[Clause]) -> bool:
    """Is the deal's platform named, in one of its sentences, as serving in a fleet, or operated by its buyer?"""
    for i in sorted({c.clause for c in deal.claims} | set(deal.clauses)):
        if not 0 <= i < len(clauses):
            continue
        c = clauses[i]
        if c.has("modifier", "follow_on"):
            continue  # "an order for a dozen more Su-30s to add to its fleet of Su-30s": a new order beside the fleet
        text = c.sent.text
        for s, e, p in c.platforms:
            if not deal.is_platform(p):
                continue
            before, after = text[max(0, s - c.start - 160):s - c.start], text[e - c.start:e - c.start + 80]
            if _FLEET_BEFORE.search(before) or _FLEET_AFTER.search(after) or _operated(deal, c, before, after):
                return True
    return False


def refine(deal: Deal, status: str, clauses: list[Clause], ref: date | None = None) -> str:
    """The status `read` gives, read again in the words of the deal's sentences (for the record only: the deal
    decision has already weighed `read`'s): a purchase only announced ("will buy"; "... they would be delivered by
    2023" beside it signs nothing), or whose talks a sentence denies
    ("no formal negotiations have begun"), is considered, not negotiated;
    a signed deal whose deliveries a sentence says have begun, or whose first units have arrived, is in delivery;
    a deal in delivery with a count delivered but none ordered nor left to come is completed, and a completed one
    whose completion date falls after the report (`ref`) is in delivery;
    a delivery said complete whose sentences leave part of the order to come, or say deliveries have begun or go on
    ("has been receiving"), is in delivery; a signed purchase
    whose platform a sentence names as serving in a fleet is completed; a signed deal whose contract a sentence
    (signing nothing itself) says is still unsigned is negotiating, and one whose every signature is a government's
    approval of a possible sale is offered, and so is one a sentence of which tells such an approval while none of its
    signatures tells a contract signed or a purchase made ("the notification does not mean that a contract has been
    signed" signs nothing); a deal in delivery with no count delivered whose sentences say nothing
    of a delivery, or tell it only as still to come ("will hand over", "are due to arrive"), is signed, and so is a
    completed one whose sentences tell a delivery only as still to come; a deal one of whose sentences tells the last
    of it delivered ("handed over the last of 63 helicopters", "the sixth and last jet has been delivered") is
    completed, whatever first part another sentence tells, and so is one a handover of which completes it ("handed over
    two warships, completing a deal for four frigates"). Sentences that only approve the money ("signed off on a
    budget for buying the jets") or only suppose a signature ("if we signed an agreement today") sign nothing: where
    they are all a deal's signatures say, it is considered."""
    live = [c for c in deal.claims if not c.negated and 0 <= c.clause < len(clauses)]
    cited = [span.text for span in deal.evidence] or [clauses[c.clause].sent.text for c in live]
    if status == "negotiating":
        said = [clauses[c.clause].sent.text for c in live if c.stage == "negotiate"]
        if said and all(_PLAN.search(t) for t in said) and not any(_TALKS.search(t) for t in said + cited):
            return "considered"
        if said and all(_NO_TALKS.search(t) for t in said):
            return "considered"
        if said and all(_INTENT.search(t) and not _TALKS_PROPER.search(t) for t in said):
            return "considered"  # a letter of intent that may lead to a purchase, no talks named
    if status == "signed":
        said = [clauses[c.clause].sent.text for c in live if c.stage == "sign"]
        # ... beside which a sentence only says when the units will come ("would be delivered by 2023"), only approves
        # the money ("signed off on a budget of $9 billion for buying the jets") or only supposes a signature ("if we
        # signed an agreement today") signs nothing, unless it tells the plan itself
        aside = [t for t in said if (_TO_COME.search(t) or _MONEY_APPROVED.search(t) or _IF_SIGNED.search(t))
                 and not _DONE_BUY.search(_IF_SIGNED.sub(" ", t)) and not _FUTURE_BUY.search(t)]
        plans = [t for t in said if t not in aside]
        if plans and all(_FUTURE_BUY.search(t) and not _DONE_BUY.search(_FUTURE_BUY.rx.sub(" ", t)) for t in plans):
            return "considered"
        if said and not plans and all(_MONEY_APPROVED.search(t) or _IF_SIGNED.search(t) for t in said):
            return "considered"  # money approved or a signature supposed, no contract: a purchase considered
        if said and all(_INTENT_SIGNED.search(t) and not _DONE_BUY.search(_INTENT_SIGNED.sub(" ", t))
                        and not _TALKS_PROPER.search(t) for t in said):
            return "considered"  # "signed a letter of intent for the acquisition of jets": no contract signed
        if said and all(_APPROVED_SALE.search(t) and not _SIGNS.search(t) for t in said):
            return "offered"
        if said and any(_APPROVED_SALE.search(clauses[c.clause].sent.text) for c in live) and not any(
                _SIGNS.search(u) or _DONE_BUY.search(u) for u in (_NOT_MEANT.sub(" ", t) for t in said)):
            # the approval of a possible sale beside sentences that only name the deal ("the prime contractors on
            # the deal are ..."), none telling a signature or a purchase made: offered
            return "offered"
    if status == "signed" and not deal.delivered and any(
            _NOT_YET_SIGNED.search(t) and not _SIGNS.search(_NOT_YET_SIGNED.sub(" ", t)) for t in cited):
        return "negotiating"
    if status == "signed" and not deal.delivered and _near(deal, clauses):
        return "negotiating"
    if status == "signed" and not deal.follow_on and _in_fleet(deal, clauses):
        return "completed"
    if status == "signed" and any(_BEGUN.search(t) or _UNDER_WAY.search(t) or _ranked_for(deal, t) for t in cited):
        return "in_delivery"
    if status in ("in_delivery", "completed") and not deal.delivered and (
            status == "in_delivery" or any(DELIVERY_TO_COME.search(t) for t in cited)) and not any(
            _DELIVERY_SAID.search(DELIVERY_TO_COME.sub(" ", t)) for t in cited):
        # a delivery no sentence of the deal speaks of ("construction of the first frigate"), or speaks of only as
        # still to come ("the Coast Guard will hand over a second cutter late this month"); a completed purchase,
        # only the latter (one bought long ago may be told with no word of its delivery)
        return "signed"
    if status == "in_delivery" and deal.delivered and not (deal.quantity or deal.total) and not deal.remaining \
            and not deal.expected:
        # a count delivered with no count ordered, nothing left to come nor a completion date ahead: the delivery
        # is the purchase, whole ("Russia handed six MiG-29s over to Serbia"), unless a sentence of it tells only a
        # part (the rest to come, a first batch, deliveries begun)
        return status if any(_REST.search(t) for t in cited) or _told_in_part(cited) else "completed"
    if status in ("signed", "in_delivery", "completed") and not deal.follow_on and any(
            _LAST_DONE.search(t) for t in cited):
        return "completed"  # the last of the order delivered: the whole of it, whatever first part a sentence tells
    if status == "completed" and _told_in_part(cited):
        return "in_delivery"
    if status == "completed" and deal.expected is not None and after(deal.expected, ref):
        return "in_delivery"  # deliveries still to be completed after the report ("all 50 tanks by next year")
    return status
