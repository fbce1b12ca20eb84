"""The suggestions view: ties a source recommends, then new ideas, each with its reason in words
(numbers on demand); accepting one; sector gaps per place."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph import links
from graph.model import Dataset
from graph.suggest import GROUPS, narrow, organise
from graph.text import decimal, figures
from ui import state
from ui.context import current
from ui.i18n import md_text, t, theme_labels
from ui.widgets import actor_picker, quote_block

__all__ = ["render_suggestions", "narrow", "METHOD_KEYS"]

#: Method code -> the key of its name in ``ui.i18n``.
METHOD_KEYS = {m: f"method_{m}" for m in links.METHODS}


@st.cache_resource(max_entries=16, show_spinner="…")
def _suggestions(key: str, method: str, actor: str | None, lang: str, top: int, _ds: Dataset) -> pd.DataFrame:
    return links.suggest_links(_ds.collaborations, _ds.actors, _ds.themes if len(_ds.themes) else None,
                               method=method, top=top, actor=actor, lang=lang,
                               documents=_ds.documents if len(_ds.documents) else None)


_SEP = "\x1f"  # joins two ids in one option value


def _accept(source: str, target: str) -> None:
    """Keep the suggestion as a planned tie with its reason: in the map's database, else for this session."""
    from graph import store
    from ui import access

    engine = state.store_engine()
    if engine is None:
        accepted = list(st.session_state.get("accepted_ties", []))
        accepted.append({"id": f"suggested--{source}--{target}", "source": source, "target": target,
                         "kind": "dialogue", "status": "planned", "evidence": "", "document": ""})
        st.session_state["accepted_ties"] = accepted
        return
    ctx = current()
    ds, lang = ctx["ds"], ctx["lang"]
    scored = links.score_pairs(ds.collaborations, pd.DataFrame({"source": [source], "target": [target]}), ds.actors,
                               ds.themes if len(ds.themes) else None, lang=lang,
                               documents=ds.documents if len(ds.documents) else None)
    reason = str(scored["reason"].iloc[0]) if len(scored) else ""
    row = {"source": source, "target": target, "kind": "dialogue", "status": "planned", "reason": reason}
    if not access.author_name():  # every change is kept with who made it
        st.error(t("need_name", lang))
        st.stop()
    try:
        store.apply_changes(engine, [{"op": "add", "table": "collaborations", "row": row}],
                            author=access.author_name(), message=f"accepted suggestion: {reason}"[:500],
                            role=access.role())
    except (store.StoreError, store.ChangeRejected) as exc:
        problems = getattr(exc, "problems", None)
        st.error(md_text("\n".join(p.text(lang) for p in problems) if problems else exc.text(lang)))
        st.stop()


def _choices(ctx: dict, names: dict[str, str]) -> dict:
    lang, ds, key = ctx["lang"], ctx["ds"], ctx["key"]
    c1, c2, c3 = st.columns(3)
    method = c1.selectbox(t("method", lang), list(links.METHODS), key="links_method",
                          format_func=lambda m: t(METHOD_KEYS[m], lang), help=t("method_help", lang))
    actor = actor_picker(t("for_actor", lang), names, "links_actor", placeholder=t("all", lang), container=c2)
    top = c3.number_input(t("how_many", lang), 5, 200, 10, step=5, key="links_top")
    values = state.filter_values_of(key, ds)
    c4, c5, c6 = st.columns(3)
    place = c4.selectbox(t("place", lang), values["regions"] + values["municipalities"], index=None,
                         key="links_place", placeholder=t("all", lang))
    labels = theme_labels(ds.themes, lang)
    theme = c5.selectbox(t("theme", lang), values["themes"], index=None, format_func=lambda v: labels.get(v, v),
                         key="links_theme", placeholder=t("all", lang))
    across = c6.checkbox(t("across_sectors", lang), key="links_across")
    numbers = c6.checkbox(t("show_numbers", lang), key="links_numbers")
    return {"method": method, "actor": actor, "top": int(top), "place": place, "theme": theme, "across": across,
            "numbers": numbers}


def _show_group(rows: pd.DataFrame, group: str, ds: Dataset, lang: str, numbers: bool) -> None:
    names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
    titles = dict(zip(ds.documents["id"], ds.documents["title"], strict=True)) if len(ds.documents) else {}
    st.markdown(f"#### {t('group_' + group, lang)} ({len(rows)})")
    if rows.empty:
        st.caption(t("none_found", lang))
        return
    for number, row in enumerate(rows.itertuples(index=False), start=1):
        pair = f"{md_text(names.get(row.source, row.source))} — {md_text(names.get(row.target, row.target))}"
        extra = ""
        if numbers:
            shown = figures([x for x in (row.numbers, f"{t('score', lang)} {decimal(row.score, lang)}") if x], lang)
            extra = f" ({md_text(shown)})"
        st.markdown(f"**{number}. {pair}**  \n{md_text(row.sentence)}{extra}")
        if row.evidence:
            quote_block(row.evidence, titles.get(row.document) or "", lang=lang)


def render_suggestions(ctx: dict) -> None:
    lang, ds, key = ctx["lang"], ctx["ds"], ctx["key"]
    names = dict(zip(ds.actors["id"], ds.actors["name"], strict=True))
    st.caption(t("suggestions_intro", lang))
    c = _choices(ctx, names)
    try:
        narrowed = bool(c["place"] or c["theme"] or c["across"])  # look further down the ranking when narrowing it
        table = _suggestions(key, c["method"], c["actor"], lang, 2000 if narrowed else 300, ds)
    except ValueError as exc:
        st.error(str(exc))
        return
    table = organise(table, ds, lang=lang, actor=c["actor"], place=c["place"], theme=c["theme"],
                     across_sectors=c["across"], top=c["top"])
    for group in GROUPS:
        _show_group(table[table["group"] == group], group, ds, lang, c["numbers"])
    name = lambda actor: names.get(actor, actor)  # noqa: E731 - ties may name actors the table lacks
    if not table.empty:
        pairs = [f"{a}{_SEP}{b}" for a, b in zip(table["source"], table["target"], strict=True)]  # ids, not places
        picked = st.selectbox(t("accept", lang), pairs, index=None, key="links_accept_choice", placeholder="…",
                              format_func=lambda pair: " — ".join(name(x) for x in pair.split(_SEP)))
        if picked is not None and st.button(t("accept", lang), key="links_accept"):
            choice = picked.split(_SEP)
            _accept(*choice)
            st.session_state["links_accepted_message"] = t("accepted", lang, a=md_text(name(choice[0])),
                                                           b=md_text(name(choice[1])))
            st.rerun()
    message = st.session_state.pop("links_accepted_message", None)
    if message:
        st.success(message)
    render_gaps(ctx)


def render_gaps(ctx: dict) -> None:
    lang, ds = ctx["lang"], ctx["ds"]
    st.markdown(f"#### {t('gaps', lang)}")
    kind = st.radio(t("place", lang), ["municipality", "region"], horizontal=True, key="gaps_kind",
                    format_func=lambda k: t(k, lang))
    gaps = links.sector_gaps(ds.collaborations, ds.actors, place=kind, lang=lang)
    places = sorted(set(gaps["place"]))
    if not places:
        st.caption(t("none_found", lang))
        return
    where = st.selectbox(t(kind, lang), places, key="gaps_place")
    words = {c: links.category_label(c, lang, capital=True) for c in links.CATEGORIES}
    matrix = links.sector_gap_matrix(gaps, where).rename(index=words, columns=words)
    matrix.index.name, matrix.columns.name = t("ties_between", lang), None
    st.caption(t("gap_matrix_intro", lang))
    st.dataframe(matrix, width="stretch", key="gaps_matrix")
    rows = gaps[(gaps["place"] == where) & (gaps["note"] != "")]
    st.dataframe(pd.DataFrame({
        t("sector_group_a", lang): rows["category_a"].map(words), t("sector_group_b", lang): rows["category_b"].map(words),
        t("status", lang): rows["note"]}), hide_index=True, width="stretch", key="gaps_list")


if __name__ == "__main__":  # run as a page by st.navigation
    render_suggestions(current())
