"""Suggested ties as a reader wants them: ties a source recommends apart from new ideas,
reasons as sentences with the numbers kept aside, narrowed by place, theme or sector, and
equal scores ordered so that the list is diverse.

Everything here takes the table :func:`graph.links.suggest_links` returns
(``source, target, score, reason``) and the dataset it was made from.

>>> from graph.model import Dataset
>>> ds = Dataset.from_records(
...     actors=[{"id": "a", "name": "A", "type": "state_agency"}, {"id": "b", "name": "B", "type": "leader_group"},
...             {"id": "c", "name": "C", "type": "association"}],
...     collaborations=[{"source": "a", "target": "b", "status": "recommended", "document": "d"}],
...     documents=[{"id": "d", "title": "Rapport", "publisher": "Nätverket"}])
>>> table = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "score": [0.9, 0.5],
...                       "reason": ["a source recommends this tie (score 0.9).", "Both work (score 0.5)."]})
>>> out = group_suggestions(table, ds, lang="en")
>>> out[["group", "sentence", "numbers"]].values.tolist()[1]
['new', 'Both work.', 'score 0.5']
>>> out["sentence"][0]
'Recommended by Nätverket in “Rapport”; not yet recorded as existing.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from graph.build import actor_themes, tie_status
from graph.model import Dataset, split_multi
from graph.vocab import implied_column

__all__ = ["Recommendation", "recommendations", "split_reason", "group_suggestions", "narrow", "diversify",
           "GROUPS", "organise"]

#: The two groups of suggestions, in the order they are shown.
GROUPS = ("recommended", "new")

_WORDS = {
    "en": {"by_in": "Recommended by {who} in “{title}”", "in": "Recommended in “{title}”",
           "via": "{who} recommends in “{title}” that {a} works with {group}, of which {member} is a part",
           "via_anon": "“{title}” recommends that {a} works with {group}, of which {member} is a part",
           "not_yet": "; not yet recorded as existing.", "a_source": "a source"},
    "sv": {"by_in": "Rekommenderas av {who} i ”{title}”", "in": "Rekommenderas i ”{title}”",
           "via": "{who} rekommenderar i ”{title}” att {a} samarbetar med {group}, som {member} är en del av",
           "via_anon": "”{title}” rekommenderar att {a} samarbetar med {group}, som {member} är en del av",
           "not_yet": "; ännu inte registrerat som befintligt.", "a_source": "en källa"},
    "nb": {"by_in": "Anbefalt av {who} i «{title}»", "in": "Anbefalt i «{title}»",
           "via": "{who} anbefaler i «{title}» at {a} samarbeider med {group}, som {member} er en del av",
           "via_anon": "«{title}» anbefaler at {a} samarbeider med {group}, som {member} er en del av",
           "not_yet": "; ennå ikke registrert som eksisterende.", "a_source": "en kilde"},
}


@dataclass(frozen=True)
class Recommendation:
    """A source's recommendation of a pair: the ``document`` and ``evidence`` of the recommended tie,
    and, when it reaches the pair through a group, the ``partner``, ``group`` and ``member`` ids."""

    document: str
    evidence: str
    partner: str = ""
    group: str = ""
    member: str = ""


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def recommendations(ds: Dataset) -> dict[tuple[str, str], Recommendation]:
    """Pairs (sorted ids) a source recommends and no existing tie joins: recommended ties, and a group's
    recommended partner with each member of the group (a ``membership`` tie: source is part of target).

    >>> ds = Dataset.from_records(actors=[{"id": x} for x in "abm"], collaborations=[
    ...     {"source": "a", "target": "b", "status": "recommended", "document": "d"},
    ...     {"source": "m", "target": "b", "kind": "membership"}])
    >>> sorted(recommendations(ds))
    [('a', 'b'), ('a', 'm')]
    """
    ties = ds.collaborations
    status = tie_status(ties)
    tied = {_pair(s, t) for s, t in zip(ties["source"][status == "existing"], ties["target"][status == "existing"])}
    members: dict[str, list[str]] = {}
    for m, g in zip(ties["source"][ties["kind"] == "membership"], ties["target"][ties["kind"] == "membership"]):
        members.setdefault(g, []).append(m)
    rec = ties[status == "recommended"]
    out: dict[tuple[str, str], Recommendation] = {}
    for a, b, doc, quote in zip(rec["source"], rec["target"], rec["document"], rec["evidence"]):
        if a != b and _pair(a, b) not in tied:
            out.setdefault(_pair(a, b), Recommendation(doc, quote))
    for a, b, doc, quote in zip(rec["source"], rec["target"], rec["document"], rec["evidence"]):
        for partner, group in ((a, b), (b, a)):
            for m in members.get(group, ()):
                key = _pair(partner, m)
                if m != partner and key not in tied and key not in out:
                    out[key] = Recommendation(doc, quote, partner, group, m)
    return out


_NUMBERS = re.compile(r"\s*\(([^()\"“”«»]*\d[^()\"“”«»]*)\)(\.?)\s*$")


def split_reason(reason: str) -> tuple[str, str]:
    """A reason as (sentence, numbers): the figures in the closing parentheses go apart.

    >>> split_reason("Both work with X; no tie recorded (1 common partner, score 0.31).")
    ('Both work with X; no tie recorded.', '1 common partner, score 0.31')
    >>> split_reason("A source recommends this tie (\\"Rapport 2\\").")
    ('A source recommends this tie ("Rapport 2").', '')
    """
    text = str(reason or "").strip()
    hit = _NUMBERS.search(text)
    if not hit:
        return text, ""
    sentence = text[: hit.start()].rstrip()
    return (sentence + "." if sentence and not sentence.endswith(".") else sentence), hit.group(1).strip()


def _recommended_sentence(rec: Recommendation, ds: Dataset, lang: str) -> str:
    words = _WORDS.get(lang, _WORDS["en"])
    docs = ds.documents.set_index("id") if len(ds.documents) else None
    title, who = rec.document, ""
    if docs is not None and rec.document in docs.index:
        title = docs.at[rec.document, "title"] or rec.document
        who = docs.at[rec.document, "publisher"] if "publisher" in docs.columns else ""
    names = dict(zip(ds.actors["id"], ds.actors["name"]))
    if rec.group:
        a, group, member = (names.get(x) or x for x in (rec.partner, rec.group, rec.member))
        head = (words["via"] if who else words["via_anon"]).format(who=who, title=title, a=a, group=group,
                                                                   member=member)
        head = head[:1].upper() + head[1:]
    else:
        head = (words["by_in"] if who else words["in"]).format(who=who, title=title)
    return head + words["not_yet"]


def group_suggestions(table: pd.DataFrame, ds: Dataset, *, lang: str = "sv") -> pd.DataFrame:
    """``table`` with ``group`` (``recommended`` or ``new``), ``sentence``, ``numbers`` and the
    recommended tie's ``evidence`` and ``document``; the recommended group first, each in its order."""
    recs = recommendations(ds)
    found = [recs.get(_pair(s, t)) for s, t in zip(table["source"], table["target"])]
    split = [split_reason(r) for r in table["reason"]]
    out = table.copy()
    out["group"] = ["recommended" if r else "new" for r in found]
    out["sentence"] = [_recommended_sentence(r, ds, lang) if r else s for r, (s, _) in zip(found, split)]
    out["numbers"] = [n for _, n in split]
    out["evidence"] = [r.evidence if r else "" for r in found]
    out["document"] = [r.document if r else "" for r in found]
    order = np.argsort([GROUPS.index(g) for g in out["group"]], kind="stable")
    return out.iloc[order].reset_index(drop=True)


def narrow(table: pd.DataFrame, ds: Dataset, *, place: str | None = None, theme: str | None = None,
           across_sectors: bool = False) -> pd.DataFrame:
    """The suggestions whose two actors share ``place`` (a region or municipality; an actor without
    any place, such as a state agency, counts in every place) and ``theme``, and, with
    ``across_sectors``, belong to different sectors.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "type": "municipality", "municipality": "Ed"},
    ...                                   {"id": "b", "type": "business", "municipality": "Ed"},
    ...                                   {"id": "c", "type": "municipality"}])
    >>> table = pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"], "score": [1.0, 0.5]})
    >>> narrow(table, ds, place="Ed", across_sectors=True)["target"].tolist()
    ['b']
    >>> narrow(table, ds, place="Ed")["target"].tolist()  # c has no place: it counts in Ed too
    ['b', 'c']
    """
    actors = ds.actors
    keep = np.ones(len(table), dtype=bool)
    pairs = list(zip(table["source"], table["target"]))
    if place:
        where = {a: set(split_multi(r)) | set(split_multi(m))
                 for a, r, m in zip(actors["id"], actors["region"], actors["municipality"])}
        def there(a: str, b: str) -> bool:  # an actor with no place at all (a national one) counts everywhere
            pa, pb = where.get(a, set()), where.get(b, set())
            return (place in pa or not pa) and (place in pb or not pb) and bool(pa or pb)

        keep &= np.array([there(s, x) for s, x in pairs], dtype=bool)
    if theme:
        themes = actor_themes(ds)
        keep &= np.array([theme in themes.get(s, ()) and theme in themes.get(x, ()) for s, x in pairs], dtype=bool)
    if across_sectors:
        sector = dict(zip(actors["id"], implied_column(actors, "sector")))
        keep &= np.array([sector.get(s) != sector.get(x) for s, x in pairs], dtype=bool)
    return table[keep]


def _keys(table: pd.DataFrame, ds: Dataset, actor: str | None) -> list:
    kind = dict(zip(ds.actors["id"], ds.actors["type"]))
    if actor:
        return [kind.get(t if s == actor else s, "") for s, t in zip(table["source"], table["target"])]
    return [tuple(sorted((kind.get(s, ""), kind.get(t, "")))) for s, t in zip(table["source"], table["target"])]


def diversify(table: pd.DataFrame, ds: Dataset, *, actor: str | None = None, repeat: int = 1) -> pd.DataFrame:
    """``table`` (best first) with ties in score broken for variety.

    Rows of equal score (to 6 significant digits) take turns by the type of
    the other actor (with ``actor``) or the pair of types; past ``repeat``
    rows with one reason (or, without reasons, one type) in a block, the rest
    wait behind the next score, so a list is not five copies of one reason.

    >>> ds = Dataset.from_records(actors=[{"id": "o", "type": "initiative"},
    ...     *({"id": x, "type": "state_agency"} for x in "abc"), {"id": "k", "type": "county_board"}])
    >>> table = pd.DataFrame({"source": ["o"] * 5, "target": ["a", "b", "c", "k", "a"], "score": [1, 1, 1, 1, .5],
    ...                       "reason": ["same"] * 4 + ["other"]})
    >>> diversify(table, ds, actor="o")["target"].tolist()
    ['a', 'k', 'a', 'b', 'c']
    """
    if table.empty:
        return table
    kinds = _keys(table, ds, actor)
    caps = [split_reason(r)[0] for r in table["reason"]] if "reason" in table.columns else kinds
    scores = [float(f"{s:.6g}") for s in table["score"]]
    blocks: list[list[int]] = []
    for i, s in enumerate(scores):
        if blocks and scores[blocks[-1][0]] == s:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    order: list[int] = []
    carry: list[int] = []
    for block in blocks:
        pool = carry + block
        seen: dict = {}
        taken, waiting = [], []
        shown = [kinds[j] for j in order]
        for i in sorted(pool, key=lambda i: (shown.count(kinds[i]) + _rank(kinds, pool, i), i)):
            seen[caps[i]] = seen.get(caps[i], 0) + 1
            (taken if seen[caps[i]] <= repeat else waiting).append(i)
        order += taken
        carry = waiting
    return table.iloc[order + carry]


def _rank(keys: list, pool: list[int], i: int) -> int:
    """How many rows before ``i`` in ``pool`` share its key: the round it takes its turn in."""
    return sum(1 for j in pool if j < i and keys[j] == keys[i])


def organise(table: pd.DataFrame, ds: Dataset, *, lang: str = "sv", actor: str | None = None,
             place: str | None = None, theme: str | None = None, across_sectors: bool = False,
             top: int = 20) -> pd.DataFrame:
    """The suggestions as the app and the briefing show them: narrowed, grouped, diversified, at most ``top``
    in each group (see :func:`narrow`, :func:`group_suggestions` and :func:`diversify`).

    >>> ds = Dataset.from_records(actors=[{"id": "a"}, {"id": "b"}])
    >>> table = pd.DataFrame({"source": ["a"], "target": ["b"], "score": [0.4], "reason": ["Both work (score 0.4)."]})
    >>> organise(table, ds, lang="en")[["group", "sentence"]].values.tolist()
    [['new', 'Both work.']]
    """
    grouped = group_suggestions(narrow(table, ds, place=place, theme=theme, across_sectors=across_sectors), ds,
                                lang=lang)
    parts = [diversify(grouped[grouped["group"] == g], ds, actor=actor).head(int(top)) for g in GROUPS]
    return pd.concat(parts).reset_index(drop=True)
