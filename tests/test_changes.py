"""The change feed: what changed between two ingests, as `armsledger changes`, the API, an Atom feed
any reader takes, and webhook posts from `watch`."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone

import feedparser
import pytest
from fastapi.testclient import TestClient
from handmade import report
from test_ledger_sources import Handler, Site
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.ledger import Ledger, LedgerError
from armsledger.ledger.changes import parse_since
from armsledger.ledger.store import now
from armsledger.serve import create_app

NASAMS = dict(supplier="NOR", recipient="QAT", platform="NASAMS")
PULS = dict(supplier="ISR", recipient="GRC", platform="PULS")


def first_ingest(ledger) -> dict:
    return {
        "nasams": report(ledger, "Qatar signed for 6 NASAMS batteries from Norway.", "2024-02-01", "Al Jazeera",
                         status="signed", **NASAMS).deals[0],
        "puls": report(ledger, "Israel will deliver PULS launchers to Greece by 2026.", "2024-01-10", "Kathimerini",
                       status="signed", expected="2026", expected_text="2026", **PULS).deals[0],
    }


def second_ingest(ledger) -> int:
    """Deliveries start on NASAMS, PULS slips and reports disagree on it, and a new deal appears."""
    report(ledger, "Norway has delivered 2 NASAMS batteries to Qatar.", "2024-07-01", "NRK", status="in_delivery",
           delivered=2, delivered_text="2", **NASAMS)
    report(ledger, "Greece now expects the PULS launchers from Israel in 2028.", "2024-07-02", "Ekathimerini",
           status="signed", expected="2028", expected_text="2028", **PULS)
    report(ledger, "Greece signed for PULS launchers from Israel worth USD 700 million.", "2024-07-03", "Haaretz",
           status="signed", value_usd=7e8, value_text="USD 700 million", **PULS)
    report(ledger, "The PULS deal with Israel is worth USD 1.2 billion, Greek officials said.", "2024-07-04",
           "To Vima", status="signed", value_usd=1.2e9, value_text="USD 1.2 billion", **PULS)
    return report(ledger, "Kenya ordered 3 C-27J aircraft from Italy.", "2024-07-05", "Nation", supplier="ITA",
                  recipient="KEN", platform="C-27J", status="signed").deals[0]


EXPECTED = {  # the changes of the second ingest and one correction, by what a reader sees
    ("status", "NOR → QAT: NASAMS: signed → in delivery"),
    ("delivery", "NOR → QAT: NASAMS: delivered 0 → 2"),
    ("schedule", "ISR → GRC: PULS: completion slipped from 2026 to 2028"),
    ("conflict", "ISR → GRC: PULS: reports disagree on value: USD 1,200,000,000 vs USD 700,000,000"),
    ("new_deal", "new deal: ITA → KEN: C-27J, signed"),
    ("correction", "ISR → GRC: PULS: ana set value to USD 1,200,000,000 (Greek MoD budget line)"),
}


@pytest.fixture
def two_ingests(ledger_url):
    with Ledger(ledger_url) as ledger:
        ids = first_ingest(ledger)
        between = now()
        ids["kenya"] = second_ingest(ledger)
        ledger.correct(ids["puls"], "value", "1.2 billion USD", who="ana", why="Greek MoD budget line")
        after = now()
    return ledger_url, ids, between, after


def test_changes_between_two_ingests_are_exactly_what_changed(two_ingests):
    url, ids, between, after = two_ingests
    with Ledger(url, readonly=True) as ledger, ledger.engine.connect() as conn:
        from armsledger.ledger.changes import ChangeFilter, since
        rows = since(conn, ChangeFilter(since=between))
        assert {(r["kind"], r["summary"]) for r in rows} == EXPECTED
        assert [r["at"] for r in rows] == sorted((r["at"] for r in rows), reverse=True)
        assert since(conn, ChangeFilter(since=after)) == []
        everything = since(conn, ChangeFilter())
        assert {r["summary"] for r in everything} - {r["summary"] for r in rows} == {
            "new deal: NOR → QAT: NASAMS, signed", "new deal: ISR → GRC: PULS, signed"}
        greece = since(conn, ChangeFilter(since=between, country="GRC"))
        assert {r["deal_id"] for r in greece} == {ids["puls"]}


def test_the_atom_feed_lists_the_changes_between_two_ingests(two_ingests):
    url, ids, between, _ = two_ingests
    with TestClient(create_app(url)) as client:
        response = client.get("/feeds/changes.atom", params={"since": between})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.title == "armsledger changes"
        assert {(e.tags[0].term, e.title) for e in feed.entries} == EXPECTED
        for e in feed.entries:
            assert e.title and e.link and e.updated_parsed
            deal_id = int(e.link.rsplit("/", 1)[1])
            assert e.link == f"http://testserver/deals/{deal_id}"
            assert client.get(e.link).status_code == 200  # the entry opens the deal's page
        pair = feedparser.parse(client.get("/feeds/changes.atom", params={"supplier": "ISR", "recipient": "GRC"}).content)
        assert pair.feed.title == "armsledger changes: ISR → GRC"
        assert {e.link for e in pair.entries} == {f"http://testserver/deals/{ids['puls']}"}
        assert len(pair.entries) == 4  # new deal, slip, conflict, correction
        platform = feedparser.parse(client.get("/feeds/changes.atom", params={"platform": "c-27j"}).content)
        assert [e.title for e in platform.entries] == ["new deal: ITA → KEN: C-27J, signed"]


def test_the_api_and_the_cli_give_the_same_changes(two_ingests):
    url, ids, between, _ = two_ingests
    with TestClient(create_app(url)) as client:
        api = client.get("/api/changes", params={"since": between, "kind": "status"}).json()
        assert [(c["summary"], c["deal_url"]) for c in api] == [
            ("NOR → QAT: NASAMS: signed → in delivery", f"http://testserver/deals/{ids['nasams']}")]
        bad = client.get("/api/changes", params={"since": "last tuesday"})
        assert bad.status_code == 422 and "7d" in bad.json()["error"]
        page = client.get("/changes", params={"since": "1d"})
        assert page.status_code == 200 and "completion slipped from 2026 to 2028" in page.text
    result = CliRunner().invoke(app, ["changes", "--since", between, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {(c["kind"], c["summary"]) for c in json.loads(result.stdout)} == EXPECTED
    table = CliRunner().invoke(app, ["changes", "--since", "7d", "--db", url, "--kind", "schedule"])
    assert "PULS" in table.output and "2028" in table.output and "NASAMS" not in table.output
    wrong = CliRunner().invoke(app, ["changes", "--since", "yesterday", "--db", url])
    assert wrong.exit_code == 2 and "give a span such as 7d" in wrong.output


def test_since_reads_spans_and_dates():
    at = datetime(2026, 2, 10, 12, 0, tzinfo=timezone.utc)
    assert parse_since("7d", at).startswith("2026-02-03T12:00:00")
    assert parse_since("12h", at).startswith("2026-02-10T00:00:00")
    assert parse_since("30min", at).startswith("2026-02-10T11:30:00")
    assert parse_since("2w", at).startswith("2026-01-27T12:00:00")
    assert parse_since("2026-01-31", at).startswith("2026-01-31T00:00:00")
    assert parse_since("2026-01-31T08:00:00+01:00", at).startswith("2026-01-31T07:00:00")
    assert parse_since("2026-01-31T08:00:00 01:00", at).startswith("2026-01-31T07:00:00")  # '+' unescaped in a URL
    with pytest.raises(LedgerError, match="give a span"):
        parse_since("a week ago", at)


class Hooks(Handler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/broken":
            self.send_error(500)
            return
        self.server.posts.append(json.loads(body))
        self.send_response(204)
        self.end_headers()


def test_watch_posts_each_change_to_a_webhook(tmp_path):
    from test_ledger_sources import SOURCES

    server = Site(("127.0.0.1", 0), Hooks)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    server.posts = []
    server.pages = {"/feed.rss": ((SOURCES / "feed.rss").read_bytes().replace(b"SERVER", base.encode()),
                                  "application/rss+xml"),
                    "/news/mq9b.html": ((SOURCES / "mq9b.html").read_bytes(), "text/html; charset=utf-8"),
                    "/news/rafale.html": ((SOURCES / "rafale.html").read_bytes(), "text/html; charset=utf-8")}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        db = str(tmp_path / "ledger.db")
        result = CliRunner().invoke(app, ["watch", f"{base}/feed.rss", "--once", "--db", db, "--webhook",
                                          f"{base}/hook", "--site", "https://dash.example"])
        assert result.exit_code == 0, result.output
        with Ledger(db, readonly=True) as ledger, ledger.engine.connect() as conn:
            from armsledger.ledger.changes import ChangeFilter, since
            stored = since(conn, ChangeFilter())
        assert stored and sorted(p["id"] for p in server.posts) == sorted(c["id"] for c in stored)
        assert {p["kind"] for p in server.posts} == {"new_deal"}
        assert all(p["deal_url"] == f"https://dash.example/deals/{p['deal_id']}" for p in server.posts)
        assert any("MQ-9B" in p["summary"] for p in server.posts)
        assert f"posted {len(stored)} of {len(stored)} changes" in result.output
        again = CliRunner().invoke(app, ["watch", f"{base}/feed.rss", "--once", "--db", db, "--webhook",
                                         f"{base}/broken"])
        assert "posted 0 of 0 changes" in again.output  # nothing new, nothing posted
    finally:
        server.shutdown()
        server.server_close()
