"""The editing page: add, change and delete actors and ties in forms; merge likely duplicates.

Every save is one call to :func:`graph.store.apply_changes` (through
:func:`ui.edit_common.attempt`) based on the row's version when the form was
opened, so a colleague's change in between is never overwritten silently.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph import store
from graph.model import MULTI_VALUE_SEP, split_multi
from graph.store.edits import delete_actor, likely_duplicates, merge_actors, ties_of_actor
from ui import access, state
from ui.context import current
from ui.edit_common import attempt, show_flash
from ui.edit_forms import NEW, actor_form, forget_typed, loaded, save, vocab_box
from ui.i18n import md_text, t, theme_labels

__all__ = ["render_edit"]


def _actor_form(engine, ds, lang: str) -> None:
    names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
    options = [NEW] + sorted(names, key=lambda a: names[a].casefold())
    chosen = st.selectbox(t("pick_actor", lang), options, key="edit_actor_pick",
                          format_func=lambda a: t("new_actor", lang) if a == NEW else names.get(a, a))
    row = actor_form(engine, chosen, lang)
    if row is not None:
        _delete_actor(engine, row, lang)


def _delete_actor(engine, row: dict, lang: str) -> None:
    if st.button(t("delete", lang), key="edit_actor_delete"):
        st.session_state["edit_confirm_delete"] = row["id"]
    if st.session_state.get("edit_confirm_delete") != row["id"]:
        return
    n = len(ties_of_actor(engine, row["id"]))
    st.warning(t("confirm_delete", lang, name=md_text(row["name"] or row["id"]), n=n))
    if st.button(t("yes_delete", lang), key="edit_actor_delete_yes"):
        st.session_state.pop("edit_confirm_delete", None)
        st.session_state.pop("edit_loaded_actors", None)
        st.session_state.pop("edit_actor_pick", None)
        attempt(lambda who, role: delete_actor(engine, row["id"], row["version"], author=who, role=role), lang)


def _tie_label(names: dict, tie) -> str:
    return f"{names.get(tie.source, tie.source)} — {names.get(tie.target, tie.target)} ({tie.kind or '?'}, {tie.id})"


def _tie_form(engine, ds, lang: str) -> None:
    names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
    labels = {tie.id: _tie_label(names, tie) for tie in ds.collaborations.itertuples(index=False)}
    chosen = st.selectbox(t("pick_tie", lang), [NEW] + sorted(labels, key=lambda i: labels[i].casefold()),
                          key="edit_tie_pick", format_func=lambda i: t("new_tie", lang) if i == NEW else labels[i])
    row = loaded(engine, "collaborations", chosen)
    current = row or {}
    actors = sorted(names, key=lambda a: names[a].casefold())
    themes = theme_labels(ds.themes, lang)
    documents = dict(zip(ds.documents["id"], ds.documents["title"], strict=True))
    with st.form(f"tie_form_{chosen}"):
        values = {}
        for end in ("source", "target"):
            at = actors.index(current[end]) if current.get(end) in actors else None
            values[end] = st.selectbox(t("from" if end == "source" else "to", lang), actors, index=at,
                                       format_func=names.get, key=f"tie_{end}_{chosen}") or ""
        values["kind"] = vocab_box(st, "kind", current.get("kind", ""), lang, f"tie_kind_{chosen}")
        values["status"] = vocab_box(st, "status", current.get("status", "existing" if row is None else ""), lang,
                                      f"tie_status_{chosen}")
        had = [x for x in split_multi(current.get("themes", "")) if x in themes]
        values["themes"] = MULTI_VALUE_SEP.join(st.multiselect(t("theme", lang), list(themes), had,
                                                               format_func=themes.get, key=f"tie_themes_{chosen}"))
        for column in ("start", "end", "weight"):
            values[column] = st.text_input(t(column, lang), current.get(column, ""), key=f"tie_{column}_{chosen}")
        docs = [""] + list(documents)
        doc = current.get("document", "")
        values["document"] = st.selectbox(t("document", lang), docs + ([doc] if doc not in docs else []),
                                          index=(docs + [doc]).index(doc), key=f"tie_document_{chosen}",
                                          format_func=lambda d: documents.get(d, d) or "—")
        values["evidence"] = st.text_area(t("evidence_quote", lang), current.get("evidence", ""),
                                          key=f"tie_evidence_{chosen}").strip()
        saved = st.form_submit_button(t("save", lang))
    if saved:
        if row is None and (not values["evidence"] or (documents and not values["document"])):
            st.error(t("need_evidence", lang))
            return
        save(engine, "collaborations", row, values, lang, widgets="tie_")
    if row is not None and st.button(t("delete", lang), key="edit_tie_delete"):
        st.session_state.pop("edit_loaded_collaborations", None)
        st.session_state.pop("edit_tie_pick", None)
        change = [{"op": "delete", "table": "collaborations", "id": row["id"], "version": row["version"]}]
        attempt(lambda who, role: store.apply_changes(engine, change, author=who, message="delete tie", role=role),
                lang)


@st.cache_data(max_entries=4, show_spinner="…")
def _duplicates(key: str, actors: pd.DataFrame) -> list[tuple[str, str, float]]:
    return likely_duplicates(actors)


def _merge(engine, ds, key: str, lang: str) -> None:
    names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
    pairs = _duplicates(key, ds.actors[["id", "name", "aliases"]])
    st.markdown(f"#### {t('duplicates', lang)}")
    if pairs:
        st.dataframe(pd.DataFrame({t("keep", lang): [names.get(a, a) for a, _, _ in pairs],
                                   t("merge_away", lang): [names.get(b, b) for _, b, _ in pairs],
                                   t("similarity", lang): [round(s) for _, _, s in pairs]}),
                     hide_index=True, key="edit_duplicates")
    else:
        st.caption(t("none_found", lang))
    ids = sorted(names, key=lambda a: names[a].casefold())
    first = (ids.index(pairs[0][0]), ids.index(pairs[0][1])) if pairs else (None, None)
    left, right = st.columns(2)
    keep = left.selectbox(t("keep", lang), ids, index=first[0], format_func=names.get, key="merge_keep")
    remove = right.selectbox(t("merge_away", lang), ids, index=first[1], format_func=names.get, key="merge_remove")
    if keep and remove and keep != remove and st.button(t("merge", lang), key="merge_go"):
        attempt(lambda who, role: merge_actors(engine, keep, remove, author=who, role=role), lang)


def render_edit(ctx: dict) -> None:
    lang, ds = ctx["lang"], ctx["ds"]
    show_flash()
    forget_typed()
    engine = state.store_engine()
    if engine is None:
        st.info(t("read_only_files", lang))
        return
    if not access.can_write():
        st.info(t("viewer_only", lang))
        return
    actors_tab, ties_tab, merge_tab = st.tabs([t("actors_tab", lang), t("ties_tab", lang), t("merge_tab", lang)])
    with actors_tab:
        _actor_form(engine, ds, lang)
    with ties_tab:
        _tie_form(engine, ds, lang)
    with merge_tab:
        _merge(engine, ds, ctx["key"], lang)


if __name__ == "__main__":  # run as a page by st.navigation
    render_edit(current())
