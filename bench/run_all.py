"""Every benchmark in one run, with spaCy yardsticks beside them; writes bench/RESULTS.md.

Runs, each in its own process (so that each peak RSS is its own):

    extraction   bench/extract_bench.py           the extractor on one core
    yardsticks   spaCy blank("en") tokenizer, and en_core_web_sm where it is installed
    ingest       bench/ingest_bench.py            Ledger.add and the bulk loader, SQLite and PostgreSQL
    API          bench/api_bench.py               HTTP latency (when the script is there; --no-api skips it)
    backfill     bench/backfill_bench.py          1 and 2 Dask workers, scaling, and a run that loads

then prints one table (words/s, articles/s, peak RSS, p95 latency, scaling) and writes it,
with each benchmark's own table, to bench/RESULTS.md.

    .venv/bin/python bench/run_all.py              # the default run: 3-7 minutes on 2 cores
    .venv/bin/python bench/run_all.py --quick      # a smoke run (a sixth of the sizes), about 2 minutes
    .venv/bin/python bench/run_all.py --scale 4    # four times the default corpus sizes
    .venv/bin/python bench/run_all.py --no-api --out /tmp/RESULTS.md
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
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# default corpus sizes in words, for --scale 1; --quick divides them
SIZES = {"extract": 300_000, "yardstick": 300_000, "ingest": 100_000, "backfill": 600_000, "api_articles": 20_000,
         "api_requests": 200}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every corpus size (default 1)")
    ap.add_argument("--quick", action="store_true", help="a smoke run: a sixth of the default sizes")
    ap.add_argument("--no-api", action="store_true", help="skip the API benchmark")
    ap.add_argument("--no-postgres", action="store_true", help="ingest into SQLite only")
    ap.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="where the results go (Markdown)")
    ap.add_argument("--yardstick", metavar="MODEL", help=argparse.SUPPRESS)  # internal: one spaCy yardstick
    ap.add_argument("--words", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.yardstick:
        print(json.dumps(yardstick(args.yardstick, args.words)))
        return 0

    scale = args.scale / (6 if args.quick else 1)
    size = {k: max(1, int(v * scale)) for k, v in SIZES.items()}
    started = datetime.now()
    t0 = time.perf_counter()
    load_before = os.getloadavg()
    results: dict = {}
    sections: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="armsledger-run-all-") as tmp:
        def script(name: str, *extra: str, timeout: int = 1800) -> dict | None:
            path = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, str(BENCH / name), *extra, "--json", str(path)]
            print(f"\n$ {' '.join(Path(c).name if c.startswith(str(ROOT)) else c for c in cmd[1:])}", flush=True)
            t = time.perf_counter()
            proc = subprocess.run(cmd, text=True, capture_output=True, timeout=timeout)
            sys.stdout.write(_quiet(proc.stdout))
            if proc.returncode != 0:
                sys.stdout.write(proc.stderr[-3000:])
                print(f"{name} failed with exit code {proc.returncode}", flush=True)
                return None
            print(f"({time.perf_counter() - t:.0f} s)", flush=True)
            sections[name] = _tables(proc.stdout)
            return json.loads(path.read_text()) if path.exists() else None

        results["extract"] = script("extract_bench.py", "--words", str(size["extract"]))
        results["yardsticks"] = [_run_yardstick(m, size["yardstick"]) for m in ("blank:en", "en_core_web_sm")]
        ingest_db = "sqlite" if args.no_postgres else "both"
        results["ingest"] = script("ingest_bench.py", "--db", ingest_db, "--words", str(size["ingest"]))
        if args.no_api:
            results["api"] = {"skipped": "--no-api"}
        elif not (BENCH / "api_bench.py").exists():
            results["api"] = {"skipped": "bench/api_bench.py is not there"}
        else:
            results["api"] = script("api_bench.py", "--articles", str(size["api_articles"]), "--requests",
                                    str(size["api_requests"]), "--db", str(Path(tmp) / "api.db"), "--rebuild")
        results["backfill"] = script("backfill_bench.py", "--words", str(size["backfill"]))
    minutes = (time.perf_counter() - t0) / 60
    table = summary_table(results)
    print("\n" + table)
    header = (f"# Benchmark results\n\n{started:%Y-%m-%d %H:%M}, `bench/run_all.py"
              f"{' --quick' if args.quick else ''}{f' --scale {args.scale:g}' if args.scale != 1 else ''}` "
              f"in {minutes:.1f} minutes. {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
              f"Python {platform.python_version()}. Load average {load_before[0]:.1f} before, "
              f"{os.getloadavg()[0]:.1f} after.\n")
    body = [header, table, NOTES]
    for name, text in sections.items():
        if text:
            body.append(f"\n## {name}\n\n{text}\n")
    args.out.write_text("\n".join(body), encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


NOTES = """
Wall-clock figures on a shared 2-core machine move with whatever else runs; the load
average above says how busy it was. The backfill rows also give the CPU the tasks got
("CPUs busy": task CPU seconds over the extraction's wall time): with 2 workers and an
idle machine it is close to 2, and a scaling short of 1.6× with fewer CPUs busy means
the workers were waiting for a CPU, not for each other.

- **extraction**: `bench/extract_bench.py` (one core, pinned to CPU 0); no per-article timing there.
- **yardsticks**: spaCy over the same generated corpus, one `nlp(text)` an article (the p95 is per article).
  The tokenizer-only pipeline is an upper bound for any spaCy-based pipeline; `en_core_web_sm` is a
  statistical pipeline of the usual kind, run where it is installed.
- **ingest**: `Ledger.add` one article at a time (extraction + one transaction, reconciliation
  included; p95 per article), and the backfill's bulk loader over the same records
  (extraction excluded, 500 articles a transaction).
- **backfill**: extraction-partition throughput (first task start to last shard written, workers
  already warm) with 1 and 2 Dask workers; task p95 is per partition; the "+ load" row also loads
  the shards into SQLite on the driver while the workers extract.
"""


def summary_table(r: dict) -> str:
    rows: list[tuple] = []
    ex = r.get("extract")
    if ex:
        rows.append(("extraction, 1 core (`Extractor`)", ex["words_per_s"], ex["articles_per_s"], ex["peak_rss_mb"],
                     None, "", f"{ex['words']:,} words; catalogue load {ex['catalogue_load_s']:.2f} s"))
    else:
        rows.append(("extraction", None, None, None, None, "", "failed: see the log"))
    for y in r.get("yardsticks") or []:
        if "skipped" in y:
            rows.append((f"yardstick: spaCy {y['model']}", None, None, None, None, "", f"skipped: {y['skipped']}"))
        else:
            rows.append((f"yardstick: spaCy {y['model']}", y["words_per_s"], y["articles_per_s"], y["peak_rss_mb"],
                         y["p95_ms"], "", f"load {y['load_s']:.2f} s"))
    ing = r.get("ingest")
    for res in (ing or {}).get("results", []):
        b = res["backend"]
        if "skipped" in res:
            rows.append((f"ingest → {b}", None, None, None, None, "", f"skipped: {res['skipped']}"))
            continue
        i, bl = res["ingest"], res["bulk_load"]
        rows.append((f"ingest → {b} (`Ledger.add`)", i["words_per_s"], i["articles_per_s"], res["peak_rss_mb"],
                     i["p95_ms"], "", f"{res['articles']:,} articles"))
        rows.append((f"bulk load → {b} (backfill loader)", bl["words_per_s"], bl["articles_per_s"], None, None,
                     f"{bl['articles_per_s'] / i['articles_per_s']:.1f}× ingest", "extraction excluded"))
    if not ing:
        rows.append(("ingest", None, None, None, None, "", "failed: see the log"))
    api = r.get("api")
    if api and "results" in api:
        held = (api.get("ledger") or {}).get("articles")
        on = f"; ledger of {held:,} articles" if isinstance(held, int) else ""
        for name, res in api["results"].items():
            rows.append((f"API `{name}`", None, None, None, res.get("p95_ms"), "",
                         f"{res.get('req_per_s', '?')} req/s{on}"))
    else:
        rows.append(("API", None, None, None, None, "", f"skipped: {api['skipped']}" if api and "skipped" in api
                     else "failed: see the log"))
    bf = r.get("backfill")
    if bf:
        for run in bf["runs"]:
            what = f"backfill, {run['workers']} Dask worker{'s' if run['workers'] > 1 else ''}"
            what += " + load into SQLite" if run["load"] else " (extraction)"
            scaling = ""
            if run["workers"] == 2 and not run["load"] and bf.get("scaling_2_vs_1") is not None:
                met = "met" if bf["scaling_2_vs_1"] >= bf["scaling_target"] else "NOT met"
                scaling = f"**{bf['scaling_2_vs_1']}×** vs 1 (≥ {bf['scaling_target']}×: {met})"
            note = f"{run['parallelism']} CPUs busy"
            if run["load"]:
                note += f"; whole run {run['end_to_end_articles_per_s']} art/s incl. start-up and loading"
            rows.append((what, run["words_per_s"], run["articles_per_s"], run["worker_peak_rss_mb"],
                         run["task_p95_s"] * 1000, scaling, note))
    else:
        rows.append(("backfill", None, None, None, None, "", "failed: see the log"))
    lines = ["| benchmark | words/s | articles/s | peak RSS | p95 latency | scaling | notes |",
             "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for name, wps, aps, rss, p95, scaling, note in rows:
        lines.append(f"| {name} | {_num(wps, 0)} | {_num(aps, 1)} | {_num(rss, 0, ' MB')} | {_ms(p95)} | {scaling} "
                     f"| {note} |")
    return "\n".join(lines)


def _num(v, digits: int, unit: str = "") -> str:
    return "—" if v is None else f"{v:,.{digits}f}{unit}"


def _ms(v) -> str:
    if v is None:
        return "—"
    return f"{v / 1000:,.1f} s" if v >= 10_000 else f"{v:,.1f} ms"


def _quiet(text: str) -> str:
    """A script's output without the Dask log lines."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(("20", "INFO", "WARNING")) or "|" in line)


def _tables(text: str) -> str:
    """The Markdown tables a script printed, with its verdict lines (scaling, goals, targets)."""
    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("|") or line.lower().startswith(("scaling", "goal", "target")):
            if out and out[-1].startswith("|") != line.startswith("|"):
                out.append("")
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip()


# -- spaCy yardsticks ---------------------------------------------------------------------

def _run_yardstick(model: str, words: int) -> dict:
    print(f"\n$ spaCy yardstick {model}", flush=True)
    proc = subprocess.run([sys.executable, __file__, "--yardstick", model, "--words", str(words)], text=True,
                          capture_output=True, timeout=1800)
    if proc.returncode != 0:
        return {"model": model, "skipped": f"failed ({proc.stderr.strip().splitlines()[-1] if proc.stderr else '?'})"}
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps(got), flush=True)
    return got


def yardstick(model: str, words: int) -> dict:
    """spaCy over the generated corpus, one article at a time, in this process."""
    import spacy

    sys.path.insert(0, str(BENCH))
    sys.path.insert(0, str(ROOT / "src"))
    name = 'blank("en") tokenizer' if model == "blank:en" else model
    if model != "blank:en" and not spacy.util.is_package(model):
        return {"model": name, "skipped": f"{model} is not installed (pip install it to compare)"}
    from extract_bench import build_corpus

    t = time.perf_counter()
    nlp = spacy.blank("en") if model == "blank:en" else spacy.load(model)
    load_s = time.perf_counter() - t
    texts = [a.text for a in build_corpus(words, 20240419)]
    for text in texts[:20]:  # warm-up
        nlp(text)
    latencies = []
    t0 = time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        nlp(text)
        latencies.append(time.perf_counter() - t)
    seconds = time.perf_counter() - t0
    n_words = sum(len(t.split()) for t in texts)
    return {"model": name, "words": n_words, "articles": len(texts), "load_s": round(load_s, 3),
            "words_per_s": round(n_words / seconds, 1), "articles_per_s": round(len(texts) / seconds, 2),
            "p95_ms": round(statistics.quantiles(latencies, n=20)[-1] * 1000, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


if __name__ == "__main__":
    sys.exit(main())
