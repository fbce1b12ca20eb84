"""What the readers accept at most, checked before and while reading, each refusal one sentence.

A file is read only when it is a regular file (never a FIFO, a device such as
``/dev/zero``, or a socket) of at most :data:`MAX_BYTES`; a table has at most
:data:`MAX_COLUMNS` columns, :data:`MAX_ROWS` rows and :data:`MAX_CELLS`
cells; a workbook inflates to at most :data:`MAX_INFLATED` bytes, and its
sheets hold at most :data:`MAX_SHEET_ROWS` rows (counted in the inflated
XML before a cell is read); XML and JSON
nest at most :data:`MAX_DEPTH` levels.  Each limit is far above the 200,000
actors and ties the app is built for.

>>> check_table(3, 2, "t.csv")
>>> check_table(MAX_COLUMNS + 1, 2, "t.csv")
Traceback (most recent call last):
...
graph.model.DataError: t.csv: has 1,001 columns; at most 1,000 are read
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from graph.model import DataError, Problem

__all__ = ["MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS", "MAX_CELLS", "MAX_INFLATED", "MAX_SHEET_ROWS", "MAX_DEPTH",
           "MAX_FILES",
           "check_size", "check_table", "check_regular", "read_bytes"]

MAX_BYTES = 200 * 1024 * 1024       #: a file read (CSV, XML, JSON) or uploaded
MAX_COLUMNS = 1_000                 #: columns of one table
MAX_ROWS = 2_000_000                #: rows of one table
MAX_CELLS = 40_000_000              #: rows × columns of one table
MAX_INFLATED = 256 * 1024 * 1024    #: what an .xlsx unpacks to, all its parts together
MAX_SHEET_ROWS = 1_048_576          #: rows of one worksheet (Excel's own limit), counted before it is read
MAX_DEPTH = 64                      #: nesting of XML elements, JSON values and GEXF/GraphML groups
MAX_FILES = 16                      #: files uploaded together or tables in a folder


def _limit(file: str, code: str, **params: object) -> DataError:
    return DataError(Problem.of(file, None, None, code, **{k: f"{v:,}" if isinstance(v, int) else v
                                                           for k, v in params.items()}))


def check_size(size: int, file: str) -> None:
    """Refuse more than :data:`MAX_BYTES` bytes."""
    if size > MAX_BYTES:
        raise _limit(file, "too_big", size=size, limit=MAX_BYTES)


def check_table(columns: int, rows: int, file: str) -> None:
    """Refuse a table beyond :data:`MAX_COLUMNS`, :data:`MAX_ROWS` or :data:`MAX_CELLS`."""
    if columns > MAX_COLUMNS:
        raise _limit(file, "too_many_columns", count=columns, limit=MAX_COLUMNS)
    if rows > MAX_ROWS:
        raise _limit(file, "too_many_rows", count=rows, limit=MAX_ROWS)
    if rows * columns > MAX_CELLS:
        raise _limit(file, "too_many_cells", count=rows * columns, limit=MAX_CELLS)


def check_regular(path: Path) -> os.stat_result:
    """The ``stat`` of ``path`` if it is a regular file or a folder; refuse FIFOs, devices and sockets.

    >>> check_regular(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    graph.model.DataError: /dev/null: is a device or pipe, not a file: only regular files and folders are read
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError(Problem.of(str(path), None, None, "no_such_path")) from None
    except OSError as exc:
        raise DataError(Problem.of(str(path), None, None, "unreadable", reason=exc.strerror or str(exc))) from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise DataError(Problem.of(str(path), None, None, "not_regular"))
    return info


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, read without blocking on pipes."""
    file = str(path)
    info = check_regular(path)
    if stat.S_ISDIR(info.st_mode):
        raise DataError(Problem.of(file, None, None, "is_folder"))
    check_size(info.st_size, file)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DataError(Problem.of(file, None, None, "unreadable", reason=exc.strerror or str(exc))) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped between stat and open
            raise DataError(Problem.of(file, None, None, "not_regular"))
        data = handle.read(MAX_BYTES + 1)
    check_size(len(data), file)
    return data
