"""The Export page's settings for pictures (title, resolution, paper) and its briefing for a place or actor."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.i18n import t
from ui.widgets import actor_picker, brief_button

__all__ = ["picture_settings", "render_briefing", "PAPER_CHOICES"]

PAPER_CHOICES = ("", "a4", "a4-landscape", "a3", "a3-landscape")


def picture_settings(fmt: str, lang: str) -> tuple:
    """Title, DPI and paper size for PNG, SVG, PDF (and the title of HTML); a hashable tuple for the cache."""
    if fmt not in ("png", "svg", "pdf", "html"):
        return ()
    left, middle, right = st.columns(3)
    title = left.text_input(t("export_title", lang), key="export_title", placeholder=t("export_title_default", lang))
    out: dict = {"title": title.strip() or None}
    if fmt != "html":
        out["dpi"] = float(middle.number_input(t("export_dpi", lang), 50, 600, 200, step=50, key="export_dpi",
                                               help=t("export_dpi_help", lang)))
        paper = right.selectbox(t("export_paper", lang), PAPER_CHOICES, key="export_paper",
                                format_func=lambda p: t(f"paper_{p or 'fit'}", lang))
        out["paper"] = paper or None
    return tuple(sorted(out.items()))


def render_briefing(ctx: dict) -> None:
    """A printable briefing (A4 PDF) on one actor, municipality or region."""
    lang, ds, key = ctx["lang"], ctx["ds"], ctx["key"]
    st.markdown(f"#### {t('brief_heading', lang)}")
    st.caption(t("brief_intro", lang))
    kind = st.radio(t("brief_on", lang), ["actor", "municipality", "region"], horizontal=True, key="brief_kind",
                    format_func=lambda k: t(k, lang))
    values = state.filter_values_of(key, ds)
    if kind == "actor":
        names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
        choice = actor_picker(t("actor", lang), names, "brief_choice_actor", default=ctx.get("selected"))
    else:
        options = values["municipalities" if kind == "municipality" else "regions"]
        choice = st.selectbox(t(kind, lang), options, index=None, key=f"brief_choice_{kind}", placeholder="…")
    if choice:
        year = state.year_of(ctx["filters"])
        brief_button(t("brief_download", lang), key, ds, lang, year, widget_key="brief_download", **{kind: choice})
