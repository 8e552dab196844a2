"""The review queue puts first the deals where an analyst's decision changes the ledger most, and
each decision is a correction (who, when, why) that takes the deal off the queue until a newer
report arrives, and that `armsledger train --ledger` learns from."""
from __future__ import annotations

import pytest
from handmade import report
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.ledger import Ledger, LedgerError
from armsledger.ledger.review import decide, evidence, queue


@pytest.fixture
def built(ledger_url):
    """Six deals, each doubtful for a reason of its own (or for none)."""
    ids = {}
    with Ledger(ledger_url) as ledger:
        # two independent reports agree: nothing to review
        ids["agreed"] = report(ledger, "Egypt signed for 24 Rafale jets from France.", "2024-03-01", "Ahram",
                               supplier="FRA", recipient="EGY", platform="Rafale").deals[0]
        report(ledger, "France confirmed the Egyptian Rafale order of 24 jets.", "2024-03-04", "Le Monde",
               supplier="FRA", recipient="EGY", platform="Rafale")
        # one hedged report: low confidence
        ids["hedged"] = report(ledger, "Vietnam may buy Gripen fighters from Sweden, sources said.", "2024-04-02",
                               "Reuters", supplier="SWE", recipient="VNM", platform="Gripen", status="considered",
                               hedged=True).deals[0]
        # one unhedged report of a very large value, and one of a smaller one
        ids["large"] = report(ledger, "Poland signed a USD 12 billion contract for Abrams tanks.", "2024-05-01",
                              "PAP", supplier="USA", recipient="POL", platform="M1 Abrams", value_usd=12e9,
                              value_text="USD 12 billion").deals[0]
        ids["smaller"] = report(ledger, "Romania signed a USD 1.5 billion deal for F-35 jets.", "2024-05-02",
                                "Agerpres", supplier="USA", recipient="ROU", platform="F-35",
                                value_usd=1.5e9, value_text="USD 1.5 billion").deals[0]
        # reports jump from "considered" to deliveries
        ids["jump"] = report(ledger, "Greece is considering the Israeli PULS rocket launcher.", "2024-01-10",
                             "Kathimerini", supplier="ISR", recipient="GRC", platform="PULS",
                             status="considered").deals[0]
        report(ledger, "The first PULS launchers were delivered to Greece by Israel.", "2024-06-10", "Ekathimerini",
               supplier="ISR", recipient="GRC", platform="PULS", status="in_delivery")
        # reports disagree on deliveries, and jump stages as well
        ids["both"] = report(ledger, "Qatar is weighing NASAMS from Norway.", "2024-02-01", "Al Jazeera",
                             supplier="NOR", recipient="QAT", platform="NASAMS", status="considered").deals[0]
        report(ledger, "Norway has delivered 4 NASAMS batteries to Qatar.", "2024-07-01", "NRK", supplier="NOR",
               recipient="QAT", platform="NASAMS", status="in_delivery", delivered=4, delivered_text="4")
        report(ledger, "Only 2 NASAMS batteries have reached Qatar from Norway.", "2024-07-03", "Gulf Times",
               supplier="NOR", recipient="QAT", platform="NASAMS", status="in_delivery", delivered=2,
               delivered_text="2")
    return ledger_url, ids


def test_the_queue_orders_deals_by_how_doubtful_they_are(built):
    url, ids = built
    with Ledger(url, readonly=True) as ledger:
        items = queue(ledger)
    order = [i["deal_id"] for i in items]
    assert ids["agreed"] not in order
    assert set(order) == {ids["hedged"], ids["large"], ids["smaller"], ids["jump"], ids["both"]}
    assert order[0] == ids["both"]  # two problems outrank one
    assert order.index(ids["large"]) < order.index(ids["smaller"])  # the larger sum on one report first
    by_id = {i["deal_id"]: i for i in items}
    assert {r["kind"] for r in by_id[ids["both"]]["reasons"]} >= {"conflict", "status_jump"}
    assert by_id[ids["both"]]["field"] == "delivered"
    assert sorted(c["value"]["max"] for c in by_id[ids["both"]]["competing"]) == [2, 4]
    assert "status_jump" in {r["kind"] for r in by_id[ids["jump"]]["reasons"]}
    assert by_id[ids["jump"]]["reasons"][-1]["text"] == "status considered → in delivery"
    assert by_id[ids["large"]]["field"] == "value"
    assert by_id[ids["hedged"]]["reasons"][0]["kind"] == "low_confidence"


def test_the_evidence_of_an_item_marks_the_words_in_question(built):
    url, ids = built
    with Ledger(url, readonly=True) as ledger:
        sentences = evidence(ledger, ids["both"], "delivered")
    texts = {s["text"] for s in sentences}
    assert texts == {"Norway has delivered 4 NASAMS batteries to Qatar.",
                     "Only 2 NASAMS batteries have reached Qatar from Norway."}
    for s in sentences:
        (start, end, field), = s["marks"]
        assert field == "delivered" and s["text"][start - s["start"]:end - s["start"]] in ("4", "2")


def test_a_decision_takes_the_deal_off_the_queue_until_a_newer_report(built):
    url, ids = built
    with Ledger(url) as ledger:
        decide(ledger, ids["both"], "correct", field="delivered", value="2", who="ana",
               why="Qatari MoD: two batteries")
        decide(ledger, ids["hedged"], "reject", who="ana", why="denied by Hanoi")
        decide(ledger, ids["large"], "accept", field="value", who="ben", why="contract notice")
        left = [i["deal_id"] for i in queue(ledger)]
        assert left == [i for i in left if i not in (ids["both"], ids["hedged"], ids["large"])] and len(left) == 2
        deal = ledger.deal(ids["both"])
        assert deal["delivered_max"] == 2
        fix = deal["corrections"][-1]
        assert (fix["who"], fix["why"], fix["action"]) == ("ana", "Qatari MoD: two batteries", "set") and fix["at"]
        assert ledger.deal(ids["hedged"])["rejected"]
        assert ledger.deal(ids["large"])["corrections"][-1]["action"] == "accept"
        report(ledger, "Qatar now has 3 NASAMS batteries from Norway.", "2024-09-01", "QNA", supplier="NOR",
               recipient="QAT", platform="NASAMS", status="in_delivery", delivered=3, delivered_text="3")
        assert ids["both"] in [i["deal_id"] for i in queue(ledger)]


def test_a_decision_needs_who_why_and_a_known_action(built):
    url, ids = built
    with Ledger(url) as ledger:
        with pytest.raises(LedgerError, match="who makes the correction and why"):
            decide(ledger, ids["large"], "accept", who="ana", why=" ")
        with pytest.raises(LedgerError, match="choose accept, reject or correct"):
            decide(ledger, ids["large"], "approve", who="ana", why="x")
        with pytest.raises(LedgerError, match="which field"):
            decide(ledger, ids["large"], "correct", value="5", who="ana", why="x")


def test_review_in_the_terminal_with_keys(built):
    url, ids = built
    # j: next item; k: back; a: accept (reason); r: reject (reason); c: correct (field, value, reason); q: quit
    keys = "jk" + "a" + "contract notice\n" + "r" + "no such deal\n" + "c" + "delivered\n2\nQatari MoD\n" + "q"
    result = CliRunner().invoke(app, ["review", "--db", url, "--who", "ana"], input=keys)
    assert result.exit_code == 0, result.output
    assert "3 decisions recorded" in result.output
    with Ledger(url, readonly=True) as ledger:
        fixes = [c for d in ledger.deals(include_rejected=True, limit=50) for c in ledger.deal(d["id"])["corrections"]]
    assert sorted((f["action"], f["who"]) for f in fixes) == [("accept", "ana"), ("reject", "ana"), ("set", "ana")]
    assert {f["why"] for f in fixes} == {"contract notice", "no such deal", "Qatari MoD"}


def test_accepted_and_rejected_items_are_training_examples(tmp_path, extractor):
    from armsledger.learn.corrections import rows_from_ledger
    from armsledger.model import Article

    db = str(tmp_path / "ledger.db")
    with Ledger(db, extractor=extractor) as ledger:
        kenya_added = ledger.add(Article(text="Kenya has ordered three C-27J transport aircraft from Italy.",
                                         published="2023-05-02", source="kenya.txt"))
        brazil_added = ledger.add(Article(text="Brazil signed a contract for 36 Gripen fighters from Sweden.",
                                          published="2014-10-24", source="brazil.txt"))
        (kenya,), kenya_article = kenya_added.deals, kenya_added.article_id
        (brazil,), brazil_article = brazil_added.deals, brazil_added.article_id
        decide(ledger, kenya, "reject", who="ana", why="a lease, not a sale")
        decide(ledger, brazil, "accept", who="ana", why="Saab annual report")
    rows = rows_from_ledger(db, extractor)
    labels = {(r.group, r.key): r.label for r in rows}
    assert labels == {("ledger/" + kenya_article, ("ITA", "KEN", "C-27J")): 0,
                      ("ledger/" + brazil_article, ("SWE", "BRA", "Gripen")): 1}
    assert all(r.weight == 5.0 for r in rows)
