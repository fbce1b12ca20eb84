"""The map's drawing, and the same drawing brought up to date after an edit.

:func:`draw` makes a :class:`Drawing` of a whole dataset (what
:func:`graph.render.network_data` and :func:`graph.webpage.json_parts` give,
plus what an update needs).  :func:`redraw` takes that drawing and the
dataset after an edit and draws again only the actors and ties that changed
(and the parallel ties beside a changed one); every other actor and tie keeps
its JSON piece.  Names are ranked again over the whole map, as their order
depends on every actor's size.  At 5,000 actors and 20,000 ties an edit is
redrawn in milliseconds instead of the second a full drawing takes.

:func:`redraw` returns None when the edit reaches further than a few rows, and
the caller draws the map whole: when actors were added, removed or reordered,
ties reordered, themes or documents changed (tooltips name them), an actor's
colour changed (the legend may change), an actor gained its first tie or lost
its last (the grid of actors without ties is laid out again), or a tie changed
while sizes or colours depend on the whole network (betweenness, communities).

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
...                           collaborations=[{"id": "t1", "source": "a", "target": "b"},
...                                           {"id": "t2", "source": "b", "target": "c"}])
>>> before = draw(ds, {"a": (0, 0), "b": (1, 0), "c": (2, 0)}, lang="en")
>>> ties = ds.collaborations.copy()
>>> ties.loc[ties["id"] == "t1", "status"] = "ended"
>>> after = redraw(before, ds.replace(collaborations=ties))
>>> [e["status"] for e in after.data["edges"]], after.changed
(['ended', 'existing'], (2, 1))
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from graph import style
from graph.build import to_multigraph
from graph.cell_rules import among
from graph.model import Dataset
from graph.questions import BROKER_STATUSES, partner_counts
from graph.render import (
    _levels_of_detail,
    _node_colors,
    _options,
    _tie_legend,
    canvas_scale,
    isolates_grid,
    network_data,
    tie_looks,
)
from graph.row_changes import actor_changes, same_cells, tie_changes, usable_ids
from graph.vocab import implied_column
from graph.webpage import json_for_script, json_subset

__all__ = ["Drawing", "draw", "redraw", "drawing_labels", "MOST_CHANGED"]

#: More changed ties than this: the map is drawn whole (it is then about as quick).
MOST_CHANGED = 2_000


def drawing_labels(ds: Dataset) -> dict:
    """What the drawing says in words instead of codes: theme labels (all languages) and document titles.

    >>> ds = Dataset.from_records(themes=[{"id": "housing", "label_en": "Housing"}])
    >>> drawing_labels(ds)["theme_labels"]["en"]
    {'housing': 'Housing'}
    """
    themes = {lang: {tid: row.get(f"label_{lang}") or tid for tid, row in zip(ds.themes["id"], ds.themes.to_dict("records"))}
              for lang in ("sv", "en", "nb")}
    documents = dict(zip(ds.documents["id"], ds.documents["title"]))
    return {"theme_labels": themes, "document_titles": {d: t for d, t in documents.items() if t}}


@dataclass(frozen=True, eq=False)
class Drawing:
    """A dataset's drawing: ``data`` as :func:`~graph.render.network_data` gives it and ``parts`` as
    :func:`~graph.webpage.json_parts` does (one JSON piece per actor and tie), never edited in place.

    ``tie_ids`` names the tie of each edge; ``score`` holds what the order of names follows for each actor
    (size, number of ties, name); ``sizes`` says how sizes were found: ``"partners"`` (distinct partners,
    :func:`graph.questions.partner_counts`), ``None`` (one size) or ``"given"`` (a mapping from outside).
    ``changed`` counts the actors and ties drawn again by :func:`redraw` (None: drawn whole), and ``patch``
    holds them for a page that shows the drawing this one came from (``base``: its :attr:`sig`), so that the
    page puts them in place instead of drawing the map anew (``snxPatch`` in ``draw.js``).
    """

    dataset: Dataset
    data: dict
    parts: dict
    tie_ids: tuple[str, ...]
    score: dict
    positions: Mapping[Hashable, tuple[float, float]]
    scale: float
    color_by: str
    sizes: str | None
    lang: str
    communities: Mapping[Hashable, int] | None = None
    next_edge: int = 0
    changed: tuple[int, int] | None = None
    patch: dict | None = None

    @cached_property
    def json(self) -> str:
        """The whole drawing as script-safe JSON (what the map component draws)."""
        return json_subset(self.parts, None, None)

    @cached_property
    def sig(self) -> str:
        """A fingerprint the page knows the drawing by: of :attr:`json`, or for a drawing :func:`redraw` made,
        of its :attr:`patch` (which names the drawing it came from), so that the JSON is made only when sent."""
        text = self.json if self.patch is None else json_for_script(self.patch)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    @cached_property
    def looks(self) -> Counter:
        """How many edges of each kind and status the drawing has (:func:`graph.render.tie_looks`)."""
        return tie_looks(self.data["edges"])

    @cached_property
    def labels(self) -> dict:
        """Theme labels and document titles of its dataset (:func:`drawing_labels`)."""
        return drawing_labels(self.dataset)

    @cached_property
    def slot_of_tie(self) -> dict[str, int]:
        """Tie id -> its place in the edge list."""
        return {tie: k for k, tie in enumerate(self.tie_ids)}

    @cached_property
    def usable_ids(self) -> tuple[bool, bool]:
        """Whether the actors' and the ties' rows can be matched by id (each given and used once)."""
        return usable_ids(self.dataset.actors["id"]), usable_ids(self.dataset.collaborations["id"])

    @cached_property
    def slot_of_node(self) -> dict[Hashable, int]:
        """Actor id -> its place in the node list."""
        return {n["id"]: k for k, n in enumerate(self.data["nodes"])}

    @cached_property
    def order(self) -> list[Hashable]:
        """The actors in the order of their names' ranks (:func:`_rank_key`).

        >>> d = Drawing(None, {}, {}, (), {"a": (1.0, 1, "A"), "b": (2.0, 1, "B"), "c": (1.0, 1, "Å")}, {}, 1.0,
        ...             "sector", None, "sv")
        >>> d.order
        ['b', 'a', 'c']
        """
        return sorted(self.score, key=_rank_key(self.score))

    @cached_property
    def slot_of_rank(self) -> dict[Hashable, int]:
        """Actor id -> the rank of its name (its place in :attr:`order`)."""
        return {v: k for k, v in enumerate(self.order)}


def _score(G: nx.MultiGraph, sizes: Mapping[Hashable, float] | None) -> dict:
    """Actor -> (size, ties, name): what :func:`graph.style.label_rank` orders names by."""
    values = sizes if sizes is not None else dict(G.degree())
    return {v: (float(values.get(v, 0) or 0), G.degree(v), str(G.nodes[v].get("name") or v)) for v in G}


def _rank_key(score: Mapping[Hashable, tuple]):
    """What the rank of an actor's name follows, by :func:`graph.style.label_rank`'s rule: the largest first,
    then the one with most ties, then by name (and id: every actor has its own rank)."""
    return lambda v: (-score[v][0], -score[v][1], score[v][2], str(v))


def _order_after(before: Drawing, score: Mapping[Hashable, tuple], moved: set) -> list[Hashable]:
    """``before``'s actors in rank order with ``moved`` (actors changed, added or removed) taken out and put
    back where ``score`` ranks them: the order sorting every actor by :func:`_rank_key` finds, without it."""
    key = _rank_key(score)
    order, was = list(before.order), before.slot_of_rank
    for k in sorted((was[v] for v in moved if v in was), reverse=True):
        del order[k]
    for v in moved:
        if v in score:
            bisect.insort(order, v, key=key)
    return order


def draw(ds: Dataset, positions: Mapping[Hashable, tuple[float, float]], *, color_by: str = "sector",
         sizes: str | Mapping[Hashable, float] | None = "partners", lang: str = "sv",
         communities: Mapping[Hashable, int] | None = None, G: nx.MultiGraph | None = None,
         scale: float | None = None) -> Drawing:
    """The whole drawing of ``ds`` (``G``: its multigraph, when already built).

    ``sizes`` is ``"partners"`` (node size by distinct partners, the app's default), None (one size) or a
    mapping ``actor -> value`` (e.g. betweenness); ``scale`` the canvas scale (default from the number of
    actors; :func:`redraw` keeps the first drawing's).
    """
    G = to_multigraph(ds) if G is None else G
    scale = canvas_scale(len(G)) if scale is None else scale
    size_map = partner_counts(ds).to_dict() if sizes == "partners" else sizes
    data = network_data(G, positions, color_by=color_by, size_by=size_map, lang=lang, communities=communities,
                        scale=scale, **drawing_labels(ds))
    parts = {"rest": json_for_script(_rest(data))[1:-1], "node_ids": [str(n["id"]) for n in data["nodes"]],
             "nodes": [json_for_script(n) for n in data["nodes"]], "edges": [json_for_script(e) for e in data["edges"]]}
    rule = sizes if sizes in ("partners", None) else "given"
    return Drawing(ds, data, parts, tuple(tie for _, _, tie in G.edges(data="id")), _score(G, size_map), positions,
                   scale, color_by, rule, lang, communities, next_edge=len(data["edges"]))


def _rest(data: Mapping[str, Any]) -> dict:
    return {k: v for k, v in data.items() if k not in ("nodes", "edges")}


def _touching(ties: pd.DataFrame, actors: set[str]) -> np.ndarray:
    ids = list(actors)
    return among(ties["source"], ids) | among(ties["target"], ids)


def _between(ties: pd.DataFrame, pairs: set[frozenset]) -> pd.DataFrame:
    """The ties that join one of ``pairs``."""
    ends = list({a for pair in pairs for a in pair})
    near = ties[among(ties["source"], ends) & among(ties["target"], ends)]
    keep = [frozenset((s, t)) in pairs for s, t in zip(near["source"], near["target"], strict=True)]
    return near[np.asarray(keep, dtype=bool)]


def redraw(before: Drawing, after: Dataset, positions: Mapping[Hashable, tuple[float, float]] | None = None
           ) -> Drawing | None:
    """``before``'s drawing brought up to ``after``: equal to :func:`draw` of ``after`` at ``before``'s scale
    (edge ids aside). ``positions`` places the actors added since (the others keep their place).

    None when the change reaches further than its rows (see the module's text); draw it whole then.
    """
    b = before.dataset
    if after is b:
        return before
    if not (b.themes.equals(after.themes) and b.documents.equals(after.documents)):
        return None
    actors = actor_changes(b.actors, after.actors, lambda: before.usable_ids[0])
    ties = tie_changes(b.collaborations, after.collaborations, lambda: before.usable_ids[1])
    if actors is None or ties is None or len(ties[0]) + len(ties[1]) > MOST_CHANGED:
        return None
    changed, added, removed = actors
    if any(a not in (positions or {}) for a in added):
        return None
    places = {**before.positions, **{a: positions[a] for a in added}}  # everybody else stays where they are
    old_ties, new_ties = ties
    if (len(old_ties) or len(new_ties) or added) and (before.sizes == "given" or before.color_by == "community"):
        return None
    pairs = {frozenset((s, t)) for frame in (old_ties, new_ties) for s, t in zip(frame["source"], frame["target"],
                                                                                   strict=True)}
    ids = set(after.actors["id"].tolist())
    touched = (set(changed) | set(added) | {a for pair in pairs for a in pair}) & ids  # ends that are not actors
    incident = after.collaborations[_touching(after.collaborations, touched)]
    legend_may_change = bool(added or removed) or bool(changed) and not all(
        same_cells(b.actors[c], after.actors[c]) for c in ("type", "sector"))  # what the legend is made of
    nodes = _redrawn_nodes(before, after, incident, touched, set(removed), places, actors_changed=legend_may_change)
    if nodes is None:
        return None
    n_ties = len(set(old_ties["id"]) | set(new_ties["id"]))
    drawing = _assembled(before, after, nodes, _redrawn_edges(before, after, incident, old_ties, pairs, places),
                         len(touched) + len(removed), n_ties, places)
    if all(same_cells(getattr(b, t)["id"], getattr(after, t)["id"]) for t in ("actors", "collaborations")):
        drawing.__dict__["usable_ids"] = before.usable_ids  # the same ids
    return drawing


def _redrawn_nodes(before: Drawing, after: Dataset, incident: pd.DataFrame, touched: set[str], removed: set[str],
                   places: Mapping[Hashable, tuple[float, float]], *, actors_changed: bool = True) -> dict | None:
    """Actor -> its new item (the touched ones, and those the grid of actors without ties moves), the new
    score of each, the captions and the legend (``before``'s when no actor's row changed). ``incident``: the
    ties of ``after`` with an end among ``touched``."""
    ties = after.collaborations
    ids = after.actors["id"]
    sources, targets = incident["source"].tolist(), incident["target"].tolist()
    actors = set(ids[among(ids, list(set(sources) | set(targets)))].tolist()) - {""}
    degree: Counter = Counter()
    partners: defaultdict = defaultdict(set)  # what partner_counts counts: distinct partners over existing ties
    for a, b, status in zip(sources, targets, incident["status"].tolist(), strict=True):
        if a != b and a in actors and b in actors:  # a tie the graph holds (build.drawable_ties)
            degree[a] += 1
            degree[b] += 1
            if (status or "existing") in BROKER_STATUSES:
                partners[a].add(b)
                partners[b].add(a)
    if before.sizes == "partners":
        sizes = {v: len(partners[v]) for v in touched}
    elif before.sizes is None:
        sizes = None
    else:
        sizes = {v: before.score[v][0] for v in touched}
    alone = to_multigraph(after.subset(actors=after.actors[among(ids, list(touched))],
                                       collaborations=ties.iloc[:0]))  # places and ranks are set below
    drawn = network_data(alone, places, color_by=before.color_by, size_by=sizes, lang=before.lang,
                         communities=before.communities, scale=before.scale, **before.labels)
    old, slot = before.data["nodes"], before.slot_of_node
    score = dict(before.score)
    for v in removed:
        score.pop(v, None)
    items = {}
    for item in drawn["nodes"]:
        v = item["id"]
        value = degree[v] if sizes is None else sizes.get(v, 0)
        score[v] = (float(value or 0), degree[v], str(alone.nodes[v].get("name") or v))
        items[v] = item
    isolated = [v for v in touched | removed if before.score.get(v, (0, 1))[1] == 0 or score.get(v, (0, 1))[1] == 0]
    captions = before.data["captions"]
    if isolated:  # the grid of actors without ties is laid out again (by name, under the rest)
        order = [n["id"] for n in before.data["nodes"] if n["id"] not in removed] + [v for v in items if v not in slot]
        where, captions = isolates_grid(order, {v: score[v][1] for v in order}, {v: score[v][2] for v in order},
                                        places, before.scale, style.words(before.lang))
        for v in order:
            if v not in items and (old[slot[v]]["x"], old[slot[v]]["y"]) != where[v]:
                items[v] = old[slot[v]]
            if v in items:
                items[v] = {**items[v], "x": where[v][0], "y": where[v][1]}
    legend = _legend(before, after) if actors_changed else before.data["legend"]
    return {"items": items, "score": score, "captions": captions, "removed": removed, "legend": legend}


def _legend(before: Drawing, after: Dataset) -> list[dict]:
    """The actors' legend of ``after``: it depends only on which sectors (or types) are on the map, so one
    actor of each is drawn (communities: the legend as it was; the map is drawn whole when they change)."""
    if before.color_by == "community":
        return before.data["legend"]
    attr = "type" if before.color_by == "type" else "sector"
    keys = after.actors["type"] if attr == "type" else implied_column(after.actors, "sector")
    one_each = nx.Graph()
    one_each.add_nodes_from((k, {attr: k}) for k in dict.fromkeys(keys.tolist()))
    return _node_colors(one_each, "type" if attr == "type" else "sector", style.words(before.lang) |
                        {"lang": before.lang}, None)[1]


def _redrawn_edges(before: Drawing, after: Dataset, incident: pd.DataFrame, old_ties: pd.DataFrame,
                   pairs: set[frozenset], places: Mapping[Hashable, tuple[float, float]]) -> dict:
    """The edges of the changed pairs as they are now (all of a pair's ties: parallel ones bend by their order).

    ``incident`` holds every tie of ``after`` with an end that is an actor of ``pairs``; ``old_ties`` the
    ties changed or removed, as they were.
    """
    if not pairs:
        return {"items": [], "ids": [], "gone": set()}
    now = _between(incident, pairs)
    ends = {a for pair in pairs for a in pair}
    G = to_multigraph(after.subset(actors=after.actors[among(after.actors["id"], list(ends))], collaborations=now))
    drawn = network_data(G, places, color_by="sector", lang=before.lang, **before.labels)  # as themes are
    was = set(now["id"]) | set(old_ties["id"])  # the pairs' ties before: those kept are between them now
    return {"items": drawn["edges"], "ids": [tie for _, _, tie in G.edges(data="id")],
            "gone": {before.slot_of_tie[t] for t in was if t in before.slot_of_tie}}


def _assembled(before: Drawing, after: Dataset, nodes: dict, edges: dict, n_actors: int, n_ties: int,
               places: Mapping[Hashable, tuple[float, float]]) -> Drawing:
    """``before`` with the redrawn actors and edges put in, names ranked again, legend and options anew."""
    gone, items = nodes["removed"], nodes["items"]
    added = ([v for v in after.actors["id"].tolist() if v not in before.score]  # added go last, as in the table
             if any(v not in before.score for v in items) else [])
    order = _order_after(before, nodes["score"], set(items) | set(gone))
    rank = {v: k for k, v in enumerate(order)}
    nodes_again, ranks = [], {}

    def put(item: dict, piece: str) -> tuple[dict, str]:
        v = item["id"]
        new = items.get(v)
        if new is None and rank[v] == item["rank"]:
            return item, piece
        item = {**(new or item), "rank": rank[v]}
        if new is not None:
            nodes_again.append(item)
        else:  # only the order of names moved: the page needs the new rank, not the actor again
            ranks[v] = rank[v]
        return item, json_for_script(item)

    if not gone and not added:  # the same actors: only those redrawn and those whose name's rank moved
        node_items, node_json = list(before.data["nodes"]), list(before.parts["nodes"])
        slot = before.slot_of_node
        again = {slot[v] for v in items} | {slot[v] for v, was in zip(order, before.order, strict=True) if v != was}
        for k in sorted(again):
            node_items[k], node_json[k] = put(node_items[k], node_json[k])
    else:
        node_items, node_json = [], []
        for item, piece in zip(before.data["nodes"], before.parts["nodes"], strict=True):
            if item["id"] not in gone:
                item, piece = put(item, piece)
                node_items.append(item)
                node_json.append(piece)
        for v in added:
            item = {**items[v], "rank": rank[v]}
            node_items.append(item)
            node_json.append(json_for_script(item))
            nodes_again.append(item)
    edge_items, edge_json = list(before.data["edges"]), list(before.parts["edges"])
    tie_ids = list(before.tie_ids)
    replaced = dict(zip(edges["ids"], edges["items"], strict=True))
    edges_again, removed = [], []
    looks = Counter(before.looks)
    looks.subtract(tie_looks(edge_items[k] for k in edges["gone"]))
    for k in sorted(edges["gone"], reverse=True):  # the changed pairs' edges: drawn again in place, or gone
        new = replaced.pop(tie_ids[k], None)
        if new is None:
            removed.append(edge_items[k]["id"])
            del edge_items[k], edge_json[k], tie_ids[k]
            continue
        edge_items[k] = {**new, "id": edge_items[k]["id"]}
        edge_json[k] = json_for_script(edge_items[k])
        edges_again.append(edge_items[k])
    next_edge = before.next_edge
    for tie, new in replaced.items():  # ties new to the drawing go last, with ids never used in it
        edge_items.append({**new, "id": f"e{next_edge}"})
        edge_json.append(json_for_script(edge_items[-1]))
        edges_again.append(edge_items[-1])
        tie_ids.append(tie)
        next_edge += 1
    said = style.words(before.lang)
    rest = _rest(before.data)
    looks.update(tie_looks(edges_again))
    rest["legend_ties"] = _tie_legend(looks, said)
    rest["options"] = _options(len(node_items), len(edge_items), sized=before.sizes is not None)
    rest["lod"] = _levels_of_detail(len(node_items), len(edge_items))
    rest["captions"] = nodes["captions"]
    rest["legend"] = nodes["legend"]
    data = {**rest, "nodes": node_items, "edges": edge_items}
    data = {k: data[k] for k in before.data}  # the keys in network_data's order
    same_actors = not gone and not added
    parts = {"rest": json_for_script(_rest(data))[1:-1],
             "node_ids": before.parts["node_ids"] if same_actors else [str(n["id"]) for n in node_items],
             "nodes": node_json, "edges": edge_json}
    patch = {"base": before.sig, "nodes": nodes_again, "ranks": ranks, "edges": edges_again, "removed": removed,
             "removed_nodes": sorted(gone), "rest": _rest(data)}
    drawing = Drawing(after, data, parts, tuple(tie_ids), nodes["score"], places, before.scale, before.color_by,
                      before.sizes, before.lang, before.communities, next_edge, (n_actors, n_ties), patch)
    drawing.__dict__["looks"] = looks  # cached properties, known already (themes and documents are as before)
    drawing.__dict__["labels"] = before.labels
    drawing.__dict__["order"], drawing.__dict__["slot_of_rank"] = order, rank
    if same_actors:
        drawing.__dict__["slot_of_node"] = before.slot_of_node
    if not removed:  # ties kept in place, new ones last
        slots = before.slot_of_tie
        drawing.__dict__["slot_of_tie"] = slots if len(tie_ids) == len(slots) else {
            **slots, **{tie: k for k, tie in enumerate(tie_ids[len(slots):], len(slots))}}
    return drawing
