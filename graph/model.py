"""The dataset: four tables, the problems found in them, and validation.

A :class:`Dataset` holds the tables of DESIGN.md §2 as pandas DataFrames of
strings (an empty string means "not stated").  Each table's index is the row
number in the file it came from, so that every :class:`Problem` can name file,
row and column.

>>> ds = Dataset.from_records(
...     actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
...     collaborations=[{"source": "a", "target": "c"}],
... )
>>> [str(p) for p in validate(ds)]
["collaborations, row 2, column 'target': unknown actor 'c'"]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from graph import messages, vocab
from graph.ids import mint_tie_ids

__all__ = [
    "TABLES",
    "COLUMNS",
    "REQUIRED",
    "MULTI_VALUE_SEP",
    "CONTACT_COLUMNS",
    "Problem",
    "DataError",
    "Dataset",
    "validate",
    "split_multi",
    "mint_tie_ids",
    "cap_problems",
]

TABLES = ("actors", "collaborations", "themes", "documents")

COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("id", "name", "type", "sector", "level", "country", "region",
               "municipality", "aliases", "description"),
    "collaborations": ("id", "source", "target", "kind", "themes", "status", "start",
                       "end", "weight", "evidence", "document"),
    "themes": ("id", "label_sv", "label_en", "label_nb"),
    "documents": ("id", "title", "publisher", "date", "language"),
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "actors": ("id",),
    "collaborations": ("source", "target"),
    "themes": ("id",),
    "documents": ("id",),
}

MULTI_VALUE_SEP = "|"

#: Column names (lower case) that hold personal contact data.
CONTACT_COLUMNS = frozenset({
    "email", "e-mail", "e_mail", "epost", "e-post", "phone", "telephone",
    "telefon", "mobile", "mobil", "contact", "contact_person", "kontaktperson",
    "contact_email", "contact_phone",
})

_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¤¥¶¼½¾©¸§]|Ã…|Ã„|Ã–|Ã˜|Ã†|â€")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)
_FORMULA = re.compile(r"^(?:[=@]|\+(?!\d))")
#: A cheap first sieve: every cell any of the three patterns above matches, matches this.
_SUSPECT = re.compile(r"[Ã<]|â€|javascript:|^[=@+]", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a dataset, located by file, row and column.

    >>> str(Problem("data/actors.csv", 7, "type", "unknown type 'x'"))
    "data/actors.csv, row 7, column 'type': unknown type 'x'"
    """

    file: str
    row: int | None
    column: str | None
    message: str
    severity: str = "error"
    code: str = ""
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, file: str, row: int | None, column: str | None, code: str, severity: str = "error",
           **params: object) -> Problem:
        """A problem whose sentence is :data:`graph.messages.MESSAGES` ``[code]``, so it can be translated.

        >>> Problem.of("a.csv", 3, "target", "unknown_actor", value="x").text("sv")
        "a.csv, rad 3, kolumn 'target': okänd aktör 'x'"
        """
        return cls(file, row, column, messages.render(code, "en", **params), severity, code,
                   tuple(params.items()))

    def text(self, lang: str = "en") -> str:
        """The problem as one line in ``lang`` (``en``, ``sv`` or ``nb``)."""
        row_word, column_word = messages.LOCATION.get(lang, messages.LOCATION["en"])
        where = [self.file]
        if self.row is not None:
            where.append(row_word.format(row=self.row))
        if self.column:
            where.append(column_word.format(column=self.column))
        message = messages.render(self.code, lang, **dict(self.params)) if self.code else self.message
        prefix = {"en": "warning: ", "sv": "varning: ", "nb": "advarsel: "}.get(lang, "warning: ")
        return f"{prefix if self.severity == 'warning' else ''}{', '.join(where)}: {message}"

    def __str__(self) -> str:
        return self.text("en")


class DataError(Exception):
    """Input that cannot be read at all; carries the problems found.

    >>> str(DataError([Problem("x.csv", None, None, "the file is empty")]))
    'x.csv: the file is empty'
    """

    def __init__(self, problems: Iterable[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[name]})


def _normalise(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Give ``table`` every standard column, as strings with '' for missing."""
    table = table.copy()
    for col in COLUMNS[name]:
        if col not in table.columns:
            table[col] = ""
    for col in table.columns:
        table[col] = table[col].fillna("").astype(str)
    return _vocabulary_codes(table, name)


def _vocabulary_codes(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Vocabulary values as codes: ``Kommun``, ``municipality`` and ``Municipality`` all become ``municipality``.

    Values no spelling matches stay as written (validation warns about them).
    """
    for (tname, col), vocabulary in vocab.VOCABULARIES.items():
        if tname != name or not len(table):
            continue
        values = table[col]
        distinct = [v for v in values.unique() if v and v not in vocabulary]
        codes = {v: vocab.to_code(vocabulary, v) for v in distinct}
        codes = {v: c for v, c in codes.items() if c}
        if codes:
            table[col] = values.map(lambda v, codes=codes: codes.get(v, v))
    return table


@dataclass(frozen=True, eq=False)
class Dataset:
    """The four tables of a dataset, and where they came from; immutable once made.

    ``files`` names, per table, the file (or sheet) problems should point at;
    ``origin`` says which reader made it ("tables", "kumu", "gexf", …), and
    ``problems`` holds what the reader found (missing columns, short rows).
    A dataset is never changed: :meth:`replace` (or :func:`dataclasses.replace`)
    makes a new one, so one read can be shared by every session and cached by
    what it was read from. Its tables are not edited in place either.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A", "type": "fund"}])
    >>> ds.origin = "kumu"
    Traceback (most recent call last):
    dataclasses.FrozenInstanceError: cannot assign to field 'origin'
    """

    actors: pd.DataFrame = field(default_factory=lambda: _empty_table("actors"))
    collaborations: pd.DataFrame = field(default_factory=lambda: _empty_table("collaborations"))
    themes: pd.DataFrame = field(default_factory=lambda: _empty_table("themes"))
    documents: pd.DataFrame = field(default_factory=lambda: _empty_table("documents"))
    files: dict[str, str] = field(default_factory=dict)
    origin: str = "tables"
    problems: tuple[Problem, ...] = ()

    def __post_init__(self) -> None:
        problems = list(self.problems)
        for name in TABLES:
            table = getattr(self, name)
            for col in REQUIRED[name]:
                if len(table.columns) and col not in table.columns:
                    problems.append(Problem.of(self.file(name), 1, col, "missing_column"))
            object.__setattr__(self, name, _normalise(table, name))
        if len(self.collaborations) and (self.collaborations["id"] == "").any():
            object.__setattr__(self, "collaborations",
                               self.collaborations.assign(id=mint_tie_ids(self.collaborations)))
        object.__setattr__(self, "problems", tuple(problems))
        object.__setattr__(self, "files", dict(self.files))

    @classmethod
    def from_records(cls, **tables: Iterable[Mapping[str, object]]) -> Dataset:
        """Build a dataset from lists of dicts; rows are numbered from 2 as in a file."""
        frames = {}
        for name, records in tables.items():
            frame = pd.DataFrame(list(records))
            frame.index = range(2, len(frame) + 2)
            frames[name] = frame
        return cls(**frames)

    def file(self, table: str) -> str:
        """The file name problems in ``table`` should name."""
        return self.files.get(table, table)

    def replace(self, **tables: pd.DataFrame) -> Dataset:
        """A new dataset with some tables swapped (the rest shared, never edited)."""
        current = {name: getattr(self, name) for name in TABLES}
        current.update(tables)
        return Dataset(**current, files=self.files, origin=self.origin, problems=self.problems)

    @property
    def strict(self) -> bool:
        """Whether vocabularies are enforced (our own tables) or free (imports)."""
        return self.origin in ("tables", "xlsx")


def split_multi(value: str) -> list[str]:
    """Split a multi-valued cell on ``|``.

    >>> split_multi("housing| language |")
    ['housing', 'language']
    """
    return [part.strip() for part in str(value).split(MULTI_VALUE_SEP) if part.strip()]


def _suspicious(distinct: pd.Series, values: pd.Series, pattern: re.Pattern) -> pd.Series:
    """The cells of ``values`` matching ``pattern``, testing only the ``distinct`` values given."""
    hits = set(distinct[distinct.str.contains(pattern, na=False)])
    return values[values.isin(hits)] if hits else values.iloc[:0]


def _check_text(ds: Dataset, name: str) -> list[Problem]:
    problems = []
    table = getattr(ds, name)
    for col in table.columns:
        values = table[col]
        distinct = pd.Series(values.unique())
        distinct = distinct[distinct.str.contains(_SUSPECT, na=False)]  # one pass, then three on the few left
        if distinct.empty:
            continue
        severity = "error" if ds.strict else "warning"  # a foreign file is what it is
        for row, value in _suspicious(distinct, values, _MOJIBAKE).items():
            problems.append(Problem.of(ds.file(name), row, col, "mojibake", severity, value=value[:40]))
        for row, value in _suspicious(distinct, values, _MARKUP).items():
            problems.append(Problem.of(ds.file(name), row, col, "markup", "warning", value=value[:40]))
        for row, value in _suspicious(distinct, values, _FORMULA).items():
            problems.append(Problem.of(ds.file(name), row, col, "formula", "warning", value=value[:40]))
    return problems


def _check_vocab(ds: Dataset, name: str) -> list[Problem]:
    """Values outside our vocabularies: kept as written, with a warning and the closest code.

    Imported files (Kumu, GEXF, …) bring their own vocabularies: they are told only
    about values that look like a misspelt code of ours.
    """
    problems = []
    table = getattr(ds, name)
    for (tname, col), values in vocab.VOCABULARIES.items():
        if tname != name:
            continue
        bad = table[col][(table[col] != "") & ~table[col].isin(values.keys())]
        hints = {value: vocab.did_you_mean(values, value) for value in bad.unique()}
        for row, value in bad.items():
            if hints[value]:
                problems.append(Problem.of(ds.file(name), row, col, "unknown_value_like", "warning", field=col,
                                           value=value, suggestion=hints[value]))
            elif ds.strict:
                problems.append(Problem.of(ds.file(name), row, col, "unknown_value", "warning", field=col,
                                           value=value, allowed=", ".join(values)))
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
    known = pd.Index(ds.actors["id"].astype(object)).unique()
    problems = []
    for end in ("source", "target"):
        ends = ties[end].str.strip()
        problems += [Problem.of(file, row, end, "no_end", end=end) for row in ends.index[ends == ""]]
        if len(known):
            found = known.get_indexer(ties[end].astype(object)) >= 0
            unknown = ties[end][(ends != "") & ~found]
            problems += [Problem.of(file, row, end, "unknown_actor", value=value) for row, value in unknown.items()]
    selfties = ties["source"][(ties["source"] != "") & (ties["source"] == ties["target"])]
    problems += [Problem.of(file, row, "target", "self_tie", value=value)
                 for row, value in selfties.items()]
    weights = ties["weight"][ties["weight"] != ""]
    numbers = pd.to_numeric(weights, errors="coerce")
    bad = weights[numbers.isna() | ~np.isfinite(numbers.fillna(0)) | (numbers < 0)]
    problems += [Problem.of(file, row, "weight", "not_number", value=value) for row, value in bad.items()]
    for col in ("start", "end"):
        dates = ties[col][ties[col] != ""]
        bad = dates[~dates.str.match(_DATE)]
        problems += [Problem.of(file, row, col, "not_date", value=value)
                     for row, value in bad.items()]
        shaped = dates[dates.str.match(_DATE)]
        impossible = {v for v in shaped.unique() if not _real_date(v)}
        problems += [Problem.of(file, row, col, "impossible_date", value=value)
                     for row, value in shaped[shaped.isin(impossible)].items()]
    both = ties[ties["start"].map(_real_date).astype(bool) & ties["end"].map(_real_date).astype(bool)]
    for row, tie in both[both["end"] < both["start"]].iterrows():
        problems.append(Problem.of(file, row, "end", "end_before_start", end=tie["end"], start=tie["start"]))
    return problems


def _real_date(value: str) -> bool:
    """Whether ``value`` (YYYY, YYYY-MM or YYYY-MM-DD) is a day, month or year that exists.

    >>> _real_date("2020-02-29"), _real_date("2019-02-29"), _real_date("2019-13"), _real_date("spring")
    (True, False, False, False)
    """
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] > 0


def _check_references(ds: Dataset) -> list[Problem]:
    problems = []
    ties, file = ds.collaborations, ds.file("collaborations")
    themes = set(ds.themes["id"])
    if themes:
        for row, value in ties["themes"].items():
            for theme in split_multi(value):
                if theme not in themes:
                    problems.append(Problem.of(file, row, "themes", "unknown_theme", value=theme))
    documents = set(ds.documents["id"])
    if documents:
        for row, value in ties["document"].items():
            if value and value not in documents:
                problems.append(Problem.of(file, row, "document", "unknown_document", value=value))
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
