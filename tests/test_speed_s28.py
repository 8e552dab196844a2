"""Session 28's ingest speed-ups find what the plain paths find.

- `cache.expressions`: every expression `re.compile` makes inside it is the one `re.compile` makes alone,
  read back from the start-up cache the next time, and `re` is itself again afterwards;
- `Ledger.ingest` reads ahead of its workers: a stream ingested in a pool, in small batches with copies and
  off-topic articles, gives the ledger one process gives.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest

from armsledger.ledger import Ledger, core
from armsledger.model import Article

PATTERNS = [(r"(?P<year>\d{4})-(?P<month>\d\d)", 0), (r"frigates?|corvettes?", re.I),
            (r"\b(?:Mr|Mrs|Dr)\.?\s+([A-Z]\w+)", 0), (r"[\ud800-\udfff]", 0), (r"^\s*$", re.M)]
SAMPLES = ["2024-05 and 1999-12", "Two FRIGATES and a corvette", "Dr Smith met Mrs. Jones", "a\ud83dz",
           "line\n\n  \nend"]


def test_expressions_compiled_in_the_cache_are_those_re_compiles(tmp_path, monkeypatch):
    from armsledger import cache

    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    plain = re._compiler.compile
    for round_ in range(2):  # built, then read back from the file
        re.purge()
        with cache.expressions("speed-test") as rx:
            got = [re.compile(p, f) for p, f in PATTERNS]
            assert re.compile(b"bytes+") .match(b"bytesss")  # bytes: as `re` compiles them
        assert re._compiler.compile is plain
        assert (tmp_path / "regex-speed-test.json").exists()
        if round_:
            assert not rx._missed and len(rx._known) == len(PATTERNS)
        re.purge()
        for (p, f), pattern in zip(PATTERNS, got):
            want = re.compile(p, f)
            assert (pattern.pattern, pattern.flags, pattern.groupindex, pattern.groups) == \
                (want.pattern, want.flags, want.groupindex, want.groups)
            for s in SAMPLES:
                assert [m.span() for m in pattern.finditer(s)] == [m.span() for m in want.finditer(s)]
                assert [m.groups() for m in pattern.finditer(s)] == [m.groups() for m in want.finditer(s)]


def test_an_error_in_an_expression_is_res_error_and_re_is_restored(tmp_path, monkeypatch):
    from armsledger import cache

    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    plain = re._compiler.compile
    with pytest.raises(re.error):
        with cache.expressions("speed-test-error"):
            re.compile("(unclosed")
    assert re._compiler.compile is plain


class _Job:
    def __init__(self, done: bool, pooled: bool = True) -> None:
        self.futures = [] if pooled else None
        self._done = done

    def done(self) -> bool:
        return self._done


def _pending(*jobs, size: int = 10):
    from collections import deque

    return deque(([None] * size, core._InFlight({}, [], job)) for job in jobs)


def test_a_batch_is_written_when_back_or_when_too_much_is_in_hand(monkeypatch):
    assert core._due(_pending(_Job(True), _Job(False)))
    assert not core._due(_pending(_Job(False), _Job(True)))  # in order: the first is awaited
    monkeypatch.setattr(core, "AHEAD", 25)
    assert not core._due(_pending(_Job(False), _Job(False)))
    assert core._due(_pending(_Job(False), _Job(False), _Job(False)))
    # extracted in this process: written once the next batch is read, as before
    assert not core._due(_pending(_Job(False, pooled=False)))
    assert core._due(_pending(_Job(False, pooled=False), _Job(False, pooled=False)))


def _stream() -> list[Article]:
    from pathlib import Path

    arts = []
    folder = Path(__file__).parent / "data" / "articles"
    for i, path in enumerate(sorted(folder.glob("*.txt"))[:6]):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        arts.append(Article(text=body, source=f"defence-{i}", url=f"https://news.test/d{i}"))
        for j in range(5):
            arts.append(Article(text=f"The council met on day {i * 5 + j} to discuss the town's new library, "
                                     f"its opening hours and the parking rules nearby. Residents spoke {j} times.",
                                source=f"off-{i}-{j}", url=f"https://news.test/o{i}-{j}"))
    arts.append(Article(text=arts[0].text, source="again", url=arts[0].url))  # a copy, batches later
    return arts


def _tables(db: str) -> dict:
    import sqlite3

    con = sqlite3.connect(db)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')")]
        keep = [c for c in cols if c not in ("at", "created_at", "updated_at", "counted_at") and not c.endswith("_at")]
        out[table] = sorted(json.dumps(r, default=str) for r in con.execute(
            f"SELECT {', '.join(repr(c).replace(chr(39), chr(34)) for c in keep)} FROM '{table}'"))
    return out


def test_ingest_in_a_pool_reading_ahead_gives_the_ledger_one_process_gives(tmp_path, extractor, monkeypatch):
    arts = _stream()
    with Ledger(str(tmp_path / "one.db"), extractor=extractor) as ledger:
        one = ledger.ingest(arts, batch=4)
    monkeypatch.setattr("armsledger.ledger.pool.POOL_MIN", 1)
    with Ledger(str(tmp_path / "pool.db")) as ledger:
        pooled = ledger.ingest(arts, batch=4, jobs=2)
    assert [(a.article_id, a.status) for a in pooled.added + pooled.duplicates] == \
        [(a.article_id, a.status) for a in one.added + one.duplicates]
    assert len(pooled.gated) == len(one.gated) == 30 and len(one.duplicates) == 1
    assert _tables(str(tmp_path / "one.db")) == _tables(str(tmp_path / "pool.db"))


def test_a_worker_forked_by_a_fork_server_watches_its_ingest_process():
    """`exit_with`: a worker whose parent is a fork server watches the ingest process itself (the server leaves
    only after its workers): alive while it runs, gone once it ended, and not fooled by its zombie."""
    from armsledger import workers

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert workers._started(child.pid) not in (None, 0)
        assert workers._started(child.pid) == workers._started(child.pid)
        child.kill()
        time.sleep(0.5)  # killed, not reaped yet: a zombie
        assert workers._started(child.pid) is None
    finally:
        child.kill()
        child.wait()
    assert workers._started(child.pid) is None


def test_the_pool_forks_its_workers_from_a_server_that_built_the_extractor():
    from armsledger.ledger import pool

    extraction = pool.Extraction(lambda: None, jobs=2)
    with extraction:
        extraction.start(pool.POOL_MIN)
        got = [extraction.pool.submit(_parent_and_extractor).result(timeout=600) for _ in range(4)]
    assert all(parent != os.getpid() and built for parent, built in got)  # a fork server's children


def _parent_and_extractor() -> tuple[int, bool]:
    from armsledger.ledger import pool

    return os.getppid(), None in pool._extractors
