"""The quick way to read one of our tables: pyarrow's CSV reader, for text it reads as :func:`parse_rows` would.

Text without quotes, NUL or ``\\r``, whose delimiter is not a space, whose
every record has as many values as its header and whose cells fit the csv
module's field limit is split in C by :func:`pyarrow.csv.read_csv`, its cells
kept as pyarrow strings (never a Python string per cell).  Anything else
(short or long rows, quoting, a header after blank lines, …) is left to the
careful path (:func:`graph.io.text.parse_rows`): :func:`plain_cells` says
``None`` and the caller reads the text as before, so both give the same table
and the same problems.

>>> raw, cells = plain_cells("id;namn\\n007; 'Ålö \\n\\n009;=1\\n", "actors.csv")
>>> raw, cells.index.tolist(), cells[1].tolist()
(['id', 'namn'], [2, 4], ["'Ålö", '=1'])
>>> plain_cells('id;namn\\n"007";x\\n', "actors.csv") is None
True
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from graph.io.limits import check_table
from graph.io.text import check_shape, first_line, sniff_delimiter

__all__ = ["FORMULA_START", "WHITESPACE", "plain_cells", "strip_cell", "unescape_formula"]

#: How text starts that a spreadsheet would run as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Every character :meth:`str.isspace` calls space (so :meth:`str.strip` takes it off), written out: finding them
#: among all of Unicode took a tenth of a second at every start.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
#: :data:`WHITESPACE` as an RE2 class (pyarrow's regexes run RE2 in C).
_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in WHITESPACE) + "]"
#: Cells :func:`strip_cell` may change: space at either end, or a leading ``'``.
_EDGES = f"^(?:{_SPACE}|')|{_SPACE}$"
#: A cell of nothing but space.
_BLANK = f"^{_SPACE}*$"


def unescape_formula(value: str) -> str:
    """Undo the ``'`` our writers put before formula-like text (see :func:`graph.io.writers.safe_cell`).

    >>> unescape_formula("'=1+1"), unescape_formula("''=x"), unescape_formula("'quoted'")
    ('=1+1', "'=x", "'quoted'")
    """
    return value[1:] if value.startswith("'") and value.lstrip("'").startswith(FORMULA_START) else value


def strip_cell(value: str) -> str:
    """A cell stripped, and our writers' ``'`` before formula-like text taken off.

    >>> strip_cell("  '=1+1 "), strip_cell("'quoted'")
    ('=1+1', "'quoted'")
    """
    return unescape_formula(value.strip())


def _clean(column) -> pd.Series:
    """``column`` (pyarrow strings) as a pandas ``str`` Series (as the careful path's, and held by pyarrow:
    never a Python string per cell), each cell :func:`strip_cell`-ed (the distinct cells it may change, once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    marked = pc.match_substring_regex(column, _EDGES)
    if pc.any(marked).as_py():
        distinct = pc.unique(pc.filter(column, marked))
        fixed = pa.array([strip_cell(v) for v in distinct.to_pylist()], type=column.type)
        column = pc.if_else(marked, pc.take(fixed, pc.index_in(column, value_set=distinct)), column)
    return pd.Series(column, dtype="str")


def plain_cells(text: str, file: str) -> tuple[list[str], pd.DataFrame] | None:
    """The header (each name stripped) and cells of ``text``, read by pyarrow, or ``None`` when the careful
    path must read it.

    The cells' columns are numbered from 0, their index is the line each record
    is on, records of blank cells are left out, and each cell is stripped (see
    :func:`strip_cell`): what :func:`graph.io.tables.parse_table` makes of
    :func:`graph.io.text.parse_rows`' records when they all have the header's
    width.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    check_shape(text, file)
    delimiter = sniff_delimiter(text)
    first = first_line(text).rstrip("\n")
    raw = [v.strip() for v in first.split(delimiter)]
    if (delimiter == " " or any(c in text for c in '"\x00\r') or not "".join(raw)
            or text.count("\n") < 1):
        return None
    check_table(len(raw), 0, file)
    try:
        data = text[len(first) + 1:].encode("utf-8")
        table = pcsv.read_csv(
            io.BytesIO(data),
            read_options=pcsv.ReadOptions(column_names=[f"c{i}" for i in range(len(raw))]),
            parse_options=pcsv.ParseOptions(delimiter=delimiter, quote_char=False, escape_char=False,
                                            newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(column_types={f"c{i}": pa.string() for i in range(len(raw))},
                                                strings_can_be_null=False, null_values=[], check_utf8=True))
    except (UnicodeEncodeError, pa.ArrowInvalid):
        return None  # a record of another width, say: the careful path tells which
    if not table.num_rows or any(pc.max(pc.utf8_length(c)).as_py() > csv.field_size_limit()
                                 for c in table.columns):
        return None
    blank = np.ones(table.num_rows, dtype=bool)
    for column in table.columns:  # only the cells of rows blank so far are looked at
        if blank.any():
            maybe = np.flatnonzero(blank)
            blank[maybe] = pc.match_substring_regex(column.take(maybe), _BLANK).to_numpy(zero_copy_only=False)
    lines = np.arange(2, table.num_rows + 2)
    if blank.all():
        return None  # no records: the careful path's empty table
    if blank.any():
        table, lines = table.filter(pa.array(~blank)), lines[~blank]
    cells = pd.DataFrame({i: _clean(c) for i, c in enumerate(table.columns)})
    cells.index = pd.Index(lines, dtype="int64")
    return raw, cells
