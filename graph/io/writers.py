"""Writing our tables: a folder of CSV files and one .xlsx, safe for spreadsheets.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or CR) gets a leading ``'`` (OWASP's advice); real numbers
stay numbers.  Our readers take the ``'`` off again, so what is written reads
back equal.  Files appear whole or not at all: each is written beside its
target and renamed into place.

>>> safe_cell("=HYPERLINK(1)"), safe_cell("-3.5"), safe_cell("Åmål")
("'=HYPERLINK(1)", '-3.5', 'Åmål')
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from graph.io.tables import FORMULA_START as _FORMULA_START
from graph.model import CONTACT_COLUMNS, TABLES, Dataset

__all__ = ["safe_cell", "exact_number", "generate_csv", "generate_workbook", "write_tables", "write_xlsx",
           "drop_contacts", "atomic_write", "NUMERIC_COLUMNS"]

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def safe_cell(value: str) -> str:
    """``value`` with a leading ``'`` if a spreadsheet would treat it as a formula.

    Text that already looks escaped (``'=x``) gets one more ``'``, so our
    readers, which take one off (see :func:`graph.io.tables.unescape_formula`),
    read back exactly what was written.

    >>> safe_cell("'=x"), safe_cell("'plain")
    ("''=x", "'plain")
    """
    bare = value.lstrip("'")
    if bare.startswith(_FORMULA_START) and (bare != value or not _NUMBER.match(value)):
        return "'" + value
    return value


def drop_contacts(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` without columns holding personal contact data (e-mail, phone, contact person)."""
    keep = [c for c in table.columns if c.strip().lower().replace(" ", "_") not in CONTACT_COLUMNS]
    return table[keep]


def generate_csv(table: pd.DataFrame) -> str:
    """A table as CSV text (comma, quoted where needed, ``\\r\\n`` line ends as Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        writer.writerow([safe_cell(str(v)) for v in row])
    return out.getvalue()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _tables(ds: Dataset, with_contacts: bool) -> dict[str, pd.DataFrame]:
    tables = {name: getattr(ds, name) for name in TABLES}
    return tables if with_contacts else {n: drop_contacts(t) for n, t in tables.items()}


def write_tables(ds: Dataset, folder: Path, *, with_contacts: bool = False) -> list[Path]:
    """Write the four tables as UTF-8 CSV files with BOM (so Excel shows å, ä, ö) into ``folder``."""
    contents = {name: ("\ufeff" + generate_csv(table)).encode("utf-8")
                for name, table in _tables(ds, with_contacts).items()}
    paths = []
    for name, data in contents.items():
        atomic_write(folder / f"{name}.csv", data)
        paths.append(folder / f"{name}.csv")
    return paths


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # what XML (and so .xlsx) cannot hold


def exact_number(text: str) -> int | float | None:
    """``text`` as the number our readers turn back into exactly ``text``, else None.

    >>> exact_number("2"), exact_number("2.5"), exact_number("2.0"), exact_number("007"), exact_number("x")
    (2, 2.5, None, None, None)
    """
    if not _NUMBER.match(text):
        return None
    value = float(text)
    if not math.isfinite(value):
        return None
    if value.is_integer():
        return int(value) if str(int(value)) == text else None
    return value if repr(value) == text else None


def _sheet_cell(value: str, numeric: bool) -> object:
    number = exact_number(value) if numeric else None
    return number if number is not None else safe_cell(_ILLEGAL.sub("", str(value)))


def generate_workbook(sheets: Mapping[str, pd.DataFrame], numeric: Callable[[pd.DataFrame], set[str]]) -> bytes:
    """An .xlsx of ``sheets`` (title -> table): text formula-escaped, no formula cells, and numbers as
    numbers in the columns ``numeric(table)`` names, where they read back as written.

    >>> generate_workbook({"s": pd.DataFrame({"a": ["=1"]})}, lambda t: set())[:2]
    b'PK'
    """
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, table in sheets.items():
        sheet = book.create_sheet(title)
        columns = numeric(table)
        sheet.append([_sheet_cell(str(c), False) for c in table.columns])
        sheet.freeze_panes = "A2"  # the header row stays in view
        for row in table.itertuples(index=False):
            sheet.append([_sheet_cell(str(v), c in columns) for c, v in zip(table.columns, row, strict=True)])
        for cells in sheet.iter_rows():
            for cell in cells:
                if cell.data_type == "f":  # never let openpyxl store a formula
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


#: Columns of our tables that hold numbers.
NUMERIC_COLUMNS = frozenset({"weight", "points", "rank", "x", "y", "size"})


def write_xlsx(ds: Dataset, path: Path, *, with_contacts: bool = False) -> None:
    """Write the four tables as sheets of one workbook; numbers as numbers, no formula cells."""
    sheets = _tables(ds, with_contacts)
    atomic_write(path, generate_workbook(sheets, lambda table: set(table.columns) & NUMERIC_COLUMNS))
