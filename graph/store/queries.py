"""Small queries, each ``f(connection, …)``: the only place that speaks SQL (through SQLAlchemy Core).

They run on any connection — an in-memory SQLite in the tests, a file, a
PostgreSQL server — and never commit: the caller owns the transaction.

>>> from graph.store.engine import connect, writing
>>> from graph.store.migrate import create
>>> engine = create(connect("sqlite://"))
>>> with writing(engine) as conn:
...     insert_rows(conn, "actors", [{"id": "a", "name": "A", "version": 1}])
...     rows_by_id(conn, "actors", ["a", "b"])["a"]["name"]
'A'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from graph.store.schema import DATA_TABLES, FIELDS, changes, collaborations, revisions

__all__ = ["rows_by_id", "all_rows", "insert_rows", "update_rows", "delete_rows", "next_revision",
           "add_revision", "add_changes", "last_change", "ties_touching", "ties_naming_document",
           "ties_naming_theme", "revision_list", "undo_links", "changes_of", "later_changes", "changes_after", "changes_since",
           "count_changes_after", "count_rows", "revision_info", "newest_revision", "fetch_all"]

_CHUNK = 500


def _unpack(row) -> dict:
    """A stored row as one dict: its ``extra`` JSON spread into columns of their own."""
    out = dict(row)
    out.pop("pos", None)
    extra = out.pop("extra", None)
    if extra:
        out.update({k: v for k, v in json.loads(extra).items() if k not in out})
    return out


def _pack(table: str, row: dict) -> dict:
    """A row dict as stored: the data model's fields, other columns as JSON in ``extra``, and ``version``."""
    out = {f: row.get(f, "") for f in (*FIELDS[table], "version")}
    extra = {k: v for k, v in row.items() if k not in out}
    out["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return out


def _chunks(values: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def rows_by_id(conn: Connection, table: str, ids: Iterable[str], columns: Sequence[str] | None = None) -> dict:
    """id -> row (a dict with ``version``) of the rows of ``table`` among ``ids``."""
    t = DATA_TABLES[table]
    cols = [t.c[c] for c in ("id", *columns, "version")] if columns is not None else list(t.c)
    found = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in conn.execute(sa.select(*cols).where(t.c.id.in_(chunk))).mappings():
            found[row["id"]] = _unpack(row)
    return found


def all_rows(conn: Connection, table: str, columns: Sequence[str] | None = None) -> list[dict]:
    """Every row of ``table`` in the order they were added (``columns`` to read fewer, e.g. leave a document's text out)."""
    t = DATA_TABLES[table]
    cols = [t.c[c] for c in columns] if columns is not None else list(t.c)
    return [_unpack(r) for r in conn.execute(sa.select(*cols).order_by(t.c.pos, t.c.id)).mappings()]


_COMPILED: dict[tuple[str, sa.Select], str] = {}


def _sql(dialect: sa.Dialect, statement: sa.Select) -> str:
    """``statement`` (without parameters) as SQL text, compiled once per kind of database in this process:
    an engine keeps a cache of its own, so each new engine would compile it again."""
    key = (dialect.name, statement)
    if key not in _COMPILED:
        if len(_COMPILED) >= 256:  # meant for a module's constants: never more than a few
            _COMPILED.clear()
        _COMPILED[key] = str(statement.compile(dialect=dialect))
    return _COMPILED[key]


def fetch_all(conn: Connection, statements: Sequence[sa.Select]) -> list[list[tuple]]:
    """The rows of several reads without parameters, each a list of tuples, in the caller's transaction
    (begun: ``conn.begin()``).

    They go to the driver as SQL compiled once; with psycopg all together, in one round trip (its pipeline
    mode, where its libpq has it). A driver error leaves as SQLAlchemy's :class:`~sqlalchemy.exc.DBAPIError`,
    as from ``conn.execute``.

    >>> from graph.store.engine import connect, reading
    >>> from graph.store.migrate import create
    >>> with reading(create(connect("sqlite://"))) as conn:
    ...     fetch_all(conn, [sa.select(revisions.c.number), sa.select(sa.func.count()).select_from(changes)])
    [[], [(0,)]]
    """
    dialect = conn.dialect
    sql = [_sql(dialect, s) for s in statements]
    driver = conn.connection.driver_connection
    try:
        if dialect.driver == "psycopg" and dialect.loaded_dbapi.Pipeline.is_supported():
            with driver.pipeline():
                cursors = [driver.cursor() for _ in sql]
                for cursor, text in zip(cursors, sql, strict=True):
                    cursor.execute(text)
            return [cursor.fetchall() for cursor in cursors]
        cursor = driver.cursor()
        try:
            found = []
            for text in sql:
                cursor.execute(text)
                found.append(cursor.fetchall())
            return found
        finally:
            cursor.close()
    except dialect.loaded_dbapi.Error as exc:
        gone = dialect.is_disconnect(exc, driver, None)
        if gone:
            conn.invalidate()
        raise sa.exc.DBAPIError.instance("; ".join(sql), None, exc, dialect.loaded_dbapi.Error,
                                         connection_invalidated=gone, dialect=dialect) from exc


def count_rows(conn: Connection, table: str) -> int:
    """How many rows ``table`` holds."""
    return conn.execute(sa.select(sa.func.count()).select_from(DATA_TABLES[table])).scalar()


def insert_rows(conn: Connection, table: str, rows: list[dict]) -> None:
    """Insert whole rows (every field, ``version`` included)."""
    if rows:
        t = DATA_TABLES[table]
        start = (conn.execute(sa.select(sa.func.max(t.c.pos))).scalar() or 0) + 1
        conn.execute(t.insert(), [{**_pack(table, row), "pos": start + i} for i, row in enumerate(rows)])


def update_rows(conn: Connection, table: str, rows: list[dict]) -> None:
    """Write whole rows over the stored ones with the same id."""
    if rows:
        t = DATA_TABLES[table]
        fields = [f for f in (*FIELDS[table], "extra", "version") if f != "id"]
        stmt = t.update().where(t.c.id == sa.bindparam("_id")).values({f: sa.bindparam(f) for f in fields})
        conn.execute(stmt, [{"_id": row["id"], **_pack(table, row)} for row in rows])


def delete_rows(conn: Connection, table: str, ids: list[str]) -> None:
    """Delete the rows with these ids."""
    t = DATA_TABLES[table]
    for chunk in _chunks(ids):
        conn.execute(t.delete().where(t.c.id.in_(chunk)))


def next_revision(conn: Connection) -> int:
    """The number the next revision gets (call it inside the write lock)."""
    return (conn.execute(sa.select(sa.func.max(revisions.c.number))).scalar() or 0) + 1


def add_revision(conn: Connection, number: int, time: str, author: str, message: str,
                 undoes: int | None = None) -> None:
    """Record revision ``number``."""
    conn.execute(revisions.insert().values(number=number, time=time, author=author, message=message,
                                           undoes=undoes))


def add_changes(conn: Connection, revision: int, records: list[dict]) -> None:
    """Record the changes of a revision: dicts of table, id, op, before and after (rows or None)."""
    dump = lambda row: None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)  # noqa: E731
    conn.execute(changes.insert(), [
        {"revision": revision, "seq": seq, "table_name": r["table"], "row_id": r["id"], "op": r["op"],
         "before": dump(r["before"]), "after": dump(r["after"])} for seq, r in enumerate(records, start=1)])


def _change(row) -> dict:
    out = dict(row)
    out["table"], out["id"] = out.pop("table_name"), out.pop("row_id")
    out["before"] = None if out["before"] is None else json.loads(out["before"])
    out["after"] = None if out["after"] is None else json.loads(out["after"])
    return out


_WITH_REVISION = sa.select(changes, revisions.c.time, revisions.c.author, revisions.c.message).join(
    revisions, revisions.c.number == changes.c.revision)


def last_change(conn: Connection, table: str, row_id: str) -> dict | None:
    """The newest change to one row, with its revision's time, author and message."""
    row = conn.execute(_WITH_REVISION.where(changes.c.table_name == table, changes.c.row_id == row_id)
                       .order_by(changes.c.revision.desc()).limit(1)).mappings().first()
    return None if row is None else _change(row)


def ties_touching(conn: Connection, actor_ids: Iterable[str]) -> list[dict]:
    """The ties (id, source, target, version) with an end among ``actor_ids``."""
    ids, c = sorted(set(actor_ids)), collaborations.c
    found: dict[str, dict] = {}
    for chunk in _chunks(ids):
        query = sa.select(c.id, c.source, c.target, c.version).where(sa.or_(c.source.in_(chunk), c.target.in_(chunk)))
        found.update({r["id"]: dict(r) for r in conn.execute(query).mappings()})
    return list(found.values())


def ties_naming_document(conn: Connection, document_ids: Iterable[str]) -> list[dict]:
    """The ties (id, document) whose document is among ``document_ids``."""
    c, found = collaborations.c, []
    for chunk in _chunks(sorted(set(document_ids))):
        found += [dict(r) for r in conn.execute(sa.select(c.id, c.document).where(c.document.in_(chunk))).mappings()]
    return found


def ties_naming_theme(conn: Connection, theme: str) -> list[dict]:
    """The ties (id, themes) whose themes cell may name ``theme`` (the caller splits the cell)."""
    c = collaborations.c
    query = sa.select(c.id, c.themes).where(c.themes.contains(theme, autoescape=True))
    return [dict(r) for r in conn.execute(query).mappings()]


def revision_info(conn: Connection, number: int) -> dict | None:
    """One revision's number, time, author, message and what it undoes."""
    row = conn.execute(sa.select(revisions).where(revisions.c.number == number)).mappings().first()
    return None if row is None else dict(row)


def newest_revision(conn: Connection) -> dict | None:
    """The newest revision's number, time, author, message and what it undoes; None before the first.

    >>> from graph.store.engine import connect, writing
    >>> from graph.store.migrate import create
    >>> with writing(create(connect("sqlite://"))) as conn:
    ...     add_revision(conn, 1, "2026-01-01T10:00", "Ann", "first")
    ...     newest_revision(conn)["author"]
    'Ann'
    """
    row = conn.execute(sa.select(revisions).order_by(revisions.c.number.desc()).limit(1)).mappings().first()
    return None if row is None else dict(row)


def revision_list(conn: Connection, limit: int | None = None) -> list[dict]:
    """Revisions, newest first, each with how many changes it made."""
    count = sa.select(sa.func.count()).where(changes.c.revision == revisions.c.number).scalar_subquery()
    query = sa.select(revisions, count.label("changes")).order_by(revisions.c.number.desc())
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]


def undo_links(conn: Connection, revision: int) -> list[dict]:
    """The undos after ``revision``: their ``number`` and the revision each ``undoes``."""
    query = sa.select(revisions.c.number, revisions.c.undoes).where(revisions.c.number > revision,
                                                                     revisions.c.undoes.is_not(None))
    return [dict(r) for r in conn.execute(query).mappings()]


def changes_of(conn: Connection, revision: int, limit: int | None = None) -> list[dict]:
    """The changes of one revision, in the order they were made."""
    query = _WITH_REVISION.where(changes.c.revision == revision).order_by(changes.c.seq)
    if limit is not None:
        query = query.limit(limit)
    return [_change(r) for r in conn.execute(query).mappings()]


def later_changes(conn: Connection, revision: int, keys: set[tuple[str, str]]) -> list[dict]:
    """Changes after ``revision`` to any of the rows ``keys`` ((table, id) pairs), oldest first."""
    found = []
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        by_table.setdefault(table, []).append(row_id)
    for table, ids in by_table.items():
        for chunk in _chunks(sorted(ids)):
            query = _WITH_REVISION.where(changes.c.revision > revision, changes.c.table_name == table,
                                         changes.c.row_id.in_(chunk))
            found += [_change(r) for r in conn.execute(query).mappings()]
    return sorted(found, key=lambda c: (c["revision"], c["seq"]))


def count_changes_after(conn: Connection, revision: int) -> int:
    """How many changes the revisions after ``revision`` made."""
    return conn.execute(sa.select(sa.func.count()).where(changes.c.revision > revision)).scalar()


def changes_since(conn: Connection, revision: int) -> list[dict]:
    """Every change after ``revision``, oldest first (to bring a map read then up to date)."""
    query = sa.select(changes).where(changes.c.revision > revision).order_by(changes.c.revision, changes.c.seq)
    return [_change(r) for r in conn.execute(query).mappings()]


def changes_after(conn: Connection, revision: int) -> list[dict]:
    """Every change after ``revision``, newest first (to walk the map back in time)."""
    query = sa.select(changes).where(changes.c.revision > revision).order_by(changes.c.revision.desc(),
                                                                              changes.c.seq.desc())
    return [_change(r) for r in conn.execute(query).mappings()]
