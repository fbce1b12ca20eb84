"""Workbooks: our tables as sheets of one .xlsx, and Kumu's "Elements"/"Connections" workbooks.

Kumu names elements by ``Label``; connections point at labels with ``From``
and ``To``; ``|`` separates several values.  The label becomes the actor id, so
that ids stay exactly what the user wrote.  Column names are matched in
sv/en/nb as in CSV files.

A workbook is a zip archive: before anything is inflated, the sizes its parts
declare are added up and refused beyond :data:`graph.io.limits.MAX_INFLATED`
(Python's zip reader never inflates a part beyond its declared size), and a
sheet stops at :data:`graph.io.limits.MAX_ROWS` rows and
:data:`graph.io.limits.MAX_COLUMNS` columns, whatever its stated dimensions.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile

import pandas as pd

from graph.io.columns import direction_column, rename_user_columns
from graph.io.limits import MAX_CELLS, MAX_COLUMNS, MAX_INFLATED, MAX_SHEET_ROWS, check_table
from graph.io.tables import actors_from_ties, unescape_formula
from graph.model import TABLES, DataError, Dataset, Problem

__all__ = ["parse_workbook", "sheet_rows", "parse_kumu", "parse_our_sheets", "check_archive"]


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
        return pd.DataFrame(), [Problem.of(where, None, None, "empty_sheet")]
    header = list(rows[0])
    while header and not header[-1]:
        header.pop()
    problems = [Problem.of(where, 1, None, "column_without_name", number=i + 1) for i, h in enumerate(header) if not h]
    records, index = [], []
    for number, row in enumerate(rows[1:], start=2):
        if any(row):
            records.append((list(row) + [""] * len(header))[: len(header)])
            index.append(number)
    columns = [h or f"column_{i + 1}" for i, h in enumerate(header)]
    table = pd.DataFrame(records, columns=pd.Index(columns), index=index, dtype=object)
    return table.loc[:, ~table.columns.duplicated()], problems


def parse_kumu(elements: pd.DataFrame, connections: pd.DataFrame, file: str) -> Dataset:
    """Map Kumu's sheets onto our tables, keeping every other column as an attribute."""
    actors = rename_user_columns(elements, "actors", None)
    actors = actors.rename(columns={c: "tags" for c in actors.columns if c.lower() == "tags"})
    problems = []
    if "name" not in actors:
        problems.append(Problem.of(f"{file} [Elements]", 1, "Label", "missing_column"))
        actors["name"] = ""
    if "id" not in actors.columns:  # Kumu names elements by label; an "ID" column, if any, wins
        actors.insert(0, "id", actors["name"])
    ties = direction_column(rename_user_columns(connections, "collaborations", None))
    ties = ties.rename(columns={c: c.lower() for c in ties.columns if c.lower() in ("tags", "label")})
    for col, kumu in (("source", "From"), ("target", "To")):
        if col not in ties:
            problems.append(Problem.of(f"{file} [Connections]", 1, kumu, "missing_column"))
            ties[col] = ""
    if not len(actors) and len(ties):
        actors = actors_from_ties(ties)
    files = {"actors": f"{file} [Elements]", "collaborations": f"{file} [Connections]"}
    return Dataset(actors=actors, collaborations=ties, files=files, origin="kumu", problems=problems)


def parse_our_sheets(sheets: dict[str, pd.DataFrame], file: str) -> Dataset:
    """Our four tables from sheets named after them (column names matched as in CSV files)."""
    tables = {name: rename_user_columns(sheets[name], name, None) for name in TABLES if name in sheets}
    if "collaborations" in tables:
        tables["collaborations"] = direction_column(tables["collaborations"])
    if "actors" not in tables and "collaborations" in tables:
        tables["actors"] = actors_from_ties(tables["collaborations"])
    files = {name: f"{file} [{name}]" for name in TABLES}
    return Dataset(**tables, files=files, origin="xlsx")


def check_archive(data: bytes, file: str) -> None:
    """Refuse a zip whose parts would inflate beyond :data:`MAX_INFLATED` bytes (or that is no zip).

    >>> check_archive(b"PK\\x03\\x04 not really", "x.xlsx")
    Traceback (most recent call last):
    ...
    graph.model.DataError: x.xlsx: is not a readable .xlsx workbook (damaged, truncated or another format): File is not a zip file
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
            parts = len(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DataError(Problem.of(file, None, None, "bad_workbook", reason=str(exc) or type(exc).__name__)) from None
    if size > MAX_INFLATED or parts > 10_000:
        raise DataError(Problem.of(file, None, None, "too_much_inflated", size=f"{size:,}", limit=f"{MAX_INFLATED:,}"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                _count_rows(archive, info, file)


def _count_rows(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    """Refuse a worksheet with more than :data:`MAX_SHEET_ROWS` rows or :data:`MAX_CELLS` cells, counted
    in its inflated XML a megabyte at a time (far faster than reading the cells)."""
    rows = cells = 0
    tail = b""
    try:
        with archive.open(info) as part:
            while chunk := part.read(1 << 20):
                text = tail + chunk
                rows += text.count(b"<row") - tail.count(b"<row")
                cells += text.count(b"<c ") - tail.count(b"<c ")
                tail = text[-8:]
                if rows > MAX_SHEET_ROWS or cells > MAX_CELLS:
                    where = f"{file} [{info.filename.rsplit('/', 1)[-1].removesuffix('.xml')}]"
                    code, count, limit = ("too_many_rows", rows, MAX_SHEET_ROWS) if rows > MAX_SHEET_ROWS else \
                        ("too_many_cells", cells, MAX_CELLS)
                    raise DataError(Problem.of(where, None, None, code, count=f"{count:,}", limit=f"{limit:,}"))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:  # zlib errors, lying sizes (bad CRC)
        raise DataError(Problem.of(file, None, None, "bad_workbook", reason=str(exc) or type(exc).__name__)) from None


def _sheet(ws, file: str) -> list[tuple]:
    """A worksheet's rows, bounded whatever dimensions the sheet claims."""
    ws.reset_dimensions()  # a sheet may claim a million columns: read the cells it holds
    rows, cells = [], 0
    for row in ws.iter_rows(values_only=True):
        cells += len(row)
        if len(row) > MAX_COLUMNS:
            check_table(len(row), 0, f"{file} [{ws.title}]")
        if len(rows) >= MAX_SHEET_ROWS:
            check_table(1, len(rows) + 1, f"{file} [{ws.title}]")
        if cells > MAX_CELLS:
            raise DataError(Problem.of(f"{file} [{ws.title}]", None, None, "too_many_cells", count=f"{cells:,}",
                                       limit=f"{MAX_CELLS:,}"))
        rows.append(row)
    return rows


def _sheets(data: bytes, file: str) -> dict[str, list[tuple]]:
    import openpyxl

    check_archive(data, file)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                return {ws.title: _sheet(ws, file) for ws in book.worksheets}
            finally:
                book.close()
    except DataError:
        raise
    except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
        reason = str(exc).strip() or type(exc).__name__
        raise DataError(Problem.of(file, None, None, "bad_workbook", reason=reason[:200])) from None


def parse_workbook(data: bytes, file: str) -> Dataset:
    """Read the bytes of an .xlsx: Kumu's sheets or ours.

    Raises
    ------
    DataError
        If the bytes are not a readable workbook, would inflate too far, or
        have neither layout.
    """
    sheets = _sheets(data, file)
    lower = {title.lower(): title for title in sheets}
    problems: list[Problem] = []
    if "elements" in lower or "connections" in lower:
        frames = {}
        for key in ("elements", "connections"):
            if key in lower:
                frames[key], found = sheet_rows(sheets[lower[key]], file, lower[key])
                problems += [p for p in found if p.code != "empty_sheet"]
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
        raise DataError(Problem.of(file, None, None, "unknown_sheets", sheets=", ".join(map(repr, sheets))))
    return Dataset(actors=ds.actors, collaborations=ds.collaborations, themes=ds.themes, documents=ds.documents,
                   files=ds.files, origin=ds.origin, problems=[*problems, *ds.problems])
