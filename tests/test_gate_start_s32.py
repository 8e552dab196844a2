"""The gate an ingest's parent process builds: from the start-up cache without loading the catalogue or importing the
entity finder and the relevance module, and the same gate as the one built from a loaded catalogue."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from armsledger.catalogue import CatalogueError, identity, load
from armsledger.extract import entities, gate as gate_module, shapes
from armsledger.extract.gate import Gate, gate_for, gate_of

# sentences written for these tests: passed by a defence term, by a name with a digit, by a shape the extractor
# would take for an unknown platform's name (what `_designation_in` runs the shape expressions for), and passed over
SENTENCES = [
    ("The ministry of defence said the order would be signed next week.", True),
    ("Officials confirmed that the F-35 purchase was still under review.", True),
    ("The yard will build four Zubrovka-class patrol boats for the coast service.", True),
    ("The firm will show three ZQ-417 launchers at the fair next spring.", True),
    ("Operators said the QRX-88 engines had been stored at the depot since May.", True),
    ("The council approved a new bus timetable for the northern suburbs.", False),
    ("A storm closed the harbour and delayed two ferries on Tuesday morning.", False),
    ("The bakery's new sourdough line sold out within an hour of opening.", False),
    ("The choir will sing twice at the town hall in December, its director said.", False),
]

PARENT = """
import json, sys
from armsledger.extract.gate import gate_of
from armsledger.catalogue import _load_cached
g = gate_of()
verdicts = [g(t).passed for t in json.loads(sys.argv[1])]
loaded = sorted(m for m in sys.modules if m.startswith("armsledger.extract."))
print(json.dumps({"verdicts": verdicts, "modules": loaded, "catalogues_loaded": _load_cached.cache_info().currsize}))
"""


def _parent(cache_dir) -> dict:
    env = dict(os.environ, ARMSLEDGER_CACHE=str(cache_dir))
    env.pop("ARMSLEDGER_CATALOGUES", None)
    out = subprocess.run([sys.executable, "-c", PARENT, json.dumps([t for t, _ in SENTENCES])], env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_a_cached_gate_is_read_without_the_catalogue_the_entity_finder_or_relevance(tmp_path):
    first = _parent(tmp_path)  # builds the cache: loads the catalogue, reads relevance's words
    assert first["catalogues_loaded"] == 1 and "armsledger.extract.relevance" in first["modules"]
    again = _parent(tmp_path)
    assert again["verdicts"] == first["verdicts"] == [want for _, want in SENTENCES]
    assert again["catalogues_loaded"] == 0
    assert not set(again["modules"]) & {"armsledger.extract.entities", "armsledger.extract.relevance",
                                        "armsledger.extract.gazetteer", "armsledger.extract.pipeline"}
    assert "armsledger.extract.shapes" in again["modules"]


def test_shapes_pass_what_they_passed():
    g = gate_of()
    assert [g(t).why for t, _ in SENTENCES[2:5]] == ["'Zubrovka-class'", "'ZQ-417'", "'QRX-88'"]


@pytest.fixture(scope="module")
def loaded_gate():
    return gate_for(load())


@pytest.mark.parametrize("text,want", SENTENCES)
def test_the_gate_of_the_catalogue_files_is_the_gate_of_the_loaded_catalogue(loaded_gate, text, want):
    of_files = gate_of()
    assert of_files.words == loaded_gate.words and of_files._names == loaded_gate._names
    assert of_files(text).passed is loaded_gate(text).passed is want
    assert of_files(text).why == loaded_gate(text).why


def test_the_gate_without_a_cache_is_the_same_gate(loaded_gate, monkeypatch):
    monkeypatch.setenv("ARMSLEDGER_CACHE", "off")
    fresh = Gate.of_catalogues(None)
    assert fresh.words == loaded_gate.words and fresh._table == loaded_gate._table and fresh._of == loaded_gate._of
    assert [fresh(t).why for t, _ in SENTENCES] == [loaded_gate(t).why for t, _ in SENTENCES]


def test_identity_is_the_loaded_catalogues_slot_and_stamp(tmp_path):
    cat = load()
    assert identity() == (cat.slot, cat.stamp)
    mine = tmp_path / "catalogues"
    (mine / "platforms").mkdir(parents=True)
    (mine / "platforms" / "mine.yaml").write_text(
        "zq-417:\n  name: ZQ-417\n  aliases: [Quillfeather]\n  category: surface-to-air missile\n  country: NOR\n",
        encoding="utf-8")
    theirs = load(mine)
    assert identity(mine) == (theirs.slot, theirs.stamp) != identity()
    assert gate_of(str(mine))("Norway bought Quillfeather for its navy.").passed
    (mine / "platforms" / "mine.yaml").write_text(
        "zq-417:\n  name: ZQ-417\n  aliases: [Quillfeather, Greywing]\n  category: surface-to-air missile\n"
        "  country: NOR\n", encoding="utf-8")
    assert identity(mine)[1] != theirs.stamp  # an edited file: another stamp, so another gate
    with pytest.raises(CatalogueError, match="not found"):
        identity(tmp_path / "no-such-directory")


def test_the_shape_expressions_are_the_entity_finders_own():
    for name in ("DESIGNATION", "WEAPON_NOUN_AFTER", "SHIP_CLASS", "NAMED_TYPE", "ACRONYM_PLATFORM",
                 "_NAMED_HEAD_CATEGORY"):
        assert getattr(entities, name) is getattr(shapes, name), name
    assert shapes.DESIGNATION.search("three ZQ-417 interceptors")["d"] == "ZQ-417"
    assert shapes.SHIP_CLASS.search("four Zubrovka-class patrol boats")["d"] == "Zubrovka"


def test_the_trade_verbs_are_still_the_gates_and_other_names_are_not():
    from armsledger.extract.relevance import TRADE_WORDS

    assert gate_module.TRADE_VERBS is TRADE_WORDS
    with pytest.raises(AttributeError, match="NoSuchWords"):
        gate_module.NoSuchWords
