"""Which rows of a table changed between two versions of it, matched by id.

A table brought up to date by the map's snapshot (:func:`graph.store.snapshot.advance`) keeps, in the same
memory, every column no change touched: :func:`same_cells` sees that at once, and only the other columns are
compared.  Otherwise rows are matched by their ids, which must be given and each used once
(:func:`usable_ids`), and kept in their order.

>>> before = pd.DataFrame({"id": ["t1", "t2"], "status": ["existing", "existing"]})
>>> old, new = tie_changes(before, before.assign(status=["existing", "ended"]))
>>> old["id"].tolist(), new["status"].tolist()
(['t2'], ['ended'])
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["same_cells", "usable_ids", "tie_changes", "actor_changes"]


def same_cells(a: pd.Series, b: pd.Series) -> bool:
    """Whether ``a`` and ``b`` hold their cells in the very same memory (so they are equal cell for cell): a
    table brought up to date keeps the columns no change touched (:func:`graph.store.snapshot.advance`).
    False says nothing: they may still be equal.

    >>> s = pd.Series(["a", "b"], dtype=str)
    >>> same_cells(s, s.copy(deep=False)), same_cells(s, pd.Series(["a", "b"], dtype=str))
    (True, False)
    """
    x, y = a.array, b.array
    if len(x) != len(y) or a.dtype != b.dtype:
        return False
    if hasattr(x, "__arrow_array__") and hasattr(y, "__arrow_array__"):
        return x.__arrow_array__() is y.__arrow_array__()
    u, v = np.asarray(x).__array_interface__, np.asarray(y).__array_interface__
    return (u["data"][0], u["shape"], u["strides"]) == (v["data"][0], v["shape"], v["strides"])


def usable_ids(ids: pd.Series) -> bool:
    """Whether rows can be matched by these ids: each given, and used once.

    >>> usable_ids(pd.Series(["a", "b"])), usable_ids(pd.Series(["a", "a"])), usable_ids(pd.Series(["a", ""]))
    (True, False, False)
    """
    return bool((ids != "").all()) and ids.is_unique


def _changed_columns(before: pd.DataFrame, after: pd.DataFrame) -> np.ndarray:
    """For tables with the same rows in the same order (their ids in the same memory): which rows of ``after``
    differ, comparing only the columns not kept as they were."""
    differs = np.zeros(len(after), dtype=bool)
    for column in after.columns:
        if not same_cells(before[column], after[column]):
            ne = before[column].array != after[column].array
            differs |= np.asarray(ne.fillna(True) if hasattr(ne, "fillna") else ne, dtype=bool)
    return differs


def _changed_rows(before: pd.DataFrame, after: pd.DataFrame, where: np.ndarray) -> np.ndarray:
    """For each row of ``after`` found in ``before`` at ``where``: does any cell differ? (column by column, in
    the columns' own arrays: a third of the time of comparing object arrays)"""
    differs = np.zeros(len(after), dtype=bool)
    for column in after.columns:
        ne = before[column].array.take(where) != after[column].array
        differs |= np.asarray(ne.fillna(True) if hasattr(ne, "fillna") else ne, dtype=bool)
    return differs


def tie_changes(before: pd.DataFrame, after: pd.DataFrame, usable: Callable[[], bool] | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The rows of ties changed, added or removed: as they were and as they are (None: not comparable).

    ``usable`` says whether ``before``'s ids are each given and used once (known from an earlier look).
    """
    if list(before.columns) != list(after.columns):
        return None
    if same_cells(before["id"], after["id"]):  # the same rows in the same order
        if not (usable() if usable else usable_ids(before["id"])):
            return None
        differs = _changed_columns(before, after)
        if not differs.any():  # an edit elsewhere (an actor's row): no rows to take out
            return before.iloc[:0], after.iloc[:0]
        return before[differs], after[differs]
    old, new = pd.Index(before["id"].astype(object)), pd.Index(after["id"].astype(object))
    if not old.is_unique or not new.is_unique or (old == "").any() or (new == "").any():
        return None
    where = old.get_indexer(new)
    kept = where >= 0
    if (np.diff(where[kept]) <= 0).any():  # the ties kept are in another order: parallel ties bend otherwise
        return None
    differs = np.ones(len(new), dtype=bool)
    differs[kept] = _changed_rows(before, after[kept], where[kept])
    gone = np.ones(len(old), dtype=bool)
    gone[where[kept]] = False
    gone[where[kept][differs[kept]]] = True
    return before[gone], after[differs]


def actor_changes(before: pd.DataFrame, after: pd.DataFrame, usable: Callable[[], bool] | None = None
                  ) -> tuple[list[str], list[str], list[str]] | None:
    """Ids of the actors whose row changed, of those added (last, in order) and of those removed (None:
    actors in another order, or an id twice). ``usable`` as for :func:`tie_changes`.

    >>> before = pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"]})
    >>> actor_changes(before, pd.DataFrame({"id": ["a", "c", "d"], "name": ["A", "Cecilia", "D"]}))
    (['c'], ['d'], ['b'])
    """
    if list(before.columns) != list(after.columns):
        return None
    if same_cells(before["id"], after["id"]):  # the same rows in the same order
        if not (usable() if usable else usable_ids(before["id"])):
            return None
        return after["id"][_changed_columns(before, after)].tolist(), [], []
    old, new = pd.Index(before["id"].astype(object)), pd.Index(after["id"].astype(object))
    if not old.is_unique or not new.is_unique or (new == "").any():
        return None
    where = old.get_indexer(new)
    kept = where >= 0
    if (np.diff(where[kept]) <= 0).any() or (kept[1:] & ~kept[:-1]).any():  # reordered, or added in between
        return None
    differs = _changed_rows(before, after[kept], where[kept])
    removed = np.ones(len(old), dtype=bool)
    removed[where[kept]] = False
    return list(new[kept][differs]), list(new[~kept]), list(old[removed])
