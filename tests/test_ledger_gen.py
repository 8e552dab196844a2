"""A generated ledger (bench/ledger_gen.py) reads like one built by ingest, and deal lists page alike by
offset and by keyset, with counts that follow the ledger's changes."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from armsledger.cli import app as cli_app
from armsledger.ledger import Ledger
from armsledger.ledger.schema import claims, deals
from armsledger.serve import create_app
from armsledger.serve.views import TIMELINE_CLAIMS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import ledger_gen  # noqa: E402

ARTICLES = 600


@pytest.fixture
def generated(ledger_url) -> tuple[str, dict]:
    return ledger_url, ledger_gen.build(ledger_url, ARTICLES, seed=7, log=lambda *a: None)


def test_a_generated_ledger_is_consistent_and_skewed(generated):
    url, built = generated
    with Ledger(url) as ledger:
        stats = ledger.stats()
        assert ledger.verify() == []  # every deal's stored reconciliation is the one its claims give
        with ledger.engine.connect() as conn:
            reports = conn.execute(select(deals.c.sources).order_by(deals.c.sources.desc())).scalars().all()
    assert stats["articles"] == built["articles"] == ARTICLES
    assert stats["deals"] == built["deals"] == ARTICLES // 4
    assert stats["wire_groups"] < stats["articles"]  # some reports are wire copies
    assert reports[0] >= 5 * reports[49] and reports[-1] == 1  # a few deals reported often, a long tail


def test_the_app_reads_a_generated_ledger(generated):
    url, built = generated
    with Ledger(url) as ledger, ledger.engine.connect() as conn:
        busiest, reports = conn.execute(select(deals.c.id, deals.c.sources).order_by(deals.c.sources.desc())
                                        .limit(1)).one()
        n_claims = conn.execute(select(func.count()).select_from(claims).where(claims.c.deal_id == busiest)).scalar()
    assert reports == built["top_reports"][0]
    with TestClient(create_app(url)) as client:
        page = client.get("/api/deals", params={"limit": 10}).json()
        assert page["total"] == built["deals"] and len(page["items"]) == 10 and page["counted_at"]
        d = client.get(f"/api/deals/{busiest}").json()
        shown = min(n_claims, TIMELINE_CLAIMS)  # the page reads the latest claims of a much-reported deal
        assert len(d["timeline"]) == shown and d["timeline_complete"] == (n_claims <= TIMELINE_CLAIMS)
        assert len(d["sources_list"]) == reports if n_claims <= TIMELINE_CLAIMS else 0 < len(d["sources_list"]) <= reports
        assert d["fields"]["status"]["value"] and d["fields"]["value"]["sources"]
        html = client.get("/deals").text
        assert f"of {built['deals']}" in html and "counted" in html
        assert client.get(f"/deals/{busiest}").status_code == 200
        assert client.get("/").status_code == 200
    out = CliRunner().invoke(cli_app, ["deals", "--db", url, "--limit", "5", "--format", "json"])
    assert out.exit_code == 0 and out.output.count('"platform"') == 5


@pytest.mark.parametrize("order", ["last_reported", "value", "confidence", "id"])
def test_keyset_pages_walk_the_same_list_as_offset(seeded_ledger_url, order):
    """On a ledger built by ingest (deals without a value or date among them): `after` pages, one after the
    other, give every deal once, in the order of one long page."""
    with TestClient(create_app(seeded_ledger_url)) as client:
        whole = client.get("/api/deals", params={"order": order, "limit": 500}).json()
        assert whole["total"] == len(whole["items"]) > 6
        walked, after = [], None
        while True:
            page = client.get("/api/deals", params={"order": order, "limit": 4, **({"after": after} if after else {})})
            walked += [d["id"] for d in page.json()["items"]]
            after = page.json()["next_after"]
            if after is None:
                break
    assert walked == [d["id"] for d in whole["items"]]


def test_the_deal_count_follows_a_change(seeded_ledger_url):
    with Ledger(seeded_ledger_url) as ledger:
        before, _ = ledger.deal_total()
        assert ledger.deal_total() == (before, ledger.deal_total()[1])  # kept
        victim = ledger.deals(limit=1)[0]["id"]
        ledger.correct(victim, "*", reject=True, who="test", why="not a deal")
        assert ledger.deal_count() == before - 1  # the rejected deal leaves the list at once


@pytest.mark.parametrize("order", ["last_reported", "value", "confidence", "id"])
def test_deep_offset_pages_from_marks_are_the_pages_offset_gives(seeded_ledger_url, order, monkeypatch):
    """A deep `offset` page seeks to the marked deal before it (query.MARK_EVERY, made small here so that a
    small ledger has many marks): every page is the one skipping `offset` rows gives, deals without a value or
    date included, and after a deal changes too."""
    from armsledger.ledger import query

    monkeypatch.setattr(query, "MARK_EVERY", 3)
    with Ledger(seeded_ledger_url) as ledger:
        def same_pages() -> int:
            total = ledger.deal_count()
            with ledger.engine.connect() as conn:  # each page by skipping rows from the start of the order
                plain = [[d["id"] for d in query.deal_rows(conn, limit=4, offset=offset, order=order)]
                         for offset in range(total + 2)]
            assert [[d["id"] for d in ledger.deals(limit=4, offset=offset, order=order)]
                    for offset in range(total + 2)] == plain
            return total

        total = same_pages()
        assert total > 3 * 3  # several marks
        middle = ledger.deals(limit=1, offset=total // 2, order=order)[0]["id"]
        ledger.correct(middle, "*", reject=True, who="test", why="not a deal")  # a deal leaves the list
        assert same_pages() == total - 1


def test_a_much_reported_deal_page_shows_each_source_with_the_sentences_of_its_claims(generated):
    """The busiest deal (more claims than its page's timeline holds): each source's evidence gives the sentences
    its claims were read from, as stored, cut from the article's text."""
    url, _ = generated
    with Ledger(url) as ledger, ledger.engine.connect() as conn:
        busiest = conn.execute(select(deals.c.id).order_by(deals.c.sources.desc()).limit(1)).scalar()
        stored = {r.id: r for r in conn.execute(select(claims.c.id, claims.c.article_id, claims.c.sentence_start,
                                                       claims.c.sentence_end).where(claims.c.deal_id == busiest))}
        from armsledger.ledger.query import texts
        assert len(stored) > TIMELINE_CLAIMS
    with TestClient(create_app(url)) as client:
        d = client.get(f"/api/deals/{busiest}").json()
    assert not d["timeline_complete"] and len(d["timeline"]) == TIMELINE_CLAIMS
    assert [c["id"] for c in d["timeline"]] == sorted(stored)[-TIMELINE_CLAIMS:]  # the latest claims stored
    with Ledger(url) as ledger, ledger.engine.connect() as conn:
        bodies = texts(conn, [e["article_id"] for e in d["evidence"]])
    assert {e["article_id"] for e in d["evidence"]} == {c["article_id"] for c in d["timeline"]}
    for e in d["evidence"]:
        mine = [c for c in d["timeline"] if c["article_id"] == e["article_id"]]
        spans = {(stored[c["id"]].sentence_start, stored[c["id"]].sentence_end) for c in mine}
        assert [(s["start"], s["end"]) for s in e["sentences"]] == sorted(spans)
        for s in e["sentences"]:
            assert s["text"] == bodies[e["article_id"]][s["start"]:s["end"]]
            assert set(s["fields"]) == {c["field"] for c in mine
                                        if (stored[c["id"]].sentence_start, stored[c["id"]].sentence_end)
                                        == (s["start"], s["end"])}
