"""Turning the bytes of a delimited text file into rows: encoding, delimiter, quoting.

The pure layer of the CSV readers: :func:`decode` picks the encoding (UTF-8,
UTF-8 with BOM, UTF-16 with BOM, Windows-1252), :func:`sniff_delimiter` picks
``,`` ``;`` tab or space, and :func:`parse_rows` splits the text into records,
keeping every value a string (``NA``, ``NULL``, ``None`` and ``007`` stay as
written) and the line number each record starts on.

>>> text = decode("id;name\\r\\n007;Ålö\\r\\n".encode("cp1252"), "x.csv")
>>> parse_rows(text, "x.csv")
(['id', 'name'], [(2, ['007', 'Ålö'])])
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata

from graph.model import DataError, Problem

__all__ = ["decode", "sniff_delimiter", "parse_rows", "looks_binary", "DELIMITERS"]

DELIMITERS = (",", ";", "\t")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` looks like a binary file rather than text.

    >>> looks_binary(b"\\x00\\x01PK\\x03"), looks_binary("a;b\\nå;ö".encode())
    (True, False)
    """
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return control > max(2, len(sample) // 100)


def decode(data: bytes, file: str) -> str:
    """Decode a text file's bytes, NFC-normalised, without BOM, with ``\\n`` line ends.

    Raises
    ------
    DataError
        If the file is empty or binary.
    """
    if not data.strip():
        raise DataError(Problem.of(file, None, None, "empty_file"))
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif looks_binary(data):
        raise DataError(Problem.of(file, None, None, "binary_file"))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def sniff_delimiter(text: str, candidates: tuple[str, ...] = DELIMITERS) -> str:
    """The delimiter that splits the header, and then the most records into as many fields.

    The first 50 records are split with each candidate; quoted fields (holding
    delimiters or line breaks) are taken into account.

    >>> sniff_delimiter('a;b;c\\n"x,y";2;3\\n')
    ';'
    >>> sniff_delimiter("a b\\n1 2\\n", (",", ";", "\\t", " "))
    ' '
    """
    best, best_score = candidates[0], (-1, 0)
    for delim in candidates:
        try:
            reader = csv.reader(io.StringIO(text), delimiter=delim)
            rows = [r for r in itertools.islice(reader, 51) if r]
        except csv.Error:
            continue
        if len(rows) == 51:
            rows = rows[:-1]
        widths = [len(r) for r in rows]
        if not widths or widths[0] < 2:  # the header must split
            continue
        consistent = sum(1 for w in widths if w == widths[0]) / len(widths)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_rows(text: str, file: str, delimiter: str | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Split ``text`` into a header and numbered records.

    Each record is ``(line_number, values)`` where ``line_number`` is the line
    the record starts on (the header is line 1).  Fully empty lines are skipped.

    Raises
    ------
    DataError
        On malformed quoting.
    """
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=delimiter == " ")
    header: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for values in reader:
            if any(v.strip() for v in values):
                if header is None:
                    header = [v.strip() for v in values]
                else:
                    records.append((start, values))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(Problem(file, reader.line_num, None, f"cannot be read as CSV: {exc}")) from None
    if header is None:
        raise DataError(Problem.of(file, None, None, "empty_file"))
    return header, records
