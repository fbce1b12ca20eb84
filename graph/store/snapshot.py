"""The map read into a :class:`~graph.model.Dataset`: whole, or brought up to date from an earlier read.

:func:`load_dataset` reads every table (documents without their full text,
which the map does not show).  :func:`refresh` takes a :class:`Snapshot` (a
dataset and the revision it shows) and reads only the changes recorded since,
applying them to a copy: after an edit the app reads one row, not the map.

>>> from graph.store import apply_changes, connect, create
>>> engine = create(connect("sqlite://"))
>>> first = refresh(engine)
>>> apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "a", "name": "A"}}], author="Ann",
...               message="")
1
>>> later = refresh(engine, first)
>>> later.revision, later.dataset.actors["name"].tolist(), first.dataset.actors["name"].tolist()
(1, ['A'], [])
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from graph.build import positions
from graph.model import COLUMNS, TABLES, Dataset, normalised
from graph.store import queries
from graph.store.engine import describe, reading
from graph.store.schema import DATA_TABLES

__all__ = ["Snapshot", "load_dataset", "refresh", "read_tables", "advance"]

#: More changes than this since a snapshot: the whole map is read again instead.
MOST_CHANGES = 10_000
_LEFT_OUT = ("version", "text")  # a row's version and a document's full text are not part of the dataset


@dataclass(frozen=True)
class Snapshot:
    """A dataset read from the map, the revision it shows and that revision's stamp (time, author, message).

    The stamp tells a map made again from scratch (its revision numbers start over) from the one read.
    """

    revision: int
    stamp: tuple
    dataset: Dataset


def _cell(value: object) -> str:
    """One value kept as JSON in ``extra`` as the cell a file would give: '' for nothing, else its text."""
    if isinstance(value, str):
        return value
    return "" if value is None or value != value else str(value)  # value != value: NaN


def _extra_columns(extra: tuple, known: tuple[str, ...]) -> dict[str, pd.api.extensions.ExtensionArray]:
    """The columns kept as JSON in ``extra`` (beyond the data model's), in the order they first appear."""
    records = [json.loads(e) if e else {} for e in extra]
    names = dict.fromkeys(k for r in records for k in r if k not in known and k not in _LEFT_OUT)
    return {k: pd.array([_cell(r.get(k)) for r in records], dtype="str") for k in names}


#: table -> the statement reading it whole: the data model's columns and ``extra``, in the order rows were added.
_READ = {name: sa.select(*(t.c[c] for c in COLUMNS[name]), t.c.extra).order_by(t.c.pos, t.c.id)
         for name, t in DATA_TABLES.items()}


def _frame(name: str, rows: list) -> pd.DataFrame:
    """Rows as read by ``_READ[name]`` as a frame of strings (built as strings: the dataset needs no conversion)."""
    cells = list(zip(*rows)) if rows else [()] * (len(COLUMNS[name]) + 1)  # column by column: fast to frame
    columns = {c: pd.array(v, dtype="str") for c, v in zip(COLUMNS[name], cells, strict=False)}
    if any(e is not None for e in cells[-1]):
        columns.update(_extra_columns(cells[-1], COLUMNS[name]))
    return pd.DataFrame(columns, index=pd.RangeIndex(2, len(rows) + 2))


def read_tables(conn: Connection) -> dict[str, pd.DataFrame]:
    """Every table of the map now, as frames of strings, rows in the order they were added, numbered from 2.

    The four reads go to the database together (one round trip on PostgreSQL).
    """
    rows = queries.fetch_all(conn, [_READ[name] for name in TABLES])
    return {name: _frame(name, table_rows) for name, table_rows in zip(TABLES, rows, strict=True)}


def _dataset(engine: Engine, tables: dict[str, pd.DataFrame]) -> Dataset:
    where = describe(engine.url)
    return Dataset(**tables, files={t: f"{where} {t}" for t in TABLES}, origin="tables")


def _rows_frame(rows: list[dict], index: range | list) -> pd.DataFrame:
    return pd.DataFrame([{k: v for k, v in r.items() if k not in _LEFT_OUT} for r in rows], index=index,
                        dtype=object)


def _frame_of(rows: list[dict], name: str) -> pd.DataFrame:
    """Whole rows (dicts) as a table's frame: the data model's columns first, then the others."""
    frame = _rows_frame(rows, range(2, len(rows) + 2))
    return frame.reindex(columns=[*COLUMNS[name], *(c for c in frame.columns if c not in COLUMNS[name])]).fillna("")


def _advance_table(frame: pd.DataFrame, changes: list[dict], name: str | None = None) -> pd.DataFrame:
    """``frame`` after ``changes`` (oldest first) to its rows: a new frame, ``frame`` is left alone.

    With the table's ``name`` the rows put in are normalised as a :class:`~graph.model.Dataset` holds them.
    """
    final: dict[str, dict | None] = {}
    inserted: dict[str, int] = {}  # rows (re)inserted: they move to the end, as their place is their last insert
    for k, change in enumerate(changes):
        final[change["id"]] = change["after"]
        if change["op"] == "add":
            inserted[change["id"]] = k

    def rows(found: list[dict]) -> pd.DataFrame:
        block = _rows_frame(found, range(len(found)))
        return normalised(block, name) if name else block

    out = frame[~frame["id"].isin([i for i, row in final.items() if row is None or i in inserted])]
    updated = {i: row for i, row in final.items() if row is not None and i not in inserted}
    if updated:
        block = rows(list(updated.values()))
        out = out.reindex(columns=[*out.columns, *(c for c in block.columns if c not in out.columns)],
                          fill_value="")
        where = positions(out["id"], pd.Series(list(updated), dtype=object))  # a store's ids are each used once
        if (where < 0).any():
            raise LookupError("a changed row is not in the snapshot")  # not this map's snapshot: read it whole
        cells = block.reindex(columns=out.columns).fillna("")
        for column in out.columns:  # only the columns that changed are written (a column of strings is rebuilt)
            new = cells[column].to_numpy(dtype=object)
            if (out[column].iloc[where].to_numpy(dtype=object) != new).any():
                values = out[column].to_numpy(dtype=object, copy=True)
                values[where] = new
                out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    added = sorted((k, i) for i, k in inserted.items() if final[i] is not None)
    if added:
        out = pd.concat([out, rows([final[i] for _, i in added])], ignore_index=True).fillna("")
    out.index = range(2, len(out) + 2)
    return out


def advance(engine: Engine, ds: Dataset, changes: list[dict]) -> Dataset:
    """``ds`` after recorded ``changes`` (oldest first), as :func:`load_dataset` would read it then.

    Only the rows changed are normalised (:func:`graph.model.normalised`); the others were already. A change
    that brings a new column makes the whole dataset anew.
    """
    tables = {t: _advance_table(getattr(ds, t), [c for c in changes if c["table"] == t], t)
              for t in {c["table"] for c in changes}}
    if any(not table.columns.equals(getattr(ds, t).columns) for t, table in tables.items()):
        return _dataset(engine, {t: tables.get(t, getattr(ds, t)) for t in TABLES})
    for t, table in tables.items():
        for column in table.columns:  # the columns' types as the dataset's (rows put in may have made them object)
            if table[column].dtype != getattr(ds, t)[column].dtype:
                table[column] = table[column].astype(getattr(ds, t)[column].dtype)
    return ds.subset(**tables)


def _stamp(conn: Connection, number: int) -> tuple:
    info = queries.revision_info(conn, number) if number else None
    return (number, info["time"], info["author"], info["message"]) if info else (number,)


def _newest_stamp(conn: Connection) -> tuple:
    """The newest revision's stamp (as :func:`_stamp` gives it) in one query."""
    info = queries.newest_revision(conn)
    return (info["number"], info["time"], info["author"], info["message"]) if info else (0,)


def refresh(engine: Engine, snapshot: Snapshot | None = None) -> Snapshot:
    """The map now; from ``snapshot`` only the changes since its revision are read and applied (a new dataset).

    An unchanged map costs one query: its newest revision's stamp.
    """
    with reading(engine) as conn:
        stamp = _newest_stamp(conn)
        now = stamp[0]
        if snapshot is not None and snapshot.revision == now and snapshot.stamp == stamp:
            return snapshot
        ds = None
        if (snapshot is not None and snapshot.revision < now and _stamp(conn, snapshot.revision) == snapshot.stamp
                and queries.count_changes_after(conn, snapshot.revision) <= MOST_CHANGES):
            with contextlib.suppress(LookupError):
                ds = advance(engine, snapshot.dataset, queries.changes_since(conn, snapshot.revision))
        if ds is None:
            ds = _dataset(engine, read_tables(conn))
        return Snapshot(now, stamp, ds)


def load_dataset(engine: Engine, revision: int | None = None) -> Dataset:
    """The map as a :class:`~graph.model.Dataset` (now, or right after ``revision``).

    Rows come in the order they were added, numbered from 2 as in a file; problems name ``URL table``.
    """
    if revision is None:
        with reading(engine) as conn:
            tables = read_tables(conn)
        return _dataset(engine, tables)
    from graph.store.history import tables_at

    with reading(engine) as conn:
        tables = tables_at(conn, revision)
    return _dataset(engine, {t: _frame_of(rows, t) for t, rows in tables.items()})
