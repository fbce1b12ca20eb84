"""The sidebar: language, filters, search, focus and drawing options, returned as a plain dict.

Widgets are found by their ``key`` in tests; :func:`filters_key` turns the
choices into the hashable tuple the caches use.
"""

from __future__ import annotations

import streamlit as st

from graph.model import Dataset
from ui.i18n import LANG_NAMES, t, theme_labels, vocab_label
from ui.widgets import actor_picker

__all__ = ["language", "filters", "filters_key", "search"]

FILTER_KEYS = ("types", "sectors", "levels", "countries", "regions", "municipalities", "themes", "kinds", "statuses")


def language() -> str:
    """The language picker (Swedish by default); returns ``sv``, ``en`` or ``nb``."""
    return st.sidebar.selectbox("Språk / Language / Språk", list(LANG_NAMES), format_func=LANG_NAMES.get, key="lang")


def filters(ds: Dataset, values: dict[str, list[str]], lang: str) -> dict:
    """Filter widgets for the ``values`` present; returns ``filter_dataset`` keyword arguments."""
    theme_label = theme_labels(ds.themes, lang)
    shows = {
        "types": lambda v: vocab_label("type", v, lang), "sectors": lambda v: vocab_label("sector", v, lang),
        "levels": lambda v: vocab_label("level", v, lang), "themes": lambda v: theme_label.get(v, v),
        "kinds": lambda v: vocab_label("kind", v, lang), "statuses": lambda v: vocab_label("status", v, lang),
    }
    labels = {"types": "type", "sectors": "sector", "levels": "level", "countries": "country", "regions": "region",
              "municipalities": "municipality", "themes": "theme", "kinds": "kind", "statuses": "status"}
    chosen: dict = {}
    with st.sidebar.expander(t("filters", lang), expanded=False):
        for name, label in labels.items():
            if values[name]:
                chosen[name] = st.multiselect(t(label, lang), values[name], format_func=shows.get(name, str),
                                              key=f"filter_{name}", placeholder=t("all", lang))
        years = values["years"]
        if len(years) > 1:
            lo, hi = st.select_slider(t("period", lang), options=years, value=(years[0], years[-1]),
                                      key="filter_period")
            if (lo, hi) != (years[0], years[-1]):
                chosen["period"] = (lo, f"{hi}-12-31")
    return chosen


def filters_key(chosen: dict) -> tuple:
    """A hashable, order-independent form of the filter choices (empty filters dropped)."""
    return tuple(sorted((k, tuple(sorted(v)) if isinstance(v, list) else v) for k, v in chosen.items() if v))


def search(labels: dict[str, str], lang: str, on_change=None) -> str | None:
    """A search box over ``labels`` (actor id -> name and aliases); returns the chosen actor id (or None)."""
    return actor_picker(t("search", lang), labels, "search", container=st.sidebar, on_change=on_change)
