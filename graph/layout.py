"""Node positions for drawing the actor network.

One public function, :func:`compute_layout`, turns a graph into a mapping
``node -> (x, y)`` inside the square ``[-1, 1] x [-1, 1]``.  It is computed
in Python so that the browser never has to run a physics simulation: the
page only draws.

The layout is a Fruchterman-Reingold force model with a weak gravity toward
the centre, so that isolated actors and small components stay on screen.
Repulsion is exact for small graphs and computed on a grid with FFT
convolution (a particle-mesh approximation) for large ones, which keeps a
5,000-node / 20,000-tie graph well under a second of work.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np

__all__ = ["compute_layout", "extend_layout"]

#: Graphs with at most this many nodes get exact pairwise repulsion.
EXACT_LIMIT = 400


def compute_layout(G: nx.Graph, *, seed: int = 1, iterations: int | None = None) -> dict[Hashable, tuple[float, float]]:
    """Return deterministic 2-D positions for every node of `G`.

    Parameters
    ----------
    G : networkx graph
        Any networkx graph (multi-graphs and directed graphs included; tie
        direction and parallel ties count as one undirected tie). `G` is not
        changed. If *every* node has numeric ``x`` and ``y`` attributes
        (for example from an imported file) those are used, rescaled.
    seed : int, optional
        Seed of the random start; the same graph and seed always give the
        same positions.
    iterations : int or None, optional
        Number of force iterations; by default chosen from the graph size.

    Returns
    -------
    dict
        ``node -> (x, y)`` floats, centred on 0 and scaled so that the larger
        of the two extents spans ``[-1, 1]``.

    Raises
    ------
    ValueError
        If `iterations` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = compute_layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2]
    True
    >>> all(-1 <= c <= 1 for xy in pos.values() for c in xy)
    True
    >>> pos == compute_layout(nx.path_graph(3))
    True
    """
    if iterations is not None and iterations < 0:
        raise ValueError(f"iterations must be >= 0, got {iterations}")
    nodes = list(G)
    if not nodes:
        return {}
    stored = _stored_positions(G)
    if stored is not None:
        arr = np.array([stored[v] for v in nodes], dtype=float)
        arr = _rescale(arr)
    else:
        rows, cols = _edge_index(G, nodes)
        arr = _rescale(_force_directed(len(nodes), rows, cols, seed=seed, iterations=iterations))
        arr = _rescale(_isolates_below(arr, rows, cols))
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, arr)}


def extend_layout(positions: Mapping[Hashable, tuple[float, float]], G: nx.Graph, *, seed: int = 1
                  ) -> dict[Hashable, tuple[float, float]]:
    """``positions`` for the nodes of `G` that have one, and a place for each new node: the middle of its
    placed neighbours (a little apart from them), else a free spot under the picture.

    An edit that adds an actor keeps everybody else where the map showed them, instead of a new layout.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> pos = extend_layout({"a": (0.0, 0.0), "b": (1.0, 0.0), "gone": (5.0, 5.0)}, G)
    >>> sorted(pos), pos["a"], pos["b"], 0.9 < pos["c"][0] < 1.1
    (['a', 'b', 'c'], (0.0, 0.0), (1.0, 0.0), True)
    """
    rng = np.random.default_rng(seed)
    placed = {v: positions[v] for v in G if v in positions}
    bottom = max((y for _, y in placed.values()), default=0.0)
    spread = 0.04
    for k, v in enumerate(sorted((v for v in G if v not in positions), key=str)):
        near = [placed[u] for u in G.neighbors(v) if u in placed]
        if near:
            x, y = np.mean(near, axis=0) + rng.normal(0.0, spread, 2)
        else:
            x, y = -1.0 + 0.1 * (k % 20), bottom + 0.1 * (1 + k // 20)
        placed[v] = (float(x), float(y))
    return {v: placed[v] for v in G}


def _stored_positions(G: nx.Graph) -> Mapping[Hashable, tuple[float, float]] | None:
    """Return the nodes' own finite ``x``/``y`` when every node has them, y turned to point down.

    Stored positions come from Gephi-like tools whose y axis points up; the
    page and the pictures draw y downwards, so y is negated to show the same
    picture (the GEXF export negates it back).
    """
    out = {}
    for v, attrs in G.nodes(data=True):
        try:
            x, y = float(attrs["x"]), float(attrs["y"])
        except (KeyError, TypeError, ValueError):
            return None
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        out[v] = (x, -y)
    return out


def _edge_index(G: nx.Graph, nodes: list) -> tuple[np.ndarray, np.ndarray]:
    """Return unique undirected node-index pairs ``i < j`` of the ties of `G`."""
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    if len(pairs) == 0:
        return pairs[:, 0], pairs[:, 1]
    pairs.sort(axis=1)
    pairs = np.unique(pairs, axis=0)
    return pairs[:, 0], pairs[:, 1]


def _force_directed(n: int, rows: np.ndarray, cols: np.ndarray, *, seed: int, iterations: int | None) -> np.ndarray:
    """Fruchterman-Reingold with gravity; returns an ``(n, 2)`` array."""
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2))
    if n == 1:
        return np.zeros((1, 2))
    k = 1.0 / math.sqrt(n)  # ideal tie length for a unit-sized picture
    if iterations is None:
        iterations = 150 if n <= EXACT_LIMIT else 100
    repulse = _exact_repulsion if n <= EXACT_LIMIT else _MeshRepulsion(k)
    temp = 0.1
    cooling = temp / (iterations + 1)
    for _ in range(iterations):
        disp = repulse(pos, k)
        delta = pos[rows] - pos[cols]
        dist = np.sqrt((delta**2).sum(axis=1)) + 1e-9
        pull = delta * (dist / k)[:, None]
        _scatter(disp, rows, -pull)
        _scatter(disp, cols, pull)
        disp -= pos  # gravity: balances the far-field repulsion at radius ~1
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        np.clip(pos, -_MeshRepulsion.BOX, _MeshRepulsion.BOX, out=pos)
        temp -= cooling
    return pos


def _scatter(out: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
    """Add `values` rows into `out` at `index` (fast ``np.add.at``)."""
    n = len(out)
    out[:, 0] += np.bincount(index, weights=values[:, 0], minlength=n)
    out[:, 1] += np.bincount(index, weights=values[:, 1], minlength=n)


def _exact_repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    """Pairwise repulsion ``k^2 / d`` summed over all other nodes."""
    x, y = pos[:, 0], pos[:, 1]
    d2 = np.square(x[:, None] - x[None, :])
    d2 += np.square(y[:, None] - y[None, :])
    np.maximum(d2, 1e-6, out=d2)
    factor = np.divide(k * k, d2, out=d2)
    np.fill_diagonal(factor, 0.0)
    # sum_j f_ij (p_i - p_j) = p_i * sum_j f_ij - (F @ p)_i
    return pos * factor.sum(axis=1)[:, None] - factor @ pos


class _MeshRepulsion:
    """Repulsion from a cloud-in-cell density convolved with the FR kernel."""

    BOX = 3.0  # positions are kept inside [-BOX, BOX]^2

    def __init__(self, k: float) -> None:
        size = 2 * self.BOX
        cells = int(min(256, max(64, 2 ** math.ceil(math.log2(size / (1.5 * k))))))
        self.cells = cells
        self.h = size / cells
        offsets = (np.arange(2 * cells) - cells) * self.h  # -L .. L - h
        ox, oy = np.meshgrid(offsets, offsets, indexing="ij")
        d2 = ox**2 + oy**2 + (0.5 * self.h) ** 2
        kx = np.fft.ifftshift(k * k * ox / d2)
        ky = np.fft.ifftshift(k * k * oy / d2)
        self.fkx = np.fft.rfft2(kx)
        self.fky = np.fft.rfft2(ky)

    def __call__(self, pos: np.ndarray, k: float) -> np.ndarray:
        cells, h = self.cells, self.h
        g = (pos + self.BOX) / h - 0.5  # grid coordinates of the cell centres
        i0 = np.clip(np.floor(g).astype(np.int64), 0, cells - 2)
        frac = np.clip(g - i0, 0.0, 1.0)
        corners = [
            (0, 0, (1 - frac[:, 0]) * (1 - frac[:, 1])),
            (1, 0, frac[:, 0] * (1 - frac[:, 1])),
            (0, 1, (1 - frac[:, 0]) * frac[:, 1]),
            (1, 1, frac[:, 0] * frac[:, 1]),
        ]
        rho = np.zeros((2 * cells) * (2 * cells))
        flat = []
        for dx, dy, w in corners:
            idx = (i0[:, 0] + dx) * (2 * cells) + (i0[:, 1] + dy)
            flat.append((idx, w))
            rho += np.bincount(idx, weights=w, minlength=rho.size)
        frho = np.fft.rfft2(rho.reshape(2 * cells, 2 * cells))
        fx = np.fft.irfft2(frho * self.fkx, s=(2 * cells, 2 * cells)).ravel()
        fy = np.fft.irfft2(frho * self.fky, s=(2 * cells, 2 * cells)).ravel()
        out = np.zeros_like(pos)
        for idx, w in flat:
            out[:, 0] += fx[idx] * w
            out[:, 1] += fy[idx] * w
        return out


def _isolates_below(arr: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Move nodes without ties from the force picture's rim to a grid below it."""
    n = len(arr)
    tied = np.zeros(n, dtype=bool)
    tied[rows] = True
    tied[cols] = True
    alone = np.flatnonzero(~tied)
    if len(alone) == 0 or len(alone) == n:
        return arr
    body = _rescale(arr[tied])
    step = 2.0 / math.sqrt(n)  # about one ideal tie length
    per_row = max(1, int(2.0 / step) + 1)
    out = np.empty_like(arr)
    out[tied] = body
    i = np.arange(len(alone))
    out[alone, 0] = -1.0 + (i % per_row) * step
    out[alone, 1] = 1.0 + step * (1.5 + i // per_row)
    return out


def _rescale(arr: np.ndarray) -> np.ndarray:
    """Centre `arr` on 0 and scale its larger extent to ``[-1, 1]``."""
    arr = np.asarray(arr, dtype=float)
    lo, hi = arr.min(axis=0), arr.max(axis=0)
    arr = arr - (lo + hi) / 2
    half = float((hi - lo).max()) / 2
    return arr / half if half > 0 else arr * 0.0
