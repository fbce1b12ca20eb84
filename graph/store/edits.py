"""Edits made of several changes: delete an actor with its ties, merge two actors, find likely duplicates.

Each builds a batch from the rows as they are now (with their versions) and
sends it through :func:`graph.store.apply_changes`, so it is one revision,
checked like any other.

>>> from graph.store import apply_changes, connect, create, load_dataset
>>> engine = create(connect("sqlite://"))
>>> apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": i, "name": n}}
...                        for i, n in [("lf", "Leader Framtidsbygder"), ("lf2", "Leader Framtidsbygd"),
...                                     ("x", "X")]]
...               + [{"op": "add", "table": "collaborations", "row": {"source": "lf2", "target": "x"}}],
...               author="Ann", message="")
1
>>> likely_duplicates(load_dataset(engine).actors)[0][:2]
('lf', 'lf2')
>>> merge_actors(engine, "lf", "lf2", author="Ann")
2
>>> load_dataset(engine).collaborations[["source", "target"]].values.tolist()
[['lf', 'x']]
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

from graph.model import MULTI_VALUE_SEP, Problem, split_multi
from graph.store import queries
from graph.store.api import apply_changes
from graph.store.engine import reading
from graph.store.errors import ChangeRejected

__all__ = ["ties_of_actor", "delete_actor", "merge_actors", "likely_duplicates"]


def ties_of_actor(engine: Engine, actor: str) -> list[dict]:
    """The ties (id, source, target, version) of ``actor``: what deleting it takes with it."""
    with reading(engine) as conn:
        return queries.ties_touching(conn, [actor])


def delete_actor(engine: Engine, actor: str, version: int, *, author: str, role: str | None = None) -> int:
    """Delete ``actor`` (at ``version``) and its ties in one revision."""
    changes = [{"op": "delete", "table": "collaborations", "id": t["id"], "version": t["version"]}
               for t in ties_of_actor(engine, actor)]
    changes.append({"op": "delete", "table": "actors", "id": actor, "version": version})
    return apply_changes(engine, changes, author=author, message=f"delete {actor}", role=role)


def merge_actors(engine: Engine, keep: str, remove: str, *, author: str, role: str | None = None) -> int:
    """Move ``remove``'s ties and names onto ``keep`` and delete ``remove``, in one revision.

    A tie between the two would become a self-tie, so it goes; ``remove``'s name and aliases become aliases of ``keep``.
    """
    with reading(engine) as conn:
        rows = queries.rows_by_id(conn, "actors", [keep, remove])
        ties = queries.ties_touching(conn, [remove])
    missing = [a for a in (keep, remove) if a not in rows]  # a colleague deleted it meanwhile
    if missing:
        raise ChangeRejected(Problem.of("actors", None, "id", "no_such_row", table="actors", id=missing[0]))
    kept, gone = rows[keep], rows[remove]
    changes = []
    for tie in ties:
        ends = {e: (keep if tie[e] == remove else tie[e]) for e in ("source", "target")}
        if ends["source"] == ends["target"]:
            changes.append({"op": "delete", "table": "collaborations", "id": tie["id"], "version": tie["version"]})
        else:
            changes.append({"op": "update", "table": "collaborations", "id": tie["id"], "version": tie["version"],
                            "set": ends})
    names = split_multi(kept["aliases"])
    for name in [gone["name"], *split_multi(gone["aliases"])]:
        if name and name != kept["name"] and name not in names:
            names.append(name)
    changes.append({"op": "update", "table": "actors", "id": keep, "version": kept["version"],
                    "set": {"aliases": MULTI_VALUE_SEP.join(names)}})
    changes.append({"op": "delete", "table": "actors", "id": remove, "version": gone["version"]})
    return apply_changes(engine, changes, author=author, message=f"merge {remove} into {keep}", role=role)


def likely_duplicates(actors: pd.DataFrame, *, threshold: float = 85, limit: int = 20) -> list[tuple[str, str, float]]:
    """Pairs of actors whose names (or aliases) look alike, most alike first: (id, id, similarity 0–100)."""
    from rapidfuzz import fuzz, process

    names, owners = [], []
    for actor, name, aliases in actors[["id", "name", "aliases"]].itertuples(index=False):
        for text in [name, *split_multi(aliases)]:
            if text:
                names.append(text.casefold())
                owners.append(actor)
    if len(names) > 5_000:  # a full comparison grows with the square: look at the first names only
        names, owners = names[:5_000], owners[:5_000]
    scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, workers=1)
    best: dict[tuple[str, str], float] = {}
    for i, j in zip(*scores.nonzero(), strict=True):
        a, b = owners[i], owners[j]
        if a < b:
            best[(a, b)] = max(best.get((a, b), 0.0), float(scores[i, j]))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return [(a, b, score) for (a, b), score in ranked[:limit]]
