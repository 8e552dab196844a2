"""Where the ledger lives and how to open it: SQLite by default, PostgreSQL for teams.

`connect()` resolves `--db` / `ARMSLEDGER_DB` (a path, a `sqlite:///` URL or a
`postgresql://` URL; nothing given means `ledger.db` in the user's data
directory), opens the engine and brings the schema up to date with Alembic,
under a lock so that two processes opening a new ledger at once migrate it once.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import ArmsLedgerError

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_MIGRATION_LOCK = 7_263_001  # pg_advisory_lock key held while migrating
PG_WRITE_LOCK = 7_263_002  # pg_advisory_xact_lock key held while an article's claims are reconciled


class LedgerError(ArmsLedgerError):
    """The ledger cannot be opened or written."""


def default_path() -> Path:
    return platformdirs.user_data_path("armsledger") / "ledger.db"


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for `db`, `$ARMSLEDGER_DB` or the per-user default."""
    db = os.fspath(db) if db else os.environ.get("ARMSLEDGER_DB") or str(default_path())
    if "://" not in db:
        path = Path(db).expanduser()
        if path.is_dir():
            raise LedgerError(f"{db}: is a directory; give a file path for the ledger, e.g. {path / 'ledger.db'}")
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path.resolve()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


# how long a writer waits for another's transaction: every writer takes the lock at BEGIN (IMMEDIATE), so a wait
# is never a deadlock; a loaded machine's large batch can hold it for more than a minute
_SQLITE_WAIT_S = 600


def connect(db: str | os.PathLike | None = None, *, readonly: bool = False, migrate: bool = True) -> Engine:
    """Open the ledger's engine; create or upgrade its schema unless `migrate` is false."""
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise LedgerError(f"{url}: not a database URL or path ({err})") from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": _SQLITE_WAIT_S})
        _sqlite_setup(engine, immediate=not readonly)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True)
    else:
        raise LedgerError(f"{url}: only SQLite and PostgreSQL ledgers are supported")
    try:
        if migrate:
            upgrade(engine)
        else:
            with engine.connect():
                pass
    except OperationalError as err:
        engine.dispose()
        raise LedgerError(f"{parsed.render_as_string(hide_password=True)}: cannot open the ledger "
                          f"({str(err.orig).strip().splitlines()[0]})") from None
    return engine


def _sqlite_setup(engine: Engine, immediate: bool) -> None:
    """WAL for concurrent readers; writers take the lock at BEGIN so two ingests never deadlock."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={_SQLITE_WAIT_S * 1000}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config():
    from alembic.config import Config  # alembic is imported when a ledger is opened, not with the CLI

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(None|'[^'\n]*'|\"[^\"\n]*\")\s*(?:#.*)?$", re.M)
_heads: list[str | None] = []  # the head read from the migration files (`_newest`), once a process


def _newest() -> str | None:
    """The newest migration's revision, read from the migration files' `revision = "..."` and `down_revision =
    "..."` lines without importing Alembic (0.17 → 0.01 s of CPU measured, which opening an up-to-date ledger need not pay);
    None where the files are not one plain line of migrations (Alembic then tells)."""
    if not _heads:
        revisions, downs = set(), set()
        head: str | None = None
        try:
            for f in sorted((MIGRATIONS / "versions").glob("*.py")):
                lines = _REVISION.findall(f.read_text(encoding="utf-8"))
                found = dict(lines)
                if len(lines) != 2 or set(found) != {"revision", "down_revision"}:
                    raise ValueError(f"{f.name}: not one revision and one down_revision")
                rev = found["revision"].strip("'\"")
                if found["revision"] == "None" or rev in revisions:
                    raise ValueError(f"{f.name}: revision {rev}")
                revisions.add(rev)
                if found["down_revision"] != "None":
                    downs.add(found["down_revision"].strip("'\""))
            tips = revisions - downs
            if len(tips) == 1 and downs <= revisions and len(downs) == len(revisions) - 1:
                head = tips.pop()
        except (OSError, ValueError):
            head = None
        _heads.append(head)
    return _heads[0]


def _stored(engine: Engine) -> str | None:
    """The ledger's revision, by plain SQL (None for a new ledger, or one whose revision is not one row)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no such table: a new ledger (or one that cannot be opened: Alembic's path tells)
        return None
    return rows[0][0] if len(rows) == 1 else None


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration, once, whoever else is opening the ledger. An up-to-date ledger is
    told by its revision and the migration files' newest without Alembic; anything else goes through Alembic."""
    newest = _newest()
    if newest is not None and _stored(engine) == newest:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    cfg = _alembic_config()
    with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE holds the write lock for the whole migration
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
