"""Ties stated between the actors of a sentence: cue phrase → kind and direction, modality → status, period.

A sentence with a cue ("i samarbete med", "på oppdrag fra", "panelsamtal
mellan …") and actors on its sides gives candidate ties.  A list of members
("panelsamtal mellan A, B och C", "deltaking frå A, B og C") is tied to the
frame it belongs to — the project or the host of the event named nearby — as a
star; without a frame, each pair of the list is tied.  We never invent a
project actor for a list: the map holds only what the document names.  The
period the sentence states nearest the two actors ("sedan 2016", "fra 2018 til
2021") is the tie's start and end (:mod:`graph.extract.periods`).

>>> from graph.extract.actors import Mention
>>> ms = [Mention(0, 2, "AB", "ab", "AB"), Mention(20, 22, "CD", "cd", "CD")]
>>> [(t.source, t.target, t.kind) for t in sentence_ties("AB samarbetar med CD.", 0, ms)]
[('ab', 'cd', 'partnership')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.actors import Mention
from graph.extract.lexicon import PLANNED, RECOMMENDED, THEME_WORDS, TIE_CUES
from graph.extract.periods import nearest_period

__all__ = ["Context", "Tie", "cue_parties", "sentence_ties", "status_of", "themes_of", "HOST_VERBS"]

_CUES = [(kind, re.compile(rf"\b{p}", re.I)) for kind, ps in TIE_CUES.items() for p in ps]
_PASSIVE = re.compile(r"(av|från|fra|frå|by|from)\s*$", re.I)
_LIST_GLUE = re.compile(r"^\s*(,|/|&|;)?\s*((och|og|samt|and|eller|or|som|as well as)\s+)?((the|a|an)\s+)?"
                        r"((med|with|även|också|også|till|til|to)\s+)?"
                        r"((t\.\s?ex\.|bl\.\s?a\.|bland annat|till exempel|blant annet|til dømes|e\.g\.|for example)\s*)?"
                        r"((representant\w*|företrädare|ombud|representatives?) (från|för|fra|frå|for|of)\s*)?$", re.I)
#: Verbs that make their subject the host of what the document describes (a meeting, workshops, a project).
HOST_VERBS = re.compile(r"\b(samlade|samlat|arrangerade|arrangerat|anordnade|anordnat|bjöd in|bjudit in|genomförde|"
                        r"genomfört|gjennomførte|gjennomført|arrangerte|arrangert|held|hosted|organi[sz]ed)\b", re.I)
_MEMBER_CUES = {"participation"}
_FROM = re.compile(r"(från|frå|fra|from|of)$", re.I)
_BETWEEN = re.compile(r"\b(mellan|mellom|between)\b", re.I)
_PRONOUN = re.compile(r"\b(man|vi|we|de|dei|they|den|det|it)\b", re.I)
_WITH = re.compile(r"\b(med|with|mot|towards)\s+([^\s,.;:!?]+\s+){0,3}$", re.I)   # "med nysvenskars egna …"


@dataclass
class Tie:
    """A candidate tie between two actor keys, with the sentence spans it rests on."""

    source: str
    target: str
    kind: str
    spans: tuple[tuple[int, int], ...]
    cue: str = ""
    start: str = ""
    end: str = ""


def status_of(sentence: str, recommend_zone: bool = False) -> str:
    """Status from modality: *bör/should* → recommended, *ska/planerad* → planned, else existing.

    >>> status_of("Kommunen bør vere initiativtakar."), status_of("Vi siktar på en förlängning.")
    ('recommended', 'planned')
    """
    if recommend_zone or RECOMMENDED.search(sentence):
        return "recommended"
    return "planned" if PLANNED.search(sentence) else "existing"


def themes_of(text: str) -> list[str]:
    """Theme ids whose words the text uses.

    >>> themes_of("praktik och bostäder")
    ['housing', 'work_internship_matching']
    """
    return [t for t, pattern in THEME_WORDS.items() if pattern.search(text)]


def _groups(text: str, offset: int, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions joined by list glue (", ", "och", "og", "/") form one group."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _LIST_GLUE.match(text[groups[-1][-1].end - offset:m.start - offset]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _pairs(a: list[Mention], b: list[Mention]) -> list[tuple[Mention, Mention]]:
    return [(x, y) for x in a for y in b if x.actor != y.actor]


@dataclass(frozen=True)
class Context:
    """What a sentence can lean on: the document's own project, the host of its event, the previous subject."""

    project: Mention | None = None
    host: Mention | None = None
    host_span: tuple[int, int] | None = None
    previous: Mention | None = None
    previous_span: tuple[int, int] | None = None


def _near(text: str, offset: int, cue: re.Match, group: list[Mention]) -> list[Mention]:
    """The group after a cue, if no comma or full stop stands between them ("… medverka vid X, flera kommuner")."""
    between = re.sub(r"\b\w{1,3}\.(\s?\w{1,3}\.)?", " ", text[cue.end():group[0].start - offset] if group else "")
    return group if group and not re.search(r"[,.;:!?]", between) else []


def _ties_of_cue(text: str, offset: int, kind: str, cue: re.Match, mentions: list[Mention],
                 ctx: Context) -> list[tuple[Mention, Mention]]:
    left = [m for m in mentions if m.end - offset <= cue.start()]
    right = [m for m in mentions if m.start - offset >= cue.end()]
    lg, rg = _groups(text, offset, left), _groups(text, offset, right)
    before, after = (lg[-1] if lg else []), _near(text, offset, cue, rg[0] if rg else [])
    if _BETWEEN.search(cue.group()) or _BETWEEN.match(text[cue.end():cue.end() + 9].strip() or "x"):
        members = (rg[0] if rg else []) or before
        if ctx.host is not None and kind in _MEMBER_CUES:
            return _pairs(members, [ctx.host])
        return [(x, y) for i, x in enumerate(members) for y in members[i + 1:] if x.actor != y.actor]
    if kind in ("funding", "commissioning"):
        if _PASSIVE.search(cue.group()):
            subject = before or ([ctx.project] if ctx.project is not None else []) \
                or ([ctx.previous] if ctx.previous is not None else [])
            return _pairs(after, subject)          # funder / commissioner first
        return _pairs(before, after)
    if kind in _MEMBER_CUES and ctx.host is not None and _FROM.search(cue.group()):
        return _pairs(after, [ctx.host]) + _pairs(before, after)   # "A … med deltaking frå B og C": in the host's
    if kind in _MEMBER_CUES and ctx.host is not None and not (before and after):
        return _pairs([m for m in (right or left) if not m.collective], [ctx.host])
    if not after and len(before) >= 2 and kind in ("partnership", "dialogue"):
        return [(x, y) for i, x in enumerate(before) for y in before[i + 1:] if x.actor != y.actor]  # "A och B möts"
    if not before and len(after) >= 2 and kind in ("partnership", "dialogue") and ctx.project is None:
        if _WITH.search(text[:after[0].start - offset]):
            return []        # "samverka med A/B/C": partners of an unnamed subject, not of each other
        return [(x, y) for i, x in enumerate(after) for y in after[i + 1:] if x.actor != y.actor]  # "samverkan A och B"
    if not before and ctx.project is not None:
        before = [ctx.project]
    return _pairs(before, after)


def sentence_ties(text: str, offset: int, mentions: list[Mention], ctx: Context | None = None) -> list[Tie]:
    """Candidate ties of one sentence (``text`` starts at ``offset`` in the document)."""
    ctx = ctx or Context()
    ties: list[Tie] = []
    seen: set[tuple[str, str, str]] = set()
    here = (offset, offset + len(text))
    for kind, pattern in _CUES:
        for cue in pattern.finditer(text):
            if any(m.start - offset <= cue.start() < m.end - offset for m in mentions):
                continue                                     # the cue is inside a name ("Socialfonden")
            for a, b in _ties_of_cue(text, offset, kind, cue, mentions, ctx):
                source, target = a.actor, b.actor
                key = (source, target, kind) if kind in ("funding", "commissioning") \
                    else (*sorted((source, target)), kind)
                if (source, target, "*") in seen or key in seen:
                    continue
                seen.update({key, (source, target, "*"), (target, source, "*")})
                spans = {here}
                for other, span in ((ctx.host, ctx.host_span), (ctx.previous, ctx.previous_span)):
                    if other is not None and span and (a is other or b is other):
                        spans.add(span)
                partner = max((a, b), key=lambda m: m.start)      # the period belongs to the later one's clause
                start, end = nearest_period(text, (partner.start - offset, partner.end - offset),
                                            [(m.start - offset, m.end - offset) for m in mentions])
                ties.append(Tie(source, target, kind, tuple(sorted(spans)), cue.group(), start, end))
    return ties


def cue_parties(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The actors a cue names as partners even when the other end is left unnamed: "Använd/samverka med
    nysvenskars egna organisationer/föreningar" names those groups as parties, with no tie among them.

    >>> ms = [Mention(13, 23, "föreningar", "f", "föreningar", collective=True)]
    >>> [m.actor for m in cue_parties("Samverka med föreningar.", 0, ms)]
    ['f']
    """
    out: list[Mention] = []
    for _, pattern in _CUES:
        for cue in pattern.finditer(text):
            if any(m.end - offset <= cue.start() for m in mentions) or _PRONOUN.search(text[:cue.start()]):
                continue                                     # the cue has a subject: its ties say who
            right = _groups(text, offset, [m for m in mentions if m.start - offset >= cue.end()])
            if right and _WITH.search(text[:right[0][0].start - offset]):
                out += [m for m in _near(text, offset, cue, right[0]) if m not in out]
    return out
