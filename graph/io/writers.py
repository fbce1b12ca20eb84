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
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from graph.io.contacts import contact_columns
from graph.io.tables import FORMULA_START as _FORMULA_START
from graph.model import TABLES, Dataset

__all__ = ["safe_cell", "exact_number", "generate_csv", "generate_workbook", "generate_tables", "generate_xlsx",
           "write_tables", "write_xlsx", "drop_contacts", "atomic_write", "check_writable", "umask_mode",
           "NUMERIC_COLUMNS"]

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
    """``table`` without columns holding personal contact data (e-mail, phone, contact person), found by
    name in sv/en/nb or by content (see :func:`graph.io.contacts.contact_columns`).

    >>> list(drop_contacts(pd.DataFrame({"id": ["a"], "Mobilnummer": ["1"], "x": ["a@b.se"]})).columns)
    ['id']
    """
    drop = set(contact_columns(table))
    return table[[c for c in table.columns if c not in drop]]


def generate_csv(table: pd.DataFrame) -> str:
    """A table as CSV text (comma, quoted where needed, ``\\r\\n`` line ends as Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        writer.writerow([safe_cell(str(v)) for v in row])
    return out.getvalue()


def umask_mode() -> int:
    """The mode a new file gets under the process's umask (``0o644`` under the usual ``022``)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: read the umask by setting it, and put it back at once
    os.umask(mask)
    return 0o666 & ~mask


def check_writable(path: Path) -> None:
    """Refuse to replace anything but a regular file (a FIFO, a device, a socket, a folder).

    >>> check_writable(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    ValueError: /dev/null is not a regular file (a device, pipe or socket): choose a file name
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ValueError(f"{path} cannot be checked: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValueError(f"{path} is a folder: choose a file name")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{path} is not a regular file (a device, pipe or socket): choose a file name")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    The file gets the mode of the file it replaces, or the umask's for a new
    one; a path that is not a regular file is never replaced.
    """
    check_writable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else umask_mode()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _tables(ds: Dataset, with_contacts: bool) -> dict[str, pd.DataFrame]:
    tables = {name: getattr(ds, name) for name in TABLES}
    return tables if with_contacts else {n: drop_contacts(t) for n, t in tables.items()}


def generate_tables(ds: Dataset, *, with_contacts: bool = False) -> dict[str, bytes]:
    """The four tables as UTF-8 CSV files with BOM (so Excel shows å, ä, ö): file name -> bytes.

    >>> sorted(generate_tables(Dataset()))
    ['actors.csv', 'collaborations.csv', 'documents.csv', 'themes.csv']
    """
    return {f"{name}.csv": ("\ufeff" + generate_csv(table)).encode("utf-8")
            for name, table in _tables(ds, with_contacts).items()}


def write_tables(ds: Dataset, folder: Path | str, *, with_contacts: bool = False) -> list[Path]:
    """Write the four tables of :func:`generate_tables` into ``folder`` (a path, or its text); returns their
    paths.

    >>> import tempfile
    >>> sorted(p.name for p in write_tables(Dataset(), tempfile.mkdtemp()))
    ['actors.csv', 'collaborations.csv', 'documents.csv', 'themes.csv']
    """
    folder = Path(folder)
    contents = generate_tables(ds, with_contacts=with_contacts)
    for name in contents:
        check_writable(folder / name)
    paths = []
    for name, data in contents.items():
        atomic_write(folder / name, data)
        paths.append(folder / name)
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

    Made with XlsxWriter in memory (openpyxl writes each sheet through a temporary file), every text
    cell written as a string, so nothing in it is ever a formula.

    >>> generate_workbook({"s": pd.DataFrame({"a": ["=1"]})}, lambda t: set())[:2]
    b'PK'
    """
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
               "strings_to_urls": False}  # in memory: no temporary file; every text cell stays text
    book = xlsxwriter.Workbook(buffer, options)
    for title, table in sheets.items():
        sheet = book.add_worksheet(title)
        sheet.freeze_panes(1, 0)  # the header row stays in view
        columns = numeric(table)
        for c, name in enumerate(table.columns):
            sheet.write_string(0, c, _sheet_cell(str(name), False))
        for r, row in enumerate(table.itertuples(index=False), start=1):
            for c, (name, value) in enumerate(zip(table.columns, row, strict=True)):
                cell = _sheet_cell(str(value), name in columns)
                if isinstance(cell, str):
                    if cell:
                        sheet.write_string(r, c, cell)
                else:
                    sheet.write_number(r, c, cell)
    book.close()
    return buffer.getvalue()


#: Columns of our tables that hold numbers.
NUMERIC_COLUMNS = frozenset({"weight", "points", "rank", "x", "y", "size"})


def generate_xlsx(ds: Dataset, *, with_contacts: bool = False) -> bytes:
    """The four tables as sheets of one workbook; numbers as numbers, no formula cells."""
    return generate_workbook(_tables(ds, with_contacts), lambda table: set(table.columns) & NUMERIC_COLUMNS)


def write_xlsx(ds: Dataset, path: Path, *, with_contacts: bool = False) -> None:
    """Write the workbook of :func:`generate_xlsx` to ``path``."""
    atomic_write(path, generate_xlsx(ds, with_contacts=with_contacts))
