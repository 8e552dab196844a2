"""Every record keeps the contract: it validates against the schema, and every
span indexes the body it was read from."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import armsledger
from armsledger import Article

SCHEMA = json.loads((Path(armsledger.__file__).parent / "contract" / "extract.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def spans(record: dict):
    for e in record["entities"]:
        yield from e["mentions"]
    for ev in record["events"]:
        yield ev["evidence"]
    for d in record["deals"]:
        yield from d["evidence"]
        for key in ("value", "quantity", "delivered", "tech_transfer_pct"):
            if d[key] and "start" in d[key]:
                yield d[key]


def assert_contract(record: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(record), key=str)
    assert not errors, errors[0].message
    body = record["article"]["text"]
    for s in spans(record):
        assert body[s["start"]:s["end"]] == s["text"], s
    ids = {e["id"] for e in record["entities"]}
    for ev in record["events"]:
        assert set(ev["participants"]) <= ids and set(ev["platforms"]) <= ids
        assert ev["location"] is None or ev["location"] in ids


def test_every_test_article_keeps_the_contract(records):
    for stem, record in records.items():
        assert_contract(record)


# fragments of real reporting, recombined at random with noise between them
FRAGMENTS = [
    "India signed a deal for 26 Rafale M jets worth Rs 64,000 crore on Monday.",
    "Russia may offer two to three more regiments of S-400 with up to 50 per cent technology transfer.",
    "Poland agreed to purchase 48 FA-50 fighter jets, 180 K2 tanks and K9 howitzers for $5.76 billion.",
    "Defence Minister Rajnath Singh and his Russian counterpart Andrey Belousov met in Moscow on Dec 10, 2024.",
    "The remaining two squadrons are expected by mid-2026, officials told PTI.",
    "New Delhi has signalled it intends to buy two more S-400 systems by 2026-27.",
    "Switzerland bought 36 F-35A jets for a little over six billion Swiss francs ($7.5 billion).",
    "BDL will assemble the missiles locally; deliveries start in 2028 and finish by 2030.",
    "(Reporting by Reuters; Production: Jane Doe)", "Read- Something Else Entirely", "€8bn", "60-70%", "₹21,700 crore",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40),
                          st.sampled_from(["\n", "\n\n", " ", "\x00", "\ufeff", "\u200b", "(", ")", "$", "-", "9" * 30])),
                min_size=1, max_size=12))
def test_any_text_gives_a_valid_record_with_exact_spans(extractor, parts):
    text = " ".join(parts)
    record = extractor(Article(text=text, source="generated"), with_text=True)
    assert_contract(record)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "S-400", "$" * 1000, "1" * 100_000, "(" * 5000 + ")" * 5000])
def test_degenerate_bodies_do_not_break_extraction(extractor, text):
    record = extractor(Article(text=text, source="degenerate"), with_text=True)
    assert_contract(record)
