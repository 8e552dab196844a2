"""Extraction accuracy against the hand-made gold files, with the project's scorer.

Each set has its role (corpus/README.md, src/armsledger/learn/goldsets.py). The seed, the dev set, both
holdouts and corpus/train are training data: their floors guard against regressions and are not
generalisation figures. corpus/test is read only to report figures: its floors sit at the figures the
shipped model reached, so that a change that loses ground on unseen real news fails here.
"""
from __future__ import annotations

import pytest

from armsledger.evaluate import Tally, score_one
from armsledger.learn import goldsets


def _score(pairs: list[tuple[dict, dict]]) -> dict[str, tuple[float, float, float]]:
    tallies = {k: Tally() for k in ("deals", "deal fields", "events", "entities")}
    notes: list[str] = []
    for gold, pred in pairs:
        score_one(gold, pred, tallies, notes)
    return {k: v.prf() for k, v in tallies.items()}


@pytest.fixture(scope="module")
def scored(extractor):
    cache: dict[str, dict] = {}

    def get(name: str) -> dict[str, tuple[float, float, float]]:
        if name not in cache:
            cache[name] = _score([(e.gold, extractor(e.article)) for e in goldsets.load(name)])
        return cache[name]
    return get


@pytest.mark.parametrize("figure", ["deals", "deal fields", "events", "entities"])
def test_the_seed_article_is_read_in_full(scored, figure):
    assert scored("seed")[figure][2] == 1.0


@pytest.mark.parametrize("figure, floor", [("deals", 0.95), ("deal fields", 0.95), ("events", 0.88), ("entities", 0.97)])
def test_dev_set_scores_above_floor(scored, figure, floor):
    assert scored("dev")[figure][2] >= floor


# training data written for the project (holdout: used to find rules; holdout2: tuned on since) and the
# corpus's train split: regression guards only
@pytest.mark.parametrize("name, figure, floor", [
    # holdout 0.946 / 0.807 / 0.777 and holdout2 0.800 / 0.599 / 0.699 since session 32's refit (session 31's 0.946 /
    # 0.810 / 0.782 and 0.800 / 0.595 / 0.707; session 30's 0.957 /
    # 0.824 / 0.766 and 0.783 / 0.601 / 0.723; session 29's 0.957 /
    # 0.822 / 0.766 and 0.783 / 0.598 / 0.713; session 28's:
    # 0.957 / 0.821 / 0.766 and 0.800 / 0.605 / 0.713; session 27's 0.968 / 0.826 / 0.767 and 0.789 / 0.599 / 0.689)
    ("holdout", "deals", 0.94), ("holdout", "deal fields", 0.80), ("holdout", "events", 0.76),
    # 0.966 since session 25: its gold names "Associated Press" and "Foreign Military Sales" where the corpus's
    # gold names a report's bare "AP" as written and the sales programme as no body
    ("holdout", "entities", 0.96),
    ("holdout2", "deals", 0.78), ("holdout2", "deal fields", 0.59), ("holdout2", "events", 0.69),
    ("holdout2", "entities", 0.96),
    # corpus-train 0.725 / 0.518 / 0.610 / 0.913 at session 32's refit (session 31's 0.733 / 0.518 / 0.607 / 0.913;
    # session 30's 0.716 / 0.514 / 0.609 / 0.913;
    # session 29's 0.715 / 0.513 / 0.603 / 0.913;
    # session 28's 0.722 / 0.508 / 0.604 / 0.910;
    # session 27's 0.721 / 0.510 / 0.590 / 0.909)
    ("corpus-train", "deals", 0.71), ("corpus-train", "deal fields", 0.50), ("corpus-train", "events", 0.60),
    ("corpus-train", "entities", 0.90),
])
def test_training_sets_score_above_floor(scored, name, figure, floor):
    assert scored(name)[figure][2] >= floor, f"{name} {figure} F1 {scored(name)[figure][2]:.3f} < {floor}"


# the test split of the real-news corpus, never tuned on: the honest figure, floors at what was reached (416 reports
# since session 26 added 32 to the 384 before; this build (session 32): deals 0.605, fields 0.383, events 0.550,
# entities 0.893; session 31's: 0.606, 0.381, 0.551, 0.893; session 30's: 0.598, 0.378, 0.555, 0.893; session 29's: 0.599, 0.377, 0.549, 0.893; session 28's: 0.605, 0.379, 0.538, 0.890; session 27's: 0.605, 0.378, 0.539, 0.890; session 26's build after its review: 0.608, 0.384, 0.531, 0.889; before it: 0.608, 0.385, 0.531,
# 0.889; on the 384 of sessions 22-25 0.617, 0.393, 0.531, 0.889; on the 32 new ones 0.491, 0.246, 0.525,
# 0.889; session 25's build on the 384: deals 0.605, fields 0.381, events 0.523,
# entities 0.888; session 24's build there: deals 0.600, fields 0.371, events 0.524, entities 0.887; session 23's build there: deals 0.592, fields 0.371, events 0.532, entities 0.885; session 22's build there: deals 0.586, fields 0.364, events 0.522, entities 0.884; on
# the 317 of session 21 0.610, 0.387, 0.527, 0.883 (session 21's build there: 0.616, 0.398, 0.538, 0.882); on the 67
# new ones 0.486, 0.268, 0.495, 0.891; session 21's build on the 247 of session 20 0.612, 0.402, 0.533, 0.877 (session 20's build there: 0.581, 0.382, 0.503, 0.876); on
# the 198 of session 19 session 20's build reached 0.580, 0.394, 0.515, 0.876 (session 19's build there: 0.582,
# 0.386, 0.532, 0.874); on
# the 132 of session 18 session 19's build reached 0.547, 0.354, 0.508, 0.876 (session 18's build there: 0.577,
# 0.366, 0.482, 0.872); the last builds on the first 98: 0.554, 0.350, 0.487, 0.871; 0.537, 0.341, 0.497, 0.871;
# 0.539, 0.343, 0.477, 0.870; 0.526, 0.346, 0.494, 0.871; 0.533, 0.346, 0.488, 0.871; 0.522, 0.330, 0.477, 0.871;
# 0.531, 0.335, 0.486, 0.869 and 0.513, 0.318, 0.480, 0.870:
# a build's changes swing these by about 0.02)
@pytest.mark.parametrize("figure, floor", [("deals", 0.60), ("deal fields", 0.38), ("events", 0.54), ("entities", 0.89)])
def test_unseen_real_news_scores_above_floor(scored, figure, floor):
    assert scored("corpus-test")[figure][2] >= floor, f"corpus-test {figure} F1 {scored('corpus-test')[figure][2]:.3f}"


def test_deals_found_in_unseen_real_news_are_mostly_right(scored):
    """Precision is not bought with recall: most deals the extractor reports on unseen reports are real. (The
    thresholds keep cross-validated precision >= 0.85, the issue's target, or the most precise they can; on the test
    split of 416 this build (session 32) reaches 0.819, recall 0.480 (session 31's 0.815, recall 0.482; session 30's 0.819, recall 0.471; session 29's 0.821, recall 0.471; session 28's 0.829, recall 0.476; session 27's 0.822, recall 0.478; session 26's 0.823, recall 0.482; 0.822, 0.493 on the 384 of the builds before;
    session 25's build 0.822, recall 0.478; session 24's build 0.818, recall 0.474;
    session 23's build 0.817, recall 0.464;
    session 22's build 0.830, recall 0.453: the
    thresholds chosen out of fold, where precision rose 0.820 -> 0.823, kept more deals than on unseen reports;
    session 22's build 0.831 on session 21's 317, where that build reached 0.835; 0.824 on the 67
    new ones; session 21's build 0.815 on session 20's 247, where that build reached 0.799; that build 0.788
    on session 19's 198, where that build reached 0.812; session 19's
    build 0.80 on session 18's 132, where that build reached 0.786; 0.77 on the first 98), the last ten on those 98
    0.710, 0.729, 0.765, 0.762, 0.781, 0.756, 0.759, 0.756, 0.774 and 0.80, the three before, whose thresholds kept
    0.80 out of fold, 0.71, 0.767 and 0.80: the floor is what was reached.)"""
    assert scored("corpus-test")["deals"][0] >= 0.81


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
