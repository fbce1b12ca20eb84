"""The rules a batch of changes must keep: those of :func:`graph.validate`, plus nothing left pointing at a deletion.

Only the rows a batch touches are checked, against the ids the store holds,
so an edit costs the same on a map of fifty actors as on one of fifty thousand.

>>> from graph.store.engine import connect, writing
>>> from graph.store.migrate import create
>>> engine = create(connect("sqlite://"))
>>> with writing(engine) as conn:
...     row = {"id": "t", "source": "a", "target": "ghost"}
...     [str(p) for p in check_rules(conn, [], {("collaborations", "t"): None},
...                                  {("collaborations", "t"): row})]
["collaborations #0, column 'source': unknown actor 'a'", "collaborations #0, column 'target': unknown actor 'ghost'"]
"""

from __future__ import annotations

import dataclasses

import pandas as pd
from sqlalchemy.engine import Connection

from graph.model import TABLES, Dataset, Problem, split_multi, validate
from graph.store import queries

__all__ = ["check_rules", "relabel"]

_CONTEXT = 10 ** 9  # row numbers of rows that are only there to be referred to


def relabel(problem: Problem, where: str) -> Problem:
    """``problem`` pointed at a change (``actors #3``) instead of a row of a file."""
    return dataclasses.replace(problem, file=where, row=None)


def _frame(rows: list[tuple[int, dict]], context_ids: list[str]) -> pd.DataFrame:
    records = [row for _, row in rows] + [{"id": i} for i in context_ids]
    index = [n for n, _ in rows] + list(range(_CONTEXT, _CONTEXT + len(context_ids)))
    frame = pd.DataFrame(records, index=index, dtype=object)
    return frame.drop(columns=["version", "text"], errors="ignore")


def _context(conn: Connection, final: dict, touched: dict) -> dict[str, list[str]]:
    """Ids the touched rows may refer to that the batch does not touch: actors, themes, documents."""
    ends = {row[e] for (t, _), row in touched.items() if t == "collaborations" for e in ("source", "target")}
    mine = {k for k, row in final.items() if row is None or k in touched}
    in_batch = {k[1] for k in mine if k[0] == "actors"}
    actors = list(queries.rows_by_id(conn, "actors", ends - in_batch, columns=()))
    if not actors and not any(k[0] == "actors" for k in touched) and ends:
        actors = ["\x00"]  # a known actor, so that unknown ends are reported
    out = {"actors": actors}
    for table in ("themes", "documents"):
        batch = {k[1] for k in mine if k[0] == table}
        out[table] = sorted(queries.all_ids(conn, table) - batch)
    return out


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


def check_rules(conn: Connection, changes: list, stored: dict, final: dict) -> list[Problem]:
    """Errors of the touched rows (named ``table #n``, n the change's place), and dangling references."""
    touched = {k: row for k, row in final.items() if row is not None and row != stored.get(k)}
    number = {(c.table, c.id): c.n for c in changes}
    context = _context(conn, final, touched)
    tables = {t: _frame([(number.get(k, 0), r) for k, r in touched.items() if k[0] == t], context.get(t, []))
              for t in TABLES}
    ds = Dataset(**tables, files={t: t for t in TABLES}, origin="tables")
    columns = _changed_columns(changes)
    ids = {(t, n): i for (t, i), n in number.items()}
    problems = []
    for p in validate(ds):
        if p.severity != "error" or p.row is None or p.row >= _CONTEXT:
            continue
        allowed = columns.get((p.file, ids.get((p.file, p.row), "")))
        if allowed is None or p.column in allowed:
            problems.append(relabel(p, f"{p.file} #{p.row}"))
    return problems + _dangling(conn, stored, final, number)


def _dangling(conn: Connection, stored: dict, final: dict, number: dict) -> list[Problem]:
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
