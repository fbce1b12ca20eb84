"""Widgets several views share."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from graph.text import quoted

__all__ = ["actor_picker", "quote_block", "quote_markdown", "brief_button"]


def actor_picker(label: str, names: Mapping[str, str], key: str, *, default: str | None = None,
                 placeholder: str = "…", container=st, on_change: Callable[[], None] | None = None) -> str | None:
    """A selectbox of actors (id -> shown text), in alphabetical order of the text; returns the chosen id.

    The page knows the choice by its text: when the chosen actor's text changed since the last run (a rename),
    the page is told the new one, or it would send the old text back and the choice would be lost.
    """
    ids = sorted(names, key=lambda actor: names[actor].casefold())
    index = ids.index(default) if default in names else None
    shown, chosen = f"_shown_{key}", st.session_state.get(key)
    if chosen in names and st.session_state.get(shown, names[chosen]) != names[chosen]:
        st.session_state[key] = chosen  # sent to the page with its new text
        index = None  # the choice is in the session state (a default beside it would be a warning)
    value = container.selectbox(label, ids, index=index, format_func=names.get, key=key, placeholder=placeholder,
                                on_change=on_change)
    st.session_state[shown] = names.get(value) if value in names else None
    return value


def quote_markdown(quote: str, title: str = "", partner: str = "", lang: str = "sv") -> str:
    """A quote as Markdown text: in full, between the quotation marks of ``lang``, with the partner and the
    document's title under it (user text escaped)."""
    from ui.i18n import md_text

    lines = [f"> {quoted(md_text(quote), lang)}"]
    tail = " · ".join(x for x in (f"**{md_text(partner)}**" if partner else "", f"*{md_text(title)}*" if title else "")
                      if x)
    if tail:
        lines.append(f"> — {tail}")
    return "  \n".join(lines)


def quote_block(quote: str, title: str = "", partner: str = "", container=st, lang: str = "sv") -> None:
    """A quote read as text: in full, wrapped, with the partner and the document's title under it."""
    container.markdown(quote_markdown(quote, title, partner, lang))


@st.cache_data(max_entries=16, show_spinner=False)
def _brief_bytes(key: str, where: tuple, lang: str, year: str | None, _ds) -> bytes:
    from graph.brief import brief_pdf, briefing

    return brief_pdf(briefing(_ds, lang=lang, year=year, **dict(where)))


def brief_button(label: str, key: str, ds, lang: str, year: str | None, *, widget_key: str, container=st,
                 **where: str) -> None:
    """A download button for the printable briefing on ``where`` (``actor=`` or a place); made on click."""
    name = "-".join(str(v) for v in where.values()).replace("/", "-")[:60] or "brief"
    container.download_button(label, lambda: _brief_bytes(key, tuple(sorted(where.items())), lang, year, ds),
                              file_name=f"brief-{name}.pdf", mime="application/pdf", key=widget_key,
                              on_click="ignore", icon=":material/picture_as_pdf:")
