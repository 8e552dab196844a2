"""The deal diagnostics (`learn/dealdiag.py`, `learn/falsediag.py`): every gold deal gets one cause, scored against
the threshold it names, and neither tool reads the test split."""
from __future__ import annotations

import pytest

from armsledger import Article
from armsledger.learn import dealdiag, falsediag, goldsets

SETS = ["dev", "holdout"]


@pytest.fixture(scope="module")
def records():
    return dealdiag.records(SETS, k=3)


def test_every_gold_deal_is_accounted_for_once(records):
    golds = sum(len(e.gold.get("deals", [])) for s in SETS for e in goldsets.load(s))
    assert len(records) == golds
    assert {r["cause"] for r in records} <= {"kept", "low", "none:pair", "none:platform"}
    assert {r["set"] for r in records} == set(SETS)
    assert all(1 <= r["rank"] <= r["of"] for r in records if "rank" in r)


@pytest.mark.parametrize("text, key, expected", [
    ("Hanwha of South Korea makes the K9 Thunder howitzer. The howitzer is already in service in India and Finland.",
     ("KOR", "FIN", "K9"), "anaphor"),
    ("The Rafale, already ordered by India, Egypt, Qatar and Greece, is made by Dassault in France.",
     ("FRA", "QAT", "Rafale"), "list"),
    ("Nigeria bought helicopters from Russia last year, officials said.", ("RUS", "NGA", "helicopters"), "generic"),
    ("France makes the Rafale fighter jet. Egypt announced on Monday that it will buy 30 more of them.",
     ("FRA", "EGY", "Rafale"), "adjacent"),
])
def test_a_candidate_gets_the_shape_of_its_sentences(extractor, text, key, expected):
    cands, clauses, body = dealdiag.candidates_of(extractor, Article(text=text, published="2025-01-15"))
    shapes = {(c.supplier, c.recipient, c.platform.name): dealdiag.shape(c, clauses, body, f) for c, f, _ in cands}
    assert shapes[key] == expected, shapes


def test_the_test_split_is_refused(capsys):
    with pytest.raises(SystemExit):
        dealdiag.main(["--set", "corpus-test"])
    assert falsediag.main(["--set", "corpus-test"]) == 2
    assert "test split" in capsys.readouterr().err
