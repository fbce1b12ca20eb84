"""Validation reports every problem at once, each naming file, row and column."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.model import Dataset, Problem, validate

ACTORS = [
    {"id": "af", "name": "Arbetsförmedlingen", "type": "state_agency"},
    {"id": "leader", "name": "Framtidsbygder", "type": "leader_group"},
]


def problems_of(**tables) -> list[str]:
    return [str(p) for p in validate(Dataset.from_records(**tables))]


def test_clean_dataset_has_no_problems():
    assert problems_of(actors=ACTORS, collaborations=[{"source": "af", "target": "leader", "kind": "dialogue"}]) == []


@pytest.mark.parametrize("tie, expected", [
    ({"source": "af", "target": "ghost"}, "collaborations, row 2, column 'target': unknown actor 'ghost'"),
    ({"source": "", "target": "af"}, "collaborations, row 2, column 'source': the tie has no source"),
    ({"source": "af", "target": "af"}, "collaborations, row 2, column 'target': self-tie: 'af' is tied to itself"),
    ({"source": "af", "target": "leader", "kind": "bribery"},
     "warning: collaborations, row 2, column 'kind': unknown kind 'bribery': kept as written"),
    ({"source": "af", "target": "leader", "status": "maybe"},
     "warning: collaborations, row 2, column 'status': unknown status 'maybe': kept as written"),
    ({"source": "af", "target": "leader", "weight": "heavy"}, "collaborations, row 2, column 'weight': weight 'heavy' is not a number"),
    ({"source": "af", "target": "leader", "start": "2019", "end": "2017"}, "collaborations, row 2, column 'end': ends (2017) before it starts (2019)"),
    ({"source": "af", "target": "leader", "start": "spring"}, "collaborations, row 2, column 'start': 'spring' is not a date"),
])
def test_tie_problems_name_row_and_column(tie, expected):
    found = problems_of(actors=ACTORS, collaborations=[tie])
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_reported_at_once():
    actors = ACTORS + [{"id": "af", "name": "AF again"}, {"id": "", "name": "nobody"}]
    ties = [{"source": "af", "target": "x"}, {"source": "y", "target": "leader"}]
    found = problems_of(actors=actors, collaborations=ties)
    assert "actors, row 4, column 'id': duplicate id 'af' (first used in row 2)" in found
    assert "actors, row 5, column 'id': the id is empty" in found
    assert "collaborations, row 2, column 'target': unknown actor 'x'" in found
    assert "collaborations, row 3, column 'source': unknown actor 'y'" in found


def test_missing_required_column_is_reported():
    ds = Dataset.from_records(actors=[{"name": "no id"}])
    assert "actors, row 1, column 'id': required column is missing" in [str(p) for p in validate(ds)]


def test_unknown_theme_and_document_are_reported():
    found = problems_of(actors=ACTORS, themes=[{"id": "housing"}], documents=[{"id": "000.txt"}],
                        collaborations=[{"source": "af", "target": "leader", "themes": "housing|yoga",
                                         "document": "999.txt"}])
    assert "collaborations, row 2, column 'themes': unknown theme 'yoga'" in found
    assert "collaborations, row 2, column 'document': unknown document '999.txt'" in found


def test_mojibake_is_an_error_and_markup_a_warning():
    ds = Dataset.from_records(actors=[{"id": "a", "name": "BorÃ¥s"}, {"id": "b", "name": "<img src=x onerror=alert(1)>"}])
    problems = validate(ds)
    assert [(p.row, p.column, p.severity) for p in problems] == [(2, "name", "error"), (3, "name", "warning")]
    assert "mojibake" in problems[0].message


def test_problem_without_row_reads_naturally():
    assert str(Problem("x.xlsx", None, None, "is not a workbook")) == "x.xlsx: is not a workbook"


def test_imported_vocabularies_are_free():
    ds = Dataset.from_records(actors=[{"id": "a", "type": "Person"}])
    ds = dataclasses.replace(ds, origin="kumu")
    assert validate(ds) == []


def test_every_message_speaks_three_languages_with_the_same_blanks():
    import string

    from graph.messages import MESSAGES

    for code, texts in MESSAGES.items():
        assert set(texts) == {"en", "sv", "nb"}, code
        blanks = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f} for lang, text in texts.items()}
        assert blanks["sv"] == blanks["en"] == blanks["nb"], code


def test_problems_read_in_the_users_language():
    ds = Dataset.from_records(actors=ACTORS, collaborations=[{"source": "af", "target": "ghost"}])
    [problem] = validate(ds)
    assert problem.text("sv") == "collaborations, rad 2, kolumn 'target': okänd aktör 'ghost'"
    assert problem.text("nb") == "collaborations, rad 2, kolonne 'target': ukjent aktør 'ghost'"
    assert str(problem) == "collaborations, row 2, column 'target': unknown actor 'ghost'"


@pytest.mark.parametrize("weight", ["inf", "-1", "nan"])
def test_weights_must_be_finite_and_not_negative(weight):
    found = problems_of(actors=ACTORS, collaborations=[{"source": "af", "target": "leader", "weight": weight}])
    assert found == [f"collaborations, row 2, column 'weight': weight {weight!r} is not a number of 0 or more"]


@given(st.text(alphabet=st.sampled_from(list("=@+-<>/: \\tajvscriptJAVSCRIPTÃâ€¥©Å\u017f\u212a1")), max_size=14))
def test_the_text_rules_first_look_in_c_misses_nothing_they_flag(value):
    import pyarrow as pa
    import pyarrow.compute as pc

    from graph.cell_rules import ANY_TEXT_RULE, TEXT_RULE_HINT

    hinted = pc.match_substring_regex(pa.array([value], type=pa.large_string()), TEXT_RULE_HINT)[0].as_py()
    assert hinted or not ANY_TEXT_RULE.search(value)


@given(rows=st.lists(st.fixed_dictionaries({}, optional={
    "id": st.sampled_from(["a", "", "Åsa"]), "type": st.sampled_from(["Kommun", "municipality", "förening", "", None]),
    "name": st.one_of(st.none(), st.text(max_size=5)), "extra": st.sampled_from(["x", None])}), max_size=70))
def test_a_few_rows_are_normalised_as_many_are(rows):
    """Up to FEW_ROWS rows of strings take a quicker way; the table is the same, types included."""
    from unittest import mock

    import graph.model as model

    table = pd.DataFrame(rows, dtype=object, index=range(2, len(rows) + 2))
    quick = model.normalised(table, "actors")
    with mock.patch.object(model, "FEW_ROWS", -1):
        slow = model.normalised(table, "actors")
    pd.testing.assert_frame_equal(quick, slow)
