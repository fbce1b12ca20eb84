"""History, undo and the map as it was: everything read back from the recorded changes.

>>> from graph.store import connect, create, apply_changes, load_dataset
>>> engine = create(connect("sqlite://"))
>>> apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "a", "name": "A"}}], author="Ann",
...               message="first")
1
>>> apply_changes(engine, [{"op": "update", "table": "actors", "id": "a", "version": 1, "set": {"name": "B"}}],
...               author="Bo", message="rename")
2
>>> [(r["number"], r["author"], r["changes"]) for r in history(engine)]
[(2, 'Bo', 1), (1, 'Ann', 1)]
>>> undo(engine, 2, author="Ann")
3
>>> load_dataset(engine).actors["name"].tolist(), load_dataset(engine, revision=2).actors["name"].tolist()
(['A'], ['B'])
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from graph.model import TABLES, Problem
from graph.store import queries
from graph.store.changes import Change, check_role, write
from graph.store.engine import StoreError, reading, writing
from graph.store.errors import ChangeRejected, Conflict
from graph.store.history_text import undone_by

__all__ = ["history", "revision", "undo", "tables_at"]


def history(engine: Engine, limit: int | None = None) -> list[dict]:
    """Revisions newest first: number, time, author, message, undoes and how many changes."""
    with reading(engine) as conn:
        return queries.revision_list(conn, limit)


def latest_revision(engine: Engine) -> int:
    """The newest revision's number (0 before the first): one row read, whatever the revision changed.

    >>> from graph.store import apply_changes, connect, create
    >>> engine = create(connect("sqlite://"))
    >>> latest_revision(engine), apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "a"}}],
    ...                                        author="Ann", message=""), latest_revision(engine)
    (0, 1, 1)
    """
    with reading(engine) as conn:
        newest = queries.newest_revision(conn)
    return 0 if newest is None else int(newest["number"])


def revision(engine: Engine, number: int, *, limit: int | None = None) -> dict:
    """One revision with its changes (each with table, id, op, before and after)."""
    with reading(engine) as conn:
        info = queries.revision_info(conn, number)
        if info is None:
            raise StoreError("no_revision", revision=number)
        return {**info, "changes": queries.changes_of(conn, number, limit)}


def _inverse(change: dict, n: int) -> Change:
    before, after = change["before"], change["after"]
    if change["op"] == "add":
        return Change(n, "delete", change["table"], change["id"], version=after["version"])
    if change["op"] == "delete":
        values = {k: v for k, v in before.items() if k != "version"}
        return Change(n, "add", change["table"], change["id"], values, version=before["version"])
    values = {k: before.get(k, "") for k in after if k != "version" and before.get(k, "") != after[k]}
    return Change(n, "update", change["table"], change["id"], values, version=after["version"])


def undo(engine: Engine, number: int, *, author: str, role: str | None = None) -> int:
    """Undo revision ``number`` as a new revision (whose number is returned).

    Raises
    ------
    StoreError
        ``already_undone`` when a later revision undid it already (and was not undone in its turn).
    Conflict
        When a later revision changed one of the same rows (naming who, when and what).

    >>> from graph.store import apply_changes, connect, create
    >>> engine = create(connect("sqlite://"))
    >>> apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "a"}}], author="Ann", message="")
    1
    >>> undo(engine, 1, author="Ann")
    2
    >>> undo(engine, 1, author="Ann")
    Traceback (most recent call last):
    graph.store.engine.StoreError: revision 1 is already undone in revision 2
    """
    check_role(role)
    if not str(author or "").strip():
        raise ChangeRejected(Problem.of("author", None, None, "no_author"))
    with writing(engine) as conn:
        info = queries.revision_info(conn, number)
        if info is None:
            raise StoreError("no_revision", revision=number)
        by = undone_by(queries.undo_links(conn, number)).get(number)
        if by is not None:
            raise StoreError("already_undone", revision=number, by=by)
        done = queries.changes_of(conn, number)
        later = queries.later_changes(conn, number, {(c["table"], c["id"]) for c in done})
        if later:
            seen, conflicts = set(), []
            for other in later:
                if (other["table"], other["id"]) not in seen:
                    seen.add((other["table"], other["id"]))
                    conflicts.append({"table": other["table"], "id": other["id"], "version": None, "current": None,
                                      "other": other})
            raise Conflict(conflicts, undoing=number)
        inverse = [_inverse(c, n) for n, c in enumerate(done, start=1)]
        message = f"undo revision {number}" + (f": {info['message']}" if info["message"] else "")
        # the one write path's checks: an undo must not leave a tie to a removed actor, theme or document
        return write(conn, inverse, author=author, message=message, undoes=number)


def tables_at(conn, number: int | None = None) -> dict[str, list[dict]]:
    """Rows of every table now, or as they were right after revision ``number``."""
    rows = {t: {r["id"]: r for r in queries.all_rows(conn, t)} for t in TABLES}
    order = {t: {row_id: i for i, row_id in enumerate(rows[t])} for t in TABLES}
    if number is not None:
        if number and queries.revision_info(conn, number) is None:
            raise StoreError("no_revision", revision=number)
        for change in queries.changes_after(conn, number):  # newest first: step back one change at a time
            table = rows[change["table"]]
            if change["before"] is None:
                table.pop(change["id"], None)
            else:
                table[change["id"]] = change["before"]
    last = len(order["actors"]) + len(order["collaborations"]) + 10 ** 9
    return {t: sorted(rows[t].values(), key=lambda r: (order[t].get(r["id"], last), r["id"])) for t in TABLES}
