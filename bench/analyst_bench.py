"""What the analyst's loop costs: storing articles with the change log against storing them without it
(measured side by side in one run, on the same pre-extracted records), and how long the review queue, a
change query and the register reconciliation take on the ledger that results.

    .venv/bin/python bench/analyst_bench.py                  # 200,000 words of generated news (SQLite)
    .venv/bin/python bench/analyst_bench.py --words 50000    # smaller

Extraction is done once beforehand and not timed: the figures are the ledger's own work.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
SAMPLE_REGISTER = ROOT / "tests" / "data" / "register" / "trade-register.csv"


def store_all(path: str, pairs: list, *, log_changes: bool) -> float:
    from armsledger.ledger import Ledger, changes, store

    saved = changes.before, changes.record
    if not log_changes:
        changes.before = lambda conn, deal_id: {}
        changes.record = lambda *a, **k: None
    try:
        with Ledger(path) as ledger:
            start = time.perf_counter()
            for article, record in pairs:
                store.add_article(ledger.engine, article, record)
            return time.perf_counter() - start
    finally:
        changes.before, changes.record = saved


def _changes(ledger, since, flt) -> list[dict]:
    with ledger.engine.connect() as conn:
        return since(conn, flt)


def main(argv: list[str] | None = None) -> int:
    from extract_bench import build_corpus

    from armsledger import Extractor
    from armsledger.ledger import Ledger
    from armsledger.ledger.changes import ChangeFilter, since
    from armsledger.ledger.register import import_register, reconcile_register
    from armsledger.ledger.review import queue

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of each way (best is kept)")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.words, 7)
    extractor = Extractor()
    pairs = [(a, extractor(a)) for a in corpus]
    print(f"{len(pairs)} articles, {sum(len(a.text.split()) for a in corpus):,} words, extracted beforehand")
    best = {True: float("inf"), False: float("inf")}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for log in (True, False):
                path = f"{tmp}/{'with' if log else 'without'}-{r}.db"
                best[log] = min(best[log], store_all(path, pairs, log_changes=log))
        n = len(pairs)
        print(f"store with the change log:    {n / best[True]:.1f} articles/s")
        print(f"store without the change log: {n / best[False]:.1f} articles/s")
        print(f"time ratio (with / without):  {best[True] / best[False]:.2f}")
        with Ledger(f"{tmp}/with-0.db") as ledger:
            deals = ledger.stats()["deals"]
            for name, fn in [("review queue (50 items)", lambda: queue(ledger)),
                             ("changes, everything (200)", lambda: _changes(ledger, since, ChangeFilter())),
                             ("register import + reconcile", lambda: import_register(ledger, SAMPLE_REGISTER)),
                             ("register reconcile", lambda: reconcile_register(ledger))]:
                start = time.perf_counter()
                fn()
                print(f"{name} over {deals} deals: {(time.perf_counter() - start) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
