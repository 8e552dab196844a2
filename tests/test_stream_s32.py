"""Session 32, ingest of a mixed stream: the MinHash signed by the ingesting process, not by the workers.

The workers' fork server no longer imports datasketch (and the NumPy and SciPy it imports) before it can fork a
worker; the workers leave each row's MinHash and bands to the process that stores it, which signs the articles
while it waits (for the fork server's start-up, then for the workers).
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


def _boats(n: int) -> list[Article]:
    return [Article(text=f"The navy of Peru signed a contract for {k} patrol boats with a yard in Callao, and the "
                         f"first of them is to be delivered in {2026 + k % 3}, the ministry said.", source=f"peru-{k}")
            for k in range(2, 2 + n)]


def _held(monkeypatch, up: threading.Event) -> None:
    """The pool's start held until `up` is set (its fork server still loading the extraction)."""
    from armsledger.ledger import pool

    opening = pool.Extraction._open
    monkeypatch.setattr(pool.Extraction, "_open", lambda self: (up.wait(60), opening(self))[1])


def test_the_fork_servers_preload_does_not_import_datasketch():
    out = _run("import sys\nimport armsledger.ledger.warm\n"
               "print([m for m in ('datasketch', 'scipy') if m in sys.modules])\n")
    assert out.strip() == "[]"


def test_an_unsigned_row_leaves_its_minhash_to_the_process_storing_it(extractor):
    from armsledger.ledger import rows

    art = _boats(1)[0]
    record = extractor(art)
    signed, unsigned = rows.article_row(art, record), rows.article_row(art, record, signed=False)
    assert unsigned["minhash"] is None and unsigned["bands"] is None
    assert list(unsigned) == list(signed)  # the same keys, in the same places
    assert dict(unsigned, **rows.signature_of(art)) == signed


def test_the_workers_rows_are_signed_here_as_this_process_would_sign_them(monkeypatch, extractor):
    """Batches given while the pool starts are signed while it starts; a batch given once it is up, while the
    workers extract it: either way each row is the row this process would have built itself."""
    from armsledger.ledger import pool, rows

    up = threading.Event()
    _held(monkeypatch, up)
    arts = _boats(pool.POOL_MIN + 4)
    with pool.Extraction(lambda: extractor, jobs=2) as extraction:
        extraction.start(len(arts))
        first = extraction.submit(arts[:6])
        extraction.sign_waiting()  # in a thread
        extraction._signing.join(60)
        assert first.signed is not None and first.waiting == arts[:6]  # signed before the pool is up
        up.set()
        got = first()
        second = extraction.submit(arts[6:])  # the pool is up: handed over at once
        assert second.waiting is None and second.signed is None
        got += second()
    want = [rows.article_row(a, extractor(a)) for a in arts]
    assert got == want


def test_an_article_that_cannot_be_signed_fails_alone(monkeypatch, extractor):
    from armsledger.ledger import pool, rows

    arts = _boats(pool.POOL_MIN)
    signature_of = rows.signature_of

    def sign(article):
        if article.source == arts[3].source:
            raise ValueError("no signature")
        return signature_of(article)

    monkeypatch.setattr(rows, "signature_of", sign)
    with pool.Extraction(lambda: extractor, jobs=2) as extraction:
        got = extraction.submit(arts)()
    assert isinstance(got[3], ValueError)
    assert all(isinstance(g, dict) and g["minhash"] for i, g in enumerate(got) if i != 3)


def test_the_workers_are_handed_their_articles_without_waiting_for_the_signing(monkeypatch, extractor):
    """The first signature imports datasketch (~0.4 s): a pool up meanwhile is handed the batches at once."""
    from armsledger.ledger import pool, rows

    up, handed = threading.Event(), threading.Event()
    order: list[str] = []
    to_workers, signature_of = pool.Extraction._to_workers, rows.signature_of
    _held(monkeypatch, up)

    def hand(self, articles):
        order.append("handed")
        handed.set()
        return to_workers(self, articles)

    def sign(article):
        up.set()  # the pool comes up while the first article is signed
        handed.wait(60)
        order.append("signed")
        return signature_of(article)

    monkeypatch.setattr(pool.Extraction, "_to_workers", hand)
    monkeypatch.setattr(rows, "signature_of", sign)
    arts = _boats(pool.POOL_MIN)
    with pool.Extraction(lambda: extractor, jobs=2) as extraction:
        got = extraction.submit(arts)()
    assert order[0] == "handed"
    assert [g["minhash"] for g in got] == [rows.article_row(a, extractor(a))["minhash"] for a in arts]
