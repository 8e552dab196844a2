"""More event rules, on sentences and headlines written for the test: a headline in title case states a signing
as its sentence-case twin does; a delivery whose numbers the report withholds is no delivery."""
from __future__ import annotations

import pytest

from armsledger.extract.context import lexicon
from armsledger.model import Article


def candidates(extractor, text: str) -> dict:
    record, _ = extractor.event_candidates(Article(text=text, published="2024-06-05"))
    return record


def rule_events(extractor, text: str) -> list[dict]:
    """The rules' own events of a text (not those proposed for the model)."""
    record, feats = extractor.event_candidates(Article(text=text, published="2024-06-05"))
    return [e for e, f in zip(record["events"], feats) if "src:rules" in f]


def sign_words(text: str) -> list[str]:
    return [t.text for t in lexicon().find(text, 0) if t.group == "deal" and t.kind == "sign"]


HEADLINES = [
    "Norway and Germany Sign Submarine Deal",
    "Chile, Spain Sign $400 Million Frigate Contract",
    "Vietnam and Japan sign defence equipment transfer agreement",
    "Estonia, Latvia Sign Joint Air Defence Procurement Pact",
    "Kenya And Turkey Sign Drone Deal",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_verb_sign_is_a_signing(headline):
    assert [w.lower() for w in sign_words(headline)] == ["sign"], headline


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_signing_proposes_a_deal_signed_event(extractor, headline):
    record = candidates(extractor, headline + "\n\nThe ministry gave no further details.")
    assert any(e["type"] == "DEAL_SIGNED" and len(e["countries"]) == 2 for e in record["events"]), headline


@pytest.mark.parametrize("text", [
    "Norway hopes to sign a submarine deal with Germany next year.",
    "Officials said Chile will sign the frigate contract in March.",
    "Kenya did not sign the drone deal.",
    "The visit is a sign that the two countries' partnership is deepening.",
    "Sign up for our defence newsletter.",
    "Readers can sign a petition against the deal online.",
])
def test_sign_planned_denied_or_a_noun_is_no_signing(text):
    assert sign_words(text) == [], text


@pytest.mark.parametrize("headline,word", [
    ("Norway and Germany Sign Submarine Deal", "Sign"),
    ("Greece and France Sign Frigate Deal", "Sign"),
    ("Philippines and South Korea Sign Corvette Contract", "Sign"),
])
def test_a_title_case_verb_before_a_platform_kind_is_no_platform(extractor, headline, word):
    record = extractor(Article(text=headline + "\n\nThe ministry gave no further details.", published="2024-06-05"))
    assert not any(e["kind"] == "platform" and e["name"] == word for e in record["entities"]), headline


LEAD = "ANKARA, June 4 -- Turkey's Aselsan has signed a contract to supply Kenya with air defence radars, the company said on Tuesday. "


@pytest.mark.parametrize("text", [
    "The number of radars delivered was not disclosed.",
    "The number of systems to be exported was not revealed.",
    "How many radars will be delivered has not been made public.",
    "The number of radars handed over was not specified.",
])
def test_a_delivery_the_report_withholds_is_no_delivery(extractor, text):
    record = candidates(extractor, LEAD + text)
    assert not any(e["type"] == "DELIVERY" and e["evidence"]["start"] >= len(LEAD) for e in record["events"]), text


@pytest.mark.parametrize("text", [
    "The first radars were delivered to Kenya in March.",
    "Deliveries of the radars will begin in 2025.",
])
def test_a_delivery_told_still_is_one(extractor, text):
    record = candidates(extractor, LEAD + text)
    assert any(e["type"] == "DELIVERY" and e["evidence"]["start"] >= len(LEAD) for e in record["events"]), text



DEAL = "Chile has ordered six Type 31 frigates from Britain, the defence ministry said on Tuesday. "


def rule_types_after(extractor, lead: str, text: str) -> set[str]:
    return {e["type"] for e in rule_events(extractor, lead + text) if e["evidence"]["start"] >= len(lead)}


@pytest.mark.parametrize("text", [
    "Chile and Britain also signed a military agreement with each other on training crews for the Type 31 frigates.",
    "The two navies also signed the North Sea agreement to strengthen joint patrols by the Type 31 frigates.",
    "Chile and Britain signed a new strategic partnership accord covering the Type 31 frigates.",
])
def test_a_cooperation_pact_signed_is_an_agreement_not_a_deal_signed(extractor, text):
    assert rule_types_after(extractor, DEAL, text) == {"AGREEMENT"}, text


WEIGHED = "Peru is weighing 24 F-16 Block 70 jets from the United States, the defence ministry said on Tuesday. "


@pytest.mark.parametrize("lead,type_,text", [
    (WEIGHED, "DEAL_SIGNED", "In 2019 the president signed into law a bill authorizing the sale of 24 F-16 jets to Peru."),
    (WEIGHED, "DEAL_SIGNED", "In August the Peruvian president signed a defense bill that funds the F-16 jets."),
    (WEIGHED, "DEAL_SIGNED", "The F-16 contract, however, has not been signed yet."),
    (WEIGHED, "DEAL_SIGNED", "No F-16 contracts have yet been signed with the United States."),
    (WEIGHED, "DEAL_SIGNED", "The F-16 deal was never signed by Peru."),
    (DEAL, "DELIVERY", "Britain's shipyard failed to deliver the first Type 31 frigate to Chile on time."),
    (DEAL, "DELIVERY", "The Type 31 frigates have still not been delivered to Chile."),
    (DEAL, "DELIVERY", "The Type 31 frigates never arrived in Chile."),
])
def test_a_law_signed_or_a_signing_or_delivery_denied_is_no_such_rule_event(extractor, lead, type_, text):
    assert type_ not in rule_types_after(extractor, lead, text), text


@pytest.mark.parametrize("text", [
    "Peru signed the F-16 contract on Monday.",
    "Peru has signed the F-16 contract.",
])
def test_a_signing_told_is_still_a_deal_signed(extractor, text):
    assert "DEAL_SIGNED" in rule_types_after(extractor, WEIGHED, text), text


def types_of(extractor, text: str) -> set[str]:
    """The types of every event candidate of a text: the rules' and those proposed for the model."""
    return {e["type"] for e in candidates(extractor, text)["events"]}


# (type, sentence, whether an event of that type is proposed): each pattern beside sentences it must leave alone
TOLD_OR_NOT = [
    # "summit" as the attribute of what a summit set is no summit
    ("SUMMIT", "Greece met its Wales Summit pledge by spending more than 3% of its GDP on defence.", False),
    ("SUMMIT", "Poland and Lithuania both exceeded the summit target for defence spending last year.", False),
    ("SUMMIT", "Romania said the Madrid Summit commitments on air defence would shape its purchases.", False),
    ("SUMMIT", "The Vilnius summit decisions were discussed by the two defence ministers in Kyiv.", False),
    ("SUMMIT", "Leaders of Poland and Lithuania met at the NATO summit in Vilnius on Tuesday.", True),
    ("SUMMIT", "The summit of Poland and Lithuania's presidents took place in Warsaw on Tuesday.", True),
    # a visitor arriving or received is no delivery
    ("DELIVERY", "German Defence Minister Boris Pistorius is due to arrive in New Delhi today on a four-day visit to India.",
     False),
    ("DELIVERY", "The Indian minister will arrive in Manila on Monday for a three-day official visit.", False),
    ("DELIVERY", "Pistorius will receive his Ukrainian colleague Rustem Umerov in Berlin on Tuesday.", False),
    ("DELIVERY", "The Polish minister received a delegation from South Korea in Warsaw on Friday.", False),
    ("DELIVERY", "Indonesia's defence minister arrived in Paris on Monday on an official visit to France.", False),
    ("DELIVERY", "Egypt received its first Rafale jets from France on Monday.", True),
    ("DELIVERY", "The Rafale jets arrived in Egypt on Monday, a day before the president's visit.", True),
    ("DELIVERY", "The first two F-16 jets arrived in Taiwan in March from the United States.", True),
    # a delivery told as the plan it missed is no delivery
    ("DELIVERY", "The submarine, built by China for Thailand, was originally due for delivery in 2023, but an engine "
     "dispute held it up.", False),
    ("DELIVERY", "The corvette should have been handed over to Oman in 2011, but technical problems delayed it.", False),
    ("DELIVERY", "Deliveries of the Super Tucano to Brazil, initially planned for 2020, were held up by the pandemic.", False),
    ("DELIVERY", "Delivery of all 66 F-16 jets to Taiwan had been due by the end of 2026, but Lockheed Martin is late.", False),
    ("DELIVERY", "Brazil received the first Super Tucano in 2020, as initially planned.", True),
    ("DELIVERY", "The frigate was handed over to Egypt by France in June, as originally scheduled.", True),
    ("DELIVERY", "The jets, ordered from France in 2019, were delivered to Egypt in March.", True),
    ("DELIVERY", "The Tomahawk missiles from the United States will arrive in Japan in 2025, a year earlier than "
     "originally planned.", True),
]


@pytest.mark.parametrize("type_,text,told", TOLD_OR_NOT)
def test_an_attribute_summit_a_visit_or_a_missed_plan_is_no_event(extractor, type_, text, told):
    assert (type_ in types_of(extractor, text)) is told, text

def signed_on(extractor, text: str) -> list[str | None]:
    return [(e["date"] or {}).get("value") for e in rule_events(extractor, text) if e["type"] == "DEAL_SIGNED"]


@pytest.mark.parametrize("text,value", [
    # a signing told under a statement's date takes its own
    # (a bare month after the report's, June, in a clause in the past: last year's)
    ("Industry sources said on August 14 that Korea signed a contract in July to supply Vietnam with 20 K9 howitzers.",
     "2023-07"),
    ("The ministry said on Friday that Poland signed the K9 howitzer contract with South Korea in March.", "2024-03"),
    ("Officials announced on Monday that Egypt had signed a deal for 30 Rafale jets from France in February.", "2024-02"),
    # ... and one with no date of its own (another's is not its own) keeps the statement's
    ("The ministry said on Friday that Poland signed the K9 howitzer contract with South Korea, with deliveries in 2026.",
     "2024-05-31"),
    ("Poland signed the K9 howitzer contract with South Korea on Friday, the ministry said on Monday.", "2024-05-31"),
])
def test_a_signing_told_under_a_statements_date_takes_its_own(extractor, text, value):
    assert signed_on(extractor, text) == [value], text


PLAN = "Peru's defence ministry said on Tuesday that the air force will get new trainers from South Korea. "


@pytest.mark.parametrize("text", [
    "Peru has dropped a costly plan to buy 24 F-16 jets from the United States.",
    "The new government shelved its plans to acquire 24 F-16 jets from the United States.",
    "The president pledged to retreat from the country's plans to buy 24 F-16 jets from the United States.",
    "Lima has scrapped plans to purchase 24 F-16 jets from the United States.",
    "An earlier plan to buy 24 F-16 jets from the United States fell through in 2021.",
    "Asked whether Peru was interested in buying 24 F-16 jets from the United States, the minister said no.",
    "Reporters asked the minister if Peru wants to buy 24 F-16 jets from the United States.",
])
def test_a_plan_to_buy_given_up_is_no_request(extractor, text):
    assert "REQUEST" not in rule_types_after(extractor, PLAN, text), text


@pytest.mark.parametrize("text", [
    "Peru plans to buy 24 F-16 jets from the United States.",
    "Peru dropped the Mirage offer and now plans to buy 24 F-16 jets from the United States.",
    "After the earlier tender was cancelled, Peru plans to buy 24 F-16 jets from the United States.",
])
def test_a_plan_to_buy_still_held_is_a_request(extractor, text):
    assert "REQUEST" in rule_types_after(extractor, PLAN, text), text


def offer_words(text: str) -> list[str]:
    return [t.text for t in lexicon().find(text, 0) if t.kind in ("offer", "OFFER")]


@pytest.mark.parametrize("text", [
    "Saab says the Gripen is a fighter offering the best value for money.",
    "The pact strengthens the alliance, offering more opportunities for joint training.",
    "The new radar offers greater flexibility to the navy.",
    "The howitzer offers unmatched capabilities on rough ground.",
])
def test_offering_a_quality_is_no_offer(text):
    assert offer_words(text) == [], text


@pytest.mark.parametrize("text", [
    "Russia offered 24 Su-35 jets to Egypt.",
    "France is offering Rafale fighters to India.",
    "Sweden offers the Gripen at a lower price.",
    "The offer of 24 jets was made in May.",
])
def test_an_offer_of_arms_still_is_one(text):
    assert offer_words(text), text
