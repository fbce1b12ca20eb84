"""Actors a text names: known ones by name and alias, new ones by how organisation names are built.

Known actors are matched word by word on Snowball stems (so *Arbetsförmedlingens*
finds *Arbetsförmedlingen*, *kommunane* finds *kommunen*), case-insensitively
except that a capitalised name needs a capitalised word, with rapidfuzz for
spelling variants (*Framtidabygder*) and municipalities with or without
*kommun(e)*.  New actors come from the heads of :mod:`graph.extract.lexicon`.

>>> from graph.model import Dataset
>>> known = Dataset.from_records(actors=[{"id": "af", "name": "Arbetsförmedlingen", "aliases": "AF"}])
>>> [(m.actor, m.surface) for m in find_mentions("Arbetsförmedlingens program och AF.", "sv", known)]
[('af', 'Arbetsförmedlingens'), ('af', 'AF')]
"""


from __future__ import annotations

import re

from graph.extract.gazetteer import Gazetteer, known_mentions
from graph.extract.lexicon import UNITS, head_type, is_generic
from graph.extract.names import is_person, new_mentions
from graph.extract.words import Mention, Token, cap, key_of, slugify, stemmer, tokenize
from graph.model import Dataset

__all__ = ["Mention", "Token", "tokenize", "find_mentions", "form_label", "placed_groups", "slugify", "stemmer",
           "key_of"]


_CAPWORD = r"[A-ZÅÄÖØÆ][\w-]+"
_PLACE_LIST = re.compile(rf"{_CAPWORD}(?:, {_CAPWORD})*(?:,? (?:och|og|samt|and) {_CAPWORD})?")
_FORM = re.compile(r"^(?P<label>[^\n]{3,80}?) [-–:] (?P<value>[^\n]+)$", re.M)
_FORM_TYPES = [("leader", "leader_group"), ("fond", "fund"), ("program", "fund"), ("förening", "association"),
               ("forening", "association"), ("kommun", "municipality"), ("myndighet", "state_agency"),
               ("organisation", "other"), ("organisasjon", "other"), ("namn", "initiative"), ("navn", "initiative"),
               ("name", "initiative")]
_PERSONAL_LABEL = re.compile(r"\b(ditt|din|your|kontaktperson|kontakt|e-post|epost|telefon|namn och|navn og)\b", re.I)


def form_label(line: str) -> int | None:
    """Where the label of a form line ("Fond - Programmet …") ends, or ``None`` for an ordinary sentence.

    >>> form_label("Fond - Programmet för lokalt ledd utveckling")
    4
    """
    m = _FORM.match(line.strip("\n"))
    return m.end("label") + (len(line) - len(line.lstrip("\n"))) if m and len(m.group("label").split()) <= 6 else None


def _span_mention(text: str, s: int, e: int, kind: str, lang: str) -> Mention:
    surface = text[s:e]
    return Mention(s, e, surface, " ".join(key_of(w, lang) for w in surface.split()), surface, kind)


def _place_lists(text: str, lang: str) -> list[Mention]:
    """Municipalities named in a list next to a word for them: "kommuner: Mellerud, Åmål", "A, B og C … kommunar"."""
    out = []
    for m in _PLACE_LIST.finditer(text):
        before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 40]
        items = [x for x in re.split(r",? (?:och|og|samt|and) |, ", m.group()) if x]
        lead = re.search(r"\bkommune?r?:\s*$", before, re.I)
        tail = len(items) >= 2 and re.match(r"[^.\n]{0,25}?\b\w*kommun(ar|er|ane|erna|ene)\b", after)
        if not (lead or tail) or any(head_type(x) for x in items):
            continue
        pos = m.start()
        for item in items:
            s = text.index(item, pos)
            pos = s + len(item)
            out.append(_span_mention(text, s, pos, "municipality", lang))
    return out


def _form_values(text: str, lang: str) -> list[Mention]:
    """Named actors in a form's "Label - Value" lines ("Vilken leadergrupp beviljade projektet - Framtidsbygder …")."""
    out = []
    for m in _FORM.finditer(text):
        label = m.group("label").lower()
        kind = next((t for word, t in _FORM_TYPES if word in label), None)
        if kind is None or _PERSONAL_LABEL.search(label):
            continue
        value = m.group("value")
        words = re.match(r"[^\d,.;(]+", value)
        if not words or not value[0].isupper() or len(label.split()) > 6:
            continue
        name = words.group().strip()
        parts = name.split()
        cut = re.match(r"^(\S+ (?:för|for|of) [a-zåäöæø ]+?)(?: (?:med|og|och|with|and) |$)", name)
        if cut and kind == "fund":
            name = cut.group(1)
        elif len(parts) > 2 and parts[-1].islower():
            name = " ".join(parts[:-1])
        if len(name.split()) > 6:
            continue
        if kind == "initiative" and text.count(name) < 2:
            continue
        s = m.start("value")
        out.append(_span_mention(text, s, s + len(name), kind, lang))
    return out


def _units(text: str, tokens: list[Token], mentions: list[Mention], lang: str) -> list[Mention]:
    """A genitive organisation and its unit become one actor, part of the organisation:
    "Landsbygdsnätverkets integrationsgrupp", "Arbetsförmedlingens Starta eget-program"."""
    out = []
    starts = {t.start: i for i, t in enumerate(tokens)}
    for m in mentions:
        i = starts.get(m.end + 1)
        unit = None
        if i is not None and text[m.end] == " " and m.surface.endswith("s") and head_type(m.surface):
            for n in (1, 2, 3):
                last = tokens[min(i + n - 1, len(tokens) - 1)]
                words = tokens[i:i + n]
                if len(words) == n and UNITS.match(last.text.lower()) and not (n == 1 and last.text.lower() in ("program", "programmet")) and \
                        all(a.end + 1 == b.start for a, b in zip(words, words[1:])):
                    unit = words
                    break
        if unit is None:
            out.append(m)
            continue
        s, e = m.start, unit[-1].end
        kind = "fund" if re.search(r"program(met)?$", unit[-1].text.lower()) else "network"
        name = text[unit[0].start:e] if cap(unit[0]) else text[s:e]
        parent = Mention(m.start, m.end, m.surface, m.actor, m.name, m.type, m.known, m.collective)
        out.append(Mention(s, e, text[s:e], " ".join(key_of(t.text, lang) for t in unit), name, kind,
                           collective=not m.surface[0].isupper(), extra={"parent": parent}))
    return out


def _again(text: str, tokens: list[Token], lang: str, new: list[Mention], covered: set[int]) -> list[Mention]:
    """A name found once is the same actor wherever else the document uses it ("Steget före nomineras …")."""
    named = {m.actor: m for m in new if not m.collective and len(m.name) > 3}
    if not named:
        return []
    gaz = Gazetteer(Dataset.from_records(actors=[{"id": k, "name": m.name} for k, m in named.items()]), lang)
    free = [t for i, t in enumerate(tokens) if i not in covered]
    out = []
    for m in known_mentions(text, free, gaz):
        first = named[m.actor]
        out.append(Mention(m.start, m.end, m.surface, m.actor, first.name, first.type))
    return out


_QUALIFIED = re.compile(r"^(?P<group>[^()]+?)\s*\((?P<place>[^()]+)\)\s*$")


def placed_groups(known: Dataset, text: str) -> Dataset:
    """Known actors without the groups of a place the text never names.

    "föreningar (leaderområdet Framtidsbygder)" stands for the associations of one area: another report's bare
    "föreningar" is that group only if the report names the area too.

    >>> known = Dataset.from_records(actors=[{"id": "f", "name": "föreningar (Framtidsbygder)"},
    ...                                      {"id": "r", "name": "Region Halland"}])
    >>> list(placed_groups(known, "Föreningar ska samverka.").actors["id"])
    ['r']
    """
    def named(name: str) -> bool:
        m = _QUALIFIED.match(name)
        if not m or not all(is_generic(w) for w in m.group("group").split()):
            return True
        words = re.findall(r"[\w-]+", m.group("place"))
        proper = [w for w in words if w[:1].isupper()] or words
        return all(re.search(rf"\b{re.escape(w[:max(4, len(w) - 2)])}", text, re.I) for w in proper)

    keep = known.actors["name"].astype(str).map(named)
    return known if keep.all() else known.replace(actors=known.actors[keep])


def find_mentions(text: str, lang: str, known: Dataset | None = None) -> list[Mention]:
    """Every actor mention of ``text``, in order: known actors first, new ones in the gaps."""
    tokens = tokenize(text)
    mentions = known_mentions(text, tokens, Gazetteer(known, lang)) if known is not None and len(known.actors) else []
    for extra in (_form_values(text, lang), _place_lists(text, lang)):
        mentions += [x for x in extra if not any(x.start < m.end and m.start < x.end for m in mentions)]
    covered = {i for i, t in enumerate(tokens) for m in mentions if m.start <= t.start < m.end}
    new = [m for m in new_mentions(text, tokens, lang, covered) if not is_person(text, m)]
    new += _again(text, tokens, lang, [m for m in mentions if not m.known] + new, covered | {i for i, t in enumerate(tokens)
                                                      for m in new if m.start <= t.start < m.end})
    return _units(text, tokens, sorted(mentions + new, key=lambda m: m.start), lang)
