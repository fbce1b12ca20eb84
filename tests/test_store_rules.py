"""The store's per-row checks and graph.validate agree: the same bad row is refused for the same reasons."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import store
from graph.model import COLUMNS, Dataset, row_problems, validate

MAP = {"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
       "themes": [{"id": "housing", "label_en": "Housing"}],
       "documents": [{"id": "doc", "title": "Report"}]}

BAD_ROWS = [
    ("collaborations", {"id": "t", "source": "a", "target": "ghost"}),
    ("collaborations", {"id": "t", "source": "a", "target": "a"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "weight": "-1"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "weight": "1_0"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "weight": "many"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "start": "2019-13"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "start": "spring"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "start": "2020", "end": "2019-06"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "themes": "housing|nope"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "document": "nope"}),
    ("collaborations", {"id": "t", "source": "a", "target": "b", "evidence": "GÃ¤vle"}),
    ("actors", {"id": "c", "name": "BjÃ¶rn"}),
    ("actors", {"id": " "}),
    ("themes", {"id": "jobs", "label_sv": "ArbetsmarknÃ¥d"}),
    ("documents", {"id": "d2", "title": "Ã–stersund"}),
]


def _validate_finds(table: str, row: dict) -> set[tuple[str, str]]:
    """(column, code) of the errors validate finds in ``row`` added to the map as a file."""
    ds = Dataset.from_records(**{t: MAP.get(t, []) + ([row] if t == table else []) for t in MAP | {table: 0}})
    line = len(MAP.get(table, [])) + 2
    return {(p.column, p.code) for p in validate(ds) if p.severity == "error" and p.row == line}


def _store_refuses(table: str, row: dict) -> set[tuple[str, str]]:
    engine = store.create(store.connect("sqlite://"))
    store.apply_changes(engine, [{"op": "add", "table": t, "row": r} for t, rows in MAP.items() for r in rows],
                        author="Ann", message="")
    try:
        store.apply_changes(engine, [{"op": "add", "table": table, "row": row}], author="Ann", message="")
    except store.ChangeRejected as exc:
        return {(p.column, p.code) for p in exc.problems}
    return set()


@pytest.mark.parametrize(("table", "row"), BAD_ROWS)
def test_the_store_refuses_a_bad_row_for_what_validate_finds(table, row):
    found = _validate_finds(table, row)
    assert found  # each case is bad
    assert _store_refuses(table, row) == found


def test_a_good_row_passes_both():
    row = {"id": "t", "source": "a", "target": "b", "weight": "2", "start": "2019", "end": "2020-02-29",
           "themes": "housing", "document": "doc"}
    assert _validate_finds("collaborations", row) == set() == _store_refuses("collaborations", row)


CELL = st.sampled_from(["", " ", "a", "b", "ghost", "housing", "nope", "doc", "-1", "0.5", "1_0", "inf", "2019",
                        "2019-02-29", "2020-02-29", "2019-13", "spring", "<b>x</b>", "=SUM(A1)", "GÃ¤vle",
                        "kommun", "municipallity", "housing|nope"])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["actors", "collaborations", "themes", "documents"]), st.data())
def test_row_problems_is_validate_on_one_row(table, data):
    row = {"id": "x", **{c: data.draw(CELL) for c in COLUMNS[table] if c != "id" and data.draw(st.booleans())}}
    ds = Dataset.from_records(**{t: MAP.get(t, []) + ([row] if t == table else []) for t in MAP | {table: 0}})
    line = len(MAP.get(table, [])) + 2
    expected = sorted((p.column, p.code, p.severity, p.params) for p in validate(ds) if p.row == line)
    known = {t: set(getattr(ds, t)["id"]) for t in ("actors", "themes", "documents")}
    normalised = getattr(ds, table).loc[line].to_dict()  # vocabulary spellings as codes, as both readers keep them
    assert sorted((p.column, p.code, p.severity, p.params)
                  for p in row_problems(table, normalised, known, where=table)) == expected
