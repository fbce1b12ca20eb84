"""Who is using the app: the login (with ``--users FILE``), the role, and the author name of changes.

In local use (no users file) a person gives their name once per session and
may edit; with a users file they log in, and viewers see no edit controls.
"""

from __future__ import annotations

import streamlit as st

from graph.model import DataError
from graph.users import load_users, login, may_write
from ui import state
from ui.i18n import md_text, t

__all__ = ["login_gate", "author", "author_name", "role", "can_write"]


@st.cache_resource(max_entries=2, show_spinner=False)
def _users(path: str) -> dict:
    return load_users(path)


def login_gate(lang: str) -> None:
    """With a users file: the login form until someone logs in (then who it is, and log out)."""
    path = state.app_arguments()["users"]
    if not path:
        return
    try:
        users = _users(path)
    except DataError as exc:
        st.error(md_text("\n".join(p.text(lang) for p in exc.problems)))
        st.stop()
    if st.session_state.get("user"):
        st.sidebar.caption(t("logged_in_as", lang, name=md_text(st.session_state["user"]),
                             role=st.session_state["role"]))
        if st.sidebar.button(t("logout", lang), key="logout"):
            st.session_state.pop("user")
            st.session_state.pop("role")
            st.rerun()
        return
    with st.form("login_form"):
        name = st.text_input(t("user", lang), key="login_name")
        password = st.text_input(t("password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login", lang))
    if submitted:
        found = login(users, name, password)
        if found:
            st.session_state.update(user=name, role=found)
            st.rerun()
        st.error(t("login_failed", lang))
    st.stop()


def author(lang: str) -> str:
    """The name kept with this session's changes: the logged-in user, else the name given in the sidebar."""
    if st.session_state.get("user"):
        return st.session_state["user"]
    # Empty until the person gives it: the computer's account (often a shared one, or root) named nobody, and a
    # save without a name says to give it first. Kept beside the widget too: Streamlit forgets a widget's value
    # after a run that did not draw it (the map as it was at a revision shows no name field).
    if "author" not in st.session_state and st.session_state.get("_author"):
        st.session_state["author"] = st.session_state["_author"]
    name = st.sidebar.text_input(t("your_name", lang), key="author").strip()
    st.session_state["_author"] = name
    return name


def author_name() -> str:
    """The author of this session's changes, without drawing a widget (after :func:`author` ran)."""
    return st.session_state.get("user") or str(st.session_state.get("author") or st.session_state.get("_author")
                                                or "").strip()


def role() -> str | None:
    """The logged-in user's role, or None in local use."""
    return st.session_state.get("role")


def can_write() -> bool:
    """Whether this session may change the map now (a store, a writing role, not looking at the past)."""
    return (state.store_engine() is not None and may_write(role())
            and st.session_state.get("at_revision") is None)
