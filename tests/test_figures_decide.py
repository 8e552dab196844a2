"""Which figures belong to which deal (`extract/figures_decide.py`): the candidates and what is read about each,
the decision a model's weights make, `--explain` per field, and models without the section.

The sentences are written for these tests. The models are made by hand, so that each test says which cue decides."""
from __future__ import annotations

import json

import pytest

from armsledger.extract import Extractor, figures_decide, learned
from armsledger.model import Article


def _model(**figures) -> learned.Model:
    """The shipped deal, status, hedged and event decisions, with these figure decisions."""
    d = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    d["decisions"].pop("figures", None)
    if figures:
        d["decisions"]["figures"] = figures
    return learned.from_dict(d)


def _groups(extractor: Extractor, text: str) -> list[figures_decide.Group]:
    groups: list = []
    extractor(Article(text=text, published="2024-05-01"), figures=groups)
    return groups


def _candidates(groups, field: str, platform: str) -> dict[str, set[str]]:
    return {fig.text: feats for g in groups if g.field == field and g.deal.platform.name == platform
            for fig, feats in zip(g.figures, g.feats)}


@pytest.fixture
def with_model(extractor: Extractor):
    """The session's extractor with another model for one test."""
    kept = extractor.model

    def use(model):
        extractor.model = model
        return extractor

    yield use
    extractor.model = kept


# "180 units of ammunition": a count of what comes with the platform, not of the platform
PARTS = [("Poland signed a contract for K2 tanks from South Korea covering 180 units of ammunition and training. "
          "The deal covers 96 K2 tanks.", "K2", "180 units", "96 K2 tanks"),
         ("Spain ordered NASAMS systems from Norway, a deal that covers 40 units of radar spares. Spain will "
          "field 4 NASAMS batteries.", "NASAMS", "40 units", "4 NASAMS batteries"),
         ("Kenya signed for Bayraktar TB2 drones from Turkey, with 300 units of munitions. The order is for "
          "6 Bayraktar TB2 drones.", "Bayraktar TB2", "300 units", "6 Bayraktar TB2 drones")]


@pytest.mark.parametrize("text,platform,parts,whole", PARTS)
def test_a_count_of_units_of_something_is_read_as_such_and_the_count_naming_the_platform_too(
        with_model, text, platform, parts, whole):
    cands = _candidates(_groups(with_model(None), text), "quantity", platform)
    assert "count:units_of" in cands[parts] and "count:names_platform" not in cands[parts]
    assert "count:names_platform" in cands[whole] and "count:units_of" not in cands[whole]


@pytest.mark.parametrize("text,platform,parts,whole", PARTS)
def test_a_quantity_of_parts_is_not_taken_as_the_deals_quantity(with_model, text, platform, parts, whole):
    quantity = {"bias": -1.0, "threshold": 0.5, "rule_threshold": 0.5,
                "weights": {"count:units_of": -3.0, "count:names_platform": 3.0, "rule:this": 0.5}}
    rec = with_model(_model(quantity=quantity))(Article(text=text, published="2024-05-01"))
    deal = next(d for d in rec["deals"] if d["platform"] == platform)
    assert deal["quantity"]["text"] == whole


@pytest.mark.parametrize("text,platform,number", [
    ("Hungary ordered Leopard 2 tanks from Germany; the package covers spare parts.", "Leopard 2", "2 tanks"),
    ("Algeria ordered Type 056 corvettes from China for its navy.", "Type 056", "056 corvettes"),
    ("Chile signed a contract with the United States for F-16 Block 70 jets.", "F-16 Block 70", "70 jets")])
def test_a_number_inside_a_platforms_name_is_read_as_such(with_model, text, platform, number):
    groups = _groups(with_model(None), text)
    cands = _candidates(groups, "quantity", platform)
    if number in cands:  # the rules may or may not read it as a count; when they do, the model is told
        assert "count:in_a_name" in cands[number]
    rec = with_model(_model(quantity={"bias": 0.0, "threshold": 0.5, "weights": {"count:in_a_name": -4.0}}))(
        Article(text=text, published="2024-05-01"))
    assert all(d["quantity"] is None for d in rec["deals"] if d["platform"] == platform)


@pytest.mark.parametrize("text,platform,value", [
    ("India signed a deal with France for 26 Rafale M jets worth EUR 6.6 billion. Separately, India bought "
     "Scorpene submarines from France for EUR 3 billion.", "Rafale M", "EUR 6.6 billion"),
    ("Greece ordered 24 Rafale jets from France worth EUR 2.5 billion, and FDI frigates for EUR 3 billion.",
     "Rafale", "EUR 2.5 billion"),
    ("Egypt signed for 30 Rafale jets from France, valued at EUR 3.8 billion; it also bought FREMM frigates "
     "for EUR 2.3 billion.", "Rafale", "EUR 3.8 billion")])
def test_a_value_with_another_deal_between_goes_to_the_nearer_deal(with_model, text, platform, value):
    groups = _groups(with_model(None), text)
    cands = _candidates(groups, "value", platform)
    others = [t for t in cands if t != value]
    # the other sum follows another deal's platform, or stands in a sentence that names only that one
    assert others and all(cands[t] & {"prev_plat:other", "plat:absent_other:deal"} for t in others)
    assert "between:other_deal" not in cands[value] and "prev_plat:self" in cands[value]
    value_model = {"bias": -0.5, "threshold": 0.5, "weights": {"between:other_deal": -3.0, "prev_plat:other": -2.0,
                                                               "plat:absent_other:deal": -2.0, "prev_plat:self": 2.0}}
    rec = with_model(_model(value=value_model))(Article(text=text, published="2024-05-01"))
    assert next(d for d in rec["deals"] if d["platform"] == platform)["value"]["text"] == value


def test_explain_shows_per_field_the_figure_and_the_features_that_weighed_most(with_model):
    quantity = {"bias": -1.0, "threshold": 0.5, "rule_threshold": 0.5,
                "weights": {"count:units_of": -3.0, "count:names_platform": 3.0, "rule:this": 0.5}}
    signed = {"bias": -2.0, "threshold": 0.5, "weights": {"kind:date": 0.5}}
    ex = with_model(_model(quantity=quantity, signed=signed))
    rec = ex(Article(text=PARTS[0][0] + " The contract was signed in March 2024.", published="2024-05-01"),
             explain=True)
    rows = {r["field"]: r for r in next(d for d in rec["deals"] if d["platform"] == "K2")["why"]["fields"]}
    q = rows["quantity"]
    assert q["by"] == "model" and q["kept"] and q["value"] == "96 K2 tanks" and q["probability"] > q["threshold"]
    assert {"feature": "count:names_platform", "weight": 3.0} in q["features"]
    s = rows["signed"]  # a field left empty says which figure fell short, and why
    assert s["value"] is None and not s["kept"] and s["candidate"] == "March 2024" and s["probability"] < s["threshold"]
    assert s["features"] == [{"feature": "kind:date", "weight": 0.5}]


def test_a_model_without_figure_decisions_leaves_the_rules_attachment(with_model):
    text = PARTS[0][0] + " It was signed in March 2024 for USD 3 billion."
    rules = with_model(None)(Article(text=text, published="2024-05-01"))
    d = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    d["decisions"].pop("figures", None)
    model = learned.from_dict(d)
    assert model.figures is None
    old = with_model(model)(Article(text=text, published="2024-05-01"), explain=True)
    fields = ("value", "quantity", "signed", "delivered", "expected_completion")
    pick = {(x["platform"], f): x[f] for x in rules["deals"] for f in fields}
    assert all(pick.get((x["platform"], f), x[f]) == x[f] for x in old["deals"] for f in fields)
    assert all(r.get("by") != "model" for x in old["deals"] for r in x["why"]["fields"] if r["field"] != "status")


# another buyer's sentence: "Norway bought five P-8A aircraft" is Norway's count, not Canada's
BUYERS = [("Norway bought five P-8A aircraft from the United States in 2017. Canada signed a contract with the United "
           "States for 14 P-8A aircraft.", "P-8A", "CAN", "14 P-8A aircraft", "five P-8A aircraft"),
          ("Iran is to receive 30 Su-35 fighters from Russia by 2028. Egypt bought 24 Su-35 jets from Russia in 2018.",
           "Su-35", "EGY", "24 Su-35 jets", "30 Su-35 fighters"),
          ("Romania could buy 54 K2 tanks from South Korea. Poland ordered 180 K2 tanks from South Korea.", "K2", "POL",
           "180 K2 tanks", "54 K2 tanks"),
          ("Qatar bought 24 Rafale jets from France in 2015. India signed for 36 Rafale jets from France.", "Rafale", "IND",
           "36 Rafale jets", "24 Rafale jets")]


@pytest.mark.parametrize("text,platform,buyer,mine,theirs", BUYERS)
def test_whose_sentence_a_figure_stands_in_is_read(with_model, text, platform, buyer, mine, theirs):
    groups = [g for g in _groups(with_model(None), text) if g.deal.recipient == buyer]
    cands = _candidates(groups, "quantity", platform)
    assert "cty:self" in cands[mine]
    assert {"cty:rival_only", "cty:other_only"} & cands[theirs] and "cty:self" not in cands[theirs]


@pytest.mark.parametrize("text,platform,buyer,mine,theirs", BUYERS)
def test_a_count_in_another_buyers_sentence_is_not_taken(with_model, text, platform, buyer, mine, theirs):
    quantity = {"bias": -1.0, "threshold": 0.5, "rule_threshold": 0.5,
                "weights": {"cty:rival_only": -3.0, "cty:other_only": -3.0, "cty:self": 1.0, "grp:largest": 1.0,
                            "grp:smaller": 1.0, "count:names_platform": 1.0}}
    rec = with_model(_model(quantity=quantity))(Article(text=text, published="2024-05-01"))
    deal = next(d for d in rec["deals"] if d["platform"] == platform and d["recipient"] == buyer)
    assert deal["quantity"]["text"] == mine


@pytest.mark.parametrize("text,platform,count", [
    ("Taiwan bought two Perry-class frigates from the United States. Two Perry-class frigates bought from the US "
     "reached Kaohsiung yesterday.", "Perry-class", "Two Perry-class frigates"),
    ("Nigeria ordered 12 Super Tucano aircraft from Brazil. The 12 Super Tucano aircraft landed in Kainji on Monday.",
     "Super Tucano", "12 Super Tucano aircraft"),
    ("Poland bought K2 tanks from South Korea; ten K2 tanks have already arrived in Gdynia.", "K2", "ten K2 tanks")])
def test_a_count_that_arrived_is_read_as_such(with_model, text, platform, count):
    cands = _candidates(_groups(with_model(None), text), "delivered", platform)
    assert any("cue_after:arrived" in f for t, f in cands.items() if t.lower() == count.lower() or count in t)


@pytest.mark.parametrize("text,platform,whole", [
    ("Kuwait received two Caracal helicopters from France, the final batch of the 30 Caracal helicopters it ordered.",
     "Caracal", "30 Caracal helicopters"),
    ("Egypt took delivery of four of its 24 Rafale jets from France.", "Rafale", "24 Rafale jets"),
    ("Ten of the 48 K9 howitzers Norway ordered from South Korea have arrived.", "K9", "48 K9 howitzers")])
def test_the_whole_of_which_a_part_is_told_is_read_as_such(with_model, text, platform, whole):
    cands = _candidates(_groups(with_model(None), text), "quantity", platform)
    assert "cue:whole" in cands[whole]


@pytest.mark.parametrize("text,platform,field,figure,feature", [
    # a date near a signing, weighed with how far the deal has come (signed here, a plan there)
    ("Greece signed a contract for 24 Rafale jets with France in 2021.", "Rafale", "signed", "2021", "date:year:past"),
    ("Peru plans to buy 24 KF-21 jets from South Korea, the minister said in 2023.", "KF-21", "signed", "2023",
     "date:year:past"),
    # a count cued as delivered or as ordered, weighed with the deal's status
    ("Nigeria ordered 12 Super Tucano aircraft from Brazil in 2019.", "Super Tucano", "quantity",
     "12 Super Tucano aircraft", "cue:ordered"),
    ("Egypt took delivery of four Gowind corvettes from France in 2020.", "Gowind", "delivered",
     "four Gowind corvettes", "cue:delivered")])
def test_a_figures_cue_is_also_weighed_with_the_deals_status(with_model, text, platform, field, figure, feature):
    groups = _groups(with_model(None), text)
    status = next(g.deal.status()[0] for g in groups if g.deal.platform.name == platform)
    feats = _candidates(groups, field, platform)[figure]
    assert feature in feats and any(f.startswith(f"x:{status}&{feature}") for f in feats)
