"""The one write path: a batch of changes, checked, then recorded as one revision.

A change is a dict, as in ``python -m graph apply``'s CHANGES.json::

    {"op": "add", "table": "actors", "row": {"id": "x", "name": "X"}}
    {"op": "update", "table": "collaborations", "id": "t1", "version": 3, "set": {"status": "ended"}}
    {"op": "delete", "table": "actors", "id": "x", "version": 1}

:func:`write` checks every change against the stored rows (versions: optimistic
concurrency) and against the rules of :func:`graph.validate`, then writes all
of them or none.  Forms, accepted suggestions, imports, undo and scripts all
end here.

>>> from graph.store.engine import connect, writing
>>> from graph.store.migrate import create
>>> engine = create(connect("sqlite://"))
>>> with writing(engine) as conn:
...     write(conn, [{"op": "add", "table": "actors", "row": {"id": "a", "name": "A", "type": "kommun"}},
...                  {"op": "add", "table": "collaborations", "row": {"source": "a", "target": "b"}}],
...           author="me", message="")
Traceback (most recent call last):
...
graph.store.errors.ChangeRejected: collaborations #2, column 'target': unknown actor 'b'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy.engine import Connection

from graph import vocab
from graph.model import COLUMNS, TABLES, Problem, mint_tie_ids
from graph.store import queries
from graph.store.errors import ChangeRejected, Conflict, Forbidden
from graph.store.rules import content_problems, context_of, dangling
from graph.store.schema import FIELDS
from graph.users import WRITERS

__all__ = ["Change", "parse_changes", "write", "check_role", "WRITERS"]

_COLUMN = re.compile(r"^[A-Za-z_][\w -]{0,62}$")
_RESERVED = {"version", "extra"}
_OPS = ("add", "update", "delete")


@dataclass
class Change:
    """One parsed change; ``n`` is its place in the batch (from 1), used in messages."""

    n: int
    op: str
    table: str
    id: str
    values: dict = field(default_factory=dict)
    version: int = 0


def check_role(role: str | None) -> None:
    """Refuse a role that may not write (``None`` is local use, without a users file)."""
    if role not in WRITERS:
        raise Forbidden("read_only", role=role)


def _bad(n: int, reason: str, column: str | None = None) -> Problem:
    return Problem.of(f"change #{n}", None, column, "bad_change", n=n, reason=reason)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _parse_one(n: int, raw: object) -> tuple[Change | None, list[Problem]]:
    if not isinstance(raw, dict):
        return None, [_bad(n, "a change is an object with op, table and row, set or id")]
    op, table = raw.get("op"), raw.get("table")
    if op not in _OPS:
        return None, [_bad(n, f"op must be one of {', '.join(_OPS)}, not {op!r}", "op")]
    if table not in TABLES:
        return None, [_bad(n, f"table must be one of {', '.join(TABLES)}, not {table!r}", "table")]
    values = raw.get("row" if op == "add" else "set", {}) if op != "delete" else {}
    if not isinstance(values, dict):
        return None, [_bad(n, "'row' and 'set' are objects of column: value", "row" if op == "add" else "set")]
    problems = [_bad(n, f"{k!r} is not a column name", str(k)) for k in values
                if not isinstance(k, str) or not _COLUMN.match(k) or k in _RESERVED]
    if op == "update" and "id" in values:
        problems.append(_bad(n, "an id never changes: add a new row and delete the old one", "id"))
    version = raw.get("version", 0 if op == "add" else None)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        problems.append(_bad(n, "'version' must be the row's version (a whole number) it is based on", "version"))
    row_id = _cell(values.get("id")) if op == "add" else _cell(raw.get("id"))
    if op != "add" and not row_id.strip():
        problems.append(_bad(n, "'id' names the row to change", "id"))
    cells = {k: _cell(v) for k, v in values.items()}
    for (vtable, column), vocabulary in vocab.VOCABULARIES.items():  # "kommun", "Municipality" -> municipality
        if vtable == table and cells.get(column):
            cells[column] = vocab.to_code(vocabulary, cells[column]) or cells[column]
    return Change(n, op, table, row_id.strip(), cells, version if isinstance(version, int) else 0), problems


def parse_changes(raw: object) -> list[Change]:
    """Check the shape of a batch (ops, tables, columns, versions) before any database work."""
    if not isinstance(raw, list) or not raw:
        raise ChangeRejected(_bad(0, "the changes are a non-empty list"))
    parsed, problems = [], []
    for n, item in enumerate(raw, start=1):
        change, found = _parse_one(n, item)
        problems += found
        if change is not None:
            parsed.append(change)
    if problems:
        raise ChangeRejected(problems)
    return parsed


def _mint_ids(conn: Connection, changes: list[Change]) -> None:
    """Give added ties without an id one made from their ends and kind, unused in the store."""
    new = [c for c in changes if c.op == "add" and c.table == "collaborations" and not c.id]
    if not new:
        return
    frame = pd.DataFrame([{"id": "", **c.values} for c in new]).reindex(columns=COLUMNS["collaborations"],
                                                                        fill_value="")
    given = {c.id for c in changes if c.table == "collaborations" and c.id}
    minted = mint_tie_ids(frame).tolist()
    stored = queries.rows_by_id(conn, "collaborations", minted, columns=())
    for change, tie_id in zip(new, minted, strict=True):
        candidate, k = tie_id, 1
        while candidate in stored or candidate in given:
            k += 1
            candidate = f"{tie_id}-{k}"
        given.add(candidate)
        change.id, change.values["id"] = candidate, candidate


def _conflict(conn: Connection, change: Change, current: int | None) -> dict:
    return {"table": change.table, "id": change.id, "version": change.version, "current": current,
            "other": queries.last_change(conn, change.table, change.id)}


def _stored(conn: Connection, changes: list[Change], known: dict | None) -> dict:
    """(table, id) -> the stored row (None: absent) of every row the batch names."""
    stored: dict[tuple[str, str], dict | None] = {}
    for table in TABLES:
        ids = [c.id for c in changes if c.table == table]
        if known is not None:
            found = known[table]
        else:
            found = queries.rows_by_id(conn, table, ids) if ids else {}
        stored.update({(table, i): found.get(i) for i in ids})
    return stored


def _stage(conn: Connection, changes: list[Change], known: dict | None = None) -> tuple[dict, dict, list[Problem]]:
    """(table, id) -> stored row and -> row after the batch (None: absent); conflicts raise at once."""
    stored = _stored(conn, changes, known)
    final, problems, conflicts, seen = dict(stored), [], [], set()
    for c in changes:
        key, before = (c.table, c.id), final[(c.table, c.id)]
        first = key not in seen
        seen.add(key)
        if c.op == "add":
            if before is not None:
                problems.append(Problem.of(f"{c.table} #{c.n}", None, "id", "row_exists", table=c.table, id=c.id))
                continue
            final[key] = {**{f: "" for f in FIELDS[c.table]}, **c.values, "version": c.version + 1}
        elif first and (stored[key] is None or stored[key]["version"] != c.version):
            if stored[key] is None and queries.last_change(conn, c.table, c.id) is None:
                problems.append(Problem.of(f"{c.table} #{c.n}", None, "id", "no_such_row", table=c.table, id=c.id))
            else:
                conflicts.append(_conflict(conn, c, stored[key] and stored[key]["version"]))
        elif before is None:
            problems.append(Problem.of(f"{c.table} #{c.n}", None, "id", "no_such_row", table=c.table, id=c.id))
        elif c.op == "update":
            final[key] = {**before, **c.values, "version": (stored[key] or before)["version"] + 1}
        else:
            final[key] = None
    if conflicts:
        raise Conflict(conflicts)
    return stored, final, problems


def _record(conn: Connection, stored: dict, final: dict, *, author: str, message: str, undoes: int | None) -> int:
    number = queries.next_revision(conn)
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    queries.add_revision(conn, number, when, str(author).strip(), str(message or ""), undoes)
    queries.add_changes(conn, number, _apply(conn, stored, final))
    return number


def write(conn: Connection, raw_changes: list[dict] | list[Change], *, author: str, message: str,
          undoes: int | None = None, checked: bool = False, known: dict | None = None) -> int:
    """Check and record a batch as one new revision, inside the write transaction ``conn``; return its number.

    The one write path: forms, scripts, undo and imports all end here.  ``checked`` skips the
    row rules when the caller validated the whole dataset already (an import); ``known``
    (table -> id -> stored row, every row of the tables) spares reading the rows again.

    Raises
    ------
    ChangeRejected
        Invalid changes (nothing written); each problem names the change, column and rule.
    Conflict
        A change named a version someone else has changed since.
    """
    if not str(author or "").strip():
        raise ChangeRejected(Problem.of("author", None, None, "no_author"))
    changes = raw_changes if raw_changes and isinstance(raw_changes[0], Change) else parse_changes(raw_changes)
    _mint_ids(conn, changes)
    stored, final, problems = _stage(conn, changes, known)
    if not checked:
        problems += content_problems(changes, stored, final, context_of(conn, stored, final))
    problems += dangling(conn, changes, stored, final)
    if problems:
        raise ChangeRejected(problems)
    return _record(conn, stored, final, author=author, message=message, undoes=undoes)


def _apply(conn: Connection, stored: dict, final: dict) -> list[dict]:
    """Write the difference between stored and final rows, in an order foreign keys accept."""
    records = []
    for table in ("documents", "themes", "actors", "collaborations"):  # adds: what ties point at first
        added = [final[k] for k in final if k[0] == table and stored[k] is None and final[k] is not None]
        queries.insert_rows(conn, table, added)
        records += [{"table": table, "id": r["id"], "op": "add", "before": None, "after": r} for r in added]
    for table in TABLES:
        changed = [k for k in final if k[0] == table and stored[k] is not None and final[k] is not None
                   and final[k] != stored[k]]
        queries.update_rows(conn, table, [final[k] for k in changed])
        records += [{"table": table, "id": k[1], "op": "update", "before": stored[k], "after": final[k]}
                    for k in changed]
    for table in ("collaborations", "actors", "themes", "documents"):  # deletes: ties before their actors
        gone = [k for k in final if k[0] == table and stored[k] is not None and final[k] is None]
        queries.delete_rows(conn, table, [k[1] for k in gone])
        records += [{"table": table, "id": k[1], "op": "delete", "before": stored[k], "after": None} for k in gone]
    return records
