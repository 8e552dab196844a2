"""The events diagnostic (`learn/eventdiag.py`): each event error of an article gets its cause."""
from __future__ import annotations

from armsledger.learn.eventdiag import classify, table, tally


def ev(type_, date=None, countries=(), participants=()):
    return {"type": type_, "date": {"value": date, "precision": "day"} if date else None,
            "countries": list(countries), "participants": list(participants)}


def gold(type_, date=None, countries=(), participants=()):
    return {"type": type_, "date": date, "countries": list(countries), "participants": list(participants)}


def causes(golds, preds, candidates=None):
    return sorted(c for c, _, _ in classify({"events": golds}, {"events": preds, "entities": []}, candidates))


def test_a_near_miss_is_one_error_of_what_differs():
    assert causes([gold("DELIVERY", "2024-05", ["FRA", "IND"])], [ev("DELIVERY", "2023-05-02", ["IND"])]) == ["date"]
    assert causes([gold("DELIVERY", "2024-05", ["FRA", "IND"])], [ev("DELIVERY", "2024-05-02", ["USA"])]) == ["who"]
    assert causes([gold("AGREEMENT", "2024-05", ["FRA", "IND"])], [ev("DEAL_SIGNED", "2024-05-02", ["IND"])]) == ["type"]
    assert causes([gold("MEETING", "2024-05-02", ["FRA", "IND"])], [ev("MEETING", "2024-05-02", ["FRA"])]) == ["ok"]


def test_left_over_predictions_are_duplicates_or_spurious():
    g = [gold("MEETING", "2024-05-02", ["FRA", "IND"])]
    p = [ev("MEETING", "2024-05-02", ["FRA"]), ev("MEETING", "2024-05-02", ["IND"]), ev("MEETING", "2024-06-01", ["IND"]),
         ev("OFFER", None, ["RUS"])]
    assert causes(g, p) == ["duplicate", "duplicate:date", "ok", "spurious"]


def test_a_missed_event_tells_whether_a_candidate_held_it():
    g = [gold("OFFER", "2024", ["USA", "TWN"]), gold("REQUEST", None, ["TWN"])]
    candidates = {"events": [ev("OFFER", "2024-03-01", ["USA"])], "entities": []}
    assert causes(g, [], candidates) == ["missed:candidate", "missed:none"]


def test_tally_and_table_count_each_error_once():
    g = {"events": [gold("DELIVERY", "2024-05", ["FRA", "IND"]), gold("OFFER", None, ["USA"])]}
    p = {"events": [ev("DELIVERY", "2024-05-01", ["IND"]), ev("DELIVERY", "2023-01-01", ["IND"])], "entities": []}
    counts, lines = tally([("dev/x", g, p)], {"dev/x": {"events": []}})
    assert counts == {"ok": 1, "duplicate:date": 1, "missed:none": 1}
    assert len(lines["duplicate:date"]) == 1 and lines["duplicate:date"][0].startswith("dev/x:")
    assert table(counts).startswith("matched 1, false positives 1, false negatives 1, F1 0.500")
