"""Shared fixtures: one Extractor for the session, the test articles and their gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armsledger import Extractor, read

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
GOLD = DATA / "gold"


@pytest.fixture(scope="session", autouse=True)
def _log_file(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands log tracebacks to a file; the tests' go to a temporary one, not the user's log directory."""
    import os

    os.environ.setdefault("ARMSLEDGER_LOG", str(tmp_path_factory.mktemp("log") / "armsledger.log"))
    # and the start-up cache (armsledger/cache.py) is the session's own, built once by the first test that needs it
    os.environ.setdefault("ARMSLEDGER_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def rules_deal():
    """The rules' deal (no model) for the platform whose name starts with `platform`, in a report of `text`."""
    from armsledger.model import Article

    rules = Extractor(model=False)

    def deal(text: str, platform: str) -> dict:
        deals = rules(Article(text=text, published="2024-06-01"))["deals"]
        match = [d for d in deals if d["platform"].startswith(platform)]
        assert match, deals
        return match[0]
    return deal


@pytest.fixture(scope="session")
def rules_deals():
    """The rules' deals (no model) in a report of `text`, by (supplier, recipient, platform)."""
    from armsledger.model import Article

    rules = Extractor(model=False)
    return lambda text: {(d["supplier"], d["recipient"], d["platform"]): d
                         for d in rules(Article(text=text, published="2024-05-10"))["deals"]}


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


# -- ledgers ------------------------------------------------------------------------

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"


def _postgres_or_skip() -> str:
    """The server's URL; skip (or fail, where ARMSLEDGER_REQUIRE_POSTGRES=1, as in CI) when none answers."""
    import os

    import psycopg

    try:
        psycopg.connect(f"{PG_SERVER}/test", connect_timeout=3).close()
    except psycopg.OperationalError as err:
        reason = f"no PostgreSQL server at 127.0.0.1:5432 ({str(err).strip().splitlines()[0]})"
        if os.environ.get("ARMSLEDGER_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " but ARMSLEDGER_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    return PG_SERVER


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid

    import psycopg

    server = _postgres_or_skip()
    name = f"armsledger_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """Each ledger test runs on both backends: a SQLite file and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def seeded_ledger_path(tmp_path_factory, extractor) -> str:
    """A SQLite ledger holding the seed article and the dev set (read-only use: copy it to change it)."""
    from armsledger.ledger import Ledger

    path = tmp_path_factory.mktemp("seeded") / "ledger.db"
    with Ledger(path, extractor=extractor) as ledger:
        ledger.ingest([str(p) for p in sorted(ARTICLES.glob("*.txt"))])
    return str(path)


@pytest.fixture(scope="session")
def _pg_seeded_template(extractor):
    """A PostgreSQL database holding the seed article and the dev set, used as a template."""
    import uuid

    import psycopg

    from armsledger.ledger import Ledger

    server = _postgres_or_skip()
    name = f"armsledger_tmpl_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    with Ledger(f"{server}/{name}", extractor=extractor) as ledger:
        ledger.ingest([str(p) for p in sorted(ARTICLES.glob("*.txt"))])
    yield name
    with psycopg.connect(f"{server}/test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded_ledger_url(request, tmp_path, seeded_ledger_path):
    """A fresh, writable copy of the seed + dev set ledger on each backend."""
    import shutil
    import uuid

    import psycopg

    if request.param == "sqlite":
        path = tmp_path / "ledger.db"
        shutil.copyfile(seeded_ledger_path, path)
        yield str(path)
        return
    template = request.getfixturevalue("_pg_seeded_template")
    name = f"armsledger_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{PG_SERVER}/test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield f"{PG_SERVER}/{name}"
    with psycopg.connect(f"{PG_SERVER}/test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def featurize(extractor: Extractor):
    """For the tests of the deal features' speed steps: `featurize(sentences)` reads the sentences together, in
    threes, and each sample article as far as the deal candidates (body, clauses, `Featurizer`, candidates; the
    sellers indexed)."""
    return lambda sentences: _featurized(extractor, sentences)


def _featurized(extractor: Extractor, sentences: list[str]) -> list:
    from armsledger import Article
    from armsledger.extract import candidates as cands
    from armsledger.extract.deals import DealFinder
    from armsledger.extract.features import Featurizer
    from armsledger.ingest import clean_surrogates

    texts = [" ".join(sentences)] + [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    texts += [next(read(str(p))).text for p in sorted(ARTICLES.glob("*.txt"))]
    out = []
    for text in texts:
        body = clean_surrogates(text)
        _, ents, clauses, home, _ = extractor._analyse(Article(text=text), body)
        finder = DealFinder(ents, clauses, body, home)
        finder.open_deals()
        fz = Featurizer(clauses, body, home)
        built = cands.build(clauses, body, home)
        fz.index_sellers(built)
        out.append((body, clauses, fz, built))
    return out
