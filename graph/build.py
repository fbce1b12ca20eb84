"""From tables to networkx graphs, and filtered views of a dataset.

:func:`to_multigraph` keeps every tie (several kinds between one pair stay
separate edges); :func:`to_simple` projects it onto a weighted simple graph for
analysis; :func:`filter_dataset` narrows the tables by attribute, and
:func:`neighbourhood` to the actors within N steps of one actor.

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(
...     actors=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
...     collaborations=[{"source": "a", "target": "b", "kind": "funding"},
...                     {"source": "b", "target": "a", "kind": "dialogue", "weight": "2"}])
>>> G = to_multigraph(ds)
>>> G.number_of_edges(), to_simple(G)["a"]["b"]["weight"]
(2, 3.0)
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from graph.cell_rules import among
from graph.model import COLUMNS, Dataset, split_multi
from graph.row_changes import same_cells
from graph.vocab import ACTOR_TYPES, KINDS, LEVELS, SECTORS, STATUSES, implied, implied_column

__all__ = ["to_multigraph", "actor_record", "positions", "among", "drawable_ties", "tie_status", "to_simple", "filter_dataset",
           "filter_options", "neighbourhood", "actor_themes", "resolve_actor",
           "as_of", "years_of", "timeline_years"]


def _number(value: str, default: float | None = 1.0) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as dicts (much faster than ``DataFrame.to_dict("records")`` on string columns)."""
    columns = list(table.columns)
    return [dict(zip(columns, values, strict=True)) for values in zip(*(table[c].tolist() for c in columns))]


def _actor_attrs(row: dict) -> dict:
    attrs = {k: v for k, v in row.items() if v != "" or k in COLUMNS["actors"]}
    attrs["aliases"] = tuple(split_multi(row.get("aliases", "")))
    attrs["name"] = row.get("name") or row["id"]
    for column in ("sector", "level"):
        attrs[column] = implied(column, attrs.get(column, ""), row.get("type", ""))
    for key in ("x", "y", "size"):
        if key in attrs:
            attrs[key] = _number(attrs[key], None)
    return attrs


def actor_record(ds: Dataset, actor: str) -> dict | None:
    """One actor's columns as the graph's node has them (``aliases`` a tuple, ``sector`` and ``level`` filled
    from the type), without building the graph; None when ``actor`` is not in ``ds``.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "type": "municipality", "aliases": "A|Å"}])
    >>> row = actor_record(ds, "a")
    >>> row["sector"], row["aliases"], actor_record(ds, "x")
    ('public', ('A', 'Å'), None)
    """
    found = ds.actors.index[ds.actors["id"] == actor]
    return None if actor == "" or found.empty else _actor_attrs(ds.actors.loc[found[0]].to_dict())


def positions(ids, values: pd.Series):
    """Where each of ``values`` stands among the distinct ``ids`` (-1: not among them).

    Strings are looked up by Arrow's hash join (``pyarrow.compute.index_in``, five times quicker than
    pandas' lookup at 200,000); other values as Python objects.

    >>> positions(["a", "b"], pd.Series(["b", "x"])).tolist()
    [1, -1]
    """
    found = _arrow_positions(ids, values)
    if found is not None:
        return found
    index = pd.Index(pd.Series(ids).to_numpy(dtype=object), dtype=object)
    return index.get_indexer(values.to_numpy(dtype=object)).astype(np.intp, copy=False)


def _arrow_positions(ids, values: pd.Series):
    """:func:`positions` of string ``ids`` and ``values`` by Arrow, else ``None`` (not both strings)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        keys, looked = (pa.array(pd.Series(x, copy=False), from_pandas=True) for x in (ids, values))
        if not all(pa.types.is_string(x.type) or pa.types.is_large_string(x.type) for x in (keys, looked)):
            return None
        found = pc.index_in(looked.cast(pa.large_string()), value_set=keys.cast(pa.large_string()))
    except (pa.ArrowException, TypeError, ValueError):
        return None
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.intp, copy=False)


def drawable_ties(ds: Dataset) -> pd.Series:
    """True for the ties that join two different actors of ``ds`` (the ones a graph holds).

    >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}], collaborations=[
    ...     {"source": "a", "target": "b"}, {"source": "a", "target": "x"}, {"source": "b", "target": "b"}])
    >>> drawable_ties(ds).tolist()
    [True, False, False]
    """
    ids = ds.actors["id"][ds.actors["id"] != ""].unique()
    ties = ds.collaborations
    ends = [among(ties[end], ids) for end in ("source", "target")]
    return pd.Series(ends[0] & ends[1], index=ties.index) & (ties["source"] != ties["target"])


def tie_status(ties: pd.DataFrame) -> pd.Series:
    """Each tie's status, ``existing`` where none is given."""
    return ties["status"].where(ties["status"] != "", "existing")


def to_multigraph(ds: Dataset) -> nx.MultiGraph:
    """All actors and ties of ``ds`` as an undirected multigraph.

    Nodes carry the actor's columns (``aliases`` as a tuple, ``sector`` and
    ``level`` filled from the type when empty); edges carry the tie's columns,
    ``themes`` as a tuple, ``weight`` as a float, ``id`` (the tie's stable
    id, also the edge key) and ``source``/``target`` as written (funding and commissioning
    point from source to target).  Ties with an end that is not an actor are
    left out (validation reports them).
    """
    G = nx.MultiGraph()
    G.add_nodes_from((row["id"], _actor_attrs(row)) for row in _records(ds.actors) if row["id"])
    if ds.collaborations.empty:
        return G
    ties = ds.collaborations[drawable_ties(ds)]
    weights = pd.to_numeric(ties["weight"], errors="coerce").fillna(1.0).tolist()
    themes = [tuple(split_multi(v)) if v else () for v in ties["themes"].tolist()]
    records = _records(ties)
    G.add_edges_from(
        (row["source"], row["target"], row["id"], {**row, "themes": theme, "weight": weight})
        for row, theme, weight in zip(records, themes, weights, strict=True)
    )
    return G


def to_simple(G: nx.MultiGraph) -> nx.Graph:
    """A weighted simple graph: one edge per pair, ``weight`` summed, ``ties`` counted, ``kinds`` collected."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        if H.has_edge(u, v):
            edge = H[u][v]
            edge["weight"] += data.get("weight", 1.0)
            edge["ties"] += 1
            edge["kinds"] = tuple(sorted(set(edge["kinds"]) | {data.get("kind", "")}))
        else:
            H.add_edge(u, v, weight=data.get("weight", 1.0), ties=1, kinds=(data.get("kind", ""),))
    return H


def actor_themes(ds: Dataset) -> dict[str, set[str]]:
    """The themes of each actor: the union of the themes of its ties."""
    themes: dict[str, set[str]] = {}
    for source, target, value in ds.collaborations[["source", "target", "themes"]].itertuples(index=False):
        for theme in split_multi(value):
            themes.setdefault(source, set()).add(theme)
            themes.setdefault(target, set()).add(theme)
    return themes


def _given(values: Iterable[str] | None) -> bool:
    """Does a filter ask for anything (a value that is not empty)?"""
    return any(v for v in values or [])


def _keep(series: pd.Series, values: Iterable[str] | None, *, multi: bool = False) -> pd.Series:
    """Rows whose value is one of ``values`` (with ``multi``, any of its ``|``-separated values)."""
    wanted = {v for v in (values or []) if v}
    if not wanted:
        return pd.Series(True, index=series.index)
    if multi:
        return series.map(lambda cell: bool(wanted & set(split_multi(cell))))
    return series.isin(wanted)


def filter_dataset(
    ds: Dataset,
    *,
    types: Iterable[str] | None = None,
    sectors: Iterable[str] | None = None,
    levels: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
    municipalities: Iterable[str] | None = None,
    themes: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    period: tuple[str, str] | None = None,
) -> Dataset:
    """The part of ``ds`` that matches every filter given (an empty filter keeps all).

    Actor filters keep matching actors and the ties among them; tie filters
    keep matching ties.  Multi-valued cells (``region``, ``municipality``,
    ``themes``) match when any of their values does; a tie matches ``period``
    when its start–end overlaps ``(from, to)``, open ends counting as
    always.  Actors are kept even when a tie filter leaves them alone.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "type": "municipality"}, {"id": "b", "type": "business"}],
    ...                           collaborations=[{"source": "a", "target": "b"}])
    >>> small = filter_dataset(ds, types=["municipality"])
    >>> list(small.actors["id"]), len(small.collaborations)
    (['a'], 0)
    """
    actors = ds.actors
    if any(_given(f) for f in (types, sectors, levels, countries, regions, municipalities)):
        sector, level = implied_column(actors, "sector"), implied_column(actors, "level")
        keep = (_keep(actors["type"], types) & _keep(sector, sectors) & _keep(level, levels)
                & _keep(actors["country"], countries) & _keep(actors["region"], regions, multi=True)
                & _keep(actors["municipality"], municipalities, multi=True))
        actors = actors[keep]
    ties = ds.collaborations
    ids = actors["id"].unique()
    mask = pd.Series(among(ties["source"], ids) & among(ties["target"], ids), index=ties.index)
    if _given(kinds) or _given(statuses):
        mask &= _keep(ties["kind"], kinds) & _keep(tie_status(ties), statuses)
    if _given(themes):
        mask &= _keep(ties["themes"], themes, multi=True)
    if period:
        lo, hi = period
        mask &= ((ties["end"] == "") | (ties["end"] >= lo)) & ((ties["start"] == "") | (ties["start"] <= hi))
    if actors is ds.actors and mask.all():
        return ds  # nothing left out: the same (immutable) dataset
    return ds.subset(actors=actors, collaborations=ties[mask])


def _values(series: pd.Series, *, multi: bool = False) -> list[str]:
    cells = series.unique().tolist()  # a column holds far fewer distinct cells than rows
    values = {v for cell in cells for v in (split_multi(cell) if multi else [cell]) if v}
    return sorted(values, key=str.casefold)


def _ordered(found: list[str], vocabulary: dict) -> list[str]:
    return [v for v in vocabulary if v in found] + [v for v in found if v not in vocabulary]


#: Each option list of :func:`filter_options` and the (table, columns) it is found in.
OPTION_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "types": ("actors", ("type",)), "sectors": ("actors", ("sector",)), "levels": ("actors", ("level",)),
    "countries": ("actors", ("country",)), "regions": ("actors", ("region",)),
    "municipalities": ("actors", ("municipality",)), "themes": ("collaborations", ("themes",)),
    "kinds": ("collaborations", ("kind",)), "statuses": ("collaborations", ("status",)),
    "years": ("collaborations", ("start", "end")),
}


def _option(ds: Dataset, key: str) -> list[str]:
    ties = ds.collaborations
    if key == "years":
        dates = pd.concat([ties["start"], ties["end"]]).str[:4]
        return sorted(set(dates[dates.str.fullmatch(r"\d{4}")].tolist()))
    if key == "statuses":
        return _ordered(_values(tie_status(ties)), STATUSES)
    table, (column,) = OPTION_COLUMNS[key]
    values = _values(getattr(ds, table)[column], multi=key in ("regions", "municipalities", "themes"))
    vocabulary = {"types": ACTOR_TYPES, "sectors": SECTORS, "levels": LEVELS, "kinds": KINDS}.get(key)
    return values if vocabulary is None else _ordered(values, vocabulary)


def filter_options(ds: Dataset, like: tuple[Dataset, dict[str, list[str]]] | None = None) -> dict[str, list[str]]:
    """The values present in ``ds`` for each keyword of :func:`filter_dataset`, vocabulary order first,
    and the ``years`` that start or end a tie.

    ``like`` is an earlier dataset and its options: a list whose columns ``ds`` holds in the same memory
    (an edit that did not touch them, :func:`graph.row_changes.same_cells`) is taken from it as it is.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "type": "municipality", "region": "Sörmland|Värmland"}])
    >>> filter_options(ds)["types"], filter_options(ds)["regions"]
    (['municipality'], ['Sörmland', 'Värmland'])
    """
    found = {}
    for key, (table, columns) in OPTION_COLUMNS.items():
        kept = like is not None and key in like[1] and all(
            same_cells(getattr(like[0], table)[c], getattr(ds, table)[c]) for c in columns)
        found[key] = like[1][key] if kept else _option(ds, key)
    return found


def neighbourhood(ds: Dataset, actor: str, depth: int = 1) -> Dataset:
    """The actors within ``depth`` steps of ``actor`` and the ties among them.

    Raises
    ------
    KeyError
        If ``actor`` is not an actor id of ``ds``.
    """
    G = to_multigraph(ds)
    if actor not in G:
        raise KeyError(actor)
    ids = set(nx.single_source_shortest_path_length(G, actor, cutoff=depth))
    ties = ds.collaborations
    return ds.replace(actors=ds.actors[ds.actors["id"].isin(ids)],
                      collaborations=ties[ties["source"].isin(ids) & ties["target"].isin(ids)])


def resolve_actor(ds: Dataset, query: str) -> str | None:
    """The id of the actor whose id, name or alias is ``query`` (case-insensitive), if any.

    >>> ds = Dataset.from_records(actors=[{"id": "af", "name": "Arbetsförmedlingen", "aliases": "AF|Arbetsförmedlingens"}])
    >>> resolve_actor(ds, "arbetsförmedlingens"), resolve_actor(ds, "nobody")
    ('af', None)
    """
    wanted = query.strip().casefold()
    for row in ds.actors[["id", "name", "aliases"]].itertuples(index=False):
        if wanted in {row.id.casefold(), row.name.casefold(), *(a.casefold() for a in split_multi(row.aliases))}:
            return row.id
    return None


def _year(series: pd.Series) -> pd.Series:
    """The year of each date cell (YYYY, YYYY-MM or YYYY-MM-DD), -1 where there is none."""
    text = series.astype(str).str[:4]
    return pd.to_numeric(text.where(text.str.fullmatch(r"\d{4}"), None), errors="coerce").fillna(-1).astype(int)


def timeline_years(years: list[str]) -> list[str]:
    """The years the timeline steps through: from the first year a tie starts or ends to one after the last.

    >>> timeline_years(["2017", "2019"])
    ['2017', '2018', '2019', '2020']
    """
    return [str(y) for y in range(int(years[0]), int(years[-1]) + 2)] if years else []


def years_of(ds: Dataset) -> list[int]:
    """The years in which a tie starts or ends, in order.

    >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}],
    ...                           collaborations=[{"source": "a", "target": "b", "start": "2019-03", "end": "2021"}])
    >>> years_of(ds)
    [2019, 2021]
    """
    ties = ds.collaborations
    found = set(_year(ties["start"]).tolist()) | set(_year(ties["end"]).tolist())
    return sorted(y for y in found if y >= 0)


def as_of(ds: Dataset, year: int | str) -> Dataset:
    """The dataset as it stood in ``year``: a time slice.

    Ties that start after ``year`` are left out; a tie whose end is before
    ``year`` counts as ``ended``, and one marked ended that still ran in
    ``year`` as ``existing``.  Ties without dates are always there.  The
    column ``phase`` tells them apart: ``started`` (began that year),
    ``ended``, ``planned`` or empty.  Actors are all kept.

    Raises
    ------
    ValueError
        If ``year`` is not a whole number.

    >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}, {"id": "c"}], collaborations=[
    ...     {"source": "a", "target": "b", "start": "2019", "end": "2020", "status": "ended"},
    ...     {"source": "b", "target": "c", "start": "2021"}])
    >>> as_of(ds, 2019).collaborations[["status", "phase"]].values.tolist()
    [['existing', 'started']]
    >>> as_of(ds, 2021).collaborations[["status", "phase"]].values.tolist()
    [['ended', 'ended'], ['', 'started']]
    """
    try:
        year = int(str(year).strip())
    except ValueError:
        raise ValueError(f"the year must be a whole number such as 2019, not {year!r}") from None
    ties = ds.collaborations
    start, end = _year(ties["start"]), _year(ties["end"])
    ties = ties[start <= year].copy()
    start, end = start[ties.index], end[ties.index]
    status = tie_status(ties)
    over = (end >= 0) & (end < year)
    still = (status == "ended") & (end >= year)
    ties.loc[over, "status"] = "ended"
    ties.loc[still, "status"] = "existing"
    status = tie_status(ties)
    phase = pd.Series("", index=ties.index, dtype=object)
    phase[status == "planned"] = "planned"
    phase[status == "ended"] = "ended"
    phase[(start == year) & (status != "ended")] = "started"
    ties["phase"] = phase
    return ds.replace(collaborations=ties)
