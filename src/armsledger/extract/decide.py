"""Learned decisions: which candidates are deals, at what stage, hedged or not.

Reads: the rules' first-pass deals (`DealFinder.open_deals`), the broad
candidates (`candidates`), their features (`features`) and the fitted model
(`learned`). Writes: the deal book the second pass fills with figures: rule
deals the model rejects are dropped, candidates it accepts are opened, and each
deal keeps why (`Why`), for `armsledger extract --explain`.

Runs between the rules' two passes, so that figures, dates and evidence attach
to model-opened deals exactly as they do to rule-opened ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import candidates as cands
from .context import STAGES, Clause
from .deals import Claim, Deal, DealFinder
from .features import BLOCKS, CIVIL, MAKES_OTHER, NOT_BOUGHT, REC_FROM, SELLER_ELSEWHERE, SHIP_NAMED, Featurizer
from .learned import Model

STATUS_STAGE = {"considered": "consider", "offered": "offer", "negotiating": "negotiate", "signed": "sign",
                "in_delivery": "deliver", "completed": "complete", "cancelled": "cancel"}


@dataclass
class Why:
    """What the model weighed for one deal; the weights are looked up only when asked for (`as_dict`)."""

    probability: float
    threshold: float
    feats: set[str]
    model: Model
    opened_by: str = "rules"  # rules | model
    parts: tuple[float, float] | None = None  # the regression's and the trees' probabilities, when averaged

    def as_dict(self) -> dict:
        m, feats = self.model, self.feats
        status, sp = m.status.best(feats)
        out = {"opened_by": self.opened_by, "probability": round(self.probability, 3), "threshold": self.threshold,
               "features": _weights(m.deal.explain(feats)),
               "status": {"value": status, "probability": round(sp, 3),
                          "features": _weights(m.status.explain(feats, status))},
               "hedged_probability": round(m.hedged.probability(feats), 3)}
        if self.parts is not None:
            # the probability is the average of two: the regression's (whose weights `features` lists) and the trees'
            out["averaged"] = {"regression_probability": round(self.parts[0], 3),
                               "trees_probability": round(self.parts[1], 3),
                               "probability": "the average of the two"}
        return out


def _beaten(cand: cands.Candidate, p: float, best: dict, lists: dict) -> bool:
    """Is the candidate's recipient a rival the best-scored one of its supplier and platform outdoes? Not when both
    are named in one list of buyers where the platform is named ("ordered by Egypt and Qatar", not "talks between
    Russia and Ukraine" after it)."""
    top, top_recipient = best[(cand.supplier, cand.platform.name)]
    if not p < top:
        return False
    if cand.recipient not in lists or top_recipient not in lists:
        return True  # either named in no list: no list holds both
    here = {m.clause for m in cand.mentions}
    mine = {x for x in lists.get(cand.recipient, ()) if x[0] in here}
    return not (mine & lists.get(top_recipient, set()))


def overruled(keys: list[tuple], feats: list, kinds: list | None = None) -> dict[int, list[int] | None]:
    """The candidates the thresholds do not decide alone (`keys`: report, supplier, recipient, platform), for
    `overrule`:

    - None: no deal whatever its score, where every mention tells the platform passed over, turned down, a bid lost
      or withdrawn, or carried by what is bought (`lost_all:not_bought`: "chose the K9 over the CAESAR", "turned down
      the F/A-18", "Saab, which had offered its Gripen", "the Rafale bid ended in defeat", "fitted on the BRP ..."):
      in the training reports such candidates were deals 0 times in 119, yet out of fold the model,
      weighing a cue only a few reports hold, kept 4 (scored 0.51-0.96); and where the recipient, wherever the
      platform's sentences name it, is named as the maker of another platform (`rec_all:makes_other`: "the T-50's
      competitors, the L-159 from the Czech Republic and the Russian Yak-130" buy no T-50): 0 deals in 128; or as
      blocking, vetoing, banning, sanctioning it or refusing its licence (`rec_all:blocks`: "amid the threat of
      U.S. sanctions", "held up by Germany's refusal to supply an engine"): 0 deals in 9; and where the platform
      is an airliner, named only by its maker's model ("Boeing 787-10") with no sentence of arms or forces
      (`plat_all:civil`): 0 deals in 6; and where the recipient, wherever the platform's sentences name it, is named
      after a "from" that tells where the platform comes from, not who asks for it (`rec_all:from`: "arrived from
      South Korea", "used Typhoons from Qatar and Oman", "competition from the UK"; not "an order from Romania"):
      1 deal in 493, none of the 13 the rules opened. An engine or a naval gun is left to the model (its kind is a
      feature): in the training reports none of 62 such candidates is a deal, but an engine bought on its own ("99
      F404 engines for its Tejas jets") is a procurement the register records, so no rule forbids it;
    - a list: for a candidate whose supplier is the platform's maker (`sup:origin`), the candidates of the same
      report, recipient and platform whose supplier is another country the report names (`sup:via:country`), not
      the maker: kept both, the named seller beats the maker the catalogue gives. A second-hand sale ("24 F-16s from
      Denmark"), a gift from a state's stocks ("helicopters that India supplied"), a consortium partner's export
      ("Turkey and the UK signed for Eurofighters", not Germany) or a licence build ("Black Hawks built in Poland")
      has one seller, and it is not the maker; out of fold the maker's deal was wrong in 7 of 9 such pairs kept
      (right only where the report tells both sold: the two builders of the FREMM). A seller named through its
      company ("built by Airbus in Seville") is no rival: it is the maker too;
    - a list: for a candidate whose supplier is not named as selling where another country is, by its name, after a
      "from", for the same recipient and platform (`sib:other_seller`: "American-made F-16s from Denmark", "Airbus
      helicopters from the US", "Black Hawks from PZL Mielec in Poland"), the candidates of that named seller: kept
      both, the named seller stands. In the training reports, where the named seller's was a deal, 3 such candidates
      in 163 were deals too; out of fold the model kept 2, neither right. Not a consortium partner's (`sup:partner`:
      "Eurofighters from Qatar", the UK a seller too, as the gold reads it), and not for a seller named only through
      its company ("C295s from Airbus": a maker too, as above);
    - None, where that supplier is never named in a sentence of the platform at all and the named seller is the
      seller of this platform, not of another named between them (`SELLER_ELSEWHERE`: "32 second-hand F-16s from
      Norway", "Mi-171s bought from Serbia"; not "the T-50 over the L-159 from the Czech Republic"), kept the
      seller's candidate or not (out of fold it often is not: "from Serbia" scored 0.09): in the training reports
      8 such candidates in 328 were deals, none of them kept, and out of fold the model kept 2-3 a dealing, all wrong;
    - a list: for a class ("helicopters", "two submarines"), the catalogue platforms of its kind with the same
      report, supplier and recipient: kept both, the class gives way to the named platform ("delivered four Chinook
      helicopters to India, which has bought 15 of the helicopters"): one deal told under two names. In the
      training reports 22 such classes in 1,124 were deals of their own, and where the named one was a deal, 10 in
      273 (most of them the same gold deal as the named one). A class of any ship ("warships", "naval vessels")
      gives way to a named platform of any naval kind ("delivered two warships ... the Type 054A/P frigates"), a
      class of any armoured vehicle ("tracked armoured vehicles", "military vehicles") to a named tank, infantry
      fighting vehicle or carrier, and a class of arms of any kind ("military equipment", "weapons systems") to any
      named platform of the pair (out of fold such classes were wrong in 5 of 5 kept beside a kept named one); and
      a class to a narrower class of the same noun the same pair keeps ("vehicles" to "armoured vehicles", "patrol
      vessels" to "offshore patrol vessels", `_class_words`): out of fold 4 such wider classes kept beside the
      narrower one, none a deal of its own.

    `kinds`, when given, holds each candidate's platform kind where its mentions tell it alone (`kind_of`), None
    where `_kind` must read it from the features."""
    def kind(i: int, f) -> str:
        return _kind(f) if kinds is None or kinds[i] is None else kinds[i]

    by: dict[tuple, list[int]] = {}
    sellers: dict[tuple, list[int]] = {}  # the candidates whose supplier is a country named as selling "from X"
    named_kinds: dict[tuple, list[tuple[int, str]]] = {}  # the catalogue platforms of each report and pair, by kind
    classes: dict[tuple, list[tuple[int, frozenset[str], str]]] = {}  # the classes of each report and pair, by words
    naval: dict[tuple, list[int]] = {}  # the naval platforms and classes of each report and pair, not named ships
    ships: dict[tuple, int] = {}  # ... and how many ships it names by their names
    for i, (k, f) in enumerate(zip(keys, feats)):
        if "sup:via:country" in f and "sup:origin" not in f:
            by.setdefault((k[0], k[2], k[3]), []).append(i)
        if "sup:cue:from" in f and "sup:via:country" in f:
            sellers.setdefault((k[0], k[2], k[3]), []).append(i)
        if "plat:catalogue" in f:
            named_kinds.setdefault((k[0], k[1], k[2]), []).append((i, kind(i, f)))
        if "plat:generic" in f:
            words = _class_words(k[3])
            if words:
                classes.setdefault((k[0], k[1], k[2]), []).append((i, frozenset(words), words[-1]))
        if SHIP_NAMED in f:
            ships[k[0], k[1], k[2]] = ships.get((k[0], k[1], k[2]), 0) + 1
        elif kind(i, f) in _NAVAL:
            naval.setdefault((k[0], k[1], k[2]), []).append(i)
    out: dict[int, list[int] | None] = {}
    for i, (k, f) in enumerate(zip(keys, feats)):
        if NOT_BOUGHT in f or MAKES_OTHER in f or BLOCKS in f or CIVIL in f or REC_FROM in f:
            out[i] = None
            continue
        if SHIP_NAMED in f:
            # one ship of a class the pair names ("two Type 056 corvettes ... NNS Ekpe"), or one of several named
            # ships of a kind it names ("two patrol ships ... named BRP X and BRP Y"): the deal is told there. A
            # ship named alone beside its noun ("the patrol ship BRP X") stays
            several = ships[k[0], k[1], k[2]] > 1
            mates = [j for j in naval.get((k[0], k[1], k[2]), ()) if several or "plat:generic" not in feats[j]]
            if mates:
                out[i] = mates
                continue
        named = []
        if "sup:origin" in f:
            named = [j for j in by.get((k[0], k[2], k[3]), ()) if keys[j][1] != k[1]]
        if "sib:other_seller" in f and "sup:partner" not in f:
            seller = [j for j in sellers.get((k[0], k[2], k[3]), ()) if keys[j][1] != k[1]]
            if seller and SELLER_ELSEWHERE in f:
                out[i] = None  # never named with the platform at all: no deal, kept the seller's or not
                continue
            named += [j for j in seller if j not in named]
        if named:
            out[i] = named
        elif "sup:origin" in f:
            continue
        elif "plat:generic" in f:
            own = kind(i, f)
            umbrella = own in ("ship", "warship") and _ANY_SHIP.fullmatch(k[3]) is not None
            land = own == "armoured vehicle" and _ANY_VEHICLE.fullmatch(k[3]) is not None
            anything = own in _ANY_ARMS
            named = [j for j, c in named_kinds.get((k[0], k[1], k[2]), ())
                     if c == own or c.endswith(" " + own) or umbrella and c in _NAVAL or land and c in _LAND
                     or anything]
            # ... and to a narrower class of the same noun the pair names ("vehicles" to "armoured vehicles",
            # "patrol vessels" to "offshore patrol vessels"): one deal told at two widths
            words = _class_words(k[3])
            if words:
                mine = frozenset(words)
                named += [j for j, w, head in classes.get((k[0], k[1], k[2]), ())
                          if head == words[-1] and mine < w and j not in named]
            if named:
                out[i] = named
    return out


# words of a class that say nothing of its kind ("new military vehicles" is "vehicles")
_CLASS_FILLER = frozenset({"new", "military", "modern", "more", "additional", "further", "the", "of", "and"})


_CLASS_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=4096)
def _class_words(name: str) -> tuple[str, ...]:
    """A class's words, lower-cased and singular, without those that say nothing of its kind (`_CLASS_FILLER`):
    "Armoured Vehicles" -> ("armoured", "vehicle"). Kept by name: `overruled` asks it of every class candidate,
    twice, and the classes of the news are few."""
    out = []
    for w in _CLASS_WORD.findall(name.lower()):
        if w in _CLASS_FILLER:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return tuple(out)


# a class that names any ship ("warships", "vessels", "well-armed naval vessels"), not a kind of its own
# ("multi-purpose ships", "helicopter-carrier vessels"): it gives way to a named platform of any naval kind
_ANY_SHIP = re.compile(r"(?:(?:naval|navy|military|major|armed|well-armed)\s+)*(?:war)?(?:ships?|vessels?)")
_NAVAL = frozenset({"ship", "warship", "frigate", "corvette", "destroyer", "submarine", "patrol vessel", "auxiliary ship",
                    "amphibious ship", "mine countermeasures vessel", "aircraft carrier"})


# ... and a class that names any armoured vehicle ("vehicles", "tracked armoured vehicles", "military vehicles"; not
# "armoured command vehicles"), a kind of its own) gives way to a named tank, infantry fighting vehicle or carrier of
# the pair ("orders tracked armoured vehicles from Rheinmetall ... Leopard 2 tanks and Marder vehicles"), and a class
# of arms of any kind ("military equipment", "weapons systems") to any named platform of the pair
_ANY_VEHICLE = re.compile(r"(?:(?:tracked|wheeled|armou?red|military|combat|new|heavy)\s+)*vehicles?")
_LAND = frozenset({"armoured vehicle", "infantry fighting vehicle", "armoured personnel carrier", "main battle tank"})
_ANY_ARMS = frozenset({"military equipment", "weapons"})


def _kind(feats) -> str:
    """The platform's kind (category), as its features name it."""
    return next((x[4:] for x in feats if x.startswith("cat:")), "none")


def kind_of(cand: cands.Candidate) -> str | None:
    """`_kind` of the candidate's features without reading them, where its mentions name one kind: each mention
    adds "cat:" and its platform's category (`Featurizer._platform_at`), and no other feature begins so; None
    where they name more than one (the first in the set's order is then `_kind`'s answer)."""
    ms = cand.mentions
    kind = ms[0].platform.category or "none"
    for m in ms:
        if (m.platform.category or "none") != kind:
            return None
    return kind


def overrule(yes: list[bool], over: dict[int, list[int] | None]) -> list[bool]:
    """`yes` (which candidates the thresholds keep) without those `overruled` drops: a platform not bought, a
    maker's deal a kept named seller beats, a class a kept named platform of its kind beats."""
    out = list(yes)
    for i, named in over.items():
        if yes[i] and (named is None or any(yes[j] for j in named)):
            out[i] = False
    return out


def _overruled_why(scored: list, i: int, threshold: float, named: list[int] | None) -> dict:
    """For `--explain`: a candidate the thresholds passed that a constraint of `overruled` turned down, and which."""
    cand, p = scored[i][0], scored[i][2]
    if named is None and MAKES_OTHER in scored[i][1]:
        why = "no buyer: the recipient is named only as the maker of another platform"
    elif named is None and CIVIL in scored[i][1]:
        why = "no arms: an airliner, named only by its maker's model, no sentence of it telling of arms or forces"
    elif named is None and BLOCKS in scored[i][1]:
        why = "no buyer: the recipient is named only as blocking, banning, sanctioning or refusing a licence for it"
    elif named is None and REC_FROM in scored[i][1]:
        why = "no buyer: the recipient is named only as where it comes from (\"from X\")"
    elif named is None and SELLER_ELSEWHERE in scored[i][1] and NOT_BOUGHT not in scored[i][1]:
        sellers = sorted({c.supplier for c, f, _, _ in scored if c.recipient == cand.recipient
                          and c.platform.name == cand.platform.name and c.supplier != cand.supplier
                          and "sup:cue:from" in f and "sup:via:country" in f})
        why = ("never named with the platform, it gives way to the seller the report names after \"from\""
               + (": " + ", ".join(sellers) if sellers else ""))
    elif named is None:
        why = "not bought: every mention tells it passed over, turned down, a bid lost or withdrawn, or carried"
    elif SHIP_NAMED in scored[i][1]:
        why = ("a ship named by its name gives way to the naval platform or class the same pair keeps: "
               + ", ".join(sorted({scored[j][0].platform.name for j in named})))
    elif "plat:generic" in scored[i][1]:
        why = ("a class gives way to the named platform of its kind the same pair keeps: "
               + ", ".join(sorted({scored[j][0].platform.name for j in named})))
    else:
        why = ("the maker gives way to the seller the report names: "
               + ", ".join(sorted({scored[j][0].supplier for j in named})))
    return {"supplier": cand.supplier, "recipient": cand.recipient, "platform": cand.platform.name,
            "probability": round(p, 3), "threshold": threshold, "constraint": why}


def _weights(pairs: list[tuple[str, float]]) -> list[dict]:
    return [{"feature": f, "weight": round(w, 3)} for f, w in pairs]


_CLASS_PAIR = frozenset(("gen:rule_pair",))  # a class the deal rules would open with this pair (`DealFinder.class_pairs`)


def rows(finder: DealFinder, clauses: list[Clause], text: str, home: str | None,
         speakers: list | None = None, fz: Featurizer | None = None) -> list[tuple[cands.Candidate, set[str], list[Deal]]]:
    """Every candidate with its features and the rule deals of its key (training reads these too).
    `speakers`, when given, collects the candidates whose recipient is named only as a speaker."""
    return [(cand, set().union(*parts), rule) for cand, parts, rule in _rows(finder, clauses, text, home, speakers, fz)]


def _rows(finder: DealFinder, clauses: list[Clause], text: str, home: str | None,
          speakers: list | None = None, fz: Featurizer | None = None) -> list[tuple[cands.Candidate, list, list[Deal]]]:
    """`rows`, each candidate's features as the sets they are made of (`Featurizer.candidate_parts`)."""
    by_key: dict[tuple, list[Deal]] = {}
    for d in finder.book.deals:
        by_key.setdefault((d.supplier, d.recipient, d.platform.name), []).append(d)
    fz = fz or Featurizer(clauses, text, home)
    # the status of rule[0], read once per key; "held" where the rules read the key only from a list of buyers
    # (`DealFinder._buyer_list`), which the model weighs apart from a deal word's
    rule_keys = {k: "held" if all(cl.held for d in ds for cl in d.claims) else ds[0].status()[0]
                 for k, ds in by_key.items()}
    out = []
    built = cands.build(clauses, text, home)
    fz.index_sellers(built)
    class_keys = finder.class_pairs() if any(c.platform.extra.get("generic") for c in built) else set()
    for cand in built:
        rule = by_key.get(cand.key, [])
        status = rule_keys[cand.key] if rule else None
        parts = fz.candidate_parts(cand, status, rule_keys)
        if cand.key in class_keys:
            parts.append(_CLASS_PAIR)
        out.append((cand, parts, rule))
        if speakers is not None and fz.only_speaks(cand):
            speakers.append(cand)
    return out


def apply(finder: DealFinder, clauses: list[Clause], text: str, home: str | None, model: Model) -> None:
    """Drop the rule deals the model rejects, open the candidates it accepts; each deal gets its `why`."""
    book = finder.book
    dropped: list[Deal] = []
    speakers: list = []
    fz = Featurizer(clauses, text, home)
    memo: dict = {}
    scored = [(cand, *model.deal.weigh(parts, memo), rule)
              for cand, parts, rule in _rows(finder, clauses, text, home, speakers, fz)]
    trees: dict[int, tuple[float, float]] = {}  # a candidate's regression and trees probabilities, when averaged
    if model.deal.trees is not None and scored:
        lr = [p for _, _, p, _ in scored]
        tp = model.deal.trees.probabilities([f for _, f, _, _ in scored])
        trees = {id(c): (a, b) for (c, _, _, _), a, b in zip(scored, lr, tp)}
        scored = [(c, f, 0.5 * (a + b), r) for (c, f, _, r), a, b in zip(scored, lr, tp)]
    best: dict[tuple, tuple[float, str]] = {}
    for cand, _, p, _ in scored:
        k = (cand.supplier, cand.platform.name)
        if p > best.get(k, (0.0, ""))[0]:
            best[k] = (p, cand.recipient)
    lists = fz._lists_of_code()
    speaking = {id(c) for c in speakers}
    bars = []
    for cand, feats, p, rule in scored:
        if (rule or "rule:deal" in feats) and model.deal.rule_threshold is not None:
            # the rules' vote, theirs or a list mate's ("ordered by Egypt, Qatar and Greece"): the bar the
            # thresholds were fitted with for every candidate carrying it (fit.best_thresholds)
            bars.append(model.deal.rule_threshold)
        elif _beaten(cand, p, best, lists):
            bars.append(model.deal.rival_threshold or model.deal.threshold)
        else:
            bars.append(model.deal.threshold)
    passed = [p >= t and id(c) not in speaking for (c, _, p, _), t in zip(scored, bars)]
    over = overruled([(None, *c.key) for c, _, _, _ in scored], [f for _, f, _, _ in scored],
                     [kind_of(c) for c, _, _, _ in scored])
    kept = overrule(passed, over)
    finder.overruled += [_overruled_why(scored, i, bars[i], over[i]) for i in sorted(over) if passed[i] and not kept[i]]
    for (cand, feats, p, rule), threshold, keep in zip(scored, bars, kept):
        if not keep:
            # ... and no deal for a country named only as the one speaking of it ("Washington warned Ankara that...")
            dropped += rule
            finder.rejected_keys.add(cand.key)
            continue
        why = Why(p, threshold, feats, model, parts=trees.get(id(cand)))
        finder.whys[cand.key] = why
        if rule:
            for d in rule:
                d.why = why
            continue
        m = min(cand.mentions, key=lambda m: (m.clause, m.start))
        deal = Deal(cand.supplier, cand.recipient, cand.platform, False, m.start)
        status, _ = model.status.best(feats)
        stage = STATUS_STAGE[status]
        hedged = model.hedged.probability(feats) >= model.hedged.threshold
        for clause in sorted({x.clause for x in cand.mentions if x.supplier.clause in (-1, x.clause)
                              or x.recipient.clause == x.clause} or {m.clause}):
            deal.claims.append(Claim(stage if stage in STAGES or stage == "cancel" else "consider", hedged, False, clause))
            refs = book.refs.setdefault(clause, [])
            if deal not in refs:
                refs.append(deal)
        why.opened_by = "model"
        deal.why = why
        book.deals.append(deal)
    if dropped:
        gone = {id(d) for d in dropped}
        book.deals = [d for d in book.deals if id(d) not in gone]
        for i, refs in list(book.refs.items()):
            book.refs[i] = [d for d in refs if id(d) not in gone]
