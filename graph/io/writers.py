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
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from graph.io.tables import FORMULA_START as _FORMULA_START
from graph.model import CONTACT_COLUMNS, TABLES, Dataset

__all__ = ["safe_cell", "generate_csv", "write_tables", "write_xlsx", "drop_contacts", "atomic_write"]

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


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cell_value(value: str) -> object:
    """A number when our reader turns it back into the same text, else safe text."""
    from graph.io.excel import _cell_text

    if _NUMBER.match(value):
        number = float(value)
        number = int(number) if number.is_integer() and abs(number) < 2**53 else number
        if _cell_text(number) == value:
            return number
    return safe_cell(_ILLEGAL.sub("", value))


def write_xlsx(ds: Dataset, path: Path, *, with_contacts: bool = False) -> None:
    """Write the four tables as sheets of one workbook; numbers as numbers, no formula cells."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, table in _tables(ds, with_contacts).items():
        sheet = book.create_sheet(name)
        sheet.append([safe_cell(str(c)) for c in table.columns])
        numeric = {c for c in table.columns if c in ("weight", "points", "rank", "x", "y", "size")}
        for row in table.itertuples(index=False):
            cells = []
            for col, value in zip(table.columns, row):
                cell = _cell_value(value) if col in numeric else safe_cell(_ILLEGAL.sub("", str(value)))
                cells.append(cell)
            sheet.append(cells)
        for cells in sheet.iter_rows():
            for cell in cells:
                if cell.data_type == "f":  # never let openpyxl store a formula
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write(path, buffer.getvalue())
