"""Where the app's data comes from, and the cached work done on it.

The data source is a :class:`Source`: the map's database (``--db URL``, by
default an SQLite file made from ``data/`` on first start), the ``--data``
path (read-only), or an upload kept as bytes.  Datasets, graphs and metrics are cached per source key
and filter (the drawing and positions: :mod:`ui.drawing`).  Session state keeps ids and keys, never graphs.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from graph import analysis, questions
from graph.build import as_of, filter_dataset, filter_options, neighbourhood, to_multigraph
from graph.io import read_dataset
from graph.model import DataError, Dataset, Problem, split_multi, validate
from graph.row_changes import same_cells

__all__ = [
    "Source",
    "app_arguments",
    "store_engine",
    "map_url",
    "import_url",
    "map_engine",
    "default_source",
    "current_source",
    "read_upload",
    "load",
    "working_dataset",
    "problems_of",
    "filter_values_of",
    "search_labels_of",
    "view",
    "graph_of",
    "metrics_of",
    "dataset_metrics",
    "communities_of",
    "year_of",
]

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "data"
#: The map's database when neither --db nor --data is given (GRAPH_DB overrides it).
DEFAULT_DB = Path(__file__).resolve().parents[1] / "map.db"


@dataclass(frozen=True)
class Source:
    """A dataset's origin: a path on disk, uploaded files (name -> bytes), or the map's database URL."""

    key: str
    label: str
    path: str = ""
    files: tuple[tuple[str, bytes], ...] = ()
    columns: tuple[tuple[str, str], ...] = ()  #: the user's column mapping of an upload (our column, theirs)
    url: str = ""
    revision: int | None = None


def app_arguments(argv: list[str] | None = None) -> dict[str, str | None]:
    """``--data``, ``--db`` and ``--users`` given after ``streamlit run app.py --`` (None when absent)."""
    argv = sys.argv[1:] if argv is None else argv
    found: dict[str, str | None] = {"data": None, "db": None, "users": None}
    for i, arg in enumerate(argv):
        for name in found:
            if arg == f"--{name}" and i + 1 < len(argv):
                found[name] = argv[i + 1]
            elif arg.startswith(f"--{name}="):
                found[name] = arg.split("=", 1)[1]
    return found


def data_argument(argv: list[str] | None = None) -> str:
    """The ``--data`` argument, else the shipped data."""
    return app_arguments(argv)["data"] or str(DEFAULT_DATA)


def import_url() -> str:
    """The map's database URL: ``--db``, else ``GRAPH_DB``, else the SQLite file beside the app."""
    return app_arguments()["db"] or os.environ.get("GRAPH_DB") or f"sqlite:///{DEFAULT_DB}"


def map_url() -> str | None:
    """The map's database URL, or None when the app shows files (``--data``, read-only)."""
    return None if app_arguments()["data"] else import_url()


@st.cache_resource(max_entries=4, show_spinner="…")
def _engine(url: str, seed: bool = True):
    """The engine on ``url``. The default map (no ``--db``) is made on first start: from ``data/`` when
    ``seed``, else empty (an import of the user's own files must not mix the shipped data in)."""
    from graph import store

    if not app_arguments()["db"]:
        return store.first_start(url, DEFAULT_DATA) if seed else store.create(url)
    return store.open_store(url)


def map_engine():
    """The map's engine even when the app shows files (where "import into the map" writes)."""
    return _engine(import_url(), seed=not app_arguments()["data"])


def store_engine():
    """The map's engine (shared by every session), or None when the app shows files or an upload."""
    url = map_url()
    if url is None or st.session_state.get("source") is not None:
        return None
    return _engine(url)


def _fingerprint(path: Path) -> int:
    """The newest modification time of ``path`` and the files directly in it (0 if missing)."""
    try:
        files = [path, *path.iterdir()] if path.is_dir() else [path]
        return max(f.stat().st_mtime_ns for f in files)
    except OSError:
        return 0


def default_source() -> Source:
    """The ``--data`` source; its key changes when its files change, so edits show on the next rerun."""
    path = data_argument()
    resolved = Path(path).resolve()
    return Source(key=f"path:{resolved}@{_fingerprint(resolved)}", label=Path(path).name or path, path=path)


def _store_source(url: str) -> Source:
    from graph import store

    try:
        engine = _engine(url)
        now = store.latest_revision(engine)  # one row: history() would count the newest revision's changes
    except store.StoreError as exc:
        raise exc.as_data_error(store.describe(url)) from None
    at = st.session_state.get("at_revision")
    label = Path(url.split("///", 1)[-1]).name if url.startswith("sqlite") else store.describe(url)
    if at is not None and at < now:
        return Source(key=f"db:{url}@{at}", label=f"{label} @ {at}", url=url, revision=at)
    return Source(key=f"db:{url}#{now}", label=label, url=url)


def current_source() -> Source:
    """The upload in use, if any, else the map's database, else the ``--data`` files."""
    upload = st.session_state.get("source")
    if upload is not None:
        return upload
    url = map_url()
    return _store_source(url) if url else default_source()


class _MapReads:
    """The newest read of one map, shared by every session: the next revision is read as its changes.

    It holds an immutable :class:`graph.store.Snapshot` and swaps it for a newer one (under a lock,
    as sessions run in threads); no dataset is ever edited in place.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latest = None


@st.cache_resource(max_entries=4, show_spinner=False)
def _map_reads(url: str) -> _MapReads:
    return _MapReads()


def _read_map(source: Source) -> Dataset:
    """The map now (after an edit: the last read plus the rows changed since), or at ``source.revision``."""
    from graph import store

    engine = _engine(source.url)
    if source.revision is not None:
        return store.load_dataset(engine, revision=source.revision)
    reads = _map_reads(source.url)
    with reads.lock:
        reads.latest = store.refresh(engine, reads.latest)
        return reads.latest.dataset


def _read(source: Source, columns: tuple[tuple[str, str], ...] = ()) -> Dataset:
    """Read a source: the map's database, a path, or the uploaded files' bytes (never written to disk)."""
    if source.url:
        from graph import store

        try:
            return _read_map(source)
        except store.StoreError as exc:
            raise exc.as_data_error(source.label) from None
    if source.path:
        return read_dataset(source.path)
    files = [(Path(name).name, data) for name, data in source.files]
    return read_dataset(files, columns=dict(columns) or None)


def read_upload(files: list[tuple[str, bytes]], columns: tuple[tuple[str, str], ...] = ()
                ) -> tuple[Source, Dataset | None, list[Problem]]:
    """Read uploaded files (with the user's column mapping, if any); the dataset is None when it cannot be used."""
    digest = hashlib.sha256()
    for name, data in sorted(files):
        digest.update(name.encode() + b"\0" + data)
    digest.update(repr(columns).encode())
    names = ", ".join(sorted(name for name, _ in files))
    source = Source(key=f"upload:{digest.hexdigest()}", label=names, files=tuple(sorted(files)), columns=columns)
    ds, problems = _checked_upload(source.key, source)
    return source, ds, list(problems)


@st.cache_resource(max_entries=8, show_spinner=False)
def _checked_upload(key: str, _source: Source) -> tuple[Dataset | None, tuple[Problem, ...]]:
    """An upload read and validated once per content (the page reruns on every click, the bytes stay the same)."""
    try:
        ds = _read(_source, _source.columns)
    except DataError as exc:
        return None, tuple(exc.problems)
    problems = validate(ds)
    return (None if any(p.severity == "error" for p in problems) else ds), tuple(problems)


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(key: str, _source: Source) -> Dataset:
    if _source.files:  # an upload in use was read when it was checked
        ds, _ = _checked_upload(key, _source)
        if ds is not None:
            return ds
    return _read(_source, _source.columns)


def load(source: Source) -> Dataset:
    """The dataset of ``source`` (read once, shared; never edited in place)."""
    return _load(source.key, source)


def working_dataset(source: Source) -> tuple[str, Dataset]:
    """The source's dataset plus the ties accepted in this session, and a key naming that state."""
    ds = load(source)
    accepted = st.session_state.get("accepted_ties", [])
    if not accepted:
        return source.key, ds
    extra = pd.DataFrame(accepted, index=range(-len(accepted), 0))  # rows of no file; ties keep their own ids
    key = source.key + ACCEPTED + hashlib.sha1(repr(accepted).encode()).hexdigest()[:12]
    return key, _with_ties(key, ds, extra)


@st.cache_resource(max_entries=8, show_spinner=False)
def _with_ties(key: str, _ds: Dataset, _extra: pd.DataFrame) -> Dataset:
    ties = pd.concat([_ds.collaborations, _extra.reindex(columns=_ds.collaborations.columns, fill_value="")])
    return _ds.replace(collaborations=ties)


#: The last dataset each of filter_values_of, search_labels_of and dataset_metrics answered for, and its answer:
#: the map after an edit keeps most columns in the same memory (graph.row_changes.same_cells), and answers
#: made of those columns stay.
_LAST: dict[str, tuple[Dataset, Any]] = {}
_LAST_LOCK = threading.Lock()  # sessions run in threads


def _after_last(kind: str, ds: Dataset, answer: Callable[[tuple[Dataset, Any] | None], Any]) -> Any:
    """``answer(last)`` for ``ds``, where ``last`` is the (dataset, answer) of the last question of this
    ``kind`` (None at first); remembered for the next one."""
    with _LAST_LOCK:
        last = _LAST.get(kind)
    found = answer(last)
    with _LAST_LOCK:
        _LAST[kind] = (ds, found)
    return found


@st.cache_resource(max_entries=4, show_spinner=False)
def filter_values_of(key: str, _ds: Dataset) -> dict[str, list[str]]:
    """The values each filter can take in the dataset."""
    return _after_last("filters", _ds, lambda last: filter_options(_ds, last))


@st.cache_resource(max_entries=4, show_spinner=False)
def search_labels_of(key: str, _ds: Dataset) -> dict[str, str]:
    """Actor id -> "name (alias, alias)", what the search box offers."""
    actors, columns = _ds.actors, ("id", "name", "aliases")

    def labels(last):
        if last is not None and all(same_cells(last[0].actors[c], actors[c]) for c in columns):
            return last[1]
        # columns as Python lists: a walk over Arrow strings costs microseconds a cell
        return {actor: _search_label(name, aliases) for actor, name, aliases in
                zip(*(actors[c].tolist() for c in columns), strict=True)}

    return _after_last("search", _ds, labels)


def _search_label(name: str, aliases: str) -> str:
    also = split_multi(aliases) if aliases else ()
    return name + (f" ({', '.join(also)})" if also else "")


@st.cache_resource(max_entries=4, show_spinner=False)
def problems_of(key: str, _ds: Dataset) -> list[Problem]:
    return validate(_ds)


def _filter_args(filters: tuple) -> dict:
    return {name: list(values) if isinstance(values, tuple) else values for name, values in filters if name != "year"}


def year_of(filters: tuple) -> str | None:
    """The timeline's year in a filters tuple (None: no time slice)."""
    return dict(filters).get("year")


@st.cache_resource(max_entries=32, show_spinner=False)
def view(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> Dataset:
    """The filtered (and focused) part of the dataset; ``filters`` is a sorted tuple of (name, values)."""
    ds = filter_dataset(as_of(_ds, year_of(filters)) if year_of(filters) else _ds, **_filter_args(filters))
    if focus and focus[0] in set(ds.actors["id"]):
        ds = neighbourhood(ds, focus[0], focus[1])
    return ds


@st.cache_resource(max_entries=32, show_spinner=False)
def graph_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> nx.MultiGraph:
    """The graph of a view (the whole dataset's for no filters and no focus, built once)."""
    if not filters and not focus:
        return to_multigraph(_ds)
    return to_multigraph(view(key, filters, focus, _ds))


#: Marks the part of a data key that names the ties accepted in this session.
ACCEPTED = "+accepted:"


#: Above this many actors, metrics come from the whole dataset (computed once) rather than per view.
LARGE = 1500


def _metrics(found: questions.Brokers) -> pd.DataFrame:
    """A brokers answer as the details panel and node sizes read it (constraint blank when not computed)."""
    table = found.table.set_index("id")
    if "constraint" not in table:
        table = table.assign(constraint=float("nan"), articulation_point=False)
    return table


@st.cache_resource(max_entries=4, show_spinner="…")
def dataset_metrics(key: str, _ds: Dataset) -> pd.DataFrame:
    """The whole dataset's brokers, by the rule of the Brokers page and ``stats``; after an edit that left
    the ties as they were (a name, a quote), the numbers before with the names now."""
    def table(last):
        if last is not None and questions.same_brokers(last[0], _ds):
            return last[1].assign(name=questions.actor_names(_ds, last[1].index))
        return _metrics(questions.brokers(_ds))

    return _after_last("metrics", _ds, table)


@st.cache_resource(max_entries=16, show_spinner=False)
def brokers_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> questions.Brokers:
    """The Brokers page's answer for a view: :func:`graph.questions.brokers`, as ``stats`` asks it."""
    return questions.brokers(view(key, filters, focus, _ds))


@st.cache_resource(max_entries=16, show_spinner=False)
def metrics_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> pd.DataFrame:
    """Partners, betweenness, constraint and cut points, indexed by actor id.

    The Brokers page's numbers (existing ties, one sampling rule). Computed on the view for networks of
    up to :data:`LARGE` actors; for larger ones the whole dataset's values are shown, computed once.
    """
    if (not filters and not focus) or len(_ds.actors) > LARGE:
        table = dataset_metrics(key, _ds)
        if filters or focus:
            ids = view(key, filters, focus, _ds).actors["id"]
            table = table[table.index.isin(ids)]
        return table
    return _metrics(brokers_of(key, filters, focus, _ds))


@st.cache_resource(max_entries=16, show_spinner=False)
def communities_of(key: str, filters: tuple, focus: tuple[str, int] | None, _ds: Dataset) -> dict:
    return analysis.communities(graph_of(key, filters, focus, _ds))
