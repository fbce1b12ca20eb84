"""The sidebar: language, filters, search, focus and drawing options, returned as a plain dict.

Widgets are found by their ``key`` in tests; :func:`filters_key` turns the
choices into the hashable tuple the caches use.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.model import Dataset, split_multi
from graph.vocab import ACTOR_TYPES, KINDS, LEVELS, SECTORS, STATUSES
from ui.i18n import LANG_NAMES, t, vocab_label

__all__ = ["language", "filters", "filters_key", "search"]

FILTER_KEYS = ("types", "sectors", "levels", "countries", "regions", "municipalities", "themes", "kinds", "statuses")


def language() -> str:
    """The language picker (Swedish by default); returns ``sv``, ``en`` or ``nb``."""
    return st.sidebar.selectbox("Språk / Language / Språk", list(LANG_NAMES), format_func=LANG_NAMES.get, key="lang")


def _values(series: pd.Series, *, multi: bool = False) -> list[str]:
    values = {v for cell in series for v in (split_multi(cell) if multi else [cell]) if v}
    return sorted(values, key=str.casefold)


def _ordered(found: list[str], vocabulary: dict) -> list[str]:
    return [v for v in vocabulary if v in found] + [v for v in found if v not in vocabulary]


def filters(ds: Dataset, lang: str) -> dict:
    """Filter widgets for the values present in ``ds``; returns ``filter_dataset`` keyword arguments."""
    actors, ties = ds.actors, ds.collaborations
    theme_label = dict(zip(ds.themes["id"], ds.themes.get(f"label_{lang}", ds.themes["id"]), strict=False))
    status = ties["status"].where(ties["status"] != "", "existing")
    options = {
        "types": (
            t("type", lang),
            _ordered(_values(actors["type"]), ACTOR_TYPES),
            lambda v: vocab_label("type", v, lang),
        ),
        "sectors": (
            t("sector", lang),
            _ordered(_values(actors["sector"]), SECTORS),
            lambda v: vocab_label("sector", v, lang),
        ),
        "levels": (
            t("level", lang),
            _ordered(_values(actors["level"]), LEVELS),
            lambda v: vocab_label("level", v, lang),
        ),
        "countries": (t("country", lang), _values(actors["country"]), str),
        "regions": (t("region", lang), _values(actors["region"], multi=True), str),
        "municipalities": (t("municipality", lang), _values(actors["municipality"], multi=True), str),
        "themes": (t("theme", lang), _values(ties["themes"], multi=True), lambda v: theme_label.get(v) or v),
        "kinds": (t("kind", lang), _ordered(_values(ties["kind"]), KINDS), lambda v: vocab_label("kind", v, lang)),
        "statuses": (t("status", lang), _ordered(_values(status), STATUSES), lambda v: vocab_label("status", v, lang)),
    }
    chosen: dict = {}
    with st.sidebar.expander(t("filters", lang), expanded=False):
        for name, (label, values, show) in options.items():
            if values:
                chosen[name] = st.multiselect(
                    label, values, format_func=show, key=f"filter_{name}", placeholder=t("all", lang)
                )
        years = sorted({d[:4] for d in pd.concat([ties["start"], ties["end"]]) if d[:4].isdigit()})
        if len(years) > 1:
            lo, hi = st.select_slider(
                t("period", lang), options=years, value=(years[0], years[-1]), key="filter_period"
            )
            if (lo, hi) != (years[0], years[-1]):
                chosen["period"] = (lo, f"{hi}-12-31")
    return chosen


def filters_key(chosen: dict) -> tuple:
    """A hashable, order-independent form of the filter choices (empty filters dropped)."""
    return tuple(sorted((k, tuple(sorted(v)) if isinstance(v, list) else v) for k, v in chosen.items() if v))


def search(ds: Dataset, lang: str, on_change=None) -> str | None:
    """A search box over names and aliases; returns the chosen actor id (or None)."""
    actors = ds.actors
    labels = {}
    for row in actors[["id", "name", "aliases"]].itertuples(index=False):
        aliases = split_multi(row.aliases)
        labels[row.id] = row.name + (f" ({', '.join(aliases)})" if aliases else "")
    ids = sorted(labels, key=lambda i: labels[i].casefold())
    return st.sidebar.selectbox(
        t("search", lang), ids, index=None, format_func=labels.get, key="search", placeholder="…", on_change=on_change
    )
