"""Backfills: partitioning, a Dask run that survives a killed worker and a crashed driver,
bad inputs, and the bulk load against a plain ingest (SQLite and PostgreSQL)."""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import signal
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from armsledger import Article, read
from armsledger.backfill import backfill, plan
from armsledger.ledger import Ledger
from armsledger.ledger.store import verify

DATA = Path(__file__).parent / "data"
PUBLISHERS = ["Reuters", "PTI", "Defense News", "The Hindu", "Yonhap", "AFP", "Janes", "Breaking Defense"]
CLOSERS = [
    "Officials said the first deliveries would be reviewed by a parliamentary committee.",
    "The ministry said further details would be released after the budget session.",
    "Analysts expect the programme to create {n} local jobs over the next decade.",
    "A spokesperson declined to comment on the financing of the purchase.",
    "The contract was discussed again at a meeting of defence officials on {day}.",
]
SLOW = pytest.mark.slow  # deselect with -m "not slow"


# -- inputs ---------------------------------------------------------------------------------

def _bases() -> list[Article]:
    paths = sorted(DATA.glob("articles/*.txt")) + sorted(DATA.glob("holdout/articles/*.txt"))
    return [a for p in paths for a in read(str(p)) if isinstance(a, Article)]


def make_articles(n: int, seed: int = 5) -> list[Article]:
    """`n` distinct articles made from the test articles: other dates, publishers, URLs and closing sentences."""
    r = random.Random(seed)
    bases = _bases()
    out = []
    for i in range(n):
        base = bases[i % len(bases)]
        day = date(2019, 1, 1) + timedelta(days=r.randint(0, 2500))
        closer = r.choice(CLOSERS).format(n=r.randint(100, 9000), day=day.strftime("%d %B %Y"))
        publisher = r.choice(PUBLISHERS)
        body = f"{base.text.rstrip()}\n\n{closer} ({publisher}, item {i})"
        out.append(Article(text=body, title=f"{base.title or 'Report'} ({publisher})", published=day.isoformat(),
                           publisher=publisher, url=f"https://news{i % 7}.example.com/{i}"))
    return out


def write_jsonl(path: Path, arts: list[Article], bad_line: bool = False) -> str:
    lines = [json.dumps({"text": a.text, "title": a.title, "published": a.published, "publisher": a.publisher,
                         "url": a.url}, ensure_ascii=False) for a in arts]
    if bad_line:
        lines.insert(len(lines) // 2, '{"text": "cut off')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def write_texts(folder: Path, arts: list[Article]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, a in enumerate(arts):
        p = folder / f"{i:04d}.txt"
        head = f"URL: {a.url}\nTITLE: {a.title}\nPUBLISHED: {a.published}\nPUBLISHER: {a.publisher}\n\n"
        p.write_text(f"{head}{a.text}\n", encoding="utf-8")
        out.append(str(p))
    return out


def write_warc(path: Path, arts: list[Article]) -> str:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for a in arts:
            paras = "".join(f"<p>{p}</p>" for p in a.text.split("\n\n") if p.strip())
            html = (f"<!doctype html><html><head><title>{a.title}</title>"
                    f'<meta property="article:published_time" content="{a.published}T08:00:00Z">'
                    f'<meta property="og:site_name" content="{a.publisher}"></head>'
                    f"<body><nav>Home | Defence</nav><article><h1>{a.title}</h1>{paras}</article></body></html>")
            body = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(a.url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return str(path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """About 260 articles: a JSON Lines file split into byte ranges, text files, a WARC, a duplicate."""
    root = tmp_path_factory.mktemp("corpus")
    arts = make_articles(240)
    inputs = [write_jsonl(root / "feed.jsonl", arts[:150], bad_line=True)]
    inputs.append(str(root / "texts"))
    write_texts(root / "texts", arts[150:200] + [arts[3]])  # arts[3] again: stored once
    inputs.append(write_warc(root / "crawl.warc.gz", arts[200:240]))
    return inputs


@pytest.fixture(scope="module")
def reference(corpus, extractor, tmp_path_factory) -> str:
    """A plain single-process ingest of the corpus."""
    path = tmp_path_factory.mktemp("reference") / "ledger.db"
    with Ledger(path, extractor=extractor) as ledger:
        ledger.ingest(corpus)
    return str(path)


# -- comparing ledgers ----------------------------------------------------------------------

VOLATILE = {"ingested_at", "updated_at", "at", "search"}
TABLES = {  # table -> order; ids are compared too: a backfill stores in the order an ingest does
    "articles": "id", "entities": "id", "mentions": "id", "deals": "id", "claims": "id", "events": "id",
    "event_sources": "id", "article_bands": "article_id, band", "failures": "id",
    "conflicts": "deal_id, field, summary",
}


def dump(db: str) -> dict[str, list[dict]]:
    out = {}
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        for table, order in TABLES.items():
            rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).mappings()
            drop = VOLATILE | ({"id"} if table == "conflicts" else set())
            out[table] = [{k: (bytes(v) if isinstance(v, memoryview) else v) for k, v in r.items() if k not in drop}
                          for r in rows]
    return out


def assert_same_ledger(got: str, want: str) -> None:
    a, b = dump(got), dump(want)
    for table in TABLES:
        assert len(a[table]) == len(b[table]), f"{table}: {len(a[table])} rows, a plain ingest has {len(b[table])}"
        for x, y in zip(a[table], b[table]):
            assert x == y, f"{table}: first difference {({k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)})}"


def count(db: str, table: str) -> int:
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def assert_consistent(db: str) -> None:
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        assert verify(conn) == []
        n, distinct = conn.execute(text("SELECT count(*), count(DISTINCT id) FROM articles")).one()
        assert n == distinct


# -- partitioning -----------------------------------------------------------------------------

@pytest.mark.parametrize("chunk", [1024, 3000, 50_000, 10_000_000])
def test_partition_byte_ranges_start_at_lines_and_cover_the_file(tmp_path, chunk):
    lines = [json.dumps({"text": "x" * random.Random(i).randint(0, 4000), "n": i}) for i in range(60)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n")
    data = path.read_bytes()
    parts = plan([str(path)], chunk_bytes=chunk)
    pieces = [p for part in parts for p in part.pieces]
    if chunk >= len(data):
        assert [p.kind for p in pieces] == ["file"]
        return
    assert all(p.kind == "lines" for p in pieces) and len(pieces) > 1
    assert pieces[0].start == 0 and pieces[-1].end == len(data)
    for a, b in zip(pieces, pieces[1:]):
        assert a.end == b.start and data[b.start - 1:b.start] == b"\n"
    assert len({p.key for p in parts}) == len(parts)


def test_partition_a_json_lines_file_too_large_to_read_whole_is_split(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"text": "y" * 900, "n": i}) for i in range(100)) + "\n")
    parts = plan([str(path)], chunk_bytes=16 << 20, max_bytes=20_000)
    assert len(parts) > 4 and all(p.pieces[0].kind == "lines" and p.nbytes <= 21_000 for p in parts)


def test_partition_small_files_are_grouped_in_reading_order(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("PUBLISHED: 2024-01-01\n\nIndia bought drones.\n" * 50)
    parts = plan([str(tmp_path), str(tmp_path / "missing-*.txt")], chunk_bytes=5000)
    paths = [p.path for part in parts for p in part.pieces]
    assert paths[:5] == sorted(str(tmp_path / f"{i}.txt") for i in range(5))
    assert len(parts) > 1 and parts[-1].pieces[-1].kind == "error"
    assert parts[-1].pieces[-1].reason == "no files match this pattern"


def test_fsspec_urls_are_read_in_byte_ranges_and_named_by_url(extractor, tmp_path, monkeypatch):
    import fsspec

    from armsledger.backfill import worker

    monkeypatch.setitem(worker._extractors, None, extractor)  # this process plays the worker
    fs = fsspec.filesystem("memory")
    arts = make_articles(12, seed=3)
    lines = [json.dumps({"text": a.text, "published": a.published}) for a in arts]
    lines.insert(5, "[1, 2]")
    with fs.open("/bf-test/feed.jsonl", "w") as fh:
        fh.write("\n".join(lines) + "\n")
    with fs.open("/bf-test/one.txt", "w") as fh:
        fh.write(f"PUBLISHED: 2024-05-01\n\n{arts[0].text}\n")
    parts = plan(["memory://bf-test/*"], chunk_bytes=4096)
    assert [p.pieces[0].kind for p in parts][:2] == ["lines", "lines"] and parts[-1].pieces[-1].kind == "file"
    rows = []
    for part in parts:
        info = worker.extract_partition(part, str(tmp_path / "shards"))
        rows += worker.read_shard(info.shard)[1]
    assert sum(r["kind"] == "article" for r in rows) == 13
    assert [r["reason"] for r in rows if r["kind"] == "error"] == ["expected a JSON object with 'text', found int"] * 2
    assert rows[-1]["source"] == "memory:///bf-test/one.txt"
    fs.rm("/bf-test", recursive=True)


# -- the Dask run ----------------------------------------------------------------------------

class _Crash(Exception):
    """The driver dies mid-load."""


@SLOW
def test_backfill_on_dask_survives_a_killed_worker_and_a_driver_crash(corpus, reference, tmp_path):
    from distributed import Client, LocalCluster

    db, work = str(tmp_path / "ledger.db"), str(tmp_path / "work")
    killed, batches = [], []

    def on_event(kind: str, data) -> None:
        if kind == "extracted" and not killed:  # kill a worker that is extracting, once
            client = Client(cluster.scheduler_address, timeout=10)
            busy = [w for w, tasks in client.processing().items() if tasks] or list(client.processing())
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            client.close()
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        if kind == "batch":
            batches.append(data)
            if len(batches) == 3:
                raise _Crash()

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with pytest.raises(_Crash):
            backfill(corpus, db, engine="dask", scheduler=cluster.scheduler_address, work_dir=work,
                     chunk_bytes=64 << 10, batch=20, on_event=on_event)
        assert killed
        assert 0 < count(db, "articles") < 240  # the batches before the crash are stored
        report = backfill(corpus, db, engine="dask", scheduler=cluster.scheduler_address, work_dir=work)
    assert report.partitions > 8 and report.reused > 0 and report.already_loaded >= 1, report.summary()
    assert report.extracted + report.reused + report.already_loaded == report.partitions
    assert not report.task_errors and report.load.added > 0
    assert_consistent(db)
    assert_same_ledger(db, reference)

    again = backfill(corpus, db, engine="local", workers=1, work_dir=work)  # nothing left to do
    assert (again.extracted, again.loaded, again.already_loaded) == (0, 0, report.partitions)


# -- bad inputs -----------------------------------------------------------------------------

@SLOW
def test_a_corrupt_input_fails_its_partition_and_the_others_complete(tmp_path):
    from typer.testing import CliRunner

    from armsledger.cli import app

    arts = make_articles(30, seed=9)
    good = write_jsonl(tmp_path / "good.jsonl", arts[:10])
    whole = write_warc(tmp_path / "whole.warc.gz", arts[10:20])
    cut = tmp_path / "cut.warc.gz"
    data = Path(write_warc(tmp_path / "full.warc.gz", arts[20:30])).read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3])
    os.remove(tmp_path / "full.warc.gz")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(gzip.compress(b"not text at all " * 200))
    db = str(tmp_path / "ledger.db")

    result = CliRunner().invoke(app, ["backfill", good, whole, str(cut), str(binary), "--db", db,
                                      "--workers", "2", "--chunk-size", "1KB"])
    out = result.output
    assert result.exit_code == 1, out
    assert f"failed: {cut}#" in out and ("cut off" in out or "damaged" in out), out
    assert f"{binary}: binary file" in out and "partitions (2 failed)" in out, out
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM articles")).scalar()
        failed = [r[0] for r in conn.execute(text("SELECT source FROM failures ORDER BY id"))]
    assert 20 <= n < 30  # every good article, and those of the cut archive before the cut
    assert any(s.startswith(str(cut)) for s in failed) and str(binary) in failed


@pytest.mark.parametrize("bulk", [False, True])  # a bulk load gives way to batches of one
def test_a_record_that_cannot_be_stored_fails_alone(extractor, tmp_path, bulk):
    from armsledger.backfill.load import load_rows
    from armsledger.backfill.worker import _article_row

    arts = make_articles(4, seed=21)
    rows = [_article_row(0, a, extractor(a), None, None) for a in arts]
    for i, row in enumerate(rows):
        row["source"] = f"item-{i}"
    broken = json.loads(rows[1]["record"])
    del broken["deals"]
    rows[1]["record"] = json.dumps(broken)
    rows[1]["ready"] = None  # as a worker leaves it when the record gives no rows (`writer.ready_or_none`)
    db = str(tmp_path / "ledger.db")
    with Ledger(db) as ledger:
        result = load_rows(ledger.engine, rows, version="test", bulk=bulk)
    assert (result.added, result.failed) == (3, [["item-1", "extraction or storage failed (KeyError: 'deals')"]])
    assert count(db, "articles") == 3 and count(db, "failures") == 1
    assert_consistent(db)


def test_a_shard_row_carries_the_ledger_rows_its_record_gives_and_a_shard_written_before_them_still_loads(
        extractor, tmp_path):
    """The extraction worker builds the rows a record gives whatever the ledger holds (`writer.ready`: claims,
    mentions, event sources), kept in the shard as JSON beside the record; a record that cannot give them leaves
    null there. A shard of the format before, without that column, loads the same ledger."""
    import pyarrow.parquet as pq

    from armsledger.backfill.load import load_rows
    from armsledger.backfill.worker import ShardInfo, _article_row, _write, read_shard
    from armsledger.ledger import writer

    arts = make_articles(6, seed=33)
    rows = [_article_row(0, a, extractor(a), None, None) for a in arts]
    for i, row in enumerate(rows):
        row["source"] = f"item-{i}"
        ready = json.loads(row["ready"])
        assert ready["form"] == writer.READY_FORM and ready == writer.ready(row["id"], row["record"])
    assert any(json.loads(r["ready"])["deals"] for r in rows) and any(json.loads(r["ready"])["events"] for r in rows)
    no_deals = json.loads(rows[0]["record"])
    del no_deals["deals"]
    assert _article_row(0, arts[0], no_deals, None, None)["ready"] is None

    new, old = str(tmp_path / "new.parquet"), str(tmp_path / "old.parquet")
    _write(rows, ShardInfo("k", 0, new))
    table = pq.read_table(new)
    pq.write_table(table.drop(["ready"]).replace_schema_metadata(table.schema.metadata), old)
    ledgers = []
    for shard in (new, old):
        _, got = read_shard(shard)
        assert ("ready" in got[0]) == (shard == new)
        ledgers.append(str(tmp_path / f"{Path(shard).stem}.db"))
        with Ledger(ledgers[-1]) as ledger:
            assert load_rows(ledger.engine, got, version="test", bulk=True).added == len(arts)
    assert_same_ledger(*ledgers)
    assert_consistent(ledgers[0])


def test_the_backfill_command_has_help_with_an_example():
    from typer.testing import CliRunner

    from armsledger.cli import app

    result = CliRunner().invoke(app, ["backfill", "--help"])
    assert result.exit_code == 0 and "Example" in result.output
    for option in ("--engine", "--scheduler", "--workers", "--work-dir", "--chunk-size", "--extract-only", "--bulk"):
        assert option in result.output


# -- PostgreSQL ------------------------------------------------------------------------------

@SLOW
def test_bulk_load_on_postgresql_gives_the_sqlite_ledger(pg_url, tmp_path):
    arts = make_articles(50, seed=11)
    inputs = [write_jsonl(tmp_path / "a.jsonl", arts[:30], bad_line=True), *write_texts(tmp_path / "t", arts[30:])]
    lite, shards = str(tmp_path / "ledger.db"), str(tmp_path / "shards")
    a = backfill(inputs, lite, workers=2, work_dir=str(tmp_path / "w1"), shard_dir=shards, chunk_bytes=8 << 10,
                 batch=7)
    # the same shards, loaded into PostgreSQL (COPY) instead
    b = backfill(inputs, pg_url, workers=2, work_dir=str(tmp_path / "w2"), shard_dir=shards, chunk_bytes=8 << 10,
                 batch=7)
    assert a.extracted == a.partitions > 3 and b.extracted == 0 and b.loaded == a.partitions
    assert (a.load.added, len(a.load.failed)) == (b.load.added, len(b.load.failed)) == (50, 1)
    assert_consistent(pg_url)
    assert_same_ledger(pg_url, lite)
