"""A supplier government's approval of a possible sale, beside a sentence saying the approval is no signature ("does
not mean that a contract has been signed"), is an offer (`status._NOT_MEANT`). Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, platform", [
    ("On Friday the State Department said it had approved a possible sale to Chile of 10 MH-60R helicopters, in a "
     "deal worth up to $900 million. The approval does not mean that a contract has been signed.", "MH-60R"),
    ("Washington has approved the possible sale of 24 F-16 jets to Peru, in a deal worth $3 billion. The "
     "notification doesn't mean that the deal has been concluded.", "F-16"),
    ("The State Department approved a proposed sale to Norway of 12 HIMARS launchers in a $500 million deal. The "
     "notice does not necessarily mean that a contract has been signed or that talks have ended.", "HIMARS"),
])
def test_an_approval_said_to_be_no_signature_is_an_offer(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "offered"


@pytest.mark.parametrize("text, platform", [
    ("The State Department approved the possible sale of 16 F-16 jets to Jordan in 2019. Jordan signed the contract "
     "for the F-16 jets in 2020.", "F-16"),
])
def test_an_approval_followed_by_a_signature_stays_signed(rules_deal, text, platform):
    assert rules_deal(text, platform)["status"] == "signed"
