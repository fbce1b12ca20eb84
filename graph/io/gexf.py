"""GEXF, any version (1.1 to 1.3, and Gephi's old ``http://www.gephi.org/gexf``), hierarchies included.

A node's ``viz`` colour, position and size become ``color`` (``#rrggbb``),
``x``, ``y`` and ``size``; attributes are named by their titles.  Nested nodes
(``<node><nodes><node …>``) and nodes with a ``pid`` are actors too, with
``member_of`` naming the node they sit in.  An edge's ``type``
(directed/undirected/mutual) becomes its ``direction`` when the edges differ in it.

>>> ds = parse_gexf('''<gexf xmlns="http://www.gephi.org/gexf" xmlns:viz="http://www.gephi.org/gexf/viz">
...   <graph><nodes><node id="0" label="Åmål"><viz:color r="255" g="0" b="0"/>
...     <nodes><node id="2" label="Fengersfors"/></nodes></node>
...   <node id="1" label="Mellerud"/></nodes>
...   <edges><edge id="0" source="0" target="1" weight="2" type="directed"/><edge source="1" target="2"/></edges>
...   </graph></gexf>'''.encode(), "t.gexf")
>>> ds.actors[["id", "name", "color", "member_of"]].values.tolist()
[['0', 'Åmål', '#ff0000', ''], ['2', 'Fengersfors', '', '0'], ['1', 'Mellerud', '', '']]
>>> ds.collaborations[["source", "target", "direction"]].values.tolist()
[['0', '1', 'directed'], ['1', '2', 'undirected']]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph.io.graphfiles import dataset_from_records, local, xml_root
from graph.model import DataError, Dataset, Problem
from graph.vocab import DIRECTIONS

__all__ = ["parse_gexf"]


def _attribute_titles(graph: ET.Element) -> dict[str, dict[str, str]]:
    titles: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph:
        if local(block.tag) == "attributes":
            kind = block.get("class", "node")
            for attr in block:
                titles.setdefault(kind, {})[attr.get("id", "")] = attr.get("title") or attr.get("id", "")
    return titles


def _hex_color(element: ET.Element) -> str:
    """``#rrggbb`` from a viz colour's r, g, b (or its ``hex``); '' when they are not numbers 0–255."""
    if element.get("hex"):
        return element.get("hex", "").lower()
    try:
        channels = [float(element.get(c, "0")) for c in "rgb"]
    except ValueError:
        return ""
    if not all(0 <= c <= 255 for c in channels):
        return ""
    return "#" + "".join(f"{round(c):02x}" for c in channels)


def _record(element: ET.Element, titles: dict[str, str]) -> dict[str, str]:
    record = dict(element.attrib)
    for child in element:
        tag = local(child.tag)
        if tag == "attvalues":
            for value in child:
                key = value.get("for") or value.get("id") or ""
                name, text = titles.get(key, key), value.get("value", "")
                if record.get(name, text) != text:
                    name = f"{name}_attribute"
                record[name] = text
        elif tag == "color":
            record["color"] = _hex_color(child)
        elif tag == "position":
            record["x"], record["y"] = child.get("x", ""), child.get("y", "")
        elif tag == "size":
            record["size"] = child.get("value", "")
    return record


def _nodes(block: ET.Element, titles: dict[str, str], parent: str | None, out: list[dict]) -> None:
    """Every node of a ``<nodes>`` block, depth first, nested ones with ``member_of`` their parent."""
    for element in block:
        if local(element.tag) != "node":
            continue
        record = _record(element, titles)
        pid = record.pop("pid", "") or parent or ""
        record["member_of"] = pid
        out.append(record)
        for child in element:
            if local(child.tag) == "nodes":
                _nodes(child, titles, record.get("id", ""), out)


def _edges(graph: ET.Element, titles: dict[str, str]) -> list[dict]:
    default = DIRECTIONS.get(graph.get("defaultedgetype", "").strip().lower(), "")
    edges = []
    for block in graph.iter():
        if local(block.tag) != "edges":
            continue
        for element in block:
            if local(element.tag) != "edge":
                continue
            record = _record(element, titles)  # its id, if any, is the tie's id
            own = record.pop("type", "").strip().lower()
            record["direction"] = DIRECTIONS.get(own, default or "undirected")
            edges.append(record)
    if len({e["direction"] for e in edges}) <= 1:  # one direction throughout: nothing to tell the ties apart
        for edge in edges:
            del edge["direction"]
    return edges


def parse_gexf(data: bytes, file: str) -> Dataset:
    """Parse GEXF bytes into actors (nested ones included) and ties."""
    root, problems = xml_root(data, file)
    graph = next((el for el in root if local(el.tag) == "graph"), None)
    if local(root.tag) != "gexf" or graph is None:
        raise DataError(Problem.of(file, None, None, "not_gexf"))
    titles = _attribute_titles(graph)
    nodes: list[dict] = []
    for block in graph:
        if local(block.tag) == "nodes":
            _nodes(block, titles["node"], None, nodes)
    if not any(n["member_of"] for n in nodes):
        for node in nodes:
            del node["member_of"]
    return dataset_from_records(nodes, _edges(graph, titles["edge"]), file, "gexf", problems)
