"""The name a platform is given in the record: its designation as the article writes it.

Reads: platform entities with their mentions. Writes: `Entity.name` (the record's name)
and `extra["canonical"]` (the catalogue's name, which the ledger files deals under).

A report that writes "P-8A Poseidon" is about the P-8A, not just a P-8: the written designation
is taken when it is a more specific one than the catalogue's name (it starts with it and carries
a number); "S-400 Triumf" and "Dassault Rafale" stay "S-400" and "Rafale", the catalogue's name written in them.
A report that calls the type by another name altogether ("Black Hawk" for the UH-60, "Mi-25" for the export
Mi-24) is named as it writes it, as analysts quote it; the catalogue's name stays `canonical`. A form that holds
the catalogue's designation ("De Havilland Canada DHC-5" for the DHC-5 Buffalo) or spells out its acronym
("Guided Multiple Launch Rocket System" for GMLRS) is no other name: the catalogue's stays. A designation of two
characters the report only ever writes with its name ("F-4 Phantoms", "Northrop Grumman F-5 Tigers") is named
with it ("F-4 Phantom"), as annotators write it; a bare "F-4" says little.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .entities import Entity

_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w-]*)+$")  # "Mi-35M helicopters", "A-29 Super Tucano light attack aircraft"
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_PLURAL = re.compile(r"(?<=[A-Za-z]{3})s$|(?<=\d)s$|(?<=[A-Z])s$")  # "Black Hawks", "F-16s", "MiGs"


@lru_cache(maxsize=65536)  # the same forms and names are compared again and again, in every article
def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())  # "Scorpène" is "Scorpene"
    return _NOT_ALNUM.sub("", s)


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def written_form(text: str, words: frozenset[str] = frozenset()) -> str:
    """A mention as the type's name: without the class words after it, a possessive or a plural's "s"; not the
    "s" a word of the catalogue's names ends in (`words`, folded) where that word without it is none of them
    ("Hercules" of the C-130 Hercules, written "its Hercules"; "C-130s" is the C-130 in the plural)."""
    form = _TRAILING_LOWER.sub("", text.strip())
    form = re.sub(r"['’]s$", "", form)
    last = form.split()[-1].casefold() if form.split() else ""
    if form.endswith(("ss", "us")) or (last in words and last[:-1] not in words):
        return form
    return _PLURAL.sub("", form)


def _forms(ent: Entity) -> Counter:
    """How often each written form names the entity; a headline's capitals ("WEDGETAIL") count for the form
    they shout, acronyms ("HIMARS") for themselves."""
    words = frozenset(w.casefold() for n in (ent.name, *ent.extra.get("names", ())) for w in n.split())
    forms = Counter(f for f in (written_form(m.text, words) for m in ent.mentions) if f)
    for f in [f for f in forms if f.isupper() and len(f) > 4]:
        same = [g for g in forms if g != f and g.casefold() == f.casefold()]
        if same:
            forms[same[0]] += forms.pop(f)
    return forms


def _spelled_out(written: str, canonical: str) -> bool:
    """The same designation with its letters spelled out: "Sukhoi-30" for Su-30, or its maker's name for them:
    "Agusta 109" for the AW109."""
    digits = re.sub(r"\D", "", canonical)
    letters = re.sub(r"[^a-z]", "", canonical.casefold())
    if not digits or re.sub(r"\D", "", written) != digits:
        return False
    spelled = re.sub(r"[^a-z]", "", written.casefold())
    maker = re.match(r"[A-Z][a-z]{3,}[\s-]+\d", written)
    return spelled.startswith(letters) or bool(maker and letters and spelled[0] == letters[0])


def _holds_designation(written: str, canonical: str) -> bool:
    """The catalogue's designation written inside a longer form: "De Havilland Canada DHC-5" for the DHC-5 Buffalo."""
    token = canonical.split()[0]
    nt = _norm(token)
    return len(nt) >= 3 and bool(re.search(r"\d", token)) and any(_norm(w) == nt for w in written.split())


def _spells(written: str, acronym: str) -> bool:
    """The catalogue's acronym spelled out: "Guided Multiple Launch Rocket System" for GMLRS, "Precision Strike
    Missile" for PrSM."""
    caps = re.sub(r"[^A-Z]", "", acronym)
    words = re.findall(r"[A-Za-z]+", written)
    return (len(caps) >= 3 and len(words) >= 3 and " " not in acronym.strip()
            and "".join(w[0] for w in words).upper() == caps)


def _with_its_name(designation: str, forms: Counter) -> str:
    """A two-character designation ("F-4", "K9") the report only ever writes followed by the type's name ("F-4
    Phantoms", "Northrop Grumman F-5 Tigers"): the designation with that name; else the designation."""
    if len(_norm(designation)) > 2 or not forms:
        return designation
    tails = {f[f.find(designation):] if designation in f else None for f in forms}
    if len(tails) == 1:
        full = tails.pop()
        if full and re.fullmatch(re.escape(designation) + r"(?:\s+[A-Z][\w-]*)+", full):
            return full
    return designation


def name_as_written(ent: Entity) -> str:
    canonical = ent.name
    forms = _forms(ent)
    nc = _norm(canonical)
    # forms that write the catalogue's name, its family ("Mirage") or a variant ("P-8A Poseidon", "Sukhoi-30"),
    # its designation in a longer name, its acronym spelled out
    related = [f for f in forms if _norm(f) and (nc in _norm(f) or nc.startswith(_norm(f)) or _spelled_out(f, canonical)
                                                 or _holds_designation(f, canonical) or _spells(f, canonical))]
    if related:
        best = max(related, key=lambda f: (forms[f], _norm(f).startswith(nc), len(f), f))
        token = best.split()[0]  # the designation itself: "P-8A" of "P-8A Poseidon"
        nt = _norm(token)
        if nt != nc and nt.startswith(nc) and re.search(r"\d", token) and " " not in canonical:
            return token
        return _with_its_name(canonical, forms)
    if not forms:
        return canonical
    # another name altogether ("Black Hawk" for the UH-60): the most usual, a designation before a long name
    return max(forms, key=lambda f: (forms[f], bool(re.search(r"\d", f)), -len(f), f))


def firm_as_written(ent: Entity) -> str:
    """An organisation or a place by the name the report gives it: "AgustaWestland" or "Alenia Aermacchi" in a
    2012 report, not the Leonardo they later became; "Turkish Parliament", not "Grand National Assembly of
    Turkey"; "Malacca Strait", not "Strait of Malacca"; the catalogue's name where the report writes it out, or
    only an acronym of it ("Nato" is the acronym too: "North Atlantic Treaty Organization" where it is spelled
    out), save a firm's, a party's, an armed group's, an armed service's or an intergovernmental body's acronym
    ("PGZ", "FARC", "USAF", "EU"): those are named as the report writes them."""
    acronym = _norm(ent.name) if ent.name.isupper() else None
    forms = Counter(f for f in _written(ent)
                    if f[:1].isupper() and not f.replace(".", "").isupper()  # an acronym ("PAF") is spelled out
                    and _norm(f) != acronym)
    name = _norm(ent.name)
    if not forms:
        return _acronym_as_written(ent) or ent.name
    if any(name in _norm(f) for f in forms):
        return ent.name
    # forms the name holds ("Iveco" of Iveco Defence Vehicles, "Senate" beside "Philippine Senate") do not count
    other = {f: n for f, n in forms.items() if _norm(f) not in name}
    if not other:
        return ent.name
    return max(other, key=lambda f: (other[f], len(f), f))


def _written(ent: Entity):
    """Each mention of the entity as the report writes it, without a leading "the" or a trailing "'s"."""
    return (_LEADING_THE.sub("", re.sub(r"['’]s$", "", m.text.strip())) for m in ent.mentions)


# bodies a report that writes only their acronym is taken to name by it ("PGZ", "TKMS", "FARC", "USAF", "EU"): firms,
# parties, armed groups, armed services and intergovernmental bodies, known by their acronyms (the reviewed gold
# names the EU "EU" 9 times of 12 where a report writes only that, the UN "UN" 7 of 14, the GCC "GCC"); news agencies
# and government bodies keep their full names ("PTI" in a byline is the Press Trust of India)
_BY_ACRONYM = frozenset({"defence company", "political party", "armed group", "armed service", "intergovernmental organization"})


def _acronym_as_written(ent: Entity) -> str | None:
    """The acronym a report names a firm, party, armed group, service or intergovernmental body by when it never
    writes the name out."""
    if ent.category not in _BY_ACRONYM or ent.name.replace(".", "").isupper():
        return None
    acronyms = Counter(f for f in _written(ent) if f.replace(".", "").isupper())
    return max(acronyms, key=lambda f: (acronyms[f], len(f), f)) if acronyms else None


def person_as_written(ent: Entity) -> str:
    """A catalogue person by the full name the report writes ("James Mattis", "MM Naravane" for the catalogue's
    Jim Mattis and Manoj Mukund Naravane); the catalogue's name where the report writes it or only a surname."""
    forms = Counter(f for f in (re.sub(r"['’]s$", "", m.text.strip()) for m in ent.mentions)
                    if len(f.split()) >= 2 and not f.isupper())
    if not forms or any(_norm(f) == _norm(ent.name) for f in forms):
        return ent.name
    return max(forms, key=lambda f: (forms[f], len(f), f))


def apply(entities: list[Entity]) -> None:
    for ent in entities:
        if ent.kind == "person" and ent.catalogue_id:
            written = person_as_written(ent)
            if written != ent.name:
                ent.extra["canonical"] = ent.name
                ent.name = written
        if ent.kind in ("organization", "location") and ent.catalogue_id:
            written = firm_as_written(ent)
            if written != ent.name:
                ent.extra["canonical"] = ent.name
                ent.name = written
        if ent.kind == "platform" and not ent.extra.get("generic") and not ent.extra.get("long_name"):
            written = name_as_written(ent)
            if written != ent.name:
                ent.extra["canonical"] = ent.name
                ent.name = written
