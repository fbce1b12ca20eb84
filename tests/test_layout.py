"""Tests for graph.layout."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.layout import compute_layout


def _multigraph() -> nx.MultiGraph:
    G = nx.MultiGraph()
    G.add_edges_from([("a", "b"), ("a", "b"), ("b", "c"), ("c", "a"), ("c", "c")])
    G.add_node("alone")
    return G


GRAPHS = {
    "empty": nx.Graph(),
    "single": nx.path_graph(1),
    "path": nx.path_graph(5),
    "multi": _multigraph(),
    "directed": nx.DiGraph([(1, 2), (2, 3)]),
    "disconnected": nx.Graph([(0, 1), (2, 3)]),
    "mesh-sized": nx.gnm_random_graph(1200, 2400, seed=3),
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_positions_cover_every_node_finite_in_box(name):
    G = GRAPHS[name]
    pos = compute_layout(G)
    assert set(pos) == set(G)
    for x, y in pos.values():
        assert math.isfinite(x) and math.isfinite(y)
        assert -1.0 <= x <= 1.0 and -1.0 <= y <= 1.0


@pytest.mark.parametrize("name", ["path", "multi", "mesh-sized"])
def test_deterministic_for_a_seed(name):
    G = GRAPHS[name]
    assert compute_layout(G, seed=7) == compute_layout(G, seed=7)


def test_seed_changes_positions():
    G = nx.cycle_graph(10)
    assert compute_layout(G, seed=1) != compute_layout(G, seed=2)


def test_scaled_to_fill_box():
    pos = compute_layout(nx.cycle_graph(12))
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) == pytest.approx(2.0)


def test_neighbours_are_closer_than_strangers():
    G = nx.Graph()
    nx.add_path(G, range(10))
    nx.add_path(G, range(10, 20))
    G.add_edge(9, 10)
    pos = compute_layout(G)

    def dist(u, v):
        return math.dist(pos[u], pos[v])

    assert dist(0, 1) < dist(0, 19)


def test_nodes_do_not_collapse():
    pos = compute_layout(nx.gnm_random_graph(200, 400, seed=1))
    rounded = {(round(x, 3), round(y, 3)) for x, y in pos.values()}
    assert len(rounded) > 190


def test_isolated_actor_is_placed_apart_below():
    pos = compute_layout(_multigraph())
    assert pos["alone"][1] > max(pos[v][1] for v in "abc")


def test_uses_stored_positions_when_all_nodes_have_them():
    G = nx.Graph()
    G.add_node("a", x=0.0, y=0.0)
    G.add_node("b", x=10.0, y=5.0)
    G.add_edge("a", "b")
    # Gephi's y points up, the screen's down: b is above a on both.
    assert compute_layout(G) == {"a": (-1.0, 0.5), "b": (1.0, -0.5)}


def test_ignores_stored_positions_unless_every_node_has_them():
    G = nx.Graph([("a", "b"), ("b", "c")])
    G.nodes["a"].update(x=0.0, y=0.0)
    G.nodes["b"].update(x="nan", y=1.0)
    assert set(compute_layout(G)) == {"a", "b", "c"}


def test_does_not_change_the_graph():
    G = _multigraph()
    before = (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)))
    compute_layout(G)
    assert (list(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == before


def test_rejects_negative_iterations():
    with pytest.raises(ValueError, match="iterations"):
        compute_layout(nx.path_graph(2), iterations=-1)
