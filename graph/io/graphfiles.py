"""Graph files: GEXF (any version, Gephi's old namespace included), GraphML and node-link JSON.

Each is parsed into node and edge records, then mapped onto our tables by
:func:`dataset_from_records`: a node's ``label`` (or ``name``) becomes the
actor's name, everything else an attribute; GEXF's ``viz`` colour, position
and size become ``color`` (``#rrggbb``), ``x``, ``y`` and ``size``.

>>> ds = parse_gexf('''<gexf xmlns="http://www.gephi.org/gexf" xmlns:viz="http://www.gephi.org/gexf/viz">
...   <graph><nodes><node id="0" label="Åmål"><viz:color r="255" g="0" b="0"/></node>
...   <node id="1" label="Mellerud"/></nodes>
...   <edges><edge id="0" source="0" target="1" weight="2"/></edges></graph></gexf>'''.encode(), "t.gexf")
>>> ds.actors[["id", "name", "color"]].values.tolist()
[['0', 'Åmål', '#ff0000'], ['1', 'Mellerud', '']]
"""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd

from graph.model import MULTI_VALUE_SEP, DataError, Dataset, Problem

__all__ = ["parse_gexf", "parse_graphml", "parse_node_link", "dataset_from_records", "read_graph_file"]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return MULTI_VALUE_SEP.join(_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value))


def dataset_from_records(nodes: list[dict], edges: list[dict], file: str, origin: str) -> Dataset:
    """Map node and edge dicts onto the actors and collaborations tables."""
    actors = []
    for node in nodes:
        row = {k: _text(v) for k, v in node.items() if k not in ("label", "name")}
        row["id"] = _text(node.get("id"))
        row["name"] = _text(node.get("name") or node.get("label") or node.get("id"))
        actors.append(row)
    ties = [{k: _text(v) for k, v in edge.items()} for edge in edges]
    actor_table = pd.DataFrame(actors, index=range(1, len(actors) + 1), dtype=object)
    tie_table = pd.DataFrame(ties, index=range(1, len(ties) + 1), dtype=object)
    if not len(tie_table.columns):
        tie_table = pd.DataFrame(columns=["source", "target"])
    return Dataset(actors=actor_table, collaborations=tie_table,
                   files={"actors": f"{file} (nodes)", "collaborations": f"{file} (edges)"}, origin=origin)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_root(data: bytes, file: str) -> ET.Element:
    if not data.strip():
        raise DataError(Problem.of(file, None, None, "empty_file"))
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise DataError(Problem(file, line, None, f"is not well-formed XML: {exc}")) from None


def _gexf_attributes(graph: ET.Element) -> dict[str, dict[str, str]]:
    titles: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph:
        if _local(block.tag) == "attributes":
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


def _gexf_element(element: ET.Element, titles: dict[str, str]) -> dict[str, str]:
    record = {k: v for k, v in element.attrib.items()}
    for child in element:
        tag = _local(child.tag)
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


def parse_gexf(data: bytes, file: str) -> Dataset:
    """Parse GEXF bytes of any version (1.1 to 1.3, and Gephi's ``http://www.gephi.org/gexf``)."""
    root = _xml_root(data, file)
    graph = next((el for el in root if _local(el.tag) == "graph"), None)
    if _local(root.tag) != "gexf" or graph is None:
        raise DataError(Problem(file, None, None, "is not a GEXF file: no <gexf> with a <graph> element"))
    titles = _gexf_attributes(graph)
    nodes, edges = [], []
    for block in graph:
        if _local(block.tag) == "nodes":
            nodes += [_gexf_element(n, titles["node"]) for n in block if _local(n.tag) == "node"]
        elif _local(block.tag) == "edges":
            edges += [_gexf_element(e, titles["edge"]) for e in block if _local(e.tag) == "edge"]
    return dataset_from_records(nodes, edges, file, "gexf")


def parse_graphml(path: Path) -> Dataset:
    """Parse a GraphML file with networkx."""
    import networkx as nx

    file = str(path)
    _xml_root(path.read_bytes(), file)
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except (nx.NetworkXError, ET.ParseError, ValueError, KeyError) as exc:
        raise DataError(Problem(file, None, None, f"is not a readable GraphML file: {exc}")) from None
    nodes = [{"id": n, **attrs} for n, attrs in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, **attrs, "id": attrs.get("id", "")}
             for u, v, attrs in graph.edges(data=True)]
    return dataset_from_records(nodes, edges, file, "graphml")


def parse_node_link(data: bytes, file: str) -> Dataset:
    """Parse node-link JSON (``nodes`` plus ``links`` or ``edges``), as networkx and d3 write it."""
    if not data.strip():
        raise DataError(Problem.of(file, None, None, "empty_file"))
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise DataError(Problem(file, line, None, f"is not valid JSON: {exc}")) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise DataError(Problem(file, None, None, "is not node-link JSON: expected an object with a 'nodes' list"))
    links = doc.get("links", doc.get("edges", []))
    if not isinstance(links, list) or not all(isinstance(x, dict) for x in doc["nodes"] + links):
        raise DataError(Problem(file, None, None, "is not node-link JSON: nodes and links must be objects"))
    ds = dataset_from_records(doc["nodes"], links, file, "json")
    graph = doc.get("graph") if isinstance(doc.get("graph"), dict) else {}
    tables = {name: pd.DataFrame(graph[name], dtype=object) for name in ("themes", "documents")
              if isinstance(graph.get(name), list) and graph[name]}
    for table in tables.values():
        table.index = range(1, len(table) + 1)
    return ds.replace(**tables) if tables else ds


def read_graph_file(path: Path) -> Dataset:
    """Read a .gexf, .graphml or .json file by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        return parse_graphml(path)
    data = path.read_bytes()
    return parse_gexf(data, str(path)) if suffix == ".gexf" else parse_node_link(data, str(path))
