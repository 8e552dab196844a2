"""The catalogues: big enough, consistent, and open to a user's own files."""
from __future__ import annotations

import pytest

from armsledger import Article, CatalogueError, Extractor
from armsledger.catalogue import load


def test_packaged_catalogues_have_no_problems():
    assert load().check() == []


@pytest.mark.parametrize("kind, at_least", [("platform", 500), ("organization", 300), ("country", 193),
                                             ("location", 200), ("office", 50), ("person", 100)])
def test_catalogues_cover_the_arms_trade_at_large(kind, at_least):
    assert len(load().of_kind(kind)) >= at_least


@pytest.mark.parametrize("alias, name", [("Sukhoi-30", "Su-30"), ("S-400 Triumf", "S-400"), ("SA-21", "S-400"),
                                          ("Su-30MKI", "Su-30MKI"), ("F/A-18", "F/A-18 Hornet"), ("BrahMos", "BrahMos")])
def test_platform_aliases_resolve_to_the_canonical_designation(extractor, alias, name):
    rec = extractor(Article(text=f"The {alias} was shown."))
    first = [e for e in rec["entities"] if e["kind"] == "platform"][0]
    assert first.get("canonical", first["name"]) in (name, name.split()[0])


@pytest.mark.parametrize("alias, name", [("Sukhoi-30", "Su-30"), ("S-400 Triumf", "S-400"), ("SA-21", "SA-21")])
def test_a_platform_is_named_as_written_unless_the_catalogue_name_is_written_out(extractor, alias, name):
    rec = extractor(Article(text=f"The {alias} was shown."))
    assert [e["name"] for e in rec["entities"] if e["kind"] == "platform"][:1] == [name]


def test_a_users_catalogue_adds_platforms(tmp_path):
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "mine.yaml").write_text(
        "zx-9000:\n  name: ZX-9000\n  aliases: [Stormcrow]\n  category: unmanned aerial vehicle\n  country: NOR\n",
        encoding="utf-8")
    ex = Extractor(load(tmp_path))
    rec = ex(Article(text="Poland signed a contract for 12 Stormcrow drones from Norway."))
    deal = rec["deals"][0]
    assert deal["platform_canonical"] == "ZX-9000" and deal["platform"] == "Stormcrow" and deal["supplier"] == "NOR"


def test_a_broken_catalogue_names_the_file(tmp_path):
    (tmp_path / "people.yaml").write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="people.yaml"):
        load(tmp_path)


def test_an_entry_written_twice_is_an_error_naming_the_file_and_lines(tmp_path):
    (tmp_path / "platforms").mkdir()
    entry = "zx-9000:\n  name: ZX-9000\n  category: unmanned aerial vehicle\n  country: NOR\n"
    (tmp_path / "platforms" / "mine.yaml").write_text(entry + "zx-7:\n  name: ZX-7\n" + entry, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"mine\.yaml: line 7: 'zx-9000' is written twice .*first on line 1"):
        load(tmp_path)


def test_a_field_written_twice_in_one_entry_is_an_error(tmp_path):
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "mine.yaml").write_text(
        "zx-9000:\n  name: ZX-9000\n  country: NOR\n  country: SWE\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="'country' is written twice"):
        load(tmp_path)


def test_a_trigger_phrase_reads_a_named_word_list_and_an_unknown_name_is_an_error(tmp_path):
    from armsledger.extract import context

    path = tmp_path / "triggers.yaml"
    path.write_text("deal:\n  sign:\n    - the (?!(?:{NO_PURCHASE_ACCORDS})\\b)\\w+ deal\n", encoding="utf-8")
    assert context._read_triggers(path) == {"deal": {"sign": [rf"the (?!(?:{context.NO_PURCHASE_ACCORDS})\b)\w+ deal"]}}
    path.write_text("deal:\n  sign:\n    - the {NO_SUCH_WORDS} deal\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="NO_SUCH_WORDS"):
        context._read_triggers(path)


@pytest.mark.parametrize("text, name", [
    ("The defence minister announced the purchase in a post on Telegram on Sunday.", "Telegram"),
    ("Footage shared on Facebook showed the first two jets landing at the base.", "Facebook"),
    ("The ministry wrote on Twitter that the frigate had left the shipyard.", "Twitter"),
])
def test_social_networks_officials_post_on_are_organisations(extractor, text, name):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert ("organization", name) in {(e["kind"], e["name"]) for e in ents}


@pytest.mark.parametrize("text, name", [
    ("The first two jets landed at Shindand Air Base on Tuesday.", "Shindand Air Base"),
    ("The frigate sailed into Cam Ranh Naval Base for a port call.", "Cam Ranh Naval Base"),
    ("The helicopters were received at Kuwait International Airport.", "Kuwait International Airport"),
    ("Local assembly will start in Cavite province next year.", "Cavite province"),
    ("Fighting continued in the Sagaing Region, the army said.", "Sagaing Region"),
    ("The two ministers met at Camp Crame, the police headquarters.", "Camp Crame"),
    ("Patrol boats will be based on the Danube River near the border.", "Danube River"),
])
def test_bases_airports_provinces_and_rivers_are_places_by_their_form(extractor, text, name):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert ("location", name) in {(e["kind"], e["name"]) for e in ents}


@pytest.mark.parametrize("text, not_a_place", [
    ("The Indian Air Force Station Commander said the jets had arrived.", "Force Station"),
    ("The Pakistan Air Force will buy 40 J-35 fighters.", "Pakistan Air"),
])
def test_a_force_or_a_person_is_not_made_a_place(extractor, text, not_a_place):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert not any(e["kind"] == "location" and not_a_place in e["name"] for e in ents)


@pytest.mark.parametrize("text, written, canonical", [
    ("In 2010 India ordered 12 AW101 helicopters from AgustaWestland.", "AgustaWestland", "Leonardo Helicopters"),
    ("Kazakhstan will assemble EC145 helicopters with Eurocopter at a plant in Astana.", "Eurocopter", "Airbus Helicopters"),
    ("The navigation systems are supplied by Sagem, the French firm said.", "Sagem", "Safran Electronics & Defense"),
    ("The United States Air Force will hand over the jets in May.", "United States Air Force", "US Air Force"),
])
def test_a_firm_or_force_is_named_as_the_report_names_it_with_the_catalogue_name_kept(extractor, written, canonical, text):
    firms = {e["name"]: e for e in extractor(Article(text=text, published="2012-06-01"))["entities"]
             if e["kind"] == "organization"}
    assert written in firms
    assert firms[written].get("canonical") == canonical


def test_a_firm_written_out_keeps_the_catalogue_name(extractor):
    text = "Leonardo Helicopters will deliver the first AW101 next year, Leonardo said."
    names = {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]}
    assert "Leonardo Helicopters" in names


@pytest.mark.parametrize("text, outlet", [
    ("The minister told tashkenttimes.uz that the talks had gone well.", "tashkenttimes.uz"),
    ("The figures were first reported by defensenews.com on Monday.", "defensenews.com"),
    ("Distributed by Pan-African Media (panafrica.news).", "panafrica.news"),
])
def test_an_outlet_named_by_its_web_address_is_an_organisation(extractor, text, outlet):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert ("organization", outlet) in {(e["kind"], e["name"]) for e in ents}


def test_a_link_or_a_mail_address_is_no_outlet(extractor):
    text = "Details at https://www.example.com/deal and from press@navy.example.org."
    assert not [e for e in extractor(Article(text=text, published="2024-06-01"))["entities"] if e["kind"] == "organization"]


@pytest.mark.parametrize("text, name, kind", [
    ("Firms funded by iDEX showed their drones in New Delhi.", "Innovations for Defence Excellence", "organization"),
    ("The eFP battlegroup in Lithuania gained German tanks.", "Enhanced Forward Presence", "organization"),
    ("Dassault flew the nEUROn demonstrator again.", "nEUROn", "platform"),
])
def test_a_name_written_in_mixed_case_is_found_as_written(extractor, text, name, kind):
    record = extractor(Article(text=text, published="2025-01-15"))
    assert (kind, name) in {(e["kind"], e["name"]) for e in record["entities"]}


@pytest.mark.parametrize("text, not_found", [
    ("Officials met at IDEX, the arms show in Abu Dhabi.", "Innovations for Defence Excellence"),
    ("The efp charges were found near the road, police said.", "Enhanced Forward Presence"),
    ("The Neuron journal published the study on Monday.", "nEUROn"),
])
def test_a_mixed_case_name_is_not_found_in_other_cases(extractor, text, not_found):
    record = extractor(Article(text=text, published="2025-01-15"))
    assert not_found not in {e["name"] for e in record["entities"]}
