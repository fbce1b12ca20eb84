"""Convenience wrappers for networkx graphs (undirected view, no self-loops).

>>> import networkx as nx
>>> nx_score_pairs(nx.path_graph(4), [(0, 2), (0, 3)], "ra")
[(0, 2, 0.5), (0, 3, 0.0)]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np

from graph.links._api import suggest_matrix
from graph.links._core import adjacency, score_matrix_pairs

__all__ = ["nx_score_pairs", "nx_suggest"]


def _matrix(G: nx.Graph):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    e = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    return adjacency(e[:, 0], e[:, 1], len(nodes)), nodes, index


def nx_score_pairs(G: nx.Graph, ebunch: Iterable[tuple[Hashable, Hashable]], method: str = "ra") -> list[tuple]:
    """Score the node pairs of ``G`` with an index; ``(u, v, score)`` like networkx.

    Raises
    ------
    ValueError
        For an unknown method.
    """
    A, _, index = _matrix(G)
    pairs = list(ebunch)
    r = np.array([index[u] for u, _ in pairs], dtype=np.int64)
    c = np.array([index[v] for _, v in pairs], dtype=np.int64)
    s = score_matrix_pairs(A, r, c, method)
    return [(u, v, float(x)) for (u, v), x in zip(pairs, s)]


def nx_suggest(G: nx.Graph, method: str = "default", k: int = 20) -> list[tuple]:
    """The ``k`` best non-adjacent pairs of ``G``, ``(u, v, score)``, best first.

    >>> nx_suggest(nx.path_graph(3), "cn", 5)
    [(0, 2, 1.0)]
    """
    A, nodes, _ = _matrix(G)
    r, c, s = suggest_matrix(A, method, k)
    return [(nodes[a], nodes[b], float(x)) for a, b, x in zip(r, c, s)]
