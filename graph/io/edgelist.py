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

_HEADER_WORDS = {"source", "target", "from", "to", "u", "v", "node1", "node2", "src", "dst", "a", "b",
                 "weight", "källa", "mål", "fra", "til", "id1", "id2", "actor1", "actor2"}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _has_header(first: list[str], second: list[str] | None) -> bool:
    words = [v.strip().lower() for v in first]
    if all(w in _HEADER_WORDS for w in words[:2]):
        return True
    if second is None:
        return False
    return not any(_NUMBER.match(w) for w in words[:2]) and all(_NUMBER.match(v.strip()) for v in second[:2])


def is_edgelist_text(text: str) -> bool:
    """Whether text looks like a plain edge list rather than one of our tables."""
    head = text.split("\n", 1)[0].lower()
    return not any(word in head for word in ("source", "target", "id")) or head.strip() in (
        "source target", "source,target", "source;target", "source\ttarget")


def parse_edgelist(text: str, file: str) -> Dataset:
    """Parse edge-list text into a dataset whose actors are the ids it names."""
    delimiter = sniff_delimiter(text, (",", ";", "\t", " "))
    lines = [line for line in text.split("\n", 3)[:3] if line.strip()]
    split = [re.split(r" +", line.strip()) if delimiter == " " else line.split(delimiter) for line in lines]
    if not split or len(split[0]) < 2:
        raise DataError(Problem(file, 1, None, "an edge list needs two columns (source and target) "
                                               "separated by comma, semicolon, tab or space"))
    header = _has_header(split[0], split[1] if len(split) > 1 else None)
    try:
        table = pd.read_csv(io.StringIO(text), sep=r"\s+" if delimiter == " " else delimiter,
                            header=None, skiprows=1 if header else 0, dtype=str, keep_default_na=False,
                            na_filter=False, skip_blank_lines=True, usecols=range(min(3, len(split[0]))))
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(Problem(file, None, None, f"cannot be read as an edge list: {exc}")) from None
    names = ["source", "target", "weight"][: table.shape[1]]
    table.columns = names
    table.index = range(2 if header else 1, len(table) + (2 if header else 1))
    return Dataset(actors=actors_from_ties(table), collaborations=table,
                   files={"collaborations": file, "actors": file}, origin="edgelist")


def read_edgelist(path: Path) -> Dataset:
    """Read a plain edge-list file."""
    return parse_edgelist(decode(path.read_bytes(), str(path)), str(path))
