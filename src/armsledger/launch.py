"""The `armsledger` console script's entry point: the command line (`cli.main`), imported when called.

A worker process started by `spawn` (ingest's and backfill's extraction pools) imports the script that started its
parent, as `__mp_main__`, before its first task. The script imports only this module, so that a worker does not
import the command line (typer, rich, every command's module: ~0.14 s of CPU a worker) that it never runs.

A command whose work is all written and closed when it returns can let the process end without the interpreter's
finalization (`leave_quickly`): freeing every object of every module imported (the extraction's, SQLAlchemy's,
NumPy's and SciPy's by datasketch) cost `armsledger ingest` ~0.35 s of CPU after its last line, before the shell got
its prompt back. The exit handlers (`atexit`: logging's, multiprocessing's) still run, and the output is flushed.
"""
from __future__ import annotations

import os
import sys

_quick = False  # set by a command that leaves nothing to finalization (`leave_quickly`)


def leave_quickly() -> None:
    """Let this process end without the interpreter's finalization once the command returns or exits: call it from
    a command that closes what it opens (its files, its ledger) before it returns. Only the console script's
    `main` reads it; an exception other than SystemExit, or a thread still working, ends the process as usual."""
    global _quick
    _quick = True


def main() -> None:
    from .cli import main as run

    try:
        run()
    except SystemExit as done:
        if _quick:
            _leave(done.code)
        raise
    if _quick:
        _leave(None)


def _leave(code) -> None:
    """End the process now with `code`'s exit status (as `sys.exit` gives it), after the exit handlers and with
    the output flushed; returns (leaving the ordinary exit to the caller) while a thread other than this one that
    the interpreter would wait for is still running."""
    import threading

    main_thread = threading.main_thread()
    if any(t is not main_thread and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as the interpreter does with `sys.exit("message")`
        print(code, file=sys.stderr)
        status = 1
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a closed pipe: nothing more can be told
            pass
    os._exit(status)
