"""Widgets several views share."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

__all__ = ["actor_picker"]


def actor_picker(label: str, names: Mapping[str, str], key: str, *, default: str | None = None,
                 placeholder: str = "…", container=st, on_change: Callable[[], None] | None = None) -> str | None:
    """A selectbox of actors (id -> shown text), in alphabetical order of the text; returns the chosen id."""
    ids = sorted(names, key=lambda actor: names[actor].casefold())
    index = ids.index(default) if default in names else None
    return container.selectbox(label, ids, index=index, format_func=names.get, key=key, placeholder=placeholder,
                               on_change=on_change)
