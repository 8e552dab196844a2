"""Session 33: `armsledger ingest` ends its process without the interpreter's finalization (`launch.leave_quickly`),
and what a user sees of the command is unchanged: its exit status, its output, the exit handlers' work, its ledger."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import armsledger

SRC = str(Path(armsledger.__file__).resolve().parent.parent)
SCRIPT = "import sys\nfrom armsledger.launch import main\nif __name__ == '__main__':\n    sys.exit(main())\n"


def _python(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`code` run as a script by a fresh interpreter with this tree's armsledger."""
    script = tmp_path / "script.py"
    script.write_text(code)
    env = dict(os.environ, PYTHONPATH=SRC, ARMSLEDGER_LOG=str(tmp_path / "armsledger.log"))
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, env=env,
                          timeout=600)


# an object of the script's module, freed by the interpreter's finalization (which then writes "finalized")
_KEPT = ("class Kept:\n    def __del__(self, write=os.write):\n        write(1, b'finalized\\n')\n"
         "kept = Kept()\n")


def _leaving(body: str) -> str:
    """A script that registers an exit handler and prints without a newline (buffered), then runs `body`."""
    return ("import atexit, os, sys, threading\nfrom armsledger import launch\n"
            "atexit.register(print, 'handler ran')\nprint('buffered', end=' ')\n"
            + _KEPT + body)


def test_leaving_quickly_keeps_the_status_the_output_and_the_exit_handlers(tmp_path):
    got = _python(_leaving("launch._leave(5)\nprint('not reached')\n"), tmp_path)
    assert got.returncode == 5
    assert got.stdout == "buffered handler ran\n"  # the handler ran, the output was flushed, nothing after


def test_leaving_quickly_with_no_code_or_a_message_exits_as_sys_exit_does(tmp_path):
    assert _python(_leaving("launch._leave(None)\n"), tmp_path).returncode == 0
    told = _python(_leaving("launch._leave('the ledger is locked')\n"), tmp_path)
    assert told.returncode == 1
    assert "the ledger is locked" in told.stderr


def test_leaving_quickly_waits_while_a_thread_is_still_working(tmp_path):
    body = ("done = threading.Event()\n"
            "def work():\n    done.wait(30)\n    print('thread done', end=' ')\n"
            "t = threading.Thread(target=work)\nt.start()\nlaunch._leave(7)\n"
            "print('returned', end=' ')\ndone.set()\nt.join()\n")
    got = _python(_leaving(body), tmp_path)
    assert got.returncode == 0  # `_leave` returned: the interpreter's ordinary exit
    assert "buffered returned thread done handler ran\n" in got.stdout and "finalized" in got.stdout


def test_a_command_that_does_not_ask_leaves_by_the_ordinary_exit(tmp_path):
    """Finalization still runs for every other command: a weakref finalizer run at exit shows it."""
    got = _python(_leaving("sys.exit(4)\n"), tmp_path)
    assert got.returncode == 4
    assert "buffered handler ran\n" in got.stdout and "finalized" in got.stdout


def test_ingest_by_the_console_script_leaves_quickly_with_its_ledger_written(tmp_path):
    """The command's summary, exit status and ledger are as before; ingesting again stores nothing twice."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "sale.txt").write_text(
        "Poland signed a contract with Lockheed Martin for 32 F-35A fighter jets worth $4.6 billion on Tuesday.\n"
        "Deliveries of the aircraft are expected to begin in 2024, the defence ministry said.\n")
    (news / "weather.txt").write_text("Rain is expected across the north on Sunday, with sunshine later in the week.\n")
    db = tmp_path / "ledger.db"
    probe = ("import os, sys\nfrom armsledger import launch\n" + _KEPT +
             "sys.argv = ['armsledger', *sys.argv[1:]]\nlaunch.main()\n")
    first = _python(probe, tmp_path, "ingest", "-q", "--jobs", "1", str(news), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 added" in first.stderr and "1 passed over by the relevance gate" in first.stderr
    assert "finalized" not in first.stdout  # the interpreter's finalization was skipped
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM gated").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM deals").fetchone()[0] >= 1
    again = _python(SCRIPT, tmp_path, "ingest", "-q", "--jobs", "1", str(news / "sale.txt"), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "0 added" in again.stderr and "1 already stored" in again.stderr
    missing = _python(SCRIPT, tmp_path, "ingest", "-q", str(tmp_path / "none.txt"), "--db", str(db))
    assert missing.returncode == 3  # as before: every input failed
    assert "no such file" in missing.stderr
