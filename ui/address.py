"""A link for every view: the address bar's query parameters <-> the app's choices.

``?lang=en&actor=migrationsverket&depth=1&sector=public,civil_society&year=2019``
opens the same view for a colleague.  Values are the data's ids and codes;
an unknown value is dropped and named in a short notice, never an error.
:func:`parse_link` and :func:`link_of` are plain functions (tests call them
without Streamlit); :func:`apply_link` and :func:`write_link` connect them to
the session.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from graph.build import timeline_years

__all__ = ["FILTER_PARAMS", "parse_link", "link_of", "apply_link", "write_link", "COLOR_CHOICES", "SIZE_CHOICES"]

#: Query parameter -> keyword of ``filter_dataset`` (and widget ``filter_<keyword>``).
FILTER_PARAMS = {"type": "types", "sector": "sectors", "level": "levels", "country": "countries",
                 "region": "regions", "municipality": "municipalities", "theme": "themes", "kind": "kinds",
                 "status": "statuses"}
COLOR_CHOICES = ("sector", "type", "community", "color")
SIZE_CHOICES = ("degree", "betweenness", "none")
LANGS = ("sv", "en", "nb")


def _values(text: str) -> list[str]:
    return [v.strip() for v in str(text).split(",") if v.strip()]


def parse_link(params: Mapping[str, str], options: Mapping[str, list], actors: set[str]) -> tuple[dict, list[str]]:
    """Session-state values for the query ``params``, and the ``name=value`` pairs that were ignored.

    ``options`` is :func:`graph.build.filter_options` of the data; ``actors`` its actor ids.

    >>> opts = {"sectors": ["public"], "years": ["2019"], "regions": ["Dalsland"], "municipalities": []}
    >>> state, unknown = parse_link({"sector": "public,nope", "actor": "x", "depth": "2", "year": "2019"},
    ...                             opts, {"x"})
    >>> state["filter_sectors"], state["selected"], state["focus_depth"], state["year"], unknown
    (['public'], 'x', 2, '2019', ['sector=nope'])
    """
    state: dict = {}
    unknown: list[str] = []

    def keep(name: str, value: str, allowed) -> bool:
        if value in allowed:
            return True
        unknown.append(f"{name}={value}")
        return False

    for name, keyword in FILTER_PARAMS.items():
        if name in params:
            chosen = [v for v in _values(params[name]) if keep(name, v, options.get(keyword, []))]
            if chosen:
                state[f"filter_{keyword}"] = chosen
    single = {"lang": ("lang", LANGS), "color": ("color_by", COLOR_CHOICES), "size": ("size_by", SIZE_CHOICES),
              "depth": ("focus_depth", ("0", "1", "2", "3")), "year": ("year", timeline_years(options.get("years", []))),
              "place": ("links_place", options.get("regions", []) + options.get("municipalities", [])),
              "across": ("links_across", ("0", "1"))}
    for name, (key, allowed) in single.items():
        if name in params and keep(name, params[name], allowed):
            state[key] = params[name]
    for name, key in (("actor", "selected"), ("from", "path_from"), ("to", "path_to")):
        if name in params and keep(name, params[name], actors):
            state[key] = params[name]
    if "focus_depth" in state:
        state["focus_depth"] = int(state["focus_depth"])
    if "links_across" in state:
        state["links_across"] = state["links_across"] == "1"
    if "selected" in state:
        state["search"] = state["links_actor"] = state["selected"]
    if "filter_themes" in state:
        state["links_theme"] = state["filter_themes"][0]
    return state, unknown


def link_of(state: Mapping, *, page: str = "") -> dict[str, str]:
    """The query parameters of the view held in ``state`` (session state), defaults left out.

    >>> link_of({"lang": "en", "selected": "af", "focus_depth": 0, "filter_kinds": ["funding", "dialogue"]})
    {'lang': 'en', 'actor': 'af', 'kind': 'funding,dialogue'}
    """
    out: dict[str, str] = {}
    if state.get("lang") and state["lang"] != "sv":
        out["lang"] = state["lang"]
    if state.get("selected"):
        out["actor"] = str(state["selected"])
    if state.get("focus_depth"):
        out["depth"] = str(state["focus_depth"])
    if state.get("color_by") and state["color_by"] != "sector":
        out["color"] = state["color_by"]
    if state.get("size_by") and state["size_by"] != "degree":
        out["size"] = state["size_by"]
    for name, keyword in FILTER_PARAMS.items():
        if state.get(f"filter_{keyword}"):
            out[name] = ",".join(state[f"filter_{keyword}"])
    if state.get("year"):
        out["year"] = str(state["year"])
    if page == "paths":
        for name, key in (("from", "path_from"), ("to", "path_to")):
            if state.get(key):
                out[name] = str(state[key])
    if page == "suggestions":
        if state.get("links_place"):
            out["place"] = state["links_place"]
        if state.get("links_across"):
            out["across"] = "1"
    return out


def apply_link(options: Mapping[str, list], actors: set[str]) -> list[str]:
    """Once per session: put the address's choices into session state; returns what was ignored."""
    if st.session_state.get("_link_applied"):
        return []
    st.session_state["_link_applied"] = True
    params = {k: st.query_params.get(k) for k in st.query_params}
    state, unknown = parse_link(params, options, actors)
    for key, value in state.items():
        if key != "lang":
            st.session_state[key] = value
    return unknown


def requested_language() -> str | None:
    """The ``lang`` of the address on the session's first run (``None`` after, or when absent or unknown)."""
    if st.session_state.get("_link_applied"):
        return None
    lang = st.query_params.get("lang")
    return lang if lang in LANGS else None


def write_link(page: str) -> None:
    """Make the address bar show the current view (only the parameters that changed are written)."""
    wanted = link_of(st.session_state, page=page)
    current = {k: st.query_params.get(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
