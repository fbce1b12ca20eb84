"""The questions the app's pages ask, as functions of a dataset the command line asks too.

Each takes a :class:`~graph.model.Dataset` (already filtered to the view the
person is looking at) and returns plain tables, so the Brokers page and
``python -m graph stats`` / ``brokers`` give the same answer on the same data.

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(
...     actors=[{"id": x, "name": x.upper()} for x in "abc"],
...     collaborations=[{"source": "a", "target": "b"}, {"source": "b", "target": "c"},
...                     {"source": "a", "target": "c", "status": "planned"}])
>>> found = brokers(ds)
>>> found.table["id"].tolist()[:1], found.left_out, found.sampled_from
(['b'], 1, None)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np
import pandas as pd

from graph import analysis
from graph.build import drawable_ties, filter_dataset, positions, tie_status, to_multigraph
from graph.model import Dataset, split_multi
from graph.row_changes import same_cells

__all__ = ["BROKER_STATUSES", "EXACT_UP_TO", "SAMPLE_SOURCES", "SETTLE_TOP", "Brokers", "brokers", "sample_size", "summary", "pair_stats",
           "partner_counts", "themes_by_place", "community_summaries", "BROKER_COLUMNS", "same_brokers", "actor_names"]

#: Brokers are found over the ties that exist, not the wished-for or ended ones.
BROKER_STATUSES = ("existing",)
#: Up to this many actors betweenness is exact; above, it is estimated from sampled sources: as many as it
#: takes the :data:`SETTLE_TOP` best brokers to settle (:func:`graph.analysis.sampled_betweenness`), at most
#: :data:`SAMPLE_SOURCES` and the work of :data:`graph.analysis.SAMPLE_WORK`.
EXACT_UP_TO = 1_500
SAMPLE_SOURCES = 1024
SETTLE_TOP = 20


@dataclass(frozen=True)
class Brokers:
    """Actors ranked as brokers, and how the ranking was made.

    ``table`` has ``id, name, partners, ties, betweenness`` (plus ``constraint``,
    ``articulation_point`` and ``cut_off`` when the network is small enough to
    compute them exactly), best broker first; ``left_out`` counts the ties whose
    status is not in ``statuses``; ``sampled_from`` is the number of sampled
    sources when betweenness is an estimate, else ``None``, and ``settled``
    then says whether its best ``settled[0]`` had settled (the same at half as
    many sources) or the work budget ran out first.  ``graph`` (the
    multigraph of the ties counted) is built on first use: a big network's
    ranking never needs it; nor do its ``bridges``, found from arrays on first use.
    """

    table: pd.DataFrame
    kept: Dataset | None = field(repr=False)
    statuses: tuple[str, ...]
    left_out: int
    sampled_from: int | None
    pairs: pd.DataFrame | None = field(default=None, repr=False)  # source, target: a bare edge list
    settled: tuple[int, bool] | None = None  # sampled: (top, whether the top that many had settled)

    @cached_property
    def graph(self) -> nx.MultiGraph:
        """The multigraph of the ties the ranking counted."""
        if self.kept is None:
            G = nx.MultiGraph()
            G.add_nodes_from(self.table["id"])
            G.add_edges_from((a, b) for a, b in zip(self.pairs["source"], self.pairs["target"]) if a != b)
            return G
        return to_multigraph(self.kept)

    @cached_property
    def bridges(self) -> list[tuple[str, str]]:
        """The id pairs whose tie is the only link between two parts of the network counted, sorted:
        :func:`graph.analysis.bridges` of :attr:`graph`, found from arrays (:func:`graph.analysis.bridges_of_ties`)."""
        if self.kept is None:
            return analysis.bridges(self.graph)
        ids, u, v = _tie_arrays(self.kept)
        a, b = analysis.bridges_of_ties(ids.size, u, v)
        return sorted(tuple(sorted(pair)) for pair in zip(ids[a].tolist(), ids[b].tolist(), strict=True))


def sample_size(n_actors: int) -> int | None:
    """At most how many sources betweenness is sampled from for a network of ``n_actors`` (``None``: exact).

    >>> sample_size(56), sample_size(200_000)
    (None, 1024)
    """
    return None if n_actors <= EXACT_UP_TO else SAMPLE_SOURCES


def brokers(ds: Dataset, *, statuses: tuple[str, ...] = BROKER_STATUSES, seed: int = 1,
            top: int = SETTLE_TOP) -> Brokers:
    """Rank the actors of ``ds`` by betweenness over the ties with one of ``statuses``.

    Ties are ranked by betweenness, then partners, then name, so equal scores
    come out in the same order everywhere.  Small networks also get Burt's
    constraint and the articulation points with the actors each would cut off.
    Above :data:`EXACT_UP_TO` actors betweenness is sampled until the ``top``
    best brokers settle (``sampled_from`` says from how many sources).
    """
    kept = filter_dataset(ds, statuses=list(statuses)) if statuses else ds
    left_out = int((drawable_ties(ds) & ~tie_status(ds.collaborations).isin(statuses)).sum()) if statuses else 0
    ids, u, v = _tie_arrays(kept)
    if sample_size(ids.size) is None:
        return Brokers(analysis.brokers(to_multigraph(kept)).reset_index(drop=True), kept, tuple(statuses), left_out,
                       None)
    table, k, settled = _sampled_ranking(ids, actor_names(kept, ids), u, v, top, seed)
    return Brokers(table.reset_index(drop=True), kept, tuple(statuses), left_out, k, settled=(top, settled))


def partner_counts(ds: Dataset, *, statuses: tuple[str, ...] = BROKER_STATUSES) -> pd.Series:
    """Actor id -> distinct partners over the ties with one of ``statuses``: :func:`brokers`' ``partners``
    without its betweenness (what node sizes need, in milliseconds at 5,000 actors).

    >>> from graph.model import Dataset
    >>> ds = Dataset.from_records(actors=[{"id": i} for i in "abc"], collaborations=[
    ...     {"source": "a", "target": "b"}, {"source": "b", "target": "a", "kind": "funding"},
    ...     {"source": "b", "target": "c", "status": "planned"}])
    >>> partner_counts(ds).to_dict()
    {'a': 1, 'b': 1, 'c': 0}
    """
    kept = filter_dataset(ds, statuses=list(statuses)) if statuses else ds
    ids, u, v = _tie_arrays(kept)
    partners = analysis.partners_of_pairs(ids.size, *analysis.distinct_pairs(ids.size, u, v))
    return pd.Series(partners, index=ids, name="partners")


def _tie_arrays(ds: Dataset) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """Actor ids in the graph's node order and the positions of each drawable tie's two ends."""
    ids = pd.Index(ds.actors["id"][ds.actors["id"] != ""].unique())
    u, v = (positions(ids, ds.collaborations[end]) for end in ("source", "target"))
    drawable = (u >= 0) & (v >= 0) & (u != v)  # drawable_ties: ids are distinct, so u == v is a self-tie
    return ids, u[drawable], v[drawable]


def _sampled_ranking(ids: pd.Index, names: list[str], u: np.ndarray, v: np.ndarray, top: int, seed: int
                     ) -> tuple[pd.DataFrame, int]:
    """:func:`graph.analysis.ranking` from arrays (the same table, no networkx graph: seconds at 200,000),
    betweenness sampled until the ``top`` best settle; and the number of sources it took."""
    n = ids.size
    a, b = analysis.distinct_pairs(n, u, v)
    between, k, settled = analysis.sampled_betweenness(n, a, b, top=top, seed=seed, most=SAMPLE_SOURCES)
    table = pd.DataFrame({
        "id": ids.array if isinstance(ids.dtype, pd.StringDtype) else list(ids), "name": names,
        "partners": analysis.partners_of_pairs(n, a, b),
        "ties": np.bincount(np.r_[u, v], minlength=n),
        "betweenness": between,
    })
    table = table.sort_values(["betweenness", "partners", "name"], ascending=[False, False, True], kind="stable")
    return table, k, settled


def summary(ds: Dataset) -> dict[str, object]:
    """:func:`graph.analysis.summary` of all of ``ds``'s drawable ties, from arrays (seconds at 200,000 actors).

    >>> from graph.model import Dataset
    >>> ds = Dataset.from_records(actors=[{"id": x} for x in "abc"], collaborations=[{"source": "a", "target": "b"}])
    >>> summary(ds)["components"]
    2
    """
    ids, u, v = _tie_arrays(ds)
    return analysis.summary_of_ties(ids.size, u, v)


def pair_stats(pairs: pd.DataFrame, *, seed: int = 1, top: int = SETTLE_TOP) -> tuple[dict[str, object], Brokers]:
    """:func:`summary` and :func:`brokers` of a bare edge list (``source``, ``target``; every tie existing).

    The same numbers as on the dataset the general reader makes of that file
    (actors in order of first appearance, self-ties left out), without making
    it: for ``python -m graph stats`` on an edge list of 200,000 ties.

    >>> facts, found = pair_stats(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    >>> facts["pairs"], found.table["id"].tolist()[0]
    (2, 'b')
    """
    codes, uniques = pd.factorize(pd.concat([pairs["source"], pairs["target"]], ignore_index=True).astype(str))
    m = len(pairs)
    u, v = codes[:m], codes[m:]
    keep = u != v
    u, v = u[keep], v[keep]
    ids = pd.Index(uniques)
    actors = pd.DataFrame({"id": ids, "name": ids})
    if sample_size(ids.size) is None:
        ds = Dataset(actors=actors, collaborations=pairs.assign(status="existing"))
        return analysis.summary_of_ties(ids.size, u, v), brokers(ds, seed=seed)
    table, k, settled = _sampled_ranking(ids, list(ids), u, v, top, seed)
    return analysis.summary_of_ties(ids.size, u, v), Brokers(table.reset_index(drop=True), None, BROKER_STATUSES,
                                                             0, k, pairs, settled=(top, settled))


def themes_by_place(ds: Dataset) -> pd.DataFrame:
    """Actor × theme: how many of each actor's ties carry each theme, with the actor's place.

    Columns are ``id, name, place`` and one column per theme id (in the order of
    the themes table, then any others); actors without a themed tie are left out.

    >>> from graph.model import Dataset
    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A", "municipality": "Orust"}, {"id": "b"}],
    ...                           collaborations=[{"source": "a", "target": "b", "themes": "housing|language"}])
    >>> themes_by_place(ds).values.tolist()
    [['a', 'A', 'Orust', 1, 1], ['b', 'b', '', 1, 1]]
    """
    rows = [(end, theme) for source, target, themes in ds.collaborations[["source", "target", "themes"]]
            .itertuples(index=False) for theme in split_multi(themes) for end in (source, target)]
    if not rows:
        return pd.DataFrame(columns=["id", "name", "place"])
    counts = pd.DataFrame(rows, columns=["id", "theme"]).value_counts().unstack(fill_value=0)
    known = [t for t in ds.themes["id"] if t in counts.columns]
    counts = counts[known + [c for c in counts.columns if c not in known]]
    actors = ds.actors.drop_duplicates("id").set_index("id")
    place = (actors["municipality"].str.replace("|", ", ") + " " + actors["region"].str.replace("|", ", ")).str.strip()
    names = actors["name"].where(actors["name"] != "", actors.index.to_series())
    table = pd.concat([names.rename("name"), place.rename("place")], axis=1).join(counts, how="inner")
    table = table.reset_index(names="id")
    table.columns.name = None
    return table


def community_summaries(G: nx.MultiGraph, groups: dict[str, int], *, top: int = 3) -> pd.DataFrame:
    """One row per community: ``group, size, members`` (the ``top`` best-connected names) and ``sectors``.

    ``sectors`` maps each sector code to its number of members (actors with no
    sector are not counted).

    >>> G = nx.MultiGraph([("a", "b"), ("a", "c")])
    >>> nx.set_node_attributes(G, {"a": "public", "b": "business", "c": "business"}, "sector")
    >>> community_summaries(G, {"a": 0, "b": 0, "c": 1}).to_dict("records")[0]
    {'group': 0, 'size': 2, 'members': ['a', 'b'], 'sectors': {'business': 1, 'public': 1}}
    """
    members: dict[int, list[str]] = {}
    for node, group in groups.items():
        if node in G:
            members.setdefault(group, []).append(node)
    rows = []
    for group in sorted(members):
        nodes = sorted(members[group], key=lambda n: (-G.degree(n), str(G.nodes[n].get("name", n))))
        sectors = pd.Series([G.nodes[n].get("sector", "") for n in nodes]).value_counts()
        rows.append({"group": group, "size": len(nodes),
                     "members": [str(G.nodes[n].get("name", n)) for n in nodes[:top]],
                     "sectors": {s: int(c) for s, c in sorted(sectors.items()) if s}})
    return pd.DataFrame(rows, columns=["group", "size", "members", "sectors"])


#: What :func:`brokers` reads besides names: the actors' ids and each tie's ends, status and weight.
BROKER_COLUMNS = {"actors": ("id",), "collaborations": ("source", "target", "status", "weight")}


def same_brokers(before: Dataset, after: Dataset) -> bool:
    """Whether :func:`brokers` of ``after`` ranks as that of ``before`` (names aside): every column it reads
    is held in the same memory (an edit that touched none of them, :func:`graph.row_changes.same_cells`).

    >>> ds = Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b"}],
    ...                           collaborations=[{"source": "a", "target": "b"}])
    >>> renamed = ds.subset(actors=ds.actors.assign(name=["Anna", ""]))
    >>> ended = ds.subset(collaborations=ds.collaborations.assign(status="ended"))
    >>> same_brokers(ds, renamed), same_brokers(ds, ended)
    (True, False)
    """
    return all(same_cells(getattr(before, t)[c], getattr(after, t)[c]) for t, cs in BROKER_COLUMNS.items() for c in cs)


def actor_names(ds: Dataset, ids) -> list[str]:
    """Each of ``ids``' name as :func:`brokers` gives it (the id where there is none).

    >>> actor_names(Dataset.from_records(actors=[{"id": "a", "name": "A"}, {"id": "b"}]), ["b", "a"])
    ['b', 'A']
    """
    first = ds.actors.drop_duplicates("id")  # an id's first row names it
    wanted = pd.Index(ids, dtype=object)
    names = pd.Series(first["name"].to_numpy(dtype=object), index=first["id"].to_numpy(dtype=object)).reindex(wanted)
    named = names.notna() & (names != "")
    return [str(v) for v in np.where(named.to_numpy(), names.to_numpy(), wanted.to_numpy())]
