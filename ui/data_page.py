"""The data view: what is loaded, its validation report, and upload of other data.

A file is read and validated before it is used; one with errors is refused
and the data in use stays as it was.
"""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.i18n import md_text, t

__all__ = ["render_data"]


def _report(problems: list, lang: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for p in errors[:200]:
        st.text(p.text(lang))
    if warnings:
        with st.expander(f"{t('warnings', lang)} ({len(warnings)})"):
            for p in warnings[:200]:
                st.text(p.text(lang))


def render_data(ctx: dict) -> None:
    lang, ds = ctx["lang"], ctx["ds"]
    source = state.current_source()
    st.markdown(
        f"**{t('dataset', lang)}:** {md_text(source.label)} — "
        f"{t('counts', lang, actors=len(ds.actors), ties=len(ds.collaborations))}"
    )
    problems = state.problems_of(ctx["key"], ds)
    if problems:
        _report(problems, lang)
    else:
        st.success(t("validation_clean", lang))
    if len(ds.documents):
        st.markdown(f"#### {t('sources', lang)}")
        shown = {c: t(f"doc_{c}", lang) for c in ("title", "publisher", "date", "language") if c in ds.documents}
        st.dataframe(ds.documents[list(shown)].rename(columns=shown), hide_index=True, width="stretch")
    st.markdown("---")
    uploads = st.file_uploader(t("upload", lang), accept_multiple_files=True,
                               key=f"upload_{st.session_state.get('uploads_cleared', 0)}",
                               type=["csv", "tsv", "txt", "xlsx", "graphml", "gexf", "json", "edges"])
    if uploads:
        files = [(f.name, f.getvalue()) for f in uploads]
        new, dataset, found = state.read_upload(files)
        if dataset is None:
            st.error(t("upload_refused", lang, name=md_text(new.label)))
            _report(found, lang)
        elif st.session_state.get("source") != new:
            _use(new)
            st.rerun()
        else:
            st.success(t("upload_ok", lang, name=md_text(new.label), actors=len(dataset.actors),
                         ties=len(dataset.collaborations)))
    if st.session_state.get("source") is not None and st.button(t("back_to_default", lang), key="reset_source"):
        _use(None)
        st.session_state["uploads_cleared"] = st.session_state.get("uploads_cleared", 0) + 1  # empties the uploader
        st.rerun()


def _use(source: state.Source | None) -> None:
    """Switch the app to ``source`` (None: the ``--data`` one), forgetting what belonged to the old data."""
    st.session_state["source"] = source
    st.session_state["selected"] = None
    st.session_state["accepted_ties"] = []
