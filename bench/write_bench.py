"""Write-path benchmark: relevant reports into a SQLite and a PostgreSQL ledger, and a hot deal.

Side by side, in one run, each into a fresh ledger. The corpus is relevant reports only:
by default the real reports of corpus/train, each also as republished by two more outlets
(another date, URL and closing line: wire copies of one story); `--corpus generated` takes
extract_bench.py's generated articles instead (about 15 deals an article, far more than news has).

- `ingest, --jobs N`: `Ledger.ingest(articles, jobs=N)`, as `armsledger ingest` runs:
  extraction in N worker processes, 100 articles a transaction. End to end, start-up of
  the workers included.
- `one article a transaction`: `Ledger.add` one at a time in this process (the write
  path of the previous build), the yardstick.
- `bulk load`: the backfill loader over the same records, extracted beforehand (not
  timed), 500 articles a transaction.
- `hot deal`: reports of one deal stored one article a transaction (extraction excluded):
  the time of the 1st-5th report against the 5,000th-5,004th (the reports in between are
  bulk-loaded), and of reading the deal as `GET /api/deals/{id}` does after each. A report
  updates the deal's stored aggregates (ledger/aggregates.py) rather than re-reading its claims.
  `--hot-only` measures this alone.
- `bulk load into an empty ledger`: the same rows by `load_rows(bulk=True)` (`backfill --bulk`): one
  transaction, indexes, foreign-key checks, the search index and reconciliation done once at its end.
  `--bulk-only` measures the two bulk loads alone (with `--against`, side by side), no ingest.

- `--against DIR`: the bulk load of the same rows also by another build (DIR is its `src/`,
  e.g. from `git archive BASE src | tar -x -C /tmp/base`), each build in a fresh process,
  alternately, `--rounds` times: the before/after of a change, side by side in one run; then
  one `ingest, --jobs N` by each build (train corpus).

    .venv/bin/python bench/write_bench.py                       # both backends
    .venv/bin/python bench/write_bench.py --db sqlite --hot 1000 --words 50000 --json /tmp/w.json
    .venv/bin/python bench/write_bench.py --hot 0 --against /tmp/base/src --rounds 3
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
if "--src" in sys.argv:  # a child measuring another build (`--against`): its package before this one's
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])

from ingest_bench import PG_SERVER, _Database, _pg_answers, peak_rss_mb  # noqa: E402


def _hot_rows(base_record: dict, n: int, seed: int) -> list[dict]:
    """`n` distinct reports of one deal, in report order: delivered counts grow, the status moves on."""
    from extract_bench import generated_article

    from armsledger.ledger.writer import article_row

    r = random.Random(seed)
    rows = []
    for i in range(n):
        art = generated_article(r, 10_000 + i)
        rec = copy.deepcopy(base_record)
        day = (date(2015, 1, 1) + timedelta(days=i // 3)).isoformat()
        rec["article"]["published"] = day
        deal = rec["deals"][0]
        deal["status"] = "in_delivery" if i > 10 else "signed"
        deal["delivered"] = {"min": None, "max": min(36, i // 150), "unit": "aircraft", "text": "delivered"}
        art.published = day
        art.url = f"https://hot.example.com/{i}"
        rows.append(article_row(art, rec))
        rows[-1]["source"] = art.url
    return rows


def train_corpus(repeat: int, seed: int) -> list:
    """corpus/train's reports, each `repeat` times: the original, then copies as other outlets run them."""
    from armsledger import Article, read

    r = random.Random(seed)
    reports = [next(read(str(p))) for p in sorted((ROOT / "corpus" / "train" / "articles").glob("*.txt"))]
    out = []
    for k in range(repeat):
        for i, a in enumerate(reports):
            if k == 0:
                out.append(a)
                continue
            day = (date(2024, 1, 1) + timedelta(days=r.randint(0, 700))).isoformat()
            out.append(Article(text=f"{a.text.rstrip()}\n\n(Republished by outlet {k}, item {i}, {day}.)",
                               source=f"copy-{k}-{i}", title=a.title, published=a.published or day,
                               publisher=f"Outlet {k}", url=f"https://outlet{k}.example.com/{i}"))
    return out


def _save_rows(rows: list[dict], path: str) -> None:
    """Shard-like rows as JSON lines (the MinHash in hex), for a child process to load."""
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(dict(r, minhash=r["minhash"].hex()), ensure_ascii=False) + "\n")


def _bulk_kw(load_rows) -> dict:
    """`bulk=True` where the build's `load_rows` has it (an empty ledger loaded in one transaction, the work that
    can be done once deferred to its end); a build before it loads batch by batch."""
    import inspect

    return {"bulk": True} if "bulk" in inspect.signature(load_rows).parameters else {}


def _child_bulk(path: str, kind: str, server: str) -> dict:
    """Bulk-load the rows saved at `path` into a fresh ledger with the build on sys.path; wall and CPU seconds,
    load average."""
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import Ledger, writer

    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    ready = getattr(writer, "ready_json", None)
    for r in rows:
        r["minhash"] = bytes.fromhex(r["minhash"])
        r.pop("ready", None)
        if ready:  # a build whose extraction workers build the rows a record gives (`writer.ready`): not timed
            r["ready"] = ready(r["id"], r["record"])
    with tempfile.TemporaryDirectory(prefix="armsledger-bench-") as tmp:
        with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
            pg = kind == "postgresql"
            if pg:  # the connections the load will use, open before the clock starts
                with ledger.engine.connect(), ledger.engine.connect():
                    pass
            before = _backend_cpu(ledger.engine) if pg else {}
            load0 = os.getloadavg()[0]
            t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
            load_rows(ledger.engine, rows, version="bench", **_bulk_kw(load_rows))
            out = {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                   "main_cpu_seconds": time.thread_time() - m0, "load_average": load0}
            if pg:
                after = _backend_cpu(ledger.engine)
                out["server_cpu_seconds"] = sum(after[p] - before.get(p, 0) for p in after)
            fill = getattr(writer, "fill_search", None)
            if fill:  # a build that leaves PostgreSQL's search vectors to after the load's commit: timed apart
                t1 = time.perf_counter()
                fill(ledger.engine)
                out["search_fill_seconds"] = time.perf_counter() - t1
                if pg:
                    out["search_fill_server_cpu_seconds"] = sum(v - after.get(p, 0)
                                                                for p, v in _backend_cpu(ledger.engine).items())
            out["peak_rss_mb"] = peak_rss_mb()  # the rows read in included
            return out


def _backend_cpu(engine) -> dict[int, float]:
    """PostgreSQL on this machine: CPU seconds so far of each server process serving the ledger's database
    (/proc/PID/stat), so that the server's work is counted beside the loading process's."""
    from sqlalchemy import text

    with engine.connect() as conn:
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")).scalars()
        out = {}
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return out


def _child_ingest(kind: str, server: str, repeat: int, seed: int, jobs: int) -> dict:
    """`Ledger.ingest(jobs=...)` of the train corpus into a fresh ledger with the build on sys.path."""
    from armsledger.ledger import Ledger

    corpus = train_corpus(repeat, seed)
    with tempfile.TemporaryDirectory(prefix="armsledger-bench-") as tmp:
        with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
            t0, c0 = time.perf_counter(), time.process_time()
            ledger.ingest(corpus, jobs=jobs)
            return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0}


def side_by_side(rows: list[dict], kind: str, server: str, against: str, rounds: int,
                 ingest: list[str] | None = None) -> dict:
    """The bulk load of `rows` by this build and by the one at `against`, alternately in fresh processes
    (and, with `ingest`, the arguments of `--child-ingest`, one ingest by each)."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as fh:
        path = fh.name
    _save_rows(rows, path)
    runs: dict[str, list[dict]] = {"this": [], "against": [], "this_ingest": [], "against_ingest": []}
    builds = (("this", str(ROOT / "src")), ("against", against))

    def child(args: list[str], src: str) -> dict:
        out = subprocess.run([sys.executable, __file__, *args, "--db", kind, "--pg", server, "--src", src],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    try:
        for _ in range(rounds):
            for name, src in builds:
                runs[name].append(child(["--child-bulk", path], src))
        for name, src in builds if ingest else ():
            runs[f"{name}_ingest"].append(child(["--child-ingest", *ingest], src))
    finally:
        os.unlink(path)

    def summary(xs: list[dict]) -> dict:
        wall = statistics.median(x["seconds"] for x in xs)
        cpu = statistics.median(x["cpu_seconds"] for x in xs)
        main = statistics.median(x.get("main_cpu_seconds", 0) for x in xs)
        return {"seconds": round(wall, 3), "articles_per_s": round(len(rows) / wall, 1), "cpu_seconds": round(cpu, 3),
                "cpu_us_per_article": round(cpu / len(rows) * 1e6),
                "main_cpu_us_per_article": round(main / len(rows) * 1e6),
                "rounds": [round(x["seconds"], 3) for x in xs],
                "main_cpu_rounds_us": [round(x.get("main_cpu_seconds", 0) / len(rows) * 1e6) for x in xs],
                "load_average": [round(x.get("load_average", 0), 1) for x in xs],
                **({"search_fill_seconds": round(statistics.median(x["search_fill_seconds"] for x in xs), 3),
                    "search_fill_server_cpu_us_per_article": round(statistics.median(
                        x.get("search_fill_server_cpu_seconds", 0) for x in xs) / len(rows) * 1e6)}
                   if "search_fill_seconds" in xs[0] else {}),
                **({"server_cpu_us_per_article": round(statistics.median(x["server_cpu_seconds"] for x in xs)
                                                       / len(rows) * 1e6)} if "server_cpu_seconds" in xs[0] else {})}

    this, other = summary(runs["this"]), summary(runs["against"])
    out = {"against": against, "this": this, "other": other,
           "speedup_wall": round(other["seconds"] / this["seconds"], 2),
           "speedup_cpu": round(other["cpu_seconds"] / this["cpu_seconds"], 2)}
    if ingest:
        out["ingest_this"], out["ingest_other"] = summary(runs["this_ingest"]), summary(runs["against_ingest"])
    return out


def bench(kind: str, words: int, seed: int, server: str, jobs: int, hot: int, corpus_kind: str = "train",
          repeat: int = 3, against: str | None = None, rounds: int = 3, hot_only: bool = False,
          bulk_only: bool = False) -> dict:
    from extract_bench import build_corpus

    from armsledger import Extractor
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import Ledger, writer
    from armsledger.ledger.writer import article_row

    corpus = build_corpus(words, seed) if corpus_kind == "generated" else train_corpus(repeat, seed)
    n_words = sum(len(a.text.split()) for a in corpus)
    out: dict = {"backend": kind, "corpus": corpus_kind, "articles": len(corpus), "words": n_words, "jobs": jobs}

    def rate(seconds: float) -> dict:
        return {"seconds": round(seconds, 2), "articles_per_s": round(len(corpus) / seconds, 1),
                "words_per_s": round(n_words / seconds)}

    with tempfile.TemporaryDirectory(prefix="armsledger-bench-") as tmp:
        if hot_only:
            extractor = Extractor()
            records = []
            for a in corpus:
                records.append(extractor(a))
                if len(records[-1]["deals"]) == 1 and records[-1]["deals"][0].get("recipient"):
                    break
            out["hot_deal"] = _hot(kind, server, tmp, records, hot, seed)
            print(f"{kind} hot deal: {out['hot_deal']}", flush=True)
            out["peak_rss_mb"] = round(peak_rss_mb(), 1)
            return out
        if not bulk_only:
            with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
                t0 = time.perf_counter()
                report = ledger.ingest(corpus, jobs=jobs)
                out["ingest_jobs"] = rate(time.perf_counter() - t0) | {"added": len(report.added)}
            print(f"{kind} ingest --jobs {jobs}: {out['ingest_jobs']}", flush=True)

        extractor = Extractor()
        records = [extractor(a) for a in corpus]  # not timed
        if not bulk_only:
            with _Database(kind, server, tmp) as db, Ledger(db, extractor=extractor) as ledger:
                t0 = time.perf_counter()
                for a, rec in zip(corpus, records):
                    ledger.add(a, rec)
                out["one_by_one"] = rate(time.perf_counter() - t0)
            print(f"{kind} one article a transaction (extraction excluded): {out['one_by_one']}", flush=True)

        rows = [article_row(a, rec) for a, rec in zip(corpus, records)]
        for r, rec in zip(rows, records):
            r["record"] = json.dumps(rec)
        with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
            t0 = time.perf_counter()
            load_rows(ledger.engine, rows, version="bench")
            out["bulk_load"] = rate(time.perf_counter() - t0)
        print(f"{kind} bulk load: {out['bulk_load']}", flush=True)
        with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
            t0 = time.perf_counter()
            load_rows(ledger.engine, rows, version="bench", bulk=True)
            out["bulk_empty"] = rate(time.perf_counter() - t0)
            t0 = time.perf_counter()
            filled = writer.fill_search(ledger.engine)  # PostgreSQL: the search vectors, after the commit
            out["bulk_empty"]["search_fill"] = {"seconds": round(time.perf_counter() - t0, 2), "articles": filled}
        print(f"{kind} bulk load into an empty ledger: {out['bulk_empty']}", flush=True)
        if against:
            out["side_by_side"] = side_by_side(rows, kind, server, against, rounds,
                                               ["--repeat", str(repeat), "--seed", str(seed), "--jobs", str(jobs)]
                                               if corpus_kind == "train" and not bulk_only else None)
            print(f"{kind} bulk load, this build vs {against}: {out['side_by_side']}", flush=True)

        if hot and not bulk_only:
            out["hot_deal"] = _hot(kind, server, tmp, records, hot, seed)
            print(f"{kind} hot deal: {out['hot_deal']}", flush=True)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def _hot(kind: str, server: str, tmp: str, records: list[dict], hot: int, seed: int) -> dict:
    """Reports 1-5 and `hot`..`hot`+4 of one deal, one article a transaction (the rest bulk-loaded between),
    and the deal as `GET /api/deals/{id}` reads it (`serve.views.deal`) after each."""
    from armsledger.backfill.load import load_rows
    from armsledger.ledger import Ledger, store
    from armsledger.serve import views

    base = next(rec for rec in records if len(rec["deals"]) == 1 and rec["deals"][0].get("recipient"))
    hot_rows = _hot_rows(base, hot + 5, seed)
    with _Database(kind, server, tmp) as db, Ledger(db) as ledger:
        def timed(rs: list[dict]) -> tuple[list[float], list[float]]:
            writes, reads = [], []
            for r in rs:
                t = time.perf_counter()
                (added,) = store.write_rows(ledger.engine, [r])
                writes.append(time.perf_counter() - t)
                t = time.perf_counter()
                views.deal(ledger, added.deals[0])
                reads.append(time.perf_counter() - t)
            return writes, reads

        first, first_read = timed(hot_rows[:5])
        load_rows(ledger.engine, hot_rows[5:hot - 1], version="bench")
        last, last_read = timed(hot_rows[hot - 1:hot + 4])
        deal = ledger.deals(limit=1, order="id")[0]
    ms = lambda xs: round(statistics.median(xs) * 1e3, 1)  # noqa: E731
    out = {"reports": deal["sources"], "first_ms": ms(first), "nth": hot, "nth_ms": ms(last),
           "first_read_ms": ms(first_read), "nth_read_ms": ms(last_read)}
    out["ratio"] = round(out["nth_ms"] / out["first_ms"], 1)
    return out


def markdown(results: list[dict]) -> str:
    lines = ["| backend | path | articles/s | words/s | note |", "| --- | --- | ---: | ---: | --- |"]
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['backend']} | skipped: {r['skipped']} | | | |")
            continue
        for key, name, note in (("ingest_jobs", f"ingest, `--jobs {r['jobs']}` (extraction included)",
                                 "target ≥ 150 (SQLite), ≥ 100 (PostgreSQL)"),
                                ("one_by_one", "one article a transaction (extraction excluded)", "yardstick"),
                                ("bulk_load", "bulk load, 500 a transaction (extraction excluded)", ""),
                                ("bulk_empty", "bulk load into an empty ledger, one transaction (`bulk=True`)",
                                 "target ≥ 2,000")):
            x = r.get(key)
            if x is None:  # --hot-only
                continue
            lines.append(f"| {r['backend']} | {name} | {x['articles_per_s']:,.1f} | {x['words_per_s']:,} | {note} |")
        if "side_by_side" in r:
            x = r["side_by_side"]
            for key, name in (("this", "bulk load, this build"), ("other", f"bulk load, build at {x['against']}")):
                y = x[key]
                server = (f" + server {y['server_cpu_us_per_article']} µs" if "server_cpu_us_per_article" in y
                          else "")
                fill = (f"; then the search vectors filled after the commit in {y['search_fill_seconds']} s "
                        f"(server {y['search_fill_server_cpu_us_per_article']} µs an article)"
                        if "search_fill_seconds" in y else "")
                lines.append(f"| {r['backend']} | {name} (median of {len(y['rounds'])}, fresh processes) | "
                             f"{y['articles_per_s']:,.1f} | | CPU {y['cpu_us_per_article']} µs{server} an article "
                             f"(main thread {y['main_cpu_us_per_article']} µs); "
                             f"load {y['load_average']}{fill} |")
            lines.append(f"| {r['backend']} | this build / the other | | | {x['speedup_wall']}× wall, "
                         f"{x['speedup_cpu']}× CPU |")
            if "ingest_this" in x:
                a, b = x["ingest_this"], x["ingest_other"]
                lines.append(f"| {r['backend']} | ingest `--jobs {r['jobs']}`, this build / build at {x['against']} "
                             f"(fresh processes) | {a['articles_per_s']:,.1f} / {b['articles_per_s']:,.1f} | | "
                             f"{b['seconds'] / a['seconds']:.2f}× wall; parent CPU {a['cpu_seconds']} / "
                             f"{b['cpu_seconds']} s |")
        if "hot_deal" in r:
            h = r["hot_deal"]
            lines.append(f"| {r['backend']} | hot deal: report {h['nth']:,} vs report 1 (one a transaction) | | | "
                         f"{h['nth_ms']} ms vs {h['first_ms']} ms: {h['ratio']}× (target ≤ 2×); the deal read "
                         f"(`GET /api/deals/{{id}}`'s) {h['nth_read_ms']} ms vs {h['first_read_ms']} ms |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--corpus", choices=["train", "generated"], default="train")
    ap.add_argument("--repeat", type=int, default=3, help="train corpus: outlets running each report (default 3)")
    ap.add_argument("--words", type=int, default=150_000, help="generated corpus: size in words (default 150,000)")
    ap.add_argument("--seed", type=int, default=20240419)
    ap.add_argument("--jobs", type=int, default=2, help="extraction processes for the ingest (default 2)")
    ap.add_argument("--hot", type=int, default=5000, help="reports of the hot deal (0: skip)")
    ap.add_argument("--hot-only", action="store_true", help="only the hot deal")
    ap.add_argument("--bulk-only", action="store_true", help="only the bulk loads (no ingest, no hot deal)")
    ap.add_argument("--pg", default=PG_SERVER)
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("--against", metavar="DIR", help="another build's src/: its bulk load side by side with this one's")
    ap.add_argument("--rounds", type=int, default=3, help="--against: bulk loads by each build (default 3)")
    ap.add_argument("--child-bulk", metavar="ROWS", help=argparse.SUPPRESS)
    ap.add_argument("--child-ingest", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)  # read before the imports, above
    args = ap.parse_args(argv)
    if args.child_bulk:
        print(json.dumps(_child_bulk(args.child_bulk, args.db, args.pg)))
        return 0
    if args.child_ingest:
        print(json.dumps(_child_ingest(args.db, args.pg, args.repeat, args.seed, args.jobs)))
        return 0
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    results = []
    for kind in kinds:
        if kind == "postgresql" and not _pg_answers(args.pg):
            results.append({"backend": kind, "skipped": f"no PostgreSQL server answers at {args.pg}"})
            continue
        if len(kinds) > 1:  # each backend in its own process, so that its peak RSS is its own
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
                path = fh.name
            code = subprocess.call([sys.executable, __file__, "--db", kind, "--words", str(args.words),
                                    "--corpus", args.corpus, "--repeat", str(args.repeat),
                                    "--seed", str(args.seed), "--jobs", str(args.jobs), "--hot", str(args.hot),
                                    "--pg", args.pg, "--json", path, "--rounds", str(args.rounds),
                                    *(["--hot-only"] if args.hot_only else []),
                                    *(["--bulk-only"] if args.bulk_only else [])]
                                   + (["--against", args.against] if args.against else []))
            got = json.loads(Path(path).read_text()) if code == 0 and os.path.getsize(path) else None
            os.unlink(path)
            results += got["results"] if got else [{"backend": kind, "skipped": f"exit code {code}"}]
        else:
            results.append(bench(kind, args.words, args.seed, args.pg, args.jobs, args.hot, args.corpus, args.repeat,
                                 args.against, args.rounds, args.hot_only, args.bulk_only))
    out = {"date": datetime.now().isoformat(timespec="seconds"), "load_average": os.getloadavg(),
           "machine": {"python": platform.python_version(), "cpus": os.cpu_count()}, "results": results}
    print()
    print(markdown(results))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
