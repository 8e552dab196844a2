"""Ingest benchmark: articles/s and words/s into a SQLite ledger and a PostgreSQL one.

Two ways in, on the same corpus (extract_bench.py's: the sample articles, then generated
news-like articles), each into a fresh ledger:

- `ingest`: `Ledger.add(article)` one article at a time, as `armsledger ingest` stores
  them (extraction, then one transaction per article with its reconciliation). The
  latency of each article is timed; p95 is reported.
- `bulk load`: the backfill loader (`armsledger.backfill.load.load_rows`) over the
  records of the same articles, extracted beforehand (not timed): what the driver of a
  backfill does with the shards, 500 articles to a transaction.

Each backend runs in its own process so that its peak RSS is its own:

    .venv/bin/python bench/ingest_bench.py --db sqlite
    .venv/bin/python bench/ingest_bench.py --db postgresql --pg postgresql://postgres@127.0.0.1:5432
    .venv/bin/python bench/ingest_bench.py --words 50000 --json /tmp/ingest.json   # smaller
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
PG_SERVER = os.environ.get("ARMSLEDGER_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


class _Database:
    """A fresh ledger for one measurement: a SQLite file, or a PostgreSQL database dropped afterwards."""

    def __init__(self, kind: str, server: str, tmp: str) -> None:
        self.kind, self.server, self.tmp, self.name = kind, server, tmp, None

    def __enter__(self) -> str:
        if self.kind == "sqlite":
            return os.path.join(self.tmp, f"{uuid.uuid4().hex[:8]}.db")
        import psycopg

        self.name = f"armsledger_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return f"{self.server}/{self.name}"

    def __exit__(self, *exc) -> None:
        if self.name:
            import psycopg

            with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def bench(kind: str, words: int, seed: int, server: str, batch: int) -> dict:
    from extract_bench import build_corpus

    from armsledger import Extractor
    from armsledger.backfill.load import load_rows
    from armsledger.backfill.worker import _article_row
    from armsledger.ledger import Ledger

    corpus = build_corpus(words, seed)
    n_words = sum(len(a.text.split()) for a in corpus)
    extractor = Extractor()
    extractor(corpus[0])  # warm-up
    out: dict = {"backend": kind, "articles": len(corpus), "words": n_words}
    with tempfile.TemporaryDirectory(prefix="armsledger-bench-") as tmp:
        with _Database(kind, server, tmp) as db, Ledger(db, extractor=extractor) as ledger:
            latencies = []
            t0 = time.perf_counter()
            for article in corpus:
                t = time.perf_counter()
                ledger.add(article)
                latencies.append(time.perf_counter() - t)
            seconds = time.perf_counter() - t0
        out["ingest"] = {"seconds": round(seconds, 3), "articles_per_s": round(len(corpus) / seconds, 2),
                         "words_per_s": round(n_words / seconds, 1),
                         "p50_ms": round(statistics.median(latencies) * 1e3, 1),
                         "p95_ms": round(p95(latencies) * 1e3, 1)}
        print(f"{kind} ingest: {seconds:.1f} s, {len(corpus) / seconds:.1f} articles/s, "
              f"{n_words / seconds:,.0f} words/s, p95 {out['ingest']['p95_ms']} ms an article", flush=True)

        rows = [_article_row(0, a, extractor(a), None, None) for a in corpus]  # the shards' rows, not timed
        for r, a in zip(rows, corpus):
            r["source"] = a.source
        with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
            t0 = time.perf_counter()
            batches: list[float] = []
            mark = [t0]

            def on_batch(n: int) -> None:
                now = time.perf_counter()
                batches.append((now - mark[0]) / n)
                mark[0] = now

            result = load_rows(ledger.engine, rows, version="bench", batch=batch, on_batch=on_batch)
            seconds = time.perf_counter() - t0
        out["bulk_load"] = {"seconds": round(seconds, 3), "articles_per_s": round(len(corpus) / seconds, 2),
                            "words_per_s": round(n_words / seconds, 1), "batch": batch, "added": result.added}
        print(f"{kind} bulk load: {seconds:.1f} s, {len(corpus) / seconds:.1f} articles/s, "
              f"{n_words / seconds:,.0f} words/s ({batch} articles a transaction)", flush=True)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both",
                    help="backend; 'both' runs each in its own process (default)")
    ap.add_argument("--words", type=int, default=150_000, help="corpus size in words (default 150,000)")
    ap.add_argument("--seed", type=int, default=20240419)
    ap.add_argument("--batch", type=int, default=500, help="articles a transaction in the bulk load")
    ap.add_argument("--pg", default=PG_SERVER, help=f"PostgreSQL server URL (default {PG_SERVER}, "
                                                     "or $ARMSLEDGER_BENCH_PG)")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    ap.add_argument("--no-table", action="store_true", help=argparse.SUPPRESS)  # a child of --db both
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    if args.db == "both":
        results = []
        for kind in ("sqlite", "postgresql"):
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
                path = fh.name
            cmd = [sys.executable, __file__, "--db", kind, "--words", str(args.words), "--seed", str(args.seed),
                   "--batch", str(args.batch), "--pg", args.pg, "--json", path, "--no-table"]
            code = subprocess.call(cmd)
            got = json.loads(Path(path).read_text()) if code == 0 and os.path.getsize(path) else None
            os.unlink(path)
            results += got["results"] if got else [{"backend": kind, "skipped": f"exit code {code}"}]
    else:
        if args.db == "postgresql" and not _pg_answers(args.pg):
            results = [{"backend": "postgresql", "skipped": f"no PostgreSQL server answers at {args.pg}"}]
            print(results[0]["skipped"])
        else:
            results = [bench(args.db, args.words, args.seed, args.pg, args.batch)]
    out = {"date": datetime.now().isoformat(timespec="seconds"),
           "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                       "load_average": os.getloadavg()},
           "results": results}
    if not args.no_table:
        print()
        print(markdown_table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


def _pg_answers(server: str) -> bool:
    try:
        import psycopg

        psycopg.connect(f"{server}/postgres", connect_timeout=3).close()
        return True
    except Exception:  # any failure to connect means: skip with a note
        return False


def markdown_table(results: list[dict]) -> str:
    lines = ["| backend | path | articles/s | words/s | p95 per article | peak RSS |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['backend']} | skipped: {r['skipped']} | | | | |")
            continue
        i, b = r["ingest"], r["bulk_load"]
        lines.append(f"| {r['backend']} | ingest (`Ledger.add`) | {i['articles_per_s']:,.1f} | "
                     f"{i['words_per_s']:,.0f} | {i['p95_ms']:,.1f} ms | {r['peak_rss_mb']:,.0f} MB |")
        lines.append(f"| {r['backend']} | bulk load (backfill loader) | {b['articles_per_s']:,.1f} | "
                     f"{b['words_per_s']:,.0f} | — | |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
