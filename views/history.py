"""The History page: every revision (who, when, what, before and after), undo, and the map as it was.

Undo is a new revision made by :func:`graph.store.undo`; it is refused, with
the later change named, when a later revision changed the same rows.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph import store
from ui import access, state
from ui.context import current
from ui.edit_common import attempt, show_flash
from ui.i18n import WORDS, md_text, t

__all__ = ["render_history", "revision_banner"]

_OPS = {"add": {"sv": "tillagd", "en": "added", "nb": "lagt til"},
        "update": {"sv": "ändrad", "en": "changed", "nb": "endret"},
        "delete": {"sv": "borttagen", "en": "deleted", "nb": "slettet"}}


#: The tables as a person names them.
_TABLES = {"actors": "actors_tab", "collaborations": "ties_tab", "themes": "table_themes", "documents": "sources"}


def _compact(row: dict | None, keys: list[str], lang: str) -> str:
    """The changed fields of a row as words: ``Name: X · Kind: Funding`` (column names in ``lang``)."""
    if row is None:
        return ""
    return " · ".join(f"{t(k, lang) if k in WORDS else k}: {row.get(k, '')}" for k in keys if row.get(k, "") != "")


def _changes_table(changes: list[dict], lang: str) -> pd.DataFrame:
    rows = []
    for c in changes:
        before, after = c["before"] or {}, c["after"] or {}
        keys = [k for k in (after or before) if k != "version" and before.get(k) != after.get(k)]
        if c["op"] != "update":
            keys = [k for k in ("name", "source", "target", "kind", "status", "title") if k in (after or before)]
        rows.append({t("operation", lang): _OPS[c["op"]][lang], t("table", lang): t(_TABLES[c["table"]], lang),
                     "id": c["id"], t("what", lang): store.describe_change(c, lang),
                     t("before", lang): _compact(c["before"], keys, lang), t("after", lang): _compact(c["after"], keys, lang)})
    return pd.DataFrame(rows)


def revision_banner(lang: str) -> None:
    """When the map shown is a past revision: say so, with a way back to now."""
    at = st.session_state.get("at_revision")
    if at is None:
        return
    st.info(t("viewing_at", lang, rev=at))
    if st.button(t("back_to_now", lang), key="back_to_now"):
        st.session_state["at_revision"] = None
        st.rerun()


def render_history(ctx: dict) -> None:
    lang = ctx["lang"]
    show_flash()
    engine = state.store_engine()
    if engine is None:
        st.info(t("read_only_files", lang))
        return
    revisions = store.history(engine, limit=500)
    if not revisions:
        st.caption(t("no_history", lang))
        return
    st.dataframe(pd.DataFrame({
        t("revision", lang): [r["number"] for r in revisions], t("when", lang): [r["time"] for r in revisions],
        t("who", lang): [r["author"] for r in revisions], t("what", lang): [r["message"] for r in revisions],
        t("n_changes", lang): [r["changes"] for r in revisions]}), hide_index=True, key="history_table")
    by_number = {r["number"]: r for r in revisions}
    number = st.selectbox(t("revision", lang), list(by_number), key="history_pick",
                          format_func=lambda n: f"{n} · {by_number[n]['author']} · {by_number[n]['message']}")
    details = store.revision(engine, number, limit=1000)
    st.dataframe(_changes_table(details["changes"], lang), hide_index=True, key="history_changes")
    left, right = st.columns(2)
    if access.can_write() and left.button(t("undo", lang), key="history_undo"):
        attempt(lambda who, role: store.undo(engine, number, author=who, role=role), lang, done="undone")
    if right.button(t("show_at", lang), key="history_show_at"):
        st.session_state["at_revision"] = number
        st.rerun()
    st.caption(md_text(f"{details['time']} · {details['author']}"))


if __name__ == "__main__":  # run as a page by st.navigation
    render_history(current())
