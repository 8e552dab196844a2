"""Backfill benchmark: articles/s with 1 and with 2 Dask workers on a LocalCluster, and the scaling.

The corpus (extract_bench.py's generator) is written as one JSON Lines file and split
into byte-range partitions (`--partitions`, default 24, so that both workers stay busy to
the end). For each worker count, a fresh LocalCluster (one thread a worker, processes)
extracts every partition to a Parquet shard with loading off: the figure is the
extraction-partition throughput, articles over the wall time from the first task sent
to the last shard written; the catalogue is loaded when a worker starts, before that.
Then one full run with 2 workers loads the shards into a SQLite ledger as well.

On a machine shared with other work, wall-clock figures move with the load; the CPU time
the tasks used is reported next to them (effective parallelism = task CPU s / wall s).

    .venv/bin/python bench/backfill_bench.py                  # 400,000 words
    .venv/bin/python bench/backfill_bench.py --words 100000   # smaller
    .venv/bin/python bench/backfill_bench.py --workers 1 2 4 --json /tmp/backfill.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
SCALING_TARGET = 1.6


def write_corpus(path: Path, words: int, seed: int) -> tuple[int, int]:
    from extract_bench import build_corpus

    corpus = build_corpus(words, seed)
    with path.open("w", encoding="utf-8") as fh:
        for a in corpus:
            fh.write(json.dumps({"text": a.text, "title": a.title, "published": a.published, "url": a.url},
                                ensure_ascii=False) + "\n")
    return len(corpus), sum(len(a.text.split()) for a in corpus)


def run(jsonl: Path, tmp: Path, workers: int, partitions: int, load: bool) -> dict:
    from armsledger.backfill import backfill

    infos, memory = [], {}
    clients = []

    def on_event(kind: str, data) -> None:
        if kind == "cluster":
            clients.append(data)
        elif kind == "extracted":
            infos.append(data)
            if len(infos) == partitions_seen[0]:  # the last one: ask the workers their peak RSS while they live
                memory.update(clients[0].run(_peak_rss_mb))

    tag = f"w{workers}-{'load' if load else 'extract'}"
    chunk = max(4096, jsonl.stat().st_size // partitions + 1)
    from armsledger.backfill import plan

    partitions_seen = [len(plan([str(jsonl)], chunk_bytes=chunk))]
    t0 = time.perf_counter()
    report = backfill([str(jsonl)], str(tmp / f"{tag}.db"), engine="dask", workers=workers,
                      work_dir=str(tmp / tag), chunk_bytes=chunk, load=load, on_event=on_event)
    total = time.perf_counter() - t0
    task_s = [i.seconds for i in infos]
    cpu = sum(i.cpu_seconds for i in infos)
    out = {
        "workers": workers, "load": load, "partitions": report.partitions, "articles": report.articles,
        "words": report.words, "extract_seconds": report.extract_seconds,
        "articles_per_s": round(report.articles / report.extract_seconds, 2),
        "words_per_s": round(report.words / report.extract_seconds, 1),
        "task_p95_s": round(statistics.quantiles(task_s, n=20)[-1] if len(task_s) >= 20 else max(task_s), 2),
        "task_cpu_seconds": round(cpu, 2), "parallelism": round(cpu / report.extract_seconds, 2),
        "articles_per_cpu_s": round(report.articles / cpu, 2) if cpu else None,
        "worker_peak_rss_mb": round(max(memory.values()), 1) if memory else None,
        "run_seconds": round(total, 2), "end_to_end_articles_per_s": round(report.articles / total, 2),
        "added": report.load.added,
    }
    print(f"{workers} worker(s){' + load into SQLite' if load else ''}: {out['articles_per_s']} articles/s extracting "
          f"({out['parallelism']} CPUs busy), {out['end_to_end_articles_per_s']} articles/s for the whole run "
          f"({total:.1f} s with cluster start-up)", flush=True)
    return out


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=400_000, help="corpus size in words (default 400,000)")
    ap.add_argument("--partitions", type=int, default=24, help="byte-range partitions of the corpus (default 24)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to measure (default 1 2)")
    ap.add_argument("--no-load-run", action="store_true", help="skip the run that also loads into SQLite")
    ap.add_argument("--seed", type=int, default=20240419)
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="armsledger-backfill-bench-") as tmp_name:
        tmp = Path(tmp_name)
        jsonl = tmp / "corpus.jsonl"
        n, words = write_corpus(jsonl, args.words, args.seed)
        print(f"corpus: {n:,} articles, {words:,} words, {jsonl.stat().st_size / 1e6:.1f} MB of JSON Lines", flush=True)
        runs = [run(jsonl, tmp, w, args.partitions, load=False) for w in args.workers]
        if not args.no_load_run:
            runs.append(run(jsonl, tmp, max(args.workers), args.partitions, load=True))
    base = next((r for r in runs if r["workers"] == 1 and not r["load"]), None)
    two = next((r for r in runs if r["workers"] == 2 and not r["load"]), None)
    scaling = round(two["articles_per_s"] / base["articles_per_s"], 2) if base and two else None
    out = {"date": datetime.now().isoformat(timespec="seconds"),
           "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                       "load_average_before": load_before, "load_average_after": os.getloadavg()},
           "corpus": {"articles": n, "words": words}, "runs": runs, "scaling_2_vs_1": scaling,
           "scaling_target": SCALING_TARGET}
    print()
    print(markdown_table(out))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


def markdown_table(out: dict) -> str:
    lines = ["| run | articles/s | words/s | CPUs busy | articles per task CPU s | task p95 | worker peak RSS "
             "| whole run |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in out["runs"]:
        what = f"{r['workers']} worker{'s' if r['workers'] > 1 else ''}" + (", + load into SQLite" if r["load"] else "")
        rss = f"{r['worker_peak_rss_mb']:.0f} MB" if r["worker_peak_rss_mb"] else "—"
        lines.append(f"| {what} | {r['articles_per_s']:,.1f} | {r['words_per_s']:,.0f} | {r['parallelism']} | "
                     f"{r['articles_per_cpu_s']} | {r['task_p95_s']} s | {rss} | {r['run_seconds']} s "
                     f"({r['end_to_end_articles_per_s']} art/s) |")
    if out["scaling_2_vs_1"] is not None:
        met = "met" if out["scaling_2_vs_1"] >= out["scaling_target"] else "NOT met"
        lines.append(f"\nscaling, 2 workers vs 1: {out['scaling_2_vs_1']}× (target ≥ {out['scaling_target']}×: {met}); "
                     f"load average {out['machine']['load_average_before'][0]:.1f} before, "
                     f"{out['machine']['load_average_after'][0]:.1f} after")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
