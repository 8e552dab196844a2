"""Are two SQLite ledgers the same? Every table (the change feed, the gated list and the search index's own tables
included), row for row, with the times a run stamps (ISO times to the microsecond: when an article was stored, a change
made, an article gated) masked, wherever they stand in a value (a JSON record's too). Rows are compared as sorted
lists: a table's ids are among its columns, and a table without one (`deal_fields`) is written in an order that
differs from run to run of one build (string hashing), not in what it holds.

    .venv/bin/python bench/ingest_cli_bench.py STREAM --against MAIN/src --keep DIR ...   # ledger-this-0.db, ledger-other-0.db
    .venv/bin/python bench/ledger_same.py DIR/ledger-this-0.db DIR/ledger-other-0.db

Prints each table's row count, and the first rows that differ; exit status 1 when anything does.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import sys

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(?:\+00:00|Z)?")
STAMP_BYTES = re.compile(STAMP.pattern.encode())


def _masked(value):
    if isinstance(value, str):
        return STAMP.sub("<time>", value)
    if isinstance(value, bytes):
        return STAMP_BYTES.sub(b"<time>", value)
    return value


def tables(conn: sqlite3.Connection) -> dict[str, bool]:
    """Every table, and whether it has a rowid (stored order) or not (ordered by all its columns)."""
    out = {}
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if name.startswith("sqlite_") or sql is None or sql.upper().startswith("CREATE VIRTUAL TABLE"):
            continue  # SQLite's own; a virtual table is read through its shadow tables
        out[name] = "WITHOUT ROWID" not in sql.upper()
    return out


def rows(conn: sqlite3.Connection, table: str, rowid: bool) -> list[tuple]:
    cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    order = "rowid" if rowid else ", ".join(f'"{c}"' for c in cols)
    return sorted((tuple(map(_masked, r)) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')), key=repr)


def compare(a: str, b: str, show: int = 3) -> list[str]:
    ca, cb = sqlite3.connect(a), sqlite3.connect(b)
    ta, tb = tables(ca), tables(cb)
    problems = [f"table {t} only in {a if t in ta else b}" for t in sorted(set(ta) ^ set(tb))]
    for t in sorted(set(ta) & set(tb)):
        ra, rb = rows(ca, t, ta[t]), rows(cb, t, tb[t])
        print(f"{t:<24} {len(ra):>7} {len(rb):>7} {'same' if ra == rb else 'DIFFERENT'}")
        if ra != rb:
            problems.append(f"table {t}: {len(ra)} and {len(rb)} rows")
            diffs = [(x, y) for x, y in zip(ra, rb) if x != y][:show]
            for x, y in diffs:
                problems.append(f"  {str(x)[:300]}\n  {str(y)[:300]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args(argv)
    problems = compare(args.a, args.b)
    for p in problems:
        print(p)
    print("the same" if not problems else "DIFFERENT")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
