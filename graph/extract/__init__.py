"""Read a report: documents → candidate actors and ties, each tie with a verbatim quote.

Never writes anything: the result is a :class:`~graph.model.Dataset` for a
person to review, and :func:`accepted_changes` turns what they accept into
one store revision.  E-mail addresses and phone numbers are masked as the
document is read, so no output can hold them.

>>> doc = document_from_text("Föreningen Grannar arbetar i samarbete med Region Halland.", "a.txt")
>>> ds = extract_documents([doc]).dataset
>>> sorted(ds.actors["name"])
['Grannar', 'Region Halland']
"""

from graph.extract.changes import accepted_changes, accepted_dataset, tables_zip
from graph.extract.documents import (
    MASK,
    READABLE,
    Document,
    DocumentError,
    detect_language,
    document_from_bytes,
    document_from_text,
    mask_contacts,
    read_document,
)
from graph.extract.pipeline import Extraction, extract_documents

__all__ = [
    "MASK",
    "READABLE",
    "Document",
    "DocumentError",
    "Extraction",
    "accepted_changes",
    "accepted_dataset",
    "detect_language",
    "document_from_bytes",
    "document_from_text",
    "extract_documents",
    "mask_contacts",
    "read_document",
    "tables_zip",
]
