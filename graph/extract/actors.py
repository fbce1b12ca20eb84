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
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from graph.extract.lexicon import ACRONYM_STOP, DESCRIPTORS, UNITS, head_type, is_generic
from graph.model import Dataset, split_multi

__all__ = ["Mention", "Token", "tokenize", "find_mentions", "form_label", "slugify", "stemmer", "key_of"]

_WORD = re.compile(r"[^\W_][\w\-:’']*[^\W_]|[^\W_]", re.U)
_STEMMERS = {"sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}


@dataclass(frozen=True)
class Token:
    """A word of the text: its span and surface."""

    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A span of the text that names an actor (``actor`` is an id of ``known``, or the new actor's key)."""

    start: int
    end: int
    surface: str
    actor: str
    name: str
    type: str = "other"
    known: bool = False
    collective: bool = False
    extra: dict = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    """Words with their spans (hyphens and ``:s`` stay inside a word).

    >>> [t.text for t in tokenize("ESF-rådet och NGO:s, m.fl.")]
    ['ESF-rådet', 'och', 'NGO:s', 'm', 'fl']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=4)
def stemmer(lang: str):
    """The Snowball stemmer of a language (Swedish for unknown ones)."""
    import snowballstemmer

    return snowballstemmer.stemmer(_STEMMERS.get(lang, "swedish"))


def key_of(word: str, lang: str) -> str:
    """The matching key of a word: its lower-cased stem, genitive ``s`` and ``:s`` dropped.

    >>> key_of("Arbetsförmedlingens", "sv") == key_of("arbetsförmedlingen", "sv")
    True
    """
    low = word.lower().replace("’", "'")
    low = re.sub(r"(:s|'s)$", "", low)
    return stemmer(lang).stemWord(low)


def slugify(text: str) -> str:
    """A lowercase ASCII slug.

    >>> slugify("Tønsberg kommune (Å)")
    'tonsberg-kommune-a'
    """
    text = text.lower().translate(str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def _forms(row: dict) -> list[str]:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", str(row.get("name") or "")).strip()
    forms = [name] + split_multi(str(row.get("aliases") or ""))
    if row.get("type") == "municipality":
        for f in list(forms):
            bare = re.sub(r"\s+kommune?$", "", f)
            forms += [bare] if bare != f else [f"{f} kommun", f"{f} kommune"]
    return [f for f in dict.fromkeys(forms) if f]


class Gazetteer:
    """The names and aliases of known actors, keyed by the stem of their first word."""

    def __init__(self, known: Dataset, lang: str):
        self.lang = lang
        self.index: dict[str, list[tuple[list[str], str, str, bool]]] = {}
        self.rows = {str(r["id"]): r for r in known.actors.to_dict("records")}
        for actor, row in self.rows.items():
            for form in _forms(row):
                words = [t.text for t in tokenize(form)]
                if not words:
                    continue
                exact = len(form) <= 4 and not form.islower()  # AF, LRF, IMDi: as written
                generic = len(words) == 1 and is_generic(form)  # "kommuner" is not "kommunerna"
                keys = [w if exact else w.lower() if generic else key_of(w, lang) for w in words]
                self.index.setdefault(keys[0], []).append((keys, actor, form, form[0].isupper()))
        self.long_keys = [k for k in self.index if len(k) >= 6]

    def _candidates(self, token: Token) -> list[tuple[list[str], str, str, bool]]:
        key = key_of(token.text, self.lang)
        found = self.index.get(token.text.rstrip("."), []) + self.index.get(re.sub(r"(:s|s)$", "", token.text), [])
        found += self.index.get(token.text.lower(), []) if token.text.lower() != key else []
        found += self.index.get(key, [])
        if not found and len(key) >= 6:
            hit = process.extractOne(key, self.long_keys, scorer=fuzz.ratio, score_cutoff=88)
            found = self.index[hit[0]] if hit else []
        return found

    def match(self, tokens: list[Token], i: int) -> tuple[int, str, str] | None:
        """The longest known form starting at token ``i``: (tokens used, actor id, form)."""
        best = None
        for keys, actor, form, capital in self._candidates(tokens[i]):
            n = len(keys)
            if i + n > len(tokens) or (capital and not tokens[i].text[0].isupper()):
                continue
            if n == 1 and is_generic(form) and tokens[i].text.lower() != form.lower():
                continue
            words = tokens[i:i + n]
            if n > 1 and any(b.start - a.end > 2 for a, b in zip(words, words[1:])):
                continue
            got = [key_of(w.text, self.lang) for w in words[1:]]
            if all(g == k or (len(k) >= 6 and fuzz.ratio(g, k) >= 88) for g, k in zip(got, keys[1:])):
                if best is None or n > best[0]:
                    best = (n, actor, form)
        return best


def _known_mentions(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    out, i = [], 0
    while i < len(tokens):
        hit = gaz.match(tokens, i)
        if hit and hit[0] == 1 and is_generic(tokens[i].text) and _cap(tokens[i]) and i + 1 < len(tokens) \
                and _space(text, tokens[i], tokens[i + 1]) and _run(tokens, i + 1, text, 3, heads=True):
            hit = None                  # "Länsstyrelsen Skåne" is a name of its own, not "länsstyrelserna"
        if hit:
            n, actor, _ = hit
            row = gaz.rows[actor]
            s, e = tokens[i].start, tokens[i + n - 1].end
            generic = n == 1 and is_generic(tokens[i].text) and is_generic(str(row.get("name") or "x").split()[0])
            out.append(Mention(s, e, text[s:e], actor, str(row.get("name") or actor), str(row.get("type") or "other"),
                               known=True, collective=generic))
            i += n
        else:
            i += 1
    return out


def _cap(token: Token) -> bool:
    return token.text[0].isupper()


def _acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÅÄÖØÆ][A-ZÅÄÖØÆ0-9]{1,5}[a-z]?", word)) and word not in ACRONYM_STOP and word not in _COMPANY \
        and sum(c.isupper() for c in word) >= 2


_ABBREVIATION = re.compile(r"\b(t\.\s?ex|bl\.\s?a|m\.\s?fl|d\.\s?v\.\s?s|dvs|ca|t\.\s?o\.\s?m|fr\.\s?o\.\s?m|e\.g|i\.e|"
                           r"f\.\s?eks|bl\.\s?a|jf|nr|s)\.\s*$", re.I)


def _sentence_initial(text: str, token: Token) -> bool:
    if _ABBREVIATION.search(text[max(0, token.start - 12):token.start]):
        return False
    before = text[max(0, token.start - 3):token.start].strip()
    return token.start == 0 or before == "" or before[-1:] in ".!?:-–•*\n" or text[token.start - 1] == "\n"


_COMPANY = frozenset({"AB", "AS", "ASA", "HB", "KB", "Ltd", "Inc", "SA", "DA", "ANS", "Oy", "ApS", "A/S"})


def _space(text: str, a: Token, b: Token) -> bool:
    """Are two words separated by one space only?"""
    return text[a.end:b.start] == " "


_LEADING = frozenset({"The", "A", "An", "Den", "Det", "De", "En", "Ett", "Ein", "Eit", "Dei", "Under", "I", "In",
                      "På", "Med", "Och", "Og", "And", "Även", "Också", "Også", "Also", "Both", "Både"})
_JOINERS = frozenset({"i", "på", "för", "for", "of", "in", "och", "og", "and", "til", "till", "to"})
Found = tuple[int, int, str, bool]


def _run(tokens: list[Token], j: int, text: str, limit: int = 4, heads: bool = False, joiners: bool = False) -> int:
    """How many words of a name start at token ``j``: capitalised, one space apart; named heads with ``heads``
    ("Studieförbundet Vuxenskolan"), a lower-case joiner before a capital with ``joiners`` ("Ny i Valdres")."""
    n = 0
    while j + n < len(tokens) and n < limit:
        t = tokens[j + n]
        if n and not _space(text, tokens[j + n - 1], t):
            break
        if joiners and n and t.text in _JOINERS and j + n + 1 < len(tokens) and _cap(tokens[j + n + 1]) \
                and _space(text, t, tokens[j + n + 1]):
            n += 1
            continue
        named_head = heads and head_type(t.text) is not None and not is_generic(t.text)
        if not _cap(t) or t.text in _COMPANY or (head_type(t.text) is not None and not named_head):
            break
        n += 1
    while n and tokens[j + n - 1].text in _JOINERS:
        n -= 1
    return n


def _descriptor_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """"projektet Mångfaldsmat Orust", "konsulentselskapet Agenda Kaupang AS", "Prosjektet Ny i Valdres"."""
    low = tokens[i].text.lower()
    if low not in DESCRIPTORS or i + 1 >= len(tokens) or not _space(text, tokens[i], tokens[i + 1]):
        return None
    n = _run(tokens, i + 1, text, joiners=True)
    if n and i + 1 + n < len(tokens) and tokens[i + 1 + n].text in _COMPANY \
            and _space(text, tokens[i + n], tokens[i + 1 + n]):
        n += 1
    return (i + 1, n, DESCRIPTORS[low], False) if n else None


def _in_place(text: str, tokens: list[Token], i: int, n: int) -> int:
    """Words of " i Värmland", " i Innlandet" after a named organisation."""
    place = re.match(r" i [A-ZÅÄÖØÆ][\w-]+(?: (?:län|fylke))?(?=\W|$)", text[tokens[i + n - 1].end:])
    return min(len(place.group().split()) - 0, len(tokens) - i - n) if place else 0


def _head_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """A word built on a head: "Migrationsverket", "Region Halland", "Länsstyrelsen i Värmland", "kommunerna"."""
    tok = tokens[i]
    kind = head_type(tok.text)
    if not kind:
        return None
    spaced = i + 1 < len(tokens) and _space(text, tok, tokens[i + 1])
    if _cap(tok) and is_generic(tok.text):
        run = _run(tokens, i + 1, text, 3, heads=True) if spaced and not _acronym(tokens[i + 1].text) else 0
        if run:
            return i, 1 + run, kind, False                  # Region Halland, Studieförbundet Vuxenskolan
        place = _in_place(text, tokens, i, 1) if kind in ("county_board", "region") else 0
        return (i, 1 + place, kind, False) if place else (i, 1, kind, True)
    if not _cap(tok):
        return i, 1, kind, True
    genitive = tok.text.endswith("s") and head_type(tok.text) != head_type(tok.text[:-1] + "x")
    nxt = not genitive and spaced and _cap(tokens[i + 1]) and head_type(tokens[i + 1].text) is None \
        and not _acronym(tokens[i + 1].text)
    n = 2 if nxt else 1
    return i, n + (0 if genitive else _in_place(text, tokens, i, n)), kind, False


def _acronym_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """"LRF", "IMDi", "LRF Gävleborg"; "Belgisk TV" (a nationality adjective before an abbreviation)."""
    tok = tokens[i]
    if _acronym(tok.text) and not text[tok.end:tok.end + 3].startswith((" –", " -")):
        run = _run(tokens, i + 1, text, 2) if i + 1 < len(tokens) and _space(text, tok, tokens[i + 1]) else 0
        return i, 1 + run, "other", False
    if _cap(tok) and re.search(r"(isk|sk|ska|iska|ske)$", tok.text) and i + 1 < len(tokens) \
            and _space(text, tok, tokens[i + 1]) and re.fullmatch(r"[A-ZÅÄÖØÆ]{2,5}", tokens[i + 1].text):
        return i, 2, "other", False
    return None


def _run_with_head(text: str, tokens: list[Token], i: int, lang: str) -> Found | None:
    """Capitalised words closed by a head: "Tønsberg kommune", "Röda Korset", "Rural Welcome Network",
    "County Administrative Board of Västmanland", "Grannar AB", "Folkets Park/bygdegårdar"."""
    tok = tokens[i]
    if not _cap(tok) or tok.text in _LEADING:
        return None
    initial = _sentence_initial(text, tok)
    n = _run(tokens, i, text, 4)
    after = tokens[i + n] if n and i + n < len(tokens) else None
    if after is None:
        return None
    if text[tokens[i + n - 1].end:after.start] == "/" and head_type(after.text) and n >= 2 and not initial:
        return i, n, head_type(after.text), False
    if not _space(text, tokens[i + n - 1], after):
        return None
    if after.text in _COMPANY and not initial:
        return i, n + 1, "business", False
    kind = head_type(after.text)
    if kind and _cap(after) and (is_generic(after.text) or not initial):
        of = re.match(r" of (the )?[A-ZÅÄÖØÆ][\w-]+", text[after.end:])
        words = n + 1 + (len(of.group().split()) - (1 if of and of.group(1) else 0) if of else 0)
        phrase = " ".join(t.text.lower() for t in tokens[i:i + n + 1])
        return i, words, "county_board" if phrase.endswith("county administrative board") else kind, False
    lower_heads = {"municipality", "association", "business", "other", "faith_community"}
    if kind in lower_heads and not _cap(after) and (not initial or _unknown_word(tok.text, lang)):
        return i, n + 1, kind, False
    return None


def _unknown_word(word: str, lang: str) -> bool:
    """Not a word of the language's lemma tables: likely a place name ("Ljusdals kommun" at a sentence start)."""
    from simplemma import is_known

    base = re.sub(r"s$", "", word.lower())
    return not is_known(word.lower(), lang={"nn": "nn", "nb": "nb"}.get(lang, lang)) \
        and not is_known(base, lang={"nn": "nn", "nb": "nb"}.get(lang, lang))


def _new_at(text: str, tokens: list[Token], i: int, lang: str = "sv") -> Found | None:
    """A new actor starting at token ``i``: (first token, tokens used, type, collective)."""
    return (_descriptor_name(text, tokens, i) or _run_with_head(text, tokens, i, lang)
            or _head_name(text, tokens, i) or _acronym_name(text, tokens, i))


def _collective_name(text: str, tokens: list[Token], i: int) -> int:
    """Start token of a collective's name with its adjectives: "lokala livsmedelsproducenter"."""
    j = i
    while j > 0 and re.fullmatch(r"[a-zåäöæø]+(a|e|iga|ige)", tokens[j - 1].text) and \
            tokens[j - 1].text in {"lokala", "regionala", "lokale", "regionale", "ideella", "ideelle", "friviljuge",
                                   "frivillige", "frivilliga", "europeiska", "nationella", "statliga", "kommunala"}:
        j -= 1
    return j


def _new_mentions(text: str, tokens: list[Token], lang: str, taken: set[int]) -> list[Mention]:
    out, i = [], 0
    while i < len(tokens):
        found = None if i in taken else _new_at(text, tokens, i, lang)
        if not found:
            i += 1
            continue
        first, n, kind, collective = found
        if any(k in taken for k in range(first, first + n)):
            i += 1
            continue
        if collective and first == i and i and (i - 1) not in taken and _cap(tokens[i - 1]) \
                and _space(text, tokens[i - 1], tokens[i]) and not _sentence_initial(text, tokens[i - 1]) \
                and head_type(tokens[i - 1].text) is None and not _acronym(tokens[i - 1].text):
            first, n, collective = i - 1, 2, False          # Allmänna arvsfonden, Europeiska socialfonden
        elif collective:
            first = _collective_name(text, tokens, first) if first == i else first
            n = i + 1 - first

        s, e = tokens[first].start, tokens[first + n - 1].end
        surface = text[s:e]
        name = re.sub(r"(?<=[a-zåäöæø])s$", "", surface) if head_type(surface.split()[-1][:-1] or "x") else surface
        key = " ".join(key_of(w, lang) for w in name.split())
        out.append(Mention(s, e, surface, key, name, kind, collective=collective))
        i = first + n
    return out


def _is_person(text: str, m: Mention) -> bool:
    """A name followed by ", role" ("Kerstin Carlsson, projektledare") is a person, never an actor."""
    words = m.surface.split()
    role = re.match(r",\s*[a-zåäöæø]+(are|ande|ledare|leder|sjef|chef|strateg|rådgivar\w*|rådgiver|koordinator)\b",
                    text[m.end:m.end + 40])
    return len(words) in (2, 3) and all(w[0].isupper() for w in words) and bool(role)


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
        name = text[unit[0].start:e] if _cap(unit[0]) else text[s:e]
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
    for m in _known_mentions(text, free, gaz):
        first = named[m.actor]
        out.append(Mention(m.start, m.end, m.surface, m.actor, first.name, first.type))
    return out


def find_mentions(text: str, lang: str, known: Dataset | None = None) -> list[Mention]:
    """Every actor mention of ``text``, in order: known actors first, new ones in the gaps."""
    tokens = tokenize(text)
    mentions = _known_mentions(text, tokens, Gazetteer(known, lang)) if known is not None and len(known.actors) else []
    for extra in (_form_values(text, lang), _place_lists(text, lang)):
        mentions += [x for x in extra if not any(x.start < m.end and m.start < x.end for m in mentions)]
    covered = {i for i, t in enumerate(tokens) for m in mentions if m.start <= t.start < m.end}
    new = [m for m in _new_mentions(text, tokens, lang, covered) if not _is_person(text, m)]
    new += _again(text, tokens, lang, [m for m in mentions if not m.known] + new, covered | {i for i, t in enumerate(tokens)
                                                      for m in new if m.start <= t.start < m.end})
    return _units(text, tokens, sorted(mentions + new, key=lambda m: m.start), lang)
