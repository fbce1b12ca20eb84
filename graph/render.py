"""The actor network as vis-network data and as a standalone HTML page.

Everything that knows about vis-network (and pyvis, which only supplies the
bundled vis-network files here) lives in this module:

* :func:`network_data` turns a graph and its positions into a JSON-able
  dict of nodes, edges, legend and vis-network options. Positions are fixed
  and physics is off, so the browser only draws.
* :func:`standalone_html` wraps that dict into one self-contained page with
  vis-network's JavaScript and CSS inlined: no CDN, no font, no request.
* :data:`DRAW_JS` is the small JavaScript shared by that page and the
  Streamlit component (``ui.graph_view``); it builds tooltips and the legend
  as DOM nodes filled with ``textContent``, so user text is never parsed as
  HTML.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, Literal

import networkx as nx

from graph.vocab import ACTOR_TYPES, KINDS, SECTORS, STATUSES, label

__all__ = [
    "DRAW_CSS",
    "DRAW_JS",
    "COMMUNITY_COLORS",
    "EDGE_STYLE",
    "ENDED_COLOR",
    "FALLBACK_COLOR",
    "SECTOR_COLORS",
    "STATUS_DASHES",
    "TYPE_COLORS",
    "json_for_script",
    "json_parts",
    "json_subset",
    "network_data",
    "standalone_html",
    "vis_network_css",
    "vis_network_js",
]

ColorBy = Literal["sector", "type", "community", "color"]

SECTOR_COLORS: dict[str, str] = {
    "public": "#4e79a7",
    "civil_society": "#59a14f",
    "business": "#f28e2b",
}
TYPE_COLORS: dict[str, str] = {
    "state_agency": "#1f4e79",
    "county_board": "#2e75b6",
    "region": "#5b9bd5",
    "municipality": "#9dc3e6",
    "leader_group": "#76b041",
    "network": "#a9d18e",
    "association": "#2e7d32",
    "study_association": "#66bb6a",
    "faith_community": "#8e7cc3",
    "business": "#f28e2b",
    "business_association": "#ffbe7d",
    "fund": "#b07aa1",
    "consultancy": "#e15759",
    "initiative": "#edc948",
    "other": "#9e9e9e",
}
COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
FALLBACK_COLOR = "#9e9e9e"
ENDED_COLOR = "#c8c8c8"

#: vis-network style of a tie by kind: colour and whether it is directed.
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "partnership": {"color": "#5c6bc0", "arrows": False},
    "funding": {"color": "#2e7d32", "arrows": True},
    "commissioning": {"color": "#c62828", "arrows": True},
    "participation": {"color": "#8d6e63", "arrows": False},
    "membership": {"color": "#00838f", "arrows": False},
    "dialogue": {"color": "#9e9e9e", "arrows": False},
}
#: Dash pattern by tie status (``False``: solid line).
STATUS_DASHES: dict[str, Any] = {
    "existing": False,
    "planned": [8, 6],
    "recommended": [2, 6],
    "ended": False,
}

#: Words of the drawing that are not vocabulary values (those come from
#: ``graph.vocab``).
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "community": "Community",
        "unknown": "Unknown",
        "document": "Source",
        "themes": "Themes",
        "aka": "Also known as",
    },
    "sv": {"community": "Grupp", "unknown": "Okänd", "document": "Källa", "themes": "Teman", "aka": "Även kallad"},
    "nb": {"community": "Gruppe", "unknown": "Ukjent", "document": "Kilde", "themes": "Tema", "aka": "Også kalt"},
}

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
) -> dict[str, Any]:
    """Return the JSON-able vis-network description of `G`.

        Parameters
        ----------
        G : networkx graph
            Actors and ties (see ``graph.build``); not changed.
        positions : mapping
            ``node -> (x, y)`` in about ``[-1, 1]`` (from ``compute_layout``);
            scaled here to canvas units. A node without a position raises.
        color_by : {"sector", "type", "community", "color"}, optional
            Node colour: by sector, by actor type, by community (from
            `communities`, else Louvain with a fixed seed), or the node's own
            ``color`` attribute when it is a valid ``#rrggbb`` (else by sector).
        size_by : mapping, optional
            ``node -> metric``; nodes are sized by it (missing nodes get the
            smallest value). ``None`` draws every node the same size.
        labels : bool or "auto", optional
            ``"auto"`` draws a node's name only when it is large enough on
            screen (big nodes first, more when zoomed in); ``True`` always,
            ``False`` never (names stay in tooltips).
        lang : {"sv", "en", "nb"}, optional
            Language of legend and tooltip words (default Swedish); unknown
            codes fall back to "en".
        communities : mapping, optional
            ``node -> community number`` for ``color_by="community"``.

        Returns
        -------
        dict
            ``nodes`` and ``edges`` (vis-network items; ``tip`` holds plain
            tooltip text), ``legend`` (``key``, ``label``, ``color``),
            ``options`` (vis-network options) and ``meta``.

        Raises
        ------
        ValueError
            If `color_by` is unknown.
        KeyError
            If a node has no position.

        Examples
        --------
        >>> import networkx as nx

    from graph.vocab import ACTOR_TYPES, KINDS, SECTORS, STATUSES, label
        >>> G = nx.MultiGraph()
        >>> G.add_node("a", name="A", sector="public")
        >>> G.add_node("b", name="B", sector="business")
        >>> _ = G.add_edge("a", "b", kind="funding", status="planned",
        ...                source="b", target="a")
        >>> data = network_data(G, {"a": (0, 0), "b": (1, 0)})
        >>> [n["label"] for n in data["nodes"]]
        ['A', 'B']
        >>> e = data["edges"][0]
        >>> (e["from"], e["to"], e["arrows"], e["dashes"])
        ('b', 'a', 'to', [8, 6])
        >>> data["options"]["physics"]["enabled"]
        False
    """
    if color_by not in ("sector", "type", "community", "color"):
        raise ValueError(f"color_by must be sector, type, community or color: {color_by!r}")
    lang = lang if lang in _WORDS else "en"
    words = {**_WORDS[lang], "lang": lang}
    scale = max(300.0, 45.0 * math.sqrt(max(len(G), 1)))
    colors, legend = _node_colors(G, color_by, words, communities)
    nodes = [
        _node_item(v, attrs, positions[v], scale, colors[v], size_by, labels, words) for v, attrs in G.nodes(data=True)
    ]
    edges = _edge_items(G, words)
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "options": _options(len(nodes), len(edges), sized=size_by is not None, labels=labels),
        "meta": {"color_by": color_by, "lang": lang},
    }


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
            parts = sorted(parts, key=lambda p: (-len(p), sorted(map(str, p))))
            communities = {v: i for i, part in enumerate(parts) for v in part}
        keys = {v: communities.get(v) for v in G}

        def pick(k: Any) -> str:
            if isinstance(k, int):
                return COMMUNITY_COLORS[k % len(COMMUNITY_COLORS)]
            return FALLBACK_COLOR

        def name(k: Any) -> str:
            return f"{words['community']} {k + 1}" if isinstance(k, int) else words["unknown"]
    else:
        attr = "type" if color_by == "type" else "sector"
        palette = TYPE_COLORS if attr == "type" else SECTOR_COLORS
        vocab = ACTOR_TYPES if attr == "type" else SECTORS
        keys = {v: _text(a.get(attr)) or None for v, a in G.nodes(data=True)}

        def pick(k: Any) -> str:
            return palette.get(k, FALLBACK_COLOR) if k else FALLBACK_COLOR

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
    order = {**{k: i for i, k in enumerate(SECTOR_COLORS)}, **{k: i for i, k in enumerate(TYPE_COLORS)}}
    if key is None:
        return (2, 0, "")
    if isinstance(key, int):
        return (0, key, "")
    return (0, order.get(key, len(order)), str(key))


def _node_item(
    v: Hashable,
    attrs: Mapping[str, Any],
    xy: tuple[float, float],
    scale: float,
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
    place = ", ".join(t for t in (_text(attrs.get(k)).replace("|", ", ") for k in ("municipality", "region", "country"))
                      if t)
    aliases = _text(attrs.get("aliases"))
    tip = [name, kind, place, _clip(_text(attrs.get("description")))]
    if aliases:
        tip.append(f"{words['aka']}: {aliases}")
    item: dict[str, Any] = {
        "id": str(v),
        "label": name if labels is not False else "",
        "name": name,
        "x": round(float(xy[0]) * scale, 1),
        "y": round(float(xy[1]) * scale, 1),
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


def _edge_items(G: nx.Graph, words: Mapping[str, str]) -> list[dict[str, Any]]:
    """Return vis-network edges; parallel ties bend apart."""
    items = []
    parallel: dict[frozenset, int] = {}
    for i, (u, v, attrs) in enumerate(G.edges(data=True)):
        kind = _text(attrs.get("kind"))
        status = _text(attrs.get("status")) or "existing"
        style = EDGE_STYLE.get(kind, {"color": "#9e9e9e", "arrows": False})
        src, dst = attrs.get("source"), attrs.get("target")
        if {src, dst} != {u, v} or (src == dst and u != v):
            src, dst = u, v
        nth = parallel[frozenset((u, v))] = parallel.get(frozenset((u, v)), -1) + 1
        weight = attrs.get("weight")
        width = 1.0 + min(4.0, math.log1p(float(weight))) if _finite(weight) and float(weight) > 0 else 1.0
        head = f"{label(KINDS, kind, words['lang']) or '?'} · {label(STATUSES, status, words['lang'])}"
        span = "–".join(t for t in (_text(attrs.get("start")), _text(attrs.get("end"))) if t)
        themes = _text(attrs.get("themes"))
        evidence = _clip(_text(attrs.get("evidence")))
        document = _text(attrs.get("document"))
        tip = [
            head + (f" ({span})" if span else ""),
            f"“{evidence}”" if evidence else "",
            f"{words['themes']}: {themes}" if themes else "",
            f"{words['document']}: {document}" if document else "",
        ]
        item: dict[str, Any] = {
            "id": f"e{i}",
            "from": str(src),
            "to": str(dst),
            "color": ENDED_COLOR if status == "ended" else style["color"],
            "dashes": STATUS_DASHES.get(status, False),
            "width": round(width, 2),
            "kind": kind,
            "status": status,
            "tip": "\n".join(t for t in tip if t),
        }
        if style["arrows"]:
            item["arrows"] = "to"
        if nth:
            sign = "curvedCW" if nth % 2 else "curvedCCW"
            item["smooth"] = {"enabled": True, "type": sign, "roundness": 0.15 * ((nth + 1) // 2)}
        items.append(item)
    return items


def _options(n_nodes: int, n_edges: int, *, sized: bool, labels: bool | str) -> dict[str, Any]:
    """vis-network options: fixed positions, no physics, label culling."""
    big = n_nodes + n_edges > 4000
    threshold = (11 if sized else 9) if labels == "auto" else 0
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "shape": "dot",
            "size": 10,
            "borderWidth": 1,
            "color": {"border": "#ffffff", "highlight": {"border": "#111111"}, "hover": {"border": "#111111"}},
            "font": {"size": 14, "face": "sans-serif", "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {
                "min": 6 if sized else 10,
                "max": 40 if sized else 10,
                "label": {
                    "enabled": True,
                    "min": 12 if sized else 14,
                    "max": 30 if sized else 14,
                    "maxVisible": 40,
                    "drawThreshold": threshold,
                },
            },
        },
        "edges": {
            "smooth": False,
            "color": {"inherit": False, "opacity": 0.8},
            "selectionWidth": 2,
            "hoverWidth": 1,
            "arrows": {"to": {"scaleFactor": 0.6}},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


# --------------------------------------------------------------------------
# JavaScript shared by the standalone page and the Streamlit component.

#: Defines ``globalThis.snxDraw(container, data, onSelect)``; returns the
#: vis Network. User text only ever reaches the DOM through ``textContent``.
DRAW_JS = r"""
(function () {
  function textBox(text) {
    var div = document.createElement("div");
    div.className = "snx-tip";
    div.textContent = String(text == null ? "" : text);
    return div;
  }
  function legendBox(legend) {
    var box = document.createElement("div");
    box.className = "snx-legend";
    (legend || []).forEach(function (entry) {
      var row = document.createElement("div");
      var dot = document.createElement("span");
      dot.className = "snx-dot";
      if (/^#[0-9a-fA-F]{6}$/.test(entry.color)) dot.style.background = entry.color;
      var label = document.createElement("span");
      label.textContent = String(entry.label);
      row.appendChild(dot);
      row.appendChild(label);
      box.appendChild(row);
    });
    return box;
  }
  function prepare(items) {
    return items.map(function (item) {
      var out = Object.assign({}, item);
      if (item.tip) out.title = textBox(item.tip);
      delete out.tip;
      return out;
    });
  }
  function snxDraw(container, data, onSelect) {
    var host = document.createElement("div");
    host.className = "snx-canvas";
    container.appendChild(host);
    container.appendChild(legendBox(data.legend));
    var nodes = new vis.DataSet(prepare(data.nodes));
    var edges = new vis.DataSet(prepare(data.edges));
    var network = new vis.Network(host, {nodes: nodes, edges: edges}, data.options);
    network.snx = {nodes: nodes, edges: edges, host: host, drawn: 0};
    network.on("afterDrawing", function () {
      if (!network.snx.drawn) network.snx.firstDrawnAt = performance.now();
      network.snx.drawn += 1;
    });
    network.on("click", function (params) {
      if (onSelect && params.nodes && params.nodes.length) onSelect(String(params.nodes[0]));
    });
    // Fit once the container has its size, with room for the labels at the edges.
    network.once("afterDrawing", function () {
      network.fit({animation: false});
      network.moveTo({scale: network.getScale() * 0.88, animation: false});
    });
    return network;
  }
  function snxFocus(network, id) {
    if (id == null || !network.snx.nodes.get(id)) { network.unselectAll(); return false; }
    network.selectNodes([id]);
    // Move the view only when the actor is off screen (a search hit), never under the user's click.
    var dom = network.canvasToDOM(network.getPosition(id));
    var box = network.snx.host.getBoundingClientRect();
    var margin = 30;
    if (dom.x < margin || dom.y < margin || dom.x > box.width - margin || dom.y > box.height - margin) {
      network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    }
    return true;
  }
  globalThis.snxDraw = snxDraw;
  globalThis.snxFocus = snxFocus;
})();
"""

#: CSS for tooltips, legend and canvas (shared with the component).
DRAW_CSS = """
.snx-root { position: relative; width: 100%; height: 100%; font-family: sans-serif; }
.snx-canvas { position: absolute; inset: 0; }
.snx-legend { position: absolute; top: 6px; left: 6px; background: rgba(255,255,255,.85);
  border: 1px solid #ddd; border-radius: 4px; padding: 4px 8px; font-size: 12px;
  color: #222; pointer-events: none; max-height: 45%; overflow: hidden; }
.snx-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 6px; background: #9e9e9e; }
.snx-tip { white-space: pre-line; max-width: 360px; font-size: 12px; line-height: 1.35; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px 8px;
  background: #fffbe6; border: 1px solid #bbb; border-radius: 3px; color: #222;
  box-shadow: 2px 2px 6px rgba(0,0,0,.2); pointer-events: none; z-index: 5; }
"""


@cache
def vis_network_js() -> str:
    """Return pyvis's bundled vis-network 9.1.2 JavaScript, safe to inline.

    The source-map comment is removed (a browser could fetch it) and any
    ``</script`` or ``<!--`` is escaped.

    Examples
    --------
    >>> "vis-network" in vis_network_js()[:200]
    True
    """
    text = _pyvis_lib("vis-network.min.js")
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)
    return text.replace("</script", "<\\/script").replace("<!--", "<\\!--")


@cache
def vis_network_css() -> str:
    """Return pyvis's bundled vis-network CSS, safe to inline in ``<style>``.

    Examples
    --------
    >>> ".vis-network" in vis_network_css()
    True
    """
    text = _pyvis_lib("vis-network.css")
    text = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", text)
    return text.replace("</style", "<\\/style")


def _pyvis_lib(name: str) -> str:
    path = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name
    return path.read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """Return `data` as JSON that is inert inside an HTML ``<script>`` block.

    ``<``, ``>`` and ``&`` (and the JS line separators) become ``\\uXXXX``
    escapes, so no text can close the block or start a comment.

    Examples
    --------
    >>> json_for_script({"name": "</script><b>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def json_parts(data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` from :func:`network_data` as script-safe JSON pieces, one per node and per edge.

    With :func:`json_subset` a part of the drawing becomes JSON by joining
    pieces, without serialising megabytes again for every filter.

    >>> parts = json_parts({"nodes": [{"id": "a"}, {"id": "b"}], "edges": [], "legend": []})
    >>> json_subset(parts, {"b"}, [])
    '{"legend": [], "nodes": [{"id": "b"}], "edges": []}'
    """
    rest = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
    return {
        "rest": json_for_script(rest)[1:-1],
        "node_ids": [str(n["id"]) for n in data["nodes"]],
        "nodes": [json_for_script(n) for n in data["nodes"]],
        "edges": [json_for_script(e) for e in data["edges"]],
    }


def json_subset(parts: Mapping[str, Any], nodes: set[str] | None, edges: Sequence[bool] | None) -> str:
    """The JSON of the drawing keeping only ``nodes`` (ids) and the edges whose flag is true (None: all)."""
    node_json = [j for i, j in zip(parts["node_ids"], parts["nodes"], strict=True) if nodes is None or i in nodes]
    edge_json = parts["edges"] if edges is None else [j for j, keep in zip(parts["edges"], edges, strict=True)
                                                      if keep]
    rest = parts["rest"] + ", " if parts["rest"] else ""
    return "{" + rest + '"nodes": [' + ", ".join(node_json) + '], "edges": [' + ", ".join(edge_json) + "]}"


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{vis_css}</style>
<style>html, body {{ margin: 0; height: 100%; }} {draw_css}</style>
</head>
<body>
<div id="snx" class="snx-root" style="height: {height}"></div>
<script type="application/json" id="snx-data">{data}</script>
<script>{vis_js}</script>
<script>{draw_js}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("snx-data").textContent);
  var network = snxDraw(document.getElementById("snx"), data, null);
  window.snxNetwork = network;
}})();
</script>
</body>
</html>
"""


def standalone_html(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    *,
    title: str = "Stakeholder network",
    height: str = "100vh",
    **options: Any,
) -> str:
    """Return a complete offline HTML page drawing `G`.

        Parameters
        ----------
        G : networkx graph
            Actors and ties; not changed.
        positions : mapping
            ``node -> (x, y)``, as for :func:`network_data`.
        title : str, optional
            Page title (escaped).
        height : str, optional
            CSS height of the drawing, e.g. ``"100vh"`` or ``"700px"``.
        **options
            Passed to :func:`network_data` (``color_by``, ``size_by``,
            ``labels``, ``lang``, ``communities``).

        Returns
        -------
        str
            HTML with vis-network's JavaScript and CSS inlined, the data as
            escaped JSON in a ``<script type="application/json">`` block, and
            a Content-Security-Policy that forbids any network request.

        Raises
        ------
        ValueError
            If `height` is not a plain CSS length.

        Examples
        --------
        >>> import networkx as nx

    from graph.vocab import ACTOR_TYPES, KINDS, SECTORS, STATUSES, label
        >>> G = nx.Graph([("a", "b")])
        >>> page = standalone_html(G, {"a": (0, 0), "b": (1, 1)})
        >>> page.startswith("<!DOCTYPE html>") and "https://" not in page.split("<script")[0]
        True
    """
    if not re.fullmatch(r"\d+(\.\d+)?(px|vh|%|em|rem)", height):
        raise ValueError(f"height must be a CSS length such as '700px': {height!r}")
    data = network_data(G, positions, **options)
    return _PAGE.format(
        lang=data["meta"]["lang"],
        title=_escape_html(title),
        height=height,
        vis_css=vis_network_css(),
        draw_css=DRAW_CSS,
        data=json_for_script(data),
        vis_js=vis_network_js(),
        draw_js=DRAW_JS,
    )


def _escape_html(text: str) -> str:
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
