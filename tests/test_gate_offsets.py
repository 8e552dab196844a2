"""The relevance gate looks for designations around its nouns in text beyond ASCII as in ASCII text: the nouns'
byte offsets read as character offsets (`gate._in_chars`), with the same verdicts as a search of the whole text.
(No gold set is read here: `test_gate.py` measures the gate's recall on them.)"""
from __future__ import annotations

import pytest

from armsledger.catalogue import load
from armsledger.extract import gate as gate_mod

# sentences written for this test; each holds a noun after an unknown name, with typographic characters before it
PASSING = [
    "Officials said — after a long délai — that the buyer took “several” ZK-417 launchers last spring.",
    "The café owner’s cousin said the Korvak-class vessels would arrive in Ålesund next year.",
    "Ministers in São Tomé were told that the Hornbeam patrol boats had sailed on Tuesday.",
    "A spokesman … confirmed the order for Trident Sentinel Systems (TSS) kit on Friday.",
]
FAILING = [
    "The café’s new menu — crêpes, soups and teas — won praise at the fair, its owner said.",
    "Résumé workshops at the library drew 40 people; the booking system — new in 2024 — ran on the café’s engine.",
    "The ferry’s engine failed near Ålesund; 12 boats and a Coastal Rescue vessel towed it to the dock at 9 pm.",
]


@pytest.fixture(scope="module")
def gate():
    return gate_mod.Gate(load())


@pytest.mark.parametrize("text", PASSING + FAILING)
def test_a_text_beyond_ascii_gets_the_verdict_a_search_of_the_whole_text_gives(gate, text, monkeypatch):
    windowed = gate(text)
    monkeypatch.setattr(gate_mod, "_in_chars", lambda nouns, raw, n: None)  # the whole text, as before
    assert bool(windowed) == bool(gate(text)) == (text in PASSING)


def test_nouns_are_read_at_their_characters():
    text = "“Café” — the XK-12 ship."
    raw = gate_mod._utf8(text)
    at = raw.index(b"ship")
    assert gate_mod._in_chars([(at, "ship")], raw, len(raw) + 2) == [(text.index("ship"), "ship")]
    # where lower case changed the bytes' length the offsets are not known: the text is searched whole
    assert gate_mod._in_chars([(at, "ship")], raw, len(raw) + 3) is None
