"""What the editing pages share: send a batch to the store and say how it went, in the user's language."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from graph import store
from ui import access
from ui.i18n import md_text, t

__all__ = ["attempt", "flash", "show_flash"]


def flash(message: str) -> None:
    """A success message to show after the rerun that a change causes."""
    st.session_state["edit_flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("edit_flash", None)
    if message:
        st.success(message)


def attempt(write: Callable[[str, str | None], int], lang: str, done: str = "saved",
            on_conflict: Callable[[], None] | None = None) -> int | None:
    """Run ``write(author, role)``; on success flash ``done`` and rerun, else show why nothing was written.

    ``on_conflict`` runs when a colleague changed the rows meanwhile (e.g. to reload a form from them).
    """
    who = access.author_name()
    if not who:
        st.error(t("need_name", lang))
        return None
    try:
        number = write(who, access.role())
    except store.Conflict as exc:
        st.error(md_text(exc.text(lang)))
        if on_conflict is not None:
            on_conflict()
        return None
    except store.ChangeRejected as exc:
        st.error(md_text("\n".join(p.text(lang) for p in exc.problems[:50])))
        return None
    except store.StoreError as exc:
        st.error(md_text(exc.text(lang)))
        return None
    flash(t(done, lang, rev=number))
    st.rerun()
    return number
