"""The `armsledger` console script's entry point: the command line (`cli.main`), imported when called.

A worker process started by `spawn` (ingest's and backfill's extraction pools) imports the script that started its
parent, as `__mp_main__`, before its first task. The script imports only this module, so that a worker does not
import the command line (typer, rich, every command's module: ~0.14 s of CPU a worker) that it never runs.
"""
from __future__ import annotations


def main() -> None:
    from .cli import main as run

    run()
