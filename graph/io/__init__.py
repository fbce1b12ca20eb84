"""Readers and writers: :func:`read_dataset` opens anything the command line or the app is given.

A source is a path (a folder of CSV tables, one CSV file of ties, an .xlsx of
our sheets or Kumu's, a .gexf, .graphml or .json file, a plain edge list), the
bytes of one file with its name, or several files (name, bytes) uploaded
together.  Every format is a pure function over bytes (:func:`parse_bytes`,
:func:`graph.io.tables.parse_tables`, …); a path is only opened here, after
:mod:`graph.io.limits` has checked what it is and how big.

>>> ds = read_dataset((b"fr\\xe5n;till\\nAm\\xe5l;S\\xe4ffle\\n", "grannar.csv"))
>>> ds.collaborations[["source", "target"]].values.tolist()
[['Amål', 'Säffle']]
>>> read_dataset("no/such/place")
Traceback (most recent call last):
...
graph.model.DataError: no/such/place: no such file or folder
"""

from __future__ import annotations

import stat
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath

from graph.io.edgelist import parse_edgelist
from graph.io.excel import parse_workbook
from graph.io.gexf import parse_gexf
from graph.io.graphml import parse_graphml
from graph.io.jsongraph import parse_json
from graph.io.limits import MAX_FILES, check_regular, check_size, read_bytes
from graph.io.tables import parse_tables, table_from_text
from graph.io.text import decode, first_line, parse_rows
from graph.io.writers import drop_contacts, safe_cell, write_tables, write_xlsx
from graph.model import TABLES, DataError, Dataset, Problem

__all__ = ["read_dataset", "parse_bytes", "peek_columns", "write_tables", "write_xlsx", "safe_cell", "drop_contacts",
           "SUFFIXES", "Source"]

SUFFIXES = (".csv", ".tsv", ".txt", ".edges", ".edgelist", ".xlsx", ".gexf", ".graphml", ".json")

#: What :func:`read_dataset` takes: a path, (bytes, file name), or [(file name, bytes), …].
Source = str | Path | tuple[bytes, str] | Sequence[tuple[str, bytes]]

_ZIP_MAGIC = b"PK\x03\x04"
_UNEXPECTED = (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OverflowError,
               UnicodeError, OSError, AttributeError)


def read_dataset(source: Source, *, columns: Mapping[str, str] | None = None) -> Dataset:
    """Read a dataset from a path, from one file's bytes and name, or from several uploaded files.

    Parameters
    ----------
    source : path, (bytes, name) or sequence of (name, bytes)
        What to read.  Names only serve to choose the format and to name
        the file in messages.
    columns : mapping, optional
        Our column -> the file's column, where the user has said which is which
        (``{"source": "kommun", "target": "grannkommun"}``).

    Raises
    ------
    DataError
        With a sentence naming the file when it cannot be read at all.
    """
    where = source[1] if isinstance(source, tuple) and len(source) == 2 and isinstance(source[0], bytes) else \
        str(source) if isinstance(source, (str, Path)) else "upload"
    try:
        return _read(source, columns)
    except DataError:
        raise
    except _UNEXPECTED as exc:  # a reader met something it did not foresee: say so, in one sentence
        raise DataError(Problem.of(str(where), None, None, "unreadable", reason=f"{type(exc).__name__}: {exc}"[:300])) \
            from None


def _read(source: Source, columns: Mapping[str, str] | None) -> Dataset:
    if isinstance(source, (str, Path)):
        return _read_path(Path(source), columns)
    if isinstance(source, tuple) and len(source) == 2 and isinstance(source[0], (bytes, bytearray)):
        return parse_bytes(bytes(source[0]), str(source[1]), columns=columns)
    files = [(str(name), bytes(data)) for name, data in source]
    if len(files) == 1:
        return parse_bytes(files[0][1], files[0][0], columns=columns)
    if len(files) > MAX_FILES:
        raise DataError(Problem.of("upload", None, None, "too_many_files", count=len(files), limit=MAX_FILES))
    for name, data in files:
        check_size(len(data), name)
    return parse_tables(dict(files), "upload", columns)


def _read_path(path: Path, columns: Mapping[str, str] | None) -> Dataset:
    info = check_regular(path)
    if not stat.S_ISDIR(info.st_mode):
        return parse_bytes(read_bytes(path), str(path), columns=columns)
    found = [path / f"{name}.csv" for name in TABLES if (path / f"{name}.csv").exists()]
    if not found:
        raise DataError(Problem.of(str(path), None, None, "folder_without_tables"))
    return parse_tables({str(p): read_bytes(p) for p in found}, str(path), columns)


def parse_bytes(data: bytes, name: str, *, columns: Mapping[str, str] | None = None) -> Dataset:
    """Read one file from its bytes, choosing the format by its name and first bytes.

    >>> parse_bytes(b"<gexf><graph><nodes><node id='a'/></nodes></graph></gexf>", "g.gexf").actors["id"].tolist()
    ['a']
    """
    check_size(len(data), name)
    suffix = PurePath(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm") or data.startswith(_ZIP_MAGIC):
        return parse_workbook(data, name)
    if suffix in (".gexf", ".graphml", ".json"):
        return {".gexf": parse_gexf, ".graphml": parse_graphml, ".json": parse_json}[suffix](data, name)
    if suffix in (".xls", ".ods", ".numbers"):
        raise DataError(Problem.of(name, None, None, "unsupported_format", value=suffix))
    if suffix not in SUFFIXES and suffix:
        raise DataError(Problem.of(name, None, None, "unknown_file_type", value=suffix, allowed=", ".join(SUFFIXES)))
    text = decode(data, name)
    if suffix in (".edges", ".edgelist"):
        return parse_edgelist(text, name)
    if PurePath(name).stem.lower() in TABLES:
        return parse_tables({name: data}, name, columns)
    return table_from_text(text, name, columns) or parse_edgelist(text, name, strict_ends=True)


def peek_columns(data: bytes, name: str) -> list[str]:
    """The column names in the first row of a delimited text file (what the app's mapping step offers).

    >>> peek_columns("kommunenavn;kommunenummer;fylke\\nOslo;0301;Oslo\\n".encode(), "k.csv")
    ['kommunenavn', 'kommunenummer', 'fylke']
    """
    check_size(len(data), name)
    return parse_rows(first_line(decode(data, name)), name)[0]
