"""Deals: one per distinct procurement the article reports.

Reads: the `Clause`s of the article. Writes: `Deal`s with their status, dates,
value, quantities, technology transfer, local partners and evidence.

Two passes. The first finds every platform named near a deal trigger
("signed ... 26 Rafale", "evaluates contenders like Rafale") and opens a deal
for it, with the recipient read from the sentence (or the discourse) and the
supplier from the platform's origin; "more", "additional" or "further" open a
follow-on deal beside the first. The second pass walks the sentences again
and attaches what each says to the deals it speaks of: by naming the
platform, by a category noun ("the jets", "tanks and howitzers"), or by
anaphora ("the deal", "the contract", "the remaining two").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..catalogue import Catalogue, load
from ..model import Span
from .context import NO_PURCHASE_ACCORDS, STAGES, Clause, Trigger
from .dates import DateMention, reported_at
from .entities import Entities, Entity, alnum, same_kind, state_buyer
from .numbers import NUM, parse_number
from .prefixes import Caseless
from .spans import distance
from .status import read as read_status
from .status import whole as delivered_whole
from .tenses import CAME, HAVE, REACHED, WAS
from .values import Money, Percent, Quantity

_WINDOW = 90  # characters between a trigger and the platform it speaks of
# a sentence that refers back to a deal or its platforms ("the contract", "these jets", "its price", "the remaining
# units"); only whether one is there is asked. Written so that `re` skips to the first letters of the words that
# begin it (a leading `\b` made it try every character; `W(?<!\w.)ord` says what `\bWord` says), and the one
# branch that must open the sentence ("Deliveries ...") matched there alone (`_ANAPHOR_OPENS`)
_DEAL_NOUNS = r"(?:deal|contracts?|agreement|order|purchase|acquisition|deliveries|delivery|consignment|procurement)\b"
_THING_NOUNS = (r"(?:systems?|missiles?|jets?|aircraft|fighters?|drones?|helicopters?|tanks?|howitzers?|rifles?|weapons?|"
                r"squadrons?|batteries|regiments?|vessels?|ships?|submarines?|planes?|warplanes?|guns?|launchers?|"
                r"fighter jets?)\b")
_OF_DEAL = r"\s+(?:\w+[\s-]){0,3}?" + _DEAL_NOUNS  # "the (new arms) deal"
_OF_THINGS = r"\s+(?:[\w-]+\s){0,3}?" + _THING_NOUNS  # "these (F-16) jets"
_OF_PRICE = r"\s+(?:\w+\s){0,2}?(?:price|cost|value|contract value)\b"  # "its (total) price"
_ANAPHOR_CASELESS = Caseless(re.compile(
    rf"t(?<!\w.)(?:(?:he|his|hat|hese|hose|heir){_OF_DEAL}|(?:he|hese|hose|heir){_OF_THINGS}|(?:he|heir){_OF_PRICE})"
    rf"|i(?<!\w.)ts(?:{_OF_DEAL}|{_OF_THINGS}|{_OF_PRICE})|a(?<!\w.)n?{_OF_DEAL}|s(?<!\w.)uch{_OF_DEAL}"
    r"|r(?<!\w.)emaining\b|o(?<!\w.)utstanding\b", re.I))
_ANAPHOR_OPENS = Caseless(re.compile(r"\W*(?:deliveries|delivery)\b", re.I))
NOUN_CATEGORIES = {
    "tank": ("main battle tank", "armoured vehicle", "infantry fighting vehicle"),
    "howitzer": ("self-propelled howitzer", "towed howitzer"),
    "jet": ("fighter aircraft", "trainer aircraft", "attack aircraft", "bomber aircraft"),
    "fighter": ("fighter aircraft",), "warplane": ("fighter aircraft", "attack aircraft", "bomber aircraft"),
    "aircraft": ("fighter aircraft", "trainer aircraft", "transport aircraft", "tanker aircraft", "attack aircraft",
                 "maritime patrol aircraft", "airborne early warning aircraft", "bomber aircraft", "reconnaissance aircraft"),
    "plane": ("fighter aircraft", "transport aircraft", "trainer aircraft", "maritime patrol aircraft"),
    "helicopter": ("attack helicopter", "military transport helicopter", "utility helicopter", "naval helicopter"),
    "drone": ("unmanned aerial vehicle", "loitering munition"), "uav": ("unmanned aerial vehicle",),
    "missile": ("cruise missile", "anti-ship missile", "ballistic missile", "surface-to-air missile", "air-to-air missile",
                "anti-tank missile", "air-to-surface missile", "hypersonic missile", "air defence system"),
    "rifle": ("assault rifle", "small arms"), "submarine": ("submarine",), "frigate": ("frigate",),
    "corvette": ("corvette",), "destroyer": ("destroyer",), "ship": ("frigate", "corvette", "destroyer", "patrol vessel",
                                                                     "amphibious ship", "aircraft carrier", "auxiliary ship"),
    "vessel": ("patrol vessel", "frigate", "corvette", "auxiliary ship", "mine countermeasures vessel"),
    "system": (), "radar": ("radar",), "launcher": ("rocket artillery",), "engine": ("aircraft engine", "naval engine"),
}
_NOUN_ALT = "|".join(sorted(NOUN_CATEGORIES, key=len, reverse=True))
_NOUN_RE = re.compile(rf"\b({_NOUN_ALT})(?:s|es)?\b", re.I)
_NOUN_RE_CASELESS = Caseless(_NOUN_RE)
_NOT_VALUE = Caseless(re.compile(r"(?:additional|extra|development|overrun|budget|gdp|revenue|sales|market|"
                        r"shares?|spending|turnover|whole deal|entire deal|loan|credit|aid|assistance|exports? (?:worth|of)|exported|"
                        r"trade|costs?\s+of\s+between|between)\W+(?:\w+\W+){0,4}$", re.I))
_NOT_VALUE_AFTER = Caseless(re.compile(r"\s*(?:\w+\s+){0,2}?(?:development|programme|program|budget|loan|credit line|aid|package of aid)\b", re.I))
_EXPLICIT_SIGN = re.compile(r"(?:signed|signs|signing|inked|clinched|concluded|sealed|struck|awarded|finali[sz]ed|placed|ordered|agreed to)", re.I)
CATEGORY_UNIT = {
    "aircraft": "aircraft", "helicopter": "helicopter", "unmanned aerial vehicle": "drone", "loitering munition": "drone",
    "main battle tank": "tank", "self-propelled howitzer": "howitzer", "towed howitzer": "howitzer", "submarine": "submarine",
    "frigate": "frigate", "corvette": "corvette", "destroyer": "destroyer", "air defence system": "system",
    "assault rifle": "rifle", "infantry fighting vehicle": "vehicle", "armoured personnel carrier": "vehicle",
    "armoured vehicle": "vehicle", "rocket artillery": "launcher", "patrol vessel": "vessel", "radar": "radar",
}
_ORDER_LIST = Caseless(re.compile(
    rf"\b(?:orders?\s+for|ordered|bought|acquired|purchased|signed\s+for)\s+(?:(?:some|about|around)\s+)?(?P<n1>{NUM})\b"
    rf"(?!\s*(?:%|per|percent|billion|million|crore|lakh|more|additional|[\w-]+\s+(?:jets?|aircraft|units|systems)))(?P<r1>[^,;.]{{0,40}}?)"
    rf"(?:(?:,?\s+and|,)\s+(?:a\s+further|another|an\s+additional|an\s+extra|further)\s+(?P<n2>{NUM})\b(?P<r2>[^,;.]{{0,40}}))?(?=[,;.]|$)",
    re.I))
# an order named as what another thing is part of: "has received 20 K9 howitzers under a 2017 order for 24", "the
# first six, part of an order for 18", "delivered from an order for 36": the order of that delivery, not a list of orders;
# the order a noun right after those words (not "India, a buyer of the Su-30MKI from Russia, ordered 12 ...", where
# the preposition is another phrase's and the verb a purchase of its own)
_ORDER_OF_ANOTHER = re.compile(r"\b(?:under|part\s+of|of|from|within|against)\s+(?:a|an|the|its|their|this|that)\s+"
                               r"(?:[\w$€£.'’-]+\s+){0,3}$", re.I)
_ORDER_NOUN = re.compile(r"orders?\s", re.I)
# a count told as part of what the report named before: "bought three of the aircraft", "ordered 20 of them"
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|its|their|these|those)\b", re.I)
# a purchase signed with the deal a sentence before reports: "The UAE also agreed to purchase 12 Caracal", "Under the
# deal, Hanwha will supply K10 resupply vehicles", "the army will also get 15 K10s under the deal, which was signed..."
_ALSO_SIGNED = re.compile(r"\balso\s+(?:\w+\s+){0,2}?(?:agreed|signed|ordered|bought|purchased|acquired|placed)|"
                          r"\bunder\s+(?:the|this|that)\s+(?:same\s+)?(?:deal|contract|agreement|package)\b", re.I)
_FROM = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+from\s+(?:the\s+)?(?=[A-Z])")
# a country that gives, sells or sends the platform is its supplier, whoever made it ("India gifted a Dornier 228
# to Sri Lanka", "Qatar sold its Mirage 2000-5 jets to Indonesia"); and the one it was given by
_GIVES = (r"(?:gave|gives|given|gifted|gifts|donated|donates|sold|sells|supplied|supplies|delivered|delivers|"
          r"transferred|transfers|handed\s+over|hands\s+over|exported|exports|sent|sends|shipped|ships|provided|"
          r"provides|leased|leases)")
# the giving told as thanked for, or as begun, going on or done: "thanked India for delivering the Mi-25s", "the US
# finished delivering the first four A-29s"
_GIVING = (r"(?:for|(?:finish|complet|start|continu|resum)(?:ed|es|e|s)?|began|begun|begins?)\s+(?:giving|gifting|"
           r"donating|selling|supplying|delivering|transferring|handing\s+over|exporting|sending|shipping|providing|"
           r"leasing)")
_GIVER_VERB = re.compile(r"(?:['’]s\s+(?:government|military|armed forces|navy|army|air force)\s+|\s+)"
                         r"(?:(?:has|have|had|will|would|also|already|recently|now|is to|agreed to|plans to|is set to|"
                         r"has agreed to)\s+){0,2}(?:(?:give|gift|donate|sell|supply|deliver|transfer|hand over|export|"
                         r"send|ship|provide|lease|hand|hands|handed)|" + _GIVES + r"|" + _GIVING + r")\b", re.I)
_GIVEN_BY = re.compile(r"[^.;:]{0,50}?\b(?:were\s+|was\s+|been\s+)?(?:gifted|donated|given|sold|supplied|provided|"
                       r"transferred|handed\s+over)\s+by\s+(?:the\s+)?(?=[A-Z])")
_NOT_GIVEN = re.compile(r"[;:,]|\b(?:from|by|that|which|who)\b")  # what breaks a giver's verb from the platform
_MADE = re.compile(r"[A-Z][\w]+(?=-(?:made|built|manufactured|designed)\s+(?:[\w-]+\s+){0,2}$)")
_RELATIVE = re.compile(r",?\s+(?:which|who|that)\s+(?:has|had|have|is|was|already|also|\w+ed)\b", re.I)
_COUNT_BEFORE = Caseless(re.compile(rf"(?:(?P<qual>over|more than|up to|about|around|nearly|some)\s+)?(?<![\w.,$€£₹-])"
                                    rf"(?P<num>{NUM})\s+(?:(?P<more>more|additional|new|further|other)\s+)?(?:[\w-]+\s+)?$", re.I))
_SUBJECT_VERB = re.compile(r"(?:'s\s+\w+\s+|\s+)(?:has|had|have|is|was|will|would|signed|signs|agreed|ordered|bought|wants|"
                           r"plans|intends|decided|chose|selected|purchased|acquired|is set|may|could)\b", re.I)
NOT_PURCHASE = re.compile(r"\s+(?:a|an|the)?\s*(?:[\w-]+\s+|[\w-]+,\s+(?=non-?binding\b)){0,2}?(?:memorand(?:um|a)|mous?|non-?binding\s+|"
                           r"letters? of intent|statements? of intent|"
                           r"framework|pact|accord|agreements? on (?!(?:the\s+)?(?:purchase|supply|sale|acquisition|"
                           r"procurement|deliver\w*|deal|contract|order)\b)"
                           r"|(?-i:(?:[A-Z][\w-]*\s+){1,4}(?:Agreement|Treaty|Accord|Pact|Declaration|Partnership))\b)",
                           re.I)  # a named agreement ("a Reciprocal Access Agreement") is not a purchase
# (`[a-z]` under re.I is any Latin letter, as `[A-Za-z]` is)
# what a signing signs that is an accord of cooperation, not the purchase of a deal the sentence names (besides
# `deals.NOT_PURCHASE`): "signed a military agreement with", "signed the Lunna House agreement to strengthen ..."
COOPERATION_PACT = re.compile(r"\s+(?:a|an|the)?\s*(?:new\s+|fresh\s+|\w+-year\s+|bilateral\s+|landmark\s+|historic\s+)?"
                              r"(?:(?:military|defen[cs]e|security|strategic|logistics?)\s+)?(?:co-?operation|partnership|"
                              r"framework)\s+(?:agreements?|pacts?|accords?|deals?|programs?|programmes?)\b"
                              r"|\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:agreements?|pacts?|accords?)\s+(?:to|that will|aimed at)\s+"
                              r"(?:strengthen|deepen|boost|enhance|expand|widen|promote|bolster|step up)\b"
                              r"|\s+(?:a|an|the)?\s*(?:military|defen[cs]e|security)\s+(?:agreements?|pacts?|accords?)\s+with\b",
                              re.I)
# what a signing signs that is no purchase, before or after the verb, for the signing date: "signed into law a bill
# authorizing the sale", "signed a defense bill", "the agreement on military-technical cooperation signed in 2016"
_LAW_SIGNED = re.compile(r"\s+(?:into\s+law\b|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:bill|law|legislation)\b|"
                         rf"(?:a|an|the)\s+(?:\d{{4}}\s+)?(?:{NO_PURCHASE_ACCORDS})\s+(?:deal|agreement|accord|treaty)\b)",
                         re.I)  # "signed the 2015 nuclear deal"
_HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+)?$", re.I)  # a past before the past: "had signed", "had already ordered"
_PACT_BEFORE = re.compile(r"\b(?:co-?operation|partnership)\s+(?:(?:that|which)\s+)?(?:(?:was|were|had been|has been)\s+)?$", re.I)
# a count delivered with no noun, or a part of the whole order ("has received 31 of the 49 tanks", "Russia delivered
# 148 of the 151 helicopters", "has received 20 of 24 howitzers": the count after "of (the)" is the order's)
_DELIVERED_N = Caseless(re.compile(
    rf"\b(?:(?:has|have|had)\s+(?:so far\s+|already\s+|now\s+)?(?:received|delivered|inducted|taken delivery of)\s+"
    rf"(?:only\s+)?(?P<num>{NUM})\b(?!\s*(?:%|per|billion|million|(?!of\s+(?:(?:the|its|their)\b|(?:{NUM})\s))[a-z]))|"
    rf"(?<!will )(?<!would )(?<!to )(?<!be )(?:received|delivered|inducted|took delivery of|handed over)\s+"
    rf"(?:only\s+)?(?P<num2>{NUM})\s+of\s+(?:(?:the|its|their)\b|(?:{NUM})\s))", re.I))
_WHOLE_OF_BEFORE = re.compile(rf"\b(?:{NUM})\s+of\s+(?:(?:the|its|their)\s+)?$", re.I)  # "31 of (the) [49 tanks]": the whole
_FUTURE_CUE = re.compile(r"\b(?:will|would|shall|is to|are to|to be|(?:due|expected|scheduled|set|slated|planned)\s+"
                         r"(?:to|for|in|by))\b", re.I)
# where one part of a sentence ends and another, perhaps of another deal, begins: "..., and has now sold",
# "; ", "while", "whereas"
_PART_BREAK = re.compile(r";|,?\s+(?:and|but)\s+(?:(?:it|has|have|had|is|was|were|will|also|now|then|later)\b)|"
                         r",?\s+(?:while|whereas)\b|,\s+(?:and|but)\b", re.I)
_TO_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.I)
_TAKES_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|already\s+|also\s+|so far\s+)?(?:received|bought|"
                          r"ordered|purchased|acquired|taken delivery|took delivery)\b", re.I)
_PAST_CUE = re.compile(rf"\b(?:{CAME}|{REACHED}|{WAS}|{HAVE})\b", re.I)  # shared words and how they differ: `tenses`


def _first_to_come(after: str) -> bool:
    """Does what follows a first batch's words say it is still to come ("... of 12 jets is due to arrive"), before
    any word of a delivery done ("... arrived in May and the rest will follow")?"""
    after = re.split(r"[.;]", after[:80], maxsplit=1)[0]
    m = _FUTURE_CUE.search(after)
    return bool(m) and not _PAST_CUE.search(after, 0, m.start())


# a count with no noun, of the deal's units already come: "Five have already reached the base", "the first 10 were
# delivered last month"
_N_ARRIVED = Caseless(re.compile(rf"(?:^\W*|\b(?:the\s+first|and|while|but|of\s+which)\s+|[,;]\s+)(?P<num>{NUM})\s+"
                                 r"(?:of\s+(?:them|which|these|those)\s+)?(?:have|has|had|were)\s+"
                        r"(?:already\s+|now\s+|also\s+|since\s+)?(?:been\s+)?(?:delivered|arrived|reached|handed over|"
                        r"received|inducted|commissioned)\b", re.I))
_REMAINING = Caseless(re.compile(rf"\b(?:the\s+)?(?:remaining|outstanding|other)\s+(?P<num>{NUM})\b(?!\s*(?:per|%|years?|months?))", re.I))
# one unit handed over, named as the sentence's subject: "A Gowind-class frigate has joined the fleet", "One French
# FREMM now sails in the navy", "The first submarine was commissioned"
_ONE_HANDED = re.compile(r"^\W*(?:a|an|one|the first|its first)\s+[^.;:]{0,60}?\b(?:has|had|was|now)\s+(?:been\s+|formally\s+|"
                         r"officially\s+|already\s+){0,2}(?:joined|arrived|delivered|commissioned|handed over|inducted|"
                         r"entered service|sails|serves)\b", re.I)
_UNIT_NOUNS = frozenset(CATEGORY_UNIT.values()) | {"ship", "vessel", "boat"}
# one unit given, told with "a" / "an" / "a single" after the giving ("India donated a Dornier military aircraft to
# the Maldives", "thanked India for giving the island nation a Dornier aircraft as a gift"), before a passive giving
# anywhere in the sentence ("In a notable step, an Indian Navy Dornier aircraft was formally handed over"), or before
# a clause that gives it ("the Offshore Patrol Vessel that the Indian Government has provided", "the vessel P626,
# which China donated", "a single Y-8F supplied by China"): a giving done, not one to come (`DealFinder._one_given`)
_GIVING = (r"donated|gifted|gave|handed\s+over|presented|transferred|(?<!to )(?<!be )delivered|(?<!to )(?<!will )(?<!would )"
           r"provided|received|took\s+delivery\s+of|taken\s+delivery\s+of|(?:has|have|had)\s+taken|"
           r"for\s+(?:giving|donating|gifting|handing\s+over|providing)")
_GIVEN = r"donated|gifted|handed\s+over|presented|transferred|delivered|inducted|commissioned"
_GIVEN_ONE = Caseless(re.compile(rf"\b(?P<verb>{_GIVING})\s+(?:(?!(?:a|an|one)\b)[\w'’-]+\s+){{0,4}}?"
                                 r"(?P<one>a\s+single|an?|one)\s+(?P<np>[^.;:,()]{1,70})", re.I))
_ONE_GIVEN = Caseless(re.compile(
    rf"(?<![\w-])(?P<one>a\s+single|an?|one)\s+(?P<np>[^.;:,()]{{1,70}}?)\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:formally\s+|officially\s+|ceremonially\s+){{0,2}}(?P<verb>{_GIVEN})\b"
    r"|(?<![\w-])(?P<one2>the|a\s+single|an?)\s+(?P<np2>[^.;:,()]{1,70}?),?\s+"
    r"(?:(?:which|that)\s+(?:[\w'’-]+\s+){1,4}?(?:has\s+|had\s+)?|(?=(?:supplied|donated|gifted|given)\s+by\b))"
    r"(?P<verb2>donated|gifted|given|provided|handed\s+over|supplied)\b", re.I))
# one ship bought, sold or given, with "a" / "an" before its type in any tense ("plans to buy an S26T submarine", "will
# donate a Pohang-class corvette"; `DealFinder._one_ship_bought`; only its matches' places are read)
_SHIP_BOUGHT_ONE = Caseless(re.compile(r"\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|order(?:s|ed|ing)?|"
                                       r"procur(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|gift(?:s|ed|ing)?|sell|sells|sold|selling|"
                                       r"suppl(?:y|ies|ied|ying)|transfer(?:s|red|ring)?|hand(?:s|ed|ing)?\s+over|give|gives|gave|"
                                       r"giving)\s+(?:[\w'’-]+\s+){0,3}?(?P<one>a\s+single|an?|one)\s+(?P<np>[^.;:,()]{1,70})", re.I))
_SHIP_KINDS = ("submarine", "frigate", "corvette", "destroyer", "patrol vessel", "warship", "landing", "amphibious",
               "ship", "vessel", "boat")
# after the type, what makes "a ..." something else than one ship: ships in the plural ("a new class of Hunter
# frigates"), or a thing about the type ("a Type 212CD submarine design study")
_NOT_ONE_SHIP_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:(?:submarine|frigate|corvette|destroyer|warship|ship|vessel|"
                                 r"boat|cutter)s|designs?|stud(?:y|ies)|blueprints?|technolog(?:y|ies))\b", re.I)
# a noun after the platform that makes the phrase something else than the unit itself ("a Rafale deal", "an F-16
# squadron")
# ... nor one told with a count of its own or as a part ("a first two F-16s", "handed over a sixth Super Tucano"), nor
# a number of them ("a batch of", "a pair of"; "a second-hand frigate" is one)
_COUNTED_HEAD = re.compile(rf"\b(?:{NUM}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                           r"last|final|latest|newest|two|three|four|five|six|seven|eight|nine|ten|dozen|several|some|more)\b",
                           re.I)
_NOT_SINGLE = re.compile(r"(?:[\w-]+\s+){0,2}?(?:number|few|couple|total|lot|batch|series|pair|fleet|dozen|second-hand|"
                         r"used)\b", re.I)
_SECOND_HAND_ONE = re.compile(r"second-hand\s+\w", re.I)
# the verbs of one unit taken, not given: it may be one of an order, so it counts as delivered only
_TAKEN_ONE = re.compile(r"(?:delivered|received|took|taken|has|have|had|inducted|commissioned)\b")
_NOT_THE_UNIT = re.compile(r"\s*(?:[\w-]+\s+)?(?:deals?|contracts?|orders?|squadrons?|fleets?|programmes?|programs?|packages?|"
                           r"purchases?|sales?|projects?|regiments?|batter(?:y|ies)|upgrades?|crash|pilots?|bases?|lines?|"
                           r"makers?|simulators?|engines?|variants?|versions?|training|parts|spares|ammunition|missiles?)\b", re.I)
_FIRST_OF = Caseless(re.compile(rf"\bthe\s+first\s+(?:(?P<n1>{NUM})\s+)?of\s+(?:the\s+)?(?P<num>{NUM})\b", re.I))
_FUTURE_DELIVERY = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:would|will|to)\s+(?:be\s+)?(?:reach|go|arrive|delivered|handed|shipped|come)", re.I)
# a delivery still awaited: "until Indonesia has received all", "once all", "as soon as the last has been handed over"
_UNTIL = re.compile(r"\b(?:until|till|once|as soon as)\s+(?:[\w-]+\s+){0,5}$", re.I)
# `_PAST_DELIVERY`, `_COMPLETION` and `_DUE_BEFORE` run as their case-sensitive twins over the lower-cased text
# (`Caseless`: the same matches, found faster)
_PAST_DELIVERY = Caseless(re.compile(r"(?:delivered|handed over|handed|received|deployed|inducted|supplied|taken delivery of|"
                                     r"took delivery of)\s+(?:\w+\s+){0,2}$", re.I))
_COMPLETION = Caseless(re.compile(r"\b(?:finish|complete|completed|completion|remaining|remainder|outstanding|all|rest|"
                                  r"handed over|delivered|receive|arrive|supply|supplied|deliver|last|final|"
                                  r"(?:is|are)\s+(?:now\s+)?due)\b", re.I))
_ARRIVED_AFTER = re.compile(r"^\s*(?:have\s+|had\s+)?(?:already\s+|also\s+|now\s+)?(?:landed|arrived|touched down|reached|were delivered|have been delivered|had been delivered|were handed over|entered service)\b", re.I)
# a delivery still to come, dated by what follows: "is due to be delivered in 2026", "deliveries are expected
# in 2027", "delivery will take place between fiscal 2025 and fiscal 2027"
_DUE_BEFORE = Caseless(re.compile(
    r"\b(?P<cue>(?:due|expected|scheduled|set|slated|planned|is to|are to)\s+(?:to\s+)?(?:be\s+)?(?:delivered|handed over|supplied|"
    r"arrive|completed|commissioned)|(?:due|expected|scheduled|slated|set)\s+for\s+(?:delivery|completion|handover)|"
    r"(?:expects?|expected|is due|are due|hopes?|plans?|is set|are set)\s+to\s+(?:receive|take delivery of|get)|"
    r"(?:will|would|should)\s+(?:all\s+)?(?:arrive|be delivered|be handed over)|for\s+delivery|"
    r"the\s+(?:last|final)|(?:last|final)\s+(?:one|ship|vessel|aircraft|jet|batch|unit|deliver(?:y|ies))|"
    r"deliver(?:y|ies)\s+(?:is|are|will|would)\s+(?:\w+\s+){0,2}?(?:expected|due|scheduled|set|slated|take place|"
    r"be completed|end|finish))\b[^.;]{0,40}$", re.I))
_FIRST_HANDED = re.compile(r"(?<!will )(?<!would )(?<!to )(?<!be )\b(?:delivered|handed over|commissioned|took delivery of|"
                           r"taken delivery of|accepted|inducted)\b", re.I)  # a delivery done, not one to come
# a readiness, not a delivery: "full operational capability is expected by 2033", "IOC is due in 2027"
_NOT_DELIVERY = re.compile(r"\b(?:operational\s+(?:capability|capacity|readiness|status)|(?:IOC|FOC)\b)", re.I)
PART_BEFORE = re.compile(r"\b(?:first|initial|further|next)\b", re.I)  # "the first four aircraft are expected in 2026"
# the order's last part or the whole of it after a first batch: "the last in 2026", "the remaining two by 2026", "the
# remainder by mid-2023", "the entire batch by 2025"
_LAST_AFTER = re.compile(r"\b(?:(?:last|final)\b(?!\s+(?:year|month|week|decade|night|time)\b)|(?:remaining|remainder|rest)\b|"
                         r"(?:entire|whole|full)\s+(?:batch|order|fleet|lot|consignment|contract))", re.I)


def part_before(text: str, lo: int, hi: int) -> bool:
    """Does a first batch's word stand between `lo` and `hi`, with no last one after it ("the first in 2025 and the
    last in 2026", "... and the remaining two by 2026": the second date is the whole order's)?"""
    m = None
    for m in PART_BEFORE.finditer(text, lo, hi):
        pass
    return m is not None and not _LAST_AFTER.search(text, m.end(), hi)
_ALL_DELIVERED = re.compile(r"\b(?:have|has|had)\s+(?:now\s+|all\s+|already\s+)?(?:been\s+)?(?:delivered|handed over|arrived|"
                            r"received)\b|\bwere\s+(?:all\s+)?(?:delivered|handed over)\b", re.I)
_PRODUCTION = Caseless(re.compile(r"\b(?:assembl\w*|manufactur\w*|produc\w*|make|made|build|built|licen[cs]\w*|joint venture|co-?produc\w*)\b", re.I))
_TOT = Caseless(re.compile(r"\b(?:technology transfer|transfer of technology|tech(?:nology)?[- ]transfer|tot)\b", re.I))  # "ToT" too
_ADDRESSEE = re.compile(r"\b(?:to|on|against|told|warned|urged|pressed|asked|cautioned|threatened|sanctioned|"
                       r"penali[sz]ed)\s+(?:(?:NATO|key|close|fellow)\s+)?(?:(?:ally|partner|neighbou?r|member)\s+)?"
                       r"(?:the\s+)?$")
_NONE_SIGNED = re.compile(r"\bno\s+(?:\w+\s+){0,2}(?:contracts?|deals?|orders?|agreements?)\s+(?:has|have|had)\s+"
                          r"(?:yet\s+|so far\s+)?been\s+$", re.I)  # "no contracts have yet been signed"
_NO_NEW_ORDER = re.compile(r"\bno\s+(?:new\s+|further\s+|fresh\s+|additional\s+)?(?:contracts?|deals?|orders?|agreements?)\s+"
                           r"(?:has|have|had)\s+(?:yet\s+|so far\s+|as yet\s+)?been\s+(?:signed|placed|concluded|agreed)",
                           re.I)
_LIST_JOIN = re.compile(r"(?:,|\band|\balong with|\bas well as|\btogether with|\bplus)\s+(?:(?:the|its|their|some|"
                        r"\d+|[a-z]+)\s+){0,2}$")
_LIST_BREAK = re.compile(r"[;:()]|\bto\s+[a-z]+|\b(?:but|while|whereas|although|though|which|who|after|before|because|since|said|"
                         r"says|also|is|are|was|were|has|have|had|will|would|could|may|might|replac\w*|retir\w*|instead)\b")
# a list of buyers a platform is named with: "already ordered by India, Egypt and Qatar", "customers include
# Belgium, France and Spain", "the sixth country to buy the Yak-130, following Algeria, Bangladesh and Laos", "other
# Gulf countries such as Kuwait and Saudi Arabia have bought it", "already serves with the armies of South Korea and
# Turkey": each country of the list (two or more) holds or has ordered the platform; only with a word of buying or
# holding next to the list (`_buyer_words`): "after Britain and Germany failed to win", "countries such as France and
# Germany have criticised Turkey, which bought", "nations like Poland and Romania want to buy" are no lists of buyers
_BUYER_CUE = re.compile(r"(?:\b(?:such\s+as|including|like|following|along\s+with|joining|namely|among\s+them)|"
                        r"\b(?:operators|customers|users|buyers|clients)\s*(?:[–—:-]|\s+(?:include|are|so\s+far\s+are))|"
                        r"\b(?:ordered|bought|acquired|purchased|operated|used|flown|adopted|fielded)\s+by|\bin\s+use\s+(?:by|with|in)|"
                        r"\b(?:serves?|in\s+service)\s+(?:with|in)(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?of)?)\s+(?:the\s+)?$", re.I)
_BUYER_WORD = re.compile(r"\b(?:bought|ordered|purchased|acquired|operat(?:e|es|ed|or|ors)|customers?|buyers?|users?|in\s+use|"
                         r"adopted|in\s+service|serves?|fl(?:y|ies|own))\b", re.I)
_HOLD_WORD = re.compile(r"\b(?:operat(?:e|es|ed|or|ors)|in\s+service|in\s+use|serves?|fl(?:ies|own)|users?|adopted)\b", re.I)
# where the words next to a list of buyers end: before it, at a mark; after it, at a mark or a word opening a clause
_BEFORE_LIST_BREAK = re.compile(r".*[;:()]", re.S)
_AFTER_LIST_BREAK = re.compile(r"[,;:()]|\b(?:after|before|when|while|because|since|but|which|who|whereas|although|"
                               r"though)\b", re.I)
# a list of buyers after the word the platform goes to them by (`DealFinder._co_recipients`), and where it ends
_TO_LIST = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.I)
_LIST_END = re.compile(r"\s*(?:[,.;:)\"”]|$|\b(?:in|on|at|by|of|since|last|this|under|from|over|with|as|between|"
                       r"through|during|after|before|until|respectively)\b)", re.I)
# the verb of buying or holding after a list of countries opening its sentence (`DealFinder._subject_buyers`); one of
# holding ("Greece and Cyprus fly the Mirage 2000") says what they hold is delivered
_SUBJECT_BUYS = re.compile(r"\s+(?:(?:all|also|already|both|each|now|too|have|has|had)\s+){0,3}(?:bought|ordered|purchased|"
                           r"acquired|(?P<hold>operate|field|fly|use)|have\s+(?:bought|ordered|purchased|acquired))\b", re.I)
# a list of countries as the subject of a verb of dealing, after at most three helping words ("Belgium and Spain have
# ordered", "Chile and Peru are set to buy", "will receive"; not "Germany and France have criticised Turkey, which
# bought")
_SUBJECT_DEALS = re.compile(r"(?:'s\s+\w+\s+|\s+)(?:(?:all|also|already|both|each|now|jointly|has|had|have|is|are|was|were|"
                            r"will|would|may|could|might)\s+){0,3}(?:signed|signs?|agreed|ordered|orders?|bought|buys?|"
                            r"wants?|plans?|intends?|decided|chose|selected|purchased|purchases?|acquired|acquires?|set\s+to|"
                            r"receive[ds]?|procured?|procures|leased?|leases|obtained|obtains?|took\s+delivery|take\s+delivery)\b",
                            re.I)
_COUNTRY_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_UNDER_TALKS = re.compile(r"\b(?:memorand(?:um|a)|mous?|letters? of intent|talks|negotiations?|discussions?|"
                          r"framework)\b[^.;]{0,90}\b(?:on|about|over|for|regarding)\s+(?:the\s+)?$", re.I)
# talks on a deal or contract named by its sum or its object: "halting talks on a $23 billion deal to buy F-35s",
# "negotiations with France over the contract to supply 12 submarines" (not "talks on Monday, the deal for")
_TALKS_ON = re.compile(r"\b(?:talks|negotiations?|negotiating|discussions?|bargaining)\b[^.;]{0,60}?\b(?:on|about|over|"
                       r"regarding)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w$€£.-]+\s+){0,3}?$", re.I)
_DEAL_FOR = re.compile(r"(?:deal|contract|agreement)s?\s+(?:for|to|worth|valued)\b", re.I)
# a signature still to come, told in a clause of time: "after the contract is signed next month", "that depends on
# when a contract is signed" (not "after the deal has been signed"; one supposed, "if" or "once", is
# `status._IF_SIGNED`'s)
_WHEN = (r"\b(?:after|when|until|till|before|as\s+soon\s+as)\s+(?:the|a|an|this|that|its|their|any)\s+(?:[\w-]+\s+){0,3}?"
         r"(?:contract|deal|agreement|accord|order)s?\s+(?:is|are|gets|get)\s+(?:formally\s+|officially\s+|finally\s+)?")
_WHEN_SIGNED = re.compile(_WHEN + "$", re.I)  # before a signing trigger
_SIGNED_LATER = re.compile(_WHEN + r"(?:signed|concluded|finali[sz]ed)\b", re.I)  # after a delivery's
# a US sale notice's own caveat, which signs and negotiates nothing: "the notification does not mean that a contract
# has been signed or that negotiations have been concluded", "does not yet show that a contract has been signed"
_NOT_MEANT_BEFORE = re.compile(r"\b(?:(?:does|do|did)\s+not\s+(?:yet\s+|necessarily\s+)?|doesn[’']t\s+(?:yet\s+|necessarily\s+)?)"
                               r"(?:mean|show|indicate|imply|signify)\s+(?:that\s+)?(?:(?!\bbut\b)[^.;]){0,90}$", re.I)


def notice_caveat(t: Trigger, text: str, lo: int) -> bool:
    """Does a sale notice's caveat ("does not mean that a contract has been signed") lead to the signing, talks or
    pending deal trigger `t` (within its clause, from `lo`; not past a "but": "does not mean that Egypt is turning
    away from Russia, but Cairo signed")? It signs and negotiates nothing: the deal is an offer, and no event is
    told."""
    return t.kind in ("sign", "negotiate", "pending") and \
        _NOT_MEANT_BEFORE.search(text, max(lo, t.start - 120), t.start) is not None


_OWN_BUY = re.compile(r"(?:bought|ordered|purchased|acquired|buys|orders|has acquired)$", re.I)
# between a country and its verb: nothing, or a short run of words without a clause break ("Germany itself bought",
# "the US Army has since ordered")
_SUBJECT_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:has\s+|have\s+|had\s+)?", re.I)
_NONBINDING_BEFORE = re.compile(r"\b(?:document|letters? of intent|memorand(?:um|a)|mous?|declarations?|road ?maps?|"
                                r"statements? of intent|framework|non-?binding\s+(?:[\w-]+\s+)?(?:agreement|accord|deal|"
                                r"pact)s?)\s+(?:\w+\s+){0,3}$", re.I)
# a purchase weighed, wanted or planned, not made: "weighing the purchase of", "interest in a purchase of",
# "plans for the acquisition of", "approved the possible purchase of", "approves Turkey's requested purchase of"
_WEIGHED_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|"
                             r"explor(?:e|es|ed|ing)|eye(?:s|d|ing)?|interest(?:ed)? in|plans? for|proposals? for|"
                             r"request(?:s|ed)? for|requested|seek(?:s|ing)?|wants?|possible|potential|proposed|planned|"
                             r"prospective)"
                             r"\s+(?:(?:the|a|an|its|their|similar|new|further|eventual)\s+){0,2}$", re.I)
# a purchase still being made: "is still completing the purchase of", "finalising the acquisition of", "in the process
# of negotiating the purchase of"
_BEING_MADE_BEFORE = re.compile(r"\b(?:completing|finali[sz]ing|negotiating|in\s+the\s+process\s+of)\s+"
                                r"(?:(?:the|a|an|its|their)\s+)?$", re.I)
_WITH_SELLER = re.compile(r"\b(?:contracts?|deals?|agreements?|signed|inked|orders?|ordered)\s+(?:\w+\s+){0,3}?with\s+"
                          r"(?:the\s+)?(?:[A-Z][\w-]*(?:'s|’s)\s+)?")
# a purchase made long ago (`DealFinder._long_done`): a past purchase verb, the platform aged or the purchase dated
# decades back
_PAST_PURCHASE = re.compile(r"(?:bought|acquired|purchased|procured|obtained|ordered)", re.I)
_AGED_BEFORE = re.compile(r"\b(?:ageing|aging|obsolete|older|old|outdated|vintage|antiquated|decades-old|soviet-era|"
                          r"soviet-made|cold war-era)\b(?:\s+[\w-]+){0,4}?\s*$", re.I)
_LONG_AGO_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:(?:several|many|two|three|four|five|a few)\s+decades\s+ago|"
                             r"decades\s+ago|\d+\s+years\s+ago|before\s+the\s+(?:19\d\d|cold war|collapse|fall|breakup|"
                             r"revolution)|in\s+the\s+(?:early\s+|late\s+|mid-)?(?:19\d0|19\d0s|2000s|'[6-9]0s)|in\s+19\d\d|"
                             r"during\s+the\s+cold\s+war|in\s+soviet\s+times)", re.I)
_LOCAL_ORG_TYPES = {"defence company", "state exporter", None}


@dataclass
class Claim:
    stage: str
    hedged: bool
    negated: bool
    clause: int
    pending: bool = False
    held: bool = False  # read from a list of buyers (`DealFinder._buyer_list`), not from a deal word


def part_around(text: str, c: Clause, pos: int) -> tuple[int, int]:
    """The part of sentence `c` that holds `pos`, between the breaks `_PART_BREAK` finds (or the sentence's ends)."""
    lo = max((m.end() for m in _PART_BREAK.finditer(text, c.start, pos)), default=c.start)
    hit = _PART_BREAK.search(text, pos, c.end)
    return lo, hit.start() if hit else c.end


@dataclass
class Deal:
    supplier: str
    recipient: str
    platform: Entity
    follow_on: bool
    first: int
    claims: list[Claim] = field(default_factory=list)
    signed: DateMention | None = None
    signed_prio: int = 0
    value: Money | None = None
    value_prio: int = -1
    quantity: dict | None = None
    qty_prio: int = -1
    delivered: dict | None = None
    remaining: dict | None = None
    total: dict | None = None
    expected: DateMention | None = None
    original_expected: DateMention | None = None
    tot: Percent | None = None
    partners: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    order_year: str | None = None  # the year the order was signed, as the sentence that opened it says
    locked: int = -1  # the sentence whose order list set this deal's figures; the rest of it does not overwrite them
    values: list[Money] = field(default_factory=list)
    id: str = ""
    why: object = None  # what the model weighed (decide.Why), when a model decided
    figure_why: dict = field(default_factory=dict)  # per field, what the model weighed (figures_decide.FieldWhy)
    whole: bool = False  # delivered, and nothing the report says leaves part of it to come (`DealFinder._whole`)
    _cited: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)  # the evidence's places

    @property
    def key(self) -> tuple:
        return (self.supplier, self.recipient, self.platform.name, self.follow_on)

    def is_platform(self, p: Entity) -> bool:
        """Is `p` (a platform mention's entity) this deal's platform?"""
        return p is self.platform or p.name == self.platform.name

    def cite(self, span: Span) -> None:
        """Cite `span` as evidence, once (the evidence grows only here)."""
        if (span.start, span.end) not in self._cited:
            self._cited.add((span.start, span.end))
            self.evidence.append(span)

    def status(self) -> tuple[str, bool]:
        """The stage the report gives the deal and whether it is hedged (`status.read`)."""
        return read_status(self)


@dataclass
class DealBook:
    """All deals of an article and, per sentence, the deals it speaks of."""

    deals: list[Deal] = field(default_factory=list)
    refs: dict[int, list[Deal]] = field(default_factory=dict)
    rejected: dict[int, list[Entity]] = field(default_factory=dict)
    assigned: dict[int, dict[int, list[Trigger]]] = field(default_factory=dict)  # clause -> platform start -> triggers
    _ref_keys: list[int] = field(default_factory=list, repr=False)  # refs' clauses in order (refs only grows)
    # the deals by platform, in their order, for `find` and `for_platform` (`_by_platform`)
    _of_platform: dict[int, list[Deal]] = field(default_factory=dict, repr=False)
    _read: tuple = field(default=(None, 0, None), repr=False)  # the list read, how many of its deals, the last

    def _by_platform(self) -> dict[int, list[Deal]]:
        """The deals by their platform (its id), in their order: only the deals added since the last call are
        read, unless the list was replaced or a deal taken out (then all of them)."""
        deals = self.deals
        seen, n, last = self._read
        if seen is not deals or len(deals) < n or (n and deals[n - 1] is not last):
            self._of_platform, n = {}, 0
        for d in deals[n:]:
            self._of_platform.setdefault(id(d.platform), []).append(d)
        self._read = (deals, len(deals), deals[-1] if deals else None)
        return self._of_platform

    def refs_before(self, i: int):
        """The clauses before clause `i` that speak of deals, nearest first."""
        if len(self._ref_keys) != len(self.refs):
            self._ref_keys = sorted(self.refs)
        keys = self._ref_keys
        for k in range(bisect_left(keys, i) - 1, -1, -1):
            yield keys[k]

    def ref_after(self, i: int) -> int | None:
        """The first clause after clause `i` that speaks of deals."""
        if len(self._ref_keys) != len(self.refs):
            self._ref_keys = sorted(self.refs)
        k = bisect_right(self._ref_keys, i)
        return self._ref_keys[k] if k < len(self._ref_keys) else None

    def find(self, supplier: str, recipient: str, platform: Entity, follow_on: bool, year: str | None = None) -> Deal | None:
        """The deal so keyed; a signing year that differs from the deal's makes it another order."""
        for d in self._by_platform().get(id(platform), ()):
            if d.supplier == supplier and d.recipient == recipient and d.platform is platform and d.follow_on == follow_on \
                    and (year is None or d.order_year in (None, year)):
                if year and d.order_year is None:
                    d.order_year = year
                return d
        return None

    def for_platform(self, platform: Entity, follow_on: bool | None = None) -> list[Deal]:
        return [d for d in self._by_platform().get(id(platform), ()) if d.platform is platform
                and (follow_on is None or d.follow_on == follow_on)]


def assign_triggers(c: Clause, group: str, kinds: tuple[str, ...] | None = None) -> tuple[dict[int, list[Trigger]], list[Trigger]]:
    """Each trigger to its nearest platform mention in the sentence (within the window);
    platforms listed together ("Rafale and F/A-18") share them. Returns the
    triggers per platform start and those left for the sentence as a whole. The deal rules and the event rules
    ask it of the same sentence: the answer is kept (as long as the sentence's triggers and platforms are the same
    lists of the same lengths) and handed out again, the same dict and lists, which no caller changes."""
    memo = c.__dict__.get("_assigned")
    if memo is None or memo[0] is not c.triggers or memo[1] != len(c.triggers) or memo[2] is not c.platforms \
            or memo[3] != len(c.platforms):
        memo = c.__dict__["_assigned"] = (c.triggers, len(c.triggers), c.platforms, len(c.platforms), {})
    key = (group, kinds or ())
    hit = memo[4].get(key)
    if hit is None:
        hit = memo[4][key] = _assign_triggers(c, group, kinds)
    return hit


def _assign_triggers(c: Clause, group: str, kinds: tuple[str, ...] | None) -> tuple[dict[int, list[Trigger]], list[Trigger]]:
    by_platform: dict[int, list[Trigger]] = {s: [] for s, _, _ in c.platforms}
    loose: list[Trigger] = []
    for t in c.of(group, *(kinds or ())):
        best, best_d = None, _WINDOW + 1
        for s, e, _ in c.platforms:
            d = distance((t.start, t.end), (s, e))
            if d < best_d:
                best, best_d = s, d
        if best is None:
            loose.append(t)
        else:
            by_platform[best].append(t)
    text = c.sent.text
    plats = sorted(c.platforms, key=lambda x: x[0])
    all_triggers = [t for t in c.triggers if t.group in ("deal", "event")]
    for (s1, e1, _), (s2, e2, _) in zip(plats, plats[1:]):
        between = text[e1 - c.start:s2 - c.start]
        if any(e1 <= t.start < s2 for t in all_triggers):
            continue
        words = [w for w in re.findall(r"[\w'’-]+", between) if w.lower() not in ("and", "or", "the", "a", "an", "as", "well")]
        if len(between) < 60 and len(words) <= 4 and re.search(r",|\b(?:and|or|as well as)\b|&", between) and \
                not re.search(r"\b(?:replac\w*|instead|than|against|versus|vs|over|rather|not|to|from|with)\b", between, re.I):
            if not by_platform[s2]:
                by_platform[s2] = [Trigger(t.group, t.kind, t.start, t.end, t.text) for t in by_platform[s1]]
            elif not by_platform[s1]:
                by_platform[s1] = [Trigger(t.group, t.kind, t.start, t.end, t.text) for t in by_platform[s2]]
    return by_platform, loose


# what stands before a count in the second pass (`DealFinder._quantities`): a unit's number ("No 15 Squadron"), a
# batch, "the first of", the rest, "all", "each", a part of a larger order
_UNIT_NUMBER_BEFORE = re.compile(r"\b(?:No\.?|Number|Nos?\.)\s*$")
_BATCH_OF_BEFORE = Caseless(re.compile(r"\b(?:first|second|third|next|initial|latest)\s+(?:batch|consignment|shipment|tranche|lot)\s+of\s+$", re.I))
_FIRST_OF_BEFORE = Caseless(re.compile(r"\bthe\s+first\s+(?:\w+\s+)?of\s+(?:the\s+)?$", re.I))
# what ends a verb's phrase before a date that follows it: a comma or semicolon, a conjunction, another clause
# a contract named before a verb of delivery, which tells what it is for ("signed the deal for delivering 21
# helicopters", "agreements on supplying S-400 systems"), not a delivery made ("thanked India for delivering the jets")
_CONTRACT_FOR = re.compile(r"\b(?:contracts?|deals?|agreements?|accords?)\s+(?:with\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+)?"
                           r"(?:for|on)\s+$", re.I)
_PHRASE_BREAK = re.compile(r"[,;:]|\b(?:and|but|after|before|when|while|as|since|until)\b", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_REST_BEFORE = Caseless(re.compile(r"\b(?:remaining|outstanding|rest of the)\s+$", re.I))
_ALL_BEFORE = Caseless(re.compile(r"\ball\s+$", re.I))
_EACH_BEFORE = Caseless(re.compile(r"\b(?:each|every|per)\s+$|\bconsists? of\s+$", re.I))
_PART_OF_BEFORE = Caseless(re.compile(r"\b(?:includ(?:es|ed|ing)|of which|comprising|among them)\s+(?:\w+\s+)?$", re.I))
# the list of parts going on after one: "included 12 second-hand jets from the French Air Force and six new-build
# aircraft", "comprising 20 tanks, 12 howitzers and four recovery vehicles"; no clause break between
_LIST_ON = re.compile(r"[^.;:()]{0,60}?(?:,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)(?:\w+\s+)?$", re.I)


def _unit_of(d: Deal) -> str | None:
    """The unit a deal's platform is counted in, by its category ("fighter aircraft" -> "aircraft")."""
    return next((u for k, u in CATEGORY_UNIT.items() if k in (d.platform.category or "")), None)


class DealFinder:
    """Turns the clauses of one article into deals (see the module docstring)."""

    def __init__(self, ents: Entities, clauses: list[Clause], text: str, home: str | None,
                 catalogue: Catalogue | None = None) -> None:
        self.ents, self.clauses, self.text, self.home = ents, clauses, text, home
        self.catalogue = catalogue  # the extractor's, for the platforms' lineage (None: the packaged one)
        self.book = DealBook()
        self.whys: dict[tuple, object] = {}  # what the model weighed, by (supplier, recipient, platform)
        self.rejected_keys: set[tuple] = set()  # what it turned down: the second pass opens none of these
        self.overruled: list[dict] = []  # candidates the thresholds passed that a constraint turned down (`decide`)
        self._all_countries: list | None = None
        self.opened: list[tuple[int, str, str]] = []  # where pass 1 opened a deal: (position, supplier, recipient)
        self.order_spans: dict[int, list[tuple[int, int]]] = {}
        self._years: dict[int, dict[tuple[int, int], str]] = {}
        self._counts_before: dict[int, list[Quantity]] = {}  # `counts_before_platforms`, by sentence

    # --- pass 1 ---------------------------------------------------------------
    def open_deals(self) -> None:
        for i, c in enumerate(self.clauses):
            if c.sent.noise:
                continue
            by_platform, _ = assign_triggers(c, "deal")
            upgrades, _ = assign_triggers(c, "event", ("UPGRADE",))
            self.book.assigned[i] = by_platform
            refs: list[Deal] = []
            listed: tuple[int, list[Trigger]] | None = None  # the last platform with a stage: where it ends, its triggers
            for s, e, plat in c.platforms:
                trig = by_platform.get(s, [])
                kinds = {t.kind for t in trig}
                if "reject" in kinds:
                    self.book.rejected.setdefault(i, []).append(plat)
                    listed = None
                    continue
                stages = [t for t in trig if t.kind in STAGES or t.kind in ("cancel", "pending")]
                if not stages and listed and self._listed_with(listed[0], s):
                    stages = listed[1]  # "will supply the K9 ... along with K10 resupply vehicles and K11 ..."
                if not stages:
                    continue
                listed = (e, stages)
                up = upgrades.get(s, [])
                if up and min(distance((t.start, t.end), (s, e)) for t in up) < min(distance((t.start, t.end), (s, e)) for t in stages):
                    continue  # "upgrades for Sukhoi-30 fighter jets" is not a purchase
                supplier = self._supplier(c, s, e, plat)
                recipient = self._recipient(c, s, supplier)
                if not supplier or not recipient or supplier == recipient:
                    continue
                follow = self._follow_on(c, s, e)
                if follow and all(t.kind == "deliver" for t in stages) and self.book.find(supplier, recipient, plat, False):
                    # "the second batch of K2 tanks arrived": a delivery of the order already open, no new order
                    follow = False
                year = self._order_year(i, c, stages)
                deal = self.book.find(supplier, recipient, plat, follow, year)
                if deal is None:
                    deal = Deal(supplier, recipient, plat, follow, s, order_year=year)
                    self.book.deals.append(deal)
                self.opened.append((s, supplier, recipient))
                sellers = [deal]
                for other in self._co_sellers(c, e, supplier):  # "second-hand Typhoons from Qatar and Oman"
                    if other == recipient:
                        continue
                    more = self.book.find(other, recipient, plat, follow, year)
                    if more is None:
                        more = Deal(other, recipient, plat, follow, s, order_year=year)
                        self.book.deals.append(more)
                    sellers.append(more)
                for other in self._co_recipients(c, s, supplier, recipient):  # "donated to Colombia and Peru"
                    more = self.book.find(supplier, other, plat, follow, year)
                    if more is None:
                        more = Deal(supplier, other, plat, follow, s, order_year=year)
                        self.book.deals.append(more)
                    sellers.append(more)
                for t in stages:
                    if not self._person_travels(c, t):
                        for d in sellers:
                            if not self._sellers_own(c, t, d):
                                d.claims.append(self._claim(c, t, (s, e), i))
                refs += [d for d in sellers if d not in refs]
            refs += [d for d in self._order_list(i, c) if d not in refs]
            refs += [d for d in self._buyer_list(i, c) if d not in refs]
            if refs:
                self.book.refs[i] = refs

    def _buyer_list(self, i: int, c: Clause) -> list[Deal]:
        """The deals of a list of buyers (`_BUYER_CUE`): the platform nearest the list, within 120 characters, from
        its seller (`_supplier`) to each country of the list that has no deal of it yet; completed where the words next
        to the list say they hold it ("operators", "in service"), else signed; marked held, for the model to weigh
        apart."""
        if not c.platforms or len(c.countries) < 2:
            return []
        out: list[Deal] = []
        for g in self._country_groups(c):
            if len(g) < 2 or not (_BUYER_CUE.search(self.text, max(c.start, g[0][0] - 60), g[0][0])
                                  or self._subject_buyers(c, g[0][0], g[-1][1])):
                continue
            lo, hi = g[0][0], g[-1][1]
            words = self._buyer_words(c, lo, hi)
            if not _BUYER_WORD.search(words):
                continue
            near = [(distance((lo, hi), (ps, pe)), ps, pe, p) for ps, pe, p in c.platforms]
            d_, ps, pe, plat = min(near, key=lambda x: x[0])
            if d_ > 120:
                continue
            supplier = self._supplier(c, ps, pe, plat)
            held = _SUBJECT_BUYS.match(self.text, hi)
            stage = "complete" if _HOLD_WORD.search(words) or held and held["hold"] else "sign"
            for _, _, code in g:
                if not supplier or code == supplier or self.book.find(supplier, code, plat, False) is not None:
                    continue  # a deal another rule opened keeps its own claims ("... including Brazil ...; Brazil bought")
                deal = Deal(supplier, code, plat, False, ps)
                self.book.deals.append(deal)
                deal.claims.append(Claim(stage, False, False, i, held=True))
                out.append(deal)
        return out

    def _country_groups(self, c: Clause) -> list[list[tuple[int, int, str]]]:
        """The countries of the sentence (start, end, code) in text order, grouped into the lists they are named in
        ("Egypt, Qatar and India"); a country named alone is a group of one."""
        groups: list[list[tuple[int, int, str]]] = []
        for x in sorted((a, b, ent.code) for a, b, ent in c.countries if ent.code):
            if groups and _COUNTRY_JOIN.fullmatch(self.text, groups[-1][-1][1], x[0]):
                groups[-1].append(x)
            else:
                groups.append([x])
        return groups

    def _subject_buyers(self, c: Clause, lo: int, hi: int) -> bool:
        """Is the list of countries at `lo`-`hi` the subject of a verb of buying or holding, opening its sentence or
        clause ("Saudi Arabia, Kuwait and Qatar all field the Patriot", "Belgium, Spain and Turkey have ordered the
        A400M")?"""
        return not _BEFORE_LIST_BREAK.sub("", self.text[c.start:lo]).strip(" \"'“(-–—,") \
            and _SUBJECT_BUYS.match(self.text, hi) is not None

    def _buyer_words(self, c: Clause, lo: int, hi: int) -> str:
        """The words next to a list of buyers at `lo`-`hi`: up to 80 characters before it (from the last mark) and 40
        after it (to the first mark or clause word), where a word of buying or holding must stand."""
        before = self.text[max(c.start, lo - 80):lo]
        m = _BEFORE_LIST_BREAK.match(before)
        after = self.text[hi:min(c.end, hi + 40)]
        return (before[m.end():] if m else before) + " " + _AFTER_LIST_BREAK.split(after, maxsplit=1)[0]

    def _listed_with(self, prev_end: int, s: int) -> bool:
        """Is the platform at `s` the next item of a list that runs on from a platform ending at `prev_end`?"""
        gap = self.text[prev_end:s]
        return len(gap) <= 120 and not _LIST_BREAK.search(gap) and bool(_LIST_JOIN.search(gap[-30:]))

    def _order_list(self, i: int, c: Clause) -> list[Deal]:
        """Counts without a noun after an order verb: "Egypt, with orders for 24 in 2015 and a further 30
        earlier this year" -> two orders of the platform the sentence names, the second a follow-on."""
        out: list[Deal] = []
        for m in _ORDER_LIST.finditer(c.sent.text):
            verb_at = c.start + m.start()
            if any(0 <= s - (c.start + m.end("n1")) <= 3 for s, _, _ in c.platforms):
                continue
            # "received 20 howitzers under a 2017 order for 24": the order the delivery is part of, its count the
            # quantity of the deal the sentence opened (no order of its own, no claim)
            part_of = bool(_ORDER_NOUN.match(m[0]) and _ORDER_OF_ANOTHER.search(c.sent.text, max(0, m.start() - 60),
                                                                                 m.start()))
            plats = [p for s, e, p in c.platforms if e <= verb_at]
            if not plats and _PARTITIVE.match(m["r1"]):
                continue  # a part of the platform named before, no order listed: its date is free for the deal the
                # sentence tells ("Chile bought three of the aircraft in 2009")
            self.order_spans.setdefault(i, []).append((c.start + m.start(), c.start + m.end()))
            if not plats:
                continue
            plat = plats[-1]
            if part_of:
                self._order_of_another(i, c, m, plat)
                continue
            supplier = plat.country
            countries = [(s, ent.code) for s, e, ent in c.countries if s < verb_at and ent.code and ent.code != supplier]
            if not supplier or not countries:
                continue
            recipient = countries[-1][1]
            for n_group, d_group, follow in (("n1", "r1", False), ("n2", "r2", True)):
                if not m[n_group]:
                    continue
                n = parse_number(m[n_group])
                if not n:
                    continue
                deal = self.book.find(supplier, recipient, plat, follow)
                if deal is None:
                    deal = Deal(supplier, recipient, plat, follow, c.start + m.start(n_group))
                    self.book.deals.append(deal)
                deal.claims.append(Claim("sign", False, False, i))
                qs, qe = c.start + m.start(n_group), c.start + m.end(n_group)
                unit = next((u for k, u in CATEGORY_UNIT.items() if k in (plat.category or "")), None)
                deal.quantity = {"min": n, "max": n, "unit": unit, "text": self.text[qs:qe]}
                deal.qty_prio = 3
                rest_s, rest_e = c.start + m.start(d_group), c.start + m.end(d_group)
                for dm in c.dates:
                    if rest_s <= dm.start < rest_e:
                        deal.signed, deal.signed_prio = dm, 3
                        break
                deal.locked = i
                out.append(deal)
        return out

    def _order_of_another(self, i: int, c: Clause, m: re.Match[str], plat: Entity) -> None:
        """An order named as what a delivery is part of ("has received 20 K9 howitzers under a 2017 order for 24"):
        its count is the quantity of the one deal of that platform the sentence told a stage of (its seller named
        apart: "from Norway"), unless that deal's count delivered is larger; a date after the count ("an order for
        24 placed in 2017") its signing."""
        n = parse_number(m["n1"])
        mine = [d for d in self.book.deals if d.platform is plat and any(cl.clause == i for cl in d.claims)]
        if not n or len(mine) != 1:
            return
        deal = mine[0]
        if deal.qty_prio < 3 and not (deal.delivered and (deal.delivered.get("max") or 0) > n):
            qs, qe = c.start + m.start("n1"), c.start + m.end("n1")
            unit = (deal.delivered or {}).get("unit") or next(
                (u for k, u in CATEGORY_UNIT.items() if k in (plat.category or "")), None)
            deal.quantity, deal.qty_prio = {"min": n, "max": n, "unit": unit, "text": self.text[qs:qe]}, 3
        rest_s, rest_e = c.start + m.start("r1"), c.start + m.end("r1")
        told = next((dm for dm in c.dates if rest_s <= dm.start < rest_e), None)
        if told is not None and deal.signed_prio < 3:
            deal.signed, deal.signed_prio = told, 3

    def _order_year(self, i: int, c: Clause, stages: list[Trigger]) -> str | None:
        """The year an explicit signing verb near this platform dates ("ordered 22 Apaches in 2015")."""
        years = self._years.get(i)
        if years is None:
            years = self._years[i] = {}
            for t in c.found("deal", ("sign",)):
                if not _EXPLICIT_SIGN.match(t.text):
                    continue
                for dm in c.dates:
                    if distance((t.start, t.end), (dm.start, dm.end)) <= 40 and dm.prep not in ("by", "from", "until") and \
                            not reported_at(self.text, dm.start, c.start):
                        years[(t.start, t.end)] = dm.value[:4]
                        break
        for t in stages:
            if (t.start, t.end) in years:
                return years[(t.start, t.end)]
        return next(iter(years.values()), None)

    def _person_travels(self, c: Clause, t: Trigger) -> bool:
        """"Zelensky arrived in Paris": a person arriving or landing is a visit, not a delivery."""
        if t.kind != "deliver" or not re.match(r"(?:arrived|landed|touched down|flown to)\b", t.text, re.I):
            return False
        return any(0 <= t.start - e <= 25 and not re.search(r"[,;.]", self.text[e:t.start]) for _, e, _ in c.people)

    def _claim(self, c: Clause, t: Trigger, plat: tuple[int, int], i: int) -> Claim:
        lo, hi = min(t.start, plat[0]), max(t.end, plat[1])
        # ... not by a hedge the trigger holds ("approved the possible sale": the notice's own name, no doubt)
        hedged = any(not (t.start <= h.start and h.end <= t.end) for h in c.near("modifier", ("hedge",), lo, 70, hi - lo + 25))
        negated = bool(c.near("modifier", ("negation",), t.start, 22, 0)
                       or _NONE_SIGNED.search(self.text, max(c.start, t.start - 60), t.start))
        if notice_caveat(t, self.text, c.start):
            return Claim("offer", hedged, False, i)  # "the notification does not mean that a contract has been signed"
        if t.kind == "pending":
            return Claim("sign", hedged, negated, i, pending=True)
        if t.kind == "deliver" and _CONTRACT_FOR.search(self.text, max(c.start, t.start - 70), t.start):
            return Claim("sign", hedged, negated, i)  # what a contract is for: "signed the deal for delivering 21 jets"
        if t.kind == "sign" and (_WHEN_SIGNED.search(self.text, max(c.start, t.start - 90), t.start) or (
                _DEAL_FOR.match(t.text) and _TALKS_ON.search(self.text, max(c.start, t.start - 110), t.start))):
            return Claim("negotiate", hedged, negated, i)  # "after the contract is signed", "talks on a deal to buy"
        if t.kind == "sign" and (NOT_PURCHASE.match(self.text, t.end)
                                 or _NONBINDING_BEFORE.search(self.text, max(c.start, t.start - 50), t.start)):
            return Claim("negotiate", hedged, negated, i)  # signing a memorandum ("the document was signed") is not buying
        if t.kind == "sign" and _UNDER_TALKS.search(self.text, max(c.start, t.start - 130), t.start) and \
                re.match(r"(?:purchase|acquisition|procurement|supply|sale) of", t.text, re.I):
            return Claim("negotiate", hedged, negated, i)  # "memoranda on the purchase of", "talks on the supply of"
        if t.kind == "sign" and re.match(r"(?:purchase|acquisition|procurement|orders?) (?:of|for)", t.text, re.I) and \
                _WEIGHED_BEFORE.search(self.text, max(c.start, t.start - 40), t.start):
            return Claim("consider", hedged, negated, i)  # "Algeria is weighing the purchase of VT-4 tanks"
        if t.kind == "sign" and re.match(r"(?:purchase|acquisition|procurement) of", t.text, re.I) and \
                _BEING_MADE_BEFORE.search(self.text, max(c.start, t.start - 40), t.start):
            return Claim("negotiate", hedged, negated, i)  # "Algeria is still completing the purchase of Su-57s"
        if t.kind == "sign" and plat != (t.start, t.end) and self._long_done(c, t, plat):
            return Claim("complete", hedged, negated, i)  # "ageing F-4s acquired before the 1979 revolution"
        if t.kind in ("deliver", "complete") and (
                c.near("modifier", ("future",), t.start, 25, t.end - t.start)  # "expected to be delivered"
                or re.search(r"\b(?:will|would|to)\s+(?:be\s+)?(?:\w+\s+)?$", self.text[max(c.start, t.start - 25):t.start], re.I)
                or re.search(r"\b(?:until|till|before|once|as soon as)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
                             self.text[max(c.start, t.start - 40):t.start], re.I)):  # "until the new jets arrive"
            if _SIGNED_LATER.search(self.text, t.end, c.end):
                return Claim("negotiate", hedged, negated, i)  # "will be handed over a year after the contract is signed"
            return Claim("sign", hedged, negated, i)
        if t.kind == "deliver" and re.match(r"first\b", t.text, re.I) and _first_to_come(self.text[t.end:c.end]):
            return Claim("sign", hedged, negated, i)  # "a first batch of 12 jets is due to arrive in 2026"
        return Claim(t.kind, hedged, negated, i)

    def _long_done(self, c: Clause, t: Trigger, plat: tuple[int, int]) -> bool:
        """A purchase made long ago, its platforms long in service: "ageing M48 tanks bought several decades ago",
        "the obsolete MiG-29s it bought in the early 2000s", "F-14s acquired before the 1979 revolution"."""
        if not _PAST_PURCHASE.fullmatch(t.text) or re.search(r"\b(?:will|would|to|could|may|might)\s+(?:be\s+)?$",
                                                              self.text[max(c.start, t.start - 15):t.start], re.I):
            return False
        aged = _AGED_BEFORE.search(self.text, max(c.start, plat[0] - 40), plat[0])
        if aged and not re.search(r"[;:]", self.text[aged.end():plat[0]]):
            return True
        return bool(t.start >= plat[1] and _LONG_AGO_AFTER.match(self.text, t.end, min(c.end, t.end + 50)))

    def _supplier(self, c: Clause, s: int, e: int, plat: Entity) -> str | None:
        """The seller: "from Britain", "from France's Naval Group", "French-made", else the platform's origin."""
        m = _FROM.match(self.text, e, min(c.end, e + 60))
        if m:
            for a, b, ent in c.countries + c.orgs:
                if a == m.end() and ent.country and (ent.kind == "country" or ent.category in (
                        "defence company", "state exporter", "government body", "agency")):
                    return ent.code or ent.country
        giver = self._giver(c, s, e)
        if giver:
            return giver
        made = _MADE.search(self.text, max(c.start, s - 25), s)
        if made:
            for a, b, ent in c.countries:
                if a == made.start() and ent.code:
                    return ent.code
        # a consortium's platform is sold by the member the report names ("Turkey and the UK signed ... Typhoon")
        partners = plat.extra.get("partners") or []
        if partners:
            members = [plat.country, *partners]
            for pool in (c.countries + c.orgs, self._article_countries()):
                named_members = [ent.code or ent.country for _, _, ent in pool if (ent.code or ent.country) in members]
                if named_members:
                    return named_members[0]
        # "Turkey signed a deal with Britain / with BAE Systems for 20 Typhoons": the party contracted with sells,
        # unless the platform's own country is named in the sentence ("the US signed a deal with India")
        named = {ent.code or ent.country for _, _, ent in c.countries}
        if plat.country not in named:
            for m in _WITH_SELLER.finditer(c.sent.text):
                at = c.start + m.end()
                for a, b, ent in c.countries + c.orgs:
                    if a == at and (ent.kind == "country" or ent.category in ("defence company", "state exporter")):
                        if ent.code or ent.country:
                            return ent.code or ent.country
        return plat.country

    def _giver(self, c: Clause, s: int, e: int) -> str | None:
        """The country the platform is given, sold or sent by: the subject of a giving verb the platform follows
        closely ("India gifted a Dornier 228 to Sri Lanka"), or named after "donated by", "sold by"."""
        by = _GIVEN_BY.match(self.text, e, min(c.end, e + 80))
        if by:
            for a, _, ent in c.countries:
                if a == by.end() and ent.code:
                    return ent.code
        before = [x for x in c.countries if x[1] <= s and x[2].code]
        if not before:
            return None
        a, b, ent = before[-1]  # only the last country before the platform can be its giver
        verb = _GIVER_VERB.match(self.text, b)
        if verb and verb.end() <= s and s - verb.end() <= 60 and not _NOT_GIVEN.search(self.text, verb.end(), s):
            return ent.code
        # ... or the one given to, between the giver's verb and the platform ("India handed Sri Lanka a Dornier 228",
        # "the US sold Taiwan 66 F-16s", "Britain provided Ukraine with Challenger 2 tanks")
        verb = _GIVER_VERB.match(self.text, before[-2][1]) if len(before) > 1 else None
        if verb and re.fullmatch(r"\s+(?:the\s+)?", self.text[verb.end():a]) and s - b <= 60 and \
                not _NOT_GIVEN.search(self.text, b, s):
            return before[-2][2].code
        return None

    def _co_sellers(self, c: Clause, e: int, supplier: str | None) -> list[str]:
        """The other countries of "from Qatar and Oman" after the platform, when the first is the seller."""
        m = _FROM.match(self.text, e, min(c.end, e + 60))
        if not m or not supplier:
            return []
        starts = {a: (b, ent) for a, b, ent in c.countries}
        first = starts.get(m.end())
        if first is None or (first[1].code or first[1].country) != supplier:
            return []
        out, end = [], first[0]
        while True:
            join = re.match(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)", self.text[end:end + 8])
            nxt = starts.get(end + join.end()) if join else None
            if nxt is None:
                return out
            out.append(nxt[1].code or nxt[1].country)
            end = nxt[0]

    def _co_recipients(self, c: Clause, pos: int, supplier: str, recipient: str) -> list[str]:
        """The other countries of the list the buyer is named in, where the list is the buyers': after the "to" or
        "for" the platform goes to ("donated two corvettes to Colombia and Peru", "sold to Chile, Peru and Ecuador"),
        or the subject before its verb ("Belgium, Germany and Spain have ordered the A400M"); never the seller."""
        for g in self._country_groups(c):
            if len(g) < 2 or recipient not in {x[2] for x in g}:
                continue
            first, last = g[0], g[-1]
            to = _TO_LIST.search(self.text, max(c.start, first[0] - 12), first[0])
            ends = _LIST_END.match(self.text, last[1])
            if to and first[0] > pos and first[0] - pos <= 90 and ends:
                pass
            elif last[1] <= pos and _SUBJECT_DEALS.match(self.text, last[1]) and \
                    not self.text[c.start:first[0]].strip(" \"'“(-–—:"):
                pass
            else:
                continue
            return [x[2] for x in g if x[2] not in (recipient, supplier)]
        return []

    def class_pairs(self) -> set[tuple[str, str, str]]:
        """The (supplier, recipient, class) the deal rules would open for classes named without a designation, were
        classes platforms: a stage word nearer the class than any named platform, within `_WINDOW`, and a seller
        and buyer read as for a platform ("Dhaka has bought 16 fighter jets from China", "Russia has supplied
        Kyrgyzstan with armoured vehicles"). No deal is opened: the model weighs them (`decide.rows`)."""
        from .candidates import generic  # candidates reads no deal rules; imported here to keep the modules apart
        out: set[tuple[str, str, str]] = set()
        for c in self.clauses:
            if c.sent.noise or not (c.has("deal") or c.has("transfer")):
                continue
            stages = [t for t in c.of("deal") if t.kind in STAGES or t.kind in ("cancel", "pending")]
            if not stages:
                continue
            for s, e, ent in generic(c, self.text):
                near = min(distance((t.start, t.end), (s, e)) for t in stages)
                if near > _WINDOW or any(distance((t.start, t.end), (ps, pe)) < near
                                         for t in stages for ps, pe, _ in c.platforms):
                    continue
                supplier = self._supplier(c, s, e, ent)
                recipient = self._recipient(c, s, supplier)
                if supplier and recipient and supplier != recipient:
                    out.add((supplier, recipient, ent.name))
        return out

    def _article_countries(self) -> list[tuple[int, int, Entity]]:
        """Every country mention of the article, in text order."""
        if self._all_countries is None:
            self._all_countries = sorted((x for cl in self.clauses for x in cl.countries), key=lambda x: x[0])
        return self._all_countries

    def _recipient(self, c: Clause, pos: int, supplier: str | None) -> str | None:
        """The buyer: a country the platform goes "to", else the sentence's subject, else the
        nearest country named before the platform, else after it; never the supplier, and
        not the maker's country of another platform in the same sentence when there is a choice."""
        cands: list[tuple[int, str]] = []
        for s, e, ent in c.countries:
            cands.append((s, ent.code or ent.country))
        for s, e, ent in c.orgs:
            if state_buyer(ent) and ent.country:
                cands.append((s, ent.country))
        cands = sorted((s, code) for s, code in cands if code and code != supplier)
        if not cands:
            cands = [(s, ent.country) for s, e, ent in c.locations if ent.country and ent.country != supplier]
        if cands:
            makers = {p.country for s, e, p in c.platforms if p.country and p.country != supplier}
            pool = [x for x in cands if x[1] not in makers] or cands
            after = self.text[pos:pos + 90]
            to = re.search(r"\b(?i:to|for)\s+(?:(?i:the)\s+)?(?P<c>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)", after)
            if to:
                at = pos + to.start("c")
                for x in pool:
                    if x[0] == at:
                        return x[1]
            codes = {x[1] for x in pool}
            subjects = [(s, ent.code or ent.country) for s, e, ent in c.countries
                        if s < pos and (ent.code or ent.country) in codes and (
                            _SUBJECT_VERB.match(self.text, e) or _RELATIVE.match(self.text, e)
                            or not self.text[c.start:s].strip(" \"'“("))]
            # "the US made clear to Turkey that buying the S-400...", "sanctions on Turkey over its purchase":
            # the country spoken to or acted on before the platform is the buyer, not the speaker
            addressed = [x for x in pool if x[0] < pos and _ADDRESSEE.search(self.text, max(c.start, x[0] - 40), x[0])]
            if addressed and subjects and addressed[-1][1] != subjects[-1][1] and addressed[-1][0] > subjects[-1][0]:
                return addressed[-1][1]
            if subjects:
                return subjects[-1][1]
            before = [x for x in pool if x[0] < pos]
            return (before[-1] if before else pool[0])[1]
        return self._recipient_before(pos, supplier)

    def _recipient_before(self, pos: int, supplier: str | None) -> str | None:
        """The buyer of a sentence that names none: the recipient of the deal of that supplier opened nearest
        before `pos`, else the home country, else the recipient of the first deal opened before `pos`."""
        before = [x for x in self.opened if x[0] < pos]
        if supplier:
            mine = [x for x in before if x[1] == supplier]
            if mine:
                return max(mine, key=lambda x: x[0])[2]
        if self.home and self.home != supplier:
            return self.home
        return min(before, key=lambda x: x[0])[2] if before else None

    def _follow_on(self, c: Clause, s: int, e: int) -> bool:
        window_start = max(c.start, s - 45)
        marks = [t for t in c.found("modifier", ("follow_on",)) if window_start <= t.start < s or e <= t.start < e + 40]
        for t in marks:
            if t.start >= e and t.text.lower() != "over and above":
                continue
            between = self.text[t.end:s] if t.start < s else ""
            if re.search(r"[.;:,]|\band\b|\bor\b", between) or any(t.end <= ps < s for ps, _, _ in c.platforms):
                continue  # "six additional Rafale jets and three frigates": the frigates are not additional
            return True
        return False

    # --- pass 2 ---------------------------------------------------------------
    def attach(self) -> None:
        focus: list[Deal] = []
        for i, c in enumerate(self.clauses):
            if c.sent.noise:
                continue
            refs = self._not_others(c, self.book.refs.get(i, []))
            named = {id(d) for d in refs}
            # platforms named without a trigger speak of the deals already open for them
            rejected = self.book.rejected.get(i, [])
            for s, e, plat in c.platforms:
                if plat in rejected or any(d.platform is plat for d in refs):
                    continue
                follow = self._follow_on(c, s, e)
                for d in self.book.for_platform(plat, follow):
                    if id(d) not in named and (d.recipient in self._countries(c) or not self._countries(c) - {d.supplier}):
                        refs.append(d)
                        named.add(id(d))
            loose = self._loose(c, i)
            # a sentence that names no deal's platform speaks of one if it refers back to it ("the deal", "these
            # jets") or gives a price or a count; one that names some may refer back to another deal as well (the
            # tests are read in that order, each only when the one before leaves the answer open)
            if not refs:
                if not c.sent.headline and (self._priced(c) or (c.quantities and loose) or self._anaphor(c)):
                    refs = self._whose(c, self._resolve(i, c, focus, self._nouns(c), loose, self._more(c)))
            elif self._anaphor(c):
                known = {d.platform.category for d in refs}
                other = [n for n in self._nouns(c) if NOUN_CATEGORIES.get(n) and not known & set(NOUN_CATEGORIES[n])]
                if other:
                    refs += [d for d in self._resolve(i, c, [], other, [], self._more(c)) if d not in refs]
            if refs:
                for t in loose:
                    if t.kind in STAGES or t.kind in ("cancel", "pending"):
                        if t.kind == "pending" and not any(n in NOUN_CATEGORIES for n in self._nouns(c)):
                            continue
                        for d in refs:
                            if not self._person_travels(c, t) and not self._sellers_own(c, t, d):
                                d.claims.append(self._claim(c, t, (t.start, t.end), i))
                self.book.refs[i] = refs
                focus = refs
                self._fill(i, c, refs)

    def _sellers_own(self, c: Clause, t: Trigger, d: Deal) -> bool:
        """Is the purchase a sentence tells the seller's own ("Germany bought large numbers of Leopard 2A4 tanks in
        the 1980s" in a report of Indonesia buying them from Germany), the buyer not named in it?"""
        if t.kind != "sign" or not _OWN_BUY.match(t.text):
            return False
        named = {ent.code for _, _, ent in c.countries if ent.code}
        if d.recipient in named or d.supplier not in named:
            return False
        before = [x for x in c.countries if x[1] <= t.start and x[2].code]
        return bool(before) and before[-1][2].code == d.supplier and \
            _SUBJECT_GAP.fullmatch(self.text, before[-1][1], t.start) is not None

    @staticmethod
    def _nouns(c: Clause) -> list[str]:
        """The weapon nouns of a sentence, lower-cased, in order ("jets", "frigates")."""
        return [m.group(1).lower() for m in _NOUN_RE_CASELESS.finditer(c.sent.text)]

    @staticmethod
    def _anaphor(c: Clause) -> bool:
        """Does the sentence refer back to a deal or its platforms ("the contract", "these jets")?"""
        t = c.sent.text
        return bool(_ANAPHOR_CASELESS.search(t) or _ANAPHOR_OPENS.match(t))

    def _priced(self, c: Clause) -> bool:
        """Does the sentence give a sum that can be a deal's value (not a budget, an overrun, a loan...)?"""
        return any(not _NOT_VALUE.search(self.text, max(c.start, m.start - 60), m.start) for m in c.money)

    def _more(self, c: Clause) -> bool:
        """Does the sentence speak of more of something ("two more regiments", "a further 30", "additional jets")?"""
        if any(q.more in ("more", "additional", "further", "extra") for q in c.quantities):
            return True
        for t in c.found("modifier", ("follow_on",)):
            after = self.text[t.end:t.end + 30]
            if re.match(rf"\s+(?:(?:{NUM})\s+)?(?:[\w-]+\s+){{0,2}}(?:order|orders|batch|tranche|deal|contract|units?|"
                        rf"(?:{_NOUN_ALT}))", after, re.I) or t.text.lower() in ("follow-on", "repeat order", "over and above", "second batch", "new order"):
                return True
        return False

    def _countries(self, c: Clause) -> set[str]:
        return {ent.code for _, _, ent in c.countries if ent.code}

    def _loose(self, c: Clause, i: int) -> list[Trigger]:
        assigned = {id(t) for ts in self.book.assigned.get(i, {}).values() for t in ts}
        return [t for t in c.found("deal") if id(t) not in assigned]

    def _not_others(self, c: Clause, refs: list[Deal]) -> list[Deal]:
        """The deals of a sentence less those whose recipient it does not name when it names another deal's
        ("Nigeria is due to receive 12 Mi-35M helicopters" is none of Mali's deal's, opened on Russia named there)."""
        if not refs:
            return []
        named = self._countries(c)
        if not named:
            return list(refs)
        recipients = {d.recipient for d in self.book.deals}
        return [d for d in refs if d.recipient in named or not named & recipients - {d.recipient, d.supplier}]

    def _whose(self, c: Clause, refs: list[Deal]) -> list[Deal]:
        """The deals a sentence that refers back speaks of, read against the countries it names: those of the
        recipients it names ("Norway ordered five of the aircraft in 2017", after Canada's and Norway's P-8As);
        when it names none of theirs but the recipient of another deal, that deal of the same platform, or none
        ("Nigeria is due to receive 12 Mi-35M helicopters", after a sentence on Angola's and Sudan's)."""
        if not refs:
            return refs
        named = self._countries(c)
        if not named:
            return refs
        mine = [d for d in refs if d.recipient in named]
        if mine:
            return mine
        others = {d.recipient for d in self.book.deals} - {d.recipient for d in refs} - {d.supplier for d in refs}
        if not named & others:
            return refs
        return [d for d in self.book.deals if d.recipient in named and any(d.platform is r.platform and
                                                                           d.follow_on == r.follow_on for r in refs)]

    def _resolve(self, i: int, c: Clause, focus: list[Deal], nouns: list[str], loose: list[Trigger], more: bool) -> list[Deal]:
        deals = self.book.deals
        if not deals:
            return []
        typed = [n for n in nouns if NOUN_CATEGORIES.get(n)]
        if typed:
            pool: list[Deal] = []
            for n in typed:
                cats = set(NOUN_CATEGORIES[n])
                found = []
                for j in self.book.refs_before(i):
                    found = [d for d in self.book.refs[j] if d.platform.category in cats]
                    if found:
                        break
                if not found:
                    found = [d for d in deals if d.platform.category in cats and not d.follow_on][:2]
                pool.extend(found)
            if not pool and (loose or more):
                pool = self._deal_for_mentioned(i, c, {cat for n in typed for cat in NOUN_CATEGORIES[n]})
            if more:
                pool = [d for d in pool if d.follow_on] or pool
            else:
                pool = [d for d in pool if not d.follow_on] or pool
            if pool:
                return unique(pool)
        base = focus
        if not base:
            later = self.book.ref_after(i)
            base = self.book.refs[later] if later is not None else []
        if not base:
            return []
        plats = []
        for d in base:
            if d.platform not in plats:
                plats.append(d.platform)
        out: list[Deal] = []
        for plat in plats:
            template = next(d for d in base if d.platform is plat)
            signing = any(t.kind in ("sign", "deliver", "complete") for t in loose)
            want_follow = more and not signing
            if re.search(r"\b(?:original|first|existing|earlier)\s+(?:deal|contract|order)\b", c.sent.text, re.I):
                want_follow = False
            found = self.book.find(template.supplier, template.recipient, plat, want_follow)
            if found is None:
                found = Deal(template.supplier, template.recipient, plat, want_follow, c.start)
                self.book.deals.append(found)
            out.append(found)
        return out

    def _deal_for_mentioned(self, i: int, c: Clause, cats: set[str]) -> list[Deal]:
        """"Turkey had planned to buy 100 of the Lockheed Martin-built aircraft": the aircraft the sentence
        before named. Opens a deal for a platform of those kinds named in the last two sentences."""
        for j in (i - 1, i - 2):
            if j < 0:
                continue
            for s, e, plat in reversed(self.clauses[j].platforms):
                if plat.category in cats and plat.country:
                    recipient = self._recipient(c, c.start, plat.country)
                    if not recipient or recipient == plat.country:
                        continue
                    deal = self.book.find(plat.country, recipient, plat, False)
                    if deal is None:
                        deal = Deal(plat.country, recipient, plat, False, c.start)
                        self.book.deals.append(deal)
                    return [deal]
        return []

    # --- attributes -----------------------------------------------------------
    def _fill(self, i: int, c: Clause, refs: list[Deal]) -> None:
        span = Span(c.sent.start, c.sent.end, c.sent.text)
        prio = 1 if c.sent.headline else 2
        for d in refs:
            d.cite(span)
            if i not in d.clauses:
                d.clauses.append(i)
        refs = [d for d in refs if d.locked != i]
        if not refs:
            return
        self._values(c, refs, prio)
        self._quantities(c, refs, prio)
        self._dates(i, c, refs)
        self._tot(c, refs)
        self._partners(c, refs)

    def _values(self, c: Clause, refs: list[Deal], prio: int) -> None:
        """The price of the deals the sentence speaks of. Several sums beside several platforms
        go each to the nearest platform; one sum for several deals goes to each ("a package")."""
        prices = []
        for m in c.money:
            before = self.text[max(c.start, m.start - 60):m.start]
            after = self.text[m.end:m.end + 40]
            for d in refs:
                d.values.append(m)
            if _NOT_VALUE.search(before) or m.in_parens or _NOT_VALUE_AFTER.match(after):
                continue
            joined = re.match(r"\s*(?:-|–|to|and)\s*[$€£₹]?\s*(?=\d)", self.text[m.end:m.end + 8])
            if joined and not any(q.start == m.end + joined.end() for q in c.quantities):
                continue  # a range of estimates, not a price ("and 212 K9 howitzers" is the next item's count)
            prices.append(m)
        if not prices:
            return
        mentions = [(s, e, p) for s, e, p in c.platforms if any(d.platform is p for d in refs)]
        if len(prices) >= 2 and len({id(p) for _, _, p in mentions}) >= 2:
            firsts = {}
            for s, e, p in mentions:
                firsts.setdefault(id(p), (s, e, p))
            ordered = sorted(firsts.values(), key=lambda x: x[0])
            respectively = len(ordered) == len(prices) and all(
                pm[0] < m.start for pm, m in zip(ordered, prices))  # "X is worth A, while Y will cost B"
            for k, m in enumerate(prices):
                s, e, plat = ordered[k] if respectively else \
                    min(mentions, key=lambda x: distance((x[0], x[1]), (m.start, m.end)))
                for d in refs:
                    if d.platform is plat and prio + 1 > d.value_prio:
                        d.value, d.value_prio = m, prio + 1
            return
        m = prices[0]
        single = prio + 1 if len(refs) == 1 else prio
        for d in refs:
            if single > d.value_prio:
                d.value, d.value_prio = m, single

    def _target(self, c: Clause, refs: list[Deal], start: int, end: int, unit: str | None) -> list[Deal]:
        for s, e, plat in c.platforms:
            if start <= s < end + 3:
                hits = [d for d in refs if d.platform is plat]
                if hits:
                    return hits
        cats = NOUN_CATEGORIES.get(unit or "", ())
        if len(refs) == 1:
            return [] if cats and refs[0].platform.category and refs[0].platform.category not in cats else refs
        if unit:
            cats = NOUN_CATEGORIES.get(unit, ())
            hits = [d for d in refs if d.platform.category in cats]
            if hits:
                return hits[:1]
        return []

    def _own_recipient(self, c: Clause, targets: list[Deal], refs: list[Deal], pos: int) -> list[Deal]:
        """The deals a figure at `pos` can be of, where the sentence names several buyers: a figure in a part of the
        sentence that names another deal's buyer and not this one's is not this deal's ("has handed 19 F-16s to
        Ukraine and has now sold 24 to Argentina": the 19 are Ukraine's)."""
        if not targets or len(c.countries) < 2:
            return targets
        text = self.text
        lo, hi = part_around(text, c, pos)
        if lo == c.start and hi == c.end:
            return targets
        buyers = {d.recipient for d in refs}
        here = {ent.code for s, _, ent in c.countries if lo <= s < hi}
        takers = {ent.code for s, e, ent in c.countries if lo <= s < hi and (
            ent.code in buyers or _TO_BEFORE.search(text, max(lo, s - 12), s) or _TAKES_AFTER.match(text, e, hi))}
        elsewhere = {ent.code for s, _, ent in c.countries if not lo <= s < hi}
        # a deal whose buyer this part does not name, but the rest of the sentence does, while this part names another
        return [d for d in targets if d.recipient in here or not takers - {d.supplier} or d.recipient not in elsewhere]

    def _quantities(self, c: Clause, refs: list[Deal], prio: int) -> None:
        text = self.text
        for m in _FIRST_OF.finditer(c.sent.text):
            n = parse_number(m["num"])
            s = c.start + m.start()
            after = [q for q in c.quantities if q.start >= s and q.start <= c.start + m.end() + 2]
            handed = re.search(r"\b(?:presented|received|delivered|handed over|took delivery of|taken delivery of|inducted|"
                               r"unveiled|rolled out|welcomed)\s+$", text[max(c.start, s - 40):s], re.I)
            if n and after and handed:
                q = after[0]
                first_n = parse_number(m["n1"]) if m["n1"] else 1.0
                for d in self._target(c, refs, q.start, q.end, q.unit):
                    d.delivered = {"min": first_n, "max": first_n, "unit": q.unit, "text": text[s:q.end]}
        one = _ONE_HANDED.match(c.sent.text)
        if one and len(refs) == 1 and refs[0].delivered is None and not any(
                q.start < c.start + one.end() for q in c.quantities) and (any(
                s_ < c.start + one.end() and refs[0].is_platform(p) for s_, _, p in c.platforms) or not any(
                s_ < c.start + one.end() for s_, _, _ in c.platforms) and _noun_of(refs[0], one.group())):
            d = refs[0]
            said = [w for w in re.findall(r"[a-z]+", one.group().lower()) if w in NOUN_CATEGORIES or w in _UNIT_NOUNS]
            unit = said[-1] if said else _unit_of(d)
            d.delivered = {"min": 1.0, "max": 1.0, "unit": unit, "text": text[c.start + one.start():c.start + one.end()]}
        self._one_given(c, refs)
        self._one_ship_bought(c, refs)
        part_end = -1  # where the last count told as a part ends ("that included 12 jets", `_PART_OF_BEFORE`)
        for q in c.quantities + self.counts_before_platforms(c):
            before = text[max(c.start, q.start - 40):q.start]
            after = text[q.end:q.end + 50]
            targets = self._own_recipient(c, self._target(c, refs, q.start, q.end, q.unit), refs, q.start)
            if not targets:
                continue
            rng = {"min": q.min, "max": q.max, "unit": q.unit, "text": q.text}
            if _UNIT_NUMBER_BEFORE.search(before) or q.text[:1].isdigit() and re.search(
                    r"\d\s+(?:Squadron|Regiment|Battalion|Brigade|Division|Wing|Flotilla|Group)\b", q.text):
                continue  # "No 15 Squadron", "7 Regiment": a unit's name, not a count
            if any(s_ < q.start < e_ for s_, e_, _ in c.platforms):
                continue  # "Leopard 2 battle tanks", "Type 056 corvettes": the number names the platform
            if _WHOLE_OF_BEFORE.search(before):
                # "has received 31 of the 49 tanks", "two of the 12 jets arrived": the order, not the part delivered
                for d in targets:
                    if prio > d.qty_prio:
                        d.quantity, d.qty_prio = rng, prio
                continue
            if _BATCH_OF_BEFORE.search(before):
                # "the first batch of six aircraft landed": a delivery when it arrived, never the order's size
                if _ARRIVED_AFTER.match(after) or _PAST_DELIVERY.search(before) or re.search(
                        r"\b(?:delivered|received|took delivery of|taken delivery of|handed over|inducted)\s+(?:the\s+|its\s+)?"
                        r"(?:\w+\s+)?(?:batch|consignment|shipment|tranche|lot)\s+of\s+$", before, re.I):
                    for d in targets:
                        d.delivered = rng
                continue
            first_of = _FIRST_OF_BEFORE.search(before)
            if first_of:
                # "has delivered the first of three patrol vessels", "the first of the two, was commissioned": one
                # of them has arrived
                one = _FIRST_HANDED.search(text, c.start, c.end)
                for d in targets:
                    d.quantity = d.quantity if d.qty_prio >= prio else rng
                    d.qty_prio = max(d.qty_prio, prio)
                    if one and d.delivered is None:
                        d.delivered = {"min": 1.0, "max": 1.0, "unit": q.unit,
                                       "text": text[max(c.start, q.start - 40) + first_of.start():q.end]}
                continue
            if q.more in ("remaining", "outstanding") or _REST_BEFORE.search(before):
                for d in targets:
                    d.remaining = rng
                continue
            if _PAST_DELIVERY.search(before) and re.search(r"\b(?:not|n't|never|yet to|no)\b", before[-30:], re.I):
                for d in targets:
                    d.remaining = rng
                continue
            if _PAST_DELIVERY.search(before) and not re.search(r"\b(?:will|would|to be)\b", before[-25:], re.I) \
                    and not _UNTIL.search(before):  # "deliveries go on until Indonesia has received all 42"
                for d in targets:
                    d.delivered = rng
                continue
            if _ARRIVED_AFTER.match(after) and not _UNTIL.search(before):
                for d in targets:
                    d.delivered = rng
                continue
            if _FUTURE_DELIVERY.match(after):
                continue
            if _ALL_BEFORE.search(before):
                done = _all_delivered(before, text[q.end:c.sent.end])
                for d in targets:
                    d.total = rng
                    if done:  # "all 24 jets ... have been delivered": the order is complete
                        d.delivered = rng
                continue
            if _EACH_BEFORE.search(before):
                continue
            if _PART_OF_BEFORE.search(before) or 0 <= part_end < q.start and _LIST_ON.match(text, part_end, q.start) \
                    and not any(q.start <= s_ < q.end for s_, _, _ in c.platforms):
                # "18 Rafale, a deal that included 12 second-hand jets and six new-build aircraft": parts; a list
                # item naming a platform of its own is its own ("including 15 F-7M jets, two P18N OPVs")
                part_end = q.end
                continue
            for d in targets:
                if prio > d.qty_prio:
                    d.quantity, d.qty_prio = rng, prio
        for m in [*_DELIVERED_N.finditer(c.sent.text), *_N_ARRIVED.finditer(c.sent.text)]:
            g = "num" if m["num"] is not None else "num2"  # `_DELIVERED_N`'s part of a whole has its own group
            s = c.start + m.start(g)
            if any(q.start <= s < q.end for q in c.quantities) or re.search(r"\b(?:not|n't|never|yet to)\s+(?:\w+\s+)?$", c.sent.text[:m.start()]):
                continue
            n = parse_number(m[g])
            for d in (refs if len(refs) == 1 else []):
                unit = (d.quantity or d.total or {}).get("unit")
                d.delivered = {"min": n, "max": n, "unit": unit, "text": self.text[c.start + m.start():c.start + m.end()]}
        for m in _REMAINING.finditer(c.sent.text):
            s = c.start + m.start()
            if any(q.start <= s < q.end or s <= q.start < c.start + m.end() for q in c.quantities):
                continue
            n = parse_number(m["num"])
            for d in (refs if len(refs) == 1 else []):
                unit = (d.delivered or d.quantity or {}).get("unit")
                d.remaining = {"min": n, "max": n, "unit": unit, "text": self.text[s:c.start + m.end()]}

    def _one_ship_bought(self, c: Clause, refs: list[Deal]) -> None:
        """One ship bought, sold or given, told with "a" / "an" / "a single" before the named type ("to buy an S26T
        submarine", "will donate a Pohang-class corvette"; not "a class of Hunter frigates", "a Type 212CD submarine
        design"): the deal's quantity is one where nothing counted it (the lowest priority: a count read later
        replaces it); nothing is said delivered."""
        text = self.text
        for m in _SHIP_BOUGHT_ONE.finditer(c.sent.text):
            s = c.start + m.start("np")
            named = [(s_, e_, p) for s_, e_, p in c.platforms if s <= s_ < c.start + m.end("np")]
            if not named:
                continue
            s_, e_, p = named[0]
            if not any(k in (p.category or "") for k in _SHIP_KINDS) or text[s:s_].count(" ") > 3 \
                    or re.search(r"\bof\b", text[s:s_], re.I) or _NOT_ONE_SHIP_AFTER.match(text, e_, min(c.end, e_ + 40)) \
                    or _COUNTED_HEAD.search(text[s:s_]) or _NOT_SINGLE.match(text, s) \
                    or re.match(r"(?:s|'s|’s)\b", text[e_:e_ + 3]) or _NOT_THE_UNIT.match(text, e_, min(c.end, e_ + 30)):
                continue
            for d in refs:
                if d.is_platform(p) and d.quantity is None:
                    d.quantity, d.qty_prio = {"min": 1.0, "max": 1.0, "unit": _unit_of(d),
                                              "text": text[c.start + m.start("one"):e_]}, 0

    def _one_given(self, c: Clause, refs: list[Deal]) -> None:
        """One unit given (`_GIVEN_ONE`, `_ONE_GIVEN`): the deal whose platform the given phrase names (or, the
        sentence naming no platform, whose kind its noun names) has one unit ordered and delivered, where nothing
        counted it before; a count read later replaces these (its priority is the lowest)."""
        text = self.text
        sent = c.sent.text
        # (`Caseless` matches: their group texts may come lower-cased, so the phrase is read from the sentence)
        for m in [*_GIVEN_ONE.finditer(sent), *_ONE_GIVEN.finditer(sent)]:
            g = "" if m.group("np") is not None else "2"
            np_, verb = sent[m.start("np" + g):m.end("np" + g)], m["verb" + g].lower()
            if g and m["one2"].lower() == "the" and verb in ("provided", "supplied", "given") \
                    and not sent.startswith(",", m.end("np2"), m.end()):
                continue  # "the F-16 that the US provided to Pakistan": the type, not one jet ("the patrol vessel,
                # which China donated", "the MEKO frigate, which Germany supplied", set apart by a comma, is one)
            s, e = c.start + m.start("np" + g), c.start + m.end("np" + g)
            named = [(s_, e_, p) for s_, e_, p in c.platforms if s <= s_ < e]
            head = text[s:named[0][0]] if named else " ".join(np_.split()[:4])  # the words before what is given
            if _COUNTED_HEAD.search(head):
                continue  # "a first two F-16s", "handed over a sixth Super Tucano": a count of its own or a part
            if _NOT_SINGLE.match(np_) and not _SECOND_HAND_ONE.match(np_):
                continue  # "a number of", "a batch of", "a pair of": no single unit
            words = re.findall(r"[a-z]+", np_.lower())[:6]
            if any(w.endswith("s") and w[:-1] in _UNIT_NOUNS | NOUN_CATEGORIES.keys() for w in words):
                continue  # plural: not one ("the ships which China donated", "a pair of helicopters")
            if named and re.match(r"(?:s|'s|’s)\b", text[named[0][1]:named[0][1] + 3]):
                continue  # "the F-16s which Norway gave", "a Rafale's radar"
            if named:
                s_, e_, p = named[0]
                if text[s:s_].count(" ") > 4 or _NOT_THE_UNIT.match(text, e_, min(c.end, e_ + 30)):
                    continue
                targets = [d for d in refs if d.is_platform(p)]
            else:
                targets = [d for d in refs if _noun_of(d, " ".join(words)) or any(
                    w in _UNIT_NOUNS and _unit_of(d) in (w, "vessel" if w in ("ship", "boat") else w) for w in words)]
                if len(targets) != 1 or any(s_ < s for s_, _, _ in c.platforms):
                    continue
            said = [w for w in re.findall(r"[a-z]+", np_.lower()) if w in NOUN_CATEGORIES or w in _UNIT_NOUNS]
            for d in targets:
                unit = _unit_of(d)
                end = named[0][1] if named else e
                noun = re.search(r"\b(?:%s)\b" % "|".join(sorted(said, key=len, reverse=True)), text[end:e], re.I) \
                    if said else None
                one = {"min": 1.0, "max": 1.0, "unit": said[0] if said else unit,
                       "text": text[c.start + m.start("one" + g):end + (noun.end() if noun and noun.start() < 25 else 0)]}
                # a gift is the whole of its deal; one unit delivered or received may be one of an order
                if d.quantity is None and not _TAKEN_ONE.match(verb):
                    d.quantity, d.qty_prio = dict(one), 0
                if d.delivered is None:
                    d.delivered = dict(one)

    def counts_before_platforms(self, c: Clause) -> list[Quantity]:
        """Counts with no noun but the platform itself: "acquired 36 Rafales", "ordered 22 Apaches" (read once a
        sentence: the second pass and the figures' decisions both ask; nobody changes them)."""
        hit = self._counts_before.get(id(c))
        if hit is None:
            hit = self._counts_before[id(c)] = self._counts_before_platforms(c)
        return hit

    def _counts_before_platforms(self, c: Clause) -> list[Quantity]:
        out = []
        for s_, e_, plat in c.platforms:
            m = _COUNT_BEFORE.search(self.text, max(c.start, s_ - 40), s_)
            if not m or any(q.start <= s_ < q.end for q in c.quantities):
                continue
            n = parse_number(m["num"])
            if "\n\n" in m.group() or not n or (m["num"][0].isdigit() and 1900 <= n <= 2100):
                continue
            unit = next((u for k, u in CATEGORY_UNIT.items() if k in (plat.category or "")), None)
            if unit is None:
                continue
            qual = (m["qual"] or "").lower()
            out.append(Quantity(m.start(), e_, self.text[m.start():e_], None if qual == "up to" else n,
                                None if qual in ("over", "more than") else n, unit, (m["more"] or "").lower() or None))
        return out

    def _dates(self, i: int, c: Clause, refs: list[Deal]) -> None:
        sign_triggers = [t for t in c.found("deal", ("sign",)) if t.text.lower() not in ("purchase of",)]
        original = c.of("modifier", "original")
        for dm in c.dates:
            if any(a <= dm.start < b for a, b in self.order_spans.get(i, [])):
                continue  # the year of an order listed with it
            # ... or a run of years, its latest bound read as "by" ("146 howitzers in 2026-2027")
            if dm.prep in ("by", "until", "till", "before") or dm.kind == "yspan" or (dm.prep == "in" and re.search(
                    r"\b(?:finish|complete|completed)\s+(?:\w+\s+)?$", self.text[max(c.start, dm.start - 30):dm.start - 3], re.I)):
                ctx = self.text[max(c.start, dm.start - 120):dm.start]
                if re.search(r"\b(?:start|begin|commence|starting)\w*\s+(?:\w+\s+){0,2}$", ctx, re.I) or \
                        re.search(r"\b(?:programme|program|development)\b", ctx[-70:], re.I) or _NOT_DELIVERY.search(ctx[-90:]):
                    continue
                if part_before(self.text, max(c.start, dm.start - 90), dm.start):
                    continue  # a first batch's date is not the deal's completion
                if _COMPLETION.search(ctx) or c.has("event", "DELIVERY") or c.has("deal", "deliver"):
                    targets = refs if len(refs) <= 2 else refs[:1]
                    for d in targets:
                        if original and any(t.start < dm.start for t in original):
                            d.original_expected = d.original_expected or dm
                        else:
                            d.expected = dm
                continue
            due = _DUE_BEFORE.search(self.text, max(c.start, dm.start - 90), dm.start) \
                if dm.prep in (None, "in", "between", "during", "to", "around", "through") and \
                not _NOT_DELIVERY.search(self.text, max(c.start, dm.start - 90), dm.start) else None
            if due and not any(due.end("cue") <= t.start < dm.start for t in sign_triggers) and \
                    not (original and any(t.start < dm.start for t in original)) and \
                    not part_before(self.text, max(c.start, dm.start - 90), dm.start):
                for d in (refs if len(refs) <= 2 else refs[:1]):
                    d.expected = dm
                continue
            if dm.kind == "within" and (_COMPLETION.search(self.text, max(c.start, dm.start - 120), dm.start) or
                                        c.has("event", "DELIVERY") or c.has("deal", "deliver")) and \
                    not part_before(self.text, max(c.start, dm.start - 90), dm.start) and \
                    not _NOT_DELIVERY.search(self.text, max(c.start, dm.start - 90), dm.start):
                for d in (refs if len(refs) <= 2 else refs[:1]):  # "will supply 36 howitzers over the next 15 months"
                    d.expected = dm
                continue
            if dm.prep in ("from", "since", "after") or dm.kind == "within" or not sign_triggers:
                continue  # a time still to come ("within two years") is no signing date
            nearest = min(sign_triggers, key=lambda t: distance((t.start, t.end), (dm.start, dm.end)))
            if self._signs_no_purchase(c, nearest):
                continue  # the date of a law or an accord of cooperation signed, not of the purchase
            if self._delivery_dates(c, dm, nearest):
                continue  # "received two jets on Friday; it ordered them in 2020": Friday is the delivery's
            # a nearer delivery or meeting dates the date, unless the signing comes before it in the same phrase and
            # the other after, past the end of that phrase: a date follows its verb ("signed in 2022 and received the
            # first in December"; not "bought in 2009, and after the earthquake in 2010 received the first")
            own = nearest.end <= dm.start and not _PHRASE_BREAK.search(self.text, nearest.end, dm.start) and \
                not _BY_AFTER.match(self.text, nearest.end)  # "struck by an earthquake": no signing's phrase
            others = [t for t in c.triggers if t.group in ("deal", "event") and t.kind not in ("sign",) and t is not nearest
                      and distance((t.start, t.end), (dm.start, dm.end)) < distance((nearest.start, nearest.end), (dm.start, dm.end))
                      and t.kind in ("deliver", "DELIVERY", "MEETING", "SUMMIT")
                      and not (own and t.start >= dm.end and _PHRASE_BREAK.search(self.text, dm.end, t.start))]
            gap = distance((nearest.start, nearest.end), (dm.start, dm.end))
            reported = reported_at(self.text, dm.start, c.start)
            if any(o is not dm and o.prep not in ("by", "until", "till", "before", "from", "since", "after")
                   and distance((nearest.start, nearest.end), (o.start, o.end)) < gap
                   and (reported or not reported_at(self.text, o.start, c.start))
                   and not (own and o.end <= nearest.start)
                   and not self._delivery_dates(c, o, nearest) for o in c.dates) or (
                    not own and dm.end <= nearest.start and self._follows_signing(c, nearest, dm)):
                # ... nor is it where a date follows the verb in its phrase and this one stands before it ("to arrive in
                # late 2026 under a contract signed with Dassault in March 2021")
                continue  # the signing has a nearer date of its own ("in the summer of 2019 under a contract signed in 2017");
                # the date of a report is not one ("sources said on May 14 that Korea signed a contract in April"); nor
                # is one before the verb where this one follows it in its phrase ("to receive the system in early 2026
                # under a contract signed with LIG Nex1 in September 2024": 2026 is the delivery's)
            if reported and (not _EXPLICIT_SIGN.match(nearest.text) or _HAD_BEFORE.search(self.text, max(c.start, nearest.start - 12), nearest.start)):
                continue  # "reported on Monday that Pakistan had signed": the signing came before the report
            if not reported and (others or distance((nearest.start, nearest.end), (dm.start, dm.end)) > 120):
                continue
            prio = 1 if reported else 3 if _EXPLICIT_SIGN.match(nearest.text) and \
                distance((nearest.start, nearest.end), (dm.start, dm.end)) <= 30 else 2
            for d in refs:
                if d.signed is None or prio > d.signed_prio or (
                        prio == d.signed_prio and len(dm.value) > len(d.signed.value) and dm.value.startswith(d.signed.value)):
                    d.signed, d.signed_prio = dm, prio

    def _follows_signing(self, c: Clause, sign: Trigger, dm: DateMention) -> bool:
        """Does another date than `dm` follow the signing `sign` in its own phrase, within a few words and no other deal
        or event word between ("a contract signed with Dassault in March 2021"; not "signed a deal for jets delivered
        in 2023")?"""
        return any(o is not dm and o.prep not in ("by", "until", "till", "before", "from", "since", "after")
                   and o.kind != "within" and sign.end <= o.start <= sign.end + 60
                   and not _PHRASE_BREAK.search(self.text, sign.end, o.start)
                   and not any(t is not sign and t.group in ("deal", "event") and sign.end <= t.start < o.start
                               for t in c.triggers) for o in c.dates)

    def _delivery_dates(self, c: Clause, dm: DateMention, sign: Trigger) -> bool:
        """Does `dm` date a delivery told before the signing `sign`, in a phrase of its own: a word of delivery before
        it with no break between, a break between it and the signing ("took delivery of six jets on Tuesday, two years
        after it ordered them", "received two KC-390s on Friday; it ordered them in 2020")?"""
        if dm.end > sign.start or not _PHRASE_BREAK.search(self.text, dm.end, sign.start):
            return False
        return any(t.kind in ("deliver", "DELIVERY") and t.group != "transfer" and t.end <= dm.start
                   and not _PHRASE_BREAK.search(self.text, t.end, dm.start) for t in c.triggers)

    def _signs_no_purchase(self, c: Clause, t: Trigger) -> bool:
        """Does the signing `t` sign something other than a purchase (a memorandum, an accord of cooperation, a law)?
        Its date is not the deal's: "In March India signed a framework agreement with the Philippines"."""
        return bool(NOT_PURCHASE.match(self.text, t.end) or COOPERATION_PACT.match(self.text, t.end)
                    or _LAW_SIGNED.match(self.text, t.end)
                    or _PACT_BEFORE.search(self.text, max(c.start, t.start - 40), t.start))

    def _tot(self, c: Clause, refs: list[Deal]) -> None:
        for m in _TOT.finditer(c.sent.text):
            s, e = c.start + m.start(), c.start + m.end()
            for p in c.percents:
                if distance((p.start, p.end), (s, e)) <= 40:
                    for d in refs:
                        d.tot = p
                    break

    def _partners(self, c: Clause, refs: list[Deal]) -> None:
        if not _PRODUCTION.search(c.sent.text) and not c.has("event", "COPRODUCTION"):
            return
        for s, e, org in c.orgs:
            if org.category not in _LOCAL_ORG_TYPES and org.category != "defence company":
                continue
            for d in refs:
                if org.country == d.recipient and org.name not in d.partners:
                    d.partners.append(org.name)

    # --- output -------------------------------------------------------------
    def _signed_with_another(self, deal: Deal, deals: list[Deal]) -> None:
        """"The UAE also agreed to purchase 12 Caracal": signed with the deal the sentence before reports."""
        for claim in deal.claims:
            c = self.clauses[claim.clause]
            if claim.stage == "sign" and _ALSO_SIGNED.search(c.sent.text):
                earlier = [d for d in deals if d is not deal and d.signed and (d.supplier, d.recipient) == (deal.supplier, deal.recipient)
                           and any(claim.clause - 2 <= k < claim.clause for k in d.clauses)]
                if earlier:
                    deal.signed = earlier[0].signed
                    return

    def _fold_families(self) -> None:
        """A deal for "F-35" beside one for "F-35A" between the same countries is one deal."""
        # the deals by platform and parties, in their order (each child reads only its parent's, not every deal)
        keyed: dict[tuple, list[Deal]] = {}
        for d in self.book.deals:
            keyed.setdefault((d.platform.catalogue_id, d.supplier, d.recipient, d.follow_on), []).append(d)
        gone: set[int] = set()
        for child in list(self.book.deals):
            parent_id = child.platform.extra.get("parent")
            if not parent_id:
                continue
            for d in keyed.get((parent_id, child.supplier, child.recipient, child.follow_on), ()):
                if d is child or id(d) in gone or not same_kind(d.platform, child.platform):
                    continue  # "Patriot" beside "PAC-3 missiles": two kinds, left to `_fold_one_purchase`
                self._absorb(child, d)
                gone.add(id(d))

    def _absorb(self, keep: Deal, d: Deal) -> None:
        """`d` told as part of `keep`: its claims, evidence and the figures `keep` lacks go to `keep`, and it goes."""
        keep.claims += d.claims
        for span in d.evidence:
            keep.cite(span)
        for attr in ("signed", "value", "quantity", "delivered", "remaining", "total", "expected", "tot"):
            if getattr(keep, attr) is None and getattr(d, attr) is not None:
                setattr(keep, attr, getattr(d, attr))
        keep.partners += [p for p in d.partners if p not in keep.partners]
        keep.first = min(keep.first, d.first)
        self.book.deals.remove(d)
        for refs in self.book.refs.values():
            if d in refs:
                refs[refs.index(d)] = keep

    def _fold_one_purchase(self) -> None:
        """Two deals of one seller and buyer, both follow-ons or neither, that name one purchase two ways are one
        deal: the register, and the scorer that matches deals one to one, count it once.

        - a variant beside its type written out ("Su-30" and "Su-30SME", "F-16V" and "F-16V Block 70", "K9" and
          "K9A1EGY"): one name begins the other, of one kind (category), where `_fold_families` finds no catalogue
          parent (a variant the catalogue does not list, or a type named by its family). The longer name stays;
        - a surface-to-air missile or a radar beside the air defence system it belongs to, in one sentence ("the
          Patriot system and PAC-3 missiles", "the S-400 with its 92N6 radar"; not a sale of interceptors told apart
          from an earlier one of the system): the catalogue's parent of the part. The system stays:
          in the readable training gold no pair holds a Patriot deal beside a PAC-3 or GEM-T one (40 pairs); where
          both are told the gold names the one deal either way (Patriot, with PAC-3 among its names);
        - two classes of one kind (category) ("howitzers" and "self-propelled howitzers", "drones" and "military
          drones", "jet" and "jet fighters"): the better-scored class stays (model-opened classes only: the rules
          open none).

        Out of fold (5 folds, the training sets without the fresh set, seed 0) 29 of the 205 false deals were such a
        second name of a gold deal another deal matched: these shapes are 8 of them (4 Patriot parts, 3 variants, a
        class twin), and two classes of one kind kept together were no gold deal in 2 more pairs, one in 5, both in
        none. By `evaluate.sh` (CV, 2 dealings) deals precision 0.829 -> 0.837, recall 0.536 level, deals 0.651 ->
        0.653. Two names where one is a follow-on ("F-35A" and "a further 28 F-35s") were both right in all 3 such
        pairs, and two same-named deals (a follow-on the rules read) in 29 of 41: both are left."""
        deals = self.book.deals
        sentences = {id(d): {id(self.clauses[k].sent) for k in d.clauses} for d in deals}
        catalogue = self.catalogue or load()
        for i, a in enumerate(list(deals)):
            if a not in deals:
                continue
            for b in list(deals[i + 1:]):
                if b not in deals or a not in deals or (a.supplier, a.recipient, a.follow_on) != (b.supplier, b.recipient, b.follow_on):
                    continue
                pair = _one_purchase(a, b, bool(sentences[id(a)] & sentences[id(b)]), catalogue)
                if pair is not None:
                    self._absorb(*pair)

    def _wished_for_only(self, d: Deal) -> bool:
        """A follow-on no report has ordered: "wants to order more ..., but no new contract has been signed"."""
        if not d.follow_on or d.status()[0] not in ("considered", "offered", "negotiating"):
            return False
        return all(_NO_NEW_ORDER.search(self.clauses[i].sent.text) for i in d.clauses) if d.clauses else False

    def _more_of_another(self, d: Deal) -> bool:
        """A follow-on (the rules flag one from a word of more: "more", "further", "another", "additional",
        "repeat") with no count, in whose clauses no mention of its platform stands (a platform told there only by
        a pronoun or a class noun, "the tanks", counts as not named): the word is of something else ("two more
        patrol ships", "a further deal on anti-air systems", "another contract ... followed", "no additional
        contractor"). Out of fold (5 folds, the training sets without the fresh set) 9 such follow-ons were kept,
        none a gold deal; a follow-on with a number ("12 more") or in a sentence that names its platform ("buying
        more F-35s") stays. By `evaluate.sh` (CV, 2 dealings, after `_fold_one_purchase`) deals precision 0.837 ->
        0.843, recall level, deals 0.653 -> 0.655."""
        if not d.follow_on or d.quantity is not None:
            return False
        here = set(d.clauses) | {c.clause for c in d.claims}
        if not here:
            return False
        spans = [(self.clauses[i].start, self.clauses[i].end) for i in here if 0 <= i < len(self.clauses)]
        return not any(s <= m.start < e for m in d.platform.mentions for s, e in spans)

    def run(self, decide=None) -> list[Deal]:
        """Both passes; `decide(self)`, when given, runs between them (the learned decisions)."""
        self.open_deals()
        if decide is not None:
            decide(self)
        self.attach()
        self._fold_families()
        self._fold_one_purchase()
        deals = [d for d in self.book.deals if d.supplier != d.recipient and (d.claims or d.evidence)
                 and (d.supplier, d.recipient, d.platform.name) not in self.rejected_keys
                 and not self._wished_for_only(d) and not self._more_of_another(d)]
        for d in deals:  # a deal the second pass opened for a key the model accepted
            if d.why is None:
                d.why = self.whys.get((d.supplier, d.recipient, d.platform.name))
        group_first: dict[tuple, int] = {}
        for d in deals:
            k = (d.supplier, d.recipient, id(d.platform))
            group_first[k] = min(group_first.get(k, d.first), d.first)
        deals.sort(key=lambda d: (group_first[(d.supplier, d.recipient, id(d.platform))], d.follow_on, d.first))
        for n, d in enumerate(deals, 1):
            d.id = f"d{n}"
            if d.quantity is None:
                if d.total:
                    d.quantity = d.total
                elif d.delivered and d.remaining and d.delivered.get("min") and d.remaining.get("min"):
                    n_ = d.delivered["min"] + d.remaining["min"]
                    d.quantity = {"min": n_, "max": n_, "unit": d.delivered.get("unit") or d.remaining.get("unit"),
                                  "text": f"{d.delivered['text']} + {d.remaining['text']}"}
            d.whole = delivered_whole(d, self.clauses)
            status, _ = d.status()
            if d.platform.extra.get("ship_name"):
                self._one_ship(d, status)
            if status in ("negotiating", "considered", "offered") and (
                    any(c.pending for c in d.claims) or not any(c.stage == "sign" and not c.negated for c in d.claims)):
                d.signed = None  # a deal not yet signed has no signing date ("signed a letter of intent on Nov. 17")
            if d.signed is None and status not in ("negotiating", "considered", "offered"):
                self._signed_with_another(d, deals)
        return deals

    @staticmethod
    def _one_ship(d: Deal, status: str) -> None:
        """A ship named by its own name ("the frigate Al-Galala", "INS Kirpan") is one ship: the deal's quantity is one
        when no count was read, and one delivered when it is handed over and no delivered count was read."""
        one = {"min": 1, "max": 1, "unit": _unit_of(d) or "ship", "text": d.platform.name}
        if d.quantity is None:
            d.quantity = dict(one)
        if d.delivered is None and status == "completed" and d.quantity["max"] == 1:
            d.delivered = dict(one)

# the parts of an air defence system a report names beside it, bought with it: its missiles, its radars
_SYSTEM_PARTS = frozenset({"surface-to-air missile", "radar"})


def _ancestors(plat: Entity, catalogue: Catalogue) -> list[str]:
    """The catalogue ids a platform descends from (its parent, the parent's parent ...)."""
    out, pid = [], plat.extra.get("parent")
    while pid and pid not in out:
        out.append(pid)
        entry = catalogue.get("platform", pid)
        pid = entry.parent if entry else None
    return out


def _one_purchase(a: Deal, b: Deal, together: bool = True, catalogue: Catalogue | None = None
                  ) -> tuple[Deal, Deal] | None:
    """(the deal that stays, the one it absorbs) where `a` and `b`, of one pair, name one purchase two ways
    (`DealFinder._fold_one_purchase`); None where they are two. A part and its system are one purchase only where
    a sentence tells both (`together`): "Poland bought Patriot batteries in 2018. ... approved a separate sale of
    48 PAC-3 MSE interceptors to Poland" are two."""
    pa, pb = a.platform, b.platform
    if pa is pb:
        return None
    ga, gb = bool(pa.extra.get("generic")), bool(pb.extra.get("generic"))
    if ga and gb:
        if not pa.category or pa.category != pb.category:
            return None
        pr_a = a.why.probability if a.why is not None else 0.0
        pr_b = b.why.probability if b.why is not None else 0.0
        return (a, b) if (pr_a, -a.first) >= (pr_b, -b.first) else (b, a)
    if ga or gb:
        return None  # a class beside a named type: `decide.overruled`'s
    for part, system in ((a, b), (b, a)):
        if (together and part.platform.category in _SYSTEM_PARTS and system.platform.category == "air defence system"
                and system.platform.catalogue_id
                and system.platform.catalogue_id in _ancestors(part.platform, catalogue or load())):
            return system, part
    (ns, short), (nl, long_) = sorted(((alnum(pa.name), a), (alnum(pb.name), b)), key=lambda x: len(x[0]))
    if (len(ns) >= 2 and len(nl) > len(ns) and nl.startswith(ns) and pa.category and pa.category == pb.category
            and not (ns[-1].isdigit() and nl[len(ns)].isdigit())):
        # "Su-30" / "Su-30SME", not "K2" / "K21" nor "Mi-17" / "Mi-171": a digit after a digit is another number
        return long_, short
    return None


def _noun_of(deal: Deal, words: str) -> bool:
    """Do `words` name the deal's kind ("The first radar was delivered in 2023" of a radar deal, in a sentence that
    names no platform)?"""
    return bool(deal.platform.category) and any(deal.platform.category in NOUN_CATEGORIES.get(w, ()) for w in re.findall(r"[a-z]+", words.lower()))


def _all_delivered(before: str, rest: str) -> bool:
    """ "all 24 jets [that Qatar ordered] have been delivered", not "not all ... have", "until all ... have" nor
    "... will have been"."""
    m = _ALL_DELIVERED.search(rest)
    return bool(m) and not re.search(r"\bnot\s+all\s+$", before, re.I) and not _UNTIL.search(before) and not re.search(
        r"\b(?:not|n't|never|yet to|will|would)\b", rest[:m.end()], re.I)


def unique(deals: list[Deal]) -> list[Deal]:
    out: list[Deal] = []
    for d in deals:
        if d not in out:
            out.append(d)
    return out
