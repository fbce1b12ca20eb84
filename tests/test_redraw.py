"""graph.redraw: an edit redrawn from the last drawing equals the map drawn whole."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from graph import store
from graph.build import to_multigraph
from graph.io import read_dataset
from graph.layout import compute_layout, extend_layout
from graph.redraw import draw, redraw

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def shipped():
    ds = read_dataset(DATA)
    return ds, compute_layout(to_multigraph(ds), seed=1)


def _edges(data):
    return Counter(repr(sorted((k, v) for k, v in e.items() if k != "id")) for e in data["edges"])


def assert_same_drawing(patched, whole):
    assert patched.data["nodes"] == whole.data["nodes"]
    assert _edges(patched.data) == _edges(whole.data)
    assert {k: v for k, v in patched.data.items() if k not in ("nodes", "edges")} == \
           {k: v for k, v in whole.data.items() if k not in ("nodes", "edges")}
    assert len({e["id"] for e in patched.data["edges"]}) == len(patched.data["edges"])  # ids stay unique
    assert len(patched.tie_ids) == len(patched.parts["edges"]) == len(patched.data["edges"])
    assert [store_json_id(p) for p in patched.parts["edges"]] == [e["id"] for e in patched.data["edges"]]


def store_json_id(piece: str) -> str:
    import json

    return json.loads(piece)["id"]


def _tied_pair(ties: pd.DataFrame) -> tuple[str, str]:
    counts = Counter(frozenset(p) for p in zip(ties["source"], ties["target"], strict=True))
    pair = next(p for p, n in counts.items() if n == 1)
    return tuple(sorted(pair))


def _edit(ds, what):
    ties, actors = ds.collaborations.copy(), ds.actors.copy()
    first = ties.index[0]
    if what == "status":
        ties.loc[first, "status"] = "ended" if ties.loc[first, "status"] != "ended" else "existing"
    elif what == "quote":
        ties.loc[first, "evidence"] = "Ett nytt citat <script>alert(1)</script> & mer"
    elif what == "kind":
        ties.loc[first, "kind"] = "funding" if ties.loc[first, "kind"] != "funding" else "partnership"
    elif what == "parallel tie":
        s, t = ties.loc[first, "source"], ties.loc[first, "target"]
        row = {**ties.loc[first].to_dict(), "id": "new-tie", "kind": "funding", "status": "planned"}
        ties = pd.concat([ties, pd.DataFrame([row], index=[len(ties) + 2])])
        assert (s, t) == (row["source"], row["target"])
    elif what == "a tie between two actors never tied":
        pairs = {frozenset(p) for p in zip(ties["source"], ties["target"], strict=True)}
        tied = list(dict.fromkeys([*ties["source"], *ties["target"]]))
        a, b = next((a, b) for a in tied for b in tied if a != b and frozenset((a, b)) not in pairs)
        row = {**ties.loc[first].to_dict(), "id": "new-pair", "source": a, "target": b}
        ties = pd.concat([ties, pd.DataFrame([row], index=[len(ties) + 2])])
    elif what == "delete a parallel tie":
        ends = ties[["source", "target"]].apply(lambda r: frozenset(r), axis=1)
        twice = ends[ends.duplicated(keep=False)]
        ties = ties.drop(index=twice.index[0])
    elif what == "move a tie":
        tied = set(ties["source"]) | set(ties["target"])
        other = next(a for a in actors["id"] if a in tied and a not in (ties.loc[first, "source"],
                                                                        ties.loc[first, "target"]))
        ties.loc[first, "target"] = other
    elif what == "rename":
        actors.loc[actors.index[3], "name"] = "Ny förening i Åsele"
    elif what == "several":
        ties.loc[ties.index[1], "status"] = "planned"
        ties.loc[ties.index[5], "themes"] = ""
        actors.loc[actors.index[7], "description"] = "Ändrad beskrivning"
    return ds.replace(actors=actors, collaborations=ties)


@pytest.mark.parametrize("what", ["status", "quote", "kind", "parallel tie", "a tie between two actors never tied",
                                  "delete a parallel tie", "move a tie", "rename", "several"])
@pytest.mark.parametrize("sizes", ["partners", None])
def test_an_edit_redrawn_equals_the_map_drawn_whole(shipped, what, sizes):
    ds, positions = shipped
    before = draw(ds, positions, sizes=sizes, lang="en")
    after = _edit(ds, what)
    patched = redraw(before, after)
    assert patched is not None and patched.changed is not None
    assert_same_drawing(patched, draw(after, positions, sizes=sizes, lang="en"))
    again = redraw(patched, _edit(after, "rename"))  # and again from the patched drawing
    assert again is not None
    assert_same_drawing(again, draw(_edit(after, "rename"), positions, sizes=sizes, lang="en"))


def test_edits_that_reach_further_are_drawn_whole(shipped):
    ds, positions = shipped
    before = draw(ds, positions, lang="sv")
    new = pd.DataFrame([{**ds.actors.iloc[0].to_dict(), "id": "brand-new"}], index=[len(ds.actors) + 2])
    assert redraw(before, ds.replace(actors=pd.concat([ds.actors, new]))) is None  # a new actor without a place
    assert redraw(before, ds.replace(actors=ds.actors.iloc[::-1])) is None  # actors reordered
    assert redraw(before, ds.replace(collaborations=ds.collaborations.iloc[::-1])) is None  # ties reordered
    betweenness = draw(ds, positions, sizes={a: 1.0 for a in ds.actors["id"]})
    assert redraw(betweenness, _edit(ds, "status")) is None  # sizes from the whole network
    assert redraw(betweenness, _edit(ds, "rename")) is not None  # but a name is only a name


def _with_actor(ds, row: dict, ties: list[dict] = ()):
    actors = pd.concat([ds.actors, pd.DataFrame([row], index=[len(ds.actors) + 2])]).fillna("")
    extra = pd.DataFrame(list(ties), index=range(len(ds.collaborations) + 2, len(ds.collaborations) + 2 + len(ties)))
    return ds.replace(actors=actors, collaborations=pd.concat([ds.collaborations, extra]).fillna(""))


@pytest.mark.parametrize("case", ["new actor alone", "new actor with a tie", "two new actors", "actor removed",
                                  "sector within the legend", "a sector new to the legend",
                                  "last tie of an actor removed"])
def test_actors_added_removed_or_recoloured_are_redrawn_as_drawn_whole(shipped, case):
    ds, positions = shipped
    before = draw(ds, positions, lang="nb")
    partner = ds.collaborations.iloc[0]["source"]
    if case == "new actor alone":
        after = _with_actor(ds, {"id": "ny", "name": "Ny forening", "type": "association"})
    elif case == "new actor with a tie":
        after = _with_actor(ds, {"id": "ny", "name": "Ny forening", "type": "association"},
                            [{"id": "ny-tie", "source": "ny", "target": partner, "kind": "partnership"}])
    elif case == "two new actors":
        after = _with_actor(_with_actor(ds, {"id": "ny", "name": "Ö-föreningen", "type": "association"}),
                            {"id": "ny2", "name": "Aa bygdelag", "type": "association"})
    elif case == "actor removed":
        gone = ds.actors.iloc[5]["id"]
        ties = ds.collaborations
        after = ds.replace(actors=ds.actors[ds.actors["id"] != gone],
                           collaborations=ties[(ties["source"] != gone) & (ties["target"] != gone)])
    elif case == "sector within the legend":
        actors = ds.actors.copy()
        used = set(actors["sector"]) - {""}
        k = actors.index[4]
        actors.loc[k, "sector"] = next(x for x in sorted(used) if x != actors.loc[k, "sector"])
        after = ds.replace(actors=actors)
    elif case == "a sector new to the legend":
        actors = ds.actors.copy()
        actors.loc[actors.index[0], "type"], actors.loc[actors.index[0], "sector"] = "other", "media"
        after = ds.replace(actors=actors)
    else:
        ties = ds.collaborations
        counts = pd.concat([ties["source"], ties["target"]]).value_counts()
        lonely = counts[counts == 1].index[0]
        after = ds.replace(collaborations=ties[(ties["source"] != lonely) & (ties["target"] != lonely)])
    places = extend_layout(positions, to_multigraph(after))
    patched = redraw(before, after, places)
    assert patched is not None
    assert_same_drawing(patched, draw(after, places, lang="nb", scale=before.scale))
    shown = {n["id"] for n in patched.data["nodes"]}
    assert shown == set(after.actors["id"])
    assert set(patched.patch["removed_nodes"]) == set(ds.actors["id"]) - set(after.actors["id"])


def test_an_edit_saved_in_the_map_is_redrawn_from_the_refreshed_snapshot(shipped):
    ds, positions = shipped
    engine = store.create(store.connect("sqlite://"))
    store.import_dataset(engine, ds, author="Ann", message="start")
    first = store.refresh(engine)
    before = draw(first.dataset, positions)
    tie = first.dataset.collaborations.iloc[2]
    row = store.get_row(engine, "collaborations", tie["id"])
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie["id"],
                                  "version": row["version"], "set": {"status": "ended", "end": "2024"}}],
                        author="Ann", message="ended")
    later = store.refresh(engine, first)
    patched = redraw(before, later.dataset)
    assert patched is not None and patched.changed[1] == 1
    assert_same_drawing(patched, draw(later.dataset, positions))
    assert [e["status"] for e, t in zip(patched.data["edges"], patched.tie_ids, strict=True) if t == tie["id"]] \
        == ["ended"]


def test_a_new_layout_handed_in_moves_only_the_actors_added(shipped):
    ds, positions = shipped
    before = draw(ds, positions)
    after = _with_actor(ds, {"id": "ny", "name": "Ny", "type": "association"},
                        [{"id": "ny-tie", "source": "ny", "target": ds.actors.iloc[0]["id"], "kind": "partnership"}])
    elsewhere = {a: (x + 0.5, y - 0.5) for a, (x, y) in extend_layout(positions, to_multigraph(after)).items()}
    patched = redraw(before, after, elsewhere)
    was = {n["id"]: (n["x"], n["y"]) for n in before.data["nodes"]}
    now = {n["id"]: (n["x"], n["y"]) for n in patched.data["nodes"]}
    assert all(now[a] == was[a] for a in was if before.score[a][1] > 0)  # the others stay where the map showed them
    assert patched.positions["ny"] == elsewhere["ny"]


def test_edits_saved_one_after_another_are_each_redrawn_as_drawn_whole(shipped):
    """The map's snapshot keeps the columns an edit did not touch: each redraw compares only the others, and
    carries the order of names and the places of actors and ties to the next one."""
    ds, positions = shipped
    engine = store.create(store.connect("sqlite://"))
    store.import_dataset(engine, ds, author="Ann", message="start")
    snapshot = store.refresh(engine)
    drawing = draw(snapshot.dataset, positions)
    ties, actors = snapshot.dataset.collaborations, snapshot.dataset.actors
    small = actors["id"][~actors["id"].isin(set(ties["source"]) | set(ties["target"]))].tolist()
    small = [a for a in actors["id"] if a in set(ties["source"]) | set(ties["target"])][-1:] if not small else small
    hub = ties["source"].value_counts().index[0]
    others = [a for a in actors["id"] if a not in (hub, small[0])]

    def version(table, row):
        return store.get_row(engine, table, row)["version"]

    steps = [
        lambda: [{"op": "update", "table": "collaborations", "id": ties["id"].iloc[0],
                  "version": version("collaborations", ties["id"].iloc[0]), "set": {"status": "ended"}}],
        lambda: [{"op": "update", "table": "actors", "id": others[2], "version": version("actors", others[2]),
                  "set": {"name": "Aaa förening"}}],  # its name's rank moves
        lambda: [{"op": "add", "table": "collaborations",
                  "row": {"id": f"t-new-{k}", "source": small[0], "target": other, "kind": "partnership",
                          "document": ties["document"].iloc[0], "evidence": "Citat."}}
                 for k, other in enumerate(others[:6])],  # a small actor grows: ranks move
        lambda: [{"op": "delete", "table": "collaborations", "id": ties["id"].iloc[1],
                  "version": version("collaborations", ties["id"].iloc[1])}],
        lambda: [{"op": "update", "table": "collaborations", "id": "t-new-0", "version": version("collaborations", "t-new-0"),
                  "set": {"status": "planned", "target": others[7]}}],
    ]
    for step in steps:
        store.apply_changes(engine, step(), author="Ann", message="step")
        snapshot = store.refresh(engine, snapshot)
        patched = redraw(drawing, snapshot.dataset)
        assert patched is not None and patched.changed is not None
        whole = draw(snapshot.dataset, positions, scale=drawing.scale)
        assert_same_drawing(patched, whole)
        assert patched.order == whole.order and patched.slot_of_node == whole.slot_of_node
        assert patched.slot_of_tie == {t: k for k, t in enumerate(patched.tie_ids)}
        drawing = patched


def test_a_type_saved_in_the_map_changes_the_legend_of_a_map_coloured_by_type(shipped):
    ds, positions = shipped
    engine = store.create(store.connect("sqlite://"))
    store.import_dataset(engine, ds, author="Ann", message="start")
    first = store.refresh(engine)
    before = draw(first.dataset, positions, color_by="type")
    types = first.dataset.actors["type"].value_counts()
    actor = first.dataset.actors["id"][first.dataset.actors["type"] == types.index[-1]].iloc[0]  # its type's only one
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": actor, "version": 1,
                                  "set": {"type": types.index[0]}}], author="Ann", message="type")
    later = store.refresh(engine, first)
    patched = redraw(before, later.dataset)
    assert patched is not None
    assert_same_drawing(patched, draw(later.dataset, positions, color_by="type", scale=before.scale))
    assert len(patched.data["legend"]) == len(before.data["legend"]) - 1  # the type no actor has now is gone
