"""What every worker process armsledger starts does first: leave when its parent is gone.

A pool's workers wait for work on a pipe whose writing end they hold themselves, so a parent
killed outright (SIGKILL, the out-of-memory killer) never tells them to stop: each would wait for
ever, holding its Extractor's memory. `exit_with(parent)` watches for that and ends the worker.
"""
from __future__ import annotations

import os
import threading
import time

POLL = 0.5  # seconds between looks at the parent


def exit_with(parent: int) -> None:
    """End this process soon after the process `parent` ends (a pool's initializer: call it in the worker)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL)
        os._exit(1)  # the parent is gone: nothing is left to report to

    threading.Thread(target=watch, name="armsledger-exit-with-parent", daemon=True).start()
