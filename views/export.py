"""The export view: the current view (filters and focus) as pictures and data files, downloaded."""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from graph.export import FORMATS, generate_export
from graph.model import Dataset
from ui import drawing, state
from ui.context import current
from ui.export_settings import picture_settings, render_briefing
from ui.i18n import t

__all__ = ["render_export", "export_bytes"]

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html",
        "csv": "application/zip", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "kumu": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "graphml": "application/xml", "gexf": "application/xml", "json": "application/json"}
FILE_NAMES = {"csv": "network-csv.zip", "kumu": "network-kumu.xlsx"}


def export_bytes(ds: Dataset, fmt: str, *, positions: dict, color_by: str, lang: str,
                 with_contacts: bool, title: str | None = None, dpi: float = 200, paper: str | None = None) -> bytes:
    """One export as bytes (the CSV tables zipped), made in memory: nothing touches the disk."""
    files = generate_export(ds, fmt, with_contacts=with_contacts, positions=positions, color_by=color_by, lang=lang,
                            title=title, dpi=dpi, paper=paper)
    if fmt != "csv":
        return next(iter(files.values()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@st.cache_data(max_entries=16, show_spinner="…")
def _cached_export(key: str, filters: tuple, focus: tuple | None, fmt: str, color_by: str, lang: str,
                   with_contacts: bool, _ds: Dataset, settings: tuple = ()) -> bytes:
    view = state.view(key, filters, focus, _ds)
    positions = drawing.positions_of(key, _ds)
    return export_bytes(view, fmt, positions=positions, color_by=color_by, lang=lang, with_contacts=with_contacts,
                        **dict(settings))


def render_export(ctx: dict) -> None:
    lang, ds, key = ctx["lang"], ctx["ds"], ctx["key"]
    st.write(t("export_intro", lang))
    view = state.view(key, ctx["filters"], ctx["focus"], ds)
    st.caption(t("showing", lang, actors=len(view.actors), all_actors=len(ds.actors),
                 ties=len(view.collaborations), all_ties=len(ds.collaborations)))
    fmt = st.selectbox(t("format", lang), FORMATS, key="export_format",
                       format_func=lambda f: {"kumu": "Kumu (.xlsx)", "csv": "CSV (.zip)"}.get(f, f.upper()))
    with_contacts = st.checkbox(t("with_contacts", lang), key="export_contacts")
    color_by = st.session_state.get("color_by", "sector")
    settings = picture_settings(fmt, lang)
    try:
        data = _cached_export(key, ctx["filters"], ctx["focus"], fmt, color_by, lang, with_contacts, ds, settings)
    except ValueError as exc:
        st.error(str(exc))
        return
    st.download_button(t("download", lang, fmt=fmt.upper()), data, file_name=FILE_NAMES.get(fmt, f"network.{fmt}"),
                       mime=MIME[fmt], key="export_download")
    render_briefing(ctx)


if __name__ == "__main__":  # run as a page by st.navigation
    render_export(current())
