"""What the rules alone (no model) find in a report written for a test: one extractor for every test module that
asks, made when the first one does."""
from __future__ import annotations

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES: list[Extractor] = []


def record(text: str, published: str = "2025-06-01") -> dict:
    """The record the rules make of a report of `text`."""
    if not _RULES:
        _RULES.append(Extractor(model=False))
    return _RULES[0](Article(text=text, published=published))


def entities(text: str, kind: str, field: str = "name", published: str = "2025-06-01") -> list:
    """`field` of each entity of `kind` ("organization", "platform", ...) the rules find in a report of `text`."""
    return [e[field] for e in record(text, published)["entities"] if e["kind"] == kind]


def deal(text: str, platform: str, published: str = "2025-06-01") -> dict:
    """The first deal of `platform` the rules find in a report of `text` (one must be found)."""
    deals = [d for d in record(text, published)["deals"] if d["platform"] == platform]
    assert deals, record(text, published)["deals"]
    return deals[0]
