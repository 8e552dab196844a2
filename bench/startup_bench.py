"""Start-up: the wall time of `armsledger --help` and of `armsledger extract` on one short report, as a user runs them.

Each command runs in a fresh process, `--runs` times, interleaved with the same commands run from another source
tree when `--against DIR` names one (a checkout's `src/`, for a before/after ratio measured side by side); the
median of each is printed. The issue asks for --help <= 0.5 s and one short report <= 1.0 s.

    .venv/bin/python bench/startup_bench.py
    .venv/bin/python bench/startup_bench.py --against /tmp/base/src --runs 5
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "src" / "armsledger" / "samples" / "seed-india-russia-s400.txt"


def wall(src: Path, args: list[str]) -> float:
    code = f"import sys; sys.path.insert(0, {str(src)!r}); sys.argv = ['armsledger'] + {args!r}; " \
           "from armsledger.cli import main; main()"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, help="another tree's src/ directory, timed side by side")
    args = ap.parse_args(argv)
    trees = {"this tree": ROOT / "src"} | ({"against": args.against} if args.against else {})
    commands = {"--help": ["--help"], "extract one short report": ["extract", str(REPORT)]}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for cname, cargs in commands.items():
            for tname, src in trees.items():
                times.setdefault((cname, tname), []).append(wall(src, cargs))
    print(f"median of {args.runs} runs, wall seconds; load average {os.getloadavg()[0]:.1f}")
    for cname in commands:
        row = {t: statistics.median(times[(cname, t)]) for t in trees}
        extra = f"   against {row['against']:.2f} s ({row['against'] / row['this tree']:.1f}x)" if "against" in row else ""
        print(f"  {cname:<26} {row['this tree']:.2f} s{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
