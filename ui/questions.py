"""Views that answer questions: paths between two actors, brokers and weak points, communities, themes by place."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from graph import analysis
from graph.questions import community_summaries, themes_by_place
from ui import state
from ui.graph_view import graph_view
from ui.i18n import md_text, t, theme_labels, tn, vocab_label
from ui.widgets import actor_picker, quote_block

__all__ = ["render_paths", "render_brokers", "render_communities", "render_themes"]


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
    drawing, _ = state.drawing_of(ctx["key"], filters, None, "sector", "degree", lang, ctx["ds"])
    graph_view(drawing, key="path_map", height=480, path=[(h["from"], h["to"]) for p in shown for h in p],
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
                        quote_block(tie["evidence"], titles.get(tie.get("document", ""), tie.get("document", "")))


def render_brokers(ctx: dict) -> None:
    """Betweenness, Burt's constraint, articulation points and bridges, each explained."""
    lang = ctx["lang"]
    found = state.brokers_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    G, table = found.graph, found.table
    st.write(t("brokers_intro", lang))
    notes = [tn("brokers_left_out", found.left_out, lang, n=found.left_out)] if found.left_out else []
    if found.sampled_from:
        notes.append(t("brokers_sampled", lang, k=found.sampled_from))
    st.caption(" ".join([t("brokers_existing", lang), *notes]))
    columns = [c for c in ("name", "partners", "betweenness", "constraint", "articulation_point") if c in table]
    shown = table[columns].rename(
        columns={
            "name": t("actor", lang),
            "partners": t("degree", lang),
            "betweenness": t("betweenness", lang),
            "constraint": t("constraint", lang),
            "articulation_point": t("articulation", lang),
        }
    )
    st.dataframe(shown.head(50), hide_index=True, width="stretch", key="brokers_table")
    names = _names(G)
    st.markdown(f"#### {t('weak_points', lang)}")
    if "cut_off" not in table:  # large networks: not computed
        st.caption(t("not_computed_large", lang))
    else:
        cut = table[table["articulation_point"]].sort_values("cut_off", ascending=False)
        if cut.empty:
            st.caption(t("none_found", lang))
        for actor, n in zip(cut["id"], cut["cut_off"], strict=True):
            st.write("• " + tn("cut_sentence", int(n), lang, name=md_text(names[actor]), n=int(n)))
    st.markdown(f"#### {t('bridges', lang)}")
    found = analysis.bridges(G)
    if not found:
        st.caption(t("none_found", lang))
    for a, b in found[:30]:
        st.write("• " + t("bridge_sentence", lang, a=md_text(names[a]), b=md_text(names[b])))


def render_communities(ctx: dict) -> None:
    """Louvain communities, one summary line each (colours match the map's community colouring)."""
    lang = ctx["lang"]
    G = state.graph_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    groups = state.communities_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    for row in community_summaries(G, groups).itertuples(index=False):
        sector_text = ", ".join(f"{md_text(vocab_label('sector', s, lang))} {c}" for s, c in row.sectors.items()) or "—"
        top = ", ".join(md_text(name) for name in row.members)
        st.write(tn("community_summary", row.size, lang, n=row.group + 1, size=row.size, top=top, sectors=sector_text))


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
