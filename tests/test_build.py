"""Tables become graphs; filters and neighbourhoods narrow them."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from graph.build import filter_dataset, neighbourhood, resolve_actor, to_multigraph, to_simple
from graph.model import Dataset

DS = Dataset.from_records(
    actors=[
        {"id": "af", "name": "Arbetsförmedlingen", "type": "state_agency", "aliases": "AF|Arbetsförmedlingens"},
        {"id": "leader", "name": "Framtidsbygder", "type": "leader_group", "region": "Västra Götalands län"},
        {"id": "steget", "name": "Steget före", "type": "initiative", "region": "Västra Götalands län"},
        {"id": "mellerud", "name": "Mellerud", "type": "municipality", "region": "Västra Götalands län"},
        {"id": "arjang", "name": "Årjäng", "type": "municipality", "region": "Värmlands län"},
    ],
    collaborations=[
        {"source": "leader", "target": "steget", "kind": "funding", "themes": "work", "start": "2017", "end": "2019"},
        {"source": "steget", "target": "leader", "kind": "partnership", "themes": "language", "weight": "2"},
        {"source": "steget", "target": "af", "kind": "partnership", "themes": "work"},
        {"source": "steget", "target": "mellerud", "kind": "partnership", "status": "planned", "start": "2020"},
        {"source": "mellerud", "target": "arjang", "kind": "dialogue", "status": "recommended"},
    ],
)


def test_multigraph_keeps_every_kind_and_simple_graph_sums():
    G = to_multigraph(DS)
    assert G.number_of_edges() == 5
    kinds = sorted(d["kind"] for d in G.get_edge_data("leader", "steget").values())
    assert kinds == ["funding", "partnership"]
    H = to_simple(G)
    assert H["leader"]["steget"] == {"weight": 3.0, "ties": 2, "kinds": ("funding", "partnership")}


def test_nodes_get_default_sector_and_level_and_edges_keep_direction():
    G = to_multigraph(DS)
    assert (G.nodes["af"]["sector"], G.nodes["af"]["level"]) == ("public", "national")
    assert G.nodes["af"]["aliases"] == ("AF", "Arbetsförmedlingens")
    funding = next(d for d in G.get_edge_data("steget", "leader").values() if d["kind"] == "funding")
    assert (funding["source"], funding["target"], funding["themes"]) == ("leader", "steget", ("work",))


def test_building_does_not_change_the_dataset():
    before = DS.collaborations.copy()
    to_multigraph(DS)
    filter_dataset(DS, themes=["work"])
    assert DS.collaborations.equals(before)


def test_filters():
    assert set(filter_dataset(DS, types=["municipality"]).actors["id"]) == {"mellerud", "arjang"}
    assert set(filter_dataset(DS, sectors=["public"]).actors["id"]) == {"af", "mellerud", "arjang"}
    assert set(filter_dataset(DS, levels=["national"]).actors["id"]) == {"af"}
    assert set(filter_dataset(DS, regions=["Värmlands län"]).actors["id"]) == {"arjang"}
    assert len(filter_dataset(DS, themes=["work"]).collaborations) == 2
    assert len(filter_dataset(DS, kinds=["funding"]).collaborations) == 1
    assert len(filter_dataset(DS, statuses=["existing"]).collaborations) == 3
    assert len(filter_dataset(DS, statuses=["recommended", "planned"]).collaborations) == 2
    in_2018 = filter_dataset(DS, period=("2018", "2018")).collaborations
    assert list(in_2018["kind"]) == ["funding", "partnership", "partnership", "dialogue"]


def test_neighbourhood():
    assert set(neighbourhood(DS, "af", 1).actors["id"]) == {"af", "steget"}
    assert set(neighbourhood(DS, "af", 2).actors["id"]) == {"af", "steget", "leader", "mellerud"}


def test_resolve_by_alias():
    assert resolve_actor(DS, "AF") == "af"
    assert resolve_actor(DS, "steget före") == "steget"


def test_positions_are_pandas_own_lookup_of_arrow_strings():
    import numpy as np
    import pandas as pd

    from graph.build import positions

    ids = pd.Series(["a", "b", "", "Åmål", "a b"], dtype="str").unique()
    values = pd.Series(["Åmål", "x", "", "a", "a b", "A", "b "], dtype="str")
    expected = pd.Index(ids).get_indexer(values.astype(object))
    assert np.array_equal(positions(ids, values), expected)
    assert np.array_equal(positions(ids, values) >= 0, values.isin(set(ids)).to_numpy())


@given(values=st.lists(st.sampled_from(["a", "b", "Åsa", "ø", "", " a", "x"]), max_size=30),
       ids=st.lists(st.sampled_from(["a", "Åsa", "ø", "b ", "y"]), max_size=6, unique=True))
def test_among_arrow_strings_answers_as_the_lookup_of_python_strings(values, ids):
    from graph.build import among, positions

    expected = (positions(ids, pd.Series(values, dtype=object)) >= 0).tolist()
    assert among(pd.Series(values, dtype=str), ids).tolist() == expected
    assert among(pd.Series(values, dtype=object), ids).tolist() == expected
    assert among(pd.Series(values, dtype=str), pd.Series(ids, dtype=str).unique()).tolist() == expected  # Arrow ids


def test_filter_options_after_an_edit_keep_the_lists_of_columns_it_did_not_touch():
    from graph import store
    from graph.build import filter_options

    engine = store.create(store.connect("sqlite://"))
    store.import_dataset(engine, DS, author="Ann", message="start")
    first = store.refresh(engine)
    before = filter_options(first.dataset)
    tie = first.dataset.collaborations.iloc[0]["id"]
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie, "version": 1,
                                  "set": {"status": "ended", "themes": "housing"}}], author="Ann", message="ended")
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "arjang", "version": 1,
                                  "set": {"region": "Dalarnas län"}}], author="Ann", message="moved")
    later = store.refresh(engine, first)
    found = filter_options(later.dataset, (first.dataset, before))
    assert found == filter_options(later.dataset)
    assert "ended" in found["statuses"] and "Dalarnas län" in found["regions"] and "housing" in found["themes"]
    assert found["types"] is before["types"] and found["kinds"] is before["kinds"]  # columns the edits left alone
