"""Entities, session 26: people named by the forms reporters use that the finder missed. A counterpart with no "his"
or "her" before it ("talks with Malaysian counterpart Ann Kowal", "his visiting Polish counterpart"); offices that
were not catalogued (a commandant, an assistant secretary, a chargé d'affaires, a member of parliament, a
commissioner, "Sen." and "Rep."); a byline on a line of its own above the day, the time or the reading time, and one
after "Author:"; a byline's name does not run on into the next line. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model=False)


def people(rules, text: str) -> dict[str, str | None]:
    rec = rules(Article(text=text, published="2025-06-01"))
    return {e["name"]: e.get("role") for e in rec["entities"] if e["kind"] == "person"}


@pytest.mark.parametrize("text, name", [
    ("Kowalski held talks with Malaysian counterpart Ahmad Zulkifli on the frigate programme.", "Ahmad Zulkifli"),
    ("The minister met his visiting Vietnamese counterpart Tran Van Minh in the capital.", "Tran Van Minh"),
    ("On Monday she received her new Estonian counterpart Kadri Tamm at the ministry.", "Kadri Tamm"),
    ("The deal was discussed with Nigerian counterpart Bello Adamu during the visit.", "Bello Adamu"),
])
def test_a_counterpart_without_his_or_her(rules, text, name):
    assert name in people(rules, text)


@pytest.mark.parametrize("text", [
    "Aselsan signed a partnership with its Qatari counterpart Doha Arms Holding on Tuesday.",
    "The shipyard teamed up with Turkish counterpart Anka Marine Group for the hulls.",
])
def test_a_firms_counterpart_is_no_person(rules, text):
    assert not people(rules, text)


@pytest.mark.parametrize("text, name, role", [
    ("The cutters will save fuel, Commandant Ramon Dela Pena said at the pier.", "Ramon Dela Pena", "Commandant"),
    ("The accord was signed by Defense Assistant Secretary Mario Santos Reyes.", "Mario Santos Reyes",
     "Assistant Secretary"),
    ("Helen Brooks, the chargé d'affaires at the US Embassy in Riga, said the sale was good news.", "Helen Brooks",
     "Chargé d'affaires"),
    ("Australian member of Parliament Jane Whitlock also attended the launch.", "Jane Whitlock", "Member of Parliament"),
    ("The trucks were handed over to Acting Commissioner Peter Kalsakau at the port.", "Peter Kalsakau", "Commissioner"),
    ("A hold on the transfer came from Sen. Mark Tillman on Friday.", "Mark Tillman", "Senator"),
    ("The bill was introduced by Rep. Dana Whitfield last week.", "Dana Whitfield", "Congressman"),
    ("The second-in-command, Air-Vice Marshal Tariq Mehmood Khan, said the fleet was ageing.", "Tariq Mehmood Khan",
     "Air Marshal"),
])
def test_offices_now_catalogued(rules, text, name, role):
    assert people(rules, text).get(name) == role


@pytest.mark.parametrize("text, name", [
    ("Navy gets new boats\n\nMere Tuilagi\nWednesday, May 03, 2017\n\nThree boats arrived in the port.", "Mere Tuilagi"),
    ("Egypt orders frigates\n\nOmar Haddad\n6 Min Read\nThe ministry signed the order on Monday.", "Omar Haddad"),
    ("Tanks arrive in Baghdad\n\nEmre Yıldız\n09:01 - 20/02/2018\nThe tanks arrived by sea.", "Emre Yıldız"),
    ("The ministry was finalising the contract.\n\nAuthor: Jana Nováková", "Jana Nováková"),
    ("Georgia Buys Missiles\nBy Nino Kapanadze\nThursday, November 23\nThe sale was approved.", "Nino Kapanadze"),
])
def test_bylines_above_a_date_or_after_author(rules, text, name):
    assert name in people(rules, text)


@pytest.mark.parametrize("text", [
    "The minister spoke first.\nMissile Deal Signed\nFriday, May 5\nThe missile deal was signed by the navy.",
    "The minister spoke first.\nFrigate Order Delayed\nMay 5, 2020\nThe frigate order was delayed again.",
])
def test_a_headline_above_its_date_is_no_byline(rules, text):
    assert not people(rules, text)
