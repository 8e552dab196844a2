"""`armsledger ingest --jobs N` end to end, by the console script, this build against another, alternately.

Each run is a fresh command into a fresh ledger (its schema made beforehand, not timed), as a user runs it: the
command's own start-up, its fork server's preload (the extraction's modules and the default Extractor, built once for the workers it forks), extraction, writes.
Reported: wall, articles/s and the CPU of the command and its workers (`RUSAGE_CHILDREN`; PostgreSQL's server not
counted), medians, the builds alternating. On Linux this process is the commands' child subreaper: the fork server
(and the workers it waits for) is never waited for by the command that started it, and its CPU would not count. This build runs by the `armsledger` script beside this Python; the
other by a script as its console script is (`from armsledger.launch import main`, or `armsledger.cli` in a build
older than `launch.py`), with PYTHONPATH at its `src/`.
The ledgers of the first two rounds are kept for comparing (`--keep DIR`). Each build has its own start-up cache
(`ARMSLEDGER_CACHE`), made by a run before the first round's, not timed.

    .venv/bin/python bench/ingest_cli_bench.py --make-input /tmp/train630.jsonl   # write_bench's 630 reports
    git -C . archive main | tar -x -C /tmp/main-copy
    nice .venv/bin/python bench/ingest_cli_bench.py /tmp/train630.jsonl --against /tmp/main-copy/src --db sqlite --rounds 4
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_SCRIPT = "import sys\nfrom armsledger.cli import main\nif __name__ == '__main__':\n    sys.exit(main())\n"
# the console script since `armsledger.launch` (the command line imported when called): a fork server preloads the
# script (`__main__`), and one that imports the command line costs the other build's server ~0.14 s of CPU more
LAUNCH_SCRIPT = "import sys\nfrom armsledger.launch import main\nif __name__ == '__main__':\n    sys.exit(main())\n"


def make_input(path: str, repeat: int = 3, seed: int = 20240419) -> None:
    """write_bench's train corpus (corpus/train's reports, each also as two more outlets ran it) as JSON Lines."""
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "src")]
    from write_bench import train_corpus

    with open(path, "w", encoding="utf-8") as fh:
        for a in train_corpus(repeat, seed):
            fh.write(json.dumps({"text": a.text, "title": a.title, "published": a.published,
                                 "publisher": a.publisher, "url": a.url}) + "\n")


def _psql(sql: str, server: str) -> None:
    subprocess.run(["psql", server + "/postgres", "-qc", sql], check=True, capture_output=True)


def _subreaper() -> bool:
    """Make this process the subreaper of its descendants (Linux): orphans are handed to it, and their CPU, once
    waited for, counts in its RUSAGE_CHILDREN."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER


def _reap(reaper: bool) -> None:
    """Wait for every descendant handed to this process (`_subreaper`)."""
    while reaper:
        try:
            os.wait()
        except ChildProcessError:
            break


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?")
    ap.add_argument("--make-input", metavar="PATH", help="write the train corpus as JSON Lines and stop")
    ap.add_argument("--against", metavar="SRC", help="the other build's src/")
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--keep", metavar="DIR", help="keep the first two rounds' SQLite ledgers here")
    args = ap.parse_args(argv)
    reaper = _subreaper()
    if args.make_input:
        make_input(args.make_input)
        return 0
    py = sys.executable
    this_script = str(Path(py).with_name("armsledger"))
    work = tempfile.mkdtemp(prefix="armsledger-clibench-")
    old_script = os.path.join(work, "old_cli.py")
    launch = args.against and (Path(args.against) / "armsledger" / "launch.py").exists()
    Path(old_script).write_text(LAUNCH_SCRIPT if launch else OLD_SCRIPT)
    builds = {"this": (str(ROOT / "src"), this_script)}
    if args.against:
        builds["other"] = (args.against, old_script)
    n = sum(1 for _ in open(args.input, encoding="utf-8"))
    for name, (src, script) in builds.items():  # each build's start-up cache made, as a user's is after a first run
        db = os.path.join(work, f"warm-{name}.db")
        env = dict(os.environ, PYTHONPATH=src, ARMSLEDGER_CACHE=os.path.join(work, f"cache-{name}"))
        subprocess.run([py, script, "ingest", "-q", "--jobs", str(args.jobs), args.input, "--db", db],
                       env=env, capture_output=True, check=True)
        _reap(reaper)
    res: dict[str, list[dict]] = {k: [] for k in builds}
    for r in range(args.rounds):
        order = list(builds.items()) if r % 2 == 0 else list(reversed(builds.items()))
        for name, (src, script) in order:
            if args.db == "postgresql":
                dbname = f"clibench_{name}" if r < 2 else "clibench"
                _psql(f"DROP DATABASE IF EXISTS {dbname}", args.pg)
                _psql(f"CREATE DATABASE {dbname}", args.pg)
                db = f"{args.pg}/{dbname}"
            else:
                folder = args.keep if args.keep and r < 2 else work
                db = os.path.join(folder, f"ledger-{name}-{r}.db")
            # each build its own start-up cache: the two builds' items differ, and one shared cache would be
            # rebuilt by every run for the other build's next one (as a user's, of one build, is not)
            env = dict(os.environ, PYTHONPATH=src, ARMSLEDGER_CACHE=os.path.join(work, f"cache-{name}"))
            subprocess.run([py, script, "info", "--db", db], env=env, capture_output=True, check=True)  # the schema
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            load = os.getloadavg()[0]
            t0 = time.perf_counter()
            subprocess.run([py, script, "ingest", "-q", "--jobs", str(args.jobs), args.input, "--db", db],
                           env=env, capture_output=True, check=True)
            wall = time.perf_counter() - t0
            _reap(reaper)  # the fork server, left to this process: it leaves once the command has
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            res[name].append({"seconds": round(wall, 2), "articles_per_s": round(n / wall, 1),
                              "cpu_seconds": round(cpu, 2), "load_average": round(load, 1)})
            print(name, res[name][-1], flush=True)
    out = {}
    for name, runs in res.items():
        wall = statistics.median(x["seconds"] for x in runs)
        out[name] = {"articles_per_s": round(n / wall, 1), "cpu_seconds": statistics.median(x["cpu_seconds"] for x in runs),
                     "runs": runs}
    if "other" in out:
        out["cpu_ratio"] = round(out["other"]["cpu_seconds"] / out["this"]["cpu_seconds"], 3)
        out["wall_ratio"] = round(out["this"]["articles_per_s"] / out["other"]["articles_per_s"], 3)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
