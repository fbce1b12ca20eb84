"""Our own tables as CSV: ``actors.csv``, ``collaborations.csv``, … and single files of ties.

Pure functions over text and bytes: :func:`parse_table` (text in, table and
problems out), :func:`parse_tables` (a folder's or an upload's files), and
:func:`table_from_text` (one file: ties, our table, an edge list, or a
refusal).  Column names are matched in sv/en/nb (see
:mod:`graph.io.columns`), so ``Från;Till`` is a table of ties.

>>> table, problems = parse_table("id;namn\\n007;Ålö\\n008\\n", "actors.csv", "actors")
>>> table.loc[2, "name"], [str(p) for p in problems]
('Ålö', ['actors.csv, row 3: the row has 1 value but the header has 2'])
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

import pandas as pd

from graph.io.columns import direction_column, map_header, table_kind
from graph.io.fastcsv import FORMULA_START, plain_cells, strip_cell, unescape_formula
from graph.io.limits import MAX_FILES, check_table
from graph.io.text import decode, first_line, parse_rows
from graph.model import REQUIRED, TABLES, DataError, Dataset, Problem

__all__ = ["FORMULA_START", "parse_table", "parse_tables", "table_from_text", "unescape_formula",
           "actors_from_ties", "tables_dataset"]

def _header_problems(header: list[str], raw: list[str], file: str, name: str) -> list[Problem]:
    problems = []
    if len(header) == 1 and any(c not in header for c in REQUIRED[name]):
        problems.append(Problem.of(file, 1, None, "one_column_header", value=raw[0]))
    seen = set()
    for col in header:
        if col in seen or not col:
            problems.append(Problem.of(file, 1, col or None, "duplicate_column" if col else "empty_column_name"))
        seen.add(col)
    return problems


def parse_table(text: str, file: str, name: str,
                columns: Mapping[str, str] | None = None, *, quick: bool = True
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse one of our tables from CSV text; rows are indexed by line number.

    Column names are mapped onto ours (``namn`` -> ``name``); ``columns``
    (our column -> the file's) is the user's own choice and comes first.
    Regular text is split by pyarrow (:func:`graph.io.fastcsv.plain_cells`),
    the rest, or all with ``quick=False``, by the csv module: the same table either way.
    """
    fast = plain_cells(text, file) if quick else None
    if fast is not None:
        raw, cells = fast
    else:
        raw, records = parse_rows(text, file)
    header = map_header(raw, name, columns)
    problems = _header_problems(header, raw, file, name)
    names = [c if c else f"column_{i + 1}" for i, c in enumerate(header)]
    if fast is not None:
        table = cells.set_axis(pd.Index(names), axis=1)
    else:
        table = _careful_table(records, names, file, problems)
    table = table.loc[:, ~table.columns.duplicated()]
    return (direction_column(table) if name == "collaborations" else table), problems


def _careful_table(records: list[tuple[int, list[str]]], names: list[str], file: str,
                   problems: list[Problem]) -> pd.DataFrame:
    """The table of ``records`` (each cell :func:`_clean`-ed, held as ``str`` as the quick path's); rows of
    another width are added to ``problems``."""
    width = len(names)
    rows, index = [], []
    for line, values in records:
        if len(values) != width:
            if len(values) > width and not "".join(values[width:]).strip():
                values = values[:width]
            else:
                code = "row_width_one" if len(values) == 1 else "row_width"
                problems.append(Problem.of(file, line, None, code, count=len(values), width=width))
                values = (values + [""] * width)[:width]
        rows.append(values)
        index.append(line)
    table = pd.DataFrame(rows, columns=pd.Index(names), index=index, dtype=object)
    table = table.loc[:, ~table.columns.duplicated()]
    for col in table.columns:
        table[col] = _clean(table[col]).astype("str")
    return table


def _clean(values: pd.Series) -> pd.Series:
    """Cells stripped, and our writers' ``'`` before formula-like text taken off (distinct values once)."""
    distinct = pd.unique(values.to_numpy())
    fixed = {v: strip_cell(v) for v in distinct if v != v.strip() or v.startswith("'")}
    return values.map(fixed).fillna(values) if fixed else values


def actors_from_ties(ties: pd.DataFrame) -> pd.DataFrame:
    """One actor per id named in ``ties``, in order of first appearance, named by id."""
    ends = pd.concat([ties["source"], ties["target"]], ignore_index=True).astype(str)
    ids = pd.unique(ends[ends.str.strip() != ""])
    return pd.DataFrame({"id": ids, "name": ids}, index=range(1, len(ids) + 1))


def tables_dataset(tables: dict[str, pd.DataFrame], files: dict[str, str], problems: list[Problem],
                   origin: str = "tables") -> Dataset:
    """A dataset of our tables; without an actors table, its actors are the ids the ties name."""
    if "actors" not in tables:
        ties = tables.get("collaborations", pd.DataFrame())
        tables["actors"] = actors_from_ties(ties) if {"source", "target"} <= set(ties.columns) else pd.DataFrame()
        if "collaborations" in files:
            files["actors"] = files["collaborations"]
    return Dataset(**tables, files=files, origin=origin, problems=problems)


def _which_table(file: str, text: str) -> str | None:
    stem = PurePath(file).stem.lower()
    if stem in TABLES:
        return stem
    first = first_line(text)
    for name in ("collaborations", "actors"):
        if table_kind(map_header(parse_rows(first, file)[0], name)) == name:
            return name
    return None


def parse_tables(files: Mapping[str, bytes], folder: str, columns: Mapping[str, str] | None = None) -> Dataset:
    """Our tables from several CSV files (a folder, or files uploaded together), told apart by name or header.

    Files named after our tables (``actors.csv`` …) are those tables; other
    files are a table of ties when their header names both ends, or of actors
    when it has an id (Gephi's node and edge tables, say).
    """
    if len(files) > MAX_FILES:
        raise DataError(Problem.of(folder, None, None, "too_many_files", count=len(files), limit=MAX_FILES))
    tables: dict[str, pd.DataFrame] = {}
    paths: dict[str, str] = {}
    problems: list[Problem] = []
    for file, data in files.items():
        text = decode(data, file)
        name = _which_table(file, text)
        if name is None or name in tables:
            continue
        tables[name], found = parse_table(text, file, name, columns)
        paths[name] = file
        problems += found
    if "actors" not in tables and "collaborations" not in tables:
        raise DataError(Problem.of(folder, None, None, "folder_without_tables"))
    return tables_dataset(tables, paths, problems)


def table_from_text(text: str, file: str, columns: Mapping[str, str] | None = None) -> Dataset | None:
    """One CSV file as our table of ties (its header names both ends), else None (an edge list, or nothing)."""
    first = parse_rows(first_line(text), file)[0]
    check_table(len(first), text.count("\n"), file)
    if table_kind(map_header(first, "collaborations", columns)) != "collaborations":
        return None
    table, problems = parse_table(text, file, "collaborations", columns)
    return tables_dataset({"collaborations": table}, {"collaborations": file}, problems)
