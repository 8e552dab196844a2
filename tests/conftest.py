"""Shared fixtures: one Extractor for the session, the test articles and their gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armsledger import Extractor, read

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
GOLD = DATA / "gold"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from the current extractor")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def records(extractor: Extractor) -> dict[str, dict]:
    """The record of every test article, by file stem."""
    out = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        out[path.stem] = extractor(next(read(str(path))), with_text=True)
    return out


@pytest.fixture(scope="session")
def golds() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}
