"""Event rules on sentences written for the test: a reader would name these events at once."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def events_of(extractor, text: str) -> list[dict]:
    return extractor(Article(text=text, published="2024-06-05"))["events"]


@pytest.mark.parametrize("text", [
    "At their meetings on Monday, Defence Minister Rajnath Singh and his Russian counterpart Andrei Belousov "
    "reaffirmed their partnership.",
    "Admiral Dinesh Tripathi, the Indian Navy chief, called on President Anura Kumara Dissanayake on Wednesday.",
    "Defence Minister Richard Marles said he held a productive conversation with Japan's Defence Minister "
    "Gen Nakatani on Tuesday.",
])
def test_a_meeting_told_in_other_words_is_a_meeting(extractor, text):
    assert any(e["type"] in ("MEETING", "SUMMIT") for e in events_of(extractor, text)), text


@pytest.mark.parametrize("text", [
    "Foreign Minister Kaja Kallas called on Russia to withdraw its troops from the border.",
    "Defence Minister Boris Pistorius called on allies to send more air defence systems to Ukraine.",
])
def test_calling_on_someone_to_act_is_no_meeting(extractor, text):
    assert not any(e["type"] in ("MEETING", "SUMMIT") for e in events_of(extractor, text)), text



def proposed_types(extractor, text: str) -> set[str]:
    """The types of every event candidate of a text: the rules' own and those proposed for the model."""
    record, _ = extractor.event_candidates(Article(text=text, published="2024-06-05"))
    return {e["type"] for e in record["events"]}


@pytest.mark.parametrize("type_,text", [
    # a force's modernisation, an upgraded model: no platform's upgrade
    ("UPGRADE", "The navy took delivery of two Scorpene submarines from France as part of the modernisation of its "
                "armed forces."),
    ("UPGRADE", "Chile bought ten F-16 fighter jets from the United States to modernize its air force."),
    ("UPGRADE", "Egypt will receive 40 upgraded Leopard 2 tanks from Germany next year."),
    ("UPGRADE", "Brazil chose an upgraded version of the Gripen fighter from Sweden."),
    ("UPGRADE", "Under its military modernization, Vietnam already operates six Kilo-class submarines from Russia."),
    # making sure, a build year: no production
    ("COPRODUCTION", "Poland said it would work to make sure the K2 tanks from South Korea arrive on time."),
    ("COPRODUCTION", "The two frigates, built in the 1990s, were bought by Chile from the United Kingdom."),
    # a need met: no meeting
    ("MEETING", "The new Rafale jets will help meet the requirements of the Indian Air Force, India said."),
    ("MEETING", "The FA-50 jets from South Korea will meet the Malaysian air force's capability development plan 2055."),
    ("MEETING", "Pakistan said the J-10C jets from China meet all the needs of its air force."),
])
def test_words_that_tell_no_event_propose_none(extractor, type_, text):
    assert type_ not in proposed_types(extractor, text), text


@pytest.mark.parametrize("type_,text", [
    ("UPGRADE", "The 12 F-16 jets of Greece will be upgraded to the Viper standard by 2027."),
    ("UPGRADE", "Greece signed a contract with the United States to upgrade its F-16 jets."),
    ("UPGRADE", "Lockheed Martin began the modernisation of 38 F-16 jets for Taiwan in May."),
    ("COPRODUCTION", "The K9 howitzers for Poland will be built in Poland under licence from South Korea."),
    ("COPRODUCTION", "The frigates bought by Indonesia from the Netherlands will be built locally by PT PAL."),
    ("MEETING", "Rajnath Singh will meet Lloyd Austin in Washington on Friday."),
    # a purchase announced: interest to buy, no talks
    ("REQUEST", "Defence Minister Ng Eng Hen said on Wednesday that Singapore will buy eight F-35A fighter jets from "
                "the United States."),
    ("REQUEST", "The government of Peru has decided to acquire eight Mi-17 helicopters from Russia, the minister said "
                "on Monday."),
])
def test_the_event_these_words_tell_is_kept(extractor, type_, text):
    assert any(e["type"] == type_ for e in events_of(extractor, text)), text


@pytest.mark.parametrize("text", [
    "Norway is to buy five Type 26 frigates from the United Kingdom, the ministry said.",
    "Chile is to buy six Scorpene submarines from France, officials said.",
    "Denmark will buy four Type 31 frigates from the United Kingdom.",
])
def test_a_purchase_announced_without_a_date_is_proposed_as_a_request(extractor, text):
    # the rules propose it; whether it is kept is the event model's call. The model fitted on 644 articles
    # (session 20) drops such a one-sentence, undated announcement (probability ~0.05 against the rules' bar
    # of 0.12): a third of the training gold's REQUEST events are undated, few with no one named taking part.
    assert "REQUEST" in proposed_types(extractor, text), text


def test_platforms_built_in_their_makers_country_are_no_coproduction(extractor):
    text = "India received its first Su-30MKI jets, which were built in Russia at the Irkutsk plant."
    assert not any(e["type"] == "COPRODUCTION" for e in events_of(extractor, text))
