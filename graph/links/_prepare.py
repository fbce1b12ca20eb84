"""The observed graph of the tables, and what reasons and scores need, built once.

>>> import pandas as pd
>>> p = prepare(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
>>> p.ids.tolist(), int(p.A.nnz)
(['a', 'b', 'c'], 4)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from graph.links._core import adjacency
from graph.links._stack import MEMBER_WEIGHT, RECOMMENDED_WEIGHT, Attributes
from graph.vocab import implied_column

__all__ = ["LANGS", "Support", "Prepared", "prepare", "column", "check_lang", "sector_values", "level_values"]


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


def column(df: pd.DataFrame, name: str) -> pd.Series:
    if name in df.columns:
        return df[name].astype("string").fillna("").astype(str).str.strip()
    return pd.Series([""] * len(df), index=df.index, dtype=object)


def check_lang(lang: str) -> None:
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
    for end in ("source", "target"):
        if end not in collaborations.columns:
            raise ValueError(f"The collaborations table has no {end!r} column.")
    src, tgt = column(collaborations, "source"), column(collaborations, "target")
    has_status = "status" in collaborations.columns
    rec = (column(collaborations, "status").str.lower() == "recommended").to_numpy() if has_status \
        else np.zeros(len(src), dtype=bool)
    actor_ids = column(actors, "id") if actors is not None and "id" in actors.columns else pd.Series([], dtype=object)
    codes, uniques = pd.factorize(pd.concat([actor_ids, src, tgt], ignore_index=True), sort=False)
    ids = np.asarray(uniques, dtype=object)
    n, na, m = ids.size, len(actor_ids), len(src)
    u, v = codes[na:na + m].astype(np.int64), codes[na + m:].astype(np.int64)
    A = adjacency(u[~rec], v[~rec], n) if rec.any() else adjacency(u, v, n)
    lo, hi = np.minimum(u[rec], v[rec]), np.maximum(u[rec], v[rec])
    recommended = np.unique(lo * n + hi)
    support: dict[int, Support] = {}
    if rec.any():
        member = ((column(collaborations, "kind").str.lower() == "membership").to_numpy() & ~rec)
        support = _support(n, u, v, rec, member, column(collaborations, "document").to_numpy())
    doc_titles: dict[str, str] = {}
    if documents is not None and "id" in documents.columns:
        doc_titles = {d: t for d, t in zip(column(documents, "id"), column(documents, "title")) if d and t}
    names = ids.copy()
    place_names: dict[str, np.ndarray] = {}
    sectors = np.full(n, "", dtype=object)
    attributes = None
    theme_ids = np.array([], dtype=object)
    labels: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    if actors is not None:
        first = ~actor_ids.duplicated().to_numpy()
        pos = codes[:na][first]
        got = column(actors, "name").to_numpy()[first]
        names[pos] = np.where(got == "", ids[pos], got)
        place: dict[str, np.ndarray | sp.csr_array] = {}
        for key in ("municipality", "region", "country"):
            values = np.full(n, "", dtype=object)
            values[pos] = column(actors, key).to_numpy()[first]
            if key == "country":
                place_names[key] = values
                place[key] = pd.factorize(pd.Series(values).str.upper().replace("", None))[0]
            else:
                M, place_names[key] = _multi(values)
                if M is not None:
                    place[key] = M
        sectors[pos] = sector_values(actors)[first]
        place["sector"] = pd.factorize(pd.Series(sectors).replace("", None))[0]
        obs = ~rec
        tie_t = column(collaborations, "themes").to_numpy()[obs]
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
                        for tid, lab in zip(column(themes, "id"), column(themes, col)):
                            if lab and tid not in labels[lang]:
                                labels[lang][tid] = lab
    return Prepared(A, ids, names, recommended, attributes, theme_ids, labels, place_names, sectors,
                    support, doc_titles)


def sector_values(actors: pd.DataFrame) -> np.ndarray:
    """Each actor's sector, or the one its type implies (:func:`graph.vocab.implied_column`)."""
    return implied_column(actors, "sector").to_numpy(dtype=object)


def level_values(actors: pd.DataFrame) -> np.ndarray:
    """Each actor's level, or the one its type implies."""
    return implied_column(actors, "level").to_numpy(dtype=object)
