"""The actor network as vis-network data: nodes, ties, legend and options.

:func:`network_data` turns a graph and its positions into a JSON-able dict of
nodes, edges, legend and vis-network options. Positions are fixed and physics
is off, so the browser only draws. The page that draws it (vis-network and our
JS/CSS inlined) is :mod:`graph.webpage`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Literal

import networkx as nx

from graph import style
from graph.style import (
    COMMUNITY_COLORS,
    EDGE_STYLE,
    ENDED_COLOR,
    FALLBACK_COLOR,
    SECTOR_COLORS,
    STATUS_DASHES,
    TYPE_COLORS,
)
from graph.vocab import ACTOR_TYPES, KINDS, SECTORS, STATUSES, label

__all__ = [
    "COMMUNITY_COLORS",
    "EDGE_STYLE",
    "ENDED_COLOR",
    "FALLBACK_COLOR",
    "SECTOR_COLORS",
    "STATUS_DASHES",
    "TYPE_COLORS",
    "canvas_scale",
    "isolates_grid",
    "network_data",
]

ColorBy = Literal["sector", "type", "community", "color"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_TIP_LIMIT = 600  # characters of one tooltip field


def network_data(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    *,
    color_by: ColorBy = "sector",
    size_by: Mapping[Hashable, float] | None = None,
    labels: bool | Literal["auto"] = "auto",
    lang: str = "sv",
    communities: Mapping[Hashable, int] | None = None,
    theme_labels: Mapping[str, Mapping[str, str]] | None = None,
    document_titles: Mapping[str, str] | None = None,
    scale: float | None = None,
) -> dict[str, Any]:
    """Return the JSON-able vis-network description of `G`.

    Parameters
    ----------
    G : networkx graph
        Actors and ties (see ``graph.build``); not changed.
    positions : mapping
        ``node -> (x, y)`` in about ``[-1, 1]`` (from ``compute_layout``);
        scaled here to canvas units. A node without a position raises.
        Actors without a tie are set out as a small grid under the rest,
        with a caption.
    color_by : {"sector", "type", "community", "color"}, optional
        Node colour: by sector, by actor type, by community (from
        `communities`, else Louvain with a fixed seed; the ten largest get
        distinct colours, smaller ones are "other"), or the node's own
        ``color`` attribute when it is a valid ``#rrggbb`` (else by sector).
    size_by : mapping, optional
        ``node -> metric``; nodes are sized by it (missing nodes get the
        smallest value), and it decides which names are drawn first.
    labels : bool or "auto", optional
        ``"auto"`` and ``True``: the page draws names, most important first,
        where they overlap no other name or node at the current zoom;
        ``False`` never (names stay in tooltips).
    lang : {"sv", "en", "nb"}, optional
        Language of legend and tooltip words (default Swedish); unknown
        codes fall back to "en".
    communities : mapping, optional
        ``node -> community number`` for ``color_by="community"``.
    theme_labels, document_titles : mapping, optional
        ``lang -> theme id -> label`` and ``document id -> title``, so that
        tooltips name themes and sources in words.
    scale : float, optional
        Canvas units per layout unit (default: from the number of actors;
        ``graph.redraw`` keeps a map's scale across edits).

    Returns
    -------
    dict
        ``nodes`` and ``edges`` (vis-network items; ``tip`` holds plain
        tooltip text, ``rank`` the order of names), ``legend`` and
        ``legend_ties`` (with their titles), ``captions``, ``options``
        (vis-network options) and ``meta``.

    Raises
    ------
    ValueError
        If `color_by` is unknown.
    KeyError
        If a node has no position.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiGraph()
    >>> G.add_node("a", name="A", sector="public")
    >>> G.add_node("b", name="B", sector="business")
    >>> _ = G.add_edge("a", "b", kind="funding", status="planned", themes=("housing",),
    ...                source="b", target="a")
    >>> data = network_data(G, {"a": (0, 0), "b": (1, 0)}, lang="en",
    ...                     theme_labels={"en": {"housing": "Housing"}})
    >>> [n["label"] for n in data["nodes"]]
    ['A', 'B']
    >>> e = data["edges"][0]
    >>> (e["from"], e["to"], e["arrows"], e["dashes"], e["tip"].splitlines()[-1])
    ('b', 'a', 'to', [8, 6], 'Themes: Housing')
    >>> data["options"]["physics"]["enabled"]
    False
    """
    if color_by not in ("sector", "type", "community", "color"):
        raise ValueError(f"color_by must be sector, type, community or color: {color_by!r}")
    said = style.words(lang)
    said["themes_of"] = dict((theme_labels or {}).get(said["lang"], {}))
    said["titles"] = dict(document_titles or {})
    scale = canvas_scale(len(G)) if scale is None else scale
    colors, legend = _node_colors(G, color_by, said, communities)
    where, captions = _grouped_isolates(G, positions, scale, said)
    rank = style.label_rank(G, size_by)
    nodes = [_node_item(v, attrs, where[v], colors[v], size_by, labels, said) | {"rank": rank[v]}
             for v, attrs in G.nodes(data=True)]
    edges = _edge_items(G, said)
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "legend_title": said["actors"],
        "legend_ties": _tie_legend(edges, said),
        "ties_title": said["ties"],
        "captions": captions,
        "labels": labels is not False,
        "options": _options(len(nodes), len(edges), sized=size_by is not None),
        "lod": _levels_of_detail(len(nodes), len(edges)),
        "meta": {"color_by": color_by, "lang": said["lang"]},
    }


def canvas_scale(n_nodes: int) -> float:
    """Canvas units per layout unit for a map of ``n_nodes`` actors (names keep their room as maps grow).

    >>> round(canvas_scale(56)), round(canvas_scale(5000))
    (337, 3182)
    """
    return max(300.0, 45.0 * math.sqrt(max(n_nodes, 1)))


def _grouped_isolates(G: nx.Graph, positions: Mapping[Hashable, tuple[float, float]], scale: float,
                      said: Mapping[str, Any]) -> tuple[dict, list[dict]]:
    """Canvas positions: actors without ties as a grid of up to three columns under the rest, with a caption."""
    return isolates_grid(list(G), {v: G.degree(v) for v in G}, {v: str(G.nodes[v].get("name") or v) for v in G},
                         positions, scale, said)


def isolates_grid(nodes: list, degree: Mapping[Hashable, int], names: Mapping[Hashable, str],
                  positions: Mapping[Hashable, tuple[float, float]], scale: float,
                  said: Mapping[str, Any]) -> tuple[dict, list[dict]]:
    """:func:`network_data`'s canvas positions from each actor's number of ties and name (see ``graph.redraw``).

    >>> where, captions = isolates_grid(["a", "b", "c"], {"a": 1, "b": 1, "c": 0}, {"a": "A", "b": "B", "c": "C"},
    ...                                 {"a": (0, 0), "b": (1, 0), "c": (0.5, 0.5)}, 300.0, style.words("en"))
    >>> where["c"], captions[0]["text"]
    ((0.0, 130.0), 'Without recorded ties (1)')
    """
    where = {v: (float(positions[v][0]) * scale, float(positions[v][1]) * scale) for v in nodes}
    alone = sorted((v for v in nodes if degree[v] == 0), key=lambda v: names[v].casefold())
    tied = [v for v in nodes if degree[v] > 0]
    if not alone or not tied or len(alone) > 60:
        return {v: (round(x, 1), round(y, 1)) for v, (x, y) in where.items()}, []
    left = min(where[v][0] for v in tied)
    top = max(where[v][1] for v in tied) + 90.0
    columns = min(3, len(alone))
    longest = max(len(names[v]) for v in alone)
    step_x = max(220.0, 12.0 * longest + 30.0, (max(where[v][0] for v in tied) - left) / columns)
    for i, v in enumerate(alone):
        where[v] = (left + (i % columns) * step_x, top + 40.0 + 34.0 * (i // columns))
    text = said["isolates_one"] if len(alone) == 1 else said["isolates"].format(n=len(alone))
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in where.items()}, [{"x": round(left - 10, 1),
                                                                            "y": round(top + 6, 1), "text": text}]


def _text(value: Any) -> str:
    """Return `value` as display text ('' for missing / NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(v) for v in value if _text(v))
    return str(value)


def _clip(text: str, limit: int = _TIP_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_colors(
    G: nx.Graph,
    color_by: str,
    words: Mapping[str, str],
    communities: Mapping[Hashable, int] | None,
) -> tuple[dict[Hashable, str], list[dict[str, str]]]:
    """Return ``node -> colour`` and the legend entries actually used."""
    if color_by == "community":
        if communities is None:
            parts = nx.community.louvain_communities(nx.Graph(G), seed=1)
            communities = {v: i for i, part in enumerate(parts) for v in part}
        grouped = style.community_keys({v: communities[v] for v in G if v in communities})
        keys = {v: grouped.get(v) for v in G}

        def pick(k: Any) -> str:
            return style.COMMUNITY_COLORS[k] if isinstance(k, int) else style.FALLBACK_COLOR

        def name(k: Any) -> str:
            return f"{words['community']} {k + 1}" if isinstance(k, int) else words["other_communities"]
    else:
        attr = "type" if color_by == "type" else "sector"
        palette = style.TYPE_COLORS if attr == "type" else style.SECTOR_COLORS
        vocab = ACTOR_TYPES if attr == "type" else SECTORS
        keys = {v: _text(a.get(attr)) or None for v, a in G.nodes(data=True)}

        def pick(k: Any) -> str:
            return palette.get(k, style.FALLBACK_COLOR) if k else style.FALLBACK_COLOR

        def name(k: Any) -> str:
            return label(vocab, k, words["lang"]) if k else words["unknown"]

    colors = {v: pick(k) for v, k in keys.items()}
    if color_by == "color":
        for v, a in G.nodes(data=True):
            own = a.get("color")
            if isinstance(own, str) and _HEX.match(own):
                colors[v] = own.lower()
    seen: dict[Any, None] = dict.fromkeys(sorted(set(keys.values()), key=_legend_order))
    legend = [{"key": _text(k) or "unknown", "label": name(k), "color": pick(k)} for k in seen]
    return colors, legend


def _legend_order(key: Any) -> tuple:
    order = {**{k: i for i, k in enumerate(style.SECTOR_COLORS)}, **{k: i for i, k in enumerate(style.TYPE_COLORS)}}
    if key is None:
        return (2, 0, "")
    if isinstance(key, int):
        return (0, key, "")
    return (0, order.get(key, len(order)), str(key))


def _node_item(
    v: Hashable,
    attrs: Mapping[str, Any],
    xy: tuple[float, float],
    color: str,
    size_by: Mapping[Hashable, float] | None,
    labels: bool | str,
    words: Mapping[str, str],
) -> dict[str, Any]:
    name = _text(attrs.get("name")) or str(v)
    kind = " · ".join(
        label(vocab, t, words["lang"])
        for vocab, t in ((ACTOR_TYPES, _text(attrs.get("type"))), (SECTORS, _text(attrs.get("sector"))))
        if t
    )
    country = style.country_label(_text(attrs.get("country")), words["lang"]) if _text(attrs.get("country")) else ""
    place = ", ".join(t for t in (*(_text(attrs.get(k)).replace("|", ", ") for k in ("municipality", "region")),
                                  country) if t)
    aliases = _text(attrs.get("aliases"))
    tip = [name, kind, place, _clip(_text(attrs.get("description")))]
    if aliases:
        tip.append(f"{words['aka']}: {aliases}")
    item: dict[str, Any] = {
        "id": str(v),
        "label": name if labels is not False else "",
        "name": name,
        "x": xy[0],
        "y": xy[1],
        "color": color,
        "tip": "\n".join(t for t in tip if t),
    }
    if size_by is not None:
        value = size_by.get(v)
        item["value"] = float(value) if _finite(value) else 0.0
    return item


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _edge_tip(attrs: Mapping[str, Any], kind: str, status: str, words: Mapping[str, Any]) -> str:
    """A tie's tooltip in words: kind and status, period, the quote, themes by label, the source by title."""
    head = f"{label(KINDS, kind, words['lang']) or '?'} · {label(STATUSES, status, words['lang'])}"
    span = "–".join(t for t in (_text(attrs.get("start")), _text(attrs.get("end"))) if t)
    phase = _text(attrs.get("phase"))
    if phase == "started":
        head += f" · {words['started'].format(year=_text(attrs.get('start'))[:4])}"
    evidence = _clip(_text(attrs.get("evidence")))
    themes = attrs.get("themes") or ()
    themes = [themes] if isinstance(themes, str) else list(themes)
    named = ", ".join(words["themes_of"].get(t, t) for t in themes if t)
    document = _text(attrs.get("document"))
    document = words["titles"].get(document, document)
    tip = [head + (f" ({span})" if span else ""), f"“{evidence}”" if evidence else "",
           f"{words['document']}: {document}" if document else "", f"{words['themes']}: {named}" if named else ""]
    return "\n".join(t for t in tip if t)


def _edge_items(G: nx.Graph, words: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return vis-network edges; parallel ties bend apart."""
    items = []
    parallel: dict[frozenset, int] = {}
    for i, (u, v, attrs) in enumerate(G.edges(data=True)):
        kind = _text(attrs.get("kind"))
        status = _text(attrs.get("status")) or "existing"
        look = style.tie_style(kind, status, _text(attrs.get("phase")))
        src, dst = attrs.get("source"), attrs.get("target")
        if {src, dst} != {u, v} or (src == dst and u != v):
            src, dst = u, v
        nth = parallel[frozenset((u, v))] = parallel.get(frozenset((u, v)), -1) + 1
        weight = attrs.get("weight")
        width = 1.0 + min(4.0, math.log1p(float(weight))) if _finite(weight) and float(weight) > 0 else 1.0
        item: dict[str, Any] = {
            "id": f"e{i}",
            "from": str(src),
            "to": str(dst),
            "color": look["color"],
            "dashes": look["dashes"],
            "width": round(width + look["extra"], 2),
            "kind": kind,
            "status": status,
            "tip": _edge_tip(attrs, kind, status, words),
        }
        if _text(attrs.get("phase")):
            item["phase"] = _text(attrs.get("phase"))
        if look["arrows"]:
            item["arrows"] = "to"
        if nth:
            sign = "curvedCW" if nth % 2 else "curvedCCW"
            item["smooth"] = {"enabled": True, "type": sign, "roundness": 0.15 * ((nth + 1) // 2)}
        items.append(item)
    return items


def tie_looks(edges: Iterable[Mapping[str, Any]]) -> Counter:
    """How many edges there are of each kind and status (and started), which is all the ties' legend needs.

    >>> sorted(tie_looks([{"kind": "funding", "status": "ended"}]).items())
    [(('kind', 'funding'), 1), (('status', 'ended'), 1)]
    """
    looks: Counter = Counter()
    for e in edges:
        looks["kind", e["kind"]] += 1
        looks["status", e["status"]] += 1
        if e.get("phase") == "started":
            looks["started", True] += 1
    return looks


def _tie_legend(edges: list[dict[str, Any]] | Counter, words: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Legend entries for the kinds and statuses of tie on the drawing (colour, dash, arrow); ``edges`` may be
    their :func:`tie_looks`."""
    looks = edges if isinstance(edges, Counter) else tie_looks(edges)
    lang = words["lang"]
    out = [{"label": label(KINDS, k, lang) + (" →" if style.EDGE_STYLE[k]["arrows"] else ""), "line": True,
            "color": style.EDGE_STYLE[k]["color"], "arrow": style.EDGE_STYLE[k]["arrows"]}
           for k in style.EDGE_STYLE if looks["kind", k] > 0]
    dash = {"planned": "dashed", "recommended": "dotted"}
    out += [{"label": label(STATUSES, s, lang), "line": True, "dash": dash.get(s, "solid"),
             "color": style.ENDED_COLOR if s == "ended" else "#666666"}
            for s in ("planned", "recommended", "ended") if looks["status", s] > 0]
    if looks["started", True] > 0:
        out.append({"label": words["started_legend"], "line": True, "color": "#666666",
                    "width": 1 + style.STARTED_EXTRA_WIDTH})
    return out


#: Above this many actors and ties the page draws ties and actors itself, by zoom level (``_levels_of_detail``).
LARGE_MAP = 1500
#: Above this many, no hover (tooltips then need a click-free pointer scan of every tie on each move).
NO_HOVER = 4000


def _levels_of_detail(n_nodes: int, n_edges: int) -> dict[str, int] | None:
    """How many ties a large map draws at most: at rest, and while it pans or zooms (None: small map, all).

    The page draws the ties in view between the most important actors first, so the whole map shows its
    backbone and zooming in shows every tie of the part in view.

    >>> _levels_of_detail(56, 250) is None
    True
    >>> _levels_of_detail(5000, 20000)
    {'rest': 8000, 'moving': 1000}
    """
    if n_nodes + n_edges <= LARGE_MAP:
        return None
    return {"rest": 8000, "moving": 1000}


def _options(n_nodes: int, n_edges: int, *, sized: bool) -> dict[str, Any]:
    """vis-network options: fixed positions, no physics; names (and on large maps ties) are drawn by the page."""
    big = n_nodes + n_edges > LARGE_MAP
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "shape": "dot",
            "size": 10,
            "borderWidth": 1,
            "color": {"border": "#ffffff", "highlight": {"border": "#111111"}, "hover": {"border": "#111111"}},
            "scaling": {"min": 6 if sized else 10, "max": 40 if sized else 10, "label": {"enabled": False}},
        },
        "edges": {
            "smooth": False,
            "color": {"inherit": False, "opacity": 0.8},
            "selectionWidth": 2.5,
            "hoverWidth": 1,
            "arrows": {"to": {"scaleFactor": 0.6}},
        },
        "interaction": {
            "hover": n_nodes + n_edges <= NO_HOVER,
            "dragNodes": not big,  # large maps draw their actors themselves, where the layout put them
            "tooltipDelay": 150,
            "hideEdgesOnDrag": False,  # large maps draw fewer ties while moving instead of none
            "hideEdgesOnZoom": False,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
    }

