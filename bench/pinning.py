"""Pin a bench to one core, as the benches measure one core's throughput (where the OS allows it)."""
from __future__ import annotations

import os


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
        except OSError:
            pass
