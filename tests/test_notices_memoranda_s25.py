"""What a signing signs (session 25).

- A non-binding memorandum, letter of intent or agreement is no purchase, however it is qualified before its noun
  ("a non-binding memorandum", "a legally non-binding memorandum", "a preliminary, non-binding agreement"): the
  deal is still under talks (`deals.NOT_PURCHASE`, `deals._NONBINDING_BEFORE`) and the event is an AGREEMENT, not a
  DEAL_SIGNED. A contract stays a contract ("a binding contract").
- A US sale notice's own caveat ("the notice does not mean that a contract has been signed or that negotiations
  have concluded") tells no event at all (`deals.notice_caveat`): it already made the deal an offer, and the
  events read it as a signing and a negotiation.

Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES = Extractor(model=False)


def _record(text: str) -> dict:
    return _RULES(Article(text=text, published="2025-04-02"))


@pytest.mark.parametrize("text, platform", [
    ("Romania signed a non-binding memorandum with South Korea on Tuesday for 54 K9 howitzers.", "K9"),
    ("Vietnam signed a legally non-binding memorandum of understanding with India on the BrahMos missile.", "BrahMos"),
    ("Peru and France signed a preliminary, non-binding agreement for the purchase of 24 Rafale jets.", "Rafale"),
    ("Greece and Israel signed a non-binding accord on Monday for 36 PULS rocket launchers.", "PULS"),
])
def test_a_non_binding_paper_is_no_purchase(text, platform):
    rec = _record(text)
    deals = [d for d in rec["deals"] if d["platform"].startswith(platform)]
    assert deals and all(d["status"] not in ("signed", "in_delivery", "completed") for d in deals), rec["deals"]
    assert "DEAL_SIGNED" not in {e["type"] for e in rec["events"]}
    assert "AGREEMENT" in {e["type"] for e in rec["events"]}


@pytest.mark.parametrize("text, platform", [
    ("Chile signed a binding contract with Spain for two A400M transports.", "A400M"),
    ("Brazil signed a contract with Sweden in 2014 for 36 Gripen fighters.", "Gripen"),
])
def test_a_contract_is_still_signed(text, platform):
    rec = _record(text)
    assert [d["status"] for d in rec["deals"] if d["platform"].startswith(platform)] == ["signed"]
    assert "DEAL_SIGNED" in {e["type"] for e in rec["events"]}


_NOTICE = ("WASHINGTON -- The State Department has approved a possible sale of {what} to {who} for an estimated "
           "{sum}, the Defense Security Cooperation Agency said on Tuesday. {caveat}")


@pytest.mark.parametrize("what, who, total, caveat", [
    ("12 F-16 Block 70 aircraft", "the Philippines", "$5.58 billion",
     "The notice of a potential sale does not mean that a contract has been signed or that negotiations have concluded."),
    ("four MH-60R helicopters", "Norway", "$1 billion",
     "The approval doesn't necessarily mean that a deal has been signed."),
    ("eight Patriot fire units", "Poland", "$15 billion",
     "Such a notification does not indicate that a contract was signed or that talks are under way."),
])
def test_a_sale_notice_caveat_tells_no_event(what, who, total, caveat):
    text = _NOTICE.format(what=what, who=who, sum=total, caveat=caveat)
    rec = _record(text)
    assert rec["deals"] and {d["status"] for d in rec["deals"]} == {"offered"}, rec["deals"]
    assert [e["type"] for e in rec["events"] if e["evidence"]["start"] >= text.index(caveat)] == []
    assert "OFFER" in {e["type"] for e in rec["events"]}  # the notice itself is still told
