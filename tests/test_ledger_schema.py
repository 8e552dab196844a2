"""The migrations build exactly the schema the code reads, on both backends, and can be undone."""
from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from armsledger.ledger.db import _alembic_config, connect, head_revision
from armsledger.ledger.schema import metadata


def test_migrated_schema_matches_the_tables_the_code_uses(ledger_url):
    engine = connect(ledger_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert ctx.get_current_revision() == head_revision()
        diff = [d for d in compare_metadata(ctx, metadata)
                # the search index lives outside the metadata: FTS5 tables, a generated tsvector column
                if "articles_fts" not in repr(d) and "search" not in repr(d)]
    assert diff == []
    engine.dispose()


def test_migrations_downgrade_to_nothing_and_up_again(ledger_url):
    engine = connect(ledger_url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is None
    engine.dispose()
    engine = connect(ledger_url)  # opening migrates again
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    engine.dispose()
