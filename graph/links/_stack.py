"""The default method: indices stacked by a classifier learned on the graph itself.

Following Ghasemian et al. (PNAS 2020), the graph's own ties teach which
indices matter on it: a share of the observed ties is hidden, the indices are
computed on what is left for the hidden ties (positives) and for as many
uniform random non-tied pairs (negatives), and a classifier learns to tell them apart.  Features: the
indices of :mod:`graph.links._core` (log scaled), the two degrees, walks of
length 3 and, with an actors table, shared themes, same municipality, same
region, same country.  All draws use fixed seeds.

One *policy* weight sits on top of the learned probability ``p``; it is
not learned, because it is not a guess: a source's recommendation outranks
any guess.  A recommended pair scores ``w + (1 - w) p`` with ``w`` its
support (``RECOMMENDED_WEIGHT`` when a source recommends the tie itself,
``MEMBER_WEIGHT`` when it recommends a tie with a group the actor is a member
of, see :func:`graph.links.prepare`), and every other pair
``MEMBER_WEIGHT * p``, below them.  Complementary sectors (public / civil
society / business, which the Norwegian report says rarely meet) and
different countries were hand-set weights too; they are now learned with the
other domain signals (:data:`graph.links._default.DOMAIN`), and the
leave-one-out table of ``benchmarks/links.py`` shows what each adds.

The default itself (which ranking, shrunk towards a prior) is
:mod:`graph.links._default`.

>>> import numpy as np
>>> f = {"ku": np.ones(2), "kv": np.ones(2), "cn": np.ones(2), "jaccard": np.ones(2), "aa": np.ones(2),
...      "ra": np.ones(2), "pa": np.ones(2), "p3": np.ones(2), "katz": np.ones(2)}
>>> features_matrix(f, None).shape
(2, 10)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.special import expit

from graph.links._core import degrees, edge_keys, is_edge

__all__ = ["Attributes", "classifier", "features_matrix", "mixed_negatives", "sample_negatives", "supported", "one_thread",
           "RECOMMENDED_WEIGHT", "MEMBER_WEIGHT", "SEED", "KATZ_BLEND"]

SEED = 20240601
RECOMMENDED_WEIGHT = 0.9
MEMBER_WEIGHT = 0.8
HIDE_SHARE = 0.1
MAX_FOLDS = 5
TARGET_POSITIVES = 2000
#: draw hard negatives (hub pairs, best common-neighbour pairs) with importance weights
HARD_NEGATIVES = True
HARD_POOL = 10
HARD_WALKS = 5_000_000
#: weight of log Katz added to the learned log-odds (resolution at the top, where the
#: classifier saturates)
KATZ_BLEND = 0.3
_STRUCT = ("cn", "jaccard", "aa", "ra", "pa", "lp", "katz")
# +1: the score may only rise with the feature (see features_matrix for the order)
_MONOTONIC = [1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0]


@dataclass
class Attributes:
    """Actor attributes by node position, for the attribute features.

    ``tie_u``, ``tie_v`` are the node positions of the observed collaboration
    rows and ``tie_themes`` a (rows x themes) 0/1 matrix; ``place`` maps
    "municipality", "region", "country", "sector" to integer codes per node
    (-1 = unknown) or, for multi-valued places, to a (nodes x places) 0/1
    sparse matrix (two actors share the place when they share one value).
    ``support_keys`` (sorted ``lo * n + hi``) and ``support_weight`` are the
    pairs a source recommends and their weight.
    """

    tie_u: np.ndarray
    tie_v: np.ndarray
    tie_themes: sp.csr_array
    place: dict[str, np.ndarray | sp.csr_array] = field(default_factory=dict)
    support_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    support_weight: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def support(self, rows: np.ndarray, cols: np.ndarray, n: int) -> np.ndarray:
        """Recommendation weight of each pair (0 where no source recommends it)."""
        out = np.zeros(rows.size)
        if self.support_keys.size == 0 or rows.size == 0:
            return out
        q = np.minimum(rows, cols).astype(np.int64) * n + np.maximum(rows, cols)
        at = np.searchsorted(self.support_keys, q).clip(0, self.support_keys.size - 1)
        hit = self.support_keys[at] == q
        out[hit] = self.support_weight[at[hit]]
        return out

    def actor_themes(self, n: int, hidden: np.ndarray | None = None) -> sp.csr_array:
        """(nodes x themes) 0/1: themes of each actor's ties, without hidden tie keys."""
        keep = np.ones(self.tie_u.size, dtype=bool)
        if hidden is not None and hidden.size:
            lo, hi = np.minimum(self.tie_u, self.tie_v), np.maximum(self.tie_u, self.tie_v)
            keep = ~np.isin(lo * n + hi, hidden)
        u, v, T = self.tie_u[keep], self.tie_v[keep], self.tie_themes[keep]
        idx = np.arange(u.size)
        inc = sp.coo_array((np.ones(2 * u.size), (np.r_[u, v], np.r_[idx, idx])), shape=(n, u.size)).tocsr()
        out = (inc @ T).tocsr()
        out.data[:] = 1.0
        return out

    def features(self, rows: np.ndarray, cols: np.ndarray, n: int,
                 hidden: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Shared themes, same municipality / region / country, complementary sectors."""
        th = self.actor_themes(n, hidden)
        out = {"themes": np.asarray((th[rows] * th[cols]).sum(axis=1)).ravel()}
        for key in ("municipality", "region", "country"):
            code = self.place.get(key)
            if code is None:
                out[key] = np.zeros(rows.size)
            elif sp.issparse(code):
                out[key] = (np.asarray((code[rows] * code[cols]).sum(axis=1)).ravel() > 0).astype(float)
            else:
                out[key] = ((code[rows] == code[cols]) & (code[rows] >= 0)).astype(float)
        country = self.place.get("country")
        out["other_country"] = np.zeros(rows.size) if country is None or sp.issparse(country) else \
            ((country[rows] != country[cols]) & (country[rows] >= 0) & (country[cols] >= 0)).astype(float)
        sector = self.place.get("sector")
        out["complementary"] = np.zeros(rows.size) if sector is None else \
            ((sector[rows] != sector[cols]) & (sector[rows] >= 0) & (sector[cols] >= 0)).astype(float)
        out["support"] = self.support(rows, cols, n)
        return out


def features_matrix(f: dict[str, np.ndarray], attrs: dict[str, np.ndarray] | None) -> np.ndarray:
    kmin, kmax = np.minimum(f["ku"], f["kv"]), np.maximum(f["ku"], f["kv"])
    katz = f["katz"]
    cols = [np.log1p(f["cn"]), f["jaccard"], f["aa"], f["ra"], np.log1p(f["pa"]),
            np.log1p(kmin), np.log1p(kmax), np.log1p(f["p3"]),
            np.log10(np.maximum(katz, 1e-250)) / 10, (katz > 0).astype(float)]
    if attrs is not None:
        cols += [np.log1p(attrs["themes"]), attrs["municipality"], attrs["region"], attrs["country"]]
    return np.column_stack(cols)


def supported(f: dict[str, np.ndarray], attrs: dict[str, np.ndarray] | None) -> np.ndarray:
    ok = (f["katz"] > 0) | (f["cn"] > 0)
    if attrs is not None:
        ok |= (attrs["themes"] > 0) | (attrs["municipality"] > 0) | (attrs["region"] > 0)
        ok |= attrs.get("support", 0) > 0
    return ok


def one_thread():
    """Run OpenMP code on one thread: a few thousand samples gain nothing from more, and on a
    shared, busy machine spinning threads cost many times the work itself."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def sample_negatives(A: sp.csr_array, keys: np.ndarray, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Uniform random non-tied pairs ``u < v`` (the pairs a ranking must beat)."""
    n = A.shape[0]
    rs, cs, got = [], [], 0
    for _ in range(20):
        if got >= count:
            break
        m = 2 * (count - got) + 10
        u, v = rng.integers(0, n, m), rng.integers(0, n, m)
        lo, hi = np.minimum(u, v), np.maximum(u, v)
        good = (lo != hi) & ~is_edge(A, lo, hi, keys)
        rs.append(lo[good])
        cs.append(hi[good])
        got += int(good.sum())
    return np.concatenate(rs)[:count], np.concatenate(cs)[:count]


#: columns of :func:`features_matrix` the small-data model may use (no degree features:
#: on a few dozen ties they only learn "the hub again")
_SMALL_COLUMNS = (0, 1, 3, 7, 8, 9, 10, 11, 12, 13)


class _PositiveLogit:
    """Logistic regression on standardised columns whose weights are all >= 0.

    Fitted by L-BFGS-B with the weights bounded below by 0 (an L2 penalty
    ``1 / (2 C)`` on them, the intercept free), so more partners, themes or
    shared places never lower a score: a weight ends at 0, never below it.
    An ``offset`` (a prior's log-odds) can be added to every sample.
    """

    def __init__(self, columns: tuple[int, ...], C: float = 0.5):
        self.columns = list(columns)
        self.C = C

    def fit(self, X: np.ndarray, y: np.ndarray, offset: np.ndarray | None = None) -> _PositiveLogit:
        from scipy.optimize import minimize

        self.used = [c for c in self.columns if c < X.shape[1]]
        Z = X[:, self.used]
        self.mean, self.std = Z.mean(axis=0), np.where(Z.std(axis=0) > 0, Z.std(axis=0), 1.0)
        Z = (Z - self.mean) / self.std
        off = np.zeros(y.size) if offset is None else offset
        sign = 2 * y - 1

        def loss(theta):
            z = Z @ theta[1:] + theta[0] + off
            m = -sign * z
            value = np.logaddexp(0, m).sum() + 0.5 / self.C * theta[1:] @ theta[1:]
            g = -sign * expit(m)
            return value, np.r_[g.sum(), Z.T @ g + theta[1:] / self.C]

        bounds = [(None, None)] + [(0, None)] * Z.shape[1]
        res = minimize(loss, np.zeros(Z.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds)
        self.intercept, self.coef = float(res.x[0]), np.maximum(res.x[1:], 0.0)
        return self

    def decision(self, X: np.ndarray) -> np.ndarray:
        return ((X[:, self.used] - self.mean) / self.std) @ self.coef + self.intercept

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = expit(self.decision(X))
        return np.column_stack([1 - p, p])


def classifier(n_samples: int, n_features: int):
    """The stacking classifier: gradient boosting (monotone) from 1,500 samples, else a non-negative logit."""
    if n_samples >= 1500:
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(max_iter=150, learning_rate=0.08, max_leaf_nodes=15,
                                              min_samples_leaf=20, l2_regularization=1.0,
                                              early_stopping=False, random_state=SEED,
                                              monotonic_cst=_MONOTONIC[:n_features])
    return _PositiveLogit(_SMALL_COLUMNS)


def mixed_negatives(A: sp.csr_array, Ah: sp.csr_array, keys: np.ndarray, hidden: np.ndarray, count: int,
                     rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Negatives from three proposals, weighted to stand for uniform non-tied pairs.

    ``count`` each from (1) uniform pairs, (2) pairs drawn by degree product
    (the hub pairs uniform draws never show), (3) uniform draws among the
    ``HARD_POOL * count`` pairs with most common neighbours in ``Ah`` (the top
    of every ranking; only when ``Ah`` has at most ``HARD_WALKS`` 2-walks, the
    pool costs a sparse product).  Hidden ties and ties of ``A`` are rejected.  Weights follow the balance heuristic of multiple
    importance sampling, ``p_uniform(x) / mean_j q_j(x)``, so the classifier
    still estimates the odds against a uniform non-tied pair, only with far
    more resolution where the best pairs are.
    """
    n = A.shape[0]
    k = degrees(Ah)
    two_e = max(k.sum(), 1.0)
    N = max(n * (n - 1) / 2 - A.nnz / 2, 1.0)
    r1, c1 = sample_negatives(A, keys, count, rng)

    def keep(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        ok = (lo != hi) & ~is_edge(A, lo, hi, keys)
        if hidden.size:
            q = lo * n + hi
            ok &= hidden[np.searchsorted(hidden, q).clip(0, hidden.size - 1)] != q
        return ok

    # (2) degree product: each end drawn with probability k / 2E
    prob = k / two_e
    cum = np.cumsum(prob)
    m = 3 * count + 10
    u = np.searchsorted(cum, rng.random(m) * cum[-1], side="right").clip(0, n - 1)
    v = np.searchsorted(cum, rng.random(m) * cum[-1], side="right").clip(0, n - 1)
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    ok = keep(lo, hi)
    r2, c2 = lo[ok][:count], hi[ok][:count]
    # (3) uniform among the HARD_POOL * count pairs with most common neighbours in Ah
    r3 = c3 = pool = np.zeros(0, dtype=np.int64)
    if (k * k).sum() <= HARD_WALKS:
        from graph.links._topk import candidate_pairs

        cr, cc, cn = candidate_pairs(Ah, None, edge_keys(Ah))
        ok = keep(cr, cc)
        cr, cc, cn = cr[ok], cc[ok], cn[ok]
        size = min(cr.size, HARD_POOL * count)
        if size:
            top = np.argpartition(-cn, size - 1)[:size] if size < cr.size else np.arange(cr.size)
            pool = np.sort(cr[top] * n + cc[top])
            pick = rng.choice(pool.size, min(count, pool.size), replace=False)
            r3, c3 = pool[pick] // n, pool[pick] % n
    r, c = np.r_[r1, r2, r3], np.r_[c1, c2, c3]
    n1, n2, n3 = r1.size, r2.size, r3.size
    q1 = 1.0 / N
    q2 = 2 * prob[r] * prob[c]
    q = r * n + c
    in_pool = pool[np.searchsorted(pool, q).clip(0, pool.size - 1)] == q if pool.size else np.zeros(q.size, bool)
    q3 = np.where(in_pool, 1.0 / max(pool.size, 1), 0.0)
    mix = (n1 * q1 + n2 * q2 + n3 * q3) / max(n1 + n2 + n3, 1)
    return r, c, q1 / mix
