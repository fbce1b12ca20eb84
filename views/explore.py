"""The Explore view: the map, the legend, and the selected actor's details with the evidence of its ties."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.build import actor_record
from graph.describe import ties_in_words
from graph.model import Dataset
from graph.style import country_label
from graph.text import decimal
from ui import access, address, drawing, graph_view, sidebar, state
from ui.context import current
from ui.edit_common import toast_flash
from ui.edit_forms import actor_form, forget_typed
from ui.i18n import md_text, t, vocab_label
from ui.reruns import fragment_only
from ui.state import year_of
from ui.widgets import brief_button, quote_markdown

__all__ = ["render_explore", "select"]


def select(actor: str | None) -> None:
    """Make ``actor`` the selected actor (from a click, a search or a link)."""
    st.session_state["selected"] = actor


def _on_click() -> None:
    value = getattr(st.session_state.get("graph"), "selected", None)
    if value:
        select(str(value))
        st.session_state["search"] = str(value)  # the sidebar's search box names the actor clicked
    st.rerun()  # the whole app, not the map's fragment alone: the search box and the focus follow the click


def drawing_options(lang: str, has_colours: bool) -> tuple[str, str]:
    colour_choices = ["sector", "type", "community"] + (["color"] if has_colours else [])
    colour_names = {
        "sector": t("sector", lang),
        "type": t("type", lang),
        "community": t("community", lang),
        "color": t("file_colour", lang),
    }
    size_names = {"degree": t("degree", lang), "betweenness": t("betweenness", lang), "none": t("none", lang)}
    left, right = st.columns(2)
    color_by = left.selectbox(t("color_by", lang), colour_choices, format_func=colour_names.get, key="color_by")
    size_by = right.selectbox(t("size_by", lang), list(size_names), format_func=size_names.get, key="size_by")
    return color_by, size_by


def render_map(key: str, ds: Dataset, view_key: tuple, lang: str, selected: str | None) -> None:
    filters, focus = view_key
    color_by, size_by = drawing_options(lang, "color" in ds.actors.columns)
    data, shown = drawing.drawing_of(key, filters, focus, color_by, size_by, lang, ds)
    graph_view.graph_view(data, key="graph", height=620, selected=selected if selected in shown else None,
                          on_select=_on_click, snapshot_label=t("snapshot", lang),
                          patch=drawing.map_patch_of(key, filters, focus, color_by, size_by, lang, ds))


def _show_ties(rows: list[dict], lang: str) -> None:
    """The actor's ties with their quotes, as one piece of text (an element each made every rerun after an
    edit a page of hundreds for the browser to lay out)."""
    parts = []
    for row in rows:
        facts = " · ".join(md_text(x) for x in (row["kind"], row["status"], row["themes"], row["period"]) if x)
        parts.append(f"**{md_text(row['partner'])}** · {facts}")
        if row["quote"]:
            parts.append(quote_markdown(row["quote"], row["document"], lang=lang))
        elif row["document"]:
            parts.append(f":gray[{t('document', lang)}: {md_text(row['document'])}]")
    if parts:
        st.markdown("\n\n".join(parts))


def render_details(key: str, ds: Dataset, view_key: tuple, lang: str, actor: str | None) -> None:
    row = actor_record(ds, actor) if actor else None  # the actor's columns, sector and level defaulted
    if row is None:
        st.info(t("click_hint", lang))
        return
    st.subheader(md_text(row["name"] or actor))
    facts = {
        t("type", lang): vocab_label("type", row["type"], lang),
        t("sector", lang): vocab_label("sector", row["sector"], lang),
        t("level", lang): vocab_label("level", row["level"], lang),
        t("country", lang): country_label(row["country"], lang) if row["country"] else "",
        t("region", lang): row["region"].replace("|", ", "),
        t("municipality", lang): row["municipality"].replace("|", ", "),
        t("aliases", lang): ", ".join(row["aliases"]),
    }
    st.markdown("  \n".join(f"**{md_text(k)}:** {md_text(v)}" for k, v in facts.items() if v and v != "—"))
    if row["description"]:
        st.text(row["description"])
    brief_button(t("brief_actor", lang), key, ds, lang, year_of(view_key[0]), widget_key="brief_actor", actor=actor)
    engine = state.store_engine()
    if engine is not None and access.can_write():  # edited where it is drawn: the open map takes the edit in place
        with st.popover(t("edit_this_actor", lang)):
            actor_form(engine, actor, lang, key="map_actor_form")
    filters, focus = view_key
    metrics = state.metrics_of(key, filters, focus, ds)
    if actor in metrics.index:
        m = metrics.loc[actor]
        cols = st.columns(3)
        cols[0].metric(t("degree", lang), int(m["partners"]))
        cols[1].metric(t("betweenness", lang), decimal(m["betweenness"], lang))
        cols[2].metric(t("constraint", lang), "—" if pd.isna(m["constraint"]) else decimal(m["constraint"], lang, 2))
        st.caption(t("brokers_existing", lang))  # the ties below may be planned or ended too
    view = state.view(key, filters, focus, ds)
    rows = ties_in_words(view, [actor], lang)
    st.markdown(f"**{t('ties_of', lang, n=len(rows))}**")
    if not rows:
        st.caption(t("no_ties", lang))
    _show_ties(rows, lang)


@st.fragment(key="explore")
def render_explore() -> None:
    """The map and the details panel side by side: a fragment, so that a save in the details' form runs this
    part alone first. The map shows the edit without waiting for the rest of the page, which a run of the whole
    app then brings up to date (the sidebar's search box and filters)."""
    graph_view.new_run(fragment=True)
    ctx = current()  # read at every run, a run of this part alone included: the data as stored now
    lang, key, ds = ctx["lang"], ctx["key"], ctx["ds"]
    filters, focus = ctx["filters"], ctx["focus"]
    with st.container():  # always there: the elements after it keep their places, so the map is not drawn anew
        toast_flash()  # a toast: a message above the map would move it down
    forget_typed()
    view = state.view(key, filters, focus, ds)
    st.caption(
        t(
            "showing",
            lang,
            actors=len(view.actors),
            all_actors=len(ds.actors),
            ties=len(view.collaborations),
            all_ties=len(ds.collaborations),
        )
    )
    if ctx.get("year"):
        st.caption(t("year_caption", lang, year=ctx["year"]))
    if view.actors.empty:
        st.warning(t("empty_view", lang))
        return
    left, right = st.columns([3, 2])
    with left:
        render_map(key, ds, (filters, focus), lang, ctx["selected"])
    with right:
        st.markdown(f"#### {t('details', lang)}")
        render_details(key, ds, (filters, focus), lang, st.session_state.get("selected"))
    if not fragment_only():
        return
    address.write_link("explore")  # the address names the colours and sizes chosen here
    if sidebar.outdated(key, ds):  # an edit (saved here, or a colleague's) changed the search box or the filters:
        st.rerun()  # the whole page runs again


if __name__ == "__main__":  # run as a page by st.navigation
    render_explore()
