"""The ledger from the command line, as a user types it."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from armsledger.cli import app

ARTICLES = Path(__file__).parent / "data" / "articles"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_then_list_show_correct_and_export(tmp_path):
    db = str(tmp_path / "ledger.db")
    result = run("ingest", str(ARTICLES), "--db", db, "--quiet")
    assert result.exit_code == 0
    assert "10 added" in result.output

    deals = json.loads(run("deals", "--db", db, "--platform", "S-400", "--format", "json").output)
    first = next(d for d in deals if not d["follow_on"])
    assert first["status"] == "in_delivery" and first["delivered_max"] == 3

    shown = run("deal", str(first["id"]), "--db", db)
    assert "in_delivery" in shown.output and "Expected completion" in shown.output

    fixed = run("correct", str(first["id"]), "status", '"completed"', "--who", "ana", "--why", "handover ceremony",
                "--db", db)
    assert fixed.exit_code == 0
    assert json.loads(run("deal", str(first["id"]), "--db", db, "-f", "json").output)["status"] == "completed"

    exported = run("export", "csv", "--db", db, "--recipient", "IND")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert any(r["Weapon designation"] == "S-400" and r["Status"] == "completed" for r in rows)

    assert "S-400" in run("search", "squadrons", "--db", db, "-f", "json").output
    assert run("events", "--db", db, "--type", "SUMMIT", "-f", "json").exit_code == 0
    info = run("info", "--db", db, "--verify")
    assert "articles: 10" in info.output and "consistent" in info.output


def test_ingest_reports_each_bad_input_and_goes_on(tmp_path):
    db = str(tmp_path / "ledger.db")
    (tmp_path / "empty.txt").write_text("")
    result = run("ingest", str(tmp_path / "empty.txt"), str(ARTICLES / "01.txt"), str(tmp_path / "nope.txt"),
                 "--db", db)
    assert result.exit_code == 1  # done, but some inputs failed
    assert "empty.txt" in result.output and "nope.txt" in result.output
    assert "1 added" in result.output and "2 failed" in result.output
    only_bad = run("ingest", str(tmp_path / "nope.txt"), "--db", db)
    assert only_bad.exit_code == 3  # nothing done


def test_an_unknown_deal_and_a_bad_correction_say_what_to_do(tmp_path):
    db = str(tmp_path / "ledger.db")
    run("ingest", str(ARTICLES / "01.txt"), "--db", db)
    missing = run("deal", "999", "--db", db)
    assert missing.exit_code == 3 and "armsledger deals" in missing.output
    bad = run("correct", "1", "colour", "red", "--who", "ana", "--why", "x", "--db", db)
    assert bad.exit_code == 2 and "cannot be corrected" in bad.output
