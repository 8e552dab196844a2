"""The ledger on both backends: what an analyst sees after ingesting the seed article and the dev set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armsledger.errors import IngestError
from armsledger.ledger import Ledger, LedgerError

DATA = Path(__file__).parent / "data"
REPORTS = sorted(str(p) for p in (DATA / "articles").glob("*.txt"))
LEDGER_DATA = DATA / "ledger"


@pytest.fixture
def ledger(seeded_ledger_url, extractor):
    """The seed article and the dev set, ingested (a fresh copy for each test)."""
    with Ledger(seeded_ledger_url, extractor=extractor) as ledger:
        yield ledger


def s400_deals(ledger) -> list[dict]:
    return ledger.deals(supplier="RUS", recipient="IND", platform="S-400")


def first_order(ledger) -> dict:
    (deal,) = [d for d in s400_deals(ledger) if not d["follow_on"]]
    return ledger.deal(deal["id"])


def test_seed_and_dev_set_give_one_s400_order_and_a_separate_follow_on(ledger):
    deals = s400_deals(ledger)
    assert sorted(d["follow_on"] for d in deals) == [False, True]
    deal = first_order(ledger)
    assert deal["order_year"] == 2018
    assert deal["status"] == "in_delivery"
    assert (deal["quantity_max"], deal["quantity_unit"], deal["delivered_max"]) == (5, "squadron", 3)
    # both reports' values stand behind it: USD 5 billion (seed) and USD 5.43 billion (dev 22) agree as rounding
    value = deal["fields"]["value"]
    assert {s["text"] for s in value["sources"]} == {"USD 5 billion", "$5.43 billion"}
    assert deal["value_usd"] == pytest.approx(5.43e9)
    assert deal["conflicts_list"] == []
    assert deal["sources"] == 2 and deal["independent_sources"] == 2


def test_the_schedule_slippage_is_kept_report_by_report(ledger):
    deal = first_order(ledger)
    history = [(h["reported"], h["value"]["value"]) for h in deal["slippage"]]
    # "originally expected by the end of 2023" -> "by 2026-27" (June 2025) -> "by mid-2026" (December 2025)
    assert history == [(None, "2023-12"), ("2025-06-28", "2027"), ("2025-12-04", "2026-06")]
    assert deal["expected_completion"] == "2026-06"


def test_every_claim_points_at_the_words_that_state_it(ledger):
    deal = first_order(ledger)
    for c in deal["timeline"]:
        if c["start"] is None:
            continue
        body = ledger.article(c["article_id"])["text"]
        assert body[c["start"]:c["end"]] == c["text"]
        assert c["sentence_start"] <= c["start"] and c["end"] <= c["sentence_end"]


def test_a_disagreeing_report_is_flagged_as_a_conflict(ledger):
    ledger.ingest([str(LEDGER_DATA / "s400-six-squadrons.txt")])
    deal = first_order(ledger)
    (conflict,) = deal["conflicts_list"]
    assert conflict["field"] == "quantity"
    assert sorted(c["value"]["max"] for c in conflict["claims"]) == [5, 6]
    # $5.4 billion agrees with $5.43 billion and USD 5 billion: no value conflict
    assert "value" not in {c["field"] for c in deal["conflicts_list"]}
    assert [c["deal_id"] for c in ledger.conflicts()] == [deal["id"]]


def test_ingesting_again_adds_nothing(ledger):
    before = ledger.stats()
    report = ledger.ingest(REPORTS)
    assert (len(report.added), len(report.duplicates)) == (0, len(REPORTS))
    assert ledger.stats() == before
    assert ledger.verify() == []


def test_a_wire_copy_is_stored_but_counts_as_one_source(ledger):
    report = ledger.ingest([str(LEDGER_DATA / "22-wire-copy.txt")])
    (added,) = report.added
    assert added.copy_of is not None
    deal = first_order(ledger)
    assert deal["sources"] == 3 and deal["independent_sources"] == 2


def test_the_same_meeting_in_two_reports_is_one_event(ledger, tmp_path):
    text = ("PUBLISHED: 2025-12-05\nPUBLISHER: Other Wire (test fixture)\n\n"
            "Defence Minister Rajnath Singh and his Russian counterpart Andrey Belousov held talks in New Delhi "
            "on Thursday, 4 December 2025, on the supply of S-400 systems.\n")
    (tmp_path / "meeting.txt").write_text(text, encoding="utf-8")
    ledger.ingest([str(tmp_path / "meeting.txt")])
    meetings = [e for e in ledger.events(type="MEETING", country="RUS") if e["date"] == "2025-12-04"]
    assert len(meetings) == 1
    assert meetings[0]["sources"] == 2


def test_corrections_win_and_survive_reextraction(ledger):
    deal = first_order(ledger)
    ledger.correct(deal["id"], "delivered", {"min": 4, "max": 4, "unit": "squadron"}, who="ana",
                   why="MoD statement of 2026-01-10")
    seed_id = next(s["article_id"] for s in deal["sources_list"] if s["reported"] == "2025-12-04")
    ledger.correct(deal["id"], "value", reject=True, article_id=seed_id, who="ana", why="rounded figure")
    for _ in range(2):
        deal = first_order(ledger)
        assert deal["delivered_max"] == 4 and deal["fields"]["delivered"]["corrected"]
        assert [s["article_id"] for s in deal["fields"]["value"]["sources"]] != [seed_id]
        assert seed_id not in {s["article_id"] for s in deal["fields"]["value"]["sources"]}
        ledger.reextract()
    assert ledger.verify() == []


def test_bad_corrections_are_refused_with_the_reason(ledger):
    deal = first_order(ledger)
    with pytest.raises(LedgerError, match="delivered must be a number or range"):
        ledger.correct(deal["id"], "delivered", "several", who="ana", why="x")
    ledger.correct(deal["id"], "delivered", "4 squadrons", who="ana", why="MoD")
    assert first_order(ledger)["delivered_max"] == 4
    with pytest.raises(LedgerError, match="cannot be corrected"):
        ledger.correct(deal["id"], "colour", "red", who="ana", why="x")
    with pytest.raises(LedgerError, match="who"):
        ledger.correct(deal["id"], "status", "completed", who="", why="")
    with pytest.raises(LedgerError, match="no deal"):
        ledger.correct(999999, "status", "completed", who="ana", why="x")


def _snapshot(ledger):
    deals = [{k: v for k, v in d.items() if k != "updated_at"} for d in ledger.deals(order="id", limit=1000)]
    events = sorted((e["type"], e["date"] or "", tuple(e["countries"]), e["sources"]) for e in ledger.events(limit=1000))
    return ledger.stats(), deals, events


def test_reextraction_rebuilds_the_same_ledger(ledger):
    before = _snapshot(ledger)
    assert ledger.reextract() == len(REPORTS)
    assert _snapshot(ledger) == before
    assert ledger.verify() == []


def test_full_text_search_finds_articles(ledger):
    hits = ledger.search("S-400 squadrons")
    assert hits and "400" in hits[0]["snippet"] and "squadrons" in hits[0]["snippet"]
    assert ledger.search("Gripen")[0]["reported"] == "2020-10-24"
    assert ledger.search("'; DROP TABLE articles; --") == []
    assert ledger.stats()["articles"] == len(REPORTS)


def test_failed_inputs_are_recorded_and_retried_and_nothing_else_changes(ledger, tmp_path):
    before = ledger.stats()
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    report = ledger.ingest([str(tmp_path / "missing.txt"), str(binary), REPORTS[0]])
    assert [type(f) for f in report.failed] == [IngestError, IngestError]
    assert "binary" in report.failed[1].reason
    assert ledger.stats() == before
    assert len(ledger.failures()) == 2
    binary.write_text("PUBLISHED: 2025-01-01\n\nIndia has signed a deal with France for 26 Rafale M fighters.\n")
    retry = ledger.retry_failed()
    assert len(retry.added) == 1 and len(retry.failed) == 1
    assert [f["source"] for f in ledger.failures()] == [str(tmp_path / "missing.txt")]


def test_sqlite_ledger_reads_as_plain_tables_and_views(tmp_path, extractor):
    import sqlite3

    path = tmp_path / "ledger.db"
    with Ledger(path, extractor=extractor) as ledger:
        ledger.ingest(REPORTS[:3])
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "deals", "claims", "events", "conflicts", "corrections", "deal_register",
            "deal_timeline", "open_conflicts"} <= names
    assert conn.execute("SELECT count(*) FROM deal_register").fetchone()[0] == 5
    row = conn.execute("SELECT evidence FROM deal_timeline WHERE field = 'value' LIMIT 1").fetchone()
    assert row and "$" in row[0]


def test_a_ledger_path_that_is_a_directory_is_refused(tmp_path):
    with pytest.raises(LedgerError, match="is a directory"):
        Ledger(tmp_path)


def test_an_unreachable_database_is_a_clear_error():
    with pytest.raises(LedgerError, match="cannot open the ledger"):
        Ledger("postgresql://postgres@127.0.0.1:1/none")


def test_events_and_deals_export_as_json_with_codes(ledger):
    import io

    from armsledger.export import export_deals

    buf = io.BytesIO()
    n = export_deals(ledger, "json", buf)
    doc = json.loads(buf.getvalue())
    assert n == len(doc["deals"]) == ledger.deal_count()
    meeting = next(e for e in doc["events"] if e["type"] == "MEETING")
    assert meeting["plover"]["type"] == "CONSULT" and meeting["cameo"]["code"] == "040"


def test_one_person_spelt_two_ways_in_two_reports_is_one_entity(ledger, tmp_path):
    (tmp_path / "a.txt").write_text("PUBLISHED: 2025-12-05\n\nRussian Defence Minister Andrei Belousov met "
                                    "Indian officials in New Delhi to discuss S-400 deliveries.\n", encoding="utf-8")
    ledger.ingest([str(tmp_path / "a.txt")])
    people = [e for e in ledger.entities("person", limit=1000) if "Belousov" in e["name"]]
    assert len(people) == 1
    texts = {m["text"] for a in ledger.articles(limit=100) for m in ledger.article(a["id"])["mentions"]
             if m["entity_id"] == people[0]["id"]}
    assert {"Andrey Belousov", "Andrei Belousov"} <= texts
