"""Incremental reconciliation: a deal updated from its stored aggregates, report by report, in any order
and in batches of any size, ends as the deal reconciled from all its claims in one go (ledger/aggregates.py)."""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from armsledger.ledger import Ledger, store, writer
from armsledger.ledger.schema import conflicts, deals, events
from armsledger.model import Article

PLATFORMS = ["Rafale", "Su-35"]
STORY = ("{publisher} reported that the air force of the country has {verb} {n} fighters from the maker, "
         "in a deal the ministry put at {value}; the programme, long debated in parliament, is due to be "
         "completed by {expected}. Officials declined to say more about the timeline or the offsets. {tail}")


WORDS = ("navy army contract budget minister radar missile engine frigate delivery offset factory export "
         "treaty summit pilot training hangar runway satellite parliament audit tender").split()


def _filler(i: int) -> str:
    """Words of one story of its own, so that only copies of it are near-duplicates."""
    r = random.Random(i)
    return " ".join(r.choice(WORDS) for _ in range(60)) + "."


@st.composite
def reports(draw) -> list[dict]:
    """Reports of two deals: dates, figures and hedging vary; some are wire copies of an earlier report."""
    out = []
    for i in range(draw(st.integers(2, 14))):
        if out and draw(st.integers(0, 4)) == 0:  # a wire copy: the same story, another outlet and date
            src = draw(st.sampled_from(out))
            out.append(dict(src, publisher=f"Outlet {i}", tail=f"{src['tail']} Copy {i}.", day=draw(st.integers(0, 900))))
            continue
        out.append({
            "platform": draw(st.sampled_from(PLATFORMS)), "publisher": f"Outlet {i}", "tail": _filler(i),
            "day": draw(st.integers(0, 900)), "status": draw(st.sampled_from(["signed", "in_delivery", "negotiating"])),
            "hedged": draw(st.booleans()), "value": draw(st.sampled_from([None, 5e9, 5.43e9, 2e9])),
            "quantity": draw(st.sampled_from([None, 36, 40])), "delivered": draw(st.sampled_from([None, 2, 5, 12])),
            "expected": draw(st.sampled_from([None, "2026", "2027-06", "2029"])),
            "partner": draw(st.sampled_from([None, "HAL", "BEL"])),
            "event": draw(st.sampled_from([None, ("2024", "held", None), ("2024-03", "possible", "Paris"),
                                           ("2024-03-05", "held", "Delhi"), ("2024-03", "held", None)]))})
    return out


def _row(i: int, r: dict) -> dict:
    day = f"2023-{1 + r['day'] // 31 % 12:02d}-{1 + r['day'] % 28:02d}" if r["day"] < 372 else \
        f"2024-{1 + r['day'] // 31 % 12:02d}-{1 + r['day'] % 28:02d}"
    text = STORY.format(publisher=r["publisher"], verb="ordered", n=r["quantity"] or "several",
                        value=r["value"] or "an undisclosed sum", expected=r["expected"] or "the decade's end",
                        tail=r["tail"])
    ev = [{"start": 0, "end": len(text), "text": text}]
    deal = {"id": "d1", "supplier": "FRA", "recipient": "IND", "platform": r["platform"], "status": r["status"],
            "hedged": r["hedged"], "evidence": ev}
    if r["value"]:
        deal["value"] = {"amount": r["value"], "currency": "USD", "usd": r["value"], "text": None}
    if r["quantity"]:
        deal["quantity"] = {"min": r["quantity"], "max": r["quantity"], "unit": "aircraft", "text": None}
    if r["delivered"]:
        deal["delivered"] = {"min": None, "max": r["delivered"], "unit": "aircraft", "text": None}
    if r["expected"]:
        deal["expected_completion"] = {"value": r["expected"], "precision": "year", "text": None}
    if r["partner"]:
        deal["local_partners"] = [r["partner"]]
    evs = []
    if r.get("event"):  # a visit, reported with a date of some precision and sometimes a place
        when, status, place = r["event"]
        evs.append({"id": "v1", "type": "visit", "countries": ["FRA", "IND"], "status": status,
                       "date": {"value": when, "precision": ["year", "month", "day"][len(when) // 3 - 1]},
                       "participants": [r["publisher"]], "platforms": [r["platform"]], "location": place,
                       "evidence": {"text": text[:40], "start": 0, "end": 40}})
    record = {"article": {"published": day}, "entities": [], "deals": [deal], "events": evs}
    art = Article(text=text, source=f"r{i}.txt", title=f"Report {i}", published=day, publisher=r["publisher"],
                  url=f"https://news.example.com/{i}")
    return writer.article_row(art, record)


def _events(ledger: Ledger) -> dict[int, dict]:
    with ledger.engine.connect() as conn:
        return {r.id: {k: v for k, v in r._mapping.items() if k != "updated_at"} for r in conn.execute(select(events))}


def _deals(ledger: Ledger) -> dict[int, tuple]:
    """Each deal as stored: its columns (but when it was last updated) and its conflicts."""
    with ledger.engine.connect() as conn:
        rows = {r.id: {k: v for k, v in r._mapping.items() if k != "updated_at"} for r in conn.execute(select(deals))}
        for r in rows.values():
            r["detail"] = json.loads(r["detail"])
        found = {d: [] for d in rows}
        for c in conn.execute(select(conflicts).order_by(conflicts.c.id)):
            found[c.deal_id].append((c.field, c.summary, json.loads(c.claims)))
    return {d: (rows[d], found[d]) for d in rows}


def _refolded(ledger: Ledger) -> dict[int, tuple]:
    ids, event_ids = sorted(_deals(ledger)), sorted(_events(ledger))
    with ledger.engine.begin() as conn:
        writer.reconcile_deals(conn, ids, full=True)
        writer.reconcile_events(conn, event_ids)
    return _deals(ledger)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.randoms(use_true_random=False), st.integers(1, 4))
def test_report_by_report_in_any_order_gives_the_deal_reconciled_in_one_go(reps, rnd, batch):
    rows = [_row(i, r) for i, r in enumerate(reps)]
    rnd.shuffle(rows)
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "l.db") as ledger:
        for k in range(0, len(rows), batch):
            store.write_rows(ledger.engine, rows[k:k + batch])
        incremental, incremental_events = _deals(ledger), _events(ledger)
        assert incremental and incremental == _refolded(ledger)
        assert incremental_events == _events(ledger)
        with ledger.engine.connect() as conn:
            assert store.verify(conn) == []


def test_a_rejected_claim_and_a_correction_then_more_reports_give_the_deal_reconciled_in_one_go(tmp_path):
    rnd = random.Random(7)
    reps = [{"platform": "Rafale", "publisher": f"Outlet {i}", "tail": f"Item {i}.", "day": 10 * i,
             "status": "in_delivery" if i > 3 else "signed", "hedged": i == 5, "value": [5e9, 2e9][i % 4 == 0],
             "quantity": 36, "delivered": i if i > 3 else None, "expected": ["2026", "2029"][i > 6],
             "partner": None} for i in range(12)]
    rows = [_row(i, r) for i, r in enumerate(reps)]
    with Ledger(tmp_path / "l.db") as ledger:
        store.write_rows(ledger.engine, rows[:6])
        deal_id = ledger.deals(limit=1)[0]["id"]
        first = ledger.deal(deal_id)
        wrong = first["fields"]["value"]["sources"][0]["article_id"]
        ledger.correct(deal_id, "value", reject=True, article_id=wrong, who="analyst", why="misread figure")
        ledger.correct(deal_id, "quantity", 40, who="analyst", why="the contract says 40")
        for r in rnd.sample(rows[6:], 6):
            store.write_rows(ledger.engine, [r])
        got = _deals(ledger)[deal_id]
        assert got == _refolded(ledger)[deal_id]
        detail = got[0]["detail"]["fields"]
        assert wrong not in {s["article_id"] for s in detail["value"]["sources"]}
        assert detail["quantity"]["value"]["max"] == 40 and detail["quantity"]["corrected"]
        assert detail["delivered"]["value"]["max"] == 11  # the latest report's count


def test_a_deal_reported_more_often_than_its_detail_lists_still_counts_every_report(tmp_path):
    from armsledger.ledger.reconcile import SOURCES_KEPT
    from armsledger.ledger.render import _source_count

    n = SOURCES_KEPT + 5
    reps = [{"platform": "Su-35", "publisher": f"Outlet {i}", "tail": f"Item {i}.", "day": i, "status": "signed",
             "hedged": False, "value": 2e9, "quantity": None, "delivered": None, "expected": None, "partner": None}
            for i in range(n)]
    with Ledger(tmp_path / "l.db") as ledger:
        for i, r in enumerate(reps):
            store.write_rows(ledger.engine, [_row(i, r)])
        d = ledger.deal(ledger.deals(limit=1)[0]["id"])
    value = d["fields"]["value"]
    assert value["sources_count"] == n and len(value["sources"]) == SOURCES_KEPT
    assert value["sources"][-1]["article_id"] == d["sources_list"][-1]["article_id"]  # the latest kept
    assert d["sources"] == n
    assert _source_count(value) == str(n)  # what `armsledger deal N` prints in its sources column


def test_an_event_reported_again_and_again_ends_as_reconciled_from_all_its_reports(tmp_path):
    base = {"platform": "Rafale", "status": "signed", "hedged": False, "value": None, "quantity": None,
            "delivered": None, "expected": None, "partner": None}
    whens = ["2024", "2024-03", "2024-03-05", "2024-03", "2024", "2024-03-05"]
    reps = [dict(base, publisher=f"Outlet {i}", tail=_filler(i), day=10 * i,
                 event=(whens[i], ["held", "possible"][i == 4], ["Paris", None, "Delhi"][i % 3])) for i in range(6)]
    with Ledger(tmp_path / "l.db") as ledger:
        for i, r in enumerate(reps):
            store.write_rows(ledger.engine, [_row(i, r)])
        got = _events(ledger)
        _refolded(ledger)
        assert got == _events(ledger)
    (event,) = got.values()
    assert (event["date"], event["location"], event["status"], event["sources"]) == ("2024-03-05", "Delhi", "held", 6)
