"""Workbooks: our tables as sheets of one .xlsx, and Kumu's "Elements"/"Connections" workbooks.

Kumu names elements by ``Label``; connections point at labels with ``From``
and ``To``; ``|`` separates several values.  The label becomes the actor id, so
that ids stay exactly what the user wrote.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pandas as pd

from graph.io.tables import actors_from_ties, unescape_formula
from graph.model import COLUMNS, TABLES, DataError, Dataset, Problem

__all__ = ["read_workbook", "sheet_rows", "parse_kumu", "parse_our_sheets"]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return unescape_formula(str(value).strip())


def sheet_rows(rows: list[tuple], file: str, sheet: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A sheet's rows (first row = header) as a table indexed by sheet row number."""
    where = f"{file} [{sheet}]"
    rows = [tuple(_cell_text(v) for v in row) for row in rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        return pd.DataFrame(), [Problem(where, None, None, "the sheet is empty")]
    header = list(rows[0])
    while header and not header[-1]:
        header.pop()
    problems = [Problem(where, 1, None, f"column {i + 1} has no name") for i, h in enumerate(header) if not h]
    records, index = [], []
    for number, row in enumerate(rows[1:], start=2):
        if any(row):
            records.append((list(row) + [""] * len(header))[: len(header)])
            index.append(number)
    columns = [h or f"column_{i + 1}" for i, h in enumerate(header)]
    table = pd.DataFrame(records, columns=pd.Index(columns), index=index, dtype=object)
    return table.loc[:, ~table.columns.duplicated()], problems


def _rename_ci(table: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    lower = {c.lower(): c for c in table.columns}
    return table.rename(columns={lower[k]: v for k, v in mapping.items() if k in lower})


def parse_kumu(elements: pd.DataFrame, connections: pd.DataFrame, file: str) -> Dataset:
    """Map Kumu's sheets onto our tables, keeping every other column as an attribute."""
    standard = {c: c for c in COLUMNS["actors"] if c not in ("id", "name")}
    actors = _rename_ci(elements, {**standard, "label": "name", "tags": "tags", "id": "id"})
    problems = []
    if "name" not in actors:
        problems.append(Problem.of(f"{file} [Elements]", 1, "Label", "missing_column"))
        actors["name"] = ""
    if "id" not in actors.columns:  # Kumu names elements by label; an "ID" column, if any, wins
        actors.insert(0, "id", actors["name"])
    ties = _rename_ci(connections, {"from": "source", "to": "target", "type": "kind", "label": "label",
                                    "description": "description", "tags": "tags"})
    for col, kumu in (("source", "From"), ("target", "To")):
        if col not in ties:
            problems.append(Problem.of(f"{file} [Connections]", 1, kumu, "missing_column"))
            ties[col] = ""
    if not len(actors) and len(ties):
        actors = actors_from_ties(ties)
    files = {"actors": f"{file} [Elements]", "collaborations": f"{file} [Connections]"}
    return Dataset(actors=actors, collaborations=ties, files=files, origin="kumu", problems=problems)


def parse_our_sheets(sheets: dict[str, pd.DataFrame], file: str) -> Dataset:
    """Our four tables from sheets named after them (column names matched case-insensitively)."""
    tables = {name: _rename_ci(sheets[name], {c: c for c in COLUMNS[name]}) for name in TABLES if name in sheets}
    if "actors" not in tables and "collaborations" in tables:
        tables["actors"] = actors_from_ties(tables["collaborations"])
    files = {name: f"{file} [{name}]" for name in TABLES}
    return Dataset(**tables, files=files, origin="xlsx")


def read_workbook(path: Path) -> Dataset:
    """Read an .xlsx: Kumu's sheets or ours.

    Raises
    ------
    DataError
        If the file is not a readable workbook or has neither layout.
    """
    import openpyxl

    file = str(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
            try:
                sheets = {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
            finally:
                book.close()
    except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
        reason = str(exc).strip() or type(exc).__name__
        raise DataError(Problem.of(file, None, None, "bad_workbook", reason=reason)) from None
    lower = {title.lower(): title for title in sheets}
    problems: list[Problem] = []
    if "elements" in lower or "connections" in lower:
        frames = {}
        for key in ("elements", "connections"):
            if key in lower:
                frames[key], found = sheet_rows(sheets[lower[key]], file, lower[key])
                problems += [p for p in found if "empty" not in p.message]
            else:
                frames[key] = pd.DataFrame()
        ds = parse_kumu(frames["elements"], frames["connections"], file)
    elif any(name in lower for name in TABLES):
        frames = {}
        for name in TABLES:
            if name in lower:
                frames[name], found = sheet_rows(sheets[lower[name]], file, lower[name])
                problems += found
        ds = parse_our_sheets(frames, file)
    else:
        raise DataError(Problem(file, None, None,
                                f"has sheets {', '.join(map(repr, sheets))}; expected 'actors' and "
                                "'collaborations' (our tables) or 'Elements' and 'Connections' (Kumu)"))
    ds.problems[:0] = problems
    return ds
