"""Readers and writers: :func:`read_dataset` opens anything the command line accepts.

``DATA`` may be a folder of CSV tables, one CSV file of ties or actors, an
.xlsx (our sheets or Kumu's), a .gexf, .graphml or .json file, or a plain edge
list (.edges, .txt, .tsv, .csv with two columns).

>>> read_dataset("no/such/place")
Traceback (most recent call last):
...
graph.model.DataError: no/such/place: no such file or folder
"""

from __future__ import annotations

from pathlib import Path

from graph.io.edgelist import is_edgelist_text, parse_edgelist, read_edgelist
from graph.io.excel import read_workbook
from graph.io.graphfiles import read_graph_file
from graph.io.tables import read_csv_file, read_folder
from graph.io.text import decode
from graph.io.writers import drop_contacts, safe_cell, write_tables, write_xlsx
from graph.model import DataError, Dataset, Problem

__all__ = ["read_dataset", "write_tables", "write_xlsx", "safe_cell", "drop_contacts", "SUFFIXES"]

SUFFIXES = (".csv", ".tsv", ".txt", ".edges", ".edgelist", ".xlsx", ".gexf", ".graphml", ".json")

_ZIP_MAGIC = b"PK\x03\x04"


def read_dataset(path: str | Path) -> Dataset:
    """Read a dataset from a folder or file, choosing the reader by what it is.

    Raises
    ------
    DataError
        With a sentence naming the file when it cannot be read at all.
    """
    try:
        return _read(Path(path))
    except DataError:
        raise
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OverflowError,
            UnicodeError, OSError) as exc:  # a reader met something it did not foresee: say so, in one sentence
        raise DataError(Problem.of(str(path), None, None, "unreadable", reason=f"{type(exc).__name__}: {exc}"[:300])) \
            from None


def _read(path: Path) -> Dataset:
    if not path.exists():
        raise DataError(Problem.of(str(path), None, None, "no_such_path"))
    if path.is_dir():
        return read_folder(path)
    suffix = path.suffix.lower()
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise DataError(Problem(str(path), None, None, f"cannot be read: {exc.strerror}")) from None
    if suffix in (".xlsx", ".xlsm") or head.startswith(_ZIP_MAGIC):
        return read_workbook(path)
    if suffix in (".gexf", ".graphml", ".json"):
        return read_graph_file(path)
    if suffix in (".xls", ".ods", ".numbers"):
        raise DataError(Problem(str(path), None, None,
                                f"{suffix} files are not supported: save it as .xlsx or CSV"))
    if suffix not in SUFFIXES and suffix:
        raise DataError(Problem.of(str(path), None, None, "unknown_file_type", value=suffix,
                                           allowed=", ".join(SUFFIXES)))
    if suffix in (".edges", ".edgelist"):
        return read_edgelist(path)
    text = decode(path.read_bytes(), str(path))
    if is_edgelist_text(text):
        return parse_edgelist(text, str(path))
    return read_csv_file(path)
