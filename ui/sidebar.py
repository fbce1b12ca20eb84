"""The sidebar: language, filters, search, focus and drawing options, returned as a plain dict.

Widgets are found by their ``key`` in tests; :func:`filters_key` turns the
choices into the hashable tuple the caches use.
"""

from __future__ import annotations

import streamlit as st

from graph.build import timeline_years
from graph.model import Dataset
from graph.style import country_label
from ui import state
from ui.i18n import LANG_NAMES, t, theme_labels, vocab_label
from ui.widgets import actor_picker

__all__ = ["language", "filters", "filters_key", "search", "year_choice", "shown", "outdated"]

FILTER_KEYS = ("types", "sectors", "levels", "countries", "regions", "municipalities", "themes", "kinds", "statuses")


def language() -> str:
    """The language picker (Swedish by default); returns ``sv``, ``en`` or ``nb``."""
    return st.sidebar.selectbox("Språk / Language / Språk", list(LANG_NAMES), format_func=LANG_NAMES.get, key="lang")


def _period_start(years: list[str]) -> tuple[str, str]:
    """Where the period slider starts when the years change (an edit gave a tie a new year): on every year if
    it showed every year before (or its years are gone), else on the period the user chose."""
    state, whole = st.session_state, (years[0], years[-1])
    before = state.get("filter_period_whole")
    if before != whole:
        chosen = state.pop("filter_period", None)  # the widget starts again from the value given
        state["filter_period_whole"] = whole
        if chosen is not None and tuple(chosen) != before and set(chosen) <= set(years):
            return tuple(chosen)
    return whole


def filters(ds: Dataset, values: dict[str, list[str]], lang: str) -> dict:
    """Filter widgets for the ``values`` present; returns ``filter_dataset`` keyword arguments."""
    theme_label = theme_labels(ds.themes, lang)
    shows = {
        "types": lambda v: vocab_label("type", v, lang), "sectors": lambda v: vocab_label("sector", v, lang),
        "levels": lambda v: vocab_label("level", v, lang), "themes": lambda v: theme_label.get(v, v),
        "countries": lambda v: country_label(v, lang),
        "kinds": lambda v: vocab_label("kind", v, lang), "statuses": lambda v: vocab_label("status", v, lang),
    }
    labels = {"types": "type", "sectors": "sector", "levels": "level", "countries": "country", "regions": "region",
              "municipalities": "municipality", "themes": "theme", "kinds": "kind", "statuses": "status"}
    chosen: dict = {}
    with st.sidebar.expander(t("filters", lang), expanded=False):
        for name, label in labels.items():
            if values[name]:
                chosen[name] = st.multiselect(t(label, lang), values[name], format_func=shows.get(name, str),
                                              key=f"filter_{name}", placeholder=t("all", lang),
                                              select_all=False)
        years = values["years"]
        if len(years) > 1:
            lo, hi = st.select_slider(t("period", lang), options=years, value=_period_start(years),
                                      key="filter_period")
            if (lo, hi) != (years[0], years[-1]):
                chosen["period"] = (lo, f"{hi}-12-31")
    return chosen


def filters_key(chosen: dict, year: str | None = None) -> tuple:
    """A hashable, order-independent form of the filter choices (empty filters dropped), the year last.

    >>> filters_key({"types": ["b", "a"], "kinds": []}, "2019")
    (('types', ('a', 'b')), ('year', '2019'))
    """
    chosen = {**chosen, "year": year} if year else chosen
    return tuple(sorted((k, tuple(sorted(v)) if isinstance(v, list) else v) for k, v in chosen.items() if v))


def year_choice(years: list[str], lang: str) -> str | None:
    """The timeline: the map as of one year (``None``: every tie whatever its dates), with steps back and forth."""
    if not years:
        return None
    options = ["", *timeline_years(years)]
    if st.session_state.get("year") not in options:
        st.session_state["year"] = ""
    col = st.sidebar.columns([1, 4, 1], vertical_alignment="bottom")
    now = options.index(st.session_state["year"])
    if col[0].button("", key="year_back", disabled=now <= 1, help=t("year_back", lang),
                     icon=":material/chevron_left:"):
        st.session_state["year"] = options[now - 1]
    if col[2].button("", key="year_next", disabled=now == len(options) - 1, help=t("year_next", lang),
                     icon=":material/chevron_right:"):
        st.session_state["year"] = options[now + 1] if now else options[1]
    col[1].select_slider(t("year", lang), options=options, key="year",
                         format_func=lambda y: y or t("year_all", lang))
    return st.session_state["year"] or None


def search(labels: dict[str, str], lang: str, on_change=None) -> str | None:
    """A search box over ``labels`` (actor id -> name and aliases); returns the chosen actor id (or None)."""
    return actor_picker(t("search", lang), labels, "search", container=st.sidebar, on_change=on_change)


def shown(labels: dict[str, str], values: dict[str, list[str]]) -> None:
    """Remember what this run of the whole app offers in the search box (``labels``) and the filters
    (``values``), for :func:`outdated`."""
    st.session_state["_sidebar_shows"] = (labels, values)


def outdated(key: str, ds: Dataset) -> bool:
    """Whether the search box or the filters would offer something else for ``ds`` than they do now (a fragment
    that ran on its own saved a name, an alias or a region): then the whole app should run again."""
    return st.session_state.get("_sidebar_shows") != (state.search_labels_of(key, ds), state.filter_values_of(key, ds))
