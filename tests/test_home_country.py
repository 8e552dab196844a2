"""The report's home country: the country it is most about, which the deal decision reads as the recipient a
report leaves implied. A state's own bodies name their country; of countries named as often, the first wins."""
import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def home():
    ex = Extractor(model=False)

    def home_of(text: str) -> str | None:
        return ex._analyse(Article(text=text), text)[3]
    return home_of


@pytest.mark.parametrize("text, country", [
    ("The Philippine Navy commissioned two frigates built by South Korea's Hyundai Heavy Industries.", "PHL"),
    ("The Indonesian Ministry of Defence said it would buy 42 Rafale jets from France.", "IDN"),
    ("The Kenyan army received 12 Bastion armoured personnel carriers donated by the United States.", "KEN"),
    ("Poland signed for K2 tanks from South Korea on Friday.", "POL"),
])
def test_a_state_body_or_the_first_named_country_is_home_when_counts_tie(home, text, country):
    assert home(text) == country


@pytest.mark.parametrize("text, country", [
    ("France will deliver the jets next year. India ordered 26 Rafale M jets, and India's navy will fly them from "
     "its carrier; India paid the first instalment.", "IND"),
    ("Germany approved the sale. Ukraine said Ukraine would receive the IRIS-T systems, which Ukraine's air force "
     "needs.", "UKR"),
])
def test_the_most_named_country_is_home_wherever_it_is_first_named(home, text, country):
    assert home(text) == country
