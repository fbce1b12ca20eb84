"""Plain edge lists: two columns (three with a weight), any common delimiter, header optional.

The first row is a header when it names columns we know (``från;till;vikt``),
is words above numbers, or names nothing that the rest of the file ties.  A
header we do not know is still a header: its first two columns are taken as
the ends of each tie, with a warning saying so.  A table whose first two
columns share no value (``kommunenavn;kommunenummer;fylke``) is a table of
things, not a network, and is refused with a sentence.

>>> ds = parse_edgelist("u v\\n1 2\\n2 007\\n", "net.edges")
>>> list(ds.collaborations["target"]), list(ds.actors["id"])
(['2', '007'], ['1', '2', '007'])
>>> ds = parse_edgelist("kommun;grannkommun;vikt\\nÅmål;Säffle;2\\nSäffle;Arvika;1\\n", "k.csv")
>>> ds.collaborations[["source", "target", "weight"]].values.tolist(), [p.code for p in ds.problems]
([['Åmål', 'Säffle', '2'], ['Säffle', 'Arvika', '1']], ['ends_guessed'])
"""

from __future__ import annotations

import io
import re

import pandas as pd

from graph.io.columns import map_header
from graph.io.limits import check_table
from graph.io.tables import actors_from_ties
from graph.io.text import sniff_delimiter
from graph.model import DataError, Dataset, Problem
from graph.vocab import column_for

__all__ = ["parse_edgelist", "EDGE_DELIMITERS"]

EDGE_DELIMITERS = (",", ";", "\t", " ")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def _cells(line: str, delimiter: str) -> list[str]:
    parts = re.split(r"\s+", line.strip()) if delimiter == " " else line.split(delimiter)
    return [c.strip().strip('"') for c in parts]


def _numeric(values: list[str]) -> bool:
    return bool(values) and all(_NUMBER.match(v) for v in values)


def _has_header(first: list[str], body: list[list[str]]) -> bool:
    """Whether the first row names columns rather than a tie."""
    if any(column_for("collaborations", c) for c in first[:3]):
        return True
    ends = [row[:2] for row in body if len(row) >= 2]
    if not ends:
        return False
    if not _numeric(first[:2]) and _numeric([v for row in ends for v in row]):
        return True
    thirds = [row[2] for row in body if len(row) > 2 and row[2]]
    if len(first) > 2 and not _NUMBER.match(first[2]) and _numeric(thirds):
        return True
    seen = {v for row in ends for v in row}
    repeats = sum(len(row) for row in ends) > len(seen)
    return len(ends) >= 3 and repeats and not ({first[0], first[1]} & seen)


def _read(text: str, delimiter: str, header: bool, file: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(text), sep=r"\s+" if delimiter == " " else delimiter, header=None,
                           skiprows=1 if header else 0, dtype=str, keep_default_na=False, na_filter=False,
                           skip_blank_lines=True, engine="c")
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=[0, 1])
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(Problem.of(file, None, None, "not_csv", reason=str(exc).strip()[:200])) from None


def _names(first: list[str], header: bool, width: int) -> list[str]:
    if header:
        mapped = map_header(first, "collaborations")
        names = ["source", "target"] + [m if m not in ("source", "target") else f"column_{i + 3}"
                                        for i, m in enumerate(mapped[2:])]
    else:
        names = ["source", "target", "weight"]
    names = names[:width] + [f"column_{i + 1}" for i in range(len(names), width)]
    return [n or f"column_{i + 1}" for i, n in enumerate(names)]


def parse_edgelist(text: str, file: str, *, strict_ends: bool = False) -> Dataset:
    """Parse edge-list text into a dataset whose actors are the ids it names.

    A third column is the tie's ``weight`` (unless a header names it
    otherwise); further columns are kept as attributes.  With
    ``strict_ends``, a table whose two first columns share no value is refused
    as "a table of things" (files without the .edges suffix).

    Raises
    ------
    DataError
        For fewer than two columns, or a table of things.
    """
    delimiter = sniff_delimiter(text, EDGE_DELIMITERS)
    lines = [line for line in text.split("\n", 12)[:12] if line.strip()]
    split = [_cells(line, delimiter) for line in lines]
    if not split or len(split[0]) < 2:
        raise DataError(Problem.of(file, 1, None, "edgelist_columns"))
    check_table(len(split[0]), text.count("\n"), file)
    header = _has_header(split[0], split[1:])
    table = _read(text, delimiter, header, file)
    if table.shape[1] < 2:
        raise DataError(Problem.of(file, 1, None, "edgelist_columns"))
    table.columns = _names(split[0], header, table.shape[1])
    start = 2 if header else 1
    table.index = range(start, len(table) + start)
    problems = []
    both_numeric = _numeric(table["source"].head(50).tolist()) and _numeric(table["target"].head(50).tolist())
    if strict_ends and len(table) and not both_numeric and not set(table["source"]) & set(table["target"]):
        raise DataError(Problem.of(file, None, None, "not_network", columns=", ".join(repr(c) for c in split[0][:8])))
    if header and [c.lower() for c in split[0][:2]] != ["source", "target"] and \
            map_header(split[0][:2], "collaborations") != ["source", "target"]:
        problems.append(Problem.of(file, 1, None, "ends_guessed", "warning", source=split[0][0], target=split[0][1]))
    return Dataset(actors=actors_from_ties(table), collaborations=table,
                   files={"collaborations": file, "actors": file}, origin="edgelist", problems=problems)
