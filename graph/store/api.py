"""The store's front door: open a map by URL, apply a batch of changes, read one row.

>>> from graph.store import create, connect
>>> engine = create(connect("sqlite://"))
>>> apply_changes(engine, [{"op": "add", "table": "themes", "row": {"id": "housing", "label_en": "Housing"}}],
...               author="Ann", message="")
1
>>> apply_changes(engine, [{"op": "add", "table": "themes", "row": {"id": "x"}}], author="V", message="",
...               role="viewer")
Traceback (most recent call last):
...
graph.store.errors.Forbidden: 'viewer' may look but not change the map
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from graph.store import queries
from graph.store.changes import check_role, parse_changes, write
from graph.store.engine import StoreError, connect, reading, writing
from graph.store.migrate import check

__all__ = ["apply_changes", "get_row", "open_store", "first_start"]


def open_store(url: str) -> Engine:
    """An engine on an existing map: the file must exist and hold the map's schema (upgraded if older)."""
    return check(connect(url, must_exist=True))


def first_start(url: str, data: str | Path) -> Engine:
    """The map at ``url``; on first start (no file, or an empty database) it is made from the files ``data``."""
    from graph.sources import open_dataset
    from graph.store.importer import import_dataset
    from graph.store.migrate import create

    engine = create(url)
    with reading(engine) as conn:
        empty = queries.next_revision(conn) == 1
    if empty:
        import_dataset(engine, open_dataset(data), author="setup", message=f"first start: {Path(data).name}")
    return engine


def apply_changes(engine: Engine, changes: list[dict], *, author: str, message: str,
                  role: str | None = None) -> int:
    """Apply a batch of changes as one revision and return its number; nothing is written unless all apply.

    Raises
    ------
    ChangeRejected
        A change breaks a rule (each problem names change, column and rule).
    Conflict
        A change names a version someone else has changed since (naming their change).
    Forbidden
        ``role`` may not write (a viewer).
    """
    check_role(role)
    parsed = parse_changes(changes)
    with writing(engine) as conn:
        return write(conn, parsed, author=author, message=message)


def get_row(engine: Engine, table: str, row_id: str) -> dict | None:
    """One row as a dict with its ``version``, or None."""
    if table not in queries.DATA_TABLES:
        raise StoreError("bad_change", n=0, reason=f"no table {table!r}")
    with reading(engine) as conn:
        return queries.rows_by_id(conn, table, [row_id]).get(row_id)
