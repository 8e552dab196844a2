"""The JSON API and the dashboard's server side: routes, spans, exports, headers, and writes
refused unless the server allows them and the token is right."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from armsledger.serve import create_app
from armsledger.serve.background import serving

TOKEN = "correct-horse-battery-staple"
S400_SENTENCE = "the deal has delivered three squadrons"


@pytest.fixture(scope="module")
def client(seeded_ledger_path):
    with TestClient(create_app(seeded_ledger_path)) as c:
        yield c


@pytest.fixture(scope="module")
def s400(client) -> int:
    """The id of India's first S-400 order (2018)."""
    items = client.get("/api/deals", params={"recipient": "IND", "platform": "S-400"}).json()["items"]
    return next(d["id"] for d in items if not d["follow_on"])


def _copy(path: str, dest: Path) -> str:
    for suffix in ("", "-wal"):
        if Path(path + suffix).exists():
            shutil.copy(path + suffix, str(dest) + suffix)
    return str(dest)


@pytest.fixture
def writable(seeded_ledger_path, tmp_path):
    """A client of a server with writes on, over a copy of the seeded ledger."""
    with TestClient(create_app(_copy(seeded_ledger_path, tmp_path / "ledger.db"), allow_writes=True,
                               token=TOKEN), base_url="http://testserver") as c:
        yield c


# -- reading ------------------------------------------------------------------------------

def test_deal_list_filters_and_pages(client):
    body = client.get("/api/deals", params={"recipient": "IND", "limit": 3}).json()
    assert body["total"] >= 5 and len(body["items"]) == 3
    assert all(d["recipient"] == "IND" for d in body["items"])
    rest = client.get("/api/deals", params={"recipient": "IND", "limit": 3, "offset": 3}).json()["items"]
    assert not {d["id"] for d in body["items"]} & {d["id"] for d in rest}
    everything = client.get("/api/deals", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) == client.get("/api/stats").json()["deals"]


def test_the_s400_deal_has_its_status_deliveries_sources_and_evidence(client, s400):
    d = client.get(f"/api/deals/{s400}").json()
    assert (d["status"], d["delivered_max"], d["quantity_max"], d["quantity_unit"]) == \
        ("in_delivery", 3, 5, "squadron")
    assert d["sources"] == 2 and len(d["sources_list"]) == 2
    assert all(s["reported"] for s in d["sources_list"])
    assert [s["value"]["value"] for s in d["slippage"]] == ["2023-12", "2027", "2026-06"]
    sentences = [s["text"] for src in d["evidence"] for s in src["sentences"]]
    assert any(S400_SENTENCE in s for s in sentences)
    for src in d["evidence"]:
        for s in src["sentences"]:
            for mark in s["marks"]:
                assert s["start"] <= mark["start"] < mark["end"] <= s["end"]


def test_article_spans_slice_back_to_their_words(client):
    seed = next(a for a in client.get("/api/articles", params={"limit": 100}).json()
                if a["source"].endswith("seed.txt"))
    a = client.get(f"/api/articles/{seed['id']}").json()
    text = a["text"]
    assert a["mentions"] and all(text[m["start"]:m["end"]] == m["text"] for m in a["mentions"])
    spanned = [c for c in a["claims"] if c["start"] is not None]
    assert spanned and all(text[c["start"]:c["end"]] == c["text"] for c in spanned)
    assert all(text[e["start"]:e["end"]] == e["text"] for e in a["events"])
    assert a["deals"] and all(set(d) >= {"id", "title", "status"} for d in a["deals"])


def test_the_article_page_says_why_each_deal_is_there(client):
    seed = next(a for a in client.get("/api/articles", params={"limit": 100}).json()
                if a["source"].endswith("seed.txt"))
    html = client.get(f"/articles/{seed['id']}").text
    why = html.split('id="why"', 1)[1].split("</table>", 1)[0]
    assert "RUS → IND S-400" in why and "rule:deal" in why
    assert re.search(r"0\.\d\d \(0\.\d\d\)", why), "the model's probability beside its threshold"


@pytest.mark.parametrize("path", [
    "/api/stats", "/api/events?type=DELIVERY&country=IND", "/api/conflicts", "/api/entities?kind=country",
    "/api/entities?kind=person", "/api/entities?kind=organization", "/api/entities?kind=platform",
    "/api/countries", "/api/countries/IND", "/api/countries/RUS/IND", "/api/platforms", "/api/platforms/S-400",
    "/api/platforms/F/A-18", "/api/network", "/api/search?q=S-400",
])
def test_every_read_route_answers_json(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.json() is not None


def test_country_pair_gives_the_suppliers_share(client):
    p = client.get("/api/countries/RUS/IND").json()
    assert p["deal_count"] >= 2 and all(d["supplier"] == "RUS" for d in p["deals"])
    shares = {s["supplier"]: s["share"] for s in p["suppliers"]}
    assert p["share"]["deals"] == shares["RUS"] and abs(sum(shares.values()) - 1) < 1e-9
    assert all({"IND", "RUS"} <= set(e["countries"]) for e in p["events"])


def test_search_finds_the_s400_reports(client):
    hits = client.get("/api/search", params={"q": "S-400 squadrons"}).json()
    assert len(hits) >= 2 and all("[" in h["snippet"] for h in hits)


@pytest.mark.parametrize("path, status", [
    ("/api/deals/999999", 404), ("/api/articles/0000000000000000", 404), ("/api/events/999999", 404),
    ("/api/countries/XXX", 404), ("/api/platforms/no-such-thing", 404), ("/api/deals/abc", 422),
    ("/api/deals?limit=0", 422), ("/api/deals?offset=99999999999999999999", 422), ("/api/deals?supplier=RUSSIA", 422),
    ("/api/deals/99999999999999999999", 422), ("/api/search?q=%00", 422), ("/api/nothing-here", 404),
])
def test_errors_are_json_with_a_message(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.json()["status"] == status and r.json()["error"]


@pytest.mark.parametrize("path", ["/deals/999999", "/articles/nope", "/countries/XXX"])
def test_pages_show_the_error_page(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text


def test_exports_download_each_format(client):
    r = client.get("/api/export/deals.csv", params={"recipient": "IND"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["Recipient"] for row in rows} == {"India"}
    assert json.loads(client.get("/api/export/deals.json").content)["deals"]
    assert client.get("/api/export/deals.parquet").content[:4] == b"PAR1"
    assert client.get("/api/export/events.csv").text.startswith("id,type")
    assert client.get("/api/export/deals.xlsx").status_code == 422


# -- what every response carries -------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/deals", "/api/deals", "/static/style.css", "/nothing"])
def test_every_response_has_a_strict_content_security_policy(client, path):
    csp = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client, s400):
    for path in ["/", f"/deals/{s400}", "/network", "/articles"]:
        html = client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "an inline event handler"


def test_the_api_reference_and_spec_list_every_route(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/deals", "/api/deals/{deal_id}", "/api/events", "/api/entities", "/api/articles/{article_id}",
            "/api/search", "/api/conflicts", "/api/export/deals.{fmt}"} <= set(spec["paths"])
    assert not any(p == "/" or p.startswith("/deals") for p in spec["paths"])  # pages stay out of the spec
    assert "/api/deals/{deal_id}/corrections" in client.get("/api").text


# -- writes ------------------------------------------------------------------------------------

def _correction(**kw) -> dict:
    return {"field": "delivered", "value": {"min": 4, "max": 4, "unit": "squadron"}, "who": "ana",
            "why": "MoD statement", **kw}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_read_only_server_refuses_every_write(client, s400, method):
    r = client.request(method.upper(), f"/api/deals/{s400}/corrections", json=_correction(),
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (403, 405)
    assert client.get(f"/api/deals/{s400}").json()["corrections"] == []
    assert client.post("/login", data={"token": TOKEN}).status_code == 403


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_writes_need_the_token(writable, s400, headers):
    r = writable.post(f"/api/deals/{s400}/corrections", json=_correction(), headers=headers)
    assert r.status_code == 401
    assert writable.get(f"/api/deals/{s400}").json()["corrections"] == []


def test_a_correction_with_the_token_wins_over_the_reports(writable, s400):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post(f"/api/deals/{s400}/corrections", json=_correction(), headers=auth)
    assert r.status_code == 201, r.text
    d = writable.get(f"/api/deals/{s400}").json()
    assert d["delivered_max"] == 4 and d["corrections"][0]["who"] == "ana"
    r = writable.post(f"/api/deals/{s400}/corrections", json=_correction(field="status", value="completed"),
                      headers=auth)
    assert r.status_code == 201 and writable.get(f"/api/deals/{s400}").json()["status"] == "completed"


@pytest.mark.parametrize("body", [
    _correction(field="status", value="sold"), _correction(field="status", value={}),
    _correction(value={"min": 5, "max": 3}), _correction(value="many"), _correction(field="value", value="lots"),
    _correction(field="signed", value="2018-13"), _correction(field="*"), _correction(who=""),
    _correction(field="owner"), _correction(why="\x00"), _correction(who="\ud800"),
    _correction(field="delivered", value=float("inf")),
])
def test_bad_corrections_are_refused_with_a_reason(writable, s400, body):
    r = writable.post(f"/api/deals/{s400}/corrections", content=json.dumps(body),
                      headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
    assert r.status_code in (400, 422) and r.json()["error"]
    assert writable.get(f"/api/deals/{s400}").json()["corrections"] == []


def test_dashboard_writes_need_login_and_the_forms_csrf_field(writable, s400):
    form = {"action": "set", "field": "delivered", "value": "4 squadrons", "who": "ana", "why": "MoD"}
    assert writable.post(f"/deals/{s400}/correct", data=form).status_code == 401
    assert writable.post("/login", data={"token": "wrong", "next": "/"}).status_code == 401
    r = writable.post("/login", data={"token": TOKEN, "next": f"/deals/{s400}"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/deals/{s400}"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = writable.get(f"/deals/{s400}").text
    csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    assert writable.post(f"/deals/{s400}/correct", data=form).status_code == 403  # no CSRF field
    assert writable.post(f"/deals/{s400}/correct", data={**form, "csrf": "forged"}).status_code == 403
    cross = writable.post(f"/deals/{s400}/correct", data={**form, "csrf": csrf},
                          headers={"origin": "https://evil.example"})
    assert cross.status_code == 403
    assert writable.get(f"/api/deals/{s400}").json()["corrections"] == []
    ok = writable.post(f"/deals/{s400}/correct", data={**form, "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    assert writable.get(f"/api/deals/{s400}").json()["delivered_max"] == 4


def test_login_redirects_only_within_the_site(writable):
    r = writable.post("/login", data={"token": TOKEN, "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_a_real_server_refuses_writes_without_the_token(seeded_ledger_path, tmp_path, s400):
    path = _copy(seeded_ledger_path, tmp_path / "ledger.db")
    with serving(create_app(path, allow_writes=True, token=TOKEN)) as url:
        denied = httpx.post(f"{url}/api/deals/{s400}/corrections", json=_correction())
        assert denied.status_code == 401
        done = httpx.post(f"{url}/api/deals/{s400}/corrections", json=_correction(),
                          headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 201
    with serving(create_app(path)) as url:
        refused = httpx.post(f"{url}/api/deals/{s400}/corrections", json=_correction(),
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 403
        assert httpx.get(f"{url}/api/deals/{s400}").json()["delivered_max"] == 4


def test_writes_on_without_a_token_generate_one(seeded_ledger_path, tmp_path):
    app = create_app(_copy(seeded_ledger_path, tmp_path / "ledger.db"), allow_writes=True)
    assert len(app.state.token) >= 24


# -- the command ---------------------------------------------------------------------------------

def test_serve_command_binds_loopback_and_prints_a_generated_token(seeded_ledger_path, tmp_path, monkeypatch):
    import typer
    import uvicorn
    from typer.testing import CliRunner

    from armsledger.serve.cli import register

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("ARMSLEDGER_TOKEN", raising=False)
    cli = typer.Typer()
    register(cli)
    cli.command("noop")(lambda: None)  # a group of two, as in armsledger's CLI
    path = _copy(seeded_ledger_path, tmp_path / "ledger.db")
    result = CliRunner().invoke(cli, ["serve", "--db", path])
    assert result.exit_code == 0, result.output
    assert calls[0][1]["host"] == "127.0.0.1" and calls[0][1]["port"] == 8000 and "read-only" in result.output
    result = CliRunner().invoke(cli, ["serve", "--db", path, "--allow-writes", "--port", "8123"])
    token = calls[1][0].state.token
    assert result.exit_code == 0 and token in result.output and calls[1][1]["port"] == 8123
    result = CliRunner().invoke(cli, ["serve", "--db", path, "--allow-writes"], env={"ARMSLEDGER_TOKEN": TOKEN})
    assert calls[2][0].state.token == TOKEN and TOKEN not in result.output
    assert "Example" in CliRunner().invoke(cli, ["serve", "--help"]).output


# -- PostgreSQL ------------------------------------------------------------------------------------

def test_the_api_and_pages_work_on_postgresql(pg_url, extractor):
    from armsledger.ledger import Ledger
    from conftest import ARTICLES

    with Ledger(pg_url, extractor=extractor) as ledger:
        ledger.ingest([str(ARTICLES / "seed.txt"), str(ARTICLES / "22.txt")])
    with TestClient(create_app(pg_url)) as c:
        items = c.get("/api/deals", params={"recipient": "IND", "platform": "S-400"}).json()["items"]
        deal_id = next(d["id"] for d in items if not d["follow_on"])
        d = c.get(f"/api/deals/{deal_id}").json()
        assert d["status"] == "in_delivery" and d["delivered_max"] == 3
        assert any(S400_SENTENCE in s["text"] for src in d["evidence"] for s in src["sentences"])
        for path in ["/", f"/deals/{deal_id}", "/countries/RUS/IND", "/platforms/S-400", "/network", "/search?q=S-400",
                     f"/articles/{d['sources_list'][0]['article_id']}?deal={deal_id}", "/api/search?q=squadrons"]:
            assert c.get(path).status_code == 200, path
        assert c.get("/api/search?q=%00").status_code == 422


# -- conflicts ----------------------------------------------------------------------------------------

def _disagreeing_report() -> tuple:
    """A report six days after the seed's that gives the S-400 order another value and delivery count."""
    from armsledger.model import Article

    text = ("Russia has now delivered four squadrons of the S-400 to India under the USD 6 billion deal "
            "signed in October 2018, officials said.")
    span = lambda s: {"text": s, "start": text.index(s), "end": text.index(s) + len(s)}  # noqa: E731
    deal = {"id": "d1", "supplier": "RUS", "recipient": "IND", "platform": "S-400",
            "category": "air defence system", "status": "in_delivery", "hedged": False, "follow_on": False,
            "signed": {"value": "2018-10", "precision": "month", **span("October 2018")},
            "value": {"amount": 6e9, "currency": "USD", "usd": 6e9, **span("USD 6 billion")},
            "quantity": None, "delivered": {"min": 4, "max": 4, "unit": "squadron", **span("four squadrons")},
            "expected_completion": None, "tech_transfer_pct": None, "local_partners": [],
            "evidence": [{"start": 0, "end": len(text), "text": text}]}
    record = {"article": {"published": "2025-12-10"}, "entities": [], "deals": [deal], "events": []}
    return Article(text=text, source="wire.txt", title="S-400: fourth squadron delivered", published="2025-12-10",
                   publisher="Wire <b>Service</b>"), record


def test_conflicting_reports_show_side_by_side(seeded_ledger_path, tmp_path, s400):
    from armsledger.ledger import Ledger

    path = _copy(seeded_ledger_path, tmp_path / "ledger.db")
    with Ledger(path) as ledger:
        article, record = _disagreeing_report()
        assert ledger.add(article, record).deals == [s400]
    with TestClient(create_app(path)) as c:
        d = c.get(f"/api/deals/{s400}").json()
        assert {k["field"] for k in d["conflicts_list"]} == {"value", "delivered"}
        html = c.get(f"/deals/{s400}").text
        conflicts = html.split('id="conflicts"', 1)[1].split("</section>", 1)[0]
        assert conflicts.count('class="side"') == 4  # two fields, two sides each
        assert "USD 6 billion" in conflicts and "4 squadrons" in conflicts and "3 squadrons" in conflicts
        assert "Wire &lt;b&gt;Service&lt;/b&gt;" in conflicts
        assert "RUS → IND: S-400 (2018)" in c.get("/conflicts").text
        assert "delivered:" in c.get("/").text.split("Open conflicts", 1)[1]
