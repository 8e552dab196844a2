"""Entities: countries, people, organisations, platforms and places, with every mention.

Reads: the catalogue hits (`gazetteer.py`) and the body text. Writes: an
`Entities` index. Beyond the catalogues it finds people from the forms
reporters use ("Defence Minister Rajnath Singh", "his Russian counterpart
Andrey Belousov", "Vivek Lall, Chief Executive of ..."), links later mentions
by surname, names unknown firms by their legal form ("X Limited"), armed
services and ministries by their country ("Indian Air Force", "the Swiss
defence ministry"), tells a capital used for its government ("New Delhi has
signalled") from the city, and merges a platform family name into the variant
the article is about ("Rafale" -> "Rafale M").
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_left, insort
from itertools import chain
from collections import Counter
from dataclasses import dataclass, field

from .. import cache
from ..catalogue import Catalogue, Entry
from ..model import Span
from .gazetteer import Hit
from .prefixes import for_text, needs, trie
from .shapes import _NAMED_HEAD_CATEGORY, ACRONYM_PLATFORM, DESIGNATION, NAMED_TYPE, SHIP_CLASS, WEAPON_NOUN_AFTER
from .spans import SpanSet


def _word_lists() -> dict[str, frozenset[str]]:
    """The word lists of `catalogues/words.yaml` (words, not names: what the rules below read), kept in the
    start-up cache by the file's bytes."""
    from ..catalogue import PACKAGED, read_yaml
    path = PACKAGED / "words.yaml"
    lists = cache.fetch("entity-words", cache.key(path), lambda: {k: str(v).split() for k, v in read_yaml(path).items()})
    return {k: frozenset(v) for k, v in lists.items()}


_WORDS = _word_lists()


def _lead(words: str) -> str:
    """`\\b(?:w1|w2|...)` for plain words that begin with a word character, written so that the search skips to
    the places where a word's first letter is (a leading `\\b` makes it try every character): the words grouped by
    first letter, in their order within each group, `W(?<!\\w.)ord` saying what `\\bWord` says."""
    groups: dict[str, list[str]] = {}
    for w in words.split("|"):
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(c + r"(?<!\w.)(?:" + "|".join(rest) + ")" for c, rest in groups.items()) + ")"


def _by_first(alternatives: str) -> str:
    """`(?:a|b|...)` for an alternation whose every branch begins with a plain character (or an escaped one), the
    branches grouped by that character, in their order within each group: the same matches, as branches that begin
    with different characters never both match at one place, while `re` no longer tries each of some 70 branches in
    turn at every character a branch may begin with (the firms' legal forms: a scan 2x faster)."""
    groups: dict[str, list[str]] = {}
    depth, in_class, start, i = 0, False, 0, 0
    branches = []
    while i < len(alternatives):
        ch = alternatives[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += alternatives[i + 1:i + 2] == "^"
            i += alternatives[i + 1:i + 2] == "]"
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            branches.append(alternatives[start:i])
            start = i + 1
        i += 1
    branches.append(alternatives[start:])
    for b in branches:
        n = 2 if b[:1] == "\\" else 1
        if not b[n - 1:n] or (b[1].isalnum() if n == 2 else b[0] in "([.^$?*+{|)") or b[n:n + 1] in ("?", "*", "+", "{"):
            raise ValueError(f"a branch that does not begin with a plain character: {b!r}")
        groups.setdefault(b[:n], []).append(b[n:])
    return "(?:" + "|".join(c + (f"(?:{'|'.join(rest)})" if rest != [""] else "") for c, rest in groups.items()) + ")"


_GOV_VERBS = (
    "has|had|have|is|was|were|are|will|would|said|says|say|signed|signs|wants|plans|planned|insists|insisted|"
    "agreed|agrees|offered|offers|approved|approves|announced|rejected|asked|sought|seeks|decided|believes|hopes|"
    "expects|refused|signalled|signaled|told|warned|urged|accused|cleared|ordered|bought|buys|may|could|should|"
    "can|intends|did|does|also|hit|responded|denied|confirmed|protested|welcomed|opposed|must|might|plans"
)
_GOV_AFTER = re.compile(rf"^\s+(?:{_GOV_VERBS}|(?!(?:talks|visits|officials|forces|residents|streets|troops|suburbs|summits|meetings|negotiations|accords|airports|bureaus|streets|offices|embassies|headquarters|is)\b)[a-z]+(?:s|ed))\b")
_POSS_AFTER = re.compile(r"^(?:'s|’s)\b")
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|near)\s+$")
# a capital that acts, past an adverb or in a tense that takes no -s or -ed ("Taipei set aside", "Cairo chose",
# "Tokyo apparently hoping", "Berlin now plans")
_GOV_AFTER_MORE = re.compile(
    r"^\s+(?:(?:now|also|still|already|then|later|soon|again|reportedly|apparently|eventually|finally|recently|"
    r"quickly|promptly|initially|officially|formally|long|first)\s+(?:[a-z]+(?:s|ed|ing)|" + _GOV_VERBS + r")"
    r"|chose|set|took|made|gave|sent|began|kept|paid|sold|struck|won|held|put|brought|spent|led|got|chose|"
    r"drew|broke|became|came|went|saw|found|fought|stood|thought|felt|knew|meant|left|lost|ran)\b")
# a capital that is asked, let or led to act ("urged Washington to reverse", "requires Berlin to approve"),
# dealt with ("talks with Moscow", "ties with Tehran") or the other side of a pair of governments ("between
# Jakarta and Paris")
_GOV_BEFORE = re.compile(
    r"(?:\b(?:between|with|pressure from|money from|funding from|support from|objections? from|pressed|press|"
    r"persuade[ds]?|convince[ds]?|urged?|urges|asked|ask|asks|requires?|required|allow(?:s|ed)?|let|lets|led|"
    r"forced?|push(?:ed|es|ing)?|prompted|encouraged?|invited?|help(?:s|ed)?)\s+)$")
_GOV_PAIR_AFTER = re.compile(r"\s+and\s+")
_AND_BEFORE = re.compile(r"\s+and\s+$")  # a capital just after "X and"
# a capital that is given to, armed or backed: its government ("send Kyiv 50 missiles", "supplied Kyiv with Patriots",
# "transfers to Kyiv", "an aid package for Kyiv", "support for Kiev's defence"), as the gold reads it: Kyiv and Kiev
# were 12 false places of 16 over the training reports, each a government so given to
_GOV_GIVEN = re.compile(
    r"(?:\b(?:send|sends|sent|sending|give|gives|gave|giving|supplied|supplies|supply|supplying|arm|arms|armed|arming)"
    r"|\b(?:(?:send|sends|sent|sending|ship|ships|shipped|shipping|deliver|delivers|delivered|delivering|transfer|"
    r"transfers|transferred|transferring|sell|sells|sold|selling|export|exports|exported|donate|donates|donated|"
    r"donating|provide|provides|provided|providing)(?:\s+(?:them|it|these|those|more|\w+s))?|transfers|deliveries|"
    r"supplies|exports|aid|assistance|package|support|backing|help|commitment|weapons|arms)\s+(?:to|for)"
    # ... relied on, sanctioned, told, angered, or the one selling, offering or signing ("depend less on Moscow for
    # its weapons", "sanctions on Riyadh", "told Buenos Aires that", "anger Moscow", "offered by Washington",
    # "the first arms sale from Washington")
    r"|\b(?:depend(?:s|ed|ing|ence)?|rel(?:y|ies|ied|iance)|reliant|dependent)\s+(?:\w+\s+)?on"
    r"|\b(?:sanctions?|embargo)\s+(?:on|against)"
    r"|\b(?:offered|approved|signed|supplied|sold|ordered|bought|backed|funded|financed|blocked|rejected)\s+by"
    r"|\b(?:sales?|deliveries|exports|loans?|credits?|purchases)\s+from"
    r"|\b(?:told|tells|informed|informs|assured|assures|notified|notifies|anger|angered|angering|upset|upsetting|"
    r"provoke|provoked|reassure|reassured|complained\s+(?:\w+\s+)?to))\s+$")
# the first of two capitals that act together ("Canberra and Port Moresby have", "Tokyo and Canberra intend",
# "Dhaka and Moscow signed"): the verbs a plural subject takes
_GOV_PLURAL_AFTER = re.compile(
    r"^\s+(?:(?:now|also|still|already|then|later|soon|again|reportedly|recently|jointly|both|have\s+also)\s+)?"
    r"(?:have|had|are|were|will|would|can|could|may|might|must|should|signed|agreed|agree|intend|plan|planned|want|"
    r"hope|hoped|aim|decided|decide|announced|pledged|vowed|committed|began|started|struck|sealed|inked|discussed|"
    r"discuss|held|hold|share|shared|reached|launched|sign|seek|sought|need|do|did)\b")
# capitals with accents that open names of Europe and Turkey ("Ábrego", "Çelik", "Özden", "İlhan", "Łukasz",
# "Žitňanská"): Latin-1's and Latin Extended-A's upper-case letters
_UPPER_ACCENTED = "À-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME_TOKEN = (r"(?:(?:al|el|bin|ibn)-)?(?!(?:IN|AT|OF|ON|AND|THE|TO|FOR|WITH|FROM|BY|SAID|SAYS|WAS|IS|HAS)\b)"
               rf"[A-Z{_UPPER_ACCENTED}][\w'’\ufffd.-]*")
_SENTENCE_END_IN_NAME = re.compile(r"[a-z]{2}\.(?=\s)")
_TITLE_CASE_GLUE = frozenset("To Of In On At For With From By Since Its The And Is Was Are Will Into Over After".split())
_PARTICLE = r"(?:bin|bint|ibn|al|el|de|del|da|dos|das|los|van|von|der|den|ter|ten|le|la|du|di|ul|ud|ur)"
_MINISTRY_ANCHOR = re.compile(r"(?i:ministry)\b")
# a count or a slash right before capitalised words that end in a firm's form: kit counted in a sale's list ("five
# Aviation Mission Planning Systems", "42 Embedded Global Positioning Systems/Inertial Navigation Systems")
_COUNTED = re.compile(r"(?:\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?\s+of)\s+|/)\Z")
_LEADING_DAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+")


def _anchored(rx: re.Pattern[str], anchor: re.Pattern[str], text: str, back: int):
    """What `rx.finditer(text)` finds, when every match of `rx` holds a match of the cheap `anchor`:
    `rx` is tried only in a window around each anchor (`back` characters before it); over ASCII text, both as
    their ASCII variants (`prefixes.for_text`)."""
    last = 0
    rx, anchor = for_text(rx, text), for_text(anchor, text)
    for a in anchor.finditer(text):
        if a.start() < last:
            continue
        pos = max(last, a.start() - back)
        while True:
            m = rx.search(text, pos, min(len(text), a.end() + 400))
            if m is None or m.start() > a.start():
                break
            if m.end() > a.start():
                last = m.end()
                yield m
                break
            pos = m.start() + 1 if m.end() == m.start() else m.end()


class Anchored:
    """An expression looked for only around its anchor. The anchor is a cheap expression that every match of
    `rx` holds: a word its matches end or begin with ("Province", "Ltd", "Air Force"'s "Force"), a bracket or a
    dot; the scan for it skips along the text far faster than `rx`, which tries every capitalised word. `rx` is
    then tried only from `back` characters before each anchor. `finditer` finds what `rx.finditer` finds, when
    no match starts more than `back` characters before the anchor it holds (nor ends more than 400 after it). An
    anchor may match more places than `rx` needs (a head word within a longer word): those are tried for
    nothing, never missed; what it must not do is miss a place, so an anchor is written so that one match of it
    cannot run over into the next (single words, or words that end before the next can begin)."""

    def __init__(self, rx: re.Pattern[str], anchor: str, back: int) -> None:
        self.rx, self.anchor, self.back = rx, re.compile(anchor), back

    def finditer(self, text: str):
        return _anchored(self.rx, self.anchor, text, self.back)


_APPOS_TAIL = re.compile(r",\s+(?:said|told|says|added|noted|stated)\b")
_CAPS_NAME = r"[A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+){1,2}\b"  # "By MATTHEW LEE and SUZAN FRASER Associated Press"
NAME = rf"{_NAME_TOKEN}(?:\s(?:{_PARTICLE}\s){{0,2}}{_NAME_TOKEN}){{1,3}}"
_A_NAME = re.compile(NAME)
_LINE_NAME = NAME.replace(r"\s", r"[ \t]")  # a name that does not run on into the next line of page furniture
# a byline on a line of its own, the date or time it was posted (or how long it takes to read) on the next line:
# "Ann Kowal\n1/19/2022", "Ann Kowal\nPublished ...", "Ann Kowal\nWednesday, May 03, 2017", "Ann Kowal ▼\nFebruary 24,
# 2020", "Ann Kowal\n09:01 - 20/02/2018", "Ann Kowal\n6 Min Read"
_DATED_BYLINE = re.compile(
    rf"(?m)^[ \t]*(?!By[ \t])(?P<names>{_LINE_NAME})[ \t]*(?:▼[ \t]*)?\n[ \t]*"
    r"(?=\d{1,4}[/:.-]\d|Published|Updated|Posted|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d"
    r"|\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d+[ \t]+[Mm]in(?:ute)?s?[ \t]+[Rr]ead\b)")
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Shri|Smt|Sheikh|Gen|Lt Gen|Maj Gen|Adm|Air Chief Marshal|Air Marshal|General|Admiral)\.?\s+)?"
# junior ranks, no office the catalogue names a person by ("Major" and "Lieutenant" are common words before a
# capitalised one: "Major General", "a Major Defence Partner"), stripped only from the front of a name already found
# ("Army spokesman Major Kenneth Omondi" is Kenneth Omondi)
_JUNIOR_RANKS = {"Major", "Maj", "Lieutenant", "Lt", "First Lieutenant", "Second Lieutenant", "Flight Lieutenant",
                 "Flt Lt", "Squadron Leader", "Sqn Ldr", "Sergeant", "Sgt", "Staff Sergeant", "Master Sergeant",
                 "Corporal", "Cpl", "Warrant Officer", "Petty Officer", "Chief Petty Officer", "Ensign"}
# ranks written short, that end no name ("Rear Adm", "Meanwhile Gen" are a rank before the name, not one)
_RANK_ABBREVIATIONS = frozenset("Gen Adm Col Lt Maj Brig Capt Cdr Cmdr Sgt Cpl Gov Sen Rep Cdre".split())
# what a counterpart may be before its country ("his visiting Vietnamese counterpart", "the new Malaysian counterpart");
# a counterpart without "his" or "her" before it names its country ("talks with Malaysian counterpart Ann Kowal"), and
# a firm's counterpart is a firm ("its Qatari counterpart Barzan Holding", "Turkish counterpart Aselsan Group")
_COUNTERPART_ADJ = r"(?:visiting|new|former|incoming|outgoing|then)"
_FIRM_WORD_LAST = re.compile(r"\s(?:Holding|Group|Company|Corporation|Industries|Holdings|Systems|Technologies|Aerospace|"
                             r"Defen[cs]e|Shipyards?|Limited|Ltd|Inc|International)\.?$")
# plural nouns of the people of a body that open its name at a sentence's start ("Officials of the Defence
# Procurement Agency inspected ..."): the body is what follows "of (the)"
_PEOPLE_OF = re.compile(r"(?:Officials|Staff|Members|Representatives|Officers|Employees|Experts|Delegates|Personnel|"
                        r"Engineers|Soldiers|Troops|Sailors|Pilots|Workers|Executives|Leaders)\s+of\s+(?:the\s+)?")
# who a name opening a sentence is (`EntityFinder._opening_appos`): ", who heads", ", a senior defence official", ", the
# Deputy Defence Minister"
_OPENING_WHO = (r",\s+(?:who\s+(?:is|was|heads|headed|leads|led|chairs|runs|oversees)|a\s+(?:former\s+|senior\s+|top\s+)?"
               r"(?:[A-Z][\w-]+\s+)?(?:(?:military|defen[cs]e|security|naval|political|foreign|policy|industry|aviation|arms)\s+)?"
               r"(?:representative|spokes\w+|official|director|member|minister|secretary|adviser|advisor|professor|researcher|"
               r"analyst|expert|commander|general|lawmaker|senator)|the\s+(?:[A-Z][\w-]+\s+){0,4}"
               r"(?:[Mm]inister|[Ss]ecretary|[Cc]hief|[Hh]ead|[Dd]irector|[Cc]ommander|[Ss]pokes\w+|"
               r"[Aa]mbassador|[Pp]resident|[Cc]hairman|[Cc]hair))\b")
# capitalised words and the acronym in brackets after them (`EntityFinder._bodies_by_acronym`), looked for only before
# an acronym in brackets (at most seven words: 400 characters is more than any name of them; 4x faster than trying
# the names at every capital)
_ABBR_AFTER = Anchored(re.compile(r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|on|in|de|du|des|&)\s+)*[A-Z][\w'’&.-]*){1,7})"
                                  r"\s+\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)"), r"\([A-Z][A-Za-z&]{1,7}\)", 400)
# words of what an acronym in brackets names that is no body: documents, programmes, offices, places, kit; not
# words bodies are named with too ("Ministry of Information", "Korea Institute of Science and Technology",
# "Adani Enterprises", "Partnership for Peace", a "Special Purpose Vehicle")
_NOT_BODY_WORDS = frozenset(
    "memorandum understanding letter intent offer acceptance necessity request proposal proposals agreement "
    "contract treaty programme program project initiative exercise operation zone line control capability requirement "
    "requirements transfer product system systems vehicle vehicles missile missiles aircraft radar gun guns "
    "weapon weapons launcher drone drones helicopter helicopters ship ships vessel vessels boat boats submarine frigate "
    "corvette rocket rockets bomb munition munitions ammunition satellite engine act law bill policy strategy plan "
    "framework procedure procedures regulations regulation standard standards list index rate price cost value budget "
    "minister president officer chief commander secretary director region ocean sea area corridor range clearance "
    "undertakings manufacturers carrier tank dock craft artillery howitzer rifle jet jets "
    "fighter fighters trainer destroyer mine torpedo sonar unmanned aerial combat air-to-air surface-to-air "
    "anti-ship ballistic cruise warfare domestic gross net support equipment freighter freighters course "
    "manufacturer review".split())
# two seas or oceans under one plural head: "the East and South China Seas", "the Black and Caspian seas"
_SEAS_TOGETHER = re.compile(r"(?<![\w-])(?P<first>[A-Z][a-z]+)\s+and\s+(?P<second>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                            r"(?P<head>[Ss]eas|[Oo]ceans)(?![\w-])")
# the head every match of `_SEAS_TOGETHER` ends with: a text without one is not searched (that expression begins
# with a capital after a look-behind, tried at every character)
_SEAS_HEAD = re.compile(r"[Ss]eas(?![\w-])|[Oo]ceans(?![\w-])")
# the last words of what an acronym in brackets names that is no body: kit and what it does ("Active Electronically
# Scanned Array (AESA)", "High Altitude Long Endurance (HALE)", "Self Propelled (SP)", "General Purpose (GP)",
# "Improvised Explosive Devices (IED)"), ties between countries ("Comprehensive Strategic Partnership (CSP)")
_NOT_BODY_LAST = frozenset("defence defense security power strike attack mission test trial launch "
                           "array arrays endurance propelled purpose device devices partnership".split())
# honorifics before a name that are not part of it: Gulf and Malaysian ones ("Sheikh", "Tan Sri", "Datuk Seri")
# beside the English
_HONORIFIC_FIRST = re.compile(r"(?:Sheikh|Sheikha|Shaikh|Shaikha|Mr|Mrs|Ms|Dr|Tan Sri|Puan Sri|Datuk Seri|Dato['’] Seri|"
                              r"Dato['’] Sri|Datuk|Dato['’]|Datin|Toh Puan|Tun)\.?\s+")
_STOP_FIRST = {"the", "a", "an", "and", "but", "in", "on", "at", "of", "this", "that", "these", "his", "her", "their",
               "its", "while", "when", "after", "before", "under", "over", "with", "from", "for", "by", "as", "if"}
# adverbs that open a sentence before a name with no comma between ("Yesterday Erdogan said", "Separately Putin
# told"): never a forename; the surname after them is found on its own (`_surnames`)
_OPENING_ADVERBS = frozenset(
    "meanwhile however also yesterday today tonight tomorrow separately earlier later additionally instead likewise "
    "similarly moreover furthermore nevertheless nonetheless meantime subsequently previously recently initially "
    "finally eventually accordingly consequently reportedly apparently notably overall besides "
    "thereafter afterwards".split())
_OPENING_OR_STOP = frozenset(_OPENING_ADVERBS | _STOP_FIRST)
# the capitalised word right before a surname, on its line: a forename, or a title, or a word opening a sentence
_FORENAME_BEFORE = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z][a-z]+)[ \t]+\Z")
# capitalised words before a surname that are no forename: honorifics, words opening a sentence (`_STOP_FIRST`'s
# and more), days and months
_NOT_FORENAME = frozenset(
    "mr mrs ms miss dr sir dame lord lady madam shri smt sheikh shaikh sheikha hon excellency majesty highness "
    "so yet both then now also meanwhile however although though because since until unless whereas where whether "
    "why how what who whom whose which said says told asked added according during despite against between among "
    "neither nor either not only even just "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()) | _STOP_FIRST | _OPENING_ADVERBS
_MONTH_SHORT = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# a name right after a title (`EntityFinder._people`): the title is that name's, not the one before its comma
_NAME_AFTER_TITLE = re.compile(r"[ \t]+[A-Z][a-z]")
# what leads up to a body's name and is not part of it (`EntityFinder._body_names_trimmed`): an office of it, where it
# is based, its owner, a stray "of the"
_BODY_LEAD = re.compile(r"^(?:(?:(?:Deputy|Vice|Assistant|Acting)\s+)?(?:Head|Director(?:\s+General)?|Director-General|Chief|"
                        r"Commander|Chairman|Chairperson|President|Minister|Secretary|Spokesman|Spokesperson)\s+of\s+(?:the\s+)?"
                        r"|(?:of|for)\s+(?:the\s+)?|[A-Z][\w.-]*-based\s+|[A-Z][\w.-]*['’]s\s+)")
# a name then a verb only a person's name is followed by ("Ann Kowal said", "Ann Kowal also wrote"): `_speakers`
_SPEECH_WORDS = ("said", "says", "told", "wrote", "added", "explained", "stressed", "tweeted", "insisted", "recalled",
                 "emphasised", "emphasized", "remarked")
# (the boundary before the name is checked after its capital, `(?<![\w'’.-].)`: an expression that begins with a
# lookbehind is tried at every character of the text, one that begins with a capital only at capitals; the name is
# on one line: "Minister of Defence\nAnn Kowal said" is Ann Kowal's)
# the particles a speaker's name may hold between its words ("Jan ten Hove", "Zia ur Rehman")
_SPEAKER_PARTICLES = r"(?:van|von|de|da|del|di|bin|ibn|al|le|la|der|den|ter|ten|dos|du|ul|ud|ur)"
_SPEAKER = re.compile(
    r"(?P<name>[A-Z](?<![\w'’.-].)[a-z][\w'’-]*(?:[ \t]+" + _SPEAKER_PARTICLES + r"){0,2}"
    r"(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})"
    r"\s+(?:also\s+|later\s+|then\s+|further\s+)?(?:" + "|".join(_SPEECH_WORDS) + r")\b")
# words that open capitalised words before "said" that are no person's name: days, months, articles of other
# languages' outlets ("La Tribune said"), pronouns and adverbs opening a sentence
# "said Ann Kowal." / "said Ann Kowal, the ..." : the name after the verb, where its clause ends
_SPEAKER_AFTER = re.compile(
    _lead("said|says|added|wrote|explained") + r"[ \t]+(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t]+" + _SPEAKER_PARTICLES + r"){0,2}"
    r"(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})(?=[ \t]*[,.;]|[ \t]+(?:in|on|at|after|before|during|of)\b)")
# months and days: no forename before a name and its comma ("In May Ann Kowal, ..."), no speaker's first word
_MONTHS_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                         "july august september october november december".split())
_NOT_SPEAKER_FIRST = _MONTHS_DAYS | frozenset("la le les der die das el the a an he she it they we this that meanwhile "
                                              "however also officials sources reports but and in on at on of for later "
                                              "earlier both".split())
# a writer named where the report ends or begins: "Ann Kowal is Defense News' Poland correspondent.", "Ann Kowal is
# a reporter for ...", "About Ann Kowal" or "From Ann Kowal, Abuja" on a line of its own
_WRITER_WORDS = ("correspondent", "reporter", "journalist", "columnist", "contributor", "About", "From", "/", "\n")
_WRITER_LINES = (
    re.compile(rf"(?m)(?:^|(?<=[.!?]\s))[ \t]*(?P<names>{_LINE_NAME})\s+is\s+(?:a|an|the|[A-Z][\w.'’ -]{{0,40}}?['’]s?)\s+"
               rf"(?:[\w'’-]+\s+){{0,4}}?(?:correspondent|reporter|journalist|columnist|contributor|staff writer|editor)\b"),
    re.compile(rf"(?m)^[ \t]*About[ \t]+(?P<names>{_LINE_NAME})[ \t]*$"),
    re.compile(rf"(?m)^[ \t]*From[ \t]+(?P<names>{_LINE_NAME}),[ \t]+[A-Z][\w-]+[ \t]*$"),
    # a name on a line of its own before the writer's handle: "Ann Kowal (@akowal) Published ..." (above the date it
    # was posted: `_DATED_BYLINE`)
    re.compile(r"(?m)^[ \t]*(?!By\b)(?P<names>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})[ \t]+\(@\w+\)"),
    # a picture credit after its caption, the name before a slash and the outlet: "... at sunrise. Ann Kowal/The
    # Canadian Press"
    re.compile(r"(?m)(?:^|(?<=[.)])|(?<=[.)] ))[ \t]*(?P<names>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})"
               r"[ \t]*/[ \t]*(?:The[ \t]+)?[A-Z]"))
# a picture credit at the end of its caption's line, the name by the outlet or the outlet by the name: "... headquarters.
# Ann Kowal/dpa", "01/02/14 Ann Kowal/Telegraph", "... conflicts. Keystone / Ann Kowal", "Photo: Airbus Helicopters/Ann
# Kowal" (`EntityFinder._caption_credits`)
_CREDIT_NAME = r"[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2}"
_CAPTION_CREDITS = (
    re.compile(rf"(?m)(?:(?<=[.)] )|(?<=\d ))(?P<names>{_CREDIT_NAME})[ \t]*/[ \t]*(?:[a-z]{{2,5}}|(?:The[ \t]+)?[A-Z][\w&.-]*)"
               r"[ \t]*$"),
    re.compile(rf"(?m)(?:(?<=[.)] )|(?<=Photo: ))[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){{0,2}}[ \t]*/[ \t]*(?P<names>{_CREDIT_NAME})"
               r"[ \t]*$"))
# each with the strings one of which its every match holds (`prefixes.needs`: the occupation, "About", "From", a line
# break or a handle, the slash), to skip the scan of a text without them
_WRITER_NEEDS = tuple((rx, needs(rx.pattern, rx.flags, shortest=1)) for rx in _WRITER_LINES)
# a capitalised word after "in", "at" or "near" and before where its clause goes on ("in Liboi on April 5", "in
# Kant, where", "in Nadi."): a town, when no name found covers it (`_towns_after_in`)
_IN_TOWN = re.compile(_lead("in|near|outside") + r"\s+(?P<name>[A-Z][a-zéèç][\w'’é-]*(?:[- ][A-Z][\w'’é-]+)?)(?=\s*(?:[,.;)]|"
                      r"\s+(?:on|in|and|last|this|next|during|where|to|for|from|earlier|later|since|before|after)\b))")
_NOT_TOWN = frozenset("january february march april may june july august september october november december monday "
                      "tuesday wednesday thursday friday saturday sunday english french spanish arabic russian chinese "
                      "german portuguese italian turkish japanese korean persian hindi urdu sea ocean weapons defense "
                      "defence parliament congress senate cabinet court office government spring summer autumn fall "
                      "winter christmas ramadan easter jan feb mar apr jun jul aug sep sept oct nov dec".split())
# a noun that says what a body is right before its name ("the German company MTU", "the think tank CAST", the
# website "Disclose"): `_bodies_by_noun`
_OUTLET_NOUNS = frozenset({"website", "newspaper", "daily", "broadcaster", "outlet", "agency"})
_BODY_NOUN_WORDS = ("firm", "maker", "manufacturer", "producer", "shipyard", "shipbuilder", "website",
                    "think", "broadcaster", "newspaper", "daily", "conglomerate", "contractor", "start", "subsidiary",
                    "outlet", "agency", "group", "bank", "supplier", "developer", "integrator", "exporter", "giant",
                    "compan")  # company, companies (`_may_hold` looks for these as parts of words)
_BODY_BY_NOUN = re.compile(
    r"(?P<noun>" + _lead("company|firm|maker|manufacturer|producer|shipyard|shipbuilder|website|think[ -]tank|broadcaster|"
                         "newspaper|daily|conglomerate|contractor|start-?up|subsidiary|outlet|agency|group|bank|"
                         "exporter|supplier|giant|companies|firms|manufacturers|makers|shipbuilders|shipyards")
    + r")[ \t]+[\"“]?"
    r"(?P<name>(?!(?:The|In|On|At|A|An|And|But|This|That|It|He|She|They|However|Also|By)\b)[A-Z][\w&'’-]*"
    r"(?:[ \t](?:&[ \t])?[A-Z][\w&'’-]*){0,3})")
# a firm by what it did to the kit, its name then the clause going on (`EntityFinder._makers_by_verb`): "built by
# Kestrel Works for the navy", "made by Orvane Electronics, which ..."
_MAKER_BY = re.compile(_lead("built|made|manufactured|produced|developed|designed|co-developed") + r"[ \t]+by[ \t]+"
                       r"(?P<name>(?!(?:The|A|An|Its|Their|His|Her|Our|This|That)\b)[A-Z][\w&'’.-]*(?:[ \t](?:&[ \t])?[A-Z][\w&'’-]*){0,4})"
                       r"(?=[ \t]*[,.;:)]|[ \t]+(?:and|for|in|of|under|at|with|from|to|which|that|since|as|is|was|has|had|"
                       r"will|but|while|on|after|before|through)\b|[ \t]*$)")
# a firm no catalogue holds, told by its head's title or by what was bought from it (`EntityFinder._firms_by_role`):
# "Jan Novak, chief executive of Brandova,", "Brandova CEO Jan Novak", "ordered 200 rifles from Vektorix under a
# deal": the name ends where the clause goes on
_FIRM_END = (r"(?=[ \t]*[,.;:)]|[ \t]+(?:and|for|in|of|under|at|with|to|which|that|since|as|is|was|has|had|will|but|"
             r"while|on|after|before|through|worth|valued|last|this|earlier)\b|[ \t]*$)")
_FIRM_NAME = (r"(?P<name>(?!(?:The|A|An|Its|Their|His|Her|Our|This|That)\b)[A-Z][\w&'’.-]*"
              r"(?:[ \t](?:&[ \t])?[A-Z][\w&'’-]*){0,3})")
# told by a word before the name: a title "of" it, what was bought "from" it, a contract "with" it, "awarded" it
_FIRM_AFTER_ROLE = (
    r"\b(?:[Cc]hief[ \t]+[Ee]xecutive(?:[ \t]+[Oo]fficer)?|CEO|[Mm]anaging[ \t]+[Dd]irector)[ \t]+of[ \t]+(?:the[ \t]+)?"
    + _FIRM_NAME + _FIRM_END
    + r"|\b(?:order(?:ed|s)?|b(?:ought|uys?|uying)|purchas(?:ed|es?|ing)|procur(?:ed|es?|ing)|acquir(?:ed|es?|ing))\b"
      r"[^.\n;:]{0,60}?[ \t]from[ \t]+" + _FIRM_NAME.replace("?P<name>", "?P<name2>") + _FIRM_END)
_FIRM_BEFORE_TITLE = (r"|(?<![\w'’.-])" + _FIRM_NAME.replace("?P<name>", "?P<name3>")
                      + r"(?:['’]s)?[ \t]+(?:[Cc]hief[ \t]+[Ee]xecutive|CEO|[Mm]anaging[ \t]+[Dd]irector)[ \t]+(?=[A-Z][a-z])")
_FIRM_IN_DEAL = (r"|\b(?:(?:contract|deal|agreement)s?[ \t]+(?:signed[ \t]+)?with|supplied[ \t]+by)[ \t]+(?:the[ \t]+)?"
                 + _FIRM_NAME.replace("?P<name>", "?P<name4>") + _FIRM_END
                 + r"|\b(?:awarded|awards)[ \t]+" + _FIRM_NAME.replace("?P<name>", "?P<name4b>") + r"(?=[ \t]+(?:a|an|the)[ \t])")
_FIRM_WINS = (r"|(?<![\w'’.-])" + _FIRM_NAME.replace("?P<name>", "?P<name5>")
              + r"(?=[ \t]+(?:won|wins|secured|has[ \t]+won|was[ \t]+awarded|has[ \t]+been[ \t]+awarded)[ \t]+(?:a|an|the)[ \t]+"
                r"(?:[\w$.,-]+[ \t]+){0,4}?(?:contract|order|tender|deal)s?\b)")
_FIRM_BY_ROLE = re.compile(_FIRM_AFTER_ROLE + _FIRM_BEFORE_TITLE + _FIRM_IN_DEAL + _FIRM_WINS)
# the same less its two forms led by the name (`name3`, `name5`), which try every capitalised word of a text: what
# `_firms_by_role` runs where `_NAME_LED_WORDS` finds neither form's words (the matches cannot differ then)
_FIRM_BY_ROLE_WORD_LED = re.compile(_FIRM_AFTER_ROLE + _FIRM_IN_DEAL)
_NAME_LED_WORDS = re.compile(r"[ \t](?:[Cc]hief[ \t]+[Ee]xecutive|CEO|[Mm]anaging[ \t]+[Dd]irector)[ \t]"
                             r"|[ \t](?:won|wins|secured|awarded)[ \t]+(?:a|an|the)[ \t]")
_FIRM_ROLE_WORDS = ("from", "hief", "CEO", "anaging", "with", "by", "award", "won", "wins", "secured")  # one of which `_FIRM_BY_ROLE` needs
_LEGAL_END = re.compile(r"(?:Inc|Co|Corp|Ltd|Bhd|Pvt|S\.A|A\.S|N\.V|B\.V)\.$")
_RANK_WORDS_LOWER = frozenset(w.casefold() for w in _RANK_ABBREVIATIONS)
_NOT_FIRM_FIRST = frozenset("""president prime minister general admiral mr mrs ms dr sheikh king queen prince new
    outgoing incoming acting interim visiting we it they he she who which this that there
    secretary senator governor chief commander colonel captain lieutenant major sir lord deputy former then""".split())
# a body no catalogue holds, told by the noun after its name and comma: "Metal Shark, a shipbuilder based in
# Louisiana", "Kowal Arms, the Polish gun maker", "Nord Systems, a subsidiary of Saab" (`_bodies_by_noun`)
_FIRM_NOUNS = (r"company|firm|maker|manufacturer|producer|shipyard|shipbuilder|conglomerate|contractor|start-?up|"
               r"subsidiary|supplier|developer|integrator|exporter|group|newspaper|broadcaster|website|think[ -]tank")
# the noun ends what the body is ("a shipbuilder based in", "the gun maker,"), not a word before another noun ("a former
# company director")
_NOUN_ENDS = (r"(?=[ \t]*[,.;:)]|[ \t]+(?:based|that|which|whose|with|in|of|from|owned|founded|headquartered|and|run|"
              r"known|said|says|has|had|is|was|will|to|for|on|at|since|behind|best)\b)")
_FIRM_NOUN_AFTER = re.compile(rf"[ \t]+(?:an?|the|its)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?P<noun>{_FIRM_NOUNS})s?{_NOUN_ENDS}")
# nouns of a trade that a person may ply too ("Ann Kowal, a supplier of parts", "Nowak, a Polish gun maker"): after a
# name a person may have they tell a firm only with a word of what is made before them ("Velar Optics, the Czech
# sensor maker"), after a name that is no bare word and opens with no known forename (`_bodies_by_noun`); a name no
# person has ("WKK", "AIM Defence": `_person_like`) is a firm whatever the noun
_TRADE_NOUNS = frozenset({"maker", "producer", "contractor", "supplier", "developer", "integrator", "exporter"})
# "Putin, the broadcaster said, ...": the noun is who said it, not what the name is
_SAID_AFTER_NOUN = re.compile(r"s?[ \t]+(?:" + "|".join(_SPEECH_WORDS) + r"|reported|quoted)\b")
_BODY_BEFORE_NOUN = re.compile(
    # (the name's first capital read first, what it may not open with tested behind it: the search skips to capitals)
    r"(?P<name>[A-Z](?<=(?!(?:The|In|On|At|A|An|And|But|This|That|It|He|She|They|However|Also|By)\b).)[\w&'’.-]*"
    r"(?:[ \t](?:&[ \t])?[A-Z][\w&'’.-]*){0,3})," + _FIRM_NOUN_AFTER.pattern)
# a firm by what leads up to its capitalised name: an Indonesian firm's "PT" ("PT PAL", "PT Pindad"), where it is
# based ("Seoul-based Hanwha Defense", "U.S.-based Orbital ATK", "Colorado-based Kaman Precision Products")
_FIRM_LEAD = re.compile(r"(?:(?<![\w-])(?P<pt>PT)|(?<=[\w.])-based)[ \t]+(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:(?:&|and|of|for)[ \t]+)?[A-Z][\w&'’-]*){0,4})")
_FIRM_LEAD_ANCHOR = re.compile(r"-based[ \t]+[A-Z]|(?<![\w-])PT[ \t]+[A-Z]")
# the arm of a catalogued firm its name goes on to name ("Airbus Defence and Space", "Embraer Defense & Security",
# "Boeing Defense, Space & Security", "Hanwha Defense", "Hanwha Aerospace", "Saab Technologies"): that arm, not the
# firm; a legal form alone ("Hanwha Corp.", "Saab Ltd") names the firm itself
_FIRM_ARM = re.compile(r"[ \t]+(?:Defen[cs]e(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?:Space|Security|Aerospace)){0,2}"
                       r"(?:[ \t]+(?:Systems|Vehicles|Electronics|Industries))?|(?:Land|Naval|Mission|Electronic|Missile|Combat)"
                       r"[ \t]+Systems|(?:Aerospace|Technologies|Shipbuilding|Helicopters|Aviation|Dynamics|Electronics|"
                       r"Munitions|Ordnance)(?:[ \t]+Systems)?(?![ \t]+[A-Z]))(?![\w-]|[ \t]+(?:[Mm]inist|[Ss]ecretar|[Cc]ouncil))")
# words of kit a capitalised run before "Systems" or "Technologies" may be made of alone: the kit, not a firm
# ("cooperate on Missile Systems", "Coastal Defence Systems", "Purchase of Anti-Air Systems")
_KIT_WORDS = _WORDS["kit_words"]  # catalogues/words.yaml
# the seats of government that are places when one is at them or goes to them (`_seats_as_places`)
_SEATS = frozenset({"White House", "Kremlin", "Élysée", "Blue House", "Downing Street"})
_AT_SEAT_BEFORE = re.compile(r"\b(?:at|in|inside|(?<!ccording )to|visit(?:s|ed|ing)?)\s+(?:the\s+)?\Z")
_SERVICES = (r"Air Force|Air and Space Force|Navy|Army|Marine Corps|Marines|Coast Guard|Armed Forces|"
             r"Defence Forces|Defense Forces|Defence Force|Defense Force|Space Force|Air Defence Forces|Special Forces")
_LEGAL = (r"Private Limited|Pvt\.? Ltd\.?|Private Ltd\.?|Limited|Ltd\.?|Corporation|Corp\.?|Incorporated|Inc\.?|"
          r"PLC|plc|LLC|GmbH|AG|AB|S\.A\.|SA|SpA|S\.p\.A\.|ASA|Oyj|Holdings|Industries|Shipyards?|Shipbuilders|"
          r"Dockyard|Aerospace|Dynamics|Technologies|Systems|"
          # the legal forms of firms abroad ("Norvik Arms AS", "Morava Arms s.r.o.", "Tulsky Arms JSC", "Karoo Defence
          # (Pty) Ltd", "Osaka Precision Co., Ltd."); the short ones only in a name not in capitals (`_legal_firms`)
          r"Co\.,?\s+Ltd\.?|\(Pty\)\s+Ltd\.?|Pty\.?\s+Ltd\.?|AS|A/S|SRL|S\.R\.L\.|S\.r\.l\.|Srl|s\.r\.o\.|a\.s\.|Lda|Ltda|"
          r"BV|B\.V\.|NV|N\.V\.|Oy|JSC|PJSC|OJSC|CJSC|SAS|S\.A\.S\.|AD|Sp\.\s+z\s+o\.o\.|LLP|A\.Ş\.|Kft\.?|Zrt\.?|d\.o\.o\.|"
          # a Korean or Japanese firm's bare "Co." ("Hyundai Rotem Co.", "LIG Nex1 Co.")
          r"Co\.")
_SHORT_LEGAL = re.compile(r"(?:AS|AD|NV|BV|SRL|JSC|SAS)$")
# a firm's trade after its brand, the end of its name ("Oshkosh Defense", "Kopter Helicopters", "Daso Aviation",
# "Hudong Shipbuilding", "Bharat Electronics"; `EntityFinder._organisations`): where no capitalised word runs on
# ("Hanwha Defense Systems" is the legal form's), nor "&" ("China Shipbuilding & Offshore ...") or after "Defence"
# "and" ("Airbus Defence and Space"); one to three words before it, no kit's, service's, state's or count's ("Air
# Defence", "Army Aviation", "National Defense", "Two Attack Helicopters"), nor a headline's in capitals
_TRADES = r"Defen[cs]e|Helicopters|Aviation|Shipbuilding|Electronics"
_TRADE_END = re.compile(rf"(?:{_TRADES})\Z")
_NOT_TRADE_BRAND = _WORDS["not_trade_brand"]  # catalogues/words.yaml
# ... and a civil trade, in its name or in what the words after its comma call it ("Apex Travel Ltd", "Apex
# Aviation, a charter airline"): a company, not a defence company (`_civil_firm`)
_CIVIL_TRADES, _CIVIL_NOUNS = _WORDS["civil_trades"], _WORDS["civil_nouns"]
_APPOSITION = re.compile(r",[ \t]+(?:an?|the|its)[ \t]+(?P<words>(?:[\w'’-]+[ \t]+){0,3}[\w'’-]+)")
# words that end an apposition's noun (its head the word before): "a maker of carrier drones" is a maker
_APPOSITION_END = frozenset("of for from in at on with based which that who whose and or to".split())
# institutions named by their form: capitalised words ending in what they are ("National Security Council",
# "Stockholm International Peace Research Institute", "Communist Party of China", "Press Trust of India")
_INSTITUTION_HEADS = (r"Agency|Council|Commission|Committee|Party|Parliament|Senate|Congress|Assembly|Institute|"
                      r"University|Command|Office|Department|Bureau|Authority|Organi[sz]ation|Association|Federation|"
                      r"Foundation|Bank|Service|Directorate|Administration|Cabinet|Trust|Group|Company|Corps|Guard|"
                      r"Cent(?:er|re)|Academy|School|Airlines|Airways|Front|Television|Radio|Fund|Court|Forum|"
                      r"Dialogue|Conference|Conclave|Movement")
# the outlets a report credits on a line of its own: "Source: RT", "SOURCE: AAP/PACNEWS" (names only: no figures, no
# dates, no colon of a second label)
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*(?:Source|SOURCE|Sources|SOURCES)[ \t]*[:–—][ \t]*(?P<a>[A-Z][^\n\d:()]{0,58}?)"
                          r"[ \t.]*$")
_SOURCE_PART = re.compile(r"[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}")
_SOURCE_SPLIT = re.compile(r"[ \t]*(?:/|,|\band\b)[ \t]*")
# an outlet named by its web address in the text: "uzdaily.com", "NEWS.am", "see.news" (not part of a link)
# the social network X where a report says something was posted or said on it ("posted on X", "said on X that",
# "on the social media platform X", "on X (formerly Twitter)"); not "X-band", "X Corps" or a letter in a list
_X_NETWORK = re.compile(r"\b(?:on|via)\s+(?:the\s+)?(?:(?:social(?:\s+media)?|online|messaging)\s+(?:platform|network|site)\s+)?"
                        r"(?P<x>X)(?![\w’'-])(?!\s+[A-Z0-9])(?:\s*\((?:formerly\s+(?:known\s+as\s+)?)?(?P<tw>Twitter)\))?")
_OUTLET_DOMAIN = Anchored(re.compile(r"(?<![\w/@.-])(?P<d>[A-Za-z][\w-]*\.(?:com|net|org|news|am|uz|az|kz|kg|tj|ge|in|"
                                     r"pk|info|tv|ru|ua)(?:\.[a-z]{2})?)(?![\w/@-]|\.[A-Za-z])"),
                          r"\.(?:com|net|org|news|am|uz|az|kz|kg|tj|ge|in|pk|info|tv|ru|ua)\b", 100)  # the dot of its domain
# the head words a body's name may begin with ("the Department of ...", "the Office for ...", "the Directorate
# General of Armaments", "the General Staff of the Armed Forces")
_HEADS_FIRST = (r"Directorate[- ]General|General Staff|Department|Office|Council|Committee|Commission|Agency|Bureau|"
                r"Directorate|Secretariat|Undersecretariat|Administration|Authority|Service|Ministry|"
                # houses, boards, courts and schools named the same way: "the House of Representatives", "the Board
                # of Appeals", "the University of Montreal", "the Court of Federal Claims", "the Committee on Defence"
                r"House|Board|University|Bank|Court|Institute|Academy|College|Chamber")
# a name headed as a body is one whatever words it holds: "Department of Homeland Security (DHS)", "Joint Missile
# Test Command (JMTC)", "Harbin Aircraft Co (HAC)"
_HEAD_OF = re.compile(rf"(?:{_HEADS_FIRST})\s+(?:of|for|on)\s")
_BODY_HEADED = re.compile(rf"(?:{_HEADS_FIRST})\s+(?:of|for)\s.+|.+\s(?:{_INSTITUTION_HEADS}|{_LEGAL}|Co\.?)", re.S)
# places named by their form: capitalised words ending (or, for bases, starting) in what they are ("Balad Air Base",
# "Narita International Airport", "Kanagawa Prefecture", "Cavite province", "Danube River", "Camp Aguinaldo"), an
# airport in lower case ("Phu Cat airport", "the Batajnica military airport") and a port ("Constanta Port"; not "Port"
# opening the next name, "Port Said")
_PLACE_HEADS = {"air base": "base", "airbase": "base", "naval base": "base", "air station": "base",
                "naval air station": "base", "military base": "base", "international airport": "airport",
                "airport": "airport", "province": "region", "prefecture": "region", "oblast": "region",
                "governorate": "region", "region": "region", "district": "region", "river": "water", "strait": "water",
                "lake": "water", "peninsula": "region", "palace": "venue", "camp": "base", "fort": "base",
                "military camp": "base", "hotel": "venue", "square": "venue", "memorial": "venue", "abbey": "venue",
                "cathedral": "venue", "mosque": "venue", "complex": "venue", "cantonment": "base", "stadium": "venue",
                "club": "venue", "air force base": "base", "air force station": "base", "naval station": "base",
                "training ground": "base", "test range": "base", "proving ground": "base", "firing range": "base",
                "barracks": "base", "garrison": "base", "cosmodrome": "base", "harbour": "water", "harbor": "water",
                "military airport": "airport", "port": "port", "aerodrome": "base", "airfield": "base",
                "sea": "sea", "ocean": "sea", "gulf": "sea", "bay": "water", "shoal": "water", "straits": "water",
                "island": "region", "islands": "region"}
# the heads of waters and islands ending a name (`_PLACE_TAIL`; "the Sulu Sea", "Cam Ranh Bay", "the Spratly Islands")
_WATER_TAILS = "Sea|Ocean|Gulf|Bay|Shoal|Islands|Island"
# a name ending as a water's does that is a town's (`EntityFinder._town_named_like_water`): "the town of Byron Bay",
# "Byron Bay residents", "Byron Bay's mayor"
_TOWN_BEFORE_WATER_NAME = re.compile(r"\b(?:town|city|village|resort|suburb|township)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")
_TOWN_AFTER_WATER_NAME = re.compile(r"(?:['’]s)?[ \t]+(?:town|township|council|councillors?|mayor|residents?|locals|shire|"
                                    r"hospital|high[ \t]+street|town[ \t]+hall)\b")
_COMMA_SPACE = re.compile(r",[ \t]+(?=[A-Z])")
# the heads of waters and islands (`_PLACE_TAIL`, `_WATER_OF`): what the place's name says it is, not a country it
# holds ("the Indian Ocean", "the South China Sea" are no country's)
_WATER_HEADS = frozenset({"sea", "ocean", "gulf", "bay", "shoal", "straits", "strait", "island", "islands"})
_WATER_WHOLE = frozenset({"entire", "whole", "wider", "open", "high", "contested", "disputed"})
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
# a base named by the town it is at, in lower case ("the Tanagra air base"): the words before it that only say
# whose it is ("the Pakistani air base", "Turkey's Incirlik air base") are not its name
_LOWER_BASE_HEADS = frozenset({"air base", "airbase", "naval base", "military base", "military camp", "airport",
                               "military airport", "barracks", "aerodrome", "airfield"})
_PLACE_TAIL = Anchored(re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}(?P<head>Air Force Base|Air Force Station|"
                                  r"Naval Station|Training Ground|Test Range|Proving Ground|Firing Range|Barracks|barracks|Garrison|"
                                  r"Aerodrome|aerodrome|Airfield|airfield|"
                                  r"Cosmodrome|Harbour|Harbor|Air Base|Airbase|Naval Air Station|"
                                  r"Naval Base|Air Station|Military Base|air base|airbase|naval base|military base|military camp|"
                                  r"International Airport|Airport|military airport|airport|Port(?![ \t]*\n?[ \t]*[A-Z])|Province|province|"
                                  r"Prefecture|prefecture|Oblast|oblast|Governorate|governorate|Region|region|District|district|"
                                  r"River|river|Strait|Peninsula|Palace|Hotel|Square|Memorial|Abbey|Cathedral|Mosque|mosque|"
                                  r"Complex|Cantonment|Stadium|Club|"
                                  # a sea, a bay, a shoal or islands, the end of the name ("the Sulu Sea", "Cam Ranh
                                  # Bay", "the Spratly Islands"; not "the Black Sea Fleet", "Sea King")
                                  rf"(?:{_WATER_TAILS})(?![ \t]+[A-Z\d])))(?=[\s,.;:)'’]|$)"),
                       r"(?:" + trie("Base|Airbase|base|airbase|camp|Station|Airport|Province|province|Prefecture|prefecture|Oblast|"
                                     "oblast|Governorate|governorate|Region|region|District|district|River|river|Strait|Peninsula|"
                                     "Palace|Hotel|Square|Memorial|Abbey|Cathedral|Mosque|mosque|Complex|Cantonment|Stadium|"
                                     "Club|Ground|Range|Barracks|barracks|Garrison|Cosmodrome|Harbour|Harbor|airport|Port|Aerodrome|aerodrome|"
                                     "Airfield|airfield".split("|") + _WATER_TAILS.split("|")) + r")\b",
                       150)  # the last word of its head (spelt out: a class such as [Pp] slows the scan down 5x; as a trie:
                             # one word at most ends at a boundary where another begins, so the order does not matter)
# a base named by its number ("the 1st Air Base", "the 12th Unmanned Aerial Vehicles Base", "the 1st Royal Air Force
# Base in Sale"): a place, whatever service's name it holds
_NUMBERED_BASE = re.compile(r"(?<![\w-])(?P<name>\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w'’-]*\s+){1,4}Base)"
                            r"(?=[\s,.;:)'’]|$)(?!\s+[A-Z])")
# a state, county or territory where something is, not a body's name running on ("in Benue State", "in Bács-Kiskun
# County", "of the Khabarovsk Territory"; not "the State Department", "China State Shipbuilding")
_STATE_IN = re.compile(_lead("in|of|near|across|from") + r"[ \t]+(?:the[ \t]+)?(?P<name>(?:[A-Z][\w'’]*[ -]){1,2}(?:State|County|Territory))"
                       r"(?![ \t]*(?:[A-Z\d&]|of\b))(?=[\s,.;:)'’]|$)")
# ... not a kind of state or a university ("in the Member State", "the Welfare State", "from Penn State")
_NOT_STATE_FIRST = frozenset("member welfare sunshine nanny police deep failed rogue nation client buffer penn".split())
# a place named head first (a river only after "the": "the River Danube", not "River Island shoppers")
_PLACE_HEAD_FIRST = Anchored(re.compile(r"\b(?P<name>(?P<head>Naval Base|Air Base|Camp|Fort|Lake|(?<=[Tt]he )River)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                               r"(?=[\s,.;:)'’]|$)"),
                             r"(?:Naval|Air|Camp|Fort|Lake|River)\b", 0)  # the first word of its head
# a water named head first, "of" and its name ("the Gulf of Guinea", "the Sea of Azov", "the Bay of Bengal", "the
# Straits of Malacca"; not "the Gulf Cooperation Council", "Sea King")
_WATER_OF = Anchored(re.compile(r"\b(?P<name>(?P<head>Gulf|Sea|Bay|Straits?)\s+of\s+(?:the\s+)?[A-Z][\w'’-]+"
                                r"(?:\s+[A-Z][\w'’-]+)?)(?=[\s,.;:)'’]|$)"), r"(?:Gulf|Sea|Bay|Straits?)\b", 0)
_INSTITUTION_CATEGORY = {"party": "political party", "parliament": "legislature", "senate": "legislature",
                         "congress": "legislature", "assembly": "legislature", "company": "company", "group": "company",
                         "bank": "company", "university": "research institute", "institute": "research institute",
                         "airlines": "company", "airways": "company", "front": "armed group", "movement": "political party",
                         "television": "news agency", "radio": "news agency", "academy": "military academy",
                         "forum": "intergovernmental organization", "dialogue": "intergovernmental organization",
                         "conference": "intergovernmental organization", "conclave": "intergovernmental organization"}
_NOT_INSTITUTION_FIRST = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                          "saturday", "sunday", "read", "also", "photo", "file", "click", "follow", "share",
                          # an outlet's credit for its own staff ("Our Bureau", "Our Correspondent")
                          "our"}
# the words that open no name of a body (a sentence's words, months, a page's "Read also"), one set for the loops
# that strip them word by word; with "said" / "according" where a source is named before the body
_STOP_OR_NOT_INSTITUTION = frozenset(_STOP_FIRST | _NOT_INSTITUTION_FIRST)
_STOP_OR_SAID = frozenset(_STOP_FIRST | {"said", "according"})
_STOP_SAID_OR_NOT_INSTITUTION = frozenset(_STOP_OR_NOT_INSTITUTION | {"said", "according"})
_NOT_STATE_NAME_FIRST = frozenset(_STOP_OR_NOT_INSTITUTION | _NOT_STATE_FIRST)
_STOP_NOT_INSTITUTION_OR_MEANWHILE = frozenset(_STOP_OR_NOT_INSTITUTION | {"meanwhile"})
# a military unit by its number: "No. 6 Squadron", "the 313th Flight Test Squadron", "the 7th Fleet"
_CONSORTIUM_BEFORE = re.compile(r"\bconsortium,?\s+$")
_UNIT_HEADS = r"Squadron|Wing|Brigade|Regiment|Division|Fleet|Flotilla|Battalion|Gruppo|Stormo"
_UNIT = re.compile(rf"\b(?P<name>(?:No\.?\s?\d{{1,4}}|\d{{1,4}}(?:st|nd|rd|th))(?:\s+[A-Z][\w-]+){{0,3}}\s+(?:{_UNIT_HEADS}))\b")
_UNIT_HEAD = re.compile(rf"{_lead(_UNIT_HEADS)}\b")
# a unit or command named by what it is, no number before it (`EntityFinder._named_units`): "the Rapid
# Intervention Battalion", "RJAF Airlift Wing", "the Philippine Fleet", "Transport Battalion 99", "Division 308",
# "the United States Indo-Pacific Command"; its name holds a country, a place, initials or one of these words
_NAMED_UNIT_HEADS = r"Squadron|Wing|Brigade|Regiment|Division|Fleet|Flotilla|Battalion|Command"
_NAMED_UNIT = re.compile(rf"(?P<name>(?:[A-Z][\w'’-]{{0,30}}[ \t]+){{0,4}}(?P<head>{_NAMED_UNIT_HEADS})(?:[ \t]+(?P<num>\d{{1,4}}))?)"
                         r"(?![\w'’-]|\.\d|[ \t]+(?!(?:Commander|Chief|Head|Spokesman|Spokesperson)\b)[A-Z])"
                         r"(?:(?<=\d)|(?![ \t]+(?:of|for)[ \t]+[A-Z]))")
_NAMED_UNIT_HEAD = re.compile(rf"{_lead(_NAMED_UNIT_HEADS)}\b")
_UNIT_WORDS = _WORDS["unit_words"]  # catalogues/words.yaml
# words no unit's name holds before its head: a division of a ministry or a firm ("Finance Division", "Land Systems
# Division"), a fleet of kit ("Vehicle Fleet"), a figure of speech ("Chain of Command"), a city's services and a
# cruise line ("London Fire Brigade", "the Police Division", "the Norwegian Cruise Fleet")
_NOT_UNIT_WORDS = _WORDS["not_unit_words"]  # catalogues/words.yaml
# a defence trade show named by its form, no catalogue holding it (`EntityFinder._trade_shows`): "the International
# Defence Industry Exhibition", "the Egyptian Defence Exhibition", "the International Defense Industry Fair"; an air
# or aerospace show is a place in the gold, so its name holds one of these words
_SHOW = re.compile(r"(?P<name>(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&|of)[ \t]+)?){1,6}"
                   r"(?P<head>Exhibition|Expo|Exposition|Fair)(?:[ \t]+and[ \t]+Conference)?)(?![\w'’-])")
_SHOW_HEAD = re.compile(r"(?:Exhibition|Expo|Exposition|Fair)\b")
_SHOW_WORDS = _WORDS["show_words"]  # catalogues/words.yaml
# ... and none of these: an exhibition of history or art ("the Military History Expo", "the Museum of Military
# Aviation Exhibition")
_NOT_SHOW_WORDS = _WORDS["not_show_words"]  # catalogues/words.yaml
# a government or a presidential office named with its capitals or its country's (`EntityFinder._governments`):
# "the Hungarian Government", "the Federal Government", "the Brazilian Federal Government", "the South Korean
# presidential office", "Taiwan's presidential office"; not "the Hungarian government" (the gold names that one
# time in five, the capitalised title three times in five) nor "the Government of Ghana" (`_service_of`)
_GOVERNMENT = re.compile(r"(?:(?P<who>[A-Z][\w.-]{0,30}(?:[ \t](?!Federal\b)[A-Z][\w.-]{0,30})?)(?:['’]s)?[ \t]+)?"
                         r"(?P<what>(?:Federal[ \t]+)?Government|[Pp]residential[ \t]+[Oo]ffice)"
                         r"(?![\w'’-]|[ \t]+(?:of|for|in)[ \t]|[ \t]+[A-Z])")
_GOVERNMENT_HEAD = re.compile(_lead(r"Government|Presidential[ \t]+[Oo]ffice|presidential[ \t]+[Oo]ffice") + r"\b")
# a name no catalogue or rule gives, told something or reporting it (`EntityFinder._outlets_by_cue`): "told CNA",
# "according to Dialogo", "Petra reported", "MEED reported in March": an outlet (a firm reporting its results,
# "Toyota reported losses", is none: what an outlet reports is told by "that", "on", "in", a time or a stop)
_CUE_WORD = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*"  # "Profit.ro"; a full stop before a space ends the name
_CUE_NAME = rf"{_CUE_WORD}(?:[ \t]{_CUE_WORD}){{0,3}}"
_OUTLET_CUE = re.compile(rf"\b(?:told|[Aa]ccording[ \t]+to|reported[ \t]+by|cited[ \t]+by|quoted[ \t]+by|in[ \t]+an[ \t]+interview"
                         rf"[ \t]+with|speaking[ \t]+to)[ \t]+(?:the[ \t]+)?(?P<n>{_CUE_NAME})"
                         rf"|(?<![\w.'’-])(?P<b>{_CUE_NAME})[ \t]+(?:(?:reported|reports)(?=[ \t]+(?:that|on|in|last|earlier|"
                         r"this|yesterday|today|citing|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                         r"|[ \t]*[,.;:\"“”'‘’]|[ \t]*\n|[ \t]*$)|quoted|cited)\b")
_OUTLET_CUE_ANCHOR = re.compile(r"\b(?:told|[Aa]ccording|by|interview|speaking|reported|quoted|cited|reports)\b")
# words no outlet's name holds, or opens with when it ends a sentence ("As reported earlier", "Other reports")
_NOT_CUE_OUTLET = frozenset("""as other others agencies agency media reporters journalists officials sources analysts
    experts mps lawmakers residents witnesses it he she they we who which this that local state navy army air force
    forces ministry government presidency committee council staff department office police guard""".split())
# a party named before the word in lower case: "the Civic Platform party", "the ruling Pheu Thai party"
_PARTY = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3})\s+party\b")
_PARTY_WORD = re.compile(r"party(?<!\wparty)\b")  # `\bparty\b`, found by its letters
_NOT_PARTY = {"christmas", "easter", "birthday", "halloween", "year", "launch", "garden", "tea", "search",
              "boarding", "third", "working", "state"}
# a town named after what it is: "the port of Limassol", "the town of Andijan", "the island of Penghu"
_TOWN_OF = re.compile(r"\b(?P<what>town|city|port|village|island|state|province)\s+of\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
_TOWN_OF_ANCHOR = re.compile(r"(?:town|city|port|village|island|state|province) of [A-Z]")
# a country's forces and government as written in lower case after its name or demonym ("the Indian navy",
# "the Chinese army"); not "the Kenyan armed forces", the country's military spoken of as "the Kenyan military" is,
# which reports' annotators list as a body a quarter of the time (6 of 22 in the training reports)
_LOWER_SERVICE = re.compile(r"(?P<poss>['’]s)?\s(?P<what>air force|navy|army|coast guard|marines|"
                            r"defen[cs]e forces|special forces|parliament|congress)\b")
# more services of the same country after one ("the Indian army, navy and air force")
_MORE_SERVICES = re.compile(r"(?:\s*,\s*(?:the\s+|its\s+)?(?:air force|navy|army|coast guard|marines))*\s*,?\s+and\s+"
                            r"(?:the\s+|its\s+)?(?:air force|navy|army|coast guard|marines)\b")
# a defence ministry by its initials, after its country's name or demonym or alone ("an Israeli MoD chief", "the
# MoD said"): the initials were the British ministry's catalogue alias, which named every ministry so written the
# UK's (and matched "Block 2 Mod 2" in lower case): 6 false entities and no right one over the training reports
# (a bare one only after "the" or in brackets after the ministry's name: "Block I MOD" is a model's)
_MOD = re.compile(r"(?<![\w-])(?:(?P<the>[Tt]he[ \t]+|\()|(?!(?:The|An?|Its|This|That|Their|Our)[ \t])(?P<who>[A-Z][\w'’-]+)[ \t]+)"
                  r"(?P<mod>MoD|MOD)(?![\w-])(?![ \t]*\d)")
_ONE_MORE_SERVICE = re.compile(r"air force|navy|army|coast guard|marines")
_LOWER_SERVICE_CATEGORY = {"government": "government body", "police": "government body", "parliament": "legislature",
                           "congress": "legislature"}
_COMMON_SURNAMES = {"singh", "khan", "kumar", "kim", "lee", "park", "wang", "li", "zhang", "liu", "chen", "sharma",
                    "ali", "ahmed", "smith", "johnson", "brown", "jones", "williams", "miller", "davis", "wilson",
                    "rao", "reddy", "patel", "gupta", "shah", "das", "nguyen", "tran", "yang", "huang", "zhao", "wu",
                    "jr", "sr", "ii", "iii"}
_HEAD_CATEGORY = {"system": "air defence system", "missile": "surface-to-air missile", "vehicle": "armoured vehicle",
                  "radar": "radar", "aircraft": "fighter aircraft", "helicopter": "utility helicopter",
                  "drone": "unmanned aerial vehicle", "howitzer": "self-propelled howitzer", "rifle": "assault rifle",
                  "launcher": "rocket artillery", "interceptor": "surface-to-air missile", "ship": "patrol vessel",
                  "vessel": "patrol vessel", "boat": "patrol vessel", "frigate": "frigate", "corvette": "corvette",
                  "submarine": "submarine", "carrier": "armoured vehicle"}
# a weapon's own noun right after a short designation (one word between at most), which tells it a type's ("K7 tanks",
# "K9 self-propelled howitzers"; not "G7 summit", "A4 sheets", "F1 cars")
_SHORT_TYPE_NOUN = re.compile(r"[ \t]+(?:[\w-]+[ \t]+)?(?:tanks?|howitzers?|rifles?|missiles?|jets?|fighters?|bombers?|"
                              r"drones?|helicopters?|submarines?|frigates?|corvettes?|launchers?|radars?)\b")
# a weapon noun right after a designation, or a word or two later ("OPV 58S patrol vessels")
_NOUN_NEXT = re.compile(r"\s+(?:(?!(?i:million|billion|trillion|bn|crore|lakh)\b)[\w-]+\s+){0,2}(?i:jets?|fighters?|aircraft|missiles?|drones?|helicopters?|tanks?|"
                        r"submarines?|frigates?|corvettes?|howitzers?|radars?|vehicles?|launchers?|ships?|vessels?|"
                        r"boats?|APCs?|trainers?|planes?|docks?)\b")
# a variant written as its type's designation with the variant's letters or number glued on: "Su-30MKA2", "Ka-52E",
# "AH-64A", "Il-76MD-90A", "C-130H-30", "R-77-1" (a plural's s left out: "Su-24MKs"); a platform where the type it
# extends is the catalogue's (`EntityFinder._variant_family`), with or without a weapon noun after it
VARIANT = re.compile(r"(?P<d>[A-Z](?<![\w-].)[A-Za-z]{0,2}-?\d{1,4}(?:[A-Z][A-Z\d]{0,4}(?:-\d{1,3}[A-Z]{0,2})?|-\d{1,3}[A-Z]{0,2}))"
                     r"s?(?![\w-])")
# a designation written with a hyphen, letters then a number, alone ("six Mi-17 and two Mi-35", "the A400M's
# wings" aside: "FA-50 contracts", "the KUH-1 programme"): a type's name in a defence report whatever follows it. The
# letters open with a capital, then capitals or two small letters ("Mi", "Su", "Yak", "MiG"); a variant's letters,
# digits or a second number may follow ("S-70i", "Il-76TD", "Mi-17V-5", "T-72M1M"); a plural's s is left out
BARE_DESIGNATION = re.compile(r"(?P<d>[A-Z](?<![\w/.-].)(?:[A-Z]{1,3}|[a-z]{1,2}|iG)?-\d{1,4}(?:[A-Za-z][A-Za-z\d]{0,4})?"
                              r"(?:-\d{1,3}[A-Z]{0,2})?)(?![\w/-]|[.,]\d)")
# what such a shape is when it is no type: a summit ("G-20"), a disease, a flight, a road, a visa, a year ("ADEX-2014")
_NOT_BARE = re.compile(r"(?:COVID|Covid|SARS|G|MH|I)-\d+$|(?:P|A)-\d$|[A-Z]{4}-(?:19|20)\d\d$")
# a word of arms or of the forces: a designation no catalogue knows is a type only with one near it (not
# "the SM-950 phone", "Flight QR-817", "the A-40 motorway", "bill S-1234"). The guarded catalogue names ask the
# like of `gazetteer._defence_near` (the gate's defence terms and plain names of forces); this list adds trade and
# kit words and lacks some of its terms: reading the one through the other moves what is found, to be measured
_DEFENCE_CUE = re.compile(r"\b(?:air[ -]?forces?|navy|navies|naval|army|armies|military|defen[cs]e|armed|troops|fleets?|"
                          r"squadrons?|regiments?|brigades?|order(?:s|ed)?|deliver(?:s|ed|y|ies)|contracts?|procure\w*|"
                          r"purchas\w*|acquir\w*|bought|buy(?:s|ing)?|sold|sell(?:s|ing)?|suppl(?:y|ies|ied)|induct\w*|"
                          r"jets?|fighters?|aircraft|helicopters?|drones?|missiles?|tanks?|warships?|frigates?|corvettes?|"
                          r"submarines?|howitzers?|rockets?|launchers?|weapons?|arms?|armed|radars?|variants?|interceptors?|"
                          r"warplanes?|bombers?|ships?|vessels?|boats?|artillery|munitions?|ammunition|soldiers?|pilots?|"
                          r"commission(?:s|ed|ing)?|prototypes?|test-fired|(?:in|into|entered|enters|enter)\s+service)\b", re.I)
_CUE_REACH = 150  # characters either side, within the line
# a hull number in brackets after a ship's name ("Tarlac (LD-601)")
_HULL_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*\($")
# a name written out before its short form in brackets ("L-39 Next Generation (L-39NG)"): the short form names it
_WRITTEN_OUT = re.compile(r"(?:\s+[A-Z][\w-]*){1,3}\s*\(")
_VARIANT_CUT = re.compile(r"(?<=\d)(?=[A-Z-])")  # where a type's designation may end and its variant's part begin
# the nouns after a maker's name that make it its aircraft's name ("Sukhoi jets"), and their categories
_MAKER_NOUN_CATEGORY = [("fighter", "fighter aircraft"), ("jet", "fighter aircraft"), ("warplane", "fighter aircraft"),
                        ("bomber", "bomber"), ("helicopter", "helicopter"), ("gunship", "attack helicopter")]
_MAKER_NOUN = re.compile(r"\s+(?P<noun>(?:fighter\s+)?jets?|fighters?|warplanes?|bombers?|helicopters?|gunships?)\b")
# a maker's model by its bare number after the maker's name: "Boeing 737-400", "Airbus A380", "Boeing 787-10"
_MAKER_MODEL = re.compile(r"[ \t]+(?P<m>A?\d{3}(?:-\d{1,3})?[A-Z]{0,2})(?![\w-]|[.,]\d)(?!\s*(?:mm|millimet|million|billion|bn|per\b|%))")
# a type named by one capitalised word after its maker's name: "Dassault Rafale", "Lockheed Hercules", "de Havilland
# Buffalo", "Saab's Gripen" (not the firm's own words: "Boeing Defense", "Airbus Helicopters", "Saab CEO")
_MAKER_NAME = re.compile(r"(?:['’]s)?[ \t]+(?P<m>[A-Z][a-z]{2,}(?:-[A-Za-z\d]+)?)(?![\w'’-])")
_NOT_MAKER_NAME = _WORDS["not_maker_name"]  # catalogues/words.yaml
_TITLE_WORD_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w'’-]*\s+$")  # the word before is capitalised: a headline in title case
# verbs a headline in title case puts before a platform's kind ("India and France Sign Submarine Deal"): not names
_HEADLINE_VERBS = frozenset({"sign", "buy", "order", "seek", "ink", "seal", "get", "receive", "deliver", "approve",
                             "offer", "induct", "acquire", "procure", "purchase", "eye", "mull", "clear"})
_ING_NAMES = frozenset({"viking", "sting", "king", "boeing"})  # names that end as a verb's -ing
_DIGIT_SLASH = re.compile(r"\d\s?/\s?\d")
_GIVEN_NAME = re.compile(r"\b(?:named|christened|dubbed)\s+[A-Z]")
_GIVEN_WORDS = ("named", "christened", "dubbed")  # one of which `_GIVEN_NAME` needs: looked for first (faster)
# two variants of a type written as one: "Mi-8/17", "Mi-24/35", "Hawk 100/200", "Su-30/35"
SLASH_VARIANTS = re.compile(r"(?<![\w/-])(?P<base>[A-Z][A-Za-z]{0,5}[- ]?)(?P<a>\d{1,4}[A-Z]{0,3})\s?/\s?"
                            r"(?P<b>\d{1,4}[A-Z]{0,3})(?![\w/-])")
# a ship by its name and its navy's prefix: "INS Sahyadri", "BRP Gregorio del Pilar", "HMAS Newcastle"; the
# navies of Ghana (GNS), Fiji (RFNS), Tonga (VOEA), Sweden (HSwMS), Taiwan (ROCS), Spain (ESPS), Brazil's patrol
# ships (NPaOc), the US and Canadian coast guards (USCGC, CCGS), and a merchant ship's (MV)
_SHIP_PREFIXES = (r"(?:INS|PNS|SLNS|BNS|BRP|HMAS|HMS|HMCS|HMNZS|USS|USNS|ROKS|KRI|TCG|ENS|NRP|ARA|BAP|KD|UMS|RNOV|KDB|"
                  r"RSS|HTMS|HNLMS|HDMS|HNoMS|KNM|ORP|NNS|CNS|RFS|FGS|SPS|ITS|JS|"
                  r"GNS|RFNS|VOEA|HSwMS|USCGC|CCGS|ROCS|ESPS|NPaOc|MV)")
_SHIP_PREFIX = re.compile(_SHIP_PREFIXES + r"\s+[A-Z]")
SHIP_NAME = re.compile(r"\b(?P<d>" + _SHIP_PREFIXES + r"\s+[A-Z][\w'’-]+"
                       r"(?:\s+(?:del|de|la|di|da|[A-Z][\w'’-]+))*)")
# a ship by the name it is given: "the first frigate, named Tughril", "a corvette christened Yarmook"
SHIP_NAMED = re.compile(r"\b(?i:frigates?|corvettes?|destroyers?|submarines?|warships?|ships?|vessels?|boats?|cutters?|carriers?)"
                        r",?\s+(?:named|christened|dubbed)\s+(?P<d>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
# ships by the names that follow their noun: "helicopter carriers Sevastopol and Vladivostok", "the frigate
# 'Tahya Misr'", "to the French Navy, the Suffren and the Duguay-Trouin", "the first boat, the Riachuelo"
_SHIP_NOUNS = r"(?:frigates?|corvettes?|destroyers?|submarines?|warships?|ships?|vessels?|boats?|cutters?|carriers?)"
_A_SHIP_NAME = r"[\"“']?(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}[\"”']?"
SHIPS_AFTER_NOUN = re.compile(_lead(_SHIP_NOUNS[3:-1]) + r"[ \t]+(?P<names>" + _A_SHIP_NAME
                              + r"(?:[ \t]*\([^)]{1,20}\))?(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)" + _A_SHIP_NAME + r")*)")
SHIP_ORDINAL = re.compile(_lead("first|second|third|fourth|fifth|sixth|last|lead") + r"(?:\s+" + _SHIP_NOUNS
                          + r")?,\s+(?P<names>" + _A_SHIP_NAME + r")(?=,)")
_SHIP_NOUN_IN = re.compile(r"\b" + _SHIP_NOUNS + r"\b")
# a noun phrase that plainly names a ship before the name ("the helicopter carrier", "Egypt's Mistral-class ship")
_SHIP_PHRASE_BEFORE = re.compile(r"(?:\b(?i:the|a|an|its|their|her|his)|['’]s|,)\s+(?:[\w-]+\s+){0,3}$")
# what a person, not a ship, does right after the name
_PERSON_ACTS = re.compile(r"\s+(?:said|says|told|tells|visited|visits|inspected|inspects|toured|tours|boarded|"
                          r"watched|attended|announced|added|met|signed|spoke|noted)\b")
_SHIP_PREFIX_WORD = re.compile(_SHIP_PREFIXES + r"\s+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ONE_SHIP_NAME = re.compile(r"(?:the\s+)?(?P<d>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# capitalised words before a weapon noun that are not a type's name ("Navy helicopters", "Attack helicopters")
_NOT_TYPE_NAME = frozenset(
    "navy army force forces guard marine marines naval military defence defense national royal coast air armed federal "
    "state special attack combat fighter utility transport light heavy medium main battle patrol fast offshore new "
    "modern advanced used more additional several these those their other some many most both each such the this "
    "that with from into after before three four five seven eight nine twelve twenty thirty forty fifty hundred "
    "january february march april june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday western eastern northern southern soviet allied nato chinese russian "
    "american one two six ten class helicopter helicopters aircraft vessel vessels drone drones missile missiles "
    "world middle working upper lower business economy first second third last european asian african arab nordic "
    "baltic foreign domestic indigenous "
    # words that open a phrase before a weapon noun or "class" and name nothing: "Anti tank", "Armoured vehicles",
    # "Which class", "Type of vessel"
    "anti armoured armored type which what whose any every "
    # what a class does, in a headline's capitals: "Two Multirole Corvettes", "Amphibious Ships", "Unmanned Vessels"
    "multirole amphibious tactical strategic unmanned guided "
    # what a fighter is, in capitals: "Next Generation Fighters", "Joint Strike Fighter", "Stealth Fighter Jets"
    "generation strike stealth next".split())


# capitalised words after a ship noun that are not a ship's name ("ships The navy ...", "vessels In 2020")
_NOT_SHIP_NAME = _NOT_TYPE_NAME | frozenset("the a an in on at from to for and with by of as is was will has have its it "
                                            "he she they we this these class bottom top left right photo file".split())


def _after_sentence_end(words: list[str]) -> list[str]:
    """The capitalised words of a name after the last that ends a sentence before it ("Friday. The National
    Security Council", "in Warsaw. The Armament Agency": the body's name begins after the full stop)."""
    for i in range(len(words) - 2, -1, -1):
        if re.search(r"[a-z]{2}\.$", words[i]) and words[i] not in ("Co.", "Inc.", "Corp.", "Jr.", "Sr.", "Ltd."):
            return words[i + 1:]
    return words


# a line break that ends a name's line: not one after a word no name ends on ("the Office of the\nPresident of
# Ghana", "the Ministry of\nDefence": a hard-wrapped line), which the name runs on across
_LINE_END = re.compile(r"(?<!\bof)(?<!\bthe)(?<!\bfor)(?<!\band)(?<!\bde)[ \t]*\n\s*")


def _last_line(name: str) -> str:
    """The words of a name after the last line break among them: a name does not run across lines ("... to
    Morocco\n\nOur Bureau", "... to Thailand\n\nThe State Company": the line above is a headline's end), unless
    the line breaks after a word no name ends on ("the Office of the\nPresident of Ghana")."""
    return _LINE_END.split(name)[-1] if "\n" in name else name


def _head_line(name: str) -> str:
    """The line of a name headed first ("Ministry of Defence\n\nMr Mark", "State House\n\nOffice of the
    President") that holds its head word and what it is of: the first such; the words of the other lines are no part
    of it (lines as `_last_line` reads them)."""
    if "\n" not in name:
        return name
    lines = _LINE_END.split(name)
    return next((ln for ln in lines if _HEAD_OF.search(ln)), lines[-1])


def _first_word(name: str | None) -> str:
    return name.split()[0].casefold() if name else ""


def alnum(s: str) -> str:
    """A name reduced to its letters and digits, casefolded, for comparing designations ("F-16C/D" -> "f16cd")."""
    return re.sub(r"[^a-z0-9]", "", s.casefold())


def same_kind(family: Entity, variant: Entity) -> bool:
    """Are a type and its variant of one kind (category), so that one may stand for the other? The Patriot system and
    its PAC-3 missile, the Il-76 transport and its A-50 radar plane, are two things a report buys apart. Where either
    has no category, they are taken as one kind (as before categories were compared)."""
    return not family.category or not variant.category or family.category == variant.category


def _named_once_beside(family: Entity, variant: Entity) -> bool:
    """A type named once beside its variant, whose name starts with the type's ("the F-16 ... F-16 Block 70",
    "F-35 ... F-35A", "JF-17 Thunder ... JF-17 Block III"), is that variant spoken of in passing, not a second
    type; a family the report keeps returning to ("F-35s ... the F-35 ... F-35s" beside one "F-35B") stays."""
    return (len(family.mentions) == 1 and alnum(variant.name).startswith(alnum(family.name))
            and not _other_variant(family.mentions[0].text, family.name, variant.name))


def _other_variant(text: str, family: str, variant: str) -> bool:
    """Does `text`, a mention of the type `family`, write out a variant of its own that is not `variant`?
    "C-130Hs" beside a C-130J, "F/A-18C/D" beside the F/A-18E/F: the older fleet, not the one spoken of. Its
    designation is read to the end of the word that completes the type's name (a plural's s dropped): "F-16s",
    "F-16 jets" and "JF-17 Thunder" write out none."""
    fam = alnum(family)
    read = ""
    for word in text.split():
        read += alnum(word)
        if len(read) >= len(fam):
            if word.endswith("s") and len(read) > len(fam):
                read = read[:-1]
            break
    return len(read) > len(fam) and read.startswith(fam) and not alnum(variant).startswith(read)


_NOT_NAME = {"affairs", "minister", "ministry", "defence", "defense", "secretary", "deputy", "state", "general",
             "council", "president", "prime", "chief", "staff", "force", "army", "navy", "department", "office",
             "agency", "company", "corporation", "group", "limited", "forces", "command", "said", "says",
             # words that name a place, a body or a thing, never a person ("Hudong Shipyard", "Southern Zone",
             # "Chief Naval Overseer", "Our Bureau", "Phone Call")
             "shipyard", "shipyards", "dockyard", "zone", "overseer", "bureau", "phone", "call", "news", "media",
             # a web page's furniture and a body's or a programme's words ("Player Play Icon", "Left Menu", "Wikimedia
             # Commons", "Previous Article", "Deakin University", "Technology Officer", "Western Naval Area")
             "icon", "menu", "commons", "article", "university", "officer", "area", "cooperation", "production",
             # the last words of firms' names ("General Dynamics Land Systems" after the rank "General")
             "systems", "industries", "technologies", "aerospace", "dynamics", "holdings", "holding", "electronics",
             "shipbuilding", "helicopters", "engineering"}
# after an office: what it is of, then the holder's name between commas ("..., Ann Kowal, said", "..., Ann Kowal and")
_OFFICE_APPOS = re.compile(rf"(?:\s+(?:of|for|to|and|&|in\s+charge\s+of)\s+(?:the\s+)?[A-Za-z][\w&'’-]*(?:\s+(?:(?:and|&|of|for|the)\s+)*[A-Za-z][\w&'’-]*)"
                           rf"{{0,5}})?,\s+(?:(?:Maj|Brig|Lt|Gen|Adm|Col|Dr|Mr|Mrs|Ms)\.?\s+|\((?:Rtd|retd|Retd)\.?\)\s+)*"
                           rf"(?P<name>{NAME})(?=\s*[,;]|\s+and\b|\s*\.\s)")
# a town before the country or region it is in: "in Stavanger, Norway", "near Bethesda, Maryland"
_TOWN_BEFORE_PLACE = re.compile(r"\b(?:in|at|near|outside|from|of|(?<!ccording )to|via|visited|visiting)\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s+"
                                r"(?P<where>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?=[\s,.;:)]|$)")
_INSTITUTION_HEAD = re.compile(_INSTITUTION_HEADS)
# a region by its head word after a town and its comma ("Makurdi, Benue State", "Kecskemét, Bács-Kiskun County")
_REGION_NAMED = re.compile(r"(?!(?:Islamic|Member|Union|Gulf|Secretary|Head|Nation)\b)[A-Z][\w'’-]+\s+"
                           r"(?:State|Province|Region|County|District|Oblast|Governorate|Prefecture)")
# a town the catalogue does not hold, told by the known place it is near or in: "in Strelna near St. Petersburg",
# "a hospital in Kumasi in southern Ghana", "at Moreni, close to Bucharest" (the place after it is checked)
_TOWN_NEAR_PLACE = re.compile(_lead("in|at") + r"\s+(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?),?\s+(?:near|in|outside|close\s+to)\s+"
                              r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
                              r"south-?western)\s+)?(?P<where>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’-]+)?)(?=[\s,.;:)]|$)")
# a dateline's town at the start of a line, before a month or a place and a dash: "KOTA BARU, Aug 24 -"
_DATELINE_TOWN = re.compile(r"(?m)^(?P<name>[A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]+)?),\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                            r"Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|(?P<where>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s*[-–—(]")
# a dateline's town before a colon at the start of a line: "ATTOCK: Prime Minister ...", "KUWAIT/MILAN: Yesterday ..."
_DATELINE_COLON = re.compile(r"(?m)^(?P<names>[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,2}(?:/[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,2})*)"
                             r":[ \t]+(?=[A-Z\"“])")
_DATELINE_COLON_ANCHOR = re.compile(r"(?m)^[A-Z][A-Z'’. /-]{1,40}:[ \t]")
# a page's own words in capitals before a colon: a kicker or a label, not a town ("READ MORE:", "OPINION:")
_NOT_DATELINE_WORDS = frozenset(
    "read more also see published updated update posted date time url title publisher opinion watch listen premium "
    "exclusive breaking analysis comment commentary editorial video videos photo photos picture pic image images "
    "note notes source sources correction disclaimer caption warning news live fact check interview report feature "
    "explainer sponsored subscribe share follow editor editors by related recommended trending latest top story "
    "stories summary key points highlights background context quote advertisement tags topics credit credits file "
    "q a faq tl dr ps bbc".split())
# an agency in brackets after a dateline at the start of a line: its town in capitals or a date before it ("BANGKOK,
# Aug 30 (TNA) —", "MOSCOW. Jan 10 (Interfax-AVN) -", "Taipei, June 28 (CNA) A source ..."), not "The Jordan Armed Forces
# (JAF) - ..."
_MONTH_DAY = (r"[ \t]+(?:\d{1,2}[ \t]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:[ \t]+\d{1,2})?")
_DATELINE_AGENCY = Anchored(re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Z'’.-]+(?:[ \t,/]+[A-Z][\w'’.-]*){0,3}[,.]?(?:" + _MONTH_DAY + r")?"
    r"|[A-Z][\w'’.-]*(?:[ \t,/]+[A-Z][\w'’.-]*){0,3}[,.]?" + _MONTH_DAY + r")"
    r"[ \t]*\((?P<a>[A-Z][\w-]{1,24}(?:[ /][A-Z][\w-]+)?)\)[ \t]*(?:—|–|--?|:|(?=[A-Z]))"), r"\([A-Z]", 80)  # its bracket
# a body told by its country's possessive: "Sweden's Saab", "Moldova's Maib", "France's DCI", "Russia's RBC"; the
# possessor is a country mention, the name one to four capitalised words ("&" and "and" within)
_COUNTRYS_BODY = re.compile(r"['’]s[ \t]+(?P<n>[A-Z][\w&.-]*(?:[ \t]+(?:[A-Z][\w&.-]*|&|and)){0,3})")
_NOT_COUNTRYS_BODY = frozenset("government military army navy air armed ambassador minister pm president prime chief "
                               "deputy state permanent acting vice independence national".split())
# what opens no body's name after a country's possessive (`EntityFinder._countrys_bodies`, with the title words)
_NOT_COUNTRYS_BODY_FIRST = frozenset(_NOT_COUNTRYS_BODY | _NOT_FORENAME | _NOT_TOWN | _STOP_OR_NOT_INSTITUTION)
# initials of a body (`EntityFinder._body_acronym`; those `NAMED_TYPE` takes, four to six capitals): in brackets ("the
# Los Angeles Police Department (LAPD)"), or acting as a body does ("LAPD said", "the LAPD's", "according to BNPB")
_BRACKETED_INITIALS = re.compile(r"\(\s*(?P<a>[A-Z]{4,6})\s*\)")
_INITIALS_AS_BODY = re.compile(r"\b(?:according\s+to\s+(?:the\s+)?(?P<a>[A-Z]{4,6})\b|(?P<b>[A-Z]{4,6})(?:['’]s\b|\s+(?:"
                               r"said(?!\s+to\b)|says|told|announced|spokesman|spokeswoman|spokesperson|officials?|chief|"
                               r"director|officers?|personnel|agents?|headquarters|statement)\b))")
# a picture credit of one word, alone on its line or in brackets: "Photo: CNA", "(Picture: Getty)"
# (where it may begin, at a line's start, after a bracket or a sentence's end, is checked after its first letter: the
# search then jumps to P, I and C instead of trying every character, 6x faster)
_CREDIT_AT = r"(?:(?<=^.)|(?<=\(.)|(?<=[.!?] .))"
_ONE_WORD_CREDIT = re.compile(rf"(?m)(?:P{_CREDIT_AT}(?:hoto|icture|hotograph)|I{_CREDIT_AT}mage|C{_CREDIT_AT}redit)s?"
                              r"[ \t]*:[ \t]*(?P<a>[A-Z][\w.&-]+)[ \t]*(?:\)|$)")
_NOT_CREDIT_OUTLET = frozenset({"file", "handout", "supplied", "courtesy", "illustration", "screenshot", "screengrab",
                                "archive", "archives", "representational", "representative", "stock", "reuters"})
# a compass word before a continent, an ocean or a sea: the part named ("northern Africa", "the eastern Pacific")
_COMPASS_BEFORE = re.compile(r"(?<![\w-])(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:-?(?:[Ee]ast|[Ww]est))?(?:ern)?|"
                             r"[Cc]entral|[Ss]ub-Saharan)\s+$")
# an outlet by its form: capitalised words ending in what it is
_OUTLET_NAME = Anchored(re.compile(r"(?P<name>(?P<the>The\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:News|Daily|Times|Monthly|Weekly|Bulletin|"
                          r"Herald|Tribune|Gazette|Journal|Post|Online|Blog))\b(?![-’'])"),
                        r"(?:News|Daily|Times|Monthly|Weekly|Bulletin|Herald|Tribune|Gazette|Journal|Post|Online|Blog)\b",
                        80)  # what the outlet is, its last word
# words that make "... News" a page's heading, not an outlet
_NOT_OUTLET_WORDS = {"latest", "breaking", "top", "related", "more", "world", "local", "home", "other", "recent",
                     "popular", "trending", "featured", "business", "defence", "defense", "military", "national",
                     "international", "regional", "sports", "sport", "economic", "politics", "good", "bad", "fake",
                     "company", "press", "industry", "our", "your", "all", "weekend", "evening", "morning", "sunday",
                     "entertainment", "article", "next", "previous", "security", "show", "tech", "science", "health",
                     "opinion", "video", "photo", "lifestyle", "finance"}
_SLASH = re.compile("/")
_FAMILY_PREFIXES = ("Al-", "al-", "El-", "el-")
# "Korea", "Korean(s)" with no "South" or "North" before them (the catalogue rejects them as names of either Korea):
# South Korea's, in a report that names no North Korea (`EntityFinder._korea_alone`)
_KOREA_ALONE = re.compile(r"(?<![\w.-])(?<!South )(?<!North )(?<!South-)(?<!North-)(?<!S\. )(?<!N\. )"
                          r"Korea(?:ns?)?(?!\w)")
# the initials of the US and the UK where the catalogue's "U.S." and "U.K." are not read: joined by a hyphen to what
# follows them ("U.S.-built jets", "U.S.-Japan talks", a single token) or without their last stop ("the U.S and PNG")
_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?:(?P<us>U\.S\.|U\.S(?=[ \t,;:)]))|(?P<uk>U\.K\.))(?=-[A-Za-z]|(?<=S)[ \t,;:)])")
_NORTH_KOREA = re.compile(r"North[ -]Korea|N\.? Korea|DPRK|Pyongyang|Democratic People's Republic|Kim Jong")
# a sea's or a region's one-word name before the states by it ("the Baltic nations", "a Pacific island state", "the
# Baltic NATO member", "the Gulf kingdom", "a Gulf Arab state"): the region's countries, not the sea or the region
# (the gold lists "Gulf" for 2 of 8 reports that name it only so)
_SEA_AS_ADJECTIVE = re.compile(r"[ \t]+(?:[Ii]sland[ \t]+|NATO[ \t]+|EU[ \t]+|Arab[ \t]+)?(?:nations?|states?|countr(?:y|ies)|"
                               r"members?|republics?|neighbou?rs?|allies|ally|partners?|governments?|leaders?|"
                               r"kingdoms?|monarch(?:y|ies)|emirates?|"
                               r"island[ \t]+(?:nations?|states?|countr(?:y|ies)))\b")
# a sports club named as a weapon is ("Dundee Harriers", "the Harriers won the cup"): the words of a match
_SPORT_WORDS = re.compile(r"\b(?:beat|beaten|won|wins|lost|drew|draw|league|cup|goals?|scor(?:ed|ing|es)|match|season|coach|"
                          r"manager|fixture|derby|striker|midfielder|goalkeeper|relegation|play-offs?|semi-final|kick-off|"
                          r"stadium|fans|supporters|table|points|players?|signing of)\b")
_SPORT_NOT = re.compile(r"\b(?:jets?|aircraft|fighters?|planes?|squadrons?|pilots?|carriers?|navy|air force|marines?|"
                        r"military|defen[cs]e|ministry|missiles?|contracts?|deals?|exports?|arms)\b", re.I)  # "won contracts for Rafales"
_NOT_CLUB_TOWN = frozenset({"Navy", "Naval", "Force", "Forces", "Army", "Corps", "Marine", "Marines", "Guard", "Air",
                            "Royal", "Fleet", "Squadron", "Wing", "Aviation", "Sea", "Attack", "Jump", "Jet"})
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+$")
_COMMA_CAPITAL = re.compile(r",\s+[A-Z]")
# the countries whose legislature is called a congress (the Americas' and the Philippines'; Spain's Congreso)
_CONGRESSES = frozenset({"USA", "PHL", "MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "COL", "PER", "CHL", "ARG", "BRA",
                         "PRY", "URY", "BOL", "ECU", "DOM", "ESP"})
# a legislature or cabinet by its bare title, not followed by what it is of ("Congress of the Philippines")
_BARE_BODY = Anchored(re.compile(r"\b(?:Congress|Senate|Cabinet|Parliament)\b(?!\s+of\s+(?:the\s+)?[A-Z]|[-’']|\s+[A-Z])"),
                      r"(?:Congress|Senate|Cabinet|Parliament)\b", 0)
_OF_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")
# the capitalised word right before a bare title (`EntityFinder._bare_bodies`)
_NAME_WORD_BEFORE = re.compile(r"(?P<w>[A-Z][\w.'’-]*)\s+$")


def _opens_sentence(word: str) -> bool:
    """A capitalised word that opens a sentence ("The Congress and ...", "When Congress approved") or ends the one
    before ("... in the Middle East. Congress was notified"): not the start of a body's name with the title after it;
    initials ("U.S.", "D.C.") end no sentence here."""
    return word.casefold() in _NOT_FORENAME or bool(re.fullmatch(r"[A-Z][a-z]{2,}[.!?]", word))


# what an office is of or for ("Chief of Mission", "Minister for Veterans Affairs"), never a name
_OFFICE_OF_NOUNS = frozenset(
    "mission missions operations staff development trade industry security affairs cooperation planning procurement "
    "acquisition logistics intelligence relations communications policy veterans finance economy justice health "
    "education energy transport information public national international foreign defence defense interior home "
    "external economic armed forces state budget treasury commerce investment"
    .split())
# a forename's initials before a surname ("S.P. Tyagi", "A.K. Antony"), not a country's or a body's ("U.S. Navy")
_INITIALS = re.compile(r"(?!U\.S\.|U\.K\.|U\.N\.|E\.U\.)(?:[A-Z]\.){2,3}")
_NAME_RUN_END = re.compile(rf"(?:{_NAME_TOKEN}[ \t]+){{1,5}}{_NAME_TOKEN}$")  # the name before such a comma
# what follows a person's name and its comma: "who ...", "a former ...", "deputy head of", "his counterpart",
# "President of ...", "Panama's Minister of ..."
_APPOS_AFTER_NAME = re.compile(
    r",(?<=[a-zà-ÿ'’.],)[ \t]+(?:who(?:se)?\s|a[ \t]+(?:former[ \t]+|senior[ \t]+|retired[ \t]+|top[ \t]+)?[a-z]+[ \t]|"
    r"(?:his|her|their)[ \t]+(?:[A-Z][\w-]+[ \t]+)?(?:counterpart|predecessor|successor|deputy|wife|husband|daughter|son)\b|"
    r"(?:deputy|former|acting|senior)[ \t]+[a-z]+|(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){0,3}(?:Minister|Secretary|Director|President|"
    r"Chairman|Chief|Head|Ambassador|Commissioner|Envoy|Adviser|Commander|Manager|Chargé|[Pp]rogram(?:me)?[ \t]+[Dd]irector)\b|"
    # then what they were, what they are of someone, what they are of a firm or school in lower case ("Ann Kowal,
    # then defence minister", "Ann Kowal, the predecessor of ...", "Ann Kowal, Lockheed Martin vice president", "Ann
    # Kowal, a University of Gdansk law professor")
    r"then[ \t]+(?:[A-Z][\w.-]*['’]s[ \t]+)?(?:[a-z]+[ \t]+){0,3}(?:minister|secretary|president|premier|chancellor|governor|ambassador|chief|head|"
    r"director|commander|spokes(?:man|woman|person))\b|"
    r"the[ \t]+(?:predecessor|successor|son|daughter|wife|husband|widow|father|mother|brother|sister)[ \t]+of\b|"
    # what they were or are of a country, in lower case after its demonym or name, or once were ("Ann Kowal, a former
    # Indian air force chief", "Ann Kowal, a Polish defence official", "Ann Kowal, once chief executive of Saab")
    r"an?[ \t]+(?:former[ \t]+|senior[ \t]+|retired[ \t]+|top[ \t]+)?[A-Z][\w'’.-]*[ \t]+(?:[a-z-]+[ \t]+){0,3}(?:chief|minister|"
    r"secretary|ambassador|envoy|president|director|head|commander|spokes(?:man|woman|person)|general|admiral|officer|"
    r"official|lawmaker|senator|diplomat|executive|politician|businessman|businesswoman)\b|"
    r"(?:once|formerly)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.&-]*['’]s[ \t]+)?(?:[a-z-]+[ \t]+){0,2}(?:CEO|chief|head|minister|secretary|president|"
    r"director|commander|chairman|ambassador)\b|"
    # what they are of a country, a firm or a person, in lower case ("Ann Kowal, Japan's senior vice foreign minister",
    # "Ann Kowal, Saab's executive director of sales", "Ann Kowal, Nowak's lawyer")
    r"[A-Z][\w.-]*['’]s[ \t]+(?:[a-z-]+[ \t]+){0,4}(?:minister|secretary|ambassador|envoy|president|director|chief|head|"
    r"commander|spokes(?:man|woman|person)|lawyer|adviser|advisor|chairman|counterpart|deputy)\b|"
    r"(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:(?:senior|executive)[ \t]+)?(?:vice[ \t]+president|president|chief[ \t]+executive|"
    r"general[ \t]+manager|managing[ \t]+director|chairman|spokes(?:man|woman|person))\b|"
    r"an?[ \t]+(?:former[ \t]+)?[A-Z][\w'’.-]*[ \t]+(?:(?:[A-Z][\w'’.-]*|of|the|for|and)[ \t]+){0,4}(?:[a-z]+[ \t]+)?(?:professor|analyst|researcher|expert|"
    r"lawmaker|official|member|correspondent|reporter|lecturer|scholar|fellow)\b)")
# more of what follows a person's name and its comma: an office in lower case and what it is of ("Ann Kowal, executive
# director of business development at ..."), an office after a body's or a country's name ("Ann Kowal, the UN special
# adviser", "Ann Kowal, L&T's Head of Defence", "Ann Kowal, Germany's Vice-Chancellor")
_APPOS_MORE = re.compile(
    r",(?<=[a-zà-ÿ'’.],)[ \t]+(?:(?:[a-z]+[ \t]+){0,2}(?:director|manager|head|chief|president|chairman|chairwoman|"
    r"commander|minister|secretary|ambassador|spokes(?:man|woman|person))[ \t]+(?:of|at|for)[ \t]|"
    r"the[ \t]+[A-Z][\w'’.&-]*[ \t]+(?:[a-z-]+[ \t]+){0,3}(?:adviser|advisor|envoy|official|spokes(?:man|woman|person)|"
    r"minister|ambassador|chief|commander|director|head|representative|coordinator)\b|"
    r"[A-Z][\w.&-]*['’]s[ \t]+(?:[A-Z][\w-]*[ \t]+){0,3}(?:Vice-|Deputy[ \t]+)?(?:Chancellor|Head|Chief|Minister|Secretary|"
    r"Director|President|Ambassador|Commander|Chairman|Spokes(?:man|woman|person))\b)")
# after an office: "for", "of" or "to" and the words of what it is, up to the name that ends them ("ambassador to
# the United Nations Ann Kowal")
_OFFICE_OF_WORDS = re.compile(r"[ \t]+(?:for|of|to)[ \t]+(?P<words>(?:[\w&'’.-]+[ \t]+){1,6}?[A-Z][\w'’.-]+[ \t]+[A-Z][\w'’-]+"
                              r"(?:[ \t]+[A-Z][\w'’-]+){0,2})(?=[ \t]*(?:,|\.|\s+[a-z]|\s*$))")
# words that make a credited "name" an outlet's, a firm's or a thing's
_NOT_CREDIT_NAME = {"news", "bureau", "staff", "desk", "shipyard", "times", "daily", "post", "press", "agency", "media", "images", "photo", "group",
                    "television", "radio", "online", "herald", "tribune", "journal", "systems", "goggles"}
# the organisations that speak for a state, and name its country as its name does ("the Kenyan army", "the
# Indonesian Ministry of Defence"): a buyer's own bodies
STATE_BODIES = frozenset({"armed service", "ministry", "government body"})
# an agency that buys arms for its state, told by its name ("the Polish Armament Agency", "the Defence Materiel
# Administration", "Defence Equipment and Support", "Army Contracting Command"): a buyer as a ministry is; not one
# that licenses, funds, researches or spies ("Defense Security Cooperation Agency", "Agency for Defense Development")
_BUYING_AGENCY = re.compile(r"\barm(?:a|e)ments?\b|\b(?:procurement|acquisition|materi[ae]l|equipment|logistics|"
                            r"contracting|systems\s+command)\b|\bsubmarine\s+(?:delivery\s+)?agency\b|^armasuisse$", re.I)


def state_buyer(ent: Entity) -> bool:
    """Does the organisation speak for its state as a buyer: a state body (`STATE_BODIES`), or an agency that buys
    arms for it (`_BUYING_AGENCY`)?"""
    return ent.category in STATE_BODIES or ent.category == "agency" and bool(_BUYING_AGENCY.search(ent.name))
# the UK's services whose names other kingdoms give their own (`EntityFinder._kingdoms_services`)
_SHARED_ROYAL = frozenset({"Royal Air Force", "Royal Navy"})
HEAD_ROLES = {"president", "prime minister", "king", "crown prince", "emir", "amir", "chancellor", "supreme leader",
              "sultan", "premier", "head of state", "queen", "prince"}


@dataclass
class Entity:
    kind: str
    name: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    category: str | None = None
    catalogue_id: str | None = None
    mentions: list[Span] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    id: str = ""

    def add(self, span: Span) -> None:
        keys = self.extra.setdefault("_mention_keys", set())
        if len(keys) != len(self.mentions):  # mentions were edited directly: rebuild
            keys.clear()
            keys.update((m.start, m.end) for m in self.mentions)
        if (span.start, span.end) not in keys:
            keys.add((span.start, span.end))
            self.mentions.append(span)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0

    def as_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "name": self.name, "code": self.code, "country": self.country,
            "role": self.role, "category": self.category,
            "mentions": [m.as_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
            **({"canonical": self.extra["canonical"]} if self.extra.get("canonical") else {}),
        }


class Entities:
    """Every entity of an article, findable by key and by the place it is mentioned."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.at: dict[int, Entity] = {}  # mention start -> entity
        self.taken = SpanSet()
        # the spans by start (start, n), n their place in the order they were found, for range look-ups in log time
        self._by_start: list[tuple[int, int]] = []
        self._span_of: dict[int, tuple[int, int, Entity]] = {}  # n -> span, in the order they were found
        self._ns_of: dict[int, list[int]] = {}  # an entity's id -> the n of its spans (some perhaps gone since)
        self._n = 0
        self._longest = 0
        # by_key's people by the letters of their names, its organisations by each word of their names and by
        # each end of their names after a space (case-folded), in its order: `person_keyed`, `org_with_word`...
        self._people: dict[str, list[Entity]] = {}
        self._org_words: dict[str, list[Entity]] = {}
        self._org_ends: dict[str, list[Entity]] = {}

    @property
    def spans(self) -> list[tuple[int, int, Entity]]:
        """Every mention's (start, end, entity), in the order they were found."""
        return list(self._span_of.values())

    def _index(self, span: tuple[int, int, Entity]) -> None:
        self._n += 1
        insort(self._by_start, (span[0], self._n))
        self._span_of[self._n] = span
        self._ns_of.setdefault(id(span[2]), []).append(self._n)
        self._longest = max(self._longest, span[1] - span[0])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The spans that overlap [start, end), in the order they were found."""
        keys = self._by_start
        i = bisect_left(keys, (start - self._longest, 0))
        found = []
        while i < len(keys) and keys[i][0] < end:
            n = keys[i][1]
            if self._span_of[n][1] > start:
                found.append(n)
            i += 1
        found.sort()
        return [self._span_of[n] for n in found]

    def starting(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The spans that start in [start, end), in the order they were found."""
        keys = self._by_start
        lo, hi = bisect_left(keys, (start, 0)), bisect_left(keys, (end, 0))
        return [self._span_of[n] for n in sorted(n for _, n in keys[lo:hi])]

    def unmention(self, span: tuple[int, int, Entity]) -> None:
        """Take back a span (not the entity's mention: the caller edits those)."""
        self.taken.remove(span[0])
        keys = self._by_start
        i = bisect_left(keys, (span[0], 0))
        while i < len(keys) and keys[i][0] == span[0]:
            if self._span_of[keys[i][1]] == span:
                del self._span_of[keys[i][1]]
                del keys[i]
                break
            i += 1

    def reassign(self, old: Entity, new: Entity) -> None:
        """Every span of `old` is now `new`'s (only `old`'s spans are read, not every span)."""
        moved = self._ns_of.pop(id(old), [])
        for n in moved:
            span = self._span_of.get(n)
            if span is not None and span[2] is old:
                self._span_of[n] = (span[0], span[1], new)
        self._ns_of.setdefault(id(new), []).extend(moved)

    def absorb(self, old: Entity, new: Entity) -> None:
        """`old` is `new`: its mentions and spans are `new`'s, and it is named nowhere."""
        for mm in old.mentions:
            new.add(mm)
            self.at[mm.start] = new
        self.reassign(old, new)
        old.mentions = []

    def get_or_add(self, key: tuple[str, str], make) -> Entity:
        ent = self.by_key.get(key)
        if ent is None:
            ent = make()
            self.keep(key, ent)
        return ent

    def keep(self, key: tuple[str, str], ent: Entity) -> None:
        self.by_key[key] = ent
        if ent.kind == "person":
            self._people.setdefault(_person_key(ent.name), []).append(ent)
        elif ent.kind == "organization":
            for word in dict.fromkeys(ent.name.split()):
                self._org_words.setdefault(word, []).append(ent)
            folded = ent.name.casefold()
            for i, ch in enumerate(folded):
                if ch == " ":
                    self._org_ends.setdefault(folded[i + 1:], []).append(ent)

    # what reading `of_kind(...)` for one name finds, without reading every entity (names do not change
    # while entities are found; `naming` renames them after)
    def person_keyed(self, letters: str) -> Entity | None:
        """The last person mentioned whose name has these letters (`_person_key`)."""
        return next((p for p in reversed(self._people.get(letters, ())) if p.mentions), None)

    def people_ending(self, name: str) -> list[Entity]:
        """The people mentioned, not by a single word, whose whole name is the end of this one after a space."""
        folded = name.casefold()
        return [p for ps in self._people.values() for p in ps if p.mentions and " " in p.name
                and folded.endswith(" " + p.name.casefold())]

    def people_ending_with(self, name: str) -> list[Entity]:
        """The people mentioned whose name ends with this one (of two words or more) after a space."""
        folded = " " + name.casefold()
        return [p for ps in self._people.values() for p in ps if p.mentions and p.name.casefold().endswith(folded)]

    def org_with_word(self, word: str) -> Entity | None:
        """The first organisation mentioned with this word in its name ("Parliament": "the Turkish Parliament")."""
        return next((x for x in self._org_words.get(word, ()) if x.mentions), None)

    def org_ending(self, name: str) -> Entity | None:
        """The first organisation mentioned whose name ends with this one after a space, case aside."""
        return next((x for x in self._org_ends.get(name.casefold(), ()) if x.mentions), None)

    def mention(self, ent: Entity, span: Span) -> None:
        if self.covered(span.start, span.end) is not None:
            return
        ent.add(span)
        self.at[span.start] = ent
        self._index((span.start, span.end, ent))
        self.taken.add(span.start, span.end)

    def covered(self, start: int, end: int) -> Entity | None:
        """The entity of the first span found that overlaps [start, end)."""
        if not self.taken.overlaps(start, end):
            return None
        found = self.overlapping(start, end)
        return found[0][2] if found else None

    def in_range(self, start: int, end: int, kind: str | None = None) -> list[tuple[int, int, Entity]]:
        return sorted(((s, e, ent) for s, e, ent in self.starting(start, end + 1)
                       if e <= end and (kind is None or ent.kind == kind)), key=lambda x: x[0])

    def all(self) -> list[Entity]:
        ents = [e for e in self.by_key.values() if e.mentions]
        ents.sort(key=lambda e: e.first)
        for i, e in enumerate(ents, 1):
            e.id = f"e{i}"
        return ents

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.by_key.values() if e.kind == kind and e.mentions]


def _club_names(text: str, hits: list) -> set[str]:
    """The platform names a report uses for a sports club: one word in the plural, after a town ("Dundee
    Harriers", "Kidderminster Harriers") or in a sentence about a match with no weapon in it ("the Harriers won
    the league"). The report's other mentions of that word are the club's too."""
    clubs: set[str] = set()
    for h in hits:
        word = h.text
        if h.kind != "platform" or not (word.isalpha() and word[0].isupper() and word.endswith("s")) or word in clubs:
            continue
        a = max(text.rfind(". ", 0, h.start), text.rfind("\n", 0, h.start)) + 1
        b = min((i for i in (text.find(". ", h.end), text.find("\n", h.end)) if i >= 0), default=len(text))
        if _SPORT_NOT.search(text, a, b):
            continue  # "the Marine Corps Harriers", "Harrier jets": the weapon
        before = _WORD_BEFORE.search(text, max(0, h.start - 30), h.start)
        if before is not None and before[1] not in _NOT_CLUB_TOWN:
            s0, e0 = before.span(1)
            owner = next((x for x in hits if x.start <= s0 and x.end >= e0), None)
            sentence_start = not text[:s0].rstrip(" \t") or text[:s0].rstrip(" \t")[-1] in ".!?\n\"“"
            town = owner is not None and (owner.kind == "location" or owner.form == "capital")
            if town or owner is None and not sentence_start:
                clubs.add(word)  # "Dundee Harriers", "from Kidderminster Harriers"
                continue
        if _SPORT_WORDS.search(text, a, b):
            clubs.add(word)
    return clubs


_DEFENCE_FORCE = re.compile(r"defen[cs]e forces?$")


def _listed_service(ents: Entities, country: str | None, service: str) -> Entity | None:
    """The one catalogue armed service of `country` the report names whose name ends in `service` ("Indian Navy"
    for "India's navy", "the Indian navy"): the rule's mention is of it, not of a second body."""
    tail = " " + _DEFENCE_FORCE.sub("defence force", service.casefold())  # "Defense Force" is "Defence Forces"
    found = [e for e in ents.of_kind("organization") if e.catalogue_id and e.country == country
             and e.category == "armed service" and _DEFENCE_FORCE.sub("defence force", e.name.casefold()).endswith(tail)]
    return found[0] if len(found) == 1 else None


def _person_like(words: list[str]) -> bool:
    """Could these capitalised words be a person's name: no acronym ("WKK") and no firm's word last ("AIM Defence")?"""
    return not any(len(w) > 1 and w.isupper() for w in words) and not _FIRM_WORD_LAST.search(" " + " ".join(words))


def _trade_alone(text: str, m: re.Match) -> bool:
    """Whether `m`'s noun (`_FIRM_NOUN_AFTER`'s) is a trade a person may ply, told with no word of what is made
    right before it: "a supplier of parts", "a Polish gun maker" is told ("gun"), "an exporter" is not."""
    if m["noun"].casefold() not in _TRADE_NOUNS:
        return False
    before = text[m.start():m.start("noun")].split()
    return not before or before[-1] in ("a", "an", "the", "its") or not before[-1].islower()


def _civil_firm(text: str, name: str, end: int) -> bool:
    """Whether a firm named by its legal form or trade (`EntityFinder._organisations`) plies a civil trade, told
    by a word of its name ("Apex Travel Ltd") or of what the words after its comma call it ("Apex Aviation, a
    charter airline"): a company, not a defence company."""
    if any(w.casefold() in _CIVIL_TRADES for w in name.split()):
        return True
    m = _APPOSITION.match(text, end)
    if m is None:
        return False
    words = m["words"].casefold().split()
    words = words[:next((i for i, w in enumerate(words) if w in _APPOSITION_END), len(words))]
    # a civil trade's word anywhere in the noun ("a charter airline", "the travel agency"), a civil noun only as its
    # head ("the aircraft carrier builder" builds carriers, "a maker of carrier drones" is a maker)
    return bool(words) and (any(w in _CIVIL_TRADES for w in words) or words[-1] in _CIVIL_NOUNS
                            or words[-1].endswith("s") and words[-1][:-1] in _CIVIL_NOUNS)


def surname_people(catalogue: Catalogue) -> dict[str, Entry]:
    """The catalogue people a surname alone names: surnames held by one person, of four letters or more,
    neither common nor a place's name."""
    people = catalogue.of_kind("person").values()
    counts = Counter(p.name.split()[-1] for p in people)
    places = {n.casefold() for e in catalogue.of_kind("location").values() for n in e.names()}
    return {p.name.split()[-1]: p for p in people
            if counts[p.name.split()[-1]] == 1 and len(p.name.split()[-1]) >= 4
            and p.name.split()[-1].casefold() not in _COMMON_SURNAMES
            and p.name.split()[-1].casefold() not in places}


class EntityFinder:
    """Builds the `Entities` of one article from catalogue hits and the rules above."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.cat = catalogue
        # the expressions holding every office title and surname of the catalogue are compiled once (the code
        # kept in the start-up cache). The titles are written as a trie (`prefixes.trie`: "defence
        # (?:minister(?: of state)?|secretary)"), which tries at a place only the titles that begin as the text
        # does, longest first, as the list of every title, longest first, would (five times faster); ASCII
        # titles lower-cased, as the expressions read them case-insensitively anyway
        rx = cache.Expressions(f"entities-{catalogue.slot}" if catalogue.stamp else None)
        offices = sorted({n.lower() if n.isascii() else n for e in catalogue.of_kind("office").values()
                          for n in e.names()})
        self.office_by_name = {n.casefold(): e for e in catalogue.of_kind("office").values() for n in e.names()}
        office_alt = trie(offices) if offices else "President"
        # military ranks, which a name may follow but never begins with ("Brig Gen Ann Kowal" is Ann Kowal); sorted
        # before by length, the same expression in every run (a set's order is not)
        ranks = sorted(sorted({n for e in catalogue.of_kind("office").values() if e.category == "military"
                               for n in e.names() if n[:1].isupper()} | _JUNIOR_RANKS), key=len, reverse=True)
        self._leading_rank = re.compile(rf"(?:{'|'.join(re.escape(r) for r in ranks)})\.?\s+") if ranks else None
        # (on one line: a title ending a line names no one on the next, "Minister of Defence\nAnn Kowal said")
        self._title_name = rx(
            rf"(?P<title>(?i:{office_alt}))[ \t]+(?:,[ \t]*)?{_HONORIFIC}(?P<name>{_LINE_NAME})")
        self._after_title = re.compile(rf"(?P<title>)[ \t]+(?:,[ \t]*)?{_HONORIFIC}(?P<name>{_LINE_NAME})")
        # (a word may stand between the country and the title: "Ann Kowal, the US House Speaker")
        self._name_title = rx(
            rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:(?:country|nation|company|firm|group|ministry|government)(?:'s|’s)\s+)?"
            rf"(?:(?P<poss>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:'s|’s)\s+|(?P<dem>[A-Z][\w-]+)\s+)?(?P<qual>[A-Z][\w-]+\s+)??"
            rf"(?P<title>(?i:{office_alt}))\b(?:\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&.-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w&.-]*){{0,8}}))?")
        # "the head of its air force, Fadjar Prasetyo, said", "the country's defence minister, Prabowo Subianto, told"
        self._title_appos = rx(
            rf"\b(?:the|its|their|his|her)\s+(?:(?P<poss>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:'s|’s)\s+|(?P<dem>[A-Z][\w-]+)\s+)?"
            rf"(?P<title>(?i:{office_alt}))(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<org>[\w-]+(?:\s[\w-]+){{0,3}}?))?"
            rf",\s+{_HONORIFIC}(?P<name>{NAME}),\s+(?:said|told|says|added|noted|stated)\b")
        self._name_title_anchor = rx(  # the ", title" every _name_title match holds
            rf",\s+(?:the\s+|a\s+|an\s+)?(?:(?:country|nation|company|firm|group|ministry|government)(?:'s|’s)\s+)?"
            rf"(?:[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:'s|’s)\s+|[A-Z][\w-]+\s+)?(?:[A-Z][\w-]+\s+)??(?i:{office_alt})\b")
        self._counterpart = rx(
            rf"\b(?:(?:his|her|their)\s+(?:{_COUNTERPART_ADJ}\s+)?|{_COUNTERPART_ADJ}\s+|(?=[A-Z]))(?:(?P<dem>[A-Z][\w-]+)\s+)?"
            rf"counterparts?,?\s+(?:(?P<title>(?i:{office_alt}))\s+)?{_HONORIFIC}(?P<name>{NAME})")
        self._byline = re.compile(rf"(?m)^[ \t]*\(?By\s+(?:(?:[a-z]+\s+){{0,3}}(?:correspondent|reporter|editor|writer)\s+)?"
                                  rf"(?P<names>(?:{_CAPS_NAME}|{_LINE_NAME})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:{_CAPS_NAME}|{_LINE_NAME}))*)")
        # a photo credit: "(AP Photo/Evan Vucci)", "(AP: Evan Vucci)", "(Agência Brasil / Tânia Rêgo)"
        self._photo = re.compile(rf"\((?:[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){{0,3}})(?:\s+Photo)?\s*[:/]\s*(?P<names>{NAME})\)")
        # "Photo:\nABC News / Oliver Chaseling": a credit line without brackets
        self._photo_line = re.compile(rf"(?m)^Photo:\s*\n?[A-Z][\w.&' -]{{1,40}}?\s*/\s*(?P<names>{_LINE_NAME})")
        # a byline on a line of its own with what the writer is: "Alex Abraham, Senior Associate Editor",
        # "Stephen Dziedzic\n, ABC foreign affairs correspondent"
        self._line_byline = re.compile(rf"(?m)^[ \t]*(?P<names>{_LINE_NAME})[ \t]*\n?[ \t]*,[ \t]*(?:[\w-]+[ \t]+){{0,4}}"
                                       rf"(?i:correspondent|editor|reporter|writer|columnist)\b")
        # a person told by what they are rather than an office: "military expert Song Zhongping", "Mr Sirasak Lerdduaylarp"
        # photo credits without brackets: "REUTERS/Ann Kowal", "AFP PHOTO / Ann Kowal", "Photo: Ann Kowal/TASS",
        # "© Ann Kowal/EPA", "(Ann Kowal/Reuters File Photo)"
        self._photo_slash = re.compile(
            rf"(?:\b[A-Z]{{2,}}(?:\s+PHOTO)?|\b(?:Reuters|Getty Images|Bloomberg|Xinhua|Anadolu|Sputnik|Yonhap)|"
            rf"\bPhoto)[ \t]*/[ \t]*(?P<names>{_LINE_NAME})")
        # ("Photograph: Ann Kowal/AAP", "Photo Credit: MC2 Ann Kowal/US Navy": a rank's code before the name is not hers)
        self._photo_name_slash = re.compile(
            rf"(?:(?:\bPhoto(?:graph)?|\bPHOTO(?:GRAPH)?|\bCredit|\bImage)[ \t]*:[ \t]*(?:[A-Z]{{1,4}}\d[ \t]+)?|©[ \t]*|\()"
            rf"(?P<names>{_LINE_NAME})[ \t]*/[ \t]*[A-Z]")
        # credits within the page: "Written by Ann Kowal", "Translated by ...", "Editor: Ann Kowal, Piotr Nowak", and a
        # byline after a headline on the same line ("... deal By Ann Kowal SEOUL, May 2")
        self._credit_more = re.compile(
            # the heads grouped by their first letter, `(?<!\w.)` after it being `\b` before it: the search skips to
            # those letters instead of trying every character (4x faster)
            rf"(?:A(?<!\w.)uthors?:|W(?<!\w.)ritten\s+by|T(?<!\w.)(?:ranslated\s+by|ext\s+by)|E(?<!\w.)(?:dited\s+(?:and\s+translated\s+)?by|ditors?:)"
            rf"|B(?<!\w.)y(?<=[a-z0-9] By)(?=\s+[A-Z][a-z]))\s+"
            rf"(?P<names>{_LINE_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){_LINE_NAME})*)")
        self._descriptor = re.compile(_lead("expert|analyst|lawmaker|legislator|researcher|professor|spokesperson|"
                                            "businessman|businesswoman|student|resident|strongman|frontbencher|politician|"
                                            "journalist|commentator|activist|economist|Treasurer|councillors?|"
                                            "spokesman|spokeswoman|MP|Mr|Ms|Mrs|Dr|"
                                            # what writers, managers, judges and junior ranks are: "columnist Ann
                                            # Kowal", "general manager Ann Kowal", "Justice Ann Kowal", "Sgt. Ann Kowal"
                                            "columnist|correspondent|reporter|editor|manager|executive|engineer|"
                                            "Justice|Judge|Corporal|Cpl|Sergeant|Sgt|Private|Pvt") + rf"\.?\s+(?P<name>{NAME})")
        # a name opening a sentence, then who it is: "Lee Young-geol, who heads...", "Sergey Kornev, a representative of"
        # (looked for only before what follows the name: the comma and who it is, found in few places, where a name
        # at each of 200 characters before a bare ", who|a|the" cost 10x more)
        self._opening_appos = Anchored(re.compile(rf"(?:^|(?<=[.!?\n])\s*|(?<=However, ))(?P<name>{NAME}){_OPENING_WHO}",
                                                  re.M), _OPENING_WHO, 200)
        # a byline on a line of its own at the top, above the outlet's line: "Rahul Singh\nHindustan Times, New Delhi"
        self._top_byline = re.compile(rf"\A\s*(?P<names>{NAME})[ \t]*\n(?=[^\n]{{3,60}}\n)")
        # a byline on a line of its own with where it was written or how long ago: "Ann Kowal in Abuja", "Ann Kowal
        # 6 minutes ago Fri 23rd August 2019"
        self._where_byline = re.compile(rf"(?m)^[ \t]*(?P<names>{_LINE_NAME})[ \t]+(?:in[ \t]+[A-Z][\w-]+[ \t]*$|"
                                        rf"\d{{1,2}}[ \t]+(?:minutes?|hours?|days?)[ \t]+ago\b)")
        # a byline in lower case on a line of its own: "by Ann Kowal", "by Ann Kowal and Piotr Nowak"
        # ("by Ann Kowal Apr 14, 2021, 15:24 PM": the date it was written after the name)
        # (or after the time the page was written or updated, or a bar after it: "Last Updated on Monday, 1 April
        # 2024, 6:18 by Ann Kowal", "11th September 2024 - 00:00 GMT | by Ann Kowal in London, UK")
        self._lower_byline = re.compile(rf"(?m)(?:^[ \t]*|(?<=\d:\d\d)[ \t]+|(?<=\d:\d\d[ \t]GMT)[ \t]+\|[ \t]+)"
                                        rf"by[ \t]+(?P<names>{_LINE_NAME}(?:[ \t]+and[ \t]+{_LINE_NAME})?)"
                                        rf"(?:[ \t]+in[ \t]+[A-Z][\w-]+(?:,[ \t]*[A-Z][\w-]+)?)?"
                                        rf"[ \t]*(?:$|(?=(?:{_MONTH_SHORT})[a-z]*\.?[ \t]+\d))")
        # (every head begins with a letter, what precedes it checked after that letter: the search skips to those
        # letters instead of trying every character, 4x faster)
        self._credit = re.compile(rf"(?P<what>Production|Reporting|Editing|Writing|Additional reporting|Video|Photo|"
                                  rf"e(?<=; e)diting|w(?<=; w)riting|a(?<=; a)dditional reporting|e(?<=, e)diting(?=\s+by\b)|"
                                  rf"w(?<=, w)riting(?=\s+by\b)|a(?<=, a)dditional reporting(?=\s+by\b)|Report\s+[Cc]ompiled|"
                                  rf"Compiled|compiled)(?:\s+by)?:?\s+"
                                  rf"(?P<names>{NAME}(?:\s+in\s+[A-Z][\w-]+)?(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){NAME}(?:\s+in\s+[A-Z][\w-]+)?)*)")
        # ("the New Zealand Defence Force", "the U.S. Navy", "the Republic of Singapore Air Force")
        self._service = Anchored(re.compile(rf"\b(?P<who>(?:U\.S\.|U\.K\.|(?:Republic\s+of\s+)?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?))"
                                            rf"\s+(?P<svc>{_SERVICES})\b"),
                                 r"(?:Force|Navy|Army|Corps|Marines|Guard|Forces)\b", 120)  # the service's last word
        # a service or a government named before its country: "the Armed Forces of Moldova", "the Navy of
        # Turkmenistan", "the Army of the Republic of Tajikistan", "the Government of Ghana" (the country a catalogue
        # name after "of"; a government so only with its capital: "the government of India" is no body's name)
        self._service_of = Anchored(re.compile(rf"(?P<svc>{_SERVICES}|Naval Forces|Air Forces|Land Forces|Ground Forces|"
                                               r"Government)\s+of\s+(?P<who>(?:the\s+)?(?:Republic\s+of\s+)?[A-Z])"),
                                    r"(?:Force|Navy|Army|Corps|Marines|Guard|Forces|Government)\s+of\s", 40)
        self._ministry = re.compile(
            r"\b(?:(?P<who>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)(?:'s|’s)?\s+)?(?P<kind>(?i:defen[cs]e|foreign affairs|foreign|external affairs|home|interior|economy|economic affairs|"
            r"finance|development|trade|industry|commerce|justice|energy|transport))\s+(?i:ministry)\b"
            r"|\b(?:(?P<who3>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s+)?[Mm]inistry of (?P<kind2>Defen[cs]e|National Defen[cs]e|Foreign Affairs|External Affairs|Home Affairs)"
            r"(?:\s+of\s+(?P<who2>(?:the\s+Republic\s+of\s+)?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?))?")
        # (a name's capital found first, then what precedes it checked, `(?<!\w.)` being `\b` before it: the search
        # skips to the capitals instead of trying every character, 2x faster)
        self._embassy = re.compile(r"(?P<who>[A-Z](?<!\w.)[\w.'-]*)\s+(?P<what>embassy|presidency|government|Embassy|Presidency)(?:\s+in\s+(?P<where>[A-Z][\w-]+))?")
        self._institution = Anchored(re.compile(rf"\b(?P<name>(?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|on|&)\s+(?:the\s+)?)?){{1,5}}"
                                       rf"(?:{_INSTITUTION_HEADS})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)?)"
                                       rf"(?=[\s,.;:)'’]|$)"),
                                     rf"{_by_first(_INSTITUTION_HEADS)}\b", 250)  # its head word
        # a body named head word first, then what it is of or for: "the Department of National Defense", "the Office
        # of the President of Ukraine", "the Budget Committee of the German Bundestag"
        self._institution_first = Anchored(re.compile(
            rf"(?<![\w'’-])(?P<name>(?:[A-Z][\w&'’.-]*\s+){{0,3}}(?:{_HEADS_FIRST})\s+(?:of|for|on(?<=(?:ttee|ncil)\son)|on(?<=ssion\son))\s+(?:the\s+)?[A-Z][\w'’-]+"
            rf"(?:\s+(?:(?:and|of|for)\s+(?:the\s+)?)?[A-Z][\w'’-]+){{0,4}})(?=[\s,.;:)'’]|$)"),
            rf"(?:{_HEADS_FIRST})\s+(?:of|for|on(?<=(?:ttee|ncil)\son)|on(?<=ssion\son))\s", 60)  # its head word and the "of" after it
        self._legal = Anchored(re.compile(rf"\b(?P<name>(?:[A-Z][\w&'’.-]*\s+){{1,5}}(?:{_by_first(_LEGAL)}|"
                                          rf"(?:{_TRADES})(?![ \t]+(?:[A-Z]|&))(?<!e(?=[ \t]+and[ \t]+[A-Z]))))(?=[\s,.;:)]|$)"),
                               # (one alternation by first character, the trades with the forms: the scan skips
                               # to those characters, which a nested alternation at its start keeps it from doing)
                               rf"{_by_first(_LEGAL + '|' + _TRADES)}(?=[\s,.;:)]|$)", 200)  # its legal form or trade
        self._designation, self._named_type = DESIGNATION, NAMED_TYPE
        self._ship_class = Anchored(SHIP_CLASS, r"[Cc]lass\b", 100)
        self._ship_name = Anchored(SHIP_NAME, _SHIP_PREFIXES + r"\b", 0)  # the navy's prefix it begins with
        self._acronym_platform = Anchored(ACRONYM_PLATFORM, r"\((?=[A-Z][A-Z0-9-]{1,9}\))", 200)  # "(ABBR)"
        self._place_words = {w.casefold() for kind in ("country", "location") for e in catalogue.of_kind(kind).values()
                             for n in [*e.names(), *e.demonyms] for w in n.split()}
        # each country's capitalised names and demonyms, to find the one an organisation's name holds
        self._country_words = {e.id: tuple(sorted({n for n in (*e.names(), *e.demonyms) if n[:1].isupper()},
                                                  key=len, reverse=True))
                               for e in catalogue.of_kind("country").values()}
        self._platform_alnum = {}
        for e in catalogue.of_kind("platform").values():
            for n in e.names():
                self._platform_alnum.setdefault(alnum(n), e)
        self._shared: dict[str, list[Entry]] = {}
        self._people_by_key: dict[str, Entry] | None = None
        self._name_words: set[str] | None = None
        self._org_by_name: dict[str, Entry] | None = None
        self._title_vocab: frozenset[str] | None = None
        self._body_stop: frozenset[str] | None = None  # `_countrys_bodies`' first words that open no body
        self._acronyms: tuple[str, dict[str, list[int]], set[str]] | None = None  # `_body_acronym`'s, of the last text
        self._sea_names: dict[str, Entry] | None = None  # every location name the catalogue holds, by `_seas_named_together`
        for kind_entries in catalogue.entries.values():
            for e in kind_entries.values():
                for a in e.shared_aliases:
                    self._shared.setdefault(a, []).append(e)
        self._platform_names = {n.casefold(): e for e in catalogue.of_kind("platform").values() for n in e.names()}
        self.surname_people = surname_people(catalogue)
        # the forenames of the catalogue's people ("Anna", "Marek"): a name opening with one is a person's
        self.forenames = frozenset(p.name.split()[0] for p in catalogue.of_kind("person").values()
                                   if len(p.name.split()) > 1 and len(p.name.split()[0]) >= 3 and p.name.split()[0].isalpha())
        # the words of every office and rank, which may stand right before a surname ("President Erdogan", "Gen Kowal")
        self.title_words = frozenset(w.casefold().rstrip(".") for e in catalogue.of_kind("office").values()
                                     for n in e.names() for w in n.split()) | frozenset(
            w.casefold() for r in _JUNIOR_RANKS | _RANK_ABBREVIATIONS for w in r.split())
        self._surname_re = rx(_words_pattern(tuple(sorted(self.surname_people, key=len, reverse=True)))) \
            if self.surname_people else None
        rx.save()

    # --- building -----------------------------------------------------------
    def __call__(self, text: str, hits: list[Hit], offices: list[Hit] | None = None) -> Entities:
        ents = Entities()
        self._catalogue_hits(text, hits, ents)
        self._korea_alone(text, ents)
        self._dotted_initials(text, ents)
        self._makers_in_platform_names(ents)
        self._people(text, ents, offices)
        self._organisations(text, ents)
        self._units_and_parties(text, ents)
        self._named_units(text, ents)
        self._trade_shows(text, ents)
        self._governments(text, ents)
        self._places(text, ents)
        self._numbered_bases(text, ents)
        self._states(text, ents)
        self._towns_by_what(text, ents)
        self._towns(text, ents)
        self._dateline_towns(text, ents)
        self._parts_of_regions(text, ents)
        self._seas_named_together(text, ents)
        self._outlets(text, ents)
        self._outlet_names(text, ents)
        self._bare_bodies(text, ents)
        self._bodies_by_noun(text, ents)
        self._makers_by_verb(text, ents)
        self._firms_by_role(text, ents)
        self._speakers(text, ents)
        self._towns_after_in(text, ents)
        self._seats_as_places(text, ents)
        self._surnames(text, ents)
        self._outlets_by_cue(text, ents)
        self._same_person_spelt_twice(ents)
        self._parent_word_as_subsidiary(ents)
        self._acronym_in_brackets(text, ents)
        self._designations(text, ents)
        self._bodies_by_acronym(text, ents)
        self._countrys_bodies(text, ents)
        self._kingdoms_services(text, ents)
        self._merge_platform_family(ents)
        self._consortia(text, ents)
        self._one_defence_ministry(ents)
        self._body_names_trimmed(ents)
        return ents

    @staticmethod
    def _one_defence_ministry(ents: Entities) -> None:
        """A country's defence ministry written with its country in two forms ("the Cambodian Ministry of Defense"
        ... "the Cambodian Defense Ministry", "Defence" and "Defense", "Israeli MoD") is one body, named by the form
        the report writes most (the first of equals); a bare "the Defence Ministry" is left as it is: its country is
        only the report's."""
        groups: dict[str, list[Entity]] = {}
        for e in ents.of_kind("organization"):
            low = e.name.casefold()
            if (e.category == "ministry" and not e.catalogue_id and e.country and e.mentions
                    and ("defen" in low or low.endswith(" mod"))
                    and not low.startswith(("ministry", "defen", "mod"))):
                groups.setdefault(e.country, []).append(e)
        for group in groups.values():
            if len(group) < 2:
                continue
            keep = max(group, key=lambda e: (len(e.mentions), -e.first))
            for e in group:
                if e is not keep:
                    ents.absorb(e, keep)

    @staticmethod
    def _body_names_trimmed(ents: Entities) -> None:
        """A body found by its form is named without what only leads up to it: an office of it ("Head of the
        Military Department", "Deputy Director of Russia's Federal Service"), where it is based ("Cairo-based Arab
        Forum"), a stray "of the"; what is left must still be two words or more."""
        for ent in ents.of_kind("organization"):
            if ent.catalogue_id:
                continue
            name = ent.name
            while True:
                trimmed = _BODY_LEAD.sub("", name, count=1)
                if trimmed == name:
                    break
                name = trimmed
            if name != ent.name and len(name.split()) >= 2 and name[:1].isupper():
                ent.name = name

    def _entity_from(self, e: Entry) -> Entity:
        if e.kind == "country":
            return Entity("country", e.name, code=e.id, country=e.id, catalogue_id=e.id)
        if e.kind == "platform":
            return Entity("platform", e.name, code=e.id, country=e.country, category=e.category, catalogue_id=e.id,
                          extra={"maker": e.maker, "parent": e.parent, "partners": e.partners, "names": e.names()})
        if e.kind == "person":
            return Entity("person", e.name, country=e.country, role=e.role, catalogue_id=e.id)
        return Entity(e.kind, e.name, country=e.country, category=e.category, catalogue_id=e.id)

    def _catalogue_hits(self, text: str, hits: list[Hit], ents: Entities) -> None:
        leading: Counter | None = None
        capitals: dict[int, Hit] | None = None
        clubs = _club_names(text, hits)
        for h in hits:
            entry = self.cat.get(h.kind, h.id)
            if entry is None or h.kind == "platform" and h.text in clubs:
                continue
            if h.text in self._shared and h.kind != "country":
                # "PAF": Pakistan's air force, unless the Philippines lead the article
                if leading is None:
                    leading = Counter(x.id for x in hits if x.kind == "country")
                entry = max([entry, *self._shared[h.text]], key=lambda e: leading[e.country or ""] if e is not entry
                            else leading[e.country or ""] + 0.5)
            span = Span(h.start, h.end, h.text)
            if h.kind in ("location", "country") and text[h.start - 3:h.start] in _FAMILY_PREFIXES \
                    and not text[h.start - 4:h.start - 3].isalpha():
                continue  # "Al-Sabah", "al-Iraqi": a family's name, not the place
            if h.kind == "location" and entry.category in ("sea", "region-multi") \
                    and " " not in re.sub(r"^[Tt]he\s+", "", h.text) and (
                    _SEA_AS_ADJECTIVE.match(text, h.end) or text[h.start - 5:h.start] == "Euro-"):
                continue  # "the small Baltic nation", "a Pacific island state", "Euro-Atlantic": no sea named
            if h.kind == "country" and h.form == "capital":
                if capitals is None:  # the capitals named, by where they end: read once an article
                    capitals = {x.end: x for x in hits if x.kind == "country" and x.form == "capital"}
                after = text[h.end:h.end + 40]
                # the capital named ("The Hague", not the first of the Netherlands' capitals)
                city = next((c for c in entry.capital if c.casefold() == h.text.casefold()),
                            entry.capital[0] if entry.capital else h.text)
                # "New Delhi has signalled", "Seoul's agency": the government; else the city
                if _GOV_AFTER.match(after) or _POSS_AFTER.match(after) or self._capital_acts(text, h, capitals):
                    ent = ents.get_or_add(("country", entry.id), lambda: self._entity_from(entry))
                    ents.mention(ent, span)
                    if _AT_PLACE_BEFORE.search(text, max(0, h.start - 6), h.start) and not _POSS_AFTER.match(after):
                        # "analysts in Athens say", "on Tuesday in Abuja inducted": the government there, and
                        # the city named as a place too (as a country is named inside a body's name)
                        ents.get_or_add(("location", city.casefold()), lambda: Entity(
                            "location", city, country=entry.id, category="city")).add(span)
                else:
                    loc = ents.get_or_add(("location", city.casefold()),
                                          lambda: Entity("location", city, country=entry.id, category="city"))
                    ents.mention(loc, span)
                continue
            if h.kind == "country" and h.form == "demonym" and re.search(
                    r"\b(?:South|North|Latin|Central|Pan|Anglo)[\s-]$", text[max(0, h.start - 8):h.start]):
                continue  # "South American nation" is not the United States
            if h.kind == "platform" and _SHIP_PREFIX.match(h.text):
                # "PNS Tughril", a ship the catalogue lists under its class: the ship, of the class's maker
                ent = ents.get_or_add(("platform", "ship:" + alnum(h.text)), lambda: Entity(
                    "platform", h.text, country=entry.country, category=entry.category,
                    extra={"maker": entry.maker, "parent": None, "partners": entry.partners, "class": entry.id,
                           "ship_name": True}))
                ents.mention(ent, span)
                continue
            ent = ents.get_or_add((h.kind, entry.id), lambda: self._entity_from(entry))
            ents.mention(ent, span)
            if h.kind == "organization" and entry.country:
                self._country_in_name(text, ents, h, entry.country)

    def _korea_alone(self, text: str, ents: Entities) -> None:
        """"Korea" or "Korean" alone ("Korea signed", "the Korean firm", "Korean-made howitzers", "Korea Aerospace
        Industries") names South Korea where the report names no North Korea: a mention of the country, inside a
        body's name as `_country_in_name` records one. Not where South Korea is found already or North Korea is
        named (either could be meant)."""
        if "Korea" not in text or ("country", "KOR") in ents.by_key or ("country", "PRK") in ents.by_key \
                or _NORTH_KOREA.search(text):
            return
        entry = self.cat.get("country", "KOR")
        for m in _KOREA_ALONE.finditer(text) if entry is not None else ():
            ent = ents.get_or_add(("country", "KOR"), lambda: self._entity_from(entry))
            span = Span(m.start(), m.end(), m.group())
            if ents.covered(m.start(), m.end()) is None:
                ents.mention(ent, span)
            else:
                ent.add(span)

    def _dotted_initials(self, text: str, ents: Entities) -> None:
        """"U.S.-built", "U.S.-Japan", "U.K.-made", "the U.S and": the US or the UK (`_DOTTED_INITIALS`), a mention
        of the country the catalogue's names do not find there."""
        for m in _DOTTED_INITIALS.finditer(text) if "U." in text else ():
            code = "USA" if m["us"] else "GBR"
            entry = self.cat.get("country", code)
            if entry is None or ents.covered(m.start(), m.end()) is not None:
                continue
            ent = ents.get_or_add(("country", code), lambda: self._entity_from(entry))
            ents.mention(ent, Span(m.start(), m.end(), m.group()))

    def _country_in_name(self, text: str, ents: Entities, h: Hit, code: str) -> None:
        """A catalogue body whose name holds its own country ("Royal Malaysian Air Force", "Armed Forces of the
        Philippines") names the country there too: the record lists that place among the country's mentions."""
        words = self._country_words.get(code)
        if not words:
            return
        for w in words:  # longest first; a whole word of the name
            i = text.find(w, h.start, h.end)
            if i >= 0 and not text[i - 1:i].isalnum() and not text[i + len(w):i + len(w) + 1].isalnum():
                country = self.cat.get("country", code)
                ent = ents.get_or_add(("country", code), lambda: self._entity_from(country))
                ent.add(Span(i, i + len(w), w))
                return

    def _makers_in_platform_names(self, ents: Entities) -> None:
        """A platform written after its maker ("Dassault Rafale", "Saab JAS 39 Gripen", "Lockheed Martin F-35")
        names the maker too: the maker's words become its mention, the rest the platform's. Not where the
        designation's letters are the maker's own ("Sukhoi Su-30", "Yakovlev Yak-130"): that is one name."""
        if self._org_by_name is None:
            self._org_by_name = {n: e for e in self.cat.of_kind("organization").values() for n in e.names()
                                 if n[:1].isupper() and not re.search(r"\d", n)}
        for plat in ents.of_kind("platform"):
            for mm in list(plat.mentions):
                words = mm.text.split()
                for k in range(min(3, len(words) - 1), 0, -1):
                    maker = self._org_by_name.get(" ".join(words[:k]))
                    if maker is None:
                        continue
                    rest = mm.text[len(" ".join(words[:k])):]
                    rest_start = mm.start + len(mm.text) - len(rest.lstrip())
                    if re.match(r"[A-Za-z]+", rest.lstrip()) and words[0].casefold().startswith(
                            re.match(r"[A-Za-z]+", rest.lstrip()).group().casefold()):
                        break  # "Sukhoi Su-30": the maker's letters lead the designation
                    if re.match(r"\d", rest.lstrip()):
                        break  # "Agusta 109", "Dornier 228": the maker's name and a number are the type's name
                    plat.mentions.remove(mm)
                    ents.unmention((mm.start, mm.end, plat))
                    ents.mention(plat, Span(rest_start, mm.end, mm.text[rest_start - mm.start:]))
                    org = ents.get_or_add(("organization", maker.id), lambda: self._entity_from(maker))
                    maker_text = " ".join(words[:k])
                    ents.mention(org, Span(mm.start, mm.start + len(maker_text), maker_text))
                    break

    @staticmethod
    def _capital_acts(text: str, h: Hit, capitals: dict[int, Hit]) -> bool:
        """A capital used for its government by what surrounds it: "Taipei set aside", "asked Moscow to help",
        "talks with London", "between Jakarta and Paris" (both), "weapons for Kyiv" (`_GOV_GIVEN`), "Tokyo and
        Canberra intend" (both). `capitals`: the article's capitals by where they end."""
        after = text[h.end:h.end + 40]
        if _GOV_AFTER_MORE.match(after):
            return True
        before = text[max(0, h.start - 30):h.start]
        if _GOV_GIVEN.search(before):
            return True
        and_after = _GOV_PAIR_AFTER.match(after)
        if and_after is not None:  # the first of "Canberra and Port Moresby have"
            x = next((c for c in capitals.values() if c.start == h.end + and_after.end()), None)
            if x is not None and _GOV_PLURAL_AFTER.match(text[x.end:x.end + 60]):
                return True
        and_before = _AND_BEFORE.search(before)
        mate = capitals.get(h.start - len(and_before.group())) if and_before is not None else None  # "X and" here
        if mate is not None and _GOV_PLURAL_AFTER.match(after):  # the second of "Tokyo and Canberra intend"
            return True
        m = _GOV_BEFORE.search(before)
        if m is None:  # the second of "between Jakarta and Paris"
            if mate is None or not re.search(r"\bbetween\s[^.;]{1,50}$", text[max(0, h.start - 70):h.start]):
                return False
            return bool(re.search(r"\bbetween\s+$", text[max(0, mate.start - 10):mate.start]))
        word = m.group().split()[0]
        if word == "between":
            return bool(_GOV_PAIR_AFTER.match(after))
        if word == "with":  # "talks with Moscow", not "met the minister together with ... in"
            return not re.search(r"\b(?:together|along|alongside|met|meets?|meeting)\s+$", before[:m.start()] + " ")
        return True

    def _country_at(self, text: str, ents: Entities, start: int, end: int) -> str | None:
        for s, e, ent in ents.starting(start, end + 1):
            if e <= end and ent.country:
                return ent.country
        return None

    def _add_person(self, text: str, ents: Entities, m: re.Match, role: str | None, country: str | None,
                    group: str = "name", titled: bool = False) -> Entity | None:
        s, e = m.start(group), m.end(group)
        raw = m.group(group).rstrip(".")
        cut = _SENTENCE_END_IN_NAME.search(raw)
        if cut:  # "Rousseff. In 2013 ...": the name ends with its sentence
            raw = raw[:cut.end() - 1]
        e = s + len(raw)
        words = raw.split()
        honorific = _HONORIFIC_FIRST.match(raw) if len(words) > 2 else None
        if honorific and len(raw[honorific.end():].split()) < 2:
            honorific = None
        if honorific:  # "Sheikh Nasser Al-Sabah" is Nasser Al-Sabah, "Tan Sri Ahmad Fadzil" Ahmad Fadzil
            s += honorific.end()
            raw = raw[honorific.end():]
            words = raw.split()
        day = (_LEADING_DAY.match(raw) or (re.match(r"\S+\s+", raw) if words[0].casefold() in _OPENING_ADVERBS
                                            else None)) if len(words) > 2 else None
        if day:  # "On Thursday Rustem Umerov, who ...", "Earlier Ann Kowal said": the day or adverb opens the sentence
            s += day.end()
            raw = raw[day.end():]
            words = raw.split()
        rank = self._leading_rank.match(raw) if self._leading_rank is not None else None
        if rank:  # "Air Vice Marshal Ann Kowal" after a first title; "Gen Kowal" is no full name
            s += rank.end()
            again = _A_NAME.match(text, s)  # the name read again from its own start: a rank took some of its words
            if again is None:
                return None
            raw = again.group().rstrip(".")
            cut = _SENTENCE_END_IN_NAME.search(raw)
            raw = raw[:cut.end() - 1] if cut else raw
            e = s + len(raw)
            words = raw.split()
        if words[0].casefold() in _STOP_FIRST or len(words) < 2 or any(w.strip(".,").casefold() in _NOT_NAME for w in words):
            return None
        if words[-1].rstrip(".") in _RANK_ABBREVIATIONS or words[0].casefold() in _OPENING_ADVERBS:
            return None  # "Rear Adm. John Kirby" cut short, "Meanwhile Gen. Ann Kowal": a rank or an adverb, no name
        if any((w.title() if raw.isupper() else w) in _TITLE_CASE_GLUE for w in words[1:]):
            return None  # a headline in title case ("Minister To Discuss Strengthening Of Air Defence"), not a name
        hit = ents.covered(s, e)
        if hit is not None and hit.kind != "person":
            if not (titled and not any(w.casefold() in self._title_words() for w in words)
                    and self._name_holds_hits(ents, s, e)):
                return None
            hit = None
        name = raw.title() if raw.isupper() else raw
        if raw.isupper():
            name = " ".join(w if w.isupper() and len(w) <= 2 else w.capitalize() for w in raw.split())
        key = ("person", _person_key(name))
        # a catalogue person already found under this name keeps its entry
        existing = hit if hit is not None and hit.kind == "person" else ents.by_key.get(key)
        if existing is None:
            existing = ents.person_keyed(key[1])
        if existing is None and len(words) == 2:  # "Mr Paba Sale" after "Mahamat Paba Sale": the same person
            existing = next(iter(ents.people_ending_with(name)), None)
        if existing is None and len(words) > 2:
            # "Mr Paba Sale" found before "Mahamat Paba Sale, the country's ambassador": one person, by the full name
            tail = next((p for p in ents.people_ending(name) if not p.catalogue_id), None)
            if tail is not None:
                tail.name = name
                ents.keep(key, tail)
                existing = tail
        if existing is None:
            cat = self._catalogue_person(name)
            existing = self._entity_from(cat) if cat else Entity("person", name)
            ents.keep(key, existing)
        if role:
            existing.role = role
        if country and (not existing.country or not existing.catalogue_id):
            existing.country = country
        ents.mention(existing, Span(s, e, text[s:e]))
        return existing

    @staticmethod
    def _name_holds_hits(ents: Entities, start: int, end: int) -> bool:
        """A name right after an office title that holds a catalogue word as one of its words ("Defence Minister
        Rafael Rey", "Minister Kabul Berdiyev") is the person's: the firm's, place's or country's mentions there
        are taken back. Only words within the name, never a body's whole name ("Minister ... Airbus Helicopters")."""
        inner = ents.overlapping(start, end)
        if not inner or any(x.kind not in ("organization", "location", "country") or a < start or b > end
                            or (a == start and b == end) for a, b, x in inner):
            return False
        for a, b, x in inner:
            x.mentions = [mm for mm in x.mentions if not (mm.start == a and mm.end == b)]
            ents.unmention((a, b, x))
        return True

    def _catalogue_person(self, name: str) -> Entry | None:
        if self._people_by_key is None:  # built on first use: every spelling of every catalogue person, by its letters
            self._people_by_key = {}
            for p in self.cat.of_kind("person").values():
                for n in p.names():
                    self._people_by_key.setdefault(_person_key(n), p)
        return self._people_by_key.get(_person_key(name))

    def _office(self, title: str) -> Entry | None:
        return self.office_by_name.get(title.casefold())

    def _title_matches(self, text: str, offices: list[Hit] | None):
        """Title + name: from the office hits when there are some (fast), else by regex."""
        if offices is None:
            yield from self._title_name.finditer(text)
            return
        for h in offices:
            m = self._after_title.match(text, h.end)
            if m:
                yield _TitleMatch(m, h)

    def _people(self, text: str, ents: Entities, offices: list[Hit] | None = None) -> None:
        for m in self._counterpart.finditer(text) if "counterpart" in text else ():
            if _FIRM_WORD_LAST.search(m["name"]):
                continue
            country = self._country_at(text, ents, m.start("dem"), m.end("dem")) if m["dem"] else None
            role = None
            if m["title"]:
                off = self._office(m["title"])
                role = off.name if off else m["title"]
            else:
                prior = [ent for s, e, ent in ents.starting(text.rfind("\n", 0, m.start()) + 1, m.start())
                         if ent.kind == "person"]
                role = prior[-1].role if prior else None
            self._add_person(text, ents, m, role, country)
        for m in self._title_matches(text, offices):
            off = self._office(m["title"])
            role = off.name if off else m["title"].strip()
            country = off.country if off and off.country else None
            before = text[max(0, m.start() - 60):m.start()]
            pm = re.search(r"(?:(?P<poss>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})(?:'s|’s)|(?P<pre>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}))\s+$", before)
            if pm:
                ps = m.start() - (len(before) - pm.start())
                c = self._country_at(text, ents, ps, m.start())
                if c:
                    country = c
            self._add_person(text, ents, m, role, country, titled=True)
        for m in self._appositions(text):
            off = self._office(m["title"])
            who = m["poss"] or m["dem"]
            country = self._country_at(text, ents, m.start("poss") if m["poss"] else m.start("dem"),
                                       m.end("poss") if m["poss"] else m.end("dem")) if who else None
            if off and off.country and not country:
                country = off.country
            title = m["title"] + (f" of {m['org']}" if m["org"] else "")
            self._add_person(text, ents, m, off.name if off and not m["org"] else title, country)
        for m in _anchored(self._name_title, self._name_title_anchor, text, 120):
            if m["qual"] and _NAME_AFTER_TITLE.match(text, m.end("title")):
                continue  # "Kim Tae-ho, Hanwha Aerospace CEO Son Jae-il and ...": the title is the next name's
            off = self._office(m["title"])
            role = off.name if off else m["title"]
            country = None
            who = m["poss"] or m["dem"]
            if who:
                country = self._country_at(text, ents, m.start("poss") if m["poss"] else m.start("dem"),
                                           m.end("poss") if m["poss"] else m.end("dem"))
            if m["org"]:
                org_ent = None
                for s, e, ent in ents.in_range(m.start("org"), m.end("org") + 1):
                    if ent.kind in ("organization", "country"):
                        org_ent = ent
                        break
                if org_ent is not None:
                    country = country or org_ent.country
                    if org_ent.kind == "organization":
                        role = f"{role}, {org_ent.name}"
            if off and off.country and not country:
                country = off.country
            self._add_person(text, ents, m, role, country)
        for h, m in self._office_appositions(text, offices):
            off = self._office(h.text)
            self._add_person(text, ents, m, off.name if off else h.text, off.country if off else None)
        for m in self._byline.finditer(text) if "By" in text else ():
            self._credited(text, ents, m, "reporter")
        for m in for_text(self._lower_byline, text).finditer(text) if "by " in text and _by_after_blanks(text) else ():
            self._credited(text, ents, m, "reporter")
        for m in self._top_byline.finditer(text[:300]):
            self._credited(text, ents, m, "reporter")
        for m in self._where_byline.finditer(text) if " in " in text or " ago" in text else ():
            if not ents.in_range(m.start("names"), m.end("names") - 1) and not self._headline_words(text, m):
                self._credited(text, ents, m, "reporter")
        for m in _DATED_BYLINE.finditer(text) if "\n" in text else ():
            # (a headline above its date is no byline: none of a name's words is written in lower case elsewhere)
            words = m["names"].split()
            if len(words) >= 2 and not m["names"].isupper() and not ents.in_range(m.start("names"), m.end("names") - 1) \
                    and not any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in words) \
                    and not any(w.casefold() in self._title_words() for w in words):
                self._credited(text, ents, m, "reporter")
        for m in self._photo.finditer(text) if "(" in text else ():
            self._credited(text, ents, m, "photographer")
        for m in self._photo_line.finditer(text) if "Photo:" in text else ():
            self._credited(text, ents, m, "photographer")
        for rx in (self._photo_slash, self._photo_name_slash):
            for m in _anchored(rx, _SLASH, text, 80):  # every credit holds a slash: look only around slashes
                self._credited(text, ents, m, "photographer")
        self._caption_credits(text, ents)
        for m in self._credit_more.finditer(text) if _has_any(text, _CREDIT_MORE_WORDS) else ():
            role = "editor" if m.group().startswith("Edit") else "translator" if m.group().startswith("Trans") else "reporter"
            self._credited(text, ents, m, role)
        for m in for_text(self._line_byline, text).finditer(text) if _may_hold(text, _BYLINE_WORDS) else ():
            self._credited(text, ents, m, "reporter")
        for rx, words in _WRITER_NEEDS if _has_any(text, _WRITER_WORDS) else ():
            if words is not None and not _has_any(text, words):
                continue  # none of the words each of its matches holds
            for m in for_text(rx, text).finditer(text):
                self._credited(text, ents, m, "reporter")
        for rx in (self._descriptor, self._opening_appos):
            for m in for_text(rx, text).finditer(text):
                s, e = m.start("name"), m.end("name")
                if any(ss < e and s < ee and x.kind != "person" for ss, ee, x in ents.in_range(s, e)):
                    continue  # an organisation, place or country's name, not a person's
                if m["name"].split()[0].casefold() in _STOP_FIRST or len(m["name"].split()) < 2:
                    continue
                self._add_person(text, ents, _Offset(re.match(r".+", m["name"]), s), None, None)
        for s0, e0 in self._names_before_appositions(text, ents):
            self._add_person(text, ents, _Offset(re.match(r".+", text[s0:e0]), s0), None, None)
        for s0, e0 in self._names_after_office_of(text, ents, offices):
            self._add_person(text, ents, _Offset(re.match(r".+", text[s0:e0]), s0), None, None)
        for m in self._credit.finditer(text) if _has_any(text, _CREDIT_WORDS) else ():
            what = m["what"].lower()
            what = "reporting" if "compiled" in what else what
            role = {"production": "producer", "reporting": "reporter", "additional reporting": "reporter",
                    "editing": "editor", "writing": "writer", "video": "producer", "photo": "photographer"}.get(what, what)
            self._credited(text, ents, m, role)

    def _office_appositions(self, text: str, offices: list[Hit] | None):
        """An office, what it is of, then the holder's name between commas: "the Minister of Industry and Trade,
        Ann Kowal, said", "the US Ambassador to Chile, Ann Kowal, and ..." (from the office hits)."""
        for h in offices or ():
            m = _OFFICE_APPOS.match(text, h.end)
            if m is not None:
                yield h, m

    def _title_words(self) -> frozenset[str]:
        """Words of office titles and of bodies' names ("Security", "Affairs", "Mission"): the words that end a
        title's "of ..." part, never a person's name."""
        if self._title_vocab is None:
            words = {w.casefold() for e in self.cat.of_kind("office").values() for n in e.names() for w in n.split()}
            words |= {w.casefold() for e in self.cat.of_kind("organization").values() if e.category != "defence company"
                      for n in e.names() for w in n.split() if w.isalpha()}
            things = {w.rstrip("s") for h, _ in _NAMED_HEAD_CATEGORY for w in h.split()} | set(_HEAD_CATEGORY) | {"class"}
            units = {u.casefold() for u in _UNIT_HEADS.split("|")} | {"corps", "command", "unit", "units", "group"}
            self._title_vocab = frozenset(words | _NOT_NAME | _STOP_FIRST | things | {t + "s" for t in things} | _OFFICE_OF_NOUNS
                                          | units)
        return self._title_vocab

    def _name_span(self, text: str, ents: Entities, tokens: list[re.Match], base: int) -> tuple[int, int] | None:
        """The last two to four capitalised tokens that can be a person's name: no title or body word, no place,
        firm or country ("Economic Affairs Peter Altmaier" -> Peter Altmaier)."""
        vocab = self._title_words()
        keep: list[re.Match] = []
        for t in reversed(tokens):
            w = t.group()
            if w.casefold().strip(".,") in vocab or w.endswith(".") and (w[:-1].isupper() and not (
                    keep and _INITIALS.fullmatch(w)) or re.search(r"[a-z]{2}\.$", w) and w not in ("Jr.", "Sr.")) \
                    or len(keep) == 4 or any(
                    x.kind != "person" for _, _, x in ents.overlapping(base + t.start(), base + t.end())):
                break
            keep.insert(0, t)
        if len(keep) < 2 or any(re.search(r"\d", t.group()) for t in keep):
            return None
        return base + keep[0].start(), base + keep[-1].end()

    def _names_before_appositions(self, text: str, ents: Entities):
        """A name anywhere, told by what follows its comma: "..., Ann Kowal, a former Polish consul", "Ann Kowal,
        deputy head of", "Ann Kowal, President of Iveco", "Ann Kowal, whose son", "Ann Kowal, his counterpart"."""
        for a in chain(_APPOS_AFTER_NAME.finditer(text), _APPOS_MORE.finditer(text)):
            back = text[max(0, a.start() - 80):a.start()]
            run = _NAME_RUN_END.search(back)
            if run is None or ents.covered(a.start() - 1, a.start()) is not None:
                continue
            firm = _FIRM_NOUN_AFTER.match(text, a.start() + 1, a.start() + 80)
            if firm and not _trade_alone(text, firm):
                continue  # "Metal Shark, a shipbuilder based in ...": a firm (`_bodies_by_noun`)
            tokens = list(re.finditer(r"\S+", run.group()))
            month = max((i for i, t in enumerate(tokens[:-2]) if t.group().casefold() in _MONTHS_DAYS), default=None)
            if month is not None:  # "In May Ann Kowal, ...": the month is no forename
                tokens = tokens[month + 1:]
            span = self._name_span(text, ents, tokens, a.start() - len(back) + run.start())
            if span is not None:
                yield span

    def _names_after_office_of(self, text: str, ents: Entities, offices: list[Hit] | None):
        """A name after an office and what it is of or for, the words that are no name skipped: "Minister for
        Armed Forces Ann Kowal", "Deputy Chief of Mission Ann Kowal", "Minister of defense industry Ann Kowal"."""
        for h in offices or ():
            m = _OFFICE_OF_WORDS.match(text, h.end)
            if m is None or ents.covered(m.start("words"), m.end("words")) is not None and \
                    ents.covered(m.start("words"), m.end("words")).kind == "person":
                continue
            tokens = list(re.finditer(r"\S+", m["words"]))
            caps = []
            for t in tokens:  # the capitalised run that ends the words
                caps = caps + [t] if t.group()[:1].isupper() else []
            span = self._name_span(text, ents, caps, m.start("words"))
            if span is not None and span[1] == m.end("words"):
                yield span

    def _appositions(self, text: str):
        """`_title_appos` matches, looked for only before the rare ", NAME, said" that ends one."""
        last = -1
        for tail in _APPOS_TAIL.finditer(text):
            m = self._title_appos.search(text, max(last, tail.start() - 200), tail.end())
            while m is not None and m.end() != tail.end():
                m = self._title_appos.search(text, m.start() + 1, tail.end())
            if m is not None:
                last = m.end()
                yield m

    def _headline_words(self, text: str, m: re.Match) -> bool:
        """A line read as a byline with where it was written ("Talks Resume in Geneva") that is a headline: its
        words are no name when the report writes each of them in lower case elsewhere ("the talks ... resume"), as
        it writes no reporter's name, not even one that is also a word ("Ann Young in Seoul", "the young pilots");
        a catalogue person's forename or surname among them vouches for a name."""
        words = m["names"].split()
        if self._name_words is None:  # built on first use: the forenames and surnames of the catalogue's people
            self._name_words = {w.casefold() for p in self.cat.of_kind("person").values() for n in p.names()
                                if len(n.split()) >= 2 for w in (n.split()[0], n.split()[-1])}
        if words[0].casefold() in self._name_words or words[-1].casefold() in self._name_words:
            return False
        return all(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in words if w[:1].isupper())

    def _caption_credits(self, text: str, ents: Entities) -> None:
        """A photographer credited at the end of a caption's line ("Ann Kowal/dpa", "Keystone / Ann Kowal"): not a
        name of a body's or office's words ("Radio Free Europe/Radio Liberty"), nor one already another kind's."""
        if "/" not in text:
            return
        vocab = self._title_words()
        for rx in _CAPTION_CREDITS:
            for m in _anchored(rx, _SLASH, text, 80):
                s, e = m.span("names")
                if any(w.casefold() in vocab for w in m["names"].split()) or any(
                        x.kind != "person" for _, _, x in ents.overlapping(s, e)):
                    continue
                self._credited(text, ents, m, "photographer")

    def _credited(self, text: str, ents: Entities, m: re.Match, role: str) -> None:
        """Each name of a byline or a credit line ("By A and B", "Reporting by A in Paris; Editing by B")."""
        for n in re.finditer(rf"{_CAPS_NAME}|{NAME}", m["names"]):
            if n.group() in ("Associated Press",) or re.fullmatch(r"[A-Z][a-z]+", n.group()):
                continue
            base, written = m.start("names"), n.group()
            if re.search(r"\d", written) or any(w.casefold() in _NOT_CREDIT_NAME for w in written.split()):
                continue  # "AN/AVS-9 Night Vision Goggles", "CSTC/ Hudong Shipyard", "(UrduPoint News / Sputnik)"
            # a name run on into what follows it ("Ann Kowal SEOUL", "Ann Kowal AFP"): the capitals are not hers
            cut = re.search(r"(?:\s+[A-Z]{2,}[.,]?)+$", written)
            if cut and not written.isupper() and " " in written[:cut.start()]:
                self._add_person(text, ents, _Offset(re.match(r".+", written[:cut.start()]), base + n.start()), role, None)
                continue
            self._add_person(text, ents, _Offset(n, base), role, None)

    def _ministry_by_initials(self, text: str, ents: Entities, m: re.Match, home: str | None) -> None:
        """A defence ministry by its initials: the country's defence ministry the report names already ("the
        Serbian Ministry of Defense ... the MoD"), else "an Israeli MoD chief", "the Swedish MoD confirms" named as
        written, a bare "the MoD said" the report's own country's "Ministry of Defence" (of no country where the report
        names none); not the British one the catalogue once took every "MoD" for (`_MOD`)."""
        if ents.covered(m.start("mod"), m.end("mod")) is not None:
            return
        who = m["who"]
        country = self._country_at(text, ents, m.start("who"), m.end("who")) if who else None
        if who and not country:
            return  # "Block 2 MOD", "LONDON MOD": no country before it
        if m["the"] == "(":  # "Peru's Ministry of Defence (MoD)": the ministry just named
            before = [x for a, b, x in ents.overlapping(m.start() - 2, m.start())
                      if x.kind == "organization" and x.category == "ministry"]
            if before:
                self._force_mention(ents, before[0], Span(m.start("mod"), m.end("mod"), m["mod"]))
                return
        initials = [e for e in ents.of_kind("organization") if e.category == "ministry" and e.name.endswith(("MoD", "MOD"))]
        if not who and len(initials) == 1:  # "an Israeli MoD chief ... MoD export officials"
            country = initials[0].country
        country = country or home  # None where the report names none: still a "Ministry of Defence" ("a spokesperson
        # for the MoD said", as British outlets write), of no country said
        named = [] if country is None else [
            e for e in ents.of_kind("organization") if e.category == "ministry" and e.country == country
            and ("efen" in e.name or e.name.endswith(("MoD", "MOD")))]
        start = m.start("who") if who else m.start("mod")
        ent = named[0] if named else ents.get_or_add(
            ("organization", f"{who} {m['mod']}".casefold() if who else f"Defence Ministry|{country}"),
            lambda: Entity("organization", f"{who} {m['mod']}" if who else "Ministry of Defence", country=country,
                           category="ministry"))
        self._force_mention(ents, ent, Span(start, m.end("mod"), text[start:m.end("mod")]))

    def _firms_by_lead(self, text: str, ents: Entities) -> None:
        """Firms no catalogue holds, told by "PT" or "X-based" before their name (`_FIRM_LEAD`), and a catalogued
        firm's arm its name goes on to name (`_FIRM_ARM`)."""
        for m in _anchored(_FIRM_LEAD, _FIRM_LEAD_ANCHOR, text, 10) if "-based" in text or "PT " in text else ():
            words = re.sub(r"['’]s$", "", m["name"]).split()
            while words and (words[-1].casefold() in _STOP_OR_NOT_INSTITUTION or words[-1] == "&"
                             or words[-1] in _TITLE_CASE_GLUE):
                words.pop()
            s = m.start("pt") if m["pt"] else m.start("name")
            if not words or m["pt"] and words[0].isupper() and len(words[0]) < 3:
                continue
            if len(words) == 1 and re.search(r"(?:an|ese|ish|ic)$", words[0]) and re.match(
                    r"[ \t]+[a-z]", text[m.start("name") + len(words[0]):]):
                continue  # "the French-based European planemaker": a demonym
            e = m.start("name") + len(" ".join(words))
            inner = ents.overlapping(s, e)
            if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                continue  # a catalogue body, a person, a platform, or a country's or place's whole name
            name = text[s:e]
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="defence company"))
            self._force_mention(ents, ent, Span(s, e, name))
        for firm in [x for x in ents.of_kind("organization") if x.catalogue_id and x.category == "defence company"]:
            for mm in list(firm.mentions):
                arm = _FIRM_ARM.match(text, mm.end)
                if arm is None or ents.covered(arm.start() + 1, arm.end()) is not None:
                    continue
                name = text[mm.start:arm.end()]
                ent = ents.get_or_add(("organization", name.casefold()),
                                      lambda: Entity("organization", name, country=firm.country, category="defence company"))
                firm.mentions = [x for x in firm.mentions if x is not mm]
                ents.unmention((mm.start, mm.end, firm))
                ents.mention(ent, Span(mm.start, arm.end(), name))

    def _countrys_bodies(self, text: str, ents: Entities) -> None:
        """A firm or body no catalogue holds, named after its country's possessive ("Sweden's Saab", "Turkey's
        Yonka Onuc", "South Korea's AK & Partners"): not an office or a service ("Japan's Ambassador", "India's
        Defense Staff"), a month, a headline's words, a designation, nor two or three words a person may bear
        ("Russia's Ivan Petrov") unless a firm's word ends them."""
        if "'s " not in text and "’s " not in text:
            return
        not_first = self._body_stop
        if not_first is None:  # the stop lists and the title words (thousands of words): joined once a finder
            not_first = self._body_stop = _NOT_COUNTRYS_BODY_FIRST | self._title_words()
        for m in _COUNTRYS_BODY.finditer(text):
            owner = ents.overlapping(m.start() - 1, m.start())
            if not owner or owner[0][2].kind != "country" or owner[0][1] != m.start():
                continue
            words = m["n"].split()
            s0 = m.start("n")
            while words and (words[-1] in ("&", "and") or words[-1] in _TITLE_CASE_GLUE
                             or ents.overlapping(s0, s0 + len(" ".join(words)))):
                words.pop()  # "Greece's Helmar and Italy's ...": the name ends before the next one
            rest = m["n"][len(" ".join(words)):].split()
            if rest and rest[0] not in ("&", "and"):
                continue  # "China's Inner Mongolia", "Australia's Judith Collins": a name the words begin
            words[-1:] = [w.rstrip(".") for w in words[-1:]]
            if not words or len(words[-1]) < 2 or any(c.isdigit() for w in words for c in w) or words[-1] == "Act":
                continue
            folded = [w.casefold() for w in words]
            if folded[0] in not_first:
                continue
            if 2 <= len(words) <= 3 and _person_like(words) and not words[-1].isupper():
                continue  # "Russia's Ivan Petrov": a person's name, as like as not
            e0 = s0 + len(" ".join(words))
            if text[s0:e0] != " ".join(words):
                continue  # a name over a line's end
            line_start = text.rfind("\n", 0, s0) + 1
            line = text[line_start:text.find("\n", e0) if "\n" in text[e0:] else len(text)]
            if sum(w[:1].isupper() for w in line.split()) * 2 > len(line.split()) >= 4:
                continue  # a headline in title case ("Peru's Fighter Jet Dilemma")
            name = text[s0:e0]
            ent = ents.get_or_add(("organization", name.casefold()), lambda: Entity(
                "organization", name, country=owner[0][2].code, category="defence company"))
            ents.mention(ent, Span(s0, e0, name))

    def _organisations(self, text: str, ents: Entities) -> None:
        self._firms_by_lead(text, ents)
        home = self.home_country(ents)
        for m in self._service.finditer(text):
            country = self._country_at(text, ents, m.start("who"), m.end("who"))
            if not country or ents.covered(m.start(), m.end()) not in (None,) and ents.covered(m.start("svc"), m.end()) is not None:
                continue
            if self._covered_by_org(ents, m.start(), m.end()):
                continue
            who = re.sub(r"^(?:The|the|A|An)\s+", "", m["who"])
            start = m.end("who") - len(who)
            start, who = self._owner(text, ents, start, m.end("who"), country) or (start, who)
            if text.endswith("Royal ", 0, start):  # "the Royal Malaysian Air Force": its name
                start, who = start - 6, f"Royal {who}"
            name = f"{who} {m['svc']}"
            ent = _listed_service(ents, country, m["svc"]) or ents.get_or_add(
                ("organization", name.casefold()),
                lambda: Entity("organization", name, country=country, category="armed service"))
            self._force_mention(ents, ent, Span(start, m.end(), text[start:m.end()]))
        for m in self._service_of.finditer(text):
            hits = [(e0, ent) for s0, e0, ent in ents.starting(m.start("who"), m.end("who")) if ent.kind == "country" and ent.code]
            if not hits or m.start() > 0 and text[m.start() - 1].isalnum() or _OF_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # within a word, or the end of a body's name ("the General Staff of the Armed Forces of ...")
            end, country = max(hits, key=lambda h: h[0])
            if self._covered_by_org(ents, m.start(), end):
                continue  # "the Royal Navy of Oman", "the Armed Forces of the Philippines": catalogued
            start = m.start() - 8 if text.endswith("Federal ", 0, m.start()) else m.start()  # "the Federal Government of"
            name = text[start:end]
            category = "government body" if m["svc"] == "Government" else "armed service"
            named = [e for e in ents.of_kind("organization") if e.country == country.code and e.category == category
                     and e.name.casefold().startswith(m["svc"].casefold() + " of ")]  # "Armed Forces of Kyrgyzstan"
            ent = (named[0] if len(named) == 1 else category == "armed service" and _listed_service(
                ents, country.code, m["svc"])) or ents.get_or_add(
                ("organization", name.casefold()),
                lambda: Entity("organization", name, country=country.code, category=category))
            self._force_mention(ents, ent, Span(start, end, name))
        for m in _anchored(self._ministry, _MINISTRY_ANCHOR, text, 70):
            # the country written into the formal name, before or after it: "the Kazakhstan Ministry of Defense",
            # "the Ministry of Defense of Armenia" are named so
            who3 = re.sub(r"^(?:The|the)\s+", "", m["who3"] or "")
            before = self._country_at(text, ents, m.end("who3") - len(who3), m.end("who3")) if who3 else None
            ms = m.start() if not m["who3"] else m.end("who3") - len(who3) if before else text.index("inistry", m.end("who3")) - 1
            if self._covered_by_org(ents, ms, m.end()):
                continue
            who_s, who_e = (m.start("who"), m.end("who")) if m["who"] else (m.start("who2"), m.end("who2")) if m["who2"] else (0, 0)
            country = self._country_at(text, ents, who_s, who_e) if who_e else None
            formal = f"{who3} " if before else "", f" of {m['who2']}" if m["who2"] and country else ""
            country = country or before
            kind = (m["kind"] or m["kind2"]).lower()
            if "defen" in kind:
                word = "Defence" if "defence" in kind else "Defense"
                national = "National " if m["kind2"] and m["kind2"].startswith("National") else ""
                base = f"Ministry of {national}{word}" if m["kind2"] else f"{word} Ministry"
            elif "foreign" in kind or "external" in kind:
                base = "Ministry of External Affairs" if "external" in kind else "Foreign Ministry"
            else:
                base = f"{kind.title()} Ministry"
            start = m.start("who") if m["who"] and country else (m.start("kind") if m["kind"] else ms)
            owner = self._owner(text, ents, m.start("who"), m.end("who"), country) if m["who"] and country else None
            if owner:
                start, who = owner
                name = f"{who} {base}"
            elif m["who"] and country:
                name = f"{m['who']} {base}"
            elif any(formal):
                name = f"{formal[0]}Ministry of {m['kind2']}{formal[1]}"
            else:
                name, country = base, country or home
                if m["kind"] and text[m.start("kind"):m.end()].islower() and "defen" in kind:
                    name = f"Ministry of {word}"  # "the defence ministry" says what it is: its name is the formal one
            if m["who"] and not country:
                start = m.start("kind") if m["kind"] else ms
            ent = ents.get_or_add(("organization", f"{base}|{country}"),
                                  lambda: Entity("organization", name, country=country, category="ministry"))
            self._force_mention(ents, ent, Span(start, m.end(), text[start:m.end()]))
        for m in _MOD.finditer(text) if "MoD" in text or "MOD" in text else ():
            self._ministry_by_initials(text, ents, m, home)
        for m in self._embassy.finditer(text) if _has_any(text, _EMBASSY_WORDS) else ():
            country = self._country_at(text, ents, m.start("who"), m.end("who"))
            if not country or m["what"].lower() == "government":
                continue
            name = f"{m['who']} {m['what'].lower()}" + (f" in {m['where']}" if m["where"] else "")
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, country=country, category="government body"))
            self._force_mention(ents, ent, Span(m.start(), m.end("what"), text[m.start():m.end("what")]))
        for m in self._legal.finditer(text):
            name = _last_line(m["name"].strip())
            words = _after_sentence_end(name.split())
            while words and words[0].casefold() in _STOP_OR_SAID:
                words.pop(0)
            if len(words) < 2:
                continue
            owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
            if owner is not None:  # "China's Aviation Industry Corporation": the firm is what follows its owner
                words = words[owner + 1:]
            if len(words) < 2:
                continue
            name = " ".join(words)
            s = m.end("name") - len(name)
            end = m.end("name")
            key = name[:-4] if name.endswith(" Co.") else name  # "Hyundai Rotem Co." is Hyundai Rotem
            if _SHORT_LEGAL.search(name) and name.isupper():
                continue  # a headline in capitals ("RUSSIA SELLS JETS AS ..."), not a firm's legal form
            if all(w.casefold() in _KIT_WORDS for w in words[:-1]) and words[-1] in ("Systems", "Technologies") \
                    or any(w in _TITLE_CASE_GLUE for w in words[1:]) or _TRADE_END.search(name) and (
                        len(words) > 4 or len(words) > 2 and name[:-len(words[-1])].isupper() or any(
                            w.casefold() in _KIT_WORDS or w.casefold() in _NOT_TRADE_BRAND for w in words[:-1])):
                continue  # kit ("Coastal Defence Systems"), a headline ("Request To Purchase Air Defense Systems")
            inner = ents.overlapping(s, end)
            if any(x.kind not in ("country", "location") or (a <= s and b >= end) for a, b, x in inner) \
                    or _COUNTED.search(text, max(0, s - 20), s):
                continue  # "five Aviation Mission Planning Systems", "Positioning Systems/Inertial Navigation Systems"
            # a firm named by its trade takes the country its name holds ("China Shipbuilding", "Russian Helicopters")
            held = next((x.code for _, _, x in inner if x.kind == "country" and x.code), None) \
                if _TRADE_END.search(name) else None
            category = "company" if _civil_firm(text, name, end) else "defence company"
            ent = ents.get_or_add(("organization", key.casefold()),
                                  lambda: Entity("organization", name, country=held, category=category))
            # a town or country in the firm's name ("Osaka Precision Co., Ltd.", "Gulf Marine Services LLC") is
            # no mention of the place
            self._force_mention(ents, ent, Span(s, end, text[s:end]))

        for s0, e0, country in sorted((x for x in ents.spans if x[2].kind == "country" and x[2].code), key=lambda x: x[0]):
            m = _LOWER_SERVICE.match(text, e0)
            if m is None:
                continue
            name = text[s0:m.end()]
            if m["poss"]:  # "Indonesia's air force" is the Indonesian air force
                entry = self.cat.get("country", country.code)
                name = f"{entry.demonyms[0]} {m['what']}" if entry and entry.demonyms else name
            if ents.covered(m.start("what"), m.end()) is not None:
                continue
            category = _LOWER_SERVICE_CATEGORY.get(m["what"], "armed service")
            ent = (category == "armed service" and _listed_service(ents, country.code, m["what"])) or ents.get_or_add(
                ("organization", name.casefold()),
                lambda: Entity("organization", name, country=country.code, category=category))
            self._force_mention(ents, ent, Span(s0, m.end(), name))
            more = _MORE_SERVICES.match(text, m.end()) if m["what"] in ("air force", "navy", "army", "coast guard",
                                                                        "marines") else None
            if more is not None:  # "the Indian army, navy and air force": each service the country's
                who = name[:len(name) - len(m["what"])]
                for w in _ONE_MORE_SERVICE.finditer(text, m.end(), more.end()):
                    other = who + w.group()
                    if ents.covered(w.start(), w.end()) is not None:
                        continue
                    ent = _listed_service(ents, country.code, w.group()) or ents.get_or_add(
                        ("organization", other.casefold()), lambda: Entity(
                            "organization", other, country=country.code, category="armed service"))
                    ents.mention(ent, Span(w.start(), w.end(), w.group()))
        for head_first, m in chain(((False, m) for m in self._institution.finditer(text)),
                                   ((True, m) for m in self._institution_first.finditer(text))):
            raw = m["name"]
            name = _head_line(raw) if head_first else _last_line(raw)
            end = m.start("name") + (raw.find(name) if head_first else raw.rfind(name)) + len(name)
            words = _after_sentence_end(name.split())
            while words and (words[0].casefold() in _STOP_SAID_OR_NOT_INSTITUTION):
                words.pop(0)
            if len(words) < 2 or words[0].islower():
                continue
            name = " ".join(words)
            s, e = end - len(name), end
            people = _PEOPLE_OF.match(text, s)
            if people and e - people.end() > 0:
                s, name = people.end(), text[people.end():e]
                if len(name.split()) < 2:
                    continue
            owner = re.match(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:'s|’s)\s+", name)
            if owner:  # "Kenya's National Intelligence Service": the body is what follows its country
                s += owner.end()
                name = text[s:e]
                if len(name.split()) < 2:
                    continue
            if name.endswith(" Armed"):
                continue  # "the General Staff of the Malian Armed forces": the name runs on in lower case
            if re.search(r"Cent(?:re|er) of Excellence$", name):
                continue  # a site ("the Armoured Vehicle Centre of Excellence"), not a body
            if name.split()[0].endswith("ing"):  # "Creating Missile Competence Center": a sentence's first word
                s += len(name.split()[0]) + 1
                name = text[s:e]
                if len(name.split()) < 2:
                    continue
            if head_first and any(w in _TITLE_CASE_GLUE for w in name.split()[1:] + text[e:e + 40].split()[:3]):
                continue  # a headline in title case ("Office for Export Control Approves Sale To Egypt")
            inner = ents.overlapping(s, e)
            if self._covered_by_org(ents, s, e) or any(
                    x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                continue  # a name the catalogues or a rule already gave, or that holds a person's or a firm's
            head = re.search(rf"(?:{_INSTITUTION_HEADS})", name)
            category = _INSTITUTION_CATEGORY.get(head.group().lower(), "government body") if head else None
            country = next((x.code for _, _, x in inner if x.kind == "country"), None)
            # "the Defense Investments Center", after "the Estonian Defense Investments Center": the same body
            longer = ents.org_ending(name)
            ent = longer or ents.get_or_add(("organization", name.casefold()),
                                            lambda: Entity("organization", name, country=country, category=category))
            self._force_mention(ents, ent, Span(s, e, text[s:e]))

    def _units_and_parties(self, text: str, ents: Entities) -> None:
        """Military units by their number ("No. 6 Squadron", "the 313th Flight Test Squadron") and parties named
        before "party" in lower case ("the Law and Justice party"), past the words that say whose they are
        ("the Greek New Democracy party")."""
        found = [(m.start("name"), m.end("name"), "military unit") for m in _anchored(_UNIT, _UNIT_HEAD, text, 60)]
        for m in _anchored(_PARTY, _PARTY_WORD, text, 60):
            words = list(re.finditer(r"\S+", m["name"]))
            while words and (words[0].group().casefold() in _STOP_FIRST or words[0].group().endswith(("'s", "’s"))
                             or any(x.kind == "country" for _, _, x in ents.overlapping(
                                 m.start("name") + words[0].start(), m.start("name") + words[0].end()))):
                words.pop(0)
            if words and not any(w.group().casefold() in _NOT_PARTY for w in words):
                found.append((m.start("name") + words[0].start(), m.end("name"), "political party"))
        for s, e, category in found:
            if any(x.kind not in ("country", "location") for _, _, x in ents.overlapping(s, e)):
                continue  # a body the catalogues or a rule already named
            name = text[s:e]
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category=category))
            self._force_mention(ents, ent, Span(s, e, name))

    def _named_units(self, text: str, ents: Entities) -> None:
        """Units and commands named by what they are, no number before them ("the Rapid Intervention Battalion",
        "the Philippine Fleet", "RJAF Airlift Wing", "Transport Battalion 99", "Division 308", "the United States
        Indo-Pacific Command"): their name holds a country or a place, initials, a unit's word (`_UNIT_WORDS`) or a
        number after the head; past the words that say whose they are ("the Army's Air Assault Division")."""
        for m in _anchored(_NAMED_UNIT, _NAMED_UNIT_HEAD, text, 120):
            words = list(re.finditer(r"\S+", m["name"]))
            while len(words) > 1 and words[0].group().casefold() in _STOP_OR_NOT_INSTITUTION:
                words.pop(0)  # "The"
            owner = next((i for i, w in enumerate(words[:-1]) if w.group().endswith(("'s", "’s"))), None)
            if owner is not None:  # "the Colombian Army's Air Assault Division": the unit is what follows its owner
                whose = words[owner].group()[:-2]
                if whose.casefold() not in _UNIT_WORDS and not whose.isupper():
                    continue  # a firm's ("Patria's Finland Division")
                words = words[owner + 1:]
            before = [w.group().rstrip("'’") for w in words[:-2 if m["num"] else -1]]
            if not before and not m["num"] or any(w.casefold() in _NOT_UNIT_WORDS for w in before):
                continue
            s, e = m.start("name") + words[0].start(), m.end("name")
            inner = ents.overlapping(s, e)
            if any(a < m.start("head") and b > m.start("head") or a >= m.start("head")
                   or x.kind not in ("country", "location", "organization")
                   or x.kind == "organization" and not text[a:b].isupper() for a, b, x in inner):
                continue  # a catalogued unit, a body whose name runs on past the head, a service ("Pakistan Navy
                # Fleet" is the Pakistan Navy); a body's initials may open a unit's name ("RJAF Airlift Wing")
            if not (m["num"] or inner or any(w.casefold() in _UNIT_WORDS or re.fullmatch(r"[A-Z]{2,6}", w)
                                             for w in before)):
                continue  # "the Smoke Squadron": a nickname, not told by its form
            if self._covered_by_org(ents, s, e):
                continue
            name = text[s:e]
            category = "military unit" if m["head"] != "Command" else "armed service"
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category=category))
            self._force_mention(ents, ent, Span(s, e, name), over=("organization",))

    def _trade_shows(self, text: str, ents: Entities) -> None:
        """Defence trade shows no catalogue holds, told by their form: "the International Defence Industry
        Exhibition", "the Egyptian Defence Exhibition", "the International Defense Industry Fair" (an air show
        stays a place: the name holds a defence word, `_SHOW_WORDS`)."""
        for m in _anchored(_SHOW, _SHOW_HEAD, text, 120):
            words = list(re.finditer(r"\S+", m["name"]))
            while words and (words[0].group().casefold() in _STOP_OR_NOT_INSTITUTION
                             or words[0].group().endswith(("'s", "’s"))):
                words.pop(0)
            if len(words) < 2 or not any(w.group().casefold() in _SHOW_WORDS for w in words) \
                    or any(w.group().casefold() in _NOT_SHOW_WORDS for w in words):
                continue
            s, e = m.start("name") + words[0].start(), m.end("name")
            if any(x.kind not in ("country", "location") for _, _, x in ents.overlapping(s, e)):
                continue  # a catalogued show ("the International Defence Exhibition and Conference")
            name = text[s:e]
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="exhibition"))
            self._force_mention(ents, ent, Span(s, e, name))

    def _governments(self, text: str, ents: Entities) -> None:
        """A government or a presidential office by its title in capitals after its country ("the Hungarian
        Government", "the Brazilian Federal Government", "the South Korean presidential office", "Taiwan's
        presidential office"), or the report's own one by its title alone ("the Federal Government", "(Presidential
        office)"). A government in lower case is left: the gold names "the Hungarian government" one time in five."""
        home = None
        for m in _anchored(_GOVERNMENT, _GOVERNMENT_HEAD, text, 40):
            if ents.covered(m.start("what"), m.end()) is not None:
                continue
            who = re.sub(r"^(?:The|the)[ \t]+", "", m["who"] or "")
            s = m.end("who") - len(who) if who else m.start("what")
            country = next((x.code for a, b, x in ents.overlapping(s, m.end("who")) if x.kind == "country" and x.code
                            and a == s and b == m.end("who")), None) if who else None
            federal = m["what"].startswith("Federal")
            presidential = not m["what"].endswith("Government")
            if who and country is None:
                if not (federal or presidential) or who not in ("The", "the") and not _opens_sentence(who.split()[0]):
                    continue  # "the Government" alone, or a longer name ("the Kenya Defence Forces Government")
                s, who = m.start("what"), ""
            if not who and not federal and not (presidential and m["what"][0] == "P"):
                continue  # a bare "Government", "presidential office" (whose?)
            if not who:
                home = home or self.home_country(ents)
                country = home
            name = text[s:m.end()]
            if self._covered_by_org(ents, s, m.end()):
                continue
            ent = ents.get_or_add(("organization", f"{m['what'].casefold()}|{country}" if not who else name.casefold()),
                                  lambda: Entity("organization", name, country=country, category="government body"))
            self._force_mention(ents, ent, Span(s, m.end(), name))

    def _outlets_by_cue(self, text: str, ents: Entities) -> None:
        """An outlet no catalogue holds, by what is said to it or what it reports: "told CNA on Saturday",
        "according to Dialogo", "Petra reported", "MEED reported in March"; not a person, a country or a body the
        report names otherwise, nor a title's words ("told Rear Admiral Roy Vincent")."""
        for m in _anchored(_OUTLET_CUE, _OUTLET_CUE_ANCHOR, text, 60):
            group = "n" if m["n"] else "b"
            words = list(re.finditer(r"\S+", m[group]))
            while words and words[0].group().casefold() in _STOP_NOT_INSTITUTION_OR_MEANWHILE:
                words.pop(0)
            if not words:
                continue
            s, e = m.start(group) + words[0].start(), m.start(group) + words[-1].end()
            name = text[s:e]
            folded = [w.casefold().strip(".") for w in name.split()]
            if group == "n" and len(folded) == 1 and not name.isupper() and not m[0].startswith(("acc", "Acc")) \
                    and not re.search(r"\bthe[ \t]+$", text[m.start():s]):
                continue  # "the minister told Okafor": one word told something is as likely a person's surname (not
                # "told the Kommersant")
            if len(name) < 3 or any(w in _NOT_CUE_OUTLET or w in self.title_words for w in folded) \
                    or "'" in name or "’" in name \
                    or any(x.kind not in ("country", "location") or a <= s and b >= e for a, b, x in ents.overlapping(s, e)) \
                    or len(folded) > 1 and name.split()[0] in self.forenames:
                continue  # a possessive ("ABC's Insiders"), a title, a name already given, a person's
            # a body the report names in full, by a part of its name or its initials ("The Wall Street Journal" ...
            # "the Journal reported", "BNR radio", "the Department of National Defense" ... "according to the DND")
            lower = name.casefold()
            ent = next((x for x in ents.of_kind("organization") if x.name.casefold() == lower
                        or x.name.casefold().startswith(lower + " ")
                        or x.name.casefold().endswith(" " + lower)
                        or name.isupper() and "".join(w[0] for w in x.name.split() if w[0].isupper()) == name), None) \
                or ents.get_or_add(("organization", lower), lambda: Entity("organization", name, category="news agency"))
            self._force_mention(ents, ent, Span(s, e, name))  # "the Baltic Morning Ledger": no mention of the sea

    def _towns_by_what(self, text: str, ents: Entities) -> None:
        """Towns and islands the catalogue does not hold, told by what they are: "the port of Limassol", "the
        town of Andijan", "the island of Penghu"."""
        for m in _anchored(_TOWN_OF, _TOWN_OF_ANCHOR, text, 0):
            s, e = m.span("name")
            name = re.sub(r"['’]s$", "", m["name"])
            e = s + len(name)
            if ents.overlapping(s, e) or name.split()[0].casefold() in _NOT_INSTITUTION_FIRST:
                continue
            category = "region" if m["what"] in ("island", "state", "province") else "city"
            ent = ents.get_or_add(("location", name.casefold()),
                                  lambda: Entity("location", name, category=category))
            ents.mention(ent, Span(s, e, name))

    def _outlet_names(self, text: str, ents: Entities) -> None:
        """Outlets named by their form: "Satnews Daily", "Iraq Business News", "The Seoul Times", "Ships Monthly";
        not a page's section headings ("Latest News", "World News")."""
        for m in _OUTLET_NAME.finditer(text):
            words = m["name"].split()
            while words and words[0].casefold() in _STOP_OR_NOT_INSTITUTION:
                words.pop(0)
            if len(words) < 2 or any(w.casefold() in _NOT_OUTLET_WORDS for w in words[:-1]):
                continue
            name = " ".join(words)
            s, e = m.end("name") - len(name), m.end("name")
            inner = ents.overlapping(s, e)
            if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                continue  # a catalogue outlet, a firm or a person
            if m["the"] and s == m.start("name") + 4:
                s, name = m.start("name"), text[m.start("name"):e]  # "The Seoul Times": the article is the name's
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="news agency"))
            self._force_mention(ents, ent, Span(s, e, text[s:e]))

    def _bare_bodies(self, text: str, ents: Entities) -> None:
        """A legislature or cabinet named by its bare title ("Congress has to approve it", "Cabinet has chosen",
        "submitted to Parliament"): the body the article already names in full if there is one ("the Turkish
        Parliament"), else the title itself, of the article's country."""
        home = None
        for m in _BARE_BODY.finditer(text):
            before = _NAME_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if ents.covered(m.start(), m.end()) is not None or before and not _opens_sentence(before["w"]):
                continue  # within a name, or the end of one ("Indian National Congress", "Lower House of Parliament")
            word = m.group()
            full = ents.org_with_word(word)
            if full is None:
                home = home or self.home_country(ents)
                # a bare "Congress" is the US Congress unless the report's country has a congress of its own (a US
                # sale told from the buyer's side: "Congress was notified of the F-16 sale to Turkey")
                country = home if word != "Congress" or home in _CONGRESSES else "USA"
                full = ents.get_or_add(("organization", word.casefold()), lambda: Entity(
                    "organization", word, country=country,
                    category="government body" if word == "Cabinet" else "legislature"))
            ents.mention(full, Span(m.start(), m.end(), word))

    def _outlets(self, text: str, ents: Entities) -> None:
        """Outlets by their web address ("uzdaily.com"), by the brackets after a dateline ("BANGKOK, Aug 30 (TNA) —"),
        by a picture credit of one word ("Photo: CNA") and by a source line ("Source: RT", "SOURCE: AAP/PACNEWS"),
        when no catalogue entry or rule names them."""
        found = [m.span("a") for m in _DATELINE_AGENCY.finditer(text)] if "(" in text else []
        if ":" in text:
            found += [m.span("a") for m in for_text(_ONE_WORD_CREDIT, text).finditer(text)
                      if m["a"].casefold().strip(".") not in _NOT_CREDIT_OUTLET | _NOT_DATELINE_WORDS]
        for s, e in found:
            if ents.covered(s, e) is not None:
                continue
            name = text[s:e]
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="news agency"))
            ents.mention(ent, Span(s, e, name))
        if "ource" in text or "OURCE" in text:
            for m in _SOURCE_LINE.finditer(text):
                at = m.start("a")
                for part in _SOURCE_SPLIT.split(m["a"]):
                    s = text.index(part, at) if part else at
                    at = s + len(part)
                    inner = ents.overlapping(s, at) if _SOURCE_PART.fullmatch(part) else None
                    if inner is None or any(x.kind not in ("country", "location") or (a <= s and b >= at)
                                            for a, b, x in inner):
                        continue  # not a name, or one the catalogue or a rule already gives ("Source: Reuters")
                    ent = ents.get_or_add(("organization", part.casefold()),
                                          lambda: Entity("organization", part, category="news agency"))
                    self._force_mention(ents, ent, Span(s, at, part))  # "Tarnow Courier": no mention of the town
        if " X" in text:
            self._x_network(text, ents)
        for m in _OUTLET_DOMAIN.finditer(text):
            if ents.covered(m.start(), m.end()) is not None:
                continue
            name = m["d"]
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="news agency"))
            ents.mention(ent, Span(m.start(), m.end(), name))

    @staticmethod
    def _x_network(text: str, ents: Entities) -> None:
        """The social network X where something is posted or said on it; "(Twitter)" after it is its old name, no
        other platform."""
        if "X" not in text:  # (every match names it: the scan tries every "on" and "via")
            return
        for m in _X_NETWORK.finditer(text):
            if ents.covered(m.start("x"), m.end("x")) is not None:
                continue
            ent = ents.get_or_add(("organization", "x"), lambda: Entity("organization", "X", category="online platform"))
            ents.mention(ent, Span(m.start("x"), m.end("x"), "X"))
            if m["tw"]:
                for span in ents.overlapping(m.start("tw"), m.end("tw")):
                    old = span[2]
                    if old.kind == "organization" and old.name == "Twitter":
                        ents.unmention(span)
                        old.mentions = [x for x in old.mentions if x.start != span[0]]
                        ents.mention(ent, Span(span[0], span[1], "Twitter"))

    def _places(self, text: str, ents: Entities) -> None:
        """Bases, airports, provinces, rivers and palaces named by their form, not in the catalogue."""
        for rx in (_PLACE_TAIL, _PLACE_HEAD_FIRST, _WATER_OF):
            for m in for_text(rx, text).finditer(text):
                words = _after_sentence_end(m["name"].split())
                while words and words[0].casefold() in _STOP_SAID_OR_NOT_INSTITUTION:
                    words.pop(0)
                owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
                if owner is not None:  # "the Bangladesh Army's Rajendrapur Cantonment": the place is what follows
                    words = words[owner + 1:]
                water = m["head"].casefold() in _WATER_HEADS
                if water and m["head"].startswith("Island") and _SEA_AS_ADJECTIVE.match(text, m.end("name")):
                    continue  # "twelve Pacific Island nations": peoples, not a place
                if water:  # a headline's words before it ("Warships Sail Into South China Sea", "the Entire Black
                    # Sea"): the name follows them
                    glue = [i for i, w in enumerate(words[:-1]) if w in _TITLE_CASE_GLUE or w.casefold() in _WATER_WHOLE]
                    words = words[glue[-1] + 1:] if glue else words
                    if words[0].casefold() in _COMPASS_WORDS and len(words) == 2:
                        continue  # "the West Sea ferry": a compass word alone names no sea the catalogue has not
                if len(words) < 2:
                    continue
                name = " ".join(words)
                s, e = m.end("name") - len(name), m.end("name")
                if m["head"] in _LOWER_BASE_HEADS:
                    name = self._base_town(text, ents, s, m.start("head"))
                    if name is None:
                        continue
                    s = m.start("head") - len(name) - 1
                    name = text[s:e]
                    if any(x.kind == "location" and a <= s and b >= m.start("head") - 1 for a, b, x in ents.overlapping(s, e)):
                        continue  # a town the catalogue knows ("the Incirlik air base"): its entity stands
                inner = ents.overlapping(s, e)
                if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                    continue  # a person, a firm, a force, or a place the catalogue knows by this very name
                town = self._town_named_like_water(text, ents, s, e) if m["head"] in ("Bay", "Island") else None
                if town is not None:  # "Byron Bay, New South Wales": a town, of the place named after it
                    water, country, category = False, town or None, "city"
                else:
                    country = None if water else next((x.code or x.country for _, _, x in inner if x.code or x.country), None)
                    category = _PLACE_HEADS[m["head"].casefold()]
                ent = ents.get_or_add(("location", name.casefold()),
                                      lambda: Entity("location", name, country=country, category=category))
                self._force_mention(ents, ent, Span(s, e, text[s:e]))

    @staticmethod
    def _town_named_like_water(text: str, ents: Entities, s: int, e: int) -> str | None:
        """Whether a name ending as a water's does ("Byron Bay", "Coral Island") is a town's: "the town of Byron
        Bay", "Byron Bay residents", "Byron Bay's mayor", or a region the catalogue knows right after
        its comma ("Byron Bay, New South Wales"; not a country: "Hawke Bay, New Zealand" is a water). The country
        of the region after the comma ("" for none), or None for a water."""
        if _TOWN_BEFORE_WATER_NAME.search(text, max(0, s - 30), s) or _TOWN_AFTER_WATER_NAME.match(text, e):
            return ""
        comma = _COMMA_SPACE.match(text, e)
        if comma is None:
            return None
        after = [x for a, _, x in ents.overlapping(comma.end(), comma.end() + 1) if a == comma.end()]
        place = next((x for x in after if x.kind == "location" and x.category == "region"), None)
        return None if place is None else (place.country or "")

    def _numbered_bases(self, text: str, ents: Entities) -> None:
        """A base named by its number ("the 1st Air Base", "the 1st Royal Air Force Base"): a place; a service named
        within it keeps its mention, the place then named by its last word."""
        if "Base" not in text:
            return
        for m in _NUMBERED_BASE.finditer(text):
            s, e = m.span("name")
            name = " ".join(m["name"].split())
            if any(x.kind == "location" for _, _, x in ents.overlapping(s, e)):
                continue
            ent = ents.get_or_add(("location", name.casefold()), lambda: Entity("location", name, category="base"))
            self._place_beside(text, ents, ent, s, e, e - len("Base"))

    def _states(self, text: str, ents: Entities) -> None:
        """A state, county or territory named where something is ("in Benue State", "in Bács-Kiskun County"): a
        region, unless a country, body or person's name is within it ("the US State", "China State")."""
        if not _may_hold(text, ("state", "county", "territory")):
            return
        for m in _STATE_IN.finditer(text):
            s, e = m.span("name")
            if m["name"].split()[0].casefold() in _NOT_STATE_NAME_FIRST \
                    or ents.overlapping(s, e):
                continue
            name = " ".join(m["name"].split())
            ent = ents.get_or_add(("location", name.casefold()), lambda: Entity("location", name, category="region"))
            ents.mention(ent, Span(s, e, text[s:e]))

    def _place_beside(self, text: str, ents: Entities, ent: Entity, s: int, e: int, head: int) -> None:
        """Mention the place over its whole name, or over its last word where a body's name within it stands."""
        if any(x.kind not in ("country", "location") for _, _, x in ents.overlapping(s, e)):
            s = head
        self._force_mention(ents, ent, Span(s, e, text[s:e]))

    @staticmethod
    def _base_town(text: str, ents: Entities, start: int, head: int) -> str | None:
        """The town a lower-case base is named by: the capitalised words before "air base" after those that say
        whose it is (a country's name, demonym or possessive: "the Pakistani air base", "Turkey's Incirlik air
        base"); None when only those are left."""
        words = list(re.finditer(r"\S+", text[start:head]))
        while words:
            w = words[0]
            a, b = start + w.start(), start + w.end()
            if w.group().endswith(("'s", "’s")) or any(x.kind == "country" for _, _, x in ents.overlapping(a, b)):
                words.pop(0)
            else:
                break
        return text[start + words[0].start():head - 1] if words else None

    def _towns(self, text: str, ents: Entities) -> None:
        """Towns the catalogue does not hold, told by the country or region written after them: "in Stavanger,
        Norway", "near Bethesda, Maryland", and a dateline's "KOTA BARU, Aug 24 -" or "ZAGREB, Croatia -"."""
        for rx in (_TOWN_BEFORE_PLACE, _DATELINE_TOWN, _TOWN_NEAR_PLACE):
            for m in (_anchored(rx, _COMMA_CAPITAL, text, 60) if rx is not _TOWN_NEAR_PLACE  # the comma before a place
                      else rx.finditer(text)):
                s, e = m.span("name")
                if ents.covered(s, e) is not None:
                    continue
                country = None
                if m["where"]:
                    found = ents.overlapping(m.start("where"), m.end("where"))
                    ws, we, where = found[0] if found else (0, 0, None)
                    if where is None and not found and _REGION_NAMED.fullmatch(m["where"]) \
                            and not ents.overlapping(s, e):  # "in Makurdi, Benue State": a region the catalogue lacks
                        region = m["where"]
                        where = ents.get_or_add(("location", region.casefold()),
                                                lambda: Entity("location", region, category="region"))
                        ents.mention(where, Span(m.start("where"), m.end("where"), region))
                        ws, we = m.span("where")
                    if where is None or ws != m.start("where") or where.kind not in ("country", "location") or \
                            where.kind == "country" and text[ws:we] not in self.cat.get("country", where.code).names():
                        continue  # "in Smith, Jones and ...", "from Kowal, American officials...": no place after it
                    country = where.code if where.kind == "country" else where.country
                words = m["name"].split()
                if words[0].casefold() in _STOP_OR_NOT_INSTITUTION or any(w.casefold() in _NOT_NAME for w in words):
                    continue
                if m["where"] and (m["where"].endswith(("'s", "’s")) and text.startswith(("to", "via", "visit"), m.start())
                                   or ents.people_ending_with(words[-1])):
                    continue  # "according to Kowal, Japan's ambassador", "visited Kowal, Poland's defence chief", a person's
                    # surname: no town ("at La Moneda, Chile's presidential palace" stays one)
                if rx is _TOWN_NEAR_PLACE and any(w.casefold() in self._title_words() or _INSTITUTION_HEAD.fullmatch(w)
                                                  for w in words):
                    continue  # "in Parliament in London": a body, not a town
                name = m["name"].title() if m["name"].isupper() else m["name"]
                ent = ents.get_or_add(("location", name.casefold()),
                                      lambda: Entity("location", name, country=country, category="city"))
                ents.mention(ent, Span(s, e, m["name"]))

    def _dateline_towns(self, text: str, ents: Entities) -> None:
        """A dateline's town in capitals before a colon ("ATTOCK: Prime Minister ...", "KUWAIT/MILAN: ..."): a place,
        named in title case; a country's own name there is its city too ("SINGAPORE:", "KUWAIT:"), the country
        keeping the mention. Not a page's labels and kickers ("READ MORE:", "OPINION:", "PUBLISHED:")."""
        if _DATELINE_COLON_ANCHOR.search(text) is None:
            return
        for m in _DATELINE_COLON.finditer(text):
            pos = m.start("names")
            for piece in m["names"].split("/"):
                s, e = pos, pos + len(piece)
                pos = e + 1
                words = piece.split()
                if any(w.strip(".'’-").casefold() in _NOT_DATELINE_WORDS for w in words):
                    break  # the whole line is a label
                name = piece.title()
                found = ents.overlapping(s, e)
                if found:
                    a, b, x = found[0]
                    entry = self.cat.get("country", x.code) if x.kind == "country" and x.code else None
                    if len(found) == 1 and (a, b) == (s, e) and entry is not None and entry.name.casefold() == piece.casefold():
                        ents.get_or_add(("location", entry.name.casefold()), lambda: Entity(
                            "location", entry.name, country=entry.id, category="city")).add(Span(s, e, piece))
                    continue  # a city, a country, a body or a thing the article already names there
                if len(piece) < 3 or any(w.casefold() in self._title_words() for w in words):
                    continue  # "NAVY:", "DEFENCE MINISTRY:": a body's words, not a town's
                ent = ents.get_or_add(("location", name.casefold()),
                                      lambda: Entity("location", name, category="city"))
                ents.mention(ent, Span(s, e, piece))

    @staticmethod
    def _parts_of_regions(text: str, ents: Entities) -> None:
        """A continent, ocean or sea after a compass word is the part named ("northern Africa", "sub-Saharan
        Africa", "the eastern Pacific", "the North Atlantic"): a place of its own, named as written; the whole
        stays where it is named apart."""
        for loc in ents.of_kind("location"):
            if loc.category not in ("region-multi", "sea"):
                continue
            for mm in list(loc.mentions):
                m = _COMPASS_BEFORE.search(text, max(0, mm.start - 16), mm.start)
                if m is None or ents.covered(m.start(), m.end()) is not None:
                    continue
                s = m.start()
                name = text[s:mm.end]
                part = ents.get_or_add(("location", name.casefold()),
                                       lambda: Entity("location", name, category=loc.category))
                loc.mentions = [x for x in loc.mentions if x is not mm]
                ents.unmention((mm.start, mm.end, loc))
                ents.mention(part, Span(s, mm.end, name))

    def _seas_named_together(self, text: str, ents: Entities) -> None:
        """Seas or oceans named together under one plural head ("the East and South China Seas", "the Black and
        Caspian seas"): each one the catalogue knows, the first by its word and the rest of the second's name
        ("East" + "China Sea"), or by its word and the head ("Black" + "Sea")."""
        if " and " not in text or not ("seas" in text or "Seas" in text or "ceans" in text) \
                or not _SEAS_HEAD.search(text):  # (the letters first: the expression stops at every s and o)
            return
        if self._sea_names is None:
            self._sea_names = {n.casefold(): e for e in self.cat.of_kind("location").values() for n in e.names()}
        for m in _SEAS_TOGETHER.finditer(text):
            head = m["head"][:-1].capitalize()
            rest = m["second"].split()[1:]
            for word, s, e, forms in ((m["first"], m.start("first"), m.end("first"),
                                       [" ".join([m["first"], *rest, head]), f"{m['first']} {head}"]),
                                      (m["second"], m.start("second"), m.end("head"), [f"{m['second']} {head}"])):
                entry = next((self._sea_names[f.casefold()] for f in forms if f.casefold() in self._sea_names), None)
                if entry is not None:
                    ent = ents.get_or_add(("location", entry.id), lambda: self._entity_from(entry))
                    self._force_mention(ents, ent, Span(s, e, text[s:e]))

    def _owner(self, text: str, ents: Entities, start: int, end: int, code: str) -> tuple[int, str] | None:
        """Where the country's mention in a body's owner words starts, and how the body's name writes it: as
        written ("Indian", "US"), by its demonym for a possessive ("Cambodia's" -> "Cambodian"), without the
        words before it ("On Wednesday Cambodia's ...", "The Indian ...")."""
        for s, e, x in ents.overlapping(start, end):
            if x.kind == "country" and x.code == code and s >= start and re.fullmatch(r"(?:['’]s)?", text[e:end]):
                written = text[s:e]
                if re.match(r"['’]s\b", text[e:e + 3]):
                    entry = self.cat.get("country", code)
                    written = entry.demonyms[0] if entry and entry.demonyms else written
                return s, written
        return None

    @staticmethod
    def _parent_word_as_subsidiary(ents: Entities) -> None:
        """A group's bare word after one of its firms is named in full is that firm: "Hanwha said" after "Hanwha
        Aerospace" is Hanwha Aerospace, not the Hanwha group the catalogue knows by the bare word (a firm of the
        group's own country: "Hanwha Defense Australia" is not what "Hanwha" names)."""
        orgs = ents.of_kind("organization")
        for parent in orgs:
            words = {re.sub(r"['’]s$", "", mm.text) for mm in parent.mentions}
            if len(words) != 1 or " " in (word := words.pop()) or word == parent.name:
                continue
            child = next((x for x in orgs if x is not parent and x.mentions and x.country == parent.country
                          and any(mm.text.startswith(word + " ") for mm in x.mentions)), None)  # not a foreign arm
            if child is None:
                continue
            ents.absorb(parent, child)

    @staticmethod
    def _acronym_in_brackets(text: str, ents: Entities) -> None:
        """An acronym in brackets after a body's name is that body ("the Ministry of Defence (MoD)"), not another
        one the catalogue knows by the same letters (the British MoD), when its capitals are the initials of the
        name and the other body is named nowhere else in the article."""
        for org in ents.of_kind("organization"):
            for mm in list(org.mentions):
                if text[mm.end:mm.end + 2] != " (":
                    continue
                after = [x for x in ents.starting(mm.end + 2, mm.end + 3)
                         if x[2] is not org and x[2].kind == "organization" and text[x[1]:x[1] + 1] in (")", ",")]
                if not after:
                    continue
                a, b, other = after[0]
                acronym = text[a:b]
                capitals = [c for c in acronym if c.isupper()]
                # (a show's acronym ends with the X of its "Exhibition" or "Expo": "the Egyptian Defence Exhibition (EDEX)")
                initials = iter([w[0].upper() for w in mm.text.split()] + (["X"] if org.category == "exhibition" else []))
                if len(capitals) < 2 or not all(c in initials for c in capitals) \
                        or any(x.text != acronym for x in other.mentions):
                    continue
                ents.absorb(other, org)

    def _bodies_by_acronym(self, text: str, ents: Entities) -> None:
        """A body the catalogue does not hold, named by the capitalised words its acronym in brackets spells
        ("Kestrel Tactical Solutions (KTS)", "the Centre for Strategic Studies (CSS)"), and its acronym later;
        not a document, a programme, an office or a kind of kit ("Memorandum of Understanding (MoU)", "Prime
        Minister (PM)", "Offshore Patrol Vessel (OPV)"), nor a class of firms ("Public Sector Undertakings (PSUs)")."""
        if " (" not in text:
            return
        for m in _ABBR_AFTER.finditer(text):
            abbr = m["abbr"]
            capitals = [c for c in abbr if c.isupper()]
            if len(capitals) < 2 or abbr.endswith("s") or ents.covered(m.start("abbr"), m.end("abbr")) is not None:
                continue
            capitalised = [w for w in re.finditer(r"\S+", m["name"]) if w.group()[0].isupper()]
            tail = capitalised[-len(capitals):] if len(capitalised) >= len(capitals) else []
            if [w.group()[0] for w in tail] != capitals:
                continue  # the capitals are not the initials of the name's last words
            s, e = m.start("name") + tail[0].start(), m.end("name")
            name = text[s:e]
            words = [w.casefold().strip(".,'’") for w in name.split()]
            if (any(w in _NOT_BODY_WORDS for w in words) or words[-1] in _NOT_BODY_LAST) and not _BODY_HEADED.fullmatch(name):
                continue
            inner = ents.overlapping(s, e)
            if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                continue  # a name the catalogue or a rule gave
            ent = ents.get_or_add(("organization", name.casefold()), lambda: Entity("organization", name))
            self._force_mention(ents, ent, Span(s, e, name))
            ents.mention(ent, Span(m.start("abbr"), m.end("abbr"), abbr))
            for later in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text[m.end():]):
                a = m.end() + later.start()
                if ents.covered(a, a + len(abbr)) is None:
                    ents.mention(ent, Span(a, a + len(abbr), abbr))

    def _kingdoms_services(self, text: str, ents: Entities) -> None:
        """"Royal Air Force" and "Royal Navy", written bare, are the UK's in the catalogue, and the names a dozen
        kingdoms give their own services. A bare one is another country's where that country is named right before
        it ("the Brunei Royal Air Force", "Thailand's Royal Navy"), or where the report names one other kingdom's
        royal service ("the Royal Moroccan Armed Forces", "the Royal Jordanian Air Force") and the UK nowhere: it is
        that kingdom's (its service of that name where the report names one: "Royal Jordanian Air Force")."""
        shared = [e for e in ents.of_kind("organization") if e.country == "GBR" and e.name in _SHARED_ROYAL]
        if not shared:
            return
        services = [e for e in ents.of_kind("organization") if e.category == "armed service" and e.country
                    and e.country != "GBR" and e.name.split()[0] == "Royal"]
        kingdoms = {e.country for e in services}
        uk_named = any(x.kind == "country" and x.code == "GBR" for _, _, x in ents.spans)
        for ent in shared:
            for mm in list(ent.mentions):
                if mm.text not in _SHARED_ROYAL:
                    continue  # "UK Royal Navy", "RAF"
                before = [(s, e, x.code) for s, e, x in ents.overlapping(max(0, mm.start - 40), mm.start)
                          if x.kind == "country" and x.code and text[e:mm.start] in (" ", "'s ", "’s ")]
                if before:
                    s, e, country = before[-1]
                    if country == "GBR":
                        continue
                    # "the Brunei Royal Air Force" is its name; "Thailand's Royal Navy" is the Royal Navy of Thailand
                    start, name = (s, text[s:mm.end]) if e == mm.start - 1 else (mm.start, mm.text)
                elif len(kingdoms) == 1 and not uk_named:
                    country = next(iter(kingdoms))
                    start, name = mm.start, mm.text
                else:
                    continue
                own = next((e for e in services if e.country == country and e.name.endswith(mm.text[len("Royal"):])),
                           None)
                new = own or ents.get_or_add(("organization", f"{name.casefold()}|{country}"), lambda: Entity(
                    "organization", name, country=country, category="armed service"))
                ent.mentions = [x for x in ent.mentions if x is not mm]
                ents.unmention((mm.start, mm.end, ent))
                if ents.at.get(mm.start) is ent:
                    del ents.at[mm.start]
                self._force_mention(ents, new, Span(start, mm.end, text[start:mm.end]))

    def _covered_by_org(self, ents: Entities, start: int, end: int) -> bool:
        near = ents.overlapping(min(start, end - 1) - 1, max(end, start + 1))  # every span either test can take
        return any(ent.kind == "organization" and s <= start and e >= end - 1 for s, e, ent in near) or \
            any(ent.kind == "organization" and s < end and start < e and (e - s) >= (end - start)
                for s, e, ent in near)

    def _force_mention(self, ents: Entities, ent: Entity, span: Span, over: tuple[str, ...] = ()) -> None:
        """A rule-made name that contains a country or place mention ("Indian Air Force") replaces it; a country
        stays named there (the record lists it among its mentions), a place does not ("Chengdu Aircraft
        Industrial Company" is no mention of the city). `over`: other kinds it replaces ("person": a ship named
        after one)."""
        inner = ents.overlapping(span.start, span.end)
        if any(x.kind not in ("country", "location", *over) for _, _, x in inner):
            return
        for s, e, x in inner:
            if x.kind != "country":
                x.mentions = [mm for mm in x.mentions if not (mm.start == s and mm.end == e)]
            ents.unmention((s, e, x))
        ents.mention(ent, span)

    def _bodies_by_noun(self, text: str, ents: Entities) -> None:
        """A body no catalogue holds, told by the noun that says what it is right before its name: "the German
        company MTU", "the Italian shipbuilder Fiancateri", "the investigative website Disclose", "the think tank
        CAST", "the terror group Al Shabaab". Looked for after the catalogue's and the rules' names: one that
        holds a body's or a person's name is theirs; a country's or a place's within it is no mention of them
        ("the local firm Kazakhstan Engineering")."""
        if not _may_hold(text, _BODY_NOUN_WORDS):
            return
        for m in chain(_BODY_BY_NOUN.finditer(text), _BODY_BEFORE_NOUN.finditer(text)):
            words = m["name"].split()
            s = m.start("name")
            if m.re is _BODY_BEFORE_NOUN:  # the name before its comma: not a sentence's opening word, nor its owner
                if _SAID_AFTER_NOUN.match(text, m.end("noun")):
                    continue  # "Putin, the broadcaster said, ...": who said it
                while words and (words[0].casefold() in _OPENING_OR_STOP or words[0].endswith(("'s", "’s"))):
                    s += len(words.pop(0)) + 1
                if words and (words[-1] in self.surname_people or ents.people_ending_with(words[-1])):
                    continue  # a known person's surname ("Shoigu, the website ...")
                if words and m["noun"].casefold() in _TRADE_NOUNS and _person_like(words) and (
                        len(words) == 1 or words[0] in self.forenames or _trade_alone(text, m)):
                    continue  # "Ann Kowal, a supplier of parts": a person may ply the trade; "the sensor maker",
                    # "AIM Defence, an Australian maker of lasers" and "WKK, a maker of fuselages" are firms
            while words and (words[-1].casefold() in _STOP_OR_NOT_INSTITUTION or words[-1] in _TITLE_CASE_GLUE):
                words.pop()
            if not words:
                continue
            name = " ".join(words)
            e = s + len(name)
            inner = ents.overlapping(s, e)
            if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner):
                continue  # a catalogue body, a person, or a country's or place's whole name ("the firm Boeing")
            noun = m["noun"].casefold()
            category = "news agency" if noun in _OUTLET_NOUNS else "research institute" if "tank" in noun else "company"
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category=category))
            self._force_mention(ents, ent, Span(s, e, name))

    def _makers_by_verb(self, text: str, ents: Entities) -> None:
        """A firm no catalogue holds, told by what it did to the kit: "the howitzers, built by Kestrel Works,",
        "a radar made by Orvane Electronics and ...", "developed by Nordfelt Dynamics". The name ends where the
        clause goes on (a comma, "and", "for", ...); not a country's, a place's or a known body's name, nor a name
        a person may have ("built by Ann Kowal")."""
        if " by " not in text:
            return
        for m in for_text(_MAKER_BY, text).finditer(text):
            words = m["name"].split()
            while words and (words[-1].casefold() in _STOP_OR_NOT_INSTITUTION or words[-1] in _TITLE_CASE_GLUE):
                words.pop()
            if not words or _person_like(words) and words[0] in self.forenames:
                continue
            name = " ".join(words)
            s = m.start("name")
            e = s + len(name)
            inner = ents.overlapping(s, e)
            if any(x.kind not in ("country", "location") or (a <= s and b >= e) for a, b, x in inner) \
                    or words[0].endswith(("'s", "’s")):
                continue
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="defence company"))
            self._force_mention(ents, ent, Span(s, e, name))

    def _firms_by_role(self, text: str, ents: Entities) -> None:
        """A firm no catalogue holds, told by its head's title or by what was bought from it: "Jan Novak, chief
        executive of Brandova, said", "Brandova CEO Jan Novak", "the army ordered 200 rifles from Vektorix under a
        deal". Not a country's, a place's, a person's or a known body's name, nor one a person may have, a title
        ("from President Ruto") or a people's ("bought from Korean yards")."""
        if not any(w in text for w in _FIRM_ROLE_WORDS):
            return
        for m in (_FIRM_BY_ROLE if _NAME_LED_WORDS.search(text) else _FIRM_BY_ROLE_WORD_LED).finditer(text):
            key = next(k for k, v in m.groupdict().items() if v)
            words = m[key].split()
            s = m.start(key)
            if key in ("name3", "name5"):
                while words and (words[0].casefold() in _OPENING_OR_STOP or words[0].casefold() in _MONTHS_DAYS
                                 or words[0].endswith(("'s", "’s")) and len(words) > 1):
                    s += len(words.pop(0)) + 1
                if words and words[-1].endswith(("'s", "’s")):  # "Talvion's chief executive"
                    words[-1] = words[-1][:-2]
            for i, w in enumerate(words):  # "ordered the jets from Saab. Delivery ...": the sentence's stop ends it
                if w.endswith(".") and not _LEGAL_END.search(w):
                    words = [*words[:i], w[:-1]]
                    break
            while words and (words[-1].casefold() in _STOP_OR_NOT_INSTITUTION or words[-1] in _TITLE_CASE_GLUE):
                words.pop()
            if not words or words[0].casefold().rstrip(".") in _NOT_FIRM_FIRST \
                    or words[0].casefold().rstrip(".") in _RANK_WORDS_LOWER or words[0].casefold() in self._place_words \
                    or _person_like(words) and words[0] in self.forenames or words[0].endswith(("'s", "’s")):
                continue
            name = " ".join(words)
            e = s + len(name)
            if ents.overlapping(s, e):
                continue
            ent = ents.get_or_add(("organization", name.casefold()),
                                  lambda: Entity("organization", name, category="defence company"))
            self._force_mention(ents, ent, Span(s, e, name))

    @staticmethod
    def _seats_as_places(text: str, ents: Entities) -> None:
        """A seat of government named as the place one goes to or meets at ("talks with Putin at the Kremlin",
        "may visit the White House") is a place there, the body elsewhere ("the Kremlin said")."""
        for org in ents.of_kind("organization"):
            if org.name not in _SEATS:
                continue
            there = [mm for mm in org.mentions if _AT_SEAT_BEFORE.search(text, max(0, mm.start - 30), mm.start)]
            if not there:
                continue
            name = org.name
            place = ents.get_or_add(("location", name.casefold()),
                                    lambda: Entity("location", name, country=org.country, category="venue"))
            for mm in there:
                org.mentions = [x for x in org.mentions if x is not mm]
                ents.unmention((mm.start, mm.end, org))
                ents.mention(place, mm)

    def _speakers(self, text: str, ents: Entities) -> None:
        """A name told by what only a person does right after it: "Ann Kowal said", "Ann Kowal wrote on Twitter",
        "..., Ann Kowal added". Looked for after the bodies, places and outlets are found: a name that holds one of
        theirs ("Naval Group said", "La Tribune noted") or a title or body word ("Minister Kowal said") is none."""
        if not _may_hold(text, _SPEECH_WORDS):
            return
        vocab = self._title_words()
        for m in chain(_SPEAKER.finditer(text), for_text(_SPEAKER_AFTER, text).finditer(text)):
            s, e = m.span("name")
            words = m["name"].split()
            opened = len(words) > 2 and words[0].casefold() in _OPENING_ADVERBS
            if opened:  # "Earlier Ann Kowal said": the name after the adverb
                s = text.index(words[1], s + len(words[0]))
                m = _Offset(re.match(r".+", text[s:e]), s)
                words = words[1:]
            if words[0].casefold() in _NOT_SPEAKER_FIRST or any(w.casefold() in vocab for w in words if w[:1].isupper()):
                continue
            if not opened and re.search(r"[A-Z][\w'’.-]*[ \t]$", text[max(0, s - 40):s]):
                continue  # the end of longer capitalised words ("Chief of Staff Ann Kowal said" is found by its title)
            if any(x.kind != "person" or not (a <= s and b >= e) for a, b, x in ents.overlapping(s, e)):
                continue  # a body's, place's or country's name, or a person's run on into other words
            if ents.covered(s, e) is not None or _HONORIFIC_FIRST.match(m["name"]):
                continue  # a person already found here; "Mr Kowal said" is one named in full before
            if any(m["name"] in p.name for p in ents.of_kind("person")):
                continue  # "Ann Kowal said" after "Ann Kowal Nowak": part of a name found in full
            self._add_person(text, ents, _Offset(re.match(r".+", m["name"]), s), None, None)

    def _towns_after_in(self, text: str, ents: Entities) -> None:
        """A town no catalogue holds, told by the preposition before it and where its clause goes on: "crashed in
        Liboi on April 5", "held talks in Nadi.", "the base in Kant, where". Looked for last, when every name the
        report's bodies, people and places have is found: one word that none of them covers, no month, language or
        title or body word, is a place."""
        vocab = self._title_words()
        for m in _IN_TOWN.finditer(text):
            s, e = m.span("name")
            words = re.split(r"[\s-]", m["name"])
            if any(w.casefold() in vocab or w.casefold() in _NOT_TOWN for w in words) or ents.overlapping(s, e):
                continue
            name = m["name"]
            ent = ents.get_or_add(("location", name.casefold()), lambda: Entity("location", name, category="city"))
            ents.mention(ent, Span(s, e, name))

    def _surnames(self, text: str, ents: Entities) -> None:
        for p in list(ents.of_kind("person")):
            parts = [w for w in p.name.split() if w.casefold().rstrip(".") not in _COMMON_SURNAMES - {"singh", "khan"}]
            if len(parts) < 2:
                continue
            surname = parts[-1]
            if len(surname) < 3:
                continue
            for start, end in _words_spans((surname, surname.upper()), text):
                if ents.covered(start, end) is None:
                    other = self._other_forename(text, ents, start, p.name)
                    if other and p.catalogue_id:
                        self._namesake(text, ents, other[0], end)
                    else:
                        ents.mention(p, Span(start, end, text[start:end]))
        if self._surname_re is None:
            return
        for m in for_text(self._surname_re, text).finditer(text):
            if ents.covered(m.start(), m.end()) is not None:
                continue
            entry = self.surname_people[m.group()]
            other = self._other_forename(text, ents, m.start(), entry.name)
            if other:
                self._namesake(text, ents, other[0], m.end())
                continue
            ent = ents.get_or_add(("person", _person_key(entry.name)), lambda: self._entity_from(entry))
            ents.mention(ent, Span(m.start(), m.end(), m.group()))

    def _other_forename(self, text: str, ents: Entities, start: int, name: str) -> tuple[int, str] | None:
        """The forename other than the person's that stands right before their surname, if one does ("his daughter
        Sumeyye Erdogan" beside Tayyip Erdogan, "Giorgos Tsipras" beside Alexis Tsipras), and where it begins: a
        capitalised word that is none of the person's names nor like one ("Mohammad" for Muhammad), no title, rank or
        honorific ("President", "Minister", "Gen", "Mr"), no word that opens a sentence ("But", "When") and nothing
        else found ("Greece Tsipras" in a line of keywords) names someone else of that surname."""
        m = _FORENAME_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            return None
        word = m["word"]
        folded = word.casefold()
        if folded in _NOT_FORENAME or folded in _NOT_NAME or folded in self.title_words \
                or ents.covered(m.start("word"), m.end("word")):
            return None  # (nor a body's word: "... Air Defense Systems Zelensky" in a headline)
        if any(difflib.SequenceMatcher(None, folded, w.casefold()).ratio() >= 0.7 for w in name.split()):
            return None
        return m.start("word"), word

    @staticmethod
    def _namesake(text: str, ents: Entities, start: int, end: int) -> None:
        """Another person of a known person's surname, by the forename and surname written ("Sumeyye Erdogan")."""
        name = text[start:end]
        ent = ents.get_or_add(("person", _person_key(name)), lambda: Entity("person", name))
        ents.mention(ent, Span(start, end, name))

    @staticmethod
    def _same_person_spelt_twice(ents: Entities) -> None:
        """One person written two ways in a report ("Qamar Javaid Bajwa" and "Qamar Javed Bajwa", "Rashid Mahmood
        Shaikh" and "Rashid Mahmood Sheikh"): names of as many words, the first word the same and the letters
        alike all but a vowel or two, are one person, under the catalogue's entry if one of them is."""
        alike: dict[tuple, list[Entity]] = {}  # people by what must be the same: no pass over every pair
        for later in ents.of_kind("person"):
            words = later.name.split()
            if len(words) < 2:
                continue
            seen = alike.setdefault((len(words), words[0].casefold(), words[-1][:1].casefold()), [])
            for earlier in seen:
                a, b = _person_key(later.name), _person_key(earlier.name)
                if earlier.mentions and a != b and difflib.SequenceMatcher(None, a, b).ratio() >= 0.88:
                    keep, drop = (later, earlier) if later.catalogue_id and not earlier.catalogue_id else (earlier, later)
                    ents.absorb(drop, keep)
                    seen[seen.index(earlier)] = keep  # a third spelling is then compared with the one kept
                    break
            else:
                seen.append(later)

    def _designations(self, text: str, ents: Entities) -> None:
        if "/" in text and _DIGIT_SLASH.search(text):
            for m in SLASH_VARIANTS.finditer(text):
                self._slash_variants(m, ents)
        self._maker_types(text, ents)
        for m in for_text(VARIANT, text).finditer(text):
            if ents.covered(m.start(), m.end()) is not None:
                continue
            family = self._variant_family(m["d"])
            if family is not None:
                self._new_platform(ents, m["d"], Span(m.start(), m.end("d"), m["d"]), family)
        for m in for_text(self._designation, text).finditer(text):
            if ents.covered(m.start(), m.end()) is not None:
                continue
            if " " in m["d"] and not m["d"].startswith(("Type", "Project")) \
                    and not _NOUN_NEXT.match(text, m.end(), m.end() + 40):
                continue  # "OPV 58S patrol vessels": letters and a number apart only right before the noun
            if not WEAPON_NOUN_AFTER.match(text, m.end(), m.end() + 40):
                continue
            d = m["d"]
            if re.match(r"(?:COVID|G|MH|P|I|A)-?\d+$", d) and not re.match(r"(?:P|A)-\d{2,}", d):
                continue
            if re.fullmatch(r"[A-Z]{1,4}\d{1,4}", d) and not re.search(r"[A-Z]{2}|\d{2}", d) and (
                    not _SHORT_TYPE_NOUN.match(text, m.end())
                    or any(x.kind == "platform" for _, _, x in ents.overlapping(m.start() - 2, m.start() - 1))):
                continue  # "B2", "F5" unhyphenated: too short to trust, but right before a weapon's own noun ("K7
                # tanks", "K9 self-propelled howitzers"), not after a type's designation ("Mi-17 V5 helicopters")
            entry = self._platform_alnum.get(alnum(d))
            if entry is not None:  # "K-9" is the catalogue's K9, "F16" its F-16
                ent = ents.get_or_add(("platform", entry.id), lambda: self._entity_from(entry))
                ents.mention(ent, Span(m.start(), m.end(), d))
                continue
            self._new_platform(ents, d, Span(m.start(), m.end(), d), self._family(d))
        if "-" in text:
            self._bare_designations(text, ents)
        self._maker_names(text, ents)
        for m in self._ship_class.finditer(text) if "lass" in text else ():
            start = m.start("d")
            while ents.covered(start, m.end("d")) is not None \
                    or re.split(r"[\s-]", text[start:m.end("d")])[0].casefold() in _NOT_TYPE_NAME:
                nxt = re.search(r"[\s-]", text[start:m.end("d")])  # "Japanese Mogami-class": the class is Mogami's
                if nxt is None:
                    break
                start += nxt.end()
            else:
                name = text[start:m.end("d")]
                if ents.covered(start, m.end()) is None:
                    # keyed by the bare name: "Mogami-class frigates" and "the Mogami frigate" are one
                    ent = ents.get_or_add(("platform", name.casefold()), lambda: Entity(
                        "platform", name + " class", category="warship", extra={"maker": None, "parent": None}))
                    ents.mention(ent, Span(start, m.end(), text[start:m.end()]))
        for m in self._ship_name.finditer(text):
            words = m["d"].split()
            while words[-1] in _TITLE_CASE_GLUE or words[-1].islower():
                words.pop()  # "BRP Gregorio del Pilar And ...", "BRP Ramon Alcaraz de": the name stops before
            name = " ".join(words)
            span = Span(m.start(), m.start() + len(name), name)
            if re.search(r"\b(?:at|through|near)\s+(?:the\s+)?$", text[max(0, m.start() - 14):m.start()]):
                continue  # "rotate submarines through HMAS Stirling": a naval base, commissioned like a ship
            if len(words) < 2 or any(x.kind not in ("country", "location", "person")
                                     for _, _, x in ents.overlapping(span.start, span.end)):
                continue  # a catalogue platform ("INS Tushil") stands; a place or person in the name does not
            # keyed by its letters: "RNOV Al Seeb" and "RNOV Al-Seeb" are one ship
            ent = ents.get_or_add(("platform", "ship:" + alnum(name)), lambda: Entity(
                "platform", name, category="warship", extra={"maker": None, "parent": None, "ship_name": True}))
            # "HMAS Melbourne" is a ship, not the city; "ENS Gamal Abdel Nasser" a ship, not the president
            self._force_mention(ents, ent, span, over=("person",))
        self._ships_by_name(text, ents)
        for m in SHIP_NAMED.finditer(text) if _has_any(text, _GIVEN_WORDS) and _GIVEN_NAME.search(text) else ():
            name = m["d"]
            inner = [x.kind for _, _, x in ents.overlapping(m.start("d"), m.end("d"))]
            if any(k not in ("country", "location", "person") for k in inner):
                continue  # a catalogue name stands; a place the ship is named after does not
            ent = ents.get_or_add(("platform", "ship:" + alnum(name)), lambda: Entity(
                "platform", name, category="warship", extra={"maker": None, "parent": None, "ship_name": True}))
            if "person" in inner:  # "the ship, named Gamal Abdel Nasser after ...": the ship's name, and the man's
                ent.add(Span(m.start("d"), m.end("d"), name))
            else:
                self._force_mention(ents, ent, Span(m.start("d"), m.end("d"), name))
        self._ship_named_people(text, ents)
        for m in for_text(self._named_type, text).finditer(text):
            d = m["d"]
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\"'“‘")
            if not before or before[-1] in ".!?:\n" or self._not_a_name(d) \
                    or ents.covered(m.start("d"), m.end("d")) is not None:
                continue  # a sentence's first word is capitalised whatever it is
            if before[-1].isalnum() and any(x.kind == "platform" for _, _, x in
                                            ents.overlapping(m.start() - 2, m.start() - 1)):
                continue  # "JF-17 Thunder fighters": the name of the type just named
            if m["head"][:1].isupper() and (d.endswith("ing") and d.casefold() not in _ING_NAMES
                                            or (d.endswith("s") or d.casefold() in _HEADLINE_VERBS)
                                            and _TITLE_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())):
                continue  # a headline's verb in title case: "Korea Signs Missile System Deal", "by Creating Missile ..."
            if d.isupper() and self._body_acronym(text, ents, d):
                continue  # "the LAPD helicopters": the body's own, no type
            head = m["head"].lower()
            category = next((c for h, c in _NAMED_HEAD_CATEGORY if head.startswith(h)), None)
            self._new_platform(ents, d, Span(m.start("d"), m.end("d"), d), None, category=category)
        for m in self._acronym_platform.finditer(text) if "(" in text else ():
            if ents.covered(m.start("abbr"), m.end("abbr")) is not None or ents.covered(m.start("name"), m.end("name")):
                continue
            head = m["head"].lower().rstrip("s")
            category = _HEAD_CATEGORY.get(head)
            abbr = m["abbr"]
            ent = ents.get_or_add(("platform", abbr.casefold()),
                                  lambda: Entity("platform", abbr, code=None, category=category, extra={"long_name": m["name"]}))
            ents.mention(ent, Span(m.start("name"), m.end("name"), m["name"]))
            ents.mention(ent, Span(m.start("abbr"), m.end("abbr"), abbr))
            for later in re.finditer(rf"\b{re.escape(abbr)}\b", text[m.end():]):
                s = m.end() + later.start()
                if ents.covered(s, s + len(abbr)) is None:
                    ents.mention(ent, Span(s, s + len(abbr), abbr))

    def _bare_designations(self, text: str, ents: Entities) -> None:
        """A designation with a hyphen (`BARE_DESIGNATION`) that no noun follows ("six Mi-17 and two Mi-35", "FA-50
        contracts", "weighing Norway's NASAMS, Germany's IRIS-T") is a type all the same: what the catalogue knows
        by it, else a new platform of the family it extends, if any. Not a summit, a flight, a disease or a year
        (`_NOT_BARE`), nor a hull number in brackets after a ship's name."""
        for m in for_text(BARE_DESIGNATION, text).finditer(text):
            d = m["d"]
            if d.endswith("s") and (d[-2].isdigit() or d[-2].isupper()):
                d = d[:-1]  # "F-35s", "C-130Js": the plural
            if _NOT_BARE.match(d) or ents.covered(m.start(), m.start() + len(d)) is not None \
                    or _HULL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue
            short = _WRITTEN_OUT.match(text, m.end())
            if short is not None and any(x.kind == "platform" for _, _, x in ents.overlapping(short.end(), short.end() + 1)):
                continue  # "L-39 Next Generation (L-39NG)": the type the brackets name
            span = Span(m.start(), m.start() + len(d), d)
            entry = self._platform_alnum.get(alnum(d))
            if entry is not None:
                ent = ents.get_or_add(("platform", entry.id), lambda: self._entity_from(entry))
                ents.mention(ent, span)
                continue
            lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - _CUE_REACH)  # its line ("U.S.", "Gen." within)
            hi = min(len(text) if (n := text.find("\n", m.end())) < 0 else n, m.end() + _CUE_REACH)
            if not _DEFENCE_CUE.search(text, lo, hi):
                continue  # no word of arms near it: a product, a flight, a road, a bill
            self._new_platform(ents, d, span, self._variant_family(d) or self._family(d))

    def _ships_by_name(self, text: str, ents: Entities) -> None:
        """Ships named right after their noun ("the frigates Sevastopol and Vladivostok"), or as the first, second,
        ... of a sentence about ships ("The first boat, the Riachuelo, ...")."""
        found = [m for m in SHIPS_AFTER_NOUN.finditer(text) if text[m.start()].islower()]
        for m in SHIP_ORDINAL.finditer(text):
            sent_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
            if _SHIP_NOUN_IN.search(text, sent_start + 1, m.end() + 200):
                found.append(m)
        for m in found:
            base = m.start("names")
            names = re.sub(r"\([^)]*\)", lambda b: " " * len(b.group()), m["names"])  # "(Bottom)": a caption's aside
            for n in _ONE_SHIP_NAME.finditer(names):
                name, s, e = n["d"], base + n.start("d"), base + n.end("d")
                words = name.split()
                if any(w.casefold() in _NOT_SHIP_NAME or (w.isalpha() and w.isupper()) for w in words):
                    continue  # an ordinary word, or capitals: a dateline ("CAIRO (Reuters)"), a firm ("WSIG")
                # a person's name is the ship's where a noun phrase plainly names a ship ("the helicopter carrier
                # Gamal Abdel Nasser"), not where the person acts ("the submarine Kim Jong Un inspected")
                over = ("person",) if _SHIP_PHRASE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                    and not _PERSON_ACTS.match(text, e) else ()
                if any(x.kind not in ("location", *over) for _, _, x in ents.overlapping(s, e)):
                    continue  # a country, firm, person or catalogue platform stands; a place a ship is named for does not
                ent = ents.get_or_add(("platform", "ship:" + alnum(name)), lambda: Entity(
                    "platform", name, category="warship", extra={"maker": None, "parent": None, "ship_name": True}))
                self._force_mention(ents, ent, Span(s, e, name), over)

    def _ship_named_people(self, text: str, ents: Entities) -> None:
        """Once a report names a ship after a person ("the frigate Gamal Abdel Nasser"), "the Gamal Abdel Nasser"
        elsewhere in it is the ship too; the name without "the" stays the person's ("named after Gamal Abdel
        Nasser")."""
        ships = {}
        for ship in ents.of_kind("platform"):
            if ship.category == "warship" and not ship.catalogue_id:
                ships.setdefault(_SHIP_PREFIX_WORD.sub("", ship.name).casefold(), ship)
        if not ships:
            return
        for person in ents.of_kind("person"):
            for mm in list(person.mentions):
                ship = ships.get(mm.text.casefold())
                if ship is not None and _THE_BEFORE.search(text, max(0, mm.start - 4), mm.start):
                    person.mentions = [x for x in person.mentions if x is not mm]
                    ents.unmention((mm.start, mm.end, person))
                    ents.mention(ship, mm)

    def _maker_types(self, text: str, ents: Entities) -> None:
        """A maker's name before an aircraft noun names its aircraft, not the firm: "Sukhoi jets",
        "AgustaWestland helicopters" are platforms, of the maker's country. Where the report names a type of
        that maker ("the Rafale ... Dassault jets"), the words take it up and name nothing new."""
        named_makers = {_first_word(p.extra.get("maker")) for p in ents.of_kind("platform") if p.catalogue_id}
        for org in ents.of_kind("organization"):
            if org.category != "defence company" or _first_word(org.name) in named_makers:
                continue
            for mm in list(org.mentions):
                model = _MAKER_MODEL.match(text, mm.end)
                if model is not None and mm.text[:1].isupper() and ents.covered(model.start("m"), model.end()) is None:
                    name = f"{mm.text} {model['m']}"  # "Boeing 737-400", "Airbus A380": the maker's model by its number
                    ent = ents.get_or_add(("platform", "maker:" + name.casefold()), lambda: Entity(
                        "platform", name, country=org.country, category=None, extra={"maker": org.name, "parent": None}))
                    org.mentions = [x for x in org.mentions if x is not mm]
                    ents.unmention((mm.start, mm.end, org))
                    ents.mention(ent, Span(mm.start, model.end(), text[mm.start:model.end()]))
                    continue
                noun = _MAKER_NOUN.match(text, mm.end)
                if noun is None or not mm.text[:1].isupper():
                    continue
                category = next(c for h, c in _MAKER_NOUN_CATEGORY if noun["noun"].lower().startswith(h))
                ent = ents.get_or_add(("platform", "maker:" + mm.text.casefold()), lambda: Entity(
                    "platform", mm.text, country=org.country, category=category,
                    extra={"maker": org.name, "parent": None}))
                org.mentions = [x for x in org.mentions if x is not mm]
                ents.unmention((mm.start, mm.end, org))
                ents.mention(ent, mm)

    def _maker_names(self, text: str, ents: Entities) -> None:
        """A capitalised word right after a defence firm's name, or its possessive, names the firm's type ("Dassault
        Rafale", "Lockheed Hercules aircraft", "Saab's Gripen"): a platform of the firm's country, unless the word is
        the firm's own (`_NOT_MAKER_NAME`), a place, a people or another entity."""
        for org in ents.of_kind("organization"):
            if org.category != "defence company":
                continue
            for mm in list(org.mentions):
                m = _MAKER_NAME.match(text, mm.end)
                if m is None or not mm.text[:1].isupper() or ents.covered(m.start("m"), m.end("m")) is not None:
                    continue
                word = m["m"]
                if word.casefold() in _NOT_MAKER_NAME or self._not_a_name(word.split("-")[0]) \
                        or word.endswith("ing") and word.casefold() not in _ING_NAMES:
                    continue
                if any(x.kind == "platform" for _, _, x in ents.overlapping(m.end("m") + 1, m.end("m") + 2)):
                    continue  # "Leonardo Spartan C-27J": the name of the type that follows
                if not WEAPON_NOUN_AFTER.match(text, m.end("m"), m.end("m") + 40) \
                        and len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)) < 2:
                    continue  # a weapon noun follows ("Lockheed Hercules aircraft"), or the report names it again
                ent = ents.get_or_add(("platform", word.casefold()), lambda: Entity(
                    "platform", word, country=org.country, category=None, extra={"maker": org.name, "parent": None}))
                if ent.country is None:
                    ent.country = org.country
                ents.mention(ent, Span(m.start("m"), m.end("m"), word))

    def _slash_variants(self, m: re.Match, ents: Entities) -> None:
        """"Mi-8/17" names the catalogue's Mi-17 (the later variant, else the earlier: "Hawk 100/200" is the Hawk),
        when the catalogue knows either; nothing when it knows neither."""
        if ents.covered(m.start(), m.end()) is not None:
            return
        for part in (m["b"], m["a"]):
            entry = self._platform_alnum.get(alnum(m["base"] + part))
            if entry is not None:
                ent = ents.get_or_add(("platform", entry.id), lambda: self._entity_from(entry))
                ents.mention(ent, Span(m.start(), m.end(), m.group()))
                return

    def _body_acronym(self, text: str, ents: Entities, abbr: str) -> bool:
        """Initials the report gives a body, not a type: written in brackets after a body's name ("the Los Angeles
        Police Department (LAPD)") or acting as a body does ("LAPD said", "the LAPD's", "an LAPD spokesman",
        "according to BNPB"). The initials in brackets and those acting are found once a text (a search of the whole
        text for each named type's initials made a long report's scan quadratic)."""
        kept = self._acronyms  # read once: another thread's text may replace it meanwhile
        if kept is None or kept[0] is not text:
            bracketed: dict[str, list[int]] = {}
            for m in _BRACKETED_INITIALS.finditer(text):
                bracketed.setdefault(m["a"], []).append(m.start())
            kept = self._acronyms = (text, bracketed, {m["a"] or m["b"] for m in _INITIALS_AS_BODY.finditer(text)})
        _, bracketed, acting = kept
        for start in bracketed.get(abbr, ()):
            end = start
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if any(x.kind == "organization" and b == end for _, b, x in ents.overlapping(max(0, end - 1), end)):
                return True
        return abbr in acting

    def _not_a_name(self, word: str) -> bool:
        """A word that, capitalised before a weapon noun, is no type's name: "Navy", "Korean", "Attack"."""
        w = word.casefold()
        return w in _NOT_TYPE_NAME or w in self._place_words

    @staticmethod
    def _new_platform(ents: Entities, name: str, span: Span, family: Entry | None, category: str | None = None) -> None:
        """A platform the catalogue does not hold, named as the text names it (of a known family if any)."""
        ent = ents.get_or_add(("platform", name.casefold()), lambda: Entity(
            "platform", name, code=None, country=family.country if family else None,
            category=family.category if family else category,
            extra={"maker": family.maker if family else None, "parent": family.id if family else None}))
        ents.mention(ent, span)

    def _variant_family(self, variant: str) -> Entry | None:
        """The catalogue type a variant extends (`VARIANT`): the longest catalogued designation the variant begins
        with that ends where a digit meets a capital or a hyphen ("Su-30MKA2" -> Su-30, "Il-76MD-90A" -> Il-76MD-90
        if catalogued, else Il-76). A lettered sub-type is not tried ("Su-30MKI3" -> Su-30, not Su-30MKI): a cut between
        letters would give "F-15ID" the F-15I's family."""
        for cut in reversed([m.start() for m in _VARIANT_CUT.finditer(variant)]):
            entry = self._platform_names.get(variant[:cut].casefold())
            if entry is not None:
                return entry
        return None

    def _family(self, designation: str) -> Entry | None:
        """The catalogue type an unknown variant belongs to: "F-15ID" -> F-15."""
        base = designation.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/")
        while base and base != designation:
            entry = self._platform_names.get(base.casefold())
            if entry is not None:
                return entry
            base = designation[:len(base) + 1]
        return None

    def _merge_platform_family(self, ents: Entities) -> None:
        plats = ents.of_kind("platform")
        by_id = {p.catalogue_id: p for p in plats if p.catalogue_id}
        for child in plats:
            parent_id = child.extra.get("parent")
            seen = set()
            while parent_id and parent_id not in seen:
                seen.add(parent_id)
                parent = by_id.get(parent_id)
                if parent is not None and parent is not child and parent.mentions and same_kind(parent, child):
                    siblings = [p for p in plats if p is not parent and p.extra.get("parent") == parent_id and p.mentions]
                    if len(siblings) == 1 and (all(not re.search(r"\d", mm.text) for mm in parent.mentions)
                                               or _named_once_beside(parent, child)):
                        ents.absorb(parent, child)
                entry = self.cat.get("platform", parent_id)
                parent_id = entry.parent if entry else None

    @staticmethod
    def _consortia(text: str, ents: Entities) -> None:
        """A type's name beside "consortium" names the firms that build it as well: "the Eurofighter consortium",
        "the European consortium Eurofighter", "an offer from the MEADS consortium". The type keeps the mention
        (the offer is of the type); the consortium is named there too, as a country is inside a body's name."""
        for plat in ents.of_kind("platform"):
            for mm in list(plat.mentions):
                if not (text.startswith(" consortium", mm.end) or _CONSORTIUM_BEFORE.search(text, max(0, mm.start - 40), mm.start)):
                    continue
                name = mm.text
                org = ents.get_or_add(("organization", name.casefold()),
                                      lambda: Entity("organization", name, category="consortium"))
                org.add(mm)

    @staticmethod
    def home_country(ents: Entities) -> str | None:
        """The country the report is most about: the most named (its armed services, ministries and government
        bodies count as its name does, a place in it half), and of those named as often, the first named (a
        report's lead names its subject first: "The Kenyan army received ... donated by the United States" is
        Kenya's, not the giver's)."""
        counts: Counter = Counter()
        first: dict[str, int] = {}
        for s, e, ent in ents.spans:
            code = (ent.code if ent.kind == "country" else ent.country if ent.kind == "location"
                    or ent.kind == "organization" and ent.category in STATE_BODIES else None)
            if not code:
                continue
            counts[code] += 0.5 if ent.kind == "location" else 1
            first[code] = min(first.get(code, s), s)
        return max(counts, key=lambda c: (counts[c], -first[c])) if counts else None


class _Offset:
    """A match inside a group of another match, read with offsets into the whole text."""

    def __init__(self, m: re.Match, base: int) -> None:
        self.m, self.base = m, base

    def group(self, group: str = "name") -> str:
        return self.m.group()

    def __getitem__(self, group: str) -> str:
        return self.m.group()

    def start(self, group: str | None = None) -> int:
        return self.base + self.m.start()

    def end(self, group: str | None = None) -> int:
        return self.base + self.m.end()


class _TitleMatch:
    """A title hit and the name after it, read like one regex match."""

    def __init__(self, m: re.Match, hit: Hit) -> None:
        self.m, self.hit = m, hit

    def __getitem__(self, group: str) -> str:
        return self.hit.text if group == "title" else self.m[group]

    def group(self, group: str) -> str:
        return self[group]

    def start(self, group: str | None = None) -> int:
        return self.hit.start if group in (None, "title") else self.m.start(group)

    def end(self, group: str | None = None) -> int:
        return self.hit.end if group == "title" else self.m.end(group) if group else self.m.end()


def _words_spans(words: tuple[str, ...], text: str):
    """Where `re.compile(_words_pattern(words)).finditer(text)` matches, as (start, end), found without compiling the expression (a
    new person's surname would need its own, at some 0.7 ms each): `str.find` gives the places a word is written,
    and the expression's boundaries are checked there by hand."""
    starts = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            starts.add(i)
            i = text.find(w, i + 1)
    grouped = all(_WORD_CHAR.match(w[:1]) for w in words)  # the form `_words_pattern` writes for such words
    end = 0
    for pos in sorted(starts):
        if pos < end:
            continue
        if grouped and pos > 0 and _is_word_char(text[pos - 1]):
            continue  # `W(?<!\w.)ord`: no word character before the first letter
        for w in words:
            if text.startswith(w, pos) and (grouped or _boundary(text, pos)) and _boundary(text, pos + len(w)):
                end = pos + len(w)
                yield pos, end
                break


# The passes over the whole text that a rare word starts are skipped where the text lacks every word their
# expression needs (`str.find` is far quicker than the expression's scan): a credit line, an embassy.
_CREDIT_WORDS = ("Production", "Reporting", "Editing", "Writing", "Additional", "Video", "Photo", "editing", "writing",
                 "additional", "ompiled")  # `self._credit`'s heads
_CREDIT_MORE_WORDS = ("Author", "Written", "Translated", "Edited", "Text", "Editor", "By")  # `self._credit_more`'s
_EMBASSY_WORDS = ("mbassy", "residency", "government")  # `self._embassy`'s


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


_BYLINE_WORDS = ("correspondent", "editor", "reporter", "writer", "columnist")  # `self._line_byline`'s, case-insensitive
# the characters beyond ASCII that a case-insensitive expression matches to an ASCII letter (İ ı ſ K), checked over all
# of Unicode
_CASELESS_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive expression that needs one of `words` (lower-case ASCII) can match in `text`: one
    of them is in its lower-cased form, or it holds a character that matches an ASCII letter under re.I."""
    low = text.lower()
    return any(w in low for w in words) or (not text.isascii() and any(c in text for c in _CASELESS_ODD))


_BY_BLANK = re.compile(r"by[ \t]")


def _by_after_blanks(text: str) -> bool:
    """Whether a "by" stands where `EntityFinder._lower_byline` can read one, as each of its matches needs: after
    nothing but blanks since a line's start, or after blanks that follow a digit (a time: "6:18 by") or a bar ("GMT |
    by"). Its expression is tried at every character; this looks only at each "by" (4x faster, most texts have none)."""
    for m in _BY_BLANK.finditer(text):
        i = m.start()
        while i and text[i - 1] in " \t":
            i -= 1
        if not i or text[i - 1] in "\n|" or text[i - 1].isdigit():
            return True
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\w` matches in a str pattern


def _boundary(text: str, i: int) -> bool:
    """Does `\b` match at `i`?"""
    return (i > 0 and _is_word_char(text[i - 1])) != (i < len(text) and _is_word_char(text[i]))


def _words_pattern(words: tuple[str, ...]) -> str:
    """`\\b(?:w1|w2|...)\\b`, the first word that matches at a place winning, written so that the
    search skips to the places where a word's first letter is (a leading `\\b` would make it try
    every character): `W(?<!\\w.)ord` says what `\\bWord` says when "W" is a word character."""
    if words and all(_WORD_CHAR.match(w[:1]) for w in words):
        # grouped by first letter, in their order within each group (words that begin differently
        # cannot match at the same place)
        groups: dict[str, list[str]] = {}
        for w in words:
            groups.setdefault(w[0], []).append(re.escape(w[1:]))
        return "(?:" + "|".join(re.escape(c) + r"(?<!\w.)(?:" + "|".join(rest) + ")" for c, rest in groups.items()) + r")\b"
    return r"(?:" + "|".join(r"\b" + re.escape(w) for w in words) + r")\b"


_WORD_CHAR = re.compile(r"\w")

_NOT_LOWER = re.compile(r"[^a-z]")


def _person_key(name: str) -> str:
    return _NOT_LOWER.sub("", name.casefold().replace("\ufffd", ""))
