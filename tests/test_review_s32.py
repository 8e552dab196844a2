"""Review of session 32's merged rules, on sentences written for these tests: a collection of ships ("a new class of
Hunter frigates", "a flotilla of Type 039 submarines") or a thing about a ship type ("a Type 212CD submarine design
study") bought is no order of one; a delivery capped ("no more than 10 Rafales will be delivered") or told of no
other giver ("no other country has delivered as many") is not denied; a gate built after its catalogue files were
edited reads the edit."""
from __future__ import annotations

import pytest

from test_event_rules_lists import rule_events


@pytest.mark.parametrize("text, platform", [
    ("Australia will buy a new class of Hunter frigates from Britain.", "Hunter"),
    ("Thailand will buy a flotilla of Type 039 submarines from China.", "Type 039"),
    ("Egypt ordered a group of Gowind corvettes from France last year.", "Gowind"),
    ("Pakistan ordered a squadron of Type 054A frigates from China.", "Type 054A"),
    ("Norway ordered a Type 212CD submarine design study from Germany.", "Type 212CD"),
])
def test_ships_of_a_collection_or_a_study_are_no_order_of_one(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert not d["quantity"] or d["quantity"]["max"] != 1, d


@pytest.mark.parametrize("text, platform", [
    ("Chile will buy a Type 23 frigate from Britain next year.", "Type 23"),
    ("Indonesia will acquire a Scorpene submarine from France.", "Scorpene"),
])
def test_one_ship_bought_is_still_one(rules_deal, text, platform):
    d = rules_deal(text, platform)
    assert d["quantity"] and d["quantity"]["max"] == 1, d


@pytest.mark.parametrize("text, year", [
    ("No more than 10 Rafales will be delivered to India by France in 2026.", "2026"),
    ("No more than two F-16s were delivered to Romania by Norway in 2023.", "2023"),
    # who delivers denied, not what: "no other country has delivered ..."
    ("No other country has delivered as many F-16 jets to Ukraine as Norway in 2024.", "2024"),
    ("No other state has handed over Leopard 2 tanks to Ukraine this quickly, Poland said in 2023.", "2023"),
])
def test_a_delivery_capped_or_by_no_other_is_not_denied(extractor, text, year):
    dates = [(e["date"] or {}).get("value") for e in rule_events(extractor, text) if e["type"] == "DELIVERY"]
    assert dates == [year], text


def test_a_gate_of_edited_catalogue_files_reads_the_edit_and_caches_it_under_its_stamp(tmp_path, monkeypatch):
    # the catalogue loaded before its files were edited (`load` keeps what it read) must not be built into the gate
    # stored under the edited files' stamp: that gate would be read by every later process
    import subprocess
    import sys

    from armsledger.catalogue import load
    from armsledger.extract.gate import gate_of

    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path / "cache"))
    mine = tmp_path / "catalogues"
    (mine / "platforms").mkdir(parents=True)
    entry = "qx-28:\n  name: QX-28\n  aliases: [{}]\n  category: surface-to-air missile\n  country: NOR\n"
    (mine / "platforms" / "mine.yaml").write_text(entry.format("Bramblehawk"), encoding="utf-8")
    load(mine)
    assert not gate_of(str(mine))("Norway bought Thornquill.").passed
    (mine / "platforms" / "mine.yaml").write_text(entry.format("Bramblehawk, Thornquill"), encoding="utf-8")
    assert gate_of(str(mine))("Norway bought Thornquill.").passed
    later = subprocess.run([sys.executable, "-c", "import sys; from armsledger.extract.gate import gate_of; "
                            "print(gate_of(sys.argv[1])('Norway bought Thornquill.').passed)", str(mine)],
                           capture_output=True, text=True, check=True).stdout
    assert later.strip() == "True"
