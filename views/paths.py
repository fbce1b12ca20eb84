"""The Paths page: all shortest paths between two actors, each hop with its quotes, and on the map."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from graph import analysis
from ui import drawing, state
from ui.context import current
from ui.graph_view import graph_view
from ui.i18n import md_text, t, tn, vocab_label
from ui.widgets import actor_picker, quote_block

__all__ = ["render_paths"]


def _names(G: nx.Graph) -> dict[str, str]:
    return {n: G.nodes[n].get("name", n) for n in G}


def render_paths(ctx: dict) -> None:
    """All shortest paths between two actors, each hop with the evidence of its ties, and on the map.

    Existing ties only, unless the user asks to walk planned, recommended and ended ties too. The map is
    the one the paths were searched in; the chosen path (or all of them) stands out, the rest is faded.
    """
    lang = ctx["lang"]
    every = st.checkbox(t("path_all_ties", lang), key="path_all_ties")
    filters = ctx["filters"] if every else tuple(sorted({**dict(ctx["filters"]), "statuses": ("existing",)}.items()))
    G = state.graph_of(ctx["key"], filters, None, ctx["ds"])
    names = _names(G)
    left, right = st.columns(2)
    with left:
        source = actor_picker(t("from", lang), names, "path_from", default=st.session_state.get("selected"))
    with right:
        target = actor_picker(t("to", lang), names, "path_to")
    if not source or not target or source == target:
        return
    try:
        paths = analysis.shortest_paths(G, source, target)
    except nx.NetworkXNoPath:
        st.warning(t("no_path", lang, a=md_text(names[source]), b=md_text(names[target])))
        return
    st.success(tn("paths_found", len(paths), lang, n=len(paths), steps=len(paths[0])))
    shown = paths
    if len(paths) > 1:
        choice = st.segmented_control(t("paths", lang), ["all", *range(1, len(paths) + 1)], default="all",
                                      key="path_shown", format_func=lambda c: t("all", lang) if c == "all"
                                      else t("path_n", lang, n=c, steps=len(paths[0])))
        shown = paths if choice in (None, "all") else [paths[int(choice) - 1]]
    map_json, _ = drawing.drawing_of(ctx["key"], filters, None, "sector", "degree", lang, ctx["ds"])
    graph_view(map_json, key="path_map", height=480, path=[(h["from"], h["to"]) for p in shown for h in p],
               snapshot_label=t("snapshot", lang))
    titles = dict(zip(ctx["ds"].documents["id"], ctx["ds"].documents["title"], strict=True))
    for number, hops in enumerate(paths, start=1):
        chain = " → ".join(md_text(names[n]) for n in [hops[0]["from"]] + [h["to"] for h in hops])
        with st.expander(f"{t('path_n', lang, n=number, steps=len(hops))}: {chain}", expanded=number == 1):
            for hop in hops:
                st.markdown(f"**{md_text(names[hop['from']])} — {md_text(names[hop['to']])}**")
                for tie in hop["ties"]:
                    kind = vocab_label("kind", tie.get("kind", ""), lang)
                    status = vocab_label("status", tie.get("status") or "existing", lang)
                    st.markdown(f"{md_text(kind)} · {md_text(status)}")
                    if tie.get("evidence"):
                        quote_block(tie["evidence"], titles.get(tie.get("document", ""), tie.get("document", "")),
                                    lang=lang)


if __name__ == "__main__":  # run as a page by st.navigation
    render_paths(current())
