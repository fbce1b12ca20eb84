"""Data exports for other tools: GraphML, GEXF 1.3 (Gephi), node-link JSON and Kumu workbooks.

Each ``generate_*`` function turns a :class:`~graph.model.Dataset` into the
bytes of one file and touches no disk; :func:`graph.export.export_dataset`
writes them.  What is written reads back through :func:`graph.io.read_dataset`
with the same actors, ties and attributes:

* text stays text exactly (ids with leading zeros included); the columns
  ``weight``, ``points``, ``rank``, ``x``, ``y``, ``size`` become real numbers
  where every value in the column reads back as written;
* an empty cell is left out (GraphML, GEXF) or written empty (JSON, Kumu);
* tuples are joined by ``|`` as in our tables;
* characters XML cannot hold (control characters) are dropped from XML and
  Excel files.

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(actors=[{"id": "007", "name": "Åmål"}, {"id": "b", "name": "=cmd"}],
...                           collaborations=[{"source": "007", "target": "b", "weight": "2"}])
>>> doc = json.loads(generate_node_link(ds))
>>> [n["name"] for n in doc["nodes"]], doc["links"][0]["weight"]
(['Åmål', '=cmd'], 2)
"""

from __future__ import annotations

import io
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Mapping

import networkx as nx
import pandas as pd

from graph.io.writers import NUMERIC_COLUMNS, exact_number, generate_workbook
from graph.model import Dataset
from graph.vocab import DIRECTED_KINDS

__all__ = [
    "NUMERIC_COLUMNS",
    "graph_tables",
    "unique_labels",
    "kumu_sheets",
    "generate_kumu",
    "generate_graphml",
    "generate_gexf",
    "generate_node_link",
]

#: Columns written as numbers when every value in them is one.

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_GEXF_NS = "http://gexf.net/1.3"
_VIZ_NS = "http://gexf.net/1.3/viz"


def _numeric_columns(table: pd.DataFrame) -> set[str]:
    """The numeric columns of ``table`` whose every non-empty value is a canonical number."""
    return {c for c in table.columns if c in NUMERIC_COLUMNS
            and all(exact_number(v) is not None for v in table[c] if v != "")}


def _xml(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def graph_tables(ds: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and ties a graph file can hold.

    Actors without an id and repeated ids are left out (validation reports
    them), and so are ties whose ends are not actors.

    >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "a"}, {"id": "b"}],
    ...                           collaborations=[{"source": "a", "target": "b"}, {"source": "a", "target": "x"}])
    >>> actors, ties = graph_tables(ds)
    >>> len(actors), len(ties)
    (2, 1)
    """
    actors = ds.actors[(ds.actors["id"] != "") & ~ds.actors["id"].duplicated()]
    ids = set(actors["id"])
    ties = ds.collaborations
    ties = ties[ties["source"].isin(ids) & ties["target"].isin(ids)]
    return actors, ties


# --- Kumu -----------------------------------------------------------------------

def unique_labels(actors: pd.DataFrame) -> dict[str, str]:
    """A unique Kumu label per actor id: the name, with the id added where names collide.

    >>> actors = pd.DataFrame({"id": ["a", "b", "c"], "name": ["Kommun", "Kommun", "Leader"]})
    >>> unique_labels(actors)
    {'a': 'Kommun (a)', 'b': 'Kommun (b)', 'c': 'Leader'}
    """
    base = {i: (" ".join(str(n).split()) or str(i).strip()) for i, n in zip(actors["id"], actors["name"])}
    counts = pd.Series(list(base.values()), dtype=object).value_counts().to_dict() if base else {}
    labels: dict[str, str] = {i: b for i, b in base.items() if counts[b] == 1}
    used = set(labels.values())
    for i, b in base.items():
        if i in labels:
            continue
        label, k = f"{b} ({str(i).strip()})", 2
        while label in used:
            label, k = f"{b} ({str(i).strip()}) ({k})", k + 1
        labels[i] = label
        used.add(label)
    return {i: labels[i] for i in base}


def kumu_sheets(ds: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Kumu's "Elements" and "Connections" tables for ``ds``.

    Elements have ``Label`` (the name, made unique), ``Type``,
    ``Description``, ``Tags`` and every other actor column; connections have
    ``From`` and ``To`` (labels), ``Type`` (the kind), ``Direction``
    (``directed`` for funding and commissioning) and every other tie column.
    Several values in one cell stay separated by ``|``.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ...                           collaborations=[{"source": "a", "target": "b", "kind": "funding"}])
    >>> elements, connections = kumu_sheets(ds)
    >>> list(elements.columns[:4]), connections.loc[0, ["From", "To", "Type", "Direction"]].tolist()
    (['Label', 'Type', 'Description', 'Tags'], ['A', 'B', 'funding', 'directed'])
    """
    actors, ties = graph_tables(ds)
    labels = unique_labels(actors)
    elements = pd.DataFrame({
        "Label": actors["id"].map(labels),
        "Type": actors["type"],
        "Description": actors["description"],
        "Tags": actors["tags"] if "tags" in actors else "",
    })
    for col in actors.columns:
        if col not in ("id", "name", "type", "description", "tags"):
            elements[col] = actors[col]
    connections = pd.DataFrame({
        "From": ties["source"].map(labels),
        "To": ties["target"].map(labels),
        "Type": ties["kind"],
    })
    if "direction" not in {c.lower() for c in ties.columns}:
        connections["Direction"] = ["directed" if k in DIRECTED_KINDS else "undirected" for k in ties["kind"]]
    for col in ties.columns:
        if col not in ("source", "target", "kind"):
            connections[col] = ties[col]
    return elements.reset_index(drop=True), connections.reset_index(drop=True)


def generate_kumu(ds: Dataset) -> bytes:
    """A Kumu workbook (.xlsx bytes): sheets "Elements" and "Connections".

    Every text cell is formula-escaped (see :func:`graph.io.writers.safe_cell`)
    and no cell is a formula; numeric columns hold real numbers.

    >>> generate_kumu(Dataset.from_records(actors=[{"id": "a"}]))[:2]
    b'PK'
    """
    return generate_workbook(dict(zip(("Elements", "Connections"), kumu_sheets(ds), strict=True)), _numeric_columns)


# --- GraphML ----------------------------------------------------------------------

def _attributes(row: Mapping[str, str], skip: tuple[str, ...], numeric: set[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in row.items():
        if key in skip or value == "":
            continue
        # one GraphML type per key: numbers are all doubles (2.0 reads back as "2")
        out[_xml(key)] = float(exact_number(value)) if key in numeric else _xml(value)
    return out


def generate_graphml(ds: Dataset) -> bytes:
    """GraphML bytes: a directed multigraph with ties pointing from source to target.

    Nodes carry the actor's columns (the name as ``label``), edges the tie's
    columns; empty cells are left out.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "Å"}, {"id": "b"}],
    ...                           collaborations=[{"source": "b", "target": "a", "kind": "funding"}])
    >>> G = nx.read_graphml(io.BytesIO(generate_graphml(ds)))
    >>> G.nodes["a"]["label"], list(G.edges(data="kind"))
    ('Å', [('b', 'a', 'funding')])
    """
    actors, ties = graph_tables(ds)
    G = nx.MultiDiGraph()
    numeric = _numeric_columns(actors)
    for row in actors.to_dict("records"):
        attrs = _attributes(row, ("id", "name"), numeric)
        if row["name"]:
            attrs["label"] = _xml(row["name"])
        G.add_node(_xml(row["id"]), **attrs)
    numeric = _numeric_columns(ties)
    for row in ties.to_dict("records"):
        G.add_edge(_xml(row["source"]), _xml(row["target"]), key=_xml(row["id"]),
                   **_attributes(row, ("id", "source", "target"), numeric))
    buffer = io.BytesIO()
    nx.write_graphml(G, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


# --- GEXF -------------------------------------------------------------------------

def _gexf_positions(G: nx.MultiGraph, positions: Mapping[Hashable, tuple[float, float]] | None,
                    actors: pd.DataFrame) -> dict[Hashable, tuple[str, str]]:
    """Position text per node: the actors' own x/y when all have them, else the layout scaled for Gephi."""
    own = dict(zip(actors["id"], zip(actors["x"], actors["y"]))) if {"x", "y"} <= set(actors.columns) else {}
    if positions is None and own and all(_NUMBER.match(x) and _NUMBER.match(y) for x, y in own.values()):
        return {v: own[v] for v in G}
    if positions is None:
        from graph.layout import compute_layout

        positions = compute_layout(G, seed=1)
    scale = max(300.0, 45.0 * math.sqrt(max(len(G), 1)))  # the interactive page's canvas units
    # our pictures draw y downwards (as the web page does); Gephi's y goes up
    return {v: (f"{positions[v][0] * scale:.2f}", f"{-positions[v][1] * scale:.2f}") for v in G}


def _gexf_colors(G: nx.MultiGraph, color_by: str) -> dict[Hashable, str]:
    """The node colours of our pictures, or the actor's own ``color`` when it is ``#rrggbb``."""
    from graph.render import network_data

    data = network_data(G, dict.fromkeys(G, (0.0, 0.0)), color_by=color_by, labels=False)
    colors = {v: item["color"] for v, item in zip(G, data["nodes"])}
    for v, attrs in G.nodes(data=True):
        own = attrs.get("color")
        if isinstance(own, str) and _HEX.match(own):
            colors[v] = own.lower()
    return colors


def _gexf_declare(graph: ET.Element, kind: str, columns: list[str], numeric: set[str]) -> dict[str, str]:
    block = ET.SubElement(graph, "attributes", {"class": kind, "mode": "static"})
    ids = {}
    for i, col in enumerate(columns):
        ids[col] = f"{kind[0]}{i}"
        ET.SubElement(block, "attribute", {"id": ids[col], "title": _xml(col),
                                           "type": "double" if col in numeric else "string"})
    return ids


def _gexf_values(element: ET.Element, row: Mapping[str, str], ids: dict[str, str]) -> None:
    values = [(ids[c], row[c]) for c in ids if row.get(c, "") != ""]
    if values:
        block = ET.SubElement(element, "attvalues")
        for key, value in values:
            ET.SubElement(block, "attvalue", {"for": key, "value": _xml(value)})


def generate_gexf(
    ds: Dataset,
    *,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    color_by: str = "sector",
) -> bytes:
    """GEXF 1.3 bytes that Gephi opens as the same picture: colour, position and size of every node.

    Parameters
    ----------
    ds : Dataset
        Actors and ties (contact columns already removed if unwanted).
    positions : mapping, optional
        ``node -> (x, y)`` as from ``compute_layout``; by default the actors'
        own ``x``/``y`` when all have them, else ``compute_layout``.
    color_by : {"sector", "type", "community", "color"}, optional
        Node colours as in our pictures; an actor's own ``#rrggbb`` ``color``
        always wins, so a file from Gephi keeps its colours.

    Returns
    -------
    bytes
        UTF-8 XML.  Node size is the actor's own numeric ``size`` or grows
        with its number of ties.  The graph is undirected (networkx refuses
        GEXF files that mix directed and undirected edges); each edge goes
        from the tie's source to its target and carries ``kind``, so
        funding and commissioning keep their direction.  The other columns
        are attributes (``double`` for numeric columns).

    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "Åmål", "x": "1", "y": "2"},
    ...                                   {"id": "b", "x": "3", "y": "4"}],
    ...                           collaborations=[{"source": "a", "target": "b", "kind": "funding"}])
    >>> b'<viz:position x="1" y="2"' in generate_gexf(ds)
    True
    """
    from graph.build import to_multigraph

    actors, ties = graph_tables(ds)
    G = to_multigraph(ds.replace(actors=actors, collaborations=ties))
    where = _gexf_positions(G, positions, actors)
    colors = _gexf_colors(G, color_by)
    root = ET.Element("gexf", {"xmlns": _GEXF_NS, "xmlns:viz": _VIZ_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "stakeholder network explorer"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    viz = ("id", "name", "x", "y", "size", "color")
    node_ids = _gexf_declare(graph, "node", [c for c in actors.columns if c not in viz], _numeric_columns(actors))
    tie_cols = [c for c in ties.columns if c not in ("source", "target", "id", "type")]
    tie_ids = _gexf_declare(graph, "edge", tie_cols, {c for c in _numeric_columns(ties) if c != "weight"})
    _gexf_nodes(ET.SubElement(graph, "nodes"), actors, node_ids, colors, where, dict(G.degree()))
    _gexf_edges(ET.SubElement(graph, "edges"), ties, tie_ids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _gexf_nodes(nodes: ET.Element, actors: pd.DataFrame, declared: dict, colors: Mapping[str, str],
                where: Mapping[str, tuple[str, str]], degree: Mapping[str, int]) -> None:
    """One ``<node>`` per actor with its attributes, colour, position and size (its own, else by ties)."""
    top = max(degree.values(), default=0) or 1
    for row in actors.to_dict("records"):
        v = row["id"]
        node = ET.SubElement(nodes, "node", {"id": _xml(v), "label": _xml(row["name"] or v)})
        _gexf_values(node, row, declared)
        r, g, b = (int(colors[v][k:k + 2], 16) for k in (1, 3, 5))
        ET.SubElement(node, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
        x, y = where[v]
        ET.SubElement(node, "viz:position", {"x": x, "y": y, "z": "0"})
        size = row.get("size", "")
        if not _NUMBER.match(size):
            size = f"{4 + 16 * math.sqrt(degree[v] / top):.2f}"
        ET.SubElement(node, "viz:size", {"value": size})


def _gexf_edges(edges: ET.Element, ties: pd.DataFrame, declared: dict) -> None:
    """One ``<edge>`` per tie, source to target, with a numeric weight and the other columns as attributes."""
    for i, row in enumerate(ties.to_dict("records")):
        attrs = {"id": _xml(row.get("id") or str(i)), "source": _xml(row["source"]), "target": _xml(row["target"])}
        values = dict(row)
        if _NUMBER.match(row["weight"]):
            attrs["weight"] = values.pop("weight")
        edge = ET.SubElement(edges, "edge", attrs)
        _gexf_values(edge, values, declared)


# --- node-link JSON ----------------------------------------------------------------

def _records(table: pd.DataFrame) -> list[dict[str, object]]:
    numeric = _numeric_columns(table)
    return [{k: (exact_number(v) if v != "" else None) if k in numeric else v for k, v in row.items()}
            for row in table.to_dict("records")]


def generate_node_link(ds: Dataset) -> bytes:
    """Node-link JSON bytes (as networkx and d3 read them) with the themes and documents tables.

    The object has ``nodes`` (actor columns), ``links`` (tie columns,
    ``source``/``target`` as written) and ``graph`` with ``themes`` and
    ``documents`` lists; ``nx.node_link_graph(doc, edges="links")`` reads it.

    >>> ds = Dataset.from_records(actors=[{"id": "a"}], themes=[{"id": "housing", "label_sv": "Bostad"}])
    >>> json.loads(generate_node_link(ds))["graph"]["themes"][0]["label_sv"]
    'Bostad'
    """
    actors, ties = graph_tables(ds)
    doc = {
        "directed": False,
        "multigraph": True,
        "graph": {"themes": _records(ds.themes), "documents": _records(ds.documents)},
        "nodes": _records(actors),
        "links": _records(ties),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
