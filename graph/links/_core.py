"""Similarity indices on a scipy CSR adjacency matrix, for given pairs or top-K.

Everything here works on a symmetric 0/1 :class:`scipy.sparse.csr_array` ``A``
without self-loops (see :func:`adjacency`) and on integer node positions.  No
function loops over pairs in Python: pairs are scored by sparse row products,
candidates come from sparse matrix products over the real pairs at distance 2.

Katz index: ``sum_{l>=1} beta**l (A**l)[u, v]`` with ``beta = 0.01``, *truncated*.
The series is summed term by term until every scored pair's last two terms
add less than ``1e-9`` of its score (at most :data:`KATZ_MAX_LENGTH` terms),
which equals the solved index to that precision, as long as the work fits
:data:`KATZ_WORK` (see :func:`katz_length`); with more pairs on a bigger
graph it sums fewer terms, down to walks of length 3.  When ``beta``
is not below ``1 / lambda_max`` it is lowered to ``0.5 / lambda_max``.

Local path index (Lü, Jin & Zhou 2009): ``(A**2)[u, v] + eps (A**3)[u, v]`` with
``eps = 0.01``.

>>> import numpy as np
>>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)   # a path
>>> score_matrix_pairs(A, np.array([0, 0]), np.array([2, 3]), "cn")
array([1., 0.])
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = [
    "INDICES",
    "RANKINGS",
    "KATZ_BETA",
    "LP_EPSILON",
    "KATZ_WORK",
    "katz_length",
    "katz_beta",
    "KATZ_MAX_LENGTH",
    "adjacency",
    "adjacency_from_columns",
    "pair_features",
    "score_matrix_pairs",
    "edge_keys",
    "is_edge",
    "in_sorted",
    "degrees",
    "row_block",
    "CHUNK",
    "WALK_BUDGET",
    "DENSE_MASK_NODES",
]

#: The single indices, by short name.
INDICES: tuple[str, ...] = ("cn", "jaccard", "aa", "ra", "pa", "lp", "katz")
#: Rankings only the default chooses among (see :func:`pair_features`): random walks and local communities.
RANKINGS: tuple[str, ...] = ("srw", "lrw", "cra")
KATZ_BETA = 0.01
LP_EPSILON = 0.01
#: Work (distinct sources x ties x terms) the Katz series may take; beyond, fewer terms.
KATZ_WORK = 2_000_000_000
#: Sources a term of the series is counted for (about the pairs of a default's fit).
KATZ_SOURCES = 8_000
#: Longest walk summed by the Katz series.
KATZ_MAX_LENGTH = 64
#: Most 2-walks a candidate product may create; hubs above are left out of it.
WALK_BUDGET = 40_000_000
#: Up to this many nodes, ties are found in a dense n x n boolean mask (at most 64 MB).
DENSE_MASK_NODES = 8_000
CHUNK = 100_000


def adjacency(rows: np.ndarray, cols: np.ndarray, n: int) -> sp.csr_array:
    """Return the symmetric 0/1 CSR adjacency of the ties ``rows[i]-cols[i]``.

    Duplicate ties collapse to one; self-ties are dropped.

    Parameters
    ----------
    rows, cols : array of int
        Endpoints (node positions ``0 .. n-1``).
    n : int
        Number of nodes.

    Returns
    -------
    scipy.sparse.csr_array
        ``n`` by ``n``, float64 ones, sorted indices.

    >>> adjacency(np.array([0, 0, 1]), np.array([1, 1, 1]), 3).nnz
    2
    """
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    keep = rows != cols
    r, c = rows[keep], cols[keep]
    A = sp.coo_array((np.ones(2 * r.size), (np.r_[r, c], np.r_[c, r])), shape=(n, n)).tocsr()
    A.sum_duplicates()
    A.data[:] = 1.0
    A.sort_indices()
    return A


def adjacency_from_columns(source: pd.Series, target: pd.Series) -> tuple[sp.csr_array, np.ndarray]:
    """Fast path from two id columns: factorize the ids, build the CSR adjacency.

    Returns
    -------
    (A, ids)
        ``ids[i]`` is the id (as given) of node ``i``, in order of first
        appearance.

    >>> A, ids = adjacency_from_columns(pd.Series(["007", "b"]), pd.Series(["b", "c"]))
    >>> list(ids), A.nnz
    (['007', 'b', 'c'], 4)
    """
    both = pd.concat([source.astype(str), target.astype(str)], ignore_index=True)
    codes, uniques = pd.factorize(both, sort=False)
    m = len(source)
    ids = np.asarray(uniques, dtype=object)
    return adjacency(codes[:m], codes[m:], len(ids)), ids


def degrees(A: sp.csr_array) -> np.ndarray:
    return np.diff(A.indptr).astype(np.float64)


def row_block(A: sp.csr_array, idx: np.ndarray) -> sp.csr_array:
    return A[idx]


def katz_beta(A: sp.csr_array, beta: float = KATZ_BETA) -> float:
    """``beta``, or ``0.5 / lambda_max`` when ``beta`` is not below ``1 / lambda_max`` (the series would diverge).

    >>> katz_beta(adjacency(np.array([0, 1]), np.array([1, 2]), 3))
    0.01
    """
    k = degrees(A)
    if k.size == 0 or k.max() * beta < 1:
        return beta
    bound = np.sqrt((A @ k).max())  # lambda_max <= max_i sqrt(sum of neighbour degrees)
    if bound * beta < 1:
        return beta
    from scipy.sparse.linalg import eigsh

    # 0.1% is plenty for 0.5 / lambda, and many times cheaper on a heavy-tailed graph
    lam = float(eigsh(A.astype(np.float64), k=1, which="LA", return_eigenvectors=False, tol=1e-3)[0])
    return beta if lam * beta < 1 else 0.5 / lam


def _sources(rows: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each pair oriented (source, other) with the end that occurs most often as source."""
    count = np.bincount(np.r_[rows, cols], minlength=n)
    swap = count[cols] > count[rows]
    return np.where(swap, cols, rows), np.where(swap, rows, cols)


def katz_length(A: sp.csr_array) -> int:
    """Longest walk the Katz series sums on ``A``: as many terms as :data:`KATZ_WORK` allows.

    A term costs (sources) x (ties), the sources of a default's fit being up
    to :data:`KATZ_SOURCES` nodes; the series runs to :data:`KATZ_MAX_LENGTH`
    terms (or to convergence) while that fits, fewer as the graph grows, and
    stops at walks of length 3 (cheap sparse products) when not even four
    terms fit.  The length depends on the graph alone, so that every pair of
    it gets the same index; the cost is bounded by the budget at every size.

    >>> katz_length(adjacency(np.array([0, 1]), np.array([1, 2]), 3))
    64
    """
    per_term = max(min(A.shape[0], KATZ_SOURCES), 1) * max(A.nnz, 1)
    return int(min(KATZ_MAX_LENGTH, KATZ_WORK // per_term))


def _katz_full(A: sp.csr_array, rows: np.ndarray, cols: np.ndarray, beta: float,
               tol: float = 1e-9, block: int = 256, max_length: int = 64) -> np.ndarray:
    """Katz scores of the pairs by block power series, one column per source."""
    n = A.shape[0]
    out = np.zeros(rows.size)
    if rows.size == 0:
        return out
    # use as sources the endpoints that occur most often, fewer columns
    src, dst = _sources(rows, cols, n)
    sources, col = np.unique(src, return_inverse=True)
    order = np.argsort(col, kind="stable")
    bounds = np.searchsorted(col[order], np.arange(0, sources.size + block, block))
    for b in range(len(bounds) - 1):
        p = order[bounds[b]:bounds[b + 1]]
        if p.size == 0:
            continue
        c0 = b * block
        local = col[p] - c0
        width = sources[c0:c0 + block].size
        X = np.zeros((n, width))
        X[sources[c0:c0 + width], np.arange(width)] = 1.0
        keep_cols = np.arange(width)  # column positions still in X
        pos = local.copy()  # pair -> column of X
        s = np.zeros(p.size)
        last = np.full(p.size, np.inf)
        active = np.ones(p.size, dtype=bool)
        for _ in range(max_length):
            X = beta * (A @ X)
            term = X[dst[p][active], pos[active]]
            s[active] += term
            prev = last[active]
            done = (s[active] > 0) & (term <= tol * s[active]) & (prev <= tol * s[active])
            last[active] = term
            idx = np.flatnonzero(active)
            active[idx[done]] = False
            if not active.any():
                break
            live = np.unique(local[active])
            if live.size <= keep_cols.size // 2:  # drop finished columns
                where = np.searchsorted(keep_cols, live)
                X = X[:, where]
                keep_cols = live
                pos = np.searchsorted(keep_cols, local).clip(0, live.size - 1)
        out[p] = s
    return out


def _paths3(A: sp.csr_array, rows: np.ndarray, cols: np.ndarray, budget: int = 20_000_000,
            spread: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """Walks of length 3 between each pair, ``(A**2)[u] . A[v]``, and with ``spread`` the same walks
    counted by the share a random walker would carry along them, ``(A D**-1 A D**-1 A)[u, v]``
    (each inner node divides by its degree: resource allocation over three steps; symmetric).

    Both come from one product: the 2-walk rows are complex, ``A[u] @ (A + i D**-1 A)``, plain walks
    in the real part and walks spread by the middle node in the imaginary part; the last step
    divides the imaginary part by the degree of the node it leaves.

    An end shared by many pairs (a hub in a pool of hub pairs) has its row of
    ``A**2`` built once for all of them; other pairs expand the end with
    fewer 2-walks, in chunks of at most ``budget`` 2-walks, so that a hub
    costs its own walks and no more memory than the budget.
    """
    out = np.empty(rows.size)
    walk = np.empty(rows.size) if spread else None
    if rows.size == 0:
        return out, walk
    k = degrees(A)
    inv_k = np.where(k > 0, 1.0 / np.maximum(k, 1.0), 0.0)
    M = sp.csr_array(A + 1j * (sp.diags_array(inv_k) @ A)) if spread else A
    vol = A @ k  # 2-walks from each node
    src, dst = _sources(rows, cols, A.shape[0])
    count = np.bincount(src, minlength=A.shape[0])
    shared = count[src] * np.minimum(vol[src], vol[dst]) > 4 * (vol[src] + k[src])  # building it once pays
    idx = np.flatnonzero(shared)
    idx = idx[np.argsort(src[idx], kind="stable")]
    for at in np.split(idx, np.flatnonzero(np.diff(src[idx])) + 1) if idx.size else ():
        q = (row_block(A, src[at[:1]]) @ M).toarray().ravel()
        ends = row_block(A, dst[at])
        out[at] = ends @ q.real
        if spread:
            walk[at] = ends @ (q.imag * inv_k)
    rest = np.flatnonzero(~shared)
    swap = vol[dst[rest]] < vol[src[rest]]
    u = np.where(swap, dst[rest], src[rest])
    v = np.where(swap, src[rest], dst[rest])
    cost = np.cumsum(vol[u] + k[v] + 1)
    start = 0
    while start < rest.size:
        stop = int(np.searchsorted(cost, (cost[start - 1] if start else 0) + budget, side="right"))
        stop = min(max(stop, start + 1), start + CHUNK, rest.size)
        r, c = u[start:stop], v[start:stop]
        P = (row_block(A, r) @ M) * row_block(A, c)
        if spread:
            out[rest[start:stop]] = np.asarray(P.real.sum(axis=1)).ravel()
            walk[rest[start:stop]] = P.imag @ inv_k
        else:
            out[rest[start:stop]] = np.asarray(P.sum(axis=1)).ravel()
        start = stop
    return out, walk


def pair_features(A: sp.csr_array, rows: np.ndarray, cols: np.ndarray,
                  which: tuple[str, ...] = INDICES, beta: float | None = None) -> dict[str, np.ndarray]:
    """Return the indices named in ``which`` for the pairs ``(rows[i], cols[i])``.

    Also returns ``ku`` and ``kv`` (degrees) and, when Katz or LP is asked,
    ``p3`` (walks of length 3).  Scores equal networkx's ``common_neighbors``
    count, ``jaccard_coefficient``, ``adamic_adar_index``,
    ``resource_allocation_index`` and ``preferential_attachment``.

    Three more rankings the default may choose (:data:`RANKINGS`), not
    methods of their own: ``lrw``, the local random walk of three steps
    (Liu & Lü 2010), which for a pair is proportional to
    ``(A D**-1 A D**-1 A)[u, v]``; ``srw``, the superposed random walk of
    up to three steps, ``ra + lrw`` (proportional to the index of the paper
    on untied pairs); ``cra``, Cannistraci's resource allocation (2013):
    over the common neighbours ``z``, the ties of ``z`` to the other common
    neighbours divided by the degree of ``z``.  ``beta``
    is Katz's (default :func:`katz_beta` of ``A``, an eigenvalue on a
    heavy-tailed graph): the default's fit passes the one of the whole graph
    to its reduced graphs, so that every fold and the suggestions rank by the
    same index and the eigenvalue is found once.

    >>> A = adjacency(np.array([0, 0, 0]), np.array([1, 2, 3]), 4)   # a star
    >>> f = pair_features(A, np.array([1]), np.array([2]), ("cn", "ra", "pa"))
    >>> float(f["cn"][0]), round(float(f["ra"][0]), 3), float(f["pa"][0])
    (1.0, 0.333, 1.0)
    """
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    k = degrees(A)
    ku, kv = k[rows], k[cols]
    out: dict[str, np.ndarray] = {"ku": ku, "kv": kv}
    local = {"cn", "jaccard", "aa", "ra", "lp", "srw", "cra"} & set(which)
    if local:
        with np.errstate(divide="ignore"):
            inv_k = np.where(k > 0, 1.0 / k, 0.0)
            inv_log = np.where(k > 1, 1.0 / np.log(np.maximum(k, 2)), 0.0)
        weights = np.column_stack([np.ones_like(k), inv_k, inv_log])
        acc = np.empty((rows.size, 3))
        by_degree = sp.csr_array(sp.diags_array(inv_k) @ A) if "cra" in which else None  # row z over k_z
        cra = np.empty(rows.size) if "cra" in which else None
        for i in range(0, rows.size, CHUNK):
            r, c = rows[i:i + CHUNK], cols[i:i + CHUNK]
            common = row_block(A, r) * row_block(A, c)
            acc[i:i + CHUNK] = common @ weights
            if cra is not None:  # each common neighbour's ties to the other common neighbours, over its degree
                cra[i:i + CHUNK] = np.asarray(((common @ by_degree) * common).sum(axis=1)).ravel()
        if cra is not None:
            out["cra"] = cra
        cn = acc[:, 0]
        out.update(cn=cn, ra=acc[:, 1], aa=acc[:, 2])
        union = ku + kv - cn
        out["jaccard"] = np.divide(cn, union, out=np.zeros_like(cn), where=union > 0)
    if "pa" in which:
        out["pa"] = ku * kv
    walks = {"srw", "lrw"} & set(which)
    if walks or {"lp", "katz"} & set(which):
        out["p3"], spread = _paths3(A, rows, cols, spread=bool(walks))
        if walks:
            out["lrw"] = spread
            if "srw" in which:
                out["srw"] = out["ra"] + spread
        if "lp" in which:
            out["lp"] = out["cn"] + LP_EPSILON * out["p3"]
    if "katz" in which:
        beta = katz_beta(A) if beta is None else beta
        length = katz_length(A)
        if length > 3:
            out["katz"] = _katz_full(A, rows, cols, beta, max_length=length)
        else:
            direct = np.asarray(A[rows, cols]).ravel() if rows.size else np.zeros(0)
            cn = out["cn"] if "cn" in out else pair_features(A, rows, cols, ("cn",))["cn"]
            out["katz"] = beta * direct + beta**2 * cn + beta**3 * out["p3"]
    return out


def score_matrix_pairs(A: sp.csr_array, rows: np.ndarray, cols: np.ndarray, method: str) -> np.ndarray:
    """Score the pairs ``(rows[i], cols[i])`` of ``A`` with one index.

    Parameters
    ----------
    A : scipy.sparse.csr_array
        Symmetric 0/1 adjacency (see :func:`adjacency`).
    rows, cols : array of int
        Node positions of the pairs.
    method : {"cn", "jaccard", "aa", "ra", "pa", "lp", "katz"}

    Returns
    -------
    numpy.ndarray
        One float per pair, in order.

    Raises
    ------
    ValueError
        If ``method`` is not one of :data:`INDICES`.

    >>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)
    >>> score_matrix_pairs(A, np.array([0, 1]), np.array([2, 3]), "jaccard")
    array([0.5, 0.5])
    """
    if method not in INDICES:
        raise ValueError(f"Unknown method {method!r}: choose one of {', '.join(INDICES)}.")
    return pair_features(A, rows, cols, (method,))[method]


def edge_keys(A: sp.csr_array) -> np.ndarray:
    """Sorted keys ``u * n + v`` of all (directed) entries of ``A``."""
    n = A.shape[0]
    r = np.repeat(np.arange(n, dtype=np.int64), np.diff(A.indptr))
    return r * n + A.indices.astype(np.int64)


def is_edge(A: sp.csr_array, rows: np.ndarray, cols: np.ndarray, keys: np.ndarray | None = None) -> np.ndarray:
    """True where ``(rows[i], cols[i])`` is a tie of ``A``."""
    keys = edge_keys(A) if keys is None else keys
    return in_sorted(keys, np.asarray(rows, dtype=np.int64) * A.shape[0] + np.asarray(cols, dtype=np.int64))


def in_sorted(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """True where a key of ``q`` is in the sorted ``keys``.

    >>> in_sorted(np.array([2, 5]), np.array([5, 3])).tolist()
    [True, False]
    """
    if keys.size == 0:
        return np.zeros(q.size, dtype=bool)
    return keys[np.searchsorted(keys, q).clip(0, keys.size - 1)] == q

