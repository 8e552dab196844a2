"""What every command shares with the shell: exit codes, output formats, sizes, plurals.

Exit codes, the same for every command:

    0  all well
    1  done, but some inputs failed (each failure is a line on standard error)
    2  usage: an unknown command or option, a bad option value, a missing argument
    3  nothing done: every input failed, or the command could not start (no ledger, no such deal)
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .ingest.files import size_bytes

OK, SOME_FAILED, USAGE, NOTHING_DONE = 0, 1, 2, 3


def outcome(done: int, failed: int) -> int:
    """The exit code of a batch: `done` inputs that went through, `failed` that did not."""
    if failed and not done:
        return NOTHING_DONE
    return SOME_FAILED if failed else OK


def console(stderr: bool = False) -> Console:
    """A console on standard output (or error) that wraps lines only on a terminal:
    piped or redirected, every line is written whole."""
    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(file=stream, width=None if tty else 1_000_000, soft_wrap=not tty, highlight=False)


class Lazy:
    """A console made afresh for each print, so that it writes to `sys.stdout` or `sys.stderr` as they
    are then (a test runner swaps them) and wraps as `console` says."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr

    def __getattr__(self, name: str) -> Any:  # print, rule, ...
        return getattr(console(self.stderr), name)


def fail(message: str, code: int = NOTHING_DONE) -> typer.Exit:
    """Print "Error: message" on standard error; return the Exit to raise."""
    console(stderr=True).print(f"[red]Error:[/red] {escape(message)}")
    return typer.Exit(code)


class Fmt(str, Enum):
    """How a listing is written: a table for people, the others for programs."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


# a column of a listing: its header, the raw value of a row, and how the table shows it
Column = tuple[str, Callable[[dict], Any], Callable[[dict], str]]


def emit(rows: Sequence[dict], columns: Sequence[Column], fmt: Fmt) -> None:
    """Write `rows`: JSON (one array) and JSON Lines with every field of each row; CSV and TSV with
    the table's columns, numbers in full; a Rich table on a terminal, unwrapped when piped."""
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=1) + "\n")
    elif fmt is Fmt.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt in (Fmt.csv, Fmt.tsv):
        w = csv.writer(sys.stdout, dialect="excel" if fmt is Fmt.csv else "excel-tab", lineterminator="\n")
        w.writerow([name for name, _, _ in columns])
        for r in rows:
            w.writerow([plain(get(r)) for _, get, _ in columns])
    else:
        t = Table(*[name for name, _, _ in columns])
        for r in rows:
            t.add_row(*[escape(show(r)) for _, _, show in columns])
        console().print(t)


def plain(value: Any) -> str:
    """A cell of CSV or TSV: numbers in full (never 5.2e+09), lists joined by "; ", None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def format_number(x: float) -> str:
    """A number written in full: 5200000000, 6150210000.5, 0.25; never an exponent."""
    if x == int(x):
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


def plural(n: int, noun: str, many: str | None = None) -> str:
    """ "1 deal", "2 deals", "0 deals"; `many` for irregular plurals."""
    return f"{n:,} {noun if n == 1 else (many or noun + 's')}"


def parse_size(text: str) -> int:
    """Bytes from "10MB", "512KB", "1.5GB" or a plain number of bytes, for a Typer option."""
    try:
        return size_bytes(text)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
