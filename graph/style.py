"""One drawing style for the web map, the standalone page and the pictures.

Palettes for actors, the look of a tie by kind and status, the grouping of
small communities as "other", the order in which actors get their names
drawn, and the words of legends and tooltips — used by :mod:`graph.render`
(vis-network) and :mod:`graph.export.images` (matplotlib) alike, so the app,
the HTML page, the PNG/SVG/PDF and the briefing look the same.

>>> tie_style("funding", "planned")["dashes"], tie_style("funding", "existing")["arrows"]
([8, 6], True)
>>> community_keys({"a": 0, "b": 0, "c": 1}, limit=1)
{'a': 0, 'b': 0, 'c': None}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

__all__ = [
    "SECTOR_COLORS", "TYPE_COLORS", "COMMUNITY_COLORS", "FALLBACK_COLOR", "ENDED_COLOR", "EDGE_STYLE",
    "STATUS_DASHES", "STARTED_EXTRA_WIDTH", "WORDS", "words", "tie_style", "community_keys", "label_rank",
    "COUNTRIES", "country_label",
]

SECTOR_COLORS: dict[str, str] = {"public": "#4e79a7", "civil_society": "#59a14f", "business": "#f28e2b"}
TYPE_COLORS: dict[str, str] = {
    "state_agency": "#1f4e79", "county_board": "#2e75b6", "region": "#5b9bd5", "municipality": "#9dc3e6",
    "leader_group": "#76b041", "network": "#a9d18e", "association": "#2e7d32", "study_association": "#66bb6a",
    "faith_community": "#8e7cc3", "business": "#f28e2b", "business_association": "#ffbe7d", "fund": "#b07aa1",
    "consultancy": "#e15759", "initiative": "#edc948", "other": "#9e9e9e",
}
#: Ten clearly different colours (Tableau 10 without its grey); communities past these are "other".
COMMUNITY_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                    "#9c755f", "#17becf")
FALLBACK_COLOR = "#bab0ac"
ENDED_COLOR = "#c8c8c8"

#: Style of a tie by kind: colour and whether it is directed (source → target).
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "partnership": {"color": "#5c6bc0", "arrows": False},
    "funding": {"color": "#2e7d32", "arrows": True},
    "commissioning": {"color": "#c62828", "arrows": True},
    "participation": {"color": "#8d6e63", "arrows": False},
    "membership": {"color": "#00838f", "arrows": False},
    "dialogue": {"color": "#9e9e9e", "arrows": False},
}
#: Dash pattern by status (``False``: solid line).
STATUS_DASHES: dict[str, Any] = {"existing": False, "planned": [8, 6], "recommended": [2, 6], "ended": False}
#: A tie that started in the year shown is drawn this much wider.
STARTED_EXTRA_WIDTH = 2.0

#: The drawing's own words (vocabulary values come from ``graph.vocab``).
WORDS: dict[str, dict[str, str]] = {
    "en": {"community": "Community", "other_communities": "Other small communities", "unknown": "Unknown",
           "document": "Source", "themes": "Themes", "aka": "Also known as", "actors": "Actors", "ties": "Ties",
           "directed": "arrow: from giver to receiver", "started": "Started {year}", "ended": "Ended",
           "started_legend": "Started in the year shown", "isolates": "Without recorded ties ({n})",
           "isolates_one": "Without recorded ties (1)"},
    "sv": {"community": "Grupp", "other_communities": "Övriga små grupper", "unknown": "Okänd",
           "document": "Källa", "themes": "Teman", "aka": "Även kallad", "actors": "Aktörer", "ties": "Samarbeten",
           "directed": "pil: från givare till mottagare", "started": "Började {year}", "ended": "Avslutat",
           "started_legend": "Började det visade året", "isolates": "Utan registrerade samarbeten ({n})",
           "isolates_one": "Utan registrerade samarbeten (1)"},
    "nb": {"community": "Gruppe", "other_communities": "Andre små grupper", "unknown": "Ukjent",
           "document": "Kilde", "themes": "Tema", "aka": "Også kalt", "actors": "Aktører", "ties": "Samarbeid",
           "directed": "pil: fra giver til mottaker", "started": "Startet {year}", "ended": "Avsluttet",
           "started_legend": "Startet det viste året", "isolates": "Uten registrerte samarbeid ({n})",
           "isolates_one": "Uten registrerte samarbeid (1)"},
}


def words(lang: str) -> dict[str, str]:
    """The drawing's words in ``lang`` (English for an unknown code), with ``lang`` itself."""
    lang = lang if lang in WORDS else "en"
    return {**WORDS[lang], "lang": lang}


def tie_style(kind: str, status: str, phase: str = "") -> dict[str, Any]:
    """Colour, dashes, arrow and extra width of a tie, the same on every drawing."""
    base = EDGE_STYLE.get(kind, {"color": "#9e9e9e", "arrows": False})
    status = status or "existing"
    return {"color": ENDED_COLOR if status == "ended" else base["color"], "arrows": base["arrows"],
            "dashes": STATUS_DASHES.get(status, False),
            "extra": STARTED_EXTRA_WIDTH if phase == "started" else 0.0}


def community_keys(communities: Mapping[Hashable, int], *, limit: int = len(COMMUNITY_COLORS),
                   smallest: int = 2) -> dict[Hashable, int | None]:
    """Communities renumbered by size (0 the largest); past ``limit``, or under ``smallest`` members, ``None``
    ("other"), so no two shown communities share a colour."""
    sizes = Counter(communities.values())
    order = sorted(sizes, key=lambda c: (-sizes[c], c))
    keep = {c: i for i, c in enumerate(c for c in order if sizes[c] >= smallest) if i < limit}
    return {v: keep.get(c) for v, c in communities.items()}


def label_rank(G: nx.Graph, weight: Mapping[Hashable, float] | None = None) -> dict[Hashable, int]:
    """The order in which actors get their names drawn: by ``weight`` (default: number of ties), then name.

    >>> label_rank(nx.Graph([("a", "b"), ("b", "c")]))
    {'b': 0, 'a': 1, 'c': 2}
    """
    score = weight if weight is not None else dict(G.degree())
    order = sorted(G, key=lambda v: (-float(score.get(v, 0) or 0), -G.degree(v), str(G.nodes[v].get("name") or v),
                                     str(v)))
    return {v: i for i, v in enumerate(order)}


#: Country codes of the data (ISO 3166) and their names.
COUNTRIES: dict[str, dict[str, str]] = {
    "SE": {"sv": "Sverige", "en": "Sweden", "nb": "Sverige"},
    "NO": {"sv": "Norge", "en": "Norway", "nb": "Norge"},
    "DK": {"sv": "Danmark", "en": "Denmark", "nb": "Danmark"},
    "FI": {"sv": "Finland", "en": "Finland", "nb": "Finland"},
    "IS": {"sv": "Island", "en": "Iceland", "nb": "Island"},
    "BE": {"sv": "Belgien", "en": "Belgium", "nb": "Belgia"},
}


def country_label(code: str, lang: str = "sv") -> str:
    """The name of a country code in ``lang`` (the value itself when it is not a known code).

    >>> country_label("NO", "en"), country_label("Sverige", "en")
    ('Norway', 'Sverige')
    """
    names = COUNTRIES.get(str(code).strip().upper())
    return (names.get(lang) or names["en"]) if names else str(code)
