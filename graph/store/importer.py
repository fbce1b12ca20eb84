"""Import a whole dataset into the store: validated first, then one revision, all or nothing.

``merge`` adds new rows and changes rows that differ, leaving the rest alone;
``replace`` also deletes what the data no longer holds.

>>> from graph.model import Dataset
>>> from graph.store import connect, create
>>> engine = create(connect("sqlite://"))
>>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
...                           collaborations=[{"id": "t", "source": "a", "target": "b"}])
>>> summary = import_dataset(engine, ds, author="Ann")
>>> summary["revision"], summary["actors"]
(1, {'added': 2, 'changed': 0, 'unchanged': 0, 'deleted': 0})
>>> import_dataset(engine, ds, author="Ann")["revision"] is None   # nothing new: no revision
True
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from graph.model import TABLES, Dataset, validate
from graph.store import queries
from graph.store.changes import Change, check_role, write
from graph.store.engine import writing
from graph.store.errors import ChangeRejected

__all__ = ["import_dataset", "MODES"]

MODES = ("merge", "replace")


def _diff(name: str, ds: Dataset, stored: dict, mode: str, changes: list[Change]) -> dict[str, int]:
    counts = {"added": 0, "changed": 0, "unchanged": 0, "deleted": 0}
    table = getattr(ds, name)
    columns = list(table.columns)
    seen = set()
    for values in table[columns].to_dict("records"):
        row_id = values["id"]
        seen.add(row_id)
        old = stored.get(row_id)
        if old is None:
            changes.append(Change(len(changes) + 1, "add", name, row_id, values))
            counts["added"] += 1
            continue
        different = {k: v for k, v in values.items() if old.get(k, "") != v}
        if different:
            changes.append(Change(len(changes) + 1, "update", name, row_id, different, old["version"]))
        counts["changed" if different else "unchanged"] += 1
    if mode == "replace":
        for row_id, old in stored.items():
            if row_id not in seen:
                changes.append(Change(len(changes) + 1, "delete", name, row_id, version=old["version"]))
                counts["deleted"] += 1
    return counts


def import_dataset(engine: Engine, ds: Dataset, *, mode: str = "merge", author: str, message: str = "",
                   role: str | None = None) -> dict:
    """Import ``ds``; returns per table the counts added, changed, unchanged, deleted, and the ``revision``.

    Raises
    ------
    ChangeRejected
        The data has errors (every one listed, by file, row and column); nothing is written.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    check_role(role)
    errors = [p for p in validate(ds) if p.severity == "error"]
    if errors:
        raise ChangeRejected(errors)
    with writing(engine) as conn:
        known = {t: {r["id"]: r for r in queries.all_rows(conn, t)} for t in TABLES}
        changes: list[Change] = []
        summary: dict = {t: _diff(t, ds, known[t], mode, changes) for t in TABLES}
        summary["revision"] = None
        if changes:
            summary["revision"] = write(conn, changes, author=author, message=message or f"import ({mode})",
                                        checked=True, known=known)
    return summary
