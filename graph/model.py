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

import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from graph import messages, vocab
from graph.cell_rules import (
    ANY_TEXT_RULE,
    MULTI_VALUE_SEP,
    TEXT_RULE_HINT,
    among,
    bad_weight,
    date_rule,
    end_rule,
    ends_before_start,
    split_multi,
    text_rules,
    unknown_document,
    unknown_themes,
    vocab_rule,
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


def _flagged(values: pd.Series, rule, first: re.Pattern | None = None, hint: str | None = None
             ) -> tuple[pd.Series, dict]:
    """The cells of ``values`` that ``rule`` flags (each distinct value tested once), and value -> finding.

    ``first`` matches every value ``rule`` may flag: only those are given to ``rule``; ``hint`` (RE2, run by
    pyarrow in C) matches every value ``first`` matches, and is looked for before it.
    """
    distinct = pd.Series(values.unique(), dtype=object)
    if hint is not None and len(distinct):
        import pyarrow as pa
        import pyarrow.compute as pc

        marked = pc.match_substring_regex(pa.array(distinct.to_numpy(), type=pa.large_string()), hint)
        distinct = distinct[marked.to_numpy(zero_copy_only=False)]
    if first is not None:
        distinct = distinct[distinct.str.contains(first)]
    found = {v: hit for v in distinct if (hit := rule(v))}
    return (values[values.isin(found.keys())] if found else values.iloc[:0]), found


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
