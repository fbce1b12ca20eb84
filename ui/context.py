"""What every view needs to know: language, data key, filters, focus and selection.

``app.py`` builds the sidebar and stores the context's ids and choices (never
the data) in session state; a page gets it back, data included, from the
caches with :func:`current`.
"""

from __future__ import annotations

import streamlit as st

from ui import state

__all__ = ["store", "current"]


def store(ctx: dict) -> None:
    """Keep the ids and choices of ``ctx`` for the page about to run."""
    st.session_state["_context"] = {k: v for k, v in ctx.items() if k != "ds"}


def current() -> dict:
    """The context of this run, with the (cached) dataset it names."""
    ctx = dict(st.session_state["_context"])
    key, ds = state.working_dataset(state.current_source())
    ctx.update(key=key, ds=ds)
    return ctx
