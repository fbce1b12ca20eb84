"""Questions asked of the network: size, brokers, weak points, communities, paths.

All functions take a graph from :mod:`graph.build` and return plain data.

>>> import networkx as nx
>>> G = nx.MultiGraph([("a", "b"), ("b", "c")])
>>> summary(G)["components"], ranking(G).iloc[0]["id"]
(1, 'b')
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.build import to_simple

__all__ = ["summary", "ranking", "brokers", "cut_off", "bridges", "communities", "shortest_paths"]


def summary(G: nx.MultiGraph) -> dict[str, object]:
    """Counts, components and density of ``G`` (density of the simple projection)."""
    H = to_simple(G) if G.is_multigraph() else G
    components = list(nx.connected_components(H))
    return {
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "pairs": H.number_of_edges(),
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "isolated": sum(1 for c in components if len(c) == 1),
        "density": nx.density(H) if H.number_of_nodes() > 1 else 0.0,
    }


def ranking(G: nx.MultiGraph, *, top: int | None = None, k: int | None = None, seed: int = 1) -> pd.DataFrame:
    """Actors ranked by betweenness, with degree (partners) and ties.

    Betweenness is normalised and computed on the simple projection; for big
    graphs pass ``k`` to sample that many sources (networkx's approximation).
    """
    H = to_simple(G) if G.is_multigraph() else G
    if k is not None and k >= H.number_of_nodes():
        k = None
    between = nx.betweenness_centrality(H, k=k, seed=seed if k else None)
    table = pd.DataFrame({
        "id": list(H.nodes),
        "name": [H.nodes[n].get("name", n) for n in H.nodes],
        "partners": [H.degree(n) for n in H.nodes],
        "ties": [G.degree(n) for n in H.nodes],
        "betweenness": [between[n] for n in H.nodes],
    })
    table = table.sort_values(["betweenness", "partners", "name"], ascending=[False, False, True], kind="stable")
    return table.head(top).reset_index(drop=True) if top else table.reset_index(drop=True)


def cut_off(G: nx.Graph) -> dict[str, int]:
    """For each articulation point, how many actors would lose touch with the rest of its component.

    "The rest" is the largest part left when the actor drops out.

    >>> cut_off(nx.Graph([("a", "b"), ("b", "c"), ("c", "d")]))
    {'b': 1, 'c': 1}
    """
    H = to_simple(G) if G.is_multigraph() else G
    out = {}
    for component in nx.connected_components(H):
        sub = H.subgraph(component)
        for actor in nx.articulation_points(sub):
            pieces = nx.connected_components(sub.subgraph(component - {actor}))
            out[actor] = len(component) - 1 - max(len(p) for p in pieces)
    return dict(sorted(out.items()))


def brokers(G: nx.MultiGraph) -> pd.DataFrame:
    """Betweenness, Burt's constraint, articulation points and how many actors each would cut off."""
    H = to_simple(G) if G.is_multigraph() else G
    table = ranking(G)
    constraint = nx.constraint(H, weight="weight")
    cut = cut_off(H)
    table["constraint"] = table["id"].map(lambda n: constraint.get(n, float("nan")))
    table["articulation_point"] = table["id"].isin(cut)
    table["cut_off"] = table["id"].map(lambda n: cut.get(n, 0))
    return table


def bridges(G: nx.MultiGraph) -> list[tuple[str, str]]:
    """Pairs whose tie is the only link between two parts of the network."""
    H = to_simple(G) if G.is_multigraph() else G
    return sorted(tuple(sorted(e)) for e in nx.bridges(H))


def communities(G: nx.MultiGraph, *, seed: int = 1) -> dict[str, int]:
    """Louvain communities of the weighted projection: actor id -> community number (largest first)."""
    H = to_simple(G) if G.is_multigraph() else G
    groups = nx.community.louvain_communities(H, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda c: (-len(c), min(c)))
    return {node: i for i, group in enumerate(groups) for node in group}


def shortest_paths(G: nx.MultiGraph, source: str, target: str, *, limit: int = 20) -> list[list[dict]]:
    """All shortest paths from ``source`` to ``target`` (up to ``limit``), each hop with its ties.

    Each path is a list of hops ``{"from", "to", "ties": [edge attribute dicts]}``.

    Raises
    ------
    nx.NodeNotFound
        If either actor is not in ``G``.
    nx.NetworkXNoPath
        If they are not connected.
    """
    H = to_simple(G) if G.is_multigraph() else G
    paths = []
    for nodes in nx.all_shortest_paths(H, source, target):
        hops = [{"from": u, "to": v, "ties": list(G.get_edge_data(u, v).values())} for u, v in zip(nodes, nodes[1:])]
        paths.append(hops)
        if len(paths) >= limit:
            break
    return paths
