"""graph.store.snapshot: a map brought up to date from an earlier read is the map read whole (SQLite, PostgreSQL)."""

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
def engine(store_url):
    engine = store.create(store_url)
    store.apply_changes(engine, [add("documents", id="doc", title="Report", text="A and B meet."),
                                 add("themes", id="housing", label_en="Housing"),
                                 *[add("actors", id=i, name=i.upper(), type="association") for i in "abcd"],
                                 add("collaborations", id="t1", source="a", target="b", themes="housing"),
                                 add("collaborations", id="t2", source="b", target="c", document="doc")],
                        author="Ann", message="start")
    yield engine
    engine.dispose()


def edit(engine, table, row_id, **values):
    version = store.get_row(engine, table, row_id)["version"]
    return store.apply_changes(engine, [{"op": "update", "table": table, "id": row_id, "version": version,
                                         "set": values}], author="Bo", message="")


def test_each_edit_read_as_changes_is_the_map_read_whole(engine):
    snap = store.refresh(engine)
    same(snap.dataset, store.load_dataset(engine))
    steps = [
        lambda: edit(engine, "actors", "b", name="Bee", colour="red"),  # a column beyond the data model
        lambda: store.apply_changes(engine, [add("actors", id="e", name="E"), add("collaborations", id="t3", source="e",
                                                                               target="a", weight="2")],
                                    author="Bo", message=""),
        lambda: edit(engine, "collaborations", "t1", status="ended", end="2020"),
        lambda: store.apply_changes(engine, [{"op": "delete", "table": "collaborations", "id": "t2", "version": 1}],
                                    author="Bo", message=""),
        lambda: store.undo(engine, 5, author="Bo"),  # t2 back: at the end, as a full read puts it
        lambda: edit(engine, "actors", "a", description="first"),
        lambda: store.undo(engine, 2, author="Bo"),  # b loses its colour
    ]
    for step in steps:
        number = step()
        kept = {t: getattr(snap.dataset, t).copy() for t in TABLES}
        later = store.refresh(engine, snap)
        assert later.revision == number and later is not snap
        same(later.dataset, store.load_dataset(engine))
        for t in TABLES:  # the earlier snapshot is left as it was
            pd.testing.assert_frame_equal(getattr(snap.dataset, t), kept[t])
        snap = later
    assert store.refresh(engine, snap) is snap  # nothing new: the same snapshot


def test_a_snapshot_of_another_map_is_not_applied(engine, tmp_path):
    snap = store.refresh(engine)
    other = store.create(store.connect(f"sqlite:///{tmp_path}/other.db"))
    store.apply_changes(other, [add("actors", id="z", name="Z")], author="Cy", message="")
    store.apply_changes(other, [add("actors", id="y", name="Y")], author="Cy", message="")
    assert store.refresh(other, snap).dataset.actors["id"].tolist() == ["z", "y"]


def test_a_snapshot_missing_a_changed_row_is_read_whole(engine):
    snap = store.refresh(engine)
    emptied = store.Snapshot(snap.revision, snap.stamp, snap.dataset.replace(actors=snap.dataset.actors.iloc[:0]))
    edit(engine, "actors", "a", name="Ay")
    same(store.refresh(engine, emptied).dataset, store.load_dataset(engine))


def test_many_changes_read_the_map_whole(engine, monkeypatch):
    from graph.store import snapshot

    snap = store.refresh(engine)
    monkeypatch.setattr(snapshot, "MOST_CHANGES", 0)
    monkeypatch.setattr(snapshot, "advance", lambda *a: pytest.fail("changes applied"))
    edit(engine, "actors", "a", name="Ay")
    same(store.refresh(engine, snap).dataset, store.load_dataset(engine))


def test_documents_are_read_without_their_text(engine):
    ds = store.load_dataset(engine)
    assert "text" not in ds.documents.columns and ds.documents["title"].tolist() == ["Report"]
    assert store.get_row(engine, "documents", "doc")["text"] == "A and B meet."
