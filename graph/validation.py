"""Validation: every problem of a :class:`~graph.model.Dataset` at once, named by file, row and column.

The rules of each cell live in :mod:`graph.cell_rules`; here they are run over whole tables (each distinct
value tested once), and over one row for the store's one write path (:func:`row_problems`).

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(actors=[{"id": "a"}], collaborations=[{"source": "a", "target": "b"}])
>>> [str(p) for p in validate(ds)]
["collaborations, row 2, column 'target': unknown actor 'b'"]
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping

import pandas as pd

from graph import vocab
from graph.cell_rules import (
    ANY_TEXT_RULE,
    TEXT_RULE_HINT,
    among,
    bad_weight,
    date_rule,
    end_rule,
    ends_before_start,
    text_rules,
    unknown_document,
    unknown_themes,
    vocab_rule,
)
from graph.model import COLUMNS, TABLES, Dataset, Problem

__all__ = ["validate", "row_problems", "cap_problems"]


def _flagged(values: pd.Series, rule, first: re.Pattern | None = None, hint: str | None = None
             ) -> tuple[pd.Series, dict]:
    """The cells of ``values`` that ``rule`` flags (each distinct value tested once), and value -> finding.

    ``first`` matches every value ``rule`` may flag: only those are given to ``rule``; ``hint`` (RE2, run by
    pyarrow in C) matches every value ``first`` matches, and is looked for first, in every cell (as pyarrow
    holds them: no Python string is made of a cell it does not match).
    """
    if hint is not None and len(values):
        values = values[_matching(values, hint)]
    distinct = pd.Series(values.unique(), dtype=object)
    if first is not None:
        distinct = distinct[distinct.str.contains(first)]
    found = {v: hit for v in distinct if (hit := rule(v))}
    return (values[values.isin(found.keys())] if found else values.iloc[:0]), found


def _matching(values: pd.Series, pattern: str):
    """Whether each of ``values`` (text) matches the RE2 ``pattern``, as a NumPy array.

    >>> _matching(pd.Series(["<b>", "x"]), "<").tolist()
    [True, False]
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    held = getattr(values.dtype, "storage", None) == "pyarrow"  # a Dataset's columns: str, held by pyarrow
    cells = pa.array(values.array) if held else pa.array(values.astype(str).to_numpy(), type=pa.large_string())
    return np.asarray(pc.match_substring_regex(cells, pattern).to_numpy(zero_copy_only=False), dtype=bool)


def _check_text(ds: Dataset, name: str) -> list[Problem]:
    problems = []
    table = getattr(ds, name)
    for col in table.columns:
        hits, found = _flagged(table[col], lambda v: text_rules(v, ds.strict), ANY_TEXT_RULE,
                               TEXT_RULE_HINT)
        for code in ("mojibake", "markup", "formula"):
            problems += [Problem.of(ds.file(name), row, col, code, severity, value=value[:40])
                         for row, value in hits.items() for c, severity in found[value] if c == code]
    return problems


def _check_vocab(ds: Dataset, name: str) -> list[Problem]:
    """Values outside our vocabularies: kept as written, with a warning and the closest code (see ``vocab_rule``)."""
    problems = []
    table = getattr(ds, name)
    for (tname, col), vocabulary in vocab.VOCABULARIES.items():
        if tname == name:
            hits, found = _flagged(table[col], lambda v, voc=vocabulary, c=col: vocab_rule(voc, c, v, ds.strict))
            problems += [Problem.of(ds.file(name), row, col, found[v][0], "warning", **found[v][1])
                         for row, v in hits.items()]
    return problems


def _check_ids(ds: Dataset, name: str) -> list[Problem]:
    table = getattr(ds, name)
    problems = [Problem.of(ds.file(name), row, "id", "empty_id")
                for row in table.index[table["id"].str.strip() == ""]]
    ids = table["id"][table["id"] != ""]
    dup = ids[ids.duplicated(keep=False)]
    for value, rows in dup.groupby(dup).groups.items():
        rows = list(rows)
        for row in rows[1:]:
            problems.append(Problem.of(ds.file(name), row, "id", "duplicate_id", value=value, first=rows[0]))
    return problems


def _check_ties(ds: Dataset) -> list[Problem]:
    ties, file = ds.collaborations, ds.file("collaborations")
    known, problems = ds.actors["id"], []
    actors = set(known.tolist())
    for end in ("source", "target"):  # only blank ends and ends that are not actors can be flagged
        maybe = ties[end][~among(ties[end], known) | (ties[end].str.strip() == "")]
        hits, found = _flagged(maybe, lambda v, e=end: end_rule(e, v, actors))
        for code in ("no_end", "unknown_actor"):
            problems += [Problem.of(file, row, end, code, **found[v][1]) for row, v in hits.items()
                         if found[v][0] == code]
    selfties = ties["source"][(ties["source"] != "") & (ties["source"] == ties["target"])]
    problems += [Problem.of(file, row, "target", "self_tie", value=value) for row, value in selfties.items()]
    hits, _ = _flagged(ties["weight"], lambda v: v != "" and bad_weight(v))
    problems += [Problem.of(file, row, "weight", "not_number", value=value) for row, value in hits.items()]
    for col in ("start", "end"):
        hits, found = _flagged(ties[col], lambda v: v != "" and date_rule(v))
        for code in ("not_date", "impossible_date"):
            problems += [Problem.of(file, row, col, code, value=v) for row, v in hits.items() if found[v] == code]
    dated = ties[(ties["start"] != "") & (ties["end"] != "")]
    for row, start, end in zip(dated.index, dated["start"], dated["end"], strict=True):
        if ends_before_start(start, end):
            problems.append(Problem.of(file, row, "end", "end_before_start", end=end, start=start))
    return problems


def _check_references(ds: Dataset) -> list[Problem]:
    ties, file = ds.collaborations, ds.file("collaborations")
    themes, documents = set(ds.themes["id"]), set(ds.documents["id"])
    named = ties["themes"][ties["themes"] != ""] if themes else ties["themes"].iloc[:0]  # no themes: not checked
    problems = [Problem.of(file, row, "themes", "unknown_theme", value=theme)
                for row, value in named.items() for theme in unknown_themes(value, themes)]
    hits, _ = _flagged(ties["document"], lambda v: unknown_document(v, documents))
    return problems + [Problem.of(file, row, "document", "unknown_document", value=value)
                       for row, value in hits.items()]


def row_problems(name: str, row: Mapping[str, str], known: Mapping[str, Container[str]], *, where: str,
                 strict: bool = True) -> list[Problem]:
    """What :func:`validate` finds in one row of table ``name``, by the same rules, without a table around it.

    ``known`` gives, per table the row refers to (``actors``, ``themes``, ``documents``), a container of
    ids to look names up in; an empty one means that table is empty, and (as in :func:`validate`) names
    into it are not checked.  Duplicate ids need the whole table: they are the caller's.

    >>> tie = {"id": "t", "source": "a", "target": "a", "weight": "-1", "themes": "housing"}
    >>> for p in row_problems("collaborations", tie, {"actors": {"a"}, "themes": {"jobs"}}, where="tie"): print(p)
    tie, column 'target': self-tie: 'a' is tied to itself
    tie, column 'weight': weight '-1' is not a number of 0 or more
    tie, column 'themes': unknown theme 'housing'
    """
    problems: list[Problem] = []

    def add(column: str, code: str, severity: str = "error", **params: object) -> None:
        problems.append(Problem.of(where, None, column, code, severity, **params))

    cell = lambda column: str(row.get(column, ""))  # noqa: E731
    for (tname, col), vocabulary in vocab.VOCABULARIES.items():
        if tname == name and (found := vocab_rule(vocabulary, col, cell(col), strict)):
            add(col, found[0], "warning", **found[1])
    if not cell("id").strip():
        add("id", "empty_id")
    if name == "collaborations":
        for end in ("source", "target"):
            if found := end_rule(end, cell(end), known.get("actors", ())):
                add(end, found[0], **found[1])
        if cell("source") and cell("source") == cell("target"):
            add("target", "self_tie", value=cell("source"))
        if cell("weight") and bad_weight(cell("weight")):
            add("weight", "not_number", value=cell("weight"))
        for col in ("start", "end"):
            if cell(col) and (code := date_rule(cell(col))):
                add(col, code, value=cell(col))
        if cell("start") and cell("end") and ends_before_start(cell("start"), cell("end")):
            add("end", "end_before_start", end=cell("end"), start=cell("start"))
        for theme in unknown_themes(cell("themes"), known.get("themes", ())):
            add("themes", "unknown_theme", value=theme)
        if unknown_document(cell("document"), known.get("documents", ())):
            add("document", "unknown_document", value=cell("document"))
    for col in [*COLUMNS[name], *(c for c in row if c not in COLUMNS[name])]:
        for code, severity in text_rules(cell(col), strict):
            add(col, code, severity, value=cell(col)[:40])
    return problems


def validate(ds: Dataset) -> list[Problem]:
    """Every problem in ``ds`` at once, in table order.

    Errors make a dataset unusable as it stands; warnings (``severity ==
    "warning"``) are reported but do not stop its use.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "type": "Leadergrupp"},
    ...                                   {"id": "a", "type": "municipallity"}])
    >>> list(ds.actors["type"])
    ['leader_group', 'municipallity']
    >>> for p in validate(ds): print(p)
    warning: actors, row 3, column 'type': unknown type 'municipallity': kept as written; did you mean 'municipality'?
    actors, row 3, column 'id': duplicate id 'a' (first used in row 2)
    """
    problems = list(ds.problems)
    for name in TABLES:
        problems += _check_vocab(ds, name)
        problems += _check_ids(ds, name)
    problems += _check_ties(ds)
    problems += _check_references(ds)
    for name in TABLES:
        problems += _check_text(ds, name)
    return problems


def cap_problems(problems: Iterable[Problem], per_kind: int = 10) -> list[Problem]:
    """At most ``per_kind`` problems of each kind (code and file), then one "… and N more like this".

    >>> many = [Problem.of("t.csv", r, "target", "unknown_actor", value="x") for r in range(2, 2_000_002)]
    >>> capped = cap_problems(many, 2)
    >>> [str(p) for p in capped]  # doctest: +NORMALIZE_WHITESPACE
    ["t.csv, row 2, column 'target': unknown actor 'x'", "t.csv, row 3, column 'target': unknown actor 'x'",
     't.csv: … and 1,999,998 more like this']
    """
    problems = list(problems)
    kind = lambda p: (p.code or p.message, p.file, p.severity)  # noqa: E731
    counts: dict[tuple, int] = {}
    for problem in problems:
        counts[kind(problem)] = counts.get(kind(problem), 0) + 1
    seen: dict[tuple, int] = {}
    out: list[Problem] = []
    for problem in problems:
        k = kind(problem)
        seen[k] = seen.get(k, 0) + 1
        if seen[k] <= per_kind:
            out.append(problem)
        if seen[k] == per_kind and counts[k] > per_kind:
            out.append(Problem.of(problem.file, None, None, "more_like_this", problem.severity,
                                  count=f"{counts[k] - per_kind:,}"))
    return out
