"""The "import into the map" action for data shown read-only (``--data`` files or an upload)."""

from __future__ import annotations

import streamlit as st

from graph import store
from graph.model import TABLES, Dataset
from graph.users import may_write
from ui import access, state
from ui.edit_common import flash, show_flash
from ui.i18n import md_text, t

__all__ = ["render_import"]


def render_import(ds: Dataset, lang: str) -> None:
    """When the data shown are files: a button that imports them into the map (validated, all or nothing)."""
    show_flash()
    if state.store_engine() is not None or not may_write(access.role()):
        return
    st.caption(t("read_only_files", lang))
    if not st.button(t("import_into_map", lang), key="import_into_map"):
        return
    who = access.author_name()
    if not who:
        st.error(t("need_name", lang))
        return
    try:
        summary = store.import_dataset(state.map_engine(), ds, author=who, role=access.role(),
                                       message=f"import {state.current_source().label}")
    except store.ChangeRejected as exc:
        st.error(md_text("\n".join(p.text(lang) for p in exc.problems[:50])))
        return
    except store.StoreError as exc:
        st.error(md_text(exc.text(lang)))
        return
    if summary["revision"] is None:
        st.info(t("nothing_new", lang))
        return
    count = lambda what: sum(summary[table][what] for table in TABLES)  # noqa: E731
    flash(t("imported", lang, rev=summary["revision"], added=count("added"), changed=count("changed"),
            same=count("unchanged")))
    st.rerun()
