"""Review of session 30's merged rules (sentences written for these tests):
- a month told without its year before one with it takes the year before where it comes later in the year (a run
  across the new year: "from December to February 2027");
- "once again" / "once more" before a signing tells it again, it supposes nothing;
- a service's arm named by its trade ("Marine Aviation", "Police Aviation") is no firm;
- the initials a body is given are found once a text: a long report of many initials before weapon nouns is scanned
  in time linear in its length."""
from __future__ import annotations

import time
from datetime import date

from found import entities, record

from armsledger.extract import Extractor
from armsledger.extract.dates import find_dates
from armsledger.model import Article


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


def _scan_seconds(extractor: Extractor, sizes: tuple[int, ...], rounds: int = 3) -> list[float]:
    """The best CPU time of this thread over `rounds` extractions of a text of each size, the sizes taken in turn
    (its own CPU, not wall time nor other threads', and alternating: a busy host slows neither size more)."""
    texts = ["".join(f"The army bought XB{chr(65 + i % 26)}{chr(65 + i // 26 % 26)} missiles and tanks. "
                     for i in range(n)) for n in sizes]
    best = [float("inf")] * len(sizes)
    for _ in range(rounds):
        for k, text in enumerate(texts):
            t0 = time.thread_time()
            extractor(Article(text=text, published="2025-01-01"))
            best[k] = min(best[k], time.thread_time() - t0)
    return best


def test_initials_before_weapon_nouns_scan_in_linear_time():
    extractor = Extractor(model=False)
    small, large = _scan_seconds(extractor, (1000, 4000))
    assert large < 7 * small, (small, large)  # four times the text: ~4x linear (~10x before, quadratic)


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
