"""Every link on the dashboard resolves, and every page shows the library's figures, on SQLite and PostgreSQL."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from armsledger.ledger import DealFilter, EventFilter, Ledger
from armsledger.ledger.query import supplier_shares, trade_links
from armsledger.serve import create_app

HREF = re.compile(r"""\b(?:href|src)="([^"]*)\"""")
MAX_PAGES = 3000  # the sample ledger has a few hundred; a runaway loop of links fails instead of hanging


@pytest.fixture
def site(seeded_ledger_url):
    with TestClient(create_app(seeded_ledger_url)) as client, Ledger(seeded_ledger_url, readonly=True) as ledger:
        yield client, ledger


def _links(base: str, html: str) -> set[str]:
    out = set()
    for raw in HREF.findall(html):
        url = urldefrag(urljoin(base, unescape(raw)))[0]
        parts = urlsplit(url)
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            out.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def test_every_page_of_the_dashboard_answers_200(site):
    client, _ = site
    seen, todo, broken = set(), [("/", "")], []
    while todo:
        path, linked_from = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        assert len(seen) < MAX_PAGES, "the crawl does not end"
        got = client.get(path)
        if got.status_code != 200:
            broken.append(f"{path}: {got.status_code} (linked from {linked_from})")
            continue
        if got.headers.get("content-type", "").startswith("text/html"):
            todo += [(link, path) for link in sorted(_links(path, got.text) - seen)]
    assert not broken, "\n".join(broken)
    kinds = {p.split("?")[0].split("/")[1] for p in seen if p != "/"}
    assert {"deals", "events", "articles", "countries", "platforms", "entities", "network", "conflicts"} <= kinds


def _api(client, path: str, **params):
    got = client.get(path, params=params)
    assert got.status_code == 200, path
    return got.json()


def test_the_dashboard_shows_the_library_figures_on_every_page_type(site):
    client, ledger = site
    with ledger.engine.connect() as conn:
        links = trade_links(conn)
        shares_ind = supplier_shares(conn, "IND")
    totals = _api(client, "/api/stats")
    assert totals.pop("counted_at") and totals == ledger.stats()  # kept totals say when they were counted

    listed = _api(client, "/api/deals", limit=200)
    assert [d["id"] for d in listed["items"]] == [d["id"] for d in ledger.deals(limit=200)]
    assert listed["total"] == ledger.deal_count()
    for item in listed["items"]:
        mine = ledger.deal(item["id"])
        page = _api(client, f"/api/deals/{item['id']}")
        for key in ("status", "value_usd", "quantity_max", "delivered_max", "confidence", "sources", "conflicts"):
            assert page[key] == mine[key], (item["id"], key)
        html = client.get(f"/deals/{item['id']}").text
        assert unescape(mine["title"]) in unescape(html)

    events = _api(client, "/api/events", limit=200)
    assert [e["id"] for e in events] == [e["id"] for e in ledger.events(EventFilter(), limit=200)]
    for e in events[:20]:
        assert _api(client, f"/api/events/{e['id']}")["sources"] == ledger.event(e["id"])["sources"]

    assert [a["id"] for a in _api(client, "/api/articles", limit=100)] == [a["id"] for a in ledger.articles(limit=100)]
    for a in ledger.articles(limit=50):
        assert _api(client, f"/api/articles/{a['id']}")["deal_ids"] == ledger.article(a["id"])["deal_ids"]

    network = _api(client, "/api/network")
    got = {(link["supplier"], link["recipient"]): (link["deals"], link["value_usd"]) for link in network["links"]}
    assert got == {(link["supplier"], link["recipient"]): (link["deals"], link["value_usd"]) for link in links}

    pair = _api(client, "/api/countries/RUS/IND")
    assert pair["suppliers"] == shares_ind
    assert {d["id"] for d in pair["deals"]} == {d["id"] for d in ledger.deals(DealFilter("RUS", "IND"), limit=500)}
    country = _api(client, "/api/countries/IND")
    assert {d["id"] for d in country["as_recipient"]} == {d["id"] for d in ledger.deals(recipient="IND", limit=500)}

    platform = _api(client, "/api/platforms/S-400")
    assert {d["id"] for d in platform["deals"]} == {d["id"] for d in ledger.deals(platform="S-400", limit=500)}

    conflicts = _api(client, "/api/conflicts")
    assert [(c["deal_id"], c["field"]) for c in conflicts] == [(c["deal_id"], c["field"]) for c in ledger.conflicts()]

    entities = _api(client, "/api/entities", limit=100)
    assert [e["id"] for e in entities] == [e["id"] for e in ledger.entities(limit=100)]
