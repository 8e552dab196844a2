"""The name a platform is given in the record: its designation as the article writes it.

Reads: platform entities with their mentions. Writes: `Entity.name` (the record's name)
and `extra["canonical"]` (the catalogue's name, which the ledger files deals under).

A report that writes "P-8A Poseidon" is about the P-8A, not just a P-8: the written designation
is taken when it is a more specific one than the catalogue's name (it starts with it and carries
a number); "S-400 Triumf" stays "S-400". Otherwise the catalogue's name stands, as analysts file it: "Sukhoi-30" is
the Su-30, "Black Hawk" the UH-60, "Dassault Rafale" the Rafale.
"""
from __future__ import annotations

import re
from collections import Counter

from .entities import Entity

_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w-]*)+$")  # "Mi-35M helicopters", "A-29 Super Tucano light attack aircraft"
_PLURAL = re.compile(r"(?<=[A-Za-z]{3})s$|(?<=\d)s$|(?<=[A-Z])s$")  # "Black Hawks", "F-16s", "MiGs"


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.casefold())


def written_form(text: str) -> str:
    form = _TRAILING_LOWER.sub("", text.strip())
    form = re.sub(r"['’]s$", "", form)
    if form.isupper() and len(form) > 4:  # "WEDGETAIL" in a headline
        return ""
    return _PLURAL.sub("", form) if not form.endswith(("ss", "us")) else form


def name_as_written(ent: Entity) -> str:
    canonical = ent.name
    forms = Counter(f for f in (written_form(m.text) for m in ent.mentions) if f)
    if not forms:
        return canonical
    best = max(forms, key=lambda f: (forms[f], len(f), f))
    token = best.split()[0]  # the designation itself: "P-8A" of "P-8A Poseidon"
    nt, nc = _norm(token), _norm(canonical)
    if nt != nc and nt.startswith(nc) and re.search(r"\d", token) and " " not in canonical:
        return token
    return canonical


def apply(entities: list[Entity]) -> None:
    for ent in entities:
        if ent.kind == "platform" and not ent.extra.get("generic"):
            written = name_as_written(ent)
            if written != ent.name:
                ent.extra["canonical"] = ent.name
                ent.name = written
