"""Deal recall (issue 9): a fleet the recipient holds, told as its possessor's, its operator's or "its" fleet
(`features.Featurizer._service`); apart, a held fleet that is the object of an upgrade or that a former Soviet
republic holds of Russian make. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats


def _svc(f: set[str]) -> set[str]:
    return {x for x in f if x.startswith("svc:")}


@pytest.mark.parametrize("text, key, how", [
    # the recipient as the possessor, right before the platform or before a fleet that lists it
    ("In 2011 Saab won a contest to replace Switzerland's fleet of Northrop Grumman F-5 Tigers.",
     ("USA", "CHE", "F-5"), "owner"),
    ("Peru's ageing MiG-29 fleet will be grounded next year.", ("RUS", "PER", "MiG-29"), "owner"),
    ("The new trainers join the Chilean Air Force fleet, which includes F-16 fighters and C-130 transports.",
     ("USA", "CHL", "C-130"), "owner"),
    # ... as the one that operates it, before it or after it
    ("Ghana already flies the Mi-17 and needs more helicopters.", ("RUS", "GHA", "Mi-17"), "operator"),
    ("Nigeria, which already operates the JF-17, wants more fighters.", ("PAK", "NGA", "JF-17"), "operator"),
    ("Algeria depends on Russia's Su-30 for its air defence.", ("RUS", "DZA", "Su-30"), "operator"),
    ("The Patriot is in service with Spain and Greece.", ("USA", "ESP", "Patriot"), "operator"),
    ("Some 40 Leopard 2 tanks serve with Chile's army.", ("DEU", "CHL", "Leopard 2"), "operator"),
    ("Hanwha showed the K9 howitzer in Cairo. Its operators include Egypt and Qatar.", ("KOR", "QAT", "K9"),
     "operator"),
    ("Ten C-130 transports are already in the Royal Norwegian Air Force's fleet.", ("USA", "NOR", "C-130"), "owner"),
    # ... as the sentence's first party, the platform "its"
    ("Colombia has picked the Gripen to replace its ageing fleet of Israeli Kfir jets.", ("ISR", "COL", "Kfir"),
     "subject"),
    ("Vietnam plans to retire its Su-22 fighter-bombers by 2030.", ("RUS", "VNM", "Su-22"), "subject"),
])
def test_a_fleet_the_recipient_holds(extractor, text, key, how):
    f = _svc(feats(extractor, text, key))
    assert {"svc:rec_holds", "svc:rec_" + how, "svc:rec_holds&origin"} <= f


def test_the_maker_only_with_origin(extractor):
    # another supplier of the held fleet: held, but not bought of its maker
    f = _svc(feats(extractor, "Colombia has picked Saab's Gripen fighters to replace its ageing fleet of Israeli Kfir "
                              "jets.", ("SWE", "COL", "Kfir")))
    assert "svc:rec_holds" in f and "svc:rec_holds&origin" not in f


@pytest.mark.parametrize("text, key", [
    # a purchase, no fleet held
    ("Egypt ordered 30 more Rafale jets from France in 2021.", ("FRA", "EGY", "Rafale")),
    ("India's order for 36 Rafale jets was signed in 2016.", ("FRA", "IND", "Rafale")),
    # the new platform bought to replace a fleet: not the fleet itself
    ("Colombia has picked the Gripen to replace its ageing fleet of Israeli Kfir jets.", ("SWE", "COL", "Gripen")),
    # a fleet held, but by another than the recipient
    ("Morocco flies F-16 fighter jets, whereas Algeria depends on Russia's Su-30.", ("RUS", "MAR", "Su-30")),
    ("Turkey, which already operates the F-16, said Greece had bought the Rafale.", ("FRA", "TUR", "Rafale")),
])
def test_no_fleet_held(extractor, text, key):
    assert not _svc(feats(extractor, text, key))


@pytest.mark.parametrize("text, key, apart", [
    # the object of an upgrade: the contract records no purchase
    ("India will upgrade its fleet of Su-30MKI jets with new radars.", ("RUS", "IND", "Su-30MKI"), "upgrade"),
    ("Talks covered the modernisation of the Su-30MKI jets flown by India.", ("RUS", "IND", "Su-30MKI"), "upgrade"),
    ("Chile plans to overhaul its F-16 fleet by 2027.", ("USA", "CHL", "F-16"), "upgrade"),
    # a former Soviet republic's fleet of Russian make: most often inherited from the USSR
    ("Ukraine still flies the Su-27 fighters it kept in 1991.", ("RUS", "UKR", "Su-27"), "ex_ussr"),
    ("Belarus operates the MiG-29 and plans to retire it.", ("RUS", "BLR", "MiG-29"), "ex_ussr"),
])
def test_a_held_fleet_apart(extractor, text, key, apart):
    f = _svc(feats(extractor, text, key))
    assert f == {"svc:rec_holds&" + apart}
