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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from graph import messages, vocab
from graph.cell_rules import (
    MULTI_VALUE_SEP,
    split_multi,
)
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
    "row_problems",
    "split_multi",
    "mint_tie_ids",
    "cap_problems",
    "normalised",
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


#: Column names (lower case) that hold personal contact data.
CONTACT_COLUMNS = frozenset({
    "email", "e-mail", "e_mail", "epost", "e-post", "phone", "telephone",
    "telefon", "mobile", "mobil", "contact", "contact_person", "kontaktperson",
    "contact_email", "contact_phone",
})


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


#: Tables of at most this many rows are normalised cell by cell (the rows an edit puts in).
FEW_ROWS = 64


def _empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[name]})


def _normalise(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Give ``table`` every standard column, as strings with '' for missing."""
    if len(table) <= FEW_ROWS:  # a few rows (an edit): cells walked in Python, a tenth of pandas' column by column
        cells = {c: table[c].tolist() for c in table.columns}
        if all(type(v) is str or v is None or (type(v) is float and v != v) for c in cells.values() for v in c):
            out = {c: [v if type(v) is str else "" for v in column] for c, column in cells.items()}  # None, NaN: ''
            out.update({c: [""] * len(table) for c in COLUMNS[name] if c not in out})
            return _vocabulary_codes(pd.DataFrame({c: pd.Series(v, index=table.index, dtype=str) for c, v in out.items()},
                                                  index=table.index), name)
    table = table.copy()
    for col in COLUMNS[name]:
        if col not in table.columns:
            table[col] = ""
    for col in table.columns:
        table[col] = table[col].fillna("").astype(str)
    return _vocabulary_codes(table, name)


def normalised(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """``table`` (rows of table ``name``) as a :class:`Dataset` holds it: every standard column, strings with ''
    for missing, vocabulary values as codes.

    >>> normalised(pd.DataFrame({"id": ["x"], "type": ["Kommun"]}), "actors")[["id", "type", "name"]].values.tolist()
    [['x', 'municipality', '']]
    """
    return _normalise(table, name)


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

    def subset(self, **tables: pd.DataFrame) -> Dataset:
        """A new dataset with some tables swapped for row subsets of this one's own (as a filter makes).

        Such rows are normalised already, so unlike :meth:`replace` they are not normalised again: at 20,000
        ties that is most of a filter's time.

        >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}])
        >>> ds.subset(actors=ds.actors[ds.actors["id"] == "b"]).actors["id"].tolist()
        ['b']
        """
        current = {name: getattr(self, name) for name in TABLES}
        for name, table in tables.items():
            if not table.columns.equals(current[name].columns):
                raise ValueError(f"{name}: not rows of this dataset's table (its columns differ)")
            current[name] = table
        new = object.__new__(Dataset)
        fields = {**current, "files": dict(self.files), "origin": self.origin, "problems": self.problems}
        for name, value in fields.items():
            object.__setattr__(new, name, value)
        return new

    @property
    def strict(self) -> bool:
        """Whether vocabularies are enforced (our own tables) or free (imports)."""
        return self.origin in ("tables", "xlsx")


# Validation lives in graph.validation (it needs the classes above); its functions are named here too, where
# the data model's readers have always found them.
from graph.validation import cap_problems, row_problems, validate  # noqa: E402
