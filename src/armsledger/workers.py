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
    A worker forked by a fork server (`multiprocessing`'s "forkserver") is the server's child, and the server
    leaves only once every worker has (each holds the pipe whose end tells it that its parent is gone): such a
    worker watches `parent` itself."""
    if os.getppid() == parent:
        def gone() -> bool:
            return os.getppid() != parent
    else:
        born = _started(parent)
        if born is None:  # gone already
            os._exit(1)

        def gone() -> bool:
            return _started(parent) != born  # ended (or a zombie), or its number taken by another process

    def watch() -> None:
        while not gone():
            time.sleep(POLL)
        os._exit(1)  # the parent is gone: nothing is left to report to

    threading.Thread(target=watch, name="armsledger-exit-with-parent", daemon=True).start()


def _started(pid: int) -> int | None:
    """When the process `pid` started (clock ticks after boot); None when there is none, or only its zombie.
    Without /proc: 0 while a signal can be sent to it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return None if fields[0] == b"Z" else int(fields[19])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except OSError:
            pass
        return 0
