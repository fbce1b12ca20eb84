"""graph.store.snapshot: a map brought up to date from an earlier read is the map read whole."""

from __future__ import annotations

import pandas as pd
import pytest

from graph import store
from graph.model import TABLES


def add(table, **row):
    return {"op": "add", "table": table, "row": row}


def same(a, b):
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t), check_like=True)
    assert a.files == b.files and a.origin == b.origin


@pytest.fixture
def mem():
    engine = store.create(store.connect("sqlite://"))
    store.apply_changes(engine, [add("documents", id="doc", title="Report", text="A and B meet."),
                                 add("themes", id="housing", label_en="Housing"),
                                 *[add("actors", id=i, name=i.upper(), type="association") for i in "abcd"],
                                 add("collaborations", id="t1", source="a", target="b", themes="housing"),
                                 add("collaborations", id="t2", source="b", target="c", document="doc")],
                        author="Ann", message="start")
    return engine


def edit(engine, table, row_id, **values):
    version = store.get_row(engine, table, row_id)["version"]
    return store.apply_changes(engine, [{"op": "update", "table": table, "id": row_id, "version": version,
                                         "set": values}], author="Bo", message="")


def test_each_edit_read_as_changes_is_the_map_read_whole(mem):
    snap = store.refresh(mem)
    same(snap.dataset, store.load_dataset(mem))
    steps = [
        lambda: edit(mem, "actors", "b", name="Bee", colour="red"),  # a column beyond the data model
        lambda: store.apply_changes(mem, [add("actors", id="e", name="E"), add("collaborations", id="t3", source="e",
                                                                               target="a", weight="2")],
                                    author="Bo", message=""),
        lambda: edit(mem, "collaborations", "t1", status="ended", end="2020"),
        lambda: store.apply_changes(mem, [{"op": "delete", "table": "collaborations", "id": "t2", "version": 1}],
                                    author="Bo", message=""),
        lambda: store.undo(mem, 5, author="Bo"),  # t2 back: at the end, as a full read puts it
        lambda: edit(mem, "actors", "a", description="first"),
        lambda: store.undo(mem, 2, author="Bo"),  # b loses its colour
    ]
    for step in steps:
        number = step()
        kept = {t: getattr(snap.dataset, t).copy() for t in TABLES}
        later = store.refresh(mem, snap)
        assert later.revision == number and later is not snap
        same(later.dataset, store.load_dataset(mem))
        for t in TABLES:  # the earlier snapshot is left as it was
            pd.testing.assert_frame_equal(getattr(snap.dataset, t), kept[t])
        snap = later
    assert store.refresh(mem, snap) is snap  # nothing new: the same snapshot


def test_a_snapshot_of_another_map_is_not_applied(mem, tmp_path):
    snap = store.refresh(mem)
    other = store.create(store.connect(f"sqlite:///{tmp_path}/other.db"))
    store.apply_changes(other, [add("actors", id="z", name="Z")], author="Cy", message="")
    store.apply_changes(other, [add("actors", id="y", name="Y")], author="Cy", message="")
    assert store.refresh(other, snap).dataset.actors["id"].tolist() == ["z", "y"]


def test_a_snapshot_missing_a_changed_row_is_read_whole(mem):
    snap = store.refresh(mem)
    emptied = store.Snapshot(snap.revision, snap.stamp, snap.dataset.replace(actors=snap.dataset.actors.iloc[:0]))
    edit(mem, "actors", "a", name="Ay")
    same(store.refresh(mem, emptied).dataset, store.load_dataset(mem))


def test_many_changes_read_the_map_whole(mem, monkeypatch):
    from graph.store import snapshot

    snap = store.refresh(mem)
    monkeypatch.setattr(snapshot, "MOST_CHANGES", 0)
    monkeypatch.setattr(snapshot, "advance", lambda *a: pytest.fail("changes applied"))
    edit(mem, "actors", "a", name="Ay")
    same(store.refresh(mem, snap).dataset, store.load_dataset(mem))


def test_documents_are_read_without_their_text(mem):
    ds = store.load_dataset(mem)
    assert "text" not in ds.documents.columns and ds.documents["title"].tolist() == ["Report"]
    assert store.get_row(mem, "documents", "doc")["text"] == "A and B meet."
