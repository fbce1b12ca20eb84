"""Missing links on the dataset tables: suggestions, pair scores, sector gaps.

>>> import pandas as pd
>>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "c", "d"]})
>>> suggest_links(ties, method="ra", top=2, lang="en")[["source", "target", "reason"]].values.tolist()
[['a', 'd', '1 common partner: b (resource allocation 0.5)'], ['b', 'c', '1 common partner: a (resource allocation 0.5)']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from graph.links._core import INDICES, edge_keys, is_edge, pair_features, score_matrix_pairs
from graph.links._default import POOL, STRUCT, DefaultModel, fit_default
from graph.links._gaps import CATEGORIES, TYPE_CATEGORY, sector_gap_matrix, sector_gaps
from graph.links._prepare import Prepared, check_lang, column, prepare
from graph.links._reasons import explain_pairs
from graph.links._select import candidate_pool
from graph.links._stack import Attributes
from graph.links._text import text
from graph.links._topk import top_indices, top_pairs

__all__ = [
    "METHODS",
    "CATEGORIES",
    "Prepared",
    "prepare",
    "suggest_links",
    "score_pairs",
    "suggest_matrix",
    "invitations",
    "sector_gaps",
    "sector_gap_matrix",
    "TYPE_CATEGORY",
]

#: Method names: "default" (stacked, learned on the graph) and the single indices.
METHODS: tuple[str, ...] = ("default",) + INDICES
#: Up to this many pairs the default scores every non-tied pair exactly.
ALL_PAIRS = 200_000
def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"Unknown method {method!r}: choose one of {', '.join(METHODS)}.")


def _scores(p: Prepared, rows: np.ndarray, cols: np.ndarray, method: str,
            model: DefaultModel | None) -> tuple[np.ndarray, dict, dict | None]:
    if method == "default":
        f, a = model.features(p.A, rows, cols)
        return model.score(p.A, rows, cols, (f, a)), f, a
    f = pair_features(p.A, rows, cols, STRUCT)
    a = None if p.attributes is None else p.attributes.features(rows, cols, p.A.shape[0])
    return f[method], f, a


def suggest_matrix(A: sp.csr_array, method: str = "default", k: int = 20, *,
                   model: DefaultModel | None = None, attributes: Attributes | None = None,
                   actor: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best ``k`` non-tied pairs ``(rows, cols, scores)`` of ``A``, best first.

    Candidates for the default: all non-tied pairs when there are at most
    :data:`ALL_PAIRS` of them, otherwise the union of the ``max(20 k, 2000)``
    best pairs at distance 2 by resource allocation and by common neighbours
    and the best by degree product; these are scored by the learned model.
    With ``actor``, every pair of that node with another untied node.

    >>> from graph.links._core import adjacency
    >>> A = adjacency(np.array([0, 1, 2]), np.array([1, 2, 3]), 4)
    >>> r, c, s = suggest_matrix(A, "cn", 1)
    >>> r.tolist(), c.tolist(), s.tolist()
    ([0], [2], [1.0])
    """
    _check_method(method)
    n = A.shape[0]
    keys = edge_keys(A)
    if method == "default" and model is None:
        model = fit_default(A, attributes)
    if actor is not None or (method == "default" and n * (n - 1) // 2 <= ALL_PAIRS):
        if actor is not None:
            c = np.delete(np.arange(n), actor)
            r = np.full(c.size, actor)
        else:
            r, c = np.triu_indices(n, 1)
        keep = ~is_edge(A, r, c, keys)
        r, c = r[keep], c[keep]
    elif method != "default":
        return top_pairs(A, method, k, keys)
    elif model.pool is not None and 20 * k <= POOL:
        r, c = model.pool
    else:
        r, c = candidate_pool(A, max(20 * k, POOL), keys)
    if method == "default":
        s = model.score(A, r, c)
    else:
        s = score_matrix_pairs(A, r, c, method)
    best = top_indices(s, k)
    best = best[s[best] > 0] if actor is not None or method == "default" else best
    return r[best], c[best], s[best]


def in_sorted(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """True where a key of ``q`` is in the sorted ``keys``."""
    if keys.size == 0:
        return np.zeros(q.size, dtype=bool)
    return keys[np.searchsorted(keys, q).clip(0, keys.size - 1)] == q


def _frame(p: Prepared, rows, cols, scores, reasons) -> pd.DataFrame:
    return pd.DataFrame({"source": pd.Series(p.ids[rows], dtype=object),
                         "target": pd.Series(p.ids[cols], dtype=object),
                         "score": np.asarray(scores, dtype=float), "reason": pd.Series(reasons, dtype=object)})


def suggest_links(collaborations: pd.DataFrame, actors: pd.DataFrame | None = None,
                  themes: pd.DataFrame | None = None, *, method: str = "default", top: int = 20,
                  actor: str | None = None, lang: str = "sv",
                  documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rank the missing links: pairs without an observed tie, best first, with a reason.

    Parameters
    ----------
    collaborations : pandas.DataFrame
        Columns ``source``, ``target`` and optionally ``kind``, ``status``,
        ``themes``.  Rows with status ``recommended`` are not observed ties.
    actors, themes : pandas.DataFrame, optional
        The actors and themes tables (names, places, sectors, theme labels).
    method : str
        One of :data:`METHODS`.
    top : int
        How many suggestions.
    actor : str, optional
        Only pairs containing this actor id.
    lang : {"sv", "en", "nb"}
        Language of the reasons.
    documents : pandas.DataFrame, optional
        The documents table: reasons then name a recommending source by its
        title rather than its id.

    Returns
    -------
    pandas.DataFrame
        Columns ``source, target, score, reason``; ids as given.

    Raises
    ------
    ValueError
        For an unknown method, language or actor id.

    >>> ties = pd.DataFrame({"source": ["01", "01"], "target": ["02", "03"]})
    >>> suggest_links(ties, method="cn", lang="sv").values.tolist()
    [['02', '03', 1.0, '1 gemensam partner: 01 (gemensamma grannar 1)']]
    """
    _check_method(method)
    check_lang(lang)
    p = prepare(collaborations, actors, themes, documents)
    pos = None if actor is None else p.position(actor)
    model = fit_default(p.A, p.attributes) if method == "default" else None
    r, c, _ = suggest_matrix(p.A, method, int(top), model=model, attributes=p.attributes, actor=pos)
    s, f, a = _scores(p, r, c, method, model)
    return _frame(p, r, c, s, explain_pairs(p, r, c, s, method, f, a, lang))


def score_pairs(collaborations: pd.DataFrame, pairs: pd.DataFrame, actors: pd.DataFrame | None = None,
                themes: pd.DataFrame | None = None, *, method: str = "default", lang: str = "sv",
                documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score exactly the given pairs, in the given order; 0 where nothing supports a tie.

    Pairs with an id found nowhere in the data score 0 and say so.

    >>> ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    >>> pairs = pd.DataFrame({"source": ["c", "a", "zz"], "target": ["a", "b", "a"]})
    >>> score_pairs(ties, pairs, method="cn", lang="en")[["source", "score"]].values.tolist()
    [['c', 1.0], ['a', 0.0], ['zz', 0.0]]
    """
    _check_method(method)
    check_lang(lang)
    for end in ("source", "target"):
        if end not in pairs.columns:
            raise ValueError(f"The pairs table has no {end!r} column.")
    p = prepare(collaborations, actors, themes, documents)
    src, tgt = column(pairs, "source").to_numpy(), column(pairs, "target").to_numpy()
    lookup = pd.Index(p.ids)
    r, c = lookup.get_indexer(src), lookup.get_indexer(tgt)
    known = (r >= 0) & (c >= 0)
    scores = np.zeros(len(pairs))
    reasons = np.empty(len(pairs), dtype=object)
    model = fit_default(p.A, p.attributes) if method == "default" and known.any() else None
    kr, kc = r[known], c[known]
    if kr.size:
        s, f, a = _scores(p, kr, kc, method, model)
        s = np.where(kr == kc, 0.0, s)
        scores[known] = s
        reasons[known] = explain_pairs(p, kr, kc, s, method, f, a, lang)
    for i in np.flatnonzero(~known):
        missing = src[i] if r[i] < 0 else tgt[i]
        reasons[i] = text(lang, "unknown", id=missing)
    return pd.DataFrame({"source": pd.Series(src, dtype=object), "target": pd.Series(tgt, dtype=object),
                         "score": scores, "reason": pd.Series(reasons, dtype=object)})


def invitations(collaborations: pd.DataFrame, actors: pd.DataFrame | None, actor_id: str, *,
                top: int = 10, lang: str = "sv", themes: pd.DataFrame | None = None,
                documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who to invite: the actor's best suggestions (default method).

    Returns
    -------
    pandas.DataFrame
        Columns ``id, name, score, reason``, best first.

    >>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "c", "d"]})
    >>> invitations(ties, None, "c", lang="en")["id"].tolist()[0]
    'b'
    """
    out = suggest_links(collaborations, actors, themes, method="default", top=top, actor=actor_id, lang=lang,
                        documents=documents)
    other = np.where(out["source"] == str(actor_id), out["target"], out["source"])
    names = dict(zip(column(actors, "id"), column(actors, "name"))) if actors is not None and "name" in actors else {}
    return pd.DataFrame({"id": pd.Series(other, dtype=object),
                         "name": pd.Series([names.get(x) or x for x in other], dtype=object),
                         "score": out["score"].to_numpy(), "reason": out["reason"]})

