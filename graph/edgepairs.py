"""Big plain edge lists read fast: two whitespace-separated ids a line, nothing else.

``python -m graph links`` and ``stats`` on a network of a million ties spend
most of their time reading it through the general reader (which sniffs,
validates and mints tie ids for every row).  A file that is nothing but two
ids a line needs none of that: :func:`parse_pairs` reads it with pandas' C
parser, and returns ``None`` for anything else (a header, a weight, a comma),
which the general reader then handles with its rules and its sentences.

>>> parse_pairs("a b\\nb c\\n").values.tolist()
[['a', 'b'], ['b', 'c']]
>>> parse_pairs("source target\\na b\\nb c\\nc a\\n") is None
True
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from graph.io.edgelist import parse_edgelist
from graph.io.limits import MAX_BYTES, MAX_ROWS, read_bytes
from graph.model import DataError

__all__ = ["parse_pairs", "read_pairs", "FAST_FROM", "SUFFIXES"]

#: Files from this many bytes are worth the fast path (smaller ones read in no time anyway).
FAST_FROM = 1_000_000
SUFFIXES = (".edges", ".edgelist", ".txt")
_HEAD = 12
_HEAD_BYTES = 1 << 16  #: where the first lines are looked for


def _pairs_head(head: str, file: str) -> bool:
    """Whether the first lines of ``head`` read, by the general reader's rules
    (:func:`graph.io.edgelist.parse_edgelist`), as ties of two columns and no header."""
    lines = [line for line in head.split("\n")[:_HEAD] if line.strip()]
    sample = "\n".join(lines)
    if not lines or any(c in sample for c in ",;\"'"):
        return False
    try:
        found = parse_edgelist(sample, file)
    except DataError:
        return False
    return len(found.collaborations) == len(lines) and all(len(line.split()) == 2 for line in lines)


def parse_pairs(text: str, file: str = "edges") -> pd.DataFrame | None:
    """``source, target`` of a headerless two-column whitespace edge list, else ``None``.

    Unless its first lines read as ties of two columns and no header (:func:`_pairs_head`), or when it
    holds more rows than the general reader takes, the text is not for the fast path.
    """
    if not _pairs_head(text[:_HEAD_BYTES], file):
        return None
    try:
        table = pd.read_csv(io.StringIO(text), sep=r"\s+", header=None, dtype=str, keep_default_na=False,
                            na_filter=False, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    if table.shape[1] != 2 or len(table) > MAX_ROWS:
        return None  # a ragged file, or one the general reader refuses with its sentence
    table.columns = ["source", "target"]
    return table


def read_pairs(path: str | Path) -> pd.DataFrame | None:
    """:func:`parse_pairs` of a big edge-list file; ``None`` for other files (read those the general way).

    Its first lines are looked at before the file is read whole, so a file for the general reader is read
    once, by it; files beyond the reader's limits go to the general reader too, which refuses them.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        return None
    if not FAST_FROM <= path.stat().st_size <= MAX_BYTES:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
        if not _pairs_head(head[:head.rfind(b"\n") + 1].decode("utf-8"), path.name):
            return None
        text = read_bytes(path).decode("utf-8")
    except (OSError, UnicodeDecodeError, DataError):
        return None
    return parse_pairs(text, path.name)
