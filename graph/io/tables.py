"""Our own tables as CSV: a folder of ``actors.csv``, ``collaborations.csv``, …

:func:`parse_table` is the pure layer (text in, table and problems out);
:func:`read_folder` and :func:`read_csv_file` open files.  A single CSV file
with ``source``/``target`` columns is read as a table of ties whose actors are
the ids it names.

>>> table, problems = parse_table("id;name\\n007;Ålö\\n008\\n", "actors.csv", "actors")
>>> table.loc[2, "id"], [str(p) for p in problems]
('007', ['actors.csv, row 3: the row has 1 value but the header has 2'])
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from graph.io.text import decode, parse_rows
from graph.model import REQUIRED, TABLES, DataError, Dataset, Problem

__all__ = ["FORMULA_START", "parse_table", "read_folder", "read_csv_file", "unescape_formula", "actors_from_ties"]

#: How text starts that a spreadsheet would run as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unescape_formula(value: str) -> str:
    """Undo the ``'`` our writers put before formula-like text (see :func:`graph.io.writers.safe_cell`).

    >>> unescape_formula("'=1+1"), unescape_formula("''=x"), unescape_formula("'quoted'")
    ('=1+1', "'=x", "'quoted'")
    """
    return value[1:] if value.startswith("'") and value.lstrip("'").startswith(FORMULA_START) else value


def parse_table(text: str, file: str, name: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse one of our tables from CSV text; rows are indexed by line number."""
    header, records = parse_rows(text, file)
    header = [h.lower() for h in header]
    problems = []
    if len(header) == 1 and any(c not in header for c in REQUIRED[name]):
        problems.append(Problem.of(file, 1, None, "one_column_header", value=header[0]))
    seen = set()
    for col in header:
        if col in seen or not col:
            problems.append(Problem(file, 1, col or None, "empty column name" if not col else "duplicate column"))
        seen.add(col)
    width = len(header)
    rows, index = [], []
    for line, values in records:
        if len(values) != width:
            if len(values) > width and not any(v.strip() for v in values[width:]):
                values = values[:width]
            else:
                code = "row_width_one" if len(values) == 1 else "row_width"
                problems.append(Problem.of(file, line, None, code, count=len(values), width=width))
                values = (values + [""] * width)[:width]
        rows.append([unescape_formula(v.strip()) for v in values])
        index.append(line)
    columns = [c if c else f"column_{i + 1}" for i, c in enumerate(header)]
    table = pd.DataFrame(rows, columns=pd.Index(columns), index=index, dtype=object)
    table = table.loc[:, ~table.columns.duplicated()]
    return table, problems


def _read_text(path: Path) -> str:
    try:
        return decode(path.read_bytes(), str(path))
    except OSError as exc:
        raise DataError(Problem(str(path), None, None, f"cannot be read: {exc.strerror}")) from None


def actors_from_ties(ties: pd.DataFrame) -> pd.DataFrame:
    """One actor per id named in ``ties``, in order of first appearance, named by id."""
    ends = pd.concat([ties["source"], ties["target"]], ignore_index=True)
    ids = pd.unique(ends[ends.str.strip() != ""])
    return pd.DataFrame({"id": ids, "name": ids}, index=range(1, len(ids) + 1))


def read_folder(folder: Path) -> Dataset:
    """Read a folder holding ``actors.csv``, ``collaborations.csv``, ``themes.csv``, ``documents.csv``."""
    found = {name: folder / f"{name}.csv" for name in TABLES if (folder / f"{name}.csv").is_file()}
    if "actors" not in found and "collaborations" not in found:
        raise DataError(Problem(str(folder), None, None,
                                "the folder holds neither actors.csv nor collaborations.csv"))
    tables, problems = {}, []
    for name, path in found.items():
        tables[name], found_problems = parse_table(_read_text(path), str(path), name)
        problems += found_problems
    files = {name: str(path) for name, path in found.items()}
    if "actors" not in tables:
        tables["actors"] = actors_from_ties(tables["collaborations"]) if "source" in tables["collaborations"] \
            and "target" in tables["collaborations"] else pd.DataFrame()
    return Dataset(**tables, files=files, origin="tables", problems=problems)


def read_csv_file(path: Path) -> Dataset:
    """Read one CSV file: a table of ties (``source``, ``target``, …) or of actors (``id``, …)."""
    text = _read_text(path)
    header = [h.strip().lower() for h in parse_rows(text.split("\n", 1)[0] + "\n", str(path))[0]]
    name = "collaborations" if {"source", "target"} <= set(header) else "actors"
    table, problems = parse_table(text, str(path), name)
    if name == "actors":
        return Dataset(actors=table, files={"actors": str(path)}, origin="tables", problems=problems)
    return Dataset(actors=actors_from_ties(table), collaborations=table,
                   files={"collaborations": str(path), "actors": str(path)}, origin="tables", problems=problems)
