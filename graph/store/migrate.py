"""Creating and upgrading the schema with Alembic (the scripts live in ``graph/store/migrations``).

>>> from graph.store.engine import connect
>>> engine = create(connect("sqlite://"))
>>> schema_version(engine)
'0001'
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, ProgrammingError

from graph.store.engine import StoreError, connect, describe, friendly, reading, writing
from graph.store.schema import SCHEMA_VERSION

__all__ = ["create", "migrate", "schema_version", "check"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_VERSION = sa.text("SELECT version_num FROM alembic_version")


def _config(conn: sa.Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _stored_version(engine: Engine) -> str | None:
    """The version table's revision in one statement (no transaction on PostgreSQL); a failure is raised as is."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":  # one round trip, no BEGIN and COMMIT around it
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        return conn.execute(_VERSION).scalar()


def schema_version(engine: Engine) -> str | None:
    """The Alembic revision of the database, or None when it has no map schema.

    A map is asked with one query; only a database without the version table has its catalogue looked at.
    A database that cannot be reached is a :class:`StoreError`.
    """
    try:
        return _stored_version(engine)
    except DBAPIError as exc:
        if not (isinstance(exc, ProgrammingError) or "no such table" in str(exc.orig)):  # PostgreSQL, SQLite
            raise friendly(exc, describe(engine.url)) from None
    with reading(engine) as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(_VERSION).scalar()


def migrate(engine: Engine) -> Engine:
    """Bring the schema up to :data:`~graph.store.schema.SCHEMA_VERSION` (nothing to do when it is)."""
    if schema_version(engine) == SCHEMA_VERSION:
        return engine
    from alembic import command

    with writing(engine) as conn:
        command.upgrade(_config(conn), "head")
    return engine


def create(url_or_engine: str | Engine) -> Engine:
    """An engine on a database holding the map's schema: created when empty, upgraded when older.

    Refuses a database that already holds other tables (someone else's data).
    """
    engine = connect(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    with reading(engine) as conn:
        tables = set(sa.inspect(conn).get_table_names())
    if tables and "revisions" not in tables:
        raise StoreError("db_foreign", where=describe(engine.url), table="revisions")
    return migrate(engine)


def check(engine: Engine) -> Engine:
    """``engine`` if it holds a map of this schema (upgraded when older), else a :class:`StoreError`."""
    version = schema_version(engine)
    if version is None:
        raise StoreError("db_foreign", where=describe(engine.url), table="alembic_version")
    if version != SCHEMA_VERSION:
        from alembic.script import ScriptDirectory

        known = {s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
        if version not in known:
            raise StoreError("db_newer", where=describe(engine.url), version=version)
        migrate(engine)
    return engine
