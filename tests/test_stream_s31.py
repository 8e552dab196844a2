"""Session 31, ingest throughput of a mixed stream: the pool's start-up off the ingest's critical path.

- `armsledger ingest` of a large input starts the workers' fork server before it opens the ledger (`pool.prestart`),
  so that the server's preload runs while this process starts up, not after;
- the expressions built from sets are the same in every run (the start-up cache of expressions holds them);
- an up-to-date ledger is told by its revision without importing Alembic (`db.upgrade`); one behind still migrates.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import armsledger

SRC = str(Path(armsledger.__file__).resolve().parent.parent)  # the tree under test


def _run(code: str, **env: str) -> str:
    return subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=SRC, **env),
                          capture_output=True, text=True, check=True).stdout


# ------------------------------------------------------------------ signatures of near copies

TEXTS = [
    "The harbour board approved a new ferry timetable on Tuesday; the first boat leaves at 6.40.",
    "The harbour board approved a new ferry timetable on Wednesday; the first boat leaves at 6.40.",
    "Zürich's museum lent two paintings to a gallery in Łódź — the loan runs until March.",
]


def test_signatures_of_near_copies_still_read_as_copies():
    from armsledger.ledger import dedup

    a, b = (dedup.to_bytes(dedup.signature(t)) for t in TEXTS[:2])  # one word of 18 changed
    c = dedup.to_bytes(dedup.signature(TEXTS[2]))
    assert dedup.similarity_of(a, a) == 1.0
    assert 0 < dedup.similarity_of(a, b) < 1.0
    assert dedup.similarity_of(a, c) < dedup.SIMILAR


# ------------------------------------------------------------------ the fork server started first


def test_prestart_starts_the_fork_server_only_for_more_than_one_job():
    code = (
        "import json\n"
        "from multiprocessing import forkserver\n"
        "from armsledger.ledger import pool\n"
        "one = pool.prestart(1)\n"
        "after_one = forkserver._forkserver._forkserver_pid is not None\n"
        "two = pool.prestart(2)\n"
        "after_two = forkserver._forkserver._forkserver_pid is not None\n"
        "print(json.dumps([one, after_one, two, after_two, forkserver._forkserver._preload_modules]))\n")
    one, after_one, two, after_two, preload = json.loads(_run(code))
    assert (one, after_one) == (False, False)
    if sys.platform.startswith("linux"):
        assert (two, after_two) == (True, True)
        assert preload == ["__main__", "armsledger.ledger.warm"]  # the server loads the extraction, as the pool's


def _ingest_calls(monkeypatch, tmp_path, inputs: list[str]) -> list[str]:
    """What `armsledger ingest --jobs 2` calls first: `pool.prestart`, then `_open` (the ledger)."""
    from typer.testing import CliRunner

    from armsledger.cli import app
    from armsledger.ledger import cli, pool

    calls: list[str] = []
    monkeypatch.setattr(pool, "prestart", lambda jobs: calls.append(f"prestart {jobs}") or False)
    opening = cli._open

    def _open(*a, **k):
        calls.append("open")
        return opening(*a, **k)

    monkeypatch.setattr(cli, "_open", _open)
    result = CliRunner().invoke(app, ["ingest", "-q", "--jobs", "2", *inputs, "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output
    return calls


def _jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": f"Story {i}: the allotment society met to plan its spring show. "
                                         + "Members brought seeds and tools to swap. " * 60,
                                 "url": f"https://garden.example/{i}"}) + "\n")
    return path


def test_a_large_input_starts_the_fork_server_before_the_ledger_opens(monkeypatch, tmp_path):
    from armsledger.ledger import cli

    big = _jsonl(tmp_path / "big.jsonl", 120)  # ~300 KB
    assert big.stat().st_size >= cli.PRESTART_BYTES
    assert _ingest_calls(monkeypatch, tmp_path, [str(big)]) == ["prestart 2", "open"]


def test_a_directory_of_many_articles_starts_it_too(monkeypatch, tmp_path):
    d = tmp_path / "in"
    (d / "spring").mkdir(parents=True)
    for i in range(4):
        _jsonl(d / "spring" / f"part-{i}.jsonl", 30)  # ~75 KB each
    assert _ingest_calls(monkeypatch, tmp_path, [str(d)]) == ["prestart 2", "open"]


def test_a_directory_of_a_few_articles_does_not(monkeypatch, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    _jsonl(d / "few.jsonl", 2)
    assert _ingest_calls(monkeypatch, tmp_path, [str(d)]) == ["open"]


def test_a_small_input_leaves_the_workers_to_the_first_batch(monkeypatch, tmp_path):
    small = _jsonl(tmp_path / "small.jsonl", 3)
    assert _ingest_calls(monkeypatch, tmp_path, [str(small)]) == ["open"]
    assert _ingest_calls(monkeypatch, tmp_path, [str(tmp_path / "sm*.jsonl")]) == ["open"]  # a glob: not counted


# ------------------------------------------------------------------ expressions the same in every run


def test_expressions_built_from_sets_are_the_same_whatever_the_hash_seed():
    code = (
        "import json\n"
        "from armsledger.extract import dates, values\n"
        "from armsledger.extract.entities import EntityFinder\n"
        "from armsledger.catalogue import load\n"
        "f = EntityFinder(load())\n"
        "print(json.dumps([dates._CANDIDATE.pattern, values.QTY_RE.pattern, f._leading_rank.pattern]))\n")
    runs = [json.loads(_run(code, PYTHONHASHSEED=seed, ARMSLEDGER_CACHE="off")) for seed in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]


# ------------------------------------------------------------------ an up-to-date ledger opened without Alembic


def test_the_newest_migration_read_from_the_files_is_alembics_head():
    from armsledger.ledger import db

    assert db._newest() == db.head_revision()


def test_an_up_to_date_ledger_opens_without_importing_alembic(tmp_path):
    path = tmp_path / "ledger.db"
    code = (f"import json, sys\nfrom armsledger.ledger import db\ndb.connect({str(path)!r}).dispose()\n"
            "print(json.dumps('alembic' in sys.modules))\n")
    assert json.loads(_run(code)) is True  # a new ledger: made by Alembic's migrations
    assert json.loads(_run(code)) is False  # then only its revision read


def test_a_ledger_one_migration_behind_is_still_upgraded(tmp_path):
    import sqlite3

    from alembic import command
    from sqlalchemy import create_engine

    from armsledger.ledger import db

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = db._alembic_config()
    behind = str(int(db.head_revision()) - 1).zfill(4)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, behind)
    engine.dispose()
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchall() == [(behind,)]
    db.connect(str(path)).dispose()
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchall() == [(db.head_revision(),)]
