"""The command line in a shell: version, help, exit codes, sizes, encodings, retries, formats, filters."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from armsledger import __version__
from armsledger.cli import app
from armsledger.shell import format_number, plural
from armsledger.ingest.files import describe_size, size_bytes

runner = CliRunner()

S400 = "India signed a deal with Russia for five S-400 squadrons worth USD 5 billion in 2018."
K2 = "Poland ordered 180 K2 tanks from South Korea in a deal signed in 2022."


def run(*args: str, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture
def ledger(tmp_path):
    """A ledger with two deals, from a JSON Lines file of two reports."""
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join(json.dumps({"text": t, "title": title, "publisher": "Test Wire",
                                          "published": "2023-01-05", "url": f"https://example.com/{n}"})
                              for n, (t, title) in enumerate([(S400, "India's S-400"), (K2, "Poland's K2")])),
                    encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert run("ingest", news, "--db", db, "-q").exit_code == 0
    return db


def test_version_and_short_help():
    assert run("--version").stdout.strip() == f"armsledger {__version__}"
    assert run("--version").exit_code == 0
    for args in (["-h"], ["ingest", "-h"], ["deals", "-h"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_exit_codes_all_well_some_failed_usage_nothing_done(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(S400, encoding="utf-8")
    bad.write_text("", encoding="utf-8")
    db = tmp_path / "ledger.db"
    for command in (["extract"], ["ingest", "--db", db]):
        assert run(*command, good).exit_code == 0, command  # all well
        assert run(*command, good, bad).exit_code == 1, command  # some inputs failed
        assert run(*command, bad, tmp_path / "missing.txt").exit_code == 3, command  # nothing done
        assert run(*command, good, "--no-such-option").exit_code == 2, command  # usage
    assert run("ingest", good, "--db", db).exit_code == 0  # already stored is not a failure
    assert run("deal", "999", "--db", db).exit_code == 3
    assert run("deals", "--db", db, "--format", "xml").exit_code == 2
    assert run("nosuchcommand").exit_code == 2


def test_a_bad_json_lines_line_is_a_failed_input(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": S400}) + "\n{\"text\": broken\n", encoding="utf-8")
    assert run("extract", news, "-f", "json").exit_code == 1
    assert run("ingest", news, "--db", tmp_path / "l.db").exit_code == 1


def test_retry_failed_reads_the_json_lines_line_again_and_only_it(tmp_path):
    db, news = tmp_path / "ledger.db", tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": S400}) + "\n{\"text\": broken\n", encoding="utf-8")
    first = run("ingest", news, "--db", db)
    assert first.exit_code == 1 and "news.jsonl:2" in first.stderr
    news.write_text(json.dumps({"text": S400}) + "\n" + json.dumps({"text": K2}) + "\n", encoding="utf-8")
    retried = run("ingest", "--retry-failed", "--db", db)
    assert retried.exit_code == 0, retried.output
    assert "1 added" in retried.stderr and "0 already stored" in retried.stderr and "no such file" not in retried.stderr
    deals = json.loads(run("deals", "--db", db, "-f", "json").stdout)
    assert {d["platform"] for d in deals} == {"S-400", "K2"}
    assert "failed inputs awaiting --retry-failed: 0" in run("info", "--db", db).stdout


def test_a_line_that_fails_again_is_recorded_again(tmp_path):
    db, news = tmp_path / "ledger.db", tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": S400}) + "\n{oops\n", encoding="utf-8")
    run("ingest", news, "--db", db)
    again = run("ingest", "--retry-failed", "--db", db)
    assert again.exit_code == 3 and "news.jsonl:2: invalid JSON" in again.stderr
    assert "failed inputs awaiting --retry-failed: 1" in run("info", "--db", db).stdout


def test_ingest_reads_latin_1_with_encoding(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(("Title: Défense\n\nLa France a signé un contrat; " + S400).encode("latin-1"))
    db = tmp_path / "ledger.db"
    assert run("ingest", report, "--db", db, "--encoding", "latin-1").exit_code == 0
    stored = json.loads(run("search", "signé", "--db", db, "-f", "json").stdout)
    assert stored[0]["title"] == "Défense"
    wrong = run("ingest", tmp_path / "report.txt", "--db", tmp_path / "other.db", "--encoding", "utf-8")
    assert wrong.exit_code == 3 and "--encoding" in wrong.stderr


def test_every_option_an_error_advises_exists_on_that_command(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(S400 * 40, encoding="utf-8")
    for command in (["extract"], ["ingest", "--db", tmp_path / "l.db"]):
        refused = run(*command, big, "--max-size", "1KB")
        assert refused.exit_code == 3 and "raise --max-size" in refused.stderr and "the limit is 1KB" in refused.stderr
        assert run(*command, big, "--max-size", "10MB").exit_code == 0
        assert run(*command, big, "--max-size", "lots").exit_code == 2
        assert "--encoding" in run(*command, "-h").stdout


def test_sizes_are_written_one_way():
    assert size_bytes("10MB") == 10 * 2**20 and size_bytes("512KB") == 512 * 2**10 and size_bytes("1.5GB") == 3 * 2**29
    assert size_bytes("2048") == 2048
    assert [describe_size(n) for n in (10 * 2**20, 1536, 900)] == ["10MB", "1.5KB", "900B"]


def test_country_filters_take_names_demonyms_and_codes(ledger):
    for recipient in ("Poland", "polish", "POL", "pol"):
        rows = json.loads(run("deals", "--db", ledger, "--recipient", recipient, "-f", "json").stdout)
        assert [d["platform"] for d in rows] == ["K2"], recipient
    unknown = run("deals", "--db", ledger, "--recipient", "Narnia")
    assert unknown.exit_code == 2 and "Narnia" in unknown.output


@pytest.mark.parametrize("command", [["deals"], ["events"], ["conflicts"], ["search", "tanks"], ["changes"]])
def test_every_listing_writes_table_csv_tsv_json_and_jsonl(ledger, command):
    as_json = json.loads(run(*command, "--db", ledger, "-f", "json").stdout)
    lines = [json.loads(line) for line in run(*command, "--db", ledger, "-f", "jsonl").stdout.splitlines()]
    assert lines == as_json
    as_csv = list(csv.DictReader(io.StringIO(run(*command, "--db", ledger, "-f", "csv").stdout)))
    as_tsv = list(csv.DictReader(io.StringIO(run(*command, "--db", ledger, "-f", "tsv").stdout), dialect="excel-tab"))
    assert as_csv == as_tsv and len(as_csv) == len(as_json)
    assert run(*command, "--db", ledger, "-f", "table").exit_code == 0


def test_csv_numbers_are_written_in_full(ledger):
    rows = list(csv.DictReader(io.StringIO(run("deals", "--db", ledger, "-f", "csv").stdout)))
    s400 = next(r for r in rows if "S-400" in r["deal"])
    assert s400["value (USD)"] == "5000000000"
    assert [format_number(x) for x in (5.2e9, 6150210000.0, 0.25, 1e-3)] == ["5200000000", "6150210000", "0.25",
                                                                            "0.001"]


def test_piped_output_is_not_wrapped(ledger):
    """As a shell pipe sees it: a real process, stdout not a terminal."""
    shown = subprocess.run([sys.executable, "-m", "armsledger", "deals", "--db", str(ledger)], capture_output=True,
                           text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "40"}, check=True).stdout
    row = next(line for line in shown.splitlines() if "S-400" in line)
    assert "RUS → IND: S-400" in row and "5.00 bn" in row and len(row) > 80


def test_deal_shows_each_source_title_outlet_date_and_url(ledger):
    deal_id = json.loads(run("deals", "--db", ledger, "--platform", "K2", "-f", "json").stdout)[0]["id"]
    shown = run("deal", deal_id, "--db", ledger).stdout
    assert "Poland's K2" in shown and "Test Wire" in shown and "2023-01-05" in shown
    assert "https://example.com/1" in shown
    assert "1 report," in shown


def test_plurals():
    assert [plural(n, "deal") for n in (0, 1, 2, 1200)] == ["0 deals", "1 deal", "2 deals", "1,200 deals"]


def test_ingest_says_one_deal_not_one_deals(tmp_path):
    report = tmp_path / "k2.txt"
    report.write_text(K2, encoding="utf-8")
    said = run("ingest", report, "--db", tmp_path / "l.db").stderr
    assert ": 1 deal, " in said and "1 deals" not in said


def test_every_option_the_readers_advise_is_on_every_command_that_reads(tmp_path):
    """The options named in the messages of ingest/ and logs.py (raise --max-size, pass --encoding...)."""
    import re
    from pathlib import Path

    import armsledger

    root = Path(armsledger.__file__).parent
    sources = [*root.glob("ingest/*.py"), root / "logs.py"]
    advice = re.compile(r"(?:raise |pass |pass another |\()(--[a-z][a-z-]+)")  # "raise --max-size", "(--debug ..."
    advised = {opt for path in sources for opt in advice.findall(path.read_text(encoding="utf-8"))}
    assert {"--max-size", "--encoding", "--debug"} <= advised
    for command in ("ingest", "extract"):
        shown = run(command, "-h", env={"COLUMNS": "200"}).stdout
        missing = {opt for opt in advised if opt not in shown}
        assert not missing, (command, missing)


def test_the_review_queue_prints_in_every_machine_format(ledger):
    as_json = json.loads(run("review", "--db", ledger, "-f", "json").stdout)
    lines = [json.loads(line) for line in run("review", "--db", ledger, "-f", "jsonl").stdout.splitlines()]
    as_csv = list(csv.DictReader(io.StringIO(run("review", "--db", ledger, "-f", "csv").stdout)))
    assert lines == as_json and [int(r["deal"]) for r in as_csv] == [i["deal_id"] for i in as_json]
