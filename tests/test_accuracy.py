"""Extraction accuracy against the hand-made gold files, with the project's scorer.

The floors are the ones the extraction issue sets; a change that drops below
them fails here before it reaches users.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armsledger import read
from armsledger.evaluate import Tally, score_one


def _score(pairs: list[tuple[dict, dict]]) -> dict[str, float]:
    tallies = {k: Tally() for k in ("deals", "deal fields", "events", "entities")}
    notes: list[str] = []
    for gold, pred in pairs:
        score_one(gold, pred, tallies, notes)
    return {k: v.prf()[2] for k, v in tallies.items()}


@pytest.mark.parametrize("figure, floor", [("deals", 0.95), ("deal fields", 0.90), ("events", 0.85), ("entities", 0.90)])
def test_seed_article_scores_above_floor(records, golds, figure, floor):
    f1 = _score([(golds["seed"], records["seed"])])
    assert f1[figure] >= floor, f"seed {figure} F1 {f1[figure]:.3f} < {floor}"


@pytest.mark.parametrize("figure, floor", [("deals", 0.80), ("deal fields", 0.75), ("events", 0.70), ("entities", 0.85)])
def test_dev_set_scores_above_floor(records, golds, figure, floor):
    pairs = [(golds[k], records[k]) for k in golds if k != "seed"]
    f1 = _score(pairs)
    assert f1[figure] >= floor, f"dev set {figure} F1 {f1[figure]:.3f} < {floor}"


HOLDOUT = Path(__file__).parent / "data" / "holdout"


@pytest.fixture(scope="module")
def holdout(extractor):
    pairs = []
    for gold_path in sorted((HOLDOUT / "gold").glob("*.json")):
        article = next(read(str(HOLDOUT / "articles" / (gold_path.stem + ".txt"))))
        pairs.append((json.loads(gold_path.read_text(encoding="utf-8")), extractor(article)))
    return pairs


# The holdout set was written apart from the rules, as unseen reports from other outlets; these
# floors only guard against regressions (the figures reached are in the README).
@pytest.mark.parametrize("figure, floor", [("deals", 0.89), ("deal fields", 0.72), ("events", 0.63), ("entities", 0.91)])
def test_holdout_set_scores_above_floor(holdout, figure, floor):
    f1 = _score(holdout)
    assert f1[figure] >= floor, f"holdout {figure} F1 {f1[figure]:.3f} < {floor}"


HOLDOUT2 = Path(__file__).parent / "data" / "holdout2"


# A second holdout, written later and apart from the rules (tests/data/holdout2/README.md); its low deal
# figures are real: second-hand sellers, consortium platforms, selections and letters of intent.
@pytest.mark.parametrize("figure, floor", [("deals", 0.61), ("deal fields", 0.39), ("events", 0.56), ("entities", 0.85)])
def test_second_holdout_set_scores_above_floor(extractor, figure, floor):
    pairs = []
    for gold_path in sorted((HOLDOUT2 / "gold").glob("*.json")):
        article = next(read(str(HOLDOUT2 / "articles" / (gold_path.stem + ".txt"))))
        pairs.append((json.loads(gold_path.read_text(encoding="utf-8")), extractor(article)))
    f1 = _score(pairs)
    assert f1[figure] >= floor, f"second holdout {figure} F1 {f1[figure]:.3f} < {floor}"


def test_seed_s400_deal_reads_as_an_analyst_would(records):
    deals = [d for d in records["seed"]["deals"] if d["platform"] == "S-400"]
    first = next(d for d in deals if not d["follow_on"])
    follow = next(d for d in deals if d["follow_on"])
    assert (first["supplier"], first["recipient"], first["status"]) == ("RUS", "IND", "in_delivery")
    assert first["signed"]["value"] == "2018-10"
    assert (first["value"]["amount"], first["value"]["currency"]) == (5e9, "USD")
    assert (first["delivered"]["min"], first["quantity"]["min"], first["quantity"]["unit"]) == (3, 5, "squadron")
    assert first["expected_completion"] == {"value": "2026-06", "precision": "half", "text": "mid-2026"}
    assert follow["status"] == "offered" and follow["hedged"] is True
    assert (follow["quantity"]["min"], follow["quantity"]["max"], follow["quantity"]["unit"]) == (2, 3, "regiment")
    assert follow["tech_transfer_pct"]["max"] == 50 and follow["tech_transfer_pct"]["min"] is None
    assert follow["local_partners"] == ["Bharat Dynamics Limited"]
