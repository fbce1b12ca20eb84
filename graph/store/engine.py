"""Opening a database: one :class:`~sqlalchemy.engine.Engine` per URL, and every failure as one sentence.

SQLite connections use WAL, enforce foreign keys and wait for a busy database
instead of failing; a write transaction starts with ``BEGIN IMMEDIATE`` so
that two writers never both read a version and then both write.  PostgreSQL
writers take one transaction-level advisory lock for the same effect.

>>> engine = connect("sqlite://")
>>> with engine.connect() as conn:
...     conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
1
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from graph.model import DataError, Problem
from graph.store.words import say

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

__all__ = ["StoreError", "connect", "writing", "reading", "is_url", "describe", "friendly"]

BUSY_TIMEOUT_MS = 30_000
#: Any number will do; every writer of the map takes this lock on PostgreSQL.
_PG_WRITE_LOCK = 90_009


class StoreError(Exception):
    """The database cannot do what was asked; ``code`` and ``params`` render it in sv/en/nb."""

    def __init__(self, code: str, where: str = "", **params: object):
        self.code, self.where, self.params = code, where, params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The sentence in ``lang``, after the database it is about."""
        return (f"{self.where}: " if self.where else "") + say(self.code, lang, **self.params)

    def as_data_error(self, where: str) -> DataError:
        """The same sentence as a reader's :class:`~graph.model.DataError`, about ``where`` unless it names its own."""
        return DataError(Problem.of(self.where or where, None, None, self.code, **self.params))


def is_url(text: object) -> bool:
    """Whether ``text`` names a database rather than a file.

    >>> is_url("sqlite:///map.db"), is_url("data/actors.csv")
    (True, False)
    """
    return isinstance(text, str) and "://" in text and text.split("://", 1)[0].replace("+", "").isalnum()


def describe(url: str | sa.URL) -> str:
    """The URL as it may be shown: never with its password.

    >>> describe("postgresql+psycopg://me:secret@db/map")
    'postgresql+psycopg://me:***@db/map'
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # e.g. a port that is not a number
        return str(url).split("@")[-1]


#: PostgreSQL engines: a pooled connection is tested before use (a restarted server is not an error), and the
#: first connection does not look for the ``hstore`` extension (the map has no such column): three round trips.
_PG_OPTIONS = {"pool_pre_ping": True, "use_native_hstore": False}


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("map_write") else "BEGIN")


def connect(url: str | sa.URL, *, must_exist: bool = False) -> Engine:
    """An engine for ``url`` (``sqlite:///FILE``, ``sqlite://`` in memory, ``postgresql+psycopg://…``).

    The database is reached once here, so a wrong URL or a server that is down
    fails now, as one sentence, rather than at the first query.

    Raises
    ------
    StoreError
        ``db_bad_url``, ``db_no_file`` (with ``must_exist``), ``db_not_sqlite`` or ``db_down``.
    """
    where = describe(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        sqlite = parsed.get_backend_name() == "sqlite"
        if sqlite and parsed.database and parsed.database != ":memory:":
            file = Path(parsed.database)
            if must_exist and not file.is_file():
                raise StoreError("db_no_file", where=where)
            if not file.parent.is_dir():
                raise StoreError("db_no_file", where=where)
        options = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}} if sqlite else _PG_OPTIONS
        engine = sa.create_engine(parsed, **options)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError("db_bad_url", where=where, reason=str(exc).splitlines()[0][:200]) from None
    if sqlite:
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    try:
        with engine.connect() as conn:  # on PostgreSQL the first connection asks the server for its version
            if sqlite:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")  # a damaged or foreign file fails here
    except DBAPIError as exc:
        engine.dispose()
        raise friendly(exc, where) from None
    return engine


def friendly(exc: DBAPIError, where: str) -> StoreError:
    """A database error as one sentence: not a database, cannot be reached, or refused."""
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200] if str(exc) else type(exc).__name__
    if "file is not a database" in reason or "malformed" in reason:
        return StoreError("db_not_sqlite", where=where)
    if isinstance(exc, OperationalError) and not reason.startswith("database is locked"):
        return StoreError("db_down", where=where, reason=reason)
    return StoreError("db_failed", where=where, reason=reason)


@contextlib.contextmanager
def _writers_queue(engine: Engine) -> Iterator[None]:
    """Writers of one SQLite file take turns on an OS lock beside it (``FILE-writers``) before ``BEGIN IMMEDIATE``.

    SQLite lets a waiting writer sleep and poll (up to 100 ms at a time); the OS wakes the
    next writer as soon as the lock is free, which keeps many writers at full speed.
    Without ``fcntl`` (Windows) or for a database in memory, SQLite's own waiting is all.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    lock = None
    if fcntl is not None and database and database != ":memory:" and not database.startswith("file:"):
        with contextlib.suppress(OSError):  # a folder we may not write in: SQLite's own waiting
            lock = open(f"{database}-writers", "a")  # noqa: SIM115 (closed below)
    if lock is None:
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` on SQLite, the map's write lock on PostgreSQL.

    Database failures leave as :class:`StoreError`; the transaction is rolled back, nothing is written.
    """
    try:
        with _writers_queue(engine), engine.connect() as conn:
            conn = conn.execution_options(map_write=True)
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
                yield conn
    except DBAPIError as exc:
        raise friendly(exc, describe(engine.url)) from None


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read transaction (a consistent snapshot on SQLite's WAL and PostgreSQL's repeatable read)."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn
    except DBAPIError as exc:
        raise friendly(exc, describe(engine.url)) from None
