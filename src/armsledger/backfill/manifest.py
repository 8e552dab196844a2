"""The run's manifest: which partitions are extracted, which shards are loaded.

A small SQLite file, `manifest.sqlite`, in the run's work directory; only the driver
writes it. A partition goes

    pending -> done (its shard is written) -> loading -> loaded
            -> error (the task failed; retried by the next run)

and the next run over the same inputs extracts only what is not `done` and loads only
what is not `loaded`. A shard found `loading` was being loaded when the driver stopped:
the next run loads it again, which stores only the articles still missing.
"""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone

from .partition import BackfillError, Partition
from .worker import ShardInfo

PENDING, DONE, ERROR, LOADING, LOADED = "pending", "done", "error", "loading", "loaded"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS partitions (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    spec TEXT NOT NULL,        -- JSON of the partition's pieces
    status TEXT NOT NULL,
    info TEXT,                 -- JSON of the ShardInfo, once extracted
    error TEXT,                -- why the task failed
    attempts INTEGER NOT NULL DEFAULT 0,
    loaded TEXT,               -- JSON of what loading it stored
    updated TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Manifest:
    """The manifest of one work directory.

    Example:
        m = Manifest("work/")
        m.check("ledger", "sqlite:////data/ledger.db")
        m.add(partitions)
        todo = [p for p in partitions if m.status(p.key) in (PENDING, ERROR)]
    """

    def __init__(self, work_dir: str) -> None:
        os.makedirs(work_dir, exist_ok=True)
        self.path = os.path.join(work_dir, "manifest.sqlite")
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: every change is on disk at once
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- settings ------------------------------------------------------------------------

    def setting(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set(self, name: str, value: str) -> None:
        self.db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                        (name, value))

    def check(self, name: str, value: str) -> None:
        """Record `value` under `name`, or refuse when the directory holds a run with another value."""
        held = self.setting(name)
        if held is None:
            self.set(name, value)
        elif held != value:
            raise BackfillError(f"{self.path}: this work directory belongs to a backfill with {name} {held}, "
                                f"not {value}; give another --work-dir")

    # -- partitions -----------------------------------------------------------------------

    def add(self, partitions: list[Partition]) -> None:
        """Record the partitions not yet known, as pending."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO partitions (key, label, spec, status, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                [(p.key, p.label, json.dumps(p.as_dict()), PENDING, _now()) for p in partitions])

    def status(self, key: str) -> str | None:
        row = self.db.execute("SELECT status FROM partitions WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def statuses(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, status FROM partitions"))

    def info(self, key: str) -> ShardInfo | None:
        row = self.db.execute("SELECT info FROM partitions WHERE key = ?", (key,)).fetchone()
        return ShardInfo.from_json(row[0]) if row and row[0] else None

    def mark_done(self, info: ShardInfo) -> None:
        """The partition's shard is written (a shard whose load was cut short stays `loading`)."""
        self.db.execute("UPDATE partitions SET status = CASE WHEN status = ? THEN status ELSE ? END, info = ?, "
                        "error = NULL, updated = ? WHERE key = ? AND status != ?",
                        (LOADING, DONE, info.as_json(), _now(), info.key, LOADED))

    def mark_error(self, key: str, message: str) -> None:
        self.db.execute("UPDATE partitions SET status = CASE WHEN status = ? THEN status ELSE ? END, error = ?, "
                        "attempts = attempts + 1, updated = ? WHERE key = ?", (LOADING, ERROR, message, _now(), key))

    def mark_loading(self, key: str) -> None:
        self._set(key, LOADING)

    def mark_loaded(self, key: str, result: dict) -> None:
        self.db.execute("UPDATE partitions SET status = ?, loaded = ?, updated = ? WHERE key = ?",
                        (LOADED, json.dumps(result, ensure_ascii=False), _now(), key))

    def _set(self, key: str, status: str) -> None:
        self.db.execute("UPDATE partitions SET status = ?, updated = ? WHERE key = ?", (status, _now(), key))
