"""Feeding the ledger from the web: feeds, pages, `watch`, and failures kept for `--retry-failed`.

A real HTTP server on 127.0.0.1 (a thread of this test) plays the news site.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.ledger import Ledger

SOURCES = Path(__file__).parent / "data" / "sources"


class Site(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body, kind = self.server.pages.get(self.path, (None, None))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site():
    server = Site(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = (SOURCES / "feed.rss").read_bytes().replace(b"SERVER", base.encode())
    server.pages = {"/feed.rss": (feed, "application/rss+xml"),
                    "/news/mq9b.html": ((SOURCES / "mq9b.html").read_bytes(), "text/html; charset=utf-8"),
                    "/news/rafale.html": ((SOURCES / "rafale.html").read_bytes(), "text/html; charset=utf-8")}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, base
    server.shutdown()
    server.server_close()


def test_a_feed_is_ingested_entry_by_entry_and_a_dead_link_is_kept_for_retry(site, tmp_path, extractor):
    server, base = site
    with Ledger(tmp_path / "ledger.db", extractor=extractor) as ledger:
        report = ledger.ingest([f"{base}/feed.rss", f"{base}/nowhere.html", f"{base}/news/mq9b.html"])
        assert len(report.added) == 2 and len(report.duplicates) == 1  # the page was also a feed entry
        assert sorted(f["source"] for f in ledger.failures()) == [f"{base}/news/withdrawn.html", f"{base}/nowhere.html"]
        assert "404" in ledger.failures()[0]["reason"]
        mq9b = ledger.deals(platform="MQ-9B")
        assert mq9b and mq9b[0]["recipient"] == "IND"

        server.pages["/news/withdrawn.html"] = server.pages["/news/rafale.html"][0].replace(
            b"Rafale", b"Rafale M"), "text/html; charset=utf-8"
        retry = ledger.retry_failed()
        assert len(retry.added) == 1 and len(retry.failed) == 1
        assert [f["source"] for f in ledger.failures()] == [f"{base}/nowhere.html"]


def test_watch_reads_only_new_entries(site, tmp_path):
    _, base = site
    db = str(tmp_path / "ledger.db")
    runner = CliRunner()
    first = runner.invoke(app, ["watch", f"{base}/feed.rss", "--once", "--db", db])
    assert first.exit_code == 0 and "2 added" in first.output
    again = runner.invoke(app, ["watch", f"{base}/feed.rss", "--once", "--db", db])
    assert "0 added" in again.output and "failed" in again.output  # only the dead link is tried again
    with Ledger(db, readonly=True) as ledger:
        assert ledger.stats()["articles"] == 2
        assert [f["source"] for f in ledger.failures()] == [f"{base}/news/withdrawn.html"]  # noted once


def test_a_cut_off_archive_stores_what_it_holds_and_is_kept_for_retry(tmp_path, extractor):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    starts = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name in ("mq9b.html", "rafale.html"):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            starts.append(fh.tell())
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{name}", "response", payload=io.BytesIO((SOURCES / name).read_bytes()),
                http_headers=http))
        end = fh.tell()
    whole = path.read_bytes()
    path.write_bytes(whole[:(starts[1] + end) // 2])
    with Ledger(tmp_path / "ledger.db", extractor=extractor) as ledger:
        report = ledger.ingest([str(path)])
        assert len(report.added) == 1 and len(report.failed) == 1
        assert [f["source"] for f in ledger.failures()] == [f"{path}#{starts[1]}"]  # the record it was cut in
        path.write_bytes(whole)  # the full archive arrives
        retry = ledger.retry_failed()  # reads from that record on, not the records already stored
        assert (len(retry.added), len(retry.duplicates), len(retry.failed)) == (1, 0, 0)
        assert ledger.stats()["articles"] == 2


def test_retry_reads_again_just_the_archive_record_that_failed(tmp_path, extractor):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name in ("rafale.html", "mq9b.html"):  # 735 and 1,139 bytes
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{name}", "response", payload=io.BytesIO((SOURCES / name).read_bytes()),
                http_headers=http))
    with Ledger(tmp_path / "ledger.db", extractor=extractor) as ledger:
        first = ledger.ingest([str(path)], max_bytes=1000)  # the MQ-9B page is over the limit
        assert (len(first.added), len(first.failed)) == (1, 1)
        (failure,) = ledger.failures()
        assert failure["source"].startswith(f"{path}#") and "--max-size" in failure["reason"]
        retry = ledger.retry_failed(max_bytes=2000)
        assert (len(retry.added), len(retry.duplicates), len(retry.failed)) == (1, 0, 0)
        assert retry.added[0].source == failure["source"] and ledger.stats()["articles"] == 2
