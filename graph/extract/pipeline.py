"""Documents → a :class:`~graph.model.Dataset` of candidate actors and ties with verbatim quotes and periods.

Nothing is written anywhere: the result is data for a person to review.

>>> from graph.extract.documents import document_from_text
>>> doc = document_from_text("Projektet Grannar i Ljusdal drivs i samarbete med Ljusdals kommun.", "a.txt")
>>> result = extract_documents([doc])
>>> result.dataset.collaborations[["source", "target", "kind", "status"]].values.tolist()
[['grannar-i-ljusdal', 'ljusdals-kommun', 'partnership', 'existing']]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from graph.extract.actors import Mention, find_mentions, form_label, placed_groups, slugify
from graph.extract.documents import Document
from graph.extract.lexicon import ANAPHORA, COLLECTIVE_TYPES, FORM_RELATIONS, RECOMMEND_HEADINGS, TIE_CUES
from graph.extract.periods import PERIOD_LABEL, periods_in
from graph.extract.sentences import split_sentences
from graph.extract.ties import HOST_VERBS, Context, Tie, cue_parties, sentence_ties, status_of, themes_of
from graph.model import Dataset, split_multi
from graph.vocab import implied

__all__ = ["Extraction", "extract_documents", "ELLIPSIS"]

ELLIPSIS = " \u2026 "
_COUNTRY = {"sv": "SE", "nb": "NO", "nn": "NO", "en": ""}


@dataclass
class Extraction:
    """The candidates: a dataset (actors with a ``match`` column, ties, documents) and each document's mentions."""

    dataset: Dataset
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def _focal(mentions: list[Mention]) -> Mention | None:
    """The document's own project: its most-named initiative (named, not a bare "projektet")."""
    named = [m for m in mentions if m.type == "initiative" and not m.collective]
    if not named:
        return None
    counts = Counter(m.actor for m in named)
    top, count = counts.most_common(1)[0]
    anaphora = any(m.collective and m.type == "initiative" and m.surface.lower() in ANAPHORA for m in mentions)
    return next(m for m in named if m.actor == top) if count >= 2 or (len(counts) == 1 and anaphora) else None


def _host(text: str, sentences, mentions: list[Mention]):
    """The actor that gathers, runs or carries out what the document reports, and its sentence."""
    for s in sentences:
        verb = HOST_VERBS.search(text[s.start:s.end])
        if not verb:
            continue
        inside = [m for m in mentions if s.start <= m.start < s.end and not m.collective]
        if not inside:
            continue
        at = s.start + verb.start()
        before = [m for m in inside if m.end <= at]
        return (before[-1] if before else inside[0]), (s.start, s.end)
    return None, None


def _definite(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Nätverket", "the network", "Nettverket" stand for the one named network of the document (not projects:
    those are the document's own project, see :func:`_focal`)."""
    out = []
    for kind in ("network", "fund", "consultancy"):
        named = {m.actor: m for m in mentions if m.type == kind and not m.collective}
        if len(named) != 1:
            continue
        only = next(iter(named.values()))
        for m in mentions:
            definite = re.search(r"(et|en|a)$", m.surface.lower()) or re.search(r"\bthe\s+$", text[:m.start][-5:], re.I)
            if m.collective and m.type == kind and definite:
                out.append(Mention(m.start, m.end, m.surface, only.actor, only.name, only.type))
    return out


def _resolve(text: str, mentions: list[Mention], focal: Mention | None) -> list[Mention]:
    """Bare "projektet", "man", "vi" stand for the document's own project; "myndighet" alone is no party."""
    out = [m for m in mentions if not m.collective or m.type in COLLECTIVE_TYPES]
    out += _definite(text, mentions)
    if focal is None:
        return sorted(out, key=lambda m: m.start)
    for m in mentions:
        if m.collective and m.type == "initiative" and m.surface.lower() in ANAPHORA:
            out.append(Mention(m.start, m.end, m.surface, focal.actor, focal.name, focal.type))
    for hit in re.finditer(r"(?:^|(?<=[.!?]\s)|(?<=\n))(Man|Vi|We)\b", text):
        out.append(Mention(hit.start(), hit.end(), hit.group(), focal.actor, focal.name, focal.type))
    return sorted(out, key=lambda m: m.start)


def _previous_subject(text: str, sentence, mentions: list[Mention]):
    """The subject a next sentence's passive can lean on: the sentence's first named actor, or the definite group word
    it opens with ("Regionförbundets roll … . Uppdraget gavs av regionstyrelsen")."""
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    named = [m for m in inside if not m.collective]
    opening = inside and inside[0].surface[:1].isupper() and not text[sentence.start:inside[0].start].strip()
    subject = inside[0] if opening else (named[0] if named else None)
    return (subject, (sentence.start, sentence.end)) if subject is not None else (None, None)


def _unit_ties(doc: Document, sentences, mentions: list[Mention]) -> list[tuple[Tie, str, list[str]]]:
    """A unit named with its organisation ("Landsbygdsnätverkets integrationsgrupp") is part of it."""
    out = []
    for m in mentions:
        parent = m.extra.get("parent")
        if parent:
            s = next((s for s in sentences if s.start <= m.start < s.end), None)
            span = (s.start, s.end) if s else (m.start, m.end)
            out.append((Tie(m.actor, parent.actor, "membership", (span,), "unit"), "existing", []))
    return out


_DEFINITE_PLURAL = re.compile(r"kommun(erna|ane|ene)$|^the municipalities$", re.I)
_DEFINITE_SINGULAR = re.compile(r"^kommun(en|a)$|^the municipality$", re.I)


def _the_municipalities(mentions: list[Mention]) -> list[Mention]:
    """"kommunerna", "kommunane" are the municipalities the document names; "kommunen" is the one it names."""
    named = {m.actor: m for m in mentions if m.type == "municipality" and not m.collective}
    if not named:
        return mentions
    out = []
    for m in mentions:
        plural = len(named) >= 2 and _DEFINITE_PLURAL.search(m.surface)
        single = len(named) == 1 and _DEFINITE_SINGULAR.search(m.surface)
        if m.collective and m.type == "municipality" and (plural or single):
            out += [Mention(m.start, m.end, m.surface, n.actor, n.name, n.type) for n in named.values()]
        else:
            out.append(m)
    return out


_COPULA = re.compile(r"\b(har vore|har vori|har varit|har vært|er|är|var|vart|ble|blev|are|were|was|is|som)\s*[«»”\"']?$",
                     re.I)
_NUMBERS = {2: "två|to|two", 3: "tre|three", 4: "fyra|fire|four", 5: "fem|five", 6: "sex|seks|six"}
_LOCAL_GROUPS = {"association", "business", "other", "faith_community", "study_association"}


def _predicates(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop group words that only describe a subject: "A, B og C har vore «pilotkommunar»"."""
    return [m for m in mentions if not (m.collective and _COPULA.search(text[max(0, m.start - 14):m.start]))]


def _per_place(text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """Local groups of a document about k named municipalities that held k local events are each place's own.

    "Tønsberg, Hamar og Flora … tre lokale utviklingsverkstader, der friviljugheita, næringslivet og kommunen …":
    the voluntary sector of each workshop is that municipality's, never another's.  Returns the mentions with
    such groups split by place, and each actor key's place.
    """
    named = {m.actor: m for m in mentions if m.type == "municipality" and not m.collective}
    k = len(named)
    if k < 2 or k not in _NUMBERS or not re.search(
            rf"\b({_NUMBERS[k]})\s+(lokala?|lokale|local)\b|\b(i|in) (de|dei|the) ({_NUMBERS[k]}) kommun\w*|"
            r"\b(i varje|i kvar|i hver|in each) kommun", text, re.I):
        return mentions, {}
    place = {key: key for key in named}
    out = []
    for m in mentions:
        singular = m.type == "municipality" and m.collective and re.search(r"kommun(en|e)$", m.surface, re.I)
        if singular:
            out += [Mention(m.start, m.end, m.surface, n.actor, n.name, n.type) for n in named.values()]
        elif m.collective and m.type in _LOCAL_GROUPS:
            for n in named.values():
                key = f"{m.actor}@{n.actor}"
                place[key] = n.actor
                out.append(Mention(m.start, m.end, m.surface, key, f"{m.name} ({n.name})", m.type, collective=False,
                                   extra={"municipality": n.name}))
        else:
            out.append(m)
    return out, place


def _same_place(tie: Tie, place: dict[str, str]) -> bool:
    a, b = place.get(tie.source), place.get(tie.target)
    return a is None or b is None or a == b


#: Kinds of tie that last as long as the project they belong to (a participation or a meeting is an event in it).
_STANDING = frozenset({"partnership", "funding", "commissioning", "membership"})


def _project_period(text: str) -> tuple[str, str]:
    """The period of the document's own project, from a form line ("Tidsperiod - 2017-2019", "Periode: 2018–2021")."""
    for line in text.splitlines():
        label = form_label(line)
        if label is not None and PERIOD_LABEL.search(line[:label]):
            found = periods_in(line[label:], whole=True)
            if found:
                return found[0].pair
    return "", ""


def _with_project_period(found: list[tuple[Tie, str, list[str]]], about_project: bool, focal: Mention | None,
                         period: tuple[str, str]) -> None:
    """A standing tie of the project (or stated in a sentence about it) without a date of its own lasts as long as
    the project: "Tidsperiod - 2017-2019" dates "Man samarbetar med AF och kommunerna"."""
    if focal is None or period == ("", ""):
        return
    for tie, status, _ in found:
        own = tie.start or tie.end
        of_project = about_project or focal.actor in (tie.source, tie.target)
        if not own and of_project and tie.kind in _STANDING and status != "recommended":
            tie.start, tie.end = period


def _document_ties(doc: Document, mentions: list[Mention]) -> list[tuple[Tie, str, list[str]]]:
    sentences = split_sentences(doc.text, doc.language)
    focal = _focal(mentions)
    period = _project_period(doc.text) if focal is not None else ("", "")
    mentions = _the_municipalities(_predicates(doc.text, _resolve(doc.text, mentions, focal)))
    host, host_span = _host(doc.text, sentences, mentions)
    zone = bool(RECOMMEND_HEADINGS.search(doc.title))
    out = _unit_ties(doc, sentences, mentions)
    previous, previous_span = None, None
    for s in sentences:
        if s.heading == doc.text[s.start:s.end].strip() and RECOMMEND_HEADINGS.search(s.heading):
            zone = True
        inside = [m for m in mentions if s.start <= m.start < s.end]
        sentence, start = doc.text[s.start:s.end], s.start
        label = form_label(sentence)
        about_project = focal is not None and any(m.actor == focal.actor for m in inside)
        found = []
        if label is not None:
            form = _form_ties(sentence, s.start, label, inside, focal)
            found += [(t, status_of(sentence, zone), themes_of(sentence)) for t in form]
            sentence, start = sentence[label:], s.start + label
            inside = [m for m in inside if m.start >= start]
        ctx = Context(project=focal, host=host, host_span=host_span, previous=previous, previous_span=previous_span)
        for tie in sentence_ties(sentence, start, inside, ctx):
            if label is not None:
                tie.spans = tuple(sorted({(s.start, s.end), *tie.spans}))
            quote = " ".join(doc.text[a:b] for a, b in tie.spans)
            found.append((tie, status_of(sentence, zone), themes_of(quote)))
        _with_project_period(found, about_project, focal, period)
        out += found
        found_previous = _previous_subject(doc.text, s, mentions)
        if found_previous[0] is not None:
            previous, previous_span = found_previous
    return out


_ANY_CUE = re.compile("|".join(rf"\b{p}" for ps in TIE_CUES.values() for p in ps), re.I)


def _form_ties(line: str, offset: int, label: int, mentions: list[Mention], focal: Mention | None) -> list[Tie]:
    """A form line ties its value to the document's project: "Fond - X", "Vilken leadergrupp beviljade projektet - X"."""
    head = line[:label]
    value = [m for m in mentions if m.start >= offset + label]
    if focal is None or not value or value[0].actor == focal.actor:
        return []
    kind = next((k for pattern, k in FORM_RELATIONS if pattern.search(head)), None)
    if kind is None and _ANY_CUE.search(head):
        cue = _ANY_CUE.search(head).group().lower()
        kind = next((k for k, ps in TIE_CUES.items() if any(re.match(p, cue) for p in ps)), None)
    if kind is None:
        return []
    return [Tie(value[0].actor, focal.actor, kind, ((offset, offset + len(line)),), head)]


def _quote(text: str, spans) -> str:
    return ELLIPSIS.join(re.sub(r"\s+", " ", text[a:b]).strip() for a, b in spans)


_REGION_HEADS = re.compile(r"^(region|regionförbundet|länsstyrelsen|statsforvalteren|fylkesmannen|landstinget)"
                           r"(\s+i)?\s+|\s+(län|fylke|fylkeskommune|county council|region)$|^county administrative "
                           r"board of\s+", re.I)


def _region_of(m: Mention) -> str:
    """The region a regional body's name holds: "Region Halland", "Länsstyrelsen i Värmland", "Innlandet fylkeskommune".

    >>> _region_of(Mention(0, 0, "", "k", "Statsforvalteren i Innlandet", "county_board"))
    'Innlandet'
    """
    if m.type not in ("region", "county_board") or m.collective:
        return ""
    place = _REGION_HEADS.sub("", m.name).strip()
    return place if place != m.name and place[:1].isupper() and len(place.split()) <= 2 else ""


class _Actors:
    """New and known actors of all documents, keyed by mention key, with stable slug ids."""

    def __init__(self, known: Dataset | None):
        self.known = {str(r["id"]): r for r in known.actors.to_dict("records")} if known is not None else {}
        self.choices = {}
        for actor, row in self.known.items():
            for form in [str(row.get("name") or "")] + split_multi(str(row.get("aliases") or "")):
                if form:
                    self.choices[form] = actor
        self.rows: dict[str, dict] = {}
        self.ids: dict[str, str] = {}
        self.surfaces: dict[str, Counter] = {}

    def id_of(self, m: Mention) -> str:
        if m.known:
            return m.actor
        if m.actor not in self.ids:
            base = slugify(m.name)
            slug, n = base, 2
            while slug in self.known or slug in self.ids.values():
                slug, n = f"{base}-{n}", n + 1
            self.ids[m.actor] = slug
        return self.ids[m.actor]

    def add(self, m: Mention, doc: Document) -> str:
        actor = self.id_of(m)
        self.surfaces.setdefault(actor, Counter())[m.name] += 1
        row = self.rows.get(actor)
        if row is None:
            row = self._known_row(actor) if m.known else self._new_row(actor, m, doc)
            self.rows[actor] = row
        if doc.id not in row["documents"]:
            row["documents"].append(doc.id)
        return actor

    def _known_row(self, actor: str) -> dict:
        row = {k: ("" if pd.isna(v) else v) for k, v in self.known[actor].items()}
        return {**row, "documents": [], "match": ""}

    def _new_row(self, actor: str, m: Mention, doc: Document) -> dict:
        hit = process.extractOne(m.name, list(self.choices), scorer=fuzz.WRatio, score_cutoff=86) \
            if self.choices else None
        municipality = re.sub(r"s?\s+(kommune?|[Mm]unicipality)$", "", m.name) if m.type == "municipality" and not m.collective \
            else m.extra.get("municipality", "")
        return {"id": actor, "name": m.name, "type": m.type, "sector": implied("sector", "", m.type),
                "level": implied("level", "", m.type), "country": _COUNTRY.get(doc.language, ""),
                "region": _region_of(m), "municipality": municipality, "aliases": "", "description": "",
                "documents": [],
                "match": self.choices[hit[0]] if hit else ""}

    def table(self, keep: set[str]) -> pd.DataFrame:
        rows = []
        for actor, row in self.rows.items():
            if actor not in keep:
                continue
            row = dict(row)
            if actor not in self.known:
                names = self.surfaces[actor].most_common()
                capital = [n for n, _ in names if n[:1].isupper()]
                row["name"] = capital[0] if capital else names[0][0]
                row["aliases"] = "|".join(sorted({n for n, _ in names} - {row["name"]}))
            row["documents"] = "|".join(row["documents"])
            rows.append(row)
        return pd.DataFrame(rows)


def _parties(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Groups a cue names as partners of an unnamed subject ("samverka med företagare"): actors, without a tie."""
    out = []
    for s in split_sentences(doc.text, doc.language):
        inside = [m for m in mentions if s.start <= m.start < s.end]
        if inside:
            out += cue_parties(doc.text[s.start:s.end], s.start, inside)
    return out


def extract_documents(documents: list[Document], known: Dataset | None = None) -> Extraction:
    """Candidate actors and ties of ``documents``; actors of ``known`` keep their ids and names."""
    actors = _Actors(known)
    ties, mentions_of, keep = [], {}, set()
    for doc in documents:
        here = placed_groups(known, doc.text) if known is not None and len(known.actors) else known
        mentions, place = _per_place(doc.text, find_mentions(doc.text, doc.language, here))
        mentions_of[doc.id] = mentions
        by_key = {}
        for m in mentions + [m.extra["parent"] for m in mentions if "parent" in m.extra]:
            by_key[m.actor] = actors.add(m, doc)
            if not m.collective:
                keep.add(by_key[m.actor])
        keep |= {by_key[m.actor] for m in _parties(doc, mentions) if m.actor in by_key}
        for tie, status, themes in _document_ties(doc, mentions):
            if not _same_place(tie, place):
                continue
            source, target = by_key.get(tie.source), by_key.get(tie.target)
            if source is None or target is None or source == target:
                continue
            keep |= {source, target}
            ties.append({"source": source, "target": target, "kind": tie.kind, "themes": "|".join(themes),
                         "status": status, "start": tie.start, "end": tie.end, "weight": "1",
                         "evidence": _quote(doc.text, tie.spans), "document": doc.id})
    ties = _dedupe(ties)
    table = pd.DataFrame(ties, columns=["source", "target", "kind", "themes", "status", "start", "end", "weight",
                                        "evidence", "document"])
    docs = pd.DataFrame([{"id": d.id, "title": d.title, "publisher": "", "date": "", "language": d.language}
                         for d in documents])
    ds = Dataset.from_records(actors=actors.table(keep).to_dict("records"), collaborations=table.to_dict("records"),
                              documents=docs.to_dict("records"))
    return Extraction(ds, mentions_of, {d.id: d.text for d in documents})


def _dedupe(ties: list[dict]) -> list[dict]:
    seen, out = set(), []
    for t in ties:
        ends = (t["source"], t["target"]) if t["kind"] in ("funding", "commissioning") \
            else tuple(sorted((t["source"], t["target"])))
        key = (*ends, t["kind"], t["status"], t["document"])
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out
