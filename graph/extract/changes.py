"""Accepted candidates → the change dicts of one store revision, or our CSV tables.

Pure data: the page calls :func:`accepted_changes` and hands the list to
``graph.store.apply_changes``; without a store, :func:`accepted_dataset`
gives the same rows as a dataset to download.

>>> import pandas as pd
>>> from graph.extract.documents import document_from_text
>>> doc = document_from_text("A samarbetar med B.", "a.txt")
>>> ties = pd.DataFrame([{"id": "a--b--partnership", "source": "a", "target": "b", "kind": "partnership",
...                       "status": "existing", "evidence": "A samarbetar med B.", "document": "a.txt"}])
>>> actors = pd.DataFrame([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}])
>>> [(c["op"], c["table"], c["row"]["id"]) for c in accepted_changes(ties, actors, doc, mapping={"b": "bee"})]
[('add', 'documents', 'a.txt'), ('add', 'actors', 'a'), ('add', 'collaborations', 'a--bee--partnership')]
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import pandas as pd

from graph.extract.documents import Document, mask_contacts
from graph.io.writers import generate_csv
from graph.model import Dataset, mint_tie_ids

__all__ = ["accepted_changes", "accepted_dataset", "tables_zip"]

_ACTOR_COLUMNS = ("id", "name", "type", "sector", "level", "country", "region", "municipality", "aliases",
                  "description", "documents")
_TIE_COLUMNS = ("source", "target", "kind", "themes", "status", "start", "end", "weight", "evidence", "document")


def _clean(row: Mapping, columns) -> dict[str, str]:
    return {c: mask_contacts(str(row.get(c, "") or "")) for c in columns}


def _tie_rows(ties: pd.DataFrame, mapping: Mapping[str, str], doc_id: str) -> pd.DataFrame:
    rows = []
    for row in ties.to_dict("records"):
        row = _clean(row, _TIE_COLUMNS)
        row["source"] = mapping.get(row["source"], row["source"])
        row["target"] = mapping.get(row["target"], row["target"])
        row["document"] = row["document"] or doc_id
        row["weight"] = row["weight"] or "1"
        if row["source"] != row["target"]:
            rows.append({"id": "", **row})
    table = pd.DataFrame(rows, columns=["id", *_TIE_COLUMNS])
    if len(table):
        table["id"] = mint_tie_ids(table)
    return table


def accepted_changes(ties: pd.DataFrame, actors: pd.DataFrame, document: Document, *,
                     mapping: Mapping[str, str] | None = None, existing: set[str] | frozenset = frozenset(),
                     existing_documents: set[str] | frozenset = frozenset(), with_text: bool = True) -> list[dict]:
    """The changes that put the accepted ``ties`` into the map, with ``document`` as their source.

    ``mapping`` sends a candidate actor id to an existing actor's id (the new actor is then not created);
    ids in ``existing`` are already in the map, and so is the document when its id is in ``existing_documents``.
    The document row carries its (masked) text when ``with_text``.
    Every change is ``{"op": "add", "table": ..., "row": {...}}``, in the order a store can apply them.
    """
    mapping = dict(mapping or {})
    table = _tie_rows(ties, mapping, document.id)
    used = set(table["source"]) | set(table["target"])
    doc_row = {"id": document.id, "title": document.title, "publisher": "", "date": "", "language": document.language}
    if with_text:
        doc_row["text"] = document.text
    changes = [] if document.id in existing_documents else [{"op": "add", "table": "documents", "row": doc_row}]
    for row in actors.to_dict("records"):
        actor = str(row.get("id", ""))
        if actor in used and actor not in existing and actor not in mapping:
            row = _clean(row, _ACTOR_COLUMNS)
            row["documents"] = row["documents"] or document.id
            changes.append({"op": "add", "table": "actors", "row": row})
    changes += [{"op": "add", "table": "collaborations", "row": r} for r in table.to_dict("records")]
    return changes


def accepted_dataset(changes: list[dict]) -> Dataset:
    """The rows of :func:`accepted_changes` as a dataset (to write as CSV tables)."""
    rows: dict[str, list[dict]] = {"actors": [], "collaborations": [], "documents": []}
    for change in changes:
        row = {k: v for k, v in change["row"].items() if k != "text"}
        rows[change["table"]].append(row)
    return Dataset.from_records(**rows)


def tables_zip(ds: Dataset) -> bytes:
    """``actors.csv``, ``collaborations.csv`` and ``documents.csv`` of ``ds`` in one zip (UTF-8 with BOM).

    >>> import zipfile, io
    >>> sorted(zipfile.ZipFile(io.BytesIO(tables_zip(Dataset()))).namelist())
    ['actors.csv', 'collaborations.csv', 'documents.csv']
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("actors", "collaborations", "documents"):
            zf.writestr(f"{name}.csv", ("\ufeff" + generate_csv(getattr(ds, name))).encode("utf-8"))
    return out.getvalue()
