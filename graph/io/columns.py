"""Column names as people write them, mapped onto ours; and what kind of table a header is.

``Namn``, ``Label`` and ``navn`` all mean ``name``; ``Från``/``Till``,
``fra``/``til``, ``källa``/``mål`` and ``From``/``To`` the two ends of a tie
(see :data:`graph.vocab.COLUMN_NAMES`).  Gephi's edge tables say ``Type`` for
a tie's direction: a ``type`` column of ties whose values are all
``directed``/``undirected`` becomes ``direction``.  A mapping the user chose
(the app's mapping step) comes first.

>>> map_header(["Från", "Till", "Typ", "Vikt", "Anteckning"], "collaborations")
['source', 'target', 'kind', 'weight', 'Anteckning']
>>> table_kind(map_header(["Id", "Label", "Sektor"], "actors")), table_kind(["kommun", "fylke"])
('actors', None)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from graph.vocab import DIRECTIONS, column_for, spelling_key

__all__ = ["map_header", "table_kind", "direction_column", "rename_user_columns"]


def map_header(header: Sequence[str], table: str, chosen: Mapping[str, str] | None = None) -> list[str]:
    """``header`` with each name we recognise replaced by our column (the first of a kind wins).

    ``chosen`` maps our column -> the file's column name, as picked by the user.
    """
    picked = {str(v).strip(): k for k, v in (chosen or {}).items() if v}
    out, used = [], set(picked.values())
    for name in header:
        name = str(name).strip()
        ours = picked.get(name)
        if ours is None:
            guess = column_for(table, name)
            ours = guess if guess and guess not in used else None
        out.append(ours or name)
        if ours:
            used.add(ours)
    return out


def table_kind(header: Sequence[str]) -> str | None:
    """``collaborations`` when a (mapped) header names both ends of a tie, ``actors`` when it has an id, else None."""
    names = set(header)
    if {"source", "target"} <= names:
        return "collaborations"
    if "id" in names:
        return "actors"
    return None


def direction_column(ties: pd.DataFrame) -> pd.DataFrame:
    """Gephi's ``Type`` (directed/undirected) as our ``direction``; other values stay the tie's ``kind``.

    >>> direction_column(pd.DataFrame({"kind": ["Directed", "undirected"]})).columns.tolist()
    ['direction']
    """
    for col in ("kind", "type"):
        if col not in ties.columns or "direction" in ties.columns:
            continue
        values = {spelling_key(v) for v in ties[col].unique() if str(v).strip()}
        if values and values <= set(DIRECTIONS) - {"true", "false"}:
            ties = ties.rename(columns={col: "direction"})
            ties["direction"] = ties["direction"].map(lambda v: DIRECTIONS.get(spelling_key(v), ""))
    return ties


def rename_user_columns(table: pd.DataFrame, table_name: str, chosen: Mapping[str, str] | None) -> pd.DataFrame:
    """``table`` with its columns mapped (see :func:`map_header`)."""
    names = map_header([str(c) for c in table.columns], table_name, chosen)
    table = table.set_axis(names, axis=1)
    return table.loc[:, ~table.columns.duplicated()]
