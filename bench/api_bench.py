"""Latency benchmark of the HTTP API (`armsledger serve`) on a ledger of 100,000 to 1,000,000+ articles.

Builds (once, then reuses) a generated ledger with `ledger_gen.build` (articles with their entity mentions,
deal claims and events, bulk-loaded, every deal reconciled by the ledger's own functions; a few deals with
thousands of reports, a long tail). Then starts the server in a second process on loopback and sends a bounded load
(a few concurrent clients, a fixed number of requests per endpoint) from this one,
and prints p50/p95/p99 latency per endpoint. Goal: p95 < 50 ms for the deal list and the deal page.

    .venv/bin/python bench/api_bench.py                          # 100,000 articles, cached in /tmp
    .venv/bin/python bench/api_bench.py --articles 1000000 --pg postgresql://postgres@127.0.0.1:5432/s5_bigledger
    .venv/bin/python bench/api_bench.py --articles 20000 --quick # a smoke run
    .venv/bin/python bench/api_bench.py --db /data/bench.db --rebuild
    .venv/bin/python bench/api_bench.py --json bench/api_last_run.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 50.0

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ledger_gen import COUNTRIES, STATUS_PATH, build  # noqa: E402


# -------------------------------------------------------------------------------- the load

SERVER = """
import sys, uvicorn
from armsledger.serve import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False)
"""


def _pg_database(url: str, rebuild: bool) -> bool:
    """Create the database at `url` unless it holds a built ledger; True when it must be built."""
    import psycopg

    server, name = url.rstrip("/").rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and not rebuild:
            with psycopg.connect(url) as db:
                try:
                    if db.execute("SELECT count(*) FROM deals WHERE detail IS NOT NULL").fetchone()[0]:
                        return False
                except psycopg.Error:
                    pass
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return True


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo = int(k)
    return xs[lo] + (xs[min(lo + 1, len(xs) - 1)] - xs[lo]) * (k - lo)


def measure(base: str, paths: list[str], concurrency: int) -> dict:
    """Send every path once, `concurrency` clients at a time; latency of each in ms."""
    lock = threading.Lock()
    queue = list(reversed(paths))
    times: list[float] = []
    failures: list[str] = []

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    if not queue:
                        return
                    path = queue.pop()
                t = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.TimeoutException:
                    status = "timed out"
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    times.append(ms)
                    if status != 200:
                        failures.append(f"{status} {path}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"requests": len(times), "p50_ms": round(_percentile(times, 0.5), 1),
            "p95_ms": round(_percentile(times, 0.95), 1), "p99_ms": round(_percentile(times, 0.99), 1),
            "max_ms": round(max(times), 1), "mean_ms": round(statistics.mean(times), 1),
            "req_per_s": round(len(times) / wall, 1), "failures": failures[:5], "failed": len(failures)}


def endpoints(base: str, db: Path | str, rng: random.Random, n: int) -> dict[str, list[str]]:
    with httpx.Client(base_url=base, timeout=60) as c:
        total = c.get("/api/deals", params={"limit": 1}).json()["total"]
        ids = []
        for _ in range(5):  # deals from anywhere in the list
            some = {"limit": 100, "order": "id", "offset": rng.randint(0, max(0, total - 100))}
            ids += [d["id"] for d in c.get("/api/deals", params=some).json()["items"]]
        ids += [d["id"] for d in c.get("/api/deals", params={"limit": 200}).json()["items"]]
    from armsledger.ledger import Ledger

    with Ledger(db, readonly=True) as ledger, ledger.engine.connect() as con:
        busiest = [r[0] for r in con.exec_driver_sql("SELECT id FROM deals ORDER BY sources DESC LIMIT 50")]
        platforms = [r[0] for r in con.exec_driver_sql("SELECT DISTINCT platform FROM deals LIMIT 30")]
    recips = [code for code, _ in COUNTRIES[13:23]]
    suppliers = [code for code, _ in COUNTRIES[:8]]
    pick = lambda xs: rng.choice(xs)  # noqa: E731
    other = [lambda: f"/api/deals?supplier={pick(suppliers)}", lambda: f"/api/deals?platform={pick(platforms)}",
             lambda: f"/api/deals?supplier={pick(suppliers)}&status={pick(STATUS_PATH)}&order=value",
             lambda: f"/api/deals?recipient={pick(recips)}&year_from={rng.randint(2000, 2020)}",
             lambda: f"/api/deals?platform={pick(platforms)}&recipient={pick(recips)}"]
    return {
        "GET /static/favicon.svg (no database: the HTTP floor, yardstick)": ["/static/favicon.svg"] * n,
        "GET /api/deals (first page, 50)": ["/api/deals"] * n,
        "GET /api/deals?recipient=…&status=…": [f"/api/deals?recipient={pick(recips)}&status={pick(STATUS_PATH)}"
                                               for _ in range(n)],
        "GET /api/deals?supplier|platform|year_from…": [pick(other)() for _ in range(n)],
        "GET /api/deals?offset=… (deep pages)": [f"/api/deals?offset={rng.randint(0, max(0, total - 50))}"
                                                for _ in range(n)],
        "GET /api/deals?after=… (deep pages, keyset)": [f"/api/deals?after={pick(ids)}" for _ in range(n)],
        "GET /api/deals/{id}": [f"/api/deals/{pick(ids)}" for _ in range(n)],
        "GET /api/deals/{id} (50 most-reported deals)": [f"/api/deals/{pick(busiest)}" for _ in range(n)],
        "GET /deals (HTML list)": ["/deals"] * n,
        "GET /deals?offset=…&after=… (HTML deep pages)": [f"/deals?offset={rng.randint(50, max(50, total - 50))}"
                                                         f"&after={pick(ids)}" for _ in range(n)],
        "GET /deals/{id} (HTML deal page)": [f"/deals/{pick(ids)}" for _ in range(n)],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000, help="articles in the ledger (default 100,000)")
    ap.add_argument("--db", type=Path, help="ledger file to build or reuse (default /tmp/armsledger-bench/api-N.db)")
    ap.add_argument("--pg", metavar="URL", help="a PostgreSQL ledger instead, in the database at URL (created, or "
                                               "dropped and created again when it holds no built ledger), e.g. "
                                               "postgresql://postgres@127.0.0.1:5432/armsledger_api")
    ap.add_argument("--rebuild", action="store_true", help="build the ledger again even if the file exists")
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint (default 400)")
    ap.add_argument("--concurrency", type=int, default=2, help="concurrent clients (default 2: one per core here)")
    ap.add_argument("--seed", type=int, default=20240419)
    ap.add_argument("--skew", type=float, default=0.75, help="Zipf exponent of reports per deal (default 0.75)")
    ap.add_argument("--only", metavar="TEXT", action="append", help="only the endpoints whose name contains TEXT "
                                                                    "(repeatable)")
    ap.add_argument("--skip", metavar="TEXT", action="append", help="not the endpoints whose name contains TEXT")
    ap.add_argument("--busiest-requests", type=int, metavar="N",
                    help="requests for the 50 most-reported deals' pages (default: --requests; each takes seconds "
                         "on a 1 M-article ledger)")
    ap.add_argument("--quick", action="store_true", help="100 requests per endpoint")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    args = ap.parse_args()
    n = 100 if args.quick else args.requests
    built = None
    if args.pg:
        db = args.pg
        fresh = _pg_database(args.pg, args.rebuild)
    else:
        db = args.db or Path("/tmp/armsledger-bench") / f"api-{args.articles}.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        fresh = args.rebuild or not db.exists()
    if fresh:
        print(f"building {db} with {args.articles:,} synthetic articles…", flush=True)
        built = build(db, args.articles, seed=args.seed, skew=args.skew)
        print(f"  built in {built['build_s']['total']} s: {json.dumps(built)}", flush=True)
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                stats = httpx.get(base + "/api/stats", timeout=60).json()
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
        load_before = os.getloadavg()
        print(f"ledger {db}: {stats['articles']:,} articles, {stats['deals']:,} deals, {stats['claims']:,} claims, "
              f"{stats['events']:,} events; server pid {server.pid} on {base}; "
              f"{args.concurrency} concurrent clients, {n} requests per endpoint", flush=True)
        rng = random.Random(args.seed)
        plan = endpoints(base, db, rng, n)
        if args.busiest_requests:
            key = "GET /api/deals/{id} (50 most-reported deals)"
            plan[key] = plan[key][:args.busiest_requests]
        results = {}
        for name, paths in plan.items():
            if (args.only and not any(t in name for t in args.only)) or any(t in name for t in args.skip or ()):
                continue
            measure(base, paths[: max(10, n // 10)], args.concurrency)  # warm-up
            results[name] = measure(base, paths, args.concurrency)
            r = results[name]
            print(f"  {name:45} p50 {r['p50_ms']:6.1f}  p95 {r['p95_ms']:6.1f}  p99 {r['p99_ms']:6.1f}  "
                  f"max {r['max_ms']:6.1f} ms  {r['req_per_s']:6.1f} req/s"
                  + (f"  {r['failed']} FAILED {r['failures']}" if r["failed"] else ""), flush=True)
    finally:
        server.terminate()
        server.wait(10)
    load_after = os.getloadavg()
    print(f"load average (1, 5, 15 min) before {load_before}, after {load_after}: figures above the core count "
          f"({os.cpu_count()}) mean other processes shared the machine")
    goal = {k: r["p95_ms"] < GOAL_MS for k, r in results.items() if k.startswith("GET /api/")}
    print("\n| endpoint | p50 ms | p95 ms | p99 ms | req/s |\n| --- | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        print(f"| `{name}` | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['req_per_s']} |")
    print(f"\ngoal p95 < {GOAL_MS:.0f} ms for every API endpoint: "
          + ("met" if all(goal.values()) else "NOT met: " + ", ".join(k for k, ok in goal.items() if not ok)))
    if args.json:
        out = {"date": datetime.now().isoformat(timespec="seconds"),
               "machine": {"python": platform.python_version(), "platform": platform.platform(),
                           "cpus": os.cpu_count(), "load_before": load_before, "load_after": load_after},
               "ledger": {"path": str(db), **stats, "built": built}, "concurrency": args.concurrency,
               "requests_per_endpoint": n, "goal_p95_ms": GOAL_MS, "goal_met": goal, "results": results}
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
