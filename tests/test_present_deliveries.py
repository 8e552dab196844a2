"""A delivery told in the present tense, as headlines tell it ("Germany Delivers First Leopard 2 Tanks To
Ukraine"), is opened by the rules alone, as "delivered" is. Sentences written for the test."""
import pytest

from armsledger.model import Article


@pytest.fixture(scope="module")
def rules_only():
    from armsledger.extract import Extractor
    return Extractor(model=False)


@pytest.mark.parametrize("text, key", [
    ("South Korea delivers the first K9 howitzers to Australia", ("KOR", "AUS", "K9")),
    ("Russia Delivers Two S-400 Regiments To Turkey", ("RUS", "TUR", "S-400")),
    ("France delivers three more Rafale jets to Greece, the air force said on Monday.", ("FRA", "GRC", "Rafale")),
])
def test_a_delivery_in_the_present_tense_opens_a_deal_by_the_rules(rules_only, text, key):
    deals = rules_only(Article(text=text, published="2024-06-01"))["deals"]
    assert key in {(d["supplier"], d["recipient"], d["platform"]) for d in deals}
