"""The page the map is drawn in: vis-network and our JS/CSS inlined, JSON safe in a ``<script>``.

* :data:`DRAW_JS` / :data:`DRAW_CSS` (``graph/assets/``) are shared by the
  standalone page and the Streamlit component (``ui.graph_view``); they build
  tooltips and the legend as DOM nodes filled with ``textContent``, so user
  text is never parsed as HTML.
* :func:`json_for_script`, :func:`json_parts` and :func:`json_subset` serialise
  a drawing of :func:`graph.render.network_data` once and cut views out of it.
* :func:`standalone_html` is one self-contained page: no CDN, no font, no request.

>>> "<script" in json_for_script({"name": "</script><script>"})
False
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from graph.render import network_data

__all__ = ["DRAW_CSS", "DRAW_JS", "json_for_script", "json_parts", "json_subset", "standalone_html",
           "vis_network_css", "vis_network_js"]


def _asset(name: str) -> str:
    return (resources.files("graph") / "assets" / name).read_text(encoding="utf-8")


#: Defines ``globalThis.snxDraw(container, data, onSelect)`` and ``snxFocus(network, id, fit)``
#: (see ``graph/assets/draw.js``). User text only ever reaches the DOM through ``textContent``.
DRAW_JS = _asset("draw.js")

#: CSS for tooltips, legend and canvas (shared with the component).
DRAW_CSS = _asset("draw.css")


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
