"""Widgets several views share."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

__all__ = ["actor_picker", "quote_block"]


def actor_picker(label: str, names: Mapping[str, str], key: str, *, default: str | None = None,
                 placeholder: str = "…", container=st, on_change: Callable[[], None] | None = None) -> str | None:
    """A selectbox of actors (id -> shown text), in alphabetical order of the text; returns the chosen id."""
    ids = sorted(names, key=lambda actor: names[actor].casefold())
    index = ids.index(default) if default in names else None
    return container.selectbox(label, ids, index=index, format_func=names.get, key=key, placeholder=placeholder,
                               on_change=on_change)


def quote_block(quote: str, title: str = "", partner: str = "", container=st) -> None:
    """A quote read as text: in full, wrapped, with the partner and the document's title under it."""
    from ui.i18n import md_text

    lines = [f"> „{md_text(quote)}“"]
    tail = " · ".join(x for x in (f"**{md_text(partner)}**" if partner else "", f"*{md_text(title)}*" if title else "")
                      if x)
    if tail:
        lines.append(f"> — {tail}")
    container.markdown("  \n".join(lines))
