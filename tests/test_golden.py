"""Golden files: the deals and events of each test article, as the extractor gives them today.

A change in extraction shows as a diff of tests/golden/*.json; run
`pytest tests/test_golden.py --update-golden` to accept it, and review the diff.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ARTICLES

GOLDEN = Path(__file__).parent / "golden"


def _summary(record: dict) -> dict:
    names = {e["id"]: e["name"] for e in record["entities"]}
    return {
        "deals": [{k: d[k] for k in ("supplier", "recipient", "platform", "status", "hedged", "signed", "value",
                                     "quantity", "delivered", "expected_completion", "tech_transfer_pct",
                                     "local_partners", "follow_on")} for d in record["deals"]],
        "events": [[e["type"], e["status"], (e["date"] or {}).get("value"), sorted(e["countries"]),
                    sorted(names[p] for p in e["platforms"])] for e in record["events"]],
        "entities": sorted([e["kind"], e["name"]] for e in record["entities"]),
    }


@pytest.mark.parametrize("stem", sorted(p.stem for p in ARTICLES.glob("*.txt")))
def test_extraction_matches_golden_file(records, stem, request):
    got = _summary(records[stem])
    path = GOLDEN / f"{stem}.json"
    if request.config.getoption("--update-golden") or not path.exists():
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        if not request.config.getoption("--update-golden"):
            pytest.skip(f"wrote new golden file {path.name}")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want
