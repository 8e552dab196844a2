"""Shapes of a weapon's name the extractor looks for where no catalogue knows it: a designation before a weapon noun
("XX-123 missiles"), a ship class ("Mogami-class"), a type's name before its noun ("Mamba APCs"), a named system's
initials in brackets ("Foo Air Defence System (FADS)").

Reads: nothing (expressions only). Used by `entities.EntityFinder` and by the relevance gate (`gate.py`), which runs
them on an article before extraction: kept apart from `entities` so that an ingest's parent process, which gates
every article but extracts none, does not import the entity finder (~0.1 s of CPU) for them.
"""
from __future__ import annotations

import re

ACRONYM_PLATFORM = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*\s+){1,6}(?P<head>Systems?|Missiles?|Vehicles?|Radars?|Aircraft|Helicopters?|Drones?|Howitzers?|Rifles?|Launchers?|Interceptors?"
    r"|Ships?|Vessels?|Boats?|Frigates?|Corvettes?|Submarines?|Carriers?))"
    r"\s+\((?P<abbr>[A-Z][A-Z0-9-]{1,9})\)")
WEAPON_NOUN_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?i:jets?|fighters?|aircraft|missiles?|systems?|drones?|helicopters?|gunships?|tanks?|"
    r"submarines?|frigates?|corvettes?|howitzers?|rifles?|radars?|vehicles?|launchers?|bombers?|transports?|trainers?|"
    r"destroyers?|engines?|interceptors?|planes?|ships?|vessels?|boats?|cutters?|APCs?|carriers?|guns?|docks?)\b")
# weapon nouns that tell a capitalised word before them is a type's name ("Mamba APCs"), and their categories
_NAMED_HEAD_CATEGORY = [("helicopter", "helicopter"), ("gunship", "attack helicopter"), ("apc", "armoured vehicle"),
                        ("armoured personnel carrier", "armoured vehicle"), ("armored personnel carrier", "armoured vehicle"),
                        ("patrol vessel", "patrol vessel"), ("patrol boat", "patrol vessel"), ("frigate", "frigate"),
                        ("corvette", "corvette"), ("submarine", "submarine"), ("tank", "main battle tank"),
                        ("howitzer", "howitzer"), ("drone", "unmanned aerial vehicle"), ("fighter jet", "fighter aircraft"),
                        ("trainer", "trainer aircraft"), ("missile", "missile"),
                        ("armoured vehicle", "armoured vehicle"), ("armored vehicle", "armoured vehicle"),
                        ("air defence system", "air defence system"), ("air defense system", "air defence system"),
                        ("rocket launcher", "rocket artillery"),
                        # the nouns of combat aircraft and of systems by what they are: "Rafale jets", "KAAN fighter
                        # jets", "Gripen fighters", "Rafale multi-purpose combat aircraft", "Chunmoo rocket artillery
                        # systems", "Piranha infantry fighting vehicles"
                        ("jet", "fighter aircraft"), ("fighter", "fighter aircraft"), ("warplane", "fighter aircraft"),
                        ("combat aircraft", "fighter aircraft"), ("bomber", "bomber aircraft"),
                        ("rocket artillery", "rocket artillery"), ("infantry fighting vehicle", "infantry fighting vehicle"),
                        ("self-propelled howitzer", "self-propelled howitzer"), ("attack helicopter", "attack helicopter")]
_NAMED_HEADS = "|".join(re.escape(h) + "s?" for h, _ in _NAMED_HEAD_CATEGORY)
# shaped like a designation: "XX-123", "VT4", "EC145", "AS-550C3", "Type 056A" (a weapon noun must follow)
# "Project 22160", "Project 636.6" (Russian design numbers), "OPV 58S" (letters, a space, a number)
# Every one begins with a capital, and the word boundary before it is checked after that capital (`(?<!\w.)`), as is
# what the alternatives begin with (`(?<=T)ype`; not a currency code, `(?<=U)SD`, nor a ministry's initials, "MOD
# 12"): an expression that begins with a letter is searched for by it, one that begins with `\b` is tried at every
# character of the text (2.3x slower)
DESIGNATION = re.compile(r"(?P<d>[A-Z](?<!\w.)(?:[A-Z]{0,3}-?\d{1,4}(?:[A-Z]{1,3}\d?)?(?:/[A-Z])?|(?<=T)ype[- ]\d{2,3}"
                         r"[A-Z]{0,2}|(?<=P)roject[- ]\d{2,5}(?:\.\d)?[A-Z]{0,3}|(?!" + "|".join(
                             f"(?<={c[0]}){c[1:]}" for c in "USD EUR GBP INR KRW JPY RUB CNY AUD CAD SAR AED MOD".split())
                         + r")[A-Z]{1,3} \d{2,4}[A-Z]?))(?![\w-])")
# a class of ships named after its first: "Mogami-class", "Talwar class", "Admiral Gorshkov-class"
SHIP_CLASS = re.compile(r"\b(?P<d>(?:[A-Z][a-zà-ÿ]+[\s-]){0,2}[A-Z][a-zà-ÿ]+)[\s-][Cc]lass\b")
# a name given to a type, told by the weapon noun that follows: "Mamba APCs", "Sentinel fast patrol vessels"
# the words between are a type's own ("Zubr armoured vehicles"), never an article, a pronoun, a preposition or a verb
# of saying: "The Minister said the tanks ...", "the Council of the tanks' makers" name no type
_NOT_BETWEEN = (r"(?!(?:the|a|an|its|their|his|her|our|these|those|this|that|of|to|for|from|with|by|on|in|at|and|or|"
                r"said|says|told|added|noted|is|are|was|were|has|have|had|will|would)\b)")
NAMED_TYPE = re.compile(r"(?P<d>[A-Z](?<![\w'’-].)(?:[a-z]{3,}|[A-Z]{3,5}(?![\w'’-])))\s+(?:" + _NOT_BETWEEN + r"[a-z][a-z-]+\s+){0,2}?(?P<head>(?i:"
                        + _NAMED_HEADS + r"))\b")
