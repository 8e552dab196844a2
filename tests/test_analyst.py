"""What an analyst quotes must add up: packages counted once, figures on the right deal, honest statuses,
exact exports. Each example is a short report written for the test (tests/data/analyst/)."""
from __future__ import annotations

import io

import pytest

from armsledger import read
from armsledger.export import export_deals
from armsledger.ledger import Ledger
from armsledger.ledger.query import trade_links, value_totals
from conftest import DATA

REPORTS = DATA / "analyst"
EUR_2015, EUR_2021 = 0.9013, 0.8455  # EUR per USD in the shipped table (catalogues/rates.csv)


def record(extractor, name: str) -> dict:
    return extractor(next(read(str(REPORTS / f"{name}.txt"))))


def deal(rec: dict, platform: str, follow_on: bool = False) -> dict:
    return next(d for d in rec["deals"] if d["platform"] == platform and d["follow_on"] == follow_on)


def test_a_value_stated_once_for_two_deals_is_one_package(extractor):
    rec = record(extractor, "egypt-package")
    rafale, fremm = deal(rec, "Rafale"), deal(rec, "FREMM")
    assert rafale["value"]["package"] == fremm["value"]["package"]
    assert rafale["value"]["package"]["members"] == ["FRA → EGY: Rafale", "FRA → EGY: FREMM"]


def test_a_currency_is_converted_at_the_signing_year_not_the_report_year(extractor):
    value = deal(record(extractor, "egypt-package"), "Rafale")["value"]  # signed 2015, reported 2021
    assert value["usd_rate_year"] == 2015
    assert value["usd"] == pytest.approx(5.2e9 / EUR_2015, rel=1e-6)
    assert value["usd"] != pytest.approx(5.2e9 / EUR_2021, rel=1e-3)


def test_each_of_two_priced_items_keeps_its_own_value_and_dates(extractor):
    rec = record(extractor, "poland-k2-k9")
    k2, k9 = deal(rec, "K2"), deal(rec, "K9")
    assert (k2["value"]["amount"], k9["value"]["amount"]) == (3.37e9, 2.4e9)
    assert "package" not in k2["value"]
    assert k2["expected_completion"]["value"] == "2025" and k9["expected_completion"] is None
    assert (k2["quantity"]["max"], k9["quantity"]["max"]) == (180, 212)


def test_the_first_ten_that_arrived_are_deliveries_not_the_order(extractor):
    k2 = deal(record(extractor, "k2-first-arrived"), "K2")
    assert k2["delivered"]["max"] == 10 and k2["quantity"] is None
    assert k2["status"] == "in_delivery"


def test_all_delivered_is_completed(extractor):
    rafale = deal(record(extractor, "qatar-all-delivered"), "Rafale")
    assert rafale["status"] == "completed"
    assert rafale["delivered"]["max"] == rafale["quantity"]["max"] == 24


def test_wanting_more_with_no_new_contract_opens_no_follow_on(extractor):
    rec = record(extractor, "wants-more")
    assert [(d["platform"], d["follow_on"], d["status"]) for d in rec["deals"]] == [("Rafale", False, "signed")]


@pytest.fixture(scope="module")
def analyst_ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("analyst") / "ledger.db"
    with Ledger(db) as ledger:
        report = ledger.ingest([str(REPORTS)])
        assert not report.failed
    with Ledger(db, readonly=True) as ledger:
        yield ledger


def _pair(ledger, supplier: str, recipient: str) -> dict:
    with ledger.engine.connect() as conn:
        return next(link for link in trade_links(conn) if (link["supplier"], link["recipient"]) == (supplier, recipient))


def test_the_network_counts_a_package_once(analyst_ledger):
    egypt = _pair(analyst_ledger, "FRA", "EGY")
    assert egypt["deals"] == 2
    assert egypt["value_usd"] == pytest.approx(5.2e9 / EUR_2015, rel=1e-6)


def test_a_considered_deal_is_totalled_apart(analyst_ledger):
    idea = _pair(analyst_ledger, "USA", "IDN")
    assert idea["value_usd"] == 0 and idea["proposed_usd"] == pytest.approx(13.9e9)
    with analyst_ledger.engine.connect() as conn:
        by_status = {r["status"]: r for r in value_totals(conn, ("status",))}
    assert by_status["considered"]["value_usd"] is None and by_status["considered"]["proposed_deals"] == 1


def test_delivered_ten_with_one_eighty_ordered_is_no_conflict(analyst_ledger):
    k2 = next(d for d in analyst_ledger.deals(platform="K2"))
    assert (k2["quantity_max"], k2["delivered_max"], k2["status"]) == (180, 10, "in_delivery")
    assert k2["conflicts"] == 0
    assert k2["value_usd"] == pytest.approx(3.37e9)


def test_the_deal_page_says_part_of_a_package(analyst_ledger):
    from armsledger.serve.display import value_text
    rafale = next(d for d in analyst_ledger.deals(platform="Rafale", recipient="EGY"))
    value = analyst_ledger.deal(rafale["id"])["fields"]["value"]["value"]
    assert value_text("value", value).startswith("part of a EUR 5.2")


def test_csv_export_round_trips_through_pandas(analyst_ledger):
    pd = pytest.importorskip("pandas")
    buf = io.BytesIO()
    n = export_deals(analyst_ledger, "csv", buf)
    raw = buf.getvalue().decode("utf-8")
    assert "e+" not in raw and "E+" not in raw  # numbers in full
    table = pd.read_csv(io.StringIO(raw), dtype={"Value": "float64", "Value (USD)": "float64"})
    assert len(table) == n == analyst_ledger.deal_count()  # one row per deal
    assert table["armsledger deal"].is_unique
    for d in analyst_ledger.deals(limit=1000):
        row = table[table["armsledger deal"] == d["id"]].iloc[0]
        assert (None if pd.isna(row["Value"]) else row["Value"]) == d["value_amount"]
        assert (None if pd.isna(row["Value (USD)"]) else row["Value (USD)"]) == pytest.approx(d["value_usd"])
    egypt = table[table["Recipient"] == "Egypt"]
    assert set(egypt["Package"].dropna()) == {"EUR 5200000000 for FRA → EGY: Rafale; FRA → EGY: FREMM"}
    assert set(egypt["USD rate year"]) == {2015}
