"""Missing-link scoring and explanations.

Suggest ties that should exist, explain each in words (sv, en, nb), score
given pairs, and find the sector categories that never meet in a place.

Methods (:data:`METHODS`): ``cn`` common neighbours, ``jaccard``, ``aa``
Adamic–Adar, ``ra`` resource allocation, ``pa`` preferential attachment,
``lp`` local path (eps = 0.01), ``katz`` (beta = 0.01, truncated series, see
:mod:`graph.links._core`), and ``default``: Adamic–Adar with Katz
breaking its ties (or another tie-break the graph shows clearly better),
replaced by another index, by a ranking of random walks or local communities
(superposed and local random walks, Cannistraci's resource allocation:
:data:`graph.links._core.RANKINGS`) or by the indices stacked by a classifier
only when the graph's own hidden ties show it clearly better (see
:mod:`graph.links._default`), plus, when an actors table is given, themes and
places (weights learned on the graph), sectors, a penalty for pairs in
different countries without a common partner, and the support of a source
that recommends the tie (or a tie with a group the actor is a member of).

>>> import pandas as pd
>>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "c", "c"]})
>>> suggest_links(ties, method="cn").empty
True
"""

from graph.links._api import (
                              CATEGORIES,
                              METHODS,
                              Prepared,
                              invitations,
                              prepare,
                              score_pairs,
                              sector_gap_matrix,
                              sector_gaps,
                              suggest_links,
                              suggest_matrix,
)
from graph.links._core import INDICES, adjacency, adjacency_from_columns, pair_features, score_matrix_pairs
from graph.links._default import DefaultModel, fit_default
from graph.links._gaps import CATEGORY_LABELS, category_label
from graph.links._nx import nx_score_pairs, nx_suggest
from graph.links._text import TEXTS
from graph.links._topk import candidate_pairs, top_pairs

__all__ = [
    "METHODS", "INDICES", "CATEGORIES", "CATEGORY_LABELS", "category_label", "TEXTS",
    "suggest_links", "score_pairs", "invitations", "sector_gaps", "sector_gap_matrix",
    "prepare", "Prepared", "suggest_matrix",
    "adjacency", "adjacency_from_columns", "pair_features", "score_matrix_pairs", "candidate_pairs",
    "top_pairs", "fit_default", "DefaultModel",
    "nx_score_pairs", "nx_suggest",
]
