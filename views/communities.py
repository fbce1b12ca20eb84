"""The Communities page: one summary line per community (colours match the map's community colouring)."""

from __future__ import annotations

import streamlit as st

from graph.questions import community_summaries
from ui import state
from ui.context import current
from ui.i18n import md_text, tn, vocab_label

__all__ = ["render_communities"]


def render_communities(ctx: dict) -> None:
    """Louvain communities, one summary line each (colours match the map's community colouring)."""
    lang = ctx["lang"]
    G = state.graph_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    groups = state.communities_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    for row in community_summaries(G, groups).itertuples(index=False):
        sector_text = ", ".join(f"{md_text(vocab_label('sector', s, lang))} {c}" for s, c in row.sectors.items()) or "—"
        top = ", ".join(md_text(name) for name in row.members)
        st.write(tn("community_summary", row.size, lang, n=row.group + 1, size=row.size, top=top, sectors=sector_text))


if __name__ == "__main__":  # run as a page by st.navigation
    render_communities(current())
