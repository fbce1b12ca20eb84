"""Page "Read a document": upload or paste a report, review its candidate actors and ties, add them to the map.

Each candidate tie shows its kind, status and period (start and end, as the
sentence states it) to edit before it is accepted.

The reading is :func:`graph.extract.extract_documents`; what is accepted becomes
change dicts by :func:`graph.extract.accepted_changes` — applied as one store
revision when the app runs on a store, offered as CSV tables otherwise.
The document's text is shown as text only: every character is escaped.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from graph.cell_rules import DATE_PATTERN
from graph.extract import (
    READABLE,
    DocumentError,
    accepted_changes,
    accepted_dataset,
    document_from_bytes,
    document_from_text,
    extract_documents,
    tables_zip,
)
from graph.text import say
from ui import access, state
from ui.context import current
from ui.i18n import md_text, t, vocab_label

__all__ = ["render_read_document", "WORDS", "highlighted"]

WORDS: dict[str, dict[str, str]] = {
    "intro": {"sv": "Läs in en rapport, ett protokoll eller en projektbeskrivning. Verktyget föreslår aktörer och "
                    "samarbeten, vart och ett med meningen som säger det; du granskar innan något läggs till.",
              "en": "Read a report, minutes or a project description. The tool proposes actors and ties, each with "
                    "the sentence that states it; you review them before anything is added.",
              "nb": "Les inn en rapport, et referat eller en prosjektbeskrivelse. Verktøyet foreslår aktører og "
                    "samarbeid, hvert med setningen som sier det; du går gjennom før noe legges til."},
    "upload": {"sv": "Dokument (.txt, .md, .html, .docx, .pdf)", "en": "Document (.txt, .md, .html, .docx, .pdf)",
               "nb": "Dokument (.txt, .md, .html, .docx, .pdf)"},
    "paste": {"sv": "… eller klistra in text", "en": "… or paste text", "nb": "… eller lim inn tekst"},
    "read": {"sv": "Läs dokumentet", "en": "Read the document", "nb": "Les dokumentet"},
    "nothing": {"sv": "Ladda upp ett dokument eller klistra in text först.", "en": "Upload a document or paste text first.",
                "nb": "Last opp et dokument eller lim inn tekst først."},
    "found": {"sv": "{lang_name}: {actors} aktörer och {ties} möjliga samarbeten i {doc}.",
              "en": "{lang_name}: {actors} actors and {ties} candidate ties in {doc}.",
              "nb": "{lang_name}: {actors} aktører og {ties} mulige samarbeid i {doc}."},
    "text": {"sv": "Texten, med aktörerna markerade", "en": "The text, with the actors highlighted",
             "nb": "Teksten, med aktørene markert"},
    "ties": {"sv": "Möjliga samarbeten", "en": "Candidate ties", "nb": "Mulige samarbeid"},
    "no_ties": {"sv": "Inga samarbeten hittades i texten.", "en": "No ties were found in the text.",
                "nb": "Ingen samarbeid ble funnet i teksten."},
    "accept": {"sv": "Godta", "en": "Accept", "nb": "Godta"},
    "accept_all": {"sv": "Godta alla", "en": "Accept all", "nb": "Godta alle"},
    "reject_all": {"sv": "Avvisa alla", "en": "Reject all", "nb": "Avvis alle"},
    "source": {"sv": "Från", "en": "From", "nb": "Fra"},
    "target": {"sv": "Till", "en": "To", "nb": "Til"},
    "kind": {"sv": "Slag", "en": "Kind", "nb": "Type"},
    "status": {"sv": "Status", "en": "Status", "nb": "Status"},
    "evidence": {"sv": "Belägg", "en": "Evidence", "nb": "Belegg"},
    "date_help": {"sv": "Perioden som meningen anger: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD; tomt om den inte säger det.",
                  "en": "The period the sentence states: YYYY, YYYY-MM or YYYY-MM-DD; empty where it does not say.",
                  "nb": "Perioden setningen angir: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD; tomt der den ikke sier det."},
    "new_actors": {"sv": "Nya aktörer", "en": "New actors", "nb": "Nye aktører"},
    "create": {"sv": "Skapa som ny aktör", "en": "Create as a new actor", "nb": "Opprett som ny aktør"},
    "map_to": {"sv": "{name} ({type}): skapa eller koppla till en befintlig aktör",
               "en": "{name} ({type}): create, or map onto an existing actor",
               "nb": "{name} ({type}): opprett, eller koble til en eksisterende aktør"},
    "save": {"sv": "Lägg till i kartan", "en": "Add to the map", "nb": "Legg til i kartet"},
    "none_accepted": {"sv": "Inget samarbete är godtaget.", "en": "No tie is accepted.",
                      "nb": "Ingen samarbeid er godtatt."},
    "saved": {"sv": "Tillagt som revision {revision}: {ties} samarbeten med dokumentet som källa.",
              "en": "Added as revision {revision}: {ties} ties with the document as their source.",
              "nb": "Lagt til som revisjon {revision}: {ties} samarbeid med dokumentet som kilde."},
    "refused": {"sv": "Kartan tog inte emot ändringarna: {reason}", "en": "The map refused the changes: {reason}",
                "nb": "Kartet tok ikke imot endringene: {reason}"},
    "download": {"sv": "Ladda ner de godtagna som CSV-tabeller (zip)",
                 "en": "Download the accepted ones as CSV tables (zip)",
                 "nb": "Last ned de godtatte som CSV-tabeller (zip)"},
    "no_store": {"sv": "Appen körs på filer, inte på en databas: ladda ner tabellerna och importera dem.",
                 "en": "The app runs on files, not on a database: download the tables and import them.",
                 "nb": "Appen kjører på filer, ikke på en database: last ned tabellene og importer dem."},
    "author": {"sv": "Läst från dokument", "en": "Read from a document", "nb": "Lest fra dokument"},
}
LANGUAGE_NAMES = {"sv": {"sv": "Svenska", "nb": "Norska (bokmål)", "nn": "Norska (nynorska)", "en": "Engelska"},
                  "en": {"sv": "Swedish", "nb": "Norwegian (bokmål)", "nn": "Norwegian (nynorsk)", "en": "English"},
                  "nb": {"sv": "Svensk", "nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "Engelsk"}}
_NEW = "__new__"
#: What a start or end cell may hold: a date as the model writes it (its rules check that the day exists), or nothing.
DATE_CELL = f"^(?:{DATE_PATTERN})?$"


def w(key: str, lang: str, **values: object) -> str:
    """This page's word ``key`` in ``lang`` (the fallback rule of :mod:`graph.text`)."""
    if key not in WORDS:
        raise KeyError(key)
    return say(WORDS, key, lang, **values)


def highlighted(text: str, spans: list[tuple[int, int]], limit: int = 30_000) -> str:
    """Markdown of ``text`` with the spans marked, every character escaped (no markup of the user's runs).

    >>> highlighted("A <b> och Region X", [(10, 18)])
    'A \\\\<b\\\\> och :blue-background[Region X]'
    """
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at or end > limit:
            continue
        out.append(md_text(text[at:start]))
        out.append(f":blue-background[{md_text(text[start:end])}]")
        at = end
    out.append(md_text(text[at:limit]) + (" …" if len(text) > limit else ""))
    return "".join(out).replace("\n", "  \n")


def _read(upload, pasted: str):
    if upload is not None:
        return document_from_bytes(upload.getvalue(), upload.name)
    digest = hashlib.sha1(pasted.encode("utf-8")).hexdigest()[:8]
    return document_from_text(pasted, f"pasted-{digest}.txt")


@st.cache_resource(max_entries=8, show_spinner=False)
def _extracted(key: str, doc_id: str, digest: str, _doc, _ds):
    """The candidates of one document against the map ``key``: read once, not on every click of the review."""
    return extract_documents([_doc], _ds)


def _input(lang: str) -> None:
    upload = st.file_uploader(w("upload", lang), type=[s.lstrip(".") for s in READABLE], key="rd_upload")
    pasted = st.text_area(w("paste", lang), key="rd_paste", height=150)
    if st.button(w("read", lang), key="rd_read", type="primary"):
        if upload is None and not pasted.strip():
            st.warning(w("nothing", lang))
            return
        try:
            doc = _read(upload, pasted)
        except DocumentError as exc:
            st.error(md_text(str(exc)))
            return
        st.session_state["rd_doc"] = doc
        st.session_state["rd_version"] = st.session_state.get("rd_version", 0) + 1
        st.session_state["rd_all"] = True


def _tie_table(result, lang: str) -> pd.DataFrame:
    ties = result.dataset.collaborations
    names = dict(zip(result.dataset.actors["id"], result.dataset.actors["name"]))
    accept = st.session_state.get("rd_all", True)
    return pd.DataFrame({"accept": [accept] * len(ties), "source_name": ties["source"].map(names),
                         "target_name": ties["target"].map(names), "kind": ties["kind"], "status": ties["status"],
                         "start": ties["start"], "end": ties["end"], "evidence": ties["evidence"], "source": ties["source"], "target": ties["target"],
                         "document": ties["document"], "themes": ties["themes"]})


def _review_ties(result, lang: str) -> pd.DataFrame:
    st.subheader(w("ties", lang))
    if not len(result.dataset.collaborations):
        st.info(w("no_ties", lang))
        return result.dataset.collaborations.iloc[0:0]
    left, right = st.columns(2)
    for column, key, value in ((left, "accept_all", True), (right, "reject_all", False)):
        if column.button(w(key, lang), key=f"rd_{key}"):
            st.session_state["rd_all"] = value
            st.session_state["rd_version"] = st.session_state.get("rd_version", 0) + 1
    from graph.vocab import KINDS, STATUSES

    config = {"accept": st.column_config.CheckboxColumn(w("accept", lang)),
              "source_name": st.column_config.TextColumn(w("source", lang), disabled=True),
              "target_name": st.column_config.TextColumn(w("target", lang), disabled=True),
              "kind": st.column_config.SelectboxColumn(w("kind", lang), options=list(KINDS), required=True,
                                                       format_func=lambda v: vocab_label("kind", v, lang)),
              "status": st.column_config.SelectboxColumn(w("status", lang), options=list(STATUSES), required=True,
                                                         format_func=lambda v: vocab_label("status", v, lang)),
              "start": st.column_config.TextColumn(t("start", lang), help=w("date_help", lang), validate=DATE_CELL,
                                                   max_chars=10),
              "end": st.column_config.TextColumn(t("end", lang), help=w("date_help", lang), validate=DATE_CELL,
                                                 max_chars=10),
              "evidence": st.column_config.TextColumn(w("evidence", lang), disabled=True, width="large"),
              "source": None, "target": None, "document": None, "themes": None}
    edited = st.data_editor(_tie_table(result, lang), column_config=config, hide_index=True, num_rows="fixed",
                            key=f"rd_ties_{st.session_state.get('rd_version', 0)}", width="stretch")
    return edited[edited["accept"]].drop(columns=["accept", "source_name", "target_name"])


def _map_new(result, ds, accepted: pd.DataFrame, lang: str) -> dict[str, str]:
    known = dict(zip(ds.actors["id"], ds.actors["name"]))
    used = set(accepted["source"]) | set(accepted["target"])
    new = result.dataset.actors[~result.dataset.actors["id"].isin(known) & result.dataset.actors["id"].isin(used)]
    if not len(new):
        return {}
    st.subheader(w("new_actors", lang))
    options = [_NEW, *sorted(known, key=lambda k: str(known[k]).casefold())]
    mapping = {}
    for row in new.to_dict("records"):
        default = options.index(row["match"]) if row.get("match") in known else 0
        choice = st.selectbox(w("map_to", lang, name=md_text(row["name"]), type=vocab_label("type", row["type"], lang)),
                              options, index=default, key=f"rd_map_{row['id']}",
                              format_func=lambda k: w("create", lang) if k == _NEW else str(known[k]))
        if choice != _NEW:
            mapping[row["id"]] = choice
    return mapping


def _save(changes: list[dict], lang: str) -> None:
    engine = state.store_engine()
    ties = sum(c["table"] == "collaborations" for c in changes)
    if engine is None:
        st.caption(w("no_store", lang))
        st.download_button(w("download", lang), tables_zip(accepted_dataset(changes)),
                           file_name="accepted-candidates.zip", mime="application/zip", key="rd_download")
        return
    from graph import store

    author, role = access.author_name() or w("author", lang), access.role()
    if st.button(w("save", lang), key="rd_save", type="primary"):
        document = next((c["row"]["id"] for c in changes if c["table"] == "documents"), "")
        try:
            revision = store.apply_changes(engine, changes, author=author, role=role,
                                           message=f"{w('author', lang)}: {document}".strip(": "))
        except store.ChangeRejected as exc:
            st.error(md_text(w("refused", lang, reason="; ".join(p.text(lang) for p in exc.problems))))
            return
        except store.StoreError as exc:          # a conflict, a viewer's role, the database itself
            st.error(md_text(w("refused", lang, reason=exc.text(lang))))
            return
        st.session_state.pop("rd_doc", None)
        st.success(md_text(w("saved", lang, revision=revision, ties=ties)))


def render_read_document(ctx: dict) -> None:
    """The page: input, the highlighted text, the ties to review, the new actors, then save or download."""
    lang, ds = ctx["lang"], ctx["ds"]
    st.header(w("read", lang))
    st.caption(w("intro", lang))
    _input(lang)
    doc = st.session_state.get("rd_doc")
    if doc is None:
        return
    result = _extracted(ctx["key"], doc.id, hashlib.sha1(doc.text.encode("utf-8")).hexdigest(), doc, ds)
    st.success(md_text(w("found", lang, lang_name=LANGUAGE_NAMES[lang].get(doc.language, doc.language),
                         actors=len(result.dataset.actors), ties=len(result.dataset.collaborations), doc=doc.id)))
    with st.expander(w("text", lang), expanded=False):
        spans = [(m.start, m.end) for m in result.mentions[doc.id] if not m.collective]
        st.markdown(highlighted(doc.text, spans))
    accepted = _review_ties(result, lang)
    mapping = _map_new(result, ds, accepted, lang)
    if not len(accepted):
        st.info(w("none_accepted", lang))
        return
    changes = accepted_changes(accepted, result.dataset.actors, doc, mapping=mapping,
                               existing=set(ds.actors["id"]), existing_documents=set(ds.documents["id"]))
    _save(changes, lang)


if __name__ == "__main__":  # run as a page by st.navigation
    render_read_document(current())
