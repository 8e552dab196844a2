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
    """End this process soon after the process `parent` ends (a pool's initializer: call it in the worker).
    A worker forked by a fork server (`multiprocessing`'s "forkserver") is the server's child: it ends when the
    server does, which ends when `parent` does."""
    first = os.getppid()
    if first != parent and not _server_of(parent, first):
        os._exit(1)  # the parent is gone already

    def watch() -> None:
        while os.getppid() == first:
            time.sleep(POLL)
        os._exit(1)  # the parent is gone: nothing is left to report to

    threading.Thread(target=watch, name="armsledger-exit-with-parent", daemon=True).start()


def _server_of(parent: int, server: int) -> bool:
    """Is `server` a child of `parent` (a fork server started by it)?"""
    try:
        with open(f"/proc/{server}/stat", "rb") as fh:
            return int(fh.read().rsplit(b")", 1)[1].split()[1]) == parent
    except (OSError, ValueError, IndexError):
        return True  # cannot tell (no /proc): watch the server, which leaves with its parent
