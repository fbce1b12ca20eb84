"""Where the app's data comes from, and the cached work done on it.

The data source is a :class:`Source` (the ``--data`` path, or an upload kept
as bytes).  Datasets, graphs, positions and metrics are cached per source key
and filter, so a rerun after a filter change only filters tables and
builds the drawing.  Session state keeps ids and keys, never graphs.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd
import streamlit as st

from graph import analysis
from graph.build import filter_dataset, neighbourhood, to_multigraph
from graph.io import read_dataset
from graph.layout import compute_layout
from graph.model import DataError, Dataset, Problem, validate

__all__ = [
    "Source",
    "default_source",
    "current_source",
    "load",
    "view",
    "graph_of",
    "positions_of",
    "metrics_of",
    "problems_of",
    "read_upload",
    "working_dataset",
]

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Source:
    """A dataset's origin: a path on disk, or uploaded files (name -> bytes)."""

    key: str
    label: str
    path: str = ""
    files: tuple[tuple[str, bytes], ...] = ()


def data_argument(argv: list[str] | None = None) -> str:
    """The ``--data`` argument given after ``streamlit run app.py --``, else the shipped data."""
    argv = sys.argv[1:] if argv is None else argv
    for i, arg in enumerate(argv):
        if arg == "--data" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data="):
            return arg.split("=", 1)[1]
    return str(DEFAULT_DATA)


def default_source() -> Source:
    path = data_argument()
    return Source(key=f"path:{Path(path).resolve()}", label=Path(path).name or path, path=path)


def current_source() -> Source:
    """The upload in use, if any, else the ``--data`` source."""
    return st.session_state.get("source") or default_source()


def _read(source: Source) -> Dataset:
    if source.path:
        return read_dataset(source.path)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in source.files:
            (Path(tmp) / Path(name).name).write_bytes(data)
        if len(source.files) == 1:
            return read_dataset(Path(tmp) / Path(source.files[0][0]).name)
        return read_dataset(tmp)


def read_upload(files: list[tuple[str, bytes]]) -> tuple[Source, Dataset | None, list[Problem]]:
    """Read uploaded files; the dataset is None when it cannot be used (errors found)."""
    digest = hashlib.sha256()
    for name, data in sorted(files):
        digest.update(name.encode() + b"\0" + data)
    names = ", ".join(sorted(name for name, _ in files))
    source = Source(key=f"upload:{digest.hexdigest()}", label=names, files=tuple(sorted(files)))
    try:
        ds = _read(source)
    except DataError as exc:
        return source, None, exc.problems
    problems = validate(ds)
    errors = [p for p in problems if p.severity == "error"]
    return source, (None if errors else ds), problems


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(key: str, _source: Source) -> Dataset:
    return _read(_source)


def load(source: Source) -> Dataset:
    """The dataset of ``source`` (read once, shared; never edited in place)."""
    return _load(source.key, source)


def working_dataset(source: Source) -> tuple[str, Dataset]:
    """The source's dataset plus the ties accepted in this session, and a key naming that state."""
    ds = load(source)
    accepted = st.session_state.get("accepted_ties", [])
    if not accepted:
        return source.key, ds
    extra = pd.DataFrame(accepted, index=range(-len(accepted), 0))
    key = source.key + ":" + hashlib.sha1(repr(accepted).encode()).hexdigest()[:12]
    return key, _with_ties(key, ds, extra)


@st.cache_resource(max_entries=8, show_spinner=False)
def _with_ties(key: str, _ds: Dataset, _extra: pd.DataFrame) -> Dataset:
    ties = pd.concat([_ds.collaborations, _extra.reindex(columns=_ds.collaborations.columns, fill_value="")])
    return _ds.replace(collaborations=ties)


@st.cache_resource(max_entries=4, show_spinner=False)
def problems_of(key: str, _ds: Dataset) -> list[Problem]:
    return validate(_ds)


def _filter_args(filters: tuple) -> dict:
    return {name: list(values) if isinstance(values, tuple) else values for name, values in filters}


@st.cache_resource(max_entries=32, show_spinner=False)
def view(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> Dataset:
    """The filtered (and focused) part of the dataset; ``filters`` is a sorted tuple of (name, values)."""
    ds = filter_dataset(_ds, **_filter_args(filters))
    if focus and focus[0] in set(ds.actors["id"]):
        ds = neighbourhood(ds, focus[0], focus[1])
    return ds


@st.cache_resource(max_entries=32, show_spinner=False)
def graph_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> nx.MultiGraph:
    return to_multigraph(view(key, filters, focus, _ds))


@st.cache_resource(max_entries=4, show_spinner="…")
def positions_of(key: str, _ds: Dataset) -> dict:
    """Positions of every actor of the whole dataset: filtered views keep their places."""
    return compute_layout(to_multigraph(_ds), seed=1)


@st.cache_resource(max_entries=16, show_spinner=False)
def metrics_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> pd.DataFrame:
    """Degree, betweenness, constraint and cut points of the view, indexed by actor id."""
    G = graph_of(key, filters, focus, _ds)
    k = 300 if G.number_of_nodes() > 1500 else None
    if k:
        table = analysis.ranking(G, k=k)
        table["constraint"], table["articulation_point"] = float("nan"), False
    else:
        table = analysis.brokers(G)
    return table.set_index("id")


@st.cache_resource(max_entries=16, show_spinner=False)
def communities_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> dict:
    return analysis.communities(graph_of(key, filters, focus, _ds))
