"""Pictures of the actor network: PNG, SVG and PDF drawn with matplotlib.

The picture uses the positions and colours of the interactive page
(:func:`graph.render.network_data`), so a report shows what the app showed.
Nodes are one scatter sized by degree, ties are a few line collections (one
per dash style) with arrowheads for directed kinds, names are placed greedily
so that they overlap as little as possible, and a legend, a title and a source
note frame the drawing.  No pyplot: each call builds its own
:class:`matplotlib.figure.Figure`, so nothing leaks between calls or threads.

>>> import networkx as nx
>>> G = nx.MultiGraph()
>>> G.add_node("a", name="Åmåls kommun", sector="public")
>>> G.add_node("b", name="Leader Dalsland", sector="civil_society")
>>> _ = G.add_edge("a", "b", kind="funding", source="a", target="b")
>>> render_image(G, {"a": (0.0, 0.0), "b": (1.0, 0.5)}, "png", dpi=50)[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Hashable, Mapping

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from graph import vocab
from graph.export.labels import frame, one_line, place_labels, text_width
from graph.model import Dataset
from graph.render import network_data
from graph.style import EDGE_STYLE, ENDED_COLOR, STATUS_DASHES, label_rank, tie_style

__all__ = ["IMAGE_FORMATS", "PAPERS", "draw_network", "render_image", "source_note", "default_title"]

IMAGE_FORMATS = ("png", "svg", "pdf")

#: Paper sizes in inches (width, height): A4 and A3, upright or landscape.
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.69), "a4-landscape": (11.69, 8.27), "a3": (11.69, 16.54), "a3-landscape": (16.54, 11.69),
}

#: Width of the picture in pixels at least (PNG), whatever the dpi.
MIN_WIDTH_PX = 2200

_WORDS = {
    "sv": {"title": "Aktörsnätverk", "source": "Källa", "sources": "Källor", "more": "och {n} till",
           "counts": "{n} aktörer, {m} samarbeten", "actors": "Aktörer", "ties": "Samarbeten"},
    "en": {"title": "Stakeholder network", "source": "Source", "sources": "Sources", "more": "and {n} more",
           "counts": "{n} actors, {m} ties", "actors": "Actors", "ties": "Ties"},
    "nb": {"title": "Aktørnettverk", "source": "Kilde", "sources": "Kilder", "more": "og {n} til",
           "counts": "{n} aktører, {m} samarbeid", "actors": "Aktører", "ties": "Samarbeid"},
}

_RC = {
    "svg.fonttype": "none",  # labels stay real <text>, searchable and editable
    "svg.hashsalt": "stakeholder-network",  # the same picture gives the same file
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",
    "lines.scale_dashes": False,
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def default_title(lang: str = "sv") -> str:
    """The picture's title when none is given.

    >>> default_title("nb")
    'Aktørnettverk'
    """
    return _words(lang)["title"]


def source_note(ds: Dataset, lang: str = "sv", *, limit: int = 3) -> str:
    """A one-line note naming the documents the ties come from, and the counts.

    Documents are named by title (their id when untitled), in order of first
    use by a tie; past ``limit`` the rest are counted.

    >>> ds = Dataset.from_records(
    ...     actors=[{"id": "a"}, {"id": "b"}],
    ...     collaborations=[{"source": "a", "target": "b", "document": "d1"}],
    ...     documents=[{"id": "d1", "title": "Mötesrapport 2019"}])
    >>> source_note(ds, "en")
    'Source: Mötesrapport 2019 · 2 actors, 1 ties'
    """
    words = _words(lang)
    used = [d for d in dict.fromkeys(ds.collaborations["document"]) if d]
    if not used:
        used = [d for d in ds.documents["id"] if d]
    titles = dict(zip(ds.documents["id"], ds.documents["title"]))
    names = [titles.get(d) or d for d in used]
    shown = "; ".join(names[:limit])
    if len(names) > limit:
        shown += " " + words["more"].format(n=len(names) - limit)
    counts = words["counts"].format(n=len(ds.actors), m=len(ds.collaborations))
    if not names:
        return counts
    head = words["source"] if len(names) == 1 else words["sources"]
    return f"{head}: {shown} · {counts}"


def draw_network(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    *,
    color_by: str = "sector",
    title: str | None = None,
    note: str | None = None,
    lang: str = "sv",
    max_labels: int | None = None,
    dpi: float = 200,
    paper: str | tuple[float, float] | None = None,
) -> Figure:
    """Draw ``G`` at ``positions`` on a new matplotlib figure.

    Parameters
    ----------
    G : networkx graph
        Actors and ties as :func:`graph.build.to_multigraph` makes them; not changed.
    positions : mapping
        ``node -> (x, y)`` for every node (``compute_layout``); ``y`` grows
        downwards as on the interactive page, so both pictures agree.
    color_by : {"sector", "type", "community", "color"}, optional
        Node colours, as on the interactive page.
    title, note : str, optional
        Title above the drawing (default :func:`default_title`) and a small
        note below it (e.g. :func:`source_note`).
    lang : {"sv", "en", "nb"}, optional
        Language of the legend and default title.
    max_labels : int, optional
        How many names to try to place, best connected first; by default
        every name on graphs of up to 150 actors, else 80.
    dpi : float, optional
        Resolution the figure will be saved at; the figure is made wide
        enough to be at least 2,200 pixels.
    paper : {"a4", "a4-landscape", "a3", "a3-landscape"} or (width, height), optional
        Draw on a sheet of that size (in inches for a pair; legend under the
        drawing) instead of a picture as large as the network needs.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If a node has no position.
    """
    missing = [v for v in G if v not in positions]
    if missing:
        raise ValueError(f"no position for {len(missing)} actor(s), e.g. {missing[0]!r}")
    sheet = (PAPERS.get(paper) if isinstance(paper, str) else tuple(paper)) if paper else None
    if paper and sheet is None:
        raise ValueError(f"unknown paper size {paper!r}: choose one of {', '.join(PAPERS)}")
    words = _words(lang)
    nodes = list(G)
    n = len(nodes)
    colors, node_legend = _node_colors(G, color_by, lang)
    xy = np.array([(float(positions[v][0]), -float(positions[v][1])) for v in nodes]).reshape(-1, 2)
    diameter, fontsize = _sizes(G, nodes, sheet)
    index = {v: i for i, v in enumerate(nodes)}
    limit = max_labels if max_labels is not None else (n if n <= 150 else 80)
    chosen = [index[v] for v in list(label_rank(G))[:limit]]  # the map's order: most ties first, then by name
    names = [one_line(G.nodes[nodes[i]].get("name") or nodes[i]) for i in chosen]
    fig, ax, (x0, y0, scale) = _canvas(xy, diameter, chosen, names, fontsize, sheet, dpi)

    ties = _tie_styles(G, index)
    _draw_ties(fig, ax, ties, xy, diameter, n)
    ax.scatter(xy[:, 0], xy[:, 1], s=diameter**2, c=_rgba(colors) if n else None,
               edgecolors="white", linewidths=0.6, zorder=3)
    points = (xy[chosen] - (x0, y0)) / scale if chosen else np.zeros((0, 2))
    for k, dx, dy, ha, va in place_labels(points, diameter[chosen] / 2, names, fontsize,
                                           must=len(names) if n <= 150 else 10):
        i = chosen[k]
        ax.annotate(names[k], xy[i], xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                    fontsize=fontsize, color="#222222", zorder=4, annotation_clip=False, parse_math=False,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
    _legend(ax, node_legend, ties, words, lang, below=sheet is not None)
    _captions(fig, ax, title or words["title"], note, sheet)
    return fig


def _sizes(G: nx.Graph, nodes: list, sheet: tuple[float, float] | None) -> tuple[np.ndarray, float]:
    """Node diameters (points; larger with more ties) and the label font size, smaller on a sheet of paper."""
    n = len(nodes)
    degree = np.array([d for _, d in G.degree(nodes)], dtype=float)
    base = float(np.clip(220.0 / math.sqrt(max(n, 1)), 3.0, 12.0))
    diameter = base * (1.0 + 1.5 * np.sqrt(degree / max(degree.max(initial=0.0), 1.0)))
    fontsize = 8.0 if n <= 150 else 7.0
    if sheet:
        return diameter * 0.6, min(fontsize, 6.5 if n <= 80 else 5.5)
    return diameter, fontsize


def _canvas(xy: np.ndarray, diameter: np.ndarray, chosen: list[int], names: list[str], fontsize: float,
            sheet: tuple[float, float] | None, dpi: float) -> tuple[Figure, object, tuple[float, float, float]]:
    """The figure and the drawing's axes, framed with room for every chosen name on either side of its node.

    Returns the figure, the axes and (left, bottom, data units per point).
    """
    width_in = sheet[0] if sheet else max(13.0, MIN_WIDTH_PX / dpi)
    axes_w = width_in * (0.92 if sheet else 0.78)
    pad = np.tile(diameter / 2 + 4.0, (4, 1))
    for i, text in zip(chosen, names):
        w = text_width(text, fontsize) + diameter[i] / 2 + 4.0
        pad[0, i] = pad[1, i] = max(pad[0, i], w)
        pad[2, i] = pad[3, i] = max(pad[2, i], diameter[i] / 2 + fontsize * 1.5 + 4.0)
    if len(xy):
        x0, x1, y0, y1, axes_h = frame(xy, axes_w, pad)
    else:
        x0, x1, y0, y1, axes_h = -1.0, 1.0, -1.0, 1.0, axes_w * 0.6
    if sheet:
        fig, ax, axes_w = _sheet_axes(sheet, axes_w, axes_h, dpi)
        x0, x1, y0, y1 = _widen(x0, x1, y0, y1, axes_w / axes_h if axes_h else 1.0)
    else:
        fig = Figure(figsize=(width_in, axes_h / 0.86), dpi=dpi)
        ax = fig.add_axes((0.01, 0.06, 0.78, 0.86))
    ax.set_axis_off()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return fig, ax, (x0, y0, (x1 - x0) / (axes_w * 72))


def _captions(fig: Figure, ax, title: str, note: str | None, sheet: tuple[float, float] | None) -> None:
    """The title above the drawing and the small note below it (at the page's foot on a sheet)."""
    ax.set_title(title, loc="left", fontsize=11 if sheet else 15, fontweight="bold", color="#222222",
                 parse_math=False)
    if note and sheet:
        fig.text(0.05, 0.02, "\n".join(textwrap.wrap(note, int(sheet[0] * 16))), ha="left", va="bottom",
                 fontsize=6.5, color="#555555", parse_math=False)
    elif note:
        ax.text(0.0, -0.01, "\n".join(textwrap.wrap(note, 160)), transform=ax.transAxes, ha="left",
                va="top", fontsize=8, color="#555555", parse_math=False)


def _sheet_axes(sheet: tuple[float, float], axes_w: float, axes_h: float, dpi: float):
    """A figure of the paper's size and the drawing's axes on it: margins, the title above, room below for
    the legend and the note; the drawing shrinks to fit the page."""
    paper_w, paper_h = sheet
    room_h = paper_h * (0.62 if paper_h > paper_w else 0.66)
    if axes_h > room_h:
        axes_w, axes_h = axes_w * room_h / axes_h, room_h
    else:  # fill the page's height; the limits widen to keep one scale
        axes_h = room_h
    fig = Figure(figsize=sheet, dpi=dpi)
    left = (1 - axes_w / paper_w) / 2
    bottom = 1 - 0.7 / paper_h - axes_h / paper_h
    return fig, fig.add_axes((left, bottom, axes_w / paper_w, axes_h / paper_h)), axes_w


def _widen(x0: float, x1: float, y0: float, y1: float, aspect: float) -> tuple[float, ...]:
    """Limits of equal scale on both axes for an axes of width/height ``aspect``, centred on the drawing."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


def _rgba(colors: list[str]) -> np.ndarray:
    """``#rrggbb`` colours as an RGBA array (converting each distinct colour once)."""
    table = {c: to_rgba(c) for c in dict.fromkeys(colors)}
    return np.array([table[c] for c in colors])


def _tie_styles(G: nx.Graph, index: dict[Hashable, int]) -> list[dict]:
    """Per tie: ends (as node indices, source first), colour, dashes, width and arrow, as on the web page."""
    ties = []
    for u, v, attrs in G.edges(data=True):
        kind, status = str(attrs.get("kind") or ""), str(attrs.get("status") or "") or "existing"
        look = tie_style(kind, status, str(attrs.get("phase") or ""))
        src, dst = attrs.get("source"), attrs.get("target")
        if {src, dst} != {u, v} or src == dst:
            src, dst = u, v
        try:
            weight = float(attrs.get("weight", 1.0))
        except (TypeError, ValueError):
            weight = 1.0
        width = 1.0 + min(4.0, math.log1p(weight)) if math.isfinite(weight) and weight > 0 else 1.0
        ties.append({"from": index[src], "to": index[dst], "kind": kind, "status": status, "color": look["color"],
                     "dashes": look["dashes"], "width": width + look["extra"], "arrows": look["arrows"]})
    return ties


def _draw_ties(fig: Figure, ax, ties: list[dict], xy: np.ndarray, diameter: np.ndarray, n: int) -> None:
    """Ties as one compound path per colour, dash and width; arrowheads as one filled path per colour.

    Few big paths instead of one per tie keep SVG and PDF small and fast.
    """
    if not ties:
        return
    thin = 0.9 if n < 300 else 0.5 if n < 2000 else 0.3
    ends = np.array([(t["from"], t["to"]) for t in ties]).reshape(-1, 2)
    groups: dict[tuple, list[int]] = {}
    for k, tie in enumerate(ties):
        key = (tie["color"], tuple(tie["dashes"] or ()), round(tie["width"] * thin * 4) / 4)
        groups.setdefault(key, []).append(k)
    for (color, dashes, width), members in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        verts = np.empty((2 * len(members), 2))
        verts[0::2], verts[1::2] = xy[ends[members, 0]], xy[ends[members, 1]]
        codes = np.tile([Path.MOVETO, Path.LINETO], len(members))
        ax.add_patch(PathPatch(Path(verts, codes), fill=False, edgecolor=color, alpha=0.65,
                               linewidth=max(width, 0.25), linestyle=(0, dashes) if dashes else "solid",
                               capstyle="butt", zorder=1))
    arrows = [k for k, t in enumerate(ties) if t["arrows"]]
    if not arrows:
        return
    # arrowheads: triangles sized in points at the target node's rim, converted to data units
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    bbox = ax.get_position()
    sx = bbox.width * fig.get_figwidth() * 72 / (x1 - x0)  # points per data unit
    sy = bbox.height * fig.get_figheight() * 72 / (y1 - y0)
    src, dst = xy[ends[arrows, 0]], xy[ends[arrows, 1]]
    vec = np.column_stack([(dst[:, 0] - src[:, 0]) * sx, (dst[:, 1] - src[:, 1]) * sy])
    unit = vec / np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)[:, None]
    normal = np.column_stack([-unit[:, 1], unit[:, 0]])
    length = 7.0 if n < 300 else 4.0
    tip = -unit * (diameter[ends[arrows, 1]] / 2 + 0.5)[:, None]
    back = tip - unit * length
    corners = np.stack([tip, back + normal * length * 0.4, back - normal * length * 0.4, tip], axis=1)
    corners = corners / (sx, sy) + dst[:, None, :]
    colors = np.array([ties[k]["color"] for k in arrows])
    for color in dict.fromkeys(colors):
        mine = corners[colors == color]
        codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(mine))
        ax.add_patch(PathPatch(Path(mine.reshape(-1, 2), codes), facecolor=color, edgecolor="none", alpha=0.85,
                               zorder=2))


def _node_colors(G: nx.Graph, color_by: str, lang: str) -> tuple[list[str], list[dict]]:
    """Node colours (in node order) and legend entries from the web page's palette."""
    if color_by == "community":  # needs the ties
        data = network_data(G, dict.fromkeys(G, (0.0, 0.0)), color_by=color_by, labels=False, lang=lang)
    else:  # colours depend on the nodes only; skip building every tie's tooltip
        H = nx.Graph()
        H.add_nodes_from(G.nodes(data=True))
        data = network_data(H, dict.fromkeys(H, (0.0, 0.0)), color_by=color_by, labels=False, lang=lang)
    return [item["color"] for item in data["nodes"]], data["legend"]


def _legend(ax, node_legend: list[dict], edges: list[dict], words: dict[str, str], lang: str, *,
            below: bool = False) -> None:
    handles, labels = [], []

    def header(text: str) -> None:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(text)

    header(words["actors"])
    for entry in node_legend:
        handles.append(Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor=entry["color"],
                              markeredgecolor="white"))
        labels.append(entry["label"])
    kinds = list(dict.fromkeys(e.get("kind", "") for e in edges))
    statuses = [s for s in STATUS_DASHES if s != "existing" and any(e.get("status") == s for e in edges)]
    if kinds or statuses:
        header(words["ties"])
    for kind in sorted(kinds, key=lambda k: (k not in EDGE_STYLE, list(EDGE_STYLE).index(k) if k in EDGE_STYLE else 0, k)):
        style = EDGE_STYLE.get(kind, {"color": "#9e9e9e", "arrows": False})
        name = vocab.label(vocab.KINDS, kind, lang) if kind else "–"
        handles.append(Line2D([], [], color=style["color"], linewidth=2))
        labels.append(f"{name} →" if style["arrows"] else name)
    for status in statuses:
        dashes = STATUS_DASHES[status]
        handles.append(Line2D([], [], color=ENDED_COLOR if status == "ended" else "#666666", linewidth=2,
                              linestyle=(0, tuple(dashes)) if dashes else "solid"))
        labels.append(vocab.label(vocab.STATUSES, status, lang))
    if below:  # on a sheet: in columns under the drawing, never over it
        legend = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.0, -0.04), frameon=False,
                           fontsize=7, handlelength=2.0, borderaxespad=0.0, ncol=4, columnspacing=1.2)
    else:
        legend = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                           fontsize=9, handlelength=2.2, borderaxespad=0.0)
    for text, handle in zip(legend.get_texts(), handles):
        text.set_parse_math(False)
        if isinstance(handle, Line2D) and handle.get_linestyle() == "None" and handle.get_marker() in ("None", None):
            text.set_fontweight("bold")


def render_image(
    G: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    fmt: str,
    *,
    dpi: float = 200,
    **options,
) -> bytes:
    """The picture of ``G`` as PNG, SVG or PDF bytes.

    Parameters
    ----------
    G, positions
        As for :func:`draw_network`.
    fmt : {"png", "svg", "pdf"}
        File format.  SVG keeps names as ``<text>`` elements.
    dpi : float, optional
        Resolution of the PNG; it is raised where needed so that the PNG
        is at least 2,200 pixels wide.
    **options
        Passed to :func:`draw_network` (``color_by``, ``title``, ``note``,
        ``lang``, ``max_labels``, ``paper``).

    Raises
    ------
    ValueError
        If ``fmt`` is not one of :data:`IMAGE_FORMATS`.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"{fmt!r} is not a picture format: use one of {', '.join(IMAGE_FORMATS)}")
    with matplotlib.rc_context(_RC):
        fig = draw_network(G, positions, dpi=dpi, **options)
        if options.get("paper"):  # the sheet as it is
            bbox = None
        else:  # crop to what is drawn (bbox_inches="tight"), then make sure the PNG stays wide enough
            bbox = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer()).padded(0.2)
            if fmt == "png":
                dpi = max(dpi, MIN_WIDTH_PX / bbox.width)
        buffer = io.BytesIO()
        metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
        fig.savefig(buffer, format=fmt, dpi=dpi, bbox_inches=bbox, facecolor="white", metadata=metadata)
    return buffer.getvalue()
