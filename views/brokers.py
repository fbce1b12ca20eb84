"""The Brokers page: betweenness, Burt's constraint, articulation points and bridges, each explained."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.text import decimal
from ui import state
from ui.context import current
from ui.i18n import md_text, t, tn

__all__ = ["render_brokers"]


def render_brokers(ctx: dict) -> None:
    """Betweenness, Burt's constraint, articulation points and bridges, each explained."""
    lang = ctx["lang"]
    found = state.brokers_of(ctx["key"], ctx["filters"], ctx["focus"], ctx["ds"])
    table = found.table  # every actor of the view, named: no graph is built (seconds at 200,000 actors)
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
    shown = shown.head(50)
    for column, digits in ((t("betweenness", lang), 3), (t("constraint", lang), 2)):  # as the map's details say them
        if column in shown:  # text in the language's way (0,155 in sv/nb); one digit before the point, so it sorts
            shown[column] = [("—" if pd.isna(x) else decimal(x, lang, digits)) for x in shown[column]]
    st.dataframe(shown, hide_index=True, width="stretch", key="brokers_table")
    names = dict(zip(table["id"], table["name"], strict=True))
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
    bridges = found.bridges
    if not bridges:
        st.caption(t("none_found", lang))
    for a, b in bridges[:30]:
        st.write("• " + t("bridge_sentence", lang, a=md_text(names[a]), b=md_text(names[b])))


if __name__ == "__main__":  # run as a page by st.navigation
    render_brokers(current())
