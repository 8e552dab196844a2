"""What tells the deal model a candidate is no deal (issue 9's precision): another country named as the seller, a
recipient that sells, a platform passed over, replaced or carried; and thresholds that hold the precision bar for the
deals the model opens itself. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.learn.fit import Row, best_thresholds
from test_deal_features import feats


@pytest.mark.parametrize("feature, text, maker, seller", [
    # the maker's country is not the seller where the report names the one that sells, gives or hands it over
    ("other_seller", "Chile has bought 12 second-hand F-16 fighter jets from the Netherlands.", ("USA", "CHL", "F-16"),
     ("NLD", "CHL", "F-16")),
    ("other_seller", "Ghana received four Mi-17 helicopters from Ukraine last month.", ("RUS", "GHA", "Mi-17"),
     ("UKR", "GHA", "Mi-17")),
    ("other_seller", "Poland will give 14 Leopard 2 tanks to Ukraine, its defence minister said.",
     ("DEU", "UKR", "Leopard 2"), ("POL", "UKR", "Leopard 2")),
    # ... nor where the maker (or a partner of it) is never named in a sentence of the platform and another country
    # is: a pair or list of signatories, a counterpart, a donor thanked
    ("other_named", "Argentina and Denmark signed an agreement for 24 used F-16 fighter jets on Tuesday.",
     ("USA", "ARG", "F-16"), ("DNK", "ARG", "F-16")),
    ("other_named", "Nigeria's air force inducted three Mi-35 helicopters bought from Belarus.", ("RUS", "NGA", "Mi-35"),
     ("BLR", "NGA", "Mi-35")),
    ("other_named", "Kenya thanked the United States for twelve Bastion armoured vehicles handed over in Nairobi.",
     ("FRA", "KEN", "Arquus Bastion"), ("USA", "KEN", "Arquus Bastion")),
])
def test_a_maker_is_told_that_another_country_is_named_as_the_seller(extractor, feature, text, maker, seller):
    assert {f"sib:{feature}", f"sib:{feature}&origin"} <= feats(extractor, text, maker)
    assert not {x for x in feats(extractor, text, seller) if x.startswith(f"sib:{feature}")}


@pytest.mark.parametrize("text, key", [
    ("Chile has bought 12 second-hand F-16 fighter jets from the Netherlands.", ("USA", "NLD", "F-16")),
    ("Ghana received four Mi-17 helicopters from Ukraine last month.", ("RUS", "UKR", "Mi-17")),
    ("Poland will give 14 Leopard 2 tanks to Ukraine, its defence minister said.", ("DEU", "POL", "Leopard 2")),
])
def test_a_recipient_named_as_the_seller_of_the_platform_is_said_to_sell(extractor, text, key):
    assert "sib:rec_sells" in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Romania chose the K9 howitzer over the French CAESAR after a year of trials.", ("FRA", "ROU", "Caesar")),
    ("Greece opted for the Belharra frigate over the Italian FREMM and the Dutch offer.", ("ITA", "GRC", "FREMM")),
    ("Switzerland will buy the F-35, passing over the Rafale offered by Dassault.", ("FRA", "CHE", "Rafale")),
    ("Bulgaria bought the F-16 instead of the Gripen, the ministry said.", ("SWE", "BGR", "Gripen")),
    ("Thailand has turned down an offer of Russian Su-35 fighters and will buy more Gripens.", ("RUS", "THA", "Su-35")),
    ("Finland's ministry said the rival Eurofighter Typhoon bid would have cost more.",
     ("DEU", "FIN", "Eurofighter Typhoon")),
])
def test_a_platform_passed_over_or_a_rival_is_said_so(extractor, text, key):
    assert "lost:passed_over" in feats(extractor, text, key)


@pytest.mark.parametrize("text, key", [
    ("Romania ordered 54 K9 howitzers from South Korea last year.", ("KOR", "ROU", "K9")),
    ("Greece signed for three Belharra frigates from France over the weekend.", ("FRA", "GRC", "FDI")),
    ("Bulgaria received the first F-16 from the United States over the summer.", ("USA", "BGR", "F-16")),
])
def test_a_platform_bought_is_not_passed_over(extractor, text, key):
    assert not {x for x in feats(extractor, text, key) if x.startswith("lost")}


@pytest.mark.parametrize("text, key, cue", [
    ("Canada ordered 16 C295 aircraft from Airbus to replace its old Hercules transports.", ("USA", "CAN", "C-130"),
     "replaces"),
    ("Argentina will buy F-16s from Denmark to succeed its retired Mirage III jets.", ("FRA", "ARG", "Mirage III"),
     "replaces"),
    ("The Philippines bought two helicopters from Italy that will fly aboard the BRP Jose Rizal.",
     ("ITA", "PHL", "BRP Jose Rizal"), "aboard"),
    ("Japan will buy Tomahawk missiles from the United States for its Aegis-equipped destroyers.",
     ("USA", "JPN", "Aegis Combat System"), "aboard"),
])
def test_a_platform_replaced_or_carrying_the_purchase_is_said_so(extractor, text, key, cue):
    assert f"lost:{cue}" in feats(extractor, text, key)


def _rows(n_rule_ok, n_rule_bad, own: list[tuple[float, int]]) -> tuple[list[Row], list[float]]:
    rows, scores = [], []
    for i in range(n_rule_ok + n_rule_bad):
        rows.append(Row(f"r{i}", {"rule:deal"}, int(i < n_rule_ok), key=("A", f"R{i}", f"p{i}")))
        scores.append(0.9)
    for i, (s, y) in enumerate(own):
        rows.append(Row(f"o{i}", {"rule:none"}, y, key=("B", f"S{i}", f"q{i}")))
        scores.append(s)
    return rows, scores


def test_the_deals_the_model_opens_hold_the_precision_bar_of_their_own():
    # the rules' deals are precise (95 of 100); the model's own are 4 in 5 precise from 0.6, all precise above it
    own = [(0.85, 1)] * 6 + [(0.6, 1)] * 6 + [(0.6, 0)] * 3
    rows, scores = _rows(95, 5, own)
    labels = [r.label for r in rows]
    pooled = best_thresholds(rows, scores, labels, own_bar=False, steady=False)
    assert pooled[1] <= 0.6  # the rules' margin is spent on the model's own deals: 3 in 15 wrong
    own_bar = best_thresholds(rows, scores, labels, own_bar=True, steady=False)
    assert 0.6 < own_bar[1] <= 0.85
    assert own_bar[0] <= 0.9  # the rules' deals are kept


def test_a_steady_threshold_is_not_set_at_the_last_grid_step_before_the_precision_falls_below_the_bar():
    # from 0.46 up all 26 kept are right but 2; at 0.44 twenty wrong ones come in: the threshold that maximises F1
    # stands right at that edge, the steady one a step back from it
    own = [(0.8, 1)] * 20 + [(0.69, 0)] * 2 + [(0.67, 1)] * 6 + [(0.45, 0)] * 20
    rows, scores = _rows(0, 0, own)
    labels = [r.label for r in rows]
    assert best_thresholds(rows, scores, labels, own_bar=False, steady=False)[1] == 0.46
    assert best_thresholds(rows, scores, labels, own_bar=False, steady=True)[1] == 0.48


@pytest.mark.parametrize("text, key", [
    ("India ordered 26 Rafale M fighters for its carriers last year.", ("FRA", "IND", "Rafale M")),
    ("Vietnam took delivery of two more Kilo-class submarines in January.", ("RUS", "VNM", "Kilo class")),
])
def test_a_maker_alone_in_its_sentence_is_not_told_another_is_named(extractor, text, key):
    assert not {x for x in feats(extractor, text, key) if "other_named" in x}


def _kept(extractor, text: str, passing) -> tuple[set, set]:
    """Each candidate's key, and the keys still kept where the thresholds pass those `passing` holds (a set, or a
    test of a key) (`decide.overrule`)."""
    from armsledger.extract import decide
    from armsledger.model import Article

    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    keys = [(None, *c.key) for c, _, _ in rows]
    passes = passing if callable(passing) else passing.__contains__
    kept = decide.overrule([passes(k[1:]) for k in keys], decide.overruled(keys, [f for _, f, _ in rows]))
    return {k[1:] for k in keys}, {k[1:] for k, y in zip(keys, kept) if y}


@pytest.mark.parametrize("text, maker, seller", [
    # a second-hand sale, a gift from a state's stocks, a partner's export, a licence build: the seller named
    ("Chile has bought 12 second-hand F-16 fighter jets from the Netherlands.", ("USA", "CHL", "F-16"),
     ("NLD", "CHL", "F-16")),
    ("Ghana received four Mi-17 helicopters from Ukraine last month.", ("RUS", "GHA", "Mi-17"),
     ("UKR", "GHA", "Mi-17")),
    ("Poland will give 14 Leopard 2 tanks to Ukraine, its defence minister said.", ("DEU", "UKR", "Leopard 2"),
     ("POL", "UKR", "Leopard 2")),
    ("Slovakia donated its MiG-29 fighters to Ukraine in March.", ("RUS", "UKR", "MiG-29"), ("SVK", "UKR", "MiG-29")),
])
def test_the_maker_gives_way_to_the_seller_the_report_names(extractor, text, maker, seller):
    keys, kept = _kept(extractor, text, {maker, seller})
    assert {maker, seller} <= keys
    assert seller in kept and maker not in kept


@pytest.mark.parametrize("text, maker", [
    # no other country named: the maker stands
    ("Peru bought two C-27J transport aircraft in 2013.", ("ITA", "PER", "C-27J")),
    ("Egypt has ordered 30 more Rafale jets from France.", ("FRA", "EGY", "Rafale")),
    # the other seller named only through its company is a maker too, no rival
    ("Uzbekistan ordered four C295 transport aircraft from Airbus.", ("ESP", "UZB", "C-295")),
    ("Canada ordered 16 C295 aircraft from Airbus, the company said.", ("ESP", "CAN", "C-295")),
])
def test_a_maker_no_named_country_sells_for_stands(extractor, text, maker):
    # every supplier of the recipient and platform passes
    keys, kept = _kept(extractor, text, lambda k: k[1:] == maker[1:])
    assert maker in keys and maker in kept


@pytest.mark.parametrize("text, lost, bought", [
    ("Romania chose the K9 howitzer over the French CAESAR after a year of trials.", ("FRA", "ROU", "Caesar"),
     ("KOR", "ROU", "K9")),
    ("Bulgaria bought the F-16 from the United States instead of the Gripen, the ministry said.",
     ("SWE", "BGR", "Gripen"), ("USA", "BGR", "F-16")),
    ("Thailand has turned down an offer of Russian Su-35 fighters and will buy more Gripens from Sweden.",
     ("RUS", "THA", "Su-35"), ("SWE", "THA", "Gripen")),
    ("The Philippines bought two helicopters from Italy that will fly aboard the BRP Jose Rizal.",
     ("ITA", "PHL", "BRP Jose Rizal"), ("ITA", "PHL", "helicopters")),
    # a losing bidder's offer
    ("Peru bought K9 howitzers from South Korea; Nexter, which had offered its CAESAR, protested.",
     ("FRA", "PER", "Caesar"), ("KOR", "PER", "K9")),
    ("Croatia signed for Rafale jets from France. Sweden, which had also offered the Gripen, was told on Monday.",
     ("SWE", "HRV", "Gripen"), ("FRA", "HRV", "Rafale")),
    # the bid lost or withdrawn
    ("Romania ordered K9 howitzers from South Korea. The French CAESAR bid ended in defeat.",
     ("FRA", "ROU", "Caesar"), ("KOR", "ROU", "K9")),
    ("Colombia will buy Gripen fighters from Sweden; the F-16 offer was eliminated in March.",
     ("USA", "COL", "F-16"), ("SWE", "COL", "Gripen")),
    # the option discarded, plans denied or none
    ("Peru bought KAI KT-1 trainers from South Korea. Peru also looked at the Super Tucano, but the option was "
     "discarded before the vote.", ("BRA", "PER", "A-29"), ("KOR", "PER", "KT-1")),
    ("Egypt received Rafale jets from France and has no plans to buy Su-35 fighters, the ministry said.",
     ("RUS", "EGY", "Su-35"), ("FRA", "EGY", "Rafale")),
    ("Indonesia ordered Rafale jets from France and denied plans to buy Su-35 fighters.",
     ("RUS", "IDN", "Su-35"), ("FRA", "IDN", "Rafale")),
    ("Chile signed for Gripen jets from Sweden; the US had withdrawn its offer of F-16 fighters.",
     ("USA", "CHL", "F-16"), ("SWE", "CHL", "Gripen")),
])
def test_a_platform_every_mention_tells_passed_over_or_carried_is_no_deal(extractor, text, lost, bought):
    keys, kept = _kept(extractor, text, {lost, bought})
    assert {lost, bought} <= keys
    assert bought in kept and lost not in kept


@pytest.mark.parametrize("text, key", [
    # a rival considered is not passed over
    ("India is weighing contenders like the Rafale for its next fighter, the ministry said.", ("FRA", "IND", "Rafale")),
    # passed over in one mention, bought in another
    ("Chile first rejected the Gripen. Last year Chile signed for 12 Gripen fighters from Sweden.",
     ("SWE", "CHL", "Gripen")),
    # a bidder that won, a plan made, an offer still open
    ("Peru bought 12 CAESAR howitzers from France, which had waited two years for the order.", ("FRA", "PER", "Caesar")),
    ("Egypt has ordered 30 more Rafale jets from France and plans to buy more.", ("FRA", "EGY", "Rafale")),
    ("Colombia will buy 16 Gripen fighters from Sweden, and no other offer was heard.", ("SWE", "COL", "Gripen")),
])
def test_a_platform_not_passed_over_at_every_mention_is_not_overruled(extractor, text, key):
    keys, kept = _kept(extractor, text, {key})
    assert key in keys and key in kept


@pytest.mark.parametrize("text, maker, other", [
    # leave given names no seller: the country that gives it stands before no giving verb
    ("Washington had already given its approval to Poland for 40 Leopard 2 tanks.", ("DEU", "POL", "Leopard 2"),
     ("USA", "POL", "Leopard 2")),
    ("France has given the green light to Serbia for twelve Leopard 2 tanks.", ("DEU", "SRB", "Leopard 2"),
     ("FRA", "SRB", "Leopard 2")),
    ("Germany gave its consent to Peru for four Rafale jets, officials said.", ("FRA", "PER", "Rafale"),
     ("DEU", "PER", "Rafale")),
])
def test_a_country_giving_leave_is_not_told_to_give(extractor, text, maker, other):
    assert "sib:other_seller" not in feats(extractor, text, maker)
    assert "sup:dir:give:before" not in feats(extractor, text, other)


@pytest.mark.parametrize("text, rival, bought", [
    # a recipient named, wherever the platform's sentence names it, as the maker of another platform: a rival maker
    ("Indonesia picked the T-50, sidelining its competitors, the L-159 from the Czech Republic and the Russian "
     "Yak-130.", ("KOR", "CZE", "T-50"), ("KOR", "IDN", "T-50")),
    ("Brazil chose the Gripen from Sweden over the Rafale from France and the F/A-18 of the United States.",
     ("SWE", "FRA", "Gripen"), ("SWE", "BRA", "Gripen")),
    ("Ghana will acquire four Z-9 helicopters from China and five Super Tucano aircraft from Brazil.",
     ("BRA", "CHN", "A-29"), ("BRA", "GHA", "A-29")),
    ("Kenya ordered 12 Bastion vehicles from France, and the Turkish-made Otokar Cobra lost the tender.",
     ("FRA", "TUR", "vehicles"), ("FRA", "KEN", "vehicles")),
])
def test_a_recipient_named_only_as_another_platforms_maker_is_no_buyer(extractor, text, rival, bought):
    assert "rec_all:makes_other" in feats(extractor, text, rival)
    assert "rec_all:makes_other" not in feats(extractor, text, bought)
    keys, kept = _kept(extractor, text, {rival, bought})
    assert {rival, bought} <= keys
    assert bought in kept and rival not in kept


@pytest.mark.parametrize("text, key", [
    # the maker of another platform that buys this one in another mention, or that makes this one too
    ("Taiwan bought two Perry-class frigates from the US. The Perry frigates will serve beside the Taiwanese-made "
     "Cheng Kung-class ships, which Taiwan also operates.", ("USA", "TWN", "Oliver Hazard Perry class")),
    ("India signed for 26 Rafale M jets from France, to fly from the Indian-built INS Vikrant.",
     ("FRA", "IND", "Rafale M")),
])
def test_a_recipient_also_named_as_a_buyer_is_not_overruled(extractor, text, key):
    assert "rec_all:makes_other" not in feats(extractor, text, key)


@pytest.mark.parametrize("text, maker, seller", [
    # a platform told second-hand: before it or after it
    ("Argentina and Denmark signed a deal for 24 second-hand F-16 fighter jets.", ("USA", "ARG", "F-16"),
     ("DNK", "ARG", "F-16")),
    ("Indonesia dropped a plan to buy Mirage 2000-5 jets that Qatar had flown for years.",
     ("FRA", "IDN", "Mirage 2000-5"), ("QAT", "IDN", "Mirage 2000-5")),
    ("Romania will buy 32 used F-16 jets from Norway.", ("USA", "ROU", "F-16"), ("NOR", "ROU", "F-16")),
    ("The Philippines received an ex-Navy Hamilton-class cutter that the United States had decommissioned.",
     ("USA", "PHL", "Gregorio del Pilar class"), None),
    ("Chile bought Leopard 2 tanks formerly operated by the Netherlands.", ("DEU", "CHL", "Leopard 2"),
     ("NLD", "CHL", "Leopard 2")),
])
def test_a_second_hand_platform_is_said_so(extractor, text, maker, seller):
    assert "used&sup:origin" in feats(extractor, text, maker)
    if seller:
        assert "used&sup:not_origin" in feats(extractor, text, seller)


@pytest.mark.parametrize("text, key", [
    ("Chile bought 12 new F-16 jets from the United States.", ("USA", "CHL", "F-16")),
    ("Romania used its budget to buy F-16 jets from the United States.", ("USA", "ROU", "F-16")),
    ("The F-16 jets that Romania ordered have arrived.", ("USA", "ROU", "F-16")),
])
def test_a_new_platform_is_not_said_second_hand(extractor, text, key):
    assert not {x for x in feats(extractor, text, key) if x.startswith("used&")}


@pytest.mark.parametrize("text, blocker, bought", [
    # a recipient named, wherever the platform's sentence names it, as the one blocking, vetoing, banning,
    # sanctioning or refusing a licence: no buyer
    ("Britain blocked the sale of a dozen FA-50 jets to Argentina because the jets carry British ejection seats.",
     ("KOR", "GBR", "FA-50"), ("KOR", "ARG", "FA-50")),
    ("Vietnam has put off its order for Su-30 fighters, since Washington has threatened sanctions on any buyer.",
     ("RUS", "USA", "Su-30"), ("RUS", "VNM", "Su-30")),
    ("Egypt may not get its Rafale jets soon after the United States refused an export licence for their missiles.",
     ("FRA", "USA", "Rafale"), ("FRA", "EGY", "Rafale")),
    ("Algeria wants more Su-57 jets despite the threat of US sanctions.", ("RUS", "USA", "Su-57"),
     ("RUS", "DZA", "Su-57")),
    ("Germany vetoed the export of Eurofighter Typhoon jets to Saudi Arabia for two years.",
     ("GBR", "DEU", "Eurofighter Typhoon"), ("GBR", "SAU", "Eurofighter Typhoon")),
    ("Thailand's purchase of a submarine from China stalled after Germany's refusal to supply the diesel engines.",
     ("CHN", "DEU", "submarine"), ("CHN", "THA", "submarine")),
    # named twice in the sentence, once as the blocker
    ("Argentina ordered FA-50 jets from South Korea, but Britain has vetoed the sale over British-made parts in "
     "the FA-50.", ("KOR", "GBR", "FA-50"), ("KOR", "ARG", "FA-50")),
])
def test_a_recipient_named_only_as_blocking_or_sanctioning_is_no_buyer(extractor, text, blocker, bought):
    assert "rec_all:blocks" in feats(extractor, text, blocker)
    assert "rec_all:blocks" not in feats(extractor, text, bought)
    keys, kept = _kept(extractor, text, {blocker, bought})
    assert {blocker, bought} <= keys
    assert bought in kept and blocker not in kept


@pytest.mark.parametrize("text, key", [
    # a buyer whose own purchase is blocked (a cancelled deal is a deal), one blocked or sanctioned by another, one
    # named as a buyer in another sentence
    ("Swiss voters blocked a deal to buy 22 Gripen jets from Sweden.", ("SWE", "CHE", "Gripen")),
    ("Turkey's purchase of the S-400 from Russia was blocked by nobody.", ("RUS", "TUR", "S-400")),
    ("Turkey, sanctioned by Washington over it, took the S-400 from Russia.", ("RUS", "TUR", "S-400")),
    ("India bought S-400 batteries from Russia. India has refused an export licence for BrahMos parts to go "
     "with its S-400 units.", ("RUS", "IND", "S-400")),
])
def test_a_buyer_named_beside_a_block_is_not_overruled(extractor, text, key):
    assert "rec_all:blocks" not in feats(extractor, text, key)  # (`feats` asserts the candidate is there)


@pytest.mark.parametrize("text, key", [
    # an airliner named only by its maker's model, in sentences of no arms: ordered by airlines, not armed forces
    # (each report also tells of arms elsewhere, else it is no defence news and has no candidate at all)
    ("The air force flew its new fighter jets over the Dubai Airshow. Flydubai signed there for 30 Boeing 787 "
     "planes.", ("USA", "ARE", "Boeing 787")),
    ("Turkish Airlines will buy 50 Airbus A321 planes, the carrier said on Monday. Turkey's defence ministry also "
     "ordered 20 Hurjet trainers.", ("FRA", "TUR", "Airbus A321")),
    ("Kenya Airways took delivery of two Boeing 737 jets in Nairobi. Kenya's army received armoured vehicles from "
     "France the same week.", ("USA", "KEN", "Boeing 737")),
])
def test_an_airliner_is_no_arms_deal(extractor, text, key):
    assert "plat_all:civil" in feats(extractor, text, key)
    _, kept = _kept(extractor, text, lambda k: True)
    assert key not in kept


@pytest.mark.parametrize("text, key", [
    ("The Indian Air Force ordered six Airbus A321 aircraft from France for airborne early warning.",
     ("FRA", "IND", "Airbus A321")),
    ("Indonesia's military bought two Boeing 737 planes from the United States for maritime patrol.",
     ("USA", "IDN", "Boeing 737")),
])
def test_an_airliner_bought_by_forces_is_not_said_civil(extractor, text, key):
    assert "plat_all:civil" not in feats(extractor, text, key)

