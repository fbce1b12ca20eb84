"""Reasons in words for suggested ties: common partners, themes, places, a source's recommendation.

>>> import pandas as pd
>>> from graph.links._prepare import prepare
>>> p = prepare(pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"]}))
>>> lower_first("Housing"), lower_first("SFI")
('housing', 'SFI')
"""

from __future__ import annotations

import numpy as np

from graph.links._core import in_sorted, is_edge
from graph.links._prepare import Prepared
from graph.links._text import INDEX_NAMES, join_names, number, text
from graph.text import figures

__all__ = ["explain_pairs", "lower_first", "sector_label"]


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


def lower_first(label: str) -> str:
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


def explain_pairs(p: Prepared, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, method: str,
             f: dict, a: dict | None, lang: str) -> list[str]:
    A, names = p.A, p.names
    n = A.shape[0]
    common = (A[rows] * A[cols]).tocsr() if rows.size else None
    th = p.attributes.actor_themes(n) if p.attributes is not None else None
    keys = np.minimum(rows, cols) * n + np.maximum(rows, cols)
    rec = in_sorted(p.recommended, keys)
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
            shared = sorted(lower_first(p.theme_labels[lang].get(t, t)) for t in p.theme_ids[sorted(tu & tv)])
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
                parts.append(text(lang, "complementary", a=sector_label(p.sectors[u], lang),
                                  b=sector_label(p.sectors[v], lang)))
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
            numbers.append(f"{index[key]} {number(float(value), lang)}")
        sentence = "; ".join(x for x in parts if x) + (f" ({figures(numbers, lang)})" if numbers else "")
        if tied[i]:
            sentence = f"{text(lang, 'tied')}: {sentence}"
        out.append(sentence[:1].upper() + sentence[1:] + ("." if (a is not None and p.attributes is not None) else ""))
    return out




def sector_label(sector: str, lang: str) -> str:
    from graph.vocab import SECTORS, label

    return label(SECTORS, sector, lang).lower() if sector else sector
