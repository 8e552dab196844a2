"""Features of deal candidates: what the model weighs.

Reads: `Candidate`s, the article's `Clause`s and text, and what the rules
already concluded (as votes). Writes: for each candidate a set of feature names
(binary features: present or not).

The features are the cues an analyst reads: where the supplier and recipient
are named relative to the platform ("from France", "to Egypt", "X-made", the
sentence's subject, "India's"), whether the supplier is the platform's maker,
which triggers stand near and how far, hedges, negations and follow-on words,
the words around the platform, figures nearby, the platform's place in the
article, and the rules' own verdict and status.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from .candidates import FROM_ATTACHED as _FROM_ATTACHED, Candidate, Mention, Party
from .context import Clause
from .entities import Entity, state_buyer
from .prefixes import _C, _P, Caseless, all_beginnings, for_text, lowered, trie
from .relevance import DEFENCE_TERMS, MAKER_MODEL as _AIRLINER

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("the and for with that this from its their has have had was were are will would which who "
                  "said says also been into than other more about after over".split())
# the cues around a party (most run as case-sensitive twins over the lower-cased words, `Caseless`)
_FROM_BEFORE = Caseless(re.compile(r"\bfrom\s+(?:the\s+)?$", re.I))
_TO_BEFORE = Caseless(re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.I))
_WITH_BEFORE = Caseless(re.compile(r"\bwith\s+(?:the\s+)?$", re.I))
_IN_SERVICE_BEFORE = Caseless(re.compile(r"\b(?:in (?:service|use) (?:in|with|by)|in the (?:fleets?|inventor(?:y|ies)|arsenals?) of|"
                                         r"(?:operators?|users|customers|clients|buyers) (?:include|are))\s+(?:the\s+)?$", re.I))
_BY_BEFORE = Caseless(re.compile(r"\b(?:by|operated by|ordered by|used by|flown by)\s+(?:the\s+)?$", re.I))
_MADE_AFTER = Caseless(re.compile(r"^-?(?:made|built|manufactured|designed|supplied|produced|origin)\b", re.I))
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\s")
_SUBJECT_AFTER = Caseless(re.compile(r"^(?:'s\s+\w+\s+|\s+)(?:\w+\s+)?(?:has|had|have|is|was|will|would|signed|signs|agreed|ordered|bought|"
                            r"wants|plans|intends|decided|chose|selected|purchased|acquired|received|took|may|could|"
                            r"inked|sealed|approved|awarded|is set|to buy|to acquire|to purchase)\b", re.I))
_SPEAKER_AFTER = Caseless(re.compile(r"^(?:'s\s+[\w\s]{0,30}?)?\s+(?:\w+\s+){0,2}(?:has|had|have)?\s*(?:made clear|warned|said|says|urged|"
                            r"told|threatened|cautioned|criticised|criticized|condemned|objected|protested|accused)\b", re.I))
_WARNS_AFTER = re.compile(r"^(?:'s\s+[\w\s]{0,30}?)?\s+(?:\w+\s+){0,2}(?:has|had|have)?\s*(?:made clear|warned|urged|told|"
                          r"threatened|cautioned|criticised|criticized|condemned|objected|protested|accused|pressed)\b",
                          re.I)  # a country that warns another over a purchase is not its buyer
# a country named as the one that blocks, vetoes, bans, refuses to license, sanctions or threatens sanctions over
# a sale (not a buyer): after its name ("the UK blocked the sale", "Washington has threatened sanctions", "Germany
# refused an export licence", "US sanctions", "Britain's veto") or before it ("sanctions imposed by the US", "an
# export licence from Germany", "objections from Washington")
_BETWEEN = r"(?!(?:is|was|were|are|be|been|being|under|on|over|against|of|by|from|to|for|with|in)\s)[\w-]+\s+"  # a word between the name and its verb
_BLOCKS_AFTER = Caseless(re.compile(
    # the words between name and verb: neither a form of "be" (a passive: "Turkey's purchase was blocked") nor a
    # preposition ("Russia, under US sanctions"); the verb not passive ("sanctioned by"); not a buyer's own
    # purchase blocked ("Swiss voters blocked a deal to buy": a cancelled deal is a deal)
    r"^(?:['’]s\s+(?:" + _BETWEEN + r"){0,3}?|\s+(?:" + _BETWEEN + r"){0,2}?)"
    r"(?:(?:has|had|have|would|could|may|might|will|did)\s+(?:(?:also|since|already|repeatedly|reportedly|now|not|"
    r"twice|effectively|formally)\s+)*)?(?:"
    r"(?:block(?:ed|s|ing)?|veto(?:ed|es|ing)?)(?!\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:purchase|"
    r"acquisition|procurement|buy|to buy|to acquire|to purchase)\b)|ban(?:ned|s|ning)?\s+(?:the\s+|all\s+|any\s+|arms\s+)*(?:sales?|exports?|"
    r"transfers?|deliver)|bar(?:red|s|ring)?\s+(?:the\s+)?(?:sales?|exports?|transfers?|deliver)|embargoed|"
    r"halted\s+(?:the\s+)?(?:sales?|exports?)|"
    r"(?:refus\w+|deni\w+|deny|withh[oe]ld\w*|revok\w+|suspend\w*)\s+(?:to\s+(?:grant|issue|approve|license|licence|"
    r"authori[sz]e|allow|clear|permit)\b[^.;]{0,30}?\b)?(?:an?\s+|the\s+|its\s+)?(?:export|licen[cs]e|permission|"
    r"re-?export|authori[sz]ation)|"
    r"sanction(?:ed|s|ing)|(?:imposed|imposes|impose|threat\w*|slapped|warned\s+of)\s+(?:to\s+impose\s+)?"
    r"(?:\w+\s+){0,2}?(?:sanctions|an?\s+embargo|a\s+ban|penalties)|threat\w*\s+to\s+(?:block|veto|sanction|ban)|"
    r"objected|objects|opposed|opposes)\b(?!\s+(?:by|from)\b)"
    r"|^(?:['’]s)?\s+(?:(?:threatened|possible|potential|new|tough|latest)\s+)?(?:sanctions|veto|embargo|objections?|"
    r"opposition|refusal)\b", re.I))
_BLOCKS_BEFORE = Caseless(re.compile(
    r"\b(?:sanctions|embargo|ban|veto|objections?|opposition|refusal|export\s+licen[cs]es?|export\s+controls?|"
    r"export\s+restrictions?)\s+(?:(?:imposed|issued|threatened|granted|required|needed)\s+)?(?:by|from)\s+"
    r"(?:the\s+)?$", re.I))
_LIST_GAP = re.compile(r"\s*(?:,|\band\b|,\s*and\b|\bor\b|,\s*as well as\b)\s*(?:the\s+)?")
# a list of platforms (`Featurizer._plat_list_at`): joined, with no verb, relative or contrast between two items
_PLAT_LIST_JOIN = re.compile(r",|\band\b|\bas well as\b|\bplus\b|\balong with\b|\btogether with\b")
_PLAT_LIST_BREAK = re.compile(r"[;:()]|\bto\s+[a-z]+|\b(?:but|while|whereas|although|though|which|who|that|after|before|"
                              r"because|since|said|says|also|is|are|was|were|has|have|had|will|would|could|may|might|"
                              r"than|over|against|versus|instead|replac\w*|retir\w*|rather)\b", re.I)
_QTY_BEFORE = re.compile(r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|\w+teen|\w+ty)"
                         r"\s+(?:(?:more|additional|new|further|used|second-hand|advanced|[A-Z][\w-]*)\s+){0,2}$", re.I)


STATUS_ONLY = "st:"  # the prefix of the features only the status decision weighs
# how far a purchase has come, as the words of its sentence tell, wherever they stand in it (each run as its
# case-sensitive twin over the lower-cased sentence, `Caseless`)
_STAGE_CUES = [(name, Caseless(re.compile(rx, re.I))) for name, rx in (
    ("in_service", r"\b(?:in service|in (?:its|their|the) (?:fleet|inventory|arsenal)s?|operat(?:es|ed|ing|ors?)|"
                   r"already (?:uses?|has|have|flies|fly|operates?)|(?:flown|used|operated) by|equipped with|"
                   r"mainstay|backbone|currently (?:uses?|has|flies))\b"),
    ("aged", r"\b(?:ageing|aging|obsolete|old|older|outdated|vintage|decades?|soviet[- ]era|cold war|retir\w*|"
             r"decommission\w*|phas(?:ed|ing) out|replac\w*)\b"),
    ("long_ago", r"\b(?:in|since|from) (?:the )?(?:early |late |mid-)?(?:19\d\d|19\d0s|2000s)\b|\bdecades ago\b"),
    ("arrived", r"\b(?:delivered|arrived|arrival|received|handed over|took delivery|taken delivery|inducted|"
                r"commissioned|entered service|touched down|landed)\b"),
    ("first_batch", r"\b(?:first|initial|second|latest|last|final|sixth|fifth|third|fourth)\s+(?:\w+\s+)?"
                    r"(?:batch|consignment|shipment|deliver\w*|of the|tranche|lot|units?)\b"),
    ("all_of", r"\b(?:all|last|final|remaining)\s+(?:[\w-]+\s+){0,8}?(?:have|has|had|were)\s+(?:now\s+|been\s+){0,2}"
               r"(?:delivered|handed over|arrived)"),
    ("future", r"\b(?:will|would|shall|to be|expected to|due to|scheduled to|set to|plans? to|planned|intends? to|"
               r"wants? to|aims? to|is to|are to)\b"),
    ("choice", r"\b(?:selected|chose|chosen|opted for|picked|won|wins|winner|tender|shortlist\w*|contenders?|"
               r"preferred|competition|bids?|bidders?)\b"),
    ("approval", r"\b(?:approved|approves|cleared|state department|dsca|notified congress|possible (?:foreign military )?"
                 r"sale|letter of (?:offer|request))\b"),
    ("talks", r"\b(?:talks|negotiat\w*|discuss\w*|memorandum|mou|letter of intent|framework)\b"),
    ("contract", r"\b(?:signed|contract|ordered|order|inked|awarded|deal worth|agreement worth)\b"),
    ("cancelled", r"\b(?:cancel\w*|scrapped|axed|shelved|terminated|suspended|froze|frozen|halted|blocked|"
                  r"withdr[ae]w\w*|pulled out|backed out)\b"),
)]
# the lower-case beginnings of every match of each cue (`prefixes.beginnings`): where the lower-cased sentence
# stands for it, a cue none of whose beginnings it holds anywhere cannot match in it
_STAGE_HEADS = [None if f is None else tuple(sorted(h for h in f if not any(h.startswith(g) for g in f if g != h)))
                for f in all_beginnings(
    [rx.rx.pattern for _, rx in _STAGE_CUES], [rx.rx.flags for _, rx in _STAGE_CUES], name="stage-cues")]  # (a beginning
# another one begins with is left out: the shorter one is found wherever the longer one is)


def _at_word_start(items) -> bool:
    """Does every match of the parsed expression begin with `\\b`?"""
    items = list(items)
    if not items:
        return False
    op, av = items[0]
    if op is _C.AT:
        return av is _C.AT_BOUNDARY
    if op is _C.BRANCH:
        return all(_at_word_start(alt) for alt in av[1])
    return op is _C.SUBPATTERN and _at_word_start(av[3])


# the cues tried only where one of their beginnings stands at the start of a word (each begins with `\b` and its
# beginnings with a word character): one scan of the lower-cased sentence finds those places for all of them
_STAGE_AT = [heads is not None and rx.twin is not None and all(h[:1].isalnum() or h[:1] == "_" for h in heads)
             and _at_word_start(_P.parse(rx.rx.pattern, rx.rx.flags)) for (_, rx), heads in zip(_STAGE_CUES, _STAGE_HEADS)]
_STAGE_OF_HEAD: dict[str, list[int]] = {}  # a beginning -> the cues (by number) it begins
for _k, _heads in enumerate(_STAGE_HEADS):
    for _h in _heads if _STAGE_AT[_k] else ():
        _STAGE_OF_HEAD.setdefault(_h, []).append(_k)
# a beginning the scan finds -> the cues of every beginning it begins with (itself included), in that order
_STAGE_OF_FOUND = {h: tuple(k for n in range(1, len(h) + 1) for k in _STAGE_OF_HEAD.get(h[:n], ()))
                   for h in _STAGE_OF_HEAD}
# `\b(?=(beginning))` written so that the search skips to the letters a beginning starts with (a leading `\b` makes it
# try every character): the first letter read, the boundary before it checked behind it (`(?<!\w.)`), and the
# beginning captured from the letter on by a lookahead inside a one-character lookbehind. It matches where that did,
# one character long, so the next search starts one character on, as after that one's empty match
_STAGE_SCAN = re.compile("[" + "".join(sorted({re.escape(h[0]) for h in _STAGE_OF_HEAD})) + r"](?<!\w.)(?<=(?=("
                         + trie(sorted(_STAGE_OF_HEAD)) + ")).)") if _STAGE_OF_HEAD else None


def _cues_before(before: str) -> set[str]:
    """The preposition a party's name follows: "to Egypt", "from France", "by Spain", "with Russia"."""
    return {"cue:" + name for name, rx in (("to", _TO_BEFORE), ("from", _FROM_BEFORE), ("by", _BY_BEFORE),
                                           ("with", _WITH_BEFORE), ("in_service", _IN_SERVICE_BEFORE)) if rx.search(before)}


_FIRST = itemgetter(0)
# how a pair stands to the platform's origin and partners, and whether the recipient is the country nearest it ->
# the features saying so (`Featurizer.mention_parts`); at most 64
_PAIRS: dict[tuple, frozenset[str]] = {}
_EMPTY: frozenset[str] = frozenset()
_N_MENTIONS = {n: "n_mentions:" + n for n in ("1", "2", "3-4", "5+")}


def _bucket(d: int) -> str:
    return "0" if d <= 0 else "s" if d <= 25 else "m" if d <= 70 else "l" if d <= 160 else "x"


def _count(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _dist(a: int, b: int, s: int, e: int) -> int:
    if b <= s:
        return s - b
    if e <= a:
        return a - e
    return 0


class Featurizer:
    """Computes candidate features for one article."""

    def __init__(self, clauses: list[Clause], text: str, home: str | None) -> None:
        self.clauses, self.text, self.home = clauses, text, home
        self.country_count = Counter()
        for c in clauses:
            for _, _, ent in c.countries:
                if ent.code:
                    self.country_count[ent.code] += 1
        first = next((c for c in clauses if not c.sent.noise), None)
        self.first_codes = {ent.code for _, _, ent in first.countries} if first else set()
        self.first_plats = {ent.name for _, _, ent in first.platforms} if first else set()
        self.plat_count = Counter(ent.name for c in clauses for _, _, ent in c.platforms)
        self.n_plats = len(self.plat_count)
        # the kinds of platform the article names (not by a generic class): "the frigates" after "Talwar class"
        self.named_cats = {ent.category for c in clauses for _, _, ent in c.platforms if not ent.extra.get("generic")}
        self._lists: dict[int, dict[int, tuple[int, int, int]]] = {}  # by clause: a list's span and size by start
        self._at: dict[tuple, tuple] = {}
        self._code_lists: dict[str, set] | None = None
        self._sides: dict[tuple, tuple] = {}
        self._named: dict[tuple, tuple] = {}
        self._own: dict[tuple, tuple] = {}
        self._near: dict[tuple, frozenset | list | tuple | bool | None] = {}  # memos of small lookups, each by its own key
        self._combos: dict = {}
        self._raw: dict[tuple, tuple] = {}
        self._rule_index: tuple | None = None
        self._plat_mates: tuple | None = None  # `_plat_list_mates`: the rules' (recipient, platform) pairs
        self._plat_lists: dict[tuple, tuple] = {}  # `_plat_list_at`, by mention
        self._interned: dict[tuple, frozenset] = {}
        self._stages: dict[int, frozenset[str]] = {}
        self._sentences: dict[int, tuple] = {}  # `_sentence_at`, by sentence
        self._warns: dict[int, bool] = {}  # does a party named up to here warn another ("...warned Ankara")?
        self._blocks: dict[tuple, bool] = {}  # `_blocks_in`, by sentence and country
        self._pays: dict[tuple, bool | tuple] = {}  # `_pays_at`, by party
        self._makers: dict[tuple, tuple] = {}  # `_made_by`, by list of countries
        self._lost: dict[int, tuple] = {}  # `_lost_words`, by sentence
        self._sellers: tuple | None = None  # who is named as selling each platform (`index_sellers`)
        self._anchored: dict[tuple, tuple[set, set]] = {}  # who is named as taking or giving at each mention
        self._takers: tuple[set, set] = (set(), set())  # ... and anywhere in the report
        self._held: set[str] = set()  # the recipients named as holding a platform or as its buyers in a passive
        self._adjacent: dict[tuple, str] = {}  # the mentions whose recipient takes in the next or last sentence
        self._body: set[tuple[int, int]] = set()  # the mentions a bare body of the report's own state takes

    def candidate(self, cand: Candidate, rule_status: str | None, rule_keys: dict | None = None) -> set[str]:
        """`rule_keys`: the status of every deal the rules opened in the article, by (supplier, recipient, platform).
        The rules' vote reaches every member of a list of buyers ("ordered by Egypt, Qatar and Greece")."""
        return set().union(*self.candidate_parts(cand, rule_status, rule_keys))

    def candidate_parts(self, cand: Candidate, rule_status: str | None, rule_keys: dict | None = None) -> list:
        """The features of a candidate as the sets they are made of: its own, then those of its mentions; each
        frozen and shared between the candidates that have it, so that the model weighs it once
        (`learned.Binary.weigh`)."""
        f: list[str] = []
        plat = cand.platform.name
        if not rule_status and rule_keys:
            _, by_supplier, by_recipient, _ = self._rule_index_of(rule_keys)
            same_supplier = by_supplier.get((plat, cand.supplier), ())
            if same_supplier and (len(same_supplier) > 1 or same_supplier[0][1] != cand.recipient):
                f.append("rule:other_recipient")
                lists = self._lists_of_code()
                # a list the platform is named with ("ordered by Egypt, Qatar and Greece"), not one in the next
                # sentence ("friction between China and the Philippines")
                here = {m.clause for m in cand.mentions}
                mine = {x for x in lists.get(cand.recipient, set()) if x[0] in here}
                mate = next((k for k in same_supplier if mine & lists.get(k[1], set())), None)
                if mate is not None:
                    f.append("rule:list_mate")
                    rule_status = rule_keys[mate]
            same_recipient = by_recipient.get((plat, cand.recipient), ())
            if same_recipient and (len(same_recipient) > 1 or same_recipient[0][0] != cand.supplier):
                f.append("rule:other_supplier")
            f += self._plat_list_mates(cand, rule_keys)
        ms = cand.mentions
        f.append(_N_MENTIONS[_count(1 if len(ms) == 1 else len({(m.clause, m.start) for m in ms}))])
        f += self._plat_own(cand.platform)
        if cand.platform.extra.get("ship_name"):
            f.append(SHIP_NAMED)  # one ship by its name: the deal is its class's or its kind's (`decide.overruled`)
        if cand.platform.extra.get("generic") and rule_keys:
            # a class ("the jets") whose pair the rules gave a named platform stands for that platform
            named = self._rule_index_of(rule_keys)[3].get((cand.supplier, cand.recipient), ())
            if any(p != cand.platform.name for p in named):
                f.append("class:pair_named")
        f += self._rec_own(cand.recipient)
        if cand.supplier in self.first_codes:
            f.append("sup:in_first_sentence")
        if rule_status:
            f.append("rule:deal")
            f.append("rule:status:" + rule_status)
            if self.other_named(cand):  # the rules' supplier where the report names another seller
                f.append("rule:deal&sib:other_named")
        else:
            f.append("rule:none")
            # the rules opened no deal in the whole report: what they missed is more often a deal
            if not rule_keys:
                f.append("rule:none&report_none")
        parts = [self._frozen(f), self._precision_parts(cand)]
        for m in ms:
            parts += self.mention_parts(m)
        return parts


    def index_sellers(self, candidates: list[Candidate]) -> None:
        """Read once per article, before the candidates' features (`_precision_parts`): for each (recipient,
        platform), the suppliers named as sellers in a mention of it with that recipient (`_SELLER_SIDE`), and for
        each platform the countries named as its sellers to anyone."""
        sellers: dict[tuple, set[str]] = {}
        by_plat: dict[str, set[str]] = {}
        named: dict[tuple, set[str]] = {}
        own: dict[tuple, set[str]] = {}  # ... those with no other platform between them and it
        for cand in candidates:
            for m in cand.mentions:
                if m.supplier.start < 0 or m.supplier.clause != m.clause:
                    continue
                named.setdefault((cand.recipient, cand.platform.name), set()).add(cand.supplier)
                if self._party(m.supplier, m, self.clauses[m.clause])[0] & _SELLER_SIDE:
                    sellers.setdefault((cand.recipient, cand.platform.name), set()).add(cand.supplier)
                    by_plat.setdefault(cand.platform.name, set()).add(cand.supplier)
                    if not _platform_between(self.clauses[m.clause], m, m.supplier):
                        own.setdefault((cand.recipient, cand.platform.name), set()).add(cand.supplier)
                    break
        self._sellers = (sellers, by_plat, named, own)
        # each platform mention's recipients and suppliers named as such in its sentence ("to Egypt", "Egypt
        # bought", "from France"): a party beside them that is not is seldom the one
        anchored: dict[tuple, tuple[set, set]] = {}
        held: set[str] = set()  # ... and those named as holding it, its earlier buyers ("in service in X and Y")
        for cand in candidates:
            for m in cand.mentions:
                if m.clause != m.recipient.clause and m.clause != m.supplier.clause:
                    continue
                c = self.clauses[m.clause]
                got = anchored.setdefault((m.clause, m.start), (set(), set()))
                if m.recipient.clause == m.clause:
                    side = self._party(m.recipient, m, c)[0]
                    if side & _REC_ANCHORS:
                        got[0].add(cand.recipient)
                    elif _REC_HOLDS & side or _REC_BY <= side or self._holds(m, c):
                        held.add(cand.recipient)
                if m.supplier.clause == m.clause and self._party(m.supplier, m, c)[0] & _SUP_ANCHORS:
                    got[1].add(cand.supplier)
        self._anchored = anchored
        # the report's own country as the taker where a bare body of its state takes the platform ("the Service
        # had taken delivery of five Mi-35M", "the navy has commissioned two corvettes", "the government ordered
        # 12 Super Tucano"): no country is named in that sentence, so no "to X" or "X bought" anchors it
        body: set[tuple[int, int]] = set()
        if self.home:
            for cand in candidates:
                if cand.recipient != self.home:
                    continue
                for m in cand.mentions:
                    if m.recipient.clause != m.clause and self._body_takes(m):
                        body.add((m.clause, m.start))
        self._body = body
        # a recipient named only in the sentence before or after the platform's, as the one that buys or takes
        # there ("Nigeria has ordered 15 aircraft. They include 12 Super Tucano ..."): the deal told over two
        # sentences where that sentence names no platform of its own; where it names another, the recipient takes
        # that one ("... Separately, Ghana bought two patrol boats from Israel.")
        adjacent: dict[tuple, str] = {}
        named_in: dict[int, set[str]] = {}  # the platforms and classes each sentence names
        for cand in candidates:
            for m in cand.mentions:
                named_in.setdefault(m.clause, set()).add(cand.platform.name)
        for cand in candidates:
            for m in cand.mentions:
                p = m.recipient
                if p.clause < 0 or p.clause == m.clause or p.start < 0 or not self._takes_at(p):
                    continue
                other = bool(named_in.get(p.clause, set()) - {cand.platform.name})
                adjacent[(m.clause, m.start, cand.recipient)] = "other_platform" if other else "alone"
                if not other:
                    held.add(cand.recipient)  # a taker the report names, though with no platform beside it
        self._adjacent = adjacent
        # and every country the report names as buying or taking, platform or none beside it ("Nigeria has
        # ordered 15 new aircraft"): not a bystander of the report's deals
        for i, c in enumerate(self.clauses):
            for s, e, ent in c.countries:
                if ent.code and ent.code not in held and self._takes_at(Party(ent.code, s, e, i, "country")):
                    held.add(ent.code)
        # and who is named so anywhere in the report: a bystander's name beside a platform is seldom its buyer or seller
        self._held = held
        self._takers = (set().union(*(g[0] for g in anchored.values())),
                        set().union(*(g[1] for g in anchored.values())))
        # ... and the mentions a body takes anchor the home country there, not across the report (its other
        # platforms are no more its own for it)
        for key in body:
            anchored.setdefault(key, (set(), set()))[0].add(self.home)

    def _takes_at(self, p: Party) -> bool:
        """Is the party named in its sentence as the one that buys or takes ("Nigeria has ordered", "Egypt's navy
        took delivery of", "sold to Egypt"; `_TAKES_AFTER`, `_TO_TAKER_BEFORE`)?"""
        key = ("takes", p.clause, p.start)
        hit = self._near.get(key)
        if hit is None:
            c = self.clauses[p.clause]
            text = self.text
            # a list of countries takes as one ("Kenya and Uganda have ordered", "sold to Chile and Peru"): its
            # first member is read after the list's end, its last before the list's start
            first, last, _ = self._list_of(c, p)
            first, last = min(first, p.start), max(last, p.end)
            before = text[max(c.start, first - 40):first]
            hit = self._near[key] = bool(_TAKES_AFTER.match(text[last:min(c.end, last + 80)])
                                         or _TO_TAKER_BEFORE.search(before)
                                         or (_GIVE_WITH_BEFORE.search(before) is not None
                                             and _WITH_AFTER.match(text, last) is not None))
        return hit

    def _body_takes(self, m: Mention) -> bool:
        """Is a bare body of a state (service, armed forces, ministry, government; no country named before it
        in the sentence) the subject of a verb of taking the platform, before the platform (`_BODY_TAKES`)?"""
        key = ("body", m.clause, m.start)
        hit = self._near.get(key)
        if hit is None:
            c = self.clauses[m.clause]
            hit = self._near[key] = (not any(s < m.start for s, _, _ in c.countries)
                                     and bool(_BODY_TAKES.search(self.text, c.start, m.start)))
        return hit

    def _holds(self, m: Mention, c: Clause) -> bool:
        """Is the mention's recipient named as holding the platform, a fleet it bought ("China and Turkey already
        have the S-400 in service", "Egypt, which operates the Rafale"; `_rec_holds`), not one it upgrades?"""
        at = self._service_at(m, c)
        return bool(at) and "svc:upgrade" not in at and self._rec_holds(m, c, m.recipient, at) in ("owner", "operator")

    def other_named(self, cand: Candidate) -> bool:
        """Is the candidate's supplier never named in a sentence of the platform, where another supplier of the
        same recipient and platform is ("Turkey and the UK signed for Eurofighters": the UK, not Germany, the
        partner the catalogue adds)? (`index_sellers` first.)"""
        if self._sellers is None:
            return False
        named = self._sellers[2].get((cand.recipient, cand.platform.name), ())
        return bool(named) and cand.supplier not in named

    def _precision_parts(self, cand: Candidate) -> frozenset[str]:
        """The candidate's features against the commonest false deals (see `_SELLER_SIDE` and `_LOST_BEFORE`), as
        one frozen set."""
        f: list[str] = []
        if self._sellers is not None:
            sellers, by_plat, _, own = self._sellers
            plat = cand.platform.name
            named = sellers.get((cand.recipient, plat), ())
            if named and cand.supplier not in named:
                origin = cand.platform.country
                f.append("sib:other_seller")
                if own.get((cand.recipient, plat), set()) - {cand.supplier} and self.other_named(cand):
                    # ... the seller of this platform, not of one named between ("the T-50 over the L-159 from
                    # the Czech Republic"), and the supplier never named with the platform (`decide.overruled`)
                    f.append(SELLER_ELSEWHERE)
                f.append("sib:other_seller&" + ("origin_unknown" if origin is None else "origin" if cand.supplier == origin
                                                else "not_origin"))
            if cand.recipient in by_plat.get(plat, ()):
                f.append("sib:rec_sells")
            if self.other_named(cand):
                f.append("sib:other_named")
                f.append("sib:other_named&" + ("origin_unknown" if cand.platform.country is None else "origin"
                                               if cand.supplier == cand.platform.country else "not_origin"))
        body = bool(self._body) and cand.recipient == self.home and any((m.clause, m.start) in self._body
                                                                        for m in cand.mentions)
        if body:
            f.append(BODY_TAKES)
        if self._adjacent:
            adj = {self._adjacent.get((m.clause, m.start, cand.recipient)) for m in cand.mentions} - {None}
            f += sorted("rec_any:adjacent_taker&" + x for x in adj)
        if self._anchored:
            got = [self._anchored.get((m.clause, m.start), (_EMPTY, _EMPTY)) for m in cand.mentions]
            if any(g[0] for g in got):
                f.append("rec_any:anchored" if any(cand.recipient in g[0] for g in got) else "rec_all:other_anchored")
            if any(g[1] for g in got):
                f.append("sup_any:anchored" if any(cand.supplier in g[1] for g in got) else "sup_all:other_anchored")
            takers = self._takers
            if cand.recipient in takers[0]:
                f.append("rec:takes_in_report")
                if len(takers[0]) == 1:  # the one country the report names as taking anything
                    f.append("rec:sole_taker_in_report")
            elif (takers[0] or self._held) and cand.recipient not in self._held and not body:
                f.append("rec:not_taker_in_report")
            if cand.supplier in takers[1]:
                f.append("sup:gives_in_report")
                if len(takers[1]) == 1:  # ... and as giving
                    f.append("sup:sole_giver_in_report")
            elif takers[1]:
                f.append("sup:not_giver_in_report")
        named = [m for m in cand.mentions if m.recipient.clause == m.clause and m.recipient.start >= 0]
        if named and all("rec:makes_other" in self._party(m.recipient, m, self.clauses[m.clause])[0] for m in named):
            f.append(MAKES_OTHER)  # named, wherever named with the platform, as another platform's maker
        if named and all(self._blocks_in(m.clause, cand.recipient) for m in named):
            f.append(BLOCKS)  # named, in each sentence of the platform, as blocking, banning or sanctioning it
        if named and all(self._from_only(m.recipient) for m in named):
            f.append(REC_FROM)  # named, wherever named with the platform, as where it comes from
        if self._civil(cand):
            f.append(CIVIL)
        f += self._party_roles(cand)
        cues = [self._lost_cues(m) for m in cand.mentions]
        if any(cues):  # (most mentions have none: then none of these)
            # each kind of cue is rare in the training reports (2-7 reports each): pooled, so that the model weighs
            # it at all
            every = frozenset.intersection(*cues)
            for x in {_POOLED.get(x, x) for x in frozenset().union(*cues)}:
                f.append("lost:" + x)
                if any(_POOLED.get(y, y) == x for y in every):
                    f.append("lost_all:" + x)
            if all(c & _NOT_BOUGHT for c in cues):
                f.append(NOT_BOUGHT)
        return self._frozen(sorted(f))

    def _party_roles(self, cand: Candidate) -> list[str]:
        """Who the parties are beside buyer and seller (issue 9, wrong parties): the recipient named, in every
        sentence of the platform that names it, only in the sentence's dateline ("WARSAW, Poland — The Croatian
        ministry ordered 44 Leopard 2A8 tanks"); the recipient named as the one that pays or buys for another
        country ("bought by the US Defense Department for the Afghan National Army", "Germany offered to buy
        Patriot systems from the US for Ukraine", "built with Danish financial support"); and the platform's maker
        as supplier where the report tells the platform second-hand at any of its names ("24 second-hand F-16s"
        in one sentence, "the F-16s" in the next): most often the country that used it sells it."""
        f: list[str] = []
        named = [m for m in cand.mentions if m.recipient.clause == m.clause and m.recipient.start >= 0]
        if named and all(self._in_dateline(m.recipient) for m in named):
            f.append("rec_all:dateline")
        if any(self._pays_for_other(m.recipient, {cand.recipient, cand.supplier}) for m in named):
            f.append("rec_any:pays_for_other")
        plat = cand.platform
        if plat.country is not None and cand.supplier == plat.country and self._used_in_report(plat.name):
            f.append("sup:origin&used_in_report")
        return f

    def _in_dateline(self, p: Party) -> bool:
        """Is the party named in its sentence's dateline ("WARSAW, Poland —", "ZAGREB, Croatia (AP) -")?"""
        c = self.clauses[p.clause]
        key = ("dateline", p.clause)
        end = self._near.get(key)
        if end is None:
            m = _DATELINE.match(self.text, c.start, min(c.end, c.start + 120))
            end = self._near[key] = m.end() if m else -1
        return p.start < end

    def _pays_for_other(self, p: Party, pair: set[str]) -> bool:
        """Is the party named as the one that pays for the platform or buys it for another country (`_PAYS_*`)?
        The other countries it may buy for are those not of the pair (`pair`: the candidate's supplier and
        recipient); what the text says around the party does not depend on the pair (`_pays_at`)."""
        at = self._pays_at(p)
        return at is True or any(code not in pair for code in at)

    def _pays_at(self, p: Party) -> bool | tuple:
        """`_pays_for_other` without the pair, once a party (the candidates of many pairs ask of one): True where
        it is named as the one that pays ("financed by X", "X paid for"), else the countries after it (by their
        code, or by the country of a state body) that it is named as buying for ("X bought ... for Y": a "for"
        before Y, a verb of buying between X and Y, no clause break), in the sentence's order."""
        key = (p.clause, p.start, p.end)
        hit = self._pays.get(key)
        if hit is None:
            c = self.clauses[p.clause]
            text = self.text
            first, last, _ = self._list_of(c, p)
            if _PAID_BY_BEFORE.search(text, max(c.start, first - 40), first) \
                    or _PAYS_AFTER.match(text, last, min(c.end, last + 60)):
                hit = True
            else:
                others = [(s, ent.code or ent.country) for s, _, ent in c.countries if s > last] + [
                    (s, ent.country) for s, _, ent in c.orgs if s > last and state_buyer(ent)
                    and ent.country]
                hit = tuple(code for s, code in others
                            if s - last <= 160 and _FOR_OTHER.search(text, max(last, s - 25), s)
                            and _BUY_VERB.search(text, max(c.start, first - 60), s) and not _BREAK.search(text, last, s))
            self._pays[key] = hit
        return hit

    def _used_in_report(self, name: str) -> bool:
        """Is the platform told second-hand at any of its names in the report (`_USED_BEFORE`, `_USED_AFTER`)?"""
        used = self._near.get("used_report")  # the names told so, read once an article
        if used is None:
            text = self.text
            used = self._near["used_report"] = frozenset(
                ent.name for c in self.clauses for s, e, ent in c.platforms
                if _USED_BEFORE.search(text, max(c.start, s - 50), s) or _USED_AFTER.match(text, e, c.end))
        return name in used

    def _blocks_in(self, clause: int, code: str) -> bool:
        """Is the country named in the sentence as the one that blocks, bans, sanctions or refuses a licence, at
        one of its names there ("Britain has vetoed the deal over British-made parts in the FA-50": the one the
        candidate holds may be the other)?"""
        hit = self._blocks.get((clause, code))  # once a sentence and country: every candidate of it asks
        if hit is None:
            c = self.clauses[clause]
            hit = self._blocks[clause, code] = any(
                "role:blocks" in self._named_at(Party(code, s, e, clause, "country"), c)[0]
                for s, e, ent in c.countries if ent.code == code)
        return hit

    def _from_only(self, p: Party) -> bool:
        """Is the recipient named, at this mention, after a "from" that tells where something comes from ("arrived
        from South Korea", "used Typhoons from Qatar and Oman", "competition from the UK", "opposition from India"),
        not who asks for it ("an order from Romania", "a request from the Indian Navy")?"""
        key = ("from", p.clause, p.start, p.end)  # what it reads: the list that holds the party, by its span
        hit = self._near.get(key)
        if hit is None:
            first, _, _ = self._list_of(self.clauses[p.clause], p)
            before = self.text[max(self.clauses[p.clause].start, first - 40):first]
            hit = self._near[key] = bool(_FROM_BEFORE.search(before)) and not _ASKS_FROM.search(before)
        return hit

    def _civil(self, cand: Candidate) -> bool:
        """Is the platform an airliner: named only as its maker's model by number, uncatalogued ("Boeing 787-10",
        "Airbus A321"), and no sentence of it tells of arms or forces ("Emirates ordered 50 Boeing 777s at the
        airshow")? Not where a defence term stands beside it ("the air force's Boeing 737")."""
        plat = cand.platform
        if plat.catalogue_id or plat.category is not None or not plat.extra.get("maker") \
                or not _AIRLINER.fullmatch(plat.name):
            return False
        return not any(DEFENCE_TERMS.search(self.clauses[k].sent.text) for k in {m.clause for m in cand.mentions})

    def _lost_cues(self, m: Mention) -> frozenset[str]:
        """The words around a platform mention that say it was passed over, a rival, replaced or a carrier
        (`_LOST_*`)."""
        key = ("lost", m.clause, m.start)
        hit = self._near.get(key)
        if hit is None:
            c = self.clauses[m.clause]
            before = self.text[max(c.start, m.start - 140):m.start]
            after = self.text[m.end:min(c.end, m.end + 100)]
            words_before, words_after = self._lost_words(c)
            names = set()
            if words_before:
                may = _may(before, words_before)
                names.update(name for name, rx in _LOST_BEFORE if name in may and rx.search(before))
            if words_after:
                may = _may(after, words_after)
                names.update(name for name, rx in _LOST_AFTER if name in may and rx.search(after))
            hit = self._near[key] = frozenset(names)
        return hit

    def _lost_words(self, c: Clause) -> tuple[tuple, tuple]:
        """The words of `_LOST_BEFORE_WORDS` and `_LOST_AFTER_WORDS` that the sentence's lower-cased text holds
        anywhere (all, where it has no such form): a window of it holds no others, so `_lost_cues` looks only for
        these (most sentences hold none); once a sentence."""
        hit = self._lost.get(id(c))
        if hit is None:
            low = lowered(self.text[c.start:c.end])
            hit = self._lost[id(c)] = (_LOST_BEFORE_WORDS, _LOST_AFTER_WORDS) if low is None else (
                tuple([x for x in _LOST_BEFORE_WORDS if x[0] in low]), tuple([x for x in _LOST_AFTER_WORDS if x[0] in low]))
        return hit

    def _plat_own(self, platform: Entity) -> tuple[str, ...]:
        """A candidate's features that depend on its platform alone, then those of the article (in that order)."""
        plat = platform.name
        hit = self._own.get(("plat", plat))
        if hit is None:
            hit = ("plat_count:" + _count(self.plat_count[plat]), "n_plats_article:" + _count(self.n_plats))
            if plat in self.first_plats:
                hit += ("plat:in_first_sentence",)
            if platform.extra.get("generic"):
                hit += ("generic:" + ("kind_named" if platform.category in self.named_cats else "kind_alone"),)
            self._own["plat", plat] = hit
        return hit

    def _rec_own(self, code: str) -> tuple[str, ...]:
        """A candidate's features that depend on its recipient alone."""
        hit = self._own.get(("rec", code))
        if hit is None:
            hit = ("rec_count:" + _count(self.country_count.get(code, 0)),)
            if code == self.home:
                hit += ("rec:home_country",)
            if code in self.first_codes:
                hit += ("rec:in_first_sentence",)
            self._own["rec", code] = hit
        return hit

    def _frozen(self, names: list[str]) -> frozenset[str]:
        """One frozen set per distinct list of feature names in the article."""
        key = tuple(names)
        hit = self._interned.get(key)
        if hit is None:
            hit = self._interned[key] = frozenset(key)
        return hit

    def _plat_list_mates(self, cand: Candidate, rule_keys: dict) -> list[str]:
        """Is the candidate's platform named in one list with another platform the rules opened a deal of for the
        same recipient ("bought two Scorpene submarines and 13 Thales radars", "orders of 24 Su-30 fighters, some
        50 helicopters and 100,000 rifles")? The list's buyer is each item's."""
        if self._plat_mates is None or self._plat_mates[0] is not rule_keys:
            self._plat_mates = (rule_keys, {(k[1], k[2]) for k in rule_keys}, set(rule_keys))
        _, by_rec, keys = self._plat_mates
        out: list[str] = []
        for m in cand.mentions:
            for name in self._plat_list_at(m):
                if name == cand.platform.name or (cand.recipient, name) not in by_rec:
                    continue
                if not out:
                    out.append("rule:plat_list_mate")
                if (cand.supplier, cand.recipient, name) in keys:
                    return ["rule:plat_list_mate", "rule:plat_list_mate&same_sup"]
        return out

    def _plat_list_at(self, m: Mention) -> tuple[str, ...]:
        """The named platforms of the list the mention (a named platform or a class) stands in: items joined by
        commas, "and", "as well as", "plus", "along with", with no verb or clause break between."""
        key = (m.clause, m.start, m.end)
        hit = self._plat_lists.get(key)
        if hit is None:
            c = self.clauses[m.clause]
            items = {(s, e, ent.name) for s, e, ent in c.platforms}
            if not any(s == m.start for s, _, _ in items):
                items.add((m.start, m.end, ""))  # a class: not among the sentence's platforms
            items = sorted(items)
            group: list[tuple[int, int, str]] = []
            for s, e, name in items:
                gap = self.text[group[-1][1]:s] if group else ""
                if not (group and 0 <= len(gap) <= 80 and _PLAT_LIST_JOIN.search(gap)
                        and not _PLAT_LIST_BREAK.search(gap)):
                    if any(x[0] == m.start for x in group):
                        break
                    group = []
                group.append((s, e, name))
            hit = self._plat_lists[key] = tuple(n for _, _, n in group if n) if len(group) > 1 else ()
        return hit

    def _rule_index_of(self, rule_keys: dict) -> tuple:
        """The rules' deal keys by (platform, supplier) and by (platform, recipient), in their order, and their
        platforms by (supplier, recipient); indexed once for all the candidates of the article."""
        if self._rule_index is None or self._rule_index[0] is not rule_keys:
            by_supplier: dict[tuple, list] = {}
            by_recipient: dict[tuple, list] = {}
            pairs: dict[tuple[str, str], set[str]] = {}
            for k in rule_keys:
                by_supplier.setdefault((k[2], k[0]), []).append(k)
                by_recipient.setdefault((k[2], k[1]), []).append(k)
                pairs.setdefault((k[0], k[1]), set()).add(k[2])
            self._rule_index = (rule_keys, by_supplier, by_recipient, pairs)
        return self._rule_index

    def mention_parts(self, m: Mention) -> list:
        """The features of one platform mention paired with one supplier and one recipient, as the (shared,
        cached) sets they are made of."""
        c = self.clauses[m.clause]
        plat = m.platform
        sup, rec = m.supplier, m.recipient
        base, nearest = self._platform_at(m, c)
        sup_side, rec_side = self._party(sup, m, c), self._party(rec, m, c)
        out = [base, sup_side[0], rec_side[0]]
        if plat.country is not None and sup.code == plat.country:
            out.append(rec_side[2])
        near = only = False
        if rec.clause == m.clause and rec.start >= 0:
            # the nearest country the pair leaves out, if it is farther than the recipient
            other = None
            for d, code in self._by_distance(m, c):
                if code != sup.code and code != rec.code:
                    other = d
                    break
            only = other is None
            near = only or other > abs(rec.start - m.start)
        partners = plat.extra.get("partners") or ()
        origin = plat.country
        key = (0 if origin is None else 1 if sup.code == origin else 2 if sup.code in partners else 3,
               rec.code == origin, rec.code in partners, near, only)
        pair = _PAIRS.get(key)
        if pair is None:
            f: list[str] = [("sup:origin_unknown", "sup:origin", "sup:partner", "sup:not_origin")[key[0]]]
            if key[1]:
                f.append("rec:is_origin")
            if key[2]:
                f.append("rec:is_partner")
            if near:
                f.append("rec:nearest_other_country")
            if only:
                f.append("rec:only_other_country")
            pair = _PAIRS[key] = frozenset(f)
        out.append(self._with_trigger(rec_side, "rec", nearest))
        out.append(pair)
        svc = self._service(m, c, key[0])
        if svc:
            out.append(svc)
        verb = self._verb_near(m, c)
        if verb is not None:  # "Germany sent howitzers to Qatar": who stands before a giving verb gives
            out.append(self._direction(verb, sup, rec, m.clause))
        out.append(self._with_trigger(sup_side, "sup", nearest))
        if key[0] == 1 and sup_side[0] & _SUP_HOLDS:
            # the maker's own country named among the platform's holders ("in service in India, Poland, Norway and
            # Korea"): its home fleet, which leaves the list's others their purchases
            out.append(_ORIGIN_HOLDS)
        if self._used(m, c):  # second-hand: its maker sells it seldom
            out.append(_USED[key[0]])
        frame = self._from_frame(m, c, verb)
        if frame:
            out.append(frame)
        if sup_side[0] & _SUP_ANCHORS and rec_side[0] & _REC_ANCHORS:
            # both sides named as giver and taker in the platform's sentence ("Romania said it would donate a
            # Patriot system to Ukraine", "bought helicopters from Russia"): whoever made the platform
            out.append(_ANCHORED["generic" if plat.extra.get("generic") else
                                 ("origin_unknown", "origin", "partner", "not_origin")[key[0]]])
        return out

    def _service(self, m: Mention, c: Clause, origin: int) -> frozenset[str]:
        """A fleet the recipient holds (issue 9): the platform named as in service, operated, flown or fielded, in a
        fleet or inventory, or as "its" ("the air force's ageing F-5s", "Ghana already flies the Mi-17", "its fleet
        of Su-30MKI", "the Patriot is in service with Spain"), and whether the recipient is the one that holds it:
        named as its possessor, as the one that operates it, or as the sentence's first party where the platform is
        "its" (`_SVC_*`). Beside them, what tells a held fleet that is no purchase of the register's: an upgrade
        or overhaul of it, a Soviet one a former Soviet republic holds. `origin`: how the supplier stands to the platform's origin (as
        `mention_parts`' key)."""
        at = self._service_at(m, c)
        if not at:
            return _EMPTY
        rec = m.recipient
        key = ("svc", m.clause, m.start, rec.clause, rec.start, m.supplier.code, origin)
        hit = self._near.get(key)
        if hit is None:
            f = []
            owns = self._rec_holds(m, c, rec, at)
            if owns and "svc:upgrade" in at:
                f.append("svc:rec_holds&upgrade")  # the object of an upgrade: no purchase the contract records
            elif owns and m.supplier.code in _SOVIET_MAKERS and rec.code in EX_USSR:
                f.append("svc:rec_holds&ex_ussr")  # most often inherited from the USSR: no purchase either
            elif owns:
                f += ["svc:rec_holds", "svc:rec_" + owns]
                if origin == 1:
                    f.append("svc:rec_holds&origin")  # held, bought of its maker
            hit = self._near[key] = self._frozen(f)
        return hit

    def _service_at(self, m: Mention, c: Clause) -> frozenset[str]:
        """The platform's own cues of a held fleet (`_service`), once a mention."""
        key = ("svc_at", m.clause, m.start)
        hit = self._near.get(key)
        if hit is None:
            text = self.text
            before = text[max(c.start, m.start - 80):m.start]
            after = text[m.end:min(c.end, m.end + 90)]
            f = []  # (a fleet's list runs long: "the fleet, which includes Russian Mi-35 attack and Mi-17 ...")
            if _SVC_ITS.search(before):
                f.append("svc:its")
            if _SVC_FLEET_BEFORE.search(text, max(c.start, m.start - 150), m.start) or _SVC_FLEET_AFTER.match(after):
                f.append("svc:fleet")
            op = _SVC_OPERATE_BEFORE.search(before)
            if op is None:  # the platform further on in a list of what is held ("operates 12 Gripens ... and F-16s")
                op = _operate_list(_SVC_OPERATE_LIST.search(text[max(c.start, m.start - 150):m.start]))
            if op is None or _intent(op.string, op.start("op")):
                op = _SVC_OPERATE_AFTER.match(after)
            if op is not None and not _intent(op.string, op.start("op")):
                f.append("svc:operated")
            if f:
                if _SVC_UPGRADE.search(before):
                    f.append("svc:upgrade")
            hit = self._near[key] = frozenset(f)
        return hit

    def _rec_holds(self, m: Mention, c: Clause, rec: Party, at: frozenset[str]) -> str | None:
        """How the recipient is named as the one that holds the platform: `owner` ("Switzerland's fleet of F-5s",
        "the Afghan Air Force fleet, which includes ... C-130s"), `operator` ("Ghana already flies the Mi-17",
        "in service with Spain"), `subject` (the sentence's first party, the platform "its": "Colombia picked the
        Gripen to replace its ageing fleet of Kfirs"), `home` (the report's country, implied, no party named before
        an "its" platform in its sentence); None where it is not."""
        text = self.text
        if rec.start < 0:
            if "svc:its" in at and rec.via == "home" and not _party_before(c, m.start):
                return "home"
            return None
        if rec.clause != m.clause:
            return None
        first, last, _ = self._list_of(c, rec)
        if last <= m.start:
            between = text[last:m.start]
            if len(between) <= 160 and not _BREAK.search(between):
                if _SVC_OWNER.match(between) and not _NOT_QUALIFIES.search(between):
                    return "owner"
                if _SVC_OWNER_FLEET.match(between):
                    return "owner"
                op = _SVC_OPERATOR_BETWEEN.match(between) or _operate_list(_SVC_OPERATOR_LIST.match(between))
                if op is not None and not _intent(between, op.start("op")):
                    return "operator"
            if "svc:its" in at and not _party_before(c, first):
                return "subject"
            return None
        between = text[m.end:first]
        if len(between) <= 80:
            op = _SVC_OPERATOR_AFTER.match(between)
            if op is not None and not _intent(between, op.start("op")):
                return "operator"
        if _SVC_IN_BEFORE.search(between) and _SVC_OWNER_FLEET.match(text[last:min(c.end, last + 40)]):
            return "owner"  # "are already in the RCAF's fleet"
        return None

    def _from_frame(self, m: Mention, c: Clause, verb: tuple[int, int, str] | None) -> frozenset[str]:
        """The supplier named in the "from" that follows this platform ("bought helicopters from Russia", "the
        procurement of F-35A jets from Lockheed Martin"; not "helicopters from Russia, as well as tanks from China"
        for the tanks' seller), and, when a getting verb stands before the platform, where the recipient stands
        against that verb: before it ("the Thai army has bought"), implied (the home country), elsewhere."""
        sup, rec = m.supplier, m.recipient
        if sup.clause != m.clause or sup.start < m.end:
            return _EMPTY
        first, _, _ = self._list_of(c, sup)
        if first - m.end > 90 or not _FROM_ATTACHED.fullmatch(self.text, m.end, first):
            return _EMPTY
        f = ["frame:from"]
        if verb is not None and verb[2] == "get" and verb[1] <= m.start:
            where = ("implied" if rec.start < 0 else "before" if rec.clause == m.clause and rec.end <= verb[0]
                     else "other")
            f.append("frame:from&get")
            f.append("frame:from&get&rec_" + where)
        return self._frozen(f)

    def _by_distance(self, m: Mention, c: Clause) -> list[tuple[int, str | None]]:
        """The countries of the mention's sentence (distance from the platform, code), nearest first."""
        key = (m.clause, m.start)
        hit = self._near.get(key)
        if hit is None:
            hit = self._near[key] = sorted(((abs(s - m.start), ent.code) for s, _, ent in c.countries), key=_FIRST)
        return hit

    def _platform_at(self, m: Mention, c: Clause) -> tuple[frozenset, str]:
        """What does not depend on the parties: the platform, its sentence, triggers and words; and the kind of
        the deal trigger nearest the platform."""
        key = (m.clause, m.start, id(m.platform))
        hit = self._at.get(key)
        if hit is not None:
            return hit
        text = self.text
        plat = m.platform
        pos, plats, countries, adjacent = self._sentence_at(m.clause)
        f = {"bias_mention", "cat:" + (plat.category or "none"),
             "plat:catalogue" if plat.catalogue_id else "plat:generic" if plat.extra.get("generic") else "plat:found",
             pos, plats, countries}
        if c.sent.headline:
            f.add("sent:headline")
        if m.anaphor:
            f.add("mention:anaphor")
        if m.resolved:
            f.add("mention:resolved")
        nearest, best = "none", None
        for t in c.triggers:  # triggers and modifiers of the sentence, by kind and distance
            d = _dist(t.start, t.end, m.start, m.end)
            if t.group == "modifier":
                if d <= 70:
                    f.add(f"mod:{t.kind}")
            elif t.group != "cue":  # broad event cues open event candidates only
                f.add(f"trig:{t.group}:{t.kind}:{_bucket(d)}")
                if t.group == "deal":
                    f.add(f"trig:deal:{_bucket(d)}")
                    if best is None or d < best:
                        nearest, best = t.kind, d
        f.update(adjacent)
        lo = max(c.start, m.start - 60)  # words around the platform
        f.update("wb:" + w[:7] for w in _WORD.findall(text[lo:m.start].lower()) if w not in _STOP)
        f.update("wa:" + w[:7] for w in _WORD.findall(text[m.end:min(c.end, m.end + 40)].lower()) if w not in _STOP)
        if _QTY_BEFORE.search(text, max(c.start, m.start - 30), m.start):
            f.add("qty_before")
        f |= self._stage_cues(m.clause)
        if c.money:
            f.add("money_in_sentence")
        if c.dates:
            f.add("date_in_sentence")
        hit = self._at[key] = (frozenset(f), nearest)
        return hit

    def _sentence_at(self, i: int) -> tuple[str, str, str, tuple[str, ...]]:
        """What `_platform_at` reads of sentence `i` and those either side: its place in the article, how many
        platforms and countries it names, and the kinds of the deal triggers of the sentences either side (in
        their order); once per sentence."""
        hit = self._sentences.get(i)
        if hit is None:
            c = self.clauses[i]
            adjacent = tuple(f"trig_adj:deal:{t.kind}" for k in (i - 1, i + 1) if 0 <= k < len(self.clauses)
                             for t in self.clauses[k].found("deal"))
            hit = self._sentences[i] = (
                "sent:pos:" + ("0" if i == 0 else "1-3" if i <= 3 else "4-9" if i <= 9 else "10+"),
                "sent_plats:" + _count(len(c.platforms)),
                "sent_countries:" + _count(len({ent.code for _, _, ent in c.countries})), adjacent)
        return hit

    def _stage_cues(self, i: int) -> frozenset[str]:
        """What the sentence says of how far a purchase has come, wherever in it (`_STAGE_CUES`): weighed by the
        status decision only (`STATUS_ONLY`); once per sentence."""
        hit = self._stages.get(i)
        if hit is None:
            words = self.clauses[i].sent.text
            low = lowered(words)
            if low is None:
                hit = frozenset(STATUS_ONLY + name for name, rx in _STAGE_CUES if rx.search(words))
            else:  # a cue is tried only where one of its beginnings stands (`_STAGE_AT`): a match begins there
                at: dict[int, list[int]] = {}
                for m in for_text(_STAGE_SCAN, low).finditer(low) if _STAGE_SCAN is not None else ():
                    p = m.start()
                    for k in _STAGE_OF_FOUND[m.group(1)]:  # the beginnings the longest one found begins with
                        at.setdefault(k, []).append(p)
                names = []  # (in the cues' order, as the set was filled before: the same set, in the same order)
                for k, (name, rx) in enumerate(_STAGE_CUES):
                    if _STAGE_AT[k]:
                        starts = at.get(k)
                        if starts is not None and any(rx.twin.match(low, p) for p in starts):
                            names.append(STATUS_ONLY + name)
                    elif rx.search(words):
                        names.append(STATUS_ONLY + name)
                hit = frozenset(names)
            self._stages[i] = hit
        return hit

    def _party(self, p: Party, m: Mention, c: Clause) -> tuple[frozenset, frozenset, frozenset, dict]:
        """A party's features as supplier or recipient of this mention (prefixed by its role), the cues
        that combine with the nearest trigger, and (for recipients) those that combine with an origin supplier."""
        role = "sup" if p is m.supplier else "rec"
        # a party implied or named in another sentence is read by how it came and where only
        key = (role, p.code, p.start, m.clause, m.start) if p.clause == m.clause else (role, p.via, p.start < 0)
        hit = self._sides.get(key)
        if hit is not None:
            return hit
        # what the party says is the same as supplier and as recipient: read once, prefixed for each role
        raw_key = (p.via, p.start, p.end, p.clause, m.clause, m.start, m.end)
        raw = self._raw.get(raw_key)
        if raw is None:
            raw = self._raw[raw_key] = (self._side(p, m, c), self._words(p, m, c))
        side, words = raw
        feats = {f"{role}:{x}" for x in side} | {f"{role}:{x}" for x in words}
        cues = frozenset(x for x in side if x.startswith(("role:", "cue:", "where:")))
        origin = _EMPTY
        if role == "rec":  # the same cues come again and again: their combinations are made once an article
            origin = self._combos.get(cues)
            if origin is None:
                origin = self._combos[cues] = frozenset("origin&rec:" + x for x in cues)
        hit = self._sides[key] = (frozenset(feats), cues, origin, {})  # the last: cues with a trigger kind, by kind
        return hit

    def _with_trigger(self, side: tuple, role: str, nearest: str) -> frozenset[str]:
        """A party's cues combined with the kind of the deal trigger nearest the platform (a supplier's without
        its role in the sentence)."""
        hit = side[3].get(nearest)
        if hit is None:
            key = (role, side[1], nearest)
            hit = self._combos.get(key)
            if hit is None:
                hit = self._combos[key] = frozenset(f"{role}:{x}&trig:{nearest}" for x in side[1]
                                                    if role == "rec" or not x.startswith("role:"))
            side[3][nearest] = hit
        return hit

    def only_speaks(self, cand: Candidate) -> bool:
        """Is the recipient named, wherever it is named near the platform, only as the one warning another about
        it ("Washington had made clear to Turkey that buying the S-400...")?"""
        named = [m.recipient for m in cand.mentions if m.recipient.start >= 0]
        return bool(named) and all(self._warns_after(p.end) for p in named)

    def _warns_after(self, end: int) -> bool:
        hit = self._warns.get(end)
        if hit is None:
            hit = self._warns[end] = bool(_WARNS_AFTER.match(self.text[end:end + 60]))
        return hit

    def _lists_of_code(self) -> dict[str, set]:
        """For each country, the lists of countries (by sentence and start) it is named in."""
        if self._code_lists is None:
            self._code_lists = {}
            for i, c in enumerate(self.clauses):
                for s, e, ent in c.countries:
                    first, _, members = self._list_of(c, Party(ent.code or "", s, e, i, "country"))
                    if members > 1 and ent.code:
                        self._code_lists.setdefault(ent.code, set()).add((i, first))
        return self._code_lists

    def _list_of(self, c: Clause, p: Party) -> tuple[int, int, int]:
        """Where the list of countries that holds `p` starts and ends ("Spain, the Netherlands, Greece and
        Germany"), and its size. Every member of a list is read where the list stands: what precedes its first
        item and follows its last, and the words between it and the platform, are each member's."""
        where = self._lists.get(id(c))
        if where is None:
            spans: list[list[tuple[int, int]]] = []
            items = sorted((s, e) for s, e, _ in c.countries)
            for s, e in items:
                if spans and _LIST_GAP.fullmatch(self.text[spans[-1][-1][1]:s]):
                    spans[-1].append((s, e))
                else:
                    spans.append([(s, e)])
            where = {}
            for group in reversed(spans):  # the first list that holds a start answers, as a scan would
                span = (group[0][0], group[-1][1], len(group))
                for s, _ in group:
                    where[s] = span
            self._lists[id(c)] = where
        return where.get(p.start) or (p.start, p.end, 1)

    def _words(self, p: Party, m: Mention, c: Clause) -> set[str]:
        """The words just before a named party, and those between it and the platform."""
        if p.start < 0 or p.clause != m.clause:
            return set()
        text = self.text
        first, last, _ = self._list_of(c, p)
        out = set(self._named_at(p, c)[1])
        lo, hi = (last, m.start) if last <= m.start else (m.end, first)
        if hi - lo <= 100:
            out |= {"bw:" + w[:7] for w in _WORD.findall(text[lo:hi].lower()) if w not in _STOP}
        return out

    def _named_at(self, p: Party, c: Clause) -> tuple[frozenset, frozenset]:
        """What does not depend on the platform about a party named in its sentence: the cues around the list
        that holds it (`_side`), and the words just before that list (`_words`); once per party."""
        key = (p.start, p.end, id(c))
        hit = self._named.get(key)
        if hit is not None:
            return hit
        text = self.text
        first, last, members = self._list_of(c, p)
        out = _cues_before(text[max(c.start, first - 25):first])
        if members > 1:
            out.add("list:member")
            if _HOLDERS_BEFORE.search(text, max(c.start, first - 90), first) and self._holding(c):
                out.add("cue:holders")  # a list of the platform's earlier buyers or users
        after = text[last:last + 40]
        for name, rx in (("cue:made", _MADE_AFTER), ("cue:possessive", _POSSESSIVE), ("role:subject", _SUBJECT_AFTER),
                         ("role:speaker", _SPEAKER_AFTER)):
            if rx.match(after):
                out.add(name)
        if _BLOCKS_AFTER.match(text[last:last + 90]) or _BLOCKS_BEFORE.search(text[max(c.start, first - 60):first]):
            out.add("role:blocks")  # the one that blocks, bans, sanctions or refuses a licence: no buyer
        if not text[c.start:first].strip(" \"'“(-—"):
            out.add("role:sentence_start")
        words = frozenset("pw:" + w[:7] for w in _WORD.findall(text[max(c.start, first - 30):first].lower())[-3:])
        hit = self._named[key] = (frozenset(out), words)
        return hit

    def _holding(self, c: Clause) -> bool:
        """Does the sentence tell of a platform held, used or bought (`_HOLDING`)? Once a sentence."""
        key = ("holding", c.start)
        hit = self._near.get(key)
        if hit is None:
            hit = self._near[key] = bool(_HOLDING.search(self.text, c.start, c.end))
        return hit

    @staticmethod
    def _direction(verb: tuple[int, int, str], sup: Party, rec: Party, clause: int) -> frozenset[str]:
        """Where supplier and recipient stand against the verb: before it, after it, or not in its sentence."""
        key = (verb[2], _against(verb, sup, clause), _against(verb, rec, clause))
        hit = _DIRECTIONS.get(key)
        if hit is None:
            hit = _DIRECTIONS[key] = frozenset([f"dir:{key[0]}:sup_{key[1]}&rec_{key[2]}"])
        return hit

    def _verb_near(self, m: Mention, c: Clause) -> tuple[int, int, str] | None:
        """The deal or transfer verb nearest the platform in its sentence, with the way it runs: `give` (sell,
        supply, send...) or `get` (buy, order, receive...); a passive giving verb ("was sold to") reads as given."""
        key = ("verb", m.clause, m.start)
        hit = self._near.get(key, False)
        if hit is not False:
            return hit
        best = None
        for t in c.triggers:
            if t.group not in ("deal", "transfer"):
                continue
            word = self.text[t.start:t.end]
            direction = "give" if _GIVE.match(word) else "get" if _GET.match(word) else None
            if direction is None or direction == "give" and _CONSENT.match(self.text, t.end, c.end):
                continue
            if _PASSIVE.search(self.text, max(c.start, t.start - 25), t.start):
                direction += "_passive"
            d = _dist(t.start, t.end, m.start, m.end)
            if best is None or d < best[0]:
                best = (d, t.start, t.end, direction)
        hit = self._near[key] = best[1:] if best else None
        return hit

    def _used(self, m: Mention, c: Clause) -> bool:
        """Is the platform told second-hand where it is named ("24 used F-16s", "ex-Royal Navy frigates", "Mirage
        jets that Qatar had flown", "frigates formerly in service with Italy")?"""
        key = ("used", m.clause, m.start)
        hit = self._near.get(key)
        if hit is None:
            hit = self._near[key] = bool(_USED_BEFORE.search(self.text, max(c.start, m.start - 50), m.start)
                                         or _USED_AFTER.match(self.text, m.end, c.end))
        return hit

    def _makes_other(self, p: Party, m: Mention, c: Clause, first: int, last: int) -> bool:
        """Is the party named as the maker of another platform of its sentence, one the catalogue gives its country
        and not this one's ("sidelining the T-50's competitors, the L-159 from the Czech Republic and the Russian
        Yak-130": neither the Czech Republic nor Russia buys the T-50; "Z-9 helicopters from China and Super Tucanos
        from Brazil": China does not sell the Super Tucano)? Where it also stands that way to this platform, no."""
        if m.platform.country == p.code:
            return False
        hit = False
        for s, e, ent in self._made_by(c, first, last):
            if (s, e) == (m.start, m.end):
                continue
            if ent.name == m.platform.name:
                return False
            hit = hit or ent.country == p.code
        return hit

    def _made_by(self, c: Clause, first: int, last: int) -> tuple:
        """The platforms of the sentence (of a known country) that the list of countries at [first, last) is named
        as the maker of, before or after them (`_makes_other`): they depend on the list alone, read once a list."""
        key = (first, last, id(c))
        hit = self._makers.get(key)
        if hit is None:
            text = self.text
            out = []
            for s, e, ent in c.platforms:
                if ent.country is None:
                    continue
                if last <= s and s - last <= 40:
                    ok = bool(_MAKER_BEFORE.fullmatch(text, last, s)) and not _NOT_QUALIFIES.search(text[last:s])
                elif e <= first and first - e <= 30:
                    ok = bool(_MAKER_AFTER.fullmatch(text, e, first))
                else:
                    continue
                if ok:
                    out.append((s, e, ent))
            hit = self._makers[key] = tuple(out)
        return hit

    def _side(self, p: Party, m: Mention, c: Clause) -> set[str]:
        """Where a party is named relative to the platform, and the cues around it."""
        text = self.text
        out = {"via:" + p.via}
        if p.start < 0:
            out.add("where:implied")
            return out
        out.add("where:same" if p.clause == m.clause else "where:adjacent")
        if p.clause != m.clause:
            return out
        out.add("where:" + ("before" if p.start < m.start else "after"))
        first, last, _ = self._list_of(c, p)
        if last <= m.start and m.start - last <= 40 and _QUALIFIES.fullmatch(text, last, m.start) \
                and not _NOT_QUALIFIES.search(text[last:m.start]):
            out.add("cue:qualifies_platform")  # "Italian helicopters", "Russia's S-400", "Swedish Saab's Gripen"
        out.add("dist:" + _bucket(_dist(first, last, m.start, m.end)))
        out |= self._named_at(p, c)[0]
        if self._makes_other(p, m, c, first, last):
            out.add("makes_other")
        verb = self._verb_near(m, c)
        if verb is not None:
            out.add(f"dir:{verb[2]}:" + ("before" if last <= verb[0] else "after" if first >= verb[1] else "in"))
        lo, hi = min(last, m.end), max(first, m.start)
        if _BREAK.search(text, lo, hi):
            out.add("between:break")
        if hi - lo < 40 and _LIST_WORD.search(text[lo:hi]):  # sliced: \b reads no further
            out.add("between:list")
        return out


# the dateline a sentence opens with: a city in capitals, maybe its country, a date or an agency, then a dash or a
# colon ("WARSAW, Poland —", "TOKYO, Dec 23, 2023 (AFP) –", "NEW DELHI, January 10:", "RIO de JANEIRO (BNS):")
_DATELINE = re.compile(r"\W*[A-Z][A-Z.'’-]{2,}(?:\s+(?:[a-z]{2,3}\s+)?[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})?"
                       r"(?:,\s*\d{4})?\s*(?:\([^()]{1,60}\)\s*)?(?:[-—–:]+|--)\s")
# a country named as the one that pays for the platform: "financed by Denmark", "paid for by the US", "the US will
# fund", "with Danish financial support" (not "Egypt paid for the jets": a buyer pays); or buys it for another ("bought by the US Defense
# Department for the Afghan National Army", "to buy Patriot systems from the US for Ukraine", "on behalf of Ukraine")
_PAID_BY_BEFORE = re.compile(r"\b(?:financed|funded|paid\s+for|bankrolled|sponsored)\s+by\s+(?:the\s+)?$", re.I)
_PAYS_AFTER = re.compile(r"(?:['’]s)?(?:\s+(?:government|has|had|have|will|would|also|already|which|that|who)){0,3}\s+"
                         r"(?:financ(?:es|ed|ing)|fund(?:s|ed|ing)|bankroll\w*)\b(?!\s+(?:its|their|his|her)\s+own)|"
                         r"-(?:funded|financed|paid)\b|(?:['’]s)?\s+(?:\w+\s+)?(?:financial\s+support|funding|financing)\b",
                         re.I)
_FOR_OTHER = re.compile(r"\b(?:for|on\s+behalf\s+of|to\s+(?:give|donate|send|transfer)\s+to)\s+(?:the\s+)?$", re.I)
_BUY_VERB = re.compile(r"\b(?:b(?:uy|uys|uying|ought)|purchas\w*|procur\w*|order(?:s|ed|ing)?|acquir\w*|paid|pay(?:s|ing)?|"
                       r"financ\w*|fund(?:s|ed|ing)?)\b", re.I)


# a fleet the recipient holds (`Featurizer._service`, issue 9): the platform "its" or "their" ("replace its ageing
# fleet of Kfirs", "three of its C-130 aircraft"), named in a fleet or inventory, operated, flown or in service
_SVC_ITS = re.compile(r"\b(?:its|their)\s+(?:[\w.'’/-]+\s+){0,5}$", re.I)
_SVC_FLEET_BEFORE = re.compile(r"\b(?:fleets?|inventor(?:y|ies)|arsenals?|squadrons?)\b[^.;:]{0,140}$", re.I)
_SVC_FLEET_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:fleets?|inventory|arsenal|squadrons?)\b", re.I)
_OPERATE = (r"(?:operat(?:es|ed|ing)|fl(?:ies|y|ew)|fields?|fielded|relies\s+on|rely\s+on|relied\s+on|depends?\s+on|"
            r"depended\s+on|(?:as|are|were|among\s+the)\s+(?:\w+\s+)?(?:users?|operators?|customers?)\s+of|(?:already|currently|still)\s+(?:has|have|had|owns?|uses?|used)|in\s+service|"
            r"equipped\s+with|mainstay|backbone)")
_SVC_OPERATE_BEFORE = re.compile(r"\b(?P<op>" + _OPERATE + r")\b[^.;:]{0,60}$", re.I)
# a fleet not yet held: the verb of holding told as a wish, a plan or a future ("wants to fly F-16s", "will soon
# operate", "plans to field", "is to be flown by", "will enter service with"), read just before that verb; "continues
# to fly" or "used to operate" hold it
_INTENT = re.compile(r"(?<!continue )(?<!continues )(?<!continued )(?<!continuing )(?<!used )(?<!began )(?<!begun )"
                     r"(?<!started )"
                     r"\b(?:wants?|wanted|wanting|plans?|planned|planning|hopes?|hoped|hoping|intends?|intended|"
                     r"intending|seeks?|seeking|aims?|aimed|aiming|expects?|expected|set|due|going|about|will|would|"
                     r"shall|could|might|(?-i:may)|soon|eventually|future|(?:is|are|was|were)\s+to|enter|entering|"
                     r"enters|join|joins|joining)"
                     r"\s+(?-i:[a-z]+\s+){0,2}?$", re.I)
# ... after it: who uses it, named in a list of operators, or after "flown by", "serves with"
_HELD_BY = r"(?:operators?|users|customers)\s+(?:include|are)|(?:flown|operated|used|fielded)\s+by|serv(?:es?|ed|ing)\s+(?:with|in)"
_SVC_OPERATE_AFTER = re.compile(r"^[^.;:]{0,50}?\b(?P<op>in\s+service|" + _HELD_BY
                                + r"|in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:fleet|inventory))\b", re.I)


def _intent(text: str, at: int) -> bool:
    """Is the verb of holding at `at` told as a wish, a plan or a future (`_INTENT`)?"""
    return _INTENT.search(text, max(0, at - 40), at) is not None


_SVC_UPGRADE = re.compile(r"\b(?:upgrad\w*|moderni[sz]\w*|overhaul\w*|refit\w*|retrofit\w*|refurbish\w*|"
                          r"maint(?:ain|enance)\w*|repair\w*|life[- ]extension|mid-life)\b", re.I)
# the former Soviet republics, and the makers of what they inherited: a fleet of Russian or Ukrainian make one of
# them holds is most often inherited from the USSR, which the contract does not count as a purchase
EX_USSR = frozenset("ARM AZE BLR EST GEO KAZ KGZ LTU LVA MDA RUS TJK TKM UKR UZB".split())
_SOVIET_MAKERS = frozenset({"RUS", "UKR"})
# the recipient as the platform's possessor, right before it ("Switzerland's fleet of Northrop F-5 Tigers", "the
# Indian Navy's Kilo-class submarine"), or before a fleet that lists it ("the Afghan Air Force fleet, which
# includes ... C-130 cargo aircraft")
_SVC_OWNER = re.compile(r"^['’]s?\s+(?:[\w.'’/-]+\s+){0,7}$")
_SVC_OWNER_FLEET = re.compile(r"^(?:['’]s?)?\s+(?:[\w'’-]+\s+){0,2}?(?:fleets?|inventory|arsenal)\b", re.I)
# ... as the one that operates it ("Ghana already flies the Mi-17", "Romania's Air Force, which already flies 17
# F-16s", "Algeria depends on Russia's SU-30"), before it or after it ("in service with Spain", "flown by the RAF")
_SVC_OPERATOR_BETWEEN = re.compile(r"^(?:['’]s\s+(?:[\w-]+\s+){0,3})?(?:,?\s*(?:which|who)\s+)?\s*(?:[\w-]+\s+){0,2}?"
                                   r"(?P<op>" + _OPERATE + r")\b(?:\s+[\w.'’/,-]+){0,5}\s+$", re.I)
_SVC_OPERATOR_AFTER = re.compile(r"^[^.;:]{0,50}?\b(?P<op>in\s+service\s+(?:with|in)|" + _HELD_BY
                                 + r"|in\s+(?:the\s+)?(?:fleets?|inventor(?:y|ies)|arsenals?)\s+of)\s+(?:the\s+)?$", re.I)
# ... as the one that operates a list of platforms, the platform further on in it ("Thailand operates 12 Gripen jets
# built by Saab and dozens of American F-16 and F-5 jets", "the air force now flies 212 aircraft, among them 36
# F-7s"): what stands between the verb and the platform names no other verb, no wish and no turn of the sentence
_SVC_OPERATE_LIST = re.compile(r"\b(?P<op>" + _OPERATE + r")\b(?P<rest>[^.;:]{0,130})$", re.I)
_SVC_OPERATOR_LIST = re.compile(r"^(?:['’]s\s+(?:[\w-]+\s+){0,3})?(?:,?\s*(?:which|who)\s+)?\s*(?:[\w-]+\s+){0,2}?"
                                r"(?P<op>" + _OPERATE + r")\b(?P<rest>[^.;:]{0,130})$", re.I)
_LIST_JOINT = re.compile(r",|\b(?:and|among\s+them|including)\b", re.I)
_LIST_STOP = re.compile(r"\b(?:to|for|with|from|into|has|have|had|is|are|was|were|be|been|will|would|could|can|may|might|"
                        r"should|shall|but|while|whereas|although|though|which|who|that|after|before|than|instead|if|when|"
                        r"since|until|as|replac\w*|buy\w*|bought|order\w*|acquir\w*|purchas\w*|procur\w*|sign\w*|"
                        r"want\w*|plan\w*|seek\w*|sought|retir\w*|decommission\w*|sold|sell\w*|offer\w*|consider\w*|"
                        r"receiv\w*|deliver\w*|select\w*|chose|choos\w*|lease\w*|upgrad\w*|new|future|next)\b", re.I)


def _operate_list(op: re.Match | None) -> re.Match | None:
    """`op`, a match of `_SVC_OPERATE_LIST` or `_SVC_OPERATOR_LIST`, if what follows its verb of holding is a list
    (`_LIST_JOINT`) that names no other verb, wish or turn of the sentence (`_LIST_STOP`); else None."""
    if op is None:
        return None
    rest = op.group("rest")
    if not _LIST_JOINT.search(rest) or _LIST_STOP.search(rest):
        return None
    return op


_SVC_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}$")  # "in the Royal Norwegian Air Force's fleet"


# a country named as the maker of a platform after it ("the L-159 from the Czech Republic", "Yak-130 jets of
# Russia", "the Z-9 built in China"; before it: `_MAKER_BEFORE`, "the Russian Yak-130", "Czech-made L-159s")
_MAKER_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:from|of|made in|made by|built in|built by|produced in|"
                          r"developed in|designed in)\s+(?:the\s+)?", re.I)


# a platform told second-hand: before it ("second-hand", "used", "surplus", "ex-Navy", "decommissioned",
# "retired", "refurbished", "pre-owned") or after it ("that Qatar had flown", "formerly operated by", "retired from")
_USED_BEFORE = re.compile(r"\b(?:second-?hand|used|surplus|pre-owned|ex-[\w-]+|decommissioned|retired|refurbished|"
                          r"excess|hand-me-down)\s+(?:[\w.'’-]+\s+){0,3}$", re.I)
_USED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:(?:that|which)\s+(?:[\w-]+\s+){1,3}?(?:had|has|have)\s+(?:previously\s+|"
                         r"formerly\s+|long\s+)?(?:used|flown|operated|retired|decommissioned)|formerly\s+(?:of|"
                         r"used|operated|flown|in service)|(?:retired|decommissioned|withdrawn)\s+(?:from|by))\b", re.I)
_USED = {k: frozenset({"used&sup:" + name}) for k, name in enumerate(("origin_unknown", "origin", "partner", "not_origin"))}


def _against(verb: tuple[int, int, str], p: Party, clause: int) -> str:
    """Where a party stands against a verb of sentence `clause`: before it, after it, in it or away (not named in
    that sentence)."""
    if p.clause != clause or p.start < 0:
        return "away"
    return "before" if p.end <= verb[0] else "after" if p.start >= verb[1] else "in"


_DIRECTIONS: dict[tuple[str, str, str], frozenset[str]] = {}  # `Featurizer._direction`'s sets, each made once


# a bare body of a state, the subject of a verb of taking, the platform after it in the same sentence: "the Service
# had taken delivery of", "the Navy has commissioned", "the federal government has ordered", "the army will receive"
# (not "the Navy's", not a body named in a relative clause or after a preposition: "sold to the navy" is `cue:to`)
_BODY_TAKES = re.compile(
    r"(?<![\w'’-])(?<!\bto\s)(?<!\bfor\s)(?<!\bby\s)(?<!\bwith\s)(?:the|its|our|their)\s+(?:federal\s+|national\s+|central\s+)?"
    r"(?:service|air\s+force|navy|army|armed\s+forces|military|coast\s+guard|marines?|defen[cs]e\s+forces|"
    r"government|ministry(?:\s+of\s+defen[cs]e)?|defen[cs]e\s+ministry|defen[cs]e\s+department)"
    r"(?!['’])\s+(?:(?:has|had|have|will|would|is|was|also|recently|already|now|just|finally|officially|formally|"
    r"then|since|yet\s+to|to|soon|be|been)\s+){0,3}"
    r"(?:taken\s+delivery|took\s+delivery|takes?\s+delivery|taking\s+delivery|receiv\w*|ordered|orders?|"
    r"bought|buys?|buying|acquir\w*|purchas\w*|procur\w*|inducted|inducts?|commission(?:ed|s)?|accepted|"
    r"signed|contracted|obtained|got|gets?|added|introduced|welcomed)\b[^.;]*$", re.I)
# a country named as the one that buys or takes in its sentence: after its name ("Nigeria has ordered", "Egypt's
# navy took delivery of", "India will also buy") or before it ("sold to Egypt", "delivered to the Nigerian Navy")
_TAKES_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:[\w-]+\s+){0,3}?)?\s*(?:(?:has|had|have|will|would|is|was|also|recently|already|now|just|finally|"
    r"officially|formally|then|since|agreed\s+to|plans\s+to|wants\s+to|is\s+set\s+to|is\s+to|to)\s+){0,3}"
    r"(?:taken\s+delivery|took\s+delivery|takes\s+delivery|receiv(?:ed|es|e|ing)|ordered|orders|order|bought|buys|buy|"
    r"buying|acquir(?:ed|es|e|ing)|purchas(?:ed|es|e|ing)|procur(?:ed|es|e|ing)|signed|signs|inked|sealed|contracted|"
    r"inducted|commissioned|obtained|got|gets)\b", re.I)
_TO_TAKER_BEFORE = re.compile(r"\b(?:sold|sells|sell|selling|delivered|delivers|deliver|supplied|supplies|supply|"
                              r"transferred|donated|handed\s+over|exported|shipped|gave|given)\s+(?:[\w-]+\s+){0,6}?"
                              r"to\s+(?:the\s+)?$", re.I)
# ... or between a verb of giving and "with" ("will provide Kenya and Uganda with 13 helicopters", "equipped the
# Nigerian Army with 20 tanks")
_GIVE_WITH_BEFORE = re.compile(r"\b(?:provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|equip(?:s|ped|ping)?|"
                               r"re-?equip(?:s|ped|ping)?|furnish(?:es|ed|ing)?)\s+(?:the\s+)?$", re.I)
_WITH_AFTER = re.compile(r"(?:['’]s?\s+(?:[\w-]+\s+){0,3}?)?\s*with\b", re.I)
# a supplier named as the giver (before a giving verb, "from X", "X-made", "French frigates") and a recipient as the
# taker ("to Y", before a getting verb)
_SUP_ANCHORS = frozenset({"sup:cue:from", "sup:cue:made", "sup:cue:qualifies_platform", "sup:dir:give:before"})
_REC_ANCHORS = frozenset({"rec:cue:to", "rec:dir:get:before"})
# a recipient named as one that holds the platform or as its buyer in a passive ("in service with Spain", "ordered by
# Egypt, Qatar and Greece"): no bystander, though no taker of this report's deal (`index_sellers`)
_REC_HOLDS = frozenset({"rec:cue:in_service", "rec:cue:holders"})
_SUP_HOLDS = frozenset({"sup:cue:in_service", "sup:cue:holders"})
_ORIGIN_HOLDS = frozenset({"origin&sup:holds"})
# a list of countries brought in as examples of the platform's buyers or users ("other Gulf states such as Kuwait,
# Saudi Arabia and the UAE have bought it", "among its users are Finland, Norway and Poland", "the sixth to use it,
# after Turkey, Poland and Norway", "used by fifteen nations, among them Spain and Greece"), where its sentence tells
# of holding, using or buying (`_HOLDING`): earlier purchases, each a deal of its own
_HOLDERS_BEFORE = re.compile(
    # words that head any list ("following talks with Egypt and India", "like France and Italy, it bought"): the list
    # right after them
    r"\b(?:including|like|after|following|along\s+with|alongside|besides)\s+(?:the\s+)?$|"
    # words that head a list of examples, with a few words between ("such as NATO partners Spain and Greece")
    r"\b(?:such\s+as|among\s+(?:them|others)|namely|"
    r"(?:users?|operators?|customers?|clients?|buyers?)\s+(?:[^.;:]{0,60}?\s)?(?:are|include|includes|including)|"
    r"among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:countries|nations|states|armies|navies|air\s+forces)\b[^.;:]{0,60}?\s"
    r"(?:are|include)|(?:users|operators|customers|clients|buyers)\s*[–—(:])"
    r"\s+(?:(?:the|for)\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I)
_HOLDING = re.compile(r"\b(?:use[sd]?|using|operat(?:es|ed|ing|ors?)|in\s+service|users?|customers?|clients?|buyers?|exported|"
                      r"fl(?:y|ies|own|ew)|fielded|bought|purchased|acquired|ordered|adopted|already|"
                      r"serv(?:es|ed|ing)\s+(?:with|in))\b", re.I)
_REC_BY = frozenset({"rec:cue:by", "rec:dir:get_passive:after"})
_ANCHORED = {k: frozenset({"anchor:both", "anchor:both&" + k})
             for k in ("generic", "origin_unknown", "origin", "partner", "not_origin")}


# the way a deal or transfer verb runs: from the one before it ("Germany sent...") or to it ("Peru bought...")
_GIVE = re.compile(r"\b(?:sell|sells|sold|selling|sale|sales|suppl|deliver|provid|giv|gave|gift|donat|transfer|export"
                   r"|send|sent|ship|hand|offer|promis|lend|lent)", re.I)
_GET = re.compile(r"\b(?:buy|buys|bought|buying|purchas|acquir|acquisition|procur|order|import|receiv|obtain|induct"
                  r"|took|taken|tak|get|got)", re.I)
# leave given, not the platform: "Washington had already given its approval" gives nothing
_CONSENT = re.compile(r"\s+(?:(?:its|their|his|her|the|a|an|final|formal|official|political)\s+){0,2}(?:approval|"
                      r"permission|consent|green[\s-]light|go-ahead|nod|clearance|blessing|assent|authori[sz]ation)\b",
                      re.I)
# "was sold to", "were quickly delivered"; not a future ("is to receive", "are to get")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?!to\s)\w+\s+)?$", re.I)


_QUALIFY_WORDS = r"(?:\s+[\w-]+){0,3}\s+"  # up to three words between a qualifier and the platform
_QUALIFIES = re.compile(r"(?:['’]s)?" + _QUALIFY_WORDS)
# a country named as another platform's maker before it: as `_QUALIFIES`, and "Czech-made", "Chinese-built"
_MAKER_BEFORE = re.compile(r"(?:['’]s|-(?:made|built|designed|developed|origin))?" + _QUALIFY_WORDS)
_NOT_QUALIFIES = re.compile(r"\b(?:to|from|for|with|by|and|or|has|have|is|was|will|signed|bought|ordered)\b")
_BREAK = re.compile(r"[;:]")
_LIST_WORD = re.compile(r"\b(?:and|or)\b|,")


# --- precision: what tells a candidate that is no deal from one that is (issue 9) -----------------------------------
# Out of fold, the commonest false deals are (1) the platform's maker taken for the supplier where the report names
# another country as the one that sells, gives or hands it over ("F-16s ... from Denmark", "donated by the United
# States", "helicopters that India supplied"), or the recipient named as the one that sells it; (2) a platform named
# as the one a buyer passed over or turned down, or a rival in a competition ("picked the F-16V over the Rafale",
# "passing over the U.S.-made Patriot", "turned down a contract for Boeing's F/A-18"); (3) a platform named as what a
# purchase replaces or where it is carried ("to replace its Hercules", "aboard the BRP ...").
_SELLER_SIDE = frozenset({"sup:cue:from", "sup:dir:give:before", "sup:dir:give_passive:after"})
_LOST_BEFORE = [(name, Caseless(re.compile(rx, re.I))) for name, rx in (
    ("over", r"\b(?:picked|picks|chose|chosen|chooses|choosing|selected|selects|selecting|preferred|prefers|opted for|"
             r"opting for|favou?red|won|wins|winning)\b[^.;]{0,100}?\bover\s+(?!(?:the\s+)?(?:next|past|last|coming|course|"
             r"period|years?|decades?|months?|weeks?|time|\d))(?:[\w.'’/,-]+\s+){0,10}$"),
    ("instead", r"\b(?:instead of|rather than|passing over|passed over|in place of|beating|beat|outbid|outbidding|"
                r"edged out|edging out)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w.'’/-]+\s+){0,4}$"),
    ("rival", r"\b(?:rival|rivals|competitor|competitors|competing|contender|contenders|runner-up|losing bid|"
              r"lost out|also offered|also sought|also bid|also pitched)\b(?:\s+[\w.'’/-]+){0,6}\s+$"),
    ("rejected", r"\b(?:turned down|turning down|rejected|rejecting|rejects|overturned|overturning|reversed|reversing|"
                 r"ruled out|walked away from|decided against)\b(?:\s+[\w.'’/$-]+){0,6}\s+$"),
    # a losing or withdrawn bid, a plan denied: "Saab, which had offered its Gripen", "denied plans to buy the Rafale",
    # "has no plans to buy Su-35s"; not plans dropped or shelved (a cancel trigger: a cancelled deal is a deal); or a
    # purchase only asked about ("asked whether Indonesia would buy the Bushmaster", "was asked if Hanoi planned to
    # acquire the Su-75"): a reporter's question, no plan the report tells
    ("lost_bid", r"\b(?:(?:which|who)\s+had\s+(?:also\s+)?(?:offered|proposed|pitched|bid\s+with)|"
                 r"(?:asked|asking|questioned)\s+(?:\w+\s+){0,3}?(?:whether|if)|"
                 r"denied\s+(?:any\s+)?plans?|(?:withdrew|withdrawn)\s+(?:its\s+|their\s+|the\s+)?(?:bid|offer)|"
                 r"no\s+(?:such\s+)?(?:plans?|intention))"
                 r"\b(?:\s+[\w.'’/-]+){0,6}\s+$"),
    # what a purchase replaces or a buyer retires: the object of the verb ("to replace its ageing fleet of Kfirs",
    # "decommission the PAF's ageing Bell UH-1", "mothballed all its F-5A/Bs", "take the place of Puma
    # helicopters"), not what comes after "by" or "with" ("to be replaced by the Rafale", "replace the F-5 with
    # new F-16s": what is bought)
    ("replaces", r"\b(?:replac\w+|succeed|succeeds|supersed\w+|in place of|retir(?:e|es|ing)|decommission\w*|"
                 r"mothball\w*|phas(?:e|es|ed|ing) out|tak(?:e|es|ing) the place of|took the place of|"
                 r"mov(?:e|es|ed|ing) (?:away )?from)\b(?!\s+(?:by|with)\b)"
                 # ... and not past a purchase of its own ("replace its MiG-21s and buy 36 Rafales")
                 r"(?:\s+(?!(?:by|with|for)\b)(?!(?:and|then|to|but|while)\s+(?:buy|order|acquir|procur|purchas|get|add)\w*\b)"
                 r"[\w.'’/-]+){0,6}\s+$"),
    # a fleet told old right before its name ("its ageing Bell UH-1", "99 outdated F-15 fighters", "the existing
    # ageing F-5 fleet"); not "retired" or "surplus", a second-hand sale's words
    ("aged", r"\b(?:ageing|aging|obsolete|outdated|vintage|existing)\s+(?:[\w.'’/-]+\s+){0,2}$"),
    ("aboard", r"\b(?:aboard|on board|onboard|fitted (?:to|on)|mounted on|integrated (?:into|on))\s+(?:the\s+)?"
               r"(?:[\w.'’-]+\s+){0,5}$"),  # "aboard the Indian Navy's aircraft carrier INS Vikrant"
)]
_LOST_AFTER = [(name, Caseless(re.compile(rx, re.I))) for name, rx in (
    ("rival", r"^(?:['’]s)?\s+(?:[\w.'’-]+\s+){0,4}?(?:lost|lost out|was rejected|were rejected|was passed over|"
              r"were passed over|was eliminated|was dropped|were dropped|finished second|came second)\b"),
    ("aboard", r"^-?(?:equipped|armed|fitted)\b"),
    # ... or told retired or old after it ("MiG-29 interceptors that it retired in 2017", "Puma helicopters that have
    # served for over four decades", "the 2K12 KUB system, which had reached the end of its life cycle", "C-130s,
    # which are due to be retired")
    ("aged", r"^(?:['’]s)?\s+(?:[\w.'’/-]+,?\s+){0,4}?(?:that|which|who)\s+(?:(?:it|they|have|has|had|were|was|"
             r"are|is|will)\s+){0,2}(?:(?:been|be|now|already)\s+)?(?:retired|decommissioned|mothballed|served|"
             r"reached the end|(?:due|set|scheduled|expected) to be (?:retired|decommissioned|phased out|replaced))\b"),
    # the bid lost, withdrawn or dropped ("the Rafale bid ended in defeat", "the Typhoon was eliminated"), or every
    # option considered discarded ("the F-16 and the Gripen, but both options were discarded")
    ("lost_bid", r"^(?:['’]s)?\s+(?:[\w.'’-]+\s+){0,5}?(?:ended in defeat|lost out|lost the (?:competition|tender|"
                 r"contest|race)|(?:was|were) (?:eliminated|passed over|not selected|withdrawn|discarded|rejected))\b|"
                 r"^[^.;]{0,80}?\b(?:both|all|the|these|those|either|neither)\s+(?:two\s+|three\s+)?(?:options?|"
                 r"offers?|proposals?|bids?)\s+(?:was|were)\s+(?:later\s+|eventually\s+|ultimately\s+)?(?:discarded|"
                 r"dropped|rejected|ruled out)\b"),
)]


BODY_TAKES = "rec:body_takes"  # the report's own country, taking by a bare body of its state ("the Service had ...")
# told at every mention as passed over, turned down, a bid lost or withdrawn, or carried: never a deal
# (`decide.overruled`). Not a rival's cue: "contenders like the Rafale" are considered
NOT_BOUGHT = "lost_all:not_bought"
REC_FROM = "rec_all:from"  # the recipient named only after "from": where the platform comes from, not who buys it
# ... but not where the "from" tells who asks for it: "an order from Romania", "a request from the Indian Navy"
_ASKS_FROM = re.compile(r"\b(?:orders?|contracts?|requests?|interest|demand|enquir\w*|inquir\w*|tenders?|bookings?|"
                        r"commissions?)\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?$", re.I)
MAKES_OTHER = "rec_all:makes_other"
SELLER_ELSEWHERE = "sib:seller_elsewhere"  # never named with the platform, where another is named as its seller
BLOCKS = "rec_all:blocks"
CIVIL = "plat_all:civil"  # an airliner: no deal of arms (`decide.overruled`)
SHIP_NAMED = "plat:ship_name"  # one ship named by its name ("PNS Tughril", "the frigate named Tughril")
_NOT_BOUGHT = frozenset({"over", "instead", "rejected", "aboard", "lost_bid"})
_POOLED = {"over": "passed_over", "instead": "passed_over", "rival": "passed_over", "rejected": "passed_over",
           "lost_bid": "passed_over"}


def _flat(words: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    return tuple((w, name) for name, ws in words.items() for w in ws)


# the words without one of which a `_LOST_*` expression cannot match, lower-cased: most windows hold none of them,
# and a test of `in` is much cheaper than the expression
_LOST_BEFORE_WORDS = _flat({
    "over": ("over",),
    "instead": ("instead of", "rather than", "passing over", "passed over", "in place of", "beat", "outbid", "edged out",
                "edging out"),
    "rival": ("rival", "competi", "contender", "runner-up", "losing bid", "lost out", "also offered", "also sought",
              "also bid", "also pitched"),
    "rejected": ("turned down", "turning down", "reject", "overturn", "revers", "ruled out", "walked away from",
                 "decided against"),
    "lost_bid": ("offered", "proposed", "pitched", "bid", "denied", "withdr", "plan", "intention", "whether", "if "),
    "replaces": ("replac", "succeed", "supersed", "in place of", "retir", "decommission", "mothball", "phas",
                 "the place of", "move", "moving"),
    "aged": ("ageing", "aging", "obsolete", "outdated", "vintage", "existing"),
    "aboard": ("aboard", "on board", "onboard", "fitted ", "mounted on", "integrated "),
})
_LOST_AFTER_WORDS = _flat({
    "rival": ("lost", "rejected", "passed over", "eliminated", "dropped", "second"),
    "aboard": ("equipped", "armed", "fitted"),
    "aged": ("retired", "decommissioned", "mothballed", "served", "reached the end", "to be "),
    "lost_bid": ("defeat", "lost ", "eliminated", "passed over", "not selected", "withdrawn", "discarded", "rejected",
                 "dropped", "ruled out"),
})


def _party_before(c: Clause, pos: int) -> bool:
    """Is a country or a state body named in the sentence before `pos` (the one an "its" there would be)?"""
    return any(s < pos for s, _, _ in c.countries) or any(s < pos and state_buyer(ent) for s, _, ent in c.orgs)


def _platform_between(c: Clause, m: Mention, p: Party) -> bool:
    """Does another platform stand between the mention and the party named in its sentence ("picked the T-50 over
    the L-159 from the Czech Republic": the Czech Republic sells the L-159, not the T-50)?"""
    lo, hi = (m.end, p.start) if p.start >= m.end else (p.end, m.start)
    return any(lo <= s and e <= hi and ent.name != m.platform.name for s, e, ent in c.platforms)


class _All:
    """Holds every name."""

    def __contains__(self, name: object) -> bool:
        return True


_ALL = _All()


def _may(text: str, words: tuple[tuple[str, str], ...]) -> set[str] | _All:
    """The `_LOST_*` expressions that can match `text`: those one of whose words its lower-cased form holds (all,
    where there is no such form)."""
    low = lowered(text)
    return _ALL if low is None else {name for w, name in words if w in low}
