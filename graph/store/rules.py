"""The rules a batch of changes must keep: those of :func:`graph.validate`, plus nothing left pointing at a deletion.

Only the rows a batch touches are checked, one row at a time with
:func:`graph.model.row_problems` (the rules of ``validate``, from the same
functions), against the few ids those rows name: an edit costs the same on a
map of fifty actors as on one of fifty thousand.

>>> from graph.store.engine import connect, writing
>>> from graph.store.migrate import create
>>> engine = create(connect("sqlite://"))
>>> stored, final = {("collaborations", "t"): None}, {("collaborations", "t"): {"id": "t", "source": "a",
...                                                                              "target": "ghost"}}
>>> with writing(engine) as conn:
...     [str(p) for p in content_problems([], stored, final, context_of(conn, stored, final))]
["collaborations #0, column 'source': unknown actor 'a'", "collaborations #0, column 'target': unknown actor 'ghost'"]
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from graph.model import Problem, row_problems, split_multi
from graph.store import queries
from graph.store.schema import DATA_TABLES

__all__ = ["Known", "content_problems", "context_of", "dangling", "relabel"]


def relabel(problem: Problem, where: str) -> Problem:
    """``problem`` pointed at a change (``actors #3``) instead of a row of a file."""
    return dataclasses.replace(problem, file=where, row=None)


@dataclasses.dataclass(frozen=True)
class Known:
    """The ids of one table that touched rows name and the map will hold, and whether that table has rows at all.

    >>> known = Known(frozenset({"a"}), rows=True)
    >>> "a" in known, "b" in known, len(Known(frozenset(), rows=False))
    (True, False, 0)
    """

    ids: frozenset[str]
    rows: bool

    def __contains__(self, row_id: object) -> bool:
        return row_id in self.ids

    def __len__(self) -> int:  # what row_problems asks: an empty table's names are not checked
        return int(self.rows) or len(self.ids)


def _touched(stored: dict, final: dict) -> dict:
    return {k: row for k, row in final.items() if row is not None and row != stored.get(k)}


def _known(conn: Connection, table: str, names: set[str], final: dict, ask_rows: bool) -> Known:
    """Which of ``names`` the table holds after the batch (``final``: the rows the batch leaves, None: deleted)."""
    mine = {k[1]: row for k, row in final.items() if k[0] == table}
    ids = {n for n in names if mine.get(n) is not None}
    ids |= set(queries.rows_by_id(conn, table, names - set(mine), columns=()))
    rows = bool(ids) or any(row is not None for row in mine.values())
    if ask_rows and not rows:
        t = DATA_TABLES[table]
        rows = conn.execute(sa.select(t.c.id).where(t.c.id.not_in(sorted(mine))).limit(1)).first() is not None
    return Known(frozenset(ids), rows)


def context_of(conn: Connection, stored: dict, final: dict) -> dict[str, Known]:
    """The actors, themes and documents the touched ties name, as the map will hold them after the batch."""
    ties = [row for (t, _), row in _touched(stored, final).items() if t == "collaborations"]
    names = {"actors": {row.get(e, "") for row in ties for e in ("source", "target")} - {""},
             "themes": {theme for row in ties for theme in split_multi(row.get("themes", ""))},
             "documents": {row.get("document", "") for row in ties} - {""}}
    # every tie needs its actors (a foreign key): the actors table counts as holding rows
    return {"actors": Known(_known(conn, "actors", names["actors"], final, False).ids, True),
            **{t: _known(conn, t, names[t], final, bool(names[t])) for t in ("themes", "documents")}}


def _changed_columns(changes: list) -> dict[tuple[str, str], set[str] | None]:
    """(table, id) -> the columns an update set; None for rows added (every column counts)."""
    out: dict[tuple[str, str], set[str] | None] = {}
    for c in changes:
        key = (c.table, c.id)
        if c.op == "add" or out.get(key, set()) is None:
            out[key] = None
        elif c.op == "update":
            out[key] = out.get(key, set()) | set(c.values)
    return out


def content_problems(changes: list, stored: dict, final: dict, context: dict[str, Known]) -> list[Problem]:
    """The errors :func:`graph.validate` would find in the touched rows (an update: in the columns it set)."""
    number = {(c.table, c.id): c.n for c in changes}
    columns = _changed_columns(changes)
    problems = []
    for (table, row_id), row in _touched(stored, final).items():
        cells = {k: v for k, v in row.items() if k not in ("version", "text")}
        allowed = columns.get((table, row_id))
        problems += [p for p in row_problems(table, cells, context, where=f"{table} #{number.get((table, row_id), 0)}")
                     if p.severity == "error" and (allowed is None or p.column in allowed)]
    return problems


def dangling(conn: Connection, changes: list, stored: dict, final: dict) -> list[Problem]:
    """Deleted actors, documents or themes that rows outside the batch still name."""
    number = {(c.table, c.id): c.n for c in changes}
    gone = {k for k, row in final.items() if row is None and stored.get(k) is not None}
    handled = {k[1] for k in final if k[0] == "collaborations"}
    problems = []
    actors = [k[1] for k in gone if k[0] == "actors"]
    for tie in queries.ties_touching(conn, actors) if actors else []:
        if tie["id"] in handled:
            continue
        for end in {tie["source"], tie["target"]} & set(actors):
            problems.append((("actors", end), "still_tied"))
    documents = [k[1] for k in gone if k[0] == "documents"]
    for tie in queries.ties_naming_document(conn, documents) if documents else []:
        if tie["id"] not in handled:
            problems.append((("documents", tie["document"]), "still_used"))
    for theme in [k[1] for k in gone if k[0] == "themes"]:
        for tie in queries.ties_naming_theme(conn, theme):
            if tie["id"] not in handled and theme in split_multi(tie["themes"]):
                problems.append((("themes", theme), "still_used"))
    counts: dict[tuple, int] = {}
    for item in problems:
        counts[item] = counts.get(item, 0) + 1
    return [Problem.of(f"{key[0]} #{number.get(key, 0)}", None, "id", code, table=key[0], id=key[1], n=n)
            for (key, code), n in counts.items()]
