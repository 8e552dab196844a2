"""Start-up: the wall time of `armsledger --help` and of `armsledger extract` on one short report, as a user runs them.

Each command runs in a fresh process, `--runs` times, every variant in turn within each round so that all see the
same load; the median of each is printed, with the load average, and the process's peak RSS (the cold cache's is the
most a user's first run takes). Variants of `extract`:

- warm cache: the start-up cache (armsledger/cache.py) built by an earlier run, what every run but the first sees;
- cold cache: an empty cache directory each time, what the first run after installing or editing a catalogue sees;
- cache off: ARMSLEDGER_CACHE=off, everything built in the process;
- against: the same command from another source tree (`--against DIR`, a checkout's `src/`), for a before/after ratio;
- `--format json` (warm cache), here and against: the record without the text view that draws it.

Then a start-up check (not timed): which heavy libraries a warm `extract` imports (spaCy and PyYAML should not be
among them), and whether the medians meet the issue's goals: --help <= 0.5 s, one short report <= 1.0 s.

    .venv/bin/python bench/startup_bench.py
    .venv/bin/python bench/startup_bench.py --against /tmp/base/src --runs 5
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "src" / "armsledger" / "samples" / "seed-india-russia-s400.txt"
GOALS = {"--help": 0.5, "extract, warm cache": 1.0}
RSS_GOAL = 300  # MB, issue 10's bound on extraction's peak memory
HEAVY = ("spacy", "yaml", "httpx", "pydantic", "sqlalchemy", "trafilatura", "numpy")


def _code(src: Path, args: list[str], report_modules: bool = False) -> str:
    code = (f"import sys; sys.path.insert(0, {str(src)!r}); sys.argv = ['armsledger'] + {args!r}\n"
            "from armsledger.cli import main\n")
    if not report_modules:
        return code + "main()"
    return code + ("try:\n    main()\nexcept SystemExit:\n    pass\n"
                   f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")


def wall(src: Path, args: list[str], cache: str) -> tuple[float, float]:
    """The command's wall seconds and its process's peak RSS in MB."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "ARMSLEDGER_CACHE": cache}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _code(src, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own resource use (Linux: ru_maxrss in KB)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args)
    return seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, help="another tree's src/ directory, timed side by side")
    args = ap.parse_args(argv)
    src = ROOT / "src"
    extract = ["extract", str(REPORT)]
    with tempfile.TemporaryDirectory(prefix="armsledger-startup-") as tmp:
        warm = str(Path(tmp) / "warm")
        wall(src, extract, warm)  # builds the cache the warm runs read
        as_json = extract + ["--format", "json"]
        variants: dict[str, tuple[Path, list[str], object]] = {
            "--help": (src, ["--help"], lambda: warm),
            "extract, warm cache": (src, extract, lambda: warm),
            "extract, cold cache": (src, extract, lambda: tempfile.mkdtemp(dir=tmp)),
            "extract, cache off": (src, extract, lambda: "off"),
            "extract --format json": (src, as_json, lambda: warm),
        }
        if args.against:
            variants["--help, against"] = (args.against, ["--help"], lambda: "off")
            variants["extract, against"] = (args.against, extract, lambda: "off")
            variants["extract --format json, against"] = (args.against, as_json, lambda: "off")
        times: dict[str, list[float]] = {name: [] for name in variants}
        peaks: dict[str, list[float]] = {name: [] for name in variants}
        load_before = os.getloadavg()[0]
        for _ in range(args.runs):
            for name, (tree, cmd, cache) in variants.items():
                seconds, peak = wall(tree, cmd, cache())
                times[name].append(seconds)
                peaks[name].append(peak)
        load_after = os.getloadavg()[0]
        env = {**os.environ, "ARMSLEDGER_CACHE": warm}
        imported = subprocess.run([sys.executable, "-c", _code(src, extract, report_modules=True)], env=env,
                                  capture_output=True, text=True).stderr.strip().splitlines()[-1:]
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"median of {args.runs} runs, wall seconds; load average {load_before:.1f} before, {load_after:.1f} after"
          f" ({os.cpu_count()} cores)")
    for name in variants:
        extra = ""
        base = "--help" if name.startswith("--help") else \
            "extract --format json" if name.startswith("extract --format json") else "extract, warm cache"
        if name != base:
            extra = f"   ({med[name] / med[base]:.1f}x {base})"
        print(f"  {name:<32} {med[name]:6.2f} s{extra}   peak RSS {max(peaks[name]):.0f} MB")
    print("start-up check:")
    print(f"  a warm `extract` imports: {imported[0] if imported and imported[0] else 'none of ' + ', '.join(HEAVY)}")
    for name, goal in GOALS.items():
        print(f"  {name:<32} {med[name]:.2f} s, goal <= {goal} s: {'met' if med[name] <= goal else 'NOT met'}")
    cold = max(peaks["extract, cold cache"])
    print(f"  {'peak RSS, cold cache':<32} {cold:.0f} MB, goal <= {RSS_GOAL} MB: {'met' if cold <= RSS_GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
