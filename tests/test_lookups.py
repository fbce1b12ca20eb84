"""Arrow lookups (``positions``, ``among``, validate's tie ends) give what the pandas object lookups gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.build import positions
from graph.cell_rules import among, end_rule
from graph.model import Dataset, validate

WORDS = st.sampled_from(["a", "b", "Åmål", "ö ", " a", "", " ", "x", "actor-1", "'=1"])


def _object_positions(ids, values: pd.Series) -> np.ndarray:
    """The lookup ``positions`` made before (pandas, Python objects)."""
    return pd.Index(pd.Series(ids).to_numpy(dtype=object), dtype=object).get_indexer(values.to_numpy(dtype=object))


@settings(deadline=None)  # a shared 2-core machine: no timing in tests
@given(st.lists(WORDS, unique=True), st.lists(WORDS), st.sampled_from(["str", object]))
def test_positions_as_the_object_lookup(ids, values, dtype):
    cells = pd.Series(values, dtype=dtype)
    for keys in (ids, pd.Series(ids, dtype="str").unique(), pd.Index(ids, dtype=object)):
        assert positions(keys, cells).tolist() == _object_positions(keys, cells).tolist()


def test_positions_of_other_values_and_missing_ones():
    assert positions([1, 2], pd.Series([2, 5])).tolist() == _object_positions([1, 2], pd.Series([2, 5])).tolist()
    cells = pd.Series(["b", None, "a"])
    assert positions(["a", "b", None], cells).tolist() == _object_positions(["a", "b", None], cells).tolist()


@settings(deadline=None)  # a shared 2-core machine: no timing in tests
@given(st.lists(WORDS), st.lists(WORDS))
def test_among_is_isin(values, known):
    cells = pd.Series(values, dtype="str")
    assert among(cells, pd.Series(known, dtype="str")).tolist() == cells.isin(set(known)).tolist()


@settings(deadline=None)  # a shared 2-core machine: no timing in tests
@given(st.lists(WORDS, unique=True, min_size=1), st.lists(st.tuples(WORDS, WORDS), max_size=30))
def test_tie_end_problems_are_each_ends_rule(ids, pairs):
    ds = Dataset.from_records(actors=[{"id": i} for i in ids],
                              collaborations=[{"source": s, "target": t} for s, t in pairs])
    actors = set(ds.actors["id"])
    expected = sorted((row, end, found[0]) for row, tie in ds.collaborations.iterrows()
                      for end in ("source", "target") if (found := end_rule(end, tie[end], actors)))
    got = sorted((p.row, p.column, p.code) for p in validate(ds) if p.code in ("no_end", "unknown_actor"))
    assert got == expected


@settings(deadline=None)  # a shared 2-core machine: no timing in tests
@given(st.lists(WORDS, unique=True, min_size=1), st.lists(st.tuples(WORDS, WORDS), max_size=30))
def test_tie_arrays_are_the_drawable_ties_ends(ids, pairs):
    from graph.build import drawable_ties
    from graph.questions import _tie_arrays

    ds = Dataset.from_records(actors=[{"id": i} for i in ids],
                              collaborations=[{"source": s, "target": t} for s, t in pairs])
    index, u, v = _tie_arrays(ds)
    ties = ds.collaborations[drawable_ties(ds)]
    assert u.tolist() == positions(index, ties["source"]).tolist()
    assert v.tolist() == positions(index, ties["target"]).tolist()
