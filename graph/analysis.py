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
from graph.lazy_igraph import load_igraph

__all__ = ["summary", "summary_of_ties", "distinct_pairs", "partners_of_pairs", "betweenness", "betweenness_of_ties", "sampled_betweenness", "ranking", "brokers", "cut_off", "bridges", "bridges_of_ties", "communities", "shortest_paths"]


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


def _igraph(H: nx.Graph):
    """``H`` as an igraph graph (C-backed) with its node list; edge weights as ``weight``."""
    ig = load_igraph()

    nodes = list(H.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges()]
    g = ig.Graph(n=len(nodes), edges=edges)
    g.es["weight"] = [float(d.get("weight", 1.0)) for _, _, d in H.edges(data=True)]
    return g, nodes


def _summed_igraph(G: nx.Graph):
    """``G`` as a simple igraph graph, the weights of parallel ties summed (as :func:`graph.build.to_simple`),
    built from arrays: no networkx copy."""
    ig = load_igraph()
    import numpy as np

    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    ends = [(index[a], index[b], float(w)) for a, b, w in G.edges(data="weight", default=1.0)]
    u, v, w = (np.array(x) for x in zip(*ends))
    u, v = u.astype(np.int64), v.astype(np.int64)
    key, at = np.unique(np.minimum(u, v) * n + np.maximum(u, v), return_inverse=True)
    g = ig.Graph(n=n, edges=np.column_stack([key // n, key % n]))
    g.es["weight"] = np.bincount(at.ravel(), weights=w, minlength=key.size).tolist()
    return g, nodes


def distinct_pairs(n: int, u, v):
    """The distinct unordered pairs among ties ``u[i]``–``v[i]`` of nodes ``0..n-1``: arrays ``a <= b``.

    >>> [x.tolist() for x in distinct_pairs(3, [0, 1, 2], [1, 0, 1])]
    [[0, 1], [1, 2]]
    """
    import numpy as np

    u, v = np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64)
    key = np.unique(np.minimum(u, v) * n + np.maximum(u, v))
    return key // n, key % n


def partners_of_pairs(n: int, a, b):
    """How many distinct partners each node ``0..n-1`` has, given :func:`distinct_pairs`' ``a``, ``b``."""
    import numpy as np

    return np.bincount(np.r_[a, b], minlength=n)


#: Sampled sources are run in batches of this many (one C call each); sample sizes are multiples of it.
SAMPLE_BATCH = 32
#: The work a sampled betweenness may do, in ties looked at (each source's search looks at every tie of its
#: component): 64 to 128 sources at 200,000 actors and 200,000 ties, four to five seconds of igraph on one core.
#: Half of it (32-64 sources) was 2 s quicker but kept 5-7 of the top 10 brokers of a 2,048-source estimate on
#: hub-heavy maps instead of 7-8 (``benchmarks/betweenness_sampling.py``).
SAMPLE_WORK = 1 << 24


def _near_order(A):
    """``rank[i]``, node ``i``'s place in reverse Cuthill–McKee order of the symmetric ``A``: neighbours get
    nearby numbers, so the breadth-first searches of betweenness stay in the processor's cache (1.2–1.8×
    faster at 200,000 nodes; the same numbers)."""
    import numpy as np
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    order = reverse_cuthill_mckee(A, symmetric_mode=True)
    rank = np.empty(A.shape[0], dtype=np.int64)
    rank[order] = np.arange(A.shape[0])
    return rank


class _SourceSampler:
    """Betweenness summed over sources taken in a seeded random order, batch by batch (see
    :func:`sampled_betweenness`); ``scores(k)`` is the normalised estimate from the first ``k``, ``cost`` the
    ties a random source's search looks at (those of its component), on average."""

    def __init__(self, n: int, a, b, seed: int):
        ig = load_igraph()
        import numpy as np
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        A = sp.coo_array((np.ones(a.size, dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
        A = (A + A.T).tocsr()
        _, label = connected_components(A, directed=False)
        ties = np.bincount(label[a], minlength=label.max() + 1)
        self.cost = float(ties[label].mean())
        self.n, self.done, self.total = n, 0, np.zeros(n)
        self.rank = _near_order(A)
        self.graph = ig.Graph(n=n, edges=np.column_stack([self.rank[a], self.rank[b]]).tolist())  # lists: quicker
        self.order = self.rank[np.random.default_rng(seed).permutation(n)]

    def scores(self, k: int):
        import numpy as np

        while self.done < k:
            batch = np.sort(self.order[self.done:min(k, self.done + SAMPLE_BATCH)])
            self.total += np.asarray(self.graph.betweenness(directed=False, sources=batch.tolist()))
            self.done += batch.size
        return self.total[self.rank] * self.n / k * 2 / ((self.n - 1) * (self.n - 2))


def betweenness_of_ties(n: int, u, v, *, k: int | None = None, seed: int = 1):
    """Normalised betweenness of nodes ``0..n-1`` joined by the pairs ``u[i]``–``v[i]`` (repeats count once).

    With ``k``, shortest paths are counted from the first ``k`` sources of a
    random order drawn with ``seed`` and scaled by ``n / k``: an unbiased
    estimate (networkx's approximation, in C by igraph; the same numbers as
    :func:`sampled_betweenness` when it stops at ``k``).  Arrays in, array
    out: no networkx graph is built, so 200,000 actors take seconds.

    >>> betweenness_of_ties(3, [0, 1], [1, 2]).tolist()
    [0.0, 1.0, 0.0]
    """
    ig = load_igraph()
    import numpy as np

    if n < 3:
        return np.zeros(n)
    a, b = distinct_pairs(n, u, v)
    if k is None or k >= n:
        raw = np.asarray(ig.Graph(n=n, edges=np.column_stack([a, b])).betweenness(directed=False))
        return raw * 2 / ((n - 1) * (n - 2))
    return _SourceSampler(n, a, b, seed).scores(k)


def sampled_betweenness(n: int, u, v, *, top: int = 20, seed: int = 1, first: int = 64, most: int = 1024,
                        work: int = SAMPLE_WORK):
    """Betweenness estimated from as many sampled sources as the ``top`` best-ranked take to settle.

    Sources are taken in a random order drawn with ``seed``; the sample
    doubles from ``first`` (64, 128, 256, …) until the ``top`` highest
    estimates name the same actors at ``s`` and ``2 s`` sources, or until
    the next doubling would pass ``most`` sources or ``work`` ties looked at
    (every source's search looks at all the ties of its component; at least
    one batch of :data:`SAMPLE_BATCH` sources is always run).

    Returns
    -------
    scores, k, settled
        The estimate (as :func:`betweenness_of_ties` with that ``k``), the
        number of sources, and whether the ``top`` had settled.

    >>> G = nx.barabasi_albert_graph(3000, 2, seed=1)
    >>> u, v = zip(*G.edges)
    >>> scores, k, settled = sampled_betweenness(3000, u, v, top=3)
    >>> k, settled, sorted(scores.argsort()[::-1][:3].tolist())  # the exact top 3: 0, 3 and 5
    (128, True, [0, 3, 5])
    """
    import numpy as np

    if n < 3:
        return np.zeros(n), 0, True
    sampler = _SourceSampler(n, *distinct_pairs(n, u, v), seed)
    afford = int(work // max(sampler.cost, 1.0)) // SAMPLE_BATCH * SAMPLE_BATCH
    most = max(SAMPLE_BATCH, min(most, n, afford))
    k = min(first, most)
    scores = sampler.scores(k)
    best = set(np.argsort(-scores, kind="stable")[:top].tolist())
    while 2 * k <= most:
        k *= 2
        scores = sampler.scores(k)
        settled, best = best, set(np.argsort(-scores, kind="stable")[:top].tolist())
        if best == settled:
            return scores, k, True
    return scores, k, False


def betweenness(H: nx.Graph, *, k: int | None = None, seed: int = 1) -> dict:
    """Normalised betweenness of the simple graph ``H`` (as networkx's), exact or from ``k`` sampled sources.

    See :func:`betweenness_of_ties` (the same numbers, from arrays).

    >>> b = betweenness(nx.path_graph(3))
    >>> b[1], b[0]
    (1.0, 0.0)
    """
    nodes = list(H.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ends = [(index[a], index[b]) for a, b in H.edges()]
    u, v = ([e[0] for e in ends], [e[1] for e in ends]) if ends else ([], [])
    return dict(zip(nodes, betweenness_of_ties(len(nodes), u, v, k=k, seed=seed).tolist()))


def summary_of_ties(n: int, u, v) -> dict[str, object]:
    """:func:`summary` from arrays: ``n`` actors, tie ``i`` joining ``u[i]`` and ``v[i]`` (no self-ties).

    >>> summary_of_ties(4, [0, 0, 1], [1, 1, 2])["components"]
    2
    """
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    a, b = distinct_pairs(n, u, v)
    A = sp.coo_array((np.ones(a.size), (a, b)), shape=(n, n)).tocsr()
    count, label = connected_components(A, directed=False) if n else (0, np.zeros(0, dtype=np.int64))
    sizes = np.bincount(label, minlength=count)
    return {"actors": n, "ties": len(u), "pairs": int(a.size), "components": int(count),
            "largest_component": int(sizes.max()) if n else 0, "isolated": int((sizes == 1).sum()),
            "density": 2 * a.size / (n * (n - 1)) if n > 1 else 0.0}


def ranking(G: nx.MultiGraph, *, top: int | None = None, k: int | None = None, seed: int = 1) -> pd.DataFrame:
    """Actors ranked by betweenness, with degree (partners) and ties.

    Betweenness is normalised and computed on the simple projection; for big
    graphs pass ``k`` to sample that many sources (see :func:`betweenness`).
    """
    H = to_simple(G) if G.is_multigraph() else G
    between = betweenness(H, k=k, seed=seed)
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
    constraint = nx.constraint(H, weight="weight") if len(H) else {}  # networkx refuses a graph of no actors
    cut = cut_off(H)
    table["constraint"] = table["id"].map(lambda n: constraint.get(n, float("nan")))
    table["articulation_point"] = table["id"].isin(cut)
    table["cut_off"] = table["id"].map(lambda n: cut.get(n, 0))
    return table


def bridges(G: nx.MultiGraph) -> list[tuple[str, str]]:
    """Pairs whose tie is the only link between two parts of the network."""
    H = to_simple(G) if G.is_multigraph() else G
    return sorted(tuple(sorted(e)) for e in nx.bridges(H))


def bridges_of_ties(n: int, u, v):
    """The pairs whose tie is the only link between two parts of the network of nodes ``0..n-1`` joined by
    ``u[i]``–``v[i]`` (repeats count once): arrays ``a < b``, :func:`bridges`' pairs found by igraph (C)
    from arrays, so no networkx graph is built (a fraction of a second at 200,000 actors, not ten).

    >>> [x.tolist() for x in bridges_of_ties(5, [0, 1, 2, 0, 3], [1, 2, 0, 3, 0])]
    [[0], [3]]
    """
    import numpy as np

    a, b = distinct_pairs(n, u, v)
    found = np.asarray(load_igraph().Graph(n=n, edges=np.column_stack([a, b]).tolist()).bridges(), dtype=np.int64)
    return a[found], b[found]


def communities(G: nx.MultiGraph, *, seed: int = 1) -> dict[str, int]:
    """Leiden communities (modularity, tie weights) of the simple projection: actor id -> number, largest first.

    Computed by igraph's Leiden (C, two iterations; 20 times faster than
    ``leidenalg`` at 5,000 actors, and as good by modularity) with a fixed
    ``seed``: the same graph always gives the same groups; each group is connected.

    >>> groups = communities(nx.MultiGraph(nx.barbell_graph(4, 0)))
    >>> groups[0] == groups[3] != groups[4]
    True
    """
    import random

    ig = load_igraph()

    if G.number_of_edges() == 0:
        order = sorted(G.nodes, key=str)
        return {node: i for i, node in enumerate(order)}
    g, nodes = _summed_igraph(G)
    ig.set_random_number_generator(random.Random(seed))
    try:
        part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    finally:
        ig.set_random_number_generator(random)
    groups = [[nodes[i] for i in members] for members in part]
    groups = sorted(groups, key=lambda c: (-len(c), min(str(x) for x in c)))
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
