"""What the figures' model reads about a candidate (`extract/figures_decide.py`) and a carrier's kind
(`values.find_quantities`): a sum that is a firm's books (never a value), a budget or aid, not a price
(`money:sum:*`); a count said to be the whole ("in all", "in total") or a fleet in service; a date in a sentence of a
clearance, a memorandum or a signature to come; a country's forces or ministry named in the sentence as the country
itself (`cty:*`).

The sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.extract import Extractor, figures_decide
from armsledger.model import Article


@pytest.fixture(scope="module")
def rules_only() -> Extractor:
    return Extractor(model=False)


def _candidates(extractor: Extractor, text: str, field: str, platform: str, buyer: str | None = None) -> dict:
    groups: list[figures_decide.Group] = []
    extractor(Article(text=text, published="2024-05-01"), figures=groups)
    return {fig.text: feats for g in groups if g.field == field and g.deal.platform.name == platform
            and (buyer is None or g.deal.recipient == buyer) for fig, feats in zip(g.figures, g.feats)}


@pytest.mark.parametrize("text, platform, sum_, kind", [
    ("Singapore will buy F-35 jets from the United States. The ministry expects to spend S$20 billion in the coming "
     "financial year.", "F-35", "S$20 billion", "budget"),
    ("Poland ordered Patriot systems from the United States as part of a USD 40 billion drive to modernise its forces.",
     "Patriot", "USD 40 billion", "budget"),
    ("Vietnam signed a deal for F-16 jets from the United States, which promised $18 million to help it pay.",
     "F-16", "$18 million", "aid"),
    ("Kenya ordered six MD 530F helicopters from the United States, which contributed $20 million in military aid.",
     "MD 530F", "$20 million", "aid"),
])
def test_a_sum_that_is_no_price_is_read_as_such(rules_only, text, platform, sum_, kind):
    cands = _candidates(rules_only, text, "value", platform)
    assert f"money:sum:{kind}" in cands[sum_]


@pytest.mark.parametrize("text, platform, price", [
    ("Poland signed a contract worth $2 billion for 48 K9 howitzers from South Korea.", "K9", "$2 billion"),
    ("India ordered 36 Rafale jets from France in a deal valued at EUR 7.8 billion.", "Rafale", "EUR 7.8 billion"),
    ("Greece bought six Rafale jets from France for 400 million euros.", "Rafale", "400 million euros"),
])
def test_a_price_is_no_such_sum(rules_only, text, platform, price):
    cands = _candidates(rules_only, text, "value", platform)
    assert not any(f.startswith("money:sum:") for f in cands[price])


@pytest.mark.parametrize("text, platform, whole, part", [
    ("Four F-16 jets landed in Baghdad on Monday. Iraq has ordered 36 F-16 jets in all from the United States.",
     "F-16", "36 F-16 jets", "Four F-16 jets"),
    ("Egypt ordered 24 Rafale jets from France in total; the first six Rafale jets arrived in May.",
     "Rafale", "24 Rafale jets", "six Rafale jets"),
    ("Norway bought 54 Leopard 2 tanks from Germany altogether, and 12 Leopard 2 tanks came last year.",
     "Leopard 2", "54 Leopard 2 tanks", "12 Leopard 2 tanks"),
])
def test_a_count_said_to_be_the_whole_is_read_as_such(rules_only, text, platform, whole, part):
    cands = _candidates(rules_only, text, "quantity", platform)
    assert "cue_after:total" in cands[whole]
    assert part not in cands or "cue_after:total" not in cands[part]


@pytest.mark.parametrize("text, platform, day, cue", [
    ("On Wednesday the Bulgarian government cleared the minister to sign the contract for eight F-16 jets from the "
     "United States.", "F-16", "Wednesday", "date:approval"),
    ("India's cabinet on 3 March approved the purchase of 12 Rafale jets from France.", "Rafale", "3 March",
     "date:approval"),
    ("On Thursday Saudi Arabia signed a memorandum of understanding with Russia on the purchase of S-400 systems.",
     "S-400", "Thursday", "date:nonbinding"),
    ("Brazil signed a letter of intent for 36 Gripen jets from Sweden in March.", "Gripen", "March",
     "date:nonbinding"),
    ("Peru is expected to sign the contract for 24 F-16 jets from the United States in June.", "F-16", "June",
     "date:to_sign"),
    ("Chile will sign a deal for four C295 aircraft from Spain in July, the minister said.", "C-295", "July",
     "date:to_sign"),
])
def test_a_date_beside_a_clearance_a_memorandum_or_a_signature_to_come_is_read_as_such(
        rules_only, text, platform, day, cue):
    cands = _candidates(rules_only, text, "signed", platform)
    assert cue in cands[day]


@pytest.mark.parametrize("text, platform, day", [
    ("India signed a contract for 36 Rafale jets from France on 23 September.", "Rafale", "23 September"),
    ("Poland ordered 48 K9 howitzers from South Korea in July.", "K9", "July"),
])
def test_a_plain_signature_date_has_none_of_those(rules_only, text, platform, day):
    cands = _candidates(rules_only, text, "signed", platform)
    assert not {"date:approval", "date:nonbinding", "date:to_sign"} & cands[day]


@pytest.mark.parametrize("text, platform, buyer, count", [
    ("Canada ordered 14 P-8A aircraft from the United States. The Indian Navy already flies 12 P-8A aircraft.",
     "P-8A", "CAN", "12 P-8A aircraft"),
    ("India signed for 36 Rafale jets from France. The Egyptian Air Force received 24 Rafale jets.",
     "Rafale", "IND", "24 Rafale jets"),
    ("Poland ordered 180 K2 tanks from South Korea. The Romanian defence ministry wants 54 K2 tanks.",
     "K2", "POL", "54 K2 tanks"),
])
def test_a_countrys_forces_or_ministry_make_the_sentence_that_countrys(rules_only, text, platform, buyer, count):
    cands = _candidates(rules_only, text, "quantity", platform, buyer)
    assert "cty:self" not in cands[count]
    assert {"cty:other_only", "cty:rival_only"} & cands[count]


@pytest.mark.parametrize("text, unit", [
    ("Egypt bought two French Mistral helicopter carriers.", "helicopter carrier"),
    ("Russia built two amphibious helicopter carriers for France.", "helicopter carrier"),
    ("Brazil ordered 86 VBTP MR wheeled armoured personnel carriers.", "vehicle"),
    ("Kenya received 12 troop carriers from China.", "vehicle"),
])
def test_a_carrier_is_counted_as_the_kind_its_noun_says(text, unit):
    from armsledger.extract.values import find_quantities

    assert [q.unit for q in find_quantities(text)] == [unit]


@pytest.mark.parametrize("text, platform, count, cue", [
    ("Ghana ordered four more Mi-17 helicopters from Russia. Ghana already flies ten Mi-17 helicopters.", "Mi-17",
     "ten Mi-17 helicopters", "cue:fleet"),
    ("Algeria ordered Su-30MKA jets from Russia, to join a fleet of 58 Su-30MKA jets.", "Su-30MKA", "58 Su-30MKA jets",
     "cue:fleet"),
    ("Ghana ordered four more Mi-17 helicopters from Russia, adding to the ten Mi-17 helicopters in service.", "Mi-17",
     "ten Mi-17 helicopters", "cue_after:in_service"),
    ("Peru signed for 12 KT-1 trainers from South Korea, beside the 20 KT-1 trainers it now flies.", "KT-1",
     "20 KT-1 trainers", "cue_after:in_service"),
])
def test_a_count_of_a_fleet_in_service_is_read_as_such(rules_only, text, platform, count, cue):
    cands = _candidates(rules_only, text, "delivered", platform)
    assert cue in cands[count]


@pytest.mark.parametrize("text, platform", [
    ("Poland signed a contract for 48 K9 howitzers from South Korea. Hanwha said its order backlog had reached "
     "30 trillion won.", "K9"),
    ("Russia delivered 12 Mi-35M helicopters to Nigeria; Rosoboronexport has an order backlog of more than "
     "$21 billion.", "Mi-35M"),
    ("Brazil ordered 36 Gripen jets from Sweden; Saab said its order backlog rose to SEK 190 billion.", "Gripen"),
    ("Qatar will buy 24 Typhoon jets from Britain, and BAE Systems said its order book stood at GBP 58 billion.",
     "Typhoon"),
    ("India ordered 26 Rafale M jets from France, and Dassault said its turnover reached EUR 6 billion.", "Rafale M"),
])
def test_a_firms_books_are_no_deals_value(extractor, text, platform):
    deals = {d["platform"]: d for d in extractor(Article(text=text, published="2024-05-01"))["deals"]}
    assert deals[platform]["value"] is None


def test_a_price_beside_a_firms_books_is_kept(extractor):
    text = ("Poland signed a $2.4 billion contract for 48 K9 howitzers from South Korea. Hanwha said its order "
            "backlog reached 30 trillion won.")
    deal = next(d for d in extractor(Article(text=text, published="2024-05-01"))["deals"] if d["platform"] == "K9")
    assert deal["value"]["amount"] == 2.4e9


@pytest.mark.parametrize("text, value, later", [
    ("The helicopters will be delivered next year.", "2025", True),
    ("The jets are due to be retired around 2026.", "2026", True),
    ("The first frigate is expected in June.", "2024-06", True),
    ("The contract was signed in April.", "2024-04", False),
    ("The deal was signed this month.", "2024-05", False),
    ("The contract was signed in 2019.", "2019", False),
])
def test_a_date_after_the_report_cannot_date_a_signing(rules_only, text, value, later):
    from datetime import date

    from armsledger.extract import dates
    from armsledger.extract.deals import Claim, Deal
    from armsledger.extract.entities import Entity

    ref = date(2024, 5, 1)
    dm = next(d for d in dates.find_dates(text, ref) if d.value == value)
    assert dates.after(dm, ref) is later
    d = Deal("RUS", "AGO", Entity("platform", "Mi-17"), False, 0, claims=[Claim("sign", False, False, 0)])
    d.signed = dm
    out = rules_only._deal(d, 2024, False, [], ref)
    assert (out["signed"] is None) is later


@pytest.mark.parametrize("text, value", [
    # a bare month later in the year than the report's, in a clause in the past: last year's
    ("Egypt received the first K9 howitzers from South Korea in August.", "2023-08"),
    ("The Rafale jets were handed over to India by France in August.", "2023-08"),
    ("Chile signed a contract for ten Black Hawks with the United States in July, officials said.", "2023-07"),
    ("The frigate arrived in Alexandria in August after a month at sea.", "2023-08"),
    # ... a statement's verb of saying, or a giving verb, in the past
    ("The defence minister said in August that Peru wants more helicopters.", "2023-08"),
    ("Officials told reporters in July that Peru is buying more helicopters.", "2023-07"),
    ("The navy stated in August that both corvettes are in service.", "2023-08"),
    ("Poland sent two batches of howitzers to Kyiv in July.", "2023-07"),
    # ... the clause in the future, or a participle of a thing to come: this year's
    ("France will deliver the first Rafale jets to India in August.", "2024-08"),
    ("The jets, to be delivered to India in August, are being built in Merignac.", "2024-08"),
    ("The contract is expected to be signed in July.", "2024-07"),
])
def test_a_bare_month_in_a_past_clause_is_in_the_past(text, value):
    from datetime import date

    from armsledger.extract import dates
    from armsledger.extract.pipeline import _future_marker, _past_marker
    found = dates.find_dates(text, date(2024, 6, 10), _future_marker(text), None, _past_marker(text))
    assert [d.value for d in found] == [value], text


@pytest.mark.parametrize("text, link", [
    ("Russia handed the first S-400 regiment over to India in 2021. Read also: Turkey receives its S-400 batteries",
     "Read also: Turkey receives its S-400 batteries"),
    ("The contract for 48 K2 tanks was signed in Warsaw. Related: Romania takes delivery of K9 howitzers",
     "Related: Romania takes delivery of K9 howitzers"),
    ("Deliveries are due to begin next year. See also: Egypt gets more Rafales", "See also: Egypt gets more Rafales"),
    ("Chile ordered ten Black Hawks. READ MORE - Peru buys eight helicopters", "READ MORE - Peru buys eight helicopters"),
])
def test_a_link_after_a_sentence_on_its_line_is_page_noise(text, link):
    from armsledger.extract.text import split
    got = {s.text: s.noise for s in split(text)}
    assert got[link] is True and not any(noise for t, noise in got.items() if t != link), got


@pytest.mark.parametrize("link", [
    "Read also: Poland received the first ten K2 tanks from South Korea",
    "Related: South Korea delivered ten K2 tanks to Poland",
])
def test_a_link_after_a_sentence_gives_no_delivery(rules_only, link):
    rec = rules_only(Article(text="Poland signed a contract for 48 K2 tanks with South Korea in July 2022. "
                                  f"{link}\nThe tanks will be built in Changwon.", published="2022-08-01"))
    assert [(d["platform"], d["status"], d["delivered"]) for d in rec["deals"]] == [("K2", "signed", None)]


@pytest.mark.parametrize("text, platform, signed", [
    # a date follows its verb: the signing's, though the delivery told after it is nearer
    ("Egypt signed a contract for 12 K9 howitzers with South Korea in 2022 and received the first in December 2022.",
     "K9", "2022"),
    ("Norway signed a deal for 52 F-35 jets with the United States in 2012 and received the first in 2017.",
     "F-35", "2012"),
    ("Chile, which ordered ten UH-60 helicopters from the United States in February 2021, took delivery of the first in "
     "March 2022.", "UH-60", "2021-02"),
    ("Poland ordered 48 K2 tanks from South Korea in 2022 and took delivery of the first ten in December 2022.",
     "K2", "2022"),
])
def test_a_signing_date_before_a_delivery_told_after_it_is_the_signings(rules_only, text, platform, signed):
    assert _signed(rules_only, text, platform) == [signed], text


def _signed(extractor: Extractor, text: str, platform: str) -> list[str | None]:
    rec = extractor(Article(text=text, published="2023-03-01"))
    return [(d["signed"] or {}).get("value") for d in rec["deals"] if platform in d["platform"]]


@pytest.mark.parametrize("text, platform", [
    # ... but not a date the delivery's phrase opens, where another verb has it ("struck by an earthquake")
    ("Chile bought three KC-135 tankers from the United States in 2009, and a week after the country was struck by an "
     "earthquake in February 2010 it received the first.", "KC-135"),
    ("Peru ordered two C-27J aircraft from Italy in 2013, and the country was struck by floods in June 2015 as it "
     "received the first.", "C-27J"),
])
def test_a_date_the_delivery_opens_is_not_the_signings(rules_only, text, platform):
    assert _signed(rules_only, text, platform) in ([None], [text.split(" in ")[1][:4]]), text


@pytest.mark.parametrize("text, platform, buyer, count, part", [
    # a sentence of two buyers' deals: the figure of one part is not the deal's whose buyer the other part names
    ("Denmark has delivered 19 F-16 jets to Ukraine, and it has now sold 24 F-16 jets to Argentina.", "F-16", "ARG",
     "19 F-16 jets", "cty:part:rival"),
    ("Denmark has delivered 19 F-16 jets to Ukraine, and it has now sold 24 F-16 jets to Argentina.", "F-16", "ARG",
     "24 F-16 jets", "cty:part:self"),
    ("Denmark has delivered 19 F-16 jets to Ukraine, and it has now sold 24 F-16 jets to Argentina.", "F-16", "UKR",
     "19 F-16 jets", "cty:part:self"),
    ("Germany has delivered 14 Leopard 2 tanks to Ukraine, and it has sold 10 Leopard 2 tanks to Chile.", "Leopard 2",
     "CHL", "14 Leopard 2 tanks", "cty:part:rival"),
])
def test_a_figure_in_the_part_of_a_sentence_naming_another_buyer_is_read_as_such(rules_only, text, platform, buyer,
                                                                                  count, part):
    cands = {**_candidates(rules_only, text, "quantity", platform, buyer),
             **_candidates(rules_only, text, "delivered", platform, buyer)}
    assert part in cands[count], sorted(x for x in cands[count] if x.startswith("cty:"))


@pytest.mark.parametrize("text, buyer, field, wrong", [
    ("Denmark has delivered 19 F-16 jets to Ukraine, and it has now sold 24 F-16 jets to Argentina.", "UKR",
     "quantity", 24.0),
    ("Denmark has delivered 19 F-16 jets to Ukraine, and it has now sold 24 F-16 jets to Argentina.", "ARG",
     "delivered", 19.0),
    ("Germany has delivered 14 Leopard 2 tanks to Ukraine, and it has sold 10 Leopard 2 tanks to Chile.", "UKR",
     "quantity", 10.0),
    ("Germany has delivered 14 Leopard 2 tanks to Ukraine, and it has sold 10 Leopard 2 tanks to Chile.", "CHL",
     "delivered", 14.0),
])
def test_the_rules_give_a_deal_no_figure_of_the_part_naming_another_buyer(rules_only, text, buyer, field, wrong):
    rec = rules_only(Article(text=text, published="2024-05-01"))
    deals = [d for d in rec["deals"] if d["recipient"] == buyer]
    assert deals, [(d["supplier"], d["recipient"]) for d in rec["deals"]]
    assert all((d.get(field) or {}).get("min") != wrong for d in deals), deals
