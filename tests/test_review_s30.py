"""Review of session 30's merged rules (sentences written for these tests):
- a month told without its year before one with it takes the year before where it comes later in the year (a run
  across the new year: "from December to February 2027");
- "once again" / "once more" before a signing tells it again, it supposes nothing;
- a service's arm named by its trade ("Marine Aviation", "Police Aviation") is no firm;
- the initials a body is given are found once a text, not once for each initials-word before a weapon noun (which made
  a long report's scan quadratic)."""
from __future__ import annotations

import re
from datetime import date

from found import entities, record

import armsledger.extract.entities as ents_module
from armsledger.extract.dates import find_dates


def _values(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(text, date(2026, 6, 1))]


def test_a_run_of_months_across_the_new_year_starts_the_year_before():
    assert _values("The exercise ran from December to February 2027 off the coast.") == [
        ("December", "2026-12"), ("February 2027", "2027-02")]
    assert _values("The ferries are refitted in November and January 2028, the port said.") == [
        ("November", "2027-11"), ("January 2028", "2028-01")]
    assert _values("Crews train in March and April 2027.") == [("March", "2027-03"), ("April 2027", "2027-04")]


def test_once_again_a_signing_is_told():
    for text in ("Once again Chile signed a contract with Sweden for 14 Gripen fighters on March 3, 2025.",
                 "Once more Chile signed a contract with Sweden for 14 Gripen fighters on March 3, 2025."):
        r = record(text)
        assert [v["type"] for v in r["events"]] == ["DEAL_SIGNED"], text
        assert [d["status"] for d in r["deals"]] == ["signed"], text
    r = record("Once the contract is signed, Sweden will supply 14 Gripen fighters to Chile.")
    assert "DEAL_SIGNED" not in [v["type"] for v in r["events"]]


class _Counted:
    """A compiled expression that counts its `finditer` calls."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def finditer(self, text: str):
        self.calls += 1
        return self.pattern.finditer(text)


def test_initials_before_weapon_nouns_are_looked_up_once_a_text(monkeypatch):
    # a long report of many initials before weapon nouns: the bodies' initials are found once for the text, not once
    # for each initials-word (a whole-text search each made the scan quadratic in the report's length)
    bracketed, acting = _Counted(ents_module._BRACKETED_INITIALS), _Counted(ents_module._INITIALS_AS_BODY)
    monkeypatch.setattr(ents_module, "_BRACKETED_INITIALS", bracketed)
    monkeypatch.setattr(ents_module, "_INITIALS_AS_BODY", acting)
    text = "".join(f"The army bought XB{chr(65 + i % 26)}{chr(65 + i // 26 % 26)} missiles and tanks. "
                   for i in range(300))
    assert len(entities(text, "platform")) >= 100
    assert (bracketed.calls, acting.calls) == (1, 1)


def test_a_bodys_initials_are_still_no_type():
    r = record("The Harbour City Police Department (HCPD) bought two drones. HCPD drones patrol the port, "
               "and the KXRT drones of the firm fly too.")
    names = [e["name"] for e in r["entities"] if e["kind"] == "platform"]
    assert "HCPD" not in names and "KXRT" in names


def test_a_services_aviation_is_no_firm():
    for text, arm in (("Pilots of Marine Aviation flew the new jets on Monday.", "Marine Aviation"),
                      ("The Coast Guard Aviation unit rescued two hikers off the cliffs.", "Coast Guard Aviation"),
                      ("Police Aviation crews searched the hills for the missing boy.", "Police Aviation")):
        assert arm not in entities(text, "organization"), text
    assert "Oshkosh Defense" in entities("Oshkosh Defense won the truck order.", "organization")
