"""Counts, brokers, communities and paths on small graphs with known answers."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import analysis


def path_graph() -> nx.MultiGraph:
    G = nx.MultiGraph()
    G.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"}), ("c", {"name": "C"}), ("z", {"name": "Z"})])
    G.add_edge("a", "b", kind="partnership", evidence="A och B samarbetar", document="000.txt")
    G.add_edge("a", "b", kind="funding", evidence="A finansierar B", document="001.txt")
    G.add_edge("b", "c", kind="dialogue", evidence="B talar med C", document="002.txt")
    return G


def test_summary():
    assert analysis.summary(path_graph()) == {
        "actors": 4, "ties": 3, "pairs": 2, "components": 2, "largest_component": 3, "isolated": 1,
        "density": pytest.approx(2 / 6),
    }


def test_ranking_puts_the_middle_first():
    table = analysis.ranking(path_graph())
    assert table.iloc[0].to_dict() == {"id": "b", "name": "B", "partners": 2, "ties": 3, "betweenness": pytest.approx(1 / 3)}


def test_brokers_and_bridges():
    table = analysis.brokers(path_graph()).set_index("id")
    assert table.loc["b", "articulation_point"] and not table.loc["a", "articulation_point"]
    assert analysis.bridges(path_graph()) == [("a", "b"), ("b", "c")]


def test_communities_split_two_cliques():
    G = nx.MultiGraph(nx.barbell_graph(5, 0))
    groups = analysis.communities(G)
    assert len(set(groups.values())) == 2 and groups[0] == groups[4] != groups[5]


def test_shortest_paths_carry_every_tie():
    [path] = analysis.shortest_paths(path_graph(), "a", "c")
    assert [(h["from"], h["to"]) for h in path] == [("a", "b"), ("b", "c")]
    assert sorted(t["evidence"] for t in path[0]["ties"]) == ["A finansierar B", "A och B samarbetar"]


def test_all_shortest_paths_and_no_path():
    G = nx.MultiGraph([("s", "x"), ("s", "y"), ("x", "t"), ("y", "t")])
    assert len(analysis.shortest_paths(G, "s", "t")) == 2
    G.add_node("alone")
    with pytest.raises(nx.NetworkXNoPath):
        analysis.shortest_paths(G, "s", "alone")


def test_sampled_betweenness_is_seeded_and_the_fixed_sample_of_its_size():
    import numpy as np

    G = nx.barabasi_albert_graph(3000, 2, seed=2)
    u, v = (list(x) for x in zip(*G.edges))
    scores, k, settled = analysis.sampled_betweenness(3000, u, v, top=5, seed=7)
    again, k2, settled2 = analysis.sampled_betweenness(3000, u, v, top=5, seed=7)
    assert (k, settled) == (k2, settled2) and np.array_equal(scores, again)
    assert np.array_equal(scores, analysis.betweenness_of_ties(3000, u, v, k=k, seed=7))
    exact = analysis.betweenness_of_ties(3000, u, v)
    if settled:  # settled: the same top 5 at k and k / 2 sources, the hubs of this graph
        assert len(set(np.argsort(-scores)[:5]) & set(np.argsort(-exact)[:5])) >= 4


def test_sampled_betweenness_keeps_to_its_work_budget():
    G = nx.barabasi_albert_graph(3000, 2, seed=2)
    u, v = (list(x) for x in zip(*G.edges))
    ties = G.number_of_edges()  # one component: every source's search looks at every tie
    _, k, settled = analysis.sampled_betweenness(3000, u, v, top=50, work=100 * ties)
    assert k == 64 and not settled  # 100 sources' work: 64 (doubling from 64 would pass it)
    _, k, _ = analysis.sampled_betweenness(3000, u, v, top=50, work=10 * ties)
    assert k == analysis.SAMPLE_BATCH  # never fewer than one batch
    _, k, _ = analysis.sampled_betweenness(3000, u, v, top=50, most=128, work=10**12)
    assert k <= 128
