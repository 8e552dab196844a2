"""False deals out of fold (issue 9's precision): an engine or a naval gun is left to the model; the maker named
only as such gives way to the country named as selling "from"; a class of any ship gives way to a named platform of
any naval kind; a sum's scale before a weapon noun makes no class; patrol vessels are of the patrol vessels' kind;
a ship named with its navy after "aboard" carries what is bought.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import decide
from armsledger.extract.features import NOT_BOUGHT
from armsledger.model import Article
from test_deal_features import feats


def _deals(extractor, text: str) -> set[tuple[str, str, str]]:
    return {(d["supplier"], d["recipient"], d["platform"])
            for d in extractor(Article(text=text, published="2024-06-01"))["deals"]}


@pytest.mark.parametrize("kind", ["aircraft engine", "naval engine", "naval gun"])
def test_an_engine_or_gun_is_left_to_the_model_not_overruled(kind):
    # an engine bought on its own is a procurement the register records: no rule forbids its deal
    keys = [("r", "USA", "IND", "F404"), ("r", "USA", "IND", "Tejas")]
    over = decide.overruled(keys, [{"cat:" + kind, "plat:catalogue", "sup:origin"},
                                   {"cat:fighter", "plat:catalogue", "sup:origin"}])
    assert 0 not in over


@pytest.mark.parametrize("text, engine", [
    ("Turkey has asked the United States to sell it 12 T700 engines for its ageing helicopters.", "T700"),
    ("Sweden ordered 20 F414 engines from the United States for its new Gripen fighters.", "F414"),
    ("India signed a contract with the United States for 99 F404 engines to power its Tejas jets.", "F404"),
])
def test_an_engine_bought_alone_is_weighed_as_an_engine(extractor, text, engine):
    assert "cat:aircraft engine" in feats(extractor, text, ("USA", {"F414": "SWE", "F404": "IND"}.get(engine, "TUR"),
                                                            engine))


@pytest.mark.parametrize("text, maker, seller, key", [
    # the country of the firm that sells the type ("Airbus") is no seller where the one that builds it is named
    ("Nigeria took delivery of two Airbus C295 aircraft from Spain last week.", "FRA", "ESP", ("NGA", "C-295")),
    # a second-hand sale: the country of the firm that makes the type ("Airbus") is no seller
    ("Uruguay bought two Airbus C295 transport aircraft from Portugal, which had flown them for a decade.", "FRA",
     "PRT", ("URY", "C-295")),
])
def test_a_supplier_not_named_as_seller_gives_way_to_the_country_named_as_seller(extractor, text, maker, seller, key):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    keys = [("r", c.supplier, c.recipient, c.platform.name) for c, _, _ in rows]
    over = decide.overruled(keys, [f for _, f, _ in rows])
    i, j = keys.index(("r", maker, *key)), keys.index(("r", seller, *key))
    assert j in (over.get(i) or [])
    assert i not in over.get(j, [])


def _seller_rows(partner: bool) -> list[set[str]]:
    # the supplier the catalogue gives beside the type's origin, or a firm's country ("Airbus")
    maker = {"plat:catalogue", "sup:not_origin", "sib:other_seller"} | ({"sup:partner"} if partner else set())
    return [maker, {"plat:catalogue", "sup:not_origin", "sup:cue:from", "sup:via:country"}]


def test_a_supplier_not_named_as_seller_gives_way_to_the_named_seller_kept():
    keys = [("r", "FRA", "URY", "C-295"), ("r", "PRT", "URY", "C-295")]
    over = decide.overruled(keys, _seller_rows(partner=False))
    assert over == {0: [1]}
    assert decide.overrule([True, True], over) == [False, True]
    # only where the named seller is kept
    assert decide.overrule([True, False], over) == [True, False]


def test_a_consortium_partner_does_not_give_way():
    # "Eurofighters from Qatar": the UK, a partner of the type, is a seller too as the gold reads it
    keys = [("r", "GBR", "TUR", "Eurofighter Typhoon"), ("r", "QAT", "TUR", "Eurofighter Typhoon")]
    assert decide.overruled(keys, _seller_rows(partner=True)) == {}


@pytest.mark.parametrize("name, gives_way", [
    ("warships", True),
    ("vessels", True),
    ("well-armed naval vessels", True),
    ("major warships", True),
    # a kind of ship of its own: another deal perhaps
    ("multi-purpose ships", False),
    ("helicopter-carrier vessels", False),
    ("surface vessels", False),
])
def test_a_class_of_any_ship_gives_way_to_a_named_platform_of_any_naval_kind(name, gives_way):
    keys = [("r", "CHN", "PAK", "Type 054A/P"), ("r", "CHN", "PAK", name)]
    rows = [{"plat:catalogue", "cat:frigate", "sup:origin"}, {"plat:generic", "cat:ship", "sup:origin_unknown"}]
    over = decide.overruled(keys, rows)
    assert (over.get(1) == [0]) is gives_way
    assert decide.overrule([True, True], over) == [True, not gives_way]


@pytest.mark.parametrize("text", [
    "Turkey said it would sign a $3.4 billion missile defence deal with a Chinese firm.",
    "Thailand approved the 13.5 billion-baht submarine deal with China on Tuesday.",
    "Egypt is weighing a $5bn jet deal with France, officials said.",
    "Each boat costs about $250 million per boat, Indonesia's navy said of the deal with South Korea.",
])
def test_a_sums_scale_before_a_weapon_noun_names_no_class(extractor, text):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    names = {c.platform.name for c, _, _ in rows}
    assert not {n for n in names if n.split()[0].split("-")[0] in ("billion", "bn", "million")}


@pytest.mark.parametrize("text, cls", [
    ("Germany has delivered 1.2 million drones to Ukraine since the war began.", "drones"),
    ("Taiwan plans to buy 3 million drones from domestic and American makers by 2028.", "drones"),
])
def test_a_count_in_millions_keeps_its_class(extractor, text, cls):
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    assert cls in {c.platform.name for c, _, _ in rows}


@pytest.mark.parametrize("text, key", [
    ("Senegal ordered three offshore patrol vessels from France in 2019.", ("FRA", "SEN", "offshore patrol vessels")),
    ("The Philippines will buy six new patrol ships from Japan.", ("JPN", "PHL", "patrol ships")),
])
def test_patrol_vessels_are_of_the_patrol_vessels_kind(extractor, text, key):
    f = feats(extractor, text, key)
    assert "cat:patrol vessel" in f
    assert "cat:ship" not in f


@pytest.mark.parametrize("text, key", [
    ("India ordered 26 Rafale M jets from France to fly aboard the Indian Navy's new aircraft carrier INS Vikrant.",
     ("FRA", "IND", "INS Vikrant")),
    ("Thailand bought six Seahawk helicopters from the United States to serve aboard the Royal Thai Navy's carrier "
     "HTMS Chakri Naruebet.", ("USA", "THA", "HTMS Chakri Naruebet")),
])
def test_a_ship_named_with_its_navy_after_aboard_carries_what_is_bought(extractor, text, key):
    assert NOT_BOUGHT in feats(extractor, text, key)
