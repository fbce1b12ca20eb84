"""The map in a database: SQLite by default, PostgreSQL by URL, with history and undo.

Every write goes through :func:`apply_changes` (or :func:`import_dataset` and
:func:`undo`, which end in the same place): checked with the rules of
:func:`graph.validate`, all or nothing, recorded as one revision with the
rows as they were before and after.

>>> engine = create(connect("sqlite://"))
>>> apply_changes(engine, [
...     {"op": "add", "table": "documents", "row": {"id": "doc", "title": "Report", "text": "A and B meet."}},
...     {"op": "add", "table": "actors", "row": {"id": "a", "name": "A"}},
...     {"op": "add", "table": "actors", "row": {"id": "b", "name": "B"}},
...     {"op": "add", "table": "collaborations", "row": {"source": "a", "target": "b", "kind": "dialogue",
...                                                      "document": "doc", "evidence": "A and B meet."}},
... ], author="Ann", message="from the report")
1
>>> get_row(engine, "collaborations", "a--b--dialogue")["version"]
1
"""

from graph.store.api import apply_changes, first_start, get_row, open_store
from graph.store.changes import Change, check_role
from graph.store.engine import StoreError, connect, describe, is_url
from graph.store.errors import ChangeRejected, Conflict, Forbidden, describe_change
from graph.store.history import history, latest_revision, revision, undo
from graph.store.history_text import (
    BIG_UNDO,
    author_text,
    change_text,
    changed_values,
    local_time,
    message_text,
    undone_by,
    zone_name,
)
from graph.store.importer import import_dataset
from graph.store.migrate import check, create, migrate
from graph.store.snapshot import Snapshot, load_dataset, refresh

__all__ = [
    "BIG_UNDO",
    "Change",
    "ChangeRejected",
    "Conflict",
    "Forbidden",
    "Snapshot",
    "StoreError",
    "apply_changes",
    "author_text",
    "change_text",
    "changed_values",
    "check",
    "check_role",
    "connect",
    "create",
    "describe",
    "describe_change",
    "first_start",
    "get_row",
    "history",
    "latest_revision",
    "import_dataset",
    "is_url",
    "load_dataset",
    "local_time",
    "message_text",
    "migrate",
    "open_store",
    "refresh",
    "revision",
    "undo",
    "undone_by",
    "zone_name",
]
