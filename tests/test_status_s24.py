"""Deal status (session 24), in sentences written for these tests, read by the rules alone:
- a US sale notice's caveat ("does not mean / does not yet show that a contract has been signed or that negotiations
  have been concluded") signs and negotiates nothing: the approved sale stays offered;
- talks on a deal named by its sum or object ("talks on a $2 billion deal to buy", "negotiations over the contract to
  supply") are talks, not a signature;
- a signature told in a clause of time ("after the contract is signed next month", "when a contract is signed") is
  still to come; one already made ("after the deal had been signed") is not.
"""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def status():
    rules = Extractor(model=False)

    def of(text: str) -> dict[tuple[str, str, str], str]:
        rec = rules(Article(text=text, published="2024-05-10"))
        return {(d["supplier"], d["recipient"], d["platform"]): d["status"] for d in rec["deals"]}
    return of


@pytest.mark.parametrize("text, key", [
    ("The US State Department approved the possible sale of 24 F-16 fighters to Bulgaria for $1.7 billion. The notice "
     "does not mean that a contract has been signed or that negotiations have been concluded.", ("USA", "BGR", "F-16")),
    ("Washington approved a possible sale of 12 CH-47F helicopters to Egypt. The approval does not yet show that a "
     "contract has been signed or that negotiations have concluded.", ("USA", "EGY", "CH-47F")),
    ("The State Department cleared the possible sale of eight Patriot batteries to Kuwait, a notice that does not "
     "necessarily indicate that the contract has been signed.", ("USA", "KWT", "Patriot")),
])
def test_sale_notice_caveat_signs_nothing(status, text, key):
    assert status(text).get(key) == "offered"


@pytest.mark.parametrize("text, key", [
    ("Chile has suspended talks on a $2 billion deal to buy F-16 jets from the United States.", ("USA", "CHL", "F-16")),
    ("Brazil is in negotiations with Sweden over the contract to supply 36 Gripen jets.", ("SWE", "BRA", "Gripen")),
    ("Officials said discussions about a deal for 40 Leopard 2 tanks from Germany would resume with Norway in June.",
     ("DEU", "NOR", "Leopard 2")),
])
def test_talks_on_a_deal_are_talks(status, text, key):
    assert status(text).get(key) == "negotiating"


@pytest.mark.parametrize("text, key", [
    ("Thailand and South Korea agreed on the price of two FA-50 jets for the Thai air force, and the first will be "
     "handed over a year after the contract is signed next month.", ("KOR", "THA", "FA-50")),
    ("Vietnam is discussing four Yak-130 trainers with Russia; the number depends on when a contract is signed.",
     ("RUS", "VNM", "Yak-130")),
])
def test_signature_in_a_clause_of_time_is_to_come(status, text, key):
    assert status(text).get(key) == "negotiating"


@pytest.mark.parametrize("text, key", [
    ("India signed a contract for 26 Rafale M jets with France on Monday.", ("FRA", "IND", "Rafale M")),
    ("Greece ordered 18 Rafale jets from France, a week after the framework deal had been signed.",
     ("FRA", "GRC", "Rafale")),
])
def test_signatures_made_stay_signed(status, text, key):
    assert status(text).get(key) == "signed"
