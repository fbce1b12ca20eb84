"""Choosing the default's ranking on the graph itself: a robust prior, replaced only on evidence.

Every *candidate* ranks pairs by one classic index and breaks the index's
ties (equal values, above all the many pairs at 0) by Katz, so each keeps its
own precision at the top and gains Katz's resolution lower down.  The
*prior* is resource allocation (the best single index on most networks of
the literature).  The stacked classifier of :mod:`graph.links._stack` is one
more candidate.

To choose, the graph's ties are hidden a share at a time (the folds of
:func:`graph.links.fit_default`); each candidate ranks the pairs of the
reduced graph and we count the hidden ties in its top ``K`` (``K`` = the
fold's hidden ties, at most 100: precision at the top, what a coordinator
reads) and its AUC against uniform non-ties.  A candidate replaces the prior
only when its AUC is within :data:`AUC_SLACK` of the best candidate's and it
found clearly more hidden ties: ``hits - prior_hits > Z * sqrt(d)``, ``d``
the hidden ties that exactly one of the two found (McNemar's paired test).  On a small map the counts are tiny, nothing
passes the test and the prior stays; as the map grows the counts grow and
the evidence decides: the choice shrinks towards the prior exactly as much
as the data are thin.

>>> import numpy as np
>>> f = {"ra": np.array([0.5, 0.0, 0.0]), "katz": np.array([1e-4, 1e-6, 0.0])}
>>> s = composite(f, "ra")
>>> bool(s[0] > s[1] > s[2] == 0)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from graph.links._core import (
    KATZ_BETA,
    _degrees,
    _top,
    candidate_pairs,
    edge_keys,
    is_edge,
    top_pa_pairs,
)

__all__ = ["CANDIDATES", "PRIOR", "AUC_SLACK", "Z", "composite", "fold_pool", "Evidence", "choose", "auc"]

#: Indices that may rank the default (each with Katz breaking its ties).
CANDIDATES: tuple[str, ...] = ("ra", "aa", "cn", "jaccard", "pa", "lp", "katz")
#: The ranking used until a graph's own ties show a better one.
PRIOR = "ra"
#: A candidate must come this close to the best validated AUC.
AUC_SLACK = 0.01
#: How many Poisson standard deviations more hidden ties a candidate must find than the prior.
Z = 2.0
#: Share of the score left to Katz: breaks ties of the index, never reorders distinct values
#: more than 1e-6 apart.
TIE = 1e-6
_SCALE = {"cn": 1.0, "ra": 0.1, "aa": 1.0, "jaccard": 0.0, "pa": 100.0, "lp": 1.0, "katz": KATZ_BETA**2}
#: Up to this many pairs a fold's ranking covers every non-tied pair.
ALL_PAIRS = 200_000


def composite(f: dict[str, np.ndarray], name: str) -> np.ndarray:
    """Scores in 0..1 ranking by index ``name``, its ties broken by Katz (``f`` from ``pair_features``).

    Parameters
    ----------
    f : dict
        Pair features; needs ``name`` and ``katz``.
    name : str
        One of :data:`CANDIDATES`.
    """
    x = np.asarray(f[name], dtype=float)
    scale = _SCALE[name]
    g = x if scale == 0 else x / (x + scale)
    if name == "katz":
        return g
    katz = f["katz"]
    return (1 - TIE) * g + TIE * katz / (katz + KATZ_BETA**2)


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


def fold_pool(Ah: sp.csr_array, hidden: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``u < v`` without a tie in ``Ah`` that any candidate may put in its top ``size``.

    All non-tied pairs when there are at most :data:`ALL_PAIRS`; otherwise the
    ``size`` best by each of CN, RA, AA, Jaccard and PA, the ``4 size`` best by
    CN (where LP and Katz find their top), and the ``hidden`` keys (which a
    candidate ranks wherever they fall).
    """
    n = Ah.shape[0]
    keys = edge_keys(Ah)
    if n * (n - 1) // 2 <= ALL_PAIRS:
        r, c = np.triu_indices(n, 1)
        ok = ~is_edge(Ah, r, c, keys)
        return r[ok].astype(np.int64), c[ok].astype(np.int64)
    k = _degrees(Ah)
    weight = 1 + 1j * np.where(k > 0, 1 / np.maximum(k, 1), 0)
    r, c, w = candidate_pairs(Ah, weight, keys)
    cn, ra = w.real, w.imag
    aa = candidate_pairs(Ah, 1 / np.log(np.maximum(k, 2)), keys)[2]
    jac = cn / (k[r] + k[c] - cn)
    picks = [_top(cn, 4 * size), _top(ra, size), _top(aa, size), _top(jac, size)]
    pr, pc = top_pa_pairs(Ah, size, keys)
    key = np.unique(np.r_[r[np.concatenate(picks)] * n + c[np.concatenate(picks)], pr * n + pc, hidden])
    return key // n, key % n


@dataclass
class Evidence:
    """What the folds showed: per candidate, hidden ties found in the top ``K`` and AUC."""

    hits: dict[str, float]
    auc: dict[str, float]
    top: int  # sum of the folds' K
    positives: int = 0  # hidden ties behind the AUCs
    found: dict[str, set] = field(default_factory=dict)  # which hidden ties each found (fold, pair)

    def add(self, name: str, found: set, auc_value: float) -> None:
        self.hits[name] = self.hits.get(name, 0.0) + len(found)
        self.auc[name] = self.auc.get(name, 0.0) + auc_value
        self.found.setdefault(name, set()).update(found)

    def discordant(self, a: str, b: str) -> int:
        """Hidden ties found by exactly one of ``a`` and ``b`` (all when unknown)."""
        if a in self.found and b in self.found:
            return len(self.found[a] ^ self.found[b])
        return int(self.hits.get(a, 0) + self.hits.get(b, 0))


def choose(evidence: Evidence, folds: int) -> str:
    """The candidate to rank by: the prior unless another is clearly better (see the module text).

    The prior gives way to the best AUC only when it falls behind by more
    than the noise of an AUC on so few hidden ties (``Z * 0.5 / sqrt(P)``).

    >>> choose(Evidence({"ra": 3, "katz": 5}, {"ra": 0.9, "katz": 0.9}, 10, 10), 1)
    'ra'
    >>> choose(Evidence({"ra": 30, "katz": 80}, {"ra": 0.9, "katz": 0.9}, 100, 500), 1)
    'katz'
    """
    aucs = {m: a / max(folds, 1) for m, a in evidence.auc.items()}
    hits = evidence.hits
    best_auc = max(aucs.values())
    noise = max(AUC_SLACK, Z * 0.5 / np.sqrt(max(evidence.positives, 1)))
    base = PRIOR if aucs.get(PRIOR, 0.0) >= best_auc - noise else max(aucs, key=lambda m: (aucs[m], hits[m]))
    fair = [m for m in aucs if aucs[m] >= best_auc - AUC_SLACK or m == base]
    best = max(fair, key=lambda m: (hits[m], aucs[m], m == base))
    gain = hits[best] - hits[base]
    return best if gain > Z * np.sqrt(evidence.discordant(best, base)) else base
