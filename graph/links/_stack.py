"""The default method: indices stacked by a classifier learned on the graph itself.

Following Ghasemian et al. (PNAS 2020), the graph's own ties teach which
indices matter on it: a share of the observed ties is hidden, the indices are
computed on what is left for the hidden ties (positives) and for as many
uniform random non-tied pairs (negatives), and a classifier learns to tell them apart.  Features: the
indices of :mod:`graph.links._core` (log scaled), the two degrees, walks of
length 3 and, with an actors table, shared themes, same municipality, same
region, same country.  All draws use fixed seeds.

Complementary sectors (public / civil society / business, which the
Norwegian report says rarely meet) are a *policy* weight, not learned: a pair
from two different known sectors gets ``COMPLEMENTARY_WEIGHT`` times the
weight of a same-sector pair (scores are rescaled to stay in 0..1).

A pair that nothing supports (no walk between the two within the Katz
series, no shared theme, no shared place) scores 0.

>>> import numpy as np
>>> from graph.links._core import adjacency
>>> A = adjacency(np.array([0, 0, 1, 2, 3]), np.array([1, 2, 2, 3, 4]), 6)
>>> model = fit_default(A)
>>> s = model.score(A, np.array([0, 0, 0]), np.array([3, 4, 5]))
>>> bool(s[0] > s[1] > 0), float(s[2])
(True, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from graph.links._core import _degrees, adjacency, edge_keys, is_edge, pair_features

__all__ = ["Attributes", "DefaultModel", "fit_default", "COMPLEMENTARY_WEIGHT", "SEED"]

SEED = 20240601
COMPLEMENTARY_WEIGHT = 1.25
HIDE_SHARE = 0.1
MAX_FOLDS = 5
TARGET_POSITIVES = 2000
_STRUCT = ("cn", "jaccard", "aa", "ra", "pa", "lp", "katz")
# +1: the score may only rise with the feature (see _matrix for the order)
_MONOTONIC = [1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0]


@dataclass
class Attributes:
    """Actor attributes by node position, for the attribute features.

    ``tie_u``, ``tie_v`` are the node positions of the observed collaboration
    rows and ``tie_themes`` a (rows x themes) 0/1 matrix; ``place`` maps
    "municipality", "region", "country", "sector" to integer codes per node
    (-1 = unknown).
    """

    tie_u: np.ndarray
    tie_v: np.ndarray
    tie_themes: sp.csr_array
    place: dict[str, np.ndarray] = field(default_factory=dict)

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
            out[key] = np.zeros(rows.size) if code is None else \
                ((code[rows] == code[cols]) & (code[rows] >= 0)).astype(float)
        sector = self.place.get("sector")
        out["complementary"] = np.zeros(rows.size) if sector is None else \
            ((sector[rows] != sector[cols]) & (sector[rows] >= 0) & (sector[cols] >= 0)).astype(float)
        return out


def _matrix(f: dict[str, np.ndarray], attrs: dict[str, np.ndarray] | None) -> np.ndarray:
    kmin, kmax = np.minimum(f["ku"], f["kv"]), np.maximum(f["ku"], f["kv"])
    katz = f["katz"]
    cols = [np.log1p(f["cn"]), f["jaccard"], f["aa"], f["ra"], np.log1p(f["pa"]),
            np.log1p(kmin), np.log1p(kmax), np.log1p(f["p3"]),
            np.log10(np.maximum(katz, 1e-250)) / 10, (katz > 0).astype(float)]
    if attrs is not None:
        cols += [np.log1p(attrs["themes"]), attrs["municipality"], attrs["region"], attrs["country"]]
    return np.column_stack(cols)


def _supported(f: dict[str, np.ndarray], attrs: dict[str, np.ndarray] | None) -> np.ndarray:
    ok = (f["katz"] > 0) | (f["cn"] > 0)
    if attrs is not None:
        ok |= (attrs["themes"] > 0) | (attrs["municipality"] > 0) | (attrs["region"] > 0)
    return ok


@dataclass
class DefaultModel:
    """A fitted stacking model; :meth:`score` ranks pairs of the graph it was fit on."""

    classifier: object | None
    attributes: Attributes | None = None
    n_train: int = 0

    def features(self, A: sp.csr_array, rows: np.ndarray, cols: np.ndarray,
                 hidden: np.ndarray | None = None) -> tuple[dict, dict | None]:
        """Index and attribute features of the pairs (the raw numbers, for reasons too)."""
        f = pair_features(A, rows, cols, _STRUCT)
        a = None if self.attributes is None else self.attributes.features(rows, cols, A.shape[0], hidden)
        return f, a

    def score(self, A: sp.csr_array, rows: np.ndarray, cols: np.ndarray,
              features: tuple[dict, dict | None] | None = None) -> np.ndarray:
        """Return scores in 0..1 for the pairs; 0 where nothing supports a tie."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        f, a = features if features is not None else self.features(A, rows, cols)
        if rows.size == 0:
            return np.zeros(0)
        if self.classifier is None:  # too few ties to learn from: fall back on RA + Katz
            p = 1 - 1 / (1 + f["ra"] + f["katz"] + (0 if a is None else 0.1 * a["themes"]))
        else:
            p = self.classifier.predict_proba(_matrix(f, a))[:, 1]
        if a is not None:
            p = p * (1 + (COMPLEMENTARY_WEIGHT - 1) * a["complementary"]) / COMPLEMENTARY_WEIGHT
        return np.where(_supported(f, a), np.maximum(p, 1e-12), 0.0)


def _sample_negatives(A: sp.csr_array, keys: np.ndarray, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
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


def _classifier(n_samples: int, n_features: int):
    if n_samples >= 1500:
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(max_iter=150, learning_rate=0.08, max_leaf_nodes=15,
                                              min_samples_leaf=20, l2_regularization=1.0,
                                              early_stopping=False, random_state=SEED,
                                              monotonic_cst=_MONOTONIC[:n_features])
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))


def fit_default(A: sp.csr_array, attributes: Attributes | None = None, *, seed: int = SEED) -> DefaultModel:
    """Learn the default method on the graph ``A`` by hiding shares of its ties.

    Parameters
    ----------
    A : scipy.sparse.csr_array
        Symmetric 0/1 adjacency of the observed ties.
    attributes : Attributes, optional
        Actor attributes, for our own data.
    seed : int
        Seed of every random draw (the result is deterministic).

    Returns
    -------
    DefaultModel
    """
    rng = np.random.default_rng(seed)
    n = A.shape[0]
    T = sp.triu(A, 1).tocoo()
    eu, ev = T.row.astype(np.int64), T.col.astype(np.int64)
    E = eu.size
    keys = edge_keys(A)
    per_fold = max(1, min(int(round(HIDE_SHARE * E)), TARGET_POSITIVES))
    folds = int(min(MAX_FOLDS, max(1, np.ceil(TARGET_POSITIVES / per_fold)), E // per_fold))
    if E < 10 or folds < 1 or n < 4:
        return DefaultModel(None, attributes, 0)
    perm = rng.permutation(E)
    X, y = [], []
    for fold in range(folds):
        hide = perm[fold * per_fold:(fold + 1) * per_fold]
        keep = np.ones(E, dtype=bool)
        keep[hide] = False
        Ah = adjacency(eu[keep], ev[keep], n)
        pr, pc = eu[hide], ev[hide]
        nr, nc = _sample_negatives(A, keys, 2 * hide.size, rng)
        r, c = np.r_[pr, nr], np.r_[pc, nc]
        hidden_keys = np.sort(pr * n + pc)
        model = DefaultModel(None, attributes)
        f, a = model.features(Ah, r, c, hidden_keys)
        X.append(_matrix(f, a))
        y.append(np.r_[np.ones(pr.size), np.zeros(nr.size)])
    X, y = np.vstack(X), np.concatenate(y)
    if y.min() == y.max():
        return DefaultModel(None, attributes, 0)
    clf = _classifier(y.size, X.shape[1])
    clf.fit(X, y)
    return DefaultModel(clf, attributes, int(y.size))


def degrees(A: sp.csr_array) -> np.ndarray:
    """Degrees of the nodes of ``A`` as floats."""
    return _degrees(A)
