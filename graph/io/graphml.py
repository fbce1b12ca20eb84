"""GraphML as igraph, networkx, Gephi, Cytoscape and yEd write it: keys, defaults, nested graphs, mixed direction.

Read with our own walk over safe XML (:func:`graph.io.graphfiles.xml_root`),
because networkx's reader refuses mixed directed and undirected edges and
values with spaces around them (igraph's own ``test.graphml``).  Values are
stripped; booleans read as ``true``/``false``; a key's ``<default>`` fills
nodes and edges without it.  yEd's drawing data gives the label, position
and fill colour.  Nodes inside a node's nested ``<graph>`` (yEd groups) are
actors with ``member_of`` naming the group.  When edges differ in direction,
each tie gets ``direction`` (``directed``/``undirected``).

>>> ds = parse_graphml(b'''<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
...   <key id="d0" for="node" attr.name="color" attr.type="string"><default>yellow</default></key>
...   <key id="d1" for="node" attr.name="gender" attr.type="boolean"/>
...   <graph edgedefault="undirected"><node id="n0"><data key="d0">green</data><data key="d1">  true   </data></node>
...   <node id="n1"/><edge source="n0" target="n1" directed="true"/><edge source="n1" target="n0"/></graph>
... </graphml>''', "t.graphml")
>>> ds.actors[["id", "color", "gender"]].values.tolist()
[['n0', 'green', 'true'], ['n1', 'yellow', '']]
>>> ds.collaborations[["source", "target", "direction"]].values.tolist()
[['n0', 'n1', 'directed'], ['n1', 'n0', 'undirected']]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph.io.graphfiles import dataset_from_records, local, xml_root
from graph.model import DataError, Dataset, Problem

__all__ = ["parse_graphml"]

_BOOLEAN = {"true": "true", "1": "true", "yes": "true", "false": "false", "0": "false", "no": "false"}
_LABEL_TAGS = ("NodeLabel", "Label.Text", "EdgeLabel")
_NUMERIC = ("int", "long", "float", "double")


class _Key:
    """One ``<key>``: the attribute name, type and default it declares."""

    def __init__(self, element: ET.Element):
        self.name = (element.get("attr.name") or element.get("id", "")).strip()
        self.type = (element.get("attr.type") or "string").strip().lower()
        self.scope = (element.get("for") or "all").strip().lower()
        default = next((c for c in element if local(c.tag) == "default"), None)
        self.default = self.value(default) if default is not None else None

    def value(self, element: ET.Element) -> str:
        text = "".join(element.itertext()).strip() if len(element) == 0 else (element.text or "").strip()
        if self.type == "boolean":
            return _BOOLEAN.get(text.lower(), text)
        if self.type in _NUMERIC:
            return _number_text(text)
        return text


def _number_text(text: str) -> str:
    """A GraphML number as we write numbers: ``2.0`` as ``2``, others as Python prints them; else as it is.

    >>> _number_text(" 2.0"), _number_text("0.5"), _number_text("x")
    ('2', '0.5', 'x')
    """
    try:
        value = float(text)
    except ValueError:
        return text
    if value != value or value in (float("inf"), float("-inf")):
        return text
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def _drawing(element: ET.Element) -> dict[str, str]:
    """Label, position and fill colour from yEd's structured data (classic yEd and yEd Live)."""
    found: dict[str, str] = {}
    for part in element.iter():
        tag = local(part.tag)
        if tag in _LABEL_TAGS and "label" not in found and "".join(part.itertext()).strip():
            found["label"] = " ".join("".join(part.itertext()).split())
        elif tag in ("Geometry", "RectD") and "x" not in found:
            x, y = part.get("x", part.get("X")), part.get("y", part.get("Y"))
            if x is not None and y is not None:
                found["x"], found["y"] = x, y
        elif tag == "Fill" and part.get("color", "").startswith("#") and "color" not in found:
            found["color"] = part.get("color", "")[:7].lower()
    return found


def _data(element: ET.Element, keys: dict[str, _Key], scope: str) -> dict[str, str]:
    record: dict[str, str] = {}
    for child in element:
        if local(child.tag) != "data":
            continue
        key = keys.get(child.get("key", ""))
        if len(child):  # structured data (yEd's graphics): what it draws, not the XML
            for name, value in _drawing(child).items():
                record.setdefault(name, value)
        elif key is not None:
            record[key.name] = key.value(child)
    for key in keys.values():
        if key.scope in (scope, "all") and key.default is not None and key.name not in record:
            record[key.name] = key.default
    return record


def _walk(graph: ET.Element, keys: dict[str, _Key], parent: str, nodes: list, edges: list, default: str) -> None:
    default = {"directed": "directed", "undirected": "undirected"}.get(graph.get("edgedefault", "").strip(), default)
    for element in graph:
        tag = local(element.tag)
        if tag == "node":
            record = {"id": element.get("id", "").strip(), **_data(element, keys, "node")}
            if parent:
                record["member_of"] = parent
            nodes.append(record)
            for child in element:
                if local(child.tag) == "graph":
                    _walk(child, keys, record["id"], nodes, edges, default)
        elif tag == "edge":
            directed = _BOOLEAN.get(element.get("directed", "").strip().lower())
            record = {"source": element.get("source", "").strip(), "target": element.get("target", "").strip(),
                      **_data(element, keys, "edge"), "id": element.get("id", "").strip()}
            record["direction"] = {"true": "directed", "false": "undirected"}.get(directed or "", default)
            edges.append(record)


def parse_graphml(data: bytes, file: str) -> Dataset:
    """Parse GraphML bytes into actors and ties."""
    root, problems = xml_root(data, file)
    graph = next((el for el in root if local(el.tag) == "graph"), None)
    if local(root.tag) != "graphml" or graph is None:
        raise DataError(Problem.of(file, None, None, "not_graphml"))
    keys = {el.get("id", ""): _Key(el) for el in root if local(el.tag) == "key"}
    nodes: list[dict] = []
    edges: list[dict] = []
    _walk(graph, keys, "", nodes, edges, "directed")
    if len({e["direction"] for e in edges}) <= 1:  # one direction throughout: nothing to tell the ties apart
        for edge in edges:
            del edge["direction"]
    return dataset_from_records(nodes, edges, file, "graphml", problems)
