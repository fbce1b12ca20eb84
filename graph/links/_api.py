"""Missing links on the dataset tables: suggestions, pair scores, sector gaps.

>>> import pandas as pd
>>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "c", "d"]})
>>> suggest_links(ties, method="ra", top=2, lang="en")[["source", "target", "reason"]].values.tolist()
[['a', 'd', '1 common partner: b (resource allocation 0.5)'], ['b', 'c', '1 common partner: a (resource allocation 0.5)']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations_with_replacement

import numpy as np
import pandas as pd
import scipy.sparse as sp

from graph.links._core import (
    INDICES,
    _top,
    adjacency,
    edge_keys,
    is_edge,
    pair_features,
    score_matrix_pairs,
    top_pairs,
)
from graph.links._default import POOL, STRUCT, DefaultModel, fit_default
from graph.links._select import candidate_pool
from graph.links._stack import MEMBER_WEIGHT, RECOMMENDED_WEIGHT, Attributes
from graph.links._text import INDEX_NAMES, join_names, number, text

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
#: Sector categories of :func:`sector_gaps`.
CATEGORIES: tuple[str, ...] = ("state_agency", "public_local", "civil_society", "business")
#: Up to this many pairs the default scores every non-tied pair exactly.
ALL_PAIRS = 200_000
LANGS = ("sv", "en", "nb")


@dataclass
class Support:
    """Why a source supports a pair: ``weight``; ``group`` and ``member`` positions
    (-1 for a direct recommendation) and the ``document`` quoted."""

    weight: float
    partner: int
    group: int
    member: int
    document: str


@dataclass
class Prepared:
    """The observed graph and what the reasons need, built once from the tables."""

    A: sp.csr_array
    ids: np.ndarray
    names: np.ndarray
    recommended: np.ndarray  # sorted keys lo * n + hi of recommended pairs
    attributes: Attributes | None
    theme_ids: np.ndarray
    theme_labels: dict[str, dict[str, str]]
    place_names: dict[str, np.ndarray]
    sectors: np.ndarray
    support: dict[int, Support] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)

    def position(self, actor: str) -> int:
        hit = np.flatnonzero(self.ids == str(actor))
        if hit.size == 0:
            raise ValueError(f"Unknown actor id {actor!r}: it is neither in the actors table nor in any tie.")
        return int(hit[0])


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    if name in df.columns:
        return df[name].astype("string").fillna("").astype(str).str.strip()
    return pd.Series([""] * len(df), index=df.index, dtype=object)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}: choose one of {', '.join(LANGS)}.")


def _support(n: int, u: np.ndarray, v: np.ndarray, rec: np.ndarray, member: np.ndarray,
             docs: np.ndarray) -> dict[int, Support]:
    """Pairs a source recommends: the recommended ties themselves, and each member of a
    group (``member`` rows: source is a member or part of target) with the group's
    recommended partner."""
    out: dict[int, Support] = {}
    if not rec.any():
        return out
    ru, rv, rd = u[rec], v[rec], docs[rec]
    groups: dict[int, list[int]] = {}
    for m, g in zip(u[member].tolist(), v[member].tolist()):
        if m != g:
            groups.setdefault(g, []).append(m)
    for a, b, d in zip(ru.tolist(), rv.tolist(), rd.tolist()):
        if a == b:
            continue
        key = min(a, b) * n + max(a, b)
        out[key] = Support(RECOMMENDED_WEIGHT, -1, -1, -1, str(d))
    for a, b, d in zip(ru.tolist(), rv.tolist(), rd.tolist()):
        for partner, group in ((a, b), (b, a)):
            for m in groups.get(group, ()):
                key = min(partner, m) * n + max(partner, m)
                if m != partner and key not in out:
                    out[key] = Support(MEMBER_WEIGHT, partner, group, m, str(d))
    return out


def _multi(values: np.ndarray) -> tuple[sp.csr_array | None, np.ndarray]:
    """(nodes x values) 0/1 incidence of ``|``-separated cells, and each node's tuple of values."""
    split = pd.Series(values, dtype=object).str.split("|").explode().str.strip()
    split = split[split.notna() & (split != "")]
    tuples = np.empty(values.size, dtype=object)
    tuples[:] = [()] * values.size
    if split.empty:
        return None, tuples
    codes, uniq = pd.factorize(split, sort=False)
    M = sp.coo_array((np.ones(codes.size), (split.index.to_numpy(), codes)),
                     shape=(values.size, uniq.size)).tocsr()
    M.data[:] = 1.0
    for i, vals in split.groupby(level=0).agg(tuple).items():
        tuples[i] = tuple(dict.fromkeys(vals))
    return M, tuples


def prepare(collaborations: pd.DataFrame, actors: pd.DataFrame | None = None,
            themes: pd.DataFrame | None = None, documents: pd.DataFrame | None = None) -> Prepared:
    """Build the observed graph (ties whose status is not ``recommended``) and the attributes.

    A ``recommended`` tie supports its pair; it also supports each *member* of
    a group with the group's recommended partner: a ``membership`` tie reads
    "source is a member or part of target" (as in ``data/``), so a recommended
    Migrationsverket–Leader tie supports Migrationsverket with every Leader
    group that is a member of Leader.

    Raises
    ------
    ValueError
        If ``collaborations`` lacks a ``source`` or ``target`` column.

    >>> p = prepare(pd.DataFrame({"source": ["007", "x", "m"], "target": ["x", "y", "y"],
    ...                           "status": ["", "recommended", ""], "kind": ["", "", "membership"]}))
    >>> list(p.ids), p.A.nnz, len(p.recommended)
    (['007', 'x', 'm', 'y'], 4, 1)
    >>> sorted((p.ids[k // 4], p.ids[k % 4], s.weight) for k, s in p.support.items())
    [('x', 'm', 0.8), ('x', 'y', 0.9)]
    """
    for column in ("source", "target"):
        if column not in collaborations.columns:
            raise ValueError(f"The collaborations table has no {column!r} column.")
    src, tgt = _col(collaborations, "source"), _col(collaborations, "target")
    has_status = "status" in collaborations.columns
    rec = (_col(collaborations, "status").str.lower() == "recommended").to_numpy() if has_status \
        else np.zeros(len(src), dtype=bool)
    actor_ids = _col(actors, "id") if actors is not None and "id" in actors.columns else pd.Series([], dtype=object)
    codes, uniques = pd.factorize(pd.concat([actor_ids, src, tgt], ignore_index=True), sort=False)
    ids = np.asarray(uniques, dtype=object)
    n, na, m = ids.size, len(actor_ids), len(src)
    u, v = codes[na:na + m].astype(np.int64), codes[na + m:].astype(np.int64)
    A = adjacency(u[~rec], v[~rec], n) if rec.any() else adjacency(u, v, n)
    lo, hi = np.minimum(u[rec], v[rec]), np.maximum(u[rec], v[rec])
    recommended = np.unique(lo * n + hi)
    support: dict[int, Support] = {}
    if rec.any():
        member = ((_col(collaborations, "kind").str.lower() == "membership").to_numpy() & ~rec)
        support = _support(n, u, v, rec, member, _col(collaborations, "document").to_numpy())
    doc_titles: dict[str, str] = {}
    if documents is not None and "id" in documents.columns:
        doc_titles = {d: t for d, t in zip(_col(documents, "id"), _col(documents, "title")) if d and t}
    names = ids.copy()
    place_names: dict[str, np.ndarray] = {}
    sectors = np.full(n, "", dtype=object)
    attributes = None
    theme_ids = np.array([], dtype=object)
    labels: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    if actors is not None:
        first = ~actor_ids.duplicated().to_numpy()
        pos = codes[:na][first]
        got = _col(actors, "name").to_numpy()[first]
        names[pos] = np.where(got == "", ids[pos], got)
        place: dict[str, np.ndarray | sp.csr_array] = {}
        for key in ("municipality", "region", "country"):
            values = np.full(n, "", dtype=object)
            values[pos] = _col(actors, key).to_numpy()[first]
            if key == "country":
                place_names[key] = values
                place[key] = pd.factorize(pd.Series(values).str.upper().replace("", None))[0]
            else:
                M, place_names[key] = _multi(values)
                if M is not None:
                    place[key] = M
        sectors[pos] = _sector_values(actors)[first]
        place["sector"] = pd.factorize(pd.Series(sectors).replace("", None))[0]
        obs = ~rec
        tie_t = _col(collaborations, "themes").to_numpy()[obs]
        split = pd.Series(tie_t).str.split("|").explode().str.strip()
        split = split[split.notna() & (split != "")]
        tcodes, theme_ids = pd.factorize(split, sort=False)
        theme_ids = np.asarray(theme_ids, dtype=object)
        T = sp.coo_array((np.ones(tcodes.size), (split.index.to_numpy(), tcodes)),
                         shape=(int(obs.sum()), theme_ids.size)).tocsr()
        T.data[:] = 1.0
        keys = np.array(sorted(support), dtype=np.int64)
        weights = np.array([support[k].weight for k in keys.tolist()], dtype=float)
        attributes = Attributes(u[obs], v[obs], T, place, keys, weights)
        if themes is not None and "id" in themes.columns:
            for lang in LANGS:
                for col in (f"label_{lang}", "label_en", "label_sv", "label_nb"):
                    if col in themes.columns:
                        for tid, lab in zip(_col(themes, "id"), _col(themes, col)):
                            if lab and tid not in labels[lang]:
                                labels[lang][tid] = lab
    return Prepared(A, ids, names, recommended, attributes, theme_ids, labels, place_names, sectors,
                    support, doc_titles)


def _sector_values(actors: pd.DataFrame) -> np.ndarray:
    from graph.vocab import DEFAULT_SECTOR

    sector = _col(actors, "sector")
    derived = _col(actors, "type").map(lambda t: DEFAULT_SECTOR.get(t, ""))
    return np.where(sector == "", derived, sector).astype(object)


def _level_values(actors: pd.DataFrame) -> np.ndarray:
    from graph.vocab import DEFAULT_LEVEL

    level = _col(actors, "level")
    derived = _col(actors, "type").map(lambda t: DEFAULT_LEVEL.get(t, ""))
    return np.where(level == "", derived, level).astype(object)


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
    best = _top(s, k)
    best = best[s[best] > 0] if actor is not None or method == "default" else best
    return r[best], c[best], s[best]


def _doc(p: Prepared, document: str) -> str:
    title = p.documents.get(document, "")
    return f' ("{title}")' if title else (f" ({document})" if document else "")


def _recommendation(p: Prepared, key: int, lang: str) -> str:
    sup = p.support.get(key)
    if sup is None:
        return ""
    if sup.group < 0:
        return text(lang, "rec_direct", doc=_doc(p, sup.document))
    return text(lang, "rec_member", a=p.names[sup.partner], group=p.names[sup.group],
                member=p.names[sup.member], doc=_doc(p, sup.document))


def _lower_first(label: str) -> str:
    """A theme label inside a sentence: "Housing" -> "housing" (but "SFI" stays)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _shared_place(p: Prepared, u: int, v: int, lang: str) -> str:
    for key in ("municipality", "region"):
        values = p.place_names.get(key)
        if values is None:
            continue
        other = set(values[v])
        shared = [x for x in values[u] if x in other]
        if shared:
            return join_names(shared, lang, 3)
    return ""


def _reasons(p: Prepared, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, method: str,
             f: dict, a: dict | None, lang: str) -> list[str]:
    A, names = p.A, p.names
    n = A.shape[0]
    common = (A[rows] * A[cols]).tocsr() if rows.size else None
    th = p.attributes.actor_themes(n) if p.attributes is not None else None
    keys = np.minimum(rows, cols) * n + np.maximum(rows, cols)
    rec = is_edge_keys(p.recommended, keys)
    tied = is_edge(A, rows, cols)
    index = INDEX_NAMES[lang]
    out = []
    for i, (u, v) in enumerate(zip(rows.tolist(), cols.tolist())):
        partners = [str(x) for x in names[common.indices[common.indptr[i]:common.indptr[i + 1]]]]
        partners.sort(key=lambda s: s.casefold())
        shared: list[str] = []
        if th is not None:
            tu = set(th.indices[th.indptr[u]:th.indptr[u + 1]])
            tv = set(th.indices[th.indptr[v]:th.indptr[v + 1]])
            shared = sorted(_lower_first(p.theme_labels[lang].get(t, t)) for t in p.theme_ids[sorted(tu & tv)])
        numbers = []
        parts = []
        said = _recommendation(p, int(keys[i]), lang) or (text(lang, "rec_direct", doc="") if rec[i] else "")
        if said:
            parts.append(said)
        if a is not None and p.attributes is not None:
            place = _shared_place(p, u, v, lang)
            if partners or shared or place:
                head = text(lang, "both", partners=join_names(partners, lang)) if partners else text(lang, "both_themes")
                head += text(lang, "on", themes=join_names(shared, lang)) if shared else ""
                head += text(lang, "in", place=place) if place else ""
                head += "" if tied[i] else text(lang, "no_tie")
                parts.append(head)
            elif not said:
                parts.append(text(lang, "no_partner"))
            if partners:
                numbers.append(text(lang, "partner" if len(partners) == 1 else "partners",
                                    n=len(partners), names="").rstrip(": "))
            if shared:
                numbers.append(text(lang, "theme_1" if len(shared) == 1 else "themes_n", n=len(shared)))
            if a["other_country"][i] and not partners:
                parts.append(text(lang, "countries", a=p.place_names["country"][u].upper(),
                                  b=p.place_names["country"][v].upper()))
            if a["complementary"][i]:
                parts.append(text(lang, "complementary", a=_sector_label(p.sectors[u], lang),
                                  b=_sector_label(p.sectors[v], lang)))
        else:
            if partners:
                parts.append(text(lang, "partner" if len(partners) == 1 else "partners",
                                  n=len(partners), names=join_names(partners, lang)))
            elif method == "pa":
                parts.append(text(lang, "degrees", a=names[u], b=names[v], ka=int(f["ku"][i]), kb=int(f["kv"][i])))
            elif f["p3"][i] > 0:
                parts += [text(lang, "no_partner"), text(lang, "paths3", n=int(f["p3"][i]))]
            elif f["katz"][i] > 0:
                parts += [text(lang, "no_partner"), text(lang, "far")]
            elif not said:
                parts.append(text(lang, "nothing"))
        shown = {"default": ("ra", "default"), "katz": ("katz",), "lp": ("lp",)}.get(method, (method,))
        for key in shown:
            value = scores[i] if key == method or key == "default" else f[key][i]
            if key == "ra" and f["ra"][i] == 0:
                continue
            numbers.append(f"{index[key]} {number(float(value))}")
        sentence = "; ".join(x for x in parts if x) + (f" ({', '.join(numbers)})" if numbers else "")
        if tied[i]:
            sentence = f"{text(lang, 'tied')}: {sentence}"
        out.append(sentence[:1].upper() + sentence[1:] + ("." if (a is not None and p.attributes is not None) else ""))
    return out


def is_edge_keys(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """True where a key of ``q`` is in the sorted ``keys``."""
    if keys.size == 0:
        return np.zeros(q.size, dtype=bool)
    return keys[np.searchsorted(keys, q).clip(0, keys.size - 1)] == q


def _sector_label(sector: str, lang: str) -> str:
    from graph.vocab import SECTORS

    return SECTORS.get(sector, {}).get(lang, sector).lower() if sector else sector


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
    _check_lang(lang)
    p = prepare(collaborations, actors, themes, documents)
    pos = None if actor is None else p.position(actor)
    model = fit_default(p.A, p.attributes) if method == "default" else None
    r, c, _ = suggest_matrix(p.A, method, int(top), model=model, attributes=p.attributes, actor=pos)
    s, f, a = _scores(p, r, c, method, model)
    return _frame(p, r, c, s, _reasons(p, r, c, s, method, f, a, lang))


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
    _check_lang(lang)
    for column in ("source", "target"):
        if column not in pairs.columns:
            raise ValueError(f"The pairs table has no {column!r} column.")
    p = prepare(collaborations, actors, themes, documents)
    src, tgt = _col(pairs, "source").to_numpy(), _col(pairs, "target").to_numpy()
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
        reasons[known] = _reasons(p, kr, kc, s, method, f, a, lang)
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
    names = dict(zip(_col(actors, "id"), _col(actors, "name"))) if actors is not None and "name" in actors else {}
    return pd.DataFrame({"id": pd.Series(other, dtype=object),
                         "name": pd.Series([names.get(x) or x for x in other], dtype=object),
                         "score": out["score"].to_numpy(), "reason": out["reason"]})


#: Actor type -> sector category of :func:`sector_gaps`; other types follow their sector.
TYPE_CATEGORY: dict[str, str] = {
    "state_agency": "state_agency",
    "county_board": "public_local",
    "region": "public_local",
    "municipality": "public_local",
    "fund": "public_local",
}


def _categories(actors: pd.DataFrame) -> np.ndarray:
    kind = _col(actors, "type").str.lower().to_numpy()
    sector, level = _sector_values(actors), _level_values(actors)
    by_sector = np.select([(sector == "public") & (level == "national"), sector == "public",
                           sector == "civil_society", sector == "business"],
                          list(CATEGORIES), default="")
    return np.array([TYPE_CATEGORY.get(k, b) for k, b in zip(kind, by_sector)], dtype=object)


def _split(cell: str) -> set[str]:
    return {x.strip() for x in cell.split("|")} - {""}


def sector_gaps(collaborations: pd.DataFrame, actors: pd.DataFrame, *, place: str = "municipality",
                lang: str = "en") -> pd.DataFrame:
    """Which pairs of sector categories have no tie between the actors of each place.

    Categories come from the actor ``type``: ``state_agency`` (state
    agencies), ``public_local`` (county boards, regions, municipalities and
    funds: public money for regional and local development is not a state
    agency), ``civil_society`` and ``business``; other types follow their
    sector (a public actor of national level counts as a state agency, e.g.
    the state-run rural network).  Places are the ``|``-separated values of
    ``municipality`` (or ``region``).  An actor with no place and national
    level (state agencies, national funds) counts in every place *of its own
    country* (IMDi in Norwegian places only, Migrationsverket in Swedish
    ones); a place's countries are those of the actors located in it.  For
    ``place="municipality"``, regional actors without a municipality count in
    the municipalities of their region.

    Returns
    -------
    pandas.DataFrame
        One row per place and unordered category pair: ``place, category_a,
        category_b, actors_a, actors_b, ties`` (observed), ``recommended`` and
        ``note`` ("no tie", "only recommended ties", "no actors" or "").

    Raises
    ------
    ValueError
        For a ``place`` other than "municipality" or "region".

    >>> actors = pd.DataFrame({"id": ["k", "f", "b"], "name": ["K", "F", "B"],
    ...     "type": ["municipality", "association", "business"], "municipality": ["Orust"] * 3})
    >>> ties = pd.DataFrame({"source": ["k", "k"], "target": ["f", "b"], "status": ["", "recommended"]})
    >>> g = sector_gaps(ties, actors)
    >>> g[(g.category_a == "public_local") & (g.category_b == "business")][["ties", "note"]].values.tolist()
    [[0, 'only recommended ties']]
    """
    if place not in ("municipality", "region"):
        raise ValueError(f"Unknown place {place!r}: choose 'municipality' or 'region'.")
    _check_lang(lang)
    ids = _col(actors, "id").to_numpy()
    cat = _categories(actors)
    where = [_split(x) for x in _col(actors, place)]
    regions = [_split(x) for x in _col(actors, "region")]
    country = _col(actors, "country").str.upper().to_numpy()
    level = _level_values(actors)
    nowhere = np.array([not w for w in where])
    national = nowhere & (level == "national") & (cat != "")
    if place == "municipality":
        nowhere &= np.array([not r for r in regions])
    places = sorted(set().union(*where)) if where else []
    status = _col(collaborations, "status").str.lower().to_numpy()
    src, tgt = _col(collaborations, "source").to_numpy(), _col(collaborations, "target").to_numpy()
    rows = []
    for pl in places:
        local = np.array([pl in w for w in where])
        countries = set(country[local]) - {""}
        present = local | (national & (np.isin(country, list(countries)) | (country == "") | (not countries)))
        if place == "municipality":
            regs = set().union(*(regions[i] for i in np.flatnonzero(local)))
            present |= np.array([not w and bool(r & regs) for w, r in zip(where, regions)]) & (cat != "")
        members = dict(zip(ids[present], cat[present]))
        a = pd.Series(src).map(members).to_numpy()
        b = pd.Series(tgt).map(members).to_numpy()
        both = pd.notna(a) & pd.notna(b) & (a != "") & (b != "")
        count = pd.Series(cat[present]).value_counts()
        for x, y in combinations_with_replacement(CATEGORIES, 2):
            if x == y == "state_agency":
                continue
            hit = both & (((a == x) & (b == y)) | ((a == y) & (b == x)))
            ties, recs = int((hit & (status != "recommended")).sum()), int((hit & (status == "recommended")).sum())
            na, nb = int(count.get(x, 0)), int(count.get(y, 0))
            pairs_possible = na * nb if x != y else na * (na - 1) // 2
            note = "" if ties else ("no_actors" if pairs_possible == 0 else
                                    "only_recommended" if recs else "gap")
            rows.append((pl, x, y, na, nb, ties, recs, text(lang, note) if note else ""))
    return pd.DataFrame(rows, columns=["place", "category_a", "category_b", "actors_a", "actors_b",
                                       "ties", "recommended", "note"])


def sector_gap_matrix(gaps: pd.DataFrame, place: str) -> pd.DataFrame:
    """Pivot :func:`sector_gaps` into a symmetric category x category table of tie counts.

    >>> g = pd.DataFrame({"place": ["X"], "category_a": ["business"], "category_b": ["civil_society"],
    ...                   "ties": [2]})
    >>> int(sector_gap_matrix(g, "X").loc["civil_society", "business"])
    2
    """
    g = gaps[gaps["place"] == place]
    both = pd.concat([g[["category_a", "category_b", "ties"]],
                      g.rename(columns={"category_a": "category_b", "category_b": "category_a"})
                      [["category_a", "category_b", "ties"]]])
    both = both.drop_duplicates(["category_a", "category_b"])
    m = both.pivot(index="category_a", columns="category_b", values="ties")
    order = [c for c in CATEGORIES if c in m.index or c in m.columns]
    return m.reindex(index=order, columns=order).fillna(0).astype(int)
