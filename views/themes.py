"""The Themes page: who works on which theme, and where (an actor x theme table that follows the filters)."""

from __future__ import annotations

import streamlit as st

from graph.questions import themes_by_place
from ui import state
from ui.context import current
from ui.i18n import t, theme_labels

__all__ = ["render_themes"]


def render_themes(ctx: dict) -> None:
    """An actor × theme table (ties per theme), with each actor's place; follows the filters."""
    lang = ctx["lang"]
    ds = state.view(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    st.write(t("themes_intro", lang))
    labels = theme_labels(ds.themes, lang)
    table = themes_by_place(ds)
    if table.empty:
        st.caption(t("none_found", lang))
        return
    table = table.drop(columns="id").rename(columns={"name": t("actor", lang), "place": t("place", lang), **labels})
    st.dataframe(table, hide_index=True, width="stretch", key="themes_table")


if __name__ == "__main__":  # run as a page by st.navigation
    render_themes(current())
