"""The data view: what is loaded, its validation report, and upload of other data.

A file is read and validated before it is used; one with errors is refused
and the data in use stays as it was.  Uploads are read from their bytes,
never written to disk.  A file whose columns we cannot place (no source and
target we recognise) opens a mapping step: the user says which column is
which, and the file is read again with that choice.
"""

from __future__ import annotations

import streamlit as st

from graph.io import peek_columns
from graph.model import DataError, cap_problems
from ui import state
from ui.context import current
from ui.i18n import md_text, t
from ui.import_action import render_import

__all__ = ["render_data", "needs_mapping"]

#: Problems the mapping step can answer: the file's columns are not ones we know.
MAPPABLE = frozenset({"not_network", "missing_column", "edgelist_columns", "one_column_header"})
_MAPPED = ("source", "target", "weight", "kind")


def _report(problems: list, lang: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for p in cap_problems(errors, 20):
        st.text(p.text(lang))
    if warnings:
        with st.expander(f"{t('warnings', lang)} ({len(warnings)})"):
            for p in cap_problems(warnings, 20):
                st.text(p.text(lang))


def needs_mapping(files: list[tuple[str, bytes]], problems: list) -> list[str]:
    """The columns to offer in the mapping step, or [] when it cannot help (not one text file, other errors)."""
    if len(files) != 1 or not any(p.code in MAPPABLE for p in problems if p.severity == "error"):
        return []
    try:
        columns = peek_columns(files[0][1], files[0][0])
    except DataError:
        return []
    return columns if len(columns) >= 2 else []


def _mapping_step(files: list[tuple[str, bytes]], columns: list[str], lang: str) -> None:
    st.info(t("mapping_intro", lang, name=md_text(files[0][0])))
    none = t("map_none", lang)
    choice = {}
    for i, ours in enumerate(_MAPPED):
        options = columns if i < 2 else [none, *columns]
        choice[ours] = st.selectbox(t(f"map_{ours}", lang), options, index=min(i, len(columns) - 1) if i < 2 else 0,
                                    key=f"map_{ours}")
    if not st.button(t("map_apply", lang), key="map_apply"):
        return
    if choice["source"] == choice["target"]:
        st.error(t("map_same", lang))
        return
    mapping = tuple((ours, theirs) for ours, theirs in choice.items() if theirs != none)
    new, dataset, found = state.read_upload(files, columns=mapping)
    if dataset is None:
        st.error(t("upload_refused", lang, name=md_text(new.label)))
        _report(found, lang)
        return
    _use(new)
    st.rerun()


def _upload(lang: str) -> None:
    uploads = st.file_uploader(t("upload", lang), accept_multiple_files=True,
                               key=f"upload_{st.session_state.get('uploads_cleared', 0)}",
                               type=["csv", "tsv", "txt", "xlsx", "graphml", "gexf", "json", "edges"])
    if not uploads:
        return
    files = [(f.name, f.getvalue()) for f in uploads]
    current = st.session_state.get("source")
    if current is not None and current.columns and current.files == tuple(sorted(files)):  # read by the mapping
        dataset = state.load(current)
        st.success(t("upload_ok", lang, name=md_text(current.label), actors=len(dataset.actors),
                     ties=len(dataset.collaborations)))
        return
    new, dataset, found = state.read_upload(files)
    if dataset is None:
        columns = needs_mapping(files, found)
        if columns:
            _mapping_step(files, columns, lang)
            return
        st.error(t("upload_refused", lang, name=md_text(new.label)))
        _report(found, lang)
    elif st.session_state.get("source") != new:
        _use(new)
        st.rerun()
    else:
        st.success(t("upload_ok", lang, name=md_text(new.label), actors=len(dataset.actors),
                     ties=len(dataset.collaborations)))


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
    render_import(ds, lang)
    st.markdown("---")
    _upload(lang)
    if st.session_state.get("source") is not None and st.button(t("back_to_default", lang), key="reset_source"):
        _use(None)
        st.session_state["uploads_cleared"] = st.session_state.get("uploads_cleared", 0) + 1  # empties the uploader
        st.rerun()


def _use(source: state.Source | None) -> None:
    """Switch the app to ``source`` (None: the ``--data`` one), forgetting what belonged to the old data."""
    st.session_state["source"] = source
    st.session_state["selected"] = None
    st.session_state["accepted_ties"] = []


if __name__ == "__main__":  # run as a page by st.navigation
    render_data(current())
