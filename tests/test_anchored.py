"""The entity rules that look for an expression only around its anchor (`entities.Anchored`) find what a scan of the
whole text finds: every match, in order, with the same groups, in sentences written for the test and in the
sample articles."""
import re
from pathlib import Path

import pytest

from armsledger import read
from armsledger.catalogue import load
from armsledger.extract import entities
from armsledger.extract.entities import Anchored, EntityFinder

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "The jets will be based at Balad Air Base and at Narita International Airport, in Kanagawa Prefecture.",
    "They flew from Naval Base Ventura County and Air Base Hill to Camp Aguinaldo, Fort Bragg and Lake Victoria.",
    "Troops crossed the Dnipro River near the Kerch Strait; the Cavite province and Kherson Oblast were shelled.",
    "The Royal Air Force, the Indian Navy, the US Marine Corps and the Philippine Coast Guard took part.",
    "Iran Air Defence Forces and the Hellenic Armed Forces met Indonesian Special Forces.",
    "The Armed Forces of Moldova, the Navy of the Republic of Ghana and the Government of Japan signed.",
    "Hindustan Aeronautics Limited, Bharat Forge Pvt. Ltd. and Saab AB signed with Larsen & Toubro Ltd.",
    "Navantia S.A., Fincantieri S.p.A., Kongsberg ASA and Patria Oyj bid, as did General Dynamics.",
    "The National Security Council and the Stockholm International Peace Research Institute said so.",
    "The Communist Party of China and the Press Trust of India reported it, as did the Armoured Vehicle Centre.",
    "Lee Young-geol, who heads the agency, said so. Sergey Kornev, a representative of the firm, agreed.",
    "Ann Kowal, the Polish Deputy Defence Minister, spoke. Piotr Nowak, a former adviser, did not.",
    "INS Sahyadri, BRP Gregorio del Pilar and HMAS Newcastle sailed with USS Ronald Reagan.",
    "The Mogami-class frigates and the Admiral Gorshkov class joined the Talwar class.",
    "It bought the Terminal High Altitude Area Defense Systems (THAAD) and Multiple Launch Rocket Systems (MLRS).",
    "Congress has to approve it; the Cabinet has chosen; it went to Parliament, not the Senate of Chile.",
    "As uzdaily.com and NEWS.am reported, see.news and example.org.uk followed (www.example.com/x.html).",
    "Satnews Daily and Iraq Business News cited The Seoul Times, Ships Monthly and the Hindustan Times-run site.",
    "Ships crossed the Gulf of Aden, the Bay of Bengal and the Straits of Malacca to the Sulu Sea and Cam Ranh Bay.",
    "Oshkosh Defense, Russian Helicopters and Airbus Defence and Space bid; the Black Sea Fleet and Sea King did not.",
    "No heads here: a base, a province, forces, a class, (a), limited, congress.",
    "Province. River, Air Force; Ltd) Council: (AB) class",
]


def _anchored_rules() -> list[tuple[str, Anchored]]:
    """Every anchored rule: the module's, then those the finder builds from the catalogue."""
    finder = EntityFinder(load())
    found = [(name, rx) for name, rx in vars(entities).items() if isinstance(rx, Anchored)]
    found += [(f"EntityFinder.{name}", rx) for name, rx in vars(finder).items() if isinstance(rx, Anchored)]
    return found


def _texts() -> list[str]:
    samples = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    return SENTENCES + [" ".join(SENTENCES)] + [next(read(str(p))).text for p in samples]


@pytest.mark.parametrize("name,rule", _anchored_rules(), ids=lambda x: x if isinstance(x, str) else "")
def test_an_anchored_rule_finds_what_the_whole_scan_finds(name, rule):
    found_any = False
    for text in _texts():
        whole = [(m.span(), m.groupdict()) for m in rule.rx.finditer(text)]
        anchored = [(m.span(), m.groupdict()) for m in rule.finditer(text)]
        assert anchored == whole, (name, text[:80])
        found_any = found_any or bool(whole)
    assert found_any, f"{name}: no sentence of the test has a match: add one"


def test_every_full_text_rule_named_here_is_anchored():
    names = {name for name, _ in _anchored_rules()}
    assert {"_PLACE_TAIL", "_OUTLET_DOMAIN", "_BARE_BODY", "EntityFinder._service", "EntityFinder._legal",
            "EntityFinder._institution", "EntityFinder._opening_appos", "EntityFinder._ship_class",
            "EntityFinder._ship_name", "EntityFinder._acronym_platform", "_OUTLET_NAME",
            "_PLACE_HEAD_FIRST", "_WATER_OF"} <= names


TITLED = [
    "Defence Minister Rajnath Singh met the Minister of State for Defence, Ann Kowal, and Prime Minister Piotr Nowak.",
    "Ann Kowal, the Polish deputy defence minister, said so; Piotr Nowak, Poland's Defence Minister, agreed.",
    "the defence minister of India, Ann Kowal, said; his Indian counterpart Defence Secretary Piotr Nowak left.",
    "PRESIDENT Ann Kowal and the Chief of Defence Staff Piotr Nowak, and the Vice President of the Commission.",
]


def test_the_office_titles_as_a_trie_match_what_the_list_of_titles_matches():
    finder = EntityFinder(load())
    titles = sorted({n for e in finder.cat.of_kind("office").values() for n in e.names()}, key=lambda n: (-len(n), n))
    listed = "|".join(re.escape(t) for t in titles)  # every title, longest first: what the trie stands for
    for name in ("_name_title", "_title_appos", "_counterpart", "_title_name", "_name_title_anchor"):
        fast = getattr(finder, name)
        slow = re.compile(fast.pattern.replace(_office_alternation(fast.pattern), listed), fast.flags)
        for text in TITLED + _texts():
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in slow.finditer(text)], (name, text[:80])


def _office_alternation(pattern: str) -> str:
    """The trie of office titles within one of the finder's expressions: the group `(?i:` opens."""
    start = pattern.index("(?i:") + len("(?i:")
    depth, i = 1, start
    while depth:
        depth += {"(": 1, ")": -1}.get(pattern[i], 0) if pattern[i - 1] != "\\" else 0
        i += 1
    return pattern[start:i - 1]
