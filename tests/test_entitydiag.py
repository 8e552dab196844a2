"""The entities diagnostic (`learn/entitydiag.py`): misses and false entities matched as the scorer matches them,
tallied by kind and shape."""
from __future__ import annotations

from armsledger.learn.entitydiag import compare, table, tally

TEXT = ("Talks Resume In Geneva Over Tank Sale\nBy Ann Kowal\n\nPoland's defence ministry said it would buy tanks. "
        "The European Union welcomed it, Reuters reported.")


def test_compare_gives_each_miss_and_false_entity_a_shape():
    gold = {"entities": [{"kind": "country", "name": "Poland"}, {"kind": "organization", "name": "Polish MoD"},
                         {"kind": "organization", "name": "EU"}, {"kind": "location", "name": "Warsaw"},
                         {"kind": "country", "name": "Geneva"}]}
    pred = {"entities": [
        {"kind": "country", "name": "Poland"},
        {"kind": "organization", "name": "Polish Defence Ministry"},
        {"kind": "location", "name": "Geneva", "mentions": [{"start": 19, "end": 25, "text": "Geneva"}]},
        {"kind": "person", "name": "Ann Kowal", "role": "reporter"},
        {"kind": "organization", "name": "Reuters", "category": "news agency"},
        {"kind": "person", "name": "Talks Resume", "mentions": [{"start": 0, "end": 12, "text": "Talks Resume"}]},
        {"kind": "person", "name": "Yesterday Erdogan"},
        {"kind": "platform", "name": "fighter jets"},
        {"kind": "location", "name": "Ukrainian"},
    ]}
    tp, misses, falses = compare(gold, pred, TEXT)
    assert tp == 1
    assert set(misses) == {("organization", "form", "Polish MoD"), ("organization", "unfound", "EU"),
                           ("location", "absent", "Warsaw"), ("country", "kind", "Geneva")}
    assert set(falses) == {("organization", "form", "Polish Defence Ministry"), ("location", "kind", "Geneva"),
                           ("person", "byline", "Ann Kowal"), ("organization", "outlet", "Reuters"),
                           ("person", "headline", "Talks Resume"), ("person", "lead", "Yesterday Erdogan"),
                           ("platform", "generic", "fighter jets"), ("location", "demonym", "Ukrainian")}


def test_tally_and_table():
    gold = {"entities": [{"kind": "country", "name": "Poland"}, {"kind": "person", "name": "Jan Nowak"}]}
    pred = {"entities": [{"kind": "country", "name": "Poland"}, {"kind": "person", "name": "Ann Kowal", "role": "reporter"}]}
    missed, false, listing, counts = tally([("dev/x", gold, pred, "Jan Nowak ... By Ann Kowal")])
    assert counts == {"tp": 1, "fp": 1, "fn": 1}
    assert missed[("person", "unfound")] == 1 and false[("person", "byline")] == 1
    assert listing["extra:byline"] == ["dev/x\tperson\tAnn Kowal"]
    lines = table("false", false)
    assert "| byline | 0 | 1 | 0 | 0 | 0 | 1 |" in lines and lines[-1] == "| all | 0 | 1 | 0 | 0 | 0 | 1 |"
