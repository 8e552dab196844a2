"""Catalogue breadth (session 15): armed services by the names their own countries give them (Spanish, Portuguese,
Dutch, Finnish, German), as Latin American and European outlets write them, and bombs, bomb kits, naval
programmes and turboprops the catalogue lacked. Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def entities(extractor, text: str, kind: str) -> list[dict]:
    record = extractor(Article(text=text, published="2024-06-01"))
    return [e for e in record["entities"] if e["kind"] == kind]


@pytest.mark.parametrize("text, written, country", [
    ("The Fuerza Aérea del Perú will receive two transport aircraft, officials in Lima said.",
     "Fuerza Aérea del Perú", "PER"),
    ("The Marina de Guerra del Perú will commission the patrol vessel in Callao next month.",
     "Marina de Guerra del Perú", "PER"),
    ("Officials of the Fuerza Aérea Argentina inspected the fighters in Denmark before the transfer.",
     "Fuerza Aérea Argentina", "ARG"),
    ("The Ejército de Chile ordered more trucks for units in the north of the country.", "Ejército de Chile", "CHL"),
    ("The Armada de Colombia took delivery of a new offshore patrol vessel built in Cartagena.",
     "Armada de Colombia", "COL"),
    ("Força Aérea Portuguesa received its fifth KC-390 transport aircraft.", "Força Aérea Portuguesa", "PRT"),
    ("The Fuerza Aérea Mexicana has retired its last F-5 fighters.", "Fuerza Aérea Mexicana", "MEX"),
    ("De Koninklijke Marine will replace its submarines; the Koninklijke Marine picked Naval Group.",
     "Koninklijke Marine", "NLD"),
    ("The Koninklijke Luchtmacht flew its F-35 jets over the North Sea.", "Koninklijke Luchtmacht", "NLD"),
    ("Puolustusvoimat said the howitzers would arrive this year.", "Puolustusvoimat", "FIN"),
    ("The Deutsches Heer will receive more Boxer vehicles from 2026.", "Deutsches Heer", "DEU"),
    # names the catalogue held already, lost to their lower-case particles ("de", "do", "del")
    ("The Armada de Chile ordered two more frigates from the United Kingdom.", "Armada de Chile", "CHL"),
    ("The Marinha do Brasil launched the fourth Riachuelo-class submarine.", "Marinha do Brasil", "BRA"),
    ("The Armada del Ecuador will receive a patrol ship from Japan.", "Armada del Ecuador", "ECU"),
    # and names the catalogue writes with a lower-case head, written just so
    ("The Yantar shipyard in Kaliningrad launched the third frigate of the class.", "Yantar shipyard", "RUS"),
    ("The Cambodian navy took delivery of two fast attack craft from China.", "Cambodian navy", "KHM"),
    ("The Zelenodolsk shipyard will build two more corvettes for the Russian Navy.", "Zelenodolsk shipyard", "RUS"),
    # French names of African services, Malay and Indonesian names of Southeast Asian ones, coast guards
    ("The Forces armées maliennes received two helicopters from Russia on Thursday.", "Forces armées maliennes", "MLI"),
    ("The Forces Armées Royales took delivery of the first attack helicopters.", "Forces Armées Royales", "MAR"),
    ("The Armée nationale populaire showed its new air defence systems near Algiers.", "Armée nationale populaire",
     "DZA"),
    ("The Tentera Laut Diraja Malaysia will commission the ship in Lumut.", "Tentera Laut Diraja Malaysia", "MYS"),
    ("TNI Angkatan Udara will receive the first Rafale jets in 2026.", "TNI Angkatan Udara", "IDN"),
    ("The Korea Coast Guard ordered three patrol ships from a yard in Busan.", "Korea Coast Guard", "KOR"),
    ("The Sri Lanka Coast Guard received an offshore patrol vessel from India.", "Sri Lanka Coast Guard", "LKA"),
])
def test_services_by_their_own_names(extractor, text, written, country):
    orgs = entities(extractor, text, "organization")
    # the record may name a yard by the catalogue's shorter name ("Sevmash" for "Sevmash shipyard")
    assert any(written.casefold().startswith(e["name"].casefold()) and e["country"] == country for e in orgs), orgs


@pytest.mark.parametrize("text, canonical", [
    ("The State Department approved the sale of 2,000 Mk 82 bombs and JDAM kits to Israel.", "Mk 80 series"),
    ("The package includes Mk-84 general-purpose bombs and fuzes.", "Mk 80 series"),
    ("The approved sale covers BLU-109 penetrator warheads for the F-15 fleet.", "BLU-109"),
    ("MBDA began flight trials of the SPEAR 3 missile from a Typhoon jet.", "SPEAR 3"),
    ("The air force ordered Al-Tariq guided bomb kits for its Mirage 2000 fighters.", "Al-Tariq"),
    ("Denel Dynamics showed the Umbani guided bomb kit at the AAD exhibition.", "Al-Tariq"),
    ("Naval Group cut steel for the first SNLE 3G submarine at Cherbourg.", "SNLE 3G"),
    ("Turkey's MUGEM aircraft carrier will be built at the Istanbul Naval Shipyard.", "MUGEM"),
    ("STM finished the design of the MILDEN submarine for the Turkish Navy.", "MILDEN"),
    ("The navy will retire its N22 Nomad patrol aircraft next year.", "GAF Nomad"),
    ("Two Fokker 50 maritime patrol aircraft were handed to the coast guard.", "Fokker 50"),
    ("The air force still flies three Fokker F27 Friendship transports.", "Fokker F27"),
])
def test_new_platforms_are_found(extractor, text, canonical):
    plats = entities(extractor, text, "platform")
    assert any(canonical in (e["name"], e.get("canonical")) for e in plats), plats



@pytest.mark.parametrize("text, name, role", [
    ("Navy Commander Budi Santoso said the submarines would arrive next year.", "Budi Santoso", "Chief of Naval Staff"),
    ("Air Force Commander Ahmad Yusof said the jets would be based in Kuantan.", "Ahmad Yusof", "Chief of the Air Staff"),
    ("Army Commander Rahim Karimov inspected the new howitzers.", "Rahim Karimov", "Chief of Army Staff"),
])
def test_a_service_commanders_title_is_the_services_head(extractor, text, name, role):
    people = {e["name"]: e.get("role") for e in entities(extractor, text, "person")}
    assert people.get(name) == role, people
