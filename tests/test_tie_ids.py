"""Every tie has a stable id: minted the same way from the same file, kept through edit, write and read."""

from __future__ import annotations

import pytest

from graph.export import export_dataset
from graph.io import read_dataset
from graph.model import Dataset, validate
from tests.support import ROOT

DATA = ROOT / "data"

FORMATS = {"csv": "out", "xlsx": "out.xlsx", "kumu": "kumu.xlsx", "graphml": "out.graphml",
           "gexf": "out.gexf", "json": "out.json"}


def test_shipped_ties_have_unique_ids():
    ties = read_dataset(DATA).collaborations
    assert (ties["id"] != "").all()
    assert not ties["id"].duplicated().any()


def test_minted_ids_are_deterministic_and_independent_of_row_order():
    rows = [{"source": "a", "target": "b", "kind": "funding"}, {"source": "b", "target": "c"}]
    first = Dataset.from_records(actors=[{"id": x} for x in "abc"], collaborations=rows)
    again = Dataset.from_records(actors=[{"id": x} for x in "abc"], collaborations=rows[::-1])
    assert first.collaborations["id"].tolist() == ["a--b--funding", "b--c"]
    assert sorted(again.collaborations["id"]) == sorted(first.collaborations["id"])


def test_a_minted_id_never_repeats_a_given_one():
    ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}],
                              collaborations=[{"source": "a", "target": "b"}, {"id": "a--b", "source": "b",
                                                                              "target": "a"}])
    assert ds.collaborations["id"].tolist() == ["a--b-2", "a--b"]
    assert not [p for p in validate(ds) if p.severity == "error"]


def test_duplicate_tie_ids_are_reported():
    ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}],
                              collaborations=[{"id": "t", "source": "a", "target": "b"},
                                              {"id": "t", "source": "b", "target": "a"}])
    assert [str(p) for p in validate(ds)] == ["collaborations, row 3, column 'id': duplicate id 't' (first used in row 2)"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_tie_keeps_its_id_through_edit_write_and_read(fmt, tmp_path):
    ds = read_dataset(DATA)
    ties = ds.collaborations.copy()
    edited = ties["id"].iloc[5]
    ties.loc[ties["id"] == edited, "status"] = "ended"
    ds = ds.replace(collaborations=ties)
    out = tmp_path / FORMATS[fmt]
    export_dataset(ds, out, fmt)
    back = read_dataset(out).collaborations.set_index("id")
    assert set(back.index) == set(ties["id"])
    assert back.loc[edited, "status"] == "ended"
    if fmt != "kumu":  # Kumu names actors by label
        pairs = ties.set_index("id")[["source", "target"]]
        assert back.loc[pairs.index, ["source", "target"]].values.tolist() == pairs.values.tolist()
