"""Any exception inside one input is that input's failure: one line naming it, recorded for
--retry-failed, the traceback in the log file (and on screen with --debug); the batch goes on."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import armsledger.ingest.files
import armsledger.ingest.warc
from armsledger.cli import app
from armsledger.extract import Extractor
from armsledger.ledger import Ledger

ARTICLES = Path(__file__).parent / "data" / "articles"
SOURCES = Path(__file__).parent / "data" / "sources"
runner = CliRunner()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Three real reports in a folder; the middle one is the one that will break."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, src in (("a.txt", "01.txt"), ("b-breaks.txt", "03.txt"), ("c.txt", "05.txt")):
        shutil.copy(ARTICLES / src, folder / name)
    return folder


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "armsledger.log"
    monkeypatch.setenv("ARMSLEDGER_LOG", str(path))
    return path


@pytest.fixture
def broken_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor raises, as a bug would, for one input only."""
    real = Extractor.__call__

    def call(self, article, *args, **kw):
        if "breaks" in article.source:
            raise RuntimeError("boom inside extraction")
        return real(self, article, *args, **kw)

    monkeypatch.setattr(Extractor, "__call__", call)


def test_extract_reports_the_failed_input_in_one_line_and_goes_on(batch, log_file, broken_extraction):
    result = runner.invoke(app, ["extract", str(batch), "--format", "json"])
    assert result.exit_code == 1  # some inputs failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["article"]["source"]).name for r in records] == ["a.txt", "c.txt"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "b-breaks.txt" in errors[0] and "RuntimeError: boom inside extraction" in errors[0]
    assert "Traceback" not in result.stderr and str(log_file) in result.stderr.replace("\n", "")
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom inside extraction" in logged and "b-breaks.txt" in logged


def test_debug_prints_the_traceback(batch, log_file, broken_extraction):
    result = runner.invoke(app, ["extract", str(batch / "b-breaks.txt"), str(batch / "a.txt"), "--debug"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "boom inside extraction" in result.stderr


def test_ingest_records_the_failure_for_retry_and_stores_the_rest(batch, tmp_path, log_file, broken_extraction,
                                                                  monkeypatch):
    db = str(tmp_path / "ledger.db")
    result = runner.invoke(app, ["ingest", str(batch), "--db", db, "--quiet"])
    assert result.exit_code == 1, result.output
    assert "2 added" in result.stderr and "1 failed" in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and "b-breaks.txt" in failed[0] and "RuntimeError" in failed[0]
    assert "boom inside extraction" in log_file.read_text(encoding="utf-8")
    with Ledger(db) as ledger:
        assert [Path(f["source"]).name for f in ledger.failures()] == ["b-breaks.txt"]

    monkeypatch.undo()  # the bug is fixed: the retry stores it
    monkeypatch.setenv("ARMSLEDGER_LOG", str(log_file))
    retried = runner.invoke(app, ["ingest", "--retry-failed", "--db", db, "--quiet"])
    assert retried.exit_code == 0 and "1 added" in retried.stderr and "0 failed" in retried.stderr


def test_an_exception_while_reading_one_page_fails_that_page_only(tmp_path, log_file, monkeypatch):
    """As when a dependency is missing (lxml.html.clean) and trafilatura cannot even be imported."""
    shutil.copy(SOURCES / "rafale.html", tmp_path / "rafale.html")
    shutil.copy(SOURCES / "mq9b.html", tmp_path / "mq9b-breaks.html")
    shutil.copy(ARTICLES / "01.txt", tmp_path / "01.txt")
    real = armsledger.ingest.files.from_html

    def from_html(html, source="-", **kw):
        if "breaks" in source:
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real(html, source, **kw)

    monkeypatch.setattr(armsledger.ingest.files, "from_html", from_html)
    monkeypatch.setattr(armsledger.ingest.warc, "from_html", from_html)
    result = runner.invoke(app, ["extract", str(tmp_path / "mq9b-breaks.html"), str(tmp_path / "rafale.html"),
                                 str(tmp_path / "01.txt"), "--format", "json"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "mq9b-breaks.html" in errors[0] and "ImportError" in errors[0]
    assert "lxml_html_clean" in log_file.read_text(encoding="utf-8")


def test_an_exception_inside_one_archive_record_fails_that_record_only(tmp_path, log_file, monkeypatch):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name in ("rafale.html", "mq9b.html"):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{name}", "response",
                                                          payload=(SOURCES / name).open("rb"), http_headers=headers))
    real = armsledger.ingest.warc.from_html

    def from_html(html, source="-", **kw):
        if "Rafale" in html:
            raise KeyError("a bug")
        return real(html, source, **kw)

    monkeypatch.setattr(armsledger.ingest.warc, "from_html", from_html)
    items = list(armsledger.ingest.iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["IngestError", "Article"]
    assert "reading the record failed (KeyError" in str(items[0]) and "#" in items[0].source
