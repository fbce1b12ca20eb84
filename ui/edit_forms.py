"""The forms that edit a row, shared by the Edit page and the map's details (an actor edited where it is
drawn): each save is one call to :func:`graph.store.apply_changes` based on the row's version when the form
was opened, so a colleague's change in between is never overwritten silently.
"""

from __future__ import annotations

import streamlit as st

from graph import store, vocab
from graph.style import COUNTRIES, country_label
from ui.edit_common import attempt, written
from ui.i18n import md_text, t, vocab_label

__all__ = ["NEW", "ACTOR_TEXT", "actor_form", "country_box", "forget_typed", "loaded", "save", "vocab_box"]

NEW = "\x00new"
ACTOR_TEXT = ("name", "country", "region", "municipality", "aliases", "description")
_VOCAB = {"type": vocab.ACTOR_TYPES, "sector": vocab.SECTORS, "level": vocab.LEVELS, "kind": vocab.KINDS,
          "status": vocab.STATUSES}


def loaded(engine, table: str, row_id: str) -> dict | None:
    """The row as it was when its form was opened (with that version), read again for another row."""
    key = f"edit_loaded_{table}"
    held = st.session_state.get(key)
    if row_id == NEW:
        return None
    if held is None or held["id"] != row_id:
        held = store.get_row(engine, table, row_id)
        st.session_state[key] = held
    return held

def vocab_box(form, column: str, current: str, lang: str, key: str) -> str:
    values = [""] + list(_VOCAB[column])
    if current and current not in values:
        values.append(current)
    return form.selectbox(t(column, lang), values, index=values.index(current), key=key,
                          format_func=lambda v: vocab_label(column, v, lang) if v else "—")

def country_box(current: str, lang: str, key: str) -> str:
    """The country as a choice of names in ``lang`` (the code is what is stored); a value of the row that is
    not a known code stays among the choices."""
    values = ["", *COUNTRIES]
    if current and current not in values:
        values.append(current)
    return st.selectbox(t("country", lang), values, index=values.index(current), key=key,
                        format_func=lambda v: country_label(v, lang) if v else "—")

def _changes(table: str, row: dict | None, values: dict) -> list[dict]:
    if row is None:
        return [{"op": "add", "table": table, "row": values}]
    diff = {k: v for k, v in values.items() if row.get(k, "") != v}
    return [{"op": "update", "table": table, "id": row["id"], "version": row["version"], "set": diff}] if diff else []

def forget_typed() -> None:
    """Drop the typed values of a form whose save met a conflict, before its widgets are drawn again."""
    prefix = st.session_state.pop("edit_forget", None)
    if prefix:
        for key in [k for k in st.session_state if str(k).startswith(prefix)]:
            del st.session_state[key]

def save(engine, table: str, row: dict | None, values: dict, lang: str, widgets: str) -> None:
    """Save the form's ``values``; on a conflict the form is read again from the stored row.

    Widgets keep what was typed across reruns, so on a conflict their keys (``widgets`` + column) are
    dropped before the next run draws them (:func:`forget_typed`): it shows the colleague's version, and
    the values this person tried are shown below the message, so neither side's edit is lost.
    """
    changes = _changes(table, row, values)
    if not changes:
        return

    def reload() -> None:
        st.session_state["edit_forget"] = widgets
        st.caption(md_text(t("your_values", lang, values="; ".join(f"{k}: {v}" for k, v in values.items()))))

    st.session_state.pop(f"edit_loaded_{table}", None)
    attempt(lambda who, role: store.apply_changes(engine, changes, author=who, message=f"edit {table}",
                                                  role=role), lang, on_conflict=reload)


def actor_form(engine, chosen: str, lang: str, *, key: str = "actor_form") -> dict | None:
    """The form of actor ``chosen`` (or of a new one, :data:`NEW`), saved through the store; returns its row as
    it was read (None for a new actor). ``key`` tells the forms of one actor on two pages apart."""
    row = loaded(engine, "actors", chosen)
    current = row or {}
    form = f"{key}_{chosen}"
    with st.form(form):  # the values are read by the Save button's callback, from the session state
        if row is None:
            st.text_input(t("id", lang), "", key=f"actor_id_{chosen}")
        for column in ("type", "sector", "level"):
            vocab_box(st, column, current.get(column, ""), lang, f"actor_{column}_{chosen}")
        for column in ACTOR_TEXT:
            if column == "country":
                country_box(current.get(column, ""), lang, f"actor_{column}_{chosen}")
                continue
            box = st.text_area if column == "description" else st.text_input
            box(t(column, lang), current.get(column, ""), key=f"actor_{column}_{chosen}")
        st.form_submit_button(t("save", lang), on_click=_save_actor, args=(engine, row, chosen, lang, form))
    why, typed = st.session_state.pop(f"edit_outcome_{form}", (None, None))
    if why:
        st.error(why)
    if typed:
        st.caption(typed)
    return row


def _save_actor(engine, row: dict | None, chosen: str, lang: str, form: str) -> None:
    """The actor form's Save: its values written before the app runs again, so that one run shows them (a
    rerun after the write was a second run of the whole page); why nothing was written is shown by the form."""
    columns = (*(("id",) if row is None else ()), "type", "sector", "level", *ACTOR_TEXT)  # actor_form's widgets
    values = {c: str(st.session_state.get(f"actor_{c}_{chosen}") or "").strip() for c in columns}
    changes = _changes("actors", row, values)
    if not changes:
        return
    st.session_state.pop("edit_loaded_actors", None)
    _, why, conflict = written(lambda who, role: store.apply_changes(engine, changes, author=who,
                                                                     message="edit actors", role=role), lang)
    if why is None:
        return
    typed = None
    if conflict:  # the form shows the colleague's version; what this person typed is said under it
        st.session_state["edit_forget"] = "actor_"
        typed = md_text(t("your_values", lang, values="; ".join(f"{k}: {v}" for k, v in values.items())))
    st.session_state[f"edit_outcome_{form}"] = (why, typed)
