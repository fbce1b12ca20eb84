"""What the editing pages share: send a batch to the store and say how it went, in the user's language."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from graph import store
from ui import access
from ui.i18n import md_text, t

__all__ = ["attempt", "written", "flash", "show_flash", "toast_flash"]


def flash(message: str) -> None:
    """A success message to show after the rerun that a change causes."""
    st.session_state["edit_flash"] = message


def show_flash() -> str | None:
    """Show the message :func:`flash` left, once; returns it (None when there was none)."""
    message = st.session_state.pop("edit_flash", None)
    if message:
        st.success(message)
    return message


def toast_flash() -> str | None:
    """The message :func:`flash` left, once, as a toast (beside a map, where a message above would move it
    down); returns it (None when there was none)."""
    message = st.session_state.pop("edit_flash", None)
    if message:
        st.toast(message, icon=":material/check_circle:")
    return message


def written(write: Callable[[str, str | None], int], lang: str, done: str = "saved"
            ) -> tuple[int | None, str | None, bool]:
    """Run ``write(author, role)``: ``(revision, None, False)`` and ``done`` flashed, or ``(None, why, conflict)``
    with why nothing was written (Markdown) and whether a colleague changed the rows meanwhile."""
    who = access.author_name()
    if not who:
        return None, t("need_name", lang), False
    try:
        number = write(who, access.role())
    except store.Conflict as exc:
        return None, md_text(exc.text(lang)), True
    except store.ChangeRejected as exc:
        return None, md_text("\n".join(p.text(lang) for p in exc.problems[:50])), False
    except store.StoreError as exc:
        return None, md_text(exc.text(lang)), False
    flash(t(done, lang, rev=number))
    return number, None, False


def attempt(write: Callable[[str, str | None], int], lang: str, done: str = "saved",
            on_conflict: Callable[[], None] | None = None) -> int | None:
    """Run ``write(author, role)``; on success flash ``done`` and rerun, else show why nothing was written.

    ``on_conflict`` runs when a colleague changed the rows meanwhile (e.g. to reload a form from them).
    """
    number, why, conflict = written(write, lang, done)
    if why is not None:
        st.error(why)
        if conflict and on_conflict is not None:
            on_conflict()
        return None
    st.rerun()
    return number
