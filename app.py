"""The stakeholder network explorer: ``streamlit run app.py -- [--db URL | --data DATA] [--users FILE]``.

Wires language, data source, filters and navigation; each page lives in ``views/``, what pages share in ``ui/``.
"""

from __future__ import annotations

import streamlit as st

from graph.model import DataError
from ui import (
    access,
    address,
    graph_view,
    sidebar,
    state,
    store_words,  # noqa: F401  (the editing pages' words)
)
from ui import context as page_context
from ui.i18n import md_text, t, tn
from ui.sidebar import filters, filters_key, language, search, year_choice
from views.explore import select
from views.history import revision_banner

#: (title key, page file in views/)
VIEWS = [
    ("explore", "explore"),
    ("paths", "paths"),
    ("brokers", "brokers"),
    ("communities", "communities"),
    ("themes_where", "themes"),
    ("suggestions", "suggestions"),
    ("export", "export"),
    ("read_document", "read_document"),
    ("data", "data"),
]
#: Pages of the map's database: (title key, page file, who sees it).
STORE_VIEWS = [("edit", "edit", access.can_write), ("history", "history", lambda: state.store_engine() is not None)]


def _on_search() -> None:
    select(st.session_state.get("search"))


def context() -> dict:
    """Language, data and the sidebar's choices, for the views (a link's choices applied first)."""
    wanted = address.requested_language()
    if wanted:
        st.session_state["lang"] = wanted
    lang = language()
    access.login_gate(lang)
    try:
        source = state.current_source()
        key, ds = state.working_dataset(source)
    except DataError as exc:  # an unreadable --data: say so instead of a traceback
        st.error(md_text("\n".join(p.text(lang) for p in exc.problems)))
        st.stop()
    values = state.filter_values_of(key, ds)
    ignored = address.apply_link(values, set(ds.actors["id"].tolist()))
    if ignored:
        st.warning(t("link_ignored", lang, values=md_text(", ".join(ignored))))
    if access.can_write() or (state.store_engine() is None and access.role() is None):
        access.author(lang)
    st.sidebar.caption(f"{t('dataset', lang)}: {md_text(source.label)} · "
                       f"{t('counts', lang, actors=len(ds.actors), ties=len(ds.collaborations))}")
    # The map's database refuses every row with an error (its one write path checks the rules of validate),
    # so only files and uploads are validated here: at 20,000 ties that is 75 ms of every rerun after an edit.
    errors = [] if source.url else [p for p in state.problems_of(key, ds) if p.severity == "error"]
    if errors:
        st.sidebar.warning(tn("problem_data", len(errors), lang, n=len(errors)))
    labels = state.search_labels_of(key, ds)
    search(labels, lang, on_change=_on_search)
    sidebar.shown(labels, values)
    year = year_choice(values["years"], lang)
    chosen = filters(ds, values, lang)
    st.session_state.setdefault("focus_depth", 0)
    depth = st.sidebar.select_slider(t("focus", lang), options=[0, 1, 2, 3], key="focus_depth",
                                     format_func=lambda d: t("focus_off", lang) if d == 0 else str(d))
    selected = st.session_state.get("selected")
    if selected not in labels:
        selected = None
    focus = (selected, depth) if selected and depth else None
    return {"lang": lang, "key": key, "ds": ds, "filters": filters_key(chosen, year), "focus": focus,
            "selected": selected, "year": year}


def run() -> None:
    st.set_page_config(page_title="Stakeholder network explorer", layout="wide")
    graph_view.new_run()
    menu = st.sidebar.container()  # the page links come first in the sidebar
    ctx = context()
    page_context.store(ctx)
    lang = ctx["lang"]
    pages = [st.Page(f"views/{name}.py", title=t(title, lang), url_path=name) for title, name in VIEWS]
    pages += [st.Page(f"views/{name}.py", title=t(title, lang), url_path=name)
              for title, name, shown in STORE_VIEWS if shown()]
    # "/" shows the map too; every view, the map included, also has its own address (/explore, /paths, …)
    home = st.Page("views/explore.py", title=t("explore", lang), url_path="start", default=True)
    page = st.navigation([home, *pages], position="hidden")
    for view in pages:
        menu.page_link(view, label=view.title)
    address.write_link(page.url_path if page is not home else "explore")
    _uploader_words(lang)
    st.title(t("app_title", lang))
    st.caption(t("app_intro", lang))
    revision_banner(lang)
    page.run()


def _uploader_words(lang: str) -> None:
    """Streamlit writes the file uploader's button and size note in English only: say them in ``lang``."""
    word = t("upload_button", lang).replace('"', "")
    st.html(f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] button * {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "{word}"; font-size: 0.875rem; }}
</style>""")

run()
