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
from graph.model import DataError

__all__ = ["parse_pairs", "read_pairs", "FAST_FROM", "SUFFIXES"]

#: Files from this many bytes are worth the fast path (smaller ones read in no time anyway).
FAST_FROM = 1_000_000
SUFFIXES = (".edges", ".edgelist", ".txt")
_HEAD = 12


def parse_pairs(text: str, file: str = "edges") -> pd.DataFrame | None:
    """``source, target`` of a headerless two-column whitespace edge list, else ``None``.

    The first lines go through the general reader's rules (:func:`graph.io.edgelist.parse_edgelist`):
    unless they read as ties of two columns and no header, the file is not for the fast path.
    """
    head = "\n".join(text.split("\n", _HEAD)[:_HEAD])
    if any(c in head for c in ",;\"'"):
        return None
    try:
        sample = parse_edgelist(head, file)
    except DataError:
        return None
    lines = [line for line in head.split("\n") if line.strip()]
    if len(sample.collaborations) != len(lines) or any(len(line.split()) != 2 for line in lines):
        return None  # a header, or a third column
    try:
        table = pd.read_csv(io.StringIO(text), sep=r"\s+", header=None, dtype=str, keep_default_na=False,
                            na_filter=False, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    if table.shape[1] != 2:
        return None
    table.columns = ["source", "target"]
    return table


def read_pairs(path: str | Path) -> pd.DataFrame | None:
    """:func:`parse_pairs` of a big edge-list file; ``None`` for other files (read those the general way)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES or not path.is_file() or path.stat().st_size < FAST_FROM:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_pairs(text, path.name)
