"""The register beside the ledger: SIPRI's trade-register CSV (tests/data/register/trade-register.csv,
written in its export layout) or an analyst's own spreadsheet, each row linked to the ledger's deal by
supplier, recipient, designation (catalogue aliases) and order year, and classified."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from handmade import report
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.ledger import Ledger
from armsledger.ledger.register import RegisterError, import_register, parse_mapping, read_register, reconcile_register
from armsledger.serve import create_app

SAMPLE = Path(__file__).parent / "data" / "register" / "trade-register.csv"


@pytest.fixture
def ledger_with_news(ledger_url):
    """Deals as the news gives them, beside the sample register's rows."""
    ids = {}
    with Ledger(ledger_url) as ledger:
        # the register says 4 of 5 delivered; the news 3
        ids["s400"] = report(ledger, "Russia has delivered three of five S-400 squadrons to India.", "2024-03-01",
                             "The Hindu", supplier="RUS", recipient="IND", platform="S-400", status="in_delivery",
                             signed="2018", quantity=5, delivered=3, delivered_text="three").deals[0]
        # 36 Rafale in the news: the register has 24 (2015) and 12 (2017) as two orders
        ids["rafale"] = report(ledger, "Qatar operates 36 Rafale jets bought from France.", "2022-05-01", "Al Sharq",
                               supplier="FRA", recipient="QAT", platform="Rafale", status="completed",
                               quantity=36).deals[0]
        # the same order: "K2" in the news, "K2 Black Panther" in the register; figures agree
        ids["k2"] = report(ledger, "Poland signed for 180 K2 tanks from South Korea.", "2022-08-27", "PAP",
                           supplier="KOR", recipient="POL", platform="K2", status="signed", signed="2022",
                           quantity=180).deals[0]
        # "Gripen E" in the news, "JAS-39E Gripen" in the register (a catalogue alias); 1 against 8 delivered
        ids["gripen"] = report(ledger, "Sweden delivered the first Gripen E to Brazil.", "2020-10-24", "Folha",
                               supplier="SWE", recipient="BRA", platform="Gripen E", status="in_delivery",
                               signed="2014", quantity=36, delivered=1, delivered_text="first").deals[0]
        # an order the register lacks, and talks it would not record
        ids["ak203"] = report(ledger, "India signed for AK-203 rifles from Russia.", "2021-12-06", "ANI",
                              supplier="RUS", recipient="IND", platform="AK-203", status="signed").deals[0]
        ids["su57"] = report(ledger, "India may consider Su-57 jets from Russia.", "2025-12-04", "ThePrint",
                             supplier="RUS", recipient="IND", platform="Su-57", status="considered",
                             hedged=True).deals[0]
        # a 2009 order is not the register's 2018 one
        ids["s400_old"] = report(ledger, "India first ordered S-400 from Russia in 2009, an official claimed.",
                                 "2024-03-02", "Dawn", supplier="RUS", recipient="IND", platform="S-400",
                                 status="signed", signed="2009").deals[0]
        # a country the register does not cover
        ids["egypt"] = report(ledger, "Egypt signed for 30 more Rafale from France.", "2021-05-04", "Ahram",
                              supplier="FRA", recipient="EGY", platform="Rafale", status="signed",
                              signed="2021").deals[0]
    return ledger_url, ids


def classified(url: str) -> dict:
    with Ledger(url, readonly=True) as ledger:
        lines = reconcile_register(ledger)
    out = {}
    for line in lines:
        key = line["deal"]["id"] if line["deal"] else line["row"]["designation"] + f" {line['row']['order_year']}"
        out[key] = (line["class"], [d["field"] for d in line["differences"]])
    return out


def test_the_sample_register_is_read_in_sipri_layout():
    rows, problems = read_register(SAMPLE)
    assert problems == []
    assert len(rows) == 7
    s400 = rows[0]
    assert (s400["recipient"], s400["supplier"], s400["order_year"], s400["ordered"], s400["designation"],
            s400["delivered"], s400["delivery_years"]) == ("IND", "RUS", 2018, 5, "S-400 Triumf", 4,
                                                             "2021; 2022; 2023; 2024")
    assert s400["description"] == "SAM system" and s400["comments"].startswith("Deal worth $5.4 b")
    assert {r["supplier"] for r in rows if r["supplier_name"] == "South Korea"} == {"KOR"}
    atags = next(r for r in rows if r["designation"] == "ATAGS")
    assert atags["delivered"] == 6  # "(6)": an estimate, still a number


def test_each_row_and_deal_is_classified(ledger_with_news):
    url, ids = ledger_with_news
    with Ledger(url) as ledger:
        result = import_register(ledger, SAMPLE)
    assert result["rows"] == 7 and result["problems"] == []
    got = classified(url)
    assert got == {
        ids["s400"]: ("both", ["delivered"]),
        ids["rafale"]: ("both", ["quantity"]),
        ids["k2"]: ("both", []),
        ids["gripen"]: ("both", ["delivered"]),
        ids["ak203"]: ("news_only", []),
        ids["s400_old"]: ("news_only", []),
        "Rafale 2017": ("register_only", []),
        "ATAGS 2022": ("register_only", []),
        "BrahMos 2022": ("register_only", []),
    }  # Su-57 talks are no order; Egypt is not in this register
    assert result["counts"] == {"both": 4, "differs": 3, "news_only": 2, "register_only": 3}


def test_a_deal_whose_deliveries_differ_is_flagged_on_its_page(ledger_with_news):
    url, ids = ledger_with_news
    with Ledger(url) as ledger:
        import_register(ledger, SAMPLE)
    with TestClient(create_app(url)) as client:
        page = client.get(f"/deals/{ids['s400']}").text
        assert 'id="register-differs"' in page and "delivered: 3 in the news, 4 in the register" in page
        assert "agrees with the register" in client.get(f"/deals/{ids['k2']}").text
        assert 'id="register-missing"' in client.get(f"/deals/{ids['ak203']}").text
        assert 'id="register"' not in client.get(f"/deals/{ids['egypt']}").text
        register_page = client.get("/register").text
        assert "In the register only" in register_page and "ATAGS" in register_page
        api = client.get("/api/register").json()
        assert sorted(line["class"] for line in api).count("both") == 4


def test_importing_again_replaces_the_register(ledger_with_news, tmp_path):
    url, ids = ledger_with_news
    smaller = tmp_path / "trade-register.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    smaller.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")  # the header and the S-400 row
    with Ledger(url) as ledger:
        import_register(ledger, SAMPLE)
        import_register(ledger, smaller)
    got = classified(url)
    assert got[ids["s400"]] == ("both", ["delivered"])
    assert ids["rafale"] not in got and "Rafale 2017" not in got  # Qatar is in no register now


OWN = """Buyer;Seller;System;Qty;Delivered so far;Signed
India;Russia;S-400;5;3;2018
Qatar;France;Rafale;36;36;2015
Atlantis;France;Rafale;1;;2020
"""


def test_an_analysts_own_spreadsheet_with_a_column_mapping(ledger_with_news, tmp_path):
    url, ids = ledger_with_news
    own = tmp_path / "ours.csv"
    own.write_text(OWN, encoding="utf-8")
    columns = "recipient=Buyer,supplier=Seller,designation=System,ordered=Qty,delivered=Delivered so far,order_year=Signed"
    result = CliRunner().invoke(app, ["register", "import", str(own), "--db", url, "--columns", columns])
    assert result.exit_code == 0, result.output
    assert "line 4: recipient 'Atlantis' is no country the catalogue knows" in result.output
    assert "imported 2 rows" in result.output
    got = classified(url)
    assert got[ids["s400"]] == ("both", []) and got[ids["rafale"]] == ("both", [])
    listing = CliRunner().invoke(app, ["register", "--db", url, "--format", "json", "--show", "news_only"])
    assert {line["deal"]["id"] for line in json.loads(listing.stdout)} == {ids["ak203"], ids["s400_old"]}


def test_bad_registers_and_mappings_are_clear_errors(tmp_path):
    with pytest.raises(RegisterError, match="unknown field 'buyer'"):
        parse_mapping("buyer=Buyer")
    with pytest.raises(RegisterError, match="must say which column holds supplier, designation"):
        parse_mapping("recipient=Buyer")
    plain = tmp_path / "notes.csv"
    plain.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="notes.csv: no header line naming Recipient, Supplier"):
        read_register(plain)
    with pytest.raises(RegisterError, match="missing.csv"):
        read_register(tmp_path / "missing.csv")


def test_exports_say_where_each_deal_stands_in_the_register(ledger_with_news):
    import csv
    import io

    from armsledger.export import export_deals

    url, ids = ledger_with_news
    with Ledger(url) as ledger:
        import_register(ledger, SAMPLE)
        out = io.BytesIO()
        export_deals(ledger, "csv", out)
        rows = {int(r["armsledger deal"]): r for r in csv.DictReader(io.StringIO(out.getvalue().decode("utf-8")))}
        doc = io.BytesIO()
        export_deals(ledger, "json", doc)
    assert (rows[ids["s400"]]["Register"], rows[ids["s400"]]["Register differences"]) == (
        "both", "delivered: 3 in the news, 4 in the register")
    assert rows[ids["ak203"]]["Register"] == "news_only" and rows[ids["egypt"]]["Register"] == ""
    by_id = {d["id"]: d for d in json.loads(doc.getvalue())["deals"]}
    assert by_id[ids["rafale"]]["register"]["row"]["order_year"] == 2015
    assert by_id[ids["su57"]]["register"] is None
