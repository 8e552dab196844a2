"""Session 30, ingest throughput of a mixed stream: what the ingest process and its pool no longer pay for.

- the writer compares stored signatures without NumPy (not imported by the write path);
- the pool is started in a thread: the ingest process reads and gates while the fork server starts, and the
  batches given meanwhile go to the workers in order once it is up.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import armsledger
from armsledger import Article

SRC = str(Path(armsledger.__file__).resolve().parent.parent)  # the tree under test


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_the_write_path_does_not_import_numpy():
    out = _run("import sys\nfrom armsledger.ledger import store, writer\nprint('numpy' in sys.modules)\n")
    assert out.strip() == "False"


def test_stored_signatures_compare_as_the_minhashes_do():
    from armsledger.ledger import dedup

    one = "The city library will open on Sundays from March, the council said, after a vote on its budget."
    texts = [one, one.replace("Sundays", "Saturdays"), one + " Parking stays free.", "A quite different story "
             "about a football club that signed a young goalkeeper from a rival team on a three-year contract."]
    sigs = [dedup.signature(t) for t in texts]
    for a in sigs:
        for b in sigs:
            got = dedup.similarity_of(dedup.to_bytes(a), dedup.to_bytes(b))
            assert got == a.jaccard(b)  # datasketch's own estimate
    assert dedup.similarity_of(dedup.to_bytes(sigs[0]), dedup.to_bytes(sigs[0])) == 1.0
    assert dedup.similarity_of(dedup.to_bytes(sigs[0]), dedup.to_bytes(sigs[3])) < dedup.SIMILAR


def test_batches_given_while_the_pool_starts_wait_and_then_go_to_the_workers_in_order(monkeypatch, extractor):
    from armsledger.ledger import pool, rows

    up = threading.Event()
    opening = pool.Extraction._open

    def slow_open(self):
        up.wait(60)  # the fork server still importing the extraction
        opening(self)

    monkeypatch.setattr(pool.Extraction, "_open", slow_open)
    arts = [Article(text=f"The navy of Norway signed a contract for {n} patrol boats with a yard in Bergen.",
                    source=f"boats-{n}") for n in range(2, 2 + pool.POOL_MIN)]
    with pool.Extraction(lambda: extractor, jobs=2) as extraction:
        extraction.start(len(arts))  # returns at once: the pool starts in a thread
        first, second = extraction.submit(arts[:5]), extraction.submit(arts[5:])
        assert first.waiting == arts[:5] and second.waiting == arts[5:]
        assert not first.done() and not second.done()
        up.set()
        got = first() + second()  # waits for the pool, hands both batches over in order
        assert first.waiting is None and second.waiting is None
    want = [rows.article_row(a, extractor(a)) for a in arts]
    assert [g["id"] for g in got] == [w["id"] for w in want]
    assert [g["record"] for g in got] == [w["record"] for w in want]


def test_a_pool_that_cannot_start_fails_the_batches_given_to_it(monkeypatch, extractor):
    import pytest

    from armsledger.ledger import pool

    def broken(self):
        self._failed = OSError("no processes left")

    monkeypatch.setattr(pool.Extraction, "_open", broken)
    arts = [Article(text=f"Town news {n}: the market opens at nine.", source=f"m-{n}") for n in range(pool.POOL_MIN)]
    with pool.Extraction(lambda: extractor, jobs=2) as extraction:
        with pytest.raises(OSError, match="no processes left"):  # when handed over (at once, or when awaited)
            extraction.submit(arts)()


def test_the_gated_list_is_written_in_the_transaction_of_its_batch(tmp_path, monkeypatch, extractor):
    """A batch holding stored and passed-over articles is one transaction, not two: its gated rows go with its
    articles (an ingest stopped before lists them again when run again); a batch with nothing to store lists its own."""
    from armsledger.ledger import Ledger, store

    arts = []
    for n in range(3):
        arts.append(Article(text=f"The army of Chile ordered {n + 3} Leopard 2 tanks from Germany for delivery "
                                 "next year, the defence ministry said.", source=f"tanks-{n}"))
        arts += [Article(text=f"The bakery on Mill Street sold {k} loaves on a busy Saturday morning, its owner "
                              "said, and the queue reached the corner.", source=f"bread-{n}-{k}") for k in range(3)]
    arts += [Article(text=f"The choir sings on Friday at {k} o'clock in the old hall.", source=f"choir-{k}")
             for k in range(2)]
    alone = []
    monkeypatch.setattr(store, "record_gated", lambda engine, rows: (alone.append(list(rows)), rows.clear()))
    with Ledger(str(tmp_path / "g.db"), extractor=extractor) as ledger:
        report = ledger.ingest(arts, batch=4)
        listed = sorted(r["source"] for r in ledger.gated(limit=50))
    assert len(report.added) == 3 and len(report.gated) == 11
    # the last batch stores nothing: its list is written on its own (here: to the stand-in)
    assert [[r["source"] for r in rows] for rows in alone] == [["choir-0", "choir-1"]]
    assert listed == sorted(f"bread-{n}-{k}" for n in range(3) for k in range(3))
