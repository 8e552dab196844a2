"""Exports an analyst opens in a spreadsheet or a notebook: SIPRI register CSV, JSON, Parquet."""
from __future__ import annotations

import csv
import io
import json

import pytest

from armsledger.export import SIPRI_COLUMNS, export_deals, export_events
from armsledger.ledger import DealFilter, Ledger


@pytest.fixture(scope="module")
def ledger(seeded_ledger_path):
    with Ledger(seeded_ledger_path, readonly=True) as ledger:
        yield ledger


def test_csv_follows_the_sipri_trade_register_layout(ledger):
    buf = io.BytesIO()
    n = export_deals(ledger, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert len(rows) == n == ledger.deal_count()
    assert list(rows[0])[:len(SIPRI_COLUMNS)] == SIPRI_COLUMNS
    s400 = next(r for r in rows if r["Weapon designation"] == "S-400" and "follow-on" not in r["Comments"])
    assert (s400["Recipient"], s400["Supplier"], s400["Year of order"]) == ("India", "Russia", "2018")
    assert (s400["Number ordered"], s400["Number delivered"]) == ("5", "3")
    assert s400["Year(s) of delivery"].endswith("2023")  # the reports date a delivery in December 2023
    follow_on = next(r for r in rows if r["Weapon designation"] == "S-400" and "follow-on" in r["Comments"])
    assert follow_on["Year(s) of delivery"] == ""
    assert s400["Weapon description"] == "air defence system"
    assert float(s400["Value (USD)"]) == pytest.approx(5.43e9)
    assert s400["Independent sources"] == "2" and float(s400["Confidence"]) > 0.5


def test_csv_can_be_filtered_like_the_deal_list(ledger):
    buf = io.BytesIO()
    n = export_deals(ledger, "csv", buf, DealFilter(recipient="IND", supplier="RUS"))
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert n == len(rows) > 0
    assert {(r["Recipient"], r["Supplier"]) for r in rows} == {("India", "Russia")}


def test_parquet_reads_back_with_confidence_beside_each_value(ledger, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "deals.parquet"
    with open(path, "wb") as out:
        export_deals(ledger, "parquet", out)
    table = pq.read_table(path).to_pylist()
    assert len(table) == ledger.deal_count()
    s400 = next(r for r in table if r["platform"] == "S-400" and not r["follow_on"])
    assert s400["delivered_max"] == 3 and 0 < s400["value_confidence"] <= 1
    assert json.loads(s400["detail"])["fields"]["value"]["sources"]


def test_events_carry_plover_and_cameo_codes(ledger):
    buf = io.BytesIO()
    export_events(ledger, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    signed = next(r for r in rows if r["type"] == "DEAL_SIGNED")
    assert (signed["plover_type"], signed["plover_mode"], signed["cameo"]) == ("COOPERATE", "military", "057")
    assert all(r["plover_type"] and r["cameo"] for r in rows)


def test_an_unknown_format_is_refused(ledger):
    with pytest.raises(ValueError, match="csv, json, parquet"):
        export_deals(ledger, "xlsx", io.BytesIO())
