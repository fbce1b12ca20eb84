"""Networks in JSON: node-link (networkx, d3), graphology and sigma, and Cytoscape.js.

* node-link: ``nodes`` with ``id`` and ``links`` (or ``edges``) with
  ``source``/``target``; d3's links may point at nodes by their position;
* graphology/sigma: ``nodes[].key`` with ``attributes``, ``edges[]`` with
  ``source``/``target``, ``attributes`` and ``undirected``, ``options.type``;
* Cytoscape.js: ``elements`` with ``nodes``/``edges`` holding ``data``.

Our own export also carries the themes and documents tables in ``graph``.

>>> doc = {"options": {"type": "mixed"}, "nodes": [{"key": "a", "attributes": {"label": "Åmål", "x": 1}},
...        {"key": "b"}], "edges": [{"source": "a", "target": "b", "undirected": True, "attributes": {"w": 2}}]}
>>> ds = parse_json(json.dumps(doc).encode(), "g.json")
>>> ds.actors[["id", "name", "x"]].values.tolist(), ds.collaborations[["source", "target", "w", "direction"]].values.tolist()
([['a', 'Åmål', '1'], ['b', 'b', '']], [['a', 'b', '2', 'undirected']])
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from graph.io.graphfiles import dataset_from_records
from graph.io.limits import MAX_DEPTH
from graph.model import DataError, Dataset, Problem

__all__ = ["parse_json"]


def _flat(item: dict, key: str) -> dict:
    """A graphology/Cytoscape element as one flat record: its key as ``key``, its attributes beside it."""
    record = {k: v for k, v in item.items() if k not in ("attributes", "data", "key")}
    for nested in ("data", "attributes"):
        if isinstance(item.get(nested), dict):
            record.update(item[nested])
    if "key" in item and key not in record:
        record[key] = item["key"]
    return record


def _depth(value: Any, limit: int) -> bool:
    """Whether ``value`` nests deeper than ``limit`` levels (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return True
        if isinstance(item, dict):
            stack += [(v, level + 1) for v in item.values() if isinstance(v, (dict, list))]
        elif isinstance(item, list):
            stack += [(v, level + 1) for v in item if isinstance(v, (dict, list))]
    return False


def _load(data: bytes, file: str) -> Any:
    if not data.strip():
        raise DataError(Problem.of(file, None, None, "empty_file"))
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise DataError(Problem.of(file, None, None, "too_deep", limit=MAX_DEPTH)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(Problem.of(file, getattr(exc, "lineno", None), None, "not_json", reason=str(exc))) from None
    if _depth(doc, MAX_DEPTH):
        raise DataError(Problem.of(file, None, None, "too_deep", limit=MAX_DEPTH))
    return doc


def _parts(doc: Any) -> tuple[list, list, str] | None:
    """Nodes, edges and the default direction of a JSON network, or None."""
    if isinstance(doc, dict) and isinstance(doc.get("elements"), dict):
        doc = doc["elements"]
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        return None
    edges = doc.get("links", doc.get("edges", []))
    if not isinstance(edges, list) or not all(isinstance(x, dict) for x in doc["nodes"] + edges):
        return None
    options = doc.get("options") if isinstance(doc.get("options"), dict) else {}
    default = "directed" if options.get("type") == "directed" or doc.get("directed") is True else "undirected"
    return doc["nodes"], edges, default


def parse_json(data: bytes, file: str) -> Dataset:
    """Parse a JSON network (node-link, graphology/sigma or Cytoscape.js)."""
    doc = _load(data, file)
    parts = _parts(doc)
    if parts is None:
        raise DataError(Problem.of(file, None, None, "not_node_link"))
    raw_nodes, raw_edges, default = parts
    nodes = [_flat(n, "id") for n in raw_nodes]
    edges = [_flat(e, "id") for e in raw_edges]
    ids = [n.get("id") for n in nodes]
    known = {i for i in ids if isinstance(i, (int, float))}  # an int end is a position unless it is an id
    some_undirected = any("undirected" in e for e in raw_edges)
    for edge in edges:  # d3 points at nodes by position
        for end in ("source", "target"):
            if isinstance(edge.get(end), int) and not isinstance(edge.get(end), bool) and \
                    edge[end] not in known and 0 <= edge[end] < len(ids):
                edge[end] = ids[edge[end]]
            elif isinstance(edge.get(end), dict):
                edge[end] = edge[end].get("id")
        if "undirected" in edge:
            edge["direction"] = "undirected" if edge.pop("undirected") else "directed"
        elif some_undirected:
            edge["direction"] = default
    ds = dataset_from_records(nodes, edges, file, "json")
    graph = doc.get("graph") if isinstance(doc, dict) and isinstance(doc.get("graph"), dict) else {}
    tables = {name: pd.DataFrame(graph[name], dtype=object) for name in ("themes", "documents")
              if isinstance(graph.get(name), list) and graph[name] and all(isinstance(r, dict) for r in graph[name])}
    for table in tables.values():
        table.index = range(1, len(table) + 1)
    return ds.replace(**tables) if tables else ds
