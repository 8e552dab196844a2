"""Entities for reports whose names no catalogue holds (session 32): a firm told by its head's title ("chief
executive of Brandova", "Brandova CEO Jan Novak"), by what was bought from it ("ordered 200 rifles from
Vektorix") or by its contract ("a contract with Vektorix", "Korvant won a contract"); makers and kit of thin
regions the catalogues name bare ("Sellier & Bellot", "Kentaurus"). Sentences written for these tests."""
from __future__ import annotations

import pytest
from found import entities, record


@pytest.mark.parametrize("text, firm", [
    # a firm told by its head's title
    ("Jan Novak, chief executive of Brandova, said the first vehicles would be delivered in 2026.", "Brandova"),
    ("Maria Sorel, the CEO of Talvion Arms, declined to comment on the tender.", "Talvion Arms"),
    ("Piet Hals, managing director of Korvant, signed the offset agreement.", "Korvant"),
    ("Brandova chief executive Jan Novak said deliveries would start next year.", "Brandova"),
    ("Korvant CEO Piet Hals told reporters the plant would double its output.", "Korvant"),
    ("Talvion's chief executive Maria Sorel said the rifles had passed trials.", "Talvion"),
    # a firm told by what was bought from it
    ("The army ordered 200 rifles from Vektorix under a deal signed last week.", "Vektorix"),
    ("The ministry bought six drones from Aerovektor, the statement said.", "Aerovektor"),
    ("The coast guard will purchase two patrol boats from Marvell Yards for $40 million.", "Marvell Yards"),
    ("Last year the navy acquired four sonars from Oskant and had them fitted in Gdansk.", "Oskant"),
    # makers of thin regions the catalogue names bare
    ("The army bought 9 mm ammunition from Sellier & Bellot.", "Sellier & Bellot"),
    ("The CB90 boats were built by Dockstavarvet in the north of Sweden.", "Dockstavarvet"),
    ("Escribano will supply the remote weapon stations.", "Escribano Mechanical & Engineering"),
    ("Innoson will assemble the armoured vehicles in Nnewi.", "Innoson Vehicle Manufacturing"),
    ("The frigate was refitted at Brodosplit last year.", "Brodosplit"),
    # the sentence's stop is no part of the name; a legal form's is
    ("The navy ordered the sonars from Oskant. Delivery is due in 2027.", "Oskant"),
    ("The air force bought the trainers from Talvion.", "Talvion"),
    # a firm told by its contract
    ("The navy signed a contract with Vektorix for six patrol boats.", "Vektorix"),
    ("The ministry awarded Brandova a $40 million contract for radars.", "Brandova"),
    ("Korvant won a $40 million contract to supply the radars.", "Korvant"),
    ("The radars will be supplied by Oskant under the deal.", "Oskant"),
    ("In March Talvion was awarded a contract for howitzers.", "Talvion"),
])
def test_firm_no_catalogue_holds_or_named_bare(text, firm):
    assert firm in entities(text, "organization")


@pytest.mark.parametrize("text, not_firm", [
    # a country, a title, a people's name and a sentence's opener are no firm
    ("Hungary ordered 44 tanks from Germany in 2018.", "Germany"),
    ("The rebels bought rifles from President Kowal's guards, the report said.", "President Kowal"),
    ("The navy bought radars from Korean yards in 2019.", "Korean"),
    ("Outgoing CEO Jan Novak said the tender had been fair.", "Outgoing"),
    ("New CEO Piet Hals takes over in March.", "New"),
    # by its contract: no pronoun, country or title is a firm
    ("We won a contract for the radars, the company said.", "We"),
    ("Poland signed a deal with South Korea for tanks.", "South Korea"),
    ("The army signed an agreement with President Kowal's office.", "President Kowal"),
])
def test_not_a_firm(text, not_firm):
    assert not_firm not in entities(text, "organization")


@pytest.mark.parametrize("text, platform, country", [
    ("The Greek army will upgrade its Kentaurus vehicles next year.", "Kentaurus", "GRC"),
    ("Slovakia ordered 30 Aligator 4x4 vehicles for its special forces.", "Aligator 4x4", "SVK"),
    ("Egypt showed the Temsah armoured vehicle at the exhibition.", "Temsah", "EGY"),
    ("Romania will replace its MLI-84M Jderul fighting vehicles.", "MLI-84M", "ROU"),
    ("Argentina flew the IA-100 Malvina trainer for the first time.", "IA-100 Malvina", "ARG"),
    ("The Colombian Air Force ordered more T-90 Calima trainers.", "T-90 Calima", "COL"),
    ("Croatia will keep its Degman tanks in service until 2035.", "Degman", "HRV"),
])
def test_platforms_of_thin_regions(text, platform, country):
    found = {e["name"]: e for e in record(text)["entities"] if e["kind"] == "platform"}
    assert platform in found and found[platform]["country"] == country
