"""The tables of the store: the four tables of the data model, revisions and their changes.

Every data row has its stable ``id``, its columns beyond the data model's
(a Kumu colour, a theme's rank) as JSON in ``extra``, and a ``version`` that counts the
revisions that changed it.  A revision is one batch of changes by one author;
each change keeps the row as it was before and after (JSON text), which is
what history, undo and the map at a revision are made from.

>>> sorted(metadata.tables)
['actors', 'changes', 'collaborations', 'documents', 'revisions', 'themes']
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

from graph.model import COLUMNS, TABLES

__all__ = ["metadata", "actors", "collaborations", "themes", "documents", "revisions", "changes",
           "DATA_TABLES", "FIELDS", "SCHEMA_VERSION"]

#: The Alembic revision this code writes and expects.
SCHEMA_VERSION = "0001"

metadata = MetaData()

#: table -> the columns a change may set (the data model's, plus the document's full text).
FIELDS: dict[str, tuple[str, ...]] = {name: COLUMNS[name] + (("text",) if name == "documents" else ())
                                      for name in TABLES}


def _data_table(name: str, *extra: Column) -> Table:
    columns = [Column("id", String(200), primary_key=True)]
    columns += [Column(c, Text, nullable=False, server_default="") for c in FIELDS[name] if c != "id"
                and c not in {e.name for e in extra}]
    return Table(name, metadata, *columns, *extra, Column("extra", Text, nullable=True),
                 Column("version", Integer, nullable=False, server_default="1"))


actors = _data_table("actors")
collaborations = _data_table(
    "collaborations",
    Column("source", String(200), ForeignKey("actors.id", name="fk_tie_source"), nullable=False),
    Column("target", String(200), ForeignKey("actors.id", name="fk_tie_target"), nullable=False),
)
themes = _data_table("themes")
documents = _data_table("documents")
Index("ix_collaborations_source", collaborations.c.source)
Index("ix_collaborations_target", collaborations.c.target)

revisions = Table(
    "revisions", metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("time", String(32), nullable=False),
    Column("author", Text, nullable=False),
    Column("message", Text, nullable=False, server_default=""),
    Column("undoes", Integer, nullable=True),
)

changes = Table(
    "changes", metadata,
    Column("revision", Integer, ForeignKey("revisions.number", name="fk_change_revision"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("table_name", String(32), nullable=False),
    Column("row_id", String(200), nullable=False),
    Column("op", String(8), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
)
Index("ix_changes_row", changes.c.table_name, changes.c.row_id, changes.c.revision)

DATA_TABLES: dict[str, Table] = {"actors": actors, "collaborations": collaborations, "themes": themes,
                                 "documents": documents}
