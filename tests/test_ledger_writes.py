"""The one write path: one article a transaction, batches of articles, worker processes and the
backfill loader all leave the same ledger, deal by deal."""
from __future__ import annotations

import pytest
from test_backfill import assert_same_ledger, dump, make_articles, write_jsonl

from armsledger import Article
from armsledger.backfill import backfill
from armsledger.ledger import Ledger


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    arts = make_articles(60, seed=31)
    # the same story again under another URL (a duplicate by text) and a wire copy with a new closing line
    return arts + [Article(text=arts[4].text, url="https://mirror.example.com/4", published=arts[4].published),
                   Article(text=arts[9].text + " Reporting by the wire desk.", url="https://wire.example.com/9",
                           publisher="AFP", published=arts[9].published)]


@pytest.fixture(scope="module")
def one_at_a_time(articles, extractor, tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("single") / "ledger.db")
    with Ledger(db, extractor=extractor) as ledger:
        for a in articles:
            ledger.add(a)
    return db


def test_one_at_a_time_gives_deals_with_many_reports_and_wire_copies(one_at_a_time, articles):
    ledger = dump(one_at_a_time)
    assert len(ledger["articles"]) == len(articles) - 1  # the duplicate is stored once
    assert any(a["wire_group"] != a["id"] for a in ledger["articles"])
    assert max(d["sources"] for d in ledger["deals"]) >= 5
    assert any(d["conflicts"] for d in ledger["deals"])


@pytest.mark.parametrize("batch", [1, 7, 100])
def test_batched_ingest_gives_the_ledger_of_one_article_at_a_time(articles, extractor, one_at_a_time, tmp_path,
                                                                  batch):
    db = str(tmp_path / "ledger.db")
    with Ledger(db, extractor=extractor) as ledger:
        report = ledger.ingest(articles, batch=batch)
    assert (len(report.added), len(report.duplicates), len(report.failed)) == (len(articles) - 1, 1, 0)
    assert_same_ledger(db, one_at_a_time)


def test_ingest_with_worker_processes_gives_the_same_ledger(articles, one_at_a_time, tmp_path):
    db = str(tmp_path / "ledger.db")
    with Ledger(db) as ledger:
        report = ledger.ingest(articles, jobs=2, batch=40)
    assert len(report.added) == len(articles) - 1
    assert [a.article_id for a in report.added] == list(dict.fromkeys(a.id for a in articles))
    assert_same_ledger(db, one_at_a_time)


def test_backfill_gives_the_ledger_of_one_article_at_a_time(articles, one_at_a_time, tmp_path):
    db = str(tmp_path / "ledger.db")
    backfill([write_jsonl(tmp_path / "news.jsonl", articles)], db, workers=1, work_dir=str(tmp_path / "w"),
             batch=9)
    got, want = dump(db), dump(one_at_a_time)
    # a backfill names each article by its line, so sources differ; everything reconciled is the same
    for table in ("deals", "claims", "conflicts", "events", "entities", "mentions"):
        assert got[table] == want[table], table
