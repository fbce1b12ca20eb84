"""The History page: every revision (who, when, what, before and after), undo, and the map as it was.

Undo is a new revision made by :func:`graph.store.undo`; it is refused, with
the later change named, when a later revision changed the same rows. What the
store keeps (the app's messages, UTC stamps, column names) is read in the
user's language by :mod:`graph.store.history_text`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph import store
from graph.store.history_text import WIDTH, column_word, marked_words
from ui import access, state
from ui.context import current
from ui.edit_common import attempt, show_flash
from ui.i18n import md_text, t

__all__ = ["render_history", "revision_banner"]

_OPS = {"add": {"sv": "tillagd", "en": "added", "nb": "lagt til"},
        "update": {"sv": "ändrad", "en": "changed", "nb": "endret"},
        "delete": {"sv": "borttagen", "en": "deleted", "nb": "slettet"}}


#: The tables as a person names them.
_TABLES = {"actors": "actors_tab", "collaborations": "ties_tab", "themes": "table_themes", "documents": "sources"}
#: How many changed long texts of one revision are shown whole below its table.
_FULL_TEXTS = 20


def _compact(row: dict | None, keys: list[str], lang: str) -> str:
    """The changed fields of a row as words: ``Name: X · Kind: Funding`` (column names in ``lang``)."""
    if row is None:
        return ""
    return " · ".join(f"{column_word(k, lang)}: {row.get(k, '')}" for k in keys if row.get(k, "") != "")


def _changes_table(changes: list[dict], lang: str) -> pd.DataFrame:
    rows = []
    for c in changes:
        before, after = c["before"] or {}, c["after"] or {}
        keys = [k for k in (after or before) if k != "version" and before.get(k) != after.get(k)]
        if c["op"] != "update":
            keys = [k for k in ("name", "source", "target", "kind", "status", "title") if k in (after or before)]
        rows.append({t("operation", lang): _OPS[c["op"]][lang], t("table", lang): t(_TABLES[c["table"]], lang),
                     "id": c["id"], t("what", lang): store.change_text(c, lang),
                     t("before", lang): _compact(c["before"], keys, lang), t("after", lang): _compact(c["after"], keys, lang)})
    return pd.DataFrame(rows)


def _full_texts(changes: list[dict], lang: str) -> None:
    """The long texts a revision changed, whole, before and after (the tables show them cut)."""
    long = [(c, column, old, new) for c in changes if c["op"] == "update"
            for column, old, new in store.changed_values(c) if max(len(old), len(new)) > WIDTH]
    for c, column, old, new in long[:_FULL_TEXTS]:
        with st.expander(md_text(t("full_text", lang, column=column_word(column, lang), id=c["id"]))):
            for side, label, runs in zip(st.columns(2), ("before", "after"), marked_words(old, new), strict=True):
                side.caption(t(label, lang))
                side.markdown(_marked(runs))


def _marked(runs: list[tuple[str, bool]]) -> str:
    """Runs of text as Markdown, the changed ones bold line by line (bold cannot span a line break), the text's
    own line breaks kept."""
    def bold(line: str) -> str:
        word = line.strip()
        return line.replace(word, f"**{md_text(word)}**", 1) if word else line

    text = "".join("\n".join(bold(line) if changed else md_text(line) for line in run.split("\n"))
                   for run, changed in runs)
    return text.replace("\n", "  \n")


def _what(entry: dict, undone: dict[int, int], lang: str) -> str:
    """A revision's message in ``lang``, and whether a later revision undid it."""
    text = store.message_text(entry["message"], lang)
    by = undone.get(entry["number"])
    return text if by is None else f"{text} ({t('undone_in', lang, by=by)})"


def revision_banner(lang: str) -> None:
    """When the map shown is a past revision: say so, with a way back to now."""
    at = st.session_state.get("at_revision")
    if at is None:
        return
    st.info(t("viewing_at", lang, rev=at))
    if st.button(t("back_to_now", lang), key="back_to_now"):
        st.session_state["at_revision"] = None
        st.rerun()


def _undo(engine, entry: dict, undone: dict[int, int], lang: str, column) -> None:
    """The Undo button: off for a revision already undone; a revision of many rows asks first."""
    number, by = entry["number"], undone.get(entry["number"])
    if by is not None:
        st.info(t("already_undone", lang, rev=number, by=by))
    if not access.can_write():
        return
    if column.button(t("undo", lang), key="history_undo", disabled=by is not None):
        if entry["changes"] <= store.BIG_UNDO:
            attempt(lambda who, role: store.undo(engine, number, author=who, role=role), lang, done="undone")
            return
        st.session_state["history_confirm_undo"] = number
    if by is not None or st.session_state.get("history_confirm_undo") != number:
        return
    question = st.empty()  # the question goes once answered: a refusal is then the page's only word
    with question.container():
        st.warning(t("confirm_undo", lang, rev=number, n=entry["changes"]))
        yes = st.button(t("yes_undo", lang, n=entry["changes"]), key="history_undo_yes")
    if yes:
        st.session_state.pop("history_confirm_undo", None)
        question.empty()
        attempt(lambda who, role: store.undo(engine, number, author=who, role=role), lang, done="undone")


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
    undone = store.undone_by(revisions)
    when, who = t("when", lang), t("who", lang)
    st.dataframe(pd.DataFrame({
        t("revision", lang): [r["number"] for r in revisions], when: [store.local_time(r["time"]) for r in revisions],
        who: [store.author_text(r["author"], lang) for r in revisions],
        t("what", lang): [_what(r, undone, lang) for r in revisions],
        t("n_changes", lang): [r["changes"] for r in revisions]}), hide_index=True, key="history_table",
        column_config={when: st.column_config.TextColumn(when, help=t("when_help", lang, zone=store.zone_name()))})
    by_number = {r["number"]: r for r in revisions}
    number = st.selectbox(t("revision", lang), list(by_number), key="history_pick",
                          format_func=lambda n: " · ".join((str(n), store.local_time(by_number[n]["time"]),
                                                            store.author_text(by_number[n]["author"], lang),
                                                            _what(by_number[n], undone, lang))))
    details = store.revision(engine, number, limit=1000)
    st.dataframe(_changes_table(details["changes"], lang), hide_index=True, key="history_changes",
                 column_config={t("what", lang): st.column_config.TextColumn(width="large")})
    _full_texts(details["changes"], lang)
    left, right = st.columns(2)
    _undo(engine, by_number[number], undone, lang, left)
    if right.button(t("show_at", lang), key="history_show_at"):
        st.session_state["at_revision"] = number
        st.rerun()
    st.caption(md_text(f"{store.local_time(details['time'])} ({details['time']}) · "
                       f"{store.author_text(details['author'], lang)}"))


if __name__ == "__main__":  # run as a page by st.navigation
    render_history(current())
