"""What the graph-file readers share: safe XML, and mapping node and edge records onto our tables.

XML is parsed with ``defusedxml``: entity declarations (billion laughs,
quadratic blow-up) and external references (XXE) are refused, never expanded;
elements nest at most :data:`graph.io.limits.MAX_DEPTH` levels.  A file that
says UTF-8 but holds other bytes is read as Windows-1252, with a warning.

>>> root, problems = xml_root(b"<a><b/></a>", "t.xml")
>>> root.tag, problems
('a', [])
>>> xml_root(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "t.xml")
Traceback (most recent call last):
...
graph.model.DataError: t.xml: declares XML entities or external references, which are never read (they can grow without bound or read other files)
"""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from typing import Any

import defusedxml
import defusedxml.ElementTree as SafeET
import pandas as pd

from graph.io.limits import MAX_DEPTH
from graph.model import MULTI_VALUE_SEP, DataError, Dataset, Problem

__all__ = ["xml_root", "local", "text_of", "dataset_from_records"]

_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*?encoding=[\"'])([^\"']+)([\"'])")


def local(tag: str) -> str:
    """A tag without its namespace.

    >>> local("{http://graphml.graphdrawing.org/xmlns}node")
    'node'
    """
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(data: bytes, file: str) -> ET.Element:
    depth = 0
    try:
        events = SafeET.iterparse(io.BytesIO(data), events=("start", "end"))
        for event, _ in events:
            depth += 1 if event == "start" else -1
            if depth > MAX_DEPTH:
                raise DataError(Problem.of(file, None, None, "too_deep", limit=MAX_DEPTH))
        return events.root
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise DataError(Problem.of(file, None, None, "xml_forbidden")) from None


def xml_root(data: bytes, file: str) -> tuple[ET.Element, list[Problem]]:
    """The root element of XML ``data``, and a warning if its bytes were not what it declared.

    Raises
    ------
    DataError
        If the text is empty, not well-formed, too deep or declares entities.
    """
    if not data.strip():
        raise DataError(Problem.of(file, None, None, "empty_file"))
    try:
        return _parse(data, file), []
    except ET.ParseError as exc:
        first_error = exc
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # mis-encoded text: read it as Windows-1252, and say so
        fixed = _DECLARATION.sub(rb"\g<1>utf-8\g<3>", data.decode("cp1252", errors="replace").encode("utf-8"))
        try:
            return _parse(fixed, file), [Problem.of(file, None, None, "invalid_bytes", "warning")]
        except ET.ParseError:
            pass
    line = first_error.position[0] if getattr(first_error, "position", None) else None
    raise DataError(Problem.of(file, line, None, "not_xml", reason=str(first_error))) from None


def text_of(value: Any) -> str:
    """A value of a graph file as our text: lists joined by ``|``, ``2.0`` as ``2``, NFC.

    >>> text_of([1.0, "Å"]), text_of(None), text_of(True)
    ('1|Å', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return MULTI_VALUE_SEP.join(text_of(v) for v in value)
    if isinstance(value, dict):
        return MULTI_VALUE_SEP.join(f"{k}={text_of(v)}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def dataset_from_records(nodes: list[dict], edges: list[dict], file: str, origin: str,
                         problems: list[Problem] | None = None) -> Dataset:
    """Map node and edge dicts onto the actors and collaborations tables.

    A node's ``label`` (or ``name``) becomes the actor's name.  Ties to nodes
    the file does not declare are kept and reported by validation as unknown
    actors, with their edge number, the same rule as for every format.
    """
    actors = []
    for node in nodes:
        row = {k: text_of(v) for k, v in node.items() if k not in ("label", "name")}
        row["id"] = text_of(node.get("id"))
        row["name"] = text_of(node.get("name") or node.get("label") or node.get("id"))
        actors.append(row)
    ties = [{k: text_of(v) for k, v in edge.items()} for edge in edges]
    actor_table = pd.DataFrame(actors, index=range(1, len(actors) + 1), dtype=object)
    tie_table = pd.DataFrame(ties, index=range(1, len(ties) + 1), dtype=object)
    if not len(tie_table.columns):
        tie_table = pd.DataFrame(columns=["source", "target"])
    if not len(actor_table.columns):
        actor_table = pd.DataFrame(columns=["id", "name"])
    return Dataset(actors=actor_table, collaborations=tie_table,
                   files={"actors": f"{file} (nodes)", "collaborations": f"{file} (edges)"}, origin=origin,
                   problems=list(problems or []))
