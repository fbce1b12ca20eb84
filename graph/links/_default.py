"""The default method: a robust prior ranking, replaced on the graph's own evidence.

:func:`fit_default` hides a share of the observed ties at a time (up to
:data:`MAX_FOLDS` folds of 10%, about :data:`TARGET_POSITIVES` hidden ties in
all, none of a random spanning forest, so that each reduced graph keeps its
components; on a graph whose pairs are all scored, further folds drawn afresh,
up to :data:`REPEAT_FOLDS` within :data:`FOLD_PAIRS` scored pairs, because
the few ties of a small map give few disjoint folds and their evidence is
noise) and, on each reduced graph, measures every candidate of
:mod:`graph.links._select` — each classic index with Katz breaking its ties,
the rankings of random walks and local communities (:func:`rankings_for`),
and the stacked classifier of :mod:`graph.links._stack` (cross-fitted: it is
judged on folds it did not learn from) — by the hidden ties it ranks in its
top ``K``, in its top :data:`DEEP` ``* K`` and by AUC.  Adamic–Adar is the prior; it is
replaced only when another ranking is clearly better at the top and not worse below
it, or clearly better below and not worse at the top (of several, the one no other
beats, with most hidden ties in the two counts), and the stacked classifier only when
it is so against the ranking chosen (:func:`graph.links._select.choose`).  On a big
graph the folds rank the whole graph's candidate pool and those hidden ties a pool
could hold (:func:`_poolable`).
On a map of a few dozen ties that never happens by chance, so the default is
Adamic–Adar with Katz breaking its ties there; on large networks the graph
decides.

With an actors table, the domain signals (:data:`DOMAIN`: shared themes,
same municipality, same region, complementary sectors, same country) are
added to the chosen index's log-odds with non-negative weights learned on the
same folds (an L2 penalty shrinks them to 0, no effect, when the folds are
few); a source's recommendations, the one policy weight of
:mod:`graph.links._stack`, come last.

>>> import numpy as np
>>> from graph.links._core import adjacency
>>> A = adjacency(np.array([0, 0, 1, 2, 3]), np.array([1, 2, 2, 3, 4]), 6)
>>> model = fit_default(A)
>>> s = model.score(A, np.array([0, 0, 0]), np.array([3, 4, 5]))
>>> model.choice, bool(s[0] > s[1] > 0), float(s[2])
('aa', True, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.special import expit, logit

from graph.links._core import (
    KATZ_BETA,
    RANKINGS,
    adjacency,
    degrees,
    edge_keys,
    is_edge,
    katz_beta,
    pair_features,
)
from graph.links._select import (
    ALL_PAIRS,
    CANDIDATES,
    PRIOR,
    TIES,
    Evidence,
    auc,
    candidate_pool,
    choose,
    choose_tie,
    composite,
    fold_pool,
)
from graph.links._stack import (
    KATZ_BLEND,
    MEMBER_WEIGHT,
    SEED,
    Attributes,
    _PositiveLogit,
    classifier,
    features_matrix,
    mixed_negatives,
    one_thread,
    sample_negatives,
    supported,
)
from graph.links._topk import top_indices

__all__ = ["DefaultModel", "fit_default", "STRUCT", "MAX_FOLDS", "TARGET_POSITIVES", "DOMAIN"]

STRUCT = ("cn", "jaccard", "aa", "ra", "pa", "lp", "katz")
HIDE_SHARE = 0.1
MAX_FOLDS = 5
TARGET_POSITIVES = 2000
#: most folds on a graph whose pairs are all scored (the disjoint ones, then folds drawn afresh)
REPEAT_FOLDS = 30
#: pairs scored over all folds of such a graph (karate: 30 folds; USAir: 11)
FOLD_PAIRS = 1_500_000
#: fewest hidden ties (all folds) for the stacked classifier to be a candidate
STACK_MIN = 40
#: the domain signals added to a chosen index's log-odds
#: (complementary: two different known sectors; same country: not two different known countries)
DOMAIN = ("themes", "municipality", "region", "complementary", "same_country")
#: hidden ties from which the domain weights are learned with the plain L2 penalty (fewer: shrunk more)
DOMAIN_FREE = 200
#: the ``use`` switch that turns each domain signal off (leave-one-out table)
_SWITCH = ("domain", "domain", "domain", "complementary", "country")
_TOP = 100
#: the folds also count the hidden ties in each candidate's top DEEP * K (equal hits at K: which is better below)
DEEP = 4
#: pairs per index in the candidate pool of a big graph (suggestions of up to POOL / 20 reuse it)
POOL = 2000
#: most work (sum of the cubed degrees) at which Cannistraci's resource allocation is a candidate
CRA_WORK = 1e10


@dataclass
class DefaultModel:
    """A fitted default; :meth:`score` ranks pairs of the graph it was fit on.

    ``choice`` is a candidate of :data:`graph.links._select.CANDIDATES` or
    ``"stacked"``; ``evidence`` what the folds showed; ``domain`` the weights
    of the domain signals (see :data:`DOMAIN`) on the log-odds.
    """

    choice: str = PRIOR
    classifier: object | None = None
    attributes: Attributes | None = None
    n_train: int = 0
    evidence: Evidence | None = None
    domain: np.ndarray = field(default_factory=lambda: np.zeros(len(DOMAIN)))
    use: dict[str, bool] = field(default_factory=dict)
    pool: tuple[np.ndarray, np.ndarray] | None = None  # candidate pairs (see candidate_pool), big graphs
    katz_beta: float | None = None  # Katz's beta of the whole graph, for its folds too (None: each graph's own)
    tie: str = "katz"  # the index breaking the chosen index's ties (see graph.links._select.choose_tie)
    rankings: tuple[str, ...] = ()  # the rankings of graph.links._core.RANKINGS computed too (see rankings_for)

    def features(self, A: sp.csr_array, rows: np.ndarray, cols: np.ndarray,
                 hidden: np.ndarray | None = None) -> tuple[dict, dict | None]:
        """Index and attribute features of the pairs (the raw numbers, for reasons too)."""
        f = pair_features(A, rows, cols, STRUCT + self.rankings, beta=self.katz_beta)
        a = None if self.attributes is None else self.attributes.features(rows, cols, A.shape[0], hidden)
        return f, a

    def structural(self, f: dict, a: dict | None, choice: str | None = None,
                   clf: object | None = None, tie: str | None = None) -> np.ndarray:
        """Probability-like scores before the policy weights (by ``choice``, default the fitted one;
        ``tie`` breaks its ties, default the fitted one for the fitted choice, else Katz)."""
        tie = tie or (self.tie if choice is None else "katz")
        choice = choice or self.choice
        if choice == "stacked":
            with one_thread():
                p = (clf or self.classifier).predict_proba(features_matrix(f, a))[:, 1]
            lo = logit(np.clip(p, 1e-12, 1 - 1e-12))
            return expit(lo + KATZ_BLEND * np.log(np.maximum(f["katz"], 1e-300) / KATZ_BETA))
        p = composite(f, choice, tie)
        if a is not None and self.domain.any():
            lo = logit(np.clip(p, 1e-300, 1 - 1e-16)) + _domain_matrix(a) @ self.domain
            p = expit(lo)
        return p

    def score(self, A: sp.csr_array, rows: np.ndarray, cols: np.ndarray,
              features: tuple[dict, dict | None] | None = None) -> np.ndarray:
        """Return scores in 0..1 for the pairs; 0 where nothing supports a tie."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        f, a = features if features is not None else self.features(A, rows, cols)
        if rows.size == 0:
            return np.zeros(0)
        return policy(self.structural(f, a), f, a, self.use)


def policy(p: np.ndarray, f: dict, a: dict | None, use: dict[str, bool] | None = None) -> np.ndarray:
    """The policy weight of :mod:`graph.links._stack` on scores ``p``; 0 where nothing supports a tie.

    ``use`` may switch off ``"support"`` (for the benchmark's leave-one-out table).
    """
    use = use or {}
    if a is not None:
        if use.get("support", True):
            # A source's word outranks any guess: recommended pairs score from their support up to 1,
            # the rest below the lowest support.
            p = np.where(a["support"] > 0, a["support"] + (1 - a["support"]) * p, MEMBER_WEIGHT * p)
    return np.where(supported(f, a), np.maximum(p, 1e-300), 0.0)


def _domain_matrix(a: dict) -> np.ndarray:
    return np.column_stack([np.log1p(a["themes"]), a["municipality"], a["region"], a["complementary"],
                            1.0 - a["other_country"]])


@dataclass
class _Fold:
    f: dict
    a: dict | None
    y: np.ndarray
    w: np.ndarray
    uniform: np.ndarray  # negatives drawn uniformly (for the AUC)
    pool_f: dict
    pool_a: dict | None
    pool_y: np.ndarray
    top: int
    hidden: np.ndarray  # keys lo * n + hi of the hidden ties
    repeat: bool = False  # drawn again from ties other folds hid (small graphs), not one of the disjoint folds


def _off_forest(eu: np.ndarray, ev: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Positions of the ties outside a random spanning forest: hiding them keeps every component whole."""
    from scipy.sparse.csgraph import minimum_spanning_tree

    w = rng.random(eu.size) + 1.0
    T = minimum_spanning_tree(sp.coo_array((w, (eu, ev)), shape=(n, n)).tocsr()).tocoo()
    tree = np.minimum(T.row, T.col).astype(np.int64) * n + np.maximum(T.row, T.col)
    keys = eu * n + ev  # sorted (the upper triangle of a CSR matrix, row by row) but checked
    order = np.arange(keys.size) if keys.size < 2 or (np.diff(keys) > 0).all() else np.argsort(keys)
    off = np.ones(eu.size, dtype=bool)
    off[order[np.searchsorted(keys[order], tree)]] = False
    return np.flatnonzero(off)


def rankings_for(A: sp.csr_array) -> tuple[str, ...]:
    """The rankings of :data:`graph.links._core.RANKINGS` worth computing on ``A``: the random walks
    always (the cost of the 3-walks LP and Katz take too); Cannistraci's resource allocation when the
    ties among common neighbours are cheap to count (``sum k**3``, the work of all pairs at distance 2,
    within :data:`CRA_WORK`: a hub's neighbours meet it in every pair of them).

    >>> from graph.links._core import adjacency
    >>> rankings_for(adjacency(np.array([0, 1]), np.array([1, 2]), 3))
    ('srw', 'lrw', 'cra')
    """
    cheap = float((degrees(A) ** 3).sum()) <= CRA_WORK
    return tuple(m for m in RANKINGS if m != "cra" or cheap)


def _folds(A: sp.csr_array, attributes: Attributes | None, rng: np.random.Generator,
           pool: tuple[np.ndarray, np.ndarray] | None, beta: float | None = None,
           rankings: tuple[str, ...] = ()) -> list[_Fold]:
    n = A.shape[0]
    T = sp.triu(A, 1).tocoo()
    eu, ev = T.row.astype(np.int64), T.col.astype(np.int64)
    E = eu.size
    keys = edge_keys(A)
    free = _off_forest(eu, ev, n, rng)
    # at most a quarter of the ties off the forest: a tree-like graph keeps most of its cycles
    per_fold = max(1, min(int(round(HIDE_SHARE * E)), free.size // 4 or 1, TARGET_POSITIVES))
    want = int(max(1, np.ceil(TARGET_POSITIVES / per_fold)))
    count = int(min(MAX_FOLDS, want, free.size // per_fold))
    if E < 10 or count < 1 or n < 4:
        return []
    total = count
    if pool is None:  # every pair scored: more folds are cheap, drawn afresh (repeated random subsampling)
        pairs = max(n * (n - 1) // 2 - E, 1)
        total = max(count, min(REPEAT_FOLDS, want, FOLD_PAIRS // pairs))
    perm = free[rng.permutation(free.size)]
    probe = DefaultModel(attributes=attributes, katz_beta=beta, rankings=rankings)
    out = []
    for fold in range(total):
        if fold < count:
            hide = perm[fold * per_fold:(fold + 1) * per_fold]
        else:
            hide = rng.choice(free, per_fold, replace=False)
        keep = np.ones(E, dtype=bool)
        keep[hide] = False
        Ah = adjacency(eu[keep], ev[keep], n)
        pr, pc = eu[hide], ev[hide]
        hidden = np.sort(pr * n + pc)
        if 3 * per_fold * count >= 1500:
            nr, nc, nw = mixed_negatives(A, Ah, keys, hidden, hide.size, rng)
            uniform = np.arange(nr.size) < hide.size
        else:
            nr, nc = sample_negatives(A, keys, 2 * hide.size, rng)
            nw, uniform = np.ones(nr.size), np.ones(nr.size, dtype=bool)
        qr, qc = fold_pool(Ah, hidden, pool)
        # one computation for the classifier's pairs and the pool (the hidden ties are in both)
        asked = np.r_[pr * n + pc, nr * n + nc, qr * n + qc]
        once, where = np.unique(asked, return_inverse=True)
        f_all, a_all = probe.features(Ah, once // n, once % n, hidden)
        train, in_pool = where[:pr.size + nr.size], where[pr.size + nr.size:]
        f, a = _take(f_all, train, once.size), _take(a_all, train, once.size)
        pool_f, pool_a = _take(f_all, in_pool, once.size), _take(a_all, in_pool, once.size)
        y = np.r_[np.ones(pr.size), np.zeros(nr.size)]
        # negatives stand for all the non-tied pairs: their weights sum to twice the positives'
        w = np.r_[np.ones(pr.size), nw * (2 * pr.size / max(nw.sum(), 1e-300))]
        top = int(min(_TOP, hide.size))
        if pool is not None:
            qr, qc, pool_f, pool_a = _poolable(qr, qc, pool_f, pool_a, hidden, n)
        pool_y = is_edge(A, qr, qc, keys)
        out.append(_Fold(f, a, y, w, np.r_[np.zeros(pr.size, bool), uniform], pool_f, pool_a, pool_y, top,
                         hidden, fold >= count))
    return out


def _poolable(qr: np.ndarray, qc: np.ndarray, f: dict, a: dict | None, hidden: np.ndarray, n: int) -> tuple:
    """The fold's pairs without the hidden ties a pool of the reduced graph would not hold.

    The hidden ties join the whole graph's pool wherever they rank, so that the folds can count them;
    one that no index of :func:`graph.links._select.candidate_pool` puts among its ``POOL`` best pairs
    (here: below the ``POOL``-th value of the pool's own pairs) would rank among the pool's pairs without
    the many like it that it must beat, as a missing tie of the graph never does.  That favoured
    rankings by longer walks: on the power grid, 3-step walks won the folds of all six splits, and put
    7 fewer probe ties in their top 100 than Katz.
    """
    is_hidden = np.isin(qr * n + qc, hidden)
    keep = ~is_hidden
    for name, size in (("cn", POOL), ("ra", POOL), ("jaccard", POOL), ("pa", max(POOL // 4, 1))):
        values = f[name][~is_hidden]
        if values.size:
            least = np.partition(values, max(values.size - size, 0))[max(values.size - size, 0)]
            keep |= is_hidden & (f[name] >= least) & (f["cn"] > 0 if name != "pa" else True)
    if keep.all():
        return qr, qc, f, a
    return qr[keep], qc[keep], _take(f, keep, keep.size), _take(a, keep, keep.size)


def _take(d: dict | None, at: np.ndarray, size: int) -> dict | None:
    """The values of ``d`` (features of :func:`pair_features` or attributes, per pair of ``size``
    pairs) at ``at``, an index or a mask of those pairs; values that are not per pair as they are.

    >>> _take({"cn": np.array([1.0, 2.0, 3.0]), "beta": 0.01}, np.array([2, 0]), 3)
    {'cn': array([3., 1.]), 'beta': 0.01}
    """
    if d is None:
        return None
    return {m: x[at] if np.ndim(x) and len(x) == size else x for m, x in d.items()}


def _fit_classifier(folds: list[_Fold]):
    X = np.vstack([features_matrix(x.f, x.a) for x in folds])
    y = np.concatenate([x.y for x in folds])
    w = np.concatenate([x.w for x in folds])
    if y.min() == y.max():
        return None
    clf = classifier(y.size, X.shape[1])
    if isinstance(clf, _PositiveLogit):
        clf.fit(X, y)
    else:
        with one_thread():
            clf.fit(X, y, sample_weight=w)
    return clf


def _judge(model: DefaultModel, folds: list[_Fold], stacked: list | None, share: float) -> Evidence:
    """Every candidate's hits and AUC fold by fold; the stacked classifier on the disjoint folds only
    (a repeated fold hides ties its cross-fitted classifier may have learned from)."""
    distinct = np.unique(np.concatenate([x.hidden for x in folds])).size
    ev = Evidence({}, {}, sum(x.top for x in folds), int(distinct), share=share,
                  repeated=any(x.repeat for x in folds))
    ev.deep = Evidence({}, {}, DEEP * ev.top, int(distinct), share=share, repeated=ev.repeated)
    names = [m for m in CANDIDATES if m in folds[0].f] + (["stacked"] if stacked else [])
    _rank_folds(model, folds, stacked, ev, [(m, None) for m in names])
    return ev


def _rank_folds(model: DefaultModel, folds: list[_Fold], stacked: list | None, ev: Evidence,
                variants: list[tuple[str, str | None]]) -> None:
    """Hits and AUC of each (candidate, tie-break) on every fold, into ``ev`` (named ``cand/tie``
    when a tie-break is given)."""
    for i, x in enumerate(folds):
        pos, neg = x.y > 0, x.uniform
        for name, tie in variants:
            if name == "stacked" and (x.repeat or i >= len(stacked)):
                continue
            clf = stacked[i] if name == "stacked" else None
            s = policy(model.structural(x.f, x.a, name, clf, tie), x.f, x.a, model.use)
            ps = policy(model.structural(x.pool_f, x.pool_a, name, clf, tie), x.pool_f, x.pool_a, model.use)
            best = top_indices(ps, x.top)
            a, key = auc(s[pos], s[neg]), name if tie is None else f"{name}/{tie}"
            ev.add(key, {(i, int(j)) for j in best[x.pool_y[best]]}, a, fold=i)
            if ev.deep is not None:
                deep = top_indices(ps, DEEP * x.top)
                ev.deep.add(key, {(i, int(j)) for j in deep[x.pool_y[deep]]}, a, fold=i)


class _Mean:
    """The mean probability of fitted classifiers."""

    def __init__(self, models: list):
        self.models = models

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return np.mean([m.predict_proba(X) for m in self.models], axis=0)


def _cross_fit(folds: list[_Fold]) -> list | None:
    """For each fold, a classifier learned on the other half of the folds (or None)."""
    if len(folds) < 2 or sum(x.y.sum() for x in folds) < STACK_MIN:
        return None
    halves = [[x for j, x in enumerate(folds) if j % 2 == h] for h in (0, 1)]
    fitted = [_fit_classifier(halves[1]), _fit_classifier(halves[0])]
    if any(c is None for c in fitted):
        return None
    return [fitted[i % 2] for i in range(len(folds))]


def _fit_domain(model: DefaultModel, folds: list[_Fold]) -> np.ndarray:
    """Non-negative weights of the domain signals on the chosen index's log-odds."""
    if not folds or folds[0].a is None:
        return np.zeros(len(DOMAIN))
    X = np.vstack([_domain_matrix(x.a) for x in folds])
    y = np.concatenate([x.y for x in folds])
    off = np.concatenate([logit(np.clip(composite(x.f, model.choice, model.tie), 1e-300, 1 - 1e-16)) for x in folds])
    if y.min() == y.max() or not X.std(axis=0).any():
        return np.zeros(len(DOMAIN))
    columns = tuple(i for i, name in enumerate(_SWITCH) if model.use.get(name, True))
    if not columns:
        return np.zeros(len(DOMAIN))
    # shrunk towards no effect as strongly as the hidden ties are few (fully free from DOMAIN_FREE of them)
    clf = _PositiveLogit(columns, C=0.5 * min(1.0, y.sum() / DOMAIN_FREE)).fit(X, y, offset=off)
    out = np.zeros(len(DOMAIN))
    out[clf.used] = clf.coef / clf.std  # on the raw columns (the mean only moves the intercept)
    return out


def fit_default(A: sp.csr_array, attributes: Attributes | None = None, *, seed: int = SEED,
                use: dict[str, bool] | None = None) -> DefaultModel:
    """Learn the default method on the graph ``A`` by hiding shares of its ties.

    Parameters
    ----------
    A : scipy.sparse.csr_array
        Symmetric 0/1 adjacency of the observed ties.
    attributes : Attributes, optional
        Actor attributes, for our own data.
    seed : int
        Seed of every random draw (the result is deterministic).
    use : dict, optional
        Switch signals off by name (``"stacked"``, ``"domain"``, or a policy
        weight of :func:`policy`): for the benchmark's leave-one-out table.

    Returns
    -------
    DefaultModel
    """
    use = dict(use or {})
    model = DefaultModel(attributes=attributes, use=use, katz_beta=katz_beta(A), rankings=rankings_for(A))
    n = A.shape[0]
    if n * (n - 1) // 2 > ALL_PAIRS:
        model.pool = candidate_pool(A, POOL)
    folds = _folds(A, attributes, np.random.default_rng(seed), model.pool, model.katz_beta, model.rankings)
    if not folds:
        return model
    disjoint = [x for x in folds if not x.repeat]
    stacked = _cross_fit(disjoint) if use.get("stacked", True) else None
    kept = A.nnz // 2 - disjoint[0].hidden.size
    model.evidence = _judge(model, folds, stacked, disjoint[0].hidden.size / max(kept, 1))
    model.n_train = int(sum(x.y.size for x in disjoint))
    model.choice = choose(model.evidence, len(folds))
    if model.choice == "stacked":  # the two cross-fitted halves, averaged
        model.classifier = _Mean(stacked[:2])
    else:
        # which index breaks the chosen one's ties: Katz unless another (or none above 0) is clearly better,
        # in the top K or, as good there, in the top DEEP * K (graph.links._select.choose_tie)
        if model.choice != "katz":
            others = [(model.choice, t) for t in TIES[1:] if t != model.choice]
            _rank_folds(model, folds, stacked, model.evidence, others)
            model.tie = choose_tie(model.evidence, model.choice, len(folds))
        model.domain = _fit_domain(model, disjoint)
    # the suggestions compute only the ranking chosen (the classifier and the indices use none of them)
    model.rankings = tuple(m for m in model.rankings if m == model.choice)
    return model
