"""A ledger survives what happens to real runs: a process killed mid-ingest, two ingests at once."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from armsledger.ledger import Ledger

DATA = Path(__file__).parent / "data" / "articles"


def write_reports(folder: Path, n: int) -> list[str]:
    """`n` distinct reports: the test articles under new URLs and dates, each with a line of its own."""
    sources = sorted(DATA.glob("*.txt"))
    paths = []
    for i in range(n):
        body = sources[i % len(sources)].read_text(encoding="utf-8").split("\n\n", 1)[-1]
        path = folder / f"report-{i:03d}.txt"
        path.write_text(f"URL: https://news.test/{i}\nPUBLISHED: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n"
                        f"{body}\nThis is report number {i} of the series.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def ingest_process(db: str, paths: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "armsledger", "ingest", "--quiet", "--db", db, *paths],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def snapshot(db: str) -> tuple:
    with Ledger(db, readonly=True) as ledger:
        assert ledger.verify() == []
        deals = sorted(
            tuple(d[k] for k in ("supplier", "recipient", "platform", "follow_on", "order_year", "status",
                                 "value_usd", "quantity_max", "delivered_max", "sources", "conflicts"))
            for d in ledger.deals(limit=10_000))
        return ledger.stats(), [str(x) for x in deals]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[str]:
    return write_reports(tmp_path_factory.mktemp("reports"), 24)


@pytest.fixture(scope="module")
def clean_snapshot(reports, tmp_path_factory, extractor) -> tuple:
    db = str(tmp_path_factory.mktemp("clean") / "ledger.db")
    with Ledger(db, extractor=extractor) as ledger:
        ledger.ingest(reports)
    return snapshot(db)


def test_a_run_killed_at_any_point_and_run_again_stores_everything_once(ledger_url, reports, clean_snapshot):
    rng = random.Random(7)
    for _ in range(2):
        proc = ingest_process(ledger_url, reports)
        time.sleep(rng.uniform(1.0, 5.0))  # from start-up to mid-batch
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finish = ingest_process(ledger_url, reports)
    assert finish.wait(timeout=300) == 0, finish.stderr.read()
    assert snapshot(ledger_url) == clean_snapshot


def test_two_ingests_at_once_lose_nothing_and_duplicate_nothing(ledger_url, reports):
    first = ingest_process(ledger_url, reports)
    second = ingest_process(ledger_url, list(reversed(reports)))
    for proc in (first, second):
        assert proc.wait(timeout=300) == 0, proc.stderr.read()
    stats, deals = snapshot(ledger_url)
    assert stats["articles"] == len(reports)
    with Ledger(ledger_url, readonly=True) as ledger:
        keys = [(d["supplier"], d["recipient"], d["platform"], d["follow_on"], d["order_year"])
                for d in ledger.deals(limit=10_000)]
    assert len(keys) == len(set(keys)), "a deal was created twice"


def test_a_killed_run_leaves_no_half_stored_article(tmp_path, reports):
    db = str(tmp_path / "ledger.db")
    proc = ingest_process(db, reports)
    time.sleep(3.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Ledger(db, readonly=True) as ledger:
        assert ledger.verify() == []
        for row in ledger.articles(limit=1000):
            assert ledger.article(row["id"])["claims"], "an article was stored without its claims"


def test_a_killed_run_leaves_no_worker_process_behind(tmp_path, reports):
    """An ingest killed outright (SIGKILL, the out-of-memory killer) cannot stop its extraction workers: they
    notice their parent is gone and leave, instead of waiting for work for ever with an Extractor in memory."""
    psutil = pytest.importorskip("psutil")
    proc = subprocess.Popen([sys.executable, "-m", "armsledger", "ingest", "--quiet", "--jobs", "2",
                             "--db", str(tmp_path / "ledger.db"), *reports],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    def worker(c) -> bool:  # spawned, or forked by a fork server the ingest started
        try:
            cmd = " ".join(c.cmdline())
            return "spawn_main" in cmd or "forkserver" in cmd and c.ppid() != proc.pid
        except psutil.Error:  # gone, or a zombie
            return False

    children = workers = []
    while time.monotonic() < deadline and proc.poll() is None:
        children = parent.children(recursive=True)
        workers = [c for c in children if worker(c)]
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert len(workers) >= 2, "the ingest never started its worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=15)
    for c in alive:
        c.kill()
    assert not alive, f"{len(alive)} worker processes outlived their killed parent"
