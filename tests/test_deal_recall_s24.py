"""Deal decision features (session 24): a list of countries brought in as examples of a platform's earlier buyers or
users ("such as", "among them", "after", "following", "its users are", "among the countries ... are", "its
customers –") in a sentence of holding, using or buying is a list of
holders (`features._HOLDERS_BEFORE`, `cue:holders`), whose members are no bystanders for `rec:not_taker_in_report`;
"in use by / in / with" a list of countries is "in service" with them.
Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_deal_features import feats

_NEW = "Peru ordered twelve K9 howitzers from South Korea. "
_RAFALE = "Serbia bought twelve Rafale jets from France. "


_HOLDERS = [
    (_NEW + "Other Baltic states such as Estonia and Latvia have bought the K9 before.", ("KOR", "LVA", "K9")),
    (_NEW + "Peru is the fifth army to use the K9, after Poland, Finland and Norway.", ("KOR", "FIN", "K9")),
    (_NEW + "Among the present users of the K9 are Estonia, Finland and Australia.", ("KOR", "AUS", "K9")),
    (_RAFALE + "The Rafale is flown by several air forces, among them those of Egypt, Qatar and Greece.",
     ("FRA", "QAT", "Rafale")),
    (_RAFALE + "Like Egypt and India, Serbia already operates French helicopters and will fly the Rafale.",
     ("FRA", "IND", "Rafale")),
    (_NEW + "Peru becomes the fourth buyer of the K9, following Egypt, India and Australia.", ("KOR", "IND", "K9")),
    (_NEW + "Among the nations the K9 has been exported to are Norway, Estonia and Egypt.", ("KOR", "EST", "K9")),
    (_RAFALE + "Three Rafale customers – Egypt, Qatar and Greece – have ordered more jets since.", ("FRA", "GRC", "Rafale")),
]
_IN_USE = [  # "in use by / in" is "in service with"
    (_NEW + "The K9 is now in use by Egypt, Finland and Norway.", ("KOR", "FIN", "K9")),
    (_RAFALE + "The Rafale is in use in Egypt and Greece.", ("FRA", "GRC", "Rafale")),
]


@pytest.mark.parametrize("text, key, cue", [(t, k, "rec:cue:holders") for t, k in _HOLDERS]
                         + [(t, k, "rec:cue:in_service") for t, k in _IN_USE])
def test_holders_list(extractor, text, key, cue):
    f = feats(extractor, text, key)
    assert cue in f
    assert "rec:not_taker_in_report" not in f


@pytest.mark.parametrize("text, key", [
    # a list of examples in a sentence that tells of no holding, use or purchase
    (_NEW + "Neighbours such as Chile and Bolivia protested against the K9 deal.", ("KOR", "CHL", "K9")),
    (_RAFALE + "Countries like Croatia and Hungary criticised the Rafale purchase.", ("FRA", "HRV", "Rafale")),
    # a single country after "after" is no list
    (_NEW + "The K9 was shown after Chile asked about artillery.", ("KOR", "CHL", "K9")),
    # words between "following" / "after" / "including" and the list: the list is of something else (review mend)
    (_RAFALE + "Serbia bought the Rafale following talks with Egypt, India and Qatar.", ("FRA", "IND", "Rafale")),
    (_NEW + "Peru ordered the K9 after long visits to Egypt, India and Australia.", ("KOR", "EGY", "K9")),
    (_RAFALE + "Serbia ordered the Rafale after talks with Greece, Croatia and Egypt.", ("FRA", "GRC", "Rafale")),
])
def test_no_holders_list(extractor, text, key):
    assert "rec:cue:holders" not in feats(extractor, text, key)
