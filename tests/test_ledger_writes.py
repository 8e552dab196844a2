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


@pytest.mark.parametrize("bulk", [False, True])
def test_backfill_gives_the_ledger_of_one_article_at_a_time(articles, one_at_a_time, tmp_path, bulk):
    db = str(tmp_path / "ledger.db")
    events = []
    report = backfill([write_jsonl(tmp_path / "news.jsonl", articles)], db, workers=1, work_dir=str(tmp_path / "w"),
                      batch=9, bulk=bulk, chunk_bytes=40_000, on_event=lambda kind, data: events.append(kind))
    assert report.partitions > 2 and report.loaded == report.partitions and report.load.added == len(articles) - 1
    if bulk:  # every shard loaded after the last one was extracted
        assert events.index("loaded") > max(i for i, kind in enumerate(events) if kind == "extracted")
    got, want = dump(db), dump(one_at_a_time)
    # a backfill names each article by its line, so sources differ; everything reconciled is the same
    for table in ("deals", "claims", "conflicts", "events", "entities", "mentions"):
        assert got[table] == want[table], table


# -- the bulk load into an empty ledger (`load_rows(bulk=True)`, `writer.BulkLoad`) --------------

class Collect:
    """Stands for a ledger to `handmade.report`: keeps each (article, record) instead of storing it."""

    def __init__(self):
        self.reports = []

    def add(self, article, record):
        self.reports.append((article, record))


def _rows(articles, extractor) -> list[dict]:
    from armsledger.ledger.writer import article_row

    return [article_row(a, extractor(a)) for a in articles]


def schema(db: str) -> list[tuple]:
    """Every index, trigger and foreign key of the ledger, as the database states it."""
    with Ledger(db, readonly=True) as ledger, ledger.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            return [tuple(r) for r in conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")]
        return ([tuple(r) for r in conn.exec_driver_sql(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1")]
                + [tuple(r) for r in conn.exec_driver_sql(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated "
                    "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2")])


def _foreign_keys_on(db: str) -> bool:
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        return conn.dialect.name != "sqlite" or conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.fixture(scope="module")
def empty_schema(tmp_path_factory) -> list[tuple]:
    db = str(tmp_path_factory.mktemp("empty") / "ledger.db")
    with Ledger(db):
        pass
    return schema(db)


@pytest.mark.parametrize("batch", [1, 9])
def test_bulk_load_into_an_empty_ledger_gives_the_ledger_of_one_article_at_a_time(
        articles, extractor, one_at_a_time, ledger_url, empty_schema, batch):
    from armsledger import __version__
    from armsledger.backfill.load import load_rows

    with Ledger(ledger_url) as ledger:
        before = schema(ledger_url)
        calls = []
        result = load_rows(ledger.engine, _rows(articles, extractor), version=__version__, batch=batch, bulk=True,
                           on_batch=calls.append)
        assert (result.added, result.duplicates, result.failed) == (len(articles) - 1, 1, [])
        assert sum(calls) == len(articles) and len(calls) == -(-len(articles) // batch)
        assert ledger.verify() == []
        # the search index was built: a word of one article finds it
        assert any(hit["id"] == articles[0].id for hit in ledger.search(articles[0].text.split()[2], limit=100))
    assert_same_ledger(ledger_url, one_at_a_time)
    assert schema(ledger_url) == before  # every index, trigger and foreign key back, and validated
    if "://" not in ledger_url:
        assert before == empty_schema
    assert _foreign_keys_on(ledger_url)


def test_rows_in_short_multi_row_inserts_give_the_same_ledger(articles, extractor, one_at_a_time, ledger_url,
                                                              monkeypatch):
    """SQLite stores rows in multi-row INSERTs (`writer.VALUES_ROWS` a statement): with 3 a statement every table
    of a bulk load takes whole statements and a shorter last one, and the ledger (ids given by the database
    included) is the one of one article at a time."""
    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import writer

    monkeypatch.setattr(writer, "VALUES_ROWS", 3)
    with Ledger(ledger_url) as ledger:
        result = load_rows(ledger.engine, _rows(articles, extractor), version=__version__, bulk=True)
        assert (result.added, result.duplicates, result.failed) == (len(articles) - 1, 1, [])
        assert ledger.verify() == []
    assert_same_ledger(ledger_url, one_at_a_time)


def _search_trigger(conn) -> str | None:
    """PostgreSQL: whether the trigger that gives each new article its search vector is on ('O')."""
    return conn.exec_driver_sql("SELECT tgenabled FROM pg_trigger WHERE tgname = 'articles_search'").scalar()


def test_search_right_after_a_bulk_load_finds_what_it_finds_once_the_vectors_are_filled(articles, extractor,
                                                                                         ledger_url):
    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import writer

    words = ["BrahMos", "HIMARS Taiwan", "supersonic cruise missiles", "Philippines", "F-16", "howitzers",
             articles[0].text.split()[2], "nothing-like-this-anywhere"]
    with Ledger(ledger_url) as ledger:
        load_rows(ledger.engine, _rows(articles, extractor), version=__version__, bulk=True)
        pg = ledger.engine.dialect.name == "postgresql"
        with ledger.engine.connect() as conn:
            # PostgreSQL: committed without their vectors (computed after the load), the trigger back on
            assert writer.search_pending(conn) == (len(articles) - 1 if pg else 0)
            assert _search_trigger(conn) == "O" if pg else True
        hits = {w: sorted(ledger.search(w, limit=100), key=lambda h: h["id"]) for w in words}
        assert any(h["id"] == articles[0].id for h in hits[articles[0].text.split()[2]])
        assert len(hits["BrahMos"]) >= 2 and hits["nothing-like-this-anywhere"] == []
        assert all("[" in h["snippet"] for w in words for h in hits[w])
        assert writer.fill_search(ledger.engine, chunk=7) == (len(articles) - 1 if pg else 0)
        with ledger.engine.connect() as conn:
            assert writer.search_pending(conn) == 0
        assert {w: sorted(ledger.search(w, limit=100), key=lambda h: h["id"]) for w in words} == hits
        # an article stored after the load has its vector from the start (the trigger)
        ledger.add(Article(text="The navy of Chile received two Scorpene submarines built in France on Monday.",
                           url="https://later.example.com/1", published="2024-05-06"))
        with ledger.engine.connect() as conn:
            assert writer.search_pending(conn) == 0
        assert "https://later.example.com/1" in [h["url"] for h in ledger.search("Scorpene submarines", limit=100)]


def test_bulk_load_into_a_ledger_holding_articles_goes_batch_by_batch(articles, extractor, one_at_a_time,
                                                                      tmp_path, monkeypatch):
    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import writer

    db = str(tmp_path / "ledger.db")
    rows = _rows(articles, extractor)
    with Ledger(db) as ledger:
        load_rows(ledger.engine, rows[:20], version=__version__, bulk=True)
        monkeypatch.setattr(writer.BulkLoad, "_defer", lambda self: pytest.fail("a bulk load into a full ledger"))
        result = load_rows(ledger.engine, rows[20:], version=__version__, batch=9, bulk=True)
    assert result.added == len(articles) - 21
    assert_same_ledger(db, one_at_a_time)


def test_a_bulk_load_s_connection_is_given_out_only_once_the_writer_thread_is_done(articles, extractor, tmp_path,
                                                                                   monkeypatch):
    import time

    from sqlalchemy import func, select

    from armsledger import __version__
    from armsledger.ledger import writer
    from armsledger.ledger.schema import articles as articles_table

    slow = writer._write_out

    def write_out_slowly(*args):
        time.sleep(0.5)  # the writer thread still busy when the caller reaches for the connection
        slow(*args)

    monkeypatch.setattr(writer, "_write_out", write_out_slowly)
    with Ledger(str(tmp_path / "ledger.db")) as ledger:
        with writer.bulk_load(ledger.engine, __version__) as load:
            load.write(_rows(articles[:3], extractor))
            assert load.conn.execute(select(func.count()).select_from(articles_table)).scalar() == 3


def test_a_sqlite_bulk_load_runs_with_a_large_page_cache_and_gives_the_connection_its_own_back(
        articles, extractor, tmp_path):
    from armsledger import __version__
    from armsledger.ledger import writer

    def cache(conn) -> int:
        return conn.exec_driver_sql("PRAGMA cache_size").scalar()

    with Ledger(str(tmp_path / "ledger.db")) as ledger:
        with ledger.engine.connect() as conn:
            own = cache(conn)
        assert own != -writer.BULK_CACHE_KIB
        with pytest.raises(RuntimeError):  # a load that fails midway
            with writer.bulk_load(ledger.engine, __version__) as load:
                assert cache(load.conn) == -writer.BULK_CACHE_KIB
                raise RuntimeError("stop")
        with ledger.engine.connect() as conn:
            assert cache(conn) == own
        with writer.bulk_load(ledger.engine, __version__) as load:
            load.write(_rows(articles[:3], extractor))
            assert cache(load.conn) == -writer.BULK_CACHE_KIB
        with ledger.engine.connect() as conn:
            assert cache(conn) == own
            assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 3


def test_a_bulk_load_that_breaks_a_foreign_key_fails_and_stores_nothing(articles, extractor, ledger_url):
    from sqlalchemy.exc import IntegrityError

    from armsledger import __version__
    from armsledger.ledger import LedgerError, writer
    from armsledger.ledger.schema import mentions

    with Ledger(ledger_url) as ledger:
        before = schema(ledger_url)
        # PostgreSQL: when the constraints are validated at the end; SQLite: on the insert, as always
        with pytest.raises((LedgerError, IntegrityError), match="(?i)foreign key"):
            with writer.bulk_load(ledger.engine, __version__) as load:
                load.write(_rows(articles[:3], extractor))
                load.conn.execute(mentions.insert().values(entity_id=10_000, article_id=articles[0].id, start=0,
                                                          end=5, text="Nobody"))
        assert ledger.stats()["articles"] == 0
    assert schema(ledger_url) == before
    assert _foreign_keys_on(ledger_url)


_CHILD = """
import json, sys, time
from armsledger.backfill.load import load_rows
from armsledger.ledger import Ledger
rows = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
for r in rows:
    r["minhash"] = bytes.fromhex(r["minhash"])

def on_batch(n):
    print("batch", n, flush=True)
    time.sleep(600)  # killed here, in the middle of the load

with Ledger(sys.argv[1]) as ledger:
    load_rows(ledger.engine, rows, version="test", batch=10, bulk=True, on_batch=on_batch)
"""


def test_a_bulk_load_killed_midway_leaves_the_ledger_as_it_was(articles, extractor, one_at_a_time, ledger_url,
                                                               tmp_path):
    import json
    import signal
    import subprocess
    import sys

    from armsledger import __version__
    from armsledger.backfill.load import load_rows

    rows = _rows(articles, extractor)
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(dict(r, minhash=r["minhash"].hex())) + "\n" for r in rows), encoding="utf-8")
    with Ledger(ledger_url):
        before = schema(ledger_url)
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, ledger_url, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("batch 10"), "the load did not get going"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Ledger(ledger_url) as ledger:
        assert ledger.stats()["articles"] == 0 and ledger.verify() == []
        assert schema(ledger_url) == before  # the dropped indexes, trigger and foreign keys are back
        load_rows(ledger.engine, rows, version=__version__, bulk=True)  # and a bulk load runs again
    assert_same_ledger(ledger_url, one_at_a_time)


def _feed_and_aggregates(db: str) -> dict[str, list[tuple]]:
    """The change feed (its times aside) and the deals' stored aggregates, which `dump` leaves out."""
    from sqlalchemy import text

    with Ledger(db, readonly=True) as ledger, ledger.engine.connect() as conn:
        return {"changes": [tuple(r) for r in conn.execute(text(
                    "SELECT id, deal_id, kind, field, summary, old, new FROM changes ORDER BY id"))],
                "deal_fields": [tuple(r) for r in conn.execute(text(
                    "SELECT deal_id, field, last_claim, state FROM deal_fields ORDER BY deal_id, field"))],
                "deal_keys": [tuple(r) for r in conn.execute(text(
                    "SELECT deal_id, field, grp, key FROM deal_keys ORDER BY deal_id, field, grp, key"))]}


def test_a_bulk_load_gives_the_change_feed_and_aggregates_of_one_batch(articles, extractor, ledger_url, tmp_path):
    """A bulk load reconciles every deal once, at its end, as one batch of all its rows does: the same change feed
    (the deals' columns before reconciling taken from what matching left, not read back; on PostgreSQL the deals
    written only then) and the same stored aggregates."""
    from armsledger import __version__
    from armsledger.backfill.load import load_rows

    rows = _rows(articles, extractor)
    one = str(tmp_path / "one.db")
    with Ledger(one) as ledger:
        load_rows(ledger.engine, rows, version=__version__, batch=len(rows))
    with Ledger(ledger_url) as ledger:
        load_rows(ledger.engine, rows, version=__version__, batch=9, bulk=True)
    got, want = _feed_and_aggregates(ledger_url), _feed_and_aggregates(one)
    assert got["changes"] and got["deal_fields"] and got["deal_keys"]
    assert got == want
    assert_same_ledger(ledger_url, one)


def test_a_bulk_load_keeps_what_a_later_report_adds_to_a_deal_an_earlier_batch_wrote(tmp_path):
    """The supplier and order year of a deal first reported without them, told by a report in a later batch."""
    from handmade import report

    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger.writer import article_row

    got = Collect()
    report(got, "Chile is buying Scorpene submarines.", "2019-03-01", "Reuters", supplier=None, recipient="CHL",
           platform="Scorpene", status="negotiating")
    report(got, "France and Chile signed for the Scorpene submarines in 2019.", "2019-09-01", "AFP",
           supplier="FRA", recipient="CHL", platform="Scorpene", signed="2019")
    single, bulk = str(tmp_path / "single.db"), str(tmp_path / "bulk.db")
    with Ledger(single) as ledger:
        for article, record in got.reports:
            ledger.add(article, record)
    with Ledger(bulk) as ledger:
        load_rows(ledger.engine, [article_row(a, r) for a, r in got.reports], version=__version__, batch=1,
                  bulk=True)
        (deal,) = ledger.deals()
    assert (deal["supplier"], deal["order_year"]) == ("FRA", 2019)
    assert_same_ledger(bulk, single)


def test_a_write_failing_in_the_bulk_writer_thread_rolls_back_and_the_load_goes_batch_by_batch(
        articles, extractor, one_at_a_time, tmp_path, monkeypatch):
    import threading

    from sqlalchemy.exc import IntegrityError

    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import writer

    real, failed = writer.write_tuples, []

    def write_tuples(conn, table, columns, rows):
        if table.name == "mentions" and threading.current_thread() is not threading.main_thread() and not failed:
            failed.append(table.name)  # once, in the writer thread of the bulk load
            raise IntegrityError("INSERT INTO mentions", {}, Exception("constraint failed"))
        real(conn, table, columns, rows)

    monkeypatch.setattr(writer, "write_tuples", write_tuples)
    db = str(tmp_path / "ledger.db")
    with Ledger(db) as ledger:
        result = load_rows(ledger.engine, _rows(articles, extractor), version=__version__, batch=9, bulk=True)
    assert failed and result.added == len(articles) - 1 and not result.failed
    assert_same_ledger(db, one_at_a_time)


def test_a_bulk_backfill_cut_short_leaves_the_ledger_empty_and_the_next_run_loads_it(articles, one_at_a_time,
                                                                                    tmp_path):
    class Crash(Exception):
        pass

    def crash(kind, data):
        if kind == "batch":
            raise Crash()

    db, work = str(tmp_path / "ledger.db"), str(tmp_path / "w")
    inputs = [write_jsonl(tmp_path / "news.jsonl", articles)]
    with pytest.raises(Crash):
        backfill(inputs, db, workers=1, work_dir=work, batch=9, bulk=True, chunk_bytes=40_000, on_event=crash)
    with Ledger(db) as ledger:
        assert ledger.stats()["articles"] == 0 and ledger.verify() == []
    report = backfill(inputs, db, workers=1, work_dir=work, batch=9, bulk=True, chunk_bytes=40_000)
    assert report.extracted == 0 and report.loaded == report.partitions  # the shards of the first run, loaded
    got, want = dump(db), dump(one_at_a_time)
    for table in ("deals", "claims", "conflicts", "events", "entities", "mentions"):
        assert got[table] == want[table], table


def _aggregates(db: str) -> dict[str, list[tuple]]:
    """What `dump` leaves out: the deals' stored aggregates."""
    from sqlalchemy import text

    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        return {"deal_fields": [tuple(r) for r in conn.execute(text(
                    "SELECT deal_id, field, state, last_claim FROM deal_fields ORDER BY deal_id, field"))],
                "deal_keys": [tuple(r) for r in conn.execute(text(
                    "SELECT deal_id, field, grp, key FROM deal_keys ORDER BY deal_id, field, grp, key"))]}


def _feed(db: str) -> list[tuple]:
    from sqlalchemy import text

    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text("SELECT deal_id, kind FROM changes")))


@pytest.mark.parametrize("ready", ["as a shard holds it", "none (a shard written before it)", "of another form"])
def test_a_bulk_load_of_records_as_json_reconciles_from_what_it_stored_and_gives_the_same_ledger(
        articles, extractor, one_at_a_time, ledger_url, monkeypatch, ready):
    """Records as a backfill's shards hold them (JSON text), with the rows they give (`writer.ready`) as JSON
    text, without them, or in a form this build does not read (rebuilt from the record): every deal and event is
    reconciled from the claims and sources the load kept, none read back from the ledger, and the ledger is the
    one of one article at a time, its deals' aggregates included; the change feed tells each deal once, as new."""
    import json

    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import aggregates

    rows = _rows(articles, extractor)
    for r in rows:
        r["record"] = json.dumps(json.loads(r["record"]))  # ASCII-escaped, as json.dumps writes by default
        if ready == "as a shard holds it":
            r["ready"] = json.dumps(r["ready"], ensure_ascii=False)
        elif ready.startswith("none"):
            del r["ready"]
        else:  # claims without their ids: a loader that trusted it would fail or store other rows
            r["ready"] = dict(r["ready"], form=0,
                              deals=[{"head": d["head"], "claims": []} for d in r["ready"]["deals"]])
    with Ledger(ledger_url) as ledger:
        monkeypatch.setattr(aggregates, "_claims", lambda *a: pytest.fail("claims read back from the ledger"))
        result = load_rows(ledger.engine, rows, version=__version__, batch=9, bulk=True)
        monkeypatch.undo()
        assert (result.added, result.duplicates, result.failed) == (len(articles) - 1, 1, [])
        assert ledger.verify() == []
    assert_same_ledger(ledger_url, one_at_a_time)
    assert _aggregates(ledger_url) == _aggregates(one_at_a_time)
    reported = sorted(d["id"] for d in dump(one_at_a_time)["deals"] if d["sources"])
    assert _feed(ledger_url) == [(d, "new_deal") for d in reported]


def test_a_bulk_load_reconciles_deals_without_claims_whole_numbers_and_names_beyond_ascii(ledger_url, tmp_path):
    """A deal whose report states no field (no claim), a value given as a whole number (stored as a float),
    names beyond ASCII: as stored one article at a time."""
    import json

    from handmade import report

    from armsledger import __version__
    from armsledger.backfill.load import load_rows
    from armsledger.ledger.writer import article_row

    got = Collect()
    report(got, "Chile is looking at the Scorpène submarines.", "2019-03-01", "Reuters", supplier=None,
           recipient="CHL", platform="Scorpène", status=None)
    report(got, "Türkiye signed for 40 F-16 Block 70 jets worth $1.2 billion.", "2021-10-01", "Agence Anadolu",
           supplier="USA", recipient="TUR", platform="F-16 Block 70", value_usd=1_200_000_000,
           value_text="$1.2 billion")
    report(got, "Türkiye's F-16 deal is worth 1.4 billion dollars, officials said.", "2021-11-02", "Hürriyet",
           supplier="USA", recipient="TUR", platform="F-16 Block 70", value_usd=1_400_000_000,
           value_text="1.4 billion dollars", hedged=True)
    single = str(tmp_path / "single.db")
    with Ledger(single) as ledger:
        for article, record in got.reports:
            ledger.add(article, record)
    rows = [article_row(a, r) for a, r in got.reports]
    rows[0]["record"] = got.reports[0][1]  # one record handed over as a dict, the others as JSON text
    for r, (_, record) in zip(rows[1:], got.reports[1:]):
        r["record"] = json.dumps(record)
    with Ledger(ledger_url) as ledger:
        load_rows(ledger.engine, rows, version=__version__, batch=1, bulk=True)
        deals = {d["platform"]: d for d in ledger.deals()}
    assert deals["Scorpène"]["sources"] == 0 and deals["F-16 Block 70"]["conflicts"] == 1
    assert_same_ledger(ledger_url, single)
    assert _aggregates(ledger_url) == _aggregates(single)


def test_an_extraction_worker_builds_its_rows_without_a_database_library():
    """The rows an ingest or backfill worker builds (`rows.article_row`) need no SQLAlchemy: a worker that only
    extracts does not pay for its import at start-up, and its rows are the ones the writer reads."""
    import json
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from armsledger.ledger import pool, rows\n"
        "from armsledger.model import Article\n"
        "row = rows.article_row(Article(text='Poland signed a contract for 96 Apache helicopters.', source='t'),"
        " {'article': {'published': None}, 'entities': [], 'deals': [], 'events': []})\n"
        "print(json.dumps([row['ready'] is not None, 'sqlalchemy' in sys.modules,"
        " 'typer' in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [True, False, False]  # nor the command line

    from armsledger.ledger import rows, writer

    assert writer.article_row is rows.article_row and writer.ready is rows.ready  # one builder, named by both


def test_a_signature_is_the_minhash_datasketch_gives_each_text():
    """Near-duplicates are told by the same MinHash as a fresh `MinHash(num_perm=64, seed=1)` a text, though
    `dedup.signature` copies one empty MinHash instead of drawing its permutations again."""
    import json
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from armsledger.ledger import dedup\n"
        "texts = ['Poland signed a contract for 96 Apache helicopters on Monday, officials said.', 'x', '',"
        " 'The navy ordered two frigates. ' * 40]\n"
        "sigs = [dedup.signature(t) for t in texts]\n"
        "import datasketch\n"
        "same = []\n"
        "for t, m in zip(texts, sigs):\n"
        "    words = dedup._WORD.findall(t.lower())\n"
        "    fresh = datasketch.MinHash(num_perm=64, seed=1)\n"
        "    fresh.update_batch([' '.join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))])\n"
        "    same.append(dedup.to_bytes(m) == dedup.to_bytes(fresh) and dedup.bands(m) == dedup.bands(fresh))\n"
        "print(json.dumps(same))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [True, True, True, True]


def test_the_console_script_leaves_the_command_line_to_its_call():
    """`armsledger`'s entry point imports the command line (typer, rich) only when called: an extraction worker
    started by `spawn` imports its parent's script, and so only `armsledger.launch`."""
    import json
    import subprocess
    import sys
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "armsledger"]
    assert script.value == "armsledger.launch:main"
    code = "import sys, json, armsledger.launch\nprint(json.dumps(['typer' in sys.modules, 'armsledger.cli' in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [False, False]
