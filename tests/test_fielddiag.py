"""The deal-fields diagnostic (`learn/fielddiag.py`): each field of a matched deal gets its cause."""
from __future__ import annotations

from armsledger.learn.fielddiag import cause, table, tally


def test_causes_of_each_kind_of_field():
    assert cause("status", "signed", "signed") == "ok"
    assert cause("status", "signed", "completed") == "wrong:completed>signed"
    assert cause("value", None, {"amount": 1e9, "currency": "USD"}) == "missing"
    assert cause("value", {"amount": 1e9, "currency": "USD"}, None) == "extra"
    assert cause("value", {"amount": 1e6, "currency": "USD"}, {"amount": 1e9, "currency": "USD"}) == "wrong:scale"
    assert cause("value", {"amount": 2e9, "currency": "USD"}, {"amount": 1e9, "currency": "USD"}) == "wrong:amount"
    assert cause("value", {"amount": 1e9, "currency": None}, {"amount": 1e9, "currency": "USD"}) == "wrong:currency"
    assert cause("signed", {"value": "2021"}, {"value": "2021-05"}) == "wrong:coarse"
    assert cause("signed", {"value": "2020-05"}, {"value": "2021-05"}) == "wrong:year"
    assert cause("signed", {"value": "2021-04"}, {"value": "2021-05"}) == "wrong:month"
    assert cause("quantity", {"min": 12, "max": 12, "unit": "tank"}, {"min": 12, "max": 12, "unit": "aircraft"}) == "wrong:unit"
    assert cause("quantity", {"min": 10, "max": 10, "unit": "tank"}, {"min": 12, "max": 12, "unit": "tank"}) == "wrong:number"
    assert cause("local_partners", [], []) == "none"


def test_tally_reads_only_the_matched_deals():
    gold = {"deals": [{"supplier": "FRA", "recipient": "IND", "platform": "Rafale", "status": "signed",
                       "quantity": {"min": 26, "max": 26, "unit": "aircraft"}},
                      {"supplier": "USA", "recipient": "IND", "platform": "MQ-9B", "status": "considered"}]}
    pred = {"deals": [{"supplier": "FRA", "recipient": "IND", "platform": "Rafale", "status": "in_delivery",
                       "quantity": None, "value": {"amount": 7e9, "currency": "EUR"}, "local_partners": [],
                       "why": {"opened_by": "rules"}}]}
    counts, lines, deals = tally([("dev/x", gold, pred)])
    assert deals == {"matched": 1, "missed": 1, "extra": 0}
    assert counts["status"] == {"wrong:signed>in_delivery": 1}
    assert counts["status by rules"] == {"wrong:signed>in_delivery": 1}
    assert counts["quantity"] == {"missing": 1} and counts["value"] == {"extra": 1}
    assert "| status | 0 | 0 | 0 | signed>in_delivery 1 | 0.000 |" in table(counts, deals)
