"""Top-K candidate pairs of a CSR adjacency: exact for the neighbour indices, hubs included.

Candidates come from the sparse product ``A diag(w) A`` over the real pairs at
distance 2; the biggest hubs (:func:`hubs`), whose 2-walks would exceed
:data:`graph.links._core.WALK_BUDGET`, are scored apart so that the top K stays exact.

>>> import numpy as np
>>> from graph.links._core import adjacency
>>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)   # a path
>>> rows, cols, scores = top_pairs(A, "cn", 2)
>>> sorted(zip(rows.tolist(), cols.tolist()))
[(0, 2), (1, 3)]
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from graph.links._core import (
    CHUNK,
    DENSE_MASK_NODES,
    INDICES,
    WALK_BUDGET,
    degrees,
    edge_keys,
    is_edge,
    score_matrix_pairs,
)

__all__ = ["hubs", "two_walk_product", "exact_top", "candidate_pairs", "top_candidates", "top_entries",
           "top_indices", "top_pa_pairs", "top_pairs"]


def hubs(A: sp.csr_array) -> np.ndarray:
    """The biggest hubs, whose 2-walks would take the walks through all nodes above :data:`WALK_BUDGET`."""
    k = degrees(A)
    order = np.argsort(-k, kind="stable")
    walks = np.cumsum((k[order] ** 2)[::-1])[::-1]  # walks through order[i:] hubs-first removed
    cut = int(np.searchsorted(-walks, -WALK_BUDGET))  # first i with walks[i] <= budget
    return np.sort(order[:cut])


def two_walk_product(A: sp.csr_array, weight: np.ndarray) -> sp.csr_array:
    """``A diag(weight) A`` with the biggest hubs (:func:`hubs`) left out to cap the work.

    A ``complex64`` or ``float32`` weight gives the product in single
    precision (half the memory traffic: a complex product costs what a real
    one does); common-neighbour counts stay exact up to 2**24.
    """
    single = weight.dtype in (np.complex64, np.float32)
    if single:
        w = weight.copy()
    else:
        w = weight.astype(np.complex128) if np.iscomplexobj(weight) else weight.astype(np.float64)
    cut = hubs(A)
    if cut.size:
        w = w.copy()
        w[cut] = 0
    ones = A.data.astype(np.float32) if single else A.data
    B = sp.csr_array((ones * w[A.indices], A.indices, A.indptr), shape=A.shape)  # A diag(w), one pass
    if cut.size:  # the hubs' entries out of the structure too, or the product still walks through them
        B = sp.csr_array((B.data, B.indices.copy(), B.indptr.copy()), shape=A.shape)  # A's arrays untouched
        B.eliminate_zeros()
    right = sp.csr_array((ones, A.indices, A.indptr), shape=A.shape) if single else A
    return (B @ right).tocsr()


def _hub_part(A: sp.csr_array, H: np.ndarray, w: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``sum_h w[h]`` over the hubs ``H`` that are common neighbours of each pair."""
    B = A[:, H].tocsr()
    out = np.empty(rows.size)
    for i in range(0, rows.size, CHUNK):
        r, c = rows[i:i + CHUNK], cols[i:i + CHUNK]
        out[i:i + CHUNK] = np.asarray((B[r] * B[c]) @ w[H]).ravel()
    return out


def exact_top(A: sp.csr_array, weight: np.ndarray, k: int, keys: np.ndarray,
              jaccard: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The exact ``k`` best non-tied pairs by ``sum_w weight[w]`` over common neighbours (or Jaccard), hubs included.

    The product leaves the hubs out (:func:`hubs`); a hub ``h`` adds at most
    ``weight[h]`` to a pair, so a pair outside the ``m`` best partial sums
    (the lowest of them ``P``) can beat the ``k``-th exact score ``T`` only
    if both its ends reach more than ``T - P`` of hub weight (for Jaccard:
    ``(k_u + 1) (T / (1 + T) - P / (1 + P))`` common hubs).  Those ends are
    few; their pairs are scored exactly, and ``m`` grows while they are many.

    >>> from graph.links._core import adjacency
    >>> A = adjacency(np.array([0, 0, 0, 1]), np.array([1, 2, 3, 4]), 5)
    >>> r, c, s = exact_top(A, np.ones(5), 2, edge_keys(A))
    >>> r.tolist(), c.tolist(), s.tolist()
    ([0, 1], [4, 3], [1.0, 1.0])
    """
    n = A.shape[0]
    deg = degrees(A)
    H = hubs(A)
    weight = np.asarray(weight, dtype=np.float64)
    W = two_walk_product(A, weight)
    if jaccard:
        rows_w = np.repeat(np.arange(n, dtype=np.int64), np.diff(W.indptr))
        part = W.data / (deg[rows_w] + deg[W.indices] - W.data)
        del rows_w
    else:
        part = W.data
    reach = np.asarray(A[:, H] @ weight[H]).ravel() if H.size else np.zeros(n)
    m = 4 * k + 64
    while True:
        r, c, partial = top_entries(A, W, part, m, keys)
        s = partial + (_hub_part(A, H, weight, r, c) if H.size else 0.0)
        if jaccard:
            s = s / (deg[r] + deg[c] - s)
            low = partial / (deg[r] + deg[c] - partial)
        else:
            low = partial
        best = top_indices(s, k)
        if not H.size:
            return r[best], c[best], s[best]
        T = s[best[-1]] if best.size >= k else 0.0
        P = low.min() if r.size >= m else 0.0
        if jaccard:
            U = np.flatnonzero(reach > (deg + 1) * (T / (1 + T) - P / (1 + P)))
        else:
            U = np.flatnonzero(reach > T - P)
        if U.size * U.size <= WALK_BUDGET or r.size < m:
            break
        m *= 4
    ur, uc, us = _pairs_within(A, U, weight, keys, jaccard)
    r, c, s = np.r_[r, ur], np.r_[c, uc], np.r_[s, us]
    _, first = np.unique(r * n + c, return_index=True)
    r, c, s = r[first], c[first], s[first]
    best = top_indices(s, k)
    return r[best], c[best], s[best]


def _pairs_within(A, U, weight, keys, jaccard) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every non-tied pair ``u < v`` of nodes in ``U`` with a common neighbour, scored exactly (hubs too)."""
    if U.size < 2:
        z = np.zeros(0, dtype=np.int64)
        return z, z, np.zeros(0)
    AU = A[U].tocsr()
    B = sp.csr_array((AU.data * weight[AU.indices], AU.indices, AU.indptr), shape=AU.shape)
    S = (B @ AU.T).tocoo()
    r, c, s = U[S.row].astype(np.int64), U[S.col].astype(np.int64), S.data
    ok = (r < c) & ~is_edge(A, r, c, keys)
    r, c, s = r[ok], c[ok], s[ok]
    if jaccard:
        deg = degrees(A)
        s = s / (deg[r] + deg[c] - s)
    return r, c, s


def candidate_pairs(A: sp.csr_array, weight: np.ndarray | None = None,
                    keys: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All non-tied pairs ``u < v`` at distance 2, with ``sum_w weight[w]`` over common neighbours.

    ``weight`` defaults to ones (the common-neighbour count).  Hubs whose
    2-walks would exceed :data:`WALK_BUDGET` are left out of the product.
    """
    n = A.shape[0]
    weight = np.ones(n) if weight is None else weight
    W = two_walk_product(A, weight)
    if n <= DENSE_MASK_NODES:  # one gather in a dense n x n mask of the pairs to keep
        small = np.int32 if n * n < 2**31 else np.int64
        free = np.ones(n * n, dtype=bool)
        rows_a = np.repeat(np.arange(n, dtype=small), np.diff(A.indptr))
        free[rows_a * small(n) + A.indices.astype(small)] = False
        r = np.repeat(np.arange(n, dtype=small), np.diff(W.indptr))
        c = W.indices.astype(small, copy=False)
        keep = (c > r)
        keep &= free[r * small(n) + c]
        return r[keep].astype(np.int64), c[keep].astype(np.int64), W.data[keep]
    r = np.repeat(np.arange(n, dtype=np.int64), np.diff(W.indptr))
    c = W.indices.astype(np.int64)
    upper = c > r
    r, c, v = r[upper], c[upper], W.data[upper]
    tie = is_edge(A, r, c, keys)
    return r[~tie], c[~tie], v[~tie]


def top_candidates(A: sp.csr_array, weight: np.ndarray, k: int,
                   keys: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` best non-tied pairs ``u < v`` at distance 2 by ``sum_w weight[w]``, best first.

    Same pairs as :func:`candidate_pairs` followed by a top-``k`` selection,
    without listing all pairs: the best entries of the product are taken
    first, and more of them only while ties and mirrored pairs leave fewer
    than ``k``.  A complex ``weight`` ranks by its real part and returns the
    complex sums.

    >>> from graph.links._core import adjacency
    >>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)
    >>> r, c, s = top_candidates(A, np.ones(4), 5)
    >>> r.tolist(), c.tolist(), s.tolist()
    ([0, 1], [2, 3], [1.0, 1.0])
    """
    keys = edge_keys(A) if keys is None else keys
    W = two_walk_product(A, weight)
    return top_entries(A, W, W.data.real, k, keys)


def top_entries(A: sp.csr_array, W: sp.csr_array, values: np.ndarray, k: int,
                 keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best ``k`` entries ``r < c`` of ``W`` by ``values`` (aligned with ``W.data``) that are not ties of ``A``."""
    take = 32 * k + 1024
    while True:
        if take >= values.size:
            pos = np.arange(values.size)
        else:  # every entry at least as good as a floor estimated from a strided sample (exact)
            sample = np.sort(values[::max(1, values.size // 200_000)])
            at = sample.size - 1 - int(np.ceil(2 * take / values.size * sample.size))
            pos = np.flatnonzero(values >= sample[max(at, 0)]) if at > 0 else np.arange(values.size)
        r = (np.searchsorted(W.indptr, pos, side="right") - 1).astype(np.int64)
        c = W.indices[pos].astype(np.int64)
        ok = (c > r) & ~is_edge(A, r, c, keys)
        if ok.sum() >= k or pos.size >= values.size:
            break
        take *= 8
    pos, r, c = pos[ok], r[ok], c[ok]
    best = top_indices(values[pos], k)  # ties by product position, as candidate_pairs
    return r[best], c[best], W.data[pos[best]]


def top_indices(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` largest values (no NaN among them), best first, ties by position.

    >>> top_indices(np.array([3.0, 1.0, 1.0, 1.0, 0.0]), 2).tolist(), top_indices(np.array([3.0, 1.0]), 0).tolist()
    ([0, 1], [])
    """
    if k <= 0:
        return np.empty(0, dtype=np.intp)
    if values.size <= k:
        return np.lexsort((np.arange(values.size), -values))
    # the values above the k-th, then its equals by position (argpartition alone keeps an arbitrary few of
    # them); no sort of the many equals there may be (zeros, say)
    floor = values[np.argpartition(-values, k - 1)[k - 1]]
    above = np.flatnonzero(values > floor)
    part = np.concatenate([above, np.flatnonzero(values == floor)[: k - above.size]])
    return part[np.lexsort((part, -values[part]))]


def top_pa_pairs(A: sp.csr_array, k: int, keys: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` non-tied pairs with the largest degree product (exact)."""
    n = A.shape[0]
    deg = degrees(A)
    order = np.argsort(-deg, kind="stable")
    t = 2
    while True:
        t = min(n, t)
        top = order[:t]
        r, c = np.triu_indices(t, 1)
        r, c = top[r], top[c]
        ok = ~is_edge(A, r, c, keys)
        if ok.sum() >= k or t == n:
            break
        t *= 2
    prod = deg[r[ok]] * deg[c[ok]]
    floor = np.sort(prod)[-k] if prod.size >= k else 0.0
    if floor <= 0:
        return r[ok], c[ok]
    sorted_deg = deg[order]
    # every pair with deg[u]*deg[v] >= floor: u among nodes with deg >= floor / max
    us = order[sorted_deg * sorted_deg[0] >= floor]
    need = np.searchsorted(-sorted_deg, -(floor / deg[us]), side="right")
    rr = np.repeat(us, need)
    cc = order[np.concatenate([np.arange(x) for x in need])] if rr.size else rr
    keep = (rr < cc) & ~is_edge(A, rr, cc, keys)
    return rr[keep], cc[keep]


def top_pairs(A: sp.csr_array, method: str, k: int, keys: np.ndarray | None = None,
              pool: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best ``k`` non-tied pairs ``u < v`` of ``A`` by one index, best first.

    Candidates: pairs at distance 2 for the common-neighbour indices (CN,
    Jaccard, AA, RA); the exact top degree products for PA; for LP and Katz,
    the ``pool`` best pairs at distance 2 by common neighbours (default
    ``max(20 k, 2000)``), scored exactly.

    >>> from graph.links._core import adjacency
    >>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)
    >>> r, c, s = top_pairs(A, "ra", 5)
    >>> r.tolist(), c.tolist(), s.tolist()
    ([0, 1], [2, 3], [0.5, 0.5])
    """
    keys = edge_keys(A) if keys is None else keys
    deg = degrees(A)
    if method == "pa":
        r, c = top_pa_pairs(A, k, keys)
        s = deg[r] * deg[c]
    elif method in ("cn", "jaccard", "ra", "aa"):
        with np.errstate(divide="ignore"):
            w = {"cn": np.ones_like(deg), "jaccard": np.ones_like(deg),
                 "ra": np.where(deg > 0, 1 / deg, 0), "aa": 1 / np.log(np.maximum(deg, 2))}[method]
        return exact_top(A, w, k, keys, jaccard=method == "jaccard")
    elif method in ("lp", "katz"):
        r, c, s = candidate_pairs(A, None, keys)
        best = top_indices(s, pool or max(20 * k, 2000))
        r, c = r[best], c[best]
        s = score_matrix_pairs(A, r, c, method)
    else:
        raise ValueError(f"Unknown method {method!r}: choose one of {', '.join(INDICES)}.")
    best = top_indices(s, k)
    return r[best], c[best], s[best]
