"""graph.store on an in-memory SQLite, an SQLite file and a real PostgreSQL: writes, rules, conflicts, history, undo."""

from __future__ import annotations

import dataclasses

import pytest

from graph import store
from graph.model import COLUMNS, Dataset, validate
from graph.sources import open_dataset
from graph.store.edits import merge_actors
from tests.support import ROOT


@pytest.fixture
def mem():
    return store.create(store.connect("sqlite://"))


@pytest.fixture
def engine(store_url):
    engine = store.create(store_url)
    yield engine
    engine.dispose()


def add(table, **row):
    return {"op": "add", "table": table, "row": row}


def two_actors(engine, author="Ann"):
    return store.apply_changes(engine, [add("actors", id="a", name="A", type="association"),
                                        add("actors", id="b", name="B", type="municipality"),
                                        add("collaborations", id="t", source="a", target="b", kind="dialogue")],
                               author=author, message="start")


def test_the_migrated_schema_is_the_declared_one(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from graph.store.schema import metadata

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert store.create(engine) is engine  # a second create changes nothing


def test_add_update_delete_bump_versions_and_keep_before_and_after(engine):
    assert two_actors(engine) == 1
    assert store.get_row(engine, "actors", "a")["version"] == 1
    rev = store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "a", "version": 1,
                                        "set": {"name": "Ä-föreningen"}}], author="Bo", message="rename")
    assert rev == 2
    assert store.get_row(engine, "actors", "a") | {"version": 2} == store.get_row(engine, "actors", "a")
    change = store.revision(engine, 2)["changes"][0]
    assert (change["before"]["name"], change["after"]["name"]) == ("A", "Ä-föreningen")
    assert (change["before"]["version"], change["after"]["version"]) == (1, 2)
    store.apply_changes(engine, [{"op": "delete", "table": "collaborations", "id": "t", "version": 1}],
                        author="Bo", message="gone")
    assert store.get_row(engine, "collaborations", "t") is None
    assert [r["author"] for r in store.history(engine)] == ["Bo", "Bo", "Ann"]


def test_one_call_adds_a_document_its_actors_and_their_ties(mem):
    rev = store.apply_changes(mem, [
        add("collaborations", source="x", target="y", kind="partnership", document="rep", evidence="X och Y."),
        add("actors", id="x", name="X"), add("actors", id="y", name="Y"),
        add("documents", id="rep", title="Rapport", text="X och Y samarbetar. " * 1000),
    ], author="reader", message="from a report")
    ds = store.load_dataset(mem)
    assert rev == 1 and ds.collaborations["id"].tolist() == ["x--y--partnership"]
    assert validate(ds) == []
    assert store.get_row(mem, "documents", "rep")["text"].startswith("X och Y")


@pytest.mark.parametrize(("change", "expected"), [
    (add("collaborations", source="a", target="b", start="2020-02-30"), "collaborations #2, column 'start'"),
    (add("collaborations", source="a", target="ghost"), "unknown actor 'ghost'"),
    (add("collaborations", source="a", target="a"), "self-tie"),
    (add("collaborations", source="a", target="b", weight="-1"), "column 'weight'"),
    (add("actors", id="a", name="again"), "actor 'a' already exists"),
    ({"op": "update", "table": "actors", "id": "a", "version": 1, "set": {"version": 7}}, "'version' is not a column"),
    ({"op": "update", "table": "actors", "id": "zz", "version": 1, "set": {"name": "Z"}}, "'zz' does not exist"),
    ({"op": "delete", "table": "actors", "id": "a", "version": 1}, "actor 'a' still has 1 tie(s)"),
    ({"op": "launch", "table": "actors"}, "op must be one of add, update, delete"),
    ({"op": "update", "table": "actors", "id": "a", "set": {"name": "x"}}, "'version' must be"),
])
def test_an_invalid_change_is_refused_naming_it_and_nothing_is_written(mem, change, expected):
    two_actors(mem)
    before = store.load_dataset(mem)
    with pytest.raises(store.ChangeRejected) as caught:
        store.apply_changes(mem, [add("themes", id="fine"), change], author="Bo", message="")
    assert expected in str(caught.value)
    assert len(store.history(mem)) == 1
    after = store.load_dataset(mem)
    assert all(getattr(after, t).equals(getattr(before, t)) for t in ("actors", "collaborations", "themes"))


def test_vocabulary_labels_are_stored_as_codes(mem):
    store.apply_changes(mem, [add("actors", id="k", name="K", type="Kommun", sector="offentlig sektor")],
                        author="Ann", message="")
    row = store.get_row(mem, "actors", "k")
    assert (row["type"], row["sector"]) == ("municipality", "public")


def test_an_update_is_checked_only_on_the_columns_it_sets(mem):
    ds = Dataset.from_records(actors=[{"id": "k", "name": "Kumu node", "type": "NGO"}])
    ds = dataclasses.replace(ds, origin="kumu")  # imports bring their own vocabularies
    store.import_dataset(mem, ds, author="Ann")
    store.apply_changes(mem, [{"op": "update", "table": "actors", "id": "k", "version": 1,
                               "set": {"name": "Renamed"}}], author="Ann", message="")
    store.apply_changes(mem, [{"op": "update", "table": "actors", "id": "k", "version": 2,
                               "set": {"type": "NGO2"}}], author="Ann", message="")  # its own type: a warning
    with pytest.raises(store.ChangeRejected, match="column 'start'"):
        store.apply_changes(mem, [{"op": "add", "table": "collaborations",
                                   "row": {"source": "k", "target": "k2", "start": "2019-13-45"}}],
                            author="Ann", message="")


def test_a_stale_version_is_a_conflict_naming_the_other_change(engine):
    two_actors(engine)
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": "t", "version": 1,
                                  "set": {"status": "ended"}}], author="Bo", message="it ended")
    with pytest.raises(store.Conflict) as caught:
        store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": "t", "version": 1,
                                      "set": {"kind": "funding"}}], author="Cy", message="")
    text = caught.value.text("en")
    assert "changed by Bo in revision 2" in text and "'it ended'" in text and "Status '' → 'ended'" in text
    assert "ändrades av Bo" in caught.value.text("sv")
    assert store.get_row(engine, "collaborations", "t")["kind"] == "dialogue"


def test_deleting_an_actor_with_its_ties_in_one_batch_and_merging(mem):
    two_actors(mem)
    store.apply_changes(mem, [{"op": "delete", "table": "collaborations", "id": "t", "version": 1},
                              {"op": "delete", "table": "actors", "id": "a", "version": 1}], author="Bo", message="")
    assert store.load_dataset(mem).actors["id"].tolist() == ["b"]


def test_undo_each_kind_of_change_and_undo_the_undo(engine):
    two_actors(engine)
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "a", "version": 1, "set": {"name": "A2"}},
                                 {"op": "delete", "table": "collaborations", "id": "t", "version": 1},
                                 add("actors", id="c", name="C")], author="Bo", message="many")
    after_two = store.load_dataset(engine)
    undo = store.undo(engine, 2, author="Ann")
    now = store.load_dataset(engine)
    first = store.load_dataset(engine, revision=1)
    assert now.actors.equals(first.actors) and now.collaborations.equals(first.collaborations)
    assert store.history(engine)[0]["undoes"] == 2
    store.undo(engine, undo, author="Ann")  # redo
    assert store.load_dataset(engine).actors.equals(after_two.actors)


def test_an_undone_revision_says_so_and_a_redone_one_is_in_effect_again(mem):
    two_actors(mem)
    store.apply_changes(mem, [{"op": "update", "table": "actors", "id": "a", "version": 1, "set": {"name": "A2"}}],
                        author="Bo", message="edit actors")
    store.undo(mem, 2, author="Ann")
    with pytest.raises(store.StoreError) as caught:
        store.undo(mem, 2, author="Ann")
    assert caught.value.code == "already_undone" and caught.value.text("sv") == "revision 2 är redan ångrad i revision 3"
    assert store.undone_by(store.history(mem)) == {2: 3}
    store.undo(mem, 3, author="Ann")  # redo: revision 2 is in effect again, revision 3 undone
    assert store.undone_by(store.history(mem)) == {3: 4}
    with pytest.raises(store.Conflict):  # and undoing 2 now meets the later changes of 3 and 4
        store.undo(mem, 2, author="Ann")


def test_undo_is_refused_when_a_later_revision_changed_the_same_rows(engine):
    two_actors(engine)
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "b", "version": 1,
                                  "set": {"name": "B2"}}], author="Bo", message="later")
    with pytest.raises(store.Conflict) as caught:
        store.undo(engine, 1, author="Ann")
    assert "revision 1 cannot be undone" in str(caught.value) and "changed by Bo in revision 2" in str(caught.value)
    assert len(store.history(engine)) == 2
    with pytest.raises(store.StoreError, match="no revision 99"):
        store.undo(engine, 99, author="Ann")


def test_the_map_at_each_revision(mem):
    two_actors(mem)
    store.apply_changes(mem, [add("actors", id="c", name="C")], author="Bo", message="")
    store.apply_changes(mem, [{"op": "delete", "table": "actors", "id": "c", "version": 1}], author="Bo", message="")
    assert [store.load_dataset(mem, revision=r).actors["id"].tolist() for r in (0, 1, 2, 3)] == [
        [], ["a", "b"], ["a", "b", "c"], ["a", "b"]]


def test_viewers_cannot_write(mem):
    two_actors(mem)
    for attempt in (lambda: store.apply_changes(mem, [add("actors", id="v")], author="V", message="", role="viewer"),
                    lambda: store.undo(mem, 1, author="V", role="viewer"),
                    lambda: store.import_dataset(mem, Dataset(), author="V", role="viewer")):
        with pytest.raises(store.Forbidden, match="may look but not change"):
            attempt()
    assert len(store.history(mem)) == 1


def test_import_the_shipped_data_reads_back_the_same(engine):
    ds = open_dataset(ROOT / "data")
    summary = store.import_dataset(engine, ds, author="Ann")
    assert summary["actors"]["added"] == len(ds.actors) and summary["revision"] == 1
    back = store.load_dataset(engine)
    for table in ("actors", "collaborations", "themes", "documents"):
        mine = getattr(ds, table).reset_index(drop=True)  # the file's order too
        theirs = getattr(back, table)[list(mine.columns)].reset_index(drop=True)
        assert set(COLUMNS[table]) <= set(mine.columns)
        assert mine.equals(theirs), table
    assert validate(back) == []


def test_import_merge_and_replace_count_what_they_do(mem):
    ds = Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}])
    store.import_dataset(mem, ds, author="Ann")
    changed = Dataset.from_records(actors=[{"id": "a", "name": "A!"}, {"id": "c", "name": "C"}])
    merged = store.import_dataset(mem, changed, author="Ann", mode="merge")
    assert merged["actors"] == {"added": 1, "changed": 1, "unchanged": 0, "deleted": 0}
    replaced = store.import_dataset(mem, changed, author="Ann", mode="replace")
    assert replaced["actors"] == {"added": 0, "changed": 0, "unchanged": 2, "deleted": 1}
    assert store.load_dataset(mem).actors["id"].tolist() == ["a", "c"]


def big(n_actors: int, n_ties: int, bad_row: int | None = None) -> Dataset:
    actors = [{"id": f"a{i}", "name": f"Aktör {i}", "type": "association"} for i in range(n_actors)]
    ties = [{"id": f"t{i}", "source": f"a{i % n_actors}", "target": f"a{(i * 7 + 1) % n_actors}", "kind": "dialogue"}
            for i in range(n_ties)]
    ties = [t for t in ties if t["source"] != t["target"]]
    if bad_row is not None:
        ties[bad_row]["target"] = "nobody"
    return Dataset.from_records(actors=actors, collaborations=ties)


def test_a_failing_import_leaves_the_file_byte_for_byte_as_it_was(tmp_path):
    path = tmp_path / "map.db"
    engine = store.create(f"sqlite:///{path}")
    store.import_dataset(engine, big(50, 100), author="Ann")
    engine.dispose()
    before = path.read_bytes()
    engine = store.open_store(f"sqlite:///{path}")
    with pytest.raises(store.ChangeRejected, match="unknown actor 'nobody'"):
        store.import_dataset(engine, big(2000, 6000, bad_row=4321), author="Ann")
    engine.dispose()
    assert path.read_bytes() == before


def test_a_failing_import_on_postgresql_leaves_everything_as_it_was(pg_cluster):
    engine = store.create(pg_cluster.new_url())
    store.import_dataset(engine, big(50, 100), author="Ann")
    with pytest.raises(store.ChangeRejected):
        store.import_dataset(engine, big(2000, 6000, bad_row=4321), author="Ann")
    assert len(store.load_dataset(engine).actors) == 50 and len(store.history(engine)) == 1


def test_an_undo_that_would_leave_a_tie_to_a_removed_theme_is_refused(mem):
    two_actors(mem)
    added = store.apply_changes(mem, [add("themes", id="housing", label_en="Housing")], author="Ann", message="")
    store.apply_changes(mem, [{"op": "update", "table": "collaborations", "id": "t", "version": 1,
                               "set": {"themes": "housing"}}], author="Bo", message="")
    with pytest.raises(store.ChangeRejected):
        store.undo(mem, added, author="Ann")
    assert validate(store.load_dataset(mem)) == []


def test_undo_of_an_update_that_set_a_column_beyond_the_model(mem):
    two_actors(mem)
    number = store.apply_changes(mem, [{"op": "update", "table": "actors", "id": "a", "version": 1,
                                        "set": {"color": "#ff0000"}}], author="Ann", message="")
    store.undo(mem, number, author="Bo")
    assert store.get_row(mem, "actors", "a").get("color", "") == ""


def test_merging_an_actor_a_colleague_deleted_is_one_sentence(mem):
    two_actors(mem)
    store.apply_changes(mem, [add("actors", id="c", name="C")], author="Ann", message="")
    store.apply_changes(mem, [{"op": "delete", "table": "actors", "id": "c", "version": 1}], author="Bo", message="")
    with pytest.raises(store.ChangeRejected, match="'c' does not exist"):
        merge_actors(mem, "a", "c", author="Ann")


@pytest.mark.parametrize(("change", "lang", "expected"), [
    (add("actors", id="a", name="again"), "sv", "aktören 'a' finns redan"),
    ({"op": "update", "table": "actors", "id": "zz", "version": 1, "set": {"name": "Z"}}, "nb",
     "aktøren 'zz' finnes ikke"),
])
def test_a_refusal_names_the_row_in_the_readers_words(mem, change, lang, expected):
    two_actors(mem)
    with pytest.raises(store.ChangeRejected) as caught:
        store.apply_changes(mem, [change], author="Bo", message="")
    said = [p.text(lang) for p in caught.value.problems]
    assert any(expected in line for line in said) and not any("actors '" in line for line in said), said
