"""Sector gaps: which pairs of sector categories have no tie between the actors of each place.

>>> import pandas as pd
>>> actors = pd.DataFrame({"id": ["k", "b"], "type": ["municipality", "business"], "municipality": ["Orust"] * 2})
>>> sector_gaps(pd.DataFrame({"source": [], "target": []}), actors).query("category_b == 'business'")["note"].tolist()[:1]
['no actors']
"""

from __future__ import annotations

from itertools import combinations_with_replacement

import numpy as np
import pandas as pd

from graph.links._prepare import check_lang, column, level_values, sector_values
from graph.links._text import text
from graph.text import pick

__all__ = ["CATEGORIES", "CATEGORY_LABELS", "TYPE_CATEGORY", "categories", "category_label", "sector_gaps",
           "sector_gap_matrix"]

#: Sector categories of :func:`sector_gaps`.
CATEGORIES: tuple[str, ...] = ("state_agency", "public_local", "civil_society", "business")

#: Each category in words (lower case, as inside a sentence), the one catalogue of the gaps, the page and the briefing.
CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "state_agency": {"sv": "statliga myndigheter", "en": "state agencies", "nb": "statlige etater"},
    "public_local": {"sv": "kommun/region", "en": "municipality/region", "nb": "kommune/region"},
    "civil_society": {"sv": "civilsamhälle", "en": "civil society", "nb": "sivilsamfunn"},
    "business": {"sv": "näringsliv", "en": "business", "nb": "næringsliv"},
}


def category_label(category: str, lang: str = "sv", *, capital: bool = False) -> str:
    """The words for a sector category (the code itself when unknown).

    >>> category_label("public_local", "nb"), category_label("business", "en", capital=True)
    ('kommune/region', 'Business')
    """
    words = pick(CATEGORY_LABELS[category], lang) if category in CATEGORY_LABELS else category
    return words[:1].upper() + words[1:] if capital else words


#: Actor type -> sector category of :func:`sector_gaps`; other types follow their sector.
TYPE_CATEGORY: dict[str, str] = {
    "state_agency": "state_agency",
    "county_board": "public_local",
    "region": "public_local",
    "municipality": "public_local",
    "fund": "public_local",
}


def categories(actors: pd.DataFrame) -> np.ndarray:
    kind = column(actors, "type").str.lower().to_numpy()
    sector, level = sector_values(actors), level_values(actors)
    by_sector = np.select([(sector == "public") & (level == "national"), sector == "public",
                           sector == "civil_society", sector == "business"],
                          list(CATEGORIES), default="")
    return np.array([TYPE_CATEGORY.get(k, b) for k, b in zip(kind, by_sector)], dtype=object)


def _split(cell: str) -> set[str]:
    return {x.strip() for x in cell.split("|")} - {""}


def sector_gaps(collaborations: pd.DataFrame, actors: pd.DataFrame, *, place: str = "municipality",
                lang: str = "en") -> pd.DataFrame:
    """Which pairs of sector categories have no tie between the actors of each place.

    Categories come from the actor ``type``: ``state_agency`` (state
    agencies), ``public_local`` (county boards, regions, municipalities and
    funds: public money for regional and local development is not a state
    agency), ``civil_society`` and ``business``; other types follow their
    sector (a public actor of national level counts as a state agency, e.g.
    the state-run rural network).  Places are the ``|``-separated values of
    ``municipality`` (or ``region``).  An actor with no place and national
    level (state agencies, national funds) counts in every place *of its own
    country* (IMDi in Norwegian places only, Migrationsverket in Swedish
    ones); a place's countries are those of the actors located in it.  For
    ``place="municipality"``, regional actors without a municipality count in
    the municipalities of their region.

    Returns
    -------
    pandas.DataFrame
        One row per place and unordered category pair: ``place, category_a,
        category_b, actors_a, actors_b, ties`` (observed), ``recommended`` and
        ``note`` ("no tie", "only recommended ties", "no actors" or "").

    Raises
    ------
    ValueError
        For a ``place`` other than "municipality" or "region".

    >>> actors = pd.DataFrame({"id": ["k", "f", "b"], "name": ["K", "F", "B"],
    ...     "type": ["municipality", "association", "business"], "municipality": ["Orust"] * 3})
    >>> ties = pd.DataFrame({"source": ["k", "k"], "target": ["f", "b"], "status": ["", "recommended"]})
    >>> g = sector_gaps(ties, actors)
    >>> g[(g.category_a == "public_local") & (g.category_b == "business")][["ties", "note"]].values.tolist()
    [[0, 'only recommended ties']]
    """
    if place not in ("municipality", "region"):
        raise ValueError(f"Unknown place {place!r}: choose 'municipality' or 'region'.")
    check_lang(lang)
    ids = column(actors, "id").to_numpy()
    cat = categories(actors)
    where = [_split(x) for x in column(actors, place)]
    regions = [_split(x) for x in column(actors, "region")]
    country = column(actors, "country").str.upper().to_numpy()
    level = level_values(actors)
    nowhere = np.array([not w for w in where], dtype=bool)  # bool when empty too
    national = nowhere & (level == "national") & (cat != "")
    if place == "municipality":
        nowhere &= np.array([not r for r in regions], dtype=bool)
    places = sorted(set().union(*where)) if where else []
    status = column(collaborations, "status").str.lower().to_numpy()
    src, tgt = column(collaborations, "source").to_numpy(), column(collaborations, "target").to_numpy()
    rows = []
    for pl in places:
        local = np.array([pl in w for w in where], dtype=bool)
        countries = set(country[local]) - {""}
        present = local | (national & (np.isin(country, list(countries)) | (country == "") | (not countries)))
        if place == "municipality":
            regs = set().union(*(regions[i] for i in np.flatnonzero(local)))
            present |= np.array([not w and bool(r & regs) for w, r in zip(where, regions)]) & (cat != "")
        members = dict(zip(ids[present], cat[present]))
        a = pd.Series(src).map(members).to_numpy()
        b = pd.Series(tgt).map(members).to_numpy()
        both = pd.notna(a) & pd.notna(b) & (a != "") & (b != "")
        count = pd.Series(cat[present]).value_counts()
        for x, y in combinations_with_replacement(CATEGORIES, 2):
            if x == y == "state_agency":
                continue
            hit = both & (((a == x) & (b == y)) | ((a == y) & (b == x)))
            ties, recs = int((hit & (status != "recommended")).sum()), int((hit & (status == "recommended")).sum())
            na, nb = int(count.get(x, 0)), int(count.get(y, 0))
            pairs_possible = na * nb if x != y else na * (na - 1) // 2
            note = "" if ties else ("no_actors" if pairs_possible == 0 else
                                    "only_recommended" if recs else "gap")
            rows.append((pl, x, y, na, nb, ties, recs, text(lang, note) if note else ""))
    return pd.DataFrame(rows, columns=["place", "category_a", "category_b", "actors_a", "actors_b",
                                       "ties", "recommended", "note"])


def sector_gap_matrix(gaps: pd.DataFrame, place: str) -> pd.DataFrame:
    """Pivot :func:`sector_gaps` into a symmetric category x category table of tie counts.

    >>> g = pd.DataFrame({"place": ["X"], "category_a": ["business"], "category_b": ["civil_society"],
    ...                   "ties": [2]})
    >>> int(sector_gap_matrix(g, "X").loc["civil_society", "business"])
    2
    """
    g = gaps[gaps["place"] == place]
    both = pd.concat([g[["category_a", "category_b", "ties"]],
                      g.rename(columns={"category_a": "category_b", "category_b": "category_a"})
                      [["category_a", "category_b", "ties"]]])
    both = both.drop_duplicates(["category_a", "category_b"])
    m = both.pivot(index="category_a", columns="category_b", values="ties")
    order = [c for c in CATEGORIES if c in m.index or c in m.columns]
    return m.reindex(index=order, columns=order).fillna(0).astype(int)
