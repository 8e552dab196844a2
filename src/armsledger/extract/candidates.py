"""Broad deal candidates: every platform mention with every plausible supplier and recipient.

Reads: the `Clause`s of the article and its home country. Writes: `Candidate`s,
one per (supplier, recipient, platform), each with the mentions that propose it.

Nothing is decided here. A platform named in a sentence is paired with
- suppliers: its origin and consortium partners, and the countries, firms and
  state exporters named within a sentence either side;
- recipients: the countries, armed services, ministries and government bodies
  named within a sentence either side, and the article's home country;
a class named where a deal or transfer word stands ("took delivery of two Italian frigates") is read as the
catalogue platform of its kind the report names, when it can be told which (`_stands_for`) and its sentence names
no other seller (`_other_seller`): a mention of that platform marked `resolved`, in place of the class;
and every pair becomes a candidate that the model (`learned`, `decide`) keeps or drops.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .context import Clause
from .entities import Entity, state_buyer
from .prefixes import Caseless

_SELLER_ORGS = {"defence company", "state exporter"}
REACH = 1  # sentences either side
MAX_SELLERS = 3  # named sellers nearest the platform (besides its origin and partners)
MAX_BUYERS = 6  # named buyers nearest the platform (besides the home country): a list of past buyers fits

# a generic class: a weapon noun with the words that qualify it ("high-speed guard boats", "armed drones")
_HEADS = {
    "frigate": "frigate", "corvette": "corvette", "submarine": "submarine", "destroyer": "destroyer",
    "warship": "warship", "ship": "ship", "vessel": "ship", "boat": "patrol vessel", "fighter jet": "fighter aircraft",
    "jet": "fighter aircraft", "fighter": "fighter aircraft", "warplane": "fighter aircraft", "aircraft": "aircraft",
    "plane": "aircraft", "helicopter": "helicopter", "drone": "unmanned aerial vehicle",
    "uav": "unmanned aerial vehicle", "unmanned aerial vehicle": "unmanned aerial vehicle", "tank": "main battle tank",
    "howitzer": "howitzer", "artillery system": "artillery", "missile": "missile", "rocket": "rocket artillery",
    "radar": "radar", "rifle": "small arms", "armoured vehicle": "armoured vehicle", "armored vehicle": "armoured vehicle",
    "vehicle": "armoured vehicle", "air defence system": "air defence system", "air defense system": "air defence system",
    "missile defence system": "air defence system", "missile defense system": "air defence system",
    "air and missile defence system": "air defence system", "air and missile defense system": "air defence system",
    "armoured personnel carrier": "armoured personnel carrier", "armored personnel carrier": "armoured personnel carrier",
    "weapon station": "remote weapon station", "truck": "military truck", "equipment": "military equipment",
    "launcher": "rocket artillery", "satellite": "satellite", "weapon": "weapons",
    # a class by a weapon noun the list lacked: "two former US Coast Guard cutters", "three landing craft", "fast
    # attack craft", "torpedoes", "80-mm mortars", "vehicle-mounted machine guns", "artillery ammunition",
    # "anti-aircraft guns" (not "aircraft")
    "cutter": "patrol vessel", "gunboat": "patrol vessel", "craft": "ship", "torpedo": "torpedo", "mortar": "mortar",
    "machine gun": "small arms", "ammunition": "ammunition", "anti-aircraft gun": "anti-aircraft gun",
    # air defence told by its units or batteries: "two air defence units", "six air-defense batteries", "missile
    # batteries"
    "air defence unit": "air defence system", "air defense unit": "air defence system",
    "air-defence unit": "air defence system", "air-defense unit": "air defence system",
    "air defence battery": "air defence system", "air defense battery": "air defence system",
    "air-defence battery": "air defence system", "air-defense battery": "air defence system",
    "air defence batteries": "air defence system", "air defense batteries": "air defence system",
    "air-defence batteries": "air defence system", "air-defense batteries": "air defence system",
    "missile battery": "air defence system", "missile batteries": "air defence system",
}
# capitalised words that end a class written in capitals: "Navy Patrol Vessels" are patrol vessels
_TITLE_STOP = frozenset("navy army force forces guard coast marine marines naval air national royal federal "
                        "defence defense ministry".split())
# heads that name a class only with a word that qualifies them ("anti-drone equipment", "6x6 military trucks",
# "remote weapon stations"), never alone ("the equipment", "trucks")
_QUALIFIED_ONLY = {"equipment", "truck", "weapon station", "craft"}
# a class of systems named by what they carry: "radar systems", "missile systems", "drone systems"
_HEAD_RE = Caseless(re.compile(r"\b(?P<head>" + "|".join(sorted((re.escape(h) for h in _HEADS), key=len, reverse=True))
                               + r")(?:s|es)?(?:\s+systems?(?![\w-]))?\b", re.I))  # run over the lower-cased sentence
# a word that qualifies a class: "anti-submarine", "armed", a size ("1,400-ton", "17-metre"), drive ("6x6") or
# calibre ("80-mm", "155mm", "155-milimeter")
_MODIFIER = re.compile(r"([a-zA-Z][a-z]*(?:-[a-z]+)*|\d[\d,.]*-?(?:ton|tonne|metre|meter|m)s?|\d{1,2}x\d{1,2}"
                       r"|\d{2,3}(?:-|\s+)?(?:mm|millimet(?:er|re)|milimet(?:er|re)))\s+$")
_CALIBRE_UNITS = frozenset("mm millimeter millimetre milimeter milimetre".split())
# a class named by its maker: "Sukhoi jets", "AgustaWestland helicopters"
_MAKER_GAP = re.compile(r"\s+$")
_NUMBER_WORDS = ("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                 "sixty seventy eighty ninety hundred thousand dozens number numbers batch batches fleet pair")
# the scale of a sum right before a weapon noun: the sum is the deal's ("a $3.4 billion missile deal", "a 13.5
# billion-baht submarine deal", "$250 million per boat"): no class of its own (0 deals in 60 such candidates)
_SCALES = frozenset("million millions billion billions trillion bn bln mln crore crores lakh per".split())
# ... and only where there is money: a currency's sign or code before the figure, or its name joined to the scale
# ("billion-baht"); "1.2 million drones" is a count, and the class stands
_MONEY_BEFORE = re.compile(r"(?:[$€£₹¥]|\b(?:[A-Z]{3}|Rs\.?|Rp|Tk)\s*)[\d.,\s]*$")
_CURRENCY_WORDS = frozenset("dollar dollars euro euros baht rupee rupees pound pounds yen won ruble rubles rouble roubles "
                            "lira real reais rand peso pesos yuan ringgit dirham dirhams riyal riyals krone kroner "
                            "krona kronor zloty naira shekel shekels".split())
# "-ing" words that qualify a class rather than act on it ("infantry fighting vehicles", "landing ships")
_ING_MODIFIERS = frozenset("fighting landing training refuelling refueling warning tracking firing jamming "
                           "minehunting mine-hunting minesweeping mine-sweeping patrolling towing bridging spotting "
                           "launching surveillance loitering".split())
_NOT_MODIFIER = frozenset(
    "the a an its their his her our this that these those of for to from with by and or in on at as new more additional "
    "further extra used second-hand some several many few other such all any both each two three four five six seven "
    "eight nine ten dozen dozens hundreds buy buying bought acquire acquiring acquired purchase purchasing purchased "
    "order ordered ordering sell selling sold supply supplying supplied deliver delivered delivering receive received "
    "get got obtain procure procured procuring lease leased operate operates operated build built building deploy "
    "deployed send sent provide provided transfer transferred donate donated is are was were be been has have had will "
    "would could may might also which that who what said says including include includes like than about over under "
    "up down out first second last next defence defense want need seek plan".split()) | frozenset(_NUMBER_WORDS.split())
# words that praise or date a class rather than name it: "sophisticated radar systems" are radar systems (but
# "Advanced Offshore Patrol Vessels", written in capitals, is a name)
_PRAISE = frozenset(
    "sophisticated advanced modern latest newest old older ageing aging obsolete brand-new cutting-edge "
    "state-of-the-art high-tech powerful huge large big small various different existing current future "
    "remaining similar identical retired decommissioned surplus former".split())  # "two similar patrol vessels",
# "a retired corvette" are patrol vessels and a corvette



def generic(c: Clause, text: str) -> list[tuple[int, int, Entity]]:
    """Weapon classes named without a designation, with their qualifying words ("anti-tank rockets"), or by their
    maker ("Sukhoi jets"). The candidates (`build`) and the deal rules' classes (`DealFinder.class_pairs`) ask it of
    the same sentence: the answer is kept (as long as the text and the sentence's platforms, countries and
    organisations are the same lists of the same lengths) and handed out again, the same list, which no caller
    changes."""
    memo = c.__dict__.get("_generic")
    if memo is not None and memo[0] is text and memo[1] is c.platforms and memo[2] == len(c.platforms) \
            and memo[3] is c.countries and memo[4] == len(c.countries) and memo[5] is c.orgs and memo[6] == len(c.orgs):
        return memo[7]
    out = _generic(c, text)
    c.__dict__["_generic"] = (text, c.platforms, len(c.platforms), c.countries, len(c.countries), c.orgs, len(c.orgs), out)
    return out


def _generic(c: Clause, text: str) -> list[tuple[int, int, Entity]]:
    out = []
    sent = c.sent.text
    heads = list(_HEAD_RE.finditer(sent))
    for j, m in enumerate(heads):
        if m.start() and sent[m.start() - 1] == "-" and j + 1 < len(heads) \
                and _BEFORE_HEAD.fullmatch(sent, m.end(), heads[j + 1].start()):
            continue  # "anti-submarine helicopters", "anti-tank missiles": a word that qualifies the next class
        s, e = c.start + m.start(), c.start + m.end()
        if any(ps <= s < pe or ps < e <= pe or (0 <= s - pe <= 2 and not text[pe:s].strip(" -"))
               for ps, pe, _ in c.platforms):
            continue  # "Rafale fighter jets": the class of a platform already named ("Rafale jets, drones" is not)
        start = s
        titled = text[s:s + 1].isupper()  # "Ocean Patrol Vessels": a class written in capitals, words and all
        priced = False
        for _ in range(3):
            w = _modifier_before(text[max(c.start, start - 40):start])
            if not w:
                break
            word = w.group(1).lower()
            ws = start - len(w.group(0))
            if word.split("-")[0] in _SCALES:
                parts = word.split("-")
                priced = (len(parts) > 1 and parts[1] in _CURRENCY_WORDS
                          or _MONEY_BEFORE.search(text, max(0, ws - 25), ws) is not None)
                break
            if any(ps < start and ws < pe and ent.catalogue_id for ps, pe, ent in c.platforms):
                break  # "Tuzla class patrol boats": the last word of the catalogue platform named before is no modifier
            if word in _NOT_MODIFIER or _verb_s(word) or (word.endswith("ing") and word not in _ING_MODIFIERS) \
                    or word in _PRAISE and not (titled and w.group(1)[0].isupper()) \
                    or w.group(1)[0].isupper() and not (titled and word not in _TITLE_STOP
                                                        and not _named(c, ws, ws + len(w.group(1)))):
                break
            start = ws
        if priced:
            continue  # "a $3.4 billion missile defence deal", "the $5bn jet deal": a sum qualifies the deal, no class
        if start < s and any(0 <= start - pe <= 2 and not text[pe:start].strip(" -") for _, pe, _ in c.platforms):
            continue  # "Leopard 2 battle tanks", "Su-34 strike aircraft": the head noun of the platform just named
        head_word = m.group("head").lower()
        kind = _HEADS[head_word]
        if kind == "ship" and "patrol" in text[start:s].lower():
            kind = "patrol vessel"  # "offshore patrol vessels" are of the kind of the catalogue's OPVs
        maker = _maker_before(c, text, start)
        if maker is not None:
            ms, org = maker
            name = text[ms:e]
            out.append((ms, e, Entity("platform", name, country=org.country, category=kind,
                                      extra={"generic": True, "maker": org.name})))
            continue
        if start == s and head_word in _QUALIFIED_ONLY:
            continue
        name = text[start:e]
        out.append((start, e, Entity("platform", name.lower(), category=kind, extra={"generic": True})))
    return out


def _modifier_before(window: str) -> re.Match | None:
    """`_MODIFIER.search(window)`, tried only where it can begin: its word holds no space and is followed by nothing
    but spaces, so a match begins in the window's last word (the search would try every place before it)."""
    words = window.rstrip()
    if not words:
        return None
    last = words.rsplit(None, 2)
    if len(last) > 1 and last[-1].lower() in _CALIBRE_UNITS and last[-2].isdigit():  # "37 mm": the figure and its unit
        return _MODIFIER.search(window, words.rfind(last[-2], 0, len(words) - len(last[-1])))
    return _MODIFIER.search(window, len(words) - len(last[-1]))


# what may stand between a hyphened class word and the class it qualifies: "anti-ship cruise missiles"
_BEFORE_HEAD = re.compile(r"\s+(?:[a-z][\w-]*\s+)?")


def _named(c: Clause, s: int, e: int) -> bool:
    """A country or organisation is named at [s, e): "Indian Navy Patrol Vessels" are not of a class "Indian"."""
    return any(ps < e and s < pe for ps, pe, _ in c.countries + c.orgs)


def _verb_s(word: str) -> bool:
    """A verb of the list in its "-s" form: "buys", "supplies"."""
    return word.endswith("s") and (word[:-1] in _NOT_MODIFIER or word[:-3] + "y" in _NOT_MODIFIER
                                   or word[:-2] in _NOT_MODIFIER)


def _maker_before(c: Clause, text: str, start: int) -> tuple[int, Entity] | None:
    """The defence firm named right before a class ("Sukhoi jets", "Dornier maritime patrol aircraft")."""
    for os_, oe, org in c.orgs:
        if oe <= start and start - oe <= 2 and _MAKER_GAP.fullmatch(text[oe:start]) and org.category == "defence company":
            return os_, org
    return None


@dataclass(slots=True)  # made by the thousand for a long report
class Party:
    """A country named (or implied) as a possible side of a deal, and where."""

    code: str
    start: int  # -1 when implied (origin, home country)
    end: int
    clause: int  # -1 when implied
    via: str  # country | org | origin | partner | home


@dataclass(slots=True)  # made by the thousand for a long report
class Mention:
    clause: int
    start: int
    end: int
    platform: Entity
    supplier: Party
    recipient: Party
    anaphor: bool = False  # "the howitzer", standing for the platform an earlier sentence names
    resolved: bool = False  # a class ("two Italian frigates") read as the catalogue platform of that kind the report names


@dataclass(slots=True)  # made by the thousand for a long report
class Candidate:
    supplier: str
    recipient: str
    platform: Entity
    mentions: list[Mention] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.supplier, self.recipient, self.platform.name)


def parties(c: Clause, i: int) -> tuple[list[Party], list[Party]]:
    """The countries a sentence names as possible sellers and buyers."""
    sellers, buyers = [], []
    for s, e, ent in c.countries:
        code = ent.code or ent.country
        if code:
            p = Party(code, s, e, i, "country")
            sellers.append(p)
            buyers.append(p)
    for s, e, ent in c.orgs:
        if not ent.country:
            continue
        if ent.category in _SELLER_ORGS:
            sellers.append(Party(ent.country, s, e, i, "org"))
        elif state_buyer(ent):
            buyers.append(Party(ent.country, s, e, i, "org"))
            if ent.category == "armed service" and _gives_away(c.sent.text, s - c.start, e - c.start):
                sellers.append(Party(ent.country, s, e, i, "service"))
    return sellers, buyers


# an armed service as the giver of what it retires: named after "ex-", "former", "previously", "used by", "from"
# ("two ex-US Coast Guard cutters", "howitzers used previously by the German army", "helicopters from the Brazilian
# Navy"), or before a verb that gives or retires ("the Korean Navy will hand a corvette over", "frigates the US Navy
# is decommissioning"); not the buyer's own service ("the Bangladesh Navy receives two corvettes", "was handed",
# "leased two drones", "to be used by"), nor its people ("a delegation from the Indonesian Navy")
_SERVICE_GAVE_BEFORE = re.compile(r"(?:\bex-|\b(?:former(?:ly)?|previously|retired|decommissioned|surplus|second-hand)\b"
                                  r"[^.;:]{0,50}?|(?<!delegation )(?<!officials )(?<!officers )(?<!team )(?<!sailors )"
                                  r"(?<!representatives )\bfrom\s+(?:the\s+)?)$", re.I)
_SERVICE_GIVES_AFTER = re.compile(r"^(?:'s)?(?:(?!\b(?:that|which|who|was|were|been|be|being)\b|\b(?:is|are)\s+(?:\w+ed|given|"
                                  r"sold)\b)[^.;:]){0,40}?"
                                  r"\b(?:transferr?\w*|hand(?:s|ed|ing)?\b|gave|gives?|donat\w*|gift\w*|sold|sells?|"
                                  r"decommission\w*|retir\w*)", re.I)


def _gives_away(sent: str, s: int, e: int) -> bool:
    """Is the armed service named at sent[s:e] the giver of what it retires (`_SERVICE_GAVE_BEFORE`)?"""
    return bool(_SERVICE_GAVE_BEFORE.search(sent, max(0, s - 60), s) or _SERVICE_GIVES_AFTER.search(sent[e:e + 60]))


# a platform taken up again by its class: "The howitzer is already in service in India, Australia and Norway"
_ANAPHOR = Caseless(re.compile(r"\b(?:the|this|these|those)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>" + "|".join(
    sorted((re.escape(h) for h in _HEADS if h not in ("weapon", "vehicle", "ship", "aircraft", "plane")), key=len,
           reverse=True)) + r")(?:s|es)?\b", re.I))  # run over the lower-cased sentence
ANAPHOR_REACH = 3  # sentences back to the platform taken up


def anaphor(clauses: list[Clause], i: int) -> tuple[int, int, Entity] | None:
    """The catalogue platform a sentence that names none takes up by its class, if the last one named of that
    class stands within a few sentences before."""
    c = clauses[i]
    if not any(ent.catalogue_id for k in range(max(0, i - ANAPHOR_REACH), i) for _, _, ent in clauses[k].platforms):
        return None  # nothing to take up, by class or by pronoun (`_pronoun` looks one sentence back)
    m = _ANAPHOR.search(c.sent.text)
    if m is None:
        return _pronoun(clauses, i)
    word = _HEADS[m.group("head").lower()].split()[-1]  # "fighter aircraft" -> "aircraft", "howitzer"
    for k in range(i - 1, max(-1, i - ANAPHOR_REACH - 1), -1):
        for _, _, ent in reversed(clauses[k].platforms):
            if ent.catalogue_id and word in (ent.category or ""):
                return c.start + m.start(), c.start + m.end(), ent
    return None


# a platform taken up by a pronoun that opens a sentence naming its users: "Its operators include Egypt and Qatar",
# "It is already in service with India and Chile"
_PRONOUN_USERS = Caseless(re.compile(
    r"^\W*(?P<pro>its|their)\s+(?:[a-z]+\s+){0,2}?(?:operators|users|customers|clients|buyers)\b|"
    r"^\W*(?P<pro2>it|they)\s+(?:is|are|was|were|has been|have been)\s+(?:already\s+|also\s+|now\s+|currently\s+)?"
    r"(?:in service|used|operated|flown|fielded|exported)\b", re.I))


def _pronoun(clauses: list[Clause], i: int) -> tuple[int, int, Entity] | None:
    """The catalogue platform the sentence before names last, when a sentence naming none opens with a pronoun
    and its users (`_PRONOUN_USERS`)."""
    c = clauses[i]
    # the sentence before first: most name no catalogue platform, and then the expression need not run
    ent = None if i == 0 else next((e for _, _, e in reversed(clauses[i - 1].platforms) if e.catalogue_id), None)
    if ent is None or not (m := _PRONOUN_USERS.match(c.sent.text)):
        return None
    g = "pro" if m.start("pro") >= 0 else "pro2"
    return c.start + m.start(g), c.start + m.end(g), ent


def build(clauses: list[Clause], text: str, home: str | None) -> list[Candidate]:
    named = _Parties(clauses)
    out: dict[tuple[str, str, int], Candidate] = {}
    classes: dict[str, Entity] = {}
    kinds: _Kinds | None = None  # the catalogue platforms of the report by kind, read when first asked for
    # the implied parties (never changed, so one object serves every mention): the home country, each platform's
    # origin and partners
    home_party = [Party(home, -1, -1, -1, "home")] if home else []
    implied: dict[int, tuple[Entity, list[Party]]] = {}
    for i, c in enumerate(clauses):
        if c.sent.noise:
            continue
        found = list(c.platforms)
        resolved: list[tuple[int, int, Entity]] = []
        if c.has("deal") or c.has("transfer"):
            for s, e, ent in generic(c, text):
                found.append((s, e, classes.setdefault(ent.name, ent)))
                if not ent.extra.get("maker"):
                    if kinds is None:
                        kinds = _Kinds(clauses)
                    meant = _stands_for(kinds, ent.category, i, s)
                    if meant is not None and not _other_seller(named[i], meant, text, e):
                        resolved.append((s, e, meant))
        taken_up = anaphor(clauses, i) if not c.platforms else None
        if taken_up is not None:
            found = [x for x in found if not (x[0] < taken_up[1] and taken_up[0] < x[1])] + [taken_up]
        if resolved:  # the class is the platform it stands for, not a deal of its own
            gone = {s for s, _, _ in resolved}
            found = [x for x in found if not (x[0] in gone and x[2].extra.get("generic"))]
        if not found and not resolved:
            continue
        lo, hi = max(0, i - REACH), min(len(clauses), i + REACH + 1)
        near_sellers = [p for k in range(lo, hi) for p in named[k][0]]
        near_buyers = [p for k in range(lo, hi) for p in named[k][1]]
        marked = {(s, id(plat)) for s, _, plat in resolved}
        for s, e, plat in found + resolved:
            makers_of = implied.get(id(plat))
            if makers_of is None or makers_of[0] is not plat:  # its origin and partners: made once a platform
                origin = [Party(plat.country, -1, -1, -1, "origin")] if plat.country else []
                partners = [Party(x, -1, -1, -1, "partner") for x in plat.extra.get("partners") or []]
                makers_of = implied[id(plat)] = (plat, origin + partners)
            sellers = near_sellers + makers_of[1]
            buyers = near_buyers + home_party
            # the nearest named buyers, and every country of the platform's own sentence: a list of past
            # buyers ("exported to Turkey, Poland, India, Norway, Finland and Estonia") is kept whole
            recipients = _nearest(_best_per_code(buyers, s), s, MAX_BUYERS)
            chosen = {p.code for p in recipients}
            recipients += _best_per_code([p for p in named[i][1] if p.code not in chosen], s)
            makers = {p.code for p in sellers if p.via in ("origin", "partner")}
            for sup in _nearest(_best_per_code(sellers, s), s, MAX_SELLERS, keep=makers):
                for rec in recipients:
                    if sup.code == rec.code:
                        continue
                    key = (sup.code, rec.code, id(plat))
                    cand = out.get(key)
                    if cand is None:
                        cand = out[key] = Candidate(sup.code, rec.code, plat)
                    cand.mentions.append(Mention(i, s, e, plat, sup, rec, taken_up is not None and s == taken_up[0],
                                                 (s, id(plat)) in marked))
    return list(out.values())


class _Kinds:
    """The catalogue platforms the report names, by kind (category), in text order, and for each kind a class may
    name, those of it (`of`): read once an article, each kind once, so that asking for every class stays linear."""

    def __init__(self, clauses: list[Clause]) -> None:
        self.by_category: dict[str, list[tuple[int, int, Entity]]] = {}
        for i, c in enumerate(clauses):
            for s, _, ent in c.platforms:
                if ent.catalogue_id and ent.category:
                    self.by_category.setdefault(ent.category, []).append((i, s, ent))
        self._of: dict[str, tuple[list, list[int], set[int], int]] = {}

    def of(self, kind: str) -> tuple[list, list[int], set[int], int]:
        """The platforms of this kind (sentence, start, platform) in text order, their sentences as a list and as a
        set, and how many names they have. Of its kind: "howitzers" are of the kind "self-propelled howitzer",
        "fighter jets" not of "attack aircraft"."""
        got = self._of.get(kind)
        if got is None:
            named = sorted((x for k, xs in self.by_category.items() if k == kind or k.endswith(" " + kind)
                            for x in xs), key=lambda x: (x[0], x[1]))
            sents = [k for k, _, _ in named]
            got = self._of[kind] = (named, sents, set(sents), len({ent.name for _, _, ent in named}))
        return got


def _stands_for(kinds: _Kinds, kind: str | None, i: int, pos: int) -> Entity | None:
    """The catalogue platform a class of this kind stands for: the only one of its kind the report names, else the
    last of its kind named before it within `ANAPHOR_REACH` sentences ("Egypt took delivery of the first of two
    Italian frigates", after "FREMM"); none when the class's own sentence names one of its kind ("Rafale fighter
    jets, drones, and fighter jets from the US": the second class is another)."""
    if not kind:
        return None
    named, sents, in_sents, names = kinds.of(kind)
    if not named or i in in_sents:
        return None
    if names == 1:
        return named[0][2]
    last = bisect_left(sents, i) - 1  # the last named in a sentence before this one
    return named[last][2] if last >= 0 and i - sents[last] <= ANAPHOR_REACH else None


# what may stand between a platform and the "from" that names its seller: a few words, other platforms of a list, and
# the words before the seller's name ("from the French defence group Thales"); one "from" only, no break
FROM_ATTACHED = re.compile(r"(?:(?!\bfrom\b)[^.;:()])*?\bfrom\s+(?:(?!(?:from|and|or|to|for|with)\b)[^\W\d][\w'’-]*\s+){0,4}")


def _other_seller(parties: tuple[list[Party], list[Party]], plat: Entity, text: str, end: int) -> bool:
    """The class's own sentence names a seller that neither made the platform nor shares in it: in the "from" that
    follows the class ("Athens is buying fighter jets from the United States", after the French Rafale), or beside
    the buyer (two countries or more named besides the makers: "China supplied two submarines to Bangladesh", after
    the Russian Kilo). The class is then another platform."""
    makers = {plat.country, *(plat.extra.get("partners") or ())}
    sellers, buyers = parties
    if len({p.code for p in sellers + buyers} - makers) >= 2:
        return True
    return any(p.start >= end and p.code not in makers and p.start - end <= 90
               and FROM_ATTACHED.fullmatch(text, end, p.start) for p in sellers)


class _Parties(dict):
    """`parties` of each sentence, read when first asked for: only the sentences near a platform are."""

    def __init__(self, clauses: list[Clause]) -> None:
        super().__init__()
        self.clauses = clauses

    def __missing__(self, i: int) -> tuple[list[Party], list[Party]]:
        hit = self[i] = parties(self.clauses[i], i)
        return hit


def _best_per_code(items: list[Party], pos: int) -> list[Party]:
    """One party per country: the named mention nearest the platform, else the implied one."""
    best: dict[str, Party] = {}
    rank: dict[str, float] = {}  # how far the kept party is named from `pos`; an implied one is the farthest
    for p in items:
        r = abs(p.start - pos) if p.start >= 0 else _IMPLIED
        q = rank.get(p.code)
        if q is None or r < q:
            best[p.code] = p
            rank[p.code] = r
    return list(best.values())


_IMPLIED = float("inf")


def _nearest(items: list[Party], pos: int, k: int, keep: set[str] = frozenset()) -> list[Party]:
    """The implied parties, those of the countries in `keep` (the platform's makers, however far they are
    named) and the k other named ones nearest `pos`."""
    named = sorted((p for p in items if p.start >= 0 and p.code not in keep), key=lambda p: abs(p.start - pos))
    return [p for p in items if p.start < 0 or p.code in keep] + named[:k]
