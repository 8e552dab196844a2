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


@pytest.mark.parametrize("text, name", [
    ("The defence minister announced the purchase in a post on Telegram on Sunday.", "Telegram"),
    ("Footage shared on Facebook showed the first two jets landing at the base.", "Facebook"),
    ("The ministry wrote on Twitter that the frigate had left the shipyard.", "Twitter"),
])
def test_social_networks_officials_post_on_are_organisations(extractor, text, name):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert ("organization", name) in {(e["kind"], e["name"]) for e in ents}
