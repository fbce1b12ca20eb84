"""What a briefing says about one actor or one place, as plain data (no layout, no PDF).

>>> from graph.io import read_dataset
>>> b = briefing(read_dataset("data"), actor="migrationsverket", lang="en", today="2026-12-01")
>>> b.title, b.ties[0]["partner"] != ""
('Briefing: Migrationsverket', True)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from graph import links, questions
from graph.brief.words import say
from graph.build import as_of, resolve_actor
from graph.describe import ties_in_words
from graph.model import Dataset, split_multi
from graph.style import country_label
from graph.suggest import organise
from graph.text import decimal
from graph.vocab import ACTOR_TYPES, LEVELS, SECTORS, implied, implied_column, label

__all__ = ["Briefing", "briefing", "scope_of"]


@dataclass
class Briefing:
    """The parts of a briefing, every text already in its language."""

    lang: str
    title: str
    lines: list[str]
    scope: Dataset
    focus: list[str]
    map_caption: str
    facts: list[tuple[str, str]]
    ties: list[dict]
    brokers: list[str]
    weak: list[str]
    gaps: list[str]
    recommended: list[dict] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _places(ds: Dataset, column: str) -> dict[str, set[str]]:
    return {a: set(split_multi(v)) for a, v in zip(ds.actors["id"], ds.actors[column])}


def scope_of(ds: Dataset, *, actor: str | None = None, municipality: str | None = None,
             region: str | None = None) -> tuple[Dataset, list[str], str]:
    """The part of ``ds`` a briefing draws: the actor (or the place's actors), their partners and their ties.

    Returns the part, the ids in focus and the name of what it is about.

    Raises
    ------
    ValueError
        When not exactly one of ``actor``, ``municipality``, ``region`` is given, or it is not in the data.
    """
    given = [x for x in (actor, municipality, region) if x]
    if len(given) != 1:
        raise ValueError("give exactly one of an actor, a municipality or a region")
    if actor:
        found = resolve_actor(ds, actor)
        if found is None:
            raise ValueError(f"no actor with id, name or alias {actor!r}")
        focus, name = [found], ds.actors.set_index("id").at[found, "name"] or found
    else:
        column, wanted = ("municipality", municipality) if municipality else ("region", region)
        where = _places(ds, column)
        match = {p for ps in where.values() for p in ps if p.casefold() == wanted.strip().casefold()}
        if not match:
            raise ValueError(f"no actor has the {column} {wanted!r}")
        name = sorted(match)[0]
        focus = sorted(a for a, ps in where.items() if name in ps)
    ties = ds.collaborations
    mine = ties[ties["source"].isin(focus) | ties["target"].isin(focus)]
    ids = set(focus) | set(mine["source"]) | set(mine["target"])
    return ds.replace(actors=ds.actors[ds.actors["id"].isin(ids)], collaborations=mine), focus, name


def _facts(ds: Dataset, focus: list[str], is_actor: bool, ranks: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    actors = ds.actors.set_index("id")
    if is_actor:
        row = actors.loc[focus[0]]
        sector, level = implied("sector", row["sector"], row["type"]), implied("level", row["level"], row["type"])
        country = country_label(row["country"], lang) if row["country"] else ""
        place = ", ".join(x for x in (row["municipality"].replace("|", ", "), row["region"].replace("|", ", "),
                                       country) if x)
        out = [(say("type", lang), label(ACTOR_TYPES, row["type"], lang)), (say("sector", lang), label(SECTORS, sector, lang)),
               (say("level", lang), label(LEVELS, level, lang)), (say("place", lang), place),
               (say("aliases", lang), ", ".join(split_multi(row["aliases"])))]
        if focus[0] in ranks.index:
            r = ranks.loc[focus[0]]
            out.append((say("partners", lang), str(int(r["partners"]))))
            out.append((say("rank", lang), say("rank_value", lang, rank=int(r["rank"]), n=len(ranks),
                                               value=decimal(r["betweenness"], lang))))
        return [(k, v) for k, v in out if v]
    sectors = implied_column(actors.loc[focus], "sector")
    by_sector = ", ".join(f"{label(SECTORS, s, lang)} {n}" for s, n in sectors.value_counts().items() if s)
    ties = ds.collaborations
    return [(say("actors_here", lang), str(len(focus))), (say("by_sector", lang), by_sector),
            (say("ties_here", lang), str(len(ties)))]


def _ranks(ds: Dataset) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The brokers as the Brokers page and ``stats`` rank them (:func:`graph.questions.brokers`), and the bridges."""
    found = questions.brokers(ds)
    table = found.table if "cut_off" in found.table else found.table.assign(cut_off=0)
    table = table.assign(rank=range(1, len(table) + 1))
    return table.set_index("id"), list(found.bridges) if found.sampled_from is None else []


def _weak(ds: Dataset, scope: Dataset, focus: list[str], ranks: pd.DataFrame, bridges: list[tuple[str, str]],
          lang: str) -> tuple[list[str], list[str]]:
    names = dict(zip(ds.actors["id"], ds.actors["name"]))
    inside = set(scope.actors["id"])
    here = [a for a in ranks.index if a in inside and ranks.at[a, "betweenness"] > 0][:6]
    brokers = [say("broker_line", lang, name=names[a], value=decimal(ranks.at[a, "betweenness"], lang),
                   rank=int(ranks.at[a, "rank"])) for a in here]
    weak = [say("cut", lang, name=names[a], n=int(ranks.at[a, "cut_off"])) for a in ranks.index
            if a in inside and int(ranks.at[a, "cut_off"]) > 0]
    weak += [say("bridge", lang, a=names[a], b=names[b]) for a, b in bridges if a in focus or b in focus]
    return brokers, weak or [say("no_weak", lang)]


def _gaps(ds: Dataset, scope: Dataset, focus: list[str], place: tuple[str, str] | None, lang: str) -> list[str]:
    if place is None:  # an actor: the places it is in
        row = ds.actors.set_index("id").loc[focus[0]]
        places = [("municipality", p) for p in split_multi(row["municipality"])] or \
                 [("region", p) for p in split_multi(row["region"])]
    else:
        places = [place]
    out = []
    by_column = {column: links.sector_gaps(ds.collaborations, ds.actors, place=column, lang=lang)
                 for column in {column for column, _ in places[:3]}}
    for column, name in places[:3]:
        gaps = by_column[column]
        for row in gaps[(gaps["place"] == name) & (gaps["note"] != "")].itertuples(index=False):
            out.append(say("gap_line", lang, place=name, a=links.category_label(row.category_a, lang), b=links.category_label(row.category_b, lang),
                           note=row.note))
    return out or [say("no_gaps", lang)]


def _suggestions(ds: Dataset, focus: list[str], place: tuple[str, str] | None, lang: str,
                 top: int) -> tuple[list[dict], list[dict]]:
    actor = focus[0] if place is None else None
    try:
        table = links.suggest_links(ds.collaborations, ds.actors, ds.themes if len(ds.themes) else None,
                                    top=100 if actor else 2000, actor=actor, lang=lang,
                                    documents=ds.documents if len(ds.documents) else None)
    except ValueError:
        return [], []
    table = organise(table, ds, lang=lang, actor=actor, place=place[1] if place else None, top=top)
    names = dict(zip(ds.actors["id"], ds.actors["name"]))
    titles = dict(zip(ds.documents["id"], ds.documents["title"]))
    rows = [{"pair": f"{names.get(r.source, r.source)} — {names.get(r.target, r.target)}", "sentence": r.sentence,
             "quote": r.evidence, "document": titles.get(r.document) or r.document, "group": r.group}
            for r in table.itertuples(index=False)]
    return [r for r in rows if r["group"] == "recommended"], [r for r in rows if r["group"] == "new"]


def _sources(ds: Dataset) -> list[str]:
    used = [d for d in dict.fromkeys(ds.collaborations["document"]) if d]
    docs = ds.documents.set_index("id") if len(ds.documents) else pd.DataFrame()
    out = []
    for d in used:
        if d in docs.index:
            row = docs.loc[d]
            out.append(" · ".join(x for x in (row.get("title") or d, row.get("publisher", ""), row.get("date", ""))
                                  if x))
        else:
            out.append(d)
    return out


def briefing(ds: Dataset, *, actor: str | None = None, municipality: str | None = None, region: str | None = None,
             lang: str = "sv", year: int | str | None = None, today: str | None = None, top: int = 5) -> Briefing:
    """Everything a one-actor or one-place briefing holds, in ``lang``, as of ``year`` if given.

    Raises
    ------
    ValueError
        For an unknown actor or place, several of them, or a year that is not a number.
    """
    data = as_of(ds, year) if year not in (None, "") else ds
    scope, focus, name = scope_of(data, actor=actor, municipality=municipality, region=region)
    place = None if actor else (("municipality", name) if municipality else ("region", name))
    ranks, bridges = _ranks(data)
    lines = [say("made", lang, date=today or dt.date.today().isoformat(), actors=len(scope.actors),
                 ties=len(scope.collaborations))]
    if year not in (None, ""):
        lines.append(say("as_of", lang, year=year))
    brokers, weak = _weak(data, scope, focus, ranks, bridges, lang)
    recommended, new = _suggestions(data, focus, place, lang, top)
    return Briefing(
        lang=lang, title=say("title_actor" if actor else "title_place", lang, name=name), lines=lines, scope=scope,
        focus=focus, map_caption=say("map_actor" if actor else "map_place", lang, name=name),
        facts=_facts(scope, focus, actor is not None, ranks, lang), ties=ties_in_words(scope, focus, lang),
        brokers=brokers, weak=weak, gaps=_gaps(data, scope, focus, place, lang), recommended=recommended, new=new,
        sources=_sources(scope))
