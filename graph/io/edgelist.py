"""Plain edge lists: two columns (three with a weight), any common delimiter, header optional.

>>> ds = parse_edgelist("u v\\n1 2\\n2 007\\n", "net.edges")
>>> list(ds.collaborations["target"]), list(ds.actors["id"])
(['2', '007'], ['1', '2', '007'])
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from graph.io.tables import actors_from_ties
from graph.io.text import decode, sniff_delimiter
from graph.model import DataError, Dataset, Problem

__all__ = ["parse_edgelist", "read_edgelist", "is_edgelist_text"]

#: Header pairs that name the two ends of a tie.
_HEADER_PAIRS = {("source", "target"), ("from", "to"), ("u", "v"), ("node1", "node2"), ("src", "dst"),
                 ("källa", "mål"), ("fra", "til"), ("id1", "id2"), ("actor1", "actor2"), ("aktör1", "aktör2")}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _cells(line: str, delimiter: str) -> list[str]:
    return [c.strip().strip('"') for c in (re.split(r"\s+", line.strip()) if delimiter == " " else line.split(delimiter))]


def _has_header(first: list[str], second: list[str] | None) -> bool:
    """A first row is a header when it names the two ends, or is words above a body of numbers."""
    words = [v.lower() for v in first]
    if tuple(words[:2]) in _HEADER_PAIRS:
        return True
    if second is None:
        return False
    return not any(_NUMBER.match(w) for w in words[:2]) and all(_NUMBER.match(v) for v in second[:2])


def is_edgelist_text(text: str) -> bool:
    """Whether text is a plain edge list rather than one of our tables (whose header has ``id`` or
    ``source`` and ``target`` among its cells).

    >>> is_edgelist_text("Ideell förening Nord,Kommun X"), is_edgelist_text("id,name")
    (True, False)
    """
    delimiter = sniff_delimiter(text, (",", ";", "\t", " "))
    cells = {c.lower() for c in _cells(text.split("\n", 1)[0], delimiter)}
    if {"source", "target"} <= cells:
        return len(cells) == 2  # just the two ends: an edge list with a header
    return "id" not in cells


def parse_edgelist(text: str, file: str) -> Dataset:
    """Parse edge-list text into a dataset whose actors are the ids it names.

    A third column is the tie's ``weight``; further columns are kept as attributes
    (named by the header, if there is one).
    """
    delimiter = sniff_delimiter(text, (",", ";", "\t", " "))
    lines = [line for line in text.split("\n", 3)[:3] if line.strip()]
    split = [_cells(line, delimiter) for line in lines]
    if not split or len(split[0]) < 2:
        raise DataError(Problem(file, 1, None, "an edge list needs two columns (source and target) "
                                               "separated by comma, semicolon, tab or space"))
    header = _has_header(split[0], split[1] if len(split) > 1 else None)
    try:
        table = pd.read_csv(io.StringIO(text), sep=r"\s+" if delimiter == " " else delimiter,
                            header=None, skiprows=1 if header else 0, dtype=str, keep_default_na=False,
                            na_filter=False, skip_blank_lines=True)
    except pd.errors.EmptyDataError:
        raise DataError(Problem.of(file, None, None, "empty_file")) from None
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(Problem(file, None, None, f"cannot be read as an edge list: {exc}")) from None
    extra = split[0][3:] if header else [f"column_{i + 4}" for i in range(len(split[0]) - 3)]
    names = (["source", "target", "weight"] + extra)[: table.shape[1]]
    names += [f"column_{i + 1}" for i in range(len(names), table.shape[1])]
    table.columns = names
    table.index = range(2 if header else 1, len(table) + (2 if header else 1))
    return Dataset(actors=actors_from_ties(table), collaborations=table,
                   files={"collaborations": file, "actors": file}, origin="edgelist")


def read_edgelist(path: Path) -> Dataset:
    """Read a plain edge-list file."""
    return parse_edgelist(decode(path.read_bytes(), str(path)), str(path))
