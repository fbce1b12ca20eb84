"""The map's drawing in the app: positions, the whole map drawn once per colour, size and language, views
joined from its pieces, and an edit redrawn from the last drawing (:mod:`graph.redraw`).

Shared by every session (they run in threads); nothing here is edited in place.
"""

from __future__ import annotations

import hashlib
import re
import threading

import networkx as nx
import streamlit as st

from graph import questions
from graph.build import to_multigraph
from graph.layout import compute_layout, extend_layout
from graph.model import Dataset
from graph.redraw import Drawing, draw, drawing_labels, redraw
from graph.render import network_data
from graph.webpage import json_for_script, json_subset
from ui.state import ACCEPTED, communities_of, dataset_metrics, graph_of, view, year_of

__all__ = ["positions_of", "drawing_of", "map_patch_of"]


class _Newest:
    """The newest of something per map (a drawing, a layout), shared by every session (they run in threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: dict = {}


def positions_of(key: str, _ds: Dataset) -> dict:
    """Positions of every actor of the whole dataset: filtered views keep their places.

    Accepted suggestions add ties, never actors, so the map keeps the layout of
    the data as read: accepting a tie does not reshuffle it.  The map's database
    keeps its layout across edits; actors added since are placed beside their
    partners (:func:`graph.layout.extend_layout`) while nine in ten actors have a place.
    """
    base = key.split(ACCEPTED)[0]
    if not base.startswith("db:"):
        return _positions(base, _ds)
    actors = hashlib.sha1("\n".join(sorted(_ds.actors["id"])).encode()).hexdigest()[:16]
    latest = _latest_positions()
    lineage = _lineage(key)
    with latest.lock:
        prior = latest.items.get(lineage)
    if prior is not None and prior[0] == actors:
        return prior[1]
    ids = [a for a in _ds.actors["id"] if a]
    if prior is not None and sum(a in prior[1] for a in ids) >= 0.9 * len(ids):
        new = {a for a in ids if a not in prior[1]}
        ties = _ds.collaborations
        near = ties[ties["source"].isin(new) | ties["target"].isin(new)]
        G = nx.Graph()
        G.add_nodes_from(ids)
        G.add_edges_from((u, v) for u, v in zip(near["source"], near["target"], strict=True) if u in G and v in G)
        positions = extend_layout(prior[1], G)
    else:
        positions = _positions(lineage + "|" + actors, _ds)
    with latest.lock:
        latest.items[lineage] = (actors, positions)
    return positions


@st.cache_resource(max_entries=1, show_spinner=False)
def _latest_positions() -> _Newest:
    """The newest layout of each map (lineage -> (its actors, positions)), shared by every session."""
    return _Newest()


@st.cache_resource(max_entries=4, show_spinner="…")
def _positions(key: str, _ds: Dataset) -> dict:
    return compute_layout(to_multigraph(_ds), seed=1)  # the data as read (key without accepted ties)


def _node_sizes(key: str, size_by: str, _ds: Dataset) -> dict | None:
    """Actor id -> the number node sizes follow: partners (the Brokers page's, without waiting for its
    betweenness), betweenness, or None for one size."""
    if size_by == "degree":
        return questions.partner_counts(_ds).to_dict()
    return None if size_by == "none" else dataset_metrics(key, _ds)["betweenness"].to_dict()


@st.cache_resource(max_entries=1, show_spinner=False)
def _latest_drawings() -> _Newest:
    """The newest drawing of each map per colour, size and language: after an edit the map is redrawn from
    it (:func:`graph.redraw.redraw`), not drawn whole."""
    return _Newest()


def _lineage(key: str) -> str:
    """The data key without its revision or file time: the same map or files at another moment."""
    return re.sub(r"[#@]\d+$", "", key.split(ACCEPTED)[0])


@st.cache_resource(max_entries=8, show_spinner=False)
def _full_drawing(key: str, color_by: str, size_by: str, lang: str, _ds: Dataset) -> Drawing:
    """The whole dataset's drawing: the last drawing of the same map brought up to date, else drawn whole."""
    latest = _latest_drawings()
    wanted = (_lineage(key), color_by, size_by, lang)
    with latest.lock:
        before = latest.items.get(wanted)
    drawing = None
    if before is not None:
        added = not set(_ds.actors["id"].tolist()) <= before.score.keys()
        drawing = redraw(before, _ds, positions_of(key, _ds) if added else None)  # new actors need a place
    if drawing is None:
        sizes = "partners" if size_by == "degree" else _node_sizes(key, size_by, _ds)
        groups = communities_of(key, (), None, _ds) if color_by == "community" else None
        drawing = draw(_ds, positions_of(key, _ds), color_by=color_by, sizes=sizes, lang=lang, communities=groups,
                       G=graph_of(key, (), None, _ds))
    with latest.lock:
        if len(latest.items) >= 16:
            latest.items.pop(next(iter(latest.items)))
        latest.items[wanted] = drawing
    return drawing


@st.cache_resource(max_entries=32, show_spinner=False)
def drawing_of(key: str, filters: tuple, focus: tuple[str, int] | None, color_by: str, size_by: str, lang: str,
               _ds: Dataset) -> tuple[str | Drawing, frozenset[str]]:
    """The map of a view as JSON (the whole map: its :class:`~graph.redraw.Drawing`, whose JSON is made only
    when a page needs it), and the ids of the actors on it.

    The whole dataset is drawn once (per colour, size and language) and kept
    as one JSON piece per actor and tie; a view joins the pieces of its actors
    and ties.  That keeps a filter change fast on big networks, and actors
    keep their place, colour and size across filters.
    """
    if year_of(filters):  # a time slice changes the ties' statuses: draw it whole
        return _sliced_drawing(key, filters, focus, color_by, size_by, lang, _ds)
    drawing = _full_drawing(key, color_by, size_by, lang, _ds)
    parts, tie_ids = drawing.parts, drawing.tie_ids
    if not filters and not focus:
        return drawing, frozenset(parts["node_ids"])
    part = view(key, filters, focus, _ds)
    actors = set(part.actors["id"])
    ties = set(part.collaborations["id"])
    return json_subset(parts, actors, [tie in ties for tie in tie_ids]), frozenset(actors & set(parts["node_ids"]))


def map_patch_of(key: str, filters: tuple, focus: tuple[str, int] | None, color_by: str, size_by: str, lang: str,
                 _ds: Dataset) -> dict | None:
    """The edit that made the whole map's drawing, for a page that shows the drawing before it (None: the view
    is filtered or focused, or the map was drawn whole). See :class:`graph.redraw.Drawing`."""
    if filters or focus:
        return None
    return _full_drawing(key, color_by, size_by, lang, _ds).patch


def _sliced_drawing(key: str, filters: tuple, focus: tuple[str, int] | None, color_by: str, size_by: str,
                    lang: str, _ds: Dataset) -> tuple[str, frozenset[str]]:
    part = view(key, filters, focus, _ds)
    G = graph_of(key, filters, focus, _ds)
    sizes = _node_sizes(key, size_by, _ds)
    groups = communities_of(key, (), None, _ds) if color_by == "community" else None
    data = network_data(G, positions_of(key, _ds), color_by=color_by, size_by=sizes, lang=lang, communities=groups,
                        **drawing_labels(part))
    return json_for_script(data), frozenset(G.nodes)
