"""Choosing the default's ranking on the graph itself: a robust prior, replaced only on evidence.

Every *candidate* ranks pairs by one classic index and breaks the index's
ties (equal values, above all the many pairs at 0) by Katz, so each keeps its
own precision at the top and gains Katz's resolution lower down.  The
*prior* is Adamic–Adar, the most robust at the top over the networks of the
benchmark (resource allocation is better on a few, common neighbours or Katz on others).  The stacked classifier of :mod:`graph.links._stack` is one
more candidate.

To choose, the graph's ties are hidden a share at a time (the folds of
:func:`graph.links.fit_default`); each candidate ranks the pairs of the
reduced graph and we count the hidden ties in its top ``K`` (``K`` = the
fold's hidden ties, at most 100: precision at the top, what a coordinator
reads), the hidden ties in its top ``4 K`` and its AUC against uniform non-ties.
An index replaces the prior only when its AUC is within :data:`AUC_SLACK` of the
best index's and it :func:`beats` the prior (of those that do, the one that found most):
clearly more hidden ties in the top ``K`` and not clearly fewer in the top ``4 K``, or as many
in the top ``K`` and clearly more in the top ``4 K``; "clearly more" is ``hits - prior_hits >
Z * sqrt(d)``, ``d`` the hidden ties that exactly one of the two found (McNemar's paired test), or, on
a small graph whose folds are drawn repeatedly, the mean per-fold difference above
:data:`Z_REPEATED` standard errors of the corrected resampled t-test (Nadeau & Bengio 2003; see
:meth:`Evidence.clearly_better`).  The stacked classifier then replaces the chosen index only
when it beats that index in the same sense (:func:`choose`).  On a small map the counts are tiny, nothing
passes the test and the prior stays; as the map grows the counts grow and
the evidence decides: the choice shrinks towards the prior exactly as much
as the data are thin.

>>> import numpy as np
>>> f = {"aa": np.array([0.5, 0.0, 0.0]), "katz": np.array([1e-4, 1e-6, 0.0])}
>>> s = composite(f, "aa")
>>> bool(s[0] > s[1] > s[2] == 0)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from graph.links._core import INDICES, KATZ_BETA, degrees, edge_keys, is_edge
from graph.links._topk import top_pa_pairs

__all__ = ["CANDIDATES", "PRIOR", "AUC_SLACK", "Z", "Z_REPEATED", "composite", "choose_tie", "TIES", "candidate_pool",
           "fold_pool", "Evidence", "beats", "choose", "auc"]

#: Indices that may rank the default (each with Katz breaking its ties): the single indices and the
#: rankings of random walks and local communities (:data:`graph.links._core.RANKINGS`).
CANDIDATES: tuple[str, ...] = ("ra", "aa", "cn", "jaccard", "pa", "lp", "katz", "srw", "lrw", "cra")
#: The ranking used until a graph's own ties show a better one.
PRIOR = "aa"
#: Equal hits and AUC: the finer ranking first (walks of every length, then short walks, ...).
PREFERENCE: tuple[str, ...] = ("katz", "lp", "stacked", "aa", "ra", "cn", "jaccard", "pa", "srw", "lrw", "cra")
#: A candidate must come this close to the best validated AUC.
AUC_SLACK = 0.01
#: How many Poisson standard deviations more hidden ties a candidate must find than the prior
#: (McNemar's count, disjoint folds: each hidden tie judged once).
Z = 1.0
#: The same on repeated folds (a small graph's, :func:`graph.links.fit_default`), in standard errors
#: of the corrected resampled t-test: one-sided 16% (one standard deviation) for the family of the
#: eight candidates, Bonferroni-corrected, ``Phi^-1(1 - 0.16 / 8)``.  Repeated folds give each
#: candidate many looks at the same few ties; at one standard error the best of eight crossed it by
#: chance on about one small graph in ten (Zachary's karate club, Les Misérables).
Z_REPEATED = 2.05
#: Indices that may break the chosen index's ties, Katz first (the one kept unless another is
#: clearly better on the same folds, see :func:`choose_tie`): in a lattice hiding a tie removes
#: the paths around its pair, so Katz ranks the hidden ties among Jaccard's equals lower.
#: ``"none"``: no tie-break above 0 (equal values by position, as a single index ranks them),
#: Katz only below, among the pairs the index leaves at 0.
TIES: tuple[str, ...] = ("katz", "cn", "pa", "none")
#: Share of the score left to Katz: breaks ties of the index, never reorders distinct values
#: more than 1e-6 apart.
TIE = 1e-6
_SCALE = {"cn": 1.0, "ra": 0.1, "aa": 1.0, "jaccard": 0.0, "pa": 100.0, "lp": 1.0, "katz": KATZ_BETA**2,
          "srw": 0.1, "lrw": 0.01, "cra": 0.1}
#: Up to this many pairs a fold's ranking covers every non-tied pair.
ALL_PAIRS = 200_000


def _squash(f: dict[str, np.ndarray], name: str) -> np.ndarray:
    x = np.asarray(f[name], dtype=float)
    scale = _SCALE[name] if name != "katz" else KATZ_BETA**2
    return x if scale == 0 else x / (x + scale)


def composite(f: dict[str, np.ndarray], name: str, tie: str = "katz") -> np.ndarray:
    """Scores in 0..1 ranking by index ``name``, its ties broken by ``tie`` (then by Katz).

    Parameters
    ----------
    f : dict
        Pair features (from ``pair_features``); needs ``name``, ``tie`` and ``katz``.
    name : str
        One of :data:`CANDIDATES`.
    tie : str
        The index that breaks ties of ``name`` (one of :data:`TIES`); its own ties by Katz
        (``"none"``: Katz orders only the pairs where ``name`` is 0).

    >>> f = {"jaccard": np.array([0.5, 0.5]), "cn": np.array([1.0, 2.0]), "katz": np.array([2e-4, 1e-4])}
    >>> [bool(composite(f, "jaccard", t)[1] > composite(f, "jaccard", t)[0]) for t in ("katz", "cn")]
    [False, True]
    """
    if name == "katz":
        return _squash(f, "katz")
    g = _squash(f, name)
    katz = _squash(f, "katz")
    if tie == "katz" or tie == name:
        return (1 - TIE) * g + TIE * katz
    if tie == "none":  # Katz orders only the pairs the index leaves at 0
        return (1 - TIE) * g + TIE * np.where(g > 0, 0.0, katz)
    return (1 - TIE) * g + TIE * ((1 - TIE) * _squash(f, tie) + TIE * katz)


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(a positive scores above a negative) + half P(equal); 0.5 when either side is empty.

    >>> auc(np.array([2.0, 1.0]), np.array([1.0, 0.0]))
    0.875
    """
    if pos.size == 0 or neg.size == 0:
        return 0.5
    both = np.sort(neg)
    below = np.searchsorted(both, pos, side="left")
    equal = np.searchsorted(both, pos, side="right") - below
    return float((below + 0.5 * equal).sum() / (pos.size * neg.size))


def candidate_pool(A: sp.csr_array, size: int, keys: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The ``size`` best untied pairs ``u < v`` by common neighbours, by RA and by Jaccard, and the
    ``size // 4`` best by degree product: one sparse product (CN and RA as the two parts of a complex weight, in single
    precision).

    >>> import numpy as np
    >>> from graph.links._core import adjacency
    >>> r, c = candidate_pool(adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4), 10)
    >>> r.tolist(), c.tolist()
    ([0, 1], [2, 3])
    """
    from graph.links._topk import top_entries, two_walk_product

    n = A.shape[0]
    keys = edge_keys(A) if keys is None else keys
    deg = degrees(A)
    # single precision: only which pairs enter the pool depends on it, their scores are computed exactly
    W = two_walk_product(A, (1 + 1j * np.where(deg > 0, 1 / np.maximum(deg, 1), 0)).astype(np.complex64))
    r1, c1, _ = top_entries(A, W, W.data.real, size, keys)
    r2, c2, _ = top_entries(A, W, W.data.imag, size, keys)
    r3, c3, _ = top_entries(A, W, _jaccard_values(W, deg), size, keys)
    del W
    pr, pc = top_pa_pairs(A, max(size // 4, 1), keys)
    key = np.unique(np.r_[r1 * n + c1, r2 * n + c2, r3 * n + c3, pr * n + pc])
    return key // n, key % n


def _jaccard_values(W: sp.csr_array, deg: np.ndarray, chunk: int = 8_000_000) -> np.ndarray:
    """Jaccard of each entry of the 2-walk product ``W`` (common neighbours in its real part), float32.

    Computed in chunks of entries so that the extra memory stays a few times ``chunk``; the hubs
    the product leaves out are not counted, which only matters for which pairs enter the pool.
    """
    out = np.empty(W.nnz, dtype=np.float32)
    counts = np.diff(W.indptr)
    rows = np.repeat(np.arange(W.shape[0], dtype=np.int32), counts) if W.nnz <= chunk else None
    d = deg.astype(np.float32)
    for start in range(0, W.nnz, chunk):
        stop = min(start + chunk, W.nnz)
        if rows is None:  # rows of the entries start..stop from indptr
            first = int(np.searchsorted(W.indptr, start, side="right")) - 1
            last = int(np.searchsorted(W.indptr, stop - 1, side="right")) - 1
            lo = np.clip(W.indptr[first:last + 2], start, stop) - start
            r = np.repeat(np.arange(first, last + 1, dtype=np.int32), np.diff(lo))
        else:
            r = rows[start:stop]
        cn = W.data[start:stop].real.astype(np.float32)
        out[start:stop] = cn / np.maximum(d[r] + d[W.indices[start:stop]] - cn, 1.0)
    return out


def fold_pool(Ah: sp.csr_array, hidden: np.ndarray, pool: tuple[np.ndarray, np.ndarray] | None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``u < v`` without a tie in ``Ah`` that a candidate may put in its top.

    All untied pairs when there are at most :data:`ALL_PAIRS`; otherwise the
    whole graph's candidate ``pool`` (untied there, so in ``Ah`` too; hiding
    ties only lowers the common-neighbour sums, so the reduced graph's best
    pairs are among them) and the ``hidden`` keys, wherever they rank.
    """
    n = Ah.shape[0]
    if pool is None:
        r, c = np.triu_indices(n, 1)
        ok = ~is_edge(Ah, r, c, edge_keys(Ah))
        return r[ok].astype(np.int64), c[ok].astype(np.int64)
    key = np.unique(np.r_[pool[0] * n + pool[1], hidden])
    return key // n, key % n


@dataclass
class Evidence:
    """What the folds showed: per candidate, hidden ties found in the top ``K`` and AUC.

    ``per_fold`` holds each candidate's hits fold by fold (NaN on a fold it was
    not judged on), ``share`` the hidden share of a fold (hidden / kept ties)
    and ``repeated`` whether folds were drawn again, for the paired test of
    :meth:`clearly_better`.
    """

    hits: dict[str, float]
    auc: dict[str, float]
    top: int  # sum of the folds' K
    positives: int = 0  # distinct hidden ties behind the AUCs
    found: dict[str, set] = field(default_factory=dict)  # which hidden ties each found (fold, pair)
    per_fold: dict[str, list[float]] = field(default_factory=dict)
    share: float = 0.1
    repeated: bool = False  # some folds hid ties other folds hid too
    judged: dict[str, int] = field(default_factory=dict)  # folds each candidate's AUC sums over
    deep: Evidence | None = None  # the same, hidden ties found in the top DEEP * K

    def add(self, name: str, found: set, auc_value: float, fold: int | None = None) -> None:
        self.hits[name] = self.hits.get(name, 0.0) + len(found)
        self.auc[name] = self.auc.get(name, 0.0) + auc_value
        self.judged[name] = self.judged.get(name, 0) + 1
        self.found.setdefault(name, set()).update(found)
        if fold is not None:
            row = self.per_fold.setdefault(name, [])
            row.extend([np.nan] * (fold + 1 - len(row)))
            row[fold] = float(len(found))

    def discordant(self, a: str, b: str) -> int:
        """Hidden ties found by exactly one of ``a`` and ``b`` (all when unknown)."""
        if a in self.found and b in self.found:
            return len(self.found[a] ^ self.found[b])
        return int(self.hits.get(a, 0) + self.hits.get(b, 0))

    def paired(self, a: str, b: str) -> np.ndarray:
        """Per-fold hits of ``a`` minus ``b`` on the folds both were judged on."""
        x, y = (np.asarray(self.per_fold.get(m, []), dtype=float) for m in (a, b))
        size = min(x.size, y.size)
        d = x[:size] - y[:size]
        return d[~np.isnan(d)]

    def clearly_better(self, a: str, b: str) -> bool:
        """``a`` found clearly more hidden ties than ``b``.

        On disjoint folds (each hidden tie judged once): McNemar's paired
        count, ``hits_a - hits_b > Z sqrt(d)`` with ``d`` the hidden ties that
        exactly one of the two found.  On repeated folds (the same ties hidden
        again, so not independent): the mean per-fold difference exceeds
        :data:`Z_REPEATED` standard errors of the *corrected resampled t-test*
        (Nadeau & Bengio 2003), ``var = s**2 (1 / F + share)``, the ``share``
        term for the overlap of the folds that the plain ``s**2 / F`` ignores.
        """
        d = self.paired(a, b)
        if self.repeated and d.size >= 3:
            mean = float(d.mean())
            se = float(np.sqrt(d.var(ddof=1) * (1.0 / d.size + self.share)))
            return mean > 0 and mean > Z_REPEATED * se
        return self.hits.get(a, 0) - self.hits.get(b, 0) > Z * np.sqrt(self.discordant(a, b))

    def mean_hits(self, name: str) -> float:
        """Hits per fold judged (the candidates may be judged on different numbers of folds)."""
        return self.hits.get(name, 0.0) / max(self.judged.get(name, 1), 1)


def beats(evidence: Evidence, a: str, b: str) -> bool:
    """``a`` ranks the hidden ties clearly better than ``b``, at the top and below it.

    Clearly more in the top ``K`` and not clearly fewer in the top ``DEEP * K``
    (``evidence.deep``; a lead in the top ``K`` of a few folds that the deeper
    ranking contradicts is the noise of which hidden ties happen to lie at the
    very top: on a co-authorship network Katz led Adamic–Adar there on half
    the splits, found a quarter fewer deeper, and put 6 fewer probe ties in
    its top 100), or as many in the top ``K`` and clearly more in the top
    ``DEEP * K`` (a few folds of 100 leave the top ``K`` to a coin toss; the
    deeper count has four times the ties to tell them apart).

    >>> ev = Evidence({"aa": 50, "katz": 62, "ra": 50}, {"aa": 1.0, "katz": 1.0, "ra": 1.0}, 100, 500)
    >>> ev.deep = Evidence({"aa": 160, "katz": 120, "ra": 120}, {"aa": 1.0, "katz": 1.0, "ra": 1.0}, 400, 500)
    >>> beats(ev, "katz", "aa"), beats(ev, "aa", "ra"), beats(ev, "aa", "katz")
    (False, True, False)
    """
    deep = evidence.deep
    top = evidence.clearly_better(a, b) and not (deep is not None and deep.clearly_better(b, a))
    return bool(top or (deep is not None and not evidence.clearly_better(b, a) and deep.clearly_better(a, b)))


def _depth(evidence: Evidence, name: str) -> float:
    """Hidden ties per fold in the top ``K`` and in the top ``DEEP * K``: the top counted twice."""
    return evidence.mean_hits(name) + (evidence.deep.mean_hits(name) if evidence.deep is not None else 0.0)


def choose(evidence: Evidence, folds: int) -> str:
    """The candidate to rank by: the prior unless another is clearly better (see the module text).

    In two steps, so that the stacked classifier must beat the best index, not
    only the prior.  (1) The rankings: the prior, or the single index of best AUC
    when the prior falls behind it by more than the noise of an AUC on so few
    hidden ties (``Z * 0.5 / sqrt(P)``), gives way to one of the rankings within
    :data:`AUC_SLACK` of the best single index's AUC that :func:`beats` it: of
    those, one that no other of them beats, with most hits per fold in the top
    ``K`` and the top ``DEEP * K`` together (the top ``K`` of a few folds is
    nearly a coin toss: on the airline network every ranking found 44 to 46 of
    a fold's hidden ties there, while the superposed random walk found 112 in
    the top 4K against Adamic–Adar's 96, and 4 to 13 more probe ties in its top
    100).  The AUC to keep is the single indices' (:data:`INDICES`): 3-step walks
    score the pairs at distance 3 too, and their higher AUC shut Katz out.
    (2) The stacked classifier replaces that ranking when it is within
    :data:`AUC_SLACK` of the best single index's AUC and :func:`beats` it, or when the ranking
    falls behind the classifier's AUC by more than that noise.  (Before, any
    candidate clearly better than the prior could win on most hits, and the
    classifier, whose top differs most from the indices', won on splits where
    the best index found as many: on the political blogs it put 7 fewer probe
    ties in its top 100 than Katz.)

    >>> choose(Evidence({"aa": 3, "katz": 5}, {"aa": 0.9, "katz": 0.9}, 10, 10), 1)
    'aa'
    >>> choose(Evidence({"aa": 30, "katz": 80}, {"aa": 0.9, "katz": 0.9}, 100, 500), 1)
    'katz'
    """
    aucs = {m: a / max(evidence.judged.get(m, folds), 1) for m, a in evidence.auc.items() if "/" not in m}
    noise = max(AUC_SLACK, Z * 0.5 / np.sqrt(max(evidence.positives, 1)))
    order = {m: i for i, m in enumerate(PREFERENCE)}
    indices = {m: a for m, a in aucs.items() if m != "stacked"} or aucs
    # the AUC to keep is the single indices' (a ranking by 3-step walks has a higher AUC from the pairs at
    # distance 3, and as the bar it shut Katz out on the political blogs, where it is best at the top)
    singles = {m: a for m, a in indices.items() if m in INDICES} or indices
    best_index = max(singles.values())
    base = PRIOR if aucs.get(PRIOR, -1.0) >= best_index - noise else \
        max(singles, key=lambda m: (singles[m], evidence.mean_hits(m)))
    clear = [m for m in indices if m != base and indices[m] >= best_index - AUC_SLACK and beats(evidence, m, base)]
    # of those, the ones no other of them beats, by hidden ties in the top K and the top DEEP * K
    unbeaten = [m for m in clear if not any(beats(evidence, o, m) for o in clear if o != m)] or clear
    choice = max(unbeaten, key=lambda m: (_depth(evidence, m), -order.get(m, len(order)))) if clear else base
    stacked = aucs.get("stacked")
    best_auc = max(best_index, stacked if stacked is not None else -1.0)
    if stacked is not None and choice != "stacked" and (
            (stacked >= best_index - AUC_SLACK and beats(evidence, "stacked", choice))
            or (stacked == best_auc and aucs[choice] < best_auc - noise)):
        return "stacked"
    return choice


def choose_tie(evidence: Evidence, choice: str, folds: int) -> str:
    """The index breaking ties of ``choice``: Katz unless a variant (``choice + "/" + tie``, judged on
    the same folds) found clearly more hidden ties without losing AUC (:data:`AUC_SLACK`) — in the
    top ``K``, or as many there and clearly more in the top ``DEEP * K`` (``evidence.deep``, see
    :data:`graph.links._default.DEEP`) — or found
    as many and raised the AUC by more than :data:`AUC_SLACK` (the tie-break orders the many pairs
    the index leaves equal, above all at 0: on a tiny map the degree product ranks them better than
    Katz's few long walks).

    The top ``DEEP * K`` matters because a fold hides ties of a graph whose own missing ties are
    already hidden: its top index levels hold more pairs than the whole graph's, so the levels
    whose equals the tie-break orders may lie below the fold's top ``K`` yet inside the whole
    graph's (on a lattice-like graph Katz ranks the hidden ties among Jaccard's equals lowest:
    the variant ``"none"``, ties by position as the single index has them, finds more).

    >>> ev = Evidence({"jaccard": 30, "jaccard/cn": 80}, {"jaccard": 0.9, "jaccard/cn": 0.9}, 100, 500)
    >>> choose_tie(ev, "jaccard", 1)
    'cn'
    """
    aucs = {m: a / max(evidence.judged.get(m, folds), 1) for m, a in evidence.auc.items()}
    if choice not in aucs:
        return "katz"
    deep = evidence.deep

    def better(t: str) -> bool:
        name = f"{choice}/{t}"
        if name not in aucs:
            return False
        if aucs[name] >= aucs[choice] - AUC_SLACK and (evidence.clearly_better(name, choice) or (
                deep is not None and evidence.mean_hits(name) >= evidence.mean_hits(choice)
                and deep.clearly_better(name, choice))):
            return True
        return aucs[name] > aucs[choice] + AUC_SLACK and evidence.mean_hits(name) >= evidence.mean_hits(choice)

    def key(t: str) -> tuple:
        name = f"{choice}/{t}"
        return evidence.mean_hits(name), deep.mean_hits(name) if deep else 0.0, aucs[name], -TIES.index(t)

    clear = [t for t in TIES[1:] if better(t)]
    return max(clear, key=key) if clear else "katz"
