"""What the rules alone (no model) find in a report written for a test: one extractor for every test module that
asks, made when the first one does."""
from __future__ import annotations

from armsledger.extract import Extractor
from armsledger.model import Article

_RULES: list[Extractor] = []


def entities(text: str, kind: str, field: str = "name", published: str = "2025-06-01") -> list:
    """`field` of each entity of `kind` ("organization", "platform", ...) the rules find in a report of `text`."""
    if not _RULES:
        _RULES.append(Extractor(model=False))
    rec = _RULES[0](Article(text=text, published=published))
    return [e[field] for e in rec["entities"] if e["kind"] == kind]
