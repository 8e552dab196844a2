"""Heavy imports on first use: the relevance gate an ingest's parent process runs comes without the rest of the
extraction pipeline (every stage's expressions, the model); the extractor is still where users import it from."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

GATE_ONLY = """
import json, sys
from armsledger.extract.gate import gate_for
print(json.dumps(sorted(m for m in sys.modules if m.startswith("armsledger.extract."))))
"""


def test_the_gate_imports_without_the_pipeline():
    out = subprocess.run([sys.executable, "-c", GATE_ONLY], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert "armsledger.extract.gate" in loaded
    assert not loaded & {"armsledger.extract.pipeline", "armsledger.extract.deals", "armsledger.extract.events",
                         "armsledger.extract.decide", "armsledger.extract.learned"}


def test_the_extractor_is_imported_from_the_package_as_before():
    import armsledger.extract as extract
    from armsledger.extract import MAX_CHARS, SCHEMA, Extractor, blank_record, settle

    assert extract.Extractor is Extractor and SCHEMA == "armsledger.extract/1" and MAX_CHARS > 0
    assert callable(blank_record) and callable(settle)


def test_a_name_the_package_does_not_have_is_an_attribute_error():
    import armsledger.extract as extract

    with pytest.raises(AttributeError, match="NoSuchThing"):
        extract.NoSuchThing
