"""Entity resolution across articles: one entity for one person, firm or platform, however spelt.

The extractor already gives catalogue names for what the catalogues know
("Sukhoi-30" -> "Su-30MKI"); this resolves what they do not: accents, case,
punctuation, legal-form abbreviations ("Ltd" / "Limited") and the common
transliteration pairs of Russian and Ukrainian names ("Andrey" / "Andrei").
"""
from __future__ import annotations

import re
import unicodedata

LEGAL_FORMS = {"ltd": "limited", "corp": "corporation", "co": "company", "inc": "incorporated",
               "plc": "plc", "llc": "llc", "pvt": "private", "jsc": "jsc", "gmbh": "gmbh", "sa": "sa"}
_TRANSLIT = [(re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),  # Mikheyev/Mikheev, Sergeyev/Sergeev
             (re.compile(r"i?y\b"), "i"),  # Andrey/Andrei, Dmitry/Dmitriy/Dmitri, Yuriy/Yuri
             (re.compile(r"\by(?=[aeou])"), "i"),  # Yevgeny/Ievgeny, Yuri/Iuri
             (re.compile(r"ii\b"), "i"),  # Dmitrii/Dmitri
             (re.compile(r"kh"), "h"),  # Mikhail/Mihail
             (re.compile(r"ks"), "x")]  # Aleksandr/Alexandr
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents gone, punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_ALNUM.sub(" ", text).strip()


def entity_key(kind: str, name: str) -> str:
    """The key under which spellings of one entity meet: `entity_key("person", "Andrei Belousov")
    == entity_key("person", "Andrey Belousov")`."""
    key = fold(name)
    if kind == "organization":
        key = " ".join(LEGAL_FORMS.get(w, w) for w in key.split())
    elif kind == "person":
        for pattern, repl in _TRANSLIT:
            key = pattern.sub(repl, key)
    elif kind == "platform":
        key = key.replace(" ", "")  # "F 35A", "F-35A", "F35A"
    return key
